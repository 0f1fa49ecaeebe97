#pragma once

#include "BackupArchive.h"
#include "StoreBackup.h"
#include "audit/AuditLog.h"
#include "keys/MasterKeyProvider.h"
#include "service/Caller.h"

#include <QString>

#include <memory>

namespace gatehouse::store {
class Store;
} // namespace gatehouse::store

namespace gatehouse::backup {

// A backup being restored. unpack() checks the archive and writes the store into a staging directory beside
// the target, where it is opened with its key (from the store's own custody) and must pass
// PRAGMA integrity_check; verifyAudit() walks its audit chain; only commit() moves it to the target
// directory, in one rename. Until then nothing is at the target, and if the restore is abandoned (destroyed
// without commit) the staging directory goes again.
class StoreRestore
{
public:
    // `dataDir` must not exist or be an empty directory.
    static Result<std::unique_ptr<StoreRestore>> unpack(const QString& archive, const QString& dataDir,
                                                        const keys::ProviderOptions& options,
                                                        const StepProgress& progress = {});
    ~StoreRestore();
    StoreRestore(const StoreRestore&) = delete;
    StoreRestore& operator=(const StoreRestore&) = delete;

    // The restored store, open (for checks before commit()).
    store::Store& store() { return *m_store; }
    const QJsonObject& manifest() const { return m_manifest; }
    QString dataDir() const { return m_target; }

    // The whole audit chain and every signed checkpoint, through the control plane.
    Result<audit::VerifyReport> verifyAudit(const service::Caller& caller);

    // Closes the store and moves it to the target directory.
    Result<void> commit();

private:
    StoreRestore(QString staging, QString target, QJsonObject manifest, std::unique_ptr<store::Store> store);

    QString m_staging;
    QString m_target;
    QJsonObject m_manifest;
    std::unique_ptr<store::Store> m_store;
    bool m_committed = false;
};

} // namespace gatehouse::backup
