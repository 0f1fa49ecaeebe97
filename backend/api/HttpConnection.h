#pragma once

#include "HttpMessage.h"
#include "HttpRequestParser.h"
#include "HttpServer.h"

#include <QObject>
#include <QTimer>

class QIODevice;

namespace gatehouse::api {

// One client connection, living in a worker thread: reads requests one at a time, answers them in order,
// enforces the timeouts, and hands the connection over to a streamed body when a response has one.
class HttpConnection : public QObject
{
    Q_OBJECT
public:
    // Takes ownership of `socket` (a TlsTransport, QTcpSocket or QLocalSocket, already connected; a TlsTransport may
    // still be in its handshake).
    HttpConnection(HttpServer& server, QIODevice* socket, const ConnectionInfo& info, bool handshaking);
    ~HttpConnection() override;

    // Shutdown: closes now if idle, else after the response in progress; a stream is ended.
    void drain();

private:
    class Stream;
    friend class Stream;

    void onEncrypted();
    void onReadyRead();
    void onBytesWritten();
    // Below this much queued output an event stream may write more (ResponseStream::ready()).
    qint64 streamLowWater() const;
    // Arms the stall timer of an event stream while output waits; `progressed`: the client has just read some.
    void watchOutput(bool progressed);
    void streamStalled();
    void processInput();
    void respond(HttpResponse response, const HttpRequest* request);
    // Sends a response held for its audit records (HttpResponse::durableTicket), then goes on reading.
    void resumeHeld(HttpResponse response, const QByteArray& method, int versionMinor);
    void afterResponse();
    QByteArray head(const HttpResponse& response, bool chunked, qint64 contentLength) const;
    void writeOut(const QByteArray& bytes);
    void closeSoon();
    void abortNow();
    void armIdleTimer();
    void onTimeout();
    void endStream();

    HttpServer& m_server;
    QIODevice* m_socket;
    ConnectionInfo m_info;
    HttpRequestParser m_parser;
    QByteArray m_input;
    QTimer m_timer;
    QTimer m_requestTimer;
    bool m_handshaking = false;
    bool m_closing = false;
    bool m_closed = false;
    bool m_draining = false;
    bool m_sawHeaders = false;
    std::shared_ptr<Stream> m_stream;
    bool m_streamChunked = false;
    bool m_closeAfterStream = false;
    bool m_holding = false; // a response waits for its audit records to be on the disk
};

} // namespace gatehouse::api
