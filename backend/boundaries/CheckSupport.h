#pragma once

// Private to the check implementations.

#include "Checks.h"
#include "store/Database.h"
#include "store/Sql.h"

namespace gatehouse::boundaries::detail {

template <typename... Args> Result<qint64> scalar(store::Database& db, const char* text, const Args&... args)
{
    auto s = store::sql::query(db, text, args...);
    if (!s)
        return s.error();
    auto row = s.value().step();
    if (!row)
        return row.error();
    return row.value() ? s.value().int64(0) : 0;
}

// Counts over the audit trail look at the newest events only, so a check costs the same on a store of a
// thousand events and of a hundred million.
constexpr int kRecentAuditEvents = 10000;

// Two counts of recent audit events, one scan: events since `sinceA` matching `conditionA`, and since `sinceB`
// matching `conditionB` (SQL over the columns time_ms, action, outcome; no bound values of their own).
// `complete` is false when the scan stopped at kRecentAuditEvents before reaching the older of the two times.
struct RecentCounts
{
    qint64 a = 0;
    qint64 b = 0;
    bool complete = true;
    // "12", or "12 (in the newest 10000 events; older ones not counted)"
    QString text(qint64 n) const
    {
        return complete ? QString::number(n)
                        : QStringLiteral("%1 (in the newest %2 events; older ones not counted)")
                              .arg(n)
                              .arg(kRecentAuditEvents);
    }
};

inline Result<RecentCounts> recentAuditCounts(store::Database& db, const QByteArray& conditionA, qint64 sinceA,
                                              const QByteArray& conditionB, qint64 sinceB)
{
    const QByteArray text = "SELECT coalesce(sum(CASE WHEN time_ms >= ? AND (" + conditionA +
                            ") THEN 1 ELSE 0 END), 0), coalesce(sum(CASE WHEN time_ms >= ? AND (" + conditionB +
                            ") THEN 1 ELSE 0 END), 0), count(*), coalesce(min(time_ms), 0) FROM (SELECT time_ms, "
                            "action, outcome FROM audit_events ORDER BY seq DESC LIMIT ?);";
    auto s = store::sql::query(db, text.constData(), sinceA, sinceB, qint64(kRecentAuditEvents));
    if (!s)
        return s.error();
    auto row = s.value().step();
    if (!row)
        return row.error();
    RecentCounts c;
    if (row.value()) {
        c.a = s.value().int64(0);
        c.b = s.value().int64(1);
        c.complete = s.value().int64(2) < kRecentAuditEvents || s.value().int64(3) < std::min(sinceA, sinceB);
    }
    return c;
}

inline ControlResult make(Status status, const QString& summary, QList<Evidence> evidence = {})
{
    ControlResult r;
    r.status = status;
    r.summary = summary;
    r.evidence = std::move(evidence);
    return r;
}

// A check that could not read what it measures fails, saying why.
inline ControlResult unmeasurable(const Error& error)
{
    return make(Status::Fail, QStringLiteral("could not be measured: %1").arg(error.message));
}

// "3 days", "5 h", "12 min"
inline QString duration(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s >= 2 * 86400)
        return QStringLiteral("%1 days").arg(s / 86400);
    if (s >= 3600)
        return QStringLiteral("%1 h").arg(s / 3600);
    if (s >= 60)
        return QStringLiteral("%1 min").arg(s / 60);
    return QStringLiteral("%1 s").arg(s);
}

// At most `max` items, then how many more.
inline QString listed(const QStringList& items, int max = 10)
{
    if (items.size() <= max)
        return items.join(QStringLiteral(", "));
    return items.mid(0, max).join(QStringLiteral(", ")) + QStringLiteral(" (+%1 more)").arg(items.size() - max);
}

inline QString tenantLabel(const QString& tenantName)
{
    return tenantName.isEmpty() ? QStringLiteral("platform") : tenantName;
}

} // namespace gatehouse::boundaries::detail
