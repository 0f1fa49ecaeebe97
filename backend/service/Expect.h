#pragma once

#include <functional>

namespace gatehouse::service {

// A compare-and-set condition on the object a change is about: called with the object as stored, read inside the
// change's own transaction, so nothing can change it between the check and the write. False refuses the change
// (ErrorCode::Stale, nothing written, audited as a failure). The API turns If-Match into one; empty: no condition.
template <typename T> using Expect = std::function<bool(const T& current)>;

// The stored object must still be the version `read` (a type that compares with ==).
template <typename T> Expect<T> unchangedFrom(const T& read)
{
    return [read](const T& current) {
        return current == read;
    };
}

} // namespace gatehouse::service
