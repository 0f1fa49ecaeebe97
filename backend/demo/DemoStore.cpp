#include "demo/DemoStore.h"

#include "core/Files.h"
#include "store/Store.h"

#include <QFile>
#include <QFileInfo>

#include <cerrno>
#include <fcntl.h>
#include <unistd.h>

namespace gatehouse::demo {

namespace {

// The reserved credentials file: removed unless kept.
class ReservedFile
{
public:
    ReservedFile(QString path, int fd) : m_path(std::move(path)), m_fd(fd) {}
    ~ReservedFile()
    {
        if (m_fd >= 0)
            ::close(m_fd);
        if (!m_kept)
            ::unlink(QFile::encodeName(m_path).constData());
    }
    ReservedFile(const ReservedFile&) = delete;
    ReservedFile& operator=(const ReservedFile&) = delete;

    Result<void> writeAndKeep(const QByteArray& text)
    {
        for (qsizetype done = 0; done < text.size();) {
            const ssize_t n = ::write(m_fd, text.constData() + done, std::size_t(text.size() - done));
            if (n < 0 && errno == EINTR)
                continue;
            if (n < 0)
                return files::errnoError(errno, QStringLiteral("write"), m_path);
            done += n;
        }
        if (::fsync(m_fd) != 0)
            return files::errnoError(errno, QStringLiteral("sync"), m_path);
        const int fd = m_fd;
        m_fd = -1;
        if (::close(fd) != 0)
            return files::errnoError(errno, QStringLiteral("close"), m_path);
        m_kept = true;
        return files::syncDirectory(QFileInfo(m_path).absolutePath());
    }

private:
    QString m_path;
    int m_fd = -1;
    bool m_kept = false;
};

} // namespace

Result<DemoReport> seedWithCredentials(store::Store& store, const DemoOptions& options, const QString& credentialsPath,
                                       const std::function<bool(const DemoProgress&)>& progress)
{
    const QString path = QFileInfo(credentialsPath).absoluteFilePath();
    if (auto r = files::ensurePrivateDirectory(QFileInfo(path).absolutePath()); !r)
        return r.error();
    const int fd =
        ::open(QFile::encodeName(path).constData(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, 0600);
    if (fd < 0) {
        if (errno == EEXIST)
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("%1 exists; the demo never replaces a file: move it away or choose "
                                            "another place for the demo's passwords")
                                 .arg(path));
        return files::errnoError(errno, QStringLiteral("create"), path);
    }
    ReservedFile reserved(path, fd);

    auto report = DemoSeeder(store).run(options, progress);
    if (!report)
        return report.error();
    QByteArray text = report.value().credentialsText(store.config().storeId);
    auto written = reserved.writeAndKeep(text);
    text.fill('\0');
    if (!written)
        return makeError(written.error().code,
                         QStringLiteral("the demo is in the store, but its passwords could not be saved: %1")
                             .arg(written.error().message));
    return report;
}

} // namespace gatehouse::demo
