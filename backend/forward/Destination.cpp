#include "Destination.h"

#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"

#include <QHostAddress>
#include <QSslCertificate>
#include <QSslKey>

namespace gatehouse::forward {

namespace {

Error invalid(const QString& message)
{
    return makeError(ErrorCode::InvalidArgument, message);
}

constexpr const char* kDestinationColumns =
    "d.id, d.tenant_id, d.name, d.transport, d.host, d.port, d.server_name, d.format, d.ca_pem, d.ca_sha256, "
    "d.client_cert_pem, d.alarm_after_ms, d.enabled, d.created_at, d.updated_at, d.start_seq";

Destination readDestination(const store::Statement& s)
{
    Destination d;
    d.id = s.text(0);
    d.tenantId = s.text(1);
    d.name = s.text(2);
    d.transport = s.text(3) == QLatin1String("tcp") ? Destination::Transport::Tcp : Destination::Transport::Tls;
    d.host = s.text(4);
    d.port = int(s.int64(5));
    d.serverName = s.text(6);
    auto format = parseFormat(s.text(7));
    d.format = format ? format.value() : audit::ExportFormat::JsonLines;
    d.caPem = s.text(8).toLatin1();
    d.caSha256 = s.text(9);
    d.clientCertPem = s.text(10).toLatin1();
    d.alarmAfterMs = s.int64(11);
    d.enabled = s.int64(12) != 0;
    d.createdAtMs = s.int64(13);
    d.updatedAtMs = s.int64(14);
    d.startSeq = s.int64(15);
    return d;
}

template <typename... Args> Result<qint64> scalar(store::Database& db, const char* text, const Args&... args)
{
    auto s = store::sql::query(db, text, args...);
    if (!s)
        return s.error();
    auto row = s.value().step();
    if (!row)
        return row.error();
    return row.value() ? s.value().int64(0) : qint64(0);
}

} // namespace

QString Destination::transportName() const
{
    return transport == Transport::Tcp ? QStringLiteral("tcp") : QStringLiteral("tls");
}

QString Destination::formatName() const
{
    switch (format) {
    case audit::ExportFormat::Cef:
        return QStringLiteral("cef");
    case audit::ExportFormat::Ocsf:
        return QStringLiteral("ocsf");
    default:
        return QStringLiteral("json");
    }
}

Result<Destination::Transport> parseTransport(const QString& name)
{
    if (name.isEmpty() || name == QLatin1String("tls"))
        return Destination::Transport::Tls;
    if (name == QLatin1String("tcp"))
        return Destination::Transport::Tcp;
    return invalid(QStringLiteral("unknown transport '%1': use tls (RFC 5425), or tcp to a relay on this machine")
                       .arg(name.left(20)));
}

Result<audit::ExportFormat> parseFormat(const QString& name)
{
    if (name.isEmpty() || name == QLatin1String("json"))
        return audit::ExportFormat::JsonLines;
    if (name == QLatin1String("cef"))
        return audit::ExportFormat::Cef;
    if (name == QLatin1String("ocsf"))
        return audit::ExportFormat::Ocsf;
    return invalid(QStringLiteral("unknown format '%1': use json, cef or ocsf").arg(name.left(20)));
}

bool isLoopback(const QString& host)
{
    if (host == QLatin1String("localhost"))
        return true;
    const QHostAddress address(host);
    return !address.isNull() && address.isLoopback();
}

QString normalizeFingerprint(const QString& text)
{
    QString hex = text.trimmed().toLower();
    hex.remove(QLatin1Char(':'));
    if (hex.size() != 64)
        return {};
    for (QChar c : hex) {
        if (!c.isDigit() && (c < QLatin1Char('a') || c > QLatin1Char('f')))
            return {};
    }
    return hex;
}

Destination applied(const Destination& current, const DestinationChange& change)
{
    Destination d = current;
    d.name = change.name.value_or(d.name);
    d.host = change.host.value_or(d.host);
    d.port = change.port.value_or(d.port);
    d.transport = change.transport.value_or(d.transport);
    d.serverName = change.serverName.value_or(d.serverName);
    d.format = change.format.value_or(d.format);
    d.caPem = change.caPem.value_or(d.caPem);
    d.caSha256 = change.caSha256.value_or(d.caSha256);
    d.clientCertPem = change.clientCertPem.value_or(d.clientCertPem);
    // A key belongs to its certificate: a new certificate without a new key leaves none (and validate() says so).
    if (change.clientKeyPem)
        d.clientKeyPem = change.clientKeyPem;
    else if (d.clientCertPem != current.clientCertPem)
        d.clientKeyPem.reset();
    d.alarmAfterMs = change.alarmAfterMs.value_or(d.alarmAfterMs);
    d.enabled = change.enabled.value_or(d.enabled);
    return d;
}

Result<void> validate(const Destination& d)
{
    if (d.host.isEmpty() || d.host.size() > 253 || d.host.contains(QLatin1Char(' ')) ||
        d.host.contains(QLatin1Char('/')))
        return invalid(QStringLiteral("give the collector's host name or address"));
    if (d.port < 1 || d.port > 65535)
        return invalid(QStringLiteral("the port must be between 1 and 65535 (syslog over TLS is usually 6514)"));
    if (d.alarmAfterMs < 1000 || d.alarmAfterMs > 7LL * 24 * 3600 * 1000)
        return invalid(QStringLiteral("the alarm delay must be between 1 second and 7 days"));
    if (d.transport == Destination::Transport::Tcp) {
        if (!isLoopback(d.host))
            return invalid(QStringLiteral("plain TCP carries audit events in clear: it is allowed only to a relay "
                                          "on this machine (127.0.0.1, ::1 or localhost); use tls for %1")
                               .arg(d.host));
        return {};
    }
    if (d.caPem.isEmpty() && d.caSha256.isEmpty())
        return invalid(QStringLiteral("pin the collector: give the CA that issued its certificate (PEM), or its "
                                      "certificate's SHA-256 fingerprint"));
    if (!d.caPem.isEmpty() && QSslCertificate::fromData(d.caPem, QSsl::Pem).isEmpty())
        return invalid(QStringLiteral("the CA is not a PEM certificate"));
    if (!d.caSha256.isEmpty() && normalizeFingerprint(d.caSha256).isEmpty())
        return invalid(QStringLiteral("the fingerprint must be 64 hex digits (SHA-256), colons allowed"));
    const bool hasKey = d.clientKeyPem && !d.clientKeyPem->isEmpty();
    if (d.clientCertPem.isEmpty() != !hasKey)
        return invalid(QStringLiteral("give both the client certificate and its private key, or neither"));
    if (!d.clientCertPem.isEmpty()) {
        if (QSslCertificate::fromData(d.clientCertPem, QSsl::Pem).isEmpty())
            return invalid(QStringLiteral("the client certificate is not a PEM certificate"));
        const QByteArray pem = d.clientKeyPem->view().toByteArray();
        bool readable = false;
        for (QSsl::KeyAlgorithm algorithm : {QSsl::Rsa, QSsl::Ec}) {
            if (!QSslKey(pem, algorithm, QSsl::Pem).isNull()) {
                readable = true;
                break;
            }
        }
        if (!readable)
            return invalid(QStringLiteral("the client key is not an unencrypted PEM private key (RSA or EC)"));
    }
    return {};
}

Result<QList<Destination>> loadDestinations(store::Database& db, const QString* tenantId, bool enabledOnly,
                                            bool withKeys)
{
    QByteArray sql = QByteArray("SELECT ") + kDestinationColumns + ", d.client_key_pem FROM forward_destinations d";
    QByteArray where;
    if (tenantId)
        where += " WHERE d.tenant_id = ?";
    if (enabledOnly)
        where += where.isEmpty() ? " WHERE d.enabled = 1" : " AND d.enabled = 1";
    sql += where + " ORDER BY d.tenant_id, d.name;";
    const auto read = [withKeys](const store::Statement& s) {
        Destination d = readDestination(s);
        if (withKeys) {
            const QByteArray key = s.blob(16);
            if (!key.isEmpty())
                d.clientKeyPem = std::make_shared<const SecureBytes>(
                    reinterpret_cast<const unsigned char*>(key.constData()), std::size_t(key.size()));
        }
        return d;
    };
    if (tenantId)
        return store::sql::all(db, read, sql.constData(), *tenantId);
    return store::sql::all(db, read, sql.constData());
}

Result<QList<DestinationStatus>> loadStatus(store::Database& db, store::Database* state, const QString* tenantId,
                                            qint64 nowMs)
{
    auto destinations = loadDestinations(db, tenantId, false, false);
    if (!destinations)
        return destinations.error();
    QList<DestinationStatus> out;
    for (const Destination& d : destinations.value()) {
        DestinationStatus st;
        st.destination = d;
        st.cursorSeq = d.startSeq;
        if (state) {
            auto s = store::sql::query(*state,
                                       "SELECT cursor_seq, connected, last_error, last_error_at, last_delivered_at, "
                                       "unreachable_since, alarmed FROM forward_state WHERE destination_id = ?;",
                                       d.id);
            if (!s)
                return s.error();
            auto row = s.value().step();
            if (!row)
                return row.error();
            if (row.value()) {
                st.cursorSeq = std::max(d.startSeq, s.value().int64(0));
                st.connected = s.value().int64(1) != 0;
                st.lastError = s.value().text(2);
                st.lastErrorAtMs = s.value().int64(3);
                st.lastDeliveredAtMs = s.value().int64(4);
                st.unreachableSinceMs = s.value().int64(5);
                st.alarmed = s.value().int64(6) != 0;
            }
            s.value().reset();
        }
        // The backlog is the log itself: what of the scope lies after the cursor, and how long its oldest waited.
        Result<qint64> count = d.tenantId.isEmpty()
                                   ? scalar(db, "SELECT count(*) FROM audit_events WHERE seq > ?;", st.cursorSeq)
                                   : scalar(db, "SELECT count(*) FROM audit_events WHERE seq > ? AND tenant_id = ?;",
                                            st.cursorSeq, d.tenantId);
        if (!count)
            return count.error();
        st.lagEvents = count.value();
        if (st.lagEvents > 0) {
            Result<qint64> oldest =
                d.tenantId.isEmpty()
                    ? scalar(db, "SELECT time_ms FROM audit_events WHERE seq > ? ORDER BY seq LIMIT 1;", st.cursorSeq)
                    : scalar(db,
                             "SELECT time_ms FROM audit_events WHERE seq > ? AND tenant_id = ? ORDER BY seq LIMIT 1;",
                             st.cursorSeq, d.tenantId);
            if (!oldest)
                return oldest.error();
            st.lagMs = std::max<qint64>(0, nowMs - oldest.value());
        }
        out << st;
    }
    return out;
}

} // namespace gatehouse::forward
