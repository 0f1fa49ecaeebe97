#pragma once

#include "core/Result.h"
#include "widgets/SecretValueField.h"

#include <QPointer>
#include <QStringList>
#include <QWidget>

#include <functional>

class QAction;
class QComboBox;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace gatehouse {
class Clock;
}
namespace gatehouse::secrets {
struct Secret;
}

namespace gatehouse::ui {

class ClipboardCountdown;
class ConsoleBridge;
class SecretClipboard;
class SecretModel;
class SecretVersionsDialog;

// The secrets of the selected workspace (the scope selector's, or one picked here): metadata in a searchable,
// sortable table, with rotation and expiry that are due or overdue marked in words, an icon and a colour. New,
// new version, versions (restore, destroy), delete and undelete, mark rotated, the due list, and reveal (with a
// reason, masked until Show, copied marked as a secret, cleared from the window and the clipboard on timers).
// Actions the identity may not perform are disabled with a tooltip naming the missing permission; a refusal that
// still happens is shown in the pane's message line.
class SecretsPane : public QWidget
{
    Q_OBJECT
public:
    explicit SecretsPane(ConsoleBridge& bridge, QWidget* parent = nullptr);
    ~SecretsPane() override;

    SecretModel* model() const { return m_model; }
    void reload();
    QString message() const;

    // Test seams: how long a revealed value stays in the window and a copy on the clipboard (30 s each by
    // default), and the clock rotation and expiry are measured against (the control plane's).
    void setRevealClearMs(int ms) { m_revealClearMs = ms; }
    void setClipboardClearMs(int ms) { m_clipboardClearMs = ms; }
    void setClock(const Clock* clock);

private:
    QAction* addAction(const QString& text, const char* objectName, const char* operation, void (SecretsPane::*slot)());
    const secrets::Secret* selectedSecret() const;
    void selectSecret(const QString& secretId);
    void updateActions();
    void updateScope();
    void showFailure(const Error& error);
    void showNotice(const QString& text);
    qint64 nowMs() const;

    void createSecret();
    void newVersion();
    void showVersions();
    void reveal();
    void markRotated();
    void deleteSecret();
    void undeleteSecret();
    void toggleDue();
    void loadVersions(SecretVersionsDialog* dialog);

    ConsoleBridge& m_bridge;
    const Clock* m_clock;
    SecretModel* m_model;
    QSortFilterProxyModel* m_proxy;
    SecretClipboard* m_clipboard;
    QComboBox* m_workspaces;
    QToolBar* m_actions;
    QAction* m_dueOnly = nullptr;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_hint;
    QLabel* m_message;
    ClipboardCountdown* m_countdown;
    QString m_tenantId;
    QString m_workspaceId;
    QStringList m_deletedNames; // this session's, offered first by Undelete
    bool m_loaded = false;
    QString m_reselect; // the secret selected before a refresh, selected again once the list is in
    int m_revealClearMs = SecretValueField::kDefaultClearMs;
    int m_clipboardClearMs = 30'000;
};

} // namespace gatehouse::ui
