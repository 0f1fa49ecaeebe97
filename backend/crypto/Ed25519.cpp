#include "Ed25519.h"

#include <openssl/evp.h>
#include <openssl/pem.h>

#include <memory>

namespace gatehouse::crypto::ed25519 {

namespace {

using Key = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using MdContext = std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)>;

Key privateKey(const SecureBytes& seed)
{
    return Key(EVP_PKEY_new_raw_private_key_ex(nullptr, "ED25519", nullptr, seed.data(), seed.size()), EVP_PKEY_free);
}

Key publicKey(const QByteArray& raw)
{
    return Key(EVP_PKEY_new_raw_public_key_ex(nullptr, "ED25519", nullptr,
                                              reinterpret_cast<const unsigned char*>(raw.constData()),
                                              static_cast<size_t>(raw.size())),
               EVP_PKEY_free);
}

Error failed(const char* what)
{
    return makeError(ErrorCode::Crypto, QStringLiteral("Ed25519 %1 failed").arg(QLatin1String(what)));
}

} // namespace

Result<QByteArray> publicKeyOf(const SecureBytes& seed)
{
    Key key = privateKey(seed);
    QByteArray pub(32, '\0');
    size_t len = 32;
    if (!key || EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(pub.data()), &len) != 1)
        return failed("key derivation");
    return pub;
}

Result<KeyPair> generate()
{
    std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)> ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, "ED25519", nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        return failed("key generation");
    Key key(raw, EVP_PKEY_free);
    KeyPair pair{SecureBytes(32), QByteArray(32, '\0')};
    size_t len = 32;
    if (EVP_PKEY_get_raw_private_key(key.get(), pair.privateKey.data(), &len) != 1)
        return failed("key generation");
    len = 32;
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(pair.publicKey.data()), &len) != 1)
        return failed("key generation");
    return pair;
}

Result<QByteArray> sign(const SecureBytes& seed, QByteArrayView message)
{
    Key key = privateKey(seed);
    MdContext ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    QByteArray sig(64, '\0');
    size_t len = 64;
    if (!key || !ctx || EVP_DigestSignInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key.get(), nullptr) != 1 ||
        EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(sig.data()), &len,
                       reinterpret_cast<const unsigned char*>(message.data()),
                       static_cast<size_t>(message.size())) != 1)
        return failed("signing");
    return sig;
}

bool verify(const QByteArray& pub, QByteArrayView message, QByteArrayView signature)
{
    Key key = publicKey(pub);
    MdContext ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    return key && ctx &&
           EVP_DigestVerifyInit_ex(ctx.get(), nullptr, nullptr, nullptr, nullptr, key.get(), nullptr) == 1 &&
           EVP_DigestVerify(ctx.get(), reinterpret_cast<const unsigned char*>(signature.data()),
                            static_cast<size_t>(signature.size()),
                            reinterpret_cast<const unsigned char*>(message.data()),
                            static_cast<size_t>(message.size())) == 1;
}

QByteArray publicKeyPem(const QByteArray& pub)
{
    Key key = publicKey(pub);
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
    if (!key || !bio || PEM_write_bio_PUBKEY(bio.get(), key.get()) != 1)
        return {};
    char* data = nullptr;
    const long n = BIO_get_mem_data(bio.get(), &data);
    return QByteArray(data, int(n));
}

Result<QByteArray> publicKeyFromPem(QByteArrayView pem)
{
    std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new_mem_buf(pem.data(), int(pem.size())), BIO_free);
    if (!bio)
        return failed("key reading");
    Key key(PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key || EVP_PKEY_get_base_id(key.get()) != EVP_PKEY_ED25519)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("not an Ed25519 public key in PEM form"));
    QByteArray raw(32, Qt::Uninitialized);
    size_t len = size_t(raw.size());
    if (EVP_PKEY_get_raw_public_key(key.get(), reinterpret_cast<unsigned char*>(raw.data()), &len) != 1 || len != 32)
        return failed("key reading");
    return raw;
}

} // namespace gatehouse::crypto::ed25519
