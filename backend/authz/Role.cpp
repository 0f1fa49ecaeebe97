#include "Role.h"

namespace gatehouse::authz::builtin {

const QList<Role>& roles()
{
    using P = Permission;
    static const QList<Role> list = [] {
        const PermissionSet tenantAll = allPermissions(Level::Tenant);
        const PermissionSet readEverything{P::SettingsRead, P::WorkspacesRead, P::UsersRead,     P::IntegrationsRead,
                                           P::RolesRead,    P::BindingsRead,   P::SecretsRead,   P::AuditRead,
                                           P::AuditExport,  P::BoundariesRead, P::EvidenceExport};
        return QList<Role>{
            {kPlatformOwner,
             {},
             QStringLiteral("Platform Owner"),
             QStringLiteral("Creates and manages tenants and platform administrators; reads the platform audit"),
             Level::Platform,
             allPermissions(Level::Platform),
             true},
            {kPlatformAuditor,
             {},
             QStringLiteral("Platform Auditor"),
             QStringLiteral("Reads tenants, platform administrators and the platform audit"),
             Level::Platform,
             PermissionSet{P::TenantsRead, P::UsersRead, P::RolesRead, P::BindingsRead, P::AuditRead, P::AuditExport,
                           P::BoundariesRead, P::EvidenceExport, P::MetricsRead},
             true},
            {kTenantOwner,
             {},
             QStringLiteral("Tenant Owner"),
             QStringLiteral("Everything inside the tenant"),
             Level::Tenant,
             tenantAll,
             true},
            {kTenantAdmin,
             {},
             QStringLiteral("Tenant Admin"),
             QStringLiteral("Manages workspaces, people, integrations, roles and bindings; cannot change tenant "
                            "settings nor reveal secrets"),
             Level::Tenant,
             tenantAll - PermissionSet{P::SettingsWrite, P::SecretsReveal, P::EvidenceExport},
             true},
            {kSecurityReviewer,
             {},
             QStringLiteral("Security Reviewer"),
             QStringLiteral("Reads everything including the audit; never reveals secrets"),
             Level::Tenant,
             readEverything,
             true},
            {kSecretsManager,
             {},
             QStringLiteral("Secrets Manager"),
             QStringLiteral("Manages and reveals secrets in its scope"),
             Level::Tenant,
             PermissionSet{P::WorkspacesRead, P::SecretsRead, P::SecretsWrite, P::SecretsReveal},
             true},
            {kMember,
             {},
             QStringLiteral("Member"),
             QStringLiteral("Reads workspace and secret metadata"),
             Level::Tenant,
             PermissionSet{P::WorkspacesRead, P::SecretsRead},
             true},
            {kIntegration,
             {},
             QStringLiteral("Integration"),
             QStringLiteral("Nothing until bound to a role with permissions"),
             Level::Tenant,
             PermissionSet{},
             true},
        };
    }();
    return list;
}

const Role* find(const QString& id)
{
    for (const Role& r : roles()) {
        if (r.id == id)
            return &r;
    }
    return nullptr;
}

} // namespace gatehouse::authz::builtin
