#include "IntegrationDialog.h"

#include <QCryptographicHash>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRegularExpression>
#include <QSslCertificate>
#include <QVBoxLayout>

namespace gatehouse::ui {

IntegrationDialog::IntegrationDialog(Purpose purpose, const QString& integrationName, QWidget* parent)
    : QDialog(parent), m_purpose(purpose), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("integrationDialog"));
    auto* form = new QFormLayout;
    auto* intro = new QLabel(this);
    intro->setWordWrap(true);
    if (purpose == Purpose::Create) {
        setWindowTitle(tr("New Integration"));
        intro->setText(tr("An integration is a program that acts through the API with tokens you issue to it. It "
                          "can do nothing until you grant it a role in Roles & Access."));
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("integrationNameEdit"));
        m_name->setAccessibleName(tr("Name"));
        m_name->setPlaceholderText(tr("deploy-bot"));
        m_name->setMaxLength(100);
        m_description = new QLineEdit(this);
        m_description->setObjectName(QStringLiteral("integrationDescriptionEdit"));
        m_description->setAccessibleName(tr("Description"));
        m_description->setPlaceholderText(tr("What it is for, who runs it"));
        m_description->setMaxLength(500);
        auto* nameLabel = new QLabel(tr("&Name:"), this);
        nameLabel->setBuddy(m_name);
        auto* descriptionLabel = new QLabel(tr("&Description:"), this);
        descriptionLabel->setBuddy(m_description);
        form->addRow(nameLabel, m_name);
        form->addRow(descriptionLabel, m_description);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("C&reate"));
    } else {
        setWindowTitle(tr("Bind %1 to a Client Certificate").arg(integrationName));
        intro->setText(tr("Once bound, the tokens of %1 work only over a mutual-TLS connection that presents this "
                          "certificate. Paste its SHA-256 fingerprint, or choose the certificate's PEM file.")
                           .arg(integrationName));
        m_fingerprint = new QLineEdit(this);
        m_fingerprint->setObjectName(QStringLiteral("fingerprintEdit"));
        m_fingerprint->setAccessibleName(tr("SHA-256 fingerprint"));
        m_fingerprint->setPlaceholderText(tr("AB:CD:… (64 hexadecimal digits)"));
        m_fingerprint->setMaxLength(200);
        m_chooseFile = new QPushButton(tr("&Choose PEM File…"), this);
        m_chooseFile->setObjectName(QStringLiteral("chooseCertificateButton"));
        m_chooseFile->setAccessibleName(tr("Choose a PEM certificate file"));
        m_chooseFile->setAutoDefault(false);
        connect(m_chooseFile, &QPushButton::clicked, this, &IntegrationDialog::chooseCertificateFile);
        auto* row = new QHBoxLayout;
        row->addWidget(m_fingerprint, 1);
        row->addWidget(m_chooseFile);
        auto* label = new QLabel(tr("&SHA-256:"), this);
        label->setBuddy(m_fingerprint);
        form->addRow(label, row);
        m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Bind"));
    }
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)
        ->setAccessibleName(m_buttons->button(QDialogButtonBox::Ok)->text().remove(QLatin1Char('&')));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &IntegrationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &IntegrationDialog::reject);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);
}

QString IntegrationDialog::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

QString IntegrationDialog::description() const
{
    return m_description ? m_description->text().trimmed() : QString();
}

QString IntegrationDialog::sha256() const
{
    return m_fingerprint ? normalizedSha256(m_fingerprint->text()) : QString();
}

QString IntegrationDialog::normalizedSha256(const QString& text)
{
    QString hex = text;
    hex.remove(QRegularExpression(QStringLiteral("[\\s:]")));
    static const QRegularExpression sha256(QStringLiteral("^[0-9a-fA-F]{64}$"));
    return sha256.match(hex).hasMatch() ? hex.toLower() : QString();
}

bool IntegrationDialog::loadCertificateFile(const QString& path)
{
    const QList<QSslCertificate> certificates = QSslCertificate::fromPath(path, QSsl::Pem);
    if (certificates.isEmpty() || certificates.first().isNull()) {
        showError(tr("%1 holds no PEM certificate. Choose the client certificate (-----BEGIN CERTIFICATE-----), "
                     "not its key.")
                      .arg(path));
        return false;
    }
    if (m_fingerprint)
        m_fingerprint->setText(QString::fromLatin1(certificates.first().digest(QCryptographicHash::Sha256).toHex()));
    showError({});
    return true;
}

void IntegrationDialog::chooseCertificateFile()
{
    const QString path = QFileDialog::getOpenFileName(this, tr("Choose the Client Certificate"), QString(),
                                                      tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
    if (!path.isEmpty())
        loadCertificateFile(path);
}

void IntegrationDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void IntegrationDialog::finish()
{
    QDialog::accept();
}

void IntegrationDialog::setWaiting(bool waiting)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting);
}

void IntegrationDialog::accept()
{
    if (m_purpose == Purpose::Create && name().isEmpty()) {
        showError(tr("Give the integration a name."));
        m_name->setFocus();
        return;
    }
    if (m_purpose == Purpose::BindCertificate && sha256().isEmpty()) {
        showError(tr("A SHA-256 fingerprint is 64 hexadecimal digits (colons allowed). Paste it again, or choose "
                     "the certificate's PEM file."));
        m_fingerprint->setFocus();
        return;
    }
    showError({});
    emit submitted();
}

} // namespace gatehouse::ui
