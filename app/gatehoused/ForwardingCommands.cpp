// gatehoused forwarding status|add|update|remove: the audit trail's destinations (syslog collectors of a SIEM).
#include "CommandTable.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "forward/DestinationJson.h"

#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

namespace gatehouse::cli {

namespace {

// The tenant named by --tenant (by name), or the platform.
Result<QString> scopeOf(const Invocation& in, service::ControlPlane& cp, const service::Caller& local)
{
    if (!in.isSet("tenant"))
        return QString();
    auto tenants = cp.listTenants(local);
    if (!tenants)
        return tenants.error();
    for (const auto& t : tenants.value()) {
        if (t.name == in.value("tenant"))
            return t.id;
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("no tenant named %1").arg(in.value("tenant")));
}

Result<QByteArray> readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

QString when(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate) : QStringLiteral("never");
}

int runStatus(const Invocation& in, service::ControlPlane& cp, const service::Caller& local, const QString& tenantId)
{
    auto status = cp.forwardingStatus(local, tenantId);
    if (!status)
        return fail(status.error());
    if (in.isSet("json")) {
        QJsonArray items;
        for (const auto& s : status.value())
            items.append(forward::toJson(s));
        QTextStream(stdout)
            << QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    QTextStream out(stdout);
    if (status.value().isEmpty())
        out << "no forwarding destination; add one with: gatehoused forwarding add --name NAME --host HOST --ca-file "
               "CA.pem\n";
    bool alarmed = false;
    for (const auto& s : status.value()) {
        const forward::Destination& d = s.destination;
        alarmed = alarmed || s.alarmed;
        out << d.name << "  " << d.id << "  " << d.transportName() << "://" << d.host << ':' << d.port << "  "
            << d.formatName() << (d.enabled ? "" : "  (disabled)") << "\n"
            << "  " << (s.connected ? "connected" : "not connected") << (s.alarmed ? ", ALARM" : "") << "; lag "
            << s.lagEvents << " events, " << s.lagMs / 1000 << " s; delivered through event " << s.cursorSeq
            << " (last at " << when(s.lastDeliveredAtMs) << ")\n";
        if (!s.lastError.isEmpty())
            out << "  last error (" << when(s.lastErrorAtMs) << "): " << s.lastError << "\n";
        if (s.unreachableSinceMs > 0)
            out << "  unreachable since " << when(s.unreachableSinceMs) << "\n";
    }
    return alarmed ? ExitControlFailed : ExitOk;
}

// What the options say of a destination (forwarding add and update): only what is given.
Result<forward::DestinationChange> changeFrom(const Invocation& in)
{
    forward::DestinationChange c;
    if (in.isSet("name"))
        c.name = in.value("name");
    if (in.isSet("host"))
        c.host = in.value("host");
    if (in.isSet("transport")) {
        auto transport = forward::parseTransport(in.value("transport"));
        if (!transport)
            return transport.error();
        c.transport = transport.value();
    }
    if (in.isSet("port")) {
        bool ok = false;
        c.port = in.value("port").toInt(&ok);
        if (!ok)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("--port takes a number from 1 to 65535"));
    }
    if (in.isSet("server-name"))
        c.serverName = in.value("server-name");
    if (in.isSet("format")) {
        auto format = forward::parseFormat(in.value("format"));
        if (!format)
            return format.error();
        c.format = format.value();
    }
    if (in.isSet("ca-sha256"))
        c.caSha256 = in.value("ca-sha256");
    if (in.isSet("ca-file")) {
        auto pem = readFile(in.value("ca-file"));
        if (!pem)
            return pem.error();
        c.caPem = pem.value();
    }
    if (in.isSet("client-cert") != in.isSet("client-key"))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("give both --client-cert and --client-key, or neither"));
    if (in.isSet("client-cert")) {
        auto cert = readFile(in.value("client-cert"));
        auto key = readFile(in.value("client-key"));
        if (!cert || !key)
            return !cert ? cert.error() : key.error();
        c.clientCertPem = cert.value();
        QByteArray k = key.value();
        c.clientKeyPem = std::make_shared<const SecureBytes>(reinterpret_cast<const unsigned char*>(k.constData()),
                                                             std::size_t(k.size()));
        k.fill('\0');
    }
    if (in.isSet("alarm-after-s"))
        c.alarmAfterMs = in.value("alarm-after-s").toLongLong() * 1000;
    if (in.isSet("enabled")) {
        const QString v = in.value("enabled");
        if (v != QLatin1String("yes") && v != QLatin1String("no"))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("--enabled takes yes or no"));
        c.enabled = v == QLatin1String("yes");
    }
    return c;
}

int runAdd(const Invocation& in, service::ControlPlane& cp, const service::Caller& local, const QString& tenantId)
{
    if (!in.isSet("name") || !in.isSet("host"))
        return usage(QStringLiteral("forwarding add needs --name and --host (and --ca-file or --ca-sha256 for tls)"));
    auto change = changeFrom(in);
    if (!change)
        return usage(change.error().message);
    forward::Destination d = forward::applied(forward::Destination{}, change.value());
    d.tenantId = tenantId;
    if (!change.value().port)
        d.port = d.transport == forward::Destination::Transport::Tls ? 6514 : 514;
    auto created = cp.createForwardDestination(local, d, in.isSet("from-beginning"));
    if (!created)
        return fail(created.error());
    QTextStream(stdout) << "added forwarding destination " << created.value().name << " (" << created.value().id
                        << "); a running gatehoused serve starts forwarding to it within seconds" << Qt::endl;
    return ExitOk;
}

int runUpdate(const Invocation& in, service::ControlPlane& cp, const service::Caller& local, const QString& tenantId)
{
    if (!in.isSet("id"))
        return usage(QStringLiteral("forwarding update needs --id (the destination's id, see forwarding status)"));
    auto change = changeFrom(in);
    if (!change)
        return usage(change.error().message);
    auto updated = cp.updateForwardDestination(local, tenantId, in.value("id"), change.value());
    if (!updated)
        return fail(updated.error());
    QTextStream(stdout) << "changed forwarding destination " << updated.value().name << " (" << updated.value().id
                        << "); a running gatehoused serve uses the change within seconds" << Qt::endl;
    return ExitOk;
}

int runForwarding(Invocation& in)
{
    if (in.args.size() < 2)
        return usage(QStringLiteral("forwarding needs a subcommand: status, add, update or remove"));
    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& cp = *opened.value().controlPlane;
    const service::Caller local = service::Caller::system(service::Source::Cli);
    auto tenantId = scopeOf(in, cp, local);
    if (!tenantId)
        return fail(tenantId.error());
    const QString sub = in.args.at(1);
    if (sub == QLatin1String("status") && in.args.size() == 2)
        return runStatus(in, cp, local, tenantId.value());
    if (sub == QLatin1String("add") && in.args.size() == 2)
        return runAdd(in, cp, local, tenantId.value());
    if (sub == QLatin1String("update") && in.args.size() == 2)
        return runUpdate(in, cp, local, tenantId.value());
    if (sub == QLatin1String("remove")) {
        if (!in.isSet("id"))
            return usage(QStringLiteral("forwarding remove needs --id (the destination's id, see forwarding status)"));
        if (auto r = cp.deleteForwardDestination(local, tenantId.value(), in.value("id")); !r)
            return fail(r.error());
        QTextStream(stdout) << "removed forwarding destination " << in.value("id") << Qt::endl;
        return ExitOk;
    }
    return usage(QStringLiteral("unknown forwarding subcommand '%1': use status, add, update or remove").arg(sub));
}

} // namespace

void addForwardingCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("id"), QStringLiteral("forwarding update, remove: the destination's id."),
                     QStringLiteral("ID")});
    table.addOption({QStringLiteral("enabled"), QStringLiteral("forwarding update: forward to it (yes) or not (no)."),
                     QStringLiteral("yes|no")});
    table.addOption({QStringLiteral("name"), QStringLiteral("forwarding add, update: the destination's name."),
                     QStringLiteral("NAME")});
    table.addOption({QStringLiteral("host"), QStringLiteral("forwarding add, update: the collector's host."),
                     QStringLiteral("HOST")});
    table.addOption({QStringLiteral("port"), QStringLiteral("forwarding add, update: the collector's port (6514)."),
                     QStringLiteral("PORT")});
    table.addOption({QStringLiteral("transport"),
                     QStringLiteral("forwarding add, update: tls (default) or tcp (only to this machine)."),
                     QStringLiteral("tls|tcp")});
    table.addOption({QStringLiteral("server-name"),
                     QStringLiteral("forwarding add, update: the name the collector's certificate carries."),
                     QStringLiteral("NAME")});
    table.addOption({QStringLiteral("ca-file"),
                     QStringLiteral("forwarding add, update: the CA that issued the collector's certificate (PEM)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("ca-sha256"),
                     QStringLiteral("forwarding add, update: or the collector certificate's SHA-256 fingerprint."),
                     QStringLiteral("HEX")});
    table.addOption({QStringLiteral("client-cert"),
                     QStringLiteral("forwarding add, update: a client certificate to present (PEM)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("client-key"), QStringLiteral("forwarding add, update: its private key (PEM)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("alarm-after-s"),
                     QStringLiteral("forwarding add, update: alarm when unreachable this long (900)."),
                     QStringLiteral("S")});
    table.addOption({QStringLiteral("from-beginning"),
                     QStringLiteral("forwarding add: send the whole trail, not only new events.")});
    table.add({QStringLiteral("forwarding"),
               QStringLiteral(
                   "  forwarding status [--tenant NAME] [--json]   audit forwarding destinations: connected, lag,\n"
                   "              last error (exit 10 when one is in alarm)\n"
                   "  forwarding add --name NAME --host HOST [--port 6514] [--transport tls|tcp] [--server-name N]\n"
                   "              [--ca-file PEM | --ca-sha256 HEX] [--client-cert PEM --client-key PEM]\n"
                   "              [--format json|cef|ocsf] [--alarm-after-s S] [--from-beginning] [--tenant NAME]\n"
                   "  forwarding update --id ID [the options of add] [--enabled yes|no] [--tenant NAME]\n"
                   "              change what is given; the rest, and what the collector took, stay\n"
                   "  forwarding remove --id ID [--tenant NAME]\n"),
               true, runForwarding});
}

} // namespace gatehouse::cli
