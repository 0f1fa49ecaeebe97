#pragma once

#include <QDialog>

namespace gatehouse::ui {

class ConsoleBridge;
class SignInForm;

// The first sign-in of the console: accepted once the control plane opened a session.
class SignInDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SignInDialog(ConsoleBridge& bridge, QWidget* parent = nullptr);

    SignInForm* form() const { return m_form; }

private:
    SignInForm* m_form;
};

} // namespace gatehouse::ui
