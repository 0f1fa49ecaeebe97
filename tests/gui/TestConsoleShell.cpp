#include "ConsoleTestSupport.h"
#include "models/TenantModel.h"
#include "models/UserModel.h"
#include "panes/IdentitiesPane.h"
#include "panes/TenancyPane.h"
#include "shell/InactivityTimer.h"
#include "shell/LockPage.h"
#include "shell/MainWindow.h"
#include "shell/SignInDialog.h"
#include "shell/SignInForm.h"

#include "shell/Appearance.h"
#include <QAction>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QStackedWidget>

#include <QComboBox>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The console's shell: sign-in, the main window, lock (inactivity and Ctrl+L), an ended session, sign-out.
class TestConsoleShell : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void signInShowsTheControlPlanesMessage();
    void lockByInactivityHidesEveryPane();
    void ctrlLLocksAndSignInRestoresThePane();
    void endedSessionAsksForSignInKeepingThePane();
    void signOutForgetsTheIdentity();
    void quitEndsTheSessionAndKeepsNoSecretInSettings();
    void lockAfterIsASetting();
    void statusBarWitnessesTheNewestCheckpoint();
    void screenshots();

private:
    // Types into the lock page's form and presses Sign In.
    void signInOnLockPage(ui::MainWindow& window, const char* password = test::kPassword);
    // Signs in through the bridge, then shows the window on the Identities pane with its users listed.
    void openConsole(ui::MainWindow& window, ui::ConsoleBridge& bridge);
    static QList<QWidget*> panes(ui::MainWindow& window);

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestConsoleShell::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestConsoleShell::cleanup()
{
    m_f.reset();
}

QList<QWidget*> TestConsoleShell::panes(ui::MainWindow& window)
{
    QList<QWidget*> out;
    auto* stack = window.findChild<QStackedWidget*>(QStringLiteral("panes"));
    for (int i = 0; stack && i < stack->count(); ++i)
        out << stack->widget(i);
    return out;
}

void TestConsoleShell::signInOnLockPage(ui::MainWindow& window, const char* password)
{
    auto* page = window.findChild<ui::LockPage*>(QStringLiteral("lockPage"));
    QVERIFY(page && page->isVisible());
    auto* edit = page->findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    QVERIFY(edit);
    QTest::keyClicks(edit, QLatin1String(password));
    QTest::mouseClick(page->findChild<QPushButton*>(QStringLiteral("signInButton")), Qt::LeftButton);
}

void TestConsoleShell::openConsole(ui::MainWindow& window, ui::ConsoleBridge& bridge)
{
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    window.showPage(ui::MainWindow::Page::Identities);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isLocked());
    auto* pane = window.findChild<ui::IdentitiesPane*>(QStringLiteral("identitiesPane"));
    QVERIFY(pane && pane->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(pane->model()->rowCount() > 0, kAnswerMs);
}

void TestConsoleShell::signInShowsTheControlPlanesMessage()
{
    auto direct = m_f->cp->signIn(m_f->caller(QStringLiteral("10.0.0.9")), QStringLiteral("acme"),
                                  QStringLiteral("alice"), test::secret("wrong-password-entirely"));
    QVERIFY(!direct);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::MainWindow window(bridge);
    QVERIFY(window.isLocked()); // nothing is shown before sign-in
    ui::SignInDialog dialog(bridge);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    auto* tenant = dialog.findChild<QLineEdit*>(QStringLiteral("tenantEdit"));
    auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("usernameEdit"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    auto* message = dialog.findChild<QLabel*>(QStringLiteral("signInMessage"));
    auto* button = dialog.findChild<QPushButton*>(QStringLiteral("signInButton"));
    QVERIFY(tenant && user && password && message && button);
    for (QWidget* w : {static_cast<QWidget*>(tenant), static_cast<QWidget*>(user), static_cast<QWidget*>(password)})
        QVERIFY(!w->accessibleName().isEmpty());

    QTest::keyClicks(tenant, QStringLiteral("acme"));
    QTest::keyClicks(user, QStringLiteral("alice"));
    QTest::keyClicks(password, QStringLiteral("wrong-password-entirely"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(password->text().isEmpty()); // taken into a scrubbed buffer at once
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kAnswerMs);
    QCOMPARE(message->text(), direct.error().message);
    QVERIFY(dialog.isVisible());
    QVERIFY(!bridge.isSignedIn());

    QTest::keyClicks(password, QLatin1String(test::kPassword));
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isVisible(), kAnswerMs);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(bridge.isSignedIn());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(!window.isLocked());
    auto* identity = window.findChild<QLabel*>(QStringLiteral("identityLabel"));
    QVERIFY(identity->text().contains(QLatin1String("alice")));
    QVERIFY(identity->text().contains(QLatin1String("acme")));
    auto* scopes = window.findChild<QComboBox*>(QStringLiteral("scopeSelector"));
    QCOMPARE(scopes->count(), 3); // acme, acme / Production, acme / Development
    QCOMPARE(scopes->currentText(), QStringLiteral("acme"));
}

void TestConsoleShell::lockByInactivityHidesEveryPane()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::MainWindow window(bridge);
    QCOMPARE(window.inactivityTimer().timeout(), 10 * 60 * 1000); // the default
    openConsole(window, bridge);
    QVERIFY(window.inactivityTimer().isActive());

    // An injected short wait: no input follows, so the console locks.
    window.inactivityTimer().setTimeout(30);
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), kAnswerMs);
    for (QWidget* pane : panes(window))
        QVERIFY2(!pane->isVisible(), qPrintable(pane->objectName()));
    QVERIFY(window.findChild<ui::LockPage*>(QStringLiteral("lockPage"))->isVisible());
    QVERIFY(!bridge.isSignedIn());
    // What the pane showed is gone, not just hidden.
    QCOMPARE(window.findChild<ui::IdentitiesPane*>()->model()->rowCount(), 0);
    QVERIFY(!window.findChild<QAction*>(QStringLiteral("lockAction"))->isEnabled());
    auto* reason = window.findChild<QLabel*>(QStringLiteral("lockReason"));
    QVERIFY2(reason->text().contains(QLatin1String("without activity")), qPrintable(reason->text()));

    window.inactivityTimer().setTimeout(0);
    signInOnLockPage(window);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), kAnswerMs);
    QCOMPARE(window.currentPage(), ui::MainWindow::Page::Identities);
    auto* pane = window.findChild<ui::IdentitiesPane*>();
    QVERIFY(pane->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(pane->model()->rowCount() > 0, kAnswerMs);
}

void TestConsoleShell::ctrlLLocksAndSignInRestoresThePane()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::MainWindow window(bridge);
    openConsole(window, bridge);
    window.activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(&window));
    QTest::keyClick(&window, Qt::Key_L, Qt::ControlModifier);
    QVERIFY(window.isLocked());
    for (QWidget* pane : panes(window))
        QVERIFY2(!pane->isVisible(), qPrintable(pane->objectName()));
    QVERIFY(!bridge.isSignedIn());

    // Sign-in again is as the same identity: tenant and username are fixed.
    auto* page = window.findChild<ui::LockPage*>(QStringLiteral("lockPage"));
    auto* user = page->findChild<QLineEdit*>(QStringLiteral("usernameEdit"));
    QCOMPARE(user->text(), QStringLiteral("alice"));
    QVERIFY(user->isReadOnly());
    QVERIFY(page->findChild<QLineEdit*>(QStringLiteral("tenantEdit"))->isReadOnly());
    // A wrong password keeps it locked, with the control plane's message.
    signInOnLockPage(window, "not-alices-password");
    auto* message = page->findChild<QLabel*>(QStringLiteral("signInMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kAnswerMs);
    QVERIFY(window.isLocked());

    signInOnLockPage(window);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), kAnswerMs);
    QCOMPARE(window.currentPage(), ui::MainWindow::Page::Identities);
    QVERIFY(window.findChild<ui::IdentitiesPane*>()->isVisible());
}

void TestConsoleShell::endedSessionAsksForSignInKeepingThePane()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::MainWindow window(bridge);
    openConsole(window, bridge);
    // Elsewhere, the session is ended; the next call finds out.
    QVERIFY(m_f->cp->endUserSessions(m_f->system, m_f->tenantA, bridge.identity().id));
    window.findChild<QAction*>(QStringLiteral("refreshUsersAction"))->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(window.isLocked(), kAnswerMs);
    auto* reason = window.findChild<QLabel*>(QStringLiteral("lockReason"));
    QVERIFY2(reason->text().contains(QLatin1String("sign in again")), qPrintable(reason->text()));
    // The pane itself showed no error: the shell handles an ended session.
    QVERIFY(window.findChild<ui::IdentitiesPane*>()->message().isEmpty());
    signInOnLockPage(window);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), kAnswerMs);
    QCOMPARE(window.currentPage(), ui::MainWindow::Page::Identities);
}

void TestConsoleShell::signOutForgetsTheIdentity()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::MainWindow window(bridge);
    openConsole(window, bridge);
    auto* signOut = window.findChild<QAction*>(QStringLiteral("signOutAction"));
    QVERIFY(signOut && signOut->isEnabled());
    signOut->trigger();
    QVERIFY(window.isLocked());
    QVERIFY(!bridge.hasIdentity());
    auto* page = window.findChild<ui::LockPage*>(QStringLiteral("lockPage"));
    auto* user = page->findChild<QLineEdit*>(QStringLiteral("usernameEdit"));
    QVERIFY(!user->isReadOnly());
    QVERIFY(user->text().isEmpty());
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("auth.signout"), {}));

    // Anyone may sign in now: bob of tenant blue.
    QTest::keyClicks(page->findChild<QLineEdit*>(QStringLiteral("tenantEdit")), QStringLiteral("blue"));
    QTest::keyClicks(user, QStringLiteral("bob"));
    signInOnLockPage(window);
    QTRY_VERIFY_WITH_TIMEOUT(!window.isLocked(), kAnswerMs);
    QCOMPARE(bridge.identity().tenantId, m_f->tenantB);
}

void TestConsoleShell::quitEndsTheSessionAndKeepsNoSecretInSettings()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    {
        ui::MainWindow window(bridge);
        openConsole(window, bridge);
        window.close();
    }
    QVERIFY(!bridge.isSignedIn());
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("auth.signout"), {}));
    QSettings settings;
    QVERIFY(settings.contains(QStringLiteral("window/geometry")));
    QVERIFY(settings.contains(QStringLiteral("window/splitter")));
    QCOMPARE(settings.value(QStringLiteral("window/page")).toInt(), int(ui::MainWindow::Page::Identities));
    for (const QString& key : settings.allKeys()) {
        const QByteArray value = settings.value(key).toByteArray();
        QVERIFY2(!value.contains(test::kPassword), qPrintable(key));
        QVERIFY2(!value.contains("ghs_"), qPrintable(key));
    }
}

void TestConsoleShell::lockAfterIsASetting()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    {
        ui::MainWindow window(bridge);
        openConsole(window, bridge);
        auto* settings = window.findChild<QAction*>(QStringLiteral("settingsAction"));
        QVERIFY(settings && settings->isEnabled());
        settings->trigger();
        auto* dialog = window.findChild<QDialog*>(QStringLiteral("settingsDialog"));
        QVERIFY(dialog);
        auto* spin = dialog->findChild<QSpinBox*>(QStringLiteral("lockAfterSpin"));
        QCOMPARE(spin->value(), 10);
        spin->setValue(3);
        // The theme and the language beside it: dark applies at once, the language is kept for the next start.
        auto* theme = dialog->findChild<QComboBox*>(QStringLiteral("themeCombo"));
        auto* language = dialog->findChild<QComboBox*>(QStringLiteral("languageCombo"));
        QVERIFY(theme && language);
        theme->setCurrentIndex(theme->findData(int(ui::Appearance::Theme::Dark)));
        language->setCurrentIndex(language->findData(QStringLiteral("fr")));
        QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
                          Qt::LeftButton);
        QCOMPARE(window.inactivityTimer().timeout(), 3 * 60 * 1000);
        QCOMPARE(ui::Appearance::theme(), ui::Appearance::Theme::Dark);
        QCOMPARE(ui::Appearance::language(), QStringLiteral("fr"));
        QVERIFY(QApplication::palette().color(QPalette::Window).lightness() < 128);
        ui::Appearance::apply(*qApp, ui::Appearance::Theme::Light);
    }
    // The next window starts with it.
    ui::MainWindow again(bridge);
    QCOMPARE(again.inactivityTimer().timeout(), 3 * 60 * 1000);
}

void TestConsoleShell::statusBarWitnessesTheNewestCheckpoint()
{
    // The platform's audit readers see the newest signed checkpoint's digest, to note outside the store.
    const auto signed_ = m_f->cp->checkpointAudit(m_f->system);
    QVERIFY(signed_);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::MainWindow window(bridge);
    window.show();
    QVERIFY(test::signInBridge(bridge, {}, QStringLiteral("root")));
    auto* label = window.findChild<QLabel*>(QStringLiteral("checkpointLabel"));
    QVERIFY(label);
    QTRY_VERIFY_WITH_TIMEOUT(label->isVisible(), kAnswerMs);
    const QString digest = QString::fromLatin1(signed_.value().chainHash.toHex());
    QVERIFY2(label->text().contains(digest.left(16)), qPrintable(label->text()));
    QVERIFY(label->toolTip().contains(digest));
    QVERIFY(test::hasGuiEvent(*m_f, {}, QStringLiteral("audit.checkpoint.latest"), {}));

    // A tenant's owner does not read the platform's chain: nothing is shown, nothing is asked.
    ui::ConsoleBridge tenantBridge(*m_f->cp);
    ui::MainWindow tenantWindow(tenantBridge);
    tenantWindow.show();
    QVERIFY(test::signInBridge(tenantBridge, QStringLiteral("acme"), QStringLiteral("alice")));
    QCoreApplication::processEvents();
    QVERIFY(!tenantWindow.findChild<QLabel*>(QStringLiteral("checkpointLabel"))->isVisible());
}

// Renders the window for people to look at: GATEHOUSE_SCREENSHOT_DIR=dir (run under xvfb-run for real fonts).
void TestConsoleShell::screenshots()
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        QSKIP("GATEHOUSE_SCREENSHOT_DIR is not set");
    for (const char* name : {"dana", "dora", "eve", "frank", "grace"})
        QVERIFY(!m_f->addUser(m_f->tenantA, QLatin1String(name), {}).isEmpty());
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("carl"), authz::builtin::kTenantAdmin).isEmpty());
    QVERIFY(m_f->cp->setUserStatus(m_f->system, m_f->tenantA, m_f->userId(m_f->tenantA, QStringLiteral("eve")),
                                   service::UserStatusChange::Lock));
    ui::ConsoleBridge bridge(*m_f->cp);
    {
        ui::SignInDialog signIn(bridge);
        signIn.show();
        QVERIFY(QTest::qWaitForWindowExposed(&signIn));
        signIn.form()->setMessage(QStringLiteral("sign-in failed: unknown tenant or user, or wrong password or code"));
        QVERIFY(signIn.grab().save(dir + QStringLiteral("/console-sign-in.png")));
    }
    ui::MainWindow window(bridge);
    window.showApi(QStringLiteral("https://127.0.0.1:8443"),
                   QStringLiteral("3F:A1:09:5C:77:E2:41:0B:9D:C4:58:12:6E:AA:F0:3B:28:91:D7:60:4C:1E:B5:83:0A:"
                                  "6F:E9:52:C3:17:8D:44"));
    window.showStoreStatus(m_f->store->status().value());
    openConsole(window, bridge);
    QTRY_COMPARE_WITH_TIMEOUT(window.findChild<ui::IdentitiesPane*>()->model()->rowCount(), 7, kAnswerMs);
    window.resize(1120, 640);
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QVERIFY(window.grab().save(dir + QStringLiteral("/console-identities.png")));
    window.showPage(ui::MainWindow::Page::Tenancy);
    auto* tenancy = window.findChild<ui::TenancyPane*>();
    QTRY_VERIFY_WITH_TIMEOUT(tenancy->model()->rowCount() == 1, kAnswerMs);
    QVERIFY(window.grab().save(dir + QStringLiteral("/console-tenancy.png")));
    window.showPage(ui::MainWindow::Page::Overview);
    QVERIFY(window.grab().save(dir + QStringLiteral("/console-overview.png")));
    window.lock();
    QVERIFY(window.grab().save(dir + QStringLiteral("/console-locked.png")));
}

QTEST_MAIN(TestConsoleShell)
#include "TestConsoleShell.moc"
