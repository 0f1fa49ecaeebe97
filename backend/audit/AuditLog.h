#pragma once

#include "AuditEvent.h"
#include "AuditQuery.h"
#include "Checkpoint.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QList>

#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <vector>

namespace gatehouse::store {
class Database;
class Statement;
} // namespace gatehouse::store

namespace gatehouse::audit {

struct AuditPage
{
    QList<AuditEvent> events;
    qint64 nextBeforeSeq = 0; // pass as beforeSeq for the next (older) page; 0 when there is none
};

struct VerifyReport
{
    bool intact = true;
    qint64 eventsChecked = 0;
    qint64 checkpointsChecked = 0;
    qint64 firstBadSeq = 0;
    QString problem; // changed, deleted, inserted, reordered, bad_signature, truncated, unsigned_gap
    QString message;
    // The newest events that no signed checkpoint covers yet (the walk reached the end of the log). Within the
    // checkpoint policy that is normal; beyond it, `warning` says how many and over how long.
    qint64 unsignedTailEvents = 0;
    qint64 unsignedTailMs = 0; // from the newest checkpoint's time to the newest event's time
    QString warning;
    qint64 fromSeq = 0; // where this verification started (after the last verified point when incremental)
    qint64 toSeq = 0;
    bool complete = true; // false: stopped at its event limit before the end of the log (see verify())
    // The audit index compared with the log (full verification through the control plane): events compared, and
    // those it would have hidden from a search (missing or altered there; the index is then rebuilt).
    qint64 indexChecked = 0;
    qint64 indexProblems = 0;
    qint64 indexFirstBadSeq = 0;
};

struct RetentionPolicy
{
    int keepDays = 0;      // 0 = no age limit
    qint64 keepEvents = 0; // 0 = no count limit
};

// The append-only, hash-chained audit trail with signed checkpoints. One instance per store connection;
// append(), checkpoint() and prune() run inside the caller's transaction, so an event commits together with
// the change it records, or neither does.
class AuditIndex;

class AuditLog
{
public:
    struct CheckpointPolicy
    {
        int everyEvents = 1000;
        qint64 intervalMs = 5 * 60 * 1000;
        bool operator==(const CheckpointPolicy&) const = default;
    };
    // What verification allows beyond the policy between two signed checkpoints (and in the unsigned tail): a
    // checkpoint is signed with the event that reaches `everyEvents` or `intervalMs` after the previous one, so a
    // stretch holds at most everyEvents events, all but the last within intervalMs of the previous checkpoint.
    // The slack absorbs one group commit (which queues at most this many read records) and clock adjustments.
    static constexpr qint64 kSlackEvents = 256;
    static constexpr qint64 kSlackMs = 60 * 1000;

    explicit AuditLog(store::Database& db);
    ~AuditLog();

    // Loads the Ed25519 signing key (wrapped with AES-256-GCM under `wrapKey`), creating it the first time.
    Result<void> openSigningKey(const SecureBytes& wrapKey, qint64 nowMs);
    QByteArray publicKey() const { return m_publicKey; }
    bool canSign() const { return !m_signingKey.isEmpty(); }
    // A detached signature over a document the control plane produced (the evidence report), so a reviewer checks
    // it with the same key and command as a checkpoint. Refuses anything shaped like a checkpoint message: the key
    // must never be made to vouch for a checkpoint it did not sign.
    Result<QByteArray> signDocument(QByteArrayView document) const;
    // Master-key rotation: the signing key re-sealed from the old wrapping key to the new one.
    static Result<void> rewrapSigningKey(store::Database& db, const SecureBytes& oldWrapKey,
                                         const SecureBytes& newWrapKey);
    // Records `policy` as the one in force from the next event on (audit_checkpoint_policies) and signs the head
    // first, so every stretch between checkpoints falls under one policy. Inside the caller's transaction. Every
    // AuditLog over the store follows the recorded policy (read with each append).
    Result<void> setCheckpointPolicy(const CheckpointPolicy& policy, qint64 nowMs);
    const CheckpointPolicy& checkpointPolicy() const { return m_policy; }
    // The next append signs a checkpoint over its last event, whatever the policy says (an on-demand checkpoint
    // that covers the event recording it).
    void signWithNextAppend() { m_signNext = true; }

    // Fills seq, prevHash, detailsJson and hash; signs a checkpoint when the policy says one is due.
    Result<void> append(AuditEvent& event);
    // Group commit: appends all of `events` in order inside the caller's transaction, reading the head once.
    Result<void> appendBatch(std::span<AuditEvent> events);
    // Signs a checkpoint over the current head (if it has none yet).
    Result<std::optional<Checkpoint>> checkpoint(qint64 nowMs);

    Result<AuditPage> search(const AuditQuery& query);
    Result<QList<HistogramBucket>> histogram(const AuditQuery& query, qint64 bucketMs);
    // Every event matching the query's filters, oldest first, streamed in pages (constant memory). The
    // callback returns false to stop.
    Result<qint64> forEach(const AuditQuery& query, const std::function<bool(const AuditEvent&)>& visit);
    // Every scope's events after `afterSeq`, oldest first.
    Result<QList<AuditEvent>> after(qint64 afterSeq, int limit);
    // One scope's events after `afterSeq`, oldest first: a tenant's, or the platform's (`tenantId` empty).
    Result<QList<AuditEvent>> after(qint64 afterSeq, int limit, const QString& tenantId);
    Result<QList<Checkpoint>> checkpoints(qint64 fromSeq = 0, qint64 toSeq = 0);
    // The checkpoint over the newest signed event (none before the first event).
    Result<std::optional<Checkpoint>> lastCheckpoint();

    // Walks the chain and the checkpoints, and holds each stretch between signed checkpoints to the checkpoint
    // policy of its time (plus kSlackEvents / kSlackMs): a longer one fails (unsigned_gap: checkpoints were removed
    // and the chain after them may have been recomputed); a longer unsigned tail is a warning. Incremental starts after
    // the last point a previous verification found intact (recorded in the store); full starts at the beginning (or the
    // retention anchor). `maxEvents` > 0 bounds the work: the walk stops after that many events (complete = false),
    // records how far it got when intact, and the next incremental verification continues from there. Checks that need
    // the end of the log (truncation) run only when the walk reaches it.
    Result<VerifyReport> verify(bool incremental, qint64 maxEvents = 0);
    // Verifies events fromSeq to toSeq (inclusive) at a cost proportional to the range, not the chain: from the
    // newest signed checkpoint before the range to the first one at or after its end, every event's link and hash
    // recomputed and each checkpoint met (signature and place in the checkpoint chain) checked. No checkpoint at or
    // after the end yet: `warning` names the range's unsigned events (not a failure). Damage between the range and
    // those checkpoints fails it too (the range cannot be vouched for through it); firstBadSeq says where.
    // Bounds outside the log are InvalidArgument. `proceed` (called every 256 events with the count) returns false
    // to stop: complete = false. Does not move the incremental verification's point.
    Result<VerifyReport> verifyRange(qint64 fromSeq, qint64 toSeq, const std::function<bool(qint64)>& proceed = {});

    // Removes the oldest events beyond the policy, anchoring the first kept one with a signed checkpoint.
    // Returns the number of events removed.
    Result<qint64> prune(const RetentionPolicy& policy, qint64 nowMs);
    Result<RetentionPolicy> retention();
    Result<void> setRetention(const RetentionPolicy& policy);

    // The search index (AuditIndex) searches read for what it covers; without one every search scans the log.
    // Not owned; it must outlive this log or be unset first.
    void setIndex(AuditIndex* index) { m_index = index; }
    AuditIndex* index() const { return m_index; }
    // Index hits whose event, read from the log, did not match the query (a damaged or altered index): skipped.
    qint64 indexMismatches() const { return m_indexMismatches; }
    // How many events match the query (from the index's counts and the tail).
    Result<qint64> count(const AuditQuery& query);

    Result<qint64> count();
    Result<qint64> lastSeq();
    Result<qint64> firstSeq();

    static AuditEvent readRow(const store::Statement& row);

private:
    Result<store::Statement*> prepareOnce(std::optional<store::Statement>& slot, const char* sql);
    Result<void> prepareStatements();
    struct Reading;
    Result<void> beginReading(Reading& reading);
    Result<std::pair<qint64, QByteArray>> head();
    Result<void> insertLinked(AuditEvent& event, qint64 seq, const QByteArray& prevHash);
    Result<void> finishAppend(const AuditEvent& last, bool endOfCall);
    Result<void> followRecordedPolicy();
    Result<std::optional<Checkpoint>> newestBy(std::optional<store::Statement>& slot, const char* order);
    Result<Checkpoint> signCheckpoint(qint64 seq, const QByteArray& chainHash, qint64 nowMs);

    store::Database& m_db;
    CheckpointPolicy m_policy;
    qint64 m_policyId = -1; // the audit_checkpoint_policies row m_policy was read from
    bool m_signNext = false;
    SecureBytes m_signingKey;
    QByteArray m_publicKey;
    struct Statements;
    std::unique_ptr<Statements> m_stmts;
    AuditIndex* m_index = nullptr;
    qint64 m_indexMismatches = 0;
};

} // namespace gatehouse::audit
