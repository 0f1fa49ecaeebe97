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
        {"auth.signin", kNone, S::Own, E::None, "Sign in"},
        {"auth.signout", kNone, S::Own, E::None, "Sign out"},
        {"auth.whoami", kNone, S::Own, E::None, "Who am I"},
        {"user.password.change", kNone, S::Own, E::OwnCredentials, "Change your password"},
        {"user.mfa.begin", kNone, S::Own, E::None, "Start enrolling an authenticator"},
        {"user.mfa.enable", kNone, S::Own, E::OwnCredentials, "Confirm a new authenticator"},
        {"user.mfa.remove", kNone, S::Own, E::OwnCredentials, "Remove your authenticator"},
        {"user.mfa.recovery.regenerate", kNone, S::Own, E::OwnCredentials, "New recovery codes"},
        {"platform.bootstrap", Permission::UsersWrite, S::System, E::CreatesIdentity,
         "Create the first platform owner"},
        {"key.rotate", kNone, S::System, E::None, "Rotate the master key"},
        {"store.integrity_check", kNone, S::System, E::None, "Scan the store's integrity"},
        // --- tenants and their settings ---
        {"tenant.create", Permission::TenantsWrite, S::Platform, E::CreatesIdentity, "Create a tenant"},
        {"tenant.list", Permission::TenantsRead, S::Platform, E::None, "List tenants"},
        {"tenant.read", Permission::TenantsRead, S::Platform, E::None, "Read a tenant"},
        {"tenant.rename", Permission::TenantsWrite, S::Platform, E::None, "Rename a tenant"},
        {"tenant.suspend", Permission::TenantsWrite, S::Platform, E::None, "Suspend a tenant"},
        {"tenant.resume", Permission::TenantsWrite, S::Platform, E::None, "Resume a tenant"},
        {"tenant.delete", Permission::TenantsWrite, S::Platform, E::None, "Delete a tenant"},
        {"settings.read", Permission::SettingsRead, S::Tenant, E::None, "Read tenant settings"},
        {"settings.update", Permission::SettingsWrite, S::Tenant, E::None, "Change tenant settings"},
        // --- workspaces ---
        {"workspace.create", Permission::WorkspacesWrite, S::Tenant, E::None, "Create a workspace"},
        {"workspace.list", Permission::WorkspacesRead, S::Tenant, E::None, "List workspaces"},
        {"workspace.read", Permission::WorkspacesRead, S::Workspace, E::None, "Read a workspace"},
        {"workspace.rename", Permission::WorkspacesWrite, S::Workspace, E::None, "Rename a workspace"},
        {"workspace.suspend", Permission::WorkspacesWrite, S::Workspace, E::None, "Suspend a workspace"},
        {"workspace.resume", Permission::WorkspacesWrite, S::Workspace, E::None, "Resume a workspace"},
        {"workspace.delete", Permission::WorkspacesWrite, S::Tenant, E::None, "Delete a workspace"},
        // --- users ---
        {"user.create", Permission::UsersWrite, S::Tenant, E::CreatesIdentity, "Create a user"},
        {"user.list", Permission::UsersRead, S::Tenant, E::None, "List users"},
        {"user.read", Permission::UsersRead, S::Tenant, E::None, "Read a user"},
        {"user.update", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Edit a user"},
        {"user.lock", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Lock a user"},
        {"user.unlock", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Unlock a user"},
        {"user.disable", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Disable a user"},
        {"user.enable", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Enable a user"},
        {"user.password.reset", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Reset a user's password"},
        {"user.mfa.reset", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Reset a user's two-factor"},
        {"user.sessions.end", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "End a user's sessions"},
        {"user.delete", Permission::UsersWrite, S::Tenant, E::ActsOnIdentity, "Delete a user"},
        // --- integrations and their tokens ---
        {"integration.create", Permission::IntegrationsWrite, S::Tenant, E::None, "Create an integration"},
        {"integration.list", Permission::IntegrationsRead, S::Tenant, E::None, "List integrations"},
        {"integration.lock", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity, "Lock an integration"},
        {"integration.unlock", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity, "Unlock an integration"},
        {"integration.certificate.bind", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         "Bind a client certificate"},
        {"integration.certificate.unbind", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity,
         "Unbind the client certificate"},
        {"integration.delete", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity, "Delete an integration"},
        {"token.issue", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity, "Issue a token"},
        {"token.list", Permission::IntegrationsRead, S::Tenant, E::None, "List tokens"},
        {"token.revoke", Permission::IntegrationsWrite, S::Tenant, E::ActsOnIdentity, "Revoke a token"},
        // --- roles and bindings ---
        {"role.create", Permission::RolesWrite, S::Tenant, E::GrantsPermissions, "Create a role"},
        {"role.list", Permission::RolesRead, S::Tenant, E::None, "List roles"},
        {"role.update", Permission::RolesWrite, S::Tenant, E::GrantsPermissions, "Edit a role"},
        {"role.delete", Permission::RolesWrite, S::Tenant, E::GrantsPermissions, "Delete a role"},
        {"binding.create", Permission::BindingsWrite, S::Tenant, E::GrantsPermissions, "Grant a role"},
        {"binding.list", Permission::BindingsRead, S::Tenant, E::None, "List role bindings"},
        {"binding.delete", Permission::BindingsWrite, S::Tenant, E::GrantsPermissions, "Remove a role binding"},
        {"authz.check", Permission::BindingsRead, S::Tenant, E::None, "Check a permission"},
        {"authz.effective", Permission::BindingsRead, S::Tenant, E::None, "Effective permissions"},
        {"authz.explain", Permission::BindingsRead, S::Tenant, E::None, "Explain access"},
        // --- secrets ---
        {"secret.create", Permission::SecretsWrite, S::Workspace, E::None, "Create a secret"},
        {"secret.update", Permission::SecretsWrite, S::Workspace, E::None, "Store a new version"},
        {"secret.list", Permission::SecretsRead, S::Workspace, E::None, "List secrets"},
        {"secret.versions", Permission::SecretsRead, S::Workspace, E::None, "List a secret's versions"},
        {"secret.reveal", Permission::SecretsReveal, S::Workspace, E::None, "Reveal a secret"},
        {"secret.delete", Permission::SecretsWrite, S::Workspace, E::None, "Delete a secret"},
        {"secret.undelete", Permission::SecretsWrite, S::Workspace, E::None, "Restore a deleted secret"},
        {"secret.restore", Permission::SecretsWrite, S::Workspace, E::None, "Restore an earlier version"},
        {"secret.version.destroy", Permission::SecretsWrite, S::Workspace, E::None, "Destroy a version"},
        {"secret.rotated", Permission::SecretsWrite, S::Workspace, E::None, "Mark rotated"},
        {"secret.due", Permission::SecretsRead, S::Workspace, E::None, "Secrets due for rotation"},
        // --- audit ---
        {"audit.search", Permission::AuditRead, S::Tenant, E::None, "Search the audit trail"},
        {"audit.histogram", Permission::AuditRead, S::Tenant, E::None, "Audit histogram"},
        {"audit.verify", Permission::AuditRead, S::Platform, E::None, "Verify the audit chain"},
        {"audit.export", Permission::AuditExport, S::Tenant, E::None, "Export the audit trail"},
        {"audit.follow", Permission::AuditRead, S::Tenant, E::None, "Follow the audit trail"},
        {"audit.public-key", kNone, S::Own, E::None, "The audit signing key"},
        {"audit.retention.read", Permission::AuditManage, S::Platform, E::None, "Read the retention policy"},
        {"audit.retention.update", Permission::AuditManage, S::Platform, E::None, "Change the retention policy"},
        {"audit.prune", Permission::AuditManage, S::Platform, E::None, "Prune the audit trail"},
        {"audit.checkpoint", Permission::AuditManage, S::Platform, E::None, "Sign an audit checkpoint now"},
        // --- monitoring and trust boundaries ---
        {"metrics.read", Permission::MetricsRead, S::Platform, E::None, "Read metrics"},
        {"overview.platform", Permission::TenantsRead, S::Platform, E::None, "What needs attention, per tenant"},
        {"overview.tenant", Permission::WorkspacesRead, S::Tenant, E::None, "What needs attention in a tenant"},
        {"boundary.list", Permission::BoundariesRead, S::Platform, E::None, "List trust boundaries"},
        {"boundary.read", Permission::BoundariesRead, S::Platform, E::None, "Read a trust boundary"},
        {"boundary.control.read", Permission::BoundariesRead, S::Platform, E::None, "Check a control"},
        {"ownership.read", Permission::BoundariesRead, S::Platform, E::None, "Read deployment ownership"},
        {"ownership.update", Permission::OwnershipWrite, S::Platform, E::None, "State deployment ownership"},
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
