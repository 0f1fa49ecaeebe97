#pragma once

#include "Permission.h"

#include <QList>
#include <QString>

namespace gatehouse::authz {

struct Role
{
    QString id;
    QString tenantId; // empty for built-in roles
    QString name;
    QString description;
    Level level = Level::Tenant;
    PermissionSet permissions;
    bool builtin = false;
};

// The built-in roles. Their permissions are defined here, in code, and nowhere else.
namespace builtin {
inline const QString kPlatformOwner = QStringLiteral("builtin:platform-owner");
inline const QString kPlatformAuditor = QStringLiteral("builtin:platform-auditor");
inline const QString kTenantOwner = QStringLiteral("builtin:tenant-owner");
inline const QString kTenantAdmin = QStringLiteral("builtin:tenant-admin");
inline const QString kSecurityReviewer = QStringLiteral("builtin:security-reviewer");
inline const QString kSecretsManager = QStringLiteral("builtin:secrets-manager");
inline const QString kMember = QStringLiteral("builtin:member");
inline const QString kIntegration = QStringLiteral("builtin:integration");

const QList<Role>& roles();
const Role* find(const QString& id);
} // namespace builtin

} // namespace gatehouse::authz
