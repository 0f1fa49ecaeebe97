#pragma once

#include "core/Result.h"

namespace gatehouse::store {

class Database;

// BEGIN IMMEDIATE on construction (the write lock is taken up front, so a transaction never fails half-way
// on a lock upgrade); rolls back on destruction unless commit() succeeded.
class Transaction
{
public:
    enum class Mode {
        Immediate, // takes the write lock now: for transactions that will write
        Deferred,  // starts as a reader: for reads that write only if they can (needs no free space to begin)
    };
    static Result<Transaction> begin(Database& db, Mode mode = Mode::Immediate);
    ~Transaction();
    Transaction(Transaction&& other) noexcept;
    Transaction& operator=(Transaction&&) = delete;
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;

    Result<void> commit();

private:
    explicit Transaction(Database& db) : m_db(&db) {}
    Database* m_db;
    bool m_open = true;
};

} // namespace gatehouse::store
