#pragma once

// A real syslog collector for the forwarding tests: Debian's rsyslogd, started as a foreground process with its own
// configuration, pid file and work directory, listening on a loopback port with TLS (RFC 5425, the ossl driver) and
// writing each message's MSG part to a file, one per line. The certificates come from the openssl command line: a
// test CA, and the collector's certificate for localhost / 127.0.0.1 issued by it (or by another CA).

#include <QByteArray>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QStandardPaths>
#include <QTcpServer>
#include <QTcpSocket>
#include <QThread>

namespace gatehouse::test {

class SyslogCollector
{
public:
    static QString rsyslogd()
    {
        return QStandardPaths::findExecutable(
            QStringLiteral("rsyslogd"),
            {QStringLiteral("/usr/sbin"), QStringLiteral("/sbin"), QStringLiteral("/usr/bin")});
    }
    static bool available()
    {
        return !rsyslogd().isEmpty() &&
               QFile::exists(QStringLiteral("/usr/lib/x86_64-linux-gnu/rsyslog/lmnsd_ossl.so"));
    }

    // `foreignCa`: the collector's certificate is issued by another CA than caPem().
    explicit SyslogCollector(const QString& dir, bool foreignCa = false) : m_dir(dir)
    {
        QDir().mkpath(m_dir + QStringLiteral("/work"));
        m_ok = makeCa(QStringLiteral("ca"), QStringLiteral("Forwarding Test CA")) &&
               (!foreignCa || makeCa(QStringLiteral("other"), QStringLiteral("Another CA"))) &&
               makeServer(foreignCa ? QStringLiteral("other") : QStringLiteral("ca"));
        m_port = freePort();
        m_ok = m_ok && m_port > 0 && writeConfig();
    }
    ~SyslogCollector() { stop(); }

    bool ok() const { return m_ok; }
    int port() const { return m_port; }
    QByteArray caPem() const { return read(QStringLiteral("ca.pem")); }
    QString outputPath() const { return m_dir + QStringLiteral("/received.log"); }

    bool start()
    {
        m_process.setProcessChannelMode(QProcess::MergedChannels);
        m_process.start(rsyslogd(),
                        {QStringLiteral("-n"), QStringLiteral("-f"), m_dir + QStringLiteral("/rsyslog.conf"),
                         QStringLiteral("-i"), m_dir + QStringLiteral("/rsyslogd.pid")});
        if (!m_process.waitForStarted(5000))
            return false;
        QElapsedTimer t;
        t.start();
        while (t.elapsed() < 10000) {
            QTcpSocket probe;
            probe.connectToHost(QStringLiteral("127.0.0.1"), quint16(m_port));
            if (probe.waitForConnected(200)) {
                probe.abort();
                return true;
            }
            if (m_process.state() == QProcess::NotRunning)
                return false;
            QThread::msleep(50);
        }
        return false;
    }
    // A clean stop (SIGTERM): rsyslog finishes what it read and exits.
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.terminate();
        if (!m_process.waitForFinished(10000)) {
            m_process.kill();
            m_process.waitForFinished();
        }
    }
    // Killed (SIGKILL): what it read but did not write yet, and what waits in its socket, is lost.
    void kill()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.kill();
        m_process.waitForFinished();
    }
    QByteArray log() { return m_process.readAll(); }

    // The MSG parts received so far, one per line.
    QList<QByteArray> messages() const
    {
        QList<QByteArray> out;
        for (const QByteArray& line : read(QStringLiteral("received.log")).split('\n')) {
            if (!line.isEmpty())
                out << line;
        }
        return out;
    }

private:
    QByteArray read(const QString& name) const
    {
        QFile f(m_dir + QLatin1Char('/') + name);
        return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
    }
    bool openssl(const QStringList& args)
    {
        QProcess p;
        p.setWorkingDirectory(m_dir);
        p.start(QStringLiteral("openssl"), args);
        return p.waitForFinished(30000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0;
    }
    bool makeCa(const QString& name, const QString& cn)
    {
        return openssl({QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), name + QStringLiteral(".key"), QStringLiteral("-out"),
                        name + QStringLiteral(".pem"), QStringLiteral("-days"), QStringLiteral("2"),
                        QStringLiteral("-subj"), QStringLiteral("/CN=") + cn});
    }
    bool makeServer(const QString& issuer)
    {
        QFile ext(m_dir + QStringLiteral("/server.ext"));
        if (!ext.open(QIODevice::WriteOnly) || ext.write("subjectAltName=DNS:localhost,IP:127.0.0.1\n") < 0)
            return false;
        ext.close();
        return openssl({QStringLiteral("req"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                        QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                        QStringLiteral("-keyout"), QStringLiteral("server.key"), QStringLiteral("-out"),
                        QStringLiteral("server.csr"), QStringLiteral("-subj"), QStringLiteral("/CN=localhost")}) &&
               openssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"),
                        QStringLiteral("server.csr"), QStringLiteral("-CA"), issuer + QStringLiteral(".pem"),
                        QStringLiteral("-CAkey"), issuer + QStringLiteral(".key"), QStringLiteral("-CAcreateserial"),
                        QStringLiteral("-out"), QStringLiteral("server.pem"), QStringLiteral("-days"),
                        QStringLiteral("2"), QStringLiteral("-extfile"), QStringLiteral("server.ext")});
    }
    static int freePort()
    {
        QTcpServer s;
        if (!s.listen(QHostAddress::LocalHost, 0))
            return 0;
        return s.serverPort();
    }
    bool writeConfig()
    {
        const QString d = m_dir;
        const QString conf = QStringLiteral("global(workDirectory=\"%1/work\" maxMessageSize=\"64k\"\n"
                                            "  defaultNetstreamDriver=\"ossl\"\n"
                                            "  defaultNetstreamDriverCAFile=\"%1/ca.pem\"\n"
                                            "  defaultNetstreamDriverCertFile=\"%1/server.pem\"\n"
                                            "  defaultNetstreamDriverKeyFile=\"%1/server.key\")\n"
                                            "module(load=\"imtcp\" streamDriver.name=\"ossl\" streamDriver.mode=\"1\" "
                                            "streamDriver.authMode=\"anon\")\n"
                                            "input(type=\"imtcp\" address=\"127.0.0.1\" port=\"%2\")\n"
                                            "template(name=\"payload\" type=\"string\" string=\"%msg%\\n\")\n"
                                            "action(type=\"omfile\" file=\"%1/received.log\" template=\"payload\")\n")
                                 .arg(d)
                                 .arg(m_port);
        QFile f(d + QStringLiteral("/rsyslog.conf"));
        return f.open(QIODevice::WriteOnly) && f.write(conf.toUtf8()) > 0;
    }

    QString m_dir;
    bool m_ok = false;
    int m_port = 0;
    QProcess m_process;
};

} // namespace gatehouse::test
