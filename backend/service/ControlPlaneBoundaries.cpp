#include "ControlPlane.h"
#include "ControlPlaneInternals.h"

#include "boundaries/Checks.h"

#include <QJsonArray>

namespace gatehouse::service {

using authz::Permission;
namespace bd = boundaries;

namespace {

QJsonObject tally(const QList<BoundaryReport>& reports)
{
    int counts[4] = {0, 0, 0, 0};
    for (const BoundaryReport& r : reports) {
        for (const bd::ControlResult& c : r.results)
            ++counts[int(c.status)];
    }
    return {{QStringLiteral("pass"), counts[int(bd::Status::Pass)]},
            {QStringLiteral("warn"), counts[int(bd::Status::Warn)]},
            {QStringLiteral("fail"), counts[int(bd::Status::Fail)]},
            {QStringLiteral("not_applicable"), counts[int(bd::Status::NotApplicable)]}};
}

} // namespace

Result<const bd::Control*> controlOf(const QString& boundaryId, const QString& controlId)
{
    const bd::Boundary* owner = nullptr;
    const bd::Control* c = bd::Catalog::builtin().control(controlId, &owner);
    if (!bd::Catalog::builtin().boundary(boundaryId))
        return notFound(QStringLiteral("trust boundary"));
    if (!c || owner->id != boundaryId)
        return notFound(QStringLiteral("control"));
    return c;
}

void ControlPlane::setTransportFacts(const bd::TransportFacts& facts)
{
    QMutexLocker lock(&m_transportMutex);
    m_transport = facts;
}

bd::TransportFacts ControlPlane::transportFacts() const
{
    QMutexLocker lock(&m_transportMutex);
    return m_transport;
}

bd::ControlResult ControlPlane::runCheck(const Context& ctx, const bd::Control& control)
{
    bd::CheckInput input{m_store,
                         m_db,
                         m_audit,
                         *m_keyRing,
                         m_authorizer,
                         transportFacts(),
                         m_audit.checkpointPolicy(),
                         m_auditAvailable.load(),
                         m_feed.subscriberCount(),
                         ctx.now};
    if (m_index) {
        input.auditIndexOpen = true;
        input.auditIndexBuilding = !m_index->caughtUpOnce();
        auto last = m_audit.lastSeq();
        input.auditIndexLag = std::max<qint64>(0, (last ? last.value() : 0) - m_index->indexedSeq());
    }
    input.auditIndexBound = kIndexAdmissionBound;
    input.tenantProbe = ctx.tenantProbe;
    bd::ControlResult r;
    if (const bd::Check* check = bd::findCheck(control.check)) {
        r = (*check)(input);
    } else {
        r.status = bd::Status::Fail;
        r.summary = QStringLiteral("no check implements this control");
    }
    r.controlId = control.id;
    r.checkedAtMs = ctx.now;
    return r;
}

BoundaryReport ControlPlane::evaluate(const Context& ctx, const bd::Boundary& boundary)
{
    BoundaryReport report{boundary, bd::Status::NotApplicable, {}};
    for (const bd::Control& c : boundary.controls) {
        report.results.append(runCheck(ctx, c));
        report.status = bd::worst(report.status, report.results.last().status);
    }
    return report;
}

Result<bd::IntegrityScan> ControlPlane::scanStoreIntegrity(const Caller& caller)
{
    Operation op{bd::kIntegrityScanAction, kNoPermission, {}, {}, QStringLiteral("store")};
    op.systemOnly = true;
    return perform<bd::IntegrityScan>(caller, op, [&](Context& ctx, bd::IntegrityScan& out) -> Result<void> {
        auto scan = bd::scanIntegrity(m_db);
        if (!scan)
            return scan.error();
        out = scan.value();
        ctx.details = {{QStringLiteral("result"), out.ok() ? QStringLiteral("ok") : QStringLiteral("damaged")},
                       {QStringLiteral("quick_check"),
                        out.pageCheckOk ? QStringLiteral("ok") : out.pageProblems.mid(0, 5).join(QStringLiteral("; "))},
                       {QStringLiteral("dangling_rows"), out.danglingRows.size()}};
        return {};
    });
}

Result<QList<BoundaryReport>> ControlPlane::listBoundaries(const Caller& caller)
{
    Operation op{QStringLiteral("boundary.list"), Permission::BoundariesRead, {}, {}, QStringLiteral("boundary")};
    op.readOnly = true;
    const auto probe = probeTenantIsolation(caller);
    return perform<QList<BoundaryReport>>(caller, op, [&](Context& ctx, QList<BoundaryReport>& out) -> Result<void> {
        ctx.tenantProbe = probe ? &*probe : nullptr;
        for (const bd::Boundary& b : bd::Catalog::builtin().boundaries())
            out.append(evaluate(ctx, b));
        ctx.details = tally(out);
        return {};
    });
}

Result<BoundaryReport> ControlPlane::boundary(const Caller& caller, const QString& boundaryId)
{
    Operation op{QStringLiteral("boundary.read"), Permission::BoundariesRead, {}, {},
                 QStringLiteral("boundary"),      boundaryId.left(64)};
    op.readOnly = true;
    const auto probe = boundaryId == kTenantProbeBoundary ? probeTenantIsolation(caller) : std::nullopt;
    return perform<BoundaryReport>(caller, op, [&](Context& ctx, BoundaryReport& out) -> Result<void> {
        ctx.tenantProbe = probe ? &*probe : nullptr;
        const bd::Boundary* b = bd::Catalog::builtin().boundary(boundaryId);
        if (!b)
            return notFound(QStringLiteral("trust boundary"));
        out = evaluate(ctx, *b);
        ctx.details = tally({out});
        return {};
    });
}

Result<bd::ControlResult> ControlPlane::controlResult(const Caller& caller, const QString& boundaryId,
                                                      const QString& controlId)
{
    Operation op{QStringLiteral("boundary.control.read"),
                 Permission::BoundariesRead,
                 {},
                 {},
                 QStringLiteral("control"),
                 controlId.left(64)};
    op.readOnly = true;
    const auto probe = boundaryId == kTenantProbeBoundary && controlId == kTenantProbeControl
                           ? probeTenantIsolation(caller)
                           : std::nullopt;
    return perform<bd::ControlResult>(caller, op, [&](Context& ctx, bd::ControlResult& out) -> Result<void> {
        ctx.tenantProbe = probe ? &*probe : nullptr;
        auto c = controlOf(boundaryId, controlId);
        if (!c)
            return c.error();
        out = runCheck(ctx, *c.value());
        ctx.details = {{QStringLiteral("status"), bd::statusName(out.status)}};
        return {};
    });
}

Result<bd::Ownership> ControlPlane::ownership(const Caller& caller)
{
    Operation op{QStringLiteral("ownership.read"), Permission::BoundariesRead,  {}, {},
                 QStringLiteral("ownership"),      QStringLiteral("deployment")};
    op.readOnly = true;
    return perform<bd::Ownership>(caller, op, [&](Context&, bd::Ownership& out) -> Result<void> {
        auto o = bd::Ownership::load(m_db);
        if (!o)
            return o.error();
        out = std::move(o).value();
        return {};
    });
}

Result<bd::Ownership> ControlPlane::setOwnership(const Caller& caller, const bd::Ownership& ownership,
                                                 const Expect<bd::Ownership>& expect)
{
    Operation op{QStringLiteral("ownership.update"), Permission::OwnershipWrite,  {}, {},
                 QStringLiteral("ownership"),        QStringLiteral("deployment")};
    return perform<bd::Ownership>(caller, op, [&](Context& ctx, bd::Ownership& out) -> Result<void> {
        if (auto v = ownership.validate(); !v)
            return v;
        auto before = bd::Ownership::load(m_db);
        if (!before)
            return before.error();
        if (auto stale = checkExpected(ctx, expect, before.value(), QStringLiteral("ownership statement")); !stale)
            return stale;
        if (auto r = bd::Ownership::save(m_db, ownership, ctx.now, ctx.principal.id); !r)
            return r;
        auto after = bd::Ownership::load(m_db);
        if (!after)
            return after.error();
        // Owners and contacts are not secret: the event says what each changed area now says.
        QJsonObject changed;
        for (const bd::OwnershipArea& a : after.value().areas) {
            const bd::OwnershipArea* was = before.value().find(a.area);
            if (!before.value().stated || !was || was->owner != a.owner || was->contact != a.contact)
                changed.insert(a.area,
                               QJsonObject{{QStringLiteral("owner"), a.owner}, {QStringLiteral("contact"), a.contact}});
        }
        ctx.details = {{QStringLiteral("changed"), changed},
                       {QStringLiteral("first_statement"), !before.value().stated}};
        out = std::move(after).value();
        return {};
    });
}

} // namespace gatehouse::service
