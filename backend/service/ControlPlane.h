#pragma once

#include "Caller.h"
#include "CredentialCache.h"
#include "Expect.h"
#include "audit/AuditEvent.h"
#include "audit/AuditExport.h"
#include "audit/AuditFeed.h"
#include "audit/AuditIndex.h"
#include "audit/AuditLog.h"
#include "authz/Authorizer.h"
#include "boundaries/Catalog.h"
#include "boundaries/Checks.h"
#include "boundaries/ControlHistory.h"
#include "boundaries/ControlResult.h"
#include "boundaries/Ownership.h"
#include "boundaries/TransportFacts.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "evidence/EvidenceReport.h"
#include "forward/Destination.h"
#include "forward/Forwarder.h"
#include "identity/FederationConfig.h"
#include "identity/SourceThrottle.h"
#include "identity/User.h"
#include "keys/MasterKeyProvider.h"
#include "secrets/Secret.h"
#include "secrets/TenantKeyRing.h"
#include "tenancy/Tenant.h"

#include <optional>

#include <QJsonObject>
#include <QMutex>
#include <QSet>
#include <QThread>
#include <QWaitCondition>

#include <atomic>

#include <functional>
#include <limits>
#include <vector>

class QIODevice;

namespace gatehouse::oidc {
class ProviderClient;
}

namespace gatehouse::store {
class Database;
class Statement;
class Store;
class Transaction;
} // namespace gatehouse::store

namespace gatehouse::service {

// The caller proving again who they are, in the request that changes their own credentials: the current
// password, and the current TOTP code or a recovery code when an authenticator is enrolled.
struct Reauthentication
{
    SecureBytes password;
    QString code;
};

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

// A trust boundary with the live results of its controls; its status is the worst of them.
struct BoundaryReport
{
    boundaries::Boundary boundary;
    boundaries::Status status = boundaries::Status::Pass;
    QList<boundaries::ControlResult> results; // in the catalog's order of controls
};

// What needs attention in one tenant (or, tenantId empty, among the platform's administrators), as the console's
// overview shows it. A figure is -1 when the caller may not read what it counts.
struct ScopeSummary
{
    QString tenantId;
    QString name;
    QString displayName;
    QString status;
    qint64 workspaces = -1;
    qint64 users = -1;
    qint64 lockedUsers = -1;
    qint64 administratorsWithoutMfa = -1; // may manage people, roles or settings, and have no second factor
    qint64 secrets = -1;
    qint64 secretsDueSoon = -1; // rotation or expiry due within 7 days
    qint64 secretsOverdue = -1;
    qint64 failedSignIns = -1; // in the last 24 hours
};

// One figure for monitoring, in Prometheus terms.
struct MetricSample
{
    const char* name;
    const char* help;
    const char* type; // gauge or counter
    qint64 value;
};

// The control plane: the one place every operation passes through, from every front door. Each call
//   1. authenticates the caller (session or integration token still valid, identity and tenant active),
//   2. authorizes the action on its scope (deny by default; a denial is an audited event),
//   3. executes inside ONE store transaction with every query constrained to the scope's tenant, and
//   4. appends the audit event in that SAME transaction: no change commits without its event.
// Failed and denied calls are audited too. Objects of another tenant answer "not found". A plain read's record
// is group-committed by the committer thread instead, and the call returns once that record is on the disk.
// Thread-safe: calls are serialised on the store connection.
class ControlPlane
{
public:
    explicit ControlPlane(store::Store& store, Clock& clock = Clock::system());
    ~ControlPlane();

    // Opens the audit signing key (creating it the first time) and loads roles and bindings into the
    // authorizer. Call once after opening the store.
    Result<void> load();

    // False after an audit event could not be written (disk full, read-only store), until one can again.
    // While false, changes are refused and reads are still served.
    bool auditAvailable() const { return m_auditAvailable.load(); }
    // Group commit: the records of plain reads (listing, getting, who-am-I; never a reveal, a denial or an audit
    // query) are appended by the control plane's committer thread, many in one transaction, and synced to the disk
    // after the control plane's lock is released, so the next group is appended meanwhile. No answer is given before
    // its record is on the disk: a call made outside a DeferredDurability waits for it; the server's calls are
    // made inside one and hold their answer until whenDurable() says so. A change first writes every record queued
    // before it, so the trail keeps the order things happened in. The committer runs from load() to close().
    //
    // On the calling thread, while alive: the control plane's calls return before their records are on the disk,
    // and ticket() says what to wait for (0: nothing). For a server that holds each answer back without blocking.
    class DeferredDurability
    {
    public:
        DeferredDurability();
        ~DeferredDurability();
        DeferredDurability(const DeferredDurability&) = delete;
        DeferredDurability& operator=(const DeferredDurability&) = delete;
        qint64 ticket() const { return m_ticket; }

    private:
        friend class ControlPlane;
        qint64 m_ticket = 0;
        DeferredDurability* m_outer = nullptr;
    };
    // True when the records up to `ticket` are on the disk.
    bool isDurable(qint64 ticket) const { return m_durableTicket.load() >= ticket; }
    // Blocks until they are.
    void awaitDurable(qint64 ticket);
    // Calls `then` in `context`'s thread (queued) once the records up to `ticket` are on the disk, and returns true;
    // returns false without calling it when they are already. forgetDurableWaits() before `context` is destroyed.
    bool whenDurable(qint64 ticket, QObject* context, std::function<void()> then);
    void forgetDurableWaits(QObject* context);
    // Writes the queued read records now and syncs them.
    Result<void> flushReadAudit();

    // How often the audit trail is signed (default: every 1000 events or 5 minutes). Recorded in the store, with
    // the event it applies from, so verification judges each stretch of the trail by the policy of its time.
    // The audit index (null before load() and while a rotation re-keys the store): its lag is a metric and a
    // boundary control; tests and the benchmark wait for it.
    audit::AuditIndex* auditIndex() const { return m_index.get(); }
    Result<void> setAuditCheckpointPolicy(const audit::AuditLog::CheckpointPolicy& policy);
    // The clean end: writes the queued read records, stops the committer and signs a checkpoint over the newest
    // event, so a stop leaves no unsigned tail. Called by the destructor too; the server and the console call it
    // when they quit.
    Result<void> close();

    // --- authentication -------------------------------------------------------------------------------
    // tenantName empty: a platform administrator. `totp` is a 6-digit code or a recovery code.
    Result<SignedIn> signIn(const Caller& caller, const QString& tenantName, const QString& username,
                            const SecureBytes& password, const QString& totp = {});
    Result<void> signOut(const Caller& caller);
    // Federated sign-in at the tenant's OIDC provider (ControlPlaneFederation.cpp), authorization code flow with
    // PKCE. The first half: the URL to send the browser to, and its `state`, which the server keeps for 10 minutes
    // bound to the tenant, a nonce, the PKCE verifier and `redirectUri` (registered at the provider). Anyone may call;
    // throttled like signIn(). Contacts the provider (discovery) outside the control plane's lock.
    struct FederatedStart
    {
        QString authorizationUrl;
        QString state;
        qint64 expiresAtMs = 0;
    };
    Result<FederatedStart> beginFederatedSignIn(const Caller& caller, const QString& tenantName,
                                                const QString& redirectUri);
    // The second half, with what the provider sent back to the redirect URI: the state is used up, the code
    // exchanged, the ID token verified (signature, issuer, audience, nonce, ...), the person found by (issuer,
    // subject) in the state's tenant only, or provisioned when the tenant allows it, their group-mapped roles brought
    // in line with the token's groups, and an ordinary session opened. The tenant's MFA requirement is met when the
    // token's amr/acr says the provider used a second factor; otherwise an enrolled authenticator's `totp` is asked
    // for, as in signIn(). Every failure answers the same 401 as a wrong password; the audit event names the check.
    Result<SignedIn> completeFederatedSignIn(const Caller& caller, const QString& state, const QString& code,
                                             const QString& totp = {});
    // Token exchange (issue 16): an integration presents an access token its tenant's provider issued (a JWT) and
    // gets an ordinary integration token (ghi_) for the integration linked to the token's subject (see
    // setIntegrationFederatedSubject()). Only when the tenant's provider is enabled and allows token exchange; the
    // token is verified like an ID token (signature against the provider's keys, iss, exp, nbf, iat) with the
    // tenant's token audience as "aud". The token issued expires with the provider's token, or after an hour if that
    // comes first; it is listed and revocable like any other, and the integration's bindings decide what it may do.
    // Anyone may call; throttled like signIn(). Every refusal answers the same 401 as a wrong password; the audit
    // event (auth.oidc.exchange) names the check. Contacts the provider (keys) outside the control plane's lock.
    Result<IssuedToken> exchangeProviderToken(const Caller& caller, const QString& tenantName,
                                              const SecureBytes& accessToken);
    Result<Principal> whoami(const Caller& caller);
    // The caller's own credentials. Each change proves the current ones again in the same call (`current`: the
    // password, and the current TOTP or a recovery code when an authenticator is enrolled), counts a wrong answer
    // as a failed sign-in, and ends the user's other sessions (this one stays).
    Result<void> changeOwnPassword(const Caller& caller, const Reauthentication& current, const SecureBytes& next);
    // Starts enrolling an authenticator (a new one replaces the current one only once confirmed).
    Result<TotpEnrollment> beginTotpEnrollment(const Caller& caller);
    // `code` comes from the new authenticator. Returns the ten single-use recovery codes, shown once.
    Result<QStringList> confirmTotpEnrollment(const Caller& caller, const QString& code,
                                              const Reauthentication& current);
    // Removes the caller's authenticator and recovery codes (refused where the tenant requires MFA of the caller).
    Result<void> removeOwnTotp(const Caller& caller, const Reauthentication& current);
    // Ten new recovery codes, shown once; the old ones stop working.
    Result<QStringList> regenerateRecoveryCodes(const Caller& caller, const Reauthentication& current);

    // --- bootstrap ------------------------------------------------------------------------------------
    // Whether the platform has its first administrator yet (the desktop asks for one at first run).
    bool hasPlatformOwner() const;
    // The first platform administrator (Platform Owner), created by `gatehoused init` or the desktop's first
    // run. Only the local system may call it, and only while the platform has no owner.
    Result<identity::User> bootstrapPlatformOwner(const Caller& caller, const QString& username,
                                                  const SecureBytes& password);

    // --- master key ---------------------------------------------------------------------------------------
    // Rotates the master key to a new one held by `next` (local system only): the database is re-keyed, tenant
    // keys and the audit signing key re-wrapped, the old key removed from the keychain. Crash-safe: an
    // interrupted rotation completes the next time the store is loaded.
    Result<void> rotateMasterKey(const Caller& caller, keys::MasterKeyProvider& next);

    // --- tenants (platform scope) ---------------------------------------------------------------------
    // Creates the tenant and its first Tenant Owner.
    Result<tenancy::Tenant> createTenant(const Caller& caller, const QString& name, const QString& displayName,
                                         const QString& ownerUsername, const SecureBytes& ownerPassword);
    Result<QList<tenancy::Tenant>> listTenants(const Caller& caller);
    Result<tenancy::Tenant> getTenant(const Caller& caller, const QString& tenantId);
    Result<tenancy::Tenant> renameTenant(const Caller& caller, const QString& tenantId, const QString& displayName,
                                         const Expect<tenancy::Tenant>& expect = {});
    Result<tenancy::Tenant> setTenantSuspended(const Caller& caller, const QString& tenantId, bool suspended,
                                               const Expect<tenancy::Tenant>& expect = {});
    // `confirmName` must repeat the tenant's name. Destroys all of the tenant's data.
    Result<void> deleteTenant(const Caller& caller, const QString& tenantId, const QString& confirmName);

    // --- tenant settings ------------------------------------------------------------------------------
    Result<tenancy::TenantSettings> tenantSettings(const Caller& caller, const QString& tenantId);
    // With `expected` (the settings the change was based on), a compare-and-set: when the stored settings
    // differ from it, nothing is written and the answer is Stale (audited as a failure).
    Result<tenancy::TenantSettings>
    updateTenantSettings(const Caller& caller, const QString& tenantId, const tenancy::TenantSettings& settings,
                         const std::optional<tenancy::TenantSettings>& expected = std::nullopt);

    // --- workspaces -----------------------------------------------------------------------------------
    Result<tenancy::Workspace> createWorkspace(const Caller& caller, const QString& tenantId, const QString& name,
                                               const QString& displayName);
    // The workspaces the caller may read: all of them with a tenant-wide binding, else those it is bound in.
    Result<QList<tenancy::Workspace>> listWorkspaces(const Caller& caller, const QString& tenantId);
    Result<tenancy::Workspace> getWorkspace(const Caller& caller, const QString& tenantId, const QString& workspaceId);
    Result<tenancy::Workspace> renameWorkspace(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, const QString& displayName,
                                               const Expect<tenancy::Workspace>& expect = {});
    Result<tenancy::Workspace> setWorkspaceSuspended(const Caller& caller, const QString& tenantId,
                                                     const QString& workspaceId, bool suspended,
                                                     const Expect<tenancy::Workspace>& expect = {});
    Result<void> deleteWorkspace(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                 const QString& confirmName);

    // --- users (tenantId empty: platform administrators) -----------------------------------------------
    Result<identity::User> createUser(const Caller& caller, const QString& tenantId, const QString& username,
                                      const QString& displayName, const QString& email, const SecureBytes& password);
    Result<QList<identity::User>> listUsers(const Caller& caller, const QString& tenantId);
    Result<identity::User> getUser(const Caller& caller, const QString& tenantId, const QString& userId);
    Result<identity::User> updateUser(const Caller& caller, const QString& tenantId, const QString& userId,
                                      const QString& displayName, const QString& email,
                                      const Expect<identity::User>& expect = {});
    Result<identity::User> setUserStatus(const Caller& caller, const QString& tenantId, const QString& userId,
                                         UserStatusChange change);
    Result<void> resetUserPassword(const Caller& caller, const QString& tenantId, const QString& userId,
                                   const SecureBytes& password);
    Result<void> resetUserMfa(const Caller& caller, const QString& tenantId, const QString& userId);
    // Ends every session of the user: they must sign in again.
    Result<void> endUserSessions(const Caller& caller, const QString& tenantId, const QString& userId);
    Result<void> deleteUser(const Caller& caller, const QString& tenantId, const QString& userId);

    // --- integrations and their tokens ----------------------------------------------------------------
    Result<identity::Integration> createIntegration(const Caller& caller, const QString& tenantId, const QString& name,
                                                    const QString& description);
    Result<QList<identity::Integration>> listIntegrations(const Caller& caller, const QString& tenantId);
    Result<identity::Integration> setIntegrationLocked(const Caller& caller, const QString& tenantId,
                                                       const QString& integrationId, bool locked);
    Result<void> deleteIntegration(const Caller& caller, const QString& tenantId, const QString& integrationId);
    // Binds the integration's tokens to a client certificate (its SHA-256, hex with or without colons): from then
    // on they authenticate only over a mutual-TLS connection that presented that certificate. Empty: unbinds.
    Result<identity::Integration> bindIntegrationCertificate(const Caller& caller, const QString& tenantId,
                                                             const QString& integrationId, const QString& sha256);
    // expiryDays: 1..365 (default 90). workspaceId non-empty limits the token to that workspace.
    // Links the integration to the subject ("sub") of the access tokens the tenant's provider issues for it (for a
    // client-credentials token, the provider's client id), for token exchange; empty unlinks. Needs the tenant's
    // provider (the link holds for its issuer only). Whoever holds such tokens then acts as the integration, so,
    // as for a certificate, only someone who holds all the integration holds may link it. A subject links one
    // integration per tenant (Conflict otherwise).
    Result<identity::Integration> setIntegrationFederatedSubject(const Caller& caller, const QString& tenantId,
                                                                 const QString& integrationId, const QString& subject);
    Result<IssuedToken> issueToken(const Caller& caller, const QString& tenantId, const QString& integrationId,
                                   int expiryDays = 90, const QString& workspaceId = {});
    Result<QList<identity::ApiToken>> listTokens(const Caller& caller, const QString& tenantId,
                                                 const QString& integrationId);
    Result<void> revokeToken(const Caller& caller, const QString& tenantId, const QString& integrationId,
                             const QString& tokenId);

    // --- roles and bindings ---------------------------------------------------------------------------
    Result<authz::Role> createRole(const Caller& caller, const QString& tenantId, const QString& name,
                                   const QString& description, const QStringList& permissions);
    Result<QList<authz::Role>> listRoles(const Caller& caller, const QString& tenantId);
    Result<authz::Role> updateRole(const Caller& caller, const QString& tenantId, const QString& roleId,
                                   const QString& description, const QStringList& permissions,
                                   const Expect<authz::Role>& expect = {});
    Result<void> deleteRole(const Caller& caller, const QString& tenantId, const QString& roleId);
    // tenantId empty: a platform binding. workspaceId empty: the whole tenant.
    Result<authz::Binding> createBinding(const Caller& caller, const QString& tenantId, const QString& identityKind,
                                         const QString& identityId, const QString& roleId,
                                         const QString& workspaceId = {});
    Result<QList<authz::Binding>> listBindings(const Caller& caller, const QString& tenantId);
    Result<void> deleteBinding(const Caller& caller, const QString& tenantId, const QString& bindingId);

    // --- secrets (workspace scope) ----------------------------------------------------------------------
    struct NewSecret
    {
        QString name; // path-like: db/prod/password
        QString description;
        QStringList tags;
        int rotationDays = 0;
        qint64 expiresAtMs = 0;
    };
    // The value (at most 64 KiB) is sealed at once; it is never stored, logged or audited in clear.
    Result<secrets::Secret> createSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                         const NewSecret& secret, const SecureBytes& value);
    // A new version becomes current; versions beyond the secret's keep count are destroyed.
    Result<secrets::Secret> updateSecretValue(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                              const QString& name, const SecureBytes& value,
                                              const Expect<secrets::Secret>& expect = {});
    // Metadata only, never values. `search` (optional) matches a name prefix, a tag or words of the description.
    Result<QList<secrets::Secret>> listSecrets(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, const QString& search = {});
    Result<QList<secrets::SecretVersion>> listSecretVersions(const Caller& caller, const QString& tenantId,
                                                             const QString& workspaceId, const QString& name);
    // version 0: the current one. The reason is required and goes into the audit event. `revealedVersion`, when
    // given, receives the number of the version that was opened.
    Result<SecureBytes> revealSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                     const QString& name, int version, const QString& reason,
                                     int* revealedVersion = nullptr);
    // Soft delete: hidden and unrevealable, restorable with undeleteSecret() for 30 days.
    Result<void> deleteSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                              const QString& name);
    Result<secrets::Secret> undeleteSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                           const QString& name);
    // Makes an earlier version the newest again (as a new version).
    Result<secrets::Secret> restoreSecretVersion(const Caller& caller, const QString& tenantId,
                                                 const QString& workspaceId, const QString& name, int version);
    // Destroys one version's value for good (not the current one).
    Result<void> destroySecretVersion(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                      const QString& name, int version);
    // The value was rotated outside Gatehouse: the next rotation is due one period from now.
    Result<secrets::Secret> markSecretRotated(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                              const QString& name);
    // Secrets of the tenant (or one workspace) whose rotation or expiry is due within `withinDays` or overdue.
    Result<QList<secrets::Secret>> dueSecrets(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                              int withinDays = 0);

    // --- authorization questions ----------------------------------------------------------------------
    Result<authz::Decision> checkAccess(const Caller& caller, const QString& tenantId, const QString& identityId,
                                        const QString& permission, const QString& workspaceId = {});
    Result<QStringList> effectivePermissions(const Caller& caller, const QString& tenantId, const QString& identityId,
                                             const QString& workspaceId = {});
    // Both questions in one audited call: what the identity may do at the scope, and, when `permission` is
    // given, why that one is or is not granted.
    struct AccessExplanation
    {
        QStringList effective;
        std::optional<authz::Decision> decision;
    };
    Result<AccessExplanation> explainAccess(const Caller& caller, const QString& tenantId, const QString& identityId,
                                            const QString& workspaceId = {},
                                            const std::optional<QString>& permission = std::nullopt);

    // --- audit ----------------------------------------------------------------------------------------
    // query.tenantId empty (or query.platform): the platform's events. Newest first, keyset pages.
    Result<audit::AuditPage> searchAudit(const Caller& caller, const audit::AuditQuery& query);
    Result<QList<audit::HistogramBucket>> auditHistogram(const Caller& caller, const audit::AuditQuery& query,
                                                         qint64 bucketMs);
    // The whole chain and every signed checkpoint (platform scope).
    Result<audit::VerifyReport> verifyAudit(const Caller& caller, bool incremental = false);
    // Events fromSeq to toSeq only, at a cost proportional to the range (AuditLog::verifyRange); same permission,
    // audited as audit.verify with the range. `proceed` (from this call's thread) returns false to stop early.
    Result<audit::VerifyReport> verifyAuditRange(const Caller& caller, qint64 fromSeq, qint64 toSeq,
                                                 const std::function<bool(qint64)>& proceed = {});
    // Streams the events matching `query` in `format` to `out` (constant memory); returns how many.
    Result<qint64> exportAudit(const Caller& caller, const audit::AuditQuery& query, audit::ExportFormat format,
                               QIODevice& out, const audit::Progress& progress = {});
    // A bundle anyone can verify offline with sha256sum and openssl (platform scope: the whole chain).
    Result<audit::BundleSummary> exportAuditBundle(const Caller& caller, const QString& directory,
                                                   const audit::Progress& progress = {});
    // Follows committed events of a scope (tenantId empty: the platform's) from after `afterSeq`. `notify` is
    // called from the committing thread when new events may be taken; it must not call back into the
    // control plane itself (post to your own thread instead).
    Result<std::shared_ptr<audit::AuditSubscription>> followAudit(const Caller& caller, const QString& tenantId,
                                                                  qint64 afterSeq, std::function<void()> notify,
                                                                  int maxQueued = 10000);
    void unfollowAudit(const std::shared_ptr<audit::AuditSubscription>& subscription);
    Result<QByteArray> auditPublicKeyPem(const Caller& caller);
    Result<audit::RetentionPolicy> auditRetention(const Caller& caller);
    Result<audit::RetentionPolicy> setAuditRetention(const Caller& caller, const audit::RetentionPolicy& policy);
    // Applies the retention policy; with `bundleDirectory`, first writes a bundle of everything there.
    Result<qint64> pruneAudit(const Caller& caller, const QString& bundleDirectory = {});
    // Signs a checkpoint now, over the newest event, which is the record of this call itself (audit.manage).
    Result<audit::Checkpoint> checkpointAudit(const Caller& caller);
    // The newest signed checkpoint (audit.read at platform scope), for people to keep as a witness outside the
    // store; seq 0 when none is signed yet.
    Result<audit::Checkpoint> latestCheckpoint(const Caller& caller);

    // --- monitoring -------------------------------------------------------------------------------------
    // Counts of what the platform holds and the state of its audit trail (platform scope, metrics.read).
    Result<QList<MetricSample>> readMetrics(const Caller& caller);
    // What needs attention: tenantId empty, a row per tenant (tenants.read; counts only) and one for the platform's
    // administrators; else the tenant's row (workspaces.read), with each figure only where the caller may read
    // what it counts (users.read, secrets.read tenant-wide, audit.read).
    Result<QList<ScopeSummary>> summarize(const Caller& caller, const QString& tenantId);

    // --- audit forwarding (docs/operations.md) ----------------------------------------------------------------
    // The destinations of a scope (tenantId empty: the platform's, which receive every event) with what each has
    // done: connected, lag in events and time, last error, alarm (audit.read at the scope).
    Result<QList<forward::DestinationStatus>> forwardingStatus(const Caller& caller, const QString& tenantId);
    // A new destination of `destination.tenantId`'s scope (the platform's: audit.manage; a tenant's: settings.write).
    // It forwards the events after the newest one, or the whole trail with `fromBeginning`. The client key is
    // stored in the (encrypted) store and never returned, logged or audited.
    Result<forward::Destination> createForwardDestination(const Caller& caller, const forward::Destination& destination,
                                                          bool fromBeginning = false);
    // Changes what a destination of the scope says (what the change sets; its cursor stays); a client key not given
    // is kept while the certificate stays the same.
    Result<forward::Destination> updateForwardDestination(const Caller& caller, const QString& tenantId,
                                                          const QString& destinationId,
                                                          const forward::DestinationChange& change);
    Result<void> deleteForwardDestination(const Caller& caller, const QString& tenantId, const QString& destinationId);
    // Forwarding runs in the process that serves (gatehoused serve, the desktop), not in one-off commands: its own
    // thread and store connection (the tuning's path and key are ignored).
    Result<void> startForwarding(const forward::Forwarder::Config& tuning = {});
    // Returns whether it was running.
    bool stopForwarding();

    // --- OIDC federation (ControlPlaneFederation.cpp) ----------------------------------------------------------
    // The tenant's identity provider (settings.read); NotFound when it has none. The client secret is never
    // returned: clientSecretSet says whether one is set.
    Result<identity::FederationConfig> federation(const Caller& caller, const QString& tenantId);
    // Sets the provider of `config.tenantId`, all of it at once (settings.write). `clientSecret`: a new one, sealed
    // under the tenant's key; nullopt keeps the current one. Changing the issuer, the client or the pinned CA
    // changes who vouches for the tenant's federated users: only a caller who holds all that each of them holds may.
    Result<identity::FederationConfig> setFederation(const Caller& caller, const identity::FederationConfig& config,
                                                     const std::optional<SecureBytes>& clientSecret = std::nullopt);
    // Removes the provider (settings.write): its federated users stay, but cannot sign in until one is set again.
    Result<void> removeFederation(const Caller& caller, const QString& tenantId);
    // Which provider groups grant which roles (bindings.read).
    Result<QList<identity::GroupMapping>> groupMappings(const Caller& caller, const QString& tenantId);
    // Replaces the tenant's group mappings (bindings.write). Adding or removing a mapping gives or takes its role:
    // the caller must hold the role's permissions at its scope, as for a binding. Takes effect at each user's next
    // federated sign-in.
    Result<QList<identity::GroupMapping>> setGroupMappings(const Caller& caller, const QString& tenantId,
                                                           const QList<identity::GroupMapping>& mappings);

    // --- trust boundaries (platform scope) -------------------------------------------------------------------
    // Every boundary of the catalog with its controls checked live now (boundaries.read).
    Result<QList<BoundaryReport>> listBoundaries(const Caller& caller);
    // One boundary; NotFound for an id the catalog does not know.
    Result<BoundaryReport> boundary(const Caller& caller, const QString& boundaryId);
    // One control of a boundary, checked live now; NotFound for an id the catalog does not know, or a control of
    // another boundary.
    Result<boundaries::ControlResult> controlResult(const Caller& caller, const QString& boundaryId,
                                                    const QString& controlId);
    // The full integrity scan of the store (local operator only: it reads every page). The outcome is recorded
    // as an audit event, which the data.integrity control reports.
    Result<boundaries::IntegrityScan> scanStoreIntegrity(const Caller& caller);
    // Who owns each area of the deployment (boundaries.read); the self-hosted defaults until stated.
    Result<boundaries::Ownership> ownership(const Caller& caller);
    // States who owns each area, all five at once (ownership.write).
    Result<boundaries::Ownership> setOwnership(const Caller& caller, const boundaries::Ownership& ownership,
                                               const Expect<boundaries::Ownership>& expect = {});
    // Runs every control's check now and keeps the results (boundaries.read): a control whose status differs from
    // its previous run writes a `control.drift` event in the same transaction. The schedule and "check now" call it.
    Result<QList<BoundaryReport>> runControlChecks(const Caller& caller);
    // Retention of those results: deletes each control's results older than `keepDays` days (0: keeps all) but its
    // newest one before then, so its history still says which status held when the window starts, in transactions
    // of at most `batch` rows so the lock is held briefly between them. Housekeeping of the schedule, not an
    // operation: logged with how many rows went, not audited; the audit trail (control.drift included) is never
    // touched by it.
    Result<qint64> pruneControlHistory(int keepDays, int batch = 1000);
    // One control's stored results, oldest first, in pages (boundaries.read; NotFound as controlResult()).
    Result<boundaries::HistoryPage> controlHistory(const Caller& caller, const QString& boundaryId,
                                                   const QString& controlId, const boundaries::HistoryQuery& query);
    // --- evidence (ControlPlaneEvidence.cpp) -------------------------------------------------------------------
    struct EvidenceOptions
    {
        qint64 sinceMs = 0;     // start of the period; 0: 30 days back
        bool withNames = false; // the holders of each role by name (local operator only)
        QString fileName;       // named in the report's verification instructions
    };
    // A document and its detached Ed25519 signature by the audit signing key.
    struct SignedDocument
    {
        QByteArray bytes;
        QString sha256; // hex
        QByteArray signature;
        QByteArray publicKeyPem;
    };
    using EvidenceRenderer = std::function<Result<QByteArray>(const evidence::EvidenceData&)>;
    // The signed evidence report (boundaries.read at the platform): every control checked now with its history over
    // the period, the audit trail verified, the role model, key custody and TLS; `render` turns the gathered facts
    // into the file's bytes (HTML or PDF). Audited as evidence.generate with the file's SHA-256.
    Result<SignedDocument> generateEvidence(const Caller& caller, const EvidenceOptions& options,
                                            const EvidenceRenderer& render);
    // What the API listener measured about its transport; the API host calls this when it starts serving, when
    // it reloads its certificate, and (with serving = false) when it stops. Not an operation: nothing is decided.
    void setTransportFacts(const boundaries::TransportFacts& facts);
    boundaries::TransportFacts transportFacts() const;

    // The credential cache (sessions and tokens of recent requests, checked without a store lookup): its figures,
    // and its bound (default 100,000 credentials; when full, one makes room for the next).
    struct CredentialCacheFigures
    {
        qint64 hits = 0;
        qint64 misses = 0;
        qsizetype size = 0;
    };
    CredentialCacheFigures credentialCacheFigures();
    void setCredentialCacheCapacity(qsizetype capacity);

    identity::SourceThrottle& throttle() { return m_throttle; }
    const authz::Authorizer& authorizer() const { return m_authorizer; }

private:
    struct Operation;
    struct Context;
    struct Authentication;
    using Body = std::function<Result<void>(Context&)>;

    Result<void> execute(const Caller& caller, Operation op, const Body& body);
    // execute() for an operation that produces a T: the body fills it in.
    template <typename T, typename F> Result<T> perform(const Caller& caller, const Operation& op, F&& body);
    Authentication authenticate(const Caller& caller, qint64 now);
    // The credential with this hash, from the cache or (on a miss, or after the store changed) from the store;
    // null when the store has none. Inside the request's transaction.
    CachedCredential* credential(bool session, const QByteArray& hash);
    // Records a use of the credential: in memory at once, in the store with the next write (writeActivity()).
    void noteActivity(CachedCredential& credential, qint64 now);
    // Writes the recorded uses not yet stored, inside the caller's write transaction; forgetActivity() once it
    // committed.
    bool writeActivity();
    Result<void> appendEvent(audit::AuditEvent& event);
    // Group commit of queued read records: one head lookup and one checkpoint check for the whole batch.
    Result<void> appendEvents(QList<audit::AuditEvent>& events);
    Error auditAppendFailed(const Error& cause);
    // Appends the oldest `most` queued read records (all by default) in one transaction, committed without a sync
    // (the committer syncs after it releases the lock); the caller holds m_mutex.
    Result<void> flushReadsLocked(qsizetype most = std::numeric_limits<qsizetype>::max());
    void committerLoop();
    void startCommitter();
    void stopCommitter();
    // The records up to `ticket` are on the disk: wakes who waits for them.
    void publishDurable(qint64 ticket);
    // The log is on the disk up to `seq` (the caller holds m_mutex): the forwarder may send up to there.
    void syncedThrough(qint64 seq);
    // execute() without the wait for durability.
    Result<void> run(const Caller& caller, Operation op, const Body& body, qint64& ticket);
    // Re-wraps what the master key protects (if not done yet) and finishes an unfinished rotation.
    Result<void> completeRotation(const Caller& caller);
    // Commits and hands the transaction's events to followers; or forgets them when it did not commit.
    Result<void> commit(store::Transaction& tx);
    void forgetPending() { m_pending.clear(); }
    audit::AuditEvent eventFor(const Caller& caller, const Principal* principal, const Operation& op) const;

    // Shared steps of several operations.
    Result<void> requireHoldsAllOf(const Context& ctx, const authz::PermissionSet& permissions, const QString& tenantId,
                                   const QString& workspaceId) const;
    // Empty when the principal holds every permission the target identity holds, at every scope where it holds
    // them; else the permissions it lacks, each with the scope ("secrets.reveal in workspace prod").
    QStringList permissionsBeyond(const Principal& principal, const QString& tenantId, const QString& targetIdentityId);
    // Verifies the principal's password and second factor again (OwnCredentials operations), counting failures
    // as sign-in does. The outcome's reason is empty when both held.
    struct FactorOutcome
    {
        QString reason; // an audit reason code
        QString message;
        QJsonObject details;
    };
    Result<FactorOutcome> reauthenticate(const Caller& caller, const Principal& principal,
                                         const Reauthentication& current, qint64 now);
    Result<FactorOutcome> checkPassword(const Caller& caller, const QString& userId, const SecureBytes& password,
                                        const tenancy::TenantSettings& settings, qint64 now);
    // The lockout and session settings of a tenant (the platform's when tenantId is empty).
    Result<tenancy::TenantSettings> signInSettings(const QString& tenantId);
    Result<FactorOutcome> checkSecondFactor(const QString& userId, const QString& code,
                                            const tenancy::TenantSettings& settings, qint64 now);
    // Opens a session for a user who proved who they are (a password, or a provider's token when idpIssuer is set).
    Result<SignedIn> openSession(const QString& tenantId, const QString& userId, const QString& username,
                                 const tenancy::TenantSettings& settings, bool mfaEnrollmentOnly, qint64 now,
                                 const QString& idpIssuer = {}, const QString& idpSubject = {});
    // False when the tenant's provider turned local passwords off and the user is not a Tenant Owner.
    Result<bool> localPasswordAllowed(const QString& tenantId, const QString& userId);
    Result<void> requireNotLastOwner(const QString& tenantId, const QString& userId, const QString& roleId,
                                     const QString& bindingId) const;
    Result<identity::User> insertUser(Context& ctx, const QString& tenantId, const QString& username,
                                      const QString& displayName, const QString& email, const SecureBytes& password);
    Result<authz::Binding> insertBinding(Context& ctx, const authz::Binding& binding);
    // Ends the user's sessions, but `keepSessionId`; `reason` tells their holders why when they next call.
    Result<void> endSessions(const QString& userId, qint64 now, const QString& reason,
                             const QString& keepSessionId = {});
    Result<tenancy::Tenant> loadTenant(const QString& tenantId);
    Result<tenancy::Workspace> loadWorkspace(const QString& tenantId, const QString& workspaceId);
    Result<identity::User> loadUser(const QString& tenantId, const QString& userId);
    Result<identity::Integration> loadIntegration(const QString& tenantId, const QString& integrationId);
    // Not found unless the user or integration exists in the tenant (a platform user when tenantId is empty).
    Result<void> requireIdentity(const QString& tenantId, const QString& identityId);
    // An operation on the caller's own credentials, re-authenticated with `current`.
    static Operation ownCredentials(const char* action, const Reauthentication& current);
    // An authorization question about an identity: a read, free when asked about yourself.
    static Operation question(const char* action, const QString& tenantId, const QString& workspaceId,
                              const QString& identityId);
    Result<bool> userIsAdmin(const QString& tenantId, const QString& userId) const;
    // Names a secret operation's target by the secret's name, resolvable to its id for callers who may list it.
    void nameSecret(Operation& op, const QString& tenantId, const QString& workspaceId, const QString& name,
                    bool creates = false);
    // A keyed fingerprint of a name that matched nothing (hex): comparable within this store, not reversible.
    QString nameFingerprint(const QString& name) const;
    Result<secrets::Secret> loadSecret(const QString& tenantId, const QString& workspaceId, const QString& name);
    Result<void> sealVersion(const Context& ctx, const secrets::Secret& secret, int version, const SecureBytes& value);
    Result<SecureBytes> openVersion(const Context& ctx, const secrets::Secret& secret, int version);
    Result<void> addVersion(Context& ctx, secrets::Secret& secret, const SecureBytes& value);
    // OIDC federation: the tenant's provider as stored (none: nullopt), its group mappings, and the permissions the
    // principal lacks that some federated user of the tenant holds.
    Result<std::optional<identity::FederationConfig>> loadFederation(const QString& tenantId);
    Result<QList<identity::GroupMapping>> readGroupMappings(const QString& tenantId);
    QStringList federatedUsersBeyond(const Principal& principal, const QString& tenantId);
    Result<std::pair<identity::FederationConfig, std::shared_ptr<oidc::ProviderClient>>>
    federationClient(const QString& tenantId, qint64 now);
    // Brings the user's group-mapped bindings in line with `groups` (in the caller's transaction; the authorizer is
    // updated by m_federationOnCommit once it commits). Returns the user's bindings in the tenant afterwards.
    Result<QList<authz::Binding>> syncMappedBindings(const Caller& caller, const QString& tenantId,
                                                     const QString& userId, const QStringList& groups, qint64 now);
    // Runs the checks of a boundary's controls (inside the operation's transaction).
    BoundaryReport evaluate(const Context& ctx, const boundaries::Boundary& boundary);
    // The cross-tenant self-probe (ControlPlaneProbe.cpp), run before the checks that include
    // application.tenant-isolation; nothing when the caller may not read the boundaries (so a refused caller
    // never makes it run).
    std::optional<boundaries::TenantProbeReport> probeTenantIsolation(const Caller& caller);
    bool mayReadBoundaries(const Caller& caller);
    static bool probeMayRead(authz::Permission permission);
    boundaries::ControlResult runCheck(const Context& ctx, const boundaries::Control& control);

    // The rotation itself, under the control plane's lock (rotateMasterKey stops and restarts forwarding around it).
    Result<void> rotateLocked(const Caller& caller, keys::MasterKeyProvider& next);
    // Records a forwarding alarm raised or cleared (from the forwarder's thread).
    void recordForwardingAlarm(const forward::Destination& destination, bool raised, qint64 unreachableMs,
                               const QString& lastError);

    // The search index beside the store: opened (and rebuilt if it does not match) and its thread started; closed
    // around a master-key rotation, which re-keys the log under it.
    Result<void> openAuditIndex();
    void closeAuditIndex();

    // Federated sign-ins under way and the provider clients (ControlPlaneFederation.cpp; guarded by m_mutex).
    struct Federation;
    std::shared_ptr<Federation> m_federation;
    std::vector<std::function<void()>> m_federationOnCommit;

    store::Store& m_store;
    store::Database& m_db;
    // The lookups an authenticated call makes when its credential is not in the cache, prepared once.
    std::unique_ptr<store::Statement> m_sessionLookup;
    std::unique_ptr<store::Statement> m_tokenLookup;
    // Guarded by m_mutex: the credentials of recent requests, and their uses not yet written (id -> time).
    CredentialCache m_credentials;
    QHash<QString, qint64> m_sessionActivity;
    QHash<QString, qint64> m_tokenActivity;
    Clock& m_clock;
    audit::AuditLog m_audit;
    // The audit log's search index (derived data, built by its own thread); opened by load().
    std::unique_ptr<audit::AuditIndex> m_index;
    // Audit forwarding, when started (guarded by m_mutex).
    std::unique_ptr<forward::Forwarder> m_forwarder;
    forward::Forwarder::Config m_forwardTuning; // how it was started (timings only)
    std::optional<secrets::TenantKeyRing> m_keyRing;
    SecureBytes m_fingerprintKey;
    audit::AuditFeed m_feed;
    QList<audit::AuditEvent> m_pending;
    bool m_relaxedCommit = false; // the commit in progress does not sync (flushReadsLocked)
    qint64 m_unsyncedSeq = 0;     // the newest event committed without a sync (guarded by m_mutex)
    qint64 m_syncedSeq = 0;       // the newest event known to be on the disk (guarded by m_mutex)
    std::atomic<bool> m_auditAvailable{true};
    // The credentials of the self-probe's calls in progress: honoured while listed here (guarded by m_mutex).
    QSet<const ProbeCredential*> m_activeProbes;
    authz::Authorizer m_authorizer;
    identity::SourceThrottle m_throttle;
    QMutex m_mutex;
    // Read records waiting for their group commit, each with its ticket (guarded by m_mutex). Tickets number the
    // queued records in the order they go into the trail.
    struct QueuedRecord
    {
        qint64 ticket = 0;
        audit::AuditEvent event;
    };
    QList<QueuedRecord> m_readBacklog;
    qint64 m_lastTicket = 0;      // the newest ticket given out (guarded by m_mutex)
    qint64 m_committedTicket = 0; // committed up to here, maybe not yet synced (guarded by m_mutex)
    QWaitCondition m_readQueued;
    std::unique_ptr<QThread> m_committer;
    bool m_stopCommitter = false;
    // On the disk up to here; who waits for it.
    std::atomic<qint64> m_durableTicket{0};
    struct DurableWaiter
    {
        qint64 ticket = 0;
        QObject* context = nullptr;
        std::function<void()> then;
    };
    QMutex m_durableMutex;
    QWaitCondition m_durableReached;
    std::vector<DurableWaiter> m_durableWaiters; // guarded by m_durableMutex
    mutable QMutex m_transportMutex;
    boundaries::TransportFacts m_transport; // guarded by m_transportMutex
};

} // namespace gatehouse::service
