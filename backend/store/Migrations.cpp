#include "Migrations.h"

#include "Database.h"
#include "Statement.h"
#include "Transaction.h"
#include "core/Logging.h"

#include <QDateTime>

#include <algorithm>

namespace gatehouse::store {

namespace {

Result<void> createBookkeeping(Database& db)
{
    return db.exec("CREATE TABLE IF NOT EXISTS schema_migrations ("
                   " version INTEGER PRIMARY KEY,"
                   " description TEXT NOT NULL,"
                   " applied_at TEXT NOT NULL);");
}

Result<void> schemaV1(Database& db)
{
    // Identity of the store itself: lets an open check that the database file belongs to its data directory.
    return db.exec("CREATE TABLE store_meta ("
                   " key TEXT PRIMARY KEY NOT NULL,"
                   " value TEXT NOT NULL) WITHOUT ROWID;");
}

Result<void> schemaV2(Database& db)
{
    // The control plane. Platform-level rows use the pseudo-tenant '' so that every row has a tenant and
    // every query can be constrained by one; workspace_id '' means "the whole tenant".
    return db.exec(R"sql(
CREATE TABLE tenants (
    id TEXT PRIMARY KEY NOT NULL,
    name TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended', 'platform')),
    created_at INTEGER NOT NULL,
    session_idle_s INTEGER NOT NULL DEFAULT 1800,
    session_absolute_s INTEGER NOT NULL DEFAULT 43200,
    lockout_threshold INTEGER NOT NULL DEFAULT 5,
    lockout_s INTEGER NOT NULL DEFAULT 900,
    require_mfa_admins INTEGER NOT NULL DEFAULT 0
);
INSERT INTO tenants (id, name, display_name, status, created_at) VALUES ('', '', 'Platform', 'platform', 0);

CREATE TABLE workspaces (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    display_name TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'suspended')),
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE users (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    username TEXT NOT NULL,
    display_name TEXT NOT NULL,
    email TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'locked', 'disabled')),
    password_hash TEXT NOT NULL,
    password_changed_at INTEGER NOT NULL,
    failed_passwords INTEGER NOT NULL DEFAULT 0,
    locked_until INTEGER NOT NULL DEFAULT 0,
    failed_totp INTEGER NOT NULL DEFAULT 0,
    totp_locked_until INTEGER NOT NULL DEFAULT 0,
    totp_secret BLOB,
    totp_pending_secret BLOB,
    totp_last_step INTEGER NOT NULL DEFAULT 0,
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, username)
);

CREATE TABLE recovery_codes (
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    code_hash BLOB NOT NULL,
    used_at INTEGER,
    PRIMARY KEY (user_id, code_hash)
) WITHOUT ROWID;

CREATE TABLE integrations (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('active', 'locked')),
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE api_tokens (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    integration_id TEXT NOT NULL REFERENCES integrations(id) ON DELETE CASCADE,
    token_hash BLOB NOT NULL UNIQUE,
    hint TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    revoked_at INTEGER,
    last_used_at INTEGER
);

CREATE TABLE sessions (
    id TEXT PRIMARY KEY NOT NULL,
    token_hash BLOB NOT NULL UNIQUE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    created_at INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    ended_at INTEGER,
    mfa_enrollment_only INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX sessions_user ON sessions (user_id);

CREATE TABLE roles (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    permissions TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, name)
);

CREATE TABLE bindings (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    identity_kind TEXT NOT NULL CHECK (identity_kind IN ('user', 'integration')),
    identity_id TEXT NOT NULL,
    role_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (identity_id, role_id, workspace_id)
);
CREATE INDEX bindings_tenant ON bindings (tenant_id);

CREATE TABLE audit_events (
    seq INTEGER PRIMARY KEY NOT NULL,
    time_ms INTEGER NOT NULL,
    tenant_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    actor_kind TEXT NOT NULL,
    actor_id TEXT NOT NULL,
    actor_name TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id TEXT NOT NULL,
    outcome TEXT NOT NULL CHECK (outcome IN ('success', 'denied', 'error')),
    reason TEXT NOT NULL,
    source TEXT NOT NULL,
    address TEXT NOT NULL,
    request_id TEXT NOT NULL,
    details TEXT NOT NULL,
    prev_hash BLOB NOT NULL,
    hash BLOB NOT NULL
);
CREATE INDEX audit_events_tenant ON audit_events (tenant_id, seq);
CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
)sql");
}

Result<void> schemaV3(Database& db)
{
    // Audit: signing key, signed checkpoints (chained in creation order), verification and retention state,
    // full-text index, search indexes; deletion only by the retention path.
    return db.exec(R"sql(
CREATE TABLE audit_keys (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    public_key BLOB NOT NULL,
    wrapped_private_key BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE audit_checkpoints (
    id INTEGER PRIMARY KEY,
    seq INTEGER NOT NULL,
    time_ms INTEGER NOT NULL,
    chain_hash BLOB NOT NULL,
    prev_signature BLOB NOT NULL,
    signature BLOB NOT NULL
);
CREATE INDEX audit_checkpoints_seq ON audit_checkpoints (seq);
CREATE TRIGGER audit_checkpoints_no_update BEFORE UPDATE ON audit_checkpoints
    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TRIGGER audit_checkpoints_no_delete BEFORE DELETE ON audit_checkpoints
    BEGIN SELECT RAISE(ABORT, 'audit checkpoints are append-only'); END;
CREATE TABLE audit_state (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    last_seq INTEGER NOT NULL,
    verified_seq INTEGER NOT NULL,
    verified_hash BLOB NOT NULL,
    pruned_before INTEGER NOT NULL,
    retention_days INTEGER NOT NULL,
    retention_max_events INTEGER NOT NULL,
    fts_seq INTEGER NOT NULL
);
INSERT INTO audit_state VALUES (1, (SELECT coalesce(max(seq), 0) FROM audit_events), 0, zeroblob(32), 0, 0, 0,
                                (SELECT coalesce(max(seq), 0) FROM audit_events));
CREATE TABLE audit_prune_token (id INTEGER PRIMARY KEY);
DROP TRIGGER audit_events_no_delete;
CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
    WHEN NOT EXISTS (SELECT 1 FROM audit_prune_token)
    BEGIN SELECT RAISE(ABORT, 'audit events are append-only'); END;
CREATE VIRTUAL TABLE audit_fts USING fts4(content="audit_events", action, actor_name, target_id, details);
INSERT INTO audit_fts (docid, action, actor_name, target_id, details)
    SELECT seq, action, actor_name, target_id, details FROM audit_events;
-- The full-text index is filled in bulk (AuditLog::indexText) up to audit_state.fts_seq: per-row inserts
-- would cost more than everything else an append does.
CREATE TRIGGER audit_events_fts_delete BEFORE DELETE ON audit_events
    WHEN old.seq <= (SELECT fts_seq FROM audit_state WHERE id = 1) BEGIN
    DELETE FROM audit_fts WHERE docid = old.seq;
END;
CREATE INDEX audit_events_tenant_time ON audit_events (tenant_id, time_ms);
CREATE INDEX audit_events_tenant_action ON audit_events (tenant_id, action, seq);
CREATE INDEX audit_events_tenant_actor ON audit_events (tenant_id, actor_id, seq);
)sql");
}

Result<void> schemaV4(Database& db)
{
    // Secrets: values sealed under per-tenant keys (AES-256-GCM), which are sealed under the master key.
    return db.exec(R"sql(
CREATE TABLE tenant_keys (
    tenant_id TEXT PRIMARY KEY NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    wrapped_key BLOB NOT NULL,
    created_at INTEGER NOT NULL
);
CREATE TABLE secrets (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    workspace_id TEXT NOT NULL REFERENCES workspaces(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    description TEXT NOT NULL,
    tags TEXT NOT NULL,
    owner_id TEXT NOT NULL,
    current_version INTEGER NOT NULL,
    keep_versions INTEGER NOT NULL,
    rotation_days INTEGER NOT NULL,
    next_rotation_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    deleted_at INTEGER NOT NULL DEFAULT 0,
    UNIQUE (tenant_id, workspace_id, name)
);
CREATE TABLE secret_versions (
    secret_id TEXT NOT NULL REFERENCES secrets(id) ON DELETE CASCADE,
    version INTEGER NOT NULL,
    tenant_id TEXT NOT NULL,
    ciphertext BLOB,
    created_by TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    destroyed_at INTEGER NOT NULL DEFAULT 0,
    PRIMARY KEY (secret_id, version)
) WITHOUT ROWID;
)sql");
}

Result<void> schemaV5(Database& db)
{
    // Integrations may be bound to a client certificate (mutual TLS): their tokens then work only over a
    // connection that presented it. Empty: not bound.
    return db.exec("ALTER TABLE integrations ADD COLUMN client_cert_sha256 TEXT NOT NULL DEFAULT '';");
}

Result<void> schemaV6(Database& db)
{
    // Who owns each area of the deployment (hosted vs self-hosted). No rows: never stated, the defaults apply.
    return db.exec(R"sql(
CREATE TABLE deployment_ownership (
    area TEXT PRIMARY KEY NOT NULL,
    owner TEXT NOT NULL,
    contact TEXT NOT NULL,
    updated_at INTEGER NOT NULL,
    updated_by TEXT NOT NULL
) WITHOUT ROWID;
)sql");
}

Result<void> schemaV7(Database& db)
{
    // Why a session ended (signed out, credentials changed elsewhere, ended by an administrator, ...): its holder
    // is told when they next use it. Empty for sessions that ended before this was recorded.
    return db.exec("ALTER TABLE sessions ADD COLUMN end_reason TEXT NOT NULL DEFAULT '';");
}

Result<void> schemaV8(Database& db)
{
    // The audit checkpoint policy in force from an event on, so verification judges each stretch between signed
    // checkpoints by the policy of its time. Until now the policy was the built-in default: that row starts it.
    return db.exec(R"sql(
CREATE TABLE audit_checkpoint_policies (
    id INTEGER PRIMARY KEY,
    from_seq INTEGER NOT NULL,
    every_events INTEGER NOT NULL CHECK (every_events > 0),
    interval_ms INTEGER NOT NULL CHECK (interval_ms > 0),
    set_at INTEGER NOT NULL
);
INSERT INTO audit_checkpoint_policies (from_seq, every_events, interval_ms, set_at) VALUES (1, 1000, 300000, 0);
CREATE TRIGGER audit_checkpoint_policies_no_update BEFORE UPDATE ON audit_checkpoint_policies
    BEGIN SELECT RAISE(ABORT, 'the audit checkpoint policy history is append-only'); END;
CREATE TRIGGER audit_checkpoint_policies_no_delete BEFORE DELETE ON audit_checkpoint_policies
    BEGIN SELECT RAISE(ABORT, 'the audit checkpoint policy history is append-only'); END;
)sql");
}

Result<void> schemaV9(Database& db)
{
    // The histogram counts each bucket by outcome: with the outcome in the (tenant, time) index, it is answered
    // from the index alone, as the plain count was, without reading an event row.
    return db.exec(R"sql(
DROP INDEX audit_events_tenant_time;
CREATE INDEX audit_events_tenant_time ON audit_events (tenant_id, time_ms, outcome);
)sql");
}

Result<void> schemaV10(Database& db)
{
    // The audit log keeps only its key: the search indexes and the full-text index moved to the audit index, a
    // separate file built behind the log by its own thread (audit/AuditIndex), so an append pays for none of them.
    return db.exec(R"sql(
DROP INDEX audit_events_tenant;
DROP INDEX audit_events_tenant_time;
DROP INDEX audit_events_tenant_action;
DROP INDEX audit_events_tenant_actor;
DROP TRIGGER audit_events_fts_delete;
DROP TABLE audit_fts;
)sql");
}

Result<void> schemaV11(Database& db)
{
    // Every run of the live checks keeps each control's outcome with its time, so a reviewer sees how long a control
    // was failing and when it changed (boundaries/ControlHistory). Platform rows: tenant ''.
    return db.exec(R"sql(
CREATE TABLE control_results (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tenant_id TEXT NOT NULL DEFAULT '',
    run_id INTEGER NOT NULL,
    boundary_id TEXT NOT NULL,
    control_id TEXT NOT NULL,
    status TEXT NOT NULL,
    summary TEXT NOT NULL,
    evidence TEXT NOT NULL,
    checked_at INTEGER NOT NULL
);
CREATE INDEX control_results_control_time ON control_results (tenant_id, control_id, checked_at, id);
)sql");
}

Result<void> schemaV12(Database& db)
{
    // Audit forwarding: where events go (a platform destination takes every event, a tenant's only its own) and
    // from which event on. How far each collector took them is the forwarder's to write: it keeps that in a file of
    // its own beside the store (forward/ForwardState), so the control plane's transactions never meet its writes.
    return db.exec(R"sql(
CREATE TABLE forward_destinations (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    name TEXT NOT NULL,
    transport TEXT NOT NULL CHECK (transport IN ('tls', 'tcp')),
    host TEXT NOT NULL,
    port INTEGER NOT NULL,
    server_name TEXT NOT NULL,
    format TEXT NOT NULL CHECK (format IN ('json', 'cef', 'ocsf')),
    ca_pem TEXT NOT NULL,
    ca_sha256 TEXT NOT NULL,
    client_cert_pem TEXT NOT NULL,
    client_key_pem BLOB,
    alarm_after_ms INTEGER NOT NULL,
    enabled INTEGER NOT NULL,
    start_seq INTEGER NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL,
    UNIQUE (tenant_id, name)
);
)sql");
}

Result<void> schemaV13(Database& db)
{
    // OIDC federation: one identity provider per tenant. The client secret is sealed under the tenant's key like a
    // secret value (so deleting the tenant shreds it too). A group mapping grants a role when the provider says the
    // person is in the group; the bindings a mapping made are remembered, so a sign-in takes away only those, never
    // one an administrator made by hand. A federated user is linked to the provider's (issuer, subject).
    return db.exec(R"sql(
CREATE TABLE oidc_providers (
    tenant_id TEXT PRIMARY KEY NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    client_id TEXT NOT NULL,
    client_secret BLOB,
    scopes TEXT NOT NULL,
    ca_pem TEXT NOT NULL,
    claim_subject TEXT NOT NULL,
    claim_username TEXT NOT NULL,
    claim_email TEXT NOT NULL,
    claim_display_name TEXT NOT NULL,
    claim_groups TEXT NOT NULL,
    jit_provisioning INTEGER NOT NULL,
    local_passwords INTEGER NOT NULL,
    enabled INTEGER NOT NULL,
    token_exchange INTEGER NOT NULL,
    token_audience TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    updated_at INTEGER NOT NULL
) WITHOUT ROWID;

CREATE TABLE oidc_group_mappings (
    id TEXT PRIMARY KEY NOT NULL,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    group_name TEXT NOT NULL,
    role_id TEXT NOT NULL,
    workspace_id TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    UNIQUE (tenant_id, group_name, role_id, workspace_id)
);

CREATE TABLE oidc_identities (
    user_id TEXT PRIMARY KEY NOT NULL REFERENCES users(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    last_sign_in_at INTEGER NOT NULL,
    UNIQUE (tenant_id, issuer, subject)
) WITHOUT ROWID;

CREATE TABLE oidc_mapped_bindings (
    binding_id TEXT PRIMARY KEY NOT NULL REFERENCES bindings(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE
) WITHOUT ROWID;

CREATE TABLE oidc_sessions (
    session_id TEXT PRIMARY KEY NOT NULL REFERENCES sessions(id) ON DELETE CASCADE,
    tenant_id TEXT NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
    issuer TEXT NOT NULL,
    subject TEXT NOT NULL
) WITHOUT ROWID;
)sql");
}

Result<void> schemaV14(Database& db)
{
    // Token exchange: an integration linked to the subject its provider-issued access tokens carry (for a
    // client-credentials token, the provider's client id), under the issuer the tenant's provider had when the link
    // was made, so a new provider never inherits the links. A subject names one integration per tenant and issuer.
    // Columns cannot be dropped (SQLite 3.15), so a store rolled back by hand keeps them: added only when missing.
    auto columns = db.prepare("PRAGMA table_info(integrations);");
    if (!columns)
        return columns.error();
    bool present = false;
    for (;;) {
        auto row = columns.value().step();
        if (!row)
            return row.error();
        if (!row.value())
            break;
        present |= columns.value().text(1) == QLatin1String("federated_subject");
    }
    if (!present) {
        if (auto r = db.exec("ALTER TABLE integrations ADD COLUMN federated_issuer TEXT NOT NULL DEFAULT '';"
                             "ALTER TABLE integrations ADD COLUMN federated_subject TEXT NOT NULL DEFAULT '';");
            !r)
            return r;
    }
    return db.exec(R"sql(
CREATE UNIQUE INDEX IF NOT EXISTS integrations_by_federated_subject ON integrations (tenant_id, federated_issuer, federated_subject)
    WHERE federated_subject <> '';
)sql");
}

} // namespace

Migrations::Migrations(std::vector<Migration> steps) : m_steps(std::move(steps))
{
    std::sort(m_steps.begin(), m_steps.end(),
              [](const Migration& a, const Migration& b) { return a.version < b.version; });
}

const Migrations& Migrations::schema()
{
    static const Migrations migrations({
        {1, "store identity", schemaV1},
        {2, "control plane: tenants, identities, sessions, roles, bindings, audit", schemaV2},
        {3, "audit: signed checkpoints, verification and retention state, full-text search", schemaV3},
        {4, "secrets: tenant keys, secrets and their versions", schemaV4},
        {5, "integrations: client certificate binding", schemaV5},
        {6, "trust boundaries: deployment ownership", schemaV6},
        {7, "sessions: why a session ended", schemaV7},
        {8, "audit: the checkpoint policy in force from each event on", schemaV8},
        {9, "audit: the outcome in the time index, for the histogram by outcome", schemaV9},
        {10, "audit: the search indexes move out of the log into the audit index", schemaV10},
        {11, "trust boundaries: each run's control results, for history and drift", schemaV11},
        {12, "audit forwarding: destinations and their cursors", schemaV12},
        {13, "OIDC federation: a provider per tenant, group mappings, federated identities", schemaV13},
        {14, "token exchange: integrations linked to a provider subject", schemaV14},
    });
    return migrations;
}

int Migrations::latestVersion() const
{
    return m_steps.empty() ? 0 : m_steps.back().version;
}

std::vector<int> Migrations::versions() const
{
    std::vector<int> out;
    for (const Migration& step : m_steps)
        out.push_back(step.version);
    return out;
}

Result<int> Migrations::currentVersion(Database& db)
{
    // user_version lives in the database header and changes in the same transaction as schema_migrations.
    auto v = db.pragma("PRAGMA user_version;");
    if (!v)
        return v.error();
    return v.value().toInt();
}

Result<int> Migrations::checkNotNewer(Database& db) const
{
    auto current = currentVersion(db);
    if (!current)
        return current;
    if (current.value() > latestVersion())
        return makeError(ErrorCode::SchemaTooNew,
                         QStringLiteral("the store's schema is version %1, newer than this Gatehouse build "
                                        "understands (version %2); upgrade Gatehouse to open it. Nothing was changed")
                             .arg(current.value())
                             .arg(latestVersion()));
    return current;
}

Result<int> Migrations::migrate(Database& db) const
{
    auto current = checkNotNewer(db);
    if (!current)
        return current;
    int version = current.value();
    for (const Migration& step : m_steps) {
        if (step.version <= version)
            continue;
        auto tx = Transaction::begin(db);
        if (!tx)
            return tx.error();
        auto fail = [&](const Error& e) -> Error {
            return makeError(
                e.code == ErrorCode::DiskFull || e.code == ErrorCode::ReadOnly ? e.code : ErrorCode::MigrationFailed,
                QStringLiteral("schema migration %1 (%2) failed: %3; the store is unchanged at "
                               "version %4")
                    .arg(step.version)
                    .arg(QString::fromUtf8(step.description), e.message)
                    .arg(version));
        };
        if (auto r = createBookkeeping(db); !r)
            return fail(r.error());
        if (auto r = step.apply(db); !r)
            return fail(r.error());
        auto record = db.prepare("INSERT INTO schema_migrations (version, description, applied_at) VALUES (?, ?, ?);");
        if (!record)
            return fail(record.error());
        record.value()
            .bind(1, qint64(step.version))
            .bind(2, QString::fromUtf8(step.description))
            .bind(3, QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs));
        if (auto r = record.value().run(); !r)
            return fail(r.error());
        // PRAGMA cannot take a bound parameter; the version is an integer from this build, not input.
        const QByteArray setVersion = "PRAGMA user_version = " + QByteArray::number(step.version) + ";";
        if (auto r = db.exec(setVersion.constData()); !r)
            return fail(r.error());
        if (auto r = tx.value().commit(); !r)
            return fail(r.error());
        qCInfo(lcStore) << "applied schema migration" << step.version << step.description;
        version = step.version;
    }
    return version;
}

} // namespace gatehouse::store
