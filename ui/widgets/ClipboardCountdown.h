#pragma once

#include <QPointer>
#include <QTimer>
#include <QWidget>

class QLabel;
class QPushButton;

namespace gatehouse::ui {

class SecretClipboard;

// "Clipboard clears in 27 s  [Clear now]": shown while a SecretClipboard holds a copy; hidden otherwise.
class ClipboardCountdown : public QWidget
{
    Q_OBJECT
public:
    explicit ClipboardCountdown(SecretClipboard* clipboard, QWidget* parent = nullptr);

    // Shows the countdown if a copy is pending (call after each copy).
    void track();
    QString text() const;

private:
    void update();

    QPointer<SecretClipboard> m_clipboard;
    QTimer m_tick;
    QLabel* m_label;
    QPushButton* m_clearNow;
};

} // namespace gatehouse::ui
