#include "CipherSettings.h"

namespace gatehouse::store {

QStringList CipherSettings::deviations() const
{
    QStringList out;
    auto expect = [&out](bool good, const QString& what) {
        if (!good)
            out << what;
    };
    expect(cipher.compare(QLatin1String("aes-256-cbc"), Qt::CaseInsensitive) == 0,
           QStringLiteral("cipher is '%1', expected AES-256-CBC").arg(cipher));
    expect(pageSize == kPageSize, QStringLiteral("cipher_page_size is %1, expected %2").arg(pageSize).arg(kPageSize));
    expect(hmac, QStringLiteral("per-page HMAC is off"));
    expect(journalMode == QLatin1String("wal"), QStringLiteral("journal_mode is '%1', expected wal").arg(journalMode));
    expect(synchronous == kSynchronousFull, QStringLiteral("synchronous is %1, expected FULL").arg(synchronous));
    expect(foreignKeys, QStringLiteral("foreign_keys is off"));
    expect(secureDelete, QStringLiteral("secure_delete is off"));
    expect(busyTimeoutMs == kBusyTimeoutMs,
           QStringLiteral("busy_timeout is %1 ms, expected %2").arg(busyTimeoutMs).arg(kBusyTimeoutMs));
    expect(tempStore == kTempStoreMemory, QStringLiteral("temp_store is %1, expected MEMORY").arg(tempStore));
    return out;
}

QString CipherSettings::synchronousName() const
{
    switch (synchronous) {
    case 0:
        return QStringLiteral("OFF");
    case 1:
        return QStringLiteral("NORMAL");
    case 2:
        return QStringLiteral("FULL");
    case 3:
        return QStringLiteral("EXTRA");
    default:
        return QStringLiteral("unknown");
    }
}

} // namespace gatehouse::store
