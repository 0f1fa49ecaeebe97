#include "ApiHost.h"

#include "TlsCertificate.h"
#include "TlsPolicy.h"
#include "core/Clock.h"

#include <QFileInfo>

namespace gatehouse::api {

Result<QSslConfiguration> ApiHost::tls(bool mayGenerate)
{
    const ServeSettings& s = m_settings;
    const bool defaults = s.certificateFile == TlsCertificate::certificatePath(m_dataDir) &&
                          s.keyFile == TlsCertificate::keyPath(m_dataDir);
    auto cert = TlsCertificate::load(s.certificateFile, s.keyFile, Clock::system());
    if (!cert && defaults && mayGenerate && !QFileInfo::exists(s.keyFile)) {
        cert = TlsCertificate::generate(m_dataDir, s.certificateNames, Clock::system());
        m_generated = cert.ok();
    }
    if (!cert)
        return cert.error();
    auto config = TlsPolicy::serverConfiguration(cert.value());
    if (!config)
        return config.error();
    if (!s.clientCaFile.isEmpty())
        if (auto r = TlsPolicy::requireClientCertificates(config.value(), s.clientCaFile); !r)
            return r.error();
    m_fingerprint = cert.value().sha256Fingerprint();
    return config;
}

Result<std::unique_ptr<ApiHost>> ApiHost::start(service::ControlPlane& controlPlane, const ServeSettings& settings,
                                                const QString& dataDir)
{
    std::unique_ptr<ApiHost> host(new ApiHost(settings, dataDir));
    ServeSettings& s = host->m_settings;
    if (s.certificateFile.isEmpty())
        s.certificateFile = TlsCertificate::certificatePath(dataDir);
    if (s.keyFile.isEmpty())
        s.keyFile = TlsCertificate::keyPath(dataDir);
    auto listen = s.listenConfig();
    if (!listen)
        return listen.error();
    host->m_listen = listen.value();
    if (host->m_listen.mode == ListenConfig::Mode::Tls) {
        auto config = host->tls(true);
        if (!config)
            return config.error();
        host->m_listen.tls = config.value();
    }
    ApiConfig api = s.api;
    api.tls = host->m_listen.mode == ListenConfig::Mode::Tls;
    host->m_api = std::make_unique<ApiService>(controlPlane, api);
    host->m_server = std::make_unique<HttpServer>(*host->m_api, s.limits);
    host->m_api->setServer(host->m_server.get());
    if (auto r = host->m_server->listen(host->m_listen); !r)
        return r.error();
    const ListenConfig& l = host->m_listen;
    if (l.mode == ListenConfig::Mode::UnixSocket) {
        host->m_url = QStringLiteral("unix:") + host->m_server->socketPath();
    } else {
        const QString address = l.address.protocol() == QAbstractSocket::IPv6Protocol
                                    ? QLatin1Char('[') + l.address.toString() + QLatin1Char(']')
                                    : l.address.toString();
        host->m_url = (l.mode == ListenConfig::Mode::Tls ? QStringLiteral("https://") : QStringLiteral("http://")) +
                      address + QLatin1Char(':') + QString::number(host->m_server->port());
    }
    return host;
}

Result<QString> ApiHost::reloadCertificate()
{
    if (m_listen.mode != ListenConfig::Mode::Tls)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the API is not served over TLS here")};
    auto config = tls(false);
    if (!config)
        return config.error();
    if (auto r = m_server->setTlsConfiguration(config.value()); !r)
        return r.error();
    return m_fingerprint;
}

} // namespace gatehouse::api
