#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>

#include <openssl/types.h>

#include <memory>
#include <vector>

namespace gatehouse::oidc {

// The JOSE signature algorithms Gatehouse verifies. Never "none", never an HMAC (a provider's public key must not
// be usable as a shared secret).
enum class SignatureAlgorithm {
    RS256, // RSASSA-PKCS1-v1_5 with SHA-256
    PS256, // RSASSA-PSS with SHA-256, MGF1-SHA-256, salt of 32 bytes
    ES256, // ECDSA over P-256 with SHA-256
    EdDSA, // Ed25519
};
QString algorithmName(SignatureAlgorithm algorithm);
// The algorithm of a JOSE "alg" name, or std::nullopt for one Gatehouse does not verify ("none", "HS256", ...).
std::optional<SignatureAlgorithm> algorithmFromName(QStringView name);

// One public key of a provider's JSON Web Key Set, converted to an OpenSSL key with OpenSSL's own API
// (EVP_PKEY_fromdata). Its allowed algorithms follow from its type alone: RSA -> RS256, PS256; EC P-256 -> ES256;
// OKP Ed25519 -> EdDSA. A key's "alg" member, when present, narrows that to one.
class JsonWebKey
{
public:
    enum class Type { Rsa, EcP256, Ed25519 };

    Type type() const { return m_type; }
    const QString& keyId() const { return m_keyId; } // may be empty when the set has a single key
    bool allows(SignatureAlgorithm algorithm) const;
    // The OpenSSL key (shared, read-only; EVP_PKEY verification is safe from several threads).
    EVP_PKEY* key() const { return m_key.get(); }

private:
    friend class KeySet;
    Type m_type = Type::Rsa;
    QString m_keyId;
    QList<SignatureAlgorithm> m_algorithms;
    std::shared_ptr<EVP_PKEY> m_key;
};

// A provider's JSON Web Key Set (RFC 7517), the signing keys only. Copies share the keys; immutable once parsed.
class KeySet
{
public:
    // Parses a JWKS document. Keys whose "use" is not "sig", that are private (carry "d"), that are symmetric
    // ("oct"), of a type or curve Gatehouse does not verify, or RSA keys shorter than 2048 bits are skipped (a
    // provider may publish encryption keys too); a malformed signing key, or two signing keys with the same kid,
    // refuse the whole set. InvalidArgument when the document is not a JWKS or holds no usable signing key.
    static Result<KeySet> parse(QByteArrayView json);

    // The key for a token's header: by kid; without a kid, the only key when the set has exactly one.
    // nullptr when no key matches.
    const JsonWebKey* find(const QString& keyId) const;
    QStringList keyIds() const;
    qsizetype size() const { return qsizetype(m_keys.size()); }
    bool isEmpty() const { return m_keys.empty(); }

private:
    std::vector<JsonWebKey> m_keys;
};

} // namespace gatehouse::oidc
