// The audit trail's read side, its verification, exports, live follow and retention.
#include "ControlPlaneInternals.h"

#include "crypto/Ed25519.h"
#include "store/Transaction.h"

#include <QIODevice>

namespace gatehouse::service {

using authz::Permission;

namespace {

audit::AuditQuery scoped(const audit::AuditQuery& query)
{
    audit::AuditQuery q = query;
    q.platform = q.platform || q.tenantId.isEmpty();
    if (q.platform)
        q.tenantId.clear();
    q.allScopes = false; // only an export spans every scope
    return q;
}

} // namespace

Result<void> ControlPlane::setAuditCheckpointPolicy(const audit::AuditLog::CheckpointPolicy& policy)
{
    QMutexLocker lock(&m_mutex);
    if (auto r = flushReadsLocked(); !r)
        return r;
    auto tx = store::Transaction::begin(m_db, store::Transaction::Mode::Immediate);
    if (!tx)
        return tx.error();
    if (auto r = m_audit.setCheckpointPolicy(policy, m_clock.nowMs()); !r)
        return r;
    return tx.value().commit();
}

Result<audit::Checkpoint> ControlPlane::checkpointAudit(const Caller& caller)
{
    Operation op{QStringLiteral("audit.checkpoint"), Permission::AuditManage, {}, {}, QStringLiteral("audit")};
    op.mutates = true;
    return perform<audit::Checkpoint>(caller, op, [&](Context& ctx, audit::Checkpoint& out) -> Result<void> {
        // Signed with this call's own event, so the checkpoint covers the record of who asked for it.
        m_audit.signWithNextAppend();
        ctx.onCommit.push_back([this, &out] {
            if (auto c = m_audit.lastCheckpoint(); c && c.value())
                out = *c.value();
        });
        return {};
    });
}

Result<audit::Checkpoint> ControlPlane::latestCheckpoint(const Caller& caller)
{
    Operation op{QStringLiteral("audit.checkpoint.latest"), Permission::AuditRead, {}, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<audit::Checkpoint>(caller, op, [&](Context&, audit::Checkpoint& out) -> Result<void> {
        auto newest = m_audit.lastCheckpoint();
        if (!newest)
            return newest.error();
        if (newest.value())
            out = *newest.value();
        return {};
    });
}

Result<audit::AuditPage> ControlPlane::searchAudit(const Caller& caller, const audit::AuditQuery& query)
{
    const audit::AuditQuery q = scoped(query);
    Operation op{QStringLiteral("audit.search"), Permission::AuditRead, q.tenantId, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<audit::AuditPage>(caller, op, [&](Context& ctx, audit::AuditPage& out) -> Result<void> {
        // Who looked, and with which filter, is itself part of the trail.
        ctx.details = q.toJson();
        auto page = m_audit.search(q);
        if (!page)
            return page.error();
        out = page.value();
        ctx.details.insert(QStringLiteral("returned"), out.events.size());
        return {};
    });
}

Result<QList<audit::HistogramBucket>> ControlPlane::auditHistogram(const Caller& caller, const audit::AuditQuery& query,
                                                                   qint64 bucketMs)
{
    const audit::AuditQuery q = scoped(query);
    Operation op{QStringLiteral("audit.histogram"), Permission::AuditRead, q.tenantId, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<QList<audit::HistogramBucket>>(
        caller, op, [&](Context& ctx, QList<audit::HistogramBucket>& out) -> Result<void> {
            ctx.details = q.toJson();
            ctx.details.insert(QStringLiteral("bucket_ms"), bucketMs);
            auto buckets = m_audit.histogram(q, bucketMs);
            if (!buckets)
                return buckets.error();
            out = buckets.value();
            return {};
        });
}

namespace {

// What a verification found, for its audit event.
void addVerifyDetails(QJsonObject& details, const audit::VerifyReport& report)
{
    details.insert(QStringLiteral("intact"), report.intact);
    details.insert(QStringLiteral("events_checked"), report.eventsChecked);
    details.insert(QStringLiteral("checkpoints_checked"), report.checkpointsChecked);
    if (!report.complete)
        details.insert(QStringLiteral("complete"), false); // stopped before the end (cancelled)
    if (!report.intact) {
        details.insert(QStringLiteral("first_bad_seq"), report.firstBadSeq);
        details.insert(QStringLiteral("problem"), report.problem);
    }
}

} // namespace

Result<audit::VerifyReport> ControlPlane::verifyAudit(const Caller& caller, bool incremental)
{
    Operation op{QStringLiteral("audit.verify"), Permission::AuditRead, {}, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<audit::VerifyReport>(caller, op, [&](Context& ctx, audit::VerifyReport& out) -> Result<void> {
        auto report = m_audit.verify(incremental);
        if (!report)
            return report.error();
        out = report.value();
        if (!incremental && m_index) {
            // The index can only point searches at events (each is read and matched again from the log), so a
            // damaged or altered one could hide events from a search, never change them: compared here, and
            // rebuilt when it differs.
            auto consistency = m_index->check();
            if (!consistency)
                return consistency.error();
            const auto& c = consistency.value();
            out.indexChecked = c.checked;
            out.indexProblems = c.missing + c.altered;
            out.indexFirstBadSeq = c.firstBadSeq;
            if (!c.consistent()) {
                const QString note =
                    QStringLiteral("the audit index differed from the log at %1 events (%2 missing, %3 altered; the "
                                   "first at seq %4), so searches could have missed them; it is being rebuilt from "
                                   "the log")
                        .arg(out.indexProblems)
                        .arg(c.missing)
                        .arg(c.altered)
                        .arg(c.firstBadSeq);
                out.warning = out.warning.isEmpty() ? note : out.warning + QStringLiteral("; ") + note;
                m_index->requestRebuild();
            }
        }
        ctx.details = {{QStringLiteral("incremental"), incremental}};
        addVerifyDetails(ctx.details, out);
        if (out.indexChecked)
            ctx.details.insert(QStringLiteral("index_problems"), out.indexProblems);
        return {};
    });
}

Result<audit::VerifyReport> ControlPlane::verifyAuditRange(const Caller& caller, qint64 fromSeq, qint64 toSeq,
                                                           const std::function<bool(qint64)>& proceed)
{
    // The same action and permission as the whole chain's verification; the event names the range.
    Operation op{QStringLiteral("audit.verify"), Permission::AuditRead, {}, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<audit::VerifyReport>(caller, op, [&](Context& ctx, audit::VerifyReport& out) -> Result<void> {
        ctx.details = {{QStringLiteral("from_seq"), fromSeq}, {QStringLiteral("to_seq"), toSeq}};
        auto report = m_audit.verifyRange(fromSeq, toSeq, proceed);
        if (!report)
            return report.error();
        out = report.value();
        addVerifyDetails(ctx.details, out);
        return {};
    });
}

Result<qint64> ControlPlane::exportAudit(const Caller& caller, const audit::AuditQuery& query,
                                         audit::ExportFormat format, QIODevice& out, const audit::Progress& progress)
{
    audit::AuditQuery q = scoped(query);
    // At platform scope (audit.export held at the platform, checked below like any platform operation) an
    // export holds every tenant's events as well as the platform's: what a platform reviewer asks for.
    q.allScopes = q.platform;
    qint64 count = 0;
    Operation op{QStringLiteral("audit.export"), Permission::AuditExport, q.tenantId, {}, QStringLiteral("audit")};
    op.readOnly = true;
    auto r = execute(caller, op, [&](Context& ctx) -> Result<void> {
        static const char* const names[] = {"jsonl", "csv", "cef", "ocsf"};
        ctx.details = q.toJson();
        ctx.details.insert(QStringLiteral("format"), QLatin1String(names[int(format)]));
        auto n = audit::exportEvents(m_audit, q, format, out, progress);
        if (!n)
            return n.error();
        count = n.value();
        ctx.details.insert(QStringLiteral("events"), count);
        return {};
    });
    if (!r)
        return r.error();
    return count;
}

Result<audit::BundleSummary> ControlPlane::exportAuditBundle(const Caller& caller, const QString& directory,
                                                             const audit::Progress& progress)
{
    Operation op{QStringLiteral("audit.export"), Permission::AuditExport, {}, {}, QStringLiteral("audit")};
    return perform<audit::BundleSummary>(caller, op, [&](Context& ctx, audit::BundleSummary& out) -> Result<void> {
        ctx.details = {{QStringLiteral("format"), QStringLiteral("bundle")}, {QStringLiteral("directory"), directory}};
        // Sign the head first, so the bundle ends on a signature.
        if (auto c = m_audit.checkpoint(ctx.now); !c)
            return c.error();
        auto summary =
            audit::writeBundle(m_audit, crypto::ed25519::publicKeyPem(m_audit.publicKey()), directory, progress);
        if (!summary)
            return summary.error();
        out = summary.value();
        ctx.details.insert(QStringLiteral("events"), out.events);
        ctx.details.insert(QStringLiteral("last_seq"), out.lastSeq);
        return {};
    });
}

Result<std::shared_ptr<audit::AuditSubscription>> ControlPlane::followAudit(const Caller& caller,
                                                                            const QString& tenantId, qint64 afterSeq,
                                                                            std::function<void()> notify, int maxQueued)
{
    Operation op{QStringLiteral("audit.follow"), Permission::AuditRead, tenantId, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<std::shared_ptr<audit::AuditSubscription>>(
        caller, op, [&](Context& ctx, std::shared_ptr<audit::AuditSubscription>& out) -> Result<void> {
            ctx.details = {{QStringLiteral("after_seq"), afterSeq}};
            audit::FeedScope scope;
            scope.kind = tenantId.isEmpty() ? audit::FeedScope::Kind::Platform : audit::FeedScope::Kind::Tenant;
            scope.tenantId = tenantId;
            out = m_feed.subscribe(afterSeq, scope, std::move(notify), maxQueued);
            return {};
        });
}

void ControlPlane::unfollowAudit(const std::shared_ptr<audit::AuditSubscription>& subscription)
{
    m_feed.unsubscribe(subscription);
}

Result<QByteArray> ControlPlane::auditPublicKeyPem(const Caller& caller)
{
    Operation op{QStringLiteral("audit.public-key"), kNoPermission, {}, {}, QStringLiteral("audit")};
    // The public key is public: anyone signed in may fetch it to verify an export.
    op.selfService = true;
    op.readOnly = true;
    return perform<QByteArray>(caller, op, [&](Context&, QByteArray& out) -> Result<void> {
        out = crypto::ed25519::publicKeyPem(m_audit.publicKey());
        return {};
    });
}

Result<audit::RetentionPolicy> ControlPlane::auditRetention(const Caller& caller)
{
    Operation op{QStringLiteral("audit.retention.read"), Permission::AuditManage, {}, {}, QStringLiteral("audit")};
    op.readOnly = true;
    return perform<audit::RetentionPolicy>(caller, op, [&](Context&, audit::RetentionPolicy& out) -> Result<void> {
        auto p = m_audit.retention();
        if (!p)
            return p.error();
        out = p.value();
        return {};
    });
}

Result<audit::RetentionPolicy> ControlPlane::setAuditRetention(const Caller& caller,
                                                               const audit::RetentionPolicy& policy)
{
    Operation op{QStringLiteral("audit.retention.update"), Permission::AuditManage, {}, {}, QStringLiteral("audit")};
    op.mutates = true;
    auto r = execute(caller, op, [&](Context& ctx) -> Result<void> {
        ctx.details = {{QStringLiteral("keep_days"), policy.keepDays},
                       {QStringLiteral("keep_events"), policy.keepEvents}};
        if (policy.keepDays < 0 || policy.keepEvents < 0 || (policy.keepEvents > 0 && policy.keepEvents < 1000))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("keep at least 1000 events (or 0 for no count limit) and a non-negative "
                                            "number of days"));
        return m_audit.setRetention(policy);
    });
    if (!r)
        return r.error();
    return policy;
}

Result<qint64> ControlPlane::pruneAudit(const Caller& caller, const QString& bundleDirectory)
{
    qint64 removed = 0;
    Operation op{QStringLiteral("audit.prune"), Permission::AuditManage, {}, {}, QStringLiteral("audit")};
    op.mutates = true;
    auto r = execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto policy = m_audit.retention();
        if (!policy)
            return policy.error();
        ctx.details = {{QStringLiteral("keep_days"), policy.value().keepDays},
                       {QStringLiteral("keep_events"), policy.value().keepEvents}};
        if (!bundleDirectory.isEmpty()) {
            // Export before prune: everything, signed, before anything goes.
            if (auto c = m_audit.checkpoint(ctx.now); !c)
                return c.error();
            auto bundle =
                audit::writeBundle(m_audit, crypto::ed25519::publicKeyPem(m_audit.publicKey()), bundleDirectory, {});
            if (!bundle)
                return bundle.error();
            ctx.details.insert(QStringLiteral("bundle"), bundle.value().directory);
        }
        auto n = m_audit.prune(policy.value(), ctx.now);
        if (!n)
            return n.error();
        removed = n.value();
        ctx.details.insert(QStringLiteral("removed"), removed);
        return {};
    });
    if (!r)
        return r.error();
    return removed;
}

} // namespace gatehouse::service
