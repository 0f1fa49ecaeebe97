#include "TenancyDialog.h"

#include "widgets/SecretInput.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

TenancyDialog::TenancyDialog(Purpose purpose, const QString& name, const QString& displayName, QWidget* parent)
    : QDialog(parent), m_purpose(purpose), m_expectedName(name), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("tenancyDialog"));
    auto* layout = new QVBoxLayout(this);
    auto* form = new QFormLayout;
    const auto field = [this, form](const QString& label, const char* objectName, const QString& accessible) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(objectName));
        edit->setAccessibleName(accessible);
        auto* l = new QLabel(label, this);
        l->setBuddy(edit);
        form->addRow(l, edit);
        return edit;
    };
    const auto note = [this, layout](const QString& text) {
        auto* label = new QLabel(text, this);
        label->setWordWrap(true);
        layout->addWidget(label);
    };
    switch (purpose) {
    case Purpose::CreateTenant:
        setWindowTitle(tr("New tenant"));
        note(tr("The name is what its people type to sign in; its first owner can do everything inside it."));
        m_name = field(tr("&Name:"), "nameEdit", tr("Name"));
        m_displayName = field(tr("&Display name:"), "displayNameEdit", tr("Display name"));
        m_owner = field(tr("&Owner's username:"), "ownerEdit", tr("Owner's username"));
        m_password = field(tr("Owner's &password:"), "passwordEdit", tr("Owner's password"));
        m_repeat = field(tr("&Repeat:"), "repeatEdit", tr("Repeat the owner's password"));
        for (QLineEdit* e : {m_password, m_repeat})
            e->setEchoMode(QLineEdit::Password);
        break;
    case Purpose::CreateWorkspace:
        setWindowTitle(tr("New workspace"));
        m_name = field(tr("&Name:"), "nameEdit", tr("Name"));
        m_displayName = field(tr("&Display name:"), "displayNameEdit", tr("Display name"));
        break;
    case Purpose::Rename:
        setWindowTitle(tr("Rename %1").arg(name));
        m_displayName = field(tr("&Display name:"), "displayNameEdit", tr("Display name"));
        m_displayName->setText(displayName);
        m_displayName->selectAll();
        break;
    case Purpose::Delete:
        setWindowTitle(tr("Delete %1").arg(name));
        note(tr("This destroys %1 and everything in it, for good. Type its name to confirm.").arg(name));
        m_confirm = field(tr("&Name:"), "confirmEdit", tr("Type the name to confirm"));
        m_confirm->setPlaceholderText(name);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Delete"));
        connect(m_confirm, &QLineEdit::textChanged, this, &TenancyDialog::updateOk);
        break;
    }
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleName(m_buttons->button(QDialogButtonBox::Ok)->text().remove(QLatin1Char('&')));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &TenancyDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &TenancyDialog::reject);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(400);
    updateOk();
}

QString TenancyDialog::name() const
{
    return m_name ? m_name->text().trimmed() : m_expectedName;
}

QString TenancyDialog::displayName() const
{
    if (!m_displayName)
        return {};
    const QString text = m_displayName->text().trimmed();
    return text.isEmpty() && m_name ? name() : text;
}

QString TenancyDialog::ownerUsername() const
{
    return m_owner ? m_owner->text().trimmed() : QString();
}

SecureBytes TenancyDialog::takeOwnerPassword()
{
    if (!m_password)
        return {};
    SecureBytes repeat = takeSecret(m_repeat);
    SecureBytes password = takeSecret(m_password);
    return password.equals(repeat) ? std::move(password) : SecureBytes();
}

QString TenancyDialog::confirmation() const
{
    return m_confirm ? m_confirm->text() : QString();
}

void TenancyDialog::updateOk()
{
    const bool confirmed = !m_confirm || m_confirm->text() == m_expectedName;
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(confirmed && !m_waiting);
}

void TenancyDialog::accept()
{
    if (m_password && m_password->text() != m_repeat->text()) {
        m_password->clear();
        m_repeat->clear();
        showError(tr("The two passwords differ; type them again."));
        m_password->setFocus();
        return;
    }
    if (m_confirm && m_confirm->text() != m_expectedName)
        return;
    showError({});
    emit submitted();
}

void TenancyDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void TenancyDialog::finish()
{
    QDialog::accept();
}

void TenancyDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    updateOk();
}

} // namespace gatehouse::ui
