// OIDC federation in the control plane: a tenant's provider and its client secret, validation, group mappings and
// who may change them, and local passwords turned off with the Tenant Owner's break-glass login kept.
#include "ControlPlaneFixture.h"
#include "identity/FederationConfig.h"
#include "identity/FederationJson.h"

#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;
namespace roles = authz::builtin;

namespace {

const char* kClientSecret = "oidc-client-secret-canary-7f3a";

identity::FederationConfig provider(const QString& tenantId)
{
    identity::FederationConfig c;
    c.tenantId = tenantId;
    c.issuer = QStringLiteral("https://idp.example.com/realms/acme");
    c.clientId = QStringLiteral("gatehouse");
    return c;
}

identity::GroupMapping mapping(const QString& group, const QString& roleId, const QString& workspaceId = {})
{
    identity::GroupMapping m;
    m.group = group;
    m.roleId = roleId;
    m.workspaceId = workspaceId;
    return m;
}

} // namespace

class TestFederation : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void setReadAndRemove();
    void clientSecretIsNeverReturnedNorStoredInClear();
    void badConfiguration_data();
    void badConfiguration();
    void claimPaths();
    void mappingsNeverGrantMoreThanTheCallerHolds();
    void badMappings();
    void providerChangeRefusedWhenFederatedUsersHoldMore();
    void localPasswordsOffKeepsTheOwnersBreakGlass();
    void federatedSignInRefusesUnknownState();

private:
    std::unique_ptr<ControlPlaneFixture> f;
};

void TestFederation::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
}

void TestFederation::setReadAndRemove()
{
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QCOMPARE(f->cp->federation(alice, f->tenantA).error().code, ErrorCode::NotFound);
    auto c = provider(f->tenantA);
    c.scopes << QStringLiteral("groups");
    c.claims.groups = QStringLiteral("org.groups");
    c.jitProvisioning = true;
    auto set = f->cp->setFederation(alice, c, secret(kClientSecret));
    QVERIFY2(set, qPrintable(set ? QString() : set.error().message));
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("oidc.provider.set"));
    QCOMPARE(e.outcome, QStringLiteral("success"));
    QCOMPARE(e.tenantId, f->tenantA);
    QCOMPARE(e.targetId, f->tenantA);
    QCOMPARE(e.details.value(QStringLiteral("issuer")).toString(), c.issuer);
    QCOMPARE(e.details.value(QStringLiteral("client_secret")).toString(), QStringLiteral("set"));
    auto read = f->cp->federation(alice, f->tenantA);
    QVERIFY(read);
    QCOMPARE(read.value().issuer, c.issuer);
    QCOMPARE(read.value().claims.groups, QStringLiteral("org.groups"));
    QVERIFY(read.value().clientSecretSet);
    QVERIFY(read.value().jitProvisioning);
    // A change without a secret keeps the one set.
    c.enabled = false;
    auto again = f->cp->setFederation(alice, c);
    QVERIFY(again);
    QVERIFY(again.value().clientSecretSet);
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("client_secret")).toString(), QStringLiteral("kept"));
    QVERIFY(!f->cp->federation(alice, f->tenantA).value().enabled);
    // Another tenant's provider does not exist for this owner.
    QCOMPARE(f->cp->federation(alice, f->tenantB).error().code, ErrorCode::NotFound);
    QVERIFY(f->cp->removeFederation(alice, f->tenantA));
    QCOMPARE(f->newestEvent().action, QStringLiteral("oidc.provider.remove"));
    QCOMPARE(f->cp->federation(alice, f->tenantA).error().code, ErrorCode::NotFound);
    QCOMPARE(f->cp->removeFederation(alice, f->tenantA).error().code, ErrorCode::NotFound);
}

void TestFederation::clientSecretIsNeverReturnedNorStoredInClear()
{
    QVERIFY(f->cp->setFederation(f->system, provider(f->tenantA), secret(kClientSecret)));
    const QByteArray canary(kClientSecret);
    // Not in what a read returns, in any form.
    const auto read = f->cp->federation(f->system, f->tenantA).value();
    QVERIFY(!QJsonDocument(identity::toJson(read)).toJson().contains(canary));
    // Not in the store's row in clear (it is sealed under the tenant key), nor anywhere in the audit trail.
    auto row = f->store->database().prepare("SELECT client_secret FROM oidc_providers WHERE tenant_id = ?;");
    QVERIFY(row);
    row.value().bind(1, f->tenantA);
    QVERIFY(row.value().step().value());
    const QByteArray sealed = row.value().blob(0);
    QVERIFY(sealed.size() > canary.size());
    QVERIFY(!sealed.contains(canary));
    auto events = f->store->database().prepare("SELECT count(*) FROM audit_events WHERE CAST(details AS BLOB) LIKE ?;");
    QVERIFY(events);
    events.value().bind(1, QStringLiteral("%oidc-client-secret-canary%"));
    QVERIFY(events.value().step().value());
    QCOMPARE(events.value().int64(0), 0);
}

void TestFederation::badConfiguration_data()
{
    QTest::addColumn<QString>("field");
    QTest::addColumn<QString>("value");
    QTest::addColumn<QString>("message");
    QTest::newRow("http issuer") << "issuer"
                                 << "http://idp.example.com"
                                 << "https://";
    QTest::newRow("issuer with query") << "issuer"
                                       << "https://idp.example.com/?a=b"
                                       << "without query";
    QTest::newRow("not a url") << "issuer"
                               << "idp.example.com"
                               << "https://";
    QTest::newRow("empty client id") << "client_id"
                                     << ""
                                     << "client id";
    QTest::newRow("client id with space") << "client_id"
                                          << "a b"
                                          << "client id";
    QTest::newRow("no openid scope") << "scopes"
                                     << "profile email"
                                     << "openid";
    QTest::newRow("bad scope") << "scopes"
                               << "openid a\"b"
                               << "is not a scope";
    QTest::newRow("bad claim path") << "claims.groups"
                                    << "org..groups"
                                    << "groups claim path";
    QTest::newRow("empty subject path") << "claims.subject"
                                        << ""
                                        << "subject claim path";
    QTest::newRow("bad ca") << "ca_pem"
                            << "not a certificate"
                            << "PEM certificate";
    QTest::newRow("exchange without audience") << "token_exchange"
                                               << ""
                                               << "audience";
}

void TestFederation::badConfiguration()
{
    QFETCH(QString, field);
    QFETCH(QString, value);
    QFETCH(QString, message);
    auto c = provider(f->tenantA);
    if (field == QLatin1String("issuer"))
        c.issuer = value;
    else if (field == QLatin1String("client_id"))
        c.clientId = value;
    else if (field == QLatin1String("scopes"))
        c.scopes = value.split(QLatin1Char(' '));
    else if (field == QLatin1String("claims.groups"))
        c.claims.groups = value;
    else if (field == QLatin1String("claims.subject"))
        c.claims.subject = value;
    else if (field == QLatin1String("ca_pem"))
        c.caPem = value;
    else if (field == QLatin1String("token_exchange"))
        c.tokenExchange = true;
    auto r = f->cp->setFederation(f->system, c);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(r.error().message.contains(message), qPrintable(r.error().message));
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("error"));
}

void TestFederation::claimPaths()
{
    // http only on loopback (a test provider, a provider on the same machine).
    auto c = provider(f->tenantA);
    c.issuer = QStringLiteral("http://127.0.0.1:8443/");
    QVERIFY(f->cp->setFederation(f->system, c));
    c.issuer = QStringLiteral("http://[::1]:8443");
    QVERIFY(f->cp->setFederation(f->system, c));
    const QJsonObject claims = QJsonDocument::fromJson(R"({"sub":"s1","org":{"groups":["ops","dev"],"team":"a"},
        "https://example.com/roles":["x"],"n":42,"groups":"single"})")
                                   .object();
    namespace cl = identity::claims;
    QCOMPARE(cl::listAt(claims, QStringLiteral("org.groups")),
             (QStringList{QStringLiteral("ops"), QStringLiteral("dev")}));
    QCOMPARE(cl::listAt(claims, QStringLiteral("groups")), QStringList{QStringLiteral("single")});
    QCOMPARE(cl::listAt(claims, QStringLiteral("https://example.com/roles")), QStringList{QStringLiteral("x")});
    QCOMPARE(cl::textAt(claims, QStringLiteral("org.team")), QStringLiteral("a"));
    QCOMPARE(cl::textAt(claims, QStringLiteral("n")), QStringLiteral("42"));
    QCOMPARE(cl::textAt(claims, QStringLiteral("org.missing")), QString());
    QCOMPARE(cl::textAt(claims, QStringLiteral("org")), QString()); // an object is not text
    QVERIFY(!cl::isValidPath(QStringLiteral(".a")));
    QVERIFY(!cl::isValidPath(QStringLiteral("a b")));
}

void TestFederation::mappingsNeverGrantMoreThanTheCallerHolds()
{
    const QString tadmin = f->addUser(f->tenantA, QStringLiteral("tadmin"), roles::kTenantAdmin);
    QVERIFY(!tadmin.isEmpty());
    const Caller admin = f->signIn(QStringLiteral("acme"), QStringLiteral("tadmin"));
    // A Tenant Admin cannot map a group to Tenant Owner: members of the group would hold more than the admin.
    auto up = f->cp->setGroupMappings(admin, f->tenantA, {mapping(QStringLiteral("owners"), roles::kTenantOwner)});
    QVERIFY(!up);
    QCOMPARE(up.error().code, ErrorCode::Forbidden);
    const audit::AuditEvent denied = f->newestEvent();
    QCOMPARE(denied.action, QStringLiteral("oidc.mapping.set"));
    QCOMPARE(denied.outcome, QStringLiteral("denied"));
    QCOMPARE(denied.targetId, f->tenantA);
    QVERIFY(f->cp->groupMappings(f->system, f->tenantA).value().isEmpty());
    // Member in a workspace is within what the admin holds.
    auto ok =
        f->cp->setGroupMappings(admin, f->tenantA, {mapping(QStringLiteral("developers"), roles::kMember, f->w1)});
    QVERIFY2(ok, qPrintable(ok ? QString() : ok.error().message));
    QCOMPARE(ok.value().size(), 1);
    const audit::AuditEvent added = f->newestEvent();
    QCOMPARE(added.outcome, QStringLiteral("success"));
    QCOMPARE(added.details.value(QStringLiteral("added")).toArray().size(), 1);
    // The owner maps a group to Tenant Owner; the admin then cannot take that mapping away either.
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(f->cp->setGroupMappings(alice, f->tenantA,
                                    {mapping(QStringLiteral("developers"), roles::kMember, f->w1),
                                     mapping(QStringLiteral("owners"), roles::kTenantOwner)}));
    auto removal =
        f->cp->setGroupMappings(admin, f->tenantA, {mapping(QStringLiteral("developers"), roles::kMember, f->w1)});
    QCOMPARE(removal.error().code, ErrorCode::Forbidden);
    QCOMPARE(f->cp->groupMappings(alice, f->tenantA).value().size(), 2);
    // The owner can.
    QVERIFY(f->cp->setGroupMappings(alice, f->tenantA, {}));
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("removed")).toArray().size(), 2);
}

void TestFederation::badMappings()
{
    auto unknownRole =
        f->cp->setGroupMappings(f->system, f->tenantA, {mapping(QStringLiteral("g"), QStringLiteral("rol_nope"))});
    QCOMPARE(unknownRole.error().code, ErrorCode::InvalidArgument);
    QVERIFY(unknownRole.error().message.contains(QStringLiteral("unknown role")));
    // A platform role is not a tenant's to map.
    auto platformRole =
        f->cp->setGroupMappings(f->system, f->tenantA, {mapping(QStringLiteral("g"), roles::kPlatformOwner)});
    QCOMPARE(platformRole.error().code, ErrorCode::InvalidArgument);
    // Another tenant's workspace does not exist here.
    auto otherWorkspace =
        f->cp->setGroupMappings(f->system, f->tenantA, {mapping(QStringLiteral("g"), roles::kMember, f->wb)});
    QCOMPARE(otherWorkspace.error().code, ErrorCode::InvalidArgument);
    auto badGroup =
        f->cp->setGroupMappings(f->system, f->tenantA, {mapping(QStringLiteral(" padded"), roles::kMember)});
    QCOMPARE(badGroup.error().code, ErrorCode::InvalidArgument);
}

void TestFederation::providerChangeRefusedWhenFederatedUsersHoldMore()
{
    // Carol may change settings but holds little else; Dave signs in at the provider and is a Tenant Owner.
    const Caller alice = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const auto role = f->cp->createRole(alice, f->tenantA, QStringLiteral("settings-keeper"), {},
                                        {QStringLiteral("settings.read"), QStringLiteral("settings.write")});
    QVERIFY(role);
    const QString carol = f->addUser(f->tenantA, QStringLiteral("carol"), role.value().id);
    QVERIFY(!carol.isEmpty());
    const QString dave = f->addUser(f->tenantA, QStringLiteral("dave"), roles::kTenantOwner);
    QVERIFY(f->cp->setFederation(alice, provider(f->tenantA), secret(kClientSecret)));
    auto link = f->store->database().prepare("INSERT INTO oidc_identities (user_id, tenant_id, issuer, subject, "
                                             "created_at, last_sign_in_at) VALUES (?, ?, ?, ?, 0, 0);");
    QVERIFY(link);
    link.value()
        .bind(1, dave)
        .bind(2, f->tenantA)
        .bind(3, provider(f->tenantA).issuer)
        .bind(4, QStringLiteral("dave-sub"));
    QVERIFY(link.value().run());
    const Caller carolCaller = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    // Pointing the tenant at another provider (or client, or CA, or secret) would let Carol vouch for Dave.
    auto other = provider(f->tenantA);
    other.issuer = QStringLiteral("https://evil.example.net");
    auto r = f->cp->setFederation(carolCaller, other);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Forbidden);
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("denied"));
    QVERIFY(f->newestEvent().details.contains(QStringLiteral("missing_permissions")));
    QCOMPARE(f->cp->setFederation(carolCaller, provider(f->tenantA), secret("another")).error().code,
             ErrorCode::Forbidden);
    QCOMPARE(f->cp->federation(alice, f->tenantA).value().issuer, provider(f->tenantA).issuer);
    // What does not change who vouches (scopes, provisioning) stays hers to change.
    auto scopes = provider(f->tenantA);
    scopes.scopes << QStringLiteral("groups");
    QVERIFY(f->cp->setFederation(carolCaller, scopes));
    // The owner may do all of it.
    QVERIFY(f->cp->setFederation(alice, other));
}

void TestFederation::localPasswordsOffKeepsTheOwnersBreakGlass()
{
    QVERIFY(!f->addUser(f->tenantA, QStringLiteral("mallory"), roles::kTenantAdmin).isEmpty());
    auto c = provider(f->tenantA);
    c.localPasswords = false;
    QVERIFY(f->cp->setFederation(f->system, c));
    auto refused = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("mallory"),
                                 secret(kPassword));
    QVERIFY(!refused);
    QCOMPARE(refused.error().code, ErrorCode::Unauthenticated);
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("auth.signin"));
    QCOMPARE(e.reason, QStringLiteral("local_password_disabled"));
    // The same answer as a wrong password.
    auto wrong = f->cp->signIn(ControlPlaneFixture::caller(QStringLiteral("10.0.0.9")), QStringLiteral("acme"),
                               QStringLiteral("mallory"), secret("not the password at all"));
    QCOMPARE(refused.error().message, wrong.error().message);
    // The Tenant Owner keeps a local login.
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                          secret(kPassword)));
    // Another tenant is not affected, and a disabled provider turns nothing off.
    QVERIFY(!f->addUser(f->tenantB, QStringLiteral("mallory"), roles::kTenantAdmin).isEmpty());
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("blue"), QStringLiteral("mallory"),
                          secret(kPassword)));
    c.enabled = false;
    QVERIFY(f->cp->setFederation(f->system, c));
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("mallory"),
                          secret(kPassword)));
}

void TestFederation::federatedSignInRefusesUnknownState()
{
    auto r = f->cp->completeFederatedSignIn(ControlPlaneFixture::caller(), QStringLiteral("made-up-state"),
                                            QStringLiteral("code"));
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("auth.oidc.signin"));
    QCOMPARE(e.reason, QStringLiteral("state_unknown"));
    const auto wrong = f->cp->signIn(ControlPlaneFixture::caller(QStringLiteral("10.0.0.9")), QStringLiteral("acme"),
                                     QStringLiteral("alice"), secret("not the password at all"));
    QCOMPARE(r.error().message, wrong.error().message); // the same answer as a wrong password
    // A tenant without a provider cannot start one.
    auto start = f->cp->beginFederatedSignIn(ControlPlaneFixture::caller(), QStringLiteral("acme"),
                                             QStringLiteral("http://127.0.0.1:1/callback"));
    QCOMPARE(start.error().code, ErrorCode::NotFound);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("federation_unavailable"));
}

QTEST_GUILESS_MAIN(TestFederation)
#include "TestFederation.moc"
