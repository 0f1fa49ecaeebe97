#pragma once

#include "ManualClock.h"
#include "TestSupport.h"
#include "audit/AuditLog.h"
#include "service/ControlPlane.h"
#include "store/Statement.h"

#include <QTemporaryDir>

namespace gatehouse::test {

inline SecureBytes secret(const char* text)
{
    return SecureBytes(reinterpret_cast<const unsigned char*>(text), std::strlen(text));
}

// The password every fixture user gets: long enough, not common, not containing a username.
inline const char* kPassword = "plum-orbit-canvas-tide";

// The current credentials, as a request that changes one's own gives them.
inline service::Reauthentication current(const char* password = kPassword, const QString& code = {})
{
    return service::Reauthentication{secret(password), code};
}

// A real store with a control plane on a manual clock, a platform owner, and two tenants:
//   A with workspaces W1 and W2, B with workspace WB; each with a Tenant Owner.
struct ControlPlaneFixture
{
    QTemporaryDir dir;
    std::unique_ptr<store::Store> store;
    ManualClock clock;
    std::unique_ptr<service::ControlPlane> cp;
    service::Caller system = service::Caller::system();

    QString tenantA, tenantB, w1, w2, wb;
    QString platformOwnerId, ownerAId, ownerBId;

    bool setUp()
    {
        auto s = createFileStore(dir.filePath(QStringLiteral("data")), dir.filePath(QStringLiteral("k")));
        if (!s)
            return false;
        store = std::move(s).value();
        cp = std::make_unique<service::ControlPlane>(*store, clock);
        if (!cp->load())
            return false;
        auto po = cp->bootstrapPlatformOwner(system, QStringLiteral("root"), secret(kPassword));
        if (!po)
            return false;
        platformOwnerId = po.value().id;
        auto a = cp->createTenant(system, QStringLiteral("acme"), QStringLiteral("Acme"), QStringLiteral("alice"),
                                  secret(kPassword));
        auto b = cp->createTenant(system, QStringLiteral("blue"), QStringLiteral("Blue"), QStringLiteral("bob"),
                                  secret(kPassword));
        if (!a || !b)
            return false;
        tenantA = a.value().id;
        tenantB = b.value().id;
        auto x1 = cp->createWorkspace(system, tenantA, QStringLiteral("prod"), QStringLiteral("Production"));
        auto x2 = cp->createWorkspace(system, tenantA, QStringLiteral("dev"), QStringLiteral("Development"));
        auto xb = cp->createWorkspace(system, tenantB, QStringLiteral("main"), QStringLiteral("Main"));
        if (!x1 || !x2 || !xb)
            return false;
        w1 = x1.value().id;
        w2 = x2.value().id;
        wb = xb.value().id;
        return true;
    }

    // A new user in `tenantId` bound to `roleId` (tenant-wide when workspaceId is empty).
    QString addUser(const QString& tenantId, const QString& username, const QString& roleId,
                    const QString& workspaceId = {})
    {
        auto u = cp->createUser(system, tenantId, username, username, {}, secret(kPassword));
        if (!u)
            return {};
        if (!roleId.isEmpty() &&
            !cp->createBinding(system, tenantId, QStringLiteral("user"), u.value().id, roleId, workspaceId))
            return {};
        return u.value().id;
    }

    service::Caller signIn(const QString& tenantName, const QString& username, const QString& totp = {})
    {
        auto s = cp->signIn(caller(), tenantName, username, secret(kPassword), totp);
        return s ? service::Caller::withToken(s.value().token, service::Source::Api, QStringLiteral("127.0.0.1"))
                 : service::Caller::withToken(QStringLiteral("invalid"));
    }

    static service::Caller caller(const QString& address = QStringLiteral("127.0.0.1"))
    {
        service::Caller c;
        c.address = address;
        return c;
    }

    QString userId(const QString& tenantId, const QString& username)
    {
        const auto users = cp->listUsers(system, tenantId);
        if (!users)
            return {};
        const QList<identity::User>& list = users.value();
        for (const auto& u : list) {
            if (u.username == username)
                return u.id;
        }
        return {};
    }

    qint64 auditCount() { return audit::AuditLog(store->database()).count().value(); }
    // The events of callers: every event but the cross-tenant self-probe's (actor probe), which the operations that
    // check application.tenant-isolation write before their own.
    qint64 callerEventCount()
    {
        auto s = store->database().prepare("SELECT count(*) FROM audit_events WHERE actor_kind != 'probe';");
        return s && s.value().step().value() ? s.value().int64(0) : -1;
    }

    // The newest event, whatever its scope.
    audit::AuditEvent newestEvent()
    {
        auto s = store->database().prepare("SELECT seq, tenant_id FROM audit_events ORDER BY seq DESC LIMIT 1;");
        if (!s || !s.value().step().value())
            return {};
        const qint64 seq = s.value().int64(0);
        const QString tenant = s.value().text(1);
        audit::AuditQuery q;
        q.platform = tenant.isEmpty();
        q.tenantId = tenant;
        q.beforeSeq = seq + 1;
        q.limit = 1;
        return audit::AuditLog(store->database()).search(q).value().events.value(0);
    }
};

} // namespace gatehouse::test
