// The audit index: searches give what the log holds whatever the index covers (nothing, part, all, more appended
// since), the indexer resumes from its mark, rebuilds an index that is missing or belongs to another log, an
// altered index hides nothing that full verification does not report, retention's removals leave it, and a store of
// the previous schema migrates and gets its index.
#include "ControlPlaneFixture.h"
#include "audit/AuditIndex.h"
#include "audit/AuditMatch.h"
#include "store/Migrations.h"
#include "store/Sql.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QDir>
#include <QFile>
#include <QRandomGenerator>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

const QStringList kTenants{QString(), QStringLiteral("ten_aaaa"), QStringLiteral("ten_bbbb"),
                           QStringLiteral("ten_cccc")};
const QStringList kActions{QStringLiteral("secret.reveal"), QStringLiteral("secret.create"),
                           QStringLiteral("user.create"),   QStringLiteral("user.lock"),
                           QStringLiteral("auth.signin"),   QStringLiteral("auth.signout"),
                           QStringLiteral("tenant.rename")};
const QStringList kActorNames{QStringLiteral("Alice Smith"), QStringLiteral("bob"), QStringLiteral("ci deploy"),
                              QStringLiteral("carol")};
const QStringList kWords{QStringLiteral("rotation"), QStringLiteral("quarterly"), QStringLiteral("incident"),
                         QStringLiteral("backup")};
constexpr qint64 kStart = 1'760'000'000'000;

QList<audit::AuditEvent> makeEvents(int n, int salt)
{
    QRandomGenerator rng(quint32(1234 + salt));
    QList<audit::AuditEvent> out;
    for (int i = 0; i < n; ++i) {
        audit::AuditEvent e;
        e.timeMs = kStart + qint64(salt) * 10'000'000 + qint64(i) * 1000;
        e.tenantId = kTenants.at(rng.bounded(kTenants.size()));
        e.workspaceId = rng.bounded(3) == 0 ? QStringLiteral("wsp_%1").arg(rng.bounded(3)) : QString();
        const int actor = rng.bounded(kActorNames.size());
        e.actorKind = actor == 2 ? QStringLiteral("integration") : QStringLiteral("user");
        e.actorId = (actor == 2 ? QStringLiteral("int_%1bcd") : QStringLiteral("usr_%1bcd")).arg(QChar(u'a' + actor));
        e.actorName = kActorNames.at(actor);
        e.action = kActions.at(rng.bounded(kActions.size()));
        e.targetKind = QStringLiteral("secret");
        e.targetId = QStringLiteral("sec_%1").arg(QChar(u'a' + rng.bounded(5)));
        const int o = rng.bounded(10);
        e.outcome = o < 7 ? QStringLiteral("success") : (o < 9 ? QStringLiteral("denied") : QStringLiteral("error"));
        e.reason = QStringLiteral("ok");
        e.source = QStringLiteral("api");
        e.address = QStringLiteral("10.0.0.%1").arg(rng.bounded(4));
        e.requestId = QStringLiteral("req_%1").arg(rng.bounded(40));
        e.details = {{QStringLiteral("note"), kWords.at(rng.bounded(kWords.size()))}};
        out << e;
    }
    return out;
}

QList<audit::AuditQuery> queries()
{
    QList<audit::AuditQuery> out;
    auto add = [&out](auto fill) {
        audit::AuditQuery q;
        q.tenantId = kTenants.at(1);
        fill(q);
        out << q;
    };
    add([](audit::AuditQuery&) {});
    add([](audit::AuditQuery& q) {
        q.tenantId.clear();
        q.platform = true;
    });
    add([](audit::AuditQuery& q) {
        q.tenantId.clear();
        q.platform = true;
        q.allScopes = true;
    });
    add([](audit::AuditQuery& q) { q.actionPrefix = QStringLiteral("secret."); });
    add([](audit::AuditQuery& q) { q.actionPrefix = QStringLiteral("user.lock"); });
    add([](audit::AuditQuery& q) { q.outcome = QStringLiteral("denied"); });
    add([](audit::AuditQuery& q) { q.actor = QStringLiteral("usr_bbcd"); });
    add([](audit::AuditQuery& q) { q.actor = QStringLiteral("Alice Smith"); });
    add([](audit::AuditQuery& q) { q.text = QStringLiteral("quarterly"); });
    add([](audit::AuditQuery& q) { q.text = QStringLiteral("incident reveal"); });
    add([](audit::AuditQuery& q) { q.workspaceId = QStringLiteral("wsp_1"); });
    add([](audit::AuditQuery& q) { q.targetId = QStringLiteral("sec_c"); });
    add([](audit::AuditQuery& q) { q.address = QStringLiteral("10.0.0.2"); });
    add([](audit::AuditQuery& q) { q.requestId = QStringLiteral("req_7"); });
    add([](audit::AuditQuery& q) {
        q.fromMs = kStart + 500'000;
        q.toMs = kStart + 10'001'000'000;
        q.outcome = QStringLiteral("success");
        q.actionPrefix = QStringLiteral("auth.");
    });
    return out;
}

// A store with its log, and (when asked) its index, outside any control plane.
struct Trail
{
    QTemporaryDir dir;
    std::unique_ptr<store::Store> store;
    std::unique_ptr<audit::AuditLog> log;
    std::unique_ptr<audit::AuditIndex> index;
    QList<audit::AuditEvent> all; // oldest first, as appended

    bool setUp()
    {
        auto s = createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("k")));
        if (!s)
            return false;
        store = std::move(s).value();
        log = std::make_unique<audit::AuditLog>(store->database());
        auto tx = store::Transaction::begin(store->database(), store::Transaction::Mode::Immediate);
        return tx && log->openSigningKey(store->deriveKey("gatehouse/audit-signing").value(), kStart) &&
               tx.value().commit();
    }
    audit::AuditIndex::Config config(qint64 chunk = 1000) const
    {
        audit::AuditIndex::Config c;
        c.path = store->auditIndexPath();
        c.key = store->deriveKey("gatehouse/audit-index").value();
        c.logPath = store->database().path();
        c.logKey = store->databaseKey().value();
        c.storeId = store->config().storeId;
        c.chunkEvents = chunk;
        return c;
    }
    bool openIndex(qint64 chunk = 1000)
    {
        log->setIndex(nullptr);
        index.reset();
        auto i = audit::AuditIndex::open(config(chunk));
        if (!i)
            return false;
        index = std::move(i).value();
        log->setIndex(index.get());
        return true;
    }
    bool append(int n, int salt)
    {
        QList<audit::AuditEvent> events = makeEvents(n, salt);
        auto tx = store::Transaction::begin(store->database(), store::Transaction::Mode::Immediate);
        if (!tx || !log->appendBatch(std::span<audit::AuditEvent>(events.data(), std::size_t(events.size()))) ||
            !tx.value().commit())
            return false;
        all << events;
        if (index)
            index->notify(events.back().seq);
        return true;
    }
};

QList<qint64> seqs(const QList<audit::AuditEvent>& events)
{
    QList<qint64> out;
    for (const audit::AuditEvent& e : events)
        out << e.seq;
    return out;
}

// What the log says a query matches, newest first.
QList<qint64> expected(const QList<audit::AuditEvent>& all, const audit::AuditQuery& q)
{
    QList<qint64> out;
    for (auto it = all.crbegin(); it != all.crend(); ++it) {
        if (audit::matchesQuery(q, *it))
            out << it->seq;
    }
    return out;
}

} // namespace

class TestAuditIndex : public QObject
{
    Q_OBJECT
private slots:
    void searchesAgreeWithTheLog_data();
    void searchesAgreeWithTheLog();
    void resumesFromItsMark();
    void rebuildsWhenMissingOrForeign();
    void alteredIndexIsReportedByFullVerification();
    void retentionRemovalsLeaveTheIndex();
    void indexerThreadFollowsTheLog();
    void previousSchemaMigratesAndGetsItsIndex();
    void storeRunsWithoutAnIndexItCannotOpen();

private:
    void compareAll(Trail& t);
};

void TestAuditIndex::compareAll(Trail& t)
{
    for (const audit::AuditQuery& base : queries()) {
        const QList<qint64> want = expected(t.all, base);
        const QString what = QString::fromUtf8(QJsonDocument(base.toJson()).toJson(QJsonDocument::Compact));
        // Paged newest first, 37 at a time.
        QList<qint64> got;
        audit::AuditQuery q = base;
        q.limit = 37;
        for (int guard = 0; guard < 1000; ++guard) {
            auto page = t.log->search(q);
            QVERIFY2(page, qPrintable(page ? QString() : page.error().message));
            got << seqs(page.value().events);
            if (!page.value().nextBeforeSeq)
                break;
            q.beforeSeq = page.value().nextBeforeSeq;
        }
        QVERIFY2(
            got == want,
            qPrintable(QStringLiteral("search %1: %2 events, expected %3").arg(what).arg(got.size()).arg(want.size())));
        // Oldest first, all of them.
        QList<qint64> visited;
        auto n = t.log->forEach(base, [&visited](const audit::AuditEvent& e) {
            visited << e.seq;
            return true;
        });
        QVERIFY(n);
        std::reverse(visited.begin(), visited.end());
        QVERIFY2(visited == want, qPrintable(QStringLiteral("forEach %1").arg(what)));
        // Counts by hour and outcome.
        auto buckets = t.log->histogram(base, 3'600'000);
        QVERIFY(buckets);
        QMap<qint64, std::array<qint64, 3>> counted;
        for (const audit::HistogramBucket& b : buckets.value()) {
            QCOMPARE(b.count, b.success + b.denied + b.error);
            counted[b.startMs] = {b.success, b.denied, b.error};
        }
        QMap<qint64, std::array<qint64, 3>> wantCounts;
        for (const audit::AuditEvent& e : t.all) {
            if (!audit::matchesQuery(base, e))
                continue;
            auto& c = wantCounts[(e.timeMs / 3'600'000) * 3'600'000];
            c[e.outcome == QLatin1String("success") ? 0 : (e.outcome == QLatin1String("denied") ? 1 : 2)]++;
        }
        QVERIFY2(counted == wantCounts, qPrintable(QStringLiteral("histogram %1").arg(what)));
    }
    // A tenant's events after a seq, a page at a time (what followers read).
    for (const QString& tenant : kTenants) {
        QList<qint64> want;
        for (const audit::AuditEvent& e : t.all) {
            if (e.tenantId == tenant)
                want << e.seq;
        }
        QList<qint64> got;
        qint64 after = 0;
        for (int guard = 0; guard < 1000; ++guard) {
            auto page = t.log->after(after, 53, tenant);
            QVERIFY(page);
            if (page.value().isEmpty())
                break;
            got << seqs(page.value());
            after = page.value().back().seq;
        }
        QCOMPARE(got, want);
    }
}

void TestAuditIndex::searchesAgreeWithTheLog_data()
{
    QTest::addColumn<int>("state");
    QTest::newRow("no index") << 0;
    QTest::newRow("fully indexed") << 1;
    QTest::newRow("partly indexed") << 2;
    QTest::newRow("indexed, then more appended") << 3;
}

void TestAuditIndex::searchesAgreeWithTheLog()
{
    QFETCH(int, state);
    Trail t;
    QVERIFY(t.setUp());
    QVERIFY(t.append(1500, 0));
    QVERIFY(t.append(700, 1));
    if (state > 0)
        QVERIFY(t.openIndex(400));
    if (state == 1 || state == 3)
        QVERIFY(t.index->catchUp());
    if (state == 2) {
        auto n = t.index->catchUp(1100);
        QVERIFY(n);
        QCOMPARE(n.value(), qint64(1100));
    }
    if (state == 3)
        QVERIFY(t.append(600, 2));
    if (state > 0)
        QCOMPARE(t.index->indexedSeq(), state == 2 ? qint64(1100) : qint64(2200));
    compareAll(t);
    QCOMPARE(t.log->indexMismatches(), qint64(0));
}

void TestAuditIndex::resumesFromItsMark()
{
    Trail t;
    QVERIFY(t.setUp());
    QVERIFY(t.append(3000, 0));
    QVERIFY(t.openIndex(500));
    QCOMPARE(t.index->catchUp(1500).value(), qint64(1500));
    // Closed and opened again (as after a crash: each round commits with its mark), it goes on from there.
    QVERIFY(t.openIndex(500));
    QCOMPARE(t.index->indexedSeq(), qint64(1500));
    QCOMPARE(t.index->catchUp().value(), qint64(1500));
    QCOMPARE(t.index->indexedSeq(), qint64(3000));
    compareAll(t);
}

void TestAuditIndex::rebuildsWhenMissingOrForeign()
{
    Trail t;
    QVERIFY(t.setUp());
    QVERIFY(t.append(2000, 0));
    QVERIFY(t.openIndex());
    QVERIFY(t.index->catchUp());
    // Deleted: built again from the log.
    t.log->setIndex(nullptr);
    t.index.reset();
    QVERIFY(QFile::remove(t.store->auditIndexPath()));
    QVERIFY(t.openIndex());
    QCOMPARE(t.index->indexedSeq(), qint64(0));
    QCOMPARE(t.index->catchUp().value(), qint64(2000));
    compareAll(t);

    // Built from another log (the event at its mark is not the one it indexed): dropped and built again.
    {
        auto raw =
            store::Database::open(t.store->auditIndexPath(), t.config().key, store::Database::OpenMode::OpenExisting);
        QVERIFY(raw);
        QVERIFY(store::sql::run(*raw.value(), "UPDATE meta SET indexed_hash = zeroblob(32);"));
    }
    QVERIFY(t.index->catchUp());
    QCOMPARE(t.index->stats().rebuilds, qint64(1));
    QCOMPARE(t.index->indexedSeq(), qint64(2000));
    compareAll(t);

    // Under another key (as after a master-key rotation): replaced when opened.
    t.log->setIndex(nullptr);
    t.index.reset();
    {
        audit::AuditIndex::Config other = t.config();
        other.key = t.store->deriveKey("gatehouse/another-purpose").value();
        auto reopened = audit::AuditIndex::open(std::move(other));
        QVERIFY2(reopened, qPrintable(reopened ? QString() : reopened.error().message));
        QCOMPARE(reopened.value()->indexedSeq(), qint64(0));
    }
    // The file now under that other key: opened with the store's own key, it is replaced again.
    QVERIFY(t.openIndex());
    QCOMPARE(t.index->indexedSeq(), qint64(0));
    QVERIFY(t.index->catchUp());
    compareAll(t);

    // Not an index at all (damaged pages): replaced when opened.
    t.log->setIndex(nullptr);
    t.index.reset();
    {
        QFile f(t.store->auditIndexPath());
        QVERIFY(f.open(QIODevice::ReadWrite));
        f.seek(4096 + 100);
        f.write(QByteArray(64, 'x'));
    }
    QVERIFY(t.openIndex());
    QVERIFY(t.index->catchUp());
    compareAll(t);
}

void TestAuditIndex::alteredIndexIsReportedByFullVerification()
{
    ControlPlaneFixture f;
    QVERIFY(f.setUp());
    for (int i = 0; i < 40; ++i)
        QVERIFY(f.cp->renameWorkspace(f.system, f.tenantA, f.w1, QStringLiteral("Name %1").arg(i)));
    audit::AuditIndex* index = f.cp->auditIndex();
    QVERIFY(index);
    QVERIFY(index->catchUp());
    // The lag is a metric (none now: everything is indexed).
    auto metrics = f.cp->readMetrics(f.system);
    QVERIFY(metrics);
    bool lagShown = false;
    for (const service::MetricSample& m : metrics.value()) {
        if (qstrcmp(m.name, "gatehouse_audit_index_lag_events") == 0) {
            lagShown = true;
            QCOMPARE(m.value, qint64(0));
        }
    }
    QVERIFY(lagShown);
    audit::AuditQuery renames;
    renames.tenantId = f.tenantA;
    renames.actionPrefix = QStringLiteral("workspace.rename");
    renames.limit = 1000;
    auto before = f.cp->searchAudit(f.system, renames);
    QVERIFY(before);
    QCOMPARE(before.value().events.size(), 40);
    const qint64 hidden = before.value().events.at(5).seq;
    const qint64 removed = before.value().events.at(9).seq;
    {
        // Someone holding the store's key rewrites the index: one rename now claims another action, one is gone.
        auto raw = store::Database::open(f.store->auditIndexPath(), f.store->deriveKey("gatehouse/audit-index").value(),
                                         store::Database::OpenMode::OpenExisting);
        QVERIFY(raw);
        QVERIFY(store::sql::run(*raw.value(), "UPDATE ev SET action = 'tenant.create' WHERE seq = ?;", hidden));
        QVERIFY(store::sql::run(*raw.value(), "DELETE FROM ev WHERE seq = ?;", removed));
    }
    // A search can be made to miss them...
    auto missing = f.cp->searchAudit(f.system, renames);
    QVERIFY(missing);
    QCOMPARE(missing.value().events.size(), 38);
    // ...but never to show an event as something it is not: the hit is read from the log and matched again.
    audit::AuditQuery creates;
    creates.tenantId = f.tenantA;
    creates.actionPrefix = QStringLiteral("tenant.create");
    auto wrong = f.cp->searchAudit(f.system, creates);
    QVERIFY(wrong);
    for (const audit::AuditEvent& e : wrong.value().events)
        QCOMPARE(e.action, QStringLiteral("tenant.create"));
    QVERIFY(f.cp->auditIndex()->check());

    // Full verification compares the index with the log, reports both, and has the index rebuilt.
    auto report = f.cp->verifyAudit(f.system, false);
    QVERIFY(report);
    QVERIFY(report.value().intact); // the log itself is untouched
    QCOMPARE(report.value().indexProblems, qint64(2));
    QCOMPARE(report.value().indexFirstBadSeq, std::min(hidden, removed));
    QVERIFY2(report.value().warning.contains(QStringLiteral("audit index")), qPrintable(report.value().warning));
    QTRY_VERIFY_WITH_TIMEOUT(index->stats().rebuilds >= 1 && index->lag() == 0, 30000);
    QTRY_VERIFY_WITH_TIMEOUT(index->check().value().consistent() && index->indexedSeq() > removed, 30000);
    auto after = f.cp->searchAudit(f.system, renames);
    QVERIFY(after);
    QCOMPARE(after.value().events.size(), 40);
}

void TestAuditIndex::retentionRemovalsLeaveTheIndex()
{
    Trail t;
    QVERIFY(t.setUp());
    QVERIFY(t.append(2000, 0));
    QVERIFY(t.openIndex());
    QVERIFY(t.index->catchUp());
    {
        auto tx = store::Transaction::begin(t.store->database(), store::Transaction::Mode::Immediate);
        QVERIFY(tx);
        auto removed = t.log->prune(audit::RetentionPolicy{0, 1200}, kStart + 100'000'000);
        QVERIFY(removed);
        QCOMPARE(removed.value(), qint64(800));
        QVERIFY(tx.value().commit());
    }
    t.all = t.all.mid(800);
    // Before the indexer has seen the removal, and after.
    compareAll(t);
    QVERIFY(t.index->catchUp());
    compareAll(t);
}

void TestAuditIndex::indexerThreadFollowsTheLog()
{
    Trail t;
    QVERIFY(t.setUp());
    QVERIFY(t.openIndex(700));
    t.index->start();
    for (int i = 0; i < 5; ++i)
        QVERIFY(t.append(900, i));
    QVERIFY(t.index->waitForLag(0, 60000));
    QCOMPARE(t.index->indexedSeq(), qint64(4500));
    QVERIFY(t.index->stats().rounds >= 7);
    t.index->stop();
    compareAll(t);
}

void TestAuditIndex::previousSchemaMigratesAndGetsItsIndex()
{
    // A store of schema 9 (the log with its own indexes and full-text table) with 100,000 events: opening it
    // migrates the log to its key alone, and the control plane builds the index, after which every search agrees.
    QTemporaryDir dir;
    const QString data = dir.filePath(QStringLiteral("data"));
    const QString keyFile = dir.filePath(QStringLiteral("k"));
    QList<audit::AuditEvent> all;
    {
        auto s = createFileStore(data, keyFile);
        QVERIFY(s);
        store::Database& db = s.value()->database();
        QVERIFY(db.exec(R"sql(
BEGIN;
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, seq);
CREATE INDEX audit_events_tenant_time ON audit_events (tenant_id, time_ms, outcome);
CREATE INDEX audit_events_tenant_action ON audit_events (tenant_id, action, seq);
CREATE INDEX audit_events_tenant_actor ON audit_events (tenant_id, actor_id, seq);
CREATE VIRTUAL TABLE audit_fts USING fts4(content="audit_events", action, actor_name, target_id, details);
CREATE TRIGGER audit_events_fts_delete BEFORE DELETE ON audit_events
    WHEN old.seq <= (SELECT fts_seq FROM audit_state WHERE id = 1) BEGIN
    DELETE FROM audit_fts WHERE docid = old.seq;
END;
DROP TABLE control_results;
DROP TABLE forward_destinations;
DROP TABLE oidc_sessions;
DROP TABLE oidc_mapped_bindings;
DROP TABLE oidc_identities;
DROP TABLE oidc_group_mappings;
DROP TABLE oidc_providers;
DELETE FROM schema_migrations WHERE version >= 10;
PRAGMA user_version = 9;
COMMIT;
)sql"));
        audit::AuditLog log(db);
        for (int batch = 0; batch < 20; ++batch) {
            QList<audit::AuditEvent> events = makeEvents(5000, batch);
            auto tx = store::Transaction::begin(db, store::Transaction::Mode::Immediate);
            QVERIFY(tx);
            QVERIFY(log.appendBatch(std::span<audit::AuditEvent>(events.data(), std::size_t(events.size()))));
            QVERIFY(tx.value().commit());
            all << events;
        }
        QVERIFY(db.exec("INSERT INTO audit_fts (docid, action, actor_name, target_id, details) SELECT seq, action, "
                        "actor_name, target_id, details FROM audit_events;"));
        QCOMPARE(store::Migrations::currentVersion(db).value(), 9);
    }
    auto opened = store::Store::open(data, keyFileOptions(keyFile));
    QVERIFY2(opened, qPrintable(opened ? QString() : opened.error().message));
    store::Database& db = opened.value()->database();
    QCOMPARE(store::Migrations::currentVersion(db).value(), store::Migrations::schema().latestVersion());
    auto left = store::sql::query(db, "SELECT count(*) FROM sqlite_master WHERE tbl_name = 'audit_events' AND "
                                      "type = 'index' AND sql IS NOT NULL;");
    QVERIFY(left && left.value().step().value());
    QCOMPARE(left.value().int64(0), qint64(0));
    ManualClock clock;
    service::ControlPlane cp(*opened.value(), clock);
    QVERIFY(cp.load());
    QVERIFY(cp.auditIndex());
    QVERIFY(cp.auditIndex()->waitForLag(0, 120000));
    QCOMPARE(cp.auditIndex()->indexedSeq(), qint64(100000));
    audit::AuditLog log(db);
    log.setIndex(cp.auditIndex());
    for (const audit::AuditQuery& base : queries()) {
        audit::AuditQuery q = base;
        q.limit = 1000;
        auto page = log.search(q);
        QVERIFY(page);
        QCOMPARE(seqs(page.value().events), expected(all, base).mid(0, 1000));
    }
}

void TestAuditIndex::storeRunsWithoutAnIndexItCannotOpen()
{
    // Derived data that cannot be written (here a directory where the file belongs) keeps nothing from working:
    // searches read the log, and the metric says the index is missing.
    QTemporaryDir dir;
    auto s = createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("k")));
    QVERIFY(s);
    QVERIFY(QDir().mkpath(s.value()->auditIndexPath()));
    ManualClock clock;
    service::ControlPlane cp(*s.value(), clock);
    QVERIFY(cp.load());
    QVERIFY(!cp.auditIndex());
    const service::Caller system = service::Caller::system();
    auto tenant = cp.createTenant(system, QStringLiteral("acme"), QStringLiteral("Acme"), QStringLiteral("alice"),
                                  secret(kPassword));
    QVERIFY(tenant);
    audit::AuditQuery q;
    q.platform = true;
    q.allScopes = true;
    auto page = cp.searchAudit(system, q);
    QVERIFY(page);
    QVERIFY(!page.value().events.isEmpty());
    auto metrics = cp.readMetrics(system);
    QVERIFY(metrics);
    bool reported = false;
    for (const service::MetricSample& m : metrics.value()) {
        if (qstrcmp(m.name, "gatehouse_audit_index_available") == 0) {
            reported = true;
            QCOMPARE(m.value, qint64(0));
        }
    }
    QVERIFY(reported);
}

QTEST_GUILESS_MAIN(TestAuditIndex)
#include "TestAuditIndex.moc"
