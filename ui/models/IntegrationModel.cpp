#include "IntegrationModel.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

IntegrationModel::IntegrationModel(QObject* parent) : QAbstractTableModel(parent) {}

void IntegrationModel::setIntegrations(QList<identity::Integration> integrations)
{
    beginResetModel();
    m_integrations = std::move(integrations);
    endResetModel();
}

void IntegrationModel::putIntegration(const identity::Integration& integration)
{
    const int row = rowOf(integration.id);
    if (row < 0) {
        beginInsertRows({}, int(m_integrations.size()), int(m_integrations.size()));
        m_integrations.append(integration);
        endInsertRows();
        return;
    }
    m_integrations[row] = integration;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void IntegrationModel::removeIntegration(const QString& integrationId)
{
    const int row = rowOf(integrationId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_integrations.removeAt(row);
    endRemoveRows();
}

void IntegrationModel::clear()
{
    if (m_integrations.isEmpty())
        return;
    beginResetModel();
    m_integrations.clear();
    endResetModel();
}

const identity::Integration* IntegrationModel::integrationAt(int row) const
{
    return row >= 0 && row < m_integrations.size() ? &m_integrations.at(row) : nullptr;
}

int IntegrationModel::rowOf(const QString& integrationId) const
{
    for (int row = 0; row < m_integrations.size(); ++row) {
        if (m_integrations.at(row).id == integrationId)
            return row;
    }
    return -1;
}

int IntegrationModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_integrations.size());
}

int IntegrationModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString IntegrationModel::statusText(const identity::Integration& integration)
{
    if (integration.status == QLatin1String("active"))
        return tr("Active");
    if (integration.status == QLatin1String("locked"))
        return tr("Locked");
    return integration.status;
}

QString IntegrationModel::fingerprintText(const QString& sha256Hex)
{
    QString out;
    for (int i = 0; i < sha256Hex.size(); i += 2) {
        if (!out.isEmpty())
            out += QLatin1Char(':');
        out += sha256Hex.mid(i, 2).toUpper();
    }
    return out;
}

QVariant IntegrationModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const identity::Integration& i = m_integrations.at(index.row());
    switch (role) {
    case IdRole:
        return i.id;
    case StatusRole:
        return i.status;
    case SortRole:
        if (index.column() == Created)
            return i.createdAtMs;
        return data(index, Qt::DisplayRole).toString().toLower();
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Name:
            return i.name;
        case Description:
            return i.description;
        case Status:
            return statusText(i);
        case Certificate:
            return i.clientCertificateSha256.isEmpty() ? tr("Not bound")
                                                       : tr("Bound (%1…)").arg(i.clientCertificateSha256.left(8));
        case Created:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(i.createdAtMs), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Certificate)
            return i.clientCertificateSha256.isEmpty()
                       ? tr("Its tokens work over any TLS connection")
                       : tr("Its tokens work only over mutual TLS with the certificate of SHA-256 %1")
                             .arg(fingerprintText(i.clientCertificateSha256));
        return {};
    default:
        return {};
    }
}

QVariant IntegrationModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Description:
        return tr("Description");
    case Status:
        return tr("Status");
    case Certificate:
        return tr("Client certificate");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
