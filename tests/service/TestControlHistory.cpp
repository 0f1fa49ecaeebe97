// Control results over time: each run of the checks is kept, a change of status writes exactly one control.drift
// event (in the run's transaction, naming the control), a status that stays writes none, and the history reads
// back in pages, only for those who may read the boundaries.
#include "ControlPlaneFixture.h"
#include "boundaries/ControlHistory.h"
#include "service/ControlCheckSchedule.h"
#include "store/Sql.h"

#include <QSignalSpy>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using boundaries::Status;
namespace roles = authz::builtin;

namespace {

constexpr qint64 kDay = 24LL * 60 * 60 * 1000;

boundaries::TransportFacts tls(qint64 now, qint64 validForMs)
{
    boundaries::TransportFacts t;
    t.serving = true;
    t.mode = QStringLiteral("tls");
    t.address = QStringLiteral("127.0.0.1");
    t.port = 8443;
    t.loopback = true;
    t.minimumTlsVersion = QStringLiteral("TLS 1.2");
    t.cipherSuites = {QStringLiteral("TLS_AES_256_GCM_SHA384")};
    t.certificateNotBeforeMs = now - kDay;
    t.certificateNotAfterMs = now + validForMs;
    t.certificateFingerprint = QStringLiteral("AB:CD");
    t.certificateSubject = QStringLiteral("localhost");
    t.sinceMs = now;
    return t;
}

QHash<QString, Status> statuses(const QList<service::BoundaryReport>& reports)
{
    QHash<QString, Status> out;
    for (const auto& b : reports) {
        for (const auto& r : b.results)
            out.insert(r.controlId, r.status);
    }
    return out;
}

} // namespace

class TestControlHistory : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void eachRunIsKept();
    void oneDriftEventPerChange();
    void historyPages();
    void historyWindowAndBadInput();
    void tenantUsersMayNotReadHistory();
    void scheduleRunsAtStartAndKeepsTheRun();
    void retentionPrunesButKeepsTheStartOfTheWindow();

private:
    qint64 driftEvents(const QString& controlId = {});
    std::unique_ptr<ControlPlaneFixture> f;
};

void TestControlHistory::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    f->cp->setTransportFacts(tls(f->clock.nowMs(), 365 * kDay));
}

void TestControlHistory::cleanup()
{
    f.reset();
}

qint64 TestControlHistory::driftEvents(const QString& controlId)
{
    auto s = controlId.isEmpty()
                 ? store::sql::query(f->store->database(),
                                     "SELECT COUNT(*) FROM audit_events WHERE action = 'control.drift';")
                 : store::sql::query(f->store->database(),
                                     "SELECT COUNT(*) FROM audit_events WHERE action = 'control.drift' AND "
                                     "target_kind = 'control' AND target_id = ?;",
                                     controlId);
    if (!s || !s.value().step().value())
        return -1;
    return s.value().int64(0);
}

void TestControlHistory::eachRunIsKept()
{
    QVERIFY(f->cp->runControlChecks(f->system));
    f->clock.advanceMs(1000);
    QVERIFY(f->cp->runControlChecks(f->system));
    auto page = f->cp->controlHistory(f->system, QStringLiteral("network"), QStringLiteral("network.tls-policy"), {});
    QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
    QCOMPARE(page.value().records.size(), 2);
    QCOMPARE(page.value().records[0].status, Status::Pass);
    QVERIFY(page.value().records[0].checkedAtMs < page.value().records[1].checkedAtMs);
    QVERIFY(page.value().records[1].runId > page.value().records[0].runId);
    QVERIFY(!page.value().records[0].evidence.isEmpty());
    QVERIFY(page.value().nextCursor.isEmpty());
    // Every control of the catalog is in every run.
    auto rows = store::sql::query(f->store->database(), "SELECT COUNT(*) FROM control_results WHERE run_id = 1;");
    QVERIFY(rows && rows.value().step().value());
    qint64 controls = 0;
    for (const auto& b : boundaries::Catalog::builtin().boundaries())
        controls += b.controls.size();
    QCOMPARE(rows.value().int64(0), controls);
}

void TestControlHistory::oneDriftEventPerChange()
{
    const QString cert = QStringLiteral("network.certificate-expiry");
    auto previous = f->cp->runControlChecks(f->system);
    QVERIFY(previous);
    QCOMPARE(driftEvents(), 0); // the first run has nothing to differ from

    // Each run writes as many drift events as controls changed status since the run before, whatever they are.
    const auto runAndCompare = [&]() -> bool {
        const qint64 before = driftEvents();
        auto next = f->cp->runControlChecks(f->system);
        if (!next)
            return false;
        const auto a = statuses(previous.value());
        const auto b = statuses(next.value());
        qint64 changed = 0;
        for (auto it = b.begin(); it != b.end(); ++it)
            changed += a.value(it.key()) != it.value() ? 1 : 0;
        previous = next;
        return driftEvents() - before == changed;
    };
    QVERIFY(runAndCompare());
    QVERIFY(runAndCompare());
    QCOMPARE(driftEvents(cert), 0);

    // The certificate comes within 30 days of expiry: warn, one event; staying there, none more.
    f->cp->setTransportFacts(tls(f->clock.nowMs(), 10 * kDay));
    QVERIFY(runAndCompare());
    QCOMPARE(driftEvents(cert), 1);
    QVERIFY(runAndCompare());
    QVERIFY(runAndCompare());
    QCOMPARE(driftEvents(cert), 1);

    const audit::AuditEvent drift = [&] {
        audit::AuditQuery q;
        q.platform = true;
        q.actionPrefix = QStringLiteral("control.drift");
        q.targetId = cert;
        q.limit = 1;
        return audit::AuditLog(f->store->database()).search(q).value().events.value(0);
    }();
    QCOMPARE(drift.targetKind, QStringLiteral("control"));
    QCOMPARE(drift.targetId, cert);
    QCOMPARE(drift.details.value(QStringLiteral("from")).toString(), QStringLiteral("pass"));
    QCOMPARE(drift.details.value(QStringLiteral("to")).toString(), QStringLiteral("warn"));
    QCOMPARE(drift.details.value(QStringLiteral("boundary")).toString(), QStringLiteral("network"));
    QCOMPARE(drift.details.value(QStringLiteral("evidence")).toObject().value(QStringLiteral("valid_for")).toString(),
             QStringLiteral("10 days"));
    QCOMPARE(drift.actorKind, QStringLiteral("system"));

    // Back to pass: one more.
    f->cp->setTransportFacts(tls(f->clock.nowMs(), 365 * kDay));
    QVERIFY(runAndCompare());
    QCOMPARE(driftEvents(cert), 2);
    QVERIFY(runAndCompare());
    QCOMPARE(driftEvents(cert), 2);

    // The drift events commit with the run that found them: the run's own event follows them in the same chain.
    auto s = store::sql::query(f->store->database(),
                               "SELECT action FROM audit_events WHERE seq > (SELECT MAX(seq) FROM audit_events WHERE "
                               "action = 'control.drift' AND target_id = ?) ORDER BY seq LIMIT 1;",
                               cert);
    QVERIFY(s);
    QVERIFY(s.value().step().value());
    const QString after = s.value().text(0);
    QVERIFY2(after == QLatin1String("control.drift") || after == QLatin1String("boundary.check.run"),
             qPrintable(after));
}

void TestControlHistory::historyPages()
{
    for (int i = 0; i < 7; ++i) {
        QVERIFY(f->cp->runControlChecks(f->system));
        f->clock.advanceMs(60'000);
    }
    boundaries::HistoryQuery q;
    q.limit = 3;
    QList<boundaries::ControlRecord> all;
    int pages = 0;
    for (;;) {
        auto page = f->cp->controlHistory(f->system, QStringLiteral("data"), QStringLiteral("data.encryption"), q);
        QVERIFY(page);
        ++pages;
        all << page.value().records;
        if (page.value().nextCursor.isEmpty())
            break;
        QCOMPARE(page.value().records.size(), 3);
        q.cursor = page.value().nextCursor;
        QVERIFY(pages < 10);
    }
    QCOMPARE(pages, 3);
    QCOMPARE(all.size(), 7);
    for (int i = 1; i < all.size(); ++i) {
        QVERIFY(all[i].checkedAtMs > all[i - 1].checkedAtMs);
        QCOMPARE(all[i].controlId, QStringLiteral("data.encryption"));
    }
}

void TestControlHistory::historyWindowAndBadInput()
{
    const qint64 start = f->clock.nowMs();
    for (int i = 0; i < 5; ++i) {
        QVERIFY(f->cp->runControlChecks(f->system));
        f->clock.advanceMs(60'000);
    }
    boundaries::HistoryQuery q;
    q.sinceMs = start + 60'000;
    q.untilMs = start + 180'000; // inclusive ends: runs 2, 3 and 4
    auto page = f->cp->controlHistory(f->system, QStringLiteral("data"), QStringLiteral("data.encryption"), q);
    QVERIFY(page);
    QCOMPARE(page.value().records.size(), 3);
    QCOMPARE(page.value().records.first().checkedAtMs, start + 60'000);
    QCOMPARE(page.value().records.last().checkedAtMs, start + 180'000);

    // A control of another boundary, an unknown one, a window the wrong way round, a made-up cursor.
    auto other = f->cp->controlHistory(f->system, QStringLiteral("network"), QStringLiteral("data.encryption"), {});
    QCOMPARE(other.error().code, ErrorCode::NotFound);
    QCOMPARE(f->cp->controlHistory(f->system, QStringLiteral("data"), QStringLiteral("data.nothing"), {}).error().code,
             ErrorCode::NotFound);
    q.sinceMs = start + 200'000;
    QCOMPARE(
        f->cp->controlHistory(f->system, QStringLiteral("data"), QStringLiteral("data.encryption"), q).error().code,
        ErrorCode::InvalidArgument);
    boundaries::HistoryQuery bad;
    bad.cursor = QStringLiteral("drop table");
    QCOMPARE(
        f->cp->controlHistory(f->system, QStringLiteral("data"), QStringLiteral("data.encryption"), bad).error().code,
        ErrorCode::InvalidArgument);
}

void TestControlHistory::tenantUsersMayNotReadHistory()
{
    QVERIFY(f->cp->runControlChecks(f->system));
    const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto r = f->cp->controlHistory(alice, QStringLiteral("data"), QStringLiteral("data.encryption"), {});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Forbidden);
    QCOMPARE(f->cp->runControlChecks(alice).error().code, ErrorCode::Forbidden);
    const service::Caller root = f->signIn({}, QStringLiteral("root"));
    QVERIFY(f->cp->controlHistory(root, QStringLiteral("data"), QStringLiteral("data.encryption"), {}));
}

void TestControlHistory::scheduleRunsAtStartAndKeepsTheRun()
{
    service::ControlCheckSchedule schedule(*f->cp);
    QCOMPARE(schedule.intervalMinutes(), service::ControlCheckSchedule::kDefaultIntervalMinutes);
    QSignalSpy ran(&schedule, &service::ControlCheckSchedule::ran);
    schedule.start();
    QVERIFY(ran.wait(10'000));
    QCOMPARE(ran.first().at(0).toBool(), true);
    schedule.stop();
    const audit::AuditEvent run = f->newestEvent();
    QCOMPARE(run.action, QStringLiteral("boundary.check.run"));
    QCOMPARE(run.source, QStringLiteral("system"));
    auto page = f->cp->controlHistory(f->system, QStringLiteral("data"), QStringLiteral("data.encryption"), {});
    QVERIFY(page);
    QCOMPARE(page.value().records.size(), 1);

    // Off: no run at start.
    service::ControlCheckSchedule off(*f->cp);
    off.setIntervalMinutes(0);
    QSignalSpy none(&off, &service::ControlCheckSchedule::ran);
    off.start();
    QCoreApplication::processEvents();
    QCOMPARE(none.size(), 0);
}

void TestControlHistory::retentionPrunesButKeepsTheStartOfTheWindow()
{
    const QString control = QStringLiteral("network.certificate-expiry");
    qint64 controls = 0;
    for (const auto& b : boundaries::Catalog::builtin().boundaries())
        controls += b.controls.size();
    const auto stored = [&](const QString& controlId = {}) -> qint64 {
        auto s = controlId.isEmpty()
                     ? store::sql::query(f->store->database(), "SELECT count(*) FROM control_results;")
                     : store::sql::query(f->store->database(),
                                         "SELECT count(*) FROM control_results WHERE control_id = ?;", controlId);
        return s && s.value().step().value() ? s.value().int64(0) : -1;
    };
    // Runs on days 0, 10, 20 and 30; the certificate warns from day 10 on, so the run of day 10 holds the status
    // that held when a 15-day window of day 30 starts.
    const qint64 day0 = f->clock.nowMs();
    QVERIFY(f->cp->runControlChecks(f->system));
    f->cp->setTransportFacts(tls(day0, 20 * kDay));
    for (int i = 1; i <= 3; ++i) {
        f->clock.advanceMs(10 * kDay);
        QVERIFY(f->cp->runControlChecks(f->system));
    }
    QCOMPARE(stored(), 4 * controls);
    const qint64 drifts = driftEvents();
    QVERIFY(drifts >= 1);
    const qint64 events = f->auditCount();

    // 0 keeps everything.
    QCOMPARE(f->cp->pruneControlHistory(0).value(), 0);
    QCOMPARE(stored(), 4 * controls);

    // In batches of one (so the loop over batches runs): day 0 goes, day 10 stays as the start of the window.
    auto pruned = f->cp->pruneControlHistory(15, 1);
    QVERIFY2(pruned, qPrintable(pruned ? QString() : pruned.error().message));
    QCOMPARE(pruned.value(), controls);
    QCOMPARE(stored(), 3 * controls);
    QCOMPARE(stored(control), 3);
    boundaries::HistoryQuery q;
    q.controlId = control;
    auto page = f->cp->controlHistory(f->system, QStringLiteral("network"), control, q);
    QVERIFY(page);
    QCOMPARE(page.value().records.first().checkedAtMs, day0 + 10 * kDay);
    QCOMPARE(page.value().records.first().status, Status::Warn);
    // Again: nothing more to take, the kept row stays however often it runs.
    QCOMPARE(f->cp->pruneControlHistory(15).value(), 0);
    QCOMPARE(stored(control), 3);

    // The audit trail is not touched: the drift events are all there, and pruning wrote no event.
    QCOMPARE(driftEvents(), drifts);
    QCOMPARE(f->auditCount(), events + 1); // the history read above

    // The schedule prunes after its run, at its retention.
    service::ControlCheckSchedule schedule(*f->cp);
    QCOMPARE(schedule.historyDays(), service::ControlCheckSchedule::kDefaultHistoryDays);
    schedule.setHistoryDays(5);
    f->clock.advanceMs(10 * kDay);
    QVERIFY(schedule.runNow());
    // Day 30 (the newest before the cut-off at day 35) and day 40 are left.
    QCOMPARE(stored(control), 2);
    QCOMPARE(stored(), 2 * controls);
}

QTEST_GUILESS_MAIN(TestControlHistory)
#include "TestControlHistory.moc"
