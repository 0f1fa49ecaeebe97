#include "api/ApiRequest.h"
#include "api/ApiService.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

namespace {

HttpResponse text(int status, const QByteArray& body, const QByteArray& type = "text/plain; charset=utf-8")
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", type);
    r.body = body;
    return r;
}

} // namespace

void addOpsRoutes(Router& router)
{
    // Liveness: the process answers. No token, no store access.
    router.add(
        "GET", QStringLiteral("/healthz"), QStringLiteral("health"),
        [](ApiRequest&) {
            return jsonResponse(QJsonObject{{QStringLiteral("status"), QStringLiteral("ok")}});
        },
        true);
    // Readiness: changes can be accepted (the audit trail can be written).
    router.add(
        "GET", QStringLiteral("/readyz"), QStringLiteral("ready"),
        [](ApiRequest& r) {
            const bool ready = r.cp().auditAvailable();
            return jsonResponse(QJsonObject{{QStringLiteral("status"),
                                             ready ? QStringLiteral("ready") : QStringLiteral("audit_unavailable")}},
                                ready ? 200 : 503);
        },
        true);
    router.add(
        "GET", QStringLiteral("/api/v1/openapi.json"), QStringLiteral("openapi"),
        [](ApiRequest&) {
            HttpResponse r = text(200, ApiService::openApiDocument(), "application/json");
            r.setHeader("Cache-Control", "no-cache");
            return r;
        },
        true);
    // Prometheus text format. The control plane decides who may read it (metrics.read) and audits the read.
    router.add("GET", QStringLiteral("/metrics"), QStringLiteral("metrics"), [](ApiRequest& r) {
        const auto m = r.cp().readMetrics(r.caller());
        if (!m.ok())
            return problem(m.error());
        QByteArray out;
        auto gauge = [&out](const char* name, const char* help, const char* type, qint64 value,
                            const QByteArray& labels = {}) {
            out += QByteArray("# HELP ") + name + ' ' + help + "\n# TYPE " + name + ' ' + type + '\n';
            out += QByteArray(name) + labels + ' ' + QByteArray::number(value) + '\n';
        };
        for (auto it = m.value().begin(); it != m.value().end(); ++it)
            gauge(it->name, it->help, it->type, it->value);
        const ApiService::Counters& c = r.api().counters();
        gauge("gatehouse_api_requests_total", "HTTP requests answered.", "counter", c.requests.load());
        gauge("gatehouse_api_rate_limited_total", "Requests refused by a rate limit.", "counter", c.rateLimited.load());
        out += "# HELP gatehouse_api_responses_total HTTP responses by status class.\n"
               "# TYPE gatehouse_api_responses_total counter\n";
        out += "gatehouse_api_responses_total{class=\"2xx\"} " + QByteArray::number(c.status2xx.load()) + '\n';
        out += "gatehouse_api_responses_total{class=\"4xx\"} " + QByteArray::number(c.status4xx.load()) + '\n';
        out += "gatehouse_api_responses_total{class=\"5xx\"} " + QByteArray::number(c.status5xx.load()) + '\n';
        if (const HttpServer* s = r.api().server()) {
            gauge("gatehouse_api_open_connections", "Open client connections.", "gauge", s->openConnections());
            gauge("gatehouse_api_refused_connections_total", "Connections refused at the connection cap.", "counter",
                  s->refusedConnections());
        }
        return text(200, out, "text/plain; version=0.0.4; charset=utf-8");
    });
}

} // namespace gatehouse::api
