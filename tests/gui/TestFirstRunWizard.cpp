// The console's first run, by clicking: a fresh store with its key in a key file, the platform administrator with
// an authenticator confirmed from the QR code's secret, recovery codes copied as a marked secret, and a first
// tenant; everything audited with source `gui`. Also the pieces it is made of: the QR code, the strength meter,
// the clipboard that clears itself.
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "core/Encoding.h"
#include "crypto/Totp.h"
#include "shell/FirstRunWizard.h"
#include "widgets/PasswordStrengthMeter.h"
#include "widgets/QrCodeWidget.h"
#include "widgets/SecretClipboard.h"

#include <QAbstractButton>
#include <QCheckBox>
#include <QClipboard>
#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QRadioButton>
#include <QtTest>

using namespace gatehouse;
using ui::FirstRunWizard;

namespace {

const char* kAdminPassword = "plum-orbit-canvas-tide";
const char* kOwnerPassword = "quartz-lantern-meadow-41";

// Clicks the wizard's button as a user would: it must be enabled.
void press(QWizard& wizard, QWizard::WizardButton which)
{
    QAbstractButton* b = wizard.button(which);
    QVERIFY2(b && b->isVisible() && b->isEnabled(), "the button is not there to press");
    QTest::mouseClick(b, Qt::LeftButton);
}

template <typename T> T* child(QWidget& root, const char* name)
{
    T* w = root.findChild<T*>(QString::fromLatin1(name));
    if (!w)
        qWarning("no widget named %s", name);
    return w;
}

// With GATEHOUSE_SCREENSHOT_DIR set (tests/gui/screenshots.sh), each page is saved as a PNG for the docs.
void shot(QWidget& w, const char* name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    w.grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

SecureBytes secret(const char* text)
{
    return SecureBytes(reinterpret_cast<const unsigned char*>(text), std::strlen(text));
}

} // namespace

class TestFirstRunWizard : public QObject
{
    Q_OBJECT
private slots:
    void createsAStoreAdministratorAuthenticatorAndTenant();
    void refusesAFolderThatIsNotEmpty();
    void qrCodeIsARealCode();
    void strengthMeterTellsWeakFromStrong();
    void clipboardIsMarkedAndClearedOnlyWhenUnchanged();
};

void TestFirstRunWizard::createsAStoreAdministratorAuthenticatorAndTenant()
{
    QTemporaryDir tmp;
    const QString dataDir = tmp.filePath(QStringLiteral("data"));
    FirstRunWizard wizard(dataDir);
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DataDirPage));
    QCOMPARE(child<QLineEdit>(wizard, "dataDirEdit")->text(), QDir::toNativeSeparators(dataDir));
    shot(wizard, "first-run-1-data");
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::CustodyPage));

    // A key file beside the data, not in it.
    child<QRadioButton>(wizard, "keyFileRadio")->click();
    QVERIFY(child<QLineEdit>(wizard, "keyFileEdit")->isEnabled());
    QVERIFY(!child<QLineEdit>(wizard, "passphraseEdit")->isEnabled());
    child<QLineEdit>(wizard, "keyFileEdit")->setText(tmp.filePath(QStringLiteral("master.key")));
    shot(wizard, "first-run-2-key");
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AdministratorPage));

    // The policy answers while typing.
    auto* password = child<QLineEdit>(wizard, "adminPasswordEdit");
    auto* repeat = child<QLineEdit>(wizard, "adminRepeatEdit");
    auto* policy = child<QLabel>(wizard, "policyLabel");
    QTest::keyClicks(password, QStringLiteral("short"));
    QVERIFY2(policy->text().contains(QLatin1String("12")), qPrintable(policy->text()));
    password->clear();
    QTest::keyClicks(password, QString::fromLatin1(kAdminPassword));
    QTest::keyClicks(repeat, QStringLiteral("different-but-long"));
    QVERIFY2(policy->text().contains(QLatin1String("differ")), qPrintable(policy->text()));
    repeat->clear();
    QTest::keyClicks(repeat, QString::fromLatin1(kAdminPassword));
    QVERIFY2(policy->text().contains(QLatin1String("meets")), qPrintable(policy->text()));
    shot(wizard, "first-run-3-administrator");
    QVERIFY(!QFileInfo::exists(store::Store::configPath(dataDir)));

    // Creating the store runs off the GUI thread; the wizard moves on by itself.
    QSignalSpy steps(&wizard, &FirstRunWizard::stepFinished);
    press(wizard, QWizard::CommitButton);
    QTRY_COMPARE_WITH_TIMEOUT(steps.size(), 1, 60000);
    QVERIFY2(steps.at(0).at(0).toBool(), qPrintable(child<QLabel>(wizard, "adminError")->text()));
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AuthenticatorPage));
    QVERIFY(wizard.storeCreated());
    QVERIFY(QFileInfo::exists(store::Store::configPath(dataDir)));
    QVERIFY(password->text().isEmpty() && repeat->text().isEmpty());

    // The QR code and the secret beside it; a wrong code is refused, the right one confirms.
    QVERIFY(child<ui::QrCodeWidget>(wizard, "totpQrCode")->modules() >= 21);
    shot(wizard, "first-run-4-authenticator");
    const QString shown = child<QLabel>(wizard, "totpSecretLabel")->text();
    const auto key = encoding::fromBase32(QString(shown).remove(QLatin1Char(' ')));
    QVERIFY2(key && key->size() >= 20, qPrintable(shown));
    const QString right = crypto::totp::code(*key, crypto::totp::stepAt(QDateTime::currentMSecsSinceEpoch()));
    const QString wrong = right == QLatin1String("000000") ? QStringLiteral("111111") : QStringLiteral("000000");
    QTest::keyClicks(child<QLineEdit>(wizard, "totpCodeEdit"), wrong);
    press(wizard, QWizard::CommitButton);
    QTRY_COMPARE_WITH_TIMEOUT(steps.size(), 2, 30000);
    QVERIFY(!steps.at(1).at(0).toBool());
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::AuthenticatorPage));
    QVERIFY(child<QLabel>(wizard, "totpError")->isVisible());
    QTest::keyClicks(child<QLineEdit>(wizard, "totpCodeEdit"), right);
    press(wizard, QWizard::CommitButton);
    QTRY_COMPARE_WITH_TIMEOUT(steps.size(), 3, 30000);
    QVERIFY2(steps.at(2).at(0).toBool(), qPrintable(child<QLabel>(wizard, "totpError")->text()));
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::RecoveryCodesPage));

    // Ten recovery codes, copied as a secret for clipboard managers; the page waits until they are stored.
    const QStringList codes = child<QPlainTextEdit>(wizard, "recoveryCodesView")->toPlainText().split(u'\n');
    QCOMPARE(codes.size(), 10);
    shot(wizard, "first-run-5-recovery-codes");
    child<QAbstractButton>(wizard, "copyCodesButton")->click();
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), codes.join(u'\n'));
    QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    QVERIFY(!wizard.button(QWizard::NextButton)->isEnabled());
    child<QCheckBox>(wizard, "codesStoredCheck")->click();
    QVERIFY(wizard.button(QWizard::NextButton)->isEnabled());
    press(wizard, QWizard::NextButton);
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::TenantPage));
    // Leaving the page cleared the copy.
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    // The first tenant, made by the administrator.
    child<QCheckBox>(wizard, "createTenantCheck")->click();
    QTest::keyClicks(child<QLineEdit>(wizard, "tenantNameEdit"), QStringLiteral("acme"));
    QTest::keyClicks(child<QLineEdit>(wizard, "tenantDisplayEdit"), QStringLiteral("Acme"));
    QTest::keyClicks(child<QLineEdit>(wizard, "ownerUsernameEdit"), QStringLiteral("alice"));
    QTest::keyClicks(child<QLineEdit>(wizard, "ownerPasswordEdit"), QString::fromLatin1(kOwnerPassword));
    QTest::keyClicks(child<QLineEdit>(wizard, "ownerRepeatEdit"), QString::fromLatin1(kOwnerPassword));
    shot(wizard, "first-run-6-tenant");
    press(wizard, QWizard::FinishButton);
    QTRY_COMPARE_WITH_TIMEOUT(steps.size(), 4, 30000);
    QVERIFY2(steps.at(3).at(0).toBool(), qPrintable(child<QLabel>(wizard, "tenantError")->text()));
    QTRY_COMPARE(wizard.result(), int(QDialog::Accepted));

    // What the wizard made is real: the administrator needs the second factor now, the tenant exists, and the
    // audit trail says it came through the console.
    auto outcome = wizard.takeOutcome();
    QVERIFY(outcome.store && outcome.controlPlane);
    QVERIFY(!outcome.sessionToken.isEmpty());
    service::ControlPlane& cp = *outcome.controlPlane;
    service::Caller anonymous;
    anonymous.source = service::Source::Gui;
    anonymous.address = QStringLiteral("local");
    QVERIFY(!cp.signIn(anonymous, {}, QStringLiteral("admin"), secret(kAdminPassword)));
    QVERIFY(cp.signIn(anonymous, {}, QStringLiteral("admin"), secret(kAdminPassword), codes.first()));
    const service::Caller admin =
        service::Caller::withToken(outcome.sessionToken, service::Source::Gui, QStringLiteral("local"));
    const auto tenants = cp.listTenants(admin);
    QVERIFY(tenants);
    QCOMPARE(tenants.value().size(), 1);
    QCOMPARE(tenants.value().first().name, QStringLiteral("acme"));
    QVERIFY(cp.signIn(anonymous, QStringLiteral("acme"), QStringLiteral("alice"), secret(kOwnerPassword)));

    audit::AuditQuery q;
    q.platform = true;
    q.limit = 200;
    const auto page = audit::AuditLog(outcome.store->database()).search(q);
    QVERIFY(page);
    QSet<QString> guiActions;
    for (const audit::AuditEvent& e : page.value().events) {
        if (e.source == QLatin1String("gui") && e.outcome == QLatin1String("success"))
            guiActions.insert(e.action);
    }
    for (const char* action : {"platform.bootstrap", "auth.signin", "user.mfa.enable", "tenant.create"})
        QVERIFY2(guiActions.contains(QLatin1String(action)), action);
}

void TestFirstRunWizard::refusesAFolderThatIsNotEmpty()
{
    QTemporaryDir tmp;
    QFile other(tmp.filePath(QStringLiteral("something-else.txt")));
    QVERIFY(other.open(QIODevice::WriteOnly));
    other.close();
    FirstRunWizard wizard(tmp.path());
    wizard.show();
    QVERIFY(QTest::qWaitForWindowExposed(&wizard));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DataDirPage));
    auto* error = child<QLabel>(wizard, "dataDirError");
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QLatin1String("not empty")), qPrintable(error->text()));
    // A relative path is refused with an example of a full one.
    child<QLineEdit>(wizard, "dataDirEdit")->setText(QStringLiteral("relative/dir"));
    wizard.next();
    QCOMPARE(wizard.currentId(), int(FirstRunWizard::DataDirPage));
    QVERIFY2(error->text().contains(QLatin1String("full path")), qPrintable(error->text()));
}

void TestFirstRunWizard::qrCodeIsARealCode()
{
    ui::QrCodeWidget qr;
    QVERIFY(qr.setText(QStringLiteral("otpauth://totp/Gatehouse:admin?secret=JBSWY3DPEHPK3PXP&issuer=Gatehouse")));
    const int n = qr.modules();
    QVERIFY(n >= 25 && (n - 17) % 4 == 0); // a QR version's side: 17 + 4 * version
    // The three finder patterns: a dark 7x7 ring, a light ring inside, a dark 3x3 centre.
    for (const QPoint origin : {QPoint(0, 0), QPoint(n - 7, 0), QPoint(0, n - 7)}) {
        for (int i = 0; i < 7; ++i) {
            QVERIFY(qr.isDark(origin.x() + i, origin.y()));
            QVERIFY(qr.isDark(origin.x(), origin.y() + i));
        }
        QVERIFY(!qr.isDark(origin.x() + 1, origin.y() + 1));
        QVERIFY(qr.isDark(origin.x() + 3, origin.y() + 3));
    }
    // The fourth corner has none.
    QVERIFY(
        !(qr.isDark(n - 1, n - 1) && qr.isDark(n - 7, n - 1) && qr.isDark(n - 1, n - 7) && !qr.isDark(n - 2, n - 2)));
    qr.clear();
    QCOMPARE(qr.modules(), 0);
}

void TestFirstRunWizard::strengthMeterTellsWeakFromStrong()
{
    using S = ui::PasswordStrengthMeter::Strength;
    ui::PasswordStrengthMeter meter;
    meter.estimate({});
    QCOMPARE(meter.strength(), S::Empty);
    meter.estimate(QStringLiteral("password1"));
    QCOMPARE(meter.strength(), S::Weak);
    meter.estimate(QStringLiteral("gatehouse2026"), {QStringLiteral("gatehouse")});
    QCOMPARE(meter.strength(), S::Weak);
    meter.estimate(QStringLiteral("velvet-orbit-harbour-quince-lantern-82"));
    QVERIFY2(meter.strength() >= S::Good, qPrintable(QString::number(meter.bits())));
    QVERIFY(meter.bits() > ui::PasswordStrengthMeter::entropyBits(QStringLiteral("password1")));
}

void TestFirstRunWizard::clipboardIsMarkedAndClearedOnlyWhenUnchanged()
{
    ui::SecretClipboard clipboard;
    QSignalSpy cleared(&clipboard, &ui::SecretClipboard::cleared);
    clipboard.copy(QStringLiteral("canary-value-1"), 50);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("canary-value-1"));
    QVERIFY(clipboard.remainingMs() > 0);
    QTRY_COMPARE(cleared.size(), 1);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    // Something else copied meanwhile stays.
    clipboard.copy(QStringLiteral("canary-value-2"), 50);
    QGuiApplication::clipboard()->setText(QStringLiteral("the user's own text"));
    QTRY_COMPARE(cleared.size(), 2);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("the user's own text"));
    QCOMPARE(clipboard.remainingMs(), -1);
}

QTEST_MAIN(TestFirstRunWizard)
#include "TestFirstRunWizard.moc"
