#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

namespace gatehouse::crypto::ed25519 {

// Ed25519 signatures (OpenSSL), verifiable with the openssl command line:
//   openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in message -sigfile signature
struct KeyPair
{
    SecureBytes privateKey; // 32-byte seed
    QByteArray publicKey;   // 32 bytes
};

Result<KeyPair> generate();
Result<QByteArray> publicKeyOf(const SecureBytes& privateKey);
Result<QByteArray> sign(const SecureBytes& privateKey, QByteArrayView message);
bool verify(const QByteArray& publicKey, QByteArrayView message, QByteArrayView signature);
// SubjectPublicKeyInfo PEM, for openssl and other tools.
QByteArray publicKeyPem(const QByteArray& publicKey);
// The raw 32-byte key of a PEM public key; InvalidArgument for anything but an Ed25519 key.
Result<QByteArray> publicKeyFromPem(QByteArrayView pem);

} // namespace gatehouse::crypto::ed25519
