#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "identity/FederationJson.h"
#include "service/ControlPlane.h"

#include <QJsonArray>

namespace gatehouse::api {

namespace {

const QString kProvider = QStringLiteral("/api/v1/tenants/{tenant}/oidc");

Error badField(const QString& field, const char* expected)
{
    return Error{ErrorCode::InvalidArgument,
                 QStringLiteral("The field \"%1\" must be %2.").arg(field, QLatin1String(expected))};
}

// The claim paths of a PUT: every one optional (the defaults apply), each a string; nothing else.
Result<identity::ClaimMapping> claimsFromJson(const QJsonObject& o)
{
    identity::ClaimMapping m;
    const std::pair<const char*, QString*> fields[] = {{"subject", &m.subject},
                                                       {"username", &m.username},
                                                       {"email", &m.email},
                                                       {"display_name", &m.displayName},
                                                       {"groups", &m.groups}};
    QStringList known;
    for (const auto& [key, target] : fields) {
        known << QLatin1String(key);
        const QJsonValue v = o.value(QLatin1String(key));
        if (v.isUndefined() || v.isNull())
            continue;
        if (!v.isString())
            return badField(QStringLiteral("claims.") + QLatin1String(key), "a string");
        *target = v.toString();
    }
    for (auto it = o.begin(); it != o.end(); ++it) {
        if (!known.contains(it.key()))
            return Error{ErrorCode::InvalidArgument, QStringLiteral("Unknown field \"claims.%1\"; the claims are %2.")
                                                         .arg(it.key(), known.join(QStringLiteral(", ")))};
    }
    return m;
}

HttpResponse setProvider(ApiRequest& r)
{
    BodyFields& f = r.body();
    identity::FederationConfig c;
    c.tenantId = r.param("tenant");
    c.issuer = f.string("issuer");
    c.clientId = f.string("client_id");
    const bool hasSecret = f.has("client_secret");
    if (hasSecret)
        f.requireSecret("client_secret");
    if (auto scopes = f.optionalStringList("scopes"))
        c.scopes = *scopes;
    c.caPem = f.optionalString("ca_pem").value_or(QString());
    std::optional<QJsonObject> claims;
    if (f.has("claims"))
        claims = f.object("claims");
    c.jitProvisioning = f.optionalBoolean("jit_provisioning").value_or(c.jitProvisioning);
    c.localPasswords = f.optionalBoolean("local_passwords").value_or(c.localPasswords);
    c.enabled = f.optionalBoolean("enabled").value_or(c.enabled);
    c.tokenExchange = f.optionalBoolean("token_exchange").value_or(c.tokenExchange);
    c.tokenAudience = f.optionalString("token_audience").value_or(QString());
    if (!f)
        return problem(f.error());
    if (claims) {
        auto m = claimsFromJson(*claims);
        if (!m)
            return problem(m.error());
        c.claims = m.value();
    }
    std::optional<SecureBytes> secret;
    if (hasSecret)
        secret = f.secret("client_secret");
    return reply(r.cp().setFederation(r.caller(), c, secret),
                 [](const identity::FederationConfig& out) { return identity::toJson(out); });
}

HttpResponse mappingsReply(const Result<QList<identity::GroupMapping>>& result)
{
    return reply(result, [](const QList<identity::GroupMapping>& all) {
        QJsonArray items;
        for (const identity::GroupMapping& m : all)
            items.append(identity::toJson(m));
        return QJsonObject{{QStringLiteral("mappings"), items}};
    });
}

HttpResponse setMappings(ApiRequest& r)
{
    BodyFields& f = r.body();
    const std::optional<QJsonArray> items = f.array("mappings");
    if (!f)
        return problem(f.error());
    QList<identity::GroupMapping> mappings;
    for (qsizetype i = 0; i < items->size(); ++i) {
        const QString at = QStringLiteral("mappings[%1]").arg(i);
        if (!items->at(i).isObject())
            return problem(badField(at, "an object with group, role_id and optional workspace_id"));
        const QJsonObject o = items->at(i).toObject();
        for (auto it = o.begin(); it != o.end(); ++it) {
            if (it.key() != QLatin1String("group") && it.key() != QLatin1String("role_id") &&
                it.key() != QLatin1String("workspace_id"))
                return problem(Error{ErrorCode::InvalidArgument,
                                     QStringLiteral("Unknown field \"%1.%2\"; a mapping has group, role_id and "
                                                    "workspace_id.")
                                         .arg(at, it.key())});
        }
        if (!o.value(QLatin1String("group")).isString())
            return problem(badField(at + QStringLiteral(".group"), "a string"));
        if (!o.value(QLatin1String("role_id")).isString())
            return problem(badField(at + QStringLiteral(".role_id"), "a string"));
        const QJsonValue ws = o.value(QLatin1String("workspace_id"));
        if (!ws.isUndefined() && !ws.isNull() && !ws.isString())
            return problem(badField(at + QStringLiteral(".workspace_id"), "a string"));
        identity::GroupMapping m;
        m.group = o.value(QLatin1String("group")).toString();
        m.roleId = o.value(QLatin1String("role_id")).toString();
        m.workspaceId = ws.toString();
        mappings << m;
    }
    return mappingsReply(r.cp().setGroupMappings(r.caller(), r.param("tenant"), mappings));
}

} // namespace

void addFederationRoutes(Router& router)
{
    router.add("GET", kProvider, QStringLiteral("getTenantOidc"), [](ApiRequest& r) {
        return reply(r.cp().federation(r.caller(), r.param("tenant")),
                     [](const identity::FederationConfig& c) { return identity::toJson(c); });
    });
    router.addWithBody("PUT", kProvider, QStringLiteral("setTenantOidc"), setProvider);
    router.add("DELETE", kProvider, QStringLiteral("deleteTenantOidc"),
               [](ApiRequest& r) { return reply(r.cp().removeFederation(r.caller(), r.param("tenant"))); });
    router.add("GET", kProvider + QStringLiteral("/group-mappings"), QStringLiteral("getTenantOidcGroupMappings"),
               [](ApiRequest& r) { return mappingsReply(r.cp().groupMappings(r.caller(), r.param("tenant"))); });
    router.addWithBody("PUT", kProvider + QStringLiteral("/group-mappings"),
                       QStringLiteral("setTenantOidcGroupMappings"), setMappings);
}

} // namespace gatehouse::api
