#include "OverviewPane.h"

#include "OperationActions.h"

#include "console/ConsoleBridge.h"
#include "models/OverviewModel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;

OverviewPane::OverviewPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new OverviewModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_table(new QTableView(this)), m_message(new QLabel(this))
{
    setObjectName(QStringLiteral("overviewSummary"));
    auto* title = new QLabel(tr("What needs attention"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    title->setFont(big);

    auto* cards = new QHBoxLayout;
    cards->setSpacing(8);
    const struct
    {
        const char* name;
        int column;
        QString label;
    } specs[] = {
        {"overdueCard", OverviewModel::Overdue, tr("Secrets overdue")},
        {"dueSoonCard", OverviewModel::DueSoon, tr("Due within 7 days")},
        {"lockedCard", OverviewModel::Locked, tr("Locked accounts")},
        {"withoutMfaCard", OverviewModel::WithoutMfa, tr("Admins without 2FA")},
        {"failedSignInsCard", OverviewModel::FailedSignIns, tr("Failed sign-ins, 24 h")},
    };
    for (const auto& s : specs)
        cards->addWidget(addCard(s.name, s.column, s.label));
    cards->addStretch();

    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(OverviewModel::SortRole);
    m_table->setObjectName(QStringLiteral("overviewTable"));
    m_table->setAccessibleName(tr("Tenants and what needs attention in each"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(OverviewModel::Scope, Qt::AscendingOrder);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(OverviewModel::Scope, QHeaderView::Stretch);
    m_table->setWordWrap(false);
    connect(m_table, &QTableView::activated, this,
            [this](const QModelIndex& index) { openColumn(index.column(), m_proxy->mapToSource(index).row()); });

    m_message->setObjectName(QStringLiteral("overviewMessage"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(title);
    layout->addLayout(cards);
    layout->addWidget(m_message);
    layout->addWidget(m_table, 1);

    connect(&m_bridge, &ConsoleBridge::signedIn, this, &OverviewPane::reload);
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, &OverviewPane::reload);
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this] {
        m_model->clear();
        updateCards();
    });
    updateCards();
    // Made after sign-in (a window opened on a live session): load at once.
    if (m_bridge.isSignedIn())
        QMetaObject::invokeMethod(this, &OverviewPane::reload, Qt::QueuedConnection);
}

QToolButton* OverviewPane::addCard(const char* objectName, int column, const QString& label)
{
    auto* card = new QToolButton(this);
    card->setObjectName(QString::fromLatin1(objectName));
    card->setToolButtonStyle(Qt::ToolButtonTextOnly);
    card->setAutoRaise(false);
    card->setMinimumSize(150, 64);
    card->setProperty("caption", label);
    connect(card, &QToolButton::clicked, this, [this, column] {
        for (int row = 0; row < m_model->rowCount(); ++row) {
            if (OverviewModel::figure(*m_model->summaryAt(row), OverviewModel::Column(column)) > 0) {
                openColumn(column, row);
                return;
            }
        }
    });
    m_cards.append({card, column});
    return card;
}

void OverviewPane::updateCards()
{
    for (const auto& [card, column] : std::as_const(m_cards)) {
        const qint64 n = m_model->total(OverviewModel::Column(column));
        const QString caption = card->property("caption").toString();
        const QString number = n < 0 ? QStringLiteral("\u2014") : QLocale().toString(n);
        card->setText(number + QLatin1Char('\n') + caption);
        card->setAccessibleName(n < 0 ? tr("%1: not visible to you").arg(caption) : tr("%1: %2").arg(caption, number));
        card->setEnabled(n > 0);
        card->setToolTip(n > 0 ? tr("Show them") : QString());
        QFont f = card->font();
        f.setBold(n > 0 && column != OverviewModel::DueSoon);
        card->setFont(f);
    }
}

void OverviewPane::openColumn(int column, int row)
{
    const service::ScopeSummary* s = m_model->summaryAt(row);
    if (!s)
        return;
    switch (OverviewModel::Column(column)) {
    case OverviewModel::Users:
    case OverviewModel::Locked:
    case OverviewModel::WithoutMfa:
    case OverviewModel::FailedSignIns:
        emit openRequested(Destination::Identities, s->tenantId);
        break;
    case OverviewModel::Secrets:
    case OverviewModel::DueSoon:
    case OverviewModel::Overdue:
        emit openRequested(Destination::Secrets, s->tenantId);
        break;
    default:
        emit openRequested(Destination::Tenancy, s->tenantId);
        break;
    }
}

void OverviewPane::reload()
{
    if (!m_bridge.isSignedIn())
        return;
    const QString tenantId = m_bridge.scope().tenantId;
    m_bridge.call(
        this, [tenantId](ControlPlane& cp, const Caller& caller) { return cp.summarize(caller, tenantId); },
        [this](Result<QList<service::ScopeSummary>> rows) {
            if (!rows) {
                m_model->clear();
                showFailure(rows.error());
            } else {
                m_message->hide();
                m_model->setSummaries(std::move(rows).value());
            }
            updateCards();
            emit reloaded();
        });
}

QString OverviewPane::message() const
{
    return m_message->isHidden() ? QString() : m_message->text();
}

void OverviewPane::showFailure(const Error& error)
{
    if (ConsoleBridge::endsSession(error))
        return;
    showFailureIn(m_message,
                  error.code == ErrorCode::Forbidden
                      ? Error{error.code, tr("Nothing to summarize at this scope for you: %1").arg(error.message)}
                      : error);
}

} // namespace gatehouse::ui
