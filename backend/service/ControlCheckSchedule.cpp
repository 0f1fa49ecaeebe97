#include "ControlCheckSchedule.h"

#include "ControlPlane.h"
#include "core/Logging.h"

namespace gatehouse::service {

ControlCheckSchedule::ControlCheckSchedule(ControlPlane& controlPlane, QObject* parent)
    : QObject(parent), m_controlPlane(controlPlane), m_timer(this)
{
    m_timer.setTimerType(Qt::VeryCoarseTimer);
    connect(&m_timer, &QTimer::timeout, this, [this] { (void)runNow(); });
}

void ControlCheckSchedule::setIntervalMinutes(int minutes)
{
    m_minutes = std::clamp(minutes, 0, 24 * 60);
    if (m_minutes == 0)
        m_timer.stop();
    else
        m_timer.setInterval(m_minutes * 60 * 1000);
}

void ControlCheckSchedule::setHistoryDays(int days)
{
    m_historyDays = std::clamp(days, 0, 36500);
}

void ControlCheckSchedule::start()
{
    if (m_minutes == 0)
        return;
    m_timer.setInterval(m_minutes * 60 * 1000);
    m_timer.start();
    QTimer::singleShot(0, this, [this] { (void)runNow(); });
}

void ControlCheckSchedule::stop()
{
    m_timer.stop();
}

bool ControlCheckSchedule::runNow()
{
    auto r = m_controlPlane.runControlChecks(Caller::system(Source::System));
    if (!r)
        qCWarning(lcStore) << "scheduled control checks failed:" << r.error().message;
    // The history stays bounded; a failure to prune is logged and tried again after the next run.
    if (auto pruned = m_controlPlane.pruneControlHistory(m_historyDays); !pruned)
        qCWarning(lcStore) << "pruning the control history failed:" << pruned.error().message;
    emit ran(bool(r));
    return bool(r);
}

} // namespace gatehouse::service
