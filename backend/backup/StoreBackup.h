#pragma once

#include "core/Result.h"

#include <QString>

#include <functional>

namespace gatehouse::store {
class Store;
} // namespace gatehouse::store

namespace gatehouse::backup {

struct BackupSummary
{
    QString path;
    QString storeId;
    int schemaVersion = 0;
    qint64 auditEvents = 0;
    qint64 auditLastSeq = 0; // every event up to this one is in the backup
    qint64 bytes = 0;
};

// Progress of a long step: what is being done, and how far ("copying the database", pages 10 of 300).
using StepProgress = std::function<void(const QString& step, qint64 done, qint64 total)>;

// Online backups: a consistent, still-encrypted copy of a store in one file (BackupArchive), taken while the
// server keeps the store open and writing.
class StoreBackup
{
public:
    static constexpr const char* kConfigPart = "store.json";
    static constexpr const char* kDatabasePart = "gatehouse.db";

    // Copies the database (one WAL read transaction; Store::snapshotTo), reads the copy back, and writes it with
    // the store's store.json into a new archive at `outFile` (never over an existing file). The master key never
    // enters the archive: restoring needs the store's key custody (keychain item, key file or passphrase).
    static Result<BackupSummary> create(store::Store& store, const QString& outFile, const StepProgress& progress = {});
};

} // namespace gatehouse::backup
