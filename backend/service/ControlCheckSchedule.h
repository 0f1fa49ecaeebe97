#pragma once

#include <QObject>
#include <QTimer>

namespace gatehouse::service {

class ControlPlane;

// Runs every control's check on a timer while a server or the console runs, so each control has a history and a
// change of status is recorded as it happens (ControlPlane::runControlChecks, as the local system). Lives on the
// thread whose event loop runs it (moveToThread() takes its timer along); each run takes the store's lock as long
// as the checks take.
class ControlCheckSchedule : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultIntervalMinutes = 15;

    explicit ControlCheckSchedule(ControlPlane& controlPlane, QObject* parent = nullptr);
    // Minutes between runs (1 to 1440); 0 stops the schedule.
    void setIntervalMinutes(int minutes);
    int intervalMinutes() const { return m_minutes; }
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
};

} // namespace gatehouse::service
