#include "CheckSupport.h"

#include "crypto/Argon2id.h"
#include "secrets/TenantKeyRing.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QMap>

#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::boundaries {

using namespace detail;
namespace sql = store::sql;

ControlResult checkKeyCustody(CheckInput& in)
{
    const keys::KeyCustody& c = in.store.config().custody;
    QList<Evidence> ev{{QStringLiteral("provider"), keys::KeyCustody::kindName(c.kind)}};
    switch (c.kind) {
    case keys::KeyCustody::Kind::Keychain:
        ev.append({QStringLiteral("keychain_service"), c.keychainService});
        return make(Status::Pass, QStringLiteral("the master key is held by the OS keychain"), ev);
    case keys::KeyCustody::Kind::Passphrase: {
        ev.append({QStringLiteral("kdf"), QStringLiteral("Argon2id m=%1 KiB, t=%2, p=%3")
                                              .arg(c.kdf.memoryKiB)
                                              .arg(c.kdf.iterations)
                                              .arg(c.kdf.parallelism)});
        if (!c.kdf.isAtLeast(crypto::Argon2Params::minimum()))
            return make(Status::Fail, QStringLiteral("the passphrase KDF is below the minimum cost"), ev);
        return make(Status::Pass, QStringLiteral("the master key is derived from a passphrase (Argon2id)"), ev);
    }
    case keys::KeyCustody::Kind::KeyFile: {
        ev.append({QStringLiteral("key_file"), c.keyFile});
        struct stat st
        {};
        if (::stat(QFile::encodeName(c.keyFile).constData(), &st) != 0) {
            ev.append({QStringLiteral("state"), QStringLiteral("missing")});
            return make(Status::Fail, QStringLiteral("the key file is missing"), ev);
        }
        const unsigned mode = st.st_mode & 07777;
        ev.append({QStringLiteral("mode"), QString::number(mode, 8).rightJustified(4, u'0')});
        ev.append({QStringLiteral("owned_by_this_user"),
                   st.st_uid == ::getuid() ? QStringLiteral("yes") : QStringLiteral("no")});
        const QString dir = QDir::cleanPath(in.store.dataDir()) + u'/';
        const bool beside = QDir::cleanPath(c.keyFile).startsWith(dir);
        ev.append({QStringLiteral("inside_data_directory"), beside ? QStringLiteral("yes") : QStringLiteral("no")});
        if (!S_ISREG(st.st_mode) || (mode & 077) || st.st_uid != ::getuid())
            return make(Status::Fail,
                        QStringLiteral("the key file is mode %1; it must be 0600 and owned by the server's user")
                            .arg(QString::number(mode, 8).rightJustified(4, u'0')),
                        ev);
        if (beside)
            return make(Status::Warn,
                        QStringLiteral("the key file lies inside the data directory: a copy of the directory carries "
                                       "its key"),
                        ev);
        return make(Status::Pass, QStringLiteral("the master key is in a key file private to its owner"), ev);
    }
    }
    return make(Status::Fail, QStringLiteral("unknown key custody"), ev);
}

ControlResult checkRotationOverdue(CheckInput& in)
{
    struct Row
    {
        QString tenant, workspace, name;
        qint64 rotationDays, nextRotation, expires;
    };
    auto rows = sql::all(
        in.db,
        [](const store::Statement& s) {
            return Row{s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5)};
        },
        "SELECT t.name, w.name, s.name, s.rotation_days, s.next_rotation_at, s.expires_at FROM secrets s "
        "JOIN tenants t ON t.id = s.tenant_id JOIN workspaces w ON w.id = s.workspace_id WHERE s.deleted_at = 0 AND "
        "((s.rotation_days > 0 AND s.next_rotation_at <= ?) OR (s.expires_at > 0 AND s.expires_at <= ?)) "
        "ORDER BY t.name, w.name, s.name;",
        in.nowMs, in.nowMs);
    auto rotating = scalar(in.db, "SELECT count(*) FROM secrets WHERE deleted_at = 0 AND rotation_days > 0;");
    if (!rows || !rotating)
        return unmeasurable(!rows ? rows.error() : rotating.error());
    QMap<QString, int> perTenant;
    QStringList lines;
    int overdue = 0, longOverdue = 0, expired = 0;
    for (const Row& r : rows.value()) {
        const QString where = QStringLiteral("%1/%2/%3").arg(r.tenant, r.workspace, r.name);
        perTenant[r.tenant] += 1;
        if (r.expires > 0 && r.expires <= in.nowMs) {
            ++expired;
            lines << QStringLiteral("%1 (expired %2 ago)").arg(where, duration(in.nowMs - r.expires));
            continue;
        }
        ++overdue;
        const qint64 late = in.nowMs - r.nextRotation;
        longOverdue += late > thresholds::kRotationOverdueFailMs;
        lines << QStringLiteral("%1 (rotation overdue %2)").arg(where, duration(late));
    }
    QStringList tenants;
    for (auto it = perTenant.cbegin(); it != perTenant.cend(); ++it)
        tenants << QStringLiteral("%1: %2").arg(it.key()).arg(it.value());
    QList<Evidence> ev{{QStringLiteral("secrets_with_rotation_period"), QString::number(rotating.value())},
                       {QStringLiteral("rotation_overdue"), QString::number(overdue)},
                       {QStringLiteral("overdue_more_than_30_days"), QString::number(longOverdue)},
                       {QStringLiteral("expired"), QString::number(expired)}};
    if (!lines.isEmpty()) {
        ev.append({QStringLiteral("per_tenant"), tenants.join(QStringLiteral(", "))});
        ev.append({QStringLiteral("secrets"), listed(lines)});
    }
    if (expired > 0 || longOverdue > 0)
        return make(Status::Fail,
                    QStringLiteral("%1 secrets expired, %2 overdue for rotation by more than 30 days")
                        .arg(expired)
                        .arg(longOverdue),
                    ev);
    if (overdue > 0)
        return make(Status::Warn, QStringLiteral("%1 secrets are overdue for rotation").arg(overdue), ev);
    return make(
        Status::Pass,
        QStringLiteral("no secret is overdue for rotation or expired (%1 rotate on a schedule)").arg(rotating.value()),
        ev);
}

ControlResult checkTenantKeysWrapped(CheckInput& in)
{
    int count = 0;
    auto bad = in.keyRing.unopenableKeys(&count);
    if (!bad)
        return unmeasurable(bad.error());
    QList<Evidence> ev{
        {QStringLiteral("tenant_keys"), QString::number(count)},
        {QStringLiteral("wrapping"), QStringLiteral("AES-256-GCM under a key derived from the master key")},
        {QStringLiteral("not_opening"), QString::number(bad.value().size())}};
    if (!bad.value().isEmpty()) {
        ev.append({QStringLiteral("tenants"), listed(bad.value())});
        return make(Status::Fail,
                    QStringLiteral("%1 of %2 tenant keys do not open under the current master key")
                        .arg(bad.value().size())
                        .arg(count),
                    ev);
    }
    return make(Status::Pass,
                QStringLiteral("all %1 tenant keys are stored wrapped and open under the current master "
                               "key")
                    .arg(count),
                ev);
}

} // namespace gatehouse::boundaries
