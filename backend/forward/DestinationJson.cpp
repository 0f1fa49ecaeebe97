#include "DestinationJson.h"

namespace gatehouse::forward {

QJsonObject toJson(const Destination& d)
{
    return {{QStringLiteral("id"), d.id},
            {QStringLiteral("tenant_id"), d.tenantId},
            {QStringLiteral("name"), d.name},
            {QStringLiteral("host"), d.host},
            {QStringLiteral("port"), d.port},
            {QStringLiteral("transport"), d.transportName()},
            {QStringLiteral("server_name"), d.effectiveServerName()},
            {QStringLiteral("format"), d.formatName()},
            {QStringLiteral("ca_sha256"), d.caSha256},
            {QStringLiteral("has_ca"), !d.caPem.isEmpty()},
            {QStringLiteral("has_client_certificate"), !d.clientCertPem.isEmpty()},
            {QStringLiteral("alarm_after_ms"), d.alarmAfterMs},
            {QStringLiteral("enabled"), d.enabled},
            {QStringLiteral("start_seq"), d.startSeq},
            {QStringLiteral("created_at"), d.createdAtMs},
            {QStringLiteral("updated_at"), d.updatedAtMs}};
}

QJsonObject toJson(const DestinationStatus& s)
{
    QJsonObject o = toJson(s.destination);
    o.insert(QStringLiteral("connected"), s.connected);
    o.insert(QStringLiteral("cursor_seq"), s.cursorSeq);
    o.insert(QStringLiteral("lag_events"), s.lagEvents);
    o.insert(QStringLiteral("lag_ms"), s.lagMs);
    o.insert(QStringLiteral("last_error"), s.lastError);
    o.insert(QStringLiteral("last_error_at_ms"), s.lastErrorAtMs);
    o.insert(QStringLiteral("last_delivered_at_ms"), s.lastDeliveredAtMs);
    o.insert(QStringLiteral("unreachable_since_ms"), s.unreachableSinceMs);
    o.insert(QStringLiteral("alarmed"), s.alarmed);
    return o;
}

} // namespace gatehouse::forward
