#include "BackupArchive.h"

#include "core/Files.h"
#include "crypto/Random.h"

#include <QCryptographicHash>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QScopeGuard>
#include <QSet>
#include <QtEndian>

#include <cerrno>
#include <cstdio>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::backup {

namespace {

constexpr qint64 kChunk = 1 << 20;
constexpr qint64 kTrailerBytes = 32;
const QString kFormat = QStringLiteral("gatehouse-backup");

QByteArray encoded(const QString& path)
{
    return QFile::encodeName(path);
}

class Fd
{
public:
    explicit Fd(int fd) : m_fd(fd) {}
    ~Fd()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    Fd(const Fd&) = delete;
    Fd& operator=(const Fd&) = delete;
    int get() const { return m_fd; }
    // Closes now, reporting the error a deferred write may only show here.
    int close()
    {
        const int r = ::close(m_fd);
        m_fd = -1;
        return r;
    }

private:
    int m_fd;
};

Result<void> writeAll(int fd, QByteArrayView data, const QString& path)
{
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::write(fd, data.data() + done, static_cast<size_t>(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return files::errnoError(errno, QStringLiteral("write"), path);
        }
        done += n;
    }
    return {};
}

// Reads exactly `size` bytes at `offset` (less only at the end of the file); the caller checks the length.
Result<QByteArray> readAt(int fd, qint64 offset, qint64 size, const QString& path)
{
    QByteArray buffer(static_cast<qsizetype>(size), Qt::Uninitialized);
    qint64 done = 0;
    while (done < size) {
        const ssize_t n = ::pread(fd, buffer.data() + done, static_cast<size_t>(size - done), offset + done);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return files::errnoError(errno, QStringLiteral("read"), path);
        }
        if (n == 0)
            break;
        done += n;
    }
    buffer.truncate(static_cast<qsizetype>(done));
    return buffer;
}

Result<int> openForReading(const QString& path, qint64& size)
{
    const int fd = ::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        if (errno == ENOENT)
            return makeError(ErrorCode::NotFound, QStringLiteral("%1 does not exist").arg(path));
        return files::errnoError(errno, QStringLiteral("read"), path);
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::NotAStore, QStringLiteral("%1 is not a regular file").arg(path));
    }
    size = st.st_size;
    return fd;
}

Error damaged(const QString& path, const QString& what)
{
    return makeError(
        ErrorCode::Corrupt,
        QStringLiteral("the backup %1 is damaged or was tampered with (%2); use another copy of it").arg(path, what));
}

// Renames without ever replacing an existing file: renameat2(RENAME_NOREPLACE), or link + unlink on file
// systems that do not have it.
Result<void> renameNoReplace(const QString& from, const QString& to)
{
    if (::renameat2(AT_FDCWD, encoded(from).constData(), AT_FDCWD, encoded(to).constData(), RENAME_NOREPLACE) == 0)
        return {};
    if (errno != EINVAL && errno != ENOSYS)
        return files::errnoError(errno, QStringLiteral("move the backup into place at"), to);
    if (::link(encoded(from).constData(), encoded(to).constData()) != 0)
        return files::errnoError(errno, QStringLiteral("move the backup into place at"), to);
    ::unlink(encoded(from).constData());
    return {};
}

} // namespace

const ArchivePart* BackupArchive::part(const QString& name) const
{
    for (const ArchivePart& p : m_parts) {
        if (p.name == name)
            return &p;
    }
    return nullptr;
}

Result<qint64> BackupArchive::write(const QString& path, QJsonObject manifest, const QList<ArchiveSource>& sources,
                                    const ByteProgress& progress)
{
    if (files::exists(path))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 exists; a backup never replaces a file: name a new one").arg(path));
    const QFileInfo info(path);
    if (!QFileInfo(info.absolutePath()).isDir())
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("the directory %1 does not exist; create it first").arg(info.absolutePath()));

    // First pass: sizes and checksums, which the manifest ahead of the parts needs.
    QJsonArray parts;
    QList<ArchivePart> planned;
    qint64 total = 0;
    for (const ArchiveSource& source : sources) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        qint64 size = 0;
        if (source.file.isEmpty()) {
            hash.addData(source.bytes);
            size = source.bytes.size();
        } else {
            qint64 fileSize = 0;
            auto fd = openForReading(source.file, fileSize);
            if (!fd)
                return fd.error();
            Fd in(fd.value());
            for (qint64 offset = 0; offset < fileSize; offset += kChunk) {
                auto chunk = readAt(in.get(), offset, std::min(kChunk, fileSize - offset), source.file);
                if (!chunk)
                    return chunk.error();
                hash.addData(chunk.value());
            }
            size = fileSize;
        }
        planned << ArchivePart{source.name, size, hash.result(), 0};
        parts << QJsonObject{{QStringLiteral("name"), source.name},
                             {QStringLiteral("size"), size},
                             {QStringLiteral("sha256"), QString::fromLatin1(hash.result().toHex())}};
        total += size;
    }
    manifest.insert(QStringLiteral("format"), kFormat);
    manifest.insert(QStringLiteral("parts"), parts);
    const QByteArray manifestBytes = QJsonDocument(manifest).toJson(QJsonDocument::Compact);
    if (manifestBytes.size() > kMaxManifestBytes)
        return makeError(ErrorCode::Internal, QStringLiteral("the backup manifest is too large"));

    auto suffix = crypto::randomBytes(6);
    if (!suffix)
        return suffix.error();
    const QString temp = info.absolutePath() + QStringLiteral("/.") + info.fileName() + QLatin1Char('.') +
                         QString::fromLatin1(suffix.value().toHex()) + QStringLiteral(".tmp");
    Fd out(::open(encoded(temp).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (out.get() < 0)
        return files::errnoError(errno, QStringLiteral("create"), temp);
    auto removeTemp = qScopeGuard([&] { ::unlink(encoded(temp).constData()); });

    QCryptographicHash whole(QCryptographicHash::Sha256);
    auto put = [&](QByteArrayView bytes) -> Result<void> {
        whole.addData(bytes);
        return writeAll(out.get(), bytes, temp);
    };
    QByteArray header(kMagic, 8);
    char number[4];
    qToBigEndian<quint32>(kVersion, number);
    header.append(number, 4);
    qToBigEndian<quint32>(static_cast<quint32>(manifestBytes.size()), number);
    header.append(number, 4);
    if (auto r = put(header); !r)
        return r.error();
    if (auto r = put(manifestBytes); !r)
        return r.error();
    qint64 written = 0;
    for (qsizetype i = 0; i < sources.size(); ++i) {
        const ArchiveSource& source = sources.at(i);
        if (source.file.isEmpty()) {
            if (auto r = put(source.bytes); !r)
                return r.error();
            written += source.bytes.size();
            continue;
        }
        qint64 fileSize = 0;
        auto fd = openForReading(source.file, fileSize);
        if (!fd)
            return fd.error();
        Fd in(fd.value());
        QCryptographicHash again(QCryptographicHash::Sha256);
        for (qint64 offset = 0; offset < planned.at(i).size; offset += kChunk) {
            auto chunk = readAt(in.get(), offset, std::min(kChunk, planned.at(i).size - offset), source.file);
            if (!chunk)
                return chunk.error();
            again.addData(chunk.value());
            if (auto r = put(chunk.value()); !r)
                return r.error();
            written += chunk.value().size();
            if (progress)
                progress(written, total);
        }
        // The parts are private copies nobody else writes; a difference here is a fault, not a race.
        if (fileSize != planned.at(i).size || again.result() != planned.at(i).sha256)
            return makeError(ErrorCode::Io, QStringLiteral("%1 changed while it was being archived").arg(source.file));
    }
    if (auto r = writeAll(out.get(), whole.result(), temp); !r)
        return r.error();
    if (::fsync(out.get()) != 0)
        return files::errnoError(errno, QStringLiteral("sync"), temp);
    if (out.close() != 0)
        return files::errnoError(errno, QStringLiteral("write"), temp);

    // Read back what reached the disk before it takes the name.
    auto check = open(temp);
    if (!check)
        return makeError(
            ErrorCode::Io,
            QStringLiteral("the backup written to %1 does not read back: %2").arg(temp, check.error().message));
    if (auto r = renameNoReplace(temp, path); !r)
        return r.error();
    removeTemp.dismiss();
    if (auto r = files::syncDirectory(info.absolutePath()); !r)
        return r.error();
    return kHeaderBytes + manifestBytes.size() + total + kTrailerBytes;
}

Result<BackupArchive> BackupArchive::open(const QString& path, const ByteProgress& progress)
{
    qint64 fileSize = 0;
    auto fd = openForReading(path, fileSize);
    if (!fd)
        return fd.error();
    Fd in(fd.value());
    auto head = readAt(in.get(), 0, kHeaderBytes, path);
    if (!head)
        return head.error();
    if (!head.value().startsWith(QByteArrayView(kMagic, 8)))
        return makeError(ErrorCode::NotAStore, QStringLiteral("%1 is not a Gatehouse backup").arg(path));
    if (head.value().size() < kHeaderBytes)
        return damaged(path, QStringLiteral("it is truncated"));
    const quint32 version = qFromBigEndian<quint32>(head.value().constData() + 8);
    const quint32 manifestSize = qFromBigEndian<quint32>(head.value().constData() + 12);
    if (version > kVersion)
        return makeError(ErrorCode::SchemaTooNew,
                         QStringLiteral("%1 was made by a newer Gatehouse (backup format %2; this build reads %3); "
                                        "upgrade Gatehouse to restore it")
                             .arg(path)
                             .arg(version)
                             .arg(kVersion));
    if (version == 0)
        return damaged(path, QStringLiteral("format version 0"));
    if (manifestSize > kMaxManifestBytes || kHeaderBytes + manifestSize + kTrailerBytes > fileSize)
        return damaged(path, QStringLiteral("it is truncated, or its manifest length is wrong"));
    auto manifestBytes = readAt(in.get(), kHeaderBytes, manifestSize, path);
    if (!manifestBytes)
        return manifestBytes.error();
    QJsonParseError parseError{};
    const QJsonDocument doc = QJsonDocument::fromJson(manifestBytes.value(), &parseError);
    if (parseError.error != QJsonParseError::NoError || !doc.isObject() ||
        doc.object().value(QStringLiteral("format")).toString() != kFormat)
        return damaged(path, QStringLiteral("its manifest is not valid"));

    BackupArchive archive;
    archive.m_path = path;
    archive.m_manifest = doc.object();
    qint64 offset = kHeaderBytes + manifestSize;
    QSet<QString> names;
    const QJsonArray parts = archive.m_manifest.value(QStringLiteral("parts")).toArray();
    for (const QJsonValue& v : parts) {
        const QJsonObject o = v.toObject();
        ArchivePart part;
        part.name = o.value(QStringLiteral("name")).toString();
        const double size = o.value(QStringLiteral("size")).toDouble(-1);
        part.size = static_cast<qint64>(size);
        part.sha256 = QByteArray::fromHex(o.value(QStringLiteral("sha256")).toString().toLatin1());
        part.offset = offset;
        if (part.name.isEmpty() || names.contains(part.name) || size < 0 || double(part.size) != size ||
            part.size > fileSize || part.sha256.size() != 32)
            return damaged(path, QStringLiteral("its manifest lists a part it cannot describe"));
        names.insert(part.name);
        offset += part.size;
        archive.m_parts << part;
    }
    if (offset + kTrailerBytes < fileSize)
        return damaged(
            path, QStringLiteral("%1 bytes more than its manifest describes").arg(fileSize - offset - kTrailerBytes));
    if (offset + kTrailerBytes > fileSize)
        return damaged(path,
                       QStringLiteral("it is truncated: %1 bytes missing").arg(offset + kTrailerBytes - fileSize));

    // One pass over the whole file: the checksum of everything, and each part's own.
    QCryptographicHash whole(QCryptographicHash::Sha256);
    whole.addData(head.value());
    whole.addData(manifestBytes.value());
    const qint64 total = offset - kHeaderBytes - manifestSize;
    qint64 done = 0;
    for (const ArchivePart& part : std::as_const(archive.m_parts)) {
        QCryptographicHash hash(QCryptographicHash::Sha256);
        for (qint64 at = 0; at < part.size; at += kChunk) {
            auto chunk = readAt(in.get(), part.offset + at, std::min(kChunk, part.size - at), path);
            if (!chunk)
                return chunk.error();
            if (chunk.value().size() != std::min(kChunk, part.size - at))
                return damaged(path, QStringLiteral("it is truncated"));
            hash.addData(chunk.value());
            whole.addData(chunk.value());
            done += chunk.value().size();
            if (progress)
                progress(done, total);
        }
        if (hash.result() != part.sha256)
            return damaged(path, QStringLiteral("%1 does not match its SHA-256").arg(part.name));
    }
    auto trailer = readAt(in.get(), offset, kTrailerBytes, path);
    if (!trailer)
        return trailer.error();
    if (trailer.value() != whole.result())
        return damaged(path, QStringLiteral("its header or manifest does not match the file's SHA-256"));
    return archive;
}

Result<void> BackupArchive::extract(const QString& name, const QString& toPath, const ByteProgress& progress) const
{
    const ArchivePart* p = part(name);
    if (!p)
        return damaged(m_path, QStringLiteral("it has no %1").arg(name));
    qint64 fileSize = 0;
    auto fd = openForReading(m_path, fileSize);
    if (!fd)
        return fd.error();
    Fd in(fd.value());
    Fd out(::open(encoded(toPath).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600));
    if (out.get() < 0)
        return files::errnoError(errno, QStringLiteral("create"), toPath);
    auto removeOut = qScopeGuard([&] { ::unlink(encoded(toPath).constData()); });
    QCryptographicHash hash(QCryptographicHash::Sha256);
    for (qint64 at = 0; at < p->size; at += kChunk) {
        const qint64 want = std::min(kChunk, p->size - at);
        auto chunk = readAt(in.get(), p->offset + at, want, m_path);
        if (!chunk)
            return chunk.error();
        if (chunk.value().size() != want)
            return damaged(m_path, QStringLiteral("it is truncated"));
        hash.addData(chunk.value());
        if (auto r = writeAll(out.get(), chunk.value(), toPath); !r)
            return r;
        if (progress)
            progress(at + want, p->size);
    }
    if (hash.result() != p->sha256)
        return damaged(m_path, QStringLiteral("%1 does not match its SHA-256").arg(name));
    if (::fsync(out.get()) != 0)
        return files::errnoError(errno, QStringLiteral("sync"), toPath);
    if (out.close() != 0)
        return files::errnoError(errno, QStringLiteral("write"), toPath);
    removeOut.dismiss();
    return {};
}

} // namespace gatehouse::backup
