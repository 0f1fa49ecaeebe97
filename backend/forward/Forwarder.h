#pragma once

#include "Destination.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QMutex>
#include <QWaitCondition>

#include <atomic>
#include <functional>
#include <memory>
#include <thread>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::forward {

// Forwards the audit trail to every enabled destination, at least once, from a thread of its own over a store
// connection of its own: it reads the hash-chained log itself (the backlog is the log, never a second copy), so the
// control plane's writes never wait for a collector. Each destination has a cursor in the forwarder's state file
// (ForwardState): the newest event the collector took. It moves only once the collector's TCP acknowledged the bytes
// and the connection stayed open for `confirmMs` after that (a collector that stops with unread data resets the
// connection, and the events are sent again). After a restart or a reconnection, sending resumes after the cursor: a
// collector may see an event twice, never miss one. Unreachable collectors are retried with exponential back-off and
// jitter; one unreachable longer than its alarm delay raises an alarm (onAlarm), once, and clears it when it is back.
class Forwarder
{
public:
    struct Config
    {
        QString logPath; // the store's database, holding the log and the destinations
        SecureBytes logKey;
        QString statePath; // the forwarder's own file (ForwardState)
        SecureBytes stateKey;
        // Called on the forwarder's thread when a destination's alarm is raised (true) or cleared (false).
        std::function<void(const Destination&, bool raised, qint64 unreachableMs, const QString& lastError)> onAlarm;
        qint64 confirmMs = 500;
        int batchEvents = 2000;
        qint64 backoffMinMs = 500;
        qint64 backoffMaxMs = 60'000;
        int connectTimeoutMs = 5000;
        int sendTimeoutMs = 30'000;
    };

    static Result<std::unique_ptr<Forwarder>> open(Config config);
    ~Forwarder();
    Forwarder(const Forwarder&) = delete;
    Forwarder& operator=(const Forwarder&) = delete;

    void start();
    void stop();
    // The destinations changed in the store: read them again.
    void reload();
    // The log is on the disk up to `logSeq`: events up to it may be forwarded, none after it.
    void notify(qint64 logSeq);

    struct Figures
    {
        qint64 eventsSent = 0;  // in-scope events written to collectors (resends included)
        qint64 connections = 0; // connections opened
        qint64 failures = 0;    // connection attempts or connections that failed
    };
    Figures figures() const;

private:
    explicit Forwarder(Config config);
    struct Link;
    void run();
    void loadLinks(std::vector<std::unique_ptr<Link>>& links);
    // Connects, sends what is new, confirms what the collector took. Returns when it wants to be looked at again
    // (monotonic ms).
    qint64 service(Link& link);
    void fail(Link& link, const QString& problem);
    void persist(Link& link, bool force);

    Config m_config;
    std::unique_ptr<store::Database> m_db;
    std::unique_ptr<store::Database> m_state;
    QByteArray m_hostname;

    mutable QMutex m_mutex;
    QWaitCondition m_wake;
    bool m_stop = false;
    bool m_reload = false;
    std::atomic<qint64> m_logSeq{0};
    Figures m_figures;
    std::thread m_thread;
};

} // namespace gatehouse::forward
