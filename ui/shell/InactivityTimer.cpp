#include "InactivityTimer.h"

#include <QCoreApplication>
#include <QEvent>

namespace gatehouse::ui {

InactivityTimer::InactivityTimer(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, [this]() {
        if (m_active)
            emit inactive();
    });
}

InactivityTimer::~InactivityTimer()
{
    stop();
}

void InactivityTimer::setTimeout(int milliseconds)
{
    m_timeoutMs = qMax(0, milliseconds);
    if (m_active)
        restart();
}

void InactivityTimer::start()
{
    if (!m_active)
        QCoreApplication::instance()->installEventFilter(this);
    m_active = true;
    restart();
}

void InactivityTimer::stop()
{
    if (m_active && QCoreApplication::instance())
        QCoreApplication::instance()->removeEventFilter(this);
    m_active = false;
    m_timer.stop();
}

void InactivityTimer::restart()
{
    if (m_timeoutMs > 0)
        m_timer.start(m_timeoutMs);
    else
        m_timer.stop();
}

bool InactivityTimer::eventFilter(QObject* watched, QEvent* event)
{
    switch (event->type()) {
    case QEvent::KeyPress:
    case QEvent::KeyRelease:
    case QEvent::MouseButtonPress:
    case QEvent::MouseButtonRelease:
    case QEvent::MouseButtonDblClick:
    case QEvent::MouseMove:
    case QEvent::Wheel:
    case QEvent::TouchBegin:
    case QEvent::TouchUpdate:
        restart();
        break;
    default:
        break;
    }
    return QObject::eventFilter(watched, event);
}

} // namespace gatehouse::ui
