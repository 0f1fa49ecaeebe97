#include "ProviderClient.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QNetworkRequest>
#include <QPointer>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QThread>
#include <QTimer>

#include <openssl/crypto.h>

#include <future>
#include <mutex>
#include <optional>

Q_LOGGING_CATEGORY(lcOidc, "gatehouse.oidc", QtInfoMsg)

namespace gatehouse::oidc {

namespace {

// A provider's documents are small; more than this is refused rather than held in memory.
constexpr qint64 maximumAnswerSize = 1024 * 1024;

struct HttpAnswer
{
    int status = 0;
    QByteArray body;
};

} // namespace

struct ProviderClient::Private
{
    ProviderSettings settings;
    SecureBytes clientSecret;
    const Clock* clock = nullptr;
    std::optional<Error> configurationError;
    QSslConfiguration tls;

    // The HTTP side: a thread of its own with an event loop; `context` lives there and owns the access manager.
    QThread thread;
    QObject* context = nullptr;
    QNetworkAccessManager* network = nullptr; // created and used on `thread` only

    // The caches, and one fetch at a time.
    std::mutex mutex;
    std::optional<ProviderMetadata> metadata;
    qint64 metadataFetchedMs = 0;
    std::optional<KeySet> keys;
    qint64 keysFetchedMs = 0;

    Result<HttpAnswer> send(QNetworkRequest request, const QByteArray& verb, const QByteArray& body);
    Result<ProviderMetadata> metadataLocked();
    Result<KeySet> fetchKeysLocked();
    Result<KeySet> keySet(bool refresh);
    template <typename Expectations, typename Verify>
    Result<VerifiedToken> verifyWithRefresh(QByteArrayView jwt, const Expectations& expected, TokenRefusal* refusal,
                                            Verify verify);
};

ProviderClient::ProviderClient(ProviderSettings settings, SecureBytes clientSecret, const Clock& clock)
    : d(std::make_unique<Private>())
{
    d->settings = std::move(settings);
    d->clientSecret = std::move(clientSecret);
    d->clock = &clock;

    if (const QString problem = providerUrlProblem(QUrl(d->settings.issuer, QUrl::StrictMode)); !problem.isEmpty())
        d->configurationError =
            makeError(ErrorCode::InvalidArgument, QStringLiteral("the OIDC issuer %1").arg(problem));
    else if (d->settings.clientId.isEmpty())
        d->configurationError = makeError(ErrorCode::InvalidArgument, QStringLiteral("the OIDC client id is empty"));

    d->tls = QSslConfiguration::defaultConfiguration();
    d->tls.setProtocol(QSsl::TlsV1_2OrLater);
    if (!d->settings.caCertificatesPem.isEmpty()) {
        const QList<QSslCertificate> cas = QSslCertificate::fromData(d->settings.caCertificatesPem, QSsl::Pem);
        if (cas.isEmpty())
            d->configurationError =
                makeError(ErrorCode::InvalidArgument,
                          QStringLiteral(
                              "the OIDC provider's CA certificates hold no PEM certificate; paste the CA in PEM form"));
        d->tls.setCaCertificates(cas); // only these: the system's CAs are not trusted for this provider
    }

    d->context = new QObject;
    d->context->moveToThread(&d->thread);
    d->thread.setObjectName(QStringLiteral("oidc-client"));
    d->thread.start();
}

ProviderClient::~ProviderClient()
{
    // The access manager and its replies are deleted on their own thread, which then releases its OpenSSL state
    // (TLS ran there) before it ends.
    QObject* context = d->context;
    QMetaObject::invokeMethod(
        context,
        [context] {
            delete context;
            OPENSSL_thread_stop();
        },
        Qt::BlockingQueuedConnection);
    d->thread.quit();
    d->thread.wait();
}

const ProviderSettings& ProviderClient::settings() const
{
    return d->settings;
}

Result<HttpAnswer> ProviderClient::Private::send(QNetworkRequest request, const QByteArray& verb,
                                                 const QByteArray& body)
{
    const QUrl url = request.url();
    const QString host = url.host();
    if (const QString problem = providerUrlProblem(url); !problem.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the provider's URL %1").arg(problem));
    request.setSslConfiguration(tls);
    // A provider's endpoints answer directly; a redirect could lead anywhere, including to plain http.
    request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    request.setHeader(QNetworkRequest::UserAgentHeader, QByteArrayLiteral("Gatehouse"));
    request.setRawHeader("Accept", "application/json");

    auto promise = std::make_shared<std::promise<Result<HttpAnswer>>>();
    std::future<Result<HttpAnswer>> answer = promise->get_future();
    const int timeoutMs = settings.timeoutMs;
    QMetaObject::invokeMethod(
        context,
        [this, request, verb, body, promise, timeoutMs, host] {
            if (!network)
                network = new QNetworkAccessManager(context);
            QNetworkReply* reply = network->sendCustomRequest(request, verb, body);
            // Why this side ended the request, when it did: the answer took too long, or grew too large.
            auto* timer = new QTimer(reply);
            timer->setSingleShot(true);
            QObject::connect(timer, &QTimer::timeout, reply, [reply, timeoutMs, host] {
                reply->setProperty(
                    "gatehouse.abort",
                    QStringLiteral("the OpenID provider %1 did not answer within %2 ms").arg(host).arg(timeoutMs));
                reply->abort();
            });
            timer->start(timeoutMs);
            QObject::connect(reply, &QNetworkReply::downloadProgress, reply, [reply, host](qint64 received, qint64) {
                if (received <= maximumAnswerSize)
                    return;
                reply->setProperty("gatehouse.abort",
                                   QStringLiteral("the OpenID provider %1 answered more than %2 bytes")
                                       .arg(host)
                                       .arg(maximumAnswerSize));
                reply->abort();
            });
            QObject::connect(reply, &QNetworkReply::finished, reply, [reply, promise, host] {
                reply->deleteLater();
                if (const QString aborted = reply->property("gatehouse.abort").toString(); !aborted.isEmpty()) {
                    promise->set_value(makeError(ErrorCode::Io, aborted));
                    return;
                }
                const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
                // HTTP error statuses still carry the provider's answer (the token endpoint's OAuth error).
                if (status == 0) {
                    promise->set_value(makeError(
                        ErrorCode::Io,
                        QStringLiteral("cannot reach the OpenID provider %1: %2").arg(host, reply->errorString())));
                    return;
                }
                promise->set_value(HttpAnswer{status, reply->readAll()});
            });
        },
        Qt::QueuedConnection);
    // The reply's own timer ends the request; the margin only guards against a stalled thread.
    if (answer.wait_for(std::chrono::milliseconds(timeoutMs + 5000)) != std::future_status::ready)
        return makeError(ErrorCode::Io, QStringLiteral("the OpenID provider %1 did not answer in time").arg(host));
    return answer.get();
}

namespace {

Error badAnswer(const char* what, const HttpAnswer& answer)
{
    return makeError(ErrorCode::Io,
                     QStringLiteral("the OpenID provider answered HTTP %1 for its %2").arg(answer.status).arg(what));
}

} // namespace

Result<ProviderMetadata> ProviderClient::Private::metadataLocked()
{
    if (configurationError)
        return *configurationError;
    const qint64 now = clock->nowMs();
    if (metadata && now - metadataFetchedMs < settings.metadataLifetimeSeconds * 1000)
        return *metadata;
    auto answer = send(QNetworkRequest(ProviderMetadata::discoveryUrl(settings.issuer)), "GET", {});
    if (!answer)
        return answer.error();
    if (answer.value().status != 200)
        return badAnswer("discovery document", answer.value());
    auto parsed = ProviderMetadata::parse(answer.value().body, settings.issuer);
    if (!parsed)
        return parsed.error();
    metadata = parsed.value();
    metadataFetchedMs = now;
    qCInfo(lcOidc) << "discovery of" << settings.issuer << "fetched";
    return parsed;
}

Result<KeySet> ProviderClient::Private::fetchKeysLocked()
{
    auto provider = metadataLocked();
    if (!provider)
        return provider.error();
    auto answer = send(QNetworkRequest(provider.value().jwksUri), "GET", {});
    if (!answer)
        return answer.error();
    if (answer.value().status != 200)
        return badAnswer("key set", answer.value());
    auto parsed = KeySet::parse(answer.value().body);
    if (!parsed)
        return parsed.error();
    keys = parsed.value();
    keysFetchedMs = clock->nowMs();
    qCInfo(lcOidc) << "key set of" << settings.issuer << "fetched:" << parsed.value().keyIds();
    return parsed;
}

Result<KeySet> ProviderClient::Private::keySet(bool refresh)
{
    std::lock_guard lock(mutex);
    const qint64 age = clock->nowMs() - keysFetchedMs;
    if (keys && !refresh && age < settings.keySetLifetimeSeconds * 1000)
        return *keys;
    // An unknown kid may be a rotation, or an attacker's token: the provider is asked at most once per interval.
    if (keys && refresh && age < settings.keyRefreshIntervalSeconds * 1000)
        return *keys;
    return fetchKeysLocked();
}

Result<ProviderMetadata> ProviderClient::metadata()
{
    std::lock_guard lock(d->mutex);
    return d->metadataLocked();
}

Result<KeySet> ProviderClient::keySet()
{
    return d->keySet(false);
}

Result<KeySet> ProviderClient::refreshKeySet()
{
    return d->keySet(true);
}

Result<AuthorizationRequest> ProviderClient::authorizationRequest(const QUrl& redirectUri, const QStringList& scopes)
{
    auto provider = metadata();
    if (!provider)
        return provider.error();
    return AuthorizationRequest::create(provider.value(), d->settings.clientId, redirectUri, scopes);
}

Result<TokenResponse> ProviderClient::exchangeCode(QByteArrayView code, const QUrl& redirectUri,
                                                   QByteArrayView codeVerifier)
{
    auto provider = metadata();
    if (!provider)
        return provider.error();
    const bool basic = d->settings.clientAuthentication == ClientAuthentication::SecretBasic;
    const QString method = basic ? QStringLiteral("client_secret_basic") : QStringLiteral("client_secret_post");
    if (!provider.value().tokenEndpointAuthMethods.contains(method))
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the OpenID provider does not accept %1 at its token endpoint; choose one of: %2")
                .arg(method, provider.value().tokenEndpointAuthMethods.join(QStringLiteral(", "))));

    const auto encode = [](QByteArrayView value) {
        return QUrl::toPercentEncoding(QString::fromUtf8(value));
    };
    QByteArray form = "grant_type=authorization_code&code=" + encode(code) +
                      "&redirect_uri=" + encode(redirectUri.toString(QUrl::FullyEncoded).toUtf8()) +
                      "&code_verifier=" + encode(codeVerifier);
    QNetworkRequest request(provider.value().tokenEndpoint);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    // RFC 6749, 2.3.1: the id and secret are form-encoded before they are joined for HTTP Basic.
    QByteArray credentials;
    if (basic) {
        credentials = encode(d->settings.clientId.toUtf8()) + ':' + encode(d->clientSecret.view());
        request.setRawHeader("Authorization", "Basic " + credentials.toBase64());
    } else {
        form +=
            "&client_id=" + encode(d->settings.clientId.toUtf8()) + "&client_secret=" + encode(d->clientSecret.view());
    }
    auto answer = d->send(request, "POST", form);
    // Best effort: our own copies of the secret are scrubbed (Qt's copies are its own).
    form.fill('\0');
    credentials.fill('\0');
    if (!answer)
        return answer.error();

    const QJsonObject body = QJsonDocument::fromJson(answer.value().body).object();
    if (answer.value().status != 200) {
        const QString error = body.value(QLatin1String("error")).toString().left(64);
        if (error.isEmpty())
            return badAnswer("token endpoint", answer.value());
        const QString description = body.value(QLatin1String("error_description")).toString().left(200);
        return makeError(ErrorCode::Unauthenticated,
                         QStringLiteral("the OpenID provider refused the authorization code: %1%2")
                             .arg(error, description.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(description)));
    }
    TokenResponse response;
    response.idToken = body.value(QLatin1String("id_token")).toString().toLatin1();
    response.tokenType = body.value(QLatin1String("token_type")).toString();
    response.expiresIn = qint64(body.value(QLatin1String("expires_in")).toDouble());
    response.scope = body.value(QLatin1String("scope")).toString();
    const QByteArray accessToken = body.value(QLatin1String("access_token")).toString().toUtf8();
    response.accessToken =
        SecureBytes(reinterpret_cast<const unsigned char*>(accessToken.constData()), std::size_t(accessToken.size()));
    if (response.idToken.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the OpenID provider's token answer has no ID token (is \"openid\" a scope?)"));
    if (response.tokenType.compare(QLatin1String("Bearer"), Qt::CaseInsensitive) != 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the OpenID provider issued a \"%1\" token, not a Bearer token")
                             .arg(response.tokenType.left(32)));
    return response;
}

template <typename Expectations, typename Verify>
Result<VerifiedToken> ProviderClient::Private::verifyWithRefresh(QByteArrayView jwt, const Expectations& expected,
                                                                 TokenRefusal* refusal, Verify verify)
{
    auto cached = keySet(false);
    if (!cached)
        return cached.error();
    TokenRefusal first;
    auto verified = verify(jwt, cached.value(), expected, &first);
    if (verified || first.check != TokenCheck::UnknownKey) {
        if (!verified && refusal)
            *refusal = first;
        return verified;
    }
    // A kid we do not know: perhaps the provider rotated its keys since the set was fetched.
    auto refreshed = keySet(true);
    if (!refreshed)
        return refreshed.error();
    return verify(jwt, refreshed.value(), expected, refusal);
}

Result<VerifiedToken> ProviderClient::verifyIdToken(QByteArrayView jwt, IdTokenExpectations expected,
                                                    TokenRefusal* refusal)
{
    expected.issuer = d->settings.issuer;
    expected.clientId = d->settings.clientId;
    return d->verifyWithRefresh(jwt, expected, refusal,
                                [](QByteArrayView token, const KeySet& set, const IdTokenExpectations& e,
                                   TokenRefusal* r) { return oidc::verifyIdToken(token, set, e, r); });
}

Result<VerifiedToken> ProviderClient::verifyAccessTokenJwt(QByteArrayView jwt, AccessTokenExpectations expected,
                                                           TokenRefusal* refusal)
{
    expected.issuer = d->settings.issuer;
    return d->verifyWithRefresh(jwt, expected, refusal,
                                [](QByteArrayView token, const KeySet& set, const AccessTokenExpectations& e,
                                   TokenRefusal* r) { return oidc::verifyAccessTokenJwt(token, set, e, r); });
}

} // namespace gatehouse::oidc
