#pragma once

#include "AuditEvent.h"
#include "core/Result.h"

#include <QList>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::audit {

struct AuditQuery
{
    bool platform = false; // true: platform events only (tenant_id empty)
    QString tenantId;      // otherwise: this tenant's events only
    qint64 beforeSeq = 0;  // keyset pagination, newest first; 0 = from the newest
    int limit = 100;
};

// The append-only, hash-chained audit trail in the store. append() must run inside the caller's transaction,
// so an event commits together with the change it records, or neither does.
class AuditLog
{
public:
    explicit AuditLog(store::Database& db) : m_db(db) {}

    // Fills seq, prevHash and hash; the caller fills the rest.
    Result<void> append(AuditEvent& event);
    Result<QList<AuditEvent>> list(const AuditQuery& query);
    // Walks the whole chain; returns the first sequence number whose hash or link is wrong, or 0 if intact.
    Result<qint64> firstBroken();
    Result<qint64> count();

private:
    store::Database& m_db;
};

} // namespace gatehouse::audit
