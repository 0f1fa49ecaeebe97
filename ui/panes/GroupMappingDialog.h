#pragma once

#include "authz/Role.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;

namespace gatehouse::ui {

// One group mapping of a tenant's identity provider: the provider's group (as it sends it), the tenant role its
// members get, and where (the whole tenant or one workspace). Like BindingDialog, a role holding permissions the
// editing identity lacks is listed greyed out, its tooltip naming them. It calls nothing: the FederationDialog
// takes the mapping into its table, saved with the rest.
class GroupMappingDialog : public QDialog
{
    Q_OBJECT
public:
    // `roles`: the tenant's roles (platform roles are left out); `workspaces`: (id, name) pairs; `held`: the
    // permissions of the editing identity at the tenant.
    GroupMappingDialog(const QList<authz::Role>& roles, const QList<QPair<QString, QString>>& workspaces,
                       const QStringList& held, QWidget* parent = nullptr);

    QString group() const;
    QString roleId() const;
    QString workspaceId() const;

    void showError(const QString& message);
    void accept() override;

private:
    QLineEdit* m_group;
    QComboBox* m_role;
    QComboBox* m_scope;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
