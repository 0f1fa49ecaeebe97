// The trust-boundary controls, each checked live against a real store in its passing state and in a failing or
// warning one made through the control plane (or, where only damage can cause it, with raw SQL or file modes).
#include "AuditTamper.h"
#include "ControlPlaneFixture.h"
#include "api/ApiHost.h"
#include "boundaries/Catalog.h"
#include "boundaries/Checks.h"
#include "core/Encoding.h"
#include "crypto/Totp.h"
#include "keys/KeyFileProvider.h"
#include "store/Migrations.h"

#include <QElapsedTimer>
#include <QFile>
#include <QSet>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using boundaries::Status;
using service::Caller;
namespace roles = authz::builtin;

namespace {

constexpr qint64 kDay = 24LL * 60 * 60 * 1000;

QString evidenceOf(const boundaries::ControlResult& r, const QString& key)
{
    for (const auto& e : r.evidence) {
        if (e.key == key)
            return e.value;
    }
    return {};
}

QString describe(const boundaries::ControlResult& r)
{
    QString s = boundaries::statusName(r.status) + QStringLiteral(": ") + r.summary;
    for (const auto& e : r.evidence)
        s += QStringLiteral("\n  %1 = %2").arg(e.key, e.value);
    return s;
}

boundaries::TransportFacts goodTls(qint64 now)
{
    boundaries::TransportFacts t;
    t.serving = true;
    t.mode = QStringLiteral("tls");
    t.address = QStringLiteral("127.0.0.1");
    t.port = 8443;
    t.loopback = true;
    t.minimumTlsVersion = QStringLiteral("TLS 1.2");
    t.cipherSuites = {QStringLiteral("TLS_AES_256_GCM_SHA384"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")};
    t.certificateNotBeforeMs = now - kDay;
    t.certificateNotAfterMs = now + 365 * kDay;
    t.certificateFingerprint = QStringLiteral("AB:CD");
    t.certificateSubject = QStringLiteral("localhost");
    t.sinceMs = now;
    return t;
}

} // namespace

class TestBoundaries : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void catalogAndChecksMatch();
    void unknownBoundaryOrControlIsNotFound();
    void rollUpIsTheWorstControl();

    void mfaForAdministrators();
    void sessionLimits();
    void lockedAndDisabledAccounts();
    void passwordHashing();
    void integrationTokens();

    void networkWithoutListener();
    void tlsPolicy();
    void certificateExpiry();
    void listenExposure();
    void mutualTlsForBoundIntegrations();
    void realListenerReportsItsTransport();

    void tenantKeys();
    void roleBindings();
    void customRoles();
    void denyByDefault();

    void databaseEncryption();
    void filePermissions();
    void schemaVersion();
    void integrity();
    void recentCountsAreBounded();

    void keyCustody();
    void secretsOverdueForRotation();
    void tenantKeysWrapped();

    void auditChain();
    void auditChainHoldsStretchesToThePolicy();
    void checkpointAge();
    void auditRetention();
    void auditIndex();
    void liveFollow();

    void migrationsRecorded();
    void masterKeyAge();
    void adminChangesAudited();
    void ownershipStated();

    void ownershipReadAndUpdate();
    void whoMayReadAndWhoMaySet();
    void noEvidenceHoldsASecret();

private:
    boundaries::ControlResult check(const QString& controlId, const Caller& caller = Caller::system());
    void enrolMfa(const QString& tenantName, const QString& username);
    void exec(const QString& sql);

    std::unique_ptr<ControlPlaneFixture> f;
};

void TestBoundaries::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
}

void TestBoundaries::cleanup()
{
    f.reset();
}

boundaries::ControlResult TestBoundaries::check(const QString& controlId, const Caller& caller)
{
    const QString boundaryId = controlId.section(u'.', 0, 0);
    auto r = f->cp->controlResult(caller, boundaryId, controlId);
    if (!r) {
        qWarning() << "controlResult failed:" << r.error().message;
        return {};
    }
    return r.value();
}

void TestBoundaries::exec(const QString& sql)
{
    QVERIFY2(f->store->database().exec(sql.toUtf8().constData()), qPrintable(sql));
}

void TestBoundaries::enrolMfa(const QString& tenantName, const QString& username)
{
    Caller s = f->signIn(tenantName, username);
    auto enrolment = f->cp->beginTotpEnrollment(s);
    QVERIFY(enrolment);
    const QByteArray key = encoding::fromBase32(enrolment.value().secret).value();
    auto codes =
        f->cp->confirmTotpEnrollment(s, crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs())), current());
    QVERIFY2(codes, codes ? "" : qPrintable(codes.error().message));
}

// --- catalog ----------------------------------------------------------------------------------------------------

void TestBoundaries::catalogAndChecksMatch()
{
    const auto& catalog = boundaries::Catalog::builtin();
    QStringList ids;
    for (const auto& b : catalog.boundaries())
        ids << b.id;
    QCOMPARE(ids, (QStringList{QStringLiteral("identity"), QStringLiteral("network"), QStringLiteral("application"),
                               QStringLiteral("data"), QStringLiteral("secrets"), QStringLiteral("monitoring"),
                               QStringLiteral("change")}));
    QSet<QString> named, controls;
    for (const auto& b : catalog.boundaries()) {
        QVERIFY(!b.separates.isEmpty());
        for (const auto& c : b.controls) {
            QVERIFY2(c.id.startsWith(b.id + u'.'), qPrintable(c.id));
            QVERIFY2(!controls.contains(c.id), qPrintable(c.id + QStringLiteral(" is listed twice")));
            controls.insert(c.id);
            QVERIFY2(boundaries::findCheck(c.check), qPrintable(c.id + QStringLiteral(" has no implemented check")));
            QVERIFY(!c.title.isEmpty() && !c.description.isEmpty() && !c.evidenceDomain.isEmpty());
            named.insert(c.check);
        }
    }
    for (const QString& check : boundaries::implementedChecks())
        QVERIFY2(named.contains(check), qPrintable(check + QStringLiteral(" is not in the catalog")));
    QVERIFY(!boundaries::findCheck(QStringLiteral("identity.nothing")));
}

void TestBoundaries::unknownBoundaryOrControlIsNotFound()
{
    auto b = f->cp->boundary(f->system, QStringLiteral("perimeter"));
    QVERIFY(!b);
    QCOMPARE(b.error().code, ErrorCode::NotFound);
    auto c = f->cp->controlResult(f->system, QStringLiteral("identity"), QStringLiteral("identity.nothing"));
    QVERIFY(!c);
    QCOMPARE(c.error().code, ErrorCode::NotFound);
    // A control exists only under its own boundary.
    auto other = f->cp->controlResult(f->system, QStringLiteral("network"), QStringLiteral("identity.mfa-admins"));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::NotFound);
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("error"));
}

void TestBoundaries::rollUpIsTheWorstControl()
{
    QElapsedTimer timer;
    timer.start();
    auto all = f->cp->listBoundaries(f->system);
    QVERIFY(all);
    qInfo() << "all controls checked in" << timer.elapsed() << "ms";
    QCOMPARE(all.value().size(), 7);
    for (const auto& b : all.value()) {
        QCOMPARE(b.results.size(), b.boundary.controls.size());
        Status worst = Status::NotApplicable;
        for (const auto& r : b.results) {
            QVERIFY(r.checkedAtMs == f->clock.nowMs());
            QVERIFY2(!r.summary.isEmpty(), qPrintable(r.controlId));
            worst = boundaries::worst(worst, r.status);
        }
        QCOMPARE(b.status, worst);
    }
    // The fixture's administrators have no MFA: identity fails, and the list's audit event says how many failed.
    QCOMPARE(all.value().first().status, Status::Fail);
    const auto e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("boundary.list"));
    QVERIFY(e.details.value(QStringLiteral("fail")).toInt() >= 1);
}

// --- identity ---------------------------------------------------------------------------------------------------

void TestBoundaries::mfaForAdministrators()
{
    auto r = check(QStringLiteral("identity.mfa-admins"));
    QCOMPARE(r.status, Status::Fail);
    QVERIFY2(evidenceOf(r, QStringLiteral("missing")).contains(QStringLiteral("root")), qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("administrators_with_mfa")), QStringLiteral("0 of 3"));
    enrolMfa({}, QStringLiteral("root"));
    enrolMfa(QStringLiteral("acme"), QStringLiteral("alice"));
    enrolMfa(QStringLiteral("blue"), QStringLiteral("bob"));
    r = check(QStringLiteral("identity.mfa-admins"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("administrators_with_mfa")), QStringLiteral("3 of 3"));
    // A new Tenant Admin without MFA makes it fail again and is named; a member without MFA does not count.
    const QString admin = f->addUser(f->tenantA, QStringLiteral("tadmin"), roles::kTenantAdmin);
    QVERIFY(!f->addUser(f->tenantA, QStringLiteral("member"), roles::kMember, f->w1).isEmpty());
    r = check(QStringLiteral("identity.mfa-admins"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("missing")), QStringLiteral("%1 (tadmin, acme)").arg(admin));
    QCOMPARE(evidenceOf(r, QStringLiteral("administrators_with_mfa")), QStringLiteral("3 of 4"));
}

void TestBoundaries::sessionLimits()
{
    auto r = check(QStringLiteral("identity.session-limits"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    tenancy::TenantSettings s;
    s.sessionIdleSeconds = 2 * 60 * 60;
    QVERIFY(f->cp->updateTenantSettings(f->system, f->tenantA, s));
    r = check(QStringLiteral("identity.session-limits"));
    QCOMPARE(r.status, Status::Warn);
    QVERIFY2(evidenceOf(r, QStringLiteral("above_limits")).startsWith(QStringLiteral("acme: idle 2 h")),
             qPrintable(describe(r)));
}

void TestBoundaries::lockedAndDisabledAccounts()
{
    auto r = check(QStringLiteral("identity.account-status"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    // Wrong passwords until the lockout: a warning while it lasts.
    const QString carol = f->addUser(f->tenantA, QStringLiteral("carol"), roles::kMember, f->w1);
    for (int i = 0; i < 5; ++i)
        (void)f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("carol"),
                            secret("not-her-password"));
    r = check(QStringLiteral("identity.account-status"));
    QCOMPARE(r.status, Status::Warn);
    QVERIFY(evidenceOf(r, QStringLiteral("locked_out_accounts")).contains(carol));
    f->clock.advanceSeconds(16 * 60);
    QCOMPARE(check(QStringLiteral("identity.account-status")).status, Status::Pass);
    // Locking through the control plane ends the sessions; a locked account with a live session is damage.
    const Caller dave = [&] {
        f->addUser(f->tenantA, QStringLiteral("dave"), roles::kMember, f->w1);
        return f->signIn(QStringLiteral("acme"), QStringLiteral("dave"));
    }();
    QVERIFY(f->cp->whoami(dave));
    const QString daveId = f->userId(f->tenantA, QStringLiteral("dave"));
    QVERIFY(f->cp->setUserStatus(f->system, f->tenantA, daveId, service::UserStatusChange::Disable));
    r = check(QStringLiteral("identity.account-status"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("disabled_accounts")), QStringLiteral("1"));
    exec(QStringLiteral("UPDATE sessions SET ended_at = NULL WHERE user_id = '%1';").arg(daveId));
    r = check(QStringLiteral("identity.account-status"));
    QCOMPARE(r.status, Status::Fail);
    QVERIFY(evidenceOf(r, QStringLiteral("inactive_accounts_with_live_sessions")).contains(daveId));
}

void TestBoundaries::passwordHashing()
{
    auto r = check(QStringLiteral("identity.password-hashing"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("running_cost")), QStringLiteral("Argon2id m=32768 KiB, t=2, p=1"));
    // A hash at OWASP's floor but below the running cost: upgraded at its next sign-in.
    exec(QStringLiteral("UPDATE users SET password_hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaA' "
                        "WHERE username = 'bob';"));
    r = check(QStringLiteral("identity.password-hashing"));
    QCOMPARE(r.status, Status::Warn);
    QCOMPARE(evidenceOf(r, QStringLiteral("upgraded_at_next_sign_in")), QStringLiteral("1"));
    exec(QStringLiteral("UPDATE users SET password_hash = '$argon2id$v=19$m=1024,t=1,p=1$c2FsdHNhbHQ$aGFzaA' "
                        "WHERE username = 'alice';"));
    r = check(QStringLiteral("identity.password-hashing"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("below_minimum_accounts")),
             QStringLiteral("%1 (alice)").arg(f->userId(f->tenantA, QStringLiteral("alice"))));
    for (const auto& e : r.evidence)
        QVERIFY(!e.value.contains(QLatin1String("$argon2id")));
}

void TestBoundaries::integrationTokens()
{
    const QString robot = f->cp->createIntegration(f->system, f->tenantA, QStringLiteral("robot"), {}).value().id;
    auto token = f->cp->issueToken(f->system, f->tenantA, robot, 365);
    QVERIFY(token);
    auto r = check(QStringLiteral("identity.integration-tokens"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("live_tokens")), QStringLiteral("1"));
    f->clock.advanceMs(91 * kDay);
    r = check(QStringLiteral("identity.integration-tokens"));
    QCOMPARE(r.status, Status::Warn);
    QVERIFY(evidenceOf(r, QStringLiteral("unused_tokens")).contains(token.value().token.id));
    // Used again: no longer idle.
    QVERIFY(f->cp->whoami(Caller::withToken(token.value().secret)));
    r = check(QStringLiteral("identity.integration-tokens"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
}

// --- network ------------------------------------------------------------------------------------------------------

void TestBoundaries::networkWithoutListener()
{
    for (const char* id :
         {"network.tls-policy", "network.certificate-expiry", "network.listen-exposure", "network.mtls-integrations"}) {
        const auto r = check(QLatin1String(id));
        QCOMPARE(r.status, Status::Warn);
        QVERIFY2(r.summary.startsWith(QLatin1String("API not serving")), qPrintable(describe(r)));
    }
}

void TestBoundaries::tlsPolicy()
{
    auto t = goodTls(f->clock.nowMs());
    f->cp->setTransportFacts(t);
    auto r = check(QStringLiteral("network.tls-policy"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(r.summary, QStringLiteral("minimum TLS 1.2; 2 suites, all forward-secret AEAD"));
    t.cipherSuites << QStringLiteral("AES128-SHA");
    t.nonForwardSecretAead << QStringLiteral("AES128-SHA");
    f->cp->setTransportFacts(t);
    r = check(QStringLiteral("network.tls-policy"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("not_forward_secret_aead")), QStringLiteral("AES128-SHA"));
    // Plain HTTP: the proxy's business when one is trusted on loopback, a failure otherwise.
    t = goodTls(f->clock.nowMs());
    t.mode = QStringLiteral("http");
    t.trustedProxies = {QStringLiteral("127.0.0.1")};
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.tls-policy")).status, Status::NotApplicable);
    t.trustedProxies.clear();
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.tls-policy")).status, Status::Fail);
}

void TestBoundaries::certificateExpiry()
{
    auto t = goodTls(f->clock.nowMs());
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.certificate-expiry")).status, Status::Pass);
    t.certificateNotAfterMs = f->clock.nowMs() + 10 * kDay;
    f->cp->setTransportFacts(t);
    auto r = check(QStringLiteral("network.certificate-expiry"));
    QCOMPARE(r.status, Status::Warn);
    QCOMPARE(evidenceOf(r, QStringLiteral("valid_for")), QStringLiteral("10 days"));
    f->clock.advanceMs(11 * kDay);
    r = check(QStringLiteral("network.certificate-expiry"));
    QCOMPARE(r.status, Status::Fail);
    QVERIFY(r.summary.startsWith(QLatin1String("the certificate expired")));
}

void TestBoundaries::listenExposure()
{
    auto t = goodTls(f->clock.nowMs());
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.listen-exposure")).status, Status::Pass);
    t.address = QStringLiteral("0.0.0.0");
    t.loopback = false;
    t.anyAddress = true;
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.listen-exposure")).status, Status::Warn);
    t.mode = QStringLiteral("http");
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.listen-exposure")).status, Status::Fail);
    t.address = QStringLiteral("127.0.0.1");
    t.loopback = true;
    t.anyAddress = false;
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.listen-exposure")).status, Status::Warn);
    t.trustedProxies = {QStringLiteral("127.0.0.1")};
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.listen-exposure")).status, Status::Pass);
}

void TestBoundaries::mutualTlsForBoundIntegrations()
{
    auto t = goodTls(f->clock.nowMs());
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.mtls-integrations")).status, Status::NotApplicable);
    // A control that does not apply does not make its boundary "not applicable": the others pass, so it passes.
    auto network = f->cp->boundary(f->system, QStringLiteral("network"));
    QVERIFY(network);
    QCOMPARE(network.value().status, Status::Pass);
    const QString robot = f->cp->createIntegration(f->system, f->tenantA, QStringLiteral("robot"), {}).value().id;
    QVERIFY(f->cp->bindIntegrationCertificate(f->system, f->tenantA, robot, QString(64, u'a')));
    auto r = check(QStringLiteral("network.mtls-integrations"));
    QCOMPARE(r.status, Status::Warn);
    QCOMPARE(evidenceOf(r, QStringLiteral("integrations_bound_to_certificates")), QStringLiteral("1 of 1"));
    t.clientCertificatesRequired = true;
    f->cp->setTransportFacts(t);
    QCOMPARE(check(QStringLiteral("network.mtls-integrations")).status, Status::Pass);
}

void TestBoundaries::realListenerReportsItsTransport()
{
    api::ServeSettings settings;
    settings.listen = QStringLiteral("127.0.0.1:0");
    {
        auto host = api::ApiHost::start(*f->cp, settings, f->store->dataDir());
        QVERIFY2(host, host ? "" : qPrintable(host.error().message));
        const auto facts = f->cp->transportFacts();
        QVERIFY(facts.serving);
        QCOMPARE(facts.mode, QStringLiteral("tls"));
        QVERIFY(facts.loopback);
        QVERIFY(facts.port > 0);
        QCOMPARE(facts.certificateFingerprint, host.value()->fingerprint());
        // The checks run on the real clock's certificate dates, the fixture's manual clock aside.
        auto r = check(QStringLiteral("network.tls-policy"));
        QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
        QVERIFY(facts.nonForwardSecretAead.isEmpty());
        QVERIFY(!facts.cipherSuites.isEmpty());
        QCOMPARE(check(QStringLiteral("network.listen-exposure")).status, Status::Pass);
        // The generated key lives in <data>/tls, private to its owner.
        r = check(QStringLiteral("data.file-permissions"));
        QVERIFY2(r.status == Status::Pass &&
                     evidenceOf(r, QStringLiteral("modes")).contains(QLatin1String("tls/server.key 0600")),
                 qPrintable(describe(r)));
    }
    QVERIFY(!f->cp->transportFacts().serving);
    QCOMPARE(check(QStringLiteral("network.tls-policy")).status, Status::Warn);
}

// --- application ----------------------------------------------------------------------------------------------

void TestBoundaries::tenantKeys()
{
    QVERIFY(f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/password"), {}, {}, 0, 0},
                                secret("hunter2-but-longer")));
    auto r = check(QStringLiteral("application.tenant-keys"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("tenants_with_own_key")), QStringLiteral("1"));
    exec(QStringLiteral("DELETE FROM tenant_keys WHERE tenant_id = '%1';").arg(f->tenantA));
    r = check(QStringLiteral("application.tenant-keys"));
    QCOMPARE(r.status, Status::Fail);
    QVERIFY(evidenceOf(r, QStringLiteral("tenants_with_secrets_but_no_key")).contains(QLatin1String("acme")));
}

void TestBoundaries::roleBindings()
{
    QCOMPARE(check(QStringLiteral("application.role-bindings")).status, Status::Pass);
    exec(QStringLiteral("INSERT INTO bindings (id, tenant_id, identity_kind, identity_id, role_id, workspace_id, "
                        "created_at) VALUES ('bnd_dangling', '%1', 'user', '%2', 'rol_gone', '', 0);")
             .arg(f->tenantA, f->userId(f->tenantB, QStringLiteral("bob"))));
    auto r = check(QStringLiteral("application.role-bindings"));
    QCOMPARE(r.status, Status::Fail);
    const QString why = evidenceOf(r, QStringLiteral("dangling_bindings"));
    QVERIFY2(why.contains(QLatin1String("role rol_gone not usable here")) && why.contains(QLatin1String("no user")),
             qPrintable(why));
}

void TestBoundaries::customRoles()
{
    auto role = f->cp->createRole(f->system, f->tenantA, QStringLiteral("readers"), {},
                                  {QStringLiteral("secrets.read"), QStringLiteral("workspaces.read")});
    QVERIFY(role);
    QCOMPARE(check(QStringLiteral("application.custom-roles")).status, Status::Pass);
    exec(QStringLiteral("UPDATE roles SET permissions = 'secrets.read,tenants.write' WHERE id = '%1';")
             .arg(role.value().id));
    auto r = check(QStringLiteral("application.custom-roles"));
    QCOMPARE(r.status, Status::Fail);
    QVERIFY(evidenceOf(r, QStringLiteral("roles")).contains(QLatin1String("platform-only tenants.write")));
}

void TestBoundaries::denyByDefault()
{
    const Caller member = [&] {
        f->addUser(f->tenantA, QStringLiteral("member"), roles::kMember, f->w1);
        return f->signIn(QStringLiteral("acme"), QStringLiteral("member"));
    }();
    QVERIFY(!f->cp->createWorkspace(member, f->tenantA, QStringLiteral("nope"), QStringLiteral("Nope")));
    auto r = check(QStringLiteral("application.deny-by-default"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("allowed_without_binding")), QStringLiteral("0"));
    QCOMPARE(evidenceOf(r, QStringLiteral("questions_asked")),
             QString::number(3 * int(authz::Permission::Count_))); // the platform and two tenants
    QCOMPARE(evidenceOf(r, QStringLiteral("denials_last_24h")), QStringLiteral("1"));
    f->clock.advanceMs(2 * kDay);
    r = check(QStringLiteral("application.deny-by-default"));
    QCOMPARE(evidenceOf(r, QStringLiteral("denials_last_24h")), QStringLiteral("0"));
    QCOMPARE(evidenceOf(r, QStringLiteral("denials_last_30_days")), QStringLiteral("1"));
}

// --- data ---------------------------------------------------------------------------------------------------------

void TestBoundaries::databaseEncryption()
{
    auto r = check(QStringLiteral("data.encryption"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("file_header")), QStringLiteral("encrypted"));
    QCOMPARE(evidenceOf(r, QStringLiteral("page_size")), QStringLiteral("4096"));
    QCOMPARE(evidenceOf(r, QStringLiteral("hmac_per_page")), QStringLiteral("on"));
    // Turning a required setting off on the live connection is seen.
    exec(QStringLiteral("PRAGMA secure_delete = OFF;"));
    r = check(QStringLiteral("data.encryption"));
    QCOMPARE(evidenceOf(r, QStringLiteral("secure_delete")), QStringLiteral("off"));
    QCOMPARE(r.status, Status::Fail);
}

void TestBoundaries::filePermissions()
{
    auto r = check(QStringLiteral("data.file-permissions"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    const QString db = store::Store::databasePath(f->store->dataDir());
    QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                          QFileDevice::ReadOther));
    r = check(QStringLiteral("data.file-permissions"));
    QCOMPARE(r.status, Status::Fail);
    QVERIFY2(r.summary.contains(QLatin1String("gatehouse.db 0644")), qPrintable(describe(r)));
    QVERIFY(QFile::setPermissions(db, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestBoundaries::schemaVersion()
{
    auto r = check(QStringLiteral("data.schema-version"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("schema_version")),
             QString::number(store::Migrations::schema().latestVersion()));
    exec(QStringLiteral("PRAGMA user_version = 1;"));
    QCOMPARE(check(QStringLiteral("data.schema-version")).status, Status::Warn);
    exec(QStringLiteral("PRAGMA user_version = %1;").arg(store::Migrations::schema().latestVersion()));
}

void TestBoundaries::integrity()
{
    // Never scanned: a warning that says how to scan.
    auto r = check(QStringLiteral("data.integrity"));
    QCOMPARE(r.status, Status::Warn);
    QVERIFY(r.summary.contains(QLatin1String("gatehoused boundaries")));
    // Only the local operator may run the full scan.
    QVERIFY(!f->cp->scanStoreIntegrity(f->signIn(QString(), QStringLiteral("root"))));
    auto scan = f->cp->scanStoreIntegrity(f->system);
    QVERIFY(scan);
    QVERIFY(scan.value().ok());
    QCOMPARE(f->newestEvent().action, boundaries::kIntegrityScanAction);
    r = check(QStringLiteral("data.integrity"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("quick_check")), QStringLiteral("ok"));
    // A month later the scan is stale.
    f->clock.advanceMs(31 * kDay);
    QCOMPARE(check(QStringLiteral("data.integrity")).status, Status::Warn);
    // A row pointing at a tenant that does not exist: the next scan finds it, and the control fails.
    exec(QStringLiteral("PRAGMA foreign_keys = OFF;"));
    exec(QStringLiteral("INSERT INTO workspaces (id, tenant_id, name, display_name, status, created_at) VALUES "
                        "('wsp_orphan', 'ten_gone', 'orphan', 'Orphan', 'active', 0);"));
    exec(QStringLiteral("PRAGMA foreign_keys = ON;"));
    scan = f->cp->scanStoreIntegrity(f->system);
    QVERIFY(scan);
    QVERIFY(!scan.value().ok());
    QCOMPARE(scan.value().danglingRows.size(), 1);
    r = check(QStringLiteral("data.integrity"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("rows_pointing_at_missing_rows")), QStringLiteral("1"));
}

void TestBoundaries::recentCountsAreBounded()
{
    // Counts over the audit trail read the newest 10,000 events at most, and say so when they stop early.
    const Caller member = [&] {
        f->addUser(f->tenantA, QStringLiteral("member"), roles::kMember, f->w1);
        return f->signIn(QStringLiteral("acme"), QStringLiteral("member"));
    }();
    QVERIFY(!f->cp->createWorkspace(member, f->tenantA, QStringLiteral("nope"), QStringLiteral("Nope")));
    for (int i = 0; i < 10000; ++i)
        QVERIFY(f->cp->whoami(member));
    QVERIFY(f->cp->flushReadAudit());
    auto r = check(QStringLiteral("application.deny-by-default"));
    QCOMPARE(evidenceOf(r, QStringLiteral("denials_last_24h")),
             QStringLiteral("0 (in the newest 10000 events; older ones not counted)"));
}

// --- secrets ------------------------------------------------------------------------------------------------------

void TestBoundaries::keyCustody()
{
    auto r = check(QStringLiteral("secrets.key-custody"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("mode")), QStringLiteral("0600"));
    const QString keyFile = f->store->config().custody.keyFile;
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ReadGroup |
                                               QFileDevice::ReadOther));
    r = check(QStringLiteral("secrets.key-custody"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("mode")), QStringLiteral("0644"));
    QVERIFY(QFile::setPermissions(keyFile, QFileDevice::ReadOwner | QFileDevice::WriteOwner));
}

void TestBoundaries::secretsOverdueForRotation()
{
    QVERIFY(f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("api/key"), {}, {}, 30, 0},
                                secret("rotating-value-1")));
    auto r = check(QStringLiteral("secrets.rotation-overdue"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    f->clock.advanceMs(31 * kDay);
    r = check(QStringLiteral("secrets.rotation-overdue"));
    QCOMPARE(r.status, Status::Warn);
    QCOMPARE(evidenceOf(r, QStringLiteral("per_tenant")), QStringLiteral("acme: 1"));
    QVERIFY(evidenceOf(r, QStringLiteral("secrets")).startsWith(QLatin1String("acme/prod/api/key (rotation overdue")));
    f->clock.advanceMs(31 * kDay);
    QCOMPARE(check(QStringLiteral("secrets.rotation-overdue")).status, Status::Fail);
    QVERIFY(f->cp->markSecretRotated(f->system, f->tenantA, f->w1, QStringLiteral("api/key")));
    QCOMPARE(check(QStringLiteral("secrets.rotation-overdue")).status, Status::Pass);
}

void TestBoundaries::tenantKeysWrapped()
{
    QVERIFY(f->cp->createSecret(f->system, f->tenantB, f->wb, {QStringLiteral("k"), {}, {}, 0, 0}, secret("v-1")));
    auto r = check(QStringLiteral("secrets.tenant-keys-wrapped"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("tenant_keys")), QStringLiteral("1"));
    exec(QStringLiteral("UPDATE tenant_keys SET wrapped_key = randomblob(60) WHERE tenant_id = '%1';").arg(f->tenantB));
    r = check(QStringLiteral("secrets.tenant-keys-wrapped"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("tenants")), f->tenantB);
}

// --- monitoring ---------------------------------------------------------------------------------------------------

void TestBoundaries::auditChain()
{
    auto r = check(QStringLiteral("monitoring.audit-chain"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    // Incremental: the next check starts where this one stopped.
    QVERIFY(f->cp->createWorkspace(f->system, f->tenantA, QStringLiteral("qa"), QStringLiteral("QA")));
    r = check(QStringLiteral("monitoring.audit-chain"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QVERIFY(evidenceOf(r, QStringLiteral("events_checked")).toInt() <= 3);
    QVERIFY(f->cp->createWorkspace(f->system, f->tenantA, QStringLiteral("qa2"), QStringLiteral("QA 2")));
    const qint64 seq = audit::AuditLog(f->store->database()).lastSeq().value();
    exec(QStringLiteral("DROP TRIGGER audit_events_no_update;"));
    exec(QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;").arg(seq));
    r = check(QStringLiteral("monitoring.audit-chain"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("first_bad_seq")), QString::number(seq));
}

void TestBoundaries::auditChainHoldsStretchesToThePolicy()
{
    // An unsigned tail longer than the policy (every 1000 events or 5 minutes): a warning with its size.
    QVERIFY(test::appendAuditEvents(*f->store, 1400, f->clock.nowMs(), false));
    auto r = check(QStringLiteral("monitoring.audit-chain"));
    QVERIFY2(r.status == Status::Warn, qPrintable(describe(r)));
    QVERIFY(evidenceOf(r, QStringLiteral("unsigned_tail_events")).toInt() >= 1400);
    QVERIFY2(r.summary.contains(QLatin1String("not covered by a signed checkpoint")), qPrintable(describe(r)));
    // That check's own event was due a checkpoint. Then the checkpoints over those 1400 events are removed, the
    // chain recomputed under them, and the next event signs over the rewrite: a gap, and the control fails.
    audit::AuditLog log(f->store->database());
    const auto cps = log.checkpoints().value();
    QVERIFY(cps.size() >= 2);
    const qint64 before = cps.at(cps.size() - 2).seq;
    QCOMPARE(test::removeCheckpointsAndRecomputeChain(f->store->database(), before), QString());
    QVERIFY(f->cp->createWorkspace(f->system, f->tenantA, QStringLiteral("qa"), QStringLiteral("QA")));
    r = check(QStringLiteral("monitoring.audit-chain"));
    QVERIFY2(r.status == Status::Fail, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("problem")), QStringLiteral("unsigned_gap"));
    QCOMPARE(evidenceOf(r, QStringLiteral("first_bad_seq")), QString::number(before + 1));
}

void TestBoundaries::checkpointAge()
{
    QVERIFY(f->cp->setAuditCheckpointPolicy({100000, 60'000}));
    QVERIFY(f->cp->createWorkspace(f->system, f->tenantA, QStringLiteral("qa"), QStringLiteral("QA")));
    f->clock.advanceSeconds(3 * 60);
    auto r = check(QStringLiteral("monitoring.checkpoint-age"));
    QVERIFY2(r.status == Status::Warn, qPrintable(describe(r)));
    // That read's own event was due a checkpoint by time: everything is signed now.
    r = check(QStringLiteral("monitoring.checkpoint-age"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("events_after_it")), QStringLiteral("0"));
}

void TestBoundaries::auditRetention()
{
    QCOMPARE(check(QStringLiteral("monitoring.audit-retention")).status, Status::Warn);
    QVERIFY(f->cp->setAuditRetention(f->system, {400, 0}));
    auto r = check(QStringLiteral("monitoring.audit-retention"));
    QCOMPARE(r.status, Status::Pass);
    QCOMPARE(evidenceOf(r, QStringLiteral("keep_days")), QStringLiteral("400"));
}

void TestBoundaries::auditIndex()
{
    audit::AuditIndex* index = f->cp->auditIndex();
    QVERIFY(index);
    QVERIFY(index->catchUp());
    auto r = check(QStringLiteral("monitoring.audit-index"));
    QCOMPARE(r.status, Status::Pass);
    QCOMPARE(evidenceOf(r, QStringLiteral("index_open")), QStringLiteral("yes"));
    QCOMPARE(evidenceOf(r, QStringLiteral("admission_bound")), QStringLiteral("100000"));
    // A store whose index cannot be opened runs on, and the control says so.
    ManualClock clock;
    QTemporaryDir dir;
    auto other = test::createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("k")));
    QVERIFY(other);
    QVERIFY(QDir().mkpath(other.value()->auditIndexPath()));
    service::ControlPlane cp(*other.value(), clock);
    QVERIFY(cp.load());
    auto missing = cp.controlResult(service::Caller::system(), QStringLiteral("monitoring"),
                                    QStringLiteral("monitoring.audit-index"));
    QVERIFY(missing);
    QCOMPARE(missing.value().status, Status::Warn);
    QCOMPARE(evidenceOf(missing.value(), QStringLiteral("index_open")), QStringLiteral("no"));
}

void TestBoundaries::liveFollow()
{
    QCOMPARE(evidenceOf(check(QStringLiteral("monitoring.live-follow")), QStringLiteral("live_followers")),
             QStringLiteral("0"));
    auto sub = f->cp->followAudit(f->system, {}, 0, [] {});
    QVERIFY(sub);
    auto r = check(QStringLiteral("monitoring.live-follow"));
    QCOMPARE(r.status, Status::Pass);
    QCOMPARE(evidenceOf(r, QStringLiteral("live_followers")), QStringLiteral("1"));
    f->cp->unfollowAudit(sub.value());
}

// --- change control -----------------------------------------------------------------------------------------------

void TestBoundaries::migrationsRecorded()
{
    auto r = check(QStringLiteral("change.migrations"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    exec(QStringLiteral("DELETE FROM schema_migrations WHERE version = 3;"));
    r = check(QStringLiteral("change.migrations"));
    QCOMPARE(r.status, Status::Fail);
    QCOMPARE(evidenceOf(r, QStringLiteral("unrecorded_versions")), QStringLiteral("3"));
}

void TestBoundaries::masterKeyAge()
{
    auto r = check(QStringLiteral("change.master-key-age"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    f->clock.advanceMs(400 * kDay);
    r = check(QStringLiteral("change.master-key-age"));
    QCOMPARE(r.status, Status::Warn);
    keys::KeyFileProvider next(f->dir.filePath(QStringLiteral("next.key")));
    QVERIFY(f->cp->rotateMasterKey(f->system, next));
    r = check(QStringLiteral("change.master-key-age"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    QCOMPARE(evidenceOf(r, QStringLiteral("key_age")), QStringLiteral("0 s"));
}

void TestBoundaries::adminChangesAudited()
{
    auto r = check(QStringLiteral("change.admin-changes"));
    QVERIFY2(r.status == Status::Pass, qPrintable(describe(r)));
    const int before = evidenceOf(r, QStringLiteral("administrative_changes_last_30_days")).toInt();
    QVERIFY(before > 0);
    QVERIFY(f->cp->createWorkspace(f->system, f->tenantA, QStringLiteral("qa"), QStringLiteral("QA")));
    r = check(QStringLiteral("change.admin-changes"));
    QCOMPARE(evidenceOf(r, QStringLiteral("administrative_changes_last_30_days")).toInt(), before + 1);
    exec(QStringLiteral("DROP TRIGGER audit_events_no_delete;"));
    r = check(QStringLiteral("change.admin-changes"));
    QCOMPARE(r.status, Status::Fail);
}

void TestBoundaries::ownershipStated()
{
    auto r = check(QStringLiteral("change.ownership"));
    QCOMPARE(r.status, Status::Warn);
    QCOMPARE(evidenceOf(r, QStringLiteral("incident_response")), QStringLiteral("customer"));
    auto o = boundaries::Ownership::defaults();
    o.areas[4].owner = QStringLiteral("SecOps on-call");
    o.areas[4].contact = QStringLiteral("secops@example.com");
    QVERIFY(f->cp->setOwnership(f->system, o));
    r = check(QStringLiteral("change.ownership"));
    QCOMPARE(r.status, Status::Pass);
    QCOMPARE(evidenceOf(r, QStringLiteral("incident_response")), QStringLiteral("SecOps on-call (secops@example.com)"));
}

// --- ownership and permissions ------------------------------------------------------------------------------------

void TestBoundaries::ownershipReadAndUpdate()
{
    auto o = f->cp->ownership(f->system);
    QVERIFY(o);
    QVERIFY(!o.value().stated);
    QCOMPARE(o.value().areas.size(), 5);
    for (const auto& a : o.value().areas)
        QCOMPARE(a.owner, QStringLiteral("customer"));
    QCOMPARE(f->newestEvent().action, QStringLiteral("ownership.read"));

    const Caller root = f->signIn({}, QStringLiteral("root"));
    auto next = o.value();
    next.areas[0].owner = QStringLiteral("operator");
    next.areas[0].contact = QStringLiteral("ops@example.com");
    auto set = f->cp->setOwnership(root, next);
    QVERIFY2(set, set ? "" : qPrintable(set.error().message));
    QVERIFY(set.value().stated);
    QCOMPARE(set.value().updatedBy, f->platformOwnerId);
    QCOMPARE(set.value().find(QStringLiteral("infrastructure_runtime"))->owner, QStringLiteral("operator"));
    auto e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("ownership.update"));
    QCOMPARE(e.outcome, QStringLiteral("success"));
    QCOMPARE(e.actorId, f->platformOwnerId);
    QVERIFY(e.details.value(QStringLiteral("first_statement")).toBool());
    // A second statement records only what changed.
    next.areas[1].owner = QStringLiteral("Platform team");
    QVERIFY(f->cp->setOwnership(root, next));
    e = f->newestEvent();
    QCOMPARE(e.details.value(QStringLiteral("changed")).toObject().keys(),
             QStringList{QStringLiteral("environment_hardening")});
    QCOMPARE(f->cp->ownership(f->system).value().find(QStringLiteral("environment_hardening"))->owner,
             QStringLiteral("Platform team"));

    // Invalid statements are refused and change nothing.
    auto missing = next;
    missing.areas.removeLast();
    auto bad = f->cp->setOwnership(root, missing);
    QVERIFY(!bad);
    QCOMPARE(bad.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("error"));
    auto empty = next;
    empty.areas[2].owner = QStringLiteral("  ");
    QCOMPARE(f->cp->setOwnership(root, empty).error().code, ErrorCode::InvalidArgument);
    auto unknown = next;
    unknown.areas[3].area = QStringLiteral("coffee_machine");
    QCOMPARE(f->cp->setOwnership(root, unknown).error().code, ErrorCode::InvalidArgument);
    QCOMPARE(f->cp->ownership(f->system).value().find(QStringLiteral("environment_hardening"))->owner,
             QStringLiteral("Platform team"));
}

void TestBoundaries::whoMayReadAndWhoMaySet()
{
    const QString auditorId =
        f->cp->createUser(f->system, {}, QStringLiteral("auditor"), QStringLiteral("A"), {}, secret(kPassword))
            .value()
            .id;
    QVERIFY(f->cp->createBinding(f->system, {}, QStringLiteral("user"), auditorId, roles::kPlatformAuditor));
    QVERIFY(!f->addUser(f->tenantA, QStringLiteral("reviewer"), roles::kSecurityReviewer).isEmpty());
    const Caller auditor = f->signIn({}, QStringLiteral("auditor"));
    const Caller reviewer = f->signIn(QStringLiteral("acme"), QStringLiteral("reviewer"));
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));

    // The platform auditor reads everything, and cannot state ownership.
    QVERIFY(f->cp->listBoundaries(auditor));
    QVERIFY(f->cp->boundary(auditor, QStringLiteral("data")));
    QVERIFY(f->cp->ownership(auditor));
    auto denied = f->cp->setOwnership(auditor, boundaries::Ownership::defaults());
    QVERIFY(!denied);
    QCOMPARE(denied.error().code, ErrorCode::Forbidden);
    auto e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("ownership.update"));
    QCOMPARE(e.outcome, QStringLiteral("denied"));
    QVERIFY(!f->cp->ownership(f->system).value().stated);

    // Tenant users, reviewers and owners alike, do not see the deployment's boundaries.
    for (const Caller& c : {reviewer, alice}) {
        auto r = f->cp->listBoundaries(c);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Forbidden);
        QCOMPARE(f->newestEvent().reason, QStringLiteral("platform_only"));
        QCOMPARE(f->cp->controlResult(c, QStringLiteral("data"), QStringLiteral("data.encryption")).error().code,
                 ErrorCode::Forbidden);
        QCOMPARE(f->cp->ownership(c).error().code, ErrorCode::Forbidden);
    }
    QCOMPARE(f->cp->listBoundaries(Caller::withToken(QStringLiteral("ghs_nope"))).error().code,
             ErrorCode::Unauthenticated);
}

void TestBoundaries::noEvidenceHoldsASecret()
{
    const char* value = "canary-7b1f-secret-value";
    QVERIFY(f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("canary"), {}, {}, 1, 0}, secret(value)));
    const QString robot = f->cp->createIntegration(f->system, f->tenantA, QStringLiteral("robot"), {}).value().id;
    const auto token = f->cp->issueToken(f->system, f->tenantA, robot, 365).value();
    auto session = f->cp->signIn(ControlPlaneFixture::caller(), {}, QStringLiteral("root"), secret(kPassword));
    QVERIFY(session);
    f->cp->setTransportFacts(goodTls(f->clock.nowMs()));
    f->clock.advanceMs(100 * kDay); // overdue rotation and an idle token: both named in evidence
    auto all = f->cp->listBoundaries(f->system);
    QVERIFY(all);
    QStringList hashes;
    {
        auto s = f->store->database().prepare("SELECT password_hash FROM users;");
        while (s.value().step().value())
            hashes << s.value().text(0);
    }
    QStringList forbidden{QLatin1String(value), token.secret, session.value().token, QLatin1String(kPassword),
                          QStringLiteral("$argon2id")};
    forbidden << hashes;
    int items = 0;
    bool namesCanary = false;
    for (const auto& b : all.value()) {
        for (const auto& r : b.results) {
            QStringList texts{r.summary};
            for (const auto& e : r.evidence)
                texts << e.key << e.value;
            for (const QString& t : texts) {
                ++items;
                namesCanary = namesCanary || t.contains(QLatin1String("acme/prod/canary"));
                for (const QString& s : forbidden)
                    QVERIFY2(!t.contains(s), qPrintable(r.controlId + QStringLiteral(" shows a secret: ") + t));
            }
        }
    }
    QVERIFY(items > 100);
    QVERIFY(namesCanary); // the secret's name is evidence; its value never is
}

QTEST_GUILESS_MAIN(TestBoundaries)
#include "TestBoundaries.moc"
