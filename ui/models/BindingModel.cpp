#include "BindingModel.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

BindingModel::BindingModel(QObject* parent) : QAbstractTableModel(parent) {}

void BindingModel::setBindings(QList<authz::Binding> bindings, Names names)
{
    beginResetModel();
    m_bindings = std::move(bindings);
    m_names = std::move(names);
    endResetModel();
}

void BindingModel::putBinding(const authz::Binding& binding)
{
    const int row = rowOf(binding.id);
    if (row < 0) {
        beginInsertRows({}, int(m_bindings.size()), int(m_bindings.size()));
        m_bindings.append(binding);
        endInsertRows();
        return;
    }
    m_bindings[row] = binding;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void BindingModel::removeBinding(const QString& bindingId)
{
    const int row = rowOf(bindingId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_bindings.removeAt(row);
    endRemoveRows();
}

void BindingModel::clear()
{
    if (m_bindings.isEmpty()) {
        m_names = {};
        return;
    }
    beginResetModel();
    m_bindings.clear();
    m_names = {};
    endResetModel();
}

const authz::Binding* BindingModel::bindingAt(int row) const
{
    return row >= 0 && row < m_bindings.size() ? &m_bindings.at(row) : nullptr;
}

int BindingModel::rowOf(const QString& bindingId) const
{
    for (int row = 0; row < m_bindings.size(); ++row) {
        if (m_bindings.at(row).id == bindingId)
            return row;
    }
    return -1;
}

int BindingModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_bindings.size());
}

int BindingModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString BindingModel::scopeText(const authz::Binding& b) const
{
    if (!b.workspaceId.isEmpty())
        return m_names.workspaces.value(b.workspaceId, b.workspaceId);
    return b.tenantId.isEmpty() ? tr("Platform") : tr("Tenant-wide");
}

QVariant BindingModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const authz::Binding& b = m_bindings.at(index.row());
    switch (role) {
    case IdRole:
        return b.id;
    case IdentityIdRole:
        return b.identityId;
    case RoleIdRole:
        return b.roleId;
    case WorkspaceIdRole:
        return b.workspaceId;
    case SortRole:
        if (index.column() == Created)
            return b.createdAtMs;
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Identity:
            return m_names.identities.value(b.identityId, b.identityId);
        case IdentityKind:
            return b.identityKind == QLatin1String("integration") ? tr("Integration") : tr("User");
        case Role:
            return m_names.roles.value(b.roleId, b.roleId);
        case Scope:
            return scopeText(b);
        case Created:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(b.createdAtMs), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Scope && b.workspaceId.isEmpty() && !b.tenantId.isEmpty())
            return tr("Applies in the whole tenant and every workspace of it");
        return {};
    default:
        return {};
    }
}

QVariant BindingModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Identity:
        return tr("Identity");
    case IdentityKind:
        return tr("Kind");
    case Role:
        return tr("Role");
    case Scope:
        return tr("Scope");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
