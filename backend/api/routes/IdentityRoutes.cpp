#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

namespace {

using service::UserStatusChange;

auto asJson = [](const auto& value) {
    return toJson(value);
};

// Users live in a tenant or, as platform administrators, on the platform (tenant id empty in the control plane).
// Both sets of routes share their handlers; only the paths and operation ids differ.
struct UserRoutes
{
    QString base; // the path before "/users"
    bool platform;
    const char* list;
    const char* create;
    const char* get;
    const char* update;
    const char* remove;
    const char* lock;
    const char* unlock;
    const char* disable;
    const char* enable;
    const char* resetMfa;
    const char* resetPassword;
    const char* endSessions;
};

// The path of the scope the users belong to, as a client would send it (for Location headers).
QString scopePath(const ApiRequest& r, bool platform)
{
    return platform ? QStringLiteral("/api/v1/platform")
                    : QStringLiteral("/api/v1/tenants/") + pathSegment(r.param("tenant"));
}

void addUserRoutes(Router& router, const UserRoutes& u)
{
    const bool platform = u.platform;
    auto tenantOf = [platform](const ApiRequest& r) {
        return platform ? QString() : r.param("tenant");
    };
    const QString users = u.base + QStringLiteral("/users");
    const QString user = users + QStringLiteral("/{user}");

    router.add("GET", users, QString::fromLatin1(u.list), [tenantOf](ApiRequest& r) {
        auto list = r.cp().listUsers(r.caller(), tenantOf(r));
        return list ? pagedList(r, toJsonArray(list.value())) : problem(list.error());
    });
    router.addWithBody("POST", users, QString::fromLatin1(u.create), [tenantOf, platform](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString username = f.string("username");
        const QString displayName = f.string("display_name");
        const QString email = f.string("email");
        f.requireSecret("password");
        if (!f)
            return problem(f.error());
        auto added = r.cp().createUser(r.caller(), tenantOf(r), username, displayName, email, f.secret("password"));
        if (!added)
            return problem(added.error());
        return created(taggedResponse(toJson(added.value())),
                       scopePath(r, platform) + QStringLiteral("/users/") + pathSegment(added.value().id));
    });
    router.add("GET", user, QString::fromLatin1(u.get), [tenantOf](ApiRequest& r) {
        return replyTagged(r.cp().getUser(r.caller(), tenantOf(r), r.param("user")), asJson);
    });
    router.addWithBody("PATCH", user, QString::fromLatin1(u.update), [tenantOf](ApiRequest& r) {
        BodyFields& f = r.body();
        std::optional<QString> displayName = f.optionalString("display_name");
        std::optional<QString> email = f.optionalString("email");
        if (!f)
            return problem(f.error());
        if (!displayName && !email)
            return problem(Error{ErrorCode::InvalidArgument,
                                 QStringLiteral("Send \"display_name\", \"email\" or both: an empty update changes "
                                                "nothing.")});
        const QString tenantId = tenantOf(r);
        const QString userId = r.param("user");
        const auto json = [](const identity::User& stored) {
            return toJson(stored);
        };
        service::Expect<identity::User> expect = ifMatchExpect<identity::User>(r, json);
        // The control plane sets both fields at once: a field left out keeps the value just read, and the change
        // is refused if the user is no longer that version when it is written.
        if (!displayName || !email) {
            auto current = r.cp().getUser(r.caller(), tenantId, userId);
            if (!current)
                return problem(current.error());
            if (auto refused = checkIfMatch(r, toJson(current.value())))
                return *refused;
            displayName = displayName.value_or(current.value().displayName);
            email = email.value_or(current.value().email);
            expect = unchangedSince<identity::User>(toJson(current.value()), json);
        }
        return replyCompared(r.cp().updateUser(r.caller(), tenantId, userId, *displayName, *email, expect), asJson,
                             [&] { return r.cp().getUser(r.caller(), tenantId, userId); });
    });
    router.add("DELETE", user, QString::fromLatin1(u.remove), [tenantOf](ApiRequest& r) {
        return reply(r.cp().deleteUser(r.caller(), tenantOf(r), r.param("user")));
    });
    const struct
    {
        const char* path;
        const char* operationId;
        UserStatusChange change;
    } statusChanges[] = {{"/lock", u.lock, UserStatusChange::Lock},
                         {"/unlock", u.unlock, UserStatusChange::Unlock},
                         {"/disable", u.disable, UserStatusChange::Disable},
                         {"/enable", u.enable, UserStatusChange::Enable}};
    for (const auto& s : statusChanges) {
        const UserStatusChange change = s.change;
        router.add("POST", user + QLatin1String(s.path), QString::fromLatin1(s.operationId),
                   [tenantOf, change](ApiRequest& r) {
                       return replyTagged(r.cp().setUserStatus(r.caller(), tenantOf(r), r.param("user"), change),
                                          asJson);
                   });
    }
    router.add("POST", user + QStringLiteral("/reset-mfa"), QString::fromLatin1(u.resetMfa), [tenantOf](ApiRequest& r) {
        return reply(r.cp().resetUserMfa(r.caller(), tenantOf(r), r.param("user")));
    });
    router.add(
        "POST", user + QStringLiteral("/end-sessions"), QString::fromLatin1(u.endSessions),
        [tenantOf](ApiRequest& r) { return reply(r.cp().endUserSessions(r.caller(), tenantOf(r), r.param("user"))); });
    router.addWithBody(
        "POST", user + QStringLiteral("/reset-password"), QString::fromLatin1(u.resetPassword),
        [tenantOf](ApiRequest& r) {
            BodyFields& f = r.body();
            f.requireSecret("password");
            if (!f)
                return problem(f.error());
            return reply(r.cp().resetUserPassword(r.caller(), tenantOf(r), r.param("user"), f.secret("password")));
        });
}

void addIntegrationRoutes(Router& router)
{
    const QString integrations = QStringLiteral("/api/v1/tenants/{tenant}/integrations");
    const QString integration = integrations + QStringLiteral("/{integration}");
    const QString tokens = integration + QStringLiteral("/tokens");

    router.add("GET", integrations, QStringLiteral("listIntegrations"), [](ApiRequest& r) {
        auto list = r.cp().listIntegrations(r.caller(), r.param("tenant"));
        return list ? pagedList(r, toJsonArray(list.value())) : problem(list.error());
    });
    router.addWithBody("POST", integrations, QStringLiteral("createIntegration"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString name = f.string("name");
        const QString description = f.string("description");
        if (!f)
            return problem(f.error());
        auto made = r.cp().createIntegration(r.caller(), r.param("tenant"), name, description);
        if (!made)
            return problem(made.error());
        return created(jsonResponse(toJson(made.value())),
                       QStringLiteral("/api/v1/tenants/") + pathSegment(r.param("tenant")) +
                           QStringLiteral("/integrations/") + pathSegment(made.value().id));
    });
    router.addWithBody("PATCH", integration, QStringLiteral("updateIntegration"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const bool locked = f.boolean("locked");
        if (!f)
            return problem(f.error());
        return reply(r.cp().setIntegrationLocked(r.caller(), r.param("tenant"), r.param("integration"), locked),
                     asJson);
    });
    router.add("DELETE", integration, QStringLiteral("deleteIntegration"), [](ApiRequest& r) {
        return reply(r.cp().deleteIntegration(r.caller(), r.param("tenant"), r.param("integration")));
    });
    // Mutual TLS for an integration: its tokens then work only over a connection presenting this certificate.
    const QString certificate = integration + QStringLiteral("/certificate");
    router.addWithBody("PUT", certificate, QStringLiteral("bindIntegrationCertificate"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString sha256 = f.string("sha256");
        if (!f)
            return problem(f.error());
        if (sha256.trimmed().isEmpty())
            return problem(Error{ErrorCode::InvalidArgument,
                                 QStringLiteral("sha256 names the client certificate; DELETE unbinds it.")});
        return reply(r.cp().bindIntegrationCertificate(r.caller(), r.param("tenant"), r.param("integration"), sha256),
                     asJson);
    });
    router.add("DELETE", certificate, QStringLiteral("unbindIntegrationCertificate"), [](ApiRequest& r) {
        return reply(r.cp().bindIntegrationCertificate(r.caller(), r.param("tenant"), r.param("integration"), {}),
                     asJson);
    });

    // Token exchange: the subject of the provider-issued access tokens that stand for the integration.
    const QString federatedSubject = integration + QStringLiteral("/federated-subject");
    router.addWithBody("PUT", federatedSubject, QStringLiteral("linkIntegrationSubject"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString subject = f.string("subject");
        if (!f)
            return problem(f.error());
        if (subject.isEmpty())
            return problem(Error{ErrorCode::InvalidArgument,
                                 QStringLiteral("subject is the \"sub\" of the provider's access tokens for this "
                                                "integration; DELETE unlinks it.")});
        return reply(
            r.cp().setIntegrationFederatedSubject(r.caller(), r.param("tenant"), r.param("integration"), subject),
            asJson);
    });
    router.add("DELETE", federatedSubject, QStringLiteral("unlinkIntegrationSubject"), [](ApiRequest& r) {
        return reply(r.cp().setIntegrationFederatedSubject(r.caller(), r.param("tenant"), r.param("integration"), {}),
                     asJson);
    });

    router.add("GET", tokens, QStringLiteral("listTokens"), [](ApiRequest& r) {
        auto list = r.cp().listTokens(r.caller(), r.param("tenant"), r.param("integration"));
        return list ? pagedList(r, toJsonArray(list.value())) : problem(list.error());
    });
    router.addWithBody("POST", tokens, QStringLiteral("issueToken"), [](ApiRequest& r) {
        BodyFields& f = r.optionalBody();
        const int expiryDays = f.optionalInteger("expiry_days").value_or(90);
        const QString workspaceId = f.optionalString("workspace_id").value_or(QString());
        if (!f)
            return problem(f.error());
        auto issued = r.cp().issueToken(r.caller(), r.param("tenant"), r.param("integration"), expiryDays, workspaceId);
        if (!issued)
            return problem(issued.error());
        // The only time the token's secret is ever sent: it is not stored, only its hash.
        return created(jsonResponse(QJsonObject{{QStringLiteral("token"), toJson(issued.value().token)},
                                                {QStringLiteral("secret"), issued.value().secret}}),
                       QStringLiteral("/api/v1/tenants/") + pathSegment(r.param("tenant")) +
                           QStringLiteral("/integrations/") + pathSegment(r.param("integration")) +
                           QStringLiteral("/tokens/") + pathSegment(issued.value().token.id));
    });
    router.add("DELETE", tokens + QStringLiteral("/{token}"), QStringLiteral("revokeToken"), [](ApiRequest& r) {
        return reply(r.cp().revokeToken(r.caller(), r.param("tenant"), r.param("integration"), r.param("token")));
    });
}

} // namespace

void addIdentityRoutes(Router& router)
{
    addUserRoutes(router, {QStringLiteral("/api/v1/tenants/{tenant}"), false, "listUsers", "createUser", "getUser",
                           "updateUser", "deleteUser", "lockUser", "unlockUser", "disableUser", "enableUser",
                           "resetUserMfa", "resetUserPassword", "endUserSessions"});
    addUserRoutes(router, {QStringLiteral("/api/v1/platform"), true, "listPlatformUsers", "createPlatformUser",
                           "getPlatformUser", "updatePlatformUser", "deletePlatformUser", "lockPlatformUser",
                           "unlockPlatformUser", "disablePlatformUser", "enablePlatformUser", "resetPlatformUserMfa",
                           "resetPlatformUserPassword", "endPlatformUserSessions"});
    addIntegrationRoutes(router);
}

} // namespace gatehouse::api
