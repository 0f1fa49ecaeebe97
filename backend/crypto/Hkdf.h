#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArrayView>

namespace gatehouse::crypto {

// HKDF-SHA256 (RFC 5869): derives a subkey bound to a label ("gatehouse/db", ...). Different labels give
// independent keys, so one master key can serve every purpose without reuse.
Result<SecureBytes> hkdfSha256(const SecureBytes& inputKey, QByteArrayView label, std::size_t outputSize = 32,
                               QByteArrayView salt = {});

} // namespace gatehouse::crypto
