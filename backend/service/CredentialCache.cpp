#include "CredentialCache.h"

#include <algorithm>

namespace gatehouse::service {

CachedCredential* CredentialCache::find(const QByteArray& hash)
{
    const auto it = m_entries.find(hash);
    if (it == m_entries.end()) {
        ++m_misses;
        return nullptr;
    }
    ++m_hits;
    return &it.value();
}

CachedCredential& CredentialCache::insert(CachedCredential entry)
{
    // Full: any one entry goes (the hash table's first); a credential still in use is looked up again on its next
    // request, at the cost of a request without the cache.
    if (m_entries.size() >= m_capacity && !m_entries.contains(entry.hash))
        m_entries.erase(m_entries.begin());
    const QByteArray key = entry.hash;
    return m_entries.insert(key, std::move(entry)).value();
}

void CredentialCache::reset(quint64 generation)
{
    m_entries.clear();
    m_generation = generation;
}

void CredentialCache::setCapacity(qsizetype capacity)
{
    m_capacity = std::max<qsizetype>(1, capacity);
    while (m_entries.size() > m_capacity)
        m_entries.erase(m_entries.begin());
}

} // namespace gatehouse::service
