#include "SecretDialog.h"

#include "widgets/SecretInput.h"

#include <QCheckBox>
#include <QDateEdit>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse::ui {

SecretDialog::SecretDialog(Purpose purpose, const secrets::Secret& secret, QWidget* parent)
    : QDialog(parent), m_purpose(purpose), m_value(new QLineEdit(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("secretDialog"));
    auto* form = new QFormLayout;
    const auto row = [this, form](const QString& label, QWidget* field, const char* name, const QString& accessible) {
        field->setObjectName(QLatin1String(name));
        field->setAccessibleName(accessible);
        auto* l = new QLabel(label, this);
        l->setBuddy(field);
        form->addRow(l, field);
    };
    if (purpose == Purpose::Create) {
        setWindowTitle(tr("New secret"));
        m_name = new QLineEdit(this);
        m_name->setPlaceholderText(tr("For example db/prod/password"));
        row(tr("&Name:"), m_name, "secretNameEdit", tr("Name"));
        m_description = new QLineEdit(this);
        row(tr("&Description:"), m_description, "secretDescriptionEdit", tr("Description"));
        m_tags = new QLineEdit(this);
        m_tags->setPlaceholderText(tr("Comma-separated: database, production"));
        row(tr("&Tags:"), m_tags, "secretTagsEdit", tr("Tags"));
        m_rotation = new QSpinBox(this);
        m_rotation->setRange(0, 3650);
        m_rotation->setSuffix(tr(" days"));
        m_rotation->setSpecialValueText(tr("No rotation period"));
        row(tr("&Rotate every:"), m_rotation, "secretRotationSpin", tr("Rotation period in days"));
        m_expires = new QCheckBox(tr("E&xpires on"), this);
        m_expires->setObjectName(QStringLiteral("secretExpiresCheck"));
        m_expires->setAccessibleName(tr("The secret expires"));
        m_expiry = new QDateEdit(QDate::currentDate().addYears(1), this);
        m_expiry->setObjectName(QStringLiteral("secretExpiryEdit"));
        m_expiry->setAccessibleName(tr("Expiry date"));
        m_expiry->setCalendarPopup(true);
        m_expiry->setMinimumDate(QDate::currentDate());
        m_expiry->setEnabled(false);
        connect(m_expires, &QCheckBox::toggled, m_expiry, &QDateEdit::setEnabled);
        auto* expiry = new QHBoxLayout;
        expiry->addWidget(m_expires);
        expiry->addWidget(m_expiry, 1);
        form->addRow(QString(), expiry);
    } else {
        setWindowTitle(tr("New version of %1").arg(secret.name));
    }
    m_value->setEchoMode(QLineEdit::Password);
    m_value->setContextMenuPolicy(Qt::NoContextMenu);
    auto* showBox = new QCheckBox(tr("Sh&ow the value"), this);
    showBox->setObjectName(QStringLiteral("showValueCheck"));
    showBox->setAccessibleName(tr("Show the value while typing"));
    connect(showBox, &QCheckBox::toggled, this,
            [this](bool on) { m_value->setEchoMode(on ? QLineEdit::Normal : QLineEdit::Password); });
    row(purpose == Purpose::Create ? tr("&Value:") : tr("New &value:"), m_value, "secretValueInput",
        tr("Secret value"));
    form->addRow(QString(), showBox);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SecretDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SecretDialog::reject);

    auto* layout = new QVBoxLayout(this);
    if (purpose == Purpose::NewVersion) {
        auto* note = new QLabel(tr("The new value becomes the current version; the earlier versions are kept up to "
                                   "the secret's limit, and can be restored."),
                                this);
        note->setWordWrap(true);
        layout->addWidget(note);
    }
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
}

QString SecretDialog::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

QString SecretDialog::description() const
{
    return m_description ? m_description->text().trimmed() : QString();
}

QStringList SecretDialog::tags() const
{
    QStringList out;
    if (!m_tags)
        return out;
    for (const QString& tag : m_tags->text().split(QLatin1Char(','), Qt::SkipEmptyParts)) {
        const QString t = tag.trimmed();
        if (!t.isEmpty() && !out.contains(t))
            out.append(t);
    }
    return out;
}

int SecretDialog::rotationDays() const
{
    return m_rotation ? m_rotation->value() : 0;
}

qint64 SecretDialog::expiresAtMs() const
{
    if (!m_expires || !m_expires->isChecked())
        return 0;
    return QDateTime(m_expiry->date(), QTime(23, 59, 59)).toMSecsSinceEpoch();
}

SecureBytes SecretDialog::takeValue()
{
    SecureBytes value = takeSecret(m_value);
    // clear() is an undoable edit; setText() drops the undo history, and the typed value with it.
    m_value->setText(QString());
    return value;
}

void SecretDialog::accept()
{
    if (m_name && m_name->text().trimmed().isEmpty()) {
        showError(tr("Enter a name, such as db/prod/password."));
        m_name->setFocus();
        return;
    }
    if (m_value->text().isEmpty()) {
        showError(tr("Enter the value to store."));
        m_value->setFocus();
        return;
    }
    showError({});
    emit submitted();
}

void SecretDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SecretDialog::finish()
{
    QDialog::accept();
}

void SecretDialog::setWaiting(bool waiting)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting);
}

} // namespace gatehouse::ui
