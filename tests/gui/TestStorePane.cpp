#include "AdministratorDialog.h"
#include "StorePane.h"
#include "TestSupport.h"
#include "console/ConsoleBridge.h"
#include "service/ControlPlane.h"
#include "shell/MainWindow.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStandardPaths>
#include <QTranslator>
#include <QtTest>

using namespace gatehouse;

class TestStorePane : public QObject
{
    Q_OBJECT
private slots:
    void mainWindowShowsTheOpenStore();
    void paneShowsWhatItIsGiven();
    void translationsAreEmbedded_data();
    void translationsAreEmbedded();
    void firstRunCreatesThePlatformAdministrator();
};

void TestStorePane::mainWindowShowsTheOpenStore()
{
    QTemporaryDir tmp;
    auto store = test::createFileStore(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("k")));
    QVERIFY(store);
    QStandardPaths::setTestModeEnabled(true);
    service::ControlPlane cp(*store.value());
    QVERIFY(cp.load());
    ui::ConsoleBridge bridge(cp);
    ui::MainWindow window(bridge);
    auto status = store.value()->status();
    QVERIFY(status);
    window.showStoreStatus(status.value());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QCOMPARE(nav->count(), 7);
    QCOMPARE(nav->item(5)->text(), QStringLiteral("Audit"));
    QCOMPARE(nav->item(6)->text(), QStringLiteral("Trust Boundaries"));
    auto label = [&window](const char* name) {
        auto* l = window.findChild<QLabel*>(QLatin1String(name));
        return l ? l->text() : QStringLiteral("<missing %1>").arg(QLatin1String(name));
    };
    QCOMPARE(label("storeIdLabel"), store.value()->config().storeId);
    QVERIFY(label("encryptionLabel").contains(QLatin1String("AES-256-CBC")));
    QVERIFY(label("encryptionLabel").contains(QLatin1String("page size 4096")));
    QVERIFY(label("durabilityLabel").contains(QLatin1String("journal wal")));
    QVERIFY(label("custodyLabel").contains(QLatin1String("key file")));
    QCOMPARE(label("integrityLabel"), QStringLiteral("ok"));
    // The status bar names the encryption and the key custody too.
    QVERIFY(label("storeLabel").contains(QLatin1String("key file")));
}

void TestStorePane::paneShowsWhatItIsGiven()
{
    store::StoreStatus s;
    s.storeId = QStringLiteral("id-1");
    s.schemaVersion = 1;
    s.latestSchemaVersion = 2;
    s.integrity = QStringLiteral("ok");
    ui::StorePane pane;
    pane.showStatus(s);
    QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("schemaLabel"))->text(),
             QStringLiteral("1 (this build supports 2)"));
    QCOMPARE(pane.findChild<QLabel*>(QStringLiteral("storeIdLabel"))->text(), QStringLiteral("id-1"));
}

void TestStorePane::translationsAreEmbedded_data()
{
    QTest::addColumn<QString>("language");
    QTest::addColumn<QString>("dataDirectory");
    QTest::newRow("de") << QStringLiteral("de") << QStringLiteral("Datenverzeichnis");
    QTest::newRow("fr") << QStringLiteral("fr") << QStringLiteral("Répertoire de données");
}

void TestStorePane::translationsAreEmbedded()
{
    QFETCH(QString, language);
    QFETCH(QString, dataDirectory);
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/gatehouse_%1.qm").arg(language)));
    QVERIFY(QCoreApplication::installTranslator(&translator));
    ui::StorePane pane;
    auto* form = pane.findChild<QFormLayout*>();
    QVERIFY(form);
    QStringList labels;
    for (int row = 0; row < form->rowCount(); ++row) {
        if (auto* item = form->itemAt(row, QFormLayout::LabelRole))
            labels << qobject_cast<QLabel*>(item->widget())->text();
    }
    QCoreApplication::removeTranslator(&translator);
    QVERIFY2(labels.contains(dataDirectory), qPrintable(labels.join(QLatin1Char(','))));
}

void TestStorePane::firstRunCreatesThePlatformAdministrator()
{
    QTemporaryDir tmp;
    auto store = test::createFileStore(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("k")));
    QVERIFY(store);
    service::ControlPlane cp(*store.value());
    QVERIFY(cp.load());
    QVERIFY(!cp.hasPlatformOwner());
    ui::AdministratorDialog dialog(cp);
    dialog.show();
    auto* user = dialog.findChild<QLineEdit*>(QStringLiteral("usernameEdit"));
    auto* password = dialog.findChild<QLineEdit*>(QStringLiteral("passwordEdit"));
    auto* repeat = dialog.findChild<QLineEdit*>(QStringLiteral("repeatEdit"));
    auto* error = dialog.findChild<QLabel*>(QStringLiteral("errorLabel"));
    auto* buttons = dialog.findChild<QDialogButtonBox*>(QStringLiteral("buttons"));
    QVERIFY(user && password && repeat && error && buttons);
    // A common password: refused, the dialog stays, nothing created.
    user->setText(QStringLiteral("root"));
    QTest::keyClicks(password, QStringLiteral("password1234"));
    QTest::keyClicks(repeat, QStringLiteral("password1234"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->text().contains(QLatin1String("commonly used")));
    QVERIFY(password->text().isEmpty());
    QVERIFY(!cp.hasPlatformOwner());
    // Mismatch.
    QTest::keyClicks(password, QStringLiteral("a sturdy admin passphrase"));
    QTest::keyClicks(repeat, QStringLiteral("a sturdy admin passphrase!"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QVERIFY(error->text().contains(QLatin1String("differ")));
    // Good.
    QTest::keyClicks(password, QStringLiteral("a sturdy admin passphrase"));
    QTest::keyClicks(repeat, QStringLiteral("a sturdy admin passphrase"));
    QTest::mouseClick(buttons->button(QDialogButtonBox::Ok), Qt::LeftButton);
    QTRY_VERIFY(!dialog.isVisible());
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    QVERIFY(cp.hasPlatformOwner());
    QVERIFY(cp.signIn(service::Caller::withToken({}), QString(), QStringLiteral("root"),
                      SecureBytes(reinterpret_cast<const unsigned char*>("a sturdy admin passphrase"), 25)));
    auto events = cp.searchAudit(service::Caller::system(), {});
    QVERIFY(events);
    bool fromGui = false;
    for (const auto& e : events.value().events)
        fromGui |= e.action == QLatin1String("platform.bootstrap") && e.source == QLatin1String("gui") &&
                   e.outcome == QLatin1String("success");
    QVERIFY(fromGui);
}

QTEST_MAIN(TestStorePane)
#include "TestStorePane.moc"
