#include "ForwardState.h"

#include "core/Files.h"
#include "core/Logging.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Store.h"

#include <QFile>

#include <unistd.h>

namespace gatehouse::forward {

namespace {

constexpr const char* kSchema = R"sql(
CREATE TABLE IF NOT EXISTS forward_state (
    destination_id TEXT PRIMARY KEY NOT NULL,
    cursor_seq INTEGER NOT NULL,
    connected INTEGER NOT NULL,
    last_error TEXT NOT NULL,
    last_error_at INTEGER NOT NULL,
    last_delivered_at INTEGER NOT NULL,
    unreachable_since INTEGER NOT NULL,
    alarmed INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
);
)sql";

void removeFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink(QFile::encodeName(path + QLatin1String(suffix)).constData());
}

} // namespace

QString statePath(const QString& dataDir)
{
    return dataDir + QLatin1Char('/') + QLatin1String(kStateFile);
}

Result<std::unique_ptr<store::Database>> openState(const QString& path, const SecureBytes& key, bool create)
{
    const bool exists = files::exists(path);
    if (!exists && !create)
        return makeError(ErrorCode::NotFound, QStringLiteral("no forwarding state yet"));
    auto db = store::Database::open(
        path, key, exists ? store::Database::OpenMode::OpenExisting : store::Database::OpenMode::CreateNew);
    if (!db && exists && create) {
        const ErrorCode code = db.error().code;
        if (code != ErrorCode::WrongKey && code != ErrorCode::Corrupt && code != ErrorCode::NotAStore)
            return db.error();
        qCWarning(lcStore) << "the forwarding state cannot be read; destinations resend from their start:"
                           << db.error().message;
        removeFiles(path);
        db = store::Database::open(path, key, store::Database::OpenMode::CreateNew);
    }
    if (!db)
        return db.error();
    if (create) {
        // Progress marks: a crash may lose the newest (they are resent), never corrupt the file.
        if (auto r = db.value()->exec("PRAGMA synchronous = NORMAL;"); !r)
            return r.error();
        if (auto r = db.value()->exec(kSchema); !r)
            return r.error();
    }
    return db;
}

Result<QList<DestinationStatus>> readStatus(store::Store& store, const QString* tenantId, qint64 nowMs)
{
    std::unique_ptr<store::Database> state;
    auto key = store.deriveKey(kStateKeyLabel);
    if (!key)
        return key.error();
    auto opened = openState(statePath(store.dataDir()), key.value(), false);
    if (opened)
        state = std::move(opened).value();
    else if (opened.error().code != ErrorCode::NotFound)
        qCWarning(lcStore) << "cannot read the forwarding state:" << opened.error().message;
    return loadStatus(store.database(), state.get(), tenantId, nowMs);
}

void rekeyState(const QString& dataDir, const SecureBytes& oldKey, const SecureBytes& newKey)
{
    const QString path = statePath(dataDir);
    if (!files::exists(path))
        return;
    {
        auto db = store::Database::open(path, oldKey, store::Database::OpenMode::OpenExisting);
        if (db && db.value()->rekey(newKey))
            return;
    }
    removeFiles(path);
}

} // namespace gatehouse::forward
