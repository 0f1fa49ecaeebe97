// The real gatehoused serve, driven by QNetworkAccessManager pinned to the certificate that init generated:
// a whole administrator session (login, tenant, user, role binding, secret create and reveal, audit query, the
// event stream receiving a new event), a wrong pin refused, and SIGTERM ending the server with exit status 0.

#include "ContractRecorder.h"
#include "api/TlsCertificate.h"

#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>

using namespace gatehouse;

namespace {

const QByteArray kPassword = "plum-orbit-canvas-tide";

struct Reply
{
    int status = 0;
    QJsonObject json;
    QByteArray body;
    QNetworkReply::NetworkError error = QNetworkReply::NoError;
};

} // namespace

class TestApiEndToEnd : public QObject
{
    Q_OBJECT

    QTemporaryDir m_dir;
    QProcess m_server;
    QString m_base;
    QString m_fingerprint;
    QNetworkAccessManager m_nam;
    QString m_pin; // the fingerprint the client accepts

    // Accepts the server's certificate only if it is the pinned one (it is self-signed, so the system trust
    // store would refuse it anyway).
    void pin(QNetworkReply* reply)
    {
        connect(reply, &QNetworkReply::sslErrors, reply, [this, reply](const QList<QSslError>& errors) {
            const QSslCertificate peer = reply->sslConfiguration().peerCertificate();
            if (!peer.isNull() && api::TlsCertificate::fingerprintOf(peer) == m_pin)
                reply->ignoreSslErrors(errors);
        });
    }

    Reply call(const QByteArray& method, const QString& path, const QString& token = {}, const QJsonObject& body = {})
    {
        QNetworkRequest request(QUrl(m_base + path));
        if (!token.isEmpty())
            request.setRawHeader("Authorization", "Bearer " + token.toLatin1());
        QByteArray payload;
        if (!body.isEmpty()) {
            request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
            payload = QJsonDocument(body).toJson(QJsonDocument::Compact);
        }
        QNetworkReply* reply = m_nam.sendCustomRequest(request, method, payload);
        pin(reply);
        QEventLoop loop;
        connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
        QTimer::singleShot(15000, &loop, &QEventLoop::quit);
        loop.exec();
        Reply r;
        r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        r.body = reply->readAll();
        r.json = QJsonDocument::fromJson(r.body).object();
        r.error = reply->error();
        gatehouse::test::recordExchange({method,
                                         reply->request().url().toEncoded(QUrl::RemoveScheme | QUrl::RemoveAuthority),
                                         payload.isEmpty() ? QByteArray() : QByteArray("application/json"), payload,
                                         r.status, reply->rawHeader("Content-Type"), r.body, false});
        reply->deleteLater();
        return r;
    }

private Q_SLOTS:
    void initTestCase()
    {
        QVERIFY(m_dir.isValid());
        const QString data = m_dir.filePath(QStringLiteral("data"));
        QProcess init;
        QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
        env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), QString::fromLatin1(kPassword));
        init.setProcessEnvironment(env);
        init.start(QStringLiteral(GATEHOUSED_PATH),
                   {QStringLiteral("init"), QStringLiteral("--data-dir"), data, QStringLiteral("--key-provider"),
                    QStringLiteral("file"), QStringLiteral("--key-file"), m_dir.filePath(QStringLiteral("master.key")),
                    QStringLiteral("--admin-user"), QStringLiteral("root")});
        QVERIFY(init.waitForFinished(60000));
        QVERIFY2(init.exitCode() == 0, init.readAllStandardError().constData());

        m_server.start(QStringLiteral(GATEHOUSED_PATH), {QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                                                         QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        QByteArray log;
        const QRegularExpression listening(QStringLiteral("url=(\\S+).*certificate_sha256=(\\S+)"));
        QRegularExpressionMatch m;
        for (int i = 0; i < 100 && !m.hasMatch(); ++i) {
            m_server.waitForReadyRead(100);
            log += m_server.readAllStandardError();
            m = listening.match(QString::fromUtf8(log));
        }
        QVERIFY2(m.hasMatch(), log.constData());
        m_base = m.captured(1);
        m_fingerprint = m.captured(2);
        m_pin = m_fingerprint;
        // What serve announces is the certificate init wrote.
        QFile crt(data + QStringLiteral("/tls/server.crt"));
        QVERIFY(crt.open(QIODevice::ReadOnly));
        QCOMPARE(api::TlsCertificate::fingerprintOf(QSslCertificate(crt.readAll())), m_fingerprint);
    }

    void wrongPinIsRefused()
    {
        m_pin = QStringLiteral("00:11:22");
        const Reply r = call("GET", QStringLiteral("/healthz"));
        m_pin = m_fingerprint;
        QCOMPARE(r.error, QNetworkReply::SslHandshakeFailedError);
        QCOMPARE(call("GET", QStringLiteral("/healthz")).status, 200);
    }

    void administratorSession()
    {
        Reply r = call("POST", QStringLiteral("/api/v1/auth/login"), {},
                       {{QStringLiteral("username"), QStringLiteral("root")},
                        {QStringLiteral("password"), QString::fromLatin1(kPassword)}});
        QCOMPARE(r.status, 200);
        const QString root = r.json.value(QStringLiteral("token")).toString();
        QVERIFY(root.startsWith(QLatin1String("ghs_")));

        r = call("POST", QStringLiteral("/api/v1/tenants"), root,
                 {{QStringLiteral("name"), QStringLiteral("acme")},
                  {QStringLiteral("display_name"), QStringLiteral("Acme")},
                  {QStringLiteral("owner_username"), QStringLiteral("olivia")},
                  {QStringLiteral("owner_password"), QString::fromLatin1(kPassword)}});
        QCOMPARE(r.status, 201);
        const QString tenant = r.json.value(QStringLiteral("id")).toString();
        const QString t = QStringLiteral("/api/v1/tenants/") + tenant;

        r = call("POST", QStringLiteral("/api/v1/auth/login"), {},
                 {{QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("username"), QStringLiteral("olivia")},
                  {QStringLiteral("password"), QString::fromLatin1(kPassword)}});
        QCOMPARE(r.status, 200);
        const QString owner = r.json.value(QStringLiteral("token")).toString();

        r = call("POST", t + QStringLiteral("/workspaces"), owner,
                 {{QStringLiteral("name"), QStringLiteral("prod")},
                  {QStringLiteral("display_name"), QStringLiteral("Prod")}});
        QCOMPARE(r.status, 201);
        const QString ws = r.json.value(QStringLiteral("id")).toString();

        r = call("POST", t + QStringLiteral("/users"), owner,
                 {{QStringLiteral("username"), QStringLiteral("sam")},
                  {QStringLiteral("display_name"), QStringLiteral("Sam")},
                  {QStringLiteral("email"), QStringLiteral("sam@acme.test")},
                  {QStringLiteral("password"), QString::fromLatin1(kPassword)}});
        QCOMPARE(r.status, 201);
        const QString sam = r.json.value(QStringLiteral("id")).toString();

        r = call("GET", t + QStringLiteral("/roles"), owner);
        QCOMPARE(r.status, 200);
        QString secretsManager;
        for (const QJsonValue v : r.json.value(QStringLiteral("items")).toArray())
            if (v.toObject().value(QStringLiteral("name")).toString() == QLatin1String("Secrets Manager"))
                secretsManager = v.toObject().value(QStringLiteral("id")).toString();
        QVERIFY(!secretsManager.isEmpty());
        r = call("POST", t + QStringLiteral("/bindings"), owner,
                 {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                  {QStringLiteral("identity_id"), sam},
                  {QStringLiteral("role_id"), secretsManager},
                  {QStringLiteral("workspace_id"), ws}});
        QCOMPARE(r.status, 201);

        // Sam, now a Secrets Manager in prod, stores and reveals a secret.
        r = call("POST", QStringLiteral("/api/v1/auth/login"), {},
                 {{QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("username"), QStringLiteral("sam")},
                  {QStringLiteral("password"), QString::fromLatin1(kPassword)}});
        QCOMPARE(r.status, 200);
        const QString samToken = r.json.value(QStringLiteral("token")).toString();
        const QString secrets = t + QStringLiteral("/workspaces/") + ws + QStringLiteral("/secrets");
        r = call("POST", secrets, samToken,
                 {{QStringLiteral("name"), QStringLiteral("api/key")},
                  {QStringLiteral("value"), QStringLiteral("qnam-canary-51")}});
        QCOMPARE(r.status, 201);
        r = call("POST", secrets + QStringLiteral("/api%2Fkey/reveal"), samToken,
                 {{QStringLiteral("reason"), QStringLiteral("deploy")}});
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json.value(QStringLiteral("value")).toString(), QStringLiteral("qnam-canary-51"));

        // The owner finds the reveal in the audit trail, with its reason and without the value.
        r = call("GET", t + QStringLiteral("/audit/events?action=secret.reveal"), owner);
        QCOMPARE(r.status, 200);
        const QJsonArray events = r.json.value(QStringLiteral("items")).toArray();
        QCOMPARE(events.size(), 1);
        QCOMPARE(events[0].toObject().value(QStringLiteral("actor_name")).toString(), QStringLiteral("sam"));
        QVERIFY(!r.body.contains("qnam-canary-51"));
        const qint64 last = events[0].toObject().value(QStringLiteral("seq")).toInteger();

        // The stream: open it after the reveal, make a change, and see the change arrive.
        QNetworkRequest sse(QUrl(m_base + t + QStringLiteral("/audit/stream")));
        sse.setRawHeader("Authorization", "Bearer " + owner.toLatin1());
        sse.setRawHeader("Last-Event-ID", QByteArray::number(last));
        QNetworkReply* stream = m_nam.get(sse);
        pin(stream);
        QByteArray received;
        connect(stream, &QNetworkReply::readyRead, stream, [&] { received += stream->readAll(); });
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("retry:"), 10000);
        r = call("POST", t + QStringLiteral("/workspaces"), owner,
                 {{QStringLiteral("name"), QStringLiteral("live")},
                  {QStringLiteral("display_name"), QStringLiteral("Live")}});
        QCOMPARE(r.status, 201);
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\"action\":\"workspace.create\""), 10000);
        QVERIFY(received.contains("event: audit"));
        stream->abort();
        stream->deleteLater();
    }

    void sigtermDrainsAndExitsZero()
    {
        m_server.terminate(); // SIGTERM
        QVERIFY(m_server.waitForFinished(15000));
        QCOMPARE(m_server.exitStatus(), QProcess::NormalExit);
        QCOMPARE(m_server.exitCode(), 0);
        QVERIFY(m_server.readAllStandardError().contains("event=stopped"));
    }
};

QTEST_GUILESS_MAIN(TestApiEndToEnd)
#include "TestApiEndToEnd.moc"
