// The demo seeder fills a real store through the control plane: what it promises (tenants, every built-in role,
// two-factor users, tokens, overdue secrets, a month of events in one intact chain) is read back through the
// control plane and the store, and no password or token of the demo ends up in the audit trail.
#include "ManualClock.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "authz/Role.h"
#include "core/Encoding.h"
#include "crypto/Totp.h"
#include "demo/DemoSeeder.h"
#include "service/ControlPlane.h"
#include "store/Statement.h"

#include <QBuffer>
#include <QDateTime>
#include <QSet>
#include <QtTest>

using namespace gatehouse;

namespace {

constexpr qint64 kDayMs = 24 * 3600 * 1000;

SecureBytes bytes(const char* text)
{
    return SecureBytes(reinterpret_cast<const unsigned char*>(text), std::strlen(text));
}

qint64 scalar(store::Store& store, const char* sql)
{
    auto s = store.database().prepare(sql);
    if (!s || !s.value().step().value())
        return -1;
    return s.value().int64(0);
}

} // namespace

class TestDemoSeeder : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void seedsACompleteDemo();
    void refusesAStoreWithAnAdministrator();
    void stopsWhenProgressSaysSo();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<store::Store> m_store;
};

void TestDemoSeeder::init()
{
    m_store.reset();
    m_dir = std::make_unique<QTemporaryDir>();
    auto s = test::createFileStore(m_dir->filePath(QStringLiteral("data")), m_dir->filePath(QStringLiteral("key")));
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    m_store = std::move(s).value();
}

void TestDemoSeeder::seedsACompleteDemo()
{
    demo::DemoOptions options;
    options.events = 2000;
    options.ownerUsername = QStringLiteral("root");
    options.ownerPassword = bytes("a chosen owner passphrase");
    QList<demo::DemoProgress> seen;
    demo::DemoSeeder seeder(*m_store);
    auto report = seeder.run(options, [&](const demo::DemoProgress& p) {
        seen << p;
        return true;
    });
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    const demo::DemoReport& r = report.value();

    // Exactly the events asked for, one per control-plane call, reported on the way.
    QCOMPARE(r.events, 2000);
    QCOMPARE(audit::AuditLog(m_store->database()).count().value(), 2000);
    QVERIFY(seen.size() >= 8);
    for (qsizetype i = 1; i < seen.size(); ++i)
        QVERIFY(seen.at(i).events >= seen.at(i - 1).events);
    QCOMPARE(seen.last().events, 2000);
    QCOMPARE(seen.last().target, 2000);

    // Spread over the month before now, never in the future, in step with the chain.
    const qint64 first = scalar(*m_store, "SELECT min(time_ms) FROM audit_events;");
    const qint64 last = scalar(*m_store, "SELECT max(time_ms) FROM audit_events;");
    QVERIFY2(last - first >= 28 * kDayMs, qPrintable(QStringLiteral("%1 days").arg((last - first) / kDayMs)));
    QVERIFY(last <= now);
    QVERIFY(now - last < kDayMs);
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM audit_events a JOIN audit_events b ON b.seq = a.seq + 1 "
                              "WHERE b.time_ms < a.time_ms;"),
             0);
    // Most events are in the 30 days of activity, not the set-up.
    QVERIFY(scalar(*m_store, "SELECT count(*) FROM audit_events WHERE time_ms < (SELECT min(time_ms) + 4 * 86400000 "
                             "FROM audit_events);") < 400);
    // Few Argon2id sign-ins for the whole month.
    QVERIFY2(r.signIns < 60, qPrintable(QString::number(r.signIns)));

    service::ControlPlane cp(*m_store);
    QVERIFY(cp.load());
    const auto system = service::Caller::system();
    auto tenants = cp.listTenants(system);
    QVERIFY(tenants);
    QSet<QString> names;
    QSet<QString> boundRoles;
    int mfaUsers = 0, tokens = 0, overdue = 0;
    auto platform = cp.listBindings(system, {});
    QVERIFY(platform);
    for (const auto& b : platform.value())
        boundRoles << b.roleId;
    for (const auto& t : tenants.value()) {
        names << t.name;
        auto workspaces = cp.listWorkspaces(system, t.id);
        QVERIFY(workspaces);
        QVERIFY(workspaces.value().size() >= 2 && workspaces.value().size() <= 3);
        auto bindings = cp.listBindings(system, t.id);
        QVERIFY(bindings);
        for (const auto& b : bindings.value())
            boundRoles << (authz::builtin::find(b.roleId) ? b.roleId : QStringLiteral("custom"));
        auto users = cp.listUsers(system, t.id);
        QVERIFY(users);
        for (const auto& u : users.value())
            mfaUsers += u.mfaEnabled ? 1 : 0;
        auto integrations = cp.listIntegrations(system, t.id);
        QVERIFY(integrations);
        QCOMPARE(integrations.value().size(), 3);
        for (const auto& i : integrations.value()) {
            auto list = cp.listTokens(system, t.id, i.id);
            QVERIFY(list);
            for (const auto& k : list.value())
                tokens += k.revokedAtMs == 0 && k.expiresAtMs > now ? 1 : 0;
        }
        auto due = cp.dueSecrets(system, t.id, {}, 0);
        QVERIFY(due);
        int overdueHere = 0;
        for (const auto& s : due.value())
            overdueHere += s.nextRotationAtMs > 0 && s.nextRotationAtMs < now ? 1 : 0;
        QVERIFY2(overdueHere > 0, qPrintable(t.name));
        overdue += overdueHere;
        QString production;
        for (const auto& w : workspaces.value())
            production = w.name == QLatin1String("prod") ? w.id : production;
        auto secrets = cp.listSecrets(system, t.id, production);
        QVERIFY(secrets);
        QVERIFY(secrets.value().size() >= 8);
        for (const auto& s : secrets.value())
            QVERIFY(!s.tags.isEmpty() && !s.description.isEmpty());
    }
    QCOMPARE(names, (QSet<QString>{QStringLiteral("acme"), QStringLiteral("globex"), QStringLiteral("initech")}));
    for (const authz::Role& role : authz::builtin::roles())
        QVERIFY2(boundRoles.contains(role.id), qPrintable(role.id));
    QVERIFY(boundRoles.contains(QStringLiteral("custom")));
    QVERIFY(mfaUsers >= 6);
    QVERIFY(tokens >= 9);
    QCOMPARE(overdue, r.secretsOverdue);
    QCOMPARE(r.tenants, 3);

    // What happened in the month: sign-ins and failed ones, reveals with reasons, denials, a lockout.
    auto count = [this](const char* action, const char* outcome) {
        auto s = m_store->database().prepare("SELECT count(*) FROM audit_events WHERE action = ? AND outcome = ?;");
        s.value().bind(1, QString::fromLatin1(action)).bind(2, QString::fromLatin1(outcome));
        (void)s.value().step();
        return s.value().int64(0);
    };
    QVERIFY(count("auth.signin", "success") >= 10);
    QVERIFY(count("auth.signin", "denied") >= 5);
    QVERIFY(count("secret.reveal", "success") >= 50);
    QVERIFY(count("secret.reveal", "denied") >= 1);
    QVERIFY(count("secret.list", "success") >= 50);
    QVERIFY(count("user.unlock", "success") == 1);
    QVERIFY(count("token.revoke", "success") == 3);
    // The Tenant Admins' attempts to issue a token for a pipeline that reveals production secrets are refused.
    QCOMPARE(scalar(*m_store, "SELECT count(*) FROM audit_events WHERE action = 'token.issue' AND outcome = 'denied' "
                              "AND reason = 'target_holds_more';"),
             qint64(3));
    QVERIFY(scalar(*m_store, "SELECT count(*) FROM audit_events WHERE outcome = 'denied';") >= 50);
    QVERIFY(scalar(*m_store, "SELECT count(*) FROM audit_events WHERE reason = 'lockout';") == 1);

    auto verified = cp.verifyAudit(system);
    QVERIFY(verified);
    QVERIFY2(verified.value().intact, qPrintable(verified.value().message));
    QVERIFY(verified.value().checkpointsChecked > 1);

    // No password or token of the demo is anywhere in the audit trail.
    QBuffer jsonl;
    QVERIFY(jsonl.open(QIODevice::WriteOnly));
    audit::AuditQuery everything;
    everything.platform = true;
    QVERIFY(cp.exportAudit(system, everything, audit::ExportFormat::JsonLines, jsonl));
    QByteArray trail = jsonl.data();
    for (const auto& t : tenants.value()) {
        QBuffer part;
        QVERIFY(part.open(QIODevice::WriteOnly));
        audit::AuditQuery q;
        q.tenantId = t.id;
        QVERIFY(cp.exportAudit(system, q, audit::ExportFormat::JsonLines, part));
        trail += part.data();
    }
    QVERIFY(trail.size() > 500000);
    int checked = 0;
    for (const demo::DemoAccount& a : r.accounts) {
        QVERIFY(!a.password.isEmpty());
        QVERIFY(!trail.contains(QByteArray(a.password.chars(), qsizetype(a.password.size()))));
        if (!a.totpSecret.isEmpty())
            QVERIFY(!trail.contains(a.totpSecret.toUtf8()));
        ++checked;
    }
    QVERIFY(checked >= 20);
    for (const demo::DemoToken& t : r.tokens)
        QVERIFY(!trail.contains(t.token.toUtf8()));

    // The credentials the report gives work: a member with a password, an owner with the second factor.
    const QByteArray text = r.credentialsText(m_store->config().storeId);
    QVERIFY(text.contains("(chosen at init)"));
    QVERIFY(!text.contains("a chosen owner passphrase"));
    test::ManualClock later(now + 2 * 60 * 1000);
    service::ControlPlane afterwards(*m_store, later);
    QVERIFY(afterwards.load());
    bool member = false, owner = false;
    for (const demo::DemoAccount& a : r.accounts) {
        QVERIFY(text.contains(a.username.toUtf8()));
        const bool isMember = a.role == QLatin1String("Member") && !member;
        const bool isOwner = a.role == QLatin1String("Tenant Owner") && !owner && !a.totpSecret.isEmpty();
        if (!isMember && !isOwner)
            continue;
        QString code;
        if (!a.totpSecret.isEmpty())
            code =
                crypto::totp::code(*encoding::fromBase32(a.totpSecret.toLower()), crypto::totp::stepAt(later.nowMs()));
        auto session = afterwards.signIn(service::Caller::withToken({}), a.tenant, a.username, a.password, code);
        QVERIFY2(session, session ? "" : qPrintable(a.username + QLatin1String(": ") + session.error().message));
        member |= isMember;
        owner |= isOwner;
    }
    QVERIFY(member && owner);
    auto root = afterwards.signIn(service::Caller::withToken({}), {}, QStringLiteral("root"),
                                  bytes("a chosen owner passphrase"));
    QVERIFY(root);
}

void TestDemoSeeder::refusesAStoreWithAnAdministrator()
{
    {
        service::ControlPlane cp(*m_store);
        QVERIFY(cp.load());
        QVERIFY(cp.bootstrapPlatformOwner(service::Caller::system(), QStringLiteral("root"),
                                          bytes("plum-orbit-canvas-tide")));
    }
    const qint64 before = audit::AuditLog(m_store->database()).count().value();
    demo::DemoOptions options;
    options.events = 1000;
    auto report = demo::DemoSeeder(*m_store).run(options);
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::Conflict);
    QVERIFY(report.error().message.contains(QLatin1String("new store")));
    QCOMPARE(audit::AuditLog(m_store->database()).count().value(), before);
}

void TestDemoSeeder::stopsWhenProgressSaysSo()
{
    demo::DemoOptions options;
    options.events = 5000;
    auto report = demo::DemoSeeder(*m_store).run(options, [](const demo::DemoProgress& p) { return p.events < 500; });
    QVERIFY(!report);
    QVERIFY(report.error().message.contains(QLatin1String("stopped")));
    const qint64 events = audit::AuditLog(m_store->database()).count().value();
    QVERIFY2(events >= 500 && events < 1000, qPrintable(QString::number(events)));
}

QTEST_GUILESS_MAIN(TestDemoSeeder)
#include "TestDemoSeeder.moc"
