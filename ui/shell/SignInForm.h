#pragma once

#include <QWidget>

class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

class ConsoleBridge;
class FederatedSignIn;

// Tenant, username, password and second factor, signed in through the bridge. Shows the control plane's
// answer as it is: it never tells which part was wrong. The password field is emptied after every try.
class SignInForm : public QWidget
{
    Q_OBJECT
public:
    explicit SignInForm(ConsoleBridge& bridge, QWidget* parent = nullptr);

    // Fixes tenant and username (sign-in again after a lock) or frees them (`fixed` false).
    void setIdentity(const QString& tenantName, const QString& username, bool fixed);
    void setMessage(const QString& message);
    QString message() const;
    // Puts the cursor where typing starts.
    void focusFirstEmpty();
    QPushButton* signInButton() const { return m_submit; }
    QPushButton* providerButton() const { return m_provider; }
    // The sign-in at the tenant's identity provider (tests replace its browser).
    FederatedSignIn* federatedSignIn() const { return m_federated; }

public slots:
    void submit();
    // Signs in at the tenant's identity provider in the system browser; a second click while it waits cancels.
    void submitWithProvider();

signals:
    void signedIn();

private:
    void setWaiting(bool waiting);
    void resetProviderButton();

    ConsoleBridge& m_bridge;
    QLineEdit* m_tenant;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_code;
    QLabel* m_message;
    QPushButton* m_submit;
    QPushButton* m_provider;
    FederatedSignIn* m_federated;
    bool m_waiting = false;
};

} // namespace gatehouse::ui
