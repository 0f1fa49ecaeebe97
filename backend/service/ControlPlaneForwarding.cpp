#include "ControlPlane.h"
#include "ControlPlaneInternals.h"

#include "core/Encoding.h"
#include "core/Logging.h"
#include "forward/ForwardState.h"
#include "forward/Forwarder.h"
#include "store/Store.h"

#include <QJsonArray>
#include <QScopeGuard>

#include <openssl/crypto.h>

namespace gatehouse::service {

using authz::Permission;

namespace {

// The operation on a destination of a scope: the platform's (audit.manage) or a tenant's (settings.write).
const char* actionFor(const QString& tenantId, const char* verb)
{
    static const QHash<QByteArray, const char*> platform{
        {"create", "forwarding.create"}, {"update", "forwarding.update"}, {"delete", "forwarding.delete"}};
    static const QHash<QByteArray, const char*> tenant{{"create", "forwarding.tenant.create"},
                                                       {"update", "forwarding.tenant.update"},
                                                       {"delete", "forwarding.tenant.delete"}};
    return (tenantId.isEmpty() ? platform : tenant).value(verb);
}

// What the trail records of a destination: where and how, never its key.
QJsonObject describe(const forward::Destination& d)
{
    return {{QStringLiteral("name"), d.name},
            {QStringLiteral("host"), d.host},
            {QStringLiteral("port"), d.port},
            {QStringLiteral("transport"), d.transportName()},
            {QStringLiteral("server_name"), d.effectiveServerName()},
            {QStringLiteral("format"), d.formatName()},
            {QStringLiteral("pinned"),
             d.caPem.isEmpty() ? (d.caSha256.isEmpty() ? QStringLiteral("none") : QStringLiteral("fingerprint"))
                               : QStringLiteral("ca")},
            {QStringLiteral("client_certificate"), !d.clientCertPem.isEmpty()},
            {QStringLiteral("alarm_after_s"), d.alarmAfterMs / 1000},
            {QStringLiteral("enabled"), d.enabled}};
}

// The fields a change altered, for the trail (the key only as "client_key").
QJsonArray changedFields(const forward::Destination& before, const forward::Destination& after)
{
    QJsonArray out;
    const auto note = [&out](bool differs, const char* field) {
        if (differs)
            out.append(QString::fromLatin1(field));
    };
    note(before.name != after.name, "name");
    note(before.host != after.host, "host");
    note(before.port != after.port, "port");
    note(before.transport != after.transport, "transport");
    note(before.serverName != after.serverName, "server_name");
    note(before.format != after.format, "format");
    note(before.caPem != after.caPem, "ca");
    note(before.caSha256 != after.caSha256, "fingerprint");
    note(before.clientCertPem != after.clientCertPem, "client_certificate");
    note(before.clientKeyPem != after.clientKeyPem, "client_key");
    note(before.alarmAfterMs != after.alarmAfterMs, "alarm_after_s");
    note(before.enabled != after.enabled, "enabled");
    return out;
}

} // namespace

Result<QList<forward::DestinationStatus>> ControlPlane::forwardingStatus(const Caller& caller, const QString& tenantId)
{
    Operation op{
        QStringLiteral("forwarding.read"), Permission::AuditRead, tenantId, {}, QStringLiteral("forward_destination")};
    op.readOnly = true;
    return perform<QList<forward::DestinationStatus>>(
        caller, op, [&](Context& ctx, QList<forward::DestinationStatus>& out) -> Result<void> {
            auto status = forward::readStatus(m_store, &tenantId, ctx.now);
            if (!status)
                return status.error();
            out = std::move(status).value();
            return {};
        });
}

Result<forward::Destination>
ControlPlane::createForwardDestination(const Caller& caller, const forward::Destination& input, bool fromBeginning)
{
    const QString tenantId = input.tenantId;
    Operation op{QString::fromLatin1(actionFor(tenantId, "create")),
                 tenantId.isEmpty() ? Permission::AuditManage : Permission::SettingsWrite,
                 tenantId,
                 {},
                 QStringLiteral("forward_destination")};
    op.name("name", input.name, Operation::Shape::Slug);
    op.mutates = true;
    return perform<forward::Destination>(caller, op, [&](Context& ctx, forward::Destination& out) -> Result<void> {
        out = input;
        out.id = encoding::newId(u"fwd");
        out.caSha256 = forward::normalizeFingerprint(input.caSha256).isEmpty()
                           ? input.caSha256
                           : forward::normalizeFingerprint(input.caSha256);
        out.createdAtMs = out.updatedAtMs = ctx.now;
        // From now on (the events after the newest one), or the whole trail.
        out.startSeq = 0;
        if (!fromBeginning) {
            auto last = m_audit.lastSeq();
            if (!last)
                return last.error();
            out.startSeq = last.value();
        }
        ctx.details = describe(out);
        ctx.details.insert(QStringLiteral("from"), fromBeginning ? QStringLiteral("beginning") : QStringLiteral("now"));
        if (auto v = checkName(out.name, QStringLiteral("destination name")); !v)
            return v;
        if (auto v = forward::validate(out); !v)
            return v;
        ctx.targetId = out.id;
        // A copy of the client key for the statement, wiped once it is bound and written.
        QByteArray key = out.clientKeyPem ? out.clientKeyPem->view().toByteArray() : QByteArray();
        const auto wipeKey = qScopeGuard([&key] {
            if (!key.isEmpty())
                OPENSSL_cleanse(key.data(), std::size_t(key.size()));
        });
        auto ins = sql::insertUnique(
            m_db, QStringLiteral("a forwarding destination named %1 already exists").arg(out.name),
            "INSERT INTO forward_destinations (id, tenant_id, name, transport, host, port, server_name, format, "
            "ca_pem, "
            "ca_sha256, client_cert_pem, client_key_pem, alarm_after_ms, enabled, start_seq, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?);",
            out.id, tenantId, out.name, out.transportName(), out.host, qint64(out.port), out.serverName,
            out.formatName(), QString::fromLatin1(out.caPem), out.caSha256, QString::fromLatin1(out.clientCertPem), key,
            out.alarmAfterMs, out.enabled, out.startSeq, out.createdAtMs, out.updatedAtMs);
        if (!ins)
            return ins;
        ctx.onCommit.push_back([this] {
            if (m_forwarder)
                m_forwarder->reload();
        });
        out.clientKeyPem.reset();
        return {};
    });
}

Result<forward::Destination> ControlPlane::updateForwardDestination(const Caller& caller, const QString& tenantId,
                                                                    const QString& destinationId,
                                                                    const forward::DestinationChange& change)
{
    Operation op{QString::fromLatin1(actionFor(tenantId, "update")),
                 tenantId.isEmpty() ? Permission::AuditManage : Permission::SettingsWrite,
                 tenantId,
                 {},
                 QStringLiteral("forward_destination"),
                 destinationId};
    op.mutates = true;
    return perform<forward::Destination>(caller, op, [&](Context& ctx, forward::Destination& out) -> Result<void> {
        auto current = forward::loadDestinations(m_db, &tenantId, false, true);
        if (!current)
            return current.error();
        const auto it = std::find_if(current.value().cbegin(), current.value().cend(),
                                     [&](const forward::Destination& d) { return d.id == destinationId; });
        if (it == current.value().cend())
            return notFound(QStringLiteral("forwarding destination"));
        out = forward::applied(*it, change);
        out.updatedAtMs = std::max(ctx.now, it->updatedAtMs + 1);
        const QString pin = forward::normalizeFingerprint(out.caSha256);
        if (!pin.isEmpty())
            out.caSha256 = pin;
        ctx.details = describe(out);
        ctx.details.insert(QStringLiteral("changed"), changedFields(*it, out));
        if (auto v = checkName(out.name, QStringLiteral("destination name")); !v)
            return v;
        if (auto v = forward::validate(out); !v)
            return v;
        // A copy of the client key for the statement, wiped once it is bound and written.
        QByteArray key = out.clientKeyPem ? out.clientKeyPem->view().toByteArray() : QByteArray();
        const auto wipeKey = qScopeGuard([&key] {
            if (!key.isEmpty())
                OPENSSL_cleanse(key.data(), std::size_t(key.size()));
        });
        auto r =
            sql::run(m_db,
                     "UPDATE forward_destinations SET name = ?, transport = ?, host = ?, port = ?, server_name = ?, "
                     "format = ?, ca_pem = ?, ca_sha256 = ?, client_cert_pem = ?, client_key_pem = ?, "
                     "alarm_after_ms = ?, enabled = ?, updated_at = ? WHERE id = ? AND tenant_id = ?;",
                     out.name, out.transportName(), out.host, qint64(out.port), out.serverName, out.formatName(),
                     QString::fromLatin1(out.caPem), out.caSha256, QString::fromLatin1(out.clientCertPem), key,
                     out.alarmAfterMs, out.enabled, out.updatedAtMs, out.id, tenantId);
        if (!r) {
            if (r.error().code == ErrorCode::AlreadyExists)
                return makeError(ErrorCode::Conflict,
                                 QStringLiteral("a forwarding destination named %1 already exists").arg(out.name));
            return r;
        }
        ctx.onCommit.push_back([this] {
            if (m_forwarder)
                m_forwarder->reload();
        });
        out.clientKeyPem.reset();
        return {};
    });
}

Result<void> ControlPlane::deleteForwardDestination(const Caller& caller, const QString& tenantId,
                                                    const QString& destinationId)
{
    Operation op{QString::fromLatin1(actionFor(tenantId, "delete")),
                 tenantId.isEmpty() ? Permission::AuditManage : Permission::SettingsWrite,
                 tenantId,
                 {},
                 QStringLiteral("forward_destination"),
                 destinationId};
    op.mutates = true;
    return execute(caller, op, [&](Context& ctx) -> Result<void> {
        auto name = sql::all(
            m_db, [](const store::Statement& s) { return s.text(0); },
            "SELECT name FROM forward_destinations WHERE id = ? AND tenant_id = ?;", destinationId, tenantId);
        if (!name)
            return name.error();
        if (name.value().isEmpty())
            return notFound(QStringLiteral("forwarding destination"));
        ctx.details = {{QStringLiteral("name"), name.value().front()}};
        if (auto r = sql::run(m_db, "DELETE FROM forward_destinations WHERE id = ? AND tenant_id = ?;", destinationId,
                              tenantId);
            !r)
            return r;
        ctx.onCommit.push_back([this] {
            if (m_forwarder)
                m_forwarder->reload();
        });
        return {};
    });
}

Result<void> ControlPlane::startForwarding(const forward::Forwarder::Config& tuning)
{
    stopForwarding();
    m_forwardTuning.confirmMs = tuning.confirmMs;
    m_forwardTuning.batchEvents = tuning.batchEvents;
    m_forwardTuning.backoffMinMs = tuning.backoffMinMs;
    m_forwardTuning.backoffMaxMs = tuning.backoffMaxMs;
    m_forwardTuning.connectTimeoutMs = tuning.connectTimeoutMs;
    m_forwardTuning.sendTimeoutMs = tuning.sendTimeoutMs;
    auto logKey = m_store.databaseKey();
    if (!logKey)
        return logKey.error();
    forward::Forwarder::Config config;
    config.logPath = m_db.path();
    config.logKey = std::move(logKey).value();
    auto stateKey = m_store.deriveKey(forward::kStateKeyLabel);
    if (!stateKey)
        return stateKey.error();
    config.statePath = forward::statePath(m_store.dataDir());
    config.stateKey = std::move(stateKey).value();
    config.confirmMs = tuning.confirmMs;
    config.batchEvents = tuning.batchEvents;
    config.backoffMinMs = tuning.backoffMinMs;
    config.backoffMaxMs = tuning.backoffMaxMs;
    config.connectTimeoutMs = tuning.connectTimeoutMs;
    config.sendTimeoutMs = tuning.sendTimeoutMs;
    config.onAlarm = [this](const forward::Destination& d, bool raised, qint64 unreachableMs, const QString& error) {
        recordForwardingAlarm(d, raised, unreachableMs, error);
    };
    auto forwarder = forward::Forwarder::open(std::move(config));
    if (!forwarder)
        return forwarder.error();
    QMutexLocker lock(&m_mutex);
    m_forwarder = std::move(forwarder).value();
    // What the log held when it was opened is on the disk (a clean stop syncs; recovery reads only what survived).
    if (m_syncedSeq == 0) {
        auto last = m_audit.lastSeq();
        m_syncedSeq = last ? last.value() : 0;
    }
    m_forwarder->notify(m_syncedSeq);
    m_forwarder->start();
    return {};
}

bool ControlPlane::stopForwarding()
{
    std::unique_ptr<forward::Forwarder> forwarder;
    {
        QMutexLocker lock(&m_mutex);
        forwarder = std::move(m_forwarder);
    }
    // Stopped outside the lock: its thread may be recording an alarm through the control plane.
    const bool running = forwarder != nullptr;
    forwarder.reset();
    return running;
}

void ControlPlane::recordForwardingAlarm(const forward::Destination& d, bool raised, qint64 unreachableMs,
                                         const QString& lastError)
{
    Operation op{QStringLiteral("forwarding.alarm"),    kNoPermission, d.tenantId, {},
                 QStringLiteral("forward_destination"), d.id};
    op.systemOnly = true;
    auto r = execute(Caller::system(Source::System), op, [&](Context& ctx) -> Result<void> {
        ctx.details = {{QStringLiteral("name"), d.name},
                       {QStringLiteral("state"), raised ? QStringLiteral("raised") : QStringLiteral("cleared")},
                       {QStringLiteral("unreachable_s"), unreachableMs / 1000},
                       {QStringLiteral("alarm_after_s"), d.alarmAfterMs / 1000},
                       {QStringLiteral("last_error"), lastError.left(300)}};
        return {};
    });
    if (!r)
        qCWarning(lcStore) << "cannot record the forwarding alarm:" << r.error().message;
}

} // namespace gatehouse::service
