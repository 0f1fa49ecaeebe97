#include "ConsoleTestSupport.h"
#include "shell/MainWindow.h"
#include "shell/ScreenLockListener.h"

#include <QDBusConnection>
#include <QDBusMessage>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The console locks when the desktop's screen locks. Runs in a private session bus (dbus-run-session), where
// the test itself announces the screen saver.
class TestScreenLock : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void screenLockLocksTheConsole();

private:
    static void announceScreenSaver(bool active);
};

void TestScreenLock::initTestCase()
{
    test::useTemporarySettings();
    if (!QDBusConnection::sessionBus().isConnected())
        QSKIP("no D-Bus session bus (run under dbus-run-session)");
}

void TestScreenLock::announceScreenSaver(bool active)
{
    QDBusMessage signal =
        QDBusMessage::createSignal(QStringLiteral("/org/freedesktop/ScreenSaver"),
                                   QStringLiteral("org.freedesktop.ScreenSaver"), QStringLiteral("ActiveChanged"));
    signal << active;
    QVERIFY(QDBusConnection::sessionBus().send(signal));
}

void TestScreenLock::screenLockLocksTheConsole()
{
    test::ControlPlaneFixture f;
    QVERIFY(f.setUp());
    ui::ConsoleBridge bridge(*f.cp);
    ui::MainWindow window(bridge);
    QVERIFY(window.findChild<ui::ScreenLockListener*>()->listensToScreenSaver());
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QVERIFY(!window.isLocked());

    // The screen saver ending changes nothing; starting locks the console.
    QSignalSpy locked(window.findChild<ui::ScreenLockListener*>(), &ui::ScreenLockListener::screenLocked);
    announceScreenSaver(false);
    announceScreenSaver(true);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), kAnswerMs);
    QCOMPARE(locked.size(), 1);
    QVERIFY(!bridge.isSignedIn());
}

QTEST_MAIN(TestScreenLock)
#include "TestScreenLock.moc"
