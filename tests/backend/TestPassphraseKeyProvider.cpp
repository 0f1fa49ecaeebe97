#include "TestSupport.h"
#include "keys/PassphraseKeyProvider.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace gatehouse;
using keys::KeyCustody;
using keys::PassphraseKeyProvider;
using keys::PassphrasePurpose;

namespace {

keys::PassphraseSource fixed(const char* text, QList<PassphrasePurpose>* asked = nullptr)
{
    return [text, asked](PassphrasePurpose purpose) -> Result<SecureBytes> {
        if (asked)
            asked->append(purpose);
        return SecureBytes(reinterpret_cast<const unsigned char*>(text), std::strlen(text));
    };
}

} // namespace

class TestPassphraseKeyProvider : public QObject
{
    Q_OBJECT
private slots:
    void samePassphraseGivesSameKey();
    void wrongPassphraseGivesAnotherKey();
    void shortPassphraseIsRefused();
    void custodyRecordsSaltAndParameters();
    void weakenedParametersAreRefused_data();
    void weakenedParametersAreRefused();
};

void TestPassphraseKeyProvider::samePassphraseGivesSameKey()
{
    QList<PassphrasePurpose> asked;
    PassphraseKeyProvider provider(fixed("correct horse battery staple", &asked));
    KeyCustody custody;
    auto created = provider.create(QStringLiteral("s"), custody);
    QVERIFY(created);
    auto loaded = provider.load(custody);
    QVERIFY(loaded);
    QVERIFY(created.value().equals(loaded.value()));
    QCOMPARE(asked, (QList<PassphrasePurpose>{PassphrasePurpose::Create, PassphrasePurpose::Unlock}));
}

void TestPassphraseKeyProvider::wrongPassphraseGivesAnotherKey()
{
    KeyCustody custody;
    auto created = PassphraseKeyProvider(fixed("correct horse battery staple")).create(QStringLiteral("s"), custody);
    auto other = PassphraseKeyProvider(fixed("correct horse battery stapler")).load(custody);
    QVERIFY(created && other);
    QVERIFY(!created.value().equals(other.value()));
}

void TestPassphraseKeyProvider::shortPassphraseIsRefused()
{
    KeyCustody custody;
    auto created = PassphraseKeyProvider(fixed("hunter2")).create(QStringLiteral("s"), custody);
    QVERIFY(!created);
    QCOMPARE(created.error().code, ErrorCode::InvalidArgument);
    QVERIFY(created.error().message.contains(QLatin1String("at least 12")));
}

void TestPassphraseKeyProvider::custodyRecordsSaltAndParameters()
{
    KeyCustody custody;
    QVERIFY(PassphraseKeyProvider(fixed("correct horse battery staple")).create(QStringLiteral("s"), custody));
    QCOMPARE(custody.kind, KeyCustody::Kind::Passphrase);
    QCOMPARE(custody.kdfSalt.size(), 16);
    QVERIFY(custody.kdf.isAtLeast(crypto::Argon2Params::defaults()));
    auto back = KeyCustody::fromJson(custody.toJson());
    QVERIFY(back);
    QCOMPARE(back.value().kdfSalt, custody.kdfSalt);
    QCOMPARE(back.value().kdf.memoryKiB, custody.kdf.memoryKiB);
    // The salt is stored, the passphrase never is.
    QVERIFY(!QJsonDocument(custody.toJson()).toJson().contains("correct horse"));
}

void TestPassphraseKeyProvider::weakenedParametersAreRefused_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<qint64>("value");
    QTest::newRow("memory below 19 MiB") << QStringLiteral("memory_kib") << qint64(8 * 1024);
    QTest::newRow("one pass") << QStringLiteral("iterations") << qint64(1);
    QTest::newRow("zero lanes") << QStringLiteral("parallelism") << qint64(0);
    QTest::newRow("absurd memory") << QStringLiteral("memory_kib") << (qint64(1) << 40);
}

void TestPassphraseKeyProvider::weakenedParametersAreRefused()
{
    QFETCH(QString, field);
    QFETCH(qint64, value);
    KeyCustody custody;
    QVERIFY(PassphraseKeyProvider(fixed("correct horse battery staple")).create(QStringLiteral("s"), custody));
    QJsonObject json = custody.toJson();
    json.insert(field, value);
    auto back = KeyCustody::fromJson(json);
    QVERIFY(!back);
    QVERIFY(back.error().message.contains(QLatin1String("minimum")));
}

QTEST_GUILESS_MAIN(TestPassphraseKeyProvider)
#include "TestPassphraseKeyProvider.moc"
