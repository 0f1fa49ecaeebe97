#pragma once

#include "core/Clock.h"

namespace gatehouse::test {

// A clock the test moves by hand: expiry, idle and lockout rules without sleeping.
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = 1'800'000'000'000) : m_now(startMs) {}
    qint64 nowMs() const override { return m_now; }
    void advanceMs(qint64 ms) { m_now += ms; }
    void advanceSeconds(qint64 s) { m_now += s * 1000; }

private:
    qint64 m_now;
};

} // namespace gatehouse::test
