#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

namespace {

const QString kTenants = QStringLiteral("/api/v1/tenants");
const QString kTenant = QStringLiteral("/api/v1/tenants/{tenant}");
const QString kWorkspaces = QStringLiteral("/api/v1/tenants/{tenant}/workspaces");
const QString kWorkspace = QStringLiteral("/api/v1/tenants/{tenant}/workspaces/{workspace}");

auto asJson = [](const auto& value) {
    return toJson(value);
};

// The PATCH of a tenant or workspace: display_name or suspended. The control plane changes one of them per call
// (each its own audited action), and a PATCH must apply whole or not at all, so one request carries one change.
struct StatusOrNameChange
{
    std::optional<QString> displayName;
    std::optional<bool> suspended;
};

Result<StatusOrNameChange> statusOrNameChange(ApiRequest& r)
{
    BodyFields& f = r.body();
    StatusOrNameChange change{f.optionalString("display_name"), f.optionalBoolean("suspended")};
    if (!f)
        return f.error();
    if (change.displayName.has_value() == change.suspended.has_value())
        return Error{ErrorCode::InvalidArgument,
                     QStringLiteral("Send one of the fields \"display_name\" or \"suspended\" per request.")};
    return change;
}

} // namespace

void addTenancyRoutes(Router& router)
{
    // --- tenants ---
    router.add("GET", kTenants, QStringLiteral("listTenants"), [](ApiRequest& r) {
        auto tenants = r.cp().listTenants(r.caller());
        return tenants ? pagedList(r, toJsonArray(tenants.value())) : problem(tenants.error());
    });
    router.addWithBody("POST", kTenants, QStringLiteral("createTenant"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString name = f.string("name");
        const QString displayName = f.string("display_name");
        const QString ownerUsername = f.string("owner_username");
        f.requireSecret("owner_password");
        if (!f)
            return problem(f.error());
        auto tenant = r.cp().createTenant(r.caller(), name, displayName, ownerUsername, f.secret("owner_password"));
        if (!tenant)
            return problem(tenant.error());
        return created(taggedResponse(toJson(tenant.value())), kTenants + u'/' + pathSegment(tenant.value().id));
    });
    router.add("GET", kTenant, QStringLiteral("getTenant"),
               [](ApiRequest& r) { return replyTagged(r.cp().getTenant(r.caller(), r.param("tenant")), asJson); });
    router.addWithBody("PATCH", kTenant, QStringLiteral("updateTenant"), [](ApiRequest& r) {
        auto change = statusOrNameChange(r);
        if (!change)
            return problem(change.error());
        const QString tenantId = r.param("tenant");
        const auto expect =
            ifMatchExpect<tenancy::Tenant>(r, [](const tenancy::Tenant& tenant) { return toJson(tenant); });
        const StatusOrNameChange& c = change.value();
        return replyCompared(c.displayName ? r.cp().renameTenant(r.caller(), tenantId, *c.displayName, expect)
                                           : r.cp().setTenantSuspended(r.caller(), tenantId, *c.suspended, expect),
                             asJson, [&r, &tenantId] { return r.cp().getTenant(r.caller(), tenantId); });
    });
    router.add("DELETE", kTenant, QStringLiteral("deleteTenant"), [](ApiRequest& r) {
        if (auto missing = r.requireQuery("confirm", QStringLiteral("repeat the tenant's name to confirm")))
            return *missing;
        return reply(r.cp().deleteTenant(r.caller(), r.param("tenant"), r.query("confirm")));
    });

    // --- settings ---
    router.add("GET", kTenant + QStringLiteral("/settings"), QStringLiteral("getTenantSettings"),
               [](ApiRequest& r) { return replyTagged(r.cp().tenantSettings(r.caller(), r.param("tenant")), asJson); });
    router.addWithBody(
        "PUT", kTenant + QStringLiteral("/settings"), QStringLiteral("updateTenantSettings"), [](ApiRequest& r) {
            auto settings = tenantSettingsFromJson(r.body());
            if (!settings)
                return problem(settings.error());
            const QString tenantId = r.param("tenant");
            // If-Match: the settings it names are the ones the change must find (compared where they are written).
            std::optional<tenancy::TenantSettings> expected;
            if (!ifMatchTags(r).isEmpty()) {
                auto current = r.cp().tenantSettings(r.caller(), tenantId);
                if (!current)
                    return problem(current.error());
                if (auto refused = checkIfMatch(r, toJson(current.value())))
                    return *refused;
                expected = current.value();
            }
            return replyCompared(r.cp().updateTenantSettings(r.caller(), tenantId, settings.value(), expected), asJson,
                                 [&] { return r.cp().tenantSettings(r.caller(), tenantId); });
        });

    // --- workspaces ---
    router.add("GET", kWorkspaces, QStringLiteral("listWorkspaces"), [](ApiRequest& r) {
        auto workspaces = r.cp().listWorkspaces(r.caller(), r.param("tenant"));
        return workspaces ? pagedList(r, toJsonArray(workspaces.value())) : problem(workspaces.error());
    });
    router.addWithBody("POST", kWorkspaces, QStringLiteral("createWorkspace"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString name = f.string("name");
        const QString displayName = f.string("display_name");
        if (!f)
            return problem(f.error());
        const QString tenantId = r.param("tenant");
        auto workspace = r.cp().createWorkspace(r.caller(), tenantId, name, displayName);
        if (!workspace)
            return problem(workspace.error());
        return created(taggedResponse(toJson(workspace.value())), kTenants + u'/' + pathSegment(tenantId) +
                                                                      QStringLiteral("/workspaces/") +
                                                                      pathSegment(workspace.value().id));
    });
    router.add("GET", kWorkspace, QStringLiteral("getWorkspace"), [](ApiRequest& r) {
        return replyTagged(r.cp().getWorkspace(r.caller(), r.param("tenant"), r.param("workspace")), asJson);
    });
    router.addWithBody("PATCH", kWorkspace, QStringLiteral("updateWorkspace"), [](ApiRequest& r) {
        auto change = statusOrNameChange(r);
        if (!change)
            return problem(change.error());
        const QString tenantId = r.param("tenant");
        const QString workspaceId = r.param("workspace");
        const auto expect =
            ifMatchExpect<tenancy::Workspace>(r, [](const tenancy::Workspace& workspace) { return toJson(workspace); });
        const StatusOrNameChange& c = change.value();
        return replyCompared(
            c.displayName ? r.cp().renameWorkspace(r.caller(), tenantId, workspaceId, *c.displayName, expect)
                          : r.cp().setWorkspaceSuspended(r.caller(), tenantId, workspaceId, *c.suspended, expect),
            asJson, [&] { return r.cp().getWorkspace(r.caller(), tenantId, workspaceId); });
    });
    router.add("DELETE", kWorkspace, QStringLiteral("deleteWorkspace"), [](ApiRequest& r) {
        if (auto missing = r.requireQuery("confirm", QStringLiteral("repeat the workspace's name to confirm")))
            return *missing;
        return reply(r.cp().deleteWorkspace(r.caller(), r.param("tenant"), r.param("workspace"), r.query("confirm")));
    });
}

} // namespace gatehouse::api
