// The HTTP/1.1 server against raw sockets: keep-alive, Connection: close, HTTP/1.0, pipelining, every limit with
// its status, the timeouts (slow-loris included), the connection cap, TLS handshake timeout, and draining.

#include "HttpTestClient.h"
#include "api/HttpServer.h"

#include <QMutex>
#include <QProcess>
#include <QSet>
#include <QSslKey>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace gatehouse;
using namespace gatehouse::api;

namespace {

class EchoHandler : public RequestHandler
{
public:
    HttpResponse handle(const HttpRequest& request, const ConnectionInfo&, const StreamStarter&) override
    {
        {
            QMutexLocker lock(&mutex);
            threads.insert(QThread::currentThread());
        }
        HttpResponse r;
        if (request.rawPath == "/slow")
            QThread::msleep(300);
        if (request.rawPath == "/flood") {
            // An event stream that produces faster than its client reads: 8 MiB at once.
            r.stream = [](std::shared_ptr<ResponseStream> s) {
                const QByteArray chunk(64 * 1024, 'e');
                for (int i = 0; i < 128; ++i)
                    if (!s->write(chunk))
                        return;
                s->finish();
            };
            return r;
        }
        if (request.rawPath == "/stream") {
            r.stream = [](std::shared_ptr<ResponseStream> s) {
                s->write("first;");
                s->write("second");
                s->finish();
            };
            return r;
        }
        r.setHeader("Content-Type", "text/plain");
        r.body = request.method + ' ' + request.rawPath + ' ' + QByteArray::number(request.body.size());
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

    QMutex mutex;
    QSet<QThread*> threads; // where handle() ran
};

// A server whose listener runs in its own thread, so the test can use blocking socket calls.
class ServerUnderTest
{
public:
    ServerUnderTest(const ServerLimits& limits, const ListenConfig& config = {})
    {
        m_thread.start();
        m_server = new HttpServer(m_handler, limits);
        m_server->moveToThread(&m_thread);
        ListenConfig cfg = config;
        if (cfg.mode == ListenConfig::Mode::Tls && cfg.tls.localCertificate().isNull())
            cfg.mode = ListenConfig::Mode::PlainHttp;
        QMetaObject::invokeMethod(
            m_server, [&] { m_listening = m_server->listen(cfg).ok(); }, Qt::BlockingQueuedConnection);
    }
    ~ServerUnderTest()
    {
        QMetaObject::invokeMethod(
            m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_thread.quit();
        m_thread.wait();
    }
    bool listening() const { return m_listening; }
    EchoHandler& handler() { return m_handler; }
    quint16 port() const { return m_server->port(); }
    HttpServer& server() { return *m_server; }
    QThread& thread() { return m_thread; }

private:
    EchoHandler m_handler;
    QThread m_thread;
    HttpServer* m_server = nullptr;
    bool m_listening = false;
};

ServerLimits fastLimits()
{
    ServerLimits l;
    l.idleTimeoutMs = 600;
    l.handshakeTimeoutMs = 600;
    l.requestTimeoutMs = 2000;
    l.maxConnections = 8;
    return l;
}

bool connectTo(QTcpSocket& s, quint16 port)
{
    s.connectToHost(QHostAddress::LocalHost, port);
    return s.waitForConnected(3000);
}

QByteArray get(const QByteArray& path, const QByteArray& extra = {})
{
    return "GET " + path + " HTTP/1.1\r\nHost: localhost\r\n" + extra + "\r\n";
}

// A TLS listener with a throwaway self-signed certificate (made by the openssl command line in `dir`).
bool tlsListenConfig(const QTemporaryDir& dir, ListenConfig& cfg)
{
    const QString crt = dir.filePath(QStringLiteral("c.crt"));
    const QString key = dir.filePath(QStringLiteral("c.key"));
    QProcess p;
    p.start(QStringLiteral("openssl"),
            {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
             QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
             QStringLiteral("-subj"), QStringLiteral("/CN=localhost"), QStringLiteral("-days"), QStringLiteral("1"),
             QStringLiteral("-keyout"), key, QStringLiteral("-out"), crt});
    if (!p.waitForFinished(20000) || p.exitCode() != 0)
        return false;
    QFile cf(crt), kf(key);
    if (!cf.open(QIODevice::ReadOnly) || !kf.open(QIODevice::ReadOnly))
        return false;
    cfg.mode = ListenConfig::Mode::Tls;
    cfg.tls = QSslConfiguration::defaultConfiguration();
    cfg.tls.setLocalCertificate(QSslCertificate(cf.readAll()));
    cfg.tls.setPrivateKey(QSslKey(kf.readAll(), QSsl::Ec));
    return !cfg.tls.localCertificate().isNull();
}

} // namespace

class TestHttpServer : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void keepAliveServesManyRequests()
    {
        ServerUnderTest s(fastLimits());
        QVERIFY(s.listening());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        for (int i = 0; i < 3; ++i) {
            c.write(get("/a" + QByteArray::number(i)));
            const RawResponse r = reader.next();
            QVERIFY(r.complete);
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, "GET /a" + QByteArray::number(i) + " 0");
            QCOMPARE(r.header("connection"), QByteArray("keep-alive"));
        }
        QCOMPARE(c.state(), QAbstractSocket::ConnectedState);
        QCOMPARE(s.server().servedRequests(), 3);
        // Requests are handled on worker threads, never on the listener's (the desktop's GUI thread).
        QMutexLocker lock(&s.handler().mutex);
        QVERIFY(!s.handler().threads.isEmpty());
        QVERIFY(!s.handler().threads.contains(&s.thread()));
        QVERIFY(!s.handler().threads.contains(QThread::currentThread()));
    }

    void connectionCloseIsHonoured()
    {
        ServerUnderTest s(fastLimits());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        c.write(get("/x", "Connection: close\r\n"));
        const RawResponse r = reader.next();
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(reader.closedWithin(2000));
    }

    void http10ClosesUnlessKeepAlive()
    {
        ServerUnderTest s(fastLimits());
        {
            QTcpSocket c;
            QVERIFY(connectTo(c, s.port()));
            RawReader reader(c);
            c.write("GET /old HTTP/1.0\r\n\r\n"); // no Host needed in 1.0
            const RawResponse r = reader.next();
            QCOMPARE(r.status, 200);
            QCOMPARE(r.body, QByteArray("GET /old 0"));
            QVERIFY(reader.closedWithin(2000));
        }
        {
            QTcpSocket c;
            QVERIFY(connectTo(c, s.port()));
            RawReader reader(c);
            c.write("GET /a HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            QCOMPARE(reader.next().status, 200);
            c.write("GET /b HTTP/1.0\r\nConnection: keep-alive\r\n\r\n");
            QCOMPARE(reader.next().body, QByteArray("GET /b 0"));
        }
    }

    void pipelinedRequestsAnsweredInOrder()
    {
        ServerUnderTest s(fastLimits());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        // One write, three requests, the first slow: answers must still come in order.
        c.write(get("/slow") + "POST /two HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello" + get("/three"));
        QCOMPARE(reader.next().body, QByteArray("GET /slow 0"));
        QCOMPARE(reader.next().body, QByteArray("POST /two 5"));
        QCOMPARE(reader.next().body, QByteArray("GET /three 0"));
    }

    void limitsAnswerWithTheirStatus_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::newRow("headers over 16 KiB") << get("/", "X-Big: " + QByteArray(17 * 1024, 'a') + "\r\n") << 431;
        QTest::newRow("request line over 16 KiB") << get("/" + QByteArray(17 * 1024, 'a')) << 431;
        QTest::newRow("too many headers") << get("/", QByteArray("X-A: 1\r\n").repeated(101)) << 431;
        QTest::newRow("body over 1 MiB (announced)")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 2097152\r\n\r\n") << 413;
        QTest::newRow("chunked body") << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n"
                                                    "5\r\nhello\r\n0\r\n\r\n")
                                      << 411;
        QTest::newRow("length and chunked (smuggling)")
            << QByteArray(
                   "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n")
            << 411;
        QTest::newRow("two different lengths")
            << QByteArray("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!") << 400;
        QTest::newRow("malformed request line") << QByteArray("GARBAGE\r\n\r\n") << 400;
        QTest::newRow("binary noise") << QByteArray("\x01\x02\x03\xff\xfe\r\n\r\n", 9) << 400;
        QTest::newRow("missing host in 1.1") << QByteArray("GET / HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("absolute form") << QByteArray("GET http://evil/ HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
        QTest::newRow("HTTP/2.0 request line") << QByteArray("GET / HTTP/2.0\r\nHost: h\r\n\r\n") << 505;
        QTest::newRow("CONNECT") << QByteArray("CONNECT host:443 HTTP/1.1\r\nHost: h\r\n\r\n") << 400;
    }
    void limitsAnswerWithTheirStatus()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        ServerUnderTest s(fastLimits());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        c.write(request);
        const RawResponse r = reader.next();
        QVERIFY2(r.complete, "no response");
        QCOMPARE(r.status, status);
        QCOMPARE(r.header("connection"), QByteArray("close"));
        QVERIFY(reader.closedWithin(2000));
        // The message never echoes the client's bytes.
        QVERIFY(!r.body.contains("aaaa"));
    }

    // An oversized request sent in one go, over plain TCP and TLS: the server answers before it has read it all,
    // and must close so that the client still reads the answer (no reset that destroys it), every time.
    void errorAnswerSurvivesTheClose_data()
    {
        QTest::addColumn<bool>("tls");
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        QTest::addColumn<int>("rounds");
        const QByteArray line64k = get("/" + QByteArray(64 * 1024, 'a'));
        const QByteArray line1m = get("/" + QByteArray(1024 * 1024, 'a'));
        // More than the kernel's socket buffers hold: the client is still sending when the answer comes.
        const QByteArray body16m =
            "POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 16777216\r\n\r\n" + QByteArray(16 * 1024 * 1024, 'b');
        for (bool tls : {false, true}) {
            const char* over = tls ? "tls" : "plain";
            QTest::addRow("%s: 64 KiB request line", over) << tls << line64k << 431 << 50;
            QTest::addRow("%s: 1 MiB request line", over) << tls << line1m << 431 << 50;
            QTest::addRow("%s: 16 MiB body", over) << tls << body16m << 413 << 10;
        }
    }
    void errorAnswerSurvivesTheClose()
    {
        QFETCH(bool, tls);
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        QFETCH(int, rounds);
        QTemporaryDir dir;
        ListenConfig cfg;
        if (tls)
            QVERIFY(tlsListenConfig(dir, cfg));
        ServerLimits limits = fastLimits();
        // The whole of the largest request is read and dropped, however slowly a loaded machine sends it.
        limits.idleTimeoutMs = 30'000;
        limits.handshakeTimeoutMs = 30'000;
        limits.lingerMs = 30'000;
        limits.lingerBytes = 64 * 1024 * 1024;
        // A connection counts until the server has seen the client's side close too, which a slow (sanitizer)
        // build may not have done for the previous rounds yet: the limit is not what this test is about.
        limits.maxConnections = rounds + 2;
        ServerUnderTest s(limits, cfg);
        QVERIFY(s.listening());
        for (int i = 0; i < rounds; ++i) {
            std::unique_ptr<QTcpSocket> c;
            if (tls) {
                auto* ssl = new QSslSocket;
                c.reset(ssl);
                ssl->setPeerVerifyMode(QSslSocket::VerifyNone);
                ssl->connectToHostEncrypted(QStringLiteral("localhost"), s.port());
                QVERIFY2(ssl->waitForEncrypted(5000), qPrintable(ssl->errorString()));
            } else {
                c = std::make_unique<QTcpSocket>();
                QVERIFY(connectTo(*c, s.port()));
            }
            RawReader reader(*c);
            // As most clients do: the whole request first, then the answer.
            c->write(request);
            while (c->bytesToWrite() > 0 && c->state() == QAbstractSocket::ConnectedState)
                if (!c->waitForBytesWritten(10'000))
                    break;
            const RawResponse r = reader.next(10'000);
            QVERIFY2(r.complete,
                     qPrintable(QStringLiteral("round %1: no complete answer (%2)").arg(i).arg(c->errorString())));
            QCOMPARE(r.status, status);
            QCOMPARE(r.header("connection"), QByteArray("close"));
            // The server then ends the connection itself, the client having read everything.
            QVERIFY(reader.closedWithin(30'000));
        }
    }

    void bodyOverLimitWithoutAnnouncedLengthIsCut()
    {
        ServerLimits l = fastLimits();
        l.parser.maxBodyBytes = 1000;
        ServerUnderTest s(l);
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        c.write("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1000\r\n\r\n" + QByteArray(1000, 'x'));
        QCOMPARE(reader.next().body, QByteArray("POST / 1000"));
        c.write("POST / HTTP/1.1\r\nHost: h\r\nContent-Length: 1001\r\n\r\n");
        QCOMPARE(reader.next().status, 413);
    }

    void idleConnectionsAreClosed()
    {
        ServerUnderTest s(fastLimits());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        c.write(get("/"));
        QCOMPARE(reader.next().status, 200);
        QElapsedTimer t;
        t.start();
        QVERIFY(reader.closedWithin(3000));
        QVERIFY2(t.elapsed() >= 400, "closed before the idle timeout");
    }

    void slowLorisIsCut()
    {
        // A client dribbling its headers a byte at a time does not get to keep the connection past the idle
        // timeout, however steadily it sends.
        ServerUnderTest s(fastLimits());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        const QByteArray request = get("/", "X-Slow: " + QByteArray(200, 'z') + "\r\n");
        QElapsedTimer t;
        t.start();
        int sent = 0;
        while (c.state() == QAbstractSocket::ConnectedState && sent < request.size() && t.elapsed() < 4000) {
            c.write(request.mid(sent++, 1));
            c.waitForBytesWritten(100);
            c.waitForReadyRead(50);
        }
        RawReader reader(c);
        QVERIFY(reader.closedWithin(2000));
        QVERIFY2(t.elapsed() < 2500, "the slow client held the connection too long");
        QVERIFY(sent < request.size());
    }

    void connectionCapRefusesOnlyNewConnections()
    {
        ServerLimits l = fastLimits();
        l.maxConnections = 3;
        l.idleTimeoutMs = 5000;
        ServerUnderTest s(l);
        QList<QTcpSocket*> open;
        for (int i = 0; i < 3; ++i) {
            auto* c = new QTcpSocket;
            QVERIFY(connectTo(*c, s.port()));
            RawReader r(*c);
            c->write(get("/"));
            QCOMPARE(r.next().status, 200);
            open.append(c);
        }
        QTcpSocket extra;
        QVERIFY(connectTo(extra, s.port())); // the kernel accepts; the server closes it at once
        RawReader extraReader(extra);
        extra.write(get("/"));
        QVERIFY(extraReader.closedWithin(2000));
        QVERIFY(!extraReader.next(200).complete);
        QTRY_COMPARE(s.server().refusedConnections(), 1);
        for (QTcpSocket* c : open) {
            RawReader r(*c);
            c->write(get("/still"));
            QCOMPARE(r.next().body, QByteArray("GET /still 0"));
        }
        qDeleteAll(open);
    }

    void streamedBodyIsChunked()
    {
        ServerUnderTest s(fastLimits());
        QTcpSocket c;
        QVERIFY(connectTo(c, s.port()));
        RawReader reader(c);
        c.write(get("/stream") + get("/after"));
        const RawResponse r = reader.next();
        QCOMPARE(r.header("transfer-encoding"), QByteArray("chunked"));
        QCOMPARE(r.body, QByteArray("first;second"));
        QCOMPARE(reader.next().body, QByteArray("GET /after 0")); // the connection goes on after the stream
    }

    void eventStreamThatOutrunsItsClientIsCut()
    {
        ServerLimits l = fastLimits();
        l.workerThreads = 1;
        l.idleTimeoutMs = 60'000; // a stream that waited for its client would hold the only worker this long
        ServerUnderTest s(l);
        QTcpSocket flood;
        QVERIFY(connectTo(flood, s.port()));
        flood.write(get("/flood"));
        flood.waitForBytesWritten(1000);
        // The stream is cut once a megabyte waits for the client; the one worker thread goes on serving others.
        QTcpSocket other;
        QVERIFY(connectTo(other, s.port()));
        RawReader reader(other);
        other.write(get("/after-flood"));
        QCOMPARE(reader.next().body, QByteArray("GET /after-flood 0"));
        RawReader floodReader(flood);
        QVERIFY(floodReader.closedWithin(3000));
        QVERIFY(floodReader.buffer().size() < 8 * 1024 * 1024);
    }

    void tlsHandshakeTimeout()
    {
        QTemporaryDir dir;
        ListenConfig cfg;
        QVERIFY(tlsListenConfig(dir, cfg));
        ServerUnderTest s(fastLimits(), cfg);
        QVERIFY(s.listening());
        // A client that connects and never starts the handshake is cut after the handshake timeout.
        QTcpSocket idle;
        QVERIFY(connectTo(idle, s.port()));
        RawReader reader(idle);
        QElapsedTimer t;
        t.start();
        QVERIFY(reader.closedWithin(3000));
        QVERIFY(t.elapsed() >= 400);
        // A real TLS client is served.
        QSslSocket tls;
        tls.setPeerVerifyMode(QSslSocket::VerifyNone);
        tls.connectToHostEncrypted(QStringLiteral("localhost"), s.port());
        QVERIFY2(tls.waitForEncrypted(5000), qPrintable(tls.errorString()));
        RawReader tr(tls);
        tls.write(get("/secure"));
        QCOMPARE(tr.next().body, QByteArray("GET /secure 0"));
    }

    void shutdownLetsRequestsInFlightFinish()
    {
        ServerUnderTest s(fastLimits());
        QTcpSocket busy, idle;
        QVERIFY(connectTo(busy, s.port()));
        QVERIFY(connectTo(idle, s.port()));
        RawReader busyReader(busy), idleReader(idle);
        idle.write(get("/"));
        QCOMPARE(idleReader.next().status, 200);
        busy.write(get("/slow"));
        QTest::qWait(50);
        bool drained = false;
        QMetaObject::invokeMethod(&s.server(), [&] {
            QObject::connect(&s.server(), &HttpServer::drained, &s.server(), [&] { drained = true; });
            s.server().shutdown(3000);
        });
        const RawResponse r = busyReader.next();
        QCOMPARE(r.body, QByteArray("GET /slow 0"));
        QVERIFY(busyReader.closedWithin(2000));
        QVERIFY(idleReader.closedWithin(2000));
        QTRY_VERIFY(drained);
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(!late.waitForConnected(500) || RawReader(late).closedWithin(1000));
    }
};

QTEST_GUILESS_MAIN(TestHttpServer)
#include "TestHttpServer.moc"
