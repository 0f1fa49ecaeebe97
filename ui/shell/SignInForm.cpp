#include "SignInForm.h"

#include "FederatedSignIn.h"
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
      m_submit(new QPushButton(tr("&Sign In"), this)),
      m_provider(new QPushButton(tr("Sign In with &Identity Provider…"), this)),
      m_federated(new FederatedSignIn(bridge, this))
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
    m_provider->setObjectName(QStringLiteral("providerSignInButton"));
    m_provider->setAccessibleName(tr("Sign in with identity provider"));
    m_provider->setToolTip(tr("Sign in at your organization's identity provider in your web browser; enter your "
                              "tenant first"));
    m_provider->setAutoDefault(false);

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
    buttons->addWidget(m_provider);
    buttons->addStretch(1);
    buttons->addWidget(m_submit);
    layout->addLayout(buttons);

    connect(m_submit, &QPushButton::clicked, this, &SignInForm::submit);
    connect(m_provider, &QPushButton::clicked, this, &SignInForm::submitWithProvider);
    connect(m_federated, &FederatedSignIn::waitingForBrowser, this, [this]() {
        m_provider->setText(tr("&Cancel Sign-In"));
        m_provider->setAccessibleName(tr("Cancel sign-in with identity provider"));
        setMessage(tr("Continue in your web browser: sign in at your identity provider, then come back here."));
        m_message->setStyleSheet(QString()); // a step to take, not an error
    });
    connect(m_federated, &FederatedSignIn::failed, this, [this](const QString& message) {
        resetProviderButton();
        setMessage(message);
    });
    connect(m_federated, &FederatedSignIn::handedOver, this, [this]() {
        resetProviderButton();
        setMessage({});
        setWaiting(true);
    });
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

void SignInForm::submitWithProvider()
{
    if (m_federated->isRunning()) {
        m_federated->cancel();
        return;
    }
    if (m_waiting)
        return;
    if (m_tenant->text().trimmed().isEmpty()) {
        setMessage(tr("Enter your tenant's name first: sign-in with an identity provider is set up per tenant."));
        m_tenant->setFocus();
        return;
    }
    setMessage({});
    m_federated->start(m_tenant->text().trimmed(), m_code->text().trimmed());
    m_code->clear();
}

void SignInForm::resetProviderButton()
{
    m_provider->setText(tr("Sign In with &Identity Provider…"));
    m_provider->setAccessibleName(tr("Sign in with identity provider"));
}

void SignInForm::setMessage(const QString& message)
{
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
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
    m_provider->setEnabled(!waiting);
    m_submit->setText(waiting ? tr("Signing in…") : tr("&Sign In"));
}

} // namespace gatehouse::ui
