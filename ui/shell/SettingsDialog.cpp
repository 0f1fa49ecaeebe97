#include "SettingsDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse::ui {

SettingsDialog::SettingsDialog(int lockAfterMinutes, QWidget* parent) : QDialog(parent), m_lockAfter(new QSpinBox(this))
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(tr("Console settings"));
    m_lockAfter->setObjectName(QStringLiteral("lockAfterSpin"));
    m_lockAfter->setAccessibleName(tr("Lock after minutes without activity"));
    m_lockAfter->setRange(0, 24 * 60);
    m_lockAfter->setSuffix(tr(" min"));
    m_lockAfter->setSpecialValueText(tr("Never"));
    m_lockAfter->setValue(lockAfterMinutes);
    auto* label = new QLabel(tr("&Lock after:"), this);
    label->setBuddy(m_lockAfter);
    auto* form = new QFormLayout;
    form->addRow(label, m_lockAfter);
    auto* note = new QLabel(tr("Without keyboard or mouse input for this long, the console locks and asks for your "
                               "password again. It also locks with the screen."),
                            this);
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->setObjectName(QStringLiteral("buttons"));
    buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(buttons);
    setMinimumWidth(360);
}

int SettingsDialog::lockAfterMinutes() const
{
    return m_lockAfter->value();
}

} // namespace gatehouse::ui
