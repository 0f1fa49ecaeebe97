// gatehoused init and init-admin: a new store and its first platform administrator.
#include "CommandTable.h"
#include "ExitCode.h"
#include "PassphraseInput.h"
#include "identity/PasswordPolicy.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

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

int runInit(Invocation& in)
{
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
    if (!store)
        return fail(store.error());
    QTextStream(stdout) << "Created encrypted store " << store.value()->config().storeId << " in "
                        << store.value()->dataDir() << "\n  key custody: " << store.value()->config().custody.describe()
                        << Qt::endl;
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
    table.add(
        {QStringLiteral("init"),
         QStringLiteral("  init        create an encrypted store in --data-dir (never over an existing one); with\n"
                        "              --admin-user, also its first platform administrator (Platform Owner)\n"),
         false, runInit});
    table.add({QStringLiteral("init-admin"),
               QStringLiteral("  init-admin  create the first platform administrator of a store that has none\n"),
               false, runInitAdmin});
}

} // namespace gatehouse::cli
