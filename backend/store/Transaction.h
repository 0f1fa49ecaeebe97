#pragma once

#include "core/Result.h"

namespace gatehouse::store {

class Database;

// BEGIN IMMEDIATE on construction (the write lock is taken up front, so a transaction never fails half-way
// on a lock upgrade); rolls back on destruction unless commit() succeeded.
class Transaction
{
public:
    static Result<Transaction> begin(Database& db);
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
