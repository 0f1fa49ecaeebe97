#pragma once

#include "audit/AuditEvent.h"
#include "audit/AuditLog.h"
#include "authz/Authorizer.h"
#include "boundaries/Ownership.h"
#include "core/Result.h"
#include "identity/User.h"
#include "secrets/Secret.h"
#include "service/Caller.h"
#include "service/ControlPlane.h"
#include "tenancy/Tenant.h"

#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::api {

class BodyFields;

// JSON forms of control-plane values, as the API (and its OpenAPI document) presents them. Keys are snake_case;
// times are integer milliseconds since the epoch in fields ending in "_at" / "_ms", null when unset; ids are
// strings, null when the domain leaves them empty (a platform user's tenant, a tenant-wide binding's workspace).
// Never a secret value, password hash, TOTP secret, recovery code or token hash.
QJsonObject toJson(const service::Principal& principal);
QJsonObject toJson(const audit::AuditEvent& event);
QJsonObject toJson(const audit::VerifyReport& report);
// {seq, time_ms, chain_hash, prev_signature, signature, message}: hashes and signatures in hex, the signed message
// as text (what `openssl pkeyutl -verify -rawin` checks).
QJsonObject toJson(const audit::Checkpoint& checkpoint);

QJsonObject toJson(const tenancy::Tenant& tenant);
QJsonObject toJson(const tenancy::TenantSettings& settings);
QJsonObject toJson(const tenancy::Workspace& workspace);
QJsonObject toJson(const identity::User& user);
QJsonObject toJson(const identity::Integration& integration);
QJsonObject toJson(const identity::ApiToken& token);
QJsonObject toJson(const authz::Role& role);
QJsonObject toJson(const authz::Binding& binding);
// {permission, allowed, reason}
QJsonObject toJson(const authz::Decision& decision);
QJsonObject toJson(const secrets::Secret& secret);
QJsonObject toJson(const secrets::SecretVersion& version);

// A control with its live result: {id, title, description, evidence_domain, status, summary, evidence, checked_at}.
QJsonObject toJson(const boundaries::ControlResult& result);
QJsonObject toJson(const boundaries::ControlRecord& record);
// A time in a query: milliseconds since the epoch, or an RFC 3339 / ISO 8601 date-time.
bool parseQueryTime(const QString& text, qint64& out);
// A boundary with its roll-up status; with `controls`, each control's full result, else each control's id, title,
// status and summary.
QJsonObject toJson(const service::BoundaryReport& report, bool controls = false);
// {stated, updated_at, updated_by, areas: {area: {owner, contact}}}
QJsonObject toJson(const boundaries::Ownership& ownership);
// The body of a PUT: `areas` with all five areas, each an object with `owner` and optional `contact`.
Result<boundaries::Ownership> ownershipFromJson(BodyFields& fields);

template <typename T> QJsonArray toJsonArray(const QList<T>& items)
{
    QJsonArray out;
    for (const T& item : items)
        out.append(toJson(item));
    return out;
}

// The settings of a PUT: every field present and of its JSON type (the error names the first one that is not).
// Ranges are the control plane's to check.
Result<tenancy::TenantSettings> tenantSettingsFromJson(BodyFields& fields);

} // namespace gatehouse::api
