#include "PasswordStrengthMeter.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

#include <openssl/crypto.h>
#include <zxcvbn.h>

#include <vector>

namespace gatehouse::ui {

PasswordStrengthMeter::PasswordStrengthMeter(QWidget* parent)
    : QWidget(parent), m_bar(new QProgressBar(this)), m_label(new QLabel(this))
{
    m_bar->setObjectName(QStringLiteral("strengthBar"));
    m_bar->setRange(0, 128);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(8);
    m_bar->setAccessibleName(tr("Passphrase strength"));
    m_label->setObjectName(QStringLiteral("strengthLabel"));
    m_label->setMinimumWidth(m_label->fontMetrics().horizontalAdvance(QStringLiteral("Excellent (128 bits)")));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar, 1);
    layout->addWidget(m_label);
    estimate({});
}

double PasswordStrengthMeter::entropyBits(const QString& text, const QStringList& context)
{
    if (text.isEmpty())
        return 0;
    QByteArray utf8 = text.toUtf8();
    std::vector<QByteArray> words;
    std::vector<const char*> dictionary;
    for (const QString& c : context) {
        if (!c.isEmpty())
            words.push_back(c.toUtf8());
    }
    for (const QByteArray& w : words)
        dictionary.push_back(w.constData());
    dictionary.push_back(nullptr);
    const double bits = ZxcvbnMatch(utf8.constData(), dictionary.data(), nullptr);
    OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
    return bits;
}

PasswordStrengthMeter::Strength PasswordStrengthMeter::classify(double bits)
{
    // Thresholds after KeePassXC's: below 40 bits falls to an offline attack in hours.
    if (bits <= 0)
        return Strength::Empty;
    if (bits < 40)
        return Strength::Weak;
    if (bits < 65)
        return Strength::Fair;
    if (bits < 100)
        return Strength::Good;
    return Strength::Excellent;
}

void PasswordStrengthMeter::estimate(const QString& text, const QStringList& context)
{
    m_bits = entropyBits(text, context);
    m_strength = classify(m_bits);
    QString word;
    QString colour;
    switch (m_strength) {
    case Strength::Empty:
        word = QString();
        break;
    case Strength::Weak:
        word = tr("Weak");
        colour = QStringLiteral("#c62828");
        break;
    case Strength::Fair:
        word = tr("Fair");
        colour = QStringLiteral("#ef6c00");
        break;
    case Strength::Good:
        word = tr("Good");
        colour = QStringLiteral("#2e7d32");
        break;
    case Strength::Excellent:
        word = tr("Excellent");
        colour = QStringLiteral("#1565c0");
        break;
    }
    m_bar->setValue(int(qMin(m_bits, 128.0)));
    m_bar->setStyleSheet(colour.isEmpty() ? QString()
                                          : QStringLiteral("QProgressBar::chunk { background: %1; }").arg(colour));
    m_label->setText(word.isEmpty() ? QString() : tr("%1 (%2 bits)").arg(word).arg(int(m_bits)));
    const QString description = word.isEmpty() ? tr("No passphrase yet") : tr("Estimated strength: %1").arg(word);
    m_bar->setAccessibleDescription(description);
    setToolTip(description);
}

} // namespace gatehouse::ui
