// The tenancy, identity, authorization and secret routes, driven through ApiService::handle() in process: what a
// client sends, what it gets back (status, problem type, ETag, Location, JSON), and that no answer other than a
// reveal ever carries a secret value, a token secret or a password.
#include "ContractRecorder.h"
#include "ControlPlaneFixture.h"
#include "api/ApiService.h"
#include "api/TlsCertificate.h"
#include "crypto/Ed25519.h"

#include <QCryptographicHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using api::HttpRequest;
using api::HttpResponse;
namespace roles = authz::builtin;

namespace {

// Passwords and values sent by the tests. Each is distinctive, so finding it in an answer is never chance.
const char* kNewPassword = "quartz-lantern-meadow-41";
const char* kOtherPassword = "saffron-harbour-pylon-77";
const char* kValueOne = "canary-one-5d1e9a";
// Quotes, a backslash, control characters and non-ASCII: the reveal must carry them exactly.
const char* kValueTwo = "canary-two-8c42 \"quoted\" back\\slash\n\ttab \xc3\xbcml\xc3\xa4ut \xe2\x9c\x93";
const char* kValueTwoCanary = "canary-two-8c42";
const char* kValueThree = "canary-three-71b0";

QString problemType(const char* slug)
{
    return QStringLiteral("urn:gatehouse:problem:") + QLatin1String(slug);
}

QByteArray pct(const QString& segment)
{
    return QUrl::toPercentEncoding(segment);
}

} // namespace

class TestApiRoutes : public QObject
{
    Q_OBJECT

    struct Reply
    {
        HttpResponse response;
        int status() const { return response.status; }
        QJsonObject json() const { return QJsonDocument::fromJson(response.body).object(); }
        QJsonArray items() const { return json().value(QStringLiteral("items")).toArray(); }
        QString type() const { return json().value(QStringLiteral("type")).toString(); }
        QString detail() const { return json().value(QStringLiteral("detail")).toString(); }
        QByteArray etag() const { return response.header("ETag"); }
        QByteArray location() const { return response.header("Location"); }
    };

    // Everything an answer sent, and which sensitive strings it may hold (a reveal its value, an issued token its
    // secret).
    struct Recorded
    {
        QByteArray what;
        QByteArray bytes;
        QList<QByteArray> allowed;
    };

private slots:
    void init();
    void cleanup();

    void everyRouteOfTheTableIsRegistered();

    void tenants();
    void tenantSettings();
    void workspaces();
    void tenantUsers();
    void platformUsers();
    void integrationsAndTokens();
    void rolesBindingsAndQuestions();
    void platformBindings();
    void secrets();
    void secretNamesAreOnePathSegment();
    void secretsDueAndRotation();
    void boundariesAndOwnership();
    void controlHistoryOverHttps();
    void evidenceReportOverHttps();
    void forwardingOverHttps();
    void forwardingUpdateOverHttps();
    void oidcConfigurationOverHttps();
    void auditByRequestIdAndOutcomes();
    void auditVerifiesARange();

    void missingOrMistypedField_data();
    void missingOrMistypedField();
    void unknownFieldIsRefusedByEveryBody();
    void bodyIsRefusedWhereNoneIsTaken();
    void emptyUpdatesAreRefused();
    void unknownQueryValuesAreRefused_data();
    void unknownQueryValuesAreRefused();
    void otherTenantsObjectsAreNotFound_data();
    void otherTenantsObjectsAreNotFound();
    void noTokenIsUnauthenticated_data();
    void noTokenIsUnauthenticated();
    void roleWithoutThePermissionIsForbidden_data();
    void roleWithoutThePermissionIsForbidden();

private:
    Reply call(const QByteArray& method, const QByteArray& target, const QString& token, const QJsonObject& body = {},
               const api::HeaderList& headers = {});
    // The body exactly as given (JSON or not).
    Reply callRaw(const QByteArray& method, const QByteArray& target, const QString& token, const QByteArray& body,
                  const api::HeaderList& headers = {});
    // `route`'s pattern with every {parameter} filled in: tenant A, W1, alice, or a made-up id.
    QByteArray fill(const api::Route& route);
    Reply callWithIfMatch(const QByteArray& method, const QByteArray& target, const QString& token,
                          const QByteArray& etag, const QJsonObject& body = {});
    // The last answer may hold `value` (a reveal, an issued token).
    void allowInLastReply(const QByteArray& value) { m_recorded.last().allowed << value; }
    // Sessions, signed in on first use: each sign-in hashes a password, and most cases need one or two.
    QString session(const QString& tenantName, const QString& username)
    {
        if (!m_sessions.contains(username))
            m_sessions.insert(username, f->signIn(tenantName, username).token);
        return m_sessions.value(username);
    }
    QString root() { return session({}, QStringLiteral("root")); }
    QString alice() { return session(QStringLiteral("acme"), QStringLiteral("alice")); }
    QString bob() { return session(QStringLiteral("blue"), QStringLiteral("bob")); }
    // mia: Member in W1 only.
    QString member()
    {
        if (!m_sessions.contains(QStringLiteral("mia")))
            f->addUser(f->tenantA, QStringLiteral("mia"), roles::kMember, f->w1);
        return session(QStringLiteral("acme"), QStringLiteral("mia"));
    }
    // tom: Tenant Admin.
    QString admin()
    {
        if (!m_sessions.contains(QStringLiteral("tom")))
            f->addUser(f->tenantA, QStringLiteral("tom"), roles::kTenantAdmin);
        return session(QStringLiteral("acme"), QStringLiteral("tom"));
    }
    QByteArray tenantPath(const QString& tenantId) const { return "/api/v1/tenants/" + pct(tenantId); }
    QByteArray secretsPath() const { return tenantPath(f->tenantA) + "/workspaces/" + pct(f->w1) + "/secrets"; }

    std::unique_ptr<ControlPlaneFixture> f;
    std::unique_ptr<api::ApiService> m_api;
    api::StreamStarter m_noStreams;
    bool m_streamStarted = false;
    QList<Recorded> m_recorded;
    QList<QByteArray> m_sensitive;
    QHash<QString, QString> m_sessions; // username -> session token
};

void TestApiRoutes::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    api::ApiConfig config;
    config.addressRate = 0; // every request of a test comes from one address
    config.tokenRate = 0;
    config.tls = false;
    m_api = std::make_unique<api::ApiService>(*f->cp, config);
    m_streamStarted = false;
    m_noStreams = [this](HttpResponse) -> std::shared_ptr<api::ResponseStream> {
        m_streamStarted = true;
        QTest::qFail("none of these routes streams its answer", __FILE__, __LINE__);
        return nullptr;
    };
    m_recorded.clear();
    m_sensitive = {kPassword, kNewPassword, kOtherPassword, kValueOne, kValueTwoCanary, kValueThree};
    m_sessions.clear();
}

void TestApiRoutes::cleanup()
{
    QVERIFY(!m_streamStarted);
    // No answer but a reveal (or an issued token's) ever holds a value, a token secret or a password.
    for (const Recorded& r : std::as_const(m_recorded)) {
        for (const QByteArray& s : std::as_const(m_sensitive)) {
            if (!r.allowed.contains(s))
                QVERIFY2(!r.bytes.contains(s), (r.what + " answered with a secret: " + r.bytes.left(300)).constData());
        }
    }
    m_api.reset();
    f.reset();
}

TestApiRoutes::Reply TestApiRoutes::call(const QByteArray& method, const QByteArray& target, const QString& token,
                                         const QJsonObject& body, const api::HeaderList& headers)
{
    HttpRequest request;
    request.method = method;
    request.target = target;
    const qsizetype q = target.indexOf('?');
    request.rawPath = q < 0 ? target : target.left(q);
    if (q >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    if (!token.isEmpty())
        request.headers.append({QByteArray("authorization"), "Bearer " + token.toLatin1()});
    for (const auto& h : headers)
        request.headers.append(h);
    if (!body.isEmpty())
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
    return callRaw(method, target, token, request.body, headers);
}

TestApiRoutes::Reply TestApiRoutes::callRaw(const QByteArray& method, const QByteArray& target, const QString& token,
                                            const QByteArray& body, const api::HeaderList& headers)
{
    HttpRequest request;
    request.method = method;
    request.target = target;
    const qsizetype q = target.indexOf('?');
    request.rawPath = q < 0 ? target : target.left(q);
    if (q >= 0)
        request.query = QUrlQuery(QString::fromUtf8(target.mid(q + 1)));
    if (!token.isEmpty())
        request.headers.append({QByteArray("authorization"), "Bearer " + token.toLatin1()});
    for (const auto& h : headers)
        request.headers.append(h);
    if (!body.isEmpty()) {
        request.body = body;
        if (!request.hasHeader("content-type"))
            request.headers.append({QByteArray("content-type"), QByteArray("application/json")});
    }
    api::ConnectionInfo connection;
    connection.peerAddress = QStringLiteral("127.0.0.1");
    Reply reply{m_api->handle(request, connection, m_noStreams)};
    m_api->awaitHeld(reply.response); // as the connection holds the answer
    recordExchange({method, target, request.header("content-type"), request.body, reply.response.status,
                    reply.response.header("Content-Type"), reply.response.body,
                    reply.response.sent || bool(reply.response.stream)});
    QByteArray everything;
    for (const auto& h : reply.response.headers)
        everything += h.first + ": " + h.second + "\n";
    everything += reply.response.body;
    m_recorded.append(Recorded{method + ' ' + target, everything, {}});
    return reply;
}

TestApiRoutes::Reply TestApiRoutes::callWithIfMatch(const QByteArray& method, const QByteArray& target,
                                                    const QString& token, const QByteArray& etag,
                                                    const QJsonObject& body)
{
    return call(method, target, token, body, {{"if-match", etag}});
}

// --- the route table ------------------------------------------------------------------------------------------

void TestApiRoutes::everyRouteOfTheTableIsRegistered()
{
    // The API's route table (v1), written out here independently of the route files: method, path, operationId.
    const QString t = QStringLiteral("/api/v1/tenants/{tenant}");
    const QString ws = t + QStringLiteral("/workspaces/{workspace}");
    const QString sec = ws + QStringLiteral("/secrets/{name}");
    const QString pf = QStringLiteral("/api/v1/platform");
    const QList<std::tuple<const char*, QString, const char*>> table{
        // already written: operations, sign-in, audit
        {"GET", QStringLiteral("/healthz"), "health"},
        {"GET", QStringLiteral("/readyz"), "ready"},
        {"GET", QStringLiteral("/metrics"), "metrics"},
        {"GET", QStringLiteral("/api/v1/openapi.json"), "openapi"},
        {"POST", QStringLiteral("/api/v1/auth/login"), "login"},
        {"POST", QStringLiteral("/api/v1/auth/logout"), "logout"},
        {"GET", QStringLiteral("/api/v1/auth/whoami"), "whoami"},
        {"POST", QStringLiteral("/api/v1/auth/password"), "changeOwnPassword"},
        {"POST", QStringLiteral("/api/v1/auth/mfa/totp"), "beginTotpEnrollment"},
        {"POST", QStringLiteral("/api/v1/auth/mfa/totp/confirm"), "confirmTotpEnrollment"},
        {"POST", QStringLiteral("/api/v1/auth/mfa/totp/remove"), "removeTotp"},
        {"POST", QStringLiteral("/api/v1/auth/mfa/recovery-codes"), "regenerateRecoveryCodes"},
        {"GET", QStringLiteral("/api/v1/audit/events"), "listPlatformAuditEvents"},
        {"GET", t + QStringLiteral("/audit/events"), "listTenantAuditEvents"},
        {"GET", QStringLiteral("/api/v1/audit/histogram"), "platformAuditHistogram"},
        {"GET", t + QStringLiteral("/audit/histogram"), "tenantAuditHistogram"},
        {"GET", QStringLiteral("/api/v1/audit/stream"), "streamPlatformAuditEvents"},
        {"GET", t + QStringLiteral("/audit/stream"), "streamTenantAuditEvents"},
        {"GET", QStringLiteral("/api/v1/audit/export"), "exportPlatformAuditEvents"},
        {"GET", t + QStringLiteral("/audit/export"), "exportTenantAuditEvents"},
        {"POST", QStringLiteral("/api/v1/audit/verify"), "verifyAudit"},
        {"POST", QStringLiteral("/api/v1/audit/checkpoints"), "signAuditCheckpoint"},
        {"GET", QStringLiteral("/api/v1/audit/public-key"), "auditPublicKey"},
        // tenants, settings, workspaces
        {"GET", QStringLiteral("/api/v1/tenants"), "listTenants"},
        {"POST", QStringLiteral("/api/v1/tenants"), "createTenant"},
        {"GET", t, "getTenant"},
        {"PATCH", t, "updateTenant"},
        {"DELETE", t, "deleteTenant"},
        {"GET", t + QStringLiteral("/settings"), "getTenantSettings"},
        {"PUT", t + QStringLiteral("/settings"), "updateTenantSettings"},
        {"GET", t + QStringLiteral("/workspaces"), "listWorkspaces"},
        {"POST", t + QStringLiteral("/workspaces"), "createWorkspace"},
        {"GET", ws, "getWorkspace"},
        {"PATCH", ws, "updateWorkspace"},
        {"DELETE", ws, "deleteWorkspace"},
        // users of a tenant
        {"GET", t + QStringLiteral("/users"), "listUsers"},
        {"POST", t + QStringLiteral("/users"), "createUser"},
        {"GET", t + QStringLiteral("/users/{user}"), "getUser"},
        {"PATCH", t + QStringLiteral("/users/{user}"), "updateUser"},
        {"DELETE", t + QStringLiteral("/users/{user}"), "deleteUser"},
        {"POST", t + QStringLiteral("/users/{user}/lock"), "lockUser"},
        {"POST", t + QStringLiteral("/users/{user}/unlock"), "unlockUser"},
        {"POST", t + QStringLiteral("/users/{user}/disable"), "disableUser"},
        {"POST", t + QStringLiteral("/users/{user}/enable"), "enableUser"},
        {"POST", t + QStringLiteral("/users/{user}/reset-mfa"), "resetUserMfa"},
        {"POST", t + QStringLiteral("/users/{user}/end-sessions"), "endUserSessions"},
        {"POST", t + QStringLiteral("/users/{user}/reset-password"), "resetUserPassword"},
        // platform administrators
        {"GET", pf + QStringLiteral("/users"), "listPlatformUsers"},
        {"POST", pf + QStringLiteral("/users"), "createPlatformUser"},
        {"GET", pf + QStringLiteral("/users/{user}"), "getPlatformUser"},
        {"PATCH", pf + QStringLiteral("/users/{user}"), "updatePlatformUser"},
        {"DELETE", pf + QStringLiteral("/users/{user}"), "deletePlatformUser"},
        {"POST", pf + QStringLiteral("/users/{user}/lock"), "lockPlatformUser"},
        {"POST", pf + QStringLiteral("/users/{user}/unlock"), "unlockPlatformUser"},
        {"POST", pf + QStringLiteral("/users/{user}/disable"), "disablePlatformUser"},
        {"POST", pf + QStringLiteral("/users/{user}/enable"), "enablePlatformUser"},
        {"POST", pf + QStringLiteral("/users/{user}/reset-mfa"), "resetPlatformUserMfa"},
        {"POST", pf + QStringLiteral("/users/{user}/end-sessions"), "endPlatformUserSessions"},
        {"POST", pf + QStringLiteral("/users/{user}/reset-password"), "resetPlatformUserPassword"},
        // integrations and tokens
        {"GET", t + QStringLiteral("/integrations"), "listIntegrations"},
        {"POST", t + QStringLiteral("/integrations"), "createIntegration"},
        {"PATCH", t + QStringLiteral("/integrations/{integration}"), "updateIntegration"},
        {"DELETE", t + QStringLiteral("/integrations/{integration}"), "deleteIntegration"},
        {"PUT", t + QStringLiteral("/integrations/{integration}/certificate"), "bindIntegrationCertificate"},
        {"DELETE", t + QStringLiteral("/integrations/{integration}/certificate"), "unbindIntegrationCertificate"},
        {"PUT", t + QStringLiteral("/integrations/{integration}/federated-subject"), "linkIntegrationSubject"},
        {"DELETE", t + QStringLiteral("/integrations/{integration}/federated-subject"), "unlinkIntegrationSubject"},
        {"GET", t + QStringLiteral("/integrations/{integration}/tokens"), "listTokens"},
        {"POST", t + QStringLiteral("/integrations/{integration}/tokens"), "issueToken"},
        {"DELETE", t + QStringLiteral("/integrations/{integration}/tokens/{token}"), "revokeToken"},
        // roles, bindings, questions
        {"GET", t + QStringLiteral("/roles"), "listRoles"},
        {"POST", t + QStringLiteral("/roles"), "createRole"},
        {"GET", t + QStringLiteral("/roles/{role}"), "getRole"},
        {"PATCH", t + QStringLiteral("/roles/{role}"), "updateRole"},
        {"DELETE", t + QStringLiteral("/roles/{role}"), "deleteRole"},
        {"GET", t + QStringLiteral("/bindings"), "listBindings"},
        {"POST", t + QStringLiteral("/bindings"), "createBinding"},
        {"DELETE", t + QStringLiteral("/bindings/{binding}"), "deleteBinding"},
        {"GET", pf + QStringLiteral("/bindings"), "listPlatformBindings"},
        {"POST", pf + QStringLiteral("/bindings"), "createPlatformBinding"},
        {"DELETE", pf + QStringLiteral("/bindings/{binding}"), "deletePlatformBinding"},
        {"POST", t + QStringLiteral("/authz/check"), "checkAccess"},
        {"POST", t + QStringLiteral("/authz/explain"), "explainAccess"},
        // secrets
        {"GET", ws + QStringLiteral("/secrets"), "listSecrets"},
        {"POST", ws + QStringLiteral("/secrets"), "createSecret"},
        {"GET", sec, "getSecret"},
        {"PUT", sec, "updateSecretValue"},
        {"DELETE", sec, "deleteSecret"},
        {"POST", sec + QStringLiteral("/undelete"), "undeleteSecret"},
        {"POST", sec + QStringLiteral("/reveal"), "revealSecret"},
        {"GET", sec + QStringLiteral("/versions"), "listSecretVersions"},
        {"POST", sec + QStringLiteral("/restore"), "restoreSecretVersion"},
        {"DELETE", sec + QStringLiteral("/versions/{version}"), "destroySecretVersion"},
        {"POST", sec + QStringLiteral("/rotated"), "markSecretRotated"},
        {"GET", t + QStringLiteral("/secrets/due"), "listDueSecrets"},
        // trust boundaries and ownership
        {"GET", QStringLiteral("/api/v1/boundaries"), "listBoundaries"},
        {"GET", QStringLiteral("/api/v1/boundaries/{boundary}"), "getBoundary"},
        {"GET", QStringLiteral("/api/v1/boundaries/{boundary}/controls/{control}"), "getBoundaryControl"},
        {"GET", QStringLiteral("/api/v1/boundaries/{boundary}/controls/{control}/history"),
         "getBoundaryControlHistory"},
        {"POST", QStringLiteral("/api/v1/boundaries/checks"), "runBoundaryChecks"},
        {"POST", QStringLiteral("/api/v1/evidence"), "generateEvidence"},
        {"GET", QStringLiteral("/api/v1/forwarding"), "getPlatformForwarding"},
        {"POST", QStringLiteral("/api/v1/forwarding/destinations"), "createPlatformForwardDestination"},
        {"DELETE", QStringLiteral("/api/v1/forwarding/destinations/{destination}"), "deletePlatformForwardDestination"},
        {"PATCH", QStringLiteral("/api/v1/forwarding/destinations/{destination}"), "updatePlatformForwardDestination"},
        {"GET", t + QStringLiteral("/forwarding"), "getTenantForwarding"},
        {"GET", t + QStringLiteral("/oidc"), "getTenantOidc"},
        {"PUT", t + QStringLiteral("/oidc"), "setTenantOidc"},
        {"DELETE", t + QStringLiteral("/oidc"), "deleteTenantOidc"},
        {"GET", t + QStringLiteral("/oidc/group-mappings"), "getTenantOidcGroupMappings"},
        {"PUT", t + QStringLiteral("/oidc/group-mappings"), "setTenantOidcGroupMappings"},
        {"POST", QStringLiteral("/api/v1/auth/oidc/start"), "startOidcSignIn"},
        {"POST", QStringLiteral("/api/v1/auth/oidc/callback"), "completeOidcSignIn"},
        {"POST", QStringLiteral("/api/v1/auth/oidc/token"), "exchangeOidcToken"},
        {"POST", t + QStringLiteral("/forwarding/destinations"), "createTenantForwardDestination"},
        {"DELETE", t + QStringLiteral("/forwarding/destinations/{destination}"), "deleteTenantForwardDestination"},
        {"PATCH", t + QStringLiteral("/forwarding/destinations/{destination}"), "updateTenantForwardDestination"},
        {"GET", QStringLiteral("/api/v1/ownership"), "getOwnership"},
        {"PUT", QStringLiteral("/api/v1/ownership"), "updateOwnership"},
    };
    QStringList expected;
    for (const auto& [method, path, operationId] : table)
        expected << QStringLiteral("%1 %2 %3").arg(QLatin1String(method), path, QLatin1String(operationId));
    QStringList registered;
    QSet<QString> operationIds;
    for (const api::Route& r : m_api->router().routes()) {
        registered << QStringLiteral("%1 %2 %3").arg(QString::fromLatin1(r.method), r.pattern, r.operationId);
        QVERIFY2(!operationIds.contains(r.operationId), qPrintable(r.operationId));
        operationIds.insert(r.operationId);
    }
    expected.sort();
    registered.sort();
    QCOMPARE(registered, expected);
}

// --- happy paths ----------------------------------------------------------------------------------------------

void TestApiRoutes::tenants()
{
    auto list = call("GET", "/api/v1/tenants", root());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 2);
    QVERIFY(list.json().value(QStringLiteral("next_cursor")).isNull());
    auto page = call("GET", "/api/v1/tenants?limit=1", root());
    QCOMPARE(page.items().size(), 1);
    const QString cursor = page.json().value(QStringLiteral("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    auto next = call("GET", "/api/v1/tenants?limit=1&cursor=" + cursor.toLatin1(), root());
    QCOMPARE(next.items().size(), 1);
    QVERIFY(next.items()[0].toObject() != page.items()[0].toObject());

    auto made = call("POST", "/api/v1/tenants", root(),
                     {{QStringLiteral("name"), QStringLiteral("cyan")},
                      {QStringLiteral("display_name"), QStringLiteral("Cyan Ltd")},
                      {QStringLiteral("owner_username"), QStringLiteral("carol")},
                      {QStringLiteral("owner_password"), QString::fromLatin1(kNewPassword)}});
    QCOMPARE(made.status(), 201);
    const QJsonObject tenant = made.json();
    const QString id = tenant.value(QStringLiteral("id")).toString();
    QCOMPARE(tenant.value(QStringLiteral("name")).toString(), QStringLiteral("cyan"));
    QCOMPARE(tenant.value(QStringLiteral("display_name")).toString(), QStringLiteral("Cyan Ltd"));
    QCOMPARE(tenant.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(tenant.value(QStringLiteral("created_at")).toInteger(), f->clock.nowMs());
    QCOMPARE(made.location(), tenantPath(id));
    QVERIFY(!made.etag().isEmpty());
    // The owner was created with the password: it signs in.
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("cyan"), QStringLiteral("carol"),
                          secret(kNewPassword)));

    auto read = call("GET", made.location(), root());
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.json(), tenant);
    QCOMPARE(read.etag(), made.etag());

    auto renamed = callWithIfMatch("PATCH", made.location(), root(), read.etag(),
                                   {{QStringLiteral("display_name"), QStringLiteral("Cyan Group")}});
    QCOMPARE(renamed.status(), 200);
    QCOMPARE(renamed.json().value(QStringLiteral("display_name")).toString(), QStringLiteral("Cyan Group"));
    QVERIFY(renamed.etag() != read.etag());
    QCOMPARE(call("GET", made.location(), root()).etag(), renamed.etag());

    // The ETag read before the rename is stale now; the answer carries the current one, which then works.
    auto stale = callWithIfMatch("PATCH", made.location(), root(), read.etag(), {{QStringLiteral("suspended"), true}});
    QCOMPARE(stale.status(), 412);
    QCOMPARE(stale.type(), problemType("precondition-failed"));
    QCOMPARE(stale.etag(), renamed.etag());
    QCOMPARE(call("GET", made.location(), root()).json().value(QStringLiteral("status")).toString(),
             QStringLiteral("active"));
    auto suspended =
        callWithIfMatch("PATCH", made.location(), root(), stale.etag(), {{QStringLiteral("suspended"), true}});
    QCOMPARE(suspended.status(), 200);
    QCOMPARE(suspended.json().value(QStringLiteral("status")).toString(), QStringLiteral("suspended"));

    auto both = call("PATCH", made.location(), root(),
                     {{QStringLiteral("display_name"), QStringLiteral("X")}, {QStringLiteral("suspended"), false}});
    QCOMPARE(both.status(), 400);
    QCOMPARE(both.type(), problemType("invalid-request"));

    auto unconfirmed = call("DELETE", made.location(), root());
    QCOMPARE(unconfirmed.status(), 400);
    QVERIFY(unconfirmed.detail().contains(QLatin1String("confirm")));
    QCOMPARE(call("DELETE", made.location() + "?confirm=cyan-not", root()).status(), 400);
    QCOMPARE(call("GET", made.location(), root()).status(), 200);
    QCOMPARE(call("DELETE", made.location() + "?confirm=cyan", root()).status(), 204);
    auto gone = call("GET", made.location(), root());
    QCOMPARE(gone.status(), 404);
    QCOMPARE(gone.type(), problemType("not-found"));
}

void TestApiRoutes::tenantSettings()
{
    const QByteArray path = tenantPath(f->tenantA) + "/settings";
    auto read = call("GET", path, alice());
    QCOMPARE(read.status(), 200);
    QVERIFY(!read.etag().isEmpty());
    QJsonObject settings = read.json();
    QCOMPARE(settings.value(QStringLiteral("session_idle_seconds")).toInt(), 30 * 60);
    QCOMPARE(settings.value(QStringLiteral("session_absolute_seconds")).toInt(), 12 * 3600);
    QCOMPARE(settings.value(QStringLiteral("lockout_threshold")).toInt(), 5);
    QCOMPARE(settings.value(QStringLiteral("lockout_seconds")).toInt(), 15 * 60);
    QCOMPARE(settings.value(QStringLiteral("require_mfa_for_admins")).toBool(), false);

    settings.insert(QStringLiteral("lockout_threshold"), 7);
    auto put = callWithIfMatch("PUT", path, alice(), read.etag(), settings);
    QCOMPARE(put.status(), 200);
    QCOMPARE(put.json(), settings);
    QCOMPARE(f->cp->tenantSettings(f->system, f->tenantA).value().lockoutThreshold, 7);
    auto again = call("GET", path, alice());
    QCOMPARE(again.etag(), put.etag());

    settings.insert(QStringLiteral("lockout_threshold"), 9);
    auto stale = callWithIfMatch("PUT", path, alice(), read.etag(), settings);
    QCOMPARE(stale.status(), 412);
    QCOMPARE(stale.type(), problemType("precondition-failed"));
    QCOMPARE(f->cp->tenantSettings(f->system, f->tenantA).value().lockoutThreshold, 7);
    // The media type is read without its parameters.
    auto charset = call("PUT", path, alice(), settings,
                        {{"if-match", stale.etag()}, {"content-type", "Application/JSON; charset=utf-8"}});
    QCOMPARE(charset.status(), 200);
    QCOMPARE(f->cp->tenantSettings(f->system, f->tenantA).value().lockoutThreshold, 9);
    auto notJson = call("PUT", path, alice(), settings, {{"content-type", "text/plain"}});
    QCOMPARE(notJson.status(), 415);
    QCOMPARE(notJson.type(), problemType("unsupported-media-type"));

    // A PUT replaces the whole: every field is required, with its type.
    QJsonObject partial = settings;
    partial.remove(QStringLiteral("lockout_seconds"));
    auto missing = call("PUT", path, alice(), partial);
    QCOMPARE(missing.status(), 400);
    QCOMPARE(missing.type(), problemType("invalid-request"));
    QVERIFY(missing.detail().contains(QLatin1String("\"lockout_seconds\"")));
    QJsonObject mistyped = settings;
    mistyped.insert(QStringLiteral("require_mfa_for_admins"), QStringLiteral("yes"));
    auto wrongType = call("PUT", path, alice(), mistyped);
    QCOMPARE(wrongType.status(), 400);
    QVERIFY(wrongType.detail().contains(QLatin1String("\"require_mfa_for_admins\"")));
    // Ranges are the control plane's: its answer is a 400 too.
    QJsonObject outOfRange = settings;
    outOfRange.insert(QStringLiteral("lockout_threshold"), 1);
    QCOMPARE(call("PUT", path, alice(), outOfRange).status(), 400);
}

void TestApiRoutes::workspaces()
{
    const QByteArray path = tenantPath(f->tenantA) + "/workspaces";
    auto list = call("GET", path, alice());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 2);
    auto made = call("POST", path, alice(),
                     {{QStringLiteral("name"), QStringLiteral("staging")},
                      {QStringLiteral("display_name"), QStringLiteral("Staging")}});
    QCOMPARE(made.status(), 201);
    const QString id = made.json().value(QStringLiteral("id")).toString();
    QCOMPARE(made.json().value(QStringLiteral("tenant_id")).toString(), f->tenantA);
    QCOMPARE(made.location(), path + '/' + pct(id));
    QCOMPARE(call("GET", path, alice()).items().size(), 3);

    auto read = call("GET", made.location(), alice());
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.etag(), made.etag());
    auto renamed = callWithIfMatch("PATCH", made.location(), alice(), read.etag(),
                                   {{QStringLiteral("display_name"), QStringLiteral("Pre-production")}});
    QCOMPARE(renamed.status(), 200);
    QCOMPARE(renamed.json().value(QStringLiteral("display_name")).toString(), QStringLiteral("Pre-production"));
    auto stale = callWithIfMatch("PATCH", made.location(), alice(), read.etag(), {{QStringLiteral("suspended"), true}});
    QCOMPARE(stale.status(), 412);
    auto suspended =
        callWithIfMatch("PATCH", made.location(), alice(), stale.etag(), {{QStringLiteral("suspended"), true}});
    QCOMPARE(suspended.status(), 200);
    QCOMPARE(suspended.json().value(QStringLiteral("status")).toString(), QStringLiteral("suspended"));
    QCOMPARE(call("GET", made.location(), alice()).etag(), suspended.etag());
    QCOMPARE(call("PATCH", made.location(), alice(), {{QStringLiteral("suspended"), false}}).status(), 200);

    QCOMPARE(call("DELETE", made.location(), alice()).status(), 400);
    QCOMPARE(call("DELETE", made.location() + "?confirm=staging", alice()).status(), 204);
    QCOMPARE(call("GET", made.location(), alice()).status(), 404);
}

void TestApiRoutes::tenantUsers()
{
    const QByteArray path = tenantPath(f->tenantA) + "/users";
    auto list = call("GET", path, alice());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 1); // alice
    // A password the policy refuses is not echoed in the refusal.
    m_sensitive << "cnry-4q7";
    auto weak = call("POST", path, alice(),
                     {{QStringLiteral("username"), QStringLiteral("frank")},
                      {QStringLiteral("display_name"), QStringLiteral("Frank")},
                      {QStringLiteral("email"), QString()},
                      {QStringLiteral("password"), QStringLiteral("cnry-4q7")}});
    QCOMPARE(weak.status(), 400);
    QCOMPARE(weak.type(), problemType("invalid-request"));
    auto made = call("POST", path, alice(),
                     {{QStringLiteral("username"), QStringLiteral("dave")},
                      {QStringLiteral("display_name"), QStringLiteral("Dave")},
                      {QStringLiteral("email"), QStringLiteral("dave@example.com")},
                      {QStringLiteral("password"), QString::fromLatin1(kNewPassword)}});
    QCOMPARE(made.status(), 201);
    const QJsonObject user = made.json();
    const QString id = user.value(QStringLiteral("id")).toString();
    QCOMPARE(made.location(), path + '/' + pct(id));
    QCOMPARE(user.value(QStringLiteral("tenant_id")).toString(), f->tenantA);
    QCOMPARE(user.value(QStringLiteral("username")).toString(), QStringLiteral("dave"));
    QCOMPARE(user.value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    QCOMPARE(user.value(QStringLiteral("mfa_enabled")).toBool(true), false);
    QVERIFY(user.value(QStringLiteral("locked_until_at")).isNull());
    for (const char* never : {"password", "password_hash", "totp_secret", "recovery_codes"})
        QVERIFY2(!user.contains(QLatin1String(never)), never);

    auto read = call("GET", made.location(), alice());
    QCOMPARE(read.json(), user);
    QCOMPARE(read.etag(), made.etag());
    // A field left out keeps its value.
    auto renamed = callWithIfMatch("PATCH", made.location(), alice(), read.etag(),
                                   {{QStringLiteral("display_name"), QStringLiteral("David")}});
    QCOMPARE(renamed.status(), 200);
    QCOMPARE(renamed.json().value(QStringLiteral("display_name")).toString(), QStringLiteral("David"));
    QCOMPARE(renamed.json().value(QStringLiteral("email")).toString(), QStringLiteral("dave@example.com"));
    QCOMPARE(call("GET", made.location(), alice()).etag(), renamed.etag());
    auto stale = callWithIfMatch("PATCH", made.location(), alice(), read.etag(),
                                 {{QStringLiteral("email"), QStringLiteral("d@example.com")}});
    QCOMPARE(stale.status(), 412);
    QCOMPARE(stale.type(), problemType("precondition-failed"));
    auto fresh = callWithIfMatch("PATCH", made.location(), alice(), stale.etag(),
                                 {{QStringLiteral("email"), QStringLiteral("d@example.com")}});
    QCOMPARE(fresh.status(), 200);
    QCOMPARE(fresh.json().value(QStringLiteral("display_name")).toString(), QStringLiteral("David"));
    QCOMPARE(fresh.json().value(QStringLiteral("email")).toString(), QStringLiteral("d@example.com"));

    const struct
    {
        const char* action;
        const char* status;
    } changes[] = {{"lock", "locked"}, {"unlock", "active"}, {"disable", "disabled"}, {"enable", "active"}};
    for (const auto& c : changes) {
        auto changed = call("POST", made.location() + '/' + c.action, alice());
        QCOMPARE(changed.status(), 200);
        QCOMPARE(changed.json().value(QStringLiteral("status")).toString(), QLatin1String(c.status));
        QCOMPARE(call("GET", made.location(), alice()).etag(), changed.etag());
    }
    QCOMPARE(call("POST", made.location() + "/reset-mfa", alice()).status(), 204);
    auto reset = call("POST", made.location() + "/reset-password", alice(),
                      {{QStringLiteral("password"), QString::fromLatin1(kOtherPassword)}});
    QCOMPARE(reset.status(), 204);
    // The new password signs in through the API.
    auto login = call("POST", "/api/v1/auth/login", {},
                      {{QStringLiteral("tenant"), QStringLiteral("acme")},
                       {QStringLiteral("username"), QStringLiteral("dave")},
                       {QStringLiteral("password"), QString::fromLatin1(kOtherPassword)}});
    QCOMPARE(login.status(), 200);
    m_sensitive << login.json().value(QStringLiteral("token")).toString().toLatin1();
    allowInLastReply(m_sensitive.last());

    QCOMPARE(call("DELETE", made.location(), alice()).status(), 204);
    QCOMPARE(call("GET", made.location(), alice()).status(), 404);
}

void TestApiRoutes::platformUsers()
{
    const QByteArray path = "/api/v1/platform/users";
    auto list = call("GET", path, root());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 1);
    QVERIFY(list.items()[0].toObject().value(QStringLiteral("tenant_id")).isNull());
    auto made = call("POST", path, root(),
                     {{QStringLiteral("username"), QStringLiteral("operator")},
                      {QStringLiteral("display_name"), QStringLiteral("Operator")},
                      {QStringLiteral("email"), QString()},
                      {QStringLiteral("password"), QString::fromLatin1(kNewPassword)}});
    QCOMPARE(made.status(), 201);
    const QString id = made.json().value(QStringLiteral("id")).toString();
    QCOMPARE(made.location(), path + '/' + pct(id));
    QVERIFY(made.json().value(QStringLiteral("tenant_id")).isNull());
    auto read = call("GET", made.location(), root());
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.etag(), made.etag());
    auto renamed = callWithIfMatch("PATCH", made.location(), root(), read.etag(),
                                   {{QStringLiteral("display_name"), QStringLiteral("Night operator")}});
    QCOMPARE(renamed.status(), 200);
    QCOMPARE(callWithIfMatch("PATCH", made.location(), root(), read.etag(),
                             {{QStringLiteral("display_name"), QStringLiteral("Day operator")}})
                 .status(),
             412);
    for (const char* action : {"lock", "unlock", "disable", "enable"})
        QCOMPARE(call("POST", made.location() + '/' + action, root()).status(), 200);
    QCOMPARE(call("POST", made.location() + "/reset-mfa", root()).status(), 204);
    QCOMPARE(call("POST", made.location() + "/reset-password", root(),
                  {{QStringLiteral("password"), QString::fromLatin1(kOtherPassword)}})
                 .status(),
             204);
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), {}, QStringLiteral("operator"), secret(kOtherPassword)));
    QCOMPARE(call("DELETE", made.location(), root()).status(), 204);
    QCOMPARE(call("GET", made.location(), root()).status(), 404);
    // A tenant's user is not a platform user.
    QCOMPARE(call("GET", path + '/' + pct(f->userId(f->tenantA, QStringLiteral("alice"))), root()).status(), 404);
}

void TestApiRoutes::integrationsAndTokens()
{
    const QByteArray path = tenantPath(f->tenantA) + "/integrations";
    auto made = call("POST", path, alice(),
                     {{QStringLiteral("name"), QStringLiteral("ci")},
                      {QStringLiteral("description"), QStringLiteral("The build pipeline")}});
    QCOMPARE(made.status(), 201);
    const QString id = made.json().value(QStringLiteral("id")).toString();
    const QByteArray integration = path + '/' + pct(id);
    QCOMPARE(made.location(), integration);
    QCOMPARE(made.json().value(QStringLiteral("status")).toString(), QStringLiteral("active"));
    auto list = call("GET", path, alice());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 1);
    QCOMPARE(list.items()[0].toObject(), made.json());

    auto locked = call("PATCH", integration, alice(), {{QStringLiteral("locked"), true}});
    QCOMPARE(locked.status(), 200);
    QCOMPARE(locked.json().value(QStringLiteral("status")).toString(), QStringLiteral("locked"));
    QCOMPARE(call("PATCH", integration, alice(), {{QStringLiteral("locked"), false}})
                 .json()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("active"));

    // No body at all: the defaults (90 days, any workspace).
    auto issued = call("POST", integration + "/tokens", alice());
    QCOMPARE(issued.status(), 201);
    const QByteArray tokenSecret = issued.json().value(QStringLiteral("secret")).toString().toLatin1();
    QVERIFY(tokenSecret.startsWith("ghi_"));
    m_sensitive << tokenSecret;
    allowInLastReply(tokenSecret);
    const QJsonObject token = issued.json().value(QStringLiteral("token")).toObject();
    const QString tokenId = token.value(QStringLiteral("id")).toString();
    QCOMPARE(issued.location(), integration + "/tokens/" + pct(tokenId));
    QCOMPARE(token.value(QStringLiteral("integration_id")).toString(), id);
    QVERIFY(token.value(QStringLiteral("workspace_id")).isNull());
    QVERIFY(token.value(QStringLiteral("revoked_at")).isNull());
    QCOMPARE(token.value(QStringLiteral("expires_at")).toInteger(), f->clock.nowMs() + qint64(90) * 24 * 3600 * 1000);
    QVERIFY(!token.contains(QLatin1String("hash")) && !token.contains(QLatin1String("token_hash")));

    auto scoped = call("POST", integration + "/tokens", alice(),
                       {{QStringLiteral("expiry_days"), 7}, {QStringLiteral("workspace_id"), f->w1}});
    QCOMPARE(scoped.status(), 201);
    m_sensitive << scoped.json().value(QStringLiteral("secret")).toString().toLatin1();
    allowInLastReply(m_sensitive.last());
    QCOMPARE(scoped.json().value(QStringLiteral("token")).toObject().value(QStringLiteral("workspace_id")).toString(),
             f->w1);
    QCOMPARE(call("POST", integration + "/tokens", alice(), {{QStringLiteral("expiry_days"), 1000}}).status(), 400);

    auto tokens = call("GET", integration + "/tokens", alice());
    QCOMPARE(tokens.status(), 200);
    QCOMPARE(tokens.items().size(), 2);
    QCOMPARE(tokens.items()[0].toObject().value(QStringLiteral("id")).toString(), tokenId);

    // The issued token is a bearer token of the API.
    auto whoami = call("GET", "/api/v1/auth/whoami", QString::fromLatin1(tokenSecret));
    QCOMPARE(whoami.status(), 200);
    QCOMPARE(whoami.json().value(QStringLiteral("kind")).toString(), QStringLiteral("integration"));
    QCOMPARE(call("DELETE", integration + "/tokens/" + pct(tokenId), alice()).status(), 204);
    QCOMPARE(call("GET", "/api/v1/auth/whoami", QString::fromLatin1(tokenSecret)).status(), 401);
    QVERIFY(!call("GET", integration + "/tokens", alice())
                 .items()[0]
                 .toObject()
                 .value(QStringLiteral("revoked_at"))
                 .isNull());
    QCOMPARE(call("DELETE", integration + "/tokens/tok_nope", alice()).status(), 404);

    QCOMPARE(call("DELETE", integration, alice()).status(), 204);
    QCOMPARE(call("GET", path, alice()).items().size(), 0);
    QCOMPARE(call("GET", integration + "/tokens", alice()).status(), 404);
}

void TestApiRoutes::rolesBindingsAndQuestions()
{
    const QByteArray tenant = tenantPath(f->tenantA);
    auto list = call("GET", tenant + "/roles", alice());
    QCOMPARE(list.status(), 200);
    const int builtins = int(list.items().size());
    QVERIFY(builtins >= 6);
    auto member = call("GET", tenant + "/roles/" + pct(roles::kMember), alice());
    QCOMPARE(member.status(), 200);
    QCOMPARE(member.json().value(QStringLiteral("builtin")).toBool(), true);
    QCOMPARE(member.json().value(QStringLiteral("level")).toString(), QStringLiteral("tenant"));
    QVERIFY(member.json().value(QStringLiteral("tenant_id")).isNull());
    // A built-in role cannot be deleted: 400, as the document says.
    auto kept = call("DELETE", tenant + "/roles/" + pct(roles::kMember), alice());
    QCOMPARE(kept.status(), 400);
    QCOMPARE(kept.type(), problemType("invalid-request"));
    QCOMPARE(call("GET", tenant + "/roles/" + pct(roles::kMember), alice()).status(), 200);

    auto made = call("POST", tenant + "/roles", alice(),
                     {{QStringLiteral("name"), QStringLiteral("readers")},
                      {QStringLiteral("description"), QStringLiteral("Reads secrets metadata")},
                      {QStringLiteral("permissions"),
                       QJsonArray{QStringLiteral("workspaces.read"), QStringLiteral("secrets.read")}}});
    QCOMPARE(made.status(), 201);
    const QString roleId = made.json().value(QStringLiteral("id")).toString();
    const QByteArray role = tenant + "/roles/" + pct(roleId);
    QCOMPARE(made.location(), role);
    QCOMPARE(made.json().value(QStringLiteral("tenant_id")).toString(), f->tenantA);
    QCOMPARE(made.json().value(QStringLiteral("builtin")).toBool(true), false);
    QCOMPARE(call("GET", tenant + "/roles", alice()).items().size(), builtins + 1);
    auto read = call("GET", role, alice());
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.etag(), made.etag());

    auto widened = callWithIfMatch(
        "PATCH", role, alice(), read.etag(),
        {{QStringLiteral("permissions"), QJsonArray{QStringLiteral("workspaces.read"), QStringLiteral("secrets.read"),
                                                    QStringLiteral("secrets.reveal")}}});
    QCOMPARE(widened.status(), 200);
    QCOMPARE(widened.json().value(QStringLiteral("description")).toString(), QStringLiteral("Reads secrets metadata"));
    QCOMPARE(widened.json().value(QStringLiteral("permissions")).toArray().size(), 3);
    QCOMPARE(call("GET", role, alice()).etag(), widened.etag());
    auto stale = callWithIfMatch("PATCH", role, alice(), read.etag(),
                                 {{QStringLiteral("description"), QStringLiteral("Reveals too")}});
    QCOMPARE(stale.status(), 412);
    QCOMPARE(stale.type(), problemType("precondition-failed"));
    QCOMPARE(callWithIfMatch("PATCH", role, alice(), stale.etag(),
                             {{QStringLiteral("description"), QStringLiteral("Reveals too")}})
                 .status(),
             200);
    QCOMPARE(call("GET", tenant + "/roles/rol_nope", alice()).status(), 404);

    // Bind a new user to the role in W1, and ask about it.
    const QString erin = f->addUser(f->tenantA, QStringLiteral("erin"), {});
    auto bound = call("POST", tenant + "/bindings", alice(),
                      {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                       {QStringLiteral("identity_id"), erin},
                       {QStringLiteral("role_id"), roleId},
                       {QStringLiteral("workspace_id"), f->w1}});
    QCOMPARE(bound.status(), 201);
    const QString bindingId = bound.json().value(QStringLiteral("id")).toString();
    QCOMPARE(bound.location(), tenant + "/bindings/" + pct(bindingId));
    QCOMPARE(bound.json().value(QStringLiteral("workspace_id")).toString(), f->w1);
    QCOMPARE(bound.json().value(QStringLiteral("tenant_id")).toString(), f->tenantA);
    auto bindings = call("GET", tenant + "/bindings", alice());
    QCOMPARE(bindings.status(), 200);
    QVERIFY(bindings.items().contains(bound.json()));

    auto allowed = call("POST", tenant + "/authz/check", alice(),
                        {{QStringLiteral("identity_id"), erin},
                         {QStringLiteral("permission"), QStringLiteral("secrets.reveal")},
                         {QStringLiteral("workspace_id"), f->w1}});
    QCOMPARE(allowed.status(), 200);
    QCOMPARE(allowed.json().value(QStringLiteral("allowed")).toBool(), true);
    QVERIFY(allowed.json().value(QStringLiteral("reason")).toString().contains(bindingId));
    auto denied = call("POST", tenant + "/authz/check", alice(),
                       {{QStringLiteral("identity_id"), erin},
                        {QStringLiteral("permission"), QStringLiteral("secrets.reveal")},
                        {QStringLiteral("workspace_id"), f->w2}});
    QCOMPARE(denied.json().value(QStringLiteral("allowed")).toBool(true), false);
    QVERIFY(!denied.json().value(QStringLiteral("reason")).toString().isEmpty());
    QCOMPARE(call("POST", tenant + "/authz/check", alice(),
                  {{QStringLiteral("identity_id"), erin}, {QStringLiteral("permission"), QStringLiteral("no.such")}})
                 .status(),
             400);

    auto explained = call("POST", tenant + "/authz/explain", alice(),
                          {{QStringLiteral("identity_id"), erin}, {QStringLiteral("workspace_id"), f->w1}});
    QCOMPARE(explained.status(), 200);
    QCOMPARE(explained.json().value(QStringLiteral("identity_id")).toString(), erin);
    QCOMPARE(explained.json().value(QStringLiteral("workspace_id")).toString(), f->w1);
    QCOMPARE(explained.json().value(QStringLiteral("effective_permissions")).toArray().size(), 3);
    QVERIFY(!explained.json().contains(QLatin1String("decision")));
    QVERIFY(f->cp->flushReadAudit());
    const qint64 eventsBefore = f->auditCount();
    auto why =
        call("POST", tenant + "/authz/explain", alice(),
             {{QStringLiteral("identity_id"), erin}, {QStringLiteral("permission"), QStringLiteral("secrets.read")}});
    QCOMPARE(why.status(), 200);
    // One question, one audited call, whose record names the permission asked about and the answer.
    QVERIFY(f->cp->flushReadAudit());
    QCOMPARE(f->auditCount(), eventsBefore + 1);
    QCOMPARE(f->newestEvent().action, QStringLiteral("authz.explain"));
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("permission")).toString(), QStringLiteral("secrets.read"));
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("allowed")).toBool(true), false);
    QVERIFY(why.json().value(QStringLiteral("workspace_id")).isNull());
    QCOMPARE(why.json().value(QStringLiteral("effective_permissions")).toArray().size(), 0); // bound in W1 only
    const QJsonObject decision = why.json().value(QStringLiteral("decision")).toObject();
    QCOMPARE(decision.value(QStringLiteral("permission")).toString(), QStringLiteral("secrets.read"));
    QCOMPARE(decision.value(QStringLiteral("allowed")).toBool(true), false);
    QVERIFY(!decision.value(QStringLiteral("reason")).toString().isEmpty());

    // The role is in use until its binding goes.
    QCOMPARE(call("DELETE", role, alice()).status(), 409);
    QCOMPARE(call("DELETE", tenant + "/bindings/" + pct(bindingId), alice()).status(), 204);
    QCOMPARE(call("DELETE", tenant + "/bindings/" + pct(bindingId), alice()).status(), 404);
    QCOMPARE(call("DELETE", role, alice()).status(), 204);
    QCOMPARE(call("GET", role, alice()).status(), 404);
}

void TestApiRoutes::platformBindings()
{
    const QByteArray path = "/api/v1/platform/bindings";
    auto list = call("GET", path, root());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 1); // root as Platform Owner
    auto auditor =
        f->cp->createUser(f->system, {}, QStringLiteral("auditor"), QStringLiteral("Auditor"), {}, secret(kPassword));
    QVERIFY(auditor);
    auto bound = call("POST", path, root(),
                      {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                       {QStringLiteral("identity_id"), auditor.value().id},
                       {QStringLiteral("role_id"), roles::kPlatformAuditor}});
    QCOMPARE(bound.status(), 201);
    const QString id = bound.json().value(QStringLiteral("id")).toString();
    QCOMPARE(bound.location(), path + '/' + pct(id));
    QVERIFY(bound.json().value(QStringLiteral("tenant_id")).isNull());
    QVERIFY(bound.json().value(QStringLiteral("workspace_id")).isNull());
    QCOMPARE(call("GET", path, root()).items().size(), 2);
    // The auditor may now read the tenants.
    QCOMPARE(call("GET", "/api/v1/tenants", session({}, QStringLiteral("auditor"))).status(), 200);
    QCOMPARE(call("DELETE", path + '/' + pct(id), root()).status(), 204);
    QCOMPARE(call("GET", path, root()).items().size(), 1);
    // An unknown role or identity is not found (404, as the document says), and nothing is bound.
    for (const auto& [identity, role] : {std::pair{auditor.value().id, QStringLiteral("rol_nope")},
                                         std::pair{QStringLiteral("usr_nope"), QString(roles::kPlatformAuditor)}}) {
        auto missing = call("POST", path, root(),
                            {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                             {QStringLiteral("identity_id"), identity},
                             {QStringLiteral("role_id"), role}});
        QCOMPARE(missing.status(), 404);
        QCOMPARE(missing.type(), problemType("not-found"));
    }
    QCOMPARE(call("GET", path, root()).items().size(), 1);
    // Wrong credentials at sign-in: 401, as the document says.
    auto wrong = call("POST", "/api/v1/auth/login", {},
                      {{QStringLiteral("username"), QStringLiteral("root")},
                       {QStringLiteral("password"), QStringLiteral("not-the-password")}});
    QCOMPARE(wrong.status(), 401);
    QCOMPARE(wrong.type(), problemType("unauthenticated"));
}

void TestApiRoutes::secrets()
{
    const QByteArray base = secretsPath();
    auto made = call("POST", base, alice(),
                     {{QStringLiteral("name"), QStringLiteral("db/prod/password")},
                      {QStringLiteral("value"), QString::fromLatin1(kValueOne)},
                      {QStringLiteral("description"), QStringLiteral("main database")},
                      {QStringLiteral("tags"), QJsonArray{QStringLiteral("db"), QStringLiteral("prod")}}});
    QCOMPARE(made.status(), 201);
    const QJsonObject meta = made.json();
    QCOMPARE(meta.value(QStringLiteral("name")).toString(), QStringLiteral("db/prod/password"));
    QCOMPARE(meta.value(QStringLiteral("current_version")).toInt(), 1);
    QCOMPARE(meta.value(QStringLiteral("tags")).toArray(), (QJsonArray{QStringLiteral("db"), QStringLiteral("prod")}));
    QCOMPARE(meta.value(QStringLiteral("workspace_id")).toString(), f->w1);
    QVERIFY(meta.value(QStringLiteral("expires_at")).isNull());
    QVERIFY(meta.value(QStringLiteral("deleted_at")).isNull());
    QVERIFY(!meta.contains(QLatin1String("value")));
    const QByteArray secret = base + "/db%2Fprod%2Fpassword";
    QCOMPARE(made.location(), secret);

    auto list = call("GET", base, alice());
    QCOMPARE(list.status(), 200);
    QCOMPARE(list.items().size(), 1);
    QCOMPARE(list.items()[0].toObject(), meta);
    QCOMPARE(call("GET", base + "?search=db", alice()).items().size(), 1);
    QCOMPARE(call("GET", base + "?search=nothing-like-it", alice()).items().size(), 0);

    auto read = call("GET", secret, alice());
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.json(), meta);
    QCOMPARE(read.etag(), made.etag());

    auto updated =
        callWithIfMatch("PUT", secret, alice(), read.etag(), {{QStringLiteral("value"), QString::fromUtf8(kValueTwo)}});
    QCOMPARE(updated.status(), 200);
    QCOMPARE(updated.json().value(QStringLiteral("current_version")).toInt(), 2);
    QCOMPARE(call("GET", secret, alice()).etag(), updated.etag());
    auto stale = callWithIfMatch("PUT", secret, alice(), read.etag(),
                                 {{QStringLiteral("value"), QString::fromLatin1(kValueThree)}});
    QCOMPARE(stale.status(), 412);
    QCOMPARE(stale.type(), problemType("precondition-failed"));
    QCOMPARE(call("GET", secret, alice()).json().value(QStringLiteral("current_version")).toInt(), 2);

    // Reveal: the current version when none is asked for, byte for byte, and says which one it is.
    auto current =
        call("POST", secret + "/reveal", alice(), {{QStringLiteral("reason"), QStringLiteral("rotating the replica")}});
    QCOMPARE(current.status(), 200);
    allowInLastReply(kValueTwoCanary);
    QCOMPARE(current.json().value(QStringLiteral("name")).toString(), QStringLiteral("db/prod/password"));
    QCOMPARE(current.json().value(QStringLiteral("version")).toInt(), 2);
    QCOMPARE(current.json().value(QStringLiteral("value")).toString().toUtf8(), QByteArray(kValueTwo));
    QCOMPARE(current.response.header("Cache-Control"), QByteArray("no-store"));
    auto first = call("POST", secret + "/reveal", alice(),
                      {{QStringLiteral("reason"), QStringLiteral("comparing")}, {QStringLiteral("version"), 1}});
    QCOMPARE(first.status(), 200);
    allowInLastReply(kValueOne);
    QCOMPARE(first.json().value(QStringLiteral("version")).toInt(), 1);
    QCOMPARE(first.json().value(QStringLiteral("value")).toString(), QString::fromLatin1(kValueOne));
    auto noReason = call("POST", secret + "/reveal", alice(), {{QStringLiteral("version"), 1}});
    QCOMPARE(noReason.status(), 400);
    QVERIFY(noReason.detail().contains(QLatin1String("\"reason\"")));
    QCOMPARE(call("POST", secret + "/reveal", alice(),
                  {{QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("version"), 9}})
                 .status(),
             404);

    auto versions = call("GET", secret + "/versions", alice());
    QCOMPARE(versions.status(), 200);
    QCOMPARE(versions.items().size(), 2);
    QCOMPARE(versions.items()[0].toObject().value(QStringLiteral("version")).toInt(), 2);
    QVERIFY(versions.items()[0].toObject().value(QStringLiteral("destroyed_at")).isNull());

    auto restored = call("POST", secret + "/restore", alice(), {{QStringLiteral("version"), 1}});
    QCOMPARE(restored.status(), 200);
    QCOMPARE(restored.json().value(QStringLiteral("current_version")).toInt(), 3);
    QCOMPARE(restored.etag(), call("GET", secret, alice()).etag());
    auto three = call("POST", secret + "/reveal", alice(), {{QStringLiteral("reason"), QStringLiteral("check")}});
    allowInLastReply(kValueOne);
    QCOMPARE(three.json().value(QStringLiteral("version")).toInt(), 3);
    QCOMPARE(three.json().value(QStringLiteral("value")).toString(), QString::fromLatin1(kValueOne));

    QCOMPARE(call("DELETE", secret + "/versions/2", alice()).status(), 204);
    QCOMPARE(call("DELETE", secret + "/versions/3", alice()).status(), 409); // the current one
    QCOMPARE(call("DELETE", secret + "/versions/two", alice()).status(), 400);
    auto destroyed = call("POST", secret + "/reveal", alice(),
                          {{QStringLiteral("reason"), QStringLiteral("x")}, {QStringLiteral("version"), 2}});
    QCOMPARE(destroyed.status(), 404);
    QVERIFY(!call("GET", secret + "/versions", alice())
                 .items()[1]
                 .toObject()
                 .value(QStringLiteral("destroyed_at"))
                 .isNull());

    QCOMPARE(call("DELETE", secret, alice()).status(), 204);
    QCOMPARE(call("GET", secret, alice()).status(), 404);
    QCOMPARE(call("GET", base, alice()).items().size(), 0);
    auto back = call("POST", secret + "/undelete", alice());
    QCOMPARE(back.status(), 200);
    QVERIFY(back.json().value(QStringLiteral("deleted_at")).isNull());
    QCOMPARE(back.etag(), call("GET", secret, alice()).etag());
}

void TestApiRoutes::secretNamesAreOnePathSegment()
{
    // "app/key" and "app" differ: the name is one segment, its "/" sent as %2F, and a prefix match of the list
    // never stands in for the secret asked for.
    const QByteArray base = secretsPath();
    for (const char* name : {"app", "app/key", "app/key/old"}) {
        QCOMPARE(
            call("POST", base, alice(),
                 {{QStringLiteral("name"), QLatin1String(name)}, {QStringLiteral("value"), QLatin1String(kValueThree)}})
                .status(),
            201);
    }
    QCOMPARE(call("GET", base + "/app%2Fkey", alice()).json().value(QStringLiteral("name")).toString(),
             QStringLiteral("app/key"));
    QCOMPARE(call("GET", base + "/app", alice()).json().value(QStringLiteral("name")).toString(),
             QStringLiteral("app"));
    QCOMPARE(call("GET", base + "/app%2fkey%2Fold", alice()).json().value(QStringLiteral("name")).toString(),
             QStringLiteral("app/key/old"));
    QCOMPARE(call("GET", base + "/app%2Fke", alice()).status(), 404);
    // Sent unencoded, the path has more segments: no route has that shape.
    auto unencoded = call("GET", base + "/app/key", alice());
    QCOMPARE(unencoded.status(), 404);
    QCOMPARE(unencoded.type(), problemType("not-found"));
    auto revealed =
        call("POST", base + "/app%2Fkey%2Fold/reveal", alice(), {{QStringLiteral("reason"), QStringLiteral("deploy")}});
    QCOMPARE(revealed.status(), 200);
    allowInLastReply(kValueThree);
    QCOMPARE(revealed.json().value(QStringLiteral("name")).toString(), QStringLiteral("app/key/old"));
    QCOMPARE(revealed.json().value(QStringLiteral("value")).toString(), QString::fromLatin1(kValueThree));
}

void TestApiRoutes::secretsDueAndRotation()
{
    const QByteArray base = secretsPath();
    const qint64 inTenDays = f->clock.nowMs() + qint64(10) * 24 * 3600 * 1000;
    auto rotating = call("POST", base, alice(),
                         {{QStringLiteral("name"), QStringLiteral("api/key")},
                          {QStringLiteral("value"), QString::fromLatin1(kValueOne)},
                          {QStringLiteral("rotation_days"), 30}});
    QCOMPARE(rotating.status(), 201);
    QCOMPARE(rotating.json().value(QStringLiteral("rotation_days")).toInt(), 30);
    auto expiring = call("POST", base, alice(),
                         {{QStringLiteral("name"), QStringLiteral("cert")},
                          {QStringLiteral("value"), QString::fromLatin1(kValueThree)},
                          {QStringLiteral("expires_at"), double(inTenDays)}});
    QCOMPARE(expiring.status(), 201);
    QCOMPARE(expiring.json().value(QStringLiteral("expires_at")).toInteger(), inTenDays);

    const QByteArray due = tenantPath(f->tenantA) + "/secrets/due";
    auto none = call("GET", due, alice());
    QCOMPARE(none.status(), 200);
    QCOMPARE(none.items().size(), 0);
    QVERIFY(!none.json().contains(QLatin1String("next_cursor")));
    auto soon = call("GET", due + "?within_days=15", alice());
    QCOMPARE(soon.items().size(), 1);
    QCOMPARE(soon.items()[0].toObject().value(QStringLiteral("name")).toString(), QStringLiteral("cert"));
    QCOMPARE(call("GET", due + "?within_days=45&workspace=" + pct(f->w1), alice()).items().size(), 2);
    QCOMPARE(call("GET", due + "?within_days=45&workspace=" + pct(f->w2), alice()).items().size(), 0);
    QCOMPARE(call("GET", due + "?within_days=soon", alice()).status(), 400);

    f->clock.advanceMs(qint64(31) * 24 * 3600 * 1000);
    m_sessions.remove(QStringLiteral("alice")); // the old session timed out
    QCOMPARE(call("GET", due, alice()).items().size(), 2);
    auto rotated = call("POST", base + "/api%2Fkey/rotated", alice());
    QCOMPARE(rotated.status(), 200);
    QCOMPARE(rotated.json().value(QStringLiteral("next_rotation_at")).toInteger(),
             f->clock.nowMs() + qint64(30) * 24 * 3600 * 1000);
    QCOMPARE(call("GET", due, alice()).items().size(), 1);
    QCOMPARE(call("POST", base + "/cert/rotated", alice()).status(), 400); // no rotation period
}

// --- refusals -------------------------------------------------------------------------------------------------

void TestApiRoutes::controlHistoryOverHttps()
{
    const QByteArray history = "/api/v1/boundaries/data/controls/data.encryption/history";
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(call("POST", "/api/v1/boundaries/checks", root()).status(), 200);
        f->clock.advanceMs(1000);
    }
    auto first = call("GET", history + "?limit=2", root());
    QCOMPARE(first.status(), 200);
    QCOMPARE(first.items().size(), 2);
    QCOMPARE(first.items().first().toObject().value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
    const QString cursor = first.json().value(QStringLiteral("next_cursor")).toString();
    QVERIFY(!cursor.isEmpty());
    auto second = call("GET", history + "?limit=2&cursor=" + cursor.toUtf8(), root());
    QCOMPARE(second.items().size(), 1);
    QVERIFY(second.json().value(QStringLiteral("next_cursor")).isNull());
    const qint64 t0 = first.items().first().toObject().value(QStringLiteral("checked_at")).toInteger();
    auto window = call(
        "GET", history + "?since=" + QByteArray::number(t0 + 1) + "&until=" + QByteArray::number(t0 + 1000), root());
    QCOMPARE(window.items().size(), 1);
    QCOMPARE(call("GET", history + "?since=yesterday", root()).status(), 400);
    QCOMPARE(call("GET", history + "?limit=0", root()).status(), 400);
    QCOMPARE(call("GET", "/api/v1/boundaries/network/controls/data.encryption/history", root()).status(), 404);
    QCOMPARE(call("GET", history, alice()).status(), 403);
    QCOMPARE(call("POST", "/api/v1/boundaries/checks", alice()).status(), 403);
}

void TestApiRoutes::evidenceReportOverHttps()
{
    auto r = call("POST", "/api/v1/evidence?since=0", root());
    QCOMPARE(r.status(), 200);
    const QJsonObject o = r.json();
    const QByteArray html = o.value(QStringLiteral("report")).toString().toUtf8();
    QVERIFY(html.startsWith("<!DOCTYPE html>"));
    QCOMPARE(o.value(QStringLiteral("sha256")).toString(),
             QString::fromLatin1(QCryptographicHash::hash(html, QCryptographicHash::Sha256).toHex()));
    auto key = crypto::ed25519::publicKeyFromPem(o.value(QStringLiteral("public_key_pem")).toString().toLatin1());
    QVERIFY(key);
    const QByteArray signature = QByteArray::fromBase64(o.value(QStringLiteral("signature")).toString().toLatin1());
    QVERIFY(crypto::ed25519::verify(key.value(), html, signature));
    QByteArray changed = html;
    changed[100] = char(changed[100] ^ 1);
    QVERIFY(!crypto::ed25519::verify(key.value(), changed, signature));
    // No names over the API: the fixture's tenant owner is counted, not named.
    QVERIFY(!html.contains("alice"));
    QCOMPARE(call("POST", "/api/v1/evidence?since=soon", root()).status(), 400);
    QCOMPARE(call("POST", "/api/v1/evidence", alice()).status(), 403);
}

void TestApiRoutes::forwardingOverHttps()
{
    const QByteArray tenant = tenantPath(f->tenantA) + "/forwarding";
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("siem")},
                           {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), 9},
                           {QStringLiteral("transport"), QStringLiteral("tcp")},
                           {QStringLiteral("from_beginning"), true}};
    auto made = call("POST", tenant + "/destinations", alice(), body);
    QCOMPARE(made.status(), 201);
    const QString id = made.json().value(QStringLiteral("id")).toString();
    QCOMPARE(made.json().value(QStringLiteral("tenant_id")).toString(), f->tenantA);
    QCOMPARE(made.location(), tenant + "/destinations/" + pct(id));
    QCOMPARE(call("POST", tenant + "/destinations", alice(), body).status(), 409); // the name is taken
    // Over TLS a CA or a fingerprint is needed; plain TCP only to this machine.
    QJsonObject tls = body;
    tls.insert(QStringLiteral("name"), QStringLiteral("tls"));
    tls.insert(QStringLiteral("transport"), QStringLiteral("tls"));
    QCOMPARE(call("POST", tenant + "/destinations", alice(), tls).status(), 400);
    QJsonObject far = body;
    far.insert(QStringLiteral("name"), QStringLiteral("far"));
    far.insert(QStringLiteral("host"), QStringLiteral("192.0.2.10"));
    QCOMPARE(call("POST", tenant + "/destinations", alice(), far).status(), 400);
    auto status = call("GET", tenant, alice());
    QCOMPARE(status.status(), 200);
    QCOMPARE(status.items().size(), 1);
    const QJsonObject s = status.items().first().toObject();
    QCOMPARE(s.value(QStringLiteral("name")).toString(), QStringLiteral("siem"));
    QCOMPARE(s.value(QStringLiteral("connected")).toBool(true), false);
    QVERIFY(s.value(QStringLiteral("lag_events")).toInteger() > 0);
    // The platform's destinations are the platform's: a tenant owner neither sees nor adds them.
    QCOMPARE(call("GET", "/api/v1/forwarding", alice()).status(), 403);
    QCOMPARE(call("POST", "/api/v1/forwarding/destinations", alice(), body).status(), 403);
    QCOMPARE(call("GET", "/api/v1/forwarding", root()).items().size(), 0);
    auto platform = call("POST", "/api/v1/forwarding/destinations", root(), body);
    QCOMPARE(platform.status(), 201);
    QCOMPARE(platform.json().value(QStringLiteral("tenant_id")).toString(), QString());
    QCOMPARE(call("GET", "/api/v1/forwarding", root()).items().size(), 1);
    // A destination outside the tenant is not found through the tenant, and stays.
    const QString platformId = platform.json().value(QStringLiteral("id")).toString();
    QCOMPARE(call("DELETE", tenant + "/destinations/" + pct(platformId), alice()).status(), 404);
    QCOMPARE(call("PATCH", tenant + "/destinations/" + pct(platformId), alice(), {{"enabled", false}}).status(), 404);
    QCOMPARE(
        call("PATCH", "/api/v1/forwarding/destinations/" + pct(platformId), alice(), {{"enabled", false}}).status(),
        403);
    QCOMPARE(call("GET", "/api/v1/forwarding", root()).items().size(), 1);
    QVERIFY(call("GET", "/api/v1/forwarding", root()).items().first().toObject().value("enabled").toBool());
    QCOMPARE(call("DELETE", "/api/v1/forwarding/destinations/" + pct(platformId), root()).status(), 204);
    QCOMPARE(call("DELETE", tenant + "/destinations/" + pct(id), alice()).status(), 204);
    QCOMPARE(call("GET", tenant, alice()).items().size(), 0);
}

void TestApiRoutes::forwardingUpdateOverHttps()
{
    const QByteArray tenant = tenantPath(f->tenantA) + "/forwarding";
    const QJsonObject body{{QStringLiteral("name"), QStringLiteral("relay")},
                           {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                           {QStringLiteral("port"), 9},
                           {QStringLiteral("transport"), QStringLiteral("tcp")},
                           {QStringLiteral("format"), QStringLiteral("json")}};
    auto made = call("POST", tenant + "/destinations", alice(), body);
    QCOMPARE(made.status(), 201);
    const QByteArray one = tenant + "/destinations/" + pct(made.json().value(QStringLiteral("id")).toString());
    const qint64 startSeq = made.json().value(QStringLiteral("start_seq")).toInteger();

    // What the body holds changes; the rest (and the cursor) stays; the change is audited with the fields changed.
    auto changed = call("PATCH", one, alice(), {{"port", 1514}, {"format", "cef"}, {"enabled", false}});
    QCOMPARE(changed.status(), 200);
    const QJsonObject d = changed.json();
    QCOMPARE(d.value(QStringLiteral("port")).toInt(), 1514);
    QCOMPARE(d.value(QStringLiteral("format")).toString(), QStringLiteral("cef"));
    QCOMPARE(d.value(QStringLiteral("enabled")).toBool(true), false);
    QCOMPARE(d.value(QStringLiteral("name")).toString(), QStringLiteral("relay"));
    QCOMPARE(d.value(QStringLiteral("host")).toString(), QStringLiteral("127.0.0.1"));
    QCOMPARE(d.value(QStringLiteral("start_seq")).toInteger(), startSeq);
    const QJsonObject shown = call("GET", tenant, alice()).items().first().toObject();
    QCOMPARE(shown.value(QStringLiteral("port")).toInt(), 1514);
    QCOMPARE(shown.value(QStringLiteral("enabled")).toBool(true), false);
    auto trail = call("GET", tenantPath(f->tenantA) + "/audit/events?action=forwarding.tenant.update", alice());
    QCOMPARE(trail.status(), 200);
    QCOMPARE(trail.items().size(), 1);
    const QJsonObject event = trail.items().first().toObject();
    QCOMPARE(event.value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    const QJsonObject details = event.value(QStringLiteral("details")).toObject();
    QCOMPARE(details.value(QStringLiteral("changed")).toArray(),
             QJsonArray({QStringLiteral("port"), QStringLiteral("format"), QStringLiteral("enabled")}));

    // Bad input: 400 saying what to change, and nothing is changed.
    const auto refused = [&](const QJsonObject& patch, const QString& says) {
        auto r = call("PATCH", one, alice(), patch);
        QCOMPARE(r.status(), 400);
        QVERIFY2(r.json().value(QStringLiteral("detail")).toString().contains(says),
                 qPrintable(r.json().value(QStringLiteral("detail")).toString()));
    };
    refused({{"host", "192.0.2.10"}}, QStringLiteral("only to a relay on this machine"));
    refused({{"transport", "tls"}}, QStringLiteral("pin the collector"));
    refused({{"port", 70000}}, QStringLiteral("port"));
    refused({{"format", "csv"}}, QStringLiteral("json"));
    refused({{"colour", "red"}}, QStringLiteral("colour"));
    refused({{"enabled", QJsonValue::Null}}, QStringLiteral("changes nothing"));
    QCOMPARE(call("GET", tenant, alice()).items().first().toObject().value(QStringLiteral("port")).toInt(), 1514);

    // Another tenant's owner does not find it, through tenant A nor through his own tenant; it stays as it was.
    QCOMPARE(call("PATCH", one, bob(), {{"enabled", true}}).status(), 404);
    const QByteArray viaB =
        tenantPath(f->tenantB) + "/forwarding/destinations/" + pct(made.json().value(QStringLiteral("id")).toString());
    QCOMPARE(call("PATCH", viaB, bob(), {{"enabled", true}}).status(), 404);
    QCOMPARE(call("GET", tenant, alice()).items().first().toObject().value(QStringLiteral("enabled")).toBool(true),
             false);
    // A client key stays while its certificate does; a new certificate needs its key; none removes both.
    QTemporaryDir dir;
    QVERIFY(dir.isValid());
    QVERIFY(api::TlsCertificate::generate(dir.path(), {}, f->clock));
    const auto pem = [](const QString& path) {
        QFile file(path);
        return file.open(QIODevice::ReadOnly) ? QString::fromLatin1(file.readAll()) : QString();
    };
    const QString cert = pem(api::TlsCertificate::certificatePath(dir.path()));
    const QString key = pem(api::TlsCertificate::keyPath(dir.path()));
    QVERIFY(!cert.isEmpty() && !key.isEmpty());
    auto tls = call("PATCH", one, alice(),
                    {{"transport", "tls"}, {"ca_pem", cert}, {"client_cert_pem", cert}, {"client_key_pem", key}});
    QCOMPARE(tls.status(), 200);
    QVERIFY(tls.json().value(QStringLiteral("has_ca")).toBool());
    QVERIFY(tls.json().value(QStringLiteral("has_client_certificate")).toBool());
    QVERIFY(!tls.json().contains(QStringLiteral("client_key_pem")));
    QCOMPARE(call("PATCH", one, alice(), {{"port", 6514}}).status(), 200); // the key stays with its certificate
    auto f2 = QTemporaryDir();
    QVERIFY(api::TlsCertificate::generate(f2.path(), {}, f->clock));
    refused({{"client_cert_pem", pem(api::TlsCertificate::certificatePath(f2.path()))}},
            QStringLiteral("give both the client certificate and its private key"));
    auto without = call("PATCH", one, alice(), {{"client_cert_pem", ""}});
    QCOMPARE(without.status(), 200);
    QVERIFY(!without.json().value(QStringLiteral("has_client_certificate")).toBool(true));
    const QByteArray trail2 =
        call("GET", tenantPath(f->tenantA) + "/audit/events?action=forwarding.tenant.update", alice()).response.body;
    QVERIFY(!trail2.contains("PRIVATE KEY")); // the key never enters the trail

    // A name taken in the scope is a conflict.
    QJsonObject other = body;
    other.insert(QStringLiteral("name"), QStringLiteral("other"));
    QCOMPARE(call("POST", tenant + "/destinations", alice(), other).status(), 201);
    QCOMPARE(call("PATCH", one, alice(), {{"name", "other"}}).status(), 409);
}

void TestApiRoutes::oidcConfigurationOverHttps()
{
    const QByteArray oidc = tenantPath(f->tenantA) + "/oidc";
    QCOMPARE(call("GET", oidc, alice()).status(), 404);
    const QJsonObject body{
        {QStringLiteral("issuer"), QStringLiteral("https://idp.example.com")},
        {QStringLiteral("client_id"), QStringLiteral("gatehouse")},
        {QStringLiteral("client_secret"), QStringLiteral("api-client-secret-canary")},
        {QStringLiteral("scopes"), QJsonArray{QStringLiteral("openid"), QStringLiteral("groups")}},
        {QStringLiteral("claims"), QJsonObject{{QStringLiteral("groups"), QStringLiteral("org.groups")}}},
        {QStringLiteral("jit_provisioning"), true},
        {QStringLiteral("local_passwords"), false}};
    auto set = call("PUT", oidc, alice(), body);
    QCOMPARE(set.status(), 200);
    QVERIFY(set.json().value(QStringLiteral("client_secret_set")).toBool());
    QVERIFY(!set.json().contains(QStringLiteral("client_secret")));
    auto read = call("GET", oidc, alice());
    QCOMPARE(read.status(), 200);
    QCOMPARE(read.json().value(QStringLiteral("claims")).toObject().value(QStringLiteral("groups")).toString(),
             QStringLiteral("org.groups"));
    QVERIFY(!read.response.body.contains("api-client-secret-canary"));
    // Clear errors: a plain-http issuer, a misspelt field, a misspelt claim.
    QJsonObject http = body;
    http.insert(QStringLiteral("issuer"), QStringLiteral("http://idp.example.com"));
    QCOMPARE(call("PUT", oidc, alice(), http).status(), 400);
    QJsonObject typo = body;
    typo.insert(QStringLiteral("jit_provisoning"), true);
    QCOMPARE(call("PUT", oidc, alice(), typo).status(), 400);
    QJsonObject claimTypo = body;
    claimTypo.insert(QStringLiteral("claims"), QJsonObject{{QStringLiteral("group"), QStringLiteral("g")}});
    QCOMPARE(call("PUT", oidc, alice(), claimTypo).status(), 400);
    // Group mappings: the whole list at once.
    const QJsonObject mappings{
        {QStringLiteral("mappings"),
         QJsonArray{QJsonObject{{QStringLiteral("group"), QStringLiteral("ops")},
                                {QStringLiteral("role_id"), QStringLiteral("builtin:tenant-admin")}},
                    QJsonObject{{QStringLiteral("group"), QStringLiteral("dev")},
                                {QStringLiteral("role_id"), QStringLiteral("builtin:member")},
                                {QStringLiteral("workspace_id"), f->w1}}}}};
    auto mapped = call("PUT", oidc + "/group-mappings", alice(), mappings);
    QCOMPARE(mapped.status(), 200);
    QCOMPARE(mapped.json().value(QStringLiteral("mappings")).toArray().size(), 2);
    QCOMPARE(call("GET", oidc + "/group-mappings", alice()).json().value(QStringLiteral("mappings")).toArray().size(),
             2);
    const QJsonObject unknownRole{
        {QStringLiteral("mappings"), QJsonArray{QJsonObject{{QStringLiteral("group"), QStringLiteral("x")},
                                                            {QStringLiteral("role_id"), QStringLiteral("rol_none")}}}}};
    QCOMPARE(call("PUT", oidc + "/group-mappings", alice(), unknownRole).status(), 400);
    QCOMPARE(call("DELETE", oidc, alice()).status(), 204);
    QCOMPARE(call("GET", oidc, alice()).status(), 404);
}

void TestApiRoutes::boundariesAndOwnership()
{
    auto list = call("GET", "/api/v1/boundaries", root());
    QCOMPARE(list.status(), 200);
    const QJsonArray items = list.json().value(QStringLiteral("items")).toArray();
    QCOMPARE(items.size(), 7);
    const QJsonObject identity = items.first().toObject();
    QCOMPARE(identity.value(QStringLiteral("id")).toString(), QStringLiteral("identity"));
    // The fixture's administrators have no MFA: the identity boundary rolls up to its worst control.
    QCOMPARE(identity.value(QStringLiteral("status")).toString(), QStringLiteral("fail"));
    QVERIFY(
        identity.value(QStringLiteral("controls")).toArray().first().toObject().contains(QStringLiteral("summary")));

    auto one = call("GET", "/api/v1/boundaries/data", root());
    QCOMPARE(one.status(), 200);
    const QJsonObject control = one.json().value(QStringLiteral("controls")).toArray().first().toObject();
    QCOMPARE(control.value(QStringLiteral("id")).toString(), QStringLiteral("data.encryption"));
    QCOMPARE(control.value(QStringLiteral("status")).toString(), QStringLiteral("pass"));
    QVERIFY(!control.value(QStringLiteral("evidence")).toArray().isEmpty());
    QCOMPARE(control.value(QStringLiteral("checked_at")).toInteger(), f->clock.nowMs());

    auto c = call("GET", "/api/v1/boundaries/network/controls/network.tls-policy", root());
    QCOMPARE(c.status(), 200);
    QCOMPARE(c.json().value(QStringLiteral("status")).toString(), QStringLiteral("warn"));
    QCOMPARE(c.json().value(QStringLiteral("boundary")).toString(), QStringLiteral("network"));
    QCOMPARE(call("GET", "/api/v1/boundaries/perimeter", root()).status(), 404);
    QCOMPARE(call("GET", "/api/v1/boundaries/network/controls/data.encryption", root()).type(),
             problemType("not-found"));
    QCOMPARE(call("GET", "/api/v1/boundaries/network/controls/nothing", root()).status(), 404);
    QCOMPARE(call("GET", "/api/v1/boundaries", alice()).status(), 403);

    // Ownership: read with its tag, replace with If-Match, stale tags refused.
    auto read = call("GET", "/api/v1/ownership", root());
    QCOMPARE(read.status(), 200);
    QVERIFY(!read.etag().isEmpty());
    QCOMPARE(read.json().value(QStringLiteral("stated")).toBool(), false);
    QJsonObject areas = read.json().value(QStringLiteral("areas")).toObject();
    QCOMPARE(areas.size(), 5);
    QCOMPARE(areas.value(QStringLiteral("incident_response")).toObject().value(QStringLiteral("owner")).toString(),
             QStringLiteral("customer"));
    areas.insert(QStringLiteral("incident_response"),
                 QJsonObject{{QStringLiteral("owner"), QStringLiteral("operator")},
                             {QStringLiteral("contact"), QStringLiteral("noc@example.com")}});
    auto put = callWithIfMatch("PUT", "/api/v1/ownership", root(), read.etag(), {{QStringLiteral("areas"), areas}});
    QCOMPARE(put.status(), 200);
    QCOMPARE(put.json().value(QStringLiteral("stated")).toBool(), true);
    QCOMPARE(put.json().value(QStringLiteral("updated_by")).toString(), f->platformOwnerId);
    QCOMPARE(call("GET", "/api/v1/ownership", root()).etag(), put.etag());
    auto stale = callWithIfMatch("PUT", "/api/v1/ownership", root(), read.etag(), {{QStringLiteral("areas"), areas}});
    QCOMPARE(stale.status(), 412);
    QCOMPARE(stale.etag(), put.etag());
    QCOMPARE(f->cp->ownership(f->system).value().find(QStringLiteral("incident_response"))->contact,
             QStringLiteral("noc@example.com"));
    // All five areas, known ones only.
    QJsonObject four = areas;
    four.remove(QStringLiteral("secrets_backend"));
    QCOMPARE(call("PUT", "/api/v1/ownership", root(), {{QStringLiteral("areas"), four}}).status(), 400);
    QJsonObject extra = areas;
    extra.insert(QStringLiteral("coffee"), QJsonObject{{QStringLiteral("owner"), QStringLiteral("x")}});
    auto unknown = call("PUT", "/api/v1/ownership", root(), {{QStringLiteral("areas"), extra}});
    QCOMPARE(unknown.status(), 400);
    QCOMPARE(unknown.type(), problemType("invalid-request"));
}

void TestApiRoutes::auditByRequestIdAndOutcomes()
{
    const QByteArray tenant = tenantPath(f->tenantA);
    const QByteArray ws = tenant + "/workspaces/" + pct(f->w1);
    const QJsonObject rename{{QStringLiteral("display_name"), QStringLiteral("Traced")}};
    QCOMPARE(call("PATCH", ws, alice(), rename, {{"x-request-id", "req_trace_1"}}).status(), 200);
    QCOMPARE(call("PATCH", ws, member(), rename, {{"x-request-id", "req_trace_2"}}).status(), 403);
    // Only the event of that request, whatever else happened.
    Reply r = call("GET", tenant + "/audit/events?request_id=req_trace_1", alice());
    QCOMPARE(r.status(), 200);
    QCOMPARE(r.items().size(), 1);
    QCOMPARE(r.items()[0].toObject().value(QStringLiteral("request_id")).toString(), QStringLiteral("req_trace_1"));
    QCOMPARE(r.items()[0].toObject().value(QStringLiteral("outcome")).toString(), QStringLiteral("success"));
    r = call("GET", tenant + "/audit/events?request_id=req_none", alice());
    QCOMPARE(r.status(), 200);
    QCOMPARE(r.items().size(), 0);
    // The histogram counts each outcome.
    r = call("GET", tenant + "/audit/histogram?action=workspace.rename&bucket_ms=86400000", alice());
    QCOMPARE(r.status(), 200);
    qint64 success = 0, denied = 0, error = 0, count = 0;
    for (const QJsonValue& v : r.json().value(QStringLiteral("buckets")).toArray()) {
        const QJsonObject b = v.toObject();
        success += b.value(QStringLiteral("success")).toInteger();
        denied += b.value(QStringLiteral("denied")).toInteger();
        error += b.value(QStringLiteral("error")).toInteger();
        count += b.value(QStringLiteral("count")).toInteger();
    }
    QCOMPARE(success, 1);
    QCOMPARE(denied, 1);
    QCOMPARE(error, 0);
    QCOMPARE(count, 2);
}

void TestApiRoutes::auditVerifiesARange()
{
    const QByteArray tenant = tenantPath(f->tenantA);
    const QByteArray ws = tenant + "/workspaces/" + pct(f->w1);
    for (int i = 0; i < 5; ++i)
        QCOMPARE(call("PATCH", ws, alice(), QJsonObject{{QStringLiteral("display_name"), QStringLiteral("R%1").arg(i)}})
                     .status(),
                 200);
    Reply r = call("POST", "/api/v1/audit/verify?from=2&to=4", root());
    QCOMPARE(r.status(), 200);
    QCOMPARE(r.json().value(QStringLiteral("intact")).toBool(), true);
    QCOMPARE(r.json().value(QStringLiteral("from_seq")).toInteger(), 2);
    QCOMPARE(r.json().value(QStringLiteral("to_seq")).toInteger(), 4);
    // Half a range, a range with incremental, and bounds outside the log: 400 saying what to do.
    for (const QByteArray& target :
         {QByteArray("/api/v1/audit/verify?from=2"), QByteArray("/api/v1/audit/verify?from=2&to=x"),
          QByteArray("/api/v1/audit/verify?from=2&to=4&incremental=true"),
          QByteArray("/api/v1/audit/verify?from=4&to=2"), QByteArray("/api/v1/audit/verify?from=1&to=999999")}) {
        r = call("POST", target, root());
        QVERIFY2(r.status() == 400, target.constData());
        QCOMPARE(r.type(), problemType("invalid-request"));
        QVERIFY2(!r.detail().isEmpty(), target.constData());
    }
}

void TestApiRoutes::missingOrMistypedField_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {A} tenant A, {W} workspace W1
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("field");
    const QString pw = QString::fromLatin1(kNewPassword);
    QTest::newRow("tenant without owner password")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("x1")},
                       {QStringLiteral("display_name"), QStringLiteral("X")},
                       {QStringLiteral("owner_username"), QStringLiteral("xo")}}
        << QStringLiteral("owner_password");
    QTest::newRow("tenant name not a string") << QByteArray("POST") << QStringLiteral("/api/v1/tenants")
                                              << QJsonObject{{QStringLiteral("name"), 12},
                                                             {QStringLiteral("display_name"), QStringLiteral("X")},
                                                             {QStringLiteral("owner_username"), QStringLiteral("xo")},
                                                             {QStringLiteral("owner_password"), pw}}
                                              << QStringLiteral("name");
    QTest::newRow("tenant suspended not a boolean")
        << QByteArray("PATCH") << QStringLiteral("/api/v1/tenants/{A}")
        << QJsonObject{{QStringLiteral("suspended"), QStringLiteral("yes")}} << QStringLiteral("suspended");
    QTest::newRow("workspace without display name")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("qa")}} << QStringLiteral("display_name");
    QTest::newRow("user without password") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/users")
                                           << QJsonObject{{QStringLiteral("username"), QStringLiteral("zed")},
                                                          {QStringLiteral("display_name"), QStringLiteral("Zed")},
                                                          {QStringLiteral("email"), QString()}}
                                           << QStringLiteral("password");
    QTest::newRow("user password not a string") << QByteArray("POST") << QStringLiteral("/api/v1/platform/users")
                                                << QJsonObject{{QStringLiteral("username"), QStringLiteral("zed")},
                                                               {QStringLiteral("display_name"), QStringLiteral("Zed")},
                                                               {QStringLiteral("email"), QString()},
                                                               {QStringLiteral("password"), QJsonArray{pw}}}
                                                << QStringLiteral("password");
    QTest::newRow("user email not a string")
        << QByteArray("PATCH") << QStringLiteral("/api/v1/tenants/{A}/users/{alice}")
        << QJsonObject{{QStringLiteral("email"), true}} << QStringLiteral("email");
    QTest::newRow("reset password with a misnamed password")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/users/{alice}/reset-password")
        << QJsonObject{{QStringLiteral("new_password"), pw}} << QStringLiteral("new_password");
    QTest::newRow("reset password with a null password")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/users/{alice}/reset-password")
        << QJsonObject{{QStringLiteral("password"), QJsonValue::Null}} << QStringLiteral("password");
    QTest::newRow("integration without description")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/integrations")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("ci")}} << QStringLiteral("description");
    QTest::newRow("token expiry not whole")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/integrations/int_x/tokens")
        << QJsonObject{{QStringLiteral("expiry_days"), 1.5}} << QStringLiteral("expiry_days");
    QTest::newRow("role permissions not an array")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/roles")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("r")},
                       {QStringLiteral("description"), QString()},
                       {QStringLiteral("permissions"), QStringLiteral("secrets.read")}}
        << QStringLiteral("permissions");
    QTest::newRow("role permissions not strings") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/roles")
                                                  << QJsonObject{{QStringLiteral("name"), QStringLiteral("r")},
                                                                 {QStringLiteral("description"), QString()},
                                                                 {QStringLiteral("permissions"), QJsonArray{1, 2}}}
                                                  << QStringLiteral("permissions");
    QTest::newRow("binding without role") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/bindings")
                                          << QJsonObject{{QStringLiteral("identity_kind"), QStringLiteral("user")},
                                                         {QStringLiteral("identity_id"), QStringLiteral("usr_x")}}
                                          << QStringLiteral("role_id");
    QTest::newRow("platform binding without identity")
        << QByteArray("POST") << QStringLiteral("/api/v1/platform/bindings")
        << QJsonObject{{QStringLiteral("identity_kind"), QStringLiteral("user")},
                       {QStringLiteral("role_id"), roles::kPlatformAuditor}}
        << QStringLiteral("identity_id");
    QTest::newRow("check without permission")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/authz/check")
        << QJsonObject{{QStringLiteral("identity_id"), QStringLiteral("usr_x")}} << QStringLiteral("permission");
    QTest::newRow("explain without identity")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/authz/explain")
        << QJsonObject{{QStringLiteral("permission"), QStringLiteral("secrets.read")}} << QStringLiteral("identity_id");
    QTest::newRow("secret without value")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("s")}} << QStringLiteral("value");
    QTest::newRow("secret value not a string")
        << QByteArray("PUT") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/s")
        << QJsonObject{{QStringLiteral("value"), 42}} << QStringLiteral("value");
    QTest::newRow("secret tags not strings")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("s")},
                       {QStringLiteral("value"), QString::fromLatin1(kValueThree)},
                       {QStringLiteral("tags"), QJsonArray{QJsonObject{}}}}
        << QStringLiteral("tags");
    QTest::newRow("secret expiry not a number")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("s")},
                       {QStringLiteral("value"), QString::fromLatin1(kValueThree)},
                       {QStringLiteral("expires_at"), QStringLiteral("2030-01-01")}}
        << QStringLiteral("expires_at");
    QTest::newRow("reveal without reason")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/s/reveal")
        << QJsonObject{{QStringLiteral("version"), 1}} << QStringLiteral("reason");
    QTest::newRow("restore version as text")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/s/restore")
        << QJsonObject{{QStringLiteral("version"), QStringLiteral("1")}} << QStringLiteral("version");
    QTest::newRow("integration locked misspelt")
        << QByteArray("PATCH") << QStringLiteral("/api/v1/tenants/{A}/integrations/int_x")
        << QJsonObject{{QStringLiteral("lock"), true}} << QStringLiteral("lock");
    QTest::newRow("token expiry misnamed")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/integrations/int_x/tokens")
        << QJsonObject{{QStringLiteral("days"), 1}} << QStringLiteral("days");
    QTest::newRow("tenant with an extra field") << QByteArray("POST") << QStringLiteral("/api/v1/tenants")
                                                << QJsonObject{{QStringLiteral("name"), QStringLiteral("x2")},
                                                               {QStringLiteral("display_name"), QStringLiteral("X")},
                                                               {QStringLiteral("owner_username"), QStringLiteral("xo")},
                                                               {QStringLiteral("owner_password"), pw},
                                                               {QStringLiteral("bogus_field"), 1}}
                                                << QStringLiteral("bogus_field");
    QTest::newRow("change password current not a string")
        << QByteArray("POST") << QStringLiteral("/api/v1/auth/password")
        << QJsonObject{{QStringLiteral("current_password"), 12345}, {QStringLiteral("new_password"), pw}}
        << QStringLiteral("current_password");
    QTest::newRow("remove TOTP current not a string")
        << QByteArray("POST") << QStringLiteral("/api/v1/auth/mfa/totp/remove")
        << QJsonObject{{QStringLiteral("current_password"), QJsonArray{pw}}} << QStringLiteral("current_password");
    QTest::newRow("recovery codes current code not a string")
        << QByteArray("POST") << QStringLiteral("/api/v1/auth/mfa/recovery-codes")
        << QJsonObject{{QStringLiteral("current_password"), pw}, {QStringLiteral("current_code"), 123456}}
        << QStringLiteral("current_code");
    QTest::newRow("confirm TOTP current not a string")
        << QByteArray("POST") << QStringLiteral("/api/v1/auth/mfa/totp/confirm")
        << QJsonObject{{QStringLiteral("code"), QStringLiteral("123456")}, {QStringLiteral("current_password"), true}}
        << QStringLiteral("current_password");
    QTest::newRow("user update with nothing to change")
        << QByteArray("PATCH") << QStringLiteral("/api/v1/tenants/{A}/users/{alice}")
        << QJsonObject{{QStringLiteral("email"), QJsonValue::Null}} << QStringLiteral("display_name");
    QTest::newRow("role update with nothing to change")
        << QByteArray("PATCH") << QStringLiteral("/api/v1/tenants/{A}/roles/") + roles::kMember
        << QJsonObject{{QStringLiteral("permissions"), QJsonValue::Null}} << QStringLiteral("permissions");
}

void TestApiRoutes::missingOrMistypedField()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, field);
    const bool platform = !path.contains(QLatin1String("{A}"));
    path.replace(QLatin1String("{A}"), f->tenantA)
        .replace(QLatin1String("{W}"), f->w1)
        .replace(QLatin1String("{alice}"), f->userId(f->tenantA, QStringLiteral("alice")));
    const QString token = platform ? root() : alice();
    const qint64 events = f->auditCount();
    auto r = call(method, path.toUtf8(), token, body);
    QCOMPARE(r.status(), 400);
    QCOMPARE(r.type(), problemType("invalid-request"));
    QVERIFY2(r.detail().contains(QLatin1Char('"') + field + QLatin1Char('"')), qPrintable(r.detail()));
    // Refused at the door: the control plane was never asked.
    QCOMPARE(f->auditCount(), events);
}

QByteArray TestApiRoutes::fill(const api::Route& route)
{
    QByteArrayList out;
    for (const QString& segment : route.segments) {
        if (segment == QLatin1String("{tenant}"))
            out << pct(f->tenantA);
        else if (segment == QLatin1String("{workspace}"))
            out << pct(f->w1);
        else if (segment == QLatin1String("{user}"))
            out << pct(f->userId(f->tenantA, QStringLiteral("alice")));
        else if (segment == QLatin1String("{version}"))
            out << "1";
        else if (segment.startsWith(QLatin1Char('{')))
            out << "made_up_id";
        else
            out << segment.toUtf8();
    }
    return out.join('/');
}

void TestApiRoutes::unknownFieldIsRefusedByEveryBody()
{
    // Each route that reads a body, sent a field it does not take (and nothing else): the unknown field is named,
    // before any missing field, and the control plane is never asked.
    QStringList wrong;
    int routes = 0;
    for (const api::Route& route : m_api->router().routes()) {
        if (route.body != api::RouteBody::Json)
            continue;
        ++routes;
        for (const QJsonObject& body :
             {QJsonObject{{QStringLiteral("zz_not_a_field"), 1}},
              QJsonObject{{QStringLiteral("zz_not_a_field"), QStringLiteral("x")}, {QStringLiteral("name"), 1}}}) {
            const QByteArray target = fill(route);
            const QString token = root();
            const qint64 events = f->auditCount();
            const Reply r = call(route.method, target, token, body);
            if (r.status() != 400 || r.type() != problemType("invalid-request") ||
                !r.detail().contains(QLatin1String("\"zz_not_a_field\"")) || f->auditCount() != events)
                wrong << route.operationId + QStringLiteral(": %1 %2").arg(r.status()).arg(r.detail());
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("\n"))));
    QVERIFY(routes >= 30);

    // The findings of the review, in full: a misnamed expiry issues no token, an extra field creates no tenant.
    const QByteArray integrations = tenantPath(f->tenantA) + "/integrations";
    auto made = call("POST", integrations, alice(),
                     {{QStringLiteral("name"), QStringLiteral("ci")}, {QStringLiteral("description"), QString()}});
    QCOMPARE(made.status(), 201);
    const QByteArray tokens = integrations + '/' + pct(made.json().value(QStringLiteral("id")).toString()) + "/tokens";
    auto refused = call("POST", tokens, alice(), {{QStringLiteral("days"), 1}});
    QCOMPARE(refused.status(), 400);
    QVERIFY2(refused.detail().contains(QLatin1String("\"days\"")), qPrintable(refused.detail()));
    QVERIFY(refused.detail().contains(QLatin1String("expiry_days")));
    QCOMPARE(call("GET", tokens, alice()).items().size(), 0);
    auto issued = call("POST", tokens, alice(), {{QStringLiteral("expiry_days"), 1}});
    QCOMPARE(issued.status(), 201);
    allowInLastReply(issued.json().value(QStringLiteral("secret")).toString().toUtf8());
    const QJsonObject token = issued.json().value(QStringLiteral("token")).toObject();
    QCOMPARE(token.value(QStringLiteral("expires_at")).toInteger() -
                 token.value(QStringLiteral("created_at")).toInteger(),
             qint64(86'400'000));
}

void TestApiRoutes::bodyIsRefusedWhereNoneIsTaken()
{
    // An operation that reads no body refuses one, even an empty object, before anything else happens.
    QStringList wrong;
    int routes = 0;
    for (const api::Route& route : m_api->router().routes()) {
        if (route.body != api::RouteBody::None)
            continue;
        ++routes;
        for (const QByteArray& body : {QByteArray(R"({"current_password": 5})"), QByteArray("{}")}) {
            const QByteArray target = fill(route);
            const QString token = root();
            const qint64 events = f->auditCount();
            const Reply r = callRaw(route.method, target, token, body);
            if (r.status() != 400 || r.type() != problemType("invalid-request") || f->auditCount() != events)
                wrong << route.operationId + QStringLiteral(": %1 %2").arg(r.status()).arg(r.detail());
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(wrong.join(QStringLiteral("\n"))));
    QVERIFY(routes >= 60);
    // Without the body the same operation works.
    QCOMPARE(call("POST", "/api/v1/auth/mfa/totp", alice()).status(), 200);
}

void TestApiRoutes::emptyUpdatesAreRefused()
{
    const QByteArray alicePath =
        tenantPath(f->tenantA) + "/users/" + pct(f->userId(f->tenantA, QStringLiteral("alice")));
    const QByteArray rootPath = "/api/v1/platform/users/" + pct(f->platformOwnerId);
    const QByteArray rolePath = tenantPath(f->tenantA) + "/roles/" + pct(roles::kMember);
    const QByteArray tenant = tenantPath(f->tenantA);
    const QString aliceToken = alice();
    const QString rootToken = root();
    for (const auto& [target, token] : {std::pair{alicePath, aliceToken}, std::pair{rootPath, rootToken},
                                        std::pair{rolePath, aliceToken}, std::pair{tenant, rootToken}}) {
        const qint64 events = f->auditCount();
        const Reply r = callRaw("PATCH", target, token, "{}");
        QCOMPARE(r.status(), 400);
        QCOMPARE(r.type(), problemType("invalid-request"));
        QCOMPARE(f->auditCount(), events);
    }
}

void TestApiRoutes::unknownQueryValuesAreRefused_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QByteArray>("target");
    QTest::addColumn<QString>("parameter");
    QTest::addColumn<QStringList>("values");
    const QStringList outcomes{QStringLiteral("success"), QStringLiteral("denied"), QStringLiteral("error")};
    QTest::newRow("outcome") << QByteArray("GET") << QByteArray("/api/v1/audit/events?outcome=maybe")
                             << QStringLiteral("outcome") << outcomes;
    QTest::newRow("histogram outcome") << QByteArray("GET") << QByteArray("/api/v1/audit/histogram?outcome=Success")
                                       << QStringLiteral("outcome") << outcomes;
    QTest::newRow("incremental") << QByteArray("POST") << QByteArray("/api/v1/audit/verify?incremental=perhaps")
                                 << QStringLiteral("incremental")
                                 << QStringList{QStringLiteral("true"), QStringLiteral("false")};
}

void TestApiRoutes::unknownQueryValuesAreRefused()
{
    QFETCH(QByteArray, method);
    QFETCH(QByteArray, target);
    QFETCH(QString, parameter);
    QFETCH(QStringList, values);
    const Reply r = call(method, target, root());
    QCOMPARE(r.status(), 400);
    QCOMPARE(r.type(), problemType("invalid-request"));
    QVERIFY2(r.detail().contains(QLatin1Char('"') + parameter + QLatin1Char('"')), qPrintable(r.detail()));
    for (const QString& v : values)
        QVERIFY2(r.detail().contains(v), qPrintable(r.detail()));
    // A documented value is taken.
    target.replace(target.mid(target.indexOf('=') + 1), values.first().toUtf8());
    QCOMPARE(call(method, target, root()).status(), 200);
}

void TestApiRoutes::otherTenantsObjectsAreNotFound_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path"); // {A} tenant A, {W} W1, {alice} alice's id, {role}, {binding}
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<bool>("object"); // names an object of A, so B's own tenant id does not find it either
    QTest::newRow("tenant settings") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/settings")
                                     << QJsonObject{} << false;
    QTest::newRow("workspaces") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/workspaces")
                                << QJsonObject{} << false;
    QTest::newRow("workspace") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}")
                               << QJsonObject{} << true;
    QTest::newRow("rename workspace") << QByteArray("PATCH") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}")
                                      << QJsonObject{{QStringLiteral("display_name"), QStringLiteral("Mine now")}}
                                      << true;
    QTest::newRow("delete workspace") << QByteArray("DELETE")
                                      << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}?confirm=prod")
                                      << QJsonObject{} << true;
    QTest::newRow("user") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/users/{alice}") << QJsonObject{}
                          << true;
    QTest::newRow("lock user") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/users/{alice}/lock")
                               << QJsonObject{} << true;
    QTest::newRow("reset password") << QByteArray("POST")
                                    << QStringLiteral("/api/v1/tenants/{A}/users/{alice}/reset-password")
                                    << QJsonObject{{QStringLiteral("password"), QString::fromLatin1(kNewPassword)}}
                                    << true;
    QTest::newRow("integrations") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/integrations")
                                  << QJsonObject{} << false;
    QTest::newRow("role") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/roles/{role}") << QJsonObject{}
                          << true;
    QTest::newRow("delete binding") << QByteArray("DELETE") << QStringLiteral("/api/v1/tenants/{A}/bindings/{binding}")
                                    << QJsonObject{} << true;
    QTest::newRow("check") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/authz/check")
                           << QJsonObject{{QStringLiteral("identity_id"), QStringLiteral("{alice}")},
                                          {QStringLiteral("permission"), QStringLiteral("secrets.read")}}
                           << true;
    QTest::newRow("secrets") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets")
                             << QJsonObject{} << true;
    QTest::newRow("secret") << QByteArray("GET")
                            << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword")
                            << QJsonObject{} << true;
    QTest::newRow("reveal") << QByteArray("POST")
                            << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword/reveal")
                            << QJsonObject{{QStringLiteral("reason"), QStringLiteral("curious")}} << true;
    QTest::newRow("update secret") << QByteArray("PUT")
                                   << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword")
                                   << QJsonObject{{QStringLiteral("value"), QString::fromLatin1(kValueThree)}} << true;
    QTest::newRow("due secrets") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/secrets/due")
                                 << QJsonObject{} << false;
}

void TestApiRoutes::otherTenantsObjectsAreNotFound()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    // Objects of tenant A, which bob (Tenant Owner of B) must not even learn exist.
    QVERIFY(f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/password"), {}, {}, 0, 0},
                                secret(kValueOne)));
    auto role = f->cp->createRole(f->system, f->tenantA, QStringLiteral("ops"), {}, {QStringLiteral("secrets.read")});
    QVERIFY(role);
    const QString aliceId = f->userId(f->tenantA, QStringLiteral("alice"));
    auto binding = f->cp->createBinding(f->system, f->tenantA, QStringLiteral("user"), aliceId, role.value().id);
    QVERIFY(binding);
    auto fill = [&](QString s) {
        return s.replace(QLatin1String("{A}"), f->tenantA)
            .replace(QLatin1String("{W}"), f->w1)
            .replace(QLatin1String("{alice}"), aliceId)
            .replace(QLatin1String("{role}"), role.value().id)
            .replace(QLatin1String("{binding}"), binding.value().id);
    };
    QJsonObject filled;
    for (auto it = body.begin(); it != body.end(); ++it)
        filled.insert(it.key(), it.value().isString() ? QJsonValue(fill(it.value().toString())) : it.value());
    auto r = call(method, fill(path).toUtf8(), bob(), filled);
    QCOMPARE(r.status(), 404);
    QCOMPARE(r.type(), problemType("not-found"));
    // And the same object through bob's own tenant id is not found either.
    QFETCH(bool, object);
    if (object) {
        QString own = path;
        own.replace(QLatin1String("{A}"), f->tenantB);
        auto viaOwn = call(method, fill(own).toUtf8(), bob(), filled);
        QCOMPARE(viaOwn.status(), 404);
        QCOMPARE(viaOwn.type(), problemType("not-found"));
    }
    // Nothing of tenant A changed.
    QCOMPARE(f->cp->getWorkspace(f->system, f->tenantA, f->w1).value().displayName, QStringLiteral("Production"));
    QCOMPARE(f->cp->getUser(f->system, f->tenantA, aliceId).value().status, QStringLiteral("active"));
    QCOMPARE(f->cp->listBindings(f->system, f->tenantA).value().size(), 2); // alice as owner, and ops
    QCOMPARE(f->cp->listSecrets(f->system, f->tenantA, f->w1).value().value(0).currentVersion, 1);
}

void TestApiRoutes::noTokenIsUnauthenticated_data()
{
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    QTest::addColumn<QString>("token");
    const QJsonObject none;
    QTest::newRow("tenants") << QByteArray("GET") << QStringLiteral("/api/v1/tenants") << none << QString();
    QTest::newRow("create tenant") << QByteArray("POST") << QStringLiteral("/api/v1/tenants")
                                   << QJsonObject{{QStringLiteral("name"), QStringLiteral("n1")},
                                                  {QStringLiteral("display_name"), QStringLiteral("N")},
                                                  {QStringLiteral("owner_username"), QStringLiteral("o")},
                                                  {QStringLiteral("owner_password"), QString::fromLatin1(kNewPassword)}}
                                   << QString();
    QTest::newRow("settings") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/settings") << none
                              << QString();
    QTest::newRow("workspace") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}") << none
                               << QString();
    QTest::newRow("users") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/users") << none << QString();
    QTest::newRow("platform users") << QByteArray("GET") << QStringLiteral("/api/v1/platform/users") << none
                                    << QString();
    QTest::newRow("integrations") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/integrations") << none
                                  << QString();
    QTest::newRow("roles") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/roles") << none << QString();
    QTest::newRow("platform bindings") << QByteArray("GET") << QStringLiteral("/api/v1/platform/bindings") << none
                                       << QString();
    QTest::newRow("secrets") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets")
                             << none << QString();
    QTest::newRow("reveal with a made-up token")
        << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword/reveal")
        << QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")}}
        << QStringLiteral("ghs_notarealsessiontokenatall");
}

void TestApiRoutes::noTokenIsUnauthenticated()
{
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QFETCH(QString, token);
    QVERIFY(f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/password"), {}, {}, 0, 0},
                                secret(kValueOne)));
    path.replace(QLatin1String("{A}"), f->tenantA).replace(QLatin1String("{W}"), f->w1);
    auto r = call(method, path.toUtf8(), token, body);
    QCOMPARE(r.status(), 401);
    QCOMPARE(r.type(), problemType("unauthenticated"));
    QVERIFY(r.response.header("WWW-Authenticate").startsWith("Bearer"));
}

void TestApiRoutes::roleWithoutThePermissionIsForbidden_data()
{
    QTest::addColumn<QString>("who"); // member (Member in W1), admin (Tenant Admin), alice, root
    QTest::addColumn<QByteArray>("method");
    QTest::addColumn<QString>("path");
    QTest::addColumn<QJsonObject>("body");
    const QJsonObject none;
    QTest::newRow("member creates a workspace")
        << QStringLiteral("member") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/workspaces")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("mine")},
                       {QStringLiteral("display_name"), QStringLiteral("M")}};
    QTest::newRow("member lists users") << QStringLiteral("member") << QByteArray("GET")
                                        << QStringLiteral("/api/v1/tenants/{A}/users") << none;
    QTest::newRow("member creates a user")
        << QStringLiteral("member") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/users")
        << QJsonObject{{QStringLiteral("username"), QStringLiteral("sneaky")},
                       {QStringLiteral("display_name"), QStringLiteral("S")},
                       {QStringLiteral("email"), QString()},
                       {QStringLiteral("password"), QString::fromLatin1(kNewPassword)}};
    QTest::newRow("member creates a role")
        << QStringLiteral("member") << QByteArray("POST") << QStringLiteral("/api/v1/tenants/{A}/roles")
        << QJsonObject{{QStringLiteral("name"), QStringLiteral("r")},
                       {QStringLiteral("description"), QString()},
                       {QStringLiteral("permissions"), QJsonArray{QStringLiteral("secrets.reveal")}}};
    QTest::newRow("member writes a secret")
        << QStringLiteral("member") << QByteArray("PUT")
        << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword")
        << QJsonObject{{QStringLiteral("value"), QString::fromLatin1(kValueThree)}};
    QTest::newRow("member reveals") << QStringLiteral("member") << QByteArray("POST")
                                    << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword/reveal")
                                    << QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")},
                                                   {QStringLiteral("version"), 1}};
    QTest::newRow("member reads another workspace's secrets")
        << QStringLiteral("member") << QByteArray("GET")
        << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W2}/secrets") << none;
    QTest::newRow("admin reveals") << QStringLiteral("admin") << QByteArray("POST")
                                   << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets/db%2Fpassword/reveal")
                                   << QJsonObject{{QStringLiteral("reason"), QStringLiteral("x")},
                                                  {QStringLiteral("version"), 1}};
    QTest::newRow("admin changes settings")
        << QStringLiteral("admin") << QByteArray("PUT") << QStringLiteral("/api/v1/tenants/{A}/settings")
        << QJsonObject{{QStringLiteral("session_idle_seconds"), 600},
                       {QStringLiteral("session_absolute_seconds"), 3600},
                       {QStringLiteral("lockout_threshold"), 5},
                       {QStringLiteral("lockout_seconds"), 600},
                       {QStringLiteral("require_mfa_for_admins"), false}};
    QTest::newRow("tenant owner lists tenants")
        << QStringLiteral("alice") << QByteArray("GET") << QStringLiteral("/api/v1/tenants") << none;
    QTest::newRow("tenant owner lists platform bindings")
        << QStringLiteral("alice") << QByteArray("GET") << QStringLiteral("/api/v1/platform/bindings") << none;
    QTest::newRow("platform owner reads a tenant's secrets")
        << QStringLiteral("root") << QByteArray("GET") << QStringLiteral("/api/v1/tenants/{A}/workspaces/{W}/secrets")
        << none;
}

void TestApiRoutes::roleWithoutThePermissionIsForbidden()
{
    QFETCH(QString, who);
    QFETCH(QByteArray, method);
    QFETCH(QString, path);
    QFETCH(QJsonObject, body);
    QVERIFY(f->cp->createSecret(f->system, f->tenantA, f->w1, {QStringLiteral("db/password"), {}, {}, 0, 0},
                                secret(kValueOne)));
    path.replace(QLatin1String("{A}"), f->tenantA)
        .replace(QLatin1String("{W2}"), f->w2)
        .replace(QLatin1String("{W}"), f->w1);
    const QString token = who == QLatin1String("member")  ? member()
                          : who == QLatin1String("admin") ? admin()
                          : who == QLatin1String("alice") ? alice()
                                                          : root();
    auto r = call(method, path.toUtf8(), token, body);
    QCOMPARE(r.status(), 403);
    QCOMPARE(r.type(), problemType("forbidden"));
    QCOMPARE(f->cp->listSecrets(f->system, f->tenantA, f->w1).value().value(0).currentVersion, 1);
}

QTEST_GUILESS_MAIN(TestApiRoutes)
#include "TestApiRoutes.moc"
