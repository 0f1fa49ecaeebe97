#include "ProviderClient.h"

namespace gatehouse::oidc {

struct ProviderClient::Private
{
    ProviderSettings settings;
    SecureBytes clientSecret;
    const Clock* clock = nullptr;
};

namespace {
Error notYet()
{
    return makeError(ErrorCode::Internal, QStringLiteral("not implemented yet"));
}
} // namespace

ProviderClient::ProviderClient(ProviderSettings settings, SecureBytes clientSecret, const Clock& clock)
    : d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
    d->clientSecret = std::move(clientSecret);
    d->clock = &clock;
}

ProviderClient::~ProviderClient() = default;

const ProviderSettings& ProviderClient::settings() const
{
    return d->settings;
}

Result<ProviderMetadata> ProviderClient::metadata()
{
    return notYet();
}

Result<KeySet> ProviderClient::keySet()
{
    return notYet();
}

Result<KeySet> ProviderClient::refreshKeySet()
{
    return notYet();
}

Result<AuthorizationRequest> ProviderClient::authorizationRequest(const QUrl&, const QStringList&)
{
    return notYet();
}

Result<TokenResponse> ProviderClient::exchangeCode(QByteArrayView, const QUrl&, QByteArrayView)
{
    return notYet();
}

Result<VerifiedToken> ProviderClient::verifyIdToken(QByteArrayView, IdTokenExpectations, TokenRefusal*)
{
    return notYet();
}

Result<VerifiedToken> ProviderClient::verifyAccessTokenJwt(QByteArrayView, AccessTokenExpectations, TokenRefusal*)
{
    return notYet();
}

} // namespace gatehouse::oidc
