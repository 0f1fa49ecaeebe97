#pragma once

#include "audit/AuditEvent.h"

#include <QAbstractTableModel>
#include <QCache>
#include <QHash>
#include <QIcon>
#include <QStringList>
#include <QTimer>

#include <deque>
#include <optional>
#include <vector>

namespace gatehouse::ui {

// Strings that repeat (actions, actor names, targets, addresses) kept once; a row holds their numbers.
class StringPool
{
public:
    StringPool() { m_strings.append(QString()); }
    quint32 intern(const QString& s);
    const QString& at(quint32 id) const { return m_strings.at(id); }
    int size() const { return int(m_strings.size()); }
    void clear();

private:
    QHash<QString, quint32> m_ids;
    QList<QString> m_strings;
};

// The audit events the console has loaded, for a table that stays smooth at a million rows. The rows live outside
// Qt, in a compact store in chain order (a small fixed record per event, repeated strings as pool numbers); the
// long text of an event (details, hashes) is kept in a bounded cache and asked for again when it has gone. Live
// events are queued and inserted with one beginInsertRows per turn of the event loop, and wait while paused.
// Shown newest first (older pages are fetched as the view scrolls down) or oldest first.
class AuditEventModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Time, Outcome, Action, Actor, Target, Workspace, Address, RequestId, ColumnCount };
    enum Role {
        SeqRole = Qt::UserRole + 1, // qint64
        TimeMsRole,
        OutcomeRole, // "success", "denied", "error"
        ActorIdRole,
        TargetIdRole,
        RequestIdRole,
    };
    enum class OutcomeKind : quint8 { Success, Denied, Error, Other };

    explicit AuditEventModel(QObject* parent = nullptr);
    ~AuditEventModel() override;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    bool canFetchMore(const QModelIndex& parent) const override;
    void fetchMore(const QModelIndex& parent) override;

    void clear();
    bool newestFirst() const { return m_newestFirst; }
    void setNewestFirst(bool on);

    // A page of older events as the search answers it (newest first); `nextBeforeSeq` 0: nothing older.
    void addOlder(const QList<audit::AuditEvent>& newestFirst, qint64 nextBeforeSeq);
    // Asks for the next older page (olderRequested) unless one is on its way or there is none.
    void requestOlder();
    bool hasOlder() const { return m_nextBeforeSeq > 0; }
    // Newer events, in chain order; those at or below the newest held are ignored. Inserted at the next turn of
    // the event loop (all that arrived by then in one insertion), or kept waiting while paused.
    void addNewer(const QList<audit::AuditEvent>& oldestFirst);
    // Inserts what waits now.
    void flush();
    bool isPaused() const { return m_paused; }
    void setPaused(bool paused);
    int pendingCount() const { return int(m_pending.size()); }

    qint64 newestSeq() const;
    qint64 seqAt(int row) const;
    int rowOfSeq(qint64 seq) const; // -1 when not held
    // The event of a row, complete when its long text is still cached (else nullopt: ask the store again).
    std::optional<audit::AuditEvent> eventAt(int row) const;
    // Puts an event's long text back into the cache (after asking the store again).
    void remember(const audit::AuditEvent& event);
    // How many events' long text the cache keeps (default 4096).
    void setCacheSize(int events) { m_long.setMaxCost(events); }

signals:
    void olderRequested(qint64 beforeSeq);
    void pendingChanged(int count);
    // After each insertion of newer rows.
    void newerInserted(int count);

private:
    struct Row
    {
        qint64 seq;
        qint64 timeMs;
        quint32 tenant, workspace, actorKind, actorId, actorName, action, targetKind, targetId, reason, source, address;
        quint32 requestOffset;
        quint16 requestLength;
        OutcomeKind outcome;
    };
    struct LongText
    {
        QByteArray detailsJson;
        QByteArray hash;
        QByteArray prevHash;
    };

    Row compact(const audit::AuditEvent& e);
    const Row& rowAt(int row) const { return m_rows[m_newestFirst ? m_rows.size() - 1 - size_t(row) : size_t(row)]; }
    QString requestId(const Row& r) const;
    QString outcomeWord(OutcomeKind o) const;

    std::deque<Row> m_rows; // chain order, oldest first
    std::vector<Row> m_pending;
    std::vector<char16_t> m_requestIds; // one arena: request ids are unique, interning them would not pay
    StringPool m_pool;
    mutable QCache<qint64, LongText> m_long;
    QTimer m_flushTimer;
    qint64 m_nextBeforeSeq = 0;
    bool m_fetching = false;
    bool m_newestFirst = true;
    bool m_paused = false;
    QIcon m_icons[4];
};

} // namespace gatehouse::ui
