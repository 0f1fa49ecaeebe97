#pragma once

#include "ApiService.h"
#include "HttpServer.h"
#include "ServeSettings.h"
#include "core/Result.h"

#include <QSslCertificate>

#include <memory>

namespace gatehouse::service {
class ControlPlane;
}

namespace gatehouse::api {

// The HTTPS API over a control plane, as `gatehoused serve` and the desktop console run it: the certificate (the
// store's own pair is generated the first time), the TLS policy, the front door and the listener. The listener
// lives in the calling thread; requests are served on the server's worker threads.
class ApiHost
{
public:
    static Result<std::unique_ptr<ApiHost>> start(service::ControlPlane& controlPlane, const ServeSettings& settings,
                                                  const QString& dataDir);
    // Tells the control plane the API no longer serves.
    ~ApiHost();

    // "https://127.0.0.1:8443", "http://..." or "unix:/path".
    QString url() const { return m_url; }
    // The certificate's SHA-256 fingerprint (TLS only), as `openssl x509 -fingerprint -sha256` prints it.
    QString fingerprint() const { return m_fingerprint; }
    bool generatedCertificate() const { return m_generated; }
    HttpServer& server() { return *m_server; }

    // Reads the certificate and key again; new connections get them. The old pair stays on failure.
    Result<QString> reloadCertificate();

private:
    ApiHost(service::ControlPlane& controlPlane, const ServeSettings& settings, QString dataDir)
        : m_cp(controlPlane), m_settings(settings), m_dataDir(std::move(dataDir))
    {}
    Result<QSslConfiguration> tls(bool mayGenerate);
    // Hands what the listener serves with (mode, address, TLS versions and suites, certificate) to the control
    // plane, whose network controls check it.
    void reportTransport();

    service::ControlPlane& m_cp;
    QSslCertificate m_certificate; // the served certificate (public), for the transport facts
    bool m_serving = false;
    ServeSettings m_settings;
    QString m_dataDir;
    ListenConfig m_listen;
    std::unique_ptr<ApiService> m_api;
    std::unique_ptr<HttpServer> m_server;
    QString m_url;
    QString m_fingerprint;
    bool m_generated = false;
};

} // namespace gatehouse::api
