#include "FederationDialog.h"

#include "GroupMappingDialog.h"
#include "OperationActions.h"
#include "console/ConsoleBridge.h"
#include "service/ControlPlane.h"
#include "widgets/SecretInput.h"

#include <QCheckBox>
#include <QDateTime>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

#include <optional>

namespace gatehouse::ui {

using identity::FederationConfig;
using identity::GroupMapping;
using service::Caller;
using service::ControlPlane;

namespace {

enum MappingColumn { GroupColumn, RoleColumn, ScopeColumn, ColumnCount };

// The larger of the provider's PEM files: a chain of a few certificates (the control plane takes up to 64 KiB).
constexpr qint64 kMaxCaFile = 64 * 1024;

QString mappingKey(const GroupMapping& m)
{
    return m.group + QLatin1Char('\n') + m.roleId + QLatin1Char('\n') + m.workspaceId;
}

QStringList mappingKeys(const QList<GroupMapping>& mappings)
{
    QStringList keys;
    for (const GroupMapping& m : mappings)
        keys << mappingKey(m);
    keys.sort();
    return keys;
}

} // namespace

// What the form is opened with: the provider (none yet: nullopt), its mappings, and what the pickers list.
struct FederationDialog::Snapshot
{
    std::optional<FederationConfig> provider;
    bool mappingsRead = false;
    QList<GroupMapping> mappings;
    QList<authz::Role> roles;
    QList<QPair<QString, QString>> workspaces;
};

namespace {

// What a save came to: the provider as written (when it was), the mappings as written, or why they were not.
struct SaveOutcome
{
    std::optional<FederationConfig> provider;
    std::optional<QList<GroupMapping>> mappings;
    std::optional<Error> mappingsError;
};

} // namespace

FederationDialog::FederationDialog(ConsoleBridge& bridge, const QString& tenantId, const QString& tenantName,
                                   QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_tenantId(tenantId), m_tenantName(tenantName), m_intro(new QLabel(this)),
      m_readOnlyNote(new QLabel(this)), m_tabs(new QTabWidget(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_save(m_buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole)),
      m_remove(new QPushButton(tr("Remo&ve Provider…"), this))
{
    setObjectName(QStringLiteral("federationDialog"));
    setWindowTitle(tr("Identity Provider of %1").arg(tenantName));
    setAccessibleName(windowTitle());
    m_base.tenantId = tenantId;

    m_intro->setObjectName(QStringLiteral("federationIntro"));
    m_intro->setWordWrap(true);
    m_intro->setTextFormat(Qt::PlainText);
    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setAccessibleName(tr("Read-only"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();

    m_tabs->setObjectName(QStringLiteral("federationTabs"));
    m_tabs->setAccessibleName(tr("Identity provider settings"));
    m_tabs->addTab(buildProviderPage(), tr("&Provider"));
    m_tabs->addTab(buildClaimsPage(), tr("C&laims"));
    m_tabs->addTab(buildPoliciesPage(), tr("P&olicies"));
    m_tabs->addTab(buildMappingsPage(), tr("&Group Mappings"));

    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setAccessibleName(tr("Save"));
    m_save->setDefault(true);
    m_remove->setObjectName(QStringLiteral("removeProviderButton"));
    m_remove->setAccessibleName(tr("Remove provider"));
    m_remove->setAutoDefault(false);
    auto* cancel = m_buttons->button(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    cancel->setAutoDefault(false);
    connect(m_save, &QPushButton::clicked, this, &FederationDialog::save);
    connect(m_remove, &QPushButton::clicked, this, &FederationDialog::removeProvider);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(m_tabs, 1);
    layout->addWidget(m_message);
    // Removing stands apart from Save and Cancel, on the other side.
    auto* bottom = new QHBoxLayout;
    bottom->addWidget(m_remove);
    bottom->addStretch(1);
    bottom->addWidget(m_buttons);
    layout->addLayout(bottom);
    setMinimumWidth(600);

    // Tab order: the tabs, then each page's fields (set on its own page), then the buttons.
    QWidget::setTabOrder(m_tabs, m_issuer);
    applyPermissions();
    resetClaims();
    showCa();
    showSecretState();
    setWaiting(true);
    reload();
}

QWidget* FederationDialog::buildProviderPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("providerPage"));
    m_issuer = new QLineEdit(page);
    m_issuer->setObjectName(QStringLiteral("issuerEdit"));
    m_issuer->setAccessibleName(tr("Issuer URL"));
    m_issuer->setPlaceholderText(tr("https://login.example.com/realms/staff"));
    m_issuer->setMaxLength(512);
    m_clientId = new QLineEdit(page);
    m_clientId->setObjectName(QStringLiteral("clientIdEdit"));
    m_clientId->setAccessibleName(tr("Client ID"));
    m_clientId->setPlaceholderText(tr("As the provider registered Gatehouse"));
    m_clientId->setMaxLength(255);
    m_secret = new QLineEdit(page);
    m_secret->setObjectName(QStringLiteral("clientSecretEdit"));
    // The accessible name never carries the value (a screen reader reads a password field's name, not its text).
    m_secret->setAccessibleName(tr("Client secret"));
    m_secret->setEchoMode(QLineEdit::Password);
    m_secret->setMaxLength(4096);
    m_secret->setClearButtonEnabled(true);
    m_secretState = new QLabel(page);
    m_secretState->setObjectName(QStringLiteral("clientSecretState"));
    m_secretState->setAccessibleName(tr("Client secret state"));
    m_scopes = new QLineEdit(page);
    m_scopes->setObjectName(QStringLiteral("scopesEdit"));
    m_scopes->setAccessibleName(tr("Scopes, separated by spaces"));
    m_scopes->setPlaceholderText(tr("openid profile email"));
    m_ca = new QLabel(page);
    m_ca->setObjectName(QStringLiteral("caLabel"));
    m_ca->setAccessibleName(tr("Provider CA certificate"));
    m_ca->setWordWrap(true);
    m_ca->setTextFormat(Qt::PlainText);
    m_ca->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_loadCa = new QPushButton(tr("Load CA Ce&rtificate…"), page);
    m_loadCa->setObjectName(QStringLiteral("loadCaButton"));
    m_loadCa->setAccessibleName(tr("Load CA certificate"));
    m_loadCa->setAutoDefault(false);
    m_clearCa = new QPushButton(tr("&Use System Trust Store"), page);
    m_clearCa->setObjectName(QStringLiteral("clearCaButton"));
    m_clearCa->setAccessibleName(tr("Use the system's trust store"));
    m_clearCa->setAutoDefault(false);
    m_enabled = new QCheckBox(tr("Sig&n-in with this provider is enabled"), page);
    m_enabled->setObjectName(QStringLiteral("enabledCheck"));
    m_enabled->setAccessibleName(tr("Sign-in with this provider is enabled"));
    m_enabled->setChecked(true);
    connect(m_loadCa, &QPushButton::clicked, this, &FederationDialog::chooseCaFile);
    connect(m_clearCa, &QPushButton::clicked, this, [this]() {
        m_caPem.clear();
        showCa();
    });

    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [page, form](const QString& text, QWidget* field, QLayout* fieldLayout = nullptr) {
        auto* label = new QLabel(text, page);
        label->setBuddy(field);
        if (fieldLayout)
            form->addRow(label, fieldLayout);
        else
            form->addRow(label, field);
    };
    row(tr("&Issuer URL:"), m_issuer);
    row(tr("Client I&D:"), m_clientId);
    auto* secretColumn = new QVBoxLayout;
    secretColumn->setSpacing(2);
    secretColumn->addWidget(m_secret);
    secretColumn->addWidget(m_secretState);
    row(tr("Client secre&t:"), m_secret, secretColumn);
    row(tr("Scop&es:"), m_scopes);
    auto* caButtons = new QHBoxLayout;
    caButtons->addWidget(m_loadCa);
    caButtons->addWidget(m_clearCa);
    caButtons->addStretch(1);
    auto* caColumn = new QVBoxLayout;
    caColumn->addWidget(m_ca);
    caColumn->addLayout(caButtons);
    row(tr("Provider C&A:"), m_loadCa, caColumn);
    form->addRow(QString(), m_enabled);

    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addStretch(1);
    QWidget::setTabOrder(m_issuer, m_clientId);
    QWidget::setTabOrder(m_clientId, m_secret);
    QWidget::setTabOrder(m_secret, m_scopes);
    QWidget::setTabOrder(m_scopes, m_loadCa);
    QWidget::setTabOrder(m_loadCa, m_clearCa);
    QWidget::setTabOrder(m_clearCa, m_enabled);
    return page;
}

QWidget* FederationDialog::buildClaimsPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("claimsPage"));
    auto* note = new QLabel(tr("Where the ID token says who someone is: a claim's name, or a path into nested claims "
                               "joined by dots (org.groups). Only the subject is required; leave another empty to "
                               "not take it from the provider."),
                            page);
    note->setObjectName(QStringLiteral("claimsNote"));
    note->setWordWrap(true);
    auto* form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto field = [page, form](QLineEdit*& edit, const char* objectName, const QString& label,
                                    const QString& accessible) {
        edit = new QLineEdit(page);
        edit->setObjectName(QLatin1String(objectName));
        edit->setAccessibleName(accessible);
        edit->setMaxLength(512);
        auto* l = new QLabel(label, page);
        l->setBuddy(edit);
        form->addRow(l, edit);
    };
    field(m_subject, "subjectClaimEdit", tr("Su&bject:"), tr("Subject claim"));
    field(m_username, "usernameClaimEdit", tr("&Username:"), tr("Username claim"));
    field(m_email, "emailClaimEdit", tr("E&mail:"), tr("Email claim"));
    field(m_displayName, "displayNameClaimEdit", tr("&Display name:"), tr("Display name claim"));
    field(m_groups, "groupsClaimEdit", tr("G&roups:"), tr("Groups claim"));
    m_resetClaims = new QPushButton(tr("Rese&t to Defaults"), page);
    m_resetClaims->setObjectName(QStringLiteral("resetClaimsButton"));
    m_resetClaims->setAccessibleName(tr("Reset the claim paths to the defaults"));
    m_resetClaims->setAutoDefault(false);
    connect(m_resetClaims, &QPushButton::clicked, this, &FederationDialog::resetClaims);
    auto* buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_resetClaims);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addLayout(buttons);
    layout->addStretch(1);
    return page;
}

QWidget* FederationDialog::buildPoliciesPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("policiesPage"));
    m_jit = new QCheckBox(tr("Create a user at their first sign-in (&just-in-time provisioning)"), page);
    m_jit->setObjectName(QStringLiteral("jitCheck"));
    m_jit->setAccessibleName(tr("Just-in-time provisioning"));
    auto* jitNote = new QLabel(tr("Off: only people this provider has signed in before can sign in. An existing "
                                  "account is never matched by its username."),
                               page);
    jitNote->setObjectName(QStringLiteral("jitNote"));
    jitNote->setWordWrap(true);
    m_localPasswords = new QCheckBox(tr("Allow local pass&words"), page);
    m_localPasswords->setObjectName(QStringLiteral("localPasswordsCheck"));
    m_localPasswords->setAccessibleName(tr("Allow local passwords"));
    auto* passwordsNote = new QLabel(tr("A Tenant Owner can always sign in with their Gatehouse password, so the "
                                        "tenant is never locked out when the provider is down (break-glass)."),
                                     page);
    passwordsNote->setObjectName(QStringLiteral("localPasswordsNote"));
    passwordsNote->setWordWrap(true);
    m_tokenExchange = new QCheckBox(tr("Accept provider access tokens from &integrations (token exchange)"), page);
    m_tokenExchange->setObjectName(QStringLiteral("tokenExchangeCheck"));
    m_tokenExchange->setAccessibleName(tr("Token exchange for integrations"));
    m_audience = new QLineEdit(page);
    m_audience->setObjectName(QStringLiteral("audienceEdit"));
    m_audience->setAccessibleName(tr("Accepted audience"));
    m_audience->setPlaceholderText(tr("The audience the provider's access tokens carry for Gatehouse"));
    m_audience->setMaxLength(255);
    connect(m_tokenExchange, &QCheckBox::toggled, this, &FederationDialog::updateEnabled);

    // The notes sit under their checkbox, indented to its text.
    const int indent =
        style()->pixelMetric(QStyle::PM_IndicatorWidth) + style()->pixelMetric(QStyle::PM_CheckBoxLabelSpacing);
    const auto indented = [indent](QLayout* inner) {
        inner->setContentsMargins(indent, 0, 0, 0);
        return inner;
    };
    auto* jitBox = new QVBoxLayout;
    jitBox->addWidget(jitNote);
    auto* passwordsBox = new QVBoxLayout;
    passwordsBox->addWidget(passwordsNote);
    auto* audienceRow = new QFormLayout;
    audienceRow->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    auto* audienceLabel = new QLabel(tr("Accepted a&udience:"), page);
    audienceLabel->setBuddy(m_audience);
    audienceRow->addRow(audienceLabel, m_audience);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_jit);
    layout->addLayout(indented(jitBox));
    layout->addSpacing(8);
    layout->addWidget(m_localPasswords);
    layout->addLayout(indented(passwordsBox));
    layout->addSpacing(8);
    layout->addWidget(m_tokenExchange);
    layout->addLayout(indented(audienceRow));
    layout->addStretch(1);
    return page;
}

QWidget* FederationDialog::buildMappingsPage()
{
    auto* page = new QWidget(this);
    page->setObjectName(QStringLiteral("mappingsPage"));
    auto* label = new QLabel(tr("&Mappings (members of a provider group get its role at each sign-in):"), page);
    label->setWordWrap(true);
    m_mappings = new QTableWidget(0, ColumnCount, page);
    m_mappings->setObjectName(QStringLiteral("mappingTable"));
    m_mappings->setAccessibleName(tr("Group mappings"));
    m_mappings->setHorizontalHeaderLabels({tr("Provider Group"), tr("Role"), tr("Applies To")});
    setUpRecordTable(m_mappings);
    m_mappings->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_mappings->setTabKeyNavigation(false);
    m_mappings->setColumnWidth(GroupColumn, 200);
    m_mappings->setColumnWidth(RoleColumn, 170);
    m_mappings->setSortingEnabled(false);
    label->setBuddy(m_mappings);
    connect(m_mappings->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &FederationDialog::updateEnabled);

    m_mappingsNote = new QLabel(page);
    m_mappingsNote->setObjectName(QStringLiteral("mappingsNote"));
    m_mappingsNote->setWordWrap(true);
    m_mappingsNote->hide();

    m_addMapping = new QPushButton(tr("&Add…"), page);
    m_addMapping->setObjectName(QStringLiteral("addMappingButton"));
    m_addMapping->setAccessibleName(tr("Add a group mapping"));
    m_addMapping->setAutoDefault(false);
    m_removeMapping = new QPushButton(tr("&Remove"), page);
    m_removeMapping->setObjectName(QStringLiteral("removeMappingButton"));
    m_removeMapping->setAccessibleName(tr("Remove the selected group mapping"));
    m_removeMapping->setAutoDefault(false);
    connect(m_addMapping, &QPushButton::clicked, this, &FederationDialog::addMapping);
    connect(m_removeMapping, &QPushButton::clicked, this, &FederationDialog::removeMapping);
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(m_addMapping);
    buttons->addWidget(m_removeMapping);
    buttons->addStretch(1);

    auto* layout = new QVBoxLayout(page);
    layout->addWidget(label);
    layout->addWidget(m_mappings, 1);
    layout->addWidget(m_mappingsNote);
    layout->addLayout(buttons);
    QWidget::setTabOrder(m_mappings, m_addMapping);
    QWidget::setTabOrder(m_addMapping, m_removeMapping);
    return page;
}

// What the identity may do here, from the operations' permissions: read-only parts say which permission is missing.
void FederationDialog::applyPermissions()
{
    const QString missingProvider = m_bridge.missingPermission(u"oidc.provider.set");
    const QString missingRemove = m_bridge.missingPermission(u"oidc.provider.remove");
    const QString missingMappingsRead = m_bridge.missingPermission(u"oidc.mapping.list");
    const QString missingMappings = m_bridge.missingPermission(u"oidc.mapping.set");
    m_mayWriteProvider = missingProvider.isEmpty();
    m_mayRemoveProvider = missingRemove.isEmpty();
    m_mayReadMappings = missingMappingsRead.isEmpty();
    m_mayWriteMappings = m_mayReadMappings && missingMappings.isEmpty();

    const auto needs = [](const QString& permission) {
        return tr("Needs the permission %1").arg(permission);
    };
    m_issuer->setToolTip(tr("The provider's https:// URL as its discovery document names it (http:// only on a "
                            "loopback address)"));
    m_scopes->setToolTip(tr("Separated by spaces; openid is required"));
    m_secret->setToolTip(tr("Typed here, it replaces the current secret; left empty, the current one is kept. It is "
                            "never shown again."));
    m_ca->setToolTip(tr("The CA that issued the provider's TLS certificate, when it is not one the system trusts"));
    if (!m_mayWriteProvider) {
        for (QLineEdit* e : {m_issuer, m_clientId, m_secret, m_scopes, m_subject, m_username, m_email, m_displayName,
                             m_groups, m_audience}) {
            e->setReadOnly(true);
            e->setToolTip(needs(missingProvider));
        }
        m_secret->setClearButtonEnabled(false);
        for (QWidget* w : std::initializer_list<QWidget*>{m_loadCa, m_clearCa, m_enabled, m_resetClaims, m_jit,
                                                          m_localPasswords, m_tokenExchange}) {
            w->setEnabled(false);
            w->setToolTip(needs(missingProvider));
        }
    }
    if (!m_mayWriteMappings) {
        const QString missing = m_mayReadMappings ? missingMappings : missingMappingsRead;
        for (QWidget* w : std::initializer_list<QWidget*>{m_addMapping, m_removeMapping}) {
            w->setEnabled(false);
            w->setToolTip(needs(missing));
        }
    }
    if (!m_mayReadMappings) {
        m_mappings->setEnabled(false);
        m_mappings->setToolTip(needs(missingMappingsRead));
        m_mappingsNote->setText(tr("Reading the group mappings needs the permission %1.").arg(missingMappingsRead));
        m_mappingsNote->show();
    }
    if (!m_mayRemoveProvider)
        m_remove->setToolTip(needs(missingRemove));

    if (isReadOnly()) {
        m_readOnlyNote->setText(tr("Read-only: changing the identity provider needs the permission %1, and its group "
                                   "mappings %2.")
                                    .arg(missingProvider, m_mayReadMappings ? missingMappings : missingMappingsRead));
        m_readOnlyNote->show();
        m_save->hide();
        m_remove->hide();
        auto* close = m_buttons->button(QDialogButtonBox::Cancel);
        close->setText(tr("&Close"));
        close->setAccessibleName(tr("Close"));
    } else if (!m_mayWriteProvider) {
        m_readOnlyNote->setText(tr("Only the group mappings can be changed here: the provider needs the permission %1.")
                                    .arg(missingProvider));
        m_readOnlyNote->show();
    } else if (!m_mayWriteMappings) {
        m_readOnlyNote->setText(tr("Only the provider can be changed here: the group mappings need the permission %1.")
                                    .arg(m_mayReadMappings ? missingMappings : missingMappingsRead));
        m_readOnlyNote->show();
    }
}

FederationConfig FederationDialog::edited() const
{
    FederationConfig c = m_base;
    c.tenantId = m_tenantId;
    c.issuer = m_issuer->text().trimmed();
    c.clientId = m_clientId->text().trimmed();
    static const QRegularExpression spaces(QStringLiteral("\\s+"));
    c.scopes = m_scopes->text().split(spaces, Qt::SkipEmptyParts);
    c.caPem = m_caPem;
    c.enabled = m_enabled->isChecked();
    c.claims.subject = m_subject->text().trimmed();
    c.claims.username = m_username->text().trimmed();
    c.claims.email = m_email->text().trimmed();
    c.claims.displayName = m_displayName->text().trimmed();
    c.claims.groups = m_groups->text().trimmed();
    c.jitProvisioning = m_jit->isChecked();
    c.localPasswords = m_localPasswords->isChecked();
    c.tokenExchange = m_tokenExchange->isChecked();
    c.tokenAudience = m_audience->text().trimmed();
    return c;
}

QList<GroupMapping> FederationDialog::editedMappings() const
{
    QList<GroupMapping> out;
    for (int row = 0; row < m_mappings->rowCount(); ++row) {
        GroupMapping m;
        m.tenantId = m_tenantId;
        m.group = m_mappings->item(row, GroupColumn)->text();
        m.roleId = m_mappings->item(row, RoleColumn)->data(Qt::UserRole).toString();
        m.workspaceId = m_mappings->item(row, ScopeColumn)->data(Qt::UserRole).toString();
        out << m;
    }
    return out;
}

QString FederationDialog::error() const
{
    return m_message->isVisible() && m_message->property("failure").toBool() ? m_message->text() : QString();
}

void FederationDialog::reload()
{
    setWaiting(true);
    const bool readMappings = m_mayReadMappings;
    const bool readRoles = m_bridge.allows(u"role.list");
    const bool readWorkspaces = m_bridge.allows(u"workspace.list");
    m_bridge.call(
        this,
        [tenantId = m_tenantId, readMappings, readRoles, readWorkspaces](ControlPlane& cp,
                                                                         const Caller& caller) -> Result<Snapshot> {
            Snapshot s;
            auto provider = cp.federation(caller, tenantId);
            if (provider)
                s.provider = provider.value();
            else if (provider.error().code != ErrorCode::NotFound) // none yet: the form starts from the defaults
                return provider.error();
            if (readMappings) {
                auto mappings = cp.groupMappings(caller, tenantId);
                if (!mappings)
                    return mappings.error();
                s.mappings = mappings.value();
                s.mappingsRead = true;
            }
            // For the pickers and the table's names; without them the table shows ids.
            if (readRoles) {
                if (auto roles = cp.listRoles(caller, tenantId))
                    s.roles = roles.value();
            }
            if (readWorkspaces) {
                if (auto workspaces = cp.listWorkspaces(caller, tenantId)) {
                    for (const tenancy::Workspace& w : workspaces.value())
                        s.workspaces.append({w.id, w.displayName.isEmpty() ? w.name : w.displayName});
                }
            }
            return s;
        },
        [this](Result<Snapshot> snapshot) {
            setWaiting(false);
            if (!snapshot) {
                if (!ConsoleBridge::endsSession(snapshot.error()))
                    showError(snapshot.error().message);
                return;
            }
            m_loaded = true;
            showSnapshot(snapshot.value());
            setWaiting(false);
            emit loaded();
        });
}

void FederationDialog::showSnapshot(const Snapshot& snapshot)
{
    m_hasProvider = snapshot.provider.has_value();
    m_base = snapshot.provider.value_or(FederationConfig{});
    m_base.tenantId = m_tenantId;
    m_roles = snapshot.roles;
    m_workspaces = snapshot.workspaces;
    m_baseMappings = snapshot.mappings;

    m_issuer->setText(m_base.issuer);
    m_clientId->setText(m_base.clientId);
    m_secret->setText(QString());
    m_scopes->setText(m_base.scopes.join(QLatin1Char(' ')));
    m_caPem = m_base.caPem;
    m_enabled->setChecked(m_base.enabled);
    m_subject->setText(m_base.claims.subject);
    m_username->setText(m_base.claims.username);
    m_email->setText(m_base.claims.email);
    m_displayName->setText(m_base.claims.displayName);
    m_groups->setText(m_base.claims.groups);
    m_jit->setChecked(m_base.jitProvisioning);
    m_localPasswords->setChecked(m_base.localPasswords);
    m_tokenExchange->setChecked(m_base.tokenExchange);
    m_audience->setText(m_base.tokenAudience);
    showCa();
    showSecretState();

    m_mappings->setRowCount(0);
    for (const GroupMapping& m : std::as_const(m_baseMappings))
        addMappingRow(m);

    if (m_hasProvider) {
        const QString changed =
            QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_base.updatedAtMs), QLocale::ShortFormat);
        m_intro->setText(
            tr("People of %1 sign in at this OpenID Connect provider. Last changed %2.").arg(m_tenantName, changed));
    } else {
        m_intro->setText(tr("%1 has no identity provider yet. Fill in the provider's details and save, and its "
                            "people can sign in there.")
                             .arg(m_tenantName));
    }
    m_message->hide();
    updateEnabled();
}

void FederationDialog::showCa()
{
    if (m_caPem.isEmpty()) {
        m_ca->setText(tr("None: the system's trust store is used."));
        updateEnabled();
        return;
    }
    const QList<QSslCertificate> chain = QSslCertificate::fromData(m_caPem.toLatin1(), QSsl::Pem);
    if (chain.isEmpty()) {
        m_ca->setText(tr("A CA that is not a PEM certificate; load it again."));
        updateEnabled();
        return;
    }
    const QSslCertificate& first = chain.first();
    QString subject = first.subjectDisplayName();
    if (subject.isEmpty())
        subject = first.subjectInfo(QSslCertificate::CommonName).join(QStringLiteral(", "));
    const QDateTime expiry = first.expiryDate();
    const QString when = QLocale().toString(expiry.toLocalTime(), QLocale::ShortFormat);
    QString text = expiry < QDateTime::currentDateTimeUtc() ? tr("%1, expired %2").arg(subject, when)
                                                            : tr("%1, expires %2").arg(subject, when);
    if (chain.size() > 1)
        text += QLatin1Char(' ') + tr("(and %n more certificate(s))", nullptr, static_cast<int>(chain.size() - 1));
    m_ca->setText(text);
    updateEnabled();
}

void FederationDialog::showSecretState()
{
    if (!m_mayWriteProvider) {
        m_secretState->setText(m_base.clientSecretSet ? tr("A client secret is set.") : tr("No client secret is set."));
        m_secret->setPlaceholderText(m_base.clientSecretSet ? tr("Set, never shown") : QString());
    } else if (m_base.clientSecretSet) {
        m_secretState->setText(tr("A client secret is set. Type a new one to replace it."));
        m_secret->setPlaceholderText(tr("Leave empty to keep the current secret"));
    } else {
        m_secretState->setText(tr("No client secret is set."));
        m_secret->setPlaceholderText(tr("As the provider issued it (none for a public client)"));
    }
}

void FederationDialog::addMappingRow(const GroupMapping& mapping)
{
    QString roleName = mapping.roleId;
    for (const authz::Role& r : std::as_const(m_roles)) {
        if (r.id == mapping.roleId)
            roleName = r.name;
    }
    QString where = tr("The whole tenant");
    if (!mapping.workspaceId.isEmpty()) {
        QString name = mapping.workspaceId;
        for (const auto& w : std::as_const(m_workspaces)) {
            if (w.first == mapping.workspaceId)
                name = w.second;
        }
        where = tr("Workspace %1").arg(name);
    }
    const int row = m_mappings->rowCount();
    m_mappings->insertRow(row);
    auto* group = new QTableWidgetItem(mapping.group);
    auto* role = new QTableWidgetItem(roleName);
    role->setData(Qt::UserRole, mapping.roleId);
    role->setToolTip(mapping.roleId);
    auto* scope = new QTableWidgetItem(where);
    scope->setData(Qt::UserRole, mapping.workspaceId);
    m_mappings->setItem(row, GroupColumn, group);
    m_mappings->setItem(row, RoleColumn, role);
    m_mappings->setItem(row, ScopeColumn, scope);
}

void FederationDialog::chooseCaFile()
{
    auto* chooser = new QFileDialog(this, tr("Load the Provider's CA Certificate"), QString(),
                                    tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    chooser->setObjectName(QStringLiteral("caFileDialog"));
    chooser->setFileMode(QFileDialog::ExistingFile);
    chooser->setAcceptMode(QFileDialog::AcceptOpen);
    chooser->setAttribute(Qt::WA_DeleteOnClose);
    connect(chooser, &QFileDialog::fileSelected, this, [this](const QString& path) { loadCaFile(path); });
    chooser->open();
}

bool FederationDialog::loadCaFile(const QString& path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly) || file.size() > kMaxCaFile) {
        showError(tr("Cannot read %1 as a CA certificate: choose a PEM file of at most 64 KiB.").arg(path));
        return false;
    }
    const QByteArray pem = file.readAll();
    const QList<QSslCertificate> chain = QSslCertificate::fromData(pem, QSsl::Pem);
    if (chain.isEmpty() || chain.first().isNull()) {
        showError(tr("%1 holds no PEM certificate. Choose the CA's certificate (-----BEGIN CERTIFICATE-----), not a "
                     "key.")
                      .arg(path));
        return false;
    }
    // Only the certificates are kept, whatever else the file holds (a key by mistake never leaves the console).
    QByteArray certificates;
    for (const QSslCertificate& c : chain)
        certificates += c.toPem();
    m_caPem = QString::fromLatin1(certificates);
    showCa();
    m_message->hide();
    return true;
}

void FederationDialog::addMapping()
{
    auto* dialog = new GroupMappingDialog(m_roles, m_workspaces, m_bridge.access().tenantPermissions, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::accepted, this, [this, dialog]() {
        GroupMapping m;
        m.tenantId = m_tenantId;
        m.group = dialog->group();
        m.roleId = dialog->roleId();
        m.workspaceId = dialog->workspaceId();
        for (const GroupMapping& existing : editedMappings()) {
            if (mappingKey(existing) == mappingKey(m)) {
                showNotice(tr("The group %1 is already mapped to that role there.").arg(m.group));
                return;
            }
        }
        addMappingRow(m);
        m_mappings->selectRow(m_mappings->rowCount() - 1);
        updateEnabled();
    });
    dialog->open();
}

void FederationDialog::removeMapping()
{
    const QModelIndexList rows = m_mappings->selectionModel()->selectedRows();
    if (rows.isEmpty())
        return;
    m_mappings->removeRow(rows.first().row());
    updateEnabled();
}

void FederationDialog::resetClaims()
{
    const identity::ClaimMapping defaults;
    m_subject->setText(defaults.subject);
    m_username->setText(defaults.username);
    m_email->setText(defaults.email);
    m_displayName->setText(defaults.displayName);
    m_groups->setText(defaults.groups);
}

void FederationDialog::save()
{
    if (!m_loaded || m_waiting || isReadOnly())
        return;
    const FederationConfig config = edited();
    const bool secretTyped = m_mayWriteProvider && !m_secret->text().isEmpty();
    const bool writeProvider = m_mayWriteProvider && (!m_hasProvider || secretTyped || config != m_base);
    const QList<GroupMapping> mappings = editedMappings();
    // Only a table that was read is written: an unread one would replace the mappings with nothing.
    const bool writeMappings = m_mayWriteMappings && mappingKeys(mappings) != mappingKeys(m_baseMappings);
    if (!writeProvider && !writeMappings) {
        accept();
        return;
    }
    // A copy: the field keeps the secret until it is saved, so a refusal loses nothing that was typed.
    std::optional<SecureBytes> secret;
    if (secretTyped && writeProvider)
        secret = readSecret(m_secret);
    setWaiting(true);
    m_bridge.call(
        this,
        [config, secret = std::move(secret), writeProvider, writeMappings,
         mappings](ControlPlane& cp, const Caller& caller) -> Result<SaveOutcome> {
            SaveOutcome out;
            if (writeProvider) {
                auto written = cp.setFederation(caller, config, secret);
                if (!written)
                    return written.error();
                out.provider = written.value();
            }
            if (writeMappings) {
                auto written = cp.setGroupMappings(caller, config.tenantId, mappings);
                if (written)
                    out.mappings = written.value();
                else
                    out.mappingsError = written.error();
            }
            return out;
        },
        [this](Result<SaveOutcome> outcome) {
            setWaiting(false);
            if (!outcome) {
                if (!ConsoleBridge::endsSession(outcome.error()))
                    showError(outcome.error().message);
                return;
            }
            if (outcome.value().provider) {
                m_base = *outcome.value().provider;
                m_hasProvider = true;
                m_secret->setText(QString()); // saved: the field lets go of it (and of its undo history)
                showSecretState();
            }
            if (outcome.value().mappings)
                m_baseMappings = *outcome.value().mappings;
            if (const auto& failed = outcome.value().mappingsError) {
                if (ConsoleBridge::endsSession(*failed))
                    return;
                showError(outcome.value().provider
                              ? tr("The provider was saved, but not the group mappings: %1").arg(failed->message)
                              : failed->message);
                updateEnabled();
                return;
            }
            emit saved();
            accept();
        });
}

void FederationDialog::removeProvider()
{
    if (!m_hasProvider || !m_mayRemoveProvider || m_waiting)
        return;
    askToConfirm(this,
                 tr("Remove the identity provider of %1? Nobody can sign in there until a provider is set again; "
                    "the users it created and the group mappings stay.")
                     .arg(m_tenantName),
                 [this]() {
                     setWaiting(true);
                     m_bridge.call(
                         this,
                         [tenantId = m_tenantId](ControlPlane& cp, const Caller& caller) {
                             return cp.removeFederation(caller, tenantId);
                         },
                         [this](Result<void> removed) {
                             setWaiting(false);
                             if (!removed) {
                                 if (!ConsoleBridge::endsSession(removed.error()))
                                     showError(removed.error().message);
                                 return;
                             }
                             emit this->removed();
                             accept();
                         });
                 });
}

void FederationDialog::showError(const QString& message)
{
    m_message->setProperty("failure", true);
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setText(message);
    m_message->show();
}

void FederationDialog::showNotice(const QString& message)
{
    m_message->setProperty("failure", false);
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->show();
}

void FederationDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    m_tabs->setEnabled(!waiting);
    if (waiting)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
    updateEnabled();
}

void FederationDialog::updateEnabled()
{
    const bool idle = m_loaded && !m_waiting;
    m_save->setEnabled(idle && !isReadOnly());
    m_remove->setEnabled(idle && m_hasProvider && m_mayRemoveProvider);
    m_audience->setEnabled(m_tokenExchange->isChecked());
    if (m_mayWriteProvider)
        m_clearCa->setEnabled(!m_caPem.isEmpty());
    if (m_mayWriteMappings) {
        m_addMapping->setEnabled(idle);
        m_removeMapping->setEnabled(idle && !m_mappings->selectionModel()->selectedRows().isEmpty());
    }
}

} // namespace gatehouse::ui
