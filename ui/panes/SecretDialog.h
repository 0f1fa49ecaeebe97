#pragma once

#include "core/SecureBytes.h"
#include "secrets/Secret.h"

#include <QDialog>

class QCheckBox;
class QDateEdit;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QSpinBox;

namespace gatehouse::ui {

// A new secret (name, description, tags, rotation period, expiry and its first value), or a new value for an
// existing one. Like the other dialogs of the console it calls nothing: it emits submitted() and stays open
// until the pane calls finish(), or shows the control plane's refusal with showError().
class SecretDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Create, NewVersion };

    SecretDialog(Purpose purpose, const secrets::Secret& secret, QWidget* parent = nullptr);

    Purpose purpose() const { return m_purpose; }
    QString name() const;
    QString description() const;
    QStringList tags() const;
    int rotationDays() const;
    // 0: does not expire; else the end of the chosen day, local time.
    qint64 expiresAtMs() const;
    // The value typed; the field is emptied and the temporary copies are scrubbed.
    SecureBytes takeValue();

    void showError(const QString& message);
    void finish();
    void setWaiting(bool waiting);

    void accept() override;

signals:
    void submitted();

private:
    Purpose m_purpose;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QLineEdit* m_tags = nullptr;
    QSpinBox* m_rotation = nullptr;
    QCheckBox* m_expires = nullptr;
    QDateEdit* m_expiry = nullptr;
    QLineEdit* m_value;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
