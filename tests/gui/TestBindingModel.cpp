#include "models/BindingModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gatehouse;

class TestBindingModel : public QObject
{
    Q_OBJECT
private slots:
    void modelStaysConsistent();
    void columnsNameWhatTheIdsMean();
};

namespace {

authz::Binding binding(const char* id, const char* identity, const char* role, const char* workspace = "",
                       const char* kind = "user")
{
    authz::Binding b;
    b.id = QLatin1String(id);
    b.tenantId = QStringLiteral("ten_1");
    b.identityKind = QLatin1String(kind);
    b.identityId = QLatin1String(identity);
    b.roleId = QLatin1String(role);
    b.workspaceId = QLatin1String(workspace);
    b.createdAtMs = 1'700'000'000'000;
    return b;
}

ui::BindingModel::Names names()
{
    ui::BindingModel::Names n;
    n.identities = {{QStringLiteral("usr_1"), QStringLiteral("alice")},
                    {QStringLiteral("int_1"), QStringLiteral("ci")}};
    n.roles = {{QStringLiteral("builtin:member"), QStringLiteral("Member")}};
    n.workspaces = {{QStringLiteral("wsp_1"), QStringLiteral("Production")}};
    return n;
}

} // namespace

void TestBindingModel::modelStaysConsistent()
{
    ui::BindingModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::BindingModel::SortRole);
    proxy.sort(ui::BindingModel::Created);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);

    model.setBindings({binding("bnd_1", "usr_1", "builtin:member"), binding("bnd_2", "int_1", "builtin:member")},
                      names());
    QCOMPARE(model.rowCount(), 2);
    model.putBinding(binding("bnd_3", "usr_1", "builtin:member", "wsp_1"));
    QCOMPARE(model.rowCount(), 3);
    model.putBinding(binding("bnd_3", "usr_1", "builtin:member"));
    QCOMPARE(model.rowCount(), 3);
    model.removeBinding(QStringLiteral("bnd_1"));
    model.removeBinding(QStringLiteral("nope"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOf(QStringLiteral("bnd_3")), 1);
    QVERIFY(!model.bindingAt(2));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setBindings({}, {});
}

void TestBindingModel::columnsNameWhatTheIdsMean()
{
    ui::BindingModel model;
    model.setBindings({binding("bnd_1", "usr_1", "builtin:member"),
                       binding("bnd_2", "int_1", "builtin:member", "wsp_1", "integration"),
                       binding("bnd_3", "usr_9", "rol_gone", "wsp_9")},
                      names());
    QCOMPARE(model.index(0, ui::BindingModel::Identity).data().toString(), QStringLiteral("alice"));
    QCOMPARE(model.index(0, ui::BindingModel::IdentityKind).data().toString(), QStringLiteral("User"));
    QCOMPARE(model.index(0, ui::BindingModel::Role).data().toString(), QStringLiteral("Member"));
    QCOMPARE(model.index(0, ui::BindingModel::Scope).data().toString(), QStringLiteral("Tenant-wide"));
    QCOMPARE(model.index(1, ui::BindingModel::IdentityKind).data().toString(), QStringLiteral("Integration"));
    QCOMPARE(model.index(1, ui::BindingModel::Scope).data().toString(), QStringLiteral("Production"));
    // Unknown to the pane: the id, never an empty cell.
    QCOMPARE(model.index(2, ui::BindingModel::Identity).data().toString(), QStringLiteral("usr_9"));
    QCOMPARE(model.index(2, ui::BindingModel::Role).data().toString(), QStringLiteral("rol_gone"));
    QCOMPARE(model.index(2, ui::BindingModel::Scope).data().toString(), QStringLiteral("wsp_9"));
    QCOMPARE(model.index(1, 0).data(ui::BindingModel::IdRole).toString(), QStringLiteral("bnd_2"));
    QCOMPARE(model.index(1, 0).data(ui::BindingModel::WorkspaceIdRole).toString(), QStringLiteral("wsp_1"));
    QVERIFY(!model.index(0, ui::BindingModel::Created).data().toString().isEmpty());
}

QTEST_MAIN(TestBindingModel)
#include "TestBindingModel.moc"
