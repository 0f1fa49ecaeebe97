#include "TlsContext.h"

#include <QDateTime>
#include <QSslCertificate>
#include <QSslCipher>
#include <QSslEllipticCurve>
#include <QSslKey>
#include <QSslSocket>

#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <atomic>
#include <vector>

namespace gatehouse::api {

namespace {

std::atomic<qint64> s_built{0};

// OpenSSL's reasons stay out of messages: they name library internals, and the operator can act on ours.
Error contextError(const QString& what)
{
    ERR_clear_error();
    return Error{ErrorCode::Crypto, QStringLiteral("cannot set up TLS: %1").arg(what)};
}

struct X509Free
{
    void operator()(X509* x) const { X509_free(x); }
};
using X509Ptr = std::unique_ptr<X509, X509Free>;

X509Ptr toX509(const QSslCertificate& certificate)
{
    const QByteArray der = certificate.toDer();
    const auto* p = reinterpret_cast<const unsigned char*>(der.constData());
    return X509Ptr(d2i_X509(nullptr, &p, long(der.size())));
}

struct PkeyFree
{
    void operator()(EVP_PKEY* k) const { EVP_PKEY_free(k); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;

PkeyPtr toPkey(const QSslKey& key)
{
    QByteArray pem = key.toPem();
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    PkeyPtr pkey(bio ? PEM_read_bio_PrivateKey_ex(bio, nullptr, nullptr, nullptr, nullptr, nullptr) : nullptr);
    BIO_free(bio);
    OPENSSL_cleanse(pem.data(), size_t(pem.size()));
    return pkey;
}

// Qt's reading of its SSL options for OpenSSL, kept so that the policy means what it meant under QSslSocket.
uint64_t optionsFor(const QSslConfiguration& c)
{
    uint64_t options = SSL_OP_ALL;
    if (c.testSslOption(QSsl::SslOptionDisableEmptyFragments))
        options |= SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS;
    else
        options &= ~uint64_t(SSL_OP_DONT_INSERT_EMPTY_FRAGMENTS);
    if (c.testSslOption(QSsl::SslOptionDisableLegacyRenegotiation))
        options &= ~uint64_t(SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION);
    else
        options |= SSL_OP_ALLOW_UNSAFE_LEGACY_RENEGOTIATION;
    if (c.testSslOption(QSsl::SslOptionDisableSessionTickets))
        options |= SSL_OP_NO_TICKET;
    if (c.testSslOption(QSsl::SslOptionDisableCompression))
        options |= SSL_OP_NO_COMPRESSION;
    if (!c.testSslOption(QSsl::SslOptionDisableServerCipherPreference))
        options |= SSL_OP_CIPHER_SERVER_PREFERENCE;
    return options;
}

QByteArray cipherList(const QList<QSslCipher>& ciphers, bool tls13)
{
    QByteArray list;
    for (const QSslCipher& c : ciphers) {
        const bool is13 = c.protocol() == QSsl::TlsV1_3 || c.protocol() == QSsl::TlsV1_3OrLater;
        if (is13 != tls13)
            continue;
        if (!list.isEmpty())
            list += ':';
        list += c.name().toLatin1();
    }
    return list;
}

} // namespace

TlsContext::TlsContext(SSL_CTX* context, EVP_MD* sha256, bool verifiesPeer)
    : m_context(context), m_sha256(sha256), m_verifiesPeer(verifiesPeer)
{
    s_built.fetch_add(1);
}

TlsContext::~TlsContext()
{
    SSL_CTX_free(m_context);
    EVP_MD_free(m_sha256);
}

qint64 TlsContext::builtCount()
{
    return s_built.load();
}

SSL* TlsContext::newConnection() const
{
    return SSL_new(m_context);
}

Result<std::shared_ptr<const TlsContext>> TlsContext::build(const QSslConfiguration& config)
{
    ERR_clear_error();
    int minVersion = 0;
    int maxVersion = 0;
    switch (config.protocol()) {
    case QSsl::SecureProtocols:
    case QSsl::TlsV1_2OrLater:
        minVersion = TLS1_2_VERSION;
        break;
    case QSsl::TlsV1_2:
        minVersion = maxVersion = TLS1_2_VERSION;
        break;
    case QSsl::TlsV1_3OrLater:
        minVersion = TLS1_3_VERSION;
        break;
    case QSsl::TlsV1_3:
        minVersion = maxVersion = TLS1_3_VERSION;
        break;
    default:
        return contextError(QStringLiteral("the configuration allows a TLS version older than 1.2"));
    }
    if (config.localCertificate().isNull() || config.privateKey().isNull())
        return contextError(QStringLiteral("no server certificate or private key"));
    // QueryPeer would hand the request handler a client certificate nobody verified.
    const QSslSocket::PeerVerifyMode verify = config.peerVerifyMode();
    if (verify == QSslSocket::QueryPeer)
        return contextError(QStringLiteral("client certificates are either verified or not asked for"));
    const bool verifyPeer = verify == QSslSocket::VerifyPeer;

    std::unique_ptr<SSL_CTX, decltype(&SSL_CTX_free)> ctx(SSL_CTX_new_ex(nullptr, nullptr, TLS_server_method()),
                                                          &SSL_CTX_free);
    if (!ctx)
        return contextError(QStringLiteral("the TLS library could not create a context"));
    if (!SSL_CTX_set_min_proto_version(ctx.get(), minVersion) || !SSL_CTX_set_max_proto_version(ctx.get(), maxVersion))
        return contextError(QStringLiteral("the TLS library refused the protocol versions"));
    SSL_CTX_set_options(ctx.get(), optionsFor(config));
    // Idle connections give their record buffers back (as under QSslSocket); a write OpenSSL could not finish is
    // retried from the transport's queue, whose buffer may have moved.
    SSL_CTX_set_mode(ctx.get(), SSL_MODE_RELEASE_BUFFERS | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);

    const QByteArray tls12 = cipherList(config.ciphers(), false);
    const QByteArray tls13 = cipherList(config.ciphers(), true);
    if (tls12.isEmpty() || tls13.isEmpty())
        return contextError(QStringLiteral("the configuration names no cipher suite for TLS 1.2 or for TLS 1.3"));
    if (!SSL_CTX_set_cipher_list(ctx.get(), tls12.constData()) ||
        !SSL_CTX_set_ciphersuites(ctx.get(), tls13.constData()))
        return contextError(QStringLiteral("the TLS library refused the cipher suites"));

    const QList<QSslEllipticCurve> curves = config.ellipticCurves();
    if (!curves.isEmpty()) {
        std::vector<int> nids;
        for (const QSslEllipticCurve& curve : curves) {
            const int nid = OBJ_sn2nid(curve.shortName().toLatin1().constData());
            if (nid == NID_undef)
                return contextError(
                    QStringLiteral("the TLS library lacks the key exchange group %1").arg(curve.shortName()));
            nids.push_back(nid);
        }
        if (!SSL_CTX_set1_groups(ctx.get(), nids.data(), int(nids.size())))
            return contextError(QStringLiteral("the TLS library refused the key exchange groups"));
    }

    // The CAs that vouch for clients (mutual TLS); expired ones are left out, as Qt does.
    X509_STORE* store = SSL_CTX_get_cert_store(ctx.get());
    const QDateTime now = QDateTime::currentDateTimeUtc();
    const QList<QSslCertificate> cas = config.caCertificates();
    for (const QSslCertificate& ca : cas) {
        if (ca.expiryDate() < now)
            continue;
        X509Ptr x = toX509(ca);
        if (!x || !X509_STORE_add_cert(store, x.get()))
            return contextError(QStringLiteral("the TLS library refused a client CA certificate"));
    }

    const QList<QSslCertificate> chain = config.localCertificateChain();
    X509Ptr leaf = toX509(config.localCertificate());
    if (!leaf || !SSL_CTX_use_certificate(ctx.get(), leaf.get()))
        return contextError(QStringLiteral("the TLS library refused the server certificate"));
    PkeyPtr key = toPkey(config.privateKey());
    if (!key)
        return contextError(QStringLiteral("the TLS library cannot read the server's private key"));
    if (!X509_check_private_key(leaf.get(), key.get()))
        return contextError(QStringLiteral("the private key does not belong to the server certificate"));
    if (!SSL_CTX_use_PrivateKey(ctx.get(), key.get()) || !SSL_CTX_check_private_key(ctx.get()))
        return contextError(QStringLiteral("the TLS library refused the server's private key"));
    for (qsizetype i = 1; i < chain.size(); ++i) {
        X509Ptr x = toX509(chain.at(i));
        if (!x || !SSL_CTX_add_extra_chain_cert(ctx.get(), x.get()))
            return contextError(QStringLiteral("the TLS library refused a certificate of the server's chain"));
        (void)x.release(); // the context owns it now
    }

    if (verifyPeer) {
        // A client without a certificate from these CAs fails the handshake itself, with an alert.
        SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_PEER | SSL_VERIFY_FAIL_IF_NO_PEER_CERT, nullptr);
        if (config.peerVerifyDepth() > 0)
            SSL_CTX_set_verify_depth(ctx.get(), config.peerVerifyDepth());
    } else {
        SSL_CTX_set_verify(ctx.get(), SSL_VERIFY_NONE, nullptr);
    }
    static const unsigned char sessionContext[] = "gatehouse-api";
    SSL_CTX_set_session_id_context(ctx.get(), sessionContext, sizeof sessionContext - 1);
    // No resumption of any kind, as when every connection had its own context: no server-side session cache (a
    // resumed session would skip the client-certificate check) and no TLS 1.3 tickets, stateful or not.
    SSL_CTX_set_session_cache_mode(ctx.get(), SSL_SESS_CACHE_OFF);
    if (!SSL_CTX_set_num_tickets(ctx.get(), 0))
        return contextError(QStringLiteral("the TLS library refused to turn session tickets off"));

    EVP_MD* sha256 = EVP_MD_fetch(nullptr, "SHA256", nullptr);
    if (!sha256)
        return contextError(QStringLiteral("the TLS library lacks SHA-256"));
    return std::shared_ptr<const TlsContext>(new TlsContext(ctx.release(), sha256, verifyPeer));
}

} // namespace gatehouse::api
