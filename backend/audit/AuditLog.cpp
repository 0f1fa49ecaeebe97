#include "AuditLog.h"

#include "store/Database.h"
#include "store/Statement.h"

#include <QJsonDocument>

namespace gatehouse::audit {

namespace {

constexpr const char* kColumns = "seq, time_ms, tenant_id, workspace_id, actor_kind, actor_id, actor_name, action, "
                                 "target_kind, target_id, outcome, reason, source, address, request_id, details, "
                                 "prev_hash, hash";

AuditEvent readRow(const store::Statement& s)
{
    AuditEvent e;
    e.seq = s.int64(0);
    e.timeMs = s.int64(1);
    e.tenantId = s.text(2);
    e.workspaceId = s.text(3);
    e.actorKind = s.text(4);
    e.actorId = s.text(5);
    e.actorName = s.text(6);
    e.action = s.text(7);
    e.targetKind = s.text(8);
    e.targetId = s.text(9);
    e.outcome = s.text(10);
    e.reason = s.text(11);
    e.source = s.text(12);
    e.address = s.text(13);
    e.requestId = s.text(14);
    e.details = QJsonDocument::fromJson(s.text(15).toUtf8()).object();
    e.prevHash = s.blob(16);
    e.hash = s.blob(17);
    return e;
}

} // namespace

Result<void> AuditLog::append(AuditEvent& event)
{
    auto last = m_db.prepare("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1;");
    if (!last)
        return last.error();
    auto row = last.value().step();
    if (!row)
        return row.error();
    event.seq = row.value() ? last.value().int64(0) + 1 : 1;
    event.prevHash = row.value() ? last.value().blob(1) : QByteArray(32, '\0');
    event.hash = event.computeHash();

    const QByteArray sql = QByteArray("INSERT INTO audit_events (") + kColumns +
                           ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);";
    auto ins = m_db.prepare(sql.constData());
    if (!ins)
        return ins.error();
    ins.value()
        .bind(1, event.seq)
        .bind(2, event.timeMs)
        .bind(3, event.tenantId)
        .bind(4, event.workspaceId)
        .bind(5, event.actorKind)
        .bind(6, event.actorId)
        .bind(7, event.actorName)
        .bind(8, event.action)
        .bind(9, event.targetKind)
        .bind(10, event.targetId)
        .bind(11, event.outcome)
        .bind(12, event.reason)
        .bind(13, event.source)
        .bind(14, event.address)
        .bind(15, event.requestId)
        .bind(16, QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)))
        .bindBlob(17, event.prevHash)
        .bindBlob(18, event.hash);
    return ins.value().run();
}

Result<QList<AuditEvent>> AuditLog::list(const AuditQuery& query)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns +
                           " FROM audit_events WHERE tenant_id = ? AND (? = 0 OR seq < ?) ORDER BY seq DESC LIMIT ?;";
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    stmt.value()
        .bind(1, query.platform ? QString() : query.tenantId)
        .bind(2, query.beforeSeq)
        .bind(3, query.beforeSeq)
        .bind(4, qint64(qBound(1, query.limit, 1000)));
    QList<AuditEvent> out;
    for (;;) {
        auto row = stmt.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        out << readRow(stmt.value());
    }
    return out;
}

Result<qint64> AuditLog::firstBroken()
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM audit_events ORDER BY seq;";
    auto stmt = m_db.prepare(sql.constData());
    if (!stmt)
        return stmt.error();
    QByteArray previous(32, '\0');
    qint64 expectedSeq = 0;
    for (;;) {
        auto row = stmt.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            return qint64(0);
        const AuditEvent e = readRow(stmt.value());
        if (expectedSeq != 0 && e.seq != expectedSeq)
            return expectedSeq;
        if (e.prevHash != previous || e.computeHash() != e.hash)
            return e.seq;
        previous = e.hash;
        expectedSeq = e.seq + 1;
    }
}

Result<qint64> AuditLog::count()
{
    auto n = m_db.pragma("SELECT count(*) FROM audit_events;");
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

} // namespace gatehouse::audit
