#pragma once

#include "MasterKeyProvider.h"

namespace gatehouse::keys {

// The desktop default: the master key lives in the user's OS keychain (Secret Service on Linux) through
// QtKeychain, one item per store. The insecure plain-text fallback of QtKeychain is switched off.
class KeychainKeyProvider final : public MasterKeyProvider
{
public:
    static constexpr const char* kService = "Gatehouse";

    Result<SecureBytes> create(const QString& storeId, KeyCustody& custody) override;
    Result<SecureBytes> load(const KeyCustody& custody) override;
    void discard(const KeyCustody& custody) override;

    static QString accountFor(const QString& storeId) { return QStringLiteral("master-key/") + storeId; }
};

} // namespace gatehouse::keys
