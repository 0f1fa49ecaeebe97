#include "KeyFileProvider.h"

#include "core/Files.h"
#include "core/Logging.h"
#include "crypto/Random.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gatehouse::keys {

namespace {

constexpr qsizetype kHexSize = 2 * MasterKeyProvider::kKeySize;

Error notAKeyFile(const QString& path)
{
    return makeError(
        ErrorCode::InvalidArgument,
        QStringLiteral("%1 is not a Gatehouse key file (expected 64 hex digits); check --key-file").arg(path));
}

} // namespace

Result<SecureBytes> KeyFileProvider::readKeyFile(const QString& path)
{
    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW);
    if (fd < 0) {
        if (errno == ELOOP)
            return makeError(ErrorCode::InsecurePermissions,
                             QStringLiteral("key file %1 is a symbolic link; name the file itself").arg(path));
        return files::errnoError(errno, QStringLiteral("read the key file"), path);
    }
    struct stat st
    {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("key file %1 is not a regular file").arg(path));
    }
    if ((st.st_mode & 077) != 0) {
        ::close(fd);
        return makeError(ErrorCode::InsecurePermissions,
                         QStringLiteral("key file %1 is accessible by group or others (mode %2); refusing to use it. "
                                        "Check that nobody copied it, then run: chmod 600 %1")
                             .arg(path)
                             .arg(st.st_mode & 07777, 4, 8, QLatin1Char('0')));
    }
    SecureBytes raw(kHexSize + 2);
    ssize_t total = 0;
    for (;;) {
        const ssize_t n = ::read(fd, raw.data() + total, raw.size() - static_cast<std::size_t>(total));
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            const int err = errno;
            ::close(fd);
            return files::errnoError(err, QStringLiteral("read the key file"), path);
        }
        if (n == 0)
            break;
        total += n;
        if (static_cast<std::size_t>(total) == raw.size())
            break;
    }
    ::close(fd);
    qsizetype length = total;
    if (length == kHexSize + 1 && raw.data()[kHexSize] == '\n')
        length = kHexSize;
    if (length != kHexSize)
        return notAKeyFile(path);
    SecureBytes key;
    if (!SecureBytes::fromHex(QByteArrayView(raw.chars(), kHexSize), key))
        return notAKeyFile(path);
    return key;
}

Result<SecureBytes> KeyFileProvider::create(const QString&, KeyCustody& custody)
{
    if (m_keyFile.isEmpty())
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the file key provider needs --key-file PATH (kept apart from the data "
                                        "directory, e.g. on another volume)"));
    const QString path = QFileInfo(m_keyFile).absoluteFilePath();
    custody = KeyCustody{};
    custody.kind = KeyCustody::Kind::KeyFile;
    custody.keyFile = path;

    // An existing key file (provisioned by configuration management) is used as it is, after the same checks.
    if (files::exists(path))
        return readKeyFile(path);

    auto key = crypto::randomKey(kKeySize);
    if (!key)
        return key.error();
    SecureBytes content(kHexSize + 1);
    const SecureBytes hex = key.value().toHex();
    std::copy(hex.data(), hex.data() + hex.size(), content.data());
    content.data()[kHexSize] = '\n';

    const QByteArray name = QFile::encodeName(path);
    const int fd = ::open(name.constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0)
        return files::errnoError(errno, QStringLiteral("create the key file"), path);
    m_created = true;
    const ssize_t n = ::write(fd, content.data(), content.size());
    const int writeErr = errno;
    const bool synced = n == static_cast<ssize_t>(content.size()) && ::fsync(fd) == 0;
    const int syncErr = errno;
    ::close(fd);
    if (!synced) {
        ::unlink(name.constData());
        m_created = false;
        return files::errnoError(n < 0 ? writeErr : (n == static_cast<ssize_t>(content.size()) ? syncErr : ENOSPC),
                                 QStringLiteral("write the key file"), path);
    }
    if (auto r = files::syncDirectory(QFileInfo(path).absolutePath()); !r) {
        discard(custody);
        return r.error();
    }
    qCInfo(lcKeys) << "created key file" << path;
    return std::move(key).value();
}

Result<SecureBytes> KeyFileProvider::load(const KeyCustody& custody)
{
    return readKeyFile(m_keyFile.isEmpty() ? custody.keyFile : QFileInfo(m_keyFile).absoluteFilePath());
}

void KeyFileProvider::discard(const KeyCustody& custody)
{
    if (m_created) {
        ::unlink(QFile::encodeName(custody.keyFile).constData());
        m_created = false;
    }
}

} // namespace gatehouse::keys
