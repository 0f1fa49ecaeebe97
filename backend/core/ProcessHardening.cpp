#include "ProcessHardening.h"

#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/stat.h>

namespace gatehouse {

bool hardenProcess()
{
    bool ok = true;
    const rlimit noCore{0, 0};
    ok &= ::setrlimit(RLIMIT_CORE, &noCore) == 0;
    ok &= ::prctl(PR_SET_DUMPABLE, 0, 0, 0, 0) == 0;
    ::umask(077);
    return ok;
}

} // namespace gatehouse
