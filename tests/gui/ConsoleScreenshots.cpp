// Renders the console on a real store, signed in as a real identity, one PNG per pane (and the lock page, the audit
// pane's Forwarding window and its destination editor), in the light or the dark theme: the pictures in
// docs/screenshots. A program, run by tests/gui/screenshots.sh under xvfb-run; not a test.
//   console-screenshots --data-dir DIR --key-file FILE --password-file FILE [--tenant NAME] [--user NAME]
//                       --out DIR --theme light|dark [--only PANE]
// --only renders that pane alone (its file name: trust-boundaries), for a pane another identity should be shown in;
// --only identity-provider renders the tenant's Identity Provider dialog alone.
#include "ConsoleProgramSupport.h"
#include "console/ConsoleBridge.h"
#include "panes/FederationDialog.h"
#include "panes/TenancyPane.h"
#include "service/ControlPlane.h"
#include "shell/Appearance.h"
#include "shell/MainWindow.h"
#include "store/Store.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QDialog>
#include <QDir>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableView>
#include <QTextStream>
#include <QToolButton>

using namespace gatehouse;

namespace {

QString fileNameOf(const QString& text)
{
    QString out;
    for (QChar c : text.toLower()) {
        if (c.isLetterOrNumber())
            out += c;
        else if (!out.endsWith(QLatin1Char('-')))
            out += QLatin1Char('-');
    }
    while (out.endsWith(QLatin1Char('-')))
        out.chop(1);
    return out;
}

// Saves `w` as <name><suffix> in `target`; false when it cannot be written.
bool save(QWidget* w, const QDir& target, const QString& name, const QString& suffix)
{
    if (!w->grab().save(target.filePath(name + suffix)))
        return false;
    QTextStream(stdout) << target.filePath(name + suffix) << Qt::endl;
    return true;
}

// Opens the Forwarding window from the audit pane and its editor for a new destination, saves both, and closes them;
// empty on success, else what went wrong.
QString shootForwarding(QWidget& window, ui::ConsoleBridge& bridge, const QDir& target, const QString& suffix)
{
    auto* open = window.findChild<QToolButton*>(QStringLiteral("auditForwardingButton"));
    if (!open)
        return QStringLiteral("no Forwarding button in the audit pane");
    open->click();
    test::settle(bridge, 500);
    auto* forwarding = window.findChild<QDialog*>(QStringLiteral("forwardingDialog"));
    if (!forwarding)
        return QStringLiteral("the Forwarding window did not open");
    if (!save(forwarding, target, QStringLiteral("audit-forwarding"), suffix))
        return QStringLiteral("cannot write the Forwarding window");
    auto* add = forwarding->findChild<QPushButton*>(QStringLiteral("forwardingAdd"));
    if (add && add->isEnabled()) {
        add->click();
        test::settle(bridge, 300);
        auto* editor = forwarding->findChild<QDialog*>(QStringLiteral("destinationDialog"));
        if (!editor)
            return QStringLiteral("the destination editor did not open");
        editor->findChild<QLineEdit*>(QStringLiteral("destinationName"))->setText(QStringLiteral("siem"));
        editor->findChild<QLineEdit*>(QStringLiteral("destinationHost"))->setText(QStringLiteral("siem.example.com"));
        editor->findChild<QLineEdit*>(QStringLiteral("destinationCaFile"))
            ->setText(QStringLiteral("/etc/gatehouse/siem-ca.pem"));
        test::settle(bridge, 100);
        if (!save(editor, target, QStringLiteral("audit-forwarding-destination"), suffix))
            return QStringLiteral("cannot write the destination editor");
        editor->close();
    }
    forwarding->close();
    test::settle(bridge, 100);
    return {};
}

int fail(const QString& message)
{
    QTextStream(stderr) << "console-screenshots: " << message << Qt::endl;
    return 1;
}

// The tenant's Identity Provider dialog (Tenants & Workspaces), its Provider and Group Mappings tabs. A demo tenant
// has no provider: a sample one is set first, through the console's door as the signed-in owner. Empty on success.
QString shootIdentityProvider(ui::MainWindow& window, ui::ConsoleBridge& bridge, QListWidget* navigation,
                              const QDir& target, const QString& suffix)
{
    const QString tenantId = bridge.identity().tenantId;
    if (tenantId.isEmpty())
        return {}; // the platform has no provider of its own
    const QString tenantName = bridge.tenantName();
    QString failure;
    bridge.call(
        &window,
        [tenantId, tenantName](service::ControlPlane& cp, const service::Caller& caller) -> Result<void> {
            if (cp.federation(caller, tenantId))
                return {};
            identity::FederationConfig c;
            c.tenantId = tenantId;
            c.issuer = QStringLiteral("https://login.example.com/realms/%1").arg(tenantName);
            c.clientId = QStringLiteral("gatehouse-console");
            c.scopes << QStringLiteral("groups");
            c.jitProvisioning = true;
            const QByteArray sample("sample-client-secret");
            auto set = cp.setFederation(
                caller, c,
                SecureBytes(reinterpret_cast<const unsigned char*>(sample.data()), std::size_t(sample.size())));
            if (!set)
                return set.error();
            QList<identity::GroupMapping> mappings{
                {{}, tenantId, tenantName + QStringLiteral("-admins"), authz::builtin::kTenantAdmin, {}, 0},
                {{}, tenantId, QStringLiteral("security-team"), authz::builtin::kSecurityReviewer, {}, 0}};
            if (auto workspaces = cp.listWorkspaces(caller, tenantId); workspaces && !workspaces.value().isEmpty())
                mappings.append({{},
                                 tenantId,
                                 QStringLiteral("release-engineers"),
                                 authz::builtin::kSecretsManager,
                                 workspaces.value().first().id,
                                 0});
            auto mapped = cp.setGroupMappings(caller, tenantId, mappings);
            if (!mapped)
                return mapped.error();
            return {};
        },
        [&failure](Result<void> done) {
            if (!done)
                failure = done.error().message;
        });
    test::settle(bridge);
    if (!failure.isEmpty())
        return QStringLiteral("cannot set the sample identity provider: %1").arg(failure);
    for (int row = 0; row < navigation->count(); ++row) {
        if (fileNameOf(navigation->item(row)->text().remove(QLatin1Char('&'))) == QLatin1String("tenants-workspaces"))
            navigation->setCurrentRow(row);
    }
    test::settle(bridge, 500);
    auto* pane = window.findChild<ui::TenancyPane*>();
    auto* action = pane ? pane->findChild<QAction*>(QStringLiteral("identityProviderAction")) : nullptr;
    if (!action || !action->isEnabled())
        return QStringLiteral("the Identity Provider action is missing or disabled");
    action->trigger();
    auto* dialog = pane->findChild<ui::FederationDialog*>(QStringLiteral("federationDialog"));
    if (!dialog)
        return QStringLiteral("the Identity Provider dialog did not open");
    test::settle(bridge, 500);
    auto* tabs = dialog->findChild<QTabWidget*>(QStringLiteral("federationTabs"));
    const std::pair<int, const char*> pages[] = {{0, "identity-provider"}, {3, "identity-provider-mappings"}};
    for (const auto& [index, name] : pages) {
        tabs->setCurrentIndex(index);
        test::settle(bridge, 200);
        const QString file = target.filePath(QLatin1String(name) + suffix);
        if (!dialog->grab().save(file))
            return QStringLiteral("cannot write %1").arg(file);
        QTextStream(stdout) << file << Qt::endl;
    }
    dialog->reject();
    test::settle(bridge, 200);
    return {};
}

} // namespace

int main(int argc, char* argv[])
{
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse screenshots"));
    QCommandLineParser parser;
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), {}, QStringLiteral("DIR"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), {}, QStringLiteral("FILE"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), {}, QStringLiteral("FILE"));
    const QCommandLineOption tenant(QStringLiteral("tenant"), {}, QStringLiteral("NAME"));
    const QCommandLineOption user(QStringLiteral("user"), {}, QStringLiteral("NAME"), QStringLiteral("admin"));
    const QCommandLineOption totp(QStringLiteral("totp-secret"), {}, QStringLiteral("BASE32"));
    const QCommandLineOption out(QStringLiteral("out"), {}, QStringLiteral("DIR"));
    const QCommandLineOption theme(QStringLiteral("theme"), {}, QStringLiteral("light|dark"), QStringLiteral("light"));
    const QCommandLineOption only(QStringLiteral("only"), {}, QStringLiteral("PANE"));
    parser.addOptions({dataDir, keyFile, passwordFile, tenant, user, totp, out, theme, only});
    parser.process(app);

    const bool dark = parser.value(theme) == QLatin1String("dark");
    ui::Appearance::apply(app, dark ? ui::Appearance::Theme::Dark : ui::Appearance::Theme::Light);

    keys::ProviderOptions options;
    options.keyFile = parser.value(keyFile);
    auto store = store::Store::open(parser.value(dataDir), options);
    if (!store)
        return fail(store.error().message);
    service::ControlPlane cp(*store.value());
    if (auto loaded = cp.load(); !loaded)
        return fail(loaded.error().message);

    ui::ConsoleBridge bridge(cp);
    if (const QString failed = test::signInFromFile(bridge, parser.value(tenant), parser.value(user),
                                                    parser.value(passwordFile), parser.value(totp));
        !failed.isEmpty())
        return fail(failed);

    ui::MainWindow window(bridge);
    if (auto status = store.value()->status())
        window.showStoreStatus(status.value());
    window.resize(1280, 800);
    window.show();
    test::settle(bridge, 600);
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    if (!navigation)
        return fail(QStringLiteral("no navigation list"));
    const QDir target(parser.value(out));
    QDir().mkpath(target.path());
    const QString suffix = dark ? QStringLiteral("-dark.png") : QStringLiteral("-light.png");
    for (int row = 0; row < navigation->count(); ++row) {
        const QString name = fileNameOf(navigation->item(row)->text().remove(QLatin1Char('&')));
        if (parser.isSet(only) && name != parser.value(only))
            continue;
        // Secrets live in workspaces: show the first one the identity can see.
        if (name == QLatin1String("secrets")) {
            for (const ui::ConsoleScope& scope : bridge.access().scopes) {
                if (!scope.workspaceId.isEmpty()) {
                    bridge.setScope(scope);
                    break;
                }
            }
        }
        navigation->setCurrentRow(row);
        test::settle(bridge, 500);
        // The audit view with an event selected, so its details show beside the table.
        if (auto* events = window.findChild<QTableView*>(QStringLiteral("auditTable"));
            events && events->isVisible() && events->model()->rowCount() > 0) {
            events->selectRow(0);
            test::settle(bridge, 300);
        }
        if (!window.grab().save(target.filePath(name + suffix)))
            return fail(QStringLiteral("cannot write %1").arg(target.filePath(name + suffix)));
        QTextStream(stdout) << target.filePath(name + suffix) << Qt::endl;
        // The audit pane's Forwarding window, and its editor for a new destination.
        if (name == QLatin1String("audit")) {
            if (QString error = shootForwarding(window, bridge, target, suffix); !error.isEmpty())
                return fail(error);
        }
    }
    if (!parser.isSet(only) || parser.value(only) == QLatin1String("identity-provider")) {
        if (const QString failed = shootIdentityProvider(window, bridge, navigation, target, suffix); !failed.isEmpty())
            return fail(failed);
    }
    if (parser.isSet(only)) {
        bridge.endSessionNow();
        return 0;
    }
    window.lock();
    test::settle(bridge);
    window.grab().save(target.filePath(QStringLiteral("locked") + suffix));
    QTextStream(stdout) << target.filePath(QStringLiteral("locked") + suffix) << Qt::endl;
    bridge.endSessionNow();
    return 0;
}
