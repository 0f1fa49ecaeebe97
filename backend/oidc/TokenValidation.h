#pragma once

#include "KeySet.h"
#include "core/Result.h"

#include <QByteArray>
#include <QByteArrayView>
#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace gatehouse::oidc {

// The check a token failed. Its name goes into the audit event; the client only ever sees the same generic 401 as
// a wrong password.
enum class TokenCheck {
    Format,          // not a compact JWS of three base64url parts with JSON header and claims, or a JWE
    Algorithm,       // "alg" missing, "none", an HMAC, or not one Gatehouse verifies
    UnknownKey,      // no key of the provider's set has the header's kid
    KeyType,         // the key exists but its type does not allow the header's alg (RS256 header, EC key)
    Signature,       // the signature does not verify
    Issuer,          // "iss" is not the configured issuer
    Audience,        // "aud" does not contain the client id (or the expected audience of an access token)
    AuthorizedParty, // several audiences and "azp" missing, or "azp" present and not the client id
    Expiry,          // "exp" missing or passed (beyond the allowed clock skew)
    NotBefore,       // "nbf" in the future (beyond the skew)
    IssuedAt,        // "iat" missing or in the future (beyond the skew)
    Nonce,           // "nonce" missing or not the one sent with this sign-in (replayed, or another sign-in's)
    AccessTokenHash, // "at_hash" present and not the hash of the access token received with it
    CodeHash,        // "c_hash" present and not the hash of the authorization code
    Subject,         // "sub" missing or empty
    TokenType,       // an access token whose "typ" header is not at+jwt when that is required
};
// A stable lower-case name, e.g. "issuer", "unknown-key", "signature", for audit events and tests.
QString checkName(TokenCheck check);

// Why a token was refused: the check, and a detail for the audit event that never contains the token, a key, a
// nonce or a code (values such as the issuer or audience a token carried may appear).
struct TokenRefusal
{
    TokenCheck check = TokenCheck::Format;
    QString detail;
};

struct IdTokenExpectations
{
    QString issuer;             // exactly as configured (and as discovery confirmed)
    QString clientId;           // must be in "aud"; "azp" must equal it when present or when aud has several values
    QByteArray nonce;           // the nonce sent in this sign-in's authorization request; required
    qint64 nowSeconds = 0;      // Unix time; from the control plane's Clock so tests can move it
    qint64 skewSeconds = 60;    // tolerance for exp, nbf and iat
    QByteArrayView accessToken; // when given and the token has "at_hash", it must match
    QByteArrayView code;        // when given and the token has "c_hash", it must match
};

struct AccessTokenExpectations
{
    QString issuer;
    QString audience; // must be in "aud" (the audience the tenant configured for token exchange)
    qint64 nowSeconds = 0;
    qint64 skewSeconds = 60;
    bool requireJwtAccessTokenType = false; // refuse unless the header's typ is "at+jwt" (RFC 9068)
};

// A token whose every check passed.
struct VerifiedToken
{
    QJsonObject claims; // the whole claim set, for the claim mapping
    QString subject;
    QString issuer;
    QStringList audiences;
    QStringList amr;      // authentication methods references, when present
    QString acr;          // authentication context class, when present
    qint64 expiresAt = 0; // Unix seconds
    qint64 issuedAt = 0;
    qint64 authTime = 0; // "auth_time" when present, else 0
    QString keyId;
    SignatureAlgorithm algorithm = SignatureAlgorithm::RS256;
};

// Verifies an ID token (OpenID Connect Core 1.0, 3.1.3.7): compact JWS form, alg from the allowlist and bound to
// the key's type, signature, iss, aud, azp, exp, nbf, iat, nonce, sub, at_hash and c_hash, in that order. On failure
// the Error is Unauthenticated with the message "<checkName>: <detail>", and `refusal`, when given, is filled.
// Thread-safe; no I/O.
Result<VerifiedToken> verifyIdToken(QByteArrayView jwt, const KeySet& keys, const IdTokenExpectations& expected,
                                    TokenRefusal* refusal = nullptr);

// Verifies a provider-issued access token that is a JWT (token exchange): the same checks as an ID token, with the
// expected audience instead of the client id, and no nonce, azp, at_hash or c_hash.
Result<VerifiedToken> verifyAccessTokenJwt(QByteArrayView jwt, const KeySet& keys,
                                           const AccessTokenExpectations& expected, TokenRefusal* refusal = nullptr);

// The kid and alg of a token's header without verifying anything (to decide whether to refresh the key set), or
// std::nullopt when the header cannot be read.
struct TokenHeader
{
    QString keyId;
    QString algorithm;
    QString type;
};
std::optional<TokenHeader> peekHeader(QByteArrayView jwt);

// A claim by name or by path: first the claim whose name is exactly `path` (claim names may contain dots, e.g. a
// URL), otherwise the dot-separated path through nested objects ("org.groups"). Undefined when absent.
QJsonValue claimAt(const QJsonObject& claims, const QString& path);

} // namespace gatehouse::oidc
