#pragma once

#include "ApiService.h"
#include "HttpServer.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

namespace gatehouse::api {

// How the API is served: from a JSON config file, then the environment, then command-line flags (each later
// source overrides the earlier). Plain HTTP is refused unless asked for explicitly, and then only on loopback
// or a Unix socket (a TLS-terminating reverse proxy in front).
struct ServeSettings
{
    QString listen = QStringLiteral("127.0.0.1:8443"); // ADDR:PORT ("[::1]:8443" for IPv6)
    QString mode = QStringLiteral("tls");              // tls, http, unix
    QString unixSocket;
    QStringList trustedProxies;
    QString certificateFile;      // default: <data-dir>/tls/server.crt
    QString keyFile;              // default: <data-dir>/tls/server.key
    QString clientCaFile;         // set: clients must present a certificate signed by this CA (mutual TLS)
    QStringList certificateNames; // extra DNS names / addresses for a generated certificate
    ServerLimits limits;
    ApiConfig api;
    int drainGraceMs = 10'000;
    // Minutes between scheduled runs of the boundary checks, whose results are kept as history (0: off).
    int controlCheckMinutes = 15;
    // Days of those results kept (0: all); older ones are pruned after each run, but each control's newest before.
    int controlHistoryDays = 400;

    // Reads a config file (a JSON object; unknown keys are refused so typos do not pass silently).
    Result<void> readFile(const QString& path);
    // GATEHOUSE_LISTEN, GATEHOUSE_MODE, GATEHOUSE_UNIX_SOCKET, GATEHOUSE_TRUSTED_PROXIES (comma separated),
    // GATEHOUSE_TLS_CERT, GATEHOUSE_TLS_KEY, GATEHOUSE_CLIENT_CA, GATEHOUSE_WORKERS,
    // GATEHOUSE_CONTROL_CHECK_MINUTES, GATEHOUSE_CONTROL_HISTORY_DAYS.
    Result<void> readEnvironment(const QProcessEnvironment& env);
    // The listen address and port, checked; and the policy on plain HTTP.
    Result<ListenConfig> listenConfig() const;
    // The same settings as a JSON object (for `serve --print-config` and the docs).
    QJsonObject toJson() const;
};

} // namespace gatehouse::api
