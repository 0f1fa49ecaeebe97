#include "PassphrasePrompt.h"

#include <QInputDialog>
#include <QPointer>

#include <openssl/crypto.h>

namespace gatehouse::ui {

namespace {

Result<SecureBytes> askOnce(QWidget* parent, const QString& label)
{
    QString text;
    {
        QInputDialog dialog(parent);
        dialog.setObjectName(QStringLiteral("passphraseDialog"));
        dialog.setWindowTitle(QObject::tr("Unlock Gatehouse"));
        dialog.setLabelText(label);
        dialog.setTextEchoMode(QLineEdit::Password);
        if (dialog.exec() != QDialog::Accepted)
            return makeError(ErrorCode::InvalidArgument, QObject::tr("no passphrase was entered"));
        text = dialog.textValue();
        dialog.setTextValue(QString());
    }
    const QByteArray utf8 = text.toUtf8();
    SecureBytes out(reinterpret_cast<const unsigned char*>(utf8.constData()), static_cast<std::size_t>(utf8.size()));
    // Sole owners now: scrub in place (no detach happens).
    OPENSSL_cleanse(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    OPENSSL_cleanse(const_cast<char*>(utf8.constData()), static_cast<std::size_t>(utf8.size()));
    return out;
}

} // namespace

keys::PassphraseSource passphrasePrompt(QWidget* parent)
{
    QPointer<QWidget> guard(parent);
    return [guard](keys::PassphrasePurpose purpose) -> Result<SecureBytes> {
        if (purpose == keys::PassphrasePurpose::Unlock)
            return askOnce(guard, QObject::tr("Store passphrase:"));
        auto first = askOnce(guard, QObject::tr("New store passphrase (at least 12 characters):"));
        if (!first)
            return first;
        auto again = askOnce(guard, QObject::tr("Repeat the passphrase:"));
        if (!again)
            return again;
        if (!first.value().equals(again.value()))
            return makeError(ErrorCode::InvalidArgument,
                             QObject::tr("the two passphrases differ; nothing was created"));
        return first;
    };
}

} // namespace gatehouse::ui
