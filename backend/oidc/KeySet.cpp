#include "KeySet.h"

#include "Base64Url.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>

namespace gatehouse::oidc {

QString algorithmName(SignatureAlgorithm algorithm)
{
    switch (algorithm) {
    case SignatureAlgorithm::RS256:
        return QStringLiteral("RS256");
    case SignatureAlgorithm::PS256:
        return QStringLiteral("PS256");
    case SignatureAlgorithm::ES256:
        return QStringLiteral("ES256");
    case SignatureAlgorithm::EdDSA:
        return QStringLiteral("EdDSA");
    }
    return {};
}

std::optional<SignatureAlgorithm> algorithmFromName(QStringView name)
{
    // Exact, case-sensitive names (RFC 7518, RFC 8037): "none", "HS256" and anything else are not verified.
    for (SignatureAlgorithm algorithm :
         {SignatureAlgorithm::RS256, SignatureAlgorithm::PS256, SignatureAlgorithm::ES256, SignatureAlgorithm::EdDSA})
        if (name == algorithmName(algorithm))
            return algorithm;
    // The fully specified name of EdDSA over Ed25519 (RFC 9864), which oidc-provider offers too: the same
    // verification, the same key type.
    if (name == QLatin1String("Ed25519"))
        return SignatureAlgorithm::EdDSA;
    return std::nullopt;
}

bool JsonWebKey::allows(SignatureAlgorithm algorithm) const
{
    return m_algorithms.contains(algorithm);
}

namespace {

Error invalid(const QString& what)
{
    return makeError(ErrorCode::InvalidArgument, QStringLiteral("the provider's key set is not usable: %1").arg(what));
}

struct PkeyDeleter
{
    void operator()(EVP_PKEY* key) const { EVP_PKEY_free(key); }
};

using ParamBuilder = std::unique_ptr<OSSL_PARAM_BLD, decltype(&OSSL_PARAM_BLD_free)>;
using Params = std::unique_ptr<OSSL_PARAM, decltype(&OSSL_PARAM_free)>;
using PkeyContext = std::unique_ptr<EVP_PKEY_CTX, decltype(&EVP_PKEY_CTX_free)>;
using BigNumber = std::unique_ptr<BIGNUM, decltype(&BN_free)>;

// A public key from its OSSL_PARAM description, through OpenSSL's own import; the key is checked (an EC point on
// its curve, an RSA modulus and exponent that make sense) before it is used.
std::shared_ptr<EVP_PKEY> importPublicKey(const char* keyType, const OSSL_PARAM* params)
{
    PkeyContext context(EVP_PKEY_CTX_new_from_name(nullptr, keyType, nullptr), EVP_PKEY_CTX_free);
    EVP_PKEY* key = nullptr;
    if (!context || EVP_PKEY_fromdata_init(context.get()) != 1 ||
        EVP_PKEY_fromdata(context.get(), &key, EVP_PKEY_PUBLIC_KEY, const_cast<OSSL_PARAM*>(params)) != 1)
        return nullptr;
    std::shared_ptr<EVP_PKEY> owned(key, PkeyDeleter());
    PkeyContext check(EVP_PKEY_CTX_new_from_pkey(nullptr, key, nullptr), EVP_PKEY_CTX_free);
    if (!check || EVP_PKEY_public_check(check.get()) != 1)
        return nullptr;
    return owned;
}

std::optional<QByteArray> member(const QJsonObject& jwk, const char* name)
{
    const QJsonValue value = jwk.value(QLatin1String(name));
    if (!value.isString())
        return std::nullopt;
    return base64UrlDecode(value.toString().toLatin1());
}

std::shared_ptr<EVP_PKEY> rsaKey(const QJsonObject& jwk)
{
    const auto n = member(jwk, "n");
    const auto e = member(jwk, "e");
    if (!n || !e || n->isEmpty() || e->isEmpty())
        return nullptr;
    BigNumber modulus(BN_bin2bn(reinterpret_cast<const unsigned char*>(n->constData()), int(n->size()), nullptr),
                      BN_free);
    BigNumber exponent(BN_bin2bn(reinterpret_cast<const unsigned char*>(e->constData()), int(e->size()), nullptr),
                       BN_free);
    ParamBuilder builder(OSSL_PARAM_BLD_new(), OSSL_PARAM_BLD_free);
    if (!modulus || !exponent || !builder ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_N, modulus.get()) != 1 ||
        OSSL_PARAM_BLD_push_BN(builder.get(), OSSL_PKEY_PARAM_RSA_E, exponent.get()) != 1)
        return nullptr;
    Params params(OSSL_PARAM_BLD_to_param(builder.get()), OSSL_PARAM_free);
    return params ? importPublicKey("RSA", params.get()) : nullptr;
}

std::shared_ptr<EVP_PKEY> ecP256Key(const QJsonObject& jwk)
{
    const auto x = member(jwk, "x");
    const auto y = member(jwk, "y");
    // RFC 7518, 6.2.1.2: each coordinate is exactly the field size, 32 octets for P-256.
    if (!x || !y || x->size() != 32 || y->size() != 32)
        return nullptr;
    QByteArray point = QByteArray(1, '\x04') + *x + *y; // SEC 1 uncompressed point
    char group[] = "prime256v1";
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_utf8_string(OSSL_PKEY_PARAM_GROUP_NAME, group, 0),
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, point.data(), size_t(point.size())),
        OSSL_PARAM_construct_end()};
    return importPublicKey("EC", params);
}

std::shared_ptr<EVP_PKEY> ed25519Key(const QJsonObject& jwk)
{
    auto x = member(jwk, "x");
    if (!x || x->size() != 32)
        return nullptr;
    const OSSL_PARAM params[] = {
        OSSL_PARAM_construct_octet_string(OSSL_PKEY_PARAM_PUB_KEY, x->data(), size_t(x->size())),
        OSSL_PARAM_construct_end()};
    return importPublicKey("ED25519", params);
}

} // namespace

Result<KeySet> KeySet::parse(QByteArrayView json)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject() ||
        !document.object().value(QLatin1String("keys")).isArray())
        return invalid(QStringLiteral("it is not a JSON object with a \"keys\" array"));

    KeySet set;
    for (const QJsonValue& item : document.object().value(QLatin1String("keys")).toArray()) {
        const QJsonObject jwk = item.toObject();
        const QString kty = jwk.value(QLatin1String("kty")).toString();
        const QString kid = jwk.value(QLatin1String("kid")).toString();
        const QJsonValue use = jwk.value(QLatin1String("use"));
        const QJsonValue keyOps = jwk.value(QLatin1String("key_ops"));
        // Not for us: encryption keys, keys restricted to other operations, and anything private or symmetric.
        if (!use.isUndefined() && use.toString() != QLatin1String("sig"))
            continue;
        if (!keyOps.isUndefined() && !keyOps.toArray().contains(QJsonValue(QStringLiteral("verify"))))
            continue;
        if (jwk.contains(QLatin1String("d")) || kty == QLatin1String("oct"))
            continue;

        JsonWebKey key;
        key.m_keyId = kid;
        const QString crv = jwk.value(QLatin1String("crv")).toString();
        if (kty == QLatin1String("RSA")) {
            key.m_type = JsonWebKey::Type::Rsa;
            key.m_algorithms = {SignatureAlgorithm::RS256, SignatureAlgorithm::PS256};
            key.m_key = rsaKey(jwk);
            if (!key.m_key)
                return invalid(QStringLiteral("the RSA key \"%1\" is malformed").arg(kid));
            // Shorter RSA keys are not safe to trust (NIST SP 800-131A); a provider still using one is skipped.
            if (EVP_PKEY_get_bits(key.m_key.get()) < 2048)
                continue;
        } else if (kty == QLatin1String("EC") && crv == QLatin1String("P-256")) {
            key.m_type = JsonWebKey::Type::EcP256;
            key.m_algorithms = {SignatureAlgorithm::ES256};
            key.m_key = ecP256Key(jwk);
            if (!key.m_key)
                return invalid(QStringLiteral("the P-256 key \"%1\" is malformed").arg(kid));
        } else if (kty == QLatin1String("OKP") && crv == QLatin1String("Ed25519")) {
            key.m_type = JsonWebKey::Type::Ed25519;
            key.m_algorithms = {SignatureAlgorithm::EdDSA};
            key.m_key = ed25519Key(jwk);
            if (!key.m_key)
                return invalid(QStringLiteral("the Ed25519 key \"%1\" is malformed").arg(kid));
        } else {
            continue; // another type or curve (P-384, Ed448, ...): not verified by Gatehouse
        }
        // The key's own "alg" narrows its algorithms to that one; a key naming an algorithm its type cannot have,
        // or one Gatehouse does not verify, is left out.
        if (const QJsonValue alg = jwk.value(QLatin1String("alg")); !alg.isUndefined()) {
            const auto algorithm = algorithmFromName(alg.toString());
            if (!algorithm || !key.m_algorithms.contains(*algorithm))
                continue;
            key.m_algorithms = {*algorithm};
        }
        for (const JsonWebKey& other : set.m_keys)
            if (other.m_keyId == kid)
                return invalid(QStringLiteral("two signing keys have the key id \"%1\"").arg(kid));
        set.m_keys.push_back(std::move(key));
    }
    if (set.m_keys.empty())
        return invalid(QStringLiteral("it holds no RSA, P-256 or Ed25519 signing key"));
    return set;
}

const JsonWebKey* KeySet::find(const QString& keyId) const
{
    if (keyId.isEmpty())
        return m_keys.size() == 1 ? &m_keys.front() : nullptr;
    for (const JsonWebKey& key : m_keys)
        if (key.keyId() == keyId)
            return &key;
    return nullptr;
}

QStringList KeySet::keyIds() const
{
    QStringList ids;
    for (const JsonWebKey& key : m_keys)
        ids.append(key.keyId());
    return ids;
}

} // namespace gatehouse::oidc
