#pragma once

#include <QHash>
#include <QMutex>
#include <QString>
#include <QVector>

namespace gatehouse::identity {

// Per-source throttling of failed sign-ins: past `limit` failures from one address inside `windowMs`, further
// attempts from it are refused until the oldest failure leaves the window. Kept in memory: it slows a guesser
// down without letting anyone lock another person out (account lockout is separate and per account).
class SourceThrottle
{
public:
    explicit SourceThrottle(int limit = 20, qint64 windowMs = 10 * 60 * 1000) : m_limit(limit), m_windowMs(windowMs) {}

    // Milliseconds to wait before this source may try again; 0 when it may try now.
    qint64 retryAfterMs(const QString& source, qint64 nowMs);
    void recordFailure(const QString& source, qint64 nowMs);

private:
    void prune(QVector<qint64>& failures, qint64 nowMs) const;

    QMutex m_mutex;
    int m_limit;
    qint64 m_windowMs;
    QHash<QString, QVector<qint64>> m_failures;
};

} // namespace gatehouse::identity
