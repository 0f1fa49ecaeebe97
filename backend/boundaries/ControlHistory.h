#pragma once

#include "ControlResult.h"
#include "core/Result.h"

#include <QList>
#include <QString>

#include <limits>
#include <optional>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::boundaries {

// One stored outcome of a control: what a run of the live checks found, and when.
struct ControlRecord
{
    qint64 id = 0;
    qint64 runId = 0;
    QString boundaryId;
    QString controlId;
    Status status = Status::Fail;
    QString summary;
    QList<Evidence> evidence;
    qint64 checkedAtMs = 0;
};

// A control whose status differs from its previous stored run.
struct ControlDrift
{
    QString boundaryId;
    ControlResult result; // the new outcome
    Status from = Status::Pass;
};

// A window of one control's history, oldest first, in pages.
struct HistoryQuery
{
    QString controlId;
    qint64 sinceMs = 0;
    qint64 untilMs = std::numeric_limits<qint64>::max();
    int limit = 100;
    QString cursor; // the nextCursor of the previous page
};

struct HistoryPage
{
    QList<ControlRecord> records;
    QString nextCursor; // empty on the last page
};

// How a control fared over a period, from its stored runs (for the evidence report).
struct HistorySummary
{
    qint64 runs = 0;
    qint64 changes = 0;
    qint64 failingMs = 0; // time between a failing run and the next run (or the period's end)
    qint64 warningMs = 0;
    std::optional<Status> first;
};

// The stored results of the live checks (table control_results, schema version 11). Platform rows only (tenant
// ''), and every query says so. Runs inside the caller's transaction.
class ControlHistory
{
public:
    // Stores one run (every result, with the boundary it belongs to) and returns the controls whose status changed
    // since their previous stored run. A control seen for the first time has no drift.
    static Result<QList<ControlDrift>> record(store::Database& db, const QList<QPair<QString, ControlResult>>& results,
                                              qint64 nowMs);
    static Result<HistoryPage> page(store::Database& db, const HistoryQuery& query);
    static Result<HistorySummary> summarize(store::Database& db, const QString& controlId, qint64 sinceMs,
                                            qint64 untilMs);
    // Retention: the next control (after `afterControlId`, in id order) that has stored results; empty when none.
    static Result<QString> nextStoredControl(store::Database& db, const QString& afterControlId);
    // Deletes at most `batch` of the control's results older than `cutoffMs`, oldest first, but never its newest
    // result before the cut-off: the history still says which status held when its window starts. Returns how many
    // went.
    static Result<qint64> pruneBefore(store::Database& db, const QString& controlId, qint64 cutoffMs, int batch);
    // A cursor is "<checked_at>.<id>"; false when the text is not one.
    static bool parseCursor(const QString& text, qint64& checkedAtMs, qint64& id);
};

Status statusFromName(const QString& name, bool* ok = nullptr);

} // namespace gatehouse::boundaries
