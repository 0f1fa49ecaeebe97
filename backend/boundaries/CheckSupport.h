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
