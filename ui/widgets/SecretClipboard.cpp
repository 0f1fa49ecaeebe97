#include "SecretClipboard.h"

#include <QClipboard>
#include <QCryptographicHash>
#include <QGuiApplication>
#include <QMimeData>

namespace gatehouse::ui {

namespace {
QByteArray digestOf(const QString& text)
{
    return QCryptographicHash::hash(text.toUtf8(), QCryptographicHash::Sha256);
}
} // namespace

SecretClipboard::SecretClipboard(QObject* parent) : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SecretClipboard::clearNow);
}

SecretClipboard::~SecretClipboard()
{
    clearNow();
}

void SecretClipboard::copy(const QString& text, int clearAfterMs)
{
    auto* mime = new QMimeData;
    mime->setText(text);
    // KDE Klipper and other clipboard managers keep no history of data marked like this.
    mime->setData(QStringLiteral("x-kde-passwordManagerHint"), QByteArrayLiteral("secret"));
    QGuiApplication::clipboard()->setMimeData(mime, QClipboard::Clipboard);
    m_digest = digestOf(text);
    m_timer.start(clearAfterMs);
}

void SecretClipboard::clearNow()
{
    m_timer.stop();
    if (m_digest.isEmpty())
        return;
    QClipboard* clipboard = QGuiApplication::clipboard();
    if (clipboard && digestOf(clipboard->text(QClipboard::Clipboard)) == m_digest)
        clipboard->clear(QClipboard::Clipboard);
    m_digest.clear();
    emit cleared();
}

int SecretClipboard::remainingMs() const
{
    return m_timer.isActive() ? m_timer.remainingTime() : -1;
}

} // namespace gatehouse::ui
