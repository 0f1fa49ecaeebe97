#include "AuditEventModel.h"

#include <QApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QStyle>

#include <algorithm>

namespace gatehouse::ui {

quint32 StringPool::intern(const QString& s)
{
    if (s.isEmpty())
        return 0;
    auto it = m_ids.constFind(s);
    if (it != m_ids.constEnd())
        return it.value();
    const auto id = quint32(m_strings.size());
    m_strings.append(s);
    m_ids.insert(s, id);
    return id;
}

void StringPool::clear()
{
    m_ids.clear();
    m_strings.clear();
    m_strings.append(QString());
}

AuditEventModel::AuditEventModel(QObject* parent) : QAbstractTableModel(parent), m_long(4096)
{
    // Armed by the first queued event: whatever arrives before the event loop turns goes in with it.
    m_flushTimer.setSingleShot(true);
    m_flushTimer.setInterval(0);
    connect(&m_flushTimer, &QTimer::timeout, this, &AuditEventModel::flush);
    if (auto* style = QApplication::style()) {
        m_icons[int(OutcomeKind::Success)] = style->standardIcon(QStyle::SP_DialogApplyButton);
        m_icons[int(OutcomeKind::Denied)] = style->standardIcon(QStyle::SP_MessageBoxWarning);
        m_icons[int(OutcomeKind::Error)] = style->standardIcon(QStyle::SP_MessageBoxCritical);
        m_icons[int(OutcomeKind::Other)] = style->standardIcon(QStyle::SP_MessageBoxQuestion);
    }
}

AuditEventModel::~AuditEventModel() = default;

int AuditEventModel::rowCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int AuditEventModel::columnCount(const QModelIndex& parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QString AuditEventModel::requestId(const Row& r) const
{
    if (r.requestLength == 0)
        return {};
    return QString(reinterpret_cast<const QChar*>(m_requestIds.data() + r.requestOffset), r.requestLength);
}

QString AuditEventModel::outcomeWord(OutcomeKind o) const
{
    switch (o) {
    case OutcomeKind::Success:
        return tr("success");
    case OutcomeKind::Denied:
        return tr("denied");
    case OutcomeKind::Error:
        return tr("error");
    case OutcomeKind::Other:
        break;
    }
    return tr("other");
}

QVariant AuditEventModel::data(const QModelIndex& index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const Row& r = rowAt(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case Qt::AccessibleTextRole:
        switch (Column(index.column())) {
        case Time:
            return QDateTime::fromMSecsSinceEpoch(r.timeMs).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss.zzz"));
        case Outcome:
            return outcomeWord(r.outcome);
        case Action:
            return m_pool.at(r.action);
        case Actor:
            return m_pool.at(r.actorName).isEmpty() ? m_pool.at(r.actorId) : m_pool.at(r.actorName);
        case Target:
            return m_pool.at(r.targetKind).isEmpty()
                       ? m_pool.at(r.targetId)
                       : m_pool.at(r.targetKind) + QLatin1Char(' ') + m_pool.at(r.targetId);
        case Workspace:
            return m_pool.at(r.workspace);
        case Address:
            return m_pool.at(r.address);
        case RequestId:
            return requestId(r);
        case ColumnCount:
            break;
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() == Outcome)
            return m_icons[int(r.outcome)];
        return {};
    case Qt::ToolTipRole:
        if (index.column() == Actor)
            return m_pool.at(r.actorKind) + QLatin1Char(' ') + m_pool.at(r.actorId);
        return {};
    case SeqRole:
        return r.seq;
    case TimeMsRole:
        return r.timeMs;
    case OutcomeRole:
        return r.outcome == OutcomeKind::Success  ? QStringLiteral("success")
               : r.outcome == OutcomeKind::Denied ? QStringLiteral("denied")
               : r.outcome == OutcomeKind::Error  ? QStringLiteral("error")
                                                  : QString();
    case ActorIdRole:
        return m_pool.at(r.actorId);
    case TargetIdRole:
        return m_pool.at(r.targetId);
    case RequestIdRole:
        return requestId(r);
    default:
        return {};
    }
}

QVariant AuditEventModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (Column(section)) {
    case Time:
        return tr("Time");
    case Outcome:
        return tr("Outcome");
    case Action:
        return tr("Action");
    case Actor:
        return tr("Actor");
    case Target:
        return tr("Target");
    case Workspace:
        return tr("Workspace");
    case Address:
        return tr("Address");
    case RequestId:
        return tr("Request");
    case ColumnCount:
        break;
    }
    return {};
}

bool AuditEventModel::canFetchMore(const QModelIndex& parent) const
{
    // The view asks at its bottom end: older events are there only when the newest come first.
    return !parent.isValid() && m_newestFirst && m_nextBeforeSeq > 0 && !m_fetching;
}

void AuditEventModel::fetchMore(const QModelIndex& parent)
{
    if (!parent.isValid())
        requestOlder();
}

void AuditEventModel::requestOlder()
{
    if (m_fetching || m_nextBeforeSeq <= 0)
        return;
    m_fetching = true;
    emit olderRequested(m_nextBeforeSeq);
}

void AuditEventModel::clear()
{
    beginResetModel();
    m_rows.clear();
    m_pending.clear();
    m_requestIds.clear();
    m_requestIds.shrink_to_fit();
    m_pool.clear();
    m_long.clear();
    m_nextBeforeSeq = 0;
    m_fetching = false;
    m_flushTimer.stop();
    endResetModel();
    emit pendingChanged(0);
}

void AuditEventModel::setNewestFirst(bool on)
{
    if (on == m_newestFirst)
        return;
    // Every row moves: one layout change, the views' persistent indexes (selection, current) follow their rows.
    emit layoutAboutToBeChanged();
    const QModelIndexList before = persistentIndexList();
    const int n = int(m_rows.size());
    QModelIndexList after;
    after.reserve(before.size());
    for (const QModelIndex& i : before)
        after << index(n - 1 - i.row(), i.column());
    m_newestFirst = on;
    changePersistentIndexList(before, after);
    emit layoutChanged();
}

AuditEventModel::Row AuditEventModel::compact(const audit::AuditEvent& e)
{
    Row r{};
    r.seq = e.seq;
    r.timeMs = e.timeMs;
    r.tenant = m_pool.intern(e.tenantId);
    r.workspace = m_pool.intern(e.workspaceId);
    r.actorKind = m_pool.intern(e.actorKind);
    r.actorId = m_pool.intern(e.actorId);
    r.actorName = m_pool.intern(e.actorName);
    r.action = m_pool.intern(e.action);
    r.targetKind = m_pool.intern(e.targetKind);
    r.targetId = m_pool.intern(e.targetId);
    r.reason = m_pool.intern(e.reason);
    r.source = m_pool.intern(e.source);
    r.address = m_pool.intern(e.address);
    const QString request = e.requestId.left(0xffff);
    r.requestOffset = quint32(m_requestIds.size());
    r.requestLength = quint16(request.size());
    m_requestIds.insert(m_requestIds.end(), request.utf16(), request.utf16() + request.size());
    r.outcome = e.outcome == QLatin1String("success")  ? OutcomeKind::Success
                : e.outcome == QLatin1String("denied") ? OutcomeKind::Denied
                : e.outcome == QLatin1String("error")  ? OutcomeKind::Error
                                                       : OutcomeKind::Other;
    remember(e);
    return r;
}

void AuditEventModel::remember(const audit::AuditEvent& e)
{
    QByteArray details = e.detailsJson;
    if (details.isEmpty() && !e.details.isEmpty())
        details = QJsonDocument(e.details).toJson(QJsonDocument::Compact);
    m_long.insert(e.seq, new LongText{details, e.hash, e.prevHash});
}

void AuditEventModel::addOlder(const QList<audit::AuditEvent>& newestFirst, qint64 nextBeforeSeq)
{
    m_fetching = false;
    const qint64 oldest = m_rows.empty() ? std::numeric_limits<qint64>::max() : m_rows.front().seq;
    std::vector<Row> rows;
    rows.reserve(size_t(newestFirst.size()));
    for (const audit::AuditEvent& e : newestFirst) {
        if (e.seq < oldest && (rows.empty() || e.seq < rows.back().seq))
            rows.push_back(compact(e));
    }
    m_nextBeforeSeq = nextBeforeSeq;
    if (rows.empty())
        return;
    const int n = int(m_rows.size());
    const int k = int(rows.size());
    if (m_newestFirst)
        beginInsertRows({}, n, n + k - 1);
    else
        beginInsertRows({}, 0, k - 1);
    for (const Row& r : rows)
        m_rows.push_front(r);
    endInsertRows();
}

qint64 AuditEventModel::newestSeq() const
{
    if (!m_pending.empty())
        return m_pending.back().seq;
    return m_rows.empty() ? 0 : m_rows.back().seq;
}

void AuditEventModel::addNewer(const QList<audit::AuditEvent>& oldestFirst)
{
    qint64 newest = newestSeq();
    const size_t before = m_pending.size();
    for (const audit::AuditEvent& e : oldestFirst) {
        if (e.seq <= newest)
            continue;
        m_pending.push_back(compact(e));
        newest = e.seq;
    }
    if (m_pending.size() == before)
        return;
    if (m_paused)
        emit pendingChanged(int(m_pending.size()));
    else if (!m_flushTimer.isActive())
        m_flushTimer.start();
}

void AuditEventModel::flush()
{
    m_flushTimer.stop();
    if (m_pending.empty())
        return;
    const int n = int(m_rows.size());
    const int k = int(m_pending.size());
    if (m_newestFirst)
        beginInsertRows({}, 0, k - 1);
    else
        beginInsertRows({}, n, n + k - 1);
    m_rows.insert(m_rows.end(), m_pending.begin(), m_pending.end());
    m_pending.clear();
    endInsertRows();
    emit pendingChanged(0);
    emit newerInserted(k);
}

void AuditEventModel::setPaused(bool paused)
{
    if (paused == m_paused)
        return;
    m_paused = paused;
    if (!paused)
        flush();
}

qint64 AuditEventModel::seqAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return 0;
    return rowAt(row).seq;
}

int AuditEventModel::rowOfSeq(qint64 seq) const
{
    auto it = std::lower_bound(m_rows.begin(), m_rows.end(), seq, [](const Row& r, qint64 s) { return r.seq < s; });
    if (it == m_rows.end() || it->seq != seq)
        return -1;
    const int i = int(it - m_rows.begin());
    return m_newestFirst ? int(m_rows.size()) - 1 - i : i;
}

std::optional<audit::AuditEvent> AuditEventModel::eventAt(int row) const
{
    if (row < 0 || row >= int(m_rows.size()))
        return std::nullopt;
    const Row& r = rowAt(row);
    const LongText* text = m_long.object(r.seq);
    if (!text)
        return std::nullopt;
    audit::AuditEvent e;
    e.seq = r.seq;
    e.timeMs = r.timeMs;
    e.tenantId = m_pool.at(r.tenant);
    e.workspaceId = m_pool.at(r.workspace);
    e.actorKind = m_pool.at(r.actorKind);
    e.actorId = m_pool.at(r.actorId);
    e.actorName = m_pool.at(r.actorName);
    e.action = m_pool.at(r.action);
    e.targetKind = m_pool.at(r.targetKind);
    e.targetId = m_pool.at(r.targetId);
    e.outcome = data(index(row, 0), OutcomeRole).toString();
    e.reason = m_pool.at(r.reason);
    e.source = m_pool.at(r.source);
    e.address = m_pool.at(r.address);
    e.requestId = requestId(r);
    e.detailsJson = text->detailsJson;
    e.details = QJsonDocument::fromJson(text->detailsJson).object();
    e.hash = text->hash;
    e.prevHash = text->prevHash;
    return e;
}

} // namespace gatehouse::ui
