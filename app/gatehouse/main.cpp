// gatehouse: the desktop security console.
#include "AdministratorDialog.h"
#include "MainWindow.h"
#include "PassphrasePrompt.h"
#include "api/ApiHost.h"
#include "core/ProcessHardening.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QLibraryInfo>
#include <QMessageBox>
#include <QStandardPaths>
#include <QStatusBar>
#include <QTextStream>
#include <QTranslator>

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
    QApplication::setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));

    QTranslator qtTranslator, translator;
    if (qtTranslator.load(QLocale(), QStringLiteral("qtbase"), QStringLiteral("_"),
                          QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QApplication::installTranslator(&qtTranslator);
    if (translator.load(QLocale(), QStringLiteral("gatehouse"), QStringLiteral("_"), QStringLiteral(":/i18n")))
        QApplication::installTranslator(&translator);

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
    parser.addOptions({dataDirOption, keyFileOption, apiOption});
    parser.process(app);

    const QString dataDir = parser.isSet(dataDirOption)
                                ? parser.value(dataDirOption)
                                : QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);

    keys::ProviderOptions options;
    options.keyFile = parser.value(keyFileOption);
    options.passphrase = ui::passphrasePrompt(nullptr);

    std::unique_ptr<store::Store> store;
    if (!QFileInfo::exists(store::Store::configPath(dataDir))) {
        const auto answer = QMessageBox::question(
            nullptr, QObject::tr("Create a Gatehouse store"),
            QObject::tr("There is no Gatehouse store in %1.\n\nCreate a new encrypted store there, with its master key "
                        "held in your OS keychain?")
                .arg(QDir::toNativeSeparators(dataDir)));
        if (answer != QMessageBox::Yes)
            return 0;
        options.kind = keys::KeyCustody::Kind::Keychain;
        auto provider = keys::MasterKeyProvider::make(options);
        auto created = store::Store::init(dataDir, *provider);
        if (!created) {
            QMessageBox::critical(nullptr, QObject::tr("Gatehouse"), created.error().message);
            return 1;
        }
        store = std::move(created).value();
    } else {
        auto opened = store::Store::open(dataDir, options);
        if (!opened) {
            QMessageBox::critical(nullptr, QObject::tr("Gatehouse"), opened.error().message);
            return 1;
        }
        store = std::move(opened).value();
    }

    // The control plane, and at first run its first administrator.
    service::ControlPlane controlPlane(*store);
    if (auto loaded = controlPlane.load(); !loaded) {
        QMessageBox::critical(nullptr, QObject::tr("Gatehouse"), loaded.error().message);
        return 1;
    }
    if (!controlPlane.hasPlatformOwner()) {
        ui::AdministratorDialog dialog(controlPlane);
        if (dialog.exec() != QDialog::Accepted)
            return 0;
    }

    ui::MainWindow window(*store);
    // The same HTTPS API as gatehoused serve, for scripts on this machine. Requests are served on worker threads,
    // so API load never stalls the window. A busy port is not fatal: the console works without it.
    std::unique_ptr<api::ApiHost> apiHost;
    const QString apiListen = parser.isSet(apiOption) ? parser.value(apiOption) : QStringLiteral("127.0.0.1:8443");
    if (apiListen != QLatin1String("off")) {
        api::ServeSettings settings;
        settings.listen = apiListen;
        auto host = api::ApiHost::start(controlPlane, settings, store->dataDir());
        if (host) {
            apiHost = std::move(host).value();
            window.statusBar()->showMessage(
                QObject::tr("API at %1 (certificate SHA-256 %2)").arg(apiHost->url(), apiHost->fingerprint()));
        } else {
            QTextStream(stderr) << "gatehouse: the HTTPS API is not served: " << host.error().message << Qt::endl;
            window.statusBar()->showMessage(QObject::tr("The HTTPS API is not served: %1").arg(host.error().message));
        }
    }
    window.show();
    const int code = app.exec();
    // Quitting is a clean stop: the API ends first, then the newest audit event is signed.
    apiHost.reset();
    if (auto closed = controlPlane.close(); !closed)
        QTextStream(stderr) << "gatehouse: the audit trail was not signed at exit: " << closed.error().message
                            << Qt::endl;
    return code;
}
