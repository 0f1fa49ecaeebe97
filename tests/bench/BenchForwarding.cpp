// Audit forwarding under a sustained write rate. A program that prints figures; it asserts nothing.
//
//   bench_forwarding [events-per-second] [seconds]      (default 5,000 for 20 s)
//
// A real rsyslogd (TLS on loopback, started here as in TestForwarding) and a control plane on an encrypted store,
// forwarding to it. Calls go through the control plane at the given rate (audited reads, group-committed as the
// server does), and every 100 ms the forwarder's lag is sampled: events of the log not yet confirmed as taken by
// the collector, and how long the oldest of them has waited. Confirmation waits confirmMs (500 ms) after the
// collector's TCP acknowledged the bytes, so that much of the lag is the at-least-once rule, not slowness.
#include "SyslogCollector.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "forward/ForwardState.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTextStream>

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

using namespace gatehouse;

namespace {

double percentile(std::vector<qint64> v, double p)
{
    if (v.empty())
        return 0;
    std::sort(v.begin(), v.end());
    return double(v[std::min(v.size() - 1, std::size_t(p * double(v.size())))]);
}

} // namespace

int main(int argc, char** argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    const int rate = args.size() > 1 ? args.at(1).toInt() : 5000;
    const int duration = args.size() > 2 ? args.at(2).toInt() : 20;
    QTextStream out(stdout);
    if (!test::SyslogCollector::available()) {
        out << "rsyslogd with the ossl driver is not installed\n";
        return 1;
    }
    QTemporaryDir dir;
    test::SyslogCollector collector(dir.filePath(QStringLiteral("collector")));
    if (!collector.ok() || !collector.start()) {
        out << "cannot start rsyslogd\n";
        return 1;
    }
    auto store = test::createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("k")));
    if (!store) {
        out << "cannot create the store: " << store.error().message << "\n";
        return 1;
    }
    service::ControlPlane cp(*store.value());
    const service::Caller system = service::Caller::system();
    if (!cp.load() || !cp.startForwarding()) {
        out << "cannot start the control plane\n";
        return 1;
    }
    forward::Destination d;
    d.name = QStringLiteral("siem");
    d.host = QStringLiteral("127.0.0.1");
    d.port = collector.port();
    d.serverName = QStringLiteral("localhost");
    d.caPem = collector.caPem();
    auto created = cp.createForwardDestination(system, d, true);
    if (!created) {
        out << "cannot add the destination: " << created.error().message << "\n";
        return 1;
    }

    std::vector<qint64> lagEvents, lagMs;
    // Callers on several threads, as the server's workers are: an in-process call waits for its audit record's
    // group commit, so one thread alone cannot reach the rate.
    constexpr int kThreads = 8;
    std::atomic<qint64> calls{0};
    std::atomic<bool> stop{false};
    QElapsedTimer clock, sample;
    clock.start();
    std::vector<std::thread> callers;
    for (int t = 0; t < kThreads; ++t) {
        callers.emplace_back([&] {
            qint64 mine = 0;
            while (!stop.load()) {
                const qint64 due = clock.elapsed() * rate / 1000 / kThreads;
                if (mine >= due) {
                    QThread::usleep(200);
                    continue;
                }
                (void)cp.listTenants(system);
                ++mine;
                ++calls;
            }
        });
    }
    sample.start();
    while (clock.elapsed() < qint64(duration) * 1000) {
        QThread::msleep(100);
        auto status = forward::readStatus(*store.value(), nullptr, QDateTime::currentMSecsSinceEpoch());
        if (status && !status.value().isEmpty()) {
            lagEvents.push_back(status.value().front().lagEvents);
            lagMs.push_back(status.value().front().lagMs);
        }
    }
    stop = true;
    for (auto& t : callers)
        t.join();
    const double seconds = double(clock.elapsed()) / 1000;
    const qint64 last = audit::AuditLog(store.value()->database()).lastSeq().value();
    QElapsedTimer drain;
    drain.start();
    qint64 cursor = 0;
    while (drain.elapsed() < 30000) {
        auto status = forward::readStatus(*store.value(), nullptr, QDateTime::currentMSecsSinceEpoch());
        cursor = status && !status.value().isEmpty() ? status.value().front().cursorSeq : 0;
        if (cursor >= last)
            break;
        QThread::msleep(20);
    }
    out << "calls: " << calls.load() << " in " << seconds << " s = " << qint64(double(calls.load()) / seconds)
        << " audited events/s (asked: " << rate << ")\n";
    out << "forwarding lag, sampled every 100 ms: events p50 " << percentile(lagEvents, 0.5) << ", p99 "
        << percentile(lagEvents, 0.99) << ", max " << percentile(lagEvents, 1.0) << "; seconds p50 "
        << percentile(lagMs, 0.5) / 1000 << ", p99 " << percentile(lagMs, 0.99) / 1000 << ", max "
        << percentile(lagMs, 1.0) / 1000 << "\n";
    out << "after the writes stopped: every event (" << last << ") confirmed in " << drain.elapsed() << " ms"
        << (cursor >= last ? "" : " (NOT all: cursor " + QString::number(cursor) + ")") << "; collector lines "
        << collector.messages().size() << "\n";
    cp.stopForwarding();
    return 0;
}
