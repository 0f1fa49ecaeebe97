#include "ControlModel.h"

#include "service/ControlPlane.h"
#include "widgets/StatusGlyph.h"

#include <QDateTime>
#include <QGuiApplication>
#include <QLocale>
#include <QPalette>

namespace gatehouse::ui {

namespace {

// Worst first when sorted descending: fail, warn, pass, not applicable.
int severity(boundaries::Status status)
{
    return int(status);
}

QString evidenceText(const boundaries::ControlResult& r)
{
    QStringList facts;
    for (const boundaries::Evidence& e : r.evidence)
        facts << QStringLiteral("%1: %2").arg(e.key, e.value);
    return facts.join(QLatin1Char('\n'));
}

} // namespace

ControlModel::ControlModel(QObject* parent) : QAbstractTableModel(parent) {}

void ControlModel::setReports(const QList<service::BoundaryReport>& reports)
{
    beginResetModel();
    m_rows.clear();
    for (const service::BoundaryReport& report : reports) {
        for (const boundaries::ControlResult& result : report.results) {
            Row row{report.boundary.id, report.boundary.name, result.controlId, result.controlId, {}, result};
            for (const boundaries::Control& c : report.boundary.controls) {
                if (c.id == result.controlId) {
                    row.title = c.title;
                    row.domain = c.evidenceDomain;
                }
            }
            m_rows.append(row);
        }
    }
    endResetModel();
}

void ControlModel::clear()
{
    if (m_rows.isEmpty())
        return;
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

const ControlModel::Row* ControlModel::rowAt(int row) const
{
    return row >= 0 && row < m_rows.size() ? &m_rows.at(row) : nullptr;
}

int ControlModel::rowOf(const QString& controlId) const
{
    for (int i = 0; i < m_rows.size(); ++i) {
        if (m_rows.at(i).controlId == controlId)
            return i;
    }
    return -1;
}

int ControlModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int ControlModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant ControlModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& row = m_rows.at(index.row());
    const boundaries::ControlResult& r = row.result;
    switch (role) {
    case BoundaryIdRole:
        return row.boundaryId;
    case ControlIdRole:
        return row.controlId;
    case StatusRole:
        return int(r.status);
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Boundary:
            return row.boundaryName;
        case Control:
            return row.title;
        case Status:
            return statusWord(r.status);
        case Evidence:
            return r.summary;
        case Measured:
            return r.checkedAtMs > 0
                       ? QLocale().toString(QDateTime::fromMSecsSinceEpoch(r.checkedAtMs), QLocale::ShortFormat)
                       : QString();
        case Domain:
            return row.domain;
        default:
            return {};
        }
    case Qt::DecorationRole:
        if (index.column() == Status)
            return statusIcon(r.status, QGuiApplication::palette());
        return {};
    case Qt::ToolTipRole:
        switch (index.column()) {
        case Control:
            return QStringLiteral("%1\n%2").arg(row.title, row.controlId);
        case Evidence: {
            const QString facts = evidenceText(r);
            return facts.isEmpty() ? r.summary : r.summary + QStringLiteral("\n\n") + facts;
        }
        case Measured:
            return r.checkedAtMs > 0 ? QDateTime::fromMSecsSinceEpoch(r.checkedAtMs).toString(Qt::ISODateWithMs)
                                     : QString();
        default:
            return data(index, Qt::DisplayRole);
        }
    case SortRole:
        switch (index.column()) {
        case Status:
            return severity(r.status);
        case Measured:
            return r.checkedAtMs;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    default:
        return {};
    }
}

QVariant ControlModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || (role != Qt::DisplayRole && role != Qt::AccessibleTextRole))
        return {};
    switch (section) {
    case Boundary:
        return tr("Boundary");
    case Control:
        return tr("Control");
    case Status:
        return tr("Status");
    case Evidence:
        return tr("Evidence");
    case Measured:
        return tr("Measured");
    case Domain:
        return tr("Evidence domain");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
