#pragma once

#include <QObject>
#include <QTimer>

namespace gatehouse::ui {

// Tells when the user has not touched the application for a while: an application-wide event filter restarts
// one single-shot timer on every key, click, wheel and pointer move, in any window of the application.
class InactivityTimer : public QObject
{
    Q_OBJECT
public:
    explicit InactivityTimer(QObject* parent = nullptr);
    ~InactivityTimer() override;

    // 0: never.
    void setTimeout(int milliseconds);
    int timeout() const { return m_timeoutMs; }
    // Watches from now on (restarting the wait); stop() until the next start().
    void start();
    void stop();
    bool isActive() const { return m_active; }

signals:
    void inactive();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void restart();

    QTimer m_timer;
    int m_timeoutMs = 0;
    bool m_active = false;
};

} // namespace gatehouse::ui
