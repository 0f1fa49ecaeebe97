#pragma once

#include "core/Result.h"

#include <QByteArrayView>
#include <QString>
#include <QStringList>
#include <QUrl>

namespace gatehouse::oidc {

// What a provider says about itself at <issuer>/.well-known/openid-configuration (OpenID Connect Discovery 1.0),
// the parts Gatehouse uses.
struct ProviderMetadata
{
    QString issuer;
    QUrl authorizationEndpoint;
    QUrl tokenEndpoint;
    QUrl jwksUri;
    QUrl userinfoEndpoint;                // may be empty
    QStringList idTokenSigningAlgorithms; // id_token_signing_alg_values_supported
    QStringList codeChallengeMethods;     // code_challenge_methods_supported (may be empty: not advertised)
    QStringList tokenEndpointAuthMethods; // token_endpoint_auth_methods_supported (default client_secret_basic)
    QStringList scopesSupported;

    // Parses a discovery document and checks it: its issuer must equal `expectedIssuer` exactly (no trailing-slash
    // or case leniency), every endpoint must be an allowed URL (isAllowedProviderUrl), the ID token algorithms
    // must include one Gatehouse verifies, and if the provider lists PKCE methods, S256 must be among them.
    // InvalidArgument with a message saying which field is wrong otherwise.
    static Result<ProviderMetadata> parse(QByteArrayView json, const QString& expectedIssuer);

    // The discovery URL of an issuer: the issuer with "/.well-known/openid-configuration" appended (after any
    // trailing slash is removed, as the specification says).
    static QUrl discoveryUrl(const QString& issuer);
};

// An issuer or endpoint URL Gatehouse may talk to: https with a host, no user info, no fragment; or http only to a
// loopback address (127.0.0.0/8, ::1, "localhost"), for tests and local providers. Returns a message saying what
// is wrong (for the configuration error), or an empty string when the URL is allowed.
QString providerUrlProblem(const QUrl& url);
inline bool isAllowedProviderUrl(const QUrl& url)
{
    return providerUrlProblem(url).isEmpty();
}

} // namespace gatehouse::oidc
