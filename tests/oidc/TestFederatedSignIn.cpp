// Federated sign-in end to end, through the control plane, against a real OpenID Certified provider (npm
// oidc-provider, tests/oidc/provider.mjs) on loopback over HTTPS with a test CA: start, the provider's login form
// driven by an HTTP client, callback, then an ordinary session. JIT provisioning with group -> role mappings, a group
// removed at the provider removes its role (never a hand-made binding), and the attacks on the flow itself: a state
// the server never gave, a replayed state, a code used twice, swapped states, and another tenant's provider.
#include "ControlPlaneFixture.h"
#include "OidcTestProvider.h"
#include "identity/FederationConfig.h"

#include <QDateTime>
#include <QDir>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QUrlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;
namespace roles = authz::builtin;

namespace {

const QString sourceDir = QStringLiteral(GATEHOUSE_SOURCE_DIR);
const QString redirectUri = QStringLiteral("http://127.0.0.1:49153/callback");

} // namespace

class TestFederatedSignIn : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void cleanupTestCase();
    void jitSignInWithMappedRoles();
    void removedGroupRemovesOnlyMappedRoles();
    void stateUsedOnceAndCodeUsedOnce();
    void swappedStatesRefused();
    void anotherTenantsProviderSignsNobodyIn();
    void neverLinkedToAnExistingUsername();

private:
    struct Flow
    {
        QString state;
        QUrl callback;
    };
    // Starts a sign-in at `tenant` and signs `username` in at the provider up to the redirect back.
    std::optional<Flow> authorize(const QString& tenant, const QString& username);
    Result<service::SignedIn> complete(const Flow& flow);
    identity::FederationConfig provider(const QString& tenantId) const;
    audit::AuditEvent newest(const QString& action);

    ControlPlaneFixture f;
    OidcTestProvider m_provider;
    QString m_issuer;
    QByteArray m_caPem;
};

void TestFederatedSignIn::initTestCase()
{
    if (!oidcProviderInstalled(sourceDir))
        QSKIP("oidc-provider is not installed: run `npm ci` in the source tree (CI always does)");
    // Tokens are checked against the control plane's clock: start it at the real time.
    f.clock = ManualClock(QDateTime::currentMSecsSinceEpoch());
    QVERIFY(f.setUp());
    QVERIFY(m_provider.start(sourceDir, f.dir.filePath(QStringLiteral("tls"))));
    m_issuer = m_provider.issuer();
    m_caPem = m_provider.caPem();

    // Acme signs its people in at the provider: developers are Members in W1, gatehouse-admins Tenant Admins.
    QVERIFY(f.cp->setFederation(f.system, provider(f.tenantA), secret("gatehouse-rs256-secret")));
    identity::GroupMapping dev;
    dev.group = QStringLiteral("developers");
    dev.roleId = roles::kMember;
    dev.workspaceId = f.w1;
    identity::GroupMapping admins;
    admins.group = QStringLiteral("gatehouse-admins");
    admins.roleId = roles::kTenantAdmin;
    QVERIFY(f.cp->setGroupMappings(f.system, f.tenantA, {dev, admins}));
}

void TestFederatedSignIn::cleanupTestCase()
{
    m_provider.stop();
}

identity::FederationConfig TestFederatedSignIn::provider(const QString& tenantId) const
{
    identity::FederationConfig c;
    c.tenantId = tenantId;
    c.issuer = m_issuer;
    c.clientId = QStringLiteral("gatehouse-rs256");
    c.caPem = QString::fromLatin1(m_caPem);
    c.scopes = {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile"), QStringLiteral("groups")};
    c.jitProvisioning = true;
    return c;
}

std::optional<TestFederatedSignIn::Flow> TestFederatedSignIn::authorize(const QString& tenant, const QString& username)
{
    auto start = f.cp->beginFederatedSignIn(ControlPlaneFixture::caller(), tenant, redirectUri);
    if (!start) {
        qWarning() << "start:" << start.error().message;
        return std::nullopt;
    }
    TestBrowser browser(m_provider.tls());
    const QUrl callback = browser.signIn(QUrl(start.value().authorizationUrl), username);
    if (callback.isEmpty()) {
        qWarning() << "browser:" << browser.failure;
        return std::nullopt;
    }
    // The provider sends the state back unchanged.
    if (QUrlQuery(callback).queryItemValue(QStringLiteral("state")) != start.value().state)
        return std::nullopt;
    return Flow{start.value().state, callback};
}

Result<service::SignedIn> TestFederatedSignIn::complete(const Flow& flow)
{
    return f.cp->completeFederatedSignIn(
        ControlPlaneFixture::caller(), flow.state,
        QUrlQuery(flow.callback).queryItemValue(QStringLiteral("code"), QUrl::FullyDecoded));
}

audit::AuditEvent TestFederatedSignIn::newest(const QString& action)
{
    audit::AuditQuery q;
    q.platform = true;
    q.allScopes = true;
    q.actionPrefix = action;
    q.limit = 1;
    return audit::AuditLog(f.store->database()).search(q).value().events.value(0);
}

void TestFederatedSignIn::jitSignInWithMappedRoles()
{
    const auto flow = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(flow);
    auto signedIn = complete(*flow);
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message));
    // An ordinary session: who-am-I answers, in Acme, as the provisioned user.
    const Caller bob = Caller::withToken(signedIn.value().token);
    auto me = f.cp->whoami(bob);
    QVERIFY(me);
    QCOMPARE(me.value().tenantId, f.tenantA);
    QCOMPARE(me.value().name, QStringLiteral("bob"));
    const QString bobId = me.value().id;
    auto user = f.cp->getUser(f.system, f.tenantA, bobId);
    QVERIFY(user);
    QCOMPARE(user.value().email, QStringLiteral("bob@example.test"));
    QCOMPARE(user.value().displayName, QStringLiteral("Bob Builder"));
    // developers -> Member in W1: Bob may list W1's secrets, not W2's.
    QVERIFY(f.cp->listSecrets(bob, f.tenantA, f.w1));
    QCOMPARE(f.cp->listSecrets(bob, f.tenantA, f.w2).error().code, ErrorCode::Forbidden);
    // Audited: the provisioning, the roles, the sign-in with the provider and subject.
    QCOMPARE(newest(QStringLiteral("oidc.user.provision")).targetId, bobId);
    QCOMPARE(newest(QStringLiteral("oidc.roles.sync")).details.value(QStringLiteral("added")).toArray().size(), 1);
    const audit::AuditEvent e = newest(QStringLiteral("auth.oidc.signin"));
    QCOMPARE(e.outcome, QStringLiteral("success"));
    QCOMPARE(e.details.value(QStringLiteral("issuer")).toString(), m_issuer);
    QCOMPARE(e.details.value(QStringLiteral("subject")).toString(), QStringLiteral("bob"));
    // The session records the provider and the subject it was opened on.
    auto recorded = f.store->database().prepare("SELECT issuer, subject FROM oidc_sessions WHERE session_id = ?;");
    QVERIFY(recorded);
    recorded.value().bind(1, signedIn.value().principal.sessionId);
    QVERIFY(recorded.value().step().value());
    QCOMPARE(recorded.value().text(0), m_issuer);
    QCOMPARE(recorded.value().text(1), QStringLiteral("bob"));
    // Revocable like any session.
    QVERIFY(f.cp->signOut(bob));
    QCOMPARE(f.cp->whoami(bob).error().code, ErrorCode::Unauthenticated);
    // A federated user has no password anyone knows.
    QCOMPARE(f.cp->signIn(ControlPlaneFixture::caller(QStringLiteral("10.1.1.1")), QStringLiteral("acme"),
                          QStringLiteral("bob"), secret(""))
                 .error()
                 .code,
             ErrorCode::Unauthenticated);
}

void TestFederatedSignIn::removedGroupRemovesOnlyMappedRoles()
{
    auto first = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(first);
    auto signedIn = complete(*first);
    QVERIFY(signedIn);
    const QString bobId = signedIn.value().principal.id;
    // An administrator grants Bob a role by hand.
    QVERIFY(f.cp->createBinding(f.system, f.tenantA, QStringLiteral("user"), bobId, roles::kSecurityReviewer));
    const auto rolesOf = [&] {
        QStringList out;
        for (const authz::Binding& b : f.cp->authorizer().bindingsOf(bobId))
            out << b.roleId;
        out.sort();
        return out;
    };
    QVERIFY(rolesOf().contains(roles::kMember));
    // The provider takes Bob out of developers: the mapped role goes at his next sign-in, the hand-made one stays.
    m_provider.control(QStringLiteral("/control/users/bob"), {{QStringLiteral("groups"), QJsonArray()}});
    auto second = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(second);
    auto again = complete(*second);
    m_provider.control(QStringLiteral("/control/users/bob"),
                       {{QStringLiteral("groups"), QJsonArray{QStringLiteral("developers")}}});
    QVERIFY(again);
    QCOMPARE(rolesOf(), QStringList{roles::kSecurityReviewer});
    QCOMPARE(newest(QStringLiteral("oidc.roles.sync")).details.value(QStringLiteral("removed")).toArray().size(), 1);
    // Back in the group, back in the role.
    auto third = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(third);
    QVERIFY(complete(*third));
    QCOMPARE(rolesOf(), (QStringList{roles::kMember, roles::kSecurityReviewer}));
}

void TestFederatedSignIn::stateUsedOnceAndCodeUsedOnce()
{
    auto flow = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(flow);
    QVERIFY(complete(*flow));
    // The same callback again: the state is used up.
    auto replay = complete(*flow);
    QCOMPARE(replay.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(newest(QStringLiteral("auth.oidc.signin")).reason, QStringLiteral("state_unknown"));
    // The used code with a fresh state: the provider refuses it (and it was bound to the other sign-in's PKCE).
    auto start = f.cp->beginFederatedSignIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), redirectUri);
    QVERIFY(start);
    Flow reused{start.value().state, flow->callback};
    auto again = complete(reused);
    QCOMPARE(again.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(newest(QStringLiteral("auth.oidc.signin")).reason, QStringLiteral("code_exchange"));
    // A state the server never gave.
    auto forged = f.cp->completeFederatedSignIn(ControlPlaneFixture::caller(), QStringLiteral("forged-state"),
                                                QStringLiteral("forged-code"));
    QCOMPARE(forged.error().code, ErrorCode::Unauthenticated);
}

void TestFederatedSignIn::swappedStatesRefused()
{
    // Two sign-ins under way; the callback of one presented with the other's state (a login CSRF): its code was
    // issued for the other's PKCE challenge and nonce, so nothing signs in.
    auto one = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    auto two = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(one && two);
    Flow mixed{two->state, one->callback};
    auto r = complete(mixed);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
    const audit::AuditEvent e = newest(QStringLiteral("auth.oidc.signin"));
    QCOMPARE(e.outcome, QStringLiteral("denied"));
    QVERIFY2(e.reason == QLatin1String("code_exchange") || e.reason.startsWith(QLatin1String("token_")),
             qPrintable(e.reason));
}

void TestFederatedSignIn::anotherTenantsProviderSignsNobodyIn()
{
    // Blue uses the same provider and client, without provisioning: Acme's federated Bob is nobody there.
    const QString blueBob = f.userId(f.tenantB, QStringLiteral("bob")); // Blue's Tenant Owner, a local user
    QVERIFY(!blueBob.isEmpty());
    auto blue = provider(f.tenantB);
    blue.jitProvisioning = false;
    QVERIFY(f.cp->setFederation(f.system, blue, secret("gatehouse-rs256-secret")));
    auto flow = authorize(QStringLiteral("blue"), QStringLiteral("bob"));
    QVERIFY(flow);
    auto r = complete(*flow);
    QVERIFY(!r);
    QCOMPARE(r.error().code, ErrorCode::Unauthenticated);
    const audit::AuditEvent e = newest(QStringLiteral("auth.oidc.signin"));
    QCOMPARE(e.reason, QStringLiteral("not_provisioned"));
    QCOMPARE(e.tenantId, f.tenantB);
    // And an Acme sign-in's state always lands in Acme, whatever other tenant shares the provider.
    auto acme = authorize(QStringLiteral("acme"), QStringLiteral("bob"));
    QVERIFY(acme);
    auto signedIn = complete(*acme);
    QVERIFY(signedIn);
    QCOMPARE(signedIn.value().principal.tenantId, f.tenantA);
    // Blue's own bob (its Tenant Owner) is not the provider's bob, even when Blue provisions at first sign-in.
    QCOMPARE(f.userId(f.tenantB, QStringLiteral("bob")), blueBob);
    blue.jitProvisioning = true;
    QVERIFY(f.cp->setFederation(f.system, blue));
    auto provisioning = authorize(QStringLiteral("blue"), QStringLiteral("bob"));
    QVERIFY(provisioning);
    QCOMPARE(complete(*provisioning).error().code, ErrorCode::Unauthenticated);
    QCOMPARE(newest(QStringLiteral("auth.oidc.signin")).reason, QStringLiteral("username_taken"));
    QVERIFY(f.cp->removeFederation(f.system, f.tenantB));
}

void TestFederatedSignIn::neverLinkedToAnExistingUsername()
{
    // The provider's alice says preferred_username "alice": Acme's own alice (its Tenant Owner) is not handed over.
    auto flow = authorize(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(flow);
    auto r = complete(*flow);
    QVERIFY(!r);
    QCOMPARE(newest(QStringLiteral("auth.oidc.signin")).reason, QStringLiteral("username_taken"));
    // Under another name she is provisioned, a Tenant Admin by her group; her provider used a second factor (amr otp),
    // which meets Acme's MFA requirement for administrators.
    m_provider.control(QStringLiteral("/control/users/alice"),
                       {{QStringLiteral("preferred_username"), QStringLiteral("alice-idp")}});
    auto second = authorize(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(second);
    auto signedIn = complete(*second);
    QVERIFY2(signedIn, qPrintable(signedIn ? QString() : signedIn.error().message));
    QCOMPARE(signedIn.value().principal.name, QStringLiteral("alice-idp"));
    QVERIFY(!signedIn.value().mfaEnrollmentRequired);
    QVERIFY(newest(QStringLiteral("auth.oidc.signin")).details.value(QStringLiteral("provider_mfa")).toBool());
}

QTEST_GUILESS_MAIN(TestFederatedSignIn)
#include "TestFederatedSignIn.moc"
