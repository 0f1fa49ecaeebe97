#pragma once

#include "CipherSettings.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

#include <atomic>
#include <functional>
#include <memory>
#include <mutex>

struct sqlite3;

namespace gatehouse::store {

class Statement;

// One SQLCipher connection. Opened only with a raw 256-bit key; every security-relevant setting is applied
// and then read back, because SQLCipher 3.4 silently ignores PRAGMAs it does not know. Never logs SQL bound
// values or key material.
class Database
{
public:
    enum class OpenMode {
        CreateNew,    // the file must not exist yet
        OpenExisting, // the file must exist; never creates one
    };

    static Result<std::unique_ptr<Database>> open(const QString& path, const SecureBytes& rawKey, OpenMode mode);
    ~Database();

    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    // Runs SQL that has no bound values (schema, PRAGMAs). Statements with values go through prepare().
    Result<void> exec(const char* sql);
    Result<Statement> prepare(const char* sql);
    // Runs a PRAGMA and returns the first column of its first row ("" when it returns nothing).
    Result<QString> pragma(const char* sql);

    const CipherSettings& settings() const { return m_settings; }
    // The settings as SQLCipher reports them now (settings() holds what was read when the store was opened).
    Result<CipherSettings> readSettings();
    // Re-encrypts every page under a new raw key, atomically (SQLCipher's rekey, done in rollback-journal mode
    // and WAL restored afterwards). A crash leaves the file wholly under the old key or wholly under the new one.
    Result<void> rekey(const SecureBytes& newRawKey);

    // Copies this database, page by page, into `target` (a new, empty database under the same key and cipher
    // settings: SQLCipher copies pages decrypted and the target encrypts them again). The copy runs inside one
    // read transaction, so it is the state of the moment it began while other connections and processes keep
    // writing (WAL); it never takes the write lock. `progress` gets pages copied and pages in all.
    Result<void> copyTo(Database& target, const std::function<void(int done, int total)>& progress = {});

    // Attaches another SQLCipher file of the same cipher settings under `alias` (read by the same statements; a
    // transaction that writes only to one of them locks only that one). The file must exist.
    Result<void> attach(const QString& path, const char* alias, const SecureBytes& rawKey);

    // Makes what this connection has committed so far survive a power cut, without using the connection: flushes
    // the write-ahead log (outside WAL mode, the database file) to the disk with fdatasync. For a committer that
    // commits with synchronous = NORMAL under its lock and syncs after releasing it, so that the next group is
    // written while this one reaches the disk. Thread-safe; may run while another thread uses the connection.
    Result<void> syncToDisk();
    // A fault injector for tests: runs at the start of every syncToDisk() (e.g. to hold the sync back).
    void setBeforeSyncHook(std::function<void()> hook);

    // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    int changes() const;
    const QString& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // The connection's last error as a typed error; `context` says what was being done.
    Error lastError(const QString& context) const;

    // A number that moves on whenever the stored rows may have changed, for caches of rows to know when to forget
    // them. It moves with every commit on this connection, except one whose every changed row is in a table of
    // the audit trail (audit_*) or was written under a QuietWrites; and with every commit by another connection
    // or process (PRAGMA data_version, read by this call). Deny by default: a change it cannot account for row by
    // row (a schema change, a DELETE without WHERE, a statement rolled back) moves it too. Call it inside the
    // transaction that then reads, so the number and the rows are of one snapshot.
    Result<quint64> changeGeneration();
    // While one is alive, the rows this connection changes do not move the change generation: for a writer that
    // has already brought its cache up to date (the recorded last use of sessions and tokens).
    class QuietWrites
    {
    public:
        explicit QuietWrites(Database& db) : m_db(db) { ++m_db.m_quietWrites; }
        ~QuietWrites() { --m_db.m_quietWrites; }
        QuietWrites(const QuietWrites&) = delete;
        QuietWrites& operator=(const QuietWrites&) = delete;

    private:
        Database& m_db;
    };

private:
    Database(sqlite3* db, QString path);
    // The hooks SQLite calls on this connection (under its mutex: the connection is opened FULLMUTEX).
    static int onCommit(void* self);
    static void onRollback(void* self);
    static void onRowChange(void* self, int op, const char* database, const char* table, long long rowid);
    void endOfTransaction(bool committed);
    Result<void> configure(const SecureBytes& rawKey);
    static SecureBytes keySpec(const SecureBytes& rawKey);

    sqlite3* m_db = nullptr;
    QString m_path;
    CipherSettings m_settings;
    // The change generation and what the open transaction changed so far (see changeGeneration()).
    std::atomic<quint64> m_changeGeneration{1};
    int m_quietWrites = 0;
    qint64 m_rowsSeen = 0;       // row changes the hook reported in this transaction
    bool m_otherRows = false;    // one of them was not in an audit table, nor quiet
    qint64 m_rowsReported = 0;   // row changes the hook reported, ever
    qint64 m_unreportedRows = 0; // rows SQLite counted as changed that the hook never saw, as last checked
    std::unique_ptr<Statement> m_dataVersion;
    qint64 m_lastDataVersion = -1;
    // syncToDisk()'s own descriptor of the file it flushes, reopened when that file is replaced (a re-key
    // recreates the write-ahead log).
    std::mutex m_syncMutex;
    int m_syncFd = -1;
    quint64 m_syncDevice = 0;
    quint64 m_syncInode = 0;
    std::function<void()> m_beforeSync;
};

} // namespace gatehouse::store
