// gatehoused status and key rotate: what the store is, and a new master key for it.
#include "CommandTable.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "api/TlsCertificate.h"
#include "core/Clock.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gatehouse::cli {

namespace {

QJsonObject statusJson(const store::StoreStatus& s)
{
    const auto& c = s.settings;
    return QJsonObject{
        {QStringLiteral("data_dir"), s.dataDir},
        {QStringLiteral("database"), s.databasePath},
        {QStringLiteral("store_id"), s.storeId},
        {QStringLiteral("created_at"), s.createdAt.toString(Qt::ISODate)},
        {QStringLiteral("schema_version"), s.schemaVersion},
        {QStringLiteral("schema_version_supported"), s.latestSchemaVersion},
        {QStringLiteral("key_custody"), s.keyCustody},
        {QStringLiteral("database_bytes"), s.databaseBytes},
        {QStringLiteral("wal_bytes"), s.walBytes},
        {QStringLiteral("integrity"), s.integrity},
        {QStringLiteral("key_rotation"), s.keyRotation},
        {QStringLiteral("encryption"),
         QJsonObject{
             {QStringLiteral("sqlcipher_version"), c.sqlcipherVersion},
             {QStringLiteral("cipher"), c.cipher},
             {QStringLiteral("crypto_provider"), c.cryptoProvider},
             {QStringLiteral("page_size"), c.pageSize},
             {QStringLiteral("hmac"), c.hmac},
             {QStringLiteral("key"), QStringLiteral("raw 256-bit, HKDF-SHA256(master, \"gatehouse/db\")")},
             {QStringLiteral("journal_mode"), c.journalMode},
             {QStringLiteral("synchronous"), c.synchronousName()},
             {QStringLiteral("foreign_keys"), c.foreignKeys},
             {QStringLiteral("secure_delete"), c.secureDelete},
             {QStringLiteral("busy_timeout_ms"), c.busyTimeoutMs},
             {QStringLiteral("temp_store"), c.tempStore == 2 ? QStringLiteral("memory") : QString::number(c.tempStore)},
         }},
    };
}

void printStatus(const store::StoreStatus& s)
{
    const auto& c = s.settings;
    const auto yesNo = [](bool b) {
        return b ? QStringLiteral("on") : QStringLiteral("off");
    };
    QTextStream out(stdout);
    out << "Gatehouse store " << s.storeId << "\n"
        << "  data directory   " << s.dataDir << "\n"
        << "  created          " << s.createdAt.toString(Qt::ISODate) << "\n"
        << "  schema version   " << s.schemaVersion << " (this build supports " << s.latestSchemaVersion << ")\n"
        << "  key custody      " << s.keyCustody << "\n"
        << "  database file    " << s.databasePath << ", " << s.databaseBytes << " bytes (+" << s.walBytes
        << " bytes WAL)\n"
        << "  integrity        " << s.integrity << "\n"
        << (s.keyRotation.isEmpty() ? QString()
                                    : QStringLiteral("  key rotation     ") + s.keyRotation + QLatin1Char('\n'))
        << "  encryption       SQLCipher " << c.sqlcipherVersion << ", " << c.cipher << " with per-page HMAC "
        << yesNo(c.hmac) << ", " << c.cryptoProvider << ", page size " << c.pageSize
        << ", raw 256-bit key (HKDF-SHA256 of the master key)\n"
        << "  durability       journal " << c.journalMode << ", synchronous " << c.synchronousName()
        << ", busy timeout " << c.busyTimeoutMs << " ms\n"
        << "  hygiene          secure_delete " << yesNo(c.secureDelete) << ", foreign_keys " << yesNo(c.foreignKeys)
        << ", temp_store " << (c.tempStore == 2 ? QStringLiteral("memory") : QString::number(c.tempStore)) << "\n";
}

// The API certificate's fingerprint for clients to pin, or why it cannot be used.
QString certificateLine(const QString& dataDir, QString* fingerprint = nullptr)
{
    const QString path = api::TlsCertificate::certificatePath(dataDir);
    if (!QFileInfo::exists(path))
        return QStringLiteral("none yet (serve generates one)");
    auto c = api::TlsCertificate::load(path, api::TlsCertificate::keyPath(dataDir), Clock::system());
    if (!c)
        return QStringLiteral("unusable: ") + c.error().message;
    if (fingerprint)
        *fingerprint = c.value().sha256Fingerprint();
    return QStringLiteral("SHA-256 %1, valid until %2")
        .arg(c.value().sha256Fingerprint(), c.value().notAfter().toString(Qt::ISODate));
}

int runStatus(Invocation& in)
{
    auto store = store::Store::open(in.dataDir(), in.keyOptions, store::Store::Intent::Inspect);
    if (!store)
        return fail(store.error());
    auto status = store.value()->status();
    if (!status)
        return fail(status.error());
    QString fingerprint;
    const QString certificate = certificateLine(in.dataDir(), &fingerprint);
    if (in.isSet("json")) {
        QJsonObject o = statusJson(status.value());
        o.insert(QStringLiteral("api_certificate_sha256"),
                 fingerprint.isEmpty() ? QJsonValue() : QJsonValue(fingerprint));
        QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Indented);
    } else {
        printStatus(status.value());
        QTextStream(stdout) << "  API certificate  " << certificate << "\n";
    }
    return ExitOk;
}

int runKey(Invocation& in)
{
    if (in.args.value(1) != QLatin1String("rotate"))
        return usage(QStringLiteral("key needs a subcommand: rotate"));
    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& controlPlane = *opened.value().controlPlane;
    keys::ProviderOptions next;
    store::Store& st = *opened.value().store;
    next.kind = st.config().custody.kind;
    if (in.isSet("new-key-provider")) {
        auto kind = keys::KeyCustody::parseKind(in.value("new-key-provider"));
        if (!kind)
            return usage(kind.error().message);
        next.kind = kind.value();
    }
    const QString newKeyFile = in.value("new-key-file");
    if (next.kind == keys::KeyCustody::Kind::KeyFile && newKeyFile.isEmpty())
        return usage(QStringLiteral("rotating to a key file needs --new-key-file PATH (a new path)"));
    if (next.kind == keys::KeyCustody::Kind::KeyFile && QFileInfo::exists(newKeyFile))
        return usage(QStringLiteral("%1 exists; the new key file must be a new path").arg(newKeyFile));
    next.keyFile = newKeyFile;
    next.passphrase = in.keyOptions.nextPassphrase;
    auto nextProvider = keys::MasterKeyProvider::make(next);
    const QString before = st.config().custody.describe();
    if (auto r = controlPlane.rotateMasterKey(service::Caller::system(service::Source::Cli), *nextProvider); !r)
        return fail(r.error());
    QTextStream(stdout) << "master key rotated\n  was: " << before << "\n  now: " << st.config().custody.describe()
                        << Qt::endl;
    if (before.startsWith(QLatin1String("key file")))
        QTextStream(stdout) << "The old key file no longer opens the store; destroy it (shred -u) and its backups."
                            << Qt::endl;
    return ExitOk;
}

} // namespace

void addStoreCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("json"), QStringLiteral("status, boundaries: print JSON.")});
    table.addOption({QStringLiteral("new-key-file"),
                     QStringLiteral("key rotate: where the new master key file goes (must not exist)."),
                     QStringLiteral("PATH")});
    table.addOption({QStringLiteral("new-key-provider"),
                     QStringLiteral("key rotate: keychain or file (default: the current one)."),
                     QStringLiteral("PROVIDER")});
    table.add({QStringLiteral("status"),
               QStringLiteral("  status      open the store and print schema, encryption settings read back from "
                              "SQLCipher,\n"
                              "              key custody and file size\n"),
               false, runStatus});
    table.add({QStringLiteral("key"),
               QStringLiteral("  key rotate [--new-key-provider keychain|file|passphrase] [--new-key-file PATH]\n"
                              "             [--new-passphrase-file FILE]\n"
                              "              new master key: re-keys the store and re-wraps tenant and audit keys; "
                              "an\n"
                              "              interrupted rotation finishes the next time the store is opened\n"),
               true, runKey});
}

} // namespace gatehouse::cli
