#pragma once

#include <QDialog>

class QLabel;
class QTableWidget;

namespace gatehouse::ui {

class ConsoleBridge;

// The audit pane's "Forwarding..." window: where the audit trail is forwarded (syslog over TLS to a SIEM) in the
// console's scope, and for each destination whether it is connected, how far behind it is (events and time) and its
// last error, as the control plane reports them (forwarding.read). Destinations are added and removed with
// `gatehoused forwarding`; this window only shows them. Refreshed on opening and with Refresh.
class ForwardingDialog : public QDialog
{
    Q_OBJECT
public:
    explicit ForwardingDialog(ConsoleBridge& bridge, QWidget* parent = nullptr);

    void refresh();
    QTableWidget* table() const { return m_table; }

Q_SIGNALS:
    // The status arrived (rows shown), or could not be read (rows -1).
    void refreshed(int rows);

private:
    ConsoleBridge& m_bridge;
    QLabel* m_state;
    QTableWidget* m_table;
};

} // namespace gatehouse::ui
