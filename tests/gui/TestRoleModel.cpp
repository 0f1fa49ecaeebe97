#include "authz/Role.h"
#include "models/RoleModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gatehouse;

class TestRoleModel : public QObject
{
    Q_OBJECT
private slots:
    void modelStaysConsistent();
    void columnsShowWhatTheControlPlaneSaid();
    void bindingCountsWhenKnown();
};

namespace {

authz::Role custom(const char* id, const char* name, authz::PermissionSet permissions)
{
    authz::Role r;
    r.id = QLatin1String(id);
    r.tenantId = QStringLiteral("ten_1");
    r.name = QLatin1String(name);
    r.description = QStringLiteral("a role of the test");
    r.permissions = permissions;
    return r;
}

} // namespace

void TestRoleModel::modelStaysConsistent()
{
    ui::RoleModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::RoleModel::SortRole);
    proxy.sort(ui::RoleModel::Permissions);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setRoles(authz::builtin::roles());
    const int builtins = int(authz::builtin::roles().size());
    QCOMPARE(model.rowCount(), builtins);
    model.putRole(custom("rol_1", "deployers", {authz::Permission::SecretsRead}));
    QCOMPARE(model.rowCount(), builtins + 1);
    model.putRole(custom("rol_1", "deployers", {authz::Permission::SecretsRead, authz::Permission::SecretsWrite}));
    QCOMPARE(model.rowCount(), builtins + 1);
    QCOMPARE(model.index(builtins, ui::RoleModel::Permissions).data().toString(), QStringLiteral("2"));
    model.setBindingCounts({{QStringLiteral("rol_1"), 3}});
    model.removeRole(QStringLiteral("rol_1"));
    model.removeRole(QStringLiteral("nope"));
    QCOMPARE(model.rowCount(), builtins);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    QVERIFY(!model.roleAt(builtins));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setRoles({});
}

void TestRoleModel::columnsShowWhatTheControlPlaneSaid()
{
    ui::RoleModel model;
    model.setRoles({*authz::builtin::find(authz::builtin::kMember),
                    custom("rol_1", "deployers", {authz::Permission::SecretsRead})});
    QCOMPARE(model.index(0, ui::RoleModel::Name).data().toString(), QStringLiteral("Member"));
    QCOMPARE(model.index(0, ui::RoleModel::Kind).data().toString(), QStringLiteral("Built-in"));
    QCOMPARE(model.index(0, ui::RoleModel::Permissions).data().toString(), QStringLiteral("2"));
    QVERIFY(model.index(0, ui::RoleModel::Name).data(ui::RoleModel::BuiltinRole).toBool());
    QCOMPARE(model.index(1, ui::RoleModel::Kind).data().toString(), QStringLiteral("Custom"));
    QCOMPARE(model.index(1, 0).data(ui::RoleModel::IdRole).toString(), QStringLiteral("rol_1"));
    QCOMPARE(model.index(1, ui::RoleModel::Description).data().toString(), QStringLiteral("a role of the test"));
    QCOMPARE(model.headerData(ui::RoleModel::Name, Qt::Horizontal).toString(), QStringLiteral("Role"));
}

void TestRoleModel::bindingCountsWhenKnown()
{
    ui::RoleModel model;
    model.setRoles({custom("rol_1", "deployers", {}), custom("rol_2", "readers", {})});
    // Unknown (no bindings.read) is not zero.
    QCOMPARE(model.index(0, ui::RoleModel::Bindings).data().toString(), QStringLiteral("—"));
    QVERIFY(!model.index(0, ui::RoleModel::Bindings).data(Qt::ToolTipRole).toString().isEmpty());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    model.setBindingCounts({{QStringLiteral("rol_2"), 4}});
    QCOMPARE(changed.size(), 1);
    QCOMPARE(model.index(0, ui::RoleModel::Bindings).data().toString(), QStringLiteral("0"));
    QCOMPARE(model.index(1, ui::RoleModel::Bindings).data().toString(), QStringLiteral("4"));
    QCOMPARE(model.index(1, ui::RoleModel::Bindings).data(ui::RoleModel::SortRole).toInt(), 4);
}

QTEST_MAIN(TestRoleModel)
#include "TestRoleModel.moc"
