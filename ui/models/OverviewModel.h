#pragma once

#include "service/ControlPlane.h"

#include <QAbstractTableModel>
#include <QList>

namespace gatehouse::ui {

// What needs attention, a row per tenant (and one for the platform's administrators), as the control plane
// summarized it. A figure the identity may not read shows as a dash.
class OverviewModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column {
        Scope,
        Status,
        Workspaces,
        Users,
        Locked,
        WithoutMfa,
        Secrets,
        DueSoon,
        Overdue,
        FailedSignIns,
        ColumnCount
    };
    enum Role {
        TenantIdRole = Qt::UserRole + 1,
        SortRole,
        NeedsAttentionRole, // true where a figure is above zero and calls for action
    };

    explicit OverviewModel(QObject* parent = nullptr);

    void setSummaries(QList<service::ScopeSummary> rows);
    void clear();
    const service::ScopeSummary* summaryAt(int row) const;
    // The sum of a column over the rows that show it; -1 when no row shows it.
    qint64 total(Column column) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static qint64 figure(const service::ScopeSummary& s, Column column);

private:
    QList<service::ScopeSummary> m_rows;
};

} // namespace gatehouse::ui
