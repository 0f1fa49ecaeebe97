#pragma once

#include "BindingDialog.h"
#include "core/Result.h"

#include <QList>
#include <QPair>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QPushButton;
class QSortFilterProxyModel;
class QTabWidget;
class QTableView;
class QToolBar;
class QTreeWidget;

namespace gatehouse::authz {
struct Binding;
struct Role;
} // namespace gatehouse::authz

namespace gatehouse::ui {

class BindingModel;
class ConsoleBridge;
class RoleModel;

// Roles & Access: the roles of the scope (built-in and custom) with their permissions grouped by area; the
// scope's role bindings; and two questions for the control plane: what may an identity do here (effective
// permissions), and why may it (not) do one thing (explain). Every write action the identity may not perform
// is disabled, its tooltip naming the missing permission; the escalation rule (nobody grants what they do not
// hold) is visible in the role and grant dialogs; a refusal that still happens is shown in the message line.
class AccessPane : public QWidget
{
    Q_OBJECT
public:
    explicit AccessPane(ConsoleBridge& bridge, QWidget* parent = nullptr);

    RoleModel* roleModel() const { return m_roles; }
    BindingModel* bindingModel() const { return m_bindings; }
    // Lists the scope's roles, bindings, identities and workspaces again.
    void reload();
    QString message() const;

private:
    QAction* addWriteAction(QToolBar* bar, const QString& text, const char* objectName, const char* operation,
                            void (AccessPane::*slot)());
    QToolBar* makeToolBar(const char* objectName, const QString& accessibleName);
    QWidget* buildRolesTab();
    QWidget* buildBindingsTab();
    QWidget* buildCheckTab();

    const authz::Role* selectedRole() const;
    const authz::Binding* selectedBinding() const;
    void updateActions();
    void showRoleDetails();
    void recountBindings();
    void applyScopeFilter();
    void fillPickers();
    void showFailure(const Error& error);
    void showNotice(const QString& text);
    void clearAll();

    void createRole();
    void editRole();
    void deleteRole();
    void grantRole();
    void removeBinding();
    void showEffective();
    void explain();
    // Asks before a change; `then` runs on Yes.

    ConsoleBridge& m_bridge;
    RoleModel* m_roles;
    BindingModel* m_bindings;
    QSortFilterProxyModel* m_roleProxy;
    QSortFilterProxyModel* m_bindingProxy;
    QTabWidget* m_tabs = nullptr;
    QLabel* m_message;
    QList<QToolBar*> m_toolBars;

    QTableView* m_roleTable = nullptr;
    QLabel* m_roleTitle = nullptr;
    QLabel* m_roleDescription = nullptr;
    QTreeWidget* m_rolePermissions = nullptr;

    QTableView* m_bindingTable = nullptr;
    QLabel* m_bindingScope = nullptr;

    QComboBox* m_checkIdentity = nullptr;
    QComboBox* m_checkScope = nullptr;
    QComboBox* m_checkPermission = nullptr;
    QPushButton* m_effectiveButton = nullptr;
    QPushButton* m_explainButton = nullptr;
    QLabel* m_effectiveTitle = nullptr;
    QTreeWidget* m_effective = nullptr;
    QLabel* m_explainResult = nullptr;
    QLabel* m_explainReason = nullptr;

    QString m_tenantId;
    bool m_loaded = false;
    bool m_bindingsKnown = false;
    QList<IdentityChoice> m_identities;
    QList<QPair<QString, QString>> m_workspaces; // (id, name)
};

} // namespace gatehouse::ui
