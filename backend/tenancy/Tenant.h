#pragma once

#include <QString>

namespace gatehouse::tenancy {

// Per-tenant security settings. The defaults follow OWASP ASVS level 2.
struct TenantSettings
{
    int sessionIdleSeconds = 30 * 60;
    int sessionAbsoluteSeconds = 12 * 60 * 60;
    int lockoutThreshold = 5;
    int lockoutSeconds = 15 * 60;
    bool requireMfaForAdmins = false;

    bool operator==(const TenantSettings&) const = default;
};

struct Tenant
{
    QString id;
    QString name; // unique, used at sign-in
    QString displayName;
    QString status; // active, suspended
    qint64 createdAtMs = 0;
    TenantSettings settings;
};

struct Workspace
{
    QString id;
    QString tenantId;
    QString name; // unique in its tenant
    QString displayName;
    QString status; // active, suspended
    qint64 createdAtMs = 0;
};

} // namespace gatehouse::tenancy
