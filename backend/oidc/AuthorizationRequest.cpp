#include "AuthorizationRequest.h"

#include "Base64Url.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"

namespace gatehouse::oidc {

Result<Pkce> Pkce::generate(int length)
{
    if (length < 43 || length > 128)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a PKCE verifier is 43 to 128 characters long (RFC 7636, 4.1)"));
    // base64url of random bytes is within the unreserved set; enough bytes for `length` characters, then cut.
    auto random = crypto::randomBytes((length * 3 + 3) / 4);
    if (!random)
        return random.error();
    Pkce pkce;
    pkce.verifier = base64UrlEncode(random.value()).left(length);
    pkce.challenge = challengeOf(pkce.verifier);
    return pkce;
}

QByteArray Pkce::challengeOf(QByteArrayView verifier)
{
    return base64UrlEncode(crypto::sha256(verifier));
}

Result<QByteArray> newRandomToken()
{
    auto random = crypto::randomBytes(32);
    if (!random)
        return random.error();
    return base64UrlEncode(random.value());
}

Result<AuthorizationRequest> AuthorizationRequest::create(const ProviderMetadata& provider, const QString& clientId,
                                                          const QUrl& redirectUri, const QStringList& scopes)
{
    if (clientId.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the OIDC client id is empty"));
    if (!redirectUri.isValid() || redirectUri.isRelative())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the redirect URI is not an absolute URL"));
    AuthorizationRequest request;
    auto state = newRandomToken();
    auto nonce = newRandomToken();
    auto pkce = Pkce::generate();
    if (!state)
        return state.error();
    if (!nonce)
        return nonce.error();
    if (!pkce)
        return pkce.error();
    request.state = std::move(state).value();
    request.nonce = std::move(nonce).value();
    request.pkce = std::move(pkce).value();

    QStringList scope = scopes;
    if (!scope.contains(QStringLiteral("openid")))
        scope.prepend(QStringLiteral("openid"));
    // Every value percent-encoded by hand: QUrlQuery leaves '+' alone, which form decoding reads as a space.
    QByteArray query = provider.authorizationEndpoint.query(QUrl::FullyEncoded).toLatin1();
    const auto add = [&query](const char* name, const QByteArray& value) {
        if (!query.isEmpty())
            query.append('&');
        query.append(name).append('=').append(QUrl::toPercentEncoding(QString::fromUtf8(value)));
    };
    add("response_type", "code");
    add("client_id", clientId.toUtf8());
    add("redirect_uri", redirectUri.toString(QUrl::FullyEncoded).toUtf8());
    add("scope", scope.join(QLatin1Char(' ')).toUtf8());
    add("state", request.state);
    add("nonce", request.nonce);
    add("code_challenge", request.pkce.challenge);
    add("code_challenge_method", "S256");
    request.url = provider.authorizationEndpoint;
    request.url.setQuery(QString::fromLatin1(query), QUrl::StrictMode);
    return request;
}

} // namespace gatehouse::oidc
