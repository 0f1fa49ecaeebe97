#include "ConsoleTestSupport.h"
#include "panes/TenancyPane.h"
#include "panes/TenantSettingsDialog.h"
#include "service/ControlPlane.h"

#include <QAction>
#include <QCheckBox>
#include <QDir>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QTreeWidget>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

namespace {

// With GATEHOUSE_SCREENSHOT_DIR set (tests/gui/screenshots.sh), the dialogs are saved as PNGs for the docs.
void shot(QWidget& w, const char* name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    w.grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

// Sets a spin box as a person does: select all, type the number.
void type(QSpinBox* spin, int value)
{
    spin->setFocus();
    spin->selectAll();
    QTest::keyClicks(spin, QString::number(value));
}

} // namespace

// A tenant's settings in the console: the form, its read-only state, and what happens when someone else changed
// the settings while the form was open.
class TestTenantSettings : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void tenantOwnerChangesIdleTimeoutAndMfa();
    void conflictShowsTheirsThenReloadOrOverwrite();
    void securityReviewerSeesTheFormReadOnly();
    void updateWithExpectedIsACompareAndSet();

private:
    // Signs in, opens the pane and the settings of the signed-in identity's tenant; waits for them.
    ui::TenantSettingsDialog* open(ui::TenancyPane& pane, ui::ConsoleBridge& bridge, const QString& user);
    static QSpinBox* spin(QWidget* d, const char* name) { return d->findChild<QSpinBox*>(QLatin1String(name)); }
    static QPushButton* button(QWidget* d, const char* name) { return d->findChild<QPushButton*>(QLatin1String(name)); }
    static ui::TenantSettingsConflictDialog* conflict(ui::TenantSettingsDialog* d)
    {
        return d->findChild<ui::TenantSettingsConflictDialog*>(QStringLiteral("tenantSettingsConflictDialog"));
    }
    // The row of `setting` in the conflict's differences, as its columns' texts.
    static QStringList row(ui::TenantSettingsConflictDialog* c, const QString& setting);
    tenancy::TenantSettings stored() { return m_f->cp->tenantSettings(m_f->system, m_f->tenantA).value(); }

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestTenantSettings::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestTenantSettings::cleanup()
{
    m_f.reset();
}

ui::TenantSettingsDialog* TestTenantSettings::open(ui::TenancyPane& pane, ui::ConsoleBridge& bridge,
                                                   const QString& user)
{
    if (!test::signInBridge(bridge, QStringLiteral("acme"), user))
        return nullptr;
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        return nullptr;
    auto* action = pane.findChild<QAction*>(QStringLiteral("tenantSettingsAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    action->trigger();
    auto* d = pane.findChild<ui::TenantSettingsDialog*>(QStringLiteral("tenantSettingsDialog"));
    if (!d || !QTest::qWaitForWindowExposed(d))
        return nullptr;
    QSignalSpy loaded(d, &ui::TenantSettingsDialog::loaded);
    if (!d->isLoaded() && !loaded.wait(kAnswerMs))
        return nullptr;
    return d;
}

QStringList TestTenantSettings::row(ui::TenantSettingsConflictDialog* c, const QString& setting)
{
    const auto items = c->differences()->findItems(setting, Qt::MatchExactly, 0);
    if (items.isEmpty())
        return {};
    QStringList texts;
    for (int i = 0; i < c->differences()->columnCount(); ++i)
        texts << items.first()->text(i);
    return texts;
}

void TestTenantSettings::tenantOwnerChangesIdleTimeoutAndMfa()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    auto* d = open(pane, bridge, QStringLiteral("alice"));
    QVERIFY(d);
    QCOMPARE(spin(d, "idleSpin")->value(), stored().sessionIdleSeconds / 60);
    QVERIFY(spin(d, "idleSpin")->isEnabled());
    QVERIFY(!d->findChild<QLabel*>(QStringLiteral("passwordPolicyLabel"))->text().isEmpty());
    shot(*d, "tenant-settings");

    // An absolute lifetime below the idle timeout is refused before it is sent.
    type(spin(d, "absoluteSpin"), 5);
    QVERIFY(!button(d, "saveButton")->isEnabled());
    QVERIFY(d->error().contains(QLatin1String("idle timeout")));
    type(spin(d, "absoluteSpin"), 600);
    QVERIFY(button(d, "saveButton")->isEnabled());
    QVERIFY(d->error().isEmpty());

    type(spin(d, "idleSpin"), 20);
    QTest::mouseClick(d->findChild<QCheckBox*>(QStringLiteral("mfaCheck")), Qt::LeftButton);
    QVERIFY(d->findChild<QCheckBox*>(QStringLiteral("mfaCheck"))->isChecked());
    QPointer<ui::TenantSettingsDialog> guard(d);
    QTest::mouseClick(button(d, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);

    QCOMPARE(stored().sessionIdleSeconds, 20 * 60);
    QCOMPARE(stored().sessionAbsoluteSeconds, 600 * 60);
    QVERIFY(stored().requireMfaForAdmins);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("settings.update"), m_f->tenantA));
    QVERIFY(pane.message().contains(QLatin1String("acme")));
}

void TestTenantSettings::conflictShowsTheirsThenReloadOrOverwrite()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("olga"), authz::builtin::kTenantOwner).isEmpty());
    const service::Caller olga = m_f->signIn(QStringLiteral("acme"), QStringLiteral("olga"));
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    auto* d = open(pane, bridge, QStringLiteral("alice"));
    QVERIFY(d);
    const tenancy::TenantSettings opened = stored();

    // Olga changes them meanwhile, through the API's door.
    tenancy::TenantSettings theirs = opened;
    theirs.sessionIdleSeconds = 45 * 60;
    theirs.lockoutThreshold = 7;
    QVERIFY(m_f->cp->updateTenantSettings(olga, m_f->tenantA, theirs));

    type(spin(d, "idleSpin"), 20);
    QPointer<ui::TenantSettingsDialog> form(d);
    QTest::mouseClick(button(d, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!form || conflict(d), kAnswerMs);
    QVERIFY2(form, "saved over someone else's change");
    auto* c = conflict(d);
    QVERIFY(QTest::qWaitForWindowExposed(c));
    QCOMPARE(c->windowTitle(), QStringLiteral("Someone else changed these settings"));
    // Nothing of hers was lost, and the refusal is in the audit.
    QCOMPARE(stored(), theirs);
    bool refused = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("settings.update")))
        refused |= e.source == QLatin1String("gui") && e.outcome != QLatin1String("success");
    QVERIFY(refused);
    // Setting, when opened, theirs, yours.
    QCOMPARE(row(c, QStringLiteral("Idle timeout")),
             QStringList({QStringLiteral("Idle timeout"), QStringLiteral("30 minute(s)"),
                          QStringLiteral("45 minute(s)"), QStringLiteral("20 minute(s)")}));
    QCOMPARE(row(c, QStringLiteral("Lock after")).value(2), QStringLiteral("7 failure(s)"));
    QCOMPARE(row(c, QStringLiteral("Lock after")).value(3), QStringLiteral("5 failure(s)"));
    QVERIFY(row(c, QStringLiteral("Lock for")).isEmpty()); // unchanged by anyone: not a difference
    shot(*c, "tenant-settings-conflict");

    // Reload: the form shows theirs, and is based on them.
    QTest::mouseClick(button(c, "reloadButton"), Qt::LeftButton);
    QTRY_VERIFY(!conflict(d));
    QCOMPARE(spin(d, "idleSpin")->value(), 45);
    QCOMPARE(spin(d, "thresholdSpin")->value(), 7);
    QCOMPARE(d->base(), theirs);

    // Mine again, and again she is faster; this time: Overwrite.
    type(spin(d, "idleSpin"), 25);
    tenancy::TenantSettings again = theirs;
    again.lockoutThreshold = 9;
    QVERIFY(m_f->cp->updateTenantSettings(olga, m_f->tenantA, again));
    QTest::mouseClick(button(d, "saveButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(conflict(d), kAnswerMs);
    QCOMPARE(row(conflict(d), QStringLiteral("Lock after")).value(2), QStringLiteral("9 failure(s)"));
    QPointer<ui::TenantSettingsDialog> guard(d);
    QTest::mouseClick(button(conflict(d), "overwriteButton"), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);
    QCOMPARE(stored().sessionIdleSeconds, 25 * 60);
    QCOMPARE(stored().lockoutThreshold, 7); // what the form held
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("settings.update"), m_f->tenantA));
}

void TestTenantSettings::securityReviewerSeesTheFormReadOnly()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    auto* d = open(pane, bridge, QStringLiteral("rita"));
    QVERIFY(d);
    QVERIFY(d->isReadOnly());
    QCOMPARE(spin(d, "idleSpin")->value(), stored().sessionIdleSeconds / 60);
    for (const char* name : {"idleSpin", "absoluteSpin", "thresholdSpin", "lockoutSpin"}) {
        QVERIFY2(!spin(d, name)->isEnabled(), name);
        QVERIFY2(spin(d, name)->toolTip().contains(QLatin1String("settings.write")), name);
    }
    auto* mfa = d->findChild<QCheckBox*>(QStringLiteral("mfaCheck"));
    QVERIFY(!mfa->isEnabled());
    QVERIFY(mfa->toolTip().contains(QLatin1String("settings.write")));
    QVERIFY(!button(d, "saveButton")->isVisible());
    QVERIFY(d->findChild<QLabel*>(QStringLiteral("readOnlyNote"))->isVisible());
    shot(*d, "tenant-settings-read-only");

    // Esc closes it.
    QPointer<ui::TenantSettingsDialog> guard(d);
    QTest::keyClick(d, Qt::Key_Escape);
    QTRY_VERIFY(!guard);
}

void TestTenantSettings::updateWithExpectedIsACompareAndSet()
{
    const service::Caller alice = m_f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const tenancy::TenantSettings before = stored();
    tenancy::TenantSettings stale = before;
    stale.lockoutThreshold = before.lockoutThreshold + 1;
    tenancy::TenantSettings mine = before;
    mine.sessionIdleSeconds = 10 * 60;

    auto refused = m_f->cp->updateTenantSettings(alice, m_f->tenantA, mine, stale);
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Stale);
    QCOMPARE(stored(), before);

    QVERIFY(m_f->cp->updateTenantSettings(alice, m_f->tenantA, mine, before));
    QCOMPARE(stored(), mine);
}

QTEST_MAIN(TestTenantSettings)
#include "TestTenantSettings.moc"
