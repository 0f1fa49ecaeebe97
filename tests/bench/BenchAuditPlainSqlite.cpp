// The baseline for bench_audit: the same events, canonical form, SHA-256 chain, schema (table, indexes,
// full-text index and its trigger) and batching, on Debian's plain libsqlite3 without encryption. A separate
// program because libsqlite3 and libsqlcipher export the same symbols. Prints "single <events/s>" and
// "batched <events/s>" for bench_audit to read.
//
//   bench_audit_plainsqlite DIR SINGLE_EVENTS BATCHES BATCH_SIZE
#include "AuditBenchEvents.h"

#include <QCoreApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QTextStream>

#include <sqlite3.h>

using namespace gatehouse;

namespace {

const char* const kSchema = R"sql(
PRAGMA page_size = 4096;
PRAGMA journal_mode = WAL;
PRAGMA synchronous = FULL;
PRAGMA cache_size = -32768;
CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY NOT NULL, time_ms INTEGER NOT NULL, tenant_id TEXT NOT NULL, workspace_id TEXT NOT NULL,
    actor_kind TEXT NOT NULL, actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, action TEXT NOT NULL,
    target_kind TEXT NOT NULL, target_id TEXT NOT NULL, outcome TEXT NOT NULL, reason TEXT NOT NULL,
    source TEXT NOT NULL, address TEXT NOT NULL, request_id TEXT NOT NULL, details TEXT NOT NULL,
    prev_hash BLOB NOT NULL, hash BLOB NOT NULL);
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, seq);
CREATE INDEX audit_events_tenant_time ON audit_events (tenant_id, time_ms);
CREATE INDEX audit_events_tenant_action ON audit_events (tenant_id, action, seq);
CREATE INDEX audit_events_tenant_actor ON audit_events (tenant_id, actor_id, seq);
CREATE VIRTUAL TABLE audit_fts USING fts4(content="audit_events", action, actor_name, target_id, details);
CREATE TABLE audit_state (id INTEGER PRIMARY KEY, last_seq INTEGER NOT NULL, fts_seq INTEGER NOT NULL);
INSERT INTO audit_state VALUES (1, 0, 0);
)sql";

void text(sqlite3_stmt* s, int i, const QString& v)
{
    const QByteArray b = v.toUtf8();
    sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    if (argc < 5)
        return 2;
    const QString dir = QString::fromLocal8Bit(argv[1]);
    const int single = atoi(argv[2]), batches = atoi(argv[3]), batchSize = atoi(argv[4]);
    QDir().mkpath(dir);
    QFile::remove(dir + QStringLiteral("/plain.db"));
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(dir + QStringLiteral("/plain.db")).constData(), &db) != SQLITE_OK ||
        sqlite3_exec(db, kSchema, nullptr, nullptr, nullptr) != SQLITE_OK)
        return 1;
    sqlite3_stmt* head = nullptr;
    sqlite3_stmt* ins = nullptr;
    sqlite3_stmt* state = nullptr;
    sqlite3_prepare_v2(db, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1;", -1, &head, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO audit_events VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                       -1, &ins, nullptr);
    sqlite3_prepare_v2(db, "UPDATE audit_state SET last_seq = ? WHERE id = 1;", -1, &state, nullptr);
    QRandomGenerator rng(7);
    qint64 now = 1'800'000'000'000;
    // Same steps as AuditLog::append: read the head, link, hash the canonical form, insert, record the head.
    auto append = [&](audit::AuditEvent& e) {
        sqlite3_reset(head);
        if (sqlite3_step(head) == SQLITE_ROW) {
            e.seq = sqlite3_column_int64(head, 0) + 1;
            e.prevHash =
                QByteArray(static_cast<const char*>(sqlite3_column_blob(head, 1)), sqlite3_column_bytes(head, 1));
        } else {
            e.seq = 1;
            e.prevHash = QByteArray(32, '\0');
        }
        sqlite3_reset(head);
        e.freezeDetails();
        e.hash = e.computeHash();
        sqlite3_reset(ins);
        sqlite3_bind_int64(ins, 1, e.seq);
        sqlite3_bind_int64(ins, 2, e.timeMs);
        const QString fields[] = {e.tenantId, e.workspaceId, e.actorKind, e.actorId, e.actorName,
                                  e.action,   e.targetKind,  e.targetId,  e.outcome, e.reason,
                                  e.source,   e.address,     e.requestId};
        for (int i = 0; i < 13; ++i)
            text(ins, 3 + i, fields[i]);
        sqlite3_bind_text(ins, 16, e.detailsJson.constData(), int(e.detailsJson.size()), SQLITE_TRANSIENT);
        sqlite3_bind_blob(ins, 17, e.prevHash.constData(), 32, SQLITE_TRANSIENT);
        sqlite3_bind_blob(ins, 18, e.hash.constData(), 32, SQLITE_TRANSIENT);
        if (sqlite3_step(ins) != SQLITE_DONE)
            qFatal("insert failed: %s", sqlite3_errmsg(db));
        sqlite3_reset(state);
        sqlite3_bind_int64(state, 1, e.seq);
        sqlite3_step(state);
        // The full-text index in bulk every 1,000 events, as Gatehouse does with its checkpoints.
        if (e.seq % 1000 == 0)
            sqlite3_exec(db,
                         "INSERT INTO audit_fts (docid, action, actor_name, target_id, details) SELECT seq, action, "
                         "actor_name, target_id, details FROM audit_events WHERE seq > (SELECT fts_seq FROM "
                         "audit_state) ORDER BY seq; UPDATE audit_state SET fts_seq = (SELECT max(seq) FROM "
                         "audit_events);",
                         nullptr, nullptr, nullptr);
    };
    QElapsedTimer t;
    t.start();
    for (int i = 0; i < single; ++i) {
        sqlite3_exec(db, "BEGIN IMMEDIATE;", nullptr, nullptr, nullptr);
        audit::AuditEvent e = bench::syntheticEvent(rng, now++);
        append(e);
        sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
    }
    const double singleRate = single / (double(t.nsecsElapsed()) / 1e9);
    std::vector<audit::AuditEvent> pending;
    pending.reserve(std::size_t(batches) * batchSize);
    for (int i = 0; i < batches * batchSize; ++i)
        pending.push_back(bench::syntheticEvent(rng, now++));
    t.restart();
    for (int b = 0; b < batches; ++b) {
        sqlite3_exec(db, "BEGIN IMMEDIATE;", nullptr, nullptr, nullptr);
        for (int i = 0; i < batchSize; ++i)
            append(pending[std::size_t(b) * batchSize + i]);
        sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
    }
    const double batchedRate = double(batches) * batchSize / (double(t.nsecsElapsed()) / 1e9);
    sqlite3_finalize(head);
    sqlite3_finalize(ins);
    sqlite3_finalize(state);
    sqlite3_close(db);
    QTextStream(stdout) << "single " << singleRate << "\nbatched " << batchedRate << "\nsqlite " << sqlite3_libversion()
                        << "\n";
    return 0;
}
