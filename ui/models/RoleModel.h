#pragma once

#include "authz/Role.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The roles of one scope (the built-in roles of its level, then the tenant's own) as the control plane listed
// them, with how many bindings use each when the bindings are known.
class RoleModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Kind, Permissions, Bindings, Description, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the role's id
        BuiltinRole,               // bool
        SortRole,                  // what the column sorts by
    };

    explicit RoleModel(QObject* parent = nullptr);

    void setRoles(QList<authz::Role> roles);
    // Bindings per role id; without them (bindings not readable) the column says so.
    void setBindingCounts(QHash<QString, int> counts, bool known = true);
    // Replaces the row of the same id (a change the control plane answered with), or appends it.
    void putRole(const authz::Role& role);
    void removeRole(const QString& roleId);
    void clear();
    const authz::Role* roleAt(int row) const;
    const authz::Role* role(const QString& roleId) const;
    int rowOf(const QString& roleId) const;
    const QList<authz::Role>& roles() const { return m_roles; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<authz::Role> m_roles;
    QHash<QString, int> m_bindings;
    bool m_bindingsKnown = false;
};

} // namespace gatehouse::ui
