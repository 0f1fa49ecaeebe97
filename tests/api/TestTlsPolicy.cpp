#include "ManualClock.h"
#include "TestSupport.h"
#include "TlsTestSupport.h"
#include "api/TlsCertificate.h"
#include "api/TlsPolicy.h"

#include <QDeadlineTimer>
#include <QSignalSpy>
#include <QSslServer>
#include <QSslSocket>
#include <QtTest>

using namespace gatehouse;
using api::TlsCertificate;
using api::TlsPolicy;

namespace {

constexpr int kTimeoutMs = 30'000;

// A real QSslServer on 127.0.0.1, port 0, recording what it accepted and which alerts it sent.
class TestServer
{
public:
    explicit TestServer(const QSslConfiguration& config)
    {
        m_server.setSslConfiguration(config);
        QObject::connect(&m_server, &QSslServer::pendingConnectionAvailable, &m_server, [this] {
            while (QTcpSocket* socket = m_server.nextPendingConnection())
                accepted.append(qobject_cast<QSslSocket*>(socket));
        });
        QObject::connect(
            &m_server, &QSslServer::alertSent, &m_server,
            [this](QSslSocket*, QSsl::AlertLevel, QSsl::AlertType type, const QString&) { alertsSent.append(type); });
    }

    bool listen() { return m_server.listen(QHostAddress(QHostAddress::LocalHost), 0); }
    quint16 port() const { return m_server.serverPort(); }

    QList<QSslSocket*> accepted;
    QList<QSsl::AlertType> alertsSent;

private:
    QSslServer m_server;
};

// `openssl s_client` against the in-process server; the event loop keeps running while it talks to it.
test::ProcessOutput sClient(quint16 port, const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                                         QStringLiteral("127.0.0.1:%1").arg(port)} +
                                                 args);
    if (!process.waitForStarted(kTimeoutMs))
        return {};
    process.closeWriteChannel(); // end of input: s_client closes the connection once the handshake is over
    const QDeadlineTimer deadline(kTimeoutMs);
    while (process.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(10);
    if (process.state() != QProcess::NotRunning) {
        process.kill();
        process.waitForFinished();
        return {-1, process.readAll() + "\n(s_client did not finish in time)"};
    }
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAll()};
}

QString opensslFingerprint(const QString& certPath)
{
    const auto printed =
        test::openssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                       QStringLiteral("-sha256"), QStringLiteral("-in"), certPath});
    const QByteArray line = printed.output.trimmed();
    return QString::fromLatin1(line.mid(line.indexOf('=') + 1));
}

} // namespace

class TestTlsPolicy : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void ciphersAreForwardSecretAead();
    void serverConfigurationFollowsThePolicy();
    void pinnedClientGetsTls13();
    void tls12ClientGetsAForwardSecretAeadSuite();
    void opensslClients_data();
    void opensslClients();
    void pinnedClientRefusesAnotherCertificate();
    void pinHoldsEvenWhenACaVouchesForTheServer();
    void pinDoesNotExcuseAnExpiredCertificate();
    void pinServerNeedsAFingerprint_data();
    void pinServerNeedsAFingerprint();
    void clientCertificates_data();
    void clientCertificates();
    void clientCaBundleIsChecked();

private:
    QString path(const QString& name) const { return m_dir.filePath(name); }
    QSslConfiguration serverConfig(const QString& kind) const;
    QSslConfiguration clientWithCertificate(const QString& name) const;

    QTemporaryDir m_dir;
    std::optional<TlsCertificate> m_ec;  // generated: ECDSA P-256
    std::optional<TlsCertificate> m_rsa; // supplied: RSA 2048, made by openssl
};

void TestTlsPolicy::initTestCase()
{
    QVERIFY(m_dir.isValid());
    auto ec = TlsCertificate::generate(m_dir.path(), {}, Clock::system());
    QVERIFY2(ec, ec ? "" : qPrintable(ec.error().message));
    m_ec = std::move(ec).value();

    QVERIFY(test::makeSelfSigned(path(QStringLiteral("rsa.crt")), path(QStringLiteral("rsa.key")),
                                 {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}));
    auto rsa = TlsCertificate::load(path(QStringLiteral("rsa.crt")), path(QStringLiteral("rsa.key")), Clock::system());
    QVERIFY2(rsa, rsa ? "" : qPrintable(rsa.error().message));
    m_rsa = std::move(rsa).value();

    // Two client CAs, a client certificate from each, and a self-signed one.
    const QStringList p256{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                           QStringLiteral("ec_paramgen_curve:P-256")};
    QVERIFY(test::makeSelfSigned(path(QStringLiteral("client-ca.crt")), path(QStringLiteral("client-ca.key")), p256));
    QVERIFY(test::makeSelfSigned(path(QStringLiteral("other-ca.crt")), path(QStringLiteral("other-ca.key")), p256));
    QVERIFY(test::issueClientCertificate(m_dir.path(), QStringLiteral("client-ca"), QStringLiteral("integration")));
    QVERIFY(test::issueClientCertificate(m_dir.path(), QStringLiteral("other-ca"), QStringLiteral("stranger")));
    QVERIFY(test::makeSelfSigned(path(QStringLiteral("self.crt")), path(QStringLiteral("self.key")), p256));
}

QSslConfiguration TestTlsPolicy::serverConfig(const QString& kind) const
{
    auto config = TlsPolicy::serverConfiguration(kind == QLatin1String("rsa") ? *m_rsa : *m_ec);
    return config ? config.value() : QSslConfiguration();
}

QSslConfiguration TestTlsPolicy::clientWithCertificate(const QString& name) const
{
    QSslConfiguration config = TlsPolicy::clientConfiguration();
    if (name.isEmpty())
        return config;
    auto pair =
        TlsCertificate::load(path(name + QStringLiteral(".crt")), path(name + QStringLiteral(".key")), Clock::system());
    if (pair) {
        config.setLocalCertificateChain(pair.value().chain());
        config.setPrivateKey(pair.value().privateKey());
    }
    return config;
}

void TestTlsPolicy::ciphersAreForwardSecretAead()
{
    const QList<QSslCipher> ciphers = TlsPolicy::ciphers();
    QStringList names;
    for (const QSslCipher& cipher : ciphers) {
        names << cipher.name();
        if (cipher.protocol() == QSsl::TlsV1_3) {
            QVERIFY2(cipher.name().startsWith(QLatin1String("TLS_")), qPrintable(cipher.name()));
            continue;
        }
        QCOMPARE(cipher.protocol(), QSsl::TlsV1_2);
        const bool ecdhe = cipher.name().startsWith(QLatin1String("ECDHE-ECDSA-")) ||
                           cipher.name().startsWith(QLatin1String("ECDHE-RSA-"));
        const bool aead = cipher.name().contains(QLatin1String("-GCM-")) ||
                          cipher.name().endsWith(QLatin1String("-CHACHA20-POLY1305"));
        QVERIFY2(ecdhe && aead, qPrintable(cipher.name()));
    }
    // Exactly the suites OpenSSL 3 offers that fit, TLS 1.3 first.
    const QStringList expected{
        QStringLiteral("TLS_AES_256_GCM_SHA384"),      QStringLiteral("TLS_CHACHA20_POLY1305_SHA256"),
        QStringLiteral("TLS_AES_128_GCM_SHA256"),      QStringLiteral("ECDHE-ECDSA-AES256-GCM-SHA384"),
        QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"), QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305"),
        QStringLiteral("ECDHE-RSA-CHACHA20-POLY1305"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256"),
        QStringLiteral("ECDHE-RSA-AES128-GCM-SHA256"),
    };
    QCOMPARE(names, expected);
}

void TestTlsPolicy::serverConfigurationFollowsThePolicy()
{
    auto config = TlsPolicy::serverConfiguration(*m_ec);
    QVERIFY2(config, config ? "" : qPrintable(config.error().message));
    const QSslConfiguration& c = config.value();
    QCOMPARE(c.protocol(), QSsl::TlsV1_2OrLater);
    QCOMPARE(c.ciphers(), TlsPolicy::ciphers());
    QStringList groups;
    for (const QSslEllipticCurve& group : c.ellipticCurves())
        groups << group.shortName();
    QCOMPARE(groups,
             (QStringList{QStringLiteral("X25519"), QStringLiteral("prime256v1"), QStringLiteral("secp384r1")}));
    QVERIFY(c.testSslOption(QSsl::SslOptionDisableSessionTickets));
    QVERIFY(c.testSslOption(QSsl::SslOptionDisableCompression));
    QVERIFY(c.testSslOption(QSsl::SslOptionDisableLegacyRenegotiation));
    QVERIFY(!c.testSslOption(QSsl::SslOptionDisableServerCipherPreference));
    QCOMPARE(c.localCertificateChain(), m_ec->chain());
    QCOMPARE(c.privateKey(), m_ec->privateKey());
    QCOMPARE(c.peerVerifyMode(), QSslSocket::VerifyNone);
    QVERIFY(c.caCertificates().isEmpty());
}

void TestTlsPolicy::pinnedClientGetsTls13()
{
    TestServer server(serverConfig(QStringLiteral("ec")));
    QVERIFY(server.listen());

    // The client holds a certificate, but a server without mTLS asks for none.
    QSslSocket client;
    client.setSslConfiguration(clientWithCertificate(QStringLiteral("integration")));
    // The pin in lower case without colons is the same pin.
    QVERIFY(TlsPolicy::pinServer(client, m_ec->sha256Fingerprint().remove(QLatin1Char(':')).toLower()));
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QTRY_VERIFY_WITH_TIMEOUT(encrypted.count() == 1 && server.accepted.size() == 1, kTimeoutMs);

    QSslSocket* accepted = server.accepted.first();
    QCOMPARE(client.sessionProtocol(), QSsl::TlsV1_3);
    QCOMPARE(accepted->sessionProtocol(), QSsl::TlsV1_3);
    QVERIFY2(TlsPolicy::ciphers().contains(accepted->sessionCipher()), qPrintable(accepted->sessionCipher().name()));
    QCOMPARE(TlsPolicy::peerFingerprint(client), m_ec->sha256Fingerprint());
    QCOMPARE(TlsPolicy::peerFingerprint(*accepted), QString());

    client.write("ping");
    QTRY_COMPARE_WITH_TIMEOUT(accepted->bytesAvailable(), qint64(4), kTimeoutMs);
    QCOMPARE(accepted->readAll(), QByteArray("ping"));
}

void TestTlsPolicy::tls12ClientGetsAForwardSecretAeadSuite()
{
    TestServer server(serverConfig(QStringLiteral("rsa")));
    QVERIFY(server.listen());

    QSslSocket client;
    QSslConfiguration config = TlsPolicy::clientConfiguration();
    config.setProtocol(QSsl::TlsV1_2);
    config.setCiphers(QSslConfiguration::supportedCiphers()); // offers everything; the server chooses
    client.setSslConfiguration(config);
    QVERIFY(TlsPolicy::pinServer(client, m_rsa->sha256Fingerprint()));
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QTRY_VERIFY_WITH_TIMEOUT(encrypted.count() == 1 && server.accepted.size() == 1, kTimeoutMs);

    QCOMPARE(client.sessionProtocol(), QSsl::TlsV1_2);
    QCOMPARE(client.sessionCipher().name(), QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384"));
}

void TestTlsPolicy::opensslClients_data()
{
    QTest::addColumn<QString>("serverKey");
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<bool>("accepted");
    QTest::addColumn<QSsl::AlertType>("alert");       // what the server sends when it refuses
    QTest::addColumn<QByteArray>("clientSays");       // in s_client's output
    QTest::addColumn<QByteArray>("clientDoesNotSay"); // in s_client's output

    const QString ec = QStringLiteral("ec");
    const QString rsa = QStringLiteral("rsa");
    const QString tls12 = QStringLiteral("-tls1_2");
    const QString tls13 = QStringLiteral("-tls1_3");
    const QString cipher = QStringLiteral("-cipher");
    const QString groups = QStringLiteral("-groups");
    const auto none = QSsl::AlertType::UnknownAlertMessage;
    const auto handshakeFailure = QSsl::AlertType::HandshakeFailure;
    const auto protocolVersion = QSsl::AlertType::ProtocolVersion;
    // Debian's openssl refuses TLS 1.0 and 1.1 itself at its default security level; level 0 lets it offer them,
    // so that the refusal has to come from the server.
    const QString anyCipher = QStringLiteral("DEFAULT@SECLEVEL=0");

    QTest::newRow("default client: TLS 1.3 over X25519")
        << ec << QStringList{} << true << none << QByteArray("Server Temp Key: X25519") << QByteArray();
    QTest::newRow("TLS 1.3, P-384 only") << ec << QStringList{tls13, groups, QStringLiteral("P-384")} << true << none
                                         << QByteArray("Server Temp Key: ECDH, secp384r1") << QByteArray();
    QTest::newRow("TLS 1.3, X448 only") << ec << QStringList{tls13, groups, QStringLiteral("X448")} << false
                                        << handshakeFailure << QByteArray() << QByteArray();
    QTest::newRow("TLS 1.3, ffdhe2048 only") << ec << QStringList{tls13, groups, QStringLiteral("ffdhe2048")} << false
                                             << handshakeFailure << QByteArray() << QByteArray();
    QTest::newRow("TLS 1.2 ECDHE-ECDSA AES-GCM")
        << ec << QStringList{tls12, cipher, QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")} << true << none
        << QByteArray("Cipher is ECDHE-ECDSA-AES128-GCM-SHA256") << QByteArray();
    QTest::newRow("TLS 1.2 ECDHE-ECDSA ChaCha20-Poly1305, no session ticket")
        << ec << QStringList{tls12, cipher, QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")} << true << none
        << QByteArray("Cipher is ECDHE-ECDSA-CHACHA20-POLY1305") << QByteArray("TLS session ticket:");
    QTest::newRow("TLS 1.2 without AEAD")
        << ec << QStringList{tls12, cipher, QStringLiteral("ECDHE-RSA-AES256-SHA384:ECDHE-ECDSA-AES256-SHA384")}
        << false << handshakeFailure << QByteArray() << QByteArray();
    QTest::newRow("TLS 1.1") << ec << QStringList{QStringLiteral("-tls1_1"), cipher, anyCipher} << false
                             << protocolVersion << QByteArray() << QByteArray();
    QTest::newRow("TLS 1.0") << ec << QStringList{QStringLiteral("-tls1"), cipher, anyCipher} << false
                             << protocolVersion << QByteArray() << QByteArray();

    // RSA key exchange needs an RSA certificate, and in TLS 1.2 an ECDSA certificate needs its curve among the
    // client's groups: such clients would fail against the ECDSA server whatever the policy, so the RSA server
    // is the one that shows the policy refusing them.
    QTest::newRow("RSA: TLS 1.3") << rsa << QStringList{tls13} << true << none << QByteArray("TLSv1.3") << QByteArray();
    QTest::newRow("RSA: TLS 1.2 ECDHE-RSA AES-GCM")
        << rsa << QStringList{tls12, cipher, QStringLiteral("ECDHE-RSA-AES256-GCM-SHA384")} << true << none
        << QByteArray("Cipher is ECDHE-RSA-AES256-GCM-SHA384") << QByteArray();
    QTest::newRow("RSA: TLS 1.2 without forward secrecy")
        << rsa << QStringList{tls12, cipher, QStringLiteral("AES256-GCM-SHA384")} << false << handshakeFailure
        << QByteArray() << QByteArray();
    QTest::newRow("RSA: TLS 1.2 without AEAD")
        << rsa << QStringList{tls12, cipher, QStringLiteral("ECDHE-RSA-AES256-SHA384")} << false << handshakeFailure
        << QByteArray() << QByteArray();
    QTest::newRow("RSA: TLS 1.2, P-521 only") << rsa << QStringList{tls12, groups, QStringLiteral("P-521")} << false
                                              << handshakeFailure << QByteArray() << QByteArray();
    QTest::newRow("RSA: TLS 1.1") << rsa << QStringList{QStringLiteral("-tls1_1"), cipher, anyCipher} << false
                                  << protocolVersion << QByteArray() << QByteArray();
}

void TestTlsPolicy::opensslClients()
{
    QFETCH(QString, serverKey);
    QFETCH(QStringList, args);
    QFETCH(bool, accepted);
    QFETCH(QSsl::AlertType, alert);
    QFETCH(QByteArray, clientSays);
    QFETCH(QByteArray, clientDoesNotSay);

    TestServer server(serverConfig(serverKey));
    QVERIFY(server.listen());
    const auto result = sClient(server.port(), args);
    const QByteArray& out = result.output;
    if (accepted) {
        QVERIFY2(result.exitCode == 0, out.constData());
        QTRY_COMPARE_WITH_TIMEOUT(server.accepted.size(), 1, kTimeoutMs);
        QVERIFY2(server.alertsSent.isEmpty() || server.alertsSent == QList{QSsl::AlertType::CloseNotify},
                 out.constData());
    } else {
        QVERIFY2(result.exitCode != 0, out.constData());
        QVERIFY2(server.alertsSent.contains(alert), out.constData());
        QVERIFY(server.accepted.isEmpty());
    }
    if (!clientSays.isEmpty())
        QVERIFY2(out.contains(clientSays), out.constData());
    if (!clientDoesNotSay.isEmpty())
        QVERIFY2(!out.contains(clientDoesNotSay), out.constData());
}

void TestTlsPolicy::pinnedClientRefusesAnotherCertificate()
{
    TestServer server(serverConfig(QStringLiteral("ec")));
    QVERIFY(server.listen());

    QSslSocket client;
    client.setSslConfiguration(TlsPolicy::clientConfiguration());
    QVERIFY(TlsPolicy::pinServer(client, m_rsa->sha256Fingerprint()));
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    QSignalSpy failed(&client, &QSslSocket::errorOccurred);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kTimeoutMs);
    QCOMPARE(failed.first().first().value<QAbstractSocket::SocketError>(), QAbstractSocket::SslHandshakeFailedError);
    QCOMPARE(encrypted.count(), 0);
    QVERIFY(!client.isEncrypted());
}

void TestTlsPolicy::pinHoldsEvenWhenACaVouchesForTheServer()
{
    TestServer server(serverConfig(QStringLiteral("ec")));
    QVERIFY(server.listen());

    // Pinned to another certificate, then (by mistake) told to trust the server's as a CA: the handshake raises
    // no error, so only the second look after it can catch the wrong server.
    QSslSocket client;
    client.setSslConfiguration(TlsPolicy::clientConfiguration());
    QVERIFY(TlsPolicy::pinServer(client, m_rsa->sha256Fingerprint()));
    QSslConfiguration trusting = client.sslConfiguration();
    trusting.setCaCertificates(m_ec->chain());
    client.setSslConfiguration(trusting);
    QSignalSpy sslErrors(&client, &QSslSocket::sslErrors);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QTRY_COMPARE_WITH_TIMEOUT(encrypted.count(), 1, kTimeoutMs);
    QCOMPARE(sslErrors.count(), 0);
    QCOMPARE(client.state(), QAbstractSocket::UnconnectedState);
    QCOMPARE(client.write("secret"), qint64(-1));
}

void TestTlsPolicy::pinDoesNotExcuseAnExpiredCertificate()
{
    QTemporaryDir dir;
    test::ManualClock twoYearsAgo(QDateTime::currentMSecsSinceEpoch() - 2LL * 365 * 24 * 3600 * 1000);
    auto expired = TlsCertificate::generate(dir.path(), {}, twoYearsAgo);
    QVERIFY2(expired, expired ? "" : qPrintable(expired.error().message));
    auto config = TlsPolicy::serverConfiguration(expired.value());
    QVERIFY(config);
    TestServer server(config.value());
    QVERIFY(server.listen());

    QSslSocket client;
    client.setSslConfiguration(TlsPolicy::clientConfiguration());
    QVERIFY(TlsPolicy::pinServer(client, expired.value().sha256Fingerprint()));
    QSignalSpy sslErrors(&client, &QSslSocket::sslErrors);
    QSignalSpy encrypted(&client, &QSslSocket::encrypted);
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());
    QTRY_COMPARE_WITH_TIMEOUT(sslErrors.count(), 1, kTimeoutMs);
    const auto errors = sslErrors.first().first().value<QList<QSslError>>();
    QVERIFY(std::any_of(errors.cbegin(), errors.cend(),
                        [](const QSslError& e) { return e.error() == QSslError::CertificateExpired; }));
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QCOMPARE(encrypted.count(), 0);
}

void TestTlsPolicy::pinServerNeedsAFingerprint_data()
{
    QTest::addColumn<QString>("fingerprint");
    QTest::newRow("empty") << QString();
    QTest::newRow("sha-1 length") << QStringLiteral("AB:CD:EF:01:23:45:67:89:AB:CD:EF:01:23:45:67:89:AB:CD:EF:01");
    QTest::newRow("not hex") << QStringLiteral("ZZ") + QString(62, u'0');
    QTest::newRow("one digit too many") << QString(65, u'A');
}

void TestTlsPolicy::pinServerNeedsAFingerprint()
{
    QFETCH(QString, fingerprint);
    QSslSocket client;
    auto pinned = TlsPolicy::pinServer(client, fingerprint);
    QVERIFY(!pinned);
    QCOMPARE(pinned.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(pinned.error().message.contains(QStringLiteral("is not a SHA-256 certificate fingerprint")),
             qPrintable(pinned.error().message));
}

void TestTlsPolicy::clientCertificates_data()
{
    QTest::addColumn<QString>("clientCertificate");
    QTest::addColumn<bool>("accepted");

    QTest::newRow("issued by the client CA") << QStringLiteral("integration") << true;
    QTest::newRow("no certificate") << QString() << false;
    QTest::newRow("issued by another CA") << QStringLiteral("stranger") << false;
    QTest::newRow("self-signed") << QStringLiteral("self") << false;
}

void TestTlsPolicy::clientCertificates()
{
    QFETCH(QString, clientCertificate);
    QFETCH(bool, accepted);

    QSslConfiguration config = serverConfig(QStringLiteral("ec"));
    auto required = TlsPolicy::requireClientCertificates(config, path(QStringLiteral("client-ca.crt")));
    QVERIFY2(required, required ? "" : qPrintable(required.error().message));
    QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyPeer);
    TestServer server(config);
    QVERIFY(server.listen());

    QSslSocket client;
    client.setSslConfiguration(clientWithCertificate(clientCertificate));
    QCOMPARE(client.sslConfiguration().localCertificate().isNull(), clientCertificate.isEmpty());
    QVERIFY(TlsPolicy::pinServer(client, m_ec->sha256Fingerprint()));
    client.connectToHostEncrypted(QStringLiteral("127.0.0.1"), server.port());

    if (accepted) {
        QTRY_COMPARE_WITH_TIMEOUT(server.accepted.size(), 1, kTimeoutMs);
        QCOMPARE(TlsPolicy::peerFingerprint(*server.accepted.first()),
                 opensslFingerprint(path(clientCertificate + QStringLiteral(".crt"))));
        QTRY_VERIFY_WITH_TIMEOUT(client.isEncrypted(), kTimeoutMs);
        return;
    }
    // In TLS 1.3 the client may finish its side before the server judges its certificate: what counts is that the
    // server drops it and never hands the connection on.
    QTRY_COMPARE_WITH_TIMEOUT(client.state(), QAbstractSocket::UnconnectedState, kTimeoutMs);
    QTest::qWait(100);
    QVERIFY(server.accepted.isEmpty());
    if (clientCertificate.isEmpty())
        QVERIFY(server.alertsSent.contains(QSsl::AlertType::CertificateRequired));
}

void TestTlsPolicy::clientCaBundleIsChecked()
{
    QSslConfiguration config = serverConfig(QStringLiteral("ec"));
    const QString missing = path(QStringLiteral("no-such-ca.pem"));
    auto noFile = TlsPolicy::requireClientCertificates(config, missing);
    QVERIFY(!noFile);
    QCOMPARE(noFile.error().code, ErrorCode::NotFound);
    QVERIFY2(noFile.error().message.contains(QStringLiteral("the client CA bundle %1 does not exist").arg(missing)),
             qPrintable(noFile.error().message));

    const QString garbage = path(QStringLiteral("garbage-ca.pem"));
    QVERIFY(test::writeBytes(garbage, "no certificate here\n"));
    auto notPem = TlsPolicy::requireClientCertificates(config, garbage);
    QVERIFY(!notPem);
    QCOMPARE(notPem.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(notPem.error().message.contains(QStringLiteral("holds no readable PEM certificate")),
             qPrintable(notPem.error().message));
    // A refused bundle leaves the configuration as it was.
    QCOMPARE(config.peerVerifyMode(), QSslSocket::VerifyNone);
}

QTEST_GUILESS_MAIN(TestTlsPolicy)
#include "TestTlsPolicy.moc"
