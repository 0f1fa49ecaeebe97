#pragma once

#include <QStringList>

namespace gatehouse::secrets {

// A secret's metadata. Its value never appears here: it is revealed, version by version, through the control
// plane only (audited, with a reason).
struct Secret
{
    QString id;
    QString tenantId;
    QString workspaceId;
    QString name; // path-like: db/prod/password
    QString description;
    QStringList tags;
    QString ownerId;
    int currentVersion = 0;
    int keepVersions = 10;
    int rotationDays = 0; // 0: no rotation period
    qint64 nextRotationAtMs = 0;
    qint64 expiresAtMs = 0; // 0: does not expire
    QString createdBy;
    qint64 createdAtMs = 0;
    QString updatedBy;
    qint64 updatedAtMs = 0;
    qint64 deletedAtMs = 0; // soft delete
};

struct SecretVersion
{
    int version = 0;
    QString createdBy;
    qint64 createdAtMs = 0;
    qint64 destroyedAtMs = 0;
};

} // namespace gatehouse::secrets
