// gatehoused init and init-admin: a new store and its first platform administrator.
#include "CommandTable.h"
#include "ExitCode.h"
#include "PassphraseInput.h"
#include "ProgressLine.h"
#include "api/ServeSettings.h"
#include "api/TlsCertificate.h"
#include "core/Clock.h"
#include "core/Files.h"
#include "demo/DemoStore.h"
#include "identity/PasswordPolicy.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QTextStream>

#include <optional>

namespace gatehouse::cli {

namespace {

// Reads the administrator's password and checks it against the policy before anything is created.
Result<SecureBytes> adminPassword(const Invocation& in)
{
    const QString name = in.value("admin-user");
    const QByteArray prompt = "Password for " + name.toUtf8() + ": ";
    auto password = readSecret(in.value("admin-password-file"), "GATEHOUSE_ADMIN_PASSWORD", prompt.constData(), true);
    if (!password)
        return password.error();
    if (auto ok = identity::PasswordPolicy::check(password.value(), name); !ok)
        return ok.error();
    return password;
}

Result<identity::User> bootstrap(const Invocation& in, store::Store& st, const SecureBytes& password)
{
    service::ControlPlane controlPlane(st);
    if (auto loaded = controlPlane.load(); !loaded)
        return loaded.error();
    return controlPlane.bootstrapPlatformOwner(service::Caller::system(service::Source::Cli), in.value("admin-user"),
                                               password);
}

int reportAdministrator(const identity::User& admin)
{
    QTextStream(stdout) << "Created platform administrator " << admin.username << " (Platform Owner)" << Qt::endl;
    return ExitOk;
}

struct DemoRequest
{
    qint64 events = 100000;
    QString credentials; // where the demo's passwords go
};

// Where the demo's passwords, TOTP secrets and tokens are written: --demo-credentials, or demo-secrets/ beside
// the data directory (never inside it, so a backup of the store does not carry them).
Result<DemoRequest> demoRequest(const Invocation& in)
{
    DemoRequest request;
    if (in.isSet("demo-events")) {
        bool ok = false;
        request.events = in.value("demo-events").toLongLong(&ok);
        if (!ok || request.events < 1000 || request.events > 10'000'000)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("--demo-events takes a number of audit events from 1000 to 10000000"));
    }
    request.credentials = in.isSet("demo-credentials")
                              ? QFileInfo(in.value("demo-credentials")).absoluteFilePath()
                              : QFileInfo(in.dataDir()).absolutePath() + QStringLiteral("/demo-secrets/demo-users.txt");
    if (files::exists(request.credentials))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 exists; the demo never replaces a file: move it away or name another with "
                                        "--demo-credentials FILE")
                             .arg(request.credentials));
    return request;
}

// Fills the new store with the demo and writes its credentials to a private file made for them.
int seedDemo(const Invocation& in, store::Store& st, const DemoRequest& request, std::optional<SecureBytes> password)
{
    demo::DemoOptions options;
    options.events = request.events;
    if (in.isSet("admin-user"))
        options.ownerUsername = in.value("admin-user");
    if (password)
        options.ownerPassword = std::move(*password);
    QElapsedTimer timer;
    timer.start();
    ProgressLine progress;
    auto report = demo::seedWithCredentials(st, options, request.credentials, [&](const demo::DemoProgress& p) {
        progress.update(QStringLiteral("seeding the demo (%1; audit events)").arg(p.phase), p.events, p.target);
        return true;
    });
    progress.finish();
    if (!report) {
        const int code = fail(report.error());
        QTextStream(stderr) << "gatehoused: the store in " << st.dataDir()
                            << " was created but holds only part of the demo; remove it (and its key) and run init "
                               "--demo again"
                            << Qt::endl;
        return code;
    }
    const demo::DemoReport& r = report.value();

    int people = 0, withTotp = 0;
    for (const demo::DemoAccount& a : r.accounts) {
        ++people;
        withTotp += a.totpSecret.isEmpty() ? 0 : 1;
    }
    const auto day = [](qint64 ms) {
        return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate);
    };
    QTextStream(stdout) << "Seeded the demo in " << QString::number(double(timer.elapsed()) / 1000.0, 'f', 1)
                        << " s: " << r.tenants << " tenants, " << r.workspaces << " workspaces, " << people
                        << " people (" << withTotp << " with two-factor authentication), " << r.integrations
                        << " integrations with API tokens, " << r.secrets << " secrets (" << r.secretsOverdue
                        << " overdue for rotation),\n  " << r.events << " audit events from " << day(r.firstEventMs)
                        << " to " << day(r.lastEventMs) << "\n"
                        << "Demo passwords, TOTP secrets and API tokens: " << request.credentials
                        << " (mode 0600; they are not shown here)" << Qt::endl;
    if (options.ownerPassword.isEmpty())
        QTextStream(stdout) << "Platform administrator: " << options.ownerUsername
                            << " (Platform Owner; password in that file)" << Qt::endl;
    else
        QTextStream(stdout) << "Created platform administrator " << options.ownerUsername
                            << " (Platform Owner) with the password you gave" << Qt::endl;
    return ExitOk;
}

// `init --if-absent` (a service's start): a data directory that already holds a store is what was asked for.
bool storeIsPresent(const Invocation& in)
{
    return files::exists(store::Store::configPath(QFileInfo(in.dataDir()).absoluteFilePath()));
}

int reportPresent(const Invocation& in)
{
    QTextStream(stdout) << QFileInfo(in.dataDir()).absoluteFilePath()
                        << " already holds a Gatehouse store; nothing to do (--if-absent)" << Qt::endl;
    return ExitOk;
}

// The names the new certificate is for: --tls-name, and tls.names of the serve config file given with --config.
Result<QStringList> certificateNames(const Invocation& in)
{
    QStringList names = in.parser.values(QStringLiteral("tls-name"));
    if (in.isSet("config")) {
        api::ServeSettings settings;
        if (auto read = settings.readFile(in.value("config")); !read)
            return read.error();
        names << settings.certificateNames;
    }
    return names;
}

int runInit(Invocation& in)
{
    if (!in.isSet("demo") && (in.isSet("demo-events") || in.isSet("demo-credentials")))
        return usage(QStringLiteral("--demo-events and --demo-credentials go with --demo"));
    const bool ifAbsent = in.isSet("if-absent");
    if (ifAbsent && storeIsPresent(in))
        return reportPresent(in);
    auto names = certificateNames(in);
    if (!names)
        return usage(names.error().message);
    std::optional<DemoRequest> demoRequested;
    if (in.isSet("demo")) {
        auto request = demoRequest(in);
        if (!request)
            return usage(request.error().message);
        demoRequested = request.value();
    }
    keys::ProviderOptions options = in.keyOptions;
    if (!options.kind)
        options.kind = in.isSet("key-file") ? keys::KeyCustody::Kind::KeyFile : keys::KeyCustody::Kind::Keychain;
    std::optional<SecureBytes> password;
    if (in.isSet("admin-user")) {
        auto p = adminPassword(in);
        if (!p)
            return fail(p.error());
        password = std::move(p).value();
    }
    auto keyProvider = keys::MasterKeyProvider::make(options);
    auto store = store::Store::init(in.dataDir(), *keyProvider);
    // Another init made the store since the check above (two service starts at once).
    if (!store && ifAbsent && store.error().code == ErrorCode::AlreadyExists && storeIsPresent(in))
        return reportPresent(in);
    if (!store)
        return fail(store.error());
    QTextStream(stdout) << "Created encrypted store " << store.value()->config().storeId << " in "
                        << store.value()->dataDir() << "\n  key custody: " << store.value()->config().custody.describe()
                        << Qt::endl;
    // The API's certificate: clients pin its fingerprint.
    auto certificate = api::TlsCertificate::generate(store.value()->dataDir(), names.value(), Clock::system());
    if (!certificate)
        return fail(certificate.error());
    QTextStream(stdout) << "  API certificate: " << api::TlsCertificate::certificatePath(store.value()->dataDir())
                        << "\n  certificate SHA-256 fingerprint: " << certificate.value().sha256Fingerprint()
                        << Qt::endl;
    // The demo creates the administrator (and the audit signing key) itself, at the start of its history.
    if (demoRequested)
        return seedDemo(in, *store.value(), *demoRequested, std::move(password));
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
    auto admin = bootstrap(in, *store.value(), *password);
    if (!admin) {
        // The password passed the policy before the store was made, so this is a failure of the store itself
        // (a full disk, say): say exactly what is there and how to finish.
        const int code = fail(admin.error());
        QTextStream(stderr) << "gatehoused: the store in " << store.value()->dataDir()
                            << " was created without its platform administrator; once the cause is fixed, finish "
                               "with: gatehoused init-admin --data-dir "
                            << store.value()->dataDir() << " --admin-user " << in.value("admin-user") << Qt::endl;
        return code;
    }
    return reportAdministrator(admin.value());
}

int runInitAdmin(Invocation& in)
{
    if (!in.isSet("admin-user"))
        return usage(QStringLiteral("init-admin needs --admin-user NAME"));
    auto password = adminPassword(in);
    if (!password)
        return fail(password.error());
    auto store = store::Store::open(in.dataDir(), in.keyOptions);
    if (!store)
        return fail(store.error());
    auto admin = bootstrap(in, *store.value(), password.value());
    if (!admin)
        return fail(admin.error());
    return reportAdministrator(admin.value());
}

} // namespace

void addInitCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("admin-user"),
                     QStringLiteral("init, init-admin: username of the first platform administrator."),
                     QStringLiteral("NAME")});
    table.addOption({QStringLiteral("admin-password-file"),
                     QStringLiteral("Read the administrator's password from FILE."), QStringLiteral("FILE")});
    table.addOption({QStringLiteral("tls-name"),
                     QStringLiteral("init: a DNS name or address for the API certificate besides localhost, 127.0.0.1 "
                                    "and ::1 (repeatable)."),
                     QStringLiteral("NAME")});
    table.addOption({QStringLiteral("if-absent"),
                     QStringLiteral("init: succeed without a change when --data-dir already holds a store (for a "
                                    "service's first start).")});
    table.addOption({QStringLiteral("demo"),
                     QStringLiteral("init: fill the new store with demo tenants, people, secrets and a month of "
                                    "audit events.")});
    table.addOption({QStringLiteral("demo-events"),
                     QStringLiteral("init --demo: how many audit events (default 100000, at least 1000)."),
                     QStringLiteral("N")});
    table.addOption({QStringLiteral("demo-credentials"),
                     QStringLiteral("init --demo: where the demo's passwords, TOTP secrets and tokens go (a new 0600 "
                                    "file; default: demo-secrets/demo-users.txt beside --data-dir)."),
                     QStringLiteral("FILE")});
    table.add(
        {QStringLiteral("init"),
         QStringLiteral("  init        create an encrypted store in --data-dir (never over an existing one); with\n"
                        "              --admin-user, also its first platform administrator (Platform Owner)\n"
                        "  init --if-absent\n"
                        "              the same, but a store already in --data-dir is success, left untouched\n"
                        "              (a service's every start)\n"
                        "  init --demo [--demo-events N] [--demo-credentials FILE]\n"
                        "              the same, filled with a demo: 3 tenants, people in every role, secrets\n"
                        "              and N audit events over 30 days; its passwords go to a 0600 file, never\n"
                        "              to the screen\n"),
         false, runInit});
    table.add({QStringLiteral("init-admin"),
               QStringLiteral("  init-admin  create the first platform administrator of a store that has none\n"),
               false, runInitAdmin});
}

} // namespace gatehouse::cli
