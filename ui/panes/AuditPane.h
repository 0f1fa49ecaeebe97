#pragma once

#include "audit/AuditEvent.h"
#include "audit/AuditQuery.h"
#include "audit/Checkpoint.h"
#include "core/Result.h"

#include <QTimer>
#include <QWidget>

#include <memory>

class QAction;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTextBrowser;
class QToolBar;
class QVBoxLayout;

namespace gatehouse::audit {
class AuditSubscription;
}

namespace gatehouse::ui {

class AuditEventModel;
class AuditFilterBar;
class AuditHistogram;
class AuditIntegrityActions;
class ConsoleBridge;
class FeedRelay;

// The audit trail of the console's scope as a live table: the newest page first, older pages as the view scrolls
// (keyset paging through the control plane's audit search), and every event committed since, by anyone, as it
// is committed (the control plane's follow feed: history, then live, resumed after the last event on a drop).
// Follow keeps the newest in view; Pause keeps the view still while a counter shows what waits; End goes back to
// live. The details beside the table show every field of the selected event, its hashes and the checkpoint that
// signs it, with links that filter on its actor, target and request.
//
// The filter is server-side (the search) for what is loaded, and the same rules applied here (matchesQuery) to
// live events, so a new event that the filter excludes never shows. Reading is audited like the API's.
class AuditPane : public QWidget
{
    Q_OBJECT
public:
    explicit AuditPane(ConsoleBridge& bridge, QWidget* parent = nullptr);
    ~AuditPane() override;

    // Shows the events that match `filter` (its scope fields are the console scope's, whatever they held).
    void setQuery(const audit::AuditQuery& filter);
    const audit::AuditQuery& query() const { return m_query; }
    // Selects the event `seq`, loading the events up to it when it is not loaded (the view then leaves live: End
    // returns to it).
    void selectSeq(qint64 seq);
    // Where the filter bar and the volume histogram go, above the table.
    QVBoxLayout* filterBarSlot() const { return m_filterSlot; }
    QVBoxLayout* histogramSlot() const { return m_histogramSlot; }

    AuditEventModel* model() const { return m_model; }
    QTableView* table() const { return m_table; }
    bool isFollowing() const;
    bool isPaused() const;
    bool isLive() const { return m_sub != nullptr; }
    // The newest event the live feed has brought, whether the filter let it in or not.
    qint64 followedSeq() const { return m_followedSeq; }
    void reload();
    QString message() const;
    // The page size of the search (default 500; the control plane answers at most 1000).
    void setPageSize(int events) { m_pageSize = events; }

signals:
    void queryChanged();
    // The newest event the view holds changed (after an insertion).
    void eventsShown(qint64 newestSeq);

protected:
    void showEvent(QShowEvent* event) override;

private:
    struct Opening;
    friend class FeedRelay;

    audit::AuditQuery scopedQuery() const;
    void stopFeed();
    void subscribe(qint64 afterSeq);
    void feedWoken(const FeedRelay* relay);
    void take();
    void loadOlder(qint64 beforeSeq);
    void setFollowing(bool on);
    void setPaused(bool on);
    void goToEnd();
    void scrollToNewest();
    void updateState();
    void updateDetails();
    void fetchEvent(qint64 seq);
    void fetchCheckpoint(qint64 seq);
    void followLink(const QUrl& url);
    // Shows the events of `filter` (from the filter bar, or setQuery); nothing happens when it asks the same.
    void applyFilter(const audit::AuditQuery& filter);
    void showFailure(const Error& error);
    void saveState() const;

    ConsoleBridge& m_bridge;
    AuditEventModel* m_model;
    QToolBar* m_actions;
    QAction* m_follow;
    QAction* m_pause;
    QAction* m_end;
    QAction* m_newestFirst;
    QAction* m_refresh;
    QAction* m_forwarding;
    QLabel* m_waiting;
    QLabel* m_state;
    QLabel* m_message;
    QLabel* m_hint;
    QVBoxLayout* m_filterSlot;
    QVBoxLayout* m_histogramSlot;
    AuditFilterBar* m_filterBar;
    AuditHistogram* m_histogram;
    AuditIntegrityActions* m_integrity;
    QSplitter* m_splitter;
    QTableView* m_table;
    QTextBrowser* m_details;
    QTimer m_tail;

    audit::AuditQuery m_query;
    std::shared_ptr<audit::AuditSubscription> m_sub;
    std::shared_ptr<FeedRelay> m_relay;
    quint64 m_generation = 0;
    bool m_taking = false;
    bool m_takeAgain = false;
    bool m_arrived = false;
    bool m_loaded = false;
    bool m_pinned = false; // showing the events up to a selected one, not live
    qint64 m_fetchingEvent = 0;
    qint64 m_followedSeq = 0;
    audit::Checkpoint m_checkpoint;
    bool m_fetchingCheckpoint = false;
    int m_pageSize = 500;
};

} // namespace gatehouse::ui
