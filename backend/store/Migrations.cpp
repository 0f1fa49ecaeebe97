#include "Migrations.h"

#include "Database.h"
#include "Statement.h"
#include "Transaction.h"
#include "core/Logging.h"

#include <QDateTime>

#include <algorithm>

namespace gatehouse::store {

namespace {

Result<void> createBookkeeping(Database& db)
{
    return db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " version INTEGER PRIMARY KEY,"
                   " description TEXT NOT NULL,"
                   " applied_at TEXT NOT NULL);");
}

Result<void> schemaV1(Database& db)
{
    // Identity of the store itself: lets an open check that the database file belongs to its data directory.
    return db.exec("CREATE TABLE store_meta ("
                   " key TEXT PRIMARY KEY NOT NULL,"
                   " value TEXT NOT NULL) WITHOUT ROWID;");
}

} // namespace

Migrations::Migrations(std::vector<Migration> steps) : m_steps(std::move(steps))
{
    std::sort(m_steps.begin(), m_steps.end(), [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

const Migrations& Migrations::schema()
{
    static const Migrations migrations({
        {1, "store identity", schemaV1},
    });
    return migrations;
}

int Migrations::latestVersion() const
{
    return m_steps.empty() ? 0 : m_steps.back().version;
}

Result<int> Migrations::currentVersion(Database& db)
{
    // user_version lives in the database header and changes in the same transaction as schema_migrations.
    auto v = db.pragma("PRAGMA user_version;");
    if (!v)
        return v.error();
    return v.value().toInt();
}

Result<int> Migrations::checkNotNewer(Database& db) const
{
    auto current = currentVersion(db);
    if (!current)
        return current;
    if (current.value() > latestVersion())
        return makeError(ErrorCode::SchemaTooNew,
                         QStringLiteral("the store's schema is version %1, newer than this Gatehouse build "
                                        "understands (version %2); upgrade Gatehouse to open it. Nothing was changed")
                             .arg(current.value())
                             .arg(latestVersion()));
    return current;
}

Result<int> Migrations::migrate(Database& db) const
{
    auto current = checkNotNewer(db);
    if (!current)
        return current;
    int version = current.value();
    for (const Migration& step : m_steps) {
        if (step.version <= version)
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        auto fail = [&](const Error& e) -> Error {
            return makeError(e.code == ErrorCode::DiskFull || e.code == ErrorCode::ReadOnly ? e.code
                                                                                           : ErrorCode::MigrationFailed,
                             QStringLiteral("schema migration %1 (%2) failed: %3; the store is unchanged at "
                                            "version %4")
                                 .arg(step.version)
                                 .arg(QString::fromUtf8(step.description), e.message)
                                 .arg(version));
        };
        if (auto r = createBookkeeping(db); !r)
            return fail(r.error());
        if (auto r = step.apply(db); !r)
            return fail(r.error());
        auto record = db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?);");
        if (!record)
            return fail(record.error());
        record.value()
            .bind(1, qint64(step.version))
            .bind(2, QString::fromUtf8(step.description))
            .bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (auto r = record.value().run(); !r)
            return fail(r.error());
        // PRAGMA cannot take a bound parameter; the version is an integer from this build, not input.
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(step.version) + ";";
        if (auto r = db.exec(setVersion.constData()); !r)
            return fail(r.error());
        if (auto r = tx.value().commit(); !r)
            return fail(r.error());
        qCInfo(lcStore) << "applied schema migration" << step.version << step.description;
        version = step.version;
    }
    return version;
}

} // namespace gatehouse::store
