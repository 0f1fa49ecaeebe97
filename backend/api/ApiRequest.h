#pragma once

#include "BodyFields.h"
#include "HttpMessage.h"
#include "HttpServer.h"
#include "JsonBody.h"
#include "core/Result.h"
#include "core/SecureBytes.h"
#include "service/Caller.h"
#include "service/Expect.h"

#include <QHash>
#include <QJsonArray>
#include <QJsonObject>

namespace gatehouse::service {
class ControlPlane;
}

namespace gatehouse::api {

class ApiService;

// What a route handler works with: the request, its path parameters, the caller as the control plane sees it,
// and the control plane. Handlers only translate between HTTP and control-plane calls.
class ApiRequest
{
public:
    ApiRequest(const HttpRequest& http, const ConnectionInfo& connection, service::Caller caller,
               QHash<QString, QString> params, service::ControlPlane& controlPlane, const ApiService& api,
               const StreamStarter& startStream)
        : m_http(http), m_connection(connection), m_caller(std::move(caller)), m_params(std::move(params)),
          m_cp(controlPlane), m_api(api), m_startStream(startStream)
    {}

    const HttpRequest& http() const { return m_http; }
    const ConnectionInfo& connection() const { return m_connection; }
    const service::Caller& caller() const { return m_caller; }
    service::ControlPlane& cp() const { return m_cp; }
    const ApiService& api() const { return m_api; }

    QString param(const char* name) const { return m_params.value(QLatin1String(name)); }
    QString query(const char* name) const
    {
        return m_http.query.queryItemValue(QLatin1String(name), QUrl::FullyDecoded);
    }
    bool hasQuery(const char* name) const { return m_http.query.hasQueryItem(QLatin1String(name)); }

    // Sends the status and headers of `head` now and returns the stream for the body (decorated like any
    // response). The handler finishes the stream and returns a response with `sent` set.
    std::shared_ptr<ResponseStream> startStream(HttpResponse head);

    // The reader of the JSON body (checked for content type, size and depth once): a body that cannot be read
    // makes its ok() false. Its ok() also refuses any field the handler did not read, so a handler reads every
    // field it takes, then checks ok() once before acting. Only routes added with RouteBody::Json may call it
    // (elsewhere a body is refused before the handler runs).
    BodyFields& body();
    // The same, for operations whose fields are all optional: no body at all reads as {}.
    BodyFields& optionalBody();
    // The query parameter `name`, which must be one of `allowed` when present (an error naming the parameter and
    // its values otherwise); `fallback` when absent.
    Result<QString> queryChoice(const char* name, const QStringList& allowed, const QString& fallback = {}) const;
    // A true/false query parameter; `fallback` when absent.
    Result<bool> queryBoolean(const char* name, bool fallback = false) const;
    // The query parameter `name`, or a 400 problem saying it is required and what it holds.
    std::optional<HttpResponse> requireQuery(const char* name, const QString& what) const;

private:
    const HttpRequest& m_http;
    const ConnectionInfo& m_connection;
    service::Caller m_caller;
    QHash<QString, QString> m_params;
    service::ControlPlane& m_cp;
    const ApiService& m_api;
    const StreamStarter& m_startStream;
    std::optional<BodyFields> m_body;
};

// Responses.
HttpResponse jsonResponse(const QJsonObject& body, int status = 200);
HttpResponse jsonResponse(const QJsonArray& items, const QString& nextCursor = {});
HttpResponse noContent();
// RFC 9457 problem details for a control-plane error (no internals: unexpected errors answer a generic 500).
HttpResponse problem(const Error& error);
HttpResponse problem(int status, const QString& slug, const QString& title, const QString& detail);

// A single resource that can be updated: its JSON form with an ETag header over it.
HttpResponse taggedResponse(const QJsonObject& resource, int status = 200);
// Turns `response` into 201 Created, naming where the new resource lives (a path, segments already encoded).
HttpResponse created(HttpResponse response, const QString& location);
// One path segment, percent-encoded ("/" as %2F), for Location headers.
QString pathSegment(const QString& value);

// A strong entity tag over a resource's JSON form.
QByteArray entityTag(const QJsonObject& resource);
// 412 when the request's If-Match names another version of `resource`; empty response when it may go ahead.
std::optional<HttpResponse> checkIfMatch(const ApiRequest& request, const QJsonObject& resource);
// The entity tags the request's If-Match names; empty without one (or with "*", which any version matches).
QList<QByteArray> ifMatchTags(const ApiRequest& request);
// The request's If-Match as the control plane's compare-and-set: checked against the object as stored, inside the
// change's own transaction, so a change made between reading and writing is refused (412), never overwritten.
template <typename T, typename F> service::Expect<T> ifMatchExpect(const ApiRequest& request, F toJson)
{
    QList<QByteArray> tags = ifMatchTags(request);
    if (tags.isEmpty())
        return {};
    return [tags = std::move(tags), toJson](const T& current) {
        return tags.contains(entityTag(toJson(current)));
    };
}
// A change built on a version just read (the fields a request left out keep their values): the control plane
// refuses it if the object is no longer that version when it writes.
template <typename T, typename F> service::Expect<T> unchangedSince(const QJsonObject& read, F toJson)
{
    return [read, toJson](const T& current) {
        return toJson(current) == read;
    };
}

// Reply helpers: a Result of T turned into JSON by `toJson`, or its error as a problem.
template <typename T, typename F> HttpResponse reply(const Result<T>& result, F&& toJson, int status = 200)
{
    if (!result.ok())
        return problem(result.error());
    HttpResponse r = jsonResponse(toJson(result.value()), status);
    return r;
}
// The same for a resource that carries an ETag.
template <typename T, typename F> HttpResponse replyTagged(const Result<T>& result, F&& toJson)
{
    return result.ok() ? taggedResponse(toJson(result.value())) : problem(result.error());
}
// The answer to a compare-and-set change: as replyTagged, and a refusal because the object changed since it was
// read (412) carries the ETag of the version stored now, read again by `reread`, so the client can decide.
template <typename T, typename F, typename Reread>
HttpResponse replyCompared(const Result<T>& result, F&& toJson, Reread&& reread)
{
    if (result.ok() || result.error().code != ErrorCode::Stale)
        return replyTagged(result, toJson);
    HttpResponse r = problem(result.error());
    if (auto now = reread(); now.ok())
        r.setHeader("ETag", entityTag(toJson(now.value())));
    return r;
}
inline HttpResponse reply(const Result<void>& result)
{
    return result.ok() ? noContent() : problem(result.error());
}

// A list in pages: `limit` (1..500, default 100) items after the opaque `cursor` of the previous page, in the
// order given (the control plane's order).
HttpResponse pagedList(const ApiRequest& request, const QJsonArray& items, const QString& idKey = QStringLiteral("id"));

} // namespace gatehouse::api
