#pragma once

#include "forward/Destination.h"

#include <QDialog>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QFormLayout;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;

namespace gatehouse::ui {

// A forwarding destination, new or changed: the collector (name, host, port, transport, format), how it is pinned (a
// CA's PEM file or its certificate's fingerprint), the name its certificate must carry, an optional client
// certificate and key, and whether it is enabled. The PEM files are read when OK is pressed. Like the other console
// dialogs it calls nothing: it emits submitted() and stays open until the caller calls finish(), or shows the control
// plane's refusal with showError().
class DestinationDialog : public QDialog
{
    Q_OBJECT
public:
    // A new destination of the scope ("Platform", or the tenant's name).
    DestinationDialog(const QString& scopeLabel, QWidget* parent = nullptr);
    // A change to `current` (as the control plane showed it: without its key).
    DestinationDialog(const QString& scopeLabel, const forward::Destination& current, QWidget* parent = nullptr);

    bool isNew() const { return !m_current.has_value(); }
    // What the form says, as a new destination (its CA, certificate and key from the files read on OK).
    forward::Destination destination() const;
    bool fromBeginning() const;
    // What the form says, as a change: every field of the form; a PEM file not chosen keeps what was given before.
    forward::DestinationChange change() const;

    // The files to read on OK (the choosers fill these in; tests set them directly).
    void setCaFile(const QString& path);
    void setClientCertificateFiles(const QString& certificatePath, const QString& keyPath);

    void showError(const QString& message);
    void finish();
    void setWaiting(bool waiting);
    void accept() override;

signals:
    void submitted();

private:
    void build(const QString& scopeLabel);
    void fill(const forward::Destination& d);
    void transportChanged();
    void updateRows();
    QString chooseFile(const QString& title, const QString& filter);
    bool isTls() const;
    bool pinsCa() const;
    // Reads the chosen PEM files; false (and an error shown) when one cannot be read.
    bool readFiles();

    std::optional<forward::Destination> m_current;
    QFormLayout* m_form = nullptr;
    QHBoxLayout* m_caRow = nullptr;
    QHBoxLayout* m_certRow = nullptr;
    QHBoxLayout* m_keyRow = nullptr;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_host = nullptr;
    QSpinBox* m_port = nullptr;
    QComboBox* m_transport = nullptr;
    QComboBox* m_format = nullptr;
    QComboBox* m_pinBy = nullptr;
    QLineEdit* m_caFile = nullptr;
    QPushButton* m_chooseCa = nullptr;
    QLineEdit* m_fingerprint = nullptr;
    QLineEdit* m_serverName = nullptr;
    QCheckBox* m_clientCertificate = nullptr;
    QLineEdit* m_certFile = nullptr;
    QPushButton* m_chooseCert = nullptr;
    QLineEdit* m_keyFile = nullptr;
    QPushButton* m_chooseKey = nullptr;
    QCheckBox* m_enabled = nullptr;
    QCheckBox* m_fromBeginning = nullptr;
    QLabel* m_error = nullptr;
    QDialogButtonBox* m_buttons = nullptr;

    // Read on OK.
    QByteArray m_caPem;
    QByteArray m_certPem;
    std::shared_ptr<const SecureBytes> m_keyPem;
};

} // namespace gatehouse::ui
