#pragma once

#include <QString>

namespace gatehouse::authz {

// Grants a role to an identity over a scope: the platform (tenantId empty), a whole tenant (workspaceId
// empty), or one workspace of a tenant.
struct Binding
{
    QString id;
    QString tenantId;
    QString identityKind; // "user" or "integration"
    QString identityId;
    QString roleId;
    QString workspaceId;
    qint64 createdAtMs = 0;
};

} // namespace gatehouse::authz
