#include "SecretInput.h"

#include <QLineEdit>

#include <openssl/crypto.h>

namespace gatehouse::ui {

SecureBytes takeSecret(QString& text)
{
    const QByteArray utf8 = text.toUtf8();
    SecureBytes out(reinterpret_cast<const unsigned char*>(utf8.constData()), static_cast<std::size_t>(utf8.size()));
    // Sole owners of both buffers here: scrubbed in place (data() detaches a shared string first).
    OPENSSL_cleanse(const_cast<char*>(utf8.constData()), static_cast<std::size_t>(utf8.size()));
    OPENSSL_cleanse(text.data(), static_cast<std::size_t>(text.size()) * sizeof(QChar));
    text.clear();
    return out;
}

SecureBytes takeSecret(QLineEdit* edit)
{
    QString text = edit->text();
    // setText, not clear(): it also empties the undo history, which would otherwise keep the typed value.
    edit->setText(QString());
    return takeSecret(text);
}

SecureBytes readSecret(const QLineEdit* edit)
{
    QString text = edit->text();
    return takeSecret(text);
}

} // namespace gatehouse::ui
