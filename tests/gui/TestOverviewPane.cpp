// The overview counts what needs attention through the control plane, as the signed-in identity may see it, and
// each number opens the pane with its rows.
#include "ConsoleTestSupport.h"
#include "models/OverviewModel.h"
#include "panes/OverviewPane.h"

#include <QAbstractItemModelTester>
#include <QLabel>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using ui::OverviewModel;
using ui::OverviewPane;

class TestOverviewPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void countsWhatNeedsAttention();
    void figuresFollowWhatTheIdentityMayRead();
    void platformShowsEveryTenant();

private:
    std::unique_ptr<ControlPlaneFixture> f;
};

void TestOverviewPane::init()
{
    useTemporarySettings();
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
}

void TestOverviewPane::countsWhatNeedsAttention()
{
    // In acme: a locked user, a Tenant Admin without a second factor (alice the owner is one too), a secret whose
    // rotation is overdue, one due within the week, and two failed sign-ins.
    const QString locked = f->addUser(f->tenantA, QStringLiteral("lena"), {});
    QVERIFY(f->cp->setUserStatus(f->system, f->tenantA, locked, service::UserStatusChange::Lock));
    QVERIFY(!f->addUser(f->tenantA, QStringLiteral("tim"), authz::builtin::kTenantAdmin).isEmpty());
    QVERIFY(
        f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/a"), {}, {}, 30, 0}, secret("value-a")));
    QVERIFY(
        f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/b"), {}, {}, 90, 0}, secret("value-b")));
    f->clock.advanceSeconds(qint64(86) * 24 * 3600); // a is 56 days overdue, b due in 4 days
    for (int i = 0; i < 2; ++i)
        QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                               secret("wrong-password-here")));

    ui::ConsoleBridge bridge(*f->cp);
    OverviewPane pane(bridge);
    QAbstractItemModelTester tester(pane.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy reloaded(&pane, &OverviewPane::reloaded);
    QVERIFY(signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, kAnswerMs);
    QVERIFY2(pane.message().isEmpty(), qPrintable(pane.message()));

    OverviewModel* m = pane.model();
    QCOMPARE(m->rowCount(), 1);
    QCOMPARE(m->total(OverviewModel::Locked), 1);
    QCOMPARE(m->total(OverviewModel::WithoutMfa), 2); // alice and tim
    QCOMPARE(m->total(OverviewModel::Overdue), 1);
    QCOMPARE(m->total(OverviewModel::DueSoon), 1);
    QCOMPARE(m->total(OverviewModel::Secrets), 2);
    QCOMPARE(m->total(OverviewModel::FailedSignIns), 2);
    QCOMPARE(m->total(OverviewModel::Workspaces), 2);

    // The card shows the number and opens the pane with its rows, in the tenant where it is.
    auto* card = pane.findChild<QToolButton*>(QStringLiteral("lockedCard"));
    QVERIFY(card && card->isEnabled());
    QVERIFY2(card->text().startsWith(QLatin1Char('1')), qPrintable(card->text()));
    QVERIFY(card->accessibleName().contains(QLatin1String("Locked accounts")));
    QSignalSpy open(&pane, &OverviewPane::openRequested);
    QTest::mouseClick(card, Qt::LeftButton);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.at(0).at(0).value<OverviewPane::Destination>(), OverviewPane::Destination::Identities);
    QCOMPARE(open.at(0).at(1).toString(), f->tenantA);
    QTest::mouseClick(pane.findChild<QToolButton*>(QStringLiteral("overdueCard")), Qt::LeftButton);
    QCOMPARE(open.at(1).at(0).value<OverviewPane::Destination>(), OverviewPane::Destination::Secrets);

    // Read through the control plane as the identity: audited, with source gui.
    QVERIFY(hasGuiEvent(*f, f->tenantA, QStringLiteral("overview.tenant"), f->tenantA));
}

void TestOverviewPane::figuresFollowWhatTheIdentityMayRead()
{
    // A member bound in one workspace gets no tenant overview at all, is told so, and the refusal is audited.
    QVERIFY(!f->addUser(f->tenantA, QStringLiteral("mia"), authz::builtin::kMember, f->w1).isEmpty());
    ui::ConsoleBridge bridge(*f->cp);
    OverviewPane pane(bridge);
    QSignalSpy reloaded(&pane, &OverviewPane::reloaded);
    QVERIFY(signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("mia")));
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, kAnswerMs);
    QCOMPARE(pane.model()->rowCount(), 0);
    QVERIFY2(pane.message().contains(QLatin1String("not allowed")), qPrintable(pane.message()));
    QVERIFY(!pane.findChild<QToolButton*>(QStringLiteral("overdueCard"))->isEnabled());
    QVERIFY(hasGuiEvent(*f, f->tenantA, QStringLiteral("overview.tenant"), f->tenantA, QStringLiteral("denied")));
}

void TestOverviewPane::platformShowsEveryTenant()
{
    ui::ConsoleBridge bridge(*f->cp);
    OverviewPane pane(bridge);
    QSignalSpy reloaded(&pane, &OverviewPane::reloaded);
    QVERIFY(signInBridge(bridge, {}, QStringLiteral("root")));
    QTRY_VERIFY_WITH_TIMEOUT(reloaded.size() >= 1, kAnswerMs);
    OverviewModel* m = pane.model();
    QCOMPARE(m->rowCount(), 3); // the platform's administrators, acme, blue
    QVERIFY(m->summaryAt(0)->tenantId.isEmpty());
    QCOMPARE(m->summaryAt(0)->administratorsWithoutMfa, 1); // root
    // Tenants are counted, never looked into: secrets due are not the platform's to read.
    for (int row = 1; row < 3; ++row) {
        QVERIFY(m->summaryAt(row)->users >= 1);
        QCOMPARE(m->summaryAt(row)->secretsOverdue, -1);
        QCOMPARE(m->data(m->index(row, OverviewModel::Overdue)).toString(), QStringLiteral("\u2014"));
    }
}

QTEST_MAIN(TestOverviewPane)
#include "TestOverviewPane.moc"
