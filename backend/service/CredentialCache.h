#pragma once

#include <QByteArray>
#include <QHash>
#include <QString>

namespace gatehouse::service {

// What authenticating one session or integration token needs of the store: the credential's row with the state of
// its user or integration and its tenant, as of one snapshot. Holds the token's SHA-256 (as the store does), never
// the token.
struct CachedCredential
{
    enum class Kind { Session, Token };
    Kind kind = Kind::Session;
    QByteArray hash;
    QString id;         // the session or token id
    QString identityId; // the user or the integration
    QString identityName;
    QString tenantId;
    QString workspaceId; // a token limited to one workspace
    qint64 expiresAtMs = 0;
    // The newest use known: the stored one, or a newer one not written yet (see ControlPlane::noteActivity()).
    qint64 lastUsedAtMs = 0;
    bool ended = false; // a session ended, a token revoked
    QString endReason;  // why a session ended
    bool mfaEnrollmentOnly = false;
    QString identityStatus; // the user's or the integration's status
    qint64 lockedUntilMs = 0;
    QString tenantStatus;
    qint64 idleLimitMs = 0; // the tenant's session idle timeout
    QString certificatePin; // the integration's client certificate (SHA-256, lower-case hex); empty: none
};

// The credentials of recent requests, keyed by their hash, so a request's authentication needs no store lookup.
// A plain container: the control plane decides when it is current (it forgets everything when the store's change
// generation moves) and guards it with its lock. Bounded: when full, an entry makes room for the new one.
class CredentialCache
{
public:
    static constexpr qsizetype kDefaultCapacity = 100'000;

    explicit CredentialCache(qsizetype capacity = kDefaultCapacity) : m_capacity(capacity) {}

    // The entry for the hash, or null (the caller still compares the hash in constant time).
    CachedCredential* find(const QByteArray& hash);
    CachedCredential& insert(CachedCredential entry);
    // Forgets everything, when the store may have changed (`generation` is the store's change generation the
    // entries inserted from now on are of).
    void reset(quint64 generation);
    quint64 generation() const { return m_generation; }

    void setCapacity(qsizetype capacity);
    qsizetype capacity() const { return m_capacity; }
    qsizetype size() const { return m_entries.size(); }
    qint64 hits() const { return m_hits; }
    qint64 misses() const { return m_misses; }

private:
    QHash<QByteArray, CachedCredential> m_entries;
    qsizetype m_capacity;
    quint64 m_generation = 0;
    qint64 m_hits = 0;
    qint64 m_misses = 0;
};

} // namespace gatehouse::service
