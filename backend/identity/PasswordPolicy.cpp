#include "PasswordPolicy.h"

#include <QFile>
#include <QSet>

namespace gatehouse::identity {

namespace {

const QSet<QString>& commonPasswords()
{
    static const QSet<QString> list = [] {
        QSet<QString> out;
        QFile file(QStringLiteral(":/passwords/common-passwords.txt"));
        if (!file.open(QIODevice::ReadOnly))
            qFatal("the bundled common-password list is missing from the build");
        while (!file.atEnd()) {
            const QString line = QString::fromUtf8(file.readLine()).trimmed();
            if (!line.isEmpty() && !line.startsWith(QLatin1Char('#')))
                out.insert(line.toLower());
        }
        return out;
    }();
    return list;
}

} // namespace

Result<void> PasswordPolicy::check(const SecureBytes& password, const QString& username)
{
    // Decoded only for counting and comparing; the QString is scrubbed before it goes.
    QString text = QString::fromUtf8(password.chars(), static_cast<qsizetype>(password.size()));
    auto scrub = [&text] {
        std::fill(text.begin(), text.end(), QChar(u'\0'));
    };
    const qsizetype length = text.toUcs4().size();
    Result<void> verdict;
    if (length < kMinLength)
        verdict = makeError(ErrorCode::InvalidArgument,
                            QStringLiteral("the password is too short: use at least %1 characters (a few unrelated "
                                           "words make a good one)")
                                .arg(kMinLength));
    else if (length > kMaxLength)
        verdict = makeError(ErrorCode::InvalidArgument,
                            QStringLiteral("the password is too long: use at most %1 characters").arg(kMaxLength));
    else if (!username.isEmpty() && text.contains(username, Qt::CaseInsensitive) && username.size() >= 3)
        verdict = makeError(ErrorCode::InvalidArgument,
                            QStringLiteral("the password must not contain the username; choose another"));
    else if (commonPasswords().contains(text.toLower()))
        verdict = makeError(ErrorCode::InvalidArgument,
                            QStringLiteral("this password is on the list of commonly used passwords; choose another"));
    scrub();
    return verdict;
}

} // namespace gatehouse::identity
