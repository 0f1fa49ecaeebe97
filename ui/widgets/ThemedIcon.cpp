#include "ThemedIcon.h"

#include <QApplication>
#include <QFile>
#include <QPainter>
#include <QPalette>
#include <QSvgRenderer>

namespace gatehouse::ui {

namespace {

// The stroke colour the icon files are drawn in.
const QByteArray kDrawnIn = QByteArrayLiteral("#4f7cac");

QPixmap render(const QByteArray& svg, const QColor& colour, int side, qreal dpr)
{
    QByteArray recoloured = svg;
    recoloured.replace(kDrawnIn, colour.name().toLatin1());
    QSvgRenderer renderer(recoloured);
    QPixmap pixmap(int(side * dpr), int(side * dpr));
    pixmap.fill(Qt::transparent);
    QPainter painter(&pixmap);
    painter.setRenderHint(QPainter::Antialiasing);
    renderer.render(&painter);
    painter.end();
    pixmap.setDevicePixelRatio(dpr);
    return pixmap;
}

} // namespace

QIcon themedIcon(const QString& name)
{
    QFile file(QStringLiteral(":/icons/%1.svg").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    const QPalette palette = QApplication::palette();
    const bool dark = palette.color(QPalette::Window).lightness() < 128;
    const QColor accent = dark ? QColor(0x8a, 0xb4, 0xf8) : QColor(0x3d, 0x6a, 0x9e);
    const qreal dpr = qApp ? qApp->devicePixelRatio() : 1.0;
    QIcon icon;
    for (int side : {16, 22, 24, 32, 48}) {
        icon.addPixmap(render(svg, accent, side, dpr), QIcon::Normal);
        icon.addPixmap(render(svg, accent, side, dpr), QIcon::Active);
        icon.addPixmap(render(svg, palette.color(QPalette::HighlightedText), side, dpr), QIcon::Selected);
        icon.addPixmap(render(svg, palette.color(QPalette::Disabled, QPalette::WindowText), side, dpr),
                       QIcon::Disabled);
    }
    return icon;
}

} // namespace gatehouse::ui
