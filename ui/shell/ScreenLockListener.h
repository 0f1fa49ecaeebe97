#pragma once

#include <QObject>

namespace gatehouse::ui {

// Tells when the desktop locks its screen (org.freedesktop.ScreenSaver ActiveChanged on the session bus) or the
// machine is about to sleep (org.freedesktop.login1 PrepareForSleep on the system bus): the console locks then
// too, so an unattended, locked desktop never holds an open console behind it. Without those buses nothing is
// reported.
class ScreenLockListener : public QObject
{
    Q_OBJECT
public:
    explicit ScreenLockListener(QObject* parent = nullptr);

    // Whether the session bus's screen-saver signal is being listened to.
    bool listensToScreenSaver() const { return m_screenSaver; }

signals:
    void screenLocked();

private slots:
    // Slots by name: QtDBus connects signals of the bus to slots given as strings.
    void onScreenSaverActiveChanged(bool active);
    void onPrepareForSleep(bool beforeSleep);

private:
    bool m_screenSaver = false;
};

} // namespace gatehouse::ui
