// gatehoused oidc show|set|remove: a tenant's OpenID Connect identity provider.
#include "CommandTable.h"
#include "ExitCode.h"
#include "OpenedStore.h"
#include "identity/FederationJson.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QTextStream>

namespace gatehouse::cli {

namespace {

Result<QString> tenantNamed(service::ControlPlane& cp, const service::Caller& local, const QString& name)
{
    auto tenants = cp.listTenants(local);
    if (!tenants)
        return tenants.error();
    for (const auto& t : tenants.value()) {
        if (t.name == name)
            return t.id;
    }
    return makeError(ErrorCode::NotFound, QStringLiteral("no tenant named %1").arg(name));
}

Result<QByteArray> readFile(const QString& path)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return makeError(ErrorCode::Io, QStringLiteral("cannot read %1: %2").arg(path, f.errorString()));
    return f.readAll();
}

int runShow(const Invocation& in, service::ControlPlane& cp, const service::Caller& local, const QString& tenantId)
{
    auto c = cp.federation(local, tenantId);
    if (!c)
        return fail(c.error());
    auto mappings = cp.groupMappings(local, tenantId);
    if (!mappings)
        return fail(mappings.error());
    if (in.isSet("json")) {
        QJsonObject o = identity::toJson(c.value());
        QJsonArray items;
        for (const auto& m : mappings.value())
            items.append(identity::toJson(m));
        o.insert(QStringLiteral("group_mappings"), items);
        QTextStream(stdout) << QJsonDocument(o).toJson(QJsonDocument::Indented);
        return ExitOk;
    }
    const identity::FederationConfig& p = c.value();
    QTextStream out(stdout);
    out << "issuer           " << p.issuer << (p.enabled ? "" : "  (disabled)") << "\n"
        << "client id        " << p.clientId << "\n"
        << "client secret    " << (p.clientSecretSet ? "set" : "none") << "\n"
        << "scopes           " << p.scopes.join(QLatin1Char(' ')) << "\n"
        << "provider CA      " << (p.caPem.isEmpty() ? "system trust store" : "pinned") << "\n"
        << "claims           subject=" << p.claims.subject << " username=" << p.claims.username
        << " email=" << p.claims.email << " name=" << p.claims.displayName << " groups=" << p.claims.groups << "\n"
        << "provisioning     " << (p.jitProvisioning ? "at first sign-in" : "off") << "\n"
        << "local passwords  " << (p.localPasswords ? "allowed" : "Tenant Owners only (break-glass)") << "\n"
        << "token exchange   "
        << (p.tokenExchange ? QStringLiteral("audience ") + p.tokenAudience : QStringLiteral("off")) << "\n";
    for (const auto& m : mappings.value())
        out << "group " << m.group << " -> " << m.roleId << (m.workspaceId.isEmpty() ? "" : " in ") << m.workspaceId
            << "\n";
    return ExitOk;
}

int runSet(const Invocation& in, service::ControlPlane& cp, const service::Caller& local, const QString& tenantId)
{
    if (!in.isSet("issuer") || !in.isSet("client-id"))
        return usage(QStringLiteral("oidc set needs --issuer and --client-id"));
    identity::FederationConfig c;
    c.tenantId = tenantId;
    c.issuer = in.value("issuer");
    c.clientId = in.value("client-id");
    if (in.isSet("scopes"))
        c.scopes = in.value("scopes").split(QLatin1Char(' '), Qt::SkipEmptyParts);
    if (in.isSet("ca-file")) {
        auto pem = readFile(in.value("ca-file"));
        if (!pem)
            return fail(pem.error());
        c.caPem = QString::fromLatin1(pem.value());
    }
    const std::pair<const char*, QString*> claims[] = {{"claim-subject", &c.claims.subject},
                                                       {"claim-username", &c.claims.username},
                                                       {"claim-email", &c.claims.email},
                                                       {"claim-name", &c.claims.displayName},
                                                       {"claim-groups", &c.claims.groups}};
    for (const auto& [option, target] : claims) {
        if (in.isSet(option))
            *target = in.value(option);
    }
    c.jitProvisioning = in.isSet("jit");
    c.localPasswords = !in.isSet("no-local-passwords");
    c.enabled = !in.isSet("disabled");
    c.tokenExchange = in.isSet("token-audience");
    c.tokenAudience = in.value("token-audience");
    std::optional<SecureBytes> secret;
    if (in.isSet("client-secret-file")) {
        // From a file, never the command line (which other users of the machine can read).
        auto bytes = readFile(in.value("client-secret-file"));
        if (!bytes)
            return fail(bytes.error());
        QByteArray b = bytes.value().trimmed();
        secret = SecureBytes(reinterpret_cast<const unsigned char*>(b.constData()), std::size_t(b.size()));
        b.fill('\0');
        bytes.value().fill('\0');
    }
    auto set = cp.setFederation(local, c, secret);
    if (!set)
        return fail(set.error());
    QTextStream(stdout) << "identity provider of tenant " << in.value("tenant") << " set: " << set.value().issuer
                        << " (client secret " << (set.value().clientSecretSet ? "set" : "none") << ")" << Qt::endl;
    return ExitOk;
}

int runOidc(Invocation& in)
{
    if (in.args.size() != 2)
        return usage(QStringLiteral("oidc needs a subcommand: show, set or remove"));
    if (!in.isSet("tenant"))
        return usage(QStringLiteral("oidc needs --tenant NAME"));
    auto opened = OpenedStore::open(in);
    if (!opened)
        return fail(opened.error());
    service::ControlPlane& cp = *opened.value().controlPlane;
    const service::Caller local = service::Caller::system(service::Source::Cli);
    auto tenantId = tenantNamed(cp, local, in.value("tenant"));
    if (!tenantId)
        return fail(tenantId.error());
    const QString sub = in.args.at(1);
    if (sub == QLatin1String("show"))
        return runShow(in, cp, local, tenantId.value());
    if (sub == QLatin1String("set"))
        return runSet(in, cp, local, tenantId.value());
    if (sub == QLatin1String("remove")) {
        if (auto r = cp.removeFederation(local, tenantId.value()); !r)
            return fail(r.error());
        QTextStream(stdout) << "identity provider of tenant " << in.value("tenant") << " removed" << Qt::endl;
        return ExitOk;
    }
    return usage(QStringLiteral("unknown oidc subcommand '%1': use show, set or remove").arg(sub));
}

} // namespace

void addOidcCommands(CommandTable& table)
{
    table.addOption({QStringLiteral("issuer"), QStringLiteral("oidc set: the provider's issuer URL (https)."),
                     QStringLiteral("URL")});
    table.addOption({QStringLiteral("client-id"), QStringLiteral("oidc set: the client id registered at the provider."),
                     QStringLiteral("ID")});
    table.addOption({QStringLiteral("client-secret-file"),
                     QStringLiteral("oidc set: a file holding the client secret (kept when not given)."),
                     QStringLiteral("FILE")});
    table.addOption({QStringLiteral("scopes"), QStringLiteral("oidc set: the scopes, space-separated (with openid)."),
                     QStringLiteral("LIST")});
    table.addOption({QStringLiteral("claim-subject"), QStringLiteral("oidc set: the subject claim (sub)."),
                     QStringLiteral("PATH")});
    table.addOption({QStringLiteral("claim-username"),
                     QStringLiteral("oidc set: the username claim (preferred_username)."), QStringLiteral("PATH")});
    table.addOption(
        {QStringLiteral("claim-email"), QStringLiteral("oidc set: the email claim (email)."), QStringLiteral("PATH")});
    table.addOption({QStringLiteral("claim-name"), QStringLiteral("oidc set: the display name claim (name)."),
                     QStringLiteral("PATH")});
    table.addOption({QStringLiteral("claim-groups"), QStringLiteral("oidc set: the groups claim (groups)."),
                     QStringLiteral("PATH")});
    table.addOption({QStringLiteral("jit"), QStringLiteral("oidc set: create users at their first sign-in.")});
    table.addOption(
        {QStringLiteral("no-local-passwords"), QStringLiteral("oidc set: only Tenant Owners keep a password login.")});
    table.addOption({QStringLiteral("disabled"), QStringLiteral("oidc set: keep the provider, but off.")});
    table.addOption({QStringLiteral("token-audience"),
                     QStringLiteral("oidc set: accept provider access tokens with this audience."),
                     QStringLiteral("AUD")});
    table.add(
        {QStringLiteral("oidc"),
         QStringLiteral(
             "  oidc show --tenant NAME [--json]   the tenant's identity provider and group mappings\n"
             "  oidc set --tenant NAME --issuer URL --client-id ID [--client-secret-file FILE]\n"
             "              [--scopes LIST] [--ca-file PEM] [--claim-subject|-username|-email|-name|-groups PATH]\n"
             "              [--jit] [--no-local-passwords] [--disabled] [--token-audience AUD]\n"
             "  oidc remove --tenant NAME\n"),
         true, runOidc});
}

} // namespace gatehouse::cli
