#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace gatehouse::audit {

// One entry of the audit trail. Never holds a secret value, password, token or key: `details` carries names
// and ids only, and the control plane builds it from fields it chooses, never from raw input.
struct AuditEvent
{
    qint64 seq = 0;
    qint64 timeMs = 0;
    QString tenantId; // empty: a platform event
    QString workspaceId;
    QString actorKind; // user, integration, system, probe (the control plane's self-probe), anonymous
    QString actorId;
    QString actorName;
    QString action; // "tenant.create", "auth.signin", ...
    QString targetKind;
    QString targetId;
    QString outcome; // success, denied, error
    QString reason;  // a stable code: ok, forbidden, not_found, bad_credentials, ...
    QString source;  // gui, api, cli, system
    QString address;
    QString requestId;
    QJsonObject details;
    QByteArray detailsJson; // `details` as stored: compact JSON, sorted keys; what the hash covers
    QByteArray prevHash;    // 32 bytes; zeros for the first event
    QByteArray hash;        // SHA-256 of canonical()

    // The bytes the hash covers: every field but `hash`, as one line of JSON with the keys in alphabetical
    // order, strings escaped per RFC 8259 (control characters as \u00XX), hashes in lower-case hex, and the
    // details object verbatim as stored. An export writes exactly these bytes, so anyone can recompute the
    // chain with sha256sum.
    QByteArray canonical() const;
    QByteArray computeHash() const;
    // Fills detailsJson from details (at append time).
    void freezeDetails();
};

} // namespace gatehouse::audit
