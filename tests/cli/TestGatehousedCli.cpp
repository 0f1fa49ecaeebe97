// Drives the real gatehoused binary as a user or a script would, checking messages, exit codes, and that
// nothing on disk changes when a command is refused. Runs inside a private keyring session (ctest does this).
#include "AuditTamper.h"
#include "PlainSqlite.h"
#include "TestSupport.h"
#include "service/ControlPlane.h"
#include "store/Migrations.h"
#include "store/Statement.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSslCertificate>
#include <QTcpSocket>
#include <QtTest>

#include <poll.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/un.h>
#include <unistd.h>

using namespace gatehouse;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args,
        const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    QProcess p;
    p.setProcessEnvironment(env);
    p.start(program, args);
    p.closeWriteChannel();
    Run r;
    if (!p.waitForFinished(120000)) {
        p.kill();
        p.waitForFinished();
        r.err = QStringLiteral("timed out");
        return r;
    }
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

Run gatehoused(const QStringList& args, const QProcessEnvironment& env = QProcessEnvironment::systemEnvironment())
{
    return run(QStringLiteral(GATEHOUSED_PATH), args, env);
}

// Runs gatehoused from a shell snippet (for mounts and limits); "$GATEHOUSED" names the binary.
Run shell(const QString& script, bool inOwnMountNamespace)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSED"), QStringLiteral(GATEHOUSED_PATH));
    if (inOwnMountNamespace)
        return run(QStringLiteral("unshare"),
                   {QStringLiteral("--mount"), QStringLiteral("sh"), QStringLiteral("-c"), script}, env);
    return run(QStringLiteral("sh"), {QStringLiteral("-c"), script}, env);
}

QString describe(const Run& r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}

// Every audit event's sequence number and hash, in order: two stores with the same history agree on it.
QList<std::pair<qint64, QByteArray>> chainOf(store::Store& store)
{
    QList<std::pair<qint64, QByteArray>> out;
    auto s = store.database().prepare("SELECT seq, hash FROM audit_events ORDER BY seq;");
    while (s && s.value().step().value())
        out.append({s.value().int64(0), s.value().blob(1)});
    return out;
}

// Entries of a directory, hidden ones included.
QStringList entriesOf(const QString& dir)
{
    return QDir(dir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System, QDir::Name);
}

// Every file under dir (hidden ones included) with its bytes, to show that nothing changed.
QMap<QString, QByteArray> contentsOf(const QString& dir)
{
    QMap<QString, QByteArray> out;
    QDirIterator it(dir, QDir::Files | QDir::Hidden | QDir::System, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        QFile f(it.next());
        out.insert(it.filePath(), f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray("(unreadable)"));
    }
    return out;
}

// The next datagram on a socket, or nothing after timeoutMs.
[[maybe_unused]] QByteArray nextDatagram(int fd, int timeoutMs)
{
    pollfd p{fd, POLLIN, 0};
    if (::poll(&p, 1, timeoutMs) != 1)
        return {};
    QByteArray buffer(4096, '\0');
    const ssize_t n = ::recv(fd, buffer.data(), size_t(buffer.size()), 0);
    return n > 0 ? buffer.left(n) : QByteArray();
}

} // namespace

#define EXPECT_EXIT(r, code) QVERIFY2((r).exitCode == (code), qPrintable(describe(r)))

class TestGatehousedCli : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void helpDocumentsExitCodes();
    void usageErrors_data();
    void usageErrors();
    void initAndStatusWithKeyFile();
    void statusAsJson();
    void boundariesExitWhenAControlFails();
    void initAndStatusWithKeychain();
    void missingKeychainNamesTheFix();
    void initRefusesExistingStore();
    void wrongKeyLeavesStoreByteIdentical();
    void foreignAndDamagedFiles_data();
    void foreignAndDamagedFiles();
    void insecureKeyFileIsRefused();
    void passphraseFromFileAndEnvironment();
    void newerSchemaIsRefused();
    void readOnlyDirectory();
    void fullDisk();
    void firstPlatformAdministrator();
    void adminPasswordFromEnvironment();
    void refusedAdminPasswordLeavesNothing_data();
    void refusedAdminPasswordLeavesNothing();
    void backupWhileAnotherProcessWrites();
    void tamperedBackupIsRefused_data();
    void tamperedBackupIsRefused();
    void restoreRefusals();
    void backupNeverReplacesAFile();
    void keychainStoreRestoresOnTheSameMachine();
    void demoStore();
    void demoRefusals();
    void auditVerifyExportAndTamper();
    void keychainKeyRotatesTwice();
    void auditGapFailsVerify();
    void auditCheckpointSignsTheHead();
    void sigtermSignsTheNewestEvent();
    void forwardingAddStatusUpdateRemove();
    void initIfAbsentLeavesAStoreAlone();
    void initTakesCertificateNamesFromTheConfigFile();
    void serveNotifiesSystemdOnceListening();

private:
    QString dir(const char* name) const { return m_tmp->filePath(QLatin1String(name)); }
    QStringList fileStoreArgs(const char* command) const
    {
        return {
            QLatin1String(command), QStringLiteral("--data-dir"), dir("data"),      QStringLiteral("--key-provider"),
            QStringLiteral("file"), QStringLiteral("--key-file"), dir("master.key")};
    }
    void initFileStore()
    {
        const Run r = gatehoused(fileStoreArgs("init"));
        EXPECT_EXIT(r, 0);
    }
    std::unique_ptr<QTemporaryDir> m_tmp;
};

void TestGatehousedCli::init()
{
    m_tmp = std::make_unique<QTemporaryDir>();
    QVERIFY(m_tmp->isValid());
}

void TestGatehousedCli::helpDocumentsExitCodes()
{
    const Run r = gatehoused({QStringLiteral("--help")});
    EXPECT_EXIT(r, 0);
    QVERIFY(r.out.contains(QLatin1String("Exit codes:")));
    for (int code = 0; code <= 9; ++code)
        QVERIFY2(r.out.contains(QStringLiteral("\n  %1  ").arg(code)), qPrintable(QString::number(code)));
    QVERIFY(r.out.contains(QLatin1String("\n  10 boundaries:")));
    QVERIFY(r.out.contains(QLatin1String("  boundaries [--json]")));
    QVERIFY(r.out.contains(QLatin1String("--key-provider")));
    QVERIFY(r.out.contains(QLatin1String("GATEHOUSE_PASSPHRASE")));
    QVERIFY(r.out.contains(QLatin1String("GATEHOUSE_ADMIN_PASSWORD")));
    for (const char* option : {"backup --out FILE", "restore --from FILE", "--from <FILE>", "init --demo",
                               "--demo-events <N>", "--demo-credentials <FILE>"})
        QVERIFY2(r.out.contains(QLatin1String(option)), option);
}

void TestGatehousedCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<QString>("says");
    QTest::newRow("no command") << QStringList{QStringLiteral("--data-dir"), QStringLiteral("/tmp/x")}
                                << QStringLiteral("name one command");
    QTest::newRow("unknown command") << QStringList{QStringLiteral("explode"), QStringLiteral("--data-dir"),
                                                    QStringLiteral("/tmp/x")}
                                     << QStringLiteral("unknown command");
    QTest::newRow("no data dir") << QStringList{QStringLiteral("status")}
                                 << QStringLiteral("--data-dir DIR is required");
    QTest::newRow("bad provider") << QStringList{QStringLiteral("init"), QStringLiteral("--data-dir"),
                                                 QStringLiteral("/tmp/x"), QStringLiteral("--key-provider"),
                                                 QStringLiteral("usb")}
                                  << QStringLiteral("unknown key provider 'usb'");
    // There is deliberately no way to pass a passphrase on the command line.
    QTest::newRow("passphrase in argv") << QStringList{QStringLiteral("init"), QStringLiteral("--data-dir"),
                                                       QStringLiteral("/tmp/x"), QStringLiteral("--passphrase"),
                                                       QStringLiteral("secret")}
                                        << QStringLiteral("Unknown option");
}

void TestGatehousedCli::usageErrors()
{
    QFETCH(QStringList, args);
    QFETCH(QString, says);
    const Run r = gatehoused(args);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(!QFile::exists(QStringLiteral("/tmp/x/store.json")));
}

void TestGatehousedCli::initAndStatusWithKeyFile()
{
    const Run created = gatehoused(fileStoreArgs("init"));
    EXPECT_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("Created encrypted store")));
    QVERIFY(created.out.contains(QLatin1String("key file")));
    const Run status = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(status, 0);
    QVERIFY(
        status.out.contains(QStringLiteral("schema version   %1").arg(store::Migrations::schema().latestVersion())));
    for (const char* expected : {"AES-256-CBC", "per-page HMAC on", "page size 4096", "journal wal", "synchronous FULL",
                                 "secure_delete on", "integrity        ok", "bytes (+"}) {
        QVERIFY2(status.out.contains(QLatin1String(expected)), expected);
    }
    QVERIFY(status.out.contains(QFileInfo(dir("master.key")).absoluteFilePath()));
}

void TestGatehousedCli::statusAsJson()
{
    initFileStore();
    const Run r =
        gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("data"), QStringLiteral("--json")});
    EXPECT_EXIT(r, 0);
    const QJsonObject o = QJsonDocument::fromJson(r.out.toUtf8()).object();
    QCOMPARE(o.value(QStringLiteral("schema_version")).toInt(), store::Migrations::schema().latestVersion());
    const QJsonObject enc = o.value(QStringLiteral("encryption")).toObject();
    QCOMPARE(enc.value(QStringLiteral("page_size")).toInt(), 4096);
    QCOMPARE(enc.value(QStringLiteral("journal_mode")).toString(), QStringLiteral("wal"));
    QCOMPARE(enc.value(QStringLiteral("hmac")).toBool(), true);
    QCOMPARE(enc.value(QStringLiteral("secure_delete")).toBool(), true);
    QCOMPARE(o.value(QStringLiteral("database_bytes")).toInteger(), QFileInfo(dir("data/gatehouse.db")).size());
    // The status never shows key material.
    const QByteArray key = test::fileBytes(dir("master.key")).left(64);
    QVERIFY(!r.out.toUtf8().contains(key));
}

void TestGatehousedCli::boundariesExitWhenAControlFails()
{
    // A new store without administrators: warnings (no listener, no retention, ownership unstated), no failure.
    initFileStore();
    const QStringList args{QStringLiteral("boundaries"), QStringLiteral("--data-dir"), dir("data")};
    const Run fresh = gatehoused(args);
    EXPECT_EXIT(fresh, 0);
    for (const char* expected : {"WARN  Network", "identity.mfa-admins", "API not serving", "data.encryption",
                                 "file_header: encrypted", "change.ownership"})
        QVERIFY2(fresh.out.contains(QLatin1String(expected)), expected);
    QVERIFY(!fresh.out.contains(QLatin1String("FAIL")));

    // A platform administrator without MFA fails identity.mfa-admins: exit 10, in text and JSON alike.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), QStringLiteral("harbour-lantern-quietly-9"));
    EXPECT_EXIT(gatehoused({QStringLiteral("init-admin"), QStringLiteral("--data-dir"), dir("data"),
                            QStringLiteral("--admin-user"), QStringLiteral("ops")},
                           env),
                0);
    const Run failing = gatehoused(args);
    EXPECT_EXIT(failing, 10);
    QVERIFY2(failing.out.contains(QLatin1String("FAIL  Identity")), qPrintable(failing.out));
    QVERIFY(failing.out.contains(QLatin1String("missing: usr_")));
    const Run json = gatehoused(QStringList(args) << QStringLiteral("--json"));
    EXPECT_EXIT(json, 10);
    const QJsonArray items =
        QJsonDocument::fromJson(json.out.toUtf8()).object().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 7);
    QCOMPARE(items.first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    QCOMPARE(items.first()
                 .toObject()
                 .value(QStringLiteral("controls"))
                 .toArray()
                 .first()
                 .toObject()
                 .value(QStringLiteral("id")),
             QJsonValue(QStringLiteral("identity.mfa-admins")));
}

void TestGatehousedCli::initAndStatusWithKeychain()
{
    const Run created = gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("kc")});
    EXPECT_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("OS keychain")));
    const Run status = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("kc")});
    EXPECT_EXIT(status, 0);
    QVERIFY(status.out.contains(QLatin1String("service \"Gatehouse\"")));
    QVERIFY(status.out.contains(QLatin1String("integrity        ok")));
    // No key material lands in the data directory.
    const QJsonObject config = QJsonDocument::fromJson(test::fileBytes(dir("kc/store.json"))).object();
    QCOMPARE(config.value(QStringLiteral("key")).toObject().value(QStringLiteral("provider")).toString(),
             QStringLiteral("keychain"));
}

void TestGatehousedCli::missingKeychainNamesTheFix()
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir("no-bus"));
    const Run r = gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("nokc")}, env);
    EXPECT_EXIT(r, 6);
    QVERIFY2(r.err.contains(QLatin1String("no OS keychain answered")), qPrintable(r.err));
    QVERIFY(r.err.contains(QLatin1String("--key-provider file")));
    QVERIFY(!QFile::exists(dir("nokc")));

    // An existing keychain store whose keychain is gone: same clear error, store untouched.
    EXPECT_EXIT(gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("kc")}), 0);
    const QByteArray before = test::sha256(dir("kc/gatehouse.db"));
    const Run status = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("kc")}, env);
    EXPECT_EXIT(status, 6);
    QVERIFY(status.err.contains(QLatin1String("no OS keychain answered")));
    QCOMPARE(test::sha256(dir("kc/gatehouse.db")), before);
}

void TestGatehousedCli::initRefusesExistingStore()
{
    initFileStore();
    const QByteArray before = test::sha256(dir("data/gatehouse.db"));
    const Run r = gatehoused(fileStoreArgs("init"));
    EXPECT_EXIT(r, 3);
    QVERIFY(r.err.contains(QLatin1String("already holds a Gatehouse store")));
    QCOMPARE(test::sha256(dir("data/gatehouse.db")), before);
}

void TestGatehousedCli::wrongKeyLeavesStoreByteIdentical()
{
    initFileStore();
    // A second, valid key file that belongs to another store.
    EXPECT_EXIT(gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("other"),
                            QStringLiteral("--key-file"), dir("other.key")}),
                0);
    const QByteArray before = test::sha256(dir("data/gatehouse.db"));
    const Run r = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("data"),
                              QStringLiteral("--key-file"), dir("other.key")});
    EXPECT_EXIT(r, 4);
    QCOMPARE(r.err.trimmed(),
             QStringLiteral("gatehoused: cannot unlock the store: wrong key, or not a Gatehouse database"));
    QCOMPARE(test::sha256(dir("data/gatehouse.db")), before);
}

void TestGatehousedCli::foreignAndDamagedFiles_data()
{
    QTest::addColumn<QString>("damage");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    QTest::newRow("plain SQLite") << QStringLiteral("plain") << 3 << QStringLiteral("unencrypted SQLite database");
    QTest::newRow("truncated") << QStringLiteral("truncate") << 5 << QStringLiteral("truncated or corrupt");
    QTest::newRow("empty file") << QStringLiteral("empty") << 5 << QStringLiteral("truncated or corrupt");
    QTest::newRow("flipped byte") << QStringLiteral("flip") << 5 << QStringLiteral("corrupt or was tampered with");
    QTest::newRow("random bytes") << QStringLiteral("random") << 5 << QStringLiteral("corrupt or was tampered with");
    QTest::newRow("missing file") << QStringLiteral("remove") << 3 << QStringLiteral("is missing");
}

void TestGatehousedCli::foreignAndDamagedFiles()
{
    QFETCH(QString, damage);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    initFileStore();
    const QString db = dir("data/gatehouse.db");
    QByteArray bytes = test::fileBytes(db);
    if (damage == QLatin1String("plain")) {
        QVERIFY(QFile::remove(db));
        QVERIFY(test::createPlainSqlite(db));
    } else if (damage == QLatin1String("truncate")) {
        QVERIFY(test::writeBytes(db, bytes.left(bytes.size() / 2 + 7)));
    } else if (damage == QLatin1String("empty")) {
        QVERIFY(test::writeBytes(db, QByteArray()));
    } else if (damage == QLatin1String("flip")) {
        bytes[50] = static_cast<char>(bytes[50] ^ 1);
        QVERIFY(test::writeBytes(db, bytes));
    } else if (damage == QLatin1String("random")) {
        QByteArray noise(bytes.size(), Qt::Uninitialized);
        for (qsizetype i = 0; i < noise.size(); ++i)
            noise[i] = static_cast<char>((i * 7919 + 13) & 0xff);
        QVERIFY(test::writeBytes(db, noise));
    } else {
        QVERIFY(QFile::remove(db));
    }
    const QByteArray before = test::sha256(db);
    const Run r = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(r, exitCode);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QCOMPARE(test::sha256(db), before);
    // Never a new empty store in its place.
    if (damage == QLatin1String("remove"))
        QVERIFY(!QFile::exists(db));
}

void TestGatehousedCli::insecureKeyFileIsRefused()
{
    initFileStore();
    QVERIFY(::chmod(QFile::encodeName(dir("master.key")).constData(), 0644) == 0);
    const Run r = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(r, 6);
    QVERIFY(r.err.contains(QLatin1String("accessible by group or others (mode 0644)")));
    QVERIFY(r.err.contains(QLatin1String("chmod 600")));
    struct stat st
    {};
    QVERIFY(::stat(QFile::encodeName(dir("master.key")).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0644);
}

void TestGatehousedCli::passphraseFromFileAndEnvironment()
{
    QVERIFY(test::writeBytes(dir("pass"), "a passphrase of some length\n"));
    const Run created =
        gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("pp"), QStringLiteral("--key-provider"),
                    QStringLiteral("passphrase"), QStringLiteral("--passphrase-file"), dir("pass")});
    EXPECT_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("Argon2id")));
    QVERIFY(!test::fileBytes(dir("pp/store.json")).contains("a passphrase of some length"));

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSE_PASSPHRASE"), QStringLiteral("a passphrase of some length"));
    EXPECT_EXIT(gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("pp")}, env), 0);
    env.insert(QStringLiteral("GATEHOUSE_PASSPHRASE"), QStringLiteral("a passphrase of some lengtH"));
    const Run wrong = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("pp")}, env);
    EXPECT_EXIT(wrong, 4);
    // No passphrase, no terminal: a clear error, not a hang.
    const Run none =
        shell(QStringLiteral("setsid \"$GATEHOUSED\" status --data-dir '%1' </dev/null").arg(dir("pp")), false);
    EXPECT_EXIT(none, 2);
    QVERIFY2(none.err.contains(QLatin1String("--passphrase-file")), qPrintable(none.err));
}

void TestGatehousedCli::newerSchemaIsRefused()
{
    initFileStore();
    {
        auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
        QVERIFY(store);
        QVERIFY(store.value()->database().exec("PRAGMA user_version = 99;"));
    }
    const QByteArray before = test::sha256(dir("data/gatehouse.db"));
    const Run r = gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(r, 8);
    QVERIFY(r.err.contains(QLatin1String("schema is version 99, newer than this Gatehouse build")));
    QCOMPARE(test::sha256(dir("data/gatehouse.db")), before);
}

void TestGatehousedCli::readOnlyDirectory()
{
    QVERIFY(QDir().mkpath(dir("ro")));
    Run r;
    if (test::isRoot()) {
        // Root ignores mode bits, so make the file system itself read-only, in a private mount namespace.
        r = shell(QStringLiteral("mount --bind '%1' '%1' && mount -o remount,bind,ro '%1' && "
                                 "\"$GATEHOUSED\" init --data-dir '%1/store' --key-file '%2'")
                      .arg(dir("ro"), dir("ro.key")),
                  true);
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(QLatin1String("read-only")), qPrintable(r.err));
    } else {
        QVERIFY(::chmod(QFile::encodeName(dir("ro")).constData(), 0500) == 0);
        r = gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("ro/store"),
                        QStringLiteral("--key-file"), dir("ro.key")});
        ::chmod(QFile::encodeName(dir("ro")).constData(), 0700);
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(QLatin1String("permission denied")), qPrintable(r.err));
    }
    QVERIFY(QDir(dir("ro")).isEmpty(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot));
    QVERIFY(!QFile::exists(dir("ro.key"))); // the key made for a store that failed is gone again

    // An existing store on a read-only file system: refused with the reason, the file unchanged.
    initFileStore();
    const QByteArray before = test::sha256(dir("data/gatehouse.db"));
    if (test::isRoot()) {
        r = shell(QStringLiteral("mount --bind '%1' '%1' && mount -o remount,bind,ro '%1' && "
                                 "\"$GATEHOUSED\" status --data-dir '%1'")
                      .arg(dir("data")),
                  true);
        EXPECT_EXIT(r, 7);
        QVERIFY2(r.err.contains(QLatin1String("read-only")), qPrintable(r.err));
    }
    QCOMPARE(test::sha256(dir("data/gatehouse.db")), before);
}

void TestGatehousedCli::fullDisk()
{
    QVERIFY(QDir().mkpath(dir("full")));
    Run r;
    if (test::isRoot()) {
        // A real ENOSPC: a 16 KiB tmpfs in a private mount namespace. The listing after the command shows
        // what it left behind before the mount disappears.
        r = shell(QStringLiteral("mount -t tmpfs -o size=16k tmpfs '%1' && "
                                 "{ \"$GATEHOUSED\" init --data-dir '%1/store' --key-file '%1/master.key'; rc=$?; "
                                 "echo \"left:$(ls -A '%1')\"; exit $rc; }")
                      .arg(dir("full")),
                  true);
    } else {
        // Without root: the file-size limit turns writes past 16 KiB into EFBIG, as a full disk would.
        r = shell(QStringLiteral("trap '' XFSZ; ulimit -f 16; "
                                 "\"$GATEHOUSED\" init --data-dir '%1/store' --key-file '%1/master.key'; rc=$?; "
                                 "echo \"left:$(ls -A '%1')\"; exit $rc")
                      .arg(dir("full")),
                  false);
    }
    EXPECT_EXIT(r, 7);
    QVERIFY2(r.err.contains(QLatin1String("disk is full")), qPrintable(describe(r)));
    QVERIFY2(r.out.trimmed().endsWith(QLatin1String("left:")), qPrintable(describe(r)));
}

void TestGatehousedCli::firstPlatformAdministrator()
{
    // A weak password is refused before anything is created.
    QVERIFY(test::writeBytes(dir("weak"), "password1234\n"));
    QStringList args = fileStoreArgs("init");
    args << QStringLiteral("--admin-user") << QStringLiteral("root") << QStringLiteral("--admin-password-file")
         << dir("weak");
    const Run weak = gatehoused(args);
    EXPECT_EXIT(weak, 2);
    QVERIFY2(weak.err.contains(QLatin1String("commonly used")), qPrintable(weak.err));
    QVERIFY(!QFile::exists(dir("data")));
    QVERIFY(!QFile::exists(dir("master.key")));

    QVERIFY(test::writeBytes(dir("good"), "a sturdy admin passphrase\n"));
    args = fileStoreArgs("init");
    args << QStringLiteral("--admin-user") << QStringLiteral("root") << QStringLiteral("--admin-password-file")
         << dir("good");
    const Run created = gatehoused(args);
    EXPECT_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("Created platform administrator root (Platform Owner)")));

    // Only once.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), QStringLiteral("another sturdy passphrase"));
    const Run again = gatehoused({QStringLiteral("init-admin"), QStringLiteral("--data-dir"), dir("data"),
                                  QStringLiteral("--admin-user"), QStringLiteral("second")},
                                 env);
    EXPECT_EXIT(again, 2);
    QVERIFY(again.err.contains(QLatin1String("already has an owner")));

    // The administrator can sign in, and the creation is in the audit trail without the password.
    auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
    QVERIFY(store);
    service::ControlPlane cp(*store.value());
    QVERIFY(cp.load());
    auto session = cp.signIn(service::Caller::withToken({}), QString(), QStringLiteral("root"),
                             SecureBytes(reinterpret_cast<const unsigned char*>("a sturdy admin passphrase"), 25));
    QVERIFY2(session, session ? "" : qPrintable(session.error().message));
    auto events = cp.searchAudit(service::Caller::withToken(session.value().token), {});
    QVERIFY(events);
    bool bootstrapped = false;
    for (const auto& e : events.value().events) {
        bootstrapped |= e.action == QLatin1String("platform.bootstrap") && e.outcome == QLatin1String("success") &&
                        e.source == QLatin1String("cli");
        QVERIFY(!QJsonDocument(e.details).toJson().contains("sturdy"));
    }
    QVERIFY(bootstrapped);

    // A store made without --admin-user gets one later through init-admin.
    EXPECT_EXIT(gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("later"),
                            QStringLiteral("--key-file"), dir("later.key")}),
                0);
    const Run later = gatehoused({QStringLiteral("init-admin"), QStringLiteral("--data-dir"), dir("later"),
                                  QStringLiteral("--admin-user"), QStringLiteral("ops")},
                                 env);
    EXPECT_EXIT(later, 0);
}

void TestGatehousedCli::adminPasswordFromEnvironment()
{
    const QString password = QStringLiteral("harbour-lantern-quietly-9");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), password);
    QStringList args = fileStoreArgs("init");
    args << QStringLiteral("--admin-user") << QStringLiteral("ops");
    const Run created = gatehoused(args, env);
    EXPECT_EXIT(created, 0);
    QVERIFY(created.out.contains(QLatin1String("Created platform administrator ops (Platform Owner)")));
    QVERIFY(!created.out.contains(password) && !created.err.contains(password));

    auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
    QVERIFY(store);
    service::ControlPlane cp(*store.value());
    QVERIFY(cp.load());
    const QByteArray utf8 = password.toUtf8();
    auto session =
        cp.signIn(service::Caller::withToken({}), QString(), QStringLiteral("ops"),
                  SecureBytes(reinterpret_cast<const unsigned char*>(utf8.constData()), std::size_t(utf8.size())));
    QVERIFY2(session, session ? "" : qPrintable(session.error().message));
}

void TestGatehousedCli::refusedAdminPasswordLeavesNothing_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("says");
    QTest::newRow("common, from a file") << QStringLiteral("file") << QStringLiteral("password1234")
                                         << QStringLiteral("commonly used");
    QTest::newRow("common, from the environment")
        << QStringLiteral("env") << QStringLiteral("password1234") << QStringLiteral("commonly used");
    QTest::newRow("too short") << QStringLiteral("env") << QStringLiteral("short-one") << QStringLiteral("12");
    QTest::newRow("contains the username")
        << QStringLiteral("file") << QStringLiteral("root-and-some-more") << QStringLiteral("username");
    QTest::newRow("empty file") << QStringLiteral("file") << QString() << QStringLiteral("empty");
}

void TestGatehousedCli::refusedAdminPasswordLeavesNothing()
{
    QFETCH(QString, source);
    QFETCH(QString, password);
    QFETCH(QString, says);
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"));
    QStringList args = fileStoreArgs("init");
    args << QStringLiteral("--admin-user") << QStringLiteral("root");
    if (source == QLatin1String("file")) {
        QVERIFY(test::writeBytes(dir("pw"), password.toUtf8() + "\n"));
        args << QStringLiteral("--admin-password-file") << dir("pw");
    } else {
        env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), password);
    }
    const Run r = gatehoused(args, env);
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY(!r.err.contains(password) || password.isEmpty());
    // Checked before anything was made: no data directory, no key file.
    QVERIFY(!QFile::exists(dir("data")));
    QVERIFY(!QFile::exists(dir("master.key")));

    // init-admin on an existing store refuses the same password and leaves the store as it was.
    initFileStore();
    const QByteArray before = test::sha256(dir("data/gatehouse.db"));
    QStringList again{QStringLiteral("init-admin"), QStringLiteral("--data-dir"), dir("data"),
                      QStringLiteral("--admin-user"), QStringLiteral("root")};
    if (source == QLatin1String("file"))
        again << QStringLiteral("--admin-password-file") << dir("pw");
    const Run refused = gatehoused(again, env);
    EXPECT_EXIT(refused, 2);
    QCOMPARE(test::sha256(dir("data/gatehouse.db")), before);
}

void TestGatehousedCli::backupWhileAnotherProcessWrites()
{
    initFileStore();
    QProcess writer;
    writer.start(QStringLiteral(GATEHOUSE_AUDIT_WRITER), {QStringLiteral("write"), dir("data"), dir("master.key")});
    QVERIFY(writer.waitForStarted());
    QByteArray pending;
    qint64 lastAck = 0, acks = 0;
    auto takeAcks = [&] {
        pending += writer.readAllStandardOutput();
        while (pending.contains('\n')) {
            const qsizetype end = pending.indexOf('\n');
            const QByteArray line = pending.left(end);
            pending.remove(0, end + 1);
            if (line == "read")
                continue; // the writer's reads; only its changes are counted here
            QVERIFY2(line.startsWith("ack "), line.constData());
            lastAck = line.mid(4).toLongLong();
            ++acks;
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT((takeAcks(), acks >= 200), 30000);

    // Everything acknowledged up to here must be in the backup; the writer goes on meanwhile.
    takeAcks();
    const qint64 acknowledgedBefore = lastAck;
    const qint64 acksBefore = acks;
    const Run backup = gatehoused(
        {QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("data"), QStringLiteral("--out"), dir("b.ghb")});
    QTest::qWait(200);
    takeAcks();
    EXPECT_EXIT(backup, 0);
    QVERIFY2(acks > acksBefore, "the writer stalled while the backup ran");
    QCOMPARE(writer.state(), QProcess::Running);
    writer.kill();
    QVERIFY(writer.waitForFinished(20000));
    takeAcks();

    struct stat st
    {};
    QVERIFY(::stat(QFile::encodeName(dir("b.ghb")).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(test::fileBytes(dir("b.ghb")).startsWith("GHBACKUP"));
    // Nothing else was left beside it (temporary copies).
    QCOMPARE(entriesOf(m_tmp->path()),
             (QStringList{QStringLiteral("b.ghb"), QStringLiteral("data"), QStringLiteral("master.key")}));

    const Run restored = gatehoused({QStringLiteral("restore"), QStringLiteral("--from"), dir("b.ghb"),
                                     QStringLiteral("--data-dir"), dir("restored")});
    EXPECT_EXIT(restored, 0);
    QVERIFY(restored.out.contains(QLatin1String("integrity ok; audit chain intact")));
    EXPECT_EXIT(gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("restored")}), 0);
    EXPECT_EXIT(
        gatehoused({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), dir("restored")}),
        0);

    // The restored chain is the original's, event for event, up to a point at or after the last acknowledgement
    // seen before the backup began.
    auto original = store::Store::open(dir("data"), test::keyFileOptions(QString()));
    QVERIFY(original);
    auto copy = store::Store::open(dir("restored"), test::keyFileOptions(QString()));
    QVERIFY(copy);
    const auto originalChain = chainOf(*original.value());
    const auto copyChain = chainOf(*copy.value());
    // The backup reports the last event it holds; the restored store has those (and the events its own
    // verifications added since).
    static const QRegularExpression upTo(QStringLiteral("up to event (\\d+)"));
    const qint64 inBackup = upTo.match(backup.out).captured(1).toLongLong();
    QVERIFY2(inBackup >= acknowledgedBefore,
             qPrintable(QStringLiteral("the backup holds events up to %1, but %2 was acknowledged before it began")
                            .arg(inBackup)
                            .arg(acknowledgedBefore)));
    QVERIFY(inBackup < originalChain.size()); // the writer went on after the snapshot
    QVERIFY(copyChain.size() > inBackup);
    QCOMPARE(copyChain.mid(0, inBackup), originalChain.mid(0, inBackup));
}

void TestGatehousedCli::tamperedBackupIsRefused_data()
{
    QTest::addColumn<QString>("where");
    QTest::addColumn<int>("exitCode");
    QTest::addColumn<QString>("says");
    const QString damaged = QStringLiteral("damaged or was tampered with");
    QTest::newRow("magic") << QStringLiteral("magic") << 3 << QStringLiteral("is not a Gatehouse backup");
    QTest::newRow("manifest length") << QStringLiteral("length") << 5 << damaged;
    QTest::newRow("manifest") << QStringLiteral("manifest") << 5 << damaged;
    QTest::newRow("store.json") << QStringLiteral("config") << 5 << damaged;
    QTest::newRow("database") << QStringLiteral("database") << 5 << QStringLiteral("gatehouse.db does not match");
    QTest::newRow("last byte") << QStringLiteral("trailer") << 5 << damaged;
    QTest::newRow("truncated") << QStringLiteral("truncate") << 5 << damaged;
}

void TestGatehousedCli::tamperedBackupIsRefused()
{
    QFETCH(QString, where);
    QFETCH(int, exitCode);
    QFETCH(QString, says);
    initFileStore();
    EXPECT_EXIT(gatehoused({QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("data"),
                            QStringLiteral("--out"), dir("b.ghb")}),
                0);
    QByteArray bytes = test::fileBytes(dir("b.ghb"));
    const QByteArray manifest = bytes.mid(16, qFromBigEndian<quint32>(bytes.constData() + 12));
    const qsizetype configAt = 16 + manifest.size();
    qsizetype at = 0;
    if (where == QLatin1String("magic"))
        at = 1;
    else if (where == QLatin1String("length"))
        at = 15;
    else if (where == QLatin1String("manifest"))
        at = 16 + manifest.indexOf("created_at") + 20; // a digit of the time: still valid JSON
    else if (where == QLatin1String("config"))
        at = configAt + 3;
    else if (where == QLatin1String("database"))
        at = bytes.size() - 32 - 3000;
    else if (where == QLatin1String("trailer"))
        at = bytes.size() - 1;
    if (where == QLatin1String("truncate"))
        bytes.chop(4096);
    else
        bytes[at] = static_cast<char>(bytes[at] ^ 0x01);
    QVERIFY(test::writeBytes(dir("b.ghb"), bytes));

    const Run r = gatehoused({QStringLiteral("restore"), QStringLiteral("--from"), dir("b.ghb"),
                              QStringLiteral("--data-dir"), dir("restored")});
    EXPECT_EXIT(r, exitCode);
    QVERIFY2(r.err.contains(says), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("nothing was restored")), qPrintable(r.err));
    QVERIFY(!QFile::exists(dir("restored")));
    QCOMPARE(entriesOf(m_tmp->path()),
             (QStringList{QStringLiteral("b.ghb"), QStringLiteral("data"), QStringLiteral("master.key")}));
}

void TestGatehousedCli::restoreRefusals()
{
    initFileStore();
    EXPECT_EXIT(gatehoused({QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("data"),
                            QStringLiteral("--out"), dir("b.ghb")}),
                0);
    auto restore = [this](const QString& target, QStringList more = {}) {
        QStringList args{QStringLiteral("restore"), QStringLiteral("--from"), dir("b.ghb"),
                         QStringLiteral("--data-dir"), target};
        return gatehoused(args + more);
    };

    // A directory that holds anything at all (here: a hidden file) is not a restore target.
    QVERIFY(QDir().mkpath(dir("busy")));
    QVERIFY(test::writeBytes(dir("busy/.keep"), "mine"));
    const Run busy = restore(dir("busy"));
    EXPECT_EXIT(busy, 3);
    QVERIFY2(busy.err.contains(QLatin1String("is not empty")), qPrintable(busy.err));
    QCOMPARE(entriesOf(dir("busy")), QStringList{QStringLiteral(".keep")});
    QCOMPARE(test::fileBytes(dir("busy/.keep")), QByteArray("mine"));

    // The key of another store: the usual wrong-key message and exit code, and nothing restored.
    EXPECT_EXIT(gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("other"),
                            QStringLiteral("--key-file"), dir("other.key")}),
                0);
    const Run wrongKey = restore(dir("restored"), {QStringLiteral("--key-file"), dir("other.key")});
    EXPECT_EXIT(wrongKey, 4);
    QVERIFY2(
        wrongKey.err.split(QLatin1Char('\n'))
            .contains(QLatin1String("gatehoused: cannot unlock the store: wrong key, or not a Gatehouse database")),
        qPrintable(wrongKey.err));
    QVERIFY(!QFile::exists(dir("restored")));

    // An empty directory is a fine target, and takes the restored store's private mode.
    QVERIFY(QDir().mkpath(dir("empty")));
    const Run intoEmpty = restore(dir("empty"));
    EXPECT_EXIT(intoEmpty, 0);
    QVERIFY(QFile::exists(dir("empty/gatehouse.db")));
    struct stat st
    {};
    QVERIFY(::stat(QFile::encodeName(dir("empty")).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0700);
    // No staging directory is left behind, whatever happened above.
    for (const QString& name : entriesOf(m_tmp->path()))
        QVERIFY2(!name.contains(QLatin1String(".restore-")), qPrintable(name));

    // Not a backup at all.
    const Run notBackup = gatehoused({QStringLiteral("restore"), QStringLiteral("--from"), dir("master.key"),
                                      QStringLiteral("--data-dir"), dir("restored")});
    EXPECT_EXIT(notBackup, 3);
    QVERIFY(notBackup.err.contains(QLatin1String("is not a Gatehouse backup")));
    EXPECT_EXIT(gatehoused({QStringLiteral("restore"), QStringLiteral("--data-dir"), dir("restored")}), 2);
}

void TestGatehousedCli::backupNeverReplacesAFile()
{
    initFileStore();
    QVERIFY(test::writeBytes(dir("b.ghb"), "precious"));
    const Run r = gatehoused(
        {QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("data"), QStringLiteral("--out"), dir("b.ghb")});
    EXPECT_EXIT(r, 2);
    QVERIFY2(r.err.contains(QLatin1String("never replaces a file")), qPrintable(r.err));
    QCOMPARE(test::fileBytes(dir("b.ghb")), QByteArray("precious"));
    EXPECT_EXIT(gatehoused({QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("data")}), 2);
    const Run nowhere = gatehoused({QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("data"),
                                    QStringLiteral("--out"), dir("missing/b.ghb")});
    EXPECT_EXIT(nowhere, 3);
    QVERIFY(nowhere.err.contains(QLatin1String("does not exist")));
}

void TestGatehousedCli::keychainStoreRestoresOnTheSameMachine()
{
    EXPECT_EXIT(gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("kc")}), 0);
    EXPECT_EXIT(gatehoused({QStringLiteral("backup"), QStringLiteral("--data-dir"), dir("kc"), QStringLiteral("--out"),
                            dir("kc.ghb")}),
                0);
    // The backup carries no key: the archive does not contain the keychain item's secret, only its name.
    const Run r = gatehoused(
        {QStringLiteral("restore"), QStringLiteral("--from"), dir("kc.ghb"), QStringLiteral("--data-dir"), dir("kc2")});
    EXPECT_EXIT(r, 0);
    QVERIFY(r.out.contains(QLatin1String("OS keychain")));
    EXPECT_EXIT(gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("kc2")}), 0);

    // Elsewhere, without the keychain item, the restore stops at the key and leaves nothing.
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("DBUS_SESSION_BUS_ADDRESS"), QStringLiteral("unix:path=") + dir("no-bus"));
    const Run elsewhere = gatehoused(
        {QStringLiteral("restore"), QStringLiteral("--from"), dir("kc.ghb"), QStringLiteral("--data-dir"), dir("kc3")},
        env);
    EXPECT_EXIT(elsewhere, 6);
    QVERIFY(!QFile::exists(dir("kc3")));
}

void TestGatehousedCli::demoStore()
{
    const QString password = QStringLiteral("harbour-lantern-quietly-9");
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("GATEHOUSE_ADMIN_PASSWORD"), password);
    const Run r = gatehoused({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--demo-events"),
                              QStringLiteral("1000"), QStringLiteral("--data-dir"), dir("demo/data"),
                              QStringLiteral("--key-file"), dir("demo.key"), QStringLiteral("--admin-user"),
                              QStringLiteral("root")},
                             env);
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains(QLatin1String("3 tenants")), qPrintable(r.out));
    QVERIFY(r.out.contains(QLatin1String("1000 audit events from ")));
    QVERIFY(r.err.contains(QLatin1String("seeding the demo")));
    const QString credentials = dir("demo/demo-secrets/demo-users.txt");
    QVERIFY(r.out.contains(credentials));

    // The passwords are in a private file beside the data directory, and nowhere on the screen.
    struct stat st
    {};
    QVERIFY(::stat(QFile::encodeName(credentials).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0600);
    QVERIFY(::stat(QFile::encodeName(dir("demo/demo-secrets")).constData(), &st) == 0);
    QCOMPARE(int(st.st_mode & 0777), 0700);
    const QByteArray text = test::fileBytes(credentials);
    QVERIFY(!text.contains(password.toUtf8()));
    int passwords = 0;
    for (const QByteArray& line : text.split('\n')) {
        const QList<QByteArray> cells = line.simplified().split(' ');
        if (line.startsWith('#') || cells.size() < 5)
            continue;
        for (const QByteArray& cell : cells) {
            // Generated passwords look like xxxxx-xxxxx-xxxxx-xxxxx; tokens start with ghi_.
            if ((cell.size() == 23 && cell.count('-') == 3) || cell.startsWith("ghi_")) {
                QVERIFY(!r.out.toUtf8().contains(cell) && !r.err.toUtf8().contains(cell));
                ++passwords;
            }
        }
    }
    QVERIFY2(passwords >= 20, qPrintable(QString::number(passwords)));
    QVERIFY(text.contains("root ") && text.contains("(chosen at init)"));

    EXPECT_EXIT(gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("demo/data")}), 0);
    const Run verified =
        gatehoused({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), dir("demo/data")});
    EXPECT_EXIT(verified, 0);
    QVERIFY(verified.out.contains(QLatin1String("events 1 to 1000, 1000 events")));
}

void TestGatehousedCli::demoRefusals()
{
    // An existing credentials file is never replaced, and is noticed before anything is created.
    QVERIFY(test::writeBytes(dir("mine.txt"), "mine"));
    const Run taken = gatehoused({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--data-dir"),
                                  dir("data"), QStringLiteral("--key-file"), dir("master.key"),
                                  QStringLiteral("--demo-credentials"), dir("mine.txt")});
    EXPECT_EXIT(taken, 2);
    QVERIFY2(taken.err.contains(QLatin1String("never replaces a file")), qPrintable(taken.err));
    QCOMPARE(test::fileBytes(dir("mine.txt")), QByteArray("mine"));
    QVERIFY(!QFile::exists(dir("data")));
    QVERIFY(!QFile::exists(dir("master.key")));

    const Run few = gatehoused({QStringLiteral("init"), QStringLiteral("--demo"), QStringLiteral("--demo-events"),
                                QStringLiteral("10"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(few, 2);
    QVERIFY(few.err.contains(QLatin1String("1000")));
    const Run withoutDemo = gatehoused({QStringLiteral("init"), QStringLiteral("--demo-events"), QStringLiteral("5000"),
                                        QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(withoutDemo, 2);
    QVERIFY(withoutDemo.err.contains(QLatin1String("go with --demo")));
    QVERIFY(!QFile::exists(dir("data")));
}

void TestGatehousedCli::auditVerifyExportAndTamper()
{
    QVERIFY(test::writeBytes(dir("pw"), "a sturdy admin passphrase\n"));
    QStringList args = fileStoreArgs("init");
    args << QStringLiteral("--admin-user") << QStringLiteral("root") << QStringLiteral("--admin-password-file")
         << dir("pw");
    EXPECT_EXIT(gatehoused(args), 0);
    auto audit = [this](QStringList more) {
        QStringList a{QStringLiteral("audit")};
        a << more << QStringLiteral("--data-dir") << dir("data");
        return gatehoused(a);
    };
    const Run verified = audit({QStringLiteral("verify")});
    EXPECT_EXIT(verified, 0);
    QVERIFY(verified.out.contains(QLatin1String("audit chain intact")));
    const Run verifiedRange = audit({QStringLiteral("verify"), QStringLiteral("--from-seq"), QStringLiteral("1"),
                                     QStringLiteral("--to-seq"), QStringLiteral("2")});
    EXPECT_EXIT(verifiedRange, 0);
    QVERIFY2(verifiedRange.out.contains(QLatin1String("audit range intact: events 1 to 2")),
             qPrintable(verifiedRange.out));

    const Run csv = audit({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("csv"),
                           QStringLiteral("--out"), dir("audit.csv")});
    EXPECT_EXIT(csv, 0);
    QVERIFY(test::fileBytes(dir("audit.csv")).startsWith("seq,time,tenant_id"));
    QVERIFY(test::fileBytes(dir("audit.csv")).contains("platform.bootstrap"));

    const Run bundle = audit({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("bundle"),
                              QStringLiteral("--out"), dir("bundle")});
    EXPECT_EXIT(bundle, 0);
    const Run offline = shell(QStringLiteral("sh '%1/VERIFY'").arg(dir("bundle")), false);
    EXPECT_EXIT(offline, 0);
    QVERIFY(offline.out.contains(QLatin1String("OK:")));

    const Run key = audit({QStringLiteral("public-key")});
    EXPECT_EXIT(key, 0);
    QVERIFY(key.out.startsWith(QLatin1String("-----BEGIN PUBLIC KEY-----")));
    EXPECT_EXIT(audit({QStringLiteral("explode")}), 2);
    EXPECT_EXIT(audit({QStringLiteral("export"), QStringLiteral("--format"), QStringLiteral("xml"),
                       QStringLiteral("--out"), dir("x")}),
                2);

    // Someone with the decrypted store rewrites an event: verify names it and fails.
    {
        auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
        QVERIFY(store);
        QVERIFY(store.value()->database().exec("DROP TRIGGER audit_events_no_update;"));
        QVERIFY(store.value()->database().exec("UPDATE audit_events SET actor_name = 'nobody' WHERE seq = 2;"));
    }
    const Run broken = audit({QStringLiteral("verify")});
    EXPECT_EXIT(broken, 9);
    QVERIFY2(broken.err.contains(QLatin1String("BROKEN at event 2 (changed)")), qPrintable(broken.err));
    // A range over it names it too; a range needs both ends, in order.
    const Run brokenRange = audit({QStringLiteral("verify"), QStringLiteral("--from-seq"), QStringLiteral("1"),
                                   QStringLiteral("--to-seq"), QStringLiteral("3")});
    EXPECT_EXIT(brokenRange, 9);
    QVERIFY2(brokenRange.err.contains(QLatin1String("BROKEN at event 2 (changed)")), qPrintable(brokenRange.err));
    EXPECT_EXIT(audit({QStringLiteral("verify"), QStringLiteral("--from-seq"), QStringLiteral("1")}), 2);
    const Run reversed = audit({QStringLiteral("verify"), QStringLiteral("--from-seq"), QStringLiteral("3"),
                                QStringLiteral("--to-seq"), QStringLiteral("1")});
    QVERIFY(reversed.exitCode != 0 && reversed.exitCode != 9);
    QVERIFY2(reversed.err.contains(QLatin1String("swap them")), qPrintable(reversed.err));
}

void TestGatehousedCli::keychainKeyRotatesTwice()
{
    EXPECT_EXIT(gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("kc")}), 0);
    QString previous;
    for (int round = 0; round < 2; ++round) {
        const Run r =
            gatehoused({QStringLiteral("key"), QStringLiteral("rotate"), QStringLiteral("--data-dir"), dir("kc")});
        EXPECT_EXIT(r, 0);
        const Run s =
            gatehoused({QStringLiteral("status"), QStringLiteral("--data-dir"), dir("kc"), QStringLiteral("--json")});
        EXPECT_EXIT(s, 0);
        const QString custody =
            QJsonDocument::fromJson(s.out.toUtf8()).object().value(QStringLiteral("key_custody")).toString();
        QVERIFY(custody != previous);
        previous = custody;
    }
    const Run verified =
        gatehoused({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), dir("kc")});
    EXPECT_EXIT(verified, 0);
}

void TestGatehousedCli::auditGapFailsVerify()
{
    QVERIFY(test::writeBytes(dir("pw"), "a sturdy admin passphrase\n"));
    QStringList args = fileStoreArgs("init");
    args << QStringLiteral("--admin-user") << QStringLiteral("root") << QStringLiteral("--admin-password-file")
         << dir("pw");
    EXPECT_EXIT(gatehoused(args), 0);
    qint64 keep = 0;
    {
        // 1500 events under the default policy (a checkpoint every 1000), then the master-key holder's rewrite:
        // checkpoints removed, the chain recomputed, and a new event signed over it.
        auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
        QVERIFY(store);
        audit::AuditLog log(store.value()->database());
        keep = log.lastSeq().value();
        QVERIFY(keep > 0);
        QVERIFY(log.lastCheckpoint().value());
        QCOMPARE(log.lastCheckpoint().value()->seq, keep); // init's clean stop signed its last event
        const qint64 now = QDateTime::currentMSecsSinceEpoch();
        QVERIFY(test::appendAuditEvents(*store.value(), 1500, now, true));
        QCOMPARE(test::removeCheckpointsAndRecomputeChain(store.value()->database(), keep), QString());
        QVERIFY(test::appendAuditEvents(*store.value(), 1, now, true));
        QCOMPARE(log.lastCheckpoint().value()->seq, keep + 1501);
    }
    const Run broken =
        gatehoused({QStringLiteral("audit"), QStringLiteral("verify"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(broken, 9);
    QVERIFY2(broken.err.contains(QStringLiteral("BROKEN at event %1 (unsigned_gap)").arg(keep + 1)),
             qPrintable(broken.err));
    QVERIFY2(broken.err.contains(QLatin1String("checkpoints were removed")), qPrintable(broken.err));
}

void TestGatehousedCli::auditCheckpointSignsTheHead()
{
    initFileStore();
    {
        auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
        QVERIFY(store);
        QVERIFY(test::appendAuditEvents(*store.value(), 3, QDateTime::currentMSecsSinceEpoch(), false));
    }
    const Run signedNow =
        gatehoused({QStringLiteral("audit"), QStringLiteral("checkpoint"), QStringLiteral("--data-dir"), dir("data")});
    EXPECT_EXIT(signedNow, 0);
    auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
    QVERIFY(store);
    audit::AuditLog log(store.value()->database());
    const qint64 head = log.lastSeq().value();
    QVERIFY(log.lastCheckpoint().value());
    QCOMPARE(log.lastCheckpoint().value()->seq, head);
    QVERIFY2(signedNow.out.contains(QStringLiteral("signed audit checkpoint at event %1").arg(head)),
             qPrintable(describe(signedNow)));
    auto newest = store.value()->database().prepare("SELECT action FROM audit_events ORDER BY seq DESC LIMIT 1;");
    QVERIFY(newest && newest.value().step().value());
    QCOMPARE(newest.value().text(0), QStringLiteral("audit.checkpoint"));
}

void TestGatehousedCli::sigtermSignsTheNewestEvent()
{
    initFileStore();
    {
        // Events the running server has not signed yet (fewer than the policy waits for).
        auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
        QVERIFY(store);
        QVERIFY(test::appendAuditEvents(*store.value(), 3, QDateTime::currentMSecsSinceEpoch(), false));
    }
    QProcess server;
    server.start(QStringLiteral(GATEHOUSED_PATH), {QStringLiteral("serve"), QStringLiteral("--data-dir"), dir("data"),
                                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    QByteArray log;
    for (int i = 0; i < 300 && !log.contains("event=listening"); ++i) {
        server.waitForReadyRead(100);
        log += server.readAllStandardError();
    }
    QVERIFY2(log.contains("event=listening"), log.constData());
    server.terminate(); // SIGTERM
    QVERIFY(server.waitForFinished(30000));
    log += server.readAllStandardError();
    QCOMPARE(server.exitStatus(), QProcess::NormalExit);
    QCOMPARE(server.exitCode(), 0);
    QVERIFY2(log.contains("event=audit_checkpoint_signed"), log.constData());
    auto store = store::Store::open(dir("data"), test::keyFileOptions(QString()));
    QVERIFY(store);
    audit::AuditLog trail(store.value()->database());
    QVERIFY(trail.lastCheckpoint().value());
    QCOMPARE(trail.lastCheckpoint().value()->seq, trail.lastSeq().value());
}

void TestGatehousedCli::forwardingAddStatusUpdateRemove()
{
    initFileStore();
    const QStringList store{QStringLiteral("--data-dir"), dir("data")};
    // Plain TCP leaves this machine only over TLS; TLS needs a pin.
    Run r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("add"), QStringLiteral("--name"),
                                   QStringLiteral("far"), QStringLiteral("--host"), QStringLiteral("192.0.2.1"),
                                   QStringLiteral("--transport"), QStringLiteral("tcp")} +
                       store);
    QVERIFY2(r.exitCode != 0 && r.err.contains(QLatin1String("only to a relay on this machine")),
             qPrintable(describe(r)));
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("add"), QStringLiteral("--name"),
                               QStringLiteral("siem"), QStringLiteral("--host"), QStringLiteral("siem.example")} +
                   store);
    QVERIFY2(r.exitCode != 0 && r.err.contains(QLatin1String("pin the collector")), qPrintable(describe(r)));
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("add"), QStringLiteral("--name"),
                               QStringLiteral("relay"), QStringLiteral("--host"), QStringLiteral("127.0.0.1"),
                               QStringLiteral("--transport"), QStringLiteral("tcp"), QStringLiteral("--port"),
                               QStringLiteral("5514"), QStringLiteral("--format"), QStringLiteral("cef")} +
                   store);
    EXPECT_EXIT(r, 0);
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("status"), QStringLiteral("--json")} +
                   store);
    EXPECT_EXIT(r, 0);
    const QJsonArray items = QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("items")).toArray();
    QCOMPARE(items.size(), 1);
    const QJsonObject d = items.first().toObject();
    QCOMPARE(d.value(QLatin1String("name")).toString(), QStringLiteral("relay"));
    QCOMPARE(d.value(QLatin1String("format")).toString(), QStringLiteral("cef"));
    QCOMPARE(d.value(QLatin1String("connected")).toBool(), false);
    // update changes what is given, and only that; a bad value is refused and changes nothing.
    const QString id = d.value(QLatin1String("id")).toString();
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("update"), QStringLiteral("--id"), id,
                               QStringLiteral("--port"), QStringLiteral("6000"), QStringLiteral("--enabled"),
                               QStringLiteral("no")} +
                   store);
    EXPECT_EXIT(r, 0);
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("update"), QStringLiteral("--id"), id,
                               QStringLiteral("--host"), QStringLiteral("192.0.2.1")} +
                   store);
    QVERIFY2(r.exitCode != 0 && r.err.contains(QLatin1String("only to a relay on this machine")),
             qPrintable(describe(r)));
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("update"), QStringLiteral("--id"), id,
                               QStringLiteral("--enabled"), QStringLiteral("maybe")} +
                   store);
    QVERIFY2(r.exitCode != 0 && r.err.contains(QLatin1String("--enabled takes yes or no")), qPrintable(describe(r)));
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("status"), QStringLiteral("--json")} +
                   store);
    EXPECT_EXIT(r, 0);
    const QJsonObject changed =
        QJsonDocument::fromJson(r.out.toUtf8()).object().value(QLatin1String("items")).toArray().first().toObject();
    QCOMPARE(changed.value(QLatin1String("port")).toInt(), 6000);
    QCOMPARE(changed.value(QLatin1String("enabled")).toBool(true), false);
    QCOMPARE(changed.value(QLatin1String("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(changed.value(QLatin1String("format")).toString(), QStringLiteral("cef"));
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("remove"), QStringLiteral("--id"),
                               d.value(QLatin1String("id")).toString()} +
                   store);
    EXPECT_EXIT(r, 0);
    r = gatehoused(QStringList{QStringLiteral("forwarding"), QStringLiteral("status")} + store);
    EXPECT_EXIT(r, 0);
    QVERIFY2(r.out.contains(QLatin1String("no forwarding destination")), qPrintable(describe(r)));
    // Each change is in the audit trail, naming its target.
    auto opened = store::Store::open(dir("data"), test::keyFileOptions(QString()));
    QVERIFY(opened);
    auto actions = opened.value()->database().prepare(
        "SELECT action, outcome FROM audit_events WHERE action LIKE 'forwarding.%' ORDER BY seq;");
    QVERIFY(actions);
    QStringList seen;
    while (actions.value().step().value())
        seen << actions.value().text(0) + QLatin1Char(':') + actions.value().text(1);
    QVERIFY2(seen.contains(QStringLiteral("forwarding.create:success")) &&
                 seen.contains(QStringLiteral("forwarding.update:success")) &&
                 seen.contains(QStringLiteral("forwarding.update:error")) &&
                 seen.contains(QStringLiteral("forwarding.delete:success")) &&
                 seen.contains(QStringLiteral("forwarding.create:error")),
             qPrintable(seen.join(QLatin1Char(' '))));
}

void TestGatehousedCli::initIfAbsentLeavesAStoreAlone()
{
    // The service's first start makes the store and its key file (0600)...
    const QStringList args = fileStoreArgs("init") << QStringLiteral("--if-absent");
    const Run first = gatehoused(args);
    EXPECT_EXIT(first, 0);
    QVERIFY2(first.out.contains(QLatin1String("Created encrypted store")), qPrintable(first.out));
    struct stat key = {};
    QCOMPARE(::stat(QFile::encodeName(dir("master.key")).constData(), &key), 0);
    QCOMPARE(key.st_mode & 0777, mode_t(0600));
    const auto before = contentsOf(m_tmp->path());
    QVERIFY(before.contains(dir("data/store.json")));

    // ...and every later start finds it and changes nothing, not even the key file.
    const Run again = gatehoused(args);
    EXPECT_EXIT(again, 0);
    QVERIFY2(again.out.contains(QLatin1String("nothing to do")), qPrintable(again.out));
    QCOMPARE(contentsOf(m_tmp->path()), before);
    // Without --if-absent an existing store is still refused.
    EXPECT_EXIT(gatehoused(fileStoreArgs("init")), 3);
}

void TestGatehousedCli::initTakesCertificateNamesFromTheConfigFile()
{
    const QString config = dir("gatehoused.conf");
    QFile f(config);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(R"({"listen": "127.0.0.1:8443", "tls": {"names": ["gatehouse.example.test"]}})");
    f.close();
    EXPECT_EXIT(gatehoused(fileStoreArgs("init") << QStringLiteral("--config") << config), 0);
    const auto certificates = QSslCertificate::fromPath(dir("data/tls/server.crt"));
    QCOMPARE(certificates.size(), 1);
    const QStringList names = certificates.first().subjectAlternativeNames().values(QSsl::DnsEntry);
    QVERIFY2(names.contains(QLatin1String("gatehouse.example.test")), qPrintable(names.join(u' ')));

    // A config file with a mistake stops init before anything is made.
    QVERIFY(f.open(QIODevice::WriteOnly | QIODevice::Truncate));
    f.write(R"({"tls": {"nmes": ["gatehouse.example.test"]}})");
    f.close();
    const Run bad = gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("other"),
                                QStringLiteral("--key-file"), dir("other.key"), QStringLiteral("--config"), config});
    EXPECT_EXIT(bad, 2);
    QVERIFY2(bad.err.contains(QLatin1String("unknown setting \"nmes\"")), qPrintable(bad.err));
    QVERIFY(!QFile::exists(dir("other")));
    QVERIFY(!QFile::exists(dir("other.key")));
}

void TestGatehousedCli::serveNotifiesSystemdOnceListening()
{
#ifndef GATEHOUSED_SD_NOTIFY
    QSKIP("gatehoused was built without libsystemd (apt-get install libsystemd-dev)");
#else
    initFileStore();
    // Plays systemd's part for Type=notify: a datagram socket named by NOTIFY_SOCKET.
    const QByteArray path = QFile::encodeName(dir("notify"));
    const int fd = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    QVERIFY(fd >= 0);
    auto closeSocket = qScopeGuard([fd] { ::close(fd); });
    sockaddr_un address = {};
    address.sun_family = AF_UNIX;
    QVERIFY(size_t(path.size()) < sizeof(address.sun_path));
    std::copy(path.begin(), path.end(), address.sun_path);
    QCOMPARE(::bind(fd, reinterpret_cast<const sockaddr*>(&address), sizeof(address)), 0);

    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("NOTIFY_SOCKET"), dir("notify"));
    QProcess server;
    server.setProcessEnvironment(env);
    server.start(QStringLiteral(GATEHOUSED_PATH), {QStringLiteral("serve"), QStringLiteral("--data-dir"), dir("data"),
                                                   QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0")});
    const QByteArray ready = nextDatagram(fd, 60000);
    QVERIFY2(ready.contains("READY=1"), ready.constData());
    // By then the listening line is out and the port accepts connections.
    server.setReadChannel(QProcess::StandardError);
    QByteArray log = server.readAllStandardError();
    while (!log.contains("event=listening") && server.waitForReadyRead(10000))
        log += server.readAllStandardError();
    const QRegularExpressionMatch url =
        QRegularExpression(QStringLiteral("url=https://127.0.0.1:(\\d+)")).match(QString::fromUtf8(log));
    QVERIFY2(url.hasMatch(), log.constData());
    QVERIFY(ready.contains("STATUS=listening on https://127.0.0.1:" + url.captured(1).toUtf8()));
    QTcpSocket client;
    client.connectToHost(QStringLiteral("127.0.0.1"), quint16(url.captured(1).toUInt()));
    QVERIFY(client.waitForConnected(10000));
    client.abort();

    server.terminate(); // SIGTERM: systemd hears that the stop has begun
    const QByteArray stopping = nextDatagram(fd, 60000);
    QVERIFY2(stopping.contains("STOPPING=1"), stopping.constData());
    QVERIFY(server.waitForFinished(30000));
    QCOMPARE(server.exitCode(), 0);
#endif
}

QTEST_GUILESS_MAIN(TestGatehousedCli)
#include "TestGatehousedCli.moc"
