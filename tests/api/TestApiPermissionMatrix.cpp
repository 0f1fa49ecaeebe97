// The control plane's role matrix (TestPermissionMatrix) again over HTTP, for every route of the router: each
// route x the 8 built-in roles x the scope relations that apply, sent through ApiService::handle() with valid path
// parameters and a minimal valid body. The expected answer comes from the table below, written independently of
// the role definitions; every call must leave exactly one audit event with the matching outcome and the
// response's X-Request-Id.
#include "ContractRecorder.h"
#include "ControlPlaneFixture.h"
#include "api/ApiService.h"
#include "core/Encoding.h"
#include "crypto/Totp.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using api::HttpRequest;
using api::HttpResponse;
using service::Caller;
namespace roles = authz::builtin;

namespace {

// Where a route acts: on the platform, on the caller itself, on a tenant, or on one workspace of a tenant.
enum class Scope { Platform, Self, Tenant, Workspace };
// Where a case's objects are, seen from the role: its own workspace (W1 of tenant A, where the workspace-bound
// roles are bound), the other workspace of the same tenant (W2), another tenant (B), the platform, itself.
enum class Relation { Own, OtherWorkspace, OtherTenant, Platform, Self };
const char* const kRelationNames[] = {"own", "other workspace", "other tenant", "platform", "self"};

struct Target
{
    Relation relation = Relation::Own;
    QString tenantId;
    QString workspaceId;
};

// What a case sends besides the method and the path pattern, which come from the router.
struct Request
{
    QHash<QString, QString> params; // path parameters; "tenant" and "workspace" default to the target's
    QJsonObject body;
    QUrlQuery query;
    QString token; // when set: sent instead of the role's shared session (a fresh identity or session)
};

// A password for changes; long, not common, and not containing any username the cases make.
const char* kNewPassword = "quartz-lantern-meadow-41";

const QString PO = QStringLiteral("PO"), PA = QStringLiteral("PA"), TO = QStringLiteral("TO"),
              TA = QStringLiteral("TA"), SR = QStringLiteral("SR"), SM = QStringLiteral("SM"),
              MB = QStringLiteral("MB"), IN = QStringLiteral("IN");
const QStringList kAllRoles{PO, PA, TO, TA, SR, SM, MB, IN};
// Roles bound to the whole tenant; SM, MB and IN are bound in W1 only.
const QStringList kTenantWide{TO, TA, SR};

// Who plays each role: the fixture's platform owner and tenant owner, and users (or an integration) bound here.
struct Seat
{
    QString role;
    QString tenantName; // empty: a platform administrator
    QString username;
    QString roleId;
    bool inW1; // bound in workspace W1 rather than tenant-wide
};

const QList<Seat>& seats()
{
    static const QList<Seat> list{
        {PO, {}, QStringLiteral("root"), roles::kPlatformOwner, false},
        {PA, {}, QStringLiteral("auditor"), roles::kPlatformAuditor, false},
        {TO, QStringLiteral("acme"), QStringLiteral("alice"), roles::kTenantOwner, false},
        {TA, QStringLiteral("acme"), QStringLiteral("tadmin"), roles::kTenantAdmin, false},
        {SR, QStringLiteral("acme"), QStringLiteral("reviewer"), roles::kSecurityReviewer, false},
        {SM, QStringLiteral("acme"), QStringLiteral("secman"), roles::kSecretsManager, true},
        {MB, QStringLiteral("acme"), QStringLiteral("member"), roles::kMember, true},
    };
    return list;
}

const Seat* seatOf(const QString& role)
{
    for (const Seat& s : seats())
        if (s.role == role)
            return &s;
    return nullptr;
}

int counter = 0;
QString unique(const char* stem)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(stem)).arg(++counter);
}

// The fixture and what the cases share: each role's session, and a few objects that are only read.
struct World
{
    ControlPlaneFixture f;
    QHash<QString, QString> tokens;     // role -> bearer token, signed in once
    QString robotId;                    // the integration whose token plays IN
    QHash<QString, QString> subject;    // tenant id -> a user to read and ask about, none of the roles
    QHash<QString, QString> customRole; // tenant id -> a role to read

    // A new identity holding `role` at the role's scope, signed in: for calls that change the caller's own
    // account. Empty without a role.
    QString freshSession(const QString& role)
    {
        if (role == IN)
            return f.cp->issueToken(f.system, f.tenantA, robotId).value().secret;
        const Seat* seat = seatOf(role);
        if (!seat)
            return {};
        const QString tenantId = seat->tenantName.isEmpty() ? QString() : f.tenantA;
        const QString username = unique("fresh");
        const QString id = f.cp->createUser(f.system, tenantId, username, username, {}, secret(kPassword)).value().id;
        if (!f.cp->createBinding(f.system, tenantId, QStringLiteral("user"), id, seat->roleId,
                                 seat->inW1 ? f.w1 : QString()))
            return {};
        return f.signIn(seat->tenantName, username).token;
    }
    // A fresh identity as above, with an authenticator enrolled; `code` receives one of its recovery codes (the
    // second factor for a change of its own credentials).
    QString enrolledSession(const QString& role, QString& code)
    {
        const QString token = freshSession(role);
        if (token.isEmpty() || role == IN)
            return token;
        const Caller caller = Caller::withToken(token);
        const auto enrolment = f.cp->beginTotpEnrollment(caller);
        if (!enrolment)
            return token;
        const QByteArray key = encoding::fromBase32(enrolment.value().secret).value_or(QByteArray());
        auto codes = f.cp->confirmTotpEnrollment(caller, crypto::totp::code(key, crypto::totp::stepAt(f.clock.nowMs())),
                                                 current());
        if (codes)
            code = codes.value().first();
        return token;
    }
    // Another session of the role's shared identity: for calls that end the session they come with.
    QString anotherSession(const QString& role)
    {
        if (role == IN)
            return tokens.value(IN); // refused before anything ends
        const Seat* seat = seatOf(role);
        return seat ? f.signIn(seat->tenantName, seat->username).token : QString();
    }
};

// Fresh objects in the target's tenant (or on the platform), made by the local system, so that each case acts on
// its own.
QString freshUser(World& w, const QString& tenantId)
{
    return w.f.cp->createUser(w.f.system, tenantId, unique("u"), QStringLiteral("U"), {}, secret(kPassword)).value().id;
}
QString freshUserWith(World& w, const QString& tenantId, service::UserStatusChange change)
{
    const QString id = freshUser(w, tenantId);
    (void)w.f.cp->setUserStatus(w.f.system, tenantId, id, change);
    return id;
}
QString freshIntegration(World& w, const QString& tenantId)
{
    return w.f.cp->createIntegration(w.f.system, tenantId, unique("i"), {}).value().id;
}
QString freshRole(World& w, const QString& tenantId)
{
    return w.f.cp->createRole(w.f.system, tenantId, unique("r"), {}, {QStringLiteral("users.read")}).value().id;
}
QString freshSecret(World& w, const Target& t, int rotationDays = 0)
{
    const QString name = unique("app/key");
    (void)w.f.cp->createSecret(w.f.system, t.tenantId, t.workspaceId, {name, {}, {}, rotationDays, 0},
                               secret("initial-value"));
    return name;
}
// A secret with two versions: 1 is no longer current.
QString freshSecretWithHistory(World& w, const Target& t)
{
    const QString name = freshSecret(w, t);
    (void)w.f.cp->updateSecretValue(w.f.system, t.tenantId, t.workspaceId, name, secret("second-value"));
    return name;
}

QJsonObject newUserBody()
{
    return {{QStringLiteral("username"), unique("newcomer")},
            {QStringLiteral("display_name"), QStringLiteral("Newcomer")},
            {QStringLiteral("email"), QString()},
            {QStringLiteral("password"), QString::fromLatin1(kNewPassword)}};
}

using Prepare = std::function<Request(World&, const Target&, const QString& role)>;

struct RouteSpec
{
    const char* operationId;
    Scope scope;
    QStringList allowed; // roles allowed at their own scope
    Prepare prepare;
};

Request nothing(World&, const Target&, const QString&)
{
    return {};
}

// A forwarding destination nobody listens at (plain TCP to this machine, which needs no CA).
QJsonObject forwardDestinationBody()
{
    return {{QStringLiteral("name"), unique("siem")},
            {QStringLiteral("host"), QStringLiteral("127.0.0.1")},
            {QStringLiteral("port"), 9},
            {QStringLiteral("transport"), QStringLiteral("tcp")}};
}

// A fresh destination of the scope (tenantId empty: the platform's), made by the local system; its id.
QString newForwardDestination(World& w, const QString& tenantId)
{
    forward::Destination d;
    d.tenantId = tenantId;
    d.name = unique("gone");
    d.host = QStringLiteral("127.0.0.1");
    d.port = 9;
    d.transport = forward::Destination::Transport::Tcp;
    return w.f.cp->createForwardDestination(w.f.system, d).value().id;
}

// A tenant's identity provider (nothing contacts it here).
identity::FederationConfig oidcProvider(const QString& tenantId)
{
    identity::FederationConfig c;
    c.tenantId = tenantId;
    c.issuer = QStringLiteral("https://idp.example.com");
    c.clientId = QStringLiteral("gatehouse");
    return c;
}

// The expectations: for each operation of the API, the roles allowed at their own scope. Written from what each
// built-in role is for, not from its permission set.
const QList<RouteSpec>& routeSpecs()
{
    using W = World;
    using T = Target;
    using R = QString;
    using service::UserStatusChange;
    const QStringList USERS{PO, PA, TO, TA, SR, SM, MB};
    const QStringList TOTA{TO, TA};
    const QStringList READERS{TO, TA, SR};
    const QStringList WS_READERS{TO, TA, SR, SM, MB};
    const QStringList SECRET_WRITERS{TO, TA, SM};
    const QStringList REVEALERS{TO, SM};
    const QStringList POPA{PO, PA};
    const QStringList ONLY_PO{PO};
    const QStringList ONLY_TO{TO};
    const QJsonObject settings{{QStringLiteral("session_idle_seconds"), 30 * 60},
                               {QStringLiteral("session_absolute_seconds"), 12 * 60 * 60},
                               {QStringLiteral("lockout_threshold"), 5},
                               {QStringLiteral("lockout_seconds"), 15 * 60},
                               {QStringLiteral("require_mfa_for_admins"), false}};
    static const QList<RouteSpec> specs{
        // --- the caller itself ---
        {"whoami", Scope::Self, kAllRoles, nothing},
        {"auditPublicKey", Scope::Self, kAllRoles, nothing},
        {"logout", Scope::Self, USERS,
         [](W& w, const T&, const R& role) {
             Request r;
             r.token = w.anotherSession(role);
             return r;
         }},
        {"changeOwnPassword", Scope::Self, USERS,
         [](W& w, const T&, const R& role) {
             Request r;
             r.token = w.freshSession(role);
             r.body = {{QStringLiteral("current_password"), QString::fromLatin1(kPassword)},
                       {QStringLiteral("new_password"), QString::fromLatin1(kNewPassword)}};
             return r;
         }},
        {"beginTotpEnrollment", Scope::Self, USERS, nothing},
        {"confirmTotpEnrollment", Scope::Self, USERS,
         [](W& w, const T&, const R& role) {
             Request r;
             r.body = {{QStringLiteral("code"), QStringLiteral("000000")},
                       {QStringLiteral("current_password"), QString::fromLatin1(kPassword)}};
             if (role.isEmpty() || role == IN)
                 return r;
             r.token = w.freshSession(role);
             const auto enrolment = w.f.cp->beginTotpEnrollment(Caller::withToken(r.token));
             if (enrolment) {
                 const QByteArray key = encoding::fromBase32(enrolment.value().secret).value_or(QByteArray());
                 r.body[QStringLiteral("code")] = crypto::totp::code(key, crypto::totp::stepAt(w.f.clock.nowMs()));
             }
             return r;
         }},
        {"removeTotp", Scope::Self, USERS,
         [](W& w, const T&, const R& role) {
             Request r;
             QString code;
             r.token = w.enrolledSession(role, code);
             r.body = {{QStringLiteral("current_password"), QString::fromLatin1(kPassword)},
                       {QStringLiteral("current_code"), code}};
             return r;
         }},
        {"regenerateRecoveryCodes", Scope::Self, USERS,
         [](W& w, const T&, const R& role) {
             Request r;
             QString code;
             r.token = w.enrolledSession(role, code);
             r.body = {{QStringLiteral("current_password"), QString::fromLatin1(kPassword)},
                       {QStringLiteral("current_code"), code}};
             return r;
         }},
        // --- the platform ---
        {"metrics", Scope::Platform, POPA, nothing},
        {"listPlatformAuditEvents", Scope::Platform, POPA, nothing},
        {"platformAuditHistogram", Scope::Platform, POPA, nothing},
        {"streamPlatformAuditEvents", Scope::Platform, POPA, nothing},
        {"exportPlatformAuditEvents", Scope::Platform, POPA,
         [](W&, const T&, const R&) {
             Request r;
             r.query = QUrlQuery{{QStringLiteral("format"), QStringLiteral("jsonl")}};
             return r;
         }},
        {"verifyAudit", Scope::Platform, POPA, nothing},
        {"signAuditCheckpoint", Scope::Platform, ONLY_PO, nothing},
        {"listTenants", Scope::Platform, POPA, nothing},
        {"createTenant", Scope::Platform, ONLY_PO,
         [](W&, const T&, const R&) {
             Request r;
             r.body = {{QStringLiteral("name"), unique("tenant")},
                       {QStringLiteral("display_name"), QStringLiteral("New tenant")},
                       {QStringLiteral("owner_username"), QStringLiteral("owner")},
                       {QStringLiteral("owner_password"), QString::fromLatin1(kNewPassword)}};
             return r;
         }},
        {"getTenant", Scope::Platform, POPA,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("tenant"), w.f.tenantA}}, {}, {}, {}};
         }},
        {"updateTenant", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             const QString id = w.f.cp
                                    ->createTenant(w.f.system, unique("t"), QStringLiteral("T"),
                                                   QStringLiteral("owner"), secret(kPassword))
                                    .value()
                                    .id;
             return Request{{{QStringLiteral("tenant"), id}},
                            {{QStringLiteral("display_name"), QStringLiteral("Renamed")}},
                            {},
                            {}};
         }},
        {"deleteTenant", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             const auto t = w.f.cp
                                ->createTenant(w.f.system, unique("t"), QStringLiteral("T"), QStringLiteral("owner"),
                                               secret(kPassword))
                                .value();
             return Request{{{QStringLiteral("tenant"), t.id}}, {}, QUrlQuery{{QStringLiteral("confirm"), t.name}}, {}};
         }},
        {"listPlatformUsers", Scope::Platform, POPA, nothing},
        {"createPlatformUser", Scope::Platform, ONLY_PO,
         [](W&, const T&, const R&) {
             return Request{{}, newUserBody(), {}, {}};
         }},
        {"getPlatformUser", Scope::Platform, POPA,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), w.f.platformOwnerId}}, {}, {}, {}};
         }},
        {"updatePlatformUser", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{
                 {{QStringLiteral("user"), freshUser(w, {})}},
                 {{QStringLiteral("display_name"), QStringLiteral("New")}, {QStringLiteral("email"), QString()}},
                 {},
                 {}};
         }},
        {"deletePlatformUser", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, {})}}, {}, {}, {}};
         }},
        {"lockPlatformUser", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, {})}}, {}, {}, {}};
         }},
        {"unlockPlatformUser", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUserWith(w, {}, UserStatusChange::Lock)}}, {}, {}, {}};
         }},
        {"disablePlatformUser", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, {})}}, {}, {}, {}};
         }},
        {"enablePlatformUser", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUserWith(w, {}, UserStatusChange::Disable)}}, {}, {}, {}};
         }},
        {"resetPlatformUserMfa", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, {})}}, {}, {}, {}};
         }},
        {"endPlatformUserSessions", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, {})}}, {}, {}, {}};
         }},
        {"resetPlatformUserPassword", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, {})}},
                            {{QStringLiteral("password"), QString::fromLatin1(kNewPassword)}},
                            {},
                            {}};
         }},
        {"listPlatformBindings", Scope::Platform, POPA, nothing},
        {"createPlatformBinding", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{},
                            {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                             {QStringLiteral("identity_id"), freshUser(w, {})},
                             {QStringLiteral("role_id"), roles::kPlatformAuditor}},
                            {},
                            {}};
         }},
        {"deletePlatformBinding", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             const QString b =
                 w.f.cp
                     ->createBinding(w.f.system, {}, QStringLiteral("user"), freshUser(w, {}), roles::kPlatformAuditor)
                     .value()
                     .id;
             return Request{{{QStringLiteral("binding"), b}}, {}, {}, {}};
         }},
        {"listBoundaries", Scope::Platform, POPA, nothing},
        {"getBoundary", Scope::Platform, POPA,
         [](W&, const T&, const R&) {
             return Request{{{QStringLiteral("boundary"), QStringLiteral("secrets")}}, {}, {}, {}};
         }},
        {"getBoundaryControl", Scope::Platform, POPA,
         [](W&, const T&, const R&) {
             return Request{{{QStringLiteral("boundary"), QStringLiteral("data")},
                             {QStringLiteral("control"), QStringLiteral("data.encryption")}},
                            {},
                            {},
                            {}};
         }},
        {"getBoundaryControlHistory", Scope::Platform, POPA,
         [](W&, const T&, const R&) {
             return Request{{{QStringLiteral("boundary"), QStringLiteral("data")},
                             {QStringLiteral("control"), QStringLiteral("data.encryption")}},
                            {},
                            {},
                            {}};
         }},
        // A run first, so the call finds every status as it was and records no drift: its own event only.
        {"runBoundaryChecks", Scope::Platform, POPA,
         [](W& w, const T&, const R&) {
             (void)w.f.cp->runControlChecks(w.f.system);
             return Request{{}, {}, {}, {}};
         }},
        {"generateEvidence", Scope::Platform, POPA,
         [](W&, const T&, const R&) {
             return Request{{}, {}, {}, {}};
         }},
        {"getPlatformForwarding", Scope::Platform, POPA, nothing},
        {"createPlatformForwardDestination", Scope::Platform, ONLY_PO,
         [](W&, const T&, const R&) {
             return Request{{}, forwardDestinationBody(), {}, {}};
         }},
        {"updatePlatformForwardDestination", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("destination"), newForwardDestination(w, {})}},
                            {{QStringLiteral("enabled"), false}},
                            {},
                            {}};
         }},
        {"deletePlatformForwardDestination", Scope::Platform, ONLY_PO,
         [](W& w, const T&, const R&) {
             return Request{{{QStringLiteral("destination"), newForwardDestination(w, {})}}, {}, {}, {}};
         }},
        {"getOwnership", Scope::Platform, POPA, nothing},
        {"updateOwnership", Scope::Platform, ONLY_PO,
         [](W&, const T&, const R&) {
             QJsonObject areas;
             for (const QString& a : boundaries::Ownership::areaIds())
                 areas.insert(a, QJsonObject{{QStringLiteral("owner"), QStringLiteral("customer")}});
             return Request{{}, {{QStringLiteral("areas"), areas}}, {}, {}};
         }},
        // --- a tenant ---
        {"getTenantSettings", Scope::Tenant, READERS, nothing},
        {"getTenantForwarding", Scope::Tenant, READERS, nothing},
        {"getTenantOidc", Scope::Tenant, READERS,
         [](W& w, const T& t, const R&) {
             (void)w.f.cp->setFederation(w.f.system, oidcProvider(t.tenantId));
             return Request{};
         }},
        {"setTenantOidc", Scope::Tenant, ONLY_TO,
         [](W&, const T&, const R&) {
             return Request{{},
                            {{QStringLiteral("issuer"), QStringLiteral("https://idp.example.com")},
                             {QStringLiteral("client_id"), QStringLiteral("gatehouse")},
                             {QStringLiteral("client_secret"), QStringLiteral("client-secret")}},
                            {},
                            {}};
         }},
        {"deleteTenantOidc", Scope::Tenant, ONLY_TO,
         [](W& w, const T& t, const R&) {
             (void)w.f.cp->setFederation(w.f.system, oidcProvider(t.tenantId));
             return Request{};
         }},
        {"getTenantOidcGroupMappings", Scope::Tenant, READERS, nothing},
        {"setTenantOidcGroupMappings", Scope::Tenant, TOTA,
         [](W&, const T&, const R&) {
             return Request{
                 {},
                 {{QStringLiteral("mappings"), QJsonArray{QJsonObject{{QStringLiteral("group"), unique("group")},
                                                                      {QStringLiteral("role_id"), roles::kMember}}}}},
                 {},
                 {}};
         }},
        {"createTenantForwardDestination", Scope::Tenant, ONLY_TO,
         [](W&, const T&, const R&) {
             return Request{{}, forwardDestinationBody(), {}, {}};
         }},
        {"updateTenantForwardDestination", Scope::Tenant, ONLY_TO,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("destination"), newForwardDestination(w, t.tenantId)}},
                            {{QStringLiteral("enabled"), false}},
                            {},
                            {}};
         }},
        {"deleteTenantForwardDestination", Scope::Tenant, ONLY_TO,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("destination"), newForwardDestination(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"updateTenantSettings", Scope::Tenant, ONLY_TO,
         [settings](W&, const T&, const R&) {
             return Request{{}, settings, {}, {}};
         }},
        {"listWorkspaces", Scope::Tenant, WS_READERS, nothing},
        {"createWorkspace", Scope::Tenant, TOTA,
         [](W&, const T&, const R&) {
             return Request{
                 {},
                 {{QStringLiteral("name"), unique("ws")}, {QStringLiteral("display_name"), QStringLiteral("W")}},
                 {},
                 {}};
         }},
        // Deleting a workspace is a tenant-wide power: the target is a fresh workspace, never W1 or W2.
        {"deleteWorkspace", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             const auto ws =
                 w.f.cp->createWorkspace(w.f.system, t.tenantId, unique("gone"), QStringLiteral("Gone")).value();
             return Request{
                 {{QStringLiteral("workspace"), ws.id}}, {}, QUrlQuery{{QStringLiteral("confirm"), ws.name}}, {}};
         }},
        {"listUsers", Scope::Tenant, READERS, nothing},
        {"createUser", Scope::Tenant, TOTA,
         [](W&, const T&, const R&) {
             return Request{{}, newUserBody(), {}, {}};
         }},
        {"getUser", Scope::Tenant, READERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), w.subject.value(t.tenantId)}}, {}, {}, {}};
         }},
        {"updateUser", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             // Both fields: a PATCH missing one reads the user first, a second audited call.
             return Request{
                 {{QStringLiteral("user"), freshUser(w, t.tenantId)}},
                 {{QStringLiteral("display_name"), QStringLiteral("New")}, {QStringLiteral("email"), QString()}},
                 {},
                 {}};
         }},
        {"deleteUser", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"lockUser", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"unlockUser", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{
                 {{QStringLiteral("user"), freshUserWith(w, t.tenantId, UserStatusChange::Lock)}}, {}, {}, {}};
         }},
        {"disableUser", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"enableUser", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{
                 {{QStringLiteral("user"), freshUserWith(w, t.tenantId, UserStatusChange::Disable)}}, {}, {}, {}};
         }},
        {"resetUserMfa", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"endUserSessions", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"resetUserPassword", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("user"), freshUser(w, t.tenantId)}},
                            {{QStringLiteral("password"), QString::fromLatin1(kNewPassword)}},
                            {},
                            {}};
         }},
        {"listIntegrations", Scope::Tenant, READERS, nothing},
        {"createIntegration", Scope::Tenant, TOTA,
         [](W&, const T&, const R&) {
             return Request{
                 {}, {{QStringLiteral("name"), unique("robot")}, {QStringLiteral("description"), QString()}}, {}, {}};
         }},
        {"updateIntegration", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}},
                            {{QStringLiteral("locked"), true}},
                            {},
                            {}};
         }},
        {"bindIntegrationCertificate", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}},
                            {{QStringLiteral("sha256"), QString(64, QLatin1Char('b'))}},
                            {},
                            {}};
         }},
        {"unbindIntegrationCertificate", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}}, {}, {}, {}};
         }},
        // Linking needs the tenant's provider; what the caller must hold is the integration's (a fresh one: nothing).
        {"linkIntegrationSubject", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             (void)w.f.cp->setFederation(w.f.system, oidcProvider(t.tenantId));
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}},
                            {{QStringLiteral("subject"), unique("machine")}},
                            {},
                            {}};
         }},
        {"unlinkIntegrationSubject", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"deleteIntegration", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"listTokens", Scope::Tenant, READERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"issueToken", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("integration"), freshIntegration(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"revokeToken", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             const QString i = freshIntegration(w, t.tenantId);
             const QString token = w.f.cp->issueToken(w.f.system, t.tenantId, i).value().token.id;
             return Request{{{QStringLiteral("integration"), i}, {QStringLiteral("token"), token}}, {}, {}, {}};
         }},
        {"listRoles", Scope::Tenant, READERS, nothing},
        {"createRole", Scope::Tenant, TOTA,
         [](W&, const T&, const R&) {
             return Request{{},
                            {{QStringLiteral("name"), unique("role")},
                             {QStringLiteral("description"), QString()},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("workspaces.read")}}},
                            {},
                            {}};
         }},
        {"getRole", Scope::Tenant, READERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("role"), w.customRole.value(t.tenantId)}}, {}, {}, {}};
         }},
        {"updateRole", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             // Both fields: a PATCH missing one reads the role first, a second audited call.
             return Request{{{QStringLiteral("role"), freshRole(w, t.tenantId)}},
                            {{QStringLiteral("description"), QStringLiteral("d")},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("roles.read")}}},
                            {},
                            {}};
         }},
        {"deleteRole", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("role"), freshRole(w, t.tenantId)}}, {}, {}, {}};
         }},
        {"listBindings", Scope::Tenant, READERS, nothing},
        {"createBinding", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             return Request{{},
                            {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                             {QStringLiteral("identity_id"), freshUser(w, t.tenantId)},
                             {QStringLiteral("role_id"), roles::kMember}},
                            {},
                            {}};
         }},
        {"deleteBinding", Scope::Tenant, TOTA,
         [](W& w, const T& t, const R&) {
             const QString b = w.f.cp
                                   ->createBinding(w.f.system, t.tenantId, QStringLiteral("user"),
                                                   freshUser(w, t.tenantId), roles::kMember)
                                   .value()
                                   .id;
             return Request{{{QStringLiteral("binding"), b}}, {}, {}, {}};
         }},
        {"checkAccess", Scope::Tenant, READERS,
         [](W& w, const T& t, const R&) {
             return Request{{},
                            {{QStringLiteral("identity_id"), w.subject.value(t.tenantId)},
                             {QStringLiteral("permission"), QStringLiteral("users.read")}},
                            {},
                            {}};
         }},
        {"explainAccess", Scope::Tenant, READERS,
         [](W& w, const T& t, const R&) {
             // Without "permission": with one, the route asks the control plane a second (audited) question.
             return Request{{}, {{QStringLiteral("identity_id"), w.subject.value(t.tenantId)}}, {}, {}};
         }},
        {"listTenantAuditEvents", Scope::Tenant, READERS, nothing},
        {"tenantAuditHistogram", Scope::Tenant, READERS, nothing},
        {"streamTenantAuditEvents", Scope::Tenant, READERS, nothing},
        {"exportTenantAuditEvents", Scope::Tenant, READERS,
         [](W&, const T&, const R&) {
             Request r;
             r.query = QUrlQuery{{QStringLiteral("format"), QStringLiteral("csv")}};
             return r;
         }},
        {"listDueSecrets", Scope::Tenant, READERS, nothing},
        // --- a workspace ---
        {"getWorkspace", Scope::Workspace, WS_READERS, nothing},
        {"updateWorkspace", Scope::Workspace, TOTA,
         [](W&, const T&, const R&) {
             return Request{{}, {{QStringLiteral("display_name"), unique("Renamed")}}, {}, {}};
         }},
        {"listSecrets", Scope::Workspace, WS_READERS, nothing},
        {"createSecret", Scope::Workspace, SECRET_WRITERS,
         [](W&, const T&, const R&) {
             return Request{
                 {},
                 {{QStringLiteral("name"), unique("db/pw")}, {QStringLiteral("value"), QStringLiteral("s3cr3t")}},
                 {},
                 {}};
         }},
        {"getSecret", Scope::Workspace, WS_READERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("name"), freshSecret(w, t)}}, {}, {}, {}};
         }},
        {"updateSecretValue", Scope::Workspace, SECRET_WRITERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("name"), freshSecret(w, t)}},
                            {{QStringLiteral("value"), QStringLiteral("next-value")}},
                            {},
                            {}};
         }},
        {"deleteSecret", Scope::Workspace, SECRET_WRITERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("name"), freshSecret(w, t)}}, {}, {}, {}};
         }},
        {"undeleteSecret", Scope::Workspace, SECRET_WRITERS,
         [](W& w, const T& t, const R&) {
             const QString name = freshSecret(w, t);
             (void)w.f.cp->deleteSecret(w.f.system, t.tenantId, t.workspaceId, name);
             return Request{{{QStringLiteral("name"), name}}, {}, {}, {}};
         }},
        {"revealSecret", Scope::Workspace, REVEALERS,
         [](W& w, const T& t, const R&) {
             // With the version: without one, the route looks the current version up first, a second audited call.
             return Request{{{QStringLiteral("name"), freshSecret(w, t)}},
                            {{QStringLiteral("reason"), QStringLiteral("matrix")}, {QStringLiteral("version"), 1}},
                            {},
                            {}};
         }},
        {"listSecretVersions", Scope::Workspace, WS_READERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("name"), freshSecret(w, t)}}, {}, {}, {}};
         }},
        {"restoreSecretVersion", Scope::Workspace, SECRET_WRITERS,
         [](W& w, const T& t, const R&) {
             return Request{
                 {{QStringLiteral("name"), freshSecretWithHistory(w, t)}}, {{QStringLiteral("version"), 1}}, {}, {}};
         }},
        {"destroySecretVersion", Scope::Workspace, SECRET_WRITERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("name"), freshSecretWithHistory(w, t)},
                             {QStringLiteral("version"), QStringLiteral("1")}},
                            {},
                            {},
                            {}};
         }},
        {"markSecretRotated", Scope::Workspace, SECRET_WRITERS,
         [](W& w, const T& t, const R&) {
             return Request{{{QStringLiteral("name"), freshSecret(w, t, 30)}}, {}, {}, {}};
         }},
    };
    return specs;
}

const RouteSpec* specFor(const QString& operationId)
{
    for (const RouteSpec& s : routeSpecs())
        if (operationId == QLatin1String(s.operationId))
            return &s;
    return nullptr;
}

// Routes answered without a token; checked on their own.
const QStringList kAnonymous{QStringLiteral("health"),           QStringLiteral("ready"),
                             QStringLiteral("openapi"),          QStringLiteral("login"),
                             QStringLiteral("startOidcSignIn"),  QStringLiteral("completeOidcSignIn"),
                             QStringLiteral("exchangeOidcToken")};
// Server-Sent Events: an allowed call answers 200 with a stream callback, which the test does not run.
const QStringList kEventStreams{QStringLiteral("streamPlatformAuditEvents"), QStringLiteral("streamTenantAuditEvents")};

QList<Relation> relationsOf(Scope scope)
{
    switch (scope) {
    case Scope::Platform:
        return {Relation::Platform};
    case Scope::Self:
        return {Relation::Self};
    case Scope::Tenant:
        return {Relation::Own, Relation::OtherTenant};
    case Scope::Workspace:
        return {Relation::Own, Relation::OtherWorkspace, Relation::OtherTenant};
    }
    return {};
}

QString problemType(const char* slug)
{
    return QStringLiteral("urn:gatehouse:problem:") + QLatin1String(slug);
}

// Swallows a streamed export's body and keeps how it ended.
class DiscardingStream final : public api::ResponseStream
{
public:
    bool write(const QByteArray&) override { return true; }
    void finish() override { m_finished = true; }
    void abort() override { m_aborted = true; }
    QObject* context() override { return &m_context; }
    void onClosed(std::function<void()>) override {}

    bool finished() const { return m_finished; }
    bool aborted() const { return m_aborted; }

private:
    QObject m_context;
    bool m_finished = false;
    bool m_aborted = false;
};

} // namespace

class TestApiPermissionMatrix : public QObject
{
    Q_OBJECT

    struct Reply
    {
        HttpResponse response; // for a streamed export: the head given to the StreamStarter
        std::shared_ptr<DiscardingStream> streamed;
        int status() const { return response.status; }
        QString type() const
        {
            return QJsonDocument::fromJson(response.body).object().value(QStringLiteral("type")).toString();
        }
        QString requestId() const { return QString::fromLatin1(response.header("X-Request-Id")); }
        QByteArray describe() const { return QByteArray::number(status()) + ' ' + response.body.left(400); }
    };

private slots:
    void initTestCase();
    void cleanupTestCase();
    void everyRouteIsInTheMatrix();
    void anonymousRoutes();
    void anonymousFederatedSignIn();
    void noTokenIsUnauthenticated_data();
    void noTokenIsUnauthenticated();
    void matrix_data();
    void matrix();

private:
    Target targetFor(Relation relation) const;
    Reply send(const api::Route& route, const Target& target, const Request& request, const QString& token);
    // The call left exactly one audit event, with `outcome` and the answer's request id.
    void verifyOneEvent(qint64 before, const Reply& reply, const QString& outcome);

    World w;
    std::unique_ptr<api::ApiService> m_api;
    api::StreamStarter m_starter;
    std::optional<HttpResponse> m_streamHead;
    std::shared_ptr<DiscardingStream> m_stream;
    QElapsedTimer m_clock;
    int m_matrixRows = 0;
    int m_unauthenticatedRows = 0;
    int m_anonymousChecks = 0;
};

void TestApiPermissionMatrix::initTestCase()
{
    m_clock.start();
    QVERIFY(w.f.setUp());
    ControlPlaneFixture& f = w.f;
    const QString auditor =
        f.cp->createUser(f.system, {}, QStringLiteral("auditor"), QStringLiteral("Auditor"), {}, secret(kPassword))
            .value()
            .id;
    QVERIFY(f.cp->createBinding(f.system, {}, QStringLiteral("user"), auditor, roles::kPlatformAuditor));
    for (const Seat& s : seats()) {
        if (s.tenantName.isEmpty() || s.role == TO)
            continue; // root and alice come with the fixture
        QVERIFY(!f.addUser(f.tenantA, s.username, s.roleId, s.inW1 ? f.w1 : QString()).isEmpty());
    }
    for (const Seat& s : seats()) {
        w.tokens[s.role] = f.signIn(s.tenantName, s.username).token;
        QVERIFY2(w.tokens[s.role].startsWith(QLatin1String("ghs_")), qPrintable(s.role));
    }
    w.robotId = f.cp->createIntegration(f.system, f.tenantA, QStringLiteral("robot"), {}).value().id;
    QVERIFY(
        f.cp->createBinding(f.system, f.tenantA, QStringLiteral("integration"), w.robotId, roles::kIntegration, f.w1));
    w.tokens[IN] = f.cp->issueToken(f.system, f.tenantA, w.robotId).value().secret;
    for (const QString& role : kAllRoles)
        QVERIFY2(f.cp->whoami(Caller::withToken(w.tokens.value(role))), qPrintable(role));

    // Not one of the roles' identities: a question about oneself needs no permission.
    w.subject[f.tenantA] = f.addUser(f.tenantA, QStringLiteral("subject"), {});
    w.subject[f.tenantB] = f.userId(f.tenantB, QStringLiteral("bob"));
    for (const QString& tenantId : {f.tenantA, f.tenantB}) {
        QVERIFY(!w.subject.value(tenantId).isEmpty());
        w.customRole[tenantId] = freshRole(w, tenantId);
    }

    api::ApiConfig config;
    config.addressRate = 0; // every request comes from one address and a handful of tokens
    config.tokenRate = 0;
    config.tls = false;
    config.accessLog = false;
    m_api = std::make_unique<api::ApiService>(*f.cp, config);
    // Exports larger than the handler's buffer start a stream: keep its head as the answer and swallow the body.
    m_starter = [this](HttpResponse head) -> std::shared_ptr<api::ResponseStream> {
        m_streamHead = std::move(head);
        m_stream = std::make_shared<DiscardingStream>();
        return m_stream;
    };
}

void TestApiPermissionMatrix::cleanupTestCase()
{
    qInfo().noquote() << QStringLiteral("HTTP matrix: %1 rows (%2 role x scope, %3 without a token, %4 anonymous "
                                        "checks) in %5 s")
                             .arg(m_matrixRows + m_unauthenticatedRows + m_anonymousChecks)
                             .arg(m_matrixRows)
                             .arg(m_unauthenticatedRows)
                             .arg(m_anonymousChecks)
                             .arg(double(m_clock.elapsed()) / 1000.0, 0, 'f', 1);
    m_api.reset();
}

Target TestApiPermissionMatrix::targetFor(Relation relation) const
{
    switch (relation) {
    case Relation::Own:
        return {relation, w.f.tenantA, w.f.w1};
    case Relation::OtherWorkspace:
        return {relation, w.f.tenantA, w.f.w2};
    case Relation::OtherTenant:
        return {relation, w.f.tenantB, w.f.wb};
    case Relation::Platform:
    case Relation::Self:
        break;
    }
    return {relation, {}, {}};
}

TestApiPermissionMatrix::Reply TestApiPermissionMatrix::send(const api::Route& route, const Target& target,
                                                             const Request& r, const QString& token)
{
    QByteArrayList segments;
    for (const QString& s : route.segments) {
        if (!s.startsWith(QLatin1Char('{'))) {
            segments << s.toUtf8();
            continue;
        }
        const QString name = s.mid(1, s.size() - 2);
        QString value = r.params.value(name);
        if (value.isEmpty() && name == QLatin1String("tenant"))
            value = target.tenantId;
        if (value.isEmpty() && name == QLatin1String("workspace"))
            value = target.workspaceId;
        if (value.isEmpty())
            QTest::qFail(qPrintable(QStringLiteral("no value for {%1} of %2").arg(name, route.pattern)), __FILE__,
                         __LINE__);
        segments << QUrl::toPercentEncoding(value);
    }
    HttpRequest request;
    request.method = route.method;
    request.rawPath = segments.join('/');
    request.query = r.query;
    request.target = request.rawPath;
    if (!r.query.isEmpty())
        request.target += '?' + r.query.toString(QUrl::FullyEncoded).toUtf8();
    if (!token.isEmpty())
        request.headers.append({QByteArray("authorization"), "Bearer " + token.toLatin1()});
    if (!r.body.isEmpty()) {
        request.body = QJsonDocument(r.body).toJson(QJsonDocument::Compact);
        request.headers.append({QByteArray("content-type"), QByteArray("application/json")});
    }
    api::ConnectionInfo connection;
    connection.peerAddress = QStringLiteral("127.0.0.1");
    m_streamHead.reset();
    m_stream.reset();
    Reply reply{m_api->handle(request, connection, m_starter), {}};
    m_api->awaitHeld(reply.response); // as the connection holds the answer
    const bool streamed = reply.response.sent || bool(reply.response.stream);
    if (reply.response.sent && m_streamHead) {
        reply.response = *m_streamHead;
        reply.streamed = m_stream;
    }
    recordExchange({request.method, request.target, request.header("content-type"), request.body, reply.response.status,
                    reply.response.header("Content-Type"), reply.response.body, streamed});
    return reply;
}

void TestApiPermissionMatrix::verifyOneEvent(qint64 before, const Reply& reply, const QString& outcome)
{
    QCOMPARE(w.f.callerEventCount(), before + 1);
    const audit::AuditEvent event = w.f.newestEvent();
    QCOMPARE(event.outcome, outcome);
    QVERIFY(!reply.requestId().isEmpty());
    QCOMPARE(event.requestId, reply.requestId());
    QCOMPARE(event.source, QStringLiteral("api"));
}

void TestApiPermissionMatrix::everyRouteIsInTheMatrix()
{
    // A new route cannot slip in untested: every route of the router is in the table (or is anonymous and
    // checked on its own), and every entry of the table is a route.
    QStringList missing;
    QSet<QString> routed;
    for (const api::Route& r : m_api->router().routes()) {
        const QString name = QString::fromLatin1(r.method) + u' ' + r.pattern + u' ' + r.operationId;
        QVERIFY2(!routed.contains(r.operationId), qPrintable(name + QStringLiteral(": operationId used twice")));
        routed.insert(r.operationId);
        if (r.anonymous != kAnonymous.contains(r.operationId))
            missing << name + (r.anonymous ? QStringLiteral(" (anonymous)") : QStringLiteral(" (asks for a token)"));
        else if (!r.anonymous && !specFor(r.operationId))
            missing << name;
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("routes the matrix does not cover: ") + missing.join(u", ")));
    QStringList stale;
    for (const RouteSpec& s : routeSpecs())
        if (!routed.contains(QLatin1String(s.operationId)))
            stale << QLatin1String(s.operationId);
    for (const QString& a : kAnonymous)
        if (!routed.contains(a))
            stale << a;
    QVERIFY2(stale.isEmpty(), qPrintable(QStringLiteral("in the matrix but not routed: ") + stale.join(u", ")));
}

void TestApiPermissionMatrix::anonymousRoutes()
{
    auto route = [this](const char* operationId) -> const api::Route* {
        for (const api::Route& r : m_api->router().routes())
            if (r.operationId == QLatin1String(operationId))
                return &r;
        return nullptr;
    };
    for (const char* operationId : {"health", "ready", "openapi"}) {
        const api::Route* r = route(operationId);
        QVERIFY2(r, operationId);
        // Answered without a token and without the control plane's gate: nothing is audited.
        const qint64 before = w.f.callerEventCount();
        const Reply reply = send(*r, {}, {}, {});
        QVERIFY2(reply.status() == 200, reply.describe().constData());
        QVERIFY(!reply.requestId().isEmpty());
        QVERIFY(!QJsonDocument::fromJson(reply.response.body).isNull());
        QCOMPARE(w.f.callerEventCount(), before);
        ++m_anonymousChecks;
    }
    const api::Route* login = route("login");
    QVERIFY(login);
    {
        Request r;
        r.body = {{QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("username"), QStringLiteral("reviewer")},
                  {QStringLiteral("password"), QString::fromLatin1(kPassword)}};
        const qint64 before = w.f.callerEventCount();
        const Reply reply = send(*login, {}, r, {});
        QVERIFY2(reply.status() == 200, reply.describe().constData());
        verifyOneEvent(before, reply, QStringLiteral("success"));
        const QString token =
            QJsonDocument::fromJson(reply.response.body).object().value(QStringLiteral("token")).toString();
        QVERIFY(w.f.cp->whoami(Caller::withToken(token)));
        ++m_anonymousChecks;
    }
    {
        Request r;
        r.body = {{QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("username"), QStringLiteral("reviewer")},
                  {QStringLiteral("password"), QString::fromLatin1(kNewPassword)}};
        const qint64 before = w.f.callerEventCount();
        const Reply reply = send(*login, {}, r, {});
        QCOMPARE(reply.status(), 401);
        QCOMPARE(reply.type(), problemType("unauthenticated"));
        verifyOneEvent(before, reply, QStringLiteral("denied"));
        ++m_anonymousChecks;
    }
}

void TestApiPermissionMatrix::anonymousFederatedSignIn()
{
    auto route = [this](const char* operationId) -> const api::Route* {
        for (const api::Route& r : m_api->router().routes())
            if (r.operationId == QLatin1String(operationId))
                return &r;
        return nullptr;
    };
    const api::Route* start = route("startOidcSignIn");
    const api::Route* callback = route("completeOidcSignIn");
    const api::Route* exchange = route("exchangeOidcToken");
    QVERIFY(start && callback && exchange);
    {
        // Token exchange with a token no provider issued: the same 401 as a wrong password, recorded.
        Request r;
        r.body = {
            {QStringLiteral("tenant"), QStringLiteral("acme")},
            {QStringLiteral("subject_token"), QStringLiteral("not.a.token")},
            {QStringLiteral("subject_token_type"), QStringLiteral("urn:ietf:params:oauth:token-type:access_token")}};
        const qint64 before = w.f.auditCount();
        const Reply reply = send(*exchange, {}, r, {});
        QCOMPARE(reply.status(), 401);
        QCOMPARE(reply.type(), problemType("unauthenticated"));
        verifyOneEvent(before, reply, QStringLiteral("denied"));
        ++m_anonymousChecks;
    }
    {
        // A tenant without a provider: nothing to start, and the attempt is recorded.
        Request r;
        r.body = {{QStringLiteral("tenant"), QStringLiteral("acme")},
                  {QStringLiteral("redirect_uri"), QStringLiteral("http://127.0.0.1:9/callback")}};
        const qint64 before = w.f.auditCount();
        const Reply reply = send(*start, {}, r, {});
        QCOMPARE(reply.status(), 404);
        verifyOneEvent(before, reply, QStringLiteral("denied"));
        ++m_anonymousChecks;
    }
    {
        // A state the server never gave: the same 401 as a wrong password.
        Request r;
        r.body = {{QStringLiteral("state"), QStringLiteral("not-a-state")},
                  {QStringLiteral("code"), QStringLiteral("c")}};
        const qint64 before = w.f.auditCount();
        const Reply reply = send(*callback, {}, r, {});
        QCOMPARE(reply.status(), 401);
        QCOMPARE(reply.type(), problemType("unauthenticated"));
        verifyOneEvent(before, reply, QStringLiteral("denied"));
        ++m_anonymousChecks;
    }
}

void TestApiPermissionMatrix::noTokenIsUnauthenticated_data()
{
    QTest::addColumn<int>("route");
    const QList<api::Route>& routes = m_api->router().routes();
    for (qsizetype i = 0; i < routes.size(); ++i) {
        if (!routes[i].anonymous && specFor(routes[i].operationId))
            QTest::addRow("%s %s", routes[i].method.constData(), qPrintable(routes[i].operationId)) << int(i);
    }
}

void TestApiPermissionMatrix::noTokenIsUnauthenticated()
{
    QFETCH(int, route);
    const api::Route& r = m_api->router().routes().at(route);
    const RouteSpec* spec = specFor(r.operationId);
    QVERIFY(spec);
    const Target target = targetFor(relationsOf(spec->scope).constFirst());
    const Request request = spec->prepare(w, target, QString());
    const qint64 before = w.f.callerEventCount();
    const Reply reply = send(r, target, request, QString());
    QVERIFY2(reply.status() == 401, reply.describe().constData());
    QCOMPARE(reply.type(), problemType("unauthenticated"));
    QVERIFY(reply.response.header("WWW-Authenticate").startsWith("Bearer"));
    verifyOneEvent(before, reply, QStringLiteral("denied"));
    ++m_unauthenticatedRows;
}

void TestApiPermissionMatrix::matrix_data()
{
    QTest::addColumn<int>("route");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("relation");
    const QList<api::Route>& routes = m_api->router().routes();
    for (qsizetype i = 0; i < routes.size(); ++i) {
        const RouteSpec* spec = specFor(routes[i].operationId);
        if (routes[i].anonymous || !spec)
            continue; // anonymous routes have their own test; a route missing here fails everyRouteIsInTheMatrix
        for (const QString& role : kAllRoles) {
            for (Relation relation : relationsOf(spec->scope))
                QTest::addRow("%s | %s | %s", spec->operationId, qPrintable(role),
                              kRelationNames[static_cast<int>(relation)])
                    << int(i) << role << static_cast<int>(relation);
        }
    }
}

void TestApiPermissionMatrix::matrix()
{
    QFETCH(int, route);
    QFETCH(QString, role);
    QFETCH(int, relation);
    const api::Route& r = m_api->router().routes().at(route);
    const RouteSpec& spec = *specFor(r.operationId);
    const Target target = targetFor(static_cast<Relation>(relation));

    const bool platformRole = role == PO || role == PA;
    bool expectAllowed = spec.allowed.contains(role);
    int expectedStatus = 403;
    if (target.relation == Relation::OtherWorkspace)
        expectAllowed = expectAllowed && kTenantWide.contains(role);
    if (target.relation == Relation::OtherTenant) {
        expectAllowed = false;
        if (!platformRole)
            expectedStatus = 404; // another tenant's objects do not exist for this principal
    }

    const Request request = spec.prepare(w, target, role);
    const QString token = request.token.isEmpty() ? w.tokens.value(role) : request.token;
    QVERIFY(!token.isEmpty());
    const qint64 before = w.f.callerEventCount();
    const Reply reply = send(r, target, request, token);
    const bool eventStream = kEventStreams.contains(r.operationId);
    if (expectAllowed) {
        QVERIFY2(reply.status() >= 200 && reply.status() < 300, reply.describe().constData());
        // An event stream is only set up here, not run: its callback would follow the audit trail for ever.
        QCOMPARE(bool(reply.response.stream), eventStream);
        if (reply.streamed)
            QVERIFY(reply.streamed->finished() && !reply.streamed->aborted());
        verifyOneEvent(before, reply, QStringLiteral("success"));
    } else {
        QVERIFY2(
            reply.status() == expectedStatus,
            QByteArray("expected " + QByteArray::number(expectedStatus) + ", got " + reply.describe()).constData());
        QCOMPARE(reply.type(), problemType(expectedStatus == 404 ? "not-found" : "forbidden"));
        QVERIFY(!reply.response.stream);
        verifyOneEvent(before, reply, QStringLiteral("denied"));
    }
    ++m_matrixRows;
}

QTEST_GUILESS_MAIN(TestApiPermissionMatrix)
#include "TestApiPermissionMatrix.moc"
