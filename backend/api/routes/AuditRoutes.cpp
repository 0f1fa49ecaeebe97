#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QMutex>
#include <QPointer>
#include <QTimer>

#include <memory>

namespace gatehouse::api {

namespace {

// The filters of an audit query from the request's query string; `tenantId` empty: the platform's events.
Result<audit::AuditQuery> auditQuery(const ApiRequest& r, const QString& tenantId)
{
    audit::AuditQuery q;
    q.platform = tenantId.isEmpty();
    q.tenantId = tenantId;
    for (const auto& [key, target] : {std::pair{"from", &q.fromMs}, std::pair{"to", &q.toMs}}) {
        if (r.hasQuery(key) && !parseQueryTime(r.query(key), *target))
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("%1 must be milliseconds since the epoch or an ISO 8601 date-time.")
                             .arg(QLatin1String(key))};
    }
    q.workspaceId = r.query("workspace");
    q.actor = r.query("actor");
    q.actionPrefix = r.query("action");
    auto outcome =
        r.queryChoice("outcome", {QStringLiteral("success"), QStringLiteral("denied"), QStringLiteral("error")});
    if (!outcome)
        return outcome.error();
    q.outcome = outcome.value();
    q.targetId = r.query("target");
    q.address = r.query("address");
    q.requestId = r.query("request_id");
    q.text = r.query("q");
    if (r.hasQuery("limit")) {
        bool ok = false;
        q.limit = r.query("limit").toInt(&ok);
        if (!ok || q.limit < 1 || q.limit > 1000)
            return Error{ErrorCode::InvalidArgument, QStringLiteral("limit must be a number from 1 to 1000.")};
    }
    if (r.hasQuery("cursor")) {
        bool ok = false;
        q.beforeSeq = r.query("cursor").toLongLong(&ok);
        if (!ok || q.beforeSeq < 1)
            return Error{ErrorCode::InvalidArgument,
                         QStringLiteral("cursor must be the next_cursor of a previous page.")};
    }
    return q;
}

HttpResponse events(ApiRequest& r, const QString& tenantId)
{
    auto q = auditQuery(r, tenantId);
    if (!q)
        return problem(q.error());
    auto page = r.cp().searchAudit(r.caller(), q.value());
    if (!page)
        return problem(page.error());
    QJsonArray items;
    for (const audit::AuditEvent& e : page.value().events)
        items.append(toJson(e));
    return jsonResponse(items, page.value().nextBeforeSeq ? QString::number(page.value().nextBeforeSeq) : QString());
}

HttpResponse histogram(ApiRequest& r, const QString& tenantId)
{
    auto q = auditQuery(r, tenantId);
    if (!q)
        return problem(q.error());
    qint64 bucket = 3'600'000;
    if (r.hasQuery("bucket_ms")) {
        bool ok = false;
        bucket = r.query("bucket_ms").toLongLong(&ok);
        if (!ok || bucket < 60'000)
            return problem(Error{ErrorCode::InvalidArgument, QStringLiteral("bucket_ms must be at least 60000.")});
    }
    auto buckets = r.cp().auditHistogram(r.caller(), q.value(), bucket);
    if (!buckets)
        return problem(buckets.error());
    QJsonArray items;
    for (const audit::HistogramBucket& b : buckets.value())
        items.append(QJsonObject{{QStringLiteral("start_ms"), b.startMs},
                                 {QStringLiteral("count"), b.count},
                                 {QStringLiteral("success"), b.success},
                                 {QStringLiteral("denied"), b.denied},
                                 {QStringLiteral("error"), b.error}});
    return jsonResponse(QJsonObject{{QStringLiteral("bucket_ms"), bucket}, {QStringLiteral("buckets"), items}});
}

// Wakes a stream's thread when the audit feed has news. The feed calls wake() from committing threads; the
// stream's connection unbinds before it goes away, under the same lock, so no pump runs for a closed stream; a
// call already posted holds the waker weakly and finds it gone.
class Waker : public std::enable_shared_from_this<Waker>
{
public:
    void bind(QObject* target, std::function<void()> pump)
    {
        QMutexLocker lock(&m_mutex);
        m_target = target;
        m_pump = std::move(pump);
    }
    void unbind()
    {
        QMutexLocker lock(&m_mutex);
        m_target = nullptr;
        m_pump = nullptr;
    }
    void wake()
    {
        QMutexLocker lock(&m_mutex);
        if (!m_target || m_pending)
            return;
        m_pending = true;
        // The stream may close (and the waker go) before the posted call runs: it holds only a weak reference.
        QMetaObject::invokeMethod(
            m_target,
            [self = weak_from_this()] {
                if (auto waker = self.lock())
                    waker->run();
            },
            Qt::QueuedConnection);
    }

private:
    void run()
    {
        std::function<void()> pump;
        {
            QMutexLocker lock(&m_mutex);
            m_pending = false;
            pump = m_pump;
        }
        if (pump)
            pump();
    }

    QMutex m_mutex;
    QObject* m_target = nullptr;
    std::function<void()> m_pump;
    bool m_pending = false;
};

// Events a stream reads from its subscription at a time (a few hundred kilobytes at most).
constexpr int kStreamBatch = 250;

QByteArray sseEvent(const audit::AuditEvent& e)
{
    return "id: " + QByteArray::number(e.seq) + "\nevent: audit\ndata: " + e.canonical() + "\n\n";
}

// Server-Sent Events: history after Last-Event-ID (or ?after=), then live events, with a comment every 15 s
// so that proxies keep the connection. A client that falls too far behind is told where to resume.
HttpResponse stream(ApiRequest& r, const QString& tenantId)
{
    qint64 after = 0;
    const QByteArray lastId = r.http().header("last-event-id");
    bool ok = true;
    if (!lastId.isEmpty())
        after = lastId.toLongLong(&ok);
    else if (r.hasQuery("after"))
        after = r.query("after").toLongLong(&ok);
    if (!ok || after < 0)
        return problem(Error{ErrorCode::InvalidArgument,
                             QStringLiteral("Last-Event-ID (or after) must be the sequence number of an event.")});
    auto waker = std::make_shared<Waker>();
    // Subscribing is the control-plane call: it authorizes and audits; a refusal is an ordinary problem answer.
    auto sub = r.cp().followAudit(
        r.caller(), tenantId, after, [waker] { waker->wake(); }, 2000);
    if (!sub)
        return problem(sub.error());
    service::ControlPlane* cp = &r.cp();
    std::shared_ptr<audit::AuditSubscription> subscription = sub.value();

    HttpResponse head;
    head.setHeader("Content-Type", "text/event-stream");
    head.setHeader("X-Accel-Buffering", "no");
    head.stream = [cp, subscription, waker](std::shared_ptr<ResponseStream> out) {
        std::weak_ptr<ResponseStream> weak = out;
        auto* heartbeat = new QTimer(out->context());
        auto stop = [cp, subscription, waker, heartbeat] {
            waker->unbind();
            cp->unfollowAudit(subscription);
            heartbeat->deleteLater();
        };
        out->onClosed(stop);
        // The last word to a client that is dropped: where to resume without a gap.
        auto resync = [weak, subscription, stop] {
            auto s = weak.lock();
            if (!s)
                return;
            s->write("event: resync\ndata: {\"resume_after\":" + QByteArray::number(subscription->resumeAfter()) +
                     "}\n\n");
            stop();
            s->finish();
        };
        // Events go out only while the connection has little queued: a long history is read from the store as
        // fast as the client reads it, never piled up at once. Live events wait in the subscription meanwhile; a
        // client that lets too many pile up there, or reads nothing for the idle timeout, gets the resync.
        auto pump = [weak, subscription, resync] {
            auto s = weak.lock();
            if (!s)
                return;
            for (;;) {
                if (subscription->fellBehind()) {
                    resync();
                    return;
                }
                if (!s->ready())
                    return; // onReady() brings us back
                const QList<audit::AuditEvent> batch = subscription->take(kStreamBatch);
                if (batch.isEmpty())
                    return; // the waker brings us back
                QByteArray chunk;
                for (const audit::AuditEvent& e : batch)
                    chunk += sseEvent(e);
                if (!s->write(chunk))
                    return;
            }
        };
        QObject::connect(heartbeat, &QTimer::timeout, heartbeat, [weak] {
            if (auto s = weak.lock(); s && s->ready()) // with output waiting, the connection is not idle
                s->write(QByteArrayLiteral(": keep-alive\n\n"));
        });
        heartbeat->start(15'000);
        out->onReady(pump);
        out->onStalled(resync);
        waker->bind(out->context(), pump);
        out->write(QByteArrayLiteral("retry: 2000\n\n"));
        pump(); // history first
    };
    return head;
}

// Collects an export in memory up to a threshold, then switches to streaming it to the client.
class ExportDevice : public QIODevice
{
public:
    ExportDevice(ApiRequest& request, HttpResponse head) : m_request(request), m_head(std::move(head))
    {
        open(QIODevice::WriteOnly);
    }
    std::shared_ptr<ResponseStream> stream() const { return m_stream; }
    QByteArray buffered() const { return m_buffer; }

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        if (m_stream)
            return m_stream->write(QByteArray(data, qsizetype(size))) ? size : -1;
        m_buffer.append(data, qsizetype(size));
        if (m_buffer.size() > 256 * 1024) {
            m_stream = m_request.startStream(m_head);
            if (!m_stream->write(std::exchange(m_buffer, {})))
                return -1;
        }
        return size;
    }

private:
    ApiRequest& m_request;
    HttpResponse m_head;
    QByteArray m_buffer;
    std::shared_ptr<ResponseStream> m_stream;
};

HttpResponse exportEvents(ApiRequest& r, const QString& tenantId)
{
    auto q = auditQuery(r, tenantId);
    if (!q)
        return problem(q.error());
    const QString format = r.hasQuery("format") ? r.query("format") : QStringLiteral("jsonl");
    static const struct
    {
        const char* name;
        audit::ExportFormat format;
        const char* type;
        const char* extension;
    } formats[] = {
        {"jsonl", audit::ExportFormat::JsonLines, "application/x-ndjson", "jsonl"},
        {"csv", audit::ExportFormat::Csv, "text/csv; charset=utf-8", "csv"},
        {"cef", audit::ExportFormat::Cef, "text/plain; charset=utf-8", "cef"},
        {"ocsf", audit::ExportFormat::Ocsf, "application/x-ndjson", "ocsf.jsonl"},
    };
    for (const auto& f : formats) {
        if (format != QLatin1String(f.name))
            continue;
        audit::AuditQuery query = q.value();
        query.limit = 0;
        HttpResponse head;
        head.setHeader("Content-Type", f.type);
        head.setHeader("Content-Disposition", QByteArray("attachment; filename=\"audit.") + f.extension + '"');
        ExportDevice device(r, head);
        auto done = r.cp().exportAudit(r.caller(), query, f.format, device);
        if (auto s = device.stream()) {
            if (done.ok())
                s->finish();
            else
                s->abort(); // a truncated export must not look complete
            HttpResponse sent;
            sent.sent = true;
            return sent;
        }
        if (!done)
            return problem(done.error());
        head.body = device.buffered();
        return head;
    }
    return problem(Error{ErrorCode::InvalidArgument, QStringLiteral("format must be one of jsonl, csv, cef, ocsf.")});
}

} // namespace

void addAuditRoutes(Router& router)
{
    const QString platform = QStringLiteral("/api/v1/audit");
    const QString tenant = QStringLiteral("/api/v1/tenants/{tenant}/audit");
    router.add("GET", platform + QStringLiteral("/events"), QStringLiteral("listPlatformAuditEvents"),
               [](ApiRequest& r) { return events(r, {}); });
    router.add("GET", tenant + QStringLiteral("/events"), QStringLiteral("listTenantAuditEvents"),
               [](ApiRequest& r) { return events(r, r.param("tenant")); });
    router.add("GET", platform + QStringLiteral("/histogram"), QStringLiteral("platformAuditHistogram"),
               [](ApiRequest& r) { return histogram(r, {}); });
    router.add("GET", tenant + QStringLiteral("/histogram"), QStringLiteral("tenantAuditHistogram"),
               [](ApiRequest& r) { return histogram(r, r.param("tenant")); });
    router.add("GET", platform + QStringLiteral("/stream"), QStringLiteral("streamPlatformAuditEvents"),
               [](ApiRequest& r) { return stream(r, {}); });
    router.add("GET", tenant + QStringLiteral("/stream"), QStringLiteral("streamTenantAuditEvents"),
               [](ApiRequest& r) { return stream(r, r.param("tenant")); });
    router.add("GET", platform + QStringLiteral("/export"), QStringLiteral("exportPlatformAuditEvents"),
               [](ApiRequest& r) { return exportEvents(r, {}); });
    router.add("GET", tenant + QStringLiteral("/export"), QStringLiteral("exportTenantAuditEvents"),
               [](ApiRequest& r) { return exportEvents(r, r.param("tenant")); });
    router.add("POST", platform + QStringLiteral("/verify"), QStringLiteral("verifyAudit"), [](ApiRequest& r) {
        const auto incremental = r.queryBoolean("incremental");
        if (!incremental)
            return problem(incremental.error());
        const auto toJsonReport = [](const audit::VerifyReport& report) {
            return toJson(report);
        };
        if (!r.hasQuery("from") && !r.hasQuery("to"))
            return reply(r.cp().verifyAudit(r.caller(), incremental.value()), toJsonReport);
        // A range: both ends, event numbers (the control plane says when they are outside the log).
        bool fromOk = false, toOk = false;
        const qint64 from = r.query("from").toLongLong(&fromOk);
        const qint64 to = r.query("to").toLongLong(&toOk);
        if (!fromOk || !toOk)
            return problem(Error{ErrorCode::InvalidArgument,
                                 QStringLiteral("from and to must both be given, as event numbers (seq), to verify a "
                                                "range; leave both out to verify the whole chain.")});
        if (incremental.value())
            return problem(Error{ErrorCode::InvalidArgument,
                                 QStringLiteral("incremental does not apply to a range: leave it out, or leave out "
                                                "from and to.")});
        return reply(r.cp().verifyAuditRange(r.caller(), from, to), toJsonReport);
    });
    router.add(
        "POST", platform + QStringLiteral("/checkpoints"), QStringLiteral("signAuditCheckpoint"), [](ApiRequest& r) {
            return reply(r.cp().checkpointAudit(r.caller()), [](const audit::Checkpoint& c) { return toJson(c); });
        });
    router.add("GET", platform + QStringLiteral("/public-key"), QStringLiteral("auditPublicKey"), [](ApiRequest& r) {
        auto pem = r.cp().auditPublicKeyPem(r.caller());
        if (!pem)
            return problem(pem.error());
        HttpResponse out;
        out.setHeader("Content-Type", "application/x-pem-file");
        out.body = pem.value();
        return out;
    });
}

} // namespace gatehouse::api
