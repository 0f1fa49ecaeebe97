// matchesQuery: the audit search's filter rules, applied to one event (the console filters live events with it).
// Each case asks the store's search and the function the same question over the same events.
#include "ControlPlaneFixture.h"
#include "audit/AuditMatch.h"
#include "authz/Role.h"

#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

class TestAuditMatch : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void agreesWithTheSearch_data();
    void agreesWithTheSearch();

private:
    std::unique_ptr<ControlPlaneFixture> m_f;
};

void TestAuditMatch::init()
{
    m_f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
    // A mix: users created, denied and failed sign-ins, reads, in both tenants and at the platform.
    QVERIFY(m_f->cp->createUser(m_f->system, m_f->tenantA, QStringLiteral("zoe"), QStringLiteral("Zoë-Émile"), {},
                                secret(kPassword)));
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("carol"), {}).isEmpty());
    QVERIFY(!m_f->addUser(m_f->tenantB, QStringLiteral("dave"), {}).isEmpty());
    (void)m_f->cp->signIn(ControlPlaneFixture::caller(QStringLiteral("10.0.0.9")), QStringLiteral("acme"),
                          QStringLiteral("carol"), secret("wrong-password-here"), {});
    (void)m_f->cp->latestCheckpoint(m_f->signIn(QStringLiteral("acme"), QStringLiteral("carol")));
    QVERIFY(m_f->cp->readMetrics(m_f->system));
    QVERIFY(m_f->cp->listWorkspaces(m_f->system, m_f->tenantA));
    // The cross-tenant self-probe's reads: actor probe, in the platform's trail.
    QVERIFY(m_f->cp->controlResult(m_f->system, QStringLiteral("application"),
                                   QStringLiteral("application.tenant-isolation")));
}

void TestAuditMatch::cleanup()
{
    m_f.reset();
}

void TestAuditMatch::agreesWithTheSearch_data()
{
    QTest::addColumn<QString>("scope"); // "A", "B" or "" (the platform)
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::newRow("everything in A") << "A"
                                     << ""
                                     << "";
    QTest::newRow("platform") << ""
                              << ""
                              << "";
    QTest::newRow("action prefix") << "A"
                                   << "action"
                                   << "user.";
    QTest::newRow("action prefix, dotless") << "A"
                                            << "action"
                                            << "auth";
    QTest::newRow("outcome denied") << "A"
                                    << "outcome"
                                    << "denied";
    QTest::newRow("outcome error") << "A"
                                   << "outcome"
                                   << "error";
    QTest::newRow("actor id") << ""
                              << "actor"
                              << "system";
    QTest::newRow("actor probe") << ""
                                 << "actor"
                                 << "probe";
    QTest::newRow("actor probe, not in a tenant's trail") << "A"
                                                          << "actor"
                                                          << "probe";
    QTest::newRow("actor name") << "A"
                                << "actor"
                                << "carol";
    QTest::newRow("address") << "A"
                             << "address"
                             << "10.0.0.9";
    QTest::newRow("text word") << "A"
                               << "text"
                               << "carol";
    QTest::newRow("text, case folded") << "A"
                                       << "text"
                                       << "CAROL";
    QTest::newRow("text phrase with a dot") << "A"
                                            << "text"
                                            << "user.create";
    QTest::newRow("text two words") << "A"
                                    << "text"
                                    << "user create";
    QTest::newRow("text in details") << ""
                                     << "text"
                                     << "checkpoint";
    QTest::newRow("text accented") << "A"
                                   << "text"
                                   << "zoë";
    QTest::newRow("text no match") << "A"
                                   << "text"
                                   << "nothing-like-this";
    QTest::newRow("text quotes") << "A"
                                 << "text"
                                 << "\"carol\"";
}

void TestAuditMatch::agreesWithTheSearch()
{
    QFETCH(QString, scope);
    QFETCH(QString, field);
    QFETCH(QString, value);
    audit::AuditQuery q;
    q.tenantId = scope == QLatin1String("A") ? m_f->tenantA : scope == QLatin1String("B") ? m_f->tenantB : QString();
    q.platform = q.tenantId.isEmpty();
    if (field == QLatin1String("action"))
        q.actionPrefix = value;
    else if (field == QLatin1String("outcome"))
        q.outcome = value;
    else if (field == QLatin1String("actor"))
        q.actor = value;
    else if (field == QLatin1String("address"))
        q.address = value;
    else if (field == QLatin1String("text"))
        q.text = value;
    q.limit = 1000;

    audit::AuditLog log(m_f->store->database());
    auto searched = log.search(q);
    QVERIFY(searched);
    QList<qint64> expected;
    for (const auto& e : searched.value().events)
        expected << e.seq;

    // Every event of every scope, through the function.
    audit::AuditQuery all;
    all.platform = true;
    all.allScopes = true;
    QList<qint64> matched;
    QVERIFY(log.forEach(all, [&](const audit::AuditEvent& e) {
        if (audit::matchesQuery(q, e))
            matched.prepend(e.seq);
        return true;
    }));
    QVERIFY(!expected.isEmpty() || field == QLatin1String("text") || field == QLatin1String("outcome") ||
            (value == QLatin1String("probe") && !scope.isEmpty()));
    if (value == QLatin1String("probe")) {
        for (const auto& e : searched.value().events)
            QCOMPARE(e.actorKind, QStringLiteral("probe"));
        QCOMPARE(expected.isEmpty(), !scope.isEmpty());
    }
    QCOMPARE(matched, expected);
}

QTEST_GUILESS_MAIN(TestAuditMatch)
#include "TestAuditMatch.moc"
