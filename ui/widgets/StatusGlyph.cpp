#include "StatusGlyph.h"

#include <QCoreApplication>
#include <QIconEngine>
#include <QPainter>
#include <QPainterPath>
#include <QPalette>
#include <QPixmap>
#include <QtMath>

namespace gatehouse::ui {

using boundaries::Status;

namespace {

QColor mix(const QColor& a, const QColor& b, qreal t)
{
    const auto channel = [t](int x, int y) {
        return qRound(x * (1 - t) + y * t);
    };
    return QColor(channel(a.red(), b.red()), channel(a.green(), b.green()), channel(a.blue(), b.blue()));
}

// Draws the glyph at any size: the icon engine behind statusIcon().
class StatusIconEngine : public QIconEngine
{
public:
    StatusIconEngine(Status status, const QColor& color, const QColor& mark)
        : m_status(status), m_color(color), m_mark(mark)
    {}
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode, QIcon::State) override
    {
        const qreal side = qMin(rect.width(), rect.height());
        const QRectF square(rect.x() + (rect.width() - side) / 2, rect.y() + (rect.height() - side) / 2, side, side);
        paintStatusGlyph(*painter, square.adjusted(side * 0.06, side * 0.06, -side * 0.06, -side * 0.06), m_status,
                         m_color, m_mark);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        return scaledPixmap(size, mode, state, 1.0);
    }
    QPixmap scaledPixmap(const QSize& size, QIcon::Mode mode, QIcon::State state, qreal scale) override
    {
        QPixmap pm(size * scale);
        pm.setDevicePixelRatio(scale);
        pm.fill(Qt::transparent);
        QPainter p(&pm);
        paint(&p, QRect(QPoint(0, 0), size), mode, state);
        return pm;
    }
    QIconEngine* clone() const override { return new StatusIconEngine(m_status, m_color, m_mark); }

private:
    Status m_status;
    QColor m_color;
    QColor m_mark;
};

} // namespace

bool isDarkPalette(const QPalette& palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor statusColor(Status status, const QPalette& palette)
{
    const bool dark = isDarkPalette(palette);
    switch (status) {
    case Status::Pass:
        return dark ? QColor(0x66, 0xbb, 0x6a) : QColor(0x2e, 0x7d, 0x32);
    case Status::Warn:
        return dark ? QColor(0xff, 0xb7, 0x4d) : QColor(0xa8, 0x5d, 0x00);
    case Status::Fail:
        return dark ? QColor(0xef, 0x53, 0x50) : QColor(0xc6, 0x28, 0x28);
    case Status::NotApplicable:
        break;
    }
    return mix(palette.color(QPalette::Base), palette.color(QPalette::Text), 0.5);
}

QColor statusFill(Status status, const QPalette& palette)
{
    return mix(palette.color(QPalette::Base), statusColor(status, palette), isDarkPalette(palette) ? 0.22 : 0.14);
}

QString statusWord(Status status)
{
    switch (status) {
    case Status::Pass:
        return QCoreApplication::translate("gatehouse::ui::StatusGlyph", "Pass");
    case Status::Warn:
        return QCoreApplication::translate("gatehouse::ui::StatusGlyph", "Warn");
    case Status::Fail:
        return QCoreApplication::translate("gatehouse::ui::StatusGlyph", "Fail");
    case Status::NotApplicable:
        break;
    }
    return QCoreApplication::translate("gatehouse::ui::StatusGlyph", "Not applicable");
}

void paintStatusGlyph(QPainter& painter, const QRectF& rect, Status status, const QColor& color, const QColor& mark)
{
    painter.save();
    painter.setRenderHint(QPainter::Antialiasing);
    const qreal s = qMin(rect.width(), rect.height());
    const QPointF c = rect.center();
    const qreal r = s / 2;
    const qreal stroke = qMax<qreal>(1.0, s * 0.12);
    QPen markPen(mark, stroke, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin);
    switch (status) {
    case Status::Pass: {
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawEllipse(c, r, r);
        painter.setPen(markPen);
        QPainterPath check;
        check.moveTo(c.x() - r * 0.45, c.y() + r * 0.02);
        check.lineTo(c.x() - r * 0.1, c.y() + r * 0.38);
        check.lineTo(c.x() + r * 0.48, c.y() - r * 0.35);
        painter.setBrush(Qt::NoBrush);
        painter.drawPath(check);
        break;
    }
    case Status::Warn: {
        QPainterPath tri;
        tri.moveTo(c.x(), c.y() - r);
        tri.lineTo(c.x() + r, c.y() + r * 0.85);
        tri.lineTo(c.x() - r, c.y() + r * 0.85);
        tri.closeSubpath();
        painter.setPen(QPen(color, stroke * 0.5, Qt::SolidLine, Qt::RoundCap, Qt::RoundJoin));
        painter.setBrush(color);
        painter.drawPath(tri);
        painter.setPen(markPen);
        painter.drawLine(QPointF(c.x(), c.y() - r * 0.35), QPointF(c.x(), c.y() + r * 0.22));
        painter.drawPoint(QPointF(c.x(), c.y() + r * 0.55));
        break;
    }
    case Status::Fail: {
        QPolygonF octagon;
        for (int i = 0; i < 8; ++i) {
            const qreal a = qDegreesToRadians(22.5 + 45.0 * i);
            octagon << QPointF(c.x() + r * qCos(a), c.y() + r * qSin(a));
        }
        painter.setPen(Qt::NoPen);
        painter.setBrush(color);
        painter.drawPolygon(octagon);
        painter.setPen(markPen);
        const qreal d = r * 0.38;
        painter.drawLine(QPointF(c.x() - d, c.y() - d), QPointF(c.x() + d, c.y() + d));
        painter.drawLine(QPointF(c.x() + d, c.y() - d), QPointF(c.x() - d, c.y() + d));
        break;
    }
    case Status::NotApplicable: {
        painter.setPen(QPen(color, stroke));
        painter.setBrush(Qt::NoBrush);
        painter.drawEllipse(c, r - stroke / 2, r - stroke / 2);
        painter.drawLine(QPointF(c.x() - r * 0.4, c.y()), QPointF(c.x() + r * 0.4, c.y()));
        break;
    }
    }
    painter.restore();
}

QIcon statusIcon(Status status, const QPalette& palette)
{
    const QColor mark = isDarkPalette(palette) ? QColor(0x12, 0x12, 0x12) : QColor(Qt::white);
    return QIcon(new StatusIconEngine(status, statusColor(status, palette), mark));
}

} // namespace gatehouse::ui
