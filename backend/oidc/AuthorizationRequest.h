#pragma once

#include "ProviderMetadata.h"
#include "core/Result.h"

#include <QByteArray>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace gatehouse::oidc {

// Proof Key for Code Exchange (RFC 7636) with the S256 method only.
struct Pkce
{
    QByteArray verifier;  // 43 to 128 characters of the unreserved set, from the CSPRNG; a secret until used
    QByteArray challenge; // base64url(SHA-256(verifier))

    // A new verifier of `length` characters (43 to 128; InvalidArgument otherwise) and its challenge.
    static Result<Pkce> generate(int length = 64);
    static QByteArray challengeOf(QByteArrayView verifier);
};

// A fresh random value for "state" or "nonce": 32 bytes from the CSPRNG, base64url (43 characters).
Result<QByteArray> newRandomToken();

// One sign-in's authorization request (OpenID Connect Core 3.1.2.1, code flow) and the values its callback needs.
// The caller keeps state, nonce and the PKCE verifier server-side (bound to the sign-in), never in the URL it hands
// back to anyone else.
struct AuthorizationRequest
{
    QByteArray state;
    QByteArray nonce;
    Pkce pkce;
    QUrl url; // the provider's authorization endpoint with every parameter

    // New state, nonce and PKCE verifier, and the URL: response_type=code, client_id, redirect_uri, scope ("openid"
    // is added when missing), state, nonce, code_challenge, code_challenge_method=S256.
    static Result<AuthorizationRequest> create(const ProviderMetadata& provider, const QString& clientId,
                                               const QUrl& redirectUri, const QStringList& scopes);
};

} // namespace gatehouse::oidc
