#pragma once

#include "audit/AuditQuery.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QString>
#include <QStringList>

#include <optional>

namespace gatehouse::ui {

// What a reviewer filters the audit trail by, as the console holds it: the fields of the filter form and of
// the one-line form (`actor:alice action:secret. outcome:denied since:24h "rotation"`), which read and write
// each other. No widgets: the filter bar and the audit pane share it, and saved filters store its line.
//
// The line's keys: actor, action (a prefix), outcome (success, denied, error), target, address, request,
// workspace, tenant, since (a span back from now: 15m, 1h, 24h, 7d, 30d or any <number><m|h|d|w>), from and
// to (a local date-time, 2026-12-01T00:00 or with seconds). Everything else is free text: bare words and
// "quoted phrases", all of which must match. A value with spaces is quoted; \" and \\ escape inside quotes.
struct AuditFilterParse;

struct AuditFilter
{
    QString tenant; // a tenant id or name, as the line gave it; empty: the pane's scope
    QString workspace;
    QString actor;
    QString action; // a prefix: "secret." matches secret.create, secret.reveal, ...
    QString outcome;
    QString target;
    QString address;
    QString requestId;
    qint64 sinceMs = 0; // > 0: from (now - sinceMs) on; excludes from/to
    QDateTime from;     // invalid: open
    QDateTime to;       // invalid: open (exclusive)
    QStringList text;   // words and phrases

    bool operator==(const AuditFilter&) const = default;
    bool isEmpty() const { return *this == AuditFilter{}; }

    // The filter as a query, `nowMs` resolving `since`. Sets the filters only: the scope (platform, all
    // scopes), paging and limit stay as the pane sets them; tenantId and workspaceId carry `tenant` and
    // `workspace` as given (the bar resolves a tenant name to its id before).
    audit::AuditQuery toQuery(qint64 nowMs) const;
    void applyTo(audit::AuditQuery& query, qint64 nowMs) const;
    // The filter a query asks for (a relative span cannot be told from a query: the range comes back as from/to).
    static AuditFilter fromQuery(const audit::AuditQuery& query);

    // The one-line form. parse() of format() gives the same filter back.
    QString format() const;
    static AuditFilterParse parse(const QString& line);

    // "15m", "1h", "24h", "7d", "30d", "2w"; 0 when the text is none of <number><m|h|d|w>.
    static qint64 parseSpan(const QString& text);
    static QString formatSpan(qint64 ms);
    static QStringList keys();
    static QStringList outcomes();

    Q_DECLARE_TR_FUNCTIONS(gatehouse::ui::AuditFilter)
};

// What AuditFilter::parse() made of a line.
struct AuditFilterParse
{
    std::optional<AuditFilter> filter;
    QString error;     // for people: names the token and what is accepted
    QString token;     // the token at fault
    int position = -1; // where it starts in the line
};

// Saved filters of one signed-in identity, in QSettings: a name and a filter line each, in the order saved. The
// identity's id keys them, so two people sharing a desktop account do not see each other's filters. Only the
// filter line is kept (names and ids, never a value or a token).
class AuditSavedFilters
{
public:
    explicit AuditSavedFilters(QString identityId);
    QStringList names() const;
    QString line(const QString& name) const;
    bool contains(const QString& name) const { return names().contains(name); }
    // Replaces a filter of the same name.
    void save(const QString& name, const QString& line);
    void remove(const QString& name);

private:
    QList<std::pair<QString, QString>> read() const;
    void write(const QList<std::pair<QString, QString>>& entries) const;
    QString m_key;
};

} // namespace gatehouse::ui
