// The audit trail: signed checkpoints, verification that names the first broken event, offline bundles checked
// with the real openssl and sha256sum, search, live follow, exports and retention.
#include "AuditTamper.h"
#include "ControlPlaneFixture.h"
#include "api/ApiJson.h"
#include "crypto/Ed25519.h"
#include "store/Transaction.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
};

Run sh(const QString& script)
{
    QProcess p;
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("sh"), {QStringLiteral("-c"), script});
    p.waitForFinished(120000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2, QString::fromUtf8(p.readAll())};
}

// Lifts the append-only guards, as someone with raw access to the decrypted store could.
void dropGuards(store::Database& db)
{
    for (const char* t : {"audit_events_no_update", "audit_events_no_delete", "audit_checkpoints_no_update",
                          "audit_checkpoints_no_delete"})
        QVERIFY(db.exec(QByteArray("DROP TRIGGER IF EXISTS ").append(t).append(';').constData()));
}

QJsonValue path(const QJsonObject& o, const QString& dotted)
{
    QJsonValue v = o;
    for (const QString& part : dotted.split(QLatin1Char('.')))
        v = v.toObject().value(part);
    return v;
}

bool hasType(const QJsonValue& v, const QString& type)
{
    if (type == QLatin1String("integer"))
        return v.isDouble() && v.toDouble() == double(v.toInteger());
    if (type == QLatin1String("string"))
        return v.isString();
    if (type == QLatin1String("object"))
        return v.isObject();
    return false;
}

} // namespace

class TestAudit : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void checkpointsAreSignedAndChained();
    void groupCommitsPlaceCheckpointsLikeSingleAppends();
    void intactChainVerifies();
    void tamperingIsNamed_data();
    void tamperingIsNamed();
    void incrementalVerification();
    void boundedVerificationContinues();
    void bundleVerifiesOfflineWithOpenssl();
    void searchFiltersAndPages();
    void searchIsScopedAndAudited();
    void histogramCounts();
    void searchByRequestId();
    void histogramByOutcomeReadsOnlyAnIndex();
    void liveFollowInOrderWithResume();
    void slowFollowerIsDroppedNotBlocking();
    void csvIsRfc4180AndNeutralisesFormulas();
    void cefEscapes();
    void ocsfMatchesTheSchemaSubset();
    void exportIsStreamedWithProgress();
    void retentionKeepsTheChainVerifiable();
    void publicKeyIsTheSigningKey();
    void removedCheckpointsAndARecomputedChainAreAGap();
    void unsignedTailBeyondPolicyIsAWarning();
    void policyOfTheTimeJudgesEachStretch();
    void checkpointOnDemandCoversItsOwnEvent();
    void closeSignsTheNewestEvent();
    void platformExportHoldsEveryTenant();
    void exportProgressNeverPassesItsTotal();
    void jsonlLinesAreAuditEvents();
    void rangeVerifiesAtTheCostOfTheRange();
    void rangeNamesDamageInside_data();
    void rangeNamesDamageInside();
    void damageOutsideTheRangeLeavesItIntact();
    void unsignedTailOfARangeIsAWarning();
    void rangeBoundsSayWhatToDo_data();
    void rangeBoundsSayWhatToDo();

private:
    // A store of several thousand events with a checkpoint every 100 (policy set and signed through the control
    // plane); returns the newest seq.
    qint64 makeLongChain();
    void makeEvents(int n);
    std::unique_ptr<ControlPlaneFixture> f;
};

void TestAudit::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    QVERIFY(f->cp->setAuditCheckpointPolicy({10, 5 * 60 * 1000}));
}

void TestAudit::makeEvents(int n)
{
    for (int i = 0; i < n; ++i)
        QVERIFY(f->cp->renameWorkspace(f->system, f->tenantA, f->w1, QStringLiteral("Name %1").arg(i)));
}

void TestAudit::checkpointsAreSignedAndChained()
{
    makeEvents(25);
    audit::AuditLog log(f->store->database());
    auto cps = log.checkpoints();
    QVERIFY(cps);
    QVERIFY(cps.value().size() >= 3);
    QByteArray previous;
    for (const audit::Checkpoint& c : cps.value()) {
        QCOMPARE(c.prevSignature, previous);
        QCOMPARE(c.signature.size(), 64);
        previous = c.signature;
    }
    // Every 10 events, or after 5 minutes of quiet.
    const qint64 before = cps.value().size();
    f->clock.advanceSeconds(5 * 60);
    makeEvents(1);
    QCOMPARE(log.checkpoints().value().size(), before + 1);
}

void TestAudit::groupCommitsPlaceCheckpointsLikeSingleAppends()
{
    // Group commits of uneven sizes: a checkpoint still falls on every 10th event after the last one, as it
    // would with one append at a time, never "10 events after the start of a batch".
    store::Database& db = f->store->database();
    audit::AuditLog log(db);
    {
        auto tx = store::Transaction::begin(db);
        QVERIFY(tx);
        QVERIFY(log.openSigningKey(f->store->deriveKey("gatehouse/audit-signing").value(), f->clock.nowMs()));
        QVERIFY(log.setCheckpointPolicy({10, 5 * 60 * 1000}, f->clock.nowMs()));
        QVERIFY(tx.value().commit());
    }
    auto existing = log.checkpoints();
    QVERIFY(existing && !existing.value().isEmpty());
    const qint64 start = existing.value().last().seq;
    qint64 appended = 0;
    for (int size : {7, 23, 3, 31, 1, 15, 12}) {
        std::vector<audit::AuditEvent> batch(std::size_t(size), audit::AuditEvent{});
        for (audit::AuditEvent& e : batch) {
            e.timeMs = f->clock.nowMs();
            e.actorKind = QStringLiteral("system");
            e.actorId = QStringLiteral("system");
            e.action = QStringLiteral("test.batch");
            e.outcome = QStringLiteral("success");
            e.source = QStringLiteral("system");
        }
        auto tx = store::Transaction::begin(db);
        QVERIFY(tx);
        QVERIFY(log.appendBatch(batch));
        QVERIFY(tx.value().commit());
        appended += size;
    }
    const qint64 last = log.lastSeq().value();
    QVERIFY(last - start >= appended);
    const auto all = [&] {
        auto r = log.checkpoints();
        return r ? r.value() : QList<audit::Checkpoint>();
    }();
    QList<qint64> got, want;
    for (const audit::Checkpoint& c : all)
        if (c.seq > start)
            got << c.seq;
    for (qint64 s = start + 10; s <= last; s += 10)
        want << s;
    // The last batch ends at a checkpoint or before the next one is due: nothing in between is missing.
    QCOMPARE(got, want);
    QVERIFY(log.verify(false).value().intact);
}

void TestAudit::intactChainVerifies()
{
    makeEvents(30);
    auto report = f->cp->verifyAudit(f->system);
    QVERIFY(report);
    QVERIFY2(report.value().intact, qPrintable(report.value().message));
    QVERIFY(report.value().eventsChecked > 30);
    QVERIFY(report.value().checkpointsChecked >= 3);
    QCOMPARE(f->newestEvent().action, QStringLiteral("audit.verify"));
}

void TestAudit::tamperingIsNamed_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("problem");
    QTest::newRow("changed event") << QStringLiteral("change") << QStringLiteral("changed");
    QTest::newRow("deleted event") << QStringLiteral("delete") << QStringLiteral("deleted");
    QTest::newRow("inserted event") << QStringLiteral("insert") << QStringLiteral("inserted");
    QTest::newRow("reordering") << QStringLiteral("swap") << QStringLiteral("reordered");
    QTest::newRow("bad checkpoint signature") << QStringLiteral("signature") << QStringLiteral("bad_signature");
    QTest::newRow("truncated tail") << QStringLiteral("truncate") << QStringLiteral("truncated");
}

void TestAudit::tamperingIsNamed()
{
    QFETCH(QString, tamper);
    QFETCH(QString, problem);
    makeEvents(33); // ends between checkpoints (every 10 events, counted from the policy's own)
    store::Database& db = f->store->database();
    audit::AuditLog log(db);
    const qint64 last = log.lastSeq().value();
    const qint64 k = last - 12;
    dropGuards(db);
    QVERIFY(db.exec("INSERT INTO audit_prune_token (id) VALUES (1);"));
    qint64 expectedSeq = k;
    auto exec = [&db](const QString& sql) {
        return bool(db.exec(sql.toUtf8().constData()));
    };
    if (tamper == QLatin1String("change")) {
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;").arg(k)));
    } else if (tamper == QLatin1String("delete")) {
        QVERIFY(exec(QStringLiteral("DELETE FROM audit_events WHERE seq = %1;").arg(k)));
    } else if (tamper == QLatin1String("insert")) {
        // A well-formed forgery appended with raw SQL: the head event copied under the next number, relinked
        // and rehashed (no secret is needed for that), but not written by Gatehouse.
        auto src =
            db.prepare("SELECT seq, time_ms, tenant_id, workspace_id, actor_kind, actor_id, actor_name, action, "
                       "target_kind, target_id, outcome, reason, source, address, request_id, details, prev_hash, "
                       "hash FROM audit_events WHERE seq = ?;");
        src.value().bind(1, last);
        QVERIFY(src.value().step().value());
        audit::AuditEvent copy = audit::AuditLog::readRow(src.value());
        copy.seq = last + 1;
        copy.prevHash = copy.hash;
        copy.hash = copy.computeHash();
        auto put =
            db.prepare("INSERT INTO audit_events SELECT ?, time_ms, tenant_id, workspace_id, actor_kind, actor_id, "
                       "actor_name, action, target_kind, target_id, outcome, reason, source, address, "
                       "request_id, details, ?, ? FROM audit_events WHERE seq = ?;");
        QVERIFY(put.value().bind(1, copy.seq).bindBlob(2, copy.prevHash).bindBlob(3, copy.hash).bind(4, last).run());
        expectedSeq = last + 1;
    } else if (tamper == QLatin1String("swap")) {
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET seq = -1 WHERE seq = %1;").arg(k)));
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET seq = %1 WHERE seq = %2;").arg(k).arg(k + 1)));
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET seq = %1 WHERE seq = -1;").arg(k + 1)));
    } else if (tamper == QLatin1String("signature")) {
        auto cps = log.checkpoints().value();
        expectedSeq = cps.at(1).seq;
        QVERIFY(exec(QStringLiteral("UPDATE audit_checkpoints SET signature = randomblob(64) WHERE seq = %1;")
                         .arg(expectedSeq)));
    } else if (tamper == QLatin1String("truncate")) {
        // Cut the newest events (after the last checkpoint).
        const qint64 lastCheckpoint = log.checkpoints().value().last().seq;
        QVERIFY(lastCheckpoint < last);
        QVERIFY(exec(QStringLiteral("DELETE FROM audit_events WHERE seq > %1;").arg(lastCheckpoint)));
        expectedSeq = lastCheckpoint + 1;
    }
    QVERIFY(db.exec("DELETE FROM audit_prune_token;"));
    auto r = f->cp->verifyAudit(f->system);
    QVERIFY(r);
    QVERIFY2(!r.value().intact, "tampering was not detected");
    QCOMPARE(r.value().problem, problem);
    QCOMPARE(r.value().firstBadSeq, expectedSeq);
    QVERIFY(!r.value().message.isEmpty());
}

void TestAudit::incrementalVerification()
{
    makeEvents(30);
    auto full = f->cp->verifyAudit(f->system, false);
    QVERIFY(full && full.value().intact);
    makeEvents(5);
    auto inc = f->cp->verifyAudit(f->system, true);
    QVERIFY(inc && inc.value().intact);
    QVERIFY(inc.value().fromSeq > full.value().toSeq);
    QVERIFY(inc.value().eventsChecked < 10);
}

void TestAudit::boundedVerificationContinues()
{
    // A bounded walk stops at its limit, records how far it got, and the next incremental one continues from
    // there; damage past the limit is found by the walk that reaches it, and truncation only at the end.
    makeEvents(40);
    store::Database& db = f->store->database();
    audit::AuditLog log(db);
    {
        auto tx = store::Transaction::begin(db);
        QVERIFY(tx);
        QVERIFY(log.openSigningKey(f->store->deriveKey("gatehouse/audit-signing").value(), f->clock.nowMs()));
        QVERIFY(tx.value().commit());
    }
    const qint64 last = log.lastSeq().value();
    auto first = log.verify(false, 10);
    QVERIFY(first);
    QVERIFY2(first.value().intact, qPrintable(first.value().problem + QLatin1Char(' ') + first.value().message));
    QVERIFY(!first.value().complete);
    QCOMPARE(first.value().eventsChecked, 10);
    const qint64 reached = first.value().toSeq;
    QVERIFY(reached < last);
    // Damage after the point reached.
    dropGuards(db);
    QVERIFY(db.exec(QStringLiteral("UPDATE audit_events SET reason = 'edited' WHERE seq = %1;")
                        .arg(reached + 15)
                        .toUtf8()
                        .constData()));
    auto second = log.verify(true, 10);
    QVERIFY(second);
    QVERIFY(second.value().intact); // not reached yet
    QCOMPARE(second.value().fromSeq, reached + 1);
    QVERIFY(!second.value().complete);
    auto third = log.verify(true, 10);
    QVERIFY(third);
    QVERIFY(!third.value().intact);
    QCOMPARE(third.value().firstBadSeq, reached + 15);
    QCOMPARE(third.value().problem, QStringLiteral("changed"));
}

void TestAudit::bundleVerifiesOfflineWithOpenssl()
{
    makeEvents(40);
    const QString dir = f->dir.filePath(QStringLiteral("bundle"));
    qint64 lastProgress = 0;
    auto summary = f->cp->exportAuditBundle(f->system, dir, [&](qint64 n) { lastProgress = n; });
    QVERIFY2(summary, summary ? "" : qPrintable(summary.error().message));
    QCOMPARE(lastProgress, summary.value().events);
    for (const char* name : {"events.jsonl", "CHECKPOINTS", "ANCHOR", "public.pem", "SHA256SUMS", "VERIFY"})
        QVERIFY2(QFile::exists(dir + QLatin1Char('/') + QLatin1String(name)), name);
    const Run ok = sh(QStringLiteral("sh '%1/VERIFY'").arg(dir));
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.out));
    QVERIFY(ok.out.contains(QStringLiteral("OK: %1 events").arg(summary.value().events)));
    // Refuses to overwrite.
    QVERIFY(!f->cp->exportAuditBundle(f->system, dir));

    // One byte changed: SHA256SUMS catches it.
    const QString copy = f->dir.filePath(QStringLiteral("tampered"));
    QVERIFY(sh(QStringLiteral("cp -r '%1' '%2'").arg(dir, copy)).exitCode == 0);
    QByteArray events = test::fileBytes(copy + QStringLiteral("/events.jsonl"));
    const qsizetype at = events.indexOf("\"outcome\":\"success\"");
    QVERIFY(at > 0);
    events[at + 11] = 'S';
    QVERIFY(test::writeBytes(copy + QStringLiteral("/events.jsonl"), events));
    const Run sums = sh(QStringLiteral("sh '%1/VERIFY'").arg(copy));
    QVERIFY(sums.exitCode != 0);
    QVERIFY2(sums.out.contains(QLatin1String("SHA256SUMS")), qPrintable(sums.out));
    // The same change with SHA256SUMS rewritten to match: the chain catches it.
    QVERIFY(sh(QStringLiteral(
                   "cd '%1' && sha256sum events.jsonl CHECKPOINTS ANCHOR public.pem VERIFY checkpoints/* > SHA256SUMS")
                   .arg(copy))
                .exitCode == 0);
    const Run chain = sh(QStringLiteral("sh '%1/VERIFY'").arg(copy));
    QVERIFY(chain.exitCode != 0);
    QVERIFY2(chain.out.contains(QLatin1String("chain is broken")) ||
                 chain.out.contains(QLatin1String("does not match event")),
             qPrintable(chain.out));
    // A forged signature.
    const QString forged = f->dir.filePath(QStringLiteral("forged"));
    QVERIFY(sh(QStringLiteral("cp -r '%1' '%2'").arg(dir, forged)).exitCode == 0);
    const QString firstCheckpoint =
        QString::fromLatin1(test::fileBytes(forged + QStringLiteral("/CHECKPOINTS")).split('\n').first());
    QVERIFY(sh(QStringLiteral("cd '%1' && head -c 64 /dev/urandom > checkpoints/%2.sig && "
                              "sha256sum events.jsonl CHECKPOINTS ANCHOR public.pem VERIFY checkpoints/* > SHA256SUMS")
                   .arg(forged, firstCheckpoint))
                .exitCode == 0);
    const Run sig = sh(QStringLiteral("sh '%1/VERIFY'").arg(forged));
    QVERIFY(sig.exitCode != 0);
    QVERIFY2(sig.out.contains(QLatin1String("signature")), qPrintable(sig.out));
}

void TestAudit::searchFiltersAndPages()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    for (int i = 0; i < 30; ++i)
        QVERIFY(f->cp->createIntegration(owner, f->tenantA, QStringLiteral("bot-%1").arg(i),
                                         QStringLiteral("zebra %1").arg(i)));
    QVERIFY(!f->cp->createIntegration(owner, f->tenantA, QStringLiteral("bot-0"), {})); // an error event
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.actionPrefix = QStringLiteral("integration.");
    q.limit = 7;
    QList<qint64> seen;
    qint64 cursor = 0;
    for (int page = 0; page < 10; ++page) {
        q.beforeSeq = cursor;
        auto p = f->cp->searchAudit(owner, q);
        QVERIFY(p);
        for (const auto& e : p.value().events) {
            QVERIFY(e.action.startsWith(QLatin1String("integration.")));
            seen << e.seq;
        }
        // New events arriving between pages do not disturb the walk.
        QVERIFY(f->cp->createIntegration(owner, f->tenantA, QStringLiteral("late-%1").arg(page), {}));
        if (p.value().nextBeforeSeq == 0)
            break;
        cursor = p.value().nextBeforeSeq;
    }
    QCOMPARE(seen.size(), 31);
    for (int i = 1; i < seen.size(); ++i)
        QVERIFY(seen[i] < seen[i - 1]);
    // Outcome, actor, text.
    q = {};
    q.tenantId = f->tenantA;
    q.outcome = QStringLiteral("error");
    QCOMPARE(f->cp->searchAudit(owner, q).value().events.size(), 1);
    q = {};
    q.tenantId = f->tenantA;
    q.actor = QStringLiteral("alice");
    QVERIFY(f->cp->searchAudit(owner, q).value().events.size() >= 31);
    q = {};
    q.tenantId = f->tenantA;
    q.text = QStringLiteral("bot-17");
    auto text = f->cp->searchAudit(owner, q).value().events;
    QCOMPARE(text.size(), 1);
    QCOMPARE(text.first().details.value(QStringLiteral("name")).toString(), QStringLiteral("bot-17"));
    q.text = QStringLiteral("\"bot-17\" OR *"); // query syntax is not interpreted
    QVERIFY(f->cp->searchAudit(owner, q));
    q = {};
    q.tenantId = f->tenantA;
    q.fromMs = f->clock.nowMs() + 1;
    QCOMPARE(f->cp->searchAudit(owner, q).value().events.size(), 0);
}

void TestAudit::searchIsScopedAndAudited()
{
    const QString reviewer = f->addUser(f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer);
    QVERIFY(!reviewer.isEmpty());
    Caller rita = f->signIn(QStringLiteral("acme"), QStringLiteral("rita"));
    QVERIFY(f->cp->renameWorkspace(f->system, f->tenantB, f->wb, QStringLiteral("secret plans")));
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.limit = 1000;
    auto mine = f->cp->searchAudit(rita, q);
    QVERIFY(mine);
    for (const auto& e : mine.value().events)
        QCOMPARE(e.tenantId, f->tenantA);
    q.tenantId = f->tenantB;
    QCOMPARE(f->cp->searchAudit(rita, q).error().code, ErrorCode::NotFound);
    q = {};
    QCOMPARE(f->cp->searchAudit(rita, q).error().code, ErrorCode::Forbidden); // platform events
    // Who looked, with which filter.
    q.tenantId = f->tenantA;
    q.text = QStringLiteral("needle");
    QVERIFY(f->cp->searchAudit(rita, q));
    const auto e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("audit.search"));
    QCOMPARE(e.actorName, QStringLiteral("rita"));
    QCOMPARE(e.details.value(QStringLiteral("text")).toString(), QStringLiteral("needle"));
}

void TestAudit::histogramCounts()
{
    const qint64 hour = 3600 * 1000;
    const qint64 start = (f->clock.nowMs() / hour + 1) * hour;
    f->clock.advanceMs(start - f->clock.nowMs());
    f->addUser(f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer);
    const Caller rita = f->signIn(QStringLiteral("acme"), QStringLiteral("rita"));
    for (int h = 0; h < 3; ++h) {
        for (int i = 0; i <= h; ++i)
            QVERIFY(f->cp->renameWorkspace(f->system, f->tenantA, f->w1, QStringLiteral("H%1-%2").arg(h).arg(i)));
        if (h == 2) {
            // The last hour also holds a denied rename (a reviewer may not rename) and a failed one (no name).
            QVERIFY(!f->cp->renameWorkspace(rita, f->tenantA, f->w1, QStringLiteral("Mine")));
            QVERIFY(!f->cp->renameWorkspace(f->system, f->tenantA, f->w1, QString()));
        }
        f->clock.advanceMs(hour);
    }
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.fromMs = start;
    q.actionPrefix = QStringLiteral("workspace.rename");
    auto buckets = f->cp->auditHistogram(f->system, q, hour);
    QVERIFY(buckets);
    QCOMPARE(buckets.value().size(), 3);
    for (int h = 0; h < 3; ++h) {
        const audit::HistogramBucket& b = buckets.value()[h];
        QCOMPARE(b.startMs, start + h * hour);
        QCOMPARE(b.success, qint64(h + 1));
        QCOMPARE(b.denied, qint64(h == 2 ? 1 : 0));
        QCOMPARE(b.error, qint64(h == 2 ? 1 : 0));
        QCOMPARE(b.count, b.success + b.denied + b.error);
    }
}

void TestAudit::histogramByOutcomeReadsOnlyAnIndex()
{
    // Counting by outcome over a tenant's time range needs no event row: the audit index's (tenant, time) index holds
    // the outcome too (reading the rows made the 30-day histogram of the benchmark many times slower).
    audit::AuditIndex* index = f->cp->auditIndex();
    QVERIFY(index);
    QMutexLocker lock(&index->readerMutex());
    auto plan = index->reader().prepare(
        "EXPLAIN QUERY PLAN SELECT time_ms / 3600000 AS bucket, count(*), sum(outcome = 'success'), "
        "sum(outcome = 'denied'), sum(outcome = 'error') FROM main.ev WHERE tenant_id = 'x' AND time_ms >= 1 AND "
        "time_ms < 2 GROUP BY bucket ORDER BY bucket;");
    QVERIFY(plan);
    QString steps;
    while (plan.value().step().value())
        steps += plan.value().text(3) + QLatin1Char('\n');
    QVERIFY2(steps.contains(QStringLiteral("COVERING INDEX ev_tenant_time")), qPrintable(steps));
}

void TestAudit::searchByRequestId()
{
    makeEvents(3);
    Caller c = f->system;
    c.requestId = QStringLiteral("req_needle");
    QVERIFY(f->cp->renameWorkspace(c, f->tenantA, f->w1, QStringLiteral("By request")));
    makeEvents(2);
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.requestId = QStringLiteral("req_needle");
    auto page = f->cp->searchAudit(f->system, q);
    QVERIFY(page);
    QCOMPARE(page.value().events.size(), 1);
    QCOMPARE(page.value().events.first().requestId, QStringLiteral("req_needle"));
    QCOMPARE(page.value().events.first().action, QStringLiteral("workspace.rename"));
    // The histogram and the export use the same filter.
    auto buckets = f->cp->auditHistogram(f->system, q, 60'000);
    QVERIFY(buckets);
    QCOMPARE(buckets.value().size(), 1);
    QCOMPARE(buckets.value().first().count, qint64(1));
    // Who looked, with which filter.
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("request_id")).toString(), QStringLiteral("req_needle"));
}

void TestAudit::liveFollowInOrderWithResume()
{
    makeEvents(5);
    std::atomic<int> notified{0};
    auto sub = f->cp->followAudit(f->system, f->tenantA, 0, [&notified] { ++notified; });
    QVERIFY(sub);
    // History first.
    QList<audit::AuditEvent> got = sub.value()->take(1000);
    QVERIFY(got.size() >= 5);
    for (const auto& e : got)
        QCOMPARE(e.tenantId, f->tenantA);
    const qint64 lastHistory = got.last().seq;
    // Then live, in order, none missing, other tenants' events not delivered.
    makeEvents(3);
    QVERIFY(f->cp->renameWorkspace(f->system, f->tenantB, f->wb, QStringLiteral("elsewhere")));
    makeEvents(2);
    QVERIFY(notified > 0);
    QList<audit::AuditEvent> live = sub.value()->take(1000);
    QCOMPARE(live.size(), 5);
    qint64 previous = lastHistory;
    for (const auto& e : live) {
        QVERIFY(e.seq > previous);
        QCOMPARE(e.tenantId, f->tenantA);
        previous = e.seq;
    }
    f->cp->unfollowAudit(sub.value());
    // Resume from a sequence number: exactly what came after it.
    auto again = f->cp->followAudit(f->system, f->tenantA, live[1].seq, [] {});
    QVERIFY(again);
    auto resumed = again.value()->take(1000);
    QVERIFY(resumed.size() >= 3);
    QCOMPARE(resumed.first().seq, live[2].seq);
    f->cp->unfollowAudit(again.value());
}

void TestAudit::slowFollowerIsDroppedNotBlocking()
{
    const qint64 head = audit::AuditLog(f->store->database()).lastSeq().value();
    auto sub = f->cp->followAudit(
        f->system, f->tenantA, head, [] {}, 5);
    QVERIFY(sub);
    // Caught up: at most the audit.follow event itself came after `head`; the subscription is live now.
    QVERIFY(sub.value()->take(100).size() <= 1);
    QElapsedTimer t;
    t.start();
    makeEvents(20); // the follower never takes
    QVERIFY(sub.value()->fellBehind());
    QVERIFY(sub.value()->take(100).isEmpty());
    const qint64 resumeAfter = sub.value()->resumeAfter();
    auto again = f->cp->followAudit(f->system, f->tenantA, resumeAfter, [] {});
    QVERIFY(again);
    auto rest = again.value()->take(1000);
    QVERIFY(rest.size() >= 20); // nothing lost across the drop
    qInfo("20 writes with a stalled follower took %lld ms", t.elapsed());
    f->cp->unfollowAudit(again.value());
}

void TestAudit::csvIsRfc4180AndNeutralisesFormulas()
{
    Caller attacker = Caller::withToken({}, service::Source::Api, QStringLiteral("=HYPERLINK(\"http://x\")"),
                                        QStringLiteral("@SUM(1,2)"));
    QVERIFY(!f->cp->signIn(attacker, QStringLiteral("acme"), QStringLiteral("alice"), secret("wrong, \"quoted\" pw")));
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    auto n = f->cp->exportAudit(f->system, q, audit::ExportFormat::Csv, out);
    QVERIFY(n && n.value() > 0);
    const QByteArray csv = out.data();
    QVERIFY(csv.startsWith("seq,time,tenant_id"));
    QVERIFY(csv.contains("\r\n"));
    const QList<QByteArray> lines = csv.split('\n');
    QCOMPARE(lines.size() - 2, int(n.value())); // header + rows, last split is empty
    QVERIFY(csv.contains("\"'=HYPERLINK(\"\"http://x\"\")\""));
    QVERIFY(csv.contains("\"'@SUM(1,2)\""));
    QVERIFY(!csv.contains(",\"=HYPERLINK"));
    QVERIFY(!csv.contains("quoted")); // the password never reached the audit trail
}

void TestAudit::cefEscapes()
{
    Caller c = Caller::withToken({}, service::Source::Api, QStringLiteral("10.0.0.9"), QStringLiteral("a=b\\c|d\ne"));
    QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret("wrong-password-here")));
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.actionPrefix = QStringLiteral("auth.signin");
    QCOMPARE(f->cp->exportAudit(f->system, q, audit::ExportFormat::Cef, out).value(), qint64(1));
    const QString line = QString::fromUtf8(out.data()).trimmed();
    QVERIFY(line.startsWith(QLatin1String("CEF:0|Gatehouse|Gatehouse|1|auth.signin|auth.signin denied|7|")));
    QVERIFY2(line.contains(QLatin1String("cs3=a\\=b\\\\c|d\\ne")), qPrintable(line));
    QVERIFY(line.contains(QLatin1String("src=10.0.0.9")));
    QVERIFY(!line.contains(QLatin1Char('\n')));
    // The header has exactly seven unescaped pipes.
    const QString header = line.left(line.indexOf(QLatin1String("|7|")) + 3);
    QCOMPARE(header.count(QLatin1Char('|')), 7);
}

void TestAudit::ocsfMatchesTheSchemaSubset()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(
        f->cp->createUser(owner, f->tenantA, QStringLiteral("olive"), QStringLiteral("Olive"), {}, secret(kPassword)));
    QVERIFY(f->cp->listUsers(owner, f->tenantA));
    QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("olive"),
                           secret("nope-nope-nope")));
    QBuffer out;
    out.open(QIODevice::WriteOnly);
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    QVERIFY(f->cp->exportAudit(f->system, q, audit::ExportFormat::Ocsf, out));
    QFile schemaFile(QStringLiteral(GATEHOUSE_SOURCE_DIR "/resources/ocsf/ocsf-1.1-subset.json"));
    QVERIFY(schemaFile.open(QIODevice::ReadOnly));
    const QJsonObject schema = QJsonDocument::fromJson(schemaFile.readAll()).object();
    const QJsonObject base = schema.value(QStringLiteral("base")).toObject();
    QSet<int> classesSeen;
    for (const QByteArray& line : out.data().split('\n')) {
        if (line.isEmpty())
            continue;
        const QJsonObject e = QJsonDocument::fromJson(line).object();
        const int cls = e.value(QStringLiteral("class_uid")).toInt();
        classesSeen.insert(cls);
        const QJsonObject def =
            schema.value(QStringLiteral("classes")).toObject().value(QString::number(cls)).toObject();
        QVERIFY2(!def.isEmpty(), qPrintable(QStringLiteral("class %1 is not in the subset").arg(cls)));
        QJsonObject required = base.value(QStringLiteral("required")).toObject();
        const QJsonObject classRequired = def.value(QStringLiteral("required")).toObject();
        for (auto it = classRequired.begin(); it != classRequired.end(); ++it)
            required.insert(it.key(), it.value());
        for (auto it = required.begin(); it != required.end(); ++it)
            QVERIFY2(hasType(path(e, it.key()), it.value().toString()),
                     qPrintable(it.key() + QLatin1Char(' ') + QString::fromUtf8(line)));
        QCOMPARE(e.value(QStringLiteral("category_uid")).toInt(), def.value(QStringLiteral("category_uid")).toInt());
        const int activity = e.value(QStringLiteral("activity_id")).toInt();
        QVERIFY(def.value(QStringLiteral("activities")).toArray().contains(activity));
        QCOMPARE(e.value(QStringLiteral("type_uid")).toInt(), cls * 100 + activity);
        QVERIFY(base.value(QStringLiteral("enums"))
                    .toObject()
                    .value(QStringLiteral("severity_id"))
                    .toArray()
                    .contains(e.value(QStringLiteral("severity_id"))));
        QVERIFY(base.value(QStringLiteral("enums"))
                    .toObject()
                    .value(QStringLiteral("status_id"))
                    .toArray()
                    .contains(e.value(QStringLiteral("status_id"))));
        QCOMPARE(path(e, QStringLiteral("metadata.version")).toString(),
                 schema.value(QStringLiteral("version")).toString());
    }
    QVERIFY(classesSeen.contains(3002)); // sign-ins
    QVERIFY(classesSeen.contains(3001)); // user.create
    QVERIFY(classesSeen.contains(6003)); // user.list
}

void TestAudit::exportIsStreamedWithProgress()
{
    makeEvents(2500);
    QTemporaryFile file;
    QVERIFY(file.open());
    QList<qint64> progress;
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    auto n = f->cp->exportAudit(f->system, q, audit::ExportFormat::JsonLines, file, [&](qint64 d) { progress << d; });
    QVERIFY(n);
    QVERIFY(n.value() >= 2500);
    QVERIFY(progress.size() >= 3);
    QCOMPARE(progress.last(), n.value());
    file.seek(0);
    qint64 lines = 0, previous = 0;
    while (!file.atEnd()) {
        const QJsonObject o = QJsonDocument::fromJson(file.readLine()).object();
        QVERIFY(o.value(QStringLiteral("seq")).toInteger() > previous);
        previous = o.value(QStringLiteral("seq")).toInteger();
        QCOMPARE(o.value(QStringLiteral("prev_hash")).toString().size(), 64);
        ++lines;
    }
    QCOMPARE(lines, n.value());
    QCOMPARE(f->newestEvent().action, QStringLiteral("audit.export"));
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("events")).toInteger(), n.value());
}

void TestAudit::retentionKeepsTheChainVerifiable()
{
    makeEvents(30);
    const qint64 oldLast = audit::AuditLog(f->store->database()).lastSeq().value();
    f->clock.advanceSeconds(10 * 24 * 3600);
    makeEvents(15);
    QVERIFY(f->cp->setAuditRetention(f->system, {5, 0}));
    QVERIFY(!f->cp->setAuditRetention(f->system, {0, 10})); // fewer than 1000 events: refused
    const QString bundle = f->dir.filePath(QStringLiteral("before-prune"));
    auto removed = f->cp->pruneAudit(f->system, bundle);
    QVERIFY2(removed, removed ? "" : qPrintable(removed.error().message));
    QCOMPARE(removed.value(), oldLast);
    // What was removed is in the bundle, verifiable.
    const Run ok = sh(QStringLiteral("sh '%1/VERIFY'").arg(bundle));
    QVERIFY2(ok.exitCode == 0, qPrintable(ok.out));
    // The rest still verifies, anchored by a signed checkpoint; the prune itself is an event.
    audit::AuditLog log(f->store->database());
    QCOMPARE(log.firstSeq().value(), oldLast + 1);
    auto report = f->cp->verifyAudit(f->system);
    QVERIFY(report);
    QVERIFY2(report.value().intact, qPrintable(report.value().message));
    QCOMPARE(report.value().fromSeq, oldLast + 1);
    audit::AuditQuery q;
    q.actionPrefix = QStringLiteral("audit.prune");
    auto pruneEvents = f->cp->searchAudit(f->system, q).value().events;
    QCOMPARE(pruneEvents.size(), 1);
    QCOMPARE(pruneEvents.first().details.value(QStringLiteral("removed")).toInteger(), oldLast);
    // A bundle after pruning starts at the anchor and verifies too.
    const QString later = f->dir.filePath(QStringLiteral("after-prune"));
    QVERIFY(f->cp->exportAuditBundle(f->system, later));
    const Run after = sh(QStringLiteral("sh '%1/VERIFY'").arg(later));
    QVERIFY2(after.exitCode == 0, qPrintable(after.out));
}

void TestAudit::publicKeyIsTheSigningKey()
{
    makeEvents(12);
    Caller member = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto pem = f->cp->auditPublicKeyPem(member);
    QVERIFY(pem);
    QVERIFY(pem.value().startsWith("-----BEGIN PUBLIC KEY-----"));
    QVERIFY(!f->cp->auditPublicKeyPem(Caller::withToken({})));
    // The signing key is stored wrapped, never in clear.
    const QByteArray raw = test::fileBytes(f->store->database().path());
    QVERIFY(!raw.contains("BEGIN PRIVATE KEY"));
}

void TestAudit::removedCheckpointsAndARecomputedChainAreAGap()
{
    // The policy of the report: a checkpoint every 1000 events or 5 minutes.
    QVERIFY(f->cp->setAuditCheckpointPolicy({1000, 5 * 60 * 1000}));
    store::Database& db = f->store->database();
    audit::AuditLog log(db);
    const qint64 keep = log.lastSeq().value();
    QCOMPARE(log.lastCheckpoint().value()->seq, keep); // a policy change signs the head
    QVERIFY(appendAuditEvents(*f->store, 1500, f->clock.nowMs(), true));
    QVERIFY(log.checkpoints(keep + 1).value().size() == 1);
    QCOMPARE(removeCheckpointsAndRecomputeChain(db, keep), QString());
    // Gatehouse goes on, and its next event signs a checkpoint over the rewritten chain: every link and every
    // signature holds.
    makeEvents(1);
    QCOMPARE(log.lastCheckpoint().value()->seq, keep + 1501);
    auto r = f->cp->verifyAudit(f->system);
    QVERIFY(r);
    QVERIFY2(!r.value().intact, "a stretch of 1500 unsigned events under a policy of 1000 was accepted");
    QCOMPARE(r.value().problem, QStringLiteral("unsigned_gap"));
    QCOMPARE(r.value().firstBadSeq, keep + 1);
    QVERIFY2(r.value().message.contains(QStringLiteral("every 1000 events or 300 s")), qPrintable(r.value().message));
    QVERIFY2(r.value().message.contains(QStringLiteral("(%1 to %2)").arg(keep + 1).arg(keep + 1501)),
             qPrintable(r.value().message));
    // The incremental verification (the boundary control's) finds it too.
    auto incremental = f->cp->verifyAudit(f->system, true);
    QVERIFY(incremental && !incremental.value().intact);
    QCOMPARE(incremental.value().problem, QStringLiteral("unsigned_gap"));
}

void TestAudit::unsignedTailBeyondPolicyIsAWarning()
{
    makeEvents(3);
    audit::AuditLog log(f->store->database());
    // Within the policy (every 10 events or 5 minutes): the newest events wait for the next checkpoint.
    auto within = verifyAuditTrail(*f->store, f->clock.nowMs());
    QVERIFY(within && within.value().intact);
    QVERIFY(within.value().warning.isEmpty());
    // A writer that does not sign: 300 events over ten minutes after the newest checkpoint.
    QVERIFY(appendAuditEvents(*f->store, 150, f->clock.nowMs(), false));
    f->clock.advanceSeconds(10 * 60);
    QVERIFY(appendAuditEvents(*f->store, 150, f->clock.nowMs(), false));
    const qint64 signedSeq = log.lastCheckpoint().value()->seq;
    const qint64 head = log.lastSeq().value();
    auto r = f->cp->verifyAudit(f->system);
    QVERIFY(r);
    QVERIFY2(r.value().intact, qPrintable(r.value().message));
    QCOMPARE(r.value().unsignedTailEvents, head - signedSeq);
    QVERIFY(r.value().unsignedTailEvents >= 300);
    QVERIFY(r.value().unsignedTailMs >= 10 * 60 * 1000);
    const QString& w = r.value().warning;
    QVERIFY2(w.contains(QStringLiteral("newest %1 events").arg(r.value().unsignedTailEvents)), qPrintable(w));
    QVERIFY2(w.contains(QStringLiteral("over %1 s").arg(r.value().unsignedTailMs / 1000)), qPrintable(w));
    // The verification's own event was due a checkpoint and signed it: signing later does not make those events
    // acceptable, the stretch is now a gap.
    auto after = verifyAuditTrail(*f->store, f->clock.nowMs());
    QVERIFY(after && !after.value().intact);
    QCOMPARE(after.value().problem, QStringLiteral("unsigned_gap"));
    QCOMPARE(after.value().unsignedTailEvents, qint64(0));
}

void TestAudit::policyOfTheTimeJudgesEachStretch()
{
    // 1500 events between checkpoints are within a policy of 2000, and stay within it after a stricter policy
    // (and the default one of 1000).
    QVERIFY(f->cp->setAuditCheckpointPolicy({2000, 60 * 60 * 1000}));
    makeEvents(1500);
    QVERIFY(f->cp->setAuditCheckpointPolicy({10, 5 * 60 * 1000}));
    makeEvents(30);
    audit::AuditLog log(f->store->database());
    auto r = verifyAuditTrail(*f->store, f->clock.nowMs());
    QVERIFY(r);
    QVERIFY2(r.value().intact, qPrintable(r.value().message));
    QVERIFY(r.value().warning.isEmpty());
    // Under the new policy the writer signs every 10 events.
    const auto recent = log.checkpoints(log.lastSeq().value() - 25).value();
    QVERIFY(recent.size() >= 2);
}

void TestAudit::checkpointOnDemandCoversItsOwnEvent()
{
    QVERIFY(appendAuditEvents(*f->store, 3, f->clock.nowMs(), false));
    auto c = f->cp->checkpointAudit(f->system);
    QVERIFY(c);
    audit::AuditLog log(f->store->database());
    QCOMPARE(c.value().seq, log.lastSeq().value());
    QCOMPARE(f->newestEvent().action, QStringLiteral("audit.checkpoint"));
    QCOMPARE(c.value().chainHash, f->newestEvent().hash);
    QCOMPARE(log.lastCheckpoint().value()->signature, c.value().signature);
    QVERIFY(verifyAuditTrail(*f->store, f->clock.nowMs()).value().intact);
}

void TestAudit::closeSignsTheNewestEvent()
{
    QVERIFY(appendAuditEvents(*f->store, 3, f->clock.nowMs(), false));
    audit::AuditLog log(f->store->database());
    QVERIFY(log.lastCheckpoint().value()->seq < log.lastSeq().value());
    QVERIFY(f->cp->close());
    QCOMPARE(log.lastCheckpoint().value()->seq, log.lastSeq().value());
    QCOMPARE(verifyAuditTrail(*f->store, f->clock.nowMs()).value().unsignedTailEvents, qint64(0));
}

void TestAudit::platformExportHoldsEveryTenant()
{
    makeEvents(5);
    QVERIFY(f->cp->listWorkspaces(f->system, f->tenantB));
    audit::AuditLog log(f->store->database());
    const qint64 held = log.count().value();
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    auto n = f->cp->exportAudit(f->system, {}, audit::ExportFormat::Csv, out);
    QVERIFY(n);
    // Everything there was when it began (its own record comes after).
    QCOMPARE(n.value(), held);
    const QByteArray csv = out.data();
    QVERIFY(csv.contains(f->tenantA.toUtf8()));
    QVERIFY(csv.contains(f->tenantB.toUtf8()));
    QVERIFY(csv.contains("platform.bootstrap"));
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("scope")).toString(), QStringLiteral("all"));
    // A tenant's export is that tenant's only.
    QBuffer tenant;
    QVERIFY(tenant.open(QIODevice::WriteOnly));
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.allScopes = true; // not for a tenant scope
    QVERIFY(f->cp->exportAudit(f->system, q, audit::ExportFormat::Csv, tenant));
    QVERIFY(!tenant.data().contains(f->tenantB.toUtf8()));
    QVERIFY(!tenant.data().contains("platform.bootstrap"));
}

void TestAudit::exportProgressNeverPassesItsTotal()
{
    // Other scopes' events first: the tenant's events have sequence numbers far above their count.
    QVERIFY(appendAuditEvents(*f->store, 2500, f->clock.nowMs(), true, f->tenantB));
    makeEvents(1100);
    for (const bool platform : {false, true}) {
        QList<qint64> progress;
        audit::AuditQuery q;
        if (!platform)
            q.tenantId = f->tenantA;
        QBuffer out;
        QVERIFY(out.open(QIODevice::WriteOnly));
        auto n = f->cp->exportAudit(f->system, q, audit::ExportFormat::Csv, out, [&](qint64 d) { progress << d; });
        QVERIFY(n);
        QVERIFY(progress.size() >= 2);
        QCOMPARE(progress.last(), n.value());
        qint64 previous = 0;
        for (qint64 p : std::as_const(progress)) {
            QVERIFY2(p >= previous && p <= n.value(),
                     qPrintable(QStringLiteral("progress %1 of %2").arg(p).arg(n.value())));
            previous = p;
        }
    }
}

void TestAudit::jsonlLinesAreAuditEvents()
{
    // Every line of a jsonl export is an AuditEvent of the OpenAPI document: its required keys, no other key, and
    // each value of the documented type, enum and pattern. And it is the event as the API serves it: its
    // canonical form, whose SHA-256 is the next line's prev_hash.
    makeEvents(3);
    QFile doc(QStringLiteral(GATEHOUSE_SOURCE_DIR "/resources/api/openapi.json"));
    QVERIFY(doc.open(QIODevice::ReadOnly));
    const QJsonObject schema =
        path(QJsonDocument::fromJson(doc.readAll()).object(), QStringLiteral("components.schemas.AuditEvent"))
            .toObject();
    const QJsonObject properties = schema.value(QStringLiteral("properties")).toObject();
    QVERIFY(!properties.isEmpty());
    QBuffer out;
    QVERIFY(out.open(QIODevice::WriteOnly));
    auto n = f->cp->exportAudit(f->system, {}, audit::ExportFormat::JsonLines, out);
    QVERIFY2(n, qPrintable(n ? QString() : n.error().message));
    QVERIFY(n.value() > 5);
    const QList<QByteArray> lines = out.data().split('\n');
    QCOMPARE(qint64(lines.size()), n.value() + 1);
    QVERIFY(lines.last().isEmpty());
    QByteArray previousHash;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QByteArray& line = lines.at(i);
        QJsonParseError error{};
        const QJsonObject e = QJsonDocument::fromJson(line, &error).object();
        QVERIFY2(error.error == QJsonParseError::NoError, line.constData());
        for (const QJsonValue& key : schema.value(QStringLiteral("required")).toArray())
            QVERIFY2(e.contains(key.toString()), qPrintable(key.toString() + QStringLiteral(" missing: ") + line));
        for (auto it = e.begin(); it != e.end(); ++it) {
            QVERIFY2(properties.contains(it.key()), qPrintable(it.key() + QStringLiteral(" undocumented: ") + line));
            const QJsonObject p = properties.value(it.key()).toObject();
            QVERIFY2(hasType(it.value(), p.value(QStringLiteral("type")).toString()),
                     qPrintable(it.key() + QStringLiteral(" has the wrong type: ") + line));
            if (p.contains(QStringLiteral("enum")))
                QVERIFY2(p.value(QStringLiteral("enum")).toArray().contains(it.value()),
                         qPrintable(it.key() + QStringLiteral(" not in its enum: ") + line));
            if (p.contains(QStringLiteral("pattern")))
                QVERIFY2(QRegularExpression(p.value(QStringLiteral("pattern")).toString())
                             .match(it.value().toString())
                             .hasMatch(),
                         qPrintable(it.key() + QStringLiteral(" does not match its pattern: ") + line));
            if (p.contains(QStringLiteral("minimum")))
                QVERIFY(it.value().toInteger() >= p.value(QStringLiteral("minimum")).toInteger());
        }
        // The event as the API serves it; the line's SHA-256 is what the next event links to.
        const QJsonObject served = api::toJson([&] {
            audit::AuditQuery q;
            q.platform = e.value(QStringLiteral("tenant_id")).toString().isEmpty();
            q.tenantId = e.value(QStringLiteral("tenant_id")).toString();
            q.beforeSeq = e.value(QStringLiteral("seq")).toInteger() + 1;
            q.limit = 1;
            return audit::AuditLog(f->store->database()).search(q).value().events.value(0);
        }());
        QCOMPARE(served, e);
        if (!previousHash.isEmpty())
            QCOMPARE(e.value(QStringLiteral("prev_hash")).toString().toLatin1(), previousHash.toHex());
        previousHash = QCryptographicHash::hash(line, QCryptographicHash::Sha256);
    }
}

qint64 TestAudit::makeLongChain()
{
    if (!f->cp->setAuditCheckpointPolicy({100, 24 * 3600 * 1000}) ||
        !appendAuditEvents(*f->store, 5000, f->clock.nowMs(), true))
        return 0;
    return audit::AuditLog(f->store->database()).lastSeq().value();
}

void TestAudit::rangeVerifiesAtTheCostOfTheRange()
{
    const qint64 last = makeLongChain();
    QVERIFY(last > 5000);
    auto r = f->cp->verifyAuditRange(f->system, 2001, 2150);
    QVERIFY(r);
    const audit::VerifyReport& v = r.value();
    QVERIFY2(v.intact, qPrintable(v.problem + QLatin1Char(' ') + v.message));
    QVERIFY(v.complete);
    QVERIFY2(v.warning.isEmpty(), qPrintable(v.warning));
    QCOMPARE(v.fromSeq, qint64(2001));
    QCOMPARE(v.toSeq, qint64(2150));
    // The range, plus at most one policy stretch (100 events) on either side to the signed checkpoints around it:
    // nowhere near the chain's length.
    QVERIFY2(v.eventsChecked >= 150 && v.eventsChecked <= 150 + 2 * 100, qPrintable(QString::number(v.eventsChecked)));
    QVERIFY2(v.checkpointsChecked >= 2 && v.checkpointsChecked <= 150 / 100 + 3,
             qPrintable(QString::number(v.checkpointsChecked)));
    // Audited like the whole chain's verification, naming the range.
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("audit.verify"));
    QCOMPARE(e.details.value(QStringLiteral("from_seq")).toInteger(), 2001);
    QCOMPARE(e.details.value(QStringLiteral("to_seq")).toInteger(), 2150);
    QCOMPARE(e.details.value(QStringLiteral("intact")).toBool(), true);
    // Told to stop (Cancel in the console): it stops where it was told, incomplete.
    QList<qint64> asked;
    auto stopped = f->cp->verifyAuditRange(f->system, 2001, 2900, [&asked](qint64 n) {
        asked << n;
        return n < 256;
    });
    QVERIFY(stopped);
    QVERIFY(!stopped.value().complete);
    QCOMPARE(stopped.value().eventsChecked, qint64(256));
    QCOMPARE(asked, (QList<qint64>{0, 256}));
    // A range that starts at the first event has no checkpoint before it: it starts at the start of the log.
    auto first = f->cp->verifyAuditRange(f->system, 1, 10);
    QVERIFY(first && first.value().intact);
    QVERIFY(first.value().eventsChecked <= 10 + 100 + audit::AuditLog::kSlackEvents);
}

void TestAudit::rangeNamesDamageInside_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::addColumn<QString>("problem");
    QTest::newRow("changed event") << QStringLiteral("change") << QStringLiteral("changed");
    QTest::newRow("deleted event") << QStringLiteral("delete") << QStringLiteral("deleted");
    QTest::newRow("reordering") << QStringLiteral("swap") << QStringLiteral("reordered");
    QTest::newRow("bad checkpoint signature") << QStringLiteral("signature") << QStringLiteral("bad_signature");
    QTest::newRow("removed checkpoints, chain recomputed")
        << QStringLiteral("recompute") << QStringLiteral("unsigned_gap");
}

void TestAudit::rangeNamesDamageInside()
{
    QFETCH(QString, tamper);
    QFETCH(QString, problem);
    QVERIFY(makeLongChain() > 5000);
    store::Database& db = f->store->database();
    audit::AuditLog log(db);
    const qint64 from = 3001, to = 3300;
    qint64 k = 3123;
    dropGuards(db);
    QVERIFY(db.exec("INSERT INTO audit_prune_token (id) VALUES (1);"));
    auto exec = [&db](const QString& sql) {
        return bool(db.exec(sql.toUtf8().constData()));
    };
    if (tamper == QLatin1String("change")) {
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;").arg(k)));
    } else if (tamper == QLatin1String("delete")) {
        QVERIFY(exec(QStringLiteral("DELETE FROM audit_events WHERE seq = %1;").arg(k)));
    } else if (tamper == QLatin1String("swap")) {
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET seq = -1 WHERE seq = %1;").arg(k)));
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET seq = %1 WHERE seq = %2;").arg(k).arg(k + 1)));
        QVERIFY(exec(QStringLiteral("UPDATE audit_events SET seq = %1 WHERE seq = -1;").arg(k + 1)));
    } else if (tamper == QLatin1String("signature")) {
        const auto inside = log.checkpoints(from, to).value();
        QVERIFY(!inside.isEmpty());
        k = inside.first().seq;
        QVERIFY(exec(QStringLiteral("UPDATE audit_checkpoints SET signature = randomblob(64) WHERE seq = %1;").arg(k)));
    } else if (tamper == QLatin1String("recompute")) {
        // Checkpoints after k - 1 removed and the chain recomputed from k; Gatehouse then signs the head again,
        // and 2000-odd events went without a signature under a policy of 100.
        const qint64 keep = log.checkpoints(0, k - 1).value().last().seq;
        QCOMPARE(removeCheckpointsAndRecomputeChain(db, keep), QString());
        makeEvents(1);
        k = keep + 1;
    }
    QVERIFY(db.exec("DELETE FROM audit_prune_token;"));
    auto r = f->cp->verifyAuditRange(f->system, from, to);
    QVERIFY(r);
    QVERIFY2(!r.value().intact, "damage inside the range was not found");
    QCOMPARE(r.value().problem, problem);
    QCOMPARE(r.value().firstBadSeq, k);
    QVERIFY(!r.value().message.isEmpty());
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.details.value(QStringLiteral("first_bad_seq")).toInteger(), k);
}

void TestAudit::damageOutsideTheRangeLeavesItIntact()
{
    const qint64 last = makeLongChain();
    QVERIFY(last > 5000);
    store::Database& db = f->store->database();
    dropGuards(db);
    // Changed before and after the range, beyond the checkpoints around it.
    for (qint64 k : {qint64(1500), qint64(4200)})
        QVERIFY(db.exec(
            QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;").arg(k).toUtf8().constData()));
    auto range = f->cp->verifyAuditRange(f->system, 2001, 2500);
    QVERIFY(range);
    QVERIFY2(range.value().intact, qPrintable(range.value().problem + QLatin1Char(' ') + range.value().message));
    // The whole chain is broken, at the first of them.
    auto whole = f->cp->verifyAudit(f->system);
    QVERIFY(whole && !whole.value().intact);
    QCOMPARE(whole.value().firstBadSeq, qint64(1500));
    QVERIFY(whole.value().eventsChecked < last);
}

void TestAudit::unsignedTailOfARangeIsAWarning()
{
    QVERIFY(makeLongChain() > 5000);
    // A writer that does not sign: the newest 60 events wait for a checkpoint.
    QVERIFY(appendAuditEvents(*f->store, 60, f->clock.nowMs(), false));
    audit::AuditLog log(f->store->database());
    const qint64 last = log.lastSeq().value();
    const qint64 signedSeq = log.lastCheckpoint().value()->seq;
    QVERIFY(last - signedSeq >= 60);
    const qint64 from = last - 120;
    auto r = f->cp->verifyAuditRange(f->system, from, last);
    QVERIFY(r);
    const audit::VerifyReport& v = r.value();
    QVERIFY2(v.intact, qPrintable(v.problem + QLatin1Char(' ') + v.message));
    QCOMPARE(v.unsignedTailEvents, last - std::max(signedSeq, from - 1));
    QVERIFY2(v.warning.contains(QStringLiteral("events %1 to %2").arg(std::max(signedSeq, from - 1) + 1).arg(last)),
             qPrintable(v.warning));
    // A range that ends at a signed checkpoint has no warning.
    auto covered = f->cp->verifyAuditRange(f->system, from, signedSeq);
    QVERIFY(covered && covered.value().intact);
    QVERIFY2(covered.value().warning.isEmpty(), qPrintable(covered.value().warning));
    QCOMPARE(covered.value().unsignedTailEvents, qint64(0));
}

void TestAudit::rangeBoundsSayWhatToDo_data()
{
    QTest::addColumn<qint64>("from");
    QTest::addColumn<qint64>("to"); // -1: one after the newest event
    QTest::addColumn<QString>("hint");
    QTest::newRow("from after to") << qint64(20) << qint64(10) << QStringLiteral("swap them");
    QTest::newRow("from zero") << qint64(0) << qint64(10) << QStringLiteral("1 or more");
    QTest::newRow("negative") << qint64(-5) << qint64(-1) << QStringLiteral("1 or more");
    QTest::newRow("beyond the end") << qint64(1) << qint64(-1) << QStringLiteral("ends there or before");
}

void TestAudit::rangeBoundsSayWhatToDo()
{
    QFETCH(qint64, from);
    QFETCH(qint64, to);
    QFETCH(QString, hint);
    makeEvents(20);
    if (to == -1 && from > 0)
        to = audit::AuditLog(f->store->database()).lastSeq().value() + 1;
    auto r = f->cp->verifyAuditRange(f->system, from, to);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(r.error().message.contains(hint), qPrintable(r.error().message));
    // The refusal is audited too, with the range asked for.
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("audit.verify"));
    QCOMPARE(e.details.value(QStringLiteral("from_seq")).toInteger(), from);
}

QTEST_GUILESS_MAIN(TestAudit)
#include "TestAudit.moc"
