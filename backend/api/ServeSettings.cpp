#include "ServeSettings.h"

#include "core/Logging.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::api {

namespace {

Error bad(const QString& message)
{
    return Error{ErrorCode::InvalidArgument, message};
}

Result<void> readInt(const QJsonObject& o, const char* key, int minimum, int maximum, int& out, const QString& where)
{
    if (!o.contains(QLatin1String(key)))
        return {};
    const QJsonValue v = o.value(QLatin1String(key));
    const double d = v.toDouble(-1);
    if (!v.isDouble() || d != double(qint64(d)) || d < minimum || d > maximum)
        return bad(QStringLiteral("%1: \"%2\" must be a whole number from %3 to %4")
                       .arg(where, QLatin1String(key))
                       .arg(minimum)
                       .arg(maximum));
    out = int(d);
    return {};
}

Result<void> readDouble(const QJsonObject& o, const char* key, double& out, const QString& where)
{
    if (!o.contains(QLatin1String(key)))
        return {};
    const QJsonValue v = o.value(QLatin1String(key));
    if (!v.isDouble() || v.toDouble() < 0)
        return bad(
            QStringLiteral("%1: \"%2\" must be a number >= 0 (0 turns the limit off)").arg(where, QLatin1String(key)));
    out = v.toDouble();
    return {};
}

Result<void> onlyKeys(const QJsonObject& o, const QStringList& known, const QString& where)
{
    for (auto it = o.begin(); it != o.end(); ++it)
        if (!known.contains(it.key()))
            return bad(QStringLiteral("%1: unknown setting \"%2\" (known: %3)")
                           .arg(where, it.key(), known.join(QStringLiteral(", "))));
    return {};
}

Result<QStringList> stringList(const QJsonValue& v, const QString& what)
{
    if (!v.isArray())
        return bad(QStringLiteral("%1 must be a list of strings").arg(what));
    QStringList out;
    for (const QJsonValue& e : v.toArray()) {
        if (!e.isString())
            return bad(QStringLiteral("%1 must be a list of strings").arg(what));
        out << e.toString();
    }
    return out;
}

} // namespace

Result<void> ServeSettings::readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::NotFound,
                     QStringLiteral("cannot read the config file %1: %2").arg(path, f.errorString())};
    QJsonParseError err{};
    const QJsonDocument doc = QJsonDocument::fromJson(f.read(1024 * 1024), &err);
    if (err.error != QJsonParseError::NoError || !doc.isObject())
        return bad(
            QStringLiteral("%1 is not a JSON object (%2 at byte %3)").arg(path, err.errorString()).arg(err.offset));
    const QJsonObject o = doc.object();
    const QString where = path;
    if (auto r = onlyKeys(o,
                          {QStringLiteral("listen"), QStringLiteral("mode"), QStringLiteral("unix_socket"),
                           QStringLiteral("trusted_proxies"), QStringLiteral("tls"), QStringLiteral("limits"),
                           QStringLiteral("rate_limits"), QStringLiteral("access_log"),
                           QStringLiteral("drain_grace_ms"), QStringLiteral("audit_read_batching"),
                           QStringLiteral("control_check_minutes"), QStringLiteral("control_history_days")},
                          where);
        !r)
        return r;
    auto text = [&o](const char* key, QString& out) -> Result<void> {
        if (!o.contains(QLatin1String(key)))
            return {};
        if (!o.value(QLatin1String(key)).isString())
            return bad(QStringLiteral("\"%1\" must be a string").arg(QLatin1String(key)));
        out = o.value(QLatin1String(key)).toString();
        return {};
    };
    for (auto r : {text("listen", listen), text("mode", mode), text("unix_socket", unixSocket)})
        if (!r)
            return r;
    if (o.contains(QStringLiteral("trusted_proxies"))) {
        auto l = stringList(o.value(QStringLiteral("trusted_proxies")), QStringLiteral("trusted_proxies"));
        if (!l)
            return l.error();
        trustedProxies = l.value();
    }
    if (o.contains(QStringLiteral("access_log")))
        api.accessLog = o.value(QStringLiteral("access_log")).toBool(true);
    // Files written for earlier versions may still name it; every answer now waits for its audit record.
    if (o.contains(QStringLiteral("audit_read_batching")))
        qCWarning(lcApi) << "audit_read_batching in" << path
                         << "is no longer used and is ignored: every answer waits for its audit record";
    if (auto r = readInt(o, "drain_grace_ms", 0, 600'000, drainGraceMs, where); !r)
        return r;
    if (auto r = readInt(o, "control_check_minutes", 0, 1440, controlCheckMinutes, where); !r)
        return r;
    if (auto r = readInt(o, "control_history_days", 0, 36500, controlHistoryDays, where); !r)
        return r;
    const QJsonObject tls = o.value(QStringLiteral("tls")).toObject();
    if (auto r = onlyKeys(tls,
                          {QStringLiteral("certificate"), QStringLiteral("key"), QStringLiteral("client_ca"),
                           QStringLiteral("names")},
                          where + QStringLiteral(" tls"));
        !r)
        return r;
    certificateFile = tls.value(QStringLiteral("certificate")).toString(certificateFile);
    keyFile = tls.value(QStringLiteral("key")).toString(keyFile);
    clientCaFile = tls.value(QStringLiteral("client_ca")).toString(clientCaFile);
    if (tls.contains(QStringLiteral("names"))) {
        auto l = stringList(tls.value(QStringLiteral("names")), QStringLiteral("tls.names"));
        if (!l)
            return l.error();
        certificateNames = l.value();
    }
    const QJsonObject lim = o.value(QStringLiteral("limits")).toObject();
    const QString lw = where + QStringLiteral(" limits");
    if (auto r =
            onlyKeys(lim,
                     {QStringLiteral("max_header_bytes"), QStringLiteral("max_body_bytes"),
                      QStringLiteral("max_headers"), QStringLiteral("handshake_timeout_ms"),
                      QStringLiteral("idle_timeout_ms"), QStringLiteral("request_timeout_ms"),
                      QStringLiteral("max_connections"), QStringLiteral("workers"), QStringLiteral("json_max_depth")},
                     lw);
        !r)
        return r;
    int headerBytes = int(limits.parser.maxHeaderBytes), bodyBytes = int(limits.parser.maxBodyBytes);
    for (auto r : {readInt(lim, "max_header_bytes", 1024, 1 << 20, headerBytes, lw),
                   readInt(lim, "max_body_bytes", 1024, 64 << 20, bodyBytes, lw),
                   readInt(lim, "max_headers", 8, 1000, limits.parser.maxHeaderCount, lw),
                   readInt(lim, "handshake_timeout_ms", 100, 600'000, limits.handshakeTimeoutMs, lw),
                   readInt(lim, "idle_timeout_ms", 100, 3'600'000, limits.idleTimeoutMs, lw),
                   readInt(lim, "request_timeout_ms", 100, 3'600'000, limits.requestTimeoutMs, lw),
                   readInt(lim, "max_connections", 1, 100'000, limits.maxConnections, lw),
                   readInt(lim, "workers", 1, 64, limits.workerThreads, lw),
                   readInt(lim, "json_max_depth", 2, 512, api.json.maxDepth, lw)})
        if (!r)
            return r;
    limits.parser.maxHeaderBytes = headerBytes;
    limits.parser.maxBodyBytes = bodyBytes;
    api.json.maxBytes = bodyBytes;
    const QJsonObject rate = o.value(QStringLiteral("rate_limits")).toObject();
    const QString rw = where + QStringLiteral(" rate_limits");
    if (auto r = onlyKeys(rate,
                          {QStringLiteral("per_address"), QStringLiteral("per_address_burst"),
                           QStringLiteral("per_token"), QStringLiteral("per_token_burst")},
                          rw);
        !r)
        return r;
    for (auto r :
         {readDouble(rate, "per_address", api.addressRate, rw),
          readDouble(rate, "per_address_burst", api.addressBurst, rw), readDouble(rate, "per_token", api.tokenRate, rw),
          readDouble(rate, "per_token_burst", api.tokenBurst, rw)})
        if (!r)
            return r;
    return {};
}

Result<void> ServeSettings::readEnvironment(const QProcessEnvironment& env)
{
    auto take = [&env](const char* name, QString& out) {
        if (env.contains(QLatin1String(name)))
            out = env.value(QLatin1String(name));
    };
    take("GATEHOUSE_LISTEN", listen);
    take("GATEHOUSE_MODE", mode);
    take("GATEHOUSE_UNIX_SOCKET", unixSocket);
    take("GATEHOUSE_TLS_CERT", certificateFile);
    take("GATEHOUSE_TLS_KEY", keyFile);
    take("GATEHOUSE_CLIENT_CA", clientCaFile);
    if (env.contains(QStringLiteral("GATEHOUSE_TRUSTED_PROXIES")))
        trustedProxies =
            env.value(QStringLiteral("GATEHOUSE_TRUSTED_PROXIES")).split(QLatin1Char(','), Qt::SkipEmptyParts);
    if (env.contains(QStringLiteral("GATEHOUSE_WORKERS"))) {
        bool ok = false;
        const int n = env.value(QStringLiteral("GATEHOUSE_WORKERS")).toInt(&ok);
        if (!ok || n < 1 || n > 64)
            return bad(QStringLiteral("GATEHOUSE_WORKERS must be a number from 1 to 64"));
        limits.workerThreads = n;
    }
    if (env.contains(QStringLiteral("GATEHOUSE_CONTROL_CHECK_MINUTES"))) {
        bool ok = false;
        const int n = env.value(QStringLiteral("GATEHOUSE_CONTROL_CHECK_MINUTES")).toInt(&ok);
        if (!ok || n < 0 || n > 1440)
            return bad(QStringLiteral("GATEHOUSE_CONTROL_CHECK_MINUTES must be a number from 0 (off) to 1440"));
        controlCheckMinutes = n;
    }
    if (env.contains(QStringLiteral("GATEHOUSE_CONTROL_HISTORY_DAYS"))) {
        bool ok = false;
        const int n = env.value(QStringLiteral("GATEHOUSE_CONTROL_HISTORY_DAYS")).toInt(&ok);
        if (!ok || n < 0 || n > 36500)
            return bad(QStringLiteral("GATEHOUSE_CONTROL_HISTORY_DAYS must be a number from 0 (keep all) to 36500"));
        controlHistoryDays = n;
    }
    return {};
}

Result<ListenConfig> ServeSettings::listenConfig() const
{
    ListenConfig cfg;
    if (mode == QLatin1String("unix")) {
        if (unixSocket.isEmpty())
            return bad(QStringLiteral("mode unix needs a socket path (--unix-socket PATH)"));
        cfg.mode = ListenConfig::Mode::UnixSocket;
        cfg.socketPath = unixSocket;
        return cfg;
    }
    if (mode != QLatin1String("tls") && mode != QLatin1String("http"))
        return bad(
            QStringLiteral("mode must be tls, http (behind a TLS-terminating proxy) or unix, not \"%1\"").arg(mode));
    const qsizetype colon = listen.lastIndexOf(QLatin1Char(':'));
    QString host = colon > 0 ? listen.left(colon) : QString();
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    bool ok = false;
    const int port = colon > 0 ? listen.mid(colon + 1).toInt(&ok) : 0;
    const QHostAddress address(host == QLatin1String("localhost") ? QStringLiteral("127.0.0.1") : host);
    if (address.isNull() || !ok || port < 0 || port > 65535)
        return bad(
            QStringLiteral("listen must be ADDRESS:PORT, e.g. 127.0.0.1:8443 or [::1]:8443, not \"%1\"").arg(listen));
    cfg.address = address;
    cfg.port = quint16(port);
    if (mode == QLatin1String("http")) {
        if (!address.isLoopback())
            return bad(QStringLiteral("plain HTTP is served only on a loopback address (for a reverse proxy on this "
                                      "machine that terminates TLS); use mode tls to listen on %1")
                           .arg(address.toString()));
        cfg.mode = ListenConfig::Mode::PlainHttp;
    }
    return cfg;
}

QJsonObject ServeSettings::toJson() const
{
    return QJsonObject{
        {QStringLiteral("listen"), listen},
        {QStringLiteral("mode"), mode},
        {QStringLiteral("unix_socket"), unixSocket},
        {QStringLiteral("trusted_proxies"), QJsonArray::fromStringList(trustedProxies)},
        {QStringLiteral("access_log"), api.accessLog},
        {QStringLiteral("drain_grace_ms"), drainGraceMs},
        {QStringLiteral("control_check_minutes"), controlCheckMinutes},
        {QStringLiteral("control_history_days"), controlHistoryDays},
        {QStringLiteral("tls"), QJsonObject{{QStringLiteral("certificate"), certificateFile},
                                            {QStringLiteral("key"), keyFile},
                                            {QStringLiteral("client_ca"), clientCaFile},
                                            {QStringLiteral("names"), QJsonArray::fromStringList(certificateNames)}}},
        {QStringLiteral("limits"),
         QJsonObject{{QStringLiteral("max_header_bytes"), qint64(limits.parser.maxHeaderBytes)},
                     {QStringLiteral("max_body_bytes"), qint64(limits.parser.maxBodyBytes)},
                     {QStringLiteral("max_headers"), limits.parser.maxHeaderCount},
                     {QStringLiteral("handshake_timeout_ms"), limits.handshakeTimeoutMs},
                     {QStringLiteral("idle_timeout_ms"), limits.idleTimeoutMs},
                     {QStringLiteral("request_timeout_ms"), limits.requestTimeoutMs},
                     {QStringLiteral("max_connections"), limits.maxConnections},
                     {QStringLiteral("workers"), limits.workerThreads},
                     {QStringLiteral("json_max_depth"), api.json.maxDepth}}},
        {QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("per_address"), api.addressRate},
                                                    {QStringLiteral("per_address_burst"), api.addressBurst},
                                                    {QStringLiteral("per_token"), api.tokenRate},
                                                    {QStringLiteral("per_token_burst"), api.tokenBurst}}},
    };
}

} // namespace gatehouse::api
