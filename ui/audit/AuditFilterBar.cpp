#include "AuditFilterBar.h"

#include "console/ConsoleBridge.h"
#include "panes/OperationActions.h"
#include "service/OperationCatalog.h"

#include <QAction>
#include <QComboBox>
#include <QCompleter>
#include <QDateTimeEdit>
#include <QFormLayout>
#include <QGridLayout>
#include <QHBoxLayout>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QSet>
#include <QStyle>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kCustom = -1;

// The free-text field holds words and "quoted phrases", as the line does.
QStringList termsOf(const QString& text)
{
    const AuditFilterParse p = AuditFilter::parse(text);
    if (p.filter) {
        AuditFilter onlyText;
        onlyText.text = p.filter->text;
        if (onlyText == *p.filter)
            return p.filter->text;
    }
    return text.split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

QString termsText(const QStringList& terms)
{
    AuditFilter f;
    f.text = terms;
    return f.format();
}

// Every action of the catalog and each of its dotted prefixes ("secret.", "user.password."), sorted.
QStringList actionCompletions()
{
    QSet<QString> all;
    for (const service::OperationInfo& op : service::OperationCatalog::all()) {
        const QString action = QString::fromLatin1(op.action);
        all.insert(action);
        for (int dot = action.indexOf(QLatin1Char('.')); dot > 0; dot = action.indexOf(QLatin1Char('.'), dot + 1))
            all.insert(action.left(dot + 1));
    }
    QStringList out(all.begin(), all.end());
    out.sort();
    return out;
}

} // namespace

AuditFilterBar::AuditFilterBar(ConsoleBridge& bridge, QWidget* parent) : QWidget(parent), m_bridge(bridge)
{
    build();
    refillScopes();
    refillSavedMenu();
    connect(&m_bridge, &ConsoleBridge::accessChanged, this, [this] {
        refillScopes();
        showFilterInFields();
    });
    connect(&m_bridge, &ConsoleBridge::signedIn, this, [this] {
        refillScopes();
        refillSavedMenu();
    });
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, &AuditFilterBar::refillSavedMenu);
}

void AuditFilterBar::build()
{
    setObjectName(QStringLiteral("auditFilterBar"));
    auto lineEdit = [this](const char* name, const QString& accessible, const QString& tip, const QString& hint) {
        auto* e = new QLineEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setAccessibleName(accessible);
        e->setToolTip(tip);
        e->setPlaceholderText(hint);
        e->setClearButtonEnabled(true);
        return e;
    };

    m_preset = new QComboBox(this);
    m_preset->setObjectName(QStringLiteral("auditTimePreset"));
    m_preset->setAccessibleName(tr("Time span"));
    m_preset->setToolTip(tr("Show the events of the last minutes, hours or days, or of a range"));
    m_preset->addItem(tr("All time"), qint64(0));
    m_preset->addItem(tr("Last 15 minutes"), 15 * kMinute);
    m_preset->addItem(tr("Last hour"), 60 * kMinute);
    m_preset->addItem(tr("Last 24 hours"), 24 * 60 * kMinute);
    m_preset->addItem(tr("Last 7 days"), 7 * 24 * 60 * kMinute);
    m_preset->addItem(tr("Last 30 days"), 30 * 24 * 60 * kMinute);
    m_preset->addItem(tr("Range"), kCustom);

    auto dateEdit = [this](const char* name, const QString& accessible, const QString& tip) {
        auto* e = new QDateTimeEdit(this);
        e->setObjectName(QLatin1String(name));
        e->setAccessibleName(accessible);
        e->setToolTip(tip);
        e->setCalendarPopup(true);
        e->setDisplayFormat(QStringLiteral("yyyy-MM-dd HH:mm"));
        e->setTimeSpec(Qt::LocalTime);
        e->setEnabled(false);
        return e;
    };
    const QDateTime now = QDateTime::currentDateTime();
    m_from = dateEdit("auditFrom", tr("From"), tr("The first moment of the range (local time)"));
    m_to = dateEdit("auditTo", tr("To"), tr("The end of the range, not included (local time)"));
    m_from->setDateTime(now.addDays(-1));
    m_to->setDateTime(now);

    m_tenant = new QComboBox(this);
    m_tenant->setObjectName(QStringLiteral("auditTenant"));
    m_tenant->setAccessibleName(tr("Tenant"));
    m_tenant->setToolTip(tr("The tenant whose events are shown (only those you can see)"));
    m_workspace = new QComboBox(this);
    m_workspace->setObjectName(QStringLiteral("auditWorkspace"));
    m_workspace->setAccessibleName(tr("Workspace"));
    m_workspace->setToolTip(tr("Only the events of one workspace"));

    m_actor = lineEdit("auditActor", tr("Actor"), tr("A user or integration: its id or its name"), tr("alice"));
    m_action = lineEdit("auditAction", tr("Action"),
                        tr("The action, or the start of it: secret. matches every secret action"), tr("secret."));
    auto* completer = new QCompleter(actionCompletions(), m_action);
    completer->setCaseSensitivity(Qt::CaseInsensitive);
    completer->setObjectName(QStringLiteral("auditActionCompleter"));
    m_action->setCompleter(completer);
    m_outcome = new QComboBox(this);
    m_outcome->setObjectName(QStringLiteral("auditOutcome"));
    m_outcome->setAccessibleName(tr("Outcome"));
    m_outcome->setToolTip(tr("Only events that succeeded, were denied or failed"));
    m_outcome->addItem(tr("Any"), QString());
    m_outcome->addItem(tr("Success"), QStringLiteral("success"));
    m_outcome->addItem(tr("Denied"), QStringLiteral("denied"));
    m_outcome->addItem(tr("Error"), QStringLiteral("error"));
    m_target = lineEdit("auditTarget", tr("Target"), tr("The id of the object acted on"), tr("sec_..."));
    m_address = lineEdit("auditAddress", tr("Address"), tr("The client address the call came from"), tr("10.0.0.1"));
    m_request = lineEdit("auditRequest", tr("Request id"),
                         tr("The request that caused the events (the X-Request-Id of an API answer)"), tr("req_..."));
    m_text = lineEdit("auditText", tr("Text"),
                      tr("Words that must all appear in the action, actor, target or details; \"quote\" a phrase"),
                      tr("rotation"));

    m_lineTip = tr("The filter as one line: actor:alice action:secret. outcome:denied since:24h \"words\". "
                   "Press Enter to apply.");
    m_line = lineEdit("auditFilterLine", tr("Filter line"), m_lineTip,
                      tr("actor:alice action:secret. outcome:denied since:24h"));
    m_lineState = m_line->addAction(style()->standardIcon(QStyle::SP_MessageBoxWarning), QLineEdit::TrailingPosition);
    m_lineState->setObjectName(QStringLiteral("auditFilterLineState"));
    m_lineState->setText(tr("The filter line does not parse"));
    m_lineState->setVisible(false);
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("auditFilterError"));
    m_error->setAccessibleName(tr("Filter line error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->hide();

    m_saved = new QToolButton(this);
    m_saved->setObjectName(QStringLiteral("auditSavedFilters"));
    m_saved->setText(tr("&Saved filters"));
    m_saved->setAccessibleName(tr("Saved filters"));
    m_saved->setToolTip(tr("Apply, save or delete the filters you saved"));
    m_saved->setPopupMode(QToolButton::InstantPopup);
    m_savedMenu = new QMenu(m_saved);
    m_savedMenu->setObjectName(QStringLiteral("auditSavedFiltersMenu"));
    m_saved->setMenu(m_savedMenu);

    // Labels with mnemonics, each naming its field.
    auto label = [this](const QString& text, QWidget* buddy) {
        auto* l = new QLabel(text, this);
        l->setBuddy(buddy);
        return l;
    };
    auto* grid = new QGridLayout;
    grid->setContentsMargins(0, 0, 0, 0);
    grid->addWidget(label(tr("&Time:"), m_preset), 0, 0);
    grid->addWidget(m_preset, 0, 1);
    grid->addWidget(label(tr("Fro&m:"), m_from), 0, 2);
    grid->addWidget(m_from, 0, 3);
    grid->addWidget(label(tr("T&o:"), m_to), 0, 4);
    grid->addWidget(m_to, 0, 5);
    grid->addWidget(label(tr("Te&nant:"), m_tenant), 1, 0);
    grid->addWidget(m_tenant, 1, 1);
    grid->addWidget(label(tr("&Workspace:"), m_workspace), 1, 2);
    grid->addWidget(m_workspace, 1, 3);
    grid->addWidget(label(tr("&Actor:"), m_actor), 1, 4);
    grid->addWidget(m_actor, 1, 5);
    grid->addWidget(label(tr("A&ction:"), m_action), 2, 0);
    grid->addWidget(m_action, 2, 1);
    grid->addWidget(label(tr("O&utcome:"), m_outcome), 2, 2);
    grid->addWidget(m_outcome, 2, 3);
    grid->addWidget(label(tr("Tar&get:"), m_target), 2, 4);
    grid->addWidget(m_target, 2, 5);
    grid->addWidget(label(tr("A&ddress:"), m_address), 3, 0);
    grid->addWidget(m_address, 3, 1);
    grid->addWidget(label(tr("&Request:"), m_request), 3, 2);
    grid->addWidget(m_request, 3, 3);
    grid->addWidget(label(tr("Te&xt:"), m_text), 3, 4);
    grid->addWidget(m_text, 3, 5);
    auto* lineRow = new QHBoxLayout;
    lineRow->addWidget(label(tr("&Filter:"), m_line));
    lineRow->addWidget(m_line, 1);
    lineRow->addWidget(m_saved);
    auto* box = new QVBoxLayout(this);
    box->setContentsMargins(0, 0, 0, 0);
    box->addLayout(grid);
    box->addLayout(lineRow);
    box->addWidget(m_error);

    m_settle = new QTimer(this);
    m_settle->setSingleShot(true);
    m_settle->setInterval(250);
    connect(m_settle, &QTimer::timeout, this, [this] { emit filterChanged(query()); });

    // Each field sets its own part of the filter, so a field never rewrites what the line said of another.
    auto onText = [this](QLineEdit* e, QString AuditFilter::*member) {
        connect(e, &QLineEdit::textChanged, this, [this, e, member] {
            if (m_updating)
                return;
            m_filter.*member = e->text().trimmed();
            fieldsEdited();
        });
    };
    onText(m_actor, &AuditFilter::actor);
    onText(m_action, &AuditFilter::action);
    onText(m_target, &AuditFilter::target);
    onText(m_address, &AuditFilter::address);
    onText(m_request, &AuditFilter::requestId);
    connect(m_text, &QLineEdit::textChanged, this, [this] {
        if (m_updating)
            return;
        m_filter.text = termsOf(m_text->text());
        fieldsEdited();
    });
    connect(m_outcome, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_filter.outcome = m_outcome->currentData().toString();
        fieldsEdited();
    });
    connect(m_tenant, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_filter.tenant = m_tenant->currentIndex() > 0 ? m_tenant->currentText() : QString();
        m_filter.workspace.clear();
        refillWorkspaces();
        fieldsEdited();
    });
    connect(m_workspace, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        m_filter.workspace = m_workspace->currentData().toString();
        fieldsEdited();
    });
    connect(m_preset, &QComboBox::currentIndexChanged, this, [this] {
        if (m_updating)
            return;
        const qint64 span = m_preset->currentData().toLongLong();
        m_filter.sinceMs = span > 0 ? span : 0;
        m_filter.from = span == kCustom ? m_from->dateTime() : QDateTime();
        m_filter.to = span == kCustom ? m_to->dateTime() : QDateTime();
        fieldsEdited();
    });
    for (QDateTimeEdit* e : {m_from, m_to}) {
        connect(e, &QDateTimeEdit::dateTimeChanged, this, [this, e] {
            if (m_updating)
                return;
            m_filter.sinceMs = 0;
            (e == m_from ? m_filter.from : m_filter.to) = e->dateTime();
            fieldsEdited();
        });
    }
    // While typing, the line says whether it parses (its "syntaxState" property and its tooltip) without applying
    // anything; Enter or leaving the line applies it, or shows the error under it.
    connect(m_line, &QLineEdit::textEdited, this, &AuditFilterBar::checkLine);
    connect(m_line, &QLineEdit::returnPressed, this, &AuditFilterBar::lineCommitted);
    connect(m_line, &QLineEdit::editingFinished, this, &AuditFilterBar::lineCommitted);
    showFilterInFields();
}

AuditFilterBar::~AuditFilterBar()
{
    // Closing the window hides the line while it has focus, and leaving it would apply it: by then this object is
    // no longer an AuditFilterBar. Its fields say nothing more to it.
    for (QObject* child : findChildren<QObject*>())
        child->disconnect(this);
}

void AuditFilterBar::refillScopes()
{
    const bool was = m_updating;
    m_updating = true;
    m_tenant->clear();
    m_tenant->addItem(tr("Current scope"), QString());
    QStringList seen;
    for (const ConsoleScope& s : m_bridge.access().scopes) {
        if (s.tenantId.isEmpty() || !s.workspaceId.isEmpty() || seen.contains(s.tenantId))
            continue;
        seen << s.tenantId;
        m_tenant->addItem(s.label, s.tenantId);
    }
    m_updating = was;
    refillWorkspaces();
}

void AuditFilterBar::refillWorkspaces()
{
    const bool was = m_updating;
    m_updating = true;
    m_workspace->clear();
    m_workspace->addItem(tr("Any"), QString());
    QString tenantId = m_tenant->currentData().toString();
    if (tenantId.isEmpty())
        tenantId = m_bridge.scope().tenantId;
    for (const ConsoleScope& s : m_bridge.access().scopes) {
        if (s.tenantId == tenantId && !s.workspaceId.isEmpty()) {
            const int slash = s.label.indexOf(QLatin1String(" / "));
            m_workspace->addItem(slash >= 0 ? s.label.mid(slash + 3) : s.label, s.workspaceId);
        }
    }
    m_updating = was;
}

QString AuditFilterBar::checkScope(const AuditFilter& f) const
{
    if (!f.tenant.isEmpty() && m_tenant->findData(f.tenant) < 0 && m_tenant->findText(f.tenant) < 1) {
        QStringList names;
        for (int i = 1; i < m_tenant->count(); ++i)
            names << m_tenant->itemText(i);
        return names.isEmpty()
                   ? tr("tenant:%1 is not a tenant you can see. Leave tenant: out to read the current scope.")
                         .arg(f.tenant)
                   : tr("tenant:%1 is not a tenant you can see: use one of %2.")
                         .arg(f.tenant, names.join(QStringLiteral(", ")));
    }
    if (!f.workspace.isEmpty()) {
        QString tenantId = f.tenant.isEmpty() ? m_bridge.scope().tenantId : QString();
        for (int i = 1; i < m_tenant->count() && tenantId.isEmpty(); ++i) {
            if (m_tenant->itemData(i).toString() == f.tenant || m_tenant->itemText(i) == f.tenant)
                tenantId = m_tenant->itemData(i).toString();
        }
        for (const ConsoleScope& s : m_bridge.access().scopes) {
            if (s.tenantId == tenantId && s.workspaceId == f.workspace)
                return {};
        }
        return tr("workspace:%1 is not a workspace you can see in that tenant: use a workspace id (ws_...).")
            .arg(f.workspace);
    }
    return {};
}

audit::AuditQuery AuditFilterBar::query() const
{
    audit::AuditQuery q = m_filter.toQuery(QDateTime::currentMSecsSinceEpoch());
    if (!m_filter.tenant.isEmpty()) {
        const int byId = m_tenant->findData(m_filter.tenant);
        const int byName = m_tenant->findText(m_filter.tenant);
        const int i = byId >= 0 ? byId : byName;
        if (i > 0)
            q.tenantId = m_tenant->itemData(i).toString();
    }
    return q;
}

QString AuditFilterBar::line() const
{
    return m_line->text();
}

QString AuditFilterBar::lineError() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

AuditSavedFilters AuditFilterBar::savedFilters() const
{
    return AuditSavedFilters(m_bridge.identity().id);
}

void AuditFilterBar::fieldsEdited()
{
    m_line->setText(m_filter.format());
    showError({});
    showFilterInFields(); // the preset and the range follow each other
    changed();
}

void AuditFilterBar::showFilterInFields()
{
    const bool was = m_updating;
    m_updating = true;
    auto setText = [](QLineEdit* e, const QString& v) {
        if (e->text().trimmed() != v)
            e->setText(v);
    };
    setText(m_actor, m_filter.actor);
    setText(m_action, m_filter.action);
    setText(m_target, m_filter.target);
    setText(m_address, m_filter.address);
    setText(m_request, m_filter.requestId);
    if (termsOf(m_text->text()) != m_filter.text)
        m_text->setText(termsText(m_filter.text));
    m_outcome->setCurrentIndex(qMax(0, m_outcome->findData(m_filter.outcome)));
    int tenant = m_filter.tenant.isEmpty() ? 0 : m_tenant->findData(m_filter.tenant);
    if (tenant < 0)
        tenant = qMax(0, m_tenant->findText(m_filter.tenant));
    if (m_tenant->currentIndex() != tenant) {
        m_tenant->setCurrentIndex(tenant);
        refillWorkspaces();
    }
    m_workspace->setCurrentIndex(qMax(0, m_workspace->findData(m_filter.workspace)));
    int preset = m_preset->findData(m_filter.sinceMs);
    if (m_filter.from.isValid() || m_filter.to.isValid()) {
        preset = m_preset->findData(kCustom);
        if (m_filter.from.isValid())
            m_from->setDateTime(m_filter.from.toLocalTime());
        if (m_filter.to.isValid())
            m_to->setDateTime(m_filter.to.toLocalTime());
    } else if (preset < 0) {
        // A span of the line that is no preset ("since:2h") gets its own entry.
        m_preset->insertItem(m_preset->count() - 1, tr("Last %1").arg(AuditFilter::formatSpan(m_filter.sinceMs)),
                             m_filter.sinceMs);
        preset = m_preset->findData(m_filter.sinceMs);
    }
    m_preset->setCurrentIndex(preset);
    const bool range = m_preset->currentData().toLongLong() == kCustom;
    m_from->setEnabled(range);
    m_to->setEnabled(range);
    m_updating = was;
}

void AuditFilterBar::lineCommitted()
{
    const AuditFilterParse p = AuditFilter::parse(m_line->text());
    if (!p.filter) {
        showError(p.error);
        return;
    }
    if (const QString scopeError = checkScope(*p.filter); !scopeError.isEmpty()) {
        showError(scopeError);
        return;
    }
    showError({});
    if (*p.filter == m_filter)
        return;
    m_filter = *p.filter;
    showFilterInFields();
    changed();
}

bool AuditFilterBar::setLine(const QString& line)
{
    m_line->setText(line);
    lineCommitted();
    return lineError().isEmpty();
}

void AuditFilterBar::setFilter(const AuditFilter& filter)
{
    m_filter = filter;
    showFilterInFields();
    m_line->setText(m_filter.format());
    showError(checkScope(m_filter));
    changed();
}

void AuditFilterBar::setTimeRange(const QDateTime& from, const QDateTime& to)
{
    m_filter.sinceMs = 0;
    m_filter.from = from;
    m_filter.to = to;
    showFilterInFields();
    m_line->setText(m_filter.format());
    showError({});
    changed();
}

void AuditFilterBar::checkLine()
{
    const AuditFilterParse p = AuditFilter::parse(m_line->text());
    const QString problem = p.filter ? checkScope(*p.filter) : p.error;
    const char* state = m_line->text().trimmed().isEmpty() ? "empty" : problem.isEmpty() ? "valid" : "invalid";
    m_line->setProperty("syntaxState", QLatin1String(state));
    m_line->setToolTip(problem.isEmpty() ? m_lineTip : problem);
    // A warning mark in the line, so the state is not told by colour alone.
    m_lineState->setVisible(!problem.isEmpty());
    m_lineState->setToolTip(problem);
}

void AuditFilterBar::showError(const QString& message)
{
    checkLine();
    if (message.isEmpty()) {
        m_error->clear();
        m_error->hide();
        return;
    }
    showFailureIn(m_error, Error{ErrorCode::InvalidArgument, message});
}

void AuditFilterBar::changed()
{
    m_settle->start();
}

void AuditFilterBar::refillSavedMenu()
{
    m_savedMenu->clear();
    const bool signedIn = m_bridge.hasIdentity();
    QAction* save = m_savedMenu->addAction(tr("&Save as..."), this, &AuditFilterBar::askSaveAs);
    save->setObjectName(QStringLiteral("auditSaveFilter"));
    save->setToolTip(tr("Keep the current filter line under a name"));
    save->setEnabled(signedIn);
    const QStringList names = signedIn ? savedFilters().names() : QStringList();
    QAction* remove = m_savedMenu->addAction(tr("&Delete..."), this, &AuditFilterBar::askRemove);
    remove->setObjectName(QStringLiteral("auditDeleteFilter"));
    remove->setToolTip(tr("Delete one of the saved filters"));
    remove->setEnabled(!names.isEmpty());
    if (!names.isEmpty())
        m_savedMenu->addSeparator();
    for (const QString& name : names) {
        QAction* apply = m_savedMenu->addAction(name, this, [this, name] { applySaved(name); });
        apply->setObjectName(QStringLiteral("auditApplyFilter:") + name);
        apply->setToolTip(savedFilters().line(name));
    }
}

void AuditFilterBar::applySaved(const QString& name)
{
    const AuditSavedFilters saved = savedFilters();
    if (!saved.contains(name))
        return;
    setLine(saved.line(name));
}

void AuditFilterBar::saveAs(const QString& name)
{
    if (!m_bridge.hasIdentity() || name.trimmed().isEmpty())
        return;
    savedFilters().save(name, m_filter.format());
    refillSavedMenu();
}

void AuditFilterBar::removeSaved(const QString& name)
{
    savedFilters().remove(name);
    refillSavedMenu();
}

void AuditFilterBar::askSaveAs()
{
    bool ok = false;
    const QString name =
        QInputDialog::getText(this, tr("Save filter"), tr("&Name of the filter:"), QLineEdit::Normal, QString(), &ok);
    if (ok)
        saveAs(name);
}

void AuditFilterBar::askRemove()
{
    const QStringList names = savedFilters().names();
    if (names.isEmpty())
        return;
    bool ok = false;
    const QString name =
        QInputDialog::getItem(this, tr("Delete saved filter"), tr("&Filter to delete:"), names, 0, false, &ok);
    if (ok)
        removeSaved(name);
}

} // namespace gatehouse::ui
