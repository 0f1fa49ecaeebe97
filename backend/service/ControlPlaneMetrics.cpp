#include "ControlPlane.h"
#include "ControlPlaneInternals.h"

#include "forward/ForwardState.h"
#include "store/Sql.h"

namespace gatehouse::service {

using authz::Permission;

Result<QList<MetricSample>> ControlPlane::readMetrics(const Caller& caller)
{
    Operation op{QStringLiteral("metrics.read"), Permission::MetricsRead, {}, {}, QStringLiteral("metrics")};
    op.readOnly = true;
    return perform<QList<MetricSample>>(caller, op, [&](Context& ctx, QList<MetricSample>& out) -> Result<void> {
        auto count = [this](const char* text, qint64 now = 0) -> Result<qint64> {
            auto s = now ? store::sql::query(m_db, text, now) : store::sql::query(m_db, text);
            if (!s)
                return s.error();
            auto row = s.value().step();
            if (!row)
                return row.error();
            return s.value().int64(0);
        };
        struct Figure
        {
            const char* name;
            const char* help;
            const char* sql;
            bool withNow;
        };
        static const Figure figures[] = {
            {"gatehouse_tenants", "Tenants on the platform.", "SELECT count(*) FROM tenants", false},
            {"gatehouse_workspaces", "Workspaces of all tenants.", "SELECT count(*) FROM workspaces", false},
            {"gatehouse_users", "User accounts, platform administrators included.", "SELECT count(*) FROM users",
             false},
            {"gatehouse_integrations", "Integrations of all tenants.", "SELECT count(*) FROM integrations", false},
            {"gatehouse_active_sessions", "Sessions neither ended nor expired.",
             "SELECT count(*) FROM sessions WHERE ended_at IS NULL AND expires_at > ?", true},
            {"gatehouse_secrets", "Secrets not deleted.", "SELECT count(*) FROM secrets WHERE deleted_at = 0", false},
        };
        for (const Figure& f : figures) {
            auto n = count(f.sql, f.withNow ? ctx.now : 0);
            if (!n)
                return n.error();
            out.append({f.name, f.help, "gauge", n.value()});
        }
        auto seq = m_audit.lastSeq();
        if (!seq)
            return seq.error();
        out.append({"gatehouse_audit_last_seq", "Sequence number of the newest audit event.", "counter", seq.value()});
        out.append({"gatehouse_audit_available", "1 while audit events can be written (changes are accepted).", "gauge",
                    m_auditAvailable.load() ? 1 : 0});
        out.append(
            {"gatehouse_audit_followers", "Live followers of the audit trail.", "gauge", m_feed.subscriberCount()});
        out.append({"gatehouse_audit_index_available",
                    "1 while the audit index is open (without it, searches read the whole log).", "gauge",
                    m_index ? 1 : 0});
        if (m_index) {
            out.append({"gatehouse_audit_index_lag_events",
                        "Audit events not yet in the search index (searches scan them in the log).", "gauge",
                        std::max<qint64>(0, seq.value() - m_index->indexedSeq())});
            out.append({"gatehouse_audit_index_lag_bound",
                        "Unindexed audit events beyond which calls wait for the indexer.", "gauge",
                        kIndexAdmissionBound});
            out.append({"gatehouse_audit_index_rebuilds_total", "Times the audit index was dropped and built again.",
                        "counter", m_index->stats().rebuilds});
        }
        auto forwarding = forward::readStatus(m_store, nullptr, ctx.now);
        if (!forwarding)
            return forwarding.error();
        qint64 destinations = 0, connected = 0, alarmed = 0, lagEvents = 0, lagMs = 0;
        for (const forward::DestinationStatus& d : forwarding.value()) {
            if (!d.destination.enabled)
                continue;
            ++destinations;
            connected += d.connected ? 1 : 0;
            alarmed += d.alarmed ? 1 : 0;
            lagEvents = std::max(lagEvents, d.lagEvents);
            lagMs = std::max(lagMs, d.lagMs);
        }
        out.append({"gatehouse_forward_destinations", "Enabled audit forwarding destinations.", "gauge", destinations});
        out.append({"gatehouse_forward_connected", "Forwarding destinations connected now.", "gauge", connected});
        out.append({"gatehouse_forward_lag_events",
                    "Audit events not yet taken by the forwarding destination furthest behind.", "gauge", lagEvents});
        out.append({"gatehouse_forward_lag_seconds",
                    "How long the oldest event not yet taken by a forwarding destination has waited.", "gauge",
                    lagMs / 1000});
        out.append({"gatehouse_forward_alarms", "Forwarding destinations unreachable longer than their alarm delay.",
                    "gauge", alarmed});
        return {};
    });
}

} // namespace gatehouse::service
