#include "PlainSqlite.h"
#include "TestSupport.h"
#include "store/Database.h"
#include "store/Statement.h"
#include "store/Transaction.h"

#include <QtTest>

using namespace gatehouse;
using store::Database;

class TestDatabase : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void settingsAreReadBack();
    void statementsBindAndRead();
    void transactionRollsBackUnlessCommitted();
    void fileHoldsNoPlaintext();
    void wrongKeyLeavesFileByteIdentical();
    void createRefusesExistingFile();
    void openNeverCreatesAFile();
    void plainSqliteFileIsNotUnlocked();
    void changeGenerationMovesWithEveryChangeOutsideTheAuditTrail();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    QString path() const { return m_dir->filePath(QStringLiteral("test.db")); }
};

void TestDatabase::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestDatabase::settingsAreReadBack()
{
    auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
    QVERIFY2(db, db ? "" : qPrintable(db.error().message));
    const auto& s = db.value()->settings();
    QCOMPARE(s.pageSize, 4096);
    QCOMPARE(s.cipher.toLower(), QStringLiteral("aes-256-cbc"));
    QVERIFY(s.hmac);
    QCOMPARE(s.journalMode, QStringLiteral("wal"));
    QCOMPARE(s.synchronous, 2);
    QVERIFY(s.foreignKeys);
    QVERIFY(s.secureDelete);
    QCOMPARE(s.busyTimeoutMs, 5000);
    QCOMPARE(s.tempStore, 2);
    QVERIFY(s.sqlcipherVersion.startsWith(QLatin1String("3.")) || s.sqlcipherVersion.startsWith(QLatin1String("4.")));
    QVERIFY(s.deviations().isEmpty());
    // The same values straight from SQLCipher, not from our struct.
    QCOMPARE(db.value()->pragma("PRAGMA cipher_page_size;").value(), QStringLiteral("4096"));
    QCOMPARE(db.value()->pragma("PRAGMA journal_mode;").value(), QStringLiteral("wal"));
}

void TestDatabase::statementsBindAndRead()
{
    auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
    QVERIFY(db);
    QVERIFY(db.value()->exec("CREATE TABLE t (i INTEGER, s TEXT, b BLOB);"));
    auto ins = db.value()->prepare("INSERT INTO t VALUES (?, ?, ?);");
    QVERIFY(ins);
    const QByteArray blob("\x00\x01\xff", 3);
    QVERIFY(ins.value().bind(1, qint64(1) << 40).bind(2, QStringLiteral("grüße")).bindBlob(3, blob).run());
    ins.value().reset();
    QVERIFY(ins.value().bind(1, qint64(-1)).bindNull(2).bindNull(3).run());
    auto sel = db.value()->prepare("SELECT i, s, b FROM t ORDER BY i DESC;");
    QVERIFY(sel);
    QVERIFY(sel.value().step().value());
    QCOMPARE(sel.value().int64(0), qint64(1) << 40);
    QCOMPARE(sel.value().text(1), QStringLiteral("grüße"));
    QCOMPARE(sel.value().blob(2), blob);
    QVERIFY(sel.value().step().value());
    QVERIFY(sel.value().isNull(1));
    QVERIFY(!sel.value().step().value());

    auto bad = db.value()->prepare("SELECT nope FROM t;");
    QVERIFY(!bad);
    QVERIFY(!bad.error().message.isEmpty());
}

void TestDatabase::transactionRollsBackUnlessCommitted()
{
    auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
    QVERIFY(db);
    QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT);"));
    {
        auto tx = store::Transaction::begin(*db.value());
        QVERIFY(tx);
        QVERIFY(db.value()->exec("INSERT INTO t VALUES ('dropped');"));
    }
    {
        auto tx = store::Transaction::begin(*db.value());
        QVERIFY(tx);
        QVERIFY(db.value()->exec("INSERT INTO t VALUES ('kept');"));
        QVERIFY(tx.value().commit());
    }
    QCOMPARE(db.value()->pragma("SELECT group_concat(v) FROM t;").value(), QStringLiteral("kept"));
}

void TestDatabase::fileHoldsNoPlaintext()
{
    const QByteArray marker = "GATEHOUSE-PLAINTEXT-MARKER-7f3a9c";
    {
        auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT);"));
        auto ins = db.value()->prepare("INSERT INTO t VALUES (?);");
        QVERIFY(ins);
        for (int i = 0; i < 200; ++i) {
            ins.value().reset();
            QVERIFY(ins.value().bind(1, QString::fromLatin1(marker) + QString::number(i)).run());
        }
    }
    const QByteArray bytes = test::fileBytes(path());
    QVERIFY(bytes.size() >= 4096);
    QVERIFY(!bytes.contains(marker));
    QVERIFY(!bytes.startsWith("SQLite format 3"));
    QVERIFY(!bytes.contains("CREATE TABLE"));
    // And the WAL, if one was left, is encrypted too.
    QVERIFY(!test::fileBytes(path() + QStringLiteral("-wal")).contains(marker));
}

void TestDatabase::wrongKeyLeavesFileByteIdentical()
{
    {
        auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
        QVERIFY(db);
        QVERIFY(db.value()->exec("CREATE TABLE t (v TEXT); INSERT INTO t VALUES ('x');"));
    }
    const QByteArray before = test::sha256(path());
    auto wrong = Database::open(path(), test::keyOf('w'), Database::OpenMode::OpenExisting);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::WrongKey);
    QCOMPARE(wrong.error().message, QStringLiteral("cannot unlock the store: wrong key, or not a Gatehouse database"));
    QCOMPARE(test::sha256(path()), before);
    auto right = Database::open(path(), test::keyOf('k'), Database::OpenMode::OpenExisting);
    QVERIFY(right);
}

void TestDatabase::createRefusesExistingFile()
{
    QVERIFY(test::writeBytes(path(), "precious"));
    auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::AlreadyExists);
    QCOMPARE(test::fileBytes(path()), QByteArray("precious"));
}

void TestDatabase::openNeverCreatesAFile()
{
    auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::OpenExisting);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::NotFound);
    QVERIFY(!QFile::exists(path()));
}

void TestDatabase::plainSqliteFileIsNotUnlocked()
{
    QVERIFY(test::createPlainSqlite(path()));
    QVERIFY(test::fileBytes(path()).startsWith("SQLite format 3"));
    const QByteArray before = test::sha256(path());
    auto db = Database::open(path(), test::keyOf('k'), Database::OpenMode::OpenExisting);
    QVERIFY(!db);
    QCOMPARE(db.error().code, ErrorCode::WrongKey);
    QCOMPARE(test::sha256(path()), before);
}

void TestDatabase::changeGenerationMovesWithEveryChangeOutsideTheAuditTrail()
{
    auto opened = Database::open(path(), test::keyOf('k'), Database::OpenMode::CreateNew);
    QVERIFY(opened);
    Database& db = *opened.value();
    QVERIFY(db.exec("CREATE TABLE t (x INTEGER); CREATE TABLE audit_t (y INTEGER); "
                    "INSERT INTO t VALUES (1), (2), (3);"));
    const auto generation = [&db] {
        return db.changeGeneration().value();
    };
    quint64 g = generation();
    QCOMPARE(generation(), g); // nothing happened

    // Changes to the audit trail's tables alone, in a transaction or not: no move.
    QVERIFY(db.exec("INSERT INTO audit_t VALUES (1);"));
    QVERIFY(db.exec("BEGIN IMMEDIATE; INSERT INTO audit_t VALUES (2); INSERT INTO audit_t VALUES (3); COMMIT;"));
    QCOMPARE(generation(), g);
    // Any other table moves it, alone or beside the audit trail.
    QVERIFY(db.exec("UPDATE t SET x = 4 WHERE x = 1;"));
    QVERIFY(generation() > g);
    g = generation();
    QVERIFY(db.exec("BEGIN IMMEDIATE; INSERT INTO audit_t VALUES (4); DELETE FROM t WHERE x = 2; COMMIT;"));
    QVERIFY(generation() > g);
    g = generation();
    // A DELETE without WHERE is not reported row by row: beside an audit row, the count gives it away.
    QVERIFY(db.exec("BEGIN IMMEDIATE; INSERT INTO audit_t VALUES (5); DELETE FROM t; COMMIT;"));
    QVERIFY(generation() > g);
    g = generation();
    QVERIFY(db.exec("INSERT INTO t VALUES (5);"));
    g = generation();
    QVERIFY(db.exec("DELETE FROM t;"));
    QVERIFY(generation() > g);
    g = generation();
    // A schema change, an empty write transaction: moves (nothing accounted for row by row).
    QVERIFY(db.exec("CREATE TABLE u (z INTEGER);"));
    QVERIFY(generation() > g);
    g = generation();
    QVERIFY(db.exec("BEGIN IMMEDIATE; COMMIT;"));
    QVERIFY(generation() > g);
    g = generation();
    // Rolled back: nothing changed.
    QVERIFY(db.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (6); ROLLBACK;"));
    QCOMPARE(generation(), g);
    // Quiet writes do not move it.
    {
        const Database::QuietWrites quiet(db);
        QVERIFY(db.exec("BEGIN IMMEDIATE; INSERT INTO t VALUES (7); INSERT INTO audit_t VALUES (6); COMMIT;"));
    }
    QCOMPARE(generation(), g);
    // Another connection's commit moves it (PRAGMA data_version).
    auto other = Database::open(path(), test::keyOf('k'), Database::OpenMode::OpenExisting);
    QVERIFY(other);
    QVERIFY(other.value()->exec("INSERT INTO audit_t VALUES (7);"));
    QVERIFY(generation() > g);
}

QTEST_GUILESS_MAIN(TestDatabase)
#include "TestDatabase.moc"
