#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "core/SecureBytes.h"
#include "service/ControlPlane.h"

#include <QDateTime>
#include <QJsonArray>

namespace gatehouse::api {

namespace {

HttpResponse missing(const char* field)
{
    return problem(
        Error{ErrorCode::InvalidArgument, QStringLiteral("The field \"%1\" is required.").arg(QLatin1String(field))});
}

// The current credentials of a request that changes the caller's own: `current_password`, and `current_code`
// (a TOTP code or a recovery code) when an authenticator is enrolled. Types are checked before anything else.
// Read after every other field of the request: its check also refuses fields nobody read.
Result<service::Reauthentication> reauthentication(BodyFields& f)
{
    f.requireSecret("current_password");
    const std::optional<QString> code = f.optionalString("current_code");
    if (!f)
        return f.error();
    return service::Reauthentication{f.secret("current_password"), code.value_or(QString())};
}

QJsonObject recoveryCodes(const QStringList& codes)
{
    return QJsonObject{{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes)}};
}

// The answer to a sign-in, by password or at the tenant's identity provider: the session, or the refusal (with
// Retry-After when the address is throttled).
HttpResponse signedInResponse(ApiRequest& r, const Result<service::SignedIn>& signedIn)
{
    if (!signedIn) {
        HttpResponse p = problem(signedIn.error());
        if (signedIn.error().code == ErrorCode::RateLimited) {
            const qint64 wait = r.cp().throttle().retryAfterMs(r.caller().address, QDateTime::currentMSecsSinceEpoch());
            p.setHeader("Retry-After", QByteArray::number(std::max<qint64>(1, (wait + 999) / 1000)));
        }
        return p;
    }
    const service::SignedIn& s = signedIn.value();
    return jsonResponse(QJsonObject{{QStringLiteral("token"), s.token},
                                    {QStringLiteral("expires_at"), s.expiresAtMs},
                                    {QStringLiteral("mfa_enrollment_required"), s.mfaEnrollmentRequired},
                                    {QStringLiteral("principal"), toJson(s.principal)}});
}

} // namespace

void addAuthRoutes(Router& router)
{
    router.addWithBody(
        "POST", QStringLiteral("/api/v1/auth/login"), QStringLiteral("login"),
        [](ApiRequest& r) {
            BodyFields& f = r.body();
            const QString tenant = f.optionalString("tenant").value_or(QString());
            const QString username = f.string("username");
            f.requireSecret("password");
            const QString totp = f.optionalString("totp").value_or(QString());
            if (!f)
                return problem(f.error());
            if (username.isEmpty())
                return missing("username");
            SecureBytes password = f.secret("password");
            if (password.size() == 0)
                return missing("password");
            return signedInResponse(r, r.cp().signIn(r.caller(), tenant, username, std::move(password), totp));
        },
        true);
    // Federated sign-in at the tenant's OIDC provider: start gives the URL to open and its state; the callback
    // takes what the provider sent back to the redirect URI.
    router.addWithBody(
        "POST", QStringLiteral("/api/v1/auth/oidc/start"), QStringLiteral("startOidcSignIn"),
        [](ApiRequest& r) {
            BodyFields& f = r.body();
            const QString tenant = f.string("tenant");
            const QString redirectUri = f.string("redirect_uri");
            if (!f)
                return problem(f.error());
            auto started = r.cp().beginFederatedSignIn(r.caller(), tenant, redirectUri);
            if (!started && started.error().code == ErrorCode::RateLimited)
                return signedInResponse(r, started.error());
            return reply(started, [](const service::ControlPlane::FederatedStart& s) {
                return QJsonObject{{QStringLiteral("authorization_url"), s.authorizationUrl},
                                   {QStringLiteral("state"), s.state},
                                   {QStringLiteral("expires_at"), s.expiresAtMs}};
            });
        },
        true);
    router.addWithBody(
        "POST", QStringLiteral("/api/v1/auth/oidc/callback"), QStringLiteral("completeOidcSignIn"),
        [](ApiRequest& r) {
            BodyFields& f = r.body();
            const QString state = f.string("state");
            const QString code = f.string("code");
            const QString totp = f.optionalString("totp").value_or(QString());
            if (!f)
                return problem(f.error());
            if (state.isEmpty())
                return missing("state");
            if (code.isEmpty())
                return missing("code");
            return signedInResponse(r, r.cp().completeFederatedSignIn(r.caller(), state, code, totp));
        },
        true);
    // Token exchange (RFC 8693's vocabulary): an integration's access token from the tenant's provider for a
    // Gatehouse integration token.
    router.addWithBody(
        "POST", QStringLiteral("/api/v1/auth/oidc/token"), QStringLiteral("exchangeOidcToken"),
        [](ApiRequest& r) {
            BodyFields& f = r.body();
            const QString tenant = f.string("tenant");
            f.requireSecret("subject_token");
            const QString type = f.string("subject_token_type");
            if (!f)
                return problem(f.error());
            if (type != QLatin1String("urn:ietf:params:oauth:token-type:access_token"))
                return problem(Error{ErrorCode::InvalidArgument,
                                     QStringLiteral("subject_token_type must be "
                                                    "urn:ietf:params:oauth:token-type:access_token: the provider's "
                                                    "access token (a JWT) for this integration")});
            SecureBytes token = f.secret("subject_token");
            if (token.size() == 0)
                return missing("subject_token");
            auto issued = r.cp().exchangeProviderToken(r.caller(), tenant, token);
            if (!issued && issued.error().code == ErrorCode::RateLimited)
                return signedInResponse(r, issued.error());
            return reply(issued, [](const service::IssuedToken& t) {
                return QJsonObject{{QStringLiteral("token"), t.secret},
                                   {QStringLiteral("expires_at"), t.token.expiresAtMs},
                                   {QStringLiteral("integration_id"), t.token.integrationId},
                                   {QStringLiteral("token_id"), t.token.id}};
            });
        },
        true);
    router.add("POST", QStringLiteral("/api/v1/auth/logout"), QStringLiteral("logout"),
               [](ApiRequest& r) { return reply(r.cp().signOut(r.caller())); });
    router.add("GET", QStringLiteral("/api/v1/auth/whoami"), QStringLiteral("whoami"), [](ApiRequest& r) {
        return reply(r.cp().whoami(r.caller()), [](const service::Principal& p) { return toJson(p); });
    });
    router.addWithBody(
        "POST", QStringLiteral("/api/v1/auth/password"), QStringLiteral("changeOwnPassword"), [](ApiRequest& r) {
            BodyFields& f = r.body();
            f.requireSecret("new_password");
            auto current = reauthentication(f);
            if (!current)
                return problem(current.error());
            return reply(r.cp().changeOwnPassword(r.caller(), current.value(), f.secret("new_password")));
        });
    router.add("POST", QStringLiteral("/api/v1/auth/mfa/totp"), QStringLiteral("beginTotpEnrollment"),
               [](ApiRequest& r) {
                   return reply(r.cp().beginTotpEnrollment(r.caller()), [](const service::TotpEnrollment& e) {
                       return QJsonObject{{QStringLiteral("secret"), e.secret},
                                          {QStringLiteral("provisioning_uri"), e.provisioningUri}};
                   });
               });
    router.addWithBody("POST", QStringLiteral("/api/v1/auth/mfa/totp/confirm"), QStringLiteral("confirmTotpEnrollment"),
                       [](ApiRequest& r) {
                           BodyFields& f = r.body();
                           const QString code = f.string("code");
                           auto current = reauthentication(f);
                           if (!current)
                               return problem(current.error());
                           return reply(r.cp().confirmTotpEnrollment(r.caller(), code, current.value()), recoveryCodes);
                       });
    router.addWithBody("POST", QStringLiteral("/api/v1/auth/mfa/totp/remove"), QStringLiteral("removeTotp"),
                       [](ApiRequest& r) {
                           BodyFields& f = r.body();
                           auto current = reauthentication(f);
                           if (!current)
                               return problem(current.error());
                           return reply(r.cp().removeOwnTotp(r.caller(), current.value()));
                       });
    router.addWithBody("POST", QStringLiteral("/api/v1/auth/mfa/recovery-codes"),
                       QStringLiteral("regenerateRecoveryCodes"), [](ApiRequest& r) {
                           BodyFields& f = r.body();
                           auto current = reauthentication(f);
                           if (!current)
                               return problem(current.error());
                           return reply(r.cp().regenerateRecoveryCodes(r.caller(), current.value()), recoveryCodes);
                       });
}

} // namespace gatehouse::api
