#include "ManualClock.h"
#include "TestSupport.h"
#include "TlsTestSupport.h"
#include "api/TlsCertificate.h"

#include <QHostAddress>
#include <QSet>
#include <QtTest>

using namespace gatehouse;
using api::TlsCertificate;

namespace {

// 2027-01-15T08:00:00Z; the files are judged by this clock, not the wall clock, unless a test says otherwise.
constexpr qint64 kNow = 1'800'000'000'000;

QSet<QString> dnsNames(const QSslCertificate& cert)
{
    const QStringList names = cert.subjectAlternativeNames().values(QSsl::DnsEntry);
    return QSet<QString>(names.cbegin(), names.cend());
}

QSet<QHostAddress> ipAddresses(const QSslCertificate& cert)
{
    QSet<QHostAddress> addresses;
    for (const QString& ip : cert.subjectAlternativeNames().values(QSsl::IpAddressEntry))
        addresses.insert(QHostAddress(ip));
    return addresses;
}

} // namespace

class TestTlsCertificate : public QObject
{
    Q_OBJECT
private slots:
    void init();

    void generatesKeyAndDirectoryWithPrivateModes();
    void certificateCarriesTheNames_data();
    void certificateCarriesTheNames();
    void refusesBadNames_data();
    void refusesBadNames();
    void certificateFields();
    void serialsAreRandom();
    void fingerprintMatchesOpenssl();
    void opensslSeesTheExtensions();
    void refusesToReplaceAnExistingKey();
    void replacesACertificateLeftWithoutItsKey();

    void loadsWhatItGenerated();
    void refusesAKeyOfAnotherCertificate();
    void refusesCertificatesOutsideTheirValidity_data();
    void refusesCertificatesOutsideTheirValidity();
    void refusesAnExpiredCertificateMadeByOpenssl();
    void judgesKeyStrength_data();
    void judgesKeyStrength();
    void refusesKeyFilesOthersCanAccess_data();
    void refusesKeyFilesOthersCanAccess();
    void refusesMissingFiles();
    void refusesAnEncryptedKey();
    void refusesFilesThatAreNotPem();
    void loadsAChainWithTheServerCertificateFirst();

private:
    QString path(const QString& name) const { return m_dir->filePath(name); }
    QString certPath() const { return TlsCertificate::certificatePath(m_dir->path()); }
    QString keyPath() const { return TlsCertificate::keyPath(m_dir->path()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    test::ManualClock m_clock{kNow};
};

void TestTlsCertificate::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestTlsCertificate::generatesKeyAndDirectoryWithPrivateModes()
{
    auto generated = TlsCertificate::generate(m_dir->path(), {}, m_clock);
    QVERIFY2(generated, generated ? "" : qPrintable(generated.error().message));
    QCOMPARE(certPath(), m_dir->path() + QStringLiteral("/tls/server.crt"));
    QCOMPARE(keyPath(), m_dir->path() + QStringLiteral("/tls/server.key"));
    QCOMPARE(test::modeOf(keyPath()), 0600);
    QCOMPARE(test::modeOf(path(QStringLiteral("tls"))), 0700);
    QVERIFY(test::fileBytes(certPath()).startsWith("-----BEGIN CERTIFICATE-----\n"));
    QVERIFY(test::fileBytes(keyPath()).startsWith("-----BEGIN PRIVATE KEY-----\n"));
    // No temporary files are left behind.
    QCOMPARE(QDir(path(QStringLiteral("tls"))).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             (QStringList{QStringLiteral("server.crt"), QStringLiteral("server.key")}));
}

void TestTlsCertificate::certificateCarriesTheNames_data()
{
    QTest::addColumn<QStringList>("extraNames");
    QTest::addColumn<QStringList>("dns");
    QTest::addColumn<QStringList>("ips");

    const QString localhost = QStringLiteral("localhost");
    QTest::newRow("defaults") << QStringList{} << QStringList{localhost}
                              << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
    QTest::newRow("dns and ip literals") << QStringList{QStringLiteral("gatehouse.example.internal"),
                                                        QStringLiteral("192.0.2.10"), QStringLiteral("2001:db8::5"),
                                                        QStringLiteral("Console-1")}
                                         << QStringList{localhost, QStringLiteral("gatehouse.example.internal"),
                                                        QStringLiteral("console-1")}
                                         << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1"),
                                                        QStringLiteral("192.0.2.10"), QStringLiteral("2001:db8::5")};
    QTest::newRow("duplicates of the defaults are not repeated")
        << QStringList{QStringLiteral("LOCALHOST"), QStringLiteral("127.0.0.1"), QStringLiteral("0:0::1")}
        << QStringList{localhost} << QStringList{QStringLiteral("127.0.0.1"), QStringLiteral("::1")};
}

void TestTlsCertificate::certificateCarriesTheNames()
{
    QFETCH(QStringList, extraNames);
    QFETCH(QStringList, dns);
    QFETCH(QStringList, ips);

    auto generated = TlsCertificate::generate(m_dir->path(), extraNames, m_clock);
    QVERIFY2(generated, generated ? "" : qPrintable(generated.error().message));
    const QSslCertificate cert = generated.value().certificate();
    QCOMPARE(dnsNames(cert), QSet<QString>(dns.cbegin(), dns.cend()));
    QSet<QHostAddress> expectedIps;
    for (const QString& ip : ips)
        expectedIps.insert(QHostAddress(ip));
    QCOMPARE(ipAddresses(cert), expectedIps);
    QCOMPARE(cert.subjectAlternativeNames().size(), dns.size() + ips.size());
}

void TestTlsCertificate::refusesBadNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<QString>("reason");

    QTest::newRow("empty") << QString() << QStringLiteral("empty");
    QTest::newRow("underscore") << QStringLiteral("api_host") << QStringLiteral("holds '_'");
    QTest::newRow("space") << QStringLiteral("api host") << QStringLiteral("holds ' '");
    QTest::newRow("wildcard") << QStringLiteral("*.example.internal") << QStringLiteral("holds '*'");
    QTest::newRow("unicode") << QStringLiteral("b\u00fccher.example") << QStringLiteral("xn--");
    QTest::newRow("url") << QStringLiteral("https://example.internal") << QStringLiteral("holds '/'");
    QTest::newRow("two dots") << QStringLiteral("a..example") << QStringLiteral("empty label");
    QTest::newRow("trailing dot") << QStringLiteral("example.internal.") << QStringLiteral("empty label");
    QTest::newRow("leading hyphen") << QStringLiteral("-api.example") << QStringLiteral("hyphen");
    QTest::newRow("long label") << QString(64, u'a') + QStringLiteral(".example") << QStringLiteral("63");
    QTest::newRow("long name") << (QString(60, u'a') + QLatin1Char('.')).repeated(5) + QStringLiteral("example")
                               << QStringLiteral("253");
    QTest::newRow("bad ipv4") << QStringLiteral("256.1.1.1") << QStringLiteral("IPv4");
    QTest::newRow("short ipv4") << QStringLiteral("127.1") << QStringLiteral("IPv4");
    QTest::newRow("bad ipv6") << QStringLiteral("2001:db8::5::1") << QStringLiteral("IPv6");
    QTest::newRow("scoped ipv6") << QStringLiteral("fe80::1%eth0") << QStringLiteral("holds '%'");
    QTest::newRow("nul after an address")
        << QStringLiteral("127.0.0.1") + QChar(u'\0') + QStringLiteral("x") << QStringLiteral("holds");
}

void TestTlsCertificate::refusesBadNames()
{
    QFETCH(QString, name);
    QFETCH(QString, reason);

    auto generated = TlsCertificate::generate(m_dir->path(), {QStringLiteral("fine.example"), name}, m_clock);
    QVERIFY(!generated);
    QCOMPARE(generated.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(generated.error().message.contains(reason), qPrintable(generated.error().message));
    QVERIFY2(generated.error().message.contains(QStringLiteral("give a DNS name")),
             qPrintable(generated.error().message));
    QVERIFY(!QFile::exists(keyPath()));
    QVERIFY(!QFile::exists(certPath()));
}

void TestTlsCertificate::certificateFields()
{
    auto generated = TlsCertificate::generate(m_dir->path(), {}, m_clock);
    QVERIFY2(generated, generated ? "" : qPrintable(generated.error().message));
    const TlsCertificate& tls = generated.value();
    const QSslCertificate& cert = tls.certificate();
    QCOMPARE(tls.chain().size(), 1);
    QCOMPARE(cert.version(), QByteArray("3"));
    QCOMPARE(cert.subjectInfo(QSslCertificate::CommonName), QStringList{QStringLiteral("Gatehouse local API")});
    QCOMPARE(cert.issuerInfo(QSslCertificate::CommonName), cert.subjectInfo(QSslCertificate::CommonName));
    QCOMPARE(cert.effectiveDate().toMSecsSinceEpoch(), kNow - 3600 * 1000);
    QCOMPARE(cert.expiryDate().toMSecsSinceEpoch(), kNow + 397LL * 24 * 3600 * 1000);
    QCOMPARE(tls.notAfter(), cert.expiryDate());
    QCOMPARE(tls.privateKey().algorithm(), QSsl::Ec);
    QCOMPARE(tls.privateKey().type(), QSsl::PrivateKey);
    QCOMPARE(tls.privateKey().length(), 256);
}

void TestTlsCertificate::serialsAreRandom()
{
    QTemporaryDir other;
    auto first = TlsCertificate::generate(m_dir->path(), {}, m_clock);
    auto second = TlsCertificate::generate(other.path(), {}, m_clock);
    QVERIFY(first && second);
    const QByteArray a = first.value().certificate().serialNumber();
    const QByteArray b = second.value().certificate().serialNumber();
    QVERIFY(a != b);
    // Colon-separated bytes: 128 random bits are 16 bytes (a 17th when the top bit needs a zero in front; fewer
    // only when leading bytes happen to be zero, one chance in 2^32 for four of them).
    const qsizetype bytes = a.count(':') + 1;
    QVERIFY2(bytes >= 12 && bytes <= 17, a.constData());
}

void TestTlsCertificate::fingerprintMatchesOpenssl()
{
    auto generated = TlsCertificate::generate(m_dir->path(), {}, m_clock);
    QVERIFY(generated);
    const auto printed =
        test::openssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                       QStringLiteral("-sha256"), QStringLiteral("-in"), certPath()});
    QCOMPARE(printed.exitCode, 0);
    const QByteArray line = printed.output.trimmed();
    QVERIFY2(line.contains('='), line.constData());
    const QString expected = QString::fromLatin1(line.mid(line.indexOf('=') + 1));
    QCOMPARE(generated.value().sha256Fingerprint(), expected);
    QCOMPARE(expected.size(), 32 * 3 - 1);
}

void TestTlsCertificate::opensslSeesTheExtensions()
{
    auto generated = TlsCertificate::generate(m_dir->path(), {QStringLiteral("api.example.internal")}, m_clock);
    QVERIFY(generated);
    const auto text = test::openssl(
        {QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-text"), QStringLiteral("-in"), certPath()});
    QCOMPARE(text.exitCode, 0);
    const QByteArray& out = text.output;
    const char* const expected[] = {
        "Version: 3 (0x2)",
        "Signature Algorithm: ecdsa-with-SHA256",
        "Subject: CN = Gatehouse local API",
        "Public-Key: (256 bit)",
        "ASN1 OID: prime256v1",
        "X509v3 Basic Constraints: critical\n                CA:FALSE",
        "X509v3 Key Usage: critical\n                Digital Signature\n",
        "X509v3 Extended Key Usage: \n                TLS Web Server Authentication\n",
        "X509v3 Subject Key Identifier: \n",
        "X509v3 Subject Alternative Name: \n                DNS:localhost, IP Address:127.0.0.1, "
        "IP Address:0:0:0:0:0:0:0:1, DNS:api.example.internal\n",
    };
    for (const char* line : expected)
        QVERIFY2(
            out.contains(line),
            qPrintable(QStringLiteral("missing \"%1\" in:\n%2").arg(QLatin1String(line), QString::fromLatin1(out))));

    // Signed by its own key, fit for a TLS server and for nothing else.
    const auto verify = [this](const QString& purpose) {
        return test::openssl({QStringLiteral("verify"), QStringLiteral("-x509_strict"), QStringLiteral("-attime"),
                              QString::number(kNow / 1000), QStringLiteral("-purpose"), purpose,
                              QStringLiteral("-CAfile"), certPath(), certPath()});
    };
    const auto asServer = verify(QStringLiteral("sslserver"));
    QVERIFY2(asServer.exitCode == 0, asServer.output.constData());
    const auto asClient = verify(QStringLiteral("sslclient"));
    QVERIFY2(asClient.exitCode != 0 && asClient.output.contains("unsuitable certificate purpose"),
             asClient.output.constData());

    // The names are usable as openssl itself matches them.
    const auto checked =
        test::openssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-in"), certPath(),
                       QStringLiteral("-checkhost"), QStringLiteral("api.example.internal"), QStringLiteral("-checkip"),
                       QStringLiteral("::1")});
    QVERIFY2(checked.output.contains("Hostname api.example.internal does match certificate") &&
                 checked.output.contains("IP ::1 does match certificate"),
             checked.output.constData());
    // And the key is a valid P-256 key for that certificate.
    const auto key = test::openssl(
        {QStringLiteral("pkey"), QStringLiteral("-in"), keyPath(), QStringLiteral("-check"), QStringLiteral("-noout")});
    QVERIFY2(key.exitCode == 0 && key.output.contains("Key is valid"), key.output.constData());
}

void TestTlsCertificate::refusesToReplaceAnExistingKey()
{
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    const QByteArray cert = test::fileBytes(certPath());
    const QByteArray key = test::fileBytes(keyPath());

    auto again = TlsCertificate::generate(m_dir->path(), {QStringLiteral("other.example")}, m_clock);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QVERIFY2(again.error().message.contains(QStringLiteral("already exists at %1").arg(keyPath())) &&
                 again.error().message.contains(QStringLiteral("refusing to replace it")),
             qPrintable(again.error().message));
    QCOMPARE(test::fileBytes(certPath()), cert);
    QCOMPARE(test::fileBytes(keyPath()), key);
}

void TestTlsCertificate::replacesACertificateLeftWithoutItsKey()
{
    // What a crash between writing the certificate and writing the key leaves behind.
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    const QByteArray oldCert = test::fileBytes(certPath());
    QVERIFY(QFile::remove(keyPath()));

    auto generated = TlsCertificate::generate(m_dir->path(), {}, m_clock);
    QVERIFY2(generated, generated ? "" : qPrintable(generated.error().message));
    QVERIFY(test::fileBytes(certPath()) != oldCert);
}

void TestTlsCertificate::loadsWhatItGenerated()
{
    auto generated = TlsCertificate::generate(m_dir->path(), {}, m_clock);
    QVERIFY(generated);
    auto loaded = TlsCertificate::load(certPath(), keyPath(), m_clock);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded.value().certificate(), generated.value().certificate());
    QCOMPARE(loaded.value().sha256Fingerprint(), generated.value().sha256Fingerprint());
    QCOMPARE(loaded.value().privateKey(), generated.value().privateKey());
    QVERIFY(!loaded.value().privateKey().isNull());
}

void TestTlsCertificate::refusesAKeyOfAnotherCertificate()
{
    QTemporaryDir other;
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    QVERIFY(TlsCertificate::generate(other.path(), {}, m_clock));

    auto loaded = TlsCertificate::load(certPath(), TlsCertificate::keyPath(other.path()), m_clock);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::WrongKey);
    QVERIFY2(
        loaded.error().message.contains(QStringLiteral("does not belong to the certificate in %1").arg(certPath())),
        qPrintable(loaded.error().message));
}

void TestTlsCertificate::refusesCertificatesOutsideTheirValidity_data()
{
    QTest::addColumn<qint64>("offsetSeconds");
    QTest::addColumn<QString>("message");

    QTest::newRow("just valid") << qint64(-3600) << QString();
    QTest::newRow("last second") << qint64(397 * 24 * 3600) << QString();
    QTest::newRow("before notBefore") << qint64(-3601) << QStringLiteral("is not valid before 2027-01-15T07:00:00Z");
    QTest::newRow("after notAfter") << qint64(397 * 24 * 3600 + 1) << QStringLiteral("expired on 2028-02-16T08:00:00Z");
}

void TestTlsCertificate::refusesCertificatesOutsideTheirValidity()
{
    QFETCH(qint64, offsetSeconds);
    QFETCH(QString, message);

    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    test::ManualClock later(kNow + offsetSeconds * 1000);
    auto loaded = TlsCertificate::load(certPath(), keyPath(), later);
    if (message.isEmpty()) {
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        return;
    }
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(loaded.error().message.contains(message), qPrintable(loaded.error().message));
}

void TestTlsCertificate::refusesAnExpiredCertificateMadeByOpenssl()
{
    // A user-supplied pair valid for one day, read two days on.
    QVERIFY(test::makeSelfSigned(path(QStringLiteral("old.crt")), path(QStringLiteral("old.key")),
                                 {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:P-256")},
                                 QStringLiteral("1")));
    test::ManualClock twoDaysOn(QDateTime::currentMSecsSinceEpoch() + 2LL * 24 * 3600 * 1000);
    auto loaded = TlsCertificate::load(path(QStringLiteral("old.crt")), path(QStringLiteral("old.key")), twoDaysOn);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(QStringLiteral("expired on")) &&
                 loaded.error().message.contains(QStringLiteral("renew it")),
             qPrintable(loaded.error().message));
    QVERIFY(TlsCertificate::load(path(QStringLiteral("old.crt")), path(QStringLiteral("old.key")), Clock::system()));
}

void TestTlsCertificate::judgesKeyStrength_data()
{
    QTest::addColumn<QStringList>("keyArgs");
    QTest::addColumn<QString>("refusal");

    const QString newkey = QStringLiteral("-newkey");
    const QString pkeyopt = QStringLiteral("-pkeyopt");
    QTest::newRow("EC P-256") << QStringList{newkey, QStringLiteral("ec"), pkeyopt,
                                             QStringLiteral("ec_paramgen_curve:P-256")}
                              << QString();
    QTest::newRow("EC P-384") << QStringList{newkey, QStringLiteral("ec"), pkeyopt,
                                             QStringLiteral("ec_paramgen_curve:P-384")}
                              << QString();
    QTest::newRow("RSA 2048") << QStringList{newkey, QStringLiteral("rsa:2048")} << QString();
    QTest::newRow("RSA 1024") << QStringList{newkey, QStringLiteral("rsa:1024")}
                              << QStringLiteral("is a 1024-bit RSA key, which is too weak");
    QTest::newRow("EC P-521") << QStringList{newkey, QStringLiteral("ec"), pkeyopt,
                                             QStringLiteral("ec_paramgen_curve:P-521")}
                              << QStringLiteral("uses the elliptic curve secp521r1");
    QTest::newRow("Ed25519") << QStringList{newkey, QStringLiteral("ed25519")} << QStringLiteral("is of type ED25519");
}

void TestTlsCertificate::judgesKeyStrength()
{
    QFETCH(QStringList, keyArgs);
    QFETCH(QString, refusal);

    const QString cert = path(QStringLiteral("user.crt"));
    const QString key = path(QStringLiteral("user.key"));
    QVERIFY(test::makeSelfSigned(cert, key, keyArgs));
    auto loaded = TlsCertificate::load(cert, key, Clock::system());
    if (refusal.isEmpty()) {
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QVERIFY(!loaded.value().privateKey().isNull());
        const auto printed =
            test::openssl({QStringLiteral("x509"), QStringLiteral("-noout"), QStringLiteral("-fingerprint"),
                           QStringLiteral("-sha256"), QStringLiteral("-in"), cert});
        QVERIFY(printed.output.trimmed().endsWith(loaded.value().sha256Fingerprint().toLatin1()));
        return;
    }
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(loaded.error().message.contains(refusal) &&
                 loaded.error().message.contains(QStringLiteral("accepts EC P-256 or P-384 keys and RSA keys of at "
                                                                "least 2048 bits")),
             qPrintable(loaded.error().message));
}

void TestTlsCertificate::refusesKeyFilesOthersCanAccess_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644") << 0644;
    QTest::newRow("0640") << 0640;
    QTest::newRow("0604") << 0604;
    QTest::newRow("0620") << 0620;
}

void TestTlsCertificate::refusesKeyFilesOthersCanAccess()
{
    QFETCH(int, mode);
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    QCOMPARE(::chmod(QFile::encodeName(keyPath()).constData(), static_cast<mode_t>(mode)), 0);

    auto loaded = TlsCertificate::load(certPath(), keyPath(), m_clock);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InsecurePermissions);
    const QString expected =
        QStringLiteral("the TLS key %1 is accessible by group or others (mode 0%2)").arg(keyPath()).arg(mode, 3, 8);
    QVERIFY2(loaded.error().message.contains(expected) &&
                 loaded.error().message.contains(QStringLiteral("chmod 600 %1").arg(keyPath())),
             qPrintable(loaded.error().message));
    QCOMPARE(test::modeOf(keyPath()), mode); // refused, never "fixed"
}

void TestTlsCertificate::refusesMissingFiles()
{
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    const QString missing = path(QStringLiteral("nothing-here.pem"));

    auto noCert = TlsCertificate::load(missing, keyPath(), m_clock);
    QVERIFY(!noCert);
    QCOMPARE(noCert.error().code, ErrorCode::NotFound);
    QVERIFY2(noCert.error().message.contains(QStringLiteral("the TLS certificate %1 does not exist").arg(missing)),
             qPrintable(noCert.error().message));

    auto noKey = TlsCertificate::load(certPath(), missing, m_clock);
    QVERIFY(!noKey);
    QCOMPARE(noKey.error().code, ErrorCode::NotFound);
    QVERIFY2(noKey.error().message.contains(QStringLiteral("the TLS key %1 does not exist").arg(missing)),
             qPrintable(noKey.error().message));
}

void TestTlsCertificate::refusesAnEncryptedKey()
{
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    const QString encrypted = path(QStringLiteral("encrypted.key"));
    const auto made =
        test::openssl({QStringLiteral("pkey"), QStringLiteral("-in"), keyPath(), QStringLiteral("-out"), encrypted,
                       QStringLiteral("-aes256"), QStringLiteral("-passout"), QStringLiteral("pass:correct horse")});
    QCOMPARE(made.exitCode, 0);
    QCOMPARE(::chmod(QFile::encodeName(encrypted).constData(), 0600), 0);

    auto loaded = TlsCertificate::load(certPath(), encrypted, m_clock);
    QVERIFY(!loaded);
    QVERIFY2(loaded.error().message.contains(QStringLiteral("is protected by a passphrase")) &&
                 loaded.error().message.contains(QStringLiteral("openssl pkey -in %1").arg(encrypted)),
             qPrintable(loaded.error().message));
}

void TestTlsCertificate::refusesFilesThatAreNotPem()
{
    QVERIFY(TlsCertificate::generate(m_dir->path(), {}, m_clock));
    const QString garbage = path(QStringLiteral("garbage.pem"));
    QVERIFY(test::writeBytes(garbage, QByteArray("not a certificate\n")));
    QCOMPARE(::chmod(QFile::encodeName(garbage).constData(), 0600), 0);

    auto badCert = TlsCertificate::load(garbage, keyPath(), m_clock);
    QVERIFY(!badCert);
    QVERIFY2(badCert.error().message.contains(QStringLiteral("holds no readable PEM certificate")),
             qPrintable(badCert.error().message));

    // The certificate given where the key belongs.
    const QString swapped = path(QStringLiteral("swapped.pem"));
    QVERIFY(QFile::copy(certPath(), swapped));
    QCOMPARE(::chmod(QFile::encodeName(swapped).constData(), 0600), 0);
    auto badKey = TlsCertificate::load(certPath(), swapped, m_clock);
    QVERIFY(!badKey);
    QVERIFY2(badKey.error().message.contains(QStringLiteral("%1 holds no PEM private key").arg(swapped)),
             qPrintable(badKey.error().message));
}

void TestTlsCertificate::loadsAChainWithTheServerCertificateFirst()
{
    // A CA (P-384) issues an RSA 2048 server certificate; the file holds the server certificate, then the CA's.
    const QString caKey = path(QStringLiteral("ca.key"));
    const QString caCert = path(QStringLiteral("ca.crt"));
    QVERIFY(test::makeSelfSigned(caCert, caKey,
                                 {QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:P-384")}));
    const QString key = path(QStringLiteral("server.key"));
    const QString csr = path(QStringLiteral("server.csr"));
    const QString leaf = path(QStringLiteral("server.crt"));
    QCOMPARE(test::openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-nodes"),
                            QStringLiteral("-newkey"), QStringLiteral("rsa:2048"), QStringLiteral("-keyout"), key,
                            QStringLiteral("-out"), csr, QStringLiteral("-subj"), QStringLiteral("/CN=api.example")})
                 .exitCode,
             0);
    QCOMPARE(test::openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr,
                            QStringLiteral("-CA"), caCert, QStringLiteral("-CAkey"), caKey,
                            QStringLiteral("-CAcreateserial"), QStringLiteral("-days"), QStringLiteral("2"),
                            QStringLiteral("-out"), leaf})
                 .exitCode,
             0);
    QCOMPARE(::chmod(QFile::encodeName(key).constData(), 0600), 0);

    const QString chain = path(QStringLiteral("chain.pem"));
    QVERIFY(test::writeBytes(chain, test::fileBytes(leaf) + test::fileBytes(caCert)));
    auto loaded = TlsCertificate::load(chain, key, Clock::system());
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QCOMPARE(loaded.value().chain().size(), 2);
    QCOMPARE(loaded.value().certificate().subjectInfo(QSslCertificate::CommonName),
             QStringList{QStringLiteral("api.example")});
    QCOMPARE(loaded.value().privateKey().algorithm(), QSsl::Rsa);
    QCOMPARE(loaded.value().privateKey().length(), 2048);

    // The same chain in the wrong order: the key is checked against the first certificate.
    const QString reversed = path(QStringLiteral("reversed.pem"));
    QVERIFY(test::writeBytes(reversed, test::fileBytes(caCert) + test::fileBytes(leaf)));
    auto wrongOrder = TlsCertificate::load(reversed, key, Clock::system());
    QVERIFY(!wrongOrder);
    QCOMPARE(wrongOrder.error().code, ErrorCode::WrongKey);
    QVERIFY2(wrongOrder.error().message.contains(QStringLiteral("the first certificate in that file must be the "
                                                                "server's own")),
             qPrintable(wrongOrder.error().message));
}

QTEST_GUILESS_MAIN(TestTlsCertificate)
#include "TestTlsCertificate.moc"
