#pragma once

#include "audit/AuditEvent.h"
#include "audit/AuditExport.h"

#include <QByteArray>

namespace gatehouse::forward {

// One audit event as an RFC 5424 syslog message, framed for a stream by octet counting (RFC 5425 / RFC 6587:
// "<length> <message>"). Facility 13 (log audit); severity notice for a success, warning otherwise. APP-NAME
// gatehouse, MSGID the event's action, no structured data; the MSG is the event in `format`, encoded by the audit
// export's encoder, without its line ending.
QByteArray syslogFrame(const audit::AuditEvent& event, audit::ExportFormat format, const QByteArray& hostname);

// This machine's name as a syslog HOSTNAME field (printable US-ASCII, at most 255 characters; "-" when unknown).
QByteArray syslogHostname();

} // namespace gatehouse::forward
