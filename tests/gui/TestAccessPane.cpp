#include "ConsoleTestSupport.h"
#include "models/BindingModel.h"
#include "models/RoleModel.h"
#include "panes/AccessPane.h"
#include "panes/BindingDialog.h"
#include "panes/RoleDialog.h"
#include "service/ControlPlane.h"
#include "shell/MainWindow.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QTreeWidget>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// Roles & Access: roles and their permissions, the scope's bindings, effective permissions and explain, as the
// signed-in identity, with the escalation rule visible and enforced by the control plane.
class TestAccessPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void createACustomRoleByTickingPermissions();
    void grantARoleToAUser();
    void tenantAdminIsNotOfferedWhatItLacks();
    void deletingABoundRoleShowsTheRefusal();
    void explainShowsTheControlPlanesReason();
    void securityReviewerHasEveryWriteActionDisabled();
    void aWorkspaceScopeShowsTheBindingsThatApplyThere();
    void keyboardReachesTheActionsOfTheShownTab();
    void editARoleWithinWhatTheEditorHolds();
    void platformOwnerSeesThePlatformsRoles();
    void lockingForgetsWhatThePaneShowed();
    void theMainWindowShowsThePane();
    void keyboardReachesTheActionsOfTheBindingsTab();

private:
    // Signs in and shows the pane with the scope's roles listed.
    void open(ui::AccessPane& pane, ui::ConsoleBridge& bridge, const QString& tenant, const QString& user);
    static void selectRole(ui::AccessPane& pane, const QString& name);
    static QAction* action(ui::AccessPane& pane, const char* name);
    static QTreeWidgetItem* permissionItem(QTreeWidget* tree, const QString& permission);
    static void confirmYes(ui::AccessPane& pane);

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

namespace {

const char* const kWriteActions[] = {"createRoleAction", "editRoleAction", "deleteRoleAction", "grantRoleAction",
                                     "removeBindingAction"};

template <typename T> T* child(QObject& parent, const char* name)
{
    return parent.findChild<T*>(QLatin1String(name));
}

// With GATEHOUSE_SCREENSHOT_DIR set, the pane is saved as a PNG to look at.
void shot(QWidget& w, const char* name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    w.grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

void clickOk(QDialog* dialog)
{
    QTest::mouseClick(child<QDialogButtonBox>(*dialog, "buttons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

void TestAccessPane::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestAccessPane::cleanup()
{
    m_f.reset();
}

void TestAccessPane::open(ui::AccessPane& pane, ui::ConsoleBridge& bridge, const QString& tenant, const QString& user)
{
    QVERIFY(test::signInBridge(bridge, tenant, user));
    pane.resize(1000, 640);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTRY_VERIFY_WITH_TIMEOUT(pane.roleModel()->rowCount() > 0, kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs); // every answer of signing in is in
}

void TestAccessPane::selectRole(ui::AccessPane& pane, const QString& name)
{
    auto* table = pane.findChild<QTableView*>(QStringLiteral("roleTable"));
    QVERIFY(table);
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, ui::RoleModel::Name).data().toString() == name) {
            table->selectRow(r);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(name)));
}

QAction* TestAccessPane::action(ui::AccessPane& pane, const char* name)
{
    return pane.findChild<QAction*>(QLatin1String(name));
}

QTreeWidgetItem* TestAccessPane::permissionItem(QTreeWidget* tree, const QString& permission)
{
    const auto found = tree->findItems(permission, Qt::MatchExactly | Qt::MatchRecursive);
    return found.isEmpty() ? nullptr : found.first();
}

void TestAccessPane::confirmYes(ui::AccessPane& pane)
{
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = pane.findChild<QMessageBox*>(QStringLiteral("confirmDialog"))) != nullptr);
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
}

void TestAccessPane::createACustomRoleByTickingPermissions()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    const QString alice = bridge.identity().id;
    // The built-in roles of a tenant are listed, and read-only.
    selectRole(pane, QStringLiteral("Member"));
    QVERIFY(!action(pane, "editRoleAction")->isEnabled());
    QVERIFY(!action(pane, "deleteRoleAction")->isEnabled());
    auto* details = child<QTreeWidget>(pane, "rolePermissionTree");
    QVERIFY(permissionItem(details, QStringLiteral("secrets.read")));
    QVERIFY(!permissionItem(details, QStringLiteral("secrets.write")));
    shot(pane, "access-roles");

    QAction* create = action(pane, "createRoleAction");
    QVERIFY(create && create->isEnabled());
    create->trigger();
    auto* dialog = pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(child<QLineEdit>(*dialog, "roleNameEdit"), QStringLiteral("deployers"));
    QTest::keyClicks(child<QLineEdit>(*dialog, "roleDescriptionEdit"), QStringLiteral("Ship releases"));
    // Ticked the way a keyboard user ticks them: the item current, then Space.
    auto* tree = child<QTreeWidget>(*dialog, "permissionTree");
    for (const char* p : {"secrets.read", "secrets.write", "workspaces.read"}) {
        QTreeWidgetItem* item = permissionItem(tree, QLatin1String(p));
        QVERIFY2(item, p);
        QVERIFY2(item->flags() & Qt::ItemIsEnabled, p); // alice, the Tenant Owner, holds everything
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Space);
        QCOMPARE(item->checkState(0), Qt::Checked);
    }
    QCOMPARE(dialog->permissions(), (QStringList{QStringLiteral("workspaces.read"), QStringLiteral("secrets.read"),
                                                 QStringLiteral("secrets.write")}));
    shot(*dialog, "access-role-editor");
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")), kAnswerMs);

    const int row = [&] {
        for (const authz::Role& r : pane.roleModel()->roles()) {
            if (r.name == QLatin1String("deployers"))
                return pane.roleModel()->rowOf(r.id);
        }
        return -1;
    }();
    QVERIFY(row >= 0);
    const authz::Role created = *pane.roleModel()->roleAt(row);
    QCOMPARE(pane.roleModel()->index(row, ui::RoleModel::Kind).data().toString(), QStringLiteral("Custom"));
    QCOMPARE(pane.roleModel()->index(row, ui::RoleModel::Permissions).data().toString(), QStringLiteral("3"));
    QCOMPARE(pane.roleModel()->index(row, ui::RoleModel::Bindings).data().toString(), QStringLiteral("0"));
    // Selected, its permissions shown by area.
    QCOMPARE(child<QLabel>(pane, "roleTitle")->text(), QStringLiteral("deployers"));
    QVERIFY(permissionItem(details, QStringLiteral("secrets.write")));
    QVERIFY(action(pane, "editRoleAction")->isEnabled());

    // What the control plane holds, and the record: alice's, through the console.
    auto roles = m_f->cp->listRoles(m_f->system, m_f->tenantA);
    QVERIFY(roles);
    bool stored = false;
    for (const authz::Role& r : roles.value())
        stored |= r.id == created.id && r.description == QLatin1String("Ship releases") &&
                  r.permissions.names() == QStringList{QStringLiteral("workspaces.read"),
                                                       QStringLiteral("secrets.read"), QStringLiteral("secrets.write")};
    QVERIFY(stored);
    bool audited = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("role.create")))
        audited |= e.targetId == created.id && e.actorId == alice && e.source == QLatin1String("gui") &&
                   e.outcome == QLatin1String("success");
    QVERIFY(audited);
}

void TestAccessPane::grantARoleToAUser()
{
    const QString dave = m_f->addUser(m_f->tenantA, QStringLiteral("dave"), {});
    QVERIFY(!dave.isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    child<QTabWidget>(pane, "accessTabs")->setCurrentIndex(1);
    const int before = pane.bindingModel()->rowCount();

    QAction* grant = action(pane, "grantRoleAction");
    QVERIFY(grant && grant->isEnabled());
    grant->trigger();
    auto* dialog = pane.findChild<ui::BindingDialog*>(QStringLiteral("bindingDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* identity = child<QComboBox>(*dialog, "identityCombo");
    auto* role = child<QComboBox>(*dialog, "roleCombo");
    auto* scope = child<QComboBox>(*dialog, "scopeCombo");
    identity->setCurrentIndex(identity->findText(QStringLiteral("dave (user)")));
    QVERIFY(identity->currentIndex() >= 0);
    role->setCurrentIndex(role->findData(authz::builtin::kSecretsManager));
    QVERIFY(role->currentIndex() >= 0);
    scope->setCurrentIndex(scope->findData(m_f->w1));
    QCOMPARE(scope->currentText(), QStringLiteral("Workspace Production"));
    shot(*dialog, "access-grant");
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.findChild<ui::BindingDialog*>(QStringLiteral("bindingDialog")), kAnswerMs);

    QCOMPARE(pane.bindingModel()->rowCount(), before + 1);
    const authz::Binding* b = nullptr;
    for (int r = 0; r < pane.bindingModel()->rowCount(); ++r) {
        if (pane.bindingModel()->bindingAt(r)->identityId == dave)
            b = pane.bindingModel()->bindingAt(r);
    }
    QVERIFY(b);
    const int row = pane.bindingModel()->rowOf(b->id);
    QCOMPARE(pane.bindingModel()->index(row, ui::BindingModel::Identity).data().toString(), QStringLiteral("dave"));
    QCOMPARE(pane.bindingModel()->index(row, ui::BindingModel::Role).data().toString(),
             QStringLiteral("Secrets Manager"));
    QCOMPARE(pane.bindingModel()->index(row, ui::BindingModel::Scope).data().toString(), QStringLiteral("Production"));
    QVERIFY(pane.message().contains(QLatin1String("dave")));
    shot(pane, "access-bindings");

    // The control plane holds it, and it is on the record as a change through the console.
    auto bindings = m_f->cp->listBindings(m_f->system, m_f->tenantA);
    QVERIFY(bindings);
    bool stored = false;
    for (const authz::Binding& x : bindings.value())
        stored |= x.id == b->id && x.identityId == dave && x.roleId == authz::builtin::kSecretsManager &&
                  x.workspaceId == m_f->w1;
    QVERIFY(stored);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("binding.create"), b->id));

    // The role's count follows.
    const int roleRow = pane.roleModel()->rowOf(authz::builtin::kSecretsManager);
    QCOMPARE(pane.roleModel()->index(roleRow, ui::RoleModel::Bindings).data().toString(), QStringLiteral("1"));

    // And removed again, after a question.
    auto* table = child<QTableView>(pane, "bindingTable");
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, 0).data(ui::BindingModel::IdRole).toString() == b->id)
            table->selectRow(r);
    }
    const QString bindingId = b->id;
    QVERIFY(action(pane, "removeBindingAction")->isEnabled());
    action(pane, "removeBindingAction")->trigger();
    confirmYes(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.bindingModel()->rowOf(bindingId), -1, kAnswerMs);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("binding.delete"), bindingId));
}

void TestAccessPane::tenantAdminIsNotOfferedWhatItLacks()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("carl"), authz::builtin::kTenantAdmin).isEmpty());
    const QString dave = m_f->addUser(m_f->tenantA, QStringLiteral("dave"), {});
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("carl"));

    // The checklist: what a Tenant Admin lacks is listed, greyed out, and cannot be ticked.
    action(pane, "createRoleAction")->trigger();
    auto* dialog = pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* tree = child<QTreeWidget>(*dialog, "permissionTree");
    for (const char* lacked : {"secrets.reveal", "settings.write", "evidence.export"}) {
        QTreeWidgetItem* item = permissionItem(tree, QLatin1String(lacked));
        QVERIFY2(item, lacked);
        QVERIFY2(!(item->flags() & Qt::ItemIsEnabled), lacked);
        QVERIFY2(item->toolTip(0).contains(QLatin1String(lacked)), qPrintable(item->toolTip(0)));
        // Space on it does nothing.
        tree->setCurrentItem(item);
        QTest::keyClick(tree, Qt::Key_Space);
        QCOMPARE(item->checkState(0), Qt::Unchecked);
        QVERIFY(!dialog->setPermissionChecked(QLatin1String(lacked), true));
    }
    for (const char* held : {"users.write", "secrets.write", "roles.write"}) {
        QTreeWidgetItem* item = permissionItem(tree, QLatin1String(held));
        QVERIFY2(item && (item->flags() & Qt::ItemIsEnabled), held);
    }
    // Platform permissions are no tenant role's to hold: not listed at all.
    QVERIFY(!permissionItem(tree, QStringLiteral("tenants.write")));
    shot(*dialog, "access-role-editor-tenant-admin");
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")));

    // A grant of a role holding more: greyed out in the list; forced anyway, the control plane refuses and the
    // dialog says why.
    child<QTabWidget>(pane, "accessTabs")->setCurrentIndex(1);
    action(pane, "grantRoleAction")->trigger();
    auto* grant = pane.findChild<ui::BindingDialog*>(QStringLiteral("bindingDialog"));
    QVERIFY(grant);
    QTRY_VERIFY(grant->isVisible());
    auto* identity = child<QComboBox>(*grant, "identityCombo");
    identity->setCurrentIndex(identity->findText(QStringLiteral("dave (user)")));
    auto* role = child<QComboBox>(*grant, "roleCombo");
    const int owner = role->findData(authz::builtin::kTenantOwner);
    QVERIFY(owner >= 0);
    auto* items = qobject_cast<QStandardItemModel*>(role->model());
    QVERIFY(items && !items->item(owner)->isEnabled());
    QVERIFY(role->itemData(owner, Qt::ToolTipRole).toString().contains(QLatin1String("secrets.reveal")));
    QVERIFY(items->item(role->findData(authz::builtin::kMember))->isEnabled());
    role->setCurrentIndex(owner);
    clickOk(grant);
    auto* error = child<QLabel>(*grant, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kAnswerMs);
    QVERIFY2(error->text().contains(QLatin1String("you cannot grant permissions you do not hold")) &&
                 error->text().contains(QLatin1String("secrets.reveal")),
             qPrintable(error->text()));
    QVERIFY(grant->isVisible());
    shot(*grant, "access-grant-refused");
    const auto bindings = m_f->cp->listBindings(m_f->system, m_f->tenantA);
    QVERIFY(bindings);
    for (const authz::Binding& b : bindings.value())
        QVERIFY(b.identityId != dave);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("binding.create"), {}, QStringLiteral("denied")));
}

void TestAccessPane::deletingABoundRoleShowsTheRefusal()
{
    auto role =
        m_f->cp->createRole(m_f->system, m_f->tenantA, QStringLiteral("readers"), {}, {QStringLiteral("secrets.read")});
    QVERIFY(role);
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("dave"), role.value().id).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    selectRole(pane, QStringLiteral("readers"));
    QCOMPARE(
        pane.roleModel()->index(pane.roleModel()->rowOf(role.value().id), ui::RoleModel::Bindings).data().toString(),
        QStringLiteral("1"));
    QAction* remove = action(pane, "deleteRoleAction");
    QVERIFY(remove->isEnabled());
    remove->trigger();
    confirmYes(pane);
    auto* message = child<QLabel>(pane, "accessMessage");
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kAnswerMs);
    QVERIFY2(message->text().contains(QLatin1String("still bound")), qPrintable(message->text()));
    QVERIFY(pane.roleModel()->rowOf(role.value().id) >= 0);
    QVERIFY(
        test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("role.delete"), role.value().id, QStringLiteral("error")));
}

void TestAccessPane::explainShowsTheControlPlanesReason()
{
    const QString dave = m_f->addUser(m_f->tenantA, QStringLiteral("dave"), authz::builtin::kMember);
    QVERIFY(!dave.isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    child<QTabWidget>(pane, "accessTabs")->setCurrentIndex(2);
    auto* identity = child<QComboBox>(pane, "checkIdentityCombo");
    auto* where = child<QComboBox>(pane, "checkScopeCombo");
    auto* permission = child<QComboBox>(pane, "explainPermissionCombo");
    identity->setCurrentIndex(identity->findData(dave));
    QVERIFY(identity->currentIndex() >= 0);
    where->setCurrentIndex(where->findData(m_f->w1));
    QVERIFY(where->currentIndex() >= 0);

    // Effective permissions there, grouped by area.
    auto* effectiveButton = child<QPushButton>(pane, "effectiveButton");
    QVERIFY(effectiveButton->isEnabled());
    QTest::mouseClick(effectiveButton, Qt::LeftButton);
    auto* effective = child<QTreeWidget>(pane, "effectivePermissionTree");
    QTRY_VERIFY_WITH_TIMEOUT(permissionItem(effective, QStringLiteral("secrets.read")), kAnswerMs);
    QVERIFY(permissionItem(effective, QStringLiteral("workspaces.read")));
    QVERIFY(!permissionItem(effective, QStringLiteral("secrets.reveal")));

    // Denied, and why, in the control plane's words.
    permission->setCurrentIndex(permission->findText(QStringLiteral("secrets.reveal")));
    QTest::mouseClick(child<QPushButton>(pane, "explainButton"), Qt::LeftButton);
    auto* result = child<QLabel>(pane, "explainResult");
    auto* reason = child<QLabel>(pane, "explainReason");
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("Denied"), kAnswerMs);
    auto denied = m_f->cp->explainAccess(m_f->system, m_f->tenantA, dave, m_f->w1, QStringLiteral("secrets.reveal"));
    QVERIFY(denied && denied.value().decision);
    QCOMPARE(reason->text(), denied.value().decision->reason());
    QVERIFY(!reason->text().isEmpty());

    // Allowed, naming the binding and role that allow it.
    permission->setCurrentIndex(permission->findText(QStringLiteral("secrets.read")));
    QTest::mouseClick(child<QPushButton>(pane, "explainButton"), Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(result->text(), QStringLiteral("Allowed"), kAnswerMs);
    auto allowed = m_f->cp->explainAccess(m_f->system, m_f->tenantA, dave, m_f->w1, QStringLiteral("secrets.read"));
    QCOMPARE(reason->text(), allowed.value().decision->reason());
    QVERIFY(reason->text().contains(QLatin1String("Member")));
    shot(pane, "access-check");
    // The question is on the record as asked through the console.
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("authz.explain"), dave));
}

void TestAccessPane::securityReviewerHasEveryWriteActionDisabled()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("rita"));       // roles.read: the roles are listed
    QTRY_VERIFY_WITH_TIMEOUT(pane.bindingModel()->rowCount() > 0, kAnswerMs); // bindings.read
    selectRole(pane, QStringLiteral("Member"));
    auto* bindings = child<QTableView>(pane, "bindingTable");
    bindings->selectRow(0);
    for (const char* name : kWriteActions) {
        QAction* a = action(pane, name);
        QVERIFY2(a, name);
        QVERIFY2(!a->isEnabled(), name);
        const char* needed = QByteArray(name).contains("Role") && !QByteArray(name).startsWith("grant")
                                 ? "roles.write"
                                 : "bindings.write";
        QVERIFY2(a->toolTip().contains(QLatin1String(needed)), qPrintable(a->toolTip()));
        auto* button = pane.findChild<QToolButton*>(QLatin1String(name) + QStringLiteral("Button"));
        QVERIFY2(button && !button->isEnabled(), name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
    }
    // Reading is what a reviewer is for: the questions may be asked.
    QVERIFY(child<QPushButton>(pane, "effectiveButton")->isEnabled());
    QVERIFY(child<QPushButton>(pane, "explainButton")->isEnabled());

    // The same pane for alice, the Tenant Owner: they are there to be used.
    ui::ConsoleBridge ownerBridge(*m_f->cp);
    ui::AccessPane ownerPane(ownerBridge);
    open(ownerPane, ownerBridge, QStringLiteral("acme"), QStringLiteral("alice"));
    child<QTableView>(ownerPane, "bindingTable")->selectRow(0);
    for (const char* name : {"createRoleAction", "grantRoleAction", "removeBindingAction"})
        QVERIFY2(action(ownerPane, name)->isEnabled(), name);
}

void TestAccessPane::aWorkspaceScopeShowsTheBindingsThatApplyThere()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("pat"), authz::builtin::kMember, m_f->w1).isEmpty());
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("dev"), authz::builtin::kMember, m_f->w2).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.bindingModel()->rowCount(), 3, kAnswerMs);
    auto* table = child<QTableView>(pane, "bindingTable");
    QCOMPARE(table->model()->rowCount(), 3);
    ui::ConsoleScope production;
    for (const ui::ConsoleScope& s : bridge.access().scopes) {
        if (s.workspaceId == m_f->w1)
            production = s;
    }
    QVERIFY(!production.workspaceId.isEmpty());
    bridge.setScope(production);
    // alice's tenant-wide binding and pat's in Production; not dev's in Development.
    QCOMPARE(table->model()->rowCount(), 2);
    QStringList shown;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        shown << table->model()->index(r, ui::BindingModel::Identity).data().toString();
    shown.sort();
    QCOMPARE(shown, (QStringList{QStringLiteral("alice"), QStringLiteral("pat")}));
    QVERIFY(child<QLabel>(pane, "bindingScopeLabel")->text().contains(production.label));
}

void TestAccessPane::keyboardReachesTheActionsOfTheShownTab()
{
    QVERIFY(m_f->cp->createRole(m_f->system, m_f->tenantA, QStringLiteral("zz-last"), {}, {}));
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    // Unsorted, the roles come as the control plane lists them: the built-in ones by reach, then the tenant's.
    const QAbstractItemModel* shown = child<QTableView>(pane, "roleTable")->model();
    QCOMPARE(shown->index(0, ui::RoleModel::Name).data().toString(), QStringLiteral("Tenant Owner"));
    QCOMPARE(shown->index(shown->rowCount() - 1, ui::RoleModel::Name).data().toString(), QStringLiteral("zz-last"));
    QApplication::setActiveWindow(&pane);
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    auto* roles = child<QTableView>(pane, "roleTable");
    roles->setFocus();
    QTest::keyClick(roles, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")));
    QVERIFY(!pane.findChild<ui::BindingDialog*>(QStringLiteral("bindingDialog"))); // the hidden tab's stays quiet
}

void TestAccessPane::keyboardReachesTheActionsOfTheBindingsTab()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    child<QTabWidget>(pane, "accessTabs")->setCurrentIndex(1);
    QApplication::setActiveWindow(&pane);
    QVERIFY(QTest::qWaitForWindowActive(&pane));
    auto* bindings = child<QTableView>(pane, "bindingTable");
    bindings->setFocus();
    QTest::keyClick(bindings, Qt::Key_N, Qt::ControlModifier);
    QTRY_VERIFY(pane.findChild<ui::BindingDialog*>(QStringLiteral("bindingDialog")));
    QVERIFY(!pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")));
}

void TestAccessPane::editARoleWithinWhatTheEditorHolds()
{
    auto revealers = m_f->cp->createRole(m_f->system, m_f->tenantA, QStringLiteral("revealers"), {},
                                         {QStringLiteral("secrets.read"), QStringLiteral("secrets.reveal")});
    auto readers =
        m_f->cp->createRole(m_f->system, m_f->tenantA, QStringLiteral("readers"), {}, {QStringLiteral("secrets.read")});
    QVERIFY(revealers && readers);
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("carl"), authz::builtin::kTenantAdmin).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("carl"));

    // A role holding what carl lacks: he sees why he cannot change it, and cannot submit.
    selectRole(pane, QStringLiteral("revealers"));
    action(pane, "editRoleAction")->trigger();
    auto* dialog = pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(child<QLabel>(*dialog, "roleNote")->text().contains(QLatin1String("secrets.reveal")));
    QVERIFY(!child<QDialogButtonBox>(*dialog, "buttons")->button(QDialogButtonBox::Ok)->isEnabled());
    QVERIFY(!child<QLineEdit>(*dialog, "roleNameEdit")); // a role's name is not changed
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")));

    // One within what he holds: a permission added, and the change on the record.
    selectRole(pane, QStringLiteral("readers"));
    action(pane, "editRoleAction")->trigger();
    dialog = pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QVERIFY(dialog->setPermissionChecked(QStringLiteral("secrets.write"), true));
    clickOk(dialog);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")), kAnswerMs);
    const int row = pane.roleModel()->rowOf(readers.value().id);
    QCOMPARE(pane.roleModel()->index(row, ui::RoleModel::Permissions).data().toString(), QStringLiteral("2"));
    QVERIFY(permissionItem(child<QTreeWidget>(pane, "rolePermissionTree"), QStringLiteral("secrets.write")));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("role.update"), readers.value().id));
}

void TestAccessPane::platformOwnerSeesThePlatformsRoles()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QString(), QStringLiteral("root"));
    QStringList names;
    for (const authz::Role& r : pane.roleModel()->roles())
        names << r.name;
    QCOMPARE(names, (QStringList{QStringLiteral("Platform Owner"), QStringLiteral("Platform Auditor")}));
    QCOMPARE(pane.bindingModel()->rowCount(), 1);
    QCOMPARE(pane.bindingModel()->index(0, ui::BindingModel::Scope).data().toString(), QStringLiteral("Platform"));
    // Custom roles live in tenants: the platform has none to create.
    QVERIFY(!action(pane, "createRoleAction")->isEnabled());
    QVERIFY(action(pane, "createRoleAction")->toolTip().contains(QLatin1String("roles.write")));
    QVERIFY(action(pane, "grantRoleAction")->isEnabled());
    QVERIFY(!child<QComboBox>(pane, "checkScopeCombo")->isEnabled());
}

void TestAccessPane::lockingForgetsWhatThePaneShowed()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AccessPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(pane.bindingModel()->rowCount() > 0);
    action(pane, "createRoleAction")->trigger();
    QTRY_VERIFY(pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")));
    bridge.lock();
    QTRY_VERIFY(!pane.findChild<ui::RoleDialog*>(QStringLiteral("roleDialog")));
    QCOMPARE(pane.roleModel()->rowCount(), 0);
    QCOMPARE(pane.bindingModel()->rowCount(), 0);
    QCOMPARE(child<QComboBox>(pane, "checkIdentityCombo")->count(), 0);
    for (const char* name : kWriteActions)
        QVERIFY2(!action(pane, name)->isEnabled(), name);
}

void TestAccessPane::theMainWindowShowsThePane()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    ui::MainWindow window(bridge);
    window.resize(1280, 760);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.findChild<QAction*>(QStringLiteral("openPane4Action"))->trigger();
    auto* panes = window.findChild<QStackedWidget*>(QStringLiteral("panes"));
    auto* pane = qobject_cast<ui::AccessPane*>(panes->currentWidget());
    QVERIFY(pane);
    QTRY_VERIFY_WITH_TIMEOUT(pane->roleModel()->rowCount() > 0, kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    selectRole(*pane, QStringLiteral("Tenant Admin"));
    shot(window, "access-main-window");
}

QTEST_MAIN(TestAccessPane)
#include "TestAccessPane.moc"
