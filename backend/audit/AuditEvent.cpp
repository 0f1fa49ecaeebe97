#include "AuditEvent.h"

#include "crypto/Digest.h"

#include <QJsonDocument>

namespace gatehouse::audit {

QByteArray AuditEvent::canonical() const
{
    const QJsonObject o{
        {QStringLiteral("seq"), seq},
        {QStringLiteral("time_ms"), timeMs},
        {QStringLiteral("tenant_id"), tenantId},
        {QStringLiteral("workspace_id"), workspaceId},
        {QStringLiteral("actor_kind"), actorKind},
        {QStringLiteral("actor_id"), actorId},
        {QStringLiteral("actor_name"), actorName},
        {QStringLiteral("action"), action},
        {QStringLiteral("target_kind"), targetKind},
        {QStringLiteral("target_id"), targetId},
        {QStringLiteral("outcome"), outcome},
        {QStringLiteral("reason"), reason},
        {QStringLiteral("source"), source},
        {QStringLiteral("address"), address},
        {QStringLiteral("request_id"), requestId},
        {QStringLiteral("details"), details},
        {QStringLiteral("prev_hash"), QString::fromLatin1(prevHash.toHex())},
    };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray AuditEvent::computeHash() const
{
    return crypto::sha256(canonical());
}

} // namespace gatehouse::audit
