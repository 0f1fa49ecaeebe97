#include "OverviewModel.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QLocale>

namespace gatehouse::ui {

OverviewModel::OverviewModel(QObject* parent) : QAbstractTableModel(parent) {}

void OverviewModel::setSummaries(QList<service::ScopeSummary> rows)
{
    beginResetModel();
    m_rows = std::move(rows);
    endResetModel();
}

void OverviewModel::clear()
{
    setSummaries({});
}

const service::ScopeSummary* OverviewModel::summaryAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

qint64 OverviewModel::figure(const service::ScopeSummary& s, Column column)
{
    switch (column) {
    case Workspaces:
        return s.workspaces;
    case Users:
        return s.users;
    case Locked:
        return s.lockedUsers;
    case WithoutMfa:
        return s.administratorsWithoutMfa;
    case Secrets:
        return s.secrets;
    case DueSoon:
        return s.secretsDueSoon;
    case Overdue:
        return s.secretsOverdue;
    case FailedSignIns:
        return s.failedSignIns;
    default:
        return -1;
    }
}

qint64 OverviewModel::total(Column column) const
{
    qint64 sum = -1;
    for (const service::ScopeSummary& s : m_rows) {
        const qint64 n = figure(s, column);
        if (n >= 0)
            sum = qMax<qint64>(sum, 0) + n;
    }
    return sum;
}

int OverviewModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int OverviewModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant OverviewModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const service::ScopeSummary& s = m_rows.at(index.row());
    const auto column = Column(index.column());
    const qint64 n = figure(s, column);
    const bool alarming = (column == Locked || column == WithoutMfa || column == Overdue || column == FailedSignIns ||
                           column == DueSoon) &&
                          n > 0;
    switch (role) {
    case Qt::DisplayRole:
        if (column == Scope)
            return s.tenantId.isEmpty() ? tr("Platform administrators")
                                        : (s.displayName.isEmpty() || s.displayName == s.name
                                               ? s.name
                                               : tr("%1 (%2)").arg(s.displayName, s.name));
        if (column == Status)
            return s.status == QLatin1String("suspended") ? tr("Suspended") : tr("Active");
        return n < 0 ? QStringLiteral("\u2014") : QLocale().toString(n);
    case Qt::AccessibleTextRole:
        if (column != Scope && column != Status && n < 0)
            return tr("not visible to you");
        return data(index, Qt::DisplayRole);
    case Qt::ToolTipRole:
        if (column != Scope && column != Status && n < 0)
            return tr("You may not read what this counts.");
        if (alarming)
            return tr("Double-click to see them.");
        return {};
    case Qt::TextAlignmentRole:
        return column == Scope || column == Status ? QVariant(Qt::AlignLeft | Qt::AlignVCenter)
                                                   : QVariant(Qt::AlignRight | Qt::AlignVCenter);
    case Qt::FontRole:
        if (alarming) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    case Qt::ForegroundRole:
        if (alarming && column != DueSoon)
            return QBrush(QColor(0xc6, 0x28, 0x28));
        return {};
    case TenantIdRole:
        return s.tenantId;
    case NeedsAttentionRole:
        return alarming;
    case SortRole:
        if (column == Scope)
            return s.tenantId.isEmpty() ? QString() : s.name;
        if (column == Status)
            return s.status;
        return n;
    default:
        return {};
    }
}

QVariant OverviewModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Scope:
        return tr("Tenant");
    case Status:
        return tr("Status");
    case Workspaces:
        return tr("Workspaces");
    case Users:
        return tr("Users");
    case Locked:
        return tr("Locked");
    case WithoutMfa:
        return tr("Admins without 2FA");
    case Secrets:
        return tr("Secrets");
    case DueSoon:
        return tr("Due in 7 days");
    case Overdue:
        return tr("Overdue");
    case FailedSignIns:
        return tr("Failed sign-ins (24 h)");
    case ColumnCount:
        break;
    }
    return {};
}

} // namespace gatehouse::ui
