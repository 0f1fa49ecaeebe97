#pragma once

#include "Caller.h"
#include "audit/AuditEvent.h"
#include "authz/Authorizer.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "identity/SourceThrottle.h"
#include "identity/User.h"
#include "tenancy/Tenant.h"

#include <QJsonObject>
#include <QMutex>

#include <functional>
#include <vector>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::service {

struct SignedIn
{
    QString token; // shown once
    qint64 expiresAtMs = 0;
    Principal principal;
    bool mfaEnrollmentRequired = false;
};

struct TotpEnrollment
{
    QString secret; // base32, for typing into an authenticator
    QString provisioningUri;
};

struct IssuedToken
{
    identity::ApiToken token;
    QString secret; // shown once, never stored
};

enum class UserStatusChange { Lock, Unlock, Disable, Enable };

// The control plane: the one place every operation passes through, from every front door. Each call
//   1. authenticates the caller (session or integration token still valid, identity and tenant active),
//   2. authorizes the action on its scope (deny by default; a denial is an audited event),
//   3. executes inside ONE store transaction with every query constrained to the scope's tenant, and
//   4. appends the audit event in that SAME transaction: no change commits without its event.
// Failed and denied calls are audited too. Objects of another tenant answer "not found".
// Thread-safe: calls are serialised on the store connection.
class ControlPlane
{
public:
    ControlPlane(store::Database& db, Clock& clock = Clock::system());
    ~ControlPlane();

    // Loads roles and bindings into the authorizer. Call once after opening the store.
    Result<void> load();

    // --- authentication -------------------------------------------------------------------------------
    // tenantName empty: a platform administrator. `totp` is a 6-digit code or a recovery code.
    Result<SignedIn> signIn(const Caller& caller, const QString& tenantName, const QString& username,
                            const SecureBytes& password, const QString& totp = {});
    Result<void> signOut(const Caller& caller);
    Result<Principal> whoami(const Caller& caller);
    Result<void> changeOwnPassword(const Caller& caller, const SecureBytes& current, const SecureBytes& next);
    Result<TotpEnrollment> beginTotpEnrollment(const Caller& caller);
    // Returns the ten single-use recovery codes, shown once.
    Result<QStringList> confirmTotpEnrollment(const Caller& caller, const QString& code);

    // --- bootstrap ------------------------------------------------------------------------------------
    // The first platform administrator (Platform Owner), created by `gatehoused init` or the desktop's first
    // run. Only the local system may call it, and only while the platform has no owner.
    Result<identity::User> bootstrapPlatformOwner(const Caller& caller, const QString& username,
                                                  const SecureBytes& password);

    // --- tenants (platform scope) ---------------------------------------------------------------------
    // Creates the tenant and its first Tenant Owner.
    Result<tenancy::Tenant> createTenant(const Caller& caller, const QString& name, const QString& displayName,
                                         const QString& ownerUsername, const SecureBytes& ownerPassword);
    Result<QList<tenancy::Tenant>> listTenants(const Caller& caller);
    Result<tenancy::Tenant> getTenant(const Caller& caller, const QString& tenantId);
    Result<tenancy::Tenant> renameTenant(const Caller& caller, const QString& tenantId, const QString& displayName);
    Result<tenancy::Tenant> setTenantSuspended(const Caller& caller, const QString& tenantId, bool suspended);
    // `confirmName` must repeat the tenant's name. Destroys all of the tenant's data.
    Result<void> deleteTenant(const Caller& caller, const QString& tenantId, const QString& confirmName);

    // --- tenant settings ------------------------------------------------------------------------------
    Result<tenancy::TenantSettings> tenantSettings(const Caller& caller, const QString& tenantId);
    Result<tenancy::TenantSettings> updateTenantSettings(const Caller& caller, const QString& tenantId,
                                                         const tenancy::TenantSettings& settings);

    // --- workspaces -----------------------------------------------------------------------------------
    Result<tenancy::Workspace> createWorkspace(const Caller& caller, const QString& tenantId, const QString& name,
                                               const QString& displayName);
    // The workspaces the caller may read: all of them with a tenant-wide binding, else those it is bound in.
    Result<QList<tenancy::Workspace>> listWorkspaces(const Caller& caller, const QString& tenantId);
    Result<tenancy::Workspace> getWorkspace(const Caller& caller, const QString& tenantId, const QString& workspaceId);
    Result<tenancy::Workspace> renameWorkspace(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, const QString& displayName);
    Result<tenancy::Workspace> setWorkspaceSuspended(const Caller& caller, const QString& tenantId,
                                                     const QString& workspaceId, bool suspended);
    Result<void> deleteWorkspace(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                 const QString& confirmName);

    // --- users (tenantId empty: platform administrators) -----------------------------------------------
    Result<identity::User> createUser(const Caller& caller, const QString& tenantId, const QString& username,
                                      const QString& displayName, const QString& email, const SecureBytes& password);
    Result<QList<identity::User>> listUsers(const Caller& caller, const QString& tenantId);
    Result<identity::User> getUser(const Caller& caller, const QString& tenantId, const QString& userId);
    Result<identity::User> updateUser(const Caller& caller, const QString& tenantId, const QString& userId,
                                      const QString& displayName, const QString& email);
    Result<identity::User> setUserStatus(const Caller& caller, const QString& tenantId, const QString& userId,
                                         UserStatusChange change);
    Result<void> resetUserPassword(const Caller& caller, const QString& tenantId, const QString& userId,
                                   const SecureBytes& password);
    Result<void> resetUserMfa(const Caller& caller, const QString& tenantId, const QString& userId);
    Result<void> deleteUser(const Caller& caller, const QString& tenantId, const QString& userId);

    // --- integrations and their tokens ----------------------------------------------------------------
    Result<identity::Integration> createIntegration(const Caller& caller, const QString& tenantId, const QString& name,
                                                    const QString& description);
    Result<QList<identity::Integration>> listIntegrations(const Caller& caller, const QString& tenantId);
    Result<identity::Integration> setIntegrationLocked(const Caller& caller, const QString& tenantId,
                                                       const QString& integrationId, bool locked);
    Result<void> deleteIntegration(const Caller& caller, const QString& tenantId, const QString& integrationId);
    // expiryDays: 1..365 (default 90). workspaceId non-empty limits the token to that workspace.
    Result<IssuedToken> issueToken(const Caller& caller, const QString& tenantId, const QString& integrationId,
                                   int expiryDays = 90, const QString& workspaceId = {});
    Result<QList<identity::ApiToken>> listTokens(const Caller& caller, const QString& tenantId,
                                                 const QString& integrationId);
    Result<void> revokeToken(const Caller& caller, const QString& tenantId, const QString& tokenId);

    // --- roles and bindings ---------------------------------------------------------------------------
    Result<authz::Role> createRole(const Caller& caller, const QString& tenantId, const QString& name,
                                   const QString& description, const QStringList& permissions);
    Result<QList<authz::Role>> listRoles(const Caller& caller, const QString& tenantId);
    Result<authz::Role> updateRole(const Caller& caller, const QString& tenantId, const QString& roleId,
                                   const QString& description, const QStringList& permissions);
    Result<void> deleteRole(const Caller& caller, const QString& tenantId, const QString& roleId);
    // tenantId empty: a platform binding. workspaceId empty: the whole tenant.
    Result<authz::Binding> createBinding(const Caller& caller, const QString& tenantId, const QString& identityKind,
                                         const QString& identityId, const QString& roleId,
                                         const QString& workspaceId = {});
    Result<QList<authz::Binding>> listBindings(const Caller& caller, const QString& tenantId);
    Result<void> deleteBinding(const Caller& caller, const QString& tenantId, const QString& bindingId);

    // --- authorization questions ----------------------------------------------------------------------
    Result<authz::Decision> checkAccess(const Caller& caller, const QString& tenantId, const QString& identityId,
                                        const QString& permission, const QString& workspaceId = {});
    Result<QStringList> effectivePermissions(const Caller& caller, const QString& tenantId, const QString& identityId,
                                             const QString& workspaceId = {});

    // --- audit ----------------------------------------------------------------------------------------
    // tenantId empty: the platform's events. Newest first; beforeSeq 0 starts at the newest.
    Result<QList<audit::AuditEvent>> listAuditEvents(const Caller& caller, const QString& tenantId,
                                                     qint64 beforeSeq = 0, int limit = 100);

    identity::SourceThrottle& throttle() { return m_throttle; }
    const authz::Authorizer& authorizer() const { return m_authorizer; }

private:
    struct Operation;
    struct Context;
    struct Authentication;
    using Body = std::function<Result<void>(Context&)>;

    Result<void> execute(const Caller& caller, Operation op, const Body& body);
    Authentication authenticate(const Caller& caller, qint64 now);
    Result<void> appendEvent(audit::AuditEvent& event);
    audit::AuditEvent eventFor(const Caller& caller, const Principal* principal, const Operation& op) const;

    // Shared steps of several operations.
    Result<void> requireHoldsAllOf(const Context& ctx, const authz::PermissionSet& permissions, const QString& tenantId,
                                   const QString& workspaceId) const;
    Result<void> requireOutranks(const Context& ctx, const QString& tenantId, const QString& targetIdentityId) const;
    Result<void> requireNotLastOwner(const QString& tenantId, const QString& userId, const QString& roleId,
                                     const QString& bindingId) const;
    Result<identity::User> insertUser(Context& ctx, const QString& tenantId, const QString& username,
                                      const QString& displayName, const QString& email, const SecureBytes& password);
    Result<authz::Binding> insertBinding(Context& ctx, const authz::Binding& binding);
    Result<void> endSessions(const QString& userId, qint64 now);
    Result<tenancy::Tenant> loadTenant(const QString& tenantId);
    Result<tenancy::Workspace> loadWorkspace(const QString& tenantId, const QString& workspaceId);
    Result<identity::User> loadUser(const QString& tenantId, const QString& userId);
    Result<identity::Integration> loadIntegration(const QString& tenantId, const QString& integrationId);
    Result<bool> userIsAdmin(const QString& tenantId, const QString& userId) const;

    store::Database& m_db;
    Clock& m_clock;
    authz::Authorizer m_authorizer;
    identity::SourceThrottle m_throttle;
    QMutex m_mutex;
};

} // namespace gatehouse::service
