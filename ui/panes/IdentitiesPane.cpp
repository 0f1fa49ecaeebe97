#include "IdentitiesPane.h"

#include "OperationActions.h"

#include "IntegrationsPane.h"
#include "UserDialog.h"
#include "console/ConsoleBridge.h"
#include "models/UserModel.h"
#include "service/ControlPlane.h"
#include "service/OperationCatalog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QDateTime>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPointer>
#include <QSortFilterProxyModel>
#include <QTabWidget>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

IdentitiesPane::IdentitiesPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new UserModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_actions(new QToolBar(this)), m_search(new QLineEdit(this)), m_table(new QTableView(this)),
      m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("identitiesPane"));
    setAccessibleName(tr("Identities"));
    connect(m_model, &UserModel::loaded, this, [this] {
        const int row = m_model->rowOf(m_reselect);
        if (row >= 0)
            m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
        updateActions();
    });

    auto* title = paneTitle(tr("Users"), QStringLiteral("identitiesTitle"), this);

    m_actions->setObjectName(QStringLiteral("userActions"));
    m_actions->setAccessibleName(tr("User actions"));
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addAction(tr("&New…"), "createUserAction", "user.create", &IdentitiesPane::createUser)
        ->setShortcut(QKeySequence::New);
    addAction(tr("&Edit…"), "editUserAction", "user.update", &IdentitiesPane::editUser);
    m_actions->addSeparator();
    addAction(tr("&Lock"), "lockUserAction", "user.lock", &IdentitiesPane::lockUser);
    addAction(tr("&Unlock"), "unlockUserAction", "user.unlock", &IdentitiesPane::unlockUser);
    addAction(tr("&Disable"), "disableUserAction", "user.disable", &IdentitiesPane::disableUser);
    addAction(tr("E&nable"), "enableUserAction", "user.enable", &IdentitiesPane::enableUser);
    m_actions->addSeparator();
    addAction(tr("Reset &Password…"), "resetPasswordAction", "user.password.reset", &IdentitiesPane::resetPassword);
    addAction(tr("Reset &Two-Factor…"), "resetMfaAction", "user.mfa.reset", &IdentitiesPane::resetMfa);
    addAction(tr("End &Sessions…"), "endSessionsAction", "user.sessions.end", &IdentitiesPane::endSessions);
    m_actions->addSeparator();
    auto* refresh = m_actions->addAction(tr("&Refresh"), this, &IdentitiesPane::reload);
    refresh->setObjectName(QStringLiteral("refreshUsersAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);

    m_search->setObjectName(QStringLiteral("userSearch"));
    m_search->setAccessibleName(tr("Search users"));
    m_search->setPlaceholderText(tr("Search users (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);
    auto* find = new QAction(this);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    connect(find, &QAction::triggered, m_search, qOverload<>(&QLineEdit::setFocus));

    m_proxy->setObjectName(QStringLiteral("userProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    m_proxy->setFilterKeyColumn(-1);
    m_proxy->setSortRole(UserModel::SortRole);
    connect(m_search, &QLineEdit::textChanged, m_proxy, &QSortFilterProxyModel::setFilterFixedString);

    m_table->setObjectName(QStringLiteral("userTable"));
    m_table->setAccessibleName(tr("Users"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(UserModel::Username, Qt::AscendingOrder);
    setUpRecordTable(m_table);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setColumnWidth(UserModel::Username, 140);
    m_table->setColumnWidth(UserModel::DisplayName, 170);
    m_table->setColumnWidth(UserModel::Email, 200);
    m_table->setColumnWidth(UserModel::Status, 110);
    m_table->setColumnWidth(UserModel::TwoFactor, 90);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &IdentitiesPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &IdentitiesPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &IdentitiesPane::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this]() {
        if (findChild<QAction*>(QStringLiteral("editUserAction"))->isEnabled())
            editUser();
    });

    m_message->setObjectName(QStringLiteral("identitiesMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addStretch(1);
    top->addWidget(m_search, 1);
    auto* users = new QWidget(this);
    users->setObjectName(QStringLiteral("usersPage"));
    auto* usersLayout = new QVBoxLayout(users);
    usersLayout->addLayout(top);
    usersLayout->addWidget(m_actions);
    usersLayout->addWidget(m_message);
    usersLayout->addWidget(m_table, 1);
    users->addAction(find); // Ctrl+F searches the tab it is pressed in
    // Integrations (programs acting with API tokens) are identities too: a tab of their own beside the users.
    m_integrations = new IntegrationsPane(m_bridge, this);
    auto* tabs = new QTabWidget(this);
    tabs->setObjectName(QStringLiteral("identitiesTabs"));
    tabs->setAccessibleName(tr("Identities"));
    tabs->addTab(users, tr("&Users"));
    tabs->addTab(m_integrations, tr("&Integrations"));
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(tabs);

    connect(&m_bridge, &ConsoleBridge::accessChanged, this, &IdentitiesPane::updateActions);
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &IdentitiesPane::reload);
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, [this]() {
        if (m_bridge.isSignedIn() && (!m_loaded || m_bridge.scope().tenantId != m_tenantId))
            reload();
    });
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        // A locked window shows nothing of what it held.
        m_model->clear();
        m_search->clear();
        m_message->clear();
        m_message->hide();
        m_loaded = false;
        for (auto* dialog : findChildren<QDialog*>())
            dialog->reject();
    });
    updateActions();
    if (m_bridge.isSignedIn())
        reload();
}

QAction* IdentitiesPane::addAction(const QString& text, const char* objectName, const char* operation,
                                   void (IdentitiesPane::*slot)())
{
    auto* action = m_actions->addAction(text, this, slot);
    tagOperation(action, m_actions, objectName, operation);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

QString IdentitiesPane::message() const
{
    return m_message->text();
}

const identity::User* IdentitiesPane::selectedUser() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->userAt(m_proxy->mapToSource(rows.first()).row());
}

void IdentitiesPane::updateActions()
{
    const identity::User* user = selectedUser();
    const bool lockedOut = user && user->lockedUntilMs > QDateTime::currentMSecsSinceEpoch();
    for (QAction* action : m_actions->actions()) {
        const QString operation = action->property("operation").toString();
        if (operation.isEmpty())
            continue;
        if (!permitOperation(action, m_bridge))
            continue;
        bool fits = user != nullptr;
        if (operation == QLatin1String("user.create"))
            fits = m_loaded;
        else if (operation == QLatin1String("user.lock"))
            fits = user && user->status == QLatin1String("active");
        else if (operation == QLatin1String("user.unlock"))
            fits = user && (user->status == QLatin1String("locked") || lockedOut);
        else if (operation == QLatin1String("user.disable"))
            fits = user && user->status != QLatin1String("disabled");
        else if (operation == QLatin1String("user.enable"))
            fits = user && user->status == QLatin1String("disabled");
        else if (operation == QLatin1String("user.mfa.reset"))
            fits = user && user->mfaEnabled;
        action->setEnabled(fits);
    }
}

void IdentitiesPane::showFailure(const Error& error)
{
    showFailureIn(m_message, error);
}

void IdentitiesPane::showNotice(const QString& text)
{
    showNoticeIn(m_message, text);
}

void IdentitiesPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    const QString tenantId = m_bridge.scope().tenantId;
    const QString selected = selectedUser() ? selectedUser()->id : QString();
    m_bridge.call(
        this, [tenantId](ControlPlane& cp, const Caller& caller) { return cp.listUsers(caller, tenantId); },
        [this, tenantId, selected](Result<QList<identity::User>> users) {
            if (!users) {
                m_model->clear();
                showFailure(users.error());
                return;
            }
            m_tenantId = tenantId;
            m_loaded = true;
            m_reselect = selected;
            m_model->setUsers(std::move(users).value());
        });
}

void IdentitiesPane::createUser()
{
    auto* dialog = new UserDialog(UserDialog::Purpose::Create, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<UserDialog> guard(dialog);
    connect(dialog, &UserDialog::submitted, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, username = guard->username(), displayName = guard->displayName(), email = guard->email(),
             password = guard->takePassword()](ControlPlane& cp, const Caller& caller) {
                return cp.createUser(caller, tenantId, username, displayName, email, password);
            },
            [this, guard](Result<identity::User> created) {
                if (!settleDialog(guard.data(), created))
                    return;
                m_model->putUser(created.value());
                const int row = m_model->rowOf(created.value().id);
                m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
                showNotice(tr("Created %1. Grant a role in Roles & Access to let them do anything.")
                               .arg(created.value().username));
                guard->finish();
            });
    });
    dialog->open();
}

void IdentitiesPane::editUser()
{
    const identity::User* user = selectedUser();
    if (!user)
        return;
    auto* dialog = new UserDialog(UserDialog::Purpose::Edit, *user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<UserDialog> guard(dialog);
    const QString userId = user->id;
    connect(dialog, &UserDialog::submitted, this, [this, guard, userId]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, userId, displayName = guard->displayName(), email = guard->email()](ControlPlane& cp,
                                                                                           const Caller& caller) {
                return cp.updateUser(caller, tenantId, userId, displayName, email);
            },
            [this, guard](Result<identity::User> updated) {
                if (!settleDialog(guard.data(), updated))
                    return;
                m_model->putUser(updated.value());
                showNotice(tr("Saved %1.").arg(updated.value().username));
                guard->finish();
            });
    });
    dialog->open();
}

void IdentitiesPane::changeStatus(int change, const QString& done)
{
    const identity::User* user = selectedUser();
    if (!user)
        return;
    const QString tenantId = m_tenantId;
    const QString userId = user->id;
    const auto how = static_cast<service::UserStatusChange>(change);
    m_bridge.call(
        this,
        [tenantId, userId, how](ControlPlane& cp, const Caller& caller) {
            return cp.setUserStatus(caller, tenantId, userId, how);
        },
        [this, done](Result<identity::User> changed) {
            if (!changed) {
                showFailure(changed.error());
                return;
            }
            m_model->putUser(changed.value());
            showNotice(done.arg(changed.value().username));
        });
}

void IdentitiesPane::lockUser()
{
    changeStatus(int(service::UserStatusChange::Lock), tr("Locked %1: they cannot sign in until unlocked."));
}

void IdentitiesPane::unlockUser()
{
    changeStatus(int(service::UserStatusChange::Unlock), tr("Unlocked %1."));
}

void IdentitiesPane::disableUser()
{
    const identity::User* user = selectedUser();
    if (!user)
        return;
    askToConfirm(
        this, tr("Disable %1? They cannot sign in, and their sessions end, until enabled again.").arg(user->username),
        [this]() { changeStatus(int(service::UserStatusChange::Disable), tr("Disabled %1.")); });
}

void IdentitiesPane::enableUser()
{
    changeStatus(int(service::UserStatusChange::Enable), tr("Enabled %1."));
}

void IdentitiesPane::resetPassword()
{
    const identity::User* user = selectedUser();
    if (!user)
        return;
    auto* dialog = new UserDialog(UserDialog::Purpose::ResetPassword, *user, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<UserDialog> guard(dialog);
    const QString userId = user->id;
    const QString username = user->username;
    connect(dialog, &UserDialog::submitted, this, [this, guard, userId, username]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        const QString tenantId = m_tenantId;
        m_bridge.call(
            guard.data(),
            [tenantId, userId, password = guard->takePassword()](ControlPlane& cp, const Caller& caller) {
                return cp.resetUserPassword(caller, tenantId, userId, password);
            },
            [this, guard, username](Result<void> reset) {
                if (!settleDialog(guard.data(), reset))
                    return;
                showNotice(tr("Reset the password of %1.").arg(username));
                guard->finish();
            });
    });
    dialog->open();
}

void IdentitiesPane::resetMfa()
{
    const identity::User* user = selectedUser();
    if (!user)
        return;
    const QString tenantId = m_tenantId;
    const QString userId = user->id;
    const QString username = user->username;
    askToConfirm(this,
                 tr("Remove the authenticator and recovery codes of %1? They sign in with their password alone until "
                    "they enrol again.")
                     .arg(username),
                 [this, tenantId, userId, username]() {
                     m_bridge.call(
                         this,
                         [tenantId, userId](ControlPlane& cp, const Caller& caller) {
                             return cp.resetUserMfa(caller, tenantId, userId);
                         },
                         [this, username](Result<void> reset) {
                             if (!reset) {
                                 showFailure(reset.error());
                                 return;
                             }
                             showNotice(tr("Reset the two-factor authentication of %1.").arg(username));
                             reload();
                         });
                 });
}

void IdentitiesPane::endSessions()
{
    const identity::User* user = selectedUser();
    if (!user)
        return;
    const QString tenantId = m_tenantId;
    const QString userId = user->id;
    const QString username = user->username;
    askToConfirm(this, tr("End every session of %1? They must sign in again.").arg(username),
                 [this, tenantId, userId, username]() {
                     m_bridge.call(
                         this,
                         [tenantId, userId](ControlPlane& cp, const Caller& caller) {
                             return cp.endUserSessions(caller, tenantId, userId);
                         },
                         [this, username](Result<void> ended) {
                             if (!ended) {
                                 showFailure(ended.error());
                                 return;
                             }
                             showNotice(tr("Ended the sessions of %1.").arg(username));
                         });
                 });
}

} // namespace gatehouse::ui
