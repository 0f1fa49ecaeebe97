#pragma once

#include "core/SecureBytes.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

class ClipboardCountdown;
class SecretClipboard;
class SecretValueField;

// Reveals one secret: asks why (the reason goes into the audit event; it is required), then shows the value
// masked until Show, with Copy (marked for clipboard managers, cleared after a timeout, with a countdown and
// "Clear now"). The value leaves the dialog after `valueClearMs`, and when the dialog closes.
class SecretRevealDialog : public QDialog
{
    Q_OBJECT
public:
    SecretRevealDialog(const QString& secretName, SecretClipboard* clipboard, int valueClearMs, int clipboardClearMs,
                       QWidget* parent = nullptr);
    ~SecretRevealDialog() override;

    QString secretName() const { return m_name; }
    QString reason() const;
    // The control plane answered with the value (of `version`).
    void showValue(SecureBytes value, int version);
    void showError(const QString& message);
    void setWaiting(bool waiting);
    // Closing takes the value out of the window at once.
    void done(int result) override;

signals:
    void revealRequested();

private:
    void requestReveal();
    void copy();
    void updateButtons();

    QString m_name;
    SecretClipboard* m_clipboard;
    int m_valueClearMs;
    int m_clipboardClearMs;
    bool m_waiting = false;
    QLineEdit* m_reason;
    QPushButton* m_reveal;
    SecretValueField* m_value;
    QPushButton* m_copy;
    ClipboardCountdown* m_countdown;
    QLabel* m_note;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
