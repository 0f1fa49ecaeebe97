#include "ControlHistory.h"

#include "store/Database.h"
#include "store/Sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::boundaries {

namespace sql = store::sql;

namespace {

QString evidenceJson(const QList<Evidence>& evidence)
{
    QJsonArray a;
    for (const Evidence& e : evidence)
        a.append(QJsonArray{e.key, e.value});
    return QString::fromUtf8(QJsonDocument(a).toJson(QJsonDocument::Compact));
}

QList<Evidence> evidenceFrom(const QString& json)
{
    QList<Evidence> out;
    for (const QJsonValue& v : QJsonDocument::fromJson(json.toUtf8()).array()) {
        const QJsonArray pair = v.toArray();
        out.append({pair.at(0).toString(), pair.at(1).toString()});
    }
    return out;
}

ControlRecord readRecord(const store::Statement& s)
{
    ControlRecord r;
    r.id = s.int64(0);
    r.runId = s.int64(1);
    r.boundaryId = s.text(2);
    r.controlId = s.text(3);
    r.status = statusFromName(s.text(4));
    r.summary = s.text(5);
    r.evidence = evidenceFrom(s.text(6));
    r.checkedAtMs = s.int64(7);
    return r;
}

} // namespace

Status statusFromName(const QString& name, bool* ok)
{
    if (ok)
        *ok = true;
    for (Status s : {Status::NotApplicable, Status::Pass, Status::Warn, Status::Fail}) {
        if (statusName(s) == name)
            return s;
    }
    if (ok)
        *ok = false;
    return Status::Fail;
}

bool ControlHistory::parseCursor(const QString& text, qint64& checkedAtMs, qint64& id)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    if (parts.size() != 2)
        return false;
    bool a = false;
    bool b = false;
    checkedAtMs = parts[0].toLongLong(&a);
    id = parts[1].toLongLong(&b);
    return a && b && checkedAtMs >= 0 && id > 0;
}

Result<QList<ControlDrift>> ControlHistory::record(store::Database& db,
                                                   const QList<QPair<QString, ControlResult>>& results, qint64 nowMs)
{
    auto run = sql::one(
        db, QStringLiteral("run"), [](const store::Statement& s) { return s.int64(0); },
        "SELECT COALESCE(MAX(run_id), 0) + 1 FROM control_results WHERE tenant_id = '';");
    if (!run)
        return run.error();
    QList<ControlDrift> drifts;
    for (const auto& [boundaryId, result] : results) {
        auto last = sql::query(db,
                               "SELECT status FROM control_results WHERE tenant_id = '' AND control_id = ? "
                               "ORDER BY checked_at DESC, id DESC LIMIT 1;",
                               result.controlId);
        if (!last)
            return last.error();
        auto row = last.value().step();
        if (!row)
            return row.error();
        if (row.value()) {
            const Status before = statusFromName(last.value().text(0));
            if (before != result.status)
                drifts.append({boundaryId, result, before});
        }
        if (auto r = sql::run(db,
                              "INSERT INTO control_results (tenant_id, run_id, boundary_id, control_id, status, "
                              "summary, evidence, checked_at) VALUES ('', ?, ?, ?, ?, ?, ?, ?);",
                              run.value(), boundaryId, result.controlId, statusName(result.status), result.summary,
                              evidenceJson(result.evidence), result.checkedAtMs ? result.checkedAtMs : nowMs);
            !r)
            return r.error();
    }
    return drifts;
}

Result<QString> ControlHistory::nextStoredControl(store::Database& db, const QString& afterControlId)
{
    // One index seek per control (the index leads with tenant and control), however long each one's history is.
    return sql::one(
        db, QStringLiteral("control"), [](const store::Statement& s) { return s.text(0); },
        "SELECT coalesce(min(control_id), '') FROM control_results WHERE tenant_id = '' AND control_id > ?;",
        afterControlId);
}

Result<qint64> ControlHistory::pruneBefore(store::Database& db, const QString& controlId, qint64 cutoffMs, int batch)
{
    // The newest result before the cut-off stays: it is the status the window starts with.
    auto kept = sql::query(db,
                           "SELECT checked_at, id FROM control_results WHERE tenant_id = '' AND control_id = ? AND "
                           "checked_at < ? ORDER BY checked_at DESC, id DESC LIMIT 1;",
                           controlId, cutoffMs);
    if (!kept)
        return kept.error();
    auto row = kept.value().step();
    if (!row)
        return row.error();
    if (!row.value())
        return qint64(0);
    const qint64 keptAt = kept.value().int64(0);
    const qint64 keptId = kept.value().int64(1);
    if (auto r = sql::run(db,
                          "DELETE FROM control_results WHERE id IN (SELECT id FROM control_results WHERE tenant_id = "
                          "'' AND control_id = ? AND (checked_at < ? OR (checked_at = ? AND id < ?)) ORDER BY "
                          "checked_at, id LIMIT ?);",
                          controlId, keptAt, keptAt, keptId, qint64(std::max(1, batch)));
        !r)
        return r.error();
    return qint64(sql::changes(db));
}

Result<HistoryPage> ControlHistory::page(store::Database& db, const HistoryQuery& q)
{
    qint64 afterTime = -1;
    qint64 afterId = 0;
    if (!q.cursor.isEmpty() && !parseCursor(q.cursor, afterTime, afterId))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("cursor must be the next_cursor of a previous page"));
    const int limit = std::clamp(q.limit, 1, 1000);
    auto s = sql::query(db,
                        "SELECT id, run_id, boundary_id, control_id, status, summary, evidence, checked_at "
                        "FROM control_results WHERE tenant_id = '' AND control_id = ? AND checked_at >= ? "
                        "AND checked_at <= ? AND (checked_at > ? OR (checked_at = ? AND id > ?)) "
                        "ORDER BY checked_at, id LIMIT ?;",
                        q.controlId, q.sinceMs, q.untilMs, afterTime, afterTime, afterId, qint64(limit) + 1);
    if (!s)
        return s.error();
    auto rows = sql::rows(s.value(), readRecord);
    if (!rows)
        return rows.error();
    HistoryPage page;
    page.records = std::move(rows).value();
    if (page.records.size() > limit) {
        page.records.resize(limit);
        const ControlRecord& last = page.records.last();
        page.nextCursor = QStringLiteral("%1.%2").arg(last.checkedAtMs).arg(last.id);
    }
    return page;
}

Result<HistorySummary> ControlHistory::summarize(store::Database& db, const QString& controlId, qint64 sinceMs,
                                                 qint64 untilMs)
{
    // The status in force at the start of the period is the newest run before it.
    auto before = sql::query(db,
                             "SELECT status, checked_at FROM control_results WHERE tenant_id = '' AND control_id = ? "
                             "AND checked_at < ? ORDER BY checked_at DESC, id DESC LIMIT 1;",
                             controlId, sinceMs);
    if (!before)
        return before.error();
    auto row = before.value().step();
    if (!row)
        return row.error();
    std::optional<Status> current;
    qint64 from = sinceMs;
    if (row.value())
        current = statusFromName(before.value().text(0));
    auto s = sql::query(db,
                        "SELECT status, checked_at FROM control_results WHERE tenant_id = '' AND control_id = ? "
                        "AND checked_at >= ? AND checked_at <= ? ORDER BY checked_at, id;",
                        controlId, sinceMs, untilMs);
    if (!s)
        return s.error();
    HistorySummary out;
    const auto close = [&](qint64 at) {
        if (current == Status::Fail)
            out.failingMs += at - from;
        else if (current == Status::Warn)
            out.warningMs += at - from;
    };
    for (;;) {
        auto r = s.value().step();
        if (!r)
            return r.error();
        if (!r.value())
            break;
        const Status status = statusFromName(s.value().text(0));
        const qint64 at = s.value().int64(1);
        close(at);
        if (!out.first)
            out.first = current ? *current : status;
        if (current && *current != status)
            ++out.changes;
        current = status;
        from = at;
        ++out.runs;
    }
    close(untilMs);
    return out;
}

} // namespace gatehouse::boundaries
