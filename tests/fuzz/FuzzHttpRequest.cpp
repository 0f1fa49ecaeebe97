// libFuzzer harness: arbitrary bytes, fed in arbitrary pieces, through the request parser, the router and the
// JSON body reader. Any crash, sanitizer report or broken invariant (a limit exceeded, a request that should
// not exist) is a finding.

#include "api/HttpRequestParser.h"
#include "api/JsonBody.h"
#include "api/Router.h"

#include <cstdint>
#include <cstdlib>

using namespace gatehouse::api;

namespace {

const Router& router()
{
    static const Router r = [] {
        Router x;
        const Handler none = [](ApiRequest&) {
            return HttpResponse();
        };
        x.add("GET", QStringLiteral("/api/v1/tenants/{tenant}"), QStringLiteral("getTenant"), none);
        x.add("POST", QStringLiteral("/api/v1/tenants/{tenant}/workspaces/{workspace}/secrets/{name}/reveal"),
              QStringLiteral("revealSecret"), none);
        x.add("GET", QStringLiteral("/healthz"), QStringLiteral("health"), none, true);
        return x;
    }();
    return r;
}

void check(bool condition)
{
    if (!condition)
        std::abort();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    if (size < 1)
        return 0;
    ParserLimits limits;
    limits.maxHeaderBytes = 2048;
    limits.maxBodyBytes = 4096;
    limits.maxHeaderCount = 16;
    HttpRequestParser parser(limits);
    const size_t piece = size_t(data[0] % 97) + 1; // the first byte chooses how the stream is split
    QByteArray buffer;
    for (size_t pos = 1; pos < size;) {
        const size_t n = std::min(piece, size - pos);
        buffer.append(reinterpret_cast<const char*>(data + pos), qsizetype(n));
        pos += n;
        for (;;) {
            const auto state = parser.parse(buffer);
            if (state == HttpRequestParser::State::Error) {
                const int s = parser.errorStatus();
                check(s == 400 || s == 411 || s == 413 || s == 431 || s == 505);
                return 0;
            }
            if (state == HttpRequestParser::State::NeedMore)
                break;
            const HttpRequest r = parser.takeRequest();
            check(r.body.size() <= limits.maxBodyBytes);
            check(r.headers.size() <= limits.maxHeaderCount);
            check(r.target.startsWith('/'));
            check(!r.hasHeader("transfer-encoding"));
            check(r.versionMajor == 1 && r.versionMinor <= 1);
            const Router::Match m = router().match(r.method, r.rawPath);
            if (m.route)
                for (auto it = m.params.begin(); it != m.params.end(); ++it)
                    check(!it.value().isEmpty());
            (void)parseJsonObject(r.body, JsonLimits{8, 4096});
        }
    }
    return 0;
}
