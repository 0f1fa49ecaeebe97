#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace gatehouse::encoding {

// RFC 4648 base32, lower case, without padding: case-insensitive, no look-alike punctuation, safe in URLs.
QString base32(QByteArrayView bytes);
std::optional<QByteArray> fromBase32(QStringView text);

// CRC-32 (IEEE 802.3), for checksums that catch typos in tokens; not a security function.
quint32 crc32(QByteArrayView bytes);

// A new random identifier: "<prefix>_" followed by 26 base32 characters (128 random bits).
QString newId(QStringView prefix);

} // namespace gatehouse::encoding
