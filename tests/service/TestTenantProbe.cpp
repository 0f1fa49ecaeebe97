// The cross-tenant self-probe (application.tenant-isolation): a probe principal of one tenant asks the control plane
// for real objects of another tenant and must be told "not found", reads its own tenant's, is audited as the probe
// (never as a user) in the platform's trail, creates nothing, and fails the control when isolation is broken.
#include "ControlPlaneFixture.h"
#include "boundaries/ControlHistory.h"
#include "service/IsolationFault.h"
#include "store/Sql.h"

#include <QScopeGuard>
#include <QtTest>

#include <type_traits>

using namespace gatehouse;
using namespace gatehouse::test;
using boundaries::Status;

namespace {

const QString kBoundary = QStringLiteral("application");
const QString kControl = QStringLiteral("application.tenant-isolation");

QString evidenceOf(const boundaries::ControlResult& r, const QString& key)
{
    for (const auto& e : r.evidence) {
        if (e.key == key)
            return e.value;
    }
    return {};
}

// No front door can make the probe's credential: its constructor is the control plane's alone.
static_assert(!std::is_constructible_v<service::ProbeCredential, QString, QJsonObject>);
static_assert(!std::is_default_constructible_v<service::ProbeCredential>);

} // namespace

class TestTenantProbe : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void passesWithTwoTenants();
    void auditedAsTheProbe();
    void failsWhenALookupIgnoresTheTenant();
    void notApplicableWithOneTenant();
    void refusedCallersDoNotProbe();
    void createsNothing();
    void inEveryRunAndItsHistory();

private:
    QList<audit::AuditEvent> probeEvents(const QString& tenantId = {});
    QString objectIdOf(const char* text, const QString& tenantId);
    qint64 rows();
    std::unique_ptr<ControlPlaneFixture> f;
    // The tenant the probe acts as (the first made; the fixture makes both in the same millisecond, so the store's
    // order decides), and the other one.
    QString prober, other;
    QString integrationA, integrationB, secretA, secretB;
};

void TestTenantProbe::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    // Each kind the probe reads, in both tenants.
    auto ia = f->cp->createIntegration(f->system, f->tenantA, QStringLiteral("ci"), {});
    auto ib = f->cp->createIntegration(f->system, f->tenantB, QStringLiteral("deploy"), {});
    QVERIFY(ia && ib);
    integrationA = ia.value().id;
    integrationB = ib.value().id;
    auto sa = f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/password"), {}, {}, 0, 0},
                                  secret("value-a"));
    QVERIFY(sa);
    secretA = sa.value().id;
    auto sb = f->cp->createSecret(f->system, f->tenantB, f->wb, {QStringLiteral("payments/key"), {}, {}, 0, 0},
                                  secret("value-b"));
    QVERIFY(sb);
    secretB = sb.value().id;
    auto first = store::sql::query(f->store->database(),
                                   "SELECT id FROM tenants WHERE status = 'active' ORDER BY created_at, id LIMIT 1;");
    QVERIFY(first && first.value().step().value());
    prober = first.value().text(0);
    other = prober == f->tenantA ? f->tenantB : f->tenantA;
}

void TestTenantProbe::cleanup()
{
    service::testing::setUserLookupIgnoresTenant(false);
    f.reset();
}

QList<audit::AuditEvent> TestTenantProbe::probeEvents(const QString& tenantId)
{
    (void)f->cp->flushReadAudit();
    audit::AuditQuery q;
    q.platform = tenantId.isEmpty();
    q.tenantId = tenantId;
    q.actor = QStringLiteral("probe");
    q.limit = 1000;
    auto page = audit::AuditLog(f->store->database()).search(q);
    return page ? page.value().events : QList<audit::AuditEvent>{};
}

QString TestTenantProbe::objectIdOf(const char* text, const QString& tenantId)
{
    auto s = store::sql::query(f->store->database(), text, tenantId);
    return s && s.value().step().value() ? s.value().text(0) : QString();
}

qint64 TestTenantProbe::rows()
{
    auto s = store::sql::query(f->store->database(),
                               "SELECT (SELECT count(*) FROM tenants) + (SELECT count(*) FROM workspaces) + "
                               "(SELECT count(*) FROM users) + (SELECT count(*) FROM integrations) + (SELECT count(*) "
                               "FROM api_tokens) + (SELECT count(*) FROM secrets) + (SELECT count(*) FROM "
                               "secret_versions) + (SELECT count(*) FROM bindings) + (SELECT count(*) FROM roles) + "
                               "(SELECT count(*) FROM sessions);");
    return s && s.value().step().value() ? s.value().int64(0) : -1;
}

void TestTenantProbe::passesWithTwoTenants()
{
    auto r = f->cp->controlResult(f->system, kBoundary, kControl);
    QVERIFY2(r, qPrintable(r ? QString() : r.error().message));
    QVERIFY2(r.value().status == Status::Pass, qPrintable(r.value().summary));
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("tenants")), QStringLiteral("2"));
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("kinds_probed")),
             QStringLiteral("workspace, user, integration, binding, secret"));
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("kinds_not_probed")), QStringLiteral("none"));
    // Per kind: the other tenant's object asked in the probe's scope and in that tenant's; its own in its own.
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("cross_tenant_reads")), QStringLiteral("10"));
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("own_tenant_reads")), QStringLiteral("5"));
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("probe_tenants")), prober);

    // Without integrations in the other tenant, that kind is not probed, and the evidence says so.
    QVERIFY(f->cp->deleteIntegration(f->system, other, other == f->tenantB ? integrationB : integrationA));
    auto fewer = f->cp->controlResult(f->system, kBoundary, kControl);
    QVERIFY(fewer);
    QCOMPARE(fewer.value().status, Status::Pass);
    QVERIFY2(evidenceOf(fewer.value(), QStringLiteral("kinds_not_probed")).startsWith(QLatin1String("integration")),
             qPrintable(evidenceOf(fewer.value(), QStringLiteral("kinds_not_probed"))));
}

void TestTenantProbe::auditedAsTheProbe()
{
    const qint64 before = probeEvents().size();
    QCOMPARE(before, 0);
    QVERIFY(f->cp->controlResult(f->system, kBoundary, kControl));
    const QList<audit::AuditEvent> events = probeEvents();
    QCOMPARE(events.size(), 15);
    const QString otherUser = objectIdOf("SELECT id FROM users WHERE tenant_id = ?;", other);
    QSet<QString> targets;
    int found = 0, notFound = 0;
    for (const audit::AuditEvent& e : events) {
        // The probe, never a user; in the platform's trail, saying which tenant it acted as and what it tried.
        QCOMPARE(e.actorKind, QStringLiteral("probe"));
        QCOMPARE(e.actorId, QStringLiteral("probe"));
        QVERIFY(e.tenantId.isEmpty());
        QVERIFY(e.workspaceId.isEmpty());
        const QJsonObject probe = e.details.value(QStringLiteral("probe")).toObject();
        QCOMPARE(probe.value(QStringLiteral("as_tenant_id")).toString(), prober);
        const QString target = probe.value(QStringLiteral("target_id")).toString();
        QVERIFY(!target.isEmpty());
        targets.insert(target);
        const QString expect = probe.value(QStringLiteral("expect")).toString();
        if (probe.value(QStringLiteral("target_tenant_id")).toString() == prober) {
            QCOMPARE(expect, QStringLiteral("found"));
        } else {
            QCOMPARE(probe.value(QStringLiteral("target_tenant_id")).toString(), other);
            QCOMPARE(expect, QStringLiteral("not_found"));
        }
        // A lookup refused as not found is recorded as such; a listing succeeds (the target is not in it).
        if (e.outcome == QLatin1String("success"))
            ++found;
        else if (e.reason == QLatin1String("not_found") || e.reason == QLatin1String("other_tenant"))
            ++notFound;
    }
    QVERIFY(targets.contains(otherUser));
    QVERIFY(targets.contains(other == f->tenantB ? integrationB : integrationA));
    QVERIFY(targets.contains(other == f->tenantB ? secretB : secretA));
    QCOMPARE(found + notFound, 15);
    QCOMPARE(found, 6); // five own reads, and the binding list of the probe's own tenant asked for B's binding
    // Told apart from people: no event of a user names the probe, and the tenants' own trails hold none of it.
    QVERIFY(probeEvents(f->tenantA).isEmpty());
    QVERIFY(probeEvents(f->tenantB).isEmpty());
    audit::AuditQuery users;
    users.platform = true;
    users.text = QStringLiteral("probe");
    users.limit = 1000;
    const auto named = audit::AuditLog(f->store->database()).search(users);
    QVERIFY(named);
    for (const audit::AuditEvent& e : named.value().events)
        QVERIFY(e.actorKind == QLatin1String("probe") || e.action.startsWith(QLatin1String("boundary.")));
}

void TestTenantProbe::failsWhenALookupIgnoresTheTenant()
{
    service::testing::setUserLookupIgnoresTenant(true);
    auto r = f->cp->controlResult(f->system, kBoundary, kControl);
    QVERIFY(r);
    QCOMPARE(r.value().status, Status::Fail);
    QVERIFY2(r.value().summary.contains(QLatin1String("another tenant's user")), qPrintable(r.value().summary));
    const QString otherUser = objectIdOf("SELECT id FROM users WHERE tenant_id = ?;", other);
    QVERIFY2(evidenceOf(r.value(), QStringLiteral("read_across_tenants")).contains(otherUser),
             qPrintable(evidenceOf(r.value(), QStringLiteral("read_across_tenants"))));
    // Only the user lookup is broken: no other kind is named.
    QVERIFY(!r.value().summary.contains(QLatin1String("secret")));

    // Mended, the same store passes again.
    service::testing::setUserLookupIgnoresTenant(false);
    auto again = f->cp->controlResult(f->system, kBoundary, kControl);
    QVERIFY(again);
    QCOMPARE(again.value().status, Status::Pass);
}

void TestTenantProbe::notApplicableWithOneTenant()
{
    QVERIFY(f->cp->deleteTenant(f->system, f->tenantB, QStringLiteral("blue")));
    auto r = f->cp->controlResult(f->system, kBoundary, kControl);
    QVERIFY(r);
    QCOMPARE(r.value().status, Status::NotApplicable);
    QVERIFY2(r.value().summary.contains(QLatin1String("fewer than two tenants")), qPrintable(r.value().summary));
    QCOMPARE(evidenceOf(r.value(), QStringLiteral("tenants")), QStringLiteral("1"));
    QVERIFY(probeEvents().isEmpty());
}

void TestTenantProbe::refusedCallersDoNotProbe()
{
    const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QCOMPARE(f->cp->listBoundaries(alice).error().code, ErrorCode::Forbidden);
    QCOMPARE(f->cp->runControlChecks(alice).error().code, ErrorCode::Forbidden);
    QCOMPARE(f->cp->controlResult(service::Caller::withToken(QStringLiteral("ghs_nothing")), kBoundary, kControl)
                 .error()
                 .code,
             ErrorCode::Unauthenticated);
    QVERIFY(probeEvents().isEmpty());
    // Another boundary's control does not need it.
    QVERIFY(f->cp->controlResult(f->system, QStringLiteral("data"), QStringLiteral("data.encryption")));
    QVERIFY(probeEvents().isEmpty());
}

void TestTenantProbe::createsNothing()
{
    const qint64 before = rows();
    QVERIFY(before > 0);
    QVERIFY(f->cp->listBoundaries(f->system));
    QCOMPARE(rows(), before);
}

void TestTenantProbe::inEveryRunAndItsHistory()
{
    auto run = f->cp->runControlChecks(f->system);
    QVERIFY(run);
    bool seen = false;
    for (const auto& b : run.value()) {
        for (const auto& r : b.results) {
            if (r.controlId == kControl) {
                seen = true;
                QCOMPARE(r.status, Status::Pass);
            }
        }
    }
    QVERIFY(seen);
    QCOMPARE(probeEvents().size(), 15);
    auto history = f->cp->controlHistory(f->system, kBoundary, kControl, {});
    QVERIFY(history);
    QCOMPARE(history.value().records.size(), 1);

    // Isolation breaks between two runs: the drift is recorded like any other.
    service::testing::setUserLookupIgnoresTenant(true);
    QVERIFY(f->cp->runControlChecks(f->system));
    audit::AuditQuery q;
    q.platform = true;
    q.actionPrefix = QStringLiteral("control.drift");
    q.targetId = kControl;
    auto drift = audit::AuditLog(f->store->database()).search(q);
    QVERIFY(drift);
    QCOMPARE(drift.value().events.size(), 1);
    QCOMPARE(drift.value().events.first().details.value(QStringLiteral("to")).toString(), QStringLiteral("fail"));
}

QTEST_GUILESS_MAIN(TestTenantProbe)
#include "TestTenantProbe.moc"
