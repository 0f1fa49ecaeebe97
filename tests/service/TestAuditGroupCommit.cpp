// The group commit of read records: every read still gets exactly one record, in the order things happened;
// no answer is given before its record is on the disk (a sync held back by the fault injector holds the answer
// back, in process and over HTTP); a change writes the queue first; shutting the control plane down writes what is
// queued; reveals, denials and audit queries never wait in the queue; and the chain verifies throughout.
#include "ControlPlaneFixture.h"
#include "api/ApiHost.h"
#include "api/ServeSettings.h"

#include <QSemaphore>
#include <QTcpSocket>
#include <QtTest>
#include <thread>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// The fault injector: while held, every sync of the log waits at its start. Its state outlives it, for a sync
// that picked up the hook just before it was removed.
struct HeldSync
{
    struct State
    {
        QSemaphore entered, released;
        std::atomic<bool> holding{true};
    };
    store::Database& db;
    std::shared_ptr<State> state = std::make_shared<State>();
    explicit HeldSync(store::Database& database) : db(database)
    {
        db.setBeforeSyncHook([s = state] {
            if (s->holding.load()) {
                s->entered.release();
                s->released.acquire();
            }
        });
    }
    bool entered(int timeoutMs) { return state->entered.tryAcquire(1, timeoutMs); }
    void release()
    {
        state->holding = false;
        state->released.release(1000);
    }
    ~HeldSync()
    {
        release();
        db.setBeforeSyncHook({});
    }
};

} // namespace

class TestAuditGroupCommit : public QObject
{
    Q_OBJECT

    std::unique_ptr<ControlPlaneFixture> f;

private Q_SLOTS:
    void init()
    {
        f = std::make_unique<ControlPlaneFixture>();
        QVERIFY(f->setUp());
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

    void aReadReturnsWithItsRecordOnTheDisk()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        std::atomic<int> syncs{0};
        f->store->database().setBeforeSyncHook([&syncs] { ++syncs; });
        const qint64 before = f->auditCount();
        QVERIFY(f->cp->whoami(alice)); // written by the committer thread, and synced, before the call returns
        QCOMPARE(f->auditCount(), before + 1);
        QCOMPARE(f->newestEvent().action, QStringLiteral("auth.whoami"));
        QVERIFY(syncs.load() >= 1);
        f->store->database().setBeforeSyncHook({});
    }

    void theAnswerWaitsForTheSync()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const qint64 before = f->auditCount();
        HeldSync held(f->store->database());
        std::atomic<bool> returned{false};
        std::thread reader([&] {
            (void)f->cp->whoami(alice);
            returned = true;
        });
        // The committer has committed the record and is syncing it...
        QVERIFY(held.entered(10000));
        QCOMPARE(f->auditCount(), before + 1);
        // ...and the call does not return while the sync is held back, however long that is.
        QTest::qWait(300);
        QVERIFY(!returned.load());
        held.release();
        reader.join();
        QVERIFY(returned.load());
    }

    void deferredCallsReturnAndTheirTicketWaits()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        HeldSync held(f->store->database());
        qint64 ticket = 0;
        {
            service::ControlPlane::DeferredDurability deferred;
            QVERIFY(f->cp->whoami(alice)); // returns at once: the server holds the answer instead
            QVERIFY(f->cp->listWorkspaces(alice, f->tenantA));
            ticket = deferred.ticket();
        }
        QVERIFY(ticket > 0);
        QVERIFY(held.entered(10000));
        QVERIFY(!f->cp->isDurable(ticket));
        QObject context;
        bool resumed = false;
        QVERIFY(f->cp->whenDurable(ticket, &context, [&resumed] { resumed = true; }));
        QTest::qWait(100);
        QVERIFY(!resumed);
        held.release();
        f->cp->awaitDurable(ticket);
        QVERIFY(f->cp->isDurable(ticket));
        QTRY_VERIFY_WITH_TIMEOUT(resumed, 10000);              // queued to this thread once the sync was done
        QVERIFY(!f->cp->whenDurable(ticket, &context, [] {})); // nothing left to wait for
    }

    void theServerHoldsTheAnswerUntilItsRecordIsSynced()
    {
        api::ServeSettings settings;
        settings.mode = QStringLiteral("http");
        settings.listen = QStringLiteral("127.0.0.1:0");
        auto host = api::ApiHost::start(*f->cp, settings, f->store->dataDir());
        QVERIFY2(host, host ? "" : qPrintable(host.error().message));
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const QUrl url(host.value()->url());
        // The listener accepts in this thread: wait with the event loop running, never blocking it.
        QTcpSocket socket;
        socket.connectToHost(QHostAddress::LocalHost, quint16(url.port()));
        QTRY_VERIFY_WITH_TIMEOUT(socket.state() == QAbstractSocket::ConnectedState, 5000);
        QByteArray received;
        connect(&socket, &QTcpSocket::readyRead, &socket, [&] { received += socket.readAll(); });
        const QByteArray request = "GET /api/v1/auth/whoami HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " +
                                   alice.token.toLatin1() + "\r\n\r\n";
        // Once unheld, to see the answer as it comes normally.
        socket.write(request);
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\r\n\r\n"), 10000);
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
        received.clear();

        const qint64 before = f->auditCount();
        HeldSync held(f->store->database());
        socket.write(request);
        QVERIFY(socket.waitForBytesWritten(5000));
        QVERIFY(held.entered(10000));          // connected already: blocking this thread is fine now
        QCOMPARE(f->auditCount(), before + 1); // the record is committed, not yet synced
        QTest::qWait(500);
        QVERIFY2(received.isEmpty(), "an answer went out before its record was synced");
        held.release();
        QTRY_VERIFY_WITH_TIMEOUT(received.contains("\r\n\r\n"), 10000);
        QVERIFY2(received.startsWith("HTTP/1.1 200"), received.constData());
        QCOMPARE(f->newestEvent().action, QStringLiteral("auth.whoami"));
    }

    void shutdownWritesTheQueue()
    {
        const service::Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
        const qint64 before = f->auditCount();
        {
            HeldSync held(f->store->database()); // records queue while the committer is held
            service::ControlPlane::DeferredDurability deferred;
            for (int i = 0; i < 50; ++i)
                QVERIFY(f->cp->getWorkspace(alice, f->tenantA, f->w1));
        }
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
        {
            service::ControlPlane::DeferredDurability deferred; // as the server calls: groups form
            for (int i = 0; i < 2500; ++i)
                QVERIFY(f->cp->whoami(alice));
            QVERIFY(f->cp->flushReadAudit());
        }
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

QTEST_GUILESS_MAIN(TestAuditGroupCommit)
#include "TestAuditGroupCommit.moc"
