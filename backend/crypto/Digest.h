#pragma once

#include <QByteArray>
#include <QByteArrayView>

namespace gatehouse::crypto {

// SHA-256, HMAC-SHA1 and HMAC-SHA256 with the OpenSSL algorithm objects fetched once (OpenSSL 3.0 lookups are slow).
QByteArray sha256(QByteArrayView data);
QByteArray hmacSha1(QByteArrayView key, QByteArrayView data);
QByteArray hmacSha256(QByteArrayView key, QByteArrayView data);

} // namespace gatehouse::crypto
