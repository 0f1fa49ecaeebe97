#include "PassphraseKeyProvider.h"

#include "crypto/Random.h"

namespace gatehouse::keys {

Result<SecureBytes> PassphraseKeyProvider::create(const QString&, KeyCustody& custody)
{
    if (!m_source)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no passphrase source was given"));
    auto passphrase = m_source(PassphrasePurpose::Create);
    if (!passphrase)
        return passphrase.error();
    // Counted in UTF-8 bytes: a floor against trivially short passphrases, not a composition rule.
    if (static_cast<qsizetype>(passphrase.value().size()) < kMinimumLength)
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("the passphrase is too short: use at least %1 characters (a few random words "
                                        "work well)")
                             .arg(kMinimumLength));
    auto salt = crypto::randomBytes(16);
    if (!salt)
        return salt.error();
    custody = KeyCustody{};
    custody.kind = KeyCustody::Kind::Passphrase;
    custody.kdf = m_params;
    custody.kdfSalt = salt.value();
    return crypto::argon2id(passphrase.value(), custody.kdfSalt, custody.kdf, kKeySize);
}

Result<SecureBytes> PassphraseKeyProvider::load(const KeyCustody& custody)
{
    if (!m_source)
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no passphrase source was given"));
    auto passphrase = m_source(PassphrasePurpose::Unlock);
    if (!passphrase)
        return passphrase.error();
    return crypto::argon2id(passphrase.value(), custody.kdfSalt, custody.kdf, kKeySize);
}

} // namespace gatehouse::keys
