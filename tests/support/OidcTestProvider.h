#pragma once

// The real OpenID provider of the OIDC tests (npm oidc-provider, tests/oidc/provider.mjs), started on loopback over
// HTTPS with a CA and server certificate made for the test, and the person at the browser, played by an HTTP client
// that follows the provider's redirects and fills in its login form.

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QProcess>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslConfiguration>
#include <QStandardPaths>
#include <QTest>
#include <QUrl>

namespace gatehouse::test {

// Where `npm ci` put oidc-provider; its absence is the one reason an OIDC test may skip (CI always installs it).
inline bool oidcProviderInstalled(const QString& sourceDir)
{
    return QFile::exists(sourceDir + QStringLiteral("/node_modules/oidc-provider/package.json"));
}

inline bool runOpenssl(const QStringList& args)
{
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(QStringLiteral("openssl"), args);
    if (!process.waitForFinished(60000) || process.exitCode() != 0) {
        qWarning() << "openssl" << args << "failed:" << process.readAll();
        return false;
    }
    return true;
}

// A test CA (ca.pem, ca.key) and a certificate for 127.0.0.1 it issued (server.pem, server.key), in `dir`.
inline bool makeTestCertificates(const QString& dir)
{
    QFile ext(dir + QStringLiteral("/server.ext"));
    if (!ext.open(QIODevice::WriteOnly))
        return false;
    ext.write("subjectAltName=IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n");
    ext.close();
    const auto p = [&dir](const char* name) {
        return dir + QLatin1Char('/') + QLatin1String(name);
    };
    const QStringList ec{QStringLiteral("-newkey"), QStringLiteral("ec"), QStringLiteral("-pkeyopt"),
                         QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes")};
    return runOpenssl(QStringList{QStringLiteral("req"), QStringLiteral("-x509")} + ec +
                      QStringList{QStringLiteral("-keyout"), p("ca.key"), QStringLiteral("-out"), p("ca.pem"),
                                  QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-subj"),
                                  QStringLiteral("/CN=Gatehouse OIDC test CA")}) &&
           runOpenssl(QStringList{QStringLiteral("req")} + ec +
                      QStringList{QStringLiteral("-keyout"), p("server.key"), QStringLiteral("-out"), p("server.csr"),
                                  QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1")}) &&
           runOpenssl({QStringLiteral("x509"), QStringLiteral("-req"), QStringLiteral("-in"), p("server.csr"),
                       QStringLiteral("-CA"), p("ca.pem"), QStringLiteral("-CAkey"), p("ca.key"),
                       QStringLiteral("-CAcreateserial"), QStringLiteral("-out"), p("server.pem"),
                       QStringLiteral("-days"), QStringLiteral("2"), QStringLiteral("-extfile"), p("server.ext")});
}

// The provider process. start() makes the certificates in `dir` and waits for the provider's ready line.
class OidcTestProvider
{
public:
    ~OidcTestProvider() { stop(); }

    bool start(const QString& sourceDir, const QString& dir)
    {
        const QString node = QStandardPaths::findExecutable(QStringLiteral("node"));
        if (node.isEmpty()) {
            qWarning() << "node is not on the PATH (installer/install-deps.sh installs it)";
            return false;
        }
        if (!QDir().mkpath(dir) || !makeTestCertificates(dir))
            return false;
        QFile ca(dir + QStringLiteral("/ca.pem"));
        if (!ca.open(QIODevice::ReadOnly))
            return false;
        m_caPem = ca.readAll();
        m_process.setProgram(node);
        m_process.setArguments({sourceDir + QStringLiteral("/tests/oidc/provider.mjs"), QStringLiteral("--cert"),
                                dir + QStringLiteral("/server.pem"), QStringLiteral("--key"),
                                dir + QStringLiteral("/server.key")});
        m_process.setWorkingDirectory(sourceDir);
        m_process.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        m_process.start();
        if (!m_process.waitForStarted()) {
            qWarning() << "the provider did not start:" << m_process.errorString();
            return false;
        }
        if (!QTest::qWaitFor([this] { return m_process.canReadLine() || m_process.state() == QProcess::NotRunning; },
                             30000) ||
            !m_process.canReadLine()) {
            qWarning() << "the provider did not say it is ready";
            return false;
        }
        m_ready = QJsonDocument::fromJson(m_process.readLine()).object();
        return !issuer().isEmpty();
    }
    void stop()
    {
        if (m_process.state() == QProcess::NotRunning)
            return;
        m_process.closeWriteChannel(); // the provider ends when its stdin closes
        m_process.terminate();
        m_process.waitForFinished(10000);
    }

    QString issuer() const { return m_ready.value(QStringLiteral("issuer")).toString(); }
    // The whole ready line: the issuer, the port, the clients and the API resource of the integration client.
    const QJsonObject& ready() const { return m_ready; }
    const QByteArray& caPem() const { return m_caPem; }
    QSslConfiguration tls() const
    {
        QSslConfiguration tls = QSslConfiguration::defaultConfiguration();
        tls.setCaCertificates(QSslCertificate::fromData(m_caPem, QSsl::Pem));
        return tls;
    }

    // A test-only control route of the provider (key rotation, a user's claims); returns its answer.
    QByteArray control(const QString& path, const QJsonObject& body = {}) const
    {
        QNetworkAccessManager network;
        QNetworkRequest request(QUrl(issuer() + path));
        request.setSslConfiguration(tls());
        request.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
        QNetworkReply* reply = network.post(request, QJsonDocument(body).toJson(QJsonDocument::Compact));
        QSignalSpy finished(reply, &QNetworkReply::finished);
        finished.wait(20000);
        reply->deleteLater();
        return reply->readAll();
    }

private:
    QProcess m_process;
    QJsonObject m_ready;
    QByteArray m_caPem;
};

// The person at the browser: follows the provider's redirects, fills in its login form with `username`, and stops at
// the redirect back to the (plain http, loopback) redirect URI, which it returns without fetching it.
class TestBrowser
{
public:
    explicit TestBrowser(const QSslConfiguration& tls) : m_tls(tls) {}

    QUrl signIn(const QUrl& authorizationUrl, const QString& username)
    {
        QUrl url = authorizationUrl;
        QByteArray form;
        for (int step = 0; step < 12; ++step) {
            QNetworkRequest request(url);
            request.setSslConfiguration(m_tls);
            request.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
            if (!form.isEmpty())
                request.setHeader(QNetworkRequest::ContentTypeHeader,
                                  QByteArrayLiteral("application/x-www-form-urlencoded"));
            QNetworkReply* reply = form.isEmpty() ? m_network.get(request) : m_network.post(request, form);
            form.clear();
            QSignalSpy finished(reply, &QNetworkReply::finished);
            if (!finished.wait(20000)) {
                failure = QStringLiteral("no answer from %1").arg(url.toString());
                return {};
            }
            reply->deleteLater();
            const int status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
            const QByteArray body = reply->readAll();
            if (status >= 300 && status < 400) {
                const QUrl next = url.resolved(QUrl::fromEncoded(reply->rawHeader("Location")));
                if (next.scheme() == QLatin1String("http"))
                    return next;
                url = next;
                continue;
            }
            static const QRegularExpression action(QStringLiteral("<form method=\"post\" action=\"([^\"]+)\""));
            const QRegularExpressionMatch match = action.match(QString::fromUtf8(body));
            if (status != 200 || !match.hasMatch()) {
                failure = QStringLiteral("HTTP %1 at %2: %3")
                              .arg(status)
                              .arg(url.toString(), QString::fromUtf8(body.left(300)));
                return {};
            }
            url = url.resolved(QUrl(match.captured(1)));
            form = "username=" + QUrl::toPercentEncoding(username);
        }
        failure = QStringLiteral("too many redirects");
        return {};
    }

    QString failure;

private:
    QNetworkAccessManager m_network;
    QSslConfiguration m_tls;
};

} // namespace gatehouse::test
