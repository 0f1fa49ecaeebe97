#pragma once

#include <QHash>
#include <QMutex>
#include <QString>

namespace gatehouse::api {

// Token buckets keyed by a string (a source address, a token's digest). Thread-safe. A rate of 0 turns the
// limiter off.
class RateLimiter
{
public:
    RateLimiter(double perSecond, double burst, int maxKeys = 100'000);

    // Takes one token for `key` at `nowMs`. Returns 0 when allowed, else how many seconds to wait.
    int acquire(const QString& key, qint64 nowMs);
    bool enabled() const { return m_rate > 0; }

private:
    struct Bucket
    {
        double tokens = 0;
        qint64 lastMs = 0;
    };
    double m_rate;
    double m_burst;
    int m_maxKeys;
    QMutex m_mutex;
    QHash<QString, Bucket> m_buckets;
};

} // namespace gatehouse::api
