#pragma once

#include "HttpMessage.h"

#include <memory>

namespace gatehouse::api {

struct ParserLimits
{
    qsizetype maxHeaderBytes = 16 * 1024; // request line + headers
    qsizetype maxBodyBytes = 1024 * 1024;
    int maxHeaderCount = 100;
};

// Reads HTTP/1.0 and HTTP/1.1 requests from a byte stream, one at a time, with hard limits. Built on Debian's
// http_parser. Request bodies must come with Content-Length: any Transfer-Encoding is refused (411), which
// also shuts out request smuggling through conflicting length headers.
class HttpRequestParser
{
public:
    enum class State { NeedMore, Request, Error };

    explicit HttpRequestParser(const ParserLimits& limits = {});
    ~HttpRequestParser();
    HttpRequestParser(const HttpRequestParser&) = delete;
    HttpRequestParser& operator=(const HttpRequestParser&) = delete;

    // Consumes bytes from the front of `buffer`, at most up to the end of one request. Request: takeRequest()
    // has it and the rest of `buffer` is the next (pipelined) request. Error: the connection must answer
    // errorStatus() and close; nothing more can be read from it.
    State parse(QByteArray& buffer);
    HttpRequest takeRequest();

    int errorStatus() const { return m_errorStatus; }
    // For the client: what was wrong, never echoing its bytes.
    QString errorMessage() const { return m_errorMessage; }
    // True while a request has started but is not complete (used by the idle timeout and for clean closes).
    bool midRequest() const { return m_started; }
    // True once the current request's line and headers are in (its body may still be arriving).
    bool headersDone() const { return m_headersDone; }

private:
    struct Callbacks;
    friend struct Callbacks;
    bool fail(int status, const QString& message);
    bool headersComplete();
    bool messageComplete();

    ParserLimits m_limits;
    struct Impl;
    std::unique_ptr<Impl> m_impl;
    HttpRequest m_current;
    QByteArray m_field;
    QByteArray m_value;
    bool m_inValue = false;
    bool m_started = false;
    bool m_complete = false;
    bool m_headersDone = false;
    qsizetype m_headerBytes = 0;
    int m_errorStatus = 0;
    QString m_errorMessage;
};

} // namespace gatehouse::api
