#include "SecretModel.h"

#include <QApplication>
#include <QColor>
#include <QDateTime>
#include <QFont>
#include <QIcon>
#include <QLocale>
#include <QPalette>
#include <QStyle>

#include <limits>

namespace gatehouse::ui {

namespace {

constexpr qint64 kDayMs = 24LL * 3600 * 1000;

QString dateText(qint64 ms)
{
    return QLocale().toString(QDateTime::fromMSecsSinceEpoch(ms).date(), QLocale::ShortFormat);
}

} // namespace

SecretModel::SecretModel(QObject* parent) : SlicedTableModel(parent), m_nowMs(QDateTime::currentMSecsSinceEpoch()) {}

void SecretModel::setSecrets(QList<secrets::Secret> secrets)
{
    stopLoading();
    beginResetModel();
    m_secrets.clear();
    m_secrets.reserve(secrets.size());
    m_queued = std::move(secrets);
    m_queuedFrom = 0;
    endResetModel();
    startLoading();
}

void SecretModel::showQueuedRows(qsizetype count)
{
    for (qsizetype i = 0; i < count; ++i)
        m_secrets.append(std::move(m_queued[m_queuedFrom + i]));
    m_queuedFrom += count;
    if (m_queuedFrom == m_queued.size()) {
        m_queued.clear();
        m_queuedFrom = 0;
    }
}

void SecretModel::putSecret(const secrets::Secret& secret)
{
    finishLoading();
    const int row = rowOf(secret.id);
    if (row < 0) {
        beginInsertRows({}, int(m_secrets.size()), int(m_secrets.size()));
        m_secrets.append(secret);
        endInsertRows();
        return;
    }
    m_secrets[row] = secret;
    emit dataChanged(index(row, 0), index(row, ColumnCount - 1));
}

void SecretModel::removeSecret(const QString& secretId)
{
    finishLoading();
    const int row = rowOf(secretId);
    if (row < 0)
        return;
    beginRemoveRows({}, row, row);
    m_secrets.removeAt(row);
    endRemoveRows();
}

void SecretModel::clear()
{
    stopLoading();
    m_queued.clear();
    m_queuedFrom = 0;
    if (m_secrets.isEmpty() && m_ownerNames.isEmpty())
        return;
    beginResetModel();
    m_secrets.clear();
    m_ownerNames.clear();
    endResetModel();
}

void SecretModel::setOwnerNames(QHash<QString, QString> names)
{
    m_ownerNames = std::move(names);
    if (!m_secrets.isEmpty())
        emit dataChanged(index(0, Owner), index(rowCount() - 1, Owner));
}

void SecretModel::setNow(qint64 nowMs)
{
    m_nowMs = nowMs;
    if (!m_secrets.isEmpty())
        emit dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

const secrets::Secret* SecretModel::secretAt(int row) const
{
    return row >= 0 && row < m_secrets.size() ? &m_secrets.at(row) : nullptr;
}

int SecretModel::rowOf(const QString& secretId) const
{
    for (int row = 0; row < m_secrets.size(); ++row) {
        if (m_secrets.at(row).id == secretId)
            return row;
    }
    return -1;
}

int SecretModel::rowOfName(const QString& name) const
{
    for (int row = 0; row < m_secrets.size(); ++row) {
        if (m_secrets.at(row).name == name)
            return row;
    }
    return -1;
}

SecretModel::DueState SecretModel::stateAt(qint64 atMs) const
{
    if (atMs <= 0)
        return DueState::None;
    if (atMs <= m_nowMs)
        return DueState::Overdue;
    if (atMs <= m_nowMs + kSoonDays * kDayMs)
        return DueState::Soon;
    return DueState::Later;
}

SecretModel::DueState SecretModel::dueState(const secrets::Secret& secret) const
{
    return std::max(stateAt(secret.nextRotationAtMs), stateAt(secret.expiresAtMs));
}

QString SecretModel::whenText(qint64 atMs) const
{
    switch (stateAt(atMs)) {
    case DueState::None:
        return {};
    case DueState::Overdue:
        return tr("Overdue since %1").arg(dateText(atMs));
    case DueState::Soon: {
        const int days = int((atMs - m_nowMs + kDayMs - 1) / kDayMs);
        return tr("Due %1 (in %n day(s))", nullptr, days).arg(dateText(atMs));
    }
    case DueState::Later:
        return dateText(atMs);
    }
    return {};
}

QString SecretModel::ownerText(const secrets::Secret& secret) const
{
    if (secret.ownerId.isEmpty())
        return {};
    return m_ownerNames.value(secret.ownerId, secret.ownerId);
}

int SecretModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_secrets.size());
}

int SecretModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SecretModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const secrets::Secret& s = m_secrets.at(index.row());
    const int column = index.column();
    const qint64 dueAt = column == RotationDue ? s.nextRotationAtMs : column == Expires ? s.expiresAtMs : 0;
    switch (role) {
    case IdRole:
        return s.id;
    case NameRole:
        return s.name;
    case DueRole:
        return int(dueState(s));
    case SortRole:
        switch (column) {
        case Version:
            return s.currentVersion;
        case RotationDue:
        case Expires:
            // Nothing due sorts after every date.
            return dueAt > 0 ? dueAt : std::numeric_limits<qint64>::max();
        default:
            return data(index, Qt::DisplayRole).toString().toLower();
        }
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (column) {
        case Name:
            return s.name;
        case Tags:
            return s.tags.join(QStringLiteral(", "));
        case Description:
            return s.description;
        case Owner:
            return ownerText(s);
        case Version:
            return QString::number(s.currentVersion);
        case RotationDue:
            if (s.rotationDays <= 0)
                return role == Qt::AccessibleTextRole ? tr("No rotation period") : QString();
            return whenText(s.nextRotationAtMs);
        case Expires:
            if (s.expiresAtMs <= 0)
                return role == Qt::AccessibleTextRole ? tr("Does not expire") : QString();
            return stateAt(s.expiresAtMs) == DueState::Overdue ? tr("Expired %1").arg(dateText(s.expiresAtMs))
                                                               : whenText(s.expiresAtMs);
        default:
            return {};
        }
    case Qt::DecorationRole:
        // An icon beside the words, so the colour is never the only sign.
        if ((column == RotationDue || column == Expires) && stateAt(dueAt) == DueState::Overdue)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxWarning);
        if ((column == RotationDue || column == Expires) && stateAt(dueAt) == DueState::Soon)
            return QApplication::style()->standardIcon(QStyle::SP_MessageBoxInformation);
        return {};
    case Qt::ForegroundRole:
        if (column == RotationDue || column == Expires) {
            // Lighter shades on a dark base, so the words keep their contrast.
            const bool dark = QApplication::palette().color(QPalette::Base).lightness() < 128;
            if (stateAt(dueAt) == DueState::Overdue)
                return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xc6, 0x28, 0x28);
            if (stateAt(dueAt) == DueState::Soon)
                return dark ? QColor(0xff, 0xc1, 0x07) : QColor(0xa8, 0x5a, 0x00);
        }
        return {};
    case Qt::TextAlignmentRole:
        if (column == Version)
            return int(Qt::AlignRight | Qt::AlignVCenter);
        return {};
    case Qt::ToolTipRole:
        switch (column) {
        case Version:
            return tr("Version %1 is current; up to %n version(s) are kept. Versions… lists them.", nullptr,
                      s.keepVersions)
                .arg(s.currentVersion);
        case RotationDue:
            return s.rotationDays > 0 ? tr("Rotated every %n day(s)", nullptr, s.rotationDays)
                                      : tr("No rotation period");
        case Owner:
            return s.ownerId;
        case Description:
            return s.description;
        default:
            return {};
        }
    default:
        return {};
    }
}

QVariant SecretModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Name:
        return tr("Name");
    case Tags:
        return tr("Tags");
    case Description:
        return tr("Description");
    case Owner:
        return tr("Owner");
    case Version:
        return tr("Version");
    case RotationDue:
        return tr("Rotation due");
    case Expires:
        return tr("Expires");
    default:
        return {};
    }
}

// --- versions ---------------------------------------------------------------------------------------------

SecretVersionModel::SecretVersionModel(QObject* parent) : QAbstractTableModel(parent) {}

void SecretVersionModel::setVersions(QList<secrets::SecretVersion> versions, int currentVersion)
{
    beginResetModel();
    m_versions = std::move(versions);
    m_current = currentVersion;
    endResetModel();
}

void SecretVersionModel::setCreatorNames(QHash<QString, QString> names)
{
    m_creatorNames = std::move(names);
    if (!m_versions.isEmpty())
        emit dataChanged(index(0, CreatedBy), index(rowCount() - 1, CreatedBy));
}

void SecretVersionModel::clear()
{
    if (m_versions.isEmpty())
        return;
    beginResetModel();
    m_versions.clear();
    m_current = 0;
    endResetModel();
}

const secrets::SecretVersion* SecretVersionModel::versionAt(int row) const
{
    return row >= 0 && row < m_versions.size() ? &m_versions.at(row) : nullptr;
}

int SecretVersionModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_versions.size());
}

int SecretVersionModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant SecretVersionModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const secrets::SecretVersion& v = m_versions.at(index.row());
    switch (role) {
    case VersionRole:
        return v.version;
    case DestroyedRole:
        return v.destroyedAtMs > 0;
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (index.column()) {
        case Version:
            return QString::number(v.version);
        case Created:
            return QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.createdAtMs), QLocale::ShortFormat);
        case CreatedBy:
            return m_creatorNames.value(v.createdBy, v.createdBy);
        case State:
            if (v.destroyedAtMs > 0)
                return tr("Destroyed %1")
                    .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(v.destroyedAtMs), QLocale::ShortFormat));
            return v.version == m_current ? tr("Current") : tr("Kept");
        default:
            return {};
        }
    case Qt::FontRole:
        if (v.version == m_current) {
            QFont bold;
            bold.setBold(true);
            return bold;
        }
        return {};
    default:
        return {};
    }
}

QVariant SecretVersionModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case Version:
        return tr("Version");
    case Created:
        return tr("Created");
    case CreatedBy:
        return tr("Created by");
    case State:
        return tr("State");
    default:
        return {};
    }
}

} // namespace gatehouse::ui
