#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::boundaries {

// One read of the cross-tenant self-probe: a probe principal of `probeTenantId` asked, in the scope of
// `scopeTenantId`, for an object of `targetTenantId`. It must read its own tenant's object, and get "not found" for
// another tenant's, whichever scope it names.
struct ProbeRead
{
    QString kind; // workspace, user, integration, secret, binding
    QString probeTenantId;
    QString scopeTenantId;
    QString targetTenantId;
    QString targetId;
    QString outcome; // found, not_found, or what the control plane answered instead (forbidden, invalid_argument, ...)

    bool mustBeFound() const { return targetTenantId == probeTenantId; }
    bool asExpected() const { return outcome == (mustBeFound() ? QLatin1String("found") : QLatin1String("not_found")); }
};

// What one run of the self-probe did (the control plane runs it, ControlPlaneProbe.cpp; checkTenantIsolation judges
// it). A kind is probed only where two tenants hold an object of it; the others are listed as not probed.
struct TenantProbeReport
{
    int tenants = 0;
    QList<ProbeRead> reads;
    QStringList notProbed; // kinds no two tenants hold
    QString error;         // the probe could not be planned (a store error)
};

} // namespace gatehouse::boundaries
