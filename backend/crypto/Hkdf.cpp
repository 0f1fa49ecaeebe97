#include "Hkdf.h"

#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>
#include <openssl/params.h>

namespace gatehouse::crypto {

namespace {

// Fetched once: algorithm lookup in OpenSSL 3.0 is expensive, and the object is immutable and thread-safe.
EVP_KDF* hkdfAlgorithm()
{
    static EVP_KDF* kdf = EVP_KDF_fetch(nullptr, OSSL_KDF_NAME_HKDF, nullptr);
    return kdf;
}

struct KdfContextDeleter
{
    void operator()(EVP_KDF_CTX* ctx) const { EVP_KDF_CTX_free(ctx); }
};

} // namespace

Result<SecureBytes> hkdfSha256(const SecureBytes& inputKey, QByteArrayView label, std::size_t outputSize,
                               QByteArrayView salt)
{
    EVP_KDF* kdf = hkdfAlgorithm();
    if (!kdf)
        return makeError(ErrorCode::Crypto, QStringLiteral("OpenSSL offers no HKDF; check the OpenSSL installation"));
    std::unique_ptr<EVP_KDF_CTX, KdfContextDeleter> ctx(EVP_KDF_CTX_new(kdf));
    if (!ctx)
        return makeError(ErrorCode::Crypto, QStringLiteral("cannot allocate a key-derivation context"));

    char digest[] = "SHA256";
    OSSL_PARAM params[5];
    int n = 0;
    params[n++] = OSSL_PARAM_construct_utf8_string(OSSL_KDF_PARAM_DIGEST, digest, 0);
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_KEY, const_cast<unsigned char*>(inputKey.data()),
                                                    inputKey.size());
    params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_INFO, const_cast<char*>(label.data()),
                                                    static_cast<std::size_t>(label.size()));
    if (!salt.isEmpty())
        params[n++] = OSSL_PARAM_construct_octet_string(OSSL_KDF_PARAM_SALT, const_cast<char*>(salt.data()),
                                                        static_cast<std::size_t>(salt.size()));
    params[n] = OSSL_PARAM_construct_end();

    SecureBytes out(outputSize);
    if (EVP_KDF_derive(ctx.get(), out.data(), out.size(), params) != 1)
        return makeError(ErrorCode::Crypto, QStringLiteral("HKDF key derivation failed"));
    return out;
}

} // namespace gatehouse::crypto
