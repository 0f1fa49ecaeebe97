#include "AuditLog.h"

#include "AuditIndex.h"
#include "AuditMatch.h"

#include "crypto/Aead.h"
#include "crypto/Ed25519.h"
#include "store/Database.h"
#include "store/Sql.h"
#include "store/Statement.h"

#include <QJsonDocument>
#include <QMap>
#include <QRegularExpression>

#include <QMutexLocker>

#include <limits>
#include <optional>
#include <variant>

namespace gatehouse::audit {

namespace {

constexpr const char* kColumns = "seq, time_ms, tenant_id, workspace_id, actor_kind, actor_id, actor_name, action, "
                                 "target_kind, target_id, outcome, reason, source, address, request_id, details, "
                                 "prev_hash, hash";
constexpr int kColumnCount = 18;
// The same columns of the log joined as `e` (searches that go through the index).
constexpr const char* kLogColumns =
    "e.seq, e.time_ms, e.tenant_id, e.workspace_id, e.actor_kind, e.actor_id, e.actor_name, e.action, "
    "e.target_kind, e.target_id, e.outcome, e.reason, e.source, e.address, e.request_id, e.details, e.prev_hash, "
    "e.hash";
constexpr int kPage = 1000;
const QByteArray kZeroHash(32, '\0');

using Value = std::variant<qint64, QString>;

// A WHERE clause built from optional filters; every value is bound, never spliced.
struct Filter
{
    QByteArray where;
    std::vector<Value> values;

    void add(const char* condition, Value v)
    {
        where += where.isEmpty() ? " WHERE " : " AND ";
        where += condition;
        values.push_back(std::move(v));
    }
    void add(const char* condition, Value a, Value b)
    {
        add(condition, std::move(a));
        values.push_back(std::move(b));
    }
    int bind(store::Statement& s, int first = 1) const
    {
        int i = first;
        for (const Value& v : values) {
            if (const auto* n = std::get_if<qint64>(&v))
                s.bind(i++, *n);
            else
                s.bind(i++, std::get<QString>(v));
        }
        return i;
    }
};

// Words for FTS4: each quoted, so the query language (OR, NEAR, -, *) cannot be injected.
QString ftsQuery(const QString& text)
{
    QStringList words;
    for (QString w : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        w.remove(QLatin1Char('"'));
        if (!w.isEmpty())
            words << QLatin1Char('"') + w + QLatin1Char('"');
    }
    return words.join(QLatin1Char(' '));
}

// The filters as SQL over the columns the log and the index share. `denseAction`: the action prefix matches many
// events, so walking the tenant's events newest first and testing the prefix finds a page sooner than collecting
// every match through the action index and sorting it (the unary plus keeps SQLite from choosing that index).
// `fullText`: the index's full-text table answers the text and actor-name words; without it (the log's tail) they
// are left to matchesQuery().
Filter filterFor(const AuditQuery& q, bool denseAction, bool fullText)
{
    Filter f;
    if (!(q.platform && q.allScopes))
        f.add("tenant_id = ?", q.platform ? QString() : q.tenantId);
    if (q.fromMs)
        f.add("time_ms >= ?", q.fromMs);
    if (q.toMs)
        f.add("time_ms < ?", q.toMs);
    if (!q.workspaceId.isEmpty())
        f.add("workspace_id = ?", q.workspaceId);
    if (!q.actor.isEmpty()) {
        // An id ("usr_...", "int_...", "system") or a name; each has its own index, an OR would use neither.
        if (isActorId(q.actor)) {
            f.add("actor_id = ?", q.actor);
        } else {
            // Names go through the full-text index (no B-tree index on names: it would slow every append),
            // then the exact comparison.
            QStringList terms;
            static const QRegularExpression separators(QStringLiteral("[^\\p{L}\\p{N}]+"));
            for (const QString& word : q.actor.split(separators, Qt::SkipEmptyParts))
                terms << QStringLiteral("actor_name:") + word;
            if (!terms.isEmpty() && fullText)
                f.add("seq IN (SELECT docid FROM main.fts WHERE fts MATCH ?)", terms.join(QLatin1Char(' ')));
            f.add("actor_name = ?", q.actor);
        }
    }
    if (!q.actionPrefix.isEmpty()) {
        // A range, so the (tenant_id, action) index serves it: ["user.", "user/").
        QString upper = q.actionPrefix;
        upper[upper.size() - 1] = QChar(upper.back().unicode() + 1);
        f.add(denseAction ? "+action >= ? AND +action < ?" : "action >= ? AND action < ?", q.actionPrefix, upper);
    }
    if (!q.outcome.isEmpty())
        f.add("outcome = ?", q.outcome);
    if (!q.targetId.isEmpty())
        f.add("target_id = ?", q.targetId);
    if (!q.address.isEmpty())
        f.add("address = ?", q.address);
    if (!q.requestId.isEmpty())
        f.add("request_id = ?", q.requestId);
    if (const QString fts = ftsQuery(q.text); !fts.isEmpty() && fullText)
        f.add("seq IN (SELECT docid FROM main.fts WHERE fts MATCH ?)", fts);
    return f;
}

// Steps through the rows of `s`, handing each to `visit` until it returns false. Returns how many were stepped.
template <typename Visit> Result<int> eachRow(store::Statement& s, Visit&& visit)
{
    int rows = 0;
    for (;;) {
        auto row = s.step();
        if (!row)
            return row.error();
        if (!row.value())
            return rows;
        ++rows;
        if (!visit(s))
            return rows;
    }
}

// A page of `want` index hits for `where`, in seq order, each beside its event in the log (all NULL when retention
// removed it since it was indexed); the hit's seq is the last column (kColumnCount).
QByteArray indexedPage(const QByteArray& where, bool newestFirst, int want)
{
    const QByteArray order = newestFirst ? " DESC" : "";
    return QByteArray("SELECT ") + kLogColumns + ", i.seq FROM (SELECT seq FROM main.ev" + where + " ORDER BY seq" +
           order + " LIMIT " + QByteArray::number(want) +
           ") AS i LEFT JOIN log.audit_events AS e ON e.seq = i.seq ORDER BY i.seq" + order + ";";
}

// A row of indexedPage(): its event as the log has it, when the log still has it and it matches `query`; a hit that
// does not match counts in `mismatches` (the index says otherwise: damaged or altered; full verification reports it).
std::optional<AuditEvent> indexHit(const store::Statement& row, const AuditQuery& query, qint64& mismatches)
{
    if (row.isNull(0))
        return std::nullopt; // removed from the log by retention since it was indexed
    AuditEvent e = AuditLog::readRow(row);
    if (!matchesQuery(query, e)) {
        ++mismatches;
        return std::nullopt;
    }
    return e;
}

Checkpoint readCheckpoint(const store::Statement& s)
{
    return {s.int64(0), s.int64(1), s.blob(2), s.blob(3), s.blob(4)};
}

} // namespace

struct AuditLog::Statements
{
    std::optional<store::Statement> head;
    std::optional<store::Statement> insert;
    std::optional<store::Statement> lastCheckpoint;
    std::optional<store::Statement> chainTail;
    std::optional<store::Statement> insertCheckpoint;
    std::optional<store::Statement> setLastSeq;
    std::optional<store::Statement> policy;
};

AuditLog::AuditLog(store::Database& db) : m_db(db), m_stmts(std::make_unique<Statements>()) {}

AuditLog::~AuditLog() = default;

AuditEvent AuditLog::readRow(const store::Statement& s)
{
    AuditEvent e;
    e.seq = s.int64(0);
    e.timeMs = s.int64(1);
    e.tenantId = s.text(2);
    e.workspaceId = s.text(3);
    e.actorKind = s.text(4);
    e.actorId = s.text(5);
    e.actorName = s.text(6);
    e.action = s.text(7);
    e.targetKind = s.text(8);
    e.targetId = s.text(9);
    e.outcome = s.text(10);
    e.reason = s.text(11);
    e.source = s.text(12);
    e.address = s.text(13);
    e.requestId = s.text(14);
    e.detailsJson = s.blob(15);
    e.details = QJsonDocument::fromJson(e.detailsJson).object();
    e.prevHash = s.blob(16);
    e.hash = s.blob(17);
    return e;
}

Result<void> AuditLog::openSigningKey(const SecureBytes& wrapKey, qint64 nowMs)
{
    auto row = m_db.prepare("SELECT public_key, wrapped_private_key FROM audit_keys WHERE id = 1;");
    if (!row)
        return row.error();
    auto found = row.value().step();
    if (!found)
        return found.error();
    if (found.value()) {
        const QByteArray pub = row.value().blob(0);
        auto key = crypto::aead::open(wrapKey, row.value().blob(1), "gatehouse/audit-signing-key");
        if (!key)
            return makeError(ErrorCode::Crypto,
                             QStringLiteral("the audit signing key cannot be unwrapped with this store's master key"));
        m_signingKey = std::move(key).value();
        m_publicKey = pub;
        return {};
    }
    auto pair = crypto::ed25519::generate();
    if (!pair)
        return pair.error();
    auto wrapped = crypto::aead::seal(wrapKey, pair.value().privateKey.view(), "gatehouse/audit-signing-key");
    if (!wrapped)
        return wrapped.error();
    auto ins =
        m_db.prepare("INSERT INTO audit_keys (id, public_key, wrapped_private_key, created_at) VALUES (1, ?, ?, ?);");
    if (!ins)
        return ins.error();
    if (auto r = ins.value().bindBlob(1, pair.value().publicKey).bindBlob(2, wrapped.value()).bind(3, nowMs).run(); !r)
        return r;
    m_signingKey = std::move(pair.value().privateKey);
    m_publicKey = pair.value().publicKey;
    return {};
}

Result<void> AuditLog::rewrapSigningKey(store::Database& db, const SecureBytes& oldWrapKey,
                                        const SecureBytes& newWrapKey)
{
    auto row = store::sql::query(db, "SELECT wrapped_private_key FROM audit_keys WHERE id = 1;");
    if (!row)
        return row.error();
    if (!row.value().step().value())
        return {}; // no signing key yet: nothing to re-wrap
    auto key = crypto::aead::open(oldWrapKey, row.value().blob(0), "gatehouse/audit-signing-key");
    if (!key)
        return makeError(ErrorCode::Crypto,
                         QStringLiteral("the audit signing key does not open under the old master key"));
    auto sealed = crypto::aead::seal(newWrapKey, key.value().view(), "gatehouse/audit-signing-key");
    if (!sealed)
        return sealed.error();
    return store::sql::run(db, "UPDATE audit_keys SET wrapped_private_key = ? WHERE id = 1;", sealed.value());
}

Result<std::optional<Checkpoint>> AuditLog::newestBy(std::optional<store::Statement>& slot, const char* order)
{
    const QByteArray sql =
        QByteArray("SELECT seq, time_ms, chain_hash, prev_signature, signature FROM audit_checkpoints ORDER BY ") +
        order + " LIMIT 1;";
    auto cached = prepareOnce(slot, sql.constData());
    if (!cached)
        return cached.error();
    auto& s = *cached.value();
    s.reset();
    auto row = s.step();
    if (!row)
        return row.error();
    std::optional<Checkpoint> out;
    if (row.value())
        out = readCheckpoint(s);
    s.reset();
    return out;
}

Result<std::optional<Checkpoint>> AuditLog::lastCheckpoint()
{
    // By position in the chain: a retention anchor is signed later than checkpoints after it, and must not make
    // the policy count from an older event (nor verification from a later time) than the newest signed point.
    return newestBy(m_stmts->lastCheckpoint, "seq DESC, id DESC");
}

Result<Checkpoint> AuditLog::signCheckpoint(qint64 seq, const QByteArray& chainHash, qint64 nowMs)
{
    if (m_signingKey.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("the audit signing key is not open"));
    auto last = newestBy(m_stmts->chainTail, "id DESC"); // the checkpoint chain links in signing order
    if (!last)
        return last.error();
    Checkpoint c{seq, nowMs, chainHash, last.value() ? last.value()->signature : QByteArray(), {}};
    auto sig = crypto::ed25519::sign(m_signingKey, c.message());
    if (!sig)
        return sig.error();
    c.signature = sig.value();
    auto cached = prepareOnce(m_stmts->insertCheckpoint, "INSERT INTO audit_checkpoints (seq, time_ms, chain_hash, "
                                                         "prev_signature, signature) VALUES (?, ?, ?, ?, ?);");
    if (!cached)
        return cached.error();
    auto& s = *cached.value();
    s.reset();
    if (auto r = s.bind(1, c.seq)
                     .bind(2, c.timeMs)
                     .bindBlob(3, c.chainHash)
                     .bindBlob(4, c.prevSignature)
                     .bindBlob(5, c.signature)
                     .run();
        !r)
        return r.error();
    s.reset();
    return c;
}

Result<store::Statement*> AuditLog::prepareOnce(std::optional<store::Statement>& slot, const char* sql)
{
    // Prepared on first use and kept: the append path runs these for every event.
    if (!slot) {
        auto s = m_db.prepare(sql);
        if (!s)
            return s.error();
        slot.emplace(std::move(s).value());
    }
    return &*slot;
}

Result<void> AuditLog::prepareStatements()
{
    const QByteArray insert = QByteArray("INSERT INTO audit_events (") + kColumns +
                              ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);";
    for (auto [slot, sql] : {std::pair{&m_stmts->head, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1;"},
                             std::pair{&m_stmts->insert, insert.constData()},
                             std::pair{&m_stmts->setLastSeq, "UPDATE audit_state SET last_seq = ? WHERE id = 1;"}}) {
        if (auto r = prepareOnce(*slot, sql); !r)
            return r.error();
    }
    return {};
}

Result<void> AuditLog::followRecordedPolicy()
{
    // One cheap lookup per append: a policy another connection recorded takes effect here too.
    auto cached = prepareOnce(m_stmts->policy, "SELECT id, every_events, interval_ms FROM audit_checkpoint_policies "
                                               "ORDER BY id DESC LIMIT 1;");
    if (!cached)
        return cached.error();
    auto& s = *cached.value();
    s.reset();
    auto row = s.step();
    if (!row)
        return row.error();
    if (row.value() && s.int64(0) != m_policyId) {
        m_policyId = s.int64(0);
        m_policy = CheckpointPolicy{int(s.int64(1)), s.int64(2)};
    }
    s.reset();
    return {};
}

Result<void> AuditLog::setCheckpointPolicy(const CheckpointPolicy& policy, qint64 nowMs)
{
    if (policy.everyEvents < 1 || policy.intervalMs < 1000)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a checkpoint policy signs every 1 or more events and every second or longer"));
    if (auto r = followRecordedPolicy(); !r)
        return r;
    if (policy == m_policy)
        return {};
    // The stretch so far ends under the old policy: sign its head before the new one applies.
    if (!m_signingKey.isEmpty()) {
        if (auto c = checkpoint(nowMs); !c)
            return c.error();
    }
    auto last = lastSeq();
    if (!last)
        return last.error();
    auto ins = m_db.prepare("INSERT INTO audit_checkpoint_policies (from_seq, every_events, interval_ms, set_at) "
                            "VALUES (?, ?, ?, ?);");
    if (!ins)
        return ins.error();
    if (auto r = ins.value()
                     .bind(1, last.value() + 1)
                     .bind(2, qint64(policy.everyEvents))
                     .bind(3, policy.intervalMs)
                     .bind(4, nowMs)
                     .run();
        !r)
        return r;
    m_policyId = -1; // re-read: the row just written is now the newest
    return followRecordedPolicy();
}

Result<std::pair<qint64, QByteArray>> AuditLog::head()
{
    if (auto r = prepareStatements(); !r)
        return r.error();
    if (auto r = followRecordedPolicy(); !r)
        return r.error();
    auto& head = *m_stmts->head;
    head.reset();
    auto row = head.step();
    if (!row)
        return row.error();
    std::pair<qint64, QByteArray> out =
        row.value() ? std::pair{head.int64(0), head.blob(1)} : std::pair{qint64(0), kZeroHash};
    head.reset();
    return out;
}

Result<void> AuditLog::insertLinked(AuditEvent& event, qint64 seq, const QByteArray& prevHash)
{
    event.seq = seq;
    event.prevHash = prevHash;
    event.freezeDetails();
    event.hash = event.computeHash();
    auto& ins = *m_stmts->insert;
    ins.reset();
    ins.bind(1, event.seq)
        .bind(2, event.timeMs)
        .bind(3, event.tenantId)
        .bind(4, event.workspaceId)
        .bind(5, event.actorKind)
        .bind(6, event.actorId)
        .bind(7, event.actorName)
        .bind(8, event.action)
        .bind(9, event.targetKind)
        .bind(10, event.targetId)
        .bind(11, event.outcome)
        .bind(12, event.reason)
        .bind(13, event.source)
        .bind(14, event.address)
        .bind(15, event.requestId)
        .bindText(16, event.detailsJson)
        .bindBlob(17, event.prevHash)
        .bindBlob(18, event.hash);
    if (auto r = ins.run(); !r)
        return r;
    ins.reset();
    return {};
}

Result<void> AuditLog::finishAppend(const AuditEvent& last, bool endOfCall)
{
    auto& state = *m_stmts->setLastSeq;
    state.reset();
    if (auto r = state.bind(1, last.seq).run(); !r)
        return r;
    state.reset();
    if (m_signingKey.isEmpty())
        return {};
    auto cp = lastCheckpoint();
    if (!cp)
        return cp.error();
    const bool due = (m_signNext && endOfCall) || !cp.value() || last.seq - cp.value()->seq >= m_policy.everyEvents ||
                     last.timeMs - cp.value()->timeMs >= m_policy.intervalMs;
    if (!due)
        return {};
    m_signNext = false;
    if (auto c = signCheckpoint(last.seq, last.hash, last.timeMs); !c)
        return c.error();
    return {};
}

Result<void> AuditLog::append(AuditEvent& event)
{
    auto h = head();
    if (!h)
        return h.error();
    if (auto r = insertLinked(event, h.value().first + 1, h.value().second); !r)
        return r;
    return finishAppend(event, true);
}

Result<void> AuditLog::appendBatch(std::span<AuditEvent> events)
{
    if (events.empty())
        return {};
    auto h = head();
    if (!h)
        return h.error();
    qint64 seq = h.value().first;
    QByteArray prev = h.value().second;
    // Checkpoints fall where single appends would put them: counted from the last checkpoint, not from the
    // start of the batch.
    std::optional<std::pair<qint64, qint64>> last; // seq, time of the newest checkpoint
    if (!m_signingKey.isEmpty()) {
        auto cp = lastCheckpoint();
        if (!cp)
            return cp.error();
        if (cp.value())
            last = std::pair{cp.value()->seq, cp.value()->timeMs};
    }
    for (AuditEvent& e : events) {
        if (auto r = insertLinked(e, ++seq, prev); !r)
            return r;
        prev = e.hash;
        const bool due = !m_signingKey.isEmpty() && (!last || e.seq - last->first >= m_policy.everyEvents ||
                                                     e.timeMs - last->second >= m_policy.intervalMs);
        if (due || &e == &events.back()) {
            if (auto r = finishAppend(e, &e == &events.back()); !r)
                return r;
            if (due)
                last = std::pair{e.seq, e.timeMs};
        }
    }
    return {};
}

Result<std::optional<Checkpoint>> AuditLog::checkpoint(qint64 nowMs)
{
    auto head = m_db.prepare("SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1;");
    if (!head)
        return head.error();
    auto row = head.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return std::optional<Checkpoint>();
    const qint64 seq = head.value().int64(0);
    const QByteArray hash = head.value().blob(1);
    auto last = lastCheckpoint();
    if (!last)
        return last.error();
    if (last.value() && last.value()->seq == seq)
        return last.value();
    auto c = signCheckpoint(seq, hash, nowMs);
    if (!c)
        return c.error();
    return std::optional<Checkpoint>(c.value());
}

// Where a query reads: the index for what it covers (seq <= mark) and the log for the tail after it, both in one
// read snapshot of the index's connection (the log attached there). Without an index, everything is tail.
struct AuditLog::Reading
{
    store::Database* db = nullptr;
    const char* log = "audit_events";
    qint64 mark = 0;        // the index covers the events up to here (in this snapshot of it, exactly those)
    qint64 prunedSince = 0; // > 0: the log's first event, when retention removed indexed events since
    bool indexed = false;
    std::optional<QMutexLocker<QMutex>> lock;
    bool ownTransaction = false;

    ~Reading()
    {
        if (ownTransaction)
            (void)db->exec("COMMIT;");
    }
};

Result<void> AuditLog::beginReading(Reading& rd)
{
    if (!m_index) {
        rd.db = &m_db;
        return {};
    }
    rd.lock.emplace(&m_index->readerMutex());
    rd.db = &m_index->reader();
    rd.log = "log.audit_events";
    rd.indexed = true;
    if (auto r = rd.db->exec("BEGIN;"); !r)
        return r;
    rd.ownTransaction = true;
    auto mark = store::sql::query(*rd.db, "SELECT indexed_seq, pruned_below FROM main.meta WHERE id = 1;");
    if (!mark)
        return mark.error();
    if (auto row = mark.value().step(); !row || !row.value())
        return row ? makeError(ErrorCode::Corrupt, QStringLiteral("the audit index has no state row")) : row.error();
    rd.mark = mark.value().int64(0);
    const qint64 indexFirst = mark.value().int64(1) + 1;
    mark.value().reset();
    // Retention may have removed events from the log since the indexer last looked: counts must not include them.
    auto first = store::sql::query(*rd.db, "SELECT min(seq) FROM log.audit_events;");
    if (!first)
        return first.error();
    if (auto row = first.value().step(); !row)
        return row.error();
    rd.prunedSince = first.value().int64(0) > indexFirst ? first.value().int64(0) : 0;
    return {};
}

Result<AuditPage> AuditLog::search(const AuditQuery& query)
{
    Reading rd;
    if (auto r = beginReading(rd); !r)
        return r.error();
    const int limit = qBound(1, query.limit, 1000);
    AuditPage page;
    // Adds a matching event; false once the page is full (and the next page's cursor set).
    const auto take = [&](const AuditEvent& e) {
        if (page.events.size() == limit) {
            page.nextBeforeSeq = page.events.back().seq;
            return false;
        }
        page.events << e;
        return true;
    };

    // The tail the index does not cover yet, newest first: read from the log and matched here.
    {
        Filter f = filterFor(query, false, false);
        f.add("seq > ?", rd.mark);
        if (query.beforeSeq > 0)
            f.add("seq < ?", query.beforeSeq);
        const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM " + rd.log + f.where + " ORDER BY seq DESC;";
        auto s = rd.db->prepare(sql.constData());
        if (!s)
            return s.error();
        f.bind(s.value());
        bool full = false;
        auto rows = eachRow(s.value(), [&](const store::Statement& row) {
            const AuditEvent e = readRow(row);
            full = matchesQuery(query, e) && !take(e);
            return !full;
        });
        if (!rows)
            return rows.error();
        if (full)
            return page;
    }
    if (!rd.indexed)
        return page;

    bool dense = false;
    if (!query.actionPrefix.isEmpty()) {
        // A cheap probe through the action index: are there more than a few thousand matches?
        const Filter probe = filterFor(
            [&query] {
                AuditQuery p;
                p.platform = query.platform;
                p.tenantId = query.tenantId;
                p.actionPrefix = query.actionPrefix;
                return p;
            }(),
            false, true);
        const QByteArray sql =
            QByteArray("SELECT count(*) FROM (SELECT 1 FROM main.ev") + probe.where + " LIMIT 5000);";
        auto s = rd.db->prepare(sql.constData());
        if (!s)
            return s.error();
        probe.bind(s.value());
        if (!s.value().step().value())
            return makeError(ErrorCode::Internal, QStringLiteral("cannot estimate the audit query"));
        dense = s.value().int64(0) >= 5000;
    }
    // What the index covers, newest first; each hit is read from the log and matched again, so the index can
    // point at an event but never change what it says.
    qint64 cursor = query.beforeSeq > 0 ? std::min(query.beforeSeq, rd.mark + 1) : rd.mark + 1;
    for (;;) {
        const int want = limit + 1 - int(page.events.size());
        Filter f = filterFor(query, dense, true);
        f.add("seq < ?", cursor);
        auto s = rd.db->prepare(indexedPage(f.where, true, want).constData());
        if (!s)
            return s.error();
        f.bind(s.value());
        bool full = false;
        auto rows = eachRow(s.value(), [&](const store::Statement& row) {
            cursor = row.int64(kColumnCount);
            auto e = indexHit(row, query, m_indexMismatches);
            full = e && !take(*e);
            return !full;
        });
        if (!rows)
            return rows.error();
        if (full || rows.value() < want)
            return page;
    }
}

Result<QList<HistogramBucket>> AuditLog::histogram(const AuditQuery& query, qint64 bucketMs)
{
    if (bucketMs <= 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the bucket size must be positive"));
    Reading rd;
    if (auto r = beginReading(rd); !r)
        return r.error();
    QMap<qint64, HistogramBucket> buckets;
    if (rd.indexed) {
        // Counted in the index alone ((tenant, time, outcome) covers the common filters).
        Filter f = filterFor(query, false, true);
        if (rd.prunedSince)
            f.add("seq >= ?", rd.prunedSince);
        const QByteArray sql = QByteArray("SELECT time_ms / ? AS bucket, count(*), sum(outcome = 'success'), "
                                          "sum(outcome = 'denied'), sum(outcome = 'error') FROM main.ev") +
                               f.where + " GROUP BY bucket ORDER BY bucket;";
        auto s = rd.db->prepare(sql.constData());
        if (!s)
            return s.error();
        s.value().bind(1, bucketMs);
        f.bind(s.value(), 2);
        auto rows = eachRow(s.value(), [&](const store::Statement& row) {
            const qint64 start = row.int64(0) * bucketMs;
            buckets.insert(start, HistogramBucket{start, row.int64(1), row.int64(2), row.int64(3), row.int64(4)});
            return true;
        });
        if (!rows)
            return rows.error();
    }
    Filter f = filterFor(query, false, false);
    f.add("seq > ?", rd.mark);
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM " + rd.log + f.where + " ORDER BY seq;";
    auto s = rd.db->prepare(sql.constData());
    if (!s)
        return s.error();
    f.bind(s.value());
    auto rows = eachRow(s.value(), [&](const store::Statement& row) {
        const AuditEvent e = readRow(row);
        if (!matchesQuery(query, e))
            return true;
        const qint64 start = (e.timeMs / bucketMs) * bucketMs;
        HistogramBucket& b = buckets[start];
        b.startMs = start;
        ++b.count;
        b.success += e.outcome == QLatin1String("success");
        b.denied += e.outcome == QLatin1String("denied");
        b.error += e.outcome == QLatin1String("error");
        return true;
    });
    if (!rows)
        return rows.error();
    return buckets.values();
}

Result<qint64> AuditLog::count(const AuditQuery& query)
{
    auto h = histogram(query, std::numeric_limits<qint64>::max() / 2);
    if (!h)
        return h.error();
    qint64 n = 0;
    for (const HistogramBucket& b : h.value())
        n += b.count;
    return n;
}

Result<qint64> AuditLog::forEach(const AuditQuery& query, const std::function<bool(const AuditEvent&)>& visit)
{
    Reading rd;
    if (auto r = beginReading(rd); !r)
        return r.error();
    qint64 visited = 0;
    qint64 after = 0;
    bool stopped = false;
    // Hands a matching event on; false once the visitor wants no more.
    const auto give = [&](const AuditEvent& e) {
        ++visited;
        stopped = !visit(e);
        return !stopped;
    };
    if (rd.indexed) {
        Filter f = filterFor(query, false, true);
        f.add("seq > ?", qint64(0));
        f.add("seq <= ?", rd.mark);
        auto s = rd.db->prepare(indexedPage(f.where, false, kPage).constData());
        if (!s)
            return s.error();
        for (;;) {
            s.value().reset();
            f.values[f.values.size() - 2] = after;
            f.bind(s.value());
            auto rows = eachRow(s.value(), [&](const store::Statement& row) {
                after = row.int64(kColumnCount);
                auto e = indexHit(row, query, m_indexMismatches);
                return !e || give(*e);
            });
            if (!rows)
                return rows.error();
            if (stopped)
                return visited;
            if (rows.value() < kPage)
                break;
        }
        after = std::max(after, rd.mark);
    }
    Filter f = filterFor(query, false, false);
    f.add("seq > ?", after);
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM " + rd.log + f.where + " ORDER BY seq ASC LIMIT " +
                           QByteArray::number(kPage) + ";";
    auto s = rd.db->prepare(sql.constData());
    if (!s)
        return s.error();
    for (;;) {
        s.value().reset();
        f.values.back() = after;
        f.bind(s.value());
        auto rows = eachRow(s.value(), [&](const store::Statement& row) {
            const AuditEvent e = readRow(row);
            after = e.seq;
            return !matchesQuery(query, e) || give(e);
        });
        if (!rows)
            return rows.error();
        if (stopped || rows.value() < kPage)
            return visited;
    }
}

Result<QList<AuditEvent>> AuditLog::after(qint64 afterSeq, int limit)
{
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM audit_events WHERE seq > ? ORDER BY seq LIMIT ?;";
    return store::sql::all(m_db, readRow, sql.constData(), afterSeq, qint64(limit));
}

Result<QList<AuditEvent>> AuditLog::after(qint64 afterSeq, int limit, const QString& tenantId)
{
    Reading rd;
    if (auto r = beginReading(rd); !r)
        return r.error();
    AuditQuery scope;
    scope.platform = tenantId.isEmpty();
    scope.tenantId = tenantId;
    QList<AuditEvent> out;
    qint64 cursor = afterSeq;
    // The index's (tenant_id, seq) order for what it covers: a page costs its own rows wherever it starts.
    while (rd.indexed && cursor < rd.mark && out.size() < limit) {
        const int want = limit - int(out.size());
        Filter f = filterFor(scope, false, true);
        f.add("seq > ?", cursor);
        f.add("seq <= ?", rd.mark);
        auto s = rd.db->prepare(indexedPage(f.where, false, want).constData());
        if (!s)
            return s.error();
        f.bind(s.value());
        auto rows = eachRow(s.value(), [&](const store::Statement& row) {
            cursor = row.int64(kColumnCount);
            if (auto e = indexHit(row, scope, m_indexMismatches))
                out << std::move(*e);
            return true;
        });
        if (!rows)
            return rows.error();
        if (rows.value() < want)
            cursor = rd.mark;
    }
    if (out.size() < limit) {
        // The tail: a scan of the events after the mark (few, unless the indexer is far behind).
        const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM " + rd.log +
                               " WHERE seq > ? AND tenant_id = ? ORDER BY seq LIMIT ?;";
        auto more = store::sql::all(*rd.db, readRow, sql.constData(), std::max(cursor, rd.mark), tenantId,
                                    qint64(limit - out.size()));
        if (!more)
            return more.error();
        out << more.value();
    }
    return out;
}

Result<QList<Checkpoint>> AuditLog::checkpoints(qint64 fromSeq, qint64 toSeq)
{
    return store::sql::all(m_db, readCheckpoint,
                           "SELECT seq, time_ms, chain_hash, prev_signature, signature FROM audit_checkpoints "
                           "WHERE seq >= ? AND (? = 0 OR seq <= ?) ORDER BY id;",
                           fromSeq, toSeq, toSeq);
}

namespace {

// The checkpoint policy in force from each event on (the first recorded row is the built-in default).
struct PolicyFrom
{
    qint64 fromSeq;
    AuditLog::CheckpointPolicy policy;
};

Result<QList<PolicyFrom>> recordedPolicies(store::Database& db)
{
    return store::sql::all(
        db,
        [](const store::Statement& r) {
            return PolicyFrom{r.int64(0), AuditLog::CheckpointPolicy{int(r.int64(1)), r.int64(2)}};
        },
        "SELECT from_seq, every_events, interval_ms FROM audit_checkpoint_policies ORDER BY id;");
}

AuditLog::CheckpointPolicy policyAfter(const QList<PolicyFrom>& policies, qint64 seq)
{
    AuditLog::CheckpointPolicy p;
    for (const PolicyFrom& row : policies) {
        if (row.fromSeq <= seq + 1)
            p = row.policy;
    }
    return p;
}

QString describePolicy(const AuditLog::CheckpointPolicy& p)
{
    return QStringLiteral("every %1 events or %2 s").arg(p.everyEvents).arg(p.intervalMs / 1000);
}

// Keeps the earliest problem found.
void failAt(VerifyReport& report, qint64 seq, const char* problem, const QString& message)
{
    if (report.intact || seq < report.firstBadSeq) {
        report.intact = false;
        report.firstBadSeq = seq;
        report.problem = QLatin1String(problem);
        report.message = message;
    }
}

// Where a walk over the events stands, and what the signed checkpoints it may meet say.
struct ChainWalk
{
    qint64 firstSeq = 1; // the first event walked
    qint64 expectedSeq = 1;
    QByteArray expectedPrev;
    QByteArray lastHash;
    qint64 lastTimeMs = -1; // the time of the last event walked
    qint64 recordedLast = 0;
    // The stretch the walk is in: it began after this checkpoint (or the start of the log, or the retention anchor).
    qint64 gapFrom = 0;
    qint64 gapFromMs = -1; // unknown until an event is read: the first event's time
    qint64 newestSigned = 0;
    QHash<qint64, QByteArray> signedHashes;
    QMap<qint64, qint64> signedTimes; // seq -> time of the checkpoint there, in chain order
    QList<PolicyFrom> policies;
};

// Recomputes each event's link and hash from w.expectedSeq through `toSeq` (0: the end of the log), checks them
// against the signed checkpoints in w, and holds each unsigned stretch to the checkpoint policy of its time.
// Stops at the first problem (in `report`), after `maxEvents` (> 0) or when `proceed` says so (complete = false).
Result<void> walkEvents(store::Database& db, ChainWalk& w, VerifyReport& report, qint64 toSeq, qint64 maxEvents,
                        const std::function<bool(qint64)>& proceed)
{
    // The upper bound in the SQL itself: the primary key's range ends there, the rows after it are not read.
    const QByteArray sql = QByteArray("SELECT ") + kColumns + " FROM audit_events WHERE seq >= ?" +
                           (toSeq > 0 ? " AND seq <= ?" : "") + " ORDER BY seq;";
    auto s = toSeq > 0 ? store::sql::query(db, sql.constData(), w.expectedSeq, toSeq)
                       : store::sql::query(db, sql.constData(), w.expectedSeq);
    if (!s)
        return s.error();
    w.lastHash = w.expectedPrev;
    for (;;) {
        auto row = s.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        if ((maxEvents > 0 && report.eventsChecked >= maxEvents) ||
            (proceed && report.eventsChecked % 256 == 0 && !proceed(report.eventsChecked))) {
            report.complete = false; // there is more, past the limit
            break;
        }
        const AuditEvent e = AuditLog::readRow(s.value());
        ++report.eventsChecked;
        if (e.seq != w.expectedSeq) {
            failAt(report, w.expectedSeq, "deleted",
                   QStringLiteral("event %1 is missing (the next one present is %2)").arg(w.expectedSeq).arg(e.seq));
            break;
        }
        if (e.prevHash != w.expectedPrev) {
            // Where does it link to? A later event: reordered; an earlier one, skipping some: inserted ones;
            // nothing: the event before it was replaced by one that was not in the chain.
            auto link = db.prepare("SELECT seq FROM audit_events WHERE hash = ?;");
            qint64 linked = 0;
            if (link && link.value().bindBlob(1, e.prevHash).step().value())
                linked = link.value().int64(0);
            if (linked > e.seq)
                failAt(report, e.seq, "reordered", QStringLiteral("event %1 is out of order").arg(e.seq));
            else if (linked > 0 && linked < e.seq - 1)
                failAt(report, linked + 1, "inserted",
                       QStringLiteral("events %1 to %2 were inserted into the chain").arg(linked + 1).arg(e.seq - 1));
            else
                failAt(report, std::max<qint64>(w.firstSeq, e.seq - 1), "inserted",
                       QStringLiteral("event %1 does not link to the event before it: that one was put in place of "
                                      "the original")
                           .arg(e.seq));
            break;
        }
        if (e.computeHash() != e.hash) {
            failAt(report, e.seq, "changed", QStringLiteral("event %1 was changed after it was written").arg(e.seq));
            break;
        }
        if (w.recordedLast > 0 && e.seq > w.recordedLast) {
            failAt(report, e.seq, "inserted",
                   QStringLiteral("event %1 was added to the log outside Gatehouse (the log ends at %2)")
                       .arg(e.seq)
                       .arg(w.recordedLast));
            break;
        }
        if (const auto it = w.signedHashes.constFind(e.seq); it != w.signedHashes.cend() && *it != e.hash) {
            failAt(report, e.seq, "changed",
                   QStringLiteral("the chain at event %1 does not match its signed checkpoint: it was rewritten")
                       .arg(e.seq));
            break;
        }
        if (const auto it = w.signedTimes.constFind(e.seq); it != w.signedTimes.cend()) {
            w.gapFrom = e.seq;
            w.gapFromMs = *it;
        } else if (e.seq < w.newestSigned) {
            // Unsigned, and a later checkpoint exists: the policy would have signed before this event if the
            // stretch is already beyond it. A longer stretch means checkpoints were removed from it, and whoever
            // removed them could have recomputed the chain in between without the signatures noticing.
            if (w.gapFromMs < 0)
                w.gapFromMs = e.timeMs;
            const AuditLog::CheckpointPolicy p = policyAfter(w.policies, w.gapFrom);
            if (e.seq - w.gapFrom > p.everyEvents + AuditLog::kSlackEvents ||
                e.timeMs - w.gapFromMs > p.intervalMs + AuditLog::kSlackMs) {
                const qint64 next = w.signedTimes.upperBound(w.gapFrom).key();
                const qint64 spanMs = std::max(e.timeMs, w.signedTimes.value(next)) - w.gapFromMs;
                failAt(report, w.gapFrom + 1, "unsigned_gap",
                       QStringLiteral("%1 events (%2 to %3) went without a signed checkpoint, over %4 s, but the "
                                      "checkpoint policy then signed %5: checkpoints were removed, and the chain "
                                      "after event %6 may have been rewritten")
                           .arg(next - w.gapFrom)
                           .arg(w.gapFrom + 1)
                           .arg(next)
                           .arg(std::max<qint64>(0, spanMs) / 1000)
                           .arg(describePolicy(p))
                           .arg(w.gapFrom));
                break;
            }
        }
        w.expectedPrev = e.hash;
        w.lastHash = e.hash;
        w.lastTimeMs = e.timeMs;
        ++w.expectedSeq;
    }
    return {};
}

} // namespace

Result<VerifyReport> AuditLog::verify(bool incremental, qint64 maxEvents)
{
    VerifyReport report;
    auto state =
        m_db.prepare("SELECT verified_seq, verified_hash, pruned_before, last_seq FROM audit_state WHERE id = 1;");
    if (!state)
        return state.error();
    if (auto r = state.value().step(); !r || !r.value())
        return r ? makeError(ErrorCode::Corrupt, QStringLiteral("the audit state row is missing")) : r.error();
    const qint64 verifiedSeq = state.value().int64(0);
    const QByteArray verifiedHash = state.value().blob(1);
    const qint64 prunedBefore = state.value().int64(2);

    ChainWalk w;
    w.recordedLast = state.value().int64(3);
    auto all = checkpoints();
    if (!all)
        return all.error();
    for (const Checkpoint& c : all.value()) {
        w.signedHashes.insert(c.seq, c.chainHash);
        w.signedTimes.insert(c.seq, std::max(c.timeMs, w.signedTimes.value(c.seq, c.timeMs)));
    }
    auto policies = recordedPolicies(m_db);
    if (!policies)
        return policies.error();
    w.policies = policies.value();

    w.expectedPrev = kZeroHash;
    if (incremental && verifiedSeq > 0) {
        w.expectedSeq = verifiedSeq + 1;
        w.expectedPrev = verifiedHash;
    } else if (prunedBefore > 1) {
        w.expectedSeq = prunedBefore;
        if (!w.signedHashes.contains(prunedBefore - 1))
            failAt(report, prunedBefore, "deleted",
                   QStringLiteral("events before %1 were removed without a signed retention anchor").arg(prunedBefore));
        w.expectedPrev = w.signedHashes.value(prunedBefore - 1, kZeroHash);
    }
    report.fromSeq = w.firstSeq = w.expectedSeq;

    w.gapFrom = w.expectedSeq - 1;
    if (auto it = w.signedTimes.upperBound(w.expectedSeq - 1); it != w.signedTimes.cbegin()) {
        --it;
        w.gapFrom = it.key();
        w.gapFromMs = it.value();
    }
    w.newestSigned = w.signedTimes.isEmpty() ? 0 : w.signedTimes.lastKey();

    if (auto r = walkEvents(m_db, w, report, 0, maxEvents, {}); !r)
        return r.error();
    const qint64 lastSeen = w.expectedSeq - 1;
    const QByteArray lastHash = w.lastHash;
    report.toSeq = lastSeen;
    if (report.complete && report.intact && w.recordedLast > lastSeen)
        failAt(report, lastSeen + 1, "truncated",
               QStringLiteral("events %1 to %2 are missing from the end of the log")
                   .arg(lastSeen + 1)
                   .arg(w.recordedLast));

    QByteArray prevSignature;
    for (const Checkpoint& c : all.value()) {
        // Incremental: a checkpoint up to the verified point had its signature checked by that verification; its
        // place in the checkpoint chain is still checked (a cheap comparison), its signature not again.
        // A walk stopped at its limit leaves the checkpoints beyond it for the verification that reaches them.
        const bool alreadyVerified = incremental && verifiedSeq > 0 && c.seq <= verifiedSeq;
        const bool notReached = !report.complete && c.seq > lastSeen;
        if (!alreadyVerified && !notReached)
            ++report.checkpointsChecked;
        if (c.prevSignature != prevSignature ||
            (!alreadyVerified && !notReached && !crypto::ed25519::verify(m_publicKey, c.message(), c.signature)))
            failAt(report, c.seq, "bad_signature",
                   QStringLiteral("the checkpoint at event %1 has a bad signature or breaks the checkpoint chain")
                       .arg(c.seq));
        else if (report.complete && c.seq > lastSeen && c.seq >= report.fromSeq)
            failAt(
                report, lastSeen + 1, "truncated",
                QStringLiteral("a signed checkpoint covers event %1, but the log ends at %2").arg(c.seq).arg(lastSeen));
        prevSignature = c.signature;
    }

    // The unsigned tail: normal within the policy (signed with a later event, on demand, or at a clean stop; a
    // crash leaves less than the policy, since the writer signs as it goes). Beyond it, checkpoints were removed
    // or something appended without signing. Signed later, such a stretch is a gap.
    if (report.intact && report.complete && lastSeen > 0) {
        qint64 tailFrom = 0, tailFromMs = -1;
        if (auto it = w.signedTimes.upperBound(lastSeen); it != w.signedTimes.cbegin()) {
            --it;
            tailFrom = it.key();
            tailFromMs = it.value();
        } else if (prunedBefore > 1) {
            tailFrom = prunedBefore - 1;
        }
        if (tailFrom < lastSeen) {
            auto times =
                store::sql::query(m_db, "SELECT min(time_ms), max(time_ms) FROM audit_events WHERE seq > ?;", tailFrom);
            if (!times)
                return times.error();
            if (auto row = times.value().step(); !row)
                return row.error();
            if (tailFromMs < 0)
                tailFromMs = times.value().int64(0);
            const CheckpointPolicy p = policyAfter(w.policies, tailFrom);
            report.unsignedTailEvents = lastSeen - tailFrom;
            report.unsignedTailMs = std::max<qint64>(0, times.value().int64(1) - tailFromMs);
            if (report.unsignedTailEvents > p.everyEvents + kSlackEvents ||
                report.unsignedTailMs > p.intervalMs + kSlackMs)
                report.warning =
                    QStringLiteral("the newest %1 events (%2 to %3, over %4 s) are not covered by a signed checkpoint, "
                                   "more than the checkpoint policy allows (%5): checkpoints after event %6 were "
                                   "removed, or a writer appended without signing; compare the newest checkpoint "
                                   "with a copy held outside the store (an export bundle)")
                        .arg(report.unsignedTailEvents)
                        .arg(tailFrom + 1)
                        .arg(lastSeen)
                        .arg(report.unsignedTailMs / 1000)
                        .arg(describePolicy(p))
                        .arg(tailFrom);
        }
    }

    if (report.intact && report.eventsChecked > 0) {
        auto mark = m_db.prepare("UPDATE audit_state SET verified_seq = ?, verified_hash = ? WHERE id = 1;");
        if (!mark)
            return mark.error();
        if (auto r = mark.value().bind(1, lastSeen).bindBlob(2, lastHash).run(); !r)
            return r.error();
    }
    if (report.intact)
        report.message =
            QStringLiteral("intact: %1 events and %2 signed checkpoints verified%3")
                .arg(report.eventsChecked)
                .arg(report.checkpointsChecked)
                .arg(report.complete ? QString()
                                     : QStringLiteral(" (through event %1; newer events not yet)").arg(lastSeen));
    return report;
}

Result<VerifyReport> AuditLog::verifyRange(qint64 fromSeq, qint64 toSeq, const std::function<bool(qint64)>& proceed)
{
    auto state = store::sql::query(m_db, "SELECT pruned_before, last_seq, (SELECT coalesce(max(seq), 0) FROM "
                                         "audit_events) FROM audit_state WHERE id = 1;");
    if (!state)
        return state.error();
    if (auto r = state.value().step(); !r || !r.value())
        return r ? makeError(ErrorCode::Corrupt, QStringLiteral("the audit state row is missing")) : r.error();
    const qint64 firstKept = std::max<qint64>(1, state.value().int64(0));
    const qint64 recordedLast = state.value().int64(1);
    // Up to the end the log should have: a range over missing newest events finds them truncated.
    const qint64 present = state.value().int64(2);
    const qint64 last = std::max(recordedLast, present);
    if (last == 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the audit log has no events yet: nothing to verify"));
    if (fromSeq < 1 || toSeq < 1)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a range runs from event 1 at the earliest: give from and to of 1 or more"));
    if (fromSeq > toSeq)
        return makeError(
            ErrorCode::InvalidArgument,
            QStringLiteral("the range is empty: from (%1) is after to (%2); swap them").arg(fromSeq).arg(toSeq));
    if (toSeq > last)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the log ends at event %1: give a range that ends there or before").arg(last));
    if (fromSeq < firstKept)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("events before %1 were removed by the retention policy: start the range at %1 "
                                        "or later")
                             .arg(firstKept));

    // Trust comes from two signed checkpoints around the range: the anchor (the newest one before `fromSeq`, whose
    // chain hash the first event of the range must link to through the events after it) and the closer (the first
    // one at or after `toSeq`, whose chain hash the recomputed chain must reach). Between them every event's link
    // and hash is recomputed and every checkpoint's chain hash compared, as the whole-chain walk does. Instead of
    // the whole checkpoint chain, the part from the anchor's to the closer's signing is checked: each signature
    // there, and each link to the checkpoint signed before it. A signature cannot be forged without the key, and
    // a checkpoint removed from that stretch breaks the link of the one after it; removals elsewhere do not touch
    // the events of this range (the whole-chain verification finds them). The cost is the range plus the
    // distance to the two checkpoints (within the policy's stretch), whatever the length of the chain.
    const auto readWithId = [](const store::Statement& s) {
        return std::pair{s.int64(5), readCheckpoint(s)};
    };
    auto anchor = store::sql::all(m_db, readWithId,
                                  "SELECT seq, time_ms, chain_hash, prev_signature, signature, id FROM "
                                  "audit_checkpoints WHERE seq < ? ORDER BY seq DESC, id DESC LIMIT 1;",
                                  fromSeq);
    auto closer = store::sql::all(m_db, readWithId,
                                  "SELECT seq, time_ms, chain_hash, prev_signature, signature, id FROM "
                                  "audit_checkpoints WHERE seq >= ? ORDER BY seq, id LIMIT 1;",
                                  toSeq);
    if (!anchor || !closer)
        return !anchor ? anchor.error() : closer.error();
    const qint64 windowFrom = anchor.value().isEmpty() ? 0 : anchor.value().first().second.seq;
    const qint64 windowTo = closer.value().isEmpty() ? toSeq : closer.value().first().second.seq;

    VerifyReport report;
    report.fromSeq = fromSeq;
    report.toSeq = toSeq;
    ChainWalk w;
    w.recordedLast = recordedLast;
    auto policies = recordedPolicies(m_db);
    if (!policies)
        return policies.error();
    w.policies = policies.value();

    // The checkpoints of the window, and the checkpoint chain across their signing.
    auto window = store::sql::all(m_db, readWithId,
                                  "SELECT seq, time_ms, chain_hash, prev_signature, signature, id FROM "
                                  "audit_checkpoints WHERE seq >= ? AND seq <= ? ORDER BY id;",
                                  windowFrom, windowTo);
    if (!window)
        return window.error();
    for (const auto& [id, c] : window.value()) {
        w.signedHashes.insert(c.seq, c.chainHash);
        w.signedTimes.insert(c.seq, std::max(c.timeMs, w.signedTimes.value(c.seq, c.timeMs)));
    }
    // Each one's link: to the checkpoint signed just before it (by id, the signing order), wherever that one is.
    auto before = m_db.prepare("SELECT signature FROM audit_checkpoints WHERE id < ? ORDER BY id DESC LIMIT 1;");
    if (!before)
        return before.error();
    for (const auto& [id, c] : window.value()) {
        before.value().reset();
        auto row = before.value().bind(1, id).step();
        if (!row)
            return row.error();
        const QByteArray prevSignature = row.value() ? before.value().blob(0) : QByteArray();
        ++report.checkpointsChecked;
        if (c.prevSignature != prevSignature || !crypto::ed25519::verify(m_publicKey, c.message(), c.signature))
            failAt(report, c.seq, "bad_signature",
                   QStringLiteral("the checkpoint at event %1 has a bad signature or breaks the checkpoint chain")
                       .arg(c.seq));
    }

    if (anchor.value().isEmpty()) {
        // No checkpoint before the range: the walk starts at the start of the log, linked to nothing.
        w.expectedSeq = 1;
        w.expectedPrev = kZeroHash;
        if (firstKept > 1)
            failAt(report, firstKept, "deleted",
                   QStringLiteral("events before %1 were removed without a signed retention anchor").arg(firstKept));
    } else {
        w.expectedSeq = windowFrom + 1;
        w.expectedPrev = anchor.value().first().second.chainHash;
    }
    w.firstSeq = w.expectedSeq;
    w.gapFrom = windowFrom;
    w.gapFromMs = anchor.value().isEmpty() ? -1 : w.signedTimes.value(windowFrom);
    w.newestSigned = w.signedTimes.isEmpty() ? 0 : w.signedTimes.lastKey();
    // Without an anchor past removed events there is nothing to link the first kept one to (failed above).
    if (!anchor.value().isEmpty() || firstKept == 1) {
        if (auto r = walkEvents(m_db, w, report, windowTo, 0, proceed); !r)
            return r.error();
    }
    const qint64 lastSeen = w.expectedSeq - 1;
    if (report.intact && report.complete && lastSeen < windowTo) {
        if (lastSeen >= present)
            failAt(report, lastSeen + 1, "truncated",
                   !closer.value().isEmpty()
                       ? QStringLiteral("a signed checkpoint covers event %1, but the log ends at %2")
                             .arg(windowTo)
                             .arg(lastSeen)
                       : QStringLiteral("events %1 to %2 are missing from the end of the log")
                             .arg(lastSeen + 1)
                             .arg(windowTo));
        else
            failAt(report, lastSeen + 1, "deleted", QStringLiteral("event %1 is missing").arg(lastSeen + 1));
    }

    // No checkpoint at or after the end of the range yet: its newest events are linked, but nothing signed vouches
    // for them. Normal for the newest events (the writer signs by its policy); a warning, not a failure.
    if (report.intact && report.complete && closer.value().isEmpty()) {
        const qint64 tailFrom = std::max(windowFrom, w.newestSigned);
        report.unsignedTailEvents = toSeq - std::max(tailFrom, fromSeq - 1);
        const qint64 tailFromMs = w.signedTimes.value(tailFrom, -1);
        report.unsignedTailMs = tailFromMs < 0 ? 0 : std::max<qint64>(0, w.lastTimeMs - tailFromMs);
        const CheckpointPolicy p = policyAfter(w.policies, tailFrom);
        report.warning = QStringLiteral("events %1 to %2 of the range are not covered by a signed checkpoint yet: "
                                        "their links are intact, but no signature vouches for them; sign a checkpoint "
                                        "(or wait for the next one) and verify the range again")
                             .arg(toSeq - report.unsignedTailEvents + 1)
                             .arg(toSeq);
        if (toSeq - tailFrom > p.everyEvents + kSlackEvents || report.unsignedTailMs > p.intervalMs + kSlackMs)
            report.warning += QStringLiteral("; %1 events after event %2 went unsigned, more than the checkpoint "
                                             "policy allows (%3): checkpoints were removed, or a writer appended "
                                             "without signing")
                                  .arg(toSeq - tailFrom)
                                  .arg(tailFrom)
                                  .arg(describePolicy(p));
    }
    if (report.intact)
        report.message = QStringLiteral("intact: events %1 to %2 (%3 events read) and %4 signed checkpoints verified%5")
                             .arg(fromSeq)
                             .arg(toSeq)
                             .arg(report.eventsChecked)
                             .arg(report.checkpointsChecked)
                             .arg(report.complete ? QString() : QStringLiteral(" (stopped before the end)"));
    return report;
}

Result<RetentionPolicy> AuditLog::retention()
{
    auto s = m_db.prepare("SELECT retention_days, retention_max_events FROM audit_state WHERE id = 1;");
    if (!s)
        return s.error();
    if (!s.value().step().value())
        return RetentionPolicy{};
    return RetentionPolicy{int(s.value().int64(0)), s.value().int64(1)};
}

Result<void> AuditLog::setRetention(const RetentionPolicy& policy)
{
    auto s = m_db.prepare("UPDATE audit_state SET retention_days = ?, retention_max_events = ? WHERE id = 1;");
    if (!s)
        return s.error();
    return s.value().bind(1, qint64(policy.keepDays)).bind(2, policy.keepEvents).run();
}

Result<qint64> AuditLog::prune(const RetentionPolicy& policy, qint64 nowMs)
{
    auto first = firstSeq();
    auto last = lastSeq();
    if (!first || !last)
        return !first ? first.error() : last.error();
    if (last.value() == 0)
        return qint64(0);
    qint64 keepFrom = first.value();
    if (policy.keepEvents > 0)
        keepFrom = std::max(keepFrom, last.value() - policy.keepEvents + 1);
    if (policy.keepDays > 0) {
        auto s = m_db.prepare("SELECT min(seq) FROM audit_events WHERE time_ms >= ?;");
        if (!s)
            return s.error();
        s.value().bind(1, nowMs - qint64(policy.keepDays) * 24 * 3600 * 1000);
        (void)s.value().step();
        const qint64 young = s.value().isNull(0) ? last.value() + 1 : s.value().int64(0);
        keepFrom = std::max(keepFrom, young);
    }
    // The newest event always stays: the chain needs a head to continue from.
    keepFrom = std::min(keepFrom, last.value());
    if (keepFrom <= first.value())
        return qint64(0);

    // Anchor the first kept event: a signed checkpoint over the last removed one.
    auto anchor = m_db.prepare("SELECT hash FROM audit_events WHERE seq = ?;");
    if (!anchor)
        return anchor.error();
    anchor.value().bind(1, keepFrom - 1);
    if (!anchor.value().step().value())
        return makeError(ErrorCode::Corrupt, QStringLiteral("event %1 is missing; verify the log").arg(keepFrom - 1));
    const QByteArray anchorHash = anchor.value().blob(0);
    auto existing = checkpoints(keepFrom - 1, keepFrom - 1);
    if (!existing)
        return existing.error();
    if (existing.value().isEmpty()) {
        if (auto c = signCheckpoint(keepFrom - 1, anchorHash, nowMs); !c)
            return c.error();
    }
    // The delete trigger lets rows go only while this token exists, inside this transaction.
    if (auto r = m_db.exec("INSERT INTO audit_prune_token (id) VALUES (1);"); !r)
        return r.error();
    auto del = m_db.prepare("DELETE FROM audit_events WHERE seq < ?;");
    if (!del)
        return del.error();
    if (auto r = del.value().bind(1, keepFrom).run(); !r)
        return r.error();
    if (auto r = m_db.exec("DELETE FROM audit_prune_token;"); !r)
        return r.error();
    auto state = m_db.prepare("UPDATE audit_state SET pruned_before = ?, "
                              "verified_seq = CASE WHEN verified_seq < ? THEN 0 ELSE verified_seq END WHERE id = 1;");
    if (!state)
        return state.error();
    if (auto r = state.value().bind(1, keepFrom).bind(2, keepFrom).run(); !r)
        return r.error();
    return keepFrom - first.value();
}

Result<qint64> AuditLog::count()
{
    auto n = m_db.pragma("SELECT count(*) FROM audit_events;");
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

Result<qint64> AuditLog::lastSeq()
{
    auto n = m_db.pragma("SELECT coalesce(max(seq), 0) FROM audit_events;");
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

Result<qint64> AuditLog::firstSeq()
{
    auto n = m_db.pragma("SELECT coalesce(min(seq), 0) FROM audit_events;");
    if (!n)
        return n.error();
    return n.value().toLongLong();
}

Result<QByteArray> AuditLog::signDocument(QByteArrayView document) const
{
    if (m_signingKey.isEmpty())
        return makeError(ErrorCode::Internal, QStringLiteral("the audit signing key is not open"));
    if (document.startsWith(QByteArrayView("gatehouse-audit-checkpoint")))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("refused to sign a document shaped like an audit checkpoint"));
    return crypto::ed25519::sign(m_signingKey, document);
}

} // namespace gatehouse::audit
