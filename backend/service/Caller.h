#pragma once

#include <QJsonObject>
#include <QString>

#include <memory>

namespace gatehouse::service {

class ControlPlane;

// Which front door a call came through; recorded in every audit event.
enum class Source { Gui, Api, Cli, System };
QString sourceName(Source source);

// The credential of the cross-tenant self-probe (control application.tenant-isolation): a principal of one tenant
// that may only read, and only the objects the probe reads. It is not a user and holds nothing anyone could present:
// only the control plane makes one (the constructor is private), and it is honoured only while the probe that made it
// runs. Its calls are audited with actor kind "probe", in the platform's trail, naming what each one tried.
class ProbeCredential
{
public:
    const QString& tenantId() const { return m_tenantId; }
    // What this call of the probe tries (kind, target and its tenant, what it must get): recorded with its event.
    const QJsonObject& attempt() const { return m_attempt; }

private:
    friend class ControlPlane;
    ProbeCredential(QString tenantId, QJsonObject attempt)
        : m_tenantId(std::move(tenantId)), m_attempt(std::move(attempt))
    {}
    QString m_tenantId;
    QJsonObject m_attempt;
};

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
    // Set only by the control plane's own self-probe; no front door can make one.
    std::shared_ptr<const ProbeCredential> probe;

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
    enum class Kind { User, Integration, System, Probe };
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
        case Kind::Probe:
            return QStringLiteral("probe");
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
