#pragma once

#include <QJsonObject>
#include <QString>

namespace gatehouse::audit {

// What a reviewer asks the audit trail. Every filter is optional except the scope: one tenant's events, the
// platform's, or (exports at platform scope) all of them. Results come newest first, a page at a time; `beforeSeq` is
// the keyset cursor (the smallest seq of the previous page), so paging stays correct while new events arrive.
struct AuditQuery
{
    bool platform = false;
    // With `platform`: every scope, the platform's events and every tenant's (a platform reviewer's export).
    bool allScopes = false;
    QString tenantId;
    qint64 fromMs = 0; // inclusive; 0 = open
    qint64 toMs = 0;   // exclusive; 0 = open
    QString workspaceId;
    QString actor;        // actor id ("usr_...", "int_...", "system") or actor name
    QString actionPrefix; // "user." matches user.create, user.lock, ...
    QString outcome;      // success, denied, error
    QString targetId;
    QString address;
    QString requestId; // every event of one request
    QString text;      // full text over action, actor name, target and details (words, all must match)
    qint64 beforeSeq = 0;
    int limit = 100;

    // The filter itself, for the audit event that records who looked.
    QJsonObject toJson() const
    {
        QJsonObject o;
        auto put = [&o](const char* k, const QString& v) {
            if (!v.isEmpty())
                o.insert(QLatin1String(k), v);
        };
        o.insert(QStringLiteral("scope"),
                 platform ? (allScopes ? QStringLiteral("all") : QStringLiteral("platform")) : tenantId);
        if (fromMs)
            o.insert(QStringLiteral("from_ms"), fromMs);
        if (toMs)
            o.insert(QStringLiteral("to_ms"), toMs);
        put("workspace_id", workspaceId);
        put("actor", actor);
        put("action_prefix", actionPrefix);
        put("outcome", outcome);
        put("target_id", targetId);
        put("address", address);
        put("request_id", requestId);
        put("text", text);
        if (beforeSeq)
            o.insert(QStringLiteral("before_seq"), beforeSeq);
        return o;
    }
};

struct HistogramBucket
{
    qint64 startMs = 0;
    qint64 count = 0;
};

} // namespace gatehouse::audit
