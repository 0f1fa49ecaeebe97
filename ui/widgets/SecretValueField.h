#pragma once

#include "core/SecureBytes.h"

#include <QTimer>
#include <QWidget>

class QLabel;
class QLineEdit;
class QToolButton;

namespace gatehouse::ui {

// A revealed secret value, masked until the user presses Show, and gone from the widget after a timeout.
// The mask has a fixed length, so the value's length does not show; the value is kept in a SecureBytes and
// reaches the text field only while shown. The field is read-only, keeps no undo history, offers no context
// menu, and routes Ctrl+C to copyRequested() (the owner copies through SecretClipboard, marked and timed).
class SecretValueField : public QWidget
{
    Q_OBJECT
public:
    static constexpr int kDefaultClearMs = 30'000;

    explicit SecretValueField(QWidget* parent = nullptr);
    ~SecretValueField() override;

    // Holds `value` (masked) and clears it after clearAfterMs.
    void setValue(SecureBytes value, int clearAfterMs = kDefaultClearMs);
    bool hasValue() const { return !m_value.isEmpty(); }
    // The value as text, for a copy; empty when cleared.
    QString valueText() const;
    void setShown(bool shown);
    bool isShown() const;
    // Milliseconds until the value is cleared; -1 when there is none.
    int remainingMs() const;

public slots:
    // Scrubs the value and empties the field.
    void clear();

signals:
    void cleared();
    void copyRequested();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    void updateCountdown();

    SecureBytes m_value;
    QTimer m_clear;
    QTimer m_tick;
    QLineEdit* m_edit;
    QToolButton* m_show;
    QLabel* m_countdown;
};

} // namespace gatehouse::ui
