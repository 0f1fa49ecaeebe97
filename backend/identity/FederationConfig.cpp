#include "FederationConfig.h"

#include "oidc/TokenValidation.h"

#include <QJsonArray>
#include <QRegularExpression>

namespace gatehouse::identity::claims {

bool isValidPath(const QString& path)
{
    static const QRegularExpression step(QStringLiteral("^[A-Za-z0-9_:/-]{1,64}$"));
    if (path.isEmpty() || path.size() > 256)
        return false;
    const QStringList steps = path.split(QLatin1Char('.'));
    if (steps.size() > 8)
        return false;
    for (const QString& s : steps) {
        if (!step.match(s).hasMatch())
            return false;
    }
    return true;
}

QString textAt(const QJsonObject& claims, const QString& path)
{
    if (!isValidPath(path))
        return {};
    const QJsonValue v = oidc::claimAt(claims, path);
    if (v.isString())
        return v.toString();
    if (v.isDouble()) {
        const double d = v.toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
    }
    return {};
}

QStringList listAt(const QJsonObject& claims, const QString& path)
{
    if (!isValidPath(path))
        return {};
    const QJsonValue v = oidc::claimAt(claims, path);
    if (v.isString())
        return {v.toString()};
    QStringList out;
    if (v.isArray()) {
        for (const QJsonValue& item : v.toArray()) {
            if (item.isString() && !out.contains(item.toString()))
                out << item.toString();
        }
    }
    return out;
}

} // namespace gatehouse::identity::claims
