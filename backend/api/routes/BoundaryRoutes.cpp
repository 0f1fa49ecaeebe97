#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

namespace {

const QString kBoundaries = QStringLiteral("/api/v1/boundaries");
const QString kBoundary = QStringLiteral("/api/v1/boundaries/{boundary}");
const QString kControl = QStringLiteral("/api/v1/boundaries/{boundary}/controls/{control}");
const QString kControlHistory = QStringLiteral("/api/v1/boundaries/{boundary}/controls/{control}/history");
const QString kChecks = QStringLiteral("/api/v1/boundaries/checks");
const QString kOwnership = QStringLiteral("/api/v1/ownership");

// Every boundary's report, as listing them and running their checks answer.
HttpResponse reportsResponse(const Result<QList<service::BoundaryReport>>& reports)
{
    if (!reports)
        return problem(reports.error());
    QJsonArray items;
    for (const service::BoundaryReport& b : reports.value())
        items.append(toJson(b));
    return jsonResponse(QJsonObject{{QStringLiteral("items"), items}});
}

} // namespace

void addBoundaryRoutes(Router& router)
{
    router.add("GET", kBoundaries, QStringLiteral("listBoundaries"),
               [](ApiRequest& r) { return reportsResponse(r.cp().listBoundaries(r.caller())); });
    router.add("GET", kBoundary, QStringLiteral("getBoundary"), [](ApiRequest& r) {
        return reply(r.cp().boundary(r.caller(), r.param("boundary")),
                     [](const service::BoundaryReport& b) { return toJson(b, true); });
    });
    router.add("GET", kControl, QStringLiteral("getBoundaryControl"), [](ApiRequest& r) {
        return reply(r.cp().controlResult(r.caller(), r.param("boundary"), r.param("control")),
                     [](const boundaries::ControlResult& c) { return toJson(c); });
    });
    router.add("GET", kControlHistory, QStringLiteral("getBoundaryControlHistory"), [](ApiRequest& r) {
        boundaries::HistoryQuery q;
        for (const auto& [key, target] : {std::pair{"since", &q.sinceMs}, std::pair{"until", &q.untilMs}}) {
            if (r.hasQuery(key) && !parseQueryTime(r.query(key), *target))
                return problem(Error{ErrorCode::InvalidArgument,
                                     QStringLiteral("%1 must be milliseconds since the epoch or an ISO 8601 date-time.")
                                         .arg(QLatin1String(key))});
        }
        if (r.hasQuery("limit")) {
            bool ok = false;
            q.limit = r.query("limit").toInt(&ok);
            if (!ok || q.limit < 1 || q.limit > 1000)
                return problem(
                    Error{ErrorCode::InvalidArgument, QStringLiteral("limit must be a number from 1 to 1000.")});
        }
        q.cursor = r.query("cursor");
        auto page = r.cp().controlHistory(r.caller(), r.param("boundary"), r.param("control"), q);
        if (!page)
            return problem(page.error());
        QJsonArray items;
        for (const boundaries::ControlRecord& c : page.value().records)
            items.append(toJson(c));
        return jsonResponse(items, page.value().nextCursor);
    });
    router.add("POST", kChecks, QStringLiteral("runBoundaryChecks"),
               [](ApiRequest& r) { return reportsResponse(r.cp().runControlChecks(r.caller())); });
    router.add("GET", kOwnership, QStringLiteral("getOwnership"), [](ApiRequest& r) {
        return replyTagged(r.cp().ownership(r.caller()), [](const boundaries::Ownership& o) { return toJson(o); });
    });
    router.addWithBody("PUT", kOwnership, QStringLiteral("updateOwnership"), [](ApiRequest& r) {
        auto ownership = ownershipFromJson(r.body());
        if (!ownership)
            return problem(ownership.error());
        const auto json = [](const boundaries::Ownership& o) {
            return toJson(o);
        };
        return replyCompared(
            r.cp().setOwnership(r.caller(), ownership.value(), ifMatchExpect<boundaries::Ownership>(r, json)), json,
            [&r] { return r.cp().ownership(r.caller()); });
    });
}

} // namespace gatehouse::api
