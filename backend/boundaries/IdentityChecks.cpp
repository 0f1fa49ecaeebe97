#include "CheckSupport.h"

#include "authz/Role.h"
#include "crypto/PasswordHasher.h"

#include <QRegularExpression>

namespace gatehouse::boundaries {

using namespace detail;
namespace sql = store::sql;

namespace {

QString costOf(const crypto::Argon2Params& p)
{
    return QStringLiteral("Argon2id m=%1 KiB, t=%2, p=%3").arg(p.memoryKiB).arg(p.iterations).arg(p.parallelism);
}

} // namespace

// Administrators: every active platform user (all of them administer the platform), and every active tenant user
// bound to the built-in Tenant Owner or Tenant Admin role. Any of them without an enrolled authenticator fails.
ControlResult checkMfaAdmins(CheckInput& in)
{
    struct Admin
    {
        QString id, username, tenant;
        bool mfa;
    };
    auto admins = sql::all(
        in.db,
        [](const store::Statement& s) {
            return Admin{s.text(0), s.text(1), s.text(2), s.int64(3) != 0};
        },
        "SELECT u.id, u.username, t.name, u.totp_secret IS NOT NULL FROM users u JOIN tenants t ON t.id = u.tenant_id "
        "WHERE u.status = 'active' AND (u.tenant_id = '' OR EXISTS (SELECT 1 FROM bindings b WHERE b.identity_id = "
        "u.id AND b.identity_kind = 'user' AND b.role_id IN (?, ?))) ORDER BY u.tenant_id, u.username;",
        authz::builtin::kTenantOwner, authz::builtin::kTenantAdmin);
    if (!admins)
        return unmeasurable(admins.error());
    auto requiring =
        scalar(in.db, "SELECT count(*) FROM tenants WHERE status != 'platform' AND require_mfa_admins != 0;");
    auto tenants = scalar(in.db, "SELECT count(*) FROM tenants WHERE status != 'platform';");
    if (!requiring || !tenants)
        return unmeasurable(!requiring ? requiring.error() : tenants.error());
    int platform = 0, platformWith = 0, with = 0;
    QStringList missing;
    for (const Admin& a : admins.value()) {
        const bool onPlatform = a.tenant.isEmpty();
        platform += onPlatform;
        platformWith += onPlatform && a.mfa;
        with += a.mfa;
        if (!a.mfa)
            missing << QStringLiteral("%1 (%2, %3)").arg(a.id, a.username, tenantLabel(a.tenant));
    }
    const int all = int(admins.value().size());
    QList<Evidence> ev{
        {QStringLiteral("administrators_with_mfa"), QStringLiteral("%1 of %2").arg(with).arg(all)},
        {QStringLiteral("platform_administrators_with_mfa"),
         QStringLiteral("%1 of %2").arg(platformWith).arg(platform)},
        {QStringLiteral("tenant_administrators_with_mfa"),
         QStringLiteral("%1 of %2").arg(with - platformWith).arg(all - platform)},
        {QStringLiteral("tenants_requiring_mfa_for_admins"),
         QStringLiteral("%1 of %2").arg(requiring.value()).arg(tenants.value())},
    };
    if (!missing.isEmpty())
        ev.append({QStringLiteral("missing"), listed(missing)});
    if (all == 0)
        return make(Status::Warn, QStringLiteral("no active administrator to measure"), ev);
    if (!missing.isEmpty())
        return make(
            Status::Fail,
            QStringLiteral("%1 of %2 administrators have MFA; %3 without").arg(with).arg(all).arg(missing.size()), ev);
    return make(Status::Pass, QStringLiteral("all %1 administrators have MFA").arg(all), ev);
}

ControlResult checkSessionLimits(CheckInput& in)
{
    struct Limits
    {
        QString tenant;
        qint64 idle, absolute;
    };
    auto rows = sql::all(
        in.db,
        [](const store::Statement& s) {
            return Limits{s.text(0), s.int64(1), s.int64(2)};
        },
        "SELECT name, session_idle_s, session_absolute_s FROM tenants ORDER BY status = 'platform' DESC, name;");
    if (!rows)
        return unmeasurable(rows.error());
    QStringList all, over;
    qint64 maxIdle = 0, maxAbsolute = 0;
    for (const Limits& l : rows.value()) {
        const QString line = QStringLiteral("%1: idle %2, absolute %3")
                                 .arg(tenantLabel(l.tenant), duration(l.idle * 1000), duration(l.absolute * 1000));
        all << line;
        maxIdle = std::max(maxIdle, l.idle);
        maxAbsolute = std::max(maxAbsolute, l.absolute);
        if (l.idle > thresholds::kSessionIdleWarnS || l.absolute > thresholds::kSessionAbsoluteWarnS)
            over << line;
    }
    QList<Evidence> ev{
        {QStringLiteral("longest_idle_timeout"), duration(maxIdle * 1000)},
        {QStringLiteral("longest_absolute_lifetime"), duration(maxAbsolute * 1000)},
        {QStringLiteral("limits"), listed(all)},
        {QStringLiteral("warn_above"),
         QStringLiteral("idle %1, absolute %2")
             .arg(duration(thresholds::kSessionIdleWarnS * 1000), duration(thresholds::kSessionAbsoluteWarnS * 1000))},
    };
    if (!over.isEmpty()) {
        ev.append({QStringLiteral("above_limits"), listed(over)});
        return make(
            Status::Warn,
            QStringLiteral("%1 of %2 scopes allow sessions longer than recommended").arg(over.size()).arg(all.size()),
            ev);
    }
    return make(Status::Pass,
                QStringLiteral("sessions end after at most %1 idle and %2 in all")
                    .arg(duration(maxIdle * 1000), duration(maxAbsolute * 1000)),
                ev);
}

ControlResult checkAccountStatus(CheckInput& in)
{
    auto locked = scalar(in.db, "SELECT count(*) FROM users WHERE status = 'locked';");
    auto disabled = scalar(in.db, "SELECT count(*) FROM users WHERE status = 'disabled';");
    auto active = scalar(in.db, "SELECT count(*) FROM users WHERE status = 'active';");
    if (!locked || !disabled || !active)
        return unmeasurable(!locked ? locked.error() : !disabled ? disabled.error() : active.error());
    auto live = sql::all(
        in.db,
        [](const store::Statement& s) { return QStringLiteral("%1 (%2, %3)").arg(s.text(0), s.text(1), s.text(2)); },
        "SELECT DISTINCT u.id, u.username, u.status FROM sessions s JOIN users u ON u.id = s.user_id "
        "WHERE u.status != 'active' AND s.ended_at IS NULL AND s.expires_at > ? ORDER BY u.id;",
        in.nowMs);
    auto lockedOut = sql::all(
        in.db,
        [](const store::Statement& s) {
            return QStringLiteral("%1 (%2, %3)").arg(s.text(0), s.text(1), tenantLabel(s.text(2)));
        },
        "SELECT u.id, u.username, t.name FROM users u JOIN tenants t ON t.id = u.tenant_id "
        "WHERE u.locked_until > ? OR u.totp_locked_until > ? ORDER BY u.id;",
        in.nowMs, in.nowMs);
    if (!live || !lockedOut)
        return unmeasurable(!live ? live.error() : lockedOut.error());
    QList<Evidence> ev{{QStringLiteral("active_accounts"), QString::number(active.value())},
                       {QStringLiteral("locked_accounts"), QString::number(locked.value())},
                       {QStringLiteral("disabled_accounts"), QString::number(disabled.value())},
                       {QStringLiteral("locked_out_now"), QString::number(lockedOut.value().size())}};
    if (!lockedOut.value().isEmpty())
        ev.append({QStringLiteral("locked_out_accounts"), listed(lockedOut.value())});
    if (!live.value().isEmpty()) {
        ev.append({QStringLiteral("inactive_accounts_with_live_sessions"), listed(live.value())});
        return make(Status::Fail,
                    QStringLiteral("%1 locked or disabled accounts still hold a live session").arg(live.value().size()),
                    ev);
    }
    if (!lockedOut.value().isEmpty())
        return make(Status::Warn,
                    QStringLiteral("%1 accounts are locked out after failed sign-ins").arg(lockedOut.value().size()),
                    ev);
    return make(Status::Pass, QStringLiteral("no locked or disabled account holds a session; no lockout in effect"),
                ev);
}

// The cost of each stored hash is read from its PHC parameters; the hash itself never leaves this function.
ControlResult checkPasswordHashing(CheckInput& in)
{
    struct Stored
    {
        QString id, username;
        crypto::Argon2Params params;
        bool parsed;
    };
    static const QRegularExpression re(QStringLiteral("^\\$argon2id\\$v=19\\$m=(\\d+),t=(\\d+),p=(\\d+)\\$"));
    auto rows = sql::all(
        in.db,
        [](const store::Statement& s) {
            const auto m = re.match(s.text(2));
            Stored st{s.text(0), s.text(1), {}, m.hasMatch()};
            if (st.parsed)
                st.params = {m.captured(1).toUInt(), m.captured(2).toUInt(), m.captured(3).toUInt()};
            return st;
        },
        "SELECT id, username, password_hash FROM users ORDER BY id;");
    if (!rows)
        return unmeasurable(rows.error());
    const crypto::Argon2Params running = crypto::PasswordHasher::defaults();
    const crypto::Argon2Params floor = crypto::Argon2Params::minimum();
    QStringList weak;
    int current = 0, upgrade = 0;
    for (const Stored& s : rows.value()) {
        if (!s.parsed || !s.params.isAtLeast(floor))
            weak << QStringLiteral("%1 (%2)").arg(s.id, s.username);
        else if (s.params.isAtLeast(running))
            ++current;
        else
            ++upgrade;
    }
    QList<Evidence> ev{{QStringLiteral("running_cost"), costOf(running)},
                       {QStringLiteral("minimum_cost"), costOf(floor) + QStringLiteral(" (OWASP)")},
                       {QStringLiteral("stored_hashes"), QString::number(rows.value().size())},
                       {QStringLiteral("at_running_cost"), QString::number(current)},
                       {QStringLiteral("upgraded_at_next_sign_in"), QString::number(upgrade)},
                       {QStringLiteral("below_minimum"), QString::number(weak.size())}};
    if (!weak.isEmpty())
        ev.append({QStringLiteral("below_minimum_accounts"), listed(weak)});
    if (!running.isAtLeast(floor) || !weak.isEmpty())
        return make(Status::Fail,
                    QStringLiteral("%1 stored password hashes are below the minimum cost").arg(weak.size()), ev);
    if (upgrade > 0)
        return make(
            Status::Warn,
            QStringLiteral("%1 stored hashes use an older, lower cost (upgraded at their next sign-in)").arg(upgrade),
            ev);
    return make(Status::Pass, QStringLiteral("every password hash uses %1").arg(costOf(running)), ev);
}

ControlResult checkIntegrationTokens(CheckInput& in)
{
    struct Token
    {
        QString id, integration, tenant;
        qint64 created, expires, lastUsed;
    };
    auto rows = sql::all(
        in.db,
        [](const store::Statement& s) {
            return Token{s.text(0), s.text(1), s.text(2), s.int64(3), s.int64(4), s.int64(5)};
        },
        "SELECT k.id, i.name, t.name, k.created_at, k.expires_at, coalesce(k.last_used_at, 0) FROM api_tokens k "
        "JOIN integrations i ON i.id = k.integration_id JOIN tenants t ON t.id = k.tenant_id "
        "WHERE k.revoked_at IS NULL AND k.expires_at > ? ORDER BY k.id;",
        in.nowMs);
    if (!rows)
        return unmeasurable(rows.error());
    QStringList longLived, unused;
    for (const Token& t : rows.value()) {
        const QString label = QStringLiteral("%1 (integration %2, %3)").arg(t.id, t.integration, t.tenant);
        if (t.expires - t.created > thresholds::kTokenLifetimeWarnMs)
            longLived << label;
        if (in.nowMs - std::max(t.created, t.lastUsed) > thresholds::kTokenUnusedWarnMs)
            unused << label + QStringLiteral(", idle %1").arg(duration(in.nowMs - std::max(t.created, t.lastUsed)));
    }
    QList<Evidence> ev{{QStringLiteral("live_tokens"), QString::number(rows.value().size())},
                       {QStringLiteral("living_longer_than_365_days"), QString::number(longLived.size())},
                       {QStringLiteral("unused_for_90_days"), QString::number(unused.size())}};
    if (!longLived.isEmpty())
        ev.append({QStringLiteral("long_lived_tokens"), listed(longLived)});
    if (!unused.isEmpty())
        ev.append({QStringLiteral("unused_tokens"), listed(unused)});
    if (!longLived.isEmpty() || !unused.isEmpty())
        return make(Status::Warn,
                    QStringLiteral("%1 live tokens are long-lived or unused; revoke what is not needed")
                        .arg(longLived.size() + unused.size()),
                    ev);
    return make(
        Status::Pass,
        QStringLiteral("%1 live integration tokens, all in use and expiring within a year").arg(rows.value().size()),
        ev);
}

} // namespace gatehouse::boundaries
