// Audit trail throughput and query latency. A program that prints figures; it asserts nothing.
//
//   bench_audit [events-for-queries]      (default 1,000,000)
//
// 1. Append throughput on the encrypted store (AuditLog::append: head lookup, chain link, canonical form,
//    SHA-256, the log's row keyed by seq, signed checkpoint every 1,000 events) while the audit index is built
//    behind it by its own thread (AuditIndex: search indexes and full-text index in a second file): single-event
//    durable commits (one fsync'ed transaction each) and batched group commits (1,000 per transaction). Beside
//    it, the same events and batching on plain SQLite the old way, every index inline in the append
//    (bench_audit_plainsqlite, run as a child process in the same run), and the ratio.
// 2. A burst of group commits for --burst seconds (default 30): events/s, how far the index is behind (p50/p99
//    seconds, sampled every 100 ms) and how long it takes to catch up afterwards.
// 3. With N events (10 tenants, spread over 60 days): first page of a filtered query, a full-text query, a
//    30-day histogram, a query that reaches into an unindexed tail, and a full-chain verification.
//
//   bench_audit --breakdown               where the time of a batched append goes
#include "AuditBenchEvents.h"
#include "TestSupport.h"
#include "audit/AuditIndex.h"
#include "audit/AuditLog.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QProcess>
#include <QTextStream>

#include <span>
#include <tuple>

using namespace gatehouse;

namespace {

double seconds(const QElapsedTimer& t)
{
    return double(t.nsecsElapsed()) / 1e9;
}

std::unique_ptr<audit::AuditIndex> openIndex(store::Store& store)
{
    audit::AuditIndex::Config c;
    c.path = store.auditIndexPath();
    c.key = store.deriveKey("gatehouse/audit-index").value();
    c.logPath = store.database().path();
    c.logKey = store.databaseKey().value();
    c.storeId = store.config().storeId;
    auto index = audit::AuditIndex::open(std::move(c));
    if (!index) {
        QTextStream(stderr) << "cannot open the audit index: " << index.error().message << "\n";
        return {};
    }
    return std::move(index).value();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, std::size_t(p * double(v.size() - 1) + 0.5))];
}

template <typename F> double bestOfMs(int runs, F f)
{
    double best = 1e18;
    for (int i = 0; i < runs; ++i) {
        QElapsedTimer t;
        t.start();
        f();
        best = std::min(best, double(t.nsecsElapsed()) / 1e6);
    }
    return best;
}

// Where the time of a batched append goes: the same 100 group commits of 1,000 events on a fresh encrypted
// store, with and without signed checkpoints and with the indexer thread running or not; the indexer's own rate
// over the same events; and the canonical form + SHA-256 alone.
int breakdown(QTextStream& out)
{
    constexpr int kEvents = 100'000, kBatch = 1000;
    QRandomGenerator rng(11);
    std::vector<audit::AuditEvent> events;
    events.reserve(kEvents);
    for (int i = 0; i < kEvents; ++i)
        events.push_back(bench::syntheticEvent(rng, 1'800'000'000'000 + i));
    {
        std::vector<audit::AuditEvent> copy = events;
        QElapsedTimer t;
        t.start();
        QByteArray prev(32, '\0');
        for (audit::AuditEvent& e : copy) {
            e.prevHash = prev;
            e.freezeDetails();
            e.hash = e.computeHash();
            prev = e.hash;
        }
        out << QStringLiteral("  %1 %2 events/s\n")
                   .arg(QStringLiteral("canonical form + SHA-256 only"), -48)
                   .arg(kEvents / seconds(t), 9, 'f', 0);
    }
    for (const auto& [label, sign, indexer] :
         {std::tuple{"log only, indexer stopped", true, false},
          std::tuple{"log only, no checkpoints, indexer stopped", false, false},
          std::tuple{"log with the indexer thread running beside it", true, true}}) {
        QTemporaryDir dir;
        auto store = test::createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("key")));
        if (!store)
            return 1;
        store::Database& db = store.value()->database();
        audit::AuditLog log(db);
        if (sign) {
            auto tx = store::Transaction::begin(db);
            if (!log.openSigningKey(store.value()->deriveKey("gatehouse/audit-signing").value(), 0) ||
                !tx.value().commit())
                return 1;
        }
        auto index = openIndex(*store.value());
        if (!index)
            return 1;
        if (indexer)
            index->start();
        std::vector<audit::AuditEvent> copy = events;
        QElapsedTimer t;
        t.start();
        for (int b = 0; b < kEvents / kBatch; ++b) {
            auto tx = store::Transaction::begin(db);
            if (!log.appendBatch(std::span(copy).subspan(std::size_t(b) * kBatch, kBatch)) || !tx.value().commit())
                return 1;
            index->notify(copy[std::size_t(b + 1) * kBatch - 1].seq);
        }
        out << QStringLiteral("  %1 %2 events/s\n").arg(QLatin1String(label), -48).arg(kEvents / seconds(t), 9, 'f', 0);
        if (!indexer) {
            // The indexer alone, over the same events, from nothing.
            t.restart();
            if (!index->catchUp())
                return 1;
            const auto st = index->stats();
            out << QStringLiteral("  %1 %2 events/s  (rows + search indexes %3 s, full text %4 s, commit %5 s)\n")
                       .arg(QStringLiteral("indexer alone, the same events"), -48)
                       .arg(kEvents / seconds(t), 9, 'f', 0)
                       .arg(double(st.rowsMs) / 1000, 0, 'f', 2)
                       .arg(double(st.textMs) / 1000, 0, 'f', 2)
                       .arg(double(st.commitMs) / 1000, 0, 'f', 2);
        }
    }
    return 0;
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    QTextStream out(stdout);
    if (argc > 1 && qstrcmp(argv[1], "--breakdown") == 0) {
        out << "Batched append (100 group commits of 1,000 events), encrypted store, synchronous=FULL:\n";
        out.flush();
        return breakdown(out);
    }
    qint64 total = 1'000'000;
    int burstSeconds = 30;
    for (int i = 1; i < argc; ++i) {
        if (qstrcmp(argv[i], "--burst") == 0 && i + 1 < argc)
            burstSeconds = QString::fromLatin1(argv[++i]).toInt();
        else
            total = QString::fromLatin1(argv[i]).toLongLong();
    }
    QTemporaryDir tmp;
    auto store = test::createFileStore(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("key")));
    if (!store) {
        out << "cannot create a store: " << store.error().message << "\n";
        return 1;
    }
    store::Database& db = store.value()->database();
    audit::AuditLog log(db);
    {
        auto tx = store::Transaction::begin(db);
        if (!log.openSigningKey(store.value()->deriveKey("gatehouse/audit-signing").value(), 0) || !tx.value().commit())
            return 1;
    }
    // The index is built behind the log by its own thread, as in a running server.
    auto index = openIndex(*store.value());
    if (!index)
        return 1;
    log.setIndex(index.get());
    index->start();
    QRandomGenerator rng(7);
    qint64 now = 1'800'000'000'000;
    constexpr int kSingle = 1000, kBatches = 100, kBatch = 1000;

    QElapsedTimer t;
    t.start();
    for (int i = 0; i < kSingle; ++i) {
        auto tx = store::Transaction::begin(db);
        audit::AuditEvent e = bench::syntheticEvent(rng, now++);
        if (!log.append(e) || !tx.value().commit())
            return 1;
    }
    const double single = kSingle / seconds(t);
    // Events are made before the clock starts: what is measured is the append, not the test data.
    std::vector<audit::AuditEvent> pending;
    pending.reserve(std::size_t(kBatches) * kBatch);
    for (int i = 0; i < kBatches * kBatch; ++i)
        pending.push_back(bench::syntheticEvent(rng, now++));
    t.restart();
    for (int b = 0; b < kBatches; ++b) {
        auto tx = store::Transaction::begin(db);
        std::vector<audit::AuditEvent> batch(pending.begin() + std::ptrdiff_t(b) * kBatch,
                                             pending.begin() + std::ptrdiff_t(b + 1) * kBatch);
        if (!log.appendBatch(batch))
            return 1;
        if (!tx.value().commit())
            return 1;
        index->notify(batch.back().seq);
    }
    const double batched = double(kBatches) * kBatch / seconds(t);
    const qint64 lagAfterBatches = index->lag();
    t.restart();
    index->waitForLag(0, 600'000);
    const double caughtUpAfterBatches = seconds(t);

    QProcess plain;
    plain.start(QCoreApplication::applicationDirPath() + QStringLiteral("/bench_audit_plainsqlite"),
                {tmp.filePath(QStringLiteral("plain")), QString::number(kSingle), QString::number(kBatches),
                 QString::number(kBatch)});
    plain.waitForFinished(-1);
    double plainSingle = 0, plainBatched = 0;
    QString plainVersion;
    for (const QByteArray& line : plain.readAllStandardOutput().split('\n')) {
        if (line.startsWith("single "))
            plainSingle = line.mid(7).toDouble();
        else if (line.startsWith("batched "))
            plainBatched = line.mid(8).toDouble();
        else if (line.startsWith("sqlite "))
            plainVersion = QString::fromLatin1(line.mid(7));
    }
    out << "Append throughput (events/s), synchronous=FULL, WAL, page size 4096\n";
    out << QStringLiteral("  %1 %2 %3 %4\n")
               .arg(QString(), -36)
               .arg(QStringLiteral("Gatehouse"), 12)
               .arg(QStringLiteral("plain SQLite"), 13)
               .arg(QStringLiteral("ratio"), 7);
    out << QStringLiteral("  %1 %2 %3 %4x\n")
               .arg(QStringLiteral("single-event durable commits"), -36)
               .arg(single, 12, 'f', 0)
               .arg(plainSingle, 13, 'f', 0)
               .arg(single / plainSingle, 6, 'f', 2);
    out << QStringLiteral("  %1 %2 %3 %4x\n")
               .arg(QStringLiteral("group commits of 1,000 events"), -36)
               .arg(batched, 12, 'f', 0)
               .arg(plainBatched, 13, 'f', 0)
               .arg(batched / plainBatched, 6, 'f', 2);
    out << "  (Gatehouse: SQLCipher " << db.settings().sqlcipherVersion << ", AES-256-CBC + HMAC per page, signed "
        << "checkpoints, the index built behind by its thread; plain: SQLite " << plainVersion
        << ", every index inline)\n";
    out << "  index after the group commits: " << lagAfterBatches << " events behind, caught up in "
        << QString::number(caughtUpAfterBatches, 'f', 2) << " s\n";
    out.flush();

    // Fill up to `total` events spread over 60 days, in group commits.
    const qint64 day = 24 * 3600 * 1000;
    const qint64 start = now;
    qint64 have = log.count().value();
    const qint64 step = std::max<qint64>(1, 60 * day / std::max<qint64>(1, total - have));
    t.restart();
    while (have < total) {
        auto tx = store::Transaction::begin(db);
        std::vector<audit::AuditEvent> batch;
        for (int i = 0; i < 5000 && have < total; ++i, ++have) {
            now += step;
            batch.push_back(bench::syntheticEvent(rng, now));
        }
        if (!log.appendBatch(batch))
            return 1;
        if (!tx.value().commit())
            return 1;
        index->notify(batch.back().seq);
    }
    index->waitForLag(0, 3'600'000);
    out << "\nQueries with " << have << " events (10 tenants, 60 days; filled in "
        << QString::number(seconds(t), 'f', 1) << " s; store " << QFileInfo(db.path()).size() / (1024 * 1024)
        << " MiB)\n";

    audit::AuditQuery filtered;
    filtered.tenantId = QStringLiteral("ten_3");
    filtered.actionPrefix = QStringLiteral("user.");
    filtered.outcome = QStringLiteral("denied");
    filtered.limit = 100;
    int rows = 0;
    const double firstPage = bestOfMs(5, [&] { rows = int(log.search(filtered).value().events.size()); });
    out << QStringLiteral("  first page, tenant + action prefix + outcome   %1 ms  (%2 rows; target < 20 ms)\n")
               .arg(firstPage, 0, 'f', 2)
               .arg(rows);
    audit::AuditQuery byAction;
    byAction.tenantId = QStringLiteral("ten_3");
    byAction.actionPrefix = QStringLiteral("secret.reveal");
    byAction.limit = 100;
    const double actionPage = bestOfMs(5, [&] { rows = int(log.search(byAction).value().events.size()); });
    out << QStringLiteral("  first page, tenant + exact action              %1 ms  (%2 rows; target < 20 ms)\n")
               .arg(actionPage, 0, 'f', 2)
               .arg(rows);
    audit::AuditQuery byActor;
    byActor.tenantId = QStringLiteral("ten_3");
    byActor.actor = QStringLiteral("usr_42");
    byActor.limit = 100;
    const double actorPage = bestOfMs(5, [&] { rows = int(log.search(byActor).value().events.size()); });
    out << QStringLiteral("  first page, tenant + actor                     %1 ms  (%2 rows; target < 20 ms)\n")
               .arg(actorPage, 0, 'f', 2)
               .arg(rows);
    // A request id has no index of its own: the index's (tenant, seq) order is walked newest first until the
    // request's few events are found. The worst case is a request among the tenant's oldest events (a full walk of
    // the tenant).
    audit::AuditQuery byRequest;
    byRequest.tenantId = QStringLiteral("ten_3");
    byRequest.limit = 100;
    const QList<audit::AuditEvent> oldest = log.after(0, 1000).value();
    for (const audit::AuditEvent& e : oldest) {
        if (e.tenantId == byRequest.tenantId) {
            byRequest.requestId = e.requestId;
            break;
        }
    }
    const double requestPage = bestOfMs(5, [&] { rows = int(log.search(byRequest).value().events.size()); });
    out << QStringLiteral("  first page, tenant + request id (oldest)       %1 ms  (%2 rows; no index)\n")
               .arg(requestPage, 0, 'f', 2)
               .arg(rows);
    audit::AuditQuery text;
    text.tenantId = QStringLiteral("ten_3");
    text.text = QStringLiteral("needle");
    text.limit = 100;
    const double fts = bestOfMs(5, [&] { rows = int(log.search(text).value().events.size()); });
    out << QStringLiteral("  full-text query, first page                    %1 ms  (%2 rows; target < 100 ms)\n")
               .arg(fts, 0, 'f', 2)
               .arg(rows);
    audit::AuditQuery month;
    month.tenantId = QStringLiteral("ten_3");
    month.fromMs = start + 30 * day;
    month.toMs = start + 60 * day;
    qint64 counted = 0;
    const double histogram = bestOfMs(3, [&] {
        counted = 0;
        const auto buckets = log.histogram(month, day);
        if (!buckets)
            return;
        const QList<audit::HistogramBucket>& list = buckets.value();
        for (const auto& b : list)
            counted += b.count;
    });
    out << QStringLiteral("  30-day histogram, daily buckets                %1 ms  (%2 events; target < 200 ms)\n")
               .arg(histogram, 0, 'f', 1)
               .arg(counted);
    // A query that reaches into an unindexed tail: the indexer stopped, 50,000 more events, then a rare actor (every
    // page scans the whole tail before it reads the index).
    index->stop();
    {
        for (int b = 0; b < 10; ++b) {
            std::vector<audit::AuditEvent> more;
            for (int i = 0; i < 5000; ++i)
                more.push_back(bench::syntheticEvent(rng, now++));
            auto tx = store::Transaction::begin(db);
            if (!log.appendBatch(more) || !tx.value().commit())
                return 1;
            index->notify(more.back().seq);
        }
    }
    const double tailPage = bestOfMs(5, [&] { rows = int(log.search(byActor).value().events.size()); });
    out << QStringLiteral("  first page, tenant + actor, %1 events unindexed  %2 ms  (%3 rows; target < 20 ms)\n")
               .arg(index->lag())
               .arg(tailPage, 0, 'f', 2)
               .arg(rows);
    const double tailText = bestOfMs(5, [&] { rows = int(log.search(text).value().events.size()); });
    out << QStringLiteral("  full-text query, %1 events unindexed        %2 ms  (%3 rows; target < 100 ms)\n")
               .arg(index->lag())
               .arg(tailText, 0, 'f', 2)
               .arg(rows);
    index->start();
    index->waitForLag(0, 600'000);
    audit::VerifyReport report;
    const double verify = bestOfMs(1, [&] { report = log.verify(false).value(); });
    out << QStringLiteral("  full-chain verification                        %1 s   (%2 events, %3 checkpoints, %4; "
                          "target < 5 s)\n")
               .arg(verify / 1000, 0, 'f', 2)
               .arg(report.eventsChecked)
               .arg(report.checkpointsChecked)
               .arg(report.intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"));
    // A range of 1,000 events in the middle of the chain: its cost is the range and the distance to the signed
    // checkpoints around it, whatever the chain's length.
    audit::VerifyReport ranged;
    const qint64 middle = std::max<qint64>(1, report.toSeq / 2);
    const qint64 rangeEnd = std::min(report.toSeq, middle + 999);
    const double range = bestOfMs(3, [&] { ranged = log.verifyRange(middle, rangeEnd).value(); });
    out << QStringLiteral("  range verification, events %1 to %2       %3 ms  (%4 events read, %5 checkpoints, %6; "
                          "%7x less time than the whole chain)\n")
               .arg(middle)
               .arg(rangeEnd)
               .arg(range, 0, 'f', 1)
               .arg(ranged.eventsChecked)
               .arg(ranged.checkpointsChecked)
               .arg(ranged.intact ? QStringLiteral("intact") : QStringLiteral("BROKEN"))
               .arg(range > 0 ? verify / range : 0.0, 0, 'f', 0);
    // A burst: group commits of 1,000 as fast as the log takes them, the index lag sampled every 100 ms.
    if (burstSeconds > 0) {
        std::vector<std::pair<qint64, qint64>> commits; // last seq of each group, when it committed (ms)
        std::vector<double> lagSeconds;
        qint64 nextSample = 100, appended = 0;
        // Events come from a pool made before the clock starts (a copy with its own time each).
        std::vector<audit::AuditEvent> pool;
        for (int i = 0; i < 20 * kBatch; ++i)
            pool.push_back(bench::syntheticEvent(rng, 0));
        QElapsedTimer clock;
        clock.start();
        std::vector<audit::AuditEvent> batch(kBatch);
        std::size_t next = 0;
        while (clock.elapsed() < qint64(burstSeconds) * 1000) {
            for (auto& e : batch) {
                e = pool[next++ % pool.size()];
                e.timeMs = now++;
            }
            auto tx = store::Transaction::begin(db);
            if (!log.appendBatch(batch) || !tx.value().commit())
                return 1;
            index->notify(batch.back().seq);
            commits.emplace_back(batch.back().seq, clock.elapsed());
            appended += kBatch;
            if (clock.elapsed() >= nextSample) {
                nextSample += 100;
                // Seconds behind: since the oldest group not yet wholly indexed committed.
                const qint64 indexed = index->indexedSeq();
                const auto first = std::upper_bound(commits.begin(), commits.end(), indexed,
                                                    [](qint64 v, const auto& c) { return v < c.first; });
                lagSeconds.push_back(first == commits.end() ? 0.0 : double(clock.elapsed() - first->second) / 1000);
            }
        }
        const double rate = double(appended) / (double(clock.elapsed()) / 1000);
        const qint64 behind = index->lag();
        QElapsedTimer catchUp;
        catchUp.start();
        index->waitForLag(0, 3'600'000);
        out << QStringLiteral("\nBurst of %1 s, group commits of 1,000: %2 events/s durable; index behind p50 %3 s, "
                              "p99 %4 s, max %5 s; %6 events unindexed at the end, caught up in %7 s\n")
                   .arg(burstSeconds)
                   .arg(rate, 0, 'f', 0)
                   .arg(percentile(lagSeconds, 0.5), 0, 'f', 2)
                   .arg(percentile(lagSeconds, 0.99), 0, 'f', 2)
                   .arg(percentile(lagSeconds, 1.0), 0, 'f', 2)
                   .arg(behind)
                   .arg(seconds(catchUp), 0, 'f', 1);
        out.flush();
    }

    return 0;
}
