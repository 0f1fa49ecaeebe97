#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

namespace gatehouse::crypto {

// Cryptographically secure random bytes from OpenSSL's DRBG (seeded by the kernel).
Result<SecureBytes> randomKey(std::size_t size);
Result<QByteArray> randomBytes(qsizetype size);

} // namespace gatehouse::crypto
