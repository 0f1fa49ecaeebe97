#include "CheckSupport.h"

#include <QDateTime>

namespace gatehouse::boundaries {

using namespace detail;

// Without a running listener there is no transport to measure. That is a warning, not "not applicable": a
// deployment whose API is not serving cannot show these controls hold, and a reviewer should see that.
namespace {

std::optional<ControlResult> notServing(const TransportFacts& t)
{
    if (t.serving)
        return std::nullopt;
    return make(Status::Warn, QStringLiteral("API not serving: no listener to measure"),
                {{QStringLiteral("api"), QStringLiteral("not serving in this process")}});
}

QList<Evidence> listenerEvidence(const TransportFacts& t)
{
    return {{QStringLiteral("mode"), t.mode},
            {QStringLiteral("listen"), t.port ? QStringLiteral("%1 port %2").arg(t.address).arg(t.port) : t.address}};
}

QString date(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODate);
}

} // namespace

ControlResult checkTlsPolicy(CheckInput& in)
{
    const TransportFacts& t = in.transport;
    if (auto r = notServing(t))
        return *r;
    QList<Evidence> ev = listenerEvidence(t);
    if (t.mode == QLatin1String("unix"))
        return make(Status::NotApplicable, QStringLiteral("served on a Unix socket: no network, access by file mode"),
                    ev);
    if (t.mode == QLatin1String("http")) {
        ev.append({QStringLiteral("trusted_proxies"), t.trustedProxies.join(QStringLiteral(", "))});
        if (t.loopback && !t.trustedProxies.isEmpty())
            return make(Status::NotApplicable,
                        QStringLiteral("plain HTTP on loopback: TLS is terminated by the trusted proxy"), ev);
        return make(Status::Fail, QStringLiteral("plain HTTP without a trusted TLS-terminating proxy"), ev);
    }
    ev.append({QStringLiteral("minimum_version"), t.minimumTlsVersion});
    ev.append({QStringLiteral("cipher_suites"), QString::number(t.cipherSuites.size())});
    ev.append({QStringLiteral("suites"), t.cipherSuites.join(QStringLiteral(", "))});
    const bool versionOk =
        t.minimumTlsVersion == QLatin1String("TLS 1.2") || t.minimumTlsVersion == QLatin1String("TLS 1.3");
    if (!t.nonForwardSecretAead.isEmpty())
        ev.append({QStringLiteral("not_forward_secret_aead"), t.nonForwardSecretAead.join(QStringLiteral(", "))});
    if (!versionOk || !t.nonForwardSecretAead.isEmpty() || t.cipherSuites.isEmpty())
        return make(Status::Fail,
                    QStringLiteral("minimum %1; %2 of %3 suites are not forward-secret AEAD")
                        .arg(t.minimumTlsVersion.isEmpty() ? QStringLiteral("unknown") : t.minimumTlsVersion)
                        .arg(t.nonForwardSecretAead.size())
                        .arg(t.cipherSuites.size()),
                    ev);
    return make(Status::Pass,
                QStringLiteral("minimum %1; %2 suites, all forward-secret AEAD")
                    .arg(t.minimumTlsVersion)
                    .arg(t.cipherSuites.size()),
                ev);
}

ControlResult checkCertificateExpiry(CheckInput& in)
{
    const TransportFacts& t = in.transport;
    if (auto r = notServing(t))
        return *r;
    if (t.mode != QLatin1String("tls"))
        return make(Status::NotApplicable, QStringLiteral("no certificate: the API is not served over TLS here"),
                    listenerEvidence(t));
    QList<Evidence> ev{{QStringLiteral("subject"), t.certificateSubject},
                       {QStringLiteral("sha256_fingerprint"), t.certificateFingerprint},
                       {QStringLiteral("not_before"), date(t.certificateNotBeforeMs)},
                       {QStringLiteral("not_after"), date(t.certificateNotAfterMs)}};
    const qint64 left = t.certificateNotAfterMs - in.nowMs;
    if (left <= 0)
        return make(Status::Fail, QStringLiteral("the certificate expired %1 ago").arg(duration(-left)), ev);
    if (in.nowMs < t.certificateNotBeforeMs)
        return make(Status::Fail, QStringLiteral("the certificate is not valid yet"), ev);
    ev.append({QStringLiteral("valid_for"), duration(left)});
    if (left < thresholds::kCertificateWarnMs)
        return make(Status::Warn, QStringLiteral("the certificate expires in %1; renew it").arg(duration(left)), ev);
    return make(Status::Pass, QStringLiteral("the certificate is valid for %1").arg(duration(left)), ev);
}

ControlResult checkListenExposure(CheckInput& in)
{
    const TransportFacts& t = in.transport;
    if (auto r = notServing(t))
        return *r;
    QList<Evidence> ev = listenerEvidence(t);
    ev.append(
        {QStringLiteral("reachable_from_other_machines"), t.loopback ? QStringLiteral("no") : QStringLiteral("yes")});
    if (!t.trustedProxies.isEmpty())
        ev.append({QStringLiteral("trusted_proxies"), t.trustedProxies.join(QStringLiteral(", "))});
    if (t.mode == QLatin1String("http")) {
        if (!t.loopback)
            return make(Status::Fail, QStringLiteral("plain HTTP reachable from other machines"), ev);
        if (t.trustedProxies.isEmpty())
            return make(Status::Warn, QStringLiteral("plain HTTP on loopback without a trusted proxy configured"), ev);
        return make(Status::Pass, QStringLiteral("plain HTTP on loopback, behind a trusted proxy"), ev);
    }
    if (t.loopback)
        return make(Status::Pass,
                    t.mode == QLatin1String("unix") ? QStringLiteral("served on a Unix socket only")
                                                    : QStringLiteral("HTTPS on loopback only"),
                    ev);
    if (t.anyAddress)
        return make(Status::Warn,
                    QStringLiteral("HTTPS on every interface; limit it to the address clients use, or firewall it"),
                    ev);
    return make(Status::Pass, QStringLiteral("HTTPS on one address: %1").arg(t.address), ev);
}

ControlResult checkMtlsIntegrations(CheckInput& in)
{
    const TransportFacts& t = in.transport;
    auto bound = scalar(in.db, "SELECT count(*) FROM integrations WHERE client_cert_sha256 != '';");
    auto all = scalar(in.db, "SELECT count(*) FROM integrations;");
    if (!bound || !all)
        return unmeasurable(!bound ? bound.error() : all.error());
    QList<Evidence> ev{
        {QStringLiteral("integrations_bound_to_certificates"),
         QStringLiteral("%1 of %2").arg(bound.value()).arg(all.value())},
        {QStringLiteral("client_certificates_required"),
         t.serving ? (t.clientCertificatesRequired ? QStringLiteral("yes") : QStringLiteral("no"))
                   : QStringLiteral("API not serving")},
    };
    if (auto r = notServing(t)) {
        r->evidence = ev;
        return *r;
    }
    if (t.clientCertificatesRequired)
        return make(Status::Pass,
                    QStringLiteral("mutual TLS on; %1 of %2 integrations bound to a certificate")
                        .arg(bound.value())
                        .arg(all.value()),
                    ev);
    if (bound.value() > 0)
        return make(Status::Warn,
                    QStringLiteral("%1 integrations are bound to a certificate, but the listener asks for none (start "
                                   "it with --client-ca); their tokens cannot authenticate")
                        .arg(bound.value()),
                    ev);
    return make(Status::NotApplicable, QStringLiteral("mutual TLS is off and no integration is bound to a certificate"),
                ev);
}

} // namespace gatehouse::boundaries
