#include "models/TenantModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gatehouse;

class TestTenantModel : public QObject
{
    Q_OBJECT
private slots:
    void treeStaysConsistent();
    void rolesTellTenantsFromWorkspaces();
    void searchKeepsTheTenantOfAMatchingWorkspace();
};

namespace {

tenancy::Tenant tenant(const char* id, const char* name, const char* status = "active")
{
    tenancy::Tenant t;
    t.id = QLatin1String(id);
    t.name = QLatin1String(name);
    t.displayName = QString::fromLatin1(name).toUpper();
    t.status = QLatin1String(status);
    return t;
}

tenancy::Workspace workspace(const char* tenantId, const char* id, const char* name)
{
    tenancy::Workspace w;
    w.tenantId = QLatin1String(tenantId);
    w.id = QLatin1String(id);
    w.name = QLatin1String(name);
    w.displayName = QLatin1String(name);
    w.status = QStringLiteral("active");
    return w;
}

} // namespace

void TestTenantModel::treeStaysConsistent()
{
    ui::TenantModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setEntries(
        {{tenant("ten_a", "acme"), {workspace("ten_a", "wsp_1", "prod"), workspace("ten_a", "wsp_2", "dev")}},
         {tenant("ten_b", "blue"), {}}});
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowCount(model.index(0, 0)), 2);
    QCOMPARE(model.rowCount(model.index(1, 0)), 0);
    model.putWorkspace(workspace("ten_b", "wsp_3", "main"));
    QCOMPARE(model.rowCount(model.index(1, 0)), 1);
    model.putTenant(tenant("ten_c", "cyan"));
    QCOMPARE(model.rowCount(), 3);
    model.putTenant(tenant("ten_a", "acme", "suspended"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 2); // its workspaces stay
    model.removeWorkspace(QStringLiteral("ten_a"), QStringLiteral("wsp_1"));
    QCOMPARE(model.rowCount(model.index(0, 0)), 1);
    model.removeTenant(QStringLiteral("ten_b"));
    QCOMPARE(model.rowCount(), 2);
    model.putWorkspace(workspace("ten_gone", "wsp_9", "x")); // its tenant is not listed: ignored
    QCOMPARE(model.rowCount(), 2);
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestTenantModel::rolesTellTenantsFromWorkspaces()
{
    ui::TenantModel model;
    model.setEntries({{tenant("ten_a", "acme", "suspended"), {workspace("ten_a", "wsp_1", "prod")}}});
    const QModelIndex t = model.indexOf(QStringLiteral("ten_a"));
    const QModelIndex w = model.indexOf(QStringLiteral("ten_a"), QStringLiteral("wsp_1"));
    QVERIFY(t.isValid() && w.isValid());
    QCOMPARE(w.parent(), t);
    QCOMPARE(t.data(ui::TenantModel::IsWorkspaceRole).toBool(), false);
    QCOMPARE(w.data(ui::TenantModel::IsWorkspaceRole).toBool(), true);
    QCOMPARE(w.data(ui::TenantModel::TenantIdRole).toString(), QStringLiteral("ten_a"));
    QCOMPARE(w.data(ui::TenantModel::IdRole).toString(), QStringLiteral("wsp_1"));
    QCOMPARE(t.siblingAtColumn(ui::TenantModel::Status).data().toString(), QStringLiteral("Suspended"));
    QCOMPARE(t.siblingAtColumn(ui::TenantModel::DisplayName).data().toString(), QStringLiteral("ACME"));
    QVERIFY(!model.indexOf(QStringLiteral("ten_a"), QStringLiteral("nope")).isValid());
}

void TestTenantModel::searchKeepsTheTenantOfAMatchingWorkspace()
{
    ui::TenantModel model;
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setRecursiveFilteringEnabled(true);
    proxy.setFilterKeyColumn(-1);
    model.setEntries({{tenant("ten_a", "acme"), {workspace("ten_a", "wsp_1", "prod")}}, {tenant("ten_b", "blue"), {}}});
    proxy.setFilterFixedString(QStringLiteral("prod"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.rowCount(proxy.index(0, 0)), 1);
}

QTEST_MAIN(TestTenantModel)
#include "TestTenantModel.moc"
