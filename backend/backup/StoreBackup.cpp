#include "StoreBackup.h"

#include "BackupArchive.h"
#include "audit/AuditLog.h"
#include "core/Files.h"
#include "crypto/Random.h"
#include "store/Migrations.h"
#include "store/Store.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <unistd.h>

namespace gatehouse::backup {

Result<BackupSummary> StoreBackup::create(store::Store& store, const QString& outFileArg, const StepProgress& progress)
{
    if (outFileArg.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("name the backup file: --out FILE"));
    const QString outFile = QFileInfo(outFileArg).absoluteFilePath();
    if (files::exists(outFile))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("%1 exists; a backup never replaces a file: name a new one").arg(outFile));
    const QFileInfo outInfo(outFile);
    if (!QFileInfo(outInfo.absolutePath()).isDir())
        return makeError(
            ErrorCode::NotFound,
            QStringLiteral("the directory %1 does not exist; create it first").arg(outInfo.absolutePath()));
    if (outInfo.absolutePath() == store.dataDir() ||
        outInfo.absolutePath().startsWith(store.dataDir() + QLatin1Char('/')))
        return makeError(ErrorCode::InvalidArgument,
                         QStringLiteral("write the backup outside the data directory %1").arg(store.dataDir()));

    // store.json as it is on disk, once it is clear it describes the store that is open (a key rotation
    // cannot start while this process holds the store; it needs the store to itself).
    const QString configPath = store::Store::configPath(store.dataDir());
    auto config = files::readAll(configPath, 64 * 1024);
    if (!config)
        return config.error();
    auto parsed = store::StoreConfig::fromJson(config.value(), configPath);
    if (!parsed)
        return parsed.error();
    if (parsed.value().storeId != store.config().storeId || parsed.value().keyCheck != store.config().keyCheck ||
        parsed.value().rotation)
        return makeError(ErrorCode::Conflict,
                         QStringLiteral("%1 changed while the store was open (a key rotation?); try the backup again")
                             .arg(configPath));

    auto suffix = crypto::randomBytes(6);
    if (!suffix)
        return suffix.error();
    const QString snapshot = outInfo.absolutePath() + QStringLiteral("/.") + outInfo.fileName() + QLatin1Char('.') +
                             QString::fromLatin1(suffix.value().toHex()) + QStringLiteral(".db");
    // snapshotTo() removes its own file when it fails; this removes it after a later step fails, or once archived.
    auto removeSnapshot = qScopeGuard([&] { ::unlink(QFile::encodeName(snapshot).constData()); });

    BackupSummary summary;
    summary.path = outFile;
    summary.storeId = store.config().storeId;
    auto copied = store.snapshotTo(
        snapshot,
        [&](store::Database& db) -> Result<void> {
            auto version = store::Migrations::currentVersion(db);
            if (!version)
                return version.error();
            summary.schemaVersion = version.value();
            audit::AuditLog log(db);
            auto count = log.count();
            if (!count)
                return count.error();
            auto last = log.lastSeq();
            if (!last)
                return last.error();
            summary.auditEvents = count.value();
            summary.auditLastSeq = last.value();
            return {};
        },
        [&](int done, int total) {
            if (progress)
                progress(QStringLiteral("copying the database (pages)"), done, total);
        });
    if (!copied) {
        removeSnapshot.dismiss();
        return copied.error();
    }

    const QJsonObject manifest{
        {QStringLiteral("created_at"), QDateTime::currentDateTimeUtc().toString(Qt::ISODateWithMs)},
        {QStringLiteral("store_id"), summary.storeId},
        {QStringLiteral("schema_version"), summary.schemaVersion},
        {QStringLiteral("key_provider"), keys::KeyCustody::kindName(store.config().custody.kind)},
        {QStringLiteral("audit"), QJsonObject{{QStringLiteral("events"), summary.auditEvents},
                                              {QStringLiteral("last_seq"), summary.auditLastSeq}}},
    };
    auto written = BackupArchive::write(outFile, manifest,
                                        {ArchiveSource{QLatin1String(kConfigPart), {}, config.value()},
                                         ArchiveSource{QLatin1String(kDatabasePart), snapshot, {}}},
                                        [&](qint64 done, qint64 total) {
                                            if (progress)
                                                progress(QStringLiteral("writing the archive (bytes)"), done, total);
                                        });
    if (!written)
        return written.error();
    summary.bytes = written.value();
    return summary;
}

} // namespace gatehouse::backup
