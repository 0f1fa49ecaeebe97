#include "SecretValueField.h"

#include <QEvent>
#include <QFontDatabase>
#include <QHBoxLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QToolButton>

#include <openssl/crypto.h>

namespace gatehouse::ui {

namespace {

// Twelve dots, whatever the value's length.
const QString kMask = QString(12, QChar(0x2022));

} // namespace

SecretValueField::SecretValueField(QWidget* parent)
    : QWidget(parent), m_edit(new QLineEdit(this)), m_show(new QToolButton(this)), m_countdown(new QLabel(this))
{
    setObjectName(QStringLiteral("secretValueField"));
    m_edit->setObjectName(QStringLiteral("secretValueEdit"));
    // The name a screen reader says; it never reads the value as the name.
    m_edit->setAccessibleName(tr("Secret value"));
    // Read-only and only ever set with setText(), which drops the undo history: no undo step holds the value.
    m_edit->setReadOnly(true);
    m_edit->setDragEnabled(false);
    m_edit->setContextMenuPolicy(Qt::NoContextMenu);
    m_edit->setFont(QFontDatabase::systemFont(QFontDatabase::FixedFont));
    m_edit->installEventFilter(this);

    m_show->setObjectName(QStringLiteral("showSecretButton"));
    m_show->setText(tr("&Show"));
    m_show->setAccessibleName(tr("Show the value"));
    m_show->setToolTip(tr("Show or hide the value (Alt+S)"));
    m_show->setCheckable(true);
    m_show->setEnabled(false);
    connect(m_show, &QToolButton::toggled, this, &SecretValueField::setShown);

    m_countdown->setObjectName(QStringLiteral("secretValueCountdown"));
    m_countdown->setAccessibleName(tr("Time until the value is cleared"));
    m_countdown->setToolTip(tr("The value is removed from this window then"));

    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_show);
    layout->addWidget(m_countdown);

    m_clear.setSingleShot(true);
    m_clear.setTimerType(Qt::PreciseTimer); // the countdown shows its remaining time
    connect(&m_clear, &QTimer::timeout, this, &SecretValueField::clear);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &SecretValueField::updateCountdown);
}

SecretValueField::~SecretValueField()
{
    clear();
}

void SecretValueField::setValue(SecureBytes value, int clearAfterMs)
{
    clear();
    m_value = std::move(value);
    m_edit->setText(kMask);
    m_show->setEnabled(true);
    m_clear.start(clearAfterMs);
    m_tick.start();
    updateCountdown();
}

QString SecretValueField::valueText() const
{
    if (m_value.isEmpty())
        return {};
    return QString::fromUtf8(reinterpret_cast<const char*>(m_value.data()), qsizetype(m_value.size()));
}

void SecretValueField::setShown(bool shown)
{
    if (shown && m_value.isEmpty())
        shown = false;
    if (m_show->isChecked() != shown) {
        const QSignalBlocker block(m_show);
        m_show->setChecked(shown);
    }
    m_show->setText(shown ? tr("&Hide") : tr("&Show"));
    m_show->setAccessibleName(shown ? tr("Hide the value") : tr("Show the value"));
    if (m_value.isEmpty())
        return;
    if (shown) {
        QString text = valueText();
        m_edit->setText(text);
        OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
    } else {
        m_edit->setText(kMask);
    }
}

bool SecretValueField::isShown() const
{
    return m_show->isChecked();
}

int SecretValueField::remainingMs() const
{
    return m_clear.isActive() ? m_clear.remainingTime() : -1;
}

void SecretValueField::clear()
{
    const bool had = !m_value.isEmpty();
    m_clear.stop();
    m_tick.stop();
    m_value = SecureBytes();
    setShown(false);
    m_edit->clear();
    m_show->setEnabled(false);
    m_countdown->clear();
    if (had)
        emit cleared();
}

void SecretValueField::updateCountdown()
{
    const int ms = remainingMs();
    m_countdown->setText(ms < 0 ? QString() : tr("Removed in %n s", nullptr, qMax(1, (ms + 500) / 1000)));
}

bool SecretValueField::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_edit && (event->type() == QEvent::ShortcutOverride || event->type() == QEvent::KeyPress)) {
        auto* key = static_cast<QKeyEvent*>(event);
        if (key->matches(QKeySequence::Copy) || key->matches(QKeySequence::Cut)) {
            // Never a plain copy: the owner copies marked for clipboard managers, and clears it on a timer.
            event->accept();
            if (event->type() == QEvent::KeyPress && hasValue())
                emit copyRequested();
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace gatehouse::ui
