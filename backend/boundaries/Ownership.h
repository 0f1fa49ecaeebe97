#pragma once

#include "core/Result.h"

#include <QJsonObject>
#include <QList>
#include <QString>

namespace gatehouse::store {
class Database;
}

namespace gatehouse::boundaries {

// Who owns each area of a deployment (the hosted vs self-hosted table): `customer`, `operator`, or the name of
// a team or person; with an optional contact. A self-hosted store is customer-owned until stated otherwise.
struct OwnershipArea
{
    QString area; // infrastructure_runtime, environment_hardening, secrets_backend, private_connectivity,
                  // incident_response
    QString owner;
    QString contact;

    bool operator==(const OwnershipArea&) const = default;
};

struct Ownership
{
    QList<OwnershipArea> areas; // always all five, in the order of areaIds()
    bool stated = false;        // false: nobody has stated it yet; the defaults apply
    qint64 updatedAtMs = 0;
    QString updatedBy;

    // The same statement: the same owners and contacts, stated by the same identity at the same time.
    bool operator==(const Ownership&) const = default;

    static const QStringList& areaIds();
    static Ownership defaults();
    const OwnershipArea* find(const QString& area) const;

    // Checks the values: every area present once, an owner of 1..200 characters, a contact of at most 200, no
    // control characters, no unknown area.
    Result<void> validate() const;

    // The stored statement, or the defaults when it was never stated.
    static Result<Ownership> load(store::Database& db);
    // Replaces the stored statement (inside the caller's transaction).
    static Result<void> save(store::Database& db, const Ownership& ownership, qint64 nowMs, const QString& byId);
};

} // namespace gatehouse::boundaries
