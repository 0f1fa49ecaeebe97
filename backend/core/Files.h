#pragma once

#include "Result.h"

#include <QByteArray>
#include <QString>

// Small POSIX file operations with the guarantees the store needs: atomic replacement, durable renames,
// explicit modes, and errors that say what happened (disk full, read-only, permission) and what to do.
namespace gatehouse::files {

// Maps an errno from an operation on `path` to a typed error with a message for people.
Error errnoError(int err, const QString& what, const QString& path);

// Writes `data` to `path` through a temporary file in the same directory, fsyncs it, renames it over `path`
// and fsyncs the directory. Either the old or the new contents remain, never a mix.
Result<void> writeAtomically(const QString& path, const QByteArray& data, int mode = 0600);

// Creates `path` holding `data` only if nothing is there yet: the file appears whole (synced, directory synced)
// or not at all, and an existing file is never replaced (AlreadyExists).
Result<void> createExclusively(const QString& path, QByteArrayView data, int mode = 0600);

// Reads a whole file of at most maxBytes.
Result<QByteArray> readAll(const QString& path, qint64 maxBytes);

Result<void> syncDirectory(const QString& dir);

// Creates `dir` (and parents) with mode 0700 if missing; checks that it is a directory we can write to.
Result<void> ensurePrivateDirectory(const QString& dir);

bool exists(const QString& path);

} // namespace gatehouse::files
