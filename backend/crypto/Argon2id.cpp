#include "Argon2id.h"

#include <argon2.h>

namespace gatehouse::crypto {

Result<SecureBytes> argon2id(const SecureBytes& secret, const QByteArray& salt, const Argon2Params& params,
                             std::size_t outputSize)
{
    if (!params.isWithinLimits())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("Argon2id parameters are out of range (memory %1 KiB, %2 passes, %3 lanes)")
                             .arg(params.memoryKiB)
                             .arg(params.iterations)
                             .arg(params.parallelism));
    SecureBytes out(outputSize);
    const int rc =
        argon2id_hash_raw(params.iterations, params.memoryKiB, params.parallelism, secret.data(), secret.size(),
                          salt.constData(), static_cast<std::size_t>(salt.size()), out.data(), out.size());
    if (rc != ARGON2_OK) {
        const ErrorCode code = rc == ARGON2_MEMORY_ALLOCATION_ERROR ? ErrorCode::Io : ErrorCode::Crypto;
        return makeError(
            code, QStringLiteral("Argon2id derivation failed: %1").arg(QString::fromUtf8(argon2_error_message(rc))));
    }
    return out;
}

} // namespace gatehouse::crypto
