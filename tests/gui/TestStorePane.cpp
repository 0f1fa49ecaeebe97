#include "MainWindow.h"
#include "StorePane.h"
#include "TestSupport.h"

#include <QFormLayout>
#include <QLabel>
#include <QListWidget>
#include <QTranslator>
#include <QtTest>

using namespace gatehouse;

class TestStorePane : public QObject
{
    Q_OBJECT
private slots:
    void mainWindowShowsTheOpenStore();
    void paneShowsWhatItIsGiven();
    void germanTranslationIsEmbedded();
};

void TestStorePane::mainWindowShowsTheOpenStore()
{
    QTemporaryDir tmp;
    auto store = test::createFileStore(tmp.filePath(QStringLiteral("data")), tmp.filePath(QStringLiteral("k")));
    QVERIFY(store);
    ui::MainWindow window(*store.value());
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));

    auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    QVERIFY(nav);
    QCOMPARE(nav->count(), 1);
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

void TestStorePane::germanTranslationIsEmbedded()
{
    QTranslator translator;
    QVERIFY(translator.load(QStringLiteral(":/i18n/gatehouse_de.qm")));
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
    QVERIFY2(labels.contains(QStringLiteral("Datenverzeichnis")), qPrintable(labels.join(QLatin1Char(','))));
}

QTEST_MAIN(TestStorePane)
#include "TestStorePane.moc"
