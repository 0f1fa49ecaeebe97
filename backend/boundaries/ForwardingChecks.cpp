#include "CheckSupport.h"

#include "forward/ForwardState.h"

namespace gatehouse::boundaries {

using namespace detail;

// Centralized logging: every event should also reach the SIEM. A destination that cannot be reached warns (the
// forwarder retries; the backlog is the log), and one unreachable beyond its alarm delay fails.
ControlResult checkForwarding(CheckInput& in)
{
    auto status = forward::readStatus(in.store, nullptr, in.nowMs);
    if (!status)
        return unmeasurable(status.error());
    QList<Evidence> ev;
    int enabled = 0, connected = 0, alarmed = 0, unreachable = 0;
    qint64 worstLag = 0, worstLagMs = 0;
    QStringList failing, warning;
    for (const forward::DestinationStatus& s : status.value()) {
        if (!s.destination.enabled)
            continue;
        ++enabled;
        const QString who = s.destination.tenantId.isEmpty()
                                ? s.destination.name
                                : QStringLiteral("%1 (tenant %2)").arg(s.destination.name, s.destination.tenantId);
        worstLag = std::max(worstLag, s.lagEvents);
        worstLagMs = std::max(worstLagMs, s.lagMs);
        if (s.connected)
            ++connected;
        const bool overdue = s.unreachableSinceMs > 0 && in.nowMs - s.unreachableSinceMs >= s.destination.alarmAfterMs;
        if (s.alarmed || overdue) {
            ++alarmed;
            failing << QStringLiteral("%1: unreachable for %2 (%3)")
                           .arg(who, duration(in.nowMs - s.unreachableSinceMs), s.lastError);
        } else if (s.unreachableSinceMs > 0) {
            ++unreachable;
            warning << QStringLiteral("%1: unreachable for %2 (%3)")
                           .arg(who, duration(in.nowMs - s.unreachableSinceMs), s.lastError);
        }
    }
    ev = {{QStringLiteral("destinations"), QString::number(enabled)},
          {QStringLiteral("connected"), QString::number(connected)},
          {QStringLiteral("unreachable"), QString::number(unreachable + alarmed)},
          {QStringLiteral("alarmed"), QString::number(alarmed)},
          {QStringLiteral("largest_lag_events"), QString::number(worstLag)},
          {QStringLiteral("largest_lag"), duration(worstLagMs)}};
    if (enabled == 0)
        return make(Status::Warn,
                    QStringLiteral("no forwarding destination: audit events stay in this store only; add the SIEM's "
                                   "collector (`gatehoused forwarding add`)"),
                    ev);
    if (!failing.isEmpty())
        return make(Status::Fail, failing.join(QStringLiteral("; ")), ev);
    if (!warning.isEmpty())
        return make(Status::Warn,
                    warning.join(QStringLiteral("; ")) + QStringLiteral("; retrying, the events wait in the log"), ev);
    return make(Status::Pass,
                QStringLiteral("%1 destination(s) take the audit trail; the largest lag is %2 events")
                    .arg(enabled)
                    .arg(worstLag),
                ev);
}

} // namespace gatehouse::boundaries
