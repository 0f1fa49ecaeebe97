#pragma once

#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>

namespace gatehouse::crypto {

// Argon2id cost parameters. They are stored beside whatever they protect, so they can be raised later.
struct Argon2Params
{
    quint32 memoryKiB = 0;
    quint32 iterations = 0;
    quint32 parallelism = 0;

    // RFC 9106's second recommended option (64 MiB, 3 passes, 4 lanes): about three times OWASP's floor
    // in memory, still well under a second on a two-core machine. Unlocking happens once per start, so a
    // slower derivation costs the user little and an attacker with a stolen salt much more.
    static Argon2Params defaults() { return {64 * 1024, 3, 4}; }
    // OWASP's minimum for Argon2id (19 MiB, t=2, p=1). Anything weaker is refused when read back.
    static Argon2Params minimum() { return {19 * 1024, 2, 1}; }

    bool isAtLeast(const Argon2Params& floor) const
    {
        return memoryKiB >= floor.memoryKiB && iterations >= floor.iterations && parallelism >= floor.parallelism;
    }
    // Caps against a hostile parameter file asking for terabytes of memory.
    bool isWithinLimits() const { return memoryKiB <= 4u * 1024 * 1024 && iterations <= 64 && parallelism <= 64; }
};

// Derives `outputSize` bytes from a secret and salt with Argon2id (libargon2).
Result<SecureBytes> argon2id(const SecureBytes& secret, const QByteArray& salt, const Argon2Params& params,
                             std::size_t outputSize = 32);

} // namespace gatehouse::crypto
