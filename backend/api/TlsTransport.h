#pragma once

#include <QIODevice>

#include <openssl/types.h>

#include <memory>

class QTcpSocket;

namespace gatehouse::api {

class TlsContext;

// How long and how much a closing connection goes on reading what its client still sends (closeGracefully).
struct Linger
{
    int ms = 2'000;
    qint64 bytes = 4 * 1024 * 1024;
};

// Ends a TCP connection so that the client reads everything sent on it. Closing a socket with unread input makes
// the kernel send a reset, and a reset can reach the client before it has read the last answer (an error status
// sent while the client is still sending its request), which it then never sees. So: once the queued output is
// written, the sending side is shut down (the client reads the end of the stream right after the answer), and
// what the client still sends is read and dropped until it closes its side, when the socket reports the
// disconnection as usual. Past `linger` (time after the shutdown, or bytes) the socket is aborted.
void closeGracefully(QTcpSocket* socket, const Linger& linger);

// The server side of one TLS connection over an accepted QTcpSocket: an OpenSSL connection state made from the
// shared TlsContext, fed through memory buffers, seen by the HTTP code as a plain QIODevice of the decrypted bytes.
// Holds its context for as long as it lives, so a reload never pulls it from under an open connection.
class TlsTransport : public QIODevice
{
    Q_OBJECT
public:
    // Takes ownership of `socket` (connected). Call start() to begin the handshake.
    TlsTransport(QTcpSocket* socket, std::shared_ptr<const TlsContext> context);
    ~TlsTransport() override;

    // False if the connection state could not be made (out of memory); the transport is then unusable.
    bool start();

    bool isSequential() const override { return true; }
    qint64 bytesAvailable() const override;
    qint64 bytesToWrite() const override;
    bool waitForBytesWritten(int msecs) override;

    // Decrypted bytes held unread before the transport stops reading from the socket (0: no limit).
    void setReadBufferSize(qint64 size);
    bool isEncrypted() const { return m_encrypted; }
    // Lower-case hex SHA-256 of the verified client certificate's DER, empty without one.
    QByteArray peerCertificateSha256() const { return m_peerSha256; }
    const std::shared_ptr<const TlsContext>& context() const { return m_context; }

    // Sends what is queued, then close_notify, then closes the TCP connection gracefully (closeGracefully).
    void disconnectFromHost(const Linger& linger = {});
    // Drops the connection at once; nothing queued is sent.
    void abort();

Q_SIGNALS:
    void encrypted();
    void disconnected();
    // The handshake or the connection failed, or the peer ended the TLS session; errorString() says so briefly.
    void errorOccurred();

protected:
    qint64 readData(char* data, qint64 maxSize) override;
    qint64 writeData(const char* data, qint64 size) override;

private:
    void pump();
    void schedulePump();
    bool handshake();
    bool decrypt();
    void encrypt(const char* data, qint64 size);
    void flushPending();
    void flushCiphertext();
    void fail(const QString& reason);
    bool readBufferFull() const;
    void onSocketError();
    void onSocketDisconnected();

    QTcpSocket* m_socket;
    std::shared_ptr<const TlsContext> m_context;
    SSL* m_ssl = nullptr;
    BIO* m_in = nullptr;  // ciphertext from the peer, owned by m_ssl
    BIO* m_out = nullptr; // ciphertext for the peer, owned by m_ssl
    QByteArray m_plain;   // decrypted, not yet read; m_plainRead bytes of it are consumed
    qsizetype m_plainRead = 0;
    QByteArray m_pendingOut; // written before the handshake finished
    QByteArray m_peerSha256;
    qint64 m_readLimit = 0;
    bool m_encrypted = false;
    bool m_failed = false;
    bool m_closing = false;
    bool m_peerClosed = false;
    bool m_pumpQueued = false;
    int m_pumpDepth = 0;
};

} // namespace gatehouse::api
