#include "MainWindow.h"

#include "InactivityTimer.h"
#include "LockPage.h"
#include "ScreenLockListener.h"
#include "SettingsDialog.h"
#include "SignInForm.h"
#include "StorePane.h"
#include "console/ConsoleBridge.h"
#include "panes/AccessPane.h"
#include "panes/AuditPane.h"
#include "panes/IdentitiesPane.h"
#include "panes/OverviewPane.h"
#include "panes/SecretsPane.h"
#include "panes/TenancyPane.h"
#include "panes/TrustBoundariesPane.h"
#include "service/ControlPlane.h"
#include "store/Store.h"
#include "widgets/ThemedIcon.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QDateTime>
#include <QDialog>
#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QPainter>
#include <QProgressBar>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTimer>
#include <QToolBar>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

const QString kLockAfter = QStringLiteral("console/lockAfterMinutes");
const QString kGeometry = QStringLiteral("window/geometry");
const QString kWindowState = QStringLiteral("window/state");
const QString kSplitter = QStringLiteral("window/splitter");
const QString kPage = QStringLiteral("window/page");

QLabel* heading(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
    return label;
}

// The icon of a sidebar entry; its selected state drawn in the palette's highlighted-text colour, so it stays
// visible on the selection.
// "AB:CD:…:EF": enough to compare at a glance; the whole value is in the tooltip and the copy.
QString shortFingerprint(const QString& fingerprint)
{
    if (fingerprint.size() <= 17)
        return fingerprint;
    return fingerprint.left(8) + QStringLiteral("…") + fingerprint.right(8);
}

} // namespace

MainWindow::MainWindow(ConsoleBridge& bridge, QWidget* parent)
    : QMainWindow(parent), m_bridge(bridge), m_idle(new InactivityTimer(this)), m_pages(new QStackedWidget(this)),
      m_lockPage(new LockPage(bridge, this))
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));

    m_pages->setObjectName(QStringLiteral("windowPages"));
    m_pages->addWidget(buildPanes());
    m_pages->addWidget(m_lockPage);
    setCentralWidget(m_pages);
    buildToolBar();
    buildStatusBar();

    m_idle->setTimeout(lockAfterMinutes() * 60 * 1000);
    connect(m_idle, &InactivityTimer::inactive, this, [this]() {
        if (m_bridge.isSignedIn()) {
            m_bridge.lock();
            showLockPage(tr("Locked after %n minute(s) without activity.", nullptr, lockAfterMinutes()));
        }
    });
    auto* screenLock = new ScreenLockListener(this);
    connect(screenLock, &ScreenLockListener::screenLocked, this, [this]() {
        if (m_bridge.isSignedIn()) {
            m_bridge.lock();
            showLockPage(tr("Locked with the screen."));
        }
    });
    connect(m_lockPage, &LockPage::signOutRequested, this, &MainWindow::signOut);
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &MainWindow::showConsole);
    connect(&m_bridge, &ConsoleBridge::sessionEnded, this, [this](const QString& message) { showLockPage(message); });
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, &MainWindow::fillScopes);
    connect(&m_bridge, &ConsoleBridge::accessChanged, this, &MainWindow::fillScopes);
    connect(&m_bridge, &ConsoleBridge::busyChanged, this, [this](bool busy) { m_busy->setVisible(busy); });

    QSettings settings;
    if (!restoreGeometry(settings.value(kGeometry).toByteArray()))
        resize(1120, 700);
    restoreState(settings.value(kWindowState).toByteArray());
    m_splitter->restoreState(settings.value(kSplitter).toByteArray());
    m_navigation->setCurrentRow(
        qBound(0, settings.value(kPage, int(Page::Identities)).toInt(), m_navigation->count() - 1));

    if (m_bridge.isSignedIn())
        showConsole();
    else
        showLockPage({});
}

MainWindow::~MainWindow() = default;

QWidget* MainWindow::buildPanes()
{
    m_splitter = new QSplitter(Qt::Horizontal, this);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_splitter->setChildrenCollapsible(false);

    m_navigation = new QListWidget(m_splitter);
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setAccessibleName(tr("Panes"));
    m_navigation->setIconSize(QSize(22, 22));
    m_navigation->setSpacing(2);
    m_navigation->setMinimumWidth(170);
    m_navigation->setMaximumWidth(260);

    m_panes = new QStackedWidget(m_splitter);
    m_panes->setObjectName(QStringLiteral("panes"));

    auto* overview = new QWidget(m_panes);
    overview->setObjectName(QStringLiteral("overviewPane"));
    overview->setAccessibleName(tr("Overview"));
    auto* overviewLayout = new QVBoxLayout(overview);
    m_overviewPane = new OverviewPane(m_bridge, overview);
    overviewLayout->addWidget(m_overviewPane, 1);
    overviewLayout->addWidget(heading(tr("Encrypted store"), overview));
    m_storePane = new StorePane(overview);
    overviewLayout->addWidget(m_storePane);
    connect(m_overviewPane, &OverviewPane::openRequested, this,
            [this](OverviewPane::Destination destination, const QString& tenantId) {
                // The figure's tenant becomes the scope (when the identity can see it), then its pane opens.
                for (const ConsoleScope& scope : m_bridge.access().scopes) {
                    if (scope.tenantId == tenantId && scope.workspaceId.isEmpty() && !(scope == m_bridge.scope()))
                        m_bridge.setScope(scope);
                }
                showPage(destination == OverviewPane::Destination::Identities ? Page::Identities
                         : destination == OverviewPane::Destination::Secrets  ? Page::Secrets
                                                                              : Page::Tenancy);
            });
    m_identitiesPane = new IdentitiesPane(m_bridge, m_panes);

    struct Entry
    {
        QString icon;
        QString text;
        QWidget* pane;
    };
    const QList<Entry> entries{
        {QStringLiteral("overview"), tr("Overview"), overview},
        {QStringLiteral("tenants"), tr("Tenants & Workspaces"), new TenancyPane(m_bridge, m_panes)},
        {QStringLiteral("identities"), tr("Identities"), m_identitiesPane},
        {QStringLiteral("roles"), tr("Roles & Access"), new AccessPane(m_bridge, m_panes)},
        {QStringLiteral("secrets"), tr("Secrets"), new SecretsPane(m_bridge, m_panes)},
        {QStringLiteral("audit"), tr("Audit"), new AuditPane(m_bridge, m_panes)},
        {QStringLiteral("boundaries"), tr("Trust Boundaries"), new TrustBoundariesPane(m_bridge, m_panes)},
    };
    for (int i = 0; i < entries.size(); ++i) {
        const Entry& e = entries.at(i);
        auto* item = new QListWidgetItem(themedIcon(e.icon), e.text, m_navigation);
        item->setToolTip(tr("%1 (Ctrl+%2)").arg(e.text).arg(i + 1));
        item->setData(Qt::AccessibleTextRole, e.text);
        m_panes->addWidget(e.pane);
        // Ctrl+1..6 opens the pane.
        auto* open = new QAction(this);
        open->setObjectName(QStringLiteral("openPane%1Action").arg(i + 1));
        open->setShortcut(QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)));
        connect(open, &QAction::triggered, this, [this, i]() {
            if (!isLocked())
                m_navigation->setCurrentRow(i);
        });
        addAction(open);
    }
    connect(m_navigation, &QListWidget::currentRowChanged, m_panes, &QStackedWidget::setCurrentIndex);
    // Assistive technology selects an entry rather than moving the current one: a selection opens the pane too.
    connect(m_navigation, &QListWidget::itemSelectionChanged, this, [this] {
        const QList<QListWidgetItem*> selected = m_navigation->selectedItems();
        if (selected.size() == 1 && m_navigation->row(selected.first()) != m_navigation->currentRow())
            m_navigation->setCurrentRow(m_navigation->row(selected.first()));
    });
    m_splitter->addWidget(m_navigation);
    m_splitter->addWidget(m_panes);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setSizes({200, 900});
    return m_splitter;
}

void MainWindow::buildToolBar()
{
    auto* bar = addToolBar(tr("Console"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setAccessibleName(tr("Console toolbar"));
    bar->setMovable(false);
    bar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);

    auto* scopeLabel = new QLabel(tr("S&cope:"), bar);
    m_scopes = new QComboBox(bar);
    m_scopes->setObjectName(QStringLiteral("scopeSelector"));
    m_scopes->setAccessibleName(tr("Scope"));
    m_scopes->setToolTip(tr("The tenant or workspace the panes show and act in"));
    m_scopes->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_scopes->setMinimumContentsLength(16);
    scopeLabel->setBuddy(m_scopes);
    bar->addWidget(scopeLabel);
    bar->addWidget(m_scopes);
    connect(m_scopes, &QComboBox::activated, this, [this](int index) {
        const auto& scopes = m_bridge.access().scopes;
        if (index >= 0 && index < scopes.size())
            m_bridge.setScope(scopes.at(index));
    });

    auto* spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);

    m_lockAction = bar->addAction(themedIcon(QStringLiteral("lock")), tr("&Lock"), this, &MainWindow::lock);
    m_lockAction->setObjectName(QStringLiteral("lockAction"));
    m_lockAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_L));
    m_lockAction->setToolTip(tr("Lock the console now (Ctrl+L)"));
    m_signOutAction =
        bar->addAction(themedIcon(QStringLiteral("sign-out")), tr("Sign &Out"), this, &MainWindow::signOut);
    m_signOutAction->setObjectName(QStringLiteral("signOutAction"));
    auto* settings = new QAction(tr("Se&ttings…"), this);
    settings->setObjectName(QStringLiteral("settingsAction"));
    settings->setShortcut(QKeySequence::Preferences);
    settings->setToolTip(tr("Console settings: when to lock"));
    connect(settings, &QAction::triggered, this, &MainWindow::openSettings);
    bar->insertAction(m_lockAction, settings);
    m_signOutAction->setToolTip(tr("End the session and forget this identity"));
    for (QAction* action : {settings, m_lockAction, m_signOutAction}) {
        if (auto* button = bar->widgetForAction(action))
            button->setAccessibleName(QString(action->text()).remove(QLatin1Char('&')));
    }
}

void MainWindow::buildStatusBar()
{
    m_busy = new QProgressBar(this);
    m_busy->setObjectName(QStringLiteral("busyIndicator"));
    m_busy->setAccessibleName(tr("Working"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(80);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    // Keeps its place while hidden: the status bar's text does not jump with every call.
    QSizePolicy keep = m_busy->sizePolicy();
    keep.setRetainSizeWhenHidden(true);
    m_busy->setSizePolicy(keep);
    m_busy->setVisible(m_bridge.isBusy());
    m_identity = new QLabel(this);
    m_identity->setObjectName(QStringLiteral("identityLabel"));
    m_identity->setAccessibleName(tr("Identity and scope"));
    m_api = new QLabel(tr("API not served"), this);
    m_api->setObjectName(QStringLiteral("apiLabel"));
    m_api->setAccessibleName(tr("Local API"));
    m_api->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_copyApi = new QToolButton(this);
    m_copyApi->setObjectName(QStringLiteral("copyApiButton"));
    m_copyApi->setIcon(themedIcon(QStringLiteral("copy")));
    m_copyApi->setAutoRaise(true);
    m_copyApi->setAccessibleName(tr("Copy the API address and certificate fingerprint"));
    m_copyApi->setToolTip(m_copyApi->accessibleName());
    m_copyApi->setEnabled(false);
    connect(m_copyApi, &QToolButton::clicked, this, [this]() {
        QApplication::clipboard()->setText(tr("%1\nSHA-256 fingerprint %2").arg(m_apiUrl, m_apiFingerprint));
        statusBar()->showMessage(tr("Copied the API address and certificate fingerprint."), 4000);
    });
    m_storeLabel = new QLabel(this);
    m_storeLabel->setObjectName(QStringLiteral("storeLabel"));
    m_storeLabel->setAccessibleName(tr("Store encryption and key custody"));
    // The newest signed checkpoint: a witness of the audit trail that people can note outside the store.
    m_checkpoint = new QLabel(this);
    m_checkpoint->setObjectName(QStringLiteral("checkpointLabel"));
    m_checkpoint->setAccessibleName(tr("Newest signed audit checkpoint"));
    m_checkpoint->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_checkpoint->hide();
    auto* checkpointTimer = new QTimer(this);
    checkpointTimer->setInterval(60 * 1000);
    connect(checkpointTimer, &QTimer::timeout, this, &MainWindow::showCheckpoint);
    checkpointTimer->start();
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &MainWindow::showCheckpoint);
    connect(&m_bridge, &ConsoleBridge::sessionClosed, m_checkpoint, &QWidget::hide);

    statusBar()->setObjectName(QStringLiteral("statusBar"));
    statusBar()->addWidget(m_identity, 1);
    statusBar()->addPermanentWidget(m_busy);
    statusBar()->addPermanentWidget(m_checkpoint);
    statusBar()->addPermanentWidget(m_api);
    statusBar()->addPermanentWidget(m_copyApi);
    statusBar()->addPermanentWidget(m_storeLabel);
}

void MainWindow::showStoreStatus(const store::StoreStatus& status)
{
    m_storePane->showStatus(status);
    // A key file's path can be long: its middle gives way, the whole is in the tooltip.
    const QString custody = m_storeLabel->fontMetrics().elidedText(status.keyCustody, Qt::ElideMiddle, 240);
    m_storeLabel->setText(tr("SQLCipher %1 · key: %2").arg(status.settings.sqlcipherVersion, custody));
    m_storeLabel->setToolTip(tr("Store %1 in %2, encrypted with %3\nMaster key: %4")
                                 .arg(status.storeId, status.dataDir, status.settings.cipher, status.keyCustody));
}

void MainWindow::showApi(const QString& url, const QString& fingerprint)
{
    m_apiUrl = url;
    m_apiFingerprint = fingerprint;
    m_api->setText(tr("API %1 · SHA-256 %2").arg(url, shortFingerprint(fingerprint)));
    m_api->setToolTip(tr("Local HTTPS API at %1\nCertificate SHA-256 fingerprint:\n%2").arg(url, fingerprint));
    m_copyApi->setEnabled(true);
}

void MainWindow::showApiUnavailable(const QString& reason)
{
    m_apiUrl.clear();
    m_apiFingerprint.clear();
    m_api->setText(tr("API not served"));
    m_api->setToolTip(reason);
    m_copyApi->setEnabled(false);
}

void MainWindow::showPage(Page page)
{
    m_navigation->setCurrentRow(int(page));
}

MainWindow::Page MainWindow::currentPage() const
{
    return Page(m_panes->currentIndex());
}

bool MainWindow::isLocked() const
{
    return m_pages->currentWidget() == m_lockPage;
}

int MainWindow::lockAfterMinutes()
{
    return qMax(0, QSettings().value(kLockAfter, 10).toInt());
}

void MainWindow::setLockAfterMinutes(int minutes)
{
    QSettings().setValue(kLockAfter, qMax(0, minutes));
}

void MainWindow::openSettings()
{
    auto* dialog = new SettingsDialog(lockAfterMinutes(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        setLockAfterMinutes(dialog->lockAfterMinutes());
        m_idle->setTimeout(lockAfterMinutes() * 60 * 1000);
        dialog->applyAppearance();
    });
    dialog->open();
}

void MainWindow::lock()
{
    if (!m_bridge.isSignedIn())
        return;
    m_bridge.lock();
    showLockPage(tr("Sign in again to continue."));
}

void MainWindow::signOut()
{
    m_bridge.signOut();
    showLockPage(tr("Signed out."));
}

void MainWindow::showLockPage(const QString& reason)
{
    m_idle->stop();
    // Nothing a locked window held stays open over it.
    for (QDialog* dialog : findChildren<QDialog*>()) {
        if (dialog->isVisible())
            dialog->reject();
    }
    m_lockPage->prepare(reason);
    m_pages->setCurrentWidget(m_lockPage);
    m_lockAction->setEnabled(false);
    m_signOutAction->setEnabled(m_bridge.hasIdentity());
    m_scopes->setEnabled(false);
    updateIdentity();
    m_lockPage->form()->focusFirstEmpty();
}

void MainWindow::showCheckpoint()
{
    if (!m_bridge.isSignedIn() || !m_bridge.allows(u"audit.checkpoint.latest")) {
        m_checkpoint->hide();
        return;
    }
    m_bridge.call(
        m_checkpoint,
        [](service::ControlPlane& cp, const service::Caller& caller) { return cp.latestCheckpoint(caller); },
        [this](Result<audit::Checkpoint> newest) {
            if (!newest || newest.value().seq == 0) {
                m_checkpoint->hide();
                return;
            }
            const audit::Checkpoint& c = newest.value();
            const QString digest = QString::fromLatin1(c.chainHash.toHex());
            m_checkpoint->setText(tr("Audit signed to #%1 · %2…").arg(c.seq).arg(digest.left(16)));
            m_checkpoint->setToolTip(
                tr("Newest signed checkpoint: event %1, %2\nSHA-256 of that event: %3\nNote it outside the store: a "
                   "rewritten history would not match it.")
                    .arg(c.seq)
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(c.timeMs), QLocale::ShortFormat), digest));
            m_checkpoint->show();
        });
}

void MainWindow::showConsole()
{
    m_pages->setCurrentWidget(m_splitter);
    m_lockAction->setEnabled(true);
    m_signOutAction->setEnabled(true);
    m_scopes->setEnabled(true);
    fillScopes();
    m_idle->start();
    if (QWidget* pane = m_panes->currentWidget())
        pane->setFocus();
}

void MainWindow::fillScopes()
{
    const QSignalBlocker block(m_scopes);
    m_scopes->clear();
    const auto& scopes = m_bridge.access().scopes;
    for (const ConsoleScope& scope : scopes)
        m_scopes->addItem(scope.label);
    m_scopes->setCurrentIndex(int(scopes.indexOf(m_bridge.scope())));
    updateIdentity();
}

void MainWindow::updateIdentity()
{
    if (!m_bridge.hasIdentity()) {
        m_identity->setText(tr("Not signed in"));
        return;
    }
    const QString who = m_bridge.tenantName().isEmpty()
                            ? tr("%1 (platform)").arg(m_bridge.identity().name)
                            : tr("%1 in %2").arg(m_bridge.identity().name, m_bridge.tenantName());
    if (!m_bridge.isSignedIn()) {
        m_identity->setText(tr("%1 · locked").arg(who));
        return;
    }
    m_identity->setText(tr("Signed in as %1 · scope %2").arg(who, m_bridge.scope().label));
}

void MainWindow::rememberLayout() const
{
    QSettings settings;
    settings.setValue(kGeometry, QMainWindow::saveGeometry());
    settings.setValue(kWindowState, QMainWindow::saveState());
    settings.setValue(kSplitter, m_splitter->saveState());
    settings.setValue(kPage, m_panes->currentIndex());
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    rememberLayout();
    // Quitting ends the session: the token is worthless once the window is gone.
    m_bridge.endSessionNow();
    event->accept();
}

} // namespace gatehouse::ui
