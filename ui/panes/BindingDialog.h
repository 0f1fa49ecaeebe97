#pragma once

#include "authz/Role.h"

#include <QDialog>
#include <QList>
#include <QPair>
#include <QStringList>

class QComboBox;
class QDialogButtonBox;
class QLabel;

namespace gatehouse::ui {

// An identity the console can name: a user or an integration of the scope.
struct IdentityChoice
{
    QString id;
    QString kind; // "user" or "integration"
    QString name;
};

// Grants a role: an identity of the scope, a role, and where it applies (the whole tenant, or one workspace).
// A role holding permissions the granting identity lacks is listed but greyed out, its tooltip naming them;
// the control plane refuses such a grant anyway, and its refusal is shown here. The dialog calls nothing: it
// emits submitted() and stays open until finish() or showError().
class BindingDialog : public QDialog
{
    Q_OBJECT
public:
    // `workspaces`: (id, name) pairs; empty for the platform. `held`: the permissions of the granting identity
    // at the tenant (or the platform). `workspaceId`: the workspace chosen at first (empty: tenant-wide).
    BindingDialog(const QList<IdentityChoice>& identities, const QList<authz::Role>& roles,
                  const QList<QPair<QString, QString>>& workspaces, const QStringList& held, bool platform,
                  const QString& workspaceId, QWidget* parent = nullptr);

    QString identityKind() const;
    QString identityId() const;
    QString roleId() const;
    QString workspaceId() const;

    void showError(const QString& message);
    void finish();
    void setWaiting(bool waiting);

    void accept() override;

signals:
    void submitted();

private:
    QComboBox* m_identity;
    QComboBox* m_role;
    QComboBox* m_scope;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
