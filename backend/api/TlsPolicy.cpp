#include "TlsPolicy.h"

#include "core/Files.h"

#include <QSslSocket>

#include <algorithm>
#include <iterator>

namespace gatehouse::api {

namespace {

constexpr qint64 kMaxCaBundleBytes = 4 * 1024 * 1024;

bool isAead(const QSslCipher& cipher)
{
    const QString encryption = cipher.encryptionMethod();
    return encryption.startsWith(QLatin1String("AESGCM(")) ||
           encryption.startsWith(QLatin1String("CHACHA20/POLY1305("));
}

bool isAllowed(const QSslCipher& cipher)
{
    if (cipher.protocol() == QSsl::TlsV1_3)
        return isAead(cipher); // every TLS 1.3 key exchange is ephemeral
    // OpenSSL names ECDHE key exchange "ECDH"; static ECDH suites no longer exist.
    return cipher.protocol() == QSsl::TlsV1_2 && cipher.keyExchangeMethod() == QLatin1String("ECDH") &&
           (cipher.authenticationMethod() == QLatin1String("ECDSA") ||
            cipher.authenticationMethod() == QLatin1String("RSA")) &&
           isAead(cipher);
}

// Verification errors a pinned certificate makes irrelevant: who issued it and which name it carries.
bool isTrustError(QSslError::SslError error)
{
    switch (error) {
    case QSslError::SelfSignedCertificate:
    case QSslError::SelfSignedCertificateInChain:
    case QSslError::UnableToGetIssuerCertificate:
    case QSslError::UnableToGetLocalIssuerCertificate:
    case QSslError::UnableToVerifyFirstCertificate:
    case QSslError::CertificateUntrusted:
    case QSslError::HostNameMismatch:
        return true;
    default:
        return false;
    }
}

// Upper-case, colon-separated form of a SHA-256 fingerprint written either way; empty if it is not one.
QString normalisedFingerprint(const QString& text)
{
    QString hex = text.toUpper();
    hex.remove(QLatin1Char(':'));
    const bool valid = hex.size() == 64 && std::all_of(hex.cbegin(), hex.cend(), [](QChar c) {
                           return (c >= u'0' && c <= u'9') || (c >= u'A' && c <= u'F');
                       });
    return valid ? QString::fromLatin1(QByteArray::fromHex(hex.toLatin1()).toHex(':').toUpper()) : QString();
}

} // namespace

bool TlsPolicy::isForwardSecretAead(const QSslCipher& cipher)
{
    return isAllowed(cipher);
}

QList<QSslCipher> TlsPolicy::ciphers()
{
    QList<QSslCipher> allowed;
    const QList<QSslCipher> supported = QSslConfiguration::supportedCiphers();
    std::copy_if(supported.cbegin(), supported.cend(), std::back_inserter(allowed), isAllowed);
    return allowed;
}

QList<QSslEllipticCurve> TlsPolicy::groups()
{
    return {QSslEllipticCurve::fromShortName(QStringLiteral("X25519")),
            QSslEllipticCurve::fromShortName(QStringLiteral("prime256v1")),
            QSslEllipticCurve::fromShortName(QStringLiteral("secp384r1"))};
}

Result<QSslConfiguration> TlsPolicy::serverConfiguration(const TlsCertificate& certificate)
{
    const QList<QSslCipher> suites = ciphers();
    const auto offers = [&suites](QSsl::SslProtocol protocol) {
        return std::any_of(suites.cbegin(), suites.cend(),
                           [protocol](const auto& c) { return c.protocol() == protocol; });
    };
    // Qt falls back to the library's defaults for a TLS version given no suite at all, so an empty half is an error.
    if (!offers(QSsl::TlsV1_3) || !offers(QSsl::TlsV1_2))
        return makeError(ErrorCode::Crypto, QStringLiteral("the TLS library offers no forward-secret AEAD cipher "
                                                           "suite for TLS 1.2 or 1.3; install OpenSSL 3 for Qt"));
    const QList<QSslEllipticCurve> curves = groups();
    if (std::any_of(curves.cbegin(), curves.cend(), [](const auto& g) { return !g.isValid(); }))
        return makeError(ErrorCode::Crypto, QStringLiteral("the TLS library lacks X25519, P-256 or P-384 key "
                                                           "exchange; install OpenSSL 3 for Qt"));

    // A fresh configuration, not the default one: it carries no system CAs.
    QSslConfiguration config;
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCiphers(suites);
    config.setEllipticCurves(curves);
    // Qt gives every connection its own OpenSSL context, so a ticket could never resume a session anyway, and
    // stateless tickets would weaken forward secrecy.
    config.setSslOption(QSsl::SslOptionDisableSessionTickets, true);
    config.setSslOption(QSsl::SslOptionDisableCompression, true);
    config.setSslOption(QSsl::SslOptionDisableLegacyRenegotiation, true);
    config.setSslOption(QSsl::SslOptionDisableServerCipherPreference, false);
    config.setLocalCertificateChain(certificate.chain());
    config.setPrivateKey(certificate.privateKey());
    config.setCaCertificates({});
    config.setPeerVerifyMode(QSslSocket::VerifyNone);
    return config;
}

Result<void> TlsPolicy::requireClientCertificates(QSslConfiguration& configuration, const QString& caBundlePath)
{
    auto bundle = files::readAll(caBundlePath, kMaxCaBundleBytes);
    if (!bundle) {
        if (bundle.error().code == ErrorCode::NotFound)
            return makeError(ErrorCode::NotFound,
                             QStringLiteral("the client CA bundle %1 does not exist; give the PEM file of the CA "
                                            "that issues the integrations' client certificates")
                                 .arg(caBundlePath));
        return bundle.error();
    }
    const QList<QSslCertificate> cas = QSslCertificate::fromData(bundle.value(), QSsl::Pem);
    if (cas.isEmpty() || std::any_of(cas.cbegin(), cas.cend(), [](const auto& c) { return c.isNull(); }))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the client CA bundle %1 holds no readable PEM certificate "
                                        "(\"-----BEGIN CERTIFICATE-----\")")
                             .arg(caBundlePath));
    configuration.setCaCertificates(cas);
    configuration.setPeerVerifyMode(QSslSocket::VerifyPeer);
    // Without a certificate the handshake itself fails (alert "certificate required"), rather than Qt closing the
    // connection after it.
    configuration.setMissingCertificateIsFatal(true);
    return {};
}

QString TlsPolicy::peerFingerprint(const QSslSocket& socket)
{
    const QSslCertificate peer = socket.peerCertificate();
    return peer.isNull() ? QString() : TlsCertificate::fingerprintOf(peer);
}

QSslConfiguration TlsPolicy::clientConfiguration()
{
    QSslConfiguration config;
    config.setProtocol(QSsl::TlsV1_2OrLater);
    config.setCiphers(ciphers());
    config.setEllipticCurves(groups());
    config.setCaCertificates({});
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    return config;
}

Result<void> TlsPolicy::pinServer(QSslSocket& socket, const QString& expectedFingerprint)
{
    const QString pin = normalisedFingerprint(expectedFingerprint);
    if (pin.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("\"%1\" is not a SHA-256 certificate fingerprint (64 hex digits, in pairs "
                                        "separated by colons or not)")
                             .arg(expectedFingerprint));
    // With no CA to trust, every server certificate raises a verification error, so the check below always runs.
    QSslConfiguration config = socket.sslConfiguration();
    config.setCaCertificates({});
    config.setPeerVerifyMode(QSslSocket::VerifyPeer);
    socket.setSslConfiguration(config);

    QSslSocket* s = &socket;
    QObject::connect(s, &QSslSocket::sslErrors, s, [s, pin](const QList<QSslError>& errors) {
        const bool onlyTrust =
            std::all_of(errors.cbegin(), errors.cend(), [](const QSslError& e) { return isTrustError(e.error()); });
        if (onlyTrust && TlsPolicy::peerFingerprint(*s) == pin)
            s->ignoreSslErrors();
    });
    // A second look once encrypted, in case the configuration was changed to trust some CA after all.
    QObject::connect(s, &QSslSocket::encrypted, s, [s, pin] {
        if (TlsPolicy::peerFingerprint(*s) != pin)
            s->abort();
    });
    return {};
}

} // namespace gatehouse::api
