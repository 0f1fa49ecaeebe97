#include "QrCodeWidget.h"

#include <QPainter>

#include <qrencode.h>

namespace gatehouse::ui {

namespace {
constexpr int kQuietZone = 4;
}

QrCodeWidget::QrCodeWidget(QWidget* parent) : QWidget(parent)
{
    setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed);
    setAccessibleName(tr("QR code"));
}

bool QrCodeWidget::setText(const QString& text)
{
    clear();
    const QByteArray utf8 = text.toUtf8();
    QRcode* code = QRcode_encodeString(utf8.constData(), 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!code)
        return false;
    m_width = code->width;
    m_dark.resize(m_width * m_width);
    for (int i = 0; i < m_width * m_width; ++i)
        m_dark.setBit(i, code->data[i] & 1);
    QRcode_free(code);
    updateGeometry();
    update();
    return true;
}

void QrCodeWidget::clear()
{
    m_width = 0;
    m_dark.clear();
    update();
}

bool QrCodeWidget::isDark(int x, int y) const
{
    return x >= 0 && y >= 0 && x < m_width && y < m_width && m_dark.testBit(y * m_width + x);
}

QSize QrCodeWidget::sizeHint() const
{
    const int side = (m_width + 2 * kQuietZone) * 5;
    return {side, side};
}

QSize QrCodeWidget::minimumSizeHint() const
{
    const int side = (m_width + 2 * kQuietZone) * 3;
    return {side, side};
}

void QrCodeWidget::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    painter.fillRect(rect(), Qt::white);
    if (m_width == 0)
        return;
    // Whole device pixels per module: a scaled, blurred code is harder for cameras.
    const qreal dpr = devicePixelRatioF();
    const int total = m_width + 2 * kQuietZone;
    const int devicePixels = int(qMin(width(), height()) * dpr);
    const int module = qMax(1, devicePixels / total);
    const qreal step = qreal(module) / dpr;
    const qreal left = (width() - step * total) / 2 + step * kQuietZone;
    const qreal top = (height() - step * total) / 2 + step * kQuietZone;
    for (int y = 0; y < m_width; ++y) {
        for (int x = 0; x < m_width; ++x) {
            if (isDark(x, y))
                painter.fillRect(QRectF(left + x * step, top + y * step, step, step), Qt::black);
        }
    }
}

} // namespace gatehouse::ui
