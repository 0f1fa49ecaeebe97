#include "TenantModel.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

// An index's internal id: 0 for a tenant; for a workspace, its tenant's row + 1.

TenantModel::TenantModel(QObject* parent) : QAbstractItemModel(parent) {}

void TenantModel::setEntries(QList<Entry> entries)
{
    beginResetModel();
    m_entries = std::move(entries);
    endResetModel();
}

int TenantModel::tenantRow(const QString& tenantId) const
{
    for (int row = 0; row < m_entries.size(); ++row) {
        if (m_entries.at(row).tenant.id == tenantId)
            return row;
    }
    return -1;
}

void TenantModel::putTenant(const tenancy::Tenant& tenant)
{
    const int row = tenantRow(tenant.id);
    if (row < 0) {
        beginInsertRows({}, int(m_entries.size()), int(m_entries.size()));
        m_entries.append({tenant, {}});
        endInsertRows();
        return;
    }
    m_entries[row].tenant = tenant;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void TenantModel::putWorkspace(const tenancy::Workspace& workspace)
{
    const int t = tenantRow(workspace.tenantId);
    if (t < 0)
        return;
    auto& list = m_entries[t].workspaces;
    const QModelIndex parentIndex = index(t, 0);
    for (int row = 0; row < list.size(); ++row) {
        if (list.at(row).id == workspace.id) {
            list[row] = workspace;
            emit dataChanged(index(row, 0, parentIndex), index(row, ColumnCount - 1, parentIndex));
            return;
        }
    }
    beginInsertRows(parentIndex, int(list.size()), int(list.size()));
    list.append(workspace);
    endInsertRows();
}

void TenantModel::removeTenant(const QString& tenantId)
{
    const int row = tenantRow(tenantId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_entries.removeAt(row);
    endRemoveRows();
}

void TenantModel::removeWorkspace(const QString& tenantId, const QString& workspaceId)
{
    const QModelIndex i = indexOf(tenantId, workspaceId);
    if (!i.isValid() || workspaceId.isEmpty())
        return;
    const int t = tenantRow(tenantId);
    beginRemoveRows(i.parent(), i.row(), i.row());
    m_entries[t].workspaces.removeAt(i.row());
    endRemoveRows();
}

void TenantModel::clear()
{
    if (m_entries.isEmpty())
        return;
    beginResetModel();
    m_entries.clear();
    endResetModel();
}

QModelIndex TenantModel::indexOf(const QString& tenantId, const QString& workspaceId) const
{
    const int t = tenantRow(tenantId);
    if (t < 0)
        return {};
    if (workspaceId.isEmpty())
        return index(t, 0);
    const auto& list = m_entries.at(t).workspaces;
    for (int row = 0; row < list.size(); ++row) {
        if (list.at(row).id == workspaceId)
            return index(row, 0, index(t, 0));
    }
    return {};
}

QModelIndex TenantModel::index(int row, int column, const QModelIndex& parent) const
{
    if (column < 0 || column >= ColumnCount || row < 0)
        return {};
    if (!parent.isValid())
        return row < m_entries.size() ? createIndex(row, column, quintptr(0)) : QModelIndex();
    if (parent.internalId() != 0 || parent.row() >= m_entries.size())
        return {}; // workspaces have no children
    if (row >= m_entries.at(parent.row()).workspaces.size())
        return {};
    return createIndex(row, column, quintptr(parent.row() + 1));
}

QModelIndex TenantModel::parent(const QModelIndex& child) const
{
    if (!child.isValid() || child.internalId() == 0)
        return {};
    return createIndex(int(child.internalId() - 1), 0, quintptr(0));
}

int TenantModel::rowCount(const QModelIndex& parent) const
{
    if (!parent.isValid())
        return int(m_entries.size());
    if (parent.internalId() != 0 || parent.column() != 0)
        return 0;
    return int(m_entries.at(parent.row()).workspaces.size());
}

int TenantModel::columnCount(const QModelIndex&) const
{
    return ColumnCount;
}

QVariant TenantModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    const bool workspace = index.internalId() != 0;
    const Entry& entry = m_entries.at(workspace ? int(index.internalId() - 1) : index.row());
    const tenancy::Workspace* w = workspace ? &entry.workspaces.at(index.row()) : nullptr;
    const QString id = w ? w->id : entry.tenant.id;
    const QString name = w ? w->name : entry.tenant.name;
    const QString displayName = w ? w->displayName : entry.tenant.displayName;
    const QString status = w ? w->status : entry.tenant.status;
    const qint64 created = w ? w->createdAtMs : entry.tenant.createdAtMs;
    switch (role) {
    case IdRole:
        return id;
    case TenantIdRole:
        return entry.tenant.id;
    case IsWorkspaceRole:
        return workspace;
    case StatusRole:
        return status;
    case NameRole:
        return name;
    case SortRole:
        if (index.column() == Created)
            return created;
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Name:
            return name;
        case DisplayName:
            return displayName;
        case Status:
            if (status == QLatin1String("active"))
                return tr("Active");
            if (status == QLatin1String("suspended"))
                return tr("Suspended");
            return status;
        case Created:
            return created > 0 ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(created), QLocale::ShortFormat)
                               : QString();
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Name)
            return workspace ? tr("Workspace %1 of tenant %2").arg(name, entry.tenant.name) : tr("Tenant %1").arg(name);
        return {};
    default:
        return {};
    }
}

QVariant TenantModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case DisplayName:
        return tr("Display name");
    case Status:
        return tr("Status");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
