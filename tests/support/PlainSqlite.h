#pragma once

#include <QByteArray>
#include <QFile>
#include <QString>

#include <sqlite3.h>

namespace gatehouse::test {

// Writes a real, unencrypted SQLite database (SQLCipher without a key behaves as plain SQLite), the kind of
// file a user might point Gatehouse at by mistake.
inline bool createPlainSqlite(const QString& path)
{
    sqlite3* db = nullptr;
    if (sqlite3_open(QFile::encodeName(path).constData(), &db) != SQLITE_OK) {
        sqlite3_close(db);
        return false;
    }
    const int rc =
        sqlite3_exec(db, "CREATE TABLE notes (v TEXT); INSERT INTO notes VALUES ('hello');", nullptr, nullptr, nullptr);
    sqlite3_close(db);
    return rc == SQLITE_OK;
}

} // namespace gatehouse::test
