#pragma once

// Private to the control plane's implementation files.

#include "ControlPlane.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"

#include <optional>

namespace gatehouse::service {

constexpr authz::Permission kNoPermission = authz::Permission::Count_;

// How far the audit index may fall behind the log before calls wait for it, and for how long at most per call.
// A search scans the unindexed tail (0.4 µs an event in bench_audit): 100,000 events keep that near 40 ms.
constexpr qint64 kIndexAdmissionBound = 100'000;
constexpr int kIndexAdmissionWaitMs = 2'000;

struct ControlPlane::Operation
{
    Operation(QString action_, authz::Permission permission_, QString tenantId_ = {}, QString workspaceId_ = {},
              QString targetKind_ = {}, QString targetId_ = {})
        : action(std::move(action_)), permission(permission_), tenantId(std::move(tenantId_)),
          workspaceId(std::move(workspaceId_)), targetKind(std::move(targetKind_)), targetId(std::move(targetId_))
    {}

    QString action; // audit action, "workspace.create"
    authz::Permission permission = kNoPermission;
    QString tenantId;    // scope: empty = the platform
    QString workspaceId; // scope: empty = the whole tenant
    QString targetKind;
    QString targetId;
    bool selfService = false;              // acts on the caller itself: no permission needed
    QString selfIfIdentity;                // self-service when the caller is this identity
    bool mutates = false;                  // refused in a suspended workspace
    bool allowedWhileEnrollingMfa = false; // usable by a session that must enrol MFA first
    bool needsUserSession = false;         // only a signed-in user can do this
    bool systemOnly = false;               // only the local system (bootstrap)
    bool readOnly = false;                 // served even when its audit event cannot be written

    // The identity the operation acts on (IdentityEffect::ActsOnIdentity): checked against the caller before the
    // body runs.
    QString subjectId;
    // How the caller named the target (names, paths, ids of related objects; never a value), recorded with every
    // outcome, a denial too. Add entries with name(): they are checked first.
    QJsonObject named;
    // A target named by name (a secret's path): recorded under `targetNameKey` when the target exists or the
    // operation creates it; a name that matches nothing is recorded as a keyed fingerprint, since it may be a value
    // typed into the wrong field. A reviewer finds attempts on a name by its fingerprint.
    QString targetName;
    const char* targetNameKey = "name";
    bool targetNameIfFound = false;
    // Finds the id of the target named by name (empty when there is none). A denial records it when the caller
    // holds `knownWith` at the scope, that is when the caller may know the target exists.
    std::function<QString()> resolveTarget;
    authz::Permission knownWith = authz::Permission::Count_;
    // The current password and code, for IdentityEffect::OwnCredentials: verified before the body runs.
    const Reauthentication* reauth = nullptr;

    // What a named value must look like to be recorded.
    enum class Shape { Slug, SecretPath, Id };
    // Records `value` under `key` when it has the shape, else only that an invalid one was given: a value pasted
    // into the wrong field must not reach the audit trail. Empty values are not recorded.
    Operation& name(const char* key, const QString& value, Shape shape);
};

struct ControlPlane::Context
{
    const Principal& principal;
    qint64 now;
    QJsonObject details;
    QString targetId; // set by bodies that create their target
    std::vector<std::function<void()>> onCommit;
    // What the cross-tenant self-probe found just before this operation, for the checks it runs.
    const boundaries::TenantProbeReport* tenantProbe = nullptr;
};

struct ControlPlane::Authentication
{
    std::optional<Principal> principal;
    QString reason;   // why not, as an audit reason code
    QString message;  // for the caller, when more can be said than "sign in again"
    QString tenantId; // the tenant of a found-but-invalid credential
    QString actorId;
    QString actorName;
};

namespace sql = store::sql;

template <typename T, typename F> Result<T> ControlPlane::perform(const Caller& caller, const Operation& op, F&& body)
{
    T out{};
    auto r = execute(caller, op, [&](Context& ctx) { return body(ctx, out); });
    if (!r)
        return r.error();
    return out;
}

Error notFound(const QString& what);

// The answer to a sign-in (by password, at a provider, or a token exchange) from an address that failed too often.
inline Error tooManyFailedSignIns(qint64 waitMs)
{
    return makeError(ErrorCode::RateLimited, QStringLiteral("too many failed sign-ins from this address; try again in "
                                                            "%1 seconds")
                                                 .arg((waitMs + 999) / 1000));
}

// The one answer to a failed sign-in, by password or at an identity provider: it tells nothing about which check
// failed.
inline const QString kSignInFailed = QStringLiteral(
    "sign-in failed: wrong tenant, username or password, or the account is locked; try again later or ask an "
    "administrator");

// The control whose check needs the cross-tenant self-probe run first, and its boundary.
inline const QString kTenantProbeBoundary = QStringLiteral("application");
inline const QString kTenantProbeControl = QStringLiteral("application.tenant-isolation");

// A control of the catalog by its boundary and id; not found when either is unknown or the control is another
// boundary's.
Result<const boundaries::Control*> controlOf(const QString& boundaryId, const QString& controlId);

// A compare-and-set over `current`, read inside the operation's transaction: nothing when `expect` is empty or holds;
// else the refusal (ErrorCode::Stale), marked in the event's details.
template <typename Ctx, typename T>
Result<void> checkExpected(Ctx& ctx, const Expect<T>& expect, const T& current, const QString& what)
{
    if (!expect || expect(current))
        return {};
    ctx.details.insert(QStringLiteral("stale"), true);
    return makeError(ErrorCode::Stale, QStringLiteral("the %1 was changed by someone else since you read it; read it "
                                                      "again and repeat your change")
                                           .arg(what));
}

inline authz::Binding readBinding(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.int64(6)};
}

// Input checks shared by the operations. Names are slugs (lower-case letters, digits, '.', '_', '-'; 2 to 63
// characters, starting with a letter or digit) so they are safe in URLs, logs and sign-in forms.
Result<void> checkName(const QString& value, const QString& what);
Result<void> checkDisplayName(const QString& value, const QString& what);
Result<void> checkEmail(const QString& value);
// An identifier as the control plane makes them (usr_..., tok_...) or a catalog id (a boundary, a control).
bool looksLikeId(const QString& value);
bool looksLikeSecretName(const QString& value);

} // namespace gatehouse::service
