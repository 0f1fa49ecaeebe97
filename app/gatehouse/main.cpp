// gatehouse: the desktop security console.
#include "AdministratorDialog.h"
#include "PassphrasePrompt.h"
#include "api/ApiHost.h"
#include "console/ConsoleBridge.h"
#include "core/ProcessHardening.h"
#include "service/ControlPlane.h"
#include "shell/Appearance.h"
#include "shell/DemoLauncher.h"
#include "shell/FirstRunWizard.h"
#include "shell/MainWindow.h"
#include "shell/SignInDialog.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTextStream>

#include <cstdlib>

using namespace gatehouse;

namespace {

bool displayAvailable()
{
    const auto set = [](const char* name) {
        return !qEnvironmentVariableIsEmpty(name);
    };
    return set("QT_QPA_PLATFORM") || set("DISPLAY") || set("WAYLAND_DISPLAY");
}

} // namespace

int main(int argc, char* argv[])
{
    hardenProcess();
    if (!displayAvailable()) {
        QTextStream(stderr) << "gatehouse: no display is available (DISPLAY and WAYLAND_DISPLAY are unset).\n"
                               "Run the headless server instead, for example:\n"
                               "  gatehoused status --data-dir DIR\n";
        return 2;
    }
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    // The desktop entry's name (installer/), so Wayland shells match the window to its menu entry and icon.
    QGuiApplication::setDesktopFileName(QStringLiteral("io.github.gatehouse.Gatehouse"));
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));

    // Fusion in the system's light or dark palette, the system's language, unless the preferences say otherwise.
    ui::Appearance::apply(app, ui::Appearance::theme());
    ui::Appearance::installTranslators(app);

    QCommandLineParser parser;
    parser.setApplicationDescription(QStringLiteral("Gatehouse desktop security console."));
    parser.addHelpOption();
    parser.addVersionOption();
    const QCommandLineOption dataDirOption(QStringLiteral("data-dir"), QStringLiteral("The data directory."),
                                           QStringLiteral("DIR"));
    const QCommandLineOption keyFileOption(QStringLiteral("key-file"),
                                           QStringLiteral("Master key file, for stores that use the file provider."),
                                           QStringLiteral("PATH"));
    const QCommandLineOption apiOption(
        QStringLiteral("api-listen"),
        QStringLiteral("Serve the HTTPS API here for local scripts (default 127.0.0.1:8443; "
                       "\"off\" to serve none)."),
        QStringLiteral("ADDR:PORT"));
    const QCommandLineOption demoOption(
        QStringLiteral("demo"),
        QStringLiteral("Open the demo store, making it the first time (three tenants, people in every role, secrets "
                       "and a month of audit history). Its accounts' passwords are written to "
                       "demo-secrets/demo-users.txt beside the data directory."));
    const QCommandLineOption demoEventsOption(
        QStringLiteral("demo-events"),
        QStringLiteral("With --demo, when the demo store is made: how many audit events (default 100000)."),
        QStringLiteral("N"));
    parser.addOptions({dataDirOption, keyFileOption, apiOption, demoOption, demoEventsOption});
    parser.process(app);

    const bool demo = parser.isSet(demoOption);
    qint64 demoEvents = 100000;
    if (parser.isSet(demoEventsOption)) {
        bool ok = false;
        demoEvents = parser.value(demoEventsOption).toLongLong(&ok);
        if (!demo || !ok || demoEvents < 1000 || demoEvents > 10000000) {
            QTextStream(stderr) << "gatehouse: --demo-events goes with --demo and takes a number of audit events "
                                   "from 1000 to 10000000\n";
            return 2;
        }
    }
    ui::DemoLauncher::Places demoPlaces = parser.isSet(dataDirOption)
                                              ? ui::DemoLauncher::placesFor(parser.value(dataDirOption))
                                              : ui::DemoLauncher::defaultPlaces();
    if (parser.isSet(keyFileOption))
        demoPlaces.keyFile = parser.value(keyFileOption);
    const QString dataDir = demo ? demoPlaces.dataDir
                            : parser.isSet(dataDirOption)
                                ? parser.value(dataDirOption)
                                : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);

    keys::ProviderOptions options;
    options.keyFile = demo ? demoPlaces.keyFile : parser.value(keyFileOption);
    options.passphrase = ui::passphrasePrompt(nullptr);

    std::unique_ptr<store::Store> store;
    std::unique_ptr<service::ControlPlane> controlPlane;
    const auto loadControlPlane = [&]() {
        controlPlane = std::make_unique<service::ControlPlane>(*store);
        if (auto loaded = controlPlane->load(); !loaded) {
            QMessageBox::critical(nullptr, QObject::tr("Gatehouse"), loaded.error().message);
            return false;
        }
        return true;
    };
    if (demo && !QFileInfo::exists(store::Store::configPath(dataDir))) {
        // The demo the first time: made here, with progress, then opened like any store.
        auto made = ui::DemoLauncher::create(demoPlaces, demoEvents, nullptr);
        if (!made) {
            QMessageBox::critical(nullptr, QObject::tr("Gatehouse"), made.error().message);
            return 1;
        }
        if (!made.value().store)
            return 0;
        store = std::move(made.value().store);
        if (!loadControlPlane())
            return 1;
    } else if (!QFileInfo::exists(store::Store::configPath(dataDir))) {
        // First run: the wizard creates the store, its administrator (with an authenticator) and maybe a tenant.
        ui::FirstRunWizard wizard(dataDir);
        const bool accepted = wizard.exec() == QDialog::Accepted;
        auto outcome = wizard.takeOutcome();
        if (!outcome.store)
            return 0;
        store = std::move(outcome.store);
        controlPlane = std::move(outcome.controlPlane);
        // The wizard's own session ends here; the console signs in like any other time, with the new
        // authenticator.
        (void)controlPlane->signOut(
            service::Caller::withToken(outcome.sessionToken, service::Source::Gui, QStringLiteral("local")));
        if (!accepted)
            return 0;
    } else {
        auto opened = store::Store::open(dataDir, options);
        if (!opened) {
            QMessageBox::critical(nullptr, QObject::tr("Gatehouse"), opened.error().message);
            return 1;
        }
        store = std::move(opened).value();
        if (!loadControlPlane())
            return 1;
    }
    // A store made by `gatehoused init` without an administrator gets one now.
    if (!controlPlane->hasPlatformOwner()) {
        ui::AdministratorDialog dialog(*controlPlane);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
    }

    // The store's status is read now, before the console's calls start on their worker thread.
    const auto storeStatus = store->status();
    ui::ConsoleBridge bridge(*controlPlane);
    ui::MainWindow window(bridge);
    if (storeStatus)
        window.showStoreStatus(storeStatus.value());
    // The same HTTPS API as gatehoused serve, for scripts on this machine. Requests are served on worker threads,
    // so API load never stalls the window. A busy port is not fatal: the console works without it.
    std::unique_ptr<api::ApiHost> apiHost;
    const QString apiListen = parser.isSet(apiOption) ? parser.value(apiOption) : QStringLiteral("127.0.0.1:8443");
    if (apiListen != QLatin1String("off")) {
        api::ServeSettings settings;
        settings.listen = apiListen;
        auto host = api::ApiHost::start(*controlPlane, settings, store->dataDir());
        if (host) {
            apiHost = std::move(host).value();
            window.showApi(apiHost->url(), apiHost->fingerprint());
        } else {
            QTextStream(stderr) << "gatehouse: the HTTPS API is not served: " << host.error().message << Qt::endl;
            window.showApiUnavailable(QObject::tr("The HTTPS API is not served: %1").arg(host.error().message));
        }
    }

    // The console acts as the identity that signs in, never as the local system.
    ui::SignInDialog signIn(bridge);
    if (demo)
        signIn.setNote(QObject::tr("This is the demo. The platform administrator is admin; every demo account's "
                                   "password and authenticator secret is in %1.")
                           .arg(QDir::toNativeSeparators(demoPlaces.credentialsFile)));
    if (signIn.exec() != QDialog::Accepted)
        return 0;
    window.show();
    const int code = app.exec();
    bridge.endSessionNow();
    // Quitting is a clean stop: the API ends first, then the newest audit event is signed.
    apiHost.reset();
    if (auto closed = controlPlane->close(); !closed)
        QTextStream(stderr) << "gatehouse: the audit trail was not signed at exit: " << closed.error().message
                            << Qt::endl;
    return code;
}
