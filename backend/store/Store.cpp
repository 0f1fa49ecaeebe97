#include "Store.h"

#include "Migrations.h"
#include "Statement.h"
#include "Transaction.h"
#include "core/Encoding.h"
#include "core/FaultInjection.h"
#include "core/Files.h"
#include "core/Logging.h"
#include "crypto/Hkdf.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>
#include <QUuid>

#include <cerrno>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::store {

namespace {

constexpr char kSqliteHeader[] = "SQLite format 3";

struct DerivedKeys
{
    SecureBytes database;
    QByteArray keyCheck;
};

Result<DerivedKeys> deriveKeys(const SecureBytes& master)
{
    auto db = crypto::hkdfSha256(master, "gatehouse/db", 32);
    if (!db)
        return db.error();
    auto check = crypto::hkdfSha256(master, "gatehouse/key-check", 16);
    if (!check)
        return check.error();
    return DerivedKeys{std::move(db).value(), QByteArray(check.value().chars(), 16)};
}

// Shared while a store is open, exclusive while one is being created.
Result<int> lockDirectory(const QString& dataDir, bool exclusive)
{
    const QString path = dataDir + QLatin1Char('/') + QLatin1String(Store::kLockFile);
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDWR | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return files::errnoError(errno, QStringLiteral("lock the data directory through"), path);
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        ::close(fd);
        return makeError(
            ErrorCode::Io,
            QStringLiteral("another Gatehouse process is %1 %2; wait for it to finish")
                .arg(exclusive ? QStringLiteral("using") : QStringLiteral("creating a store in"), dataDir));
    }
    return fd;
}

void removeDatabaseFiles(const QString& path)
{
    for (const char* suffix : {"", "-wal", "-shm", "-journal"})
        ::unlink(QFile::encodeName(path + QLatin1String(suffix)).constData());
}

qint64 fileSize(const QString& path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? static_cast<qint64>(st.st_size) : 0;
}

// Cheap checks on the raw file before any key is involved, so that a foreign or damaged file gets a precise
// message rather than "wrong key".
Result<void> inspectDatabaseFile(const QString& dataDir, const QString& path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the store file %1 is missing. Restore it from a backup (if %1.new is "
                                            "there, an init was interrupted: remove %2 and run init again)")
                                 .arg(path, dataDir));
        return files::errnoError(errno, QStringLiteral("inspect"), path);
    }
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::NotAStore, QStringLiteral("%1 is not a regular file").arg(path));
    if (st.st_size == 0 || st.st_size % CipherSettings::kPageSize != 0)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the store file %1 is truncated or corrupt (%2 bytes is not a whole number of "
                                        "%3-byte pages); restore it from a backup")
                             .arg(path)
                             .arg(st.st_size)
                             .arg(CipherSettings::kPageSize));
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return files::errnoError(EACCES, QStringLiteral("read"), path);
    const QByteArray head = file.read(16);
    if (head.startsWith(QByteArrayView(kSqliteHeader)))
        return makeError(ErrorCode::NotAStore,
                         QStringLiteral("%1 is an unencrypted SQLite database, not a Gatehouse store; nothing was "
                                        "changed")
                             .arg(path));
    return {};
}

} // namespace

Store::Store(QString dataDir, StoreConfig config, std::unique_ptr<Database> db, int lockFd, SecureBytes master)
    : m_dataDir(std::move(dataDir)), m_master(std::move(master)), m_config(std::move(config)), m_db(std::move(db)),
      m_lockFd(lockFd)
{}

Result<SecureBytes> Store::deriveKey(QByteArrayView label) const
{
    return crypto::hkdfSha256(m_master, label, 32);
}

Result<SecureBytes> Store::databaseKey() const
{
    auto keys = deriveKeys(m_dbUnderNext ? m_next : m_master);
    if (!keys)
        return keys.error();
    return std::move(keys.value().database);
}

QString Store::auditIndexPath() const
{
    return m_dataDir + QLatin1Char('/') + QLatin1String(kAuditIndexFile);
}

Result<SecureBytes> Store::deriveNextKey(QByteArrayView label) const
{
    if (m_next.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("no master-key rotation is in progress"));
    return crypto::hkdfSha256(m_next, label, 32);
}

Result<void> Store::beginRotation(keys::MasterKeyProvider& next)
{
    if (m_config.rotation)
        return makeError(ErrorCode::Conflict, QStringLiteral("a master-key rotation is already in progress; open the "
                                                             "store once to finish it"));
    // Only this process may have the store open while its key changes.
    if (::flock(m_lockFd, LOCK_EX | LOCK_NB) != 0)
        return makeError(
            ErrorCode::Conflict,
            QStringLiteral("another Gatehouse process has %1 open; stop it before rotating the key").arg(m_dataDir));
    auto shared = qScopeGuard([this] { ::flock(m_lockFd, LOCK_SH | LOCK_NB); });
    StoreConfig::Rotation rotation;
    // A name of its own for every rotation's key (keychain item), so nothing current is ever overwritten.
    auto key = next.create(m_config.storeId + QLatin1Char('/') + encoding::newId(u"rot"), rotation.next);
    if (!key)
        return key.error();
    if (rotation.next.kind == keys::KeyCustody::Kind::KeyFile && rotation.next.keyFile == m_config.custody.keyFile) {
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the new key file must be a new path, not the current key file"));
    }
    auto derived = deriveKeys(key.value());
    if (!derived) {
        next.discard(rotation.next);
        return derived.error();
    }
    if (CRYPTO_memcmp(derived.value().keyCheck.constData(), m_config.keyCheck.constData(), 16) == 0) {
        next.discard(rotation.next);
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the new master key is the current one"));
    }
    rotation.nextKeyCheck = derived.value().keyCheck;
    StoreConfig updated = m_config;
    updated.rotation = rotation;
    if (auto r = files::writeAtomically(configPath(m_dataDir), updated.toJson()); !r) {
        next.discard(rotation.next);
        return r.error();
    }
    m_config = updated;
    m_next = std::move(key).value();
    shared.dismiss(); // keep the exclusive lock until the rotation is finished
    crashPoint("rotate-after-begin");
    return {};
}

Result<void> Store::finishRotation(keys::MasterKeyProvider& oldProvider)
{
    if (!m_config.rotation)
        return {};
    if (m_next.isEmpty())
        return makeError(ErrorCode::KeychainError,
                         QStringLiteral("the next master key of the unfinished rotation cannot be loaded (%1); restore "
                                        "it, then open the store again")
                             .arg(m_config.rotation->next.describe()));
    if (!m_dbUnderNext) {
        auto dbKey = crypto::hkdfSha256(m_next, "gatehouse/db", 32);
        if (!dbKey)
            return dbKey.error();
        if (auto r = m_db->rekey(dbKey.value()); !r)
            return r;
        m_dbUnderNext = true;
        crashPoint("rotate-after-rekey");
    }
    const keys::KeyCustody old = m_config.custody;
    StoreConfig updated = m_config;
    updated.custody = m_config.rotation->next;
    updated.keyCheck = m_config.rotation->nextKeyCheck;
    updated.rotation.reset();
    if (auto r = files::writeAtomically(configPath(m_dataDir), updated.toJson()); !r)
        return r;
    m_config = updated;
    crashPoint("rotate-after-switch");
    // The old key is useless now; the keychain item goes (a key file the operator made stays theirs to destroy).
    oldProvider.discard(old);
    m_master = std::move(m_next);
    m_next = SecureBytes();
    m_dbUnderNext = false;
    ::flock(m_lockFd, LOCK_SH | LOCK_NB);
    qCInfo(lcStore) << "master key rotated for store" << m_config.storeId;
    return {};
}

Result<void> Store::snapshotTo(const QString& path, const std::function<Result<void>(Database&)>& readBack,
                               const std::function<void(int, int)>& progress)
{
    if (m_config.rotation)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("a master-key rotation of this store is unfinished; open the store once to "
                                        "finish it (any gatehoused command but status), then back it up"));
    auto keys = deriveKeys(m_master);
    if (!keys)
        return keys.error();
    auto copy = Database::open(path, keys.value().database, Database::OpenMode::CreateNew);
    if (!copy)
        return copy.error();
    // From here on the file is ours: anything that fails removes it.
    auto removeCopy = qScopeGuard([&] { removeDatabaseFiles(path); });
    // Written straight into its file rather than through a second WAL, so the copy needs its size once.
    if (auto r = copy.value()->pragma("PRAGMA journal_mode = DELETE;"); !r)
        return r.error();
    if (auto r = m_db->copyTo(*copy.value(), progress); !r)
        return r;
    copy.value().reset();

    auto again = Database::open(path, keys.value().database, Database::OpenMode::OpenExisting);
    if (!again)
        return again.error();
    auto check = again.value()->pragma("PRAGMA integrity_check;");
    if (!check)
        return check.error();
    if (check.value() != QLatin1String("ok"))
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the copy of the store fails its integrity check (%1); the store itself may "
                                        "be damaged: run `gatehoused status --data-dir %2`")
                             .arg(check.value(), m_dataDir));
    {
        auto meta = again.value()->prepare("SELECT value FROM store_meta WHERE key = 'store_id';");
        if (!meta)
            return meta.error();
        auto row = meta.value().step();
        if (!row)
            return row.error();
        if (!row.value() || meta.value().text(0) != m_config.storeId)
            return makeError(ErrorCode::Internal, QStringLiteral("the copy of the store does not name this store"));
    }
    if (readBack) {
        if (auto r = readBack(*again.value()); !r)
            return r;
    }
    again.value().reset();
    // Closing the last connection folds its WAL back into the file; a copy is one file or it is not done.
    if (files::exists(path + QLatin1String("-wal")))
        return makeError(ErrorCode::Io, QStringLiteral("the copy of the store at %1 could not be closed cleanly "
                                                       "(its write-ahead log is still there)")
                                            .arg(path));
    removeCopy.dismiss();
    return {};
}

Result<void> Store::setBulkLoading(bool on)
{
    if (auto r = m_db->pragma(on ? "PRAGMA synchronous = NORMAL;" : "PRAGMA synchronous = FULL;"); !r)
        return r.error();
    auto now = m_db->pragma("PRAGMA synchronous;");
    if (!now)
        return now.error();
    if (now.value().toInt() != (on ? 1 : CipherSettings::kSynchronousFull))
        return makeError(ErrorCode::Internal, QStringLiteral("SQLCipher did not take the synchronous setting"));
    if (on)
        return {};
    // Copies the WAL into the database and fsyncs both: what was loaded is now as durable as any commit.
    auto checkpoint = m_db->pragma("PRAGMA wal_checkpoint(TRUNCATE);");
    if (!checkpoint)
        return checkpoint.error();
    if (checkpoint.value() != QLatin1String("0"))
        return makeError(ErrorCode::Io, QStringLiteral("the store is busy; its last changes are not yet copied "
                                                       "from the write-ahead log (they are committed)"));
    return {};
}

Store::~Store()
{
    m_db.reset();
    if (m_lockFd >= 0)
        ::close(m_lockFd);
}

QString Store::configPath(const QString& dataDir)
{
    return dataDir + QLatin1Char('/') + QLatin1String(kConfigFile);
}

QString Store::databasePath(const QString& dataDir)
{
    return dataDir + QLatin1Char('/') + QLatin1String(kDatabaseFile);
}

Result<std::unique_ptr<Store>> Store::init(const QString& dataDirArg, keys::MasterKeyProvider& provider)
{
    if (dataDirArg.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data directory given: use --data-dir DIR"));
    const QString dataDir = QFileInfo(dataDirArg).absoluteFilePath();
    const bool createdDir = !files::exists(dataDir);
    if (auto r = files::ensurePrivateDirectory(dataDir); !r)
        return r.error();
    const QString configFile = configPath(dataDir);
    const QString dbFile = databasePath(dataDir);
    const QString lockFile = dataDir + QLatin1Char('/') + QLatin1String(kLockFile);
    const bool createdLock = !files::exists(lockFile);
    auto lock = lockDirectory(dataDir, true);
    if (!lock) {
        if (createdDir)
            ::rmdir(QFile::encodeName(dataDir).constData());
        return lock.error();
    }
    const int lockFd = lock.value();
    // A failed init leaves the directory as it found it: what it created (lock file, directory) goes again.
    auto unlock = qScopeGuard([&] {
        ::close(lockFd);
        if (createdLock)
            ::unlink(QFile::encodeName(lockFile).constData());
        if (createdDir)
            ::rmdir(QFile::encodeName(dataDir).constData());
    });
    // Checked under the exclusive lock, so two concurrent inits cannot both pass it.
    if (files::exists(configFile) || files::exists(dbFile))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("%1 already holds a Gatehouse store; nothing was changed (inspect it with "
                                        "`gatehoused status --data-dir %1`)")
                             .arg(dataDir));

    StoreConfig config;
    config.storeId = QUuid::createUuid().toString(QUuid::WithoutBraces);
    config.createdAt = QDateTime::currentDateTimeUtc();
    auto master = provider.create(config.storeId, config.custody);
    if (!master)
        return master.error();
    auto keysResult = deriveKeys(master.value());
    if (!keysResult) {
        provider.discard(config.custody);
        return keysResult.error();
    }
    config.keyCheck = keysResult.value().keyCheck;

    const QString tempDb = dbFile + QLatin1String(".new");
    bool configWritten = false;
    auto rollback = [&](const Error& e) -> Error {
        removeDatabaseFiles(tempDb);
        removeDatabaseFiles(dbFile);
        if (configWritten)
            ::unlink(QFile::encodeName(configFile).constData());
        provider.discard(config.custody);
        (void)files::syncDirectory(dataDir);
        qCWarning(lcStore) << "store creation failed and was rolled back:" << e.message;
        return e;
    };

    // Leftovers of an interrupted init are ours to remove: no store.json means no store was ever completed.
    removeDatabaseFiles(tempDb);
    {
        auto db = Database::open(tempDb, keysResult.value().database, Database::OpenMode::CreateNew);
        if (!db)
            return rollback(db.error());
        if (auto v = Migrations::schema().migrate(*db.value()); !v)
            return rollback(v.error());
        auto tx = Transaction::begin(*db.value());
        if (!tx)
            return rollback(tx.error());
        auto insert = db.value()->prepare("INSERT INTO store_meta (key, value) VALUES (?, ?);");
        if (!insert)
            return rollback(insert.error());
        for (const auto& [k, v] : {std::pair{QStringLiteral("store_id"), config.storeId},
                                   std::pair{QStringLiteral("created_at"), config.createdAt.toString(Qt::ISODate)}}) {
            insert.value().reset();
            if (auto r = insert.value().bind(1, k).bind(2, v).run(); !r)
                return rollback(r.error());
        }
        if (auto r = tx.value().commit(); !r)
            return rollback(r.error());
        // Closing checkpoints the WAL into the file and removes it, so the rename below moves everything.
    }
    if (auto r = files::writeAtomically(configFile, config.toJson()); !r)
        return rollback(r.error());
    configWritten = true;
    if (::rename(QFile::encodeName(tempDb).constData(), QFile::encodeName(dbFile).constData()) != 0)
        return rollback(files::errnoError(errno, QStringLiteral("move the new store into place at"), dbFile));
    if (auto r = files::syncDirectory(dataDir); !r)
        return rollback(r.error());
    unlock.dismiss();
    ::close(lockFd);
    qCInfo(lcStore) << "created store" << config.storeId << "in" << dataDir;

    // Reopen through the normal path so that a new store is checked exactly like an existing one.
    auto db = Database::open(dbFile, keysResult.value().database, Database::OpenMode::OpenExisting);
    if (!db)
        return db.error();
    auto shared = lockDirectory(dataDir, false);
    if (!shared)
        return shared.error();
    return std::unique_ptr<Store>(
        new Store(dataDir, std::move(config), std::move(db).value(), shared.value(), std::move(master).value()));
}

Result<std::unique_ptr<Store>> Store::open(const QString& dataDirArg, const keys::ProviderOptions& options,
                                           Intent intent)
{
    if (dataDirArg.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data directory given: use --data-dir DIR"));
    const QString dataDir = QFileInfo(dataDirArg).absoluteFilePath();
    if (!QFileInfo(dataDir).isDir())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("%1 does not exist or is not a directory; create a store there with "
                                        "`gatehoused init --data-dir %1`")
                             .arg(dataDir));
    const QString configFile = configPath(dataDir);
    if (!files::exists(configFile))
        return makeError(ErrorCode::NotAStore,
                         QStringLiteral("%1 is not a Gatehouse data directory (it has no %2); create a store with "
                                        "`gatehoused init --data-dir %1`")
                             .arg(dataDir, QLatin1String(kConfigFile)));
    auto raw = files::readAll(configFile, 64 * 1024);
    if (!raw)
        return raw.error();
    auto config = StoreConfig::fromJson(raw.value(), configFile);
    if (!config)
        return config.error();
    if (options.kind && *options.kind != config.value().custody.kind)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("this store's master key is held by the %1 provider, not %2; drop "
                                        "--key-provider or name %1")
                             .arg(keys::KeyCustody::kindName(config.value().custody.kind),
                                  keys::KeyCustody::kindName(*options.kind)));

    const QString dbFile = databasePath(dataDir);
    if (auto r = inspectDatabaseFile(dataDir, dbFile); !r)
        return r.error();
    auto lock = lockDirectory(dataDir, false);
    if (!lock)
        return lock.error();
    const int lockFd = lock.value();
    auto unlock = qScopeGuard([lockFd] { ::close(lockFd); });

    keys::ProviderOptions chosen = options;
    chosen.kind = config.value().custody.kind;
    auto provider = keys::MasterKeyProvider::make(chosen);
    auto master = provider->load(config.value().custody);
    if (!master)
        return master.error();
    auto derived = deriveKeys(master.value());
    if (!derived)
        return derived.error();
    const QByteArray& expected = config.value().keyCheck;
    if (CRYPTO_memcmp(expected.constData(), derived.value().keyCheck.constData(), 16) != 0)
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("cannot unlock the store: wrong key, or not a Gatehouse database"));

    // An unfinished rotation: the next key may already be the one the database is under.
    SecureBytes nextMaster;
    std::unique_ptr<Database> underNext;
    if (config.value().rotation) {
        keys::ProviderOptions nextOptions;
        nextOptions.kind = config.value().rotation->next.kind;
        nextOptions.passphrase = options.nextPassphrase;
        auto nextProvider = keys::MasterKeyProvider::make(nextOptions);
        auto loaded = nextProvider->load(config.value().rotation->next);
        if (loaded) {
            auto nextDerived = deriveKeys(loaded.value());
            if (nextDerived && CRYPTO_memcmp(nextDerived.value().keyCheck.constData(),
                                             config.value().rotation->nextKeyCheck.constData(), 16) == 0) {
                auto tryNext = Database::open(dbFile, nextDerived.value().database, Database::OpenMode::OpenExisting);
                if (tryNext)
                    underNext = std::move(tryNext).value();
                nextMaster = std::move(loaded).value();
            }
        }
    }
    const bool openedWithNext = underNext != nullptr;
    auto db = openedWithNext ? Result<std::unique_ptr<Database>>(std::move(underNext))
                             : Database::open(dbFile, derived.value().database, Database::OpenMode::OpenExisting);
    if (!db && db.error().code == ErrorCode::WrongKey && config.value().rotation && nextMaster.isEmpty())
        return makeError(ErrorCode::KeychainError,
                         QStringLiteral("a master-key rotation was interrupted after the store was re-keyed: the new "
                                        "key (%1) is needed to open it; make it available (for a passphrase: "
                                        "--new-passphrase-file or GATEHOUSE_NEW_PASSPHRASE) and try again")
                             .arg(config.value().rotation->next.describe()));
    if (!db) {
        // The key is verified above, so a page that fails to decrypt means damage, not a wrong key.
        if (db.error().code == ErrorCode::WrongKey)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("the store file %1 is corrupt or was tampered with (its first page fails "
                                            "authentication with the right key); restore it from a backup")
                                 .arg(dbFile));
        return db.error();
    }
    const Migrations& migrations = Migrations::schema();
    auto version = intent == Intent::Use ? migrations.migrate(*db.value()) : migrations.checkNotNewer(*db.value());
    if (!version)
        return version.error();
    if (version.value() >= 1) {
        auto stmt = db.value()->prepare("SELECT value FROM store_meta WHERE key = 'store_id';");
        if (!stmt)
            return stmt.error();
        auto row = stmt.value().step();
        if (!row)
            return row.error();
        if (!row.value() || stmt.value().text(0) != config.value().storeId)
            return makeError(ErrorCode::NotAStore,
                             QStringLiteral("%1 belongs to another store than %2 describes; the data directory was "
                                            "mixed up. Nothing was changed")
                                 .arg(dbFile, configFile));
    }
    unlock.dismiss();
    std::unique_ptr<Store> store(
        new Store(dataDir, std::move(config).value(), std::move(db).value(), lockFd, std::move(master).value()));
    store->m_next = std::move(nextMaster);
    store->m_dbUnderNext = openedWithNext;
    if (store->m_config.rotation && ::flock(lockFd, LOCK_EX | LOCK_NB) != 0)
        qCWarning(lcStore) << "an unfinished key rotation waits for other processes to close the store";
    return store;
}

Result<StoreStatus> Store::status()
{
    StoreStatus s;
    s.dataDir = m_dataDir;
    s.databasePath = databasePath(m_dataDir);
    s.storeId = m_config.storeId;
    s.createdAt = m_config.createdAt;
    s.settings = m_db->settings();
    s.keyCustody = m_config.custody.describe();
    s.latestSchemaVersion = Migrations::schema().latestVersion();
    auto version = Migrations::currentVersion(*m_db);
    if (!version)
        return version.error();
    s.schemaVersion = version.value();
    auto check = m_db->pragma("PRAGMA quick_check;");
    if (!check) {
        if (check.error().code == ErrorCode::WrongKey || check.error().code == ErrorCode::Corrupt)
            return makeError(ErrorCode::Corrupt,
                             QStringLiteral("the store file %1 is corrupt or was tampered with (a page fails "
                                            "authentication); restore it from a backup")
                                 .arg(s.databasePath));
        return check.error();
    }
    if (check.value() != QLatin1String("ok"))
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the store file %1 is corrupt or was tampered with (integrity check: %2); "
                                        "restore it from a backup")
                             .arg(s.databasePath, check.value()));
    s.integrity = check.value();
    if (m_config.rotation)
        s.keyRotation = m_next.isEmpty()
                            ? QStringLiteral("unfinished; the next key (%1) cannot be loaded")
                                  .arg(m_config.rotation->next.describe())
                            : QStringLiteral("unfinished; the database is under the %1 key; it completes the next time "
                                             "the store is opened for use")
                                  .arg(m_dbUnderNext ? QStringLiteral("new") : QStringLiteral("old"));
    s.databaseBytes = fileSize(s.databasePath);
    s.walBytes = fileSize(s.databasePath + QLatin1String("-wal"));
    return s;
}

} // namespace gatehouse::store
