#include "ApiRequest.h"

#include "ApiService.h"
#include "crypto/Digest.h"

#include <QJsonDocument>
#include <QUrl>

namespace gatehouse::api {

BodyFields& ApiRequest::body()
{
    if (!m_body) {
        if (m_http.mediaType() != "application/json") {
            m_body.emplace(Error{ErrorCode::InvalidArgument, QStringLiteral("Send the body as application/json.")});
        } else {
            auto parsed = parseJsonObject(m_http.body, m_api.config().json);
            if (parsed)
                m_body.emplace(parsed.value());
            else
                m_body.emplace(parsed.error());
        }
    }
    return *m_body;
}

BodyFields& ApiRequest::optionalBody()
{
    if (!m_body && m_http.body.isEmpty())
        m_body.emplace(QJsonObject());
    return body();
}

Result<QString> ApiRequest::queryChoice(const char* name, const QStringList& allowed, const QString& fallback) const
{
    if (!hasQuery(name))
        return fallback;
    const QString value = query(name);
    if (allowed.contains(value))
        return value;
    return Error{ErrorCode::InvalidArgument, QStringLiteral("The query parameter \"%1\" must be one of: %2.")
                                                 .arg(QLatin1String(name), allowed.join(QStringLiteral(", ")))};
}

Result<bool> ApiRequest::queryBoolean(const char* name, bool fallback) const
{
    auto value = queryChoice(name, {QStringLiteral("true"), QStringLiteral("false")},
                             fallback ? QStringLiteral("true") : QStringLiteral("false"));
    if (!value)
        return value.error();
    return value.value() == QLatin1String("true");
}

std::optional<HttpResponse> ApiRequest::requireQuery(const char* name, const QString& what) const
{
    if (hasQuery(name) && !query(name).isEmpty())
        return std::nullopt;
    return problem(Error{ErrorCode::InvalidArgument,
                         QStringLiteral("The query parameter \"%1\" is required: %2.").arg(QLatin1String(name), what)});
}

std::shared_ptr<ResponseStream> ApiRequest::startStream(HttpResponse head)
{
    m_api.decorate(head, m_caller.requestId.toLatin1());
    return m_startStream(std::move(head));
}

HttpResponse jsonResponse(const QJsonObject& body, int status)
{
    HttpResponse r;
    r.status = status;
    r.setHeader("Content-Type", "application/json");
    r.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return r;
}

HttpResponse jsonResponse(const QJsonArray& items, const QString& nextCursor)
{
    QJsonObject o{{QStringLiteral("items"), items}};
    o.insert(QStringLiteral("next_cursor"), nextCursor.isEmpty() ? QJsonValue() : QJsonValue(nextCursor));
    return jsonResponse(o);
}

HttpResponse noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

HttpResponse problem(int status, const QString& slug, const QString& title, const QString& detail)
{
    QJsonObject o{{QStringLiteral("type"), QStringLiteral("urn:gatehouse:problem:") + slug},
                  {QStringLiteral("title"), title},
                  {QStringLiteral("status"), status}};
    if (!detail.isEmpty())
        o.insert(QStringLiteral("detail"), detail);
    HttpResponse r = jsonResponse(o, status);
    r.setHeader("Content-Type", "application/problem+json");
    return r;
}

HttpResponse problem(const Error& error)
{
    switch (error.code) {
    case ErrorCode::InvalidArgument:
        return problem(400, QStringLiteral("invalid-request"), QStringLiteral("Invalid request"), error.message);
    case ErrorCode::NotFound:
        return problem(404, QStringLiteral("not-found"), QStringLiteral("Not found"), error.message);
    case ErrorCode::AlreadyExists:
    case ErrorCode::Conflict:
        return problem(409, QStringLiteral("conflict"), QStringLiteral("Conflict"), error.message);
    case ErrorCode::Stale:
        return problem(412, QStringLiteral("precondition-failed"), QStringLiteral("Precondition failed"),
                       error.message + QStringLiteral(" (If-Match does not match the stored ETag)"));
    case ErrorCode::Unauthenticated: {
        HttpResponse r =
            problem(401, QStringLiteral("unauthenticated"), QStringLiteral("Authentication required"), error.message);
        r.setHeader("WWW-Authenticate", "Bearer realm=\"gatehouse\"");
        return r;
    }
    case ErrorCode::Forbidden:
    case ErrorCode::PermissionDenied:
        return problem(403, QStringLiteral("forbidden"), QStringLiteral("Forbidden"), error.message);
    case ErrorCode::RateLimited: {
        HttpResponse r =
            problem(429, QStringLiteral("rate-limited"), QStringLiteral("Too many requests"), error.message);
        r.setHeader("Retry-After", "60");
        return r;
    }
    case ErrorCode::AuditUnavailable: {
        HttpResponse r = problem(503, QStringLiteral("audit-unavailable"), QStringLiteral("Audit unavailable"),
                                 QStringLiteral("The audit trail cannot be written, so no change is accepted; reads "
                                                "still work. An operator must free disk space or fix the store."));
        r.setHeader("Retry-After", "30");
        return r;
    }
    default:
        // No internals: the request id in the response and the server log tell an operator the rest.
        return problem(500, QStringLiteral("internal"), QStringLiteral("Internal error"),
                       QStringLiteral("The server could not complete the request. Quote the X-Request-Id to the "
                                      "operator."));
    }
}

HttpResponse taggedResponse(const QJsonObject& resource, int status)
{
    HttpResponse r = jsonResponse(resource, status);
    r.setHeader("ETag", entityTag(resource));
    return r;
}

HttpResponse created(HttpResponse response, const QString& location)
{
    response.status = 201;
    response.setHeader("Location", location.toUtf8());
    return response;
}

QString pathSegment(const QString& value)
{
    return QString::fromLatin1(QUrl::toPercentEncoding(value));
}

QByteArray entityTag(const QJsonObject& resource)
{
    const QByteArray digest = crypto::sha256(QJsonDocument(resource).toJson(QJsonDocument::Compact));
    return '"' + digest.left(16).toHex() + '"';
}

QList<QByteArray> ifMatchTags(const ApiRequest& request)
{
    QList<QByteArray> tags;
    const QByteArray ifMatch = request.http().header("if-match");
    if (ifMatch.isEmpty() || ifMatch.trimmed() == "*")
        return tags;
    for (const QByteArray& candidate : ifMatch.split(','))
        tags << candidate.trimmed();
    return tags;
}

std::optional<HttpResponse> checkIfMatch(const ApiRequest& request, const QJsonObject& resource)
{
    const QByteArray ifMatch = request.http().header("if-match");
    if (ifMatch.isEmpty() || ifMatch == "*")
        return std::nullopt;
    const QByteArray tag = entityTag(resource);
    for (QByteArray candidate : ifMatch.split(',')) {
        candidate = candidate.trimmed();
        if (candidate == tag)
            return std::nullopt;
    }
    HttpResponse r = problem(412, QStringLiteral("precondition-failed"), QStringLiteral("Precondition failed"),
                             QStringLiteral("The resource changed since you read it (If-Match does not match its "
                                            "ETag). Read it again and retry."));
    r.setHeader("ETag", tag);
    return r;
}

HttpResponse pagedList(const ApiRequest& request, const QJsonArray& items, const QString& idKey)
{
    bool ok = true;
    int limit = 100;
    if (request.hasQuery("limit")) {
        limit = request.query("limit").toInt(&ok);
        if (!ok || limit < 1 || limit > 500)
            return problem(400, QStringLiteral("invalid-request"), QStringLiteral("Invalid request"),
                           QStringLiteral("limit must be a number from 1 to 500."));
    }
    qsizetype start = 0;
    const QString cursor = request.query("cursor");
    if (!cursor.isEmpty()) {
        const QString after =
            QString::fromUtf8(QByteArray::fromBase64(cursor.toLatin1(), QByteArray::Base64UrlEncoding));
        start = -1;
        for (qsizetype i = 0; i < items.size(); ++i)
            if (items[i].toObject().value(idKey).toString() == after) {
                start = i + 1;
                break;
            }
        if (start < 0)
            return problem(400, QStringLiteral("invalid-request"), QStringLiteral("Invalid request"),
                           QStringLiteral("The cursor is unknown or its item is gone; start again without it."));
    }
    QJsonArray page;
    for (qsizetype i = start; i < items.size() && page.size() < limit; ++i)
        page.append(items[i]);
    QString next;
    if (start + page.size() < items.size() && !page.isEmpty())
        next = QString::fromLatin1(page.last().toObject().value(idKey).toString().toUtf8().toBase64(
            QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
    return jsonResponse(page, next);
}

} // namespace gatehouse::api
