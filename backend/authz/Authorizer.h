#pragma once

#include "Binding.h"
#include "Role.h"

#include <QHash>
#include <QReadWriteLock>
#include <QVector>

namespace gatehouse::authz {

struct Decision
{
    bool allowed = false;
    Permission permission = Permission::Count_;
    QString tenantId;
    QString workspaceId;
    QString bindingId; // the binding that allowed it
    QString roleId;
    QString roleName;
    QString bindingScope; // where that binding applies: "" platform/tenant-wide, or its workspace

    // For people and for the audit trail. Built on demand: the hot path only needs `allowed`.
    QString reason() const;
};

// The in-memory index behind every authorization decision: roles and bindings, kept in step with the store
// by the control plane after each committed change. Deny by default: a decision is "allowed" only when a
// binding of the identity covers the scope and its role holds the permission. Thread-safe.
class Authorizer
{
public:
    Authorizer();

    void putRole(const Role& role);
    void removeRole(const QString& roleId);
    void putBinding(const Binding& binding);
    void removeBinding(const QString& bindingId);
    void removeIdentity(const QString& identityId);
    void removeTenant(const QString& tenantId);

    // tenantId empty = the platform; workspaceId empty = the whole tenant.
    Decision decide(const QString& identityId, authz::Permission permission, const QString& tenantId,
                    const QString& workspaceId) const;
    PermissionSet effective(const QString& identityId, const QString& tenantId, const QString& workspaceId) const;

    std::optional<Role> role(const QString& roleId) const;
    QList<Binding> bindingsOf(const QString& identityId) const;
    std::optional<Binding> binding(const QString& bindingId) const;
    int countBindings(const QString& tenantId, const QString& roleId, bool tenantWideOnly) const;

private:
    bool covers(const Binding& b, const QString& tenantId, const QString& workspaceId) const;

    void unindex(const Binding& binding);

    mutable QReadWriteLock m_lock;
    QHash<QString, Role> m_roles;
    QHash<QString, Binding> m_bindings;
    // identity id -> copies of its bindings: one hash lookup per decision, then a short scan.
    QHash<QString, QVector<Binding>> m_byIdentity;
};

} // namespace gatehouse::authz
