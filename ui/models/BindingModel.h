#pragma once

#include "authz/Binding.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The role bindings of one tenant (or of the platform) as the control plane listed them, shown with the names
// of their identities, roles and workspaces (an id when the name is not known to the pane).
class BindingModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Identity, IdentityKind, Role, Scope, Created, ColumnCount };
    enum ItemRole {
        IdRole = Qt::UserRole + 1, // the binding's id
        IdentityIdRole,            // the bound identity's id
        RoleIdRole,                // the role's id
        WorkspaceIdRole,           // the workspace's id; empty: the whole tenant (or the platform)
        SortRole,                  // what the column sorts by
    };

    // Names by id, for people.
    struct Names
    {
        QHash<QString, QString> identities;
        QHash<QString, QString> roles;
        QHash<QString, QString> workspaces;
    };

    explicit BindingModel(QObject* parent = nullptr);

    void setBindings(QList<authz::Binding> bindings, Names names);
    void putBinding(const authz::Binding& binding);
    void removeBinding(const QString& bindingId);
    void clear();
    const authz::Binding* bindingAt(int row) const;
    int rowOf(const QString& bindingId) const;
    const QList<authz::Binding>& bindings() const { return m_bindings; }
    const Names& names() const { return m_names; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QString scopeText(const authz::Binding& b) const;

    QList<authz::Binding> m_bindings;
    Names m_names;
};

} // namespace gatehouse::ui
