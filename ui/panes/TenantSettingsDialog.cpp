#include "TenantSettingsDialog.h"

#include "console/ConsoleBridge.h"
#include "identity/PasswordPolicy.h"
#include "service/ControlPlane.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QPointer>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse::ui {

using service::Caller;
using service::ControlPlane;
using tenancy::TenantSettings;

namespace {

constexpr int kMinute = 60;

// What a save came to: written, or refused because the stored settings were not the expected ones.
struct SaveOutcome
{
    bool conflict = false;
    TenantSettings settings; // the written ones, or theirs
};

// Minutes shown; the stored seconds kept when the minutes were not changed (a value not on a whole minute).
int secondsOf(const QSpinBox* spin, int original)
{
    return spin->value() == original / kMinute ? original : spin->value() * kMinute;
}

QString minutesText(int seconds)
{
    if (seconds % kMinute != 0)
        return TenantSettingsDialog::tr("%n second(s)", nullptr, seconds);
    return TenantSettingsDialog::tr("%n minute(s)", nullptr, seconds / kMinute);
}

QString yesNo(bool value)
{
    return value ? TenantSettingsDialog::tr("Required") : TenantSettingsDialog::tr("Not required");
}

} // namespace

TenantSettingsDialog::TenantSettingsDialog(ConsoleBridge& bridge, const QString& tenantId, const QString& tenantName,
                                           QWidget* parent)
    : QDialog(parent), m_bridge(bridge), m_tenantId(tenantId), m_idle(new QSpinBox(this)),
      m_absolute(new QSpinBox(this)), m_threshold(new QSpinBox(this)), m_lockout(new QSpinBox(this)),
      m_mfa(new QCheckBox(tr("Require &MFA for administrators"), this)), m_readOnlyNote(new QLabel(this)),
      m_message(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this)),
      m_save(m_buttons->addButton(tr("&Save"), QDialogButtonBox::AcceptRole))
{
    setObjectName(QStringLiteral("tenantSettingsDialog"));
    setWindowTitle(tr("Settings of %1").arg(tenantName));
    setAccessibleName(windowTitle());

    const auto spin = [this](QSpinBox* s, const char* objectName, const QString& accessible, int min, int max,
                             const QString& suffix) {
        s->setObjectName(QLatin1String(objectName));
        s->setAccessibleName(accessible);
        s->setRange(min, max);
        s->setSuffix(suffix);
        s->setAccelerated(true);
        connect(s, &QSpinBox::valueChanged, this, &TenantSettingsDialog::validate);
    };
    // The ranges the control plane accepts (ControlPlane::updateTenantSettings refuses others).
    spin(m_idle, "idleSpin", tr("Session idle timeout in minutes"), 1, 24 * 60, tr(" min"));
    spin(m_absolute, "absoluteSpin", tr("Session absolute lifetime in minutes"), 1, 30 * 24 * 60, tr(" min"));
    spin(m_threshold, "thresholdSpin", tr("Failed sign-ins before lockout"), 3, 100, tr(" failures"));
    spin(m_lockout, "lockoutSpin", tr("Lockout duration in minutes"), 1, 24 * 60, tr(" min"));
    m_idle->setToolTip(tr("1 minute to 24 hours"));
    m_absolute->setToolTip(tr("At least the idle timeout, at most 30 days"));
    m_threshold->setToolTip(tr("3 to 100 failed sign-ins"));
    m_lockout->setToolTip(tr("1 minute to 24 hours"));
    m_mfa->setObjectName(QStringLiteral("mfaCheck"));
    m_mfa->setAccessibleName(tr("Require MFA for administrators"));

    auto* sessions = new QGroupBox(tr("Sessions"), this);
    auto* sessionForm = new QFormLayout(sessions);
    const auto row = [this](QFormLayout* form, const QString& label, QWidget* field) {
        auto* l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    row(sessionForm, tr("&Idle timeout:"), m_idle);
    row(sessionForm, tr("&Absolute lifetime:"), m_absolute);

    auto* signIn = new QGroupBox(tr("Sign-in"), this);
    auto* signInForm = new QFormLayout(signIn);
    row(signInForm, tr("Lock af&ter:"), m_threshold);
    row(signInForm, tr("Lock f&or:"), m_lockout);
    signInForm->addRow(m_mfa);

    auto* passwords = new QGroupBox(tr("Password policy"), this);
    auto* passwordLayout = new QVBoxLayout(passwords);
    auto* policy = new QLabel(tr("%1 to %2 characters, any characters, no composition rules; the username and "
                                 "common passwords are refused. The policy is fixed and applies to every tenant.")
                                  .arg(identity::PasswordPolicy::kMinLength)
                                  .arg(identity::PasswordPolicy::kMaxLength),
                              this);
    policy->setObjectName(QStringLiteral("passwordPolicyLabel"));
    policy->setAccessibleName(tr("Password policy"));
    policy->setWordWrap(true);
    policy->setTextInteractionFlags(Qt::TextSelectableByMouse);
    passwordLayout->addWidget(policy);

    m_readOnlyNote->setObjectName(QStringLiteral("readOnlyNote"));
    m_readOnlyNote->setAccessibleName(tr("Read-only"));
    m_readOnlyNote->setWordWrap(true);
    m_readOnlyNote->hide();
    m_message->setObjectName(QStringLiteral("messageLabel"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_save->setObjectName(QStringLiteral("saveButton"));
    m_save->setAccessibleName(tr("Save"));
    m_save->setDefault(true);
    m_buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_save, &QPushButton::clicked, this, [this]() { save(m_base); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_readOnlyNote);
    layout->addWidget(sessions);
    layout->addWidget(signIn);
    layout->addWidget(passwords);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);

    const QString missing = m_bridge.missingPermission(u"settings.update");
    m_readOnly = !missing.isEmpty();
    if (m_readOnly) {
        const QString why = tr("Needs the permission %1").arg(missing);
        m_readOnlyNote->setText(tr("Read-only: changing these settings needs the permission %1.").arg(missing));
        m_readOnlyNote->show();
        for (QWidget* w : std::initializer_list<QWidget*>{m_idle, m_absolute, m_threshold, m_lockout, m_mfa, m_save})
            w->setToolTip(why);
        m_save->hide();
        m_buttons->button(QDialogButtonBox::Cancel)->setText(tr("&Close"));
        m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Close"));
    }
    setWaiting(true);
    reload();
}

TenantSettings TenantSettingsDialog::edited() const
{
    TenantSettings s;
    s.sessionIdleSeconds = secondsOf(m_idle, m_base.sessionIdleSeconds);
    s.sessionAbsoluteSeconds = secondsOf(m_absolute, m_base.sessionAbsoluteSeconds);
    s.lockoutThreshold = m_threshold->value();
    s.lockoutSeconds = secondsOf(m_lockout, m_base.lockoutSeconds);
    s.requireMfaForAdmins = m_mfa->isChecked();
    return s;
}

QString TenantSettingsDialog::error() const
{
    return m_message->isVisible() ? m_message->text() : QString();
}

void TenantSettingsDialog::reload()
{
    setWaiting(true);
    m_bridge.call(
        this,
        [tenantId = m_tenantId](ControlPlane& cp, const Caller& caller) { return cp.tenantSettings(caller, tenantId); },
        [this](Result<TenantSettings> settings) {
            setWaiting(false);
            if (!settings) {
                if (!ConsoleBridge::endsSession(settings.error()))
                    showError(settings.error().message);
                return;
            }
            m_loaded = true;
            showSettings(settings.value());
            emit loaded();
        });
}

void TenantSettingsDialog::showSettings(const TenantSettings& settings)
{
    m_base = settings;
    const QSignalBlocker b1(m_idle), b2(m_absolute), b3(m_threshold), b4(m_lockout);
    m_idle->setValue(settings.sessionIdleSeconds / kMinute);
    m_absolute->setValue(settings.sessionAbsoluteSeconds / kMinute);
    m_threshold->setValue(settings.lockoutThreshold);
    m_lockout->setValue(settings.lockoutSeconds / kMinute);
    m_mfa->setChecked(settings.requireMfaForAdmins);
    m_message->hide();
    validate();
}

void TenantSettingsDialog::validate()
{
    const bool wasShown = !m_validation.isEmpty();
    m_validation.clear();
    if (m_absolute->value() < m_idle->value())
        m_validation = tr("The absolute lifetime must be at least the idle timeout (%1).")
                           .arg(minutesText(m_idle->value() * kMinute));
    if (!m_validation.isEmpty())
        showError(m_validation);
    else if (wasShown)
        m_message->hide();
    setWaiting(m_waiting);
}

void TenantSettingsDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    const bool editable = !waiting && !m_readOnly && m_loaded;
    for (QWidget* w : std::initializer_list<QWidget*>{m_idle, m_absolute, m_threshold, m_lockout, m_mfa})
        w->setEnabled(editable);
    m_save->setEnabled(editable && m_validation.isEmpty());
    if (waiting)
        setCursor(Qt::BusyCursor);
    else
        unsetCursor();
}

void TenantSettingsDialog::showError(const QString& message)
{
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setText(message);
    m_message->show();
}

void TenantSettingsDialog::save(const TenantSettings& expected)
{
    if (m_readOnly || !m_loaded || !m_validation.isEmpty())
        return;
    const TenantSettings mine = edited();
    setWaiting(true);
    m_bridge.call(
        this,
        [tenantId = m_tenantId, mine, expected](ControlPlane& cp, const Caller& caller) -> Result<SaveOutcome> {
            auto written = cp.updateTenantSettings(caller, tenantId, mine, expected);
            if (written)
                return SaveOutcome{false, written.value()};
            if (written.error().code != ErrorCode::Stale)
                return written.error();
            // Someone else changed them: what they are now, to show the differences.
            auto theirs = cp.tenantSettings(caller, tenantId);
            if (!theirs)
                return theirs.error();
            return SaveOutcome{true, theirs.value()};
        },
        [this](Result<SaveOutcome> outcome) {
            setWaiting(false);
            if (!outcome) {
                if (!ConsoleBridge::endsSession(outcome.error()))
                    showError(outcome.error().message);
                return;
            }
            if (outcome.value().conflict)
                return showConflict(outcome.value().settings);
            m_base = outcome.value().settings;
            emit saved(m_base);
            accept();
        });
}

void TenantSettingsDialog::showConflict(const TenantSettings& theirs)
{
    auto* conflict = new TenantSettingsConflictDialog(m_base, theirs, edited(), this);
    conflict->setAttribute(Qt::WA_DeleteOnClose);
    connect(conflict, &QDialog::finished, this, [this, theirs](int choice) {
        if (choice == TenantSettingsConflictDialog::Reload)
            showSettings(theirs);
        else if (choice == TenantSettingsConflictDialog::Overwrite)
            save(theirs);
    });
    conflict->open();
}

// --- the conflict -------------------------------------------------------------------------------------------

TenantSettingsConflictDialog::TenantSettingsConflictDialog(const TenantSettings& opened, const TenantSettings& theirs,
                                                           const TenantSettings& mine, QWidget* parent)
    : ConflictDialog(
          TenantSettingsDialog::tr("Someone else changed these settings"),
          TenantSettingsDialog::tr("<b>Someone else changed these settings</b> after you opened them. Keep "
                                   "theirs, or write yours over them?"),
          TenantSettingsDialog::tr("Setting"),
          [&]() {
              const auto failures = [](int n) {
                  return TenantSettingsDialog::tr("%n failure(s)", nullptr, n);
              };
              return QList<ConflictRow>{
                  {TenantSettingsDialog::tr("Idle timeout"), minutesText(opened.sessionIdleSeconds),
                   minutesText(theirs.sessionIdleSeconds), minutesText(mine.sessionIdleSeconds)},
                  {TenantSettingsDialog::tr("Absolute lifetime"), minutesText(opened.sessionAbsoluteSeconds),
                   minutesText(theirs.sessionAbsoluteSeconds), minutesText(mine.sessionAbsoluteSeconds)},
                  {TenantSettingsDialog::tr("Lock after"), failures(opened.lockoutThreshold),
                   failures(theirs.lockoutThreshold), failures(mine.lockoutThreshold)},
                  {TenantSettingsDialog::tr("Lock for"), minutesText(opened.lockoutSeconds),
                   minutesText(theirs.lockoutSeconds), minutesText(mine.lockoutSeconds)},
                  {TenantSettingsDialog::tr("MFA for administrators"), yesNo(opened.requireMfaForAdmins),
                   yesNo(theirs.requireMfaForAdmins), yesNo(mine.requireMfaForAdmins)},
              };
          }(),
          parent)
{
    setObjectName(QStringLiteral("tenantSettingsConflictDialog"));
}

} // namespace gatehouse::ui
