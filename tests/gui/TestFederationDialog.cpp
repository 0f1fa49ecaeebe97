// A tenant's identity provider in the console (FederationDialog, opened from Tenants & Workspaces): configured by
// clicking and typing, checked against the control plane's state and audit trail; the control plane's refusal shown
// in the form with nothing lost; read-only for those who may only read; removal asks first.
#include "ConsoleTestSupport.h"
#include "OidcTestProvider.h"
#include "panes/FederationDialog.h"
#include "panes/GroupMappingDialog.h"
#include "panes/TenancyPane.h"
#include "service/ControlPlane.h"

#include <QAction>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QSslCertificate>
#include <QTabBar>
#include <QTabWidget>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

namespace {

const char kClientSecret[] = "violet-kettle-31-harbour";

// With GATEHOUSE_SCREENSHOT_DIR set, the dialogs are saved as PNGs.
void shot(QWidget& w, const char* name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    w.grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

template <typename T> T* child(QObject* parent, const char* name)
{
    return parent->findChild<T*>(QLatin1String(name));
}

// Replaces what a field holds, as a person does: focus, select all, type.
void retype(QLineEdit* edit, const QString& text)
{
    edit->setFocus();
    edit->selectAll();
    if (text.isEmpty())
        QTest::keyClick(edit, Qt::Key_Delete);
    else
        QTest::keyClicks(edit, text);
}

// Clicks a checkbox on its box (a click beside its text, in the stretched rest of the row, does nothing).
void tick(QCheckBox* box)
{
    QVERIFY(box && box->isEnabled());
    const bool before = box->isChecked();
    QTest::mouseClick(box, Qt::LeftButton, {},
                      QPoint(box->style()->pixelMetric(QStyle::PM_IndicatorWidth) / 2 + 1, box->height() / 2));
    QCOMPARE(box->isChecked(), !before);
}

// Picks an entry of a combo box with the arrow keys, as a person at the keyboard does.
void choose(QComboBox* combo, const QString& text)
{
    combo->setFocus();
    QTest::keyClick(combo, Qt::Key_Home);
    for (int i = 0; i < combo->count() && combo->currentText() != text; ++i)
        QTest::keyClick(combo, Qt::Key_Down);
}

void openTab(QWidget* dialog, const char* pageName)
{
    auto* tabs = child<QTabWidget>(dialog, "federationTabs");
    QWidget* page = child<QWidget>(dialog, pageName);
    const int index = tabs->indexOf(page);
    QTest::mouseClick(tabs->tabBar(), Qt::LeftButton, {}, tabs->tabBar()->tabRect(index).center());
    QTRY_VERIFY(page->isVisible());
}

void click(QWidget* dialog, const char* buttonName)
{
    auto* button = child<QAbstractButton>(dialog, buttonName);
    QVERIFY2(button, buttonName);
    QVERIFY2(button->isVisible() && button->isEnabled(), buttonName);
    QTest::mouseClick(button, Qt::LeftButton);
}

// The letter after a single '&' (a mnemonic), lower-case; none: a null QChar.
QChar mnemonicOf(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toLower();
    }
    return {};
}

// For the page shown now: every field, button and table has an accessible name; every field and table a label with a
// mnemonic for it (a checkbox or a button its own); and no two mnemonics in reach (the tabs, the page, the dialog's
// buttons) share a letter.
void checkReach(QWidget* dialog)
{
    QHash<QWidget*, QLabel*> buddies;
    for (QLabel* l : dialog->findChildren<QLabel*>()) {
        if (l->buddy() && l->isVisible())
            buddies.insert(l->buddy(), l);
    }
    QHash<QChar, QString> used;
    const auto take = [&used](const QString& text) {
        const QChar m = mnemonicOf(text);
        QVERIFY2(!m.isNull(), qPrintable(QStringLiteral("no mnemonic: ") + text));
        QVERIFY2(!used.contains(m), qPrintable(QStringLiteral("'%1' in both %2 and %3").arg(m, used.value(m), text)));
        used.insert(m, text);
    };
    if (auto* tabs = dialog->findChild<QTabWidget*>()) {
        for (int i = 0; i < tabs->count(); ++i)
            take(tabs->tabText(i));
    }
    for (QWidget* w : dialog->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->window() != dialog)
            continue;
        const bool field = qobject_cast<QLineEdit*>(w) || qobject_cast<QComboBox*>(w) || qobject_cast<QTableWidget*>(w);
        auto* button = qobject_cast<QAbstractButton*>(w);
        if (!field && !button)
            continue;
        if (qobject_cast<QLineEdit*>(w) && qobject_cast<QComboBox*>(w->parentWidget()))
            continue; // an editable combo box's own line edit
        if (button && button->focusPolicy() == Qt::NoFocus)
            continue; // Qt's own helpers: a field's clear icon, the tab bar's scroll arrows
        QVERIFY2(!w->accessibleName().isEmpty(),
                 qPrintable(w->objectName() + QLatin1Char(' ') + QLatin1String(w->metaObject()->className()) +
                            QLatin1Char(' ') + (button ? button->text() : QString())));
        if (button) {
            // A dialog's Cancel or Close is Esc; any other button has its letter.
            auto* box = qobject_cast<QDialogButtonBox*>(button->parentWidget());
            const bool escape = box && box->buttonRole(button) == QDialogButtonBox::RejectRole;
            if (!button->text().isEmpty() && button->isEnabled() && !(escape && mnemonicOf(button->text()).isNull()))
                take(button->text());
            continue;
        }
        QVERIFY2(buddies.contains(w), qPrintable(QStringLiteral("no label for ") + w->objectName()));
        take(buddies.value(w)->text());
    }
}

// Every text the dialog shows in a field or a label.
QStringList shownTexts(QWidget* dialog)
{
    QStringList texts;
    for (auto* e : dialog->findChildren<QLineEdit*>())
        texts << e->text() << e->placeholderText() << e->toolTip() << e->accessibleName();
    for (auto* l : dialog->findChildren<QLabel*>())
        texts << l->text();
    return texts;
}

} // namespace

class TestFederationDialog : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void ownerConfiguresTheProviderAndAMapping();
    void refusedIssuerIsShownAndNothingIsSaved();
    void readersSeeItReadOnly();
    void removeProviderAsksFirst();
    void everyControlIsNamedAndReachable();

private:
    // Signs in, opens the pane and the identity provider of the signed-in identity's tenant; waits for it.
    ui::FederationDialog* open(ui::TenancyPane& pane, ui::ConsoleBridge& bridge, const QString& user);
    // Adds a mapping through the Add… dialog: the group typed, the role and the scope chosen with the keyboard.
    void addMapping(ui::FederationDialog* d, const QString& group, const QString& role, const QString& scope);
    // A provider set by the tenant's owner outside the console (the API's door).
    void setProviderElsewhere();
    Result<identity::FederationConfig> stored() { return m_f->cp->federation(m_f->system, m_f->tenantA); }
    QList<identity::GroupMapping> storedMappings() { return m_f->cp->groupMappings(m_f->system, m_f->tenantA).value(); }

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

void TestFederationDialog::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
}

void TestFederationDialog::cleanup()
{
    m_f.reset();
}

ui::FederationDialog* TestFederationDialog::open(ui::TenancyPane& pane, ui::ConsoleBridge& bridge, const QString& user)
{
    if (!test::signInBridge(bridge, QStringLiteral("acme"), user))
        return nullptr;
    pane.show();
    if (!QTest::qWaitForWindowExposed(&pane))
        return nullptr;
    auto* action = pane.findChild<QAction*>(QStringLiteral("identityProviderAction"));
    if (!action || !action->isEnabled())
        return nullptr;
    auto* button = pane.findChild<QWidget*>(QStringLiteral("identityProviderActionButton"));
    if (!button)
        return nullptr;
    QTest::mouseClick(button, Qt::LeftButton);
    auto* d = pane.findChild<ui::FederationDialog*>(QStringLiteral("federationDialog"));
    if (!d || !QTest::qWaitForWindowExposed(d))
        return nullptr;
    QSignalSpy loaded(d, &ui::FederationDialog::loaded);
    if (!d->isLoaded() && !loaded.wait(kAnswerMs))
        return nullptr;
    return d;
}

void TestFederationDialog::addMapping(ui::FederationDialog* d, const QString& group, const QString& role,
                                      const QString& scope)
{
    openTab(d, "mappingsPage");
    auto* table = child<QTableWidget>(d, "mappingTable");
    const int before = table->rowCount();
    click(d, "addMappingButton");
    ui::GroupMappingDialog* m = nullptr;
    QTRY_VERIFY((m = d->findChild<ui::GroupMappingDialog*>(QStringLiteral("groupMappingDialog"))));
    QVERIFY(QTest::qWaitForWindowExposed(m));
    QTest::keyClicks(child<QLineEdit>(m, "mappingGroupEdit"), group);
    choose(child<QComboBox>(m, "mappingRoleCombo"), role);
    QCOMPARE(child<QComboBox>(m, "mappingRoleCombo")->currentText(), role);
    choose(child<QComboBox>(m, "mappingScopeCombo"), scope);
    QCOMPARE(child<QComboBox>(m, "mappingScopeCombo")->currentText(), scope);
    QPointer<ui::GroupMappingDialog> guard(m);
    click(m, "mappingAddButton");
    QTRY_VERIFY(!guard);
    QCOMPARE(table->rowCount(), before + 1);
}

void TestFederationDialog::setProviderElsewhere()
{
    const service::Caller alice = m_f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    identity::FederationConfig c;
    c.tenantId = m_f->tenantA;
    c.issuer = QStringLiteral("https://login.example.test/realms/acme");
    c.clientId = QStringLiteral("gatehouse");
    c.claims.groups = QStringLiteral("org.groups");
    QVERIFY(m_f->cp->setFederation(alice, c, test::secret(kClientSecret)));
    QVERIFY(m_f->cp->setGroupMappings(alice, m_f->tenantA,
                                      {{{}, m_f->tenantA, QStringLiteral("staff"), authz::builtin::kMember, {}, 0}}));
}

void TestFederationDialog::ownerConfiguresTheProviderAndAMapping()
{
    QTemporaryDir certificates;
    QVERIFY(test::makeTestCertificates(certificates.path()));
    const QString caFile = certificates.filePath(QStringLiteral("ca.pem"));

    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    auto* d = open(pane, bridge, QStringLiteral("alice"));
    QVERIFY(d);
    // No provider yet: not an error, the defaults.
    QVERIFY(!d->hasProvider());
    QVERIFY(d->error().isEmpty());
    QVERIFY(!d->isReadOnly());
    QCOMPARE(child<QLineEdit>(d, "issuerEdit")->text(), QString());
    QCOMPARE(child<QLineEdit>(d, "scopesEdit")->text(), QStringLiteral("openid profile email"));
    QCOMPARE(child<QLabel>(d, "clientSecretState")->text(), QStringLiteral("No client secret is set."));
    QVERIFY(child<QLabel>(d, "caLabel")->text().contains(QLatin1String("system's trust store")));
    QVERIFY(child<QCheckBox>(d, "enabledCheck")->isChecked());
    QVERIFY(!child<QPushButton>(d, "removeProviderButton")->isEnabled());

    // The provider.
    QTest::keyClicks(child<QLineEdit>(d, "issuerEdit"), QStringLiteral("https://login.example.test/realms/acme"));
    QTest::keyClicks(child<QLineEdit>(d, "clientIdEdit"), QStringLiteral("gatehouse-console"));
    auto* secretEdit = child<QLineEdit>(d, "clientSecretEdit");
    QCOMPARE(secretEdit->echoMode(), QLineEdit::Password);
    QTest::keyClicks(secretEdit, QLatin1String(kClientSecret));
    retype(child<QLineEdit>(d, "scopesEdit"), QStringLiteral("openid  profile email groups"));
    // The CA, through the file chooser.
    click(d, "loadCaButton");
    QFileDialog* chooser = nullptr;
    QTRY_VERIFY((chooser = d->findChild<QFileDialog*>(QStringLiteral("caFileDialog"))));
    QVERIFY(QTest::qWaitForWindowExposed(chooser));
    // The path typed into the chooser's file name field, as a person does.
    auto* fileName = chooser->findChild<QLineEdit*>(QStringLiteral("fileNameEdit"));
    QVERIFY(fileName);
    QTest::keyClicks(fileName, caFile);
    QTest::keyClick(fileName, Qt::Key_Return);
    QTRY_VERIFY(child<QLabel>(d, "caLabel")->text().contains(QLatin1String("Gatehouse OIDC test CA")));
    QVERIFY(child<QLabel>(d, "caLabel")->text().contains(QLatin1String("expires")));
    QVERIFY(child<QPushButton>(d, "clearCaButton")->isEnabled());

    // The claims: where the provider puts the username and the groups.
    openTab(d, "claimsPage");
    QCOMPARE(child<QLineEdit>(d, "subjectClaimEdit")->text(), QStringLiteral("sub"));
    QCOMPARE(child<QLineEdit>(d, "groupsClaimEdit")->text(), QStringLiteral("groups"));
    retype(child<QLineEdit>(d, "usernameClaimEdit"), QStringLiteral("upn"));
    retype(child<QLineEdit>(d, "groupsClaimEdit"), QStringLiteral("org.groups"));
    shot(*d, "identity-provider-claims");

    // The policies; the audience is asked for only with token exchange.
    openTab(d, "policiesPage");
    auto* audience = child<QLineEdit>(d, "audienceEdit");
    QVERIFY(!audience->isEnabled());
    tick(child<QCheckBox>(d, "jitCheck"));
    tick(child<QCheckBox>(d, "localPasswordsCheck"));
    tick(child<QCheckBox>(d, "tokenExchangeCheck"));
    QVERIFY(audience->isEnabled());
    QTest::keyClicks(audience, QStringLiteral("api://gatehouse"));
    shot(*d, "identity-provider-policies");

    // A group mapping.
    addMapping(d, QStringLiteral("secops"), QStringLiteral("Security Reviewer"),
               QStringLiteral("Workspace Production"));
    shot(*d, "identity-provider");

    QPointer<ui::FederationDialog> guard(d);
    click(d, "saveButton");
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);
    QVERIFY(pane.message().contains(QLatin1String("acme")));

    auto provider = stored();
    QVERIFY(provider);
    const identity::FederationConfig& c = provider.value();
    QCOMPARE(c.issuer, QStringLiteral("https://login.example.test/realms/acme"));
    QCOMPARE(c.clientId, QStringLiteral("gatehouse-console"));
    QVERIFY(c.clientSecretSet);
    QCOMPARE(c.scopes, QStringList({QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email"),
                                    QStringLiteral("groups")}));
    QFile ca(caFile);
    QVERIFY(ca.open(QIODevice::ReadOnly));
    QCOMPARE(QSslCertificate::fromData(c.caPem.toLatin1()), QSslCertificate::fromData(ca.readAll()));
    QCOMPARE(c.claims.subject, QStringLiteral("sub"));
    QCOMPARE(c.claims.username, QStringLiteral("upn"));
    QCOMPARE(c.claims.email, QStringLiteral("email"));
    QCOMPARE(c.claims.groups, QStringLiteral("org.groups"));
    QVERIFY(c.jitProvisioning);
    QVERIFY(!c.localPasswords);
    QVERIFY(c.enabled);
    QVERIFY(c.tokenExchange);
    QCOMPARE(c.tokenAudience, QStringLiteral("api://gatehouse"));
    const auto mappings = storedMappings();
    QCOMPARE(mappings.size(), 1);
    QCOMPARE(mappings.first().group, QStringLiteral("secops"));
    QCOMPARE(mappings.first().roleId, authz::builtin::kSecurityReviewer);
    QCOMPARE(mappings.first().workspaceId, m_f->w1);

    // Both through the console's door, and the secret in no event.
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("oidc.provider.set"), m_f->tenantA));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("oidc.mapping.set"), m_f->tenantA));
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("oidc.")))
        QVERIFY(!e.detailsJson.contains(kClientSecret));

    // Opened again: the secret is set, and shown nowhere.
    d = nullptr;
    auto* action = pane.findChild<QAction*>(QStringLiteral("identityProviderAction"));
    action->trigger();
    QTRY_VERIFY((d = pane.findChild<ui::FederationDialog*>(QStringLiteral("federationDialog"))));
    QSignalSpy loaded(d, &ui::FederationDialog::loaded);
    QVERIFY(d->isLoaded() || loaded.wait(kAnswerMs));
    QVERIFY(d->hasProvider());
    QVERIFY(child<QLabel>(d, "clientSecretState")->text().startsWith(QLatin1String("A client secret is set")));
    QCOMPARE(child<QLineEdit>(d, "clientSecretEdit")->text(), QString());
    for (const QString& text : shownTexts(d))
        QVERIFY2(!text.contains(QLatin1String(kClientSecret)), qPrintable(text));
    QCOMPARE(child<QLineEdit>(d, "groupsClaimEdit")->text(), QStringLiteral("org.groups"));
    auto* table = child<QTableWidget>(d, "mappingTable");
    QCOMPARE(table->rowCount(), 1);
    QCOMPARE(table->item(0, 1)->text(), QStringLiteral("Security Reviewer"));
    QCOMPARE(table->item(0, 2)->text(), QStringLiteral("Workspace Production"));
    QVERIFY(child<QPushButton>(d, "removeProviderButton")->isEnabled());

    // A change without a secret typed keeps the secret; removing the mapping takes it away.
    openTab(d, "providerPage");
    tick(child<QCheckBox>(d, "enabledCheck"));
    openTab(d, "mappingsPage");
    table->selectRow(0);
    click(d, "removeMappingButton");
    QCOMPARE(table->rowCount(), 0);
    guard = d;
    click(d, "saveButton");
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);
    QVERIFY(!stored().value().enabled);
    QVERIFY(stored().value().clientSecretSet);
    QVERIFY(storedMappings().isEmpty());
    bool kept = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("oidc.provider.set")))
        kept |= e.details.value(QStringLiteral("client_secret")).toString() == QLatin1String("kept");
    QVERIFY(kept);
}

void TestFederationDialog::refusedIssuerIsShownAndNothingIsSaved()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    auto* d = open(pane, bridge, QStringLiteral("alice"));
    QVERIFY(d);
    const qint64 eventsBefore = m_f->auditCount();
    // Plain http to a host that is not loopback.
    auto* issuer = child<QLineEdit>(d, "issuerEdit");
    QTest::keyClicks(issuer, QStringLiteral("http://login.example.test"));
    QTest::keyClicks(child<QLineEdit>(d, "clientIdEdit"), QStringLiteral("gatehouse"));
    QTest::keyClicks(child<QLineEdit>(d, "clientSecretEdit"), QLatin1String(kClientSecret));
    addMapping(d, QStringLiteral("staff"), QStringLiteral("Member"), QStringLiteral("The whole tenant"));

    click(d, "saveButton");
    QTRY_VERIFY_WITH_TIMEOUT(!d->error().isEmpty(), kAnswerMs);
    // The control plane's words, in the form, which stays open with everything typed.
    QVERIFY2(d->error().contains(QLatin1String("https://")), qPrintable(d->error()));
    QVERIFY(child<QLabel>(d, "messageLabel")->isVisible());
    QVERIFY(d->isVisible());
    QCOMPARE(issuer->text(), QStringLiteral("http://login.example.test"));
    QCOMPARE(child<QLineEdit>(d, "clientSecretEdit")->text(), QLatin1String(kClientSecret));
    QCOMPARE(child<QTableWidget>(d, "mappingTable")->rowCount(), 1);
    QVERIFY(child<QPushButton>(d, "saveButton")->isEnabled());
    shot(*d, "identity-provider-refused");
    // Nothing saved: no provider, no mapping.
    QVERIFY(!stored());
    QCOMPARE(stored().error().code, ErrorCode::NotFound);
    QVERIFY(storedMappings().isEmpty());
    QVERIFY(!test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("oidc.provider.set"), m_f->tenantA));
    QVERIFY(!test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("oidc.mapping.set"), m_f->tenantA));
    QVERIFY(m_f->auditCount() > eventsBefore); // the refusal itself is on the record

    // Corrected, it saves what was typed, the secret and the mapping with it.
    openTab(d, "providerPage");
    retype(issuer, QStringLiteral("https://login.example.test"));
    QPointer<ui::FederationDialog> guard(d);
    click(d, "saveButton");
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);
    QCOMPARE(stored().value().issuer, QStringLiteral("https://login.example.test"));
    QVERIFY(stored().value().clientSecretSet);
    QCOMPARE(storedMappings().size(), 1);
}

void TestFederationDialog::readersSeeItReadOnly()
{
    setProviderElsewhere();
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("adam"), authz::builtin::kTenantAdmin).isEmpty());
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("mia"), authz::builtin::kMember).isEmpty());
    const auto before = stored().value();

    {
        // A Security Reviewer reads it all and changes nothing.
        ui::ConsoleBridge bridge(*m_f->cp);
        ui::TenancyPane pane(bridge);
        auto* d = open(pane, bridge, QStringLiteral("rita"));
        QVERIFY(d);
        QVERIFY(d->isReadOnly());
        QVERIFY(child<QLabel>(d, "readOnlyNote")->isVisible());
        QCOMPARE(child<QLineEdit>(d, "issuerEdit")->text(), before.issuer);
        QVERIFY(child<QLabel>(d, "clientSecretState")->text().startsWith(QLatin1String("A client secret is set")));
        for (const char* name :
             {"issuerEdit", "clientIdEdit", "clientSecretEdit", "scopesEdit", "groupsClaimEdit", "audienceEdit"}) {
            auto* e = child<QLineEdit>(d, name);
            QVERIFY2(e->isReadOnly(), name);
            QVERIFY2(e->toolTip().contains(QLatin1String("settings.write")), name);
        }
        for (const char* name : {"loadCaButton", "enabledCheck", "jitCheck", "localPasswordsCheck",
                                 "tokenExchangeCheck", "resetClaimsButton"}) {
            auto* w = child<QWidget>(d, name);
            QVERIFY2(!w->isEnabled(), name);
            QVERIFY2(w->toolTip().contains(QLatin1String("settings.write")), name);
        }
        for (const char* name : {"addMappingButton", "removeMappingButton"}) {
            auto* w = child<QWidget>(d, name);
            QVERIFY2(!w->isEnabled(), name);
            QVERIFY2(w->toolTip().contains(QLatin1String("bindings.write")), name);
        }
        QCOMPARE(child<QTableWidget>(d, "mappingTable")->rowCount(), 1);
        QVERIFY(!child<QPushButton>(d, "saveButton")->isVisible());
        QVERIFY(!child<QPushButton>(d, "removeProviderButton")->isVisible());
        shot(*d, "identity-provider-read-only");
        QPointer<ui::FederationDialog> guard(d);
        QTest::keyClick(d, Qt::Key_Escape);
        QTRY_VERIFY(!guard);
    }
    {
        // A Tenant Admin manages the group mappings, not the provider.
        ui::ConsoleBridge bridge(*m_f->cp);
        ui::TenancyPane pane(bridge);
        auto* d = open(pane, bridge, QStringLiteral("adam"));
        QVERIFY(d);
        QVERIFY(!d->isReadOnly());
        QVERIFY(child<QLineEdit>(d, "issuerEdit")->isReadOnly());
        QVERIFY(child<QLineEdit>(d, "issuerEdit")->toolTip().contains(QLatin1String("settings.write")));
        QVERIFY(!child<QPushButton>(d, "removeProviderButton")->isEnabled());
        addMapping(d, QStringLiteral("contractors"), QStringLiteral("Member"), QStringLiteral("Workspace Development"));
        QPointer<ui::FederationDialog> guard(d);
        click(d, "saveButton");
        QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);
        QCOMPARE(storedMappings().size(), 2);
        QCOMPARE(stored().value(), before); // the provider untouched
    }
    {
        // A Member may not even read it: the action says why.
        ui::ConsoleBridge bridge(*m_f->cp);
        ui::TenancyPane pane(bridge);
        QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("mia")));
        auto* action = pane.findChild<QAction*>(QStringLiteral("identityProviderAction"));
        QTRY_VERIFY(action->toolTip().contains(QLatin1String("settings.read")));
        QVERIFY(!action->isEnabled());
    }
}

void TestFederationDialog::removeProviderAsksFirst()
{
    setProviderElsewhere();
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::TenancyPane pane(bridge);
    auto* d = open(pane, bridge, QStringLiteral("alice"));
    QVERIFY(d);
    QVERIFY(d->hasProvider());

    // No: nothing happens.
    QPointer<ui::FederationDialog> guard(d);
    click(d, "removeProviderButton");
    QMessageBox* box = nullptr;
    QTRY_VERIFY(!guard || (box = d->findChild<QMessageBox*>(QStringLiteral("confirmDialog"))));
    QVERIFY2(guard && stored(), "removed without asking");
    QVERIFY(box->text().contains(QLatin1String("acme")));
    QTest::mouseClick(box->button(QMessageBox::No), Qt::LeftButton);
    QTRY_VERIFY(!d->findChild<QMessageBox*>(QStringLiteral("confirmDialog")));
    QVERIFY(d->isVisible());
    QVERIFY(stored());

    // Yes: removed, the dialog closes and the pane says so.
    click(d, "removeProviderButton");
    QTRY_VERIFY((box = d->findChild<QMessageBox*>(QStringLiteral("confirmDialog"))));
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!guard, kAnswerMs);
    QCOMPARE(stored().error().code, ErrorCode::NotFound);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("oidc.provider.remove"), m_f->tenantA));
    QVERIFY(pane.message().contains(QLatin1String("Removed")));
    QCOMPARE(storedMappings().size(), 1); // the mappings stay, as the question said
}

void TestFederationDialog::everyControlIsNamedAndReachable()
{
    setProviderElsewhere();
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    for (const QString& user : {QStringLiteral("alice"), QStringLiteral("rita")}) {
        ui::ConsoleBridge bridge(*m_f->cp);
        ui::TenancyPane pane(bridge);
        auto* d = open(pane, bridge, user);
        QVERIFY(d);
        for (const char* page : {"providerPage", "claimsPage", "policiesPage", "mappingsPage"}) {
            openTab(d, page);
            checkReach(d);
            if (QTest::currentTestFailed())
                QFAIL(qPrintable(QStringLiteral("as %1, on %2").arg(user, QLatin1String(page))));
        }
        if (user == QLatin1String("alice")) {
            // With the audience asked for, and in the mapping dialog.
            openTab(d, "policiesPage");
            tick(child<QCheckBox>(d, "tokenExchangeCheck"));
            checkReach(d);
            if (QTest::currentTestFailed())
                return;
            openTab(d, "mappingsPage");
            click(d, "addMappingButton");
            ui::GroupMappingDialog* m = nullptr;
            QTRY_VERIFY((m = d->findChild<ui::GroupMappingDialog*>(QStringLiteral("groupMappingDialog"))));
            QVERIFY(QTest::qWaitForWindowExposed(m));
            checkReach(m);
            if (QTest::currentTestFailed())
                return;
            m->reject();
        }
        d->reject();
    }
}

QTEST_MAIN(TestFederationDialog)
#include "TestFederationDialog.moc"
