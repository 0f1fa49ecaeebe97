// gatehoused audit verify, export, public-key and prune.
#include "CommandTable.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QDateTime>
#include <QSaveFile>
#include <QTextStream>

namespace gatehouse::cli {

namespace {

int runVerify(const Invocation& in, service::ControlPlane& controlPlane, const service::Caller& local)
{
    const bool range = in.isSet("from-seq") || in.isSet("to-seq");
    bool fromOk = false, toOk = false;
    const qint64 from = in.value("from-seq").toLongLong(&fromOk);
    const qint64 to = in.value("to-seq").toLongLong(&toOk);
    if (range && (!fromOk || !toOk))
        return usage(QStringLiteral("audit verify: a range needs both --from-seq and --to-seq, as event numbers"));
    if (range && in.isSet("incremental"))
        return usage(QStringLiteral("audit verify: --incremental does not apply to a range (--from-seq, --to-seq)"));
    auto report = range ? controlPlane.verifyAuditRange(local, from, to)
                        : controlPlane.verifyAudit(local, in.isSet("incremental"));
    if (!report)
        return fail(report.error());
    const auto& r = report.value();
    if (!r.intact) {
        QTextStream(stderr) << "gatehoused: audit chain BROKEN at event " << r.firstBadSeq << " (" << r.problem
                            << "): " << r.message << Qt::endl;
        return ExitAuditBroken;
    }
    if (!r.warning.isEmpty())
        QTextStream(stderr) << "gatehoused: warning: " << r.warning << Qt::endl;
    QTextStream(stdout) << (range ? "audit range intact: events " : "audit chain intact: events ") << r.fromSeq
                        << " to " << r.toSeq << ", " << r.eventsChecked << " events and " << r.checkpointsChecked
                        << " signed checkpoints verified" << Qt::endl;
    return ExitOk;
}

int runCheckpoint(service::ControlPlane& controlPlane, const service::Caller& local)
{
    auto c = controlPlane.checkpointAudit(local);
    if (!c)
        return fail(c.error());
    QTextStream(stdout) << "signed audit checkpoint at event " << c.value().seq << ": chain hash "
                        << QString::fromLatin1(c.value().chainHash.toHex()) << Qt::endl;
    return ExitOk;
}

int runPrune(const Invocation& in, service::ControlPlane& controlPlane, const service::Caller& local)
{
    if (in.isSet("keep-days") || in.isSet("keep-events")) {
        audit::RetentionPolicy policy{in.value("keep-days").toInt(), in.value("keep-events").toLongLong()};
        if (auto set = controlPlane.setAuditRetention(local, policy); !set)
            return fail(set.error());
    }
    auto removed = controlPlane.pruneAudit(local, in.value("bundle"));
    if (!removed)
        return fail(removed.error());
    QTextStream(stdout) << "removed " << removed.value() << " audit events under the retention policy" << Qt::endl;
    return ExitOk;
}

int runExport(const Invocation& in, service::ControlPlane& controlPlane, const service::Caller& local)
{
    if (!in.isSet("format") || !in.isSet("out"))
        return usage(QStringLiteral("audit export needs --format and --out"));
    const QString outPath = in.value("out");
    QTextStream out(stdout);
    auto progress = [](qint64 n) {
        QTextStream(stderr) << "\rexported " << n << " events" << Qt::flush;
    };
    if (in.value("format") == QLatin1String("bundle")) {
        auto summary = controlPlane.exportAuditBundle(local, outPath, progress);
        if (!summary)
            return fail(summary.error());
        QTextStream(stderr) << "\n";
        out << "wrote bundle " << summary.value().directory << ": events " << summary.value().firstSeq << " to "
            << summary.value().lastSeq << ", " << summary.value().checkpoints << " signed checkpoints; verify with: sh "
            << summary.value().directory << "/VERIFY" << Qt::endl;
        return ExitOk;
    }
    auto fmt = audit::parseExportFormat(in.value("format"));
    if (!fmt)
        return usage(fmt.error().message);
    audit::AuditQuery query;
    if (in.isSet("tenant")) {
        auto tenants = controlPlane.listTenants(local);
        if (!tenants)
            return fail(tenants.error());
        for (const auto& t : tenants.value()) {
            if (t.name == in.value("tenant"))
                query.tenantId = t.id;
        }
        if (query.tenantId.isEmpty())
            return fail(makeError(ErrorCode::NotFound, QStringLiteral("no tenant named %1").arg(in.value("tenant"))));
    }
    for (const auto& [option, target] : {std::pair{"since", &query.fromMs}, std::pair{"until", &query.toMs}}) {
        if (!in.isSet(option))
            continue;
        const QDateTime t = QDateTime::fromString(in.value(option), Qt::ISODate);
        if (!t.isValid())
            return usage(
                QStringLiteral("--%1 takes an ISO 8601 time, e.g. 2026-11-01T00:00:00Z").arg(QLatin1String(option)));
        *target = t.toMSecsSinceEpoch();
    }
    query.actionPrefix = in.value("action");
    query.outcome = in.value("outcome");
    query.actor = in.value("actor");
    query.text = in.value("text");
    QSaveFile file(outPath);
    if (!file.open(QIODevice::WriteOnly))
        return fail(makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString())));
    auto n = controlPlane.exportAudit(local, query, fmt.value(), file, progress);
    if (!n) {
        file.cancelWriting();
        return fail(n.error());
    }
    if (!file.commit())
        return fail(makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(outPath, file.errorString())));
    QTextStream(stderr) << "\n";
    out << "exported " << n.value() << " events to " << outPath << Qt::endl;
    return ExitOk;
}

int runAudit(Invocation& in)
{
    if (in.args.size() != 2)
        return usage(QStringLiteral("audit needs a subcommand: verify, export, public-key, prune or checkpoint"));
    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& controlPlane = *opened.value().controlPlane;
    const service::Caller local = service::Caller::system(service::Source::Cli);
    const QString sub = in.args.at(1);
    if (sub == QLatin1String("verify"))
        return runVerify(in, controlPlane, local);
    if (sub == QLatin1String("public-key")) {
        auto pem = controlPlane.auditPublicKeyPem(local);
        if (!pem)
            return fail(pem.error());
        QTextStream(stdout) << QString::fromLatin1(pem.value());
        return ExitOk;
    }
    if (sub == QLatin1String("prune"))
        return runPrune(in, controlPlane, local);
    if (sub == QLatin1String("checkpoint"))
        return runCheckpoint(controlPlane, local);
    if (sub == QLatin1String("export"))
        return runExport(in, controlPlane, local);
    return usage(
        QStringLiteral("unknown audit subcommand '%1': use verify, export, public-key, prune or checkpoint").arg(sub));
}

} // namespace

void addAuditCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("format"), QStringLiteral("audit export: jsonl, csv, cef, ocsf or bundle."),
                     QStringLiteral("FORMAT")});
    table.addOption({QStringLiteral("tenant"), QStringLiteral("audit export: one tenant's events (by name)."),
                     QStringLiteral("NAME")});
    table.addOption(
        {QStringLiteral("since"), QStringLiteral("audit export: from this time (ISO 8601)."), QStringLiteral("TIME")});
    table.addOption({QStringLiteral("until"), QStringLiteral("audit export: before this time (ISO 8601)."),
                     QStringLiteral("TIME")});
    table.addOption(
        {QStringLiteral("action"), QStringLiteral("audit export: action prefix."), QStringLiteral("PREFIX")});
    table.addOption({QStringLiteral("outcome"), QStringLiteral("audit export: success, denied or error."),
                     QStringLiteral("OUTCOME")});
    table.addOption(
        {QStringLiteral("actor"), QStringLiteral("audit export: actor id or name."), QStringLiteral("ACTOR")});
    table.addOption(
        {QStringLiteral("text"), QStringLiteral("audit export: words that must all appear."), QStringLiteral("WORDS")});
    table.addOption(
        {QStringLiteral("incremental"), QStringLiteral("audit verify: start after the last verified point.")});
    table.addOption({QStringLiteral("from-seq"), QStringLiteral("audit verify: the first event (seq) of a range."),
                     QStringLiteral("SEQ")});
    table.addOption({QStringLiteral("to-seq"), QStringLiteral("audit verify: the last event (seq) of a range."),
                     QStringLiteral("SEQ")});
    table.addOption(
        {QStringLiteral("bundle"), QStringLiteral("audit prune: export a bundle first."), QStringLiteral("DIR")});
    table.addOption(
        {QStringLiteral("keep-days"), QStringLiteral("audit prune: keep N days (0: no limit)."), QStringLiteral("N")});
    table.addOption({QStringLiteral("keep-events"),
                     QStringLiteral("audit prune: keep at most N events (0: no limit, else >= 1000)."),
                     QStringLiteral("N")});
    table.add({QStringLiteral("audit"),
               QStringLiteral(
                   "  audit verify [--incremental]   walk the audit chain and check every signed checkpoint\n"
                   "  audit verify --from-seq N --to-seq N   only those events, from the signed checkpoint before\n"
                   "              them to the one after them\n"
                   "  audit export --format jsonl|csv|cef|ocsf|bundle --out PATH [--tenant NAME] [--since "
                   "T]\n"
                   "               [--until T] [--action PREFIX] [--outcome O] [--actor A] [--text WORDS]\n"
                   "              (bundle: the whole chain, verifiable offline with sha256sum and openssl)\n"
                   "  audit public-key               print the PEM public key that signs checkpoints\n"
                   "  audit prune [--bundle DIR]     apply the retention policy (--keep-days, --keep-events\n"
                   "              set it first); with --bundle, export everything before removing "
                   "anything\n"
                   "  audit checkpoint               sign a checkpoint over the newest event now\n"),
               true, runAudit});
}

} // namespace gatehouse::cli
