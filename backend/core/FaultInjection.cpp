#include "FaultInjection.h"

#include <csignal>
#include <cstdlib>
#include <cstring>

namespace gatehouse {

void crashPoint(const char* name)
{
    const char* wanted = std::getenv("GATEHOUSE_CRASH_POINT");
    if (wanted && std::strcmp(wanted, name) == 0)
        std::raise(SIGKILL);
}

} // namespace gatehouse
