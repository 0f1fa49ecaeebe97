#pragma once

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;

namespace gatehouse::ui {

// A new integration (name and description), or the client certificate an integration's tokens are bound to
// (a SHA-256 fingerprint pasted, or computed from a PEM file). Like the other console dialogs it calls
// nothing: it emits submitted() and stays open until the pane calls finish(), or shows the control plane's
// refusal with showError().
class IntegrationDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Create, BindCertificate };
    IntegrationDialog(Purpose purpose, const QString& integrationName, QWidget* parent = nullptr);

    Purpose purpose() const { return m_purpose; }
    QString name() const;
    QString description() const;
    // The fingerprint typed or computed, as lower-case hex without separators; empty when it is not one.
    QString sha256() const;
    // Reads a PEM certificate and puts its SHA-256 into the fingerprint field; false (and an error shown)
    // when the file holds no certificate.
    bool loadCertificateFile(const QString& path);
    // "AB:CD:…" or "abcd…" (spaces and colons ignored) to 64 lower-case hex digits; empty when not a SHA-256.
    static QString normalizedSha256(const QString& text);

    void showError(const QString& message);
    void finish();
    void setWaiting(bool waiting);
    void accept() override;

signals:
    void submitted();

private:
    void chooseCertificateFile();

    Purpose m_purpose;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description = nullptr;
    QLineEdit* m_fingerprint = nullptr;
    QPushButton* m_chooseFile = nullptr;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
