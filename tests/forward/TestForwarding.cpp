// Audit forwarding against a real collector (rsyslogd with TLS, started by the test): events arrive complete, in
// order and parseable in each format; nothing is lost when the collector stops while events are written, nor when
// gatehoused is killed mid-send; a collector whose certificate another CA issued is refused and the status says
// why; a tenant's destination never carries another tenant's event.
#include "AuditTamper.h"
#include "ControlPlaneFixture.h"
#include "SyslogCollector.h"
#include "forward/ForwardState.h"
#include "forward/Forwarder.h"
#include "store/Store.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QtTest>

#include <set>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// The sequence number of a received message in each payload format.
qint64 seqOf(const QByteArray& message, const QString& format)
{
    if (format == QLatin1String("cef")) {
        static const QRegularExpression externalId(QStringLiteral("externalId=(\\d+)"));
        const auto m = externalId.match(QString::fromUtf8(message));
        return m.hasMatch() ? m.captured(1).toLongLong() : -1;
    }
    const QJsonDocument doc = QJsonDocument::fromJson(message);
    if (!doc.isObject())
        return -1;
    if (format == QLatin1String("ocsf"))
        return doc.object()
            .value(QLatin1String("metadata"))
            .toObject()
            .value(QLatin1String("uid"))
            .toString()
            .toLongLong();
    return doc.object().value(QLatin1String("seq")).toInteger(-1);
}

forward::Destination destinationFor(const SyslogCollector& collector, const QString& name, const QString& format = {},
                                    const QString& tenantId = {})
{
    forward::Destination d;
    d.tenantId = tenantId;
    d.name = name;
    d.host = QStringLiteral("127.0.0.1");
    d.port = collector.port();
    d.serverName = QStringLiteral("localhost");
    d.caPem = collector.caPem();
    d.format = forward::parseFormat(format).value();
    return d;
}

// Quick retries, so an outage in a test is over in a second.
forward::Forwarder::Config quick()
{
    forward::Forwarder::Config c;
    c.backoffMinMs = 100;
    c.backoffMaxMs = 500;
    c.confirmMs = 300;
    return c;
}

} // namespace

class TestForwarding : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void deliversInOrder_data();
    void deliversInOrder();
    void collectorOutageLosesNothing_data();
    void collectorOutageLosesNothing();
    void killedServerLosesNothing();
    void foreignCaIsRefused();
    void tenantDestinationCarriesOnlyItsTenant();
    void plainTcpOnlyToLoopback();

private:
    forward::DestinationStatus statusOf(const QString& tenantId, const QString& id)
    {
        auto all = m_f->cp->forwardingStatus(m_f->system, tenantId);
        if (all) {
            for (const auto& s : all.value()) {
                if (s.destination.id == id)
                    return s;
            }
        }
        return {};
    }
    std::unique_ptr<ControlPlaneFixture> m_f;
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestForwarding::init()
{
    if (!SyslogCollector::available())
        QSKIP("rsyslogd with the ossl driver is not installed (installer/install-deps.sh installs rsyslog and "
              "rsyslog-openssl)");
    m_tmp = std::make_unique<QTemporaryDir>();
    m_f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestForwarding::deliversInOrder_data()
{
    QTest::addColumn<QString>("format");
    QTest::newRow("json") << QStringLiteral("json");
    QTest::newRow("cef") << QStringLiteral("cef");
    QTest::newRow("ocsf") << QStringLiteral("ocsf");
}

void TestForwarding::deliversInOrder()
{
    QFETCH(QString, format);
    SyslogCollector collector(m_tmp->path());
    QVERIFY(collector.ok());
    QVERIFY2(collector.start(), collector.log().constData());
    QVERIFY(m_f->cp->startForwarding(quick()));
    auto d =
        m_f->cp->createForwardDestination(m_f->system, destinationFor(collector, QStringLiteral("siem"), format), true);
    QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
    // Events of every kind through the control plane, after the destination exists.
    for (int i = 0; i < 40; ++i)
        QVERIFY(m_f->cp->createWorkspace(m_f->system, m_f->tenantA, QStringLiteral("w%1").arg(i), QStringLiteral("W")));
    QVERIFY(!m_f->cp->createWorkspace(m_f->system, m_f->tenantA, QStringLiteral("w1"), QStringLiteral("W")));
    audit::AuditLog log(m_f->store->database());
    const qint64 last = log.lastSeq().value();
    // (Each status read is an audited event too, forwarded like any other.)
    QTRY_VERIFY_WITH_TIMEOUT(statusOf({}, d.value().id).cursorSeq >= last, 15000);
    const QList<QByteArray> messages = collector.messages();
    // Complete and in order: 1, 2, 3, ... each once (no outage, so nothing was sent twice).
    QVERIFY(messages.size() >= last);
    for (qsizetype i = 0; i < messages.size(); ++i)
        QCOMPARE(seqOf(messages[i], format), qint64(i + 1));
    if (format == QLatin1String("json")) {
        // The JSON payload is the event's canonical form: its SHA-256 is the event's hash.
        auto first = log.after(0, 1).value().front();
        QCOMPARE(messages.front(), first.canonical());
    }
    const auto status = statusOf({}, d.value().id);
    QVERIFY(status.connected);
    QVERIFY(status.lastError.isEmpty());
}

void TestForwarding::collectorOutageLosesNothing_data()
{
    QTest::addColumn<bool>("killed");
    QTest::newRow("stopped") << false;
    QTest::newRow("killed") << true;
}

void TestForwarding::collectorOutageLosesNothing()
{
    // The collector goes away while 10,000 events are written through the control plane (each call commits and
    // wakes the forwarder, so events are in flight when it goes), and comes back.
    QFETCH(bool, killed);
    SyslogCollector collector(m_tmp->path());
    QVERIFY(collector.ok());
    QVERIFY2(collector.start(), collector.log().constData());
    QVERIFY(m_f->cp->startForwarding(quick()));
    auto d = m_f->cp->createForwardDestination(m_f->system, destinationFor(collector, QStringLiteral("siem")), true);
    QVERIFY(d);
    bool down = false;
    for (int i = 0; i < 10000; ++i) {
        QVERIFY(m_f->cp->listTenants(m_f->system));
        if (!down && i % 50 == 0 && collector.messages().size() >= 1000) {
            if (killed)
                collector.kill();
            else
                collector.stop();
            down = true;
        }
    }
    QVERIFY(down);
    QTRY_VERIFY_WITH_TIMEOUT(!statusOf({}, d.value().id).lastError.isEmpty(), 10000);
    QVERIFY(statusOf({}, d.value().id).lagEvents > 0);
    QVERIFY2(collector.start(), collector.log().constData());
    const qint64 last = audit::AuditLog(m_f->store->database()).lastSeq().value();
    QTRY_VERIFY_WITH_TIMEOUT(statusOf({}, d.value().id).cursorSeq >= last,
                             120000); // bounded waits: generous, the machine may be loaded
    std::set<qint64> seen;
    const QList<QByteArray> messages = collector.messages();
    for (const QByteArray& m : messages)
        seen.insert(seqOf(m, QStringLiteral("json")));
    for (qint64 seq = 1; seq <= last; ++seq)
        QVERIFY2(seen.count(seq), qPrintable(QStringLiteral("event %1 never arrived").arg(seq)));
    QVERIFY(statusOf({}, d.value().id).connected);
    qInfo() << "events" << last << "messages" << messages.size() << "(duplicates allowed)";
}

void TestForwarding::killedServerLosesNothing()
{
    // The real gatehoused serve, forwarding a backlog of 10,000 events, killed with SIGKILL mid-send.
    SyslogCollector collector(m_tmp->path());
    QVERIFY(collector.ok());
    QVERIFY2(collector.start(), collector.log().constData());
    const QString data = m_tmp->filePath(QStringLiteral("served"));
    const QString key = m_tmp->filePath(QStringLiteral("served.key"));
    {
        QProcess init;
        init.start(QStringLiteral(GATEHOUSED_PATH),
                   {QStringLiteral("init"), QStringLiteral("--data-dir"), data, QStringLiteral("--key-provider"),
                    QStringLiteral("file"), QStringLiteral("--key-file"), key});
        QVERIFY(init.waitForFinished(60000));
        QCOMPARE(init.exitCode(), 0);
    }
    QString destinationId;
    qint64 last = 0;
    {
        auto store = store::Store::open(data, keyFileOptions(QString()));
        QVERIFY(store);
        service::ControlPlane cp(*store.value());
        QVERIFY(cp.load());
        auto d = cp.createForwardDestination(service::Caller::system(),
                                             destinationFor(collector, QStringLiteral("siem")), true);
        QVERIFY(d);
        destinationId = d.value().id;
        QVERIFY(appendAuditEvents(*store.value(), 10000, QDateTime::currentMSecsSinceEpoch(), false));
        QVERIFY(cp.close());
    }
    const auto serve = [&](QProcess& server) {
        server.setProcessChannelMode(QProcess::ForwardedOutputChannel);
        server.start(QStringLiteral(GATEHOUSED_PATH), {QStringLiteral("serve"), QStringLiteral("--data-dir"), data,
                                                       QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
        return server.waitForStarted(10000);
    };
    // The cursor as the forwarder recorded it, read from another process (this one).
    const auto cursor = [&]() -> qint64 {
        auto store = store::Store::open(data, keyFileOptions(QString()));
        if (!store)
            return -1;
        auto status = forward::readStatus(*store.value(), nullptr, QDateTime::currentMSecsSinceEpoch());
        return status && status.value().size() == 1 ? status.value().front().cursorSeq : -1;
    };
    {
        QProcess server;
        QVERIFY(serve(server));
        QTRY_VERIFY_WITH_TIMEOUT(!collector.messages().isEmpty(), 20000);
        server.kill(); // SIGKILL, mid-send: what the collector took was not yet confirmed
        QVERIFY(server.waitForFinished(10000));
    }
    const qint64 received = collector.messages().size();
    const qint64 confirmed = cursor();
    QVERIFY2(confirmed >= 0 && confirmed < 10000,
             qPrintable(QStringLiteral("cursor %1 after the kill: not mid-send").arg(confirmed)));
    {
        QProcess server;
        QVERIFY(serve(server));
        auto store = store::Store::open(data, keyFileOptions(QString()));
        QVERIFY(store);
        last = audit::AuditLog(store.value()->database()).lastSeq().value();
        store.value().reset();
        QTRY_VERIFY_WITH_TIMEOUT(cursor() >= 10000, 120000);
        server.terminate();
        QVERIFY(server.waitForFinished(30000));
    }
    std::set<qint64> seen;
    const QList<QByteArray> messages = collector.messages();
    for (const QByteArray& m : messages)
        seen.insert(seqOf(m, QStringLiteral("json")));
    for (qint64 seq = 1; seq <= 10000; ++seq)
        QVERIFY2(seen.count(seq), qPrintable(QStringLiteral("event %1 never arrived").arg(seq)));
    qInfo() << "received before the kill:" << received << "confirmed:" << confirmed
            << "messages in all:" << messages.size() << "(duplicates allowed), head" << last;
}

void TestForwarding::foreignCaIsRefused()
{
    SyslogCollector collector(m_tmp->path(), true);
    QVERIFY(collector.ok());
    QVERIFY2(collector.start(), collector.log().constData());
    QVERIFY(m_f->cp->startForwarding(quick()));
    auto in = destinationFor(collector, QStringLiteral("siem"));
    in.alarmAfterMs = 1000;
    auto d = m_f->cp->createForwardDestination(m_f->system, in, true);
    QVERIFY(d);
    QTRY_VERIFY_WITH_TIMEOUT(
        statusOf({}, d.value().id).lastError.contains(QLatin1String("not issued by the pinned CA")), 10000);
    QVERIFY(!statusOf({}, d.value().id).connected);
    // Unreachable beyond the alarm delay: the alarm is raised, audited, and the control fails.
    QTRY_VERIFY_WITH_TIMEOUT(statusOf({}, d.value().id).alarmed, 10000);
    audit::AuditQuery q;
    q.platform = true;
    q.actionPrefix = QStringLiteral("forwarding.alarm");
    QTRY_VERIFY_WITH_TIMEOUT(!m_f->cp->searchAudit(m_f->system, q).value().events.isEmpty(), 5000);
    auto control =
        m_f->cp->controlResult(m_f->system, QStringLiteral("monitoring"), QStringLiteral("monitoring.forwarding"));
    QVERIFY(control);
    QCOMPARE(control.value().status, boundaries::Status::Fail);
    QVERIFY(control.value().summary.contains(QLatin1String("not issued by the pinned CA")));
    auto metrics = m_f->cp->readMetrics(m_f->system);
    QVERIFY(metrics);
    bool seen = false;
    for (const auto& m : metrics.value()) {
        if (QByteArray(m.name) == "gatehouse_forward_alarms") {
            QCOMPARE(m.value, 1);
            seen = true;
        }
    }
    QVERIFY(seen);
    QVERIFY(collector.messages().isEmpty());
}

void TestForwarding::tenantDestinationCarriesOnlyItsTenant()
{
    SyslogCollector collector(m_tmp->path());
    QVERIFY(collector.ok());
    QVERIFY2(collector.start(), collector.log().constData());
    QVERIFY(m_f->cp->startForwarding(quick()));
    auto d = m_f->cp->createForwardDestination(
        m_f->system, destinationFor(collector, QStringLiteral("acme-siem"), {}, m_f->tenantA), true);
    QVERIFY2(d, qPrintable(d ? QString() : d.error().message));
    for (int i = 0; i < 20; ++i) {
        QVERIFY(m_f->cp->createWorkspace(m_f->system, m_f->tenantA, QStringLiteral("a%1").arg(i), QStringLiteral("A")));
        QVERIFY(m_f->cp->createWorkspace(m_f->system, m_f->tenantB, QStringLiteral("b%1").arg(i), QStringLiteral("B")));
    }
    QVERIFY(appendAuditEvents(*m_f->store, 500, m_f->clock.nowMs(), false, m_f->tenantB));
    QVERIFY(appendAuditEvents(*m_f->store, 500, m_f->clock.nowMs(), false, m_f->tenantA));
    auto ofA = m_f->store->database().prepare("SELECT seq FROM audit_events WHERE tenant_id = ? ORDER BY seq;");
    ofA.value().bind(1, m_f->tenantA);
    QList<qint64> expected;
    while (ofA.value().step().value())
        expected << ofA.value().int64(0);
    QVERIFY(expected.size() > 500);
    QTRY_VERIFY_WITH_TIMEOUT(statusOf(m_f->tenantA, d.value().id).cursorSeq >= expected.back(), 15000);
    QList<qint64> received;
    for (const QByteArray& m : collector.messages()) {
        const QJsonObject event = QJsonDocument::fromJson(m).object();
        QCOMPARE(event.value(QLatin1String("tenant_id")).toString(), m_f->tenantA);
        received << event.value(QLatin1String("seq")).toInteger();
    }
    // Every one of the tenant's events, in order (then the records of the status reads above, also the tenant's).
    QVERIFY(received.size() >= expected.size());
    QCOMPARE(received.mid(0, expected.size()), expected);
    // The destination is the tenant's: another tenant's owner does not see it, and the platform's list does not
    // hold it.
    QVERIFY(m_f->cp->forwardingStatus(m_f->system, {}).value().isEmpty());
    QVERIFY(m_f->cp->forwardingStatus(m_f->system, m_f->tenantB).value().isEmpty());
}

void TestForwarding::plainTcpOnlyToLoopback()
{
    forward::Destination d;
    d.name = QStringLiteral("relay");
    d.transport = forward::Destination::Transport::Tcp;
    d.host = QStringLiteral("192.0.2.10");
    d.port = 514;
    auto refused = m_f->cp->createForwardDestination(m_f->system, d);
    QVERIFY(!refused);
    QVERIFY(refused.error().message.contains(QLatin1String("only to a relay on this machine")));
    d.host = QStringLiteral("127.0.0.1");
    QVERIFY(m_f->cp->createForwardDestination(m_f->system, d));
    // TLS needs a pin.
    forward::Destination tls;
    tls.name = QStringLiteral("unpinned");
    tls.host = QStringLiteral("siem.example");
    auto unpinned = m_f->cp->createForwardDestination(m_f->system, tls);
    QVERIFY(!unpinned);
    QVERIFY(unpinned.error().message.contains(QLatin1String("pin the collector")));
}

QTEST_GUILESS_MAIN(TestForwarding)
#include "TestForwarding.moc"
