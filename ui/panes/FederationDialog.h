#pragma once

#include "authz/Role.h"
#include "identity/FederationConfig.h"

#include <QDialog>
#include <QList>
#include <QPair>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableWidget;
class QTabWidget;

namespace gatehouse::ui {

class ConsoleBridge;

// A tenant's OpenID Connect provider as a form, in four tabs: the provider (issuer, client, client secret, scopes,
// its CA, enabled), the claim mapping, the policies (just-in-time provisioning, local passwords, token exchange),
// and the group mappings (provider group -> role, tenant-wide or in a workspace). The client secret is never read
// back: the form says whether one is set, and a secret typed replaces it (empty keeps it). Save writes the provider,
// then the group mappings when they changed; a refusal is shown in the form, which stays open with what was typed.
// Without the write permissions the parts are read-only, each control's tooltip naming the missing permission.
class FederationDialog : public QDialog
{
    Q_OBJECT
public:
    FederationDialog(ConsoleBridge& bridge, const QString& tenantId, const QString& tenantName,
                     QWidget* parent = nullptr);

    bool isLoaded() const { return m_loaded; }
    // Whether the tenant had a provider when the form was (last) read.
    bool hasProvider() const { return m_hasProvider; }
    bool isReadOnly() const { return !m_mayWriteProvider && !m_mayWriteMappings; }
    // The provider as the form shows it (the client secret aside), and the group mappings of its table.
    identity::FederationConfig edited() const;
    QList<identity::GroupMapping> editedMappings() const;
    QString error() const;

    // Reads the provider and the mappings again; the form shows them.
    void reload();
    // Takes a PEM file as the provider's CA; false (and the reason shown) when it holds no certificate.
    bool loadCaFile(const QString& path);

signals:
    void loaded();
    void saved();
    void removed();

private:
    struct Snapshot;
    QWidget* buildProviderPage();
    QWidget* buildClaimsPage();
    QWidget* buildPoliciesPage();
    QWidget* buildMappingsPage();
    void applyPermissions();
    void showSnapshot(const Snapshot& snapshot);
    void showCa();
    void showSecretState();
    void addMappingRow(const identity::GroupMapping& mapping);
    void chooseCaFile();
    void addMapping();
    void removeMapping();
    void resetClaims();
    void save();
    void removeProvider();
    void showError(const QString& message);
    void showNotice(const QString& message);
    void setWaiting(bool waiting);
    void updateEnabled();

    ConsoleBridge& m_bridge;
    QString m_tenantId;
    QString m_tenantName;
    bool m_loaded = false;
    bool m_hasProvider = false;
    bool m_waiting = false;
    bool m_mayWriteProvider = false;
    bool m_mayRemoveProvider = false;
    bool m_mayReadMappings = false;
    bool m_mayWriteMappings = false;
    identity::FederationConfig m_base;
    QList<identity::GroupMapping> m_baseMappings;
    QString m_caPem;
    QList<authz::Role> m_roles;
    QList<QPair<QString, QString>> m_workspaces;

    QLabel* m_intro;
    QLabel* m_readOnlyNote;
    QTabWidget* m_tabs;
    // Provider
    QLineEdit* m_issuer;
    QLineEdit* m_clientId;
    QLineEdit* m_secret;
    QLabel* m_secretState;
    QLineEdit* m_scopes;
    QLabel* m_ca;
    QPushButton* m_loadCa;
    QPushButton* m_clearCa;
    QCheckBox* m_enabled;
    // Claims
    QLineEdit* m_subject;
    QLineEdit* m_username;
    QLineEdit* m_email;
    QLineEdit* m_displayName;
    QLineEdit* m_groups;
    QPushButton* m_resetClaims;
    // Policies
    QCheckBox* m_jit;
    QCheckBox* m_localPasswords;
    QCheckBox* m_tokenExchange;
    QLineEdit* m_audience;
    // Group mappings
    QTableWidget* m_mappings;
    QLabel* m_mappingsNote;
    QPushButton* m_addMapping;
    QPushButton* m_removeMapping;

    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QPushButton* m_save;
    QPushButton* m_remove;
};

} // namespace gatehouse::ui
