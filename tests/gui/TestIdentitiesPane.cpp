#include "ConsoleTestSupport.h"
#include "models/UserModel.h"
#include "panes/IdentitiesPane.h"
#include "panes/UserDialog.h"

#include <QAction>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The Identities pane: users of the scope, and what an administrator does to them, as the signed-in identity.
class TestIdentitiesPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void createAndLockAUserThroughTheGui();
    void refusedPasswordKeepsTheDialogOpen();
    void denialIsShownNotSwallowed();
    void securityReviewerHasEveryWriteActionDisabled();
    void searchFiltersTheTable();
    void platformAdministratorSeesPlatformAdministrators();

private:
    // Signs in and shows the pane with the scope's users listed.
    void open(ui::IdentitiesPane& pane, ui::ConsoleBridge& bridge, const QString& tenant, const QString& user);
    // Selects the user's row in the table.
    static void select(ui::IdentitiesPane& pane, const QString& username);
    static QAction* action(ui::IdentitiesPane& pane, const char* name);

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

namespace {

const char* const kWriteActions[] = {"createUserAction",    "editUserAction",    "lockUserAction",
                                     "unlockUserAction",    "disableUserAction", "enableUserAction",
                                     "resetPasswordAction", "resetMfaAction",    "endSessionsAction"};

} // namespace

void TestIdentitiesPane::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestIdentitiesPane::cleanup()
{
    m_f.reset();
}

void TestIdentitiesPane::open(ui::IdentitiesPane& pane, ui::ConsoleBridge& bridge, const QString& tenant,
                              const QString& user)
{
    QVERIFY(test::signInBridge(bridge, tenant, user));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowCount() > 0, kAnswerMs);
}

void TestIdentitiesPane::select(ui::IdentitiesPane& pane, const QString& username)
{
    auto* table = pane.findChild<QTableView*>(QStringLiteral("userTable"));
    QVERIFY(table);
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, ui::UserModel::Username).data().toString() == username) {
            table->selectRow(r);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(username)));
}

QAction* TestIdentitiesPane::action(ui::IdentitiesPane& pane, const char* name)
{
    return pane.findChild<QAction*>(QLatin1String(name));
}

void TestIdentitiesPane::createAndLockAUserThroughTheGui()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    const QString alice = bridge.identity().id;

    QAction* create = action(pane, "createUserAction");
    QVERIFY(create && create->isEnabled());
    create->trigger();
    auto* dialog = pane.findChild<ui::UserDialog*>(QStringLiteral("userDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit")), QStringLiteral("dave"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("displayNameEdit")), QStringLiteral("Dave Doe"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("emailEdit")), QStringLiteral("dave@acme.test"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), QLatin1String(test::kPassword));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("repeatEdit")), QLatin1String(test::kPassword));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowOf(m_f->userId(m_f->tenantA, QStringLiteral("dave"))) >= 0, kAnswerMs);
    QTRY_VERIFY(!pane.findChild<ui::UserDialog*>(QStringLiteral("userDialog")));
    const QString dave = m_f->userId(m_f->tenantA, QStringLiteral("dave"));

    select(pane, QStringLiteral("dave"));
    QAction* lock = action(pane, "lockUserAction");
    QVERIFY(lock->isEnabled());
    QVERIFY(!action(pane, "unlockUserAction")->isEnabled());
    lock->trigger();
    const int row = pane.model()->rowOf(dave);
    QTRY_COMPARE_WITH_TIMEOUT(
        pane.model()->data(pane.model()->index(row, ui::UserModel::Status), ui::UserModel::StatusRole).toString(),
        QStringLiteral("locked"), kAnswerMs);
    QVERIFY(action(pane, "unlockUserAction")->isEnabled());
    QVERIFY(!action(pane, "lockUserAction")->isEnabled());

    // Both changes are on the record as alice's, through the console.
    for (const char* name : {"user.create", "user.lock"}) {
        bool found = false;
        for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QLatin1String(name)))
            found |= e.targetId == dave && e.actorId == alice && e.source == QLatin1String("gui") &&
                     e.outcome == QLatin1String("success");
        QVERIFY2(found, name);
    }
    auto got = m_f->cp->getUser(m_f->system, m_f->tenantA, dave);
    QVERIFY(got);
    QCOMPARE(got.value().status, QStringLiteral("locked"));
    QCOMPARE(got.value().displayName, QStringLiteral("Dave Doe"));
}

void TestIdentitiesPane::refusedPasswordKeepsTheDialogOpen()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    action(pane, "createUserAction")->trigger();
    auto* dialog = pane.findChild<ui::UserDialog*>(QStringLiteral("userDialog"));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("usernameEdit")), QStringLiteral("erin"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit")), QStringLiteral("password1234"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("repeatEdit")), QStringLiteral("password1234"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kAnswerMs);
    QVERIFY2(error->text().contains(QLatin1String("common")), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());
    QVERIFY(dialog->findChild<QLineEdit*>(QStringLiteral("passwordEdit"))->text().isEmpty());
    QVERIFY(m_f->userId(m_f->tenantA, QStringLiteral("erin")).isEmpty());
    // Esc closes it.
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!pane.findChild<ui::UserDialog*>(QStringLiteral("userDialog")));
}

void TestIdentitiesPane::denialIsShownNotSwallowed()
{
    // A Tenant Admin may lock users, but not alice, the Tenant Owner: she holds permissions carl lacks.
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("carl"), authz::builtin::kTenantAdmin).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("carl"));
    select(pane, QStringLiteral("alice"));
    QAction* lock = action(pane, "lockUserAction");
    QVERIFY(lock->isEnabled());
    lock->trigger();
    auto* message = pane.findChild<QLabel*>(QStringLiteral("identitiesMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kAnswerMs);
    // The control plane's own words, as they are.
    auto direct =
        m_f->cp->setUserStatus(m_f->signIn(QStringLiteral("acme"), QStringLiteral("carl")), m_f->tenantA,
                               m_f->userId(m_f->tenantA, QStringLiteral("alice")), service::UserStatusChange::Lock);
    QVERIFY(!direct);
    QCOMPARE(message->text(), direct.error().message);
    const QString alice = m_f->userId(m_f->tenantA, QStringLiteral("alice"));
    QCOMPARE(m_f->cp->getUser(m_f->system, m_f->tenantA, alice).value().status, QStringLiteral("active"));
    bool audited = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("user.lock")))
        audited |= e.source == QLatin1String("gui") && e.outcome == QLatin1String("denied") &&
                   e.reason == QLatin1String("target_holds_more");
    QVERIFY(audited);
}

void TestIdentitiesPane::securityReviewerHasEveryWriteActionDisabled()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("rita")); // users.read: the users are listed
    select(pane, QStringLiteral("alice"));
    for (const char* name : kWriteActions) {
        QAction* a = action(pane, name);
        QVERIFY2(a, name);
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QLatin1String("users.write")), qPrintable(a->toolTip()));
        // The button shows it too, and says it to a screen reader.
        auto* button = pane.findChild<QToolButton*>(QLatin1String(name) + QStringLiteral("Button"));
        QVERIFY2(button && !button->isEnabled(), name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
    }
    // The same pane for alice, the Tenant Owner: they are there to be used.
    ui::ConsoleBridge ownerBridge(*m_f->cp);
    ui::IdentitiesPane ownerPane(ownerBridge);
    open(ownerPane, ownerBridge, QStringLiteral("acme"), QStringLiteral("alice"));
    select(ownerPane, QStringLiteral("rita"));
    for (const char* name : {"createUserAction", "editUserAction", "lockUserAction", "disableUserAction",
                             "resetPasswordAction", "endSessionsAction"})
        QVERIFY2(action(ownerPane, name)->isEnabled(), name);
}

void TestIdentitiesPane::searchFiltersTheTable()
{
    for (const char* name : {"dana", "dora", "eve"})
        QVERIFY(!m_f->addUser(m_f->tenantA, QLatin1String(name), {}).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 4, kAnswerMs);
    auto* table = pane.findChild<QTableView*>(QStringLiteral("userTable"));
    QTest::keyClicks(pane.findChild<QLineEdit*>(QStringLiteral("userSearch")), QStringLiteral("D"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, ui::UserModel::Username).data().toString(), QStringLiteral("dana"));
    table->sortByColumn(ui::UserModel::Username, Qt::DescendingOrder);
    QCOMPARE(table->model()->index(0, ui::UserModel::Username).data().toString(), QStringLiteral("dora"));
}

void TestIdentitiesPane::platformAdministratorSeesPlatformAdministrators()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane pane(bridge);
    open(pane, bridge, QString(), QStringLiteral("root"));
    QCOMPARE(pane.model()->rowCount(), 1);
    QCOMPARE(pane.model()->data(pane.model()->index(0, ui::UserModel::Username)).toString(), QStringLiteral("root"));
    QVERIFY(action(pane, "createUserAction")->isEnabled());
}

QTEST_MAIN(TestIdentitiesPane)
#include "TestIdentitiesPane.moc"
