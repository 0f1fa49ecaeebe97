#pragma once

#include "AuthorizationRequest.h"
#include "KeySet.h"
#include "ProviderMetadata.h"
#include "TokenValidation.h"
#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>
#include <QString>
#include <QUrl>

#include <memory>

namespace gatehouse::oidc {

// How the client authenticates at the token endpoint (OpenID Connect Core 9).
enum class ClientAuthentication {
    SecretBasic, // HTTP Basic with the form-encoded client id and secret (client_secret_basic, the default)
    SecretPost,  // client_id and client_secret in the form body (client_secret_post)
};

struct ProviderSettings
{
    QString issuer; // exactly as the provider names itself; https, or http to a loopback address only
    QString clientId;
    ClientAuthentication clientAuthentication = ClientAuthentication::SecretBasic;
    // PEM certificates: when not empty, the provider's TLS certificate must chain to one of these and the system's
    // CAs are not trusted for it (a private CA, or a test CA). Empty: the system's trust store.
    QByteArray caCertificatesPem;
    int timeoutMs = 10000;                 // per HTTP request, connection included
    qint64 metadataLifetimeSeconds = 3600; // discovery is fetched again after this
    qint64 keySetLifetimeSeconds = 3600;   // the JWKS is fetched again after this, whatever the tokens say
    qint64 keyRefreshIntervalSeconds = 60; // an unknown kid fetches the JWKS again, at most this often
};

// The answer of the token endpoint to an authorization code.
struct TokenResponse
{
    QByteArray idToken;
    SecureBytes accessToken; // a credential: never logged, never audited
    QString tokenType;       // "Bearer" (compared case-insensitively)
    qint64 expiresIn = 0;    // seconds, 0 when not given
    QString scope;           // the granted scopes when the provider says, else empty
};

// Gatehouse's client of one OpenID provider: discovery, the provider's keys, the authorization request, the code
// exchange and token verification with the keys refreshed when the provider rotates them.
//
// Threading: every public function is blocking and thread-safe, and may be called from any thread, with or without
// a Qt event loop (the control plane's threads included). HTTP runs on the client's own thread, which owns a
// QNetworkAccessManager and an event loop; the caller waits for the answer (each request bounded by timeoutMs) and
// its own event loop, if any, is not spun meanwhile, so no re-entrancy reaches the caller. Do not call from the GUI
// thread. Discovery and the key set are cached and shared by all callers; one fetch at a time.
//
// Errors: Io when the provider cannot be reached, answers late, or its TLS certificate is not trusted;
// InvalidArgument when what it answers is not valid (with the reason); Unauthenticated when it refuses the code
// (the OAuth error code, e.g. invalid_grant, is in the message) or when a token fails a check (the message starts
// with the check's name, see verifyIdToken()).
class ProviderClient
{
public:
    // InvalidArgument (from the first call) when the issuer is not an allowed URL or the CA PEM holds no
    // certificate. The client secret is kept in a scrubbed buffer and sent only to the token endpoint.
    ProviderClient(ProviderSettings settings, SecureBytes clientSecret, const Clock& clock = Clock::system());
    ~ProviderClient();
    ProviderClient(const ProviderClient&) = delete;
    ProviderClient& operator=(const ProviderClient&) = delete;

    const ProviderSettings& settings() const;

    // The provider's discovery document, fetched on first use and again after metadataLifetimeSeconds, checked by
    // ProviderMetadata::parse() against the configured issuer.
    Result<ProviderMetadata> metadata();

    // The provider's signing keys (jwks_uri), fetched on first use and again after keySetLifetimeSeconds.
    Result<KeySet> keySet();
    // Fetches the JWKS now, unless it was fetched less than keyRefreshIntervalSeconds ago (then the cached set).
    Result<KeySet> refreshKeySet();

    // A new authorization request (state, nonce, PKCE, URL) for this client.
    Result<AuthorizationRequest> authorizationRequest(const QUrl& redirectUri, const QStringList& scopes);

    // Exchanges an authorization code at the token endpoint (grant_type=authorization_code, redirect_uri,
    // code_verifier), authenticating as configured. The ID token is returned unverified: pass it to verifyIdToken()
    // with the access token and code for at_hash and c_hash.
    Result<TokenResponse> exchangeCode(QByteArrayView code, const QUrl& redirectUri, QByteArrayView codeVerifier);

    // oidc::verifyIdToken() against the provider's keys; when the token's kid is not in the cached set, the JWKS is
    // fetched again (at most once per keyRefreshIntervalSeconds) and the token checked against the new set. The
    // issuer and client id of `expected` are set from the settings (whatever the caller put there).
    Result<VerifiedToken> verifyIdToken(QByteArrayView jwt, IdTokenExpectations expected,
                                        TokenRefusal* refusal = nullptr);
    // The same for an access token presented for token exchange (the issuer is set from the settings).
    Result<VerifiedToken> verifyAccessTokenJwt(QByteArrayView jwt, AccessTokenExpectations expected,
                                               TokenRefusal* refusal = nullptr);

private:
    struct Private;
    std::unique_ptr<Private> d;
};

} // namespace gatehouse::oidc
