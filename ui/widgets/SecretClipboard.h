#pragma once

#include <QObject>
#include <QTimer>

namespace gatehouse::ui {

// Copies a secret to the system clipboard marked for clipboard managers as a secret
// (x-kde-passwordManagerHint), and clears it after a timeout unless something else was copied meanwhile.
class SecretClipboard : public QObject
{
    Q_OBJECT
public:
    static constexpr int kDefaultClearMs = 30'000;

    explicit SecretClipboard(QObject* parent = nullptr);
    ~SecretClipboard() override;

    void copy(const QString& text, int clearAfterMs = kDefaultClearMs);
    // Clears the clipboard now, if it still holds what this object copied.
    void clearNow();
    // Milliseconds until the clipboard is cleared; -1 when nothing is pending.
    int remainingMs() const;

signals:
    void cleared();

private:
    QTimer m_timer;
    QByteArray m_digest; // SHA-256 of what was copied, to recognise it without keeping it
};

} // namespace gatehouse::ui
