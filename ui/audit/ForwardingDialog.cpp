#include "ForwardingDialog.h"

#include "DestinationDialog.h"
#include "console/ConsoleBridge.h"
#include "forward/Destination.h"
#include "panes/OperationActions.h"
#include "service/ControlPlane.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

enum Column { Name, Scope, Collector, Format, State, BehindEvents, BehindTime, LastError, ColumnCount };

QString durationText(qint64 ms)
{
    const qint64 s = ms / 1000;
    if (s < 60)
        return ForwardingDialog::tr("%1 s").arg(s);
    if (s < 3600)
        return ForwardingDialog::tr("%1 min %2 s").arg(s / 60).arg(s % 60);
    return ForwardingDialog::tr("%1 h %2 min").arg(s / 3600).arg((s % 3600) / 60);
}

} // namespace

ForwardingDialog::ForwardingDialog(ConsoleBridge& bridge, QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_state(new QLabel(this)), m_table(new QTableWidget(0, ColumnCount, this)),
      m_add(new QPushButton(tr("&Add…"), this)), m_edit(new QPushButton(tr("&Change…"), this)),
      m_remove(new QPushButton(tr("Re&move…"), this))
{
    setObjectName(QStringLiteral("forwardingDialog"));
    setWindowTitle(tr("Audit Forwarding"));
    auto* about = new QLabel(tr("Where the audit trail of %1 is sent (syslog over TLS to a SIEM), and how far each "
                                "collector is behind.")
                                 .arg(scopeLabel()),
                             this);
    about->setWordWrap(true);
    m_state->setObjectName(QStringLiteral("forwardingState"));
    m_state->setAccessibleName(tr("Forwarding status"));
    m_state->setWordWrap(true);
    m_state->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_table->setObjectName(QStringLiteral("forwardingTable"));
    m_table->setAccessibleName(tr("Forwarding destinations"));
    m_table->setHorizontalHeaderLabels({tr("Destination"), tr("Scope"), tr("Collector"), tr("Format"), tr("State"),
                                        tr("Behind (events)"), tr("Behind (time)"), tr("Last error")});
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &ForwardingDialog::updateButtons);
    connect(m_table, &QTableWidget::cellDoubleClicked, this, [this]() {
        if (m_edit->isEnabled())
            editDestination();
    });

    const std::initializer_list<std::tuple<QPushButton*, const char*, QString>> editing{
        {m_add, "forwardingAdd", tr("Add a forwarding destination")},
        {m_edit, "forwardingEdit", tr("Change the selected destination")},
        {m_remove, "forwardingRemove", tr("Remove the selected destination")}};
    auto* editRow = new QHBoxLayout;
    for (const auto& [button, objectName, accessible] : editing) {
        button->setObjectName(QLatin1String(objectName));
        button->setAccessibleName(accessible);
        button->setAutoDefault(false);
        editRow->addWidget(button);
    }
    editRow->addStretch(1);
    connect(m_add, &QPushButton::clicked, this, &ForwardingDialog::addDestination);
    connect(m_edit, &QPushButton::clicked, this, &ForwardingDialog::editDestination);
    connect(m_remove, &QPushButton::clicked, this, &ForwardingDialog::removeDestination);

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(QStringLiteral("forwardingRefresh"));
    refreshButton->setAccessibleName(tr("Refresh forwarding status"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(refreshButton, &QPushButton::clicked, this, &ForwardingDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addLayout(editRow);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    resize(900, 360);
    updateButtons();
}

QString ForwardingDialog::actionFor(const char* verb) const
{
    return m_bridge.scope().tenantId.isEmpty() ? QStringLiteral("forwarding.%1").arg(QLatin1String(verb))
                                               : QStringLiteral("forwarding.tenant.%1").arg(QLatin1String(verb));
}

QString ForwardingDialog::scopeLabel() const
{
    const ConsoleScope& scope = m_bridge.scope();
    if (scope.tenantId.isEmpty())
        return tr("the platform (every event)");
    // Forwarding is per tenant: its name without the workspace selected in it.
    QString label = scope.label;
    for (const ConsoleScope& s : m_bridge.access().scopes) {
        if (s.tenantId == scope.tenantId && s.workspaceId.isEmpty())
            label = s.label;
    }
    return tr("the tenant %1").arg(label);
}

const forward::Destination* ForwardingDialog::selectedDestination() const
{
    const QList<QTableWidgetItem*> selected = m_table->selectedItems();
    if (selected.isEmpty())
        return nullptr;
    const int row = selected.first()->row();
    return row >= 0 && row < m_destinations.size() ? &m_destinations.at(row) : nullptr;
}

void ForwardingDialog::updateButtons()
{
    // What the identity may not do stays visible, disabled, with the permission it lacks as the reason.
    const auto permit = [this](QPushButton* button, const char* verb, bool fits) {
        const QString missing = m_bridge.missingPermission(actionFor(verb));
        button->setEnabled(missing.isEmpty() && fits);
        button->setToolTip(missing.isEmpty() ? QString() : tr("Needs the permission %1.").arg(missing));
    };
    const bool selected = selectedDestination() != nullptr;
    permit(m_add, "create", true);
    permit(m_edit, "update", selected);
    permit(m_remove, "delete", selected);
}

void ForwardingDialog::showFailure(const Error& error)
{
    showFailureIn(m_state, error);
}

void ForwardingDialog::addDestination()
{
    auto* dialog = new DestinationDialog(scopeLabel(), this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<DestinationDialog> guard(dialog);
    connect(dialog, &DestinationDialog::submitted, this, [this, guard]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        forward::Destination d = guard->destination();
        d.tenantId = m_bridge.scope().tenantId;
        m_bridge.call(
            guard.data(),
            [d, fromBeginning = guard->fromBeginning()](service::ControlPlane& cp, const service::Caller& caller) {
                return cp.createForwardDestination(caller, d, fromBeginning);
            },
            [this, guard](const Result<forward::Destination>& made) {
                if (!settleDialog(guard.data(), made))
                    return;
                m_notice = tr("Added %1.").arg(made.value().name);
                guard->finish();
                refresh();
            });
    });
    dialog->open();
}

void ForwardingDialog::editDestination()
{
    const forward::Destination* current = selectedDestination();
    if (!current)
        return;
    auto* dialog = new DestinationDialog(scopeLabel(), *current, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QPointer<DestinationDialog> guard(dialog);
    connect(dialog, &DestinationDialog::submitted, this, [this, guard, id = current->id]() {
        if (!guard)
            return;
        guard->setWaiting(true);
        m_bridge.call(
            guard.data(),
            [tenantId = m_bridge.scope().tenantId, id, change = guard->change()](service::ControlPlane& cp,
                                                                                 const service::Caller& caller) {
                return cp.updateForwardDestination(caller, tenantId, id, change);
            },
            [this, guard](const Result<forward::Destination>& changed) {
                if (!settleDialog(guard.data(), changed))
                    return;
                m_notice = tr("Saved %1.").arg(changed.value().name);
                guard->finish();
                refresh();
            });
    });
    dialog->open();
}

void ForwardingDialog::removeDestination()
{
    const forward::Destination* current = selectedDestination();
    if (!current)
        return;
    const QString id = current->id;
    const QString name = current->name;
    askToConfirm(
        this,
        tr("Remove the forwarding destination %1? Events are no longer sent to it; what it already "
           "received stays with the collector.")
            .arg(name),
        [this, id, name]() {
            m_bridge.call(
                this,
                [tenantId = m_bridge.scope().tenantId, id](service::ControlPlane& cp, const service::Caller& caller) {
                    return cp.deleteForwardDestination(caller, tenantId, id);
                },
                [this, name](const Result<void>& removed) {
                    if (!removed) {
                        showFailure(removed.error());
                        return;
                    }
                    m_notice = tr("Removed %1.").arg(name);
                    refresh();
                });
        });
}

void ForwardingDialog::refresh()
{
    showNoticeIn(m_state, tr("Reading the forwarding status..."));
    const QString tenantId = m_bridge.scope().tenantId;
    m_bridge.call(
        this,
        [tenantId](service::ControlPlane& cp, const service::Caller& caller) {
            return cp.forwardingStatus(caller, tenantId);
        },
        [this](const Result<QList<forward::DestinationStatus>>& result) {
            if (!result) {
                m_table->setRowCount(0);
                m_destinations.clear();
                updateButtons();
                showFailureIn(m_state,
                              Error{result.error().code,
                                    tr("Could not read the forwarding status: %1").arg(result.error().message)});
                emit refreshed(-1);
                return;
            }
            const QList<forward::DestinationStatus>& all = result.value();
            m_destinations.clear();
            for (const forward::DestinationStatus& s : all)
                m_destinations.append(s.destination);
            m_table->setRowCount(int(all.size()));
            for (int row = 0; row < int(all.size()); ++row) {
                const forward::DestinationStatus& s = all.at(row);
                const forward::Destination& d = s.destination;
                const QString state = !d.enabled ? tr("disabled") : s.connected ? tr("connected") : tr("not connected");
                const QStringList cells{
                    d.name,
                    d.tenantId.isEmpty() ? tr("Platform") : tr("This tenant"),
                    QStringLiteral("%1:%2 (%3)").arg(d.host).arg(d.port).arg(d.transportName()),
                    d.formatName(),
                    state,
                    QLocale().toString(s.lagEvents),
                    s.lagEvents > 0 ? durationText(s.lagMs) : tr("up to date"),
                    s.lastError.isEmpty()
                        ? QString()
                        : tr("%1 (%2)").arg(s.lastError,
                                            QDateTime::fromMSecsSinceEpoch(s.lastErrorAtMs).toString(Qt::ISODate))};
                for (int c = 0; c < ColumnCount; ++c) {
                    auto* item = new QTableWidgetItem(cells.at(c));
                    item->setToolTip(cells.at(c));
                    if (c == BehindEvents)
                        item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
                    m_table->setItem(row, c, item);
                }
            }
            m_table->resizeColumnsToContents();
            m_table->horizontalHeader()->setSectionResizeMode(LastError, QHeaderView::Stretch);
            const QString count = all.isEmpty()     ? tr("No forwarding destinations in this scope.")
                                  : all.size() == 1 ? tr("One destination.")
                                                    : tr("%1 destinations.").arg(all.size());
            showNoticeIn(m_state, m_notice.isEmpty() ? count : m_notice + QLatin1Char(' ') + count);
            m_notice.clear();
            updateButtons();
            emit refreshed(int(all.size()));
        });
}

} // namespace gatehouse::ui
