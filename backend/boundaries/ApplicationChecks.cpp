#include "CheckSupport.h"

#include "authz/Authorizer.h"
#include "authz/Role.h"
#include "crypto/Random.h"

#include <QSet>

namespace gatehouse::boundaries {

using namespace detail;
namespace sql = store::sql;

ControlResult checkTenantKeys(CheckInput& in)
{
    auto tenants = scalar(in.db, "SELECT count(*) FROM tenants WHERE status != 'platform';");
    auto keyed = scalar(in.db, "SELECT count(*) FROM tenants t WHERE t.status != 'platform' AND EXISTS "
                               "(SELECT 1 FROM tenant_keys k WHERE k.tenant_id = t.id);");
    auto withoutKey = sql::all(
        in.db, [](const store::Statement& s) { return QStringLiteral("%1 (%2)").arg(s.text(0), s.text(1)); },
        "SELECT t.id, t.name FROM tenants t WHERE EXISTS (SELECT 1 FROM secret_versions v WHERE v.tenant_id = t.id) "
        "AND NOT EXISTS (SELECT 1 FROM tenant_keys k WHERE k.tenant_id = t.id) ORDER BY t.name;");
    auto crossed = scalar(in.db, "SELECT count(*) FROM secret_versions v JOIN secrets s ON s.id = v.secret_id "
                                 "WHERE v.tenant_id != s.tenant_id;");
    if (!tenants || !keyed || !withoutKey || !crossed)
        return unmeasurable(!tenants      ? tenants.error()
                            : !keyed      ? keyed.error()
                            : !withoutKey ? withoutKey.error()
                                          : crossed.error());
    QList<Evidence> ev{{QStringLiteral("tenants"), QString::number(tenants.value())},
                       {QStringLiteral("tenants_with_own_key"), QString::number(keyed.value())},
                       {QStringLiteral("tenants_without_key_and_secrets"),
                        QString::number(tenants.value() - keyed.value() - withoutKey.value().size())},
                       {QStringLiteral("secret_versions_of_another_tenant"), QString::number(crossed.value())}};
    if (!withoutKey.value().isEmpty())
        ev.append({QStringLiteral("tenants_with_secrets_but_no_key"), listed(withoutKey.value())});
    if (!withoutKey.value().isEmpty() || crossed.value() > 0)
        return make(Status::Fail,
                    QStringLiteral("%1 tenants hold secrets without their own key; %2 secret versions are filed under "
                                   "another tenant")
                        .arg(withoutKey.value().size())
                        .arg(crossed.value()),
                    ev);
    return make(Status::Pass,
                QStringLiteral("every tenant holding secrets has its own key (%1 of %2 tenants have one; a key is made "
                               "with a tenant's first secret)")
                    .arg(keyed.value())
                    .arg(tenants.value()),
                ev);
}

ControlResult checkRoleBindings(CheckInput& in)
{
    auto bindings = sql::all(
        in.db,
        [](const store::Statement& s) {
            return authz::Binding{s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), 0};
        },
        "SELECT id, tenant_id, identity_kind, identity_id, role_id, workspace_id FROM bindings ORDER BY id;");
    auto pairs = [&](const char* text) -> Result<QSet<QString>> {
        auto rows = sql::all(
            in.db, [](const store::Statement& s) { return s.text(0) + u'|' + s.text(1); }, text);
        if (!rows)
            return rows.error();
        return QSet<QString>(rows.value().cbegin(), rows.value().cend());
    };
    auto roles = pairs("SELECT tenant_id, id FROM roles;");
    auto users = pairs("SELECT tenant_id, id FROM users;");
    auto integrations = pairs("SELECT tenant_id, id FROM integrations;");
    auto workspaces = pairs("SELECT tenant_id, id FROM workspaces;");
    if (!bindings || !roles || !users || !integrations || !workspaces)
        return unmeasurable(!bindings       ? bindings.error()
                            : !roles        ? roles.error()
                            : !users        ? users.error()
                            : !integrations ? integrations.error()
                                            : workspaces.error());
    QStringList bad;
    for (const authz::Binding& b : bindings.value()) {
        const QString key = b.tenantId + u'|';
        QStringList why;
        const authz::Role* builtin = authz::builtin::find(b.roleId);
        const authz::Level level = b.tenantId.isEmpty() ? authz::Level::Platform : authz::Level::Tenant;
        if (builtin ? builtin->level != level : !roles.value().contains(key + b.roleId))
            why << QStringLiteral("role %1 not usable here").arg(b.roleId);
        const auto& identities = b.identityKind == QLatin1String("user") ? users.value() : integrations.value();
        if (!identities.contains(key + b.identityId))
            why << QStringLiteral("no %1 %2 in its tenant").arg(b.identityKind, b.identityId);
        if (!b.workspaceId.isEmpty() && !workspaces.value().contains(key + b.workspaceId))
            why << QStringLiteral("no workspace %1 in its tenant").arg(b.workspaceId);
        if (!why.isEmpty())
            bad << QStringLiteral("%1: %2").arg(b.id, why.join(QStringLiteral("; ")));
    }
    QList<Evidence> ev{{QStringLiteral("bindings"), QString::number(bindings.value().size())},
                       {QStringLiteral("dangling"), QString::number(bad.size())}};
    if (!bad.isEmpty()) {
        ev.append({QStringLiteral("dangling_bindings"), listed(bad)});
        return make(Status::Fail,
                    QStringLiteral("%1 of %2 bindings point at a missing role, identity or workspace")
                        .arg(bad.size())
                        .arg(bindings.value().size()),
                    ev);
    }
    return make(Status::Pass,
                QStringLiteral("all %1 bindings name an existing role, identity and workspace of their tenant")
                    .arg(bindings.value().size()),
                ev);
}

ControlResult checkCustomRoles(CheckInput& in)
{
    struct Row
    {
        QString id, tenantId, name;
        QStringList permissions;
    };
    auto rows = sql::all(
        in.db,
        [](const store::Statement& s) {
            return Row{s.text(0), s.text(1), s.text(2), s.text(3).split(QLatin1Char(','), Qt::SkipEmptyParts)};
        },
        "SELECT id, tenant_id, name, permissions FROM roles ORDER BY id;");
    if (!rows)
        return unmeasurable(rows.error());
    QStringList bad;
    for (const Row& r : rows.value()) {
        QStringList wrong;
        if (r.tenantId.isEmpty())
            wrong << QStringLiteral("defined on the platform");
        for (const QString& name : r.permissions) {
            const auto p = authz::permissionFromName(name.trimmed());
            if (!p)
                wrong << QStringLiteral("unknown permission %1").arg(name.trimmed().left(64));
            else if (!authz::grantableAt(*p, authz::Level::Tenant))
                wrong << QStringLiteral("platform-only %1").arg(name.trimmed());
        }
        if (!wrong.isEmpty())
            bad << QStringLiteral("%1 (%2): %3").arg(r.id, r.name, wrong.join(QStringLiteral(", ")));
    }
    QList<Evidence> ev{{QStringLiteral("custom_roles"), QString::number(rows.value().size())},
                       {QStringLiteral("granting_beyond_their_tenant"), QString::number(bad.size())}};
    if (!bad.isEmpty()) {
        ev.append({QStringLiteral("roles"), listed(bad)});
        return make(Status::Fail,
                    QStringLiteral("%1 custom roles grant platform-only or unknown permissions").arg(bad.size()), ev);
    }
    return make(Status::Pass, QStringLiteral("%1 custom roles, all within tenant permissions").arg(rows.value().size()),
                ev);
}

// Asks the live authorizer about an identity that holds no binding, for every permission, on the platform and
// in every tenant: each answer must be a denial.
ControlResult checkDenyByDefault(CheckInput& in)
{
    auto tenantIds = sql::all(
        in.db, [](const store::Statement& s) { return s.text(0); },
        "SELECT id FROM tenants WHERE status != 'platform';");
    const qint64 dayAgo = in.nowMs - thresholds::kDayMs;
    const qint64 monthAgo = in.nowMs - 30 * thresholds::kDayMs;
    auto denials = recentAuditCounts(in.db, "outcome = 'denied'", dayAgo, "outcome = 'denied'", monthAgo);
    if (!tenantIds || !denials)
        return unmeasurable(!tenantIds ? tenantIds.error() : denials.error());
    // An id no identity can have: generated ids never take this form.
    const auto random = crypto::randomBytes(12);
    const QString probe = QStringLiteral("boundary-probe:") +
                          QString::fromLatin1(random ? random.value().toHex() : QByteArray::number(in.nowMs));
    QStringList scopes{QString()};
    scopes << tenantIds.value();
    int asked = 0;
    QStringList allowed;
    for (const QString& scope : std::as_const(scopes)) {
        for (int i = 0; i < int(authz::Permission::Count_); ++i) {
            const auto p = authz::Permission(i);
            ++asked;
            if (in.authorizer.decide(probe, p, scope, {}).allowed)
                allowed << QStringLiteral("%1 in %2").arg(authz::permissionName(p), tenantLabel(scope));
        }
    }
    QList<Evidence> ev{{QStringLiteral("questions_asked"), QString::number(asked)},
                       {QStringLiteral("allowed_without_binding"), QString::number(allowed.size())},
                       {QStringLiteral("denials_last_24h"), denials.value().text(denials.value().a)},
                       {QStringLiteral("denials_last_30_days"), denials.value().text(denials.value().b)}};
    if (!allowed.isEmpty()) {
        ev.append({QStringLiteral("allowed"), listed(allowed)});
        return make(Status::Fail,
                    QStringLiteral("%1 permissions are granted to an identity without any binding").arg(allowed.size()),
                    ev);
    }
    return make(Status::Pass,
                QStringLiteral("deny by default: %1 of %1 questions for an unbound identity were refused").arg(asked),
                ev);
}

// Judges what the cross-tenant self-probe did (the control plane runs it through its own enforcement point just
// before the checks, as a probe principal of one tenant): every read of another tenant's object must have been "not
// found", in the probe's own scope and in the other tenant's, and every read of its own tenant's object must have
// succeeded, or a "not found" would prove nothing.
ControlResult checkTenantIsolation(CheckInput& in)
{
    const TenantProbeReport* probe = in.tenantProbe;
    if (!probe)
        return make(Status::Warn, QStringLiteral("the cross-tenant self-probe did not run with this check"));
    if (!probe->error.isEmpty())
        return make(Status::Fail, QStringLiteral("the cross-tenant self-probe could not run: %1").arg(probe->error));
    QList<Evidence> ev{{QStringLiteral("tenants"), QString::number(probe->tenants)}};
    if (probe->tenants < 2)
        return make(Status::NotApplicable,
                    QStringLiteral("fewer than two tenants (%1): there is no other tenant to be isolated from, so the "
                                   "self-probe did not run")
                        .arg(probe->tenants),
                    ev);
    QStringList kinds, probeTenants, leaks, unreadable, wrongAnswers;
    int cross = 0, own = 0;
    for (const ProbeRead& r : probe->reads) {
        if (!kinds.contains(r.kind))
            kinds << r.kind;
        if (!probeTenants.contains(r.probeTenantId))
            probeTenants << r.probeTenantId;
        ++(r.mustBeFound() ? own : cross);
        if (r.asExpected())
            continue;
        const QString where = r.scopeTenantId == r.probeTenantId ? QStringLiteral("in its own scope")
                                                                 : QStringLiteral("in that tenant's scope");
        if (r.mustBeFound())
            unreadable << QStringLiteral("%1 %2 (%3)").arg(r.kind, r.targetId, r.outcome);
        else if (r.outcome == QLatin1String("found"))
            leaks << QStringLiteral("%1 %2 of tenant %3, asked %4 by a probe of tenant %5")
                         .arg(r.kind, r.targetId, r.targetTenantId, where, r.probeTenantId);
        else
            wrongAnswers << QStringLiteral("%1 %2 of tenant %3, asked %4: %5 instead of not found")
                                .arg(r.kind, r.targetId, r.targetTenantId, where, r.outcome);
    }
    ev << Evidence{QStringLiteral("probe_tenants"), probeTenants.join(QStringLiteral(", "))}
       << Evidence{QStringLiteral("kinds_probed"), kinds.join(QStringLiteral(", "))}
       << Evidence{QStringLiteral("kinds_not_probed"),
                   probe->notProbed.isEmpty()
                       ? QStringLiteral("none")
                       : probe->notProbed.join(QStringLiteral(", ")) + QStringLiteral(" (no two tenants hold one)")}
       << Evidence{QStringLiteral("cross_tenant_reads"), QString::number(cross)}
       << Evidence{QStringLiteral("own_tenant_reads"), QString::number(own)}
       << Evidence{QStringLiteral("audited_as"), QStringLiteral("actor probe, in the platform's audit trail")};
    if (!leaks.isEmpty() || !wrongAnswers.isEmpty()) {
        QStringList leaking;
        for (const ProbeRead& r : probe->reads) {
            if (!r.mustBeFound() && !r.asExpected() && !leaking.contains(r.kind))
                leaking << r.kind;
        }
        if (!leaks.isEmpty())
            ev.append({QStringLiteral("read_across_tenants"), listed(leaks)});
        if (!wrongAnswers.isEmpty())
            ev.append({QStringLiteral("not_answered_not_found"), listed(wrongAnswers)});
        return make(Status::Fail,
                    QStringLiteral("tenant isolation broken: a probe principal of one tenant %1 another tenant's %2")
                        .arg(leaks.isEmpty() ? QStringLiteral("learned of") : QStringLiteral("read"),
                             leaking.join(QStringLiteral(", "))),
                    ev);
    }
    if (!unreadable.isEmpty()) {
        ev.append({QStringLiteral("own_objects_not_read"), listed(unreadable)});
        return make(Status::Fail,
                    QStringLiteral("the self-probe could not read its own tenant's objects, so its not-found answers "
                                   "prove nothing: %1")
                        .arg(listed(unreadable, 3)),
                    ev);
    }
    if (probe->reads.isEmpty())
        return make(Status::Warn,
                    QStringLiteral("%1 tenants, but no kind of object is held by two of them: nothing "
                                   "was probed")
                        .arg(probe->tenants),
                    ev);
    return make(Status::Pass,
                QStringLiteral("%1 reads of another tenant's objects (%2) were not found; the probe read its own "
                               "tenant's in %3 of %3")
                    .arg(cross)
                    .arg(kinds.join(QStringLiteral(", ")))
                    .arg(own),
                ev);
}

} // namespace gatehouse::boundaries
