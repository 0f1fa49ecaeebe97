#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

namespace gatehouse::api {

void addEvidenceRoutes(Router& router)
{
    // The report as HTML (the server lays out no PDF: `gatehoused evidence` does), with its detached signature.
    router.add("POST", QStringLiteral("/api/v1/evidence"), QStringLiteral("generateEvidence"), [](ApiRequest& r) {
        service::ControlPlane::EvidenceOptions options;
        if (r.hasQuery("since") && !parseQueryTime(r.query("since"), options.sinceMs))
            return problem(
                Error{ErrorCode::InvalidArgument,
                      QStringLiteral("since must be milliseconds since the epoch or an ISO 8601 date-time.")});
        options.fileName = QStringLiteral("evidence.html");
        auto report =
            r.cp().generateEvidence(r.caller(), options, [](const evidence::EvidenceData& d) -> Result<QByteArray> {
                return evidence::toHtml(d).toUtf8();
            });
        if (!report)
            return problem(report.error());
        const auto& s = report.value();
        return jsonResponse(QJsonObject{{QStringLiteral("format"), QStringLiteral("html")},
                                        {QStringLiteral("file_name"), options.fileName},
                                        {QStringLiteral("report"), QString::fromUtf8(s.bytes)},
                                        {QStringLiteral("sha256"), s.sha256},
                                        {QStringLiteral("signature"), QString::fromLatin1(s.signature.toBase64())},
                                        {QStringLiteral("public_key_pem"), QString::fromLatin1(s.publicKeyPem)}});
    });
}

} // namespace gatehouse::api
