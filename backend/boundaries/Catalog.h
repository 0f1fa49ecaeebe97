#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>

namespace gatehouse::boundaries {

struct Control
{
    QString id; // identity.mfa-admins
    QString title;
    QString description;
    QString check;          // the check that implements it (see Checks.h)
    QString evidenceDomain; // the source text's control domain
};

struct Boundary
{
    QString id; // identity
    QString name;
    QString separates;
    QString keyControls;
    QList<Control> controls;
};

// The boundary and control catalog, compiled in from resources/boundaries/catalog.json.
class Catalog
{
public:
    // The built-in catalog (read once).
    static const Catalog& builtin();
    static Result<Catalog> fromJson(const QByteArray& json);

    const QList<Boundary>& boundaries() const { return m_boundaries; }
    const Boundary* boundary(const QString& id) const;
    // The control and the boundary it belongs to; nullptr when unknown.
    const Control* control(const QString& id, const Boundary** owner = nullptr) const;

private:
    QList<Boundary> m_boundaries;
};

} // namespace gatehouse::boundaries
