#pragma once

#include "HttpServer.h"
#include "JsonBody.h"
#include "RateLimiter.h"
#include "Router.h"

#include <QHostAddress>

#include <atomic>

namespace gatehouse::service {
class ControlPlane;
}

namespace gatehouse::api {

struct ApiConfig
{
    JsonLimits json;
    // Requests per second (and burst) per source address and per bearer token; 0 turns a limit off.
    double addressRate = 50;
    double addressBurst = 200;
    double tokenRate = 50;
    double tokenBurst = 200;
    // Peers whose X-Forwarded-For is believed (a TLS-terminating reverse proxy).
    QList<QHostAddress> trustedProxies;
    bool tls = true;       // sends Strict-Transport-Security
    bool accessLog = true; // one line per request on the gatehouse.api category
};

// The API front door: request ids, security headers, rate limits, bearer tokens, routing, problem details.
// Everything the API does goes through service::ControlPlane; no business rule lives here.
class ApiService : public RequestHandler
{
public:
    ApiService(service::ControlPlane& controlPlane, const ApiConfig& config = {});
    ~ApiService() override;

    HttpResponse handle(const HttpRequest& request, const ConnectionInfo& connection,
                        const StreamStarter& startStream) override;
    HttpResponse protocolError(int status, const QString& message) override;
    // Answers wait for their audit records to be on the disk (the control plane's group commit).
    bool holdUntilDurable(qint64 ticket, QObject* context, std::function<void()> resume) override;
    void releaseHolds(QObject* context) override;
    // Blocks until a held response may go out: for callers of handle() that are not a connection (tests).
    void awaitHeld(const HttpResponse& response) const;

    const Router& router() const { return m_router; }
    const ApiConfig& config() const { return m_config; }
    // The OpenAPI document served at /api/v1/openapi.json.
    static QByteArray openApiDocument();

    // Transport figures for /metrics.
    struct Counters
    {
        std::atomic<qint64> requests{0};
        std::atomic<qint64> rateLimited{0};
        std::atomic<qint64> status2xx{0}, status4xx{0}, status5xx{0};
    };
    const Counters& counters() const { return m_counters; }
    void setServer(const HttpServer* server) { m_server = server; }
    const HttpServer* server() const { return m_server; }

    // The headers every response carries: request id, no caching, HSTS, nosniff, a closed content policy.
    void decorate(HttpResponse& response, const QByteArray& requestId) const;

private:
    QString clientAddress(const HttpRequest& request, const ConnectionInfo& connection) const;

    service::ControlPlane& m_cp;
    ApiConfig m_config;
    Router m_router;
    RateLimiter m_byAddress;
    RateLimiter m_byToken;
    Counters m_counters;
    const HttpServer* m_server = nullptr;
};

} // namespace gatehouse::api
