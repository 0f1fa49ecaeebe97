#include "SignInForm.h"

#include "console/ConsoleBridge.h"
#include "widgets/SecretInput.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

SignInForm::SignInForm(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_tenant(new QLineEdit(this)), m_username(new QLineEdit(this)),
      m_password(new QLineEdit(this)), m_code(new QLineEdit(this)), m_message(new QLabel(this)),
      m_submit(new QPushButton(tr("&Sign In"), this))
{
    setObjectName(QStringLiteral("signInForm"));
    m_tenant->setObjectName(QStringLiteral("tenantEdit"));
    m_tenant->setPlaceholderText(tr("Platform"));
    m_tenant->setAccessibleName(tr("Tenant"));
    m_tenant->setToolTip(tr("The tenant's name; leave empty to sign in as a platform administrator"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setAccessibleName(tr("Username"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setAccessibleName(tr("Password"));
    m_password->setEchoMode(QLineEdit::Password);
    m_code->setObjectName(QStringLiteral("codeEdit"));
    m_code->setAccessibleName(tr("Authenticator or recovery code"));
    m_code->setPlaceholderText(tr("Only when two-factor authentication is on"));
    m_message->setObjectName(QStringLiteral("signInMessage"));
    m_message->setAccessibleName(tr("Sign-in message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->hide();
    m_submit->setObjectName(QStringLiteral("signInButton"));
    m_submit->setAccessibleName(tr("Sign in"));
    m_submit->setDefault(true);
    m_submit->setAutoDefault(true);

    auto* form = new QFormLayout;
    const auto row = [form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    row(tr("&Tenant:"), m_tenant);
    row(tr("&Username:"), m_username);
    row(tr("&Password:"), m_password);
    row(tr("&Code:"), m_code);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(form);
    layout->addWidget(m_message);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);

    connect(m_submit, &QPushButton::clicked, this, &SignInForm::submit);
    for (QLineEdit* edit : {m_tenant, m_username, m_password, m_code})
        connect(edit, &QLineEdit::returnPressed, this, &SignInForm::submit);
    connect(&m_bridge, &ConsoleBridge::signInFinished, this, [this](bool ok, const QString& message) {
        if (!m_waiting)
            return;
        setWaiting(false);
        if (!ok) {
            setMessage(message);
            m_password->setFocus();
            return;
        }
        setMessage({});
        m_code->clear();
        emit signedIn();
    });
}

void SignInForm::setIdentity(const QString& tenantName, const QString& username, bool fixed)
{
    m_tenant->setText(tenantName);
    m_username->setText(username);
    m_tenant->setReadOnly(fixed);
    m_username->setReadOnly(fixed);
}

void SignInForm::setMessage(const QString& message)
{
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

QString SignInForm::message() const
{
    return m_message->text();
}

void SignInForm::focusFirstEmpty()
{
    if (!m_tenant->isReadOnly() && m_username->text().isEmpty())
        m_username->setFocus();
    else
        m_password->setFocus();
}

void SignInForm::submit()
{
    if (m_waiting)
        return;
    if (m_username->text().trimmed().isEmpty() || m_password->text().isEmpty()) {
        setMessage(tr("Enter your username and password."));
        return;
    }
    setMessage({});
    setWaiting(true);
    m_bridge.signIn(m_tenant->text().trimmed(), m_username->text().trimmed(), takeSecret(m_password),
                    m_code->text().trimmed());
    m_code->clear();
}

void SignInForm::setWaiting(bool waiting)
{
    m_waiting = waiting;
    m_submit->setEnabled(!waiting);
    m_submit->setText(waiting ? tr("Signing in…") : tr("&Sign In"));
}

} // namespace gatehouse::ui
