#pragma once

#include "keys/MasterKeyProvider.h"

#include <QCommandLineOption>
#include <QCommandLineParser>
#include <QList>
#include <QString>
#include <QStringList>

#include <functional>

namespace gatehouse::cli {

// One parsed command line, as every command sees it.
struct Invocation
{
    const QCommandLineParser& parser;
    QStringList args; // the command and, for commands with subcommands, the subcommand
    keys::ProviderOptions keyOptions;

    QString value(const char* option) const { return parser.value(QLatin1String(option)); }
    bool isSet(const char* option) const { return parser.isSet(QLatin1String(option)); }
    QString dataDir() const { return value("data-dir"); }
};

struct Command
{
    QString name;
    QString synopsis; // its lines in the command list of `gatehoused --help`
    bool hasSubcommands = false;
    std::function<int(Invocation&)> run;
};

// The commands gatehoused knows and the options they take. Each command file adds its own; main() parses the
// command line against the union and calls the command named first.
class CommandTable
{
public:
    void add(Command command) { m_commands << std::move(command); }
    // The first registration of an option name wins, so files may share options main() already declares.
    void addOption(const QCommandLineOption& option);

    const QList<Command>& commands() const { return m_commands; }
    const QList<QCommandLineOption>& options() const { return m_options; }
    const Command* find(const QString& name) const;
    // "init, init-admin, ... or restore", for messages.
    QString names() const;

private:
    QList<Command> m_commands;
    QList<QCommandLineOption> m_options;
};

// One line in main() per command file.
void addInitCommands(CommandTable& table);     // init, init-admin (InitCommands.cpp)
void addStoreCommands(CommandTable& table);    // status, key rotate (StoreCommands.cpp)
void addAuditCommands(CommandTable& table);    // audit ... (AuditCommands.cpp)
void addBackupCommands(CommandTable& table);   // backup, restore (BackupCommands.cpp)
void addServeCommands(CommandTable& table);    // serve (ServeCommand.cpp)
void addBoundaryCommands(CommandTable& table); // boundaries (BoundaryCommands.cpp)
void addEvidenceCommands(CommandTable& table); // evidence, evidence verify (EvidenceCommands.cpp)
// Whether the command line generates a document (a QGuiApplication is made for it); whether it is `evidence verify
// FILE`, which takes a file and no store.
bool rendersDocuments(const QStringList& arguments);
bool isEvidenceVerify(const QStringList& positional);
void addForwardingCommands(CommandTable& table); // forwarding ... (ForwardingCommands.cpp)
void addOidcCommands(CommandTable& table);       // oidc ... (OidcCommands.cpp)

} // namespace gatehouse::cli
