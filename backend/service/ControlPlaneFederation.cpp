// OIDC federation: a tenant's identity provider, its group mappings, and federated sign-in.
#include "ControlPlaneInternals.h"

#include "core/Encoding.h"
#include "crypto/Aead.h"

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
    Operation op{QStringLiteral("oidc.provider.read"), Permission::SettingsRead, tenantId, {},
                 QStringLiteral("oidc_provider"), tenantId};
    op.readOnly = true;
    return perform<FederationConfig>(caller, op, [&](Context&, FederationConfig& out) -> Result<void> {
        auto c = loadFederation(tenantId);
        if (!c)
            return c.error();
        if (!c.value())
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("this tenant has no identity provider; set one with PUT .../oidc"));
        out = *c.value();
        return {};
    });
}

Result<FederationConfig> ControlPlane::setFederation(const Caller& caller, const FederationConfig& config,
                                                     const std::optional<SecureBytes>& clientSecret)
{
    const QString tenantId = config.tenantId;
    Operation op{QStringLiteral("oidc.provider.set"), Permission::SettingsWrite, tenantId, {},
                 QStringLiteral("oidc_provider"), tenantId};
    op.mutates = true;
    return perform<FederationConfig>(caller, op, [&](Context& ctx, FederationConfig& out) -> Result<void> {
        if (tenantId.isEmpty())
            return invalid(QStringLiteral("an identity provider belongs to a tenant"));
        if (auto v = checkConfig(config); !v)
            return v;
        if (clientSecret && (clientSecret->isEmpty() || clientSecret->size() > 4096))
            return invalid(QStringLiteral("the client secret is 1 byte to 4 KiB; leave it out to keep the current one"));
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
                           clientSecret ? QStringLiteral("set") : (keepSecret ? QStringLiteral("kept")
                                                                              : QStringLiteral("none")));
        ctx.details.insert(QStringLiteral("created"), !before.has_value());
        const QString scopes = out.scopes.join(QLatin1Char(' '));
        const auto& m = out.claims;
        if (!before) {
            return sql::run(m_db,
                            "INSERT INTO oidc_providers (tenant_id, issuer, client_id, client_secret, scopes, ca_pem, "
                            "claim_subject, claim_username, claim_email, claim_display_name, claim_groups, "
                            "jit_provisioning, local_passwords, enabled, token_exchange, token_audience, created_at, "
                            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
                            tenantId, out.issuer, out.clientId, clientSecret ? sealed : QByteArray(), scopes,
                            out.caPem, m.subject, m.username, m.email, m.displayName, m.groups, out.jitProvisioning,
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
    Operation op{QStringLiteral("oidc.provider.remove"), Permission::SettingsWrite, tenantId, {},
                 QStringLiteral("oidc_provider"), tenantId};
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
    Operation op{QStringLiteral("oidc.mapping.list"), Permission::BindingsRead, tenantId, {},
                 QStringLiteral("oidc_provider"), tenantId};
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
    Operation op{QStringLiteral("oidc.mapping.set"), Permission::BindingsWrite, tenantId, {},
                 QStringLiteral("oidc_provider"), tenantId};
    op.mutates = true;
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
            if (auto d = sql::run(m_db, "DELETE FROM oidc_group_mappings WHERE tenant_id = ? AND id = ?;", tenantId,
                                  it->id);
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

} // namespace gatehouse::service
