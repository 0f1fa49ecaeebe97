// gatehoused boundaries: every trust boundary and control of the catalog, checked live against the store.
#include "CommandTable.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "api/ApiJson.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace gatehouse::cli {

namespace {

int runBoundaries(Invocation& in)
{
    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& cp = *opened.value().controlPlane;
    const service::Caller system = service::Caller::system(service::Source::Cli);
    // The full integrity scan first (it reads every page, so only the operator runs it); data.integrity then
    // reports it. A scan that finds damage is a failed control, reported below like any other.
    if (auto scan = cp.scanStoreIntegrity(system); !scan)
        return fail(scan.error());
    // No API listener runs in this process: the network controls say so. The run is kept in each control's history.
    auto reports = cp.runControlChecks(system);
    if (!reports)
        return fail(reports.error());
    bool failed = false;
    for (const service::BoundaryReport& b : reports.value())
        failed = failed || b.status == boundaries::Status::Fail;
    if (in.isSet("json")) {
        QJsonArray items;
        for (const service::BoundaryReport& b : reports.value())
            items.append(api::toJson(b, true));
        QTextStream(stdout)
            << QJsonDocument(QJsonObject{{QStringLiteral("items"), items}}).toJson(QJsonDocument::Indented);
    } else {
        QTextStream out(stdout);
        for (const service::BoundaryReport& b : reports.value()) {
            out << boundaries::statusName(b.status).toUpper() << "  " << b.boundary.name << " (" << b.boundary.separates
                << ")\n";
            for (const boundaries::ControlResult& r : b.results) {
                const boundaries::Control* c = boundaries::Catalog::builtin().control(r.controlId);
                out << "  " << boundaries::statusName(r.status).leftJustified(15) << r.controlId << "  "
                    << (c ? c->title : QString()) << "\n"
                    << "  " << QString(15, u' ') << r.summary << "\n";
                for (const boundaries::Evidence& e : r.evidence)
                    out << "  " << QString(17, u' ') << e.key << ": " << e.value << "\n";
            }
            out << "\n";
        }
    }
    return failed ? ExitControlFailed : ExitOk;
}

} // namespace

void addBoundaryCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("json"), QStringLiteral("status, boundaries: print JSON.")});
    table.add({QStringLiteral("boundaries"),
               QStringLiteral("  boundaries [--json]\n"
                              "              scan the store's integrity (every page), then check every control of\n"
                              "              every trust boundary live and print its status and evidence (exit 10\n"
                              "              when a control fails)\n"),
               false, runBoundaries});
}

} // namespace gatehouse::cli
