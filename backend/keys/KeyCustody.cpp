#include "KeyCustody.h"

#include <QJsonValue>

namespace gatehouse::keys {

QString KeyCustody::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Keychain:
        return QStringLiteral("keychain");
    case Kind::KeyFile:
        return QStringLiteral("file");
    case Kind::Passphrase:
        return QStringLiteral("passphrase");
    }
    return {};
}

Result<KeyCustody::Kind> KeyCustody::parseKind(const QString& name)
{
    for (Kind k : {Kind::Keychain, Kind::KeyFile, Kind::Passphrase}) {
        if (name == kindName(k))
            return k;
    }
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("unknown key provider '%1': use keychain, file or passphrase").arg(name));
}

QJsonObject KeyCustody::toJson() const
{
    QJsonObject o{{QStringLiteral("provider"), kindName(kind)}};
    switch (kind) {
    case Kind::Keychain:
        o.insert(QStringLiteral("service"), keychainService);
        o.insert(QStringLiteral("account"), keychainAccount);
        break;
    case Kind::KeyFile:
        o.insert(QStringLiteral("key_file"), keyFile);
        break;
    case Kind::Passphrase:
        o.insert(QStringLiteral("kdf"), QStringLiteral("argon2id"));
        o.insert(QStringLiteral("memory_kib"), qint64(kdf.memoryKiB));
        o.insert(QStringLiteral("iterations"), qint64(kdf.iterations));
        o.insert(QStringLiteral("parallelism"), qint64(kdf.parallelism));
        o.insert(QStringLiteral("salt"), QString::fromLatin1(kdfSalt.toBase64()));
        break;
    }
    return o;
}

Result<KeyCustody> KeyCustody::fromJson(const QJsonObject& json)
{
    auto kind = parseKind(json.value(QStringLiteral("provider")).toString());
    if (!kind)
        return kind.error();
    KeyCustody c;
    c.kind = kind.value();
    auto bad = [](const QString& what) {
        return makeError(ErrorCode::NotAStore, what);
    };
    switch (c.kind) {
    case Kind::Keychain:
        c.keychainService = json.value(QStringLiteral("service")).toString();
        c.keychainAccount = json.value(QStringLiteral("account")).toString();
        if (c.keychainService.isEmpty() || c.keychainAccount.isEmpty())
            return bad(QStringLiteral("the keychain entry is not named"));
        break;
    case Kind::KeyFile:
        c.keyFile = json.value(QStringLiteral("key_file")).toString();
        if (c.keyFile.isEmpty())
            return bad(QStringLiteral("the key file is not named"));
        break;
    case Kind::Passphrase: {
        if (json.value(QStringLiteral("kdf")).toString() != QLatin1String("argon2id"))
            return bad(QStringLiteral("unknown passphrase KDF"));
        const auto u32 = [&json](const char* key) {
            const qint64 v = json.value(QLatin1String(key)).toInteger(-1);
            return v < 0 || v > 0xffffffffLL ? 0u : static_cast<quint32>(v);
        };
        c.kdf = {u32("memory_kib"), u32("iterations"), u32("parallelism")};
        c.kdfSalt = QByteArray::fromBase64(json.value(QStringLiteral("salt")).toString().toLatin1());
        if (c.kdfSalt.size() < 16)
            return bad(QStringLiteral("the passphrase salt is missing or too short"));
        // A weakened parameter file would make offline guessing cheap: refuse rather than derive.
        if (!c.kdf.isAtLeast(crypto::Argon2Params::minimum()) || !c.kdf.isWithinLimits())
            return bad(QStringLiteral("the Argon2id parameters are below the minimum (19 MiB, 2 passes, 1 lane) "
                                      "or out of range"));
        break;
    }
    }
    return c;
}

QString KeyCustody::describe() const
{
    switch (kind) {
    case Kind::Keychain:
        return QStringLiteral("OS keychain (Secret Service), service \"%1\", key \"%2\"")
            .arg(keychainService, keychainAccount);
    case Kind::KeyFile:
        return QStringLiteral("key file %1 (mode 0600)").arg(keyFile);
    case Kind::Passphrase:
        return QStringLiteral("passphrase, Argon2id (%1 MiB, %2 passes, %3 lanes)")
            .arg(kdf.memoryKiB / 1024)
            .arg(kdf.iterations)
            .arg(kdf.parallelism);
    }
    return {};
}

} // namespace gatehouse::keys
