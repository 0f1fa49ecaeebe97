#include "OperationCatalog.h"

#include <QHash>

namespace gatehouse::service {

using authz::Permission;
using E = IdentityEffect;
using S = OperationScope;

namespace {

constexpr Permission kNone = Permission::Count_;

} // namespace

const QList<OperationInfo>& OperationCatalog::all()
{
    static const QList<OperationInfo> list{
        // --- authentication and the caller's own credentials ---
        {"auth.signin", kNone, S::Own, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "Sign in")},
        {"auth.signout", kNone, S::Own, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "Sign out")},
        {"auth.whoami", kNone, S::Own, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "Who am I")},
        {"auth.oidc.start", kNone, S::Own, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Start a sign-in at the tenant's identity provider")},
        {"auth.oidc.signin", kNone, S::Own, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Sign in at the tenant's identity provider")},
        {"auth.oidc.exchange", kNone, S::Own, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Exchange a provider's access token for an integration token")},
        {"user.password.change", kNone, S::Own, E::OwnCredentials,
         QT_TRANSLATE_NOOP("OperationCatalog", "Change your password")},
        {"user.mfa.begin", kNone, S::Own, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Start enrolling an authenticator")},
        {"user.mfa.enable", kNone, S::Own, E::OwnCredentials,
         QT_TRANSLATE_NOOP("OperationCatalog", "Confirm a new authenticator")},
        {"user.mfa.remove", kNone, S::Own, E::OwnCredentials,
         QT_TRANSLATE_NOOP("OperationCatalog", "Remove your authenticator")},
        {"user.mfa.recovery.regenerate", kNone, S::Own, E::OwnCredentials,
         QT_TRANSLATE_NOOP("OperationCatalog", "New recovery codes")},
        {"platform.bootstrap", Permission::UsersWrite, S::System, E::CreatesIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create the first platform owner")},
        {"key.rotate", kNone, S::System, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "Rotate the master key")},
        {"store.integrity_check", kNone, S::System, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Scan the store's integrity")},
        // --- tenants and their settings ---
        {"tenant.create", Permission::TenantsWrite, S::Platform, E::CreatesIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create a tenant")},
        {"tenant.list", Permission::TenantsRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List tenants")},
        {"tenant.read", Permission::TenantsRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read a tenant")},
        {"tenant.rename", Permission::TenantsWrite, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Rename a tenant")},
        {"tenant.suspend", Permission::TenantsWrite, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Suspend a tenant")},
        {"tenant.resume", Permission::TenantsWrite, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Resume a tenant")},
        {"tenant.delete", Permission::TenantsWrite, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Delete a tenant")},
        {"settings.read", Permission::SettingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read tenant settings")},
        {"settings.update", Permission::SettingsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Change tenant settings")},
        // --- workspaces ---
        {"workspace.create", Permission::WorkspacesWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create a workspace")},
        {"workspace.list", Permission::WorkspacesRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List workspaces")},
        {"workspace.read", Permission::WorkspacesRead, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read a workspace")},
        {"workspace.rename", Permission::WorkspacesWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Rename a workspace")},
        {"workspace.suspend", Permission::WorkspacesWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Suspend a workspace")},
        {"workspace.resume", Permission::WorkspacesWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Resume a workspace")},
        {"workspace.delete", Permission::WorkspacesWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Delete a workspace")},
        // --- users ---
        {"user.create", Permission::UsersWrite, S::Tenant, E::CreatesIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create a user")},
        {"user.list", Permission::UsersRead, S::Tenant, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "List users")},
        {"user.read", Permission::UsersRead, S::Tenant, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "Read a user")},
        {"user.update", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Edit a user")},
        {"user.lock", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Lock a user")},
        {"user.unlock", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Unlock a user")},
        {"user.disable", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Disable a user")},
        {"user.enable", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Enable a user")},
        {"user.password.reset", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Reset a user's password")},
        {"user.mfa.reset", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Reset a user's two-factor")},
        {"user.sessions.end", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "End a user's sessions")},
        {"user.delete", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Delete a user")},
        // --- integrations and their tokens ---
        {"integration.create", Permission::IntegrationsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create an integration")},
        {"integration.list", Permission::IntegrationsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List integrations")},
        {"integration.lock", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Lock an integration")},
        {"integration.unlock", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Unlock an integration")},
        {"integration.certificate.bind", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Bind a client certificate")},
        {"integration.certificate.unbind", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Unbind the client certificate")},
        {"integration.federation.link", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Link an integration to a provider subject")},
        {"integration.federation.unlink", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Unlink an integration from its provider subject")},
        {"integration.delete", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Delete an integration")},
        {"token.issue", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Issue a token")},
        {"token.list", Permission::IntegrationsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List tokens")},
        {"token.revoke", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Revoke a token")},
        // --- roles and bindings ---
        {"role.create", Permission::RolesWrite, S::Tenant, E::GrantsPermissions,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create a role")},
        {"role.list", Permission::RolesRead, S::Tenant, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "List roles")},
        {"role.update", Permission::RolesWrite, S::Tenant, E::GrantsPermissions,
         QT_TRANSLATE_NOOP("OperationCatalog", "Edit a role")},
        {"role.delete", Permission::RolesWrite, S::Tenant, E::GrantsPermissions,
         QT_TRANSLATE_NOOP("OperationCatalog", "Delete a role")},
        {"binding.create", Permission::BindingsWrite, S::Tenant, E::GrantsPermissions,
         QT_TRANSLATE_NOOP("OperationCatalog", "Grant a role")},
        {"binding.list", Permission::BindingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List role bindings")},
        {"binding.delete", Permission::BindingsWrite, S::Tenant, E::GrantsPermissions,
         QT_TRANSLATE_NOOP("OperationCatalog", "Remove a role binding")},
        {"authz.check", Permission::BindingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Check a permission")},
        {"authz.effective", Permission::BindingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Effective permissions")},
        {"authz.explain", Permission::BindingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Explain access")},
        // --- secrets ---
        {"secret.create", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create a secret")},
        {"secret.update", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Store a new version")},
        {"secret.list", Permission::SecretsRead, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List secrets")},
        {"secret.versions", Permission::SecretsRead, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List a secret's versions")},
        {"secret.reveal", Permission::SecretsReveal, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Reveal a secret")},
        {"secret.delete", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Delete a secret")},
        {"secret.undelete", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Restore a deleted secret")},
        {"secret.restore", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Restore an earlier version")},
        {"secret.version.destroy", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Destroy a version")},
        {"secret.rotated", Permission::SecretsWrite, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Mark rotated")},
        {"secret.due", Permission::SecretsRead, S::Workspace, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Secrets due for rotation")},
        // --- audit ---
        {"audit.search", Permission::AuditRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Search the audit trail")},
        {"audit.histogram", Permission::AuditRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Audit histogram")},
        {"audit.verify", Permission::AuditRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Verify the audit chain")},
        {"audit.export", Permission::AuditExport, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Export the audit trail")},
        {"audit.follow", Permission::AuditRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Follow the audit trail")},
        {"audit.public-key", kNone, S::Own, E::None, QT_TRANSLATE_NOOP("OperationCatalog", "The audit signing key")},
        {"audit.retention.read", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read the retention policy")},
        {"audit.retention.update", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Change the retention policy")},
        {"audit.prune", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Prune the audit trail")},
        {"audit.checkpoint", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Sign an audit checkpoint now")},
        {"audit.checkpoint.latest", Permission::AuditRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "The newest signed checkpoint")},
        // --- monitoring and trust boundaries ---
        {"metrics.read", Permission::MetricsRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read metrics")},
        {"overview.platform", Permission::TenantsRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "What needs attention, per tenant")},
        {"overview.tenant", Permission::WorkspacesRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "What needs attention in a tenant")},
        {"forwarding.read", Permission::AuditRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read audit forwarding status")},
        {"forwarding.create", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Add a platform forwarding destination")},
        {"forwarding.update", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Change a platform forwarding destination")},
        {"forwarding.delete", Permission::AuditManage, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Remove a platform forwarding destination")},
        {"forwarding.tenant.create", Permission::SettingsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Add a tenant forwarding destination")},
        {"forwarding.tenant.update", Permission::SettingsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Change a tenant forwarding destination")},
        {"forwarding.tenant.delete", Permission::SettingsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Remove a tenant forwarding destination")},
        {"forwarding.alarm", kNone, S::System, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "A forwarding destination unreachable too long")},
        // --- OIDC federation ---
        // Setting the provider decides who vouches for the tenant's federated users; the body refuses a caller who
        // holds less than any of them (target_holds_more), so the class of the change is its own check.
        {"oidc.provider.read", Permission::SettingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read the tenant's identity provider")},
        {"oidc.provider.set", Permission::SettingsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Set the tenant's identity provider")},
        {"oidc.provider.remove", Permission::SettingsWrite, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Remove the tenant's identity provider")},
        {"oidc.mapping.list", Permission::BindingsRead, S::Tenant, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List group mappings")},
        {"oidc.mapping.set", Permission::BindingsWrite, S::Tenant, E::GrantsPermissions,
         QT_TRANSLATE_NOOP("OperationCatalog", "Map provider groups to roles")},
        // Done by a federated sign-in on the provider's word, within what the tenant's mappings allow.
        {"oidc.user.provision", kNone, S::System, E::CreatesIdentity,
         QT_TRANSLATE_NOOP("OperationCatalog", "Create a user at their first federated sign-in")},
        // The grant itself was checked when its mapping was made (oidc.mapping.set).
        {"oidc.roles.sync", kNone, S::System, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Group-mapped roles follow the provider's groups")},
        {"boundary.list", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "List trust boundaries")},
        {"boundary.read", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read a trust boundary")},
        {"boundary.control.read", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Check a control")},
        {"boundary.check.run", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Check every control now and keep the results")},
        {"boundary.control.history", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read a control's history")},
        {"evidence.generate", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Generate a signed evidence report")},
        {"ownership.read", Permission::BoundariesRead, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "Read deployment ownership")},
        {"ownership.update", Permission::OwnershipWrite, S::Platform, E::None,
         QT_TRANSLATE_NOOP("OperationCatalog", "State deployment ownership")},
    };
    return list;
}

const OperationInfo* OperationCatalog::find(QStringView action)
{
    // Looked up by every call of the control plane: a hash built once.
    static const QHash<QString, const OperationInfo*> index = [] {
        QHash<QString, const OperationInfo*> out;
        for (const OperationInfo& info : all())
            out.insert(QLatin1String(info.action), &info);
        return out;
    }();
    return index.value(action.toString(), nullptr);
}

QString OperationCatalog::effectName(IdentityEffect effect)
{
    switch (effect) {
    case E::None:
        return QStringLiteral("none");
    case E::ActsOnIdentity:
        return QStringLiteral("acts_on_identity");
    case E::GrantsPermissions:
        return QStringLiteral("grants_permissions");
    case E::OwnCredentials:
        return QStringLiteral("own_credentials");
    case E::CreatesIdentity:
        return QStringLiteral("creates_identity");
    }
    return {};
}

} // namespace gatehouse::service
