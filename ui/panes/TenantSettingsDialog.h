#pragma once

#include "ConflictDialog.h"
#include "core/Result.h"
#include "tenancy/Tenant.h"

#include <QDialog>

class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QPushButton;
class QSpinBox;

namespace gatehouse::ui {

class ConsoleBridge;

// A tenant's security settings as a form: session idle and absolute limits, lockout threshold and duration,
// MFA for administrators; the password policy is fixed and shown read-only. Without settings.update the form
// is read-only, each control's tooltip naming the missing permission. Saving is a compare-and-set against the
// settings the form was opened with: when someone else changed them meanwhile, a TenantSettingsConflictDialog
// shows the differences and offers Reload (theirs), Overwrite (mine) or Cancel.
class TenantSettingsDialog : public QDialog
{
    Q_OBJECT
public:
    TenantSettingsDialog(ConsoleBridge& bridge, const QString& tenantId, const QString& tenantName,
                         QWidget* parent = nullptr);

    // The settings the form is based on (as last read), and the ones it shows.
    const tenancy::TenantSettings& base() const { return m_base; }
    tenancy::TenantSettings edited() const;
    bool isLoaded() const { return m_loaded; }
    bool isReadOnly() const { return m_readOnly; }
    QString error() const;

    // Reads the settings again; the form shows them.
    void reload();

signals:
    void loaded();
    void saved(const gatehouse::tenancy::TenantSettings& settings);

private:
    // Saves edited() if the stored settings still equal `expected`; else asks what to do.
    void save(const tenancy::TenantSettings& expected);
    void showSettings(const tenancy::TenantSettings& settings);
    void showConflict(const tenancy::TenantSettings& theirs);
    void showError(const QString& message);
    void setWaiting(bool waiting);
    void validate();

    ConsoleBridge& m_bridge;
    QString m_tenantId;
    tenancy::TenantSettings m_base;
    bool m_loaded = false;
    bool m_readOnly = false;
    bool m_waiting = false;
    QString m_validation;
    QSpinBox* m_idle;
    QSpinBox* m_absolute;
    QSpinBox* m_threshold;
    QSpinBox* m_lockout;
    QCheckBox* m_mfa;
    QLabel* m_readOnlyNote;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
    QPushButton* m_save;
};

// "Someone else changed these settings": the shared conflict dialog over the five settings.
class TenantSettingsConflictDialog : public ConflictDialog
{
    Q_OBJECT
public:
    TenantSettingsConflictDialog(const tenancy::TenantSettings& opened, const tenancy::TenantSettings& theirs,
                                 const tenancy::TenantSettings& mine, QWidget* parent = nullptr);
};

} // namespace gatehouse::ui
