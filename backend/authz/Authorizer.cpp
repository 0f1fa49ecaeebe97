#include "Authorizer.h"

namespace gatehouse::authz {

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

void Authorizer::putBinding(const Binding& binding)
{
    QWriteLocker lock(&m_lock);
    if (!m_bindings.contains(binding.id))
        m_byIdentity[binding.identityId].append(binding.id);
    m_bindings.insert(binding.id, binding);
}

void Authorizer::removeBinding(const QString& bindingId)
{
    QWriteLocker lock(&m_lock);
    const auto it = m_bindings.constFind(bindingId);
    if (it == m_bindings.cend())
        return;
    auto& list = m_byIdentity[it->identityId];
    list.removeAll(bindingId);
    if (list.isEmpty())
        m_byIdentity.remove(it->identityId);
    m_bindings.erase(it);
}

void Authorizer::removeIdentity(const QString& identityId)
{
    QWriteLocker lock(&m_lock);
    for (const QString& id : m_byIdentity.value(identityId))
        m_bindings.remove(id);
    m_byIdentity.remove(identityId);
}

void Authorizer::removeTenant(const QString& tenantId)
{
    QWriteLocker lock(&m_lock);
    for (auto it = m_bindings.begin(); it != m_bindings.end();) {
        if (it->tenantId == tenantId) {
            auto& list = m_byIdentity[it->identityId];
            list.removeAll(it->id);
            if (list.isEmpty())
                m_byIdentity.remove(it->identityId);
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
    QReadLocker lock(&m_lock);
    const Level level = tenantId.isEmpty() ? Level::Platform : Level::Tenant;
    const auto ids = m_byIdentity.constFind(identityId);
    if (ids != m_byIdentity.cend()) {
        for (const QString& bindingId : *ids) {
            const Binding& b = *m_bindings.constFind(bindingId);
            if (!covers(b, tenantId, workspaceId))
                continue;
            const auto role = m_roles.constFind(b.roleId);
            if (role == m_roles.cend() || role->level != level || !role->permissions.has(permission))
                continue;
            return {true,
                    QStringLiteral("allowed by binding %1: role %2 at %3")
                        .arg(b.id, role->name,
                             b.tenantId.isEmpty()         ? QStringLiteral("platform scope")
                             : b.workspaceId.isEmpty()    ? QStringLiteral("tenant scope")
                                                          : QStringLiteral("workspace %1").arg(b.workspaceId)),
                    b.id, b.roleId};
        }
    }
    return {false,
            QStringLiteral("no binding grants %1 at %2")
                .arg(permissionName(permission),
                     tenantId.isEmpty()        ? QStringLiteral("platform scope")
                     : workspaceId.isEmpty()   ? QStringLiteral("tenant scope")
                                               : QStringLiteral("workspace %1").arg(workspaceId)),
            {},
            {}};
}

PermissionSet Authorizer::effective(const QString& identityId, const QString& tenantId, const QString& workspaceId) const
{
    QReadLocker lock(&m_lock);
    const Level level = tenantId.isEmpty() ? Level::Platform : Level::Tenant;
    PermissionSet out;
    for (const QString& bindingId : m_byIdentity.value(identityId)) {
        const Binding& b = *m_bindings.constFind(bindingId);
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
    QList<Binding> out;
    for (const QString& id : m_byIdentity.value(identityId))
        out << m_bindings.value(id);
    return out;
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
