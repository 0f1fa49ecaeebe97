// gatehoused evidence: the signed evidence report (HTML or PDF) and its check.
#include "CommandTable.h"
#include "EvidencePdf.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "crypto/Ed25519.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QTextStream>

namespace gatehouse::cli {

namespace {

Result<void> writeFile(const QString& path, const QByteArray& bytes)
{
    QSaveFile f(path);
    if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
        return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, f.errorString())};
    return {};
}

Result<QByteArray> readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return Error{ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, f.errorString())};
    return f.readAll();
}

int runGenerate(Invocation& in)
{
    const QString out = in.value("out");
    const QString suffix = QFileInfo(out).suffix().toLower();
    if (out.isEmpty() || (suffix != QLatin1String("pdf") && suffix != QLatin1String("html")))
        return usage(QStringLiteral("evidence needs --out FILE.pdf or --out FILE.html"));
    service::ControlPlane::EvidenceOptions options;
    if (in.isSet("since")) {
        const QDateTime since = QDateTime::fromString(in.value("since"), Qt::ISODateWithMs);
        if (!since.isValid())
            return usage(QStringLiteral("--since must be an ISO 8601 date or date-time, such as 2026-11-01"));
        options.sinceMs = since.toMSecsSinceEpoch();
    }
    options.withNames = in.isSet("with-names");
    options.fileName = QFileInfo(out).fileName();

    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& cp = *opened.value().controlPlane;
    const bool pdf = suffix == QLatin1String("pdf");
    auto report = cp.generateEvidence(service::Caller::system(service::Source::Cli), options,
                                      [pdf](const evidence::EvidenceData& data) -> Result<QByteArray> {
                                          const QString html = evidence::toHtml(data);
                                          if (!pdf)
                                              return html.toUtf8();
                                          return render::pdfFromHtml(html, QStringLiteral("Gatehouse evidence report"));
                                      });
    if (!report)
        return fail(report.error());
    for (const auto& [path, bytes] :
         {std::pair{out, report.value().bytes}, std::pair{out + QStringLiteral(".sig"), report.value().signature},
          std::pair{out + QStringLiteral(".pub.pem"), report.value().publicKeyPem}}) {
        if (auto w = writeFile(path, bytes); !w)
            return fail(w.error());
    }
    QTextStream(stdout) << "wrote " << out << " (sha256 " << report.value().sha256 << "), " << out << ".sig and " << out
                        << ".pub.pem\n"
                        << "check it with: openssl pkeyutl -verify -pubin -inkey " << out << ".pub.pem -rawin -in "
                        << out << " -sigfile " << out << ".sig\n";
    return ExitOk;
}

int runVerify(Invocation& in)
{
    const QString file = in.args.value(2);
    if (file.isEmpty())
        return usage(QStringLiteral("evidence verify needs the report's file: gatehoused evidence verify FILE"));
    auto bytes = readFile(file);
    auto signature = readFile(file + QStringLiteral(".sig"));
    auto pem = readFile(file + QStringLiteral(".pub.pem"));
    for (const auto* r : {&bytes, &signature, &pem}) {
        if (!*r)
            return fail(r->error());
    }
    auto key = crypto::ed25519::publicKeyFromPem(pem.value());
    if (!key)
        return fail(key.error());
    if (!crypto::ed25519::verify(key.value(), bytes.value(), signature.value())) {
        QTextStream(stderr) << "gatehoused: " << file
                            << ": the signature does not match: the file was changed, or not signed by this key\n";
        return ExitCorrupt;
    }
    QTextStream(stdout) << file << ": signature good (Ed25519, key " << file << ".pub.pem)\n";
    return ExitOk;
}

int runEvidence(Invocation& in)
{
    const QString sub = in.args.value(1);
    if (sub.isEmpty())
        return runGenerate(in);
    if (sub == QLatin1String("verify"))
        return runVerify(in);
    return usage(QStringLiteral("unknown evidence subcommand '%1': use evidence or evidence verify FILE").arg(sub));
}

} // namespace

bool rendersDocuments(const QStringList& arguments)
{
    // Only generating a report lays text out; verifying one does not.
    return arguments.contains(QLatin1String("evidence")) && !arguments.contains(QLatin1String("verify"));
}

bool isEvidenceVerify(const QStringList& positional)
{
    return positional.value(0) == QLatin1String("evidence") && positional.value(1) == QLatin1String("verify");
}

void addEvidenceCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("with-names"),
                     QStringLiteral("evidence: name the holders of each role (default: counts only).")});
    table.add(
        {QStringLiteral("evidence"),
         QStringLiteral("  evidence --out FILE.pdf|FILE.html [--since DATE] [--with-names]\n"
                        "              the signed evidence report: every control with its history, the audit\n"
                        "              trail's integrity, roles, key custody and TLS; writes FILE.sig and\n"
                        "              FILE.pub.pem beside it\n"
                        "  evidence verify FILE   check FILE against FILE.sig and FILE.pub.pem (no store needed)\n"),
         true, runEvidence});
}

} // namespace gatehouse::cli
