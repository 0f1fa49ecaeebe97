#pragma once

#include "Catalog.h"
#include "core/Result.h"

#include <QHash>
#include <QString>
#include <QStringList>

namespace gatehouse::boundaries {

// The requirement ids the catalog may name (resources/boundaries/framework-ids.json), each with its title, written
// from the standards' published text. A mapping to an id that is not listed is a mistake, never a new requirement.
class FrameworkIds
{
public:
    // The built-in list (read once).
    static const FrameworkIds& builtin();
    static Result<FrameworkIds> fromJson(const QByteArray& json);

    // "" when the id is not listed.
    QString asvsTitle(const QString& id) const { return m_asvs.value(id); }
    QString nistTitle(const QString& id) const { return m_nist.value(id); }
    // Every id the catalog names that is not listed, as "control: standard id".
    QStringList unknownIn(const Catalog& catalog) const;

private:
    QHash<QString, QString> m_asvs;
    QHash<QString, QString> m_nist;
};

} // namespace gatehouse::boundaries
