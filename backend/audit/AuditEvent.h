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
    QString actorKind; // user, integration, system, anonymous
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
    QByteArray prevHash; // 32 bytes; zeros for the first event
    QByteArray hash;     // SHA-256 of canonical()

    // The bytes the hash covers: every field but `hash`, as compact JSON with keys in sorted order (Qt
    // sorts object keys), hashes in lower-case hex. Anyone can recompute it from an export.
    QByteArray canonical() const;
    QByteArray computeHash() const;
};

} // namespace gatehouse::audit
