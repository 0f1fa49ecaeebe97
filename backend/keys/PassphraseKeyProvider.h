#pragma once

#include "MasterKeyProvider.h"

namespace gatehouse::keys {

// For machines without a keychain: the master key is derived from a passphrase with Argon2id. The salt and
// cost parameters are stored beside the store (they are not secret); the passphrase never is.
class PassphraseKeyProvider final : public MasterKeyProvider
{
public:
    explicit PassphraseKeyProvider(PassphraseSource source,
                                   crypto::Argon2Params params = crypto::Argon2Params::defaults())
        : m_source(std::move(source)), m_params(params)
    {}

    static constexpr qsizetype kMinimumLength = 12;

    Result<SecureBytes> create(const QString& storeId, KeyCustody& custody) override;
    Result<SecureBytes> load(const KeyCustody& custody) override;
    void discard(const KeyCustody&) override {}

private:
    PassphraseSource m_source;
    crypto::Argon2Params m_params;
};

} // namespace gatehouse::keys
