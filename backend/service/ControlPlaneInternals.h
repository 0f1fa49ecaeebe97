#pragma once

// Private to the control plane's implementation files.

#include "ControlPlane.h"
#include "store/Database.h"
#include "store/Statement.h"

#include <optional>

namespace gatehouse::service {

constexpr authz::Permission kNoPermission = authz::Permission::Count_;

struct ControlPlane::Operation
{
    Operation(QString action_, authz::Permission permission_, QString tenantId_ = {}, QString workspaceId_ = {},
              QString targetKind_ = {}, QString targetId_ = {})
        : action(std::move(action_)), permission(permission_), tenantId(std::move(tenantId_)),
          workspaceId(std::move(workspaceId_)), targetKind(std::move(targetKind_)), targetId(std::move(targetId_))
    {}

    QString action; // audit action, "workspace.create"
    authz::Permission permission = kNoPermission;
    QString tenantId;    // scope: empty = the platform
    QString workspaceId; // scope: empty = the whole tenant
    QString targetKind;
    QString targetId;
    bool selfService = false;              // acts on the caller itself: no permission needed
    QString selfIfIdentity;                // self-service when the caller is this identity
    bool mutates = false;                  // refused in a suspended workspace
    bool allowedWhileEnrollingMfa = false; // usable by a session that must enrol MFA first
    bool needsUserSession = false;         // only a signed-in user can do this
    bool systemOnly = false;               // only the local system (bootstrap)
    bool readOnly = false; // served even when its audit event cannot be written
};

struct ControlPlane::Context
{
    const Principal& principal;
    qint64 now;
    QJsonObject details;
    QString targetId; // set by bodies that create their target
    std::vector<std::function<void()>> onCommit;
};

struct ControlPlane::Authentication
{
    std::optional<Principal> principal;
    QString reason;   // why not, as an audit reason code
    QString tenantId; // the tenant of a found-but-invalid credential
    QString actorId;
    QString actorName;
};

namespace sql {

inline void bindOne(store::Statement& s, int i, const QString& v)
{
    s.bind(i, v);
}
inline void bindOne(store::Statement& s, int i, qint64 v)
{
    s.bind(i, v);
}
inline void bindOne(store::Statement& s, int i, int v)
{
    s.bind(i, qint64(v));
}
inline void bindOne(store::Statement& s, int i, bool v)
{
    s.bind(i, qint64(v ? 1 : 0));
}
inline void bindOne(store::Statement& s, int i, const QByteArray& v)
{
    s.bindBlob(i, v);
}
inline void bindOne(store::Statement& s, int i, std::nullptr_t)
{
    s.bindNull(i);
}

// Prepares `sql` with its parameters bound in order. Parameters are bound, never spliced into the SQL.
template <typename... Args> Result<store::Statement> query(store::Database& db, const char* text, const Args&... args)
{
    auto s = db.prepare(text);
    if (!s)
        return s.error();
    int i = 1;
    (bindOne(s.value(), i++, args), ...);
    return s;
}

template <typename... Args> Result<void> run(store::Database& db, const char* text, const Args&... args)
{
    auto s = query(db, text, args...);
    if (!s)
        return s.error();
    return s.value().run();
}

// The single row a query returns, converted by `read`; NotFound naming `what` when there is none.
template <typename Read, typename... Args>
auto one(store::Database& db, const QString& what, Read read, const char* text, const Args&... args)
    -> Result<decltype(read(std::declval<const store::Statement&>()))>
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

// Every row a query returns, converted by `read`.
template <typename Read, typename... Args>
auto all(store::Database& db, Read read, const char* text, const Args&... args)
    -> Result<QList<decltype(read(std::declval<const store::Statement&>()))>>
{
    QList<decltype(read(std::declval<const store::Statement&>()))> out;
    auto s = query(db, text, args...);
    if (!s)
        return s.error();
    for (;;) {
        auto row = s.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            return out;
        out << read(s.value());
    }
}

// Number of rows changed by the last statement on this connection.
int changes(store::Database& db);

} // namespace sql

Error notFound(const QString& what);

inline authz::Binding readBinding(const store::Statement& s)
{
    return {s.text(0), s.text(1), s.text(2), s.text(3), s.text(4), s.text(5), s.int64(6)};
}

// Input checks shared by the operations. Names are slugs (lower-case letters, digits, '.', '_', '-'; 2 to 63
// characters, starting with a letter or digit) so they are safe in URLs, logs and sign-in forms.
Result<void> checkName(const QString& value, const QString& what);
Result<void> checkDisplayName(const QString& value, const QString& what);
Result<void> checkEmail(const QString& value);

} // namespace gatehouse::service
