#pragma once

#include "ControlResult.h"
#include "TenantProbe.h"
#include "TransportFacts.h"
#include "audit/AuditLog.h"

#include <QStringList>

#include <functional>

namespace gatehouse::authz {
class Authorizer;
}
namespace gatehouse::secrets {
class TenantKeyRing;
}
namespace gatehouse::store {
class Database;
class Store;
} // namespace gatehouse::store

namespace gatehouse::boundaries {

// What a check may look at: the running store, its audit trail and key ring, the in-memory authorizer, and
// what the API listener and the control plane report about themselves. Checks only read (an incremental audit
// verification records how far it got, as any verification does).
struct CheckInput
{
    store::Store& store;
    store::Database& db;
    audit::AuditLog& audit;
    const secrets::TenantKeyRing& keyRing;
    const authz::Authorizer& authorizer;
    TransportFacts transport;
    audit::AuditLog::CheckpointPolicy checkpointPolicy;
    bool auditAvailable = true;
    int auditFollowers = 0;
    qint64 nowMs = 0;
    // The audit index (monitoring.audit-index): open or not, its lag, whether it is still being first built, and
    // the lag at which callers wait for it.
    bool auditIndexOpen = false;
    bool auditIndexBuilding = false;
    qint64 auditIndexLag = 0;
    qint64 auditIndexBound = 0;
    // What the cross-tenant self-probe did just before these checks (application.tenant-isolation); null when it
    // did not run with them.
    const TenantProbeReport* tenantProbe = nullptr;
};

using Check = std::function<ControlResult(CheckInput&)>;

// The full integrity scan of the store: SQLite's quick check of every page and index (each page's HMAC is
// authenticated as it is read) and the foreign-key check. Its cost grows with the store (about 2 ms per 1,000
// audit events), so live checks never run it: the local operator does (`gatehoused boundaries`), the control
// plane records the outcome as an audit event, and the data.integrity control reports the newest one.
struct IntegrityScan
{
    bool pageCheckOk = false;
    QStringList pageProblems; // quick_check's messages, when not ok
    QStringList danglingRows; // "table row N" of rows pointing at missing rows
    bool ok() const { return pageCheckOk && danglingRows.isEmpty(); }
};
Result<IntegrityScan> scanIntegrity(store::Database& db);
// The audit action that records a scan.
inline const QString kIntegrityScanAction = QStringLiteral("store.integrity_check");

// Every implemented check, by id. The catalog names one of these for each control.
const QStringList& implementedChecks();
// nullptr for an unknown id.
const Check* findCheck(const QString& id);

// Thresholds, shared by the checks and their documentation (docs/security.md).
namespace thresholds {
constexpr qint64 kDayMs = 24LL * 60 * 60 * 1000;
constexpr qint64 kSessionIdleWarnS = 60 * 60;          // idle timeout above 1 h: warn
constexpr qint64 kSessionAbsoluteWarnS = 24 * 60 * 60; // absolute lifetime above 24 h: warn
constexpr qint64 kTokenUnusedWarnMs = 90 * kDayMs;     // a token unused for 90 days: warn
constexpr qint64 kTokenLifetimeWarnMs = 365 * kDayMs;  // a token living longer than a year: warn
constexpr qint64 kCertificateWarnMs = 30 * kDayMs;     // certificate expiring within 30 days: warn
constexpr qint64 kRotationOverdueFailMs = 30 * kDayMs; // a rotation overdue by more than 30 days: fail
constexpr qint64 kMasterKeyAgeWarnMs = 365 * kDayMs;   // master key older than a year: warn
constexpr qint64 kIntegrityScanWarnMs = 30 * kDayMs;   // newest full integrity scan older than 30 days: warn
constexpr qint64 kAuditVerifyChunk = 20000;            // events one audit-chain check verifies at most
} // namespace thresholds

} // namespace gatehouse::boundaries
