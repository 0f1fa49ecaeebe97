#include "Checks.h"

#include <QHash>

namespace gatehouse::boundaries {

// Defined in <Boundary>Checks.cpp.
ControlResult checkMfaAdmins(CheckInput& in);
ControlResult checkSessionLimits(CheckInput& in);
ControlResult checkAccountStatus(CheckInput& in);
ControlResult checkPasswordHashing(CheckInput& in);
ControlResult checkIntegrationTokens(CheckInput& in);
ControlResult checkTlsPolicy(CheckInput& in);
ControlResult checkCertificateExpiry(CheckInput& in);
ControlResult checkListenExposure(CheckInput& in);
ControlResult checkMtlsIntegrations(CheckInput& in);
ControlResult checkTenantKeys(CheckInput& in);
ControlResult checkRoleBindings(CheckInput& in);
ControlResult checkCustomRoles(CheckInput& in);
ControlResult checkDenyByDefault(CheckInput& in);
ControlResult checkTenantIsolation(CheckInput& in);
ControlResult checkEncryption(CheckInput& in);
ControlResult checkFilePermissions(CheckInput& in);
ControlResult checkSchemaVersion(CheckInput& in);
ControlResult checkIntegrity(CheckInput& in);
ControlResult checkKeyCustody(CheckInput& in);
ControlResult checkRotationOverdue(CheckInput& in);
ControlResult checkTenantKeysWrapped(CheckInput& in);
ControlResult checkAuditChain(CheckInput& in);
ControlResult checkAuditIndex(CheckInput& in);
ControlResult checkCheckpointAge(CheckInput& in);
ControlResult checkAuditRetention(CheckInput& in);
ControlResult checkLiveFollow(CheckInput& in);
ControlResult checkForwarding(CheckInput& in);
ControlResult checkMigrations(CheckInput& in);
ControlResult checkMasterKeyAge(CheckInput& in);
ControlResult checkAdminChanges(CheckInput& in);
ControlResult checkOwnership(CheckInput& in);

namespace {

struct Registry
{
    QStringList ids;
    QHash<QString, Check> checks;

    void add(const char* id, ControlResult (*fn)(CheckInput&))
    {
        ids << QLatin1String(id);
        checks.insert(QLatin1String(id), Check(fn));
    }
};

const Registry& registry()
{
    static const Registry r = [] {
        Registry reg;
        reg.add("identity.mfa-admins", checkMfaAdmins);
        reg.add("identity.session-limits", checkSessionLimits);
        reg.add("identity.account-status", checkAccountStatus);
        reg.add("identity.password-hashing", checkPasswordHashing);
        reg.add("identity.integration-tokens", checkIntegrationTokens);
        reg.add("network.tls-policy", checkTlsPolicy);
        reg.add("network.certificate-expiry", checkCertificateExpiry);
        reg.add("network.listen-exposure", checkListenExposure);
        reg.add("network.mtls-integrations", checkMtlsIntegrations);
        reg.add("application.tenant-keys", checkTenantKeys);
        reg.add("application.role-bindings", checkRoleBindings);
        reg.add("application.custom-roles", checkCustomRoles);
        reg.add("application.deny-by-default", checkDenyByDefault);
        reg.add("application.tenant-isolation", checkTenantIsolation);
        reg.add("data.encryption", checkEncryption);
        reg.add("data.file-permissions", checkFilePermissions);
        reg.add("data.schema-version", checkSchemaVersion);
        reg.add("data.integrity", checkIntegrity);
        reg.add("secrets.key-custody", checkKeyCustody);
        reg.add("secrets.rotation-overdue", checkRotationOverdue);
        reg.add("secrets.tenant-keys-wrapped", checkTenantKeysWrapped);
        reg.add("monitoring.audit-chain", checkAuditChain);
        reg.add("monitoring.checkpoint-age", checkCheckpointAge);
        reg.add("monitoring.audit-retention", checkAuditRetention);
        reg.add("monitoring.audit-index", checkAuditIndex);
        reg.add("monitoring.live-follow", checkLiveFollow);
        reg.add("monitoring.forwarding", checkForwarding);
        reg.add("change.migrations", checkMigrations);
        reg.add("change.master-key-age", checkMasterKeyAge);
        reg.add("change.admin-changes", checkAdminChanges);
        reg.add("change.ownership", checkOwnership);
        return reg;
    }();
    return r;
}

} // namespace

const QStringList& implementedChecks()
{
    return registry().ids;
}

const Check* findCheck(const QString& id)
{
    const auto& checks = registry().checks;
    const auto it = checks.constFind(id);
    return it == checks.cend() ? nullptr : &it.value();
}

} // namespace gatehouse::boundaries
