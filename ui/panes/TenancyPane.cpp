#include "TenancyPane.h"

#include "OperationActions.h"

#include "FederationDialog.h"
#include "TenancyDialog.h"
#include "TenantSettingsDialog.h"
#include "console/ConsoleBridge.h"
#include "models/TenantModel.h"
#include "service/ControlPlane.h"
#include "service/OperationCatalog.h"

#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QToolBar>
#include <QTreeView>
#include <QVBoxLayout>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

TenancyPane::TenancyPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new TenantModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_actions(new QToolBar(this)), m_search(new QLineEdit(this)), m_tree(new QTreeView(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("tenancyPane"));
    setAccessibleName(tr("Tenants & Workspaces"));
    auto* title = paneTitle(tr("Tenants & Workspaces"), QStringLiteral("tenancyTitle"), this);

    m_actions->setObjectName(QStringLiteral("tenancyActions"));
    m_actions->setAccessibleName(tr("Tenant and workspace actions"));
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_createTenant = addAction(tr("New &Tenant…"), "createTenantAction", &TenancyPane::createTenant);
    m_createWorkspace = addAction(tr("New &Workspace…"), "createWorkspaceAction", &TenancyPane::createWorkspace);
    m_actions->addSeparator();
    m_rename = addAction(tr("Re&name…"), "renameAction", &TenancyPane::rename);
    m_suspend = addAction(tr("&Suspend"), "suspendAction", &TenancyPane::suspend);
    m_resume = addAction(tr("Res&ume"), "resumeAction", &TenancyPane::resume);
    m_delete = addAction(tr("&Delete…"), "deleteAction", &TenancyPane::remove);
    m_actions->addSeparator();
    m_settings = addAction(tr("Settin&gs…"), "tenantSettingsAction", &TenancyPane::openSettings);
    m_identityProvider =
        addAction(tr("&Identity Provider…"), "identityProviderAction", &TenancyPane::openIdentityProvider);
    m_actions->addSeparator();
    auto* refresh = m_actions->addAction(tr("&Refresh"), this, &TenancyPane::reload);
    refresh->setObjectName(QStringLiteral("refreshTenancyAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_search->setObjectName(QStringLiteral("tenancySearch"));
    m_search->setAccessibleName(tr("Search tenants and workspaces"));
    m_search->setPlaceholderText(tr("Search (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, qOverload<>(&QLineEdit::setFocus));
    QWidget::addAction(find);

    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setRecursiveFilteringEnabled(true);
    m_proxy->setSortRole(TenantModel::SortRole);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_tree->setObjectName(QStringLiteral("tenancyTree"));
    m_tree->setAccessibleName(tr("Tenants and workspaces"));
    m_tree->setModel(m_proxy);
    m_tree->setSortingEnabled(true);
    m_tree->sortByColumn(TenantModel::Name, Qt::AscendingOrder);
    m_tree->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_tree->setSelectionMode(QAbstractItemView::SingleSelection);
    m_tree->setAlternatingRowColors(true);
    m_tree->setUniformRowHeights(true);
    m_tree->setColumnWidth(TenantModel::Name, 220);
    m_tree->setColumnWidth(TenantModel::DisplayName, 240);
    m_tree->setColumnWidth(TenantModel::Status, 110);
    connect(m_tree->selectionModel(), &QItemSelectionModel::selectionChanged, this, &TenancyPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &TenancyPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &TenancyPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &TenancyPane::updateActions);

    m_message->setObjectName(QStringLiteral("tenancyMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_search, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_actions);
    layout->addWidget(m_message);
    layout->addWidget(m_tree, 1);

    connect(&m_bridge, &ConsoleBridge::accessChanged, this, &TenancyPane::updateActions);
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &TenancyPane::reload);
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        m_model->clear();
        m_search->clear();
        m_message->clear();
        m_message->hide();
        for (auto* dialog : findChildren<QDialog*>())
            dialog->reject();
    });
    updateActions();
    if (m_bridge.isSignedIn())
        reload();
}

QAction* TenancyPane::addAction(const QString& text, const char* objectName, void (TenancyPane::*slot)())
{
    auto* action = m_actions->addAction(text, this, slot);
    // The operation depends on the selection (a tenant or a workspace): updateActions() sets it.
    tagOperation(action, m_actions, objectName, "");
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

QString TenancyPane::message() const
{
    return m_message->text();
}

TenancyPane::Target TenancyPane::target() const
{
    Target t;
    const QModelIndexList rows = m_tree->selectionModel()->selectedRows();
    if (rows.isEmpty()) {
        t.workspace = !m_bridge.identity().tenantId.isEmpty();
        t.tenantId = m_bridge.identity().tenantId;
        return t;
    }
    const QModelIndex i = m_proxy->mapToSource(rows.first());
    t.selected = true;
    t.workspace = i.data(TenantModel::IsWorkspaceRole).toBool();
    t.tenantId = i.data(TenantModel::TenantIdRole).toString();
    t.workspaceId = t.workspace ? i.data(TenantModel::IdRole).toString() : QString();
    t.name = i.data(TenantModel::NameRole).toString();
    t.displayName = i.siblingAtColumn(TenantModel::DisplayName).data().toString();
    t.status = i.data(TenantModel::StatusRole).toString();
    return t;
}

QString TenancyPane::operationFor(const QString& verb, const Target& t) const
{
    return (t.workspace ? QStringLiteral("workspace.") : QStringLiteral("tenant.")) + verb;
}

void TenancyPane::updateActions()
{
    const Target t = target();
    const auto apply = [this](QAction* action, const QString& operation, bool fits) {
        action->setProperty("operation", operation);
        if (permitOperation(action, m_bridge))
            action->setEnabled(fits);
    };
    apply(m_createTenant, QStringLiteral("tenant.create"), true);
    apply(m_createWorkspace, QStringLiteral("workspace.create"), !m_bridge.identity().tenantId.isEmpty());
    apply(m_rename, operationFor(QStringLiteral("rename"), t), t.selected);
    apply(m_suspend, operationFor(QStringLiteral("suspend"), t), t.selected && t.status == QLatin1String("active"));
    apply(m_resume, operationFor(QStringLiteral("resume"), t), t.selected && t.status == QLatin1String("suspended"));
    apply(m_delete, operationFor(QStringLiteral("delete"), t), t.selected);
    // A workspace's settings are its tenant's.
    apply(m_settings, QStringLiteral("settings.read"), !t.tenantId.isEmpty());
    apply(m_identityProvider, QStringLiteral("oidc.provider.read"), !t.tenantId.isEmpty());
}

void TenancyPane::showFailure(const Error& error)
{
    showFailureIn(m_message, error);
}

void TenancyPane::showNotice(const QString& text)
{
    showNoticeIn(m_message, text);
}

void TenancyPane::tenancyChanged()
{
    m_bridge.refreshAccess();
}

void TenancyPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    const service::Principal who = m_bridge.identity();
    const QString tenantName = m_bridge.tenantName();
    m_bridge.call(
        this,
        [who, tenantName](ControlPlane& cp, const Caller& caller) -> Result<QList<TenantModel::Entry>> {
            if (who.tenantId.isEmpty()) {
                auto tenants = cp.listTenants(caller);
                if (!tenants)
                    return tenants.error();
                QList<TenantModel::Entry> out;
                for (const auto& t : tenants.value())
                    out.append({t, {}});
                return out;
            }
            // A tenant's people do not read the tenant record (a platform permission): its name is the one
            // they signed in with, and it is active, or they could not have.
            auto workspaces = cp.listWorkspaces(caller, who.tenantId);
            if (!workspaces)
                return workspaces.error();
            tenancy::Tenant own;
            own.id = who.tenantId;
            own.name = tenantName;
            own.displayName = tenantName;
            own.status = QStringLiteral("active");
            return QList<TenantModel::Entry>{{own, workspaces.value()}};
        },
        [this](Result<QList<TenantModel::Entry>> entries) {
            if (!entries) {
                m_model->clear();
                showFailure(entries.error());
                return;
            }
            m_model->setEntries(std::move(entries).value());
            m_tree->expandAll();
        });
}

void TenancyPane::openDialog(TenancyDialog* dialog, std::function<void(TenancyDialog*)> submit)
{
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<TenancyDialog> guard(dialog);
    connect(dialog, &TenancyDialog::submitted, this, [guard, submit = std::move(submit)]() {
        if (guard) {
            guard->setWaiting(true);
            submit(guard.data());
        }
    });
    dialog->open();
}

void TenancyPane::createTenant()
{
    openDialog(new TenancyDialog(TenancyDialog::Purpose::CreateTenant, {}, {}, this), [this](TenancyDialog* d) {
        m_bridge.call(
            d,
            [name = d->name(), displayName = d->displayName(), owner = d->ownerUsername(),
             password = d->takeOwnerPassword()](ControlPlane& cp, const Caller& caller) {
                return cp.createTenant(caller, name, displayName, owner, password);
            },
            [this, d](Result<tenancy::Tenant> created) {
                if (!settleDialog(d, created))
                    return;
                m_model->putTenant(created.value());
                showNotice(tr("Created tenant %1.").arg(created.value().name));
                d->finish();
            });
    });
}

void TenancyPane::createWorkspace()
{
    const QString tenantId = m_bridge.identity().tenantId;
    openDialog(
        new TenancyDialog(TenancyDialog::Purpose::CreateWorkspace, {}, {}, this), [this, tenantId](TenancyDialog* d) {
            m_bridge.call(
                d,
                [tenantId, name = d->name(), displayName = d->displayName()](ControlPlane& cp, const Caller& caller) {
                    return cp.createWorkspace(caller, tenantId, name, displayName);
                },
                [this, d](Result<tenancy::Workspace> created) {
                    if (!settleDialog(d, created))
                        return;
                    m_model->putWorkspace(created.value());
                    m_tree->expandAll();
                    showNotice(tr("Created workspace %1.").arg(created.value().name));
                    tenancyChanged();
                    d->finish();
                });
        });
}

void TenancyPane::rename()
{
    const Target t = target();
    if (!t.selected)
        return;
    openDialog(new TenancyDialog(TenancyDialog::Purpose::Rename, t.name, t.displayName, this),
               [this, t](TenancyDialog* d) {
                   const QString displayName = d->displayName();
                   if (t.workspace) {
                       m_bridge.call(
                           d,
                           [t, displayName](ControlPlane& cp, const Caller& caller) {
                               return cp.renameWorkspace(caller, t.tenantId, t.workspaceId, displayName);
                           },
                           [this, d](Result<tenancy::Workspace> renamed) {
                               if (!settleDialog(d, renamed))
                                   return;
                               m_model->putWorkspace(renamed.value());
                               tenancyChanged();
                               d->finish();
                           });
                       return;
                   }
                   m_bridge.call(
                       d,
                       [t, displayName](ControlPlane& cp, const Caller& caller) {
                           return cp.renameTenant(caller, t.tenantId, displayName);
                       },
                       [this, d](Result<tenancy::Tenant> renamed) {
                           if (!settleDialog(d, renamed))
                               return;
                           m_model->putTenant(renamed.value());
                           d->finish();
                       });
               });
}

void TenancyPane::suspend()
{
    setSuspended(true);
}

void TenancyPane::resume()
{
    setSuspended(false);
}

void TenancyPane::setSuspended(bool suspended)
{
    const Target t = target();
    if (!t.selected)
        return;
    const QString done = suspended ? tr("Suspended %1.") : tr("Resumed %1.");
    if (t.workspace) {
        m_bridge.call(
            this,
            [t, suspended](ControlPlane& cp, const Caller& caller) {
                return cp.setWorkspaceSuspended(caller, t.tenantId, t.workspaceId, suspended);
            },
            [this, done](Result<tenancy::Workspace> changed) {
                if (!changed)
                    return showFailure(changed.error());
                m_model->putWorkspace(changed.value());
                showNotice(done.arg(changed.value().name));
            });
        return;
    }
    m_bridge.call(
        this,
        [t, suspended](ControlPlane& cp, const Caller& caller) {
            return cp.setTenantSuspended(caller, t.tenantId, suspended);
        },
        [this, done](Result<tenancy::Tenant> changed) {
            if (!changed)
                return showFailure(changed.error());
            m_model->putTenant(changed.value());
            showNotice(done.arg(changed.value().name));
        });
}

void TenancyPane::remove()
{
    const Target t = target();
    if (!t.selected)
        return;
    openDialog(new TenancyDialog(TenancyDialog::Purpose::Delete, t.name, t.displayName, this),
               [this, t](TenancyDialog* d) {
                   const QString typed = d->confirmation();
                   m_bridge.call(
                       d,
                       [t, typed](ControlPlane& cp, const Caller& caller) {
                           return t.workspace ? cp.deleteWorkspace(caller, t.tenantId, t.workspaceId, typed)
                                              : cp.deleteTenant(caller, t.tenantId, typed);
                       },
                       [this, d, t](Result<void> deleted) {
                           if (!settleDialog(d, deleted))
                               return;
                           if (t.workspace) {
                               m_model->removeWorkspace(t.tenantId, t.workspaceId);
                               tenancyChanged();
                           } else {
                               m_model->removeTenant(t.tenantId);
                           }
                           showNotice(tr("Deleted %1.").arg(t.name));
                           d->finish();
                       });
               });
}

QString TenancyPane::tenantNameOf(const Target& t) const
{
    if (!t.workspace && !t.name.isEmpty())
        return t.name;
    const QModelIndexList found =
        m_model->match(m_model->index(0, TenantModel::Name), TenantModel::IdRole, t.tenantId, 1, Qt::MatchExactly);
    return found.isEmpty() ? m_bridge.tenantName() : found.first().data(TenantModel::NameRole).toString();
}

void TenancyPane::openSettings()
{
    const Target t = target();
    if (t.tenantId.isEmpty())
        return;
    const QString name = tenantNameOf(t);
    auto* dialog = new TenantSettingsDialog(m_bridge, t.tenantId, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &TenantSettingsDialog::saved, this,
            [this, name]() { showNotice(tr("Saved the settings of %1.").arg(name)); });
    dialog->open();
}

void TenancyPane::openIdentityProvider()
{
    const Target t = target();
    if (t.tenantId.isEmpty())
        return;
    const QString name = tenantNameOf(t);
    auto* dialog = new FederationDialog(m_bridge, t.tenantId, name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &FederationDialog::saved, this,
            [this, name]() { showNotice(tr("Saved the identity provider of %1.").arg(name)); });
    connect(dialog, &FederationDialog::removed, this,
            [this, name]() { showNotice(tr("Removed the identity provider of %1.").arg(name)); });
    dialog->open();
}

} // namespace gatehouse::ui
