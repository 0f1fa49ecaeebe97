#include "SignInDialog.h"

#include "SignInForm.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

SignInDialog::SignInDialog(ConsoleBridge& bridge, QWidget* parent)
    : QDialog(parent), m_form(new SignInForm(bridge, this)), m_note(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Gatehouse"));
    auto* intro = new QLabel(tr("The console acts as you: it can do what your roles allow, and everything it does "
                                "is recorded in the audit trail."),
                             this);
    intro->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    // The form's own button sits beside Cancel, where a dialog's buttons are.
    buttons->addButton(m_form->signInButton(), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_form, &SignInForm::signedIn, this, &QDialog::accept);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    m_note->setObjectName(QStringLiteral("note"));
    m_note->setWordWrap(true);
    m_note->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_note->hide();
    layout->addWidget(m_note);
    layout->addWidget(m_form);
    layout->addWidget(buttons);
    setMinimumWidth(420);
    m_form->focusFirstEmpty();
}

void SignInDialog::setNote(const QString& note)
{
    m_note->setText(note);
    m_note->setAccessibleName(note);
    m_note->setVisible(!note.isEmpty());
}

} // namespace gatehouse::ui
