// Sessions and tokens are checked from the control plane's credential cache, with the store still the source of
// truth: every change that can end a credential's validity is seen by the very next request, whichever way it was
// made (a control-plane call, a statement on the same connection, another connection or process). Each test
// makes one request that succeeds (so the credential is in the cache), makes the change, and checks the next
// request is refused with the reason the store gives.
#include "ControlPlaneFixture.h"
#include "keys/KeyFileProvider.h"
#include "store/Store.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;

class TestCredentialCache : public QObject
{
    Q_OBJECT
private slots:
    void init();

    void repeatedRequestsAreServedFromTheCache();
    void signOutEndsTheSessionAtOnce();
    void administratorEndingSessionsIsSeenAtOnce();
    void passwordChangeEndsOtherSessionsAtOnce();
    void passwordResetEndsSessionsAtOnce();
    void lockAndDisableAreSeenAtOnce();
    void lockoutByFailedSignInsIsSeenAtOnce();
    void deletedUserIsUnknownAtOnce();
    void suspendedTenantStopsSessionsAndTokensAtOnce();
    void deletedTenantIsUnknownAtOnce();
    void shorterIdleTimeoutAppliesAtOnce();
    void idleAndExpiryAreJudgedAgainstNow();
    void revokedTokenIsRefusedAtOnce();
    void lockedOrDeletedIntegrationIsRefusedAtOnce();
    void certificateBindingAppliesAtOnce();
    void deletedWorkspaceRevokesItsTokensAtOnce();
    void changesOutsideTheControlPlaneAreSeen();
    void changesByAnotherConnectionAreSeen();
    void masterKeyRotationKeepsTheCacheHonest();
    void lastUseIsWrittenAndSurvivesARestart();
    void theCacheIsBounded();

private:
    // "ok" when the request is served; else the reason the refusal was recorded with.
    QString whoami(const Caller& c);
    Caller tokenCaller(const QString& integrationId, const QString& workspaceId = {});
    QString integration(const char* name);
    std::unique_ptr<ControlPlaneFixture> f;
    QString carolId;
};

void TestCredentialCache::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    carolId = f->addUser(f->tenantA, QStringLiteral("carol"), {});
    QVERIFY(!carolId.isEmpty());
}

QString TestCredentialCache::whoami(const Caller& c)
{
    auto r = f->cp->whoami(c);
    if (r)
        return QStringLiteral("ok");
    if (r.error().code != ErrorCode::Unauthenticated)
        return QStringLiteral("error: ") + r.error().message;
    return f->newestEvent().reason;
}

QString TestCredentialCache::integration(const char* name)
{
    auto i = f->cp->createIntegration(f->system, f->tenantA, QLatin1String(name), QStringLiteral("for tests"));
    return i ? i.value().id : QString();
}

Caller TestCredentialCache::tokenCaller(const QString& integrationId, const QString& workspaceId)
{
    auto t = f->cp->issueToken(f->system, f->tenantA, integrationId, 30, workspaceId);
    return Caller::withToken(t ? t.value().secret : QStringLiteral("invalid"), service::Source::Api,
                             QStringLiteral("127.0.0.1"));
}

void TestCredentialCache::repeatedRequestsAreServedFromTheCache()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const auto before = f->cp->credentialCacheFigures();
    for (int i = 0; i < 5; ++i)
        QCOMPARE(whoami(alice), QStringLiteral("ok"));
    const auto after = f->cp->credentialCacheFigures();
    // One lookup in the store; the reads' own audit records (written in between) do not make the cache forget.
    QCOMPARE(after.misses - before.misses, qint64(1));
    QCOMPARE(after.hits - before.hits, qint64(4));
    // Nor do records committed in groups while calls go on (as the server calls, without waiting for each).
    {
        service::ControlPlane::DeferredDurability deferred;
        for (int i = 0; i < 5; ++i)
            QCOMPARE(whoami(alice), QStringLiteral("ok"));
        QVERIFY(f->cp->flushReadAudit());
        QCOMPARE(whoami(alice), QStringLiteral("ok"));
        f->cp->awaitDurable(deferred.ticket());
    }
    QCOMPARE(f->cp->credentialCacheFigures().misses - before.misses, qint64(1));
    // A session that is not in the cache is looked up; an unknown token never enters it.
    const auto unknownBefore = f->cp->credentialCacheFigures();
    QCOMPARE(whoami(Caller::withToken(QStringLiteral("ghs_") + QString(43, QLatin1Char('A')))),
             whoami(Caller::withToken(QStringLiteral("ghs_") + QString(43, QLatin1Char('A')))));
    QCOMPARE(f->cp->credentialCacheFigures().size, unknownBefore.size);
}

void TestCredentialCache::signOutEndsTheSessionAtOnce()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QVERIFY(f->cp->signOut(alice));
    QCOMPARE(whoami(alice), QStringLiteral("session_ended"));
}

void TestCredentialCache::administratorEndingSessionsIsSeenAtOnce()
{
    const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(carol), QStringLiteral("ok"));
    QVERIFY(f->cp->endUserSessions(f->system, f->tenantA, carolId));
    QCOMPARE(whoami(carol), QStringLiteral("session_ended"));
}

void TestCredentialCache::passwordChangeEndsOtherSessionsAtOnce()
{
    const Caller here = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    const Caller there = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(here), QStringLiteral("ok"));
    QCOMPARE(whoami(there), QStringLiteral("ok"));
    auto changed = f->cp->changeOwnPassword(here, current(), secret("quartz-meadow-lantern-river"));
    QVERIFY2(changed, changed ? "" : qPrintable(changed.error().message));
    QCOMPARE(whoami(there), QStringLiteral("session_ended"));
    QCOMPARE(whoami(here), QStringLiteral("ok"));
}

void TestCredentialCache::passwordResetEndsSessionsAtOnce()
{
    const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(carol), QStringLiteral("ok"));
    QVERIFY(f->cp->resetUserPassword(f->system, f->tenantA, carolId, secret("quartz-meadow-lantern-river")));
    QCOMPARE(whoami(carol), QStringLiteral("session_ended"));
}

void TestCredentialCache::lockAndDisableAreSeenAtOnce()
{
    for (const auto change : {service::UserStatusChange::Lock, service::UserStatusChange::Disable}) {
        (void)f->cp->setUserStatus(f->system, f->tenantA, carolId, service::UserStatusChange::Enable);
        (void)f->cp->setUserStatus(f->system, f->tenantA, carolId, service::UserStatusChange::Unlock);
        const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
        QCOMPARE(whoami(carol), QStringLiteral("ok"));
        QVERIFY(f->cp->setUserStatus(f->system, f->tenantA, carolId, change));
        QCOMPARE(whoami(carol), QStringLiteral("session_ended"));
    }
}

void TestCredentialCache::lockoutByFailedSignInsIsSeenAtOnce()
{
    const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(carol), QStringLiteral("ok"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(QStringLiteral("10.0.0.9")), QStringLiteral("acme"),
                               QStringLiteral("carol"), secret("wrong-password-here")));
    QCOMPARE(whoami(carol), QStringLiteral("session_ended"));
}

void TestCredentialCache::deletedUserIsUnknownAtOnce()
{
    const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(carol), QStringLiteral("ok"));
    QVERIFY(f->cp->deleteUser(f->system, f->tenantA, carolId));
    QCOMPARE(whoami(carol), QStringLiteral("unknown_token"));
}

void TestCredentialCache::suspendedTenantStopsSessionsAndTokensAtOnce()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const Caller robot = tokenCaller(integration("ci"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    QVERIFY(f->cp->setTenantSuspended(f->system, f->tenantA, true));
    QCOMPARE(whoami(alice), QStringLiteral("tenant_suspended"));
    QCOMPARE(whoami(robot), QStringLiteral("tenant_suspended"));
    QVERIFY(f->cp->setTenantSuspended(f->system, f->tenantA, false));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
}

void TestCredentialCache::deletedTenantIsUnknownAtOnce()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const Caller robot = tokenCaller(integration("ci"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    QVERIFY(f->cp->deleteTenant(f->system, f->tenantA, QStringLiteral("acme")));
    QCOMPARE(whoami(alice), QStringLiteral("unknown_token"));
    QCOMPARE(whoami(robot), QStringLiteral("unknown_token"));
}

void TestCredentialCache::shorterIdleTimeoutAppliesAtOnce()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    f->clock.advanceSeconds(10 * 60);
    QCOMPARE(whoami(alice), QStringLiteral("ok")); // idle 10 of 30 minutes; now recorded as used
    f->clock.advanceSeconds(6 * 60);
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    auto settings = f->cp->tenantSettings(f->system, f->tenantA);
    QVERIFY(settings);
    tenancy::TenantSettings shorter = settings.value();
    shorter.sessionIdleSeconds = 5 * 60;
    QVERIFY(f->cp->updateTenantSettings(f->system, f->tenantA, shorter));
    f->clock.advanceSeconds(5 * 60);
    QCOMPARE(whoami(alice), QStringLiteral("session_idle"));
}

void TestCredentialCache::idleAndExpiryAreJudgedAgainstNow()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const Caller bob = f->signIn(QStringLiteral("blue"), QStringLiteral("bob"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(bob), QStringLiteral("ok"));
    // Used every 29 minutes, a session stays; the cache holds each use.
    for (int i = 0; i < 3; ++i) {
        f->clock.advanceSeconds(29 * 60);
        QCOMPARE(whoami(alice), QStringLiteral("ok"));
    }
    // Bob's has been idle all that time (cached since his first request).
    QCOMPARE(whoami(bob), QStringLiteral("session_idle"));
    // Up to the absolute limit (12 hours), then expired.
    for (int i = 0; i < 21; ++i) {
        f->clock.advanceSeconds(29 * 60);
        QCOMPARE(whoami(alice), QStringLiteral("ok"));
    }
    f->clock.advanceSeconds(29 * 60);
    QCOMPARE(whoami(alice), QStringLiteral("session_expired"));
    // A token expires too (issued for 30 days).
    const Caller robot = tokenCaller(integration("ci"));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    f->clock.advanceSeconds(30 * 24 * 3600);
    QCOMPARE(whoami(robot), QStringLiteral("token_expired"));
}

void TestCredentialCache::revokedTokenIsRefusedAtOnce()
{
    const QString ci = integration("ci");
    auto issued = f->cp->issueToken(f->system, f->tenantA, ci, 30);
    QVERIFY(issued);
    const Caller robot = Caller::withToken(issued.value().secret);
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    QVERIFY(f->cp->revokeToken(f->system, f->tenantA, ci, issued.value().token.id));
    QCOMPARE(whoami(robot), QStringLiteral("token_revoked"));
}

void TestCredentialCache::lockedOrDeletedIntegrationIsRefusedAtOnce()
{
    const QString ci = integration("ci");
    const Caller robot = tokenCaller(ci);
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    QVERIFY(f->cp->setIntegrationLocked(f->system, f->tenantA, ci, true));
    QCOMPARE(whoami(robot), QStringLiteral("integration_locked"));
    QVERIFY(f->cp->setIntegrationLocked(f->system, f->tenantA, ci, false));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    QVERIFY(f->cp->deleteIntegration(f->system, f->tenantA, ci));
    QCOMPARE(whoami(robot), QStringLiteral("unknown_token"));
}

void TestCredentialCache::certificateBindingAppliesAtOnce()
{
    const QString ci = integration("ci");
    Caller robot = tokenCaller(ci);
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    const QString pin = QString(64, QLatin1Char('a'));
    QVERIFY(f->cp->bindIntegrationCertificate(f->system, f->tenantA, ci, pin));
    QCOMPARE(whoami(robot), QStringLiteral("certificate_required"));
    robot.clientCertificateSha256 = QString(64, QLatin1Char('b'));
    QCOMPARE(whoami(robot), QStringLiteral("certificate_mismatch"));
    robot.clientCertificateSha256 = pin;
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    QVERIFY(f->cp->bindIntegrationCertificate(f->system, f->tenantA, ci, QStringLiteral("")));
    robot.clientCertificateSha256.clear();
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
}

void TestCredentialCache::deletedWorkspaceRevokesItsTokensAtOnce()
{
    const QString ci = integration("ci");
    const Caller robot = tokenCaller(ci, f->w2);
    // Authenticated (and then not authorized: the integration holds no role), so its token is in the cache.
    auto before = f->cp->getWorkspace(robot, f->tenantA, f->w2);
    QVERIFY(before || before.error().code == ErrorCode::Forbidden);
    QCOMPARE(f->cp->credentialCacheFigures().size, qsizetype(1));
    QVERIFY(f->cp->deleteWorkspace(f->system, f->tenantA, f->w2, QStringLiteral("dev")));
    auto after = f->cp->getWorkspace(robot, f->tenantA, f->w2);
    QVERIFY(!after);
    QCOMPARE(after.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("token_revoked"));
}

void TestCredentialCache::changesOutsideTheControlPlaneAreSeen()
{
    store::Database& db = f->store->database();
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const Caller bob = f->signIn(QStringLiteral("blue"), QStringLiteral("bob"));
    const Caller robot = tokenCaller(integration("ci"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(bob), QStringLiteral("ok"));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    // A statement on the control plane's own connection, in no transaction of the control plane.
    QVERIFY(db.exec("UPDATE users SET status = 'disabled' WHERE username = 'alice';"));
    QCOMPARE(whoami(alice), QStringLiteral("account_disabled"));
    QCOMPARE(whoami(bob), QStringLiteral("ok"));
    QVERIFY(db.exec("UPDATE api_tokens SET revoked_at = 1;"));
    QCOMPARE(whoami(robot), QStringLiteral("token_revoked"));
    // A DELETE without WHERE, which SQLite carries out without reporting the rows one by one.
    QCOMPARE(whoami(bob), QStringLiteral("ok"));
    QVERIFY(db.exec("DELETE FROM sessions;"));
    QCOMPARE(whoami(bob), QStringLiteral("unknown_token"));
}

void TestCredentialCache::changesByAnotherConnectionAreSeen()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(carol), QStringLiteral("ok"));
    // Another process on the same data directory (the command line beside the server), through its own control
    // plane and through a plain statement.
    auto other = store::Store::open(f->dir.filePath(QStringLiteral("data")), keyFileOptions(f->dir.filePath("k")));
    QVERIFY2(other, other ? "" : qPrintable(other.error().message));
    {
        service::ControlPlane cli(*other.value(), f->clock);
        QVERIFY(cli.load());
        QVERIFY(cli.setUserStatus(f->system, f->tenantA, carolId, service::UserStatusChange::Lock));
    }
    QCOMPARE(whoami(carol), QStringLiteral("session_ended"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QVERIFY(other.value()->database().exec("UPDATE tenants SET status = 'suspended' WHERE name = 'acme';"));
    QCOMPARE(whoami(alice), QStringLiteral("tenant_suspended"));
}

void TestCredentialCache::masterKeyRotationKeepsTheCacheHonest()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const Caller carol = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(carol), QStringLiteral("ok"));
    keys::KeyFileProvider next(f->dir.filePath(QStringLiteral("k2")));
    auto rotated = f->cp->rotateMasterKey(f->system, next);
    QVERIFY2(rotated, rotated ? "" : qPrintable(rotated.error().message));
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QVERIFY(f->cp->signOut(carol));
    QCOMPARE(whoami(carol), QStringLiteral("session_ended"));
}

void TestCredentialCache::lastUseIsWrittenAndSurvivesARestart()
{
    const auto storedUse = [this](const char* text) -> qint64 {
        auto s = f->store->database().prepare(text);
        if (!s || !s.value().step().value())
            return -1;
        return s.value().int64(0);
    };
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const QString ci = integration("ci");
    auto issued = f->cp->issueToken(f->system, f->tenantA, ci, 30);
    QVERIFY(issued);
    const Caller robot = Caller::withToken(issued.value().secret);
    const qint64 signedInAt = f->clock.nowMs();
    // Reads' records are group-committed by the control plane's committer: a read writes nothing itself.
    f->clock.advanceSeconds(20 * 60);
    const qint64 usedAt = f->clock.nowMs();
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QCOMPARE(whoami(robot), QStringLiteral("ok"));
    f->clock.advanceSeconds(30); // within the grain: not recorded again
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    QVERIFY(f->cp->close());
    f->cp.reset();
    QCOMPARE(storedUse("SELECT last_seen_at FROM sessions WHERE user_id IN (SELECT id FROM users "
                       "WHERE username = 'alice');"),
             usedAt);
    QCOMPARE(storedUse("SELECT last_used_at FROM api_tokens;"), usedAt);

    // After the restart the session is judged by its last use, not its sign-in: 20 more minutes are within the
    // idle timeout (30), though 40 have passed since sign-in.
    f->cp = std::make_unique<service::ControlPlane>(*f->store, f->clock);
    QVERIFY(f->cp->load());
    f->clock.advanceSeconds(20 * 60);
    QVERIFY(f->clock.nowMs() - signedInAt > 30 * 60 * 1000);
    QCOMPARE(whoami(alice), QStringLiteral("ok"));
    auto tokens = f->cp->listTokens(f->system, f->tenantA, ci);
    QVERIFY(tokens);
    QCOMPARE(tokens.value().value(0).lastUsedAtMs, usedAt);
    // The next write carries a use recorded since (here, the read's own audit record, batching off).
    const qint64 laterUse = f->clock.nowMs();
    QCOMPARE(storedUse("SELECT last_seen_at FROM sessions WHERE user_id IN (SELECT id FROM users "
                       "WHERE username = 'alice');"),
             laterUse);
}

void TestCredentialCache::theCacheIsBounded()
{
    f->cp->setCredentialCacheCapacity(2);
    QList<Caller> callers{f->signIn(QStringLiteral("acme"), QStringLiteral("alice")),
                          f->signIn(QStringLiteral("acme"), QStringLiteral("carol")),
                          f->signIn(QStringLiteral("blue"), QStringLiteral("bob")), tokenCaller(integration("ci"))};
    for (int round = 0; round < 3; ++round) {
        for (const Caller& c : callers) {
            QCOMPARE(whoami(c), QStringLiteral("ok"));
            QVERIFY(f->cp->credentialCacheFigures().size <= 2);
        }
    }
    QVERIFY(f->cp->signOut(callers[1]));
    QCOMPARE(whoami(callers[1]), QStringLiteral("session_ended"));
    QCOMPARE(f->cp->credentialCacheFigures().size, qsizetype(1));
}

QTEST_GUILESS_MAIN(TestCredentialCache)
#include "TestCredentialCache.moc"
