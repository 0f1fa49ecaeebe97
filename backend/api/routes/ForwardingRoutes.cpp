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
    router.add("GET", kTenant, QStringLiteral("getTenantForwarding"),
               [](ApiRequest& r) { return status(r, r.param("tenant")); });
    router.addWithBody("POST", kTenant + QStringLiteral("/destinations"),
                       QStringLiteral("createTenantForwardDestination"), [](ApiRequest& r) {
                           const QString tenantId = r.param("tenant");
                           return create(r, tenantId,
                                         QStringLiteral("/api/v1/tenants/") + pathSegment(tenantId) +
                                             QStringLiteral("/forwarding"));
                       });
    router.add("DELETE", kTenant + QStringLiteral("/destinations/{destination}"),
               QStringLiteral("deleteTenantForwardDestination"), [](ApiRequest& r) {
                   return reply(r.cp().deleteForwardDestination(r.caller(), r.param("tenant"), r.param("destination")));
               });
}

} // namespace gatehouse::api
