#include "SourceThrottle.h"

namespace gatehouse::identity {

void SourceThrottle::prune(QVector<qint64>& failures, qint64 nowMs) const
{
    while (!failures.isEmpty() && failures.first() <= nowMs - m_windowMs)
        failures.removeFirst();
}

qint64 SourceThrottle::retryAfterMs(const QString& source, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    auto it = m_failures.find(source);
    if (it == m_failures.end())
        return 0;
    prune(*it, nowMs);
    if (it->isEmpty()) {
        m_failures.erase(it);
        return 0;
    }
    return it->size() >= m_limit ? it->first() + m_windowMs - nowMs : 0;
}

void SourceThrottle::recordFailure(const QString& source, qint64 nowMs)
{
    QMutexLocker lock(&m_mutex);
    auto& failures = m_failures[source];
    prune(failures, nowMs);
    failures.append(nowMs);
    // Bound the memory a flood of addresses can take.
    if (m_failures.size() > 100000)
        m_failures.clear();
}

} // namespace gatehouse::identity
