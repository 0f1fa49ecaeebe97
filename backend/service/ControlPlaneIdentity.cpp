// Sign-in, sessions, two-factor authentication, users, integrations and their tokens.
#include "ControlPlaneInternals.h"
#include "IsolationFault.h"

#include "core/Encoding.h"
#include "crypto/Digest.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "crypto/Totp.h"
#include "identity/PasswordPolicy.h"
#include "identity/TokenCodec.h"
#include "store/Transaction.h"

#include <QRegularExpression>

#include "audit/AuditLog.h"

namespace gatehouse::service {

using authz::Permission;
using identity::ApiToken;
using identity::Integration;
using identity::User;

namespace {

constexpr const char* kUserColumns = "id, tenant_id, username, display_name, email, status, "
                                     "totp_secret IS NOT NULL, locked_until, created_at";

User readUser(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.int64(6) != 0, s.int64(7), s.int64(8)};
}

Integration readIntegration(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5), s.text(6), s.text(7), s.text(8)};
}

ApiToken readToken(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.int64(4), s.int64(5), s.int64(6), s.int64(7)};
}

// Recovery codes: 80 random bits as four groups of four base32 characters, stored as SHA-256.
QString normaliseRecoveryCode(const QString& code)
{
    QString out = code.trimmed().toLower();
    out.remove(QLatin1Char('-'));
    out.remove(QLatin1Char(' '));
    return out;
}

} // namespace

Result<User> ControlPlane::loadUser(const QString& tenantId, const QString& userId)
{
    if (testing::userLookupIgnoresTenant()) {
        const QByteArray broken = QByteArray("SELECT ") + kUserColumns + " FROM users WHERE id = ?;";
        return sql::one(m_db, QStringLiteral("user"), readUser, broken.constData(), userId);
    }
    const QByteArray text = QByteArray("SELECT ") + kUserColumns + " FROM users WHERE tenant_id = ? AND id = ?;";
    return sql::one(m_db, QStringLiteral("user"), readUser, text.constData(), tenantId, userId);
}

Result<Integration> ControlPlane::loadIntegration(const QString& tenantId, const QString& integrationId)
{
    return sql::one(m_db, QStringLiteral("integration"), readIntegration,
                    "SELECT id, tenant_id, name, description, status, created_at, client_cert_sha256, "
                    "federated_subject, federated_issuer FROM integrations "
                    "WHERE tenant_id = ? AND id = ?;",
                    tenantId, integrationId);
}

Result<void> ControlPlane::endSessions(const QString& userId, qint64 now, const QString& reason,
                                       const QString& keepSessionId)
{
    return sql::run(m_db,
                    "UPDATE sessions SET ended_at = ?, end_reason = ? WHERE user_id = ? AND ended_at IS NULL "
                    "AND id <> ?;",
                    now, reason, userId, keepSessionId);
}

Result<ControlPlane::FactorOutcome> ControlPlane::checkPassword(const Caller& caller, const QString& userId,
                                                                const SecureBytes& password,
                                                                const tenancy::TenantSettings& settings, qint64 now)
{
    auto row =
        sql::query(m_db, "SELECT password_hash, failed_passwords, locked_until FROM users WHERE id = ?;", userId);
    if (!row)
        return row.error();
    if (!row.value().step().value())
        return makeError(ErrorCode::NotFound, QStringLiteral("user not found"));
    const QString storedHash = row.value().text(0);
    const int failedPasswords = int(row.value().int64(1));
    const qint64 lockedUntil = row.value().int64(2);
    FactorOutcome out;
    if (!crypto::PasswordHasher::verify(storedHash, password)) {
        m_throttle.recordFailure(caller.address, now);
        const int failures = failedPasswords + 1;
        const bool lockNow = failures >= settings.lockoutThreshold && lockedUntil <= now;
        if (auto r = sql::run(m_db, "UPDATE users SET failed_passwords = ?, locked_until = ? WHERE id = ?;",
                              lockNow ? 0 : failures,
                              lockNow ? now + settings.lockoutSeconds * qint64(1000) : lockedUntil, userId);
            !r)
            return r.error();
        if (lockNow) {
            out.details.insert(QStringLiteral("locked_until_ms"), now + settings.lockoutSeconds * qint64(1000));
            if (auto r = endSessions(userId, now, QStringLiteral("lockout")); !r)
                return r.error();
        }
        out.details.insert(QStringLiteral("failures"), lockNow ? settings.lockoutThreshold : failures);
        out.reason = lockNow ? QStringLiteral("lockout") : QStringLiteral("bad_credentials");
        out.message = kSignInFailed;
        return out;
    }
    if (lockedUntil > now) {
        out.reason = QStringLiteral("account_locked");
        out.message = kSignInFailed;
    }
    return out;
}

Result<ControlPlane::FactorOutcome> ControlPlane::checkSecondFactor(const QString& userId, const QString& code,
                                                                    const tenancy::TenantSettings& settings, qint64 now)
{
    auto row = sql::query(
        m_db, "SELECT totp_secret, failed_totp, totp_locked_until, totp_last_step FROM users WHERE id = ?;", userId);
    if (!row)
        return row.error();
    if (!row.value().step().value())
        return makeError(ErrorCode::NotFound, QStringLiteral("user not found"));
    FactorOutcome out;
    const QByteArray totpSecret = row.value().isNull(0) ? QByteArray() : row.value().blob(0);
    if (totpSecret.isEmpty())
        return out; // none enrolled
    const int failedTotp = int(row.value().int64(1));
    const qint64 totpLockedUntil = row.value().int64(2);
    const qint64 totpLastStep = row.value().int64(3);
    if (totpLockedUntil > now) {
        out.reason = QStringLiteral("mfa_locked");
        out.message = QStringLiteral("too many wrong authentication codes; try again in %1 minutes")
                          .arg((totpLockedUntil - now + 59999) / 60000);
        return out;
    }
    if (code.trimmed().isEmpty()) {
        out.reason = QStringLiteral("mfa_required");
        out.message = QStringLiteral("enter the code from your authenticator app (or a recovery code)");
        return out;
    }
    if (const auto step = crypto::totp::acceptedStep(totpSecret, code, now, totpLastStep)) {
        if (auto r = sql::run(m_db, "UPDATE users SET totp_last_step = ? WHERE id = ?;", *step, userId); !r)
            return r.error();
        return out;
    }
    const QByteArray codeHash = crypto::sha256(normaliseRecoveryCode(code).toUtf8());
    if (auto r = sql::run(m_db,
                          "UPDATE recovery_codes SET used_at = ? WHERE user_id = ? AND code_hash = ? "
                          "AND used_at IS NULL;",
                          now, userId, codeHash);
        !r)
        return r.error();
    if (sql::changes(m_db) == 1) {
        out.details.insert(QStringLiteral("recovery_code_used"), true);
        return out;
    }
    // Counted apart from password failures: a password guesser cannot spend the code budget.
    const int failures = failedTotp + 1;
    const bool lockNow = failures >= settings.lockoutThreshold;
    if (auto r = sql::run(m_db, "UPDATE users SET failed_totp = ?, totp_locked_until = ? WHERE id = ?;",
                          lockNow ? 0 : failures,
                          lockNow ? now + settings.lockoutSeconds * qint64(1000) : totpLockedUntil, userId);
        !r)
        return r.error();
    out.reason = lockNow ? QStringLiteral("mfa_lockout") : QStringLiteral("mfa_invalid");
    out.message = QStringLiteral("the authentication code is wrong or was already used");
    return out;
}

Result<ControlPlane::FactorOutcome> ControlPlane::reauthenticate(const Caller& caller, const Principal& principal,
                                                                 const Reauthentication& current, qint64 now)
{
    if (const qint64 wait = m_throttle.retryAfterMs(caller.address, now); wait > 0)
        return FactorOutcome{QStringLiteral("throttled"),
                             QStringLiteral("too many failed attempts from this address; try again in %1 seconds")
                                 .arg((wait + 999) / 1000),
                             {}};
    auto settings = signInSettings(principal.tenantId);
    if (!settings)
        return settings.error();
    auto password = checkPassword(caller, principal.id, current.password, settings.value(), now);
    if (!password)
        return password.error();
    if (!password.value().reason.isEmpty()) {
        FactorOutcome out = password.value();
        // The caller is signed in: say which proof failed, without the sign-in's vagueness.
        out.message = out.reason == QLatin1String("account_locked")
                          ? QStringLiteral("the account is locked; try again later")
                          : QStringLiteral("the current password is wrong; nothing was changed");
        return out;
    }
    auto second = checkSecondFactor(principal.id, current.code, settings.value(), now);
    if (!second)
        return second.error();
    FactorOutcome out = second.value();
    if (out.reason == QLatin1String("mfa_required"))
        out.message = QStringLiteral("enter the current code from your authenticator app (or a recovery code) to "
                                     "confirm; nothing was changed");
    else if (!out.reason.isEmpty())
        out.message += QStringLiteral("; nothing was changed");
    return out;
}

Result<tenancy::TenantSettings> ControlPlane::signInSettings(const QString& tenantId)
{
    auto t = sql::query(m_db,
                        "SELECT lockout_threshold, lockout_s, session_idle_s, session_absolute_s, require_mfa_admins "
                        "FROM tenants WHERE id = ?;",
                        tenantId);
    if (!t)
        return t.error();
    tenancy::TenantSettings settings;
    if (t.value().step().value()) {
        settings.lockoutThreshold = int(t.value().int64(0));
        settings.lockoutSeconds = int(t.value().int64(1));
        settings.sessionIdleSeconds = int(t.value().int64(2));
        settings.sessionAbsoluteSeconds = int(t.value().int64(3));
        settings.requireMfaForAdmins = t.value().int64(4) != 0;
    }
    return settings;
}

Result<bool> ControlPlane::userIsAdmin(const QString& tenantId, const QString& userId) const
{
    for (const authz::Binding& b : m_authorizer.bindingsOf(userId)) {
        if (b.tenantId == tenantId &&
            (b.roleId == authz::builtin::kTenantOwner || b.roleId == authz::builtin::kTenantAdmin ||
             b.roleId == authz::builtin::kPlatformOwner))
            return true;
    }
    return false;
}

Result<User> ControlPlane::insertUser(Context& ctx, const QString& tenantId, const QString& username,
                                      const QString& displayName, const QString& email, const SecureBytes& password)
{
    if (auto v = checkName(username, QStringLiteral("username")); !v)
        return v.error();
    if (auto v = checkDisplayName(displayName, QStringLiteral("display name")); !v)
        return v.error();
    if (auto v = checkEmail(email); !v)
        return v.error();
    if (auto v = identity::PasswordPolicy::check(password, username); !v)
        return v.error();
    auto hash = crypto::PasswordHasher::hash(password);
    if (!hash)
        return hash.error();
    User u{encoding::newId(u"usr"),
           tenantId,
           username,
           displayName.trimmed(),
           email,
           QStringLiteral("active"),
           false,
           0,
           ctx.now};
    auto ins =
        sql::insertUnique(m_db, QStringLiteral("the username %1 is taken").arg(username),
                          "INSERT INTO users (id, tenant_id, username, display_name, email, status, "
                          "password_hash, password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);",
                          u.id, tenantId, u.username, u.displayName, u.email, u.status, hash.value(), ctx.now, ctx.now);
    if (!ins)
        return ins.error();
    return u;
}

// --- sign-in ------------------------------------------------------------------------------------------------

Result<SignedIn> ControlPlane::signIn(const Caller& caller, const QString& tenantName, const QString& username,
                                      const SecureBytes& password, const QString& totp)
{
    QMutexLocker lock(&m_mutex);
    m_pending.clear();
    const qint64 now = m_clock.nowMs();
    Operation op{QStringLiteral("auth.signin"), kNoPermission, {}, {}, QStringLiteral("user")};
    audit::AuditEvent event = eventFor(caller, nullptr, op);
    event.actorKind = QStringLiteral("user");
    event.actorName = username;
    event.details = {{QStringLiteral("tenant"), tenantName}};

    std::optional<store::Transaction> tx;
    {
        auto begun = store::Transaction::begin(m_db);
        if (!begun)
            return begun.error();
        tx.emplace(std::move(begun).value());
    }
    // Every answer but success is recorded with the state changes it made (counters, lockouts), then returned.
    auto finish = [&](const QString& reason, ErrorCode code, const QString& message) -> Result<SignedIn> {
        event.outcome = QStringLiteral("denied");
        event.reason = reason;
        if (auto r = appendEvent(event); !r)
            return r.error();
        if (auto r = commit(*tx); !r)
            return r.error();
        return makeError(code, message);
    };

    if (const qint64 wait = m_throttle.retryAfterMs(caller.address, now); wait > 0)
        return finish(QStringLiteral("throttled"), ErrorCode::RateLimited, tooManyFailedSignIns(wait).message);

    // Tenant and user. Unknown ones cost one Argon2id verification too, so timing does not tell them apart.
    QString tenantId;
    tenancy::TenantSettings settings;
    bool tenantOk = tenantName.isEmpty();
    if (!tenantName.isEmpty()) {
        auto t = sql::query(m_db,
                            "SELECT id, status, lockout_threshold, lockout_s, session_idle_s, session_absolute_s, "
                            "require_mfa_admins FROM tenants WHERE name = ? AND id <> '';",
                            tenantName);
        if (!t)
            return t.error();
        if (t.value().step().value()) {
            tenantId = t.value().text(0);
            tenantOk = t.value().text(1) == QLatin1String("active");
            settings.lockoutThreshold = int(t.value().int64(2));
            settings.lockoutSeconds = int(t.value().int64(3));
            settings.sessionIdleSeconds = int(t.value().int64(4));
            settings.sessionAbsoluteSeconds = int(t.value().int64(5));
            settings.requireMfaForAdmins = t.value().int64(6) != 0;
        }
    }
    event.tenantId = tenantId;
    auto u = sql::query(m_db,
                        "SELECT id, status, password_hash, failed_passwords, locked_until, totp_secret, "
                        "failed_totp, totp_locked_until, totp_last_step, display_name FROM users "
                        "WHERE tenant_id = ? AND username = ?;",
                        tenantId, username);
    if (!u)
        return u.error();
    const bool found = tenantOk && (tenantName.isEmpty() || !tenantId.isEmpty()) && u.value().step().value();
    if (!found) {
        (void)crypto::PasswordHasher::verify(crypto::PasswordHasher::dummyHash(), password);
        m_throttle.recordFailure(caller.address, now);
        return finish(tenantOk ? QStringLiteral("bad_credentials") : QStringLiteral("tenant_unavailable"),
                      ErrorCode::Unauthenticated, kSignInFailed);
    }
    const auto& row = u.value();
    const QString userId = row.text(0);
    const QString status = row.text(1);
    const QString storedHash = row.text(2);
    const bool totpEnrolled = !row.isNull(5);
    event.actorId = userId;
    event.targetId = userId;
    const auto take = [&event](const FactorOutcome& o) {
        for (auto it = o.details.begin(); it != o.details.end(); ++it)
            event.details.insert(it.key(), it.value());
    };

    auto passwordChecked = checkPassword(caller, userId, password, settings, now);
    if (!passwordChecked)
        return passwordChecked.error();
    take(passwordChecked.value());
    if (!passwordChecked.value().reason.isEmpty())
        return finish(passwordChecked.value().reason, ErrorCode::Unauthenticated, passwordChecked.value().message);
    if (status != QLatin1String("active"))
        return finish(QStringLiteral("account_") + status, ErrorCode::Unauthenticated, kSignInFailed);
    // A tenant that signs its people in at its identity provider may turn passwords off; its owners keep theirs, so
    // a broken provider cannot lock everyone out (break-glass).
    auto local = localPasswordAllowed(tenantId, userId);
    if (!local)
        return local.error();
    if (!local.value())
        return finish(QStringLiteral("local_password_disabled"), ErrorCode::Unauthenticated, kSignInFailed);

    // The password is right: from here on the caller may learn about the second factor.
    auto secondChecked = checkSecondFactor(userId, totp, settings, now);
    if (!secondChecked)
        return secondChecked.error();
    take(secondChecked.value());
    if (!secondChecked.value().reason.isEmpty())
        return finish(secondChecked.value().reason, ErrorCode::Unauthenticated, secondChecked.value().message);

    // Success: reset counters, upgrade the hash if its parameters are below today's, open a session.
    if (auto r = sql::run(m_db, "UPDATE users SET failed_passwords = 0, failed_totp = 0 WHERE id = ?;", userId); !r)
        return r.error();
    if (crypto::PasswordHasher::needsRehash(storedHash)) {
        auto rehashed = crypto::PasswordHasher::hash(password);
        if (!rehashed)
            return rehashed.error();
        if (auto r = sql::run(m_db, "UPDATE users SET password_hash = ? WHERE id = ?;", rehashed.value(), userId); !r)
            return r.error();
        event.details.insert(QStringLiteral("password_rehashed"), true);
    }
    auto admin = userIsAdmin(tenantId, userId);
    const bool enrolOnly = !totpEnrolled && !tenantId.isEmpty() && settings.requireMfaForAdmins && admin.value();
    auto opened = openSession(tenantId, userId, username, settings, enrolOnly, now);
    if (!opened)
        return opened.error();
    const SignedIn out = opened.value();
    event.outcome = QStringLiteral("success");
    event.reason = QStringLiteral("ok");
    event.details.insert(QStringLiteral("session_id"), out.principal.sessionId);
    if (enrolOnly)
        event.details.insert(QStringLiteral("mfa_enrollment_required"), true);
    if (auto r = appendEvent(event); !r)
        return r.error();
    if (auto r = commit(*tx); !r)
        return r.error();
    return out;
}

Result<SignedIn> ControlPlane::openSession(const QString& tenantId, const QString& userId, const QString& username,
                                           const tenancy::TenantSettings& settings, bool mfaEnrollmentOnly, qint64 now,
                                           const QString& idpIssuer, const QString& idpSubject)
{
    auto issued = identity::TokenCodec::issue(identity::TokenCodec::Kind::Session);
    if (!issued)
        return issued.error();
    SignedIn out;
    out.token = issued.value().text;
    out.expiresAtMs = now + settings.sessionAbsoluteSeconds * qint64(1000);
    out.mfaEnrollmentRequired = mfaEnrollmentOnly;
    out.principal.kind = Principal::Kind::User;
    out.principal.id = userId;
    out.principal.tenantId = tenantId;
    out.principal.name = username;
    out.principal.sessionId = encoding::newId(u"ses");
    out.principal.mfaEnrollmentOnly = mfaEnrollmentOnly;
    if (auto r = sql::run(m_db,
                          "INSERT INTO sessions (id, token_hash, user_id, tenant_id, created_at, last_seen_at, "
                          "expires_at, mfa_enrollment_only) VALUES (?, ?, ?, ?, ?, ?, ?, ?);",
                          out.principal.sessionId, issued.value().hash, userId, tenantId, now, now, out.expiresAtMs,
                          mfaEnrollmentOnly);
        !r)
        return r.error();
    if (!idpIssuer.isEmpty()) {
        if (auto r = sql::run(m_db,
                              "INSERT INTO oidc_sessions (session_id, tenant_id, issuer, subject) VALUES (?, ?, ?, ?);",
                              out.principal.sessionId, tenantId, idpIssuer, idpSubject);
            !r)
            return r.error();
    }
    return out;
}

Result<bool> ControlPlane::localPasswordAllowed(const QString& tenantId, const QString& userId)
{
    if (tenantId.isEmpty())
        return true;
    auto p = sql::query(m_db, "SELECT local_passwords, enabled FROM oidc_providers WHERE tenant_id = ?;", tenantId);
    if (!p)
        return p.error();
    if (!p.value().step().value() || p.value().int64(0) != 0 || p.value().int64(1) == 0)
        return true;
    for (const authz::Binding& b : m_authorizer.bindingsOf(userId)) {
        if (b.tenantId == tenantId && b.roleId == authz::builtin::kTenantOwner && b.workspaceId.isEmpty())
            return true;
    }
    return false;
}

Result<void> ControlPlane::signOut(const Caller& caller)
{
    Operation op{QStringLiteral("auth.signout"), kNoPermission, {}, {}, QStringLiteral("session")};
    op.selfService = true;
    op.needsUserSession = true;
    op.allowedWhileEnrollingMfa = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        ctx.targetId = ctx.principal.sessionId;
        return sql::run(m_db,
                        "UPDATE sessions SET ended_at = ?, end_reason = 'signed_out' WHERE id = ? AND user_id = ?;",
                        ctx.now, ctx.principal.sessionId, ctx.principal.id);
    });
}

Result<Principal> ControlPlane::whoami(const Caller& caller)
{
    Operation op{QStringLiteral("auth.whoami"), kNoPermission, {}, {}, QStringLiteral("principal")};
    op.readOnly = true;
    op.selfService = true;
    op.allowedWhileEnrollingMfa = true;
    return perform<Principal>(caller, op, [&](Context& ctx, Principal& out) -> Result<void> {
        out = ctx.principal;
        ctx.targetId = out.id;
        return {};
    });
}

namespace {

// Ten single-use recovery codes: 80 random bits each, as four groups of four base32 characters; stored as SHA-256.
Result<QStringList> newRecoveryCodes(store::Database& db, const QString& userId)
{
    if (auto d = sql::run(db, "DELETE FROM recovery_codes WHERE user_id = ?;", userId); !d)
        return d.error();
    QStringList codes;
    for (int i = 0; i < 10; ++i) {
        auto raw = crypto::randomBytes(10);
        if (!raw)
            return raw.error();
        const QString c = encoding::base32(raw.value());
        codes << QStringLiteral("%1-%2-%3-%4").arg(c.mid(0, 4), c.mid(4, 4), c.mid(8, 4), c.mid(12, 4));
        if (auto ins = sql::run(db, "INSERT INTO recovery_codes (user_id, code_hash) VALUES (?, ?);", userId,
                                crypto::sha256(c.toUtf8()));
            !ins)
            return ins.error();
    }
    return codes;
}

} // namespace

ControlPlane::Operation ControlPlane::ownCredentials(const char* action, const Reauthentication& current)
{
    Operation op{QLatin1String(action), kNoPermission, {}, {}, QStringLiteral("user")};
    op.selfService = true;
    op.needsUserSession = true;
    op.allowedWhileEnrollingMfa = true;
    op.reauth = &current;
    return op;
}

Result<void> ControlPlane::changeOwnPassword(const Caller& caller, const Reauthentication& current,
                                             const SecureBytes& next)
{
    return execute(caller, ownCredentials("user.password.change", current), [&](Context& ctx) -> Result<void> {
        ctx.targetId = ctx.principal.id;
        auto s = sql::query(m_db, "SELECT username FROM users WHERE tenant_id = ? AND id = ?;", ctx.principal.tenantId,
                            ctx.principal.id);
        if (!s)
            return s.error();
        if (!s.value().step().value())
            return notFound(QStringLiteral("user"));
        if (auto v = identity::PasswordPolicy::check(next, s.value().text(0)); !v)
            return v;
        auto hash = crypto::PasswordHasher::hash(next);
        if (!hash)
            return hash.error();
        if (auto r = sql::run(m_db, "UPDATE users SET password_hash = ?, password_changed_at = ? WHERE id = ?;",
                              hash.value(), ctx.now, ctx.principal.id);
            !r)
            return r;
        // Whoever else held a session of this account holds it no longer; the one that proved it stays.
        return endSessions(ctx.principal.id, ctx.now, QStringLiteral("credentials_changed"), ctx.principal.sessionId);
    });
}

Result<TotpEnrollment> ControlPlane::beginTotpEnrollment(const Caller& caller)
{
    Operation op{QStringLiteral("user.mfa.begin"), kNoPermission, {}, {}, QStringLiteral("user")};
    op.selfService = true;
    op.needsUserSession = true;
    op.allowedWhileEnrollingMfa = true;
    return perform<TotpEnrollment>(caller, op, [&](Context& ctx, TotpEnrollment& out) -> Result<void> {
        ctx.targetId = ctx.principal.id;
        auto secret = crypto::randomBytes(20);
        if (!secret)
            return secret.error();
        // Nothing changes yet: the pending secret replaces the current authenticator only when confirmed with
        // the current credentials.
        if (auto u = sql::run(m_db, "UPDATE users SET totp_pending_secret = ? WHERE tenant_id = ? AND id = ?;",
                              secret.value(), ctx.principal.tenantId, ctx.principal.id);
            !u)
            return u;
        out.secret = encoding::base32(secret.value()).toUpper();
        out.provisioningUri =
            crypto::totp::provisioningUri(QStringLiteral("Gatehouse"), ctx.principal.name, secret.value());
        return {};
    });
}

Result<QStringList> ControlPlane::confirmTotpEnrollment(const Caller& caller, const QString& code,
                                                        const Reauthentication& current)
{
    QStringList codes;
    auto r = execute(caller, ownCredentials("user.mfa.enable", current), [&](Context& ctx) -> Result<void> {
        ctx.targetId = ctx.principal.id;
        auto s = sql::query(m_db,
                            "SELECT totp_pending_secret, totp_secret IS NOT NULL FROM users "
                            "WHERE tenant_id = ? AND id = ?;",
                            ctx.principal.tenantId, ctx.principal.id);
        if (!s)
            return s.error();
        if (!s.value().step().value() || s.value().isNull(0))
            return makeError(ErrorCode::Conflict, QStringLiteral("no enrolment in progress: start one first"));
        const QByteArray secret = s.value().blob(0);
        ctx.details = {{QStringLiteral("replaced"), s.value().int64(1) != 0}};
        const auto step = crypto::totp::acceptedStep(secret, code, ctx.now, 0);
        if (!step)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the code does not match; check the authenticator's clock and try again"));
        if (auto u = sql::run(m_db,
                              "UPDATE users SET totp_secret = totp_pending_secret, totp_pending_secret = NULL, "
                              "totp_last_step = ?, failed_totp = 0 WHERE id = ?;",
                              *step, ctx.principal.id);
            !u)
            return u;
        auto fresh = newRecoveryCodes(m_db, ctx.principal.id);
        if (!fresh)
            return fresh.error();
        codes = fresh.value();
        // The session that just proved the second factor is no longer limited to enrolment.
        if (auto u =
                sql::run(m_db, "UPDATE sessions SET mfa_enrollment_only = 0 WHERE id = ?;", ctx.principal.sessionId);
            !u)
            return u;
        return endSessions(ctx.principal.id, ctx.now, QStringLiteral("credentials_changed"), ctx.principal.sessionId);
    });
    if (!r)
        return r.error();
    return codes;
}

Result<void> ControlPlane::removeOwnTotp(const Caller& caller, const Reauthentication& current)
{
    return execute(caller, ownCredentials("user.mfa.remove", current), [&](Context& ctx) -> Result<void> {
        ctx.targetId = ctx.principal.id;
        auto settings = signInSettings(ctx.principal.tenantId);
        if (!settings)
            return settings.error();
        auto admin = userIsAdmin(ctx.principal.tenantId, ctx.principal.id);
        if (!ctx.principal.tenantId.isEmpty() && settings.value().requireMfaForAdmins && admin.value())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("this tenant requires two-factor authentication for administrators: "
                                            "enrol a new authenticator to replace this one instead"));
        if (auto u = sql::run(m_db,
                              "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0, "
                              "failed_totp = 0, totp_locked_until = 0 WHERE id = ? AND totp_secret IS NOT NULL;",
                              ctx.principal.id);
            !u)
            return u;
        if (sql::changes(m_db) != 1)
            return makeError(ErrorCode::Conflict, QStringLiteral("no authenticator is enrolled"));
        if (auto d = sql::run(m_db, "DELETE FROM recovery_codes WHERE user_id = ?;", ctx.principal.id); !d)
            return d;
        return endSessions(ctx.principal.id, ctx.now, QStringLiteral("credentials_changed"), ctx.principal.sessionId);
    });
}

Result<QStringList> ControlPlane::regenerateRecoveryCodes(const Caller& caller, const Reauthentication& current)
{
    QStringList codes;
    auto r =
        execute(caller, ownCredentials("user.mfa.recovery.regenerate", current), [&](Context& ctx) -> Result<void> {
            ctx.targetId = ctx.principal.id;
            auto s = sql::query(m_db, "SELECT totp_secret IS NOT NULL FROM users WHERE id = ?;", ctx.principal.id);
            if (!s)
                return s.error();
            if (!s.value().step().value() || s.value().int64(0) == 0)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("recovery codes come with an authenticator: enrol one first"));
            auto fresh = newRecoveryCodes(m_db, ctx.principal.id);
            if (!fresh)
                return fresh.error();
            codes = fresh.value();
            return endSessions(ctx.principal.id, ctx.now, QStringLiteral("credentials_changed"),
                               ctx.principal.sessionId);
        });
    if (!r)
        return r.error();
    return codes;
}

// --- bootstrap ----------------------------------------------------------------------------------------------

bool ControlPlane::hasPlatformOwner() const
{
    return m_authorizer.countBindings({}, authz::builtin::kPlatformOwner, true) > 0;
}

Result<User> ControlPlane::bootstrapPlatformOwner(const Caller& caller, const QString& username,
                                                  const SecureBytes& password)
{
    Operation op{QStringLiteral("platform.bootstrap"), Permission::UsersWrite, {}, {}, QStringLiteral("user")};
    op.systemOnly = true;
    op.mutates = true;
    return perform<User>(caller, op, [&](Context& ctx, User& out) -> Result<void> {
        ctx.details = {{QStringLiteral("username"), username}};
        if (m_authorizer.countBindings({}, authz::builtin::kPlatformOwner, true) > 0)
            return makeError(
                ErrorCode::Conflict,
                QStringLiteral("the platform already has an owner; sign in as them to add administrators"));
        auto u = insertUser(ctx, {}, username, username, {}, password);
        if (!u)
            return u.error();
        out = u.value();
        ctx.targetId = out.id;
        auto b = insertBinding(
            ctx,
            {encoding::newId(u"bnd"), {}, QStringLiteral("user"), out.id, authz::builtin::kPlatformOwner, {}, ctx.now});
        if (!b)
            return b.error();
        return {};
    });
}

// --- users --------------------------------------------------------------------------------------------------

QStringList ControlPlane::permissionsBeyond(const Principal& principal, const QString& tenantId,
                                            const QString& targetIdentityId)
{
    // Scope by scope: what the target holds tenant-wide must be held tenant-wide, what it holds in a workspace must
    // be held there (tenant-wide or in that workspace).
    if (principal.kind == Principal::Kind::System || targetIdentityId == principal.id)
        return {};
    QStringList beyond;
    for (const authz::Binding& b : m_authorizer.bindingsOf(targetIdentityId)) {
        const auto role = m_authorizer.role(b.roleId);
        if (!role || b.tenantId != tenantId)
            continue;
        const authz::PermissionSet mine = m_authorizer.effective(principal.id, tenantId, b.workspaceId);
        const authz::PermissionSet missing = role->permissions - mine;
        for (const QString& name : missing.names()) {
            QString where = name;
            if (!b.workspaceId.isEmpty()) {
                auto ws = loadWorkspace(tenantId, b.workspaceId);
                where += QStringLiteral(" in workspace ") + (ws ? ws.value().name : b.workspaceId);
            }
            if (!beyond.contains(where))
                beyond << where;
        }
    }
    return beyond;
}

Result<User> ControlPlane::createUser(const Caller& caller, const QString& tenantId, const QString& username,
                                      const QString& displayName, const QString& email, const SecureBytes& password)
{
    Operation op{QStringLiteral("user.create"), Permission::UsersWrite, tenantId, {}, QStringLiteral("user")};
    op.name("username", username, Operation::Shape::Slug);
    op.mutates = true;
    return perform<User>(caller, op, [&](Context& ctx, User& out) -> Result<void> {
        ctx.details = {{QStringLiteral("username"), username}};
        auto u = insertUser(ctx, tenantId, username, displayName, email, password);
        if (!u)
            return u.error();
        out = u.value();
        ctx.targetId = out.id;
        return {};
    });
}

Result<QList<User>> ControlPlane::listUsers(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("user.list"), Permission::UsersRead, tenantId, {}, QStringLiteral("user")};
    op.readOnly = true;
    return perform<QList<User>>(caller, op, [&](Context& ctx, QList<User>& out) -> Result<void> {
        const QByteArray text =
            QByteArray("SELECT ") + kUserColumns + " FROM users WHERE tenant_id = ? ORDER BY username;";
        auto rows = sql::all(m_db, readUser, text.constData(), tenantId);
        if (!rows)
            return rows.error();
        out = rows.value();
        ctx.details = {{QStringLiteral("count"), out.size()}};
        return {};
    });
}

Result<User> ControlPlane::getUser(const Caller& caller, const QString& tenantId, const QString& userId)
{
    Operation op{QStringLiteral("user.read"), Permission::UsersRead, tenantId, {}, QStringLiteral("user"), userId};
    op.readOnly = true;
    return perform<User>(caller, op, [&](Context&, User& out) -> Result<void> {
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        out = u.value();
        return {};
    });
}

Result<User> ControlPlane::updateUser(const Caller& caller, const QString& tenantId, const QString& userId,
                                      const QString& displayName, const QString& email, const Expect<User>& expect)
{
    Operation op{QStringLiteral("user.update"), Permission::UsersWrite, tenantId, {}, QStringLiteral("user"), userId};
    op.subjectId = userId;
    op.mutates = true;
    return perform<User>(caller, op, [&](Context& ctx, User& out) -> Result<void> {
        if (auto v = checkDisplayName(displayName, QStringLiteral("display name")); !v)
            return v;
        if (auto v = checkEmail(email); !v)
            return v;
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        if (auto stale = checkExpected(ctx, expect, u.value(), QStringLiteral("user")); !stale)
            return stale;
        out = u.value();
        out.displayName = displayName.trimmed();
        out.email = email;
        ctx.details = {{QStringLiteral("username"), out.username}};
        return sql::run(m_db, "UPDATE users SET display_name = ?, email = ? WHERE tenant_id = ? AND id = ?;",
                        out.displayName, out.email, tenantId, userId);
    });
}

Result<User> ControlPlane::setUserStatus(const Caller& caller, const QString& tenantId, const QString& userId,
                                         UserStatusChange change)
{
    static const char* const actions[] = {"user.lock", "user.unlock", "user.disable", "user.enable"};
    Operation op{QString::fromLatin1(actions[int(change)]),
                 Permission::UsersWrite,
                 tenantId,
                 {},
                 QStringLiteral("user"),
                 userId};
    op.subjectId = userId;
    op.mutates = true;
    return perform<User>(caller, op, [&](Context& ctx, User& out) -> Result<void> {
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        out = u.value();
        ctx.details = {{QStringLiteral("username"), out.username}, {QStringLiteral("from"), out.status}};
        QString status;
        switch (change) {
        case UserStatusChange::Lock:
            status = QStringLiteral("locked");
            break;
        case UserStatusChange::Disable:
            if (auto v = requireNotLastOwner(tenantId, userId, {}, {}); !v)
                return v;
            status = QStringLiteral("disabled");
            break;
        case UserStatusChange::Unlock:
        case UserStatusChange::Enable:
            status = QStringLiteral("active");
            break;
        }
        out.status = status;
        // Unlocking also clears a brute-force lockout and its counters.
        if (auto w = sql::run(m_db,
                              "UPDATE users SET status = ?, locked_until = CASE WHEN ? = 'active' THEN 0 ELSE "
                              "locked_until END, failed_passwords = 0 WHERE tenant_id = ? AND id = ?;",
                              status, status, tenantId, userId);
            !w)
            return w;
        if (status != QLatin1String("active"))
            return endSessions(userId, ctx.now, QStringLiteral("account_") + status);
        out.lockedUntilMs = 0;
        return {};
    });
}

Result<void> ControlPlane::resetUserPassword(const Caller& caller, const QString& tenantId, const QString& userId,
                                             const SecureBytes& password)
{
    Operation op{
        QStringLiteral("user.password.reset"), Permission::UsersWrite, tenantId, {}, QStringLiteral("user"), userId};
    op.subjectId = userId;
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        ctx.details = {{QStringLiteral("username"), u.value().username}};
        if (auto v = identity::PasswordPolicy::check(password, u.value().username); !v)
            return v;
        auto hash = crypto::PasswordHasher::hash(password);
        if (!hash)
            return hash.error();
        if (auto w = sql::run(m_db,
                              "UPDATE users SET password_hash = ?, password_changed_at = ?, failed_passwords = 0 "
                              "WHERE tenant_id = ? AND id = ?;",
                              hash.value(), ctx.now, tenantId, userId);
            !w)
            return w;
        return endSessions(userId, ctx.now, QStringLiteral("password_reset"));
    });
}

Result<void> ControlPlane::resetUserMfa(const Caller& caller, const QString& tenantId, const QString& userId)
{
    Operation op{
        QStringLiteral("user.mfa.reset"), Permission::UsersWrite, tenantId, {}, QStringLiteral("user"), userId};
    op.subjectId = userId;
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        ctx.details = {{QStringLiteral("username"), u.value().username}};
        if (auto w = sql::run(m_db,
                              "UPDATE users SET totp_secret = NULL, totp_pending_secret = NULL, totp_last_step = 0, "
                              "failed_totp = 0, totp_locked_until = 0 WHERE tenant_id = ? AND id = ?;",
                              tenantId, userId);
            !w)
            return w;
        if (auto d = sql::run(m_db, "DELETE FROM recovery_codes WHERE user_id = ?;", userId); !d)
            return d;
        return endSessions(userId, ctx.now, QStringLiteral("mfa_reset"));
    });
}

Result<void> ControlPlane::endUserSessions(const Caller& caller, const QString& tenantId, const QString& userId)
{
    Operation op{
        QStringLiteral("user.sessions.end"), Permission::UsersWrite, tenantId, {}, QStringLiteral("user"), userId};
    op.subjectId = userId;
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        // The caller's own session stays when they end their own others.
        if (auto w = endSessions(userId, ctx.now, QStringLiteral("ended_by_administrator"), ctx.principal.sessionId);
            !w)
            return w;
        ctx.details = {{QStringLiteral("username"), u.value().username}, {QStringLiteral("ended"), sql::changes(m_db)}};
        return {};
    });
}

Result<void> ControlPlane::deleteUser(const Caller& caller, const QString& tenantId, const QString& userId)
{
    Operation op{QStringLiteral("user.delete"), Permission::UsersWrite, tenantId, {}, QStringLiteral("user"), userId};
    op.subjectId = userId;
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto u = loadUser(tenantId, userId);
        if (!u)
            return u.error();
        if (auto v = requireNotLastOwner(tenantId, userId, {}, {}); !v)
            return v;
        ctx.details = {{QStringLiteral("username"), u.value().username}};
        if (auto d = sql::run(m_db, "DELETE FROM bindings WHERE tenant_id = ? AND identity_id = ?;", tenantId, userId);
            !d)
            return d;
        if (auto d = sql::run(m_db, "DELETE FROM users WHERE tenant_id = ? AND id = ?;", tenantId, userId); !d)
            return d;
        ctx.onCommit.push_back([this, userId] { m_authorizer.removeIdentity(userId); });
        return {};
    });
}

// --- integrations and tokens --------------------------------------------------------------------------------

Result<Integration> ControlPlane::createIntegration(const Caller& caller, const QString& tenantId, const QString& name,
                                                    const QString& description)
{
    Operation op{QStringLiteral("integration.create"),
                 Permission::IntegrationsWrite,
                 tenantId,
                 {},
                 QStringLiteral("integration")};
    op.name("name", name, Operation::Shape::Slug);
    op.mutates = true;
    return perform<Integration>(caller, op, [&](Context& ctx, Integration& out) -> Result<void> {
        ctx.details = {{QStringLiteral("name"), name}};
        if (auto v = checkName(name, QStringLiteral("integration name")); !v)
            return v;
        if (description.size() > 1000)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the description is longer than 1000 characters"));
        out = {encoding::newId(u"int"), tenantId, name, description, QStringLiteral("active"), ctx.now, {}, {}, {}};
        ctx.targetId = out.id;
        return sql::insertUnique(m_db, QStringLiteral("an integration named %1 already exists").arg(name),
                                 "INSERT INTO integrations (id, tenant_id, name, description, status, created_at) "
                                 "VALUES (?, ?, ?, ?, ?, ?);",
                                 out.id, tenantId, out.name, out.description, out.status, ctx.now);
    });
}

Result<QList<Integration>> ControlPlane::listIntegrations(const Caller& caller, const QString& tenantId)
{
    Operation op{
        QStringLiteral("integration.list"), Permission::IntegrationsRead, tenantId, {}, QStringLiteral("integration")};
    op.readOnly = true;
    return perform<QList<Integration>>(caller, op, [&](Context&, QList<Integration>& out) -> Result<void> {
        auto rows = sql::all(m_db, readIntegration,
                             "SELECT id, tenant_id, name, description, status, created_at, client_cert_sha256, "
                             "federated_subject, federated_issuer FROM integrations "
                             "WHERE tenant_id = ? ORDER BY name;",
                             tenantId);
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

Result<Integration> ControlPlane::setIntegrationLocked(const Caller& caller, const QString& tenantId,
                                                       const QString& integrationId, bool locked)
{
    Operation op{locked ? QStringLiteral("integration.lock") : QStringLiteral("integration.unlock"),
                 Permission::IntegrationsWrite,
                 tenantId,
                 {},
                 QStringLiteral("integration"),
                 integrationId};
    op.subjectId = integrationId;
    op.mutates = true;
    return perform<Integration>(caller, op, [&](Context& ctx, Integration& out) -> Result<void> {
        auto i = loadIntegration(tenantId, integrationId);
        if (!i)
            return i.error();
        out = i.value();
        out.status = locked ? QStringLiteral("locked") : QStringLiteral("active");
        ctx.details = {{QStringLiteral("name"), out.name}};
        // Authentication checks the integration's status, so its tokens stop working with this commit.
        return sql::run(m_db, "UPDATE integrations SET status = ? WHERE tenant_id = ? AND id = ?;", out.status,
                        tenantId, integrationId);
    });
}

Result<Integration> ControlPlane::bindIntegrationCertificate(const Caller& caller, const QString& tenantId,
                                                             const QString& integrationId, const QString& sha256)
{
    QString fingerprint = sha256.trimmed().toLower();
    fingerprint.remove(QLatin1Char(':'));
    Operation op{fingerprint.isEmpty() ? QStringLiteral("integration.certificate.unbind")
                                       : QStringLiteral("integration.certificate.bind"),
                 Permission::IntegrationsWrite,
                 tenantId,
                 {},
                 QStringLiteral("integration"),
                 integrationId};
    op.subjectId = integrationId;
    op.mutates = true;
    return perform<Integration>(caller, op, [&](Context& ctx, Integration& out) -> Result<void> {
        static const QRegularExpression hex(QStringLiteral("^[0-9a-f]{64}$"));
        if (!fingerprint.isEmpty() && !hex.match(fingerprint).hasMatch())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("give the certificate's SHA-256 fingerprint: 64 hex digits, with or "
                                            "without colons (openssl x509 -noout -fingerprint -sha256)"));
        auto i = loadIntegration(tenantId, integrationId);
        if (!i)
            return i.error();
        out = i.value();
        out.clientCertificateSha256 = fingerprint;
        ctx.details = {{QStringLiteral("name"), out.name}, {QStringLiteral("certificate_sha256"), fingerprint}};
        // Authentication compares the connection's certificate with this, so it applies from this commit on.
        return sql::run(m_db, "UPDATE integrations SET client_cert_sha256 = ? WHERE tenant_id = ? AND id = ?;",
                        fingerprint, tenantId, integrationId);
    });
}

Result<Integration> ControlPlane::setIntegrationFederatedSubject(const Caller& caller, const QString& tenantId,
                                                                 const QString& integrationId, const QString& subject)
{
    Operation op{subject.isEmpty() ? QStringLiteral("integration.federation.unlink")
                                   : QStringLiteral("integration.federation.link"),
                 Permission::IntegrationsWrite,
                 tenantId,
                 {},
                 QStringLiteral("integration"),
                 integrationId};
    op.subjectId = integrationId;
    op.mutates = true;
    return perform<Integration>(caller, op, [&](Context& ctx, Integration& out) -> Result<void> {
        static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7E]{1,255}$"));
        if (!subject.isEmpty() && !printable.match(subject).hasMatch())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the subject is 1 to 255 printable characters without spaces: the \"sub\" "
                                            "of the provider's access tokens for this integration (for a "
                                            "client-credentials token, the client id at the provider)"));
        auto i = loadIntegration(tenantId, integrationId);
        if (!i)
            return i.error();
        out = i.value();
        QString issuer;
        if (!subject.isEmpty()) {
            auto provider = loadFederation(tenantId);
            if (!provider)
                return provider.error();
            if (!provider.value())
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("this tenant has no identity provider; its owner sets one first (PUT "
                                                "/api/v1/tenants/{tenant}/oidc, or gatehoused oidc set)"));
            issuer = provider.value()->issuer;
        }
        out.federatedSubject = subject;
        out.federatedIssuer = issuer;
        ctx.details = {{QStringLiteral("name"), out.name}, {QStringLiteral("subject"), subject}};
        if (!issuer.isEmpty())
            ctx.details.insert(QStringLiteral("issuer"), issuer);
        // Token exchange looks the subject up under the provider's issuer, so it applies from this commit on.
        return sql::insertUnique(
            m_db,
            QStringLiteral("another integration of this tenant is linked to the subject '%1'; "
                           "unlink it first")
                .arg(subject.left(64)),
            "UPDATE integrations SET federated_subject = ?, federated_issuer = ? WHERE tenant_id = "
            "? AND id = ?;",
            subject, issuer, tenantId, integrationId);
    });
}

Result<void> ControlPlane::deleteIntegration(const Caller& caller, const QString& tenantId,
                                             const QString& integrationId)
{
    Operation op{QStringLiteral("integration.delete"),
                 Permission::IntegrationsWrite,
                 tenantId,
                 {},
                 QStringLiteral("integration"),
                 integrationId};
    op.subjectId = integrationId;
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto i = loadIntegration(tenantId, integrationId);
        if (!i)
            return i.error();
        ctx.details = {{QStringLiteral("name"), i.value().name}};
        if (auto d = sql::run(m_db, "DELETE FROM bindings WHERE tenant_id = ? AND identity_id = ?;", tenantId,
                              integrationId);
            !d)
            return d;
        if (auto d =
                sql::run(m_db, "DELETE FROM integrations WHERE tenant_id = ? AND id = ?;", tenantId, integrationId);
            !d)
            return d;
        ctx.onCommit.push_back([this, integrationId] { m_authorizer.removeIdentity(integrationId); });
        return {};
    });
}

Result<IssuedToken> ControlPlane::issueToken(const Caller& caller, const QString& tenantId,
                                             const QString& integrationId, int expiryDays, const QString& workspaceId)
{
    Operation op{QStringLiteral("token.issue"), Permission::IntegrationsWrite, tenantId, {}, QStringLiteral("token")};
    op.subjectId = integrationId;
    op.name("integration_id", integrationId, Operation::Shape::Id);
    op.mutates = true;
    return perform<IssuedToken>(caller, op, [&](Context& ctx, IssuedToken& out) -> Result<void> {
        ctx.details = {{QStringLiteral("integration_id"), integrationId}, {QStringLiteral("expiry_days"), expiryDays}};
        if (expiryDays < 1 || expiryDays > 365)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("a token lives 1 to 365 days (default 90); asked for %1").arg(expiryDays));
        auto i = loadIntegration(tenantId, integrationId);
        if (!i)
            return i.error();
        if (!workspaceId.isEmpty()) {
            if (auto w = loadWorkspace(tenantId, workspaceId); !w)
                return w.error();
            ctx.details.insert(QStringLiteral("workspace_id"), workspaceId);
        }
        auto issued = identity::TokenCodec::issue(identity::TokenCodec::Kind::Integration);
        if (!issued)
            return issued.error();
        out.secret = issued.value().text;
        out.token = {encoding::newId(u"tok"),
                     integrationId,
                     issued.value().hint,
                     workspaceId,
                     ctx.now,
                     ctx.now + qint64(expiryDays) * 24 * 3600 * 1000,
                     0,
                     0};
        ctx.targetId = out.token.id;
        ctx.details.insert(QStringLiteral("hint"), out.token.hint);
        return sql::run(m_db,
                        "INSERT INTO api_tokens (id, tenant_id, integration_id, token_hash, hint, workspace_id, "
                        "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?);",
                        out.token.id, tenantId, integrationId, issued.value().hash, out.token.hint, workspaceId,
                        ctx.now, out.token.expiresAtMs);
    });
}

Result<QList<ApiToken>> ControlPlane::listTokens(const Caller& caller, const QString& tenantId,
                                                 const QString& integrationId)
{
    Operation op{QStringLiteral("token.list"),
                 Permission::IntegrationsRead,
                 tenantId,
                 {},
                 QStringLiteral("integration"),
                 integrationId};

    op.readOnly = true;
    return perform<QList<ApiToken>>(caller, op, [&](Context&, QList<ApiToken>& out) -> Result<void> {
        if (auto i = loadIntegration(tenantId, integrationId); !i)
            return i.error();
        auto rows = sql::all(m_db, readToken,
                             "SELECT id, integration_id, hint, workspace_id, created_at, expires_at, "
                             "coalesce(revoked_at, 0), coalesce(last_used_at, 0) FROM api_tokens "
                             "WHERE tenant_id = ? AND integration_id = ? ORDER BY created_at;",
                             tenantId, integrationId);
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

Result<void> ControlPlane::revokeToken(const Caller& caller, const QString& tenantId, const QString& integrationId,
                                       const QString& tokenId)
{
    Operation op{
        QStringLiteral("token.revoke"), Permission::IntegrationsWrite, tenantId, {}, QStringLiteral("token"), tokenId};
    op.subjectId = integrationId;
    op.name("integration_id", integrationId, Operation::Shape::Id);
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        if (auto w = sql::run(m_db,
                              "UPDATE api_tokens SET revoked_at = coalesce(revoked_at, ?) "
                              "WHERE tenant_id = ? AND integration_id = ? AND id = ?;",
                              ctx.now, tenantId, integrationId, tokenId);
            !w)
            return w;
        if (sql::changes(m_db) != 1)
            return notFound(QStringLiteral("token"));
        return {};
    });
}

} // namespace gatehouse::service
