#pragma once

#include "boundaries/Ownership.h"
#include "core/Result.h"

#include <QWidget>

class QAction;
class QComboBox;
class QLabel;
class QProgressBar;
class QSortFilterProxyModel;
class QSplitter;
class QTableView;
class QTableWidget;
class QToolBar;

namespace gatehouse::ui {

class BoundaryFlowView;
class ConsoleBridge;
class ControlModel;
class ControlTimeline;

// The trust boundaries of the deployment as the control plane checks them live: the drawn flow on top (each
// boundary coloured by its status), the controls with their evidence below (a box selected in the flow filters
// them), "Check now" to run the checks again (off the GUI thread), and beside the flow who owns each area of the
// deployment (hosted vs self-hosted), which a Platform Owner may restate. Saving the ownership is a compare-and-
// set against what the table was read as: when someone else changed it meanwhile, the conflict dialog offers
// Reload or Overwrite.
class TrustBoundariesPane : public QWidget
{
    Q_OBJECT
public:
    explicit TrustBoundariesPane(ConsoleBridge& bridge, QWidget* parent = nullptr);
    ~TrustBoundariesPane() override;

    // Runs every check again; checked() follows.
    void checkNow();
    // Reads the ownership again; ownershipLoaded() follows.
    void reloadOwnership();
    bool isChecking() const { return m_checking; }
    bool isOwnershipLoaded() const { return m_ownershipLoaded; }
    bool isOwnershipReadOnly() const;
    // The ownership as the table shows it, and as it was last read.
    boundaries::Ownership editedOwnership() const;
    const boundaries::Ownership& ownershipBase() const { return m_ownershipBase; }
    // Filters the controls to one boundary (empty: all) and selects its box.
    void showBoundary(const QString& boundaryId);
    QString message() const;
    // The selected control's history (the last 7 days) into the timeline below the table; historyLoaded() follows.
    void loadHistory(const QString& boundaryId, const QString& controlId);
    ControlTimeline* timeline() const { return m_timeline; }
    // Writes the signed evidence report to `path` (.pdf or .html) with FILE.sig and FILE.pub.pem beside it, off the
    // GUI thread; evidenceExported() follows. "Export Evidence..." asks for the path first.
    void exportEvidence(const QString& path);

signals:
    void checked();
    void historyLoaded();
    void evidenceExported(bool ok, const QString& path, const QString& message);
    void ownershipLoaded();
    void ownershipSaved();

private:
    void updateAccess();
    void setChecking(bool checking);
    void showOwnership(const boundaries::Ownership& ownership);
    void saveOwnership(const boundaries::Ownership& expected);
    void showOwnershipConflict(const boundaries::Ownership& theirs);
    void updateOwnershipActions();
    void saveLayout() const;
    void restoreLayout();

    ConsoleBridge& m_bridge;
    ControlModel* m_model;
    QSortFilterProxyModel* m_proxy;
    BoundaryFlowView* m_flow;
    QToolBar* m_actions;
    QAction* m_checkNow;
    QAction* m_exportEvidence;
    ControlTimeline* m_timeline;
    QLabel* m_timelineSummary;
    QProgressBar* m_busy;
    QLabel* m_checkedAt;
    QComboBox* m_filter;
    QTableView* m_table;
    QTableWidget* m_ownership;
    QToolBar* m_ownershipActions;
    QAction* m_saveOwnership;
    QAction* m_revertOwnership;
    QLabel* m_ownershipNote;
    QLabel* m_hint;
    QLabel* m_message;
    QSplitter* m_vertical;
    QSplitter* m_horizontal;
    boundaries::Ownership m_ownershipBase;
    qint64 m_lastCheckedAtMs = 0; // by the control plane's clock: the history window ends there
    bool m_checking = false;
    bool m_checkedOnce = false;
    bool m_ownershipLoaded = false;
    bool m_ownershipLoading = false; // one read at a time: a second answer would undo edits made meanwhile
    bool m_savingOwnership = false;
};

} // namespace gatehouse::ui
