#pragma once

#include "CipherSettings.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

#include <functional>
#include <memory>

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

    // Rows changed by the last INSERT, UPDATE or DELETE on this connection.
    int changes() const;
    const QString& path() const { return m_path; }
    sqlite3* handle() const { return m_db; }

    // The connection's last error as a typed error; `context` says what was being done.
    Error lastError(const QString& context) const;

private:
    Database(sqlite3* db, QString path);
    Result<void> configure(const SecureBytes& rawKey);
    static SecureBytes keySpec(const SecureBytes& rawKey);

    sqlite3* m_db = nullptr;
    QString m_path;
    CipherSettings m_settings;
};

} // namespace gatehouse::store
