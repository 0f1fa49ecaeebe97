#pragma once

#include "KeyCustody.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <functional>
#include <memory>
#include <optional>

namespace gatehouse::keys {

enum class PassphrasePurpose { Create, Unlock };
// Supplies a passphrase (prompt without echo, file, or environment); never argv. Create asks for confirmation.
using PassphraseSource = std::function<Result<SecureBytes>(PassphrasePurpose)>;

// How the caller wants the master key held; what `--key-provider`, `--key-file` and friends say.
struct ProviderOptions
{
    // Unset when opening: the store's own record of its custody decides.
    std::optional<KeyCustody::Kind> kind;
    QString keyFile;
    PassphraseSource passphrase;
    // During a master-key rotation to (or resumed towards) a passphrase: where the new passphrase comes from.
    PassphraseSource nextPassphrase;
};

// Holds a store's 256-bit master key. Gatehouse never writes the master key to disk in clear itself;
// the key file provider writes it only to the file the operator named, with mode 0600.
class MasterKeyProvider
{
public:
    virtual ~MasterKeyProvider() = default;

    static constexpr std::size_t kKeySize = 32;

    // Creates a new master key for store `storeId` and fills in `custody` with what is needed to load it.
    virtual Result<SecureBytes> create(const QString& storeId, KeyCustody& custody) = 0;
    virtual Result<SecureBytes> load(const KeyCustody& custody) = 0;
    // Undoes create() when initialisation fails later, so nothing half-made is left behind.
    virtual void discard(const KeyCustody& custody) = 0;

    static std::unique_ptr<MasterKeyProvider> make(const ProviderOptions& options);
};

} // namespace gatehouse::keys
