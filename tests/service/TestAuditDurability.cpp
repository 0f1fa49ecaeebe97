// Crash consistency and failure behaviour of the audited write path, with a real child process:
// - killed with SIGKILL at random moments (25 times): no acknowledged event is lost (changes, and reads whose
//   records were group-committed), the store passes
//   PRAGMA integrity_check and the chain verifies; the audit index, killed mid-round or not, passes its own
//   integrity check, matches the log and catches up with it. This proves crash consistency, not power-loss durability
//   (which rests on synchronous = FULL and the disk honouring fsync; see docs/operations.md).
// - a full disk and a read-only file system under a running control plane: changes fail closed with
//   "audit unavailable", reads keep working, and writes resume once space is back.
#include "TestSupport.h"
#include "service/ControlPlane.h"
#include "store/Statement.h"
#include "store/Store.h"

#include <QProcess>
#include <QRandomGenerator>
#include <QtTest>

using namespace gatehouse;

class TestAuditDurability : public QObject
{
    Q_OBJECT
private slots:
    void killedWriterLosesNothing();
    void fullAndReadOnlyDiskFailClosed();
};

void TestAuditDurability::killedWriterLosesNothing()
{
    QTemporaryDir tmp;
    const QString data = tmp.filePath(QStringLiteral("data"));
    const QString key = tmp.filePath(QStringLiteral("key"));
    {
        auto store = test::createFileStore(data, key);
        QVERIFY(store);
    }
    QRandomGenerator rng(QRandomGenerator::global()->generate());
    qint64 acknowledged = 0, kills = 0, totalAcks = 0, readAcks = 0;
    for (int round = 0; round < 25; ++round) {
        QProcess writer;
        writer.start(QStringLiteral(GATEHOUSE_AUDIT_WRITER), {QStringLiteral("write"), data, key});
        QVERIFY(writer.waitForStarted());
        // Let it commit for a random while, then kill it without warning, mid-transaction or not.
        QVERIFY(writer.waitForReadyRead(20000));
        QTest::qWait(int(rng.bounded(5, 150)));
        writer.kill();
        QVERIFY(writer.waitForFinished(20000));
        ++kills;
        QList<qint64> acks;
        for (const QByteArray& line : writer.readAllStandardOutput().split('\n')) {
            if (line.startsWith("ack "))
                acks << line.mid(4).toLongLong();
            else if (line == "read")
                ++readAcks;
            else
                QVERIFY2(line.isEmpty(), line.constData());
        }
        totalAcks += acks.size();
        auto store = store::Store::open(data, test::keyFileOptions(key));
        QVERIFY2(store, store ? "" : qPrintable(store.error().message));
        QCOMPARE(store.value()->database().pragma("PRAGMA integrity_check;").value(), QStringLiteral("ok"));
        for (qint64 seq : acks) {
            auto s = store.value()->database().prepare("SELECT count(*) FROM audit_events WHERE seq = ?;");
            s.value().bind(1, seq);
            QVERIFY(s.value().step().value());
            QVERIFY2(s.value().int64(0) == 1, qPrintable(QStringLiteral("acknowledged event %1 is missing").arg(seq)));
        }
        if (!acks.isEmpty())
            acknowledged = std::max(acknowledged, acks.last());
        // Every read that returned has its record too (reads' records are group-committed, and a read returns only
        // once its record is synced).
        {
            auto reads =
                store.value()->database().pragma("SELECT count(*) FROM audit_events WHERE action = 'workspace.read';");
            QVERIFY(reads);
            QVERIFY2(reads.value().toLongLong() >= readAcks,
                     qPrintable(QStringLiteral("%1 reads returned, %2 recorded").arg(readAcks).arg(reads.value())));
        }
        service::ControlPlane cp(*store.value());
        QVERIFY(cp.load());
        auto report = cp.verifyAudit(service::Caller::system());
        QVERIFY(report);
        QVERIFY2(report.value().intact, qPrintable(report.value().message));
        // The audit index, killed mid-round or not, is whole and catches up with the log from its mark.
        QCOMPARE(report.value().indexProblems, qint64(0));
        QVERIFY(cp.auditIndex());
        QVERIFY(cp.auditIndex()->waitForLag(0, 60000));
        auto last = store.value()->database().pragma("SELECT max(seq) FROM audit_events;");
        QVERIFY(last);
        QCOMPARE(cp.auditIndex()->indexedSeq(), last.value().toLongLong());
        auto consistency = cp.auditIndex()->check();
        QVERIFY(consistency);
        QVERIFY(consistency.value().consistent());
        {
            auto index = store::Database::open(store.value()->auditIndexPath(),
                                               store.value()->deriveKey("gatehouse/audit-index").value(),
                                               store::Database::OpenMode::OpenExisting);
            QVERIFY(index);
            QCOMPARE(index.value()->pragma("PRAGMA integrity_check;").value(), QStringLiteral("ok"));
        }
    }
    qInfo("%lld kills, %lld acknowledged commits and %lld returned reads, all present; last acknowledged event %lld",
          kills, totalAcks, readAcks, acknowledged);
    QVERIFY(totalAcks > 25);
}

void TestAuditDurability::fullAndReadOnlyDiskFailClosed()
{
    if (!test::isRoot())
        QSKIP("needs root for a private tmpfs (a real ENOSPC) and the immutable flag; CI runs as root");
    QTemporaryDir tmp;
    const QString mnt = tmp.filePath(QStringLiteral("mnt"));
    QVERIFY(QDir().mkpath(mnt));
    // A real ENOSPC: a 2 MiB tmpfs in a private mount namespace, filled to the last byte under the writer.
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("WRITER"), QStringLiteral(GATEHOUSE_AUDIT_WRITER));
    env.insert(QStringLiteral("GATEHOUSED"), QStringLiteral(GATEHOUSED_PATH));
    env.insert(QStringLiteral("MNT"), mnt);
    p.setProcessEnvironment(env);
    p.setProcessChannelMode(QProcess::MergedChannels);
    p.start(QStringLiteral("unshare"),
            {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"),
             QStringLiteral("mount -t tmpfs -o size=2m tmpfs \"$MNT\" && "
                            "\"$GATEHOUSED\" init --data-dir \"$MNT/data\" --key-file \"$MNT/key\" > /dev/null && "
                            "\"$WRITER\" faults \"$MNT/data\" \"$MNT/key\" \"$MNT/filler\"")});
    QVERIFY(p.waitForFinished(120000));
    const QString out = QString::fromUtf8(p.readAll());
    QVERIFY2(p.exitCode() == 0, qPrintable(out));
    auto line = [&out](const char* key) {
        for (const QString& l : out.split(QLatin1Char('\n'))) {
            if (l.startsWith(QLatin1String(key) + QLatin1Char(' ')))
                return l.mid(int(qstrlen(key)) + 1);
        }
        return QStringLiteral("<missing>");
    };
    QCOMPARE(line("before"), QStringLiteral("ok"));
    QCOMPARE(line("full-write"), QStringLiteral("audit_unavailable")); // fail closed: not applied
    QCOMPARE(line("full-available"), QStringLiteral("0"));
    QVERIFY2(line("full-read").startsWith(QLatin1String("ok")), qPrintable(out)); // still up for reads
    QCOMPARE(line("full-unchanged"), QStringLiteral("1"));
    QCOMPARE(line("after-write"), QStringLiteral("ok"));
    QCOMPARE(line("after-available"), QStringLiteral("1"));

    // Read-only underneath a running store: its files made immutable (ext4; as root).
    const QString data = tmp.filePath(QStringLiteral("data"));
    const QString key = tmp.filePath(QStringLiteral("key"));
    QVERIFY(test::createFileStore(data, key));
    QProcess ro;
    ro.setProcessChannelMode(QProcess::MergedChannels);
    ro.start(QStringLiteral(GATEHOUSE_AUDIT_WRITER), {QStringLiteral("readonly"), data, key});
    QVERIFY(ro.waitForFinished(120000));
    const QString roOut = QString::fromUtf8(ro.readAll());
    QVERIFY2(ro.exitCode() == 0, qPrintable(roOut));
    if (roOut.contains(QLatin1String("unsupported")))
        QSKIP("the file system of the temporary directory has no immutable flag");
    auto roLine = [&roOut](const char* name) {
        for (const QString& l : roOut.split(QLatin1Char('\n'))) {
            if (l.startsWith(QLatin1String(name) + QLatin1Char(' ')))
                return l.mid(int(qstrlen(name)) + 1);
        }
        return QStringLiteral("<missing>");
    };
    QCOMPARE(roLine("before"), QStringLiteral("ok"));
    QCOMPARE(roLine("ro-write"), QStringLiteral("audit_unavailable"));
    QCOMPARE(roLine("ro-available"), QStringLiteral("0"));
    QVERIFY2(roLine("ro-read").startsWith(QLatin1String("ok before")), qPrintable(roOut));
    QCOMPARE(roLine("after-write"), QStringLiteral("ok"));
}

QTEST_GUILESS_MAIN(TestAuditDurability)
#include "TestAuditDurability.moc"
