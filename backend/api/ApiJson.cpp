#include "ApiJson.h"

#include "BodyFields.h"

#include <QDateTime>
#include <QJsonDocument>

#include <algorithm>

namespace gatehouse::api {

namespace {

// Optional times and ids: null rather than 0 or "" so a client can tell "not set" from a value.
QJsonValue timeOrNull(qint64 ms)
{
    return ms > 0 ? QJsonValue(ms) : QJsonValue();
}

QJsonValue idOrNull(const QString& id)
{
    return id.isEmpty() ? QJsonValue() : QJsonValue(id);
}

} // namespace

QJsonObject toJson(const service::Principal& p)
{
    QJsonObject o{{QStringLiteral("kind"), p.kindName()},
                  {QStringLiteral("id"), p.id},
                  {QStringLiteral("name"), p.name},
                  {QStringLiteral("tenant_id"), p.tenantId.isEmpty() ? QJsonValue() : QJsonValue(p.tenantId)}};
    if (!p.tokenWorkspaceId.isEmpty())
        o.insert(QStringLiteral("token_workspace_id"), p.tokenWorkspaceId);
    if (p.mfaEnrollmentOnly)
        o.insert(QStringLiteral("mfa_enrollment_required"), true);
    return o;
}

QJsonObject toJson(const audit::AuditEvent& e)
{
    // The canonical form is what the chain hashes; serving it as-is lets a client recompute the hash.
    return QJsonDocument::fromJson(e.canonical()).object();
}

QJsonObject toJson(const audit::Checkpoint& c)
{
    return {{QStringLiteral("seq"), c.seq},
            {QStringLiteral("time_ms"), c.timeMs},
            {QStringLiteral("chain_hash"), QString::fromLatin1(c.chainHash.toHex())},
            {QStringLiteral("prev_signature"), QString::fromLatin1(c.prevSignature.toHex())},
            {QStringLiteral("signature"), QString::fromLatin1(c.signature.toHex())},
            {QStringLiteral("message"), QString::fromLatin1(c.message())}};
}

QJsonObject toJson(const audit::VerifyReport& r)
{
    QJsonObject o{{QStringLiteral("intact"), r.intact},
                  {QStringLiteral("events_checked"), r.eventsChecked},
                  {QStringLiteral("checkpoints_checked"), r.checkpointsChecked},
                  {QStringLiteral("from_seq"), r.fromSeq},
                  {QStringLiteral("to_seq"), r.toSeq},
                  {QStringLiteral("unsigned_tail_events"), r.unsignedTailEvents},
                  {QStringLiteral("unsigned_tail_ms"), r.unsignedTailMs}};
    if (!r.warning.isEmpty())
        o.insert(QStringLiteral("warning"), r.warning);
    if (!r.intact) {
        o.insert(QStringLiteral("first_bad_seq"), r.firstBadSeq);
        o.insert(QStringLiteral("problem"), r.problem);
        o.insert(QStringLiteral("message"), r.message);
    }
    return o;
}

QJsonObject toJson(const tenancy::Tenant& t)
{
    // Settings are a resource of their own (/settings, with their own ETag), so they are not repeated here.
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("name"), t.name},
            {QStringLiteral("display_name"), t.displayName},
            {QStringLiteral("status"), t.status},
            {QStringLiteral("created_at"), t.createdAtMs}};
}

QJsonObject toJson(const tenancy::TenantSettings& s)
{
    return {{QStringLiteral("session_idle_seconds"), s.sessionIdleSeconds},
            {QStringLiteral("session_absolute_seconds"), s.sessionAbsoluteSeconds},
            {QStringLiteral("lockout_threshold"), s.lockoutThreshold},
            {QStringLiteral("lockout_seconds"), s.lockoutSeconds},
            {QStringLiteral("require_mfa_for_admins"), s.requireMfaForAdmins}};
}

Result<tenancy::TenantSettings> tenantSettingsFromJson(BodyFields& f)
{
    tenancy::TenantSettings s;
    s.sessionIdleSeconds = f.integer("session_idle_seconds");
    s.sessionAbsoluteSeconds = f.integer("session_absolute_seconds");
    s.lockoutThreshold = f.integer("lockout_threshold");
    s.lockoutSeconds = f.integer("lockout_seconds");
    s.requireMfaForAdmins = f.boolean("require_mfa_for_admins");
    if (!f)
        return f.error();
    return s;
}

QJsonObject toJson(const tenancy::Workspace& w)
{
    return {{QStringLiteral("id"), w.id},         {QStringLiteral("tenant_id"), w.tenantId},
            {QStringLiteral("name"), w.name},     {QStringLiteral("display_name"), w.displayName},
            {QStringLiteral("status"), w.status}, {QStringLiteral("created_at"), w.createdAtMs}};
}

QJsonObject toJson(const identity::User& u)
{
    // What a client may know about the account's second factor is whether it is on; never its secret or codes.
    return {{QStringLiteral("id"), u.id},
            {QStringLiteral("tenant_id"), idOrNull(u.tenantId)},
            {QStringLiteral("username"), u.username},
            {QStringLiteral("display_name"), u.displayName},
            {QStringLiteral("email"), u.email},
            {QStringLiteral("status"), u.status},
            {QStringLiteral("mfa_enabled"), u.mfaEnabled},
            {QStringLiteral("locked_until_at"), timeOrNull(u.lockedUntilMs)},
            {QStringLiteral("created_at"), u.createdAtMs}};
}

QJsonObject toJson(const identity::Integration& i)
{
    return {{QStringLiteral("id"), i.id},
            {QStringLiteral("tenant_id"), i.tenantId},
            {QStringLiteral("name"), i.name},
            {QStringLiteral("description"), i.description},
            {QStringLiteral("status"), i.status},
            {QStringLiteral("created_at"), i.createdAtMs},
            {QStringLiteral("client_certificate_sha256"), idOrNull(i.clientCertificateSha256)},
            {QStringLiteral("federated_subject"), idOrNull(i.federatedSubject)}};
}

QJsonObject toJson(const identity::ApiToken& t)
{
    return {{QStringLiteral("id"), t.id},
            {QStringLiteral("integration_id"), t.integrationId},
            {QStringLiteral("hint"), t.hint},
            {QStringLiteral("workspace_id"), idOrNull(t.workspaceId)},
            {QStringLiteral("created_at"), t.createdAtMs},
            {QStringLiteral("expires_at"), timeOrNull(t.expiresAtMs)},
            {QStringLiteral("revoked_at"), timeOrNull(t.revokedAtMs)},
            {QStringLiteral("last_used_at"), timeOrNull(t.lastUsedAtMs)}};
}

QJsonObject toJson(const authz::Role& r)
{
    return {{QStringLiteral("id"), r.id},
            {QStringLiteral("tenant_id"), idOrNull(r.tenantId)},
            {QStringLiteral("name"), r.name},
            {QStringLiteral("description"), r.description},
            {QStringLiteral("level"),
             r.level == authz::Level::Platform ? QStringLiteral("platform") : QStringLiteral("tenant")},
            {QStringLiteral("permissions"), QJsonArray::fromStringList(r.permissions.names())},
            {QStringLiteral("builtin"), r.builtin}};
}

QJsonObject toJson(const authz::Binding& b)
{
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("tenant_id"), idOrNull(b.tenantId)},
            {QStringLiteral("identity_kind"), b.identityKind},
            {QStringLiteral("identity_id"), b.identityId},
            {QStringLiteral("role_id"), b.roleId},
            {QStringLiteral("workspace_id"), idOrNull(b.workspaceId)},
            {QStringLiteral("created_at"), b.createdAtMs}};
}

QJsonObject toJson(const authz::Decision& d)
{
    const bool known = d.permission != authz::Permission::Count_;
    return {{QStringLiteral("permission"), known ? QJsonValue(authz::permissionName(d.permission)) : QJsonValue()},
            {QStringLiteral("allowed"), d.allowed},
            {QStringLiteral("reason"), d.reason()}};
}

QJsonObject toJson(const secrets::Secret& s)
{
    return {{QStringLiteral("id"), s.id},
            {QStringLiteral("tenant_id"), s.tenantId},
            {QStringLiteral("workspace_id"), s.workspaceId},
            {QStringLiteral("name"), s.name},
            {QStringLiteral("description"), s.description},
            {QStringLiteral("tags"), QJsonArray::fromStringList(s.tags)},
            {QStringLiteral("owner_id"), s.ownerId},
            {QStringLiteral("current_version"), s.currentVersion},
            {QStringLiteral("keep_versions"), s.keepVersions},
            {QStringLiteral("rotation_days"), s.rotationDays},
            {QStringLiteral("next_rotation_at"), timeOrNull(s.nextRotationAtMs)},
            {QStringLiteral("expires_at"), timeOrNull(s.expiresAtMs)},
            {QStringLiteral("created_by"), s.createdBy},
            {QStringLiteral("created_at"), s.createdAtMs},
            {QStringLiteral("updated_by"), s.updatedBy},
            {QStringLiteral("updated_at"), s.updatedAtMs},
            {QStringLiteral("deleted_at"), timeOrNull(s.deletedAtMs)}};
}

QJsonObject toJson(const secrets::SecretVersion& v)
{
    return {{QStringLiteral("version"), v.version},
            {QStringLiteral("created_by"), v.createdBy},
            {QStringLiteral("created_at"), v.createdAtMs},
            {QStringLiteral("destroyed_at"), timeOrNull(v.destroyedAtMs)}};
}

QJsonObject toJson(const boundaries::ControlResult& r)
{
    QJsonArray evidence;
    for (const boundaries::Evidence& e : r.evidence)
        evidence.append(QJsonObject{{QStringLiteral("key"), e.key}, {QStringLiteral("value"), e.value}});
    QJsonObject o{{QStringLiteral("id"), r.controlId},
                  {QStringLiteral("status"), boundaries::statusName(r.status)},
                  {QStringLiteral("summary"), r.summary},
                  {QStringLiteral("evidence"), evidence},
                  {QStringLiteral("checked_at"), r.checkedAtMs}};
    const boundaries::Boundary* owner = nullptr;
    if (const boundaries::Control* c = boundaries::Catalog::builtin().control(r.controlId, &owner)) {
        o.insert(QStringLiteral("boundary"), owner->id);
        o.insert(QStringLiteral("title"), c->title);
        o.insert(QStringLiteral("description"), c->description);
        o.insert(QStringLiteral("check"), c->check);
        o.insert(QStringLiteral("evidence_domain"), c->evidenceDomain);
    }
    return o;
}

QJsonObject toJson(const boundaries::ControlRecord& record)
{
    QJsonArray evidence;
    for (const boundaries::Evidence& e : record.evidence)
        evidence.append(QJsonObject{{QStringLiteral("key"), e.key}, {QStringLiteral("value"), e.value}});
    return {{QStringLiteral("run"), record.runId},
            {QStringLiteral("status"), boundaries::statusName(record.status)},
            {QStringLiteral("summary"), record.summary},
            {QStringLiteral("evidence"), evidence},
            {QStringLiteral("checked_at"), record.checkedAtMs}};
}

bool parseQueryTime(const QString& text, qint64& out)
{
    bool ok = false;
    out = text.toLongLong(&ok);
    if (ok)
        return out >= 0;
    const QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid())
        return false;
    out = t.toMSecsSinceEpoch();
    return true;
}

QJsonObject toJson(const service::BoundaryReport& report, bool controls)
{
    const boundaries::Boundary& b = report.boundary;
    QJsonArray items;
    qint64 checkedAt = 0;
    for (const boundaries::ControlResult& r : report.results) {
        checkedAt = std::max(checkedAt, r.checkedAtMs);
        if (controls) {
            items.append(toJson(r));
            continue;
        }
        const boundaries::Control* c = boundaries::Catalog::builtin().control(r.controlId);
        items.append(QJsonObject{{QStringLiteral("id"), r.controlId},
                                 {QStringLiteral("title"), c ? c->title : QString()},
                                 {QStringLiteral("status"), boundaries::statusName(r.status)},
                                 {QStringLiteral("summary"), r.summary}});
    }
    return {{QStringLiteral("id"), b.id},
            {QStringLiteral("name"), b.name},
            {QStringLiteral("separates"), b.separates},
            {QStringLiteral("key_controls"), b.keyControls},
            {QStringLiteral("status"), boundaries::statusName(report.status)},
            {QStringLiteral("checked_at"), checkedAt},
            {QStringLiteral("controls"), items}};
}

QJsonObject toJson(const boundaries::Ownership& ownership)
{
    QJsonObject areas;
    for (const boundaries::OwnershipArea& a : ownership.areas)
        areas.insert(a.area, QJsonObject{{QStringLiteral("owner"), a.owner}, {QStringLiteral("contact"), a.contact}});
    return {{QStringLiteral("stated"), ownership.stated},
            {QStringLiteral("updated_at"), timeOrNull(ownership.updatedAtMs)},
            {QStringLiteral("updated_by"), idOrNull(ownership.updatedBy)},
            {QStringLiteral("areas"), areas}};
}

Result<boundaries::Ownership> ownershipFromJson(BodyFields& fields)
{
    const auto invalid = [](const QString& message) {
        return Error{ErrorCode::InvalidArgument, message};
    };
    const std::optional<QJsonObject> areas = fields.object("areas");
    if (!fields)
        return fields.error();
    boundaries::Ownership o;
    const QJsonObject& byArea = *areas;
    for (auto it = byArea.begin(); it != byArea.end(); ++it) {
        if (!boundaries::Ownership::areaIds().contains(it.key()))
            return invalid(QStringLiteral("Unknown area \"%1\"; the areas are %2.")
                               .arg(it.key().left(64), boundaries::Ownership::areaIds().join(QStringLiteral(", "))));
        if (!it.value().isObject())
            return invalid(QStringLiteral("The area \"%1\" must be an object with \"owner\".").arg(it.key()));
        const QJsonObject a = it.value().toObject();
        const QJsonValue owner = a.value(QLatin1String("owner"));
        const QJsonValue contact = a.value(QLatin1String("contact"));
        if (!owner.isString() || !(contact.isUndefined() || contact.isNull() || contact.isString()))
            return invalid(QStringLiteral("The area \"%1\" needs \"owner\" (a string) and, optionally, \"contact\" "
                                          "(a string).")
                               .arg(it.key()));
        for (auto f = a.begin(); f != a.end(); ++f) {
            if (f.key() != QLatin1String("owner") && f.key() != QLatin1String("contact"))
                return invalid(QStringLiteral("Unknown field \"%1\" in area \"%2\".").arg(f.key().left(64), it.key()));
        }
        o.areas.append({it.key(), owner.toString(), contact.toString()});
    }
    // In the catalog's order of areas, whatever the order of the JSON object.
    std::sort(o.areas.begin(), o.areas.end(), [](const auto& x, const auto& y) {
        return boundaries::Ownership::areaIds().indexOf(x.area) < boundaries::Ownership::areaIds().indexOf(y.area);
    });
    return o;
}

} // namespace gatehouse::api
