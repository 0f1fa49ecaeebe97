#include "AuditFilter.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSettings>

namespace gatehouse::ui {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
constexpr qint64 kWeek = 7 * kDay;

bool isSpace(QChar c)
{
    return c.isSpace();
}

// A value or a phrase as the line writes it: bare when it can be, else quoted with \" and \\ escaped. A free-text
// word with a colon is quoted (it would read as a key); a value after its key may hold colons.
QString quoted(const QString& value, bool afterKey = false)
{
    bool bare = !value.isEmpty() && !value.startsWith(QLatin1Char('"'));
    for (QChar c : value) {
        if (isSpace(c) || c == QLatin1Char('"') || c == QLatin1Char('\\') || (!afterKey && c == QLatin1Char(':'))) {
            bare = false;
            break;
        }
    }
    if (bare)
        return value;
    QString out = QStringLiteral("\"");
    for (QChar c : value) {
        if (c == QLatin1Char('"') || c == QLatin1Char('\\'))
            out += QLatin1Char('\\');
        out += c;
    }
    return out + QLatin1Char('"');
}

QString formatTime(const QDateTime& t)
{
    const QDateTime local = t.toLocalTime();
    return local.toString(local.time().second() == 0 && local.time().msec() == 0
                              ? QStringLiteral("yyyy-MM-ddTHH:mm")
                              : QStringLiteral("yyyy-MM-ddTHH:mm:ss"));
}

QDateTime parseTime(const QString& text)
{
    static const QRegularExpression shape(
        QStringLiteral("^\\d{4}-\\d{2}-\\d{2}(T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,3})?)?(Z|[+-]\\d{2}:\\d{2})?)?$"));
    if (!shape.match(text).hasMatch())
        return {};
    QDateTime t = QDateTime::fromString(text, Qt::ISODateWithMs);
    if (!t.isValid() && !text.contains(QLatin1Char('T')))
        t = QDateTime(QDate::fromString(text, Qt::ISODate), QTime(0, 0));
    return t;
}

} // namespace

QStringList AuditFilter::keys()
{
    return {QStringLiteral("actor"),   QStringLiteral("action"),  QStringLiteral("outcome"),   QStringLiteral("target"),
            QStringLiteral("address"), QStringLiteral("request"), QStringLiteral("workspace"), QStringLiteral("tenant"),
            QStringLiteral("since"),   QStringLiteral("from"),    QStringLiteral("to")};
}

QStringList AuditFilter::outcomes()
{
    return {QStringLiteral("success"), QStringLiteral("denied"), QStringLiteral("error")};
}

qint64 AuditFilter::parseSpan(const QString& text)
{
    static const QRegularExpression shape(QStringLiteral("^(\\d{1,6})([mhdw])$"));
    const QRegularExpressionMatch m = shape.match(text.trimmed().toLower());
    if (!m.hasMatch())
        return 0;
    const qint64 n = m.captured(1).toLongLong();
    const QChar unit = m.captured(2).at(0);
    const qint64 per = unit == QLatin1Char('m')   ? kMinute
                       : unit == QLatin1Char('h') ? kHour
                       : unit == QLatin1Char('d') ? kDay
                                                  : kWeek;
    return n * per;
}

QString AuditFilter::formatSpan(qint64 ms)
{
    // The coarsest unit that states it exactly, except that hours stay hours up to a day's worth (24h).
    if (ms % kDay == 0 && ms > kDay)
        return QString::number(ms / kDay) + QLatin1Char('d');
    if (ms % kHour == 0)
        return QString::number(ms / kHour) + QLatin1Char('h');
    return QString::number(qMax<qint64>(1, ms / kMinute)) + QLatin1Char('m');
}

void AuditFilter::applyTo(audit::AuditQuery& q, qint64 nowMs) const
{
    q.tenantId = tenant;
    q.workspaceId = workspace;
    q.actor = actor;
    q.actionPrefix = action;
    q.outcome = outcome;
    q.targetId = target;
    q.address = address;
    q.requestId = requestId;
    q.fromMs = sinceMs > 0 ? qMax<qint64>(0, nowMs - sinceMs) : from.isValid() ? from.toMSecsSinceEpoch() : 0;
    q.toMs = sinceMs > 0 ? 0 : to.isValid() ? to.toMSecsSinceEpoch() : 0;
    q.text = text.join(QLatin1Char(' '));
}

audit::AuditQuery AuditFilter::toQuery(qint64 nowMs) const
{
    audit::AuditQuery q;
    applyTo(q, nowMs);
    return q;
}

AuditFilter AuditFilter::fromQuery(const audit::AuditQuery& q)
{
    AuditFilter f;
    f.tenant = q.platform ? QString() : q.tenantId;
    f.workspace = q.workspaceId;
    f.actor = q.actor;
    f.action = q.actionPrefix;
    f.outcome = q.outcome;
    f.target = q.targetId;
    f.address = q.address;
    f.requestId = q.requestId;
    if (q.fromMs > 0)
        f.from = QDateTime::fromMSecsSinceEpoch(q.fromMs);
    if (q.toMs > 0)
        f.to = QDateTime::fromMSecsSinceEpoch(q.toMs);
    f.text = q.text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
    return f;
}

QString AuditFilter::format() const
{
    QStringList parts;
    auto put = [&parts](const char* key, const QString& value) {
        if (!value.isEmpty())
            parts << QLatin1String(key) + QLatin1Char(':') + quoted(value, true);
    };
    put("tenant", tenant);
    put("workspace", workspace);
    put("actor", actor);
    put("action", action);
    put("outcome", outcome);
    put("target", target);
    put("address", address);
    put("request", requestId);
    if (sinceMs > 0)
        put("since", formatSpan(sinceMs));
    if (from.isValid())
        put("from", formatTime(from));
    if (to.isValid())
        put("to", formatTime(to));
    for (const QString& t : text)
        parts << quoted(t);
    return parts.join(QLatin1Char(' '));
}

AuditFilterParse AuditFilter::parse(const QString& line)
{
    AuditFilterParse result;
    AuditFilter f;
    QStringList seen;
    auto fail = [&result](const QString& message, const QString& token, int position) {
        result.error = message;
        result.token = token;
        result.position = position;
        return result;
    };
    // Reads a quoted run starting at line[i] == '"'; i ends after the closing quote.
    auto readQuoted = [&line](int& i, QString& out) {
        ++i;
        while (i < line.size()) {
            const QChar c = line.at(i++);
            if (c == QLatin1Char('\\') && i < line.size()) {
                out += line.at(i++);
            } else if (c == QLatin1Char('"')) {
                return true;
            } else {
                out += c;
            }
        }
        return false;
    };
    static const QRegularExpression keyShape(QStringLiteral("^[A-Za-z_]+$"));
    int i = 0;
    while (i < line.size()) {
        if (isSpace(line.at(i))) {
            ++i;
            continue;
        }
        const int start = i;
        if (line.at(i) == QLatin1Char('"')) {
            QString phrase;
            if (!readQuoted(i, phrase))
                return fail(
                    tr("The quote that starts at %1 is not closed: end the phrase with \".").arg(line.mid(start, 20)),
                    line.mid(start), start);
            if (!phrase.trimmed().isEmpty())
                f.text << phrase;
            continue;
        }
        int end = i;
        while (end < line.size() && !isSpace(line.at(end)) && line.at(end) != QLatin1Char(':'))
            ++end;
        const QString head = line.mid(i, end - i);
        if (end >= line.size() || line.at(end) != QLatin1Char(':') || !keyShape.match(head).hasMatch()) {
            // A bare word (a colon after something that is not a key, such as 10:30, stays in the word).
            while (end < line.size() && !isSpace(line.at(end)))
                ++end;
            f.text << line.mid(i, end - i);
            i = end;
            continue;
        }
        const QString key = head.toLower();
        i = end + 1;
        QString value;
        if (i < line.size() && line.at(i) == QLatin1Char('"')) {
            if (!readQuoted(i, value))
                return fail(tr("The value of %1: is not closed: end it with \".").arg(key), line.mid(start), start);
        } else {
            const int v = i;
            while (i < line.size() && !isSpace(line.at(i)))
                ++i;
            value = line.mid(v, i - v);
        }
        const QString token = line.mid(start, i - start);
        if (!keys().contains(key))
            return fail(tr("Unknown filter \"%1\" in %2. Use one of %3, or put the text in quotes to search for it.")
                            .arg(head, token, keys().join(QStringLiteral(", "))),
                        token, start);
        if (seen.contains(key))
            return fail(tr("%1: is given twice (%2). Give each filter once.").arg(key, token), token, start);
        seen << key;
        if (value.trimmed().isEmpty())
            return fail(tr("%1: needs a value, as in %1:something.").arg(key), token, start);
        if (key == QLatin1String("actor")) {
            f.actor = value;
        } else if (key == QLatin1String("action")) {
            f.action = value;
        } else if (key == QLatin1String("outcome")) {
            if (!outcomes().contains(value.toLower()))
                return fail(
                    tr("%1 is not an outcome: use outcome:success, outcome:denied or outcome:error.").arg(token), token,
                    start);
            f.outcome = value.toLower();
        } else if (key == QLatin1String("target")) {
            f.target = value;
        } else if (key == QLatin1String("address")) {
            f.address = value;
        } else if (key == QLatin1String("request")) {
            f.requestId = value;
        } else if (key == QLatin1String("workspace")) {
            f.workspace = value;
        } else if (key == QLatin1String("tenant")) {
            f.tenant = value;
        } else if (key == QLatin1String("since")) {
            f.sinceMs = parseSpan(value);
            if (f.sinceMs <= 0)
                return fail(tr("%1 is not a span of time: use a number and m, h, d or w, as in since:15m, since:24h "
                               "or since:7d.")
                                .arg(token),
                            token, start);
        } else {
            const QDateTime t = parseTime(value);
            if (!t.isValid())
                return fail(tr("%1 is not a date and time: use the form %2:2026-12-01T09:30 (local time), or a date "
                               "alone.")
                                .arg(token, key),
                            token, start);
            (key == QLatin1String("from") ? f.from : f.to) = t;
        }
    }
    if (f.sinceMs > 0 && (f.from.isValid() || f.to.isValid()))
        return fail(tr("since: and from:/to: cannot be combined: give either a span back from now or a range."),
                    QStringLiteral("since:") + formatSpan(f.sinceMs), line.indexOf(QLatin1String("since:")));
    if (f.from.isValid() && f.to.isValid() && f.from >= f.to)
        return fail(tr("from: must be before to:."), QStringLiteral("to:") + formatTime(f.to),
                    line.indexOf(QLatin1String("to:")));
    result.filter = f;
    return result;
}

// --- saved filters ------------------------------------------------------------------------------------------------

AuditSavedFilters::AuditSavedFilters(QString identityId)
    : m_key(QStringLiteral("audit/savedFilters/") +
            (identityId.isEmpty() ? QStringLiteral("_nobody") : identityId.replace(QLatin1Char('/'), QLatin1Char('_'))))
{}

QList<std::pair<QString, QString>> AuditSavedFilters::read() const
{
    QSettings settings;
    QList<std::pair<QString, QString>> out;
    const int n = settings.beginReadArray(m_key);
    for (int i = 0; i < n; ++i) {
        settings.setArrayIndex(i);
        const QString name = settings.value(QStringLiteral("name")).toString();
        if (!name.isEmpty())
            out.append({name, settings.value(QStringLiteral("line")).toString()});
    }
    settings.endArray();
    return out;
}

void AuditSavedFilters::write(const QList<std::pair<QString, QString>>& entries) const
{
    QSettings settings;
    settings.remove(m_key);
    settings.beginWriteArray(m_key, int(entries.size()));
    for (int i = 0; i < entries.size(); ++i) {
        settings.setArrayIndex(i);
        settings.setValue(QStringLiteral("name"), entries[i].first);
        settings.setValue(QStringLiteral("line"), entries[i].second);
    }
    settings.endArray();
    settings.sync();
}

QStringList AuditSavedFilters::names() const
{
    QStringList out;
    for (const auto& [name, line] : read())
        out << name;
    return out;
}

QString AuditSavedFilters::line(const QString& name) const
{
    for (const auto& [n, l] : read()) {
        if (n == name)
            return l;
    }
    return {};
}

void AuditSavedFilters::save(const QString& name, const QString& line)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return;
    auto entries = read();
    for (auto& e : entries) {
        if (e.first == trimmed) {
            e.second = line;
            write(entries);
            return;
        }
    }
    entries.append({trimmed, line});
    write(entries);
}

void AuditSavedFilters::remove(const QString& name)
{
    auto entries = read();
    entries.removeIf([&name](const auto& e) { return e.first == name; });
    write(entries);
}

} // namespace gatehouse::ui
