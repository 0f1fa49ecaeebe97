#include "StoreConfig.h"

#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::store {

QByteArray StoreConfig::toJson() const
{
    QJsonObject o{
        {QStringLiteral("format"), QStringLiteral("gatehouse-store")},
        {QStringLiteral("version"), kFormatVersion},
        {QStringLiteral("store_id"), storeId},
        {QStringLiteral("created_at"), createdAt.toUTC().toString(Qt::ISODate)},
        {QStringLiteral("key"), custody.toJson()},
        {QStringLiteral("key_check"), QString::fromLatin1(keyCheck.toBase64())},
    };
    if (rotation)
        o.insert(QStringLiteral("rotation"), QJsonObject{{QStringLiteral("next_key"), rotation->next.toJson()},
                                                         {QStringLiteral("next_key_check"),
                                                          QString::fromLatin1(rotation->nextKeyCheck.toBase64())}});
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result<StoreConfig> StoreConfig::fromJson(const QByteArray& json, const QString& path)
{
    auto damaged = [&path](const QString& why) {
        return makeError(
            ErrorCode::NotAStore,
            QStringLiteral("%1 is damaged (%2); restore it from a backup of the data directory").arg(path, why));
    };
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject())
        return damaged(QStringLiteral("not valid JSON"));
    const QJsonObject o = doc.object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("gatehouse-store"))
        return makeError(ErrorCode::NotAStore, QStringLiteral("%1 does not describe a Gatehouse store").arg(path));
    const int version = o.value(QStringLiteral("version")).toInt(-1);
    if (version > kFormatVersion)
        return makeError(ErrorCode::SchemaTooNew,
                         QStringLiteral("%1 has format version %2, newer than this Gatehouse build understands (%3); "
                                        "upgrade Gatehouse")
                             .arg(path)
                             .arg(version)
                             .arg(kFormatVersion));
    if (version < 1)
        return damaged(QStringLiteral("no format version"));

    StoreConfig c;
    c.storeId = o.value(QStringLiteral("store_id")).toString();
    c.createdAt = QDateTime::fromString(o.value(QStringLiteral("created_at")).toString(), Qt::ISODate);
    c.keyCheck = QByteArray::fromBase64(o.value(QStringLiteral("key_check")).toString().toLatin1());
    if (c.storeId.isEmpty())
        return damaged(QStringLiteral("no store id"));
    if (c.keyCheck.size() != 16)
        return damaged(QStringLiteral("no key check value"));
    auto custody = keys::KeyCustody::fromJson(o.value(QStringLiteral("key")).toObject());
    if (!custody)
        return damaged(custody.error().message);
    c.custody = custody.value();
    if (o.contains(QStringLiteral("rotation"))) {
        const QJsonObject r = o.value(QStringLiteral("rotation")).toObject();
        auto next = keys::KeyCustody::fromJson(r.value(QStringLiteral("next_key")).toObject());
        const QByteArray check =
            QByteArray::fromBase64(r.value(QStringLiteral("next_key_check")).toString().toLatin1());
        if (!next || check.size() != 16)
            return damaged(QStringLiteral("the key rotation record is incomplete"));
        c.rotation = Rotation{next.value(), check};
    }
    return c;
}

} // namespace gatehouse::store
