#include "PlainSqlite.h"
#include "TestSupport.h"
#include "keys/PassphraseKeyProvider.h"
#include "store/Migrations.h"
#include "store/Statement.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace gatehouse;
using store::Store;

namespace {

// A provider that hands out a key and then lets init fail later, to prove the rollback.
class RecordingProvider final : public keys::MasterKeyProvider
{
public:
    Result<SecureBytes> create(const QString&, keys::KeyCustody& custody) override
    {
        custody.kind = keys::KeyCustody::Kind::KeyFile;
        custody.keyFile = QStringLiteral("/nonexistent/recording.key");
        ++created;
        return test::keyOf('r');
    }
    Result<SecureBytes> load(const keys::KeyCustody&) override { return test::keyOf('r'); }
    void discard(const keys::KeyCustody&) override { ++discarded; }
    int created = 0;
    int discarded = 0;
};

QStringList entries(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot, QDir::Name);
}

} // namespace

class TestStore : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void initCreatesAnEncryptedStore();
    void markerWrittenThroughTheStoreIsNotInTheFile();
    void statusReadsSettingsBack();
    void initNeverOverwritesAStore();
    void wrongKeyIsRefusedAndFileUnchanged();
    void providerMismatchIsRefused();
    void missingDirectoryOrConfigIsNotAStore();
    void plainSqliteFileIsNamedAsSuch();
    void truncatedFileIsCorrupt();
    void damagedPageIsCorruptNotWrongKey_data();
    void damagedPageIsCorruptNotWrongKey();
    void swappedDatabaseIsRefused();
    void damagedConfigIsNamed();
    void failedInitLeavesNothingBehind();
    void passphraseStoreRoundTrip();

private:
    QString dataDir() const { return m_dir->filePath(QStringLiteral("data")); }
    QString keyFile() const { return m_dir->filePath(QStringLiteral("master.key")); }
    QString dbPath() const { return Store::databasePath(dataDir()); }
    void makeStore();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestStore::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestStore::makeStore()
{
    auto store = test::createFileStore(dataDir(), keyFile());
    QVERIFY2(store, store ? "" : qPrintable(store.error().message));
}

void TestStore::initCreatesAnEncryptedStore()
{
    makeStore();
    QCOMPARE(entries(dataDir()), (QStringList{QStringLiteral(".gatehouse.lock"), QStringLiteral("gatehouse.db"),
                                              QStringLiteral("store.json")}));
    QVERIFY(!test::fileBytes(dbPath()).startsWith("SQLite format 3"));
    QCOMPARE(QFileInfo(dataDir()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    QCOMPARE(QFileInfo(dbPath()).permissions() & (QFile::ReadGroup | QFile::ReadOther), QFileDevice::Permissions());
    auto opened = Store::open(dataDir(), test::keyFileOptions(QString()));
    QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
    QCOMPARE(store::Migrations::currentVersion(opened.value()->database()).value(),
             store::Migrations::schema().latestVersion());
}

void TestStore::markerWrittenThroughTheStoreIsNotInTheFile()
{
    const QString marker = QStringLiteral("GATEHOUSE-MARKER-c0ffee-%1").arg(QDateTime::currentMSecsSinceEpoch());
    {
        auto store = test::createFileStore(dataDir(), keyFile());
        QVERIFY(store);
        auto ins = store.value()->database().prepare("INSERT INTO store_meta (key, value) VALUES ('marker', ?);");
        QVERIFY(ins);
        QVERIFY(ins.value().bind(1, marker).run());
    }
    for (const QString& name : entries(dataDir()))
        QVERIFY2(!test::fileBytes(QDir(dataDir()).filePath(name)).contains(marker.toUtf8()), qPrintable(name));
    // And it is really there, readable with the key.
    auto store = Store::open(dataDir(), test::keyFileOptions(QString()));
    QVERIFY(store);
    QCOMPARE(store.value()->database().pragma("SELECT value FROM store_meta WHERE key = 'marker';").value(), marker);
}

void TestStore::statusReadsSettingsBack()
{
    makeStore();
    auto store = Store::open(dataDir(), test::keyFileOptions(QString()), Store::Intent::Inspect);
    QVERIFY(store);
    auto status = store.value()->status();
    QVERIFY(status);
    const auto& s = status.value();
    QCOMPARE(s.settings.pageSize, 4096);
    QCOMPARE(s.settings.journalMode, QStringLiteral("wal"));
    QVERIFY(s.settings.hmac);
    QCOMPARE(s.integrity, QStringLiteral("ok"));
    QCOMPARE(s.schemaVersion, store::Migrations::schema().latestVersion());
    QVERIFY(s.databaseBytes >= 4096);
    QVERIFY(s.keyCustody.contains(QFileInfo(keyFile()).absoluteFilePath()));
    QCOMPARE(s.storeId, store.value()->config().storeId);
}

void TestStore::initNeverOverwritesAStore()
{
    makeStore();
    const QByteArray db = test::sha256(dbPath());
    const QByteArray config = test::sha256(Store::configPath(dataDir()));
    auto again = test::createFileStore(dataDir(), m_dir->filePath(QStringLiteral("other.key")));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(test::sha256(dbPath()), db);
    QCOMPARE(test::sha256(Store::configPath(dataDir())), config);
    QVERIFY(!QFile::exists(m_dir->filePath(QStringLiteral("other.key"))));
}

void TestStore::wrongKeyIsRefusedAndFileUnchanged()
{
    makeStore();
    const QString otherKey = m_dir->filePath(QStringLiteral("other.key"));
    keys::KeyCustody unused;
    QVERIFY(keys::KeyFileProvider(otherKey).create(QStringLiteral("x"), unused));
    const QByteArray before = test::sha256(dbPath());
    auto store = Store::open(dataDir(), test::keyFileOptions(otherKey));
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::WrongKey);
    QCOMPARE(store.error().message, QStringLiteral("cannot unlock the store: wrong key, or not a Gatehouse database"));
    QCOMPARE(test::sha256(dbPath()), before);
    QVERIFY(!QFile::exists(dbPath() + QStringLiteral("-wal")));
}

void TestStore::providerMismatchIsRefused()
{
    makeStore();
    keys::ProviderOptions options;
    options.kind = keys::KeyCustody::Kind::Keychain;
    auto store = Store::open(dataDir(), options);
    QVERIFY(!store);
    QVERIFY(store.error().message.contains(QLatin1String("held by the file provider")));
}

void TestStore::missingDirectoryOrConfigIsNotAStore()
{
    auto none = Store::open(dataDir(), {});
    QVERIFY(!none);
    QCOMPARE(none.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(dataDir()));
    QVERIFY(QDir().mkpath(dataDir()));
    auto empty = Store::open(dataDir(), {});
    QVERIFY(!empty);
    QCOMPARE(empty.error().code, ErrorCode::NotAStore);
    QVERIFY(empty.error().message.contains(QLatin1String("gatehoused init")));
    QVERIFY(entries(dataDir()).isEmpty());
}

void TestStore::plainSqliteFileIsNamedAsSuch()
{
    makeStore();
    QVERIFY(QFile::remove(dbPath()));
    QVERIFY(test::createPlainSqlite(dbPath()));
    const QByteArray before = test::sha256(dbPath());
    auto store = Store::open(dataDir(), {});
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::NotAStore);
    QVERIFY(store.error().message.contains(QLatin1String("unencrypted SQLite database")));
    QCOMPARE(test::sha256(dbPath()), before);
}

void TestStore::truncatedFileIsCorrupt()
{
    makeStore();
    QByteArray bytes = test::fileBytes(dbPath());
    bytes.truncate(bytes.size() - 1000);
    QVERIFY(test::writeBytes(dbPath(), bytes));
    auto store = Store::open(dataDir(), {});
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::Corrupt);
    QVERIFY(store.error().message.contains(QLatin1String("truncated")));
    QCOMPARE(test::fileBytes(dbPath()), bytes);
}

void TestStore::damagedPageIsCorruptNotWrongKey_data()
{
    QTest::addColumn<int>("offset");
    QTest::newRow("first page") << 100;
    QTest::newRow("second page") << 4096 + 200;
    QTest::newRow("last page") << 2 * 4096 + 300;
}

void TestStore::damagedPageIsCorruptNotWrongKey()
{
    QFETCH(int, offset);
    makeStore();
    QByteArray bytes = test::fileBytes(dbPath());
    QVERIFY(bytes.size() > offset);
    bytes[offset] = static_cast<char>(bytes[offset] ^ 0x5a);
    QVERIFY(test::writeBytes(dbPath(), bytes));
    // Either opening or the status read (which checks every page) must say "corrupt", never "wrong key".
    auto store = Store::open(dataDir(), {}, Store::Intent::Inspect);
    Error error;
    if (!store) {
        error = store.error();
    } else {
        auto status = store.value()->status();
        QVERIFY(!status);
        error = status.error();
    }
    QCOMPARE(error.code, ErrorCode::Corrupt);
    QVERIFY2(error.message.contains(QLatin1String("restore it from a backup")), qPrintable(error.message));
    QCOMPARE(test::fileBytes(dbPath()), bytes);
}

void TestStore::swappedDatabaseIsRefused()
{
    // Two stores sharing one key file: the key matches, the identity does not.
    makeStore();
    const QString otherDir = m_dir->filePath(QStringLiteral("other"));
    QVERIFY(test::createFileStore(otherDir, keyFile()));
    QVERIFY(QFile::remove(dbPath()));
    QVERIFY(QFile::copy(Store::databasePath(otherDir), dbPath()));
    auto store = Store::open(dataDir(), {});
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::NotAStore);
    QVERIFY(store.error().message.contains(QLatin1String("another store")));
}

void TestStore::damagedConfigIsNamed()
{
    makeStore();
    QVERIFY(test::writeBytes(Store::configPath(dataDir()), "{ not json"));
    auto store = Store::open(dataDir(), {});
    QVERIFY(!store);
    QCOMPARE(store.error().code, ErrorCode::NotAStore);
    QVERIFY(store.error().message.contains(QLatin1String("damaged")));
}

void TestStore::failedInitLeavesNothingBehind()
{
    // A regular file where the database should go makes creation fail after the key was made.
    QVERIFY(QDir().mkpath(dataDir()));
    QVERIFY(QDir().mkpath(dbPath() + QStringLiteral(".new")));
    QVERIFY(test::writeBytes(dbPath() + QStringLiteral(".new/blocker"), "x"));
    RecordingProvider provider;
    auto store = Store::init(dataDir(), provider);
    QVERIFY(!store);
    QCOMPARE(provider.created, 1);
    QCOMPARE(provider.discarded, 1);
    QVERIFY(!QFile::exists(Store::configPath(dataDir())));
    QVERIFY(!QFile::exists(dbPath()));
    QCOMPARE(entries(dataDir()), QStringList{QStringLiteral("gatehouse.db.new")});

    // And into a directory that did not exist: the directory goes again too.
    const QString fresh = m_dir->filePath(QStringLiteral("fresh"));
    keys::PassphraseKeyProvider tooShort([](keys::PassphrasePurpose) -> Result<SecureBytes> {
        return SecureBytes(reinterpret_cast<const unsigned char*>("short"), 5);
    });
    QVERIFY(!Store::init(fresh, tooShort));
    QVERIFY(!QFile::exists(fresh));
}

void TestStore::passphraseStoreRoundTrip()
{
    auto source = [](const char* text) {
        return [text](keys::PassphrasePurpose) -> Result<SecureBytes> {
            return SecureBytes(reinterpret_cast<const unsigned char*>(text), std::strlen(text));
        };
    };
    keys::PassphraseKeyProvider provider(source("a long passphrase for tests"));
    QVERIFY(Store::init(dataDir(), provider));
    keys::ProviderOptions right;
    right.passphrase = source("a long passphrase for tests");
    QVERIFY(Store::open(dataDir(), right));
    keys::ProviderOptions wrong;
    wrong.passphrase = source("a long passphrase for test");
    auto refused = Store::open(dataDir(), wrong);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::WrongKey);
}

QTEST_GUILESS_MAIN(TestStore)
#include "TestStore.moc"
