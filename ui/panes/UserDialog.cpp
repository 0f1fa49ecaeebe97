#include "UserDialog.h"

#include "widgets/SecretInput.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

UserDialog::UserDialog(Purpose purpose, const identity::User& user, QWidget* parent)
    : QDialog(parent), m_purpose(purpose), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("userDialog"));
    auto* form = new QFormLayout;
    const auto field = [this, form](const QString& label, const char* name, const QString& accessible) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(name));
        edit->setAccessibleName(accessible);
        auto* l = new QLabel(label, this);
        l->setBuddy(edit);
        form->addRow(l, edit);
        return edit;
    };
    switch (purpose) {
    case Purpose::Create:
        setWindowTitle(tr("New user"));
        m_username = field(tr("&Username:"), "usernameEdit", tr("Username"));
        break;
    case Purpose::Edit:
        setWindowTitle(tr("Edit %1").arg(user.username));
        break;
    case Purpose::ResetPassword:
        setWindowTitle(tr("Reset the password of %1").arg(user.username));
        break;
    }
    if (purpose != Purpose::ResetPassword) {
        m_displayName = field(tr("&Display name:"), "displayNameEdit", tr("Display name"));
        m_displayName->setText(user.displayName);
        if (purpose == Purpose::Create)
            m_displayName->setPlaceholderText(tr("The username, unless given"));
        m_email = field(tr("&Email:"), "emailEdit", tr("Email"));
        m_email->setText(user.email);
    }
    if (purpose != Purpose::Edit) {
        m_password =
            field(purpose == Purpose::Create ? tr("&Password:") : tr("New &password:"), "passwordEdit", tr("Password"));
        m_repeat = field(tr("&Repeat:"), "repeatEdit", tr("Repeat password"));
        for (QLineEdit* e : {m_password, m_repeat})
            e->setEchoMode(QLineEdit::Password);
    }
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &UserDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &UserDialog::reject);

    auto* layout = new QVBoxLayout(this);
    if (purpose == Purpose::ResetPassword) {
        auto* note = new QLabel(tr("The user signs in with this password from now on; their sessions end."), this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(380);
}

QString UserDialog::username() const
{
    return m_username ? m_username->text().trimmed() : QString();
}

QString UserDialog::displayName() const
{
    if (!m_displayName)
        return {};
    // A new user without a display name is shown by their username.
    const QString text = m_displayName->text().trimmed();
    return text.isEmpty() && m_username ? username() : text;
}

QString UserDialog::email() const
{
    return m_email ? m_email->text().trimmed() : QString();
}

SecureBytes UserDialog::takePassword()
{
    if (!m_password)
        return {};
    SecureBytes repeat = takeSecret(m_repeat);
    SecureBytes password = takeSecret(m_password);
    return password.equals(repeat) ? std::move(password) : SecureBytes();
}

void UserDialog::accept()
{
    if (m_password && m_password->text() != m_repeat->text()) {
        m_password->clear();
        m_repeat->clear();
        showError(tr("The two passwords differ; type them again."));
        m_password->setFocus();
        return;
    }
    if (m_username && m_username->text().trimmed().isEmpty()) {
        showError(tr("Enter a username."));
        return;
    }
    showError({});
    emit submitted();
}

void UserDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void UserDialog::finish()
{
    QDialog::accept();
}

void UserDialog::setWaiting(bool waiting)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting);
}

} // namespace gatehouse::ui
