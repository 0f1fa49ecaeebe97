// The OIDC client of backend/oidc against a real OpenID Certified provider (npm oidc-provider, tests/oidc/provider.mjs)
// on loopback over HTTPS with a test CA: the authorization code flow with PKCE, driven through the provider's login
// form by an HTTP client, then the ID token verified; key rotation; code reuse; TLS trust; an integration's JWT access
// token (client credentials, RFC 9068) for token exchange.

#include "ManualClock.h"
#include "OidcTestProvider.h"
#include "oidc/ProviderClient.h"

#include <QDateTime>
#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkCookieJar>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::oidc;
using namespace gatehouse::test;

namespace {

const QString sourceDir = QStringLiteral(GATEHOUSE_SOURCE_DIR);
const QUrl redirectUri(QStringLiteral("http://127.0.0.1:49152/callback"));
const QStringList scopes{QStringLiteral("email"), QStringLiteral("profile"), QStringLiteral("groups")};

QByteArray readFile(const QString& path)
{
    QFile file(path);
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

QString queryValue(const QUrl& url, const QString& name)
{
    return QUrlQuery(url).queryItemValue(name, QUrl::FullyDecoded);
}

} // namespace

class TestOidcProvider : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void discovery();
    void signInWithEachAlgorithm_data();
    void signInWithEachAlgorithm();
    void codeIsSingleUse();
    void pkceVerifierMustMatch();
    void anotherSignInsNonceIsRefused();
    void keyRotation();
    void integrationAccessToken();
    void providerTrustedOnlyThroughItsCa();
    void issuerMustMatchExactly();

private:
    struct Flow
    {
        AuthorizationRequest request;
        QUrl callback;
    };
    ProviderSettings settings(const QString& clientId) const;
    std::unique_ptr<ProviderClient> client(const QString& clientId, const Clock& clock = Clock::system()) const;
    // Signs `username` in with `client` up to the callback (state checked), or fails the test.
    std::optional<Flow> authorize(ProviderClient& client, const QString& username);
    std::optional<TokenResponse> signIn(ProviderClient& client, const QString& username, Flow* flowOut = nullptr);
    QByteArray control(const QString& path);
    QByteArray integrationToken();
    IdTokenExpectations expectationsFor(const Flow& flow, const TokenResponse& tokens) const;

    QTemporaryDir m_dir;
    OidcTestProvider m_provider;
    QString m_issuer;
    QString m_apiResource;
    QByteArray m_caPem;
};

void TestOidcProvider::initTestCase()
{
    if (!oidcProviderInstalled(sourceDir))
        QSKIP("oidc-provider is not installed: run `npm ci` in the source tree (CI always does)");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_provider.start(sourceDir, m_dir.path()));
    m_caPem = m_provider.caPem();
    m_issuer = m_provider.issuer();
    m_apiResource = m_provider.ready().value(QStringLiteral("apiResource")).toString();
    QVERIFY2(m_issuer.startsWith(QStringLiteral("https://127.0.0.1:")), qPrintable(m_issuer));
}

void TestOidcProvider::cleanupTestCase()
{
    m_provider.stop();
}

ProviderSettings TestOidcProvider::settings(const QString& clientId) const
{
    ProviderSettings settings;
    settings.issuer = m_issuer;
    settings.clientId = clientId;
    settings.caCertificatesPem = m_caPem;
    settings.timeoutMs = 20000;
    return settings;
}

std::unique_ptr<ProviderClient> TestOidcProvider::client(const QString& clientId, const Clock& clock) const
{
    const QByteArray secret = (clientId + QStringLiteral("-secret")).toUtf8();
    return std::make_unique<ProviderClient>(
        settings(clientId),
        SecureBytes(reinterpret_cast<const unsigned char*>(secret.constData()), std::size_t(secret.size())), clock);
}

std::optional<TestOidcProvider::Flow> TestOidcProvider::authorize(ProviderClient& client, const QString& username)
{
    auto request = client.authorizationRequest(redirectUri, scopes);
    if (!request) {
        qWarning() << "authorization request:" << request.error().message;
        return std::nullopt;
    }
    TestBrowser browser(m_provider.tls());
    const QUrl callback = browser.signIn(request.value().url, username);
    if (callback.isEmpty()) {
        qWarning() << "sign-in:" << browser.failure;
        return std::nullopt;
    }
    // The provider sends back our state and names itself (RFC 9207); checking them is the caller's (part B's) job,
    // here they only show the flow went through this provider.
    if (queryValue(callback, QStringLiteral("state")).toLatin1() != request.value().state ||
        queryValue(callback, QStringLiteral("iss")) != m_issuer) {
        qWarning() << "unexpected callback" << callback;
        return std::nullopt;
    }
    return Flow{std::move(request).value(), callback};
}

std::optional<TokenResponse> TestOidcProvider::signIn(ProviderClient& client, const QString& username, Flow* flowOut)
{
    auto flow = authorize(client, username);
    if (!flow)
        return std::nullopt;
    auto tokens = client.exchangeCode(queryValue(flow->callback, QStringLiteral("code")).toLatin1(), redirectUri,
                                      flow->request.pkce.verifier);
    if (!tokens) {
        qWarning() << "code exchange:" << tokens.error().message;
        return std::nullopt;
    }
    if (flowOut)
        *flowOut = *flow;
    return std::move(tokens).value();
}

IdTokenExpectations TestOidcProvider::expectationsFor(const Flow& flow, const TokenResponse& tokens) const
{
    IdTokenExpectations expected;
    expected.nonce = flow.request.nonce;
    expected.nowSeconds = QDateTime::currentSecsSinceEpoch();
    expected.accessToken = tokens.accessToken.view();
    expected.code = QByteArrayView();
    return expected;
}

QByteArray TestOidcProvider::control(const QString& path)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_issuer + path));
    request.setSslConfiguration(m_provider.tls());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    QNetworkReply* reply = path.endsWith(QLatin1String("/keys")) ? network.get(request) : network.post(request, "{}");
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(20000))
        return {};
    reply->deleteLater();
    return reply->readAll();
}

void TestOidcProvider::discovery()
{
    auto provider = client(QStringLiteral("gatehouse-rs256"));
    auto metadata = provider->metadata();
    QVERIFY2(metadata, qPrintable(metadata ? QString() : metadata.error().message));
    QCOMPARE(metadata.value().issuer, m_issuer);
    QVERIFY(metadata.value().codeChallengeMethods.contains(QStringLiteral("S256")));
    auto keys = provider->keySet();
    QVERIFY2(keys, qPrintable(keys ? QString() : keys.error().message));
    QCOMPARE(keys.value().size(), 3); // RSA, P-256, Ed25519
}

void TestOidcProvider::signInWithEachAlgorithm_data()
{
    QTest::addColumn<QString>("clientId");
    QTest::addColumn<int>("algorithm");
    QTest::newRow("RS256") << QStringLiteral("gatehouse-rs256") << int(SignatureAlgorithm::RS256);
    QTest::newRow("ES256") << QStringLiteral("gatehouse-es256") << int(SignatureAlgorithm::ES256);
    QTest::newRow("EdDSA") << QStringLiteral("gatehouse-eddsa") << int(SignatureAlgorithm::EdDSA);
}

void TestOidcProvider::signInWithEachAlgorithm()
{
    QFETCH(QString, clientId);
    QFETCH(int, algorithm);
    auto provider = client(clientId);
    Flow flow;
    auto tokens = signIn(*provider, QStringLiteral("alice"), &flow);
    QVERIFY(tokens);
    QVERIFY(!tokens->accessToken.isEmpty());
    TokenRefusal refusal;
    auto verified = provider->verifyIdToken(tokens->idToken, expectationsFor(flow, *tokens), &refusal);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    const VerifiedToken& token = verified.value();
    QCOMPARE(int(token.algorithm), algorithm);
    QCOMPARE(token.subject, QStringLiteral("alice"));
    QCOMPARE(token.issuer, m_issuer);
    QCOMPARE(token.audiences, QStringList{clientId});
    QCOMPARE(token.amr, (QStringList{QStringLiteral("pwd"), QStringLiteral("otp")}));
    QCOMPARE(token.acr, QStringLiteral("mfa"));
    QVERIFY(token.authTime > 0);
    QCOMPARE(claimAt(token.claims, QStringLiteral("email")).toString(), QStringLiteral("alice@example.test"));
    QCOMPARE(claimAt(token.claims, QStringLiteral("groups")).toArray(),
             (QJsonArray{QStringLiteral("gatehouse-admins"), QStringLiteral("auditors")}));
    QCOMPARE(claimAt(token.claims, QStringLiteral("org.groups")).toArray(), QJsonArray{QStringLiteral("platform")});

    // Bob signed in with a password only: his token says so.
    Flow bobFlow;
    auto bob = signIn(*provider, QStringLiteral("bob"), &bobFlow);
    QVERIFY(bob);
    auto bobToken = provider->verifyIdToken(bob->idToken, expectationsFor(bobFlow, *bob));
    QVERIFY(bobToken);
    QCOMPARE(bobToken.value().amr, QStringList{QStringLiteral("pwd")});
}

void TestOidcProvider::codeIsSingleUse()
{
    auto provider = client(QStringLiteral("gatehouse-rs256"));
    auto flow = authorize(*provider, QStringLiteral("alice"));
    QVERIFY(flow);
    const QByteArray code = queryValue(flow->callback, QStringLiteral("code")).toLatin1();
    auto first = provider->exchangeCode(code, redirectUri, flow->request.pkce.verifier);
    QVERIFY2(first, qPrintable(first ? QString() : first.error().message));
    auto second = provider->exchangeCode(code, redirectUri, flow->request.pkce.verifier);
    QVERIFY(!second);
    QCOMPARE(second.error().code, ErrorCode::Unauthenticated);
    QVERIFY2(second.error().message.contains(QStringLiteral("invalid_grant")), qPrintable(second.error().message));
    QVERIFY(!second.error().message.contains(QStringLiteral("gatehouse-rs256-secret")));
}

void TestOidcProvider::pkceVerifierMustMatch()
{
    auto provider = client(QStringLiteral("gatehouse-es256"));
    auto flow = authorize(*provider, QStringLiteral("alice"));
    QVERIFY(flow);
    auto other = Pkce::generate();
    QVERIFY(other);
    auto tokens = provider->exchangeCode(queryValue(flow->callback, QStringLiteral("code")).toLatin1(), redirectUri,
                                         other.value().verifier);
    QVERIFY(!tokens);
    QVERIFY2(tokens.error().message.contains(QStringLiteral("invalid_grant")), qPrintable(tokens.error().message));
}

void TestOidcProvider::anotherSignInsNonceIsRefused()
{
    auto provider = client(QStringLiteral("gatehouse-rs256"));
    Flow first;
    Flow second;
    auto firstTokens = signIn(*provider, QStringLiteral("alice"), &first);
    auto secondTokens = signIn(*provider, QStringLiteral("alice"), &second);
    QVERIFY(firstTokens && secondTokens);
    // The first sign-in's ID token presented to the second sign-in (a replay): its nonce is not this sign-in's.
    TokenRefusal refusal;
    QVERIFY(!provider->verifyIdToken(firstTokens->idToken, expectationsFor(second, *secondTokens), &refusal));
    QCOMPARE(refusal.check, TokenCheck::Nonce);
    QVERIFY(provider->verifyIdToken(secondTokens->idToken, expectationsFor(second, *secondTokens)));
}

void TestOidcProvider::keyRotation()
{
    test::ManualClock clock(QDateTime::currentMSecsSinceEpoch());
    auto provider = client(QStringLiteral("gatehouse-rs256"), clock);

    Flow oldFlow;
    auto oldTokens = signIn(*provider, QStringLiteral("alice"), &oldFlow);
    QVERIFY(oldTokens);
    QVERIFY(provider->verifyIdToken(oldTokens->idToken, expectationsFor(oldFlow, *oldTokens)));
    const QString oldKid = peekHeader(oldTokens->idToken)->keyId;

    // The provider rotates: a new key signs, the old one is still published.
    const QJsonArray rotated = QJsonDocument::fromJson(control(QStringLiteral("/control/rotate")))
                                   .object()
                                   .value(QStringLiteral("rsa"))
                                   .toArray();
    QCOMPARE(rotated.size(), 2);
    QCOMPARE(rotated.at(1).toString(), oldKid);
    Flow newFlow;
    auto newTokens = signIn(*provider, QStringLiteral("alice"), &newFlow);
    QVERIFY(newTokens);
    const QString newKid = peekHeader(newTokens->idToken)->keyId;
    QCOMPARE(newKid, rotated.at(0).toString());

    // Within a minute of the last fetch, an unknown kid does not make the client ask the provider again.
    TokenRefusal refusal;
    QVERIFY(!provider->verifyIdToken(newTokens->idToken, expectationsFor(newFlow, *newTokens), &refusal));
    QCOMPARE(refusal.check, TokenCheck::UnknownKey);
    // A minute later it does, and the new key is accepted; the old one still is while it is published.
    clock.advanceSeconds(61);
    auto verified = provider->verifyIdToken(newTokens->idToken, expectationsFor(newFlow, *newTokens), &refusal);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified.value().keyId, newKid);
    QVERIFY(provider->verifyIdToken(oldTokens->idToken, expectationsFor(oldFlow, *oldTokens)));

    // The provider drops the old key; once the client's copy of the set has aged out, the old kid is refused.
    const QJsonArray dropped = QJsonDocument::fromJson(control(QStringLiteral("/control/drop-old")))
                                   .object()
                                   .value(QStringLiteral("rsa"))
                                   .toArray();
    QCOMPARE(dropped, QJsonArray{newKid});
    clock.advanceSeconds(provider->settings().keySetLifetimeSeconds + 1);
    QVERIFY(!provider->verifyIdToken(oldTokens->idToken, expectationsFor(oldFlow, *oldTokens), &refusal));
    QCOMPARE(refusal.check, TokenCheck::UnknownKey);
    QVERIFY(!provider->keySet().value().keyIds().contains(oldKid));
    QVERIFY(provider->verifyIdToken(newTokens->idToken, expectationsFor(newFlow, *newTokens)));
}

// What an integration does on its own before it calls Gatehouse: a client-credentials access token for the API.
QByteArray TestOidcProvider::integrationToken()
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_issuer + QStringLiteral("/token")));
    QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
    tls.setCaCertificates(QSslCertificate::fromData(m_caPem, QSsl::Pem));
    request.setSslConfiguration(tls);
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization",
                         "Basic " + QByteArrayLiteral("gatehouse-integration:gatehouse-integration-secret").toBase64());
    QNetworkReply* reply = network.post(request, "grant_type=client_credentials&scope=api&resource=" +
                                                     QUrl::toPercentEncoding(m_apiResource));
    QSignalSpy finished(reply, &QNetworkReply::finished);
    if (!finished.wait(20000))
        return {};
    reply->deleteLater();
    return QJsonDocument::fromJson(reply->readAll())
        .object()
        .value(QStringLiteral("access_token"))
        .toString()
        .toLatin1();
}

void TestOidcProvider::integrationAccessToken()
{
    const QByteArray accessToken = integrationToken();
    QVERIFY(!accessToken.isEmpty());
    auto provider = client(QStringLiteral("gatehouse-rs256"));
    AccessTokenExpectations expected;
    expected.audience = m_apiResource;
    expected.nowSeconds = QDateTime::currentSecsSinceEpoch();
    expected.requireJwtAccessTokenType = true;
    auto verified = provider->verifyAccessTokenJwt(accessToken, expected);
    QVERIFY2(verified, qPrintable(verified ? QString() : verified.error().message));
    QCOMPARE(verified.value().subject, QStringLiteral("gatehouse-integration"));
    QCOMPARE(verified.value().claims.value(QStringLiteral("client_id")).toString(),
             QStringLiteral("gatehouse-integration"));
    QCOMPARE(verified.value().algorithm, SignatureAlgorithm::ES256);

    // Another API's audience: refused.
    TokenRefusal refusal;
    expected.audience = QStringLiteral("https://other.test/api");
    QVERIFY(!provider->verifyAccessTokenJwt(accessToken, expected, &refusal));
    QCOMPARE(refusal.check, TokenCheck::Audience);

    // An ID token is not an access token, even one whose audience is right.
    Flow flow;
    auto tokens = signIn(*provider, QStringLiteral("alice"), &flow);
    QVERIFY(tokens);
    expected.audience = QStringLiteral("gatehouse-rs256");
    QVERIFY(!provider->verifyAccessTokenJwt(tokens->idToken, expected, &refusal));
    QCOMPARE(refusal.check, TokenCheck::TokenType);
}

void TestOidcProvider::providerTrustedOnlyThroughItsCa()
{
    // Another CA than the one that issued the provider's certificate: the provider is not trusted.
    QTemporaryDir other;
    QVERIFY(makeTestCertificates(other.path()));
    ProviderSettings pinned = settings(QStringLiteral("gatehouse-rs256"));
    pinned.caCertificatesPem = readFile(other.filePath(QStringLiteral("ca.pem")));
    ProviderClient wrongCa(pinned, SecureBytes());
    auto metadata = wrongCa.metadata();
    QVERIFY(!metadata);
    QCOMPARE(metadata.error().code, ErrorCode::Io);

    // The system's trust store does not know the test CA either.
    pinned.caCertificatesPem.clear();
    ProviderClient systemTrust(pinned, SecureBytes());
    QVERIFY(!systemTrust.metadata());

    // Not a PEM certificate at all: a configuration error, before any connection.
    pinned.caCertificatesPem = "not a certificate";
    ProviderClient garbage(pinned, SecureBytes());
    metadata = garbage.metadata();
    QVERIFY(!metadata);
    QCOMPARE(metadata.error().code, ErrorCode::InvalidArgument);
}

void TestOidcProvider::issuerMustMatchExactly()
{
    ProviderSettings slash = settings(QStringLiteral("gatehouse-rs256"));
    slash.issuer = m_issuer + u'/';
    ProviderClient provider(slash, SecureBytes());
    auto metadata = provider.metadata();
    QVERIFY(!metadata);
    QCOMPARE(metadata.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(metadata.error().message.contains(QStringLiteral("issuer")), qPrintable(metadata.error().message));
}

QTEST_GUILESS_MAIN(TestOidcProvider)
#include "TestOidcProvider.moc"
