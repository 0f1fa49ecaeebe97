// The group commit of read records: every read still gets exactly one record, in the order things happened;
// a change writes the queue first; shutting the control plane down writes what is queued; reveals, denials and
// audit queries never wait in the queue; and the chain verifies throughout.
#include "ControlPlaneFixture.h"

#include <QtTest>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;

class TestReadAuditBatching : public QObject
{
    Q_OBJECT

    std::unique_ptr<ControlPlaneFixture> f;

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ControlPlaneFixture>();
        QVERIFY(f->setUp());
        f->cp->setReadAuditBatching(true);
    }
    void cleanup() { f.reset(); }

    void everyReadGetsItsRecordInOrder()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const qint64 before = f->auditCount();
        for (int i = 0; i < 200; ++i)
            QVERIFY(f->cp->listWorkspaces(alice, f->tenantA));
        // A change in between: the reads before it come first in the trail.
        auto ws = f->cp->createWorkspace(alice, f->tenantA, QStringLiteral("staging"), QStringLiteral("Staging"));
        QVERIFY(ws);
        QCOMPARE(f->auditCount(), before + 201);
        QCOMPARE(f->newestEvent().action, QStringLiteral("workspace.create"));
        audit::AuditQuery q;
        q.tenantId = f->tenantA;
        q.limit = 202;
        const auto page = f->cp->searchAudit(f->system, q);
        QVERIFY(page);
        // Newest first (the search records itself after it has read): the change, then the 200 reads.
        const QList<audit::AuditEvent>& events = page.value().events;
        QCOMPARE(events.value(0).action, QStringLiteral("workspace.create"));
        for (int i = 1; i <= 200; ++i)
            QCOMPARE(events.value(i).action, QStringLiteral("workspace.list"));
        QVERIFY(f->cp->verifyAudit(f->system).value().intact);
    }

    void recordsArriveWithoutAnyChange()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const qint64 before = f->auditCount();
        QVERIFY(f->cp->whoami(alice));
        QTRY_COMPARE_WITH_TIMEOUT(f->auditCount(), before + 1, 5000); // the committer thread wrote it
        QCOMPARE(f->newestEvent().action, QStringLiteral("auth.whoami"));
    }

    void shutdownWritesTheQueue()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const qint64 before = f->auditCount();
        for (int i = 0; i < 50; ++i)
            QVERIFY(f->cp->getWorkspace(alice, f->tenantA, f->w1));
        f->cp.reset(); // the control plane goes away with records queued
        QCOMPARE(f->auditCount(), before + 50);
        f->cp = std::make_unique<service::ControlPlane>(*f->store, f->clock);
        QVERIFY(f->cp->load());
        QVERIFY(f->cp->verifyAudit(f->system).value().intact);
    }

    void sensitiveCallsNeverWait()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        // A denial is written before the answer.
        const qint64 before = f->auditCount();
        QVERIFY(!f->cp->listUsers(alice, f->tenantB));
        QCOMPARE(f->auditCount(), before + 1);
        QCOMPARE(f->newestEvent().outcome, QStringLiteral("denied"));
        // A reveal too.
        service::ControlPlane::NewSecret s;
        s.name = QStringLiteral("db/password");
        QVERIFY(f->cp->createSecret(alice, f->tenantA, f->w1, s, secret("v1")));
        const qint64 beforeReveal = f->auditCount();
        QVERIFY(f->cp->revealSecret(alice, f->tenantA, f->w1, s.name, 0, QStringLiteral("check")));
        QCOMPARE(f->auditCount(), beforeReveal + 1);
        QCOMPARE(f->newestEvent().action, QStringLiteral("secret.reveal"));
    }

    void longQueuesStillGetSignedCheckpoints()
    {
        // A queue written in group commits of any size crosses the every-1,000-events checkpoint line twice here,
        // and each checkpoint falls where single appends would have put it.
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const auto before = f->cp->verifyAudit(f->system);
        QVERIFY(before);
        const qint64 count = f->auditCount();
        for (int i = 0; i < 2500; ++i)
            QVERIFY(f->cp->whoami(alice));
        QVERIFY(f->cp->flushReadAudit());
        QCOMPARE(f->auditCount(), count + 2500);
        const auto after = f->cp->verifyAudit(f->system);
        QVERIFY(after);
        QVERIFY(after.value().intact);
        QVERIFY2(after.value().checkpointsChecked >= before.value().checkpointsChecked + 2,
                 qPrintable(QStringLiteral("%1 -> %2 checkpoints")
                                .arg(before.value().checkpointsChecked)
                                .arg(after.value().checkpointsChecked)));
    }

    void concurrentReadersAndWriters()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const qint64 before = f->auditCount();
        std::vector<std::thread> threads;
        std::atomic<int> failures{0};
        for (int t = 0; t < 4; ++t)
            threads.emplace_back([&, t] {
                for (int i = 0; i < 100; ++i) {
                    const bool ok =
                        (t == 0 && i % 10 == 0)
                            ? f->cp->renameWorkspace(alice, f->tenantA, f->w2, QStringLiteral("Dev %1").arg(i)).ok()
                            : f->cp->whoami(alice).ok();
                    if (!ok)
                        ++failures;
                }
            });
        for (auto& t : threads)
            t.join();
        QCOMPARE(failures.load(), 0);
        QVERIFY(f->cp->flushReadAudit());
        QCOMPARE(f->auditCount(), before + 400);
        QVERIFY(f->cp->verifyAudit(f->system).value().intact);
    }
};

QTEST_GUILESS_MAIN(TestReadAuditBatching)
#include "TestReadAuditBatching.moc"
