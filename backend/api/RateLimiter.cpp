#include "RateLimiter.h"

#include <cmath>

namespace gatehouse::api {

RateLimiter::RateLimiter(double perSecond, double burst, int maxKeys)
    : m_rate(perSecond), m_burst(std::max(1.0, burst)), m_maxKeys(maxKeys)
{}

int RateLimiter::acquire(const QString& key, qint64 nowMs)
{
    if (m_rate <= 0)
        return 0;
    QMutexLocker lock(&m_mutex);
    if (m_buckets.size() >= m_maxKeys && !m_buckets.contains(key)) {
        // Forget buckets that have refilled: they hold no state worth keeping.
        for (auto it = m_buckets.begin(); it != m_buckets.end();) {
            if (it->tokens + double(nowMs - it->lastMs) / 1000.0 * m_rate >= m_burst)
                it = m_buckets.erase(it);
            else
                ++it;
        }
    }
    auto it = m_buckets.find(key);
    if (it == m_buckets.end())
        it = m_buckets.insert(key, Bucket{m_burst, nowMs});
    Bucket& b = *it;
    b.tokens = std::min(m_burst, b.tokens + double(std::max<qint64>(0, nowMs - b.lastMs)) / 1000.0 * m_rate);
    b.lastMs = nowMs;
    if (b.tokens >= 1.0) {
        b.tokens -= 1.0;
        return 0;
    }
    return std::max(1, int(std::ceil((1.0 - b.tokens) / m_rate)));
}

} // namespace gatehouse::api
