#pragma once

#include "core/Result.h"
#include "keys/KeyCustody.h"

#include <QByteArray>
#include <QDateTime>
#include <QString>

#include <optional>

namespace gatehouse::store {

// store.json: the non-secret description of a data directory (which store, where its master key is held,
// and a short key-check value that tells a wrong key apart from a damaged store file).
struct StoreConfig
{
    static constexpr int kFormatVersion = 1;

    QString storeId;
    QDateTime createdAt;
    keys::KeyCustody custody;
    QByteArray keyCheck; // HKDF(master, "gatehouse/key-check"), 16 bytes; reveals nothing about the key

    // A master-key rotation that has started and not finished: where the next key is held, and its check.
    struct Rotation
    {
        keys::KeyCustody next;
        QByteArray nextKeyCheck;
    };
    std::optional<Rotation> rotation;

    QByteArray toJson() const;
    static Result<StoreConfig> fromJson(const QByteArray& json, const QString& path);
};

} // namespace gatehouse::store
