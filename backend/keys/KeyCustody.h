#pragma once

#include "core/Result.h"
#include "crypto/Argon2id.h"

#include <QByteArray>
#include <QJsonObject>
#include <QString>

namespace gatehouse::keys {

// Where a store's master key is held, and the non-secret facts needed to get it back. Kept in the data
// directory's store.json beside the store; nothing here is secret.
struct KeyCustody
{
    enum class Kind { Keychain, KeyFile, Passphrase };

    Kind kind = Kind::Keychain;
    QString keyFile;          // KeyFile: absolute path of the key file
    QString keychainService;  // Keychain: the Secret Service item's service name
    QString keychainAccount;  // Keychain: the item's key, one per store
    crypto::Argon2Params kdf; // Passphrase: Argon2id cost
    QByteArray kdfSalt;       // Passphrase: 16 random bytes

    static QString kindName(Kind kind);
    static Result<Kind> parseKind(const QString& name);

    QJsonObject toJson() const;
    static Result<KeyCustody> fromJson(const QJsonObject& json);

    // One line for people: "OS keychain (Secret Service), service Gatehouse, key ...".
    QString describe() const;
};

} // namespace gatehouse::keys
