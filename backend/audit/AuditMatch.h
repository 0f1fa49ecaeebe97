#pragma once

#include "AuditEvent.h"
#include "AuditQuery.h"

namespace gatehouse::audit {

// An actor filter that names an id ("usr_...", "int_...", "system", "probe": the cross-tenant self-probe) rather than
// a name.
bool isActorId(const QString& actor);

// Whether `event` is one that AuditLog::search would return for `query` (ignoring the keyset cursor and the
// limit): the same scope, filters and full-text rules, for a follower that filters live events itself.
bool matchesQuery(const AuditQuery& query, const AuditEvent& event);

} // namespace gatehouse::audit
