#pragma once

#include "core/Result.h"

#include <QString>

namespace gatehouse::cli {

// Exit codes are part of the command-line interface: scripts rely on them, so they only ever grow.
enum Exit {
    ExitOk = 0,
    ExitFailure = 1,        // unexpected internal error
    ExitUsage = 2,          // bad command line
    ExitNotAStore = 3,      // no store here, a store already here, or not a Gatehouse data directory (or backup)
    ExitWrongKey = 4,       // the key does not unlock the store
    ExitCorrupt = 5,        // the store file or a backup is damaged
    ExitKeyCustody = 6,     // keychain unavailable or refusing, key file unsafe or unreadable
    ExitFileSystem = 7,     // permission denied, read-only, disk full, other I/O error
    ExitSchema = 8,         // the store is newer than this build, or a migration failed
    ExitAuditBroken = 9,    // audit verify: the chain or a signed checkpoint is broken
    ExitControlFailed = 10, // boundaries: at least one control failed its live check
};

// The exit-code table of `gatehoused --help`.
extern const char* const kExitHelp;

int exitCodeFor(ErrorCode code);
// Prints "gatehoused: <message>" on stderr and returns the exit code for the error.
int fail(const Error& error);
// A usage error: the message, a pointer to --help, and ExitUsage.
int usage(const QString& message);

} // namespace gatehouse::cli
