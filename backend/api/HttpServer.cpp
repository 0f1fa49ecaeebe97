#include "HttpServer.h"

#include "HttpConnection.h"
#include "TlsContext.h"
#include "TlsTransport.h"

#include <QLocalServer>
#include <QLocalSocket>
#include <QPointer>
#include <QSslServer>
#include <QTcpSocket>
#include <QThread>
#include <QTimer>

#include <unistd.h>

namespace gatehouse::api {

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 406:
        return "Not Acceptable";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    case 505:
        return "HTTP Version Not Supported";
    default:
        return "Status";
    }
}

// The TCP listener: a QSslServer whose accepted sockets are handed to the workers before any byte is read,
// so that the TLS handshake, too, runs off the listening thread.
class HttpServer::TcpListener : public QSslServer
{
public:
    explicit TcpListener(HttpServer& server) : m_server(server) {}

protected:
    void incomingConnection(qintptr descriptor) override { m_server.adopt(descriptor, false); }

private:
    HttpServer& m_server;
};

class HttpServer::LocalListener : public QLocalServer
{
public:
    explicit LocalListener(HttpServer& server) : m_server(server) {}

protected:
    void incomingConnection(quintptr descriptor) override { m_server.adopt(qintptr(descriptor), true); }

private:
    HttpServer& m_server;
};

// Owns the connections of one worker thread.
class HttpServer::Worker : public QObject
{
public:
    explicit Worker(HttpServer& server) : m_server(server) {}

    void open(qintptr descriptor, bool local)
    {
        const ListenConfig& cfg = m_server.m_config;
        ConnectionInfo info;
        QIODevice* device = nullptr;
        bool handshaking = false;
        if (local) {
            auto* socket = new QLocalSocket;
            if (!socket->setSocketDescriptor(quintptr(descriptor))) {
                delete socket;
                ::close(int(descriptor));
                m_server.connectionClosed();
                return;
            }
            device = socket;
        } else {
            auto* socket = new QTcpSocket;
            if (!socket->setSocketDescriptor(descriptor)) {
                delete socket;
                ::close(int(descriptor));
                m_server.connectionClosed();
                return;
            }
            info.peerAddress = socket->peerAddress().toString();
            info.peerPort = socket->peerPort();
            device = socket;
            if (cfg.mode == ListenConfig::Mode::Tls) {
                auto* tls = new TlsTransport(socket, m_server.tlsContext());
                if (!tls->start()) {
                    delete tls; // closes the socket
                    m_server.connectionClosed();
                    return;
                }
                info.tls = true;
                handshaking = true;
                device = tls;
            }
        }
        m_connections.append(new HttpConnection(m_server, device, info, handshaking));
        m_connections.removeAll(nullptr);
    }

    void drainAll()
    {
        for (const auto& c : std::as_const(m_connections))
            if (c)
                c->drain();
    }

    void closeAll()
    {
        for (const auto& c : std::as_const(m_connections))
            delete c.data();
        m_connections.clear();
    }

private:
    HttpServer& m_server;
    QList<QPointer<HttpConnection>> m_connections;
};

HttpServer::HttpServer(RequestHandler& handler, const ServerLimits& limits, QObject* parent)
    : QObject(parent), m_handler(handler), m_limits(limits)
{
    const int n = std::max(1, m_limits.workerThreads);
    for (int i = 0; i < n; ++i) {
        auto* thread = new QThread;
        thread->setObjectName(QStringLiteral("api-worker-%1").arg(i));
        auto* worker = new Worker(*this);
        worker->moveToThread(thread);
        thread->start();
        m_threads.push_back(thread);
        m_workers.push_back(worker);
    }
}

HttpServer::~HttpServer()
{
    m_shuttingDown = true;
    m_tcp.reset();
    m_local.reset();
    for (size_t i = 0; i < m_workers.size(); ++i) {
        Worker* w = m_workers[i];
        QMetaObject::invokeMethod(
            w, [w] { w->closeAll(); }, Qt::BlockingQueuedConnection);
        m_threads[i]->quit();
        m_threads[i]->wait();
        delete w;
        delete m_threads[i];
    }
}

Result<void> HttpServer::listen(const ListenConfig& config)
{
    m_config = config;
    if (config.mode == ListenConfig::Mode::Tls)
        if (auto r = setTlsConfiguration(config.tls); !r)
            return r.error();
    if (config.mode == ListenConfig::Mode::UnixSocket) {
        m_local = std::make_unique<LocalListener>(*this);
        m_local->setSocketOptions(QLocalServer::UserAccessOption);
        m_local->setMaxPendingConnections(128);
        if (!m_local->listen(config.socketPath)) {
            const QString why = m_local->errorString();
            m_local.reset();
            return Error{ErrorCode::Io, QStringLiteral("cannot listen on the socket %1: %2 (remove a stale socket file "
                                                       "or choose another path)")
                                            .arg(config.socketPath, why)};
        }
        return {};
    }
    m_tcp = std::make_unique<TcpListener>(*this);
    m_tcp->setMaxPendingConnections(128);
    if (!m_tcp->listen(config.address, config.port)) {
        const QString why = m_tcp->errorString();
        QString hint;
        switch (m_tcp->serverError()) {
        case QAbstractSocket::AddressInUseError:
            hint = QStringLiteral("another program uses this port; stop it or choose another port");
            break;
        case QAbstractSocket::SocketAddressNotAvailableError:
            hint = QStringLiteral("this machine has no such address; use 127.0.0.1 or one of its own addresses");
            break;
        case QAbstractSocket::SocketAccessError:
            hint = QStringLiteral("ports below 1024 need privileges; choose a port from 1024 up");
            break;
        default:
            hint = QStringLiteral("check the address and port");
            break;
        }
        m_tcp.reset();
        return Error{ErrorCode::Io, QStringLiteral("cannot listen on %1:%2: %3 (%4)")
                                        .arg(config.address.toString())
                                        .arg(config.port)
                                        .arg(why, hint)};
    }
    return {};
}

quint16 HttpServer::port() const
{
    return m_tcp ? m_tcp->serverPort() : 0;
}

QString HttpServer::socketPath() const
{
    return m_local ? m_local->fullServerName() : QString();
}

Result<void> HttpServer::setTlsConfiguration(const QSslConfiguration& tls)
{
    auto context = TlsContext::build(tls);
    if (!context)
        return context.error();
    QMutexLocker lock(&m_tlsMutex);
    m_tlsContext = std::move(context.value());
    return {};
}

std::shared_ptr<const TlsContext> HttpServer::tlsContext() const
{
    QMutexLocker lock(&m_tlsMutex);
    return m_tlsContext;
}

void HttpServer::adopt(qintptr descriptor, bool local)
{
    // Over the cap (or shutting down): refused at once; the connections already open are not affected.
    if (m_shuttingDown || m_open.load() >= m_limits.maxConnections) {
        ::close(int(descriptor));
        m_refused.fetch_add(1);
        return;
    }
    m_open.fetch_add(1);
    Worker* w = m_workers[m_nextWorker++ % m_workers.size()];
    QMetaObject::invokeMethod(
        w, [w, descriptor, local] { w->open(descriptor, local); }, Qt::QueuedConnection);
}

void HttpServer::connectionClosed()
{
    m_open.fetch_sub(1);
}

void HttpServer::shutdown(int graceMs)
{
    m_shuttingDown = true;
    if (m_tcp)
        m_tcp->close();
    if (m_local)
        m_local->close();
    for (Worker* w : m_workers)
        QMetaObject::invokeMethod(
            w, [w] { w->drainAll(); }, Qt::QueuedConnection);
    auto* poll = new QTimer(this);
    auto waited = std::make_shared<int>(0);
    connect(poll, &QTimer::timeout, this, [this, poll, waited, graceMs] {
        *waited += 20;
        if (m_open.load() > 0 && *waited < graceMs)
            return;
        poll->deleteLater();
        for (Worker* w : m_workers)
            QMetaObject::invokeMethod(
                w, [w] { w->closeAll(); }, Qt::BlockingQueuedConnection);
        Q_EMIT drained();
    });
    poll->start(20);
}

} // namespace gatehouse::api
