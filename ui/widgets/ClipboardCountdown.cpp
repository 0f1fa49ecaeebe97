#include "ClipboardCountdown.h"

#include "SecretClipboard.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>

namespace gatehouse::ui {

ClipboardCountdown::ClipboardCountdown(SecretClipboard* clipboard, QWidget* parent)
    : QWidget(parent), m_clipboard(clipboard), m_label(new QLabel(this)), m_clearNow(new QPushButton(this))
{
    setObjectName(QStringLiteral("clipboardCountdown"));
    setAccessibleName(tr("Clipboard"));
    m_label->setObjectName(QStringLiteral("clipboardCountdownLabel"));
    m_clearNow->setObjectName(QStringLiteral("clearClipboardButton"));
    m_clearNow->setText(tr("C&lear now"));
    m_clearNow->setAccessibleName(tr("Clear the clipboard now"));
    m_clearNow->setToolTip(tr("Empty the clipboard now, if it still holds the copied value"));
    auto* layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label, 1);
    layout->addWidget(m_clearNow);
    m_tick.setInterval(250);
    connect(&m_tick, &QTimer::timeout, this, &ClipboardCountdown::update);
    if (m_clipboard) {
        connect(m_clearNow, &QPushButton::clicked, m_clipboard, &SecretClipboard::clearNow);
        connect(m_clipboard, &SecretClipboard::cleared, this, &ClipboardCountdown::update);
    }
    hide();
}

void ClipboardCountdown::track()
{
    update();
}

QString ClipboardCountdown::text() const
{
    return isVisibleTo(parentWidget()) ? m_label->text() : QString();
}

void ClipboardCountdown::update()
{
    const int ms = m_clipboard ? m_clipboard->remainingMs() : -1;
    if (ms < 0) {
        m_tick.stop();
        m_label->clear();
        hide();
        return;
    }
    m_label->setText(tr("Copied. The clipboard clears in %n s.", nullptr, qMax(1, (ms + 500) / 1000)));
    setVisible(true);
    if (!m_tick.isActive())
        m_tick.start();
}

} // namespace gatehouse::ui
