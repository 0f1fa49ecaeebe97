#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QStringList>

#include <optional>

namespace gatehouse::api {

// Reads the fields of a JSON request body with their JSON types checked. The first field that is missing or of
// the wrong type is remembered, and error() names it; later reads then answer empty values. Unknown fields are
// ignored. A null counts as absent. Values are not checked beyond their type: ranges and formats are the control
// plane's to judge.
class BodyFields
{
public:
    explicit BodyFields(QJsonObject body) : m_body(std::move(body)) {}

    // Present and not null.
    bool has(const char* key) const;

    QString string(const char* key);
    std::optional<QString> optionalString(const char* key);
    bool boolean(const char* key);
    std::optional<bool> optionalBoolean(const char* key);
    // Whole JSON numbers that fit the type.
    int integer(const char* key);
    std::optional<int> optionalInteger(const char* key);
    std::optional<qint64> optionalInteger64(const char* key);
    QStringList stringList(const char* key);
    std::optional<QStringList> optionalStringList(const char* key);
    // A password or secret value: checked to be a string but not read here (secretField() moves it into a
    // scrubbed buffer).
    void requireSecret(const char* key);

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const { return *m_error; }

private:
    // The value of `key` when it is present and of the type `isType` accepts; records the first failure.
    std::optional<QJsonValue> take(const char* key, bool required, bool (*isType)(const QJsonValue&),
                                   const char* expected);
    std::optional<qint64> takeInteger(const char* key, bool required, qint64 min, qint64 max);

    QJsonObject m_body;
    std::optional<Error> m_error;
};

} // namespace gatehouse::api
