#include "Permission.h"

#include <array>

namespace gatehouse::authz {

namespace {

enum Where : quint8 { PlatformOnly = 1, TenantOnly = 2, Both = 3 };

struct Entry
{
    Permission permission;
    const char* name;
    Where where;
};

constexpr std::array<Entry, static_cast<int>(Permission::Count_)> kCatalog{{
    {Permission::TenantsRead, "tenants.read", PlatformOnly},
    {Permission::TenantsWrite, "tenants.write", PlatformOnly},
    {Permission::SettingsRead, "settings.read", TenantOnly},
    {Permission::SettingsWrite, "settings.write", TenantOnly},
    {Permission::WorkspacesRead, "workspaces.read", TenantOnly},
    {Permission::WorkspacesWrite, "workspaces.write", TenantOnly},
    {Permission::UsersRead, "users.read", Both},
    {Permission::UsersWrite, "users.write", Both},
    {Permission::IntegrationsRead, "integrations.read", TenantOnly},
    {Permission::IntegrationsWrite, "integrations.write", TenantOnly},
    {Permission::RolesRead, "roles.read", Both},
    {Permission::RolesWrite, "roles.write", TenantOnly},
    {Permission::BindingsRead, "bindings.read", Both},
    {Permission::BindingsWrite, "bindings.write", Both},
    {Permission::SecretsRead, "secrets.read", TenantOnly},
    {Permission::SecretsWrite, "secrets.write", TenantOnly},
    {Permission::SecretsReveal, "secrets.reveal", TenantOnly},
    {Permission::AuditRead, "audit.read", Both},
    {Permission::AuditExport, "audit.export", Both},
    {Permission::AuditManage, "audit.manage", PlatformOnly},
    {Permission::BoundariesRead, "boundaries.read", Both},
    {Permission::EvidenceExport, "evidence.export", Both},
    {Permission::MetricsRead, "metrics.read", PlatformOnly},
    {Permission::OwnershipWrite, "ownership.write", PlatformOnly},
}};

const Entry& entry(Permission p)
{
    return kCatalog[static_cast<std::size_t>(p)];
}

} // namespace

QString permissionName(Permission p)
{
    return QString::fromLatin1(entry(p).name);
}

std::optional<Permission> permissionFromName(const QString& name)
{
    for (const Entry& e : kCatalog) {
        if (name == QLatin1String(e.name))
            return e.permission;
    }
    return std::nullopt;
}

bool grantableAt(Permission p, Level level)
{
    return entry(p).where & (level == Level::Platform ? PlatformOnly : TenantOnly);
}

PermissionSet allPermissions(Level level)
{
    PermissionSet s;
    for (const Entry& e : kCatalog) {
        if (grantableAt(e.permission, level))
            s = s | PermissionSet{e.permission};
    }
    return s;
}

QStringList PermissionSet::names() const
{
    QStringList out;
    for (const Entry& e : kCatalog) {
        if (has(e.permission))
            out << QString::fromLatin1(e.name);
    }
    return out;
}

std::optional<PermissionSet> PermissionSet::parse(const QStringList& names, QString* unknown)
{
    PermissionSet s;
    for (const QString& n : names) {
        const auto p = permissionFromName(n.trimmed());
        if (!p) {
            if (unknown)
                *unknown = n;
            return std::nullopt;
        }
        s = s | PermissionSet{*p};
    }
    return s;
}

} // namespace gatehouse::authz
