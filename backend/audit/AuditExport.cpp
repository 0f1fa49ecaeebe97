#include "AuditExport.h"

#include "AuditLog.h"
#include "core/Files.h"

#include <QCryptographicHash>
#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QHostAddress>
#include <QJsonArray>
#include <QJsonDocument>

namespace gatehouse::audit {

namespace {

QString isoTime(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC).toString(Qt::ISODateWithMs);
}

// RFC 4180 field; a cell a spreadsheet would read as a formula gets a leading apostrophe.
QByteArray csvField(const QString& value)
{
    QString v = value;
    if (!v.isEmpty() &&
        (v[0] == u'=' || v[0] == u'+' || v[0] == u'-' || v[0] == u'@' || v[0] == u'\t' || v[0] == u'\r'))
        v.prepend(QLatin1Char('\''));
    v.replace(QLatin1Char('"'), QLatin1String("\"\""));
    return '"' + v.toUtf8() + '"';
}

// CEF header fields escape backslash and pipe; extension values escape backslash, equals and line breaks.
QString cefHeader(QString v)
{
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('|'), QLatin1String("\\|"));
    v.replace(QLatin1Char('\n'), QLatin1Char(' '));
    v.replace(QLatin1Char('\r'), QLatin1Char(' '));
    return v;
}

QString cefValue(QString v)
{
    v.replace(QLatin1Char('\\'), QLatin1String("\\\\"));
    v.replace(QLatin1Char('='), QLatin1String("\\="));
    v.replace(QLatin1Char('\n'), QLatin1String("\\n"));
    v.replace(QLatin1Char('\r'), QLatin1String("\\r"));
    return v;
}

int cefSeverity(const AuditEvent& e)
{
    if (e.outcome == QLatin1String("denied"))
        return 7;
    if (e.outcome == QLatin1String("error"))
        return 5;
    return 3;
}

struct OcsfClass
{
    int classUid;
    int categoryUid;
    int activityId;
    const char* className;
};

OcsfClass ocsfClass(const QString& action)
{
    if (action.startsWith(QLatin1String("auth."))) {
        const int activity = action == QLatin1String("auth.signin")    ? 1
                             : action == QLatin1String("auth.signout") ? 2
                                                                       : 99;
        return {3002, 3, activity, "Authentication"};
    }
    static const QHash<QString, int> account{
        {QStringLiteral("user.create"), 1},
        {QStringLiteral("user.enable"), 2},
        {QStringLiteral("user.password.change"), 3},
        {QStringLiteral("user.password.reset"), 4},
        {QStringLiteral("user.disable"), 5},
        {QStringLiteral("user.delete"), 6},
        {QStringLiteral("binding.create"), 7},
        {QStringLiteral("binding.delete"), 8},
        {QStringLiteral("user.lock"), 9},
        {QStringLiteral("user.mfa.enable"), 10},
        {QStringLiteral("user.mfa.reset"), 11},
        {QStringLiteral("user.unlock"), 99},
        {QStringLiteral("user.update"), 99},
        {QStringLiteral("platform.bootstrap"), 1},
    };
    if (const auto it = account.constFind(action); it != account.cend())
        return {3001, 3, *it, "Account Change"};
    // Everything else is an operation on the control plane's API: Create, Read, Update, Delete or Other.
    const QString verb = action.section(QLatin1Char('.'), -1);
    int activity = 99;
    if (verb == QLatin1String("create") || verb == QLatin1String("issue"))
        activity = 1;
    else if (verb == QLatin1String("read") || verb == QLatin1String("list") || verb == QLatin1String("check") ||
             verb == QLatin1String("effective") || verb == QLatin1String("search") || verb == QLatin1String("export") ||
             verb == QLatin1String("follow") || verb == QLatin1String("verify") || verb == QLatin1String("whoami") ||
             verb == QLatin1String("histogram"))
        activity = 2;
    else if (verb == QLatin1String("update") || verb == QLatin1String("rename") || verb == QLatin1String("suspend") ||
             verb == QLatin1String("resume") || verb == QLatin1String("lock") || verb == QLatin1String("unlock") ||
             verb == QLatin1String("revoke") || verb == QLatin1String("retention"))
        activity = 3;
    else if (verb == QLatin1String("delete") || verb == QLatin1String("prune"))
        activity = 4;
    return {6003, 6, activity, "API Activity"};
}

QJsonObject ocsfEvent(const AuditEvent& e)
{
    const OcsfClass c = ocsfClass(e.action);
    const bool success = e.outcome == QLatin1String("success");
    QJsonObject user{{QStringLiteral("uid"), e.actorId},
                     {QStringLiteral("name"), e.actorName},
                     {QStringLiteral("type"), e.actorKind}};
    QJsonObject o{
        {QStringLiteral("class_uid"), c.classUid},
        {QStringLiteral("class_name"), QLatin1String(c.className)},
        {QStringLiteral("category_uid"), c.categoryUid},
        {QStringLiteral("activity_id"), c.activityId},
        {QStringLiteral("type_uid"), c.classUid * 100 + c.activityId},
        {QStringLiteral("severity_id"), success ? 1 : (e.outcome == QLatin1String("denied") ? 3 : 2)},
        {QStringLiteral("status_id"), success ? 1 : 2},
        {QStringLiteral("status"), success ? QStringLiteral("Success") : QStringLiteral("Failure")},
        {QStringLiteral("status_detail"), e.reason},
        {QStringLiteral("time"), e.timeMs},
        {QStringLiteral("message"), e.action},
        {QStringLiteral("actor"), QJsonObject{{QStringLiteral("user"), user}}},
        {QStringLiteral("metadata"),
         QJsonObject{
             {QStringLiteral("version"), QStringLiteral("1.1.0")},
             {QStringLiteral("uid"), QString::number(e.seq)},
             {QStringLiteral("correlation_uid"), e.requestId},
             {QStringLiteral("product"), QJsonObject{{QStringLiteral("name"), QStringLiteral("Gatehouse")},
                                                     {QStringLiteral("vendor_name"), QStringLiteral("Gatehouse")}}}}},
        {QStringLiteral("unmapped"),
         QJsonObject{{QStringLiteral("tenant_id"), e.tenantId},
                     {QStringLiteral("workspace_id"), e.workspaceId},
                     {QStringLiteral("source"), e.source},
                     {QStringLiteral("target"),
                      QJsonObject{{QStringLiteral("kind"), e.targetKind}, {QStringLiteral("id"), e.targetId}}},
                     {QStringLiteral("details"), e.details},
                     {QStringLiteral("hash"), QString::fromLatin1(e.hash.toHex())}}},
    };
    if (!QHostAddress(e.address).isNull())
        o.insert(QStringLiteral("src_endpoint"), QJsonObject{{QStringLiteral("ip"), e.address}});
    if (c.classUid == 3002 || c.classUid == 3001)
        o.insert(QStringLiteral("user"), c.classUid == 3002 ? user
                                                            : QJsonObject{{QStringLiteral("uid"), e.targetId},
                                                                          {QStringLiteral("type"), e.targetKind}});
    if (c.classUid == 6003)
        o.insert(QStringLiteral("api"), QJsonObject{{QStringLiteral("operation"), e.action}});
    return o;
}

} // namespace

Result<ExportFormat> parseExportFormat(const QString& name)
{
    if (name == QLatin1String("jsonl"))
        return ExportFormat::JsonLines;
    if (name == QLatin1String("csv"))
        return ExportFormat::Csv;
    if (name == QLatin1String("cef"))
        return ExportFormat::Cef;
    if (name == QLatin1String("ocsf"))
        return ExportFormat::Ocsf;
    return makeError(ErrorCode::InvalidArgument,
                     QStringLiteral("unknown export format '%1': use jsonl, csv, cef, ocsf or bundle").arg(name));
}

QByteArray csvHeader()
{
    return "seq,time,tenant_id,workspace_id,actor_kind,actor_id,actor_name,action,target_kind,target_id,outcome,"
           "reason,source,address,request_id,details,prev_hash,hash\r\n";
}

QByteArray formatEvent(const AuditEvent& e, ExportFormat format)
{
    switch (format) {
    case ExportFormat::JsonLines:
        // The AuditEvent exactly as the API and the live stream serve it: its canonical form, so the SHA-256 of
        // a line is the event's hash, and (in a complete export) the next line's prev_hash.
        return e.canonical() + '\n';
    case ExportFormat::Csv: {
        const QStringList cells{QString::number(e.seq),
                                isoTime(e.timeMs),
                                e.tenantId,
                                e.workspaceId,
                                e.actorKind,
                                e.actorId,
                                e.actorName,
                                e.action,
                                e.targetKind,
                                e.targetId,
                                e.outcome,
                                e.reason,
                                e.source,
                                e.address,
                                e.requestId,
                                QString::fromUtf8(e.detailsJson),
                                QString::fromLatin1(e.prevHash.toHex()),
                                QString::fromLatin1(e.hash.toHex())};
        QByteArray line;
        for (const QString& cell : cells) {
            if (!line.isEmpty())
                line += ',';
            line += csvField(cell);
        }
        return line + "\r\n";
    }
    case ExportFormat::Cef: {
        QString line = QStringLiteral("CEF:0|Gatehouse|Gatehouse|1|%1|%2|%3|")
                           .arg(cefHeader(e.action), cefHeader(e.action + QLatin1Char(' ') + e.outcome))
                           .arg(cefSeverity(e));
        const QList<QPair<QString, QString>> ext{
            {QStringLiteral("rt"), QString::number(e.timeMs)},
            {QStringLiteral("externalId"), QString::number(e.seq)},
            {QStringLiteral("act"), e.action},
            {QStringLiteral("outcome"), e.outcome},
            {QStringLiteral("reason"), e.reason},
            {QStringLiteral("suid"), e.actorId},
            {QStringLiteral("suser"), e.actorName},
            {QStringLiteral("src"), e.address},
            {QStringLiteral("duid"), e.targetId},
            {QStringLiteral("cs1Label"), QStringLiteral("tenant")},
            {QStringLiteral("cs1"), e.tenantId},
            {QStringLiteral("cs2Label"), QStringLiteral("workspace")},
            {QStringLiteral("cs2"), e.workspaceId},
            {QStringLiteral("cs3Label"), QStringLiteral("requestId")},
            {QStringLiteral("cs3"), e.requestId},
            {QStringLiteral("cs4Label"), QStringLiteral("details")},
            {QStringLiteral("cs4"), QString::fromUtf8(e.detailsJson)},
            {QStringLiteral("cs5Label"), QStringLiteral("hash")},
            {QStringLiteral("cs5"), QString::fromLatin1(e.hash.toHex())},
        };
        QStringList parts;
        for (const auto& [k, v] : ext) {
            if (!v.isEmpty())
                parts << k + QLatin1Char('=') + cefValue(v);
        }
        return (line + parts.join(QLatin1Char(' '))).toUtf8() + '\n';
    }
    case ExportFormat::Ocsf:
        return QJsonDocument(ocsfEvent(e)).toJson(QJsonDocument::Compact) + '\n';
    }
    return {};
}

Result<qint64> exportEvents(AuditLog& log, const AuditQuery& query, ExportFormat format, QIODevice& out,
                            const Progress& progress)
{
    if (format == ExportFormat::Csv && out.write(csvHeader()) < 0)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(out.errorString()));
    bool writeFailed = false;
    qint64 done = 0;
    auto n = log.forEach(query, [&](const AuditEvent& e) {
        if (out.write(formatEvent(e, format)) < 0) {
            writeFailed = true;
            return false;
        }
        // Events written so far: never more than the export holds (a sequence number would run past it).
        if (progress && ++done % 1000 == 0)
            progress(done);
        return true;
    });
    if (!n)
        return n.error();
    if (writeFailed)
        return makeError(ErrorCode::Io, QStringLiteral("cannot write the export: %1").arg(out.errorString()));
    if (progress)
        progress(n.value());
    return n;
}

namespace {

const char* const kVerifyScript = R"sh(#!/bin/sh
# Gatehouse audit bundle: how to verify it offline, with sha256sum and openssl (and a POSIX shell).
#
#   sh VERIFY            (from anywhere; it works in its own directory)
#
# It checks, and stops at the first problem with a message naming the event or checkpoint:
#  1. Every file against SHA256SUMS:                     sha256sum -c SHA256SUMS
#  2. The hash chain. Each line of events.jsonl is exactly the bytes that were hashed for that event
#     (without a trailing newline). SHA-256 of line N must equal the "prev_hash" of line N+1. The first
#     line's prev_hash must equal ANCHOR (64 zeros for a log that starts at event 1, otherwise the chain
#     hash of the signed retention checkpoint in checkpoints/).
#  3. Every checkpoint: checkpoints/<seq>.msg states a sequence number and a chain hash; the chain hash
#     must be the SHA-256 of that event's line, the previous-signature must be the previous checkpoint's
#     signature, and the Ed25519 signature must verify with the public key:
#        openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in checkpoints/<seq>.msg \
#                -sigfile checkpoints/<seq>.sig
#  4. The last event is covered by a checkpoint: nothing was cut off after the last signature.
#
# Compare the key fingerprint printed at the end with the one the operator publishes
# (gatehoused audit public-key): a bundle signed by another key proves nothing.
set -eu
cd "$(dirname "$0")"
sha256sum --quiet -c SHA256SUMS || { echo "FAILED: a file does not match SHA256SUMS"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prev=$(cat ANCHOR)
count=0
while IFS= read -r line; do
    seq=${line##*\"seq\":}; seq=${seq%%,*}
    linked=${line##*\"prev_hash\":\"}; linked=${linked%%\"*}
    if [ "$linked" != "$prev" ]; then
        echo "FAILED: the chain is broken at event $seq (its prev_hash is not the hash of the event before)"
        exit 1
    fi
    hash=$(printf '%s' "$line" | sha256sum); hash=${hash%% *}
    echo "$seq $hash" >> "$work/hashes"
    prev=$hash
    last=$seq
    count=$((count + 1))
done < events.jsonl
previous_signature=none
checkpoints=0
covered=0
while IFS= read -r cp; do
    msg=checkpoints/$cp.msg
    sig=checkpoints/$cp.sig
    stated=$(sed -n 's/^chain-hash: //p' "$msg")
    linked=$(sed -n 's/^previous-signature: //p' "$msg")
    actual=$(sed -n "s/^$cp //p" "$work/hashes")
    if [ -n "$actual" ] && [ "$stated" != "$actual" ]; then
        echo "FAILED: checkpoint $cp does not match event $cp (the chain was rewritten)"
        exit 1
    fi
    if [ "$linked" != "$previous_signature" ]; then
        echo "FAILED: checkpoint $cp does not follow the previous checkpoint"
        exit 1
    fi
    if ! openssl pkeyutl -verify -pubin -inkey public.pem -rawin -in "$msg" -sigfile "$sig" > /dev/null; then
        echo "FAILED: the signature of checkpoint $cp does not verify"
        exit 1
    fi
    previous_signature=$(od -An -v -tx1 "$sig" | tr -d ' \n')
    [ "$cp" = "${last:-}" ] && covered=1
    checkpoints=$((checkpoints + 1))
done < CHECKPOINTS
if [ "$covered" != 1 ]; then
    echo "FAILED: the last event ($last) is not covered by a signed checkpoint"
    exit 1
fi
fingerprint=$(openssl pkey -pubin -in public.pem -outform DER | sha256sum); fingerprint=${fingerprint%% *}
echo "OK: $count events and $checkpoints signed checkpoints verified; signing key SHA-256 $fingerprint"
)sh";

Result<void> writeFile(const QString& path, const QByteArray& data)
{
    QFile f(path);
    if (!f.open(QIODevice::WriteOnly | QIODevice::Truncate) || f.write(data) != data.size() || !f.flush())
        return makeError(ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(path, f.errorString()));
    f.close();
    return {};
}

} // namespace

Result<BundleSummary> writeBundle(AuditLog& log, const QByteArray& publicKeyPem, const QString& directory,
                                  const Progress& progress)
{
    const QString target = QFileInfo(directory).absoluteFilePath();
    if (QFileInfo::exists(target))
        return makeError(ErrorCode::AlreadyExists,
                         QStringLiteral("%1 exists already; name a new directory for the bundle").arg(target));
    const QString temp = target + QStringLiteral(".partial");
    QDir(temp).removeRecursively();
    if (!QDir().mkpath(temp + QStringLiteral("/checkpoints")))
        return makeError(ErrorCode::Io, QStringLiteral("cannot create %1").arg(temp));
    auto cleanup = [&temp](const Error& e) -> Error {
        QDir(temp).removeRecursively();
        return e;
    };

    BundleSummary summary;
    summary.directory = target;
    QFile events(temp + QStringLiteral("/events.jsonl"));
    if (!events.open(QIODevice::WriteOnly))
        return cleanup(makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(events.fileName())));
    QByteArray anchor;
    bool failed = false;
    // Every scope: the chain runs through all tenants' events and the platform's.
    auto visit = [&](const AuditEvent& e) {
        if (summary.firstSeq == 0) {
            summary.firstSeq = e.seq;
            anchor = e.prevHash.toHex();
        }
        summary.lastSeq = e.seq;
        ++summary.events;
        if (events.write(e.canonical() + '\n') < 0) {
            failed = true;
            return false;
        }
        if (progress && summary.events % 1000 == 0)
            progress(summary.events);
        return true;
    };
    // The bundle needs every scope in seq order (forEach walks one scope): page through by seq.
    qint64 after = 0;
    for (;;) {
        auto page = log.after(after, 1000);
        if (!page)
            return cleanup(page.error());
        for (const AuditEvent& e : page.value()) {
            if (!visit(e))
                break;
            after = e.seq;
        }
        if (failed)
            return cleanup(makeError(ErrorCode::Io, QStringLiteral("cannot write %1").arg(events.fileName())));
        if (page.value().size() < 1000)
            break;
    }
    events.close();

    auto checkpoints = log.checkpoints();
    if (!checkpoints)
        return cleanup(checkpoints.error());
    QByteArray list;
    for (const Checkpoint& c : checkpoints.value()) {
        const QString base = temp + QStringLiteral("/checkpoints/") + QString::number(c.seq);
        if (auto r = writeFile(base + QStringLiteral(".msg"), c.message()); !r)
            return cleanup(r.error());
        if (auto r = writeFile(base + QStringLiteral(".sig"), c.signature); !r)
            return cleanup(r.error());
        list += QByteArray::number(c.seq) + '\n';
        ++summary.checkpoints;
    }
    if (anchor.isEmpty())
        anchor = QByteArray(64, '0');
    for (const auto& [name, data] :
         {std::pair{QStringLiteral("CHECKPOINTS"), list}, std::pair{QStringLiteral("ANCHOR"), anchor + '\n'},
          std::pair{QStringLiteral("public.pem"), publicKeyPem},
          std::pair{QStringLiteral("VERIFY"), QByteArray(kVerifyScript)}}) {
        if (auto r = writeFile(temp + QLatin1Char('/') + name, data); !r)
            return cleanup(r.error());
    }
    // SHA256SUMS over every file, in the format `sha256sum -c` reads.
    QByteArray sums;
    QStringList files{QStringLiteral("events.jsonl"), QStringLiteral("CHECKPOINTS"), QStringLiteral("ANCHOR"),
                      QStringLiteral("public.pem"), QStringLiteral("VERIFY")};
    for (const Checkpoint& c : checkpoints.value()) {
        files << QStringLiteral("checkpoints/%1.msg").arg(c.seq) << QStringLiteral("checkpoints/%1.sig").arg(c.seq);
    }
    for (const QString& name : files) {
        QFile f(temp + QLatin1Char('/') + name);
        if (!f.open(QIODevice::ReadOnly))
            return cleanup(makeError(ErrorCode::Io, QStringLiteral("cannot read back %1").arg(name)));
        QCryptographicHash h(QCryptographicHash::Sha256);
        h.addData(&f);
        sums += h.result().toHex() + "  " + name.toUtf8() + '\n';
    }
    if (auto r = writeFile(temp + QStringLiteral("/SHA256SUMS"), sums); !r)
        return cleanup(r.error());
    if (!QDir().rename(temp, target))
        return cleanup(makeError(ErrorCode::Io, QStringLiteral("cannot move the bundle into place at %1").arg(target)));
    if (progress)
        progress(summary.events);
    return summary;
}

} // namespace gatehouse::audit
