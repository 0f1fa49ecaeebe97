#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace gatehouse::ui {

// How hard a passphrase is to guess, estimated with zxcvbn (dictionary words, names, keyboard patterns, dates and
// repeats count for little), shown as a bar and a word; the estimate in bits is in the tooltip.
class PasswordStrengthMeter : public QWidget
{
    Q_OBJECT
public:
    enum class Strength { Empty, Weak, Fair, Good, Excellent };
    Q_ENUM(Strength)

    explicit PasswordStrengthMeter(QWidget* parent = nullptr);

    // Estimates `text`; the copies made for the estimate are scrubbed. `context` (a username, a product name)
    // counts as already known to an attacker.
    void estimate(const QString& text, const QStringList& context = {});
    Strength strength() const { return m_strength; }
    double bits() const { return m_bits; }

    static Strength classify(double bits);
    static double entropyBits(const QString& text, const QStringList& context = {});

private:
    QProgressBar* m_bar;
    QLabel* m_label;
    Strength m_strength = Strength::Empty;
    double m_bits = 0;
};

} // namespace gatehouse::ui
