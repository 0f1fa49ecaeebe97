#include "ApiJson.h"

#include <QJsonDocument>

namespace gatehouse::api {

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

QJsonObject toJson(const audit::VerifyReport& r)
{
    QJsonObject o{{QStringLiteral("intact"), r.intact},
                  {QStringLiteral("events_checked"), r.eventsChecked},
                  {QStringLiteral("checkpoints_checked"), r.checkpointsChecked},
                  {QStringLiteral("from_seq"), r.fromSeq},
                  {QStringLiteral("to_seq"), r.toSeq}};
    if (!r.intact) {
        o.insert(QStringLiteral("first_bad_seq"), r.firstBadSeq);
        o.insert(QStringLiteral("problem"), r.problem);
        o.insert(QStringLiteral("message"), r.message);
    }
    return o;
}

} // namespace gatehouse::api
