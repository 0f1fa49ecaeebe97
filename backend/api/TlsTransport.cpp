#include "TlsTransport.h"

#include "TlsContext.h"

#include <QScopeGuard>
#include <QTcpSocket>
#include <QTimer>

#include <openssl/bio.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <cstring>

#include <sys/socket.h>

namespace gatehouse::api {

namespace {

// One TLS record's worth: the most plaintext a record carries, and a sensible read from the socket.
constexpr qsizetype kChunk = 16 * 1024;

void cleanse(QByteArray& bytes)
{
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

// See closeGracefully(): lives as a child of the socket it closes.
class GracefulClose : public QObject
{
public:
    GracefulClose(QTcpSocket* socket, const Linger& linger) : QObject(socket), m_socket(socket), m_linger(linger)
    {
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { m_socket->abort(); });
        connect(socket, &QIODevice::readyRead, this, &GracefulClose::discard);
        connect(socket, &QIODevice::bytesWritten, this, &GracefulClose::shutdownWhenWritten);
    }

    void start()
    {
        discard();
        shutdownWhenWritten();
    }

private:
    void discard()
    {
        char sink[kChunk];
        while (m_socket->state() == QAbstractSocket::ConnectedState && m_socket->bytesAvailable() > 0) {
            const qint64 n = m_socket->read(sink, sizeof sink);
            if (n <= 0)
                break;
            m_dropped += n;
            if (m_dropped > m_linger.bytes) {
                m_socket->abort(); // a client that keeps sending is not read for ever
                return;
            }
        }
    }

    void shutdownWhenWritten()
    {
        if (m_shut || m_socket->state() != QAbstractSocket::ConnectedState || m_socket->bytesToWrite() > 0)
            return;
        m_shut = true;
        // The answer is in the kernel; the FIN goes after it. Reading goes on until the client closes its side.
        ::shutdown(int(m_socket->socketDescriptor()), SHUT_WR);
        m_timer.start(m_linger.ms);
    }

    QTcpSocket* m_socket;
    Linger m_linger;
    QTimer m_timer;
    qint64 m_dropped = 0;
    bool m_shut = false;
};

} // namespace

void closeGracefully(QTcpSocket* socket, const Linger& linger)
{
    if (socket->state() != QAbstractSocket::ConnectedState) {
        socket->abort();
        return;
    }
    (new GracefulClose(socket, linger))->start();
}

TlsTransport::TlsTransport(QTcpSocket* socket, std::shared_ptr<const TlsContext> context)
    : m_socket(socket), m_context(std::move(context))
{
    m_socket->setParent(this);
    connect(m_socket, &QIODevice::readyRead, this, &TlsTransport::pump);
    connect(m_socket, &QIODevice::bytesWritten, this, &TlsTransport::bytesWritten);
    connect(m_socket, &QAbstractSocket::errorOccurred, this, &TlsTransport::onSocketError);
    connect(m_socket, &QAbstractSocket::disconnected, this, &TlsTransport::onSocketDisconnected);
    QIODevice::open(QIODevice::ReadWrite | QIODevice::Unbuffered);
}

TlsTransport::~TlsTransport()
{
    // The socket goes first, so that nothing it emits while closing reaches a half-destroyed transport.
    m_socket->disconnect(this);
    delete m_socket;
    cleanse(m_plain);
    cleanse(m_pendingOut);
    SSL_free(m_ssl); // and both memory BIOs with it
}

bool TlsTransport::start()
{
    m_ssl = m_context->newConnection();
    BIO* in = BIO_new(BIO_s_mem());
    BIO* out = BIO_new(BIO_s_mem());
    if (!m_ssl || !in || !out) {
        BIO_free(in);
        BIO_free(out);
        SSL_free(std::exchange(m_ssl, nullptr));
        ERR_clear_error();
        m_failed = true;
        return false;
    }
    // An empty input buffer means "wait for more", not end of stream.
    BIO_set_mem_eof_return(in, -1);
    SSL_set_bio(m_ssl, in, out);
    m_in = in;
    m_out = out;
    SSL_set_accept_state(m_ssl);
    if (m_socket->bytesAvailable() > 0)
        schedulePump();
    return true;
}

qint64 TlsTransport::bytesAvailable() const
{
    return (m_plain.size() - m_plainRead) + QIODevice::bytesAvailable();
}

qint64 TlsTransport::bytesToWrite() const
{
    return m_pendingOut.size() + m_socket->bytesToWrite();
}

bool TlsTransport::waitForBytesWritten(int msecs)
{
    flushPending();
    return m_socket->waitForBytesWritten(msecs);
}

void TlsTransport::flushPending()
{
    if (m_encrypted && !m_failed && !m_pendingOut.isEmpty()) {
        QByteArray queued = std::exchange(m_pendingOut, {});
        encrypt(queued.constData(), queued.size());
        cleanse(queued);
    }
    if (!m_failed)
        flushCiphertext();
}

void TlsTransport::setReadBufferSize(qint64 size)
{
    m_readLimit = size;
    m_socket->setReadBufferSize(size);
}

bool TlsTransport::readBufferFull() const
{
    return m_readLimit > 0 && m_plain.size() - m_plainRead >= m_readLimit;
}

void TlsTransport::schedulePump()
{
    if (m_pumpQueued)
        return;
    m_pumpQueued = true;
    QMetaObject::invokeMethod(this, &TlsTransport::pump, Qt::QueuedConnection);
}

// Moves ciphertext from the socket through OpenSSL: the handshake first, then decrypted bytes into m_plain, up to
// the read limit; whatever OpenSSL has to send back goes out at the end.
void TlsTransport::pump()
{
    m_pumpQueued = false;
    if (!m_ssl || m_failed || m_closing)
        return; // closing: what the client still sends is dropped unread (closeGracefully)
    // Answers written while the HTTP code handles what this pump delivers go out together at its end: one record
    // for a response's head and body, as QSslSocket's write buffer did.
    ++m_pumpDepth;
    const auto leave = qScopeGuard([this] {
        if (--m_pumpDepth == 0)
            flushPending();
    });
    const bool wasEncrypted = m_encrypted;
    bool produced = false;
    char chunk[kChunk];
    for (;;) {
        bool fed = false;
        if (!readBufferFull() && m_socket->bytesAvailable() > 0) {
            const qint64 n = m_socket->read(chunk, sizeof chunk);
            if (n > 0) {
                if (BIO_write(m_in, chunk, int(n)) != int(n)) {
                    fail(QStringLiteral("out of memory"));
                    return;
                }
                fed = true;
            }
        }
        if (!m_encrypted) {
            if (!handshake())
                return;
            if (!m_encrypted) {
                if (fed && m_socket->bytesAvailable() > 0)
                    continue;
                break;
            }
        }
        produced = decrypt() || produced;
        if (m_failed)
            return;
        // decrypt() stops when OpenSSL needs more input or the buffer is full: go on only if the socket has more.
        if (m_peerClosed || readBufferFull() || m_socket->bytesAvailable() == 0)
            break;
    }
    flushCiphertext();
    if (!wasEncrypted && m_encrypted)
        Q_EMIT encrypted();
    if (produced)
        Q_EMIT readyRead();
    if (m_peerClosed && !m_failed && !m_closing) {
        // close_notify from the client: the session is over, as when its TCP connection ends.
        setErrorString(QStringLiteral("the client closed the TLS session"));
        Q_EMIT errorOccurred();
    }
}

bool TlsTransport::handshake()
{
    ERR_clear_error();
    const int r = SSL_do_handshake(m_ssl);
    if (r == 1) {
        if (X509* peer = SSL_get0_peer_certificate(m_ssl)) {
            // Only a certificate the context verified is reported (the handshake fails otherwise).
            if (!m_context->verifiesPeer() || SSL_get_verify_result(m_ssl) != X509_V_OK) {
                fail(QStringLiteral("TLS handshake failed: client certificate not verified"));
                return false;
            }
            unsigned char md[EVP_MAX_MD_SIZE];
            unsigned int length = 0;
            if (!X509_digest(peer, m_context->sha256(), md, &length)) {
                fail(QStringLiteral("TLS handshake failed"));
                return false;
            }
            m_peerSha256 = QByteArray(reinterpret_cast<const char*>(md), qsizetype(length)).toHex();
        }
        m_encrypted = true;
        return true;
    }
    switch (SSL_get_error(m_ssl, r)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        return true;
    default:
        fail(QStringLiteral("TLS handshake failed"));
        return false;
    }
}

bool TlsTransport::decrypt()
{
    bool got = false;
    while (!readBufferFull()) {
        if (m_plainRead > 0) {
            m_plain.remove(0, m_plainRead);
            m_plainRead = 0;
        }
        const qsizetype old = m_plain.size();
        m_plain.resize(old + kChunk);
        size_t n = 0;
        ERR_clear_error();
        const int r = SSL_read_ex(m_ssl, m_plain.data() + old, size_t(kChunk), &n);
        m_plain.resize(old + (r == 1 ? qsizetype(n) : 0));
        if (r == 1) {
            got = true;
            // Nothing left in OpenSSL or its input: another read would only allocate a record buffer to find that.
            if (BIO_ctrl_pending(m_in) == 0 && SSL_pending(m_ssl) == 0)
                return got;
            continue;
        }
        switch (SSL_get_error(m_ssl, r)) {
        case SSL_ERROR_WANT_READ:
        case SSL_ERROR_WANT_WRITE:
            return got;
        case SSL_ERROR_ZERO_RETURN:
            m_peerClosed = true;
            return got;
        default:
            fail(QStringLiteral("TLS error"));
            return got;
        }
    }
    return got;
}

void TlsTransport::encrypt(const char* data, qint64 size)
{
    ERR_clear_error();
    size_t written = 0;
    if (SSL_write_ex(m_ssl, data, size_t(size), &written) == 1)
        return;
    switch (SSL_get_error(m_ssl, 0)) {
    case SSL_ERROR_WANT_READ:
    case SSL_ERROR_WANT_WRITE:
        // Not with memory buffers and no renegotiation, but if it happens, the bytes wait for the next pump.
        m_pendingOut.append(data, size);
        ERR_clear_error();
        return;
    default:
        fail(QStringLiteral("TLS error"));
    }
}

void TlsTransport::flushCiphertext()
{
    if (!m_out)
        return;
    const size_t pending = BIO_ctrl_pending(m_out);
    if (pending == 0)
        return;
    QByteArray bytes(qsizetype(pending), Qt::Uninitialized);
    const int n = BIO_read(m_out, bytes.data(), int(pending));
    if (n <= 0)
        return;
    bytes.truncate(n);
    m_socket->write(bytes);
}

void TlsTransport::fail(const QString& reason)
{
    if (m_failed)
        return;
    m_failed = true;
    // The alert OpenSSL queued (bad certificate, no shared cipher...) still goes to the client; the details of
    // OpenSSL's error queue go nowhere.
    flushCiphertext();
    m_socket->flush();
    ERR_clear_error();
    setErrorString(reason);
    Q_EMIT errorOccurred();
}

qint64 TlsTransport::readData(char* data, qint64 maxSize)
{
    const qsizetype n = qMin(qsizetype(maxSize), m_plain.size() - m_plainRead);
    if (n <= 0)
        return 0;
    char* from = m_plain.data() + m_plainRead;
    std::memcpy(data, from, size_t(n));
    OPENSSL_cleanse(from, size_t(n));
    m_plainRead += n;
    if (m_plainRead == m_plain.size()) {
        m_plain.resize(0);
        m_plainRead = 0;
    }
    // Reading made room: what waits in the socket or in OpenSSL comes in on the next event loop turn.
    if (!readBufferFull() && !m_failed && m_ssl &&
        (m_socket->bytesAvailable() > 0 || BIO_ctrl_pending(m_in) > 0 || SSL_pending(m_ssl) > 0))
        schedulePump();
    return n;
}

qint64 TlsTransport::writeData(const char* data, qint64 size)
{
    if (m_failed || m_closing || !m_ssl)
        return -1;
    if (size <= 0)
        return 0;
    if (!m_encrypted || !m_pendingOut.isEmpty() || m_pumpDepth > 0) {
        m_pendingOut.append(data, size);
        return size;
    }
    encrypt(data, size);
    if (m_failed)
        return -1;
    flushCiphertext();
    return size;
}

void TlsTransport::disconnectFromHost(const Linger& linger)
{
    if (m_closing)
        return;
    m_closing = true;
    // close_notify only on a session that is up and sound; during the handshake the TCP connection just ends.
    if (m_ssl && m_encrypted && !m_failed) {
        flushPending();
        if (!m_failed) {
            ERR_clear_error();
            SSL_shutdown(m_ssl); // ours only: the client's close_notify is not waited for
            ERR_clear_error();
            flushCiphertext();
        }
    }
    closeGracefully(m_socket, linger);
}

void TlsTransport::abort()
{
    m_closing = true;
    cleanse(m_pendingOut);
    m_pendingOut.clear();
    m_socket->abort();
}

void TlsTransport::onSocketError()
{
    // Bytes that arrived before the client hung up are still read, as from a plain socket.
    if (m_socket->error() == QAbstractSocket::RemoteHostClosedError && m_socket->bytesAvailable() > 0)
        pump();
    if (!m_failed)
        setErrorString(QStringLiteral("the connection failed"));
    Q_EMIT errorOccurred();
}

void TlsTransport::onSocketDisconnected()
{
    Q_EMIT disconnected();
}

} // namespace gatehouse::api
