#pragma once

// Signing keys and tokens made in the test with OpenSSL, for the token validation tests: the provider's side of
// the signature, so each check of backend/oidc can be shown to accept a good token and refuse a bad one.

#include "crypto/Digest.h"
#include "oidc/Base64Url.h"

#include <QByteArray>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>

#include <memory>

namespace gatehouse::test {

class SigningKey
{
public:
    enum class Type { Rsa, EcP256, Ed25519 };

    SigningKey(Type type, QString kid) : m_type(type), m_kid(std::move(kid))
    {
        switch (type) {
        case Type::Rsa:
            m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "RSA", size_t(2048)));
            break;
        case Type::EcP256:
            m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "EC", "P-256"));
            break;
        case Type::Ed25519:
            m_key.reset(EVP_PKEY_Q_keygen(nullptr, nullptr, "ED25519"));
            break;
        }
        if (!m_key)
            qFatal("test key generation failed");
    }

    const QString& kid() const { return m_kid; }
    Type type() const { return m_type; }
    EVP_PKEY* key() const { return m_key.get(); }

    // The public JWK, as a provider publishes it.
    QJsonObject jwk() const
    {
        QJsonObject jwk{{QStringLiteral("kid"), m_kid}, {QStringLiteral("use"), QStringLiteral("sig")}};
        switch (m_type) {
        case Type::Rsa:
            jwk.insert(QStringLiteral("kty"), QStringLiteral("RSA"));
            jwk.insert(QStringLiteral("n"), b64(bignum(OSSL_PKEY_PARAM_RSA_N, 0)));
            jwk.insert(QStringLiteral("e"), b64(bignum(OSSL_PKEY_PARAM_RSA_E, 0)));
            break;
        case Type::EcP256:
            jwk.insert(QStringLiteral("kty"), QStringLiteral("EC"));
            jwk.insert(QStringLiteral("crv"), QStringLiteral("P-256"));
            jwk.insert(QStringLiteral("x"), b64(bignum(OSSL_PKEY_PARAM_EC_PUB_X, 32)));
            jwk.insert(QStringLiteral("y"), b64(bignum(OSSL_PKEY_PARAM_EC_PUB_Y, 32)));
            break;
        case Type::Ed25519: {
            QByteArray raw(32, Qt::Uninitialized);
            size_t length = 32;
            if (EVP_PKEY_get_raw_public_key(m_key.get(), reinterpret_cast<unsigned char*>(raw.data()), &length) != 1)
                qFatal("raw public key failed");
            jwk.insert(QStringLiteral("kty"), QStringLiteral("OKP"));
            jwk.insert(QStringLiteral("crv"), QStringLiteral("Ed25519"));
            jwk.insert(QStringLiteral("x"), b64(raw));
            break;
        }
        }
        return jwk;
    }

    // The public key as PEM (SubjectPublicKeyInfo): the bytes an attacker uses as an HMAC key.
    QByteArray publicPem() const
    {
        std::unique_ptr<BIO, decltype(&BIO_free)> bio(BIO_new(BIO_s_mem()), BIO_free);
        PEM_write_bio_PUBKEY(bio.get(), m_key.get());
        char* data = nullptr;
        const long length = BIO_get_mem_data(bio.get(), &data);
        return QByteArray(data, qsizetype(length));
    }

    // A JOSE signature of `input` with `alg` (RS256, PS256, ES256, EdDSA); the algorithm is not checked against the
    // key's type, so a test can make mismatched tokens.
    QByteArray sign(const QString& alg, const QByteArray& input) const
    {
        std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
        EVP_PKEY_CTX* pctx = nullptr;
        const char* md = m_type == Type::Ed25519 ? nullptr : "SHA256";
        if (EVP_DigestSignInit_ex(ctx.get(), &pctx, md, nullptr, nullptr, m_key.get(), nullptr) != 1)
            qFatal("sign init failed");
        if (alg == QLatin1String("PS256")) {
            EVP_PKEY_CTX_set_rsa_padding(pctx, RSA_PKCS1_PSS_PADDING);
            EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, RSA_PSS_SALTLEN_DIGEST);
        }
        size_t length = 0;
        const auto* data = reinterpret_cast<const unsigned char*>(input.constData());
        if (EVP_DigestSign(ctx.get(), nullptr, &length, data, size_t(input.size())) != 1)
            qFatal("sign failed");
        QByteArray signature(qsizetype(length), Qt::Uninitialized);
        if (EVP_DigestSign(ctx.get(), reinterpret_cast<unsigned char*>(signature.data()), &length, data,
                           size_t(input.size())) != 1)
            qFatal("sign failed");
        signature.truncate(qsizetype(length));
        if (m_type == Type::EcP256) { // DER -> r || s
            const auto* der = reinterpret_cast<const unsigned char*>(signature.constData());
            ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &der, long(signature.size()));
            QByteArray jose(64, '\0');
            BN_bn2binpad(ECDSA_SIG_get0_r(sig), reinterpret_cast<unsigned char*>(jose.data()), 32);
            BN_bn2binpad(ECDSA_SIG_get0_s(sig), reinterpret_cast<unsigned char*>(jose.data()) + 32, 32);
            ECDSA_SIG_free(sig);
            return jose;
        }
        return signature;
    }

private:
    static QString b64(const QByteArray& bytes) { return QString::fromLatin1(oidc::base64UrlEncode(bytes)); }

    QByteArray bignum(const char* name, int pad) const
    {
        BIGNUM* bn = nullptr;
        if (EVP_PKEY_get_bn_param(m_key.get(), name, &bn) != 1)
            qFatal("bn param failed");
        const int size = pad > 0 ? pad : BN_num_bytes(bn);
        QByteArray out(size, '\0');
        BN_bn2binpad(bn, reinterpret_cast<unsigned char*>(out.data()), size);
        BN_free(bn);
        return out;
    }

    struct Free
    {
        void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
    };
    Type m_type;
    QString m_kid;
    std::unique_ptr<EVP_PKEY, Free> m_key;
};

inline QByteArray jsonPart(const QJsonObject& object)
{
    return oidc::base64UrlEncode(QJsonDocument(object).toJson(QJsonDocument::Compact));
}

// header.claims.signature, signed by `key` with the header's alg.
inline QByteArray signedJwt(const SigningKey& key, const QJsonObject& header, const QJsonObject& claims)
{
    const QByteArray input = jsonPart(header) + '.' + jsonPart(claims);
    return input + '.' + oidc::base64UrlEncode(key.sign(header.value(QStringLiteral("alg")).toString(), input));
}

// The HMAC confusion attack: HS256 with `secret` (a public key's bytes) as the key.
inline QByteArray hs256Jwt(const QByteArray& secret, const QJsonObject& header, const QJsonObject& claims)
{
    const QByteArray input = jsonPart(header) + '.' + jsonPart(claims);
    return input + '.' + oidc::base64UrlEncode(crypto::hmacSha256(secret, input));
}

inline QByteArray jwks(std::initializer_list<const SigningKey*> keys)
{
    QJsonArray array;
    for (const SigningKey* key : keys)
        array.append(key->jwk());
    return QJsonDocument(QJsonObject{{QStringLiteral("keys"), array}}).toJson(QJsonDocument::Compact);
}

} // namespace gatehouse::test
