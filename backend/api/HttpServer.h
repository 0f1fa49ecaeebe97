#pragma once

#include "HttpMessage.h"
#include "HttpRequestParser.h"
#include "core/Result.h"

#include <QHostAddress>
#include <QMutex>
#include <QObject>
#include <QSslConfiguration>

#include <atomic>
#include <memory>
#include <vector>

class QThread;

namespace gatehouse::api {

class TlsContext;

struct ServerLimits
{
    ParserLimits parser;
    int handshakeTimeoutMs = 10'000; // a TLS client must finish its handshake in this time
    int idleTimeoutMs = 15'000;      // between requests, and for a request's line and headers to arrive
    int requestTimeoutMs = 60'000;   // for a whole request, body included
    int maxConnections = 1024;       // beyond this, new connections are closed at once
    int workerThreads = 2;
    qint64 maxQueuedOutput = 1024 * 1024; // per connection; above it pipelined requests wait, a stream is cut
    // Closing after an answer (Connection: close, an error such as 400, 413 or 431): the server shuts down its
    // sending side, then reads and drops what the client still sends, at most this long and this much, so that the
    // client reads the answer rather than a reset.
    int lingerMs = 2'000;
    qint64 lingerBytes = 4 * 1024 * 1024;
};

// Where and how to listen. TLS by default; plain HTTP only behind a TLS-terminating reverse proxy on
// loopback or a Unix socket (the caller checks that policy; the server serves what it is given).
struct ListenConfig
{
    enum class Mode { Tls, PlainHttp, UnixSocket };
    Mode mode = Mode::Tls;
    QHostAddress address = QHostAddress::LocalHost;
    quint16 port = 0; // 0: any free port (tests)
    QString socketPath;
    QSslConfiguration tls;
};

// What the server knows about a connection, for the request handler.
struct ConnectionInfo
{
    QString peerAddress; // empty for a Unix socket
    quint16 peerPort = 0;
    bool tls = false;
    QByteArray peerCertificateSha256; // the client certificate's fingerprint (mutual TLS), else empty
};

// Turns requests into responses. Called on the server's worker threads, concurrently: must be thread-safe.
class RequestHandler
{
public:
    virtual ~RequestHandler() = default;
    virtual HttpResponse handle(const HttpRequest& request, const ConnectionInfo& connection,
                                const StreamStarter& startStream) = 0;
    // The answer to a request the server could not read (limits, malformed bytes); the connection closes after.
    virtual HttpResponse protocolError(int status, const QString& message) = 0;
    // A response with a durableTicket: returns true and calls `resume` later, queued to `context`'s thread, once it
    // may go out; false when it may go out now. releaseHolds() before `context` is destroyed.
    virtual bool holdUntilDurable(qint64 ticket, QObject* context, std::function<void()> resume)
    {
        (void)ticket;
        (void)context;
        (void)resume;
        return false;
    }
    virtual void releaseHolds(QObject* context) { (void)context; }
};

// HTTP/1.1 over TLS (or plain, see ListenConfig) on Qt Network: a listener in the calling thread hands each
// accepted socket to one of a few worker threads, which run the TLS handshake (OpenSSL, one shared TlsContext),
// parse requests with hard limits and call the handler. Keep-alive, HTTP/1.0 and pipelining (answers in order) are
// supported.
class HttpServer : public QObject
{
    Q_OBJECT
public:
    HttpServer(RequestHandler& handler, const ServerLimits& limits = {}, QObject* parent = nullptr);
    ~HttpServer() override;

    Result<void> listen(const ListenConfig& config);
    quint16 port() const;
    QString socketPath() const;
    // Builds the one TLS context that new connections share from now on; open ones keep theirs (reload on SIGHUP).
    // On failure the current context stays.
    Result<void> setTlsConfiguration(const QSslConfiguration& tls);
    // The context new TLS connections get (null before listen() over TLS).
    std::shared_ptr<const TlsContext> tlsContext() const;

    // Stops accepting, lets requests in progress finish and closes the rest; drained() when all are gone or
    // after `graceMs`.
    void shutdown(int graceMs = 10'000);

    int openConnections() const { return m_open.load(); }
    qint64 refusedConnections() const { return m_refused.load(); }
    qint64 servedRequests() const { return m_served.load(); }
    const ServerLimits& limits() const { return m_limits; }

Q_SIGNALS:
    void drained();

private:
    class TcpListener;
    class LocalListener;
    class Worker;
    friend class HttpConnection;

    void adopt(qintptr descriptor, bool local);
    void connectionClosed();

    RequestHandler& m_handler;
    ServerLimits m_limits;
    ListenConfig m_config;
    std::unique_ptr<TcpListener> m_tcp;
    std::unique_ptr<LocalListener> m_local;
    std::vector<QThread*> m_threads;
    std::vector<Worker*> m_workers;
    size_t m_nextWorker = 0;
    mutable QMutex m_tlsMutex;
    std::shared_ptr<const TlsContext> m_tlsContext;
    std::atomic<int> m_open{0};
    std::atomic<qint64> m_refused{0};
    std::atomic<qint64> m_served{0};
    std::atomic<bool> m_shuttingDown{false};
};

} // namespace gatehouse::api
