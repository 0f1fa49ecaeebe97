// The cross-tenant self-probe (control application.tenant-isolation): a probe principal of one tenant asks the control
// plane, through its one enforcement point like any caller, for real objects of another tenant, and must be told
// "not found"; it must also read its own tenant's objects of the same kinds, or the "not found" would prove nothing.
#include "ControlPlaneInternals.h"
#include "IsolationFault.h"

#include <atomic>

namespace gatehouse::service {

using authz::Permission;
namespace bd = boundaries;

namespace testing {

namespace {
std::atomic<bool> g_userLookupIgnoresTenant{false};
} // namespace

void setUserLookupIgnoresTenant(bool on)
{
    g_userLookupIgnoresTenant.store(on);
}

bool userLookupIgnoresTenant()
{
    return g_userLookupIgnoresTenant.load(std::memory_order_relaxed);
}

} // namespace testing

namespace {

// What the probe principal may do: read the kinds it probes, never reveal a secret, never change anything.
constexpr Permission kProbeReads[] = {Permission::WorkspacesRead, Permission::UsersRead, Permission::IntegrationsRead,
                                      Permission::SecretsRead, Permission::BindingsRead};

// One object of a kind, as the store holds it: the first of its tenant.
struct Sample
{
    QString tenantId;
    bool active = false; // the tenant is not suspended: a probe principal may be of it
    QString id;
    QString workspaceId; // secrets: where it lives
    QString name;        // secrets: the name the control plane finds it by
};

// Each kind's first object per tenant (tenants in the order they were made), read straight from the store.
Result<QList<Sample>> samples(store::Database& db, const char* table)
{
    const QByteArray text = QByteArray("SELECT o.tenant_id, t.status = 'active', min(o.id) FROM ") + table +
                            " o JOIN tenants t ON t.id = o.tenant_id WHERE t.status != 'platform' GROUP BY "
                            "o.tenant_id ORDER BY t.created_at, t.id;";
    return sql::all(
        db,
        [](const store::Statement& s) {
            return Sample{s.text(0), s.int64(1) != 0, s.text(2), {}, {}};
        },
        text.constData());
}

// A result's answer as the probe records it.
template <typename T> QString outcomeOf(const Result<T>& r)
{
    if (r)
        return QStringLiteral("found");
    switch (r.error().code) {
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::Unauthenticated:
        return QStringLiteral("unauthenticated");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    default:
        return QStringLiteral("error");
    }
}

} // namespace

bool ControlPlane::probeMayRead(Permission permission)
{
    return std::find(std::begin(kProbeReads), std::end(kProbeReads), permission) != std::end(kProbeReads);
}

bool ControlPlane::mayReadBoundaries(const Caller& caller)
{
    // Only a gate, so that no caller who would be refused makes the probe run (and write its events): the decision
    // that counts, and its audit event, is execute()'s for the operation that follows.
    QMutexLocker lock(&m_mutex);
    const Authentication a = authenticate(caller, m_clock.nowMs());
    if (!a.principal)
        return false;
    const Principal& p = *a.principal;
    if (p.kind == Principal::Kind::System)
        return true;
    if (p.kind == Principal::Kind::Probe || !p.tenantId.isEmpty() || p.mfaEnrollmentOnly)
        return false;
    return m_authorizer.decide(p.id, Permission::BoundariesRead, {}, {}).allowed;
}

std::optional<bd::TenantProbeReport> ControlPlane::probeTenantIsolation(const Caller& caller)
{
    if (!mayReadBoundaries(caller))
        return std::nullopt;
    bd::TenantProbeReport report;

    // What to ask for: per kind, a probe tenant (active) holding one, and another tenant holding one.
    struct Plan
    {
        QString kind;
        Sample own, other;
    };
    QList<Plan> plans;
    {
        QMutexLocker lock(&m_mutex);
        auto tenants = sql::all(
            m_db, [](const store::Statement& s) { return s.text(0); },
            "SELECT id FROM tenants WHERE status != 'platform';");
        if (!tenants) {
            report.error = tenants.error().message;
            return report;
        }
        report.tenants = int(tenants.value().size());
        if (report.tenants < 2)
            return report;
        const auto pair = [&](const QString& kind, const QList<Sample>& found) {
            const auto own = std::find_if(found.cbegin(), found.cend(), [](const Sample& s) { return s.active; });
            const auto other =
                own == found.cend() ? found.cend() : std::find_if(found.cbegin(), found.cend(), [&](const Sample& s) {
                    return s.tenantId != own->tenantId;
                });
            if (other == found.cend())
                report.notProbed << kind;
            else
                plans.append({kind, *own, *other});
        };
        for (const auto& [kind, table] : {std::pair{"workspace", "workspaces"}, std::pair{"user", "users"},
                                          std::pair{"integration", "integrations"}, std::pair{"binding", "bindings"}}) {
            auto found = samples(m_db, table);
            if (!found) {
                report.error = found.error().message;
                return report;
            }
            pair(QLatin1String(kind), found.value());
        }
        // Secrets are found by name in a workspace: the other tenant's must have a name the probe's workspace does not
        // hold, so that finding it could only mean a lookup that ignored the scope.
        auto own = sql::all(
            m_db,
            [](const store::Statement& s) {
                return Sample{s.text(0), true, s.text(1), s.text(2), s.text(3)};
            },
            "SELECT s.tenant_id, min(s.id), s.workspace_id, s.name FROM secrets s JOIN tenants t ON t.id = s.tenant_id "
            "WHERE t.status = 'active' AND s.deleted_at = 0 GROUP BY s.tenant_id ORDER BY t.created_at, t.id LIMIT 1;");
        if (!own) {
            report.error = own.error().message;
            return report;
        }
        std::optional<Sample> other;
        if (!own.value().isEmpty()) {
            const Sample& mine = own.value().first();
            auto theirs = sql::all(
                m_db,
                [](const store::Statement& s) {
                    return Sample{s.text(0), false, s.text(1), s.text(2), s.text(3)};
                },
                "SELECT s.tenant_id, s.id, s.workspace_id, s.name FROM secrets s JOIN tenants t ON t.id = s.tenant_id "
                "WHERE s.tenant_id NOT IN ('', ?) AND s.deleted_at = 0 AND s.name NOT IN (SELECT name FROM secrets "
                "WHERE tenant_id = ? AND workspace_id = ?) ORDER BY t.created_at, t.id, s.id LIMIT 1;",
                mine.tenantId, mine.tenantId, mine.workspaceId);
            if (!theirs) {
                report.error = theirs.error().message;
                return report;
            }
            if (!theirs.value().isEmpty())
                other = theirs.value().first();
        }
        if (other)
            plans.append({QStringLiteral("secret"), own.value().first(), *other});
        else
            report.notProbed << QStringLiteral("secret");
    }

    // The reads themselves, each through execute() as the probe principal. Their records join the group commit; the
    // operation that follows (listing or running the checks) is answered only once they are on the disk too.
    DeferredDurability deferred;
    for (const Plan& plan : std::as_const(plans)) {
        const Sample& a = plan.own;
        const Sample& b = plan.other;
        // Its own object in its own scope; the other tenant's in its own scope; the other tenant's in that tenant's.
        const struct
        {
            const QString& scope;
            const Sample& target;
        } reads[] = {{a.tenantId, a}, {a.tenantId, b}, {b.tenantId, b}};
        for (const auto& read : reads) {
            bd::ProbeRead r{plan.kind, a.tenantId, read.scope, read.target.tenantId, read.target.id, {}};
            const QJsonObject attempt{
                {QStringLiteral("kind"), r.kind},
                {QStringLiteral("scope_tenant_id"), r.scopeTenantId},
                {QStringLiteral("target_tenant_id"), r.targetTenantId},
                {QStringLiteral("target_id"), r.targetId},
                {QStringLiteral("expect"), r.mustBeFound() ? QStringLiteral("found") : QStringLiteral("not_found")}};
            Caller probe;
            probe.source = Source::System;
            probe.address = QStringLiteral("local");
            probe.requestId = caller.requestId;
            probe.probe.reset(new ProbeCredential(a.tenantId, attempt));
            {
                QMutexLocker lock(&m_mutex);
                m_activeProbes.insert(probe.probe.get());
            }
            if (plan.kind == QLatin1String("workspace")) {
                r.outcome = outcomeOf(getWorkspace(probe, r.scopeTenantId, r.targetId));
            } else if (plan.kind == QLatin1String("user")) {
                r.outcome = outcomeOf(getUser(probe, r.scopeTenantId, r.targetId));
            } else if (plan.kind == QLatin1String("integration")) {
                r.outcome = outcomeOf(listTokens(probe, r.scopeTenantId, r.targetId));
            } else if (plan.kind == QLatin1String("secret")) {
                // In its own scope the probe names its own workspace: only the name is the other tenant's.
                const QString workspace = r.scopeTenantId == a.tenantId ? a.workspaceId : b.workspaceId;
                r.outcome = outcomeOf(listSecretVersions(probe, r.scopeTenantId, workspace, read.target.name));
            } else {
                // Bindings are read as a tenant's list: the target is found when the list holds it.
                auto list = listBindings(probe, r.scopeTenantId);
                r.outcome = outcomeOf(list);
                if (list)
                    r.outcome = std::any_of(list.value().cbegin(), list.value().cend(),
                                            [&](const authz::Binding& x) { return x.id == r.targetId; })
                                    ? QStringLiteral("found")
                                    : QStringLiteral("not_found");
            }
            {
                QMutexLocker lock(&m_mutex);
                m_activeProbes.remove(probe.probe.get());
            }
            report.reads.append(r);
        }
    }
    return report;
}

} // namespace gatehouse::service
