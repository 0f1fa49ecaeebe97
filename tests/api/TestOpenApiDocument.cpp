// The OpenAPI document (resources/api/openapi.json, served at /api/v1/openapi.json) against the router of a
// real ApiService: both list exactly the same operations (method, path pattern, operationId), every
// operationId is unique, `security: []` marks exactly the anonymous routes, a request body is documented exactly
// where the route reads one, and every request body refuses properties it does not list.
#include "ControlPlaneFixture.h"
#include "api/ApiService.h"
#include "api/Router.h"
#include "authz/Permission.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;

namespace {

// One operation as "METHOD /path/{param} operationId": the form both sides are compared in.
QString key(const QString& method, const QString& path, const QString& operationId)
{
    return method.toUpper() + QLatin1Char(' ') + path + QLatin1Char(' ') + operationId;
}

const QStringList kMethods{QStringLiteral("get"),    QStringLiteral("put"),     QStringLiteral("post"),
                           QStringLiteral("delete"), QStringLiteral("options"), QStringLiteral("head"),
                           QStringLiteral("patch"),  QStringLiteral("trace")};

struct DocumentOperation
{
    QString method; // upper case, as the router has it
    QString path;
    QJsonObject operation;
};

QList<DocumentOperation> documentOperations(const QJsonObject& document)
{
    QList<DocumentOperation> out;
    const QJsonObject paths = document.value(QStringLiteral("paths")).toObject();
    for (auto p = paths.begin(); p != paths.end(); ++p) {
        const QJsonObject item = p.value().toObject();
        for (auto m = item.begin(); m != item.end(); ++m) {
            if (kMethods.contains(m.key()))
                out.append({m.key().toUpper(), p.key(), m.value().toObject()});
        }
    }
    return out;
}

QString listed(QStringList lines)
{
    lines.sort();
    return QStringLiteral("\n    ") + lines.join(QStringLiteral("\n    "));
}

} // namespace

class TestOpenApiDocument : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void documentIsOpenApi31();
    void servedDocumentIsTheCompiledOne();
    void sameOperationsOnBothSides();
    void operationIdsAreUnique();
    void onlyAnonymousRoutesWaiveSecurity();
    void permissionEnumIsTheCatalog();
    void requestBodiesWhereRoutesReadThem();
    void requestSchemasRefuseUnknownFields();

private:
    std::unique_ptr<ControlPlaneFixture> f;
    std::unique_ptr<api::ApiService> service;
    QJsonObject document;
};

void TestOpenApiDocument::initTestCase()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    service = std::make_unique<api::ApiService>(*f->cp);
    QVERIFY(!service->router().routes().isEmpty());

    const QByteArray bytes = api::ApiService::openApiDocument();
    QVERIFY2(!bytes.isEmpty(), "the OpenAPI document is not compiled in (:/api/openapi.json)");
    QJsonParseError error;
    const QJsonDocument parsed = QJsonDocument::fromJson(bytes, &error);
    QVERIFY2(error.error == QJsonParseError::NoError,
             qPrintable(QStringLiteral("openapi.json at offset %1: %2").arg(error.offset).arg(error.errorString())));
    QVERIFY(parsed.isObject());
    document = parsed.object();
}

void TestOpenApiDocument::documentIsOpenApi31()
{
    QCOMPARE(document.value(QStringLiteral("openapi")).toString(), QStringLiteral("3.1.0"));
    const QJsonObject info = document.value(QStringLiteral("info")).toObject();
    QCOMPARE(info.value(QStringLiteral("version")).toString(), QStringLiteral("1.0.0"));
    QVERIFY(!info.value(QStringLiteral("title")).toString().isEmpty());
    QVERIFY(info.contains(QStringLiteral("license")));
    // Bearer tokens everywhere unless an operation says otherwise.
    const QJsonArray security = document.value(QStringLiteral("security")).toArray();
    QCOMPARE(security.size(), 1);
    QVERIFY(security.first().toObject().contains(QStringLiteral("bearerAuth")));
    const QJsonObject scheme = document.value(QStringLiteral("components"))
                                   .toObject()
                                   .value(QStringLiteral("securitySchemes"))
                                   .toObject()
                                   .value(QStringLiteral("bearerAuth"))
                                   .toObject();
    QCOMPARE(scheme.value(QStringLiteral("type")).toString(), QStringLiteral("http"));
    QCOMPARE(scheme.value(QStringLiteral("scheme")).toString(), QStringLiteral("bearer"));
}

void TestOpenApiDocument::servedDocumentIsTheCompiledOne()
{
    api::HttpRequest request;
    request.method = "GET";
    request.target = "/api/v1/openapi.json";
    request.rawPath = request.target;
    api::ConnectionInfo connection;
    connection.peerAddress = QStringLiteral("127.0.0.1");
    const api::StreamStarter noStreams = [](api::HttpResponse) {
        return std::shared_ptr<api::ResponseStream>();
    };
    const api::HttpResponse response = service->handle(request, connection, noStreams); // no token: anonymous
    QCOMPARE(response.status, 200);
    QCOMPARE(response.header("Content-Type"), QByteArray("application/json"));
    QCOMPARE(response.body, api::ApiService::openApiDocument());
}

void TestOpenApiDocument::sameOperationsOnBothSides()
{
    QSet<QString> routed;
    for (const api::Route& r : service->router().routes())
        routed.insert(key(QString::fromLatin1(r.method), r.pattern, r.operationId));
    QSet<QString> documented;
    for (const DocumentOperation& o : documentOperations(document))
        documented.insert(key(o.method, o.path, o.operation.value(QStringLiteral("operationId")).toString()));

    const QStringList onlyRouted = (routed - documented).values();
    const QStringList onlyDocumented = (documented - routed).values();
    QString message;
    if (!onlyRouted.isEmpty())
        message +=
            QStringLiteral("\n  routed but not in openapi.json (%1):").arg(onlyRouted.size()) + listed(onlyRouted);
    if (!onlyDocumented.isEmpty())
        message += QStringLiteral("\n  in openapi.json but not routed (%1):").arg(onlyDocumented.size()) +
                   listed(onlyDocumented);
    if (!message.isEmpty())
        qWarning().noquote() << message; // in full: QVERIFY2 cuts long messages short
    QVERIFY2(message.isEmpty(), qPrintable(QStringLiteral("%1 operations routed but not documented, %2 documented "
                                                          "but not routed (listed above)")
                                               .arg(onlyRouted.size())
                                               .arg(onlyDocumented.size())));
    QCOMPARE(documented.size(), service->router().routes().size());
}

void TestOpenApiDocument::operationIdsAreUnique()
{
    QHash<QString, QStringList> documented;
    for (const DocumentOperation& o : documentOperations(document)) {
        const QString id = o.operation.value(QStringLiteral("operationId")).toString();
        QVERIFY2(!id.isEmpty(), qPrintable(QStringLiteral("%1 %2 has no operationId").arg(o.method, o.path)));
        documented[id].append(o.method + QLatin1Char(' ') + o.path);
    }
    QHash<QString, QStringList> routed;
    for (const api::Route& r : service->router().routes())
        routed[r.operationId].append(QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern);

    QStringList duplicates;
    for (const auto* side : {&documented, &routed}) {
        for (auto it = side->begin(); it != side->end(); ++it) {
            if (it.value().size() > 1)
                duplicates.append(
                    (side == &documented ? QStringLiteral("openapi.json: ") : QStringLiteral("router: ")) + it.key() +
                    QStringLiteral(" on ") + it.value().join(QStringLiteral(", ")));
        }
    }
    QVERIFY2(duplicates.isEmpty(),
             qPrintable(QStringLiteral("operationIds used more than once:") + listed(duplicates)));
}

void TestOpenApiDocument::onlyAnonymousRoutesWaiveSecurity()
{
    QHash<QString, QJsonObject> byOperation; // "METHOD path" -> operation
    for (const DocumentOperation& o : documentOperations(document))
        byOperation.insert(o.method + QLatin1Char(' ') + o.path, o.operation);

    QStringList wrong;
    int anonymous = 0;
    for (const api::Route& r : service->router().routes()) {
        const QString where = QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern;
        const auto it = byOperation.constFind(where);
        if (it == byOperation.constEnd())
            continue; // reported by sameOperationsOnBothSides
        const bool waived = it->contains(QStringLiteral("security"));
        if (r.anonymous) {
            ++anonymous;
            if (!waived || !it->value(QStringLiteral("security")).isArray() ||
                !it->value(QStringLiteral("security")).toArray().isEmpty())
                wrong.append(where + QStringLiteral(": anonymous route without \"security\": []"));
        } else if (waived) {
            wrong.append(where + QStringLiteral(": needs a token, but overrides the global security"));
        }
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(listed(wrong)));
    QVERIFY(anonymous >= 4); // login, healthz, readyz, openapi
}

void TestOpenApiDocument::permissionEnumIsTheCatalog()
{
    const QJsonArray values = document.value(QStringLiteral("components"))
                                  .toObject()
                                  .value(QStringLiteral("schemas"))
                                  .toObject()
                                  .value(QStringLiteral("Permission"))
                                  .toObject()
                                  .value(QStringLiteral("enum"))
                                  .toArray();
    QStringList documented;
    for (const QJsonValue& v : values)
        documented.append(v.toString());
    QStringList catalog;
    for (int i = 0; i < static_cast<int>(authz::Permission::Count_); ++i)
        catalog.append(authz::permissionName(static_cast<authz::Permission>(i)));
    QCOMPARE(documented, catalog);
}

void TestOpenApiDocument::requestBodiesWhereRoutesReadThem()
{
    QHash<QString, QJsonObject> byOperation; // "METHOD path" -> operation
    for (const DocumentOperation& o : documentOperations(document))
        byOperation.insert(o.method + QLatin1Char(' ') + o.path, o.operation);
    QStringList wrong;
    int withBody = 0;
    for (const api::Route& r : service->router().routes()) {
        const QString where = QString::fromLatin1(r.method) + QLatin1Char(' ') + r.pattern;
        const auto it = byOperation.constFind(where);
        if (it == byOperation.constEnd())
            continue; // reported by sameOperationsOnBothSides
        const bool documented = it->contains(QStringLiteral("requestBody"));
        const bool reads = r.body == api::RouteBody::Json;
        withBody += reads ? 1 : 0;
        if (documented != reads)
            wrong.append(where + (reads ? QStringLiteral(": reads a body the document does not describe")
                                        : QStringLiteral(": documents a body the route refuses")));
        // A body sent where none is taken, or a field that is not taken, answers 400.
        if (!it->value(QStringLiteral("responses")).toObject().contains(QStringLiteral("400")))
            wrong.append(where + QStringLiteral(": does not list 400, which any unexpected body or field gets"));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(listed(wrong)));
    QVERIFY(withBody >= 30);
}

void TestOpenApiDocument::requestSchemasRefuseUnknownFields()
{
    const QJsonObject schemas =
        document.value(QStringLiteral("components")).toObject().value(QStringLiteral("schemas")).toObject();
    QStringList wrong;
    int checked = 0;
    for (const DocumentOperation& o : documentOperations(document)) {
        if (!o.operation.contains(QStringLiteral("requestBody")))
            continue;
        const QString id = o.operation.value(QStringLiteral("operationId")).toString();
        const QJsonObject content =
            o.operation.value(QStringLiteral("requestBody")).toObject().value(QStringLiteral("content")).toObject();
        if (content.keys() != QStringList{QStringLiteral("application/json")}) {
            wrong.append(id + QStringLiteral(": the request body must be application/json only"));
            continue;
        }
        QJsonObject schema =
            content.value(QStringLiteral("application/json")).toObject().value(QStringLiteral("schema")).toObject();
        const QString ref = schema.value(QStringLiteral("$ref")).toString();
        if (!ref.isEmpty())
            schema = schemas.value(ref.section(QLatin1Char('/'), -1)).toObject();
        ++checked;
        if (schema.value(QStringLiteral("type")).toString() != QLatin1String("object") ||
            schema.value(QStringLiteral("additionalProperties")) != QJsonValue(false))
            wrong.append(id + QStringLiteral(" (%1): an object schema with \"additionalProperties\": false")
                                  .arg(ref.isEmpty() ? QStringLiteral("inline") : ref));
    }
    QVERIFY2(wrong.isEmpty(), qPrintable(listed(wrong)));
    QVERIFY(checked >= 30);
}

QTEST_GUILESS_MAIN(TestOpenApiDocument)
#include "TestOpenApiDocument.moc"
