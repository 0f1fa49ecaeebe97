// Master-key rotation, including a SIGKILL at every step: the store always opens (with the old or the new key,
// and `status` says which), finishes the rotation the next time it is loaded, and loses nothing.
#include "ControlPlaneFixture.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

struct Run
{
    int exitCode = -1;
    bool crashed = false;
    QString out;
};

Run gatehoused(const QStringList& args, const QString& crashPoint = {})
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (!crashPoint.isEmpty())
        env.insert(QStringLiteral("GATEHOUSE_CRASH_POINT"), crashPoint);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral(GATEHOUSED_PATH), args);
    p.waitForFinished(60000);
    return {p.exitCode(), p.exitStatus() == QProcess::CrashExit, QString::fromUtf8(p.readAll())};
}

} // namespace

class TestKeyRotation : public QObject
{
    Q_OBJECT
private slots:
    void rotationSurvivesACrashAtEveryStep_data();
    void rotationSurvivesACrashAtEveryStep();
    void refusesUnsafeRequests();
    void passphraseRotationResumesWithBothPassphrases();
};

void TestKeyRotation::rotationSurvivesACrashAtEveryStep_data()
{
    QTest::addColumn<QString>("crashAt");
    QTest::newRow("no crash") << QString();
    QTest::newRow("after the new key is recorded") << QStringLiteral("rotate-after-begin");
    QTest::newRow("after tenant and audit keys are re-wrapped") << QStringLiteral("rotate-after-rewrap");
    QTest::newRow("after the database is re-keyed") << QStringLiteral("rotate-after-rekey");
    QTest::newRow("after store.json names the new key") << QStringLiteral("rotate-after-switch");
}

void TestKeyRotation::rotationSurvivesACrashAtEveryStep()
{
    QFETCH(QString, crashAt);
    QTemporaryDir tmp;
    const QString data = tmp.filePath(QStringLiteral("data"));
    const QString oldKey = tmp.filePath(QStringLiteral("old.key"));
    const QString newKey = tmp.filePath(QStringLiteral("new.key"));
    QString tenant, ws;
    {
        auto store = createFileStore(data, oldKey);
        QVERIFY(store);
        service::ControlPlane cp(*store.value());
        QVERIFY(cp.load());
        const auto system = service::Caller::system();
        tenant = cp.createTenant(system, QStringLiteral("acme"), QStringLiteral("Acme"), QStringLiteral("alice"),
                                 secret(kPassword))
                     .value()
                     .id;
        ws = cp.createWorkspace(system, tenant, QStringLiteral("prod"), QStringLiteral("Prod")).value().id;
        QVERIFY(cp.createSecret(system, tenant, ws, {QStringLiteral("db/pw"), {}, {}, 0, 0}, secret("the-value-1234")));
    }
    const Run rotate = gatehoused({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--data-dir"), data,
                                   QStringLiteral("--new-key-file"), newKey},
                                  crashAt);
    if (crashAt.isEmpty()) {
        QVERIFY2(rotate.exitCode == 0 && !rotate.crashed, qPrintable(rotate.out));
    } else {
        QVERIFY2(rotate.crashed, qPrintable(rotate.out));
    }
    // Whatever happened, the store opens and says where it stands.
    const Run status =
        gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), data, QStringLiteral("--json")});
    QVERIFY2(status.exitCode == 0, qPrintable(status.out));
    const QJsonObject s = QJsonDocument::fromJson(status.out.toUtf8()).object();
    QCOMPARE(s.value(QStringLiteral("integrity")).toString(), QStringLiteral("ok"));
    const bool pending = crashAt == QLatin1String("rotate-after-begin") ||
                         crashAt == QLatin1String("rotate-after-rewrap") ||
                         crashAt == QLatin1String("rotate-after-rekey");
    QCOMPARE(!s.value(QStringLiteral("key_rotation")).toString().isEmpty(), pending);
    if (crashAt == QLatin1String("rotate-after-rekey"))
        QVERIFY(s.value(QStringLiteral("key_rotation")).toString().contains(QLatin1String("under the new key")));
    if (crashAt == QLatin1String("rotate-after-begin"))
        QVERIFY(s.value(QStringLiteral("key_rotation")).toString().contains(QLatin1String("under the old key")));

    // Loading the store finishes any rotation; the secret is intact, the audit chain verifies, the new key rules.
    {
        auto store = store::Store::open(data, {});
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        service::ControlPlane cp(*store.value());
        auto loaded = cp.load();
        QVERIFY2(loaded, loaded ? "" : qPrintable(loaded.error().message));
        QVERIFY(!store.value()->rotationPending());
        QCOMPARE(store.value()->config().custody.keyFile, QFileInfo(newKey).absoluteFilePath());
        const auto system = service::Caller::system();
        auto value = cp.revealSecret(system, tenant, ws, QStringLiteral("db/pw"), 0, QStringLiteral("after rotation"));
        QVERIFY2(value, value ? "" : qPrintable(value.error().message));
        QCOMPARE(QByteArray(value.value().chars(), qsizetype(value.value().size())), QByteArray("the-value-1234"));
        auto report = cp.verifyAudit(system);
        QVERIFY(report && report.value().intact);
        audit::AuditQuery q;
        q.actionPrefix = QStringLiteral("key.rotate");
        QCOMPARE(cp.searchAudit(system, q).value().events.size(), 1);
    }
    // The old key opens nothing any more.
    auto withOld = store::Store::open(data, keyFileOptions(oldKey));
    QVERIFY(!withOld);
    QCOMPARE(withOld.error().code, ErrorCode::WrongKey);
}

void TestKeyRotation::refusesUnsafeRequests()
{
    QTemporaryDir tmp;
    const QString data = tmp.filePath(QStringLiteral("data"));
    const QString key = tmp.filePath(QStringLiteral("k"));
    QVERIFY(createFileStore(data, key));
    // The same path, an existing path, no path.
    for (const QStringList& extra : {QStringList{QStringLiteral("--new-key-file"), key}, QStringList{}}) {
        QStringList args{QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--data-dir"), data};
        args << extra;
        const Run r = gatehoused(args);
        QVERIFY2(r.exitCode == 2, qPrintable(r.out));
    }
    // Another process has the store open: refused, nothing changed.
    auto holder = store::Store::open(data, {});
    QVERIFY(holder);
    const QByteArray before = test::fileBytes(store::Store::configPath(data));
    const Run busy = gatehoused({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--data-dir"), data,
                                 QStringLiteral("--new-key-file"), tmp.filePath(QStringLiteral("k2"))});
    QVERIFY2(busy.exitCode != 0, qPrintable(busy.out));
    QVERIFY2(busy.out.contains(QLatin1String("stop it before rotating")), qPrintable(busy.out));
    QCOMPARE(test::fileBytes(store::Store::configPath(data)), before);
    QVERIFY(!QFile::exists(tmp.filePath(QStringLiteral("k2"))));
}

void TestKeyRotation::passphraseRotationResumesWithBothPassphrases()
{
    QTemporaryDir tmp;
    const QString data = tmp.filePath(QStringLiteral("data"));
    const QString p1 = tmp.filePath(QStringLiteral("p1"));
    const QString p2 = tmp.filePath(QStringLiteral("p2"));
    QVERIFY(test::writeBytes(p1, "first long passphrase\n"));
    QVERIFY(test::writeBytes(p2, "second long passphrase\n"));
    const Run init =
        gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), data, QStringLiteral("--key-provider"),
                    QStringLiteral("passphrase"), QStringLiteral("--passphrase-file"), p1});
    QVERIFY2(init.exitCode == 0, qPrintable(init.out));
    const Run crashed =
        gatehoused({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--data-dir"), data,
                    QStringLiteral("--passphrase-file"), p1, QStringLiteral("--new-passphrase-file"), p2},
                   QStringLiteral("rotate-after-rekey"));
    QVERIFY(crashed.crashed);
    // Without the new passphrase the rotation cannot finish, and says so; the store is not lost.
    const Run stuck =
        gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), data, QStringLiteral("--passphrase-file"),
                    p1, QStringLiteral("--new-passphrase-file"), tmp.filePath(QStringLiteral("missing"))});
    QCOMPARE(stuck.exitCode, 6);
    QVERIFY2(stuck.out.contains(QLatin1String("rotation was interrupted")), qPrintable(stuck.out));
    // With both, any command finishes it; afterwards only the new passphrase opens the store.
    const Run finish =
        gatehoused({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), data,
                    QStringLiteral("--passphrase-file"), p1, QStringLiteral("--new-passphrase-file"), p2});
    QVERIFY2(finish.exitCode == 0, qPrintable(finish.out));
    const Run withNew = gatehoused(
        {QStringLiteral("status"), QStringLiteral("--data-dir"), data, QStringLiteral("--passphrase-file"), p2});
    QVERIFY2(withNew.exitCode == 0 && !withNew.out.contains(QLatin1String("key rotation")), qPrintable(withNew.out));
    const Run withOld = gatehoused(
        {QStringLiteral("status"), QStringLiteral("--data-dir"), data, QStringLiteral("--passphrase-file"), p1});
    QCOMPARE(withOld.exitCode, 4);
}

QTEST_GUILESS_MAIN(TestKeyRotation)
#include "TestKeyRotation.moc"
