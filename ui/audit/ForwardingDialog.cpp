#include "ForwardingDialog.h"

#include "console/ConsoleBridge.h"
#include "forward/Destination.h"
#include "service/ControlPlane.h"

#include <QDateTime>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
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
    : QDialog(parent), m_bridge(bridge), m_state(new QLabel(this)), m_table(new QTableWidget(0, ColumnCount, this))
{
    setObjectName(QStringLiteral("forwardingDialog"));
    setWindowTitle(tr("Audit Forwarding"));
    auto* about = new QLabel(tr("Where the audit trail is sent (syslog over TLS to a SIEM), and how far each "
                                "collector is behind. Destinations are added and removed with \"gatehoused "
                                "forwarding\"."),
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

    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    QPushButton* refreshButton = buttons->addButton(tr("&Refresh"), QDialogButtonBox::ActionRole);
    refreshButton->setObjectName(QStringLiteral("forwardingRefresh"));
    refreshButton->setAccessibleName(tr("Refresh forwarding status"));
    buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(refreshButton, &QPushButton::clicked, this, &ForwardingDialog::refresh);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(about);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_state);
    layout->addWidget(buttons);
    resize(900, 360);
}

void ForwardingDialog::refresh()
{
    m_state->setText(tr("Reading the forwarding status..."));
    const QString tenantId = m_bridge.scope().tenantId;
    m_bridge.call(
        this,
        [tenantId](service::ControlPlane& cp, const service::Caller& caller) {
            return cp.forwardingStatus(caller, tenantId);
        },
        [this](const Result<QList<forward::DestinationStatus>>& result) {
            if (!result) {
                m_table->setRowCount(0);
                m_state->setText(tr("Could not read the forwarding status: %1").arg(result.error().message));
                emit refreshed(-1);
                return;
            }
            const QList<forward::DestinationStatus>& all = result.value();
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
            m_state->setText(all.isEmpty()     ? tr("No forwarding destinations in this scope.")
                             : all.size() == 1 ? tr("One destination.")
                                               : tr("%1 destinations.").arg(all.size()));
            emit refreshed(int(all.size()));
        });
}

} // namespace gatehouse::ui
