#pragma once

namespace gatehouse::service::testing {

// Test seam for the cross-tenant self-probe (application.tenant-isolation): makes the control plane's user lookup
// ignore the tenant, the kind of mistake the probe exists to catch, so a test can watch the probe fail. Nothing in
// Gatehouse turns it on; only tests do, in their own process.
void setUserLookupIgnoresTenant(bool on);
bool userLookupIgnoresTenant();

} // namespace gatehouse::service::testing
