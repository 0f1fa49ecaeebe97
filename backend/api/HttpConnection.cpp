#include "HttpConnection.h"

#include "TlsTransport.h"

#include <QLocalSocket>
#include <QScopeGuard>
#include <QTcpSocket>

#include <openssl/crypto.h>

namespace gatehouse::api {

namespace {

void wipe(QByteArray& bytes)
{
    // Only bytes no other copy shares (wiping a shared buffer would change what another holder reads).
    if (!bytes.isEmpty() && bytes.isDetached())
        OPENSSL_cleanse(bytes.data(), size_t(bytes.size()));
}

void scrub(HttpRequest& request)
{
    wipe(request.body);
    for (auto& h : request.headers)
        wipe(h.second);
}

} // namespace

// The body of a streamed response, written through the connection while it lasts.
class HttpConnection::Stream : public ResponseStream
{
public:
    explicit Stream(HttpConnection* connection) : m_connection(connection) {}

    bool write(const QByteArray& data) override
    {
        if (!m_connection || data.isEmpty())
            return m_connection != nullptr;
        HttpConnection* c = m_connection;
        const qint64 limit = c->m_server.limits().maxQueuedOutput;
        // An event stream never holds its worker thread: it writes while ready() and waits for onReady(), so
        // whatever the size of its parts, what waits stays under the low-water mark plus one part. One that goes
        // on writing with the limit (a megabyte) already waiting is cut off.
        if (!m_blocking && c->m_socket->bytesToWrite() > limit) {
            c->abortNow();
            return false;
        }
        if (c->m_streamChunked)
            c->writeOut(QByteArray::number(data.size(), 16) + "\r\n" + data + "\r\n");
        else
            c->writeOut(data);
        if (!m_blocking) {
            c->watchOutput(false);
            return true;
        }
        // A body written by a running handler (an export): the client is given the idle timeout to catch up.
        while (m_connection && c->m_socket->bytesToWrite() > limit) {
            if (!c->m_socket->waitForBytesWritten(c->m_server.limits().idleTimeoutMs)) {
                c->abortNow();
                return false;
            }
        }
        return m_connection != nullptr;
    }

    void finish() override
    {
        if (!m_connection)
            return;
        HttpConnection* c = std::exchange(m_connection, nullptr);
        dropCallbacks();
        if (c->m_streamChunked)
            c->writeOut(QByteArrayLiteral("0\r\n\r\n"));
        c->endStream();
    }

    void abort() override
    {
        if (!m_connection)
            return;
        HttpConnection* c = std::exchange(m_connection, nullptr);
        dropCallbacks();
        c->abortNow();
    }

    QObject* context() override { return m_connection; }
    void onClosed(std::function<void()> callback) override { m_onClosed = std::move(callback); }

    bool ready() const override
    {
        return m_connection && m_connection->m_socket->bytesToWrite() < m_connection->streamLowWater();
    }
    void onReady(std::function<void()> callback) override { m_onReady = std::move(callback); }
    void onStalled(std::function<void()> callback) override { m_onStalled = std::move(callback); }

    void setBlocking(bool blocking) { m_blocking = blocking; }
    bool blocking() const { return m_blocking; }

    // The client has read some output: the producer goes on if it was waiting and enough has drained.
    void drained()
    {
        if (m_onReady && ready()) {
            const auto callback = m_onReady; // it may replace or clear m_onReady
            callback();
        }
    }

    // The client has read nothing for the idle timeout: false if the producer has no last word to say.
    bool stalled()
    {
        auto callback = std::exchange(m_onStalled, nullptr);
        if (!callback || !m_connection)
            return false;
        callback();
        return true;
    }

    // The connection is going away before finish().
    void detach()
    {
        m_connection = nullptr;
        auto closed = std::exchange(m_onClosed, nullptr);
        dropCallbacks();
        if (closed)
            closed();
    }

private:
    void dropCallbacks()
    {
        m_onClosed = nullptr;
        m_onReady = nullptr;
        m_onStalled = nullptr;
    }

    HttpConnection* m_connection;
    std::function<void()> m_onClosed;
    std::function<void()> m_onReady;
    std::function<void()> m_onStalled;
    bool m_blocking = false;
};

HttpConnection::HttpConnection(HttpServer& server, QIODevice* socket, const ConnectionInfo& info, bool handshaking)
    : m_server(server), m_socket(socket), m_info(info), m_parser(server.limits().parser), m_handshaking(handshaking)
{
    m_socket->setParent(this);
    m_timer.setSingleShot(true);
    m_requestTimer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(&m_requestTimer, &QTimer::timeout, this, &HttpConnection::onTimeout);
    connect(m_socket, &QIODevice::readyRead, this, &HttpConnection::onReadyRead);
    connect(m_socket, &QIODevice::bytesWritten, this, &HttpConnection::onBytesWritten);
    if (auto* tls = qobject_cast<TlsTransport*>(m_socket)) {
        tls->setReadBufferSize(64 * 1024);
        connect(tls, &TlsTransport::disconnected, this, &HttpConnection::abortNow);
        connect(tls, &TlsTransport::errorOccurred, this, &HttpConnection::abortNow);
    } else if (auto* tcp = qobject_cast<QAbstractSocket*>(m_socket)) {
        // The kernel holds back what we have not read: a client cannot make us buffer without limit.
        tcp->setReadBufferSize(64 * 1024);
        connect(tcp, &QAbstractSocket::disconnected, this, &HttpConnection::abortNow);
        connect(tcp, &QAbstractSocket::errorOccurred, this, &HttpConnection::abortNow);
    } else if (auto* local = qobject_cast<QLocalSocket*>(m_socket)) {
        local->setReadBufferSize(64 * 1024);
        connect(local, &QLocalSocket::disconnected, this, &HttpConnection::abortNow);
        connect(local, &QLocalSocket::errorOccurred, this, &HttpConnection::abortNow);
    }
    if (auto* tls = qobject_cast<TlsTransport*>(m_socket); tls && m_handshaking) {
        connect(tls, &TlsTransport::encrypted, this, &HttpConnection::onEncrypted);
        m_timer.start(server.limits().handshakeTimeoutMs);
    } else {
        armIdleTimer();
    }
}

HttpConnection::~HttpConnection()
{
    m_server.m_handler.releaseHolds(this);
    if (auto s = std::exchange(m_stream, nullptr))
        s->detach();
    m_server.connectionClosed();
}

void HttpConnection::onEncrypted()
{
    m_handshaking = false;
    auto* tls = qobject_cast<TlsTransport*>(m_socket);
    m_info.peerCertificateSha256 = tls->peerCertificateSha256();
    armIdleTimer();
    if (tls->bytesAvailable() > 0)
        onReadyRead();
}

void HttpConnection::armIdleTimer()
{
    m_sawHeaders = false;
    m_requestTimer.stop();
    m_timer.start(m_server.limits().idleTimeoutMs);
}

void HttpConnection::onReadyRead()
{
    // Closing: no further request is read; closeGracefully() drops what the client still sends.
    if (m_closed || m_handshaking || m_closing)
        return;
    // Read no more than one request's worth ahead; the rest waits in the socket.
    const qsizetype cap = m_server.limits().parser.maxHeaderBytes + m_server.limits().parser.maxBodyBytes;
    if (m_input.size() < cap) {
        const QByteArray bytes = m_socket->read(cap - m_input.size());
        if (!bytes.isEmpty() && m_input.isEmpty() && !m_parser.midRequest() && !m_stream)
            m_requestTimer.start(m_server.limits().requestTimeoutMs); // a new request begins
        m_input.append(bytes);
        if (m_sawHeaders)
            m_timer.start(m_server.limits().idleTimeoutMs); // the body is making progress
    }
    processInput();
}

void HttpConnection::onBytesWritten()
{
    if (m_stream) {
        watchOutput(true);
        auto stream = m_stream; // the producer may finish it
        stream->drained();
        return;
    }
    if (m_closing) {
        if (!m_closed && m_socket->bytesToWrite() > 0)
            m_timer.start(m_server.limits().idleTimeoutMs); // the client is reading the last answer
        return;
    }
    if (!m_input.isEmpty())
        processInput();
}

qint64 HttpConnection::streamLowWater() const
{
    return std::max<qint64>(1, m_server.limits().maxQueuedOutput / 4);
}

void HttpConnection::watchOutput(bool progressed)
{
    // While an event stream has output waiting, the client must read some of it every idle timeout; a stream
    // written by a running handler has its own wait (Stream::write).
    if (!m_stream || m_stream->blocking() || m_closing || m_closed)
        return;
    if (m_socket->bytesToWrite() == 0)
        m_timer.stop();
    else if (progressed || !m_timer.isActive())
        m_timer.start(m_server.limits().idleTimeoutMs);
}

void HttpConnection::streamStalled()
{
    // The connection closes after the stream's last word, which the client reads if it wakes up in time.
    m_closeAfterStream = true;
    auto stream = m_stream;
    if (!stream->stalled() || m_stream == stream)
        abortNow();
}

void HttpConnection::processInput()
{
    while (!m_closed && !m_closing && !m_stream && !m_holding && !m_input.isEmpty() &&
           m_socket->bytesToWrite() <= m_server.limits().maxQueuedOutput) {
        const auto state = m_parser.parse(m_input);
        if (state == HttpRequestParser::State::Error) {
            HttpResponse r = m_server.m_handler.protocolError(m_parser.errorStatus(), m_parser.errorMessage());
            r.close = true;
            respond(std::move(r), nullptr);
            return;
        }
        if (state == HttpRequestParser::State::NeedMore) {
            if (m_parser.headersDone() && !m_sawHeaders) {
                m_sawHeaders = true;
                m_timer.start(m_server.limits().idleTimeoutMs);
            }
            break;
        }
        HttpRequest request = m_parser.takeRequest();
        // Bodies carry passwords and secret values, headers carry tokens: wiped once the request is answered.
        const auto scrubAfter = qScopeGuard([&request] { scrub(request); });
        m_server.m_served.fetch_add(1);
        const bool closeAfter = !request.keepAlive || m_draining;
        const StreamStarter starter = [this, &request, closeAfter](HttpResponse head) {
            head.close = head.close || closeAfter;
            head.stream = [](std::shared_ptr<ResponseStream>) {
            };
            respond(std::move(head), &request);
            if (!m_stream) // HEAD, or the connection is gone: a stream that takes nothing
                return std::static_pointer_cast<ResponseStream>(std::make_shared<Stream>(nullptr));
            m_stream->setBlocking(true); // the handler is still running and writes as fast as it produces
            return std::static_pointer_cast<ResponseStream>(m_stream);
        };
        HttpResponse response = m_server.m_handler.handle(request, m_info, starter);
        if (response.sent)
            continue; // streamed and finished by the handler; endStream() picked up from there
        if (closeAfter)
            response.close = true;
        if (response.durableTicket > 0) {
            // Held until its audit records are on the disk; nothing after it is answered meanwhile.
            auto held = std::make_shared<HttpResponse>(std::move(response));
            const QByteArray method = request.method;
            const int minor = request.versionMinor;
            if (m_server.m_handler.holdUntilDurable(held->durableTicket, this, [this, held, method, minor] {
                    resumeHeld(std::move(*held), method, minor);
                })) {
                m_holding = true;
                m_timer.stop();
                return;
            }
            response = std::move(*held);
        }
        respond(std::move(response), &request);
        afterResponse();
    }
    if (!m_closed && m_draining && !m_stream && !m_holding && !m_parser.midRequest() && m_input.isEmpty())
        closeSoon();
}

void HttpConnection::afterResponse()
{
    if (!m_closing && !m_stream) {
        armIdleTimer();
        if (!m_input.isEmpty())
            m_requestTimer.start(m_server.limits().requestTimeoutMs);
    }
}

void HttpConnection::resumeHeld(HttpResponse response, const QByteArray& method, int versionMinor)
{
    m_holding = false;
    if (m_closed)
        return;
    HttpRequest request;
    request.method = method;
    request.versionMinor = versionMinor;
    respond(std::move(response), &request);
    afterResponse();
    processInput();
}

QByteArray HttpConnection::head(const HttpResponse& response, bool chunked, qint64 contentLength) const
{
    // Appended piece by piece into one buffer sized up front: no temporary per header (this runs per response).
    qsizetype size = 128;
    for (const auto& h : response.headers)
        size += h.first.size() + h.second.size() + 4;
    QByteArray out;
    out.reserve(size);
    out += "HTTP/1.1 ";
    out += QByteArray::number(response.status);
    out += ' ';
    out += reasonPhrase(response.status);
    out += "\r\n";
    for (const auto& h : response.headers) {
        out += h.first;
        out += ": ";
        out += h.second;
        out += "\r\n";
    }
    if (chunked) {
        out += "Transfer-Encoding: chunked\r\n";
    } else if (contentLength >= 0) {
        out += "Content-Length: ";
        out += QByteArray::number(contentLength);
        out += "\r\n";
    }
    out += response.close ? "Connection: close\r\n" : "Connection: keep-alive\r\n";
    out += "\r\n";
    return out;
}

void HttpConnection::respond(HttpResponse response, const HttpRequest* request)
{
    const bool headRequest = request && request->method == "HEAD";
    const bool http10 = request && request->versionMinor == 0;
    if (response.stream && !headRequest) {
        m_streamChunked = !http10;
        if (http10)
            response.close = true; // the body ends when the connection does
        writeOut(head(response, m_streamChunked, -1));
        m_stream = std::make_shared<Stream>(this);
        m_timer.stop();
        m_requestTimer.stop();
        m_closeAfterStream = response.close;
        auto stream = m_stream;
        response.stream(stream);
        return;
    }
    writeOut(head(response, false, response.body.size()));
    if (!headRequest && !response.body.isEmpty())
        writeOut(response.body);
    if (response.close)
        closeSoon();
}

void HttpConnection::endStream()
{
    m_stream.reset();
    if (m_closeAfterStream || m_draining) {
        closeSoon();
        return;
    }
    armIdleTimer();
    if (!m_input.isEmpty())
        QMetaObject::invokeMethod(this, &HttpConnection::processInput, Qt::QueuedConnection);
}

void HttpConnection::writeOut(const QByteArray& bytes)
{
    if (!m_closed)
        m_socket->write(bytes);
}

void HttpConnection::closeSoon()
{
    if (m_closed || m_closing)
        return;
    m_closing = true;
    m_requestTimer.stop();
    m_timer.start(m_server.limits().idleTimeoutMs); // a client that never reads the last answer is cut
    // After what is queued (and close_notify over TLS) the sending side is shut down and the client's remaining
    // input drained, so that the client reads the answer, not a reset; the socket then reports the end.
    const Linger linger{m_server.limits().lingerMs, m_server.limits().lingerBytes};
    if (auto* tls = qobject_cast<TlsTransport*>(m_socket))
        tls->disconnectFromHost(linger);
    else if (auto* tcp = qobject_cast<QTcpSocket*>(m_socket))
        closeGracefully(tcp, linger);
    else if (auto* local = qobject_cast<QLocalSocket*>(m_socket))
        local->disconnectFromServer();
}

void HttpConnection::abortNow()
{
    if (m_closed)
        return;
    m_closed = true;
    m_timer.stop();
    m_requestTimer.stop();
    if (auto s = std::exchange(m_stream, nullptr))
        s->detach();
    if (auto* tls = qobject_cast<TlsTransport*>(m_socket))
        tls->abort();
    else if (auto* tcp = qobject_cast<QAbstractSocket*>(m_socket))
        tcp->abort();
    else if (auto* local = qobject_cast<QLocalSocket*>(m_socket))
        local->abort();
    deleteLater();
}

void HttpConnection::onTimeout()
{
    if (m_closed)
        return;
    // A held answer whose records never reached the disk in the request's time: the client is cut, not answered.
    if (m_handshaking || m_closing || m_holding) {
        abortNow();
        return;
    }
    if (m_stream) {
        streamStalled(); // output has waited the idle timeout for a client that reads nothing
        return;
    }
    if (m_parser.midRequest() || !m_input.isEmpty()) {
        // A request that does not arrive in time (slow-loris): say so and hang up.
        HttpResponse r = m_server.m_handler.protocolError(408, QStringLiteral("The request did not arrive in time."));
        r.close = true;
        respond(std::move(r), nullptr);
        return;
    }
    closeSoon();
}

void HttpConnection::drain()
{
    m_draining = true;
    if (m_stream) {
        auto s = m_stream;
        s->detach();
        if (m_streamChunked)
            writeOut(QByteArrayLiteral("0\r\n\r\n"));
        m_stream.reset();
        closeSoon();
        return;
    }
    // A held answer goes out first; processInput() closes after it.
    if (!m_holding && !m_parser.midRequest() && m_input.isEmpty())
        closeSoon();
}

} // namespace gatehouse::api
