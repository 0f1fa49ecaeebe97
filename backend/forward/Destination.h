#pragma once

#include "audit/AuditExport.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <memory>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::forward {

// Where audit events are forwarded: a syslog collector (a SIEM's relay) reached over TLS (RFC 5425), or over plain
// TCP to a relay on this machine. A platform destination (tenantId empty) receives every event of the store; a
// tenant's destination only that tenant's.
struct Destination
{
    enum class Transport { Tls, Tcp };

    QString id;
    QString tenantId;
    QString name; // a slug, unique in its scope
    QString host;
    int port = 6514;
    Transport transport = Transport::Tls;
    QString serverName; // the name the collector's certificate must carry (empty: the host)
    audit::ExportFormat format = audit::ExportFormat::JsonLines;
    QByteArray caPem;         // the CA(s) that issued the collector's certificate; only these are trusted
    QString caSha256;         // or: the collector certificate's SHA-256 fingerprint (hex, colons allowed)
    QByteArray clientCertPem; // optional: presented to collectors that ask for one
    std::shared_ptr<const SecureBytes> clientKeyPem; // its private key (never shown, logged or audited)
    qint64 alarmAfterMs = 15 * 60 * 1000;            // unreachable longer than this: alarm
    bool enabled = true;
    qint64 startSeq = 0; // forwarding starts after this event
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    QString transportName() const;
    QString formatName() const;
    QString effectiveServerName() const { return serverName.isEmpty() ? host : serverName; }
};

// What a destination has done, as the forwarder records it in its state file (readable by every process).
struct DestinationStatus
{
    Destination destination; // without its client key
    qint64 cursorSeq = 0;    // the newest event the collector took
    bool connected = false;
    qint64 lagEvents = 0; // events of the destination's scope after the cursor
    qint64 lagMs = 0;     // how long the oldest of them has waited
    QString lastError;
    qint64 lastErrorAtMs = 0;
    qint64 lastDeliveredAtMs = 0;
    qint64 unreachableSinceMs = 0; // 0 while reachable
    bool alarmed = false;          // unreachable beyond alarmAfterMs
};

// A change to a destination: what is set replaces what the destination says, the rest stays. An empty text clears
// (the CA, the fingerprint, the client certificate, the server name).
struct DestinationChange
{
    std::optional<QString> name;
    std::optional<QString> host;
    std::optional<int> port;
    std::optional<Destination::Transport> transport;
    std::optional<QString> serverName;
    std::optional<audit::ExportFormat> format;
    std::optional<QByteArray> caPem;
    std::optional<QString> caSha256;
    std::optional<QByteArray> clientCertPem;
    std::shared_ptr<const SecureBytes> clientKeyPem; // a new key; without one the key stays while the certificate does
    std::optional<qint64> alarmAfterMs;
    std::optional<bool> enabled;
};

// `current` with `change` applied (its id, scope, cursor and times stay).
Destination applied(const Destination& current, const DestinationChange& change);

Result<Destination::Transport> parseTransport(const QString& name);
// json, cef or ocsf (the syslog payload; CSV does not fit a message).
Result<audit::ExportFormat> parseFormat(const QString& name);
bool isLoopback(const QString& host);
// Checks what a destination says (host, port, transport, trust anchors, client certificate and key); the errors say
// what to change.
Result<void> validate(const Destination& d);
// Normalises a SHA-256 fingerprint to lower-case hex without colons; empty when it is not one.
QString normalizeFingerprint(const QString& text);

// The store's destinations (all scopes when `tenantId` is null, else that scope's; enabled only if asked), with
// their client keys when `withKeys`.
Result<QList<Destination>> loadDestinations(store::Database& db, const QString* tenantId, bool enabledOnly,
                                            bool withKeys);
// The status of the destinations of a scope (all when `tenantId` is null), with their lag computed now: the
// destinations from the store, what the forwarder recorded from its state file (`state` null: nothing recorded yet).
Result<QList<DestinationStatus>> loadStatus(store::Database& db, store::Database* state, const QString* tenantId,
                                            qint64 nowMs);

} // namespace gatehouse::forward
