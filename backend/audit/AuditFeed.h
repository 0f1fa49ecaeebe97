#pragma once

#include "AuditEvent.h"
#include "core/Result.h"

#include <QList>
#include <QMutex>

#include <deque>
#include <functional>
#include <memory>

namespace gatehouse::audit {

class AuditFeed;

// Which events a subscriber may see: one tenant's, the platform's, or (the local system) all of them.
struct FeedScope
{
    enum class Kind { Tenant, Platform, All };
    Kind kind = Kind::Tenant;
    QString tenantId;

    bool covers(const AuditEvent& e) const
    {
        return kind == Kind::All || (kind == Kind::Platform ? e.tenantId.isEmpty() : e.tenantId == tenantId);
    }
};

// One follower of the audit trail. It receives committed events in sequence order without gaps: first the
// history after the sequence number it resumes from, then live events. It never blocks the writers: if it lets
// more than its bound pile up, it is dropped and told where to resume.
class AuditSubscription
{
public:
    // The next events in order (at most `max`); empty when there is nothing new yet.
    QList<AuditEvent> take(int max = 500);
    bool fellBehind() const;
    // After fellBehind(): subscribe again after this sequence number to continue without a gap.
    qint64 resumeAfter() const;

private:
    friend class AuditFeed;
    enum class State { CatchingUp, Live, Dropped };

    AuditFeed* m_feed = nullptr;
    FeedScope m_scope;
    std::function<void()> m_notify;
    int m_maxQueued = 10000;

    mutable QMutex m_mutex;
    State m_state = State::CatchingUp;
    qint64 m_delivered = 0;    // the last sequence number handed out (or resumed from)
    bool m_overflowed = false; // live events were dropped while catching up: read history once more
    std::deque<AuditEvent> m_queue;
};

// Fans committed audit events out to subscribers (the console's live view, the API's event stream).
class AuditFeed
{
public:
    // Reads committed events of a scope after a sequence number, oldest first.
    using History = std::function<Result<QList<AuditEvent>>(qint64 afterSeq, const FeedScope& scope, int limit)>;

    explicit AuditFeed(History history) : m_history(std::move(history)) {}

    std::shared_ptr<AuditSubscription> subscribe(qint64 afterSeq, const FeedScope& scope, std::function<void()> notify,
                                                 int maxQueued = 10000);
    void unsubscribe(const std::shared_ptr<AuditSubscription>& subscription);
    // Called once per commit, in commit order, with the events that commit made durable.
    void publish(const QList<AuditEvent>& committed);
    int subscriberCount() const;

private:
    friend class AuditSubscription;
    static constexpr int kHistoryPage = 1000;

    History m_history;
    mutable QMutex m_mutex;
    QList<std::shared_ptr<AuditSubscription>> m_subscribers;
};

} // namespace gatehouse::audit
