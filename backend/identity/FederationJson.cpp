#include "FederationJson.h"

#include <QJsonArray>

namespace gatehouse::identity {

QJsonObject toJson(const FederationConfig& c)
{
    return {{QStringLiteral("tenant_id"), c.tenantId},
            {QStringLiteral("issuer"), c.issuer},
            {QStringLiteral("client_id"), c.clientId},
            {QStringLiteral("client_secret_set"), c.clientSecretSet},
            {QStringLiteral("scopes"), QJsonArray::fromStringList(c.scopes)},
            {QStringLiteral("ca_pem"), c.caPem},
            {QStringLiteral("claims"), QJsonObject{{QStringLiteral("subject"), c.claims.subject},
                                                   {QStringLiteral("username"), c.claims.username},
                                                   {QStringLiteral("email"), c.claims.email},
                                                   {QStringLiteral("display_name"), c.claims.displayName},
                                                   {QStringLiteral("groups"), c.claims.groups}}},
            {QStringLiteral("jit_provisioning"), c.jitProvisioning},
            {QStringLiteral("local_passwords"), c.localPasswords},
            {QStringLiteral("enabled"), c.enabled},
            {QStringLiteral("token_exchange"), c.tokenExchange},
            {QStringLiteral("token_audience"), c.tokenAudience},
            {QStringLiteral("created_at"), c.createdAtMs},
            {QStringLiteral("updated_at"), c.updatedAtMs}};
}

QJsonObject toJson(const GroupMapping& m)
{
    return {{QStringLiteral("id"), m.id},
            {QStringLiteral("group"), m.group},
            {QStringLiteral("role_id"), m.roleId},
            {QStringLiteral("workspace_id"), m.workspaceId},
            {QStringLiteral("created_at"), m.createdAtMs}};
}

} // namespace gatehouse::identity
