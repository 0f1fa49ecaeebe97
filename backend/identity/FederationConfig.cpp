#include "FederationConfig.h"

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

std::optional<QJsonValue> valueAt(const QJsonObject& claims, const QString& path)
{
    if (!isValidPath(path))
        return std::nullopt;
    const QStringList steps = path.split(QLatin1Char('.'));
    QJsonObject here = claims;
    for (qsizetype i = 0; i < steps.size(); ++i) {
        const auto it = here.constFind(steps[i]);
        if (it == here.constEnd() || it->isNull() || it->isUndefined())
            return std::nullopt;
        if (i + 1 == steps.size())
            return *it;
        if (!it->isObject())
            return std::nullopt;
        here = it->toObject();
    }
    return std::nullopt;
}

QString textAt(const QJsonObject& claims, const QString& path)
{
    const auto v = valueAt(claims, path);
    if (!v)
        return {};
    if (v->isString())
        return v->toString();
    if (v->isDouble()) {
        const double d = v->toDouble();
        if (d == double(qint64(d)))
            return QString::number(qint64(d));
    }
    return {};
}

QStringList listAt(const QJsonObject& claims, const QString& path)
{
    const auto v = valueAt(claims, path);
    if (!v)
        return {};
    if (v->isString())
        return {v->toString()};
    QStringList out;
    if (v->isArray()) {
        for (const QJsonValue& item : v->toArray()) {
            if (item.isString() && !out.contains(item.toString()))
                out << item.toString();
        }
    }
    return out;
}

} // namespace gatehouse::identity::claims
