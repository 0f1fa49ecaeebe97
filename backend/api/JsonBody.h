#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>

namespace gatehouse::api {

struct JsonLimits
{
    int maxDepth = 32;
    qsizetype maxBytes = 1024 * 1024;
};

// Parses a request body that must be one JSON object, within the limits. The error message says what is wrong
// without echoing the body.
Result<QJsonObject> parseJsonObject(const QByteArray& body, const JsonLimits& limits = {});

} // namespace gatehouse::api
