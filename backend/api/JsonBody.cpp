#include "JsonBody.h"

#include <QJsonDocument>
#include <QJsonParseError>

namespace gatehouse::api {

namespace {

// The deepest nesting of arrays and objects, outside strings; stops counting once past `limit`.
int nestingDepth(const QByteArray& text, int limit)
{
    int depth = 0;
    int deepest = 0;
    bool inString = false;
    bool escaped = false;
    for (char c : text) {
        if (inString) {
            if (escaped)
                escaped = false;
            else if (c == '\\')
                escaped = true;
            else if (c == '"')
                inString = false;
            continue;
        }
        if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
            if (deepest > limit)
                return deepest;
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

} // namespace

Result<QJsonObject> parseJsonObject(const QByteArray& body, const JsonLimits& limits)
{
    if (body.size() > limits.maxBytes)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("The JSON body is larger than %1 bytes.").arg(limits.maxBytes)};
    if (body.trimmed().isEmpty())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("A JSON object is required in the request body.")};
    if (nestingDepth(body, limits.maxDepth) > limits.maxDepth)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("The JSON body nests deeper than %1 levels.").arg(limits.maxDepth)};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(body, &err);
    if (err.error != QJsonParseError::NoError)
        return Error{
            ErrorCode::InvalidArgument,
            QStringLiteral("The body is not valid JSON (%1 at byte %2).").arg(err.errorString()).arg(err.offset)};
    if (!doc.isObject())
        return Error{ErrorCode::InvalidArgument, QStringLiteral("The JSON body must be an object.")};
    return doc.object();
}

} // namespace gatehouse::api
