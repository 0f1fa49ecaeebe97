// OIDC federation: a tenant's identity provider, its group mappings, and federated sign-in.
#include "ControlPlaneInternals.h"

#include "core/Encoding.h"
#include "crypto/Aead.h"
#include "crypto/Digest.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Random.h"
#include "identity/TokenCodec.h"
#include "oidc/ProviderClient.h"
#include "store/Transaction.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QUrl>

namespace gatehouse::service {

using authz::Permission;
using identity::FederationConfig;
using identity::GroupMapping;

namespace {

constexpr const char* kProviderColumns =
    "tenant_id, issuer, client_id, client_secret IS NOT NULL, scopes, ca_pem, claim_subject, claim_username, "
    "claim_email, claim_display_name, claim_groups, jit_provisioning, local_passwords, enabled, token_exchange, "
    "token_audience, created_at, updated_at";

FederationConfig readProvider(const store::Statement& s)
{
    FederationConfig c;
    c.tenantId = s.text(0);
    c.issuer = s.text(1);
    c.clientId = s.text(2);
    c.clientSecretSet = s.int64(3) != 0;
    c.scopes = s.text(4).split(QLatin1Char(' '), Qt::SkipEmptyParts);
    c.caPem = s.text(5);
    c.claims = {s.text(6), s.text(7), s.text(8), s.text(9), s.text(10)};
    c.jitProvisioning = s.int64(11) != 0;
    c.localPasswords = s.int64(12) != 0;
    c.enabled = s.int64(13) != 0;
    c.tokenExchange = s.int64(14) != 0;
    c.tokenAudience = s.text(15);
    c.createdAtMs = s.int64(16);
    c.updatedAtMs = s.int64(17);
    return c;
}

GroupMapping readMapping(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.int64(5)};
}

// The client secret is sealed like a secret value, under a pseudo secret id no real secret can have ('/' is not in
// an id), so its ciphertext cannot be moved to or from a secret's row.
QByteArray clientSecretAad(const QString& tenantId)
{
    return secrets::TenantKeyRing::associatedData(tenantId, QString(), QStringLiteral("oidc/client-secret"), 1);
}

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

bool isLoopbackHost(const QString& host)
{
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

Result<void> checkIssuer(const QString& issuer)
{
    const QUrl url(issuer, QUrl::StrictMode);
    const QString what = QStringLiteral("the issuer must be the provider's https:// URL as its discovery document "
                                        "names it (http:// only on a loopback address), without query or fragment");
    if (issuer.isEmpty() || issuer.size() > 512 || !url.isValid() || url.host().isEmpty() || url.hasQuery() ||
        url.hasFragment() || !url.userInfo().isEmpty())
        return invalid(what);
    const QString scheme = url.scheme().toLower();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http") && isLoopbackHost(url.host()))
        return {};
    return invalid(what);
}

Result<void> checkConfig(const FederationConfig& c)
{
    if (auto v = checkIssuer(c.issuer); !v)
        return v;
    static const QRegularExpression printable(QStringLiteral("^[\\x21-\\x7E]{1,255}$"));
    if (!printable.match(c.clientId).hasMatch())
        return invalid(QStringLiteral("the client id is 1 to 255 printable characters without spaces, as the "
                                      "provider registered the client"));
    static const QRegularExpression scope(QStringLiteral("^[\\x21\\x23-\\x5B\\x5D-\\x7E]{1,64}$"));
    if (!c.scopes.contains(QLatin1String("openid")))
        return invalid(QStringLiteral("the scopes must include openid"));
    if (c.scopes.size() > 32)
        return invalid(QStringLiteral("at most 32 scopes"));
    for (const QString& s : c.scopes) {
        if (!scope.match(s).hasMatch())
            return invalid(QStringLiteral("'%1' is not a scope: a scope is 1 to 64 printable characters without "
                                          "spaces, quotes or backslashes")
                               .arg(s.left(64)));
    }
    if (!c.caPem.isEmpty()) {
        if (c.caPem.size() > 64 * 1024 || QSslCertificate::fromData(c.caPem.toLatin1(), QSsl::Pem).isEmpty())
            return invalid(QStringLiteral("the provider CA is not a PEM certificate (-----BEGIN CERTIFICATE-----); "
                                          "leave it empty to trust the system's CAs"));
    }
    const std::pair<const char*, const QString*> paths[] = {{"subject", &c.claims.subject},
                                                            {"username", &c.claims.username},
                                                            {"email", &c.claims.email},
                                                            {"display name", &c.claims.displayName},
                                                            {"groups", &c.claims.groups}};
    for (const auto& [what, path] : paths) {
        // Only the subject is required; an empty path leaves that fact unmapped.
        if (path->isEmpty() && QLatin1String(what) != QLatin1String("subject"))
            continue;
        if (!identity::claims::isValidPath(*path))
            return invalid(QStringLiteral("the %1 claim path '%2' is not valid: claim names of letters, digits, '_', "
                                          "'-', ':' or '/' joined by '.' (e.g. org.groups)")
                               .arg(QLatin1String(what), path->left(64)));
    }
    if (c.tokenExchange && c.tokenAudience.trimmed().isEmpty())
        return invalid(QStringLiteral("token exchange needs the audience that the provider's access tokens carry "
                                      "for Gatehouse"));
    if (c.tokenAudience.size() > 255)
        return invalid(QStringLiteral("the token audience is at most 255 characters"));
    return {};
}

QJsonObject describe(const FederationConfig& c)
{
    return {{QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("client_id"), c.clientId},
            {QStringLiteral("scopes"), c.scopes.join(QLatin1Char(' '))},
            {QStringLiteral("ca_pinned"), !c.caPem.isEmpty()},
            {QStringLiteral("jit_provisioning"), c.jitProvisioning},
            {QStringLiteral("local_passwords"), c.localPasswords},
            {QStringLiteral("enabled"), c.enabled},
            {QStringLiteral("token_exchange"), c.tokenExchange}};
}

Result<void> checkGroupName(const QString& group)
{
    static const QRegularExpression re(QStringLiteral("^[^\\x00-\\x1F\\x7F]{1,256}$"));
    if (!re.match(group).hasMatch() || group.trimmed() != group)
        return invalid(QStringLiteral("a group name is 1 to 256 characters, no control characters and no spaces at "
                                      "either end, exactly as the provider sends it"));
    return {};
}

} // namespace

Result<std::optional<FederationConfig>> ControlPlane::loadFederation(const QString& tenantId)
{
    const QByteArray text = QByteArray("SELECT ") + kProviderColumns + " FROM oidc_providers WHERE tenant_id = ?;";
    auto s = sql::query(m_db, text.constData(), tenantId);
    if (!s)
        return s.error();
    auto step = s.value().step();
    if (!step)
        return step.error();
    if (!step.value())
        return std::optional<FederationConfig>();
    return std::optional<FederationConfig>(readProvider(s.value()));
}

QStringList ControlPlane::federatedUsersBeyond(const Principal& principal, const QString& tenantId)
{
    QStringList beyond;
    auto rows = sql::query(m_db, "SELECT user_id FROM oidc_identities WHERE tenant_id = ?;", tenantId);
    if (!rows)
        return {QStringLiteral("(the federated users could not be read)")};
    while (rows.value().step().value()) {
        for (const QString& p : permissionsBeyond(principal, tenantId, rows.value().text(0))) {
            if (!beyond.contains(p))
                beyond << p;
        }
    }
    return beyond;
}

Result<FederationConfig> ControlPlane::federation(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("oidc.provider.read"),
                 Permission::SettingsRead,
                 tenantId,
                 {},
                 QStringLiteral("oidc_provider"),
                 tenantId};
    op.readOnly = true;
    return perform<FederationConfig>(caller, op, [&](Context&, FederationConfig& out) -> Result<void> {
        auto c = loadFederation(tenantId);
        if (!c)
            return c.error();
        if (!c.value())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("this tenant has no identity provider; its owner sets one (PUT "
                                            "/api/v1/tenants/{tenant}/oidc, or gatehoused oidc set)"));
        out = *c.value();
        return {};
    });
}

Result<FederationConfig> ControlPlane::setFederation(const Caller& caller, const FederationConfig& config,
                                                     const std::optional<SecureBytes>& clientSecret)
{
    const QString tenantId = config.tenantId;
    Operation op{QStringLiteral("oidc.provider.set"),
                 Permission::SettingsWrite,
                 tenantId,
                 {},
                 QStringLiteral("oidc_provider"),
                 tenantId};
    op.mutates = true;
    return perform<FederationConfig>(caller, op, [&](Context& ctx, FederationConfig& out) -> Result<void> {
        if (tenantId.isEmpty())
            return invalid(QStringLiteral("an identity provider belongs to a tenant"));
        if (auto v = checkConfig(config); !v)
            return v;
        if (clientSecret && (clientSecret->isEmpty() || clientSecret->size() > 4096))
            return invalid(
                QStringLiteral("the client secret is 1 byte to 4 KiB; leave it out to keep the current one"));
        auto existing = loadFederation(tenantId);
        if (!existing)
            return existing.error();
        const std::optional<FederationConfig>& before = existing.value();
        // Who vouches for the tenant's federated users: changing it hands the caller whatever those users hold.
        const bool vouchingChanges = !before || before->issuer != config.issuer ||
                                     before->clientId != config.clientId || before->caPem != config.caPem ||
                                     clientSecret.has_value();
        if (vouchingChanges) {
            const QStringList beyond = federatedUsersBeyond(ctx.principal, tenantId);
            if (!beyond.isEmpty()) {
                ctx.details.insert(QStringLiteral("missing_permissions"), QJsonArray::fromStringList(beyond));
                return makeError(ErrorCode::Forbidden,
                                 QStringLiteral("not allowed: the provider vouches for federated users who hold "
                                                "permissions you do not (%1); ask someone who holds them")
                                     .arg(beyond.join(QStringLiteral(", "))));
            }
        }
        out = config;
        out.createdAtMs = before ? before->createdAtMs : ctx.now;
        out.updatedAtMs = ctx.now;
        QByteArray sealed;
        bool keepSecret = false;
        if (clientSecret) {
            auto key = m_keyRing->keyFor(tenantId, ctx.now);
            if (!key)
                return key.error();
            auto s = crypto::aead::seal(key.value(), clientSecret->view(), clientSecretAad(tenantId));
            if (!s)
                return s.error();
            sealed = s.value();
            out.clientSecretSet = true;
        } else {
            keepSecret = before && before->clientSecretSet;
            out.clientSecretSet = keepSecret;
        }
        ctx.details = describe(out);
        ctx.details.insert(QStringLiteral("client_secret"),
                           clientSecret ? QStringLiteral("set")
                                        : (keepSecret ? QStringLiteral("kept") : QStringLiteral("none")));
        ctx.details.insert(QStringLiteral("created"), !before.has_value());
        const QString scopes = out.scopes.join(QLatin1Char(' '));
        const auto& m = out.claims;
        if (!before) {
            return sql::run(m_db,
                            "INSERT INTO oidc_providers (tenant_id, issuer, client_id, client_secret, scopes, ca_pem, "
                            "claim_subject, claim_username, claim_email, claim_display_name, claim_groups, "
                            "jit_provisioning, local_passwords, enabled, token_exchange, token_audience, created_at, "
                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                            tenantId, out.issuer, out.clientId, clientSecret ? sealed : QByteArray(), scopes, out.caPem,
                            m.subject, m.username, m.email, m.displayName, m.groups, out.jitProvisioning,
                            out.localPasswords, out.enabled, out.tokenExchange, out.tokenAudience, out.createdAtMs,
                            out.updatedAtMs);
        }
        if (auto w = sql::run(m_db,
                              "UPDATE oidc_providers SET issuer = ?, client_id = ?, scopes = ?, ca_pem = ?, "
                              "claim_subject = ?, claim_username = ?, claim_email = ?, claim_display_name = ?, "
                              "claim_groups = ?, jit_provisioning = ?, local_passwords = ?, enabled = ?, "
                              "token_exchange = ?, token_audience = ?, updated_at = ? WHERE tenant_id = ?;",
                              out.issuer, out.clientId, scopes, out.caPem, m.subject, m.username, m.email,
                              m.displayName, m.groups, out.jitProvisioning, out.localPasswords, out.enabled,
                              out.tokenExchange, out.tokenAudience, out.updatedAtMs, tenantId);
            !w)
            return w;
        if (clientSecret)
            return sql::run(m_db, "UPDATE oidc_providers SET client_secret = ? WHERE tenant_id = ?;", sealed, tenantId);
        return {};
    });
}

Result<void> ControlPlane::removeFederation(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("oidc.provider.remove"),
                 Permission::SettingsWrite,
                 tenantId,
                 {},
                 QStringLiteral("oidc_provider"),
                 tenantId};
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto existing = loadFederation(tenantId);
        if (!existing)
            return existing.error();
        if (!existing.value())
            return makeError(ErrorCode::NotFound, QStringLiteral("this tenant has no identity provider"));
        ctx.details = describe(*existing.value());
        // Federated users stay (an administrator decides about them); without a provider they cannot sign in.
        return sql::run(m_db, "DELETE FROM oidc_providers WHERE tenant_id = ?;", tenantId);
    });
}

Result<QList<GroupMapping>> ControlPlane::readGroupMappings(const QString& tenantId)
{
    return sql::all(m_db, readMapping,
                    "SELECT id, tenant_id, group_name, role_id, workspace_id, created_at FROM oidc_group_mappings "
                    "WHERE tenant_id = ? ORDER BY group_name, role_id, workspace_id;",
                    tenantId);
}

Result<QList<GroupMapping>> ControlPlane::groupMappings(const Caller& caller, const QString& tenantId)
{
    Operation op{QStringLiteral("oidc.mapping.list"),
                 Permission::BindingsRead,
                 tenantId,
                 {},
                 QStringLiteral("oidc_provider"),
                 tenantId};
    op.readOnly = true;
    return perform<QList<GroupMapping>>(caller, op, [&](Context&, QList<GroupMapping>& out) -> Result<void> {
        auto rows = readGroupMappings(tenantId);
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

Result<QList<GroupMapping>> ControlPlane::setGroupMappings(const Caller& caller, const QString& tenantId,
                                                           const QList<GroupMapping>& mappings)
{
    Operation op{QStringLiteral("oidc.mapping.set"),
                 Permission::BindingsWrite,
                 tenantId,
                 {},
                 QStringLiteral("oidc_provider"),
                 tenantId};
    op.mutates = true;
    // The roles the caller asked to map, in every outcome's record (a denial too); ids only, as for a binding.
    QJsonArray roleIds;
    for (const GroupMapping& m : mappings) {
        if (!looksLikeId(m.roleId))
            op.named.insert(QStringLiteral("role_ids_invalid"), true);
        else if (!roleIds.contains(m.roleId))
            roleIds.append(m.roleId);
    }
    if (!roleIds.isEmpty())
        op.named.insert(QStringLiteral("role_ids"), roleIds);
    return perform<QList<GroupMapping>>(caller, op, [&](Context& ctx, QList<GroupMapping>& out) -> Result<void> {
        if (mappings.size() > 500)
            return invalid(QStringLiteral("at most 500 group mappings per tenant"));
        const auto key = [](const GroupMapping& m) {
            return m.group + QLatin1Char('\n') + m.roleId + QLatin1Char('\n') + m.workspaceId;
        };
        QHash<QString, GroupMapping> wanted;
        for (const GroupMapping& m : mappings) {
            if (auto v = checkGroupName(m.group); !v)
                return v;
            auto role = m_authorizer.role(m.roleId);
            if (!role || role->level != authz::Level::Tenant || (!role->builtin && role->tenantId != tenantId))
                return invalid(QStringLiteral("unknown role '%1' (group '%2'): map a group to a tenant role by its id, "
                                              "as the roles list gives it")
                                   .arg(m.roleId.left(64), m.group.left(64)));
            if (!m.workspaceId.isEmpty()) {
                if (auto ws = loadWorkspace(tenantId, m.workspaceId); !ws)
                    return invalid(QStringLiteral("unknown workspace '%1' (group '%2')")
                                       .arg(m.workspaceId.left(64), m.group.left(64)));
            }
            wanted.insert(key(m), m);
        }
        auto current = readGroupMappings(tenantId);
        if (!current)
            return current.error();
        QHash<QString, GroupMapping> had;
        for (const GroupMapping& m : current.value())
            had.insert(key(m), m);
        QJsonArray added;
        QJsonArray removed;
        const auto entry = [](const GroupMapping& m) {
            return QJsonObject{{QStringLiteral("group"), m.group},
                               {QStringLiteral("role_id"), m.roleId},
                               {QStringLiteral("workspace_id"), m.workspaceId}};
        };
        // A mapping grants its role to whoever the provider puts in the group, and removing it takes the role away:
        // both only by someone who holds the role's permissions at its scope, as for a binding.
        for (auto it = had.cbegin(); it != had.cend(); ++it) {
            if (wanted.contains(it.key()))
                continue;
            if (auto role = m_authorizer.role(it->roleId)) {
                if (auto v = requireHoldsAllOf(ctx, role->permissions, tenantId, it->workspaceId); !v)
                    return v;
            }
            if (auto d =
                    sql::run(m_db, "DELETE FROM oidc_group_mappings WHERE tenant_id = ? AND id = ?;", tenantId, it->id);
                !d)
                return d;
            removed.append(entry(*it));
        }
        for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
            if (had.contains(it.key()))
                continue;
            const auto role = m_authorizer.role(it->roleId);
            if (auto v = requireHoldsAllOf(ctx, role->permissions, tenantId, it->workspaceId); !v)
                return v;
            if (auto i = sql::run(m_db,
                                  "INSERT INTO oidc_group_mappings (id, tenant_id, group_name, role_id, workspace_id, "
                                  "created_at) VALUES (?, ?, ?, ?, ?, ?);",
                                  encoding::newId(u"gmp"), tenantId, it->group, it->roleId, it->workspaceId, ctx.now);
                !i)
                return i;
            added.append(entry(*it));
        }
        ctx.details = {{QStringLiteral("added"), added}, {QStringLiteral("removed"), removed}};
        auto rows = readGroupMappings(tenantId);
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

// --- federated sign-in -------------------------------------------------------------------------------------------

namespace {

constexpr qint64 kStateLifetimeMs = 10 * 60 * 1000;
constexpr qsizetype kMaxPendingSignIns = 10000;

// What the provider's amr (RFC 8176) or acr must say for its sign-in to count as multi-factor.
bool provedSecondFactor(const oidc::VerifiedToken& token)
{
    static const QStringList amr{QStringLiteral("mfa"), QStringLiteral("otp"), QStringLiteral("hwk"),
                                 QStringLiteral("sc")};
    static const QStringList acr{QStringLiteral("http://schemas.openid.net/pape/policies/2007/06/multi-factor"),
                                 QStringLiteral("mfa")};
    for (const QString& m : token.amr) {
        if (amr.contains(m))
            return true;
    }
    return acr.contains(token.acr);
}

QString fingerprintOf(const FederationConfig& c)
{
    return c.issuer + QLatin1Char('\n') + c.clientId + QLatin1Char('\n') + c.caPem + QLatin1Char('\n') +
           QString::number(c.updatedAtMs);
}

QByteArray stateKey(const QString& state)
{
    return crypto::sha256(state.toUtf8());
}

// The id of the active tenant called `name`; empty when there is none (or it is suspended).
Result<QString> activeTenantId(store::Database& db, const QString& name)
{
    auto t = sql::query(db, "SELECT id FROM tenants WHERE name = ? AND id <> '' AND status = 'active';", name);
    if (!t)
        return t.error();
    auto row = t.value().step();
    if (!row)
        return row.error();
    return row.value() ? t.value().text(0) : QString();
}

// A refused federated sign-in or token exchange: `event` (its outcome and reason set) written in a transaction of its
// own, then `answer` returned. `append` and `commit` are the control plane's.
template <typename Append, typename Commit>
Error writeRefusal(store::Database& db, audit::AuditEvent& event, const Append& append, const Commit& commit,
                   Error answer)
{
    auto own = store::Transaction::begin(db);
    if (!own)
        return own.error();
    if (auto r = append(event); !r)
        return r.error();
    if (auto r = commit(own.value()); !r)
        return r.error();
    return answer;
}

} // namespace

struct ControlPlane::Federation
{
    struct Pending
    {
        QString tenantId;
        QByteArray nonce;
        QByteArray verifier; // PKCE: a secret until used
        QUrl redirectUri;
        qint64 expiresAtMs = 0;
    };
    QHash<QByteArray, Pending> pending; // by SHA-256 of the state
    struct Client
    {
        QString fingerprint;
        std::shared_ptr<oidc::ProviderClient> client;
    };
    QHash<QString, Client> clients; // by tenant

    void forgetExpired(qint64 now)
    {
        for (auto it = pending.begin(); it != pending.end();) {
            if (it->expiresAtMs <= now)
                it = pending.erase(it);
            else
                ++it;
        }
    }
};

// The tenant's enabled provider and a client for it (kept while the configuration stays the same, so its cached
// discovery and keys are reused); inside a transaction, under the lock.
Result<std::pair<FederationConfig, std::shared_ptr<oidc::ProviderClient>>>
ControlPlane::federationClient(const QString& tenantId, qint64 now)
{
    if (!m_federation)
        m_federation = std::make_shared<Federation>();
    auto config = loadFederation(tenantId);
    if (!config)
        return config.error();
    if (!config.value() || !config.value()->enabled)
        return makeError(ErrorCode::NotFound, QStringLiteral("federated sign-in is not set up for this tenant"));
    const FederationConfig& c = *config.value();
    Federation::Client& cached = m_federation->clients[tenantId];
    if (!cached.client || cached.fingerprint != fingerprintOf(c)) {
        SecureBytes secret;
        if (c.clientSecretSet) {
            auto row = sql::query(m_db, "SELECT client_secret FROM oidc_providers WHERE tenant_id = ?;", tenantId);
            if (!row)
                return row.error();
            if (!row.value().step().value())
                return notFound(QStringLiteral("identity provider"));
            auto key = m_keyRing->keyFor(tenantId, now);
            if (!key)
                return key.error();
            auto opened = crypto::aead::open(key.value(), row.value().blob(0), clientSecretAad(tenantId));
            if (!opened)
                return makeError(ErrorCode::Corrupt, QStringLiteral("the tenant's OIDC client secret fails "
                                                                    "authentication; set it again"));
            secret = std::move(opened).value();
        }
        oidc::ProviderSettings settings;
        settings.issuer = c.issuer;
        settings.clientId = c.clientId;
        settings.caCertificatesPem = c.caPem.toLatin1();
        cached.client = std::make_shared<oidc::ProviderClient>(settings, std::move(secret), m_clock);
        cached.fingerprint = fingerprintOf(c);
    }
    return std::make_pair(c, cached.client);
}

Result<ControlPlane::FederatedStart> ControlPlane::beginFederatedSignIn(const Caller& caller, const QString& tenantName,
                                                                        const QString& redirectUri)
{
    Operation op{QStringLiteral("auth.oidc.start"), kNoPermission, {}, {}, QStringLiteral("tenant")};
    // Records the outcome in a transaction of its own (the lock held).
    const auto record = [&](const QString& tenantId, const QString& reason,
                            const QJsonObject& details) -> Result<void> {
        audit::AuditEvent event = eventFor(caller, nullptr, op);
        event.tenantId = tenantId;
        event.targetId = tenantId;
        event.outcome = reason == QLatin1String("ok") ? QStringLiteral("success") : QStringLiteral("denied");
        event.reason = reason;
        event.details = details;
        event.details.insert(QStringLiteral("tenant"),
                             looksLikeId(tenantName) ? tenantName : QStringLiteral("(invalid)"));
        auto tx = store::Transaction::begin(m_db);
        if (!tx)
            return tx.error();
        if (auto r = appendEvent(event); !r)
            return r;
        return commit(tx.value());
    };
    const QUrl redirect(redirectUri, QUrl::StrictMode);
    const QString scheme = redirect.scheme().toLower();
    if (!redirect.isValid() || redirect.host().isEmpty() || redirect.hasFragment() ||
        (scheme != QLatin1String("https") && scheme != QLatin1String("http")))
        return invalid(QStringLiteral("redirect_uri must be the absolute http(s) URL registered at the provider, "
                                      "without a fragment"));

    QString tenantId;
    FederationConfig config;
    std::shared_ptr<oidc::ProviderClient> client;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.clear();
        const qint64 now = m_clock.nowMs();
        if (const qint64 wait = m_throttle.retryAfterMs(caller.address, now); wait > 0) {
            if (auto r = record({}, QStringLiteral("throttled"), {}); !r)
                return r.error();
            return tooManyFailedSignIns(wait);
        }
        std::optional<store::Transaction> tx;
        {
            auto begun = store::Transaction::begin(m_db);
            if (!begun)
                return begun.error();
            tx.emplace(std::move(begun).value());
        }
        auto active = activeTenantId(m_db, tenantName);
        if (!active)
            return active.error();
        tenantId = active.value();
        auto found = tenantId.isEmpty() ? Result<std::pair<FederationConfig, std::shared_ptr<oidc::ProviderClient>>>(
                                              makeError(ErrorCode::NotFound, QString()))
                                        : federationClient(tenantId, now);
        tx.reset(); // read only
        if (!found) {
            if (found.error().code != ErrorCode::NotFound)
                return found.error();
            if (auto r = record(tenantId, QStringLiteral("federation_unavailable"), {}); !r)
                return r.error();
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("federated sign-in is not set up for this tenant; sign in with a "
                                            "password, or ask the tenant's owner"));
        }
        config = found.value().first;
        client = found.value().second;
    }
    // Discovery may go to the network: outside the lock.
    auto request = client->authorizationRequest(redirect, config.scopes);
    QMutexLocker lock(&m_mutex);
    m_pending.clear();
    const qint64 now = m_clock.nowMs();
    if (!request) {
        if (auto r = record(tenantId, QStringLiteral("provider_unavailable"),
                            {{QStringLiteral("error"), request.error().message.left(300)}});
            !r)
            return r.error();
        return makeError(ErrorCode::Io, QStringLiteral("the tenant's identity provider cannot be reached; try again "
                                                       "later or sign in with a password"));
    }
    m_federation->forgetExpired(now);
    if (m_federation->pending.size() >= kMaxPendingSignIns) {
        if (auto r = record(tenantId, QStringLiteral("throttled"), {}); !r)
            return r.error();
        return makeError(ErrorCode::RateLimited, QStringLiteral("too many sign-ins under way; try again shortly"));
    }
    FederatedStart out;
    out.state = QString::fromLatin1(request.value().state);
    out.authorizationUrl = request.value().url.toString(QUrl::FullyEncoded);
    out.expiresAtMs = now + kStateLifetimeMs;
    m_federation->pending.insert(stateKey(out.state), {tenantId, request.value().nonce, request.value().pkce.verifier,
                                                       redirect, out.expiresAtMs});
    if (auto r = record(tenantId, QStringLiteral("ok"), {{QStringLiteral("issuer"), config.issuer}}); !r) {
        m_federation->pending.remove(stateKey(out.state));
        return r.error();
    }
    return out;
}

Result<SignedIn> ControlPlane::completeFederatedSignIn(const Caller& caller, const QString& state, const QString& code,
                                                       const QString& totp)
{
    Operation op{QStringLiteral("auth.oidc.signin"), kNoPermission, {}, {}, QStringLiteral("user")};
    audit::AuditEvent event = eventFor(caller, nullptr, op);
    event.actorKind = QStringLiteral("user");
    // A refusal: recorded in a transaction of its own (after `tx`, if any, was rolled back), counted against the
    // address like a wrong password, and answered like one.
    const auto append = [this](audit::AuditEvent& e) {
        return appendEvent(e);
    };
    const auto commitOwn = [this](store::Transaction& tx) {
        return commit(tx);
    };
    const auto refuse = [&](const QString& reason, const QJsonObject& details = {},
                            const QString& message = kSignInFailed) -> Result<SignedIn> {
        m_throttle.recordFailure(caller.address, m_clock.nowMs());
        event.outcome = QStringLiteral("denied");
        event.reason = reason;
        for (auto it = details.begin(); it != details.end(); ++it)
            event.details.insert(it.key(), it.value());
        return writeRefusal(m_db, event, append, commitOwn, makeError(ErrorCode::Unauthenticated, message));
    };

    Federation::Pending pending;
    FederationConfig config;
    std::shared_ptr<oidc::ProviderClient> client;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.clear();
        const qint64 now = m_clock.nowMs();
        if (const qint64 wait = m_throttle.retryAfterMs(caller.address, now); wait > 0) {
            event.outcome = QStringLiteral("denied");
            event.reason = QStringLiteral("throttled");
            return writeRefusal(m_db, event, append, commitOwn, tooManyFailedSignIns(wait));
        }
        if (!m_federation)
            m_federation = std::make_shared<Federation>();
        // The state is used up here, whatever happens next: a replay finds nothing.
        const auto it = m_federation->pending.constFind(stateKey(state));
        if (it == m_federation->pending.constEnd())
            return refuse(QStringLiteral("state_unknown"));
        pending = *it;
        m_federation->pending.erase(it);
        event.tenantId = pending.tenantId;
        if (pending.expiresAtMs <= now)
            return refuse(QStringLiteral("state_expired"));
        std::optional<store::Transaction> tx;
        {
            auto begun = store::Transaction::begin(m_db);
            if (!begun)
                return begun.error();
            tx.emplace(std::move(begun).value());
        }
        auto found = federationClient(pending.tenantId, now);
        tx.reset(); // read only
        if (!found) {
            if (found.error().code != ErrorCode::NotFound)
                return found.error();
            return refuse(QStringLiteral("federation_unavailable"));
        }
        config = found.value().first;
        client = found.value().second;
        event.details.insert(QStringLiteral("issuer"), config.issuer);
    }

    // The provider's answers, outside the lock: the code exchanged, the ID token verified.
    const QByteArray codeBytes = code.toUtf8();
    auto tokens = client->exchangeCode(codeBytes, pending.redirectUri, pending.verifier);
    std::optional<oidc::VerifiedToken> verified;
    oidc::TokenRefusal refusal;
    std::optional<Error> verifyError;
    if (tokens) {
        oidc::IdTokenExpectations expected;
        expected.nonce = pending.nonce;
        expected.nowSeconds = m_clock.nowMs() / 1000;
        expected.accessToken = tokens.value().accessToken.view();
        expected.code = codeBytes;
        auto v = client->verifyIdToken(tokens.value().idToken, expected, &refusal);
        if (v)
            verified = std::move(v).value();
        else
            verifyError = v.error();
    }

    QMutexLocker lock(&m_mutex);
    m_pending.clear();
    const qint64 now = m_clock.nowMs();
    if (!tokens)
        return refuse(QStringLiteral("code_exchange"), {{QStringLiteral("error"), tokens.error().message.left(300)}});
    if (!verified)
        return refuse(QStringLiteral("token_") +
                          oidc::checkName(refusal.check).replace(QLatin1Char('-'), QLatin1Char('_')),
                      {{QStringLiteral("check"), oidc::checkName(refusal.check)},
                       {QStringLiteral("error"), refusal.detail.left(300)}});
    const QJsonObject& claims = verified->claims;
    const QString subject = config.claims.subject == QLatin1String("sub")
                                ? verified->subject
                                : identity::claims::textAt(claims, config.claims.subject);
    if (subject.isEmpty())
        return refuse(QStringLiteral("claim_subject_missing"), {{QStringLiteral("claim"), config.claims.subject}});
    event.details.insert(QStringLiteral("subject"), subject.left(255));
    const QStringList groups =
        config.claims.groups.isEmpty() ? QStringList() : identity::claims::listAt(claims, config.claims.groups);
    const bool providerMfa = provedSecondFactor(*verified);
    event.details.insert(QStringLiteral("provider_mfa"), providerMfa);
    if (!verified->amr.isEmpty())
        event.details.insert(QStringLiteral("amr"), QJsonArray::fromStringList(verified->amr));

    std::optional<store::Transaction> tx;
    {
        auto begun = store::Transaction::begin(m_db);
        if (!begun)
            return begun.error();
        tx.emplace(std::move(begun).value());
    }
    const auto fail = [&](const QString& reason, const QJsonObject& details = {},
                          const QString& message = kSignInFailed) {
        tx.reset(); // nothing this sign-in did stays, but its record
        return refuse(reason, details, message);
    };
    auto settings = signInSettings(pending.tenantId);
    if (!settings)
        return settings.error();

    // The person: by (issuer, subject), in the state's tenant only.
    QString userId;
    {
        auto link =
            sql::query(m_db, "SELECT user_id FROM oidc_identities WHERE tenant_id = ? AND issuer = ? AND subject = ?;",
                       pending.tenantId, config.issuer, subject);
        if (!link)
            return link.error();
        if (link.value().step().value())
            userId = link.value().text(0);
    }
    QString username;
    bool provisioned = false;
    if (!userId.isEmpty()) {
        auto u = sql::query(m_db,
                            "SELECT username, status, locked_until, totp_secret IS NOT NULL FROM users WHERE "
                            "tenant_id = ? AND id = ?;",
                            pending.tenantId, userId);
        if (!u)
            return u.error();
        if (!u.value().step().value())
            return fail(QStringLiteral("not_provisioned"));
        username = u.value().text(0);
        event.actorId = userId;
        event.actorName = username;
        event.targetId = userId;
        if (u.value().text(1) != QLatin1String("active"))
            return fail(QStringLiteral("account_") + u.value().text(1));
        if (u.value().int64(2) > now)
            return fail(QStringLiteral("account_locked"));
        if (!providerMfa && u.value().int64(3) != 0) {
            // Gatehouse's own second factor, as at a password sign-in; its counters stay with the record.
            auto second = checkSecondFactor(userId, totp, settings.value(), now);
            if (!second)
                return second.error();
            if (!second.value().reason.isEmpty()) {
                for (auto it = second.value().details.begin(); it != second.value().details.end(); ++it)
                    event.details.insert(it.key(), it.value());
                event.outcome = QStringLiteral("denied");
                event.reason = second.value().reason;
                m_throttle.recordFailure(caller.address, now);
                if (auto r = appendEvent(event); !r)
                    return r.error();
                if (auto r = commit(*tx); !r)
                    return r.error();
                return makeError(ErrorCode::Unauthenticated,
                                 second.value().message + QStringLiteral("; start the sign-in again and give "
                                                                         "the code with the callback"));
            }
        }
    } else {
        if (!config.jitProvisioning)
            return fail(QStringLiteral("not_provisioned"));
        username = identity::claims::textAt(claims, config.claims.username);
        event.actorName = username.left(64);
        if (!checkName(username, QStringLiteral("username")))
            return fail(QStringLiteral("claim_username_invalid"), {{QStringLiteral("claim"), config.claims.username}});
        QString email =
            config.claims.email.isEmpty() ? QString() : identity::claims::textAt(claims, config.claims.email);
        if (!checkEmail(email))
            email.clear();
        QString displayName = config.claims.displayName.isEmpty()
                                  ? QString()
                                  : identity::claims::textAt(claims, config.claims.displayName);
        if (displayName.trimmed().isEmpty() || !checkDisplayName(displayName, QString()))
            displayName = username;
        // Never linked to an existing account by name: a provider that names someone's username does not get it.
        auto taken =
            sql::query(m_db, "SELECT 1 FROM users WHERE tenant_id = ? AND username = ?;", pending.tenantId, username);
        if (!taken)
            return taken.error();
        if (taken.value().step().value())
            return fail(QStringLiteral("username_taken"));
        // No password anyone knows: the hash of 32 random bytes, so a password sign-in costs the usual time and fails.
        auto unknowable = crypto::randomKey(32);
        if (!unknowable)
            return unknowable.error();
        auto hash = crypto::PasswordHasher::hash(unknowable.value());
        if (!hash)
            return hash.error();
        userId = encoding::newId(u"usr");
        if (auto r = sql::run(m_db,
                              "INSERT INTO users (id, tenant_id, username, display_name, email, status, password_hash, "
                              "password_changed_at, created_at) VALUES (?, ?, ?, ?, ?, 'active', ?, ?, ?);",
                              userId, pending.tenantId, username, displayName.trimmed(), email, hash.value(), now, now);
            !r)
            return r.error();
        if (auto r = sql::run(m_db,
                              "INSERT INTO oidc_identities (user_id, tenant_id, issuer, subject, created_at, "
                              "last_sign_in_at) VALUES (?, ?, ?, ?, ?, ?);",
                              userId, pending.tenantId, config.issuer, subject, now, now);
            !r)
            return r.error();
        provisioned = true;
        event.actorId = userId;
        event.targetId = userId;
        audit::AuditEvent made = eventFor(caller, nullptr,
                                          Operation{QStringLiteral("oidc.user.provision"),
                                                    kNoPermission,
                                                    pending.tenantId,
                                                    {},
                                                    QStringLiteral("user"),
                                                    userId});
        made.actorKind = QStringLiteral("system");
        made.outcome = QStringLiteral("success");
        made.reason = QStringLiteral("ok");
        made.details = {{QStringLiteral("username"), username},
                        {QStringLiteral("issuer"), config.issuer},
                        {QStringLiteral("subject"), subject.left(255)}};
        if (auto r = appendEvent(made); !r)
            return r.error();
    }

    // Group-mapped roles follow the token's groups: added when a mapped group appears, removed when it is gone.
    // Only bindings a mapping made are ever removed; a binding an administrator made is left alone.
    auto synced = syncMappedBindings(caller, pending.tenantId, userId, groups, now);
    if (!synced)
        return synced.error();
    bool admin = false;
    for (const authz::Binding& b : synced.value()) {
        admin |= b.tenantId == pending.tenantId &&
                 (b.roleId == authz::builtin::kTenantOwner || b.roleId == authz::builtin::kTenantAdmin);
    }
    bool totpEnrolled = false;
    {
        auto t = sql::query(m_db, "SELECT totp_secret IS NOT NULL FROM users WHERE id = ?;", userId);
        if (!t)
            return t.error();
        totpEnrolled = t.value().step().value() && t.value().int64(0) != 0;
    }
    const bool enrolOnly = !providerMfa && !totpEnrolled && settings.value().requireMfaForAdmins && admin;
    auto opened =
        openSession(pending.tenantId, userId, username, settings.value(), enrolOnly, now, config.issuer, subject);
    if (!opened)
        return opened.error();
    if (auto r = sql::run(m_db, "UPDATE oidc_identities SET last_sign_in_at = ? WHERE user_id = ? AND tenant_id = ?;",
                          now, userId, pending.tenantId);
        !r)
        return r.error();
    if (auto r = sql::run(m_db, "UPDATE users SET failed_passwords = 0, failed_totp = 0 WHERE id = ?;", userId); !r)
        return r.error();
    event.outcome = QStringLiteral("success");
    event.reason = QStringLiteral("ok");
    event.details.insert(QStringLiteral("session_id"), opened.value().principal.sessionId);
    event.details.insert(QStringLiteral("provisioned"), provisioned);
    if (enrolOnly)
        event.details.insert(QStringLiteral("mfa_enrollment_required"), true);
    if (auto r = appendEvent(event); !r)
        return r.error();
    if (auto r = commit(*tx); !r)
        return r.error();
    for (auto& f : m_federationOnCommit)
        f();
    m_federationOnCommit.clear();
    return opened.value();
}

// --- token exchange ------------------------------------------------------------------------------------------

namespace {

// The longest a token from an exchange lives, whatever the provider's token says.
constexpr qint64 kExchangedTokenLifetimeMs = 3600 * 1000;

const QString kExchangeFailed = QStringLiteral(
    "token exchange failed: wrong tenant, or the access token is not one this tenant accepts for an integration; "
    "ask the tenant's administrators");

} // namespace

Result<IssuedToken> ControlPlane::exchangeProviderToken(const Caller& caller, const QString& tenantName,
                                                        const SecureBytes& accessToken)
{
    Operation op{QStringLiteral("auth.oidc.exchange"), kNoPermission, {}, {}, QStringLiteral("integration")};
    audit::AuditEvent event = eventFor(caller, nullptr, op);
    event.actorKind = QStringLiteral("integration");
    event.details.insert(QStringLiteral("tenant"), looksLikeId(tenantName) ? tenantName : QStringLiteral("(invalid)"));
    // A refusal (under the lock, after any transaction of the exchange was rolled back): recorded in a transaction of
    // its own, counted against the address like a wrong password, and answered like one. Never the token.
    const auto append = [this](audit::AuditEvent& e) {
        return appendEvent(e);
    };
    const auto commitOwn = [this](store::Transaction& tx) {
        return commit(tx);
    };
    const auto refuse = [&](const QString& reason, const QJsonObject& details = {}) -> Result<IssuedToken> {
        m_throttle.recordFailure(caller.address, m_clock.nowMs());
        event.outcome = QStringLiteral("denied");
        event.reason = reason;
        for (auto it = details.begin(); it != details.end(); ++it)
            event.details.insert(it.key(), it.value());
        return writeRefusal(m_db, event, append, commitOwn, makeError(ErrorCode::Unauthenticated, kExchangeFailed));
    };

    QString tenantId;
    FederationConfig config;
    std::shared_ptr<oidc::ProviderClient> client;
    {
        QMutexLocker lock(&m_mutex);
        m_pending.clear();
        const qint64 now = m_clock.nowMs();
        if (const qint64 wait = m_throttle.retryAfterMs(caller.address, now); wait > 0) {
            event.outcome = QStringLiteral("denied");
            event.reason = QStringLiteral("throttled");
            return writeRefusal(m_db, event, append, commitOwn, tooManyFailedSignIns(wait));
        }
        if (accessToken.isEmpty() || accessToken.size() > 16 * 1024)
            return refuse(QStringLiteral("token_format"), {{QStringLiteral("check"), QStringLiteral("format")}});
        std::optional<store::Transaction> tx;
        {
            auto begun = store::Transaction::begin(m_db);
            if (!begun)
                return begun.error();
            tx.emplace(std::move(begun).value());
        }
        auto active = activeTenantId(m_db, tenantName);
        if (!active)
            return active.error();
        tenantId = active.value();
        auto found = tenantId.isEmpty() ? Result<std::pair<FederationConfig, std::shared_ptr<oidc::ProviderClient>>>(
                                              makeError(ErrorCode::NotFound, QString()))
                                        : federationClient(tenantId, now);
        tx.reset(); // read only
        event.tenantId = tenantId;
        event.targetId = QString();
        if (tenantId.isEmpty())
            return refuse(QStringLiteral("tenant_unknown"));
        if (!found) {
            if (found.error().code != ErrorCode::NotFound)
                return found.error();
            return refuse(QStringLiteral("federation_unavailable"));
        }
        config = found.value().first;
        client = found.value().second;
        event.details.insert(QStringLiteral("issuer"), config.issuer);
        if (!config.tokenExchange || config.tokenAudience.isEmpty())
            return refuse(QStringLiteral("exchange_disabled"));
    }

    // The provider's keys may need fetching: outside the lock.
    oidc::AccessTokenExpectations expected;
    expected.audience = config.tokenAudience;
    expected.nowSeconds = m_clock.nowMs() / 1000;
    oidc::TokenRefusal refusal;
    auto verified = client->verifyAccessTokenJwt(accessToken.view(), expected, &refusal);

    QMutexLocker lock(&m_mutex);
    m_pending.clear();
    const qint64 now = m_clock.nowMs();
    if (!verified) {
        // The check's name when a check failed; the provider's keys unreachable otherwise.
        if (verified.error().code != ErrorCode::Unauthenticated)
            return refuse(QStringLiteral("provider_unavailable"),
                          {{QStringLiteral("error"), verified.error().message.left(300)}});
        return refuse(QStringLiteral("token_") +
                          oidc::checkName(refusal.check).replace(QLatin1Char('-'), QLatin1Char('_')),
                      {{QStringLiteral("check"), oidc::checkName(refusal.check)},
                       {QStringLiteral("error"), refusal.detail.left(300)}});
    }
    const QString subject = verified.value().subject;
    event.details.insert(QStringLiteral("subject"), subject.left(255));

    std::optional<store::Transaction> tx;
    {
        auto begun = store::Transaction::begin(m_db);
        if (!begun)
            return begun.error();
        tx.emplace(std::move(begun).value());
    }
    const auto fail = [&](const QString& reason, const QJsonObject& details = {}) {
        tx.reset(); // nothing this exchange did stays, but its record
        return refuse(reason, details);
    };
    // The provider may have changed while its keys were fetched: the token counts only for the one that vouched.
    auto current = loadFederation(tenantId);
    if (!current)
        return current.error();
    if (!current.value() || !current.value()->enabled || !current.value()->tokenExchange ||
        current.value()->issuer != config.issuer || current.value()->tokenAudience != config.tokenAudience)
        return fail(QStringLiteral("federation_changed"));
    // The integration: by (issuer, subject), in this tenant only.
    QString integrationId;
    QString name;
    QString status;
    {
        auto row = sql::query(m_db,
                              "SELECT id, name, status FROM integrations WHERE tenant_id = ? AND federated_issuer = ? "
                              "AND federated_subject = ?;",
                              tenantId, config.issuer, subject);
        if (!row)
            return row.error();
        if (row.value().step().value()) {
            integrationId = row.value().text(0);
            name = row.value().text(1);
            status = row.value().text(2);
        }
    }
    if (integrationId.isEmpty())
        return fail(QStringLiteral("subject_unlinked"));
    event.actorId = integrationId;
    event.actorName = name;
    event.targetId = integrationId;
    if (status != QLatin1String("active"))
        return fail(QStringLiteral("integration_") + status);
    const qint64 expiresAt = std::min(verified.value().expiresAt * 1000, now + kExchangedTokenLifetimeMs);
    if (expiresAt <= now)
        return fail(QStringLiteral("token_expiry"), {{QStringLiteral("check"), QStringLiteral("expiry")}});

    auto issued = identity::TokenCodec::issue(identity::TokenCodec::Kind::Integration);
    if (!issued)
        return issued.error();
    IssuedToken out;
    out.secret = issued.value().text;
    out.token = {encoding::newId(u"tok"), integrationId, issued.value().hint, QString(), now, expiresAt, 0, 0};
    if (auto r = sql::run(m_db,
                          "INSERT INTO api_tokens (id, tenant_id, integration_id, token_hash, hint, workspace_id, "
                          "created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?);",
                          out.token.id, tenantId, integrationId, issued.value().hash, out.token.hint, QString(), now,
                          expiresAt);
        !r)
        return r.error();
    event.outcome = QStringLiteral("success");
    event.reason = QStringLiteral("ok");
    event.details.insert(QStringLiteral("token_id"), out.token.id);
    event.details.insert(QStringLiteral("hint"), out.token.hint);
    event.details.insert(QStringLiteral("expires_at"), expiresAt);
    if (auto r = appendEvent(event); !r)
        return r.error();
    if (auto r = commit(*tx); !r)
        return r.error();
    return out;
}

Result<QList<authz::Binding>> ControlPlane::syncMappedBindings(const Caller& caller, const QString& tenantId,
                                                               const QString& userId, const QStringList& groups,
                                                               qint64 now)
{
    m_federationOnCommit.clear();
    auto mappings = readGroupMappings(tenantId);
    if (!mappings)
        return mappings.error();
    const auto key = [](const QString& roleId, const QString& workspaceId) {
        return roleId + QLatin1Char('\n') + workspaceId;
    };
    QHash<QString, GroupMapping> wanted; // role and workspace -> the mapping that grants it
    for (const GroupMapping& m : mappings.value()) {
        const auto role = m_authorizer.role(m.roleId);
        if (groups.contains(m.group) && role && (role->builtin || role->tenantId == tenantId))
            wanted.insert(key(m.roleId, m.workspaceId), m);
    }
    QList<authz::Binding> now_;
    QHash<QString, authz::Binding> mapped; // role and workspace -> a binding a mapping made
    QSet<QString> mappedIds;
    {
        auto rows = sql::query(m_db, "SELECT binding_id FROM oidc_mapped_bindings WHERE tenant_id = ? AND user_id = ?;",
                               tenantId, userId);
        if (!rows)
            return rows.error();
        while (rows.value().step().value())
            mappedIds.insert(rows.value().text(0));
    }
    QHash<QString, authz::Binding> held;
    for (const authz::Binding& b : m_authorizer.bindingsOf(userId)) {
        if (b.tenantId != tenantId)
            continue;
        if (mappedIds.contains(b.id))
            mapped.insert(key(b.roleId, b.workspaceId), b);
        held.insert(key(b.roleId, b.workspaceId), b);
    }
    QJsonArray added;
    QJsonArray removed;
    QJsonArray kept;
    for (auto it = mapped.cbegin(); it != mapped.cend(); ++it) {
        if (wanted.contains(it.key()))
            continue;
        if (auto v = requireNotLastOwner(tenantId, userId, it->roleId, it->id); !v) {
            kept.append(
                QJsonObject{{QStringLiteral("role_id"), it->roleId}, {QStringLiteral("reason"), v.error().message}});
            continue;
        }
        if (auto d = sql::run(m_db, "DELETE FROM bindings WHERE tenant_id = ? AND id = ?;", tenantId, it->id); !d)
            return d.error();
        const QString id = it->id;
        m_federationOnCommit.push_back([this, id] { m_authorizer.removeBinding(id); });
        held.remove(it.key());
        removed.append(QJsonObject{{QStringLiteral("binding_id"), it->id},
                                   {QStringLiteral("role_id"), it->roleId},
                                   {QStringLiteral("workspace_id"), it->workspaceId}});
    }
    for (auto it = wanted.cbegin(); it != wanted.cend(); ++it) {
        if (held.contains(it.key()))
            continue; // held already, by a mapping or by hand
        if (!it->workspaceId.isEmpty() && !loadWorkspace(tenantId, it->workspaceId))
            continue;
        const authz::Binding b{encoding::newId(u"bnd"), tenantId, QStringLiteral("user"), userId, it->roleId,
                               it->workspaceId,         now};
        if (auto r = sql::run(m_db,
                              "INSERT INTO bindings (id, tenant_id, identity_kind, identity_id, role_id, workspace_id, "
                              "created_at) VALUES (?, ?, ?, ?, ?, ?, ?);",
                              b.id, b.tenantId, b.identityKind, b.identityId, b.roleId, b.workspaceId, b.createdAtMs);
            !r)
            return r.error();
        if (auto r =
                sql::run(m_db, "INSERT INTO oidc_mapped_bindings (binding_id, tenant_id, user_id) VALUES (?, ?, ?);",
                         b.id, tenantId, userId);
            !r)
            return r.error();
        m_federationOnCommit.push_back([this, b] { m_authorizer.putBinding(b); });
        held.insert(it.key(), b);
        added.append(QJsonObject{{QStringLiteral("binding_id"), b.id},
                                 {QStringLiteral("group"), it->group},
                                 {QStringLiteral("role_id"), b.roleId},
                                 {QStringLiteral("workspace_id"), b.workspaceId}});
    }
    if (!added.isEmpty() || !removed.isEmpty() || !kept.isEmpty()) {
        audit::AuditEvent e = eventFor(
            caller, nullptr,
            Operation{QStringLiteral("oidc.roles.sync"), kNoPermission, tenantId, {}, QStringLiteral("user"), userId});
        e.actorKind = QStringLiteral("system");
        e.outcome = QStringLiteral("success");
        e.reason = QStringLiteral("ok");
        e.details = {{QStringLiteral("added"), added}, {QStringLiteral("removed"), removed}};
        if (!kept.isEmpty())
            e.details.insert(QStringLiteral("kept"), kept);
        if (auto r = appendEvent(e); !r)
            return r.error();
    }
    for (const authz::Binding& b : held)
        now_ << b;
    return now_;
}

} // namespace gatehouse::service
