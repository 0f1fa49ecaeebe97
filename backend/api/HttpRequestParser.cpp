#include "HttpRequestParser.h"

#include <http_parser.h>

#include <QUrl>

namespace gatehouse::api {

struct HttpRequestParser::Impl
{
    http_parser parser{};
    http_parser_settings settings{};
};

// C callbacks: forward to the parser object kept in http_parser::data. A non-zero return stops parsing.
struct HttpRequestParser::Callbacks
{
    static HttpRequestParser* self(http_parser* p) { return static_cast<HttpRequestParser*>(p->data); }

    // Counts what the request line and headers have used so far (their text plus separators).
    static bool headerBudgetExceeded(http_parser* p, size_t more = 0)
    {
        HttpRequestParser* s = self(p);
        s->m_headerBytes += qsizetype(more);
        if (s->m_headerBytes > s->m_limits.maxHeaderBytes)
            return s->fail(
                431, QStringLiteral("The request line and headers exceed %1 bytes.").arg(s->m_limits.maxHeaderBytes));
        return false;
    }

    static int messageBegin(http_parser* p)
    {
        HttpRequestParser* s = self(p);
        s->m_current = HttpRequest();
        s->m_field.clear();
        s->m_value.clear();
        s->m_inValue = false;
        s->m_started = true;
        s->m_complete = false;
        s->m_headerBytes = 16; // method, version and line ends
        s->m_headersDone = false;
        return 0;
    }
    static int url(http_parser* p, const char* at, size_t length)
    {
        self(p)->m_current.target.append(at, qsizetype(length));
        return headerBudgetExceeded(p, length) ? 1 : 0;
    }
    static int headerField(http_parser* p, const char* at, size_t length)
    {
        HttpRequestParser* s = self(p);
        if (s->m_inValue) {
            if (s->m_current.headers.size() >= s->m_limits.maxHeaderCount) {
                s->fail(431, QStringLiteral("The request has more than %1 headers.").arg(s->m_limits.maxHeaderCount));
                return 1;
            }
            s->m_current.headers.append({s->m_field.toLower(), s->m_value.trimmed()});
            s->m_field.clear();
            s->m_value.clear();
            s->m_inValue = false;
            s->m_headerBytes += 4; // ": " and CRLF
        }
        s->m_field.append(at, qsizetype(length));
        return headerBudgetExceeded(p, length) ? 1 : 0;
    }
    static int headerValue(http_parser* p, const char* at, size_t length)
    {
        HttpRequestParser* s = self(p);
        s->m_inValue = true;
        s->m_value.append(at, qsizetype(length));
        return headerBudgetExceeded(p, length) ? 1 : 0;
    }
    static int headersComplete(http_parser* p)
    {
        if (headerBudgetExceeded(p))
            return -1;
        return self(p)->headersComplete() ? 0 : -1;
    }
    static int body(http_parser* p, const char* at, size_t length)
    {
        HttpRequestParser* s = self(p);
        if (s->m_current.body.size() + qsizetype(length) > s->m_limits.maxBodyBytes) {
            s->fail(413, QStringLiteral("The request body exceeds %1 bytes.").arg(s->m_limits.maxBodyBytes));
            return 1;
        }
        s->m_current.body.append(at, qsizetype(length));
        return 0;
    }
    static int messageComplete(http_parser* p)
    {
        if (!self(p)->messageComplete())
            return 1;
        http_parser_pause(p, 1); // one request at a time: the rest stays in the caller's buffer
        return 0;
    }
};

HttpRequestParser::HttpRequestParser(const ParserLimits& limits) : m_limits(limits), m_impl(std::make_unique<Impl>())
{
    http_parser_init(&m_impl->parser, HTTP_REQUEST);
    m_impl->parser.data = this;
    http_parser_settings& st = m_impl->settings;
    http_parser_settings_init(&st);
    st.on_message_begin = &Callbacks::messageBegin;
    st.on_url = &Callbacks::url;
    st.on_header_field = &Callbacks::headerField;
    st.on_header_value = &Callbacks::headerValue;
    st.on_headers_complete = &Callbacks::headersComplete;
    st.on_body = &Callbacks::body;
    st.on_message_complete = &Callbacks::messageComplete;
}

HttpRequestParser::~HttpRequestParser() = default;

bool HttpRequestParser::fail(int status, const QString& message)
{
    if (m_errorStatus == 0) {
        m_errorStatus = status;
        m_errorMessage = message;
    }
    return true;
}

bool HttpRequestParser::headersComplete()
{
    if (m_inValue) {
        if (m_current.headers.size() >= m_limits.maxHeaderCount)
            return !fail(431, QStringLiteral("The request has more than %1 headers.").arg(m_limits.maxHeaderCount));
        m_current.headers.append({m_field.toLower(), m_value.trimmed()});
        m_field.clear();
        m_value.clear();
        m_inValue = false;
    }
    const http_parser& p = m_impl->parser;
    HttpRequest& r = m_current;
    r.method = http_method_str(static_cast<http_method>(p.method));
    r.versionMajor = p.http_major;
    r.versionMinor = p.http_minor;
    if (r.versionMajor != 1 || r.versionMinor > 1)
        return !fail(505, QStringLiteral("Only HTTP/1.0 and HTTP/1.1 are served."));
    if (p.upgrade || r.method == "CONNECT")
        return !fail(400, QStringLiteral("Protocol upgrades and CONNECT are not supported."));
    if (p.uses_transfer_encoding || r.hasHeader("transfer-encoding"))
        return !fail(411, QStringLiteral("Send the request body with a Content-Length header; "
                                         "Transfer-Encoding is not accepted."));
    if (p.content_length != ULLONG_MAX && p.content_length > quint64(m_limits.maxBodyBytes))
        return !fail(413, QStringLiteral("The request body exceeds %1 bytes.").arg(m_limits.maxBodyBytes));
    if (r.versionMinor == 1 && r.header("host").isEmpty())
        return !fail(400, QStringLiteral("HTTP/1.1 requests need a Host header."));
    // Origin form only ("/path?query"): no absolute URLs, no "*".
    if (!r.target.startsWith('/'))
        return !fail(400, QStringLiteral("The request target must be a path starting with '/'."));
    const qsizetype q = r.target.indexOf('?');
    r.rawPath = q < 0 ? r.target : r.target.left(q);
    if (q >= 0)
        r.query = QUrlQuery(QString::fromUtf8(r.target.mid(q + 1)));
    if (r.rawPath.contains('#'))
        return !fail(400, QStringLiteral("The request target must not carry a fragment."));
    r.keepAlive = http_should_keep_alive(&m_impl->parser) != 0;
    m_headersDone = true;
    return true;
}

bool HttpRequestParser::messageComplete()
{
    m_complete = true;
    m_started = false;
    m_headersDone = false;
    return true;
}

HttpRequestParser::State HttpRequestParser::parse(QByteArray& buffer)
{
    if (m_errorStatus != 0)
        return State::Error;
    if (buffer.isEmpty())
        return State::NeedMore;
    http_parser& p = m_impl->parser;
    http_parser_pause(&p, 0);
    const size_t consumed = http_parser_execute(&p, &m_impl->settings, buffer.constData(), size_t(buffer.size()));
    const auto err = static_cast<http_errno>(p.http_errno);
    if (m_errorStatus != 0)
        return State::Error;
    if (err == HPE_UNEXPECTED_CONTENT_LENGTH && ((p.flags & F_CHUNKED) || p.uses_transfer_encoding)) {
        fail(411, QStringLiteral("Send the request body with a Content-Length header; "
                                 "Transfer-Encoding is not accepted."));
        return State::Error;
    }
    if (err != HPE_OK && err != HPE_PAUSED) {
        fail(400, QStringLiteral("Malformed HTTP request (%1).").arg(QString::fromLatin1(http_errno_description(err))));
        return State::Error;
    }
    buffer.remove(0, qsizetype(consumed));
    if (m_complete) {
        m_complete = false;
        return State::Request;
    }
    return State::NeedMore;
}

HttpRequest HttpRequestParser::takeRequest()
{
    return std::exchange(m_current, HttpRequest());
}

} // namespace gatehouse::api
