#pragma once

#include <QDialog>

class QComboBox;
class QSpinBox;

namespace gatehouse::ui {

// The console's own settings (kept with QSettings, never a secret): how long without input before the console
// locks, the theme (the system's, light or dark) and the language (the system's or a shipped one).
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(int lockAfterMinutes, QWidget* parent = nullptr);

    int lockAfterMinutes() const;
    // Stores the theme and language chosen (Appearance) and applies the theme at once.
    void applyAppearance() const;

private:
    QSpinBox* m_lockAfter;
    QComboBox* m_theme;
    QComboBox* m_language;
};

} // namespace gatehouse::ui
