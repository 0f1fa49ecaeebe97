#include "ControlTimeline.h"

#include "StatusGlyph.h"

#include <QDateTime>
#include <QLocale>
#include <QPainter>

namespace gatehouse::ui {

using boundaries::Status;

ControlTimeline::ControlTimeline(QWidget* parent) : QWidget(parent)
{
    setObjectName(QStringLiteral("controlTimeline"));
    setAccessibleName(tr("Control history"));
    setFocusPolicy(Qt::TabFocus);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    clear();
}

void ControlTimeline::clear()
{
    m_records.clear();
    m_summary = tr("No history shown: select a control");
    setAccessibleName(tr("Control history"));
    setAccessibleDescription(m_summary);
    setToolTip(m_summary);
    update();
}

void ControlTimeline::setHistory(const QString& title, const QList<boundaries::ControlRecord>& records)
{
    m_records = records;
    if (records.isEmpty()) {
        m_summary = tr("%1: no stored runs yet").arg(title);
    } else {
        int failing = 0;
        int warning = 0;
        int changes = 0;
        for (int i = 0; i < records.size(); ++i) {
            failing += records[i].status == Status::Fail ? 1 : 0;
            warning += records[i].status == Status::Warn ? 1 : 0;
            changes += i > 0 && records[i].status != records[i - 1].status ? 1 : 0;
        }
        const QString since =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(records.first().checkedAtMs), QLocale::ShortFormat);
        m_summary = tr("%1: %n run(s) since %2, %3 now; failing in %4, warning in %5, %6 change(s)", nullptr,
                       int(records.size()))
                        .arg(title, since, statusWord(records.last().status))
                        .arg(failing)
                        .arg(warning)
                        .arg(changes);
    }
    setAccessibleName(tr("History of %1").arg(title));
    setAccessibleDescription(m_summary);
    setToolTip(m_summary);
    update();
}

QSize ControlTimeline::sizeHint() const
{
    return {400, fontMetrics().height() + 10};
}

QSize ControlTimeline::minimumSizeHint() const
{
    return {120, fontMetrics().height() + 10};
}

void ControlTimeline::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    const QRectF area = QRectF(rect()).adjusted(1, 1, -1, -1);
    p.setPen(QPen(palette().color(QPalette::Mid), 1));
    p.setBrush(palette().color(QPalette::Base));
    p.drawRect(area);
    if (m_records.isEmpty()) {
        p.setPen(palette().color(QPalette::PlaceholderText));
        p.drawText(area.adjusted(6, 0, -6, 0), Qt::AlignVCenter | Qt::AlignLeft, m_summary);
        return;
    }
    // At most one cell per two pixels: older runs fall off the left when there are more.
    const int fit = std::max(1, int(area.width() / 2));
    const qsizetype first = std::max<qsizetype>(0, m_records.size() - fit);
    const qsizetype shown = m_records.size() - first;
    const qreal cell = area.width() / qreal(shown);
    const QColor mark = isDarkPalette(palette()) ? QColor(0x12, 0x12, 0x12) : QColor(Qt::white);
    for (qsizetype i = 0; i < shown; ++i) {
        const Status s = m_records[first + i].status;
        const QRectF r(area.left() + cell * qreal(i), area.top(), cell, area.height());
        p.fillRect(r, statusFill(s, palette()));
        const bool startsStretch = i == 0 || m_records[first + i - 1].status != s;
        if (startsStretch) {
            p.fillRect(QRectF(r.left(), r.top(), std::max<qreal>(2, std::min<qreal>(cell, 3)), r.height()),
                       statusColor(s, palette()));
            const qreal g = area.height() - 6;
            if (cell * qreal(shown - i) > g + 4)
                paintStatusGlyph(p, QRectF(r.left() + 4, r.top() + 3, g, g), s, statusColor(s, palette()), mark);
        }
    }
    if (hasFocus()) {
        p.setPen(QPen(palette().color(QPalette::Highlight), 2));
        p.setBrush(Qt::NoBrush);
        p.drawRect(area);
    }
}

} // namespace gatehouse::ui
