// TLS termination in the HTTP server: one OpenSSL context shared by every connection, swapped on reload while open
// connections keep theirs, the verified client certificate's fingerprint handed to the request handler, no session
// tickets, and configurations the context refuses.

#include "HttpTestClient.h"
#include "TestSupport.h"
#include "TlsTestSupport.h"
#include "api/HttpServer.h"
#include "api/TlsCertificate.h"
#include "api/TlsContext.h"
#include "api/TlsPolicy.h"

#include <QElapsedTimer>
#include <QMutex>
#include <QProcess>
#include <QSslSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace gatehouse;
using namespace gatehouse::api;

namespace {

constexpr int kTimeoutMs = 10'000;

// Answers every request with the fingerprint of the client certificate the server saw ("-" for none).
class FingerprintHandler : public RequestHandler
{
public:
    HttpResponse handle(const HttpRequest& request, const ConnectionInfo& connection,
                        const StreamStarter& startStream) override
    {
        HttpResponse r;
        if (request.rawPath == "/export") {
            // A body bigger than the connection may queue (1 MiB): the handler waits for the client as it writes.
            auto stream = startStream(HttpResponse{});
            for (int i = 0; i < 64; ++i)
                if (!stream->write(QByteArray(64 * 1024, char('a' + i % 26))))
                    return r;
            stream->finish();
            r.sent = true;
            return r;
        }
        r.setHeader("Content-Type", "text/plain");
        r.body = connection.peerCertificateSha256.isEmpty() ? QByteArray("-") : connection.peerCertificateSha256;
        return r;
    }
    HttpResponse protocolError(int status, const QString& message) override
    {
        HttpResponse r;
        r.status = status;
        r.body = message.toUtf8();
        r.close = true;
        return r;
    }
};

// A TLS server whose listener runs in its own thread, so the test can use blocking client calls.
class TlsServer
{
public:
    explicit TlsServer(const QSslConfiguration& tls)
    {
        m_thread.start();
        m_server = new HttpServer(m_handler);
        m_server->moveToThread(&m_thread);
        ListenConfig cfg;
        cfg.mode = ListenConfig::Mode::Tls;
        cfg.tls = tls;
        QMetaObject::invokeMethod(
            m_server, [&] { m_listening = m_server->listen(cfg).ok(); }, Qt::BlockingQueuedConnection);
    }
    ~TlsServer()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }
    HttpServer& server() { return *m_server; }

private:
    FingerprintHandler m_handler;
    QThread m_thread;
    HttpServer* m_server = nullptr;
    bool m_listening = false;
};

QByteArray get(const QByteArray& path)
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n\r\n";
}

} // namespace

class TestTlsContext : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void connectionsShareOneContext();
    void reloadSwapsTheContextForNewConnectionsOnly();
    void failedReloadKeepsTheContext();
    void clientCertificateFingerprintReachesTheHandler_data();
    void clientCertificateFingerprintReachesTheHandler();
    void pipelinedAndStreamedOverTls();
    void noSessionTicketIsIssued();
    void refusesWeakerConfigurations();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QSslConfiguration serverConfig(const TlsCertificate& certificate) const;
    // Connects a client pinned to `pin`, optionally presenting the client certificate `name`.
    bool connectClient(QSslSocket& client, quint16 port, const QString& pin, const QString& name = {});

    QTemporaryDir m_dir;
    std::optional<TlsCertificate> m_first;
    std::optional<TlsCertificate> m_second;
};

void TestTlsContext::initTestCase()
{
    QVERIFY(m_dir.isValid());
    const QStringList p256{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256")};
    for (const QString& name : {QStringLiteral("first"), QStringLiteral("second")})
        QVERIFY(test::makeSelfSigned(path(name + QStringLiteral(".crt")), path(name + QStringLiteral(".key")), p256));
    auto first =
        TlsCertificate::load(path(QStringLiteral("first.crt")), path(QStringLiteral("first.key")), Clock::system());
    auto second =
        TlsCertificate::load(path(QStringLiteral("second.crt")), path(QStringLiteral("second.key")), Clock::system());
    QVERIFY2(first && second, "cannot load the test certificates");
    m_first = std::move(first).value();
    m_second = std::move(second).value();
    QVERIFY(m_first->sha256Fingerprint() != m_second->sha256Fingerprint());

    QVERIFY(test::makeSelfSigned(path(QStringLiteral("client-ca.crt")), path(QStringLiteral("client-ca.key")), p256));
    QVERIFY(test::issueClientCertificate(m_dir.path(), QStringLiteral("client-ca"), QStringLiteral("integration")));
    QVERIFY(test::makeSelfSigned(path(QStringLiteral("self.crt")), path(QStringLiteral("self.key")), p256));
}

QSslConfiguration TestTlsContext::serverConfig(const TlsCertificate& certificate) const
{
    auto config = TlsPolicy::serverConfiguration(certificate);
    return config ? config.value() : QSslConfiguration();
}

bool TestTlsContext::connectClient(QSslSocket& client, quint16 port, const QString& pin, const QString& name)
{
    QSslConfiguration config = TlsPolicy::clientConfiguration();
    if (!name.isEmpty()) {
        auto pair = TlsCertificate::load(path(name + QStringLiteral(".crt")), path(name + QStringLiteral(".key")),
                                         Clock::system());
        if (!pair)
            return false;
        config.setLocalCertificateChain(pair.value().chain());
        config.setPrivateKey(pair.value().privateKey());
    }
    client.setSslConfiguration(config);
    if (!TlsPolicy::pinServer(client, pin))
        return false;
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), port);
    return client.waitForEncrypted(kTimeoutMs);
}

void TestTlsContext::connectionsShareOneContext()
{
    const qint64 builtBefore = TlsContext::builtCount();
    TlsServer s(serverConfig(*m_first));
    QVERIFY(s.listening());
    QCOMPARE(TlsContext::builtCount(), builtBefore + 1);
    const std::shared_ptr<const TlsContext> context = s.server().tlsContext();
    QVERIFY(context);

    const QString pin = m_first->sha256Fingerprint();
    QSslSocket a, b, c;
    for (QSslSocket* client : {&a, &b, &c}) {
        QVERIFY2(connectClient(*client, s.server().port(), pin), qPrintable(client->errorString()));
        client->write(get("/"));
        QCOMPARE(RawReader(*client).next().status, 200);
    }
    // No context per connection: the one built at listen() is held by the server, this test and each connection.
    QCOMPARE(TlsContext::builtCount(), builtBefore + 1);
    QCOMPARE(context.use_count(), long(2 + 3));
    a.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(context.use_count() == 2 + 2, kTimeoutMs);
}

void TestTlsContext::reloadSwapsTheContextForNewConnectionsOnly()
{
    TlsServer s(serverConfig(*m_first));
    QVERIFY(s.listening());
    QSslSocket before;
    QVERIFY2(connectClient(before, s.server().port(), m_first->sha256Fingerprint()), qPrintable(before.errorString()));
    RawReader beforeReader(before);
    before.write(get("/"));
    QCOMPARE(beforeReader.next().status, 200);
    std::weak_ptr<const TlsContext> old = s.server().tlsContext();

    // What SIGHUP does: a new certificate, a new context.
    const qint64 builtBefore = TlsContext::builtCount();
    QVERIFY(s.server().setTlsConfiguration(serverConfig(*m_second)));
    QCOMPARE(TlsContext::builtCount(), builtBefore + 1);
    QVERIFY(s.server().tlsContext() != old.lock());
    QVERIFY(!old.expired()); // the open connection holds it

    QSslSocket after;
    QVERIFY2(connectClient(after, s.server().port(), m_second->sha256Fingerprint()), qPrintable(after.errorString()));
    QCOMPARE(TlsCertificate::fingerprintOf(after.peerCertificate()), m_second->sha256Fingerprint());
    RawReader afterReader(after);
    after.write(get("/"));
    QCOMPARE(afterReader.next().status, 200);

    // The connection opened before the reload goes on with its certificate and context.
    before.write(get("/again"));
    QCOMPARE(beforeReader.next().status, 200);
    QCOMPARE(TlsCertificate::fingerprintOf(before.peerCertificate()), m_first->sha256Fingerprint());
    before.disconnectFromHost();
    QTRY_VERIFY_WITH_TIMEOUT(old.expired(), kTimeoutMs); // freed with the last connection that used it
}

void TestTlsContext::failedReloadKeepsTheContext()
{
    TlsServer s(serverConfig(*m_first));
    QVERIFY(s.listening());
    const auto current = s.server().tlsContext();
    QSslConfiguration broken = serverConfig(*m_second);
    broken.setPrivateKey(m_first->privateKey()); // not the certificate's key
    const auto r = s.server().setTlsConfiguration(broken);
    QVERIFY(!r);
    QVERIFY2(r.error().message.contains(QStringLiteral("does not belong")), qPrintable(r.error().message));
    QVERIFY(s.server().tlsContext() == current);
    QSslSocket client;
    QVERIFY2(connectClient(client, s.server().port(), m_first->sha256Fingerprint()), qPrintable(client.errorString()));
}

void TestTlsContext::clientCertificateFingerprintReachesTheHandler_data()
{
    QTest::addColumn<QString>("clientCertificate");
    QTest::addColumn<bool>("served");
    QTest::newRow("issued by the client CA") << QStringLiteral("integration") << true;
    QTest::newRow("none") << QString() << false;
    QTest::newRow("self-signed") << QStringLiteral("self") << false;
}

void TestTlsContext::clientCertificateFingerprintReachesTheHandler()
{
    QFETCH(QString, clientCertificate);
    QFETCH(bool, served);
    QSslConfiguration config = serverConfig(*m_first);
    QVERIFY(TlsPolicy::requireClientCertificates(config, path(QStringLiteral("client-ca.crt"))));
    TlsServer s(config);
    QVERIFY(s.listening());

    QSslSocket client;
    const bool encrypted = connectClient(client, s.server().port(), m_first->sha256Fingerprint(), clientCertificate);
    if (served) {
        QVERIFY2(encrypted, qPrintable(client.errorString()));
        RawReader reader(client);
        client.write(get("/"));
        const RawResponse r = reader.next();
        QCOMPARE(r.status, 200);
        // As the request handler gets it: lower-case hex without colons, of the certificate the client presented.
        const QByteArray expected =
            test::openssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                           QStringLiteral("-sha256"), QStringLiteral("-in"),
                           path(clientCertificate + QStringLiteral(".crt"))})
                .output.trimmed()
                .split('=')
                .value(1)
                .replace(":", "")
                .toLower();
        QVERIFY(!expected.isEmpty());
        QCOMPARE(r.body, expected);
        return;
    }
    // In TLS 1.3 the client may finish its side first: what counts is that no request is ever answered.
    if (encrypted) {
        RawReader reader(client);
        client.write(get("/"));
        QCOMPARE(reader.next(2000).status, 0);
        QVERIFY(reader.closedWithin(kTimeoutMs));
    }
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
}

void TestTlsContext::pipelinedAndStreamedOverTls()
{
    TlsServer s(serverConfig(*m_first));
    QVERIFY(s.listening());
    QSslSocket client;
    QVERIFY2(connectClient(client, s.server().port(), m_first->sha256Fingerprint()), qPrintable(client.errorString()));
    // Two requests in one write are answered in order; then a 4 MiB streamed body read slowly, then one more.
    client.write(get("/one") + get("/two"));
    RawReader reader(client);
    QCOMPARE(reader.next().status, 200);
    QCOMPARE(reader.next().status, 200);
    client.write(get("/export"));
    QByteArray received;
    QElapsedTimer t;
    t.start();
    while (!received.endsWith("\r\n0\r\n\r\n") && t.elapsed() < 30'000) {
        if (client.bytesAvailable() == 0)
            client.waitForReadyRead(1000);
        received += client.read(256 * 1024);
        QThread::msleep(5); // slower than the server writes, so its queue fills and it has to wait
    }
    QVERIFY(received.startsWith("HTTP/1.1 200"));
    QVERIFY(received.contains("Transfer-Encoding: chunked"));
    qsizetype body = 0;
    for (qsizetype at = received.indexOf("\r\n\r\n") + 4; at < received.size();) {
        const qsizetype eol = received.indexOf("\r\n", at);
        bool ok = false;
        const qsizetype size = received.mid(at, eol - at).toLongLong(&ok, 16);
        QVERIFY(ok);
        if (size == 0)
            break;
        QCOMPARE(received.mid(eol + 2, size), QByteArray(size, char('a' + (body / (64 * 1024)) % 26)));
        body += size;
        at = eol + 2 + size + 2;
    }
    QCOMPARE(body, qsizetype(64) * 64 * 1024);
    client.write(get("/after"));
    QCOMPARE(RawReader(client).next().status, 200);
}

void TestTlsContext::noSessionTicketIsIssued()
{
    TlsServer s(serverConfig(*m_first));
    QVERIFY(s.listening());
    QProcess sClient;
    sClient.setProcessChannelMode(QProcess::MergedChannels);
    sClient.start(QStringLiteral("openssl"), {QStringLiteral("s_client"), QStringLiteral("-connect"),
                                              QStringLiteral("127.0.0.1:%1").arg(s.server().port()),
                                              QStringLiteral("-tls1_3"), QStringLiteral("-ign_eof")});
    QVERIFY(sClient.waitForStarted(kTimeoutMs));
    sClient.write("GET / HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n");
    sClient.closeWriteChannel();
    QVERIFY(sClient.waitForFinished(kTimeoutMs));
    const QByteArray out = sClient.readAll();
    QVERIFY2(out.contains("HTTP/1.1 200"), out.constData());
    QVERIFY2(out.contains("TLSv1.3"), out.constData());
    QVERIFY2(!out.contains("Session Ticket arrived"), out.constData());
}

void TestTlsContext::refusesWeakerConfigurations()
{
    QSslConfiguration tls10 = serverConfig(*m_first);
    tls10.setProtocol(QSsl::AnyProtocol);
    QVERIFY(!TlsContext::build(tls10));
    QSslConfiguration query = serverConfig(*m_first);
    query.setPeerVerifyMode(QSslSocket::QueryPeer);
    QVERIFY(!TlsContext::build(query));
    QSslConfiguration noKey = serverConfig(*m_first);
    noKey.setPrivateKey({});
    QVERIFY(!TlsContext::build(noKey));
    QVERIFY(TlsContext::build(serverConfig(*m_first)));
}

QTEST_GUILESS_MAIN(TestTlsContext)
#include "TestTlsContext.moc"
