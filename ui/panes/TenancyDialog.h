#pragma once

#include "core/SecureBytes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gatehouse::ui {

// A new tenant (name, display name, its first owner), a new workspace, a new display name, or the
// confirmation of a deletion, which asks to type the name of what goes. Like UserDialog it emits submitted()
// and stays open until finish(), or shows the control plane's refusal with showError().
class TenancyDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { CreateTenant, CreateWorkspace, Rename, Delete };

    // `name` and `displayName`: of the object renamed or deleted.
    TenancyDialog(Purpose purpose, const QString& name = {}, const QString& displayName = {},
                  QWidget* parent = nullptr);

    Purpose purpose() const { return m_purpose; }
    QString name() const;
    QString displayName() const;
    QString ownerUsername() const;
    SecureBytes takeOwnerPassword();
    // What was typed to confirm a deletion.
    QString confirmation() const;

    void showError(const QString& message);
    void finish();
    void setWaiting(bool waiting);
    void accept() override;

signals:
    void submitted();

private:
    void updateOk();

    Purpose m_purpose;
    QString m_expectedName;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_displayName = nullptr;
    QLineEdit* m_owner = nullptr;
    QLineEdit* m_password = nullptr;
    QLineEdit* m_repeat = nullptr;
    QLineEdit* m_confirm = nullptr;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    bool m_waiting = false;
};

} // namespace gatehouse::ui
