#include "ApiService.h"

#include "ApiRequest.h"
#include "Routes.h"
#include "core/Logging.h"
#include "crypto/Digest.h"
#include "crypto/Random.h"
#include "service/ControlPlane.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

namespace gatehouse::api {

namespace {

bool isAcceptableRequestId(const QByteArray& id)
{
    if (id.size() < 8 || id.size() > 64)
        return false;
    for (char c : id)
        if (!(std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'))
            return false;
    return true;
}

QByteArray newRequestId()
{
    auto bytes = crypto::randomBytes(12);
    return bytes.ok() ? bytes.value().toHex() : QByteArray::number(QDateTime::currentMSecsSinceEpoch(), 16);
}

} // namespace

ApiService::ApiService(service::ControlPlane& controlPlane, const ApiConfig& config)
    : m_cp(controlPlane), m_config(config), m_byAddress(config.addressRate, config.addressBurst),
      m_byToken(config.tokenRate, config.tokenBurst)
{
    addOpsRoutes(m_router);
    addAuthRoutes(m_router);
    addTenancyRoutes(m_router);
    addIdentityRoutes(m_router);
    addAuthzRoutes(m_router);
    addSecretRoutes(m_router);
    addAuditRoutes(m_router);
    addBoundaryRoutes(m_router);
    addEvidenceRoutes(m_router);
    addForwardingRoutes(m_router);
    addFederationRoutes(m_router);
}

ApiService::~ApiService() = default;

QByteArray ApiService::openApiDocument()
{
    QFile f(QStringLiteral(":/api/openapi.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

QString ApiService::clientAddress(const HttpRequest& request, const ConnectionInfo& connection) const
{
    QString address = connection.peerAddress.isEmpty() ? QStringLiteral("local") : connection.peerAddress;
    QHostAddress peer(connection.peerAddress);
    if (m_config.trustedProxies.isEmpty() ||
        (!connection.peerAddress.isEmpty() && !m_config.trustedProxies.contains(peer)))
        return address;
    // Behind trusted proxies: the client is the right-most address that is not one of them.
    const QList<QByteArray> hops = request.header("x-forwarded-for").split(',');
    for (qsizetype i = hops.size() - 1; i >= 0; --i) {
        const QHostAddress hop(QString::fromLatin1(hops[i].trimmed()));
        if (hop.isNull())
            break; // garbage: stop believing the header here
        if (!m_config.trustedProxies.contains(hop))
            return hop.toString();
    }
    return address;
}

void ApiService::decorate(HttpResponse& r, const QByteArray& requestId) const
{
    if (m_config.tls)
        r.setHeader("Strict-Transport-Security", "max-age=31536000");
    if (r.header("Cache-Control").isEmpty())
        r.setHeader("Cache-Control", "no-store");
    r.setHeader("X-Content-Type-Options", "nosniff");
    r.setHeader("Content-Security-Policy", "default-src 'none'; frame-ancestors 'none'");
    r.setHeader("Referrer-Policy", "no-referrer");
    r.setHeader("X-Request-Id", requestId);
}

HttpResponse ApiService::protocolError(int status, const QString& message)
{
    HttpResponse r = problem(status, status == 408 ? QStringLiteral("request-timeout") : QStringLiteral("bad-request"),
                             QString::fromLatin1(reasonPhrase(status)), message);
    r.close = true;
    decorate(r, newRequestId());
    m_counters.requests.fetch_add(1);
    (status >= 500 ? m_counters.status5xx : m_counters.status4xx).fetch_add(1);
    return r;
}

HttpResponse ApiService::handle(const HttpRequest& request, const ConnectionInfo& connection,
                                const StreamStarter& startStream)
{
    QElapsedTimer timer;
    timer.start();
    m_counters.requests.fetch_add(1);
    const QByteArray clientId = request.header("x-request-id");
    const QByteArray requestId = isAcceptableRequestId(clientId) ? clientId : newRequestId();
    const QString address = clientAddress(request, connection);
    const qint64 now = QDateTime::currentMSecsSinceEpoch();

    const Router::Match match = m_router.match(request.method, request.rawPath);
    HttpResponse response;
    QString pattern = QStringLiteral("-");
    if (const int wait = m_byAddress.acquire(address, now); wait > 0) {
        m_counters.rateLimited.fetch_add(1);
        response = problem(429, QStringLiteral("rate-limited"), QStringLiteral("Too many requests"),
                           QStringLiteral("Too many requests from this address; retry after the given seconds."));
        response.setHeader("Retry-After", QByteArray::number(wait));
    } else if (match.badPath) {
        response = problem(400, QStringLiteral("bad-request"), QStringLiteral("Bad request"),
                           QStringLiteral("The path is not valid percent-encoded UTF-8."));
    } else if (!match.route) {
        if (!match.allowed.isEmpty()) {
            response = problem(405, QStringLiteral("method-not-allowed"), QStringLiteral("Method not allowed"),
                               QStringLiteral("Use one of the methods in the Allow header."));
            response.setHeader("Allow", match.allowed.join(", "));
        } else {
            response = problem(404, QStringLiteral("not-found"), QStringLiteral("Not found"),
                               QStringLiteral("No such endpoint; see /api/v1/openapi.json."));
        }
    } else {
        pattern = match.route->pattern;
        QString token;
        const QByteArray authorization = request.header("authorization");
        bool badAuthorization = false;
        if (!authorization.isEmpty()) {
            if (authorization.size() > 7 && authorization.left(7).compare("Bearer ", Qt::CaseInsensitive) == 0)
                token = QString::fromLatin1(authorization.mid(7).trimmed());
            else
                badAuthorization = true;
        }
        const bool hasBody = !request.body.isEmpty();
        const QByteArray mime = request.mediaType();
        int tokenWait = 0;
        if (!token.isEmpty())
            tokenWait = m_byToken.acquire(QString::fromLatin1(crypto::sha256(token.toLatin1()).toHex()), now);
        if (badAuthorization) {
            response = problem(Error{ErrorCode::Unauthenticated,
                                     QStringLiteral("Send the token as \"Authorization: Bearer <token>\".")});
        } else if (tokenWait > 0) {
            m_counters.rateLimited.fetch_add(1);
            response = problem(429, QStringLiteral("rate-limited"), QStringLiteral("Too many requests"),
                               QStringLiteral("Too many requests with this token; retry after the given seconds."));
            response.setHeader("Retry-After", QByteArray::number(tokenWait));
        } else if (hasBody && match.route->body == RouteBody::None) {
            // Deny by default: what an operation does not read must not be silently dropped.
            response = problem(400, QStringLiteral("invalid-request"), QStringLiteral("Invalid request"),
                               QStringLiteral("This operation takes no request body; send none."));
        } else if (hasBody && mime != "application/json") {
            response = problem(415, QStringLiteral("unsupported-media-type"), QStringLiteral("Unsupported media type"),
                               QStringLiteral("Send request bodies as application/json."));
        } else {
            service::Caller caller =
                service::Caller::withToken(token, service::Source::Api, address, QString::fromLatin1(requestId));
            caller.clientCertificateSha256 = QString::fromLatin1(connection.peerCertificateSha256);
            // The control plane's calls return before their records are on the disk; the answer waits for them
            // (HttpResponse::durableTicket), the worker thread does not. A streamed answer waits before it starts.
            service::ControlPlane::DeferredDurability deferred;
            const StreamStarter durableStart = [this, &deferred, &startStream](HttpResponse head) {
                m_cp.awaitDurable(deferred.ticket());
                return startStream(std::move(head));
            };
            ApiRequest api(request, connection, std::move(caller), match.params, m_cp, *this, durableStart);
            response = match.route->handler(api);
            if (!response.sent)
                response.durableTicket = deferred.ticket();
        }
    }
    if (response.sent) {
        m_counters.status2xx.fetch_add(1);
        return response;
    }
    decorate(response, requestId);
    const int s = response.status;
    (s >= 500 ? m_counters.status5xx : s >= 400 ? m_counters.status4xx : m_counters.status2xx).fetch_add(1);
    if (m_config.accessLog)
        qCInfo(lcApi).noquote() << QStringLiteral(
                                       "event=request method=%1 route=%2 status=%3 ms=%4 request_id=%5 client=%6")
                                       .arg(QString::fromLatin1(request.method), pattern)
                                       .arg(s)
                                       .arg(timer.elapsed())
                                       .arg(QString::fromLatin1(requestId), address);
    return response;
}

bool ApiService::holdUntilDurable(qint64 ticket, QObject* context, std::function<void()> resume)
{
    return m_cp.whenDurable(ticket, context, std::move(resume));
}

void ApiService::awaitHeld(const HttpResponse& response) const
{
    m_cp.awaitDurable(response.durableTicket);
}

void ApiService::releaseHolds(QObject* context)
{
    m_cp.forgetDurableWaits(context);
}

} // namespace gatehouse::api
