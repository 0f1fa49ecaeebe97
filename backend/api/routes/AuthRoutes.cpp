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
Result<service::Reauthentication> reauthentication(BodyFields& f, const QJsonObject& body)
{
    f.requireSecret("current_password");
    const std::optional<QString> code = f.optionalString("current_code");
    if (!f)
        return f.error();
    return service::Reauthentication{secretField(body, "current_password"), code.value_or(QString())};
}

QJsonObject recoveryCodes(const QStringList& codes)
{
    return QJsonObject{{QStringLiteral("recovery_codes"), QJsonArray::fromStringList(codes)}};
}

} // namespace

void addAuthRoutes(Router& router)
{
    router.add(
        "POST", QStringLiteral("/api/v1/auth/login"), QStringLiteral("login"),
        [](ApiRequest& r) {
            auto body = r.json();
            if (!body)
                return problem(body.error());
            const QJsonObject& b = body.value();
            if (b.value(QStringLiteral("username")).toString().isEmpty())
                return missing("username");
            if (b.value(QStringLiteral("password")).toString().isEmpty())
                return missing("password");
            auto signedIn = r.cp().signIn(r.caller(), b.value(QStringLiteral("tenant")).toString(),
                                          b.value(QStringLiteral("username")).toString(), secretField(b, "password"),
                                          b.value(QStringLiteral("totp")).toString());
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
    router.add("POST", QStringLiteral("/api/v1/auth/password"), QStringLiteral("changeOwnPassword"), [](ApiRequest& r) {
        auto body = r.json();
        if (!body)
            return problem(body.error());
        BodyFields f(body.value());
        f.requireSecret("new_password");
        auto current = reauthentication(f, body.value());
        if (!current)
            return problem(current.error());
        return reply(r.cp().changeOwnPassword(r.caller(), current.value(), secretField(body.value(), "new_password")));
    });
    router.add("POST", QStringLiteral("/api/v1/auth/mfa/totp"), QStringLiteral("beginTotpEnrollment"),
               [](ApiRequest& r) {
                   return reply(r.cp().beginTotpEnrollment(r.caller()), [](const service::TotpEnrollment& e) {
                       return QJsonObject{{QStringLiteral("secret"), e.secret},
                                          {QStringLiteral("provisioning_uri"), e.provisioningUri}};
                   });
               });
    router.add("POST", QStringLiteral("/api/v1/auth/mfa/totp/confirm"), QStringLiteral("confirmTotpEnrollment"),
               [](ApiRequest& r) {
                   auto body = r.json();
                   if (!body)
                       return problem(body.error());
                   BodyFields f(body.value());
                   const QString code = f.string("code");
                   auto current = reauthentication(f, body.value());
                   if (!current)
                       return problem(current.error());
                   return reply(r.cp().confirmTotpEnrollment(r.caller(), code, current.value()), recoveryCodes);
               });
    router.add("POST", QStringLiteral("/api/v1/auth/mfa/totp/remove"), QStringLiteral("removeTotp"), [](ApiRequest& r) {
        auto body = r.json();
        if (!body)
            return problem(body.error());
        BodyFields f(body.value());
        auto current = reauthentication(f, body.value());
        if (!current)
            return problem(current.error());
        return reply(r.cp().removeOwnTotp(r.caller(), current.value()));
    });
    router.add("POST", QStringLiteral("/api/v1/auth/mfa/recovery-codes"), QStringLiteral("regenerateRecoveryCodes"),
               [](ApiRequest& r) {
                   auto body = r.json();
                   if (!body)
                       return problem(body.error());
                   BodyFields f(body.value());
                   auto current = reauthentication(f, body.value());
                   if (!current)
                       return problem(current.error());
                   return reply(r.cp().regenerateRecoveryCodes(r.caller(), current.value()), recoveryCodes);
               });
}

} // namespace gatehouse::api
