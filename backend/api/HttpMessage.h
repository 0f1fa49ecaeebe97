#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <memory>
#include <utility>

namespace gatehouse::api {

using HeaderList = QList<std::pair<QByteArray, QByteArray>>;

// One parsed HTTP/1.x request. Header names are lower-cased; values are as sent.
struct HttpRequest
{
    QByteArray method;
    QByteArray target;  // as sent: path and query
    QByteArray rawPath; // the path without the query, still percent-encoded (segments are decoded one by one)
    QUrlQuery query;
    int versionMajor = 1;
    int versionMinor = 1;
    HeaderList headers;
    QByteArray body;
    bool keepAlive = true; // what the client asked for (HTTP/1.0 without keep-alive, or Connection: close)

    // The first value of a header (name in lower case); empty when absent.
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first == name)
                return h.second;
        return {};
    }
    bool hasHeader(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first == name)
                return true;
        return false;
    }
    // The media type of the body, lower-cased, without parameters ("application/json; charset=utf-8" gives
    // "application/json"); empty without a Content-Type.
    QByteArray mediaType() const
    {
        const QByteArray type = header("content-type");
        const qsizetype semicolon = type.indexOf(';');
        return (semicolon < 0 ? type : type.first(semicolon)).trimmed().toLower();
    }
};

// A response body written bit by bit (Server-Sent Events, large exports). Owned by the connection, used from its
// thread only.
class ResponseStream
{
public:
    virtual ~ResponseStream() = default;
    // Queues `data` for the client. False once the client has gone. With too much queued, a stream started by a
    // running handler (StreamStarter) waits up to the idle timeout for the client; an event stream (the
    // response's `stream` callback) never waits: the client is cut off.
    virtual bool write(const QByteArray& data) = 0;
    // Ends the response; the connection goes on with the next request (or closes).
    virtual void finish() = 0;
    // Gives up half-way: the connection is cut without the end marker, so the client sees a truncated body
    // as an error rather than as complete.
    virtual void abort() = 0;
    // An object living in the connection's thread: timers and queued calls for the stream use it as context.
    virtual class QObject* context() = 0;
    // Called once if the client goes away (or the server shuts down) before finish().
    virtual void onClosed(std::function<void()> callback) = 0;

    // Backpressure for an event stream, which never waits in write(): write more only while ready() (little is
    // queued for the client); when it is not, onReady's callback runs once the client has read enough, and the
    // producer goes on from there. A producer that ignores ready() is cut off at the connection's output limit.
    virtual bool ready() const { return true; }
    virtual void onReady(std::function<void()> callback) { (void)callback; }
    // Called once if the client reads nothing for the idle timeout while output waits for it. The producer may
    // write a last short word and finish(); the connection then closes. Without this callback it is cut at once.
    virtual void onStalled(std::function<void()> callback) { (void)callback; }
};

struct HttpResponse
{
    int status = 200;
    HeaderList headers;
    QByteArray body;
    // Set for a streamed body: called once the headers are out. The body is sent chunked (HTTP/1.1) or until
    // the connection closes (HTTP/1.0).
    std::function<void(std::shared_ptr<ResponseStream>)> stream;
    // The connection closes after this response (e.g. after a protocol error).
    bool close = false;
    // The handler already sent the whole response through a StreamStarter.
    bool sent = false;
    // Non-zero: the response goes out only once the handler's holdUntilDurable() lets it (its audit records are on
    // the disk). The connection answers nothing after it meanwhile, so answers stay in order.
    qint64 durableTicket = 0;

    void setHeader(const QByteArray& name, const QByteArray& value)
    {
        for (auto& h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0) {
                h.second = value;
                return;
            }
        headers.append({name, value});
    }
    QByteArray header(const QByteArray& name) const
    {
        for (const auto& h : headers)
            if (h.first.compare(name, Qt::CaseInsensitive) == 0)
                return h.second;
        return {};
    }
};

// Lets a handler start a streamed response while it is still running (a large export that cannot be held in
// memory): writes the status and headers of `head` at once and returns the stream for the body. The handler
// then finishes the stream and returns a response with `sent` set.
using StreamStarter = std::function<std::shared_ptr<ResponseStream>(HttpResponse head)>;

QByteArray reasonPhrase(int status);

} // namespace gatehouse::api
