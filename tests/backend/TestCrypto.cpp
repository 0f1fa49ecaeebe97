#include "TestSupport.h"
#include "core/SecureBytes.h"
#include "crypto/Argon2id.h"
#include "crypto/Hkdf.h"
#include "crypto/Random.h"

#include <QtTest>

using namespace gatehouse;

class TestCrypto : public QObject
{
    Q_OBJECT
private slots:
    void hkdfMatchesRfc5869();
    void hkdfLabelsGiveIndependentKeys();
    void randomKeysDiffer();
    void secureBytesHexRoundTrip_data();
    void secureBytesHexRoundTrip();
    void secureBytesCompareAndTruncate();
    void argon2idIsDeterministicAndSaltBound();
    void argon2idRefusesAbsurdParameters();
    void argon2idDefaultsAreAboveOwaspFloor();
};

void TestCrypto::hkdfMatchesRfc5869()
{
    // RFC 5869, appendix A.1 (SHA-256, basic test case).
    const QByteArray ikm(22, '\x0b');
    const QByteArray salt = QByteArray::fromHex("000102030405060708090a0b0c");
    const QByteArray info = QByteArray::fromHex("f0f1f2f3f4f5f6f7f8f9");
    const SecureBytes key(reinterpret_cast<const unsigned char*>(ikm.constData()), std::size_t(ikm.size()));
    auto okm = crypto::hkdfSha256(key, info, 42, salt);
    QVERIFY(okm);
    QCOMPARE(QByteArray(okm.value().chars(), 42).toHex(),
             QByteArray("3cb25f25faacd57a90434f64d0362f2a2d2d0a90cf1a5a4c5db02d56ecc4c5bf34007208d5b887185865"));
}

void TestCrypto::hkdfLabelsGiveIndependentKeys()
{
    const SecureBytes master = test::keyOf('m');
    auto db = crypto::hkdfSha256(master, "gatehouse/db");
    auto check = crypto::hkdfSha256(master, "gatehouse/key-check");
    auto dbAgain = crypto::hkdfSha256(master, "gatehouse/db");
    QVERIFY(db && check && dbAgain);
    QVERIFY(!db.value().equals(check.value()));
    QVERIFY(db.value().equals(dbAgain.value()));
    QCOMPARE(db.value().size(), std::size_t(32));
}

void TestCrypto::randomKeysDiffer()
{
    auto a = crypto::randomKey(32);
    auto b = crypto::randomKey(32);
    QVERIFY(a && b);
    QVERIFY(!a.value().equals(b.value()));
}

void TestCrypto::secureBytesHexRoundTrip_data()
{
    QTest::addColumn<QByteArray>("hex");
    QTest::addColumn<bool>("valid");
    QTest::newRow("lower") << QByteArray("00ff10ab") << true;
    QTest::newRow("upper") << QByteArray("00FF10AB") << true;
    QTest::newRow("odd length") << QByteArray("abc") << false;
    QTest::newRow("not hex") << QByteArray("zz00") << false;
    QTest::newRow("empty") << QByteArray() << true;
}

void TestCrypto::secureBytesHexRoundTrip()
{
    QFETCH(QByteArray, hex);
    QFETCH(bool, valid);
    SecureBytes decoded;
    QCOMPARE(SecureBytes::fromHex(hex, decoded), valid);
    if (valid) {
        QCOMPARE(decoded.size(), std::size_t(hex.size() / 2));
        QCOMPARE(QByteArray(decoded.toHex().chars(), hex.size()), hex.toLower());
    } else {
        QVERIFY(decoded.isEmpty());
    }
}

void TestCrypto::secureBytesCompareAndTruncate()
{
    SecureBytes a = test::keyOf('a');
    SecureBytes b = a.clone();
    QVERIFY(a.equals(b));
    b.data()[31] ^= 1;
    QVERIFY(!a.equals(b));
    a.truncate(4);
    QCOMPARE(a.size(), std::size_t(4));
    QCOMPARE(QByteArray(a.chars(), 4), QByteArray("aaaa"));
    SecureBytes moved = std::move(a);
    QCOMPARE(moved.size(), std::size_t(4));
    QCOMPARE(a.size(), std::size_t(0)); // NOLINT(bugprone-use-after-move): moved-from state is specified
}

void TestCrypto::argon2idIsDeterministicAndSaltBound()
{
    const SecureBytes secret(reinterpret_cast<const unsigned char*>("correct horse battery"), 21);
    const auto params = crypto::Argon2Params::minimum();
    auto a = crypto::argon2id(secret, QByteArray(16, 's'), params);
    auto b = crypto::argon2id(secret, QByteArray(16, 's'), params);
    auto c = crypto::argon2id(secret, QByteArray(16, 't'), params);
    QVERIFY(a && b && c);
    QVERIFY(a.value().equals(b.value()));
    QVERIFY(!a.value().equals(c.value()));
}

void TestCrypto::argon2idRefusesAbsurdParameters()
{
    const SecureBytes secret(reinterpret_cast<const unsigned char*>("x"), 1);
    auto r = crypto::argon2id(secret, QByteArray(16, 's'), {64u * 1024 * 1024, 3, 4});
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
}

void TestCrypto::argon2idDefaultsAreAboveOwaspFloor()
{
    const auto d = crypto::Argon2Params::defaults();
    QVERIFY(d.isAtLeast(crypto::Argon2Params::minimum()));
    QVERIFY(d.memoryKiB > crypto::Argon2Params::minimum().memoryKiB);
    QVERIFY(d.isWithinLimits());
}

QTEST_GUILESS_MAIN(TestCrypto)
#include "TestCrypto.moc"
