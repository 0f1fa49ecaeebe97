#pragma once

#include <QDialog>

class QSpinBox;

namespace gatehouse::ui {

// The console's own settings (kept with QSettings, never a secret): for now, how long without input before the
// console locks.
class SettingsDialog : public QDialog
{
    Q_OBJECT
public:
    explicit SettingsDialog(int lockAfterMinutes, QWidget* parent = nullptr);

    int lockAfterMinutes() const;

private:
    QSpinBox* m_lockAfter;
};

} // namespace gatehouse::ui
