#include "AuditFeed.h"

namespace gatehouse::audit {

std::shared_ptr<AuditSubscription> AuditFeed::subscribe(qint64 afterSeq, const FeedScope& scope,
                                                        std::function<void()> notify, int maxQueued)
{
    auto s = std::make_shared<AuditSubscription>();
    s->m_feed = this;
    s->m_scope = scope;
    s->m_notify = std::move(notify);
    s->m_maxQueued = std::max(1, maxQueued);
    s->m_delivered = std::max<qint64>(0, afterSeq);
    QMutexLocker lock(&m_mutex);
    m_subscribers.append(s);
    return s;
}

void AuditFeed::unsubscribe(const std::shared_ptr<AuditSubscription>& subscription)
{
    QMutexLocker lock(&m_mutex);
    m_subscribers.removeAll(subscription);
}

int AuditFeed::subscriberCount() const
{
    QMutexLocker lock(&m_mutex);
    return int(m_subscribers.size());
}

void AuditFeed::publish(const QList<AuditEvent>& committed)
{
    if (committed.isEmpty())
        return;
    QList<std::shared_ptr<AuditSubscription>> targets;
    {
        QMutexLocker lock(&m_mutex);
        targets = m_subscribers;
    }
    for (const auto& s : targets) {
        bool wake = false;
        {
            QMutexLocker lock(&s->m_mutex);
            if (s->m_state == AuditSubscription::State::Dropped)
                continue;
            for (const AuditEvent& e : committed) {
                if (e.seq <= s->m_delivered || !s->m_scope.covers(e))
                    continue;
                if (int(s->m_queue.size()) >= s->m_maxQueued) {
                    if (s->m_state == AuditSubscription::State::CatchingUp) {
                        // History will bring them; remember to look again before going live.
                        s->m_queue.clear();
                        s->m_overflowed = true;
                        continue;
                    }
                    // A slow reader never holds up writers: it is cut loose and told where to resume.
                    s->m_state = AuditSubscription::State::Dropped;
                    s->m_queue.clear();
                    break;
                }
                s->m_queue.push_back(e);
            }
            wake = true;
        }
        if (wake && s->m_notify)
            s->m_notify();
    }
    QMutexLocker lock(&m_mutex);
    m_subscribers.removeIf([](const std::shared_ptr<AuditSubscription>& s) {
        QMutexLocker inner(&s->m_mutex);
        return s->m_state == AuditSubscription::State::Dropped;
    });
}

QList<AuditEvent> AuditSubscription::take(int max)
{
    QList<AuditEvent> out;
    for (;;) {
        State state;
        qint64 from;
        {
            QMutexLocker lock(&m_mutex);
            state = m_state;
            from = m_delivered;
            if (state == State::Dropped)
                return {};
            if (state == State::Live) {
                while (!m_queue.empty() && out.size() < max) {
                    if (m_queue.front().seq > m_delivered) {
                        m_delivered = m_queue.front().seq;
                        out << m_queue.front();
                    }
                    m_queue.pop_front();
                }
                return out;
            }
        }
        // Catching up: read the next page of history outside the lock (it may take the store's lock).
        const int limit = std::min(max - int(out.size()), AuditFeed::kHistoryPage);
        auto page = m_feed->m_history(from, m_scope, limit);
        if (!page)
            return out;
        QMutexLocker lock(&m_mutex);
        for (const AuditEvent& e : page.value()) {
            if (e.seq > m_delivered) {
                m_delivered = e.seq;
                out << e;
            }
        }
        if (page.value().size() < limit) {
            if (m_overflowed) {
                m_overflowed = false; // live events were lost from the queue: history once more
                continue;
            }
            m_state = State::Live;
            continue; // hand out what queued up meanwhile (duplicates are skipped by seq)
        }
        if (int(out.size()) >= max)
            return out;
    }
}

bool AuditSubscription::fellBehind() const
{
    QMutexLocker lock(&m_mutex);
    return m_state == State::Dropped;
}

qint64 AuditSubscription::resumeAfter() const
{
    QMutexLocker lock(&m_mutex);
    return m_delivered;
}

} // namespace gatehouse::audit
