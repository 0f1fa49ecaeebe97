#include "Aead.h"

#include "Random.h"

#include <openssl/evp.h>

#include <memory>

namespace gatehouse::crypto::aead {

namespace {

EVP_CIPHER* aes256gcm()
{
    static EVP_CIPHER* cipher = EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr);
    return cipher;
}

using Context = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

const unsigned char* bytes(QByteArrayView v)
{
    return reinterpret_cast<const unsigned char*>(v.data());
}

Error failed()
{
    return makeError(ErrorCode::Crypto,
                     QStringLiteral("decryption failed: wrong key, or the data was changed or moved"));
}

} // namespace

Result<QByteArray> seal(const SecureBytes& key, QByteArrayView plaintext, QByteArrayView associatedData)
{
    if (key.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("AES-256-GCM needs a 256-bit key"));
    auto nonce = randomBytes(kNonceSize);
    if (!nonce)
        return nonce.error();
    QByteArray out = nonce.value();
    out.resize(kNonceSize + plaintext.size() + kTagSize);
    auto* cipherText = reinterpret_cast<unsigned char*>(out.data()) + kNonceSize;
    Context ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0, total = 0;
    if (!ctx || EVP_EncryptInit_ex2(ctx.get(), aes256gcm(), key.data(), bytes(nonce.value()), nullptr) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_EncryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1) ||
        EVP_EncryptUpdate(ctx.get(), cipherText, &len, bytes(plaintext), int(plaintext.size())) != 1)
        return makeError(ErrorCode::Crypto, QStringLiteral("AES-256-GCM encryption failed"));
    total = len;
    if (EVP_EncryptFinal_ex(ctx.get(), cipherText + total, &len) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, kTagSize, cipherText + plaintext.size()) != 1)
        return makeError(ErrorCode::Crypto, QStringLiteral("AES-256-GCM encryption failed"));
    return out;
}

Result<SecureBytes> open(const SecureBytes& key, QByteArrayView sealed, QByteArrayView associatedData)
{
    if (key.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("AES-256-GCM needs a 256-bit key"));
    if (sealed.size() < kNonceSize + kTagSize)
        return failed();
    const qsizetype textSize = sealed.size() - kNonceSize - kTagSize;
    SecureBytes plain(static_cast<std::size_t>(textSize));
    Context ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
    int len = 0;
    QByteArray tag(sealed.data() + kNonceSize + textSize, kTagSize);
    if (!ctx || EVP_DecryptInit_ex2(ctx.get(), aes256gcm(), key.data(), bytes(sealed), nullptr) != 1 ||
        (!associatedData.isEmpty() &&
         EVP_DecryptUpdate(ctx.get(), nullptr, &len, bytes(associatedData), int(associatedData.size())) != 1) ||
        EVP_DecryptUpdate(ctx.get(), plain.data(), &len, bytes(sealed) + kNonceSize, int(textSize)) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, kTagSize, tag.data()) != 1 ||
        EVP_DecryptFinal_ex(ctx.get(), plain.data() + len, &len) != 1)
        return failed();
    return plain;
}

} // namespace gatehouse::crypto::aead
