#pragma once

#include "CipherSettings.h"
#include "Database.h"
#include "StoreConfig.h"
#include "core/Result.h"
#include "keys/MasterKeyProvider.h"

#include <QString>

#include <functional>
#include <memory>

namespace gatehouse::store {

struct StoreStatus
{
    QString dataDir;
    QString databasePath;
    QString storeId;
    QDateTime createdAt;
    int schemaVersion = 0;
    int latestSchemaVersion = 0;
    CipherSettings settings;
    QString keyCustody;
    qint64 databaseBytes = 0;
    qint64 walBytes = 0;
    QString integrity;
    QString keyRotation; // empty, or what state an unfinished master-key rotation is in
};

// A data directory holding one encrypted store: store.json (custody and identity, not secret), gatehouse.db
// (SQLCipher), and a lock file. init() never overwrites anything; open() never creates anything; both leave
// the directory as they found it when they fail.
class Store
{
public:
    static constexpr const char* kConfigFile = "store.json";
    static constexpr const char* kDatabaseFile = "gatehouse.db";
    static constexpr const char* kLockFile = ".gatehouse.lock";

    enum class Intent {
        Use,     // bring the schema up to date
        Inspect, // change nothing; report pending migrations
    };

    static Result<std::unique_ptr<Store>> init(const QString& dataDir, keys::MasterKeyProvider& provider);
    static Result<std::unique_ptr<Store>> open(const QString& dataDir, const keys::ProviderOptions& options,
                                               Intent intent = Intent::Use);
    ~Store();

    Database& database() { return *m_db; }
    const StoreConfig& config() const { return m_config; }
    const QString& dataDir() const { return m_dataDir; }

    // Reads everything back from the running store (settings from SQLCipher, schema, sizes, quick_check).
    Result<StoreStatus> status();

    // Writes a consistent copy of the database to `path` (a new file, mode 0600) under the same key and cipher
    // settings, while other processes keep reading and writing the store: one WAL read transaction, never the
    // write lock. The copy is then opened again, must pass PRAGMA integrity_check and name this store, and is
    // handed to `readBack` before it is closed. A failed snapshot leaves nothing at `path`. The shared
    // directory lock this Store holds keeps a key rotation (which needs the store to itself) from starting
    // meanwhile.
    Result<void> snapshotTo(const QString& path, const std::function<Result<void>(Database&)>& readBack,
                            const std::function<void(int done, int total)>& progress = {});

    // Bulk loading of a new store (the demo seeder): every commit stays atomic and in order, but is no longer
    // fsynced one by one (WAL with synchronous = NORMAL: a power cut may lose the last commits, never corrupt the
    // file). Turning it off restores synchronous = FULL and checkpoints the WAL into the database, fsynced, so
    // everything loaded is durable from then on.
    Result<void> setBulkLoading(bool on);

    // A key for one purpose, HKDF-SHA256(master, label): the master key itself never leaves the Store.
    Result<SecureBytes> deriveKey(QByteArrayView label) const;
    // The raw key the database file is under now (for a second connection to it, e.g. the audit indexer's).
    Result<SecureBytes> databaseKey() const;
    // The audit index beside the database: derived data, rebuilt from the audit log when missing or unreadable.
    QString auditIndexPath() const;
    static constexpr const char* kAuditIndexFile = "audit-index.db";

    // --- master-key rotation (see docs/operations.md) ---
    // Starts a rotation: a new master key from `next` is recorded in store.json beside the current one.
    // Needs this process to be the store's only user.
    Result<void> beginRotation(keys::MasterKeyProvider& next);
    bool rotationPending() const { return m_config.rotation.has_value(); }
    // During a rotation, a key for one purpose from the next master key.
    Result<SecureBytes> deriveNextKey(QByteArrayView label) const;
    QByteArray nextKeyCheck() const { return m_config.rotation ? m_config.rotation->nextKeyCheck : QByteArray(); }
    // After everything wrapped under the master key was re-wrapped under the next one: re-keys the database
    // (unless a previous attempt did), makes the next key the current one in store.json, and removes the old
    // key from the keychain. Every step can be repeated after a crash; `oldProvider` removes the old key.
    Result<void> finishRotation(keys::MasterKeyProvider& oldProvider);
    bool databaseUnderNextKey() const { return m_dbUnderNext; }

    static QString configPath(const QString& dataDir);
    static QString databasePath(const QString& dataDir);

private:
    Store(QString dataDir, StoreConfig config, std::unique_ptr<Database> db, int lockFd, SecureBytes master);

    QString m_dataDir;
    SecureBytes m_master;
    SecureBytes m_next;         // during a rotation
    bool m_dbUnderNext = false; // during a rotation: the database was already re-keyed
    StoreConfig m_config;
    std::unique_ptr<Database> m_db;
    int m_lockFd = -1;
};

} // namespace gatehouse::store
