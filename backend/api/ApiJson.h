#pragma once

#include "audit/AuditEvent.h"
#include "audit/AuditLog.h"
#include "service/Caller.h"

#include <QJsonObject>

namespace gatehouse::api {

// JSON forms of control-plane values, as the API (and its OpenAPI document) presents them. Times are
// milliseconds since the epoch in fields ending in "_at" / "_ms"; ids are strings. Never a secret value.
QJsonObject toJson(const service::Principal& principal);
QJsonObject toJson(const audit::AuditEvent& event);
QJsonObject toJson(const audit::VerifyReport& report);

} // namespace gatehouse::api
