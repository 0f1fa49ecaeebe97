#include "AuditIntegrityActions.h"

#include "audit/AuditExport.h"
#include "console/ConsoleBridge.h"
#include "panes/OperationActions.h"
#include "service/ControlPlane.h"

#include <QAction>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QMessageBox>
#include <QProgressDialog>
#include <QPushButton>
#include <QSaveFile>
#include <QSpinBox>
#include <QTimer>
#include <QUuid>
#include <QVBoxLayout>

#include <algorithm>

namespace gatehouse::ui {

namespace {

// Forwards writes to a QSaveFile until Cancel is pressed; from then on every write fails, which stops the export.
class CancellableWriter : public QIODevice
{
public:
    CancellableWriter(QSaveFile& file, const std::atomic<bool>& cancel) : m_file(file), m_cancel(cancel) {}

protected:
    qint64 readData(char*, qint64) override { return -1; }
    qint64 writeData(const char* data, qint64 size) override
    {
        if (m_cancel.load())
            return -1;
        return m_file.write(data, size);
    }

private:
    QSaveFile& m_file;
    const std::atomic<bool>& m_cancel;
};

struct Door
{
    service::ControlPlane* cp = nullptr;
    service::Caller caller;
};

} // namespace

QString AuditIntegrityActions::problemText(const QString& kind)
{
    if (kind == QLatin1String("changed"))
        return tr("an event was changed after it was written");
    if (kind == QLatin1String("deleted"))
        return tr("an event was deleted");
    if (kind == QLatin1String("inserted"))
        return tr("an event was inserted");
    if (kind == QLatin1String("reordered"))
        return tr("events were reordered");
    if (kind == QLatin1String("bad_signature"))
        return tr("a checkpoint's signature does not verify");
    if (kind == QLatin1String("truncated"))
        return tr("the newest events were removed");
    if (kind == QLatin1String("unsigned_gap"))
        return tr("signed checkpoints are missing (the chain after them may have been recomputed)");
    return kind;
}

AuditIntegrityActions::AuditIntegrityActions(ConsoleBridge& bridge, QWidget* window)
    : QObject(window), m_bridge(bridge), m_window(window)
{
    setObjectName(QStringLiteral("auditIntegrityActions"));
    m_pool.setMaxThreadCount(1);
    m_pool.setObjectName(QStringLiteral("auditIntegrityJobs"));
    m_verify = new QAction(tr("&Verify integrity..."), this);
    tagOperation(m_verify, nullptr, "auditVerify", "audit.verify");
    connect(m_verify, &QAction::triggered, this, [this] { verify(); });
    // The button verifies the whole chain; its menu chooses between that and a range.
    auto* choices = new QMenu(m_window);
    choices->setObjectName(QStringLiteral("auditVerifyMenu"));
    choices->setAccessibleName(tr("Verify integrity of"));
    m_verifyWhole = choices->addAction(tr("&Whole chain"), this, [this] { verify(); });
    m_verifyWhole->setObjectName(QStringLiteral("auditVerifyWhole"));
    m_verifyWhole->setToolTip(tr("Walk every event and every signed checkpoint"));
    m_verifyRange = choices->addAction(tr("&Range of events..."), this, [this] { askRange(); });
    m_verifyRange->setObjectName(QStringLiteral("auditVerifyRange"));
    m_verifyRange->setToolTip(
        tr("Verify only the events from one number to another, against the signed checkpoints around them"));
    m_verify->setMenu(choices);
    m_export = new QAction(tr("E&xport..."), this);
    tagOperation(m_export, nullptr, "auditExport", "audit.export");
    connect(m_export, &QAction::triggered, this, &AuditIntegrityActions::askExport);
    connect(&m_bridge, &ConsoleBridge::accessChanged, this, &AuditIntegrityActions::updatePermissions);
    connect(&m_bridge, &ConsoleBridge::scopeChanged, this, &AuditIntegrityActions::updatePermissions);
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this] {
        // A job waiting for the bridge's caller is dropped with the session: nothing started, nothing to wait for.
        // A started job stops at its next write (an export) or ends with an answer nobody reads (verification).
        cancel();
        if (m_running && !m_started) {
            finishProgress();
            setRunning(false);
        }
        updatePermissions();
    });
    connect(&m_bridge, &ConsoleBridge::signedIn, this, &AuditIntegrityActions::updatePermissions);
    updatePermissions();
}

AuditIntegrityActions::~AuditIntegrityActions()
{
    if (m_cancel)
        m_cancel->store(true);
    m_pool.waitForDone();
}

void AuditIntegrityActions::updatePermissions()
{
    for (QAction* a : {m_verify, m_export}) {
        const bool permitted = permitOperation(a, m_bridge); // disabled with the missing permission as tooltip
        a->setEnabled(permitted && !m_running);
    }
    // The menu's choices keep their own tooltips and follow the verify action.
    for (QAction* a : {m_verifyWhole, m_verifyRange})
        a->setEnabled(m_verify->isEnabled());
}

void AuditIntegrityActions::setRunning(bool running)
{
    m_running = running;
    if (!running)
        m_started = false;
    updatePermissions();
    emit runningChanged(running);
}

void AuditIntegrityActions::runJob(std::function<void(service::ControlPlane&, const service::Caller&)> work,
                                   std::function<void()> done)
{
    // The bridge hands over the signed-in caller (the call is quick and keeps to the session's rules: dropped if
    // the session ends meanwhile); the long work then runs on this object's own thread.
    m_bridge.call(
        this,
        [](service::ControlPlane& cp, const service::Caller& caller) {
            return Result<Door>(Door{&cp, caller});
        },
        [this, work = std::move(work), done = std::move(done)](Result<Door> door) {
            if (!door) {
                finishProgress();
                setRunning(false);
                showResult(tr("Audit"), door.error().message, true);
                return;
            }
            const Door d = door.value();
            m_started = true;
            m_pool.start([d, work, done, this] {
                work(*d.cp, d.caller);
                QMetaObject::invokeMethod(
                    this, [done] { done(); }, Qt::QueuedConnection);
            });
        });
}

void AuditIntegrityActions::startProgress(const QString& label)
{
    if (!m_progress) {
        m_progress = new QProgressDialog(m_window);
        m_progress->setObjectName(QStringLiteral("auditIntegrityProgress"));
        m_progress->setAccessibleName(tr("Audit job progress"));
        m_progress->setWindowTitle(tr("Audit"));
        m_progress->setAutoClose(false);
        m_progress->setAutoReset(false);
        m_progress->setMinimumDuration(0);
        m_progress->setRange(0, 0);
        m_progress->setWindowModality(Qt::WindowModal);
        connect(m_progress, &QProgressDialog::canceled, this, &AuditIntegrityActions::cancel);
        auto* tick = new QTimer(m_progress);
        tick->setInterval(200);
        connect(tick, &QTimer::timeout, this, [this] {
            if (m_done && m_doneText && m_progress && m_running)
                m_progress->setLabelText(m_progress->property("base").toString() + QLatin1Char('\n') +
                                         m_doneText(m_done->load()));
        });
        tick->start();
    }
    m_progress->setProperty("base", label);
    m_progress->setLabelText(label);
    m_progress->show();
}

void AuditIntegrityActions::finishProgress()
{
    if (m_progress)
        m_progress->hide();
}

void AuditIntegrityActions::showResult(const QString& title, const QString& text, bool problem)
{
    auto* box = new QMessageBox(problem ? QMessageBox::Warning : QMessageBox::Information, title, text, QMessageBox::Ok,
                                m_window);
    box->setObjectName(QStringLiteral("auditIntegrityResult"));
    box->setAccessibleName(title);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

void AuditIntegrityActions::cancel()
{
    if (m_cancel)
        m_cancel->store(true);
}

bool AuditIntegrityActions::verify()
{
    return startVerify(std::nullopt);
}

bool AuditIntegrityActions::verifyRange(qint64 fromSeq, qint64 toSeq)
{
    return startVerify(std::pair{fromSeq, toSeq});
}

QDialog* AuditIntegrityActions::askRange()
{
    auto* dialog = new QDialog(m_window);
    dialog->setObjectName(QStringLiteral("auditVerifyRangeDialog"));
    dialog->setWindowTitle(tr("Verify a range of events"));
    dialog->setAccessibleName(tr("Verify a range of events"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setWindowModality(Qt::WindowModal);
    const auto [suggestedFrom, suggestedTo] = m_suggest ? m_suggest() : std::pair<qint64, qint64>{1, 1};
    const auto spin = [dialog](const char* name, const QString& accessible, const QString& tip, qint64 value) {
        auto* box = new QSpinBox(dialog);
        box->setObjectName(QLatin1String(name));
        box->setAccessibleName(accessible);
        box->setToolTip(tip);
        box->setRange(1, INT_MAX);
        box->setValue(int(std::clamp<qint64>(value, 1, INT_MAX)));
        box->setGroupSeparatorShown(false);
        return box;
    };
    QSpinBox* from = spin("auditVerifyFrom", tr("First event"),
                          tr("The number (seq) of the first event to verify; prefilled from the selected event or the "
                             "events in view"),
                          suggestedFrom);
    QSpinBox* to = spin("auditVerifyTo", tr("Last event"),
                        tr("The number (seq) of the last event to verify, at most the newest"), suggestedTo);
    auto* note = new QLabel(tr("Gatehouse recomputes every event of the range from the signed checkpoint before it "
                               "to the one after it; the rest of the chain is not read."),
                            dialog);
    note->setObjectName(QStringLiteral("auditVerifyRangeNote"));
    note->setAccessibleName(tr("How a range is verified"));
    note->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, dialog);
    buttons->setObjectName(QStringLiteral("auditVerifyRangeButtons"));
    QPushButton* ok = buttons->button(QDialogButtonBox::Ok);
    ok->setText(tr("&Verify"));
    ok->setObjectName(QStringLiteral("auditVerifyRangeOk"));
    ok->setAccessibleName(tr("Verify the range"));
    buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    // From after to is refused here, with the reason beside the button.
    auto* problem = new QLabel(dialog);
    problem->setObjectName(QStringLiteral("auditVerifyRangeProblem"));
    problem->setAccessibleName(tr("Range problem"));
    problem->setWordWrap(true);
    const auto check = [from, to, ok, problem] {
        const bool valid = from->value() <= to->value();
        ok->setEnabled(valid);
        problem->setText(valid ? QString() : tr("The first event comes after the last: swap them."));
        problem->setVisible(!valid);
    };
    connect(from, &QSpinBox::valueChanged, dialog, check);
    connect(to, &QSpinBox::valueChanged, dialog, check);
    // The note and the problem wrap: a column of their own over the form, and a width to wrap in.
    auto* form = new QFormLayout;
    form->addRow(tr("&From event:"), from);
    form->addRow(tr("&To event:"), to);
    auto* column = new QVBoxLayout(dialog);
    column->addWidget(note);
    column->addLayout(form);
    column->addWidget(problem);
    column->addWidget(buttons);
    const int wrapWidth = dialog->fontMetrics().averageCharWidth() * 56;
    note->setMinimumWidth(wrapWidth);
    problem->setMinimumWidth(wrapWidth);
    check();
    connect(buttons, &QDialogButtonBox::rejected, dialog, &QDialog::reject);
    connect(buttons, &QDialogButtonBox::accepted, dialog, [this, dialog, from, to] {
        const qint64 first = from->value(), last = to->value();
        dialog->accept();
        verifyRange(first, last);
    });
    dialog->open();
    return dialog;
}

bool AuditIntegrityActions::startVerify(std::optional<std::pair<qint64, qint64>> range)
{
    if (m_running)
        return false;
    setRunning(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = nullptr;
    if (range) {
        // A range reports how far it got and stops on Cancel; the whole chain only drops its answer.
        m_done = std::make_shared<std::atomic<qint64>>(0);
        m_doneText = [](qint64 n) {
            return tr("%n event(s) checked", nullptr, int(qMin<qint64>(n, INT_MAX)));
        };
        startProgress(tr("Verifying events %1 to %2 against the signed checkpoints around them...")
                          .arg(range->first)
                          .arg(range->second));
    } else {
        startProgress(tr("Verifying the audit chain and its signed checkpoints..."));
    }
    auto report = std::make_shared<std::optional<Result<audit::VerifyReport>>>();
    auto cancelled = m_cancel;
    auto done = m_done;
    runJob(
        [report, range, cancelled, done](service::ControlPlane& cp, const service::Caller& caller) {
            if (!range) {
                report->emplace(cp.verifyAudit(caller, false));
                return;
            }
            report->emplace(cp.verifyAuditRange(caller, range->first, range->second, [cancelled, done](qint64 n) {
                done->store(n);
                return !cancelled->load();
            }));
        },
        [this, report, cancelled, range] {
            finishProgress();
            setRunning(false);
            if (cancelled->load() || !report->has_value())
                return; // the answer came after Cancel: dropped
            const Result<audit::VerifyReport>& r = **report;
            if (!r) {
                showResult(tr("Verify integrity"), r.error().message, true);
                return;
            }
            const audit::VerifyReport& v = r.value();
            emit verified(v);
            if (!v.intact) {
                emit brokenEvent(v.firstBadSeq, v.problem);
                showResult(tr("Verify integrity"),
                           tr("The audit trail is broken at event %1: %2.\n\n%3")
                               .arg(v.firstBadSeq)
                               .arg(problemText(v.problem), v.message),
                           true);
                return;
            }
            QString text =
                (range ? tr("Events %1 to %2 are intact:").arg(range->first).arg(range->second) + QLatin1Char(' ') +
                             tr("%n event(s) checked", nullptr, int(v.eventsChecked))
                       : tr("The audit trail is intact: %n event(s) checked", nullptr, int(v.eventsChecked))) +
                QLatin1Char(' ') + tr("against %n signed checkpoint(s).", nullptr, int(v.checkpointsChecked));
            if (!v.warning.isEmpty())
                text += QStringLiteral("\n\n") + v.warning;
            showResult(tr("Verify integrity"), text, !v.warning.isEmpty());
        });
    return true;
}

void AuditIntegrityActions::askExport()
{
    const QStringList filters{tr("JSON Lines (*.jsonl)"), tr("CSV (*.csv)"), tr("CEF (*.cef)"),
                              tr("OCSF (*.ocsf.jsonl)"), tr("Offline verification bundle, a new folder (*)")};
    QString selected = filters.first();
    const QString path =
        QFileDialog::getSaveFileName(m_window, tr("Export audit events"), QDir::homePath() + QStringLiteral("/audit"),
                                     filters.join(QStringLiteral(";;")), &selected);
    if (path.isEmpty())
        return;
    const int index = qMax(0, int(filters.indexOf(selected)));
    exportTo(path, static_cast<Format>(index));
}

bool AuditIntegrityActions::exportTo(const QString& path, Format format)
{
    if (m_running)
        return false;
    const QFileInfo target(path);
    if (format == Format::Bundle && target.exists()) {
        emit exportFinished(false, path, tr("%1 exists already: choose a new folder name.").arg(path));
        return false;
    }
    setRunning(true);
    m_cancel = std::make_shared<std::atomic<bool>>(false);
    m_done = std::make_shared<std::atomic<qint64>>(0);
    m_doneText = [](qint64 n) {
        return tr("%n event(s) written", nullptr, int(qMin<qint64>(n, INT_MAX)));
    };
    startProgress(tr("Exporting to %1...").arg(target.fileName()));
    auto cancel = m_cancel;
    auto done = m_done;
    auto outcome = std::make_shared<std::pair<bool, QString>>(false, QString());
    const audit::AuditQuery query = m_query;
    auto progress = [done](qint64 n) {
        done->store(n);
    };
    runJob(
        [=](service::ControlPlane& cp, const service::Caller& caller) {
            if (format == Format::Bundle) {
                // Into a hidden sibling first, renamed into place only when complete and not cancelled.
                const QString temp = target.absolutePath() + QStringLiteral("/.") + target.fileName() +
                                     QStringLiteral(".partial-") + QUuid::createUuid().toString(QUuid::Id128);
                auto r = cp.exportAuditBundle(caller, temp, progress);
                if (!r) {
                    QDir(temp).removeRecursively();
                    *outcome = {false, r.error().message};
                } else if (cancel->load()) {
                    QDir(temp).removeRecursively();
                    *outcome = {false, {}};
                } else if (!QDir().rename(temp, target.absoluteFilePath())) {
                    QDir(temp).removeRecursively();
                    *outcome = {false, tr("The bundle could not be moved to %1.").arg(path)};
                } else {
                    *outcome = {true, tr("%n event(s) exported with their signed checkpoints to %1.", nullptr,
                                         int(r.value().events))
                                          .arg(path)};
                }
                return;
            }
            QSaveFile file(target.absoluteFilePath());
            if (!file.open(QIODevice::WriteOnly)) {
                *outcome = {false, tr("%1 cannot be written: %2").arg(path, file.errorString())};
                return;
            }
            CancellableWriter writer(file, *cancel);
            writer.open(QIODevice::WriteOnly);
            static const audit::ExportFormat formats[] = {audit::ExportFormat::JsonLines, audit::ExportFormat::Csv,
                                                          audit::ExportFormat::Cef, audit::ExportFormat::Ocsf};
            auto r = cp.exportAudit(caller, query, formats[int(format)], writer, progress);
            if (cancel->load()) {
                file.cancelWriting();
                *outcome = {false, {}};
            } else if (!r) {
                file.cancelWriting();
                *outcome = {false, r.error().message};
            } else if (!file.commit()) {
                *outcome = {false, tr("%1 cannot be written: %2").arg(path, file.errorString())};
            } else {
                *outcome = {true, tr("%n event(s) exported to %1.", nullptr, int(r.value())).arg(path)};
            }
        },
        [this, outcome, path] {
            finishProgress();
            setRunning(false);
            const QString message = outcome->first || !outcome->second.isEmpty()
                                        ? outcome->second
                                        : tr("The export was cancelled; nothing was written.");
            emit exportFinished(outcome->first, path, message);
            if (!outcome->first && outcome->second.isEmpty())
                return; // cancelled: the person knows
            showResult(tr("Export"), message, !outcome->first);
        });
    return true;
}

} // namespace gatehouse::ui
