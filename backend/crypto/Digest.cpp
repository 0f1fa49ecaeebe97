#include "Digest.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>

#include <memory>

namespace gatehouse::crypto {

namespace {

EVP_MD* sha256Algorithm()
{
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

EVP_MAC* hmacAlgorithm()
{
    static EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
    return mac;
}

} // namespace

QByteArray sha256(QByteArrayView data)
{
    QByteArray out(32, Qt::Uninitialized);
    unsigned int len = 0;
    if (EVP_Digest(data.data(), static_cast<size_t>(data.size()), reinterpret_cast<unsigned char*>(out.data()), &len,
                   sha256Algorithm(), nullptr) != 1 ||
        len != 32)
        qFatal("SHA-256 failed");
    return out;
}

namespace {

QByteArray hmac(const char* digestName, int length, QByteArrayView key, QByteArrayView data)
{
    std::unique_ptr<EVP_MAC_CTX, decltype(&EVP_MAC_CTX_free)> ctx(EVP_MAC_CTX_new(hmacAlgorithm()), EVP_MAC_CTX_free);
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, const_cast<char*>(digestName), 0),
        OSSL_PARAM_construct_end()};
    QByteArray out(length, Qt::Uninitialized);
    size_t len = 0;
    if (!ctx ||
        EVP_MAC_init(ctx.get(), reinterpret_cast<const unsigned char*>(key.data()), static_cast<size_t>(key.size()),
                     params) != 1 ||
        EVP_MAC_update(ctx.get(), reinterpret_cast<const unsigned char*>(data.data()),
                       static_cast<size_t>(data.size())) != 1 ||
        EVP_MAC_final(ctx.get(), reinterpret_cast<unsigned char*>(out.data()), &len, size_t(length)) != 1 ||
        len != size_t(length))
        qFatal("HMAC failed");
    return out;
}

} // namespace

QByteArray hmacSha1(QByteArrayView key, QByteArrayView data)
{
    return hmac("SHA1", 20, key, data);
}

QByteArray hmacSha256(QByteArrayView key, QByteArrayView data)
{
    return hmac("SHA256", 32, key, data);
}

} // namespace gatehouse::crypto
