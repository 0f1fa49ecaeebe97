#include "ConsoleTestSupport.h"
#include "authz/Role.h"
#include "core/Encoding.h"
#include "crypto/Ed25519.h"
#include "crypto/Totp.h"
#include "models/ControlModel.h"
#include "panes/ConflictDialog.h"
#include "panes/TrustBoundariesPane.h"
#include "service/ControlPlane.h"
#include "widgets/BoundaryFlowView.h"
#include "widgets/ControlTimeline.h"
#include "widgets/StatusGlyph.h"

#include <QAbstractItemModelTester>
#include <QAccessible>
#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLabel>
#include <QPointer>
#include <QProgressBar>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>

using namespace gatehouse;
using boundaries::Status;
using test::kAnswerMs;

// The Trust Boundaries pane: the controls model, the drawn flow (checked on the rendered pixels), Check now, and
// the ownership table's editing, its compare-and-set conflict and its read-only state.
class TestTrustBoundariesPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void controlModelPassesTheModelTester();
    void failingBoundaryIsDrawnFailing();
    void clickingABoxFiltersTheControls();
    void selectingAControlSelectsItsBox();
    void platformOwnerSavesOwnershipAndItIsAudited();
    void conflictingOwnershipEditBringsTheDialog();
    void nonOwnerCannotEditOwnership();
    void ownershipSetIsACompareAndSet();
    void selectedControlShowsItsHistory();
    void exportEvidenceWritesASignedReport();

private:
    // Signs in on the platform as `user`, shows the pane and waits for its first check and the ownership.
    bool open(ui::TrustBoundariesPane& pane, ui::ConsoleBridge& bridge, const QString& user,
              const QByteArray& totpKey = {});
    // The colour of the rendered pane at `point` of the flow view (in its coordinates).
    static QColor pixel(const QImage& image, const QWidget* view, QPointF point);
    static const ui::BoundaryFlowView::Box* box(const ui::BoundaryFlowView* view, const QString& id);
    // Makes a control of the identity boundary fail: a new Tenant Admin without a second factor.
    void addAdminWithoutMfa();
    // Enrols a second factor for the user; its key.
    QByteArray enrolMfa(const QString& tenantName, const QString& username);

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestTrustBoundariesPane::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestTrustBoundariesPane::cleanup()
{
    m_f.reset();
}

QByteArray TestTrustBoundariesPane::enrolMfa(const QString& tenantName, const QString& username)
{
    service::Caller s = m_f->signIn(tenantName, username);
    auto enrolment = m_f->cp->beginTotpEnrollment(s);
    if (!enrolment)
        return {};
    const QByteArray key = encoding::fromBase32(enrolment.value().secret).value();
    auto codes = m_f->cp->confirmTotpEnrollment(s, crypto::totp::code(key, crypto::totp::stepAt(m_f->clock.nowMs())),
                                                test::current());
    return codes ? key : QByteArray();
}

bool TestTrustBoundariesPane::open(ui::TrustBoundariesPane& pane, ui::ConsoleBridge& bridge, const QString& user,
                                   const QByteArray& totpKey)
{
    QSignalSpy checked(&pane, &ui::TrustBoundariesPane::checked);
    QSignalSpy owned(&pane, &ui::TrustBoundariesPane::ownershipLoaded);
    if (totpKey.isEmpty()) {
        if (!test::signInBridge(bridge, QString(), user))
            return false;
    } else {
        QSignalSpy finished(&bridge, &ui::ConsoleBridge::signInFinished);
        bridge.signIn(QString(), user, test::secret(test::kPassword),
                      crypto::totp::code(totpKey, crypto::totp::stepAt(m_f->clock.nowMs())));
        if (!finished.wait(kAnswerMs) || !finished.first().at(0).toBool())
            return false;
    }
    pane.resize(1200, 800);
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        return false;
    if (checked.isEmpty() && !checked.wait(kAnswerMs))
        return false;
    return owned.isEmpty() ? owned.wait(kAnswerMs) : true;
}

QColor TestTrustBoundariesPane::pixel(const QImage& image, const QWidget* view, QPointF point)
{
    const QPointF at = (view->mapTo(view->window(), point.toPoint())) * image.devicePixelRatio();
    return image.pixelColor(at.toPoint());
}

const ui::BoundaryFlowView::Box* TestTrustBoundariesPane::box(const ui::BoundaryFlowView* view, const QString& id)
{
    for (const auto& b : view->boxes()) {
        if (b.id == id)
            return &b;
    }
    return nullptr;
}

void TestTrustBoundariesPane::addAdminWithoutMfa()
{
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("tadmin"), authz::builtin::kTenantAdmin).isEmpty());
}

void TestTrustBoundariesPane::controlModelPassesTheModelTester()
{
    ui::ControlModel model;
    QSortFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setFilterRole(ui::ControlModel::BoundaryIdRole);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester proxyTester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    auto reports = m_f->cp->listBoundaries(m_f->system);
    QVERIFY(reports);
    model.setReports(reports.value());
    int controls = 0;
    for (const auto& r : reports.value())
        controls += int(r.results.size());
    QCOMPARE(model.rowCount(), controls);
    QCOMPARE(model.columnCount(), int(ui::ControlModel::ColumnCount));
    // Each row is its control: the boundary, the status as a word and a shape, the evidence and its domain.
    const int row = model.rowOf(QStringLiteral("identity.mfa-admins"));
    QVERIFY(row >= 0);
    QCOMPARE(model.index(row, ui::ControlModel::Boundary).data().toString(), QStringLiteral("Identity"));
    QCOMPARE(model.index(row, ui::ControlModel::Status).data().toString(), ui::statusWord(Status::Fail));
    QVERIFY(!model.index(row, ui::ControlModel::Status).data(Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.index(row, ui::ControlModel::Status).data(ui::ControlModel::StatusRole).toInt(), int(Status::Fail));
    QVERIFY(!model.index(row, ui::ControlModel::Evidence).data().toString().isEmpty());
    QVERIFY(model.index(row, ui::ControlModel::Evidence)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("administrators_with_mfa")));
    QVERIFY(!model.index(row, ui::ControlModel::Domain).data().toString().isEmpty());
    QVERIFY(!model.index(row, ui::ControlModel::Measured).data().toString().isEmpty());
    // Filtered to a boundary: only its controls.
    proxy.setFilterFixedString(QStringLiteral("secrets"));
    QVERIFY(proxy.rowCount() > 0);
    for (int i = 0; i < proxy.rowCount(); ++i)
        QCOMPARE(proxy.index(i, 0).data(ui::ControlModel::BoundaryIdRole).toString(), QStringLiteral("secrets"));
    model.setReports(reports.value());
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(proxy.rowCount(), 0);
}

void TestTrustBoundariesPane::failingBoundaryIsDrawnFailing()
{
    // Every administrator with a second factor: the identity boundary passes.
    const QByteArray rootKey = enrolMfa({}, QStringLiteral("root"));
    QVERIFY(!rootKey.isEmpty());
    QVERIFY(!enrolMfa(QStringLiteral("acme"), QStringLiteral("alice")).isEmpty());
    QVERIFY(!enrolMfa(QStringLiteral("blue"), QStringLiteral("bob")).isEmpty());
    m_f->clock.advanceMs(31000); // a code is accepted once: sign in with the next one

    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root"), rootKey));
    auto* view = pane.findChild<ui::BoundaryFlowView*>(QStringLiteral("boundaryFlowView"));
    QVERIFY(view);
    QCOMPARE(view->boxes().size(), 7);
    QVERIFY(box(view, QStringLiteral("identity")));
    QCOMPARE(box(view, QStringLiteral("identity"))->status, Status::Pass);

    // Every box drawn in its reported status: the band down its left side in the status colour, its inside in
    // the status fill. The view does not decide the status: the control plane's report does.
    const auto checkDrawn = [&]() {
        const QImage image = pane.grab().toImage();
        for (const auto& b : view->boxes()) {
            const QRectF r = view->boxRect(b.id);
            QVERIFY2(!r.isEmpty(), qPrintable(b.id));
            QCOMPARE(pixel(image, view, QPointF(r.left() + 3, r.bottom() - 8)).name(),
                     ui::statusColor(b.status, view->palette()).name());
            QCOMPARE(pixel(image, view, QPointF(r.right() - 6, r.bottom() - 6)).name(),
                     ui::statusFill(b.status, view->palette()).name());
        }
    };
    checkDrawn();
    if (QTest::currentTestFailed())
        return;
    const QRectF identity = view->boxRect(QStringLiteral("identity"));
    QCOMPARE(pixel(pane.grab().toImage(), view, QPointF(identity.left() + 3, identity.center().y())).name(),
             ui::statusColor(Status::Pass, view->palette()).name());

    // A Tenant Admin without a second factor: the store now fails identity.mfa-admins. Check now shows it.
    addAdminWithoutMfa();
    auto* checkNow = pane.findChild<QAction*>(QStringLiteral("checkNowAction"));
    auto* busy = pane.findChild<QProgressBar*>(QStringLiteral("checkBusy"));
    QVERIFY(checkNow && busy);
    QVERIFY(checkNow->isEnabled());
    QVERIFY(!busy->isVisible());
    QSignalSpy checked(&pane, &ui::TrustBoundariesPane::checked);
    checkNow->trigger();
    // Off the GUI thread: the pane shows it is busy until the answer comes back.
    QVERIFY(busy->isVisible());
    QVERIFY(!checkNow->isEnabled());
    QVERIFY(checked.wait(kAnswerMs));
    QVERIFY(!busy->isVisible());
    QVERIFY(checkNow->isEnabled());
    QCOMPARE(box(view, QStringLiteral("identity"))->status, Status::Fail);
    QCOMPARE(box(view, QStringLiteral("identity"))->counts[int(Status::Fail)], 1);
    checkDrawn();
    if (QTest::currentTestFailed())
        return;
    const QColor drawn = pixel(pane.grab().toImage(), view, QPointF(identity.left() + 3, identity.center().y()));
    QCOMPARE(drawn.name(), ui::statusColor(Status::Fail, view->palette()).name());
    QVERIFY(drawn.name() != ui::statusColor(Status::Pass, view->palette()).name());
    // The status is also a word, for those who do not tell the colours apart; and screen readers hear it.
    QVERIFY2(view->accessibleDescription().contains(QStringLiteral("Identity: Fail")),
             qPrintable(view->accessibleDescription()));
    // Each box is an accessible list item of its own, named, with its status in the description.
    QAccessibleInterface* flow = QAccessible::queryAccessibleInterface(view);
    QVERIFY(flow);
    QCOMPARE(flow->role(), QAccessible::List);
    QCOMPARE(flow->childCount(), 7);
    QAccessibleInterface* item = flow->child(view->indexOf(QStringLiteral("identity")));
    QVERIFY(item && item->isValid());
    QCOMPARE(item->role(), QAccessible::ListItem);
    QCOMPARE(item->text(QAccessible::Name), QStringLiteral("Identity"));
    QVERIFY2(item->text(QAccessible::Description).startsWith(QStringLiteral("Identity: Fail")),
             qPrintable(item->text(QAccessible::Description)));
    QCOMPARE(flow->indexOfChild(item), view->indexOf(QStringLiteral("identity")));
    QVERIFY(item->rect().contains(view->mapToGlobal(identity.center().toPoint())));
    QVERIFY(item->rect().width() >= int(identity.width()));
    // The table's row says the same.
    auto* table = pane.findChild<QTableView*>(QStringLiteral("controlTable"));
    auto* model = pane.findChild<ui::ControlModel*>();
    QVERIFY(table && model);
    const int row = model->rowOf(QStringLiteral("identity.mfa-admins"));
    QCOMPARE(model->index(row, ui::ControlModel::Status).data().toString(), ui::statusWord(Status::Fail));
    QVERIFY(model->index(row, ui::ControlModel::Evidence)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("tadmin")));
}

void TestTrustBoundariesPane::clickingABoxFiltersTheControls()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root")));
    auto* view = pane.findChild<ui::BoundaryFlowView*>(QStringLiteral("boundaryFlowView"));
    auto* table = pane.findChild<QTableView*>(QStringLiteral("controlTable"));
    auto* filter = pane.findChild<QComboBox*>(QStringLiteral("boundaryFilter"));
    QVERIFY(view && table && filter);
    const int all = table->model()->rowCount();
    QVERIFY(all > 10);
    QSignalSpy clicked(view, &ui::BoundaryFlowView::boundaryClicked);
    QTest::mouseClick(view, Qt::LeftButton, {}, view->boxRect(QStringLiteral("secrets")).center().toPoint());
    QCOMPARE(clicked.size(), 1);
    QCOMPARE(clicked.first().first().toString(), QStringLiteral("secrets"));
    QCOMPARE(view->selectedBoundary(), QStringLiteral("secrets"));
    QCOMPARE(filter->currentData().toString(), QStringLiteral("secrets"));
    QVERIFY(table->model()->rowCount() > 0 && table->model()->rowCount() < all);
    for (int i = 0; i < table->model()->rowCount(); ++i)
        QCOMPARE(table->model()->index(i, 0).data(ui::ControlModel::BoundaryIdRole).toString(),
                 QStringLiteral("secrets"));
    QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
    // The keyboard does the same: focus moves along the boxes, Space selects.
    view->setFocus();
    QTest::keyClick(view, Qt::Key_Left);
    const QString focused = view->focusedBoundary();
    QVERIFY(focused != QLatin1String("secrets"));
    QTest::keyClick(view, Qt::Key_Space);
    QCOMPARE(view->selectedBoundary(), focused);
    QCOMPARE(filter->currentData().toString(), focused);
    // All boundaries again, from the filter.
    filter->setCurrentIndex(0);
    emit filter->activated(0);
    QCOMPARE(table->model()->rowCount(), all);
    QVERIFY(view->selectedBoundary().isEmpty());
}

void TestTrustBoundariesPane::selectingAControlSelectsItsBox()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root")));
    auto* view = pane.findChild<ui::BoundaryFlowView*>(QStringLiteral("boundaryFlowView"));
    auto* table = pane.findChild<QTableView*>(QStringLiteral("controlTable"));
    auto* filter = pane.findChild<QComboBox*>(QStringLiteral("boundaryFilter"));
    auto* model = pane.findChild<ui::ControlModel*>();
    QVERIFY(view && table && filter && model);
    QVERIFY(view->selectedBoundary().isEmpty());
    const int all = table->model()->rowCount();
    QSignalSpy clicked(view, &ui::BoundaryFlowView::boundaryClicked);
    // Each control row, clicked with the mouse, selects its own boundary's box; the table stays unfiltered.
    QStringList seen;
    for (int row = 0; row < table->model()->rowCount(); ++row) {
        const QModelIndex index = table->model()->index(row, ui::ControlModel::Control);
        const QString boundary = index.data(ui::ControlModel::BoundaryIdRole).toString();
        if (seen.contains(boundary))
            continue;
        seen << boundary;
        table->scrollTo(index);
        QTest::mouseClick(table->viewport(), Qt::LeftButton, {}, table->visualRect(index).center());
        QCOMPARE(table->selectionModel()->selectedRows().size(), 1);
        QCOMPARE(view->selectedBoundary(), boundary);
        QCOMPARE(table->model()->rowCount(), all);
        QCOMPARE(filter->currentIndex(), 0);
        // The box's accessible item reports it selected, and no other box does.
        QAccessibleInterface* flow = QAccessible::queryAccessibleInterface(view);
        QVERIFY(flow);
        for (int i = 0; i < flow->childCount(); ++i)
            QCOMPARE(flow->child(i)->state().selected, i == view->indexOf(boundary));
    }
    QVERIFY2(seen.size() >= 3, qPrintable(seen.join(QLatin1Char(','))));
    // Selecting from the table is not a click on the flow: nothing filters the table.
    QCOMPARE(clicked.size(), 0);
    // The keyboard too: Down moves to the next control, whose box is selected.
    table->setFocus();
    const int current = table->currentIndex().row();
    QVERIFY(current >= 0);
    const int next = current + 1 < all ? current + 1 : current - 1;
    QTest::keyClick(table, next > current ? Qt::Key_Down : Qt::Key_Up);
    QCOMPARE(table->currentIndex().row(), next);
    QCOMPARE(view->selectedBoundary(),
             table->model()->index(next, 0).data(ui::ControlModel::BoundaryIdRole).toString());
}

void TestTrustBoundariesPane::platformOwnerSavesOwnershipAndItIsAudited()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root")));
    auto* table = pane.findChild<QTableWidget*>(QStringLiteral("ownershipTable"));
    auto* save = pane.findChild<QAction*>(QStringLiteral("saveOwnershipAction"));
    QVERIFY(table && save);
    QVERIFY(!pane.isOwnershipReadOnly());
    QVERIFY(table->item(0, 2)->flags() & Qt::ItemIsEditable);
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("customer"));
    table->item(0, 2)->setText(QStringLiteral("operator"));
    table->item(4, 3)->setText(QStringLiteral("oncall@example.org"));
    QVERIFY(save->isEnabled());
    QSignalSpy saved(&pane, &ui::TrustBoundariesPane::ownershipSaved);
    save->trigger();
    QVERIFY(saved.wait(kAnswerMs));
    const auto stored = m_f->cp->ownership(m_f->system).value();
    QVERIFY(stored.stated);
    QCOMPARE(stored.areas.at(0).owner, QStringLiteral("operator"));
    QCOMPARE(stored.areas.at(4).contact, QStringLiteral("oncall@example.org"));
    QVERIFY(test::hasGuiEvent(*m_f, {}, QStringLiteral("ownership.update"), QStringLiteral("deployment")));
    QVERIFY(!save->isEnabled()); // nothing changed since
    QVERIFY(pane.findChild<QLabel*>(QStringLiteral("ownershipNote"))->text().contains(m_f->platformOwnerId));
}

void TestTrustBoundariesPane::conflictingOwnershipEditBringsTheDialog()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root")));
    // Signing in announces both the session and the access: the pane still reads the ownership once, so no late
    // second answer can undo the edit below.
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QCOMPARE(test::auditEvents(*m_f, {}, QStringLiteral("ownership.read")).size(), 1);
    auto* table = pane.findChild<QTableWidget*>(QStringLiteral("ownershipTable"));
    auto* save = pane.findChild<QAction*>(QStringLiteral("saveOwnershipAction"));
    // Someone else states it while the pane shows the defaults.
    auto theirs = boundaries::Ownership::defaults();
    theirs.areas[1].owner = QStringLiteral("platform-team");
    QVERIFY(m_f->cp->setOwnership(m_f->system, theirs));
    table->item(0, 2)->setText(QStringLiteral("operator"));
    save->trigger();
    ui::ConflictDialog* conflict = nullptr;
    QTRY_VERIFY_WITH_TIMEOUT(
        (conflict = pane.findChild<ui::ConflictDialog*>(QStringLiteral("ownershipConflictDialog"))) != nullptr,
        kAnswerMs);
    QVERIFY(QTest::qWaitForWindowExposed(conflict));
    // Nothing of mine was written, and the refusal was audited.
    QCOMPARE(m_f->cp->ownership(m_f->system).value().areas.at(0).owner, QStringLiteral("customer"));
    QVERIFY(test::hasGuiEvent(*m_f, {}, QStringLiteral("ownership.update"), QStringLiteral("deployment"),
                              QStringLiteral("error")));
    // The differences: theirs and mine.
    QCOMPARE(conflict->differences()->topLevelItemCount(), 2);
    // Overwrite: the table as I have it is written over theirs.
    QSignalSpy saved(&pane, &ui::TrustBoundariesPane::ownershipSaved);
    QPointer<ui::ConflictDialog> first(conflict);
    conflict->findChild<QPushButton*>(QStringLiteral("overwriteButton"))->click();
    QVERIFY(saved.wait(kAnswerMs));
    QTRY_VERIFY(!first);
    QCOMPARE(m_f->cp->ownership(m_f->system).value().areas.at(0).owner, QStringLiteral("operator"));

    // Again, now Reload: theirs is shown, nothing written.
    theirs = m_f->cp->ownership(m_f->system).value();
    theirs.areas[2].owner = QStringLiteral("secrets-team");
    QVERIFY(m_f->cp->setOwnership(m_f->system, theirs));
    table->item(3, 2)->setText(QStringLiteral("network-team"));
    save->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(
        (conflict = pane.findChild<ui::ConflictDialog*>(QStringLiteral("ownershipConflictDialog"))) != nullptr,
        kAnswerMs);
    conflict->findChild<QPushButton*>(QStringLiteral("reloadButton"))->click();
    QTRY_COMPARE(table->item(2, 2)->text(), QStringLiteral("secrets-team"));
    QCOMPARE(table->item(3, 2)->text(), QStringLiteral("customer"));
    QCOMPARE(m_f->cp->ownership(m_f->system).value().areas.at(3).owner, QStringLiteral("customer"));
}

void TestTrustBoundariesPane::nonOwnerCannotEditOwnership()
{
    QVERIFY(!m_f->addUser({}, QStringLiteral("auditor"), authz::builtin::kPlatformAuditor).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("auditor")));
    auto* table = pane.findChild<QTableWidget*>(QStringLiteral("ownershipTable"));
    auto* save = pane.findChild<QAction*>(QStringLiteral("saveOwnershipAction"));
    QVERIFY(pane.isOwnershipReadOnly());
    QVERIFY(!(table->item(0, 2)->flags() & Qt::ItemIsEditable));
    QVERIFY(!save->isEnabled());
    QVERIFY2(save->toolTip().contains(QStringLiteral("ownership.write")), qPrintable(save->toolTip()));
    QVERIFY2(table->item(0, 2)->toolTip().contains(QStringLiteral("ownership.write")),
             qPrintable(table->item(0, 2)->toolTip()));
    // The auditor still sees the boundaries.
    QCOMPARE(pane.findChild<ui::BoundaryFlowView*>()->boxes().size(), 7);
}

void TestTrustBoundariesPane::ownershipSetIsACompareAndSet()
{
    const auto base = m_f->cp->ownership(m_f->system).value();
    auto mine = base;
    mine.areas[0].owner = QStringLiteral("operator");
    auto theirs = base;
    theirs.areas[1].owner = QStringLiteral("them");
    QVERIFY(m_f->cp->setOwnership(m_f->system, theirs, service::unchangedFrom(base)));
    auto refused = m_f->cp->setOwnership(m_f->system, mine, service::unchangedFrom(base));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Stale);
    QCOMPARE(m_f->cp->ownership(m_f->system).value().areas.at(1).owner, QStringLiteral("them"));
    QCOMPARE(m_f->cp->ownership(m_f->system).value().areas.at(0).owner, QStringLiteral("customer"));
    QVERIFY(m_f->cp->setOwnership(m_f->system, mine, service::unchangedFrom(m_f->cp->ownership(m_f->system).value())));
}

void TestTrustBoundariesPane::selectedControlShowsItsHistory()
{
    // Two runs before the pane opens, and its own first check: three points of history for every control.
    QVERIFY(m_f->cp->runControlChecks(m_f->system));
    m_f->clock.advanceMs(60'000);
    QVERIFY(m_f->cp->runControlChecks(m_f->system));
    m_f->clock.advanceMs(60'000);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root")));
    auto* action = pane.findChild<QAction*>(QStringLiteral("checkNowAction"));
    QVERIFY(action);
    QCOMPARE(action->property("operation").toString(), QStringLiteral("boundary.check.run"));
    QSignalSpy loaded(&pane, &ui::TrustBoundariesPane::historyLoaded);
    pane.showBoundary(QStringLiteral("data"));
    QVERIFY(loaded.wait(kAnswerMs));
    ui::ControlTimeline* timeline = pane.timeline();
    QString times;
    for (const auto& r : timeline->records())
        times += QString::number(r.checkedAtMs) + QLatin1Char(' ');
    QVERIFY2(timeline->records().size() == 3, qPrintable(times + QString::number(m_f->clock.nowMs())));
    QCOMPARE(timeline->records().last().controlId, QStringLiteral("data.encryption"));
    // Named for screen readers after the control, described in words, not colour.
    QCOMPARE(timeline->accessibleName(), QStringLiteral("History of Database encryption"));
    QVERIFY2(timeline->accessibleDescription().contains(QLatin1String("3 run")),
             qPrintable(timeline->accessibleDescription()));
    QVERIFY(timeline->accessibleDescription().contains(QLatin1String("pass now"), Qt::CaseInsensitive));
    auto* summary = pane.findChild<QLabel*>(QStringLiteral("timelineSummary"));
    QVERIFY(summary);
    QCOMPARE(summary->text(), timeline->summary());
    // The new pieces have names a screen reader can say.
    for (const char* name : {"controlTimeline", "timelineSummary", "exportEvidenceActionButton"}) {
        auto* w = pane.findChild<QWidget*>(QLatin1String(name));
        QVERIFY2(w, name);
        QVERIFY2(!QAccessible::queryAccessibleInterface(w)->text(QAccessible::Name).isEmpty(), name);
    }
}

void TestTrustBoundariesPane::exportEvidenceWritesASignedReport()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TrustBoundariesPane pane(bridge);
    QVERIFY(open(pane, bridge, QStringLiteral("root")));
    auto* action = pane.findChild<QAction*>(QStringLiteral("exportEvidenceAction"));
    QVERIFY(action);
    QVERIFY(action->isEnabled());
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("evidence.pdf"));
    QSignalSpy exported(&pane, &ui::TrustBoundariesPane::evidenceExported);
    pane.exportEvidence(path);
    QVERIFY(exported.wait(kAnswerMs * 4));
    QVERIFY2(exported.first().at(0).toBool(), qPrintable(exported.first().at(2).toString()));
    QFile pdf(path);
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QByteArray bytes = pdf.readAll();
    QVERIFY(bytes.startsWith("%PDF"));
    QFile sig(path + QStringLiteral(".sig"));
    QFile pem(path + QStringLiteral(".pub.pem"));
    QVERIFY(sig.open(QIODevice::ReadOnly) && pem.open(QIODevice::ReadOnly));
    auto key = crypto::ed25519::publicKeyFromPem(pem.readAll());
    QVERIFY(key);
    QVERIFY(crypto::ed25519::verify(key.value(), bytes, sig.readAll()));
    // Audited as the signed-in administrator, through the console.
    const audit::AuditEvent e = m_f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("evidence.generate"));
    QCOMPARE(e.source, QStringLiteral("gui"));
    QCOMPARE(e.actorName, QStringLiteral("root"));
}

QTEST_MAIN(TestTrustBoundariesPane)
#include "TestTrustBoundariesPane.moc"
