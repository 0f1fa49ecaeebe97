#include "AdministratorDialog.h"

#include "service/ControlPlane.h"
#include "widgets/SecretInput.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace gatehouse::ui {

AdministratorDialog::AdministratorDialog(service::ControlPlane& controlPlane, QWidget* parent)
    : QDialog(parent), m_controlPlane(controlPlane), m_username(new QLineEdit(this)), m_password(new QLineEdit(this)),
      m_repeat(new QLineEdit(this)), m_error(new QLabel(this))
{
    setObjectName(QStringLiteral("administratorDialog"));
    setWindowTitle(tr("Create the platform administrator"));
    m_username->setObjectName(QStringLiteral("usernameEdit"));
    m_username->setText(QStringLiteral("admin"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_repeat->setObjectName(QStringLiteral("repeatEdit"));
    for (QLineEdit* e : {m_password, m_repeat})
        e->setEchoMode(QLineEdit::Password);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));

    auto* intro = new QLabel(tr("This administrator manages tenants and reads the platform audit trail. The password "
                                "needs 12 to 128 characters and must not be a common one."),
                             this);
    intro->setWordWrap(true);
    auto* form = new QFormLayout;
    form->addRow(tr("Username"), m_username);
    form->addRow(tr("Password"), m_password);
    form->addRow(tr("Repeat password"), m_repeat);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    connect(buttons, &QDialogButtonBox::accepted, this, &AdministratorDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &AdministratorDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
}

AdministratorDialog::~AdministratorDialog() = default;

void AdministratorDialog::accept()
{
    const SecureBytes password = takeSecret(m_password);
    const SecureBytes repeat = takeSecret(m_repeat);
    if (!password.equals(repeat)) {
        m_error->setText(tr("The two passwords differ; type them again."));
        return;
    }
    auto created = m_controlPlane.bootstrapPlatformOwner(service::Caller::system(service::Source::Gui),
                                                         m_username->text().trimmed(), password);
    if (!created) {
        m_error->setText(created.error().message);
        return;
    }
    QDialog::accept();
}

} // namespace gatehouse::ui
