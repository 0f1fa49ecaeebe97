#pragma once

#include "audit/AuditQuery.h"

#include <QDateTime>
#include <QList>
#include <QWidget>

class QChart;
class QChartView;
class QLabel;
class QRubberBand;
class QStackedBarSeries;

namespace gatehouse::ui {

class ConsoleBridge;

// Event volume over the filter's time range, one bar per bucket, stacked by outcome (success, denied, error),
// loaded through the console bridge (off the GUI thread, as the signed-in identity). Dragging across the bars
// with the mouse selects a range of buckets: rangeSelected() gives its start and end, for the pane's time filter.
class AuditHistogram : public QWidget
{
    Q_OBJECT
public:
    explicit AuditHistogram(ConsoleBridge& bridge, QWidget* parent = nullptr);

    // Loads the histogram of `query` (its filters and its range; an open start: the whole trail, by day).
    void setQuery(const audit::AuditQuery& query);
    // Shows buckets as given: `fromMs` is the first bucket's start, every bucket `bucketMs` long, missing ones
    // counted as zero up to `toMs`.
    void setBuckets(qint64 fromMs, qint64 toMs, qint64 bucketMs, const QList<audit::HistogramBucket>& buckets);

    qint64 bucketMs() const { return m_bucketMs; }
    qint64 fromMs() const { return m_fromMs; }
    int bucketCount() const { return int(m_buckets.size()); }
    const QList<audit::HistogramBucket>& buckets() const { return m_buckets; }
    QChartView* chartView() const { return m_view; }
    // Where bucket `index` is drawn, in the chart view's viewport coordinates (its centre).
    QPoint bucketCenter(int index) const;
    // Where the value `value` of bucket `index` is drawn (its bar's centre line), in viewport coordinates.
    QPoint pointFor(int index, double value) const;

    // A bucket size that gives at most about 120 bars over `spanMs`, from one minute to a week.
    static qint64 bucketFor(qint64 spanMs);

signals:
    void rangeSelected(const QDateTime& from, const QDateTime& to);
    void loaded();
    void loadFailed(const QString& message);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void rebuild();
    void applyPalette();
    // The bucket under a viewport position, clamped to the buckets; -1 when there are none.
    int bucketAt(const QPoint& viewportPos) const;

    ConsoleBridge& m_bridge;
    QChart* m_chart = nullptr;
    QChartView* m_view = nullptr;
    QStackedBarSeries* m_series = nullptr;
    QLabel* m_status = nullptr;
    QRubberBand* m_band = nullptr;
    QList<audit::HistogramBucket> m_buckets; // dense, one per bucket
    qint64 m_fromMs = 0;
    qint64 m_bucketMs = 3'600'000;
    quint64 m_loadGeneration = 0;
    bool m_dragging = false;
    QPoint m_pressPos;
};

} // namespace gatehouse::ui
