// Tenants, tenant settings and workspaces.
#include "ControlPlaneInternals.h"

#include "core/Encoding.h"

namespace gatehouse::service {

using authz::Permission;
using tenancy::Tenant;
using tenancy::TenantSettings;
using tenancy::Workspace;

namespace {

constexpr const char* kTenantColumns = "id, name, display_name, status, created_at, session_idle_s, "
                                       "session_absolute_s, lockout_threshold, lockout_s, require_mfa_admins";

Tenant readTenant(const store::Statement& s)
{
    Tenant t;
    t.id = s.text(0);
    t.name = s.text(1);
    t.displayName = s.text(2);
    t.status = s.text(3);
    t.createdAtMs = s.int64(4);
    t.settings.sessionIdleSeconds = int(s.int64(5));
    t.settings.sessionAbsoluteSeconds = int(s.int64(6));
    t.settings.lockoutThreshold = int(s.int64(7));
    t.settings.lockoutSeconds = int(s.int64(8));
    t.settings.requireMfaForAdmins = s.int64(9) != 0;
    return t;
}

Workspace readWorkspace(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)};
}

QJsonObject describe(const Workspace& w)
{
    return {{QStringLiteral("name"), w.name}, {QStringLiteral("display_name"), w.displayName}};
}

Result<void> checkSettings(const TenantSettings& s)
{
    if (s.sessionIdleSeconds < 60 || s.sessionIdleSeconds > 24 * 3600)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the idle timeout must be 1 minute to 24 hours"));
    if (s.sessionAbsoluteSeconds < s.sessionIdleSeconds || s.sessionAbsoluteSeconds > 30 * 24 * 3600)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the absolute session lifetime must be at least the idle timeout and at most "
                                        "30 days"));
    if (s.lockoutThreshold < 3 || s.lockoutThreshold > 100)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the lockout threshold must be 3 to 100 failures"));
    if (s.lockoutSeconds < 60 || s.lockoutSeconds > 24 * 3600)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the lockout must last 1 minute to 24 hours"));
    return {};
}

} // namespace

Result<Tenant> ControlPlane::loadTenant(const QString& tenantId)
{
    const QByteArray text = QByteArray("SELECT ") + kTenantColumns + " FROM tenants WHERE id = ? AND id <> '';";
    return sql::one(m_db, QStringLiteral("tenant"), readTenant, text.constData(), tenantId);
}

Result<Workspace> ControlPlane::loadWorkspace(const QString& tenantId, const QString& workspaceId)
{
    return sql::one(m_db, QStringLiteral("workspace"), readWorkspace,
                    "SELECT id, tenant_id, name, display_name, status, created_at FROM workspaces "
                    "WHERE tenant_id = ? AND id = ?;",
                    tenantId, workspaceId);
}

// --- tenants ------------------------------------------------------------------------------------------------

Result<Tenant> ControlPlane::createTenant(const Caller& caller, const QString& name, const QString& displayName,
                                          const QString& ownerUsername, const SecureBytes& ownerPassword)
{
    Operation op{QStringLiteral("tenant.create"), Permission::TenantsWrite, {}, {}, QStringLiteral("tenant")};
    op.name("name", name, Operation::Shape::Slug).name("owner", ownerUsername, Operation::Shape::Slug);
    op.mutates = true;
    return perform<Tenant>(caller, op, [&](Context& ctx, Tenant& out) -> Result<void> {
        ctx.details = {{QStringLiteral("name"), name}, {QStringLiteral("owner"), ownerUsername}};
        if (auto v = checkName(name, QStringLiteral("tenant name")); !v)
            return v;
        if (auto v = checkDisplayName(displayName, QStringLiteral("display name")); !v)
            return v;
        out.id = encoding::newId(u"ten");
        out.name = name;
        out.displayName = displayName.trimmed();
        out.status = QStringLiteral("active");
        out.createdAtMs = ctx.now;
        ctx.targetId = out.id;
        auto ins = sql::insertUnique(
            m_db, QStringLiteral("a tenant named %1 already exists").arg(name),
            "INSERT INTO tenants (id, name, display_name, status, created_at) VALUES (?, ?, ?, ?, ?);", out.id,
            out.name, out.displayName, out.status, out.createdAtMs);
        if (!ins)
            return ins;
        auto owner = insertUser(ctx, out.id, ownerUsername, ownerUsername, QString(), ownerPassword);
        if (!owner)
            return owner.error();
        authz::Binding b{encoding::newId(u"bnd"),
                         out.id,
                         QStringLiteral("user"),
                         owner.value().id,
                         authz::builtin::kTenantOwner,
                         QString(),
                         ctx.now};
        if (auto bound = insertBinding(ctx, b); !bound)
            return bound.error();
        ctx.details.insert(QStringLiteral("owner_id"), owner.value().id);
        return {};
    });
}

Result<QList<Tenant>> ControlPlane::listTenants(const Caller& caller)
{
    Operation op{QStringLiteral("tenant.list"), Permission::TenantsRead, {}, {}, QStringLiteral("tenant")};
    op.readOnly = true;
    return perform<QList<Tenant>>(caller, op, [&](Context&, QList<Tenant>& out) -> Result<void> {
        const QByteArray text = QByteArray("SELECT ") + kTenantColumns + " FROM tenants WHERE id <> '' ORDER BY name;";
        auto rows = sql::all(m_db, readTenant, text.constData());
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

Result<Tenant> ControlPlane::getTenant(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("tenant.read"), Permission::TenantsRead, {}, {}, QStringLiteral("tenant"), tenantId};
    op.readOnly = true;
    return perform<Tenant>(caller, op, [&](Context&, Tenant& out) -> Result<void> {
        auto t = loadTenant(tenantId);
        if (!t)
            return t.error();
        out = t.value();
        return {};
    });
}

Result<Tenant> ControlPlane::renameTenant(const Caller& caller, const QString& tenantId, const QString& displayName,
                                          const Expect<Tenant>& expect)
{
    Operation op{QStringLiteral("tenant.rename"), Permission::TenantsWrite, {}, {}, QStringLiteral("tenant"), tenantId};
    op.mutates = true;
    return perform<Tenant>(caller, op, [&](Context& ctx, Tenant& out) -> Result<void> {
        if (auto v = checkDisplayName(displayName, QStringLiteral("display name")); !v)
            return v;
        auto t = loadTenant(tenantId);
        if (!t)
            return t.error();
        if (auto stale = checkExpected(ctx, expect, t.value(), QStringLiteral("tenant")); !stale)
            return stale;
        ctx.details = {{QStringLiteral("from"), t.value().displayName}, {QStringLiteral("to"), displayName.trimmed()}};
        if (auto u =
                sql::run(m_db, "UPDATE tenants SET display_name = ? WHERE id = ?;", displayName.trimmed(), tenantId);
            !u)
            return u;
        out = t.value();
        out.displayName = displayName.trimmed();
        return {};
    });
}

Result<Tenant> ControlPlane::setTenantSuspended(const Caller& caller, const QString& tenantId, bool suspended,
                                                const Expect<Tenant>& expect)
{
    Operation op{suspended ? QStringLiteral("tenant.suspend") : QStringLiteral("tenant.resume"),
                 Permission::TenantsWrite,
                 {},
                 {},
                 QStringLiteral("tenant"),
                 tenantId};
    op.mutates = true;
    return perform<Tenant>(caller, op, [&](Context& ctx, Tenant& out) -> Result<void> {
        auto t = loadTenant(tenantId);
        if (!t)
            return t.error();
        if (auto stale = checkExpected(ctx, expect, t.value(), QStringLiteral("tenant")); !stale)
            return stale;
        out = t.value();
        out.status = suspended ? QStringLiteral("suspended") : QStringLiteral("active");
        // Suspension stops every session and token of the tenant at once (authentication checks the status).
        return sql::run(m_db, "UPDATE tenants SET status = ? WHERE id = ?;", out.status, tenantId);
    });
}

Result<void> ControlPlane::deleteTenant(const Caller& caller, const QString& tenantId, const QString& confirmName)
{
    Operation op{QStringLiteral("tenant.delete"), Permission::TenantsWrite, {}, {}, QStringLiteral("tenant"), tenantId};
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto t = loadTenant(tenantId);
        if (!t)
            return t.error();
        ctx.details = {{QStringLiteral("name"), t.value().name}};
        if (confirmName != t.value().name)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("to delete a tenant, type its name (%1) to confirm; nothing was deleted")
                                 .arg(t.value().name));
        // Everything of the tenant goes with it (foreign keys cascade); its audit events stay.
        if (auto d = sql::run(m_db, "DELETE FROM tenants WHERE id = ?;", tenantId); !d)
            return d;
        ctx.onCommit.push_back([this, tenantId] { m_authorizer.removeTenant(tenantId); });
        return {};
    });
}

// --- settings -----------------------------------------------------------------------------------------------

Result<TenantSettings> ControlPlane::tenantSettings(const Caller& caller, const QString& tenantId)
{
    Operation op{
        QStringLiteral("settings.read"), Permission::SettingsRead, tenantId, {}, QStringLiteral("tenant"), tenantId};
    op.readOnly = true;
    return perform<TenantSettings>(caller, op, [&](Context&, TenantSettings& out) -> Result<void> {
        auto t = loadTenant(tenantId);
        if (!t)
            return t.error();
        out = t.value().settings;
        return {};
    });
}

Result<TenantSettings> ControlPlane::updateTenantSettings(const Caller& caller, const QString& tenantId,
                                                          const TenantSettings& settings,
                                                          const std::optional<TenantSettings>& expected)
{
    Operation op{
        QStringLiteral("settings.update"), Permission::SettingsWrite, tenantId, {}, QStringLiteral("tenant"), tenantId};
    op.mutates = true;
    auto r = execute(caller, op, [&](Context& ctx) -> Result<void> {
        if (auto v = checkSettings(settings); !v)
            return v;
        ctx.details = {{QStringLiteral("session_idle_s"), settings.sessionIdleSeconds},
                       {QStringLiteral("session_absolute_s"), settings.sessionAbsoluteSeconds},
                       {QStringLiteral("lockout_threshold"), settings.lockoutThreshold},
                       {QStringLiteral("lockout_s"), settings.lockoutSeconds},
                       {QStringLiteral("require_mfa_admins"), settings.requireMfaForAdmins}};
        if (expected) {
            // Read and written under the same lock: nobody changes them in between.
            auto current = loadTenant(tenantId);
            if (!current)
                return current.error();
            if (!(current.value().settings == *expected)) {
                ctx.details.insert(QStringLiteral("conflict"), true);
                return makeError(ErrorCode::Stale,
                                 QStringLiteral("the settings were changed by someone else since you read them; "
                                                "read them again and repeat your change"));
            }
        }
        return sql::run(m_db,
                        "UPDATE tenants SET session_idle_s = ?, session_absolute_s = ?, lockout_threshold = ?, "
                        "lockout_s = ?, require_mfa_admins = ? WHERE id = ?;",
                        settings.sessionIdleSeconds, settings.sessionAbsoluteSeconds, settings.lockoutThreshold,
                        settings.lockoutSeconds, settings.requireMfaForAdmins, tenantId);
    });
    if (!r)
        return r.error();
    return settings;
}

// --- workspaces ---------------------------------------------------------------------------------------------

Result<Workspace> ControlPlane::createWorkspace(const Caller& caller, const QString& tenantId, const QString& name,
                                                const QString& displayName)
{
    Operation op{
        QStringLiteral("workspace.create"), Permission::WorkspacesWrite, tenantId, {}, QStringLiteral("workspace")};
    op.name("name", name, Operation::Shape::Slug);
    op.mutates = true;
    return perform<Workspace>(caller, op, [&](Context& ctx, Workspace& out) -> Result<void> {
        ctx.details = {{QStringLiteral("name"), name}};
        if (auto v = checkName(name, QStringLiteral("workspace name")); !v)
            return v;
        if (auto v = checkDisplayName(displayName, QStringLiteral("display name")); !v)
            return v;
        out = {encoding::newId(u"wsp"), tenantId, name, displayName.trimmed(), QStringLiteral("active"), ctx.now};
        ctx.targetId = out.id;
        auto ins = sql::insertUnique(m_db, QStringLiteral("a workspace named %1 already exists").arg(name),
                                     "INSERT INTO workspaces (id, tenant_id, name, display_name, status, created_at) "
                                     "VALUES (?, ?, ?, ?, ?, ?);",
                                     out.id, tenantId, out.name, out.displayName, out.status, out.createdAtMs);
        return ins;
    });
}

Result<QList<Workspace>> ControlPlane::listWorkspaces(const Caller& caller, const QString& tenantId)
{
    // Self-service at the gate: what is listed depends on the caller's bindings, filtered below.
    Operation op{
        QStringLiteral("workspace.list"), Permission::WorkspacesRead, tenantId, {}, QStringLiteral("workspace")};
    op.readOnly = true;
    op.selfService = true;
    return perform<QList<Workspace>>(caller, op, [&](Context& ctx, QList<Workspace>& out) -> Result<void> {
        if (ctx.principal.tenantId.isEmpty() && ctx.principal.kind != Principal::Kind::System)
            return makeError(ErrorCode::Forbidden,
                             QStringLiteral("platform administrators manage tenants, not what is inside them"));
        auto rows = sql::all(m_db, readWorkspace,
                             "SELECT id, tenant_id, name, display_name, status, created_at FROM workspaces "
                             "WHERE tenant_id = ? ORDER BY name;",
                             tenantId);
        if (!rows)
            return rows.error();
        const bool system = ctx.principal.kind == Principal::Kind::System;
        for (const Workspace& w : rows.value()) {
            if (system || m_authorizer.decide(ctx.principal.id, Permission::WorkspacesRead, tenantId, w.id).allowed) {
                if (ctx.principal.tokenWorkspaceId.isEmpty() || ctx.principal.tokenWorkspaceId == w.id)
                    out << w;
            }
        }
        const bool tenantWide =
            system || m_authorizer.decide(ctx.principal.id, Permission::WorkspacesRead, tenantId, {}).allowed;
        if (out.isEmpty() && !tenantWide)
            return makeError(ErrorCode::Forbidden,
                             QStringLiteral("not allowed: no binding grants workspaces.read in this tenant"));
        ctx.details = {{QStringLiteral("count"), out.size()}};
        return {};
    });
}

Result<Workspace> ControlPlane::getWorkspace(const Caller& caller, const QString& tenantId, const QString& workspaceId)
{
    Operation op{QStringLiteral("workspace.read"),
                 Permission::WorkspacesRead,
                 tenantId,
                 workspaceId,
                 QStringLiteral("workspace"),
                 workspaceId};
    op.readOnly = true;
    return perform<Workspace>(caller, op, [&](Context&, Workspace& out) -> Result<void> {
        auto w = loadWorkspace(tenantId, workspaceId);
        if (!w)
            return w.error();
        out = w.value();
        return {};
    });
}

Result<Workspace> ControlPlane::renameWorkspace(const Caller& caller, const QString& tenantId,
                                                const QString& workspaceId, const QString& displayName,
                                                const Expect<Workspace>& expect)
{
    Operation op{QStringLiteral("workspace.rename"),
                 Permission::WorkspacesWrite,
                 tenantId,
                 workspaceId,
                 QStringLiteral("workspace"),
                 workspaceId};
    op.mutates = true;
    return perform<Workspace>(caller, op, [&](Context& ctx, Workspace& out) -> Result<void> {
        if (auto v = checkDisplayName(displayName, QStringLiteral("display name")); !v)
            return v;
        auto w = loadWorkspace(tenantId, workspaceId);
        if (!w)
            return w.error();
        if (auto stale = checkExpected(ctx, expect, w.value(), QStringLiteral("workspace")); !stale)
            return stale;
        ctx.details = {{QStringLiteral("from"), w.value().displayName}, {QStringLiteral("to"), displayName.trimmed()}};
        out = w.value();
        out.displayName = displayName.trimmed();
        return sql::run(m_db, "UPDATE workspaces SET display_name = ? WHERE tenant_id = ? AND id = ?;", out.displayName,
                        tenantId, workspaceId);
    });
}

Result<Workspace> ControlPlane::setWorkspaceSuspended(const Caller& caller, const QString& tenantId,
                                                      const QString& workspaceId, bool suspended,
                                                      const Expect<Workspace>& expect)
{
    Operation op{suspended ? QStringLiteral("workspace.suspend") : QStringLiteral("workspace.resume"),
                 Permission::WorkspacesWrite,
                 tenantId,
                 workspaceId,
                 QStringLiteral("workspace"),
                 workspaceId};
    return perform<Workspace>(caller, op, [&](Context& ctx, Workspace& out) -> Result<void> {
        auto w = loadWorkspace(tenantId, workspaceId);
        if (!w)
            return w.error();
        if (auto stale = checkExpected(ctx, expect, w.value(), QStringLiteral("workspace")); !stale)
            return stale;
        out = w.value();
        out.status = suspended ? QStringLiteral("suspended") : QStringLiteral("active");
        ctx.details = describe(out);
        return sql::run(m_db, "UPDATE workspaces SET status = ? WHERE tenant_id = ? AND id = ?;", out.status, tenantId,
                        workspaceId);
    });
}

Result<void> ControlPlane::deleteWorkspace(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                           const QString& confirmName)
{
    // Deleting needs the permission over the whole tenant, not just inside the workspace.
    Operation op{QStringLiteral("workspace.delete"),
                 Permission::WorkspacesWrite,
                 tenantId,
                 {},
                 QStringLiteral("workspace"),
                 workspaceId};
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto w = loadWorkspace(tenantId, workspaceId);
        if (!w)
            return w.error();
        ctx.details = describe(w.value());
        if (confirmName != w.value().name)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("to delete a workspace, type its name (%1) to confirm; nothing was deleted")
                                 .arg(w.value().name));
        QStringList bindingIds;
        {
            auto s = sql::query(m_db, "SELECT id FROM bindings WHERE tenant_id = ? AND workspace_id = ?;", tenantId,
                                workspaceId);
            if (!s)
                return s.error();
            while (s.value().step().value())
                bindingIds << s.value().text(0);
        }
        if (auto d =
                sql::run(m_db, "DELETE FROM bindings WHERE tenant_id = ? AND workspace_id = ?;", tenantId, workspaceId);
            !d)
            return d;
        // Tokens limited to the workspace have nothing left to act on: revoke them.
        if (auto d = sql::run(m_db,
                              "UPDATE api_tokens SET revoked_at = ? WHERE tenant_id = ? AND workspace_id = ? "
                              "AND revoked_at IS NULL;",
                              ctx.now, tenantId, workspaceId);
            !d)
            return d;
        if (auto d = sql::run(m_db, "DELETE FROM workspaces WHERE tenant_id = ? AND id = ?;", tenantId, workspaceId);
            !d)
            return d;
        ctx.onCommit.push_back([this, bindingIds] {
            for (const QString& id : bindingIds)
                m_authorizer.removeBinding(id);
        });
        return {};
    });
}

} // namespace gatehouse::service
