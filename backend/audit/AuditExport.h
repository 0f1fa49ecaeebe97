#pragma once

#include "AuditEvent.h"
#include "AuditQuery.h"
#include "core/Result.h"

#include <functional>

class QIODevice;

namespace gatehouse::audit {

class AuditLog;

enum class ExportFormat {
    JsonLines, // one AuditEvent per line, in its canonical form (the API's and the stream's): sha256(line) = hash
    Csv,       // RFC 4180, formula-looking cells neutralised
    Cef,       // ArcSight Common Event Format
    Ocsf,      // OCSF 1.1 events (Authentication, Account Change, API Activity), one per line
};

// How many events were written so far (never more than the count the export returns).
using Progress = std::function<void(qint64 eventsDone)>;

struct BundleSummary
{
    QString directory;
    qint64 events = 0;
    qint64 checkpoints = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
};

Result<ExportFormat> parseExportFormat(const QString& name);

// One event in a format, with its line ending; CSV also has a header line.
QByteArray csvHeader();
QByteArray formatEvent(const AuditEvent& event, ExportFormat format);

// Streams every event matching `query` (oldest first) to `out`; constant memory. Returns the count.
Result<qint64> exportEvents(AuditLog& log, const AuditQuery& query, ExportFormat format, QIODevice& out,
                            const Progress& progress);

// Writes a verification bundle for the whole chain to `directory` (which must not exist): events.jsonl
// (each line exactly the bytes that were hashed), ANCHOR, checkpoints/<seq>.msg and .sig, public.pem,
// SHA256SUMS and VERIFY (a commented sh script using sha256sum and openssl only). Written under a temporary
// name and renamed into place, so a bundle is either complete or absent.
Result<BundleSummary> writeBundle(AuditLog& log, const QByteArray& publicKeyPem, const QString& directory,
                                  const Progress& progress);

} // namespace gatehouse::audit
