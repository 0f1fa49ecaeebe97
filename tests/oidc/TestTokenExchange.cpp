// Token exchange end to end, through the control plane, against a real OpenID Certified provider (npm oidc-provider,
// tests/oidc/provider.mjs) on loopback over HTTPS with a test CA: a machine client's client-credentials access token
// (a JWT for the resource Gatehouse's tenant names as its token audience) exchanged for an ordinary integration token
// that then does what the linked integration's bindings allow. Each refusal answers the same 401 and is audited with
// its check: exchange off, another resource's token, an expired token, a bad signature, an unlinked subject, a locked
// integration, and another tenant's provider link.
#include "ControlPlaneFixture.h"
#include "JwtTestSupport.h"
#include "OidcTestProvider.h"
#include "identity/FederationConfig.h"
#include "oidc/Base64Url.h"

#include <QDateTime>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;
namespace roles = authz::builtin;

namespace {

const QString sourceDir = QStringLiteral(GATEHOUSE_SOURCE_DIR);
const QString kAudience = QStringLiteral("https://gatehouse.test/api");
const QString kOtherResource = QStringLiteral("https://other.test/api");
const QString kMachine = QStringLiteral("gatehouse-machine");

} // namespace

class TestTokenExchange : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void exchangedTokenActsAsTheIntegration();
    void exchangeOffRefused();
    void anotherResourcesTokenRefused();
    void expiredTokenRefused();
    void badSignatureRefused();
    void algorithmConfusionRefused();
    void unlinkedSubjectRefused();
    void lockedIntegrationRefused();
    void anotherTenantRefused();

private:
    // A client-credentials access token of the machine client for `resource`.
    QByteArray machineToken(const QString& resource);
    identity::FederationConfig provider(const QString& tenantId, bool exchange) const;
    Result<service::IssuedToken> exchange(const QString& tenant, const QByteArray& token);
    // The refusal: the same 401 as any, and an auth.oidc.exchange event denied with `reason`.
    void verifyRefused(const Result<service::IssuedToken>& result, const QString& reason);
    audit::AuditEvent newest(const QString& action);

    ControlPlaneFixture f;
    OidcTestProvider m_provider;
    QString m_issuer;
    QByteArray m_caPem;
    QString m_robot; // Acme's integration, Member in W1, linked to the machine client
    int m_address = 0;
};

void TestTokenExchange::initTestCase()
{
    if (!oidcProviderInstalled(sourceDir))
        QSKIP("oidc-provider is not installed: run `npm ci` in the source tree (CI always does)");
    // Tokens are checked against the control plane's clock: start it at the real time.
    f.clock = ManualClock(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(f.setUp());
    QVERIFY(m_provider.start(sourceDir, f.dir.filePath(QStringLiteral("tls"))));
    m_issuer = m_provider.issuer();
    m_caPem = m_provider.caPem();

    // Acme and Blue both trust the provider; Acme's robot (Member in W1, which holds one secret) is the machine.
    QVERIFY(f.cp->setFederation(f.system, provider(f.tenantA, true), secret("gatehouse-rs256-secret")));
    QVERIFY(f.cp->setFederation(f.system, provider(f.tenantB, true), secret("gatehouse-rs256-secret")));
    auto robot = f.cp->createIntegration(f.system, f.tenantA, QStringLiteral("robot"), QString());
    QVERIFY(robot);
    m_robot = robot.value().id;
    QVERIFY(f.cp->createBinding(f.system, f.tenantA, QStringLiteral("integration"), m_robot, roles::kMember, f.w1));
    service::ControlPlane::NewSecret db;
    db.name = QStringLiteral("db/password");
    QVERIFY(f.cp->createSecret(f.system, f.tenantA, f.w1, db, secret("s3cret")));
    auto linked = f.cp->setIntegrationFederatedSubject(f.system, f.tenantA, m_robot, kMachine);
    QVERIFY2(linked, qPrintable(linked ? QString() : linked.error().message));
    QCOMPARE(linked.value().federatedSubject, kMachine);
    QCOMPARE(linked.value().federatedIssuer, m_issuer);
    QCOMPARE(newest(QStringLiteral("integration.federation.link")).outcome, QStringLiteral("success"));
    // A subject stands for one integration of a tenant.
    auto other = f.cp->createIntegration(f.system, f.tenantA, QStringLiteral("other"), QString());
    QVERIFY(other);
    QCOMPARE(f.cp->setIntegrationFederatedSubject(f.system, f.tenantA, other.value().id, kMachine).error().code,
             ErrorCode::Conflict);
}

void TestTokenExchange::cleanupTestCase()
{
    m_provider.stop();
}

void TestTokenExchange::init()
{
    // The real time again (a test may have moved it), and Acme's provider as set up.
    f.clock = ManualClock(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(f.cp->setFederation(f.system, provider(f.tenantA, true), std::nullopt));
}

identity::FederationConfig TestTokenExchange::provider(const QString& tenantId, bool exchange) const
{
    identity::FederationConfig c;
    c.tenantId = tenantId;
    c.issuer = m_issuer;
    c.clientId = QStringLiteral("gatehouse-rs256");
    c.caPem = QString::fromLatin1(m_caPem);
    c.tokenExchange = exchange;
    c.tokenAudience = kAudience;
    return c;
}

QByteArray TestTokenExchange::machineToken(const QString& resource)
{
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_issuer + QStringLiteral("/token")));
    request.setSslConfiguration(m_provider.tls());
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/x-www-form-urlencoded"));
    request.setRawHeader("Authorization",
                         "Basic " + QByteArray("gatehouse-machine:gatehouse-machine-secret").toBase64());
    QUrlQuery form;
    form.addQueryItem(QStringLiteral("grant_type"), QStringLiteral("client_credentials"));
    form.addQueryItem(QStringLiteral("resource"), resource);
    QNetworkReply* reply = network.post(request, form.toString(QUrl::FullyEncoded).toLatin1());
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(20000);
    reply->deleteLater();
    const QJsonObject answer = QJsonDocument::fromJson(reply->readAll()).object();
    if (!answer.contains(QStringLiteral("access_token")))
        qWarning() << "the token endpoint refused:" << answer.value(QStringLiteral("error")).toString()
                   << answer.value(QStringLiteral("error_description")).toString();
    return answer.value(QStringLiteral("access_token")).toString().toLatin1();
}

Result<service::IssuedToken> TestTokenExchange::exchange(const QString& tenant, const QByteArray& token)
{
    // Each call from an address of its own, so the refusals do not throttle the next test.
    return f.cp->exchangeProviderToken(
        ControlPlaneFixture::caller(QStringLiteral("10.0.0.%1").arg(++m_address)), tenant,
        SecureBytes(reinterpret_cast<const unsigned char*>(token.constData()), std::size_t(token.size())));
}

audit::AuditEvent TestTokenExchange::newest(const QString& action)
{
    audit::AuditQuery q;
    q.platform = true;
    q.allScopes = true;
    q.actionPrefix = action;
    q.limit = 1;
    return audit::AuditLog(f.store->database()).search(q).value().events.value(0);
}

void TestTokenExchange::verifyRefused(const Result<service::IssuedToken>& result, const QString& reason)
{
    QVERIFY(!result);
    QCOMPARE(result.error().code, ErrorCode::Unauthenticated);
    // Whatever failed, the client hears the same.
    QCOMPARE(result.error().message, exchange(QStringLiteral("nobody"), "not-a-token").error().message);
    // The refusal before that one: the records are newest first, so skip the one just made.
    audit::AuditQuery q;
    q.platform = true;
    q.allScopes = true;
    q.actionPrefix = QStringLiteral("auth.oidc.exchange");
    q.limit = 2;
    const auto events = audit::AuditLog(f.store->database()).search(q).value().events;
    QCOMPARE(events.size(), 2);
    QCOMPARE(events[0].reason, QStringLiteral("tenant_unknown"));
    QCOMPARE(events[1].outcome, QStringLiteral("denied"));
    QCOMPARE(events[1].reason, reason);
}

void TestTokenExchange::exchangedTokenActsAsTheIntegration()
{
    const QByteArray token = machineToken(kAudience);
    QVERIFY(!token.isEmpty());
    const qint64 before = f.clock.nowMs();
    auto issued = exchange(QStringLiteral("acme"), token);
    QVERIFY2(issued, qPrintable(issued ? QString() : issued.error().message));
    QVERIFY(issued.value().secret.startsWith(QLatin1String("ghi_")));
    QCOMPARE(issued.value().token.integrationId, m_robot);
    // The provider's token lives ten minutes: so does this one (never beyond an hour).
    QVERIFY(issued.value().token.expiresAtMs > before);
    QVERIFY(issued.value().token.expiresAtMs <= before + 601 * 1000);
    const audit::AuditEvent e = newest(QStringLiteral("auth.oidc.exchange"));
    QCOMPARE(e.outcome, QStringLiteral("success"));
    QCOMPARE(e.actorId, m_robot);
    QCOMPARE(e.tenantId, f.tenantA);
    QCOMPARE(e.details.value(QStringLiteral("subject")).toString(), kMachine);
    QVERIFY(!QJsonDocument(e.details).toJson().contains(token));

    // The integration's bindings decide: W1's secrets yes, W2's no.
    const Caller robot = Caller::withToken(issued.value().secret);
    auto listed = f.cp->listSecrets(robot, f.tenantA, f.w1);
    QVERIFY2(listed, qPrintable(listed ? QString() : listed.error().message));
    QCOMPARE(listed.value().size(), 1);
    QCOMPARE(f.cp->listSecrets(robot, f.tenantA, f.w2).error().code, ErrorCode::Forbidden);
    // Listed with the integration's tokens, and revocable like them.
    auto tokens = f.cp->listTokens(f.system, f.tenantA, m_robot);
    QVERIFY(tokens);
    QVERIFY(std::any_of(tokens.value().cbegin(), tokens.value().cend(),
                        [&](const identity::ApiToken& t) { return t.id == issued.value().token.id; }));
    QVERIFY(f.cp->revokeToken(f.system, f.tenantA, m_robot, issued.value().token.id));
    QCOMPARE(f.cp->listSecrets(robot, f.tenantA, f.w1).error().code, ErrorCode::Unauthenticated);
}

void TestTokenExchange::exchangeOffRefused()
{
    QVERIFY(f.cp->setFederation(f.system, provider(f.tenantA, false), std::nullopt));
    verifyRefused(exchange(QStringLiteral("acme"), machineToken(kAudience)), QStringLiteral("exchange_disabled"));
    // A provider switched off refuses too.
    auto off = provider(f.tenantA, true);
    off.enabled = false;
    QVERIFY(f.cp->setFederation(f.system, off, std::nullopt));
    verifyRefused(exchange(QStringLiteral("acme"), machineToken(kAudience)), QStringLiteral("federation_unavailable"));
}

void TestTokenExchange::anotherResourcesTokenRefused()
{
    // Signed by the same provider for the same client, but for another resource server.
    verifyRefused(exchange(QStringLiteral("acme"), machineToken(kOtherResource)), QStringLiteral("token_audience"));
}

void TestTokenExchange::expiredTokenRefused()
{
    const QByteArray token = machineToken(kAudience);
    QVERIFY(!token.isEmpty());
    // Ten minutes and the minute of skew later.
    f.clock.advanceSeconds(600 + 61);
    verifyRefused(exchange(QStringLiteral("acme"), token), QStringLiteral("token_expiry"));
}

void TestTokenExchange::badSignatureRefused()
{
    QByteArray token = machineToken(kAudience);
    QVERIFY(!token.isEmpty());
    // One byte of the signature changed (in its middle, so the base64url still decodes to as many bytes).
    const qsizetype at = token.lastIndexOf('.') + 20;
    token[at] = token[at] == 'A' ? 'B' : 'A';
    verifyRefused(exchange(QStringLiteral("acme"), token), QStringLiteral("token_signature"));
}

void TestTokenExchange::algorithmConfusionRefused()
{
    // The provider's own claims, re-signed the ways an attacker would try: no signature at all (alg none), and an
    // HMAC keyed with what the provider publishes (its key set), which a verifier that lets the header choose the
    // algorithm would accept.
    const QByteArray token = machineToken(kAudience);
    QVERIFY(!token.isEmpty());
    const QList<QByteArray> parts = token.split('.');
    QCOMPARE(parts.size(), 3);
    const QJsonObject header = QJsonDocument::fromJson(oidc::base64UrlDecode(parts[0]).value()).object();
    const QJsonObject claims = QJsonDocument::fromJson(oidc::base64UrlDecode(parts[1]).value()).object();
    QVERIFY(!claims.isEmpty());
    QJsonObject none = header;
    none.insert(QStringLiteral("alg"), QStringLiteral("none"));
    verifyRefused(exchange(QStringLiteral("acme"), jsonPart(none) + '.' + parts[1] + '.'),
                  QStringLiteral("token_algorithm"));
    QJsonObject hmac = header;
    hmac.insert(QStringLiteral("alg"), QStringLiteral("HS256"));
    QNetworkAccessManager network;
    QNetworkRequest request(QUrl(m_issuer + QStringLiteral("/jwks")));
    request.setSslConfiguration(m_provider.tls());
    QNetworkReply* reply = network.get(request);
    QSignalSpy finished(reply, &QNetworkReply::finished);
    QVERIFY(finished.wait(20000));
    reply->deleteLater();
    const QByteArray published = reply->readAll();
    QVERIFY2(published.contains("\"keys\""), published.constData());
    verifyRefused(exchange(QStringLiteral("acme"), hs256Jwt(published, hmac, claims)),
                  QStringLiteral("token_algorithm"));
}

void TestTokenExchange::unlinkedSubjectRefused()
{
    QVERIFY(f.cp->setIntegrationFederatedSubject(f.system, f.tenantA, m_robot, {}));
    QCOMPARE(newest(QStringLiteral("integration.federation.unlink")).outcome, QStringLiteral("success"));
    const auto result = exchange(QStringLiteral("acme"), machineToken(kAudience));
    QVERIFY(f.cp->setIntegrationFederatedSubject(f.system, f.tenantA, m_robot, kMachine));
    verifyRefused(result, QStringLiteral("subject_unlinked"));
}

void TestTokenExchange::lockedIntegrationRefused()
{
    QVERIFY(f.cp->setIntegrationLocked(f.system, f.tenantA, m_robot, true));
    const auto result = exchange(QStringLiteral("acme"), machineToken(kAudience));
    QVERIFY(f.cp->setIntegrationLocked(f.system, f.tenantA, m_robot, false));
    verifyRefused(result, QStringLiteral("integration_locked"));
}

void TestTokenExchange::anotherTenantRefused()
{
    // Blue trusts the same provider with the same audience, but Acme's link is Acme's: Blue has no integration for
    // that subject, and Acme's robot is never reached from Blue.
    verifyRefused(exchange(QStringLiteral("blue"), machineToken(kAudience)), QStringLiteral("subject_unlinked"));
    // An unknown tenant: the same answer.
    verifyRefused(exchange(QStringLiteral("nobody"), machineToken(kAudience)), QStringLiteral("tenant_unknown"));
}

QTEST_GUILESS_MAIN(TestTokenExchange)
#include "TestTokenExchange.moc"
