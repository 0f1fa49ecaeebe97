#include "Authorizer.h"

namespace gatehouse::authz {

namespace {

QString scopeName(const QString& tenantId, const QString& workspaceId)
{
    if (tenantId.isEmpty())
        return QStringLiteral("platform scope");
    return workspaceId.isEmpty() ? QStringLiteral("tenant scope") : QStringLiteral("workspace %1").arg(workspaceId);
}

} // namespace

QString Decision::reason() const
{
    if (allowed)
        return QStringLiteral("allowed by binding %1: role %2 at %3")
            .arg(bindingId, roleName, scopeName(tenantId, bindingScope));
    return QStringLiteral("no binding grants %1 at %2")
        .arg(permissionName(permission), scopeName(tenantId, workspaceId));
}

Authorizer::Authorizer()
{
    for (const Role& r : builtin::roles())
        m_roles.insert(r.id, r);
}

void Authorizer::putRole(const Role& role)
{
    QWriteLocker lock(&m_lock);
    m_roles.insert(role.id, role);
}

void Authorizer::removeRole(const QString& roleId)
{
    QWriteLocker lock(&m_lock);
    if (!builtin::find(roleId))
        m_roles.remove(roleId);
}

void Authorizer::unindex(const Binding& binding)
{
    auto it = m_byIdentity.find(binding.identityId);
    if (it == m_byIdentity.end())
        return;
    it->removeIf([&binding](const Binding& b) { return b.id == binding.id; });
    if (it->isEmpty())
        m_byIdentity.erase(it);
}

void Authorizer::putBinding(const Binding& binding)
{
    QWriteLocker lock(&m_lock);
    if (const auto old = m_bindings.constFind(binding.id); old != m_bindings.cend())
        unindex(*old);
    m_bindings.insert(binding.id, binding);
    m_byIdentity[binding.identityId].append(binding);
}

void Authorizer::removeBinding(const QString& bindingId)
{
    QWriteLocker lock(&m_lock);
    const auto it = m_bindings.constFind(bindingId);
    if (it == m_bindings.cend())
        return;
    unindex(*it);
    m_bindings.erase(it);
}

void Authorizer::removeIdentity(const QString& identityId)
{
    QWriteLocker lock(&m_lock);
    for (const Binding& b : m_byIdentity.value(identityId))
        m_bindings.remove(b.id);
    m_byIdentity.remove(identityId);
}

void Authorizer::removeTenant(const QString& tenantId)
{
    QWriteLocker lock(&m_lock);
    for (auto it = m_bindings.begin(); it != m_bindings.end();) {
        if (it->tenantId == tenantId) {
            unindex(*it);
            it = m_bindings.erase(it);
        } else {
            ++it;
        }
    }
    for (auto it = m_roles.begin(); it != m_roles.end();)
        it = it->tenantId == tenantId && !it->builtin ? m_roles.erase(it) : std::next(it);
}

bool Authorizer::covers(const Binding& b, const QString& tenantId, const QString& workspaceId) const
{
    if (b.tenantId != tenantId)
        return false;
    // A tenant-wide binding covers the tenant and every workspace in it; a workspace binding only its own.
    return b.workspaceId.isEmpty() || b.workspaceId == workspaceId;
}

Decision Authorizer::decide(const QString& identityId, Permission permission, const QString& tenantId,
                            const QString& workspaceId) const
{
    Decision d;
    d.permission = permission;
    d.tenantId = tenantId;
    d.workspaceId = workspaceId;
    QReadLocker lock(&m_lock);
    const Level level = tenantId.isEmpty() ? Level::Platform : Level::Tenant;
    const auto bindings = m_byIdentity.constFind(identityId);
    if (bindings == m_byIdentity.cend())
        return d;
    for (const Binding& b : *bindings) {
        if (!covers(b, tenantId, workspaceId))
            continue;
        const auto role = m_roles.constFind(b.roleId);
        if (role == m_roles.cend() || role->level != level || !role->permissions.has(permission))
            continue;
        d.allowed = true;
        d.bindingId = b.id;
        d.roleId = b.roleId;
        d.roleName = role->name;
        d.bindingScope = b.workspaceId;
        return d;
    }
    return d;
}

PermissionSet Authorizer::effective(const QString& identityId, const QString& tenantId,
                                    const QString& workspaceId) const
{
    QReadLocker lock(&m_lock);
    const Level level = tenantId.isEmpty() ? Level::Platform : Level::Tenant;
    PermissionSet out;
    for (const Binding& b : m_byIdentity.value(identityId)) {
        const auto role = m_roles.constFind(b.roleId);
        if (covers(b, tenantId, workspaceId) && role != m_roles.cend() && role->level == level)
            out = out | role->permissions;
    }
    return out;
}

std::optional<Role> Authorizer::role(const QString& roleId) const
{
    QReadLocker lock(&m_lock);
    const auto it = m_roles.constFind(roleId);
    return it == m_roles.cend() ? std::nullopt : std::optional<Role>(*it);
}

QList<Binding> Authorizer::bindingsOf(const QString& identityId) const
{
    QReadLocker lock(&m_lock);
    return m_byIdentity.value(identityId);
}

std::optional<Binding> Authorizer::binding(const QString& bindingId) const
{
    QReadLocker lock(&m_lock);
    const auto it = m_bindings.constFind(bindingId);
    return it == m_bindings.cend() ? std::nullopt : std::optional<Binding>(*it);
}

int Authorizer::countBindings(const QString& tenantId, const QString& roleId, bool tenantWideOnly) const
{
    QReadLocker lock(&m_lock);
    int n = 0;
    for (const Binding& b : m_bindings) {
        if (b.tenantId == tenantId && b.roleId == roleId && (!tenantWideOnly || b.workspaceId.isEmpty()))
            ++n;
    }
    return n;
}

} // namespace gatehouse::authz
