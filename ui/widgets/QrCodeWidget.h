#pragma once

#include <QBitArray>
#include <QWidget>

namespace gatehouse::ui {

// Draws a QR code (libqrencode) crisply at any size: whole device pixels per module, a quiet zone of four
// modules, black on white whatever the palette, so phone cameras read it in dark mode too.
class QrCodeWidget : public QWidget
{
    Q_OBJECT
public:
    explicit QrCodeWidget(QWidget* parent = nullptr);

    // Encodes `text` (error correction level M). False when it does not fit a QR code.
    bool setText(const QString& text);
    void clear();
    // Modules per side, without the quiet zone; 0 when empty.
    int modules() const { return m_width; }
    bool isDark(int x, int y) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    int m_width = 0;
    QBitArray m_dark;
};

} // namespace gatehouse::ui
