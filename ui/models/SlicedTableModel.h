#pragma once

#include <QAbstractTableModel>

namespace gatehouse::ui {

// A table model that takes in a long list a slice per event-loop turn: a 10,000-row answer becomes ten inserts
// of 1,000 rows, each with its share of the sorting proxy's and the view's work, so no one step holds the GUI
// thread long. A subclass keeps the rows not yet shown in a queue of its own; the base schedules the slices and
// wraps each one in beginInsertRows/endInsertRows. A change made while rows are still queued (put, remove,
// a new list) takes in the rest first, so edits always apply to the whole list.
class SlicedTableModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    static constexpr int kSliceRows = 1000;

    using QAbstractTableModel::QAbstractTableModel;

    bool isLoading() const { return m_loading; }
    // Takes in every queued row now.
    void finishLoading();

signals:
    // Every row of the latest list is in the model (emitted also when the list was short enough for one step).
    void loaded();

protected:
    // Call after the subclass reset itself to no rows and queued the new list: starts taking it in.
    void startLoading();
    // Forgets what is queued (a reset or a clear).
    void stopLoading();

    virtual qsizetype queuedRows() const = 0;
    // Moves the first `count` queued rows to the end of the shown rows (the base has begun the insert).
    virtual void showQueuedRows(qsizetype count) = 0;

private:
    void takeSlice(quint64 generation, qsizetype limit);

    quint64 m_generation = 0;
    bool m_loading = false;
};

} // namespace gatehouse::ui
