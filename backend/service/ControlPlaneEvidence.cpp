#include "ControlPlane.h"
#include "ControlPlaneInternals.h"

#include "boundaries/ControlHistory.h"
#include "core/Logging.h"
#include "crypto/Digest.h"
#include "crypto/Ed25519.h"
#include "store/Store.h"
#include "store/Transaction.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QRegularExpression>

namespace gatehouse::service {

using authz::Permission;
namespace bd = boundaries;

namespace {

// The audit action of a control whose status changed between two runs.
const QString kControlDriftAction = QStringLiteral("control.drift");

// Checks name the identities they found ("usr_x (alice, acme)"); a report made without names keeps the id and the
// tenant and withholds the name.
QString withoutNames(const QString& text)
{
    static const QRegularExpression named(
        QStringLiteral("\\b((?:usr|int|tok)_[a-z0-9]+) \\((?:integration )?[^(),]*(, [^()]*)?\\)"));
    QString out = text;
    return out.replace(named, QStringLiteral("\\1 (name withheld\\2)"));
}

} // namespace

Result<QList<BoundaryReport>> ControlPlane::runControlChecks(const Caller& caller)
{
    Operation op{QStringLiteral("boundary.check.run"), Permission::BoundariesRead, {}, {}, QStringLiteral("boundary")};
    const auto probe = probeTenantIsolation(caller);
    return perform<QList<BoundaryReport>>(caller, op, [&](Context& ctx, QList<BoundaryReport>& out) -> Result<void> {
        ctx.tenantProbe = probe ? &*probe : nullptr;
        QList<QPair<QString, bd::ControlResult>> results;
        int counts[4] = {0, 0, 0, 0};
        for (const bd::Boundary& b : bd::Catalog::builtin().boundaries()) {
            out.append(evaluate(ctx, b));
            for (const bd::ControlResult& r : out.last().results) {
                results.append({b.id, r});
                ++counts[int(r.status)];
            }
        }
        auto drifts = bd::ControlHistory::record(m_db, results, ctx.now);
        if (!drifts)
            return drifts.error();
        // Last, so nothing after them can fail and roll them back: each change is its own event, naming the
        // control as its target, committed with the run.
        for (const bd::ControlDrift& d : drifts.value()) {
            Operation driftOp{kControlDriftAction,       kNoPermission,     {}, {},
                              QStringLiteral("control"), d.result.controlId};
            audit::AuditEvent e = eventFor(caller, &ctx.principal, driftOp);
            e.outcome = QStringLiteral("success");
            e.reason = QStringLiteral("ok");
            QJsonObject evidence;
            for (const bd::Evidence& ev : d.result.evidence)
                evidence.insert(ev.key, ev.value);
            e.details = {{QStringLiteral("boundary"), d.boundaryId},
                         {QStringLiteral("from"), bd::statusName(d.from)},
                         {QStringLiteral("to"), bd::statusName(d.result.status)},
                         {QStringLiteral("summary"), d.result.summary},
                         {QStringLiteral("evidence"), evidence}};
            if (auto r = appendEvent(e); !r)
                return r;
        }
        ctx.details = {{QStringLiteral("pass"), counts[int(bd::Status::Pass)]},
                       {QStringLiteral("warn"), counts[int(bd::Status::Warn)]},
                       {QStringLiteral("fail"), counts[int(bd::Status::Fail)]},
                       {QStringLiteral("not_applicable"), counts[int(bd::Status::NotApplicable)]},
                       {QStringLiteral("drifted"), int(drifts.value().size())}};
        return {};
    });
}

Result<qint64> ControlPlane::pruneControlHistory(int keepDays, int batch)
{
    if (keepDays <= 0)
        return qint64(0);
    const qint64 cutoff = m_clock.nowMs() - qint64(keepDays) * bd::thresholds::kDayMs;
    qint64 total = 0;
    QString control;
    for (;;) {
        {
            QMutexLocker lock(&m_mutex);
            auto next = bd::ControlHistory::nextStoredControl(m_db, control);
            if (!next)
                return next.error();
            control = next.value();
        }
        if (control.isEmpty())
            break;
        for (;;) {
            QMutexLocker lock(&m_mutex);
            auto tx = store::Transaction::begin(m_db, store::Transaction::Mode::Immediate);
            if (!tx)
                return tx.error();
            auto n = bd::ControlHistory::pruneBefore(m_db, control, cutoff, batch);
            if (!n)
                return n.error();
            if (auto c = tx.value().commit(); !c)
                return c.error();
            total += n.value();
            if (n.value() < batch)
                break;
        }
    }
    if (total > 0)
        qCInfo(lcStore) << "control history: pruned" << total << "results older than" << keepDays << "days";
    return total;
}

Result<bd::HistoryPage> ControlPlane::controlHistory(const Caller& caller, const QString& boundaryId,
                                                     const QString& controlId, const bd::HistoryQuery& query)
{
    Operation op{QStringLiteral("boundary.control.history"),
                 Permission::BoundariesRead,
                 {},
                 {},
                 QStringLiteral("control"),
                 controlId.left(64)};
    op.readOnly = true;
    return perform<bd::HistoryPage>(caller, op, [&](Context& ctx, bd::HistoryPage& out) -> Result<void> {
        auto c = controlOf(boundaryId, controlId);
        if (!c)
            return c.error();
        if (query.sinceMs > query.untilMs)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("since must not be later than until"));
        bd::HistoryQuery q = query;
        q.controlId = c.value()->id;
        auto page = bd::ControlHistory::page(m_db, q);
        if (!page)
            return page.error();
        out = std::move(page).value();
        ctx.details = {{QStringLiteral("records"), int(out.records.size())}};
        return {};
    });
}

Result<ControlPlane::SignedDocument>
ControlPlane::generateEvidence(const Caller& caller, const EvidenceOptions& options, const EvidenceRenderer& render)
{
    Operation op{QStringLiteral("evidence.generate"), Permission::BoundariesRead, {}, {}, QStringLiteral("evidence")};
    const auto probe = probeTenantIsolation(caller);
    return perform<SignedDocument>(caller, op, [&](Context& ctx, SignedDocument& out) -> Result<void> {
        ctx.tenantProbe = probe ? &*probe : nullptr;
        if (options.withNames && ctx.principal.kind != Principal::Kind::System)
            return makeError(ErrorCode::Forbidden,
                             QStringLiteral("only the local operator can put names into an "
                                            "evidence report (gatehoused evidence --with-names)"));
        evidence::EvidenceData d;
        d.generatedAtMs = ctx.now;
        d.generatedBy =
            ctx.principal.kind == Principal::Kind::System ? QStringLiteral("local operator") : ctx.principal.name;
        d.generatedByKind = ctx.principal.kindName();
        d.version = QCoreApplication::applicationVersion();
        d.storeId = m_store.config().storeId;
        d.sinceMs = options.sinceMs > 0 ? options.sinceMs : ctx.now - 30 * bd::thresholds::kDayMs;
        if (d.sinceMs > ctx.now)
            return makeError(ErrorCode::InvalidArgument, QStringLiteral("the period must start in the past"));
        d.withNames = options.withNames;
        d.fileName = options.fileName;
        auto ownership = bd::Ownership::load(m_db);
        if (!ownership)
            return ownership.error();
        d.ownership = std::move(ownership).value();

        // Every control now, by the source text's evidence domains.
        const bd::Catalog& catalog = bd::Catalog::builtin();
        QHash<QString, evidence::ControlEvidence> byControl;
        for (const bd::Boundary& b : catalog.boundaries()) {
            const BoundaryReport report = evaluate(ctx, b);
            d.boundaries.append(b);
            d.boundaryStatus.append(report.status);
            for (int i = 0; i < b.controls.size(); ++i) {
                auto history = bd::ControlHistory::summarize(m_db, b.controls[i].id, d.sinceMs, ctx.now);
                if (!history)
                    return history.error();
                bd::ControlResult result = report.results.value(i);
                if (!options.withNames) {
                    result.summary = withoutNames(result.summary);
                    for (bd::Evidence& e : result.evidence)
                        e.value = withoutNames(e.value);
                }
                byControl.insert(b.controls[i].id, {b.id, b.name, b.controls[i], result, history.value()});
            }
        }
        for (const bd::EvidenceDomain& domain : catalog.evidenceDomains()) {
            evidence::DomainEvidence de{domain, {}};
            for (const bd::Boundary& b : catalog.boundaries()) {
                for (const bd::Control& c : b.controls) {
                    if (c.evidenceDomain == domain.name)
                        de.controls.append(byControl.value(c.id));
                }
            }
            d.domains.append(de);
        }
        for (const QString& id : {QStringLiteral("secrets.key-custody"), QStringLiteral("change.master-key-age")})
            d.keyFacts << byControl.value(id).result.evidence;
        d.keyCustody = m_store.config().custody.describe();
        d.transport = transportFacts();

        // The audit trail: its extent, the newest checkpoint, and a verification now (from where the last one got).
        auto count = m_audit.count();
        auto first = m_audit.firstSeq();
        auto last = m_audit.lastSeq();
        if (!count || !first || !last)
            return !count ? count.error() : !first ? first.error() : last.error();
        d.auditEvents = count.value();
        d.firstSeq = first.value();
        d.lastSeq = last.value();
        auto checkpoint = m_audit.lastCheckpoint();
        if (!checkpoint)
            return checkpoint.error();
        if (checkpoint.value()) {
            d.hasCheckpoint = true;
            d.checkpoint = *checkpoint.value();
        }
        // Bounded like the audit-chain control, so a report never holds the store for a long walk: the report says
        // when newer events still wait for verification.
        auto verified = m_audit.verify(true, bd::thresholds::kAuditVerifyChunk);
        if (!verified)
            return verified.error();
        d.verification = verified.value();
        d.verifiedAtMs = m_clock.nowMs();

        // The role model: bindings per role and tenant (the platform's tenant is ''), roles nobody holds too.
        auto counts = sql::all(
            m_db,
            [](const store::Statement& s) {
                evidence::RoleBindings r;
                r.tenantName = s.text(0);
                r.roleId = s.text(1);
                r.roleName = s.text(2);
                r.bindings = s.int64(3);
                return r;
            },
            "SELECT COALESCE(t.name, ''), b.role_id, COALESCE(r.name, ''), COUNT(*) FROM bindings b "
            "LEFT JOIN tenants t ON t.id = b.tenant_id AND b.tenant_id <> '' "
            "LEFT JOIN roles r ON r.id = b.role_id AND r.tenant_id = b.tenant_id "
            "GROUP BY b.tenant_id, b.role_id "
            "UNION ALL SELECT COALESCE(t.name, ''), r.id, r.name, 0 FROM roles r "
            "LEFT JOIN tenants t ON t.id = r.tenant_id "
            "WHERE NOT EXISTS (SELECT 1 FROM bindings b WHERE b.role_id = r.id AND b.tenant_id = r.tenant_id) "
            "ORDER BY 1, 2;");
        if (!counts)
            return counts.error();
        d.roles = std::move(counts).value();
        QHash<QString, QStringList> holders;
        if (options.withNames) {
            auto names = sql::all(
                m_db,
                [](const store::Statement& s) {
                    return std::pair{s.text(0) + QLatin1Char('/') + s.text(1), s.text(2)};
                },
                "SELECT COALESCE(t.name, ''), b.role_id, COALESCE(u.username, i.name, b.identity_id) FROM bindings b "
                "LEFT JOIN tenants t ON t.id = b.tenant_id AND b.tenant_id <> '' "
                "LEFT JOIN users u ON u.id = b.identity_id AND u.tenant_id = b.tenant_id "
                "LEFT JOIN integrations i ON i.id = b.identity_id AND i.tenant_id = b.tenant_id "
                "ORDER BY 3;");
            if (!names)
                return names.error();
            for (const auto& [key, name] : names.value())
                holders[key] << name;
        }
        for (evidence::RoleBindings& r : d.roles) {
            if (const authz::Role* builtin = authz::builtin::find(r.roleId)) {
                r.builtin = true;
                r.roleName = builtin->name;
            }
            r.holders = holders.value(r.tenantName + QLatin1Char('/') + r.roleId);
        }

        const QByteArray key = m_audit.publicKey();
        d.publicKeyPem = crypto::ed25519::publicKeyPem(key);
        d.publicKeySha256 = QString::fromLatin1(crypto::sha256(key).toHex());

        auto bytes = render(d);
        if (!bytes)
            return bytes.error();
        auto signature = m_audit.signDocument(bytes.value());
        if (!signature)
            return signature.error();
        out.bytes = std::move(bytes).value();
        out.sha256 = QString::fromLatin1(crypto::sha256(out.bytes).toHex());
        out.signature = std::move(signature).value();
        out.publicKeyPem = d.publicKeyPem;
        ctx.details = {{QStringLiteral("sha256"), out.sha256},
                       {QStringLiteral("bytes"), qint64(out.bytes.size())},
                       {QStringLiteral("since_ms"), d.sinceMs},
                       {QStringLiteral("with_names"), options.withNames},
                       {QStringLiteral("audit_intact"), d.verification.intact}};
        return {};
    });
}

} // namespace gatehouse::service
