#pragma once

#include "authz/Permission.h"

#include <QList>
#include <QString>

namespace gatehouse::service {

// What an operation does to identities other than the caller's own session. Every operation is classified;
// the control plane enforces each class in one place (ControlPlane::execute), so a new operation cannot forget
// the rule of its class, and an operation missing from the catalog is refused.
enum class IdentityEffect {
    // Touches no identity's access.
    None,
    // Acts on another identity: yields or resets its credentials (token, password, MFA, client certificate),
    // restores its access (enable, unlock) or changes its standing or existence (lock, disable, delete, profile,
    // sessions, tokens). The caller must hold every permission the target holds, at every scope where the target
    // holds it; otherwise the call is refused and audited with reason `target_holds_more`.
    ActsOnIdentity,
    // Gives or takes permissions (bindings, custom roles): the caller must hold every permission given or taken,
    // at the scope where it applies.
    GrantsPermissions,
    // Changes the caller's own password, authenticator or recovery codes: the current password, and the current
    // TOTP or a recovery code when one is enrolled, are verified in the same request.
    OwnCredentials,
    // Creates an identity whose first credential the caller sets: a new user (no permissions until bound), a new
    // tenant's first owner (an empty tenant), the first platform owner (local operator only).
    CreatesIdentity,
};

// Where an operation applies.
enum class OperationScope { Platform, Tenant, Workspace, Own, System };

struct OperationInfo
{
    const char* action; // the audit action, "user.password.reset"
    authz::Permission permission;
    OperationScope scope;
    IdentityEffect effect;
    const char* summary; // for people: the console's tooltips and the docs
};

// Every operation of the control plane, in one table. The console reads it to tell which permission an action
// needs; tests enumerate it.
class OperationCatalog
{
public:
    static const QList<OperationInfo>& all();
    static const OperationInfo* find(QStringView action);
    static QString effectName(IdentityEffect effect);
};

} // namespace gatehouse::service
