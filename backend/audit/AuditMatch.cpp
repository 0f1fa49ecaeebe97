#include "AuditMatch.h"

#include <QRegularExpression>

namespace gatehouse::audit {

namespace {

// The tokens SQLite's FTS4 "simple" tokenizer makes of a text: runs of ASCII letters and digits and of
// non-ASCII characters, ASCII folded to lower case. The full-text filter matches through these.
QStringList tokens(QStringView text)
{
    QStringList out;
    QString current;
    for (QChar c : text) {
        const char16_t u = c.unicode();
        const bool part = u >= 0x80 || (u >= u'0' && u <= u'9') || (u >= u'a' && u <= u'z') || (u >= u'A' && u <= u'Z');
        if (part) {
            current += (u >= u'A' && u <= u'Z') ? QChar(u + 32) : c;
        } else if (!current.isEmpty()) {
            out << current;
            current.clear();
        }
    }
    if (!current.isEmpty())
        out << current;
    return out;
}

// A quoted word of the query is a phrase: its tokens in a row within one column.
bool containsPhrase(const QStringList& haystack, const QStringList& phrase)
{
    if (phrase.isEmpty())
        return false;
    for (qsizetype i = 0; i + phrase.size() <= haystack.size(); ++i) {
        bool all = true;
        for (qsizetype j = 0; j < phrase.size() && all; ++j)
            all = haystack.at(i + j) == phrase.at(j);
        if (all)
            return true;
    }
    return false;
}

bool matchesText(const QString& text, const AuditEvent& e)
{
    QList<QStringList> columns;
    for (QString word : text.split(QLatin1Char(' '), Qt::SkipEmptyParts)) {
        word.remove(QLatin1Char('"'));
        if (word.isEmpty())
            continue;
        if (columns.isEmpty()) {
            const QByteArray details = e.detailsJson.isEmpty() ? QByteArray() : e.detailsJson;
            columns = {tokens(e.action), tokens(e.actorName), tokens(e.targetId), tokens(QString::fromUtf8(details))};
        }
        const QStringList phrase = tokens(word);
        bool found = false;
        for (const QStringList& column : columns)
            found = found || containsPhrase(column, phrase);
        if (!found)
            return false;
    }
    return true;
}

} // namespace

bool isActorId(const QString& actor)
{
    static const QRegularExpression id(QStringLiteral("^([a-z]{3}_[a-z2-7]+|system|probe)$"));
    return id.match(actor).hasMatch();
}

bool matchesQuery(const AuditQuery& q, const AuditEvent& e)
{
    if (!(q.platform && q.allScopes) && e.tenantId != (q.platform ? QString() : q.tenantId))
        return false;
    if (q.fromMs && e.timeMs < q.fromMs)
        return false;
    if (q.toMs && e.timeMs >= q.toMs)
        return false;
    if (!q.workspaceId.isEmpty() && e.workspaceId != q.workspaceId)
        return false;
    if (!q.actor.isEmpty() && (isActorId(q.actor) ? e.actorId != q.actor : e.actorName != q.actor))
        return false;
    if (!q.actionPrefix.isEmpty() && !e.action.startsWith(q.actionPrefix))
        return false;
    if (!q.outcome.isEmpty() && e.outcome != q.outcome)
        return false;
    if (!q.targetId.isEmpty() && e.targetId != q.targetId)
        return false;
    if (!q.address.isEmpty() && e.address != q.address)
        return false;
    if (!q.requestId.isEmpty() && e.requestId != q.requestId)
        return false;
    return matchesText(q.text, e);
}

} // namespace gatehouse::audit
