#include "FederatedSignIn.h"

#include "console/ConsoleBridge.h"

#include <QDesktopServices>
#include <QHostAddress>
#include <QLoggingCategory>
#include <QOAuthHttpServerReplyHandler>
#include <QVariantMap>

Q_LOGGING_CATEGORY(lcFederated, "gatehouse.ui.federated")

namespace gatehouse::ui {

namespace {
constexpr int kDefaultTimeoutMs = 5 * 60 * 1000;
constexpr int kLingerMs = 10 * 1000;
} // namespace

FederatedSignIn::FederatedSignIn(ConsoleBridge& bridge, QObject* parent)
    : QObject(parent), m_bridge(bridge), m_openBrowser([](const QUrl& url) { return QDesktopServices::openUrl(url); })
{
    m_timeout.setSingleShot(true);
    m_timeout.setInterval(kDefaultTimeoutMs);
    connect(&m_timeout, &QTimer::timeout, this, [this]() {
        fail(tr("The sign-in at your identity provider did not finish within %n minute(s). Start it again.", nullptr,
                m_timeout.interval() / 60000 > 0 ? m_timeout.interval() / 60000 : 1));
    });
}

FederatedSignIn::~FederatedSignIn()
{
    stop();
}

QString FederatedSignIn::redirectUri() const
{
    return m_listener ? m_listener->callback() : QString();
}

void FederatedSignIn::start(const QString& tenantName, const QString& code)
{
    if (m_running)
        return;
    if (tenantName.isEmpty()) {
        emit failed(tr("Enter your tenant's name: sign-in with an identity provider is set up per tenant."));
        return;
    }
    // Loopback only (never every interface), on a port the system picks: nothing else on the network can reach the
    // listener, and a second console signing in at the same time gets a port of its own.
    m_listener = new QOAuthHttpServerReplyHandler(QHostAddress(QHostAddress::LocalHost), 0, this);
    if (!m_listener->isListening()) {
        stop();
        emit failed(tr("The console could not listen on the loopback address for the provider's answer. Check that "
                       "no firewall rule blocks 127.0.0.1, then try again."));
        return;
    }
    m_listener->setCallbackPath(QStringLiteral("/callback"));
    m_listener->setCallbackText(tr("Gatehouse received your sign-in. You can close this tab and return to the "
                                   "console."));
    connect(m_listener, &QOAuthHttpServerReplyHandler::callbackReceived, this, &FederatedSignIn::received);
    m_running = true;
    m_tenantName = tenantName;
    m_code = code;
    m_state.clear();
    m_bridge.beginFederatedSignIn(tenantName, redirectUri(), this, [this](Result<ConsoleBridge::FederatedStart> r) {
        if (!m_running)
            return;
        if (!r) {
            fail(r.error().message);
            return;
        }
        m_state = r.value().state;
        const QUrl url(r.value().authorizationUrl, QUrl::StrictMode);
        if (!url.isValid() || (url.scheme() != QLatin1String("https") && url.scheme() != QLatin1String("http"))) {
            fail(tr("The identity provider's sign-in address is not a web address. Ask an administrator to check "
                    "the tenant's provider settings."));
            return;
        }
        if (!m_openBrowser(url)) {
            fail(tr("The console could not open your web browser. Set a default browser for your desktop and "
                    "try again."));
            return;
        }
        m_timeout.start();
        emit waitingForBrowser();
    });
}

void FederatedSignIn::cancel()
{
    if (m_running)
        fail(tr("Sign-in cancelled."));
}

void FederatedSignIn::received(const QVariantMap& values)
{
    if (!m_running || m_state.isEmpty())
        return;
    // Any program on this machine can reach the loopback port: an answer without this sign-in's state is not from
    // the browser the console opened, and is ignored rather than allowed to end the wait.
    const QString state = values.value(QStringLiteral("state")).toString();
    if (state != m_state) {
        qCWarning(lcFederated) << "ignored a callback on the loopback listener that does not carry this sign-in's "
                                  "state";
        return;
    }
    const QString error = values.value(QStringLiteral("error")).toString();
    if (!error.isEmpty()) {
        const QString description = values.value(QStringLiteral("error_description")).toString();
        fail(description.isEmpty() ? tr("Your identity provider refused the sign-in (%1).").arg(error.left(80))
                                   : tr("Your identity provider refused the sign-in: %1").arg(description.left(200)));
        return;
    }
    const QString authorizationCode = values.value(QStringLiteral("code")).toString();
    if (authorizationCode.isEmpty()) {
        fail(tr("Your identity provider sent no authorization code. Start the sign-in again."));
        return;
    }
    const QString tenantName = m_tenantName;
    const QString code = m_code;
    stop();
    m_bridge.completeFederatedSignIn(tenantName, state, authorizationCode, code);
    emit handedOver();
}

void FederatedSignIn::fail(const QString& message)
{
    stop();
    emit failed(message);
}

void FederatedSignIn::stop()
{
    m_running = false;
    m_timeout.stop();
    m_state.clear();
    m_code.clear();
    if (m_listener) {
        // No new connections from now on; the answer to the browser that is being written (the "you can close this
        // tab" page goes out after callbackReceived) still needs its socket, which the listener owns: it goes a
        // little later.
        m_listener->close();
        disconnect(m_listener, nullptr, this, nullptr);
        QTimer::singleShot(kLingerMs, m_listener.data(), &QObject::deleteLater);
        m_listener = nullptr;
    }
}

} // namespace gatehouse::ui
