#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace gatehouse::crypto::totp {

// RFC 6238 time-based one-time passwords: HMAC-SHA1, 6 digits, 30-second steps.
constexpr qint64 kStepMs = 30 * 1000;
constexpr int kDigits = 6;

qint64 stepAt(qint64 unixMs);
QString code(const QByteArray& secret, qint64 step, int digits = kDigits);

// The step a code belongs to, if it matches the current step or one step either side (clock drift) and is
// later than `lastUsedStep` (a code is good once). Compares in constant time.
std::optional<qint64> acceptedStep(const QByteArray& secret, const QString& code, qint64 nowMs, qint64 lastUsedStep);

// otpauth://totp/... for authenticator apps (shown as a QR code or typed in).
QString provisioningUri(const QString& issuer, const QString& account, const QByteArray& secret);

} // namespace gatehouse::crypto::totp
