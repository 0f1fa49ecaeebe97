#include "../api/TlsTestSupport.h"
#include "ConsoleTestSupport.h"
#include "models/IntegrationModel.h"
#include "models/TokenModel.h"
#include "models/UserModel.h"
#include "panes/IdentitiesPane.h"
#include "panes/IntegrationDialog.h"
#include "panes/IntegrationsPane.h"
#include "panes/TokenIssueDialog.h"
#include "widgets/ClipboardCountdown.h"
#include "widgets/SecretClipboard.h"
#include "widgets/SecretValueField.h"

#include <QAbstractButton>
#include <QAbstractItemModelTester>
#include <QAction>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPushButton>
#include <QSortFilterProxyModel>
#include <QSpinBox>
#include <QTabWidget>
#include <QTableView>
#include <QToolButton>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The Integrations tab of the Identities pane: integrations of the tenant and their tokens, managed as the
// signed-in identity through the console bridge.
class TestIntegrationsPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void modelsKeepTheirContract();
    void createIssueCopyAndRevokeAToken();
    void tenantAdminIsRefusedATokenForAMorePowerfulIntegration();
    void securityReviewerHasEveryWriteActionDisabled();
    void bindAndUnbindACertificate();
    void lockDeleteAndSearch();
    void lockingTheConsoleTakesTheTokenAway();

private:
    // Signs in and shows the Identities pane on its Integrations tab, with the tenant's integrations listed.
    ui::IntegrationsPane* open(ui::IdentitiesPane& identities, ui::ConsoleBridge& bridge, const QString& user,
                               int expectedRows);
    static void select(ui::IntegrationsPane& pane, const QString& name);
    static QAction* action(ui::IntegrationsPane& pane, const char* name);
    // Answers the open confirmation with Yes.
    static void confirmYes(ui::IntegrationsPane& pane);
    QString addIntegration(const QString& name, const QString& roleId = {});

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

namespace {

const char* const kWriteActions[] = {"createIntegrationAction", "lockIntegrationAction", "unlockIntegrationAction",
                                     "deleteIntegrationAction", "bindCertificateAction", "unbindCertificateAction",
                                     "issueTokenAction",        "revokeTokenAction"};

// Whether any text a widget under `root` shows, or any data a model under it holds, contains `value`.
bool holds(QWidget& root, const QString& value)
{
    QList<QObject*> objects = root.findChildren<QObject*>();
    objects.prepend(&root);
    for (QObject* o : objects) {
        QStringList texts;
        if (auto* e = qobject_cast<QLineEdit*>(o))
            texts << e->text() << e->displayText();
        else if (auto* l = qobject_cast<QLabel*>(o))
            texts << l->text();
        else if (auto* b = qobject_cast<QAbstractButton*>(o))
            texts << b->text();
        if (auto* w = qobject_cast<QWidget*>(o))
            texts << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->windowTitle();
        if (auto* m = qobject_cast<QAbstractItemModel*>(o)) {
            for (int r = 0; r < m->rowCount(); ++r) {
                for (int c = 0; c < m->columnCount(); ++c) {
                    for (int role = 0; role < Qt::UserRole + 16; ++role)
                        texts << m->index(r, c).data(role).toString();
                }
            }
        }
        for (const QString& text : texts) {
            if (text.contains(value))
                return true;
        }
    }
    return false;
}

// With GATEHOUSE_SCREENSHOT_DIR set (tests/gui/screenshots.sh), saves the widget as a PNG.
void shot(QWidget& w, const char* name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    w.grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

identity::Integration integration(const char* id, const char* name, const char* status = "active")
{
    identity::Integration i;
    i.id = QLatin1String(id);
    i.name = QLatin1String(name);
    i.status = QLatin1String(status);
    return i;
}

} // namespace

void TestIntegrationsPane::init()
{
    test::useTemporarySettings();
    QGuiApplication::clipboard()->clear();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestIntegrationsPane::cleanup()
{
    m_f.reset();
}

QString TestIntegrationsPane::addIntegration(const QString& name, const QString& roleId)
{
    auto created = m_f->cp->createIntegration(m_f->system, m_f->tenantA, name, QStringLiteral("seeded"));
    if (!created)
        return {};
    if (!roleId.isEmpty() &&
        !m_f->cp->createBinding(m_f->system, m_f->tenantA, QStringLiteral("integration"), created.value().id, roleId))
        return {};
    return created.value().id;
}

ui::IntegrationsPane* TestIntegrationsPane::open(ui::IdentitiesPane& identities, ui::ConsoleBridge& bridge,
                                                 const QString& user, int expectedRows)
{
    if (!test::signInBridge(bridge, QStringLiteral("acme"), user))
        return nullptr;
    ui::IntegrationsPane* pane = identities.integrations();
    auto* tabs = identities.findChild<QTabWidget*>(QStringLiteral("identitiesTabs"));
    if (!pane || !tabs)
        return nullptr;
    tabs->setCurrentWidget(pane);
    identities.resize(1000, 700);
    identities.show();
    if (!QTest::qWaitForWindowExposed(&identities))
        return nullptr;
    // Listed once Refresh has answered: New is enabled (for those who may) and the rows are there.
    (void)QTest::qWaitFor([&]() { return pane->model()->rowCount() == expectedRows && !bridge.isBusy(); }, kAnswerMs);
    return pane->model()->rowCount() == expectedRows ? pane : nullptr;
}

void TestIntegrationsPane::select(ui::IntegrationsPane& pane, const QString& name)
{
    auto* table = pane.findChild<QTableView*>(QStringLiteral("integrationTable"));
    QVERIFY(table);
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, ui::IntegrationModel::Name).data().toString() == name) {
            table->selectRow(r);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(name)));
}

QAction* TestIntegrationsPane::action(ui::IntegrationsPane& pane, const char* name)
{
    return pane.findChild<QAction*>(QLatin1String(name));
}

void TestIntegrationsPane::confirmYes(ui::IntegrationsPane& pane)
{
    auto* box = pane.findChild<QMessageBox*>(QStringLiteral("confirmDialog"));
    QVERIFY(box);
    QTRY_VERIFY(box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
}

void TestIntegrationsPane::modelsKeepTheirContract()
{
    ui::IntegrationModel integrations;
    QAbstractItemModelTester tester(&integrations, QAbstractItemModelTester::FailureReportingMode::QtTest);
    integrations.setIntegrations({integration("int_1", "deploy-bot"), integration("int_2", "backup", "locked")});
    QCOMPARE(integrations.rowCount(), 2);
    integrations.putIntegration(integration("int_3", "ci"));
    QCOMPARE(integrations.rowCount(), 3);
    identity::Integration bound = integration("int_2", "backup");
    bound.clientCertificateSha256 = QString(64, QLatin1Char('a'));
    integrations.putIntegration(bound);
    QCOMPARE(integrations.rowCount(), 3);
    QCOMPARE(integrations.data(integrations.index(1, ui::IntegrationModel::Status), ui::IntegrationModel::StatusRole)
                 .toString(),
             QStringLiteral("active"));
    QVERIFY(integrations.data(integrations.index(1, ui::IntegrationModel::Certificate), Qt::ToolTipRole)
                .toString()
                .contains(QLatin1String("AA:AA")));
    integrations.removeIntegration(QStringLiteral("int_1"));
    QCOMPARE(integrations.rowOf(QStringLiteral("int_1")), -1);
    QCOMPARE(integrations.rowCount(), 2);
    integrations.clear();
    QCOMPARE(integrations.rowCount(), 0);

    ui::TokenModel tokens;
    QAbstractItemModelTester tokenTester(&tokens, QAbstractItemModelTester::FailureReportingMode::QtTest);
    const qint64 now = 1'800'000'000'000;
    tokens.setNow(now);
    identity::ApiToken live{QStringLiteral("tok_1"),
                            QStringLiteral("int_1"),
                            QStringLiteral("gh_ab12"),
                            QStringLiteral("ws_1"),
                            now - 1000,
                            now + 86'400'000,
                            0,
                            now - 500};
    identity::ApiToken old{
        QStringLiteral("tok_2"), QStringLiteral("int_1"), QStringLiteral("gh_cd34"), {}, now - 5000, now - 1, 0, 0};
    identity::ApiToken revoked{QStringLiteral("tok_3"),
                               QStringLiteral("int_1"),
                               QStringLiteral("gh_ef56"),
                               {},
                               now - 5000,
                               now + 1000,
                               now - 10,
                               0};
    tokens.setTokens({live, old, revoked});
    tokens.setWorkspaceNames({{QStringLiteral("ws_1"), QStringLiteral("acme / Production")}});
    QCOMPARE(tokens.data(tokens.index(0, 0), ui::TokenModel::StateRole).toString(), QStringLiteral("active"));
    QCOMPARE(tokens.data(tokens.index(1, 0), ui::TokenModel::StateRole).toString(), QStringLiteral("expired"));
    QCOMPARE(tokens.data(tokens.index(2, 0), ui::TokenModel::StateRole).toString(), QStringLiteral("revoked"));
    QCOMPARE(tokens.data(tokens.index(0, ui::TokenModel::Workspace)).toString(), QStringLiteral("acme / Production"));
    QCOMPARE(tokens.data(tokens.index(1, ui::TokenModel::Workspace)).toString(), QStringLiteral("Any"));
    QCOMPARE(tokens.data(tokens.index(1, ui::TokenModel::LastUsed)).toString(), QStringLiteral("Never"));
    QVERIFY(tokens.data(tokens.index(2, ui::TokenModel::Status)).toString().startsWith(QLatin1String("Revoked")));
    tokens.setNow(now + 2000); // the clock moves on: the live one has not expired yet, the revoked one stays so
    QCOMPARE(tokens.data(tokens.index(0, 0), ui::TokenModel::StateRole).toString(), QStringLiteral("active"));
    QCOMPARE(tokens.data(tokens.index(2, 0), ui::TokenModel::StateRole).toString(), QStringLiteral("revoked"));
    tokens.clear();
    QCOMPARE(tokens.rowCount(), 0);
}

void TestIntegrationsPane::createIssueCopyAndRevokeAToken()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane identities(bridge);
    ui::IntegrationsPane* pane = open(identities, bridge, QStringLiteral("alice"), 0);
    QVERIFY(pane);
    QAbstractItemModelTester tester(pane->model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester tokenTester(pane->tokenModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const QString alice = bridge.identity().id;
    // The users tab still works beside it.
    QTRY_VERIFY_WITH_TIMEOUT(identities.model()->rowCount() > 0, kAnswerMs);

    // New integration.
    QAction* create = action(*pane, "createIntegrationAction");
    QTRY_VERIFY_WITH_TIMEOUT(create->isEnabled(), kAnswerMs);
    create->trigger();
    auto* dialog = pane->findChild<ui::IntegrationDialog*>(QStringLiteral("integrationDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("integrationNameEdit")),
                     QStringLiteral("deploy-bot"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("integrationDescriptionEdit")),
                     QStringLiteral("Ships releases"));
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 1, kAnswerMs);
    QTRY_VERIFY(!pane->findChild<ui::IntegrationDialog*>(QStringLiteral("integrationDialog")));
    const QString integrationId =
        pane->model()->data(pane->model()->index(0, 0), ui::IntegrationModel::IdRole).toString();
    QVERIFY(!integrationId.isEmpty());
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("integration.create"), integrationId));
    shot(identities, "integrations-1-created");

    // Issue a token (the workspaces are offered as limits): the dialog shows it once.
    select(*pane, QStringLiteral("deploy-bot"));
    QAction* issue = action(*pane, "issueTokenAction");
    QVERIFY(issue->isEnabled());
    issue->trigger();
    QPointer<ui::TokenIssueDialog> issueDialog =
        pane->findChild<ui::TokenIssueDialog*>(QStringLiteral("tokenIssueDialog"));
    QVERIFY(issueDialog);
    QTRY_VERIFY(issueDialog->isVisible());
    auto* days = issueDialog->findChild<QSpinBox*>(QStringLiteral("expiryDaysSpin"));
    QCOMPARE(days->minimum(), 1);
    QCOMPARE(days->maximum(), 365);
    days->setValue(30);
    auto* workspace = issueDialog->findChild<QComboBox*>(QStringLiteral("tokenWorkspaceCombo"));
    const int production = workspace->findData(m_f->w1);
    QVERIFY(production > 0);
    QCOMPARE(workspace->currentIndex(), 0); // no workspace limit unless one is chosen
    auto* field = issueDialog->findChild<ui::SecretValueField*>();
    QVERIFY(field && !field->isVisible());
    QTest::mouseClick(issueDialog->findChild<QPushButton*>(QStringLiteral("issueTokenButton")), Qt::LeftButton);
    auto* copy = issueDialog->findChild<QPushButton*>(QStringLiteral("copyTokenButton"));
    QTRY_VERIFY_WITH_TIMEOUT(copy->isVisible() && copy->isEnabled(), kAnswerMs);
    const QString value = field->valueText();
    QVERIFY(value.size() >= 20);
    QVERIFY2(issueDialog->findChild<QLabel*>(QStringLiteral("tokenNote"))->text().contains(u"never be shown again"),
             "the dialog says it is shown once");
    QVERIFY(!issueDialog->findChild<QPushButton*>(QStringLiteral("issueTokenButton"))->isEnabled());
    // Masked until Show.
    auto* edit = field->findChild<QLineEdit*>(QStringLiteral("secretValueEdit"));
    QVERIFY(!edit->text().contains(value));
    QTest::mouseClick(field->findChild<QToolButton*>(QStringLiteral("showSecretButton")), Qt::LeftButton);
    QCOMPARE(edit->text(), value);
    shot(*issueDialog, "integrations-2-token-issued");

    // It works, as the integration.
    auto me = m_f->cp->whoami(service::Caller::withToken(value));
    QVERIFY2(me, me ? "" : qPrintable(me.error().message));
    QCOMPARE(me.value().id, integrationId);

    // Copy: on the clipboard, marked as a secret, counted down.
    QTest::mouseClick(copy, Qt::LeftButton);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), value);
    QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    auto* countdown = issueDialog->findChild<ui::ClipboardCountdown*>(QStringLiteral("clipboardCountdown"));
    QVERIFY(countdown && countdown->isVisible());
    QVERIFY(pane->clipboard()->remainingMs() > 0);

    // The token is listed: its hint, no workspace limit, never used; not its value.
    QTRY_COMPARE_WITH_TIMEOUT(pane->tokenModel()->rowCount(), 1, kAnswerMs);
    QCOMPARE(pane->tokenModel()->index(0, ui::TokenModel::Workspace).data().toString(), QStringLiteral("Any"));
    QCOMPARE(pane->tokenModel()->index(0, ui::TokenModel::LastUsed).data().toString(), QStringLiteral("Never"));
    QVERIFY(!holds(*pane->findChild<QTableView*>(QStringLiteral("tokenTable")), value));

    // Closing takes the value out of every widget.
    QSignalSpy cleared(field, &ui::SecretValueField::cleared);
    QTest::mouseClick(
        issueDialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Close),
        Qt::LeftButton);
    QCOMPARE(cleared.count(), 1);
    QTRY_VERIFY(!issueDialog);
    QVERIFY(!holds(identities, value));
    pane->clipboard()->clearNow();
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    bool issuedAudited = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("token.issue"))) {
        issuedAudited |=
            e.actorId == alice && e.source == QLatin1String("gui") && e.outcome == QLatin1String("success");
        QVERIFY(!e.detailsJson.contains(value.toUtf8()));
    }
    QVERIFY(issuedAudited);

    // Revoke (asks first): the token is refused from then on.
    auto* tokenTable = pane->findChild<QTableView*>(QStringLiteral("tokenTable"));
    tokenTable->selectRow(0);
    QAction* revoke = action(*pane, "revokeTokenAction");
    QVERIFY(revoke->isEnabled());
    revoke->trigger();
    confirmYes(*pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane->tokenModel()->index(0, 0).data(ui::TokenModel::StateRole).toString(),
                              QStringLiteral("revoked"), kAnswerMs);
    QVERIFY(!m_f->cp->whoami(service::Caller::withToken(value)));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("token.revoke"), {}));
    QVERIFY(!revoke->isEnabled()); // nothing left to revoke on that row
    QVERIFY(pane->message().contains(u"Revoked"));
    shot(identities, "integrations-3-token-revoked");
}

void TestIntegrationsPane::tenantAdminIsRefusedATokenForAMorePowerfulIntegration()
{
    // carl, a Tenant Admin, may issue tokens, but not for an integration bound to Secrets Manager: it holds
    // permissions carl lacks.
    QVERIFY(!addIntegration(QStringLiteral("vault-sync"), authz::builtin::kSecretsManager).isEmpty());
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("carl"), authz::builtin::kTenantAdmin).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane identities(bridge);
    ui::IntegrationsPane* pane = open(identities, bridge, QStringLiteral("carl"), 1);
    QVERIFY(pane);
    select(*pane, QStringLiteral("vault-sync"));
    QAction* issue = action(*pane, "issueTokenAction");
    QVERIFY(issue->isEnabled());
    issue->trigger();
    auto* dialog = pane->findChild<ui::TokenIssueDialog*>(QStringLiteral("tokenIssueDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("issueTokenButton")), Qt::LeftButton);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible(), kAnswerMs);
    // The control plane's own words, as they are.
    auto direct = m_f->cp->issueToken(m_f->signIn(QStringLiteral("acme"), QStringLiteral("carl")), m_f->tenantA,
                                      m_f->cp->listIntegrations(m_f->system, m_f->tenantA).value().first().id);
    QVERIFY(!direct);
    QCOMPARE(error->text(), direct.error().message);
    QVERIFY(dialog->isVisible());
    QVERIFY(!dialog->findChild<ui::SecretValueField*>()->hasValue());
    bool audited = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("token.issue")))
        audited |= e.source == QLatin1String("gui") && e.outcome == QLatin1String("denied") &&
                   e.reason == QLatin1String("target_holds_more");
    QVERIFY(audited);
    QTest::keyClick(dialog, Qt::Key_Escape);
    QTRY_VERIFY(!pane->findChild<ui::TokenIssueDialog*>(QStringLiteral("tokenIssueDialog")));

    // Locking it is refused the same way, in the pane's message line.
    action(*pane, "lockIntegrationAction")->trigger();
    auto* message = pane->findChild<QLabel*>(QStringLiteral("integrationsMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible() && !message->text().isEmpty(), kAnswerMs);
    QCOMPARE(message->text(), direct.error().message);
    QCOMPARE(m_f->cp->listIntegrations(m_f->system, m_f->tenantA).value().first().status, QStringLiteral("active"));
}

void TestIntegrationsPane::securityReviewerHasEveryWriteActionDisabled()
{
    const QString id = addIntegration(QStringLiteral("deploy-bot"));
    QVERIFY(!id.isEmpty());
    QVERIFY(m_f->cp->issueToken(m_f->system, m_f->tenantA, id, 30));
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane identities(bridge);
    ui::IntegrationsPane* pane = open(identities, bridge, QStringLiteral("rita"), 1);
    QVERIFY(pane);
    select(*pane, QStringLiteral("deploy-bot"));
    QTRY_COMPARE_WITH_TIMEOUT(pane->tokenModel()->rowCount(), 1, kAnswerMs); // she sees the tokens
    pane->findChild<QTableView*>(QStringLiteral("tokenTable"))->selectRow(0);
    for (const char* name : kWriteActions) {
        QAction* a = action(*pane, name);
        QVERIFY2(a, name);
        QVERIFY2(!a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QLatin1String("integrations.write")), qPrintable(a->toolTip()));
        auto* button = pane->findChild<QToolButton*>(QLatin1String(name) + QStringLiteral("Button"));
        QVERIFY2(button && !button->isEnabled(), name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
    }
    QVERIFY(pane->message().isEmpty());
}

void TestIntegrationsPane::bindAndUnbindACertificate()
{
    QVERIFY(!addIntegration(QStringLiteral("deploy-bot")).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane identities(bridge);
    ui::IntegrationsPane* pane = open(identities, bridge, QStringLiteral("alice"), 1);
    QVERIFY(pane);
    select(*pane, QStringLiteral("deploy-bot"));
    QVERIFY(!action(*pane, "unbindCertificateAction")->isEnabled());
    action(*pane, "bindCertificateAction")->trigger();
    auto* dialog = pane->findChild<ui::IntegrationDialog*>(QStringLiteral("integrationDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    auto* fingerprint = dialog->findChild<QLineEdit*>(QStringLiteral("fingerprintEdit"));
    auto* ok = dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok);
    auto* error = dialog->findChild<QLabel*>(QStringLiteral("errorLabel"));

    // Not a fingerprint: said at once, nothing sent.
    QTest::keyClicks(fingerprint, QStringLiteral("AB:CD:EF"));
    QTest::mouseClick(ok, Qt::LeftButton);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(u"64 hexadecimal"), qPrintable(error->text()));
    QVERIFY(dialog->isVisible());

    // A key is not a certificate.
    QTemporaryDir dir;
    const QString cert = dir.filePath(QStringLiteral("client.crt"));
    const QString key = dir.filePath(QStringLiteral("client.key"));
    QVERIFY(test::makeSelfSigned(cert, key, {QStringLiteral("-newkey"), QStringLiteral("rsa:2048")}));
    QVERIFY(!dialog->loadCertificateFile(key));
    QVERIFY(error->isVisible());

    // The PEM file's SHA-256, as the openssl command line computes it.
    const auto judged = test::openssl({QStringLiteral("x509"), QStringLiteral("-in"), cert, QStringLiteral("-noout"),
                                       QStringLiteral("-fingerprint"), QStringLiteral("-sha256")});
    QCOMPARE(judged.exitCode, 0);
    const QString expected =
        QString::fromLatin1(judged.output.trimmed()).section(QLatin1Char('='), 1).remove(QLatin1Char(':')).toLower();
    QCOMPARE(expected.size(), 64);
    QVERIFY(dialog->loadCertificateFile(cert));
    QCOMPARE(dialog->sha256(), expected);
    QVERIFY(!error->isVisible());
    // Pasted with colons, in capitals, it is the same fingerprint.
    QCOMPARE(ui::IntegrationDialog::normalizedSha256(
                 QString::fromLatin1(judged.output.trimmed()).section(QLatin1Char('='), 1)),
             expected);
    QTest::mouseClick(ok, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!pane->findChild<ui::IntegrationDialog*>(QStringLiteral("integrationDialog")), kAnswerMs);
    QCOMPARE(m_f->cp->listIntegrations(m_f->system, m_f->tenantA).value().first().clientCertificateSha256, expected);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("integration.certificate.bind"), {}));

    // Unbind (asks first).
    QAction* unbind = action(*pane, "unbindCertificateAction");
    QTRY_VERIFY(unbind->isEnabled());
    unbind->trigger();
    confirmYes(*pane);
    QTRY_VERIFY_WITH_TIMEOUT(!unbind->isEnabled(), kAnswerMs);
    QVERIFY(m_f->cp->listIntegrations(m_f->system, m_f->tenantA).value().first().clientCertificateSha256.isEmpty());
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("integration.certificate.unbind"), {}));
}

void TestIntegrationsPane::lockDeleteAndSearch()
{
    for (const char* name : {"deploy-bot", "backup-bot", "ci"})
        QVERIFY(!addIntegration(QLatin1String(name)).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane identities(bridge);
    ui::IntegrationsPane* pane = open(identities, bridge, QStringLiteral("alice"), 3);
    QVERIFY(pane);
    auto* table = pane->findChild<QTableView*>(QStringLiteral("integrationTable"));
    QTest::keyClicks(pane->findChild<QLineEdit*>(QStringLiteral("integrationSearch")), QStringLiteral("BOT"));
    QCOMPARE(table->model()->rowCount(), 2);
    QCOMPARE(table->model()->index(0, ui::IntegrationModel::Name).data().toString(), QStringLiteral("backup-bot"));

    select(*pane, QStringLiteral("deploy-bot"));
    QAction* lock = action(*pane, "lockIntegrationAction");
    QVERIFY(lock->isEnabled());
    QVERIFY(!action(*pane, "unlockIntegrationAction")->isEnabled());
    lock->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(action(*pane, "unlockIntegrationAction")->isEnabled(), kAnswerMs);
    QVERIFY(!lock->isEnabled());
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("integration.lock"), {}));

    action(*pane, "deleteIntegrationAction")->trigger();
    confirmYes(*pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 2, kAnswerMs);
    QCOMPARE(m_f->cp->listIntegrations(m_f->system, m_f->tenantA).value().size(), 2);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("integration.delete"), {}));
}

void TestIntegrationsPane::lockingTheConsoleTakesTheTokenAway()
{
    QVERIFY(!addIntegration(QStringLiteral("deploy-bot")).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::IdentitiesPane identities(bridge);
    ui::IntegrationsPane* pane = open(identities, bridge, QStringLiteral("alice"), 1);
    QVERIFY(pane);
    select(*pane, QStringLiteral("deploy-bot"));
    action(*pane, "issueTokenAction")->trigger();
    QPointer<ui::TokenIssueDialog> dialog = pane->findChild<ui::TokenIssueDialog*>(QStringLiteral("tokenIssueDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("issueTokenButton")), Qt::LeftButton);
    auto* copy = dialog->findChild<QPushButton*>(QStringLiteral("copyTokenButton"));
    QTRY_VERIFY_WITH_TIMEOUT(copy->isVisible() && copy->isEnabled(), kAnswerMs);
    const QString value = dialog->findChild<ui::SecretValueField*>()->valueText();
    QVERIFY(!value.isEmpty());
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), value);

    // The window locks: the dialog closes, the value leaves every widget and the clipboard.
    bridge.lock();
    QTRY_VERIFY(!dialog);
    QVERIFY(!holds(identities, value));
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QCOMPARE(pane->model()->rowCount(), 0);
}

QTEST_MAIN(TestIntegrationsPane)
#include "TestIntegrationsPane.moc"
