#pragma once

#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::authz {

// The permission catalog: every `resource.verb` Gatehouse knows, in one place. Roles are sets of these.
enum class Permission : quint8 {
    TenantsRead,
    TenantsWrite,
    SettingsRead,
    SettingsWrite,
    WorkspacesRead,
    WorkspacesWrite,
    UsersRead,
    UsersWrite,
    IntegrationsRead,
    IntegrationsWrite,
    RolesRead,
    RolesWrite,
    BindingsRead,
    BindingsWrite,
    SecretsRead,
    SecretsWrite,
    SecretsReveal,
    AuditRead,
    AuditExport,
    AuditManage,
    BoundariesRead,
    EvidenceExport,
    MetricsRead,
    OwnershipWrite,
    Count_
};

// Where a role applies. Some permissions exist at one level only (tenants.* on the platform, secrets.* in
// tenants); others (users, bindings, audit, ...) at both, each level over its own objects.
enum class Level { Platform, Tenant };

class PermissionSet
{
public:
    constexpr PermissionSet() = default;
    constexpr PermissionSet(std::initializer_list<Permission> list)
    {
        for (Permission p : list)
            m_bits |= bit(p);
    }
    static constexpr PermissionSet fromBits(quint64 bits)
    {
        PermissionSet s;
        s.m_bits = bits;
        return s;
    }

    constexpr bool has(Permission p) const { return m_bits & bit(p); }
    constexpr bool containsAll(PermissionSet other) const { return (m_bits & other.m_bits) == other.m_bits; }
    constexpr PermissionSet operator|(PermissionSet o) const { return fromBits(m_bits | o.m_bits); }
    constexpr PermissionSet operator-(PermissionSet o) const { return fromBits(m_bits & ~o.m_bits); }
    constexpr bool operator==(const PermissionSet&) const = default;
    constexpr quint64 bits() const { return m_bits; }
    constexpr bool isEmpty() const { return m_bits == 0; }

    QStringList names() const;
    // Parses "a.read,b.write"; nullopt names the first unknown permission in `unknown`.
    static std::optional<PermissionSet> parse(const QStringList& names, QString* unknown = nullptr);

private:
    static constexpr quint64 bit(Permission p) { return quint64(1) << static_cast<int>(p); }
    quint64 m_bits = 0;
};

QString permissionName(Permission p);
std::optional<Permission> permissionFromName(const QString& name);
bool grantableAt(Permission p, Level level);
PermissionSet allPermissions(Level level);

} // namespace gatehouse::authz
