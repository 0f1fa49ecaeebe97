#pragma once

#include "HttpMessage.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>

namespace gatehouse::api {

class ApiRequest;
using Handler = std::function<HttpResponse(ApiRequest&)>;

// Whether an operation takes a request body. Deny by default: a route added without RouteBody::Json refuses any
// body (400) before its handler runs, so nothing a client sends is silently ignored.
enum class RouteBody { None, Json };

// One operation of the API: a method on a path pattern such as "/api/v1/tenants/{tenant}/users/{user}".
struct Route
{
    QByteArray method;
    QString pattern;
    QString operationId;
    Handler handler;
    bool anonymous = false; // answered without a bearer token (login, health, the OpenAPI document)
    RouteBody body = RouteBody::None;
    QStringList segments; // the pattern split at '/'
};

// Matches request paths to routes. Path segments are percent-decoded one at a time, so a parameter may hold a
// '/' sent as %2F (secret names such as "db/prod/password").
class Router
{
public:
    void add(const QByteArray& method, const QString& pattern, const QString& operationId, Handler handler,
             bool anonymous = false);
    // An operation that reads a JSON body (through ApiRequest::body() or optionalBody()).
    void addWithBody(const QByteArray& method, const QString& pattern, const QString& operationId, Handler handler,
                     bool anonymous = false);

    struct Match
    {
        const Route* route = nullptr;
        QHash<QString, QString> params;
        QList<QByteArray> allowed; // the path exists with these methods (for 405)
        bool badPath = false;      // the path could not be decoded
    };
    Match match(const QByteArray& method, const QByteArray& rawPath) const;

    const QList<Route>& routes() const { return m_routes; }

private:
    QList<Route> m_routes;
};

} // namespace gatehouse::api
