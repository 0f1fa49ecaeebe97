#include "TokenIssueDialog.h"

#include "widgets/ClipboardCountdown.h"
#include "widgets/SecretClipboard.h"
#include "widgets/SecretValueField.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace gatehouse::ui {

namespace {

// The token stays in the window this long after it was issued (or until the window closes).
constexpr int kTokenShownMs = 10 * 60'000;

} // namespace

TokenIssueDialog::TokenIssueDialog(const QString& integrationName, const QList<QPair<QString, QString>>& workspaces,
                                   SecretClipboard* clipboard, QWidget* parent)
    : QDialog(parent), m_clipboard(clipboard), m_days(new QSpinBox(this)), m_workspace(new QComboBox(this)),
      m_issue(new QPushButton(this)), m_valueLabel(new QLabel(tr("Token:"), this)), m_value(new SecretValueField(this)),
      m_copy(new QPushButton(this)), m_countdown(new ClipboardCountdown(clipboard, this)), m_note(new QLabel(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("tokenIssueDialog"));
    setWindowTitle(tr("Issue a Token to %1").arg(integrationName));

    auto* intro = new QLabel(tr("The token lets %1 act through the API as the integration, within its role "
                                "bindings, until it expires or is revoked. Its use is recorded in the audit trail.")
                                 .arg(integrationName),
                             this);
    intro->setWordWrap(true);

    m_days->setObjectName(QStringLiteral("expiryDaysSpin"));
    m_days->setAccessibleName(tr("Expires after days"));
    m_days->setRange(1, 365);
    m_days->setValue(90);
    m_days->setSuffix(tr(" days"));
    m_workspace->setObjectName(QStringLiteral("tokenWorkspaceCombo"));
    m_workspace->setAccessibleName(tr("Workspace limit"));
    m_workspace->addItem(tr("No limit (wherever its bindings allow)"), QString());
    for (const auto& [id, name] : workspaces)
        m_workspace->addItem(tr("Only %1").arg(name), id);

    m_issue->setObjectName(QStringLiteral("issueTokenButton"));
    m_issue->setText(tr("&Issue"));
    m_issue->setAccessibleName(tr("Issue the token"));
    m_issue->setDefault(true);
    connect(m_issue, &QPushButton::clicked, this, [this]() {
        if (!m_waiting && !m_issued) {
            showError({});
            emit issueRequested();
        }
    });

    m_copy->setObjectName(QStringLiteral("copyTokenButton"));
    m_copy->setText(tr("&Copy"));
    m_copy->setIcon(QIcon(QStringLiteral(":/icons/copy.svg")));
    m_copy->setAccessibleName(tr("Copy the token"));
    m_copy->setToolTip(tr("Copy to the clipboard, marked as a secret; cleared after %n second(s)", nullptr,
                          (SecretClipboard::kDefaultClearMs + 999) / 1000));
    connect(m_copy, &QPushButton::clicked, this, &TokenIssueDialog::copy);
    connect(m_value, &SecretValueField::copyRequested, this, &TokenIssueDialog::copy);
    connect(m_value, &SecretValueField::cleared, this, [this]() {
        if (m_issued)
            m_note->setText(tr("The token was cleared from this window. It cannot be shown again: if you did not "
                               "keep it, revoke it and issue a new one."));
        updateButtons();
    });
    auto* valueRow = new QHBoxLayout;
    valueRow->addWidget(m_value, 1);
    valueRow->addWidget(m_copy);

    auto* form = new QFormLayout;
    auto* daysLabel = new QLabel(tr("E&xpires after:"), this);
    daysLabel->setBuddy(m_days);
    form->addRow(daysLabel, m_days);
    auto* workspaceLabel = new QLabel(tr("&Workspace:"), this);
    workspaceLabel->setBuddy(m_workspace);
    form->addRow(workspaceLabel, m_workspace);
    form->addRow(QString(), m_issue);
    m_valueLabel->setBuddy(m_value);
    form->addRow(m_valueLabel, valueRow);

    m_note->setObjectName(QStringLiteral("tokenNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setWordWrap(true);
    m_note->hide();
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    m_buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TokenIssueDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_note);
    layout->addWidget(m_countdown);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(560);
    updateButtons();
}

TokenIssueDialog::~TokenIssueDialog()
{
    m_value->clear();
}

void TokenIssueDialog::done(int result)
{
    m_value->clear();
    QDialog::done(result);
}

int TokenIssueDialog::expiryDays() const
{
    return m_days->value();
}

QString TokenIssueDialog::workspaceId() const
{
    return m_workspace->currentData().toString();
}

void TokenIssueDialog::showToken(SecureBytes value)
{
    m_issued = true;
    m_value->setValue(std::move(value), kTokenShownMs);
    m_note->setText(tr("Copy the token now and keep it where the integration reads it: it will never be shown "
                       "again. Gatehouse keeps only a hash of it."));
    m_note->show();
    updateButtons();
    m_copy->setFocus();
}

void TokenIssueDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TokenIssueDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    updateButtons();
}

void TokenIssueDialog::copy()
{
    if (!m_clipboard || !m_value->hasValue())
        return;
    QString text = m_value->valueText();
    m_clipboard->copy(text);
    OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
    m_countdown->track();
}

void TokenIssueDialog::updateButtons()
{
    m_issue->setEnabled(!m_waiting && !m_issued);
    m_days->setEnabled(!m_issued);
    m_workspace->setEnabled(!m_issued);
    m_valueLabel->setVisible(m_issued);
    m_value->setVisible(m_issued);
    m_copy->setVisible(m_issued);
    m_copy->setEnabled(m_value->hasValue());
}

} // namespace gatehouse::ui
