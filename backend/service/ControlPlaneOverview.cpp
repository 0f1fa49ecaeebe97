// The console's overview: what needs attention, counted in the store, each figure only for those who may read
// what it counts.
#include "ControlPlane.h"
#include "ControlPlaneInternals.h"

#include "store/Sql.h"

namespace gatehouse::service {

using authz::Permission;
using authz::PermissionSet;

namespace {

constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;

} // namespace

Result<QList<ScopeSummary>> ControlPlane::summarize(const Caller& caller, const QString& tenantId)
{
    const bool platform = tenantId.isEmpty();
    Operation op{platform ? QStringLiteral("overview.platform") : QStringLiteral("overview.tenant"),
                 platform ? Permission::TenantsRead : Permission::WorkspacesRead,
                 tenantId,
                 {},
                 platform ? QStringLiteral("platform") : QStringLiteral("tenant"),
                 tenantId};
    op.readOnly = true;
    return perform<QList<ScopeSummary>>(caller, op, [&](Context& ctx, QList<ScopeSummary>& out) -> Result<void> {
        auto count = [this](const char* text, const auto&... args) -> Result<qint64> {
            auto s = sql::query(m_db, text, args...);
            if (!s)
                return s.error();
            auto row = s.value().step();
            if (!row)
                return row.error();
            return s.value().int64(0);
        };
        const bool system = ctx.principal.kind == Principal::Kind::System;
        auto may = [&](Permission p, const QString& scope) {
            return system || m_authorizer.decide(ctx.principal.id, p, scope, {}).allowed;
        };
        // Those who may manage people, access or settings: a second factor is expected of them.
        const PermissionSet administrative{Permission::UsersWrite, Permission::BindingsWrite, Permission::RolesWrite,
                                           Permission::SettingsWrite, Permission::TenantsWrite};
        auto people = [&](ScopeSummary& row, const QString& scope) -> Result<void> {
            auto users = count("SELECT count(*) FROM users WHERE tenant_id = ?;", scope);
            auto locked = count("SELECT count(*) FROM users WHERE tenant_id = ? AND (status = 'locked' OR "
                                "locked_until > ?);",
                                scope, ctx.now);
            if (!users || !locked)
                return !users ? users.error() : locked.error();
            row.users = users.value();
            row.lockedUsers = locked.value();
            auto s = sql::query(m_db,
                                "SELECT id FROM users WHERE tenant_id = ? AND totp_secret IS NULL AND "
                                "status != 'disabled';",
                                scope);
            if (!s)
                return s.error();
            row.administratorsWithoutMfa = 0;
            while (s.value().step().value()) {
                const PermissionSet held = m_authorizer.effective(s.value().text(0), scope, {});
                if (!(held - (held - administrative)).isEmpty())
                    ++row.administratorsWithoutMfa;
            }
            return {};
        };
        auto signIns = [&](ScopeSummary& row, const QString& scope) -> Result<void> {
            // Through the audit index: the log has no index but its key.
            audit::AuditQuery q;
            q.platform = scope.isEmpty();
            q.tenantId = scope;
            q.fromMs = ctx.now - kDayMs;
            q.actionPrefix = QStringLiteral("auth.signin");
            auto buckets = m_audit.histogram(q, 2 * kDayMs);
            if (!buckets)
                return buckets.error();
            row.failedSignIns = 0;
            for (const audit::HistogramBucket& b : buckets.value())
                row.failedSignIns += b.denied + b.error;
            return {};
        };
        auto secrets = [&](ScopeSummary& row, const QString& scope) -> Result<void> {
            auto all = count("SELECT count(*) FROM secrets WHERE tenant_id = ? AND deleted_at = 0;", scope);
            auto overdue = count("SELECT count(*) FROM secrets WHERE tenant_id = ? AND deleted_at = 0 AND "
                                 "((next_rotation_at > 0 AND next_rotation_at <= ?) OR "
                                 "(expires_at > 0 AND expires_at <= ?));",
                                 scope, ctx.now, ctx.now);
            auto soon = count("SELECT count(*) FROM secrets WHERE tenant_id = ? AND deleted_at = 0 AND "
                              "((next_rotation_at > 0 AND next_rotation_at <= ?) OR "
                              "(expires_at > 0 AND expires_at <= ?));",
                              scope, ctx.now + 7 * kDayMs, ctx.now + 7 * kDayMs);
            if (!all || !overdue || !soon)
                return !all ? all.error() : (!overdue ? overdue.error() : soon.error());
            row.secrets = all.value();
            row.secretsOverdue = overdue.value();
            row.secretsDueSoon = soon.value() - overdue.value();
            return {};
        };

        if (!platform) {
            auto tenant = loadTenant(tenantId);
            if (!tenant)
                return tenant.error();
            ScopeSummary row;
            row.tenantId = tenantId;
            row.name = tenant.value().name;
            row.displayName = tenant.value().displayName;
            row.status = tenant.value().status;
            auto ws = count("SELECT count(*) FROM workspaces WHERE tenant_id = ?;", tenantId);
            if (!ws)
                return ws.error();
            row.workspaces = ws.value();
            if (may(Permission::UsersRead, tenantId))
                if (auto r = people(row, tenantId); !r)
                    return r;
            if (may(Permission::SecretsRead, tenantId))
                if (auto r = secrets(row, tenantId); !r)
                    return r;
            if (may(Permission::AuditRead, tenantId))
                if (auto r = signIns(row, tenantId); !r)
                    return r;
            out << row;
            return {};
        }

        // The platform: counts per tenant (what metrics.read shows in total), and its own administrators.
        auto s = sql::query(m_db, "SELECT id, name, display_name, status FROM tenants WHERE id != '' ORDER BY name;");
        if (!s)
            return s.error();
        while (s.value().step().value()) {
            ScopeSummary row;
            row.tenantId = s.value().text(0);
            row.name = s.value().text(1);
            row.displayName = s.value().text(2);
            row.status = s.value().text(3);
            out << row;
        }
        for (ScopeSummary& row : out) {
            auto ws = count("SELECT count(*) FROM workspaces WHERE tenant_id = ?;", row.tenantId);
            auto users = count("SELECT count(*) FROM users WHERE tenant_id = ?;", row.tenantId);
            auto all = count("SELECT count(*) FROM secrets WHERE tenant_id = ? AND deleted_at = 0;", row.tenantId);
            if (!ws || !users || !all)
                return !ws ? ws.error() : (!users ? users.error() : all.error());
            row.workspaces = ws.value();
            row.users = users.value();
            row.secrets = all.value();
        }
        ScopeSummary own;
        own.status = QStringLiteral("active");
        if (may(Permission::UsersRead, {}))
            if (auto r = people(own, {}); !r)
                return r;
        if (may(Permission::AuditRead, {}))
            if (auto r = signIns(own, {}); !r)
                return r;
        out.prepend(own);
        return {};
    });
}

} // namespace gatehouse::service
