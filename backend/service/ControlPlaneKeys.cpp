// Master-key rotation: re-wrap what the master key protects, re-key the store, switch custody.
#include "ControlPlaneInternals.h"

#include "core/FaultInjection.h"
#include "core/Logging.h"
#include "crypto/Hkdf.h"
#include "forward/ForwardState.h"
#include "store/Store.h"
#include "store/Transaction.h"

namespace gatehouse::service {

namespace {

const char* const kTenantKeys = "gatehouse/tenant-keys";
const char* const kAuditSigning = "gatehouse/audit-signing";

} // namespace

Result<void> ControlPlane::completeRotation(const Caller& caller)
{
    if (!m_store.rotationPending())
        return {};
    const QString nextCheck = QString::fromLatin1(m_store.nextKeyCheck().toHex());
    {
        auto begun = store::Transaction::begin(m_db);
        if (!begun)
            return begun.error();
        auto done = m_db.pragma("SELECT coalesce((SELECT value FROM store_meta WHERE key = 'wrap_key_check'), '');");
        if (!done)
            return done.error();
        if (done.value() != nextCheck) {
            // Everything wrapped under the master key moves to the next one, in one transaction with its event.
            auto oldTenant = m_store.deriveKey(kTenantKeys);
            auto newTenant = m_store.deriveNextKey(kTenantKeys);
            auto oldAudit = m_store.deriveKey(kAuditSigning);
            auto newAudit = m_store.deriveNextKey(kAuditSigning);
            if (!oldTenant || !newTenant || !oldAudit || !newAudit)
                return !newTenant ? newTenant.error()
                                  : makeError(ErrorCode::Crypto, QStringLiteral("key derivation failed"));
            auto tenants = secrets::TenantKeyRing::rewrap(m_db, oldTenant.value(), newTenant.value());
            if (!tenants)
                return tenants.error();
            if (auto r = audit::AuditLog::rewrapSigningKey(m_db, oldAudit.value(), newAudit.value()); !r)
                return r;
            if (auto r = sql::run(m_db, "DELETE FROM store_meta WHERE key = 'wrap_key_check';"); !r)
                return r;
            if (auto r = sql::run(m_db, "INSERT INTO store_meta (key, value) VALUES ('wrap_key_check', ?);", nextCheck);
                !r)
                return r;
            Operation op{QStringLiteral("key.rotate"), kNoPermission,           {}, {},
                         QStringLiteral("store"),      m_store.config().storeId};
            audit::AuditEvent e = eventFor(caller, nullptr, op);
            e.actorKind = QStringLiteral("system");
            e.actorId = QStringLiteral("system");
            e.actorName = QStringLiteral("local system");
            e.outcome = QStringLiteral("success");
            e.reason = QStringLiteral("ok");
            e.details = {{QStringLiteral("tenant_keys_rewrapped"), tenants.value()},
                         {QStringLiteral("new_custody"), m_store.config().rotation->next.describe()}};
            if (auto r = appendEvent(e); !r)
                return r;
        }
        if (auto r = commit(begun.value()); !r)
            return r;
    }
    crashPoint("rotate-after-rewrap");
    keys::ProviderOptions oldOptions;
    oldOptions.kind = m_store.config().custody.kind;
    auto oldProvider = keys::MasterKeyProvider::make(oldOptions);
    // The index reads the log over connections of its own, under the key being replaced.
    const bool indexOpen = m_index != nullptr;
    closeAuditIndex();
    if (auto r = m_store.finishRotation(*oldProvider); !r)
        return r;
    return indexOpen ? openAuditIndex() : Result<void>();
}

Result<void> ControlPlane::rotateMasterKey(const Caller& caller, keys::MasterKeyProvider& next)
{
    if (!caller.localSystem) {
        // Refused through the enforcement point, so the attempt is in the audit trail.
        Operation op{QStringLiteral("key.rotate"), kNoPermission, {}, {}, QStringLiteral("store")};
        op.systemOnly = true;
        return execute(caller, op, [](Context&) -> Result<void> { return {}; });
    }
    // The forwarder reads the store under the key being replaced, and keeps its state under a key derived from it:
    // stopped for the rotation, its state re-keyed, started again.
    const bool forwarding = stopForwarding();
    auto oldStateKey = m_store.deriveKey(forward::kStateKeyLabel);
    auto rotated = rotateLocked(caller, next);
    auto newStateKey = m_store.deriveKey(forward::kStateKeyLabel);
    if (oldStateKey && newStateKey && !oldStateKey.value().equals(newStateKey.value()))
        forward::rekeyState(m_store.dataDir(), oldStateKey.value(), newStateKey.value());
    if (forwarding) {
        if (auto r = startForwarding(m_forwardTuning); !r)
            qCWarning(lcStore) << "audit forwarding did not start again after the rotation:" << r.error().message;
    }
    return rotated;
}

Result<void> ControlPlane::rotateLocked(const Caller& caller, keys::MasterKeyProvider& next)
{
    QMutexLocker lock(&m_mutex);
    m_pending.clear();
    if (auto r = completeRotation(caller); !r) // an earlier one first
        return r;
    if (auto r = m_store.beginRotation(next); !r)
        return r;
    if (auto r = completeRotation(caller); !r)
        return r;
    // The audit signing key is now wrapped under the new master: open it again from there.
    auto wrap = m_store.deriveKey(kAuditSigning);
    if (!wrap)
        return wrap.error();
    auto begun = store::Transaction::begin(m_db);
    if (!begun)
        return begun.error();
    if (auto r = m_audit.openSigningKey(wrap.value(), m_clock.nowMs()); !r)
        return r;
    return begun.value().commit();
}

} // namespace gatehouse::service
