// gatehoused backup and restore: one encrypted file per backup, taken while the server keeps running.
#include "CommandTable.h"
#include "ExitCode.h"
#include "ProgressLine.h"
#include "backup/StoreBackup.h"
#include "backup/StoreRestore.h"
#include "store/Store.h"

#include <QTextStream>

namespace gatehouse::cli {

namespace {

backup::StepProgress progressOn(ProgressLine& line)
{
    return [&line](const QString& step, qint64 done, qint64 total) {
        line.update(step, done, total);
    };
}

int runBackup(Invocation& in)
{
    if (!in.isSet("out"))
        return usage(QStringLiteral("backup needs --out FILE (a new file)"));
    // Inspect: a backup changes nothing in the store, not even a pending schema migration.
    auto store = store::Store::open(in.dataDir(), in.keyOptions, store::Store::Intent::Inspect);
    if (!store)
        return fail(store.error());
    ProgressLine progress;
    auto summary = backup::StoreBackup::create(*store.value(), in.value("out"), progressOn(progress));
    progress.finish();
    if (!summary)
        return fail(summary.error());
    const auto& s = summary.value();
    QTextStream(stdout) << "wrote backup " << s.path << " (" << s.bytes << " bytes, mode 0600)\n"
                        << "  store " << s.storeId << ", schema version " << s.schemaVersion << ", " << s.auditEvents
                        << " audit events up to event " << s.auditLastSeq << "\n"
                        << "  still encrypted: restoring it needs the master key ("
                        << store.value()->config().custody.describe() << ")\n"
                        << "  restore with: gatehoused restore --from " << s.path << " --data-dir NEW_DIR" << Qt::endl;
    return ExitOk;
}

int runRestore(Invocation& in)
{
    if (!in.isSet("from"))
        return usage(QStringLiteral("restore needs --from FILE (a file written by gatehoused backup)"));
    auto nothingRestored = [&](int code) {
        QTextStream(stderr) << "gatehoused: nothing was restored; " << in.dataDir() << " is as it was" << Qt::endl;
        return code;
    };
    ProgressLine progress;
    auto restore = backup::StoreRestore::unpack(in.value("from"), in.dataDir(), in.keyOptions, progressOn(progress));
    progress.finish();
    if (!restore)
        return nothingRestored(fail(restore.error()));
    auto report = restore.value()->verifyAudit(service::Caller::system(service::Source::Cli));
    if (!report)
        return nothingRestored(fail(report.error()));
    const auto& r = report.value();
    if (!r.intact) {
        QTextStream(stderr) << "gatehoused: the audit chain of the backup is BROKEN at event " << r.firstBadSeq << " ("
                            << r.problem << "): " << r.message << Qt::endl;
        return nothingRestored(ExitAuditBroken);
    }
    const QString custody = restore.value()->store().config().custody.describe();
    const QString storeId = restore.value()->store().config().storeId;
    const QString takenAt = restore.value()->manifest().value(QStringLiteral("created_at")).toString();
    if (auto committed = restore.value()->commit(); !committed)
        return nothingRestored(fail(committed.error()));
    QTextStream(stdout) << "restored store " << storeId << " into " << restore.value()->dataDir() << "\n"
                        << "  backup taken " << takenAt << "\n"
                        << "  integrity ok; audit chain intact: events " << r.fromSeq << " to " << r.toSeq << ", "
                        << r.checkpointsChecked << " signed checkpoints verified\n"
                        << "  key custody: " << custody << Qt::endl;
    return ExitOk;
}

} // namespace

void addBackupCommands(CommandTable& table)
{
    table.addOption(
        {QStringLiteral("from"), QStringLiteral("restore: the backup file to restore."), QStringLiteral("FILE")});
    table.add({QStringLiteral("backup"),
               QStringLiteral("  backup --out FILE\n"
                              "              a consistent, still-encrypted copy of the store and its store.json in "
                              "one new\n"
                              "              file (mode 0600, never over an existing one), taken while the server "
                              "keeps\n"
                              "              running; restoring it needs the store's master key\n"),
               false, runBackup});
    table.add({QStringLiteral("restore"),
               QStringLiteral("  restore --from FILE\n"
                              "              restore a backup into --data-dir, which must be new or empty: checks "
                              "every\n"
                              "              checksum, opens the store with its key, runs integrity_check and "
                              "audit\n"
                              "              verify; on any failure nothing is left in --data-dir\n"),
               false, runRestore});
}

} // namespace gatehouse::cli
