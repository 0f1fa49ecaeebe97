// Secrets: sealed with AES-256-GCM under the tenant's key, bound to tenant, workspace, secret and version.
#include "ControlPlaneInternals.h"

#include "core/Encoding.h"
#include "crypto/Aead.h"

#include <QRegularExpression>

namespace gatehouse::service {

using authz::Permission;
using secrets::Secret;
using secrets::SecretVersion;
using secrets::TenantKeyRing;

namespace {

constexpr qsizetype kMaxValueBytes = 64 * 1024;
constexpr qint64 kUndeleteWindowMs = qint64(30) * 24 * 3600 * 1000;

constexpr const char* kSecretColumns =
    "id, tenant_id, workspace_id, name, description, tags, owner_id, current_version, keep_versions, rotation_days, "
    "next_rotation_at, expires_at, created_by, created_at, updated_by, updated_at, deleted_at";

Secret readSecret(const store::Statement& s)
{
    Secret x;
    x.id = s.text(0);
    x.tenantId = s.text(1);
    x.workspaceId = s.text(2);
    x.name = s.text(3);
    x.description = s.text(4);
    x.tags = s.text(5).split(QLatin1Char(','), Qt::SkipEmptyParts);
    x.ownerId = s.text(6);
    x.currentVersion = int(s.int64(7));
    x.keepVersions = int(s.int64(8));
    x.rotationDays = int(s.int64(9));
    x.nextRotationAtMs = s.int64(10);
    x.expiresAtMs = s.int64(11);
    x.createdBy = s.text(12);
    x.createdAtMs = s.int64(13);
    x.updatedBy = s.text(14);
    x.updatedAtMs = s.int64(15);
    x.deletedAtMs = s.int64(16);
    return x;
}

Result<void> checkSecretName(const QString& name)
{
    static const QRegularExpression re(QStringLiteral("^[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*$"));
    if (name.size() > 200 || !re.match(name).hasMatch())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a secret name is a path of letters, digits, '.', '_' and '-' separated by "
                                        "'/', at most 200 characters (e.g. db/prod/password)"));
    return {};
}

Result<void> checkValue(const SecureBytes& value)
{
    if (value.isEmpty() || qsizetype(value.size()) > kMaxValueBytes)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("a secret value is 1 byte to 64 KiB (this one is %1 bytes)").arg(value.size()));
    return {};
}

QJsonObject describe(const Secret& s)
{
    return {{QStringLiteral("name"), s.name}, {QStringLiteral("version"), s.currentVersion}};
}

} // namespace

void ControlPlane::nameSecret(Operation& op, const QString& tenantId, const QString& workspaceId, const QString& name,
                              bool creates)
{
    if (looksLikeSecretName(name))
        op.targetName = name;
    else if (!name.isEmpty())
        op.named.insert(QStringLiteral("name_invalid"), true);
    op.targetNameIfFound = !creates;
    op.knownWith = Permission::SecretsRead;
    op.resolveTarget = [this, tenantId, workspaceId, name]() -> QString {
        auto s = sql::query(m_db, "SELECT id FROM secrets WHERE tenant_id = ? AND workspace_id = ? AND name = ?;",
                            tenantId, workspaceId, name);
        return s && s.value().step().value() ? s.value().text(0) : QString();
    };
}

Result<Secret> ControlPlane::loadSecret(const QString& tenantId, const QString& workspaceId, const QString& name)
{
    const QByteArray text = QByteArray("SELECT ") + kSecretColumns +
                            " FROM secrets WHERE tenant_id = ? AND workspace_id = ? AND name = ? AND deleted_at = 0;";
    return sql::one(m_db, QStringLiteral("secret"), readSecret, text.constData(), tenantId, workspaceId, name);
}

Result<void> ControlPlane::sealVersion(const Context& ctx, const Secret& secret, int version, const SecureBytes& value)
{
    auto key = m_keyRing->keyFor(secret.tenantId, ctx.now);
    if (!key)
        return key.error();
    auto sealed =
        crypto::aead::seal(key.value(), value.view(),
                           TenantKeyRing::associatedData(secret.tenantId, secret.workspaceId, secret.id, version));
    if (!sealed)
        return sealed.error();
    return sql::run(m_db,
                    "INSERT INTO secret_versions (secret_id, version, tenant_id, ciphertext, created_by, created_at) "
                    "VALUES (?, ?, ?, ?, ?, ?);",
                    secret.id, version, secret.tenantId, sealed.value(), ctx.principal.id, ctx.now);
}

Result<SecureBytes> ControlPlane::openVersion(const Context& ctx, const Secret& secret, int version)
{
    auto row = sql::query(m_db,
                          "SELECT ciphertext, destroyed_at FROM secret_versions WHERE secret_id = ? AND tenant_id = ? "
                          "AND version = ?;",
                          secret.id, secret.tenantId, version);
    if (!row)
        return row.error();
    if (!row.value().step().value())
        return notFound(QStringLiteral("version %1").arg(version));
    if (row.value().int64(1) != 0)
        return makeError(ErrorCode::NotFound, QStringLiteral("version %1 was destroyed").arg(version));
    auto key = m_keyRing->keyFor(secret.tenantId, ctx.now);
    if (!key)
        return key.error();
    auto plain =
        crypto::aead::open(key.value(), row.value().blob(0),
                           TenantKeyRing::associatedData(secret.tenantId, secret.workspaceId, secret.id, version));
    if (!plain)
        return makeError(ErrorCode::Corrupt, QStringLiteral("version %1 of %2 fails authentication: it was changed or "
                                                            "moved; restore it from a backup")
                                                 .arg(version)
                                                 .arg(secret.name));
    return plain;
}

Result<void> ControlPlane::addVersion(Context& ctx, Secret& out, const SecureBytes& value)
{
    out.currentVersion += 1;
    out.updatedBy = ctx.principal.id;
    out.updatedAtMs = ctx.now;
    if (out.rotationDays)
        out.nextRotationAtMs = ctx.now + qint64(out.rotationDays) * 24 * 3600 * 1000;
    if (auto r = sealVersion(ctx, out, out.currentVersion, value); !r)
        return r;
    if (auto r =
            sql::run(m_db,
                     "UPDATE secrets SET current_version = ?, updated_by = ?, updated_at = ?, next_rotation_at = ? "
                     "WHERE tenant_id = ? AND id = ?;",
                     out.currentVersion, out.updatedBy, out.updatedAtMs, out.nextRotationAtMs, out.tenantId, out.id);
        !r)
        return r;
    // Versions beyond the keep count are destroyed: the ciphertext goes, the record of it stays.
    if (auto r = sql::run(m_db,
                          "UPDATE secret_versions SET ciphertext = NULL, destroyed_at = ? WHERE secret_id = ? AND "
                          "tenant_id = ? AND version <= ? AND destroyed_at = 0;",
                          ctx.now, out.id, out.tenantId, out.currentVersion - out.keepVersions);
        !r)
        return r;
    ctx.details = describe(out);
    return {};
}

Result<Secret> ControlPlane::createSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                          const NewSecret& spec, const SecureBytes& value)
{
    Operation op{QStringLiteral("secret.create"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, spec.name, true);
    op.mutates = true;
    return perform<Secret>(caller, op, [&](Context& ctx, Secret& out) -> Result<void> {
        // The name goes into the audit trail only once it is a valid name: a value pasted into the wrong field
        // must not end up there.
        if (auto v = checkSecretName(spec.name); !v)
            return v;
        ctx.details = {{QStringLiteral("name"), spec.name}};
        if (auto v = checkValue(value); !v)
            return v;
        if (spec.rotationDays < 0 || spec.rotationDays > 3650 || spec.description.size() > 1000)
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("the rotation period is 0 to 3650 days and the description at most 1000 "
                                            "characters"));
        out.id = encoding::newId(u"sec");
        out.tenantId = tenantId;
        out.workspaceId = workspaceId;
        out.name = spec.name;
        out.description = spec.description;
        out.tags = spec.tags;
        out.ownerId = ctx.principal.id;
        out.currentVersion = 1;
        out.rotationDays = spec.rotationDays;
        out.nextRotationAtMs = spec.rotationDays ? ctx.now + qint64(spec.rotationDays) * 24 * 3600 * 1000 : 0;
        out.expiresAtMs = spec.expiresAtMs;
        out.createdBy = out.updatedBy = ctx.principal.id;
        out.createdAtMs = out.updatedAtMs = ctx.now;
        ctx.targetId = out.id;
        auto ins = sql::insertUnique(
            m_db, QStringLiteral("a secret named %1 exists in this workspace").arg(spec.name),
            "INSERT INTO secrets (id, tenant_id, workspace_id, name, description, tags, owner_id, current_version, "
            "keep_versions, rotation_days, next_rotation_at, expires_at, created_by, created_at, updated_by, "
            "updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
            out.id, tenantId, workspaceId, out.name, out.description, out.tags.join(QLatin1Char(',')), out.ownerId,
            out.currentVersion, out.keepVersions, out.rotationDays, out.nextRotationAtMs, out.expiresAtMs,
            out.createdBy, out.createdAtMs, out.updatedBy, out.updatedAtMs);
        if (!ins)
            return ins;
        ctx.details = describe(out);
        return sealVersion(ctx, out, 1, value);
    });
}

Result<Secret> ControlPlane::updateSecretValue(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, const QString& name,
                                               const SecureBytes& value, const Expect<Secret>& expect)
{
    Operation op{QStringLiteral("secret.update"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.mutates = true;
    return perform<Secret>(caller, op, [&](Context& ctx, Secret& out) -> Result<void> {
        if (auto v = checkValue(value); !v)
            return v;
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        ctx.targetId = s.value().id;
        if (auto stale = checkExpected(ctx, expect, s.value(), QStringLiteral("secret")); !stale)
            return stale;
        out = s.value();
        return addVersion(ctx, out, value);
    });
}

Result<QList<Secret>> ControlPlane::listSecrets(const Caller& caller, const QString& tenantId,
                                                const QString& workspaceId, const QString& search)
{
    Operation op{QStringLiteral("secret.list"), Permission::SecretsRead, tenantId, workspaceId,
                 QStringLiteral("secret")};
    op.readOnly = true;
    return perform<QList<Secret>>(caller, op, [&](Context& ctx, QList<Secret>& out) -> Result<void> {
        // LIKE patterns with the wildcards of the search text escaped: it is matched literally.
        QString literal = search.trimmed();
        literal.replace(QLatin1Char('\\'), QLatin1String("\\\\"))
            .replace(QLatin1Char('%'), QLatin1String("\\%"))
            .replace(QLatin1Char('_'), QLatin1String("\\_"));
        const QByteArray text = QByteArray("SELECT ") + kSecretColumns +
                                " FROM secrets WHERE tenant_id = ? AND workspace_id = ? AND deleted_at = 0 AND "
                                "(? = '' OR name LIKE ? ESCAPE '\\' OR ',' || tags || ',' LIKE ? ESCAPE '\\' "
                                "OR description LIKE ? ESCAPE '\\') ORDER BY name;";
        auto rows = sql::all(m_db, readSecret, text.constData(), tenantId, workspaceId, literal,
                             literal + QLatin1Char('%'), QStringLiteral("%,") + literal + QStringLiteral(",%"),
                             QLatin1Char('%') + literal + QLatin1Char('%'));
        if (!rows)
            return rows.error();
        out = rows.value();
        ctx.details = {{QStringLiteral("count"), out.size()}};
        if (!search.isEmpty())
            ctx.details.insert(QStringLiteral("search"), search.left(200));
        return {};
    });
}

Result<QList<SecretVersion>> ControlPlane::listSecretVersions(const Caller& caller, const QString& tenantId,
                                                              const QString& workspaceId, const QString& name)
{
    Operation op{QStringLiteral("secret.versions"), Permission::SecretsRead, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.readOnly = true;
    return perform<QList<SecretVersion>>(caller, op, [&](Context& ctx, QList<SecretVersion>& out) -> Result<void> {
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        ctx.targetId = s.value().id;
        auto rows = sql::all(
            m_db,
            [](const store::Statement& r) {
                return SecretVersion{int(r.int64(0)), r.text(1), r.int64(2), r.int64(3)};
            },
            "SELECT version, created_by, created_at, destroyed_at FROM secret_versions WHERE secret_id = ? "
            "AND tenant_id = ? ORDER BY version DESC;",
            s.value().id, tenantId);
        if (!rows)
            return rows.error();
        out = rows.value();
        return {};
    });
}

Result<SecureBytes> ControlPlane::revealSecret(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, const QString& name, int version,
                                               const QString& reason, int* revealedVersion)
{
    Operation op{QStringLiteral("secret.reveal"), Permission::SecretsReveal, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.named.insert(QStringLiteral("reason"), reason.left(500));
    // A reveal is never served without its audit event.
    std::optional<SecureBytes> revealed;
    auto r = execute(caller, op, [&](Context& ctx) -> Result<void> {
        ctx.details = {{QStringLiteral("name"), name}, {QStringLiteral("reason"), reason.left(500)}};
        if (reason.trimmed().isEmpty())
            return makeError(ErrorCode::InvalidArgument,
                             QStringLiteral("say why you reveal this secret: the reason goes into the audit trail"));
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        ctx.targetId = s.value().id;
        const int wanted = version > 0 ? version : s.value().currentVersion;
        ctx.details.insert(QStringLiteral("version"), wanted);
        auto plain = openVersion(ctx, s.value(), wanted);
        if (!plain)
            return plain.error();
        revealed = std::move(plain).value();
        if (revealedVersion)
            *revealedVersion = wanted;
        return {};
    });
    if (!r)
        return r.error();
    return std::move(*revealed);
}

Result<void> ControlPlane::deleteSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                        const QString& name)
{
    Operation op{QStringLiteral("secret.delete"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        ctx.targetId = s.value().id;
        ctx.details = describe(s.value());
        return sql::run(m_db, "UPDATE secrets SET deleted_at = ? WHERE tenant_id = ? AND id = ?;", ctx.now, tenantId,
                        s.value().id);
    });
}

Result<Secret> ControlPlane::undeleteSecret(const Caller& caller, const QString& tenantId, const QString& workspaceId,
                                            const QString& name)
{
    Operation op{QStringLiteral("secret.undelete"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.mutates = true;
    return perform<Secret>(caller, op, [&](Context& ctx, Secret& out) -> Result<void> {
        const QByteArray text =
            QByteArray("SELECT ") + kSecretColumns +
            " FROM secrets WHERE tenant_id = ? AND workspace_id = ? AND name = ? AND deleted_at > ?;";
        auto s = sql::one(m_db, QStringLiteral("deleted secret"), readSecret, text.constData(), tenantId, workspaceId,
                          name, ctx.now - kUndeleteWindowMs);
        if (!s)
            return s.error();
        out = s.value();
        out.deletedAtMs = 0;
        ctx.targetId = out.id;
        ctx.details = describe(out);
        return sql::run(m_db, "UPDATE secrets SET deleted_at = 0 WHERE tenant_id = ? AND id = ?;", tenantId, out.id);
    });
}

Result<Secret> ControlPlane::restoreSecretVersion(const Caller& caller, const QString& tenantId,
                                                  const QString& workspaceId, const QString& name, int version)
{
    Operation op{QStringLiteral("secret.restore"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.named.insert(QStringLiteral("version"), version);
    op.mutates = true;
    return perform<Secret>(caller, op, [&](Context& ctx, Secret& out) -> Result<void> {
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        out = s.value();
        ctx.targetId = out.id;
        auto old = openVersion(ctx, out, version);
        if (!old)
            return old.error();
        if (auto r = addVersion(ctx, out, old.value()); !r)
            return r;
        ctx.details.insert(QStringLiteral("restored_from"), version);
        return {};
    });
}

Result<void> ControlPlane::destroySecretVersion(const Caller& caller, const QString& tenantId,
                                                const QString& workspaceId, const QString& name, int version)
{
    Operation op{QStringLiteral("secret.version.destroy"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.named.insert(QStringLiteral("version"), version);
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        ctx.targetId = s.value().id;
        ctx.details = {{QStringLiteral("name"), name}, {QStringLiteral("version"), version}};
        if (version == s.value().currentVersion)
            return makeError(ErrorCode::Conflict, QStringLiteral("the current version cannot be destroyed; write a new "
                                                                 "value or delete the secret"));
        if (auto r = sql::run(m_db,
                              "UPDATE secret_versions SET ciphertext = NULL, destroyed_at = ? WHERE secret_id = ? AND "
                              "tenant_id = ? AND version = ? AND destroyed_at = 0;",
                              ctx.now, s.value().id, tenantId, version);
            !r)
            return r;
        if (sql::changes(m_db) != 1)
            return notFound(QStringLiteral("version %1 (or it was destroyed already)").arg(version));
        return {};
    });
}

Result<Secret> ControlPlane::markSecretRotated(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, const QString& name)
{
    Operation op{QStringLiteral("secret.rotated"), Permission::SecretsWrite, tenantId, workspaceId,
                 QStringLiteral("secret")};
    nameSecret(op, tenantId, workspaceId, name);
    op.mutates = true;
    return perform<Secret>(caller, op, [&](Context& ctx, Secret& out) -> Result<void> {
        auto s = loadSecret(tenantId, workspaceId, name);
        if (!s)
            return s.error();
        out = s.value();
        ctx.targetId = out.id;
        if (!out.rotationDays)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 has no rotation period").arg(name));
        out.nextRotationAtMs = ctx.now + qint64(out.rotationDays) * 24 * 3600 * 1000;
        ctx.details = describe(out);
        return sql::run(m_db, "UPDATE secrets SET next_rotation_at = ? WHERE tenant_id = ? AND id = ?;",
                        out.nextRotationAtMs, tenantId, out.id);
    });
}

Result<QList<Secret>> ControlPlane::dueSecrets(const Caller& caller, const QString& tenantId,
                                               const QString& workspaceId, int withinDays)
{
    Operation op{QStringLiteral("secret.due"), Permission::SecretsRead, tenantId, workspaceId,
                 QStringLiteral("secret")};
    op.readOnly = true;
    return perform<QList<Secret>>(caller, op, [&](Context& ctx, QList<Secret>& out) -> Result<void> {
        const qint64 horizon = ctx.now + qint64(std::max(0, withinDays)) * 24 * 3600 * 1000;
        const QByteArray text =
            QByteArray("SELECT ") + kSecretColumns +
            " FROM secrets WHERE tenant_id = ? AND (? = '' OR workspace_id = ?) AND deleted_at = 0 AND "
            "((next_rotation_at > 0 AND next_rotation_at <= ?) OR (expires_at > 0 AND expires_at <= ?)) "
            "ORDER BY min(CASE WHEN next_rotation_at > 0 THEN next_rotation_at ELSE expires_at END, "
            "CASE WHEN expires_at > 0 THEN expires_at ELSE next_rotation_at END), name;";
        auto rows = sql::all(m_db, readSecret, text.constData(), tenantId, workspaceId, workspaceId, horizon, horizon);
        if (!rows)
            return rows.error();
        out = rows.value();
        ctx.details = {{QStringLiteral("within_days"), withinDays}, {QStringLiteral("count"), out.size()}};
        return {};
    });
}

} // namespace gatehouse::service
