#include "ExitCode.h"

#include <QTextStream>

namespace gatehouse::cli {

const char* const kExitHelp = "Exit codes:\n"
                              "  0  success\n"
                              "  1  unexpected internal error\n"
                              "  2  usage error (unknown command or option)\n"
                              "  3  no store at --data-dir, a store already there, or not a Gatehouse directory;\n"
                              "     restore: --data-dir is not empty, or --from is not a Gatehouse backup\n"
                              "  4  wrong key: the master key does not unlock the store\n"
                              "  5  the store file is corrupt or truncated; restore: the backup is damaged or was\n"
                              "     tampered with (a checksum, integrity_check or page authentication fails)\n"
                              "  6  key custody: keychain unavailable or refusing, key file unsafe or unreadable\n"
                              "  7  file system: permission denied, read-only, disk full, I/O error\n"
                              "  8  schema: the store is newer than this build, or a migration failed\n"
                              "  9  audit verify: the audit chain or a signed checkpoint is broken (the first bad\n"
                              "     sequence number is printed)\n"
                              "  10 boundaries: at least one control failed its live check (warnings alone exit 0)\n";

int exitCodeFor(ErrorCode code)
{
    switch (code) {
    case ErrorCode::InvalidArgument:
        return ExitUsage;
    case ErrorCode::NotFound:
    case ErrorCode::AlreadyExists:
    case ErrorCode::NotAStore:
        return ExitNotAStore;
    case ErrorCode::WrongKey:
        return ExitWrongKey;
    case ErrorCode::Corrupt:
        return ExitCorrupt;
    case ErrorCode::KeychainUnavailable:
    case ErrorCode::KeychainError:
    case ErrorCode::InsecurePermissions:
        return ExitKeyCustody;
    case ErrorCode::PermissionDenied:
    case ErrorCode::ReadOnly:
    case ErrorCode::DiskFull:
    case ErrorCode::Io:
        return ExitFileSystem;
    case ErrorCode::SchemaTooNew:
    case ErrorCode::MigrationFailed:
        return ExitSchema;
    case ErrorCode::Unauthenticated:
    case ErrorCode::Forbidden:
    case ErrorCode::Conflict:
    case ErrorCode::Stale:
    case ErrorCode::RateLimited:
        return ExitUsage;
    case ErrorCode::AuditUnavailable:
        return ExitFileSystem;
    case ErrorCode::Crypto:
    case ErrorCode::Internal:
        return ExitFailure;
    }
    return ExitFailure;
}

int fail(const Error& error)
{
    QTextStream(stderr) << "gatehoused: " << error.message << Qt::endl;
    return exitCodeFor(error.code);
}

int usage(const QString& message)
{
    QTextStream(stderr) << "gatehoused: " << message << "\nRun `gatehoused --help` for usage." << Qt::endl;
    return ExitUsage;
}

} // namespace gatehouse::cli
