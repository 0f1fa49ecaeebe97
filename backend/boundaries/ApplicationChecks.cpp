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

} // namespace gatehouse::boundaries
