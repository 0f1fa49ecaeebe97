#pragma once

#include <QWidget>

class QLabel;
class QPushButton;

namespace gatehouse::ui {

class ConsoleBridge;
class SignInForm;

// What the window shows instead of every pane while locked, signed out, or after the session ended: the
// reason, and sign-in (as the same identity while one is kept; "Sign Out" frees the form for another).
class LockPage : public QWidget
{
    Q_OBJECT
public:
    explicit LockPage(ConsoleBridge& bridge, QWidget* parent = nullptr);

    // Fills the form for the bridge's kept identity (or frees it) and shows `reason`.
    void prepare(const QString& reason);
    SignInForm* form() const { return m_form; }

signals:
    void signOutRequested();

private:
    ConsoleBridge& m_bridge;
    QLabel* m_title;
    QLabel* m_reason;
    SignInForm* m_form;
    QPushButton* m_signOut;
};

} // namespace gatehouse::ui
