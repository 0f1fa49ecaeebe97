#pragma once

#include <QByteArray>
#include <QDir>
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

// A client certificate (EC P-256, clientAuth) for `name`, issued by the CA `caName` (caName.crt/.key in `dir`):
// writes name.key (mode 0600) and name.crt into `dir`.
inline bool issueClientCertificate(const QDir& dir, const QString& caName, const QString& name)
{
    const QString ext = dir.filePath(QStringLiteral("client.ext"));
    QFile extFile(ext);
    if (!extFile.open(QIODevice::WriteOnly | QIODevice::Truncate) ||
        extFile.write("basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature\n"
                      "extendedKeyUsage=clientAuth\n") < 0)
        return false;
    extFile.close();
    const QString key = dir.filePath(name + QStringLiteral(".key"));
    const QString csr = dir.filePath(name + QStringLiteral(".csr"));
    const auto request = openssl({QStringLiteral("req"), QStringLiteral("-new"), QStringLiteral("-nodes"),
                                  QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                                  QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-keyout"), key,
                                  QStringLiteral("-out"), csr, QStringLiteral("-subj"), QStringLiteral("/CN=") + name});
    const auto issued =
        openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), csr, QStringLiteral("-CA"),
                 dir.filePath(caName + QStringLiteral(".crt")), QStringLiteral("-CAkey"),
                 dir.filePath(caName + QStringLiteral(".key")), QStringLiteral("-CAcreateserial"),
                 QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), ext, QStringLiteral("-out"),
                 dir.filePath(name + QStringLiteral(".crt"))});
    return request.exitCode == 0 && issued.exitCode == 0 && ::chmod(QFile::encodeName(key).constData(), 0600) == 0;
}

} // namespace gatehouse::test
