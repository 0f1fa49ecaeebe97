#pragma once

#include "FederationConfig.h"

#include <QJsonObject>

namespace gatehouse::identity {

// A tenant's provider as the API and `gatehoused oidc show --json` show it: whether a client secret is set, never it.
QJsonObject toJson(const FederationConfig& config);
QJsonObject toJson(const GroupMapping& mapping);

} // namespace gatehouse::identity
