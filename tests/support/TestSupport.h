#pragma once

#include "core/SecureBytes.h"
#include "keys/KeyFileProvider.h"
#include "store/Store.h"

#include <QByteArray>
#include <QCryptographicHash>
#include <QFile>
#include <QString>
#include <QTemporaryDir>

#include <unistd.h>

// Helpers shared by the test executables: real files, real stores, nothing mocked.
namespace gatehouse::test {

inline QByteArray fileBytes(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return {};
    return f.readAll();
}

inline QByteArray sha256(const QString& path)
{
    return QCryptographicHash::hash(fileBytes(path), QCryptographicHash::Sha256).toHex();
}

inline bool writeBytes(const QString& path, const QByteArray& bytes)
{
    QFile f(path);
    return f.open(QIODevice::WriteOnly | QIODevice::Truncate) && f.write(bytes) == bytes.size();
}

inline SecureBytes keyOf(char fill)
{
    SecureBytes key(32);
    std::fill(key.data(), key.data() + key.size(), static_cast<unsigned char>(fill));
    return key;
}

// A store in `dataDir` whose master key is in a file next to it (the quickest real provider).
inline Result<std::unique_ptr<store::Store>> createFileStore(const QString& dataDir, const QString& keyFile)
{
    keys::KeyFileProvider provider(keyFile);
    return store::Store::init(dataDir, provider);
}

inline keys::ProviderOptions keyFileOptions(const QString& keyFile)
{
    keys::ProviderOptions o;
    o.keyFile = keyFile;
    return o;
}

inline bool isRoot()
{
    return ::geteuid() == 0;
}

} // namespace gatehouse::test
