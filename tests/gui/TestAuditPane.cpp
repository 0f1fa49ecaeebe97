#include "AuditTamper.h"
#include "ConsoleTestSupport.h"
#include "api/TlsCertificate.h"
#include "audit/AuditHistogram.h"
#include "audit/AuditIntegrityActions.h"
#include "audit/AuditMatch.h"
#include "audit/DestinationDialog.h"
#include "audit/ForwardingDialog.h"
#include "models/AuditEventModel.h"
#include "panes/AuditPane.h"
#include "shell/MainWindow.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMenu>
#include <QMessageBox>
#include <QPointer>
#include <QPushButton>
#include <QScrollBar>
#include <QSpinBox>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTextBrowser>
#include <QThread>
#include <QToolButton>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The Audit pane: a live table over the audit trail (compact rows, batched inserts, keyset paging), following
// what anyone commits, in chain order and without gaps; Pause, End, the filter, and the reader's tenant scope.
class TestAuditPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void modelPassesTheModelTester();
    void modelInsertsWhatArrivesInOneBatchAndWaitsWhilePaused();
    void followShowsEveryEventOnceInChainOrder();
    void pauseKeepsTheViewStillAndEndShowsWhatWaited();
    void aFilterKeepsOutNewEventsItDoesNotMatch();
    void liveFilteringAgreesWithTheSearch();
    void securityReviewerSeesExactlyWhatTheSearchGivesThem();
    void olderPagesLoadAsTheViewScrolls();
    void detailsShowHashesAndCheckpointAndLinksFilter();
    void selectSeqLoadsUpToAnEventAndEndReturnsToLive();
    void theMainWindowShowsThePaneAndKeepsItsLayout();
    void everyControlHasAnAccessibleName();
    void verifySelectsTheDamagedEventAndTheHistogramSetsTheRange();
    void rangeVerifySelectsDamageInsideAndIsIntactAroundIt();
    void forwardingWindowShowsEachDestination();
    void forwardingDestinationsAreAddedChangedAndRemoved();
    void aRefusedDestinationIsShownInTheEditorAndNothingIsSaved();
    void aReviewerSeesDestinationsButCannotChangeThem();

private:
    // Signs in (tenantName empty: the platform), shows the pane, and waits until it follows the trail.
    void open(ui::AuditPane& pane, ui::ConsoleBridge& bridge, const QString& tenantName, const QString& user);
    // The sequence numbers the model holds, in chain order.
    static QList<qint64> seqs(const ui::AuditEventModel& model);
    // Appends `n` platform events through the control plane (each an audited read by the local system).
    void appendPlatformEvents(int n);

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

namespace {

audit::AuditEvent makeEvent(qint64 seq, const QString& action, const QString& outcome = QStringLiteral("success"))
{
    audit::AuditEvent e;
    e.seq = seq;
    e.timeMs = 1'700'000'000'000 + seq;
    e.actorKind = QStringLiteral("user");
    e.actorId = QStringLiteral("usr_a");
    e.actorName = QStringLiteral("alice");
    e.action = action;
    e.targetKind = QStringLiteral("user");
    e.targetId = QStringLiteral("usr_b");
    e.outcome = outcome;
    e.requestId = QStringLiteral("req-%1").arg(seq);
    e.detailsJson = QByteArrayLiteral("{\"n\":1}");
    e.hash = QByteArray(32, char(seq));
    return e;
}

QList<audit::AuditEvent> range(qint64 from, qint64 to, bool newestFirst)
{
    QList<audit::AuditEvent> out;
    for (qint64 s = from; s <= to; ++s)
        out << makeEvent(s, QStringLiteral("user.update"));
    if (newestFirst)
        std::reverse(out.begin(), out.end());
    return out;
}

} // namespace

void TestAuditPane::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestAuditPane::cleanup()
{
    m_f.reset();
}

QList<qint64> TestAuditPane::seqs(const ui::AuditEventModel& model)
{
    QList<qint64> out;
    for (int r = 0; r < model.rowCount(); ++r)
        out << model.seqAt(r);
    if (model.newestFirst())
        std::reverse(out.begin(), out.end());
    return out;
}

void TestAuditPane::appendPlatformEvents(int n)
{
    for (int i = 0; i < n; ++i)
        QVERIFY(m_f->cp->latestCheckpoint(m_f->system));
}

void TestAuditPane::open(ui::AuditPane& pane, ui::ConsoleBridge& bridge, const QString& tenantName, const QString& user)
{
    QVERIFY(test::signInBridge(bridge, tenantName, user));
    pane.resize(1200, 600);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QTRY_VERIFY_WITH_TIMEOUT(pane.isLive() && !bridge.isBusy(), kAnswerMs);
}

void TestAuditPane::modelPassesTheModelTester()
{
    ui::AuditEventModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QSignalSpy older(&model, &ui::AuditEventModel::olderRequested);
    model.addOlder(range(101, 200, true), 101);
    QCOMPARE(model.rowCount(), 100);
    if (older.isEmpty()) { // the tester may have asked already
        QVERIFY(model.canFetchMore({}));
        model.fetchMore({});
    }
    QCOMPARE(older.size(), 1);
    QCOMPARE(older.first().first().toLongLong(), 101);
    QVERIFY(!model.canFetchMore({})); // one page on its way at a time
    model.addOlder(range(1, 100, true), 0);
    QVERIFY(!model.canFetchMore({}));
    model.addNewer(range(190, 250, false)); // what is already held is not shown twice
    model.flush();
    QCOMPARE(model.rowCount(), 250);
    QCOMPARE(model.seqAt(0), 250);
    QCOMPARE(model.index(0, ui::AuditEventModel::Outcome).data().toString(), QStringLiteral("success"));
    QVERIFY(!model.index(0, ui::AuditEventModel::Outcome).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(0, ui::AuditEventModel::RequestId).data().toString(), QStringLiteral("req-250"));
    QCOMPARE(model.index(0, ui::AuditEventModel::Actor).data().toString(), QStringLiteral("alice"));
    model.setNewestFirst(false);
    QCOMPARE(model.seqAt(0), 1);
    QCOMPARE(model.rowOfSeq(250), 249);
    model.addNewer(range(251, 260, false));
    model.flush();
    QCOMPARE(model.seqAt(model.rowCount() - 1), 260);
    QCOMPARE(seqs(model).size(), 260);
    const std::optional<audit::AuditEvent> e = model.eventAt(model.rowOfSeq(255));
    QVERIFY(e);
    QCOMPARE(e->requestId, QStringLiteral("req-255"));
    QCOMPARE(e->hash, QByteArray(32, char(255)));
    model.setCacheSize(1);
    QVERIFY(!model.eventAt(model.rowOfSeq(3))); // long text gone from the cache: asked for again
    model.remember(makeEvent(3, QStringLiteral("user.update")));
    QVERIFY(model.eventAt(model.rowOfSeq(3)));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

void TestAuditPane::modelInsertsWhatArrivesInOneBatchAndWaitsWhilePaused()
{
    ui::AuditEventModel model;
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    for (qint64 s = 1; s <= 300; ++s)
        model.addNewer({makeEvent(s, QStringLiteral("user.update"))});
    QCOMPARE(model.rowCount(), 0); // not before the event loop turns
    QTRY_COMPARE(model.rowCount(), 300);
    QCOMPARE(inserted.size(), 1);
    model.setPaused(true);
    model.addNewer(range(301, 320, false));
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 300);
    QCOMPARE(model.pendingCount(), 20);
    model.setPaused(false);
    QCOMPARE(model.rowCount(), 320);
    QCOMPARE(inserted.size(), 2);
    QCOMPARE(seqs(model).last(), 320);
}

void TestAuditPane::followShowsEveryEventOnceInChainOrder()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    const qint64 start = m_f->newestEvent().seq;

    // Read events are committed in groups, as under load: the feed hands them over many at a time. The writer calls
    // as the server does, without waiting for each record's sync.
    constexpr int kEvents = 5000;
    std::atomic<bool> failed{false};
    std::unique_ptr<QThread> writer(QThread::create([this, &failed]() {
        service::ControlPlane::DeferredDurability deferred;
        for (int i = 0; i < kEvents; ++i) {
            if (!m_f->cp->latestCheckpoint(m_f->system))
                failed = true;
        }
        m_f->cp->awaitDurable(deferred.ticket());
    }));
    writer->start();
    QTRY_VERIFY_WITH_TIMEOUT(writer->isFinished(), 300000);
    writer->wait();
    QVERIFY(!failed);
    QVERIFY(m_f->cp->flushReadAudit());
    const qint64 last = m_f->newestEvent().seq;
    QVERIFY(last >= start + kEvents);
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->newestSeq() >= last, kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowOfSeq(last) >= 0, kAnswerMs);

    // Every platform event after the start, exactly once and in chain order (the pane's own reads included).
    QList<qint64> expected;
    audit::AuditQuery q;
    q.platform = true;
    q.limit = 1000;
    for (;;) {
        auto page = m_f->cp->searchAudit(m_f->system, q);
        QVERIFY(page);
        bool done = false;
        for (const auto& e : page.value().events) {
            if (e.seq <= start) {
                done = true;
                break;
            }
            if (e.seq <= last)
                expected.prepend(e.seq);
        }
        if (done || !page.value().nextBeforeSeq)
            break;
        q.beforeSeq = page.value().nextBeforeSeq;
    }
    QList<qint64> shown;
    for (qint64 s : seqs(*pane.model())) {
        if (s > start && s <= last)
            shown << s;
    }
    QVERIFY(shown.size() >= kEvents);
    QCOMPARE(shown, expected);
    // Following: the newest is in view.
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    QTRY_COMPARE(table->verticalScrollBar()->value(), table->verticalScrollBar()->minimum());
}

void TestAuditPane::pauseKeepsTheViewStillAndEndShowsWhatWaited()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    QTRY_VERIFY(pane.model()->rowCount() > 0);
    // Caught up with the pane's own opening reads first, so that only what comes next waits.
    appendPlatformEvents(1);
    const qint64 caughtUp = m_f->newestEvent().seq;
    QTRY_VERIFY_WITH_TIMEOUT(pane.followedSeq() >= caughtUp, kAnswerMs);
    QTRY_COMPARE(pane.model()->rowOfSeq(caughtUp), 0);
    auto* pause = pane.findChild<QToolButton*>(QStringLiteral("pauseActionButton"));
    QVERIFY(pause && pause->isEnabled());
    QTest::mouseClick(pause, Qt::LeftButton);
    QVERIFY(pane.isPaused());
    const int rows = pane.model()->rowCount();
    const qint64 top = pane.model()->seqAt(0);

    appendPlatformEvents(40);
    const qint64 last = m_f->newestEvent().seq;
    auto* waiting = pane.findChild<QLabel*>(QStringLiteral("auditWaiting"));
    QTRY_COMPARE(pane.model()->pendingCount(), 40);
    QTRY_VERIFY(waiting->isVisible());
    QCOMPARE(waiting->text(), QStringLiteral("40 new"));
    QCOMPARE(pane.model()->rowCount(), rows);
    QCOMPARE(pane.model()->seqAt(0), top);

    appendPlatformEvents(5);
    QTRY_COMPARE(pane.model()->pendingCount(), 45);
    QCOMPARE(pane.model()->rowCount(), rows);

    QTest::mouseClick(pane.findChild<QToolButton*>(QStringLiteral("endActionButton")), Qt::LeftButton);
    QVERIFY(!pane.isPaused());
    QVERIFY(pane.isFollowing());
    QCOMPARE(pane.model()->rowCount(), rows + 45);
    QVERIFY(pane.model()->newestSeq() >= last + 5);
    QVERIFY(!waiting->isVisible());
}

void TestAuditPane::aFilterKeepsOutNewEventsItDoesNotMatch()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    // Typed into the filter bar's line, as a reviewer would: a bare word is free text.
    auto* line = pane.findChild<QLineEdit*>(QStringLiteral("auditFilterLine"));
    QVERIFY(line);
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("checkpoint"));
    QTest::keyClick(line, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(pane.query().text, QStringLiteral("checkpoint"), kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(pane.isLive() && !bridge.isBusy(), kAnswerMs);

    // One the filter does not match, then one it matches: when the second shows, the first would have.
    QVERIFY(m_f->cp->readMetrics(m_f->system));
    const audit::AuditEvent other = m_f->newestEvent();
    QVERIFY(m_f->cp->latestCheckpoint(m_f->system));
    const audit::AuditEvent matching = m_f->newestEvent();
    QVERIFY(!other.action.contains(QStringLiteral("checkpoint")));
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowOfSeq(matching.seq) >= 0, kAnswerMs);
    QCOMPARE(pane.model()->rowOfSeq(other.seq), -1);
    QVERIFY(pane.followedSeq() >= matching.seq);
}

void TestAuditPane::liveFilteringAgreesWithTheSearch()
{
    // A mix of events, then each filter two ways: live (applied here) and loaded again (the server's search).
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    const QString aliceId = m_f->userId(m_f->tenantA, QStringLiteral("alice"));
    struct Case
    {
        const char* name;
        audit::AuditQuery query;
    };
    QList<Case> cases;
    {
        audit::AuditQuery q;
        q.actionPrefix = QStringLiteral("audit.");
        cases << Case{"action prefix", q};
        q = {};
        q.outcome = QStringLiteral("denied");
        cases << Case{"outcome", q};
        q = {};
        q.actor = QStringLiteral("system");
        cases << Case{"actor id", q};
        q = {};
        q.text = QStringLiteral("metrics");
        cases << Case{"text", q};
        q = {};
        q.text = QStringLiteral("audit.checkpoint");
        cases << Case{"text phrase", q};
    }
    for (const Case& c : cases) {
        pane.setQuery(c.query);
        QTRY_VERIFY_WITH_TIMEOUT(pane.isLive() && !bridge.isBusy(), kAnswerMs);
        const qint64 before = m_f->newestEvent().seq;
        appendPlatformEvents(3);
        QVERIFY(m_f->cp->readMetrics(m_f->system));
        // A denied platform read: a tenant owner asking for the platform's checkpoint.
        (void)m_f->cp->latestCheckpoint(m_f->signIn(QStringLiteral("acme"), QStringLiteral("alice")));
        QVERIFY(m_f->cp->latestCheckpoint(m_f->system));
        const qint64 last = m_f->newestEvent().seq;
        QTRY_VERIFY_WITH_TIMEOUT(pane.followedSeq() >= last && !bridge.isBusy(), kAnswerMs);
        const auto inRange = [&]() {
            QList<qint64> out;
            for (qint64 s : seqs(*pane.model()))
                if (s > before && s <= last)
                    out << s;
            return out;
        };
        const QList<qint64> live = inRange();
        pane.reload();
        // The reload's answer may come a little after the pane says it is live again (the feed's lane does not
        // count as busy): wait for the two to agree, and fail with both lists when they never do.
        QTRY_VERIFY_WITH_TIMEOUT(pane.isLive() && !bridge.isBusy() && inRange() == live, kAnswerMs);
        const QList<qint64> searched = inRange();
        QVERIFY2(live == searched, qPrintable(QStringLiteral("%1: live %2, searched %3")
                                                  .arg(QLatin1String(c.name))
                                                  .arg(QDebug::toString(live), QDebug::toString(searched))));
        QVERIFY2(!searched.isEmpty() || c.query.outcome == QLatin1String("denied"), c.name);
    }
    Q_UNUSED(aliceId);
}

void TestAuditPane::securityReviewerSeesExactlyWhatTheSearchGivesThem()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    // Events of every scope: tenant A's, tenant B's, the platform's.
    QVERIFY(m_f->cp->listWorkspaces(m_f->system, m_f->tenantA));
    QVERIFY(m_f->cp->listWorkspaces(m_f->system, m_f->tenantB));
    appendPlatformEvents(2);

    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("rita"));
    // And more while it follows.
    QVERIFY(m_f->cp->listWorkspaces(m_f->system, m_f->tenantB));
    appendPlatformEvents(2);
    QVERIFY(m_f->cp->listWorkspaces(m_f->system, m_f->tenantA));
    const qint64 last = m_f->newestEvent().seq;
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowOfSeq(last) >= 0, kAnswerMs);

    const service::Caller rita = m_f->signIn(QStringLiteral("acme"), QStringLiteral("rita"));
    audit::AuditQuery q;
    q.tenantId = m_f->tenantA;
    q.limit = 1000;
    auto page = m_f->cp->searchAudit(rita, q);
    QVERIFY(page);
    QList<qint64> expected;
    for (const auto& e : page.value().events) {
        QCOMPARE(e.tenantId, m_f->tenantA);
        if (e.seq <= last)
            expected.prepend(e.seq);
    }
    QList<qint64> shown;
    for (qint64 s : seqs(*pane.model()))
        if (s <= last)
            shown << s;
    QCOMPARE(shown, expected);
    // And the reader's reads are audited like the API's, as coming through the console.
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("audit.search"), {}));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("audit.follow"), {}));
    // Selecting an event asks for no checkpoint (a platform read): nothing refused, the details say why.
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    table->selectRow(0);
    QVERIFY(pane.findChild<QTextBrowser*>(QStringLiteral("auditDetails"))
                ->toPlainText()
                .contains(QStringLiteral("platform auditor")));
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    for (const QString& scope : {QString(), m_f->tenantA}) {
        for (const auto& e : test::auditEvents(*m_f, scope, QStringLiteral("audit.checkpoint")))
            QVERIFY2(e.source != QLatin1String("gui"), "the pane asked for a checkpoint it may not read");
    }
}

void TestAuditPane::olderPagesLoadAsTheViewScrolls()
{
    appendPlatformEvents(120);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    pane.setPageSize(25);
    open(pane, bridge, {}, QStringLiteral("root"));
    QVERIFY(pane.model()->rowCount() >= 25); // and more while the view is not full
    QVERIFY(pane.model()->hasOlder());
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    // Scrolling to the end fetches the next older page, as often as it takes.
    for (int i = 0; i < 10 && pane.model()->hasOlder(); ++i) {
        const int rows = pane.model()->rowCount();
        table->scrollToBottom();
        QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowCount() > rows, kAnswerMs);
    }
    QVERIFY(pane.model()->rowCount() >= 125);
    const QList<qint64> all = seqs(*pane.model());
    for (int i = 1; i < all.size(); ++i)
        QVERIFY(all.at(i - 1) < all.at(i));
}

void TestAuditPane::detailsShowHashesAndCheckpointAndLinksFilter()
{
    // Two events of one request (as the API records them), then a signed checkpoint over them.
    service::Caller request = m_f->system;
    request.requestId = QStringLiteral("req-test-1");
    QVERIFY(m_f->cp->latestCheckpoint(request));
    const qint64 first = m_f->newestEvent().seq;
    QVERIFY(m_f->cp->latestCheckpoint(request));
    QVERIFY(m_f->cp->checkpointAudit(m_f->system));
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    const audit::Checkpoint checkpoint = m_f->cp->latestCheckpoint(m_f->system).value();
    const int row = pane.model()->rowOfSeq(first);
    QVERIFY(row >= 0);
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    table->selectRow(row);
    auto* details = pane.findChild<QTextBrowser*>(QStringLiteral("auditDetails"));
    const audit::AuditEvent e = *pane.model()->eventAt(row);
    QVERIFY(details->toPlainText().contains(QString::fromLatin1(e.hash.toHex())));
    QVERIFY(details->toPlainText().contains(QString::fromLatin1(e.prevHash.toHex())));
    QVERIFY(details->toPlainText().contains(e.requestId));
    QTRY_VERIFY_WITH_TIMEOUT(details->toPlainText().contains(QString::fromLatin1(checkpoint.chainHash.toHex())),
                             kAnswerMs);

    QSignalSpy changed(&pane, &ui::AuditPane::queryChanged);
    emit details->anchorClicked(QUrl(QStringLiteral("#request")));
    QCOMPARE(changed.size(), 1);
    QCOMPARE(pane.query().requestId, QStringLiteral("req-test-1"));
    QTRY_VERIFY_WITH_TIMEOUT(pane.isLive() && !bridge.isBusy(), kAnswerMs);
    QCOMPARE(seqs(*pane.model()), (QList<qint64>{first, first + 1}));
    table->selectRow(0);
    emit details->anchorClicked(QUrl(QStringLiteral("#actor")));
    QCOMPARE(pane.query().actor, e.actorId);
    QCOMPARE(pane.query().requestId, e.requestId); // links narrow the filter
}

void TestAuditPane::selectSeqLoadsUpToAnEventAndEndReturnsToLive()
{
    appendPlatformEvents(1);
    const qint64 early = m_f->newestEvent().seq;
    appendPlatformEvents(60);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    pane.setPageSize(20);
    open(pane, bridge, {}, QStringLiteral("root"));
    QCOMPARE(pane.model()->rowOfSeq(early), -1);
    pane.selectSeq(early);
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    QTRY_VERIFY_WITH_TIMEOUT(table->currentIndex().isValid(), kAnswerMs);
    QCOMPARE(pane.model()->seqAt(table->currentIndex().row()), early);
    QVERIFY(!pane.isLive());
    const int rows = pane.model()->rowCount();
    const qint64 older = pane.model()->seqAt(table->currentIndex().row() + 1);
    QVERIFY(older > 0 && older < early);
    pane.selectSeq(older); // loaded: selected at once
    QCOMPARE(pane.model()->seqAt(table->currentIndex().row()), older);
    QCOMPARE(pane.model()->rowCount(), rows);
    QTest::mouseClick(pane.findChild<QToolButton*>(QStringLiteral("endActionButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(pane.isLive() && !bridge.isBusy(), kAnswerMs);
    QVERIFY(pane.model()->newestSeq() > early + 60);
}

void TestAuditPane::theMainWindowShowsThePaneAndKeepsItsLayout()
{
    QByteArray splitterState;
    {
        ui::ConsoleBridge bridge(*m_f->cp);
        ui::MainWindow window(bridge);
        QVERIFY(test::signInBridge(bridge, {}, QStringLiteral("root")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        auto* nav = window.findChild<QListWidget*>(QStringLiteral("navigation"));
        QCOMPARE(nav->item(int(ui::MainWindow::Page::Audit))->text(), QStringLiteral("Audit"));
        QVERIFY(!nav->item(int(ui::MainWindow::Page::Audit))->icon().isNull());
        auto* open = window.findChild<QAction*>(QStringLiteral("openPane6Action"));
        QVERIFY(open);
        QCOMPARE(open->shortcut(), QKeySequence(Qt::CTRL | Qt::Key_6));
        open->trigger();
        auto* pane = window.findChild<ui::AuditPane*>(QStringLiteral("auditPane"));
        QVERIFY(pane && pane->isVisible());
        QTRY_VERIFY_WITH_TIMEOUT(pane->isLive(), kAnswerMs);
        auto* splitter = pane->findChild<QSplitter*>(QStringLiteral("auditSplitter"));
        splitter->setSizes({400, 600});
        splitterState = splitter->saveState();
        pane->findChild<QAction*>(QStringLiteral("newestFirstAction"))->trigger();
        QVERIFY(!pane->model()->newestFirst());
        bridge.endSessionNow();
    }
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    QCOMPARE(pane.findChild<QSplitter*>(QStringLiteral("auditSplitter"))->saveState(), splitterState);
    QVERIFY(!pane.model()->newestFirst());
}

void TestAuditPane::everyControlHasAnAccessibleName()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    for (QWidget* w : pane.findChildren<QWidget*>()) {
        if (!w->isVisible() || w->focusPolicy() == Qt::NoFocus)
            continue;
        if (qobject_cast<QScrollBar*>(w) || w->inherits("QHeaderView") ||
            w->objectName().startsWith(QLatin1String("qt_")))
            continue;
        QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(QStringLiteral("%1 (%2)").arg(
                                                     w->objectName(), QLatin1String(w->metaObject()->className()))));
    }
}

// The pane's tools at work in it: "Verify integrity" on a store the test damaged (one event changed) selects that
// event in the view; a range brushed on the histogram becomes the filter's time range.
void TestAuditPane::verifySelectsTheDamagedEventAndTheHistogramSetsTheRange()
{
    appendPlatformEvents(30);
    const qint64 damaged = m_f->newestEvent().seq - 10;
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    store::Database& db = m_f->store->database();
    QVERIFY(test::dropAuditGuards(db));
    QVERIFY(db.exec(QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;")
                        .arg(damaged)
                        .toUtf8()
                        .constData()));
    auto* verify = pane.findChild<QToolButton*>(QStringLiteral("auditVerifyButton"));
    QVERIFY(verify && verify->isEnabled());
    QTest::mouseClick(verify, Qt::LeftButton);
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    QTRY_VERIFY_WITH_TIMEOUT(
        table->currentIndex().isValid() && pane.model()->seqAt(table->currentIndex().row()) == damaged, kAnswerMs);
    // The result is shown in a message box: closed as a user would.
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w))
            box->close();

    auto* histogram = pane.findChild<ui::AuditHistogram*>();
    QVERIFY(histogram);
    const QDateTime from = QDateTime::currentDateTime().addSecs(-3600);
    const QDateTime to = QDateTime::currentDateTime().addSecs(-600);
    emit histogram->rangeSelected(from, to);
    QTRY_COMPARE_WITH_TIMEOUT(pane.query().fromMs, from.toMSecsSinceEpoch(), kAnswerMs);
    QCOMPARE(pane.query().toMs, to.toMSecsSinceEpoch());
}

// "Verify integrity" of a range, through its dialog: damage inside the range selects the damaged event; a range
// after it (beyond the signed checkpoint that closes the damaged stretch) is intact.
void TestAuditPane::rangeVerifySelectsDamageInsideAndIsIntactAroundIt()
{
    QVERIFY(m_f->cp->setAuditCheckpointPolicy({10, 5 * 60 * 1000}));
    appendPlatformEvents(60);
    const qint64 newest = m_f->newestEvent().seq;
    const qint64 damaged = newest - 35;
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    auto* table = pane.findChild<QTableView*>(QStringLiteral("auditTable"));
    QVERIFY(table);
    store::Database& db = m_f->store->database();
    QVERIFY(test::dropAuditGuards(db));
    QVERIFY(db.exec(QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;")
                        .arg(damaged)
                        .toUtf8()
                        .constData()));
    // Another event is selected: the dialog starts with it.
    pane.selectSeq(newest - 2);
    QTRY_VERIFY_WITH_TIMEOUT(
        table->currentIndex().isValid() && pane.model()->seqAt(table->currentIndex().row()) == newest - 2, kAnswerMs);
    auto* verifyMenu = pane.findChild<QToolButton*>(QStringLiteral("auditVerifyButton"));
    QVERIFY(verifyMenu && verifyMenu->defaultAction() && verifyMenu->defaultAction()->menu());
    QCOMPARE(verifyMenu->popupMode(), QToolButton::MenuButtonPopup);
    auto* rangeAction = pane.findChild<QAction*>(QStringLiteral("auditVerifyRange"));
    QVERIFY(rangeAction && rangeAction->isEnabled());
    QVERIFY(verifyMenu->defaultAction()->menu()->actions().contains(rangeAction));

    // With GATEHOUSE_SCREENSHOT_DIR set, the menu, the dialog and the result are saved as PNGs to look at.
    const QString shots = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    const auto shot = [&shots](QWidget* w, const QString& name) {
        if (!shots.isEmpty() && w)
            w->grab().save(QDir(shots).filePath(name + QStringLiteral(".png")));
    };
    if (!shots.isEmpty()) {
        QMenu* menu = verifyMenu->defaultAction()->menu();
        menu->popup(verifyMenu->mapToGlobal(QPoint(0, verifyMenu->height())));
        QVERIFY(QTest::qWaitForWindowExposed(menu));
        shot(menu, QStringLiteral("audit-verify-menu"));
        menu->hide();
    }
    const auto runRange = [&](qint64 from, qint64 to) -> bool {
        rangeAction->trigger();
        QDialog* dialog = nullptr;
        for (QDialog* d : pane.findChildren<QDialog*>(QStringLiteral("auditVerifyRangeDialog")))
            if (d->isVisible())
                dialog = d;
        if (!dialog)
            return false;
        auto* fromBox = dialog->findChild<QSpinBox*>(QStringLiteral("auditVerifyFrom"));
        auto* toBox = dialog->findChild<QSpinBox*>(QStringLiteral("auditVerifyTo"));
        auto* ok = dialog->findChild<QPushButton*>(QStringLiteral("auditVerifyRangeOk"));
        if (!fromBox || !toBox || !ok)
            return false;
        // Every control and every text of its own is named for screen readers (a form label names its field).
        for (QWidget* w : dialog->findChildren<QWidget*>()) {
            auto* label = qobject_cast<QLabel*>(w);
            const bool named =
                qobject_cast<QAbstractSpinBox*>(w) || qobject_cast<QPushButton*>(w) || (label && !label->buddy());
            if (named && w->accessibleName().isEmpty())
                return false;
        }
        if (fromBox->value() != newest - 2 || toBox->value() != newest - 2) // prefilled from the selection
            return false;
        // From after to cannot be started, and says why.
        fromBox->setValue(int(to) + 1);
        toBox->setValue(int(to));
        if (ok->isEnabled())
            return false;
        shot(dialog, QStringLiteral("audit-verify-range-refused"));
        fromBox->setValue(int(from));
        if (!ok->isEnabled())
            return false;
        shot(dialog, QStringLiteral("audit-verify-range-dialog"));
        QTest::mouseClick(ok, Qt::LeftButton);
        return true;
    };
    QSignalSpy verified(pane.findChild<ui::AuditIntegrityActions*>(), &ui::AuditIntegrityActions::verified);
    QVERIFY(runRange(damaged - 5, damaged + 5));
    QTRY_VERIFY_WITH_TIMEOUT(
        table->currentIndex().isValid() && pane.model()->seqAt(table->currentIndex().row()) == damaged, kAnswerMs);
    QCOMPARE(verified.size(), 1);
    QVERIFY(!verified.first().first().value<audit::VerifyReport>().intact);
    if (!shots.isEmpty()) {
        QTRY_VERIFY_WITH_TIMEOUT(pane.findChild<QMessageBox*>(QStringLiteral("auditIntegrityResult")), kAnswerMs);
        shot(pane.findChild<QMessageBox*>(QStringLiteral("auditIntegrityResult")),
             QStringLiteral("audit-verify-range-broken"));
        shot(&pane, QStringLiteral("audit-verify-range-pane"));
    }
    QCOMPARE(verified.first().first().value<audit::VerifyReport>().problem, QStringLiteral("changed"));
    for (QWidget* w : QApplication::topLevelWidgets())
        if (auto* box = qobject_cast<QMessageBox*>(w))
            box->close();

    // After the damaged stretch: intact, and the selection stays where it was put.
    pane.selectSeq(newest - 2);
    QTRY_VERIFY_WITH_TIMEOUT(!pane.findChild<ui::AuditIntegrityActions*>()->isRunning(), kAnswerMs);
    QVERIFY(runRange(damaged + 20, newest - 2));
    QTRY_COMPARE_WITH_TIMEOUT(verified.size(), 2, kAnswerMs);
    const auto report = verified.last().first().value<audit::VerifyReport>();
    QVERIFY2(report.intact, qPrintable(report.problem + QLatin1Char(' ') + report.message));
    QCOMPARE(report.fromSeq, damaged + 20);
    QCOMPARE(pane.model()->seqAt(table->currentIndex().row()), newest - 2);
    QMessageBox* result = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT((result = pane.findChild<QMessageBox*>(QStringLiteral("auditIntegrityResult"))) &&
                                 result->isVisible(),
                             kAnswerMs);
    shot(result, QStringLiteral("audit-verify-range-intact"));
    QVERIFY2(result->text().contains(QStringLiteral("%1 to %2 are intact").arg(damaged + 20).arg(newest - 2)),
             qPrintable(result->text()));
    result->close();
}

void TestAuditPane::forwardingWindowShowsEachDestination()
{
    // A destination nobody listens at (loopback, plain TCP), forwarding the whole trail: not connected, behind.
    forward::Destination d;
    d.name = QStringLiteral("siem");
    d.host = QStringLiteral("127.0.0.1");
    d.port = 9;
    d.transport = forward::Destination::Transport::Tcp;
    auto made = m_f->cp->createForwardDestination(m_f->system, d, true);
    QVERIFY2(made, qPrintable(made ? QString() : made.error().message));
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    auto* button = pane.findChild<QToolButton*>(QStringLiteral("auditForwardingButton"));
    QVERIFY(button);
    QCOMPARE(button->accessibleName(), QStringLiteral("Forwarding status"));
    button->click();
    auto* dialog = pane.findChild<ui::ForwardingDialog*>();
    QVERIFY(dialog);
    QSignalSpy refreshed(dialog, &ui::ForwardingDialog::refreshed);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), kAnswerMs);
    QCOMPARE(refreshed.first().first().toInt(), 1);
    const QTableWidget* table = dialog->table();
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 0)->text(), QStringLiteral("siem"));
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Platform"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("127.0.0.1:9 (tcp)"));
    QCOMPARE(table->item(0, 4)->text(), QStringLiteral("not connected"));
    QVERIFY(QLocale().toLongLong(table->item(0, 5)->text()) > 0);
    for (QWidget* w : dialog->findChildren<QWidget*>()) {
        if (w->focusPolicy() != Qt::NoFocus && w->isVisible() && !w->objectName().startsWith(QLatin1String("qt_")))
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->metaObject()->className()));
    }
    dialog->close();
}

namespace {

// With GATEHOUSE_SCREENSHOT_DIR set (tests/gui/screenshots.sh), saves the widget as a PNG.
void shotOf(QWidget* w, const QString& name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty() || !w)
        return;
    QCoreApplication::processEvents();
    w->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// Opens the forwarding window from the pane and waits for its first status.
ui::ForwardingDialog* openForwarding(ui::AuditPane& pane)
{
    auto* button = pane.findChild<QToolButton*>(QStringLiteral("auditForwardingButton"));
    if (!button)
        return nullptr;
    button->click();
    auto* dialog = pane.findChild<ui::ForwardingDialog*>();
    if (!dialog)
        return nullptr;
    QSignalSpy refreshed(dialog, &ui::ForwardingDialog::refreshed);
    if (!QTest::qWaitFor([&] { return !refreshed.isEmpty(); }, kAnswerMs))
        return nullptr;
    return dialog;
}

// Clicks one of the window's buttons (it must be enabled) and answers the editor it opens.
ui::DestinationDialog* clickForEditor(ui::ForwardingDialog* dialog, const char* button)
{
    auto* b = dialog->findChild<QPushButton*>(QLatin1String(button));
    if (!b || !b->isEnabled())
        return nullptr;
    QTest::mouseClick(b, Qt::LeftButton);
    ui::DestinationDialog* editor = nullptr;
    const bool shown = QTest::qWaitFor(
        [&] {
            editor = dialog->findChild<ui::DestinationDialog*>();
            return editor && editor->isVisible();
        },
        kAnswerMs);
    return shown ? editor : nullptr;
}

template <typename W> W* field(QWidget* editor, const char* name)
{
    return editor->findChild<W*>(QLatin1String(name));
}

void typeInto(QLineEdit* line, const QString& text)
{
    line->selectAll();
    QTest::keyClick(line, Qt::Key_Delete);
    QTest::keyClicks(line, text);
}

void choose(QComboBox* combo, const QString& data)
{
    // As a keyboard user does: the arrows until the entry is current.
    const int target = combo->findData(data);
    while (combo->currentIndex() < target)
        QTest::keyClick(combo, Qt::Key_Down);
    while (combo->currentIndex() > target)
        QTest::keyClick(combo, Qt::Key_Up);
}

void clickOk(ui::DestinationDialog* editor)
{
    QTest::mouseClick(field<QDialogButtonBox>(editor, "buttons")->button(QDialogButtonBox::Ok), Qt::LeftButton);
}

} // namespace

void TestAuditPane::forwardingDestinationsAreAddedChangedAndRemoved()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, {}, QStringLiteral("root"));
    ui::ForwardingDialog* dialog = openForwarding(pane);
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 0);
    QSignalSpy refreshed(dialog, &ui::ForwardingDialog::refreshed);

    // Add: a relay on this machine over plain TCP; the port follows the transport.
    QPointer<ui::DestinationDialog> editor = clickForEditor(dialog, "forwardingAdd");
    QVERIFY(editor);
    QVERIFY(editor->isNew());
    for (QWidget* w : editor->findChildren<QWidget*>()) {
        if (w->focusPolicy() != Qt::NoFocus && !w->objectName().startsWith(QLatin1String("qt_")))
            QVERIFY2(!w->accessibleName().isEmpty(), qPrintable(w->objectName()));
    }
    QCOMPARE(field<QSpinBox>(editor, "destinationPort")->value(), 6514);
    typeInto(field<QLineEdit>(editor, "destinationName"), QStringLiteral("siem"));
    typeInto(field<QLineEdit>(editor, "destinationHost"), QStringLiteral("127.0.0.1"));
    shotOf(editor, QStringLiteral("forwarding-destination-new"));
    choose(field<QComboBox>(editor, "destinationTransport"), QStringLiteral("tcp"));
    QCOMPARE(field<QSpinBox>(editor, "destinationPort")->value(), 514);
    QVERIFY(!field<QComboBox>(editor, "destinationPinBy")->isVisible()); // plain TCP pins nothing
    choose(field<QComboBox>(editor, "destinationFormat"), QStringLiteral("ocsf"));
    clickOk(editor);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), kAnswerMs);
    QCOMPARE(dialog->table()->rowCount(), 1);
    QCOMPARE(dialog->table()->item(0, 0)->text(), QStringLiteral("siem"));
    QVERIFY(dialog->findChild<QLabel*>(QStringLiteral("forwardingState"))
                ->text()
                .startsWith(QStringLiteral("Added siem.")));
    auto status = m_f->cp->forwardingStatus(m_f->system, {});
    QVERIFY(status);
    QCOMPARE(status.value().size(), 1);
    forward::Destination d = status.value().first().destination;
    QCOMPARE(d.name, QStringLiteral("siem"));
    QCOMPARE(d.transport, forward::Destination::Transport::Tcp);
    QCOMPARE(d.port, 514);
    QCOMPARE(d.format, audit::ExportFormat::Ocsf);
    QVERIFY(d.enabled);
    QVERIFY(test::hasGuiEvent(*m_f, {}, QStringLiteral("forwarding.create"), d.id));
    shotOf(dialog, QStringLiteral("forwarding-window"));

    // Change: over TLS, pinned by a CA file, with a client certificate and key; CEF; another port; disabled.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(api::TlsCertificate::generate(dir.path(), {}, m_f->clock));
    const QString certificate = api::TlsCertificate::certificatePath(dir.path());
    const QString key = api::TlsCertificate::keyPath(dir.path());
    dialog->table()->selectRow(0);
    refreshed.clear();
    editor = clickForEditor(dialog, "forwardingEdit");
    QVERIFY(editor);
    QVERIFY(!editor->isNew());
    QCOMPARE(field<QLineEdit>(editor, "destinationName")->text(), QStringLiteral("siem"));
    QCOMPARE(field<QComboBox>(editor, "destinationFormat")->currentData().toString(), QStringLiteral("ocsf"));
    choose(field<QComboBox>(editor, "destinationTransport"), QStringLiteral("tls"));
    QCOMPARE(field<QSpinBox>(editor, "destinationPort")->value(), 6514);
    QVERIFY(field<QComboBox>(editor, "destinationPinBy")->isVisible());
    editor->setCaFile(certificate); // what the file chooser fills in
    QTest::keyClick(field<QCheckBox>(editor, "destinationClientCertificate"), Qt::Key_Space);
    QVERIFY(field<QLineEdit>(editor, "destinationKeyFile")->isVisible());
    editor->setClientCertificateFiles(certificate, key);
    choose(field<QComboBox>(editor, "destinationFormat"), QStringLiteral("cef"));
    auto* port = field<QSpinBox>(editor, "destinationPort");
    port->selectAll();
    QTest::keyClicks(port, QStringLiteral("1514"));
    QTest::keyClick(field<QCheckBox>(editor, "destinationEnabled"), Qt::Key_Space);
    shotOf(editor, QStringLiteral("forwarding-destination-change"));
    clickOk(editor);
    QTRY_VERIFY_WITH_TIMEOUT(editor.isNull(), kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), kAnswerMs);
    status = m_f->cp->forwardingStatus(m_f->system, {});
    QVERIFY(status);
    QCOMPARE(status.value().size(), 1);
    d = status.value().first().destination;
    QCOMPARE(d.transport, forward::Destination::Transport::Tls);
    QCOMPARE(d.port, 1514);
    QCOMPARE(d.format, audit::ExportFormat::Cef);
    QVERIFY(!d.enabled);
    QVERIFY(!d.caPem.isEmpty());
    QVERIFY(!d.clientCertPem.isEmpty());
    QCOMPARE(dialog->table()->item(0, 4)->text(), QStringLiteral("disabled"));
    const QList<audit::AuditEvent> updates = test::auditEvents(*m_f, {}, QStringLiteral("forwarding.update"));
    QCOMPARE(updates.size(), 1);
    QCOMPARE(updates.first().source, QStringLiteral("gui"));
    QCOMPARE(updates.first().outcome, QStringLiteral("success"));
    const QJsonObject details = QJsonDocument::fromJson(updates.first().detailsJson).object();
    const QJsonArray changed = details.value(QStringLiteral("changed")).toArray();
    for (const char* f : {"port", "transport", "format", "ca", "client_certificate", "client_key", "enabled"})
        QVERIFY2(changed.contains(QString::fromLatin1(f)), f);
    QVERIFY(!updates.first().detailsJson.contains("PRIVATE KEY")); // the key never enters the trail

    // Remove: asked first; No keeps it, Yes removes it.
    dialog->table()->selectRow(0);
    auto* remove = dialog->findChild<QPushButton*>(QStringLiteral("forwardingRemove"));
    QVERIFY(remove && remove->isEnabled());
    QMessageBox* box = nullptr;
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((box = dialog->findChild<QMessageBox*>(QStringLiteral("confirmDialog"))) && box->isVisible());
    QVERIFY(box->text().contains(QStringLiteral("siem")));
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QTRY_VERIFY(!dialog->findChild<QMessageBox*>(QStringLiteral("confirmDialog")));
    QCOMPARE(m_f->cp->forwardingStatus(m_f->system, {}).value().size(), 1);
    refreshed.clear();
    QTest::mouseClick(remove, Qt::LeftButton);
    QTRY_VERIFY((box = dialog->findChild<QMessageBox*>(QStringLiteral("confirmDialog"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!refreshed.isEmpty(), kAnswerMs);
    QCOMPARE(dialog->table()->rowCount(), 0);
    QCOMPARE(m_f->cp->forwardingStatus(m_f->system, {}).value().size(), 0);
    QVERIFY(test::hasGuiEvent(*m_f, {}, QStringLiteral("forwarding.delete"), d.id));
    QVERIFY(!remove->isEnabled()); // nothing selected
    dialog->close();
}

void TestAuditPane::aRefusedDestinationIsShownInTheEditorAndNothingIsSaved()
{
    // A tenant owner adds to the tenant's destinations: what the control plane refuses is said in the editor.
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("alice"));
    ui::ForwardingDialog* dialog = openForwarding(pane);
    QVERIFY(dialog);
    QPointer<ui::DestinationDialog> editor = clickForEditor(dialog, "forwardingAdd");
    QVERIFY(editor);
    typeInto(field<QLineEdit>(editor, "destinationName"), QStringLiteral("far"));
    typeInto(field<QLineEdit>(editor, "destinationHost"), QStringLiteral("192.0.2.10"));
    choose(field<QComboBox>(editor, "destinationTransport"), QStringLiteral("tcp"));
    clickOk(editor);
    auto* error = field<QLabel>(editor, "errorLabel");
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kAnswerMs);
    QVERIFY2(error->text().contains(QStringLiteral("only to a relay on this machine")), qPrintable(error->text()));
    shotOf(editor, QStringLiteral("forwarding-destination-refused"));
    QVERIFY(editor->isVisible()); // the form stays, as typed
    QCOMPARE(field<QLineEdit>(editor, "destinationHost")->text(), QStringLiteral("192.0.2.10"));
    QCOMPARE(m_f->cp->forwardingStatus(m_f->system, m_f->tenantA).value().size(), 0);
    QVERIFY(
        test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("forwarding.tenant.create"), {}, QStringLiteral("error")));

    // Over TLS without a CA or fingerprint: the control plane says to pin the collector.
    choose(field<QComboBox>(editor, "destinationTransport"), QStringLiteral("tls"));
    clickOk(editor);
    QTRY_VERIFY_WITH_TIMEOUT(error->text().contains(QStringLiteral("pin the collector")), kAnswerMs);
    // A CA file that cannot be read is said before anything is sent.
    editor->setCaFile(QStringLiteral("/nonexistent/ca.pem"));
    clickOk(editor);
    QVERIFY2(error->text().contains(QStringLiteral("/nonexistent/ca.pem")), qPrintable(error->text()));
    QCOMPARE(m_f->cp->forwardingStatus(m_f->system, m_f->tenantA).value().size(), 0);
    editor->reject();
    QTRY_VERIFY(editor.isNull());
    dialog->close();
}

void TestAuditPane::aReviewerSeesDestinationsButCannotChangeThem()
{
    forward::Destination d;
    d.tenantId = m_f->tenantA;
    d.name = QStringLiteral("acme-relay");
    d.host = QStringLiteral("127.0.0.1");
    d.port = 9;
    d.transport = forward::Destination::Transport::Tcp;
    QVERIFY(m_f->cp->createForwardDestination(m_f->system, d));
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditPane pane(bridge);
    open(pane, bridge, QStringLiteral("acme"), QStringLiteral("rita"));
    ui::ForwardingDialog* dialog = openForwarding(pane);
    QVERIFY(dialog);
    QCOMPARE(dialog->table()->rowCount(), 1);
    dialog->table()->selectRow(0);
    // Visible, disabled, and saying which permission is missing (settings.write in the tenant).
    for (const char* name : {"forwardingAdd", "forwardingEdit", "forwardingRemove"}) {
        auto* button = dialog->findChild<QPushButton*>(QLatin1String(name));
        QVERIFY(button);
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QStringLiteral("settings.write")), qPrintable(button->toolTip()));
    }
    dialog->close();
}

QTEST_MAIN(TestAuditPane)
#include "TestAuditPane.moc"
