#pragma once

#include "core/SecureBytes.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QComboBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gatehouse::ui {

class ClipboardCountdown;
class SecretClipboard;
class SecretValueField;

// Issues a token to an integration: asks for its expiry (days) and an optional workspace limit, emits
// issueRequested(), and then shows the token ONCE (masked until Show, with Copy through the SecretClipboard and
// its countdown), saying it will never be shown again. The value leaves the dialog when it closes.
class TokenIssueDialog : public QDialog
{
    Q_OBJECT
public:
    // workspaces: (id, name) of the workspaces the token may be limited to.
    TokenIssueDialog(const QString& integrationName, const QList<QPair<QString, QString>>& workspaces,
                     SecretClipboard* clipboard, QWidget* parent = nullptr);
    ~TokenIssueDialog() override;

    int expiryDays() const;
    // Empty: no workspace limit.
    QString workspaceId() const;
    // The control plane issued the token: shows it, once.
    void showToken(SecureBytes value);
    void showError(const QString& message);
    void setWaiting(bool waiting);
    void done(int result) override;

signals:
    void issueRequested();

private:
    void copy();
    void updateButtons();

    SecretClipboard* m_clipboard;
    bool m_waiting = false;
    bool m_issued = false;
    QSpinBox* m_days;
    QComboBox* m_workspace;
    QPushButton* m_issue;
    QLabel* m_valueLabel;
    SecretValueField* m_value;
    QPushButton* m_copy;
    ClipboardCountdown* m_countdown;
    QLabel* m_note;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
