#include "StoreRestore.h"

#include "core/Files.h"
#include "crypto/Random.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QScopeGuard>

#include <cerrno>
#include <cstdio>
#include <sys/stat.h>

namespace gatehouse::backup {

namespace {

void removeTree(const QString& dir)
{
    if (!dir.isEmpty())
        QDir(dir).removeRecursively();
}

} // namespace

StoreRestore::StoreRestore(QString staging, QString target, QJsonObject manifest, std::unique_ptr<store::Store> store)
    : m_staging(std::move(staging)), m_target(std::move(target)), m_manifest(std::move(manifest)),
      m_store(std::move(store))
{}

StoreRestore::~StoreRestore()
{
    m_store.reset();
    if (!m_committed)
        removeTree(m_staging);
}

Result<std::unique_ptr<StoreRestore>> StoreRestore::unpack(const QString& archivePath, const QString& dataDirArg,
                                                           const keys::ProviderOptions& options,
                                                           const StepProgress& progress)
{
    if (dataDirArg.isEmpty())
        return makeError(ErrorCode::InvalidArgument, QStringLiteral("no data directory given: use --data-dir DIR"));
    const QString target = QFileInfo(dataDirArg).absoluteFilePath();
    struct stat st
    {};
    if (::lstat(QFile::encodeName(target).constData(), &st) == 0) {
        if (!S_ISDIR(st.st_mode))
            return makeError(ErrorCode::NotAStore,
                             QStringLiteral("%1 exists and is not a directory; restore into a new or empty "
                                            "directory")
                                 .arg(target));
        if (!QDir(target).isEmpty(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden | QDir::System))
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("%1 is not empty; restore into a new or empty directory").arg(target));
    }

    auto archive = BackupArchive::open(archivePath, [&](qint64 done, qint64 total) {
        if (progress)
            progress(QStringLiteral("checking the backup (bytes)"), done, total);
    });
    if (!archive)
        return archive.error();
    const ArchivePart* config = archive.value().part(QLatin1String(StoreBackup::kConfigPart));
    const ArchivePart* database = archive.value().part(QLatin1String(StoreBackup::kDatabasePart));
    if (!config || !database || archive.value().parts().size() != 2 || config->size > 64 * 1024)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the backup %1 does not hold one store.json and one gatehouse.db; it was not "
                                        "made by gatehoused backup")
                             .arg(archivePath));

    // The staging directory is a sibling of the target, so the final rename stays on one file system.
    const QFileInfo targetInfo(target);
    if (auto r = files::ensurePrivateDirectory(targetInfo.absolutePath()); !r)
        return r.error();
    auto suffix = crypto::randomBytes(6);
    if (!suffix)
        return suffix.error();
    const QString staging = targetInfo.absolutePath() + QStringLiteral("/.") + targetInfo.fileName() +
                            QStringLiteral(".restore-") + QString::fromLatin1(suffix.value().toHex());
    if (::mkdir(QFile::encodeName(staging).constData(), 0700) != 0)
        return files::errnoError(errno, QStringLiteral("create directory"), staging);
    auto removeStaging = qScopeGuard([&] { removeTree(staging); });

    if (auto r = archive.value().extract(QLatin1String(StoreBackup::kConfigPart), store::Store::configPath(staging));
        !r)
        return r.error();
    if (auto r = archive.value().extract(QLatin1String(StoreBackup::kDatabasePart), store::Store::databasePath(staging),
                                         [&](qint64 done, qint64 total) {
                                             if (progress)
                                                 progress(QStringLiteral("writing the store (bytes)"), done, total);
                                         });
        !r)
        return r.error();
    if (auto r = files::syncDirectory(staging); !r)
        return r.error();
    auto configBytes = files::readAll(store::Store::configPath(staging), 64 * 1024);
    if (!configBytes)
        return configBytes.error();
    auto parsed = store::StoreConfig::fromJson(configBytes.value(), store::Store::configPath(staging));
    if (!parsed)
        return parsed.error();
    if (parsed.value().storeId != archive.value().manifest().value(QStringLiteral("store_id")).toString() ||
        parsed.value().rotation)
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the backup %1 does not hang together: its store.json names another store "
                                        "than its manifest")
                             .arg(archivePath));

    // Opened like any store: the key from its custody, checked against store.json, then the database under it.
    if (progress)
        progress(QStringLiteral("opening the store with its key"), 0, 1);
    auto store = store::Store::open(staging, options);
    if (!store)
        return store.error();
    if (progress)
        progress(QStringLiteral("checking the integrity of every page"), 0, 1);
    auto check = store.value()->database().pragma("PRAGMA integrity_check;");
    if (!check || check.value() != QLatin1String("ok"))
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the store in the backup %1 fails its integrity check (%2); use another "
                                        "backup")
                             .arg(archivePath, check ? check.value() : check.error().message));
    removeStaging.dismiss();
    return std::unique_ptr<StoreRestore>(
        new StoreRestore(staging, target, archive.value().manifest(), std::move(store).value()));
}

Result<audit::VerifyReport> StoreRestore::verifyAudit(const service::Caller& caller)
{
    if (!m_store)
        return makeError(ErrorCode::Internal, QStringLiteral("the restore was already committed"));
    service::ControlPlane controlPlane(*m_store);
    if (auto loaded = controlPlane.load(); !loaded)
        return loaded.error();
    return controlPlane.verifyAudit(caller);
}

Result<void> StoreRestore::commit()
{
    if (m_committed)
        return {};
    m_store.reset();
    const QByteArray from = QFile::encodeName(m_staging);
    const QByteArray to = QFile::encodeName(m_target);
    // Over an empty directory or none: rename() replaces an empty directory and refuses a non-empty one.
    if (::rename(from.constData(), to.constData()) != 0) {
        if (errno == ENOTEMPTY || errno == EEXIST)
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("%1 is no longer empty; nothing was restored there").arg(m_target));
        return files::errnoError(errno, QStringLiteral("move the restored store to"), m_target);
    }
    m_committed = true;
    return files::syncDirectory(QFileInfo(m_target).absolutePath());
}

} // namespace gatehouse::backup
