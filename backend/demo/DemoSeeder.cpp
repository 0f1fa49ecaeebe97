#include "DemoSeeder.h"

#include "authz/Role.h"
#include "core/Encoding.h"
#include "crypto/Random.h"
#include "crypto/Totp.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QDateTime>
#include <QRandomGenerator>
#include <QStringList>

#include <algorithm>
#include <memory>

namespace gatehouse::demo {

namespace {

using service::Caller;
using service::Source;

constexpr qint64 kSecond = 1000;
constexpr qint64 kMinute = 60 * kSecond;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kProgressEvery = 250;

// The control plane of the seeder reads the time here; the seeder moves it, only ever forward, so the audit
// trail's times grow with its sequence numbers.
class SeederClock final : public Clock
{
public:
    qint64 nowMs() const override { return m_now; }
    void moveTo(qint64 ms) { m_now = std::max(m_now, ms); }
    void advance(qint64 ms) { m_now += std::max<qint64>(ms, 1); }

private:
    qint64 m_now = 0;
};

// --- the demo's cast ----------------------------------------------------------------------------------------

const QString kReleaseManager = QStringLiteral("release-manager");

struct PersonSpec
{
    const char* username;
    const char* displayName;
    QString roleId;        // a built-in role, or kReleaseManager for the tenant's custom role
    const char* workspace; // nullptr: bound tenant-wide
    bool mfa;
};

struct TenantSpec
{
    const char* name;
    const char* displayName;
    bool mfaForAdmins;
    QList<std::pair<const char*, const char*>> workspaces; // name, display name; the first is production
    QList<PersonSpec> people;                              // the first is the Tenant Owner
};

QList<TenantSpec> tenantSpecs()
{
    using namespace authz::builtin;
    return {
        {"acme",
         "Acme Corporation",
         true,
         {{"prod", "Production"}, {"staging", "Staging"}, {"dev", "Development"}},
         {{"alice", "Alice Moreau", kTenantOwner, nullptr, true},
          {"bob", "Bob Lindqvist", kTenantAdmin, nullptr, true},
          {"carol", "Carol Osei", kSecurityReviewer, nullptr, false},
          {"dave", "Dave Kowalski", kSecretsManager, nullptr, true},
          {"erin", "Erin Novak", kMember, "prod", false},
          {"frank", "Frank Ito", kMember, "dev", false},
          {"grace", "Grace Adeyemi", kReleaseManager, "staging", false}}},
        {"globex",
         "Globex Corporation",
         false,
         {{"prod", "Production"}, {"research", "Research"}},
         {{"hank", "Hank Silva", kTenantOwner, nullptr, true},
          {"irene", "Irene Dubois", kTenantAdmin, nullptr, true},
          {"jack", "Jack Mensah", kSecurityReviewer, nullptr, false},
          {"kate", "Kate Brennan", kSecretsManager, nullptr, true},
          {"liam", "Liam Costa", kMember, "prod", false},
          {"mona", "Mona Haddad", kMember, "research", false},
          {"nils", "Nils Berg", kReleaseManager, "research", false}}},
        {"initech",
         "Initech",
         false,
         {{"prod", "Production"}, {"dev", "Development"}, {"reporting", "Reporting"}},
         {{"olga", "Olga Petrova", kTenantOwner, nullptr, true},
          {"pablo", "Pablo Ruiz", kTenantAdmin, nullptr, false},
          {"quinn", "Quinn Taylor", kSecurityReviewer, nullptr, false},
          {"rosa", "Rosa Ferreira", kSecretsManager, nullptr, true},
          {"sam", "Sam Okafor", kMember, "reporting", false},
          {"tess", "Tess Nakamura", kMember, "prod", false},
          {"umar", "Umar Qureshi", kReleaseManager, "dev", false}}},
    };
}

// How a secret's rotation is looked after during the month.
enum class Care {
    None,      // no rotation period
    Automated, // the CI pipeline rotates it when due
    OnTime,    // the secrets manager rotates it when due
    Once,      // rotated once early in the month, then forgotten: overdue again by the end
    Neglected, // never rotated: overdue
};

struct SecretSpec
{
    const char* name;
    const char* description;
    const char* tags;
    int rotationDays;
    Care care;
    int expiresInDays; // from the end of the seeding; 0: does not expire
    bool productionOnly;
};

const QList<SecretSpec>& secretSpecs()
{
    static const QList<SecretSpec> list{
        {"db/postgres/password", "Application role of the main PostgreSQL cluster", "database,postgres", 30,
         Care::Neglected, 0, false},
        {"api/payments/secret-key", "Payment provider API key for checkout", "api,payments,pci", 90, Care::OnTime, 0,
         true},
        {"tls/wildcard/private-key", "Private key of the wildcard TLS certificate", "tls,certificate", 0, Care::None,
         12, true},
        {"smtp/relay/password", "Outgoing mail relay credentials", "smtp,email", 14, Care::Once, 0, false},
        {"ci/deploy-key", "SSH key the pipeline deploys with", "ci,ssh,deploy", 7, Care::Automated, 0, true},
        {"oauth/github/client-secret", "OAuth client secret for single sign-on with the code host", "oauth,sso", 180,
         Care::None, 0, true},
        {"cache/redis/password", "Password of the session cache", "cache,redis", 60, Care::OnTime, 0, false},
        {"backup/object-store/access-key", "Access key for the offsite backup bucket", "backup,storage", 90, Care::None,
         0, true},
    };
    return list;
}

const QStringList& revealReasons()
{
    static const QStringList list{
        QStringLiteral("deploy of release %1"),
        QStringLiteral("incident INC-%1: checking the database credentials"),
        QStringLiteral("debugging a failed login on staging, ticket OPS-%1"),
        QStringLiteral("quarterly access review, item %1"),
        QStringLiteral("setting up a new service instance, change CHG-%1"),
        QStringLiteral("pipeline run %1"),
    };
    return list;
}

// --- what the seeder keeps track of -------------------------------------------------------------------------

struct Person
{
    int tenant = -1; // -1: platform
    QString tenantName;
    QString tenantId;
    QString id;
    QString username;
    QString roleId;
    QString roleName;
    int workspace = -1; // bound in this workspace of its tenant; -1: tenant-wide
    SecureBytes password;
    bool chosenPassword = false;
    QByteArray totpSecret;
    QString totpBase32;
    qint64 lastTotpStep = 0;
    QString address;
    QString session; // the current or last session token
    bool sessionOpen = false;
    int weight = 1; // how often they work
};

struct Robot
{
    enum class Kind { Pipeline, Monitoring, Legacy };
    Kind kind = Kind::Pipeline;
    int tenant = 0;
    QString id;
    QString name;
    int workspace = -1; // the token's workspace; -1: not limited
    QString token;
    QString tokenId;
    qint64 expiresAtMs = 0;
    QString revokedToken; // the pipeline's token before its rotation
    QString address;
};

struct SecretState
{
    int tenant = 0;
    int workspace = 0;
    QString name;
    int rotationDays = 0;
    Care care = Care::None;
    qint64 nextRotationMs = 0;
    bool rotatedOnce = false;
};

struct TenantState
{
    QString id;
    QString name;
    QList<QString> workspaceIds;
    QList<QString> workspaceNames;
    QString releaseManagerRoleId;
    int owner = -1; // index into people
    int admin = -1;
    int pipeline = -1; // index into robots
};

Result<SecureBytes> newPassword()
{
    // 20 characters from 32 (no l, o, 0 or 1: 100 bits), in groups of five.
    static constexpr char kAlphabet[] = "abcdefghijkmnpqrstuvwxyz23456789";
    auto raw = crypto::randomKey(20);
    if (!raw)
        return raw.error();
    SecureBytes out(23);
    std::size_t at = 0;
    for (std::size_t i = 0; i < 20; ++i) {
        if (i > 0 && i % 5 == 0)
            out.data()[at++] = '-';
        out.data()[at++] = static_cast<unsigned char>(kAlphabet[raw.value().data()[i] % 32]);
    }
    return out;
}

bool fatal(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::Unauthenticated:
    case ErrorCode::Forbidden:
    case ErrorCode::Conflict:
    case ErrorCode::RateLimited:
        return false; // answers the demo provokes on purpose
    default:
        return true; // the store or the machine failed
    }
}

// --- the seeding itself -------------------------------------------------------------------------------------

class Seeding
{
public:
    Seeding(store::Store& store, const DemoOptions& options, qint64 endMs,
            const std::function<bool(const DemoProgress&)>& progress)
        : m_options(options), m_endMs(endMs), m_activityStartMs(endMs - qint64(options.days) * kDay),
          m_progress(progress), m_rng(options.seed), m_cp(store, m_clock)
    {
        m_clock.moveTo(m_activityStartMs - 5 * kDay);
    }

    Result<DemoReport> run();

private:
    // Every control-plane call is one audit event: counted here. A refusal is part of the demo (false); a
    // failure of the store stops it (an error).
    template <typename T> Result<bool> took(const Result<T>& r)
    {
        ++m_events;
        if (m_progress && m_events % kProgressEvery == 0 && !report())
            return makeError(ErrorCode::Conflict,
                             QStringLiteral("the demo seeding was stopped; the store holds part of the demo"));
        if (r)
            return true;
        if (fatal(r.error().code))
            return makeError(r.error().code, QStringLiteral("the demo seeding stopped: %1").arg(r.error().message));
        return false;
    }
    // A set-up step: it cannot be refused.
    template <typename T> Result<void> must(const Result<T>& r, const QString& what)
    {
        auto t = took(r);
        if (!t)
            return t.error();
        if (!t.value())
            return makeError(ErrorCode::Internal,
                             QStringLiteral("demo set-up failed (%1): %2").arg(what, r.error().message));
        return {};
    }
    bool report(const QString& phase = {})
    {
        if (!phase.isEmpty())
            m_phase = phase;
        return !m_progress || m_progress({m_phase, m_events, m_options.events, m_clock.nowMs()});
    }
    int pick(int n) { return n <= 1 ? 0 : int(m_rng.bounded(n)); }
    qint64 between(qint64 low, qint64 high) { return low + qint64(m_rng.bounded(double(high - low + 1))); }
    bool chance(double p) { return m_rng.generateDouble() < p; }
    // Time between two actions of a burst. It shrinks near the end so that the history never passes "now".
    void pause()
    {
        const qint64 room = (m_endMs - m_clock.nowMs()) / std::max<qint64>(1, m_options.events - m_events);
        m_clock.advance(std::min(between(m_spacingMs * 3 / 10, m_spacingMs * 17 / 10), std::max<qint64>(1, room)));
    }

    Caller asPerson(const Person& p) const { return Caller::withToken(p.session, Source::Gui, p.address); }
    Caller asRobot(const Robot& r) const { return Caller::withToken(r.token, Source::Api, r.address); }
    static Caller anonymous(const QString& address)
    {
        Caller c;
        c.source = Source::Api;
        c.address = address;
        return c;
    }
    QString totpCode(Person& p)
    {
        qint64 step = crypto::totp::stepAt(m_clock.nowMs());
        if (step <= p.lastTotpStep) {
            // A code is good once: wait for the authenticator's next one.
            m_clock.moveTo((p.lastTotpStep + 1) * crypto::totp::kStepMs);
            step = crypto::totp::stepAt(m_clock.nowMs());
        }
        p.lastTotpStep = step;
        return crypto::totp::code(p.totpSecret, step);
    }

    Result<void> setUp();
    Result<void> setUpTenant(int index, const TenantSpec& spec);
    int addPerson(Person person);
    Result<void> enrolTotp(Person& p);
    Result<bool> signIn(Person& p);
    Result<void> signOut(Person& p);
    Result<void> createSecrets(int tenant);

    Result<void> activity();
    Result<void> personBurst(Person& p, qint64 actions);
    Result<void> personAction(Person& p);
    Result<void> robotBurst(Robot& r, qint64 actions);
    Result<void> noiseBurst(qint64 actions);
    Result<void> happenings(double progress);
    Result<void> revealSomething(const Caller& caller, int tenant, int workspace);
    Result<void> rotateDue(const Caller& caller, int tenant, int workspace, Care care);

    const DemoOptions& m_options;
    const qint64 m_endMs;
    const qint64 m_activityStartMs;
    std::function<bool(const DemoProgress&)> m_progress;
    QRandomGenerator m_rng;
    SeederClock m_clock;
    service::ControlPlane m_cp;
    const Caller m_system = Caller::system(Source::Cli);

    QString m_phase;
    qint64 m_events = 0;
    qint64 m_spacingMs = kMinute;
    int m_signIns = 0;
    int m_failedSignInsLeft = 0;
    int m_nextHappening = 0;
    int m_reasonNumber = 4100;
    qint64 m_firstEventMs = 0;

    std::vector<Person> m_people;
    std::vector<Robot> m_robots;
    std::vector<SecretState> m_secrets;
    std::vector<TenantState> m_tenants;
};

int Seeding::addPerson(Person person)
{
    m_people.push_back(std::move(person));
    return int(m_people.size() - 1);
}

Result<bool> Seeding::signIn(Person& p)
{
    const QString code = p.totpSecret.isEmpty() ? QString() : totpCode(p);
    auto s = m_cp.signIn(anonymous(p.address), p.tenantName, p.username, p.password, code);
    auto counted = took(s);
    if (!counted)
        return counted.error();
    if (!counted.value())
        return false;
    ++m_signIns;
    p.session = s.value().token;
    p.sessionOpen = true;
    return true;
}

Result<void> Seeding::signOut(Person& p)
{
    if (auto r = took(m_cp.signOut(asPerson(p))); !r)
        return r.error();
    p.sessionOpen = false;
    return {};
}

Result<void> Seeding::enrolTotp(Person& p)
{
    auto begun = m_cp.beginTotpEnrollment(asPerson(p));
    if (auto r = must(begun, QStringLiteral("two-factor enrolment of %1").arg(p.username)); !r)
        return r;
    p.totpBase32 = begun.value().secret;
    const auto secret = encoding::fromBase32(p.totpBase32.toLower());
    if (!secret)
        return makeError(ErrorCode::Internal, QStringLiteral("the enrolment's secret is not base32"));
    p.totpSecret = *secret;
    pause();
    p.lastTotpStep = 0;
    return must(m_cp.confirmTotpEnrollment(asPerson(p), totpCode(p), service::Reauthentication{p.password.clone(), {}}),
                QStringLiteral("two-factor confirmation of %1").arg(p.username));
}

Result<void> Seeding::setUp()
{
    report(QStringLiteral("tenants and people"));
    if (auto r = m_cp.load(); !r)
        return r;
    if (m_cp.hasPlatformOwner())
        return makeError(ErrorCode::Conflict, QStringLiteral("the demo fills a new store; this one already has a "
                                                             "platform administrator"));
    m_firstEventMs = m_clock.nowMs();

    Person owner;
    owner.username = m_options.ownerUsername;
    owner.roleId = authz::builtin::kPlatformOwner;
    owner.roleName = QStringLiteral("Platform Owner");
    owner.address = QStringLiteral("10.0.0.10");
    if (m_options.ownerPassword.isEmpty()) {
        auto pw = newPassword();
        if (!pw)
            return pw.error();
        owner.password = std::move(pw).value();
    } else {
        owner.password = m_options.ownerPassword.clone();
        owner.chosenPassword = true;
    }
    auto made = m_cp.bootstrapPlatformOwner(m_system, owner.username, owner.password);
    if (auto r = must(made, QStringLiteral("the platform owner")); !r)
        return r;
    owner.id = made.value().id;
    const int ownerIndex = addPerson(std::move(owner));
    pause();
    if (auto s = signIn(m_people[ownerIndex]); !s || !s.value())
        return s ? makeError(ErrorCode::Internal, QStringLiteral("the platform owner cannot sign in")) : s.error();

    Person auditor;
    auditor.username = QStringLiteral("audrey");
    auditor.roleId = authz::builtin::kPlatformAuditor;
    auditor.roleName = QStringLiteral("Platform Auditor");
    auditor.address = QStringLiteral("10.0.0.11");
    auto pw = newPassword();
    if (!pw)
        return pw.error();
    auditor.password = std::move(pw).value();
    pause();
    auto user = m_cp.createUser(asPerson(m_people[ownerIndex]), {}, auditor.username, QStringLiteral("Audrey Blanc"),
                                QStringLiteral("audrey@example.com"), auditor.password);
    if (auto r = must(user, QStringLiteral("the platform auditor")); !r)
        return r;
    auditor.id = user.value().id;
    pause();
    if (auto r = must(m_cp.createBinding(asPerson(m_people[ownerIndex]), {}, QStringLiteral("user"), auditor.id,
                                         authz::builtin::kPlatformAuditor),
                      QStringLiteral("the platform auditor's role"));
        !r)
        return r;
    const int auditorIndex = addPerson(std::move(auditor));

    const QList<TenantSpec> specs = tenantSpecs();
    for (int t = 0; t < specs.size(); ++t) {
        const TenantSpec& spec = specs.at(t);
        Person tenantOwner;
        tenantOwner.tenant = t;
        tenantOwner.tenantName = QString::fromLatin1(spec.name);
        tenantOwner.username = QString::fromLatin1(spec.people.first().username);
        tenantOwner.roleId = authz::builtin::kTenantOwner;
        auto opw = newPassword();
        if (!opw)
            return opw.error();
        tenantOwner.password = std::move(opw).value();
        pause();
        auto tenant =
            m_cp.createTenant(asPerson(m_people[ownerIndex]), QString::fromLatin1(spec.name),
                              QString::fromLatin1(spec.displayName), tenantOwner.username, tenantOwner.password);
        if (auto r = must(tenant, QStringLiteral("tenant %1").arg(QString::fromLatin1(spec.name))); !r)
            return r;
        TenantState state;
        state.id = tenant.value().id;
        state.name = tenant.value().name;
        tenantOwner.tenantId = state.id;
        tenantOwner.address = QStringLiteral("10.%1.0.10").arg(t + 1);
        tenantOwner.weight = 1;
        state.owner = addPerson(std::move(tenantOwner));
        m_tenants.push_back(state);
    }
    pause();
    if (auto r = signOut(m_people[ownerIndex]); !r)
        return r;

    m_clock.advance(between(20 * kMinute, 2 * kHour));
    if (auto s = signIn(m_people[auditorIndex]); !s || !s.value())
        return s ? makeError(ErrorCode::Internal, QStringLiteral("the platform auditor cannot sign in")) : s.error();
    if (auto r = enrolTotp(m_people[auditorIndex]); !r)
        return r;
    if (auto r = signOut(m_people[auditorIndex]); !r)
        return r;

    for (int t = 0; t < specs.size(); ++t) {
        m_clock.advance(between(kHour, 6 * kHour));
        if (auto r = setUpTenant(t, specs.at(t)); !r)
            return r;
    }
    return {};
}

Result<void> Seeding::setUpTenant(int t, const TenantSpec& spec)
{
    TenantState& tenant = m_tenants[std::size_t(t)];
    // By index: people are added below, which may move them.
    auto owner = [&]() -> Person& {
        return m_people[std::size_t(tenant.owner)];
    };
    if (auto s = signIn(owner()); !s || !s.value())
        return s ? makeError(ErrorCode::Internal, QStringLiteral("%1 cannot sign in").arg(owner().username))
                 : s.error();
    if (auto r = enrolTotp(owner()); !r)
        return r;
    const Caller asOwner = asPerson(owner());
    if (spec.mfaForAdmins) {
        pause();
        auto settings = m_cp.tenantSettings(asOwner, tenant.id);
        if (auto r = must(settings, QStringLiteral("settings of %1").arg(tenant.name)); !r)
            return r;
        tenancy::TenantSettings changed = settings.value();
        changed.requireMfaForAdmins = true;
        pause();
        if (auto r = must(m_cp.updateTenantSettings(asOwner, tenant.id, changed),
                          QStringLiteral("settings of %1").arg(tenant.name));
            !r)
            return r;
    }
    for (const auto& [name, displayName] : spec.workspaces) {
        pause();
        auto ws = m_cp.createWorkspace(asOwner, tenant.id, QString::fromLatin1(name), QString::fromLatin1(displayName));
        if (auto r = must(ws, QStringLiteral("workspace %1").arg(QString::fromLatin1(name))); !r)
            return r;
        tenant.workspaceIds << ws.value().id;
        tenant.workspaceNames << ws.value().name;
    }
    pause();
    auto role = m_cp.createRole(
        asOwner, tenant.id, kReleaseManager,
        QStringLiteral("Reads and reveals the secrets of the workspace it is bound in"),
        {QStringLiteral("workspaces.read"), QStringLiteral("secrets.read"), QStringLiteral("secrets.reveal")});
    if (auto r = must(role, QStringLiteral("role %1").arg(kReleaseManager)); !r)
        return r;
    tenant.releaseManagerRoleId = role.value().id;

    for (qsizetype i = 1; i < spec.people.size(); ++i) {
        const PersonSpec& ps = spec.people.at(i);
        Person p;
        p.tenant = t;
        p.tenantName = tenant.name;
        p.tenantId = tenant.id;
        p.username = QString::fromLatin1(ps.username);
        p.roleId = ps.roleId == kReleaseManager ? tenant.releaseManagerRoleId : ps.roleId;
        p.address = QStringLiteral("10.%1.0.%2").arg(t + 1).arg(10 + i);
        if (ps.workspace)
            p.workspace = int(tenant.workspaceNames.indexOf(QString::fromLatin1(ps.workspace)));
        auto pw = newPassword();
        if (!pw)
            return pw.error();
        p.password = std::move(pw).value();
        pause();
        auto user =
            m_cp.createUser(asOwner, tenant.id, p.username, QString::fromLatin1(ps.displayName),
                            p.username + QLatin1Char('@') + tenant.name + QStringLiteral(".example.com"), p.password);
        if (auto r = must(user, QStringLiteral("user %1").arg(p.username)); !r)
            return r;
        p.id = user.value().id;
        pause();
        if (auto r = must(m_cp.createBinding(asOwner, tenant.id, QStringLiteral("user"), p.id, p.roleId,
                                             p.workspace >= 0 ? tenant.workspaceIds.at(p.workspace) : QString()),
                          QStringLiteral("role of %1").arg(p.username));
            !r)
            return r;
        const bool admin = ps.roleId == authz::builtin::kTenantAdmin;
        p.weight = ps.roleId == authz::builtin::kSecretsManager || ps.roleId == authz::builtin::kMember ? 3 : 2;
        const int index = addPerson(std::move(p));
        if (admin)
            tenant.admin = index;
    }

    struct RobotSpec
    {
        Robot::Kind kind;
        const char* name;
        const char* description;
        QString roleId;
        bool production; // role and token limited to the production workspace
        int expiryDays;
    };
    const RobotSpec robots[] = {
        {Robot::Kind::Pipeline, "ci-pipeline", "Deploys to production; reads and rotates deployment secrets",
         authz::builtin::kSecretsManager, true, 90},
        {Robot::Kind::Monitoring, "monitoring", "Watches rotation deadlines and denials for the on-call team",
         authz::builtin::kSecurityReviewer, false, 180},
        {Robot::Kind::Legacy, "legacy-sync", "Old synchronisation job; its permissions were never granted",
         authz::builtin::kIntegration, false, 365},
    };
    for (const RobotSpec& rs : robots) {
        Robot r;
        r.kind = rs.kind;
        r.tenant = t;
        r.name = QString::fromLatin1(rs.name);
        r.workspace = rs.production ? 0 : -1;
        r.address = QStringLiteral("10.%1.1.%2").arg(t + 1).arg(10 + int(m_robots.size() % 3));
        pause();
        auto integration = m_cp.createIntegration(asOwner, tenant.id, r.name, QString::fromLatin1(rs.description));
        if (auto x = must(integration, QStringLiteral("integration %1").arg(r.name)); !x)
            return x;
        r.id = integration.value().id;
        pause();
        const QString ws = r.workspace >= 0 ? tenant.workspaceIds.at(r.workspace) : QString();
        if (auto x = must(m_cp.createBinding(asOwner, tenant.id, QStringLiteral("integration"), r.id, rs.roleId, ws),
                          QStringLiteral("role of %1").arg(r.name));
            !x)
            return x;
        pause();
        auto token = m_cp.issueToken(asOwner, tenant.id, r.id, rs.expiryDays, ws);
        if (auto x = must(token, QStringLiteral("token of %1").arg(r.name)); !x)
            return x;
        r.token = token.value().secret;
        r.tokenId = token.value().token.id;
        r.expiresAtMs = token.value().token.expiresAtMs;
        if (r.kind == Robot::Kind::Pipeline)
            tenant.pipeline = int(m_robots.size());
        m_robots.push_back(std::move(r));
    }
    pause();
    if (auto r = signOut(owner()); !r)
        return r;

    // The administrator and the secrets manager set up their second factor; the secrets manager fills the vault.
    for (std::size_t i = 0; i < m_people.size(); ++i) {
        Person& p = m_people[i];
        if (p.tenant != t || int(i) == tenant.owner)
            continue;
        const PersonSpec* ps = nullptr;
        for (const PersonSpec& candidate : spec.people) {
            if (p.username == QLatin1String(candidate.username))
                ps = &candidate;
        }
        if (!ps || !ps->mfa)
            continue;
        m_clock.advance(between(10 * kMinute, 3 * kHour));
        if (auto s = signIn(p); !s || !s.value())
            return s ? makeError(ErrorCode::Internal, QStringLiteral("%1 cannot sign in").arg(p.username)) : s.error();
        if (auto r = enrolTotp(p); !r)
            return r;
        if (ps->roleId == authz::builtin::kSecretsManager) {
            if (auto r = createSecrets(t); !r)
                return r;
        }
        pause();
        if (auto r = signOut(p); !r)
            return r;
    }
    return {};
}

Result<void> Seeding::createSecrets(int t)
{
    const TenantState& tenant = m_tenants[std::size_t(t)];
    Person* manager = nullptr;
    for (Person& p : m_people) {
        if (p.tenant == t && p.roleId == authz::builtin::kSecretsManager)
            manager = &p;
    }
    for (int w = 0; w < tenant.workspaceIds.size(); ++w) {
        for (const SecretSpec& spec : secretSpecs()) {
            if (spec.productionOnly && w != 0)
                continue;
            service::ControlPlane::NewSecret secret;
            secret.name = QString::fromLatin1(spec.name);
            secret.description = QString::fromLatin1(spec.description);
            secret.tags = QString::fromLatin1(spec.tags).split(QLatin1Char(','));
            secret.tags << tenant.workspaceNames.at(w);
            secret.rotationDays = spec.rotationDays;
            secret.expiresAtMs = spec.expiresInDays ? m_endMs + qint64(spec.expiresInDays) * kDay : 0;
            auto value = crypto::randomKey(24);
            if (!value)
                return value.error();
            pause();
            auto made = m_cp.createSecret(asPerson(*manager), tenant.id, tenant.workspaceIds.at(w), secret,
                                          value.value().toHex());
            if (auto r = must(made, QStringLiteral("secret %1").arg(secret.name)); !r)
                return r;
            m_secrets.push_back(
                {t, w, secret.name, spec.rotationDays, spec.care, made.value().nextRotationAtMs, false});
        }
    }
    return {};
}

// --- the month of activity ----------------------------------------------------------------------------------

Result<void> Seeding::revealSomething(const Caller& caller, int t, int w)
{
    QList<const SecretState*> candidates;
    for (const SecretState& s : m_secrets) {
        if (s.tenant == t && s.workspace == w)
            candidates << &s;
    }
    if (candidates.isEmpty())
        return {};
    const SecretState& s = *candidates.at(pick(int(candidates.size())));
    const QString reason = revealReasons().at(pick(int(revealReasons().size()))).arg(++m_reasonNumber);
    auto r = took(m_cp.revealSecret(caller, m_tenants[std::size_t(t)].id, m_tenants[std::size_t(t)].workspaceIds.at(w),
                                    s.name, 0, reason));
    if (!r)
        return r.error();
    return {};
}

Result<void> Seeding::rotateDue(const Caller& caller, int t, int w, Care care)
{
    const qint64 now = m_clock.nowMs();
    for (SecretState& s : m_secrets) {
        if (s.tenant != t || (w >= 0 && s.workspace != w) || s.care != care)
            continue;
        const bool due = care == Care::Once ? !s.rotatedOnce : s.nextRotationMs <= now + kDay;
        if (!due)
            continue;
        const QString tenantId = m_tenants[std::size_t(t)].id;
        const QString ws = m_tenants[std::size_t(t)].workspaceIds.at(s.workspace);
        pause();
        bool done = false;
        if (care == Care::OnTime && chance(0.5)) {
            // Rotated at the provider; Gatehouse only learns the date.
            auto marked = m_cp.markSecretRotated(caller, tenantId, ws, s.name);
            auto r = took(marked);
            if (!r)
                return r.error();
            done = r.value();
        } else {
            auto value = crypto::randomKey(24);
            if (!value)
                return value.error();
            auto r = took(m_cp.updateSecretValue(caller, tenantId, ws, s.name, value.value().toHex()));
            if (!r)
                return r.error();
            done = r.value();
        }
        if (done) {
            s.nextRotationMs = m_clock.nowMs() + qint64(s.rotationDays) * kDay;
            s.rotatedOnce = true;
        }
        return {}; // one rotation per visit
    }
    return {};
}

Result<void> Seeding::personAction(Person& p)
{
    const Caller me = asPerson(p);
    const int t = p.tenant;
    const QString tenantId = p.tenantId;
    auto count = [this](const auto& result) -> Result<void> {
        auto r = took(result);
        if (!r)
            return r.error();
        return {};
    };
    const int roll = pick(100);
    if (t < 0) {
        // Platform administrators look at tenants and the platform's audit trail.
        audit::AuditQuery q;
        q.platform = true;
        q.limit = 50;
        if (roll < 25)
            return count(m_cp.listTenants(me));
        if (roll < 40)
            return count(m_cp.getTenant(me, m_tenants[std::size_t(pick(int(m_tenants.size())))].id));
        if (roll < 55)
            return count(m_cp.listUsers(me, {}));
        if (roll < 70) {
            q.actionPrefix = QStringLiteral("auth.signin");
            q.outcome = QStringLiteral("denied");
        }
        return count(m_cp.searchAudit(me, q));
    }
    const TenantState& tenant = m_tenants[std::size_t(t)];
    const int nWorkspaces = int(tenant.workspaceIds.size());
    const int home = p.workspace >= 0 ? p.workspace : pick(nWorkspaces);
    const QString homeId = tenant.workspaceIds.at(home);
    const QString& role = p.roleId;
    if (role == authz::builtin::kTenantOwner) {
        if (roll < 15)
            return count(m_cp.listUsers(me, tenantId));
        if (roll < 30)
            return count(m_cp.listBindings(me, tenantId));
        if (roll < 45) {
            audit::AuditQuery q;
            q.tenantId = tenantId;
            q.limit = 50;
            return count(m_cp.searchAudit(me, q));
        }
        if (roll < 60)
            return count(m_cp.dueSecrets(me, tenantId, {}, 14));
        if (roll < 70)
            return count(m_cp.listIntegrations(me, tenantId));
        if (roll < 80)
            return count(m_cp.tenantSettings(me, tenantId));
        if (roll < 90)
            return revealSomething(me, t, home);
        return count(m_cp.listWorkspaces(me, tenantId));
    }
    if (role == authz::builtin::kTenantAdmin) {
        if (roll < 20)
            return count(m_cp.listUsers(me, tenantId));
        if (roll < 35)
            return count(m_cp.listWorkspaces(me, tenantId));
        if (roll < 50)
            return count(m_cp.listIntegrations(me, tenantId));
        if (roll < 60 && tenant.pipeline >= 0)
            return count(m_cp.listTokens(me, tenantId, m_robots[std::size_t(tenant.pipeline)].id));
        if (roll < 70)
            return count(m_cp.listRoles(me, tenantId));
        if (roll < 85)
            return count(m_cp.listBindings(me, tenantId));
        if (roll < 92)
            return count(m_cp.getUser(me, tenantId, m_people[std::size_t(tenant.owner)].id));
        return revealSomething(me, t, home); // not theirs to reveal: a denial
    }
    if (role == authz::builtin::kSecurityReviewer) {
        audit::AuditQuery q;
        q.tenantId = tenantId;
        q.limit = 100;
        if (roll < 15) {
            q.actionPrefix = QStringLiteral("secret.reveal");
            return count(m_cp.searchAudit(me, q));
        }
        if (roll < 30) {
            q.outcome = QStringLiteral("denied");
            return count(m_cp.searchAudit(me, q));
        }
        if (roll < 45)
            return count(m_cp.dueSecrets(me, tenantId, {}, 0));
        if (roll < 65)
            return count(m_cp.listSecrets(me, tenantId, homeId));
        if (roll < 80)
            return count(m_cp.listBindings(me, tenantId));
        if (roll < 90)
            return count(m_cp.effectivePermissions(me, tenantId, p.id, homeId));
        return revealSomething(me, t, home); // reviewers never reveal: a denial
    }
    if (role == authz::builtin::kSecretsManager) {
        if (roll < 10) {
            const qint64 before = m_events;
            for (Care care : {Care::OnTime, Care::Once}) {
                if (care == Care::Once && m_clock.nowMs() < m_activityStartMs + 8 * kDay)
                    continue;
                if (auto r = rotateDue(me, t, -1, care); !r)
                    return r;
                if (m_events != before)
                    return {};
            }
        }
        if (roll < 35)
            return count(m_cp.listSecrets(me, tenantId, homeId, roll < 20 ? QStringLiteral("db") : QString()));
        if (roll < 75)
            return revealSomething(me, t, home);
        if (roll < 85) {
            for (const SecretState& s : m_secrets) {
                if (s.tenant == t && s.workspace == home)
                    return count(m_cp.listSecretVersions(me, tenantId, homeId, s.name));
            }
        }
        return count(m_cp.dueSecrets(me, tenantId, {}, 7));
    }
    if (role == authz::builtin::kMember) {
        if (roll < 50)
            return count(m_cp.listSecrets(me, tenantId, homeId));
        if (roll < 70)
            return count(m_cp.listWorkspaces(me, tenantId));
        if (roll < 80)
            return count(m_cp.whoami(me));
        if (roll < 90)
            return revealSomething(me, t, home); // members read metadata only: a denial
        // Another workspace than their own: a denial.
        return count(m_cp.listSecrets(me, tenantId, tenant.workspaceIds.at((home + 1) % nWorkspaces)));
    }
    // The custom release-manager role.
    if (roll < 30)
        return count(m_cp.listSecrets(me, tenantId, homeId));
    if (roll < 85)
        return revealSomething(me, t, home);
    return count(m_cp.whoami(me));
}

Result<void> Seeding::personBurst(Person& p, qint64 actions)
{
    // Now and then someone comes back to a session they left open, long expired.
    if (!p.session.isEmpty() && p.sessionOpen && chance(0.5) && actions > 2 && m_options.events - m_events >= 2) {
        auto r = took(m_cp.whoami(asPerson(p)));
        if (!r)
            return r.error();
        p.sessionOpen = false;
        --actions;
        pause();
    }
    auto in = signIn(p);
    if (!in)
        return in.error();
    if (!in.value())
        return {};
    for (qint64 i = 1; i < actions && m_events < m_options.events; ++i) {
        pause();
        // The last action of a session is usually signing out.
        if (i == actions - 1 && chance(0.85))
            return signOut(p);
        if (auto r = personAction(p); !r)
            return r;
    }
    return {};
}

Result<void> Seeding::robotBurst(Robot& r, qint64 actions)
{
    const TenantState& tenant = m_tenants[std::size_t(r.tenant)];
    const Caller me = asRobot(r);
    auto count = [this](const auto& result) -> Result<void> {
        auto c = took(result);
        if (!c)
            return c.error();
        return {};
    };
    for (qint64 i = 0; i < actions && m_events < m_options.events; ++i) {
        if (i > 0)
            pause();
        Result<void> done;
        switch (r.kind) {
        case Robot::Kind::Pipeline:
            if (i == 0)
                done = count(m_cp.listSecrets(me, tenant.id, tenant.workspaceIds.at(0)));
            else if (i == 1 && !r.revokedToken.isEmpty() && chance(0.05))
                // A forgotten runner still has the old token.
                done = count(m_cp.listSecrets(Caller::withToken(r.revokedToken, Source::Api, r.address), tenant.id,
                                              tenant.workspaceIds.at(0)));
            else if (i == 1) {
                const qint64 before = m_events;
                done = rotateDue(me, r.tenant, 0, Care::Automated);
                if (done && m_events == before)
                    done = revealSomething(me, r.tenant, 0);
            } else
                done = revealSomething(me, r.tenant, 0);
            break;
        case Robot::Kind::Monitoring:
            if (pick(3) == 0)
                done = count(m_cp.dueSecrets(me, tenant.id, {}, 14));
            else if (pick(2) == 0)
                done = count(
                    m_cp.listSecrets(me, tenant.id, tenant.workspaceIds.at(pick(int(tenant.workspaceIds.size())))));
            else {
                audit::AuditQuery q;
                q.tenantId = tenant.id;
                q.outcome = QStringLiteral("denied");
                q.limit = 20;
                done = count(m_cp.searchAudit(me, q));
            }
            break;
        case Robot::Kind::Legacy:
            // Never granted anything (or locked later): every call but whoami is denied.
            done = pick(2) == 0 ? count(m_cp.whoami(me))
                                : count(m_cp.listSecrets(me, tenant.id, tenant.workspaceIds.at(0)));
            break;
        }
        if (!done)
            return done;
    }
    return {};
}

Result<void> Seeding::noiseBurst(qint64 actions)
{
    static const char* const guesses[] = {"admin", "root", "test", "administrator", "backup"};
    const QString address = QStringLiteral("203.0.113.%1").arg(between(2, 250));
    for (qint64 i = 0; i < actions && m_events < m_options.events; ++i) {
        if (i > 0)
            m_clock.advance(between(2 * kSecond, 20 * kSecond));
        if (m_failedSignInsLeft > 0) {
            // Someone guessing: a made-up account or a real one with a wrong password (each costs an Argon2id
            // verification, so there are only a few).
            --m_failedSignInsLeft;
            const TenantState& tenant = m_tenants[std::size_t(pick(int(m_tenants.size())))];
            const QString user =
                chance(0.5) ? QString::fromLatin1(guesses[pick(5)]) : m_people[std::size_t(tenant.owner)].username;
            auto wrong = newPassword();
            if (!wrong)
                return wrong.error();
            auto r = took(m_cp.signIn(anonymous(address), tenant.name, user, wrong.value()));
            if (!r)
                return r.error();
            continue;
        }
        // A scanner with tokens that are not Gatehouse's, or no longer valid.
        const QString token =
            chance(0.5) ? QStringLiteral("Bearer%20null") : QStringLiteral("ghi_") + encoding::newId(u"x").mid(2);
        auto r = took(m_cp.whoami(Caller::withToken(token, Source::Api, address)));
        if (!r)
            return r.error();
    }
    return {};
}

// One-off episodes at fixed points of the month.
Result<void> Seeding::happenings(double progress)
{
    const double at[] = {0.25, 0.4, 0.5, 0.7};
    // Each takes up to about 20 events; near the end of a small demo they are left out.
    while (m_nextHappening < 4 && progress >= at[m_nextHappening] && m_options.events - m_events > 30) {
        const int which = m_nextHappening++;
        if (which == 0) {
            // A member of globex mistypes the password until the account locks; an administrator unlocks it.
            Person* member = nullptr;
            for (Person& p : m_people) {
                if (p.tenant == 1 && p.roleId == authz::builtin::kMember && !member)
                    member = &p;
            }
            const TenantState& tenant = m_tenants[1];
            for (int i = 0; i < 5 && m_events < m_options.events; ++i) {
                auto wrong = newPassword();
                if (!wrong)
                    return wrong.error();
                auto r = took(m_cp.signIn(anonymous(member->address), tenant.name, member->username, wrong.value()));
                if (!r)
                    return r.error();
                m_clock.advance(between(5 * kSecond, 40 * kSecond));
            }
            m_clock.advance(between(10 * kMinute, 40 * kMinute));
            Person& admin = m_people[std::size_t(tenant.admin)];
            auto in = signIn(admin);
            if (!in)
                return in.error();
            if (in.value()) {
                pause();
                auto r =
                    took(m_cp.setUserStatus(asPerson(admin), tenant.id, member->id, service::UserStatusChange::Unlock));
                if (!r)
                    return r.error();
                pause();
                if (auto out = signOut(admin); !out)
                    return out;
            }
        } else if (which == 1) {
            // An administrator types an old authentication code once.
            Person& admin = m_people[std::size_t(m_tenants[0].admin)];
            auto r = took(m_cp.signIn(anonymous(admin.address), admin.tenantName, admin.username, admin.password,
                                      QStringLiteral("000000")));
            if (!r)
                return r.error();
            m_clock.advance(between(20 * kSecond, 60 * kSecond));
            if (auto b = personBurst(admin, 6); !b)
                return b;
        } else if (which == 2) {
            // Each pipeline's token is rotated: a new one issued, the old one revoked. The Tenant Admin tries
            // first and is refused (the pipeline reveals production secrets, which the admin cannot); the owner
            // does it.
            for (TenantState& tenant : m_tenants) {
                Person& admin = m_people[std::size_t(tenant.admin)];
                Person& owner = m_people[std::size_t(tenant.owner)];
                Robot& pipeline = m_robots[std::size_t(tenant.pipeline)];
                m_clock.advance(between(5 * kMinute, 30 * kMinute));
                auto adminIn = signIn(admin);
                if (!adminIn)
                    return adminIn.error();
                if (adminIn.value()) {
                    pause();
                    auto refused =
                        took(m_cp.issueToken(asPerson(admin), tenant.id, pipeline.id, 90, tenant.workspaceIds.at(0)));
                    if (!refused)
                        return refused.error();
                    pause();
                    if (auto out = signOut(admin); !out)
                        return out;
                }
                m_clock.advance(between(5 * kMinute, 30 * kMinute));
                auto in = signIn(owner);
                if (!in)
                    return in.error();
                if (!in.value())
                    continue;
                pause();
                auto issued = m_cp.issueToken(asPerson(owner), tenant.id, pipeline.id, 90, tenant.workspaceIds.at(0));
                auto r = took(issued);
                if (!r)
                    return r.error();
                if (r.value()) {
                    pause();
                    auto revoked = took(m_cp.revokeToken(asPerson(owner), tenant.id, pipeline.id, pipeline.tokenId));
                    if (!revoked)
                        return revoked.error();
                    pipeline.revokedToken = pipeline.token;
                    pipeline.token = issued.value().secret;
                    pipeline.tokenId = issued.value().token.id;
                    pipeline.expiresAtMs = issued.value().token.expiresAtMs;
                }
                pause();
                if (auto out = signOut(owner); !out)
                    return out;
            }
        } else {
            // initech locks its legacy integration, which keeps trying.
            TenantState& tenant = m_tenants[2];
            Person& owner = m_people[std::size_t(tenant.owner)];
            auto in = signIn(owner);
            if (!in)
                return in.error();
            if (!in.value())
                continue;
            for (Robot& r : m_robots) {
                if (r.tenant == 2 && r.kind == Robot::Kind::Legacy) {
                    pause();
                    auto locked = took(m_cp.setIntegrationLocked(asPerson(owner), tenant.id, r.id, true));
                    if (!locked)
                        return locked.error();
                }
            }
            pause();
            if (auto out = signOut(owner); !out)
                return out;
        }
    }
    return {};
}

Result<void> Seeding::activity()
{
    report(QStringLiteral("activity"));
    const qint64 start = m_events;
    const qint64 budget = m_options.events - start;
    if (budget <= 0)
        return {};
    const qint64 span = m_endMs - m_activityStartMs;
    m_clock.moveTo(m_activityStartMs);
    // Half of each event's share of the month goes to the actions of a burst, the rest to the gaps between
    // bursts; never more than a minute between two actions, so sessions do not go idle mid-burst.
    m_spacingMs = std::clamp<qint64>(span / budget / 2, kSecond, kMinute);
    // Every sign-in costs an Argon2id verification (~50 ms), so people work in sessions of many actions.
    const qint64 signIns = std::clamp<qint64>(budget / 1000, 6, 100);
    const qint64 perSession = std::clamp<qint64>(budget * 45 / 100 / signIns, 5, 400);
    m_failedSignInsLeft = int(std::clamp<qint64>(budget / 2500, 3, 40));

    // Shares of the activity: people 45 %, integrations 52 %, scanners and guessers 3 %.
    qint64 byPeople = 0, byRobots = 0, byNoise = 0;
    int totalWeight = 0;
    for (const Person& p : m_people)
        totalWeight += p.weight;
    while (m_events < m_options.events) {
        const qint64 done = m_events - start;
        const double progress = double(done) / double(budget);
        // Bursts follow the clock of the month: the n-th event belongs near n/budget of the way through it.
        const qint64 slot = m_activityStartMs + qint64(progress * double(span));
        // Near the end the slots give way to what is left: the last bursts run up to now, not a day before.
        const qint64 remaining = m_options.events - m_events;
        const qint64 latest = m_endMs - remaining * m_spacingMs;
        const qint64 earliest = m_endMs - remaining * m_spacingMs * 2;
        m_clock.moveTo(std::min(std::max(slot + between(0, std::max<qint64>(1, m_spacingMs * 20)), earliest), latest));
        if (auto r = happenings(progress); !r)
            return r;
        if (m_events >= m_options.events)
            break;

        const qint64 before = m_events;
        const double people = 0.45 * double(done) - double(byPeople);
        const double robots = 0.52 * double(done) - double(byRobots);
        const double noise = 0.03 * double(done) - double(byNoise);
        qint64* tally = nullptr;
        if (noise > people && noise > robots && noise > 0) {
            tally = &byNoise;
            if (auto r = noiseBurst(between(1, 4)); !r)
                return r;
        } else if (people >= robots) {
            tally = &byPeople;
            int w = pick(totalWeight);
            std::size_t who = 0;
            for (; who + 1 < m_people.size() && w >= m_people[who].weight; ++who)
                w -= m_people[who].weight;
            if (auto r = personBurst(m_people[who], between(perSession / 2, perSession * 3 / 2)); !r)
                return r;
        } else {
            tally = &byRobots;
            const int roll = pick(100);
            const Robot::Kind kind =
                roll < 60 ? Robot::Kind::Pipeline : (roll < 95 ? Robot::Kind::Monitoring : Robot::Kind::Legacy);
            QList<Robot*> candidates;
            for (Robot& r : m_robots) {
                if (r.kind == kind)
                    candidates << &r;
            }
            Robot& robot = *candidates.at(pick(int(candidates.size())));
            const qint64 actions = kind == Robot::Kind::Pipeline ? between(3, 9) : between(1, 6);
            if (auto r = robotBurst(robot, actions); !r)
                return r;
        }
        *tally += m_events - before;
    }
    return {};
}

Result<DemoReport> Seeding::run()
{
    m_people.reserve(32);
    if (auto r = setUp(); !r)
        return r.error();
    if (auto r = activity(); !r)
        return r.error();
    report(QStringLiteral("done"));

    DemoReport out;
    out.events = m_events;
    out.firstEventMs = m_firstEventMs;
    out.lastEventMs = m_clock.nowMs();
    out.tenants = int(m_tenants.size());
    for (const TenantState& t : m_tenants)
        out.workspaces += int(t.workspaceIds.size());
    out.integrations = int(m_robots.size());
    out.secrets = int(m_secrets.size());
    for (const SecretState& s : m_secrets) {
        if (s.rotationDays > 0 && s.nextRotationMs <= m_clock.nowMs())
            ++out.secretsOverdue;
    }
    out.signIns = m_signIns;
    for (Person& p : m_people) {
        DemoAccount a;
        a.tenant = p.tenantName;
        a.username = p.username;
        const authz::Role* builtin = authz::builtin::find(p.roleId);
        a.role = builtin ? builtin->name : kReleaseManager;
        a.scope = p.tenant < 0      ? QStringLiteral("platform")
                  : p.workspace < 0 ? QStringLiteral("tenant")
                                    : m_tenants[std::size_t(p.tenant)].workspaceNames.at(p.workspace);
        a.password = std::move(p.password);
        a.chosenPassword = p.chosenPassword;
        a.totpSecret = p.totpBase32;
        out.accounts.push_back(std::move(a));
    }
    for (const Robot& r : m_robots) {
        const TenantState& t = m_tenants[std::size_t(r.tenant)];
        out.tokens << DemoToken{t.name, r.name, r.workspace >= 0 ? t.workspaceNames.at(r.workspace) : QString(),
                                r.token, r.expiresAtMs};
    }
    return out;
}

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms).toUTC().toString(Qt::ISODate);
}

} // namespace

QByteArray DemoReport::credentialsText(const QString& storeId) const
{
    QByteArray text;
    auto line = [&text](const QList<QByteArray>& cells, const QList<int>& widths) {
        for (qsizetype i = 0; i < cells.size(); ++i) {
            text += cells.at(i);
            if (i + 1 < cells.size())
                text += QByteArray(std::max<qsizetype>(1, widths.value(i) - cells.at(i).size()), ' ');
        }
        text += '\n';
    };
    text += "# Gatehouse demo accounts of store " + storeId.toUtf8() +
            "\n"
            "# Made by `gatehoused init --demo` for trying Gatehouse out. It holds passwords: keep it private\n"
            "# (mode 0600) and delete it together with the demo store. Sign in with the tenant (none for platform\n"
            "# administrators), the username and the password; where a TOTP secret is given, add it to an\n"
            "# authenticator app and give its current code too.\n\n";
    const QList<int> widths{10, 10, 20, 10, 25};
    line({"# tenant", "username", "role", "scope", "password", "TOTP secret (base32)"}, widths);
    for (const DemoAccount& a : accounts) {
        const QByteArray password = a.chosenPassword ? QByteArray("(chosen at init)")
                                                     : QByteArray(a.password.chars(), qsizetype(a.password.size()));
        line({a.tenant.isEmpty() ? QByteArray("-") : a.tenant.toUtf8(), a.username.toUtf8(), a.role.toUtf8(),
              a.scope.toUtf8(), password, a.totpSecret.isEmpty() ? QByteArray("-") : a.totpSecret.toUtf8()},
             widths);
    }
    text += "\n# Integration tokens (HTTP header \"Authorization: Bearer <token>\"); legacy-sync has no permissions.\n";
    line({"# tenant", "integration", "workspace", "expires", "token"}, {10, 14, 10, 22});
    for (const DemoToken& t : tokens)
        line({t.tenant.toUtf8(), t.integration.toUtf8(), t.workspace.isEmpty() ? QByteArray("-") : t.workspace.toUtf8(),
              isoTime(t.expiresAtMs).toUtf8(), t.token.toUtf8()},
             {10, 14, 10, 22});
    return text;
}

DemoSeeder::DemoSeeder(store::Store& store, const Clock& wallClock) : m_store(store), m_wallClock(wallClock) {}

Result<DemoReport> DemoSeeder::run(const DemoOptions& options, const std::function<bool(const DemoProgress&)>& progress)
{
    if (options.days < 1 || options.days > 365 || options.events < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the demo spans 1 to 365 days and a non-negative number of events"));
    // A new store is filled in bulk: one fsync at the end rather than one per event (a crash meanwhile loses a
    // half-made demo, nothing else).
    if (auto r = m_store.setBulkLoading(true); !r)
        return r.error();
    auto seeding = std::make_unique<Seeding>(m_store, options, m_wallClock.nowMs(), progress);
    auto report = seeding->run();
    // Durable again whatever happened: the events made so far are kept.
    if (auto r = m_store.setBulkLoading(false); !r)
        return r.error();
    return report;
}

} // namespace gatehouse::demo
