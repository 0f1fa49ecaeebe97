#include "TokenModel.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

namespace {

QString when(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms), QLocale::ShortFormat);
}

} // namespace

TokenModel::TokenModel(QObject* parent) : QAbstractTableModel(parent) {}

void TokenModel::setTokens(QList<identity::ApiToken> tokens)
{
    beginResetModel();
    m_tokens = std::move(tokens);
    endResetModel();
}

void TokenModel::clear()
{
    if (m_tokens.isEmpty())
        return;
    beginResetModel();
    m_tokens.clear();
    endResetModel();
}

void TokenModel::setWorkspaceNames(QHash<QString, QString> names)
{
    m_workspaceNames = std::move(names);
    if (!m_tokens.isEmpty())
        emit dataChanged(index(0, Workspace), index(rowCount() - 1, Workspace));
}

void TokenModel::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_tokens.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

qint64 TokenModel::now() const
{
    return m_nowMs > 0 ? m_nowMs : QDateTime::currentMSecsSinceEpoch();
}

const identity::ApiToken* TokenModel::tokenAt(int row) const
{
    return row >= 0 && row < m_tokens.size() ? &m_tokens.at(row) : nullptr;
}

int TokenModel::rowOf(const QString& tokenId) const
{
    for (int row = 0; row < m_tokens.size(); ++row) {
        if (m_tokens.at(row).id == tokenId)
            return row;
    }
    return -1;
}

QString TokenModel::stateOf(const identity::ApiToken& token) const
{
    if (token.revokedAtMs > 0)
        return QStringLiteral("revoked");
    if (token.expiresAtMs <= now())
        return QStringLiteral("expired");
    return QStringLiteral("active");
}

int TokenModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_tokens.size());
}

int TokenModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant TokenModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const identity::ApiToken& t = m_tokens.at(index.row());
    switch (role) {
    case IdRole:
        return t.id;
    case StateRole:
        return stateOf(t);
    case SortRole:
        switch (index.column()) {
        case Created:
            return t.createdAtMs;
        case Expires:
            return t.expiresAtMs;
        case LastUsed:
            return t.lastUsedAtMs;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Hint:
            return tr("%1…").arg(t.hint);
        case Workspace:
            return t.workspaceId.isEmpty() ? tr("Any") : m_workspaceNames.value(t.workspaceId, t.workspaceId);
        case Created:
            return when(t.createdAtMs);
        case Expires:
            return when(t.expiresAtMs);
        case LastUsed:
            return t.lastUsedAtMs > 0 ? when(t.lastUsedAtMs) : tr("Never");
        case Status: {
            const QString state = stateOf(t);
            if (state == QLatin1String("revoked"))
                return tr("Revoked %1").arg(when(t.revokedAtMs));
            if (state == QLatin1String("expired"))
                return tr("Expired");
            return tr("Active");
        }
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Workspace)
            return t.workspaceId.isEmpty() ? tr("Acts wherever the integration's role bindings allow")
                                           : tr("Acts only in this workspace");
        return {};
    default:
        return {};
    }
}

QVariant TokenModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Hint:
        return tr("Token");
    case Workspace:
        return tr("Workspace");
    case Created:
        return tr("Issued");
    case Expires:
        return tr("Expires");
    case LastUsed:
        return tr("Last used");
    case Status:
        return tr("Status");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
