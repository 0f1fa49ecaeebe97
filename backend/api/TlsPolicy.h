#pragma once

#include "TlsCertificate.h"
#include "core/Result.h"

#include <QList>
#include <QSslCipher>
#include <QSslConfiguration>
#include <QSslEllipticCurve>
#include <QString>

class QSslSocket;

namespace gatehouse::api {

// How the HTTPS API speaks TLS: version 1.2 at least (1.3 is chosen whenever the client has it), forward-secret
// AEAD suites only, key exchange over X25519, P-256 or P-384, no session tickets, and optionally client
// certificates issued by one CA bundle (mTLS).
class TlsPolicy
{
public:
    // The TLS 1.3 suites with AES-GCM or ChaCha20-Poly1305 and, for TLS 1.2, ECDHE with ECDSA or RSA and AES-GCM or
    // ChaCha20-Poly1305: chosen by their properties from what the TLS backend supports, in its order of preference.
    static QList<QSslCipher> ciphers();
    static QList<QSslEllipticCurve> groups();
    // Whether a suite is one this policy allows: forward-secret key exchange and an AEAD cipher.
    static bool isForwardSecretAead(const QSslCipher& cipher);

    // The server side, presenting `certificate`; it asks clients for no certificate until
    // requireClientCertificates() is applied.
    static Result<QSslConfiguration> serverConfiguration(const TlsCertificate& certificate);

    // Makes the server refuse, during the handshake, any client without a certificate issued by a CA of the PEM
    // bundle at `caBundlePath`. Only these CAs are trusted for clients, never the system's.
    static Result<void> requireClientCertificates(QSslConfiguration& configuration, const QString& caBundlePath);

    // The SHA-256 fingerprint of the certificate the peer presented (as TlsCertificate::fingerprintOf() writes it),
    // empty when it presented none: the key for mapping a client certificate to an integration.
    static QString peerFingerprint(const QSslSocket& socket);

    // The client side, for tests and local tools: this policy's versions and suites, and a trust store with no CA
    // at all, so that a server is accepted only through pinServer().
    static QSslConfiguration clientConfiguration();

    // Makes `socket` accept the server only if its certificate has this SHA-256 fingerprint (upper or lower case,
    // with or without colons), whoever issued it and whatever name it carries; an expired certificate still fails.
    // Empties the socket's trust store. Call before connecting, and before connecting to its encrypted() signal.
    static Result<void> pinServer(QSslSocket& socket, const QString& expectedFingerprint);
};

} // namespace gatehouse::api
