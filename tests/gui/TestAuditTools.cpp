#include "AuditTamper.h"
#include "ConsoleTestSupport.h"
#include "audit/AuditFilter.h"
#include "audit/AuditFilterBar.h"
#include "audit/AuditHistogram.h"
#include "audit/AuditIntegrityActions.h"
#include "service/ControlPlane.h"
#include "shell/Appearance.h"

#include <QAction>
#include <QApplication>
#include <QChartView>
#include <QComboBox>
#include <QCryptographicHash>
#include <QDateTimeEdit>
#include <QDir>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QProcess>
#include <QProgressDialog>
#include <QPushButton>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

namespace {

constexpr qint64 kHour = 3600 * 1000;

// Lifts the append-only guard on events, as someone with raw access to the decrypted store could.
// With GATEHOUSE_SCREENSHOT_DIR set (tests/gui/screenshots.sh), the widgets are saved as PNGs for the docs.
void shot(QWidget& w, const QString& name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        w.grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

// How far apart two colours are in lightness (0-255).
int lightnessGap(const QColor& a, const QColor& b)
{
    return qAbs(a.lightness() - b.lightness());
}

} // namespace

// The audit pane's tools on their own: the filter line and its form, saved filters, the histogram's brush,
// verification of a damaged chain, and exports (complete, or nothing on Cancel).
class TestAuditTools : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();

    void lineRoundTrips_data();
    void lineRoundTrips();
    void lineErrorsNameTheToken_data();
    void lineErrorsNameTheToken();
    void filterIsTheQuery();
    void formAndLineFollowEachOther();
    void badLineIsShownNotApplied();
    void savedFiltersArePerIdentity();
    void histogramLoadsStackedByOutcome();
    void brushingARangeEmitsIt();
    void longRangesAreSummedIntoFewerBars();
    void barsStandOutInLightAndDark();
    void verifyNamesTheDamagedEvent();
    void cancelledRangeStopsTheWalk();
    void exportWritesTheChainAsItIs();
    void bundleIsCompleteAndVerifiesOffline();
    void cancelledExportLeavesNothing();
    void actionsNameTheMissingPermission();

private:
    static QLineEdit* edit(QWidget* w, const char* name) { return w->findChild<QLineEdit*>(QLatin1String(name)); }
    static QComboBox* combo(QWidget* w, const char* name) { return w->findChild<QComboBox*>(QLatin1String(name)); }
    void makeEvents(int n);
    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestAuditTools::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestAuditTools::cleanup()
{
    m_f.reset();
}

void TestAuditTools::makeEvents(int n)
{
    for (int i = 0; i < n; ++i)
        QVERIFY(m_f->cp->renameWorkspace(m_f->system, m_f->tenantA, m_f->w1, QStringLiteral("Name %1").arg(i)));
}

void TestAuditTools::lineRoundTrips_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("formatted"); // empty: the line itself
    QTest::newRow("empty") << QString() << QString();
    QTest::newRow("every key") << QStringLiteral("tenant:acme workspace:ws_1 actor:alice action:secret. "
                                                 "outcome:denied target:sec_1 address:10.0.0.1 request:req_x "
                                                 "from:2026-12-01T00:00 to:2026-12-02T12:30:15 rotation")
                               << QString();
    QTest::newRow("since") << QStringLiteral("since:24h actor:alice") << QStringLiteral("actor:alice since:24h");
    QTest::newRow("span in days") << QStringLiteral("since:7d") << QString();
    QTest::newRow("span in weeks") << QStringLiteral("since:2w") << QStringLiteral("since:14d");
    QTest::newRow("phrases and words") << QStringLiteral("\"key rotation\" word \"say \\\"hi\\\"\"") << QString();
    QTest::newRow("quoted value") << QStringLiteral("actor:\"Alice Smith\"") << QString();
    QTest::newRow("upper-case outcome") << QStringLiteral("outcome:DENIED") << QStringLiteral("outcome:denied");
    QTest::newRow("a colon in a word") << QStringLiteral("10:30") << QStringLiteral("\"10:30\"");
    QTest::newRow("spaces") << QStringLiteral("  actor:bob    x  ") << QStringLiteral("actor:bob x");
}

void TestAuditTools::lineRoundTrips()
{
    QFETCH(QString, line);
    QFETCH(QString, formatted);
    const ui::AuditFilterParse p = ui::AuditFilter::parse(line);
    QVERIFY2(p.filter, qPrintable(p.error));
    const QString once = p.filter->format();
    QCOMPARE(once, formatted.isEmpty() ? line : formatted);
    // The formatted line gives the same filter back, and formats the same.
    const ui::AuditFilterParse again = ui::AuditFilter::parse(once);
    QVERIFY2(again.filter, qPrintable(again.error));
    QCOMPARE(*again.filter, *p.filter);
    QCOMPARE(again.filter->format(), once);
}

void TestAuditTools::lineErrorsNameTheToken_data()
{
    QTest::addColumn<QString>("line");
    QTest::addColumn<QString>("token");
    QTest::addColumn<QString>("accepted"); // a word of what the message says is accepted
    QTest::newRow("unknown key") << QStringLiteral("actor:alice colour:red") << QStringLiteral("colour:red")
                                 << QStringLiteral("outcome");
    QTest::newRow("bad outcome") << QStringLiteral("outcome:maybe") << QStringLiteral("outcome:maybe")
                                 << QStringLiteral("outcome:denied");
    QTest::newRow("bad span") << QStringLiteral("since:yesterday") << QStringLiteral("since:yesterday")
                              << QStringLiteral("since:24h");
    QTest::newRow("bad time") << QStringLiteral("from:12/01/2026") << QStringLiteral("from:12/01/2026")
                              << QStringLiteral("2026-12-01T09:30");
    QTest::newRow("twice") << QStringLiteral("actor:a actor:b") << QStringLiteral("actor:b") << QStringLiteral("once");
    QTest::newRow("empty value") << QStringLiteral("target:") << QStringLiteral("target:")
                                 << QStringLiteral("target:something");
    QTest::newRow("open quote") << QStringLiteral("actor:\"alice") << QStringLiteral("actor:\"alice")
                                << QStringLiteral("\"");
    QTest::newRow("since and range") << QStringLiteral("since:1h from:2026-12-01") << QStringLiteral("since:1h")
                                     << QStringLiteral("range");
}

void TestAuditTools::lineErrorsNameTheToken()
{
    QFETCH(QString, line);
    QFETCH(QString, token);
    QFETCH(QString, accepted);
    const ui::AuditFilterParse p = ui::AuditFilter::parse(line);
    QVERIFY(!p.filter);
    QCOMPARE(p.token, token);
    QVERIFY2(p.error.contains(token) || p.error.contains(token.section(QLatin1Char(':'), 0, 0)), qPrintable(p.error));
    QVERIFY2(p.error.contains(accepted), qPrintable(p.error));
}

void TestAuditTools::filterIsTheQuery()
{
    const ui::AuditFilterParse p = ui::AuditFilter::parse(
        QStringLiteral("actor:alice action:secret. outcome:denied target:sec_1 address:10.0.0.1 request:req_x "
                       "workspace:ws_1 since:1h \"key rotation\" now"));
    QVERIFY(p.filter);
    const qint64 now = 10 * 24 * kHour;
    const audit::AuditQuery q = p.filter->toQuery(now);
    QCOMPARE(q.actor, QStringLiteral("alice"));
    QCOMPARE(q.actionPrefix, QStringLiteral("secret."));
    QCOMPARE(q.outcome, QStringLiteral("denied"));
    QCOMPARE(q.targetId, QStringLiteral("sec_1"));
    QCOMPARE(q.address, QStringLiteral("10.0.0.1"));
    QCOMPARE(q.requestId, QStringLiteral("req_x"));
    QCOMPARE(q.workspaceId, QStringLiteral("ws_1"));
    QCOMPARE(q.fromMs, now - kHour);
    QCOMPARE(q.toMs, qint64(0));
    QCOMPARE(q.text, QStringLiteral("key rotation now"));
    // And back: a query's filter is the same filter, the span now a range.
    ui::AuditFilter back = ui::AuditFilter::fromQuery(q);
    QCOMPARE(back.actor, p.filter->actor);
    QCOMPARE(back.requestId, p.filter->requestId);
    QCOMPARE(back.from.toMSecsSinceEpoch(), now - kHour);
    QCOMPARE(back.toQuery(now).fromMs, q.fromMs);
}

void TestAuditTools::formAndLineFollowEachOther()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    ui::AuditFilterBar bar(bridge);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QSignalSpy changed(&bar, &ui::AuditFilterBar::filterChanged);
    QLineEdit* line = edit(&bar, "auditFilterLine");
    QVERIFY(line);
    // The line sets the fields.
    line->setFocus();
    QTest::keyClicks(line, QStringLiteral("actor:alice action:secret. outcome:denied request:req_7 since:24h "
                                          "\"key rotation\""));
    QTest::keyClick(line, Qt::Key_Return);
    QCOMPARE(edit(&bar, "auditActor")->text(), QStringLiteral("alice"));
    QCOMPARE(edit(&bar, "auditAction")->text(), QStringLiteral("secret."));
    QCOMPARE(combo(&bar, "auditOutcome")->currentData().toString(), QStringLiteral("denied"));
    QCOMPARE(edit(&bar, "auditRequest")->text(), QStringLiteral("req_7"));
    QCOMPARE(edit(&bar, "auditText")->text(), QStringLiteral("\"key rotation\""));
    QCOMPARE(combo(&bar, "auditTimePreset")->currentData().toLongLong(), 24 * kHour);
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kAnswerMs);
    auto q = changed.last().first().value<audit::AuditQuery>();
    QCOMPARE(q.requestId, QStringLiteral("req_7"));
    QCOMPARE(q.outcome, QStringLiteral("denied"));
    // The fields set the line.
    changed.clear();
    QLineEdit* target = edit(&bar, "auditTarget");
    target->setFocus();
    QTest::keyClicks(target, QStringLiteral("sec_9"));
    combo(&bar, "auditOutcome")->setCurrentIndex(combo(&bar, "auditOutcome")->findData(QStringLiteral("error")));
    combo(&bar, "auditTimePreset")->setCurrentIndex(combo(&bar, "auditTimePreset")->findData(qint64(0)));
    QCOMPARE(line->text(),
             QStringLiteral("actor:alice action:secret. outcome:error target:sec_9 request:req_7 \"key rotation\""));
    QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kAnswerMs);
    q = changed.last().first().value<audit::AuditQuery>();
    QCOMPARE(q.targetId, QStringLiteral("sec_9"));
    QCOMPARE(q.fromMs, qint64(0));
    // A range from the histogram becomes the range fields and from:/to: in the line.
    const QDateTime from(QDate(2026, 12, 1), QTime(9, 0));
    const QDateTime to(QDate(2026, 12, 1), QTime(12, 0));
    bar.setTimeRange(from, to);
    QVERIFY(line->text().contains(QStringLiteral("from:2026-12-01T09:00 to:2026-12-01T12:00")));
    QCOMPARE(combo(&bar, "auditTimePreset")->currentData().toLongLong(), qint64(-1));
    QCOMPARE(bar.findChild<QDateTimeEdit*>(QStringLiteral("auditFrom"))->dateTime(), from);
    QVERIFY(bar.findChild<QDateTimeEdit*>(QStringLiteral("auditTo"))->isEnabled());
    // A tenant the identity can see, by name, is the query's tenant id.
    QVERIFY(bar.setLine(QStringLiteral("tenant:acme")));
    QCOMPARE(bar.query().tenantId, m_f->tenantA);
    QCOMPARE(combo(&bar, "auditTenant")->currentData().toString(), m_f->tenantA);
}

void TestAuditTools::badLineIsShownNotApplied()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    ui::AuditFilterBar bar(bridge);
    bar.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bar));
    QVERIFY(bar.setLine(QStringLiteral("actor:alice")));
    QLabel* error = bar.findChild<QLabel*>(QStringLiteral("auditFilterError"));
    QVERIFY(error);
    QVERIFY(!error->isVisible());
    QLineEdit* line = edit(&bar, "auditFilterLine");
    auto* state = line->findChild<QAction*>(QStringLiteral("auditFilterLineState"));
    QVERIFY(state);
    line->setFocus();
    line->selectAll();
    QTest::keyClicks(line, QStringLiteral("actor:bob outcome:perhaps"));
    // While typing: marked, not applied, the error in the line's tooltip.
    QCOMPARE(line->property("syntaxState").toString(), QStringLiteral("invalid"));
    QVERIFY(state->isVisible());
    QVERIFY(line->toolTip().contains(QStringLiteral("outcome:perhaps")));
    QCOMPARE(bar.filter().actor, QStringLiteral("alice"));
    QTest::keyClick(line, Qt::Key_Return);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("outcome:perhaps")), qPrintable(error->text()));
    QCOMPARE(bar.filter().actor, QStringLiteral("alice")); // not applied
    QCOMPARE(edit(&bar, "auditActor")->text(), QStringLiteral("alice"));
    // A tenant the identity cannot see is refused too.
    QVERIFY(!bar.setLine(QStringLiteral("tenant:blue")));
    QVERIFY(error->text().contains(QStringLiteral("tenant:blue")));
    // Fixing the line clears the error.
    QVERIFY(bar.setLine(QStringLiteral("actor:bob")));
    QVERIFY(!error->isVisible());
    QVERIFY(!state->isVisible());
    QCOMPARE(line->property("syntaxState").toString(), QStringLiteral("valid"));
    QCOMPARE(edit(&bar, "auditActor")->text(), QStringLiteral("bob"));
}

void TestAuditTools::savedFiltersArePerIdentity()
{
    ui::AuditSavedFilters alice(QStringLiteral("usr_alice"));
    ui::AuditSavedFilters bob(QStringLiteral("usr_bob"));
    alice.save(QStringLiteral("denied secrets"), QStringLiteral("action:secret. outcome:denied"));
    alice.save(QStringLiteral("a/b"), QStringLiteral("actor:x"));
    QCOMPARE(alice.names(), (QStringList{QStringLiteral("denied secrets"), QStringLiteral("a/b")}));
    QVERIFY(bob.names().isEmpty());
    alice.save(QStringLiteral("denied secrets"), QStringLiteral("outcome:denied")); // replaced in place
    QCOMPARE(alice.line(QStringLiteral("denied secrets")), QStringLiteral("outcome:denied"));
    QCOMPARE(alice.names().size(), 2);
    alice.remove(QStringLiteral("a/b"));
    QCOMPARE(alice.names(), QStringList{QStringLiteral("denied secrets")});
    // Kept in QSettings: another instance reads them.
    QCOMPARE(ui::AuditSavedFilters(QStringLiteral("usr_alice")).line(QStringLiteral("denied secrets")),
             QStringLiteral("outcome:denied"));

    // Through the bar: save as, apply, delete, for the signed-in identity.
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    ui::AuditFilterBar bar(bridge);
    QVERIFY(bar.setLine(QStringLiteral("actor:rita outcome:denied")));
    bar.saveAs(QStringLiteral("rita denied"));
    QCOMPARE(ui::AuditSavedFilters(bridge.identity().id).line(QStringLiteral("rita denied")),
             QStringLiteral("actor:rita outcome:denied"));
    QVERIFY(bar.findChild<QAction*>(QStringLiteral("auditApplyFilter:rita denied")));
    QVERIFY(bar.setLine(QString()));
    QCOMPARE(bar.filter().actor, QString());
    bar.findChild<QAction*>(QStringLiteral("auditApplyFilter:rita denied"))->trigger();
    QCOMPARE(bar.filter().actor, QStringLiteral("rita"));
    QCOMPARE(edit(&bar, "auditActor")->text(), QStringLiteral("rita"));
    bar.removeSaved(QStringLiteral("rita denied"));
    QVERIFY(!bar.findChild<QAction*>(QStringLiteral("auditApplyFilter:rita denied")));
    QVERIFY(ui::AuditSavedFilters(bridge.identity().id).names().isEmpty());
}

void TestAuditTools::histogramLoadsStackedByOutcome()
{
    const qint64 start = (m_f->clock.nowMs() / kHour + 1) * kHour;
    m_f->clock.advanceMs(start - m_f->clock.nowMs());
    makeEvents(2);
    m_f->clock.advanceMs(2 * kHour);
    makeEvents(3);
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    ui::AuditHistogram histogram(bridge);
    QSignalSpy loaded(&histogram, &ui::AuditHistogram::loaded);
    audit::AuditQuery q;
    q.tenantId = m_f->tenantA;
    q.actionPrefix = QStringLiteral("workspace.rename");
    q.fromMs = start;
    q.toMs = start + 4 * kHour;
    histogram.setQuery(q);
    QVERIFY(loaded.wait(kAnswerMs));
    QCOMPARE(histogram.bucketMs(), ui::AuditHistogram::bucketFor(4 * kHour));
    qint64 success = 0, other = 0;
    for (const audit::HistogramBucket& b : histogram.buckets()) {
        success += b.success;
        other += b.denied + b.error;
    }
    QCOMPARE(success, qint64(5));
    QCOMPARE(other, qint64(0));
    QCOMPARE(histogram.fromMs(), start);
    QCOMPARE(qint64(histogram.bucketCount()), 4 * kHour / histogram.bucketMs());
}

void TestAuditTools::brushingARangeEmitsIt()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditHistogram histogram(bridge);
    histogram.resize(800, 300);
    const qint64 from = 1'800'000'000'000 / kHour * kHour;
    QList<audit::HistogramBucket> buckets;
    for (int i = 0; i < 10; ++i)
        buckets << audit::HistogramBucket{from + i * kHour, i + 3, i, 2, 1};
    histogram.setBuckets(from, from + 10 * kHour, kHour, buckets);
    histogram.show();
    QVERIFY(QTest::qWaitForWindowExposed(&histogram));
    QCOMPARE(histogram.bucketCount(), 10);
    QSignalSpy range(&histogram, &ui::AuditHistogram::rangeSelected);
    QWidget* viewport = histogram.chartView()->viewport();
    // Drag from the 7th bar back to the 3rd: the range covers buckets 2 to 6, whichever way it was drawn.
    QTest::mousePress(viewport, Qt::LeftButton, {}, histogram.bucketCenter(6));
    QTest::mouseMove(viewport, histogram.bucketCenter(4));
    QTest::mouseMove(viewport, histogram.bucketCenter(2));
    QTest::mouseRelease(viewport, Qt::LeftButton, {}, histogram.bucketCenter(2));
    QCOMPARE(range.size(), 1);
    QCOMPARE(range.first().at(0).toDateTime().toMSecsSinceEpoch(), from + 2 * kHour);
    QCOMPARE(range.first().at(1).toDateTime().toMSecsSinceEpoch(), from + 7 * kHour);
}

void TestAuditTools::longRangesAreSummedIntoFewerBars()
{
    // The whole trail by day, over 400 days: at most 120 bars, nothing lost.
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::AuditHistogram histogram(bridge);
    const qint64 day = 24 * kHour;
    const qint64 from = 1'800'000'000'000 / day * day;
    QList<audit::HistogramBucket> buckets;
    for (int i = 0; i < 400; ++i)
        buckets << audit::HistogramBucket{from + i * day, 6, 3, 2, 1};
    histogram.setBuckets(from, from + 400 * day, day, buckets);
    QVERIFY(histogram.bucketCount() <= 120);
    QCOMPARE(histogram.bucketMs() % day, qint64(0));
    qint64 success = 0, denied = 0, error = 0;
    for (const audit::HistogramBucket& b : histogram.buckets()) {
        QCOMPARE(b.count, b.success + b.denied + b.error);
        success += b.success;
        denied += b.denied;
        error += b.error;
    }
    QCOMPARE(success, qint64(1200));
    QCOMPARE(denied, qint64(800));
    QCOMPARE(error, qint64(400));
}

void TestAuditTools::barsStandOutInLightAndDark()
{
    // Each outcome's part of a bar is drawn in its own colour, which stands out from the chart's background in the
    // light and the dark theme alike (checked on the rendered image, where the bars are).
    auto* app = qobject_cast<QApplication*>(QCoreApplication::instance());
    QVERIFY(app);
    ui::ConsoleBridge bridge(*m_f->cp);
    const qint64 from = 1'800'000'000'000 / kHour * kHour;
    QList<audit::HistogramBucket> buckets;
    for (int i = 0; i < 12; ++i)
        buckets << audit::HistogramBucket{from + i * kHour, 30, 10, 10, 10};
    for (auto theme : {ui::Appearance::Theme::Light, ui::Appearance::Theme::Dark}) {
        ui::Appearance::apply(*app, theme);
        ui::AuditFilterBar bar(bridge);
        ui::AuditHistogram histogram(bridge);
        histogram.resize(900, 320);
        histogram.setBuckets(from, from + 12 * kHour, kHour, buckets);
        histogram.show();
        QVERIFY(QTest::qWaitForWindowExposed(&histogram));
        const QImage image = histogram.chartView()->viewport()->grab().toImage();
        const QColor background = histogram.palette().color(QPalette::Base);
        // The bottom of bar 5 (success), its middle (denied) and its top (error); the image's scale may differ
        // from the widget's (device pixel ratio).
        const QPoint base = histogram.pointFor(5, 0);
        const int top = histogram.pointFor(5, 30).y();
        const qreal scale = image.devicePixelRatio();
        const int height = base.y() - top;
        QList<QColor> parts;
        for (double at : {1.0 / 6, 3.0 / 6, 5.0 / 6})
            parts << image.pixelColor(QPoint(base.x(), int(base.y() - height * at)) * scale);
        for (const QColor& c : parts)
            QVERIFY2(lightnessGap(c, background) >= 40,
                     qPrintable(c.name() + QStringLiteral(" on ") + background.name()));
        QVERIFY(parts[0] != parts[1] && parts[1] != parts[2] && parts[0] != parts[2]);
        const QString suffix =
            theme == ui::Appearance::Theme::Dark ? QStringLiteral("-dark") : QStringLiteral("-light");
        shot(histogram, QStringLiteral("audit-histogram") + suffix);
        bar.resize(900, 200);
        bar.show();
        QVERIFY(QTest::qWaitForWindowExposed(&bar));
        QVERIFY(bar.setLine(QStringLiteral("action:secret. outcome:denied since:24h \"key rotation\"")));
        shot(bar, QStringLiteral("audit-filter-bar") + suffix);
    }
}

void TestAuditTools::verifyNamesTheDamagedEvent()
{
    makeEvents(20);
    store::Database& db = m_f->store->database();
    audit::AuditLog log(db);
    const qint64 k = log.lastSeq().value() - 7;
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QString(), QStringLiteral("root")));
    QWidget window;
    ui::AuditIntegrityActions actions(bridge, &window);
    QVERIFY(actions.verifyAction()->isEnabled());
    // Intact first.
    QSignalSpy verified(&actions, &ui::AuditIntegrityActions::verified);
    QSignalSpy broken(&actions, &ui::AuditIntegrityActions::brokenEvent);
    actions.verifyAction()->trigger();
    QVERIFY(verified.wait(kAnswerMs));
    QVERIFY(verified.first().first().value<audit::VerifyReport>().intact);
    QVERIFY(broken.isEmpty());
    // One event changed in the store.
    QVERIFY(test::dropAuditGuards(db));
    QVERIFY(db.exec(
        QStringLiteral("UPDATE audit_events SET outcome = 'denied' WHERE seq = %1;").arg(k).toUtf8().constData()));
    QTRY_VERIFY_WITH_TIMEOUT(!actions.isRunning(), kAnswerMs);
    QVERIFY(actions.verify());
    QVERIFY(broken.wait(kAnswerMs));
    QCOMPARE(broken.first().at(0).toLongLong(), k);
    QCOMPARE(broken.first().at(1).toString(), QStringLiteral("changed"));
    QTRY_VERIFY_WITH_TIMEOUT(!window.findChildren<QMessageBox*>(QStringLiteral("auditIntegrityResult")).isEmpty(),
                             kAnswerMs);
    auto* box = window.findChildren<QMessageBox*>(QStringLiteral("auditIntegrityResult")).last();
    QVERIFY2(box->text().contains(QString::number(k)), qPrintable(box->text()));
    QVERIFY2(box->text().contains(ui::AuditIntegrityActions::problemText(QStringLiteral("changed"))),
             qPrintable(box->text()));
}

// Cancel during a range verification stops the walk itself (the control plane records it incomplete), and its
// answer is dropped.
void TestAuditTools::cancelledRangeStopsTheWalk()
{
    makeEvents(20);
    const qint64 last = audit::AuditLog(m_f->store->database()).lastSeq().value();
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QString(), QStringLiteral("root")));
    QWidget window;
    ui::AuditIntegrityActions actions(bridge, &window);
    QSignalSpy verified(&actions, &ui::AuditIntegrityActions::verified);
    QVERIFY(actions.verifyRange(1, last));
    QVERIFY(actions.progressDialog() && actions.progressDialog()->isVisible());
    QVERIFY2(actions.progressDialog()->labelText().contains(QStringLiteral("1 to %1").arg(last)),
             qPrintable(actions.progressDialog()->labelText()));
    // Cancel before the job leaves for its thread: the walk is told to stop at its first question.
    actions.cancel();
    QTRY_VERIFY_WITH_TIMEOUT(!actions.isRunning(), kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(m_f->newestEvent().action == QLatin1String("audit.verify"), kAnswerMs);
    const audit::AuditEvent e = m_f->newestEvent();
    QCOMPARE(e.details.value(QStringLiteral("from_seq")).toInteger(), 1);
    QCOMPARE(e.details.value(QStringLiteral("complete")).toBool(true), false);
    QCOMPARE(e.details.value(QStringLiteral("events_checked")).toInteger(), 0);
    QCOMPARE(verified.size(), 0);
    QVERIFY(!actions.progressDialog()->isVisible());
    QVERIFY(window.findChildren<QMessageBox*>(QStringLiteral("auditIntegrityResult")).isEmpty());
}

void TestAuditTools::exportWritesTheChainAsItIs()
{
    makeEvents(12);
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QString(), QStringLiteral("root")));
    QWidget window;
    ui::AuditIntegrityActions actions(bridge, &window);
    audit::AuditQuery q;
    q.platform = true; // the platform's export holds every tenant's events too
    actions.setQuery(q);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("audit.jsonl"));
    QSignalSpy finished(&actions, &ui::AuditIntegrityActions::exportFinished);
    QVERIFY(actions.exportTo(path, ui::AuditIntegrityActions::Format::JsonLines));
    QVERIFY(finished.wait(kAnswerMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QList<QByteArray> lines = file.readAll().split('\n');
    QVERIFY(lines.size() > 12);
    QVERIFY(lines.last().isEmpty());
    // Each line is an event in its canonical form: its SHA-256 is the next event's previous hash, and the hash
    // the store holds for it.
    audit::AuditLog log(m_f->store->database());
    QByteArray previous;
    for (qsizetype i = 0; i + 1 < lines.size(); ++i) {
        const QJsonObject e = QJsonDocument::fromJson(lines.at(i)).object();
        QVERIFY(!e.isEmpty());
        if (!previous.isEmpty())
            QCOMPARE(e.value(QStringLiteral("prev_hash")).toString().toLatin1(), previous.toHex());
        previous = QCryptographicHash::hash(lines.at(i), QCryptographicHash::Sha256);
        const qint64 seq = e.value(QStringLiteral("seq")).toInteger();
        auto stored = log.after(seq - 1, 1);
        QVERIFY(stored && !stored.value().isEmpty());
        QCOMPARE(stored.value().first().hash, previous);
    }
    // Nothing else was left beside it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::Files | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("audit.jsonl")});
}

void TestAuditTools::bundleIsCompleteAndVerifiesOffline()
{
    makeEvents(15);
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QString(), QStringLiteral("root")));
    QWidget window;
    ui::AuditIntegrityActions actions(bridge, &window);
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("bundle"));
    QSignalSpy finished(&actions, &ui::AuditIntegrityActions::exportFinished);
    QVERIFY(actions.exportTo(path, ui::AuditIntegrityActions::Format::Bundle));
    QVERIFY(finished.wait(kAnswerMs));
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(2).toString()));
    // In place under the chosen name, nothing else beside it, and its own script (sha256sum, openssl) accepts it.
    QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot),
             QStringList{QStringLiteral("bundle")});
    QProcess verify;
    verify.setProcessChannelMode(QProcess::MergedChannels);
    verify.start(QStringLiteral("sh"), {path + QStringLiteral("/VERIFY")});
    QVERIFY(verify.waitForFinished(kAnswerMs));
    const QString out = QString::fromUtf8(verify.readAll());
    QVERIFY2(verify.exitStatus() == QProcess::NormalExit && verify.exitCode() == 0, qPrintable(out));
    QVERIFY2(out.contains(QStringLiteral("OK: ")), qPrintable(out));
    // A second export to the same folder is refused before anything runs.
    finished.clear();
    QVERIFY(!actions.exportTo(path, ui::AuditIntegrityActions::Format::Bundle));
    QCOMPARE(finished.size(), 1);
    QVERIFY(!finished.first().at(0).toBool());
}

void TestAuditTools::cancelledExportLeavesNothing()
{
    makeEvents(5);
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QString(), QStringLiteral("root")));
    QWidget window;
    ui::AuditIntegrityActions actions(bridge, &window);
    audit::AuditQuery q;
    q.platform = true;
    actions.setQuery(q);
    QTemporaryDir dir;
    QSignalSpy finished(&actions, &ui::AuditIntegrityActions::exportFinished);
    for (auto format : {ui::AuditIntegrityActions::Format::Csv, ui::AuditIntegrityActions::Format::Bundle}) {
        finished.clear();
        const QString path = dir.filePath(QStringLiteral("out"));
        QVERIFY(actions.exportTo(path, format));
        QVERIFY(actions.progressDialog() && actions.progressDialog()->isVisible());
        // Cancel with the progress dialog's button, before the job has written anything.
        auto* cancel = actions.progressDialog()->findChild<QPushButton*>();
        QVERIFY(cancel);
        QTest::mouseClick(cancel, Qt::LeftButton);
        QVERIFY(finished.wait(kAnswerMs));
        QVERIFY(!finished.first().at(0).toBool());
        QVERIFY(!actions.progressDialog()->isVisible());
        QCOMPARE(QDir(dir.path()).entryList(QDir::AllEntries | QDir::Hidden | QDir::NoDotAndDotDot), QStringList());
    }
}

void TestAuditTools::actionsNameTheMissingPermission()
{
    // A member of one workspace reads no audit trail.
    m_f->addUser(m_f->tenantA, QStringLiteral("mia"), authz::builtin::kMember, m_f->w1);
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("mia")));
    QWidget window;
    ui::AuditIntegrityActions actions(bridge, &window);
    QVERIFY(!actions.verifyAction()->isEnabled());
    QVERIFY(!actions.exportAction()->isEnabled());
    QVERIFY2(actions.exportAction()->toolTip().contains(QStringLiteral("audit.export")),
             qPrintable(actions.exportAction()->toolTip()));
    QVERIFY2(actions.verifyAction()->toolTip().contains(QStringLiteral("audit.read")),
             qPrintable(actions.verifyAction()->toolTip()));
}

QTEST_MAIN(TestAuditTools)
#include "TestAuditTools.moc"
