#include "Files.h"

#include "crypto/Random.h"

#include <QDir>
#include <QFileInfo>

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::files {

namespace {

QByteArray encoded(const QString& path)
{
    return QFile::encodeName(path);
}

class FileDescriptor
{
public:
    explicit FileDescriptor(int fd) : m_fd(fd) {}
    ~FileDescriptor()
    {
        if (m_fd >= 0)
            ::close(m_fd);
    }
    FileDescriptor(const FileDescriptor&) = delete;
    FileDescriptor& operator=(const FileDescriptor&) = delete;
    int get() const { return m_fd; }
    int release()
    {
        const int fd = m_fd;
        m_fd = -1;
        return fd;
    }

private:
    int m_fd;
};

} // namespace

Error errnoError(int err, const QString& what, const QString& path)
{
    const QString reason = QString::fromLocal8Bit(std::strerror(err));
    switch (err) {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
        return makeError(ErrorCode::DiskFull, QStringLiteral("cannot %1 %2: the disk is full (%3); free some space "
                                                             "and try again, nothing was changed")
                                                  .arg(what, path, reason));
    case EROFS:
        return makeError(ErrorCode::ReadOnly,
                         QStringLiteral("cannot %1 %2: the file system is read-only; use a writable data directory")
                             .arg(what, path));
    case EACCES:
    case EPERM:
        return makeError(ErrorCode::PermissionDenied,
                         QStringLiteral("cannot %1 %2: permission denied; check the owner and mode of the data "
                                        "directory")
                             .arg(what, path));
    case ENOENT:
        return makeError(ErrorCode::NotFound,
                         QStringLiteral("cannot %1 %2: no such file or directory").arg(what, path));
    case EEXIST:
        return makeError(ErrorCode::AlreadyExists, QStringLiteral("cannot %1 %2: it already exists").arg(what, path));
    default:
        return makeError(ErrorCode::Io, QStringLiteral("cannot %1 %2: %3").arg(what, path, reason));
    }
}

Result<void> syncDirectory(const QString& dir)
{
    FileDescriptor fd(::open(encoded(dir).constData(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
    if (fd.get() < 0)
        return errnoError(errno, QStringLiteral("open directory"), dir);
    if (::fsync(fd.get()) != 0)
        return errnoError(errno, QStringLiteral("sync directory"), dir);
    return {};
}

namespace {

// Writes `data` to a new, uniquely named file next to `path` and syncs it; returns that file's name.
Result<QString> writeTemporary(const QString& path, QByteArrayView data, int mode)
{
    const QFileInfo info(path);
    auto suffix = crypto::randomBytes(6);
    if (!suffix)
        return suffix.error();
    const QString temp = info.absolutePath() + QLatin1Char('/') + QLatin1Char('.') + info.fileName() +
                         QLatin1Char('.') + QString::fromLatin1(suffix.value().toHex());
    const QByteArray tempName = encoded(temp);

    FileDescriptor fd(::open(tempName.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, mode));
    if (fd.get() < 0)
        return errnoError(errno, QStringLiteral("create"), temp);

    auto fail = [&](int err, const QString& what) -> Error {
        ::close(fd.release());
        ::unlink(tempName.constData());
        return errnoError(err, what, path);
    };
    qsizetype written = 0;
    while (written < data.size()) {
        const ssize_t n = ::write(fd.get(), data.data() + written, static_cast<size_t>(data.size() - written));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return fail(errno, QStringLiteral("write"));
        }
        written += n;
    }
    if (::fsync(fd.get()) != 0)
        return fail(errno, QStringLiteral("sync"));
    if (::close(fd.release()) != 0) {
        const int err = errno;
        ::unlink(tempName.constData());
        return errnoError(err, QStringLiteral("write"), path);
    }
    return temp;
}

} // namespace

Result<void> writeAtomically(const QString& path, const QByteArray& data, int mode)
{
    auto temp = writeTemporary(path, data, mode);
    if (!temp)
        return temp.error();
    const QByteArray tempName = encoded(temp.value());
    if (::rename(tempName.constData(), encoded(path).constData()) != 0) {
        const int err = errno;
        ::unlink(tempName.constData());
        return errnoError(err, QStringLiteral("replace"), path);
    }
    return syncDirectory(QFileInfo(path).absolutePath());
}

Result<void> createExclusively(const QString& path, QByteArrayView data, int mode)
{
    auto temp = writeTemporary(path, data, mode);
    if (!temp)
        return temp.error();
    // link() fails with EEXIST instead of replacing, which rename() would do.
    const QByteArray tempName = encoded(temp.value());
    const int linked = ::link(tempName.constData(), encoded(path).constData());
    const int err = errno;
    ::unlink(tempName.constData());
    if (linked != 0)
        return errnoError(err, QStringLiteral("create"), path);
    return syncDirectory(QFileInfo(path).absolutePath());
}

Result<QByteArray> readAll(const QString& path, qint64 maxBytes)
{
    FileDescriptor fd(::open(encoded(path).constData(), O_RDONLY | O_CLOEXEC));
    if (fd.get() < 0)
        return errnoError(errno, QStringLiteral("read"), path);
    struct stat st
    {};
    if (::fstat(fd.get(), &st) != 0)
        return errnoError(errno, QStringLiteral("read"), path);
    if (!S_ISREG(st.st_mode))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is not a regular file").arg(path));
    if (st.st_size > maxBytes)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 is larger than expected (%2 bytes, at most %3)")
                                                         .arg(path)
                                                         .arg(st.st_size)
                                                         .arg(maxBytes));
    QByteArray data(static_cast<qsizetype>(st.st_size), Qt::Uninitialized);
    qsizetype done = 0;
    while (done < data.size()) {
        const ssize_t n = ::read(fd.get(), data.data() + done, static_cast<size_t>(data.size() - done));
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return errnoError(errno, QStringLiteral("read"), path);
        }
        if (n == 0)
            break;
        done += n;
    }
    data.truncate(done);
    return data;
}

Result<void> ensurePrivateDirectory(const QString& dir)
{
    const QByteArray name = encoded(dir);
    struct stat st
    {};
    if (::stat(name.constData(), &st) != 0) {
        if (errno != ENOENT)
            return errnoError(errno, QStringLiteral("inspect"), dir);
        const QFileInfo info(dir);
        const QString parent = info.absolutePath();
        if (parent != info.absoluteFilePath()) {
            if (auto made = ensurePrivateDirectory(parent); !made)
                return made;
        }
        if (::mkdir(name.constData(), 0700) != 0 && errno != EEXIST)
            return errnoError(errno, QStringLiteral("create directory"), dir);
        return {};
    }
    if (!S_ISDIR(st.st_mode))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("%1 exists and is not a directory").arg(dir));
    return {};
}

bool exists(const QString& path)
{
    struct stat st
    {};
    return ::lstat(encoded(path).constData(), &st) == 0;
}

} // namespace gatehouse::files
