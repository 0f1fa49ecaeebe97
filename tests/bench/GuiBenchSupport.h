#pragma once
// What the GUI benchmarks (bench_console, bench_audit_pane) measure alike: how long the GUI thread goes without
// turning its event loop, and the resident memory of the process.

#include <QElapsedTimer>
#include <QFile>
#include <QObject>
#include <QTimer>

#include <algorithm>
#include <unistd.h>
#include <vector>

namespace gatehouse::bench {

// The resident set now (/proc/self/statm), in MiB.
inline double currentRssMiB()
{
    QFile statm(QStringLiteral("/proc/self/statm"));
    if (!statm.open(QIODevice::ReadOnly))
        return -1;
    const QList<QByteArray> fields = statm.readAll().split(' ');
    return fields.size() > 1 ? fields.at(1).toDouble() * double(sysconf(_SC_PAGESIZE)) / (1024.0 * 1024.0) : -1;
}

// The GUI thread's responsiveness: a 5 ms timer on it, and the gaps between its ticks while running.
class StallMeter : public QObject
{
public:
    StallMeter()
    {
        m_timer.setTimerType(Qt::PreciseTimer);
        m_timer.setInterval(5);
        connect(&m_timer, &QTimer::timeout, this, [this]() { tick(); });
    }
    void start()
    {
        m_gaps.clear();
        m_clock.start();
        m_last = 0;
        m_timer.start();
    }
    void stop()
    {
        tick(); // the gap up to now counts too
        m_timer.stop();
    }
    double maxMs() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
    double p99Ms() const { return p99Of(m_gaps); }
    const std::vector<double>& gaps() const { return m_gaps; }
    static double p99Of(const std::vector<double>& gaps)
    {
        if (gaps.empty())
            return 0;
        std::vector<double> sorted = gaps;
        std::sort(sorted.begin(), sorted.end());
        return sorted[std::min(sorted.size() - 1, std::size_t(double(sorted.size()) * 0.99))];
    }

private:
    void tick()
    {
        const qint64 now = m_clock.nsecsElapsed();
        m_gaps.push_back(double(now - m_last) / 1e6);
        m_last = now;
    }
    QTimer m_timer;
    QElapsedTimer m_clock;
    qint64 m_last = 0;
    std::vector<double> m_gaps;
};

} // namespace gatehouse::bench
