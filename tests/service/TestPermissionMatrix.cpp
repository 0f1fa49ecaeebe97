// Every control-plane operation x every built-in role x every scope relation, through the control plane itself:
// the expected allow/deny comes from the table below (written independently of the role definitions), and each
// call must leave exactly one audit event with the matching outcome.
#include "ControlPlaneFixture.h"
#include "keys/KeyFileProvider.h"

#include <QBuffer>
#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;
namespace roles = authz::builtin;

namespace {

enum class Kind { Platform, Tenant, Workspace };
enum class Relation { OwnWorkspace, OtherWorkspace, OtherTenant, Platform };

struct Target
{
    QString tenantId;
    QString workspaceId;
};

// A prepared call, and the target it names as the caller names it (an id or a name): every audited outcome, a
// denial too, must name it. Empty for calls on a whole scope (lists, settings), whose event names the scope.
struct Action
{
    template <typename F> Action(F f, QString named = {}) : call(std::move(f)), target(std::move(named)) {}
    std::function<Result<void>(const Caller&)> call;
    QString target;
};

template <typename T> Result<void> discard(const Result<T>& r)
{
    if (!r)
        return r.error();
    return {};
}

struct Op
{
    const char* name;
    Kind kind;
    QStringList allowed; // roles allowed at their own scope
    std::function<Action(ControlPlaneFixture&, const Target&)> prepare;
};

int counter = 0;
QString unique(const char* stem)
{
    return QStringLiteral("%1-%2").arg(QLatin1String(stem)).arg(++counter);
}

// Fresh objects in the target tenant, made by the local system, so each case acts on its own.
QString freshUser(ControlPlaneFixture& f, const QString& tenantId)
{
    return f.cp->createUser(f.system, tenantId, unique("u"), QStringLiteral("U"), {}, secret(kPassword)).value().id;
}
QString freshIntegration(ControlPlaneFixture& f, const QString& tenantId)
{
    return f.cp->createIntegration(f.system, tenantId, unique("i"), {}).value().id;
}
QString freshSecret(ControlPlaneFixture& f, const Target& t)
{
    const QString name = unique("app/key");
    (void)f.cp->createSecret(f.system, t.tenantId, t.workspaceId, {name, {}, {}, 0, 0}, secret("initial-value"));
    return name;
}

// A destination for the forwarding rows: a relay on this machine (nothing connects: no forwarder runs here).
forward::Destination relay(const QString& tenantId, const QString& name)
{
    forward::Destination d;
    d.tenantId = tenantId;
    d.name = name;
    d.transport = forward::Destination::Transport::Tcp;
    d.host = QStringLiteral("127.0.0.1");
    d.port = 514;
    return d;
}
// A change the update rows make: another port.
forward::DestinationChange portChange()
{
    forward::DestinationChange change;
    change.port = 1514;
    return change;
}
QString freshDestination(ControlPlaneFixture& f, const QString& tenantId)
{
    return f.cp->createForwardDestination(f.system, relay(tenantId, unique("fwd"))).value().id;
}

// A provider for the federation rows (nothing contacts it: no sign-in runs here).
identity::FederationConfig provider(const QString& tenantId)
{
    identity::FederationConfig c;
    c.tenantId = tenantId;
    c.issuer = QStringLiteral("https://idp.example.com");
    c.clientId = QStringLiteral("gatehouse");
    return c;
}

tenancy::Tenant freshTenant(ControlPlaneFixture& f)
{
    return f.cp->createTenant(f.system, unique("t"), QStringLiteral("T"), QStringLiteral("owner"), secret(kPassword))
        .value();
}

const QStringList kTenantWide{QStringLiteral("TO"), QStringLiteral("TA"), QStringLiteral("SR")};
const QStringList kAllRoles{QStringLiteral("PO"), QStringLiteral("PA"), QStringLiteral("TO"), QStringLiteral("TA"),
                            QStringLiteral("SR"), QStringLiteral("SM"), QStringLiteral("MB"), QStringLiteral("IN")};

const QList<Op>& operations()
{
    using F = ControlPlaneFixture;
    const QStringList PO{QStringLiteral("PO")};
    const QStringList POPA{QStringLiteral("PO"), QStringLiteral("PA")};
    const QStringList TO{QStringLiteral("TO")};
    const QStringList TOTA{QStringLiteral("TO"), QStringLiteral("TA")};
    const QStringList READERS{QStringLiteral("TO"), QStringLiteral("TA"), QStringLiteral("SR")};
    const QStringList WS_READERS{QStringLiteral("TO"), QStringLiteral("TA"), QStringLiteral("SR"), QStringLiteral("SM"),
                                 QStringLiteral("MB")};
    const QStringList SECRET_WRITERS{QStringLiteral("TO"), QStringLiteral("TA"), QStringLiteral("SM")};
    const QStringList REVEALERS{QStringLiteral("TO"), QStringLiteral("SM")};
    static const QList<Op> ops{
        // --- platform ---
        {"tenant.create", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString name = unique("n");
             return Action{[&f, name](const Caller& c) {
                               return discard(f.cp->createTenant(c, name, QStringLiteral("N"), QStringLiteral("owner"),
                                                                 secret(kPassword)));
                           },
                           name};
         }},
        {"platform.bootstrap",
         Kind::Platform,
         {},
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->bootstrapPlatformOwner(c, unique("boot"), secret(kPassword)));
             };
         }},
        {"key.rotate",
         Kind::Platform,
         {},
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 keys::KeyFileProvider next(f.dir.filePath(unique("next.key")));
                 return f.cp->rotateMasterKey(c, next);
             };
         }},
        {"store.integrity_check",
         Kind::Platform,
         {},
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->scanStoreIntegrity(c));
             };
         }},
        {"tenant.list", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->listTenants(c));
             };
         }},
        {"tenant.read", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return Action{[&f](const Caller& c) { return discard(f.cp->getTenant(c, f.tenantA)); }, f.tenantA};
         }},
        {"tenant.rename", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString id = freshTenant(f).id;
             return Action{
                 [&f, id](const Caller& c) { return discard(f.cp->renameTenant(c, id, QStringLiteral("Renamed"))); },
                 id};
         }},
        {"tenant.suspend", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString id = freshTenant(f).id;
             return Action{[&f, id](const Caller& c) { return discard(f.cp->setTenantSuspended(c, id, true)); }, id};
         }},
        {"tenant.delete", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const auto t = freshTenant(f);
             return Action{[&f, t](const Caller& c) { return f.cp->deleteTenant(c, t.id, t.name); }, t.id};
         }},
        {"user.create (platform)", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString name = unique("p");
             return Action{[&f, name](const Caller& c) {
                               return discard(
                                   f.cp->createUser(c, {}, name, QStringLiteral("P"), {}, secret(kPassword)));
                           },
                           name};
         }},
        {"user.list (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->listUsers(c, {}));
             };
         }},
        {"user.read (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return Action{[&f](const Caller& c) { return discard(f.cp->getUser(c, {}, f.platformOwnerId)); },
                           f.platformOwnerId};
         }},
        {"binding.create (platform)", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString u = freshUser(f, {});
             return Action{[&f, u](const Caller& c) {
                               return discard(
                                   f.cp->createBinding(c, {}, QStringLiteral("user"), u, roles::kPlatformAuditor));
                           },
                           u};
         }},
        {"binding.list (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->listBindings(c, {}));
             };
         }},
        {"role.list (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->listRoles(c, {}));
             };
         }},
        {"audit.search (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->searchAudit(c, {}));
             };
         }},
        {"audit.histogram (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->auditHistogram(c, {}, 3600 * 1000));
             };
         }},
        {"audit.verify", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->verifyAudit(c, true));
             };
         }},
        {"audit.verify (range)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->verifyAuditRange(c, 1, 1));
             };
         }},
        {"metrics.read", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->readMetrics(c));
             };
         }},
        {"audit.checkpoint.latest", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->latestCheckpoint(c));
             };
         }},
        {"overview.platform", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->summarize(c, {}));
             };
         }},
        {"boundary.list", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->listBoundaries(c));
             };
         }},
        {"boundary.read", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return Action{[&f](const Caller& c) { return discard(f.cp->boundary(c, QStringLiteral("identity"))); },
                           QStringLiteral("identity")};
         }},
        {"boundary.control.read", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return Action{[&f](const Caller& c) {
                               return discard(
                                   f.cp->controlResult(c, QStringLiteral("data"), QStringLiteral("data.encryption")));
                           },
                           QStringLiteral("data.encryption")};
         }},
        {"boundary.control.history", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return Action{[&f](const Caller& c) {
                               return discard(f.cp->controlHistory(c, QStringLiteral("data"),
                                                                   QStringLiteral("data.encryption"), {}));
                           },
                           QStringLiteral("data.encryption")};
         }},
        // A run first, so the call finds every status as it was and records no drift: its own event only.
        {"boundary.check.run", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             (void)f.cp->runControlChecks(f.system);
             return [&f](const Caller& c) {
                 return discard(f.cp->runControlChecks(c));
             };
         }},
        {"evidence.generate", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(
                     f.cp->generateEvidence(c, {}, [](const evidence::EvidenceData& d) -> Result<QByteArray> {
                         return evidence::toHtml(d).toUtf8();
                     }));
             };
         }},
        {"ownership.read", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->ownership(c));
             };
         }},
        {"ownership.update", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->setOwnership(c, boundaries::Ownership::defaults()));
             };
         }},
        {"audit.export (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 QBuffer sink;
                 sink.open(QIODevice::WriteOnly);
                 return discard(f.cp->exportAudit(c, {}, audit::ExportFormat::JsonLines, sink));
             };
         }},
        {"audit.export bundle", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             const QString dir = f.dir.filePath(unique("bundle"));
             return [&f, dir](const Caller& c) {
                 return discard(f.cp->exportAuditBundle(c, dir));
             };
         }},
        {"audit.follow (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 auto s = f.cp->followAudit(c, {}, 0, [] {});
                 if (s)
                     f.cp->unfollowAudit(s.value());
                 return discard(s);
             };
         }},
        {"audit.retention.read", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->auditRetention(c));
             };
         }},
        {"audit.retention.update", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->setAuditRetention(c, {}));
             };
         }},
        {"audit.prune", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->pruneAudit(c));
             };
         }},
        {"audit.checkpoint", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->checkpointAudit(c));
             };
         }},
        {"forwarding.read (platform)", Kind::Platform, POPA,
         [](F& f, const Target&) -> Action {
             return [&f](const Caller& c) {
                 return discard(f.cp->forwardingStatus(c, {}));
             };
         }},
        {"forwarding.create", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString name = unique("fwd");
             return Action{
                 [&f, name](const Caller& c) { return discard(f.cp->createForwardDestination(c, relay({}, name))); },
                 name};
         }},
        {"forwarding.update", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString id = freshDestination(f, {});
             return Action{
                 [&f, id](const Caller& c) { return discard(f.cp->updateForwardDestination(c, {}, id, portChange())); },
                 id};
         }},
        {"forwarding.delete", Kind::Platform, PO,
         [](F& f, const Target&) -> Action {
             const QString id = freshDestination(f, {});
             return Action{[&f, id](const Caller& c) { return f.cp->deleteForwardDestination(c, {}, id); }, id};
         }},
        // --- tenant ---
        {"forwarding.read", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->forwardingStatus(c, t.tenantId));
             };
         }},
        {"forwarding.tenant.create", Kind::Tenant, TO,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("fwd");
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->createForwardDestination(c, relay(t.tenantId, name)));
                           },
                           name};
         }},
        {"forwarding.tenant.update", Kind::Tenant, TO,
         [](F& f, const Target& t) -> Action {
             const QString id = freshDestination(f, t.tenantId);
             return Action{[&f, t, id](const Caller& c) {
                               return discard(f.cp->updateForwardDestination(c, t.tenantId, id, portChange()));
                           },
                           id};
         }},
        {"forwarding.tenant.delete", Kind::Tenant, TO,
         [](F& f, const Target& t) -> Action {
             const QString id = freshDestination(f, t.tenantId);
             return Action{[&f, t, id](const Caller& c) { return f.cp->deleteForwardDestination(c, t.tenantId, id); },
                           id};
         }},
        {"oidc.provider.read", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             (void)f.cp->setFederation(f.system, provider(t.tenantId));
             return [&f, t](const Caller& c) {
                 return discard(f.cp->federation(c, t.tenantId));
             };
         }},
        {"oidc.provider.set", Kind::Tenant, TO,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->setFederation(c, provider(t.tenantId), secret("client-secret")));
             };
         }},
        {"oidc.provider.remove", Kind::Tenant, TO,
         [](F& f, const Target& t) -> Action {
             (void)f.cp->setFederation(f.system, provider(t.tenantId));
             return [&f, t](const Caller& c) {
                 return f.cp->removeFederation(c, t.tenantId);
             };
         }},
        {"oidc.mapping.list", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->groupMappings(c, t.tenantId));
             };
         }},
        {"oidc.mapping.set", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             identity::GroupMapping m;
             m.group = unique("group");
             m.roleId = roles::kMember;
             return [&f, t, m](const Caller& c) {
                 return discard(f.cp->setGroupMappings(c, t.tenantId, {m}));
             };
         }},
        {"settings.read", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->tenantSettings(c, t.tenantId));
             };
         }},
        {"settings.update", Kind::Tenant, TO,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->updateTenantSettings(c, t.tenantId, tenancy::TenantSettings{}));
             };
         }},
        {"workspace.create", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("w");
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->createWorkspace(c, t.tenantId, name, QStringLiteral("W")));
                           },
                           name};
         }},
        {"workspace.list", Kind::Tenant, WS_READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->listWorkspaces(c, t.tenantId));
             };
         }},
        {"overview.tenant", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->summarize(c, t.tenantId));
             };
         }},
        {"workspace.delete", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const auto w = f.cp->createWorkspace(f.system, t.tenantId, unique("w"), QStringLiteral("W")).value();
             return Action{[&f, t, w](const Caller& c) { return f.cp->deleteWorkspace(c, t.tenantId, w.id, w.name); },
                           w.id};
         }},
        {"user.create", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("u");
             return Action{[&f, t, name](const Caller& c) {
                               return discard(
                                   f.cp->createUser(c, t.tenantId, name, QStringLiteral("U"), {}, secret(kPassword)));
                           },
                           name};
         }},
        {"user.list", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->listUsers(c, t.tenantId));
             };
         }},
        {"user.read", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) { return discard(f.cp->getUser(c, t.tenantId, u)); }, u};
         }},
        {"user.update", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return discard(f.cp->updateUser(c, t.tenantId, u, QStringLiteral("New"), {}));
                           },
                           u};
         }},
        {"user.lock", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return discard(f.cp->setUserStatus(c, t.tenantId, u, service::UserStatusChange::Lock));
                           },
                           u};
         }},
        {"user.password.reset", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return f.cp->resetUserPassword(c, t.tenantId, u, secret("another fine passphrase"));
                           },
                           u};
         }},
        {"user.mfa.reset", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) { return f.cp->resetUserMfa(c, t.tenantId, u); }, u};
         }},
        {"user.sessions.end", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) { return f.cp->endUserSessions(c, t.tenantId, u); }, u};
         }},
        {"user.delete", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) { return f.cp->deleteUser(c, t.tenantId, u); }, u};
         }},
        {"integration.create", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("i");
             return Action{
                 [&f, t, name](const Caller& c) { return discard(f.cp->createIntegration(c, t.tenantId, name, {})); },
                 name};
         }},
        {"integration.list", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->listIntegrations(c, t.tenantId));
             };
         }},
        {"integration.lock", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             return Action{
                 [&f, t, i](const Caller& c) { return discard(f.cp->setIntegrationLocked(c, t.tenantId, i, true)); },
                 i};
         }},
        {"integration.certificate.bind", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             return Action{[&f, t, i](const Caller& c) {
                               return discard(
                                   f.cp->bindIntegrationCertificate(c, t.tenantId, i, QString(64, QLatin1Char('a'))));
                           },
                           i};
         }},
        // Whoever holds the provider's tokens for the subject acts as the integration: as for a certificate.
        {"integration.federation.link", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             (void)f.cp->setFederation(f.system, provider(t.tenantId));
             const QString i = freshIntegration(f, t.tenantId);
             const QString subject = unique("machine");
             return Action{[&f, t, i, subject](const Caller& c) {
                               return discard(f.cp->setIntegrationFederatedSubject(c, t.tenantId, i, subject));
                           },
                           i};
         }},
        {"integration.federation.unlink", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             return Action{[&f, t, i](const Caller& c) {
                               return discard(f.cp->setIntegrationFederatedSubject(c, t.tenantId, i, {}));
                           },
                           i};
         }},
        {"integration.delete", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             return Action{[&f, t, i](const Caller& c) { return f.cp->deleteIntegration(c, t.tenantId, i); }, i};
         }},
        {"token.issue", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             return Action{[&f, t, i](const Caller& c) { return discard(f.cp->issueToken(c, t.tenantId, i)); }, i};
         }},
        {"token.list", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             return Action{[&f, t, i](const Caller& c) { return discard(f.cp->listTokens(c, t.tenantId, i)); }, i};
         }},
        {"token.revoke", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString i = freshIntegration(f, t.tenantId);
             const QString tok = f.cp->issueToken(f.system, t.tenantId, i).value().token.id;
             return Action{[&f, t, i, tok](const Caller& c) { return f.cp->revokeToken(c, t.tenantId, i, tok); }, tok};
         }},
        {"role.create", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("r");
             return Action{[&f, t, name](const Caller& c) {
                               return discard(
                                   f.cp->createRole(c, t.tenantId, name, {}, {QStringLiteral("workspaces.read")}));
                           },
                           name};
         }},
        {"role.list", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->listRoles(c, t.tenantId));
             };
         }},
        {"role.update", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString r =
                 f.cp->createRole(f.system, t.tenantId, unique("r"), {}, {QStringLiteral("users.read")}).value().id;
             return Action{[&f, t, r](const Caller& c) {
                               return discard(f.cp->updateRole(c, t.tenantId, r, QStringLiteral("d"),
                                                               {QStringLiteral("roles.read")}));
                           },
                           r};
         }},
        {"role.delete", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString r =
                 f.cp->createRole(f.system, t.tenantId, unique("r"), {}, {QStringLiteral("users.read")}).value().id;
             return Action{[&f, t, r](const Caller& c) { return f.cp->deleteRole(c, t.tenantId, r); }, r};
         }},
        {"binding.create", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return discard(
                                   f.cp->createBinding(c, t.tenantId, QStringLiteral("user"), u, roles::kMember));
                           },
                           u};
         }},
        {"binding.list", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->listBindings(c, t.tenantId));
             };
         }},
        {"binding.delete", Kind::Tenant, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             const QString b =
                 f.cp->createBinding(f.system, t.tenantId, QStringLiteral("user"), u, roles::kMember).value().id;
             return Action{[&f, t, b](const Caller& c) { return f.cp->deleteBinding(c, t.tenantId, b); }, b};
         }},
        {"authz.check", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return discard(f.cp->checkAccess(c, t.tenantId, u, QStringLiteral("users.read")));
                           },
                           u};
         }},
        {"authz.effective", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{
                 [&f, t, u](const Caller& c) { return discard(f.cp->effectivePermissions(c, t.tenantId, u)); }, u};
         }},
        {"authz.explain", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return discard(f.cp->explainAccess(c, t.tenantId, u, {}, QStringLiteral("users.read")));
                           },
                           u};
         }},
        {"audit.search", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             audit::AuditQuery q;
             q.tenantId = t.tenantId;
             return [&f, q](const Caller& c) {
                 return discard(f.cp->searchAudit(c, q));
             };
         }},
        {"audit.histogram", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             audit::AuditQuery q;
             q.tenantId = t.tenantId;
             return [&f, q](const Caller& c) {
                 return discard(f.cp->auditHistogram(c, q, 60000));
             };
         }},
        {"audit.export", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             audit::AuditQuery q;
             q.tenantId = t.tenantId;
             return [&f, q](const Caller& c) {
                 QBuffer sink;
                 sink.open(QIODevice::WriteOnly);
                 return discard(f.cp->exportAudit(c, q, audit::ExportFormat::Csv, sink));
             };
         }},
        {"audit.follow", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 auto s = f.cp->followAudit(c, t.tenantId, 0, [] {});
                 if (s)
                     f.cp->unfollowAudit(s.value());
                 return discard(s);
             };
         }},
        {"secret.due", Kind::Tenant, READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->dueSecrets(c, t.tenantId, {}, 30));
             };
         }},
        // --- workspace ---
        {"workspace.read", Kind::Workspace, WS_READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->getWorkspace(c, t.tenantId, t.workspaceId));
             };
         }},
        {"workspace.rename", Kind::Workspace, TOTA,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->renameWorkspace(c, t.tenantId, t.workspaceId, unique("W")));
             };
         }},
        {"workspace.resume", Kind::Workspace, TOTA,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->setWorkspaceSuspended(c, t.tenantId, t.workspaceId, false));
             };
         }},
        {"secret.create", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("db/pw");
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->createSecret(c, t.tenantId, t.workspaceId, {name, {}, {}, 0, 0},
                                                                 secret("s3cr3t-value")));
                           },
                           name};
         }},
        {"secret.update", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             return Action{[&f, t, name](const Caller& c) {
                               return discard(
                                   f.cp->updateSecretValue(c, t.tenantId, t.workspaceId, name, secret("next-value")));
                           },
                           name};
         }},
        {"secret.list", Kind::Workspace, WS_READERS,
         [](F& f, const Target& t) -> Action {
             return [&f, t](const Caller& c) {
                 return discard(f.cp->listSecrets(c, t.tenantId, t.workspaceId));
             };
         }},
        {"secret.versions", Kind::Workspace, WS_READERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->listSecretVersions(c, t.tenantId, t.workspaceId, name));
                           },
                           name};
         }},
        {"secret.reveal", Kind::Workspace, REVEALERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             return Action{[&f, t, name](const Caller& c) {
                               return discard(
                                   f.cp->revealSecret(c, t.tenantId, t.workspaceId, name, 0, QStringLiteral("matrix")));
                           },
                           name};
         }},
        {"secret.delete", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             return Action{
                 [&f, t, name](const Caller& c) { return f.cp->deleteSecret(c, t.tenantId, t.workspaceId, name); },
                 name};
         }},
        {"secret.undelete", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             (void)f.cp->deleteSecret(f.system, t.tenantId, t.workspaceId, name);
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->undeleteSecret(c, t.tenantId, t.workspaceId, name));
                           },
                           name};
         }},
        {"secret.restore", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             (void)f.cp->updateSecretValue(f.system, t.tenantId, t.workspaceId, name, secret("second-value"));
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->restoreSecretVersion(c, t.tenantId, t.workspaceId, name, 1));
                           },
                           name};
         }},
        {"secret.version.destroy", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = freshSecret(f, t);
             (void)f.cp->updateSecretValue(f.system, t.tenantId, t.workspaceId, name, secret("second-value"));
             return Action{[&f, t, name](const Caller& c) {
                               return f.cp->destroySecretVersion(c, t.tenantId, t.workspaceId, name, 1);
                           },
                           name};
         }},
        {"secret.rotated", Kind::Workspace, SECRET_WRITERS,
         [](F& f, const Target& t) -> Action {
             const QString name = unique("rotating");
             (void)f.cp->createSecret(f.system, t.tenantId, t.workspaceId, {name, {}, {}, 30, 0}, secret("v"));
             return Action{[&f, t, name](const Caller& c) {
                               return discard(f.cp->markSecretRotated(c, t.tenantId, t.workspaceId, name));
                           },
                           name};
         }},
        {"binding.create (workspace)", Kind::Workspace, TOTA,
         [](F& f, const Target& t) -> Action {
             const QString u = freshUser(f, t.tenantId);
             return Action{[&f, t, u](const Caller& c) {
                               return discard(f.cp->createBinding(c, t.tenantId, QStringLiteral("user"), u,
                                                                  roles::kMember, t.workspaceId));
                           },
                           u};
         }},
    };
    return ops;
}

} // namespace

class TestPermissionMatrix : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void matrix_data();
    void matrix();
    void everyOperationIsInTheMatrix();

private:
    ControlPlaneFixture f;
    QHash<QString, Caller> m_callers;
};

void TestPermissionMatrix::initTestCase()
{
    QVERIFY(f.setUp());
    auto platformUser = [this](const char* name, const QString& role) {
        const QString id =
            f.cp->createUser(f.system, {}, QLatin1String(name), QLatin1String(name), {}, secret(kPassword)).value().id;
        QVERIFY(f.cp->createBinding(f.system, {}, QStringLiteral("user"), id, role));
    };
    platformUser("auditor", roles::kPlatformAuditor);
    QVERIFY(!f.addUser(f.tenantA, QStringLiteral("tadmin"), roles::kTenantAdmin).isEmpty());
    QVERIFY(!f.addUser(f.tenantA, QStringLiteral("reviewer"), roles::kSecurityReviewer).isEmpty());
    QVERIFY(!f.addUser(f.tenantA, QStringLiteral("secman"), roles::kSecretsManager, f.w1).isEmpty());
    QVERIFY(!f.addUser(f.tenantA, QStringLiteral("member"), roles::kMember, f.w1).isEmpty());
    m_callers[QStringLiteral("PO")] = f.signIn(QString(), QStringLiteral("root"));
    m_callers[QStringLiteral("PA")] = f.signIn(QString(), QStringLiteral("auditor"));
    m_callers[QStringLiteral("TO")] = f.signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    m_callers[QStringLiteral("TA")] = f.signIn(QStringLiteral("acme"), QStringLiteral("tadmin"));
    m_callers[QStringLiteral("SR")] = f.signIn(QStringLiteral("acme"), QStringLiteral("reviewer"));
    m_callers[QStringLiteral("SM")] = f.signIn(QStringLiteral("acme"), QStringLiteral("secman"));
    m_callers[QStringLiteral("MB")] = f.signIn(QStringLiteral("acme"), QStringLiteral("member"));
    const QString robot = f.cp->createIntegration(f.system, f.tenantA, QStringLiteral("robot"), {}).value().id;
    QVERIFY(f.cp->createBinding(f.system, f.tenantA, QStringLiteral("integration"), robot, roles::kIntegration, f.w1));
    m_callers[QStringLiteral("IN")] = Caller::withToken(f.cp->issueToken(f.system, f.tenantA, robot).value().secret);
    for (auto it = m_callers.cbegin(); it != m_callers.cend(); ++it)
        QVERIFY2(f.cp->whoami(*it), qPrintable(it.key()));
}

void TestPermissionMatrix::matrix_data()
{
    QTest::addColumn<int>("op");
    QTest::addColumn<QString>("role");
    QTest::addColumn<int>("relation");
    const auto& ops = operations();
    for (int i = 0; i < ops.size(); ++i) {
        QList<Relation> relations;
        switch (ops[i].kind) {
        case Kind::Platform:
            relations = {Relation::Platform};
            break;
        case Kind::Tenant:
            relations = {Relation::OwnWorkspace, Relation::OtherTenant};
            break;
        case Kind::Workspace:
            relations = {Relation::OwnWorkspace, Relation::OtherWorkspace, Relation::OtherTenant};
            break;
        }
        static const char* const names[] = {"own", "other workspace", "other tenant", "platform"};
        for (const QString& role : kAllRoles) {
            for (Relation r : relations)
                QTest::addRow("%s | %s | %s", ops[i].name, qPrintable(role), names[int(r)]) << i << role << int(r);
        }
    }
}

void TestPermissionMatrix::matrix()
{
    QFETCH(int, op);
    QFETCH(QString, role);
    QFETCH(int, relation);
    const Op& o = operations()[op];
    const auto rel = Relation(relation);
    Target scope;
    switch (rel) {
    case Relation::OwnWorkspace:
        scope = {f.tenantA, f.w1};
        break;
    case Relation::OtherWorkspace:
        scope = {f.tenantA, f.w2};
        break;
    case Relation::OtherTenant:
        scope = {f.tenantB, f.wb};
        break;
    case Relation::Platform:
        break;
    }
    const bool platformRole = role == QLatin1String("PO") || role == QLatin1String("PA");
    bool expectAllowed = o.allowed.contains(role);
    ErrorCode expectedError = ErrorCode::Forbidden;
    if (rel == Relation::OtherWorkspace)
        expectAllowed = expectAllowed && kTenantWide.contains(role);
    if (rel == Relation::OtherTenant) {
        expectAllowed = false;
        if (!platformRole)
            expectedError = ErrorCode::NotFound; // another tenant's objects do not exist for this principal
    }

    Action action = o.prepare(f, scope);
    const qint64 before = f.callerEventCount();
    const Result<void> result = action.call(m_callers.value(role));
    QCOMPARE(f.callerEventCount(), before + 1);
    const audit::AuditEvent event = f.newestEvent();
    if (expectAllowed) {
        QVERIFY2(result, qPrintable(result ? QString() : result.error().message));
        QCOMPARE(event.outcome, QStringLiteral("success"));
    } else {
        QVERIFY2(!result, "allowed, but the table says it must be denied");
        QCOMPARE(result.error().code, expectedError);
        QCOMPARE(event.outcome, QStringLiteral("denied"));
    }
    QVERIFY(event.actorKind == QLatin1String(role == QLatin1String("IN") ? "integration" : "user"));

    // Every outcome, a denial too, names the target as the caller named it: the id, or the name (as its fingerprint
    // when the name matches nothing the caller may see), and the scope asked for.
    const auto names = [&event](const QString& target) {
        if (event.targetId == target)
            return true;
        for (auto it = event.details.begin(); it != event.details.end(); ++it) {
            if (it.value().toString() == target)
                return true;
        }
        return event.details.contains(QStringLiteral("name_fingerprint"));
    };
    if (!action.target.isEmpty())
        QVERIFY2(names(action.target),
                 qPrintable(QStringLiteral("the event names neither %1 nor its fingerprint: %2 %3")
                                .arg(action.target, event.targetId,
                                     QString::fromUtf8(QJsonDocument(event.details).toJson(QJsonDocument::Compact)))));
    if (!scope.tenantId.isEmpty()) {
        const bool sameTenant = event.tenantId == scope.tenantId;
        const bool asked = event.details.value(QStringLiteral("requested_tenant_id")).toString() == scope.tenantId;
        QVERIFY2(sameTenant || asked, "the event names neither the tenant asked for nor the caller's request for it");
        if (sameTenant && o.kind == Kind::Workspace)
            QCOMPARE(event.workspaceId, scope.workspaceId);
    }
    if (!expectAllowed && rel == Relation::OwnWorkspace && !action.target.isEmpty() && o.kind != Kind::Platform)
        QVERIFY2(!event.targetId.isEmpty() || !event.details.isEmpty(), "a denial in one's own scope names its target");
}

void TestPermissionMatrix::everyOperationIsInTheMatrix()
{
    // Guard against a new operation slipping in untested: the public operations of ControlPlane (minus the
    // self-service ones, covered by TestControlPlane) must all be named in the table.
    const QSet<QString> selfService{QStringLiteral("signIn"), QStringLiteral("signOut"), QStringLiteral("whoami"),
                                    QStringLiteral("changeOwnPassword"), QStringLiteral("beginTotpEnrollment"),
                                    QStringLiteral("confirmTotpEnrollment"), QStringLiteral("removeOwnTotp"),
                                    QStringLiteral("regenerateRecoveryCodes"), QStringLiteral("load"),
                                    // not an operation: writes queued read records (the server's group commit)
                                    QStringLiteral("flushReadAudit"),
                                    // not operations: the clean end, and the process's checkpoint policy (no
                                    // front door sets it); covered by TestAudit
                                    QStringLiteral("close"), QStringLiteral("setAuditCheckpointPolicy"),
                                    // public to anyone signed in; covered by TestAudit
                                    QStringLiteral("auditPublicKeyPem"),
                                    // not an operation: the server starts its forwarding thread; covered by
                                    // TestForwarding
                                    QStringLiteral("startForwarding"),
                                    // anyone may call them, like signIn; covered by TestFederation
                                    QStringLiteral("beginFederatedSignIn"), QStringLiteral("completeFederatedSignIn"),
                                    // not an operation: the check schedule's retention of the control history;
                                    // covered by TestControlHistory
                                    QStringLiteral("pruneControlHistory"),
                                    // anyone may call it, like signIn; covered by TestTokenExchange
                                    QStringLiteral("exchangeProviderToken")};
    QFile header(QStringLiteral(GATEHOUSE_SOURCE_DIR "/backend/service/ControlPlane.h"));
    QVERIFY(header.open(QIODevice::ReadOnly));
    QString text = QString::fromUtf8(header.readAll());
    text.truncate(text.indexOf(QLatin1String("\nprivate:"))); // public operations only
    static const QRegularExpression method(QStringLiteral("^    Result<[^\\n]*?>\\s+(\\w+)\\("),
                                           QRegularExpression::MultilineOption);
    QSet<QString> methods;
    for (auto it = method.globalMatch(text); it.hasNext();)
        methods.insert(it.next().captured(1));
    QVERIFY(methods.size() > 40);
    QSet<QString> covered;
    QFile self(QStringLiteral(GATEHOUSE_SOURCE_DIR "/tests/service/TestPermissionMatrix.cpp"));
    QVERIFY(self.open(QIODevice::ReadOnly));
    const QString me = QString::fromUtf8(self.readAll());
    for (const QString& m : methods) {
        if (!selfService.contains(m))
            QVERIFY2(me.contains(QStringLiteral("f.cp->") + m + QLatin1Char('(')),
                     qPrintable(m + QStringLiteral(" is not in the matrix")));
    }
}

QTEST_GUILESS_MAIN(TestPermissionMatrix)
#include "TestPermissionMatrix.moc"
