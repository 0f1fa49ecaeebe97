#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::boundaries {

// What the API listener measures about itself, handed to the control plane by the API host when it starts
// serving and when its certificate is reloaded. The control plane cannot see the transport otherwise.
struct TransportFacts
{
    bool serving = false;
    QString mode;    // tls, http, unix
    QString address; // the listen address ("127.0.0.1", "::", a socket path)
    int port = 0;
    bool loopback = false;   // loopback address or Unix socket: not reachable from other machines
    bool anyAddress = false; // listening on every interface
    QStringList trustedProxies;
    QString minimumTlsVersion;        // "TLS 1.2"
    QStringList cipherSuites;         // offered suites, in order
    QStringList nonForwardSecretAead; // offered suites that are not forward-secret AEAD (should be none)
    qint64 certificateNotBeforeMs = 0;
    qint64 certificateNotAfterMs = 0;
    QString certificateFingerprint; // SHA-256, public
    QString certificateSubject;
    bool clientCertificatesRequired = false; // mutual TLS with a client CA bundle
    qint64 sinceMs = 0;                      // when these facts were taken
};

} // namespace gatehouse::boundaries
