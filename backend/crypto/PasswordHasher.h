#pragma once

#include "Argon2id.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QString>

namespace gatehouse::crypto {

// Password hashes in the PHC string format ("$argon2id$v=19$m=...,t=...,p=...$salt$hash"): the cost
// parameters travel with each hash, so they can be raised later and old hashes upgraded at the next sign-in.
class PasswordHasher
{
public:
    // 32 MiB, 2 passes, 1 lane: above OWASP's 19 MiB floor, about 50 ms on one core. Sign-in runs on a
    // server thread per attempt and attempts are throttled, so this is the cost an attacker pays per guess
    // and a legitimate user pays once per session.
    static Argon2Params defaults() { return {32 * 1024, 2, 1}; }

    static Result<QString> hash(const SecureBytes& password, const Argon2Params& params = defaults());
    // Constant-time in the hash comparison (libargon2's verify); false for a malformed hash.
    static bool verify(const QString& encoded, const SecureBytes& password);
    static bool needsRehash(const QString& encoded, const Argon2Params& current = defaults());
    // A valid hash of a random password, verified against when a username is unknown, so that an unknown
    // user costs the same time as a wrong password.
    static const QString& dummyHash();
};

} // namespace gatehouse::crypto
