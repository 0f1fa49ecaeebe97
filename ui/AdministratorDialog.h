#pragma once

#include "core/Result.h"

#include <QDialog>

class QLabel;
class QLineEdit;

namespace gatehouse::service {
class ControlPlane;
}

namespace gatehouse::ui {

// First run of the desktop console: creates the platform's first administrator (Platform Owner) through the
// control plane. Stays open with the reason when the control plane refuses (a weak password, a bad name).
class AdministratorDialog : public QDialog
{
    Q_OBJECT
public:
    explicit AdministratorDialog(service::ControlPlane& controlPlane, QWidget* parent = nullptr);
    ~AdministratorDialog() override;

    void accept() override;

private:
    service::ControlPlane& m_controlPlane;
    QLineEdit* m_username;
    QLineEdit* m_password;
    QLineEdit* m_repeat;
    QLabel* m_error;
};

} // namespace gatehouse::ui
