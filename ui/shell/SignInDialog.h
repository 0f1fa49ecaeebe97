#pragma once

#include <QDialog>

class QLabel;

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
    // A line for people above the form (where the demo's passwords are); hidden when empty.
    void setNote(const QString& note);

private:
    SignInForm* m_form;
    QLabel* m_note;
};

} // namespace gatehouse::ui
