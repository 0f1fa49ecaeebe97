#include "Random.h"

#include <openssl/rand.h>

namespace gatehouse::crypto {

static Error randomFailure()
{
    return makeError(ErrorCode::Crypto, QStringLiteral("the system random generator failed; nothing was created"));
}

Result<SecureBytes> randomKey(std::size_t size)
{
    SecureBytes key(size);
    if (RAND_bytes(key.data(), static_cast<int>(size)) != 1)
        return randomFailure();
    return key;
}

Result<QByteArray> randomBytes(qsizetype size)
{
    QByteArray bytes(size, Qt::Uninitialized);
    if (RAND_bytes(reinterpret_cast<unsigned char*>(bytes.data()), static_cast<int>(size)) != 1)
        return randomFailure();
    return bytes;
}

} // namespace gatehouse::crypto
