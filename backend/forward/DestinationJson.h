#pragma once

#include "Destination.h"

#include <QJsonObject>

namespace gatehouse::forward {

// A destination as the API and `gatehoused forwarding status --json` show it: never its client key.
QJsonObject toJson(const Destination& destination);
// The destination with what it has done: connected, cursor, lag, last error, alarm.
QJsonObject toJson(const DestinationStatus& status);

} // namespace gatehouse::forward
