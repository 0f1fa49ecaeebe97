#include "SyslogMessage.h"

#include <QDateTime>
#include <QSysInfo>

namespace gatehouse::forward {

namespace {

// PRINTUSASCII (33..126), at most `max` characters; "-" (the nil value) when nothing is left.
QByteArray printable(const QByteArray& in, int max)
{
    QByteArray out;
    out.reserve(std::min<qsizetype>(in.size(), max));
    for (char c : in) {
        if (out.size() >= max)
            break;
        if (c >= 33 && c <= 126)
            out += c;
    }
    return out.isEmpty() ? QByteArrayLiteral("-") : out;
}

constexpr int kFacilityLogAudit = 13;
constexpr int kSeverityWarning = 4;
constexpr int kSeverityNotice = 5;

} // namespace

QByteArray syslogHostname()
{
    return printable(QSysInfo::machineHostName().toUtf8(), 255);
}

QByteArray syslogFrame(const audit::AuditEvent& event, audit::ExportFormat format, const QByteArray& hostname)
{
    const int severity = event.outcome == QLatin1String("success") ? kSeverityNotice : kSeverityWarning;
    QByteArray payload = audit::formatEvent(event, format);
    while (payload.endsWith('\n') || payload.endsWith('\r'))
        payload.chop(1);
    const QByteArray time =
        QDateTime::fromMSecsSinceEpoch(event.timeMs, Qt::UTC).toString(Qt::ISODateWithMs).toLatin1();
    QByteArray message;
    message.reserve(payload.size() + 128);
    message += '<' + QByteArray::number(kFacilityLogAudit * 8 + severity) + ">1 ";
    message += (time.isEmpty() ? QByteArrayLiteral("-") : time) + ' ';
    message += hostname + " gatehouse - ";
    message += printable(event.action.toUtf8(), 32) + " - ";
    message += payload;
    return QByteArray::number(message.size()) + ' ' + message;
}

} // namespace gatehouse::forward
