// The audit event stream over a real socket, on a store with 100,000 events in one tenant: a client following
// from the first event receives every event once, in order, then live ones (the history goes out as fast as the
// client reads, never piled up at once); a client that stops reading is dropped with a resync event naming the
// point to resume from, and resuming there goes on without a gap.

#include "ControlPlaneFixture.h"
#include "api/ApiService.h"
#include "api/HttpServer.h"
#include "store/Transaction.h"

#include <QElapsedTimer>
#include <QTcpSocket>
#include <QThread>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

constexpr int kEvents = 100'000;

// Reads a chunked text/event-stream response with blocking waits: the head, then one event at a time.
class EventStreamReader
{
public:
    struct Event
    {
        QByteArray id;
        QByteArray type;
        QByteArray data;
    };

    explicit EventStreamReader(QTcpSocket& socket) : m_socket(socket) {}

    // The status line and headers; false if they do not come.
    bool readHead(int timeoutMs = 10'000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            const qsizetype end = m_raw.indexOf("\r\n\r\n");
            if (end >= 0) {
                m_head = m_raw.left(end);
                m_raw.remove(0, end + 4);
                return true;
            }
            if (!fill(timeoutMs - int(t.elapsed())))
                return false;
        }
    }
    const QByteArray& head() const { return m_head; }

    // The next event (comments and the retry field skipped); empty type if none came within the time or the
    // stream ended.
    Event next(int timeoutMs = 10'000)
    {
        QElapsedTimer t;
        t.start();
        for (;;) {
            const qsizetype end = m_text.indexOf("\n\n", m_pos);
            if (end >= 0) {
                Event e = parse(QByteArrayView(m_text).sliced(m_pos, end - m_pos));
                m_pos = end + 2;
                if (m_pos > 1024 * 1024) {
                    m_text.remove(0, m_pos);
                    m_pos = 0;
                }
                if (!e.type.isEmpty())
                    return e;
                continue;
            }
            if (m_ended)
                return {};
            const int left = timeoutMs - int(t.elapsed());
            if (left <= 0 || !decodeChunks(left))
                return {};
        }
    }

    bool ended() const { return m_ended; }

private:
    static Event parse(QByteArrayView block)
    {
        Event e;
        for (QByteArrayView line : QByteArray::fromRawData(block.data(), block.size()).split('\n')) {
            if (line.startsWith("id: "))
                e.id = line.sliced(4).toByteArray();
            else if (line.startsWith("event: "))
                e.type = line.sliced(7).toByteArray();
            else if (line.startsWith("data: "))
                e.data = line.sliced(6).toByteArray();
        }
        return e;
    }

    // Moves at least one whole chunk (or the end marker) from the socket into the event text.
    bool decodeChunks(int timeoutMs)
    {
        QElapsedTimer t;
        t.start();
        bool moved = false;
        for (;;) {
            const qsizetype eol = m_raw.indexOf("\r\n");
            if (eol >= 0) {
                bool ok = false;
                const qsizetype size = m_raw.left(eol).toLongLong(&ok, 16);
                if (!ok)
                    return false;
                if (m_raw.size() >= eol + 2 + size + 2) {
                    if (size == 0) {
                        m_ended = true;
                        return true;
                    }
                    m_text += QByteArrayView(m_raw).sliced(eol + 2, size);
                    m_raw.remove(0, eol + 2 + size + 2);
                    moved = true;
                    continue;
                }
            }
            if (moved)
                return true;
            if (!fill(timeoutMs - int(t.elapsed())))
                return false;
        }
    }

    bool fill(int timeoutMs)
    {
        if (m_socket.bytesAvailable() == 0 && (timeoutMs <= 0 || !m_socket.waitForReadyRead(timeoutMs)))
            return m_socket.bytesAvailable() > 0 && fill(0);
        m_raw += m_socket.readAll();
        return true;
    }

    QTcpSocket& m_socket;
    QByteArray m_raw;  // as received: chunk framing included
    QByteArray m_text; // the event stream text
    qsizetype m_pos = 0;
    QByteArray m_head;
    bool m_ended = false;
};

} // namespace

class TestAuditStream : public QObject
{
    Q_OBJECT

    ControlPlaneFixture f;
    std::unique_ptr<api::ApiService> m_api;
    QThread m_serverThread;
    api::HttpServer* m_server = nullptr;
    QString m_token;

    // The tenant's events, oldest first, as the store has them now.
    QList<qint64> tenantSeqs()
    {
        QList<qint64> out;
        auto s = f.store->database().prepare("SELECT seq FROM audit_events WHERE tenant_id = ? ORDER BY seq;");
        if (!s)
            return out;
        s.value().bind(1, f.tenantA);
        while (s.value().step().value())
            out << s.value().int64(0);
        return out;
    }

    qint64 followers()
    {
        auto metrics = f.cp->readMetrics(f.system);
        if (!metrics)
            return -1;
        for (const service::MetricSample& m : metrics.value())
            if (qstrcmp(m.name, "gatehouse_audit_followers") == 0)
                return m.value;
        return -1;
    }

    bool openStream(QTcpSocket& socket, EventStreamReader& reader, const QByteArray& lastEventId = {})
    {
        socket.connectToHost(QHostAddress::LocalHost, m_server->port());
        if (!socket.waitForConnected(5000))
            return false;
        QByteArray request = "GET /api/v1/tenants/" + f.tenantA.toUtf8() +
                             "/audit/stream HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + m_token.toUtf8() +
                             "\r\n";
        if (!lastEventId.isEmpty())
            request += "Last-Event-ID: " + lastEventId + "\r\n";
        socket.write(request + "\r\n");
        return reader.readHead() && reader.head().startsWith("HTTP/1.1 200");
    }

private slots:
    void initTestCase()
    {
        QVERIFY(f.setUp());
        // The tenant's long history, written straight to the trail in group commits (as the control plane
        // would, without the cost of one operation per event).
        store::Database& db = f.store->database();
        audit::AuditLog log(db);
        {
            auto tx = store::Transaction::begin(db);
            QVERIFY(tx);
            QVERIFY(log.openSigningKey(f.store->deriveKey("gatehouse/audit-signing").value(), f.clock.nowMs()));
            QVERIFY(log.setCheckpointPolicy({10'000, 24LL * 3600 * 1000}, f.clock.nowMs()));
            QVERIFY(tx.value().commit());
        }
        QElapsedTimer t;
        t.start();
        constexpr int kBatch = 5000;
        for (int done = 0; done < kEvents; done += kBatch) {
            std::vector<audit::AuditEvent> batch(std::size_t(kBatch), audit::AuditEvent{});
            for (int i = 0; i < kBatch; ++i) {
                audit::AuditEvent& e = batch[std::size_t(i)];
                e.timeMs = f.clock.nowMs();
                e.tenantId = f.tenantA;
                e.workspaceId = f.w1;
                e.actorKind = QStringLiteral("user");
                e.actorId = QStringLiteral("usr_stream");
                e.actorName = QStringLiteral("streamer");
                e.action = QStringLiteral("secret.read");
                e.targetKind = QStringLiteral("secret");
                e.targetId = QStringLiteral("sec_%1").arg(done + i);
                e.outcome = QStringLiteral("success");
                e.source = QStringLiteral("api");
            }
            auto tx = store::Transaction::begin(db);
            QVERIFY(tx);
            QVERIFY(log.appendBatch(batch));
            QVERIFY(tx.value().commit());
        }
        qInfo("%d events written in %lld ms", kEvents, t.elapsed());

        api::ApiConfig config;
        config.addressRate = 0;
        config.tokenRate = 0;
        config.tls = false;
        config.accessLog = false;
        m_api = std::make_unique<api::ApiService>(*f.cp, config);
        api::ServerLimits limits;
        limits.idleTimeoutMs = 3000; // how long a stream waits for a client that reads nothing
        m_serverThread.start();
        m_server = new api::HttpServer(*m_api, limits);
        m_server->moveToThread(&m_serverThread);
        bool listening = false;
        QMetaObject::invokeMethod(
            m_server,
            [&] {
                api::ListenConfig cfg;
                cfg.mode = api::ListenConfig::Mode::PlainHttp;
                listening = m_server->listen(cfg).ok();
            },
            Qt::BlockingQueuedConnection);
        QVERIFY(listening);
        m_token = f.signIn(QStringLiteral("acme"), QStringLiteral("alice")).token;
        QVERIFY(m_token.startsWith(QLatin1String("ghs_")));
    }

    void cleanupTestCase()
    {
        if (m_server)
            QMetaObject::invokeMethod(
                m_server, [this] { delete m_server; }, Qt::BlockingQueuedConnection);
        m_serverThread.quit();
        m_serverThread.wait();
        m_api.reset();
    }

    void followsTheWholeHistoryThenLiveEvents()
    {
        QTcpSocket socket;
        EventStreamReader reader(socket);
        QElapsedTimer t;
        t.start();
        QVERIFY(openStream(socket, reader));
        // Subscribing wrote its own audit event before the head came: the history is now fixed.
        const QList<qint64> expected = tenantSeqs();
        QVERIFY(expected.size() > kEvents);
        for (qsizetype i = 0; i < expected.size(); ++i) {
            const EventStreamReader::Event e = reader.next();
            QVERIFY2(e.type == "audit", qPrintable(QStringLiteral("event %1 of %2: '%3' (stream ended: %4)")
                                                       .arg(i)
                                                       .arg(expected.size())
                                                       .arg(QString::fromUtf8(e.type))
                                                       .arg(reader.ended())));
            if (e.id.toLongLong() != expected[i])
                QFAIL(qPrintable(QStringLiteral("event %1: seq %2, expected %3")
                                     .arg(i)
                                     .arg(QString::fromUtf8(e.id))
                                     .arg(expected[i])));
        }
        qInfo("followed %lld events from the first in %lld ms", qint64(expected.size()), t.elapsed());

        // Then a live one.
        QVERIFY(f.cp->createWorkspace(f.system, f.tenantA, QStringLiteral("live"), QStringLiteral("Live")));
        const QList<qint64> now = tenantSeqs();
        QVERIFY(now.size() > expected.size());
        for (qsizetype i = expected.size(); i < now.size(); ++i) {
            const EventStreamReader::Event e = reader.next();
            QCOMPARE(e.type, QByteArray("audit"));
            QCOMPARE(e.id.toLongLong(), now[i]);
        }
    }

    void clientThatStopsReadingGetsAResync()
    {
        QTRY_COMPARE_WITH_TIMEOUT(followers(), 0, 10'000); // the previous test's stream is gone
        QTcpSocket socket;
        // Qt reads ahead only this much while the test waits: past it the client really reads nothing.
        socket.setReadBufferSize(64 * 1024);
        EventStreamReader reader(socket);
        QVERIFY(openStream(socket, reader));
        const QList<qint64> expected = tenantSeqs();
        QCOMPARE(followers(), 1);
        // Read nothing: the server stops producing once its queue is full, and after the idle timeout without
        // progress it drops the client.
        QTRY_COMPARE_WITH_TIMEOUT(followers(), 0, 30'000);
        // What was queued arrives in order, then the resync naming the last event sent.
        qsizetype i = 0;
        EventStreamReader::Event e;
        for (;;) {
            e = reader.next();
            if (e.type != "audit")
                break;
            QVERIFY(i < expected.size());
            QCOMPARE(e.id.toLongLong(), expected[i]);
            ++i;
        }
        QCOMPARE(e.type, QByteArray("resync"));
        QVERIFY2(i > 0 && i < expected.size(), qPrintable(QString::number(i)));
        QCOMPARE(e.data, "{\"resume_after\":" + QByteArray::number(expected[i - 1]) + "}");
        QCOMPARE(reader.next().type, QByteArray()); // the end of the response
        QVERIFY(reader.ended());
        QVERIFY(socket.state() == QAbstractSocket::UnconnectedState || socket.waitForDisconnected(5000));
        qInfo("stalled client received %lld events before the resync", qint64(i));

        // Resuming there goes on with the next event.
        QTcpSocket again;
        EventStreamReader resumed(again);
        QVERIFY(openStream(again, resumed, QByteArray::number(expected[i - 1])));
        const EventStreamReader::Event next = resumed.next();
        QCOMPARE(next.type, QByteArray("audit"));
        QCOMPARE(next.id.toLongLong(), expected[i]);
    }
};

QTEST_GUILESS_MAIN(TestAuditStream)
#include "TestAuditStream.moc"
