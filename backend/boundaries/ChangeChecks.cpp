#include "CheckSupport.h"

#include "Ownership.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QDateTime>

namespace gatehouse::boundaries {

using namespace detail;
namespace sql = store::sql;

ControlResult checkMigrations(CheckInput& in)
{
    auto current = store::Migrations::currentVersion(in.db);
    auto rows = sql::all(
        in.db,
        [](const store::Statement& s) {
            return std::pair{int(s.int64(0)), s.text(1)};
        },
        "SELECT version, applied_at FROM schema_migrations ORDER BY version;");
    if (!current || !rows)
        return unmeasurable(!current ? current.error() : rows.error());
    QList<int> recorded;
    QString lastAt;
    for (const auto& [version, at] : rows.value()) {
        recorded << version;
        lastAt = at;
    }
    QStringList missing;
    for (int v : store::Migrations::schema().versions()) {
        if (v <= current.value() && !recorded.contains(v))
            missing << QString::number(v);
    }
    QList<Evidence> ev{{QStringLiteral("schema_version"), QString::number(current.value())},
                       {QStringLiteral("migrations_recorded"), QString::number(recorded.size())},
                       {QStringLiteral("last_applied_at"), lastAt}};
    if (!missing.isEmpty()) {
        ev.append({QStringLiteral("unrecorded_versions"), missing.join(QStringLiteral(", "))});
        return make(Status::Fail,
                    QStringLiteral("%1 schema migrations have no record of when they were applied").arg(missing.size()),
                    ev);
    }
    return make(Status::Pass,
                QStringLiteral("all %1 schema migrations are recorded with their time").arg(current.value()), ev);
}

ControlResult checkMasterKeyAge(CheckInput& in)
{
    audit::AuditQuery q;
    q.platform = true;
    q.actionPrefix = QStringLiteral("key.rotate");
    q.outcome = QStringLiteral("success");
    q.limit = 1;
    auto newest = in.audit.search(q);
    if (!newest)
        return unmeasurable(newest.error());
    const std::optional<qint64> rotated =
        newest.value().events.isEmpty() ? std::optional<qint64>(0) : newest.value().events.first().timeMs;
    const qint64 created = in.store.config().createdAt.toMSecsSinceEpoch();
    const qint64 since = std::max(created, rotated.value());
    const qint64 age = std::max<qint64>(0, in.nowMs - since);
    QList<Evidence> ev{{QStringLiteral("store_created_at"), in.store.config().createdAt.toString(Qt::ISODate)},
                       {QStringLiteral("last_rotated_at"),
                        rotated.value() ? QDateTime::fromMSecsSinceEpoch(rotated.value(), Qt::UTC).toString(Qt::ISODate)
                                        : QStringLiteral("never (no rotation in the audit trail)")},
                       {QStringLiteral("key_age"), duration(age)},
                       {QStringLiteral("custody"), keys::KeyCustody::kindName(in.store.config().custody.kind)}};
    if (in.store.rotationPending())
        return make(Status::Warn, QStringLiteral("a master-key rotation was started and has not finished"), ev);
    if (age > thresholds::kMasterKeyAgeWarnMs)
        return make(Status::Warn,
                    QStringLiteral("the master key is %1 old; rotate it (gatehoused key rotate)").arg(duration(age)),
                    ev);
    return make(Status::Pass, QStringLiteral("the master key is %1 old").arg(duration(age)), ev);
}

// The audit trail is append-only by the schema's own triggers; without them a change could be erased.
ControlResult checkAdminChanges(CheckInput& in)
{
    auto triggers = sql::all(
        in.db, [](const store::Statement& s) { return s.text(0); },
        "SELECT name FROM sqlite_master WHERE type = 'trigger' AND name IN "
        "('audit_events_no_update', 'audit_events_no_delete', 'audit_checkpoints_no_update', "
        "'audit_checkpoints_no_delete') ORDER BY name;");
    const qint64 monthAgo = in.nowMs - 30 * thresholds::kDayMs;
    const QByteArray adminActions =
        "(action GLOB 'tenant.*' OR action GLOB 'settings.*' OR action GLOB 'workspace.*' OR action GLOB 'user.*' "
        "OR action GLOB 'integration.*' OR action GLOB 'token.*' OR action GLOB 'role.*' OR action GLOB 'binding.*' "
        "OR action GLOB 'key.*' OR action GLOB 'platform.*' OR action GLOB 'ownership.*' OR action IN "
        "('audit.retention.update', 'audit.prune')) AND action NOT GLOB '*.read' AND action NOT GLOB '*.list'";
    auto counts = recentAuditCounts(in.db, adminActions + " AND outcome = 'success'", monthAgo,
                                    adminActions + " AND outcome = 'denied'", monthAgo);
    if (!triggers || !counts)
        return unmeasurable(!triggers ? triggers.error() : counts.error());
    const RecentCounts& c = counts.value();
    QList<Evidence> ev{{QStringLiteral("administrative_changes_last_30_days"), c.text(c.a)},
                       {QStringLiteral("denied_change_attempts_last_30_days"), c.text(c.b)},
                       {QStringLiteral("append_only_triggers"), triggers.value().join(QStringLiteral(", "))}};
    if (triggers.value().size() != 4)
        return make(Status::Fail,
                    QStringLiteral("the audit trail's append-only triggers are missing (%1 of 4 present): recorded "
                                   "changes could be altered")
                        .arg(triggers.value().size()),
                    ev);
    return make(Status::Pass,
                QStringLiteral("%1 administrative changes in the last 30 days, each with its audit event; the trail is "
                               "append-only")
                    .arg(c.text(c.a)),
                ev);
}

ControlResult checkOwnership(CheckInput& in)
{
    auto o = Ownership::load(in.db);
    if (!o)
        return unmeasurable(o.error());
    QList<Evidence> ev;
    for (const OwnershipArea& a : o.value().areas)
        ev.append({a.area, a.contact.isEmpty() ? a.owner : QStringLiteral("%1 (%2)").arg(a.owner, a.contact)});
    if (!o.value().stated)
        return make(Status::Warn,
                    QStringLiteral("ownership was never stated; the self-hosted default (customer owns every area) "
                                   "applies"),
                    ev);
    ev.append({QStringLiteral("stated_at"),
               QDateTime::fromMSecsSinceEpoch(o.value().updatedAtMs, Qt::UTC).toString(Qt::ISODate)});
    ev.append({QStringLiteral("stated_by"), o.value().updatedBy});
    return make(Status::Pass, QStringLiteral("ownership of all five areas is stated"), ev);
}

} // namespace gatehouse::boundaries
