#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QSet>
#include <QStringList>

#include <optional>

namespace gatehouse::api {

// Reads the fields of a JSON request body with their JSON types checked. The first field that is missing or of
// the wrong type is remembered, and error() names it; later reads then answer empty values. A null counts as
// absent. Values are not checked beyond their type: ranges and formats are the control plane's to judge.
//
// Every field a handler asks about is remembered. ok() is false while the body holds a field that was never asked
// about: a misspelt or unknown field is refused (400, naming it) instead of silently falling back to a default.
// That error comes before a missing-field error, since a misspelling is the likely cause of both. So a handler
// reads all the fields it takes first, then checks ok() once, before it acts.
class BodyFields
{
public:
    explicit BodyFields(QJsonObject body) : m_body(std::move(body)) {}
    // A body that could not be read (not JSON, not an object, too large): every read answers empty, error() says why.
    explicit BodyFields(Error error) : m_error(std::move(error)) {}

    // Present and not null (the field counts as read).
    bool has(const char* key);

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
    // A password or secret value: checked to be a string but not copied here (secret() moves it into a scrubbed
    // buffer).
    void requireSecret(const char* key);
    // The secret value of `key` (checked by requireSecret()) in a scrubbed buffer.
    SecureBytes secret(const char* key);
    // An object-valued field, for the caller to read further (its own fields are the caller's to check).
    std::optional<QJsonObject> object(const char* key);
    // An array-valued field, for the caller to read further (its items are the caller's to check).
    std::optional<QJsonArray> array(const char* key);

    // No field missing or mistyped, and no field that was not read. Call after reading every field.
    bool ok();
    explicit operator bool() { return ok(); }
    const Error& error() const { return *m_error; }
    // The fields of the body that were never read, sorted.
    QStringList unknownFields() const;

private:
    bool present(const char* key) const;
    // The value of `key` when it is present and of the type `isType` accepts; records the first failure.
    std::optional<QJsonValue> take(const char* key, bool required, bool (*isType)(const QJsonValue&),
                                   const char* expected);
    std::optional<qint64> takeInteger(const char* key, bool required, qint64 min, qint64 max);

    QJsonObject m_body;
    QSet<QString> m_read;
    std::optional<Error> m_error;
};

} // namespace gatehouse::api
