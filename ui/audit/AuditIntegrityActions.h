#pragma once

#include "audit/AuditLog.h"
#include "audit/AuditQuery.h"

#include <QObject>
#include <QPointer>
#include <QThreadPool>

#include <atomic>
#include <functional>
#include <memory>
#include <optional>
#include <utility>

class QAction;
class QDialog;
class QProgressDialog;
class QWidget;

namespace gatehouse::service {
class ControlPlane;
struct Caller;
} // namespace gatehouse::service

namespace gatehouse::ui {

class ConsoleBridge;

// The audit pane's "Verify integrity..." and "Export..." actions. Verification walks the whole chain and every
// signed checkpoint, or a range of events (from the signed checkpoint before it to the one after it, at the cost of
// the range; chosen in a small dialog prefilled by the pane); a broken chain is announced with brokenEvent() (the
// first bad event and the kind of damage) and shown. Export
// writes the events of the pane's filter as JSON Lines, CSV, CEF or OCSF, or the whole chain as an offline
// verification bundle (platform scope), to a path chosen with a file dialog: written under a temporary name
// and renamed into place when complete, so a cancelled or failed export leaves nothing behind.
//
// Both run on this object's own thread (one job at a time; joined when it is destroyed), not on the console
// bridge's worker, which stays free for the pane's searches; they still act as the signed-in identity, whose
// caller the bridge hands over. A progress dialog with Cancel shows while they run. Each action is disabled,
// with a tooltip naming the permission, when the identity lacks it.
class AuditIntegrityActions : public QObject
{
    Q_OBJECT
public:
    enum class Format { JsonLines, Csv, Cef, Ocsf, Bundle };
    Q_ENUM(Format)

    // `window` parents the dialogs.
    AuditIntegrityActions(ConsoleBridge& bridge, QWidget* window);
    ~AuditIntegrityActions() override;

    // Triggered: the whole chain; its menu offers the whole chain or a range (verifyWholeAction, verifyRangeAction).
    QAction* verifyAction() const { return m_verify; }
    QAction* verifyWholeAction() const { return m_verifyWhole; }
    QAction* verifyRangeAction() const { return m_verifyRange; }
    // The range the range dialog offers first (the pane's selected event, or the events in view); none: 1 to 1.
    void setRangeSuggestion(std::function<std::pair<qint64, qint64>()> suggest) { m_suggest = std::move(suggest); }
    QAction* exportAction() const { return m_export; }
    // The filter exports use (the pane's current query, its scope included).
    void setQuery(const audit::AuditQuery& query) { m_query = query; }
    bool isRunning() const { return m_running; }
    // Enables each action as the identity's permissions allow (called on access and scope changes).
    void updatePermissions();

    // Without dialogs: start a verification, or an export to `path` (a file; for a bundle a folder that does
    // not exist yet). False when a job is already running or the path is refused (finished() tells why).
    bool verify();
    // Events fromSeq to toSeq only; progress counts the events checked, and Cancel stops the walk.
    bool verifyRange(qint64 fromSeq, qint64 toSeq);
    // The range dialog (from/to spin boxes; OK starts verifyRange). Opened window-modal, returned for tests.
    QDialog* askRange();
    bool exportTo(const QString& path, Format format);
    // Stops the running export (what was written is removed); a running verification's answer is dropped.
    void cancel();
    QProgressDialog* progressDialog() const { return m_progress; }

    static QString problemText(const QString& kind);

signals:
    // The chain is broken at `seq`: changed, deleted, inserted, reordered, bad_signature, truncated, unsigned_gap.
    void brokenEvent(qint64 seq, const QString& kind);
    void verified(const gatehouse::audit::VerifyReport& report);
    // ok: `message` says what was written where; else why nothing was (cancelled, or the failure).
    void exportFinished(bool ok, const QString& path, const QString& message);
    void runningChanged(bool running);

private:
    struct Job;
    void askExport();
    bool startVerify(std::optional<std::pair<qint64, qint64>> range);
    // Runs work(controlPlane, caller) on this object's thread as the signed-in identity, then done() here.
    void runJob(std::function<void(service::ControlPlane&, const service::Caller&)> work, std::function<void()> done);
    void startProgress(const QString& label);
    void finishProgress();
    void showResult(const QString& title, const QString& text, bool problem);
    void setRunning(bool running);

    ConsoleBridge& m_bridge;
    QPointer<QWidget> m_window;
    QAction* m_verify = nullptr;
    QAction* m_verifyWhole = nullptr;
    QAction* m_verifyRange = nullptr;
    std::function<std::pair<qint64, qint64>()> m_suggest;
    std::function<QString(qint64)> m_doneText; // the progress line for m_done's count
    QAction* m_export = nullptr;
    QProgressDialog* m_progress = nullptr;
    audit::AuditQuery m_query;
    bool m_running = false;
    bool m_started = false; // the job left the bridge for this object's thread
    std::shared_ptr<std::atomic<bool>> m_cancel;
    std::shared_ptr<std::atomic<qint64>> m_done;
    QThreadPool m_pool; // last: joined first when this object goes
};

} // namespace gatehouse::ui
