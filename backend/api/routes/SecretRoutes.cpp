#include "api/ApiJson.h"
#include "api/ApiRequest.h"
#include "api/BodyFields.h"
#include "api/Router.h"
#include "api/Routes.h"
#include "service/ControlPlane.h"

#include <QJsonDocument>

namespace gatehouse::api {

namespace {

auto asJson = [](const auto& value) {
    return toJson(value);
};

const QString kSecrets = QStringLiteral("/api/v1/tenants/{tenant}/workspaces/{workspace}/secrets");
const QString kSecret = QStringLiteral("/api/v1/tenants/{tenant}/workspaces/{workspace}/secrets/{name}");

// Where a secret lives, as a client sends it: the name is one path segment, its "/" sent as %2F.
QString secretPath(const ApiRequest& r, const QString& name)
{
    return QStringLiteral("/api/v1/tenants/") + pathSegment(r.param("tenant")) + QStringLiteral("/workspaces/") +
           pathSegment(r.param("workspace")) + QStringLiteral("/secrets/") + pathSegment(name);
}

// One secret's metadata, picked from the list the control plane gives (there is no single-secret read). The
// name narrows the list (it matches as a prefix); only the exact name is taken.
Result<secrets::Secret> findSecret(const ApiRequest& r)
{
    const QString name = r.param("name");
    auto list = r.cp().listSecrets(r.caller(), r.param("tenant"), r.param("workspace"), name);
    if (!list)
        return list.error();
    for (const secrets::Secret& s : list.value())
        if (s.name == name)
            return s;
    return Error{ErrorCode::NotFound, QStringLiteral("secret not found")};
}

// A version number in the path: 1 or more.
std::optional<int> versionParam(const ApiRequest& r)
{
    bool ok = false;
    const int version = r.param("version").toInt(&ok);
    return ok && version > 0 ? std::optional<int>(version) : std::nullopt;
}

// The reveal answer, the one place a value leaves Gatehouse. The body is written straight from the scrubbed
// buffer, in one allocation, so no other copy of the value is left behind in freed memory.
HttpResponse revealed(const QString& name, int version, const SecureBytes& value)
{
    const QByteArrayView bytes = value.view();
    if (!bytes.isValidUtf8())
        return problem(Error{ErrorCode::Conflict, QStringLiteral("This version is not UTF-8 text, so it cannot be "
                                                                 "sent in a JSON answer.")});
    auto escapedSize = [](char c) -> qsizetype {
        const auto u = static_cast<unsigned char>(c);
        return c == '"' || c == '\\' ? 2 : u < 0x20 ? 6 : 1;
    };
    qsizetype size = 0;
    for (char c : bytes)
        size += escapedSize(c);
    QByteArray head = QJsonDocument(QJsonObject{{QStringLiteral("name"), name}, {QStringLiteral("version"), version}})
                          .toJson(QJsonDocument::Compact);
    head.chop(1); // the closing brace
    static const char kHex[] = "0123456789abcdef";
    QByteArray body;
    body.reserve(head.size() + qsizetype(sizeof(",\"value\":\"\"}")) + size);
    body.append(head).append(",\"value\":\"");
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\')
            body.append('\\').append(c);
        else if (u < 0x20)
            body.append("\\u00").append(kHex[u >> 4]).append(kHex[u & 0xf]);
        else
            body.append(c);
    }
    body.append("\"}");
    HttpResponse r;
    r.setHeader("Content-Type", "application/json");
    r.body = std::move(body);
    return r;
}

} // namespace

void addSecretRoutes(Router& router)
{
    router.add("GET", kSecrets, QStringLiteral("listSecrets"), [](ApiRequest& r) {
        auto list = r.cp().listSecrets(r.caller(), r.param("tenant"), r.param("workspace"), r.query("search"));
        return list ? pagedList(r, toJsonArray(list.value())) : problem(list.error());
    });
    router.addWithBody("POST", kSecrets, QStringLiteral("createSecret"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        service::ControlPlane::NewSecret spec;
        spec.name = f.string("name");
        f.requireSecret("value");
        spec.description = f.optionalString("description").value_or(QString());
        spec.tags = f.optionalStringList("tags").value_or(QStringList());
        spec.rotationDays = f.optionalInteger("rotation_days").value_or(0);
        spec.expiresAtMs = f.optionalInteger64("expires_at").value_or(0);
        if (!f)
            return problem(f.error());
        auto made = r.cp().createSecret(r.caller(), r.param("tenant"), r.param("workspace"), spec, f.secret("value"));
        if (!made)
            return problem(made.error());
        return created(taggedResponse(toJson(made.value())), secretPath(r, made.value().name));
    });
    router.add("GET", kSecret, QStringLiteral("getSecret"),
               [](ApiRequest& r) { return replyTagged(findSecret(r), asJson); });
    router.addWithBody("PUT", kSecret, QStringLiteral("updateSecretValue"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        f.requireSecret("value");
        if (!f)
            return problem(f.error());
        const auto json = [](const secrets::Secret& secret) {
            return toJson(secret);
        };
        return replyCompared(r.cp().updateSecretValue(r.caller(), r.param("tenant"), r.param("workspace"),
                                                      r.param("name"), f.secret("value"),
                                                      ifMatchExpect<secrets::Secret>(r, json)),
                             asJson, [&r] { return findSecret(r); });
    });
    router.add("DELETE", kSecret, QStringLiteral("deleteSecret"), [](ApiRequest& r) {
        return reply(r.cp().deleteSecret(r.caller(), r.param("tenant"), r.param("workspace"), r.param("name")));
    });
    router.add("POST", kSecret + QStringLiteral("/undelete"), QStringLiteral("undeleteSecret"), [](ApiRequest& r) {
        return replyTagged(r.cp().undeleteSecret(r.caller(), r.param("tenant"), r.param("workspace"), r.param("name")),
                           asJson);
    });
    router.addWithBody("POST", kSecret + QStringLiteral("/reveal"), QStringLiteral("revealSecret"), [](ApiRequest& r) {
        BodyFields& f = r.body();
        const QString reason = f.string("reason");
        std::optional<int> version = f.optionalInteger("version");
        if (!f)
            return problem(f.error());
        const QString name = r.param("name");
        int opened = 0;
        auto value = r.cp().revealSecret(r.caller(), r.param("tenant"), r.param("workspace"), name, version.value_or(0),
                                         reason, &opened);
        if (!value)
            return problem(value.error());
        return revealed(name, opened, value.value());
    });
    router.add("GET", kSecret + QStringLiteral("/versions"), QStringLiteral("listSecretVersions"), [](ApiRequest& r) {
        return reply(r.cp().listSecretVersions(r.caller(), r.param("tenant"), r.param("workspace"), r.param("name")),
                     [](const QList<secrets::SecretVersion>& versions) {
                         return QJsonObject{{QStringLiteral("items"), toJsonArray(versions)}};
                     });
    });
    router.addWithBody(
        "POST", kSecret + QStringLiteral("/restore"), QStringLiteral("restoreSecretVersion"), [](ApiRequest& r) {
            BodyFields& f = r.body();
            const int version = f.integer("version");
            if (!f)
                return problem(f.error());
            return replyTagged(r.cp().restoreSecretVersion(r.caller(), r.param("tenant"), r.param("workspace"),
                                                           r.param("name"), version),
                               asJson);
        });
    router.add("DELETE", kSecret + QStringLiteral("/versions/{version}"), QStringLiteral("destroySecretVersion"),
               [](ApiRequest& r) {
                   const auto version = versionParam(r);
                   if (!version)
                       return problem(Error{ErrorCode::InvalidArgument,
                                            QStringLiteral("The version in the path must be a number from 1 up.")});
                   return reply(r.cp().destroySecretVersion(r.caller(), r.param("tenant"), r.param("workspace"),
                                                            r.param("name"), *version));
               });
    router.add("POST", kSecret + QStringLiteral("/rotated"), QStringLiteral("markSecretRotated"), [](ApiRequest& r) {
        return replyTagged(
            r.cp().markSecretRotated(r.caller(), r.param("tenant"), r.param("workspace"), r.param("name")), asJson);
    });
    router.add("GET", QStringLiteral("/api/v1/tenants/{tenant}/secrets/due"), QStringLiteral("listDueSecrets"),
               [](ApiRequest& r) {
                   int withinDays = 0;
                   if (r.hasQuery("within_days")) {
                       bool ok = false;
                       withinDays = r.query("within_days").toInt(&ok);
                       if (!ok || withinDays < 0)
                           return problem(Error{ErrorCode::InvalidArgument,
                                                QStringLiteral("within_days must be a whole number from 0 up.")});
                   }
                   return reply(r.cp().dueSecrets(r.caller(), r.param("tenant"), r.query("workspace"), withinDays),
                                [](const QList<secrets::Secret>& due) {
                                    return QJsonObject{{QStringLiteral("items"), toJsonArray(due)}};
                                });
               });
}

} // namespace gatehouse::api
