#include "CommandTable.h"

namespace gatehouse::cli {

void CommandTable::addOption(const QCommandLineOption& option)
{
    for (const QCommandLineOption& known : m_options) {
        if (known.names() == option.names())
            return;
    }
    m_options << option;
}

const Command* CommandTable::find(const QString& name) const
{
    for (const Command& c : m_commands) {
        if (c.name == name)
            return &c;
    }
    return nullptr;
}

QString CommandTable::names() const
{
    QStringList all;
    for (const Command& c : m_commands)
        all << c.name;
    const QString last = all.isEmpty() ? QString() : all.takeLast();
    return all.isEmpty() ? last : all.join(QStringLiteral(", ")) + QStringLiteral(" or ") + last;
}

} // namespace gatehouse::cli
