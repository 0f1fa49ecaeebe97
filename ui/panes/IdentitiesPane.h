#pragma once

#include "core/Result.h"

#include <QWidget>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace gatehouse::identity {
struct User;
}

namespace gatehouse::ui {

class ConsoleBridge;
class IntegrationsPane;
class UserModel;

// The users of the current scope (a tenant's, or the platform's administrators), searchable and sortable, with
// what an administrator does to them. An action the identity may not perform is disabled, its tooltip naming
// the missing permission; a refusal that still happens (the target holds more than the caller, a race) is
// shown in the pane's message line.
class IdentitiesPane : public QWidget
{
    Q_OBJECT
public:
    explicit IdentitiesPane(ConsoleBridge& bridge, QWidget* parent = nullptr);

    UserModel* model() const { return m_model; }
    // The Integrations tab.
    IntegrationsPane* integrations() const { return m_integrations; }
    // Lists the scope's users again.
    void reload();
    QString message() const;

private:
    QAction* addAction(const QString& text, const char* objectName, const char* operation,
                       void (IdentitiesPane::*slot)());
    const identity::User* selectedUser() const;
    void updateActions();
    void showFailure(const Error& error);
    void showNotice(const QString& text);

    void createUser();
    void editUser();
    void lockUser();
    void unlockUser();
    void disableUser();
    void enableUser();
    void resetPassword();
    void resetMfa();
    void endSessions();
    void changeStatus(int change, const QString& done);
    // Asks before a change that cannot be taken back by the same click; `then` runs on Yes.

    ConsoleBridge& m_bridge;
    UserModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QToolBar* m_actions;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_message;
    IntegrationsPane* m_integrations = nullptr;
    QString m_tenantId;
    bool m_loaded = false;
    QString m_reselect; // the user selected before a refresh, selected again once the list is in
};

} // namespace gatehouse::ui
