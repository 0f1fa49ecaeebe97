#include "CheckSupport.h"

#include "store/Migrations.h"
#include "store/Store.h"

#include <QDateTime>
#include <QDir>
#include <QDirIterator>
#include <QFile>

#include <sys/stat.h>

namespace gatehouse::boundaries {

using namespace detail;
namespace sql = store::sql;

ControlResult checkEncryption(CheckInput& in)
{
    auto live = in.db.readSettings();
    if (!live)
        return unmeasurable(live.error());
    store::CipherSettings s = live.value();
    // Reads (this one included) commit with synchronous NORMAL by design; changes always run with the setting
    // the store was opened with, which is the one that counts here.
    s.synchronous = in.db.settings().synchronous;
    const QStringList deviations = s.deviations();
    // The file itself, read from disk now: an encrypted store never starts with SQLite's plain header.
    QFile file(in.db.path());
    QByteArray header;
    if (file.open(QIODevice::ReadOnly))
        header = file.read(16);
    const bool plain = header.startsWith("SQLite format 3");
    QList<Evidence> ev{
        {QStringLiteral("sqlcipher_version"), s.sqlcipherVersion},
        {QStringLiteral("cipher"), s.cipher},
        {QStringLiteral("crypto_provider"), s.cryptoProvider},
        {QStringLiteral("page_size"), QString::number(s.pageSize)},
        {QStringLiteral("hmac_per_page"), s.hmac ? QStringLiteral("on") : QStringLiteral("off")},
        {QStringLiteral("key_form"),
         QStringLiteral("raw 256-bit key derived from the master key (HKDF-SHA256); no passphrase KDF")},
        {QStringLiteral("file_header"), header.isEmpty() ? QStringLiteral("unreadable")
                                        : plain          ? QStringLiteral("plain SQLite")
                                                         : QStringLiteral("encrypted")},
        {QStringLiteral("journal_mode"), s.journalMode},
        {QStringLiteral("synchronous"), s.synchronousName()},
        {QStringLiteral("secure_delete"), s.secureDelete ? QStringLiteral("on") : QStringLiteral("off")}};
    if (!deviations.isEmpty())
        ev.append({QStringLiteral("deviations"), deviations.join(QStringLiteral("; "))});
    if (plain || header.isEmpty() || !deviations.isEmpty() || s.cipher.isEmpty())
        return make(Status::Fail,
                    plain ? QStringLiteral("the database file is not encrypted")
                          : QStringLiteral("the store's encryption settings differ from what is required"),
                    ev);
    return make(Status::Pass,
                QStringLiteral("SQLCipher %1, %2, %3-byte pages with HMAC, raw key")
                    .arg(s.sqlcipherVersion, s.cipher)
                    .arg(s.pageSize),
                ev);
}

ControlResult checkFilePermissions(CheckInput& in)
{
    const QString dir = in.store.dataDir();
    const QString db = store::Store::databasePath(dir);
    QStringList paths{dir, db, db + QStringLiteral("-wal"), db + QStringLiteral("-shm"), store::Store::configPath(dir)};
    // The API's certificate directory, when the API has served from this data directory: its private keys (the
    // certificates beside them are public).
    const QString tls = QDir(dir).filePath(QStringLiteral("tls"));
    if (QFileInfo(tls).isDir()) {
        paths << tls;
        for (QDirIterator it(tls, {QStringLiteral("*.key")}, QDir::Files | QDir::Hidden); it.hasNext();)
            paths << it.next();
    }
    QStringList modes, open;
    for (const QString& path : paths) {
        struct stat st
        {};
        if (::stat(QFile::encodeName(path).constData(), &st) != 0)
            continue; // the journal files come and go with open connections
        const unsigned mode = st.st_mode & 07777;
        const QString name = path == dir ? QStringLiteral("data directory") : QDir(dir).relativeFilePath(path);
        const QString line = QStringLiteral("%1 %2").arg(name, QString::number(mode, 8).rightJustified(4, u'0'));
        modes << line;
        if (mode & 077)
            open << line;
    }
    QList<Evidence> ev{{QStringLiteral("modes"), modes.join(QStringLiteral(", "))},
                       {QStringLiteral("accessible_to_group_or_others"), QString::number(open.size())}};
    if (!open.isEmpty())
        return make(Status::Fail,
                    QStringLiteral("readable or writable by group or others: %1").arg(open.join(QStringLiteral(", "))),
                    ev);
    return make(Status::Pass,
                QStringLiteral("the data directory and its %1 files are private to their owner").arg(modes.size() - 1),
                ev);
}

ControlResult checkSchemaVersion(CheckInput& in)
{
    auto current = store::Migrations::currentVersion(in.db);
    if (!current)
        return unmeasurable(current.error());
    const int latest = store::Migrations::schema().latestVersion();
    QList<Evidence> ev{{QStringLiteral("schema_version"), QString::number(current.value())},
                       {QStringLiteral("expected_version"), QString::number(latest)}};
    if (current.value() != latest)
        return make(current.value() > latest ? Status::Fail : Status::Warn,
                    QStringLiteral("schema version %1; this build expects %2").arg(current.value()).arg(latest), ev);
    return make(Status::Pass, QStringLiteral("schema version %1, as this build expects").arg(latest), ev);
}

Result<IntegrityScan> scanIntegrity(store::Database& db)
{
    auto quick = sql::all(
        db, [](const store::Statement& s) { return s.text(0); }, "PRAGMA quick_check;");
    if (!quick)
        return quick.error();
    auto dangling = sql::all(
        db, [](const store::Statement& s) { return QStringLiteral("%1 row %2").arg(s.text(0), s.text(1)); },
        "PRAGMA foreign_key_check;");
    if (!dangling)
        return dangling.error();
    IntegrityScan scan;
    scan.pageCheckOk = quick.value() == QStringList{QStringLiteral("ok")};
    if (!scan.pageCheckOk)
        scan.pageProblems = quick.value();
    scan.danglingRows = dangling.value();
    return scan;
}

// Reports the newest recorded full scan (an audit event, so the evidence is itself tamper-evident).
ControlResult checkIntegrity(CheckInput& in)
{
    audit::AuditQuery q;
    q.platform = true;
    q.actionPrefix = kIntegrityScanAction;
    q.limit = 1;
    auto page = in.audit.search(q);
    if (!page)
        return unmeasurable(page.error());
    if (page.value().events.isEmpty())
        return make(Status::Warn,
                    QStringLiteral("the store has never had a full integrity scan; run `gatehoused boundaries` on "
                                   "the server"));
    const audit::AuditEvent& e = page.value().events.first();
    const QString result = e.details.value(QStringLiteral("result")).toString();
    const qint64 age = in.nowMs - e.timeMs;
    QList<Evidence> ev{
        {QStringLiteral("scanned_at"), QDateTime::fromMSecsSinceEpoch(e.timeMs, Qt::UTC).toString(Qt::ISODate)},
        {QStringLiteral("scan_age"), duration(age)},
        {QStringLiteral("quick_check"), e.details.value(QStringLiteral("quick_check")).toString()},
        {QStringLiteral("rows_pointing_at_missing_rows"),
         QString::number(e.details.value(QStringLiteral("dangling_rows")).toInteger())},
        {QStringLiteral("audit_event"), QString::number(e.seq)}};
    if (result != QLatin1String("ok"))
        return make(Status::Fail,
                    QStringLiteral("the newest full integrity scan (%1 ago) found damage; restore the store from a "
                                   "backup")
                        .arg(duration(age)),
                    ev);
    if (age > thresholds::kIntegrityScanWarnMs)
        return make(Status::Warn,
                    QStringLiteral("the newest full integrity scan is %1 old; run `gatehoused boundaries` again")
                        .arg(duration(age)),
                    ev);
    return make(Status::Pass,
                QStringLiteral("full integrity scan %1 ago: every page and reference ok").arg(duration(age)), ev);
}

} // namespace gatehouse::boundaries
