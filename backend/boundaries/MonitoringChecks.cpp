#include "CheckSupport.h"

namespace gatehouse::boundaries {

using namespace detail;
namespace sql = store::sql;

ControlResult checkAuditChain(CheckInput& in)
{
    // Incremental and bounded: each check verifies the events since the last verified point, at most
    // kAuditVerifyChunk of them, so a check after a long gap costs no more than any other.
    auto report = in.audit.verify(true, thresholds::kAuditVerifyChunk);
    if (!report)
        return unmeasurable(report.error());
    const audit::VerifyReport& r = report.value();
    QList<Evidence> ev{{QStringLiteral("verified_from_seq"), QString::number(r.fromSeq)},
                       {QStringLiteral("verified_to_seq"), QString::number(r.toSeq)},
                       {QStringLiteral("events_checked"), QString::number(r.eventsChecked)},
                       {QStringLiteral("checkpoints_checked"), QString::number(r.checkpointsChecked)},
                       {QStringLiteral("mode"), QStringLiteral("incremental, from the last verified point")}};
    if (!r.intact) {
        ev.append({QStringLiteral("first_bad_seq"), QString::number(r.firstBadSeq)});
        ev.append({QStringLiteral("problem"), r.problem});
        return make(Status::Fail,
                    QStringLiteral("the audit chain is broken at event %1 (%2)").arg(r.firstBadSeq).arg(r.problem), ev);
    }
    if (!r.warning.isEmpty()) {
        // Beyond the checkpoint policy at the end of the log: a stop without signing, or checkpoints removed.
        ev.append({QStringLiteral("unsigned_tail_events"), QString::number(r.unsignedTailEvents)});
        ev.append({QStringLiteral("unsigned_tail_span"), duration(r.unsignedTailMs)});
        return make(Status::Warn,
                    QStringLiteral("audit chain intact up to event %1, but %2").arg(r.toSeq).arg(r.warning), ev);
    }
    if (!r.complete) {
        auto last = in.audit.lastSeq();
        const qint64 waiting = last ? last.value() - r.toSeq : 0;
        ev.append({QStringLiteral("events_not_yet_verified"), QString::number(waiting)});
        return make(Status::Warn,
                    QStringLiteral("audit chain intact through event %1; %2 newer events are not verified yet (each "
                                   "check verifies up to %3 more; `gatehoused audit verify` checks them all)")
                        .arg(r.toSeq)
                        .arg(waiting)
                        .arg(thresholds::kAuditVerifyChunk),
                    ev);
    }
    return make(
        Status::Pass,
        QStringLiteral("audit chain intact up to event %1 (%2 events checked now)").arg(r.toSeq).arg(r.eventsChecked),
        ev);
}

// Checkpoints are signed as events are appended (every N events or after an interval). Events that have waited
// for a signature longer than twice the interval, or more than twice N unsigned events, mean signing lags.
ControlResult checkCheckpointAge(CheckInput& in)
{
    auto last = in.audit.lastSeq();
    if (!last)
        return unmeasurable(last.error());
    auto cp = sql::all(
        in.db,
        [](const store::Statement& s) {
            return std::pair{s.int64(0), s.int64(1)};
        },
        "SELECT seq, time_ms FROM audit_checkpoints ORDER BY seq DESC, id DESC LIMIT 1;");
    if (!cp)
        return unmeasurable(cp.error());
    const qint64 signedSeq = cp.value().isEmpty() ? 0 : cp.value().first().first;
    const qint64 unsignedEvents = std::max<qint64>(0, last.value() - signedSeq);
    auto firstUnsigned =
        scalar(in.db, "SELECT time_ms FROM audit_events WHERE seq > ? ORDER BY seq LIMIT 1;", signedSeq);
    if (!firstUnsigned)
        return unmeasurable(firstUnsigned.error());
    const qint64 waited = unsignedEvents > 0 ? in.nowMs - firstUnsigned.value() : 0;
    const auto& policy = in.checkpointPolicy;
    QList<Evidence> ev{
        {QStringLiteral("newest_checkpoint_seq"), QString::number(signedSeq)},
        {QStringLiteral("newest_checkpoint_age"),
         cp.value().isEmpty() ? QStringLiteral("none yet") : duration(in.nowMs - cp.value().first().second)},
        {QStringLiteral("events_after_it"), QString::number(unsignedEvents)},
        {QStringLiteral("oldest_unsigned_event_waited"), duration(waited)},
        {QStringLiteral("policy"),
         QStringLiteral("every %1 events or %2").arg(policy.everyEvents).arg(duration(policy.intervalMs))},
    };
    if (unsignedEvents > 2LL * policy.everyEvents)
        return make(Status::Fail,
                    QStringLiteral("%1 events are not covered by a signed checkpoint").arg(unsignedEvents), ev);
    if (unsignedEvents > 0 && waited > 2 * policy.intervalMs)
        return make(Status::Warn,
                    QStringLiteral("%1 events have waited %2 for a signed checkpoint (signed with the next event)")
                        .arg(unsignedEvents)
                        .arg(duration(waited)),
                    ev);
    return make(Status::Pass,
                unsignedEvents == 0
                    ? QStringLiteral("every event is covered by a signed checkpoint")
                    : QStringLiteral("%1 newest events await the next checkpoint (within policy)").arg(unsignedEvents),
                ev);
}

ControlResult checkAuditRetention(CheckInput& in)
{
    auto policy = in.audit.retention();
    auto first = in.audit.firstSeq();
    auto count = in.audit.count();
    if (!policy || !first || !count)
        return unmeasurable(!policy ? policy.error() : !first ? first.error() : count.error());
    const audit::RetentionPolicy& p = policy.value();
    QList<Evidence> ev{
        {QStringLiteral("keep_days"), p.keepDays ? QString::number(p.keepDays) : QStringLiteral("no limit")},
        {QStringLiteral("keep_events"), p.keepEvents ? QString::number(p.keepEvents) : QStringLiteral("no limit")},
        {QStringLiteral("events_held"), QString::number(count.value())},
        {QStringLiteral("oldest_seq_held"), QString::number(first.value())}};
    if (p.keepDays == 0 && p.keepEvents == 0)
        return make(Status::Warn,
                    QStringLiteral("no retention policy: the audit trail grows without bound; set one "
                                   "(gatehoused audit prune --keep-days N)"),
                    ev);
    return make(Status::Pass, QStringLiteral("retention policy set"), ev);
}

ControlResult checkAuditIndex(CheckInput& in)
{
    QList<Evidence> ev{{QStringLiteral("index_open"), in.auditIndexOpen ? QStringLiteral("yes") : QStringLiteral("no")},
                       {QStringLiteral("unindexed_events"), QString::number(in.auditIndexLag)},
                       {QStringLiteral("admission_bound"), QString::number(in.auditIndexBound)}};
    if (!in.auditIndexOpen)
        return make(Status::Warn,
                    QStringLiteral("the audit index is not open: searches read the whole log (complete, but slower "
                                   "as it grows); see the log for why, or delete audit-index.db to have it rebuilt"),
                    ev);
    if (in.auditIndexBuilding)
        return make(Status::Warn,
                    QStringLiteral("the audit index is being built (%1 events to go); searches read the log for "
                                   "what it does not cover yet")
                        .arg(in.auditIndexLag),
                    ev);
    if (in.auditIndexBound > 0 && in.auditIndexLag > in.auditIndexBound)
        return make(Status::Fail,
                    QStringLiteral("the audit index is %1 events behind the log, beyond %2: calls wait for it, and "
                                   "searches scan that many events")
                        .arg(in.auditIndexLag)
                        .arg(in.auditIndexBound),
                    ev);
    if (in.auditIndexBound > 0 && in.auditIndexLag > in.auditIndexBound / 10)
        return make(Status::Warn,
                    QStringLiteral("the audit index is %1 events behind the log: events arrive faster than it takes "
                                   "them")
                        .arg(in.auditIndexLag),
                    ev);
    return make(Status::Pass,
                QStringLiteral("the audit index follows the log (%1 events behind; searches scan those in the log)")
                    .arg(in.auditIndexLag),
                ev);
}

ControlResult checkLiveFollow(CheckInput& in)
{
    QList<Evidence> ev{
        {QStringLiteral("audit_writable"), in.auditAvailable ? QStringLiteral("yes") : QStringLiteral("no")},
        {QStringLiteral("live_followers"), QString::number(in.auditFollowers)},
        {QStringLiteral("follow_paths"),
         QStringLiteral("console live view; GET /api/v1/audit/stream (Server-Sent Events)")}};
    if (!in.auditAvailable)
        return make(Status::Fail,
                    QStringLiteral("audit events cannot be written: changes are refused and nothing new can be "
                                   "followed"),
                    ev);
    return make(Status::Pass,
                QStringLiteral("events are written and published to followers as they commit (%1 following now)")
                    .arg(in.auditFollowers),
                ev);
}

} // namespace gatehouse::boundaries
