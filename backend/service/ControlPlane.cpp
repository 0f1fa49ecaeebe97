#include "ControlPlaneInternals.h"
#include "OperationCatalog.h"

#include "audit/AuditLog.h"
#include "core/Logging.h"
#include "crypto/Digest.h"
#include "crypto/PasswordHasher.h"
#include "identity/TokenCodec.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <sqlite3.h>

#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>
#include <QScopeGuard>

#include <algorithm>

#include <openssl/crypto.h>

namespace gatehouse::service {

using authz::Permission;

Error notFound(const QString& what)
{
    return makeError(ErrorCode::NotFound, QStringLiteral("%1 not found").arg(what));
}

Result<void> checkName(const QString& value, const QString& what)
{
    static const QRegularExpression re(QStringLiteral("^[a-z0-9][a-z0-9._-]{1,62}$"));
    if (!re.match(value).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 must be 2 to 63 lower-case letters, digits, '.', '_' or '-', starting "
                                        "with a letter or digit")
                             .arg(what));
    return {};
}

Result<void> checkDisplayName(const QString& value, const QString& what)
{
    const QString trimmed = value.trimmed();
    const bool control =
        std::any_of(value.begin(), value.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
    if (trimmed.isEmpty() || value.size() > 200 || control)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the %1 must be 1 to 200 characters without control characters").arg(what));
    return {};
}

Result<void> checkEmail(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$"));
    if (value.isEmpty())
        return {};
    if (value.size() > 254 || !re.match(value).hasMatch())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the email address is not valid"));
    return {};
}

bool looksLikeId(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9][A-Za-z0-9._:-]{0,63}$"));
    return re.match(value).hasMatch();
}

bool looksLikeSecretName(const QString& value)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$"));
    return value.size() <= 200 && re.match(value).hasMatch();
}

ControlPlane::Operation& ControlPlane::Operation::name(const char* key, const QString& value, Shape shape)
{
    if (value.isEmpty())
        return *this;
    bool ok = false;
    switch (shape) {
    case Shape::Slug:
        ok = checkName(value, {}).ok();
        break;
    case Shape::SecretPath:
        ok = looksLikeSecretName(value);
        break;
    case Shape::Id:
        ok = looksLikeId(value);
        break;
    }
    if (ok)
        named.insert(QLatin1String(key), value);
    else
        named.insert(QLatin1String(key) + QLatin1String("_invalid"), true);
    return *this;
}

namespace {

// How finely session and token activity is recorded.
constexpr qint64 kActivityGrainMs = 60'000;

// A stable, short reason code for the audit trail.
QString reasonFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::NotFound:
        return QStringLiteral("not_found");
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return QStringLiteral("conflict");
    case ErrorCode::InvalidArgument:
        return QStringLiteral("invalid_argument");
    case ErrorCode::Forbidden:
        return QStringLiteral("forbidden");
    case ErrorCode::Unauthenticated:
        return QStringLiteral("unauthenticated");
    case ErrorCode::RateLimited:
        return QStringLiteral("throttled");
    case ErrorCode::DiskFull:
        return QStringLiteral("disk_full");
    case ErrorCode::ReadOnly:
        return QStringLiteral("read_only");
    default:
        return QStringLiteral("internal");
    }
}

// What the holder of an ended session is told when they next use it.
QString sessionEndedMessage(const QString& why)
{
    static const QHash<QString, const char*> reasons{
        {QStringLiteral("credentials_changed"), "the account's password or authenticator was changed in another "
                                                "session"},
        {QStringLiteral("password_reset"), "an administrator reset the account's password"},
        {QStringLiteral("mfa_reset"), "an administrator reset the account's two-factor authentication"},
        {QStringLiteral("ended_by_administrator"), "an administrator ended the account's sessions"},
        {QStringLiteral("account_locked"), "the account was locked"},
        {QStringLiteral("account_disabled"), "the account was disabled"},
        {QStringLiteral("lockout"), "of too many wrong passwords"},
        {QStringLiteral("signed_out"), "it was signed out"},
    };
    const char* text = reasons.value(why, nullptr);
    if (!text)
        return {};
    return QStringLiteral("this session was ended because %1; sign in again").arg(QLatin1String(text));
}

} // namespace

ControlPlane::ControlPlane(store::Store& store, Clock& clock)
    : m_store(store), m_db(store.database()), m_clock(clock), m_audit(m_db),
      m_feed([this](qint64 afterSeq, const audit::FeedScope& scope, int limit) -> Result<QList<audit::AuditEvent>> {
          // History for followers: read under the control plane's lock, so no commit is half-published.
          // Each page starts at `afterSeq` in the index, so following a long trail from its start costs its length.
          QMutexLocker lock(&m_mutex);
          if (scope.kind == audit::FeedScope::Kind::All)
              return m_audit.after(afterSeq, limit);
          return m_audit.after(afterSeq, limit,
                               scope.kind == audit::FeedScope::Kind::Platform ? QString() : scope.tenantId);
      })
{
    // Computed now, so the first sign-in of an unknown user costs no more than any other.
    (void)crypto::PasswordHasher::dummyHash();
}

ControlPlane::~ControlPlane()
{
    if (auto r = close(); !r)
        qCWarning(lcStore) << "the audit trail was not signed at close:" << r.error().message;
}

Result<void> ControlPlane::close()
{
    stopForwarding();
    stopCommitter();
    QMutexLocker lock(&m_mutex);
    closeAuditIndex();
    if (auto r = flushReadsLocked(); !r)
        return r;
    auto tx = store::Transaction::begin(m_db, store::Transaction::Mode::Immediate);
    if (!tx)
        return tx.error();
    const bool activity = writeActivity();
    // Signs the head unless it is signed already (unless load() never opened the signing key: then nothing was
    // appended through it).
    if (m_audit.canSign()) {
        if (auto signedHead = m_audit.checkpoint(m_clock.nowMs()); !signedHead)
            return signedHead.error();
    }
    auto r = tx.value().commit(); // synchronous FULL: everything before it is on the disk too
    if (r && activity) {
        m_sessionActivity.clear();
        m_tokenActivity.clear();
    }
    publishDurable(m_committedTicket);
    return r;
}

namespace {
// The innermost DeferredDurability of this thread.
thread_local ControlPlane::DeferredDurability* t_deferred = nullptr;
} // namespace

ControlPlane::DeferredDurability::DeferredDurability() : m_outer(t_deferred)
{
    t_deferred = this;
}

ControlPlane::DeferredDurability::~DeferredDurability()
{
    t_deferred = m_outer;
}

void ControlPlane::startCommitter()
{
    if (m_committer)
        return;
    m_stopCommitter = false;
    m_committer.reset(QThread::create([this] { committerLoop(); }));
    m_committer->setObjectName(QStringLiteral("audit-group-commit"));
    m_committer->start();
}

void ControlPlane::stopCommitter()
{
    if (!m_committer)
        return;
    {
        QMutexLocker lock(&m_mutex);
        m_stopCommitter = true;
        m_readQueued.wakeAll();
    }
    m_committer->wait();
    m_committer.reset();
}

Result<void> ControlPlane::flushReadAudit()
{
    qint64 target = 0, seq = 0;
    {
        QMutexLocker lock(&m_mutex);
        if (auto r = flushReadsLocked(); !r)
            return r;
        target = m_committedTicket;
        seq = m_unsyncedSeq;
    }
    if (isDurable(target))
        return {};
    auto synced = m_db.syncToDisk();
    publishDurable(target);
    QMutexLocker lock(&m_mutex);
    syncedThrough(seq);
    return synced;
}

void ControlPlane::syncedThrough(qint64 seq)
{
    if (seq <= m_syncedSeq)
        return;
    m_syncedSeq = seq;
    if (m_forwarder)
        m_forwarder->notify(seq);
}

void ControlPlane::committerLoop()
{
    QMutexLocker lock(&m_mutex);
    for (;;) {
        while (m_readBacklog.isEmpty() && m_committedTicket <= m_durableTicket.load() && !m_stopCommitter)
            m_readQueued.wait(&m_mutex);
        // No timer: whatever queued while the last group was being synced is the next group. In groups of at most
        // kGroup, letting calls in between, so the lock is never held for a long queue.
        constexpr qsizetype kGroup = 256;
        while (!m_readBacklog.isEmpty()) {
            (void)flushReadsLocked(kGroup);
            if (m_readBacklog.isEmpty())
                break;
            lock.unlock();
            QThread::yieldCurrentThread();
            lock.relock();
        }
        const qint64 target = m_committedTicket;
        if (target > m_durableTicket.load()) {
            const qint64 seq = m_unsyncedSeq;
            // The sync runs without the lock: calls go on, and their records form the next group meanwhile.
            lock.unlock();
            if (auto r = m_db.syncToDisk(); !r) {
                m_auditAvailable = false;
                qCWarning(lcStore) << "audit records committed but not synced:" << r.error().message;
            }
            publishDurable(target);
            lock.relock();
            syncedThrough(seq);
        }
        if (m_stopCommitter && m_readBacklog.isEmpty())
            break;
    }
    // The thread's OpenSSL state (SQLCipher's page encryption and the chain's hashing ran here) goes with it.
    lock.unlock();
    OPENSSL_thread_stop();
}

void ControlPlane::publishDurable(qint64 ticket)
{
    QMutexLocker lock(&m_durableMutex);
    if (ticket <= m_durableTicket.load())
        return;
    m_durableTicket.store(ticket);
    m_durableReached.wakeAll();
    const auto reached = std::remove_if(m_durableWaiters.begin(), m_durableWaiters.end(), [ticket](DurableWaiter& w) {
        if (w.ticket > ticket)
            return false;
        QMetaObject::invokeMethod(w.context, std::move(w.then), Qt::QueuedConnection);
        return true;
    });
    m_durableWaiters.erase(reached, m_durableWaiters.end());
}

void ControlPlane::awaitDurable(qint64 ticket)
{
    if (isDurable(ticket))
        return;
    QMutexLocker lock(&m_durableMutex);
    while (!isDurable(ticket))
        m_durableReached.wait(&m_durableMutex);
}

bool ControlPlane::whenDurable(qint64 ticket, QObject* context, std::function<void()> then)
{
    if (isDurable(ticket))
        return false;
    QMutexLocker lock(&m_durableMutex);
    if (isDurable(ticket))
        return false;
    m_durableWaiters.push_back({ticket, context, std::move(then)});
    return true;
}

void ControlPlane::forgetDurableWaits(QObject* context)
{
    QMutexLocker lock(&m_durableMutex);
    m_durableWaiters.erase(std::remove_if(m_durableWaiters.begin(), m_durableWaiters.end(),
                                          [context](const DurableWaiter& w) { return w.context == context; }),
                           m_durableWaiters.end());
}

Result<void> ControlPlane::flushReadsLocked(qsizetype most)
{
    if (m_readBacklog.isEmpty())
        return {};
    QList<audit::AuditEvent> batch;
    const qsizetype n = std::min(most, m_readBacklog.size());
    batch.reserve(n);
    for (qsizetype i = 0; i < n; ++i)
        batch.append(std::move(m_readBacklog[i].event));
    const qint64 last = m_readBacklog[n - 1].ticket;
    m_readBacklog.remove(0, n);
    // Committed without waiting for the disk; the committer syncs once the lock is released (or a change's
    // synchronous FULL commit does).
    (void)m_db.exec("PRAGMA synchronous = NORMAL;");
    m_relaxedCommit = true;
    const auto restore = qScopeGuard([this] {
        m_relaxedCommit = false;
        (void)m_db.exec("PRAGMA synchronous = FULL;");
    });
    const auto write = [&]() -> Result<void> {
        auto tx = store::Transaction::begin(m_db, store::Transaction::Mode::Immediate);
        if (!tx)
            return tx.error();
        if (auto a = appendEvents(batch); !a)
            return a;
        return commit(tx.value());
    };
    auto r = write();
    // Done with these tickets either way: their callers are answered once the sync is done.
    m_committedTicket = last;
    if (!r) {
        m_pending.clear();
        m_auditAvailable = false;
        qCWarning(lcStore) << "audit unavailable: served" << batch.size()
                           << "reads without their audit events:" << r.error().message;
    }
    return r;
}

Result<void> ControlPlane::load()
{
    QMutexLocker lock(&m_mutex);
    std::optional<store::Transaction> tx;
    {
        auto begun = store::Transaction::begin(m_db);
        if (!begun)
            return begun.error();
        tx.emplace(std::move(begun).value());
    }
    // An interrupted master-key rotation is finished before anything else reads a wrapped key.
    if (m_store.rotationPending()) {
        tx.reset();
        lock.unlock();
        if (auto r = completeRotation(Caller::system(Source::System)); !r)
            return r;
        lock.relock();
        auto again = store::Transaction::begin(m_db);
        if (!again)
            return again.error();
        tx.emplace(std::move(again).value());
    }
    auto wrapKey = m_store.deriveKey("gatehouse/audit-signing");
    if (!wrapKey)
        return wrapKey.error();
    if (auto r = m_audit.openSigningKey(wrapKey.value(), m_clock.nowMs()); !r)
        return r;
    auto tenantWrap = m_store.deriveKey("gatehouse/tenant-keys");
    if (!tenantWrap)
        return tenantWrap.error();
    m_keyRing.emplace(m_db, std::move(tenantWrap).value());
    auto fingerprintKey = m_store.deriveKey("gatehouse/audit-name-fingerprint");
    if (!fingerprintKey)
        return fingerprintKey.error();
    m_fingerprintKey = std::move(fingerprintKey).value();
    auto roles = sql::all(
        m_db,
        [](const store::Statement& s) {
            return authz::Role{s.text(0),
                               s.text(1),
                               s.text(2),
                               s.text(3),
                               authz::Level::Tenant,
                               authz::PermissionSet::parse(s.text(4).split(QLatin1Char(','), Qt::SkipEmptyParts))
                                   .value_or(authz::PermissionSet{}),
                               false};
        },
        "SELECT id, tenant_id, name, description, permissions FROM roles;");
    if (!roles)
        return roles.error();
    for (const authz::Role& r : roles.value())
        m_authorizer.putRole(r);
    auto bindings =
        sql::all(m_db, readBinding,
                 "SELECT id, tenant_id, identity_kind, identity_id, role_id, workspace_id, created_at FROM bindings;");
    if (!bindings)
        return bindings.error();
    for (const authz::Binding& b : bindings.value())
        m_authorizer.putBinding(b);
    if (auto r = tx->commit(); !r)
        return r;
    lock.unlock();
    startCommitter();
    lock.relock();
    return openAuditIndex();
}

Result<void> ControlPlane::openAuditIndex()
{
    closeAuditIndex();
    auto key = m_store.deriveKey("gatehouse/audit-index");
    auto logKey = m_store.databaseKey();
    if (!key || !logKey)
        return !key ? key.error() : logKey.error();
    audit::AuditIndex::Config config;
    config.path = m_store.auditIndexPath();
    config.key = std::move(key).value();
    config.logPath = m_db.path();
    config.logKey = std::move(logKey).value();
    config.storeId = m_store.config().storeId;
    auto index = audit::AuditIndex::open(std::move(config));
    if (!index) {
        // Derived data: without it every search reads the log (complete, only slower). The store itself is fine,
        // so Gatehouse runs on; the metric gatehouse_audit_index_available says so.
        qCWarning(lcStore) << "the audit index cannot be opened; searches read the log until it can:"
                           << index.error().message;
        return {};
    }
    m_index = std::move(index).value();
    m_audit.setIndex(m_index.get());
    auto last = m_audit.lastSeq();
    if (last)
        m_index->notify(last.value());
    m_index->start();
    return {};
}

void ControlPlane::closeAuditIndex()
{
    m_audit.setIndex(nullptr);
    m_index.reset();
}

QString ControlPlane::nameFingerprint(const QString& name) const
{
    return QString::fromLatin1(
        crypto::hmacSha256(QByteArrayView(m_fingerprintKey.data(), qsizetype(m_fingerprintKey.size())), name.toUtf8())
            .left(16)
            .toHex());
}

audit::AuditEvent ControlPlane::eventFor(const Caller& caller, const Principal* principal, const Operation& op) const
{
    audit::AuditEvent e;
    e.timeMs = m_clock.nowMs();
    e.tenantId = op.tenantId;
    e.workspaceId = op.workspaceId;
    // What an identity does to itself (sign out, who am I, its own password) is in its own tenant's trail.
    if (principal && op.selfService && op.tenantId.isEmpty())
        e.tenantId = principal->tenantId;
    if (principal) {
        e.actorKind = principal->kindName();
        e.actorId = principal->id;
        e.actorName = principal->name;
    } else {
        e.actorKind = QStringLiteral("anonymous");
    }
    e.action = op.action;
    e.targetKind = op.targetKind;
    // The target as the caller named it; an id that is not shaped like one is not recorded (it may be a value
    // pasted into the wrong field).
    e.details = op.named;
    if (looksLikeId(op.targetId))
        e.targetId = op.targetId;
    else if (!op.targetId.isEmpty())
        e.details.insert(QStringLiteral("target_id_invalid"), true);
    e.source = sourceName(caller.source);
    e.address = caller.address;
    e.requestId = caller.requestId;
    // The self-probe's calls are the platform's own doing: they go to the platform's trail (a tenant's reviewers
    // never see another tenant's ids in theirs), saying which tenant the probe acted as and what it tried.
    if (principal && principal->kind == Principal::Kind::Probe && caller.probe) {
        QJsonObject probe = caller.probe->attempt();
        probe.insert(QStringLiteral("as_tenant_id"), principal->tenantId);
        if (!e.workspaceId.isEmpty())
            probe.insert(QStringLiteral("workspace_id"), e.workspaceId);
        e.details.insert(QStringLiteral("probe"), probe);
        e.tenantId.clear();
        e.workspaceId.clear();
    }
    return e;
}

Result<void> ControlPlane::appendEvent(audit::AuditEvent& event)
{
    if (auto r = m_audit.append(event); !r)
        return auditAppendFailed(r.error());
    m_pending << event;
    return {};
}

Result<void> ControlPlane::appendEvents(QList<audit::AuditEvent>& events)
{
    if (auto r = m_audit.appendBatch(std::span<audit::AuditEvent>(events.data(), std::size_t(events.size()))); !r)
        return auditAppendFailed(r.error());
    m_pending << events;
    return {};
}

Error ControlPlane::auditAppendFailed(const Error& cause)
{
    m_auditAvailable = false;
    qCWarning(lcStore) << "audit append failed:" << cause.message;
    return makeError(ErrorCode::AuditUnavailable,
                     QStringLiteral("audit unavailable: the audit log cannot be written (%1); the operation was "
                                    "not applied")
                         .arg(cause.message));
}

Result<void> ControlPlane::commit(store::Transaction& tx)
{
    // Uses of sessions and tokens recorded since the last write go with this one.
    const bool activity = writeActivity();
    auto r = tx.commit();
    if (!r) {
        // The change and its audit event are written together, so a commit that fails is an audit failure too.
        m_pending.clear();
        m_auditAvailable = false;
        qCWarning(lcStore) << "commit failed:" << r.error().message;
        return makeError(ErrorCode::AuditUnavailable,
                         QStringLiteral("audit unavailable: the change and its audit event could not be written (%1); "
                                        "the operation was not applied")
                             .arg(r.error().message));
    }
    m_auditAvailable = true;
    if (activity) {
        m_sessionActivity.clear();
        m_tokenActivity.clear();
    }
    // A commit with synchronous FULL synced the log, and with it every record committed before.
    if (!m_relaxedCommit)
        publishDurable(m_committedTicket);
    const QList<audit::AuditEvent> committed = std::exchange(m_pending, {});
    m_feed.publish(committed);
    if (m_index && !committed.isEmpty())
        m_index->notify(committed.back().seq);
    if (!committed.isEmpty()) {
        if (m_relaxedCommit) {
            m_unsyncedSeq = committed.back().seq; // forwarded once the committer has synced it
        } else {
            m_syncedSeq = committed.back().seq;
            if (m_forwarder)
                m_forwarder->notify(m_syncedSeq);
        }
    }
    return {};
}

ControlPlane::Authentication ControlPlane::authenticate(const Caller& caller, qint64 now)
{
    Authentication a;
    // The self-probe's credential is good only while the probe that made it runs, and only in its own tenant.
    if (caller.probe) {
        if (!m_activeProbes.contains(caller.probe.get())) {
            a.reason = QStringLiteral("probe_not_running");
            return a;
        }
        Principal p;
        p.kind = Principal::Kind::Probe;
        p.id = QStringLiteral("probe");
        p.name = QStringLiteral("cross-tenant self-probe");
        p.tenantId = caller.probe->tenantId();
        a.principal = p;
        return a;
    }
    if (caller.localSystem) {
        Principal p;
        p.kind = Principal::Kind::System;
        p.id = QStringLiteral("system");
        p.name = QStringLiteral("local system");
        a.principal = p;
        return a;
    }
    if (caller.token.isEmpty()) {
        a.reason = QStringLiteral("no_credentials");
        return a;
    }
    const auto kind = identity::TokenCodec::parse(caller.token);
    if (!kind) {
        a.reason = QStringLiteral("malformed_token");
        return a;
    }
    const bool session = *kind == identity::TokenCodec::Kind::Session;
    const QByteArray hash = identity::TokenCodec::hashOf(caller.token);
    CachedCredential* found = credential(session, hash);
    // The cache and the index found it by hash; compare again in constant time so no code path depends on timing.
    const auto expected = session ? CachedCredential::Kind::Session : CachedCredential::Kind::Token;
    if (!found || found->kind != expected || found->hash.size() != 32 || hash.size() != 32 ||
        CRYPTO_memcmp(found->hash.constData(), hash.constData(), 32) != 0) {
        a.reason = QStringLiteral("unknown_token");
        return a;
    }
    const CachedCredential& c = *found;
    a.tenantId = c.tenantId;
    a.actorId = c.identityId;
    a.actorName = c.identityName;
    // Every rule is judged against `now` from the stored values, cached or not.
    if (session) {
        if (c.ended) {
            a.reason = QStringLiteral("session_ended");
            a.message = sessionEndedMessage(c.endReason);
        } else if (now >= c.expiresAtMs)
            a.reason = QStringLiteral("session_expired");
        else if (now - c.lastUsedAtMs >= c.idleLimitMs)
            a.reason = QStringLiteral("session_idle");
        else if (c.identityStatus != QLatin1String("active"))
            a.reason = QStringLiteral("account_") + c.identityStatus;
        else if (c.lockedUntilMs > now)
            a.reason = QStringLiteral("account_locked");
        else if (c.tenantStatus == QLatin1String("suspended"))
            a.reason = QStringLiteral("tenant_suspended");
    } else {
        if (c.ended)
            a.reason = QStringLiteral("token_revoked");
        else if (now >= c.expiresAtMs)
            a.reason = QStringLiteral("token_expired");
        else if (c.identityStatus != QLatin1String("active"))
            a.reason = QStringLiteral("integration_locked");
        else if (c.tenantStatus == QLatin1String("suspended"))
            a.reason = QStringLiteral("tenant_suspended");
        // A token of a certificate-bound integration is only good over a connection that presented that
        // certificate.
        else if (!c.certificatePin.isEmpty() && c.certificatePin != caller.clientCertificateSha256.toLower())
            a.reason = caller.clientCertificateSha256.isEmpty() ? QStringLiteral("certificate_required")
                                                                : QStringLiteral("certificate_mismatch");
    }
    if (!a.reason.isEmpty())
        return a;
    Principal p;
    if (session) {
        p.kind = Principal::Kind::User;
        p.sessionId = c.id;
        p.mfaEnrollmentOnly = c.mfaEnrollmentOnly;
    } else {
        p.kind = Principal::Kind::Integration;
        p.tokenId = c.id;
        p.tokenWorkspaceId = c.workspaceId;
    }
    p.id = c.identityId;
    p.tenantId = c.tenantId;
    p.name = c.identityName;
    noteActivity(*found, now);
    a.principal = p;
    return a;
}

CachedCredential* ControlPlane::credential(bool session, const QByteArray& hash)
{
    // The store is the source of truth: any commit that may have changed a row the cache holds (here or in another
    // connection or process) moves the store's change generation, and the cache forgets everything. So a sign-out,
    // a revocation, a lock, a suspension or a settings change is seen by the very next request.
    auto generation = m_db.changeGeneration();
    if (!generation)
        return nullptr;
    if (generation.value() != m_credentials.generation())
        m_credentials.reset(generation.value());
    if (CachedCredential* hit = m_credentials.find(hash))
        return hit;

    // Prepared once and kept, reset when done.
    const auto lookup = [this](std::unique_ptr<store::Statement>& slot, const char* text) -> store::Statement* {
        if (!slot) {
            auto s = m_db.prepare(text);
            if (!s)
                return nullptr;
            slot = std::make_unique<store::Statement>(std::move(s).value());
        }
        slot->reset();
        return slot.get();
    };
    store::Statement* s =
        session ? lookup(m_sessionLookup, "SELECT s.id, s.user_id, s.tenant_id, s.last_seen_at, s.expires_at, "
                                          "s.ended_at IS NOT NULL, s.mfa_enrollment_only, s.token_hash, u.username, "
                                          "u.status, u.locked_until, t.status, t.session_idle_s, s.end_reason "
                                          "FROM sessions s JOIN users u ON u.id = s.user_id "
                                          "JOIN tenants t ON t.id = s.tenant_id WHERE s.token_hash = ?;")
                : lookup(m_tokenLookup, "SELECT k.id, k.integration_id, k.tenant_id, coalesce(k.last_used_at, 0), "
                                        "k.expires_at, k.revoked_at IS NOT NULL, k.workspace_id, k.token_hash, "
                                        "i.name, i.status, 0, t.status, 0, i.client_cert_sha256 FROM api_tokens k "
                                        "JOIN integrations i ON i.id = k.integration_id "
                                        "JOIN tenants t ON t.id = k.tenant_id WHERE k.token_hash = ?;");
    const auto done = qScopeGuard([s] {
        if (s)
            s->reset();
    });
    if (!s || !s->bindBlob(1, hash).step().value())
        return nullptr;
    const store::Statement& r = *s;
    CachedCredential c;
    c.kind = session ? CachedCredential::Kind::Session : CachedCredential::Kind::Token;
    c.hash = r.blob(7);
    c.id = r.text(0);
    c.identityId = r.text(1);
    c.tenantId = r.text(2);
    c.lastUsedAtMs = r.int64(3);
    c.expiresAtMs = r.int64(4);
    c.ended = r.int64(5) != 0;
    c.identityName = r.text(8);
    c.identityStatus = r.text(9);
    c.lockedUntilMs = r.int64(10);
    c.tenantStatus = r.text(11);
    if (session) {
        c.mfaEnrollmentOnly = r.int64(6) != 0;
        c.idleLimitMs = r.int64(12) * 1000;
        c.endReason = r.text(13);
    } else {
        c.workspaceId = r.text(6);
        c.certificatePin = r.text(13);
    }
    // A use recorded but not written yet is newer than the stored one.
    const QHash<QString, qint64>& unwritten = session ? m_sessionActivity : m_tokenActivity;
    c.lastUsedAtMs = std::max(c.lastUsedAtMs, unwritten.value(c.id, 0));
    return &m_credentials.insert(std::move(c));
}

// Activity is recorded to the minute (kActivityGrainMs): the idle timeout (30 minutes by default) needs no finer
// grain, and a busy client does not turn every read into a write. A use is noted in memory (the cache's entry and
// a list of uses to write) and written in one batch with the next write transaction of the control plane: the
// change or the audit record of this same request, or the group commit of read records (within about a
// millisecond when the server batches reads), and at close. So a request never writes for its own sake, and a
// read stays a read. After a crash the stored time is older than the true one by at most a grain and the moment
// before the next write: the idle timeout errs on the safe side (a session may end a little early, never late).
void ControlPlane::noteActivity(CachedCredential& credential, qint64 now)
{
    if (now - credential.lastUsedAtMs < kActivityGrainMs)
        return;
    credential.lastUsedAtMs = now;
    (credential.kind == CachedCredential::Kind::Session ? m_sessionActivity : m_tokenActivity)
        .insert(credential.id, now);
}

bool ControlPlane::writeActivity()
{
    if (m_sessionActivity.isEmpty() && m_tokenActivity.isEmpty())
        return true;
    // The cache already holds these times: writing them does not make it forget.
    const store::Database::QuietWrites quiet(m_db);
    const auto write = [this](const char* text, const QHash<QString, qint64>& uses) {
        auto s = m_db.prepare(text);
        if (!s)
            return false;
        for (auto it = uses.begin(); it != uses.end(); ++it) {
            s.value().reset();
            if (!s.value().bind(1, it.value()).bind(2, it.key()).step())
                return false;
        }
        return true;
    };
    return write("UPDATE sessions SET last_seen_at = max(last_seen_at, ?) WHERE id = ?;", m_sessionActivity) &&
           write("UPDATE api_tokens SET last_used_at = max(coalesce(last_used_at, 0), ?) WHERE id = ?;",
                 m_tokenActivity);
}

ControlPlane::CredentialCacheFigures ControlPlane::credentialCacheFigures()
{
    QMutexLocker lock(&m_mutex);
    return {m_credentials.hits(), m_credentials.misses(), m_credentials.size()};
}

void ControlPlane::setCredentialCacheCapacity(qsizetype capacity)
{
    QMutexLocker lock(&m_mutex);
    m_credentials.setCapacity(capacity);
}

Result<void> ControlPlane::execute(const Caller& caller, Operation op, const Body& body)
{
    qint64 ticket = 0;
    auto r = run(caller, std::move(op), body, ticket);
    // A read whose record waits for the group commit: answered once the record is on the disk.
    if (ticket > 0) {
        if (t_deferred)
            t_deferred->m_ticket = std::max(t_deferred->m_ticket, ticket);
        else
            awaitDurable(ticket);
    }
    return r;
}

Result<void> ControlPlane::run(const Caller& caller, Operation op, const Body& body, qint64& ticket)
{
    // Every operation is in the catalog with its class; one that is not is refused rather than guessed at.
    const OperationInfo* info = OperationCatalog::find(op.action);
    if (!info || info->permission != op.permission) {
        qCCritical(lcStore) << "operation missing from the operation catalog:" << op.action;
        return makeError(ErrorCode::Internal,
                         QStringLiteral("internal error: %1 is not in the operation catalog").arg(op.action));
    }

    QMutexLocker lock(&m_mutex);
    // Searches scan the log past what the index covers: when events arrive faster than the indexer takes them and
    // it falls that far behind, calls wait for it (bounded), so the unindexed tail, and with it the cost of a
    // search, stays bounded. Not while an index is first built (after a migration, or rebuilt): waiting would not
    // make that faster.
    if (m_index && m_index->caughtUpOnce() && m_index->lag() > kIndexAdmissionBound)
        (void)m_index->waitForLag(kIndexAdmissionBound, kIndexAdmissionWaitMs);
    m_pending.clear();
    const qint64 now = m_clock.nowMs();

    // What the body or a check recorded, over how the caller named the target (eventFor() put that first).
    const auto merged = [](QJsonObject base, const QJsonObject& over) {
        for (auto it = over.begin(); it != over.end(); ++it)
            base.insert(it.key(), it.value());
        return base;
    };

    // Records a refusal (or a failure) in a transaction of its own, after the work was rolled back.
    auto refuse = [&](const Principal* who, const Operation& o, const QString& outcome, const QString& reason,
                      const Error& error, const QJsonObject& details = {}) -> Result<void> {
        auto own = store::Transaction::begin(m_db);
        if (!own)
            return error;
        audit::AuditEvent e = eventFor(caller, who, o);
        e.outcome = outcome;
        e.reason = reason;
        e.details = merged(e.details, details);
        if (appendEvent(e))
            (void)commit(own.value());
        m_pending.clear();
        return error;
    };

    // Reads whose records may wait for the group commit; anything else first writes what is queued, so the trail
    // keeps the order things happened in.
    // Anything else commits with synchronous FULL, so its answer too waits for the disk.
    const bool batched = m_committer && op.readOnly && !op.action.startsWith(QLatin1String("audit."));
    if (!batched && !m_readBacklog.isEmpty())
        (void)flushReadsLocked();
    std::optional<store::Transaction> tx;
    {
        auto begun = store::Transaction::begin(m_db, op.readOnly ? store::Transaction::Mode::Deferred
                                                                 : store::Transaction::Mode::Immediate);
        if (!begun)
            return begun.error();
        tx.emplace(std::move(begun).value());
    }

    Authentication auth = authenticate(caller, now);
    if (!auth.principal) {
        Operation o = op;
        if (o.tenantId != auth.tenantId) {
            if (looksLikeId(o.tenantId))
                o.named.insert(QStringLiteral("requested_tenant_id"), o.tenantId);
            o.tenantId = auth.tenantId;
        }
        o.workspaceId.clear();
        audit::AuditEvent e = eventFor(caller, nullptr, o);
        // Nothing is looked up for an unauthenticated caller: a name is recorded as given only when the
        // operation would create its target, else as its fingerprint.
        if (!o.targetName.isEmpty())
            e.details.insert(QLatin1String(o.targetNameKey) +
                                 (o.targetNameIfFound ? QStringLiteral("_fingerprint") : QString()),
                             o.targetNameIfFound ? nameFingerprint(o.targetName) : o.targetName);
        e.actorId = auth.actorId;
        e.actorName = auth.actorName;
        e.outcome = QStringLiteral("denied");
        e.reason = auth.reason;
        // Committed with the transaction that looked: a failed authentication is evidence too.
        if (auto r = appendEvent(e); !r)
            return r;
        if (auto r = commit(*tx); !r)
            return r;
        return makeError(ErrorCode::Unauthenticated, auth.message.isEmpty()
                                                         ? QStringLiteral("not signed in, or the session or token is "
                                                                          "no longer valid; sign in again")
                                                         : auth.message);
    }
    const Principal& principal = *auth.principal;
    const bool system = principal.kind == Principal::Kind::System;
    const bool selfService = op.selfService || (!op.selfIfIdentity.isEmpty() && op.selfIfIdentity == principal.id);

    // Whether the principal may learn that the target exists: then a denial names it by its id too.
    const auto mayKnowTarget = [&]() {
        if (system)
            return true;
        return op.knownWith != kNoPermission &&
               m_authorizer.decide(principal.id, op.knownWith, op.tenantId, op.workspaceId).allowed;
    };
    // Completes how an event names its target: the id of a target named by name when the principal may know it
    // exists, and the name itself (or its fingerprint when it matches nothing). `inScope` is false for a scope
    // that does not exist for the principal (another tenant): nothing is looked up there.
    const auto finishTarget = [&](Operation& o, bool inScope) {
        QJsonObject extra;
        QString found = o.targetId;
        if (inScope && o.resolveTarget && (o.targetId.isEmpty() || !o.targetName.isEmpty())) {
            const QString id = o.resolveTarget();
            if (!id.isEmpty())
                found = id;
            if (o.targetId.isEmpty() && !id.isEmpty() && mayKnowTarget())
                o.targetId = id;
        }
        if (!o.targetName.isEmpty()) {
            const QString key = QLatin1String(o.targetNameKey);
            if (!o.targetNameIfFound || (inScope && !found.isEmpty()))
                extra.insert(key, o.targetName);
            else
                extra.insert(key + QStringLiteral("_fingerprint"), nameFingerprint(o.targetName));
        }
        return extra;
    };

    auto deny = [&](ErrorCode code, const QString& reason, const QString& message,
                    std::optional<QString> auditTenant = std::nullopt,
                    const QJsonObject& details = {}) -> Result<void> {
        Operation o = op;
        const bool otherScope = auditTenant && *auditTenant != op.tenantId;
        const QJsonObject target = finishTarget(o, !otherScope);
        if (otherScope) {
            // Recorded in the principal's own trail; the other scope is named as asked, never looked into.
            if (looksLikeId(op.tenantId))
                o.named.insert(QStringLiteral("requested_tenant_id"), op.tenantId);
            o.tenantId = *auditTenant;
            o.workspaceId.clear();
        }
        audit::AuditEvent e = eventFor(caller, &principal, o);
        e.outcome = QStringLiteral("denied");
        e.reason = reason;
        e.details = merged(merged(e.details, target), details);
        if (auto r = appendEvent(e); !r)
            return r;
        if (auto r = commit(*tx); !r)
            return r;
        return makeError(code, message);
    };

    if (!system) {
        // The self-probe reads, with the few read permissions it has, and does nothing else (no self-service
        // either); the tenant check below keeps it in its own tenant.
        if (principal.kind == Principal::Kind::Probe && (!op.readOnly || !probeMayRead(op.permission)))
            return deny(ErrorCode::Forbidden, QStringLiteral("probe_read_only"),
                        QStringLiteral("the self-probe only reads what it probes"));
        if (op.systemOnly)
            return deny(ErrorCode::Forbidden, QStringLiteral("system_only"),
                        QStringLiteral("only the local operator can do this (gatehoused on the server itself)"));
        if (op.needsUserSession && principal.kind != Principal::Kind::User)
            return deny(ErrorCode::Forbidden, QStringLiteral("needs_user"),
                        QStringLiteral("only a signed-in person can do this, not an integration token"));
        if (principal.mfaEnrollmentOnly && !op.allowedWhileEnrollingMfa)
            return deny(ErrorCode::Forbidden, QStringLiteral("mfa_enrollment_required"),
                        QStringLiteral("this tenant requires two-factor authentication for administrators: enrol an "
                                       "authenticator app first"));
        // Tenants are realms: another tenant's objects do not exist for this principal.
        if (!op.tenantId.isEmpty() && !principal.tenantId.isEmpty() && op.tenantId != principal.tenantId)
            return deny(ErrorCode::NotFound, QStringLiteral("other_tenant"), notFound(QStringLiteral("tenant")).message,
                        principal.tenantId);
        if (!selfService) {
            if (!op.tenantId.isEmpty() && principal.tenantId.isEmpty())
                return deny(ErrorCode::Forbidden, QStringLiteral("platform_principal"),
                            QStringLiteral("platform administrators manage tenants, not what is inside them"),
                            QString());
            if (op.tenantId.isEmpty() && !principal.tenantId.isEmpty())
                return deny(ErrorCode::Forbidden, QStringLiteral("platform_only"),
                            QStringLiteral("only platform administrators can do this"), principal.tenantId);
        }
        if (!principal.tokenWorkspaceId.isEmpty() && op.workspaceId != principal.tokenWorkspaceId)
            return deny(ErrorCode::Forbidden, QStringLiteral("token_scope"),
                        QStringLiteral("this token is limited to workspace %1").arg(principal.tokenWorkspaceId));
    }
    // The scope must exist (inside the principal's own tenant, so this reveals nothing across tenants).
    if (!op.tenantId.isEmpty()) {
        auto tenant = loadTenant(op.tenantId);
        if (!tenant)
            return deny(ErrorCode::NotFound, QStringLiteral("not_found"), tenant.error().message, principal.tenantId);
        if (!op.workspaceId.isEmpty()) {
            auto ws = loadWorkspace(op.tenantId, op.workspaceId);
            if (!ws)
                return deny(ErrorCode::NotFound, QStringLiteral("not_found"), ws.error().message);
            if (op.mutates && ws.value().status == QLatin1String("suspended"))
                return deny(ErrorCode::Conflict, QStringLiteral("workspace_suspended"),
                            QStringLiteral("workspace %1 is suspended; resume it first").arg(ws.value().name));
        }
    }
    // The probe holds its read permissions in its own tenant without a binding (checked above).
    if (!system && !selfService && principal.kind != Principal::Kind::Probe) {
        const authz::Decision d = m_authorizer.decide(principal.id, op.permission, op.tenantId, op.workspaceId);
        if (!d.allowed)
            return deny(ErrorCode::Forbidden, QStringLiteral("forbidden"),
                        QStringLiteral("not allowed: %1").arg(d.reason()));
    }
    // Acting on another identity hands the caller some control over it: only someone who already holds all it
    // holds may do so.
    if (info->effect == IdentityEffect::ActsOnIdentity && !system) {
        if (op.subjectId.isEmpty())
            return deny(ErrorCode::Internal, QStringLiteral("internal"),
                        QStringLiteral("internal error: %1 names no identity to check").arg(op.action));
        const QStringList beyond = permissionsBeyond(principal, op.tenantId, op.subjectId);
        if (!beyond.isEmpty())
            return deny(ErrorCode::Forbidden, QStringLiteral("target_holds_more"),
                        QStringLiteral("not allowed: this identity holds permissions you do not (%1); ask someone "
                                       "who holds them")
                            .arg(beyond.join(QStringLiteral(", "))),
                        std::nullopt, {{QStringLiteral("missing_permissions"), QJsonArray::fromStringList(beyond)}});
    }
    // A change of one's own credentials proves the current ones again, in this same call.
    if (info->effect == IdentityEffect::OwnCredentials) {
        if (!op.reauth || principal.kind != Principal::Kind::User)
            return deny(ErrorCode::Forbidden, QStringLiteral("needs_user"),
                        QStringLiteral("only a signed-in person can change their own credentials"));
        auto checked = reauthenticate(caller, principal, *op.reauth, now);
        if (!checked)
            return checked.error();
        if (!checked.value().reason.isEmpty())
            return deny(ErrorCode::Forbidden, checked.value().reason, checked.value().message, std::nullopt,
                        checked.value().details);
    }

    Context ctx{principal, now, {}, {}, {}};
    if (auto r = body(ctx); !r) {
        Operation o = op;
        if (!ctx.targetId.isEmpty())
            o.targetId = ctx.targetId;
        const QJsonObject target = finishTarget(o, true);
        tx.reset(); // rolls the body's work back before the failure is recorded
        const bool refused = r.error().code == ErrorCode::Forbidden;
        return refuse(&principal, o, refused ? QStringLiteral("denied") : QStringLiteral("error"),
                      reasonFor(r.error().code), r.error(), merged(target, ctx.details));
    }
    Operation o = op;
    if (!ctx.targetId.isEmpty())
        o.targetId = ctx.targetId;
    const QJsonObject target = finishTarget(o, true);
    audit::AuditEvent e = eventFor(caller, &principal, o);
    e.outcome = QStringLiteral("success");
    e.reason = QStringLiteral("ok");
    e.details = merged(merged(e.details, target), ctx.details);
    if (batched) {
        // The read's own transaction holds no record; it ends now, and the record waits for the group commit.
        (void)tx->commit();
        ticket = ++m_lastTicket;
        m_readBacklog.append({ticket, std::move(e)});
        if (m_readBacklog.size() == 1) {
            m_readQueued.wakeOne();
        } else if (m_readBacklog.size() >= 5000) {
            (void)flushReadsLocked(); // the committer is behind: this caller helps, and it syncs
            m_readQueued.wakeOne();
        }
        for (auto& f : ctx.onCommit)
            f();
        return {};
    }
    if (auto r = appendEvent(e); !r) {
        tx.reset(); // the transaction rolls back with the work: no change without its event
        m_pending.clear();
        if (op.readOnly) {
            // Fail closed for changes, stay up for reads: the answer is served, the missing record logged.
            qCWarning(lcStore) << "audit unavailable: served" << op.action << "without its audit event";
            return {};
        }
        return r;
    }
    if (auto r = commit(*tx); !r) {
        if (op.readOnly) {
            qCWarning(lcStore) << "audit unavailable: served" << op.action << "without its audit event";
            return {};
        }
        return r;
    }
    for (auto& f : ctx.onCommit)
        f();
    return {};
}

} // namespace gatehouse::service
