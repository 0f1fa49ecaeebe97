#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QString>

struct sqlite3_stmt;

namespace gatehouse::store {

class Database;

// A prepared statement. Bound values are never logged nor copied into error messages.
class Statement
{
public:
    Statement(Database& db, sqlite3_stmt* stmt) : m_db(&db), m_stmt(stmt) {}
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&& other) noexcept;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    // Parameters are 1-based, as in SQLite.
    Statement& bind(int index, qint64 value);
    Statement& bind(int index, const QString& text);
    Statement& bindBlob(int index, QByteArrayView blob);
    // UTF-8 text that is already encoded (no QString round trip).
    Statement& bindText(int index, QByteArrayView utf8);
    Statement& bindNull(int index);

    // Advances to the next row: true when a row is available, false when done.
    Result<bool> step();
    // Runs a statement that returns no rows.
    Result<void> run();
    void reset();

    qint64 int64(int column) const;
    QString text(int column) const;
    QByteArray blob(int column) const;
    bool isNull(int column) const;

private:
    Database* m_db;
    sqlite3_stmt* m_stmt;
    // The first bind failure is kept and reported by step(), so call chains stay simple.
    int m_bindError = 0;
};

} // namespace gatehouse::store
