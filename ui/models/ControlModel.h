#pragma once

#include "boundaries/ControlResult.h"

#include <QAbstractTableModel>
#include <QList>

namespace gatehouse::service {
struct BoundaryReport;
}

namespace gatehouse::ui {

// The controls of every trust boundary with their live results, as the control plane reported them: one row per
// control, its status as a shape and a word, the evidence, when it was measured and the evidence domain.
class ControlModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Boundary, Control, Status, Evidence, Measured, Domain, ColumnCount };
    enum Role {
        BoundaryIdRole = Qt::UserRole + 1, // the boundary's id (what the proxy filters on)
        ControlIdRole,                     // the control's id
        StatusRole,                        // the boundaries::Status, as an int
        SortRole,                          // what the column sorts by
    };

    struct Row
    {
        QString boundaryId;
        QString boundaryName;
        QString controlId;
        QString title;
        QString domain;
        boundaries::ControlResult result;
    };

    explicit ControlModel(QObject* parent = nullptr);

    void setReports(const QList<service::BoundaryReport>& reports);
    void clear();
    const Row* rowAt(int row) const;
    int rowOf(const QString& controlId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<Row> m_rows;
};

} // namespace gatehouse::ui
