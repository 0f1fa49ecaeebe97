#include "ConsoleBridge.h"

#include "authz/Permission.h"
#include "service/ControlPlane.h"
#include "service/OperationCatalog.h"
#include "widgets/SecretInput.h"

#include <QFutureWatcher>
#include <QLoggingCategory>
#include <QPromise>

Q_LOGGING_CATEGORY(lcConsole, "gatehouse.ui.console")

namespace gatehouse::ui {

namespace {

const QString kLocal = QStringLiteral("local");

// What the control plane says the identity may do and see; asked on the worker thread.
struct AccessAnswer
{
    QStringList tenantPermissions;
    QStringList workspacePermissions;
    QList<tenancy::Workspace> workspaces;
};

Result<AccessAnswer> askAccess(service::ControlPlane& cp, const service::Caller& caller, const service::Principal& who,
                               const QString& workspaceId)
{
    AccessAnswer out;
    auto tenantWide = cp.effectivePermissions(caller, who.tenantId, who.id);
    if (!tenantWide)
        return tenantWide.error();
    out.tenantPermissions = tenantWide.value();
    if (who.tenantId.isEmpty())
        return out;
    // Without workspaces.read the tenant itself is the only scope: not an error.
    auto workspaces = cp.listWorkspaces(caller, who.tenantId);
    if (workspaces)
        out.workspaces = workspaces.value();
    else if (ConsoleBridge::endsSession(workspaces.error()))
        return workspaces.error();
    if (!workspaceId.isEmpty()) {
        // A workspace deleted meanwhile grants nothing; the scope falls back to the tenant.
        auto inWorkspace = cp.effectivePermissions(caller, who.tenantId, who.id, workspaceId);
        if (inWorkspace)
            out.workspacePermissions = inWorkspace.value();
        else if (ConsoleBridge::endsSession(inWorkspace.error()))
            return inWorkspace.error();
    }
    return out;
}

ConsoleAccess toAccess(const AccessAnswer& answer, const service::Principal& who, const QString& tenantName)
{
    ConsoleAccess access;
    access.tenantPermissions = answer.tenantPermissions;
    access.workspacePermissions = answer.workspacePermissions;
    if (who.tenantId.isEmpty()) {
        access.scopes.append({QString(), QString(), ConsoleBridge::tr("Platform")});
        return access;
    }
    access.scopes.append({who.tenantId, QString(), tenantName});
    for (const auto& w : answer.workspaces)
        access.scopes.append({who.tenantId, w.id, ConsoleBridge::tr("%1 / %2").arg(tenantName, w.displayName)});
    return access;
}

} // namespace

ConsoleBridge::ConsoleBridge(service::ControlPlane& controlPlane, QObject* parent) : QObject(parent), m_cp(controlPlane)
{
    // One worker: calls keep the order they were made in (create, then list, shows the new row).
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("consoleBridge"));
    m_streamPool.setMaxThreadCount(1);
    m_streamPool.setObjectName(QStringLiteral("consoleBridgeStream"));
}

ConsoleBridge::~ConsoleBridge()
{
    m_pool.waitForDone();
    m_streamPool.waitForDone();
}

service::Caller ConsoleBridge::sessionCaller() const
{
    return service::Caller::withToken(QString::fromUtf8(m_token.view()), service::Source::Gui, kLocal);
}

void ConsoleBridge::run(Lane lane, std::function<void()> task, std::function<void()> finished)
{
    auto promise = std::make_shared<QPromise<void>>();
    auto* watcher = new QFutureWatcher<void>(this);
    const bool counted = lane == Lane::Calls;
    connect(watcher, &QFutureWatcher<void>::finished, this, [this, watcher, counted, finished = std::move(finished)]() {
        watcher->deleteLater();
        finished();
        // After the callback: a call it makes keeps the window busy without a flicker.
        if (counted && --m_pending == 0)
            emit busyChanged(false);
    });
    watcher->setFuture(promise->future());
    if (counted && m_pending++ == 0)
        emit busyChanged(true);
    (counted ? m_pool : m_streamPool).start([promise, task = std::move(task)]() {
        promise->start();
        task();
        promise->finish();
    });
}

bool ConsoleBridge::noteFailure(const Error& error, quint64 generation)
{
    if (!endsSession(error) || generation != m_generation || !isSignedIn())
        return true;
    qCInfo(lcConsole) << "the control plane ended the console's session";
    closeSession();
    emit sessionEnded(error.message);
    emit sessionClosed();
    return false;
}

service::Caller ConsoleBridge::closeSession()
{
    service::Caller last = sessionCaller();
    m_token = SecureBytes();
    ++m_generation;
    return last;
}

void ConsoleBridge::signIn(const QString& tenantName, const QString& username, SecureBytes password,
                           const QString& code)
{
    auto secret = std::make_shared<SecureBytes>(std::move(password));
    finishSignIn(tenantName,
                 [secret, tenantName, username, code](service::ControlPlane& cp, const service::Caller& anonymous) {
                     auto signedIn = cp.signIn(anonymous, tenantName, username, *secret, code);
                     *secret = SecureBytes();
                     return signedIn;
                 });
}

void ConsoleBridge::beginFederatedSignIn(const QString& tenantName, const QString& redirectUri, QObject* context,
                                         std::function<void(Result<FederatedStart>)> done)
{
    auto answer = std::make_shared<std::optional<Result<FederatedStart>>>();
    QPointer<QObject> guard(context);
    service::ControlPlane& cp = m_cp;
    run(
        [answer, tenantName, redirectUri, &cp]() {
            service::Caller anonymous;
            anonymous.source = service::Source::Gui;
            anonymous.address = kLocal;
            auto started = cp.beginFederatedSignIn(anonymous, tenantName, redirectUri);
            if (!started)
                answer->emplace(started.error());
            else
                answer->emplace(FederatedStart{started.value().authorizationUrl, started.value().state});
        },
        [answer, guard, done = std::move(done)]() {
            if (guard)
                done(std::move(**answer));
        });
}

void ConsoleBridge::completeFederatedSignIn(const QString& tenantName, const QString& state,
                                            const QString& authorizationCode, const QString& code)
{
    finishSignIn(tenantName,
                 [state, authorizationCode, code](service::ControlPlane& cp, const service::Caller& anonymous) {
                     return cp.completeFederatedSignIn(anonymous, state, authorizationCode, code);
                 });
}

void ConsoleBridge::finishSignIn(
    const QString& tenantName,
    std::function<Result<service::SignedIn>(service::ControlPlane&, const service::Caller&)> attempt)
{
    struct Outcome
    {
        std::optional<Error> error;
        bool identityMismatch = false;
        bool enrollmentRequired = false;
        QString token;
        service::Principal principal;
        AccessAnswer access;
    };
    auto outcome = std::make_shared<Outcome>();
    const QString requiredId = m_identity.id;
    const QString workspaceId = m_scope.workspaceId;
    service::ControlPlane& cp = m_cp;
    run(
        [outcome, attempt = std::move(attempt), requiredId, workspaceId, &cp]() {
            service::Caller anonymous;
            anonymous.source = service::Source::Gui;
            anonymous.address = kLocal;
            auto signedIn = attempt(cp, anonymous);
            if (!signedIn) {
                outcome->error = signedIn.error();
                return;
            }
            const auto caller = service::Caller::withToken(signedIn.value().token, service::Source::Gui, kLocal);
            const service::Principal& who = signedIn.value().principal;
            // A locked console opens again only for the identity that locked it; a session for anyone else, or
            // one that may only enrol an authenticator, is ended at once.
            outcome->identityMismatch = !requiredId.isEmpty() && who.id != requiredId;
            outcome->enrollmentRequired = signedIn.value().mfaEnrollmentRequired;
            if (outcome->identityMismatch || outcome->enrollmentRequired) {
                (void)cp.signOut(caller);
                return;
            }
            auto access = askAccess(cp, caller, who, who.tenantId.isEmpty() ? QString() : workspaceId);
            if (!access) {
                (void)cp.signOut(caller);
                outcome->error = access.error();
                return;
            }
            outcome->token = signedIn.value().token;
            outcome->principal = who;
            outcome->access = access.value();
        },
        [outcome, tenantName, this]() {
            if (outcome->error) {
                emit signInFinished(false, outcome->error->message);
                return;
            }
            if (outcome->identityMismatch) {
                emit signInFinished(false, tr("This console is locked for %1. Sign in as %1, or sign out to change "
                                              "identity.")
                                               .arg(m_identity.name));
                return;
            }
            if (outcome->enrollmentRequired) {
                emit signInFinished(false, tr("Your tenant requires administrators to use two-factor "
                                              "authentication. Enrol an authenticator first (over the API or "
                                              "with gatehoused), then sign in here."));
                return;
            }
            const bool sameIdentity = outcome->principal.id == m_identity.id;
            // A second sign-in replaces the session: the first one ends rather than lingering unused.
            endSessionLater();
            m_token = takeSecret(outcome->token);
            ++m_generation;
            m_identity = outcome->principal;
            m_tenantName = tenantName;
            ConsoleAccess access = toAccess(outcome->access, m_identity, m_tenantName);
            if (!sameIdentity || !access.scopes.contains(m_scope)) {
                m_scope = access.scopes.value(0);
                access.workspacePermissions.clear();
            } else {
                m_scope = access.scopes.at(access.scopes.indexOf(m_scope));
            }
            m_access = access;
            emit signInFinished(true, QString());
            emit scopeChanged();
            emit accessChanged();
            emit signedIn();
        });
}

void ConsoleBridge::endSessionLater()
{
    if (!isSignedIn())
        return;
    const service::Caller last = closeSession();
    service::ControlPlane& cp = m_cp;
    run([last, &cp]() { (void)cp.signOut(last); }, [] {});
}

void ConsoleBridge::lock()
{
    if (!isSignedIn())
        return;
    endSessionLater();
    emit sessionClosed();
}

void ConsoleBridge::signOut()
{
    endSessionLater();
    m_identity = {};
    m_tenantName.clear();
    m_scope = {};
    m_access = {};
    emit sessionClosed();
}

void ConsoleBridge::endSessionNow()
{
    m_pool.waitForDone();
    m_streamPool.waitForDone();
    if (!isSignedIn())
        return;
    const service::Caller last = closeSession();
    if (auto r = m_cp.signOut(last); !r)
        qCInfo(lcConsole) << "sign-out at quit failed:" << r.error().message;
}

void ConsoleBridge::setScope(const ConsoleScope& scope)
{
    if (scope == m_scope)
        return;
    m_scope = scope;
    m_access.workspacePermissions.clear();
    emit scopeChanged();
    emit accessChanged();
    refreshAccess();
}

void ConsoleBridge::setAccess(ConsoleAccess access)
{
    m_access = std::move(access);
    emit accessChanged();
}

void ConsoleBridge::refreshAccess()
{
    if (!isSignedIn())
        return;
    const service::Principal who = m_identity;
    const QString workspaceId = m_scope.workspaceId;
    call(
        this,
        [who, workspaceId](service::ControlPlane& cp, const service::Caller& caller) {
            return askAccess(cp, caller, who, workspaceId);
        },
        [this, workspaceId](Result<AccessAnswer> answer) {
            // A later scope change asks again; this answer is for a scope no longer shown.
            if (!answer || workspaceId != m_scope.workspaceId)
                return;
            ConsoleAccess access = toAccess(answer.value(), m_identity, m_tenantName);
            if (!access.scopes.contains(m_scope)) {
                // The workspace is gone: back to the tenant as a whole.
                m_scope = access.scopes.value(0);
                access.workspacePermissions.clear();
                setAccess(std::move(access));
                emit scopeChanged();
                return;
            }
            setAccess(std::move(access));
        });
}

QString ConsoleBridge::missingPermission(QStringView action) const
{
    const service::OperationInfo* info = service::OperationCatalog::find(action);
    if (!info)
        return action.toString(); // deny by default: an action the catalog does not know
    if (info->permission == authz::Permission::Count_)
        return isSignedIn() ? QString() : tr("a session");
    const QString name = authz::permissionName(info->permission);
    // A platform operation needs the permission at the platform, which a tenant's identity never holds, whatever
    // it holds in its tenant under the same name.
    if (info->scope == service::OperationScope::Platform && !m_identity.tenantId.isEmpty())
        return name;
    const bool inWorkspace = info->scope == service::OperationScope::Workspace && !m_scope.workspaceId.isEmpty();
    const QStringList& held = inWorkspace ? m_access.workspacePermissions : m_access.tenantPermissions;
    return held.contains(name) ? QString() : name;
}

} // namespace gatehouse::ui
