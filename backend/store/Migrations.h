#pragma once

#include "core/Result.h"

#include <functional>
#include <vector>

namespace gatehouse::store {

class Database;

struct Migration
{
    int version;
    const char* description;
    // Runs inside the migration's own transaction; on failure the transaction is rolled back.
    std::function<Result<void>(Database&)> apply;
};

// Numbered schema migrations. Each one runs in its own transaction together with the row that records it,
// so a failure leaves the store exactly at the previous version. A store whose schema is newer than the
// newest migration this build knows is refused untouched.
class Migrations
{
public:
    explicit Migrations(std::vector<Migration> steps);

    // The migrations of this build of Gatehouse.
    static const Migrations& schema();

    int latestVersion() const;
    // The versions this build defines, ascending (not necessarily contiguous: a number may be left to another line of
    // work).
    std::vector<int> versions() const;
    // The version recorded in the store (0 for an empty file).
    static Result<int> currentVersion(Database& db);
    // Brings the store to the latest version; returns the version it is at afterwards.
    Result<int> migrate(Database& db) const;
    // Fails with SchemaTooNew when the store is ahead of this build.
    Result<int> checkNotNewer(Database& db) const;

private:
    std::vector<Migration> m_steps;
};

} // namespace gatehouse::store
