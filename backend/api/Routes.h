#pragma once

namespace gatehouse::api {

class Router;

// The API's operations, one group per domain. Every handler only translates HTTP to a control-plane call.
void addOpsRoutes(Router& router);        // /healthz, /readyz, /metrics, /api/v1/openapi.json
void addAuthRoutes(Router& router);       // /api/v1/auth/...
void addTenancyRoutes(Router& router);    // tenants, settings, workspaces
void addIdentityRoutes(Router& router);   // users, integrations, tokens
void addAuthzRoutes(Router& router);      // roles, bindings, authz/check, authz/explain
void addSecretRoutes(Router& router);     // workspace secrets
void addAuditRoutes(Router& router);      // audit events, histogram, stream, verify, export, public key
void addBoundaryRoutes(Router& router);   // trust boundaries, their controls, deployment ownership
void addEvidenceRoutes(Router& router);   // the signed evidence report
void addForwardingRoutes(Router& router); // audit forwarding: status and destinations, platform and tenant
void addFederationRoutes(Router& router); // a tenant's OIDC provider and group mappings; federated sign-in

} // namespace gatehouse::api
