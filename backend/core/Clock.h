#pragma once

#include <QtGlobal>

namespace gatehouse {

// Where the control plane reads the time. Injectable, so expiry, lockout and idle rules are tested by moving
// a clock rather than by sleeping.
class Clock
{
public:
    virtual ~Clock() = default;
    // Milliseconds since the Unix epoch, UTC.
    virtual qint64 nowMs() const = 0;

    static Clock& system();
};

} // namespace gatehouse
