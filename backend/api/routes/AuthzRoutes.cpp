#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

namespace {

auto asJson = [](const auto& value) {
    return toJson(value);
};

// One role of the tenant, picked from the list the control plane gives (there is no single-role read).
Result<authz::Role> findRole(const ApiRequest& r)
{
    auto roles = r.cp().listRoles(r.caller(), r.param("tenant"));
    if (!roles)
        return roles.error();
    const QString id = r.param("role");
    for (const authz::Role& role : roles.value())
        if (role.id == id)
            return role;
    return Error{ErrorCode::NotFound, QStringLiteral("role not found")};
}

void addRoleRoutes(Router& router)
{
    const QString roles = QStringLiteral("/api/v1/tenants/{tenant}/roles");
    const QString role = roles + QStringLiteral("/{role}");

    router.add("GET", roles, QStringLiteral("listRoles"), [](ApiRequest& r) {
        auto list = r.cp().listRoles(r.caller(), r.param("tenant"));
        return list ? pagedList(r, toJsonArray(list.value())) : problem(list.error());
    });
    router.addWithBody("POST", roles, QStringLiteral("createRole"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString name = f.string("name");
        const QString description = f.string("description");
        const QStringList permissions = f.stringList("permissions");
        if (!f)
            return problem(f.error());
        auto made = r.cp().createRole(r.caller(), r.param("tenant"), name, description, permissions);
        if (!made)
            return problem(made.error());
        return created(taggedResponse(toJson(made.value())),
                       QStringLiteral("/api/v1/tenants/") + pathSegment(r.param("tenant")) + QStringLiteral("/roles/") +
                           pathSegment(made.value().id));
    });
    router.add("GET", role, QStringLiteral("getRole"), [](ApiRequest& r) { return replyTagged(findRole(r), asJson); });
    router.addWithBody("PATCH", role, QStringLiteral("updateRole"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        std::optional<QString> description = f.optionalString("description");
        std::optional<QStringList> permissions = f.optionalStringList("permissions");
        if (!f)
            return problem(f.error());
        if (!description && !permissions)
            return problem(Error{ErrorCode::InvalidArgument,
                                 QStringLiteral("Send \"description\", \"permissions\" or both: an empty update "
                                                "changes nothing.")});
        const auto json = [](const authz::Role& stored) {
            return toJson(stored);
        };
        service::Expect<authz::Role> expect = ifMatchExpect<authz::Role>(r, json);
        // The control plane sets both at once: a field left out keeps the value just read, and the change is
        // refused if the role is no longer that version when it is written.
        if (!description || !permissions) {
            auto current = findRole(r);
            if (!current)
                return problem(current.error());
            if (auto refused = checkIfMatch(r, toJson(current.value())))
                return *refused;
            description = description.value_or(current.value().description);
            permissions = permissions.value_or(current.value().permissions.names());
            expect = unchangedSince<authz::Role>(toJson(current.value()), json);
        }
        return replyCompared(
            r.cp().updateRole(r.caller(), r.param("tenant"), r.param("role"), *description, *permissions, expect),
            asJson, [&r] { return findRole(r); });
    });
    router.add("DELETE", role, QStringLiteral("deleteRole"),
               [](ApiRequest& r) { return reply(r.cp().deleteRole(r.caller(), r.param("tenant"), r.param("role"))); });
}

// Bindings of a tenant, or of the platform (tenant id empty in the control plane, and no workspace).
void addBindingRoutes(Router& router, const QString& base, bool platform, const char* list, const char* create,
                      const char* remove)
{
    auto tenantOf = [platform](const ApiRequest& r) {
        return platform ? QString() : r.param("tenant");
    };
    const QString bindings = base + QStringLiteral("/bindings");

    router.add("GET", bindings, QString::fromLatin1(list), [tenantOf](ApiRequest& r) {
        auto all = r.cp().listBindings(r.caller(), tenantOf(r));
        return all ? pagedList(r, toJsonArray(all.value())) : problem(all.error());
    });
    router.addWithBody("POST", bindings, QString::fromLatin1(create), [tenantOf, platform](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString identityKind = f.string("identity_kind");
        const QString identityId = f.string("identity_id");
        const QString roleId = f.string("role_id");
        const QString workspaceId = platform ? QString() : f.optionalString("workspace_id").value_or(QString());
        if (!f)
            return problem(f.error());
        auto made = r.cp().createBinding(r.caller(), tenantOf(r), identityKind, identityId, roleId, workspaceId);
        if (!made)
            return problem(made.error());
        const QString scope = platform ? QStringLiteral("/api/v1/platform")
                                       : QStringLiteral("/api/v1/tenants/") + pathSegment(r.param("tenant"));
        return created(jsonResponse(toJson(made.value())),
                       scope + QStringLiteral("/bindings/") + pathSegment(made.value().id));
    });
    router.add(
        "DELETE", bindings + QStringLiteral("/{binding}"), QString::fromLatin1(remove),
        [tenantOf](ApiRequest& r) { return reply(r.cp().deleteBinding(r.caller(), tenantOf(r), r.param("binding"))); });
}

void addQuestionRoutes(Router& router)
{
    const QString authz = QStringLiteral("/api/v1/tenants/{tenant}/authz");
    router.addWithBody("POST", authz + QStringLiteral("/check"), QStringLiteral("checkAccess"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString identityId = f.string("identity_id");
        const QString permission = f.string("permission");
        const QString workspaceId = f.optionalString("workspace_id").value_or(QString());
        if (!f)
            return problem(f.error());
        return reply(r.cp().checkAccess(r.caller(), r.param("tenant"), identityId, permission, workspaceId),
                     [](const authz::Decision& d) {
                         QJsonObject o = toJson(d);
                         o.remove(QStringLiteral("permission")); // the caller named it
                         return o;
                     });
    });
    // What an identity may do at a scope, and optionally why one permission is or is not granted.
    router.addWithBody("POST", authz + QStringLiteral("/explain"), QStringLiteral("explainAccess"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString identityId = f.string("identity_id");
        const QString workspaceId = f.optionalString("workspace_id").value_or(QString());
        const std::optional<QString> permission = f.optionalString("permission");
        if (!f)
            return problem(f.error());
        auto explained = r.cp().explainAccess(r.caller(), r.param("tenant"), identityId, workspaceId, permission);
        if (!explained)
            return problem(explained.error());
        QJsonObject out{
            {QStringLiteral("identity_id"), identityId},
            {QStringLiteral("workspace_id"), workspaceId.isEmpty() ? QJsonValue() : QJsonValue(workspaceId)},
            {QStringLiteral("effective_permissions"), QJsonArray::fromStringList(explained.value().effective)}};
        if (explained.value().decision)
            out.insert(QStringLiteral("decision"), toJson(*explained.value().decision));
        return jsonResponse(out);
    });
}

} // namespace

void addAuthzRoutes(Router& router)
{
    addRoleRoutes(router);
    addBindingRoutes(router, QStringLiteral("/api/v1/tenants/{tenant}"), false, "listBindings", "createBinding",
                     "deleteBinding");
    addBindingRoutes(router, QStringLiteral("/api/v1/platform"), true, "listPlatformBindings", "createPlatformBinding",
                     "deletePlatformBinding");
    addQuestionRoutes(router);
}

} // namespace gatehouse::api
