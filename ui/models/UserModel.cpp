#include "UserModel.h"

#include <QDateTime>
#include <QLocale>

namespace gatehouse::ui {

UserModel::UserModel(QObject* parent) : SlicedTableModel(parent) {}

void UserModel::setUsers(QList<identity::User> users)
{
    stopLoading();
    beginResetModel();
    m_users.clear();
    m_users.reserve(users.size());
    m_queued = std::move(users);
    m_queuedFrom = 0;
    endResetModel();
    startLoading();
}

void UserModel::showQueuedRows(qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        m_users.append(std::move(m_queued[m_queuedFrom + i]));
    m_queuedFrom += count;
    if (m_queuedFrom == m_queued.size()) {
        m_queued.clear();
        m_queuedFrom = 0;
    }
}

void UserModel::putUser(const identity::User& user)
{
    finishLoading();
    const int row = rowOf(user.id);
    if (row < 0) {
        beginInsertRows({}, int(m_users.size()), int(m_users.size()));
        m_users.append(user);
        endInsertRows();
        return;
    }
    m_users[row] = user;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void UserModel::clear()
{
    stopLoading();
    m_queued.clear();
    m_queuedFrom = 0;
    if (m_users.isEmpty())
        return;
    beginResetModel();
    m_users.clear();
    endResetModel();
}

const identity::User* UserModel::userAt(int row) const
{
    return row >= 0 && row < m_users.size() ? &m_users.at(row) : nullptr;
}

int UserModel::rowOf(const QString& userId) const
{
    for (int row = 0; row < m_users.size(); ++row) {
        if (m_users.at(row).id == userId)
            return row;
    }
    return -1;
}

int UserModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_users.size());
}

int UserModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString UserModel::statusText(const identity::User& user)
{
    if (user.status == QLatin1String("active"))
        return user.lockedUntilMs > QDateTime::currentMSecsSinceEpoch() ? tr("Locked out (failed sign-ins)")
                                                                        : tr("Active");
    if (user.status == QLatin1String("locked"))
        return tr("Locked");
    if (user.status == QLatin1String("disabled"))
        return tr("Disabled");
    return user.status;
}

QVariant UserModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const identity::User& u = m_users.at(index.row());
    switch (role) {
    case IdRole:
        return u.id;
    case StatusRole:
        return u.status;
    case SortRole:
        switch (index.column()) {
        case TwoFactor:
            return u.mfaEnabled;
        case Created:
            return u.createdAtMs;
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Username:
            return u.username;
        case DisplayName:
            return u.displayName;
        case Email:
            return u.email;
        case Status:
            return statusText(u);
        case TwoFactor:
            return u.mfaEnabled ? tr("On") : tr("Off");
        case Created:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(u.createdAtMs), QLocale::ShortFormat);
        default:
            return {};
        }
    case Qt::ToolTipRole:
        if (index.column() == Status && u.lockedUntilMs > QDateTime::currentMSecsSinceEpoch())
            return tr("Too many failed sign-ins; signing in is refused until %1")
                .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(u.lockedUntilMs), QLocale::ShortFormat));
        return {};
    default:
        return {};
    }
}

QVariant UserModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Username:
        return tr("Username");
    case DisplayName:
        return tr("Display name");
    case Email:
        return tr("Email");
    case Status:
        return tr("Status");
    case TwoFactor:
        return tr("Two-factor");
    case Created:
        return tr("Created");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
