#include "ProviderMetadata.h"

#include "KeySet.h"

#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::oidc {

QString providerUrlProblem(const QUrl& url)
{
    if (!url.isValid() || url.isRelative() || url.host().isEmpty())
        return QStringLiteral("is not an absolute URL with a host");
    if (!url.userInfo().isEmpty())
        return QStringLiteral("must not carry a user name or password");
    if (url.hasFragment())
        return QStringLiteral("must not have a fragment");
    const QString scheme = url.scheme();
    if (scheme == QLatin1String("https"))
        return {};
    if (scheme == QLatin1String("http")) {
        const QString host = url.host();
        if (host == QLatin1String("localhost") || QHostAddress(host).isLoopback())
            return {};
        return QStringLiteral("must use https (http is allowed only to a loopback address)");
    }
    return QStringLiteral("must use https");
}

QUrl ProviderMetadata::discoveryUrl(const QString& issuer)
{
    QString base = issuer;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    return QUrl(base + QStringLiteral("/.well-known/openid-configuration"), QUrl::StrictMode);
}

namespace {

Error invalid(const QString& what)
{
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("the provider's discovery document is not usable: %1").arg(what));
}

QStringList stringList(const QJsonValue& value)
{
    QStringList out;
    for (const QJsonValue& item : value.toArray())
        if (item.isString())
            out.append(item.toString());
    return out;
}

} // namespace

Result<ProviderMetadata> ProviderMetadata::parse(QByteArrayView json, const QString& expectedIssuer)
{
    QJsonParseError parseError{};
    const QJsonDocument document = QJsonDocument::fromJson(json.toByteArray(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return invalid(QStringLiteral("it is not a JSON object"));
    const QJsonObject object = document.object();

    ProviderMetadata metadata;
    metadata.issuer = object.value(QLatin1String("issuer")).toString();
    // OpenID Connect Discovery 4.3: the issuer must be identical to the one the discovery was made for.
    if (metadata.issuer != expectedIssuer)
        return invalid(QStringLiteral("it names the issuer \"%1\", not the configured \"%2\"")
                           .arg(metadata.issuer, expectedIssuer));
    if (const QString problem = providerUrlProblem(QUrl(metadata.issuer, QUrl::StrictMode)); !problem.isEmpty())
        return invalid(QStringLiteral("the issuer %1").arg(problem));

    const auto endpoint = [&object](const char* name, bool required, QUrl& out) -> QString {
        const QJsonValue value = object.value(QLatin1String(name));
        if (value.isUndefined() && !required)
            return {};
        if (!value.isString())
            return QStringLiteral("%1 is missing").arg(QLatin1String(name));
        out = QUrl(value.toString(), QUrl::StrictMode);
        if (const QString problem = providerUrlProblem(out); !problem.isEmpty())
            return QStringLiteral("%1 %2").arg(QLatin1String(name), problem);
        return {};
    };
    for (const QString& problem :
         {endpoint("authorization_endpoint", true, metadata.authorizationEndpoint),
          endpoint("token_endpoint", true, metadata.tokenEndpoint), endpoint("jwks_uri", true, metadata.jwksUri),
          endpoint("userinfo_endpoint", false, metadata.userinfoEndpoint)})
        if (!problem.isEmpty())
            return invalid(problem);

    metadata.idTokenSigningAlgorithms =
        stringList(object.value(QLatin1String("id_token_signing_alg_values_supported")));
    metadata.codeChallengeMethods = stringList(object.value(QLatin1String("code_challenge_methods_supported")));
    metadata.tokenEndpointAuthMethods =
        stringList(object.value(QLatin1String("token_endpoint_auth_methods_supported")));
    if (metadata.tokenEndpointAuthMethods.isEmpty())
        metadata.tokenEndpointAuthMethods = {QStringLiteral("client_secret_basic")};
    metadata.scopesSupported = stringList(object.value(QLatin1String("scopes_supported")));

    bool verifiable = false;
    for (const QString& name : std::as_const(metadata.idTokenSigningAlgorithms))
        verifiable = verifiable || algorithmFromName(name).has_value();
    if (!verifiable)
        return invalid(QStringLiteral("it signs ID tokens with none of RS256, PS256, ES256, EdDSA"));
    if (!metadata.codeChallengeMethods.isEmpty() && !metadata.codeChallengeMethods.contains(QLatin1String("S256")))
        return invalid(QStringLiteral("it does not support PKCE with S256"));
    return metadata;
}

} // namespace gatehouse::oidc
