#include "BodyFields.h"

#include <QJsonArray>

#include <openssl/crypto.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace gatehouse::api {

namespace {

bool isString(const QJsonValue& v)
{
    return v.isString();
}
bool isBool(const QJsonValue& v)
{
    return v.isBool();
}
bool isObject(const QJsonValue& v)
{
    return v.isObject();
}
bool isNumber(const QJsonValue& v)
{
    return v.isDouble();
}
bool isStringArray(const QJsonValue& v)
{
    if (!v.isArray())
        return false;
    const QJsonArray a = v.toArray();
    return std::all_of(a.begin(), a.end(), [](const QJsonValue& item) { return item.isString(); });
}

} // namespace

bool BodyFields::has(const char* key)
{
    m_read.insert(QLatin1String(key));
    return present(key);
}

bool BodyFields::present(const char* key) const
{
    const QJsonValue v = m_body.value(QLatin1String(key));
    return !v.isUndefined() && !v.isNull();
}

std::optional<QJsonValue> BodyFields::take(const char* key, bool required, bool (*isType)(const QJsonValue&),
                                           const char* expected)
{
    m_read.insert(QLatin1String(key));
    if (m_error)
        return std::nullopt;
    if (!present(key)) {
        if (required)
            m_error = Error{
                ErrorCode::InvalidArgument,
                QStringLiteral("The field \"%1\" is required (%2).").arg(QLatin1String(key), QLatin1String(expected))};
        return std::nullopt;
    }
    const QJsonValue v = m_body.value(QLatin1String(key));
    if (!isType(v)) {
        m_error =
            Error{ErrorCode::InvalidArgument,
                  QStringLiteral("The field \"%1\" must be %2.").arg(QLatin1String(key), QLatin1String(expected))};
        return std::nullopt;
    }
    return v;
}

std::optional<qint64> BodyFields::takeInteger(const char* key, bool required, qint64 min, qint64 max)
{
    const auto v = take(key, required, isNumber, "a whole number");
    if (!v)
        return std::nullopt;
    const double d = v->toDouble();
    // Doubles hold integers exactly up to 2^53, far beyond any count or time the API takes.
    constexpr double kExact = 9007199254740992.0;
    if (d != std::floor(d) || d < double(min) || d > double(max) || std::fabs(d) > kExact) {
        m_error =
            Error{ErrorCode::InvalidArgument, QStringLiteral("The field \"%1\" must be a whole number from %2 to %3.")
                                                  .arg(QLatin1String(key))
                                                  .arg(min)
                                                  .arg(max)};
        return std::nullopt;
    }
    return qint64(d);
}

QString BodyFields::string(const char* key)
{
    return take(key, true, isString, "a string").value_or(QJsonValue()).toString();
}

std::optional<QString> BodyFields::optionalString(const char* key)
{
    const auto v = take(key, false, isString, "a string");
    return v ? std::optional<QString>(v->toString()) : std::nullopt;
}

bool BodyFields::boolean(const char* key)
{
    return take(key, true, isBool, "true or false").value_or(QJsonValue()).toBool();
}

std::optional<bool> BodyFields::optionalBoolean(const char* key)
{
    const auto v = take(key, false, isBool, "true or false");
    return v ? std::optional<bool>(v->toBool()) : std::nullopt;
}

int BodyFields::integer(const char* key)
{
    return int(takeInteger(key, true, std::numeric_limits<int>::min(), std::numeric_limits<int>::max()).value_or(0));
}

std::optional<int> BodyFields::optionalInteger(const char* key)
{
    const auto v = takeInteger(key, false, std::numeric_limits<int>::min(), std::numeric_limits<int>::max());
    return v ? std::optional<int>(int(*v)) : std::nullopt;
}

std::optional<qint64> BodyFields::optionalInteger64(const char* key)
{
    constexpr qint64 kLimit = qint64(1) << 53;
    return takeInteger(key, false, -kLimit, kLimit);
}

QStringList BodyFields::stringList(const char* key)
{
    const auto v = take(key, true, isStringArray, "an array of strings");
    return v ? v->toVariant().toStringList() : QStringList();
}

std::optional<QStringList> BodyFields::optionalStringList(const char* key)
{
    const auto v = take(key, false, isStringArray, "an array of strings");
    return v ? std::optional<QStringList>(v->toVariant().toStringList()) : std::nullopt;
}

void BodyFields::requireSecret(const char* key)
{
    m_read.insert(QLatin1String(key));
    if (m_error)
        return;
    // Only the type is looked at, so no copy of the value is made here.
    const QJsonValue::Type type = m_body.value(QLatin1String(key)).type();
    if (type == QJsonValue::Undefined || type == QJsonValue::Null)
        m_error = Error{ErrorCode::InvalidArgument,
                        QStringLiteral("The field \"%1\" is required (a string).").arg(QLatin1String(key))};
    else if (type != QJsonValue::String)
        m_error = Error{ErrorCode::InvalidArgument,
                        QStringLiteral("The field \"%1\" must be a string.").arg(QLatin1String(key))};
}

SecureBytes BodyFields::secret(const char* key)
{
    m_read.insert(QLatin1String(key));
    QByteArray utf8 = m_body.value(QLatin1String(key)).toString().toUtf8();
    SecureBytes out(reinterpret_cast<const unsigned char*>(utf8.constData()), std::size_t(utf8.size()));
    OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
    return out;
}

std::optional<QJsonObject> BodyFields::object(const char* key)
{
    const auto v = take(key, true, isObject, "an object");
    return v ? std::optional<QJsonObject>(v->toObject()) : std::nullopt;
}

std::optional<QJsonArray> BodyFields::array(const char* key)
{
    const auto v = take(
        key, true, [](const QJsonValue& x) { return x.isArray(); }, "an array");
    return v ? std::optional<QJsonArray>(v->toArray()) : std::nullopt;
}

QStringList BodyFields::unknownFields() const
{
    QStringList unknown;
    for (auto it = m_body.begin(); it != m_body.end(); ++it)
        if (!m_read.contains(it.key()))
            unknown.append(it.key());
    unknown.sort();
    return unknown;
}

bool BodyFields::ok()
{
    if (const QStringList unknown = unknownFields(); !unknown.isEmpty()) {
        // Names are cut short and few: the message echoes what the client sent, never more than a line of it.
        QStringList named;
        for (const QString& name : unknown.mid(0, 5))
            named << QLatin1Char('"') + name.left(64) + QLatin1Char('"');
        if (unknown.size() > named.size())
            named << QStringLiteral("%1 more").arg(unknown.size() - named.size());
        QStringList known = m_read.values();
        known.sort();
        m_error = Error{ErrorCode::InvalidArgument,
                        QStringLiteral("Unknown field%1 %2: this operation takes %3. Check the spelling; unknown "
                                       "fields are refused, never ignored.")
                            .arg(unknown.size() > 1 ? QStringLiteral("s") : QString(), named.join(QStringLiteral(", ")),
                                 known.isEmpty() ? QStringLiteral("no fields") : known.join(QStringLiteral(", ")))};
    }
    return !m_error.has_value();
}

} // namespace gatehouse::api
