// Roles, bindings, authorization questions and the audit trail's read side.
#include "ControlPlaneInternals.h"

#include "core/Encoding.h"

namespace gatehouse::service {

using authz::Binding;
using authz::Level;
using authz::Permission;
using authz::PermissionSet;
using authz::Role;

Result<void> ControlPlane::requireHoldsAllOf(const Context& ctx, const PermissionSet& permissions,
                                             const QString& tenantId, const QString& workspaceId) const
{
    // Nobody grants what they do not hold: this is what makes privilege escalation impossible.
    if (ctx.principal.kind == Principal::Kind::System)
        return {};
    const PermissionSet mine = m_authorizer.effective(ctx.principal.id, tenantId, workspaceId);
    if (!mine.containsAll(permissions))
        return makeError(ErrorCode::Forbidden, QStringLiteral("not allowed: you cannot grant permissions you do not "
                                                              "hold (%1)")
                                                   .arg((permissions - mine).names().join(QStringLiteral(", "))));
    return {};
}

Result<void> ControlPlane::requireNotLastOwner(const QString& tenantId, const QString& userId, const QString& roleId,
                                               const QString& bindingId) const
{
    const QString ownerRole = tenantId.isEmpty() ? authz::builtin::kPlatformOwner : authz::builtin::kTenantOwner;
    bool removesOwner = false;
    if (!bindingId.isEmpty()) {
        removesOwner = roleId == ownerRole;
        if (auto b = m_authorizer.binding(bindingId); b && !b->workspaceId.isEmpty())
            removesOwner = false;
    } else {
        for (const Binding& b : m_authorizer.bindingsOf(userId))
            removesOwner |= b.tenantId == tenantId && b.roleId == ownerRole && b.workspaceId.isEmpty();
    }
    if (removesOwner && m_authorizer.countBindings(tenantId, ownerRole, true) <= 1)
        return makeError(ErrorCode::Conflict, QStringLiteral("this is the last %1; make someone else owner first")
                                                  .arg(tenantId.isEmpty() ? QStringLiteral("Platform Owner")
                                                                          : QStringLiteral("Tenant Owner")));
    return {};
}

Result<Binding> ControlPlane::insertBinding(Context& ctx, const Binding& b)
{
    auto ins =
        sql::insertUnique(m_db, QStringLiteral("this binding exists already"),
                          "INSERT INTO bindings (id, tenant_id, identity_kind, identity_id, role_id, workspace_id, "
                          "created_at) VALUES (?, ?, ?, ?, ?, ?, ?);",
                          b.id, b.tenantId, b.identityKind, b.identityId, b.roleId, b.workspaceId, b.createdAtMs);
    if (!ins)
        return ins.error();
    ctx.onCommit.push_back([this, b] { m_authorizer.putBinding(b); });
    return b;
}

// --- roles --------------------------------------------------------------------------------------------------

namespace {

Result<PermissionSet> parseTenantPermissions(const QStringList& names)
{
    QString unknown;
    const auto set = PermissionSet::parse(names, &unknown);
    if (!set)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("unknown permission '%1'; see the permission catalog").arg(unknown));
    for (const QString& n : set->names()) {
        if (!authz::grantableAt(*authz::permissionFromName(n), Level::Tenant))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("%1 is a platform permission; a tenant role cannot hold it").arg(n));
    }
    return *set;
}

QJsonObject describe(const Role& r)
{
    return {{QStringLiteral("name"), r.name},
            {QStringLiteral("permissions"), r.permissions.names().join(QLatin1Char(','))}};
}

} // namespace

Result<Role> ControlPlane::createRole(const Caller& caller, const QString& tenantId, const QString& name,
                                      const QString& description, const QStringList& permissions)
{
    Operation op{QStringLiteral("role.create"), Permission::RolesWrite, tenantId, {}, QStringLiteral("role")};
    op.name("name", name, Operation::Shape::Slug);
    op.mutates = true;
    return perform<Role>(caller, op, [&](Context& ctx, Role& out) -> Result<void> {
        ctx.details = {{QStringLiteral("name"), name},
                       {QStringLiteral("permissions"), permissions.join(QLatin1Char(','))}};
        if (auto v = checkName(name, QStringLiteral("role name")); !v)
            return v;
        auto set = parseTenantPermissions(permissions);
        if (!set)
            return set.error();
        if (auto v = requireHoldsAllOf(ctx, set.value(), tenantId, {}); !v)
            return v;
        out = {encoding::newId(u"rol"), tenantId, name, description, Level::Tenant, set.value(), false};
        ctx.targetId = out.id;
        auto ins =
            sql::insertUnique(m_db, QStringLiteral("a role named %1 already exists").arg(name),
                              "INSERT INTO roles (id, tenant_id, name, description, permissions, created_at) "
                              "VALUES (?, ?, ?, ?, ?, ?);",
                              out.id, tenantId, name, description, set.value().names().join(QLatin1Char(',')), ctx.now);
        if (!ins)
            return ins;
        ctx.onCommit.push_back([this, out] { m_authorizer.putRole(out); });
        return {};
    });
}

Result<QList<Role>> ControlPlane::listRoles(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("role.list"), Permission::RolesRead, tenantId, {}, QStringLiteral("role")};
    op.readOnly = true;
    return perform<QList<Role>>(caller, op, [&](Context&, QList<Role>& out) -> Result<void> {
        const Level level = tenantId.isEmpty() ? Level::Platform : Level::Tenant;
        for (const Role& b : authz::builtin::roles()) {
            if (b.level == level)
                out << b;
        }
        auto s = sql::query(m_db, "SELECT id FROM roles WHERE tenant_id = ? ORDER BY name;", tenantId);
        if (!s)
            return s.error();
        while (s.value().step().value()) {
            if (auto role = m_authorizer.role(s.value().text(0)))
                out << *role;
        }
        return {};
    });
}

Result<Role> ControlPlane::updateRole(const Caller& caller, const QString& tenantId, const QString& roleId,
                                      const QString& description, const QStringList& permissions,
                                      const Expect<Role>& expect)
{
    Operation op{QStringLiteral("role.update"), Permission::RolesWrite, tenantId, {}, QStringLiteral("role"), roleId};
    op.mutates = true;
    return perform<Role>(caller, op, [&](Context& ctx, Role& out) -> Result<void> {
        auto existing = m_authorizer.role(roleId);
        if (!existing || existing->builtin || existing->tenantId != tenantId)
            return existing && existing->builtin
                       ? makeError(ErrorCode::InvalidArgument, QStringLiteral("built-in roles cannot be changed"))
                       : notFound(QStringLiteral("role"));
        if (auto stale = checkExpected(ctx, expect, *existing, QStringLiteral("role")); !stale)
            return stale;
        auto set = parseTenantPermissions(permissions);
        if (!set)
            return set.error();
        // Both what is added and what is taken away: changing a role changes everyone bound to it.
        if (auto v = requireHoldsAllOf(ctx, set.value() | existing->permissions, tenantId, {}); !v)
            return v;
        out = *existing;
        out.description = description;
        out.permissions = set.value();
        ctx.details = describe(out);
        if (auto w = sql::run(m_db, "UPDATE roles SET description = ?, permissions = ? WHERE tenant_id = ? AND id = ?;",
                              description, set.value().names().join(QLatin1Char(',')), tenantId, roleId);
            !w)
            return w;
        ctx.onCommit.push_back([this, out] { m_authorizer.putRole(out); });
        return {};
    });
}

Result<void> ControlPlane::deleteRole(const Caller& caller, const QString& tenantId, const QString& roleId)
{
    Operation op{QStringLiteral("role.delete"), Permission::RolesWrite, tenantId, {}, QStringLiteral("role"), roleId};
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto existing = m_authorizer.role(roleId);
        if (!existing || existing->builtin || existing->tenantId != tenantId)
            return existing && existing->builtin
                       ? makeError(ErrorCode::InvalidArgument, QStringLiteral("built-in roles cannot be deleted"))
                       : notFound(QStringLiteral("role"));
        ctx.details = describe(*existing);
        const int bound = m_authorizer.countBindings(tenantId, roleId, false);
        if (bound > 0)
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("the role is still bound %1 times; remove those bindings first").arg(bound));
        if (auto d = sql::run(m_db, "DELETE FROM roles WHERE tenant_id = ? AND id = ?;", tenantId, roleId); !d)
            return d;
        ctx.onCommit.push_back([this, roleId] { m_authorizer.removeRole(roleId); });
        return {};
    });
}

// --- bindings -----------------------------------------------------------------------------------------------

Result<Binding> ControlPlane::createBinding(const Caller& caller, const QString& tenantId, const QString& identityKind,
                                            const QString& identityId, const QString& roleId,
                                            const QString& workspaceId)
{
    Operation op{QStringLiteral("binding.create"), Permission::BindingsWrite, tenantId, workspaceId,
                 QStringLiteral("binding")};
    op.name("identity_kind", identityKind, Operation::Shape::Slug)
        .name("identity_id", identityId, Operation::Shape::Id)
        .name("role_id", roleId, Operation::Shape::Id);
    op.mutates = true;
    return perform<Binding>(caller, op, [&](Context& ctx, Binding& out) -> Result<void> {
        ctx.details = {{QStringLiteral("identity_kind"), identityKind},
                       {QStringLiteral("identity_id"), identityId},
                       {QStringLiteral("role_id"), roleId}};
        const Level level = tenantId.isEmpty() ? Level::Platform : Level::Tenant;
        auto role = m_authorizer.role(roleId);
        if (!role || role->level != level || (!role->builtin && role->tenantId != tenantId))
            return notFound(QStringLiteral("role"));
        if (identityKind == QLatin1String("user")) {
            if (auto u = loadUser(tenantId, identityId); !u)
                return u.error();
        } else if (identityKind == QLatin1String("integration") && level == Level::Tenant) {
            if (auto i = loadIntegration(tenantId, identityId); !i)
                return i.error();
        } else {
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("bind a user, or an integration inside a tenant"));
        }
        if (auto v = requireHoldsAllOf(ctx, role->permissions, tenantId, workspaceId); !v)
            return v;
        out = {encoding::newId(u"bnd"), tenantId, identityKind, identityId, roleId, workspaceId, ctx.now};
        ctx.targetId = out.id;
        ctx.details.insert(QStringLiteral("role"), role->name);
        auto b = insertBinding(ctx, out);
        if (!b)
            return b.error();
        return {};
    });
}

Result<QList<Binding>> ControlPlane::listBindings(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("binding.list"), Permission::BindingsRead, tenantId, {}, QStringLiteral("binding")};
    op.readOnly = true;
    return perform<QList<Binding>>(caller, op, [&](Context&, QList<Binding>& out) -> Result<void> {
        auto rows = sql::all(m_db, readBinding,
                             "SELECT id, tenant_id, identity_kind, identity_id, role_id, workspace_id, created_at "
                             "FROM bindings WHERE tenant_id = ? ORDER BY created_at, id;",
                             tenantId);
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

Result<void> ControlPlane::deleteBinding(const Caller& caller, const QString& tenantId, const QString& bindingId)
{
    auto existing = m_authorizer.binding(bindingId);
    Operation op{QStringLiteral("binding.delete"),
                 Permission::BindingsWrite,
                 tenantId,
                 existing && existing->tenantId == tenantId ? existing->workspaceId : QString(),
                 QStringLiteral("binding"),
                 bindingId};
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        const auto b = m_authorizer.binding(bindingId);
        if (!b || b->tenantId != tenantId)
            return notFound(QStringLiteral("binding"));
        ctx.details = {{QStringLiteral("identity_id"), b->identityId}, {QStringLiteral("role_id"), b->roleId}};
        // Removing a binding takes permissions away from someone: only those who hold them may do it.
        if (auto role = m_authorizer.role(b->roleId)) {
            if (auto v = requireHoldsAllOf(ctx, role->permissions, tenantId, b->workspaceId); !v)
                return v;
        }
        if (auto v = requireNotLastOwner(tenantId, b->identityId, b->roleId, b->id); !v)
            return v;
        if (auto d = sql::run(m_db, "DELETE FROM bindings WHERE tenant_id = ? AND id = ?;", tenantId, bindingId); !d)
            return d;
        ctx.onCommit.push_back([this, bindingId] { m_authorizer.removeBinding(bindingId); });
        return {};
    });
}

// --- authorization questions --------------------------------------------------------------------------------

namespace {

Result<authz::Permission> namedPermission(const QString& name)
{
    const auto p = authz::permissionFromName(name);
    if (!p)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("unknown permission '%1'").arg(name));
    return *p;
}

} // namespace

ControlPlane::Operation ControlPlane::question(const char* action, const QString& tenantId, const QString& workspaceId,
                                               const QString& identityId)
{
    Operation op{QLatin1String(action), Permission::BindingsRead,   tenantId,
                 workspaceId,           QStringLiteral("identity"), identityId};
    op.readOnly = true;
    // Asking about yourself needs no permission; asking about someone else needs bindings.read.
    op.selfIfIdentity = identityId;
    return op;
}

Result<void> ControlPlane::requireIdentity(const QString& tenantId, const QString& identityId)
{
    if (tenantId.isEmpty() ? !loadUser({}, identityId)
                           : (!loadUser(tenantId, identityId) && !loadIntegration(tenantId, identityId)))
        return notFound(QStringLiteral("identity"));
    return {};
}

Result<authz::Decision> ControlPlane::checkAccess(const Caller& caller, const QString& tenantId,
                                                  const QString& identityId, const QString& permission,
                                                  const QString& workspaceId)
{
    Operation op = question("authz.check", tenantId, workspaceId, identityId);
    op.name("permission", permission, Operation::Shape::Slug);
    return perform<authz::Decision>(caller, op, [&](Context& ctx, authz::Decision& out) -> Result<void> {
        const auto p = namedPermission(permission);
        if (!p)
            return p.error();
        ctx.details = {{QStringLiteral("permission"), permission}};
        if (auto r = requireIdentity(tenantId, identityId); !r)
            return r;
        out = m_authorizer.decide(identityId, p.value(), tenantId, workspaceId);
        ctx.details.insert(QStringLiteral("allowed"), out.allowed);
        return {};
    });
}

Result<QStringList> ControlPlane::effectivePermissions(const Caller& caller, const QString& tenantId,
                                                       const QString& identityId, const QString& workspaceId)
{
    return perform<QStringList>(caller, question("authz.effective", tenantId, workspaceId, identityId),
                                [&](Context&, QStringList& out) -> Result<void> {
                                    if (auto r = requireIdentity(tenantId, identityId); !r)
                                        return r;
                                    out = m_authorizer.effective(identityId, tenantId, workspaceId).names();
                                    return {};
                                });
}

Result<ControlPlane::AccessExplanation> ControlPlane::explainAccess(const Caller& caller, const QString& tenantId,
                                                                    const QString& identityId,
                                                                    const QString& workspaceId,
                                                                    const std::optional<QString>& permission)
{
    Operation op = question("authz.explain", tenantId, workspaceId, identityId);
    if (permission)
        op.name("permission", *permission, Operation::Shape::Slug);
    return perform<AccessExplanation>(caller, op, [&](Context& ctx, AccessExplanation& out) -> Result<void> {
        std::optional<authz::Permission> asked;
        if (permission) {
            const auto p = namedPermission(*permission);
            if (!p)
                return p.error();
            asked = p.value();
            ctx.details = {{QStringLiteral("permission"), *permission}};
        }
        if (auto r = requireIdentity(tenantId, identityId); !r)
            return r;
        out.effective = m_authorizer.effective(identityId, tenantId, workspaceId).names();
        if (asked) {
            out.decision = m_authorizer.decide(identityId, *asked, tenantId, workspaceId);
            ctx.details.insert(QStringLiteral("allowed"), out.decision->allowed);
        }
        return {};
    });
}

} // namespace gatehouse::service
