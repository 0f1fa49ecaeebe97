#include "Router.h"

#include <QUrl>

namespace gatehouse::api {

void Router::add(const QByteArray& method, const QString& pattern, const QString& operationId, Handler handler,
                 bool anonymous)
{
    Route r;
    r.method = method;
    r.pattern = pattern;
    r.operationId = operationId;
    r.handler = std::move(handler);
    r.anonymous = anonymous;
    r.segments = pattern.split(QLatin1Char('/'));
    m_routes.append(std::move(r));
}

void Router::addWithBody(const QByteArray& method, const QString& pattern, const QString& operationId, Handler handler,
                         bool anonymous)
{
    add(method, pattern, operationId, std::move(handler), anonymous);
    m_routes.last().body = RouteBody::Json;
}

Router::Match Router::match(const QByteArray& method, const QByteArray& rawPath) const
{
    Match m;
    QStringList segments;
    for (const QByteArray& raw : rawPath.split('/')) {
        const QByteArray decoded = QByteArray::fromPercentEncoding(raw);
        // Refuse what no route needs and what path tricks are made of: NUL and control bytes, invalid UTF-8.
        for (char c : decoded)
            if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
                m.badPath = true;
                return m;
            }
        const QString s = QString::fromUtf8(decoded);
        if (s.toUtf8() != decoded) {
            m.badPath = true;
            return m;
        }
        segments.append(s);
    }
    const bool headAsGet = method == "HEAD";
    for (const Route& r : m_routes) {
        if (r.segments.size() != segments.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < segments.size() && ok; ++i) {
            const QString& p = r.segments[i];
            if (p.startsWith(QLatin1Char('{')) && p.endsWith(QLatin1Char('}'))) {
                if (segments[i].isEmpty())
                    ok = false;
                else
                    params.insert(p.mid(1, p.size() - 2), segments[i]);
            } else if (p != segments[i]) {
                ok = false;
            }
        }
        if (!ok)
            continue;
        // HEAD only where nothing is streamed or subscribed to: the anonymous GETs (health, readiness, the API
        // document). Elsewhere it answers 405, naming GET.
        if (r.method == method || (headAsGet && r.method == "GET" && r.anonymous)) {
            m.route = &r;
            m.params = std::move(params);
            return m;
        }
        if (!m.allowed.contains(r.method))
            m.allowed.append(r.method);
    }
    return m;
}

} // namespace gatehouse::api
