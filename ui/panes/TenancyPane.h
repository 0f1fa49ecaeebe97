#pragma once

#include "core/Result.h"

#include <QModelIndex>
#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QToolBar;
class QTreeView;

namespace gatehouse::ui {

class ConsoleBridge;
class TenancyDialog;
class TenantModel;

// Tenants and workspaces as a tree: create, rename, suspend and resume, delete (typing the name to confirm), and
// a tenant's settings (TenantSettingsDialog) and identity provider (FederationDialog).
// Actions the identity may not perform are disabled, their tooltips naming the missing permission; a refusal
// that still happens is shown in the pane's message line.
class TenancyPane : public QWidget
{
    Q_OBJECT
public:
    explicit TenancyPane(ConsoleBridge& bridge, QWidget* parent = nullptr);

    TenantModel* model() const { return m_model; }
    void reload();
    QString message() const;

private:
    // What the selection is (or, with none, what the identity manages): the operation names of its actions.
    struct Target
    {
        bool workspace = false;
        QString tenantId;
        QString workspaceId;
        QString name;
        QString displayName;
        QString status;
        bool selected = false;
    };
    Target target() const;
    QString operationFor(const QString& verb, const Target& t) const;
    QAction* addAction(const QString& text, const char* objectName, void (TenancyPane::*slot)());
    void updateActions();
    void showFailure(const Error& error);
    void showNotice(const QString& text);
    // Opens `dialog`; on submit runs `submit` (which calls the bridge) with the dialog.
    void openDialog(TenancyDialog* dialog, std::function<void(TenancyDialog*)> submit);
    // The tenancy changed: the scope selector lists what exists now.
    void tenancyChanged();

    void createTenant();
    void createWorkspace();
    void rename();
    void suspend();
    void resume();
    void remove();
    void setSuspended(bool suspended);
    void openSettings();
    void openIdentityProvider();
    // The name of the target's tenant (a workspace's tenant when a workspace is selected).
    QString tenantNameOf(const Target& t) const;

    ConsoleBridge& m_bridge;
    TenantModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QToolBar* m_actions;
    QLineEdit* m_search;
    QTreeView* m_tree;
    QLabel* m_message;
    QAction* m_createTenant = nullptr;
    QAction* m_createWorkspace = nullptr;
    QAction* m_rename = nullptr;
    QAction* m_suspend = nullptr;
    QAction* m_resume = nullptr;
    QAction* m_delete = nullptr;
    QAction* m_settings = nullptr;
    QAction* m_identityProvider = nullptr;
};

} // namespace gatehouse::ui
