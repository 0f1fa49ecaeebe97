#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"
#include "service/Caller.h"

#include <QObject>
#include <QPointer>
#include <QStringList>
#include <QThreadPool>

#include <functional>
#include <memory>
#include <optional>
#include <type_traits>

namespace gatehouse::service {
class ControlPlane;
struct SignedIn;
} // namespace gatehouse::service

namespace gatehouse::ui {

// Where the console acts: a tenant (empty: the platform) and, optionally, one workspace of it.
struct ConsoleScope
{
    QString tenantId;
    QString workspaceId;
    QString label; // for people: "acme", "acme / Production", "Platform"

    bool operator==(const ConsoleScope& other) const
    {
        return tenantId == other.tenantId && workspaceId == other.workspaceId;
    }
};

// What the signed-in identity may do and see, as the control plane answered it.
struct ConsoleAccess
{
    QStringList tenantPermissions;    // at the tenant (or the platform) as a whole
    QStringList workspacePermissions; // in the selected workspace, when one is selected
    QList<ConsoleScope> scopes;       // the scopes the identity can see, the tenant (or platform) first
};

// The console's one door to the control plane, and the one place that owns threads. Every call runs on the
// bridge's worker thread as the signed-in identity (a Caller with the session token and the front door `gui`),
// so the console has no power the API would not give that identity; the result comes back on the GUI thread,
// to a callback that is dropped when its context object is gone. Calls run one at a time, in the order they
// were made. An "unauthenticated" answer (the session expired or was ended elsewhere) ends the session here
// and is announced with sessionEnded(), so the shell can ask for sign-in again.
class ConsoleBridge : public QObject
{
    Q_OBJECT
public:
    explicit ConsoleBridge(service::ControlPlane& controlPlane, QObject* parent = nullptr);
    ~ConsoleBridge() override;

    // --- calls -----------------------------------------------------------------------------------------
    // Runs work(controlPlane, caller) off the GUI thread, then done(result) on the GUI thread; done is dropped
    // when `context` was destroyed, or the session the call was made in has ended, meanwhile. `work` may hold
    // move-only values (a SecureBytes password).
    template <typename Work, typename Done> void call(QObject* context, Work&& work, Done&& done)
    {
        dispatch(Lane::Calls, context, std::forward<Work>(work), std::forward<Done>(done));
    }
    // Like call(), on a lane of its own for reading a live feed (the audit trail as it grows): those reads neither
    // wait behind the ordinary calls nor hold them up, and do not show the console busy. In order among themselves.
    template <typename Work, typename Done> void stream(QObject* context, Work&& work, Done&& done)
    {
        dispatch(Lane::Stream, context, std::forward<Work>(work), std::forward<Done>(done));
    }
    bool isBusy() const { return m_pending > 0; }

    // --- the session -----------------------------------------------------------------------------------
    // tenantName empty: a platform administrator. `code`: a TOTP code or a recovery code. Answers with
    // signInFinished(); on success the identity and its access are known before signedIn() is emitted. While
    // an identity is kept (after lock() or an ended session), only that identity may sign in.
    void signIn(const QString& tenantName, const QString& username, SecureBytes password, const QString& code);
    // Federated sign-in at the tenant's identity provider, in two halves around the browser (FederatedSignIn drives
    // them). The first asks the control plane for the provider's authorization URL for `redirectUri` (the console's
    // loopback listener); `done` gets it, or the control plane's error. The second hands the code and state the
    // browser brought back to the control plane, which checks them and opens the session; it answers with
    // signInFinished() like signIn(). `code` (TOTP) is asked for only when the provider did not vouch for a second
    // factor.
    struct FederatedStart
    {
        QString authorizationUrl;
        QString state;
    };
    void beginFederatedSignIn(const QString& tenantName, const QString& redirectUri, QObject* context,
                              std::function<void(Result<FederatedStart>)> done);
    void completeFederatedSignIn(const QString& tenantName, const QString& state, const QString& authorizationCode,
                                 const QString& code);
    bool isSignedIn() const { return !m_token.isEmpty(); }
    // The identity is kept after lock() and after the session ended, until signOut().
    bool hasIdentity() const { return !m_identity.id.isEmpty(); }
    const service::Principal& identity() const { return m_identity; }
    QString tenantName() const { return m_tenantName; }
    // Ends the session (a locked window holds no live token) and keeps the identity for sign-in again.
    void lock();
    // Ends the session and forgets the identity.
    void signOut();
    // Ends the session now, on the calling thread, once every pending call has run (quit).
    void endSessionNow();

    // --- access at the current scope --------------------------------------------------------------------
    const ConsoleScope& scope() const { return m_scope; }
    const ConsoleAccess& access() const { return m_access; }
    void setScope(const ConsoleScope& scope);
    // Empty when the identity may perform the control-plane action (an OperationCatalog name, "user.lock")
    // at the current scope; else the permission it lacks, by name ("users.write").
    QString missingPermission(QStringView action) const;
    bool allows(QStringView action) const { return missingPermission(action).isEmpty(); }
    // Asks the control plane again what the identity may do and see.
    void refreshAccess();

    // A failure the shell handles itself (the session ended): panes do not show it again.
    static bool endsSession(const Error& error) { return error.code == ErrorCode::Unauthenticated; }

signals:
    void busyChanged(bool busy);
    // ok false: `message` is the control plane's, as it is.
    void signInFinished(bool ok, const QString& message);
    void signedIn();
    // The control plane no longer accepts the session (expired, ended by an administrator).
    void sessionEnded(const QString& message);
    // After lock(), signOut() or sessionEnded(): panes forget what they show.
    void sessionClosed();
    void scopeChanged();
    void accessChanged();

private:
    enum class Lane { Calls, Stream };
    template <typename Work, typename Done> void dispatch(Lane lane, QObject* context, Work&& work, Done&& done)
    {
        using W = std::decay_t<Work>;
        using R = std::invoke_result_t<W&, service::ControlPlane&, const service::Caller&>;
        auto slot = std::make_shared<std::optional<R>>();
        auto task = std::make_shared<W>(std::forward<Work>(work));
        auto then = std::make_shared<std::decay_t<Done>>(std::forward<Done>(done));
        const service::Caller caller = sessionCaller();
        const quint64 generation = m_generation;
        QPointer<QObject> guard(context);
        service::ControlPlane& cp = m_cp;
        run(
            lane, [slot, task, caller, &cp]() { slot->emplace((*task)(cp, caller)); },
            [slot, then, generation, guard, this]() {
                R result = std::move(**slot);
                if (!result.ok() && !noteFailure(result.error(), generation))
                    return;
                if (guard && generation == m_generation)
                    (*then)(std::move(result));
            });
    }
    service::Caller sessionCaller() const;
    // The common second half of every sign-in: `attempt` runs on the worker as an anonymous console caller.
    void finishSignIn(const QString& tenantName,
                      std::function<Result<service::SignedIn>(service::ControlPlane&, const service::Caller&)> attempt);
    // Runs task on the worker; then finished on the GUI thread (always, unless the bridge is gone).
    void run(std::function<void()> task, std::function<void()> finished)
    {
        run(Lane::Calls, std::move(task), std::move(finished));
    }
    void run(Lane lane, std::function<void()> task, std::function<void()> finished);
    // False when the failure ended the session.
    bool noteFailure(const Error& error, quint64 generation);
    // Forgets the token (scrubbed) and drops the answers of calls still running; returns the last caller.
    service::Caller closeSession();
    // Ends the session on the worker (audited as a sign-out).
    void endSessionLater();
    void setAccess(ConsoleAccess access);

    service::ControlPlane& m_cp;
    QThreadPool m_pool;
    QThreadPool m_streamPool;
    int m_pending = 0;
    quint64 m_generation = 0;
    SecureBytes m_token;
    service::Principal m_identity;
    QString m_tenantName;
    ConsoleScope m_scope;
    ConsoleAccess m_access;
};

} // namespace gatehouse::ui
