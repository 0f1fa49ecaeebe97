#include "PasswordHasher.h"

#include "Random.h"

#include <QRegularExpression>

#include <argon2.h>

namespace gatehouse::crypto {

Result<QString> PasswordHasher::hash(const SecureBytes& password, const Argon2Params& params)
{
    auto salt = randomBytes(16);
    if (!salt)
        return salt.error();
    constexpr std::size_t kHashLength = 32;
    const std::size_t encodedLength =
        argon2_encodedlen(params.iterations, params.memoryKiB, params.parallelism, 16, kHashLength, Argon2_id);
    QByteArray encoded(static_cast<qsizetype>(encodedLength), '\0');
    const int rc =
        argon2id_hash_encoded(params.iterations, params.memoryKiB, params.parallelism, password.data(), password.size(),
                              salt.value().constData(), 16, kHashLength, encoded.data(), encodedLength);
    if (rc != ARGON2_OK)
        return makeError(
            ErrorCode::Crypto,
            QStringLiteral("password hashing failed: %1").arg(QString::fromUtf8(argon2_error_message(rc))));
    return QString::fromLatin1(encoded.constData());
}

bool PasswordHasher::verify(const QString& encoded, const SecureBytes& password)
{
    const QByteArray e = encoded.toLatin1();
    return argon2id_verify(e.constData(), password.data(), password.size()) == ARGON2_OK;
}

bool PasswordHasher::needsRehash(const QString& encoded, const Argon2Params& current)
{
    static const QRegularExpression re(QStringLiteral("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"));
    const auto m = re.match(encoded);
    if (!m.hasMatch())
        return true;
    const Argon2Params stored{m.captured(1).toUInt(), m.captured(2).toUInt(), m.captured(3).toUInt()};
    return !stored.isAtLeast(current);
}

const QString& PasswordHasher::dummyHash()
{
    static const QString dummy = [] {
        auto secret = randomKey(32);
        return secret ? hash(secret.value()).value() : QString();
    }();
    return dummy;
}

} // namespace gatehouse::crypto
