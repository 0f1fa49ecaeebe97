#pragma once

#include "core/Result.h"

#include <QWidget>

#include <functional>

class QAction;
class QLabel;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QToolBar;

namespace gatehouse::identity {
struct ApiToken;
struct Integration;
} // namespace gatehouse::identity

namespace gatehouse::ui {

class ConsoleBridge;
class IntegrationModel;
class SecretClipboard;
class TokenModel;

// The integrations of the current tenant (programs that act through the API with tokens), searchable and
// sortable, with what an administrator does to them, and the tokens of the selected one. An action the
// identity may not perform is disabled, its tooltip naming the missing permission; a refusal that still happens
// (the integration holds more than the caller, a race) is shown in the pane's message line or the dialog.
class IntegrationsPane : public QWidget
{
    Q_OBJECT
public:
    explicit IntegrationsPane(ConsoleBridge& bridge, QWidget* parent = nullptr);
    ~IntegrationsPane() override;

    IntegrationModel* model() const { return m_model; }
    TokenModel* tokenModel() const { return m_tokens; }
    SecretClipboard* clipboard() const { return m_clipboard; }
    // Lists the tenant's integrations again (and the selected one's tokens).
    void reload();
    QString message() const;

private:
    QAction* addAction(QToolBar* bar, const QString& text, const char* objectName, const char* operation,
                       void (IntegrationsPane::*slot)());
    const identity::Integration* selectedIntegration() const;
    const identity::ApiToken* selectedToken() const;
    void selectIntegration(const QString& integrationId);
    void reloadTokens();
    void updateActions();
    void showFailure(const Error& error);
    void showNotice(const QString& text);

    void createIntegration();
    void lockIntegration();
    void unlockIntegration();
    void setLocked(bool locked);
    void deleteIntegration();
    void bindCertificate();
    void unbindCertificate();
    void issueToken();
    void revokeToken();

    ConsoleBridge& m_bridge;
    IntegrationModel* m_model;
    QSortFilterProxyModel* m_proxy;
    TokenModel* m_tokens;
    QSortFilterProxyModel* m_tokenProxy;
    SecretClipboard* m_clipboard;
    QToolBar* m_actions;
    QToolBar* m_tokenActions;
    QLineEdit* m_search;
    QTableView* m_table;
    QLabel* m_tokensTitle;
    QTableView* m_tokenTable;
    QLabel* m_message;
    QString m_tenantId;
    QString m_tokensOf; // the integration whose tokens are listed
    bool m_loaded = false;
};

} // namespace gatehouse::ui
