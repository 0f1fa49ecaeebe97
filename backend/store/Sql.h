#pragma once

#include "Database.h"
#include "Statement.h"
#include "core/Result.h"

#include <QList>

#include <utility>

// Helpers for the common shapes of store access: one statement with its values bound in order (never spliced
// into the SQL), run it, read exactly one row, or read every row.
namespace gatehouse::store {

namespace sql {

inline void bindOne(Statement& s, int i, const QString& v)
{
    s.bind(i, v);
}
inline void bindOne(Statement& s, int i, qint64 v)
{
    s.bind(i, v);
}
inline void bindOne(Statement& s, int i, int v)
{
    s.bind(i, qint64(v));
}
inline void bindOne(Statement& s, int i, bool v)
{
    s.bind(i, qint64(v ? 1 : 0));
}
inline void bindOne(Statement& s, int i, const QByteArray& v)
{
    s.bindBlob(i, v);
}
inline void bindOne(Statement& s, int i, std::nullptr_t)
{
    s.bindNull(i);
}

// Prepares `sql` with its parameters bound in order. Parameters are bound, never spliced into the SQL.
template <typename... Args> Result<Statement> query(Database& db, const char* text, const Args&... args)
{
    auto s = db.prepare(text);
    if (!s)
        return s.error();
    int i = 1;
    (bindOne(s.value(), i++, args), ...);
    return s;
}

template <typename... Args> Result<void> run(Database& db, const char* text, const Args&... args)
{
    auto s = query(db, text, args...);
    if (!s)
        return s.error();
    return s.value().run();
}

// Runs an INSERT; when it would duplicate a unique key, a Conflict saying `conflict` instead.
template <typename... Args>
Result<void> insertUnique(Database& db, const QString& conflict, const char* text, const Args&... args)
{
    auto r = run(db, text, args...);
    if (!r && r.error().code == ErrorCode::AlreadyExists)
        return makeError(ErrorCode::Conflict, conflict);
    return r;
}

// The single row a query returns, converted by `read`; NotFound naming `what` when there is none.
template <typename Read, typename... Args>
auto one(Database& db, const QString& what, Read read, const char* text, const Args&... args)
    -> Result<decltype(read(std::declval<const Statement&>()))>
{
    auto s = query(db, text, args...);
    if (!s)
        return s.error();
    auto row = s.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return makeError(ErrorCode::NotFound, QStringLiteral("%1 not found").arg(what));
    return read(s.value());
}

// Every remaining row of a prepared statement, converted by `read`.
template <typename Read>
auto rows(Statement& s, Read read) -> Result<QList<decltype(read(std::declval<const Statement&>()))>>
{
    QList<decltype(read(std::declval<const Statement&>()))> out;
    for (;;) {
        auto row = s.step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out << read(s);
    }
}

// Every row a query returns, converted by `read`.
template <typename Read, typename... Args>
auto all(Database& db, Read read, const char* text, const Args&... args)
    -> Result<QList<decltype(read(std::declval<const Statement&>()))>>
{
    auto s = query(db, text, args...);
    if (!s)
        return s.error();
    return rows(s.value(), read);
}

// Number of rows changed by the last statement on this connection.
inline int changes(Database& db)
{
    return db.changes();
}

} // namespace sql

} // namespace gatehouse::store
