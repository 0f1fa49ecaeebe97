#pragma once

namespace gatehouse {

// Called first thing by both executables: no core dumps (they would hold key material), not
// ptrace-attachable by other processes of the same user, and new files private to the owner.
// Returns false if a step could not be applied; the caller decides whether to go on.
bool hardenProcess();

} // namespace gatehouse
