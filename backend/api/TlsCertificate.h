#pragma once

#include "core/Clock.h"
#include "core/Result.h"

#include <QDateTime>
#include <QList>
#include <QSslCertificate>
#include <QSslKey>
#include <QString>
#include <QStringList>

namespace gatehouse::api {

// The HTTPS API's server identity: a certificate chain (the server's own certificate first) and its private key,
// checked before use. Either generated (a self-signed certificate for local use) or supplied by the operator.
class TlsCertificate
{
public:
    // Where generate() puts the pair: <directory>/tls/server.crt and <directory>/tls/server.key.
    static QString certificatePath(const QString& directory);
    static QString keyPath(const QString& directory);

    // Makes an ECDSA P-256 key and a self-signed certificate valid from an hour ago for 397 days, for localhost,
    // 127.0.0.1, ::1 and each of `extraNames` (an IP literal or a DNS name). Refuses to replace an existing key.
    static Result<TlsCertificate> generate(const QString& directory, const QStringList& extraNames, Clock& clock);

    // Reads a PEM certificate (optionally followed by its chain) and an unencrypted PEM private key, and refuses
    // them unless the key file is private (no group or other access), the key is EC P-256/P-384 or RSA of at
    // least 2048 bits, it belongs to the first certificate, and every certificate is valid now.
    static Result<TlsCertificate> load(const QString& certificatePath, const QString& keyPath, Clock& clock);

    // As `openssl x509 -noout -fingerprint -sha256` prints it: upper-case hex pairs joined by colons.
    static QString fingerprintOf(const QSslCertificate& certificate);

    const QList<QSslCertificate>& chain() const { return m_chain; }
    const QSslCertificate& certificate() const { return m_chain.first(); }
    const QSslKey& privateKey() const { return m_key; }
    QDateTime notAfter() const { return certificate().expiryDate(); }
    QString sha256Fingerprint() const { return fingerprintOf(certificate()); }

private:
    TlsCertificate(QList<QSslCertificate> chain, QSslKey key) : m_chain(std::move(chain)), m_key(std::move(key)) {}

    QList<QSslCertificate> m_chain;
    QSslKey m_key;
};

} // namespace gatehouse::api
