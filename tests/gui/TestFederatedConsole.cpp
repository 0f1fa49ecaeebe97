// The console's sign-in at the tenant's identity provider, end to end: the sign-in dialog's button, the loopback
// listener (Qt Network Auth), the "browser" (an HTTP client that signs in at the real provider and then follows the
// redirect back to the console, as a browser does), and the control plane that checks it all and opens the session.
#include "ConsoleTestSupport.h"
#include "OidcTestProvider.h"
#include "identity/FederationConfig.h"
#include "shell/FederatedSignIn.h"
#include "shell/SignInDialog.h"
#include "shell/SignInForm.h"

#include <QDateTime>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QUrlQuery>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {
const QString sourceDir = QStringLiteral(GATEHOUSE_SOURCE_DIR);

// What the browser did after the provider sent it back to the console.
struct BrowserVisit
{
    int status = 0;
    QByteArray body;
    bool done = false;
};

// A GET of a plain http (loopback) URL, as the browser follows the provider's redirect.
void visit(QNetworkAccessManager& network, const QUrl& url, std::shared_ptr<BrowserVisit> out)
{
    QNetworkReply* reply = network.get(QNetworkRequest(url));
    QObject::connect(reply, &QNetworkReply::finished, reply, [reply, out]() {
        out->status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
        out->body = reply->readAll();
        out->done = true;
        reply->deleteLater();
    });
}

QUrl withQuery(QUrl url, const QList<std::pair<QString, QString>>& items)
{
    QUrlQuery q;
    for (const auto& [k, v] : items)
        q.addQueryItem(k, v);
    url.setQuery(q);
    return url;
}
} // namespace

class TestFederatedConsole : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void signsInThroughTheBrowser();
    void anAnswerWithoutThisSignInsStateIsIgnored();
    void theProvidersRefusalIsShown();
    void aTenantNameIsNeeded();
    void cancelStopsListening();

private:
    ui::SignInForm* form() const { return m_dialog->findChild<ui::SignInForm*>(QStringLiteral("signInForm")); }
    QString message() const { return m_dialog->findChild<QLabel*>(QStringLiteral("signInMessage"))->text(); }
    void typeTenant(const QString& name)
    {
        auto* edit = m_dialog->findChild<QLineEdit*>(QStringLiteral("tenantEdit"));
        edit->clear();
        QTest::keyClicks(edit, name);
    }
    QPushButton* providerButton() const
    {
        return m_dialog->findChild<QPushButton*>(QStringLiteral("providerSignInButton"));
    }

    ControlPlaneFixture f;
    OidcTestProvider m_provider;
    QNetworkAccessManager m_network;
    std::unique_ptr<ui::ConsoleBridge> m_bridge;
    std::unique_ptr<ui::SignInDialog> m_dialog;
};

void TestFederatedConsole::initTestCase()
{
    if (!oidcProviderInstalled(sourceDir))
        QSKIP("oidc-provider is not installed: run `npm ci` in the source tree (CI always does)");
    f.clock = ManualClock(QDateTime::currentMSecsSinceEpoch()); // the provider's tokens carry the real time
    QVERIFY(f.setUp());
    QVERIFY(m_provider.start(sourceDir, f.dir.filePath(QStringLiteral("provider"))));
    identity::FederationConfig c;
    c.tenantId = f.tenantA;
    c.issuer = m_provider.issuer();
    c.clientId = QStringLiteral("gatehouse-rs256");
    c.caPem = QString::fromLatin1(m_provider.caPem());
    c.scopes = {QStringLiteral("openid"), QStringLiteral("email"), QStringLiteral("profile"), QStringLiteral("groups")};
    c.jitProvisioning = true;
    QVERIFY(f.cp->setFederation(f.system, c, secret("gatehouse-rs256-secret")));
    identity::GroupMapping dev;
    dev.group = QStringLiteral("developers");
    dev.roleId = authz::builtin::kMember;
    dev.workspaceId = f.w1;
    QVERIFY(f.cp->setGroupMappings(f.system, f.tenantA, {dev}));
}

void TestFederatedConsole::init()
{
    m_bridge = std::make_unique<ui::ConsoleBridge>(*f.cp);
    m_dialog = std::make_unique<ui::SignInDialog>(*m_bridge);
    m_dialog->show();
    QVERIFY(QTest::qWaitForWindowExposed(m_dialog.get()));
    QVERIFY(form() && providerButton());
}

void TestFederatedConsole::cleanup()
{
    m_dialog.reset();
    if (m_bridge)
        m_bridge->endSessionNow();
    m_bridge.reset();
}

void TestFederatedConsole::signsInThroughTheBrowser()
{
    QVERIFY(!providerButton()->accessibleName().isEmpty());
    auto page = std::make_shared<BrowserVisit>();
    QUrl opened;
    QString browserFailure;
    form()->federatedSignIn()->setBrowserOpener([&](const QUrl& url) {
        opened = url;
        QTimer::singleShot(0, this, [&, url, page]() {
            TestBrowser browser(m_provider.tls());
            const QUrl back = browser.signIn(url, QStringLiteral("bob"));
            browserFailure = browser.failure;
            if (!back.isEmpty())
                visit(m_network, back, page);
        });
        return true;
    });
    typeTenant(QStringLiteral("acme"));
    QSignalSpy finished(m_bridge.get(), &ui::ConsoleBridge::signInFinished);
    QTest::mouseClick(providerButton(), Qt::LeftButton);
    // The request the console made: the provider's endpoint, PKCE S256, and a redirect to the loopback listener only.
    QTRY_VERIFY_WITH_TIMEOUT(opened.isValid(), kAnswerMs);
    QVERIFY(opened.toString().startsWith(m_provider.issuer()));
    const QUrlQuery request(opened);
    QCOMPARE(request.queryItemValue(QStringLiteral("code_challenge_method")), QStringLiteral("S256"));
    const QUrl redirect(request.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
    QCOMPARE(redirect.scheme(), QStringLiteral("http"));
    QCOMPARE(redirect.host(), QStringLiteral("127.0.0.1"));
    QCOMPARE(redirect.path(), QStringLiteral("/callback"));
    QVERIFY(redirect.port() > 0);
    QVERIFY(form()->federatedSignIn()->isRunning());
    QCOMPARE(providerButton()->accessibleName(), QStringLiteral("Cancel sign-in with identity provider"));

    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kAnswerMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString() + browserFailure));
    QVERIFY(m_bridge->isSignedIn());
    QCOMPARE(m_bridge->identity().name, QStringLiteral("bob"));
    QCOMPARE(m_bridge->identity().tenantId, f.tenantA);
    QTRY_VERIFY_WITH_TIMEOUT(m_dialog->result() == QDialog::Accepted, kAnswerMs);
    // The browser was told it may close the tab.
    QTRY_VERIFY_WITH_TIMEOUT(page->done, kAnswerMs);
    QCOMPARE(page->status, 200);
    QVERIFY2(page->body.contains("close this tab"), page->body.constData());
    // The listener is gone once the answer came.
    QVERIFY(!form()->federatedSignIn()->isRunning());
    QVERIFY(form()->federatedSignIn()->redirectUri().isEmpty());
    // The sign-in is the console's, with the provider named.
    const auto events = auditEvents(f, f.tenantA, QStringLiteral("auth.oidc.signin"));
    QVERIFY(!events.isEmpty());
    QCOMPARE(events.first().outcome, QStringLiteral("success"));
    QCOMPARE(events.first().source, QStringLiteral("gui"));
    QCOMPARE(events.first().details.value(QStringLiteral("issuer")).toString(), m_provider.issuer());
}

void TestFederatedConsole::anAnswerWithoutThisSignInsStateIsIgnored()
{
    // Another program on the machine reaches the listener first with a made-up answer: it neither ends the wait nor
    // reaches the control plane; the real answer that follows still signs in.
    auto forged = std::make_shared<BrowserVisit>();
    auto page = std::make_shared<BrowserVisit>();
    form()->federatedSignIn()->setBrowserOpener([&](const QUrl& url) {
        QTimer::singleShot(0, this, [&, url, forged, page]() {
            const QUrl redirect(QUrlQuery(url).queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
            visit(m_network,
                  withQuery(redirect, {{QStringLiteral("code"), QStringLiteral("forged-code")},
                                       {QStringLiteral("state"), QStringLiteral("not-this-sign-ins-state")}}),
                  forged);
            QTRY_VERIFY_WITH_TIMEOUT(forged->done, kAnswerMs);
            QVERIFY(form()->federatedSignIn()->isRunning());
            TestBrowser browser(m_provider.tls());
            const QUrl back = browser.signIn(url, QStringLiteral("bob"));
            QVERIFY2(!back.isEmpty(), qPrintable(browser.failure));
            visit(m_network, back, page);
        });
        return true;
    });
    typeTenant(QStringLiteral("acme"));
    QSignalSpy finished(m_bridge.get(), &ui::ConsoleBridge::signInFinished);
    QTest::mouseClick(providerButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(finished.count() == 1, kAnswerMs);
    QVERIFY2(finished.first().at(0).toBool(), qPrintable(finished.first().at(1).toString()));
    QVERIFY(forged->done);
    QCOMPARE(m_bridge->identity().name, QStringLiteral("bob"));
    // The forged code never reached the control plane: no refused federated sign-in was recorded for it.
    for (const auto& e : auditEvents(f, f.tenantA, QStringLiteral("auth.oidc.signin")))
        QVERIFY2(e.outcome == QLatin1String("success") || e.source != QLatin1String("gui"), qPrintable(e.action));
}

void TestFederatedConsole::theProvidersRefusalIsShown()
{
    // The person declines at the provider: it sends the browser back with an error and this sign-in's state.
    form()->federatedSignIn()->setBrowserOpener([&](const QUrl& url) {
        const QUrlQuery request(url);
        const QUrl redirect(request.queryItemValue(QStringLiteral("redirect_uri"), QUrl::FullyDecoded));
        visit(m_network,
              withQuery(redirect, {{QStringLiteral("error"), QStringLiteral("access_denied")},
                                   {QStringLiteral("error_description"), QStringLiteral("the person declined")},
                                   {QStringLiteral("state"), request.queryItemValue(QStringLiteral("state"))}}),
              std::make_shared<BrowserVisit>());
        return true;
    });
    typeTenant(QStringLiteral("acme"));
    QTest::mouseClick(providerButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(message().contains(QStringLiteral("the person declined")), kAnswerMs);
    QVERIFY(!form()->federatedSignIn()->isRunning());
    QVERIFY(!m_bridge->isSignedIn());
    QVERIFY(providerButton()->isEnabled());
    QCOMPARE(providerButton()->accessibleName(), QStringLiteral("Sign in with identity provider"));
}

void TestFederatedConsole::aTenantNameIsNeeded()
{
    bool opened = false;
    form()->federatedSignIn()->setBrowserOpener([&](const QUrl&) { return opened = true; });
    typeTenant(QString());
    QTest::mouseClick(providerButton(), Qt::LeftButton);
    QVERIFY(message().contains(QStringLiteral("tenant")));
    QVERIFY(!opened);
    // A tenant without a provider: the control plane's answer is shown, and no browser opens.
    typeTenant(QStringLiteral("blue"));
    QTest::mouseClick(providerButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!message().isEmpty() && !form()->federatedSignIn()->isRunning(), kAnswerMs);
    QVERIFY(!opened);
    QVERIFY(!m_bridge->isSignedIn());
}

void TestFederatedConsole::cancelStopsListening()
{
    form()->federatedSignIn()->setBrowserOpener([](const QUrl&) { return true; }); // the person never comes back
    typeTenant(QStringLiteral("acme"));
    QTest::mouseClick(providerButton(), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(form()->federatedSignIn()->isRunning() &&
                                 !form()->federatedSignIn()->redirectUri().isEmpty() &&
                                 providerButton()->text().contains(QStringLiteral("Cancel")),
                             kAnswerMs);
    const QUrl redirect(form()->federatedSignIn()->redirectUri());
    QTest::mouseClick(providerButton(), Qt::LeftButton); // the same button cancels
    QVERIFY(!form()->federatedSignIn()->isRunning());
    QCOMPARE(message(), QStringLiteral("Sign-in cancelled."));
    // Nothing listens on the port any more.
    auto late = std::make_shared<BrowserVisit>();
    visit(m_network, redirect, late);
    QTRY_VERIFY_WITH_TIMEOUT(late->done, kAnswerMs);
    QCOMPARE(late->status, 0);
}

QTEST_MAIN(TestFederatedConsole)
#include "TestFederatedConsole.moc"
