// gatehoused: the headless Gatehouse server and its command line. This file parses the command line and hands
// it to the command named first; the commands live in one file per group (see CommandTable.h).
#include "CommandTable.h"
#include "EvidencePdf.h"
#include "ExitCode.h"
#include "PassphraseInput.h"
#include "core/ProcessHardening.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QTextStream>

using namespace gatehouse;
using namespace gatehouse::cli;

namespace {

// Options more than one command group takes.
void addSharedOptions(CommandTable& table)
{
    table.addOption({QStringLiteral("data-dir"), QStringLiteral("The data directory."), QStringLiteral("DIR")});
    table.addOption({QStringLiteral("key-provider"),
                     QStringLiteral("keychain, file or passphrase (init default: keychain; later commands read it "
                                    "from the store)."),
                     QStringLiteral("PROVIDER")});
    table.addOption({QStringLiteral("key-file"),
                     QStringLiteral("Master key file for the file provider (created 0600 if absent)."),
                     QStringLiteral("PATH")});
    table.addOption({QStringLiteral("passphrase-file"),
                     QStringLiteral("Read the passphrase from the first line of FILE."), QStringLiteral("FILE")});
    table.addOption({QStringLiteral("new-passphrase-file"),
                     QStringLiteral("key rotate to a passphrase: read the new passphrase from FILE (or "
                                    "GATEHOUSE_NEW_PASSPHRASE, or a prompt); also needed to finish such a rotation "
                                    "after a crash."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("out"),
                     QStringLiteral("audit export: output file (bundle: directory); backup: the new backup file."),
                     QStringLiteral("PATH")});
}

QString description(const CommandTable& table)
{
    QString text = QStringLiteral("Gatehouse headless server and command line.\n\nCommands:\n");
    for (const Command& c : table.commands())
        text += c.synopsis;
    text += QStringLiteral(
        "\nThe administrator's password comes from --admin-password-file, GATEHOUSE_ADMIN_PASSWORD, or a\n"
        "prompt without echo; never from the command line. 12 to 128 characters, not a common one.\n\n"
        "Key providers (--key-provider):\n"
        "  keychain    the OS keychain through the Secret Service (desktop default)\n"
        "  file        a 0600 key file named by --key-file (servers)\n"
        "  passphrase  Argon2id of a passphrase from --passphrase-file, GATEHOUSE_PASSPHRASE,\n"
        "              or a prompt without echo\n\n");
    return text + QString::fromLatin1(kExitHelp);
}

} // namespace

int main(int argc, char* argv[])
{
    const bool hardened = hardenProcess();
    // Laying a report out needs fonts, so that command runs under a QGuiApplication on the offscreen platform; every
    // other command, and the server, stays a plain QCoreApplication.
    QStringList raw;
    for (int i = 1; i < argc; ++i)
        raw << QString::fromLocal8Bit(argv[i]);
    const std::unique_ptr<QCoreApplication> app = rendersDocuments(raw)
                                                      ? render::renderingApplication(argc, argv)
                                                      : std::make_unique<QCoreApplication>(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("gatehoused"));
    QCoreApplication::setOrganizationName(QStringLiteral("Gatehouse"));
    QCoreApplication::setApplicationVersion(QStringLiteral(GATEHOUSE_VERSION));
    if (!hardened)
        QTextStream(stderr) << "gatehoused: warning: could not disable core dumps" << Qt::endl;

    CommandTable table;
    addSharedOptions(table);
    addInitCommands(table);
    addStoreCommands(table);
    addAuditCommands(table);
    addBackupCommands(table);
    addServeCommands(table);
    addBoundaryCommands(table);
    addEvidenceCommands(table);
    addForwardingCommands(table);
    addOidcCommands(table);

    QCommandLineParser parser;
    parser.setApplicationDescription(description(table));
    parser.addHelpOption();
    parser.addVersionOption();
    parser.addPositionalArgument(QStringLiteral("command"), table.names());
    parser.addOptions(table.options());
    if (!parser.parse(QCoreApplication::arguments()))
        return usage(parser.errorText());
    if (parser.isSet(QStringLiteral("help"))) {
        QTextStream(stdout) << parser.helpText();
        return ExitOk;
    }
    if (parser.isSet(QStringLiteral("version"))) {
        QTextStream(stdout) << "gatehoused " << QCoreApplication::applicationVersion() << Qt::endl;
        return ExitOk;
    }
    const QStringList args = parser.positionalArguments();
    const Command* command = table.find(args.value(0));
    const bool verifyingEvidence = isEvidenceVerify(args);
    if (args.isEmpty() || (command && args.size() != 1 && !command->hasSubcommands) ||
        args.size() > (verifyingEvidence ? 3 : 2))
        return usage(QStringLiteral("name one command: %1").arg(table.names()));
    if (!command)
        return usage(QStringLiteral("unknown command '%1': use %2").arg(args.first(), table.names()));

    Invocation in{parser, args, {}};
    if (!in.isSet("data-dir") && !verifyingEvidence)
        return usage(QStringLiteral("--data-dir DIR is required"));
    keys::ProviderOptions& options = in.keyOptions;
    if (in.isSet("key-provider")) {
        auto kind = keys::KeyCustody::parseKind(in.value("key-provider"));
        if (!kind)
            return usage(kind.error().message);
        options.kind = kind.value();
    }
    options.keyFile = in.value("key-file");
    options.passphrase = passphraseSource(in.value("passphrase-file"));
    options.nextPassphrase = [file = in.value("new-passphrase-file")](keys::PassphrasePurpose purpose) {
        const bool create = purpose == keys::PassphrasePurpose::Create;
        return readSecret(file, "GATEHOUSE_NEW_PASSPHRASE",
                          create ? "New master passphrase: " : "New passphrase: ", create);
    };
    if (in.isSet("key-file") && options.kind && *options.kind != keys::KeyCustody::Kind::KeyFile)
        return usage(QStringLiteral("--key-file goes with --key-provider file"));
    return command->run(in);
}
