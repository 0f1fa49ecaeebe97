// `gatehouse --demo` from the desktop: the demo store made behind a progress dialog, opened with its key file,
// its accounts' passwords in a private file; Cancel leaves nothing behind; an earlier demo's passwords file is
// never replaced.
#include "TestSupport.h"
#include "service/ControlPlane.h"
#include "shell/DemoLauncher.h"

#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>

#include <sys/stat.h>

using namespace gatehouse;
using namespace gatehouse::test;
using ui::DemoLauncher;

namespace {

// Cancels the demo's progress dialog as soon as it shows, as a user pressing Cancel would.
void cancelWhenShown()
{
    auto* poll = new QTimer;
    QObject::connect(poll, &QTimer::timeout, poll, [poll] {
        for (QWidget* w : QApplication::topLevelWidgets()) {
            auto* dialog = qobject_cast<QProgressDialog*>(w);
            if (dialog && dialog->objectName() == QLatin1String("demoProgress") && dialog->isVisible()) {
                auto* cancel = dialog->findChild<QPushButton*>();
                QVERIFY(cancel);
                cancel->click();
                poll->deleteLater();
                return;
            }
        }
    });
    poll->start(1);
}

int modeOf(const QString& path)
{
    struct stat st
    {};
    return ::stat(QFile::encodeName(path).constData(), &st) == 0 ? int(st.st_mode & 0777) : -1;
}

} // namespace

class TestDemoLauncher : public QObject
{
    Q_OBJECT
private slots:
    void placesSitBesideTheStore()
    {
        const auto places = DemoLauncher::placesFor(QStringLiteral("/srv/x/demo"));
        QCOMPARE(places.dataDir, QStringLiteral("/srv/x/demo"));
        QCOMPARE(places.keyFile, QStringLiteral("/srv/x/demo-secrets/master.key"));
        QCOMPARE(places.credentialsFile, QStringLiteral("/srv/x/demo-secrets/demo-users.txt"));
    }

    void makesADemoStoreThatOpensWithItsKey()
    {
        QTemporaryDir dir;
        const auto places = DemoLauncher::placesFor(dir.filePath(QStringLiteral("demo")));
        auto made = DemoLauncher::create(places, 1000, nullptr);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QVERIFY(made.value().store);
        QVERIFY(made.value().events >= 1000);
        made.value().store.reset();

        QCOMPARE(modeOf(places.keyFile), 0600);
        QCOMPARE(modeOf(places.credentialsFile), 0600);
        const QByteArray credentials = fileBytes(places.credentialsFile);
        QVERIFY(credentials.contains("admin"));
        QVERIFY(QFileInfo::exists(dir.filePath(QStringLiteral("demo/tls/server.crt"))));

        auto opened = store::Store::open(places.dataDir, keyFileOptions(places.keyFile));
        QVERIFY2(opened, opened ? "" : qPrintable(opened.error().message));
        service::ControlPlane cp(*opened.value());
        QVERIFY(cp.load());
        QVERIFY(cp.hasPlatformOwner());

        // A second demo in the same place would replace the passwords of the first: refused before anything.
        const auto again = DemoLauncher::placesFor(dir.filePath(QStringLiteral("demo2")));
        auto refused = DemoLauncher::create(again, 1000, nullptr);
        QVERIFY(!refused);
        QCOMPARE(refused.error().code, ErrorCode::AlreadyExists);
        QVERIFY(refused.error().message.contains(places.credentialsFile));
        QVERIFY(!QFileInfo::exists(again.dataDir));
        QCOMPARE(fileBytes(places.credentialsFile), credentials);
    }

    void cancelLeavesNothingBehind()
    {
        QTemporaryDir dir;
        const auto places = DemoLauncher::placesFor(dir.filePath(QStringLiteral("demo")));
        cancelWhenShown();
        auto made = DemoLauncher::create(places, 20000, nullptr);
        QVERIFY2(made, made ? "" : qPrintable(made.error().message));
        QVERIFY(!made.value().store);
        QVERIFY(!QFileInfo::exists(places.dataDir));
        QVERIFY(!QFileInfo::exists(places.keyFile));
        QVERIFY(!QFileInfo::exists(places.credentialsFile));
    }

    void refusesAFolderThatIsNotEmpty()
    {
        QTemporaryDir dir;
        const auto places = DemoLauncher::placesFor(dir.filePath(QStringLiteral("demo")));
        QVERIFY(QDir().mkpath(places.dataDir));
        QVERIFY(writeBytes(places.dataDir + QStringLiteral("/notes.txt"), "mine"));
        auto refused = DemoLauncher::create(places, 1000, nullptr);
        QVERIFY(!refused);
        QVERIFY(refused.error().message.contains(QStringLiteral("--data-dir")));
        QCOMPARE(fileBytes(places.dataDir + QStringLiteral("/notes.txt")), QByteArray("mine"));
        QVERIFY(!QFileInfo::exists(places.keyFile));
    }
};

QTEST_MAIN(TestDemoLauncher)
#include "TestDemoLauncher.moc"
