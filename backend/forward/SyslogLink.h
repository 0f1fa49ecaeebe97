#pragma once

#include "Destination.h"
#include "core/Result.h"

#include <QByteArray>

#include <openssl/types.h>

#include <memory>

namespace gatehouse::forward {

// One connection to a syslog collector, on the forwarder's thread (blocking calls bounded by timeouts). TLS as the
// API server speaks it (TLS 1.2 or later, forward-secret AEAD suites of TlsPolicy), trusting only the destination's
// pinned CA or certificate fingerprint, checking the collector's name, presenting the client certificate if any.
class SyslogLink
{
public:
    static Result<std::unique_ptr<SyslogLink>> open(const Destination& destination, int timeoutMs);
    ~SyslogLink();
    SyslogLink(const SyslogLink&) = delete;
    SyslogLink& operator=(const SyslogLink&) = delete;

    // Writes all of `bytes` (into the kernel's send buffer) or fails; a failure ends the connection.
    Result<void> send(const QByteArray& bytes, int timeoutMs);
    // Bytes written that the collector's TCP has not acknowledged yet (written, still in flight or queued).
    Result<qint64> unacknowledged() const;
    // Fails when the collector closed or reset the connection (a collector sends nothing back; anything it sends
    // other than TLS housekeeping ends the connection too).
    Result<void> checkOpen();

private:
    SyslogLink() = default;
    Result<void> waitFor(bool write, qint64 deadlineMs);

    int m_fd = -1;
    SSL_CTX* m_ctx = nullptr;
    SSL* m_ssl = nullptr;
    QString m_peer;
};

} // namespace gatehouse::forward
