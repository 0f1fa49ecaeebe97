#include "SyslogLink.h"

#include "api/TlsPolicy.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QSslCipher>
#include <QSslEllipticCurve>

#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/objects.h>
#include <openssl/pem.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <linux/sockios.h>
#include <netdb.h>
#include <poll.h>
#include <sys/ioctl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <vector>

namespace gatehouse::forward {

namespace {

qint64 monotonicMs()
{
    static QElapsedTimer clock = [] {
        QElapsedTimer t;
        t.start();
        return t;
    }();
    return clock.elapsed();
}

Error linkError(const QString& message)
{
    ERR_clear_error();
    return makeError(ErrorCode::Io, message);
}

QByteArray cipherList(bool tls13)
{
    QByteArray list;
    const QList<QSslCipher> ciphers = api::TlsPolicy::ciphers();
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

// Every certificate of a PEM bundle.
std::vector<X509*> readCertificates(const QByteArray& pem)
{
    std::vector<X509*> out;
    BIO* bio = BIO_new_mem_buf(pem.constData(), int(pem.size()));
    if (!bio)
        return out;
    while (X509* x = PEM_read_bio_X509(bio, nullptr, nullptr, nullptr))
        out.push_back(x);
    BIO_free(bio);
    ERR_clear_error(); // the end of the bundle reads as an error
    return out;
}

QString fingerprint(X509* cert)
{
    unsigned char md[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (!X509_digest(cert, EVP_sha256(), md, &len))
        return {};
    return QString::fromLatin1(QByteArray(reinterpret_cast<const char*>(md), int(len)).toHex());
}

// With a fingerprint pin and no CA, the chain is not judged by issuer: the leaf's fingerprint is compared after the
// handshake instead. Validity dates still count.
int acceptForFingerprint(int ok, X509_STORE_CTX* ctx)
{
    if (ok)
        return 1;
    const int error = X509_STORE_CTX_get_error(ctx);
    return error == X509_V_ERR_CERT_HAS_EXPIRED || error == X509_V_ERR_CERT_NOT_YET_VALID ? 0 : 1;
}

QString verifyProblem(long result, const QString& name)
{
    switch (result) {
    case X509_V_ERR_HOSTNAME_MISMATCH:
    case X509_V_ERR_IP_ADDRESS_MISMATCH:
        return QStringLiteral("the collector's certificate does not carry the name %1; set the server name the "
                              "certificate was issued for")
            .arg(name);
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    case X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT:
    case X509_V_ERR_SELF_SIGNED_CERT_IN_CHAIN:
    case X509_V_ERR_DEPTH_ZERO_SELF_SIGNED_CERT:
    case X509_V_ERR_UNABLE_TO_VERIFY_LEAF_SIGNATURE:
        return QStringLiteral("the collector's certificate was not issued by the pinned CA (%1); pin the CA that "
                              "issued it")
            .arg(QString::fromLatin1(X509_verify_cert_error_string(result)));
    case X509_V_ERR_CERT_HAS_EXPIRED:
        return QStringLiteral("the collector's certificate has expired");
    default:
        return QStringLiteral("the collector's certificate was refused (%1)")
            .arg(QString::fromLatin1(X509_verify_cert_error_string(result)));
    }
}

} // namespace

SyslogLink::~SyslogLink()
{
    if (m_ssl) {
        // A close_notify if it goes out at once; nothing is waited for.
        (void)SSL_shutdown(m_ssl);
        SSL_free(m_ssl);
    }
    if (m_ctx)
        SSL_CTX_free(m_ctx);
    if (m_fd >= 0)
        ::close(m_fd);
    ERR_clear_error();
}

Result<void> SyslogLink::waitFor(bool write, qint64 deadlineMs)
{
    for (;;) {
        const qint64 left = deadlineMs - monotonicMs();
        if (left <= 0)
            return linkError(QStringLiteral("%1 did not answer in time").arg(m_peer));
        pollfd p{m_fd, short(write ? POLLOUT : POLLIN), 0};
        const int n = ::poll(&p, 1, int(std::min<qint64>(left, 1000)));
        if (n > 0)
            return {};
        if (n < 0 && errno != EINTR)
            return linkError(
                QStringLiteral("cannot wait for %1: %2").arg(m_peer, QString::fromLocal8Bit(strerror(errno))));
    }
}

Result<std::unique_ptr<SyslogLink>> SyslogLink::open(const Destination& d, int timeoutMs)
{
    std::unique_ptr<SyslogLink> link(new SyslogLink);
    link->m_peer = QStringLiteral("%1:%2").arg(d.host).arg(d.port);
    const qint64 deadline = monotonicMs() + timeoutMs;

    addrinfo hints{};
    hints.ai_family = AF_UNSPEC;
    hints.ai_socktype = SOCK_STREAM;
    addrinfo* found = nullptr;
    const QByteArray host = d.host.toUtf8();
    const QByteArray port = QByteArray::number(d.port);
    if (const int rc = ::getaddrinfo(host.constData(), port.constData(), &hints, &found); rc != 0)
        return linkError(QStringLiteral("cannot resolve %1: %2").arg(d.host, QString::fromLocal8Bit(gai_strerror(rc))));
    QString lastProblem;
    for (addrinfo* a = found; a; a = a->ai_next) {
        if (d.transport == Destination::Transport::Tcp) {
            // Plain TCP only to this machine, whatever the name resolves to.
            const QHostAddress address(a->ai_addr);
            if (!address.isLoopback()) {
                lastProblem = QStringLiteral("%1 is not a loopback address; plain TCP goes only to a relay on this "
                                             "machine")
                                  .arg(address.toString());
                continue;
            }
        }
        const int fd = ::socket(a->ai_family, a->ai_socktype | SOCK_NONBLOCK | SOCK_CLOEXEC, a->ai_protocol);
        if (fd < 0)
            continue;
        link->m_fd = fd;
        if (::connect(fd, a->ai_addr, a->ai_addrlen) == 0)
            break;
        if (errno == EINPROGRESS) {
            if (auto w = link->waitFor(true, deadline); w) {
                int error = 0;
                socklen_t len = sizeof error;
                if (::getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &len) == 0 && error == 0)
                    break;
                lastProblem = QStringLiteral("cannot connect to %1: %2")
                                  .arg(link->m_peer, QString::fromLocal8Bit(strerror(error)));
            } else {
                lastProblem = w.error().message;
            }
        } else {
            lastProblem =
                QStringLiteral("cannot connect to %1: %2").arg(link->m_peer, QString::fromLocal8Bit(strerror(errno)));
        }
        ::close(fd);
        link->m_fd = -1;
    }
    ::freeaddrinfo(found);
    if (link->m_fd < 0)
        return linkError(lastProblem.isEmpty() ? QStringLiteral("cannot connect to %1").arg(link->m_peer)
                                               : lastProblem);
    if (d.transport == Destination::Transport::Tcp)
        return link;

    // --- TLS ---
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    if (!ctx)
        return linkError(QStringLiteral("cannot set up TLS"));
    link->m_ctx = ctx;
    const QByteArray tls12 = cipherList(false);
    const QByteArray tls13 = cipherList(true);
    if (!SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION) || tls12.isEmpty() || tls13.isEmpty() ||
        !SSL_CTX_set_cipher_list(ctx, tls12.constData()) || !SSL_CTX_set_ciphersuites(ctx, tls13.constData()))
        return linkError(QStringLiteral("cannot set up TLS: the TLS library refused the policy's versions or suites"));
    std::vector<int> nids;
    for (const QSslEllipticCurve& curve : api::TlsPolicy::groups()) {
        const int nid = OBJ_sn2nid(curve.shortName().toLatin1().constData());
        if (nid != NID_undef)
            nids.push_back(nid);
    }
    if (!nids.empty() && !SSL_CTX_set1_groups(ctx, nids.data(), int(nids.size())))
        return linkError(QStringLiteral("cannot set up TLS: the TLS library refused the key exchange groups"));
    SSL_CTX_set_options(ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION);
    SSL_CTX_set_mode(ctx, SSL_MODE_ENABLE_PARTIAL_WRITE | SSL_MODE_ACCEPT_MOVING_WRITE_BUFFER);

    // Trust: the pinned CA only (never the system's), or the pinned certificate.
    const QString pin = normalizeFingerprint(d.caSha256);
    if (!d.caPem.isEmpty()) {
        X509_STORE* store = SSL_CTX_get_cert_store(ctx);
        const std::vector<X509*> cas = readCertificates(d.caPem);
        if (cas.empty())
            return linkError(QStringLiteral("the pinned CA is not a PEM certificate"));
        bool ok = true;
        for (X509* ca : cas) {
            ok = ok && X509_STORE_add_cert(store, ca);
            X509_free(ca);
        }
        if (!ok)
            return linkError(QStringLiteral("the TLS library refused the pinned CA"));
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, nullptr);
    } else {
        SSL_CTX_set_verify(ctx, SSL_VERIFY_PEER, acceptForFingerprint);
    }
    if (!d.clientCertPem.isEmpty() && d.clientKeyPem) {
        const std::vector<X509*> certs = readCertificates(d.clientCertPem);
        BIO* bio = BIO_new_mem_buf(d.clientKeyPem->data(), int(d.clientKeyPem->size()));
        EVP_PKEY* key = bio ? PEM_read_bio_PrivateKey(bio, nullptr, nullptr, nullptr) : nullptr;
        BIO_free(bio);
        bool ok = !certs.empty() && key && SSL_CTX_use_certificate(ctx, certs.front()) &&
                  SSL_CTX_use_PrivateKey(ctx, key) && SSL_CTX_check_private_key(ctx);
        for (std::size_t i = 1; ok && i < certs.size(); ++i)
            ok = SSL_CTX_add1_chain_cert(ctx, certs[i]);
        for (X509* c : certs)
            X509_free(c);
        EVP_PKEY_free(key);
        if (!ok)
            return linkError(QStringLiteral("the client certificate and key do not go together or cannot be read"));
    }

    SSL* ssl = SSL_new(ctx);
    if (!ssl)
        return linkError(QStringLiteral("cannot set up TLS"));
    link->m_ssl = ssl;
    const QString name = d.effectiveServerName();
    const QByteArray nameBytes = name.toUtf8();
    const bool nameIsAddress = !QHostAddress(name).isNull();
    if (!d.caPem.isEmpty()) {
        X509_VERIFY_PARAM* param = SSL_get0_param(ssl);
        X509_VERIFY_PARAM_set_hostflags(param, X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
        const int set = nameIsAddress ? X509_VERIFY_PARAM_set1_ip_asc(param, nameBytes.constData())
                                      : X509_VERIFY_PARAM_set1_host(param, nameBytes.constData(), 0);
        if (!set)
            return linkError(QStringLiteral("the server name %1 cannot be checked").arg(name));
    }
    if (!nameIsAddress)
        // SSL_set_tlsext_host_name, without the macro's C cast.
        SSL_ctrl(ssl, SSL_CTRL_SET_TLSEXT_HOSTNAME, TLSEXT_NAMETYPE_host_name,
                 const_cast<char*>(nameBytes.constData()));
    if (!SSL_set_fd(ssl, link->m_fd))
        return linkError(QStringLiteral("cannot set up TLS"));
    for (;;) {
        ERR_clear_error();
        const int rc = SSL_connect(ssl);
        if (rc == 1)
            break;
        const int why = SSL_get_error(ssl, rc);
        if (why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE) {
            if (auto w = link->waitFor(why == SSL_ERROR_WANT_WRITE, deadline); !w)
                return w.error();
            continue;
        }
        const long verify = SSL_get_verify_result(ssl);
        if (verify != X509_V_OK)
            return linkError(verifyProblem(verify, name));
        return linkError(QStringLiteral("the TLS handshake with %1 failed; check that it speaks TLS 1.2 or later with "
                                        "forward-secret AEAD suites (and, if it asks for one, that it accepts the "
                                        "client certificate)")
                             .arg(link->m_peer));
    }
    if (!pin.isEmpty()) {
        X509* peer = SSL_get1_peer_certificate(ssl);
        const QString got = peer ? fingerprint(peer) : QString();
        X509_free(peer);
        if (got != pin)
            return linkError(QStringLiteral("the collector's certificate (SHA-256 %1) is not the pinned one")
                                 .arg(got.isEmpty() ? QStringLiteral("none") : got));
    }
    return link;
}

Result<void> SyslogLink::send(const QByteArray& bytes, int timeoutMs)
{
    const qint64 deadline = monotonicMs() + timeoutMs;
    qsizetype done = 0;
    while (done < bytes.size()) {
        const int chunk = int(std::min<qsizetype>(bytes.size() - done, 1 << 20));
        if (m_ssl) {
            ERR_clear_error();
            const int n = SSL_write(m_ssl, bytes.constData() + done, chunk);
            if (n > 0) {
                done += n;
                continue;
            }
            const int why = SSL_get_error(m_ssl, n);
            if (why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE) {
                if (auto w = waitFor(why == SSL_ERROR_WANT_WRITE, deadline); !w)
                    return w;
                continue;
            }
            return linkError(QStringLiteral("the connection to %1 was lost while sending").arg(m_peer));
        }
        const ssize_t n = ::send(m_fd, bytes.constData() + done, size_t(chunk), MSG_NOSIGNAL);
        if (n > 0) {
            done += n;
            continue;
        }
        if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) {
            if (auto w = waitFor(true, deadline); !w)
                return w;
            continue;
        }
        return linkError(QStringLiteral("the connection to %1 was lost while sending: %2")
                             .arg(m_peer, QString::fromLocal8Bit(strerror(errno))));
    }
    return {};
}

Result<qint64> SyslogLink::unacknowledged() const
{
    int queued = 0;
    if (::ioctl(m_fd, SIOCOUTQ, &queued) != 0)
        return linkError(QStringLiteral("cannot read the send queue of the connection to %1").arg(m_peer));
    return qint64(queued);
}

Result<void> SyslogLink::checkOpen()
{
    for (;;) {
        pollfd p{m_fd, POLLIN, 0};
        const int n = ::poll(&p, 1, 0);
        if (n == 0)
            return {};
        if (n < 0)
            return errno == EINTR ? Result<void>{} : linkError(QStringLiteral("cannot watch the connection"));
        if (p.revents & (POLLERR | POLLNVAL))
            return linkError(QStringLiteral("%1 reset the connection").arg(m_peer));
        char buffer[4096];
        if (m_ssl) {
            ERR_clear_error();
            const int got = SSL_read(m_ssl, buffer, int(sizeof buffer));
            if (got > 0)
                continue; // a collector has nothing to say; read and ignored
            const int why = SSL_get_error(m_ssl, got);
            if (why == SSL_ERROR_WANT_READ || why == SSL_ERROR_WANT_WRITE)
                return {}; // TLS housekeeping (session tickets)
            return linkError(QStringLiteral("%1 closed the connection").arg(m_peer));
        }
        const ssize_t got = ::recv(m_fd, buffer, sizeof buffer, MSG_DONTWAIT);
        if (got > 0)
            continue;
        if (got < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR))
            return {};
        return linkError(QStringLiteral("%1 closed the connection").arg(m_peer));
    }
}

} // namespace gatehouse::forward
