#include "ConsoleTestSupport.h"
#include "models/TenantModel.h"
#include "panes/TenancyDialog.h"
#include "panes/TenancyPane.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTreeView>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// Tenants & Workspaces: the tree, and its changes made as the signed-in identity through the console.
class TestTenancyPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void platformOwnerCreatesSuspendsAndDeletesATenant();
    void tenantOwnerCreatesAndRenamesAWorkspace();
    void securityReviewerHasEveryWriteActionDisabled();

private:
    void open(ui::TenancyPane& pane, ui::ConsoleBridge& bridge, const QString& tenant, const QString& user);
    static void select(ui::TenancyPane& pane, const QString& name);
    static ui::TenancyDialog* dialog(ui::TenancyPane& pane);
    static void ok(ui::TenancyDialog* dialog);
    static QAction* action(ui::TenancyPane& pane, const char* name)
    {
        return pane.findChild<QAction*>(QLatin1String(name));
    }

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestTenancyPane::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestTenancyPane::cleanup()
{
    m_f.reset();
}

void TestTenancyPane::open(ui::TenancyPane& pane, ui::ConsoleBridge& bridge, const QString& tenant, const QString& user)
{
    QVERIFY(test::signInBridge(bridge, tenant, user));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowCount() > 0, kAnswerMs);
}

void TestTenancyPane::select(ui::TenancyPane& pane, const QString& name)
{
    auto* tree = pane.findChild<QTreeView*>(QStringLiteral("tenancyTree"));
    const QModelIndexList found = tree->model()->match(tree->model()->index(0, ui::TenantModel::Name), Qt::DisplayRole,
                                                       name, 1, Qt::MatchExactly | Qt::MatchRecursive);
    QVERIFY2(!found.isEmpty(), qPrintable(name));
    tree->selectionModel()->select(found.first(), QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
}

ui::TenancyDialog* TestTenancyPane::dialog(ui::TenancyPane& pane)
{
    return pane.findChild<ui::TenancyDialog*>(QStringLiteral("tenancyDialog"));
}

void TestTenancyPane::ok(ui::TenancyDialog* dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

void TestTenancyPane::platformOwnerCreatesSuspendsAndDeletesATenant()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    open(pane, bridge, QString(), QStringLiteral("root"));
    QCOMPARE(pane.model()->rowCount(), 2); // acme, blue

    QVERIFY(action(pane, "createTenantAction")->isEnabled());
    action(pane, "createTenantAction")->trigger();
    auto* d = dialog(pane);
    QVERIFY(d);
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("cyan"));
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("displayNameEdit")), QStringLiteral("Cyan Corp"));
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("ownerEdit")), QStringLiteral("cora"));
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), QLatin1String(test::kPassword));
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("repeatEdit")), QLatin1String(test::kPassword));
    ok(d);
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 3, kAnswerMs);
    QTRY_VERIFY(!dialog(pane));

    select(pane, QStringLiteral("cyan"));
    QVERIFY(action(pane, "suspendAction")->isEnabled());
    QVERIFY(!action(pane, "resumeAction")->isEnabled());
    action(pane, "suspendAction")->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(action(pane, "resumeAction")->isEnabled(), kAnswerMs);

    // Deleting asks for the name; a wrong one does not enable the button.
    action(pane, "deleteAction")->trigger();
    d = dialog(pane);
    QVERIFY(d);
    auto* remove = d->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("confirmEdit")), QStringLiteral("cya"));
    QVERIFY(!remove->isEnabled());
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("confirmEdit")), QStringLiteral("n"));
    QVERIFY(remove->isEnabled());
    ok(d);
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 2, kAnswerMs);

    for (const char* name : {"tenant.create", "tenant.suspend", "tenant.delete"})
        QVERIFY2(test::hasGuiEvent(*m_f, QString(), QLatin1String(name), {}), name);
}

void TestTenancyPane::tenantOwnerCreatesAndRenamesAWorkspace()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    QCOMPARE(pane.model()->rowCount(), 1);
    QCOMPARE(pane.model()->rowCount(pane.model()->index(0, 0)), 2);
    // Tenants are the platform's: not hers to create or rename.
    QVERIFY(!action(pane, "createTenantAction")->isEnabled());
    QVERIFY(action(pane, "createTenantAction")->toolTip().contains(QLatin1String("tenants.write")));

    action(pane, "createWorkspaceAction")->trigger();
    auto* d = dialog(pane);
    QVERIFY(d);
    QTest::keyClicks(d->findChild<QLineEdit*>(QStringLiteral("nameEdit")), QStringLiteral("staging"));
    ok(d);
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(pane.model()->index(0, 0)), 3, kAnswerMs);
    // The scope selector learns of it.
    QTRY_COMPARE_WITH_TIMEOUT(bridge.access().scopes.size(), 4, kAnswerMs);

    select(pane, QStringLiteral("staging"));
    QVERIFY(action(pane, "renameAction")->isEnabled());
    action(pane, "renameAction")->trigger();
    d = dialog(pane);
    QVERIFY(d);
    auto* edit = d->findChild<QLineEdit*>(QStringLiteral("displayNameEdit"));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("Staging area"));
    ok(d);
    const QModelIndex staging =
        pane.model()
            ->match(pane.model()->index(0, 0), Qt::DisplayRole, QStringLiteral("staging"), 1, Qt::MatchRecursive)
            .value(0);
    QVERIFY(staging.isValid());
    QTRY_COMPARE_WITH_TIMEOUT(staging.siblingAtColumn(ui::TenantModel::DisplayName).data().toString(),
                              QStringLiteral("Staging area"), kAnswerMs);
    for (const char* name : {"workspace.create", "workspace.rename"})
        QVERIFY2(test::hasGuiEvent(*m_f, m_f->tenantA, QLatin1String(name), {}), name);
}

void TestTenancyPane::securityReviewerHasEveryWriteActionDisabled()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("rita"));
    select(pane, QStringLiteral("prod"));
    for (const char* name : {"createTenantAction", "createWorkspaceAction", "renameAction", "suspendAction",
                             "resumeAction", "deleteAction"}) {
        QAction* a = action(pane, name);
        QVERIFY2(a && !a->isEnabled(), name);
        QVERIFY2(a->toolTip().startsWith(QLatin1String("Needs the permission ")), qPrintable(a->toolTip()));
    }
    QVERIFY(action(pane, "renameAction")->toolTip().contains(QLatin1String("workspaces.write")));
}

QTEST_MAIN(TestTenancyPane)
#include "TestTenancyPane.moc"
