#pragma once

#include <QString>

namespace gatehouse::identity {

struct User
{
    QString id;
    QString tenantId; // empty: a platform administrator
    QString username;
    QString displayName;
    QString email;
    QString status; // active, locked, disabled
    bool mfaEnabled = false;
    qint64 lockedUntilMs = 0; // brute-force lockout, separate from an administrator's lock
    qint64 createdAtMs = 0;
};

// A machine identity. Its API tokens are issued separately and shown once.
struct Integration
{
    QString id;
    QString tenantId;
    QString name;
    QString description;
    QString status; // active, locked
    qint64 createdAtMs = 0;
    // SHA-256 of the client certificate (lower-case hex) the integration's tokens are bound to; empty: none.
    QString clientCertificateSha256;
    // Token exchange: the subject ("sub") of the provider-issued access tokens that stand for this integration, and
    // the tenant provider's issuer when it was linked; empty: not linked.
    QString federatedSubject;
    QString federatedIssuer;
};

struct ApiToken
{
    QString id;
    QString integrationId;
    QString hint;        // the first characters, to recognise it
    QString workspaceId; // empty: the token may act anywhere the integration's bindings allow
    qint64 createdAtMs = 0;
    qint64 expiresAtMs = 0;
    qint64 revokedAtMs = 0;
    qint64 lastUsedAtMs = 0;
};

} // namespace gatehouse::identity
