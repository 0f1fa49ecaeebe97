#pragma once

#include "MasterKeyProvider.h"

namespace gatehouse::keys {

// The master key in a file of its own (servers, containers, configuration management): 64 hex digits,
// mode 0600. A key file that group or others can read or write is refused, never silently "fixed": the
// key may already have been copied, and the operator has to decide.
class KeyFileProvider final : public MasterKeyProvider
{
public:
    explicit KeyFileProvider(QString keyFile) : m_keyFile(std::move(keyFile)) {}

    Result<SecureBytes> create(const QString& storeId, KeyCustody& custody) override;
    Result<SecureBytes> load(const KeyCustody& custody) override;
    void discard(const KeyCustody& custody) override;

    static Result<SecureBytes> readKeyFile(const QString& path);

private:
    QString m_keyFile; // overrides the recorded path when set (a moved key file)
    bool m_created = false;
};

} // namespace gatehouse::keys
