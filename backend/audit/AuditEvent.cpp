#include "AuditEvent.h"

#include "crypto/Digest.h"

#include <QJsonDocument>

namespace gatehouse::audit {

namespace {

void appendString(QByteArray& out, const QString& value)
{
    static constexpr char hex[] = "0123456789abcdef";
    out.append('"');
    const QByteArray utf8 = value.toUtf8();
    for (char c : utf8) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            out.append('\\').append(c);
        } else if (u < 0x20) {
            out.append("\\u00").append(hex[u >> 4]).append(hex[u & 15]);
        } else {
            out.append(c);
        }
    }
    out.append('"');
}

void key(QByteArray& out, const char* name, bool first = false)
{
    if (!first)
        out.append(',');
    out.append('"').append(name).append("\":");
}

} // namespace

void AuditEvent::freezeDetails()
{
    detailsJson = QJsonDocument(details).toJson(QJsonDocument::Compact);
}

QByteArray AuditEvent::canonical() const
{
    QByteArray out;
    out.reserve(512 + detailsJson.size());
    out.append('{');
    key(out, "action", true);
    appendString(out, action);
    key(out, "actor_id");
    appendString(out, actorId);
    key(out, "actor_kind");
    appendString(out, actorKind);
    key(out, "actor_name");
    appendString(out, actorName);
    key(out, "address");
    appendString(out, address);
    key(out, "details");
    out.append(detailsJson.isEmpty() ? QByteArray("{}") : detailsJson);
    key(out, "outcome");
    appendString(out, outcome);
    key(out, "prev_hash");
    out.append('"').append(prevHash.toHex()).append('"');
    key(out, "reason");
    appendString(out, reason);
    key(out, "request_id");
    appendString(out, requestId);
    key(out, "seq");
    out.append(QByteArray::number(seq));
    key(out, "source");
    appendString(out, source);
    key(out, "target_id");
    appendString(out, targetId);
    key(out, "target_kind");
    appendString(out, targetKind);
    key(out, "tenant_id");
    appendString(out, tenantId);
    key(out, "time_ms");
    out.append(QByteArray::number(timeMs));
    key(out, "workspace_id");
    appendString(out, workspaceId);
    out.append('}');
    return out;
}

QByteArray AuditEvent::computeHash() const
{
    return crypto::sha256(canonical());
}

} // namespace gatehouse::audit
