#pragma once

#include <QString>

#include <cassert>
#include <optional>
#include <utility>
#include <variant>

namespace gatehouse {

// The kinds of failure a caller may want to tell apart. The message is for people; the code is for code.
enum class ErrorCode {
    InvalidArgument,
    NotFound,
    AlreadyExists,
    WrongKey,
    NotAStore,
    Corrupt,
    PermissionDenied,
    InsecurePermissions,
    ReadOnly,
    DiskFull,
    SchemaTooNew,
    MigrationFailed,
    KeychainUnavailable,
    KeychainError,
    Crypto,
    Io,
    Internal,
    // Control-plane outcomes
    Unauthenticated,  // no valid session or token, or sign-in failed
    Forbidden,        // authenticated, but no binding grants the permission
    Conflict,         // the change would break an invariant (last owner, name taken, still in use)
    Stale,            // a compare-and-set refused: the object changed since the caller read it
    RateLimited,      // too many attempts from this source; retry later
    AuditUnavailable, // the audit event could not be written, so the change was not applied
};

struct Error
{
    ErrorCode code = ErrorCode::Internal;
    QString message;
};

template <typename T> class [[nodiscard]] Result
{
public:
    Result(T value) : m_state(std::in_place_index<0>, std::move(value)) {}
    Result(Error error) : m_state(std::in_place_index<1>, std::move(error)) {}

    bool ok() const { return m_state.index() == 0; }
    explicit operator bool() const { return ok(); }

    T& value() &
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    const T& value() const&
    {
        assert(ok());
        return std::get<0>(m_state);
    }
    T&& value() &&
    {
        assert(ok());
        return std::get<0>(std::move(m_state));
    }
    const Error& error() const
    {
        assert(!ok());
        return std::get<1>(m_state);
    }

private:
    std::variant<T, Error> m_state;
};

template <> class [[nodiscard]] Result<void>
{
public:
    Result() = default;
    Result(Error error) : m_error(std::move(error)) {}

    bool ok() const { return !m_error.has_value(); }
    explicit operator bool() const { return ok(); }
    const Error& error() const
    {
        assert(!ok());
        return *m_error;
    }

private:
    std::optional<Error> m_error;
};

inline Error makeError(ErrorCode code, QString message)
{
    return Error{code, std::move(message)};
}

} // namespace gatehouse
