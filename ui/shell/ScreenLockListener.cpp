#include "ScreenLockListener.h"

#include <QDBusConnection>

namespace gatehouse::ui {

ScreenLockListener::ScreenLockListener(QObject* parent) : QObject(parent)
{
    QDBusConnection session = QDBusConnection::sessionBus();
    if (session.isConnected())
        m_screenSaver = session.connect(QString(), QStringLiteral("/org/freedesktop/ScreenSaver"),
                                        QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"),
                                        this, SLOT(onScreenSaverActiveChanged(bool)));
    QDBusConnection system = QDBusConnection::systemBus();
    if (system.isConnected())
        system.connect(QStringLiteral("org.freedesktop.login1"), QStringLiteral("/org/freedesktop/login1"),
                       QStringLiteral("org.freedesktop.login1.Manager"), QStringLiteral("PrepareForSleep"), this,
                       SLOT(onPrepareForSleep(bool)));
}

void ScreenLockListener::onScreenSaverActiveChanged(bool active)
{
    if (active)
        emit screenLocked();
}

void ScreenLockListener::onPrepareForSleep(bool beforeSleep)
{
    if (beforeSleep)
        emit screenLocked();
}

} // namespace gatehouse::ui
