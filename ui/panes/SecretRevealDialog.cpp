#include "SecretRevealDialog.h"

#include "widgets/ClipboardCountdown.h"
#include "widgets/SecretClipboard.h"
#include "widgets/SecretValueField.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace gatehouse::ui {

SecretRevealDialog::SecretRevealDialog(const QString& secretName, SecretClipboard* clipboard, int valueClearMs,
                                       int clipboardClearMs, QWidget* parent)
    : QDialog(parent), m_name(secretName), m_clipboard(clipboard), m_valueClearMs(valueClearMs),
      m_clipboardClearMs(clipboardClearMs), m_reason(new QLineEdit(this)), m_reveal(new QPushButton(this)),
      m_value(new SecretValueField(this)), m_copy(new QPushButton(this)),
      m_countdown(new ClipboardCountdown(clipboard, this)), m_note(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("secretRevealDialog"));
    setWindowTitle(tr("Reveal %1").arg(secretName));

    auto* intro = new QLabel(
        tr("Revealing a secret is recorded in the audit trail with your reason. The value is cleared from this "
           "window after %n second(s).",
           nullptr, (valueClearMs + 999) / 1000),
        this);
    intro->setWordWrap(true);

    m_reason->setObjectName(QStringLiteral("revealReasonEdit"));
    m_reason->setAccessibleName(tr("Reason"));
    m_reason->setPlaceholderText(tr("Required: incident 4711, rotating the database password…"));
    m_reason->setMaxLength(500);
    m_reveal->setObjectName(QStringLiteral("revealButton"));
    m_reveal->setText(tr("&Reveal"));
    m_reveal->setAccessibleName(tr("Reveal"));
    m_reveal->setDefault(true);
    connect(m_reason, &QLineEdit::textChanged, this, &SecretRevealDialog::updateButtons);
    // Enter presses Reveal, the default button, once a reason is there.
    connect(m_reveal, &QPushButton::clicked, this, &SecretRevealDialog::requestReveal);
    auto* reasonRow = new QHBoxLayout;
    reasonRow->addWidget(m_reason, 1);
    reasonRow->addWidget(m_reveal);

    m_copy->setObjectName(QStringLiteral("copySecretButton"));
    m_copy->setText(tr("&Copy"));
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copy->setAccessibleName(tr("Copy the value"));
    m_copy->setToolTip(tr("Copy to the clipboard, marked as a secret; cleared after %n second(s)", nullptr,
                          (clipboardClearMs + 999) / 1000));
    connect(m_copy, &QPushButton::clicked, this, &SecretRevealDialog::copy);
    connect(m_value, &SecretValueField::copyRequested, this, &SecretRevealDialog::copy);
    connect(m_value, &SecretValueField::cleared, this, [this]() {
        m_note->setText(tr("The value was cleared from this window. Reveal it again to see it."));
        m_note->show();
        updateButtons();
    });
    auto* valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_copy);

    auto* form = new QFormLayout;
    auto* reasonLabel = new QLabel(tr("Re&ason:"), this);
    reasonLabel->setBuddy(m_reason);
    form->addRow(reasonLabel, reasonRow);
    auto* valueLabel = new QLabel(tr("Value:"), this);
    valueLabel->setBuddy(m_value);
    form->addRow(valueLabel, valueRow);

    m_note->setObjectName(QStringLiteral("revealNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SecretRevealDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_countdown);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
    updateButtons();
}

SecretRevealDialog::~SecretRevealDialog()
{
    m_value->clear();
}

void SecretRevealDialog::done(int result)
{
    m_value->clear();
    QDialog::done(result);
}

QString SecretRevealDialog::reason() const
{
    return m_reason->text().trimmed();
}

void SecretRevealDialog::requestReveal()
{
    if (m_waiting)
        return;
    if (reason().isEmpty()) {
        showError(tr("Say why you reveal this secret: the reason goes into the audit trail."));
        m_reason->setFocus();
        return;
    }
    showError({});
    emit revealRequested();
}

void SecretRevealDialog::showValue(SecureBytes value, int version)
{
    m_value->setValue(std::move(value), m_valueClearMs);
    m_note->setText(tr("Version %1, revealed and recorded.").arg(version));
    m_note->show();
    updateButtons();
    m_value->findChild<QWidget*>(QStringLiteral("showSecretButton"))->setFocus();
}

void SecretRevealDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SecretRevealDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    updateButtons();
}

void SecretRevealDialog::copy()
{
    if (!m_clipboard || !m_value->hasValue())
        return;
    QString text = m_value->valueText();
    m_clipboard->copy(text, m_clipboardClearMs);
    OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
    m_countdown->track();
}

void SecretRevealDialog::updateButtons()
{
    const bool shown = m_value->hasValue();
    m_reveal->setEnabled(!m_waiting && !shown && !reason().isEmpty());
    m_reason->setReadOnly(shown);
    m_copy->setEnabled(shown);
}

} // namespace gatehouse::ui
