// Federated sign-in end to end through the real server: `gatehoused serve` over HTTPS, configured over its API by the
// platform's administrator, with the real OpenID provider (tests/oidc/provider.mjs). An API client starts the sign-in,
// the person signs in at the provider in a "browser" (an HTTP client following the login form), and the client hands
// the code back: the answer is an ordinary Gatehouse session. The callback replayed, another sign-in's state, and a
// made-up state get the same 401 as a wrong password, and the audit trail names each refusal's reason.
#include "OidcTestProvider.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QUrlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {
const QString sourceDir = QStringLiteral(GATEHOUSE_SOURCE_DIR);
const QByteArray adminPassword = "plum-orbit-canvas-tide";
const QString redirectUri = QStringLiteral("http://127.0.0.1:49154/callback");

struct Answer
{
    int status = 0;
    QJsonObject body;
    QByteArray raw;
};
} // namespace

class TestFederatedServer : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void signsInOverTheApi();
    void refusalsAnswerLikeAWrongPasswordAndAreAudited();

private:
    Answer call(const QByteArray& method, const QString& path, const QString& token = {}, const QJsonObject& body = {});
    // Starts a sign-in at `tenant` over the API and signs `username` in at the provider; the redirect back.
    QUrl authorize(const QString& tenant, const QString& username, QString* state);

    QTemporaryDir m_dir;
    OidcTestProvider m_provider;
    QProcess m_server;
    QString m_base;
    QSslCertificate m_serverCertificate;
    QNetworkAccessManager m_network;
    QString m_rootToken;
    Answer m_firstCallback;
    QString m_acmeId;
};

Answer TestFederatedServer::call(const QByteArray& method, const QString& path, const QString& token,
                                 const QJsonObject& body)
{
    QNetworkRequest request(QUrl(m_base + path));
    request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!token.isEmpty())
        request.setRawHeader("Authorization", "Bearer " + token.toUtf8());
    const QByteArray payload = body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(QJsonDocument::Compact);
    QNetworkReply* reply = m_network.sendCustomRequest(request, method, payload);
    // The server's own certificate, pinned: the only one whose errors (self-signed) are accepted.
    connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError>& errors) {
        if (reply->sslConfiguration().peerCertificate() == m_serverCertificate)
            reply->ignoreSslErrors(errors);
    });
    QSignalSpy finished(reply, &QNetworkReply::finished);
    finished.wait(60000);
    reply->deleteLater();
    Answer a;
    a.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    a.raw = reply->readAll();
    a.body = QJsonDocument::fromJson(a.raw).object();
    return a;
}

void TestFederatedServer::initTestCase()
{
    if (!oidcProviderInstalled(sourceDir))
        QSKIP("oidc-provider is not installed: run `npm ci` in the source tree (CI always does)");
    QVERIFY(m_dir.isValid());
    QVERIFY(m_provider.start(sourceDir, m_dir.filePath(QStringLiteral("provider"))));

    const QString data = m_dir.filePath(QStringLiteral("data"));
    QProcess init;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), QString::fromLatin1(adminPassword));
    init.setProcessEnvironment(env);
    init.start(QStringLiteral(GATEHOUSED_PATH),
               {QStringLiteral("init"), QStringLiteral("--data-dir"), data, QStringLiteral("--key-provider"),
                QStringLiteral("file"), QStringLiteral("--key-file"), m_dir.filePath(QStringLiteral("master.key")),
                QStringLiteral("--admin-user"), QStringLiteral("root")});
    QVERIFY(init.waitForFinished(120000));
    QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());

    m_server.start(QStringLiteral(GATEHOUSED_PATH), {QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                                                     QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QByteArray log;
    for (int i = 0; i < 600 && !log.contains("event=listening"); ++i) {
        m_server.waitForReadyRead(100);
        log += m_server.readAllStandardError();
    }
    const QRegularExpressionMatch url = QRegularExpression(QStringLiteral("url=(\\S+)")).match(QString::fromUtf8(log));
    QVERIFY2(url.hasMatch(), log.constData());
    m_base = url.captured(1);
    QFile certificate(data + QStringLiteral("/tls/server.crt"));
    QVERIFY(certificate.open(QIODevice::ReadOnly));
    m_serverCertificate = QSslCertificate(certificate.readAll(), QSsl::Pem);
    QVERIFY(!m_serverCertificate.isNull());

    // The platform's administrator makes a tenant and gives it the provider, over the API.
    Answer login = call("POST", QStringLiteral("/api/v1/auth/login"), {},
                        {{QStringLiteral("username"), QStringLiteral("root")},
                         {QStringLiteral("password"), QString::fromLatin1(adminPassword)}});
    QVERIFY2(login.status == 200, login.raw.constData());
    m_rootToken = login.body.value(QStringLiteral("token")).toString();
    for (const char* name : {"acme", "blue"}) {
        const Answer made = call("POST", QStringLiteral("/api/v1/tenants"), m_rootToken,
                                 {{QStringLiteral("name"), QLatin1String(name)},
                                  {QStringLiteral("display_name"), QLatin1String(name)},
                                  {QStringLiteral("owner_username"), QStringLiteral("owner")},
                                  {QStringLiteral("owner_password"), QString::fromLatin1(adminPassword)}});
        QVERIFY2(made.status == 201, made.raw.constData());
        if (QLatin1String(name) == QLatin1String("acme"))
            m_acmeId = made.body.value(QStringLiteral("id")).toString();
    }
    const QJsonObject provider{
        {QStringLiteral("issuer"), m_provider.issuer()},
        {QStringLiteral("client_id"), QStringLiteral("gatehouse-rs256")},
        {QStringLiteral("client_secret"), QStringLiteral("gatehouse-rs256-secret")},
        {QStringLiteral("ca_pem"), QString::fromLatin1(m_provider.caPem())},
        {QStringLiteral("scopes"), QJsonArray{QStringLiteral("openid"), QStringLiteral("profile"),
                                              QStringLiteral("email"), QStringLiteral("groups")}},
        {QStringLiteral("jit_provisioning"), true}};
    // The platform's administrator manages tenants, not what is inside them: the tenant's owner sets its provider.
    QCOMPARE(call("PUT", QStringLiteral("/api/v1/tenants/%1/oidc").arg(m_acmeId), m_rootToken, provider).status, 403);
    const Answer owner = call("POST", QStringLiteral("/api/v1/auth/login"), {},
                              {{QStringLiteral("tenant"), QStringLiteral("acme")},
                               {QStringLiteral("username"), QStringLiteral("owner")},
                               {QStringLiteral("password"), QString::fromLatin1(adminPassword)}});
    QVERIFY2(owner.status == 200, owner.raw.constData());
    const Answer configured = call("PUT", QStringLiteral("/api/v1/tenants/%1/oidc").arg(m_acmeId),
                                   owner.body.value(QStringLiteral("token")).toString(), provider);
    QVERIFY2(configured.status == 200, configured.raw.constData());
    QVERIFY(!configured.raw.contains("gatehouse-rs256-secret")); // never returned
    QCOMPARE(configured.body.value(QStringLiteral("client_secret_set")).toBool(), true);
}

void TestFederatedServer::cleanupTestCase()
{
    if (m_server.state() != QProcess::NotRunning) {
        m_server.terminate();
        m_server.waitForFinished(30000);
    }
}

QUrl TestFederatedServer::authorize(const QString& tenant, const QString& username, QString* state)
{
    const Answer started = call("POST", QStringLiteral("/api/v1/auth/oidc/start"), {},
                                {{QStringLiteral("tenant"), tenant}, {QStringLiteral("redirect_uri"), redirectUri}});
    if (started.status != 200) {
        qWarning() << "start:" << started.status << started.raw;
        return {};
    }
    *state = started.body.value(QStringLiteral("state")).toString();
    const QUrl authorization(started.body.value(QStringLiteral("authorization_url")).toString());
    // What the server asked the provider for: PKCE S256, the redirect URI given, a nonce, the tenant's client.
    const QUrlQuery q(authorization);
    if (q.queryItemValue(QStringLiteral("code_challenge_method")) != QLatin1String("S256") ||
        q.queryItemValue(QStringLiteral("nonce")).isEmpty() ||
        q.queryItemValue(QStringLiteral("client_id")) != QLatin1String("gatehouse-rs256")) {
        qWarning() << "authorization request:" << authorization;
        return {};
    }
    TestBrowser browser(m_provider.tls());
    const QUrl back = browser.signIn(authorization, username);
    if (back.isEmpty())
        qWarning() << "browser:" << browser.failure;
    return back;
}

void TestFederatedServer::signsInOverTheApi()
{
    QString state;
    const QUrl back = authorize(QStringLiteral("acme"), QStringLiteral("bob"), &state);
    QVERIFY(back.isValid());
    QCOMPARE(QUrlQuery(back).queryItemValue(QStringLiteral("state")), state);
    const QString code = QUrlQuery(back).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded);
    const Answer signedIn = call("POST", QStringLiteral("/api/v1/auth/oidc/callback"), {},
                                 {{QStringLiteral("state"), state}, {QStringLiteral("code"), code}});
    QVERIFY2(signedIn.status == 200, signedIn.raw.constData());
    const QString token = signedIn.body.value(QStringLiteral("token")).toString();
    QVERIFY(token.startsWith(QLatin1String("ghs_")));
    const Answer me = call("GET", QStringLiteral("/api/v1/auth/whoami"), token);
    QVERIFY2(me.status == 200, me.raw.constData());
    QCOMPARE(me.body.value(QStringLiteral("name")).toString(), QStringLiteral("bob"));
    // An ordinary session: signing out ends it.
    QCOMPARE(call("POST", QStringLiteral("/api/v1/auth/logout"), token).status, 204);
    QCOMPARE(call("GET", QStringLiteral("/api/v1/auth/whoami"), token).status, 401);
    // The same callback again (a replayed redirect): the state was used up.
    const Answer replayed = call("POST", QStringLiteral("/api/v1/auth/oidc/callback"), {},
                                 {{QStringLiteral("state"), state}, {QStringLiteral("code"), code}});
    QCOMPARE(replayed.status, 401);
    m_firstCallback = replayed;
}

void TestFederatedServer::refusalsAnswerLikeAWrongPasswordAndAreAudited()
{
    const Answer wrongPassword = call("POST", QStringLiteral("/api/v1/auth/login"), {},
                                      {{QStringLiteral("tenant"), QStringLiteral("acme")},
                                       {QStringLiteral("username"), QStringLiteral("owner")},
                                       {QStringLiteral("password"), QStringLiteral("not-the-password-at-all")}});
    QCOMPARE(wrongPassword.status, 401);
    // The same problem document: status, type and detail.
    const auto sameAsWrongPassword = [&](const Answer& a) {
        return a.status == 401 && a.body == wrongPassword.body;
    };
    QVERIFY2(m_firstCallback.status == 401, "signsInOverTheApi runs first");
    QVERIFY2(sameAsWrongPassword(m_firstCallback), m_firstCallback.raw.constData());

    // A state the server never gave.
    const Answer madeUp = call("POST", QStringLiteral("/api/v1/auth/oidc/callback"), {},
                               {{QStringLiteral("state"), QStringLiteral("A").repeated(43)},
                                {QStringLiteral("code"), QStringLiteral("made-up")}});
    QVERIFY2(sameAsWrongPassword(madeUp), madeUp.raw.constData());
    // Two sign-ins, their codes swapped: each state is bound to its own PKCE verifier and nonce.
    QString stateOne, stateTwo;
    const QUrl one = authorize(QStringLiteral("acme"), QStringLiteral("bob"), &stateOne);
    const QUrl two = authorize(QStringLiteral("acme"), QStringLiteral("bob"), &stateTwo);
    QVERIFY(one.isValid() && two.isValid());
    const Answer swapped =
        call("POST", QStringLiteral("/api/v1/auth/oidc/callback"), {},
             {{QStringLiteral("state"), stateOne},
              {QStringLiteral("code"), QUrlQuery(two).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded)}});
    QVERIFY2(sameAsWrongPassword(swapped), swapped.raw.constData());
    // Blue has no provider: nothing starts there.
    const Answer blue =
        call("POST", QStringLiteral("/api/v1/auth/oidc/start"), {},
             {{QStringLiteral("tenant"), QStringLiteral("blue")}, {QStringLiteral("redirect_uri"), redirectUri}});
    QVERIFY2(blue.status >= 400 && blue.status < 500, blue.raw.constData());

    // The trail: each refusal recorded with its reason, the success with the provider and subject.
    m_server.terminate();
    QVERIFY(m_server.waitForFinished(30000));
    auto store = store::Store::open(m_dir.filePath(QStringLiteral("data")),
                                    keyFileOptions(m_dir.filePath(QStringLiteral("master.key"))));
    QVERIFY(store);
    audit::AuditQuery q;
    q.allScopes = true;
    q.platform = true;
    q.actionPrefix = QStringLiteral("auth.oidc.signin");
    q.limit = 100;
    auto page = audit::AuditLog(store.value()->database()).search(q);
    QVERIFY(page);
    QStringList outcomes;
    for (const audit::AuditEvent& e : page.value().events) {
        QVERIFY2(!QJsonDocument(e.details).toJson().contains("made-up"), "a code in the trail");
        outcomes << e.outcome + QLatin1Char('/') + e.reason;
        if (e.outcome == QLatin1String("success")) {
            QCOMPARE(e.details.value(QStringLiteral("issuer")).toString(), m_provider.issuer());
            QCOMPARE(e.details.value(QStringLiteral("subject")).toString(), QStringLiteral("bob"));
            QCOMPARE(e.source, QStringLiteral("api"));
        }
    }
    // Newest first: the swapped codes (the provider refuses a code with another sign-in's PKCE verifier), the made-up
    // state, the replayed one, and the sign-in itself.
    QCOMPARE(outcomes, (QStringList{QStringLiteral("denied/code_exchange"), QStringLiteral("denied/state_unknown"),
                                    QStringLiteral("denied/state_unknown"), QStringLiteral("success/ok")}));
}

QTEST_GUILESS_MAIN(TestFederatedServer)
#include "TestFederatedServer.moc"
