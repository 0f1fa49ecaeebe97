#include "FirstRunWizard.h"

#include "identity/PasswordPolicy.h"
#include "keys/MasterKeyProvider.h"
#include "widgets/PasswordStrengthMeter.h"
#include "widgets/QrCodeWidget.h"
#include "widgets/SecretClipboard.h"
#include "widgets/SecretInput.h"

#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QFileDialog>
#include <QFileInfo>
#include <QFontDatabase>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPlainTextEdit>
#include <QProgressBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpressionValidator>
#include <QSaveFile>
#include <QVBoxLayout>
#include <QtConcurrent/QtConcurrentRun>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;
using service::Source;

// What the background step of the administrator page makes.
struct FirstRunWizard::Created
{
    std::unique_ptr<store::Store> store;
    std::unique_ptr<ControlPlane> controlPlane;
    QString token;
    service::TotpEnrollment enrollment;
};

namespace {

// A page whose mandatory fields the wizard registers as it builds the page.
class WizardStep : public QWizardPage
{
public:
    using QWizardPage::QWizardPage;
    using QWizardPage::registerField;
};

QLabel* errorLabel(const QString& objectName, QWidget* parent)
{
    auto* label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QPalette p = label->palette();
    p.setColor(QPalette::WindowText, QColor(0xc6, 0x28, 0x28));
    label->setPalette(p);
    label->hide();
    return label;
}

QLabel* intro(const QString& text, QWidget* parent)
{
    auto* label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

QLineEdit* secretEdit(const QString& objectName, const QString& accessibleName, QWidget* parent)
{
    auto* edit = new QLineEdit(parent);
    edit->setObjectName(objectName);
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessibleName);
    return edit;
}

// The base32 secret in groups of four, for typing into an authenticator by hand.
QString grouped(const QString& secret)
{
    QString out;
    for (qsizetype i = 0; i < secret.size(); i += 4)
        out += (out.isEmpty() ? QString() : QStringLiteral(" ")) + secret.mid(i, 4);
    return out;
}

} // namespace

FirstRunWizard::FirstRunWizard(const QString& defaultDataDir, QWidget* parent) : QWizard(parent)
{
    m_jobs.setMaxThreadCount(1);
    setObjectName(QStringLiteral("firstRunWizard"));
    setWindowTitle(tr("Set up Gatehouse"));
    setWizardStyle(QWizard::ModernStyle);
    setOption(QWizard::NoBackButtonOnStartPage);
    setOption(QWizard::HaveHelpButton, false);
    m_clipboard = new SecretClipboard(this);
    setPage(DataDirPage, makeDataDirPage());
    setPage(CustodyPage, makeCustodyPage());
    setPage(AdministratorPage, makeAdministratorPage());
    setPage(AuthenticatorPage, makeAuthenticatorPage());
    setPage(RecoveryCodesPage, makeRecoveryCodesPage());
    setPage(TenantPage, makeTenantPage());
    // Filled in after the pages joined the wizard: a mandatory field counts as filled when it differs from its value
    // at that moment.
    m_dataDir->setText(QDir::toNativeSeparators(defaultDataDir));
    m_adminUsername->setText(QStringLiteral("admin"));
    m_keyFile->setText(
        QDir::toNativeSeparators(QFileInfo(defaultDataDir).absolutePath() + QStringLiteral("/gatehouse-master.key")));
    resize(680, 560);
}

FirstRunWizard::~FirstRunWizard()
{
    m_jobs.waitForDone();
    for (QString& code : m_recoveryCodes)
        code.fill(QLatin1Char(' '));
}

FirstRunWizard::Outcome FirstRunWizard::takeOutcome()
{
    Outcome out;
    if (!m_created)
        return out;
    out.store = std::move(m_created->store);
    out.controlPlane = std::move(m_created->controlPlane);
    out.sessionToken = std::exchange(m_created->token, {});
    m_created.reset();
    return out;
}

Caller FirstRunWizard::administrator() const
{
    return Caller::withToken(m_created ? m_created->token : QString(), Source::Gui, QStringLiteral("local"));
}

// --- pages -------------------------------------------------------------------------------------------------

QWizardPage* FirstRunWizard::makeDataDirPage()
{
    auto* page = new WizardStep(this);
    page->setObjectName(QStringLiteral("dataDirPage"));
    page->setTitle(tr("Where Gatehouse keeps its data"));
    page->setSubTitle(tr("Tenants, identities, secrets and the audit trail live in one encrypted store in this "
                         "folder. Nothing in it is readable without the master key."));
    m_dataDir = new QLineEdit(page);
    m_dataDir->setObjectName(QStringLiteral("dataDirEdit"));
    m_dataDir->setAccessibleName(tr("Data folder"));
    auto* browse = new QPushButton(tr("&Browse..."), page);
    browse->setObjectName(QStringLiteral("browseDataDirButton"));
    browse->setAccessibleName(tr("Choose the data folder"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString dir = QFileDialog::getExistingDirectory(this, tr("Data folder"), m_dataDir->text());
        if (!dir.isEmpty())
            m_dataDir->setText(QDir::toNativeSeparators(dir));
    });
    m_dataDirError = errorLabel(QStringLiteral("dataDirError"), page);
    auto* row = new QHBoxLayout;
    row->addWidget(m_dataDir, 1);
    row->addWidget(browse);
    auto* label = new QLabel(tr("&Data folder:"), page);
    label->setBuddy(m_dataDir);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(m_dataDirError);
    layout->addStretch();
    page->registerField(QStringLiteral("dataDir*"), m_dataDir);
    return page;
}

QWizardPage* FirstRunWizard::makeCustodyPage()
{
    auto* page = new WizardStep(this);
    page->setObjectName(QStringLiteral("custodyPage"));
    page->setTitle(tr("Who holds the master key"));
    page->setSubTitle(tr("The store is encrypted with a random 256-bit master key. Choose where that key is kept."));
    m_keychain = new QRadioButton(tr("In this computer's &keychain (recommended for a desktop)"), page);
    m_keychain->setObjectName(QStringLiteral("keychainRadio"));
    m_keyFileChoice =
        new QRadioButton(tr("In a key &file (for servers and backups; keep it apart from the data)"), page);
    m_keyFileChoice->setObjectName(QStringLiteral("keyFileRadio"));
    m_passphraseChoice = new QRadioButton(tr("Derived from a &passphrase, asked at every start"), page);
    m_passphraseChoice->setObjectName(QStringLiteral("passphraseRadio"));
    m_keychain->setChecked(true);

    m_keyFile = new QLineEdit(page);
    m_keyFile->setObjectName(QStringLiteral("keyFileEdit"));
    m_keyFile->setAccessibleName(tr("Key file"));
    auto* browse = new QPushButton(tr("B&rowse..."), page);
    browse->setObjectName(QStringLiteral("browseKeyFileButton"));
    browse->setAccessibleName(tr("Choose the key file"));
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString file = QFileDialog::getSaveFileName(this, tr("Key file"), m_keyFile->text());
        if (!file.isEmpty())
            m_keyFile->setText(QDir::toNativeSeparators(file));
    });
    auto* keyFileRow = new QHBoxLayout;
    keyFileRow->setContentsMargins(24, 0, 0, 0);
    keyFileRow->addWidget(m_keyFile, 1);
    keyFileRow->addWidget(browse);

    m_passphrase = secretEdit(QStringLiteral("passphraseEdit"), tr("Passphrase"), page);
    m_passphraseRepeat = secretEdit(QStringLiteral("passphraseRepeatEdit"), tr("Repeat the passphrase"), page);
    m_strength = new PasswordStrengthMeter(page);
    m_strength->setObjectName(QStringLiteral("strengthMeter"));
    connect(m_passphrase, &QLineEdit::textChanged, this,
            [this](const QString& text) { m_strength->estimate(text, {QStringLiteral("gatehouse")}); });
    auto* passphraseForm = new QFormLayout;
    passphraseForm->setContentsMargins(24, 0, 0, 0);
    passphraseForm->addRow(tr("Passphrase:"), m_passphrase);
    passphraseForm->addRow(tr("Repeat:"), m_passphraseRepeat);
    passphraseForm->addRow(tr("Strength:"), m_strength);

    auto sync = [this] {
        m_keyFile->setEnabled(m_keyFileChoice->isChecked());
        for (QWidget* w : {static_cast<QWidget*>(m_passphrase), static_cast<QWidget*>(m_passphraseRepeat),
                           static_cast<QWidget*>(m_strength)})
            w->setEnabled(m_passphraseChoice->isChecked());
    };
    for (QRadioButton* b : {m_keychain, m_keyFileChoice, m_passphraseChoice})
        connect(b, &QRadioButton::toggled, this, sync);
    sync();

    m_custodyError = errorLabel(QStringLiteral("custodyError"), page);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_keychain);
    layout->addWidget(m_keyFileChoice);
    layout->addLayout(keyFileRow);
    layout->addWidget(m_passphraseChoice);
    layout->addLayout(passphraseForm);
    layout->addWidget(intro(tr("Whoever holds the master key can read everything in the store. Losing it loses the "
                               "store: keep a backup of the key file or remember the passphrase."),
                            page));
    layout->addWidget(m_custodyError);
    layout->addStretch();
    return page;
}

QWizardPage* FirstRunWizard::makeAdministratorPage()
{
    auto* page = new WizardStep(this);
    page->setObjectName(QStringLiteral("administratorPage"));
    page->setTitle(tr("The platform administrator"));
    page->setSubTitle(tr("This person creates tenants and platform administrators and reads the platform audit "
                         "trail. The store is created when you continue."));
    page->setCommitPage(true);
    page->setButtonText(QWizard::CommitButton, tr("&Create store"));
    m_adminUsername = new QLineEdit(page);
    m_adminUsername->setObjectName(QStringLiteral("adminUsernameEdit"));
    m_adminUsername->setAccessibleName(tr("Administrator username"));
    m_adminPassword1 = secretEdit(QStringLiteral("adminPasswordEdit"), tr("Administrator password"), page);
    m_adminPassword2 = secretEdit(QStringLiteral("adminRepeatEdit"), tr("Repeat the administrator password"), page);
    m_policy = new QLabel(page);
    m_policy->setObjectName(QStringLiteral("policyLabel"));
    m_policy->setWordWrap(true);
    m_policy->setAccessibleName(tr("Password policy"));
    for (QLineEdit* e : {m_adminUsername, m_adminPassword1, m_adminPassword2})
        connect(e, &QLineEdit::textChanged, this, &FirstRunWizard::updatePolicyFeedback);
    auto* form = new QFormLayout;
    form->addRow(tr("&Username:"), m_adminUsername);
    form->addRow(tr("&Password:"), m_adminPassword1);
    form->addRow(tr("&Repeat:"), m_adminPassword2);
    m_busyBar = new QProgressBar(page);
    m_busyBar->setObjectName(QStringLiteral("busyBar"));
    m_busyBar->setRange(0, 0);
    m_busyBar->setAccessibleName(tr("Creating the store"));
    m_busyBar->hide();
    m_adminError = errorLabel(QStringLiteral("adminError"), page);
    auto* layout = new QVBoxLayout(page);
    layout->addLayout(form);
    layout->addWidget(m_policy);
    layout->addWidget(m_busyBar);
    layout->addWidget(m_adminError);
    layout->addStretch();
    page->registerField(QStringLiteral("adminUsername*"), m_adminUsername);
    updatePolicyFeedback();
    return page;
}

QWizardPage* FirstRunWizard::makeAuthenticatorPage()
{
    auto* page = new WizardStep(this);
    page->setObjectName(QStringLiteral("authenticatorPage"));
    page->setTitle(tr("Two-factor authentication"));
    page->setSubTitle(tr("Scan the code with an authenticator app (or type the secret into it), then enter the "
                         "six-digit code it shows."));
    page->setCommitPage(true);
    page->setButtonText(QWizard::CommitButton, tr("&Confirm"));
    m_qr = new QrCodeWidget(page);
    m_qr->setObjectName(QStringLiteral("totpQrCode"));
    m_qr->setAccessibleName(tr("Authenticator QR code"));
    m_totpSecret = new QLabel(page);
    m_totpSecret->setObjectName(QStringLiteral("totpSecretLabel"));
    m_totpSecret->setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    m_totpSecret->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_totpSecret->setWordWrap(true);
    m_totpSecret->setAccessibleName(tr("Authenticator secret"));
    m_totpCode = new QLineEdit(page);
    m_totpCode->setObjectName(QStringLiteral("totpCodeEdit"));
    m_totpCode->setAccessibleName(tr("Code from the authenticator"));
    m_totpCode->setValidator(
        new QRegularExpressionValidator(QRegularExpression(QStringLiteral("[0-9]{0,6}")), m_totpCode));
    m_totpCode->setMaxLength(6);
    m_totpError = errorLabel(QStringLiteral("totpError"), page);
    auto* side = new QVBoxLayout;
    auto* secretCaption = new QLabel(tr("Secret:"), page);
    side->addWidget(secretCaption);
    side->addWidget(m_totpSecret);
    auto* codeLabel = new QLabel(tr("C&ode:"), page);
    codeLabel->setBuddy(m_totpCode);
    side->addSpacing(12);
    side->addWidget(codeLabel);
    side->addWidget(m_totpCode);
    side->addWidget(m_totpError);
    side->addStretch();
    auto* layout = new QHBoxLayout(page);
    layout->addWidget(m_qr, 0, Qt::AlignTop);
    layout->addSpacing(16);
    layout->addLayout(side, 1);
    page->registerField(QStringLiteral("totpCode*"), m_totpCode);
    return page;
}

QWizardPage* FirstRunWizard::makeRecoveryCodesPage()
{
    auto* page = new WizardStep(this);
    page->setObjectName(QStringLiteral("recoveryCodesPage"));
    page->setTitle(tr("Recovery codes"));
    page->setSubTitle(tr("Each code signs you in once if the authenticator is lost. They are shown only now: copy "
                         "or save them, and keep them somewhere safe, away from this computer."));
    m_codesView = new QPlainTextEdit(page);
    m_codesView->setObjectName(QStringLiteral("recoveryCodesView"));
    m_codesView->setReadOnly(true);
    m_codesView->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_codesView->setAccessibleName(tr("Recovery codes"));
    m_codesView->setMaximumHeight(m_codesView->fontMetrics().lineSpacing() * 12);
    auto* copy = new QPushButton(tr("&Copy"), page);
    copy->setObjectName(QStringLiteral("copyCodesButton"));
    copy->setAccessibleName(tr("Copy the recovery codes"));
    auto* save = new QPushButton(tr("&Save..."), page);
    save->setObjectName(QStringLiteral("saveCodesButton"));
    save->setAccessibleName(tr("Save the recovery codes to a file"));
    m_codesNote = new QLabel(page);
    m_codesNote->setObjectName(QStringLiteral("codesNote"));
    m_codesNote->setWordWrap(true);
    m_codesStored = new QCheckBox(tr("I have &stored these codes"), page);
    m_codesStored->setObjectName(QStringLiteral("codesStoredCheck"));
    connect(copy, &QPushButton::clicked, this, [this] {
        m_clipboard->copy(m_recoveryCodes.join(QLatin1Char('\n')));
        m_codesNote->setText(tr("Copied. The clipboard is cleared in 30 seconds."));
    });
    connect(m_clipboard, &SecretClipboard::cleared, this,
            [this] { m_codesNote->setText(tr("The clipboard was cleared.")); });
    connect(save, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getSaveFileName(
            this, tr("Save recovery codes"), QDir::home().filePath(QStringLiteral("gatehouse-recovery-codes.txt")));
        if (path.isEmpty())
            return;
        QSaveFile file(path);
        const bool ok =
            file.open(QIODevice::WriteOnly) && file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner) &&
            file.write((m_recoveryCodes.join(QLatin1Char('\n')) + QLatin1Char('\n')).toUtf8()) >= 0 && file.commit();
        m_codesNote->setText(ok ? tr("Saved to %1 (readable by you only).").arg(QDir::toNativeSeparators(path))
                                : tr("Could not save to %1: %2. Choose another place.")
                                      .arg(QDir::toNativeSeparators(path), file.errorString()));
    });
    auto* buttons = new QHBoxLayout;
    buttons->addWidget(copy);
    buttons->addWidget(save);
    buttons->addStretch();
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_codesView);
    layout->addLayout(buttons);
    layout->addWidget(m_codesNote);
    layout->addWidget(m_codesStored);
    layout->addStretch();
    page->registerField(QStringLiteral("codesStored*"), m_codesStored);
    return page;
}

QWizardPage* FirstRunWizard::makeTenantPage()
{
    auto* page = new WizardStep(this);
    page->setObjectName(QStringLiteral("tenantPage"));
    page->setTitle(tr("The first tenant (optional)"));
    page->setSubTitle(tr("A tenant is an organisation with its own people, workspaces and secrets, isolated from "
                         "every other tenant. You can also create tenants later."));
    m_createTenant = new QCheckBox(tr("Create a &tenant now"), page);
    m_createTenant->setObjectName(QStringLiteral("createTenantCheck"));
    m_tenantName = new QLineEdit(page);
    m_tenantName->setObjectName(QStringLiteral("tenantNameEdit"));
    m_tenantName->setAccessibleName(tr("Tenant name"));
    m_tenantName->setPlaceholderText(tr("lower-case letters, digits and dashes, e.g. acme"));
    m_tenantDisplay = new QLineEdit(page);
    m_tenantDisplay->setObjectName(QStringLiteral("tenantDisplayEdit"));
    m_tenantDisplay->setAccessibleName(tr("Tenant display name"));
    m_ownerUsername = new QLineEdit(page);
    m_ownerUsername->setObjectName(QStringLiteral("ownerUsernameEdit"));
    m_ownerUsername->setAccessibleName(tr("Tenant owner username"));
    m_ownerPassword1 = secretEdit(QStringLiteral("ownerPasswordEdit"), tr("Tenant owner password"), page);
    m_ownerPassword2 = secretEdit(QStringLiteral("ownerRepeatEdit"), tr("Repeat the tenant owner password"), page);
    m_ownerPolicy = new QLabel(page);
    m_ownerPolicy->setObjectName(QStringLiteral("ownerPolicyLabel"));
    m_ownerPolicy->setWordWrap(true);
    for (QLineEdit* e : {m_ownerUsername, m_ownerPassword1, m_ownerPassword2})
        connect(e, &QLineEdit::textChanged, this, &FirstRunWizard::updateOwnerFeedback);
    m_tenantError = errorLabel(QStringLiteral("tenantError"), page);
    auto* form = new QFormLayout;
    form->addRow(tr("&Name:"), m_tenantName);
    form->addRow(tr("&Display name:"), m_tenantDisplay);
    form->addRow(tr("Owner &username:"), m_ownerUsername);
    form->addRow(tr("Owner &password:"), m_ownerPassword1);
    form->addRow(tr("&Repeat:"), m_ownerPassword2);
    auto* fields = new QWidget(page);
    fields->setLayout(form);
    fields->setEnabled(false);
    connect(m_createTenant, &QCheckBox::toggled, fields, &QWidget::setEnabled);
    auto* layout = new QVBoxLayout(page);
    layout->addWidget(m_createTenant);
    layout->addWidget(fields);
    layout->addWidget(m_ownerPolicy);
    layout->addWidget(m_tenantError);
    layout->addStretch();
    page->setFinalPage(true);
    updateOwnerFeedback();
    return page;
}

// --- feedback while typing --------------------------------------------------------------------------------

namespace {

// The policy's verdict on the field, or why the repetition differs; empty when both are fine.
QString policyVerdict(const QLineEdit* password, const QLineEdit* repeat, const QString& username)
{
    if (password->text().isEmpty())
        return FirstRunWizard::tr("12 to 128 characters; not a common password and not the username.");
    const SecureBytes value = readSecret(password);
    if (auto checked = identity::PasswordPolicy::check(value, username); !checked)
        return checked.error().message;
    if (repeat->text() != password->text())
        return repeat->text().isEmpty() ? FirstRunWizard::tr("Acceptable. Now type it again below.")
                                        : FirstRunWizard::tr("The two passwords differ.");
    return {};
}

void showVerdict(QLabel* label, const QString& verdict)
{
    label->setText(verdict.isEmpty() ? FirstRunWizard::tr("\u2713 The password meets the policy.") : verdict);
}

} // namespace

void FirstRunWizard::updatePolicyFeedback()
{
    showVerdict(m_policy, policyVerdict(m_adminPassword1, m_adminPassword2, m_adminUsername->text().trimmed()));
}

void FirstRunWizard::updateOwnerFeedback()
{
    showVerdict(m_ownerPolicy, policyVerdict(m_ownerPassword1, m_ownerPassword2, m_ownerUsername->text().trimmed()));
}

// --- flow --------------------------------------------------------------------------------------------------

void FirstRunWizard::initializePage(int id)
{
    m_stepDone = false;
    if (id == AuthenticatorPage && m_created) {
        m_qr->setText(m_created->enrollment.provisioningUri);
        m_totpSecret->setText(grouped(m_created->enrollment.secret));
    } else if (id == RecoveryCodesPage) {
        m_codesView->setPlainText(m_recoveryCodes.join(QLatin1Char('\n')));
    }
    QWizard::initializePage(id);
}

void FirstRunWizard::showError(QLabel* label, const QString& message)
{
    label->setText(message);
    label->setVisible(!message.isEmpty());
}

void FirstRunWizard::setBusy(bool busy)
{
    m_busy = busy;
    for (WizardButton b : {BackButton, NextButton, CommitButton, FinishButton, CancelButton}) {
        if (QAbstractButton* button = this->button(b))
            button->setEnabled(!busy);
    }
    if (busy)
        QApplication::setOverrideCursor(Qt::BusyCursor);
    else
        QApplication::restoreOverrideCursor();
}

void FirstRunWizard::runStep(std::function<std::shared_ptr<void>()> job,
                             std::function<bool(std::shared_ptr<void>)> done)
{
    setBusy(true);
    auto* watcher = new QFutureWatcher<std::shared_ptr<void>>(this);
    connect(watcher, &QFutureWatcher<std::shared_ptr<void>>::finished, this, [this, watcher, done] {
        watcher->deleteLater();
        setBusy(false);
        const bool ok = done(watcher->result());
        emit stepFinished(ok);
        if (ok) {
            m_stepDone = true;
            if (nextId() == -1)
                accept();
            else
                next();
        }
    });
    watcher->setFuture(QtConcurrent::run(&m_jobs, std::move(job)));
}

bool FirstRunWizard::validateCurrentPage()
{
    if (m_busy)
        return false;
    if (m_stepDone) {
        m_stepDone = false;
        return true;
    }
    switch (currentId()) {
    case DataDirPage: {
        const QString dir = QDir::cleanPath(QDir::fromNativeSeparators(m_dataDir->text().trimmed()));
        if (!QDir::isAbsolutePath(dir)) {
            showError(m_dataDirError,
                      tr("Give the folder as a full path, e.g. %1.")
                          .arg(QDir::toNativeSeparators(QDir::homePath() + QStringLiteral("/gatehouse"))));
            return false;
        }
        if (QFileInfo::exists(store::Store::configPath(dir))) {
            showError(m_dataDirError, tr("%1 already holds a Gatehouse store. Open it with gatehouse --data-dir, or "
                                         "choose an empty folder.")
                                          .arg(QDir::toNativeSeparators(dir)));
            return false;
        }
        if (QFileInfo(dir).exists() && !QDir(dir).isEmpty()) {
            showError(m_dataDirError,
                      tr("%1 is not empty. Choose an empty or new folder.").arg(QDir::toNativeSeparators(dir)));
            return false;
        }
        showError(m_dataDirError, {});
        return true;
    }
    case CustodyPage: {
        if (m_keyFileChoice->isChecked()) {
            const QString path = QDir::fromNativeSeparators(m_keyFile->text().trimmed());
            if (!QDir::isAbsolutePath(path)) {
                showError(m_custodyError, tr("Give the key file as a full path."));
                return false;
            }
            if (QFileInfo::exists(path)) {
                showError(m_custodyError, tr("%1 exists already. Choose a new file name, so no other key is "
                                             "overwritten.")
                                              .arg(QDir::toNativeSeparators(path)));
                return false;
            }
            if (!QFileInfo(QFileInfo(path).absolutePath()).isDir()) {
                showError(m_custodyError, tr("The folder of %1 does not exist.").arg(QDir::toNativeSeparators(path)));
                return false;
            }
        }
        if (m_passphraseChoice->isChecked()) {
            if (m_passphrase->text().size() < 12) {
                showError(m_custodyError, tr("The passphrase needs at least 12 characters; several unrelated words "
                                             "are easy to remember and hard to guess."));
                return false;
            }
            if (m_passphrase->text() != m_passphraseRepeat->text()) {
                showError(m_custodyError, tr("The two passphrases differ; type them again."));
                return false;
            }
            if (m_strength->strength() == PasswordStrengthMeter::Strength::Weak) {
                showError(m_custodyError, tr("This passphrase is easy to guess. Add more unrelated words."));
                return false;
            }
        }
        showError(m_custodyError, {});
        return true;
    }
    case AdministratorPage: {
        const QString verdict = policyVerdict(m_adminPassword1, m_adminPassword2, m_adminUsername->text().trimmed());
        if (!verdict.isEmpty()) {
            showError(m_adminError, verdict);
            return false;
        }
        showError(m_adminError, {});
        m_adminPassword = readSecret(m_adminPassword1);
        const QString dataDir = QDir::cleanPath(QDir::fromNativeSeparators(m_dataDir->text().trimmed()));
        const QString username = m_adminUsername->text().trimmed();
        keys::ProviderOptions options;
        auto passphrase = std::make_shared<SecureBytes>();
        if (m_keychain->isChecked()) {
            options.kind = keys::KeyCustody::Kind::Keychain;
        } else if (m_keyFileChoice->isChecked()) {
            options.kind = keys::KeyCustody::Kind::KeyFile;
            options.keyFile = QDir::fromNativeSeparators(m_keyFile->text().trimmed());
        } else {
            options.kind = keys::KeyCustody::Kind::Passphrase;
            *passphrase = takeSecret(m_passphrase);
            m_passphraseRepeat->clear();
            options.passphrase = [passphrase](keys::PassphrasePurpose) -> Result<SecureBytes> {
                return passphrase->clone();
            };
        }
        auto password = std::make_shared<SecureBytes>(m_adminPassword.clone());
        m_busyBar->show();
        runStep(
            [dataDir, options, username, password]() -> std::shared_ptr<void> {
                auto out = std::make_shared<Result<std::shared_ptr<Created>>>(
                    makeError(ErrorCode::Internal, QStringLiteral("not started")));
                auto provider = keys::MasterKeyProvider::make(options);
                auto made = store::Store::init(dataDir, *provider);
                if (!made) {
                    *out = made.error();
                    return out;
                }
                auto created = std::make_shared<Created>();
                created->store = std::move(made).value();
                created->controlPlane = std::make_unique<ControlPlane>(*created->store);
                if (auto loaded = created->controlPlane->load(); !loaded) {
                    *out = loaded.error();
                    return out;
                }
                if (auto owner =
                        created->controlPlane->bootstrapPlatformOwner(Caller::system(Source::Gui), username, *password);
                    !owner) {
                    *out = owner.error();
                    return out;
                }
                Caller anonymous;
                anonymous.source = Source::Gui;
                anonymous.address = QStringLiteral("local");
                auto session = created->controlPlane->signIn(anonymous, {}, username, *password);
                if (!session) {
                    *out = session.error();
                    return out;
                }
                created->token = session.value().token;
                auto enrolment = created->controlPlane->beginTotpEnrollment(
                    Caller::withToken(created->token, Source::Gui, QStringLiteral("local")));
                if (!enrolment) {
                    *out = enrolment.error();
                    return out;
                }
                created->enrollment = enrolment.value();
                *out = created;
                return out;
            },
            [this](std::shared_ptr<void> result) {
                m_busyBar->hide();
                auto* r = static_cast<Result<std::shared_ptr<Created>>*>(result.get());
                if (!*r) {
                    showError(m_adminError, tr("The store was not created: %1").arg(r->error().message));
                    return false;
                }
                m_created = std::make_unique<Created>(std::move(*r->value()));
                m_adminPassword1->clear();
                m_adminPassword2->clear();
                return true;
            });
        return false;
    }
    case AuthenticatorPage: {
        const QString code = m_totpCode->text().trimmed();
        if (code.size() != 6) {
            showError(m_totpError, tr("Enter the six digits the authenticator shows."));
            return false;
        }
        auto* cp = m_created->controlPlane.get();
        const Caller caller = administrator();
        auto password = std::make_shared<SecureBytes>(m_adminPassword.clone());
        runStep(
            [cp, caller, code, password]() -> std::shared_ptr<void> {
                return std::make_shared<Result<QStringList>>(
                    cp->confirmTotpEnrollment(caller, code, service::Reauthentication{password->clone(), {}}));
            },
            [this](std::shared_ptr<void> result) {
                auto* r = static_cast<Result<QStringList>*>(result.get());
                if (!*r) {
                    m_totpCode->clear();
                    showError(m_totpError, r->error().message);
                    return false;
                }
                showError(m_totpError, {});
                m_recoveryCodes = r->value();
                m_adminPassword = SecureBytes();
                return true;
            });
        return false;
    }
    case RecoveryCodesPage:
        m_clipboard->clearNow();
        return true;
    case TenantPage: {
        if (!m_createTenant->isChecked())
            return true;
        const QString name = m_tenantName->text().trimmed();
        const QString display = m_tenantDisplay->text().trimmed().isEmpty() ? name : m_tenantDisplay->text().trimmed();
        const QString owner = m_ownerUsername->text().trimmed();
        if (name.isEmpty() || owner.isEmpty()) {
            showError(m_tenantError, tr("A tenant needs a name and an owner's username."));
            return false;
        }
        const QString verdict = policyVerdict(m_ownerPassword1, m_ownerPassword2, owner);
        if (!verdict.isEmpty()) {
            showError(m_tenantError, verdict);
            return false;
        }
        auto* cp = m_created->controlPlane.get();
        const Caller caller = administrator();
        auto password = std::make_shared<SecureBytes>(readSecret(m_ownerPassword1));
        runStep(
            [cp, caller, name, display, owner, password]() -> std::shared_ptr<void> {
                return std::make_shared<Result<tenancy::Tenant>>(
                    cp->createTenant(caller, name, display, owner, *password));
            },
            [this](std::shared_ptr<void> result) {
                auto* r = static_cast<Result<tenancy::Tenant>*>(result.get());
                if (!*r) {
                    showError(m_tenantError, r->error().message);
                    return false;
                }
                m_ownerPassword1->clear();
                m_ownerPassword2->clear();
                showError(m_tenantError, {});
                return true;
            });
        return false;
    }
    default:
        return true;
    }
}

} // namespace gatehouse::ui
