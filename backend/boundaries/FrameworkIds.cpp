#include "FrameworkIds.h"

#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>

namespace gatehouse::boundaries {

Result<FrameworkIds> FrameworkIds::fromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the framework id list is not a JSON object: %1").arg(error.errorString()));
    FrameworkIds out;
    const auto read = [&doc](const char* key, QHash<QString, QString>& into) {
        const QJsonObject ids =
            doc.object().value(QLatin1String(key)).toObject().value(QLatin1String("ids")).toObject();
        for (auto it = ids.begin(); it != ids.end(); ++it)
            into.insert(it.key(), it.value().toString());
    };
    read("asvs_4_0_3", out.m_asvs);
    read("nist_800_53_r5", out.m_nist);
    if (out.m_asvs.isEmpty() || out.m_nist.isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("the framework id list names no ASVS or no NIST ids"));
    return out;
}

const FrameworkIds& FrameworkIds::builtin()
{
    static const FrameworkIds ids = [] {
        QFile f(QStringLiteral(":/boundaries/framework-ids.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("the framework id list is not compiled in");
        auto r = fromJson(f.readAll());
        if (!r)
            qFatal("%s", qPrintable(r.error().message));
        return std::move(r).value();
    }();
    return ids;
}

QStringList FrameworkIds::unknownIn(const Catalog& catalog) const
{
    QStringList unknown;
    for (const Boundary& b : catalog.boundaries()) {
        for (const Control& c : b.controls) {
            for (const QString& id : c.asvs) {
                if (!m_asvs.contains(id))
                    unknown << QStringLiteral("%1: ASVS 4.0.3 %2").arg(c.id, id);
            }
            for (const QString& id : c.nist) {
                if (!m_nist.contains(id))
                    unknown << QStringLiteral("%1: NIST SP 800-53 r5 %2").arg(c.id, id);
            }
        }
    }
    return unknown;
}

} // namespace gatehouse::boundaries
