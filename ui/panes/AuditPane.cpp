#include "AuditPane.h"

#include "OperationActions.h"

#include "audit/AuditFeed.h"
#include "audit/AuditFilter.h"
#include "audit/AuditFilterBar.h"
#include "audit/AuditHistogram.h"
#include "audit/AuditIntegrityActions.h"
#include "audit/AuditMatch.h"
#include "audit/ForwardingDialog.h"
#include "console/ConsoleBridge.h"
#include "models/AuditEventModel.h"
#include "service/ControlPlane.h"

#include <QAction>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QMutex>
#include <QScrollBar>
#include <QSettings>
#include <QSplitter>
#include <QTableView>
#include <QTextBrowser>
#include <QToolBar>
#include <QToolButton>
#include <QUrl>
#include <QVBoxLayout>

#include <atomic>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

// Carries the feed's wake-up from the committing thread to the pane: at most one queued wake-up at a time, and
// none once the pane has let go of it.
class FeedRelay
{
public:
    explicit FeedRelay(AuditPane* pane) : m_pane(pane) {}

    // Any thread.
    void wake()
    {
        if (m_armed.exchange(true))
            return;
        QMutexLocker lock(&m_mutex);
        if (AuditPane* pane = m_pane)
            QMetaObject::invokeMethod(
                pane, [pane, this] { pane->feedWoken(this); }, Qt::QueuedConnection);
    }
    // GUI thread: the next wake() posts again.
    void rearm() { m_armed = false; }
    void detach()
    {
        QMutexLocker lock(&m_mutex);
        m_pane = nullptr;
    }

private:
    QMutex m_mutex;
    AuditPane* m_pane;
    std::atomic<bool> m_armed{false};
};

namespace {

// Events taken from the feed at a time: what the GUI thread then stores in one go (a few milliseconds' work).
constexpr int kTakeMax = 1000;
// Live events the feed keeps for the pane before it drops it (the pane then resumes after the last it took).
constexpr int kFeedQueue = 50000;
constexpr int kTailMs = 100;
const char* const kSettingsGroup = "auditPane";

// What opening the view brings: the newest page, and a subscription from the head of the trail.
struct OpeningAnswer
{
    audit::AuditPage page;
    std::shared_ptr<audit::AuditSubscription> subscription;
};

struct FeedBatch
{
    QList<audit::AuditEvent> events; // those the filter lets in
    int taken = 0;
    qint64 lastSeq = 0;
    bool fellBehind = false;
    qint64 resumeAfter = 0;
};

QString hex(const QByteArray& bytes)
{
    return bytes.isEmpty() ? QStringLiteral("—") : QString::fromLatin1(bytes.toHex());
}

QString timeText(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz t"));
}

void nameAction(QAction* action, QToolBar* bar, const char* objectName, const QString& accessibleName)
{
    action->setObjectName(QLatin1String(objectName));
    if (QWidget* button = bar->widgetForAction(action)) {
        button->setObjectName(QLatin1String(objectName) + QStringLiteral("Button"));
        button->setAccessibleName(accessibleName);
    }
}

} // namespace

AuditPane::AuditPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new AuditEventModel(this)), m_actions(new QToolBar(this)),
      m_waiting(new QLabel(this)), m_state(new QLabel(this)), m_message(new QLabel(this)), m_hint(new QLabel(this)),
      m_filterSlot(new QVBoxLayout), m_histogramSlot(new QVBoxLayout), m_filterBar(new AuditFilterBar(bridge, this)),
      m_histogram(new AuditHistogram(bridge, this)), m_integrity(new AuditIntegrityActions(bridge, this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)), m_table(new QTableView(m_splitter)),
      m_details(new QTextBrowser(m_splitter))
{
    setObjectName(QStringLiteral("auditPane"));
    setAccessibleName(tr("Audit"));
    m_model->setObjectName(QStringLiteral("auditEventModel"));

    auto* title = paneTitle(tr("Audit"), QStringLiteral("auditTitle"), this);

    m_actions->setObjectName(QStringLiteral("auditActions"));
    m_actions->setAccessibleName(tr("Audit view actions"));
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_follow = m_actions->addAction(tr("&Follow"), this, [this](bool on) { setFollowing(on); });
    m_follow->setCheckable(true);
    m_follow->setChecked(true);
    m_follow->setToolTip(tr("Keep the newest event in view"));
    nameAction(m_follow, m_actions, "followAction", tr("Follow"));
    m_pause = m_actions->addAction(tr("&Pause"), this, [this](bool on) { setPaused(on); });
    m_pause->setCheckable(true);
    m_pause->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_P));
    m_pause->setToolTip(tr("Keep the view still; new events wait and are counted (Ctrl+P)"));
    nameAction(m_pause, m_actions, "pauseAction", tr("Pause"));
    m_end = m_actions->addAction(tr("&End"), this, &AuditPane::goToEnd);
    m_end->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_End));
    m_end->setToolTip(tr("Back to the live end of the trail (Ctrl+End)"));
    nameAction(m_end, m_actions, "endAction", tr("End"));
    m_actions->addSeparator();
    m_newestFirst = m_actions->addAction(tr("&Newest First"), this, [this](bool on) {
        m_model->setNewestFirst(on);
        if (isFollowing())
            scrollToNewest();
    });
    m_newestFirst->setCheckable(true);
    m_newestFirst->setToolTip(tr("Newest events at the top; off: in chain order, the newest at the bottom"));
    nameAction(m_newestFirst, m_actions, "newestFirstAction", tr("Newest first"));
    m_refresh = m_actions->addAction(tr("Re&fresh"), this, &AuditPane::reload);
    m_refresh->setShortcut(QKeySequence::Refresh);
    nameAction(m_refresh, m_actions, "refreshAuditAction", tr("Refresh"));
    m_actions->addSeparator();
    m_actions->addAction(m_integrity->verifyAction());
    nameAction(m_integrity->verifyAction(), m_actions, "auditVerify", tr("Verify integrity"));
    if (auto* verify = qobject_cast<QToolButton*>(m_actions->widgetForAction(m_integrity->verifyAction()))) {
        // Pressed: the whole chain; its arrow: the whole chain or a range.
        verify->setPopupMode(QToolButton::MenuButtonPopup);
    }
    m_actions->addAction(m_integrity->exportAction());
    nameAction(m_integrity->exportAction(), m_actions, "auditExport", tr("Export"));
    // Where the trail is forwarded (a SIEM), and how far behind each collector is.
    m_forwarding = m_actions->addAction(tr("For&warding..."), this, [this]() {
        auto* dialog = new ForwardingDialog(m_bridge, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        dialog->open();
        dialog->refresh();
    });
    nameAction(m_forwarding, m_actions, "auditForwarding", tr("Forwarding status"));
    for (QAction* a : m_actions->actions())
        a->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_waiting->setObjectName(QStringLiteral("auditWaiting"));
    m_waiting->setAccessibleName(tr("Events waiting"));
    m_waiting->hide();
    m_state->setObjectName(QStringLiteral("auditState"));
    m_state->setAccessibleName(tr("View state"));

    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, this, [this]() {
        if (auto* line = m_filterBar->findChild<QLineEdit*>(QStringLiteral("auditFilterLine"))) {
            line->setFocus(Qt::ShortcutFocusReason);
            line->selectAll();
        }
    });
    addAction(find);
    // The filter bar's settled filter is the pane's; a brush on the histogram becomes its time range; the first
    // broken event a verification finds is selected.
    connect(m_filterBar, &AuditFilterBar::filterChanged, this, &AuditPane::applyFilter);
    connect(m_histogram, &AuditHistogram::rangeSelected, m_filterBar, &AuditFilterBar::setTimeRange);
    connect(m_integrity, &AuditIntegrityActions::brokenEvent, this, [this](qint64 seq) { selectSeq(seq); });
    // A range to verify starts as the selected event, or else the events in view.
    m_integrity->setRangeSuggestion([this]() -> std::pair<qint64, qint64> {
        const int rows = m_model->rowCount();
        if (const QModelIndex current = m_table->currentIndex(); current.isValid()) {
            const qint64 seq = m_model->seqAt(current.row());
            return {seq, seq};
        }
        if (rows == 0)
            return {1, 1};
        const qint64 a = m_model->seqAt(0), b = m_model->seqAt(rows - 1);
        return {std::min(a, b), std::max(a, b)};
    });
    m_filterSlot->setObjectName(QStringLiteral("filterBarSlot"));
    m_filterSlot->addWidget(m_filterBar);
    m_histogramSlot->setObjectName(QStringLiteral("histogramSlot"));
    m_histogramSlot->addWidget(m_histogram);

    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit events"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setWordWrap(false);
    m_table->setShowGrid(false);
    m_table->setAlternatingRowColors(true);
    m_table->setVerticalScrollMode(QAbstractItemView::ScrollPerPixel);
    // Every row the same height, never measured: the view lays out a million rows by arithmetic.
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::Fixed);
    m_table->verticalHeader()->setDefaultSectionSize(fontMetrics().height() + 6);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const int widths[] = {190, 95, 170, 120, 200, 120, 110, 120};
    for (int c = 0; c < AuditEventModel::ColumnCount; ++c)
        m_table->setColumnWidth(c, widths[c]);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &AuditPane::updateDetails);
    // Scrolling away from the live end stops following; back at the end (or older pages) is the user's choice.
    connect(m_table->verticalScrollBar(), &QAbstractSlider::actionTriggered, this, [this]() {
        QTimer::singleShot(0, this, [this]() {
            QScrollBar* bar = m_table->verticalScrollBar();
            const bool atNewest =
                m_model->newestFirst() ? bar->value() == bar->minimum() : bar->value() == bar->maximum();
            if (!atNewest && isFollowing())
                m_follow->setChecked(false), setFollowing(false);
            if (!m_model->newestFirst() && bar->value() == bar->minimum())
                m_model->requestOlder();
        });
    });

    m_details->setObjectName(QStringLiteral("auditDetails"));
    m_details->setAccessibleName(tr("Event details"));
    m_details->setOpenLinks(false);
    m_details->setPlaceholderText(tr("Select an event to see every field, its hashes and its checkpoint."));
    connect(m_details, &QTextBrowser::anchorClicked, this, &AuditPane::followLink);
    m_splitter->setObjectName(QStringLiteral("auditSplitter"));
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);
    m_splitter->setChildrenCollapsible(false);

    m_hint->setObjectName(QStringLiteral("auditHint"));
    m_hint->setAccessibleName(tr("Hint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    m_message->setObjectName(QStringLiteral("auditMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(m_actions);
    top->addStretch(1);
    top->addWidget(m_waiting);
    top->addWidget(m_state);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addLayout(m_filterSlot);
    layout->addLayout(m_histogramSlot);
    layout->addWidget(m_hint);
    layout->addWidget(m_message);
    layout->addWidget(m_splitter, 1);

    // Tail-follow on a timer: at most every 100 ms, and only when rows came in.
    m_tail.setInterval(kTailMs);
    connect(&m_tail, &QTimer::timeout, this, [this]() {
        if (m_arrived && isFollowing())
            scrollToNewest();
        m_arrived = false;
    });
    m_tail.start();
    connect(m_model, &AuditEventModel::newerInserted, this, [this]() {
        m_arrived = true;
        emit eventsShown(m_model->newestSeq());
    });
    connect(m_model, &AuditEventModel::pendingChanged, this, &AuditPane::updateState);
    connect(m_model, &AuditEventModel::olderRequested, this, &AuditPane::loadOlder);

    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    m_newestFirst->setChecked(settings.value(QStringLiteral("newestFirst"), true).toBool());
    m_model->setNewestFirst(m_newestFirst->isChecked());
    if (!m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray()))
        m_splitter->setSizes({700, 300});
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("columns")).toByteArray());
    settings.endGroup();

    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, [this]() {
        m_loaded = false;
        if (isVisible())
            reload();
    });
    connect(&m_bridge, &ConsoleBridge::accessChanged, this, [this]() {
        if (isVisible() && !m_loaded)
            reload();
    });
    connect(&m_bridge, &ConsoleBridge::signedIn, this, [this]() {
        if (isVisible())
            reload();
    });
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        // A locked window shows nothing of what it held.
        stopFeed();
        ++m_generation;
        m_model->clear();
        m_details->clear();
        m_filterBar->setFilter({});
        m_query = {};
        m_message->hide();
        m_loaded = false;
        m_pinned = false;
        m_checkpoint = {};
        updateState();
    });
    updateState();
}

AuditPane::~AuditPane()
{
    saveState();
    stopFeed();
}

void AuditPane::saveState() const
{
    QSettings settings;
    settings.beginGroup(QLatin1String(kSettingsGroup));
    settings.setValue(QStringLiteral("newestFirst"), m_newestFirst->isChecked());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("columns"), m_table->horizontalHeader()->saveState());
    settings.endGroup();
}

void AuditPane::showEvent(QShowEvent* event)
{
    QWidget::showEvent(event);
    if (!m_loaded && m_bridge.isSignedIn())
        reload();
}

QString AuditPane::message() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void AuditPane::showFailure(const Error& error)
{
    showFailureIn(m_message, error);
}

bool AuditPane::isFollowing() const
{
    return m_follow->isChecked();
}

bool AuditPane::isPaused() const
{
    return m_model->isPaused();
}

audit::AuditQuery AuditPane::scopedQuery() const
{
    audit::AuditQuery q = m_query;
    // A tenant chosen in the filter (only those the identity can see are offered), else the console's scope.
    if (q.tenantId.isEmpty())
        q.tenantId = m_bridge.scope().tenantId;
    q.platform = q.tenantId.isEmpty();
    q.allScopes = false;
    q.beforeSeq = 0;
    q.limit = m_pageSize;
    return q;
}

void AuditPane::setQuery(const audit::AuditQuery& filter)
{
    applyFilter(filter);
    // The filter bar shows it too (its echo comes back the same and changes nothing).
    m_filterBar->setFilter(AuditFilter::fromQuery(m_query));
}

namespace {

// What a query asks, without where it looks or how it pages.
QJsonObject filterPart(audit::AuditQuery q)
{
    q.platform = false;
    q.allScopes = false;
    q.beforeSeq = 0;
    q.limit = 0;
    return q.toJson();
}

} // namespace

void AuditPane::applyFilter(const audit::AuditQuery& filter)
{
    if (m_loaded && filterPart(filter) == filterPart(m_query))
        return;
    m_query = filter;
    m_query.beforeSeq = 0;
    emit queryChanged();
    reload();
}

void AuditPane::stopFeed()
{
    if (m_relay)
        m_relay->detach();
    m_relay.reset();
    if (auto sub = std::exchange(m_sub, nullptr)) {
        // Letting go of a subscription takes only the feed's own lock: no call, nothing audited.
        m_bridge.stream(
            &m_bridge,
            [sub](ControlPlane& cp, const Caller&) -> Result<bool> {
                cp.unfollowAudit(sub);
                return true;
            },
            [](Result<bool>) {});
    }
    m_taking = false;
    m_takeAgain = false;
}

void AuditPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    stopFeed();
    const quint64 generation = ++m_generation;
    m_model->clear();
    m_details->clear();
    m_followedSeq = 0;
    m_pinned = false;
    m_loaded = true;
    m_message->hide();
    if (!m_bridge.allows(QStringLiteral("audit.search"))) {
        m_hint->setText(tr("Reading the audit trail needs the permission %1 at this scope.")
                            .arg(m_bridge.missingPermission(QStringLiteral("audit.search"))));
        m_hint->show();
        updateState();
        return;
    }
    m_hint->hide();
    const audit::AuditQuery q = scopedQuery();
    m_histogram->setQuery(q);
    m_integrity->setQuery(q);
    auto relay = std::make_shared<FeedRelay>(this);
    m_relay = relay;
    m_bridge.call(
        this,
        [q, relay](ControlPlane& cp, const Caller& caller) -> Result<OpeningAnswer> {
            // The head of the scope's trail first: the feed starts there, and the filtered page read after it
            // holds every matching event up to the moment it was read.
            audit::AuditQuery head;
            head.platform = q.platform;
            head.tenantId = q.tenantId;
            head.limit = 1;
            auto newest = cp.searchAudit(caller, head);
            if (!newest)
                return newest.error();
            const qint64 headSeq = newest.value().events.isEmpty() ? 0 : newest.value().events.first().seq;
            auto page = cp.searchAudit(caller, q);
            if (!page)
                return page.error();
            auto sub = cp.followAudit(
                caller, q.tenantId, headSeq, [relay]() { relay->wake(); }, kFeedQueue);
            if (!sub)
                return sub.error();
            return OpeningAnswer{page.value(), sub.value()};
        },
        [this, generation, relay](Result<OpeningAnswer> r) {
            if (!r) {
                showFailure(r.error());
                updateState();
                return;
            }
            if (generation != m_generation) {
                m_bridge.stream(
                    &m_bridge,
                    [sub = r.value().subscription](ControlPlane& cp, const Caller&) -> Result<bool> {
                        cp.unfollowAudit(sub);
                        return true;
                    },
                    [](Result<bool>) {});
                return;
            }
            m_model->addOlder(r.value().page.events, r.value().page.nextBeforeSeq);
            m_sub = r.value().subscription;
            if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0 && isFollowing())
                scrollToNewest();
            updateState();
            take();
        });
    updateState();
}

void AuditPane::subscribe(qint64 afterSeq)
{
    const quint64 generation = m_generation;
    const QString tenantId = scopedQuery().tenantId;
    auto relay = m_relay;
    m_bridge.call(
        this,
        [tenantId, afterSeq, relay](ControlPlane& cp, const Caller& caller) {
            return cp.followAudit(
                caller, tenantId, afterSeq, [relay]() { relay->wake(); }, kFeedQueue);
        },
        [this, generation](Result<std::shared_ptr<audit::AuditSubscription>> r) {
            if (!r) {
                showFailure(r.error());
                return;
            }
            if (generation != m_generation || !m_relay) {
                m_bridge.stream(
                    &m_bridge,
                    [sub = r.value()](ControlPlane& cp, const Caller&) -> Result<bool> {
                        cp.unfollowAudit(sub);
                        return true;
                    },
                    [](Result<bool>) {});
                return;
            }
            m_sub = r.value();
            take();
        });
}

void AuditPane::feedWoken(const FeedRelay* relay)
{
    if (relay != m_relay.get())
        return;
    m_relay->rearm();
    take();
}

void AuditPane::take()
{
    if (!m_sub)
        return;
    if (m_taking) {
        m_takeAgain = true;
        return;
    }
    m_taking = true;
    m_takeAgain = false;
    auto sub = m_sub;
    const audit::AuditQuery q = scopedQuery();
    // On the stream lane: while the subscription catches up, take() reads the store. The filter is applied there
    // too, with the search's own rules: an event it excludes never shows.
    m_bridge.stream(
        this,
        [sub, q](ControlPlane&, const Caller&) -> Result<FeedBatch> {
            FeedBatch b;
            const QList<audit::AuditEvent> taken = sub->take(kTakeMax);
            b.taken = int(taken.size());
            if (!taken.isEmpty())
                b.lastSeq = taken.last().seq;
            for (const audit::AuditEvent& e : taken) {
                if (audit::matchesQuery(q, e))
                    b.events << e;
            }
            b.fellBehind = sub->fellBehind();
            b.resumeAfter = sub->resumeAfter();
            return b;
        },
        [this, sub](Result<FeedBatch> r) {
            if (sub != m_sub)
                return;
            m_taking = false;
            FeedBatch& batch = r.value();
            m_model->addNewer(batch.events);
            if (batch.taken > 0)
                m_followedSeq = batch.lastSeq;
            if (batch.fellBehind) {
                // Dropped for reading too slowly: the feed says where to go on without a gap.
                m_bridge.stream(
                    &m_bridge,
                    [old = m_sub](ControlPlane& cp, const Caller&) -> Result<bool> {
                        cp.unfollowAudit(old);
                        return true;
                    },
                    [](Result<bool>) {});
                m_sub.reset();
                subscribe(batch.resumeAfter);
                return;
            }
            if (batch.taken >= kTakeMax || m_takeAgain)
                take();
        });
}

void AuditPane::loadOlder(qint64 beforeSeq)
{
    const quint64 generation = m_generation;
    audit::AuditQuery q = scopedQuery();
    q.beforeSeq = beforeSeq;
    m_bridge.call(
        this, [q](ControlPlane& cp, const Caller& caller) { return cp.searchAudit(caller, q); },
        [this, generation](Result<audit::AuditPage> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                m_model->addOlder({}, 0);
                showFailure(r.error());
                return;
            }
            m_model->addOlder(r.value().events, r.value().nextBeforeSeq);
            updateState();
        });
}

void AuditPane::setFollowing(bool on)
{
    if (on) {
        if (m_model->isPaused())
            setPaused(false);
        scrollToNewest();
    }
    updateState();
}

void AuditPane::setPaused(bool on)
{
    m_pause->setChecked(on);
    m_model->setPaused(on);
    if (on && isFollowing())
        m_follow->setChecked(false);
    updateState();
}

void AuditPane::goToEnd()
{
    if (m_pinned) {
        m_follow->setChecked(true);
        m_pause->setChecked(false);
        m_model->setPaused(false);
        reload();
        return;
    }
    m_pause->setChecked(false);
    m_model->setPaused(false);
    m_follow->setChecked(true);
    scrollToNewest();
    updateState();
}

void AuditPane::scrollToNewest()
{
    if (m_model->rowCount() == 0)
        return;
    if (m_model->newestFirst())
        m_table->scrollToTop();
    else
        m_table->scrollToBottom();
}

void AuditPane::updateState()
{
    const int waiting = m_model->pendingCount();
    m_waiting->setText(tr("%n new", nullptr, waiting));
    m_waiting->setVisible(m_model->isPaused() && waiting > 0);
    QString state;
    if (!m_bridge.isSignedIn())
        state = QString();
    else if (m_pinned)
        state = tr("Not live: End returns to the newest events");
    else if (m_model->isPaused())
        state = tr("Paused");
    else if (m_sub)
        state = isFollowing() ? tr("Live, following") : tr("Live");
    else if (m_loaded)
        state = tr("Loading…");
    m_state->setText(state);
    const bool on = m_bridge.isSignedIn() && m_loaded;
    for (QAction* a : {m_follow, m_pause, m_end, m_newestFirst, m_refresh})
        a->setEnabled(on || a == m_newestFirst);
}

void AuditPane::selectSeq(qint64 seq)
{
    const int row = m_model->rowOfSeq(seq);
    if (row >= 0) {
        if (isFollowing())
            m_follow->setChecked(false);
        m_table->selectRow(row);
        m_table->scrollTo(m_model->index(row, 0), QAbstractItemView::PositionAtCenter);
        updateState();
        return;
    }
    if (!m_bridge.isSignedIn())
        return;
    // Not loaded: the events up to it, without the live feed (newer ones are not loaded until End).
    stopFeed();
    const quint64 generation = ++m_generation;
    m_model->clear();
    m_model->setPaused(false);
    m_pause->setChecked(false);
    m_follow->setChecked(false);
    m_pinned = true;
    m_loaded = true;
    audit::AuditQuery q = scopedQuery();
    q.beforeSeq = seq + 1;
    m_bridge.call(
        this, [q](ControlPlane& cp, const Caller& caller) { return cp.searchAudit(caller, q); },
        [this, generation, seq](Result<audit::AuditPage> r) {
            if (generation != m_generation)
                return;
            if (!r) {
                showFailure(r.error());
                return;
            }
            m_model->addOlder(r.value().events, r.value().nextBeforeSeq);
            const int found = m_model->rowOfSeq(seq);
            if (found >= 0) {
                m_table->selectRow(found);
                m_table->scrollTo(m_model->index(found, 0), QAbstractItemView::PositionAtCenter);
            } else {
                showNoticeIn(m_message, tr("Event %1 is not in this view: it does not match the filter, or it is "
                                           "outside this scope.")
                                            .arg(seq));
            }
            updateState();
        });
    updateState();
}

void AuditPane::updateDetails()
{
    const QModelIndex current = m_table->currentIndex();
    if (!current.isValid()) {
        m_details->clear();
        return;
    }
    const std::optional<audit::AuditEvent> event = m_model->eventAt(current.row());
    if (!event) {
        m_details->setPlainText(tr("Loading event %1…").arg(m_model->seqAt(current.row())));
        fetchEvent(m_model->seqAt(current.row()));
        return;
    }
    const audit::AuditEvent& e = *event;
    auto esc = [](const QString& s) {
        return s.toHtmlEscaped();
    };
    auto row = [](const QString& name, const QString& valueHtml) {
        return QStringLiteral("<tr><th align=left valign=top>%1</th><td>%2</td></tr>").arg(name, valueHtml);
    };
    auto link = [&esc](const QString& fragment, const QString& text, const QString& tip) {
        if (text.isEmpty())
            return QStringLiteral("—");
        return QStringLiteral("<a href=\"#%1\" title=\"%3\">%2</a>").arg(fragment, esc(text), esc(tip));
    };
    QString html = QStringLiteral("<table cellspacing=2 cellpadding=1>");
    html += row(tr("Event"), QString::number(e.seq));
    html += row(tr("Time"), esc(timeText(e.timeMs)));
    html += row(tr("Outcome"),
                esc(e.outcome) + (e.reason.isEmpty() ? QString() : QStringLiteral(" (%1)").arg(esc(e.reason))));
    html += row(tr("Action"), esc(e.action));
    html += row(tr("Actor"), link(QStringLiteral("actor"), e.actorName.isEmpty() ? e.actorId : e.actorName,
                                  tr("Show this actor's events")) +
                                 QStringLiteral(" <small>%1 %2</small>").arg(esc(e.actorKind), esc(e.actorId)));
    html += row(tr("Target"), link(QStringLiteral("target"), e.targetId, tr("Show the events on this target")) +
                                  QStringLiteral(" <small>%1</small>").arg(esc(e.targetKind)));
    html += row(tr("Tenant"), e.tenantId.isEmpty() ? tr("the platform") : esc(e.tenantId));
    html += row(tr("Workspace"), e.workspaceId.isEmpty() ? QStringLiteral("—") : esc(e.workspaceId));
    html += row(tr("Source"), esc(e.source));
    html += row(tr("Address"), e.address.isEmpty() ? QStringLiteral("—") : esc(e.address));
    html += row(tr("Request"), link(QStringLiteral("request"), e.requestId, tr("Show every event of this request")));
    const QByteArray details = e.detailsJson.isEmpty() ? QByteArrayLiteral("{}") : e.detailsJson;
    html += row(tr("Details"),
                QStringLiteral("<pre>%1</pre>")
                    .arg(esc(QString::fromUtf8(QJsonDocument::fromJson(details).toJson(QJsonDocument::Indented)))));
    html += row(tr("Hash"), QStringLiteral("<code>%1</code>").arg(hex(e.hash)));
    html += row(tr("Previous hash"), QStringLiteral("<code>%1</code>").arg(hex(e.prevHash)));
    QString signedBy;
    // Checkpoints sign the whole chain: they are read at the platform scope only, by platform identities.
    if (!m_bridge.identity().tenantId.isEmpty() || !m_bridge.allows(QStringLiteral("audit.checkpoint.latest"))) {
        signedBy = tr("Checkpoints sign the whole trail: a platform auditor reads them.");
    } else if (m_checkpoint.seq >= e.seq) {
        signedBy = tr("Checkpoint at event %1, signed %2; chain hash %3")
                       .arg(m_checkpoint.seq)
                       .arg(esc(timeText(m_checkpoint.timeMs)),
                            QStringLiteral("<code>%1</code>").arg(hex(m_checkpoint.chainHash)));
    } else {
        signedBy = tr("Not signed yet: the next checkpoint will cover it.");
        fetchCheckpoint(e.seq);
    }
    html += row(tr("Checkpoint"), signedBy);
    html += QStringLiteral("</table>");
    m_details->setHtml(html);
}

void AuditPane::fetchEvent(qint64 seq)
{
    if (m_fetchingEvent == seq)
        return;
    m_fetchingEvent = seq;
    audit::AuditQuery q;
    q.tenantId = scopedQuery().tenantId;
    q.platform = q.tenantId.isEmpty();
    q.beforeSeq = seq + 1;
    q.limit = 1;
    m_bridge.call(
        this, [q](ControlPlane& cp, const Caller& caller) { return cp.searchAudit(caller, q); },
        [this, seq](Result<audit::AuditPage> r) {
            m_fetchingEvent = 0;
            if (!r) {
                showFailure(r.error());
                return;
            }
            if (!r.value().events.isEmpty() && r.value().events.first().seq == seq) {
                m_model->remember(r.value().events.first());
                if (m_model->seqAt(m_table->currentIndex().row()) == seq)
                    updateDetails();
            }
        });
}

void AuditPane::fetchCheckpoint(qint64 seq)
{
    // One read at a time, and only when the newest known checkpoint does not cover the event yet.
    if (m_fetchingCheckpoint || m_checkpoint.seq >= seq)
        return;
    m_fetchingCheckpoint = true;
    m_bridge.call(
        this, [](ControlPlane& cp, const Caller& caller) { return cp.latestCheckpoint(caller); },
        [this, seq](Result<audit::Checkpoint> r) {
            m_fetchingCheckpoint = false;
            if (!r)
                return; // the row says it is not signed yet; a refusal here is not the reader's problem
            const bool covers = r.value().seq >= seq && r.value().seq > m_checkpoint.seq;
            if (r.value().seq > m_checkpoint.seq)
                m_checkpoint = r.value();
            if (covers)
                updateDetails();
        });
}

void AuditPane::followLink(const QUrl& url)
{
    const std::optional<audit::AuditEvent> e = m_model->eventAt(m_table->currentIndex().row());
    if (!e)
        return;
    audit::AuditQuery q = m_query;
    const QString what = url.fragment();
    if (what == QLatin1String("actor"))
        q.actor = e->actorId.isEmpty() ? e->actorName : e->actorId;
    else if (what == QLatin1String("target"))
        q.targetId = e->targetId;
    else if (what == QLatin1String("request"))
        q.requestId = e->requestId;
    else
        return;
    setQuery(q);
}

} // namespace gatehouse::ui
