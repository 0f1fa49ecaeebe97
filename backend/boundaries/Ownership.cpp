#include "Ownership.h"

#include "store/Database.h"
#include "store/Sql.h"

#include <algorithm>

namespace gatehouse::boundaries {

namespace sql = store::sql;

const QStringList& Ownership::areaIds()
{
    static const QStringList ids{QStringLiteral("infrastructure_runtime"), QStringLiteral("environment_hardening"),
                                 QStringLiteral("secrets_backend"), QStringLiteral("private_connectivity"),
                                 QStringLiteral("incident_response")};
    return ids;
}

Ownership Ownership::defaults()
{
    Ownership o;
    for (const QString& id : areaIds())
        o.areas.append({id, QStringLiteral("customer"), {}});
    return o;
}

const OwnershipArea* Ownership::find(const QString& area) const
{
    for (const OwnershipArea& a : areas) {
        if (a.area == area)
            return &a;
    }
    return nullptr;
}

Result<void> Ownership::validate() const
{
    const auto clean = [](const QString& s) {
        return std::none_of(s.begin(), s.end(), [](QChar c) { return c.category() == QChar::Other_Control; });
    };
    QStringList seen;
    for (const OwnershipArea& a : areas) {
        if (!areaIds().contains(a.area))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("unknown ownership area \"%1\"; the areas are %2")
                                 .arg(a.area.left(64), areaIds().join(QStringLiteral(", "))));
        if (seen.contains(a.area))
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("the area %1 is given twice").arg(a.area));
        seen << a.area;
        if (a.owner.trimmed().isEmpty() || a.owner.size() > 200 || !clean(a.owner))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the owner of %1 must be 1 to 200 characters without control characters "
                                            "(customer, operator, or a team's name)")
                                 .arg(a.area));
        if (a.contact.size() > 200 || !clean(a.contact))
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the contact of %1 must be at most 200 characters without control "
                                            "characters")
                                 .arg(a.area));
    }
    if (seen.size() != areaIds().size())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("state all five areas: %1").arg(areaIds().join(QStringLiteral(", "))));
    return {};
}

Result<Ownership> Ownership::load(store::Database& db)
{
    struct Row
    {
        QString area, owner, contact, by;
        qint64 at;
    };
    auto rows = sql::all(
        db,
        [](const store::Statement& s) {
            return Row{s.text(0), s.text(1), s.text(2), s.text(4), s.int64(3)};
        },
        "SELECT area, owner, contact, updated_at, updated_by FROM deployment_ownership;");
    if (!rows)
        return rows.error();
    Ownership o = defaults();
    for (const Row& r : rows.value()) {
        for (OwnershipArea& a : o.areas) {
            if (a.area == r.area) {
                a.owner = r.owner;
                a.contact = r.contact;
            }
        }
        o.stated = true;
        if (r.at >= o.updatedAtMs) {
            o.updatedAtMs = r.at;
            o.updatedBy = r.by;
        }
    }
    return o;
}

Result<void> Ownership::save(store::Database& db, const Ownership& ownership, qint64 nowMs, const QString& byId)
{
    if (auto v = ownership.validate(); !v)
        return v;
    if (auto r = sql::run(db, "DELETE FROM deployment_ownership;"); !r)
        return r.error();
    for (const OwnershipArea& a : ownership.areas) {
        if (auto r = sql::run(db,
                              "INSERT INTO deployment_ownership (area, owner, contact, updated_at, updated_by) "
                              "VALUES (?, ?, ?, ?, ?);",
                              a.area, a.owner.trimmed(), a.contact.trimmed(), nowMs, byId);
            !r)
            return r.error();
    }
    return {};
}

} // namespace gatehouse::boundaries
