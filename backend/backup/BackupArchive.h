#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QString>

#include <functional>

namespace gatehouse::backup {

// One file inside an archive.
struct ArchivePart
{
    QString name;      // store.json, gatehouse.db
    qint64 size = 0;   // bytes
    QByteArray sha256; // 32 bytes
    qint64 offset = 0; // where its bytes start in the archive
};

// What goes into a new archive: a file on disk, or bytes in memory when `file` is empty.
struct ArchiveSource
{
    QString name;
    QString file;
    QByteArray bytes;
};

using ByteProgress = std::function<void(qint64 done, qint64 total)>;

// The one-file container `gatehoused backup` writes (docs/operations.md, "Backups"):
//
//   offset 0   8 bytes   magic "GHBACKUP"
//          8   4 bytes   format version, unsigned big-endian (1)
//         12   4 bytes   manifest length L, unsigned big-endian (at most 1 MiB)
//         16   L bytes   manifest: UTF-8 JSON; "parts" lists each part's name, size and SHA-256 (hex)
//     16 + L             the parts' bytes, back to back, in the manifest's order
//     end - 32           SHA-256 of every byte before it
//
// The checksums find damage and tampering anywhere in the file; that the contents are this store's own is
// proven by its master key when they are opened (SQLCipher authenticates every page with an HMAC).
class BackupArchive
{
public:
    static constexpr char kMagic[] = "GHBACKUP";
    static constexpr quint32 kVersion = 1;
    static constexpr qint64 kHeaderBytes = 16;
    static constexpr qint64 kMaxManifestBytes = 1 << 20;

    // Writes a new archive at `path`: a temporary file beside it (mode 0600, O_EXCL) is filled, fsynced, read
    // back and checked whole, then renamed to `path` without ever replacing a file, and the directory fsynced.
    // `manifest` gets "format" and "parts" added. Returns the archive's size.
    static Result<qint64> write(const QString& path, QJsonObject manifest, const QList<ArchiveSource>& sources,
                                const ByteProgress& progress = {});

    // Opens an archive and checks it whole: magic, version, manifest, sizes and every SHA-256.
    static Result<BackupArchive> open(const QString& path, const ByteProgress& progress = {});

    const QJsonObject& manifest() const { return m_manifest; }
    const QList<ArchivePart>& parts() const { return m_parts; }
    const ArchivePart* part(const QString& name) const;

    // Copies one part to a new file (mode 0600, O_EXCL) and fsyncs it, checking its SHA-256 again on the way:
    // the archive may have changed since open().
    Result<void> extract(const QString& name, const QString& toPath, const ByteProgress& progress = {}) const;

private:
    QString m_path;
    QJsonObject m_manifest;
    QList<ArchivePart> m_parts;
};

} // namespace gatehouse::backup
