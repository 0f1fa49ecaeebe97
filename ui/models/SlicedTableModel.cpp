#include "SlicedTableModel.h"

#include <limits>

namespace gatehouse::ui {

void SlicedTableModel::startLoading()
{
    const quint64 generation = ++m_generation;
    m_loading = true;
    takeSlice(generation, kSliceRows);
}

void SlicedTableModel::stopLoading()
{
    ++m_generation;
    m_loading = false;
}

void SlicedTableModel::finishLoading()
{
    if (m_loading)
        takeSlice(m_generation, std::numeric_limits<qsizetype>::max());
}

void SlicedTableModel::takeSlice(quint64 generation, qsizetype limit)
{
    if (generation != m_generation || !m_loading)
        return;
    const qsizetype count = std::min(limit, queuedRows());
    if (count > 0) {
        const int first = rowCount();
        beginInsertRows({}, first, first + int(count) - 1);
        showQueuedRows(count);
        endInsertRows();
    }
    if (queuedRows() > 0) {
        QMetaObject::invokeMethod(
            this, [this, generation] { takeSlice(generation, kSliceRows); }, Qt::QueuedConnection);
        return;
    }
    m_loading = false;
    emit loaded();
}

} // namespace gatehouse::ui
