#include "Forwarder.h"

#include "ForwardState.h"

#include "SyslogLink.h"
#include "SyslogMessage.h"
#include "audit/AuditLog.h"
#include "core/Logging.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QRandomGenerator>

#include <csignal>
#include <ctime>
#include <deque>
#include <pthread.h>

namespace gatehouse::forward {

namespace {

qint64 monotonicMs()
{
    timespec ts{};
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return qint64(ts.tv_sec) * 1000 + ts.tv_nsec / 1'000'000;
}

qint64 wallMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

// A write to a connection the collector closed raises SIGPIPE; this thread takes it as an error instead.
void blockBrokenPipe()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &set, nullptr);
}

void discardBrokenPipe()
{
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGPIPE);
    timespec zero{};
    while (sigtimedwait(&set, nullptr, &zero) == SIGPIPE) {
    }
}

// How often a moving cursor is written to the store at most (a stop or a state change writes it at once).
constexpr qint64 kPersistEveryMs = 200;
// How often the destinations are read again without being told.
constexpr qint64 kReloadEveryMs = 5000;
// How long one destination is served before the others get their turn.
constexpr qint64 kTurnMs = 200;

} // namespace

struct Forwarder::Link
{
    Destination destination;
    std::unique_ptr<SyslogLink> connection;
    qint64 cursor = 0; // the newest event the collector took
    qint64 persistedCursor = -1;
    qint64 sent = 0;         // the newest event read and written on this connection
    qint64 bytesWritten = 0; // on this connection
    struct Flight
    {
        qint64 seq;
        qint64 endBytes;
        qint64 ackedAtMs = -1;
    };
    std::deque<Flight> inFlight;
    int attempts = 0;
    qint64 nextAttemptMs = 0;
    bool connected = false;
    QString lastError;
    qint64 lastErrorAtMs = 0;
    qint64 lastDeliveredAtMs = 0;
    qint64 unreachableSinceMs = 0;
    bool alarmed = false;
    bool dirty = true; // state other than the cursor changed
    qint64 persistedAtMs = 0;
};

Forwarder::Forwarder(Config config) : m_config(std::move(config)), m_hostname(syslogHostname()) {}

Forwarder::~Forwarder()
{
    stop();
}

Result<std::unique_ptr<Forwarder>> Forwarder::open(Config config)
{
    std::unique_ptr<Forwarder> f(new Forwarder(std::move(config)));
    auto db = store::Database::open(f->m_config.logPath, f->m_config.logKey, store::Database::OpenMode::OpenExisting);
    if (!db)
        return db.error();
    f->m_db = std::move(db).value();
    auto state = openState(f->m_config.statePath, f->m_config.stateKey, true);
    if (!state)
        return state.error();
    f->m_state = std::move(state).value();
    return f;
}

void Forwarder::start()
{
    QMutexLocker lock(&m_mutex);
    if (m_thread.joinable())
        return;
    m_stop = false;
    m_thread = std::thread([this] { run(); });
}

void Forwarder::stop()
{
    {
        QMutexLocker lock(&m_mutex);
        if (!m_thread.joinable())
            return;
        m_stop = true;
        m_wake.wakeAll();
    }
    m_thread.join();
}

void Forwarder::reload()
{
    QMutexLocker lock(&m_mutex);
    m_reload = true;
    m_wake.wakeAll();
}

void Forwarder::notify(qint64 logSeq)
{
    qint64 known = m_logSeq.load();
    while (logSeq > known && !m_logSeq.compare_exchange_weak(known, logSeq)) {
    }
    QMutexLocker lock(&m_mutex);
    m_wake.wakeAll();
}

Forwarder::Figures Forwarder::figures() const
{
    QMutexLocker lock(&m_mutex);
    return m_figures;
}

void Forwarder::loadLinks(std::vector<std::unique_ptr<Link>>& links)
{
    for (auto& link : links)
        persist(*link, true);
    auto destinations = loadDestinations(*m_db, nullptr, true, true);
    if (!destinations) {
        qCWarning(lcStore) << "cannot read the forwarding destinations:" << destinations.error().message;
        return;
    }
    std::vector<std::unique_ptr<Link>> next;
    for (const Destination& d : destinations.value()) {
        auto same = std::find_if(links.begin(), links.end(), [&](const auto& l) {
            return l && l->destination.id == d.id && l->destination.updatedAtMs == d.updatedAtMs;
        });
        if (same != links.end()) {
            next.push_back(std::move(*same));
            continue;
        }
        auto link = std::make_unique<Link>();
        link->destination = d;
        link->cursor = d.startSeq;
        auto s = store::sql::query(*m_state,
                                   "SELECT cursor_seq, last_error, last_error_at, last_delivered_at, "
                                   "unreachable_since, alarmed FROM forward_state WHERE destination_id = ?;",
                                   d.id);
        if (s) {
            auto row = s.value().step();
            if (row && row.value()) {
                link->cursor = std::max(d.startSeq, s.value().int64(0));
                link->lastError = s.value().text(1);
                link->lastErrorAtMs = s.value().int64(2);
                link->lastDeliveredAtMs = s.value().int64(3);
                link->unreachableSinceMs = s.value().int64(4);
                link->alarmed = s.value().int64(5) != 0;
            }
        }
        link->persistedCursor = link->cursor;
        link->sent = link->cursor;
        next.push_back(std::move(link));
    }
    links = std::move(next);
}

void Forwarder::persist(Link& link, bool force)
{
    const qint64 mono = monotonicMs();
    const bool moved = link.cursor != link.persistedCursor;
    if (!link.dirty && !moved)
        return;
    if (!force && !link.dirty && mono - link.persistedAtMs < kPersistEveryMs)
        return;
    auto r =
        store::sql::run(*m_state,
                        "INSERT OR REPLACE INTO forward_state (destination_id, cursor_seq, connected, last_error, "
                        "last_error_at, last_delivered_at, unreachable_since, alarmed, updated_at) VALUES (?, ?, ?, "
                        "?, ?, ?, ?, ?, ?);",
                        link.destination.id, link.cursor, link.connected, link.lastError, link.lastErrorAtMs,
                        link.lastDeliveredAtMs, link.unreachableSinceMs, link.alarmed, wallMs());
    if (!r) {
        qCWarning(lcStore) << "cannot record forwarding progress (retried):" << r.error().message;
        return;
    }
    link.persistedCursor = link.cursor;
    link.persistedAtMs = mono;
    link.dirty = false;
}

void Forwarder::fail(Link& link, const QString& problem)
{
    discardBrokenPipe();
    const qint64 now = wallMs();
    if (link.connected || link.attempts == 0)
        qCWarning(lcStore).noquote() << "audit forwarding to" << link.destination.name << ":" << problem;
    link.connection.reset();
    link.inFlight.clear();
    link.connected = false;
    link.lastError = problem;
    link.lastErrorAtMs = now;
    if (link.unreachableSinceMs == 0)
        link.unreachableSinceMs = now;
    ++link.attempts;
    // Exponential back-off with jitter (half to one and a half times the step), so many Gatehouse servers behind
    // one collector do not come back in step.
    const qint64 step = std::min(m_config.backoffMaxMs, m_config.backoffMinMs << std::min(link.attempts - 1, 20));
    const double jitter = 0.5 + QRandomGenerator::global()->generateDouble();
    link.nextAttemptMs = monotonicMs() + std::min<qint64>(m_config.backoffMaxMs, qint64(double(step) * jitter));
    link.dirty = true;
    {
        QMutexLocker lock(&m_mutex);
        ++m_figures.failures;
    }
    persist(link, true);
}

qint64 Forwarder::service(Link& link)
{
    const qint64 mono = monotonicMs();
    if (!link.connection) {
        const qint64 now = wallMs();
        if (!link.alarmed && link.unreachableSinceMs > 0 &&
            now - link.unreachableSinceMs >= link.destination.alarmAfterMs) {
            link.alarmed = true;
            link.dirty = true;
            persist(link, true);
            if (m_config.onAlarm)
                m_config.onAlarm(link.destination, true, now - link.unreachableSinceMs, link.lastError);
        }
        if (mono < link.nextAttemptMs)
            return link.nextAttemptMs;
        auto opened = SyslogLink::open(link.destination, m_config.connectTimeoutMs);
        if (!opened) {
            fail(link, opened.error().message);
            return link.nextAttemptMs;
        }
        link.connection = std::move(opened).value();
        link.connected = true;
        link.attempts = 0;
        link.sent = link.cursor;
        link.bytesWritten = 0;
        link.inFlight.clear();
        const qint64 downMs = link.unreachableSinceMs ? wallMs() - link.unreachableSinceMs : 0;
        link.unreachableSinceMs = 0;
        link.dirty = true;
        const bool wasAlarmed = std::exchange(link.alarmed, false);
        persist(link, true);
        {
            QMutexLocker lock(&m_mutex);
            ++m_figures.connections;
        }
        if (wasAlarmed && m_config.onAlarm)
            m_config.onAlarm(link.destination, false, downMs, link.lastError);
    }
    if (auto open = link.connection->checkOpen(); !open) {
        fail(link, open.error().message);
        return link.nextAttemptMs;
    }

    // Send what is new: the log read from the last event sent, the destination's scope picked out.
    audit::AuditLog log(*m_db);
    QElapsedTimer turn;
    turn.start();
    const bool platform = link.destination.tenantId.isEmpty();
    while (turn.elapsed() < kTurnMs) {
        auto events = log.after(link.sent, m_config.batchEvents);
        if (!events) {
            qCWarning(lcStore) << "audit forwarding cannot read the log:" << events.error().message;
            return mono + 1000;
        }
        // Only what is on the disk leaves: a collector never holds an event a power cut could take from the log.
        const qint64 durable = m_logSeq.load();
        const bool more = events.value().size() == m_config.batchEvents;
        while (!events.value().isEmpty() && events.value().back().seq > durable)
            events.value().removeLast();
        if (events.value().isEmpty())
            break;
        QByteArray frames;
        qint64 count = 0;
        for (const audit::AuditEvent& e : events.value()) {
            if (!platform && e.tenantId != link.destination.tenantId)
                continue;
            frames += syslogFrame(e, link.destination.format, m_hostname);
            ++count;
        }
        if (!frames.isEmpty()) {
            if (auto sent = link.connection->send(frames, m_config.sendTimeoutMs); !sent) {
                fail(link, sent.error().message);
                return link.nextAttemptMs;
            }
            link.bytesWritten += frames.size();
        }
        link.sent = events.value().back().seq;
        link.inFlight.push_back({link.sent, link.bytesWritten});
        {
            QMutexLocker lock(&m_mutex);
            m_figures.eventsSent += count;
        }
        if (!more || events.value().back().seq >= durable)
            break;
    }

    // Confirm what the collector took: acknowledged by its TCP, and the connection still open confirmMs later.
    qint64 wake = mono + 1000;
    if (!link.inFlight.empty()) {
        auto queued = link.connection->unacknowledged();
        if (!queued) {
            fail(link, queued.error().message);
            return link.nextAttemptMs;
        }
        const qint64 acknowledged = link.bytesWritten - queued.value();
        const qint64 now = monotonicMs();
        for (auto& f : link.inFlight) {
            if (f.ackedAtMs < 0 && f.endBytes <= acknowledged)
                f.ackedAtMs = now;
        }
        while (!link.inFlight.empty() && link.inFlight.front().ackedAtMs >= 0 &&
               now - link.inFlight.front().ackedAtMs >= m_config.confirmMs) {
            link.cursor = link.inFlight.front().seq;
            link.lastDeliveredAtMs = wallMs();
            link.inFlight.pop_front();
        }
        if (!link.inFlight.empty()) {
            const auto& front = link.inFlight.front();
            wake = front.ackedAtMs >= 0 ? front.ackedAtMs + m_config.confirmMs : now + 10;
        }
    }
    persist(link, false);
    if (link.cursor != link.persistedCursor)
        wake = std::min(wake, link.persistedAtMs + kPersistEveryMs);
    return wake;
}

void Forwarder::run()
{
    blockBrokenPipe();
    std::vector<std::unique_ptr<Link>> links;
    loadLinks(links);
    qint64 loadedAt = monotonicMs();
    for (;;) {
        // Another process (`gatehoused forwarding add`) may change the destinations: they are read again now and then.
        if (monotonicMs() - loadedAt >= kReloadEveryMs) {
            loadLinks(links);
            loadedAt = monotonicMs();
        }
        qint64 wake = monotonicMs() + 1000;
        for (auto& link : links)
            wake = std::min(wake, service(*link));
        QMutexLocker lock(&m_mutex);
        if (m_stop)
            break;
        if (m_reload) {
            m_reload = false;
            lock.unlock();
            loadLinks(links);
            loadedAt = monotonicMs();
            continue;
        }
        const qint64 left = wake - monotonicMs();
        if (left > 0) {
            // New events wake the thread only when a connection could take them at once.
            m_wake.wait(&m_mutex, QDeadlineTimer(left));
        }
        if (m_stop)
            break;
    }
    // What was confirmed is written; what was only sent is sent again after the next start.
    for (auto& link : links) {
        link->connected = false;
        link->dirty = true;
        persist(*link, true);
    }
}

} // namespace gatehouse::forward
