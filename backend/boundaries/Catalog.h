#pragma once

#include "core/Result.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::boundaries {

struct Control
{
    QString id; // identity.mfa-admins
    QString title;
    QString description;
    QString check;          // the check that implements it (see Checks.h)
    QString evidenceDomain; // the source text's control domain
    // Requirement ids of the standards the control gives evidence for (resources/boundaries/framework-ids.json).
    QStringList asvs; // OWASP ASVS 4.0.3, "V3.3.1"
    QStringList nist; // NIST SP 800-53 rev. 5, "AC-12"
};

// A row of the source text's "Evidence you can request" table.
struct EvidenceDomain
{
    QString name;
    QString summary;
    QString primaryEvidence;
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
    const QList<EvidenceDomain>& evidenceDomains() const { return m_domains; }
    int version() const { return m_version; }
    const Boundary* boundary(const QString& id) const;
    // The control and the boundary it belongs to; nullptr when unknown.
    const Control* control(const QString& id, const Boundary** owner = nullptr) const;

private:
    QList<Boundary> m_boundaries;
    QList<EvidenceDomain> m_domains;
    int m_version = 0;
};

} // namespace gatehouse::boundaries
