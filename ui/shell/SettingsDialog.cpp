#include "SettingsDialog.h"

#include "Appearance.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>

namespace gatehouse::ui {

SettingsDialog::SettingsDialog(int lockAfterMinutes, QWidget* parent)
    : QDialog(parent), m_lockAfter(new QSpinBox(this)), m_theme(new QComboBox(this)), m_language(new QComboBox(this))
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
    m_theme->setObjectName(QStringLiteral("themeCombo"));
    m_theme->setAccessibleName(tr("Theme"));
    m_theme->addItem(tr("As the system"), int(Appearance::Theme::System));
    m_theme->addItem(tr("Light"), int(Appearance::Theme::Light));
    m_theme->addItem(tr("Dark"), int(Appearance::Theme::Dark));
    m_theme->setCurrentIndex(m_theme->findData(int(Appearance::theme())));
    auto* themeLabel = new QLabel(tr("&Theme:"), this);
    themeLabel->setBuddy(m_theme);
    form->addRow(themeLabel, m_theme);
    m_language->setObjectName(QStringLiteral("languageCombo"));
    m_language->setAccessibleName(tr("Language"));
    m_language->addItem(tr("As the system"), QString());
    for (const QString& code : Appearance::languages())
        m_language->addItem(Appearance::languageName(code), code);
    m_language->setCurrentIndex(qMax(0, m_language->findData(Appearance::language())));
    auto* languageLabel = new QLabel(tr("Lan&guage:"), this);
    languageLabel->setBuddy(m_language);
    form->addRow(languageLabel, m_language);
    auto* note = new QLabel(tr("Without keyboard or mouse input for this long, the console locks and asks for your "
                               "password again. It also locks with the screen. A new language applies at the next "
                               "start."),
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

void SettingsDialog::applyAppearance() const
{
    const auto theme = Appearance::Theme(m_theme->currentData().toInt());
    Appearance::setLanguage(m_language->currentData().toString());
    if (theme != Appearance::theme()) {
        Appearance::setTheme(theme);
        if (auto* app = qobject_cast<QApplication*>(QCoreApplication::instance()))
            Appearance::apply(*app, theme);
    }
}

} // namespace gatehouse::ui
