#include "MasterKeyProvider.h"

#include "KeyFileProvider.h"
#include "KeychainKeyProvider.h"
#include "PassphraseKeyProvider.h"

namespace gatehouse::keys {

std::unique_ptr<MasterKeyProvider> MasterKeyProvider::make(const ProviderOptions& options)
{
    switch (options.kind.value_or(KeyCustody::Kind::Keychain)) {
    case KeyCustody::Kind::Keychain:
        return std::make_unique<KeychainKeyProvider>();
    case KeyCustody::Kind::KeyFile:
        return std::make_unique<KeyFileProvider>(options.keyFile);
    case KeyCustody::Kind::Passphrase:
        return std::make_unique<PassphraseKeyProvider>(options.passphrase);
    }
    return nullptr;
}

} // namespace gatehouse::keys
