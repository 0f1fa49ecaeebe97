#pragma once

#include <QString>
#include <QStringList>

namespace gatehouse::store {

// The encryption and durability settings of an open store, as read back from SQLCipher itself.
struct CipherSettings
{
    QString sqlcipherVersion;
    QString cipher;
    QString cryptoProvider;
    int pageSize = 0;
    bool hmac = false;
    QString journalMode;
    int synchronous = -1; // 0 off, 1 normal, 2 full, 3 extra
    bool foreignKeys = false;
    bool secureDelete = false;
    int busyTimeoutMs = 0;
    int tempStore = -1; // 2 = memory

    static constexpr int kPageSize = 4096;
    static constexpr int kBusyTimeoutMs = 5000;
    static constexpr int kSynchronousFull = 2;
    static constexpr int kTempStoreMemory = 2;

    // What differs from the settings Gatehouse requires; empty when all is as required.
    QStringList deviations() const;

    QString synchronousName() const;
};

} // namespace gatehouse::store
