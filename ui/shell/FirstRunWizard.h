#pragma once

#include "core/SecureBytes.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QThreadPool>
#include <QWizard>

#include <functional>
#include <memory>

class QCheckBox;
class QLabel;
class QLineEdit;
class QPlainTextEdit;
class QProgressBar;
class QRadioButton;

namespace gatehouse::ui {

class PasswordStrengthMeter;
class QrCodeWidget;
class SecretClipboard;

// The first start of the console, when there is no store: where the data lives, who holds the master key, the
// platform administrator, their authenticator (a QR code to scan, the secret as text, a code to confirm), their
// recovery codes (shown once), and optionally the first tenant. The store is created when the administrator page
// is accepted; from there on the wizard cannot go back, and everything else is done as that administrator,
// through the control plane, audited with source `gui`.
class FirstRunWizard : public QWizard
{
    Q_OBJECT
public:
    enum Page { DataDirPage, CustodyPage, AdministratorPage, AuthenticatorPage, RecoveryCodesPage, TenantPage };

    explicit FirstRunWizard(const QString& defaultDataDir, QWidget* parent = nullptr);
    ~FirstRunWizard() override;

    // After the wizard was accepted (or cancelled after the store was made): the open store, its control plane,
    // and the administrator's session. Empty before the store exists.
    struct Outcome
    {
        std::unique_ptr<store::Store> store;
        std::unique_ptr<service::ControlPlane> controlPlane;
        QString sessionToken;
    };
    Outcome takeOutcome();
    bool storeCreated() const { return m_created != nullptr; }

    bool validateCurrentPage() override;

signals:
    // A step that runs off the GUI thread finished (for tests and the busy indicator).
    void stepFinished(bool ok);

protected:
    void initializePage(int id) override;

private:
    struct Created;
    QWizardPage* makeDataDirPage();
    QWizardPage* makeCustodyPage();
    QWizardPage* makeAdministratorPage();
    QWizardPage* makeAuthenticatorPage();
    QWizardPage* makeRecoveryCodesPage();
    QWizardPage* makeTenantPage();

    // Runs `job` off the GUI thread with the busy bar showing and the buttons disabled; `done` runs on the GUI
    // thread with its result.
    void runStep(std::function<std::shared_ptr<void>()> job, std::function<bool(std::shared_ptr<void>)> done);
    void setBusy(bool busy);
    void showError(QLabel* label, const QString& message);
    void updatePolicyFeedback();
    void updateOwnerFeedback();
    service::Caller administrator() const;

    bool m_busy = false;
    bool m_stepDone = false; // the current page's background step succeeded: the next validate passes
    std::unique_ptr<Created> m_created;
    SecureBytes m_adminPassword; // kept until the authenticator is confirmed (re-authentication), then scrubbed
    QStringList m_recoveryCodes;

    QLineEdit* m_dataDir = nullptr;
    QLabel* m_dataDirError = nullptr;
    QRadioButton* m_keychain = nullptr;
    QRadioButton* m_keyFileChoice = nullptr;
    QRadioButton* m_passphraseChoice = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QLineEdit* m_passphrase = nullptr;
    QLineEdit* m_passphraseRepeat = nullptr;
    PasswordStrengthMeter* m_strength = nullptr;
    QLabel* m_custodyError = nullptr;
    QLineEdit* m_adminUsername = nullptr;
    QLineEdit* m_adminPassword1 = nullptr;
    QLineEdit* m_adminPassword2 = nullptr;
    QLabel* m_policy = nullptr;
    QLabel* m_adminError = nullptr;
    QProgressBar* m_busyBar = nullptr;
    QrCodeWidget* m_qr = nullptr;
    QLabel* m_totpSecret = nullptr;
    QLineEdit* m_totpCode = nullptr;
    QLabel* m_totpError = nullptr;
    QPlainTextEdit* m_codesView = nullptr;
    QCheckBox* m_codesStored = nullptr;
    QLabel* m_codesNote = nullptr;
    SecretClipboard* m_clipboard = nullptr;
    QCheckBox* m_createTenant = nullptr;
    QLineEdit* m_tenantName = nullptr;
    QLineEdit* m_tenantDisplay = nullptr;
    QLineEdit* m_ownerUsername = nullptr;
    QLineEdit* m_ownerPassword1 = nullptr;
    QLineEdit* m_ownerPassword2 = nullptr;
    QLabel* m_ownerPolicy = nullptr;
    QLabel* m_tenantError = nullptr;
    // The wizard's own worker, declared last so it is joined first: a background step never outlives the
    // wizard, and its thread (with the crypto library's per-thread state) ends before the program does.
    QThreadPool m_jobs;
};

} // namespace gatehouse::ui
