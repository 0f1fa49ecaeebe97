#include "PassphraseInput.h"

#include "core/Files.h"

#include <QFile>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <termios.h>
#include <unistd.h>

namespace gatehouse::cli {

namespace {

constexpr std::size_t kMaxPassphrase = 1024;

// Reads one line from fd into a scrubbed buffer; the newline is dropped.
Result<SecureBytes> readLine(int fd, const QString& from)
{
    SecureBytes buffer(kMaxPassphrase);
    std::size_t n = 0;
    for (;;) {
        unsigned char c = 0;
        const ssize_t r = ::read(fd, &c, 1);
        if (r < 0 && errno == EINTR)
            continue;
        if (r < 0)
            return files::errnoError(errno, QStringLiteral("read the passphrase from"), from);
        if (r == 0 || c == '\n')
            break;
        if (n == kMaxPassphrase)
            return makeError(
                ErrorCode::InvalidArgument,
                QStringLiteral("the passphrase from %1 is longer than %2 bytes").arg(from).arg(kMaxPassphrase));
        buffer.data()[n++] = c;
    }
    if (n > 0 && buffer.data()[n - 1] == '\r')
        --n;
    buffer.truncate(n);
    if (n == 0)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the passphrase from %1 is empty").arg(from));
    return buffer;
}

Result<SecureBytes> promptOnce(const char* question)
{
    const int tty = ::open("/dev/tty", O_RDWR | O_CLOEXEC);
    if (tty < 0)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("no passphrase or password given and no terminal to ask on: use "
                                        "--passphrase-file / --admin-password-file FILE, or set GATEHOUSE_PASSPHRASE / "
                                        "GATEHOUSE_ADMIN_PASSWORD (never put secrets on the command line)"));
    termios saved{};
    const bool isTerminal = ::tcgetattr(tty, &saved) == 0;
    if (isTerminal) {
        termios quiet = saved;
        quiet.c_lflag &= ~static_cast<tcflag_t>(ECHO);
        quiet.c_lflag |= ECHONL;
        ::tcsetattr(tty, TCSAFLUSH, &quiet);
    }
    if (::write(tty, question, std::strlen(question)) < 0) {
        // A prompt that cannot be shown is not fatal: the read below still works.
    }
    auto line = readLine(tty, QStringLiteral("the terminal"));
    if (isTerminal)
        ::tcsetattr(tty, TCSAFLUSH, &saved);
    ::close(tty);
    return line;
}

} // namespace

Result<SecureBytes> readSecret(const QString& file, const char* envVar, const char* prompt, bool confirm)
{
    if (!file.isEmpty()) {
        const int fd = ::open(QFile::encodeName(file).constData(), O_RDONLY | O_CLOEXEC);
        if (fd < 0)
            return files::errnoError(errno, QStringLiteral("read"), file);
        auto line = readLine(fd, file);
        ::close(fd);
        return line;
    }
    if (char* env = std::getenv(envVar); env && *env) {
        const std::size_t len = std::strlen(env);
        SecureBytes value(reinterpret_cast<const unsigned char*>(env), len);
        // Keep it from child processes and from later readers of this process's environment block.
        OPENSSL_cleanse(env, len);
        ::unsetenv(envVar);
        return value;
    }
    auto first = promptOnce(prompt);
    if (!first || !confirm)
        return first;
    auto again = promptOnce("Repeat it: ");
    if (!again)
        return again;
    if (!first.value().equals(again.value()))
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("the two entries differ; nothing was created"));
    return first;
}

keys::PassphraseSource passphraseSource(const QString& passphraseFile)
{
    return [passphraseFile](keys::PassphrasePurpose purpose) -> Result<SecureBytes> {
        const bool create = purpose == keys::PassphrasePurpose::Create;
        return readSecret(passphraseFile, "GATEHOUSE_PASSPHRASE",
                          create ? "New store passphrase: " : "Store passphrase: ", create);
    };
}

} // namespace gatehouse::cli
