// The desktop console's responsiveness and memory on a demo store. A program that prints figures and the
// targets, each with pass or miss; it asserts nothing and exits 0 whatever it measured. Run by
// tests/bench/bench-console.sh under xvfb-run, on a store made by `gatehoused init --demo`.
//
//   bench_console --data-dir DIR --key-file FILE --password-file FILE --tenant NAME --user NAME
//                 [--totp-secret BASE32] [--users 1000] [--secrets 10000] [--baseline-rows 10000]
//   bench_console --baseline [--baseline-rows 10000]     (the child run for the side-by-side baseline)
//
// 1. Start: process start to an interactive window (signed in, main window shown, the first pane painted after
//    show and the bridge idle).
// 2. Each pane's first paint after switching to it, and when its data arrived (the bridge idle); the longest
//    gap between the ticks of a 5 ms timer on the GUI thread meanwhile (max and p99).
// 3. N users and M secrets created through the control plane as the system (before any clock runs), then
//    listed (Refresh) and filtered (a filter typed key by key into the pane's search box) in the Identities
//    and Secrets panes, with the stall meter running.
// 4. Peak RSS (getrusage) and current RSS.
// Baseline: this program again, as a child process, showing a bare QMainWindow with a search box and a
// QTableView over a QSortFilterProxyModel over a QStandardItemModel of 10,000 rows; the same figures beside.
#include "ConsoleProgramSupport.h"
#include "console/ConsoleBridge.h"
#include "service/ControlPlane.h"
#include "shell/Appearance.h"
#include "shell/MainWindow.h"
#include "store/Store.h"

#include "GuiBenchSupport.h"

#include <QAction>
#include <QApplication>
#include <QCommandLineParser>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFile>
#include <QLineEdit>
#include <QListWidget>
#include <QMainWindow>
#include <QProcess>
#include <QSortFilterProxyModel>
#include <QStackedWidget>
#include <QStandardItemModel>
#include <QTableView>
#include <QTest>
#include <QTextStream>
#include <QTimer>
#include <QVBoxLayout>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <functional>
#include <map>
#include <vector>

using namespace gatehouse;
using bench::currentRssMiB;
using bench::StallMeter;

namespace {

QTextStream& out()
{
    static QTextStream s(stdout);
    return s;
}

// Milliseconds since the kernel started this process (/proc/self/stat, clock-tick resolution: 10 ms).
double msSinceProcessStart()
{
    QFile stat(QStringLiteral("/proc/self/stat"));
    if (!stat.open(QIODevice::ReadOnly))
        return -1;
    const QByteArray text = stat.readAll();
    // Fields after the command name (which may hold spaces): state is field 3, starttime field 22.
    const QList<QByteArray> fields = text.mid(text.lastIndexOf(')') + 2).split(' ');
    if (fields.size() < 20)
        return -1;
    const double startMs = fields.at(19).toDouble() * 1000.0 / double(sysconf(_SC_CLK_TCK));
    timespec now{};
    clock_gettime(CLOCK_BOOTTIME, &now);
    return double(now.tv_sec) * 1000.0 + double(now.tv_nsec) / 1e6 - startMs;
}

// getrusage's ru_maxrss (KiB on Linux). A child started by fork and exec inherits its parent's figure, so the
// baseline child reports peakRssOfImageMiB() instead.
double maxRssMiB()
{
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return double(usage.ru_maxrss) / 1024.0;
}

// The high-water mark of this program image's resident set (VmHWM, /proc/self/status), fresh after exec.
double peakRssOfImageMiB()
{
    QFile status(QStringLiteral("/proc/self/status"));
    if (!status.open(QIODevice::ReadOnly))
        return -1;
    for (const QByteArray& line : status.readAll().split('\n')) {
        if (line.startsWith("VmHWM:"))
            return line.mid(6).trimmed().split(' ').first().toDouble() / 1024.0;
    }
    return -1;
}

// Notes when a widget (or one inside it) gets its next paint event.
class PaintWatch : public QObject
{
public:
    explicit PaintWatch(const QElapsedTimer& clock) : m_clock(clock) { qApp->installEventFilter(this); }
    void watch(QWidget* target)
    {
        m_target = target;
        m_paintedNs = -1;
    }
    bool painted() const { return m_paintedNs >= 0; }
    qint64 paintedNs() const { return m_paintedNs; }

protected:
    bool eventFilter(QObject* object, QEvent* event) override
    {
        if (event->type() == QEvent::Paint && m_target && m_paintedNs < 0 && object->isWidgetType()) {
            auto* widget = static_cast<QWidget*>(object);
            if (widget == m_target || m_target->isAncestorOf(widget))
                m_paintedNs = m_clock.nsecsElapsed();
        }
        return false;
    }

private:
    const QElapsedTimer& m_clock;
    QWidget* m_target = nullptr;
    qint64 m_paintedNs = -1;
};

// Runs the event loop until `done` holds or `timeoutMs` passed; whether it holds.
bool waitUntil(const std::function<bool()>& done, int timeoutMs = 30000)
{
    if (done())
        return true;
    QEventLoop loop;
    QTimer poll;
    poll.setTimerType(Qt::PreciseTimer);
    QObject::connect(&poll, &QTimer::timeout, &loop, [&]() {
        if (done())
            loop.quit();
    });
    poll.start(1);
    QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
    loop.exec();
    return done();
}

double msBetween(qint64 fromNs, qint64 toNs)
{
    return double(toNs - fromNs) / 1e6;
}

QString ms(double v)
{
    return v < 0 ? QStringLiteral("n/a") : QStringLiteral("%1 ms").arg(v, 0, 'f', v < 10 ? 2 : 1);
}

QString verdict(double value, double target)
{
    return value >= 0 && value < target ? QStringLiteral("pass") : QStringLiteral("MISS");
}

// Typing `text` key by key into `search`; per key, the time from the key press to the next paint in the window
// (the filtering runs in the key's handler, so that frame shows its result; the table itself is not repainted
// when the rows in view stay the same).
struct TypingResult
{
    double totalMs = 0;
    double maxKeyMs = 0;
    int rowsAfter = 0;
};

TypingResult typeFilter(QLineEdit* search, QTableView* table, PaintWatch& paints, const QElapsedTimer& clock,
                        const QString& text)
{
    TypingResult r;
    search->setFocus();
    for (QChar c : text) {
        paints.watch(search->window());
        const qint64 t0 = clock.nsecsElapsed();
        QTest::keyClick(search, c.toLatin1());
        waitUntil([&]() { return paints.painted(); }, 5000);
        const double key = paints.painted() ? msBetween(t0, paints.paintedNs()) : 5000;
        r.totalMs += key;
        r.maxKeyMs = std::max(r.maxKeyMs, key);
    }
    r.rowsAfter = table->model() ? table->model()->rowCount() : -1;
    return r;
}

// --- the baseline: a bare window with a filtered table of `rows` rows --------------------------------------

int runBaseline(int rows)
{
    QElapsedTimer clock;
    clock.start();
    const double mainAt = msSinceProcessStart();
    PaintWatch paints(clock);
    StallMeter stalls;

    QMainWindow window;
    auto* central = new QWidget(&window);
    auto* layout = new QVBoxLayout(central);
    auto* search = new QLineEdit(central);
    auto* table = new QTableView(central);
    auto* model = new QStandardItemModel(0, 4, &window);
    model->setHorizontalHeaderLabels(
        {QStringLiteral("Name"), QStringLiteral("Description"), QStringLiteral("Tags"), QStringLiteral("Updated")});
    for (int i = 0; i < rows; ++i) {
        model->appendRow({new QStandardItem(QStringLiteral("bench/svc-%1/password").arg(i, 5, 10, QLatin1Char('0'))),
                          new QStandardItem(QStringLiteral("Bench secret %1 for a service").arg(i)),
                          new QStandardItem(i % 2 ? QStringLiteral("bench, prod") : QStringLiteral("bench, dev")),
                          new QStandardItem(QStringLiteral("2026-12-06 02:00"))});
    }
    auto* proxy = new QSortFilterProxyModel(&window);
    proxy->setSourceModel(model);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    QObject::connect(search, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
    table->setModel(proxy);
    table->setSortingEnabled(true);
    layout->addWidget(search);
    layout->addWidget(table);
    window.setCentralWidget(central);
    window.resize(1280, 800);
    paints.watch(table);
    window.show();
    waitUntil([&]() { return paints.painted(); });
    const double interactive = mainAt + msBetween(0, paints.paintedNs());

    stalls.start();
    const TypingResult typed = typeFilter(search, table, paints, clock, QStringLiteral("svc-004"));
    stalls.stop();
    out() << "interactive_ms=" << interactive << "\n"
          << "filter_total_ms=" << typed.totalMs << "\n"
          << "filter_max_key_ms=" << typed.maxKeyMs << "\n"
          << "filter_rows=" << typed.rowsAfter << "\n"
          << "stall_max_ms=" << stalls.maxMs() << "\n"
          << "stall_p99_ms=" << stalls.p99Ms() << "\n"
          << "peak_rss_mib=" << peakRssOfImageMiB() << "\n"
          << "rss_mib=" << currentRssMiB() << Qt::endl;
    return 0;
}

int fail(const QString& message)
{
    QTextStream(stderr) << "bench_console: " << message << Qt::endl;
    return 1;
}

QWidget* currentPane(QMainWindow& window)
{
    for (auto* stack : window.findChildren<QStackedWidget*>()) {
        if (stack->currentWidget() && stack->currentWidget()->objectName().endsWith(QLatin1String("Pane")))
            return stack->currentWidget();
    }
    return nullptr;
}

struct ListResult
{
    double listMs = -1;
    int rows = 0;
    TypingResult typed;
    double stallMax = 0; // listing and filtering
    double stallP99 = 0;
    double listStallMax = 0;   // listing alone
    double filterStallMax = 0; // filtering alone
};

// Refresh in a pane, until the table holds `expected` rows and is painted; then a filter typed into it.
ListResult listAndFilter(QMainWindow& window, ui::ConsoleBridge& bridge, PaintWatch& paints, StallMeter& stalls,
                         const QElapsedTimer& clock, const char* refresh, const char* searchName, const char* tableName,
                         int expected, const QString& filter)
{
    ListResult r;
    auto* action = window.findChild<QAction*>(QLatin1String(refresh));
    auto* search = window.findChild<QLineEdit*>(QLatin1String(searchName));
    auto* table = window.findChild<QTableView*>(QLatin1String(tableName));
    if (!action || !search || !table)
        return r;
    test::settle(bridge, 200);
    stalls.start();
    const qint64 t0 = clock.nsecsElapsed();
    action->trigger();
    waitUntil([&]() { return !bridge.isBusy() && table->model()->rowCount() >= expected; }, 120000);
    paints.watch(table);
    waitUntil([&]() { return paints.painted(); }, 5000);
    r.listMs = paints.painted() ? msBetween(t0, paints.paintedNs()) : -1;
    r.rows = table->model()->rowCount();
    stalls.stop();
    r.listStallMax = stalls.maxMs();
    std::vector<double> gaps = stalls.gaps();
    stalls.start();
    r.typed = typeFilter(search, table, paints, clock, filter);
    stalls.stop();
    r.filterStallMax = stalls.maxMs();
    gaps.insert(gaps.end(), stalls.gaps().begin(), stalls.gaps().end());
    r.stallMax = std::max(r.listStallMax, r.filterStallMax);
    r.stallP99 = StallMeter::p99Of(gaps);
    search->clear();
    return r;
}

std::map<QString, double> runChild(int rows)
{
    std::map<QString, double> values;
    QProcess child;
    child.setProcessChannelMode(QProcess::ForwardedErrorChannel);
    child.start(QCoreApplication::applicationFilePath(),
                {QStringLiteral("--baseline"), QStringLiteral("--baseline-rows"), QString::number(rows)});
    if (!child.waitForFinished(300000))
        return values;
    for (const QByteArray& line : child.readAllStandardOutput().split('\n')) {
        const int eq = line.indexOf('=');
        if (eq > 0)
            values[QString::fromLatin1(line.left(eq))] = line.mid(eq + 1).toDouble();
    }
    return values;
}

QString ratio(double console, double baseline)
{
    return baseline > 0 && console >= 0 ? QStringLiteral("%1x").arg(console / baseline, 0, 'f', 1)
                                        : QStringLiteral("n/a");
}

} // namespace

int main(int argc, char* argv[])
{
    QElapsedTimer clock;
    clock.start();
    const double mainAt = msSinceProcessStart();
    QApplication app(argc, argv);
    QApplication::setApplicationName(QStringLiteral("Gatehouse"));
    QApplication::setOrganizationName(QStringLiteral("Gatehouse bench"));
    QCommandLineParser parser;
    const QCommandLineOption dataDir(QStringLiteral("data-dir"), {}, QStringLiteral("DIR"));
    const QCommandLineOption keyFile(QStringLiteral("key-file"), {}, QStringLiteral("FILE"));
    const QCommandLineOption passwordFile(QStringLiteral("password-file"), {}, QStringLiteral("FILE"));
    const QCommandLineOption tenant(QStringLiteral("tenant"), {}, QStringLiteral("NAME"));
    const QCommandLineOption user(QStringLiteral("user"), {}, QStringLiteral("NAME"), QStringLiteral("admin"));
    const QCommandLineOption totp(QStringLiteral("totp-secret"), {}, QStringLiteral("BASE32"));
    const QCommandLineOption users(QStringLiteral("users"), {}, QStringLiteral("N"), QStringLiteral("1000"));
    const QCommandLineOption secretCount(QStringLiteral("secrets"), {}, QStringLiteral("N"), QStringLiteral("10000"));
    const QCommandLineOption baselineRows(QStringLiteral("baseline-rows"), {}, QStringLiteral("N"),
                                          QStringLiteral("10000"));
    const QCommandLineOption baseline(QStringLiteral("baseline"));
    parser.addOptions({dataDir, keyFile, passwordFile, tenant, user, totp, users, secretCount, baselineRows, baseline});
    parser.process(app);
    if (parser.isSet(baseline))
        return runBaseline(parser.value(baselineRows).toInt());

    ui::Appearance::apply(app, ui::Appearance::Theme::System);
    PaintWatch paints(clock);
    StallMeter stalls;

    // --- 1. start to an interactive window ----------------------------------------------------------------
    const qint64 openAt = clock.nsecsElapsed();
    keys::ProviderOptions options;
    options.keyFile = parser.value(keyFile);
    auto store = store::Store::open(parser.value(dataDir), options);
    if (!store)
        return fail(store.error().message);
    service::ControlPlane cp(*store.value());
    if (auto loaded = cp.load(); !loaded)
        return fail(loaded.error().message);
    const qint64 signInAt = clock.nsecsElapsed();
    ui::ConsoleBridge bridge(cp);
    if (const QString failed = test::signInFromFile(bridge, parser.value(tenant), parser.value(user),
                                                    parser.value(passwordFile), parser.value(totp));
        !failed.isEmpty())
        return fail(failed);
    const qint64 windowAt = clock.nsecsElapsed();
    ui::MainWindow window(bridge);
    if (auto status = store.value()->status())
        window.showStoreStatus(status.value());
    window.resize(1280, 800);
    const qint64 showAt = clock.nsecsElapsed();
    paints.watch(currentPane(window));
    stalls.start();
    window.show();
    waitUntil([&]() { return paints.painted(); });
    const qint64 firstPaintAt = paints.paintedNs();
    waitUntil([&]() { return !bridge.isBusy(); });
    const qint64 idleAt = clock.nsecsElapsed();
    stalls.stop();
    const double startStallMax = stalls.maxMs();
    const double startStallP99 = stalls.p99Ms();
    const double interactive = mainAt + msBetween(0, std::max(firstPaintAt, idleAt));
    const double startPeak = peakRssOfImageMiB();

    // --- 2. each pane's first paint after switching to it ---------------------------------------------------
    auto* navigation = window.findChild<QListWidget*>(QStringLiteral("navigation"));
    if (!navigation)
        return fail(QStringLiteral("no navigation list"));
    struct PaneFigure
    {
        QString name;
        double paintMs = -1;
        double loadedMs = -1;
    };
    QList<PaneFigure> panes;
    test::settle(bridge, 300);
    stalls.start();
    for (int row = 0; row < navigation->count(); ++row) {
        PaneFigure figure;
        figure.name = navigation->item(row)->text();
        const qint64 t0 = clock.nsecsElapsed();
        navigation->setCurrentRow(row);
        QWidget* pane = currentPane(window);
        if (pane && pane->objectName() == QLatin1String("secretsPane") && bridge.scope().workspaceId.isEmpty()) {
            // Secrets live in workspaces: as a person would, pick the first one the identity can see.
            for (const ui::ConsoleScope& scope : bridge.access().scopes) {
                if (!scope.workspaceId.isEmpty() && scope.tenantId == bridge.scope().tenantId) {
                    bridge.setScope(scope);
                    break;
                }
            }
        }
        paints.watch(pane);
        waitUntil([&]() { return paints.painted(); }, 10000);
        figure.paintMs = paints.painted() ? msBetween(t0, paints.paintedNs()) : -1;
        waitUntil([&]() { return !bridge.isBusy(); }, 60000);
        figure.loadedMs = msBetween(t0, clock.nsecsElapsed());
        panes.append(figure);
        waitUntil([]() { return false; }, 100); // a person looks before the next click
    }
    stalls.stop();
    const double paneStallMax = stalls.maxMs();
    const double paneStallP99 = stalls.p99Ms();

    // --- 3. bulk data, then listing and filtering -------------------------------------------------------------
    const QString tenantId = bridge.identity().tenantId;
    const QString workspaceId = bridge.scope().workspaceId;
    const int userCount = parser.value(users).toInt();
    const int secretTotal = parser.value(secretCount).toInt();
    const service::Caller system = service::Caller::system();
    QElapsedTimer bulk;
    bulk.start();
    int usersMade = 0;
    for (int i = 0; i < userCount; ++i) {
        const QString name = QStringLiteral("bench-user-%1").arg(i, 4, 10, QLatin1Char('0'));
        const QByteArray password = QByteArrayLiteral("quartz-meadow-lantern-") + QByteArray::number(i * 7919);
        if (cp.createUser(system, tenantId, name, QStringLiteral("Bench User %1").arg(i),
                          name + QStringLiteral("@bench.example"),
                          SecureBytes(reinterpret_cast<const unsigned char*>(password.constData()),
                                      std::size_t(password.size()))))
            ++usersMade;
    }
    const double usersSeconds = double(bulk.nsecsElapsed()) / 1e9;
    bulk.restart();
    int secretsMade = 0;
    if (!workspaceId.isEmpty()) {
        for (int i = 0; i < secretTotal; ++i) {
            service::ControlPlane::NewSecret s;
            s.name = QStringLiteral("bench/svc-%1/password").arg(i, 5, 10, QLatin1Char('0'));
            s.description = QStringLiteral("Bench secret %1 for a service").arg(i);
            s.tags = {QStringLiteral("bench"), i % 2 ? QStringLiteral("prod") : QStringLiteral("dev")};
            const QByteArray value = QByteArray::number(i).repeated(4);
            if (cp.createSecret(
                    system, tenantId, workspaceId, s,
                    SecureBytes(reinterpret_cast<const unsigned char*>(value.constData()), std::size_t(value.size()))))
                ++secretsMade;
        }
    }
    const double secretsSeconds = double(bulk.nsecsElapsed()) / 1e9;

    window.showPage(ui::MainWindow::Page::Identities);
    const ListResult userList = listAndFilter(window, bridge, paints, stalls, clock, "refreshUsersAction", "userSearch",
                                              "userTable", usersMade, QStringLiteral("user-004"));
    window.showPage(ui::MainWindow::Page::Secrets);
    const ListResult secretList = listAndFilter(window, bridge, paints, stalls, clock, "refreshSecretsAction",
                                                "secretSearch", "secretTable", secretsMade, QStringLiteral("svc-004"));
    const double peak = maxRssMiB();
    const double peakImage = peakRssOfImageMiB();
    const double rss = currentRssMiB();

    // --- the baseline, side by side ---------------------------------------------------------------------------
    const int rows = parser.value(baselineRows).toInt();
    auto base = runChild(rows);
    auto b = [&](const char* key) {
        return base.count(QLatin1String(key)) ? base[QLatin1String(key)] : -1.0;
    };

    // --- report ---------------------------------------------------------------------------------------------------
    out() << "Console on " << parser.value(dataDir) << " as " << parser.value(user) << " of "
          << (parser.value(tenant).isEmpty() ? QStringLiteral("the platform") : parser.value(tenant)) << "\n\n";
    out() << "Start\n"
          << "  process start to main():            " << ms(mainAt) << "\n"
          << "  open store + load control plane:    " << ms(msBetween(openAt, signInAt)) << "\n"
          << "  sign-in (Argon2id + session):       " << ms(msBetween(signInAt, windowAt)) << "\n"
          << "  build the main window:              " << ms(msBetween(windowAt, showAt)) << "\n"
          << "  show to first pane paint:           " << ms(msBetween(showAt, firstPaintAt)) << "\n"
          << "  show to bridge idle (data shown):   " << ms(msBetween(showAt, idleAt)) << "\n"
          << "  process start to interactive:       " << ms(interactive)
          << "   target < 1500 ms: " << verdict(interactive, 1500) << "\n"
          << "  GUI stall from show to idle: max " << ms(startStallMax) << ", p99 " << ms(startStallP99)
          << "   target < 50 ms: " << verdict(startStallMax, 50) << "\n"
          << "  peak RSS when interactive:          " << startPeak << " MiB\n\n";
    out() << "Panes (switch to first paint / to data loaded)\n";
    for (const PaneFigure& p : panes)
        out() << "  " << p.name.leftJustified(28) << ms(p.paintMs) << " / " << ms(p.loadedMs) << "\n";
    out() << "  GUI stall while the panes load: max " << ms(paneStallMax) << ", p99 " << ms(paneStallP99)
          << "   target < 50 ms: " << verdict(paneStallMax, 50) << "\n\n";
    out() << "Bulk data through the control plane as the system (not timed below)\n"
          << "  " << usersMade << " users in " << usersSeconds << " s (one Argon2id hash each, "
          << (usersMade > 0 ? usersSeconds * 1000 / usersMade : 0) << " ms per user)\n"
          << "  " << secretsMade << " secrets in " << secretsSeconds << " s\n\n";
    auto printList = [&](const char* what, const ListResult& r) {
        out() << what << "\n"
              << "  Refresh to table painted (" << r.rows << " rows): " << ms(r.listMs) << "\n"
              << "  filter typed key by key: " << ms(r.typed.totalMs) << " in all, slowest key " << ms(r.typed.maxKeyMs)
              << " (" << r.typed.rowsAfter << " rows left)\n"
              << "  GUI stall while listing and filtering: max " << ms(r.stallMax) << ", p99 " << ms(r.stallP99)
              << "   target < 50 ms: " << verdict(r.stallMax, 50) << "\n"
              << "    of which listing: max " << ms(r.listStallMax) << "; filtering: max " << ms(r.filterStallMax)
              << "\n\n";
    };
    printList("Identities", userList);
    printList("Secrets", secretList);
    out() << "Memory\n"
          << "  peak RSS: " << peak << " MiB   target < 250 MB: " << verdict(peak * 1.048576, 250) << "\n"
          << "  peak RSS of this image (VmHWM): " << peakImage << " MiB\n"
          << "  current RSS: " << rss << " MiB\n\n";
    out() << "Baseline, side by side (a bare QMainWindow, search box, QTableView over a filtered QStandardItemModel of "
          << rows << " rows, in a child process)\n"
          << "  figure                          console      baseline     ratio\n"
          << "  process start to interactive    " << ms(interactive).leftJustified(13)
          << ms(b("interactive_ms")).leftJustified(13) << ratio(interactive, b("interactive_ms")) << "\n"
          << "  filter, slowest key (secrets)   " << ms(secretList.typed.maxKeyMs).leftJustified(13)
          << ms(b("filter_max_key_ms")).leftJustified(13) << ratio(secretList.typed.maxKeyMs, b("filter_max_key_ms"))
          << "\n"
          << "  filter, all keys (secrets)      " << ms(secretList.typed.totalMs).leftJustified(13)
          << ms(b("filter_total_ms")).leftJustified(13) << ratio(secretList.typed.totalMs, b("filter_total_ms")) << "\n"
          << "  stall while filtering, max      " << ms(secretList.stallMax).leftJustified(13)
          << ms(b("stall_max_ms")).leftJustified(13) << ratio(secretList.stallMax, b("stall_max_ms")) << "\n"
          << "  peak RSS (VmHWM)                "
          << QStringLiteral("%1 MiB").arg(peakImage, 0, 'f', 1).leftJustified(13)
          << QStringLiteral("%1 MiB").arg(b("peak_rss_mib"), 0, 'f', 1).leftJustified(13)
          << ratio(peakImage, b("peak_rss_mib")) << "\n"
          << "  (baseline filter left " << b("filter_rows") << " rows)" << Qt::endl;
    bridge.endSessionNow();
    return 0;
}
