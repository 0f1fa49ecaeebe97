#pragma once

#include "core/SecureBytes.h"
#include "identity/User.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gatehouse::ui {

// A new user (username, profile and first password), a user's profile, or a user's new password. The dialog
// does not call anything: it emits submitted() and stays open until the pane calls finish(), or shows the
// control plane's refusal with showError() and lets the user correct it.
class UserDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Create, Edit, ResetPassword };

    UserDialog(Purpose purpose, const identity::User& user, QWidget* parent = nullptr);

    Purpose purpose() const { return m_purpose; }
    QString username() const;
    QString displayName() const;
    QString email() const;
    // The password typed (twice, equal); the fields are emptied.
    SecureBytes takePassword();

    void showError(const QString& message);
    // The change was made: closes the dialog.
    void finish();
    void setWaiting(bool waiting);

    void accept() override;

signals:
    void submitted();

private:
    Purpose m_purpose;
    QLineEdit* m_username = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLineEdit* m_email = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
