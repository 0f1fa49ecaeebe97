#include "AccessPane.h"

#include "OperationActions.h"

#include "RoleDialog.h"
#include "authz/Authorizer.h"
#include "console/ConsoleBridge.h"
#include "models/BindingModel.h"
#include "models/RoleModel.h"
#include "service/ControlPlane.h"
#include "service/OperationCatalog.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QRegularExpression>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QToolButton>
#include <QTreeWidget>
#include <QVBoxLayout>

#include <optional>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

namespace {

// What the pane shows of a scope, read in one call on the bridge's worker. The roles must be readable (the
// pane is about them); the rest is read when the identity may read it, and left empty otherwise.
struct AccessSnapshot
{
    QList<authz::Role> roles;
    std::optional<QList<authz::Binding>> bindings;
    std::optional<Error> bindingsError;
    QList<identity::User> users;
    QList<identity::Integration> integrations;
    QList<tenancy::Workspace> workspaces;
};

struct Readable
{
    bool bindings = false;
    bool users = false;
    bool integrations = false;
    bool workspaces = false;
};

QLabel* makeHeading(const QString& text, QWidget* parent, qreal scale)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * scale);
    font.setBold(true);
    label->setFont(font);
    return label;
}

void configureTable(QTableView* table)
{
    table->setSortingEnabled(true);
    setUpRecordTable(table);
}

} // namespace

AccessPane::AccessPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_roles(new RoleModel(this)), m_bindings(new BindingModel(this)),
      m_roleProxy(new QSortFilterProxyModel(this)), m_bindingProxy(new QSortFilterProxyModel(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("accessPane"));
    setAccessibleName(tr("Roles & Access"));

    auto* title = makeHeading(tr("Roles & Access"), this, 1.3);
    title->setObjectName(QStringLiteral("accessTitle"));

    m_message->setObjectName(QStringLiteral("accessMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_tabs = new QTabWidget(this);
    m_tabs->setObjectName(QStringLiteral("accessTabs"));
    m_tabs->setAccessibleName(tr("Roles & Access sections"));
    m_tabs->addTab(buildRolesTab(), tr("R&oles"));
    m_tabs->addTab(buildBindingsTab(), tr("&Bindings"));
    m_tabs->addTab(buildCheckTab(), tr("&Check Access"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(m_message);
    layout->addWidget(m_tabs, 1);

    connect(&m_bridge, &ConsoleBridge::accessChanged, this, &AccessPane::updateActions);
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &AccessPane::reload);
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, [this]() {
        if (m_bridge.isSignedIn() && (!m_loaded || m_bridge.scope().tenantId != m_tenantId))
            reload();
        else
            applyScopeFilter();
        // The questions follow the console to its workspace.
        if (const int here = m_checkScope->findData(m_bridge.scope().workspaceId); here >= 0)
            m_checkScope->setCurrentIndex(here);
    });
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        // A locked window shows nothing of what it held.
        clearAll();
        for (auto* dialog : findChildren<QDialog*>())
            dialog->reject();
    });
    updateActions();
    if (m_bridge.isSignedIn())
        reload();
}

QToolBar* AccessPane::makeToolBar(const char* objectName, const QString& accessibleName)
{
    auto* bar = new QToolBar(this);
    bar->setObjectName(QLatin1String(objectName));
    bar->setAccessibleName(accessibleName);
    bar->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_toolBars << bar;
    return bar;
}

QAction* AccessPane::addWriteAction(QToolBar* bar, const QString& text, const char* objectName, const char* operation,
                                    void (AccessPane::*slot)())
{
    QAction* action = bar->addAction(text, this, slot);
    tagOperation(action, bar, objectName, operation);
    return action;
}

QWidget* AccessPane::buildRolesTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("rolesTab"));
    tab->setAccessibleName(tr("Roles"));
    QToolBar* bar = makeToolBar("roleActions", tr("Role actions"));
    addWriteAction(bar, tr("&New Role…"), "createRoleAction", "role.create", &AccessPane::createRole)
        ->setShortcut(QKeySequence::New);
    addWriteAction(bar, tr("&Edit Role…"), "editRoleAction", "role.update", &AccessPane::editRole);
    addWriteAction(bar, tr("&Delete Role…"), "deleteRoleAction", "role.delete", &AccessPane::deleteRole)
        ->setShortcut(QKeySequence::Delete);
    bar->addSeparator();
    auto* refresh = bar->addAction(tr("&Refresh"), this, &AccessPane::reload);
    refresh->setObjectName(QStringLiteral("refreshRolesAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    // The shortcuts work while the tab is shown, wherever the focus is in it.
    for (QAction* a : bar->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    tab->addActions(bar->actions());

    m_roleProxy->setObjectName(QStringLiteral("roleProxy"));
    m_roleProxy->setSourceModel(m_roles);
    m_roleProxy->setSortRole(RoleModel::SortRole);
    m_roleTable = new QTableView(tab);
    m_roleTable->setObjectName(QStringLiteral("roleTable"));
    m_roleTable->setAccessibleName(tr("Roles"));
    m_roleTable->setModel(m_roleProxy);
    configureTable(m_roleTable);
    // The control plane's order (built-in roles by reach, then the tenant's own by name) until a header is
    // clicked.
    m_roleTable->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_roleTable->setColumnWidth(RoleModel::Name, 160);
    m_roleTable->setColumnWidth(RoleModel::Kind, 80);
    m_roleTable->setColumnWidth(RoleModel::Permissions, 90);
    m_roleTable->setColumnWidth(RoleModel::Bindings, 70);
    connect(m_roleTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this]() {
        showRoleDetails();
        updateActions();
    });
    connect(m_roles, &QAbstractItemModel::dataChanged, this, &AccessPane::showRoleDetails);
    connect(m_roles, &QAbstractItemModel::modelReset, this, [this]() {
        showRoleDetails();
        updateActions();
    });
    connect(m_roleTable, &QTableView::doubleClicked, this, [this]() {
        if (auto* edit = findChild<QAction*>(QStringLiteral("editRoleAction")); edit && edit->isEnabled())
            editRole();
    });

    auto* details = new QWidget(tab);
    details->setObjectName(QStringLiteral("roleDetails"));
    m_roleTitle = makeHeading(QString(), details, 1.1);
    m_roleTitle->setObjectName(QStringLiteral("roleTitle"));
    m_roleTitle->setAccessibleName(tr("Selected role"));
    m_roleDescription = new QLabel(details);
    m_roleDescription->setObjectName(QStringLiteral("roleDescription"));
    m_roleDescription->setAccessibleName(tr("Role description"));
    m_roleDescription->setWordWrap(true);
    m_roleDescription->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_rolePermissions = new QTreeWidget(details);
    m_rolePermissions->setObjectName(QStringLiteral("rolePermissionTree"));
    m_rolePermissions->setAccessibleName(tr("Permissions of the selected role"));
    m_rolePermissions->setHeaderHidden(true);
    m_rolePermissions->setRootIsDecorated(false);
    m_rolePermissions->setUniformRowHeights(true);
    auto* detailsLayout = new QVBoxLayout(details);
    detailsLayout->setContentsMargins(0, 0, 0, 0);
    detailsLayout->addWidget(m_roleTitle);
    detailsLayout->addWidget(m_roleDescription);
    detailsLayout->addWidget(m_rolePermissions, 1);

    auto* splitter = new QSplitter(Qt::Horizontal, tab);
    splitter->setObjectName(QStringLiteral("roleSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(m_roleTable);
    splitter->addWidget(details);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);

    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(bar);
    layout->addWidget(splitter, 1);
    return tab;
}

QWidget* AccessPane::buildBindingsTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("bindingsTab"));
    tab->setAccessibleName(tr("Bindings"));
    QToolBar* bar = makeToolBar("bindingActions", tr("Binding actions"));
    addWriteAction(bar, tr("&Grant Role…"), "grantRoleAction", "binding.create", &AccessPane::grantRole)
        ->setShortcut(QKeySequence::New);
    addWriteAction(bar, tr("Re&move Binding…"), "removeBindingAction", "binding.delete", &AccessPane::removeBinding)
        ->setShortcut(QKeySequence::Delete);
    bar->addSeparator();
    auto* refresh = bar->addAction(tr("&Refresh"), this, &AccessPane::reload);
    refresh->setObjectName(QStringLiteral("refreshBindingsAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    for (QAction* a : bar->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    tab->addActions(bar->actions());

    m_bindingScope = new QLabel(tab);
    m_bindingScope->setObjectName(QStringLiteral("bindingScopeLabel"));
    m_bindingScope->setAccessibleName(tr("Bindings shown"));
    m_bindingScope->setWordWrap(true);

    m_bindingProxy->setObjectName(QStringLiteral("bindingProxy"));
    m_bindingProxy->setSourceModel(m_bindings);
    m_bindingProxy->setSortRole(BindingModel::SortRole);
    m_bindingProxy->setFilterRole(BindingModel::WorkspaceIdRole);
    m_bindingProxy->setFilterKeyColumn(0);
    m_bindingTable = new QTableView(tab);
    m_bindingTable->setObjectName(QStringLiteral("bindingTable"));
    m_bindingTable->setAccessibleName(tr("Role bindings"));
    m_bindingTable->setModel(m_bindingProxy);
    configureTable(m_bindingTable);
    m_bindingTable->sortByColumn(BindingModel::Identity, Qt::AscendingOrder);
    m_bindingTable->setColumnWidth(BindingModel::Identity, 170);
    m_bindingTable->setColumnWidth(BindingModel::IdentityKind, 100);
    m_bindingTable->setColumnWidth(BindingModel::Role, 170);
    m_bindingTable->setColumnWidth(BindingModel::Scope, 150);
    connect(m_bindingTable->selectionModel(), &QItemSelectionModel::selectionChanged, this, &AccessPane::updateActions);
    connect(m_bindings, &QAbstractItemModel::modelReset, this, &AccessPane::updateActions);

    auto* layout = new QVBoxLayout(tab);
    layout->addWidget(bar);
    layout->addWidget(m_bindingScope);
    layout->addWidget(m_bindingTable, 1);
    return tab;
}

QWidget* AccessPane::buildCheckTab()
{
    auto* tab = new QWidget(this);
    tab->setObjectName(QStringLiteral("checkTab"));
    tab->setAccessibleName(tr("Check access"));

    m_checkIdentity = new QComboBox(tab);
    m_checkIdentity->setObjectName(QStringLiteral("checkIdentityCombo"));
    m_checkIdentity->setAccessibleName(tr("Identity to check"));
    m_checkIdentity->setMinimumContentsLength(24);
    m_checkScope = new QComboBox(tab);
    m_checkScope->setObjectName(QStringLiteral("checkScopeCombo"));
    m_checkScope->setAccessibleName(tr("Where to check"));
    m_checkScope->setMinimumContentsLength(24);
    connect(m_checkIdentity, &QComboBox::currentIndexChanged, this, &AccessPane::updateActions);

    auto* pickers = new QFormLayout;
    auto* identityLabel = new QLabel(tr("&Identity:"), tab);
    identityLabel->setBuddy(m_checkIdentity);
    pickers->addRow(identityLabel, m_checkIdentity);
    auto* scopeLabel = new QLabel(tr("&Where:"), tab);
    scopeLabel->setBuddy(m_checkScope);
    pickers->addRow(scopeLabel, m_checkScope);

    // What the identity may do there.
    auto* effectiveBox = new QGroupBox(tr("Effective permissions"), tab);
    effectiveBox->setObjectName(QStringLiteral("effectiveBox"));
    m_effectiveButton = new QPushButton(tr("&Show Effective Permissions"), effectiveBox);
    m_effectiveButton->setObjectName(QStringLiteral("effectiveButton"));
    m_effectiveButton->setAccessibleName(tr("Show effective permissions"));
    connect(m_effectiveButton, &QPushButton::clicked, this, &AccessPane::showEffective);
    m_effectiveTitle = new QLabel(effectiveBox);
    m_effectiveTitle->setObjectName(QStringLiteral("effectiveTitle"));
    m_effectiveTitle->setAccessibleName(tr("Effective permissions summary"));
    m_effectiveTitle->setWordWrap(true);
    m_effective = new QTreeWidget(effectiveBox);
    m_effective->setObjectName(QStringLiteral("effectivePermissionTree"));
    m_effective->setAccessibleName(tr("Effective permissions"));
    m_effective->setHeaderHidden(true);
    m_effective->setRootIsDecorated(false);
    m_effective->setUniformRowHeights(true);
    auto* effectiveLayout = new QVBoxLayout(effectiveBox);
    effectiveLayout->addWidget(m_effectiveButton, 0, Qt::AlignLeft);
    effectiveLayout->addWidget(m_effectiveTitle);
    effectiveLayout->addWidget(m_effective, 1);

    // Why one permission is granted there, or not.
    auto* explainBox = new QGroupBox(tr("Explain"), tab);
    explainBox->setObjectName(QStringLiteral("explainBox"));
    m_checkPermission = new QComboBox(explainBox);
    m_checkPermission->setObjectName(QStringLiteral("explainPermissionCombo"));
    m_checkPermission->setAccessibleName(tr("Permission to explain"));
    auto* permissionLabel = new QLabel(tr("&Permission:"), explainBox);
    permissionLabel->setBuddy(m_checkPermission);
    m_explainButton = new QPushButton(tr("E&xplain"), explainBox);
    m_explainButton->setObjectName(QStringLiteral("explainButton"));
    m_explainButton->setAccessibleName(tr("Explain"));
    connect(m_explainButton, &QPushButton::clicked, this, &AccessPane::explain);
    m_explainResult = makeHeading(QString(), explainBox, 1.1);
    m_explainResult->setObjectName(QStringLiteral("explainResult"));
    m_explainResult->setAccessibleName(tr("Decision"));
    m_explainReason = new QLabel(explainBox);
    m_explainReason->setObjectName(QStringLiteral("explainReason"));
    m_explainReason->setAccessibleName(tr("Reason"));
    m_explainReason->setWordWrap(true);
    m_explainReason->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto* permissionRow = new QHBoxLayout;
    permissionRow->addWidget(permissionLabel);
    permissionRow->addWidget(m_checkPermission, 1);
    permissionRow->addWidget(m_explainButton);
    auto* explainLayout = new QVBoxLayout(explainBox);
    explainLayout->addLayout(permissionRow);
    explainLayout->addWidget(m_explainResult);
    explainLayout->addWidget(m_explainReason);
    explainLayout->addStretch(1);

    auto* boxes = new QHBoxLayout;
    boxes->addWidget(effectiveBox, 1);
    boxes->addWidget(explainBox, 1);
    auto* layout = new QVBoxLayout(tab);
    layout->addLayout(pickers);
    layout->addLayout(boxes, 1);
    return tab;
}

QString AccessPane::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

const authz::Role* AccessPane::selectedRole() const
{
    const QModelIndexList rows = m_roleTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_roles->roleAt(m_roleProxy->mapToSource(rows.first()).row());
}

const authz::Binding* AccessPane::selectedBinding() const
{
    const QModelIndexList rows = m_bindingTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_bindings->bindingAt(m_bindingProxy->mapToSource(rows.first()).row());
}

void AccessPane::updateActions()
{
    const authz::Role* role = selectedRole();
    const authz::Binding* binding = selectedBinding();
    for (QToolBar* bar : std::as_const(m_toolBars)) {
        for (QAction* action : bar->actions()) {
            const QString operation = action->property("operation").toString();
            if (operation.isEmpty())
                continue;
            if (!permitOperation(action, m_bridge))
                continue;
            QString tip = action->toolTip();
            bool fits = m_loaded;
            if (operation == QLatin1String("role.update") || operation == QLatin1String("role.delete")) {
                fits = role && !role->builtin;
                if (role && role->builtin)
                    tip = tr("Built-in roles cannot be changed or deleted");
            } else if (operation == QLatin1String("binding.create")) {
                fits = m_loaded && !m_identities.isEmpty();
            } else if (operation == QLatin1String("binding.delete")) {
                fits = binding != nullptr;
            }
            action->setToolTip(tip);
            action->setEnabled(fits);
        }
    }
    // Asking about yourself needs nothing; about anyone else, bindings.read.
    const bool self = m_checkIdentity->currentData().toString() == m_bridge.identity().id;
    const QString missing = self ? QString() : m_bridge.missingPermission(u"authz.explain");
    const bool canAsk = m_loaded && m_checkIdentity->currentIndex() >= 0 && missing.isEmpty();
    for (QPushButton* button : {m_effectiveButton, m_explainButton}) {
        button->setEnabled(canAsk);
        button->setToolTip(missing.isEmpty() ? QString() : tr("Needs the permission %1").arg(missing));
    }
}

void AccessPane::showRoleDetails()
{
    const authz::Role* role = selectedRole();
    if (!role) {
        m_roleTitle->setText(m_roles->rowCount() ? tr("Select a role to see its permissions") : QString());
        m_roleDescription->clear();
        m_rolePermissions->clear();
        return;
    }
    m_roleTitle->setText(role->builtin ? tr("%1 (built-in)").arg(role->name) : role->name);
    m_roleDescription->setText(role->description);
    RoleDialog::fillGrouped(m_rolePermissions, role->permissions.names());
    if (role->permissions.isEmpty())
        new QTreeWidgetItem(m_rolePermissions, {tr("No permissions")});
}

void AccessPane::recountBindings()
{
    QHash<QString, int> counts;
    for (const authz::Binding& b : m_bindings->bindings())
        ++counts[b.roleId];
    m_roles->setBindingCounts(counts, m_bindingsKnown);
}

void AccessPane::applyScopeFilter()
{
    const ConsoleScope& scope = m_bridge.scope();
    if (scope.workspaceId.isEmpty() || scope.tenantId != m_tenantId) {
        m_bindingProxy->setFilterRegularExpression(QString());
        m_bindingScope->setText(m_tenantId.isEmpty() ? tr("The platform's role bindings.")
                                                     : tr("Every role binding of the tenant."));
        return;
    }
    // In a workspace: the bindings that apply there, tenant-wide ones included.
    m_bindingProxy->setFilterRegularExpression(
        QRegularExpression(QStringLiteral("^(|%1)$").arg(QRegularExpression::escape(scope.workspaceId))));
    m_bindingScope->setText(
        tr("The role bindings that apply in %1: tenant-wide ones and those of the workspace.").arg(scope.label));
}

void AccessPane::fillPickers()
{
    // What was chosen stays chosen across a reload, while it is still there.
    const QString identity = m_checkIdentity->currentData().toString();
    const QString permission = m_checkPermission->currentText();
    const QString workspace =
        m_checkScope->currentIndex() >= 0 ? m_checkScope->currentData().toString() : m_bridge.scope().workspaceId;
    m_checkIdentity->clear();
    for (const IdentityChoice& i : std::as_const(m_identities)) {
        const QString label =
            i.kind == QLatin1String("integration") ? tr("%1 (integration)").arg(i.name) : tr("%1 (user)").arg(i.name);
        m_checkIdentity->addItem(label, i.id);
    }
    const int mine = m_checkIdentity->findData(identity.isEmpty() ? m_bridge.identity().id : identity);
    m_checkIdentity->setCurrentIndex(mine >= 0 ? mine : (m_checkIdentity->count() ? 0 : -1));

    m_checkScope->clear();
    m_checkScope->addItem(m_tenantId.isEmpty() ? tr("The platform") : tr("The whole tenant"), QString());
    for (const auto& w : std::as_const(m_workspaces))
        m_checkScope->addItem(tr("Workspace %1").arg(w.second), w.first);
    const int here = m_checkScope->findData(workspace);
    m_checkScope->setCurrentIndex(here >= 0 ? here : 0);
    m_checkScope->setEnabled(!m_tenantId.isEmpty());

    m_checkPermission->clear();
    const auto level = m_tenantId.isEmpty() ? authz::Level::Platform : authz::Level::Tenant;
    m_checkPermission->addItems(authz::allPermissions(level).names());
    const int p = m_checkPermission->findText(permission);
    m_checkPermission->setCurrentIndex(p >= 0 ? p : 0);
}

void AccessPane::showFailure(const Error& error)
{
    showFailureIn(m_message, error);
}

void AccessPane::showNotice(const QString& text)
{
    showNoticeIn(m_message, text);
}

void AccessPane::clearAll()
{
    m_roles->clear();
    m_bindings->clear();
    m_identities.clear();
    m_workspaces.clear();
    m_checkIdentity->clear();
    m_checkScope->clear();
    m_checkPermission->clear();
    m_effective->clear();
    m_effectiveTitle->clear();
    m_explainResult->clear();
    m_explainReason->clear();
    m_message->clear();
    m_message->hide();
    m_loaded = false;
    m_bindingsKnown = false;
    updateActions();
}

void AccessPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    const QString tenantId = m_bridge.scope().tenantId;
    const QString selectedRoleId = selectedRole() ? selectedRole()->id : QString();
    // Read only what the identity may read: a refused read would be a denied event on the record.
    Readable may;
    may.bindings = m_bridge.allows(u"binding.list");
    may.users = m_bridge.allows(u"user.list");
    may.integrations = !tenantId.isEmpty() && m_bridge.allows(u"integration.list");
    may.workspaces = !tenantId.isEmpty() && m_bridge.allows(u"workspace.list");
    m_bridge.call(
        this,
        [tenantId, may](ControlPlane& cp, const Caller& caller) -> Result<AccessSnapshot> {
            auto roles = cp.listRoles(caller, tenantId);
            if (!roles)
                return roles.error();
            AccessSnapshot s;
            s.roles = std::move(roles).value();
            if (may.bindings) {
                if (auto b = cp.listBindings(caller, tenantId))
                    s.bindings = std::move(b).value();
                else
                    s.bindingsError = b.error();
            }
            if (may.users) {
                if (auto u = cp.listUsers(caller, tenantId))
                    s.users = std::move(u).value();
            }
            if (may.integrations) {
                if (auto i = cp.listIntegrations(caller, tenantId))
                    s.integrations = std::move(i).value();
            }
            if (may.workspaces) {
                if (auto w = cp.listWorkspaces(caller, tenantId))
                    s.workspaces = std::move(w).value();
            }
            return s;
        },
        [this, tenantId, selectedRoleId](Result<AccessSnapshot> result) {
            if (!result) {
                clearAll();
                showFailure(result.error());
                return;
            }
            AccessSnapshot s = std::move(result).value();
            m_tenantId = tenantId;
            m_loaded = true;
            m_identities.clear();
            BindingModel::Names names;
            for (const identity::User& u : std::as_const(s.users)) {
                m_identities.append({u.id, QStringLiteral("user"), u.username});
                names.identities.insert(u.id, u.username);
            }
            for (const identity::Integration& i : std::as_const(s.integrations)) {
                m_identities.append({i.id, QStringLiteral("integration"), i.name});
                names.identities.insert(i.id, i.name);
            }
            m_workspaces.clear();
            for (const tenancy::Workspace& w : std::as_const(s.workspaces)) {
                const QString shown = w.displayName.isEmpty() ? w.name : w.displayName;
                m_workspaces.append({w.id, shown});
                names.workspaces.insert(w.id, shown);
            }
            for (const authz::Role& r : std::as_const(s.roles))
                names.roles.insert(r.id, r.name);
            m_roles->setRoles(s.roles);
            m_bindingsKnown = s.bindings.has_value();
            m_bindings->setBindings(s.bindings.value_or(QList<authz::Binding>{}), std::move(names));
            recountBindings();
            applyScopeFilter();
            fillPickers();
            if (s.bindingsError)
                showFailure(*s.bindingsError);
            else if (!m_bindingsKnown)
                m_bindingScope->setText(tr("Reading role bindings needs the permission bindings.read."));
            const int row = m_roles->rowOf(selectedRoleId);
            if (row >= 0)
                m_roleTable->selectRow(m_roleProxy->mapFromSource(m_roles->index(row, 0)).row());
            updateActions();
        });
}

void AccessPane::createRole()
{
    auto* dialog = new RoleDialog(RoleDialog::Purpose::Create, {}, m_bridge.access().tenantPermissions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<RoleDialog> guard(dialog);
    connect(dialog, &RoleDialog::submitted, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, name = guard->name(), description = guard->description(),
             permissions = guard->permissions()](ControlPlane& cp, const Caller& caller) {
                return cp.createRole(caller, tenantId, name, description, permissions);
            },
            [this, guard](Result<authz::Role> created) {
                if (!settleDialog(guard.data(), created))
                    return;
                m_roles->putRole(created.value());
                recountBindings();
                const int row = m_roles->rowOf(created.value().id);
                m_roleTable->selectRow(m_roleProxy->mapFromSource(m_roles->index(row, 0)).row());
                showNotice(tr("Created the role %1. Grant it in Bindings.").arg(created.value().name));
                guard->finish();
            });
    });
    dialog->open();
}

void AccessPane::editRole()
{
    const authz::Role* role = selectedRole();
    if (!role || role->builtin)
        return;
    auto* dialog = new RoleDialog(RoleDialog::Purpose::Edit, *role, m_bridge.access().tenantPermissions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<RoleDialog> guard(dialog);
    const QString roleId = role->id;
    connect(dialog, &RoleDialog::submitted, this, [this, guard, roleId]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, roleId, description = guard->description(),
             permissions = guard->permissions()](ControlPlane& cp, const Caller& caller) {
                return cp.updateRole(caller, tenantId, roleId, description, permissions);
            },
            [this, guard](Result<authz::Role> updated) {
                if (!settleDialog(guard.data(), updated))
                    return;
                m_roles->putRole(updated.value());
                showNotice(tr("Saved the role %1.").arg(updated.value().name));
                guard->finish();
            });
    });
    dialog->open();
}

void AccessPane::deleteRole()
{
    const authz::Role* role = selectedRole();
    if (!role || role->builtin)
        return;
    const QString roleId = role->id;
    const QString name = role->name;
    askToConfirm(this, tr("Delete the role %1? A role still bound to someone cannot be deleted.").arg(name),
                 [this, roleId, name]() {
                     const QString tenantId = m_tenantId;
                     m_bridge.call(
                         this,
                         [tenantId, roleId](ControlPlane& cp, const Caller& caller) {
                             return cp.deleteRole(caller, tenantId, roleId);
                         },
                         [this, roleId, name](Result<void> deleted) {
                             if (!deleted) {
                                 showFailure(deleted.error());
                                 return;
                             }
                             m_roles->removeRole(roleId);
                             showNotice(tr("Deleted the role %1.").arg(name));
                         });
                 });
}

void AccessPane::grantRole()
{
    auto* dialog = new BindingDialog(m_identities, m_roles->roles(), m_workspaces, m_bridge.access().tenantPermissions,
                                     m_tenantId.isEmpty(), m_bridge.scope().workspaceId, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<BindingDialog> guard(dialog);
    connect(dialog, &BindingDialog::submitted, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, kind = guard->identityKind(), identityId = guard->identityId(), roleId = guard->roleId(),
             workspaceId = guard->workspaceId()](ControlPlane& cp, const Caller& caller) {
                return cp.createBinding(caller, tenantId, kind, identityId, roleId, workspaceId);
            },
            [this, guard](Result<authz::Binding> created) {
                if (!settleDialog(guard.data(), created))
                    return;
                const authz::Binding& b = created.value();
                m_bindings->putBinding(b);
                recountBindings();
                const QString who = m_bindings->names().identities.value(b.identityId, b.identityId);
                const QString what = m_bindings->names().roles.value(b.roleId, b.roleId);
                showNotice(b.workspaceId.isEmpty()
                               ? tr("Granted %1 to %2.").arg(what, who)
                               : tr("Granted %1 to %2 in %3.")
                                     .arg(what, who, m_bindings->names().workspaces.value(b.workspaceId)));
                guard->finish();
            });
    });
    dialog->open();
}

void AccessPane::removeBinding()
{
    const authz::Binding* binding = selectedBinding();
    if (!binding)
        return;
    const QString bindingId = binding->id;
    const QString who = m_bindings->names().identities.value(binding->identityId, binding->identityId);
    const QString what = m_bindings->names().roles.value(binding->roleId, binding->roleId);
    askToConfirm(this, tr("Take the role %1 away from %2?").arg(what, who), [this, bindingId, who, what]() {
        const QString tenantId = m_tenantId;
        m_bridge.call(
            this,
            [tenantId, bindingId](ControlPlane& cp, const Caller& caller) {
                return cp.deleteBinding(caller, tenantId, bindingId);
            },
            [this, bindingId, who, what](Result<void> removed) {
                if (!removed) {
                    showFailure(removed.error());
                    return;
                }
                m_bindings->removeBinding(bindingId);
                recountBindings();
                showNotice(tr("Took the role %1 away from %2.").arg(what, who));
            });
    });
}

void AccessPane::showEffective()
{
    const QString tenantId = m_tenantId;
    const QString identityId = m_checkIdentity->currentData().toString();
    const QString workspaceId = m_checkScope->currentData().toString();
    const QString who = m_checkIdentity->currentText();
    const QString where = m_checkScope->currentText();
    if (identityId.isEmpty())
        return;
    m_effective->clear();
    m_effectiveTitle->setText(tr("Asking…"));
    m_bridge.call(
        this,
        [tenantId, identityId, workspaceId](ControlPlane& cp, const Caller& caller) {
            return cp.effectivePermissions(caller, tenantId, identityId, workspaceId);
        },
        [this, who, where](Result<QStringList> effective) {
            if (!effective) {
                m_effectiveTitle->clear();
                showFailure(effective.error());
                return;
            }
            RoleDialog::fillGrouped(m_effective, effective.value());
            m_effectiveTitle->setText(
                effective.value().isEmpty()
                    ? tr("%1 may do nothing at %2.").arg(who, where)
                    : tr("%1 holds %n permission(s) at %2:", nullptr, int(effective.value().size())).arg(who, where));
        });
}

void AccessPane::explain()
{
    const QString tenantId = m_tenantId;
    const QString identityId = m_checkIdentity->currentData().toString();
    const QString workspaceId = m_checkScope->currentData().toString();
    const QString permission = m_checkPermission->currentText();
    if (identityId.isEmpty() || permission.isEmpty())
        return;
    m_explainResult->setText(tr("Asking…"));
    m_explainResult->setStyleSheet(QString());
    m_explainReason->clear();
    m_bridge.call(
        this,
        [tenantId, identityId, workspaceId, permission](ControlPlane& cp, const Caller& caller) {
            return cp.explainAccess(caller, tenantId, identityId, workspaceId, permission);
        },
        [this](Result<ControlPlane::AccessExplanation> answer) {
            if (!answer || !answer.value().decision) {
                m_explainResult->clear();
                if (!answer)
                    showFailure(answer.error());
                return;
            }
            const authz::Decision& d = *answer.value().decision;
            m_explainResult->setText(d.allowed ? tr("Allowed") : tr("Denied"));
            m_explainResult->setStyleSheet(d.allowed ? QStringLiteral("color: #1b7f3b")
                                                     : QStringLiteral("color: #b00020"));
            // The control plane's own words, as it gives them.
            m_explainReason->setText(d.reason());
        });
}

} // namespace gatehouse::ui
