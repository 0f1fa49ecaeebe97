#include "Totp.h"

#include "Digest.h"
#include "core/Encoding.h"

#include <QUrl>

#include <openssl/crypto.h>

namespace gatehouse::crypto::totp {

qint64 stepAt(qint64 unixMs)
{
    return unixMs / kStepMs;
}

QString code(const QByteArray& secret, qint64 step, int digits)
{
    QByteArray counter(8, '\0');
    for (int i = 7; i >= 0; --i) {
        counter[i] = static_cast<char>(step & 0xff);
        step >>= 8;
    }
    const QByteArray mac = hmacSha1(secret, counter);
    const int offset = mac[19] & 0x0f;
    const quint32 binary = (quint32(quint8(mac[offset]) & 0x7f) << 24) | (quint32(quint8(mac[offset + 1])) << 16) |
                           (quint32(quint8(mac[offset + 2])) << 8) | quint32(quint8(mac[offset + 3]));
    quint32 modulus = 1;
    for (int i = 0; i < digits; ++i)
        modulus *= 10;
    return QStringLiteral("%1").arg(binary % modulus, digits, 10, QLatin1Char('0'));
}

std::optional<qint64> acceptedStep(const QByteArray& secret, const QString& candidate, qint64 nowMs,
                                   qint64 lastUsedStep)
{
    const QByteArray given = candidate.trimmed().toLatin1();
    if (given.size() != kDigits)
        return std::nullopt;
    const qint64 now = stepAt(nowMs);
    std::optional<qint64> match;
    // All three candidates are computed and compared, so timing does not tell which one matched.
    for (qint64 step = now - 1; step <= now + 1; ++step) {
        const QByteArray expected = code(secret, step).toLatin1();
        if (CRYPTO_memcmp(expected.constData(), given.constData(), kDigits) == 0 && step > lastUsedStep && !match)
            match = step;
    }
    return match;
}

QString provisioningUri(const QString& issuer, const QString& account, const QByteArray& secret)
{
    const QString label = QString::fromLatin1(QUrl::toPercentEncoding(issuer + QLatin1Char(':') + account));
    return QStringLiteral("otpauth://totp/%1?secret=%2&issuer=%3&algorithm=SHA1&digits=6&period=30")
        .arg(label, encoding::base32(secret).toUpper(), QString::fromLatin1(QUrl::toPercentEncoding(issuer)));
}

} // namespace gatehouse::crypto::totp
