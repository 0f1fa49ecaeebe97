// gatehoused forwarding status|add|remove: the audit trail's destinations (syslog collectors of a SIEM).
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

int runAdd(const Invocation& in, service::ControlPlane& cp, const service::Caller& local, const QString& tenantId)
{
    if (!in.isSet("name") || !in.isSet("host"))
        return usage(QStringLiteral("forwarding add needs --name and --host (and --ca-file or --ca-sha256 for tls)"));
    forward::Destination d;
    d.tenantId = tenantId;
    d.name = in.value("name");
    d.host = in.value("host");
    auto transport = forward::parseTransport(in.value("transport"));
    if (!transport)
        return usage(transport.error().message);
    d.transport = transport.value();
    d.port = in.isSet("port") ? in.value("port").toInt()
                              : (d.transport == forward::Destination::Transport::Tls ? 6514 : 514);
    d.serverName = in.value("server-name");
    auto format = forward::parseFormat(in.isSet("format") ? in.value("format") : QString());
    if (!format)
        return usage(format.error().message);
    d.format = format.value();
    d.caSha256 = in.value("ca-sha256");
    if (in.isSet("ca-file")) {
        auto pem = readFile(in.value("ca-file"));
        if (!pem)
            return fail(pem.error());
        d.caPem = pem.value();
    }
    if (in.isSet("client-cert") != in.isSet("client-key"))
        return usage(QStringLiteral("give both --client-cert and --client-key, or neither"));
    if (in.isSet("client-cert")) {
        auto cert = readFile(in.value("client-cert"));
        auto key = readFile(in.value("client-key"));
        if (!cert || !key)
            return fail(!cert ? cert.error() : key.error());
        d.clientCertPem = cert.value();
        QByteArray k = key.value();
        d.clientKeyPem = std::make_shared<const SecureBytes>(reinterpret_cast<const unsigned char*>(k.constData()),
                                                             std::size_t(k.size()));
        k.fill('\0');
    }
    if (in.isSet("alarm-after-s"))
        d.alarmAfterMs = in.value("alarm-after-s").toLongLong() * 1000;
    auto created = cp.createForwardDestination(local, d, in.isSet("from-beginning"));
    if (!created)
        return fail(created.error());
    QTextStream(stdout) << "added forwarding destination " << created.value().name << " (" << created.value().id
                        << "); a running gatehoused serve starts forwarding to it within seconds" << Qt::endl;
    return ExitOk;
}

int runForwarding(Invocation& in)
{
    if (in.args.size() < 2)
        return usage(QStringLiteral("forwarding needs a subcommand: status, add or remove"));
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
    if (sub == QLatin1String("remove")) {
        if (!in.isSet("id"))
            return usage(QStringLiteral("forwarding remove needs --id (the destination's id, see forwarding status)"));
        if (auto r = cp.deleteForwardDestination(local, tenantId.value(), in.value("id")); !r)
            return fail(r.error());
        QTextStream(stdout) << "removed forwarding destination " << in.value("id") << Qt::endl;
        return ExitOk;
    }
    return usage(QStringLiteral("unknown forwarding subcommand '%1': use status, add or remove").arg(sub));
}

} // namespace

void addForwardingCommands(CommandTable& table)
{
    table.addOption(
        {QStringLiteral("id"), QStringLiteral("forwarding remove: the destination's id."), QStringLiteral("ID")});
    table.addOption(
        {QStringLiteral("name"), QStringLiteral("forwarding add: the destination's name."), QStringLiteral("NAME")});
    table.addOption(
        {QStringLiteral("host"), QStringLiteral("forwarding add: the collector's host."), QStringLiteral("HOST")});
    table.addOption({QStringLiteral("port"), QStringLiteral("forwarding add: the collector's port (6514)."),
                     QStringLiteral("PORT")});
    table.addOption({QStringLiteral("transport"),
                     QStringLiteral("forwarding add: tls (default) or tcp (only to this machine)."),
                     QStringLiteral("tls|tcp")});
    table.addOption({QStringLiteral("server-name"),
                     QStringLiteral("forwarding add: the name the collector's certificate carries."),
                     QStringLiteral("NAME")});
    table.addOption({QStringLiteral("ca-file"),
                     QStringLiteral("forwarding add: the CA that issued the collector's certificate (PEM)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("ca-sha256"),
                     QStringLiteral("forwarding add: or the collector certificate's SHA-256 fingerprint."),
                     QStringLiteral("HEX")});
    table.addOption({QStringLiteral("client-cert"),
                     QStringLiteral("forwarding add: a client certificate to present (PEM)."), QStringLiteral("FILE")});
    table.addOption({QStringLiteral("client-key"), QStringLiteral("forwarding add: its private key (PEM)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("alarm-after-s"),
                     QStringLiteral("forwarding add: alarm when unreachable this long (900)."), QStringLiteral("S")});
    table.addOption({QStringLiteral("from-beginning"),
                     QStringLiteral("forwarding add: send the whole trail, not only new events.")});
    table.add({QStringLiteral("forwarding"),
               QStringLiteral(
                   "  forwarding status [--tenant NAME] [--json]   audit forwarding destinations: connected, lag,\n"
                   "              last error (exit 10 when one is in alarm)\n"
                   "  forwarding add --name NAME --host HOST [--port 6514] [--transport tls|tcp] [--server-name N]\n"
                   "              [--ca-file PEM | --ca-sha256 HEX] [--client-cert PEM --client-key PEM]\n"
                   "              [--format json|cef|ocsf] [--alarm-after-s S] [--from-beginning] [--tenant NAME]\n"
                   "  forwarding remove --id ID [--tenant NAME]\n"),
               true, runForwarding});
}

} // namespace gatehouse::cli
