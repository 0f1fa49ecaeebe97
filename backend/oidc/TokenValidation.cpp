#include "TokenValidation.h"

#include "Base64Url.h"

#include <QJsonArray>
#include <QJsonDocument>

#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/ec.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

#include <memory>
#include <variant>

namespace gatehouse::oidc {

QString checkName(TokenCheck check)
{
    switch (check) {
    case TokenCheck::Format:
        return QStringLiteral("format");
    case TokenCheck::Algorithm:
        return QStringLiteral("algorithm");
    case TokenCheck::UnknownKey:
        return QStringLiteral("unknown-key");
    case TokenCheck::KeyType:
        return QStringLiteral("key-type");
    case TokenCheck::Signature:
        return QStringLiteral("signature");
    case TokenCheck::Issuer:
        return QStringLiteral("issuer");
    case TokenCheck::Audience:
        return QStringLiteral("audience");
    case TokenCheck::AuthorizedParty:
        return QStringLiteral("authorized-party");
    case TokenCheck::Expiry:
        return QStringLiteral("expiry");
    case TokenCheck::NotBefore:
        return QStringLiteral("not-before");
    case TokenCheck::IssuedAt:
        return QStringLiteral("issued-at");
    case TokenCheck::Nonce:
        return QStringLiteral("nonce");
    case TokenCheck::AccessTokenHash:
        return QStringLiteral("at-hash");
    case TokenCheck::CodeHash:
        return QStringLiteral("c-hash");
    case TokenCheck::Subject:
        return QStringLiteral("subject");
    case TokenCheck::TokenType:
        return QStringLiteral("token-type");
    }
    return QStringLiteral("unknown");
}

namespace {

// Fetched once: OpenSSL 3 algorithm lookups by name are slow.
const EVP_MD* sha256()
{
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    return md;
}

const EVP_MD* sha512()
{
    static EVP_MD* md = EVP_MD_fetch(nullptr, "SHA512", nullptr);
    return md;
}

// Far larger than any ID token; bounds the work done on hostile input before the signature is checked.
constexpr qsizetype maximumTokenSize = 64 * 1024;

struct Refused
{
    TokenCheck check;
    QString detail;
};

struct DecodedToken
{
    QJsonObject header;
    QJsonObject claims;
    QByteArray signingInput; // base64url(header) "." base64url(payload)
    QByteArray signature;
};

std::optional<QJsonObject> jsonObjectOf(QByteArrayView encoded)
{
    const auto bytes = base64UrlDecode(encoded);
    if (!bytes)
        return std::nullopt;
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(*bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return std::nullopt;
    return document.object();
}

std::variant<DecodedToken, Refused> decode(QByteArrayView jwt)
{
    const auto refuse = [](const QString& detail) {
        return Refused{TokenCheck::Format, detail};
    };
    if (jwt.size() > maximumTokenSize)
        return refuse(QStringLiteral("the token is larger than %1 bytes").arg(maximumTokenSize));
    const qsizetype first = jwt.indexOf('.');
    const qsizetype second = first < 0 ? -1 : jwt.indexOf('.', first + 1);
    if (first < 0 || second < 0 || jwt.indexOf('.', second + 1) >= 0)
        return refuse(QStringLiteral("not a compact JWS of three parts (an encrypted token is not accepted)"));
    DecodedToken token;
    const auto header = jsonObjectOf(jwt.first(first));
    if (!header)
        return refuse(QStringLiteral("the header is not base64url-encoded JSON"));
    const auto claims = jsonObjectOf(jwt.sliced(first + 1, second - first - 1));
    if (!claims)
        return refuse(QStringLiteral("the claims are not base64url-encoded JSON"));
    const auto signature = base64UrlDecode(jwt.sliced(second + 1));
    // An empty signature is read here (as "alg": "none" has) and refused by the algorithm and signature checks.
    if (!signature)
        return refuse(QStringLiteral("the signature is not base64url"));
    token.header = *header;
    token.claims = *claims;
    token.signingInput = jwt.first(second).toByteArray();
    token.signature = *signature;
    return token;
}

// JOSE writes an ECDSA signature as r || s, 32 octets each for P-256 (RFC 7518, 3.4); OpenSSL wants DER.
std::optional<QByteArray> ecdsaDerOf(const QByteArray& joseSignature)
{
    if (joseSignature.size() != 64)
        return std::nullopt;
    const auto* bytes = reinterpret_cast<const unsigned char*>(joseSignature.constData());
    ECDSA_SIG* signature = ECDSA_SIG_new();
    BIGNUM* r = BN_bin2bn(bytes, 32, nullptr);
    BIGNUM* s = BN_bin2bn(bytes + 32, 32, nullptr);
    if (!signature || !r || !s || ECDSA_SIG_set0(signature, r, s) != 1) {
        BN_free(r);
        BN_free(s);
        ECDSA_SIG_free(signature);
        return std::nullopt;
    }
    unsigned char* der = nullptr;
    const int length = i2d_ECDSA_SIG(signature, &der);
    ECDSA_SIG_free(signature);
    if (length <= 0)
        return std::nullopt;
    QByteArray out(reinterpret_cast<const char*>(der), length);
    OPENSSL_free(der);
    return out;
}

bool verifySignature(const JsonWebKey& key, SignatureAlgorithm algorithm, const QByteArray& signingInput,
                     const QByteArray& joseSignature)
{
    QByteArray signature = joseSignature;
    if (algorithm == SignatureAlgorithm::ES256) {
        const auto der = ecdsaDerOf(joseSignature);
        if (!der)
            return false;
        signature = *der;
    }
    std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), EVP_MD_CTX_free);
    EVP_PKEY_CTX* keyContext = nullptr;
    // Ed25519 signs the message itself, with no separate digest.
    const EVP_MD* md = algorithm == SignatureAlgorithm::EdDSA ? nullptr : sha256();
    if (!context || EVP_DigestVerifyInit(context.get(), &keyContext, md, nullptr, key.key()) != 1)
        return false;
    if (algorithm == SignatureAlgorithm::PS256 &&
        (EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PSS_PADDING) != 1 ||
         EVP_PKEY_CTX_set_rsa_pss_saltlen(keyContext, RSA_PSS_SALTLEN_DIGEST) != 1 ||
         EVP_PKEY_CTX_set_rsa_mgf1_md(keyContext, sha256()) != 1))
        return false;
    if (algorithm == SignatureAlgorithm::RS256 && EVP_PKEY_CTX_set_rsa_padding(keyContext, RSA_PKCS1_PADDING) != 1)
        return false;
    return EVP_DigestVerify(context.get(), reinterpret_cast<const unsigned char*>(signature.constData()),
                            size_t(signature.size()), reinterpret_cast<const unsigned char*>(signingInput.constData()),
                            size_t(signingInput.size())) == 1;
}

// at_hash and c_hash (OpenID Connect Core 3.1.3.6, 3.3.2.11): the left half of the hash that the token's alg uses,
// base64url; SHA-256 for the *256 algorithms, SHA-512 for EdDSA with Ed25519.
QByteArray leftHalfHash(SignatureAlgorithm algorithm, QByteArrayView value)
{
    const EVP_MD* md = algorithm == SignatureAlgorithm::EdDSA ? sha512() : sha256();
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    if (EVP_Digest(value.data(), size_t(value.size()), digest, &length, md, nullptr) != 1)
        qFatal("digest failed");
    return base64UrlEncode(QByteArrayView(reinterpret_cast<const char*>(digest), length / 2));
}

bool constantTimeEquals(QByteArrayView a, QByteArrayView b)
{
    return a.size() == b.size() && CRYPTO_memcmp(a.data(), b.data(), size_t(a.size())) == 0;
}

// A NumericDate (RFC 7519, 2): a JSON number of seconds; fractions are allowed and cut.
std::optional<qint64> numericDate(const QJsonObject& claims, const char* name)
{
    const QJsonValue value = claims.value(QLatin1String(name));
    if (!value.isDouble())
        return std::nullopt;
    const double seconds = value.toDouble();
    if (!(seconds >= 0 && seconds < 1e12))
        return std::nullopt;
    return qint64(seconds);
}

struct Checks
{
    QString issuer;
    QString audience;
    bool idToken = true;
    QByteArrayView nonce;
    qint64 now = 0;
    qint64 skew = 60;
    QByteArrayView accessToken;
    QByteArrayView code;
    bool requireJwtAccessTokenType = false;
};

std::variant<VerifiedToken, Refused> verify(QByteArrayView jwt, const KeySet& keys, const Checks& checks)
{
    auto decoded = decode(jwt);
    if (auto* refused = std::get_if<Refused>(&decoded))
        return *refused;
    const DecodedToken& token = std::get<DecodedToken>(decoded);

    // The header: algorithm from the allowlist, no extension Gatehouse does not know, the key by kid, the
    // algorithm allowed for that key's type. Nothing else in the header is trusted (no jku, x5u or embedded jwk).
    const QJsonValue alg = token.header.value(QLatin1String("alg"));
    const auto algorithm = alg.isString() ? algorithmFromName(alg.toString()) : std::nullopt;
    if (!algorithm)
        return Refused{TokenCheck::Algorithm,
                       alg.isString()
                           ? QStringLiteral("the algorithm \"%1\" is not accepted").arg(alg.toString().left(20))
                           : QStringLiteral("the header names no algorithm")};
    if (token.header.contains(QLatin1String("crit")))
        return Refused{TokenCheck::Format, QStringLiteral("the header has critical extensions")};
    if (checks.requireJwtAccessTokenType) {
        const QString type = token.header.value(QLatin1String("typ")).toString().toLower();
        if (type != QLatin1String("at+jwt") && type != QLatin1String("application/at+jwt"))
            return Refused{TokenCheck::TokenType, QStringLiteral("the token type is not at+jwt")};
    }
    const QJsonValue kidValue = token.header.value(QLatin1String("kid"));
    const QString kid = kidValue.toString();
    if (!kidValue.isUndefined() && !kidValue.isString())
        return Refused{TokenCheck::Format, QStringLiteral("the key id is not a string")};
    const JsonWebKey* key = keys.find(kid);
    if (!key)
        return Refused{TokenCheck::UnknownKey,
                       QStringLiteral("no key of the provider's set has the id \"%1\"").arg(kid.left(100))};
    if (!key->allows(*algorithm))
        return Refused{
            TokenCheck::KeyType,
            QStringLiteral("the key \"%1\" may not verify %2").arg(kid.left(100), algorithmName(*algorithm))};
    if (!verifySignature(*key, *algorithm, token.signingInput, token.signature))
        return Refused{TokenCheck::Signature, QStringLiteral("the %1 signature does not verify with the key \"%2\"")
                                                  .arg(algorithmName(*algorithm), kid.left(100))};

    // The claims, now that they are known to come from the provider.
    const QJsonObject& claims = token.claims;
    VerifiedToken verified;
    verified.claims = claims;
    verified.keyId = kid;
    verified.algorithm = *algorithm;
    verified.issuer = claims.value(QLatin1String("iss")).toString();
    if (verified.issuer != checks.issuer)
        return Refused{TokenCheck::Issuer,
                       QStringLiteral("issued by \"%1\", not \"%2\"").arg(verified.issuer.left(200), checks.issuer)};

    const QJsonValue aud = claims.value(QLatin1String("aud"));
    if (aud.isString())
        verified.audiences = {aud.toString()};
    else
        for (const QJsonValue& item : aud.toArray())
            verified.audiences.append(item.toString());
    if (checks.audience.isEmpty() || !verified.audiences.contains(checks.audience))
        return Refused{TokenCheck::Audience, QStringLiteral("the audience is not \"%1\"").arg(checks.audience)};
    if (checks.idToken) {
        const QJsonValue azp = claims.value(QLatin1String("azp"));
        if (verified.audiences.size() > 1 && azp.isUndefined())
            return Refused{TokenCheck::AuthorizedParty,
                           QStringLiteral("several audiences and no authorized party (azp)")};
        if (!azp.isUndefined() && azp.toString() != checks.audience)
            return Refused{TokenCheck::AuthorizedParty,
                           QStringLiteral("the authorized party (azp) is not \"%1\"").arg(checks.audience)};
    }

    const auto exp = numericDate(claims, "exp");
    if (!exp || checks.now - checks.skew >= *exp)
        return Refused{TokenCheck::Expiry, exp ? QStringLiteral("expired %1 s ago").arg(checks.now - *exp)
                                               : QStringLiteral("no expiry time")};
    verified.expiresAt = *exp;
    if (claims.contains(QLatin1String("nbf"))) {
        const auto nbf = numericDate(claims, "nbf");
        if (!nbf || *nbf > checks.now + checks.skew)
            return Refused{TokenCheck::NotBefore,
                           nbf ? QStringLiteral("not valid for another %1 s").arg(*nbf - checks.now)
                               : QStringLiteral("the not-before time is not a number")};
    }
    const auto iat = numericDate(claims, "iat");
    if (checks.idToken && !iat)
        return Refused{TokenCheck::IssuedAt, QStringLiteral("no issue time")};
    if (claims.contains(QLatin1String("iat")) && (!iat || *iat > checks.now + checks.skew))
        return Refused{TokenCheck::IssuedAt, iat ? QStringLiteral("issued %1 s in the future").arg(*iat - checks.now)
                                                 : QStringLiteral("the issue time is not a number")};
    verified.issuedAt = iat.value_or(0);

    if (checks.idToken) {
        const QJsonValue nonce = claims.value(QLatin1String("nonce"));
        if (checks.nonce.isEmpty())
            return Refused{TokenCheck::Nonce, QStringLiteral("no nonce was expected for this sign-in")};
        if (!nonce.isString() || !constantTimeEquals(nonce.toString().toUtf8(), checks.nonce))
            return Refused{TokenCheck::Nonce, nonce.isString() ? QStringLiteral("the nonce is not this sign-in's")
                                                               : QStringLiteral("the token has no nonce")};
    }

    verified.subject = claims.value(QLatin1String("sub")).toString();
    if (verified.subject.isEmpty())
        return Refused{TokenCheck::Subject, QStringLiteral("no subject")};

    if (checks.idToken) {
        const QJsonValue atHash = claims.value(QLatin1String("at_hash"));
        if (!atHash.isUndefined() && !checks.accessToken.isEmpty() &&
            !constantTimeEquals(atHash.toString().toLatin1(), leftHalfHash(*algorithm, checks.accessToken)))
            return Refused{TokenCheck::AccessTokenHash, QStringLiteral("at_hash is not the access token's hash")};
        const QJsonValue cHash = claims.value(QLatin1String("c_hash"));
        if (!cHash.isUndefined() && !checks.code.isEmpty() &&
            !constantTimeEquals(cHash.toString().toLatin1(), leftHalfHash(*algorithm, checks.code)))
            return Refused{TokenCheck::CodeHash, QStringLiteral("c_hash is not the authorization code's hash")};
    }

    for (const QJsonValue& item : claims.value(QLatin1String("amr")).toArray())
        if (item.isString())
            verified.amr.append(item.toString());
    verified.acr = claims.value(QLatin1String("acr")).toString();
    if (const auto authTime = numericDate(claims, "auth_time"))
        verified.authTime = *authTime;
    return verified;
}

Result<VerifiedToken> finish(std::variant<VerifiedToken, Refused> outcome, TokenRefusal* refusal)
{
    if (auto* refused = std::get_if<Refused>(&outcome)) {
        if (refusal)
            *refusal = TokenRefusal{refused->check, refused->detail};
        return makeError(ErrorCode::Unauthenticated,
                         QStringLiteral("%1: %2").arg(checkName(refused->check), refused->detail));
    }
    return std::get<VerifiedToken>(std::move(outcome));
}

} // namespace

Result<VerifiedToken> verifyIdToken(QByteArrayView jwt, const KeySet& keys, const IdTokenExpectations& expected,
                                    TokenRefusal* refusal)
{
    Checks checks;
    checks.issuer = expected.issuer;
    checks.audience = expected.clientId;
    checks.nonce = expected.nonce;
    checks.now = expected.nowSeconds;
    checks.skew = expected.skewSeconds;
    checks.accessToken = expected.accessToken;
    checks.code = expected.code;
    return finish(verify(jwt, keys, checks), refusal);
}

Result<VerifiedToken> verifyAccessTokenJwt(QByteArrayView jwt, const KeySet& keys,
                                           const AccessTokenExpectations& expected, TokenRefusal* refusal)
{
    Checks checks;
    checks.issuer = expected.issuer;
    checks.audience = expected.audience;
    checks.idToken = false;
    checks.now = expected.nowSeconds;
    checks.skew = expected.skewSeconds;
    checks.requireJwtAccessTokenType = expected.requireJwtAccessTokenType;
    return finish(verify(jwt, keys, checks), refusal);
}

std::optional<TokenHeader> peekHeader(QByteArrayView jwt)
{
    if (jwt.size() > maximumTokenSize)
        return std::nullopt;
    const qsizetype dot = jwt.indexOf('.');
    const auto header = dot > 0 ? jsonObjectOf(jwt.first(dot)) : std::nullopt;
    if (!header)
        return std::nullopt;
    return TokenHeader{header->value(QLatin1String("kid")).toString(), header->value(QLatin1String("alg")).toString(),
                       header->value(QLatin1String("typ")).toString()};
}

QJsonValue claimAt(const QJsonObject& claims, const QString& path)
{
    if (claims.contains(path))
        return claims.value(path);
    QJsonValue value(claims);
    for (const QString& part : path.split(QLatin1Char('.'))) {
        if (!value.isObject())
            return QJsonValue(QJsonValue::Undefined);
        value = value.toObject().value(part);
    }
    return value;
}

} // namespace gatehouse::oidc
