#include "SecretText.h"

#include <QLineEdit>

#include <openssl/crypto.h>

namespace gatehouse::ui {

SecureBytes readSecret(const QLineEdit* edit)
{
    QString text = edit->text();
    QByteArray utf8 = text.toUtf8();
    SecureBytes out(reinterpret_cast<const unsigned char*>(utf8.constData()), std::size_t(utf8.size()));
    OPENSSL_cleanse(text.data(), std::size_t(text.size()) * sizeof(QChar));
    OPENSSL_cleanse(utf8.data(), std::size_t(utf8.size()));
    return out;
}

SecureBytes takeSecret(QLineEdit* edit)
{
    SecureBytes out = readSecret(edit);
    // setText, not clear(): it also empties the undo history, which would otherwise keep the typed value.
    edit->setText(QString());
    return out;
}

} // namespace gatehouse::ui
