#include "SecretsPane.h"

#include "OperationActions.h"

#include "SecretDialog.h"
#include "SecretRevealDialog.h"
#include "SecretVersionsDialog.h"
#include "console/ConsoleBridge.h"
#include "core/Clock.h"
#include "models/SecretModel.h"
#include "service/ControlPlane.h"
#include "service/OperationCatalog.h"
#include "widgets/ClipboardCountdown.h"
#include "widgets/SecretClipboard.h"

#include <QAbstractButton>
#include <QAction>
#include <QComboBox>
#include <QCoreApplication>
#include <QDateTime>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

namespace {

// What one listing brings back: the secrets, and names for the owner ids the identity may resolve.
struct SecretListing
{
    QList<secrets::Secret> secrets;
    QHash<QString, QString> names;
    qint64 nowMs = 0;
};

struct RevealedValue
{
    SecureBytes value;
    int version = 0;
};

QHash<QString, QString> userNames(ControlPlane& cp, const Caller& caller, const QString& tenantId)
{
    QHash<QString, QString> names;
    auto users = cp.listUsers(caller, tenantId);
    if (users) {
        for (const auto& u : users.value())
            names.insert(u.id, u.username);
    }
    return names;
}

} // namespace

SecretsPane::SecretsPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_clock(&Clock::system()), m_model(new SecretModel(this)),
      m_proxy(new QSortFilterProxyModel(this)), m_clipboard(new SecretClipboard(this)),
      m_workspaces(new QComboBox(this)), m_actions(new QToolBar(this)), m_search(new QLineEdit(this)),
      m_table(new QTableView(this)), m_hint(new QLabel(this)), m_message(new QLabel(this)),
      m_countdown(new ClipboardCountdown(m_clipboard, this))
{
    setObjectName(QStringLiteral("secretsPane"));
    connect(m_model, &SecretModel::loaded, this, [this] {
        selectSecret(m_reselect);
        updateActions();
    });
    setAccessibleName(tr("Secrets"));

    auto* title = paneTitle(tr("Secrets"), QStringLiteral("secretsTitle"), this);

    auto* workspaceLabel = new QLabel(tr("&Workspace:"), this);
    workspaceLabel->setBuddy(m_workspaces);
    m_workspaces->setObjectName(QStringLiteral("secretWorkspacePicker"));
    m_workspaces->setAccessibleName(tr("Workspace"));
    m_workspaces->setToolTip(tr("Secrets live in a workspace; this is the scope the console acts in"));
    m_workspaces->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    connect(m_workspaces, &QComboBox::activated, this, [this](int index) {
        const QString workspaceId = m_workspaces->itemData(index).toString();
        if (workspaceId.isEmpty())
            return;
        for (const ConsoleScope& scope : m_bridge.access().scopes) {
            if (scope.workspaceId == workspaceId)
                m_bridge.setScope(scope);
        }
    });

    m_actions->setObjectName(QStringLiteral("secretActions"));
    m_actions->setAccessibleName(tr("Secret actions"));
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    addAction(tr("&New…"), "createSecretAction", "secret.create", &SecretsPane::createSecret)
        ->setShortcut(QKeySequence::New);
    addAction(tr("New &Version…"), "newVersionAction", "secret.update", &SecretsPane::newVersion)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_N));
    addAction(tr("Ver&sions…"), "versionsAction", "secret.versions", &SecretsPane::showVersions);
    m_actions->addSeparator();
    addAction(tr("&Reveal…"), "revealSecretAction", "secret.reveal", &SecretsPane::reveal)
        ->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_R));
    addAction(tr("&Mark Rotated"), "markRotatedAction", "secret.rotated", &SecretsPane::markRotated);
    m_actions->addSeparator();
    addAction(tr("&Delete…"), "deleteSecretAction", "secret.delete", &SecretsPane::deleteSecret)
        ->setShortcut(QKeySequence::Delete);
    addAction(tr("&Undelete…"), "undeleteSecretAction", "secret.undelete", &SecretsPane::undeleteSecret);
    m_actions->addSeparator();
    m_dueOnly = addAction(tr("Due &Only"), "dueOnlyAction", "secret.due", &SecretsPane::toggleDue);
    m_dueOnly->setCheckable(true);
    m_dueOnly->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_D));
    auto* refresh = m_actions->addAction(tr("Re&fresh"), this, &SecretsPane::reload);
    refresh->setObjectName(QStringLiteral("refreshSecretsAction"));
    refresh->setShortcut(QKeySequence::Refresh);
    refresh->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    if (auto* button = m_actions->widgetForAction(refresh))
        button->setAccessibleName(tr("Refresh"));

    m_search->setObjectName(QStringLiteral("secretSearch"));
    m_search->setAccessibleName(tr("Search secrets"));
    m_search->setPlaceholderText(tr("Search names, tags, descriptions (Ctrl+F)"));
    m_proxy->setObjectName(QStringLiteral("secretProxy"));
    connectSearch(this, m_search, m_proxy, m_model, SecretModel::SortRole);

    m_table->setObjectName(QStringLiteral("secretTable"));
    m_table->setAccessibleName(tr("Secrets"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(SecretModel::Name, Qt::AscendingOrder);
    setUpRecordTable(m_table);
    m_table->setColumnWidth(SecretModel::Name, 190);
    m_table->setColumnWidth(SecretModel::Tags, 130);
    m_table->setColumnWidth(SecretModel::Description, 200);
    m_table->setColumnWidth(SecretModel::Owner, 90);
    m_table->setColumnWidth(SecretModel::Version, 65);
    m_table->setColumnWidth(SecretModel::RotationDue, 210);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SecretsPane::updateActions);
    connect(m_model, &QAbstractItemModel::dataChanged, this, &SecretsPane::updateActions);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SecretsPane::updateActions);
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, &SecretsPane::updateActions);
    connect(m_table, &QTableView::doubleClicked, this, [this]() {
        if (findChild<QAction*>(QStringLiteral("versionsAction"))->isEnabled())
            showVersions();
    });

    m_hint->setObjectName(QStringLiteral("secretsHint"));
    m_hint->setAccessibleName(tr("Hint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    m_message->setObjectName(QStringLiteral("secretsMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();
    m_countdown->setObjectName(QStringLiteral("paneClipboardCountdown"));

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(workspaceLabel);
    top->addWidget(m_workspaces);
    top->addStretch(1);
    top->addWidget(m_search, 1);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_actions);
    layout->addWidget(m_hint);
    layout->addWidget(m_message);
    layout->addWidget(m_countdown);
    layout->addWidget(m_table, 1);

    connect(&m_bridge, &ConsoleBridge::accessChanged, this, [this]() {
        updateScope();
        updateActions();
    });
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &SecretsPane::updateScope);
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, &SecretsPane::updateScope);
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        // A locked window shows nothing of what it held, and leaves nothing on the clipboard.
        for (auto* dialog : findChildren<QDialog*>())
            dialog->reject();
        m_clipboard->clearNow();
        m_model->clear();
        m_search->clear();
        m_message->hide();
        m_loaded = false;
        m_workspaceId.clear();
    });
    updateScope();
    updateActions();
}

SecretsPane::~SecretsPane()
{
    m_clipboard->clearNow();
}

void SecretsPane::setClock(const Clock* clock)
{
    m_clock = clock ? clock : &Clock::system();
    m_model->setNow(nowMs());
}

qint64 SecretsPane::nowMs() const
{
    return m_clock->nowMs();
}

QAction* SecretsPane::addAction(const QString& text, const char* objectName, const char* operation,
                                void (SecretsPane::*slot)())
{
    auto* action = m_actions->addAction(text, this, slot);
    tagOperation(action, m_actions, objectName, operation);
    action->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    return action;
}

QString SecretsPane::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

const secrets::Secret* SecretsPane::selectedSecret() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return nullptr;
    return m_model->secretAt(m_proxy->mapToSource(rows.first()).row());
}

void SecretsPane::selectSecret(const QString& secretId)
{
    const int row = m_model->rowOf(secretId);
    if (row >= 0)
        m_table->selectRow(m_proxy->mapFromSource(m_model->index(row, 0)).row());
}

void SecretsPane::updateScope()
{
    const ConsoleScope& scope = m_bridge.scope();
    {
        const QSignalBlocker block(m_workspaces);
        m_workspaces->clear();
        if (scope.workspaceId.isEmpty())
            m_workspaces->addItem(tr("Pick a workspace…"), QString());
        for (const ConsoleScope& s : m_bridge.access().scopes) {
            if (!s.workspaceId.isEmpty() && s.tenantId == scope.tenantId)
                m_workspaces->addItem(s.label, s.workspaceId);
        }
        m_workspaces->setCurrentIndex(qMax(0, m_workspaces->findData(scope.workspaceId)));
        m_workspaces->setEnabled(m_workspaces->count() > 1 || !scope.workspaceId.isEmpty());
    }
    if (!m_bridge.isSignedIn())
        return;
    if (scope.workspaceId.isEmpty()) {
        m_model->clear();
        m_loaded = false;
        m_workspaceId.clear();
        m_hint->setText(m_workspaces->count() > 1
                            ? tr("Secrets live in a workspace. Pick one above, or in the scope selector.")
                            : tr("Secrets live in a workspace, and this identity sees none here. Choose a tenant "
                                 "with workspaces in the scope selector."));
        m_hint->show();
        updateActions();
        return;
    }
    m_hint->hide();
    if (!m_loaded || scope.workspaceId != m_workspaceId || scope.tenantId != m_tenantId)
        reload();
}

void SecretsPane::updateActions()
{
    const secrets::Secret* secret = selectedSecret();
    const bool inWorkspace = m_loaded && !m_workspaceId.isEmpty();
    for (QAction* action : m_actions->actions()) {
        const QString operation = action->property("operation").toString();
        if (operation.isEmpty())
            continue;
        if (!permitOperation(action, m_bridge))
            continue;
        bool fits = inWorkspace && secret != nullptr;
        if (operation == QLatin1String("secret.create") || operation == QLatin1String("secret.undelete") ||
            operation == QLatin1String("secret.due"))
            fits = inWorkspace || (operation == QLatin1String("secret.due") && action->isChecked());
        else if (operation == QLatin1String("secret.rotated"))
            fits = inWorkspace && secret && secret->rotationDays > 0;
        action->setEnabled(fits);
    }
}

void SecretsPane::showFailure(const Error& error)
{
    showFailureIn(m_message, error);
}

void SecretsPane::showNotice(const QString& text)
{
    showNoticeIn(m_message, text);
}

void SecretsPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    const QString tenantId = m_bridge.scope().tenantId;
    const QString workspaceId = m_bridge.scope().workspaceId;
    if (workspaceId.isEmpty()) {
        updateScope();
        return;
    }
    const bool dueOnly = m_dueOnly->isChecked();
    const bool names = m_bridge.allows(QStringLiteral("user.list"));
    const QString selected = selectedSecret() ? selectedSecret()->id : QString();
    const Clock* clock = m_clock;
    m_bridge.call(
        this,
        [tenantId, workspaceId, dueOnly, names, clock](ControlPlane& cp,
                                                       const Caller& caller) -> Result<SecretListing> {
            auto list = dueOnly ? cp.dueSecrets(caller, tenantId, workspaceId, SecretModel::kSoonDays)
                                : cp.listSecrets(caller, tenantId, workspaceId);
            if (!list)
                return list.error();
            SecretListing out;
            out.secrets = std::move(list).value();
            if (names)
                out.names = userNames(cp, caller, tenantId);
            out.nowMs = clock->nowMs();
            return out;
        },
        [this, tenantId, workspaceId, selected](Result<SecretListing> listing) {
            if (!listing) {
                m_model->clear();
                showFailure(listing.error());
                return;
            }
            // A later scope change asks again; this answer is for a workspace no longer shown.
            if (workspaceId != m_bridge.scope().workspaceId)
                return;
            m_tenantId = tenantId;
            m_workspaceId = workspaceId;
            m_loaded = true;
            SecretListing got = std::move(listing).value();
            m_model->setNow(got.nowMs);
            m_model->setOwnerNames(std::move(got.names));
            m_reselect = selected;
            m_model->setSecrets(std::move(got.secrets));
        });
}

void SecretsPane::createSecret()
{
    auto* dialog = new SecretDialog(SecretDialog::Purpose::Create, {}, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SecretDialog> guard(dialog);
    connect(dialog, &SecretDialog::submitted, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        ControlPlane::NewSecret spec;
        spec.name = guard->name();
        spec.description = guard->description();
        spec.tags = guard->tags();
        spec.rotationDays = guard->rotationDays();
        spec.expiresAtMs = guard->expiresAtMs();
        m_bridge.call(
            guard.data(),
            [tenantId = m_tenantId, workspaceId = m_workspaceId, spec,
             value = guard->takeValue()](ControlPlane& cp, const Caller& caller) {
                return cp.createSecret(caller, tenantId, workspaceId, spec, value);
            },
            [this, guard](Result<secrets::Secret> created) {
                if (!settleDialog(guard.data(), created))
                    return;
                if (!m_dueOnly->isChecked())
                    m_model->putSecret(created.value());
                selectSecret(created.value().id);
                showNotice(tr("Created %1 (version 1).").arg(created.value().name));
                guard->finish();
            });
    });
    dialog->open();
}

void SecretsPane::newVersion()
{
    const secrets::Secret* secret = selectedSecret();
    if (!secret)
        return;
    auto* dialog = new SecretDialog(SecretDialog::Purpose::NewVersion, *secret, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SecretDialog> guard(dialog);
    const QString name = secret->name;
    connect(dialog, &SecretDialog::submitted, this, [this, guard, name]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        m_bridge.call(
            guard.data(),
            [tenantId = m_tenantId, workspaceId = m_workspaceId, name,
             value = guard->takeValue()](ControlPlane& cp, const Caller& caller) {
                return cp.updateSecretValue(caller, tenantId, workspaceId, name, value);
            },
            [this, guard](Result<secrets::Secret> updated) {
                if (!settleDialog(guard.data(), updated))
                    return;
                m_model->putSecret(updated.value());
                showNotice(
                    tr("Stored version %1 of %2.").arg(updated.value().currentVersion).arg(updated.value().name));
                guard->finish();
            });
    });
    dialog->open();
}

void SecretsPane::showVersions()
{
    const secrets::Secret* secret = selectedSecret();
    if (!secret)
        return;
    auto* dialog = new SecretVersionsDialog(*secret, m_bridge.missingPermission(u"secret.restore"),
                                            m_bridge.missingPermission(u"secret.version.destroy"), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SecretVersionsDialog> guard(dialog);
    connect(dialog, &SecretVersionsDialog::restoreRequested, this, [this, guard](int version) {
        guard->setWaiting(true);
        m_bridge.call(
            guard.data(),
            [tenantId = m_tenantId, workspaceId = m_workspaceId, name = guard->secretName(),
             version](ControlPlane& cp, const Caller& caller) {
                return cp.restoreSecretVersion(caller, tenantId, workspaceId, name, version);
            },
            [this, guard, version](Result<secrets::Secret> restored) {
                if (!settleDialog(guard.data(), restored))
                    return;
                m_model->putSecret(restored.value());
                guard->setSecret(restored.value());
                guard->showNotice(
                    tr("Restored version %1 as version %2.").arg(version).arg(restored.value().currentVersion));
                loadVersions(guard.data());
            });
    });
    connect(dialog, &SecretVersionsDialog::destroyRequested, this, [this, guard](int version) {
        guard->setWaiting(true);
        m_bridge.call(
            guard.data(),
            [tenantId = m_tenantId, workspaceId = m_workspaceId, name = guard->secretName(),
             version](ControlPlane& cp, const Caller& caller) {
                return cp.destroySecretVersion(caller, tenantId, workspaceId, name, version);
            },
            [this, guard, version](Result<void> destroyed) {
                if (!settleDialog(guard.data(), destroyed))
                    return;
                guard->showNotice(tr("Destroyed the value of version %1.").arg(version));
                loadVersions(guard.data());
            });
    });
    loadVersions(dialog);
    dialog->open();
}

void SecretsPane::loadVersions(SecretVersionsDialog* dialog)
{
    QPointer<SecretVersionsDialog> guard(dialog);
    const bool names = m_bridge.allows(QStringLiteral("user.list"));
    m_bridge.call(
        dialog,
        [tenantId = m_tenantId, workspaceId = m_workspaceId, name = dialog->secretName(),
         names](ControlPlane& cp,
                const Caller& caller) -> Result<std::pair<QList<secrets::SecretVersion>, QHash<QString, QString>>> {
            auto versions = cp.listSecretVersions(caller, tenantId, workspaceId, name);
            if (!versions)
                return versions.error();
            return std::make_pair(std::move(versions).value(),
                                  names ? userNames(cp, caller, tenantId) : QHash<QString, QString>{});
        },
        [guard](Result<std::pair<QList<secrets::SecretVersion>, QHash<QString, QString>>> versions) {
            if (!versions) {
                if (!ConsoleBridge::endsSession(versions.error()))
                    guard->showError(versions.error().message);
                return;
            }
            auto got = std::move(versions).value();
            guard->model()->setCreatorNames(std::move(got.second));
            guard->setVersions(std::move(got.first));
        });
}

void SecretsPane::reveal()
{
    const secrets::Secret* secret = selectedSecret();
    if (!secret)
        return;
    auto* dialog = new SecretRevealDialog(secret->name, m_clipboard, m_revealClearMs, m_clipboardClearMs, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<SecretRevealDialog> guard(dialog);
    connect(dialog, &SecretRevealDialog::revealRequested, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        m_bridge.call(
            guard.data(),
            [tenantId = m_tenantId, workspaceId = m_workspaceId, name = guard->secretName(),
             reason = guard->reason()](ControlPlane& cp, const Caller& caller) -> Result<RevealedValue> {
                int version = 0;
                auto value = cp.revealSecret(caller, tenantId, workspaceId, name, 0, reason, &version);
                if (!value)
                    return value.error();
                return RevealedValue{std::move(value).value(), version};
            },
            [guard](Result<RevealedValue> revealed) {
                if (!settleDialog(guard.data(), revealed))
                    return;
                RevealedValue got = std::move(revealed).value();
                guard->showValue(std::move(got.value), got.version);
            });
    });
    // A copy made in the dialog keeps counting down here after it closes.
    connect(dialog, &QDialog::finished, m_countdown, &ClipboardCountdown::track);
    dialog->open();
}

void SecretsPane::markRotated()
{
    const secrets::Secret* secret = selectedSecret();
    if (!secret)
        return;
    m_bridge.call(
        this,
        [tenantId = m_tenantId, workspaceId = m_workspaceId, name = secret->name](ControlPlane& cp,
                                                                                  const Caller& caller) {
            return cp.markSecretRotated(caller, tenantId, workspaceId, name);
        },
        [this](Result<secrets::Secret> rotated) {
            if (!rotated) {
                showFailure(rotated.error());
                return;
            }
            if (m_dueOnly->isChecked())
                m_model->removeSecret(rotated.value().id);
            else
                m_model->putSecret(rotated.value());
            showNotice(
                tr("Marked %1 rotated; the next rotation is due %2.")
                    .arg(rotated.value().name,
                         QLocale().toString(QDateTime::fromMSecsSinceEpoch(rotated.value().nextRotationAtMs).date(),
                                            QLocale::ShortFormat)));
        });
}

void SecretsPane::deleteSecret()
{
    const secrets::Secret* secret = selectedSecret();
    if (!secret)
        return;
    const QString name = secret->name;
    const QString id = secret->id;
    askToConfirm(
        this, tr("Delete %1? It is hidden and cannot be revealed; Undelete restores it within 30 days.").arg(name),
        [this, name, id]() {
            m_bridge.call(
                this,
                [tenantId = m_tenantId, workspaceId = m_workspaceId, name](ControlPlane& cp, const Caller& caller) {
                    return cp.deleteSecret(caller, tenantId, workspaceId, name);
                },
                [this, name, id](Result<void> deleted) {
                    if (!deleted) {
                        showFailure(deleted.error());
                        return;
                    }
                    m_model->removeSecret(id);
                    m_deletedNames.removeAll(name);
                    m_deletedNames.prepend(name);
                    showNotice(tr("Deleted %1. Undelete restores it within 30 days.").arg(name));
                });
        });
}

void SecretsPane::undeleteSecret()
{
    // The control plane lists no deleted secrets: undelete goes by name, this session's deletions offered first.
    auto* dialog = new QInputDialog(this);
    dialog->setObjectName(QStringLiteral("undeleteDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowTitle(tr("Undelete a secret"));
    dialog->setLabelText(tr("&Name of the deleted secret (within 30 days of its deletion):"));
    dialog->setComboBoxEditable(true);
    dialog->setComboBoxItems(m_deletedNames);
    dialog->setTextValue(m_deletedNames.value(0));
    dialog->setOkButtonText(tr("&Undelete"));
    connect(dialog, &QInputDialog::textValueSelected, this, [this](const QString& typed) {
        const QString name = typed.trimmed();
        if (name.isEmpty())
            return;
        m_bridge.call(
            this,
            [tenantId = m_tenantId, workspaceId = m_workspaceId, name](ControlPlane& cp, const Caller& caller) {
                return cp.undeleteSecret(caller, tenantId, workspaceId, name);
            },
            [this, name](Result<secrets::Secret> restored) {
                if (!restored) {
                    showFailure(restored.error());
                    return;
                }
                m_deletedNames.removeAll(name);
                if (!m_dueOnly->isChecked() || m_model->dueState(restored.value()) >= SecretModel::DueState::Soon)
                    m_model->putSecret(restored.value());
                selectSecret(restored.value().id);
                showNotice(tr("Restored %1.").arg(name));
            });
    });
    dialog->open();
}

void SecretsPane::toggleDue()
{
    m_hint->setVisible(false);
    reload();
    if (m_dueOnly->isChecked())
        showNotice(tr("Showing the secrets whose rotation or expiry is overdue or due within %n day(s).", nullptr,
                      SecretModel::kSoonDays));
    else
        showNotice({});
}

} // namespace gatehouse::ui
