#pragma once

#include <QObject>
#include <QTimer>

namespace gatehouse::service {

class ControlPlane;

// Runs every control's check on a timer while a server or the console runs, so each control has a history and a
// change of status is recorded as it happens (ControlPlane::runControlChecks, as the local system), and prunes results
// older than the retention (ControlPlane::pruneControlHistory). Lives on the
// thread whose event loop runs it (moveToThread() takes its timer along); each run takes the store's lock as long
// as the checks take.
class ControlCheckSchedule : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMinutes = 15;
    // How long results are kept: a yearly audit period and a month's margin.
    static constexpr int kDefaultHistoryDays = 400;

    explicit ControlCheckSchedule(ControlPlane& controlPlane, QObject* parent = nullptr);
    // Minutes between runs (1 to 1440); 0 stops the schedule.
    void setIntervalMinutes(int minutes);
    int intervalMinutes() const { return m_minutes; }
    // Days of results kept (0: all, else 1 to 36500); older ones are pruned after each run (pruneControlHistory),
    // but each control's newest result before the cut-off.
    void setHistoryDays(int days);
    int historyDays() const { return m_historyDays; }
    // Starts the timer and runs once soon, so a fresh start has a point in every control's history.
    void start();
    void stop();
    // One run now; false when it failed (the failure is logged and audited).
    bool runNow();

signals:
    void ran(bool ok);

private:
    ControlPlane& m_controlPlane;
    QTimer m_timer;
    int m_minutes = kDefaultIntervalMinutes;
    int m_historyDays = kDefaultHistoryDays;
};

} // namespace gatehouse::service
