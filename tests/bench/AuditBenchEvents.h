#pragma once

#include "audit/AuditEvent.h"

#include <QRandomGenerator>

// The synthetic events both audit benchmarks write: 10 tenants, 1,000 actors, a dozen actions, mostly
// successes, 1 in 50 carrying the word "needle" for the full-text query. Deterministic for a given seed.
namespace gatehouse::bench {

inline audit::AuditEvent syntheticEvent(QRandomGenerator& rng, qint64 timeMs)
{
    static const char* const actions[] = {"user.create",  "user.lock",        "user.update",    "workspace.rename",
                                          "secret.read",  "secret.reveal",    "binding.create", "auth.signin",
                                          "auth.signout", "integration.lock", "token.issue",    "role.update"};
    static const char* const outcomes[] = {"success", "success", "success", "success", "success",
                                           "success", "success", "denied",  "error",   "success"};
    audit::AuditEvent e;
    e.timeMs = timeMs;
    e.tenantId = QStringLiteral("ten_%1").arg(rng.bounded(10));
    e.workspaceId = QStringLiteral("wsp_%1").arg(rng.bounded(50));
    e.actorKind = QStringLiteral("user");
    const int actor = int(rng.bounded(1000));
    e.actorId = QStringLiteral("usr_%1").arg(actor);
    e.actorName = QStringLiteral("person%1").arg(actor);
    e.action = QLatin1String(actions[rng.bounded(12)]);
    e.targetKind = QStringLiteral("user");
    e.targetId = QStringLiteral("usr_%1").arg(rng.bounded(1000));
    e.outcome = QLatin1String(outcomes[rng.bounded(10)]);
    e.reason = e.outcome == QLatin1String("success") ? QStringLiteral("ok") : QStringLiteral("forbidden");
    e.source = QStringLiteral("api");
    e.address = QStringLiteral("10.0.%1.%2").arg(rng.bounded(256)).arg(rng.bounded(256));
    e.requestId = QStringLiteral("req-%1").arg(rng.generate());
    e.details = {{QStringLiteral("name"), QStringLiteral("object %1").arg(rng.bounded(100000))},
                 {QStringLiteral("note"),
                  rng.bounded(50) == 0 ? QStringLiteral("needle in the haystack") : QStringLiteral("routine change")}};
    return e;
}

} // namespace gatehouse::bench
