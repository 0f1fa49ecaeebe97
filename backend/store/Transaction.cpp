#include "Transaction.h"

#include "Database.h"

#include <utility>

namespace gatehouse::store {

Result<Transaction> Transaction::begin(Database& db, Mode mode)
{
    if (auto r = db.exec(mode == Mode::Immediate ? "BEGIN IMMEDIATE;" : "BEGIN DEFERRED;"); !r)
        return r.error();
    return Transaction(db);
}

Transaction::Transaction(Transaction&& other) noexcept : m_db(other.m_db), m_open(std::exchange(other.m_open, false)) {}

Transaction::~Transaction()
{
    if (m_open)
        (void)m_db->exec("ROLLBACK;");
}

Result<void> Transaction::commit()
{
    auto r = m_db->exec("COMMIT;");
    if (!r) {
        // A failed COMMIT may leave the transaction open (SQLITE_BUSY/FULL); roll it back so nothing half-done stays.
        (void)m_db->exec("ROLLBACK;");
    }
    m_open = false;
    return r;
}

} // namespace gatehouse::store
