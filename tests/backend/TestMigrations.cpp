#include "TestSupport.h"
#include "store/Database.h"
#include "store/Migrations.h"
#include "store/Statement.h"

#include <QtTest>

using namespace gatehouse;
using store::Database;
using store::Migration;
using store::Migrations;

namespace {

Result<void> createA(Database& db)
{
    return db.exec("CREATE TABLE a (x INTEGER);");
}
Result<void> createB(Database& db)
{
    return db.exec("CREATE TABLE b (y INTEGER);");
}
// Creates a table, then fails: the whole step must roll back, table included.
Result<void> halfThenFail(Database& db)
{
    if (auto r = db.exec("CREATE TABLE c (z INTEGER);"); !r)
        return r;
    return db.exec("INSERT INTO no_such_table VALUES (1);");
}

bool tableExists(Database& db, const char* name)
{
    auto stmt = db.prepare("SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?;");
    stmt.value().bind(1, QString::fromLatin1(name));
    (void)stmt.value().step();
    return stmt.value().int64(0) == 1;
}

} // namespace

class TestMigrations : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void migratesInOrderAndRecordsEachStep();
    void migrateTwiceIsANoOp();
    void failedMigrationLeavesPreviousVersion();
    void newerSchemaIsRefusedUntouched();
    void productionSchemaReachesLatest();

private:
    std::unique_ptr<Database> openDb();
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMigrations::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
}

std::unique_ptr<Database> TestMigrations::openDb()
{
    const QString path = m_dir->filePath(QStringLiteral("m.db"));
    auto db = Database::open(path, test::keyOf('k'),
                             QFile::exists(path) ? Database::OpenMode::OpenExisting : Database::OpenMode::CreateNew);
    return db ? std::move(db).value() : nullptr;
}

void TestMigrations::migratesInOrderAndRecordsEachStep()
{
    auto db = openDb();
    QVERIFY(db);
    // Given out of order on purpose: they run by number.
    const Migrations m({{2, "b", createB}, {1, "a", createA}});
    auto v = m.migrate(*db);
    QVERIFY2(v, v ? "" : qPrintable(v.error().message));
    QCOMPARE(v.value(), 2);
    QCOMPARE(Migrations::currentVersion(*db).value(), 2);
    auto rows =
        db->prepare("SELECT group_concat(version || ':' || description) FROM schema_migrations ORDER BY version;");
    QVERIFY(rows && rows.value().step().value());
    QCOMPARE(rows.value().text(0), QStringLiteral("1:a,2:b"));
}

void TestMigrations::migrateTwiceIsANoOp()
{
    auto db = openDb();
    const Migrations m({{1, "a", createA}});
    QCOMPARE(m.migrate(*db).value(), 1);
    QCOMPARE(m.migrate(*db).value(), 1);
    QCOMPARE(db->pragma("SELECT count(*) FROM schema_migrations;").value(), QStringLiteral("1"));
}

void TestMigrations::failedMigrationLeavesPreviousVersion()
{
    auto db = openDb();
    QCOMPARE(Migrations({{1, "a", createA}}).migrate(*db).value(), 1);
    const Migrations broken({{1, "a", createA}, {2, "half then fail", halfThenFail}, {3, "b", createB}});
    auto v = broken.migrate(*db);
    QVERIFY(!v);
    QCOMPARE(v.error().code, ErrorCode::MigrationFailed);
    QVERIFY(v.error().message.contains(QLatin1String("migration 2")));
    QVERIFY(v.error().message.contains(QLatin1String("unchanged at version 1")));
    QCOMPARE(Migrations::currentVersion(*db).value(), 1);
    QVERIFY(tableExists(*db, "a"));
    QVERIFY(!tableExists(*db, "c"));
    QVERIFY(!tableExists(*db, "b"));
    // Reopened from disk, still version 1.
    db.reset();
    db = openDb();
    QCOMPARE(Migrations::currentVersion(*db).value(), 1);
}

void TestMigrations::newerSchemaIsRefusedUntouched()
{
    auto db = openDb();
    QCOMPARE(Migrations({{1, "a", createA}, {2, "b", createB}}).migrate(*db).value(), 2);
    db.reset();
    const QString path = m_dir->filePath(QStringLiteral("m.db"));
    const QByteArray before = test::sha256(path);
    db = openDb();
    auto v = Migrations({{1, "a", createA}}).migrate(*db);
    QVERIFY(!v);
    QCOMPARE(v.error().code, ErrorCode::SchemaTooNew);
    QVERIFY(v.error().message.contains(QLatin1String("version 2")));
    QVERIFY(v.error().message.contains(QLatin1String("upgrade Gatehouse")));
    db.reset();
    QCOMPARE(test::sha256(path), before);
}

void TestMigrations::productionSchemaReachesLatest()
{
    auto db = openDb();
    const auto& schema = Migrations::schema();
    QVERIFY(schema.latestVersion() >= 1);
    QCOMPARE(schema.migrate(*db).value(), schema.latestVersion());
    QVERIFY(tableExists(*db, "store_meta"));
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "TestMigrations.moc"
