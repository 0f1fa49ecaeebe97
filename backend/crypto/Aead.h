#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

namespace gatehouse::crypto {

// AES-256-GCM with a fresh random 96-bit nonce per message. The sealed form is nonce (12) || ciphertext ||
// tag (16). Associated data binds a ciphertext to where it belongs: opening it anywhere else fails.
namespace aead {

constexpr int kNonceSize = 12;
constexpr int kTagSize = 16;

Result<QByteArray> seal(const SecureBytes& key, QByteArrayView plaintext, QByteArrayView associatedData);
// Fails (never returns wrong plaintext) when the key, the associated data or any byte of `sealed` differs.
Result<SecureBytes> open(const SecureBytes& key, QByteArrayView sealed, QByteArrayView associatedData);

} // namespace aead
} // namespace gatehouse::crypto
