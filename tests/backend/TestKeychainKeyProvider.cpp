// Runs against a real gnome-keyring Secret Service in a private D-Bus session (see support/with-keyring.sh).
#include "TestSupport.h"
#include "keys/KeychainKeyProvider.h"

#include <QtTest>

using namespace gatehouse;
using keys::KeychainKeyProvider;
using keys::KeyCustody;

class TestKeychainKeyProvider : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void roundTripThroughTheKeychain();
    void eachStoreHasItsOwnItem();
    void discardedKeyIsGoneWithAClearError();
    void neverOverwritesAnExistingItem();
};

void TestKeychainKeyProvider::initTestCase()
{
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"),
             "run through tests/support/with-keyring.sh (ctest does): it starts a private keyring");
}

void TestKeychainKeyProvider::roundTripThroughTheKeychain()
{
    KeychainKeyProvider provider;
    KeyCustody custody;
    auto created = provider.create(QStringLiteral("round-trip"), custody);
    QVERIFY2(created, created ? "" : qPrintable(created.error().message));
    QCOMPARE(custody.kind, KeyCustody::Kind::Keychain);
    QCOMPARE(custody.keychainService, QStringLiteral("Gatehouse"));
    QCOMPARE(custody.keychainAccount, QStringLiteral("master-key/round-trip"));
    auto loaded = KeychainKeyProvider().load(custody);
    QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
    QVERIFY(created.value().equals(loaded.value()));
    QCOMPARE(loaded.value().size(), std::size_t(32));
}

void TestKeychainKeyProvider::eachStoreHasItsOwnItem()
{
    KeyCustody a, b;
    auto ka = KeychainKeyProvider().create(QStringLiteral("store-a"), a);
    auto kb = KeychainKeyProvider().create(QStringLiteral("store-b"), b);
    QVERIFY(ka && kb);
    QVERIFY(!ka.value().equals(kb.value()));
    QVERIFY(KeychainKeyProvider().load(a).value().equals(ka.value()));
    QVERIFY(KeychainKeyProvider().load(b).value().equals(kb.value()));
}

void TestKeychainKeyProvider::discardedKeyIsGoneWithAClearError()
{
    KeychainKeyProvider provider;
    KeyCustody custody;
    QVERIFY(provider.create(QStringLiteral("discard-me"), custody));
    provider.discard(custody);
    auto loaded = provider.load(custody);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::KeychainError);
    QVERIFY2(loaded.error().message.contains(QLatin1String("holds no master key")), qPrintable(loaded.error().message));
}

void TestKeychainKeyProvider::neverOverwritesAnExistingItem()
{
    KeyCustody first, second;
    auto original = KeychainKeyProvider().create(QStringLiteral("taken"), first);
    QVERIFY(original);
    auto again = KeychainKeyProvider().create(QStringLiteral("taken"), second);
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QVERIFY(KeychainKeyProvider().load(first).value().equals(original.value()));
}

QTEST_GUILESS_MAIN(TestKeychainKeyProvider)
#include "TestKeychainKeyProvider.moc"
