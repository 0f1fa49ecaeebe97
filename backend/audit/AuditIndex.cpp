#include "AuditIndex.h"

#include "core/Files.h"
#include "core/Logging.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>

#include <unistd.h>

namespace gatehouse::audit {

namespace {

// How long a few new events wait for more before they are indexed, and how many go at once.
constexpr qint64 kGatherMs = 250;
constexpr qint64 kGatherEvents = 10'000;

// The narrow copy of each event's filterable fields, keyed by seq, with the indexes the searches use (SQLite
// appends the rowid, i.e. seq, to every index key, so each serves "newest first" within its prefix), and the
// full-text index over what a text search reads. The full-text index keeps no copy of the text (content=""):
// results are read from the log anyway.
constexpr const char* kSchema = R"sql(
CREATE TABLE meta (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    version INTEGER NOT NULL,
    store_id TEXT NOT NULL,
    indexed_seq INTEGER NOT NULL,
    indexed_hash BLOB NOT NULL,
    pruned_below INTEGER NOT NULL
);
CREATE TABLE ev (
    seq INTEGER PRIMARY KEY NOT NULL,
    time_ms INTEGER NOT NULL,
    tenant_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target_id TEXT NOT NULL,
    outcome TEXT NOT NULL,
    address TEXT NOT NULL,
    request_id TEXT NOT NULL
);
CREATE INDEX ev_tenant ON ev (tenant_id);
CREATE INDEX ev_tenant_time ON ev (tenant_id, time_ms, outcome);
CREATE INDEX ev_tenant_action ON ev (tenant_id, action);
CREATE INDEX ev_tenant_actor ON ev (tenant_id, actor_id);
CREATE VIRTUAL TABLE fts USING fts4(content="", action, actor_name, target_id, details);
)sql";

void removeFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink(QFile::encodeName(path + QLatin1String(suffix)).constData());
}

} // namespace

AuditIndex::AuditIndex(Config config) : m_config(std::move(config)) {}

AuditIndex::~AuditIndex()
{
    stop();
}

Result<std::unique_ptr<AuditIndex>> AuditIndex::open(Config config)
{
    std::unique_ptr<AuditIndex> index(new AuditIndex(std::move(config)));
    if (auto r = index->openConnections(); !r) {
        // Derived data: a file that is not this store's index as this build writes it (another key after a
        // rotation, damage, another store or layout) is dropped and built again from the log. Anything else (the
        // file busy, no space, no permission) is not the file's fault: nothing is deleted.
        const ErrorCode code = r.error().code;
        if (code != ErrorCode::WrongKey && code != ErrorCode::Corrupt && code != ErrorCode::NotAStore)
            return r.error();
        qCInfo(lcStore) << "rebuilding the audit index:" << r.error().message;
        index->m_writer.reset();
        index->m_reader.reset();
        removeFiles(index->m_config.path);
        if (auto again = index->openConnections(); !again)
            return again.error();
    }
    return index;
}

Result<void> AuditIndex::openConnections()
{
    const bool fresh = !files::exists(m_config.path);
    auto writer =
        store::Database::open(m_config.path, m_config.key,
                              fresh ? store::Database::OpenMode::CreateNew : store::Database::OpenMode::OpenExisting);
    if (!writer)
        return writer.error();
    m_writer = std::move(writer).value();
    // Derived data: a crash may lose the newest rounds (they are indexed again from the mark), never corrupt the
    // file; no round needs to wait for the disk.
    if (auto r = m_writer->exec("PRAGMA synchronous = NORMAL;"); !r)
        return r;
    if (auto r = m_writer->attach(m_config.logPath, "log", m_config.logKey); !r)
        return r;
    // A round reads a chunk of the log twice (rows, then text) and inserts into five B-trees: both caches hold a
    // chunk's pages (64 MiB each at most).
    if (auto r = m_writer->exec("PRAGMA main.cache_size = -65536; PRAGMA log.cache_size = -65536;"); !r)
        return r;
    if (fresh) {
        if (auto r = recreateSchema(); !r)
            return r;
    }
    auto meta = store::sql::query(*m_writer, "SELECT version, store_id, indexed_seq FROM main.meta WHERE id = 1;");
    if (!meta)
        return meta.error();
    auto row = meta.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::Corrupt, QStringLiteral("the audit index has no state row"));
    if (meta.value().int64(0) != kVersion || meta.value().text(1) != m_config.storeId)
        return makeError(ErrorCode::Corrupt, QStringLiteral("the audit index belongs to another store or version"));
    m_indexed = meta.value().int64(2);
    meta.value().reset();
    auto head = store::sql::query(*m_writer, "SELECT max(seq) FROM log.audit_events;");
    if (!head)
        return head.error();
    if (auto r = head.value().step(); !r)
        return r.error();
    m_logSeq = head.value().int64(0);
    m_caughtUpOnce = m_indexed.load() >= m_logSeq.load();
    head.value().reset();

    auto reader = store::Database::open(m_config.path, m_config.key, store::Database::OpenMode::OpenExisting);
    if (!reader)
        return reader.error();
    m_reader = std::move(reader).value();
    if (auto r = m_reader->attach(m_config.logPath, "log", m_config.logKey); !r)
        return r;
    // Searches only read; a query that sorts or groups many rows may use memory rather than temporary files.
    if (auto r = m_reader->exec("PRAGMA query_only = ON;"); !r)
        return r;
    return {};
}

Result<void> AuditIndex::recreateSchema()
{
    // Deferred, as every transaction of this connection: BEGIN IMMEDIATE would lock every attached file for writing,
    // the log included, and the control plane's appends would wait for the drop of a large index.
    if (auto r = m_writer->exec("BEGIN DEFERRED;"); !r)
        return r;
    auto rollback = qScopeGuard([this] { (void)m_writer->exec("ROLLBACK;"); });
    for (const char* drop :
         {"DROP TABLE IF EXISTS main.meta;", "DROP TABLE IF EXISTS main.ev;", "DROP TABLE IF EXISTS main.fts;"}) {
        if (auto r = m_writer->exec(drop); !r)
            return r;
    }
    if (auto r = m_writer->exec(kSchema); !r)
        return r;
    if (auto r =
            store::sql::run(*m_writer,
                            "INSERT INTO main.meta (id, version, store_id, indexed_seq, indexed_hash, pruned_below) "
                            "VALUES (1, ?, ?, 0, x'', 0);",
                            qint64(kVersion), m_config.storeId);
        !r)
        return r;
    if (auto r = m_writer->exec("COMMIT;"); !r)
        return r;
    rollback.dismiss();
    m_indexed = 0;
    return {};
}

Result<qint64> AuditIndex::round(qint64 most)
{
    QElapsedTimer timer;
    timer.start();
    // Deferred: the index file is locked for writing at the first write to it; the log is only read (a snapshot,
    // never a lock the log's writers wait for).
    if (auto r = m_writer->exec("BEGIN DEFERRED;"); !r)
        return r.error();
    auto rollback = qScopeGuard([this] { (void)m_writer->exec("ROLLBACK;"); });
    // A write first, so the index's write lock is taken (waiting for another process's indexer if need be) before
    // anything is read from it: a read first would make the later write fail at once if that other indexer
    // committed in between.
    if (auto r = m_writer->exec("UPDATE main.meta SET indexed_seq = indexed_seq WHERE id = 1;"); !r)
        return r.error();
    auto meta = store::sql::query(*m_writer, "SELECT indexed_seq, indexed_hash, pruned_below FROM main.meta;");
    if (!meta)
        return meta.error();
    if (auto row = meta.value().step(); !row || !row.value())
        return row ? makeError(ErrorCode::Corrupt, QStringLiteral("the audit index has no state row")) : row.error();
    qint64 indexed = meta.value().int64(0);
    const QByteArray indexedHash = meta.value().blob(1);
    const qint64 prunedBelow = meta.value().int64(2);
    meta.value().reset();

    const auto scalar = [this](const char* sql, auto... args) -> Result<qint64> {
        auto s = store::sql::query(*m_writer, sql, args...);
        if (!s)
            return s.error();
        auto row = s.value().step();
        if (!row)
            return row.error();
        return row.value() ? s.value().int64(0) : qint64(0); // NULL (an empty log) reads as 0
    };
    // Bare min() and max(): SQLite answers those from the key's ends; wrapped in an expression, older versions scan.
    auto head = scalar("SELECT max(seq) FROM log.audit_events;");
    if (!head)
        return head.error();
    auto first = scalar("SELECT min(seq) FROM log.audit_events;");
    if (!first)
        return first.error();
    m_logSeq = std::max(m_logSeq.load(), head.value());

    // Still the log it was built from? The event at the mark must be the one indexed (unless retention removed it).
    bool stale = indexed > head.value();
    if (!stale && indexed > 0 && indexed >= first.value()) {
        auto at = store::sql::query(*m_writer, "SELECT hash FROM log.audit_events WHERE seq = ?;", indexed);
        if (!at)
            return at.error();
        auto row = at.value().step();
        if (!row)
            return row.error();
        stale = !row.value() || at.value().blob(0) != indexedHash;
    }
    if (stale) {
        rollback.dismiss();
        (void)m_writer->exec("ROLLBACK;");
        qCWarning(lcStore) << "the audit index does not match the audit log: rebuilding it";
        if (auto r = recreateSchema(); !r)
            return r.error();
        m_caughtUpOnce = false;
        QMutexLocker lock(&m_mutex);
        ++m_stats.rebuilds;
        return qint64(0);
    }

    const qint64 upto = std::min(head.value(), indexed + most);
    qint64 added = 0;
    qint64 rowsMs = 0, textMs = 0, commitMs = 0;
    if (upto > indexed) {
        QElapsedTimer part;
        part.start();
        if (auto r =
                store::sql::run(*m_writer,
                                "INSERT INTO main.ev (seq, time_ms, tenant_id, workspace_id, actor_id, actor_name, "
                                "action, target_id, outcome, address, request_id) SELECT seq, time_ms, tenant_id, "
                                "workspace_id, actor_id, actor_name, action, target_id, outcome, address, "
                                "request_id FROM log.audit_events WHERE seq > ? AND seq <= ? ORDER BY seq;",
                                indexed, upto);
            !r)
            return r.error();
        added = m_writer->changes();
        rowsMs = part.restart();
        if (auto r = store::sql::run(*m_writer,
                                     "INSERT INTO main.fts (docid, action, actor_name, target_id, details) SELECT seq, "
                                     "action, actor_name, target_id, details FROM log.audit_events WHERE seq > ? AND "
                                     "seq <= ? ORDER BY seq;",
                                     indexed, upto);
            !r)
            return r.error();
        textMs = part.restart();
        if (auto r = store::sql::run(*m_writer,
                                     "UPDATE main.meta SET indexed_seq = ?, indexed_hash = (SELECT hash FROM "
                                     "log.audit_events WHERE seq = ?);",
                                     upto, upto);
            !r)
            return r.error();
        indexed = upto;
    }
    // Retention removed the oldest events from the log: their rows go too (the full-text index has no copy to
    // delete by; its entries for them match no row any more).
    if (first.value() > prunedBelow + 1) {
        if (auto r = store::sql::run(*m_writer, "DELETE FROM main.ev WHERE seq < ?;", first.value()); !r)
            return r.error();
        if (auto r = store::sql::run(*m_writer, "UPDATE main.meta SET pruned_below = ?;", first.value() - 1); !r)
            return r.error();
    }
    QElapsedTimer committing;
    committing.start();
    if (auto r = m_writer->exec("COMMIT;"); !r)
        return r.error();
    commitMs = committing.elapsed();
    rollback.dismiss();
    m_indexed = indexed;
    if (indexed >= head.value())
        m_caughtUpOnce = true;
    QMutexLocker lock(&m_mutex);
    ++m_stats.rounds;
    m_stats.events += added;
    m_stats.busyMs += timer.elapsed();
    m_stats.rowsMs += rowsMs;
    m_stats.textMs += textMs;
    m_stats.commitMs += commitMs;
    m_progress.wakeAll();
    return added;
}

Result<qint64> AuditIndex::catchUp(qint64 most)
{
    QMutexLocker writer(&m_writerMutex);
    qint64 total = 0;
    while (total < most) {
        auto n = round(std::min(most - total, m_config.chunkEvents));
        if (!n)
            return n.error();
        total += n.value();
        if (n.value() == 0 && m_indexed.load() >= m_logSeq.load())
            break;
    }
    return total;
}

Result<AuditIndex::Consistency> AuditIndex::check()
{
    QMutexLocker lock(&m_readerMutex);
    if (auto r = m_reader->exec("BEGIN;"); !r)
        return r.error();
    const auto end = qScopeGuard([this] { (void)m_reader->exec("COMMIT;"); });
    auto mark = store::sql::query(*m_reader, "SELECT indexed_seq FROM main.meta WHERE id = 1;");
    if (!mark)
        return mark.error();
    if (auto row = mark.value().step(); !row || !row.value())
        return row ? makeError(ErrorCode::Corrupt, QStringLiteral("the audit index has no state row")) : row.error();
    const qint64 upto = mark.value().int64(0);
    // Every log event the index covers, beside its row: the join by seq is a merge of two rowid orders.
    const QByteArray differs =
        "(i.time_ms IS NOT e.time_ms OR i.tenant_id IS NOT e.tenant_id OR i.workspace_id IS NOT e.workspace_id OR "
        "i.actor_id IS NOT e.actor_id OR i.actor_name IS NOT e.actor_name OR i.action IS NOT e.action OR "
        "i.target_id IS NOT e.target_id OR i.outcome IS NOT e.outcome OR i.address IS NOT e.address OR "
        "i.request_id IS NOT e.request_id)";
    const QByteArray sql = "SELECT count(*), coalesce(sum(i.seq IS NULL), 0), coalesce(sum(i.seq IS NOT NULL AND " +
                           differs + "), 0), coalesce(min(CASE WHEN i.seq IS NULL OR " + differs +
                           " THEN e.seq END), 0) FROM log.audit_events AS e LEFT JOIN main.ev AS i ON i.seq = e.seq "
                           "WHERE e.seq <= ?;";
    auto s = store::sql::query(*m_reader, sql.constData(), upto);
    if (!s)
        return s.error();
    if (auto row = s.value().step(); !row || !row.value())
        return row ? makeError(ErrorCode::Internal, QStringLiteral("cannot compare the audit index")) : row.error();
    Consistency c;
    c.checked = s.value().int64(0);
    c.missing = s.value().int64(1);
    c.altered = s.value().int64(2);
    c.firstBadSeq = s.value().int64(3);
    return c;
}

void AuditIndex::requestRebuild()
{
    QMutexLocker lock(&m_mutex);
    m_rebuild = true;
    m_wake.wakeAll();
}

Result<qint64> AuditIndex::rebuild()
{
    {
        QMutexLocker writer(&m_writerMutex);
        if (auto r = recreateSchema(); !r)
            return r.error();
        QMutexLocker lock(&m_mutex);
        ++m_stats.rebuilds;
    }
    return catchUp();
}

void AuditIndex::notify(qint64 logSeq)
{
    qint64 known = m_logSeq.load();
    while (logSeq > known && !m_logSeq.compare_exchange_weak(known, logSeq)) {
    }
    if (logSeq > m_indexed.load()) {
        QMutexLocker lock(&m_mutex);
        m_wake.wakeOne();
    }
}

bool AuditIndex::waitForLag(qint64 bound, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    QMutexLocker lock(&m_mutex);
    while (lag() > bound && !m_stop) {
        const qint64 left = timeoutMs - timer.elapsed();
        if (left <= 0 || !m_thread.joinable())
            return false;
        m_progress.wait(&m_mutex, QDeadlineTimer(left));
    }
    return lag() <= bound;
}

AuditIndex::Stats AuditIndex::stats() const
{
    QMutexLocker lock(&m_mutex);
    return m_stats;
}

void AuditIndex::start()
{
    QMutexLocker lock(&m_mutex);
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void AuditIndex::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_thread.joinable())
            return;
        m_stop = true;
        m_wake.wakeAll();
        m_progress.wakeAll();
    }
    m_thread.join();
}

void AuditIndex::run()
{
    int failures = 0;
    QElapsedTimer sinceRound;
    sinceRound.start();
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            // A round has a fixed cost (its transaction, the mark, the log's ends): a few new events wait up to
            // kGatherMs for more to join them, so a busy log is indexed a few times a second rather than after
            // every commit; kGatherEvents or more go at once. With nothing known to be new, the indexer looks once
            // a second regardless (another process may append to the store).
            for (;;) {
                if (m_stop)
                    return;
                if (m_rebuild)
                    break;
                const qint64 waiting = m_logSeq.load() - m_indexed.load();
                if (waiting >= kGatherEvents || (waiting > 0 && sinceRound.elapsed() >= kGatherMs))
                    break;
                const qint64 wait = failures ? 5000 : (waiting > 0 ? kGatherMs - sinceRound.elapsed() : 1000);
                if (!m_wake.wait(&m_mutex, QDeadlineTimer(wait)) && waiting <= 0)
                    break; // a second without news: look anyway
            }
        }
        sinceRound.restart();
        bool rebuild = false;
        {
            QMutexLocker lock(&m_mutex);
            rebuild = std::exchange(m_rebuild, false);
        }
        QMutexLocker writer(&m_writerMutex);
        if (rebuild) {
            if (auto r = recreateSchema(); !r)
                qCWarning(lcStore) << "cannot rebuild the audit index:" << r.error().message;
            QMutexLocker lock(&m_mutex);
            ++m_stats.rebuilds;
        }
        auto n = round(m_config.chunkEvents);
        writer.unlock();
        if (!n) {
            if (failures++ == 0)
                qCWarning(lcStore) << "audit indexing failed (searches read the log instead until it works):"
                                   << n.error().message;
            continue;
        }
        failures = 0;
    }
}

} // namespace gatehouse::audit
