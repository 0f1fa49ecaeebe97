#pragma once

// Writing into the audit trail around the control plane, for tests: a writer that never signs, and what someone
// holding the master key could do to the decrypted store.

#include "audit/AuditLog.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <vector>

namespace gatehouse::test {

// Appends `n` events in one transaction through an AuditLog of its own. `signing`: with the store's signing key
// open, so checkpoints fall by the recorded policy; without it, none are signed (like a process that stopped
// before signing, or whose checkpoints were removed).
inline bool appendAuditEvents(store::Store& store, int n, qint64 timeMs, bool signing, const QString& tenantId = {})
{
    store::Database& db = store.database();
    audit::AuditLog log(db);
    auto tx = store::Transaction::begin(db);
    if (!tx)
        return false;
    if (signing) {
        auto wrap = store.deriveKey("gatehouse/audit-signing");
        if (!wrap || !log.openSigningKey(wrap.value(), timeMs))
            return false;
    }
    std::vector<audit::AuditEvent> batch(std::size_t(n), audit::AuditEvent{});
    for (audit::AuditEvent& e : batch) {
        e.timeMs = timeMs;
        e.tenantId = tenantId;
        e.actorKind = QStringLiteral("system");
        e.actorId = QStringLiteral("system");
        e.action = QStringLiteral("test.event");
        e.outcome = QStringLiteral("success");
        e.reason = QStringLiteral("ok");
        e.source = QStringLiteral("system");
    }
    return log.appendBatch(batch) && tx.value().commit();
}

// What a master-key holder could do: remove every checkpoint after event `keepThrough`, change the event after
// it, and recompute the hash chain from there to the head, so that every link holds again. Also forgets how far
// verification got, as they would. Returns what failed, or an empty string.
// Drops the triggers that refuse changes to stored events, as someone holding the master key could.
inline bool dropAuditGuards(store::Database& db)
{
    for (const char* t : {"audit_events_no_update", "audit_events_no_delete"})
        if (!db.exec(QByteArray("DROP TRIGGER IF EXISTS ").append(t).append(';').constData()))
            return false;
    return true;
}

inline QString removeCheckpointsAndRecomputeChain(store::Database& db, qint64 keepThrough)
{
    for (const char* sql :
         {"DROP TRIGGER IF EXISTS audit_events_no_update;", "DROP TRIGGER IF EXISTS audit_checkpoints_no_delete;",
          "UPDATE audit_state SET verified_seq = 0, verified_hash = zeroblob(32) WHERE id = 1;"}) {
        if (auto r = db.exec(sql); !r)
            return r.error().message;
    }
    auto del = db.prepare("DELETE FROM audit_checkpoints WHERE seq > ?;");
    if (!del)
        return del.error().message;
    if (auto r = del.value().bind(1, keepThrough).run(); !r)
        return r.error().message;
    auto prev = db.prepare("SELECT hash FROM audit_events WHERE seq = ?;");
    if (!prev)
        return prev.error().message;
    if (!prev.value().bind(1, keepThrough).step().value())
        return QStringLiteral("no event %1").arg(keepThrough);
    QByteArray prevHash = prev.value().blob(0);
    auto rows = db.prepare("SELECT seq, time_ms, tenant_id, workspace_id, actor_kind, actor_id, actor_name, action, "
                           "target_kind, target_id, outcome, reason, source, address, request_id, details, prev_hash, "
                           "hash FROM audit_events WHERE seq > ? ORDER BY seq;");
    if (!rows)
        return rows.error().message;
    rows.value().bind(1, keepThrough);
    QList<audit::AuditEvent> events;
    while (rows.value().step().value())
        events << audit::AuditLog::readRow(rows.value());
    if (events.isEmpty())
        return QStringLiteral("no events after %1").arg(keepThrough);
    events.first().outcome = QStringLiteral("denied"); // the rewrite someone wanted
    auto put = db.prepare("UPDATE audit_events SET outcome = ?, prev_hash = ?, hash = ? WHERE seq = ?;");
    if (!put)
        return put.error().message;
    for (audit::AuditEvent& e : events) {
        e.prevHash = prevHash;
        e.hash = e.computeHash();
        put.value().reset();
        if (auto r = put.value().bind(1, e.outcome).bindBlob(2, e.prevHash).bindBlob(3, e.hash).bind(4, e.seq).run();
            !r)
            return r.error().message;
        prevHash = e.hash;
    }
    return {};
}

// A full verification by a log of its own, with the store's signing key (whose public half checks the signatures).
inline Result<audit::VerifyReport> verifyAuditTrail(store::Store& store, qint64 nowMs)
{
    audit::AuditLog log(store.database());
    auto wrap = store.deriveKey("gatehouse/audit-signing");
    if (!wrap)
        return wrap.error();
    {
        auto tx = store::Transaction::begin(store.database());
        if (!tx)
            return tx.error();
        if (auto r = log.openSigningKey(wrap.value(), nowMs); !r)
            return r.error();
        if (auto r = tx.value().commit(); !r)
            return r.error();
    }
    return log.verify(false);
}

} // namespace gatehouse::test
