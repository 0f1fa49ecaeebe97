#pragma once

#include <QObject>
#include <QPointer>
#include <QString>
#include <QTimer>
#include <QUrl>

#include <functional>

class QOAuthHttpServerReplyHandler;

namespace gatehouse::ui {

class ConsoleBridge;

// Sign-in at the tenant's identity provider from the console, as RFC 8252 asks of a native application: the system
// browser, and a redirect back to a listener on the loopback address only (http://127.0.0.1:<ephemeral>/callback).
// The console never sees the person's password and never holds the client secret: the control plane builds the
// authorization request (PKCE S256, state, nonce), exchanges the code and verifies the ID token. This object only
// carries the code from the browser to the control plane, after checking that the browser came back with the state
// of the sign-in this console started. It answers through the bridge's signInFinished(), or failed() when the
// sign-in never reached the control plane (no listener, the browser did not open, cancelled, timed out, the
// provider answered with an error).
class FederatedSignIn : public QObject
{
    Q_OBJECT
public:
    using BrowserOpener = std::function<bool(const QUrl&)>;

    explicit FederatedSignIn(ConsoleBridge& bridge, QObject* parent = nullptr);
    ~FederatedSignIn() override;

    // Opens the authorization URL; the default is the desktop's browser (QDesktopServices). Tests drive the provider
    // with an HTTP client instead.
    void setBrowserOpener(BrowserOpener opener) { m_openBrowser = std::move(opener); }
    // How long the console waits for the browser to come back (default 5 minutes).
    void setTimeout(int milliseconds) { m_timeout.setInterval(milliseconds); }

    // `code`: the authenticator code, used only when the provider did not vouch for a second factor.
    void start(const QString& tenantName, const QString& code);
    void cancel();
    bool isRunning() const { return m_running; }
    // The loopback redirect URI of the sign-in under way (empty when none).
    QString redirectUri() const;

signals:
    // The browser is open at the provider; the person signs in there.
    void waitingForBrowser();
    // The sign-in ended before the control plane decided; `message` says why and what to do.
    void failed(const QString& message);
    // The code went to the control plane: its answer comes as ConsoleBridge::signInFinished().
    void handedOver();

private:
    void received(const QVariantMap& values);
    void fail(const QString& message);
    void stop();

    ConsoleBridge& m_bridge;
    BrowserOpener m_openBrowser;
    QPointer<QOAuthHttpServerReplyHandler> m_listener;
    QTimer m_timeout;
    QString m_tenantName;
    QString m_code;
    QString m_state;
    bool m_running = false;
};

} // namespace gatehouse::ui
