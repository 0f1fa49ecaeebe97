#include "TestSupport.h"
#include "keys/KeyFileProvider.h"

#include <QtTest>

#include <sys/stat.h>

using namespace gatehouse;
using keys::KeyCustody;
using keys::KeyFileProvider;

namespace {

int modeOf(const QString& path)
{
    struct stat st
    {};
    ::stat(QFile::encodeName(path).constData(), &st);
    return st.st_mode & 07777;
}

} // namespace

class TestKeyFileProvider : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void createsKeyFileWithMode0600();
    void loadsWhatItCreated();
    void reusesAnExistingKeyFile();
    void refusesLooseModesWithoutFixingThem_data();
    void refusesLooseModesWithoutFixingThem();
    void refusesMalformedContent_data();
    void refusesMalformedContent();
    void refusesSymlink();
    void needsAPath();
    void discardRemovesOnlyWhatItCreated();

private:
    QString keyPath() const { return m_dir->filePath(QStringLiteral("master.key")); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestKeyFileProvider::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

void TestKeyFileProvider::createsKeyFileWithMode0600()
{
    KeyFileProvider provider(keyPath());
    KeyCustody custody;
    auto key = provider.create(QStringLiteral("store-1"), custody);
    QVERIFY2(key, key ? "" : qPrintable(key.error().message));
    QCOMPARE(key.value().size(), std::size_t(32));
    QCOMPARE(modeOf(keyPath()), 0600);
    QCOMPARE(custody.kind, KeyCustody::Kind::KeyFile);
    QCOMPARE(custody.keyFile, QFileInfo(keyPath()).absoluteFilePath());
    const QByteArray content = test::fileBytes(keyPath());
    QCOMPARE(content.size(), 65);
    QCOMPARE(content.left(64), QByteArray(key.value().toHex().chars(), 64));
}

void TestKeyFileProvider::loadsWhatItCreated()
{
    KeyFileProvider provider(keyPath());
    KeyCustody custody;
    auto created = provider.create(QStringLiteral("s"), custody);
    auto loaded = KeyFileProvider(QString()).load(custody);
    QVERIFY(created && loaded);
    QVERIFY(created.value().equals(loaded.value()));
}

void TestKeyFileProvider::reusesAnExistingKeyFile()
{
    const QByteArray hex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff\n");
    QVERIFY(test::writeBytes(keyPath(), hex));
    QFile::setPermissions(keyPath(), QFile::ReadOwner | QFile::WriteOwner);
    KeyFileProvider provider(keyPath());
    KeyCustody custody;
    auto key = provider.create(QStringLiteral("s"), custody);
    QVERIFY(key);
    QCOMPARE(QByteArray(key.value().toHex().chars(), 64), hex.left(64));
    provider.discard(custody); // not ours: must stay
    QVERIFY(QFile::exists(keyPath()));
}

void TestKeyFileProvider::refusesLooseModesWithoutFixingThem_data()
{
    QTest::addColumn<int>("mode");
    QTest::newRow("0644 world-readable") << 0644;
    QTest::newRow("0640 group-readable") << 0640;
    QTest::newRow("0604 other-readable") << 0604;
    QTest::newRow("0620 group-writable") << 0620;
}

void TestKeyFileProvider::refusesLooseModesWithoutFixingThem()
{
    QFETCH(int, mode);
    KeyCustody custody;
    QVERIFY(KeyFileProvider(keyPath()).create(QStringLiteral("s"), custody));
    QVERIFY(::chmod(QFile::encodeName(keyPath()).constData(), static_cast<mode_t>(mode)) == 0);
    auto loaded = KeyFileProvider(QString()).load(custody);
    QVERIFY(!loaded);
    QCOMPARE(loaded.error().code, ErrorCode::InsecurePermissions);
    QVERIFY(loaded.error().message.contains(QLatin1String("chmod 600")));
    QVERIFY(loaded.error().message.contains(QString::number(mode, 8)));
    QCOMPARE(modeOf(keyPath()), mode); // refused, not silently fixed
}

void TestKeyFileProvider::refusesMalformedContent_data()
{
    QTest::addColumn<QByteArray>("content");
    QTest::newRow("empty") << QByteArray();
    QTest::newRow("short") << QByteArray("0011");
    QTest::newRow("not hex") << QByteArray(64, 'z');
    QTest::newRow("too long") << QByteArray(80, 'a');
    QTest::newRow("raw bytes") << QByteArray(32, '\x01');
}

void TestKeyFileProvider::refusesMalformedContent()
{
    QFETCH(QByteArray, content);
    QVERIFY(test::writeBytes(keyPath(), content));
    QFile::setPermissions(keyPath(), QFile::ReadOwner | QFile::WriteOwner);
    auto key = KeyFileProvider::readKeyFile(keyPath());
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::InvalidArgument);
    QVERIFY(key.error().message.contains(QLatin1String("64 hex digits")));
}

void TestKeyFileProvider::refusesSymlink()
{
    KeyCustody custody;
    QVERIFY(KeyFileProvider(keyPath()).create(QStringLiteral("s"), custody));
    const QString link = m_dir->filePath(QStringLiteral("link.key"));
    QVERIFY(QFile::link(keyPath(), link));
    auto key = KeyFileProvider::readKeyFile(link);
    QVERIFY(!key);
    QCOMPARE(key.error().code, ErrorCode::InsecurePermissions);
}

void TestKeyFileProvider::needsAPath()
{
    KeyCustody custody;
    auto key = KeyFileProvider(QString()).create(QStringLiteral("s"), custody);
    QVERIFY(!key);
    QVERIFY(key.error().message.contains(QLatin1String("--key-file")));
}

void TestKeyFileProvider::discardRemovesOnlyWhatItCreated()
{
    KeyFileProvider provider(keyPath());
    KeyCustody custody;
    QVERIFY(provider.create(QStringLiteral("s"), custody));
    provider.discard(custody);
    QVERIFY(!QFile::exists(keyPath()));
}

QTEST_GUILESS_MAIN(TestKeyFileProvider)
#include "TestKeyFileProvider.moc"
