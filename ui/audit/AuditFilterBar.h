#pragma once

#include "AuditFilter.h"

#include <QDateTime>
#include <QWidget>

class QAction;
class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QMenu;
class QTimer;
class QToolButton;

namespace gatehouse::ui {

class ConsoleBridge;

// The audit pane's filters: time presets and a range, tenant and workspace (only the scopes the identity can see),
// actor, action prefix (completed from the operation catalog), outcome, target, address, request id and free
// text, and the same filter as one editable line under them. The form and the line follow each other: editing a
// field rewrites the line; editing the line sets the fields when it is committed (Enter, or leaving it) and parses;
// an error is shown under the line and nothing is applied. Saved filters (per signed-in identity) are in a menu.
// filterChanged() is emitted once the edits settle.
class AuditFilterBar : public QWidget
{
    Q_OBJECT
public:
    explicit AuditFilterBar(ConsoleBridge& bridge, QWidget* parent = nullptr);
    ~AuditFilterBar() override;

    AuditFilter filter() const { return m_filter; }
    // The query of the current filter, `since` resolved against now and a tenant name resolved to its id. Only
    // the filters: the pane sets the scope, the paging and the limit.
    audit::AuditQuery query() const;
    QString line() const;
    // The error of the line as typed (empty when it parses).
    QString lineError() const;
    // The saved filters of the signed-in identity.
    AuditSavedFilters savedFilters() const;

public slots:
    void setFilter(const gatehouse::ui::AuditFilter& filter);
    // A range (a brush on the histogram): becomes a custom range.
    void setTimeRange(const QDateTime& from, const QDateTime& to);
    // Sets the filter from the line; false (and the error shown) when it does not parse.
    bool setLine(const QString& line);
    void applySaved(const QString& name);
    // Saves the current line under `name` (replacing one of that name).
    void saveAs(const QString& name);
    void removeSaved(const QString& name);

signals:
    void filterChanged(const gatehouse::audit::AuditQuery& query);

private:
    void build();
    void refillScopes();
    void refillWorkspaces();
    void refillSavedMenu();
    // The fields -> m_filter -> the line.
    void fieldsEdited();
    // m_filter -> the fields (without echo).
    void showFilterInFields();
    void lineCommitted();
    // Marks the line valid, invalid or empty as typed (nothing applied).
    void checkLine();
    // Checks the tenant and workspace against the scopes the identity can see; empty when they are fine.
    QString checkScope(const AuditFilter& f) const;
    void showError(const QString& message);
    void changed();
    void askSaveAs();
    void askRemove();

    ConsoleBridge& m_bridge;
    AuditFilter m_filter;
    bool m_updating = false;
    QComboBox* m_preset = nullptr;
    QDateTimeEdit* m_from = nullptr;
    QDateTimeEdit* m_to = nullptr;
    QComboBox* m_tenant = nullptr;
    QComboBox* m_workspace = nullptr;
    QLineEdit* m_actor = nullptr;
    QLineEdit* m_action = nullptr;
    QComboBox* m_outcome = nullptr;
    QLineEdit* m_target = nullptr;
    QLineEdit* m_address = nullptr;
    QLineEdit* m_request = nullptr;
    QLineEdit* m_text = nullptr;
    QLineEdit* m_line = nullptr;
    QString m_lineTip;
    QAction* m_lineState = nullptr; // a warning mark in the line while it does not parse
    QLabel* m_error = nullptr;
    QToolButton* m_saved = nullptr;
    QMenu* m_savedMenu = nullptr;
    QTimer* m_settle = nullptr;
};

} // namespace gatehouse::ui
