#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::secrets {

// One random 256-bit key per tenant, stored wrapped (AES-256-GCM) under a key derived from the master key, with
// the tenant id as associated data so a wrapped key cannot be moved to another tenant. Deleting the tenant's row
// destroys the key: whatever it encrypted is gone for good (crypto-shredding). Keys are unwrapped for each use
// (a few microseconds) and live only in scrubbed buffers; nothing is cached that a rollback could orphan.
class TenantKeyRing
{
public:
    TenantKeyRing(store::Database& db, SecureBytes wrappingKey) : m_db(db), m_wrappingKey(std::move(wrappingKey)) {}

    // The tenant's key, created on first use (inside the caller's transaction, so it commits with its first use).
    Result<SecureBytes> keyFor(const QString& tenantId, qint64 nowMs);

    // Master-key rotation: every tenant key re-sealed from the old wrapping key to the new one (in the caller's
    // transaction). Returns how many.
    static Result<int> rewrap(store::Database& db, const SecureBytes& oldWrappingKey,
                              const SecureBytes& newWrappingKey);

    // The tenants whose stored key does not open under this ring's wrapping key (damaged, or sealed under another
    // master key); `count` receives how many keys are stored. Nothing is created.
    Result<QStringList> unopenableKeys(int* count = nullptr) const;

    // Seals and opens secret values bound to where they belong.
    static QByteArray associatedData(const QString& tenantId, const QString& workspaceId, const QString& secretId,
                                     int version);

private:
    store::Database& m_db;
    SecureBytes m_wrappingKey;
};

} // namespace gatehouse::secrets
