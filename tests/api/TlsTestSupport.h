#pragma once

#include <QByteArray>
#include <QFile>
#include <QProcess>
#include <QString>
#include <QStringList>

#include <sys/stat.h>

// The openssl command line as an independent judge of what the TLS code writes and serves.
namespace gatehouse::test {

struct ProcessOutput
{
    int exitCode = -1;
    QByteArray output; // stdout and stderr together
};

// Runs `openssl args...` to completion without an event loop; for commands that talk to no in-process server.
inline ProcessOutput openssl(const QStringList& args, const QByteArray& input = {})
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForStarted(30'000))
        return {};
    process.write(input);
    process.closeWriteChannel();
    if (!process.waitForFinished(60'000))
        return {};
    return {process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1, process.readAll()};
}

inline int modeOf(const QString& path)
{
    struct stat st
    {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return static_cast<int>(st.st_mode & 07777);
}

// A self-signed certificate and its key made by the openssl command line; `keyArgs` picks the key, e.g.
// {"-newkey", "rsa:2048"}. The key file is left at mode 0600.
inline bool makeSelfSigned(const QString& certPath, const QString& keyPath, const QStringList& keyArgs,
                           const QString& days = QStringLiteral("2"))
{
    QStringList args{QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-nodes")};
    args << keyArgs
         << QStringList{QStringLiteral("-keyout"), keyPath,
                        QStringLiteral("-out"),    certPath,
                        QStringLiteral("-subj"),   QStringLiteral("/CN=localhost"),
                        QStringLiteral("-days"),   days,
                        QStringLiteral("-addext"), QStringLiteral("subjectAltName=DNS:localhost,IP:127.0.0.1")};
    return openssl(args).exitCode == 0 && ::chmod(QFile::encodeName(keyPath).constData(), 0600) == 0;
}

} // namespace gatehouse::test
