// gatehoused: the headless Gatehouse server and its command line.
#include "PassphraseInput.h"
#include "core/ProcessHardening.h"
#include "identity/PasswordPolicy.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QTextStream>

#include <cstdio>

using namespace gatehouse;

namespace {

// Exit codes are part of the command-line interface: scripts rely on them, so they only ever grow.
enum Exit {
    ExitOk = 0,
    ExitFailure = 1,     // unexpected internal error
    ExitUsage = 2,       // bad command line
    ExitNotAStore = 3,   // no store here, a store already here, or not a Gatehouse data directory
    ExitWrongKey = 4,    // the key does not unlock the store
    ExitCorrupt = 5,     // the store file is damaged
    ExitKeyCustody = 6,  // keychain unavailable or refusing, key file unsafe or unreadable
    ExitFileSystem = 7,  // permission denied, read-only, disk full, other I/O error
    ExitSchema = 8,      // the store is newer than this build, or a migration failed
    ExitAuditBroken = 9, // audit verify: the chain or a signed checkpoint is broken
};

const char* const kExitHelp = "Exit codes:\n"
                              "  0  success\n"
                              "  1  unexpected internal error\n"
                              "  2  usage error (unknown command or option)\n"
                              "  3  no store at --data-dir, a store already there, or not a Gatehouse directory\n"
                              "  4  wrong key: the master key does not unlock the store\n"
                              "  5  the store file is corrupt or truncated\n"
                              "  6  key custody: keychain unavailable or refusing, key file unsafe or unreadable\n"
                              "  7  file system: permission denied, read-only, disk full, I/O error\n"
                              "  8  schema: the store is newer than this build, or a migration failed\n"
                              "  9  audit verify: the audit chain or a signed checkpoint is broken (the first bad\n"
                              "     sequence number is printed)\n";

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return ExitUsage;
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::NotAStore:
        return ExitNotAStore;
    case ErrorCode::WrongKey:
        return ExitWrongKey;
    case ErrorCode::Corrupt:
        return ExitCorrupt;
    case ErrorCode::KeychainUnavailable:
    case ErrorCode::KeychainError:
    case ErrorCode::InsecurePermissions:
        return ExitKeyCustody;
    case ErrorCode::PermissionDenied:
    case ErrorCode::ReadOnly:
    case ErrorCode::DiskFull:
    case ErrorCode::Io:
        return ExitFileSystem;
    case ErrorCode::SchemaTooNew:
    case ErrorCode::MigrationFailed:
        return ExitSchema;
    case ErrorCode::Unauthenticated:
    case ErrorCode::Forbidden:
    case ErrorCode::Conflict:
    case ErrorCode::RateLimited:
        return ExitUsage;
    case ErrorCode::AuditUnavailable:
        return ExitFileSystem;
    case ErrorCode::Crypto:
    case ErrorCode::Internal:
        return ExitFailure;
    }
    return ExitFailure;
}

int fail(const Error& error)
{
    QTextStream(stderr) << "gatehoused: " << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

int usage(const QString& message)
{
    QTextStream(stderr) << "gatehoused: " << message << "\nRun `gatehoused --help` for usage." << Qt::endl;
    return ExitUsage;
}

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

} // namespace

int main(int argc, char* argv[])
{
    const bool hardened = hardenProcess();
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehoused"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    if (!hardened)
        QTextStream(stderr) << "gatehoused: warning: could not disable core dumps" << Qt::endl;

    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Gatehouse headless server and command line.\n\n"
                       "Commands:\n"
                       "  init        create an encrypted store in --data-dir (never over an existing one); with\n"
                       "              --admin-user, also its first platform administrator (Platform Owner)\n"
                       "  init-admin  create the first platform administrator of a store that has none\n"
                       "  status      open the store and print schema, encryption settings read back from SQLCipher,\n"
                       "              key custody and file size\n"
                       "  audit verify [--incremental]   walk the audit chain and check every signed checkpoint\n"
                       "  audit export --format jsonl|csv|cef|ocsf|bundle --out PATH [--tenant NAME] [--since T]\n"
                       "               [--until T] [--action PREFIX] [--outcome O] [--actor A] [--text WORDS]\n"
                       "              (bundle: the whole chain, verifiable offline with sha256sum and openssl)\n"
                       "  audit public-key               print the PEM public key that signs checkpoints\n"
                       "  audit prune [--bundle DIR]     apply the retention policy (--keep-days, --keep-events\n"
                       "              set it first); with --bundle, export everything before removing anything\n"
                       "  key rotate [--new-key-provider keychain|file|passphrase] [--new-key-file PATH]\n"
                       "             [--new-passphrase-file FILE]\n"
                       "              new master key: re-keys the store and re-wraps tenant and audit keys; an\n"
                       "              interrupted rotation finishes the next time the store is opened\n\n"
                       "The administrator's password comes from --admin-password-file, GATEHOUSE_ADMIN_PASSWORD, or a\n"
                       "prompt without echo; never from the command line. 12 to 128 characters, not a common one.\n\n"
                       "Key providers (--key-provider):\n"
                       "  keychain    the OS keychain through the Secret Service (desktop default)\n"
                       "  file        a 0600 key file named by --key-file (servers)\n"
                       "  passphrase  Argon2id of a passphrase from --passphrase-file, GATEHOUSE_PASSPHRASE,\n"
                       "              or a prompt without echo\n\n") +
        QString::fromLatin1(kExitHelp));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), QStringLiteral("init, init-admin, status or audit"));
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), QStringLiteral("The data directory."),
                                     QStringLiteral("DIR"));
    const QCommandLineOption provider(QStringLiteral("key-provider"),
                                      QStringLiteral("keychain, file or passphrase (init default: keychain; later "
                                                     "commands read it from the store)."),
                                      QStringLiteral("PROVIDER"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"),
                                     QStringLiteral("Master key file for the file provider (created 0600 if absent)."),
                                     QStringLiteral("PATH"));
    const QCommandLineOption passphraseFile(QStringLiteral("passphrase-file"),
                                            QStringLiteral("Read the passphrase from the first line of FILE."),
                                            QStringLiteral("FILE"));
    const QCommandLineOption json(QStringLiteral("json"), QStringLiteral("status: print JSON."));
    const QCommandLineOption adminUser(
        QStringLiteral("admin-user"), QStringLiteral("init, init-admin: username of the first platform administrator."),
        QStringLiteral("NAME"));
    const QCommandLineOption adminPasswordFile(QStringLiteral("admin-password-file"),
                                               QStringLiteral("Read the administrator's password from FILE."),
                                               QStringLiteral("FILE"));
    const QCommandLineOption format(QStringLiteral("format"),
                                    QStringLiteral("audit export: jsonl, csv, cef, ocsf or bundle."),
                                    QStringLiteral("FORMAT"));
    const QCommandLineOption outPath(QStringLiteral("out"),
                                     QStringLiteral("audit export: output file (bundle: directory)."),
                                     QStringLiteral("PATH"));
    const QCommandLineOption tenant(QStringLiteral("tenant"),
                                    QStringLiteral("audit export: one tenant's events (by name)."),
                                    QStringLiteral("NAME"));
    const QCommandLineOption since(QStringLiteral("since"), QStringLiteral("audit export: from this time (ISO 8601)."),
                                   QStringLiteral("TIME"));
    const QCommandLineOption until(
        QStringLiteral("until"), QStringLiteral("audit export: before this time (ISO 8601)."), QStringLiteral("TIME"));
    const QCommandLineOption action(QStringLiteral("action"), QStringLiteral("audit export: action prefix."),
                                    QStringLiteral("PREFIX"));
    const QCommandLineOption outcome(QStringLiteral("outcome"),
                                     QStringLiteral("audit export: success, denied or error."),
                                     QStringLiteral("OUTCOME"));
    const QCommandLineOption actor(QStringLiteral("actor"), QStringLiteral("audit export: actor id or name."),
                                   QStringLiteral("ACTOR"));
    const QCommandLineOption text(QStringLiteral("text"), QStringLiteral("audit export: words that must all appear."),
                                  QStringLiteral("WORDS"));
    const QCommandLineOption incremental(QStringLiteral("incremental"),
                                         QStringLiteral("audit verify: start after the last verified point."));
    const QCommandLineOption bundle(QStringLiteral("bundle"), QStringLiteral("audit prune: export a bundle first."),
                                    QStringLiteral("DIR"));
    const QCommandLineOption keepDays(QStringLiteral("keep-days"),
                                      QStringLiteral("audit prune: keep N days (0: no limit)."), QStringLiteral("N"));
    const QCommandLineOption newKeyFile(
        QStringLiteral("new-key-file"),
        QStringLiteral("key rotate: where the new master key file goes (must not exist)."), QStringLiteral("PATH"));
    const QCommandLineOption newProvider(QStringLiteral("new-key-provider"),
                                         QStringLiteral("key rotate: keychain or file (default: the current one)."),
                                         QStringLiteral("PROVIDER"));
    const QCommandLineOption newPassphraseFile(
        QStringLiteral("new-passphrase-file"),
        QStringLiteral("key rotate to a passphrase: read the new passphrase from FILE (or GATEHOUSE_NEW_PASSPHRASE, "
                       "or a prompt); also needed to finish such a rotation after a crash."),
        QStringLiteral("FILE"));
    const QCommandLineOption keepEvents(
        QStringLiteral("keep-events"),
        QStringLiteral("audit prune: keep at most N events (0: no limit, else >= 1000)."), QStringLiteral("N"));
    parser.addOptions({dataDir,
                       provider,
                       keyFile,
                       passphraseFile,
                       json,
                       adminUser,
                       adminPasswordFile,
                       format,
                       outPath,
                       tenant,
                       since,
                       until,
                       action,
                       outcome,
                       actor,
                       text,
                       incremental,
                       bundle,
                       keepDays,
                       keepEvents,
                       newKeyFile,
                       newProvider,
                       newPassphraseFile});
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "gatehoused " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    const bool hasSubcommand = args.value(0) == QLatin1String("audit") || args.value(0) == QLatin1String("key");
    if (args.isEmpty() || (args.size() != 1 && !hasSubcommand) || args.size() > 2)
        return usage(QStringLiteral("name one command: init, init-admin, status or audit SUBCOMMAND"));
    const QString command = args.first();
    if (!parser.isSet(dataDir))
        return usage(QStringLiteral("--data-dir DIR is required"));

    keys::ProviderOptions options;
    if (parser.isSet(provider)) {
        auto kind = keys::KeyCustody::parseKind(parser.value(provider));
        if (!kind)
            return usage(kind.error().message);
        options.kind = kind.value();
    }
    options.keyFile = parser.value(keyFile);
    options.passphrase = cli::passphraseSource(parser.value(passphraseFile));
    options.nextPassphrase = [file = parser.value(newPassphraseFile)](keys::PassphrasePurpose purpose) {
        const bool create = purpose == keys::PassphrasePurpose::Create;
        return cli::readSecret(file, "GATEHOUSE_NEW_PASSPHRASE",
                               create ? "New master passphrase: " : "New passphrase: ", create);
    };
    if (parser.isSet(keyFile) && options.kind && *options.kind != keys::KeyCustody::Kind::KeyFile)
        return usage(QStringLiteral("--key-file goes with --key-provider file"));

    // Reads the administrator's password and checks it against the policy before anything is created.
    auto adminPassword = [&]() -> Result<SecureBytes> {
        const QString name = parser.value(adminUser);
        const QByteArray prompt = "Password for " + name.toUtf8() + ": ";
        auto password =
            cli::readSecret(parser.value(adminPasswordFile), "GATEHOUSE_ADMIN_PASSWORD", prompt.constData(), true);
        if (!password)
            return password.error();
        if (auto ok = identity::PasswordPolicy::check(password.value(), name); !ok)
            return ok.error();
        return password;
    };
    auto bootstrap = [&](store::Store& st, const SecureBytes& password) -> int {
        service::ControlPlane controlPlane(st);
        if (auto loaded = controlPlane.load(); !loaded)
            return fail(loaded.error());
        auto admin = controlPlane.bootstrapPlatformOwner(service::Caller::system(service::Source::Cli),
                                                         parser.value(adminUser), password);
        if (!admin)
            return fail(admin.error());
        QTextStream(stdout) << "Created platform administrator " << admin.value().username << " (Platform Owner)"
                            << Qt::endl;
        return ExitOk;
    };

    if (command == QLatin1String("init")) {
        if (!options.kind)
            options.kind = parser.isSet(keyFile) ? keys::KeyCustody::Kind::KeyFile : keys::KeyCustody::Kind::Keychain;
        std::optional<SecureBytes> password;
        if (parser.isSet(adminUser)) {
            auto p = adminPassword();
            if (!p)
                return fail(p.error());
            password = std::move(p).value();
        }
        auto keyProvider = keys::MasterKeyProvider::make(options);
        auto store = store::Store::init(parser.value(dataDir), *keyProvider);
        if (!store)
            return fail(store.error());
        QTextStream(stdout) << "Created encrypted store " << store.value()->config().storeId << " in "
                            << store.value()->dataDir()
                            << "\n  key custody: " << store.value()->config().custody.describe() << Qt::endl;
        {
            // Creates the audit signing key now, while the operator is watching.
            service::ControlPlane controlPlane(*store.value());
            if (auto loaded = controlPlane.load(); !loaded)
                return fail(loaded.error());
        }
        if (!password) {
            QTextStream(stdout) << "No platform administrator yet; create one with: gatehoused init-admin --data-dir "
                                << store.value()->dataDir() << " --admin-user NAME" << Qt::endl;
            return ExitOk;
        }
        return bootstrap(*store.value(), *password);
    }
    if (command == QLatin1String("init-admin")) {
        if (!parser.isSet(adminUser))
            return usage(QStringLiteral("init-admin needs --admin-user NAME"));
        auto password = adminPassword();
        if (!password)
            return fail(password.error());
        auto store = store::Store::open(parser.value(dataDir), options);
        if (!store)
            return fail(store.error());
        return bootstrap(*store.value(), password.value());
    }
    if (command == QLatin1String("status")) {
        auto store = store::Store::open(parser.value(dataDir), options, store::Store::Intent::Inspect);
        if (!store)
            return fail(store.error());
        auto status = store.value()->status();
        if (!status)
            return fail(status.error());
        if (parser.isSet(json))
            QTextStream(stdout) << QJsonDocument(statusJson(status.value())).toJson(QJsonDocument::Indented);
        else
            printStatus(status.value());
        return ExitOk;
    }
    if (command == QLatin1String("key")) {
        if (args.value(1) != QLatin1String("rotate"))
            return usage(QStringLiteral("key needs a subcommand: rotate"));
        auto store = store::Store::open(parser.value(dataDir), options);
        if (!store)
            return fail(store.error());
        service::ControlPlane controlPlane(*store.value());
        if (auto loaded = controlPlane.load(); !loaded)
            return fail(loaded.error());
        keys::ProviderOptions next;
        next.kind = store.value()->config().custody.kind;
        if (parser.isSet(newProvider)) {
            auto kind = keys::KeyCustody::parseKind(parser.value(newProvider));
            if (!kind)
                return usage(kind.error().message);
            next.kind = kind.value();
        }
        if (next.kind == keys::KeyCustody::Kind::KeyFile && !parser.isSet(newKeyFile))
            return usage(QStringLiteral("rotating to a key file needs --new-key-file PATH (a new path)"));
        if (next.kind == keys::KeyCustody::Kind::KeyFile && QFileInfo::exists(parser.value(newKeyFile)))
            return usage(
                QStringLiteral("%1 exists; the new key file must be a new path").arg(parser.value(newKeyFile)));
        next.keyFile = parser.value(newKeyFile);
        next.passphrase = options.nextPassphrase;
        auto nextProvider = keys::MasterKeyProvider::make(next);
        const QString before = store.value()->config().custody.describe();
        if (auto r = controlPlane.rotateMasterKey(service::Caller::system(service::Source::Cli), *nextProvider); !r)
            return fail(r.error());
        QTextStream(stdout) << "master key rotated\n  was: " << before
                            << "\n  now: " << store.value()->config().custody.describe() << Qt::endl;
        if (before.startsWith(QLatin1String("key file")))
            QTextStream(stdout) << "The old key file no longer opens the store; destroy it (shred -u) and its backups."
                                << Qt::endl;
        return ExitOk;
    }
    if (command == QLatin1String("audit")) {
        if (args.size() != 2)
            return usage(QStringLiteral("audit needs a subcommand: verify, export, public-key or prune"));
        auto store = store::Store::open(parser.value(dataDir), options);
        if (!store)
            return fail(store.error());
        service::ControlPlane controlPlane(*store.value());
        if (auto loaded = controlPlane.load(); !loaded)
            return fail(loaded.error());
        const service::Caller local = service::Caller::system(service::Source::Cli);
        const QString sub = args.at(1);
        QTextStream out(stdout);
        if (sub == QLatin1String("verify")) {
            auto report = controlPlane.verifyAudit(local, parser.isSet(incremental));
            if (!report)
                return fail(report.error());
            const auto& r = report.value();
            if (!r.intact) {
                QTextStream(stderr) << "gatehoused: audit chain BROKEN at event " << r.firstBadSeq << " (" << r.problem
                                    << "): " << r.message << Qt::endl;
                return ExitAuditBroken;
            }
            out << "audit chain intact: events " << r.fromSeq << " to " << r.toSeq << ", " << r.eventsChecked
                << " events and " << r.checkpointsChecked << " signed checkpoints verified" << Qt::endl;
            return ExitOk;
        }
        if (sub == QLatin1String("public-key")) {
            auto pem = controlPlane.auditPublicKeyPem(local);
            if (!pem)
                return fail(pem.error());
            out << QString::fromLatin1(pem.value());
            return ExitOk;
        }
        if (sub == QLatin1String("prune")) {
            if (parser.isSet(keepDays) || parser.isSet(keepEvents)) {
                audit::RetentionPolicy policy{parser.value(keepDays).toInt(), parser.value(keepEvents).toLongLong()};
                if (auto set = controlPlane.setAuditRetention(local, policy); !set)
                    return fail(set.error());
            }
            auto removed = controlPlane.pruneAudit(local, parser.value(bundle));
            if (!removed)
                return fail(removed.error());
            out << "removed " << removed.value() << " audit events under the retention policy" << Qt::endl;
            return ExitOk;
        }
        if (sub != QLatin1String("export"))
            return usage(
                QStringLiteral("unknown audit subcommand '%1': use verify, export, public-key or prune").arg(sub));
        if (!parser.isSet(format) || !parser.isSet(outPath))
            return usage(QStringLiteral("audit export needs --format and --out"));
        auto progress = [](qint64 n) {
            QTextStream(stderr) << "\rexported " << n << " events" << Qt::flush;
        };
        if (parser.value(format) == QLatin1String("bundle")) {
            auto summary = controlPlane.exportAuditBundle(local, parser.value(outPath), progress);
            if (!summary)
                return fail(summary.error());
            QTextStream(stderr) << "\n";
            out << "wrote bundle " << summary.value().directory << ": events " << summary.value().firstSeq << " to "
                << summary.value().lastSeq << ", " << summary.value().checkpoints
                << " signed checkpoints; verify with: sh " << summary.value().directory << "/VERIFY" << Qt::endl;
            return ExitOk;
        }
        auto fmt = audit::parseExportFormat(parser.value(format));
        if (!fmt)
            return usage(fmt.error().message);
        audit::AuditQuery query;
        if (parser.isSet(tenant)) {
            auto tenants = controlPlane.listTenants(local);
            if (!tenants)
                return fail(tenants.error());
            for (const auto& t : tenants.value()) {
                if (t.name == parser.value(tenant))
                    query.tenantId = t.id;
            }
            if (query.tenantId.isEmpty())
                return fail(
                    makeError(ErrorCode::NotFound, QStringLiteral("no tenant named %1").arg(parser.value(tenant))));
        }
        for (const auto& [option, target] : {std::pair{&since, &query.fromMs}, std::pair{&until, &query.toMs}}) {
            if (!parser.isSet(*option))
                continue;
            const QDateTime t = QDateTime::fromString(parser.value(*option), Qt::ISODate);
            if (!t.isValid())
                return usage(QStringLiteral("--%1 takes an ISO 8601 time, e.g. 2026-11-01T00:00:00Z")
                                 .arg(option->names().first()));
            *target = t.toMSecsSinceEpoch();
        }
        query.actionPrefix = parser.value(action);
        query.outcome = parser.value(outcome);
        query.actor = parser.value(actor);
        query.text = parser.value(text);
        QSaveFile file(parser.value(outPath));
        if (!file.open(QIODevice::WriteOnly))
            return fail(makeError(
                ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(parser.value(outPath), file.errorString())));
        auto n = controlPlane.exportAudit(local, query, fmt.value(), file, progress);
        if (!n) {
            file.cancelWriting();
            return fail(n.error());
        }
        if (!file.commit())
            return fail(makeError(
                ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(parser.value(outPath), file.errorString())));
        QTextStream(stderr) << "\n";
        out << "exported " << n.value() << " events to " << parser.value(outPath) << Qt::endl;
        return ExitOk;
    }
    return usage(QStringLiteral("unknown command '%1': use init, init-admin, status or audit").arg(command));
}
