#include "TenantKeyRing.h"

#include "crypto/Aead.h"
#include "crypto/Random.h"
#include "store/Sql.h"

namespace gatehouse::secrets {

namespace {

QByteArray wrapContext(const QString& tenantId)
{
    return QByteArray("gatehouse/tenant-key/v1|") + tenantId.toUtf8();
}

} // namespace

QByteArray TenantKeyRing::associatedData(const QString& tenantId, const QString& workspaceId, const QString& secretId,
                                         int version)
{
    // Length-prefixed fields: no two different tuples give the same bytes.
    QByteArray out("gatehouse/secret/v1");
    for (const QString& field : {tenantId, workspaceId, secretId, QString::number(version)}) {
        const QByteArray utf8 = field.toUtf8();
        out += '|' + QByteArray::number(utf8.size()) + ':' + utf8;
    }
    return out;
}

Result<SecureBytes> TenantKeyRing::keyFor(const QString& tenantId, qint64 nowMs)
{
    auto row = store::sql::query(m_db, "SELECT wrapped_key FROM tenant_keys WHERE tenant_id = ?;", tenantId);
    if (!row)
        return row.error();
    auto found = row.value().step();
    if (!found)
        return found.error();
    if (found.value()) {
        auto opened = crypto::aead::open(m_wrappingKey, row.value().blob(0), wrapContext(tenantId));
        if (!opened)
            return makeError(ErrorCode::Crypto,
                             QStringLiteral("the tenant's key cannot be unwrapped with this store's master key"));
        return opened;
    }
    {
        auto fresh = crypto::randomKey(32);
        if (!fresh)
            return fresh.error();
        auto wrapped = crypto::aead::seal(m_wrappingKey, fresh.value().view(), wrapContext(tenantId));
        if (!wrapped)
            return wrapped.error();
        if (auto r =
                store::sql::run(m_db, "INSERT INTO tenant_keys (tenant_id, wrapped_key, created_at) VALUES (?, ?, ?);",
                                tenantId, wrapped.value(), nowMs);
            !r)
            return r.error();
        return fresh;
    }
}

Result<QStringList> TenantKeyRing::unopenableKeys(int* count) const
{
    auto rows = store::sql::all(
        m_db,
        [](const store::Statement& r) {
            return std::pair{r.text(0), r.blob(1)};
        },
        "SELECT tenant_id, wrapped_key FROM tenant_keys ORDER BY tenant_id;");
    if (!rows)
        return rows.error();
    if (count)
        *count = int(rows.value().size());
    QStringList out;
    for (const auto& [tenantId, wrapped] : rows.value()) {
        if (!crypto::aead::open(m_wrappingKey, wrapped, wrapContext(tenantId)))
            out << tenantId;
    }
    return out;
}

Result<int> TenantKeyRing::rewrap(store::Database& db, const SecureBytes& oldWrappingKey,
                                  const SecureBytes& newWrappingKey)
{
    auto rows = store::sql::all(
        db,
        [](const store::Statement& r) {
            return std::pair{r.text(0), r.blob(1)};
        },
        "SELECT tenant_id, wrapped_key FROM tenant_keys;");
    if (!rows)
        return rows.error();
    for (const auto& [tenantId, wrapped] : rows.value()) {
        auto key = crypto::aead::open(oldWrappingKey, wrapped, wrapContext(tenantId));
        if (!key)
            return makeError(
                ErrorCode::Crypto,
                QStringLiteral("the key of tenant %1 does not open under the old master key").arg(tenantId));
        auto sealed = crypto::aead::seal(newWrappingKey, key.value().view(), wrapContext(tenantId));
        if (!sealed)
            return sealed.error();
        if (auto r = store::sql::run(db, "UPDATE tenant_keys SET wrapped_key = ? WHERE tenant_id = ?;", sealed.value(),
                                     tenantId);
            !r)
            return r.error();
    }
    return int(rows.value().size());
}

} // namespace gatehouse::secrets
