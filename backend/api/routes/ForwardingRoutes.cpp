#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "forward/DestinationJson.h"
#include "service/ControlPlane.h"

#include <QJsonArray>

namespace gatehouse::api {

namespace {

const QString kPlatform = QStringLiteral("/api/v1/forwarding");
const QString kTenant = QStringLiteral("/api/v1/tenants/{tenant}/forwarding");

HttpResponse status(ApiRequest& r, const QString& tenantId)
{
    auto all = r.cp().forwardingStatus(r.caller(), tenantId);
    if (!all)
        return problem(all.error());
    QJsonArray items;
    for (const forward::DestinationStatus& s : all.value())
        items.append(forward::toJson(s));
    return jsonResponse(items);
}

// A new destination from the body; the client key goes into a scrubbed buffer at once.
HttpResponse create(ApiRequest& r, const QString& tenantId, const QString& collection)
{
    BodyFields& f = r.body();
    forward::Destination d;
    d.tenantId = tenantId;
    d.name = f.string("name");
    d.host = f.string("host");
    const std::optional<QString> transport = f.optionalString("transport");
    const std::optional<int> port = f.optionalInteger("port");
    d.serverName = f.optionalString("server_name").value_or(QString());
    const std::optional<QString> format = f.optionalString("format");
    d.caPem = f.optionalString("ca_pem").value_or(QString()).toLatin1();
    d.caSha256 = f.optionalString("ca_sha256").value_or(QString());
    d.clientCertPem = f.optionalString("client_cert_pem").value_or(QString()).toLatin1();
    const bool hasKey = f.has("client_key_pem");
    if (hasKey)
        f.requireSecret("client_key_pem");
    const std::optional<int> alarmAfter = f.optionalInteger("alarm_after_seconds");
    const bool fromBeginning = f.optionalBoolean("from_beginning").value_or(false);
    if (!f)
        return problem(f.error());
    if (hasKey)
        d.clientKeyPem = std::make_shared<const SecureBytes>(f.secret("client_key_pem"));
    auto parsedTransport = forward::parseTransport(transport.value_or(QString()));
    if (!parsedTransport)
        return problem(parsedTransport.error());
    d.transport = parsedTransport.value();
    d.port = port.value_or(d.transport == forward::Destination::Transport::Tls ? 6514 : 514);
    auto parsedFormat = forward::parseFormat(format.value_or(QString()));
    if (!parsedFormat)
        return problem(parsedFormat.error());
    d.format = parsedFormat.value();
    if (alarmAfter)
        d.alarmAfterMs = qint64(*alarmAfter) * 1000;
    auto made = r.cp().createForwardDestination(r.caller(), d, fromBeginning);
    if (!made)
        return problem(made.error());
    return created(jsonResponse(forward::toJson(made.value()), 201),
                   collection + QStringLiteral("/destinations/") + pathSegment(made.value().id));
}

// What a PATCH body changes: only the fields it holds; a new client key goes into a scrubbed buffer at once.
Result<forward::DestinationChange> changeFrom(BodyFields& f)
{
    forward::DestinationChange c;
    c.name = f.optionalString("name");
    c.host = f.optionalString("host");
    c.port = f.optionalInteger("port");
    const std::optional<QString> transport = f.optionalString("transport");
    c.serverName = f.optionalString("server_name");
    const std::optional<QString> format = f.optionalString("format");
    if (const std::optional<QString> ca = f.optionalString("ca_pem"))
        c.caPem = ca->toLatin1();
    c.caSha256 = f.optionalString("ca_sha256");
    if (const std::optional<QString> cert = f.optionalString("client_cert_pem"))
        c.clientCertPem = cert->toLatin1();
    const bool hasKey = f.has("client_key_pem");
    if (hasKey)
        f.requireSecret("client_key_pem");
    if (const std::optional<int> alarmAfter = f.optionalInteger("alarm_after_seconds"))
        c.alarmAfterMs = qint64(*alarmAfter) * 1000;
    c.enabled = f.optionalBoolean("enabled");
    if (!f)
        return f.error();
    if (hasKey)
        c.clientKeyPem = std::make_shared<const SecureBytes>(f.secret("client_key_pem"));
    if (transport) {
        auto parsed = forward::parseTransport(*transport);
        if (!parsed)
            return parsed.error();
        c.transport = parsed.value();
    }
    if (format) {
        auto parsed = forward::parseFormat(*format);
        if (!parsed)
            return parsed.error();
        c.format = parsed.value();
    }
    if (!c.name && !c.host && !c.port && !c.transport && !c.serverName && !c.format && !c.caPem && !c.caSha256 &&
        !c.clientCertPem && !c.clientKeyPem && !c.alarmAfterMs && !c.enabled)
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("the body changes nothing: give the fields to change (for example enabled)")};
    return c;
}

HttpResponse update(ApiRequest& r, const QString& tenantId)
{
    auto change = changeFrom(r.body());
    if (!change)
        return problem(change.error());
    auto changed = r.cp().updateForwardDestination(r.caller(), tenantId, r.param("destination"), change.value());
    if (!changed)
        return problem(changed.error());
    return jsonResponse(forward::toJson(changed.value()));
}

} // namespace

void addForwardingRoutes(Router& router)
{
    router.add("GET", kPlatform, QStringLiteral("getPlatformForwarding"),
               [](ApiRequest& r) { return status(r, QString()); });
    router.addWithBody("POST", kPlatform + QStringLiteral("/destinations"),
                       QStringLiteral("createPlatformForwardDestination"),
                       [](ApiRequest& r) { return create(r, QString(), kPlatform); });
    router.add("DELETE", kPlatform + QStringLiteral("/destinations/{destination}"),
               QStringLiteral("deletePlatformForwardDestination"), [](ApiRequest& r) {
                   return reply(r.cp().deleteForwardDestination(r.caller(), QString(), r.param("destination")));
               });
    router.addWithBody("PATCH", kPlatform + QStringLiteral("/destinations/{destination}"),
                       QStringLiteral("updatePlatformForwardDestination"),
                       [](ApiRequest& r) { return update(r, QString()); });
    router.add("GET", kTenant, QStringLiteral("getTenantForwarding"),
               [](ApiRequest& r) { return status(r, r.param("tenant")); });
    router.addWithBody("POST", kTenant + QStringLiteral("/destinations"),
                       QStringLiteral("createTenantForwardDestination"), [](ApiRequest& r) {
                           const QString tenantId = r.param("tenant");
                           return create(r, tenantId,
                                         QStringLiteral("/api/v1/tenants/") + pathSegment(tenantId) +
                                             QStringLiteral("/forwarding"));
                       });
    router.addWithBody("PATCH", kTenant + QStringLiteral("/destinations/{destination}"),
                       QStringLiteral("updateTenantForwardDestination"),
                       [](ApiRequest& r) { return update(r, r.param("tenant")); });
    router.add("DELETE", kTenant + QStringLiteral("/destinations/{destination}"),
               QStringLiteral("deleteTenantForwardDestination"), [](ApiRequest& r) {
                   return reply(r.cp().deleteForwardDestination(r.caller(), r.param("tenant"), r.param("destination")));
               });
}

} // namespace gatehouse::api
