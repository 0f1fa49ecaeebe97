// No operation hands its caller control of an identity that holds more than the caller, nor grants or takes a
// permission the caller does not hold. Every operation the catalog classifies as acting on an identity or as
// granting permissions is called by every seat (a built-in role, tenant-wide or in one workspace) on targets
// holding every built-in role (tenant-wide or in one workspace), through the control plane and again over HTTP
// (ApiService::handle). The expected answer comes from a small model of the rule written here from the role
// definitions' data; a catalog operation of either class without a case here fails the test until it gets one.
#include "ControlPlaneFixture.h"
#include "api/ApiService.h"
#include "authz/Role.h"
#include "service/OperationCatalog.h"

#include <QElapsedTimer>
#include <QJsonArray>
#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using api::HttpRequest;
using api::HttpResponse;
using authz::PermissionSet;
using service::Caller;
using service::IdentityEffect;
using service::OperationCatalog;
namespace roles = authz::builtin;

namespace {

const char* kNewPassword = "quartz-lantern-meadow-41";
const char* kCertificate = "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0";

// One binding: a role, tenant-wide (workspace empty) or in one workspace.
struct Grant
{
    QString roleId;
    QString workspaceId;
};

PermissionSet permissionsOf(const QString& roleId)
{
    for (const authz::Role& r : roles::roles()) {
        if (r.id == roleId)
            return r.permissions;
    }
    return {};
}

// What a holder of `grants` may do at a scope: its tenant-wide roles, and at a workspace also the roles bound there.
PermissionSet heldAt(const QList<Grant>& grants, const QString& workspaceId)
{
    PermissionSet out;
    for (const Grant& g : grants) {
        if (g.workspaceId.isEmpty() || g.workspaceId == workspaceId)
            out = out | permissionsOf(g.roleId);
    }
    return out;
}

// The rule, as the issue states it: the target's permissions, at every scope where it holds them, are a subset of
// the caller's at that scope.
bool holdsAllOf(const QList<Grant>& caller, const QList<Grant>& target)
{
    for (const Grant& g : target) {
        if (!heldAt(caller, g.workspaceId).containsAll(permissionsOf(g.roleId)))
            return false;
    }
    return true;
}

// Who calls. Tenant seats are users (or one integration) of tenant A; platform seats are platform administrators.
struct Seat
{
    QString name;
    bool platform = false;
    bool integration = false;
    QList<Grant> grants; // workspace ids filled in at set-up (W1, W2 stand for the fixture's)
    QString token;
    QString id;
};

// What the target holds, by name; the same variants for users and integrations.
struct Variant
{
    QString name;
    QList<Grant> grants;
};

enum class Door { ControlPlane, Http };
enum class TargetKind { User, Integration, Binding, Role, GroupMapping };
// How the expected answer follows from the model.
enum class Rule {
    TargetWithin,   // ActsOnIdentity: permission at the tenant, and the target holds nothing beyond the caller
    GrantWithin,    // GrantsPermissions: permission at the scope, and the caller holds what is given or taken
    PermissionOnly, // GrantsPermissions that gives or takes nothing from anyone (an unbound role's deletion)
};

// A case: one catalog action on one kind of target. Each prepares its target as the system (before), calls as the
// seat through one door, and restores what the call changed (after) so the targets can be reused.
struct Case
{
    const char* action;
    TargetKind kind;
    Rule rule;
    bool platform = false; // on platform administrators rather than tenant A's identities
};

const QList<Case>& cases()
{
    static const QList<Case> list{
        {"user.update", TargetKind::User, Rule::TargetWithin},
        {"user.lock", TargetKind::User, Rule::TargetWithin},
        {"user.unlock", TargetKind::User, Rule::TargetWithin},
        {"user.disable", TargetKind::User, Rule::TargetWithin},
        {"user.enable", TargetKind::User, Rule::TargetWithin},
        {"user.password.reset", TargetKind::User, Rule::TargetWithin},
        {"user.mfa.reset", TargetKind::User, Rule::TargetWithin},
        {"user.sessions.end", TargetKind::User, Rule::TargetWithin},
        {"user.delete", TargetKind::User, Rule::TargetWithin},
        {"user.update", TargetKind::User, Rule::TargetWithin, true},
        {"user.lock", TargetKind::User, Rule::TargetWithin, true},
        {"user.unlock", TargetKind::User, Rule::TargetWithin, true},
        {"user.disable", TargetKind::User, Rule::TargetWithin, true},
        {"user.enable", TargetKind::User, Rule::TargetWithin, true},
        {"user.password.reset", TargetKind::User, Rule::TargetWithin, true},
        {"user.mfa.reset", TargetKind::User, Rule::TargetWithin, true},
        {"user.sessions.end", TargetKind::User, Rule::TargetWithin, true},
        {"user.delete", TargetKind::User, Rule::TargetWithin, true},
        {"integration.lock", TargetKind::Integration, Rule::TargetWithin},
        {"integration.unlock", TargetKind::Integration, Rule::TargetWithin},
        {"integration.certificate.bind", TargetKind::Integration, Rule::TargetWithin},
        {"integration.certificate.unbind", TargetKind::Integration, Rule::TargetWithin},
        {"integration.federation.link", TargetKind::Integration, Rule::TargetWithin},
        {"integration.federation.unlink", TargetKind::Integration, Rule::TargetWithin},
        {"integration.delete", TargetKind::Integration, Rule::TargetWithin},
        {"token.issue", TargetKind::Integration, Rule::TargetWithin},
        {"token.revoke", TargetKind::Integration, Rule::TargetWithin},
        {"binding.create", TargetKind::Binding, Rule::GrantWithin},
        {"binding.delete", TargetKind::Binding, Rule::GrantWithin},
        {"binding.create", TargetKind::Binding, Rule::GrantWithin, true},
        {"binding.delete", TargetKind::Binding, Rule::GrantWithin, true},
        {"role.create", TargetKind::Role, Rule::GrantWithin},
        {"role.update", TargetKind::Role, Rule::GrantWithin},
        // A role is deleted only while nothing is bound to it (409 otherwise): it takes nothing from anyone.
        {"role.delete", TargetKind::Role, Rule::PermissionOnly},
        // A group mapping grants its role to whoever the provider puts in the group.
        {"oidc.mapping.set", TargetKind::GroupMapping, Rule::GrantWithin},
    };
    return list;
}

// A prepared target: what the call names, and the HTTP request that does the same.
struct Prepared
{
    QString id;          // user, integration, binding or role id
    QString name;        // for role.create: the new role's name
    QString extra;       // token id for token.revoke
    PermissionSet given; // for GrantWithin: what the call gives or takes
    QString workspaceId; // the scope of what is given or taken
    bool ok = true;      // the system could prepare it
};

} // namespace

class TestIdentityControl : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void everyIdentityOperationHasACase();
    void matrix_data();
    void matrix();
    void cleanupTestCase();

private:
    // One identity per variant and kind, reused; made again after a deletion.
    QString target(TargetKind kind, bool platform, const Variant& v);
    Prepared prepare(const Case& c, const Variant& v, const Seat& seat);
    void restore(const Case& c, const Prepared& p, bool succeeded);
    Result<void> callControlPlane(const Case& c, const Prepared& p, const Seat& seat);
    std::pair<int, QByteArray> callHttp(const Case& c, const Prepared& p, const Seat& seat);
    bool expectedAllowed(const Case& c, const Variant& v, const Prepared& p, const Seat& seat) const;
    QString userIn(const QString& tenantId, const QList<Grant>& grants);

    ControlPlaneFixture f;
    std::unique_ptr<api::ApiService> m_api;
    QList<Seat> m_seats;
    QList<Variant> m_variants;
    QList<Variant> m_platformVariants;
    QHash<QString, QString> m_targets; // "kind/platform/variant" -> id
    QHash<QString, bool> m_disabled, m_locked, m_certified;
    QString m_grantee, m_platformGrantee;
    int m_calls = 0, m_allowed = 0, m_heldMore = 0;
    QElapsedTimer m_elapsed;
    int m_counter = 0;
};

QString TestIdentityControl::userIn(const QString& tenantId, const QList<Grant>& grants)
{
    const QString name = QStringLiteral("id-%1").arg(++m_counter);
    auto u = f.cp->createUser(f.system, tenantId, name, name, {}, secret(kPassword));
    if (!u)
        return {};
    for (const Grant& g : grants) {
        if (!f.cp->createBinding(f.system, tenantId, QStringLiteral("user"), u.value().id, g.roleId, g.workspaceId))
            return {};
    }
    return u.value().id;
}

void TestIdentityControl::initTestCase()
{
    m_elapsed.start();
    QVERIFY(f.setUp());
    const QString W1 = f.w1, W2 = f.w2;
    // Callers: every tenant role tenant-wide, the workspace-bound ones in W1, an integration acting as a Tenant
    // Admin, and the two platform roles.
    m_seats = {
        {QStringLiteral("TO"), false, false, {{roles::kTenantOwner, {}}}, {}, {}},
        {QStringLiteral("TA"), false, false, {{roles::kTenantAdmin, {}}}, {}, {}},
        {QStringLiteral("SR"), false, false, {{roles::kSecurityReviewer, {}}}, {}, {}},
        {QStringLiteral("SM"), false, false, {{roles::kSecretsManager, {}}}, {}, {}},
        {QStringLiteral("MB"), false, false, {{roles::kMember, {}}}, {}, {}},
        {QStringLiteral("TA@W1"), false, false, {{roles::kTenantAdmin, W1}}, {}, {}},
        {QStringLiteral("SM@W1"), false, false, {{roles::kSecretsManager, W1}}, {}, {}},
        {QStringLiteral("TA+SM@W1"), false, false, {{roles::kTenantAdmin, {}}, {roles::kSecretsManager, W1}}, {}, {}},
        {QStringLiteral("TA (integration)"), false, true, {{roles::kTenantAdmin, {}}}, {}, {}},
        {QStringLiteral("PO"), true, false, {{roles::kPlatformOwner, {}}}, {}, {}},
        {QStringLiteral("PA"), true, false, {{roles::kPlatformAuditor, {}}}, {}, {}},
    };
    for (Seat& s : m_seats) {
        const QString tenantId = s.platform ? QString() : f.tenantA;
        if (s.integration) {
            s.id = f.cp->createIntegration(f.system, tenantId, QStringLiteral("robot"), {}).value().id;
            for (const Grant& g : s.grants)
                QVERIFY(f.cp->createBinding(f.system, tenantId, QStringLiteral("integration"), s.id, g.roleId,
                                            g.workspaceId));
            s.token = f.cp->issueToken(f.system, tenantId, s.id).value().secret;
        } else {
            s.id = userIn(tenantId, s.grants);
            QVERIFY2(!s.id.isEmpty(), qPrintable(s.name));
            const QString username = f.cp->getUser(f.system, tenantId, s.id).value().username;
            s.token = f.signIn(s.platform ? QString() : QStringLiteral("acme"), username).token;
        }
        QVERIFY2(f.cp->whoami(Caller::withToken(s.token)), qPrintable(s.name));
    }
    // Targets: every built-in tenant role tenant-wide, the workspace-bound ones in W1 and W2, two together, none.
    m_variants = {
        {QStringLiteral("none"), {}},
        {QStringLiteral("TO"), {{roles::kTenantOwner, {}}}},
        {QStringLiteral("TA"), {{roles::kTenantAdmin, {}}}},
        {QStringLiteral("SR"), {{roles::kSecurityReviewer, {}}}},
        {QStringLiteral("SM"), {{roles::kSecretsManager, {}}}},
        {QStringLiteral("MB"), {{roles::kMember, {}}}},
        {QStringLiteral("IN"), {{roles::kIntegration, {}}}},
        {QStringLiteral("TA@W1"), {{roles::kTenantAdmin, W1}}},
        {QStringLiteral("SM@W1"), {{roles::kSecretsManager, W1}}},
        {QStringLiteral("SM@W2"), {{roles::kSecretsManager, W2}}},
        {QStringLiteral("MB@W1"), {{roles::kMember, W1}}},
        {QStringLiteral("TA+SM@W1"), {{roles::kTenantAdmin, {}}, {roles::kSecretsManager, W1}}},
    };
    m_platformVariants = {
        {QStringLiteral("none"), {}},
        {QStringLiteral("PO"), {{roles::kPlatformOwner, {}}}},
        {QStringLiteral("PA"), {{roles::kPlatformAuditor, {}}}},
    };
    m_grantee = userIn(f.tenantA, {});
    m_platformGrantee = userIn({}, {});
    QVERIFY(!m_grantee.isEmpty() && !m_platformGrantee.isEmpty());

    api::ApiConfig config;
    config.addressRate = 0;
    config.tokenRate = 0;
    config.tls = false;
    config.accessLog = false;
    m_api = std::make_unique<api::ApiService>(*f.cp, config);
}

void TestIdentityControl::cleanupTestCase()
{
    qInfo().noquote() << QStringLiteral("%1 calls (%2 allowed, %3 refused because the target holds more) in %4 s")
                             .arg(m_calls)
                             .arg(m_allowed)
                             .arg(m_heldMore)
                             .arg(double(m_elapsed.elapsed()) / 1000.0, 0, 'f', 1);
    m_api.reset();
}

void TestIdentityControl::everyIdentityOperationHasACase()
{
    // A new operation that acts on an identity or grants permissions fails here until it has a case above.
    QStringList missing;
    for (const service::OperationInfo& info : OperationCatalog::all()) {
        if (info.effect != IdentityEffect::ActsOnIdentity && info.effect != IdentityEffect::GrantsPermissions)
            continue;
        bool found = false;
        for (const Case& c : cases())
            found |= QLatin1String(c.action) == QLatin1String(info.action);
        if (!found)
            missing << QLatin1String(info.action);
    }
    QVERIFY2(missing.isEmpty(), qPrintable(QStringLiteral("no identity-control case for: ") + missing.join(u", ")));
    for (const Case& c : cases()) {
        const service::OperationInfo* info = OperationCatalog::find(QString::fromLatin1(c.action));
        QVERIFY2(info, c.action);
        const IdentityEffect expected =
            c.rule == Rule::TargetWithin ? IdentityEffect::ActsOnIdentity : IdentityEffect::GrantsPermissions;
        QVERIFY2(info->effect == expected, c.action);
    }
}

void TestIdentityControl::matrix_data()
{
    QTest::addColumn<int>("caseIndex");
    QTest::addColumn<int>("door");
    for (int i = 0; i < cases().size(); ++i) {
        const Case& c = cases().at(i);
        for (Door d : {Door::ControlPlane, Door::Http}) {
            QTest::addRow("%s%s via %s", c.action, c.platform ? " (platform)" : "",
                          d == Door::Http ? "http" : "control plane")
                << i << int(d);
        }
    }
}

QString TestIdentityControl::target(TargetKind kind, bool platform, const Variant& v)
{
    const QString key = QStringLiteral("%1/%2/%3").arg(int(kind)).arg(platform).arg(v.name);
    if (const QString id = m_targets.value(key); !id.isEmpty())
        return id;
    const QString tenantId = platform ? QString() : f.tenantA;
    QString id;
    if (kind == TargetKind::User) {
        id = userIn(tenantId, v.grants);
    } else {
        auto i = f.cp->createIntegration(f.system, tenantId, QStringLiteral("target-%1").arg(++m_counter), {});
        if (!i)
            return {};
        id = i.value().id;
        for (const Grant& g : v.grants) {
            if (!f.cp->createBinding(f.system, tenantId, QStringLiteral("integration"), id, g.roleId, g.workspaceId))
                return {};
        }
    }
    m_targets.insert(key, id);
    return id;
}

Prepared TestIdentityControl::prepare(const Case& c, const Variant& v, const Seat& seat)
{
    Q_UNUSED(seat);
    Prepared p;
    const QString tenantId = c.platform ? QString() : f.tenantA;
    const QString action = QLatin1String(c.action);
    if (c.kind == TargetKind::User || c.kind == TargetKind::Integration) {
        p.id = target(c.kind, c.platform, v);
        p.ok = !p.id.isEmpty();
        if (!p.ok)
            return p;
        // The state each call expects, set as the system only when it differs.
        if (action == QLatin1String("user.enable") && !m_disabled.value(p.id)) {
            p.ok = bool(f.cp->setUserStatus(f.system, tenantId, p.id, service::UserStatusChange::Disable));
            m_disabled[p.id] = true;
        } else if (action == QLatin1String("user.unlock") && !m_locked.value(p.id)) {
            p.ok = bool(f.cp->setUserStatus(f.system, tenantId, p.id, service::UserStatusChange::Lock));
            m_locked[p.id] = true;
        } else if (action == QLatin1String("integration.unlock") && !m_locked.value(p.id)) {
            p.ok = bool(f.cp->setIntegrationLocked(f.system, tenantId, p.id, true));
            m_locked[p.id] = true;
        } else if (action == QLatin1String("integration.federation.link")) {
            // Linking needs the tenant's provider (nothing contacts it here).
            identity::FederationConfig provider;
            provider.tenantId = tenantId;
            provider.issuer = QStringLiteral("https://idp.example.com");
            provider.clientId = QStringLiteral("gatehouse");
            p.ok = bool(f.cp->setFederation(f.system, provider));
        } else if (action == QLatin1String("integration.certificate.unbind") && !m_certified.value(p.id)) {
            p.ok = bool(f.cp->bindIntegrationCertificate(f.system, tenantId, p.id, QLatin1String(kCertificate)));
            m_certified[p.id] = true;
        } else if (action == QLatin1String("token.revoke")) {
            auto t = f.cp->issueToken(f.system, tenantId, p.id, 1);
            p.ok = bool(t);
            if (t)
                p.extra = t.value().token.id;
        }
        return p;
    }
    // Permissions given or taken: the variant's roles, one binding at a time (the first of the variant).
    if (v.grants.isEmpty()) {
        p.ok = false;
        return p;
    }
    const Grant g = v.grants.first();
    p.given = permissionsOf(g.roleId);
    p.workspaceId = g.workspaceId;
    if (c.kind == TargetKind::GroupMapping) {
        p.id = g.roleId;
        p.name = QStringLiteral("group-%1").arg(++m_counter);
        return p;
    }
    if (c.kind == TargetKind::Binding) {
        if (action == QLatin1String("binding.delete")) {
            auto b = f.cp->createBinding(f.system, tenantId, QStringLiteral("user"),
                                         c.platform ? m_platformGrantee : m_grantee, g.roleId, g.workspaceId);
            p.ok = bool(b);
            if (b)
                p.id = b.value().id;
        } else {
            p.id = g.roleId;
        }
        return p;
    }
    // Roles: only tenant-wide grants of tenant roles make sense as a custom role's content.
    if (!g.workspaceId.isEmpty() || g.roleId == roles::kIntegration) {
        p.ok = false;
        return p;
    }
    p.name = QStringLiteral("custom-%1").arg(++m_counter);
    if (action == QLatin1String("role.update") || action == QLatin1String("role.delete")) {
        auto r = f.cp->createRole(f.system, tenantId, p.name, {},
                                  action == QLatin1String("role.delete") ? p.given.names() : QStringList());
        p.ok = bool(r);
        if (r)
            p.id = r.value().id;
    }
    return p;
}

void TestIdentityControl::restore(const Case& c, const Prepared& p, bool succeeded)
{
    const QString tenantId = c.platform ? QString() : f.tenantA;
    const QString action = QLatin1String(c.action);
    if (!succeeded) {
        if (action == QLatin1String("binding.delete") || action == QLatin1String("role.update") ||
            action == QLatin1String("role.delete")) {
            // What was made for the call goes again.
            if (action == QLatin1String("binding.delete"))
                QVERIFY(f.cp->deleteBinding(f.system, tenantId, p.id));
            else
                QVERIFY(f.cp->deleteRole(f.system, tenantId, p.id));
        }
        return;
    }
    if (action == QLatin1String("user.delete") || action == QLatin1String("integration.delete")) {
        for (auto it = m_targets.begin(); it != m_targets.end(); ++it) {
            if (it.value() == p.id) {
                m_targets.erase(it);
                break;
            }
        }
    } else if (action == QLatin1String("user.enable") || action == QLatin1String("user.disable")) {
        m_disabled[p.id] = action == QLatin1String("user.disable");
        if (m_disabled[p.id]) {
            QVERIFY(f.cp->setUserStatus(f.system, tenantId, p.id, service::UserStatusChange::Enable));
            m_disabled[p.id] = false;
        }
    } else if (action == QLatin1String("user.lock") || action == QLatin1String("user.unlock")) {
        m_locked[p.id] = action == QLatin1String("user.lock");
        if (m_locked[p.id]) {
            QVERIFY(f.cp->setUserStatus(f.system, tenantId, p.id, service::UserStatusChange::Unlock));
            m_locked[p.id] = false;
        }
    } else if (action == QLatin1String("integration.lock") || action == QLatin1String("integration.unlock")) {
        m_locked[p.id] = action == QLatin1String("integration.lock");
        if (m_locked[p.id]) {
            QVERIFY(f.cp->setIntegrationLocked(f.system, tenantId, p.id, false));
            m_locked[p.id] = false;
        }
    } else if (action == QLatin1String("integration.certificate.bind") ||
               action == QLatin1String("integration.certificate.unbind")) {
        m_certified[p.id] = action == QLatin1String("integration.certificate.bind");
    } else if (action == QLatin1String("binding.create")) {
        // Take the new binding away again.
        const auto all = f.cp->listBindings(f.system, tenantId).value();
        const QString grantee = c.platform ? m_platformGrantee : m_grantee;
        for (const authz::Binding& b : all) {
            if (b.identityId == grantee)
                QVERIFY(f.cp->deleteBinding(f.system, tenantId, b.id));
        }
    } else if (action == QLatin1String("oidc.mapping.set")) {
        QVERIFY(f.cp->setGroupMappings(f.system, tenantId, {}));
    } else if (action == QLatin1String("role.create") || action == QLatin1String("role.update")) {
        const auto all = f.cp->listRoles(f.system, tenantId).value();
        for (const authz::Role& r : all) {
            if (r.name == p.name)
                QVERIFY(f.cp->deleteRole(f.system, tenantId, r.id));
        }
    }
}

Result<void> TestIdentityControl::callControlPlane(const Case& c, const Prepared& p, const Seat& seat)
{
    const Caller caller = Caller::withToken(seat.token, service::Source::Gui, QStringLiteral("127.0.0.1"));
    const QString tenantId = c.platform ? QString() : f.tenantA;
    const QString action = QLatin1String(c.action);
    auto done = [](const auto& r) -> Result<void> {
        if (!r)
            return r.error();
        return {};
    };
    using Change = service::UserStatusChange;
    if (action == QLatin1String("user.update"))
        return done(f.cp->updateUser(caller, tenantId, p.id, QStringLiteral("Renamed"), {}));
    if (action == QLatin1String("user.lock"))
        return done(f.cp->setUserStatus(caller, tenantId, p.id, Change::Lock));
    if (action == QLatin1String("user.unlock"))
        return done(f.cp->setUserStatus(caller, tenantId, p.id, Change::Unlock));
    if (action == QLatin1String("user.disable"))
        return done(f.cp->setUserStatus(caller, tenantId, p.id, Change::Disable));
    if (action == QLatin1String("user.enable"))
        return done(f.cp->setUserStatus(caller, tenantId, p.id, Change::Enable));
    if (action == QLatin1String("user.password.reset"))
        return f.cp->resetUserPassword(caller, tenantId, p.id, secret(kNewPassword));
    if (action == QLatin1String("user.mfa.reset"))
        return f.cp->resetUserMfa(caller, tenantId, p.id);
    if (action == QLatin1String("user.sessions.end"))
        return f.cp->endUserSessions(caller, tenantId, p.id);
    if (action == QLatin1String("user.delete"))
        return f.cp->deleteUser(caller, tenantId, p.id);
    if (action == QLatin1String("integration.lock"))
        return done(f.cp->setIntegrationLocked(caller, tenantId, p.id, true));
    if (action == QLatin1String("integration.unlock"))
        return done(f.cp->setIntegrationLocked(caller, tenantId, p.id, false));
    if (action == QLatin1String("integration.certificate.bind"))
        return done(f.cp->bindIntegrationCertificate(caller, tenantId, p.id, QLatin1String(kCertificate)));
    if (action == QLatin1String("integration.certificate.unbind"))
        return done(f.cp->bindIntegrationCertificate(caller, tenantId, p.id, {}));
    if (action == QLatin1String("integration.federation.link"))
        return done(f.cp->setIntegrationFederatedSubject(caller, tenantId, p.id, QStringLiteral("machine-") + p.id));
    if (action == QLatin1String("integration.federation.unlink"))
        return done(f.cp->setIntegrationFederatedSubject(caller, tenantId, p.id, {}));
    if (action == QLatin1String("integration.delete"))
        return f.cp->deleteIntegration(caller, tenantId, p.id);
    if (action == QLatin1String("token.issue"))
        return done(f.cp->issueToken(caller, tenantId, p.id, 1));
    if (action == QLatin1String("token.revoke"))
        return f.cp->revokeToken(caller, tenantId, p.id, p.extra);
    if (action == QLatin1String("binding.create"))
        return done(f.cp->createBinding(caller, tenantId, QStringLiteral("user"),
                                        c.platform ? m_platformGrantee : m_grantee, p.id, p.workspaceId));
    if (action == QLatin1String("binding.delete"))
        return f.cp->deleteBinding(caller, tenantId, p.id);
    if (action == QLatin1String("role.create"))
        return done(f.cp->createRole(caller, tenantId, p.name, {}, p.given.names()));
    if (action == QLatin1String("role.update"))
        return done(f.cp->updateRole(caller, tenantId, p.id, {}, p.given.names()));
    if (action == QLatin1String("role.delete"))
        return f.cp->deleteRole(caller, tenantId, p.id);
    if (action == QLatin1String("oidc.mapping.set")) {
        identity::GroupMapping m;
        m.group = p.name;
        m.roleId = p.id;
        m.workspaceId = p.workspaceId;
        return done(f.cp->setGroupMappings(caller, tenantId, {m}));
    }
    return makeError(ErrorCode::Internal, QStringLiteral("no call for ") + action);
}

std::pair<int, QByteArray> TestIdentityControl::callHttp(const Case& c, const Prepared& p, const Seat& seat)
{
    const QString action = QLatin1String(c.action);
    const QByteArray scope = c.platform ? QByteArray("/api/v1/platform") : "/api/v1/tenants/" + f.tenantA.toUtf8();
    const QByteArray id = QUrl::toPercentEncoding(p.id);
    QByteArray method = "POST", path;
    QJsonObject body;
    const QByteArray user = scope + "/users/" + id;
    const QByteArray integration = scope + "/integrations/" + id;
    if (action == QLatin1String("user.update")) {
        method = "PATCH";
        path = user;
        body = {{QStringLiteral("display_name"), QStringLiteral("Renamed")}, {QStringLiteral("email"), QString()}};
    } else if (action.startsWith(QLatin1String("user."))) {
        static const QHash<QString, QByteArray> suffix{{QStringLiteral("user.lock"), "/lock"},
                                                       {QStringLiteral("user.unlock"), "/unlock"},
                                                       {QStringLiteral("user.disable"), "/disable"},
                                                       {QStringLiteral("user.enable"), "/enable"},
                                                       {QStringLiteral("user.password.reset"), "/reset-password"},
                                                       {QStringLiteral("user.mfa.reset"), "/reset-mfa"},
                                                       {QStringLiteral("user.sessions.end"), "/end-sessions"},
                                                       {QStringLiteral("user.delete"), ""}};
        path = user + suffix.value(action);
        if (action == QLatin1String("user.delete"))
            method = "DELETE";
        if (action == QLatin1String("user.password.reset"))
            body = {{QStringLiteral("password"), QLatin1String(kNewPassword)}};
    } else if (action == QLatin1String("integration.lock") || action == QLatin1String("integration.unlock")) {
        method = "PATCH";
        path = integration;
        body = {{QStringLiteral("locked"), action == QLatin1String("integration.lock")}};
    } else if (action == QLatin1String("integration.certificate.bind")) {
        method = "PUT";
        path = integration + "/certificate";
        body = {{QStringLiteral("sha256"), QLatin1String(kCertificate)}};
    } else if (action == QLatin1String("integration.certificate.unbind")) {
        method = "DELETE";
        path = integration + "/certificate";
    } else if (action == QLatin1String("integration.federation.link")) {
        method = "PUT";
        path = integration + "/federated-subject";
        body = {{QStringLiteral("subject"), QStringLiteral("machine-") + p.id}};
    } else if (action == QLatin1String("integration.federation.unlink")) {
        method = "DELETE";
        path = integration + "/federated-subject";
    } else if (action == QLatin1String("integration.delete")) {
        method = "DELETE";
        path = integration;
    } else if (action == QLatin1String("token.issue")) {
        path = integration + "/tokens";
        body = {{QStringLiteral("expiry_days"), 1}};
    } else if (action == QLatin1String("token.revoke")) {
        method = "DELETE";
        path = integration + "/tokens/" + QUrl::toPercentEncoding(p.extra);
    } else if (action == QLatin1String("binding.create")) {
        path = scope + "/bindings";
        body = {{QStringLiteral("identity_kind"), QStringLiteral("user")},
                {QStringLiteral("identity_id"), c.platform ? m_platformGrantee : m_grantee},
                {QStringLiteral("role_id"), p.id}};
        if (!p.workspaceId.isEmpty())
            body.insert(QStringLiteral("workspace_id"), p.workspaceId);
    } else if (action == QLatin1String("binding.delete")) {
        method = "DELETE";
        path = scope + "/bindings/" + id;
    } else if (action == QLatin1String("role.create")) {
        path = scope + "/roles";
        body = {{QStringLiteral("name"), p.name},
                {QStringLiteral("description"), QString()},
                {QStringLiteral("permissions"), QJsonArray::fromStringList(p.given.names())}};
    } else if (action == QLatin1String("role.update")) {
        method = "PATCH";
        path = scope + "/roles/" + id;
        body = {{QStringLiteral("description"), QString()},
                {QStringLiteral("permissions"), QJsonArray::fromStringList(p.given.names())}};
    } else if (action == QLatin1String("role.delete")) {
        method = "DELETE";
        path = scope + "/roles/" + id;
    } else if (action == QLatin1String("oidc.mapping.set")) {
        method = "PUT";
        path = scope + "/oidc/group-mappings";
        QJsonObject m{{QStringLiteral("group"), p.name}, {QStringLiteral("role_id"), p.id}};
        if (!p.workspaceId.isEmpty())
            m.insert(QStringLiteral("workspace_id"), p.workspaceId);
        body = {{QStringLiteral("mappings"), QJsonArray{m}}};
    }
    HttpRequest request;
    request.method = method;
    request.rawPath = path;
    request.target = path;
    request.headers.append({QByteArray("authorization"), "Bearer " + seat.token.toLatin1()});
    if (!body.isEmpty()) {
        request.body = QJsonDocument(body).toJson(QJsonDocument::Compact);
        request.headers.append({QByteArray("content-type"), QByteArray("application/json")});
    }
    api::ConnectionInfo connection;
    connection.peerAddress = QStringLiteral("127.0.0.1");
    const HttpResponse response = m_api->handle(request, connection, {});
    m_api->awaitHeld(response); // as the connection holds the answer
    return {response.status, response.body};
}

bool TestIdentityControl::expectedAllowed(const Case& c, const Variant& v, const Prepared& p, const Seat& seat) const
{
    // A platform administrator acts on platform administrators only, a tenant's identity in its tenant only.
    if (seat.platform != c.platform)
        return false;
    const service::OperationInfo* info = OperationCatalog::find(QString::fromLatin1(c.action));
    switch (c.rule) {
    case Rule::TargetWithin:
        return heldAt(seat.grants, {}).has(info->permission) && holdsAllOf(seat.grants, v.grants);
    case Rule::GrantWithin: {
        // The permission is checked where the binding applies (a workspace binding: in that workspace); a role
        // applies tenant-wide.
        const QString where = c.kind == TargetKind::Binding ? p.workspaceId : QString();
        const PermissionSet mine = heldAt(seat.grants, where);
        // A group mapping is the tenant's (bindings.write tenant-wide); its role applies where it is mapped.
        if (c.kind == TargetKind::GroupMapping)
            return mine.has(info->permission) && heldAt(seat.grants, p.workspaceId).containsAll(p.given);
        return mine.has(info->permission) && mine.containsAll(p.given);
    }
    case Rule::PermissionOnly:
        return heldAt(seat.grants, {}).has(info->permission);
    }
    return false;
}

void TestIdentityControl::matrix()
{
    QFETCH(int, caseIndex);
    QFETCH(int, door);
    const Case& c = cases().at(caseIndex);
    const QList<Variant>& variants = c.platform ? m_platformVariants : m_variants;
    QStringList failures;
    int rows = 0;
    for (const Seat& seat : std::as_const(m_seats)) {
        for (const Variant& v : variants) {
            // A seat acting on its own identity is a different question (its own credentials).
            const Prepared p = prepare(c, v, seat);
            if (!p.ok)
                continue;
            ++rows;
            const bool expected = expectedAllowed(c, v, p, seat);
            const qint64 before = f.auditCount();
            bool succeeded = false;
            int status = 0;
            QByteArray answer;
            if (Door(door) == Door::ControlPlane) {
                const Result<void> r = callControlPlane(c, p, seat);
                succeeded = bool(r);
                status = succeeded ? 200 : (r.error().code == ErrorCode::Forbidden ? 403 : -int(r.error().code));
                if (!r)
                    answer = r.error().message.toUtf8();
            } else {
                std::tie(status, answer) = callHttp(c, p, seat);
                succeeded = status >= 200 && status < 300;
            }
            ++m_calls;
            const QString where = QStringLiteral("%1 on %2 (%3): ").arg(seat.name, v.name, QLatin1String(c.action));
            if (expected != succeeded || (!expected && status != 403 && seat.platform == c.platform)) {
                failures << where + QStringLiteral("expected %1, got %2 %3")
                                        .arg(expected ? QStringLiteral("allowed") : QStringLiteral("refused"))
                                        .arg(status)
                                        .arg(QString::fromUtf8(answer.left(200)));
            } else if (seat.platform == c.platform) {
                // One event for the call, naming what it acted on, with the reason when the target holds more.
                const audit::AuditEvent e = f.newestEvent();
                if (f.auditCount() != before + 1 || e.action != QLatin1String(c.action))
                    failures << where + QStringLiteral("not audited as one %1 event").arg(QLatin1String(c.action));
                else if (e.outcome != (expected ? QStringLiteral("success") : QStringLiteral("denied")))
                    failures << where + QStringLiteral("audited as %1").arg(e.outcome);
                else if (!expected && c.rule == Rule::TargetWithin &&
                         heldAt(seat.grants, {})
                             .has(OperationCatalog::find(QString::fromLatin1(c.action))->permission)) {
                    ++m_heldMore;
                    if (e.reason != QLatin1String("target_holds_more") ||
                        e.details.value(QStringLiteral("missing_permissions")).toArray().isEmpty())
                        failures << where + QStringLiteral("refused with reason '%1', not target_holds_more "
                                                           "with the missing permissions")
                                                .arg(e.reason);
                }
                if (!(c.kind == TargetKind::Role && QLatin1String(c.action) == QLatin1String("role.create")) &&
                    e.targetId != p.id && e.details.value(QStringLiteral("requested_id")).toString() != p.id &&
                    !QString::fromUtf8(e.detailsJson).contains(p.id))
                    failures << where + QStringLiteral("the event does not name the target %1").arg(p.id);
            }
            if (succeeded)
                ++m_allowed;
            restore(c, p, succeeded);
            if (failures.size() > 20)
                break;
        }
    }
    QVERIFY2(rows > 0, "no row ran");
    QVERIFY2(failures.isEmpty(), qPrintable(QStringLiteral("%1 of %2 rows wrong:\n").arg(failures.size()).arg(rows) +
                                            failures.join(u'\n')));
}

QTEST_GUILESS_MAIN(TestIdentityControl)
#include "TestIdentityControl.moc"
