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
            auto signedIn = r.cp().signIn(r.caller(), tenant, username, std::move(password), totp);
            if (!signedIn) {
                HttpResponse p = problem(signedIn.error());
                if (signedIn.error().code == ErrorCode::RateLimited) {
                    const qint64 wait =
                        r.cp().throttle().retryAfterMs(r.caller().address, QDateTime::currentMSecsSinceEpoch());
                    p.setHeader("Retry-After", QByteArray::number(std::max<qint64>(1, (wait + 999) / 1000)));
                }
                return p;
            }
            const service::SignedIn& s = signedIn.value();
            return jsonResponse(QJsonObject{{QStringLiteral("token"), s.token},
                                            {QStringLiteral("expires_at"), s.expiresAtMs},
                                            {QStringLiteral("mfa_enrollment_required"), s.mfaEnrollmentRequired},
                                            {QStringLiteral("principal"), toJson(s.principal)}});
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
