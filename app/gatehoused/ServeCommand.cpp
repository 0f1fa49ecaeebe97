// gatehoused serve: the HTTPS API over the store, until SIGTERM (drain, then exit 0); SIGHUP reloads the
// certificate and key.
#include "CommandTable.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "api/ApiHost.h"
#include "api/ServeSettings.h"
#include "api/TlsCertificate.h"
#include "service/ControlCheckSchedule.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSocketNotifier>
#include <QTextStream>

#include <csignal>
#include <sys/socket.h>
#include <unistd.h>

#ifdef GATEHOUSE_HAVE_SYSTEMD
#include <systemd/sd-daemon.h>
#endif

namespace gatehouse::cli {

namespace {

int g_signalPipe[2] = {-1, -1};

extern "C" void onSignal(int signal)
{
    const char byte = char(signal);
    [[maybe_unused]] const auto n = ::write(g_signalPipe[1], &byte, 1);
}

// Turns SIGTERM, SIGINT and SIGHUP into calls on the event loop (the handler itself only writes a byte).
class SignalPipe
{
public:
    template <typename F> explicit SignalPipe(F onSignalNumber)
    {
        if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, g_signalPipe) != 0)
            return;
        m_notifier = std::make_unique<QSocketNotifier>(g_signalPipe[0], QSocketNotifier::Read);
        QObject::connect(m_notifier.get(), &QSocketNotifier::activated, m_notifier.get(), [onSignalNumber] {
            char byte = 0;
            if (::read(g_signalPipe[0], &byte, 1) == 1)
                onSignalNumber(int(byte));
        });
        struct sigaction sa = {};
        sa.sa_handler = onSignal;
        sigemptyset(&sa.sa_mask);
        sa.sa_flags = SA_RESTART;
        for (int s : {SIGTERM, SIGINT, SIGHUP})
            ::sigaction(s, &sa, nullptr);
    }
    bool ok() const { return m_notifier != nullptr; }

private:
    std::unique_ptr<QSocketNotifier> m_notifier;
};

// Tells systemd how the service is doing (Type=notify). A no-op without NOTIFY_SOCKET, or when built without
// libsystemd.
void notifySystemd([[maybe_unused]] const QString& state)
{
#ifdef GATEHOUSE_HAVE_SYSTEMD
    ::sd_notify(0, state.toUtf8().constData());
#endif
}

void logLine(const QString& line)
{
    QTextStream(stderr) << QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs) << " level=info " << line
                        << Qt::endl;
}

Result<api::ServeSettings> settingsFor(const Invocation& in)
{
    api::ServeSettings s;
    s.certificateFile = api::TlsCertificate::certificatePath(in.dataDir());
    s.keyFile = api::TlsCertificate::keyPath(in.dataDir());
    QString config = in.value("config");
    if (config.isEmpty() && QFileInfo::exists(in.dataDir() + QStringLiteral("/gatehoused.json")))
        config = in.dataDir() + QStringLiteral("/gatehoused.json");
    if (!config.isEmpty())
        if (auto r = s.readFile(config); !r)
            return r.error();
    if (auto r = s.readEnvironment(QProcessEnvironment::systemEnvironment()); !r)
        return r.error();
    if (in.isSet("listen"))
        s.listen = in.value("listen");
    if (in.isSet("plain-http"))
        s.mode = QStringLiteral("http");
    if (in.isSet("unix-socket")) {
        s.mode = QStringLiteral("unix");
        s.unixSocket = in.value("unix-socket");
    }
    if (in.isSet("trusted-proxy"))
        s.trustedProxies = in.parser.values(QStringLiteral("trusted-proxy"));
    if (in.isSet("tls-cert"))
        s.certificateFile = in.value("tls-cert");
    if (in.isSet("tls-key"))
        s.keyFile = in.value("tls-key");
    if (in.isSet("client-ca"))
        s.clientCaFile = in.value("client-ca");
    s.api.tls = s.mode == QLatin1String("tls");
    for (const QString& p : std::as_const(s.trustedProxies)) {
        const QHostAddress a(p.trimmed());
        if (a.isNull())
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("trusted proxy \"%1\" is not an IP address").arg(p)};
        s.api.trustedProxies << a;
    }
    return s;
}

int runServe(Invocation& in)
{
    auto settings = settingsFor(in);
    if (!settings)
        return usage(settings.error().message);
    api::ServeSettings& s = settings.value();
    if (in.isSet("print-config")) {
        QTextStream(stdout) << QJsonDocument(s.toJson()).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    if (auto listen = s.listenConfig(); !listen)
        return usage(listen.error().message);

    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& controlPlane = *opened.value().controlPlane;
    // Audit forwarding to the destinations in the store (none: the thread waits for one to be added).
    if (auto forwarding = controlPlane.startForwarding(); !forwarding)
        logLine(QStringLiteral("event=forwarding_unavailable reason=\"%1\"").arg(forwarding.error().message));

    auto started = api::ApiHost::start(controlPlane, s, in.dataDir());
    if (!started)
        return fail(started.error());
    api::ApiHost& host = *started.value();
    // The boundary checks on a schedule, each run kept as history (after the listener reported its transport).
    service::ControlCheckSchedule checkSchedule(controlPlane);
    checkSchedule.setIntervalMinutes(s.controlCheckMinutes);
    checkSchedule.setHistoryDays(s.controlHistoryDays);
    checkSchedule.start();
    api::HttpServer& server = host.server();
    if (host.generatedCertificate())
        logLine(QStringLiteral("event=certificate_generated path=%1").arg(s.certificateFile));
    bool stopping = false;
    SignalPipe signalPipe([&](int signal) {
        if (signal == SIGHUP) {
            auto reloaded = host.reloadCertificate();
            if (!reloaded)
                logLine(QStringLiteral("event=certificate_reload_failed keeping=old reason=\"%1\"")
                            .arg(reloaded.error().message));
            else
                logLine(QStringLiteral("event=certificate_reloaded certificate_sha256=%1").arg(reloaded.value()));
            return;
        }
        if (stopping)
            return;
        stopping = true;
        notifySystemd(QStringLiteral("STOPPING=1"));
        logLine(QStringLiteral("event=draining open_connections=%1 grace_ms=%2")
                    .arg(server.openConnections())
                    .arg(s.drainGraceMs));
        server.shutdown(s.drainGraceMs);
    });
    if (!signalPipe.ok())
        return fail(Error{ErrorCode::Internal, QStringLiteral("cannot set up signal handling")});
    // Announced only once SIGTERM is handled: a stop sent right after this line still drains and signs.
    logLine(QStringLiteral("event=listening url=%1 workers=%2 max_connections=%3%4")
                .arg(host.url())
                .arg(s.limits.workerThreads)
                .arg(s.limits.maxConnections)
                .arg(host.fingerprint().isEmpty() ? QString()
                                                  : QStringLiteral(" certificate_sha256=") + host.fingerprint()));
    // Ready only now that the socket accepts and SIGTERM drains: `systemctl start` returns here.
    notifySystemd(QStringLiteral("READY=1\nSTATUS=listening on ") + host.url());
    QObject::connect(&server, &api::HttpServer::drained, &server, [&] {
        checkSchedule.stop();
        // The clean stop signs the newest event, so no unsigned tail is left behind.
        if (auto closed = controlPlane.close(); !closed)
            logLine(QStringLiteral("event=audit_checkpoint_failed reason=\"%1\"").arg(closed.error().message));
        else
            logLine(QStringLiteral("event=audit_checkpoint_signed"));
        logLine(QStringLiteral("event=stopped requests_served=%1").arg(server.servedRequests()));
        QCoreApplication::exit(ExitOk);
    });
    return QCoreApplication::exec();
}

} // namespace

void addServeCommands(CommandTable& table)
{
    table.addOption(
        {QStringLiteral("config"),
         QStringLiteral("serve: JSON config file (default: <data-dir>/gatehoused.json if present); init: its "
                        "tls.names go into the new certificate."),
         QStringLiteral("FILE")});
    table.addOption({QStringLiteral("listen"), QStringLiteral("serve: address and port (default 127.0.0.1:8443)."),
                     QStringLiteral("ADDR:PORT")});
    table.addOption({QStringLiteral("plain-http"),
                     QStringLiteral("serve: plain HTTP on loopback, for a reverse proxy that terminates TLS.")});
    table.addOption({QStringLiteral("unix-socket"), QStringLiteral("serve: plain HTTP on a Unix socket (0600)."),
                     QStringLiteral("PATH")});
    table.addOption({QStringLiteral("trusted-proxy"),
                     QStringLiteral("serve: a proxy address whose X-Forwarded-For is believed (repeatable)."),
                     QStringLiteral("ADDR")});
    table.addOption({QStringLiteral("tls-cert"),
                     QStringLiteral("serve: PEM certificate (chain) instead of the generated one."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("tls-key"), QStringLiteral("serve: PEM private key of --tls-cert (mode 0600)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("client-ca"),
                     QStringLiteral("serve: require client certificates issued by this PEM CA bundle (mutual TLS)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("print-config"), QStringLiteral("serve: print the effective settings and exit.")});
    table.add({QStringLiteral("serve"),
               QStringLiteral("  serve [--listen ADDR:PORT] [--config FILE] [--plain-http | --unix-socket PATH]\n"
                              "        [--tls-cert FILE --tls-key FILE] [--client-ca FILE] [--trusted-proxy ADDR]\n"
                              "              the HTTPS API; SIGTERM drains requests in flight and exits 0, SIGHUP\n"
                              "              reloads the certificate\n"),
               false, runServe});
}

} // namespace gatehouse::cli
