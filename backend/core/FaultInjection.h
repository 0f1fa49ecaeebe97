#pragma once

namespace gatehouse {

// Crash-test seam: when the environment variable GATEHOUSE_CRASH_POINT names this point, the process kills
// itself with SIGKILL right here, as a power cut or an OOM kill would. The durability tests use it to stop a
// multi-step procedure (master-key rotation) between its steps. Does nothing otherwise.
void crashPoint(const char* name);

} // namespace gatehouse
