#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QMutex>
#include <QString>
#include <QWaitCondition>

#include <atomic>
#include <limits>
#include <memory>
#include <thread>

namespace gatehouse::store {
class Database;
} // namespace gatehouse::store

namespace gatehouse::audit {

// The audit trail's search index, kept out of the append path. The log (the hash-chained audit_events table,
// keyed by seq alone) is the source of truth and commits with the changes it records; this index is derived
// data in a second SQLCipher file beside the store, written by a thread of its own over a connection of its
// own, so building it costs the request path nothing and runs on another core. It holds a narrow copy of each
// event's filterable fields with the search indexes, and the full-text index, up to `indexedSeq`; searches
// read it for what it covers and scan the log for the newer tail (AuditLog), and re-read every result from the
// log. Deleting the file rebuilds it; a crash resumes from the last committed mark; an index that no longer
// matches the log (another store restored in its place, a key rotation) is dropped and rebuilt.
class AuditIndex
{
public:
    struct Config
    {
        QString path; // the index file
        SecureBytes key;
        QString logPath; // the store's database, holding the log
        SecureBytes logKey;
        QString storeId;            // the store this index belongs to
        qint64 chunkEvents = 50000; // events indexed per transaction
    };
    static constexpr int kVersion = 1;

    static Result<std::unique_ptr<AuditIndex>> open(Config config);
    ~AuditIndex();

    AuditIndex(const AuditIndex&) = delete;
    AuditIndex& operator=(const AuditIndex&) = delete;

    // The indexer thread: it indexes whenever notify() says the log grew, and also looks every second (another
    // process may append to the same store).
    void start();
    void stop();
    void notify(qint64 logSeq);
    // Indexes what is committed now (at most `most` events), on the calling thread. Returns how many were indexed.
    Result<qint64> catchUp(qint64 most = std::numeric_limits<qint64>::max());
    // Drops the index and builds it again from the log (on the calling thread).
    Result<qint64> rebuild();

    // Compares every indexed event's fields with the log's (one read snapshot of both): an index that would make a
    // search miss an event (a row missing or altered) shows here. The full-text part is not compared.
    struct Consistency
    {
        qint64 checked = 0; // log events the index should cover
        qint64 missing = 0; // of them, without an index row
        qint64 altered = 0; // with a row that says something else
        qint64 firstBadSeq = 0;
        bool consistent() const { return missing == 0 && altered == 0; }
    };
    Result<Consistency> check();
    // Asks the indexer thread to drop the index and build it again.
    void requestRebuild();

    qint64 indexedSeq() const { return m_indexed.load(); }
    // The newest seq the log is known to hold (from notify() and the indexer's own reads).
    qint64 knownLogSeq() const { return m_logSeq.load(); }
    qint64 lag() const { return std::max<qint64>(0, m_logSeq.load() - m_indexed.load()); }
    // Whether the index has been level with the log since it was opened (false while a new or rebuilt index is
    // first built: its lag then says nothing about how fast events arrive).
    bool caughtUpOnce() const { return m_caughtUpOnce.load(); }
    // Waits until at most `bound` events are unindexed, or `timeoutMs` passed; returns whether the lag is within.
    bool waitForLag(qint64 bound, int timeoutMs);

    // The connection searches run on: this index as `main` and the log attached as `log`. One user at a time:
    // hold readerMutex() while using it.
    store::Database& reader() { return *m_reader; }
    QMutex& readerMutex() { return m_readerMutex; }

    struct Stats
    {
        qint64 rounds = 0;
        qint64 events = 0;
        qint64 rebuilds = 0;
        qint64 busyMs = 0; // time spent indexing, of which:
        qint64 rowsMs = 0; // the rows and their search indexes
        qint64 textMs = 0; // the full-text index
        qint64 commitMs = 0;
    };
    Stats stats() const;
    const QString& path() const { return m_config.path; }

private:
    explicit AuditIndex(Config config);
    Result<void> openConnections();
    // One transaction: up to chunkEvents events. Returns how many were indexed.
    Result<qint64> round(qint64 most);
    Result<void> recreateSchema();
    void run();

    Config m_config;
    std::unique_ptr<store::Database> m_writer;
    std::unique_ptr<store::Database> m_reader;
    QMutex m_readerMutex;
    QMutex m_writerMutex; // the writer connection: the thread's rounds, catchUp() and rebuild()

    std::atomic<qint64> m_indexed{0};
    std::atomic<qint64> m_logSeq{0};
    std::atomic<bool> m_caughtUpOnce{false};
    mutable QMutex m_mutex; // the fields below
    QWaitCondition m_wake;
    QWaitCondition m_progress;
    bool m_stop = false;
    bool m_rebuild = false;
    Stats m_stats;
    std::thread m_thread;
};

} // namespace gatehouse::audit
