#include "Catalog.h"

#include "ControlResult.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <algorithm>

namespace gatehouse::boundaries {

QString statusName(Status status)
{
    switch (status) {
    case Status::Pass:
        return QStringLiteral("pass");
    case Status::NotApplicable:
        return QStringLiteral("not_applicable");
    case Status::Warn:
        return QStringLiteral("warn");
    case Status::Fail:
        return QStringLiteral("fail");
    }
    return QStringLiteral("fail");
}

Status worst(Status a, Status b)
{
    return std::max(a, b);
}

Result<Catalog> Catalog::fromJson(const QByteArray& json)
{
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json, &error);
    if (!doc.isObject())
        return makeError(ErrorCode::Corrupt,
                         QStringLiteral("the boundary catalog is not a JSON object: %1").arg(error.errorString()));
    Catalog catalog;
    catalog.m_version = doc.object().value(QLatin1String("version")).toInt();
    for (const QJsonValue& dv : doc.object().value(QLatin1String("evidence_domains")).toArray()) {
        const QJsonObject d = dv.toObject();
        catalog.m_domains.append({d.value(QLatin1String("name")).toString(),
                                  d.value(QLatin1String("summary")).toString(),
                                  d.value(QLatin1String("primary_evidence")).toString()});
    }
    for (const QJsonValue& bv : doc.object().value(QLatin1String("boundaries")).toArray()) {
        const QJsonObject b = bv.toObject();
        Boundary boundary{b.value(QLatin1String("id")).toString(),
                          b.value(QLatin1String("name")).toString(),
                          b.value(QLatin1String("separates")).toString(),
                          b.value(QLatin1String("key_controls")).toString(),
                          {}};
        for (const QJsonValue& cv : b.value(QLatin1String("controls")).toArray()) {
            const QJsonObject c = cv.toObject();
            Control control{c.value(QLatin1String("id")).toString(),
                            c.value(QLatin1String("title")).toString(),
                            c.value(QLatin1String("description")).toString(),
                            c.value(QLatin1String("check")).toString(),
                            c.value(QLatin1String("evidence_domain")).toString(),
                            {},
                            {}};
            const QJsonObject fw = c.value(QLatin1String("frameworks")).toObject();
            for (const QJsonValue& v : fw.value(QLatin1String("asvs_4_0_3")).toArray())
                control.asvs << v.toString();
            for (const QJsonValue& v : fw.value(QLatin1String("nist_800_53_r5")).toArray())
                control.nist << v.toString();
            if (control.id.isEmpty() || control.check.isEmpty() || control.title.isEmpty())
                return makeError(
                    ErrorCode::Corrupt,
                    QStringLiteral("a control of boundary %1 lacks an id, title or check").arg(boundary.id));
            boundary.controls.append(control);
        }
        if (boundary.id.isEmpty() || boundary.name.isEmpty() || boundary.controls.isEmpty())
            return makeError(ErrorCode::Corrupt, QStringLiteral("a boundary lacks an id, a name or controls"));
        catalog.m_boundaries.append(boundary);
    }
    if (catalog.m_boundaries.isEmpty())
        return makeError(ErrorCode::Corrupt, QStringLiteral("the boundary catalog lists no boundaries"));
    return catalog;
}

const Catalog& Catalog::builtin()
{
    static const Catalog catalog = [] {
        QFile f(QStringLiteral(":/boundaries/catalog.json"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("the boundary catalog is not compiled in");
        auto c = fromJson(f.readAll());
        if (!c)
            qFatal("%s", qPrintable(c.error().message));
        return std::move(c).value();
    }();
    return catalog;
}

const Boundary* Catalog::boundary(const QString& id) const
{
    for (const Boundary& b : m_boundaries) {
        if (b.id == id)
            return &b;
    }
    return nullptr;
}

const Control* Catalog::control(const QString& id, const Boundary** owner) const
{
    for (const Boundary& b : m_boundaries) {
        for (const Control& c : b.controls) {
            if (c.id == id) {
                if (owner)
                    *owner = &b;
                return &c;
            }
        }
    }
    return nullptr;
}

} // namespace gatehouse::boundaries
