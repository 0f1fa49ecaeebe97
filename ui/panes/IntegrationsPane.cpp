#include "IntegrationsPane.h"

#include "OperationActions.h"

#include "IntegrationDialog.h"
#include "TokenIssueDialog.h"
#include "console/ConsoleBridge.h"
#include "models/IntegrationModel.h"
#include "models/TokenModel.h"
#include "service/ControlPlane.h"
#include "service/OperationCatalog.h"
#include "widgets/SecretClipboard.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

namespace {

void setUpTable(QTableView* table, QSortFilterProxyModel* proxy)
{
    table->setModel(proxy);
    table->setSortingEnabled(true);
    setUpRecordTable(table);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
}

QLabel* heading(const QString& text, const char* objectName, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setObjectName(QLatin1String(objectName));
    QFont font = label->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    label->setFont(font);
    return label;
}

} // namespace

IntegrationsPane::IntegrationsPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new IntegrationModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_tokens(new TokenModel(this)), m_tokenProxy(new QSortFilterProxyModel(this)),
      m_clipboard(new SecretClipboard(this)), m_actions(new QToolBar(this)), m_tokenActions(new QToolBar(this)),
      m_search(new QLineEdit(this)), m_table(new QTableView(this)),
      m_tokensTitle(heading(tr("Tokens"), "tokensTitle", this)), m_tokenTable(new QTableView(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("integrationsPane"));
    setAccessibleName(tr("Integrations"));

    auto* title = heading(tr("Integrations"), "integrationsTitle", this);

    m_actions->setObjectName(QStringLiteral("integrationActions"));
    m_actions->setAccessibleName(tr("Integration actions"));
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addAction(m_actions, tr("&New Integration…"), "createIntegrationAction", "integration.create",
              &IntegrationsPane::createIntegration);
    m_actions->addSeparator();
    addAction(m_actions, tr("Loc&k"), "lockIntegrationAction", "integration.lock", &IntegrationsPane::lockIntegration);
    addAction(m_actions, tr("Unl&ock"), "unlockIntegrationAction", "integration.unlock",
              &IntegrationsPane::unlockIntegration);
    addAction(m_actions, tr("De&lete…"), "deleteIntegrationAction", "integration.delete",
              &IntegrationsPane::deleteIntegration);
    m_actions->addSeparator();
    addAction(m_actions, tr("&Bind Certificate…"), "bindCertificateAction", "integration.certificate.bind",
              &IntegrationsPane::bindCertificate);
    addAction(m_actions, tr("Unbin&d"), "unbindCertificateAction", "integration.certificate.unbind",
              &IntegrationsPane::unbindCertificate);
    m_actions->addSeparator();
    auto* refresh = m_actions->addAction(tr("Re&fresh"), this, &IntegrationsPane::reload);
    refresh->setObjectName(QStringLiteral("refreshIntegrationsAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (auto* button = m_actions->widgetForAction(refresh))
        button->setAccessibleName(tr("Refresh"));

    m_tokenActions->setObjectName(QStringLiteral("tokenActions"));
    m_tokenActions->setAccessibleName(tr("Token actions"));
    m_tokenActions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addAction(m_tokenActions, tr("Issue &Token…"), "issueTokenAction", "token.issue", &IntegrationsPane::issueToken);
    addAction(m_tokenActions, tr("Re&voke…"), "revokeTokenAction", "token.revoke", &IntegrationsPane::revokeToken);

    m_search->setObjectName(QStringLiteral("integrationSearch"));
    m_search->setAccessibleName(tr("Search integrations"));
    m_search->setPlaceholderText(tr("Search integrations (Ctrl+F)"));
    m_proxy->setObjectName(QStringLiteral("integrationProxy"));
    connectSearch(this, m_search, m_proxy, m_model, IntegrationModel::SortRole);

    m_table->setObjectName(QStringLiteral("integrationTable"));
    m_table->setAccessibleName(tr("Integrations"));
    setUpTable(m_table, m_proxy);
    m_table->sortByColumn(IntegrationModel::Name, Qt::AscendingOrder);
    m_table->setColumnWidth(IntegrationModel::Name, 160);
    m_table->setColumnWidth(IntegrationModel::Description, 240);
    m_table->setColumnWidth(IntegrationModel::Status, 90);
    m_table->setColumnWidth(IntegrationModel::Certificate, 160);

    m_tokenProxy->setObjectName(QStringLiteral("tokenProxy"));
    m_tokenProxy->setSourceModel(m_tokens);
    m_tokenProxy->setSortRole(TokenModel::SortRole);
    m_tokenTable->setObjectName(QStringLiteral("tokenTable"));
    m_tokenTable->setAccessibleName(tr("Tokens"));
    setUpTable(m_tokenTable, m_tokenProxy);
    m_tokenTable->sortByColumn(TokenModel::Created, Qt::DescendingOrder);
    m_tokenTable->setColumnWidth(TokenModel::Hint, 140);
    m_tokenTable->setColumnWidth(TokenModel::Workspace, 140);
    m_tokenTable->setColumnWidth(TokenModel::Created, 140);
    m_tokenTable->setColumnWidth(TokenModel::Expires, 140);
    m_tokenTable->setColumnWidth(TokenModel::LastUsed, 140);

    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this]() {
        updateActions();
        reloadTokens();
    });
    connect(m_model, &QAbstractItemModel::dataChanged, this, &IntegrationsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &IntegrationsPane::updateActions);
    connect(m_tokenTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &IntegrationsPane::updateActions);
    connect(m_tokens, &QAbstractItemModel::modelReset, this, &IntegrationsPane::updateActions);

    m_message->setObjectName(QStringLiteral("integrationsMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_search, 1);
    auto* upper = new QWidget(this);
    auto* upperLayout = new QVBoxLayout(upper);
    upperLayout->setContentsMargins(0, 0, 0, 0);
    upperLayout->addLayout(top);
    upperLayout->addWidget(m_actions);
    upperLayout->addWidget(m_message);
    upperLayout->addWidget(m_table, 1);
    auto* lower = new QWidget(this);
    auto* lowerLayout = new QVBoxLayout(lower);
    lowerLayout->setContentsMargins(0, 0, 0, 0);
    lowerLayout->addWidget(m_tokensTitle);
    lowerLayout->addWidget(m_tokenActions);
    lowerLayout->addWidget(m_tokenTable, 1);
    auto* splitter = new QSplitter(Qt::Vertical, this);
    splitter->setObjectName(QStringLiteral("integrationSplitter"));
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(upper);
    splitter->addWidget(lower);
    splitter->setStretchFactor(0, 3);
    splitter->setStretchFactor(1, 2);
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(splitter);

    connect(&m_bridge, &ConsoleBridge::accessChanged, this, &IntegrationsPane::updateActions);
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &IntegrationsPane::reload);
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, [this]() {
        if (m_bridge.isSignedIn() && (!m_loaded || m_bridge.scope().tenantId != m_tenantId))
            reload();
    });
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        // A locked window shows nothing of what it held, and leaves no token on the clipboard.
        for (auto* dialog : findChildren<QDialog*>())
            dialog->reject();
        m_clipboard->clearNow();
        m_model->clear();
        m_tokens->clear();
        m_tokensOf.clear();
        m_search->clear();
        m_message->clear();
        m_message->hide();
        m_loaded = false;
    });
    if (m_bridge.isSignedIn())
        reload();
    updateActions();
}

IntegrationsPane::~IntegrationsPane()
{
    m_clipboard->clearNow();
}

QAction* IntegrationsPane::addAction(QToolBar* bar, const QString& text, const char* objectName, const char* operation,
                                     void (IntegrationsPane::*slot)())
{
    auto* action = bar->addAction(text, this, slot);
    tagOperation(action, bar, objectName, operation);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

QString IntegrationsPane::message() const
{
    return m_message->text();
}

const identity::Integration* IntegrationsPane::selectedIntegration() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->integrationAt(m_proxy->mapToSource(rows.first()).row());
}

const identity::ApiToken* IntegrationsPane::selectedToken() const
{
    const QModelIndexList rows = m_tokenTable->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_tokens->tokenAt(m_tokenProxy->mapToSource(rows.first()).row());
}

void IntegrationsPane::selectIntegration(const QString& integrationId)
{
    const int row = m_model->rowOf(integrationId);
    if (row >= 0)
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
}

void IntegrationsPane::updateActions()
{
    const identity::Integration* integration = selectedIntegration();
    const identity::ApiToken* token = selectedToken();
    for (QToolBar* bar : {m_actions, m_tokenActions}) {
        for (QAction* action : bar->actions()) {
            const QString operation = action->property("operation").toString();
            if (operation.isEmpty())
                continue;
            if (!permitOperation(action, m_bridge))
                continue;
            bool fits = integration != nullptr;
            if (operation == QLatin1String("integration.create"))
                fits = m_loaded;
            else if (operation == QLatin1String("integration.lock"))
                fits = integration && integration->status == QLatin1String("active");
            else if (operation == QLatin1String("integration.unlock"))
                fits = integration && integration->status == QLatin1String("locked");
            else if (operation == QLatin1String("integration.certificate.unbind"))
                fits = integration && !integration->clientCertificateSha256.isEmpty();
            else if (operation == QLatin1String("token.revoke"))
                fits = integration && token && token->revokedAtMs == 0;
            action->setEnabled(fits);
        }
    }
    m_tokensTitle->setText(integration ? tr("Tokens of %1").arg(integration->name) : tr("Tokens"));
}

void IntegrationsPane::showFailure(const Error& error)
{
    showFailureIn(m_message, error);
}

void IntegrationsPane::showNotice(const QString& text)
{
    showNoticeIn(m_message, text);
}

void IntegrationsPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    const QString tenantId = m_bridge.scope().tenantId;
    if (tenantId.isEmpty()) {
        m_model->clear();
        m_tokens->clear();
        m_tenantId.clear();
        m_loaded = false;
        showNotice(tr("Integrations belong to a tenant: choose one to see its integrations."));
        updateActions();
        return;
    }
    const QString missing = m_bridge.missingPermission(u"integration.list");
    if (!missing.isEmpty()) {
        m_model->clear();
        m_tokens->clear();
        showNotice(tr("Listing integrations needs the permission %1.").arg(missing));
        return;
    }
    QHash<QString, QString> workspaceNames;
    for (const ConsoleScope& scope : m_bridge.access().scopes) {
        if (scope.tenantId == tenantId && !scope.workspaceId.isEmpty())
            workspaceNames.insert(scope.workspaceId, scope.label);
    }
    m_tokens->setWorkspaceNames(workspaceNames);
    const QString selected = selectedIntegration() ? selectedIntegration()->id : QString();
    m_bridge.call(
        this, [tenantId](ControlPlane& cp, const Caller& caller) { return cp.listIntegrations(caller, tenantId); },
        [this, tenantId, selected](Result<QList<identity::Integration>> integrations) {
            if (!integrations) {
                m_model->clear();
                m_tokens->clear();
                showFailure(integrations.error());
                return;
            }
            m_tenantId = tenantId;
            m_loaded = true;
            m_model->setIntegrations(std::move(integrations).value());
            m_tokensOf.clear();
            selectIntegration(selected);
            reloadTokens();
            updateActions();
        });
}

void IntegrationsPane::reloadTokens()
{
    const identity::Integration* integration = selectedIntegration();
    if (!integration) {
        m_tokensOf.clear();
        m_tokens->clear();
        return;
    }
    if (!m_bridge.allows(u"token.list")) {
        m_tokens->clear();
        return;
    }
    if (integration->id != m_tokensOf)
        m_tokens->clear();
    const QString tenantId = m_tenantId;
    const QString integrationId = integration->id;
    m_tokensOf = integrationId;
    m_bridge.call(
        this,
        [tenantId, integrationId](ControlPlane& cp, const Caller& caller) {
            return cp.listTokens(caller, tenantId, integrationId);
        },
        [this, integrationId](Result<QList<identity::ApiToken>> tokens) {
            if (integrationId != m_tokensOf)
                return; // another integration was selected meanwhile
            if (!tokens) {
                m_tokens->clear();
                showFailure(tokens.error());
                return;
            }
            const QString selected = selectedToken() ? selectedToken()->id : QString();
            m_tokens->setTokens(std::move(tokens).value());
            const int row = m_tokens->rowOf(selected);
            if (row >= 0)
                m_tokenTable->selectRow(m_tokenProxy->mapFromSource(m_tokens->index(row, 0)).row());
            updateActions();
        });
}

void IntegrationsPane::createIntegration()
{
    auto* dialog = new IntegrationDialog(IntegrationDialog::Purpose::Create, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<IntegrationDialog> guard(dialog);
    connect(dialog, &IntegrationDialog::submitted, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, name = guard->name(), description = guard->description()](ControlPlane& cp,
                                                                                 const Caller& caller) {
                return cp.createIntegration(caller, tenantId, name, description);
            },
            [this, guard](Result<identity::Integration> created) {
                if (!settleDialog(guard.data(), created))
                    return;
                m_model->putIntegration(created.value());
                selectIntegration(created.value().id);
                showNotice(tr("Created %1. Grant it a role in Roles & Access, then issue it a token.")
                               .arg(created.value().name));
                guard->finish();
            });
    });
    dialog->open();
}

void IntegrationsPane::setLocked(bool locked)
{
    const identity::Integration* integration = selectedIntegration();
    if (!integration)
        return;
    const QString tenantId = m_tenantId;
    const QString integrationId = integration->id;
    m_bridge.call(
        this,
        [tenantId, integrationId, locked](ControlPlane& cp, const Caller& caller) {
            return cp.setIntegrationLocked(caller, tenantId, integrationId, locked);
        },
        [this, locked](Result<identity::Integration> changed) {
            if (!changed) {
                showFailure(changed.error());
                return;
            }
            m_model->putIntegration(changed.value());
            showNotice(locked ? tr("Locked %1: its tokens are refused until it is unlocked.").arg(changed.value().name)
                              : tr("Unlocked %1.").arg(changed.value().name));
        });
}

void IntegrationsPane::lockIntegration()
{
    setLocked(true);
}

void IntegrationsPane::unlockIntegration()
{
    setLocked(false);
}

void IntegrationsPane::deleteIntegration()
{
    const identity::Integration* integration = selectedIntegration();
    if (!integration)
        return;
    const QString tenantId = m_tenantId;
    const QString integrationId = integration->id;
    const QString name = integration->name;
    askToConfirm(this,
                 tr("Delete %1? Its tokens stop working at once, and its role bindings go with it. This cannot be "
                    "undone.")
                     .arg(name),
                 [this, tenantId, integrationId, name]() {
                     m_bridge.call(
                         this,
                         [tenantId, integrationId](ControlPlane& cp, const Caller& caller) {
                             return cp.deleteIntegration(caller, tenantId, integrationId);
                         },
                         [this, integrationId, name](Result<void> deleted) {
                             if (!deleted) {
                                 showFailure(deleted.error());
                                 return;
                             }
                             m_model->removeIntegration(integrationId);
                             showNotice(tr("Deleted %1.").arg(name));
                         });
                 });
}

void IntegrationsPane::bindCertificate()
{
    const identity::Integration* integration = selectedIntegration();
    if (!integration)
        return;
    auto* dialog = new IntegrationDialog(IntegrationDialog::Purpose::BindCertificate, integration->name, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<IntegrationDialog> guard(dialog);
    const QString integrationId = integration->id;
    connect(dialog, &IntegrationDialog::submitted, this, [this, guard, integrationId]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, integrationId, sha256 = guard->sha256()](ControlPlane& cp, const Caller& caller) {
                return cp.bindIntegrationCertificate(caller, tenantId, integrationId, sha256);
            },
            [this, guard](Result<identity::Integration> bound) {
                if (!settleDialog(guard.data(), bound))
                    return;
                m_model->putIntegration(bound.value());
                showNotice(tr("Bound %1 to the certificate %2: its tokens now work only over mutual TLS with it.")
                               .arg(bound.value().name,
                                    IntegrationModel::fingerprintText(bound.value().clientCertificateSha256)));
                guard->finish();
            });
    });
    dialog->open();
}

void IntegrationsPane::unbindCertificate()
{
    const identity::Integration* integration = selectedIntegration();
    if (!integration)
        return;
    const QString tenantId = m_tenantId;
    const QString integrationId = integration->id;
    askToConfirm(this,
                 tr("Unbind %1 from its client certificate? Its tokens then work over any TLS connection.")
                     .arg(integration->name),
                 [this, tenantId, integrationId]() {
                     m_bridge.call(
                         this,
                         [tenantId, integrationId](ControlPlane& cp, const Caller& caller) {
                             return cp.bindIntegrationCertificate(caller, tenantId, integrationId, QString());
                         },
                         [this](Result<identity::Integration> unbound) {
                             if (!unbound) {
                                 showFailure(unbound.error());
                                 return;
                             }
                             m_model->putIntegration(unbound.value());
                             showNotice(tr("Unbound %1 from its client certificate.").arg(unbound.value().name));
                         });
                 });
}

void IntegrationsPane::issueToken()
{
    const identity::Integration* integration = selectedIntegration();
    if (!integration)
        return;
    QList<QPair<QString, QString>> workspaces;
    for (const ConsoleScope& scope : m_bridge.access().scopes) {
        if (scope.tenantId == m_tenantId && !scope.workspaceId.isEmpty())
            workspaces.append({scope.workspaceId, scope.label});
    }
    auto* dialog = new TokenIssueDialog(integration->name, workspaces, m_clipboard, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<TokenIssueDialog> guard(dialog);
    const QString integrationId = integration->id;
    const QString name = integration->name;
    connect(dialog, &TokenIssueDialog::issueRequested, this, [this, guard, integrationId, name]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, integrationId, days = guard->expiryDays(),
             workspaceId = guard->workspaceId()](ControlPlane& cp, const Caller& caller) {
                return cp.issueToken(caller, tenantId, integrationId, days, workspaceId);
            },
            [this, guard, integrationId, name](Result<service::IssuedToken> issued) {
                if (!settleDialog(guard.data(), issued))
                    return;
                service::IssuedToken token = std::move(issued).value();
                QByteArray bytes = token.secret.toUtf8();
                OPENSSL_cleanse(token.secret.data(), std::size_t(token.secret.size()) * sizeof(QChar));
                token.secret.clear();
                guard->showToken(
                    SecureBytes(reinterpret_cast<const unsigned char*>(bytes.constData()), std::size_t(bytes.size())));
                OPENSSL_cleanse(bytes.data(), std::size_t(bytes.size()));
                showNotice(tr("Issued a token to %1, expiring %2.")
                               .arg(name, QLocale().toString(QDateTime::fromMSecsSinceEpoch(token.token.expiresAtMs),
                                                             QLocale::ShortFormat)));
                if (integrationId == m_tokensOf)
                    reloadTokens();
            });
    });
    dialog->open();
}

void IntegrationsPane::revokeToken()
{
    const identity::Integration* integration = selectedIntegration();
    const identity::ApiToken* token = selectedToken();
    if (!integration || !token)
        return;
    const QString tenantId = m_tenantId;
    const QString integrationId = integration->id;
    const QString tokenId = token->id;
    const QString hint = token->hint;
    askToConfirm(this,
                 tr("Revoke the token %1… of %2? Whatever uses it is refused from now on. This cannot be undone.")
                     .arg(hint, integration->name),
                 [this, tenantId, integrationId, tokenId, hint]() {
                     m_bridge.call(
                         this,
                         [tenantId, integrationId, tokenId](ControlPlane& cp, const Caller& caller) {
                             return cp.revokeToken(caller, tenantId, integrationId, tokenId);
                         },
                         [this, hint](Result<void> revoked) {
                             if (!revoked) {
                                 showFailure(revoked.error());
                                 return;
                             }
                             showNotice(tr("Revoked the token that begins %1.").arg(hint));
                             reloadTokens();
                         });
                 });
}

} // namespace gatehouse::ui
