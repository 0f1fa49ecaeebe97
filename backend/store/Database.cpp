#include "Database.h"

#include "Statement.h"
#include "core/Files.h"
#include "core/Logging.h"

#define SQLITE_HAS_CODEC 1
#include <sqlite3.h>

#include <QFile>
#include <QScopeGuard>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::store {

namespace {

QString sqliteMessage(sqlite3* db)
{
    return QString::fromUtf8(sqlite3_errmsg(db));
}

} // namespace

Database::Database(sqlite3* db, QString path) : m_db(db), m_path(std::move(path))
{
    if (!m_db)
        return;
    m_unreportedRows = sqlite3_total_changes(m_db);
    sqlite3_commit_hook(m_db, &Database::onCommit, this);
    sqlite3_rollback_hook(m_db, &Database::onRollback, this);
    sqlite3_update_hook(m_db, &Database::onRowChange, this);
}

Database::~Database()
{
    m_dataVersion.reset();
    if (m_syncFd >= 0)
        ::close(m_syncFd);
    if (m_db) {
        sqlite3_commit_hook(m_db, nullptr, nullptr);
        sqlite3_rollback_hook(m_db, nullptr, nullptr);
        sqlite3_update_hook(m_db, nullptr, nullptr);
        sqlite3_close_v2(m_db);
    }
}

int Database::onCommit(void* self)
{
    static_cast<Database*>(self)->endOfTransaction(true);
    return 0; // never turns the commit into a rollback
}

void Database::onRollback(void* self)
{
    static_cast<Database*>(self)->endOfTransaction(false);
}

void Database::onRowChange(void* self, int, const char*, const char* table, long long)
{
    auto* db = static_cast<Database*>(self);
    ++db->m_rowsSeen;
    ++db->m_rowsReported;
    if (db->m_quietWrites == 0 && std::strncmp(table, "audit_", 6) != 0)
        db->m_otherRows = true;
}

void Database::endOfTransaction(bool committed)
{
    // A commit with no reported rows (a schema change, a re-key, a DELETE without WHERE, which SQLite does not
    // report row by row) moves the generation too.
    if (committed && (m_otherRows || m_rowsSeen == 0))
        m_changeGeneration.fetch_add(1);
    m_rowsSeen = 0;
    m_otherRows = false;
}

Result<quint64> Database::changeGeneration()
{
    if (!m_dataVersion) {
        auto s = prepare("PRAGMA data_version;");
        if (!s)
            return s.error();
        m_dataVersion = std::make_unique<Statement>(std::move(s).value());
    }
    m_dataVersion->reset();
    auto row = m_dataVersion->step();
    if (!row || !row.value()) {
        m_dataVersion->reset();
        return row ? lastError(QStringLiteral("cannot read the data version")) : row.error();
    }
    const qint64 version = m_dataVersion->int64(0);
    m_dataVersion->reset();
    // Every row a statement changed is counted by SQLite and should have been reported to the hook; one that was
    // not (a DELETE without WHERE beside a reported row, in one transaction) shows as a difference. Checked here,
    // between statements: in autocommit mode the count is only updated after the commit hook ran.
    const qint64 unreported = qint64(sqlite3_total_changes(m_db)) - m_rowsReported;
    if (unreported != m_unreportedRows) {
        m_unreportedRows = unreported;
        m_changeGeneration.fetch_add(1);
    }
    if (version != m_lastDataVersion) {
        // Another connection committed (or this is the first look): whatever was cached may be stale.
        m_lastDataVersion = version;
        m_changeGeneration.fetch_add(1);
    }
    return m_changeGeneration.load();
}

Result<std::unique_ptr<Database>> Database::open(const QString& path, const SecureBytes& rawKey, OpenMode mode)
{
    if (rawKey.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the database key must be 256 bits"));
    const bool exists = files::exists(path);
    if (mode == OpenMode::CreateNew && exists)
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("%1 already exists; refusing to create a store over it").arg(path));
    if (mode == OpenMode::OpenExisting && !exists)
        return makeError(ErrorCode::NotFound, QStringLiteral("the store file %1 is missing").arg(path));

    if (mode == OpenMode::CreateNew) {
        // Created here, exclusively and private to the owner whatever the umask; SQLite then takes the empty
        // file as a new database, and its -wal and -shm files inherit this mode.
        const int fd =
            ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
        if (fd < 0)
            return files::errnoError(errno, QStringLiteral("create the store file"), path);
        ::close(fd);
    }
    // Memory statistics take one process-wide mutex on every allocation SQLite makes: with the log's writer and the
    // audit indexer on two cores, that lock alone serialised them. Nothing reads the statistics. Must precede
    // SQLite's initialisation (the first open); later calls are refused and change nothing.
    static const bool unshared = [] {
        return sqlite3_config(SQLITE_CONFIG_MEMSTATUS, 0) == SQLITE_OK;
    }();
    Q_UNUSED(unshared);
    const int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_FULLMUTEX;
    sqlite3* raw = nullptr;
    const int rc = sqlite3_open_v2(QFile::encodeName(path).constData(), &raw, flags, nullptr);
    std::unique_ptr<Database> db(new Database(raw, path));
    if (rc != SQLITE_OK) {
        if (!raw)
            return makeError(ErrorCode::Internal, QStringLiteral("cannot open %1: out of memory").arg(path));
        return db->lastError(QStringLiteral("cannot open %1").arg(path));
    }
    sqlite3_extended_result_codes(raw, 1);
    if (sqlite3_db_readonly(raw, "main") == 1)
        return makeError(ErrorCode::ReadOnly,
                         QStringLiteral("the store %1 can only be opened read-only (file or file system is "
                                        "write-protected); make it writable and try again")
                             .arg(path));
    if (auto configured = db->configure(rawKey); !configured)
        return configured.error();
    return db;
}

SecureBytes Database::keySpec(const SecureBytes& rawKey)
{
    // Raw key syntax: x'<64 hex digits>' bypasses SQLCipher's own PBKDF2; our key is already derived.
    const SecureBytes hex = rawKey.toHex();
    SecureBytes spec(hex.size() + 3);
    spec.data()[0] = 'x';
    spec.data()[1] = '\'';
    std::copy(hex.data(), hex.data() + hex.size(), spec.data() + 2);
    spec.data()[spec.size() - 1] = '\'';
    return spec;
}

Result<void> Database::attach(const QString& path, const char* alias, const SecureBytes& rawKey)
{
    if (rawKey.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the database key must be 256 bits"));
    if (!files::exists(path))
        return makeError(ErrorCode::NotFound, QStringLiteral("%1 is missing").arg(path));
    // ATTACH reads the file's schema at once, before a per-database PRAGMA could set its page size: the default
    // for new codecs must be ours already (every Gatehouse file uses the same page size).
    const QByteArray defaultPageSize =
        QByteArray("PRAGMA cipher_default_page_size = ") + QByteArray::number(CipherSettings::kPageSize) + ";";
    if (auto r = exec(defaultPageSize.constData()); !r)
        return r;
    const SecureBytes spec = keySpec(rawKey);
    const QByteArray sql = QByteArray("ATTACH DATABASE ? AS ") + alias + " KEY ?;";
    auto s = prepare(sql.constData());
    if (!s)
        return s.error();
    s.value().bind(1, path);
    s.value().bindBlob(2, spec.view());
    if (auto r = s.value().run(); !r)
        return r;
    // The first read decrypts its first page: a wrong key or a foreign file shows here.
    const QByteArray probe = QByteArray("SELECT count(*) FROM ") + alias + ".sqlite_master;";
    if (auto r = exec(probe.constData()); !r) {
        const QByteArray detach = QByteArray("DETACH DATABASE ") + alias + ";";
        (void)exec(detach.constData());
        return r;
    }
    return {};
}

Result<void> Database::rekey(const SecureBytes& newRawKey)
{
    if (newRawKey.size() != 32)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the database key must be 256 bits"));
    if (auto r = pragma("PRAGMA journal_mode = DELETE;"); !r)
        return r.error();
    const SecureBytes spec = keySpec(newRawKey);
    const int rc = sqlite3_rekey(m_db, spec.data(), static_cast<int>(spec.size()));
    auto restored = pragma("PRAGMA journal_mode = WAL;");
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("cannot re-key the store"));
    if (!restored)
        return restored.error();
    // Prove the new key reads the file.
    if (auto r = exec("SELECT count(*) FROM sqlite_master;"); !r)
        return r;
    return {};
}

Result<void> Database::copyTo(Database& target, const std::function<void(int, int)>& progress)
{
    // A read transaction of our own, held across every step: without it each step would take a new snapshot,
    // and a write by another process between steps would restart the copy from the first page.
    if (auto r = exec("BEGIN DEFERRED;"); !r)
        return r;
    auto endRead = qScopeGuard([this] { (void)exec("ROLLBACK;"); });
    if (auto r = exec("SELECT count(*) FROM sqlite_master;"); !r)
        return r;
    sqlite3_backup* backup = sqlite3_backup_init(target.m_db, "main", m_db, "main");
    if (!backup)
        return target.lastError(QStringLiteral("cannot start copying the store to %1").arg(target.m_path));
    int rc = SQLITE_OK;
    // Steps of 1024 pages (4 MiB) between progress reports.
    while ((rc = sqlite3_backup_step(backup, 1024)) == SQLITE_OK) {
        if (progress)
            progress(sqlite3_backup_pagecount(backup) - sqlite3_backup_remaining(backup),
                     sqlite3_backup_pagecount(backup));
    }
    const int total = sqlite3_backup_pagecount(backup);
    sqlite3_backup_finish(backup);
    if (rc != SQLITE_DONE)
        return target.lastError(QStringLiteral("cannot copy the store to %1").arg(target.m_path));
    if (progress)
        progress(total, total);
    return {};
}

Result<CipherSettings> Database::readSettings()
{
    CipherSettings s;
    auto read = [this](const char* sql, QString& out) -> Result<void> {
        auto r = pragma(sql);
        if (!r)
            return r.error();
        out = r.value();
        return {};
    };
    auto readInt = [&read](const char* sql, int& out) -> Result<void> {
        QString text;
        if (auto r = read(sql, text); !r)
            return r;
        out = text.toInt();
        return {};
    };
    QString hmac, foreignKeys, secureDelete;
    const Result<void> reads[] = {
        read("PRAGMA cipher_version;", s.sqlcipherVersion),
        read("PRAGMA cipher;", s.cipher),
        read("PRAGMA cipher_provider;", s.cryptoProvider),
        readInt("PRAGMA cipher_page_size;", s.pageSize),
        read("PRAGMA cipher_use_hmac;", hmac),
        read("PRAGMA journal_mode;", s.journalMode),
        readInt("PRAGMA synchronous;", s.synchronous),
        read("PRAGMA foreign_keys;", foreignKeys),
        read("PRAGMA secure_delete;", secureDelete),
        readInt("PRAGMA busy_timeout;", s.busyTimeoutMs),
        readInt("PRAGMA temp_store;", s.tempStore),
    };
    for (const auto& r : reads) {
        if (!r)
            return r.error();
    }
    s.hmac = hmac == QLatin1String("1");
    s.foreignKeys = foreignKeys == QLatin1String("1");
    s.secureDelete = secureDelete == QLatin1String("1");
    s.journalMode = s.journalMode.toLower();
    return s;
}

Result<void> Database::configure(const SecureBytes& rawKey)
{
    const SecureBytes spec = keySpec(rawKey);
    if (sqlite3_key(m_db, spec.data(), static_cast<int>(spec.size())) != SQLITE_OK)
        return lastError(QStringLiteral("cannot set the store key"));

    // Must precede the first read of the file.
    if (auto r = exec("PRAGMA cipher_page_size = 4096;"); !r)
        return r;

    // The first real read decrypts page 1: this is where a wrong key or a foreign file shows up.
    if (auto r = exec("SELECT count(*) FROM sqlite_master;"); !r)
        return r;

    static const char* const setup[] = {
        "PRAGMA journal_mode = WAL;", "PRAGMA synchronous = FULL;",  "PRAGMA foreign_keys = ON;",
        "PRAGMA secure_delete = ON;", "PRAGMA busy_timeout = 5000;", "PRAGMA temp_store = MEMORY;",
    };
    for (const char* sql : setup) {
        if (auto r = pragma(sql); !r)
            return r.error();
    }

    auto s = readSettings();
    if (!s)
        return s.error();
    m_settings = s.value();

    if (const QStringList wrong = m_settings.deviations(); !wrong.isEmpty())
        return makeError(ErrorCode::Internal,
                         QStringLiteral("SQLCipher did not accept the required settings (%1); this SQLCipher build "
                                        "is not supported")
                             .arg(wrong.join(QStringLiteral("; "))));
    qCDebug(lcStore) << "opened store" << m_path << "SQLCipher" << m_settings.sqlcipherVersion;
    return {};
}

Result<void> Database::exec(const char* sql)
{
    char* message = nullptr;
    const int rc = sqlite3_exec(m_db, sql, nullptr, nullptr, &message);
    sqlite3_free(message);
    if (rc != SQLITE_OK)
        return lastError(QStringLiteral("store operation failed"));
    return {};
}

Result<Statement> Database::prepare(const char* sql)
{
    sqlite3_stmt* stmt = nullptr;
    if (sqlite3_prepare_v2(m_db, sql, -1, &stmt, nullptr) != SQLITE_OK)
        return lastError(QStringLiteral("cannot prepare a store statement"));
    return Statement(*this, stmt);
}

Result<QString> Database::pragma(const char* sql)
{
    auto stmt = prepare(sql);
    if (!stmt)
        return stmt.error();
    auto row = stmt.value().step();
    if (!row)
        return row.error();
    return row.value() ? stmt.value().text(0) : QString();
}

int Database::changes() const
{
    return sqlite3_changes(m_db);
}

Error Database::lastError(const QString& context) const
{
    const int code = sqlite3_extended_errcode(m_db);
    const int systemErrno = sqlite3_system_errno(m_db);
    const QString detail = sqliteMessage(m_db);
    switch (code & 0xff) {
    case SQLITE_NOTADB:
        return makeError(ErrorCode::WrongKey,
                         QStringLiteral("cannot unlock the store: wrong key, or not a Gatehouse database"));
    case SQLITE_CORRUPT:
        return makeError(
            ErrorCode::Corrupt,
            QStringLiteral("%1: the store file is corrupt (%2); restore it from a backup").arg(context, detail));
    case SQLITE_FULL:
        return makeError(ErrorCode::DiskFull,
                         QStringLiteral("%1: the disk is full; free some space and try again, the change was not "
                                        "applied")
                             .arg(context));
    case SQLITE_READONLY:
        return makeError(ErrorCode::ReadOnly,
                         QStringLiteral("%1: the store is read-only; make the data directory writable").arg(context));
    case SQLITE_PERM:
    case SQLITE_AUTH:
        return makeError(ErrorCode::PermissionDenied, QStringLiteral("%1: permission denied").arg(context));
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
        return makeError(ErrorCode::Io, QStringLiteral("%1: the store is busy (another process holds its write lock); "
                                                       "try again")
                                            .arg(context));
    case SQLITE_IOERR:
    case SQLITE_CANTOPEN:
        if (systemErrno != 0)
            return files::errnoError(systemErrno, QStringLiteral("access the store file"), m_path);
        return makeError(ErrorCode::Io, QStringLiteral("%1: %2").arg(context, detail));
    case SQLITE_CONSTRAINT:
        if (code == SQLITE_CONSTRAINT_UNIQUE || code == SQLITE_CONSTRAINT_PRIMARYKEY)
            return makeError(ErrorCode::AlreadyExists, QStringLiteral("%1: %2").arg(context, detail));
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1: %2").arg(context, detail));
    default:
        return makeError(ErrorCode::Internal, QStringLiteral("%1: %2").arg(context, detail));
    }
}

} // namespace gatehouse::store

namespace gatehouse::store {

void Database::setBeforeSyncHook(std::function<void()> hook)
{
    std::lock_guard lock(m_syncMutex);
    m_beforeSync = std::move(hook);
}

Result<void> Database::syncToDisk()
{
    std::function<void()> hook;
    {
        std::lock_guard lock(m_syncMutex);
        hook = m_beforeSync;
    }
    if (hook)
        hook();
    std::lock_guard lock(m_syncMutex);
    const auto failed = [this](const char* what) {
        const int code = errno;
        return makeError(ErrorCode::Io,
                         QStringLiteral("could not %1 %2 to the disk: %3")
                             .arg(QLatin1String(what), m_path, QString::fromLocal8Bit(std::strerror(code))));
    };
    // In WAL mode what a commit wrote is in the log; a checkpoint syncs it before it copies it into the database
    // file, so flushing the log is enough. Outside WAL mode, the database file itself.
    QByteArray target = QFile::encodeName(m_path + QStringLiteral("-wal"));
    struct stat st
    {};
    if (::stat(target.constData(), &st) != 0) {
        target = QFile::encodeName(m_path);
        if (::stat(target.constData(), &st) != 0)
            return failed("find");
    }
    if (m_syncFd < 0 || quint64(st.st_dev) != m_syncDevice || quint64(st.st_ino) != m_syncInode) {
        if (m_syncFd >= 0)
            ::close(m_syncFd);
        m_syncFd = ::open(target.constData(), O_RDONLY | O_CLOEXEC);
        if (m_syncFd < 0 || ::fstat(m_syncFd, &st) != 0)
            return failed("open");
        m_syncDevice = quint64(st.st_dev);
        m_syncInode = quint64(st.st_ino);
    }
    if (::fdatasync(m_syncFd) != 0)
        return failed("sync");
    return {};
}

} // namespace gatehouse::store
