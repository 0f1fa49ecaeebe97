// Authorization decision latency and sign-in cost. A program that prints figures; it asserts nothing.
//
//   bench_authz [decisions]
//
// Data: 10 tenants x 1,000 identities = 10,000 identities, 100,000 bindings (10 per identity, tenant-wide and
// per-workspace, over built-in and custom roles). Baseline, side by side: the same decisions answered by an
// indexed SQL query on the same data in plain SQLite (the SQLCipher library without a key).
#include "ControlPlaneFixture.h"
#include "authz/Authorizer.h"
#include "crypto/PasswordHasher.h"

#include <QCoreApplication>
#include <QRandomGenerator>
#include <QTextStream>

#include <sqlite3.h>

#include <algorithm>
#include <chrono>

using namespace gatehouse;
using Steady = std::chrono::steady_clock;

namespace {

struct Stats
{
    double p50, p99, p999, mean;
};

Stats summarise(std::vector<double>& ns)
{
    std::sort(ns.begin(), ns.end());
    double sum = 0;
    for (double v : ns)
        sum += v;
    auto at = [&ns](double q) {
        return ns[std::min(ns.size() - 1, std::size_t(q * double(ns.size())))];
    };
    return {at(0.50), at(0.99), at(0.999), sum / double(ns.size())};
}

struct Query
{
    QString identity, tenant, workspace;
    authz::Permission permission;
};

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const int decisions = argc > 1 ? QString::fromLatin1(argv[1]).toInt() : 1'000'000;
    QTextStream out(stdout);
    QRandomGenerator rng(42);

    constexpr int kTenants = 10, kIdentitiesPerTenant = 1000, kWorkspaces = 100, kBindingsPerIdentity = 10;
    const QStringList builtin{authz::builtin::kTenantOwner, authz::builtin::kTenantAdmin,
                              authz::builtin::kSecurityReviewer, authz::builtin::kSecretsManager,
                              authz::builtin::kMember};
    authz::Authorizer authorizer;
    sqlite3* db = nullptr;
    sqlite3_open(":memory:", &db);
    sqlite3_exec(db,
                 "CREATE TABLE roles (id TEXT PRIMARY KEY, perms INTEGER);"
                 "CREATE TABLE bindings (id TEXT PRIMARY KEY, tenant_id TEXT, identity_id TEXT, role_id TEXT, "
                 "workspace_id TEXT); CREATE INDEX b_identity ON bindings (identity_id);",
                 nullptr, nullptr, nullptr);
    sqlite3_stmt* insRole = nullptr;
    sqlite3_stmt* insBinding = nullptr;
    sqlite3_prepare_v2(db, "INSERT INTO roles VALUES (?, ?);", -1, &insRole, nullptr);
    sqlite3_prepare_v2(db, "INSERT INTO bindings VALUES (?, ?, ?, ?, ?);", -1, &insBinding, nullptr);
    sqlite3_exec(db, "BEGIN;", nullptr, nullptr, nullptr);
    auto text = [](sqlite3_stmt* s, int i, const QString& v) {
        const QByteArray b = v.toUtf8();
        sqlite3_bind_text(s, i, b.constData(), int(b.size()), SQLITE_TRANSIENT);
    };
    for (const authz::Role& r : authz::builtin::roles()) {
        text(insRole, 1, r.id);
        sqlite3_bind_int64(insRole, 2, qint64(r.permissions.bits()));
        sqlite3_step(insRole);
        sqlite3_reset(insRole);
    }
    std::vector<Query> queries;
    int bindingCount = 0;
    const auto permissionCount = int(authz::Permission::Count_);
    for (int t = 0; t < kTenants; ++t) {
        const QString tenant = QStringLiteral("ten_%1").arg(t);
        QStringList roleIds = builtin;
        for (int r = 0; r < 20; ++r) {
            authz::Role role;
            role.id = QStringLiteral("rol_%1_%2").arg(t).arg(r);
            role.tenantId = tenant;
            role.level = authz::Level::Tenant;
            role.permissions =
                authz::PermissionSet::fromBits(rng.generate64() & authz::allPermissions(authz::Level::Tenant).bits());
            authorizer.putRole(role);
            roleIds << role.id;
            text(insRole, 1, role.id);
            sqlite3_bind_int64(insRole, 2, qint64(role.permissions.bits()));
            sqlite3_step(insRole);
            sqlite3_reset(insRole);
        }
        for (int i = 0; i < kIdentitiesPerTenant; ++i) {
            const QString identity = QStringLiteral("usr_%1_%2").arg(t).arg(i);
            for (int b = 0; b < kBindingsPerIdentity; ++b) {
                const QString workspace =
                    b == 0 ? QString() : QStringLiteral("wsp_%1_%2").arg(t).arg(rng.bounded(kWorkspaces));
                const authz::Binding binding{QStringLiteral("bnd_%1").arg(bindingCount++),
                                             tenant,
                                             QStringLiteral("user"),
                                             identity,
                                             roleIds[rng.bounded(roleIds.size())],
                                             workspace,
                                             0};
                authorizer.putBinding(binding);
                text(insBinding, 1, binding.id);
                text(insBinding, 2, binding.tenantId);
                text(insBinding, 3, binding.identityId);
                text(insBinding, 4, binding.roleId);
                text(insBinding, 5, binding.workspaceId);
                sqlite3_step(insBinding);
                sqlite3_reset(insBinding);
            }
        }
    }
    sqlite3_exec(db, "COMMIT;", nullptr, nullptr, nullptr);
    for (int q = 0; q < 4096; ++q) {
        const int t = int(rng.bounded(kTenants));
        queries.push_back(
            {QStringLiteral("usr_%1_%2").arg(t).arg(rng.bounded(kIdentitiesPerTenant)), QStringLiteral("ten_%1").arg(t),
             rng.bounded(4) == 0 ? QString() : QStringLiteral("wsp_%1_%2").arg(t).arg(rng.bounded(kWorkspaces)),
             authz::Permission(rng.bounded(permissionCount))});
    }

    // In-process decisions.
    std::vector<double> ns;
    ns.reserve(std::size_t(decisions));
    int allowed = 0;
    for (int i = 0; i < decisions; ++i) {
        const Query& q = queries[std::size_t(i) % queries.size()];
        const auto start = Steady::now();
        const authz::Decision d = authorizer.decide(q.identity, q.permission, q.tenant, q.workspace);
        ns.push_back(double(std::chrono::duration_cast<std::chrono::nanoseconds>(Steady::now() - start).count()));
        allowed += d.allowed;
    }
    const Stats mem = summarise(ns);

    // Baseline: the same decisions by indexed SQL query (prepared once), plain SQLite in memory.
    sqlite3_stmt* check = nullptr;
    sqlite3_prepare_v2(
        db,
        "SELECT 1 FROM bindings b JOIN roles r ON r.id = b.role_id WHERE b.identity_id = ? "
        "AND b.tenant_id = ? AND (b.workspace_id = '' OR b.workspace_id = ?) AND (r.perms & ?) <> 0 LIMIT 1;",
        -1, &check, nullptr);
    const int sqlDecisions = std::min(decisions, 200'000);
    std::vector<double> sqlNs;
    int sqlAllowed = 0;
    for (int i = 0; i < sqlDecisions; ++i) {
        const Query& q = queries[std::size_t(i) % queries.size()];
        const auto start = Steady::now();
        text(check, 1, q.identity);
        text(check, 2, q.tenant);
        text(check, 3, q.workspace);
        sqlite3_bind_int64(check, 4, qint64(1) << int(q.permission));
        const bool yes = sqlite3_step(check) == SQLITE_ROW;
        sqlite3_reset(check);
        sqlNs.push_back(double(std::chrono::duration_cast<std::chrono::nanoseconds>(Steady::now() - start).count()));
        sqlAllowed += yes;
    }
    const Stats sql = summarise(sqlNs);
    // Both answer the same questions; on the first sqlDecisions they must agree.
    int agree = 0;
    for (int i = 0; i < sqlDecisions; ++i) {
        const Query& q = queries[std::size_t(i) % queries.size()];
        text(check, 1, q.identity);
        text(check, 2, q.tenant);
        text(check, 3, q.workspace);
        sqlite3_bind_int64(check, 4, qint64(1) << int(q.permission));
        const bool yes = sqlite3_step(check) == SQLITE_ROW;
        sqlite3_reset(check);
        agree += yes == authorizer.decide(q.identity, q.permission, q.tenant, q.workspace).allowed;
    }
    sqlite3_finalize(check);
    sqlite3_finalize(insRole);
    sqlite3_finalize(insBinding);
    sqlite3_close(db);

    out << "Authorization decisions: " << kTenants << " tenants, " << kTenants * kIdentitiesPerTenant << " identities, "
        << bindingCount << " bindings\n";
    out << QStringLiteral("  %1 %2 %3 %4 %5\n")
               .arg(QStringLiteral("engine"), -34)
               .arg(QStringLiteral("p50 ns"), 9)
               .arg(QStringLiteral("p99 ns"), 9)
               .arg(QStringLiteral("p99.9 ns"), 9)
               .arg(QStringLiteral("mean ns"), 9);
    auto row = [&out](const QString& name, const Stats& s) {
        out << QStringLiteral("  %1 %2 %3 %4 %5\n")
                   .arg(name, -34)
                   .arg(s.p50, 9, 'f', 0)
                   .arg(s.p99, 9, 'f', 0)
                   .arg(s.p999, 9, 'f', 0)
                   .arg(s.mean, 9, 'f', 0);
    };
    row(QStringLiteral("Gatehouse Authorizer (in memory)"), mem);
    row(QStringLiteral("baseline: indexed SQL, plain SQLite"), sql);
    out << QStringLiteral("  ratio baseline/Gatehouse at p99: %1x; decisions: %2 (%3% allowed); agreement with "
                          "baseline: %4/%5\n")
               .arg(sql.p99 / mem.p99, 0, 'f', 1)
               .arg(decisions)
               .arg(100.0 * allowed / decisions, 0, 'f', 1)
               .arg(agree)
               .arg(sqlDecisions);

    // Sign-in cost with the chosen Argon2id parameters.
    const auto params = crypto::PasswordHasher::defaults();
    const SecureBytes password = test::secret(test::kPassword);
    const QString hash = crypto::PasswordHasher::hash(password).value();
    std::vector<double> verify;
    for (int i = 0; i < 20; ++i) {
        const auto start = Steady::now();
        (void)crypto::PasswordHasher::verify(hash, password);
        verify.push_back(double(std::chrono::duration_cast<std::chrono::microseconds>(Steady::now() - start).count()) /
                         1000.0);
    }
    const Stats v = summarise(verify);
    test::ControlPlaneFixture f;
    if (!f.setUp()) {
        out << "cannot set up a store for the sign-in measurement\n";
        return 1;
    }
    std::vector<double> signIn;
    for (int i = 0; i < 20; ++i) {
        const auto start = Steady::now();
        auto s = f.cp->signIn(test::ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                              password);
        signIn.push_back(double(std::chrono::duration_cast<std::chrono::microseconds>(Steady::now() - start).count()) /
                         1000.0);
        if (!s) {
            out << "sign-in failed: " << s.error().message << "\n";
            return 1;
        }
    }
    const Stats si = summarise(signIn);
    out << "Sign-in cost, Argon2id m=" << params.memoryKiB / 1024 << " MiB t=" << params.iterations
        << " p=" << params.parallelism << ":\n";
    out << QStringLiteral("  password verification alone      p50 %1 ms, p99 %2 ms\n")
               .arg(v.p50, 0, 'f', 1)
               .arg(v.p99, 0, 'f', 1);
    out << QStringLiteral("  full sign-in (session + audit)   p50 %1 ms, p99 %2 ms (durable commit included)\n")
               .arg(si.p50, 0, 'f', 1)
               .arg(si.p99, 0, 'f', 1);
    return 0;
}
