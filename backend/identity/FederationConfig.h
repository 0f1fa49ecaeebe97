#pragma once

#include <QJsonObject>
#include <QJsonValue>
#include <QString>
#include <QStringList>

namespace gatehouse::identity {

// Where each fact about a person is found in the provider's ID token: a claim name, or a dotted path into nested
// objects ("org.groups").
struct ClaimMapping
{
    QString subject = QStringLiteral("sub");
    QString username = QStringLiteral("preferred_username");
    QString email = QStringLiteral("email");
    QString displayName = QStringLiteral("name");
    QString groups = QStringLiteral("groups");

    bool operator==(const ClaimMapping&) const = default;
};

// A tenant's OpenID Connect provider, as the control plane keeps it. The client secret is never part of it: it is
// sealed under the tenant's key, and a read says only whether one is set.
struct FederationConfig
{
    QString tenantId;
    QString issuer;   // https://..., or http on a loopback address
    QString clientId; // as registered at the provider
    bool clientSecretSet = false;
    QStringList scopes{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")};
    QString caPem; // the provider's CA, pinned when given (PEM); else the system's trust store
    ClaimMapping claims;
    bool jitProvisioning = false; // a first sign-in creates the user
    bool localPasswords = true;   // false: only a Tenant Owner may still sign in with a password (break-glass)
    bool enabled = true;
    bool tokenExchange = false; // integrations may present a provider-issued access token
    QString tokenAudience;      // the audience such a token must carry
    qint64 createdAtMs = 0;
    qint64 updatedAtMs = 0;

    bool operator==(const FederationConfig&) const = default;
};

// Members of a provider group are granted a role, tenant-wide or in one workspace, when they sign in.
struct GroupMapping
{
    QString id;
    QString tenantId;
    QString group;
    QString roleId;
    QString workspaceId; // empty: the whole tenant
    qint64 createdAtMs = 0;
};

namespace claims {

// A path is one or more claim names joined by '.'; each name is 1 to 64 characters of letters, digits, '_', '-',
// ':' and '/'. A claim whose whole name is the path (a URL such as "https://example.com/groups") is found first.
bool isValidPath(const QString& path);
// The value at `path` as text: a string, or a whole number written out; empty when absent or of another type.
QString textAt(const QJsonObject& claims, const QString& path);
// The value at `path` as a list of group names: an array of strings, or one string; empty when absent.
QStringList listAt(const QJsonObject& claims, const QString& path);

} // namespace claims

} // namespace gatehouse::identity
