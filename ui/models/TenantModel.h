#pragma once

#include "tenancy/Tenant.h"

#include <QAbstractItemModel>
#include <QList>

namespace gatehouse::ui {

// Tenants with their workspaces, as the control plane listed them: a platform administrator sees the tenants
// (their insides belong to each tenant), a tenant's people see their tenant and the workspaces they may read.
class TenantModel : public QAbstractItemModel
{
    Q_OBJECT
public:
    enum Column { Name, DisplayName, Status, Created, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the tenant's or workspace's id
        TenantIdRole,              // the tenant it belongs to (itself for a tenant)
        IsWorkspaceRole,
        StatusRole, // active, suspended
        NameRole,   // the name that deleting it asks to type
        SortRole,
    };

    struct Entry
    {
        tenancy::Tenant tenant;
        QList<tenancy::Workspace> workspaces;
    };

    explicit TenantModel(QObject* parent = nullptr);

    void setEntries(QList<Entry> entries);
    // Replaces the tenant of the same id (keeping its workspaces), or appends it.
    void putTenant(const tenancy::Tenant& tenant);
    // Replaces the workspace of the same id, or appends it under its tenant (which must be listed).
    void putWorkspace(const tenancy::Workspace& workspace);
    void removeTenant(const QString& tenantId);
    void removeWorkspace(const QString& tenantId, const QString& workspaceId);
    void clear();
    QModelIndex indexOf(const QString& tenantId, const QString& workspaceId = {}) const;

    QModelIndex index(int row, int column, const QModelIndex& parent = {}) const override;
    QModelIndex parent(const QModelIndex& child) const override;
    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    int tenantRow(const QString& tenantId) const;

    QList<Entry> m_entries;
};

} // namespace gatehouse::ui
