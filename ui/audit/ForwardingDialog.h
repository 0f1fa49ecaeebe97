#pragma once

#include "forward/Destination.h"

#include <QDialog>

class QLabel;
class QPushButton;
class QTableWidget;

namespace gatehouse::ui {

class ConsoleBridge;

// The audit pane's "Forwarding..." window: where the audit trail is forwarded (syslog over TLS to a SIEM) in the
// console's scope, and for each destination whether it is connected, how far behind it is (events and time) and its
// last error, as the control plane reports them (forwarding.read). Who may (audit.manage at the platform,
// settings.write in a tenant) adds, changes and removes the scope's destinations here (DestinationDialog).
// Refreshed on opening, with Refresh, and after each change.
class ForwardingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ForwardingDialog(ConsoleBridge& bridge, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() const { return m_table; }

    // Open the destination editor (a new destination, or the selected one); remove asks first.
    void addDestination();
    void editDestination();
    void removeDestination();

Q_SIGNALS:
    // The status arrived (rows shown), or could not be read (rows -1).
    void refreshed(int rows);

private:
    // The control-plane action of the scope for `verb` (create, update, delete).
    QString actionFor(const char* verb) const;
    QString scopeLabel() const;
    const forward::Destination* selectedDestination() const;
    void updateButtons();
    // Shows `notice` (or a failure) below the table once the status is read again.
    void showFailure(const Error& error);

    ConsoleBridge& m_bridge;
    QLabel* m_state;
    QTableWidget* m_table;
    QPushButton* m_add;
    QPushButton* m_edit;
    QPushButton* m_remove;
    QList<forward::Destination> m_destinations; // as the rows show them
    QString m_notice;                           // said once, after the next refresh
};

} // namespace gatehouse::ui
