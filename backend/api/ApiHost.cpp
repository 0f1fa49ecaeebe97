#include "ApiHost.h"

#include "TlsCertificate.h"
#include "TlsPolicy.h"
#include "core/Clock.h"
#include "service/ControlPlane.h"

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
    m_certificate = cert.value().certificate();
    return config;
}

Result<std::unique_ptr<ApiHost>> ApiHost::start(service::ControlPlane& controlPlane, const ServeSettings& settings,
                                                const QString& dataDir)
{
    std::unique_ptr<ApiHost> host(new ApiHost(controlPlane, settings, dataDir));
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
    host->m_serving = true;
    host->reportTransport();
    return host;
}

ApiHost::~ApiHost()
{
    if (m_serving)
        m_cp.setTransportFacts({});
}

void ApiHost::reportTransport()
{
    boundaries::TransportFacts t;
    const ListenConfig& l = m_listen;
    t.serving = true;
    t.sinceMs = Clock::system().nowMs();
    t.trustedProxies = m_settings.trustedProxies;
    switch (l.mode) {
    case ListenConfig::Mode::UnixSocket:
        t.mode = QStringLiteral("unix");
        t.address = m_server->socketPath();
        t.loopback = true;
        break;
    case ListenConfig::Mode::PlainHttp:
    case ListenConfig::Mode::Tls:
        t.mode = l.mode == ListenConfig::Mode::Tls ? QStringLiteral("tls") : QStringLiteral("http");
        t.address = l.address.toString();
        t.port = m_server->port();
        t.loopback = l.address.isLoopback();
        t.anyAddress = l.address == QHostAddress(QHostAddress::Any) ||
                       l.address == QHostAddress(QHostAddress::AnyIPv4) ||
                       l.address == QHostAddress(QHostAddress::AnyIPv6);
        break;
    }
    if (l.mode == ListenConfig::Mode::Tls) {
        const QSslConfiguration& c = l.tls;
        switch (c.protocol()) {
        case QSsl::TlsV1_2:
        case QSsl::TlsV1_2OrLater:
            t.minimumTlsVersion = QStringLiteral("TLS 1.2");
            break;
        case QSsl::TlsV1_3:
        case QSsl::TlsV1_3OrLater:
            t.minimumTlsVersion = QStringLiteral("TLS 1.3");
            break;
        default:
            t.minimumTlsVersion = QStringLiteral("older than TLS 1.2 allowed");
            break;
        }
        for (const QSslCipher& cipher : c.ciphers()) {
            t.cipherSuites << cipher.name();
            if (!TlsPolicy::isForwardSecretAead(cipher))
                t.nonForwardSecretAead << cipher.name();
        }
        t.clientCertificatesRequired = c.peerVerifyMode() == QSslSocket::VerifyPeer && !c.caCertificates().isEmpty();
        if (!m_certificate.isNull()) {
            t.certificateNotBeforeMs = m_certificate.effectiveDate().toMSecsSinceEpoch();
            t.certificateNotAfterMs = m_certificate.expiryDate().toMSecsSinceEpoch();
            t.certificateFingerprint = TlsCertificate::fingerprintOf(m_certificate);
            t.certificateSubject = m_certificate.subjectDisplayName();
        }
    }
    m_cp.setTransportFacts(t);
}

Result<QString> ApiHost::reloadCertificate()
{
    if (m_listen.mode != ListenConfig::Mode::Tls)
        return Error{ErrorCode::InvalidArgument, QStringLiteral("the API is not served over TLS here")};
    // tls() records the new certificate's fingerprint; a pair the server refuses leaves the old one served and
    // reported.
    const QString servedFingerprint = m_fingerprint;
    const QSslCertificate servedCertificate = m_certificate;
    auto config = tls(false);
    if (config) {
        if (auto r = m_server->setTlsConfiguration(config.value()); !r)
            config = r.error();
    }
    if (!config) {
        m_fingerprint = servedFingerprint;
        m_certificate = servedCertificate;
        return config.error();
    }
    m_listen.tls = config.value();
    reportTransport();
    return m_fingerprint;
}

} // namespace gatehouse::api
