#include "ConsoleTestSupport.h"

#include <QScopeGuard>
#include <QSemaphore>
#include <QThread>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The console's door to the control plane: calls off the GUI thread as the signed-in identity through the
// front door `gui`, answers back on the GUI thread, sessions and what they may do.
class TestConsoleBridge : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void callsRunOffTheGuiThreadAndAnswerOnIt();
    void streamReadsDoNotWaitBehindCallsNorShowBusy();
    void everyCallActsAsTheSignedInIdentityThroughTheGui();
    void answerIsDroppedWhenItsContextIsGone();
    void wrongPasswordAnswersWithTheControlPlanesMessage();
    void permissionsFollowTheScope();
    void platformAdministratorSeesThePlatform();
    void platformOperationsAreNotOfferedToATenantsIdentity();
    void endedSessionIsAnnouncedOnce();
    void lockedConsoleOpensOnlyForTheSameIdentity();
    void lockAndSignOutEndTheSession();
    void secondSignInEndsTheFirstSession();
    void sessionThatMayOnlyEnrolIsNotKept();

private:
    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestConsoleBridge::init()
{
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestConsoleBridge::cleanup()
{
    m_f.reset();
}

void TestConsoleBridge::streamReadsDoNotWaitBehindCallsNorShowBusy()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QObject context;
    // A call held on the worker until the test lets it go.
    QSemaphore release;
    // Let go on every way out, so that a failing check does not leave the worker waiting for ever.
    const auto unblock = qScopeGuard([&release] { release.release(); });
    bool callDone = false;
    bridge.call(
        &context,
        [&release](service::ControlPlane&, const service::Caller&) -> Result<bool> {
            release.acquire();
            return true;
        },
        [&callDone](Result<bool>) { callDone = true; });
    QVERIFY(bridge.isBusy());
    // A feed read meanwhile answers on the GUI thread, while the call still waits.
    bool streamed = false;
    QThread* answeredOn = nullptr;
    bridge.stream(
        &context, [](service::ControlPlane&, const service::Caller&) -> Result<int> { return 7; },
        [&](Result<int> r) {
            streamed = r.ok() && r.value() == 7;
            answeredOn = QThread::currentThread();
        });
    QTRY_VERIFY(streamed);
    QCOMPARE(answeredOn, QThread::currentThread());
    QVERIFY(!callDone);
    release.release();
    QTRY_VERIFY(callDone);
    QTRY_VERIFY(!bridge.isBusy());
    // On its own, a feed read does not show the console busy.
    QSignalSpy busy(&bridge, &ui::ConsoleBridge::busyChanged);
    streamed = false;
    bridge.stream(
        &context, [](service::ControlPlane&, const service::Caller&) -> Result<int> { return 7; },
        [&](Result<int> r) { streamed = r.ok(); });
    QVERIFY(!bridge.isBusy());
    QTRY_VERIFY(streamed);
    QCOMPARE(busy.size(), 0);
}

void TestConsoleBridge::callsRunOffTheGuiThreadAndAnswerOnIt()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QSignalSpy busy(&bridge, &ui::ConsoleBridge::busyChanged);
    QObject context;
    QThread* workedOn = nullptr;
    QThread* answeredOn = nullptr;
    bridge.call(
        &context,
        [&workedOn](service::ControlPlane& cp, const service::Caller& caller) {
            workedOn = QThread::currentThread();
            return cp.whoami(caller);
        },
        [&answeredOn](Result<service::Principal>) { answeredOn = QThread::currentThread(); });
    QVERIFY(bridge.isBusy());
    QTRY_VERIFY_WITH_TIMEOUT(answeredOn != nullptr, kAnswerMs);
    QVERIFY(workedOn != nullptr);
    QVERIFY(workedOn != QThread::currentThread());
    QCOMPARE(answeredOn, QThread::currentThread());
    QVERIFY(!bridge.isBusy());
    QCOMPARE(busy.size(), 2);
    QCOMPARE(busy.at(0).at(0).toBool(), true);
    QCOMPARE(busy.at(1).at(0).toBool(), false);
}

void TestConsoleBridge::everyCallActsAsTheSignedInIdentityThroughTheGui()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QCOMPARE(bridge.identity().name, QStringLiteral("alice"));
    QCOMPARE(bridge.identity().tenantId, m_f->tenantA);
    QObject context;
    std::optional<Result<QList<identity::User>>> answer;
    bridge.call(
        &context,
        [this](service::ControlPlane& cp, const service::Caller& caller) { return cp.listUsers(caller, m_f->tenantA); },
        [&answer](Result<QList<identity::User>> users) { answer.emplace(std::move(users)); });
    QTRY_VERIFY_WITH_TIMEOUT(answer.has_value(), kAnswerMs);
    QVERIFY(answer->ok());
    const auto events = test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("user.list"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().source, QStringLiteral("gui"));
    QCOMPARE(events.first().actorId, m_f->userId(m_f->tenantA, QStringLiteral("alice")));
    QCOMPARE(events.first().address, QStringLiteral("local"));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("auth.signin"), {}));
}

void TestConsoleBridge::answerIsDroppedWhenItsContextIsGone()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QSemaphore gate;
    QObject first;
    bool firstAnswered = false;
    // The worker waits on the gate, so the second call is still queued when its context goes.
    bridge.call(
        &first,
        [&gate](service::ControlPlane& cp, const service::Caller& caller) {
            gate.acquire();
            return cp.whoami(caller);
        },
        [&firstAnswered](Result<service::Principal>) { firstAnswered = true; });
    auto* second = new QObject;
    bool secondAnswered = false;
    bridge.call(
        second, [](service::ControlPlane& cp, const service::Caller& caller) { return cp.whoami(caller); },
        [&secondAnswered](Result<service::Principal>) { secondAnswered = true; });
    delete second;
    gate.release();
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QVERIFY(firstAnswered);
    QVERIFY(!secondAnswered);
}

void TestConsoleBridge::wrongPasswordAnswersWithTheControlPlanesMessage()
{
    // The control plane's own words for a failed sign-in, asked from another address.
    auto direct = m_f->cp->signIn(m_f->caller(QStringLiteral("10.0.0.9")), QStringLiteral("acme"),
                                  QStringLiteral("alice"), test::secret("not-the-password-at-all"));
    QVERIFY(!direct);
    ui::ConsoleBridge bridge(*m_f->cp);
    QString message;
    QVERIFY(!test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice"), "not-the-password-at-all",
                                &message));
    QCOMPARE(message, direct.error().message);
    QVERIFY(!bridge.isSignedIn());
    QVERIFY(!bridge.hasIdentity());
    // A tenant that does not exist gets the same words: nothing tells which part was wrong.
    QVERIFY(!test::signInBridge(bridge, QStringLiteral("nosuch"), QStringLiteral("alice"), test::kPassword, &message));
    QCOMPARE(message, direct.error().message);
}

void TestConsoleBridge::permissionsFollowTheScope()
{
    // A Secrets Manager bound in workspace W1 only.
    const QString sam = m_f->addUser(m_f->tenantA, QStringLiteral("sam"), authz::builtin::kSecretsManager, m_f->w1);
    QVERIFY(!sam.isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("sam")));
    QCOMPARE(bridge.scope().tenantId, m_f->tenantA);
    QVERIFY(bridge.scope().workspaceId.isEmpty());
    QCOMPARE(bridge.missingPermission(u"secret.create"), QStringLiteral("secrets.write"));
    QCOMPARE(bridge.missingPermission(u"user.lock"), QStringLiteral("users.write"));
    // Only the workspace it is bound in is offered.
    const auto scopes = bridge.access().scopes;
    QCOMPARE(scopes.size(), 2);
    QCOMPARE(scopes.at(1).workspaceId, m_f->w1);
    QSignalSpy changed(&bridge, &ui::ConsoleBridge::accessChanged);
    bridge.setScope(scopes.at(1));
    QTRY_VERIFY_WITH_TIMEOUT(bridge.allows(u"secret.create"), kAnswerMs);
    QCOMPARE(bridge.missingPermission(u"user.lock"), QStringLiteral("users.write"));
    // Deny by default: an action the catalog does not know.
    QVERIFY(!bridge.allows(u"user.obliterate"));
}

// A tenant's owner holds boundaries.read in its tenant, but the trust boundaries are a platform view: the console
// never offers (or calls, to be refused and audited as a denial) a platform operation for a tenant's identity.
void TestConsoleBridge::platformOperationsAreNotOfferedToATenantsIdentity()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QVERIFY(bridge.access().tenantPermissions.contains(QStringLiteral("boundaries.read")));
    QCOMPARE(bridge.missingPermission(u"boundary.list"), QStringLiteral("boundaries.read"));
    QCOMPARE(bridge.missingPermission(u"ownership.read"), QStringLiteral("boundaries.read"));
    QVERIFY(!bridge.allows(u"tenant.create"));
    QVERIFY(bridge.allows(u"user.lock")); // its own tenant's operations are
    // And the control plane would indeed refuse it.
    auto direct = m_f->cp->signIn(m_f->caller(QStringLiteral("10.0.0.7")), QStringLiteral("acme"),
                                  QStringLiteral("alice"), test::secret(test::kPassword));
    QVERIFY(direct);
    auto refused = m_f->cp->listBoundaries(
        service::Caller::withToken(direct.value().token, service::Source::Gui, QStringLiteral("local")));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Forbidden);
}

void TestConsoleBridge::platformAdministratorSeesThePlatform()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QString(), QStringLiteral("root")));
    QCOMPARE(bridge.access().scopes.size(), 1);
    QVERIFY(bridge.scope().tenantId.isEmpty());
    QVERIFY(bridge.allows(u"tenant.create"));
    QVERIFY(bridge.allows(u"user.lock"));
}

void TestConsoleBridge::endedSessionIsAnnouncedOnce()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    const QString alice = bridge.identity().id;
    // Elsewhere, the platform's operator ends alice's sessions.
    QVERIFY(m_f->cp->endUserSessions(m_f->system, m_f->tenantA, alice));
    QSignalSpy ended(&bridge, &ui::ConsoleBridge::sessionEnded);
    QObject context;
    int answers = 0;
    for (int i = 0; i < 2; ++i)
        bridge.call(
            &context, [](service::ControlPlane& cp, const service::Caller& caller) { return cp.whoami(caller); },
            [&answers](Result<service::Principal>) { ++answers; });
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QCOMPARE(ended.size(), 1);
    QVERIFY(!ended.first().at(0).toString().isEmpty());
    QCOMPARE(answers, 0);
    QVERIFY(!bridge.isSignedIn());
    QVERIFY(bridge.hasIdentity());
    QCOMPARE(bridge.identity().id, alice);
}

void TestConsoleBridge::lockedConsoleOpensOnlyForTheSameIdentity()
{
    const QString carl = m_f->addUser(m_f->tenantA, QStringLiteral("carl"), authz::builtin::kTenantAdmin);
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    const QString alice = bridge.identity().id;
    bridge.lock();
    QVERIFY(!bridge.isSignedIn());
    QString message;
    QVERIFY(!test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("carl"), test::kPassword, &message));
    QVERIFY2(message.contains(QLatin1String("alice")), qPrintable(message));
    QCOMPARE(bridge.identity().id, alice);
    // carl's session was ended at once: its sign-out is on the record, in acme's own trail.
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    bool carlSignedOut = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("auth.signout")))
        carlSignedOut |= e.actorId == carl && e.outcome == QLatin1String("success");
    QVERIFY(carlSignedOut);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QCOMPARE(bridge.identity().id, alice);
}

void TestConsoleBridge::lockAndSignOutEndTheSession()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    const QString alice = bridge.identity().id;
    // Sign-outs are recorded in the identity's own tenant's trail.
    const auto signOuts = [this, &alice]() {
        int n = 0;
        for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("auth.signout")))
            n += e.actorId == alice && e.outcome == QLatin1String("success") && e.source == QLatin1String("gui");
        return n;
    };
    bridge.lock();
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QCOMPARE(signOuts(), 1);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    bridge.signOut();
    QVERIFY(!bridge.hasIdentity());
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QCOMPARE(signOuts(), 2);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    bridge.endSessionNow();
    QVERIFY(!bridge.isSignedIn());
    QCOMPARE(signOuts(), 3);
}

void TestConsoleBridge::secondSignInEndsTheFirstSession()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    int signOuts = 0;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("auth.signout")))
        signOuts += e.actorId == bridge.identity().id && e.outcome == QLatin1String("success");
    QCOMPARE(signOuts, 1);
}

void TestConsoleBridge::sessionThatMayOnlyEnrolIsNotKept()
{
    // The tenant requires MFA of its administrators and alice has no authenticator: her session may only enrol
    // one, which the console cannot do yet. It says so, and ends that session.
    auto settings = m_f->cp->tenantSettings(m_f->system, m_f->tenantA);
    QVERIFY(settings);
    tenancy::TenantSettings changed = settings.value();
    changed.requireMfaForAdmins = true;
    QVERIFY(m_f->cp->updateTenantSettings(m_f->system, m_f->tenantA, changed));
    ui::ConsoleBridge bridge(*m_f->cp);
    QString message;
    QVERIFY(!test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice"), test::kPassword, &message));
    QVERIFY2(message.contains(QLatin1String("two-factor")), qPrintable(message));
    QVERIFY(!bridge.isSignedIn());
    QVERIFY(!bridge.hasIdentity());
    bool ended = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("auth.signout")))
        ended |= e.actorId == m_f->userId(m_f->tenantA, QStringLiteral("alice")) && e.source == QLatin1String("gui");
    QVERIFY(ended);
}

QTEST_GUILESS_MAIN(TestConsoleBridge)
#include "TestConsoleBridge.moc"
