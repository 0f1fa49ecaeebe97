#include "AuditHistogram.h"

#include "console/ConsoleBridge.h"
#include "service/ControlPlane.h"

#include <QBarCategoryAxis>
#include <QBarSet>
#include <QChart>
#include <QChartView>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QEvent>
#include <QLabel>
#include <QMouseEvent>
#include <QRubberBand>
#include <QStackedBarSeries>
#include <QVBoxLayout>
#include <QValueAxis>

namespace gatehouse::ui {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kDay = 24 * 60 * kMinute;
constexpr int kMostBars = 120;

// Outcome colours that read on light and dark backgrounds alike (and differ in lightness too, for readers who
// do not tell red from green).
QColor outcomeColor(int outcome, bool dark)
{
    switch (outcome) {
    case 0: // success
        return dark ? QColor(0x4c, 0xaf, 0x50) : QColor(0x2e, 0x7d, 0x32);
    case 1: // denied
        return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xef, 0x8f, 0x00);
    default: // error
        return dark ? QColor(0xff, 0x6e, 0x6e) : QColor(0xb0, 0x00, 0x20);
    }
}

} // namespace

qint64 AuditHistogram::bucketFor(qint64 spanMs)
{
    for (qint64 b : {kMinute, 5 * kMinute, 15 * kMinute, 60 * kMinute, 3 * 60 * kMinute, 6 * 60 * kMinute,
                     12 * 60 * kMinute, kDay}) {
        if (spanMs / b <= kMostBars)
            return b;
    }
    return 7 * kDay;
}

AuditHistogram::AuditHistogram(ConsoleBridge& bridge, QWidget* parent) : QWidget(parent), m_bridge(bridge)
{
    setObjectName(QStringLiteral("auditHistogram"));
    m_chart = new QChart;
    m_chart->legend()->setAlignment(Qt::AlignRight);
    m_chart->setMargins(QMargins(4, 4, 4, 4));
    m_chart->setAnimationOptions(QChart::NoAnimation);
    m_view = new QChartView(m_chart, this);
    m_view->setObjectName(QStringLiteral("auditHistogramView"));
    m_view->setAccessibleName(tr("Event volume"));
    m_view->setAccessibleDescription(tr("Events per time bucket, stacked by outcome. Drag across the bars to "
                                        "filter on that time range."));
    m_view->setToolTip(tr("Drag across the bars to show only that time range"));
    m_view->setRenderHint(QPainter::Antialiasing);
    m_view->setMinimumHeight(140);
    m_view->viewport()->setAccessibleName(tr("Event volume"));
    m_view->viewport()->installEventFilter(this);
    m_band = new QRubberBand(QRubberBand::Rectangle, m_view->viewport());
    m_status = new QLabel(this);
    m_status->setObjectName(QStringLiteral("auditHistogramStatus"));
    m_status->setAccessibleName(tr("Event volume status"));
    m_status->hide();
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addWidget(m_view, 1);
    box->addWidget(m_status);
    rebuild();
}

void AuditHistogram::setQuery(const audit::AuditQuery& query)
{
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 to = query.toMs > 0 ? query.toMs : now;
    const qint64 bucket = query.fromMs > 0 ? bucketFor(qMax<qint64>(kMinute, to - query.fromMs)) : kDay;
    const quint64 generation = ++m_loadGeneration;
    audit::AuditQuery q = query;
    q.beforeSeq = 0;
    m_status->setText(tr("Loading..."));
    m_status->show();
    m_bridge.call(
        this,
        [q, bucket](service::ControlPlane& cp, const service::Caller& caller) {
            return cp.auditHistogram(caller, q, bucket);
        },
        [this, q, to, bucket, generation](Result<QList<audit::HistogramBucket>> r) {
            if (generation != m_loadGeneration)
                return; // a newer filter is loading
            if (!r) {
                m_status->setText(r.error().message);
                m_status->show();
                emit loadFailed(r.error().message);
                return;
            }
            const QList<audit::HistogramBucket>& b = r.value();
            const qint64 from = q.fromMs > 0 ? q.fromMs / bucket * bucket : (b.isEmpty() ? to : b.first().startMs);
            setBuckets(from, to, bucket, b);
            m_status->hide();
            emit loaded();
        });
}

void AuditHistogram::setBuckets(qint64 fromMs, qint64 toMs, qint64 bucketMs,
                                const QList<audit::HistogramBucket>& buckets)
{
    m_bucketMs = qMax<qint64>(1, bucketMs);
    // Too many bars for the range (the whole trail, by day): each bar sums several buckets.
    const qint64 span = qMax<qint64>(0, toMs - 1 - fromMs);
    if (span / m_bucketMs + 1 > kMostBars)
        m_bucketMs *= (span / m_bucketMs + kMostBars) / kMostBars;
    m_fromMs = fromMs / m_bucketMs * m_bucketMs;
    const qint64 last = qMax(m_fromMs, toMs - 1) / m_bucketMs * m_bucketMs;
    const int n = int((last - m_fromMs) / m_bucketMs + 1);
    m_buckets.clear();
    for (int i = 0; i < n; ++i)
        m_buckets.append(audit::HistogramBucket{m_fromMs + i * m_bucketMs, 0, 0, 0, 0});
    for (const audit::HistogramBucket& b : buckets) {
        const qint64 i = (b.startMs - m_fromMs) / m_bucketMs;
        if (i < 0 || i >= n)
            continue;
        audit::HistogramBucket& into = m_buckets[int(i)];
        into.count += b.count;
        into.success += b.success;
        into.denied += b.denied;
        into.error += b.error;
    }
    rebuild();
}

void AuditHistogram::rebuild()
{
    m_chart->removeAllSeries();
    for (QAbstractAxis* axis : m_chart->axes()) {
        m_chart->removeAxis(axis);
        delete axis;
    }
    m_series = new QStackedBarSeries;
    m_series->setBarWidth(0.9);
    const QString names[3] = {tr("Success"), tr("Denied"), tr("Error")};
    QBarSet* sets[3];
    for (int o = 0; o < 3; ++o) {
        sets[o] = new QBarSet(names[o]);
        m_series->append(sets[o]);
    }
    QStringList categories;
    qint64 top = 0;
    for (const audit::HistogramBucket& b : m_buckets) {
        sets[0]->append(double(b.success));
        sets[1]->append(double(b.denied));
        sets[2]->append(double(b.error));
        top = qMax(top, b.success + b.denied + b.error);
        categories << QString::number(b.startMs);
    }
    m_chart->addSeries(m_series);
    // The bars sit on a category axis (one per bucket) without labels; a time axis over the same span, drawn
    // in its place, says when.
    auto* x = new QBarCategoryAxis;
    x->append(categories);
    x->setLabelsVisible(false);
    x->setGridLineVisible(false);
    auto* time = new QDateTimeAxis;
    const qint64 end = m_fromMs + qMax<qint64>(1, m_buckets.size()) * m_bucketMs;
    time->setRange(QDateTime::fromMSecsSinceEpoch(m_fromMs), QDateTime::fromMSecsSinceEpoch(end));
    time->setFormat(end - m_fromMs > 3 * kDay ? QStringLiteral("MM-dd") : QStringLiteral("MM-dd HH:mm"));
    time->setTickCount(7);
    time->setGridLineVisible(false);
    auto* y = new QValueAxis;
    y->setRange(0, double(qMax<qint64>(4, top)));
    // Three ticks (zero, the middle, the top): on a chart this low, more labels left no room to draw any and Qt
    // Charts elided them all.
    y->setTickCount(3);
    y->applyNiceNumbers();
    y->setLabelFormat(QStringLiteral("%d"));
    m_chart->addAxis(x, Qt::AlignBottom);
    m_chart->addAxis(time, Qt::AlignBottom);
    m_chart->addAxis(y, Qt::AlignLeft);
    m_series->attachAxis(x);
    m_series->attachAxis(y);
    applyPalette();
}

void AuditHistogram::applyPalette()
{
    const QPalette p = palette();
    const bool dark = p.color(QPalette::Window).lightness() < 128;
    m_chart->setBackgroundBrush(p.color(QPalette::Base));
    m_chart->setBackgroundPen(Qt::NoPen);
    m_chart->legend()->setLabelColor(p.color(QPalette::Text));
    for (QAbstractAxis* axis : m_chart->axes()) {
        axis->setLabelsColor(p.color(QPalette::Text));
        axis->setLinePenColor(p.color(QPalette::Mid));
        axis->setGridLineColor(p.color(QPalette::Midlight));
    }
    if (m_series) {
        const QList<QBarSet*> sets = m_series->barSets();
        for (int o = 0; o < sets.size(); ++o) {
            sets[o]->setColor(outcomeColor(o, dark));
            sets[o]->setBorderColor(outcomeColor(o, dark));
        }
    }
}

void AuditHistogram::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::PaletteChange)
        applyPalette();
    QWidget::changeEvent(event);
}

QPoint AuditHistogram::pointFor(int index, double value) const
{
    const QPointF inChart = m_chart->mapToPosition(QPointF(index, value), m_series);
    return m_view->mapFromScene(m_chart->mapToScene(inChart));
}

QPoint AuditHistogram::bucketCenter(int index) const
{
    return pointFor(index, 0) - QPoint(0, 10);
}

int AuditHistogram::bucketAt(const QPoint& viewportPos) const
{
    if (m_buckets.isEmpty())
        return -1;
    const QPointF value = m_chart->mapToValue(m_chart->mapFromScene(m_view->mapToScene(viewportPos)), m_series);
    return qBound(0, qRound(value.x()), int(m_buckets.size()) - 1);
}

bool AuditHistogram::eventFilter(QObject* watched, QEvent* event)
{
    if (watched != m_view->viewport())
        return QWidget::eventFilter(watched, event);
    switch (event->type()) {
    case QEvent::MouseButtonPress: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (e->button() != Qt::LeftButton || m_buckets.isEmpty())
            break;
        m_dragging = true;
        m_pressPos = e->position().toPoint();
        m_band->setGeometry(QRect(m_pressPos, QSize()));
        m_band->show();
        return true;
    }
    case QEvent::MouseMove: {
        if (!m_dragging)
            break;
        const QPoint at = static_cast<QMouseEvent*>(event)->position().toPoint();
        const QRect area = m_chart->mapToScene(m_chart->plotArea()).boundingRect().toRect();
        const QRect plot(m_view->mapFromScene(area.topLeft()), m_view->mapFromScene(area.bottomRight()));
        m_band->setGeometry(QRect(QPoint(qMin(m_pressPos.x(), at.x()), plot.top()),
                                  QPoint(qMax(m_pressPos.x(), at.x()), plot.bottom())));
        return true;
    }
    case QEvent::MouseButtonRelease: {
        auto* e = static_cast<QMouseEvent*>(event);
        if (!m_dragging || e->button() != Qt::LeftButton)
            break;
        m_dragging = false;
        m_band->hide();
        const int a = bucketAt(m_pressPos);
        const int b = bucketAt(e->position().toPoint());
        if (a < 0 || b < 0)
            return true;
        const int first = qMin(a, b), last = qMax(a, b);
        emit rangeSelected(QDateTime::fromMSecsSinceEpoch(m_fromMs + first * m_bucketMs),
                           QDateTime::fromMSecsSinceEpoch(m_fromMs + (last + 1) * m_bucketMs));
        return true;
    }
    default:
        break;
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gatehouse::ui
