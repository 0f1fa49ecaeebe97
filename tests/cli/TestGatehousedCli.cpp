// Drives the real gatehoused binary as a user or a script would, checking messages, exit codes, and that
// nothing on disk changes when a command is refused. Runs inside a private keyring session (ctest does this).
#include "PlainSqlite.h"
#include "TestSupport.h"
#include "service/ControlPlane.h"
#include "store/Migrations.h"

#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QtTest>

#include <sys/stat.h>

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
    void auditVerifyExportAndTamper();
    void keychainKeyRotatesTwice();

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
    QVERIFY(r.out.contains(QLatin1String("--key-provider")));
    QVERIFY(r.out.contains(QLatin1String("GATEHOUSE_PASSPHRASE")));
    QVERIFY(r.out.contains(QLatin1String("GATEHOUSE_ADMIN_PASSWORD")));
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

QTEST_GUILESS_MAIN(TestGatehousedCli)
#include "TestGatehousedCli.moc"
