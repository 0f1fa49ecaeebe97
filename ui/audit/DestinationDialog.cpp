#include "DestinationDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

#include <openssl/crypto.h>

namespace gatehouse::ui {

namespace {

constexpr int kTlsPort = 6514;
constexpr int kTcpPort = 514;

// A line with a "Choose…" button beside it.
QHBoxLayout* withButton(QLineEdit* line, QPushButton* button)
{
    auto* row = new QHBoxLayout;
    row->setContentsMargins(0, 0, 0, 0);
    row->addWidget(line, 1);
    row->addWidget(button);
    return row;
}

} // namespace

DestinationDialog::DestinationDialog(const QString& scopeLabel, QWidget* parent) : QDialog(parent)
{
    build(scopeLabel);
    setWindowTitle(tr("New Forwarding Destination"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add"));
    forward::Destination defaults;
    fill(defaults);
}

DestinationDialog::DestinationDialog(const QString& scopeLabel, const forward::Destination& current, QWidget* parent)
    : QDialog(parent), m_current(current)
{
    build(scopeLabel);
    setWindowTitle(tr("Change %1").arg(current.name));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Save"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Save"));
    fill(current);
}

void DestinationDialog::build(const QString& scopeLabel)
{
    setObjectName(QStringLiteral("destinationDialog"));
    auto* intro = new QLabel(isNew() ? tr("A syslog collector (RFC 5424) that receives the audit events of %1. Over "
                                          "TLS, pin the collector with the CA that issued its certificate or with "
                                          "the certificate's fingerprint.")
                                           .arg(scopeLabel)
                                     : tr("It receives the audit events of %1. A change applies from the next "
                                          "connection; the events the collector already took are not sent again.")
                                           .arg(scopeLabel),
                             this);
    intro->setWordWrap(true);

    const auto line = [this](const char* objectName, const QString& accessible, const QString& placeholder) {
        auto* edit = new QLineEdit(this);
        edit->setObjectName(QLatin1String(objectName));
        edit->setAccessibleName(accessible);
        edit->setPlaceholderText(placeholder);
        edit->setMaxLength(4096);
        return edit;
    };
    const auto chooser = [this](const char* objectName, const QString& accessible) {
        auto* button = new QPushButton(tr("Choose…"), this);
        button->setObjectName(QLatin1String(objectName));
        button->setAccessibleName(accessible);
        button->setAutoDefault(false);
        return button;
    };
    m_name = line("destinationName", tr("Name"), tr("siem"));
    m_name->setMaxLength(63);
    m_host = line("destinationHost", tr("Collector host"), tr("collector.example.com"));
    m_port = new QSpinBox(this);
    m_port->setObjectName(QStringLiteral("destinationPort"));
    m_port->setAccessibleName(tr("Port"));
    m_port->setRange(1, 65535);
    m_port->setSizePolicy(QSizePolicy::Fixed, QSizePolicy::Fixed); // a number: as wide as five digits, not the form
    m_transport = new QComboBox(this);
    m_transport->setObjectName(QStringLiteral("destinationTransport"));
    m_transport->setAccessibleName(tr("Transport"));
    m_transport->addItem(tr("TLS (RFC 5425)"), QStringLiteral("tls"));
    m_transport->addItem(tr("Plain TCP, to a relay on this machine only"), QStringLiteral("tcp"));
    m_format = new QComboBox(this);
    m_format->setObjectName(QStringLiteral("destinationFormat"));
    m_format->setAccessibleName(tr("Format"));
    m_format->addItem(tr("JSON"), QStringLiteral("json"));
    m_format->addItem(tr("CEF"), QStringLiteral("cef"));
    m_format->addItem(tr("OCSF"), QStringLiteral("ocsf"));
    m_pinBy = new QComboBox(this);
    m_pinBy->setObjectName(QStringLiteral("destinationPinBy"));
    m_pinBy->setAccessibleName(tr("Pin the collector by"));
    m_pinBy->addItem(tr("The CA that issued its certificate"), QStringLiteral("ca"));
    m_pinBy->addItem(tr("Its certificate's SHA-256 fingerprint"), QStringLiteral("fingerprint"));
    m_caFile = line("destinationCaFile", tr("CA file"), tr("The CA certificate (PEM)"));
    m_chooseCa = chooser("destinationChooseCa", tr("Choose the CA file"));
    m_fingerprint = line("destinationFingerprint", tr("SHA-256 fingerprint"), tr("AB:CD:… (64 hexadecimal digits)"));
    m_fingerprint->setMaxLength(200);
    m_serverName = line("destinationServerName", tr("Server name"), tr("The host"));
    m_serverName->setMaxLength(253);
    m_clientCertificate = new QCheckBox(tr("&Present a client certificate"), this);
    m_clientCertificate->setObjectName(QStringLiteral("destinationClientCertificate"));
    m_clientCertificate->setAccessibleName(tr("Present a client certificate"));
    m_certFile = line("destinationCertFile", tr("Client certificate file"), tr("The client certificate (PEM)"));
    m_chooseCert = chooser("destinationChooseCert", tr("Choose the client certificate file"));
    m_keyFile = line("destinationKeyFile", tr("Client key file"), tr("Its private key (PEM, not encrypted)"));
    m_chooseKey = chooser("destinationChooseKey", tr("Choose the client key file"));
    m_enabled = new QCheckBox(tr("&Enabled: forward events to this collector"), this);
    m_enabled->setObjectName(QStringLiteral("destinationEnabled"));
    m_enabled->setAccessibleName(tr("Enabled"));

    m_form = new QFormLayout;
    QFormLayout* form = m_form;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    const auto row = [this, form](const QString& label, QWidget* buddy, auto* field) {
        auto* l = new QLabel(label, this);
        l->setBuddy(buddy);
        form->addRow(l, field);
    };
    m_caRow = withButton(m_caFile, m_chooseCa);
    m_certRow = withButton(m_certFile, m_chooseCert);
    m_keyRow = withButton(m_keyFile, m_chooseKey);
    row(tr("&Name:"), m_name, m_name);
    row(tr("&Host:"), m_host, m_host);
    row(tr("P&ort:"), m_port, m_port);
    row(tr("&Transport:"), m_transport, m_transport);
    row(tr("&Format:"), m_format, m_format);
    row(tr("P&in by:"), m_pinBy, m_pinBy);
    row(tr("&CA file:"), m_caFile, m_caRow);
    row(tr("Fin&gerprint:"), m_fingerprint, m_fingerprint);
    row(tr("Ser&ver name:"), m_serverName, m_serverName);
    form->addRow(QString(), m_clientCertificate);
    row(tr("Certificate fi&le:"), m_certFile, m_certRow);
    row(tr("&Key file:"), m_keyFile, m_keyRow);
    form->addRow(QString(), m_enabled);
    if (isNew()) {
        m_fromBeginning = new QCheckBox(tr("Send the &whole audit trail, not only the events from now on"), this);
        m_fromBeginning->setObjectName(QStringLiteral("destinationFromBeginning"));
        m_fromBeginning->setAccessibleName(tr("Send the whole audit trail"));
        form->addRow(QString(), m_fromBeginning);
    }

    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &DestinationDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &DestinationDialog::reject);

    connect(m_transport, &QComboBox::currentIndexChanged, this, &DestinationDialog::transportChanged);
    connect(m_pinBy, &QComboBox::currentIndexChanged, this, &DestinationDialog::updateRows);
    connect(m_clientCertificate, &QCheckBox::toggled, this, &DestinationDialog::updateRows);
    connect(m_chooseCa, &QPushButton::clicked, this, [this]() {
        const QString path =
            chooseFile(tr("Choose the Collector's CA"), tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_caFile->setText(path);
    });
    connect(m_chooseCert, &QPushButton::clicked, this, [this]() {
        const QString path =
            chooseFile(tr("Choose the Client Certificate"), tr("PEM certificates (*.pem *.crt *.cer);;All files (*)"));
        if (!path.isEmpty())
            m_certFile->setText(path);
    });
    connect(m_chooseKey, &QPushButton::clicked, this, [this]() {
        const QString path = chooseFile(tr("Choose the Client Key"), tr("PEM keys (*.pem *.key);;All files (*)"));
        if (!path.isEmpty())
            m_keyFile->setText(path);
    });

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(m_buttons);
    setMinimumWidth(600);
}

void DestinationDialog::fill(const forward::Destination& d)
{
    m_name->setText(d.name);
    m_host->setText(d.host);
    m_transport->setCurrentIndex(m_transport->findData(d.transportName()));
    m_port->setValue(d.port);
    m_format->setCurrentIndex(std::max(0, m_format->findData(d.formatName())));
    const bool pinsFingerprint = !d.caSha256.isEmpty() && d.caPem.isEmpty();
    m_pinBy->setCurrentIndex(pinsFingerprint ? 1 : 0);
    m_fingerprint->setText(d.caSha256);
    m_serverName->setText(d.serverName == d.host ? QString() : d.serverName);
    m_clientCertificate->setChecked(!d.clientCertPem.isEmpty());
    m_enabled->setChecked(d.enabled);
    if (!isNew()) {
        // The CA, certificate and key given before stay unless a file replaces them (the key is never shown).
        if (!d.caPem.isEmpty())
            m_caFile->setPlaceholderText(tr("The CA given before (choose a file to replace it)"));
        if (!d.clientCertPem.isEmpty()) {
            m_certFile->setPlaceholderText(tr("The certificate given before (choose a file to replace it)"));
            m_keyFile->setPlaceholderText(tr("The key given before (give one with a new certificate)"));
        }
    }
    updateRows();
}

bool DestinationDialog::isTls() const
{
    return m_transport->currentData().toString() == QLatin1String("tls");
}

bool DestinationDialog::pinsCa() const
{
    return m_pinBy->currentData().toString() == QLatin1String("ca");
}

void DestinationDialog::transportChanged()
{
    // The usual port of the other transport follows the transport; a port typed by hand stays.
    if (isTls() && m_port->value() == kTcpPort)
        m_port->setValue(kTlsPort);
    else if (!isTls() && m_port->value() == kTlsPort)
        m_port->setValue(kTcpPort);
    updateRows();
}

void DestinationDialog::updateRows()
{
    // Plain TCP pins nothing and presents no certificate: only what applies is shown.
    const bool tls = isTls();
    m_form->setRowVisible(m_pinBy, tls);
    m_form->setRowVisible(m_caRow, tls && pinsCa());
    m_form->setRowVisible(m_fingerprint, tls && !pinsCa());
    m_form->setRowVisible(m_serverName, tls);
    m_form->setRowVisible(m_clientCertificate, tls);
    m_form->setRowVisible(m_certRow, tls && m_clientCertificate->isChecked());
    m_form->setRowVisible(m_keyRow, tls && m_clientCertificate->isChecked());
}

QString DestinationDialog::chooseFile(const QString& title, const QString& filter)
{
    return QFileDialog::getOpenFileName(this, title, QString(), filter);
}

void DestinationDialog::setCaFile(const QString& path)
{
    m_pinBy->setCurrentIndex(m_pinBy->findData(QStringLiteral("ca")));
    m_caFile->setText(path);
}

void DestinationDialog::setClientCertificateFiles(const QString& certificatePath, const QString& keyPath)
{
    m_clientCertificate->setChecked(true);
    m_certFile->setText(certificatePath);
    m_keyFile->setText(keyPath);
}

bool DestinationDialog::fromBeginning() const
{
    return m_fromBeginning && m_fromBeginning->isChecked();
}

bool DestinationDialog::readFiles()
{
    m_caPem.clear();
    m_certPem.clear();
    m_keyPem.reset();
    // `cannotRead`: what to say when the file cannot be read (%1: its path).
    const auto read = [this](QLineEdit* field, const QString& cannotRead, QByteArray& out) {
        const QString path = field->text().trimmed();
        if (path.isEmpty())
            return true;
        QFile file(path);
        if (file.size() > 1024 * 1024 || !file.open(QIODevice::ReadOnly)) {
            showError(cannotRead.arg(path));
            field->setFocus();
            return false;
        }
        out = file.readAll();
        return true;
    };
    if (isTls() && pinsCa() && !read(m_caFile, tr("Cannot read the CA file %1: choose a readable PEM file."), m_caPem))
        return false;
    if (isTls() && m_clientCertificate->isChecked()) {
        if (!read(m_certFile, tr("Cannot read the client certificate file %1: choose a readable PEM file."), m_certPem))
            return false;
        QByteArray key;
        if (!read(m_keyFile, tr("Cannot read the client key file %1: choose a readable PEM file."), key))
            return false;
        if (!key.isEmpty()) {
            m_keyPem = std::make_shared<const SecureBytes>(reinterpret_cast<const unsigned char*>(key.constData()),
                                                           std::size_t(key.size()));
            OPENSSL_cleanse(key.data(), std::size_t(key.size()));
        }
    }
    return true;
}

forward::Destination DestinationDialog::destination() const
{
    forward::Destination d;
    const forward::DestinationChange c = change();
    d = forward::applied(d, c);
    return d;
}

forward::DestinationChange DestinationDialog::change() const
{
    forward::DestinationChange c;
    c.name = m_name->text().trimmed();
    c.host = m_host->text().trimmed();
    c.port = m_port->value();
    c.transport = isTls() ? forward::Destination::Transport::Tls : forward::Destination::Transport::Tcp;
    if (auto format = forward::parseFormat(m_format->currentData().toString()))
        c.format = format.value();
    c.enabled = m_enabled->isChecked();
    if (!isTls())
        return c; // the trust anchors and the client certificate stay as they were: plain TCP does not use them
    c.serverName = m_serverName->text().trimmed();
    if (pinsCa()) {
        c.caSha256 = QString();
        if (!m_caPem.isEmpty() || isNew())
            c.caPem = m_caPem;
    } else {
        c.caPem = QByteArray();
        c.caSha256 = m_fingerprint->text().trimmed();
    }
    if (!m_clientCertificate->isChecked()) {
        c.clientCertPem = QByteArray();
    } else {
        if (!m_certPem.isEmpty())
            c.clientCertPem = m_certPem;
        c.clientKeyPem = m_keyPem;
    }
    return c;
}

void DestinationDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void DestinationDialog::finish()
{
    QDialog::accept();
}

void DestinationDialog::setWaiting(bool waiting)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting);
}

void DestinationDialog::accept()
{
    if (m_name->text().trimmed().isEmpty()) {
        showError(tr("Give the destination a name (lower-case letters, digits and dashes)."));
        m_name->setFocus();
        return;
    }
    if (m_host->text().trimmed().isEmpty()) {
        showError(tr("Give the collector's host name or address."));
        m_host->setFocus();
        return;
    }
    if (!readFiles())
        return;
    showError({});
    emit submitted();
}

} // namespace gatehouse::ui
