#pragma once

#include <QString>

namespace gatehouse::service {

// Which front door a call came through; recorded in every audit event.
enum class Source { Gui, Api, Cli, System };
QString sourceName(Source source);

// What a front door knows about a call before the control plane has looked at it.
struct Caller
{
    QString token; // a session (ghs_) or integration (ghi_) bearer token
    Source source = Source::Api;
    QString address;   // client address: throttling and audit
    QString requestId; // echoed into the audit event
    // SHA-256 (lower-case hex) of the client certificate the connection presented (mutual TLS); empty: none.
    QString clientCertificateSha256;
    // The machine's own operator: gatehoused on the command line, the desktop at first run. Never set by the
    // network front door.
    bool localSystem = false;

    static Caller system(Source source = Source::Cli)
    {
        Caller c;
        c.source = source;
        c.localSystem = true;
        c.address = QStringLiteral("local");
        return c;
    }
    static Caller withToken(QString token, Source source = Source::Api, QString address = {}, QString requestId = {})
    {
        Caller c;
        c.token = std::move(token);
        c.source = source;
        c.address = std::move(address);
        c.requestId = std::move(requestId);
        return c;
    }
};

// Who is acting, once authenticated.
struct Principal
{
    enum class Kind { User, Integration, System };
    Kind kind = Kind::User;
    QString id;
    QString tenantId; // empty: platform administrator (or the system)
    QString name;
    QString sessionId;
    QString tokenId;
    QString tokenWorkspaceId; // an integration token limited to one workspace
    bool mfaEnrollmentOnly = false;

    QString kindName() const
    {
        switch (kind) {
        case Kind::User:
            return QStringLiteral("user");
        case Kind::Integration:
            return QStringLiteral("integration");
        case Kind::System:
            return QStringLiteral("system");
        }
        return {};
    }
};

inline QString sourceName(Source source)
{
    switch (source) {
    case Source::Gui:
        return QStringLiteral("gui");
    case Source::Api:
        return QStringLiteral("api");
    case Source::Cli:
        return QStringLiteral("cli");
    case Source::System:
        return QStringLiteral("system");
    }
    return {};
}

} // namespace gatehouse::service
