// The Audit pane on a big trail while events keep coming. A program that prints figures and the targets, each
// with pass or miss; it asserts nothing and exits 0 whatever it measured. Run by tests/bench/bench-audit-pane.sh
// (under xvfb-run), or directly with QT_QPA_PLATFORM=offscreen.
//
//   bench_audit_pane [--events 1000000] [--rate 10000] [--seconds 30] [--page 500]
//
// 1. A fresh encrypted store with --events platform events appended in bulk (batched appends, as the demo
//    seeder does), then a control plane on it with read auditing batched, and the pane signed in as the
//    platform owner (the console's bridge, as in the application).
// 2. The pane following while a writer thread makes --rate audited reads a second through the control plane
//    (--rate x --seconds of them, as fast as the machine allows up to that rate): the longest gap between ticks of
//    a 5 ms timer on the GUI thread (max, p99), events shown per second, the lag (the longest time from an
//    event's commit, as a feed follower on a thread of its own saw it, to the pane holding it, and the most
//    events the pane was behind, sampled every 100 ms), and resident memory.
// 3. The first page of a filtered search (action prefix and outcome) through the control plane, and the pane's
//    own reload on that filter until its rows are in.
// 4. The naive way in the same run: a QTableView over a QStandardItemModel fed the same kind of stream (a
//    follower on its own thread, each event appended as a row of items), with the same figures beside.
#include "AuditBenchEvents.h"
#include "ControlPlaneFixture.h"
#include "GuiBenchSupport.h"
#include "audit/AuditFeed.h"
#include "audit/AuditLog.h"
#include "console/ConsoleBridge.h"
#include "core/Clock.h"
#include "models/AuditEventModel.h"
#include "panes/AuditPane.h"
#include "service/ControlPlane.h"
#include "store/Transaction.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>
#include <QMutex>
#include <QSignalSpy>
#include <QStandardItemModel>
#include <QTableView>
#include <QTemporaryDir>
#include <QTextStream>
#include <QThread>
#include <QTimer>

#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <vector>

using namespace gatehouse;
using bench::currentRssMiB;
using bench::StallMeter;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

double peakRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// Audited reads by the local system at a steady rate, for a while: each one an event committed by the control
// plane's group commit, published to followers.
class Writer
{
public:
    Writer(service::ControlPlane& cp, int rate, int seconds) : m_cp(cp), m_rate(rate), m_seconds(seconds) {}
    void start()
    {
        m_thread.reset(QThread::create([this]() { run(); }));
        m_thread->start();
    }
    bool finished() const { return m_thread->isFinished(); }
    void wait() { m_thread->wait(); }
    qint64 calls() const { return m_calls.load(); }
    double seconds() const { return m_elapsed.load(); }

private:
    void run()
    {
        const service::Caller system = service::Caller::system();
        QElapsedTimer t;
        t.start();
        const qint64 total = qint64(m_rate) * m_seconds;
        // As the server calls: without waiting for each record's sync (the server holds the answer instead).
        service::ControlPlane::DeferredDurability deferred;
        for (qint64 i = 0; i < total; ++i) {
            // Paced: event i is due at i / rate seconds.
            const qint64 dueNs = i * 1'000'000'000 / m_rate;
            while (t.nsecsElapsed() < dueNs)
                QThread::usleep(200);
            // A plain read: its record goes through the group commit, as an API client's reads do (the audit
            // trail's own reads are committed one by one, which would cap the rate at what one sync costs).
            (void)m_cp.listTenants(system);
            m_calls.fetch_add(1);
        }
        m_cp.awaitDurable(deferred.ticket());
        m_elapsed = double(t.nsecsElapsed()) / 1e9;
    }
    service::ControlPlane& m_cp;
    int m_rate;
    int m_seconds;
    std::unique_ptr<QThread> m_thread;
    std::atomic<qint64> m_calls{0};
    std::atomic<double> m_elapsed{0};
};

// When each event was committed, as near as a follower can tell: a feed subscription of its own, read on a thread
// of its own every millisecond. The lag of a view is measured against it.
class CommitWitness
{
public:
    CommitWitness(service::ControlPlane& cp, qint64 afterSeq) : m_cp(cp)
    {
        m_clock.start();
        m_sub = cp.followAudit(
                      service::Caller::system(), {}, afterSeq, [] {}, 10'000'000)
                    .value();
        m_thread.reset(QThread::create([this]() {
            while (!m_stop) {
                const QList<audit::AuditEvent> batch = m_sub->take(100000);
                if (!batch.isEmpty()) {
                    QMutexLocker lock(&m_mutex);
                    m_seen.emplace_back(batch.last().seq, m_clock.nsecsElapsed());
                } else {
                    QThread::usleep(500);
                }
            }
        }));
        m_thread->start();
    }
    ~CommitWitness()
    {
        m_stop = true;
        m_thread->wait();
        m_cp.unfollowAudit(m_sub);
    }
    qint64 nowNs() const { return m_clock.nsecsElapsed(); }
    // When `seq` was seen committed (nsecs on this witness's clock); -1 when not yet.
    qint64 seenAt(qint64 seq) const
    {
        QMutexLocker lock(&m_mutex);
        auto it = std::lower_bound(m_seen.begin(), m_seen.end(), seq,
                                   [](const std::pair<qint64, qint64>& p, qint64 s) { return p.first < s; });
        return it == m_seen.end() ? -1 : it->second;
    }
    qint64 newestSeq() const
    {
        QMutexLocker lock(&m_mutex);
        return m_seen.empty() ? 0 : m_seen.back().first;
    }

private:
    service::ControlPlane& m_cp;
    QElapsedTimer m_clock;
    std::shared_ptr<audit::AuditSubscription> m_sub;
    std::unique_ptr<QThread> m_thread;
    std::atomic<bool> m_stop{false};
    mutable QMutex m_mutex;
    std::vector<std::pair<qint64, qint64>> m_seen; // (last seq of a batch, when), in order
};

// The largest lag of a view: at each insertion, since the newest row it shows was committed; and every 100 ms, how
// many events behind the newest committed one it is.
class LagMeter
{
public:
    LagMeter(const CommitWitness& witness, std::function<qint64()> newestShown)
        : m_witness(witness), m_newestShown(std::move(newestShown))
    {
        m_timer.setInterval(100);
        QObject::connect(&m_timer, &QTimer::timeout, &m_timer,
                         [this]() { m_maxBehind = std::max(m_maxBehind, m_witness.newestSeq() - m_newestShown()); });
        m_timer.start();
    }
    void shown()
    {
        const qint64 at = m_witness.seenAt(m_newestShown());
        if (at >= 0)
            m_maxMs = std::max(m_maxMs, double(m_witness.nowNs() - at) / 1e6);
    }
    double maxMs() const { return m_maxMs; }
    qint64 maxBehind() const { return m_maxBehind; }

private:
    const CommitWitness& m_witness;
    std::function<qint64()> m_newestShown;
    QTimer m_timer;
    double m_maxMs = 0;
    qint64 m_maxBehind = 0;
};

void waitUntil(const std::function<bool()>& done, int timeoutMs = 600000)
{
    QElapsedTimer t;
    t.start();
    while (!done() && t.elapsed() < timeoutMs)
        QCoreApplication::processEvents(QEventLoop::AllEvents, 5);
}

QString verdict(bool pass)
{
    return pass ? QStringLiteral("pass") : QStringLiteral("miss");
}

struct Phase
{
    double stallMax = 0;
    double stallP99 = 0;
    qint64 shown = 0;
    double shownPerSecond = 0;
    double maxLagMs = 0;
    qint64 maxBehind = 0;
    qint64 newestCommitted = 0;
    qint64 newestShown = 0;
    double rssMiB = 0;
    double rssGrowthMiB = 0;
};

void print(const char* name, const Phase& p)
{
    out() << name << ".stall_max_ms=" << p.stallMax << "\n"
          << name << ".stall_p99_ms=" << p.stallP99 << "\n"
          << name << ".events_shown=" << p.shown << "\n"
          << name << ".events_shown_per_s=" << qRound(p.shownPerSecond) << "\n"
          << name << ".max_lag_ms=" << p.maxLagMs << "\n"
          << name << ".max_events_behind=" << p.maxBehind << "\n"
          << name << ".newest_committed_seq=" << p.newestCommitted << "\n"
          << name << ".newest_shown_seq=" << p.newestShown << "\n"
          << name << ".rss_mib=" << p.rssMiB << "\n"
          << name << ".rss_growth_mib=" << p.rssGrowthMiB << Qt::endl;
}

qint64 newestSeq(service::ControlPlane& cp)
{
    audit::AuditQuery q;
    q.platform = true;
    q.limit = 1;
    auto page = cp.searchAudit(service::Caller::system(), q);
    return page && !page.value().events.isEmpty() ? page.value().events.first().seq : 0;
}

} // namespace

int main(int argc, char** argv)
{
    QApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehouse-bench-audit-pane"));
    QCommandLineParser parser;
    parser.addOption({QStringLiteral("events"), QStringLiteral("Events in the store first."), QStringLiteral("n"),
                      QStringLiteral("1000000")});
    parser.addOption({QStringLiteral("rate"), QStringLiteral("Events a second while following."), QStringLiteral("n"),
                      QStringLiteral("10000")});
    parser.addOption({QStringLiteral("seconds"), QStringLiteral("How long each phase appends."), QStringLiteral("n"),
                      QStringLiteral("30")});
    parser.addOption(
        {QStringLiteral("page"), QStringLiteral("The pane's page size."), QStringLiteral("n"), QStringLiteral("500")});
    parser.addHelpOption();
    parser.process(app);
    const int events = parser.value(QStringLiteral("events")).toInt();
    const int rate = parser.value(QStringLiteral("rate")).toInt();
    const int seconds = parser.value(QStringLiteral("seconds")).toInt();

    // --- 1. the store --------------------------------------------------------------------------------------
    QTemporaryDir dir;
    auto made = test::createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("key")));
    if (!made) {
        out() << "cannot make the store: " << made.error().message << Qt::endl;
        return 0;
    }
    std::unique_ptr<store::Store> store = std::move(made).value();
    QElapsedTimer t;
    t.start();
    {
        (void)store->setBulkLoading(true);
        audit::AuditLog log(store->database());
        QRandomGenerator rng(42);
        qint64 now = QDateTime::currentMSecsSinceEpoch() - qint64(events) * 10;
        constexpr int kBatch = 5000;
        for (int done = 0; done < events;) {
            std::vector<audit::AuditEvent> batch;
            const int n = std::min(kBatch, events - done);
            batch.reserve(std::size_t(n));
            for (int i = 0; i < n; ++i) {
                audit::AuditEvent e = bench::syntheticEvent(rng, now);
                now += 10;
                e.tenantId.clear(); // the platform's, so the platform owner's pane sees every one
                e.workspaceId.clear();
                e.freezeDetails();
                batch.push_back(std::move(e));
            }
            auto tx = store::Transaction::begin(store->database());
            if (!tx || !log.appendBatch(batch) || !tx.value().commit()) {
                out() << "bulk append failed" << Qt::endl;
                return 0;
            }
            done += n;
        }
        (void)store->setBulkLoading(false);
    }
    out() << "store.events=" << events << "\nstore.made_s=" << double(t.elapsed()) / 1000.0 << Qt::endl;

    service::ControlPlane cp(*store, Clock::system());
    if (!cp.load()) {
        out() << "the control plane did not load" << Qt::endl;
        return 0;
    }
    // A store made in bulk has no audit index yet: built now, as it would be before anyone opened the pane.
    t.restart();
    (void)cp.auditIndex()->waitForLag(0, 3'600'000);
    out() << "store.index_built_s=" << double(t.elapsed()) / 1000.0 << Qt::endl;
    const char* password = "plum-orbit-canvas-tide";
    if (!cp.bootstrapPlatformOwner(service::Caller::system(), QStringLiteral("root"), test::secret(password))) {
        out() << "no platform owner" << Qt::endl;
        return 0;
    }

    ui::ConsoleBridge bridge(cp);
    {
        QSignalSpy signedIn(&bridge, &ui::ConsoleBridge::signInFinished);
        bridge.signIn({}, QStringLiteral("root"), test::secret(password), {});
        waitUntil([&]() { return !signedIn.isEmpty(); });
        if (signedIn.isEmpty() || !signedIn.first().at(0).toBool()) {
            out() << "sign-in failed" << Qt::endl;
            return 0;
        }
    }
    const double rssBefore = currentRssMiB();

    // --- 2. the pane following ---------------------------------------------------------------------------------
    Phase pane;
    {
        ui::AuditPane view(bridge);
        view.setPageSize(parser.value(QStringLiteral("page")).toInt());
        view.resize(1280, 800);
        t.restart();
        view.show();
        waitUntil([&]() { return view.isLive() && view.model()->rowCount() > 0; });
        out() << "pane.first_page_ms=" << t.elapsed() << Qt::endl;
        const qint64 startRows = view.model()->rowCount();
        CommitWitness witness(cp, view.model()->newestSeq());
        LagMeter lag(witness, [&view]() { return view.model()->newestSeq(); });
        QObject::connect(view.model(), &ui::AuditEventModel::newerInserted, &view, [&lag]() { lag.shown(); });
        StallMeter stalls;
        Writer writer(cp, rate, seconds);
        stalls.start();
        writer.start();
        waitUntil([&]() { return writer.finished(); });
        writer.wait();
        (void)cp.flushReadAudit();
        pane.newestCommitted = newestSeq(cp);
        waitUntil([&]() { return view.model()->newestSeq() >= pane.newestCommitted; }, 30000);
        stalls.stop();
        pane.stallMax = stalls.maxMs();
        pane.stallP99 = stalls.p99Ms();
        pane.shown = view.model()->rowCount() - startRows;
        pane.shownPerSecond = double(pane.shown) / writer.seconds();
        pane.maxLagMs = lag.maxMs();
        pane.maxBehind = lag.maxBehind();
        pane.newestShown = view.model()->newestSeq();
        pane.rssMiB = currentRssMiB();
        pane.rssGrowthMiB = pane.rssMiB - rssBefore;
        out() << "writer.calls=" << writer.calls() << "\nwriter.seconds=" << writer.seconds() << Qt::endl;
        print("pane", pane);

        // --- 3. a filtered search ------------------------------------------------------------------------------
        audit::AuditQuery q;
        q.platform = true;
        q.actionPrefix = QStringLiteral("secret.");
        q.outcome = QStringLiteral("denied");
        q.limit = 500;
        t.restart();
        auto page = cp.searchAudit(service::Caller::system(), q);
        out() << "search.first_page_ms=" << t.elapsed() << "\nsearch.rows=" << (page ? page.value().events.size() : -1)
              << Qt::endl;
        audit::AuditQuery filter;
        filter.actionPrefix = q.actionPrefix;
        filter.outcome = q.outcome;
        t.restart();
        view.setQuery(filter);
        waitUntil([&]() { return view.isLive() && view.model()->rowCount() > 0 && !bridge.isBusy(); });
        out() << "pane.filtered_first_page_ms=" << t.elapsed() << "\npane.filtered_rows=" << view.model()->rowCount()
              << Qt::endl;
    }

    // --- 4. the naive way -----------------------------------------------------------------------------------
    Phase naive;
    {
        const double rssStart = currentRssMiB();
        // Left to the end of the process: destroying a QStandardItemModel of millions of items took minutes in a
        // first run, and is not what is measured.
        auto* naiveModel = new QStandardItemModel(0, 8);
        QStandardItemModel& model = *naiveModel;
        auto* naiveTable = new QTableView;
        QTableView& table = *naiveTable;
        table.setModel(&model);
        table.resize(1280, 800);
        table.show();
        // The same first page, then a follower on a thread of its own posting each batch to the GUI thread.
        audit::AuditQuery q;
        q.platform = true;
        q.limit = parser.value(QStringLiteral("page")).toInt();
        auto first = cp.searchAudit(service::Caller::system(), q);
        auto addRow = [&model](const audit::AuditEvent& e, int at) {
            QList<QStandardItem*> row{
                new QStandardItem(QDateTime::fromMSecsSinceEpoch(e.timeMs).toString(Qt::ISODateWithMs)),
                new QStandardItem(e.outcome),
                new QStandardItem(e.action),
                new QStandardItem(e.actorName),
                new QStandardItem(e.targetId),
                new QStandardItem(e.workspaceId),
                new QStandardItem(e.address),
                new QStandardItem(e.requestId)};
            row.first()->setData(e.timeMs, Qt::UserRole);
            model.insertRow(at, row);
        };
        qint64 head = 0;
        if (first) {
            for (const auto& e : first.value().events)
                addRow(e, model.rowCount());
            head = first.value().events.isEmpty() ? 0 : first.value().events.first().seq;
        }
        std::atomic<bool> stop{false};
        qint64 newestShown = head;
        CommitWitness witness(cp, head);
        LagMeter lag(witness, [&newestShown]() { return newestShown; });
        QObject receiver;
        auto sub = cp.followAudit(
                         service::Caller::system(), {}, head, [] {}, 1'000'000)
                       .value();
        std::unique_ptr<QThread> follower(QThread::create([&]() {
            while (!stop) {
                QList<audit::AuditEvent> batch = sub->take(5000);
                if (batch.isEmpty()) {
                    QThread::msleep(5);
                    continue;
                }
                QMetaObject::invokeMethod(
                    &receiver,
                    [&, batch]() {
                        for (const auto& e : batch) {
                            addRow(e, 0); // newest first, one row at a time
                            newestShown = e.seq;
                        }
                        lag.shown();
                    },
                    Qt::QueuedConnection);
            }
        }));
        follower->start();
        const int startRows = model.rowCount();
        StallMeter stalls;
        Writer writer(cp, rate, seconds);
        stalls.start();
        writer.start();
        waitUntil([&]() { return writer.finished(); });
        writer.wait();
        (void)cp.flushReadAudit();
        naive.newestCommitted = newestSeq(cp);
        waitUntil([&]() { return newestShown >= naive.newestCommitted; }, 60000);
        stalls.stop();
        stop = true;
        follower->wait();
        cp.unfollowAudit(sub);
        naive.stallMax = stalls.maxMs();
        naive.stallP99 = stalls.p99Ms();
        naive.shown = model.rowCount() - startRows;
        naive.shownPerSecond = double(naive.shown) / writer.seconds();
        naive.maxLagMs = lag.maxMs();
        naive.maxBehind = lag.maxBehind();
        naive.newestShown = newestShown;
        naive.rssMiB = currentRssMiB();
        naive.rssGrowthMiB = naive.rssMiB - rssStart;
        print("naive", naive);
    }
    out() << "peak_rss_mib=" << peakRssMiB() << "\n"
          << "target.pane_stall_under_50ms=" << verdict(pane.stallMax < 50) << "\n"
          << "target.pane_lag_under_1s=" << verdict(pane.maxLagMs < 1000) << "\n"
          << "target.pane_rss_under_400mib=" << verdict(pane.rssMiB < 400) << Qt::endl;
    bridge.endSessionNow();
    return 0;
}
