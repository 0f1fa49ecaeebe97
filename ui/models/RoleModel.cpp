#include "RoleModel.h"

namespace gatehouse::ui {

RoleModel::RoleModel(QObject* parent) : QAbstractTableModel(parent) {}

void RoleModel::setRoles(QList<authz::Role> roles)
{
    beginResetModel();
    m_roles = std::move(roles);
    endResetModel();
}

void RoleModel::setBindingCounts(QHash<QString, int> counts, bool known)
{
    m_bindings = std::move(counts);
    m_bindingsKnown = known;
    if (!m_roles.isEmpty())
        emit dataChanged(index(0, Bindings), index(int(m_roles.size()) - 1, Bindings));
}

void RoleModel::putRole(const authz::Role& role)
{
    const int row = rowOf(role.id);
    if (row < 0) {
        beginInsertRows({}, int(m_roles.size()), int(m_roles.size()));
        m_roles.append(role);
        endInsertRows();
        return;
    }
    m_roles[row] = role;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void RoleModel::removeRole(const QString& roleId)
{
    const int row = rowOf(roleId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_roles.removeAt(row);
    endRemoveRows();
}

void RoleModel::clear()
{
    m_bindings.clear();
    m_bindingsKnown = false;
    if (m_roles.isEmpty())
        return;
    beginResetModel();
    m_roles.clear();
    endResetModel();
}

const authz::Role* RoleModel::roleAt(int row) const
{
    return row >= 0 && row < m_roles.size() ? &m_roles.at(row) : nullptr;
}

const authz::Role* RoleModel::role(const QString& roleId) const
{
    return roleAt(rowOf(roleId));
}

int RoleModel::rowOf(const QString& roleId) const
{
    for (int row = 0; row < m_roles.size(); ++row) {
        if (m_roles.at(row).id == roleId)
            return row;
    }
    return -1;
}

int RoleModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_roles.size());
}

int RoleModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant RoleModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const authz::Role& r = m_roles.at(index.row());
    switch (role) {
    case IdRole:
        return r.id;
    case BuiltinRole:
        return r.builtin;
    case SortRole:
        switch (index.column()) {
        case Permissions:
            return int(r.permissions.names().size());
        case Bindings:
            return m_bindings.value(r.id);
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Name:
            return r.name;
        case Kind:
            return r.builtin ? tr("Built-in") : tr("Custom");
        case Permissions:
            return QString::number(r.permissions.names().size());
        case Bindings:
            return m_bindingsKnown ? QString::number(m_bindings.value(r.id)) : tr("—");
        case Description:
            return r.description;
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Bindings && !m_bindingsKnown)
            return tr("Not known: reading bindings needs the permission bindings.read");
        if (index.column() == Kind && r.builtin)
            return tr("Defined by Gatehouse; it cannot be changed or deleted");
        if (index.column() == Description && !r.description.isEmpty())
            return r.description;
        return {};
    case Qt::TextAlignmentRole:
        if (index.column() == Permissions || index.column() == Bindings)
            return QVariant::fromValue(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    default:
        return {};
    }
}

QVariant RoleModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Role");
    case Kind:
        return tr("Kind");
    case Permissions:
        return tr("Permissions");
    case Bindings:
        return tr("Bindings");
    case Description:
        return tr("Description");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
