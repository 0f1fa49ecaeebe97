#include "TrustBoundariesPane.h"

#include "ConflictDialog.h"
#include "EvidencePdf.h"
#include "OperationActions.h"
#include "console/ConsoleBridge.h"
#include "models/ControlModel.h"
#include "service/ControlPlane.h"
#include "widgets/BoundaryFlowView.h"
#include "widgets/ControlTimeline.h"

#include <QAction>
#include <QComboBox>
#include <QDateTime>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLocale>
#include <QProgressBar>
#include <QSaveFile>
#include <QSettings>
#include <QSortFilterProxyModel>
#include <QSplitter>
#include <QTableView>
#include <QTableWidget>
#include <QToolBar>
#include <QVBoxLayout>

namespace gatehouse::ui {

using boundaries::Ownership;
using boundaries::OwnershipArea;
using service::BoundaryReport;
using service::Caller;
using service::ControlPlane;

namespace {

enum OwnershipColumn { AreaColumn, HostedColumn, OwnerColumn, ContactColumn, OwnershipColumnCount };

const QString kSettingsGroup = QStringLiteral("trustBoundaries");

QString areaName(const QString& area)
{
    if (area == QLatin1String("infrastructure_runtime"))
        return TrustBoundariesPane::tr("Infrastructure runtime");
    if (area == QLatin1String("environment_hardening"))
        return TrustBoundariesPane::tr("Environment hardening");
    if (area == QLatin1String("secrets_backend"))
        return TrustBoundariesPane::tr("Secrets backend");
    if (area == QLatin1String("private_connectivity"))
        return TrustBoundariesPane::tr("Private connectivity");
    if (area == QLatin1String("incident_response"))
        return TrustBoundariesPane::tr("Incident response");
    return area;
}

// What a save came to: written, or refused because the stored statement was not the expected one.
struct OwnershipOutcome
{
    bool conflict = false;
    Ownership ownership; // the written one, or theirs
};

QString dash(const QString& s)
{
    return s.isEmpty() ? QStringLiteral("—") : s;
}

} // namespace

TrustBoundariesPane::TrustBoundariesPane(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_model(new ControlModel(this)), m_proxy(new QSortFilterProxyModel(this)),
      m_flow(new BoundaryFlowView(this)), m_actions(new QToolBar(this)), m_busy(new QProgressBar(this)),
      m_checkedAt(new QLabel(this)), m_filter(new QComboBox(this)), m_table(new QTableView(this)),
      m_ownership(new QTableWidget(this)), m_ownershipActions(new QToolBar(this)), m_ownershipNote(new QLabel(this)),
      m_hint(new QLabel(this)), m_message(new QLabel(this)), m_vertical(new QSplitter(Qt::Vertical, this)),
      m_horizontal(new QSplitter(Qt::Horizontal, this))
{
    setObjectName(QStringLiteral("trustBoundariesPane"));
    setAccessibleName(tr("Trust Boundaries"));

    auto* title = paneTitle(tr("Trust Boundaries"), QStringLiteral("trustBoundariesTitle"), this);

    // --- checks ---------------------------------------------------------------------------------------------
    m_actions->setObjectName(QStringLiteral("boundaryActions"));
    m_actions->setAccessibleName(tr("Trust boundary actions"));
    m_actions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_checkNow = m_actions->addAction(tr("&Check Now"), this, &TrustBoundariesPane::checkNow);
    tagOperation(m_checkNow, m_actions, "checkNowAction", "boundary.check.run");
    m_checkNow->setShortcut(QKeySequence::Refresh);
    m_checkNow->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    m_exportEvidence = m_actions->addAction(tr("&Export Evidence..."), this, [this]() {
        const QString path = QFileDialog::getSaveFileName(this, tr("Export evidence"),
                                                          QDir::homePath() + QStringLiteral("/evidence.pdf"),
                                                          tr("PDF (*.pdf);;HTML (*.html)"));
        if (!path.isEmpty())
            exportEvidence(path);
    });
    tagOperation(m_exportEvidence, m_actions, "exportEvidenceAction", "evidence.generate");
    m_exportEvidence->setToolTip(tr("A signed report of every control, its history, the audit trail, roles, keys and "
                                    "TLS, for a reviewer (PDF or HTML, with its signature and public key beside it)"));
    m_busy->setObjectName(QStringLiteral("checkBusy"));
    m_busy->setAccessibleName(tr("Checking"));
    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setTextVisible(false);
    m_busy->hide();
    m_checkedAt->setObjectName(QStringLiteral("checkedAtLabel"));
    m_checkedAt->setAccessibleName(tr("Last checked"));
    m_checkedAt->setContentsMargins(8, 0, 8, 0);

    auto* filterLabel = new QLabel(tr("&Boundary:"), this);
    filterLabel->setBuddy(m_filter);
    m_filter->setObjectName(QStringLiteral("boundaryFilter"));
    m_filter->setAccessibleName(tr("Boundary shown in the controls table"));
    m_filter->setToolTip(tr("Show the controls of one boundary; or click its box in the flow"));
    m_filter->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_filter->addItem(tr("All boundaries"), QString());
    connect(m_filter, &QComboBox::activated, this,
            [this](int index) { showBoundary(m_filter->itemData(index).toString()); });

    m_flow->setToolTip(QString());
    connect(m_flow, &BoundaryFlowView::boundaryClicked, this, &TrustBoundariesPane::showBoundary);

    // --- controls -------------------------------------------------------------------------------------------
    m_proxy->setObjectName(QStringLiteral("controlProxy"));
    m_proxy->setSourceModel(m_model);
    m_proxy->setSortRole(ControlModel::SortRole);
    m_proxy->setFilterRole(ControlModel::BoundaryIdRole);
    m_table->setObjectName(QStringLiteral("controlTable"));
    m_table->setAccessibleName(tr("Controls"));
    m_table->setModel(m_proxy);
    m_table->setSortingEnabled(true);
    m_table->sortByColumn(-1, Qt::AscendingOrder); // the catalog's order until a header is clicked
    setUpRecordTable(m_table);
    m_table->setColumnWidth(ControlModel::Boundary, 110);
    m_table->setColumnWidth(ControlModel::Control, 220);
    m_table->setColumnWidth(ControlModel::Status, 120);
    m_table->setColumnWidth(ControlModel::Evidence, 360);
    m_table->setColumnWidth(ControlModel::Measured, 140);
    // The other way round: a control selected in the table selects its boundary's box (without filtering).
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, [this] {
        const QModelIndexList rows = m_table->selectionModel()->selectedRows();
        if (rows.isEmpty())
            return;
        const QString id = rows.first().data(ControlModel::BoundaryIdRole).toString();
        loadHistory(id, rows.first().data(ControlModel::ControlIdRole).toString());
        if (!id.isEmpty() && id != m_flow->selectedBoundary())
            m_flow->setSelectedBoundary(id);
    });

    // --- ownership ------------------------------------------------------------------------------------------
    auto* ownershipBox = new QGroupBox(tr("Who owns what"), this);
    ownershipBox->setObjectName(QStringLiteral("ownershipBox"));
    ownershipBox->setAccessibleName(tr("Deployment ownership"));
    m_ownership->setObjectName(QStringLiteral("ownershipTable"));
    m_ownership->setAccessibleName(tr("Deployment ownership"));
    m_ownership->setColumnCount(OwnershipColumnCount);
    m_ownership->setHorizontalHeaderLabels({tr("Area"), tr("Hosted"), tr("Owner"), tr("Contact")});
    m_ownership->horizontalHeaderItem(HostedColumn)
        ->setToolTip(tr("Who owns the area when the service is hosted for you"));
    m_ownership->horizontalHeaderItem(OwnerColumn)
        ->setToolTip(tr("Who owns the area in this deployment: customer, operator, or a team's name"));
    m_ownership->verticalHeader()->hide();
    m_ownership->setSelectionBehavior(QAbstractItemView::SelectItems);
    m_ownership->setSelectionMode(QAbstractItemView::SingleSelection);
    m_ownership->setWordWrap(false);
    m_ownership->horizontalHeader()->setStretchLastSection(true);
    m_ownership->horizontalHeader()->setSectionResizeMode(AreaColumn, QHeaderView::ResizeToContents);
    m_ownership->horizontalHeader()->setSectionResizeMode(HostedColumn, QHeaderView::ResizeToContents);
    m_ownership->setColumnWidth(OwnerColumn, 100);
    m_ownership->setRowCount(int(Ownership::areaIds().size()));
    connect(m_ownership, &QTableWidget::itemChanged, this, &TrustBoundariesPane::updateOwnershipActions);

    m_ownershipActions->setObjectName(QStringLiteral("ownershipActions"));
    m_ownershipActions->setAccessibleName(tr("Ownership actions"));
    m_ownershipActions->setToolButtonStyle(Qt::ToolButtonTextOnly);
    m_saveOwnership =
        m_ownershipActions->addAction(tr("&Save Ownership"), this, [this]() { saveOwnership(m_ownershipBase); });
    tagOperation(m_saveOwnership, m_ownershipActions, "saveOwnershipAction", "ownership.update");
    m_revertOwnership =
        m_ownershipActions->addAction(tr("Re&vert"), this, [this]() { showOwnership(m_ownershipBase); });
    tagOperation(m_revertOwnership, m_ownershipActions, "revertOwnershipAction", "ownership.update");
    m_ownershipNote->setObjectName(QStringLiteral("ownershipNote"));
    m_ownershipNote->setAccessibleName(tr("Ownership statement"));
    m_ownershipNote->setWordWrap(true);
    auto* ownershipLayout = new QVBoxLayout(ownershipBox);
    ownershipLayout->addWidget(m_ownership, 1);
    ownershipLayout->addWidget(m_ownershipNote);
    ownershipLayout->addWidget(m_ownershipActions);

    m_hint->setObjectName(QStringLiteral("boundariesHint"));
    m_hint->setAccessibleName(tr("Hint"));
    m_hint->setWordWrap(true);
    m_hint->hide();
    m_message->setObjectName(QStringLiteral("boundariesMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_message->hide();

    m_horizontal->setObjectName(QStringLiteral("boundariesTopSplitter"));
    m_horizontal->setChildrenCollapsible(false);
    m_horizontal->addWidget(m_flow);
    m_horizontal->addWidget(ownershipBox);
    m_horizontal->setStretchFactor(0, 3);
    m_horizontal->setStretchFactor(1, 2);
    m_vertical->setObjectName(QStringLiteral("boundariesSplitter"));
    m_vertical->setChildrenCollapsible(false);
    m_vertical->addWidget(m_horizontal);
    auto* controls = new QWidget(this);
    auto* controlsLayout = new QVBoxLayout(controls);
    controlsLayout->setContentsMargins(0, 0, 0, 0);
    controlsLayout->addWidget(m_table, 1);
    auto* historyLabel = new QLabel(tr("&History (7 days):"), controls);
    m_timeline = new ControlTimeline(controls);
    historyLabel->setBuddy(m_timeline);
    m_timelineSummary = new QLabel(controls);
    m_timelineSummary->setObjectName(QStringLiteral("timelineSummary"));
    m_timelineSummary->setAccessibleName(tr("History summary"));
    m_timelineSummary->setWordWrap(true);
    m_timelineSummary->setText(m_timeline->summary());
    auto* historyRow = new QHBoxLayout;
    historyRow->addWidget(historyLabel);
    historyRow->addWidget(m_timeline, 1);
    controlsLayout->addLayout(historyRow);
    controlsLayout->addWidget(m_timelineSummary);
    m_vertical->addWidget(controls);
    m_vertical->setStretchFactor(0, 3);
    m_vertical->setStretchFactor(1, 2);

    auto* top = new QHBoxLayout;
    top->addWidget(title);
    top->addSpacing(12);
    top->addWidget(m_actions);
    top->addWidget(m_busy);
    top->addWidget(m_checkedAt);
    top->addStretch(1);
    top->addWidget(filterLabel);
    top->addWidget(m_filter);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(top);
    layout->addWidget(m_hint);
    layout->addWidget(m_message);
    layout->addWidget(m_vertical, 1);

    m_horizontal->setSizes({640, 420});
    m_vertical->setSizes({400, 300});
    restoreLayout();
    connect(m_vertical, &QSplitter::splitterMoved, this, &TrustBoundariesPane::saveLayout);
    connect(m_horizontal, &QSplitter::splitterMoved, this, &TrustBoundariesPane::saveLayout);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionResized, this, &TrustBoundariesPane::saveLayout);

    const auto start = [this]() {
        updateAccess();
        if (!m_bridge.isSignedIn())
            return;
        if (!m_checkedOnce && m_bridge.allows(u"boundary.check.run"))
            checkNow();
        if (!m_ownershipLoaded && m_bridge.allows(u"ownership.read"))
            reloadOwnership();
    };
    connect(&m_bridge, &ConsoleBridge::signedIn, this, start);
    connect(&m_bridge, &ConsoleBridge::accessChanged, this, start);
    connect(&m_bridge, &ConsoleBridge::sessionClosed, this, [this]() {
        for (auto* dialog : findChildren<QDialog*>())
            dialog->reject();
        m_model->clear();
        m_flow->clear();
        m_timeline->clear();
        m_timelineSummary->setText(m_timeline->summary());
        m_checkedOnce = false;
        m_ownershipLoaded = false;
        m_ownershipLoading = false;
        m_ownershipBase = Ownership::defaults();
        showOwnership(m_ownershipBase);
        m_ownershipLoaded = false;
        m_ownershipNote->clear();
        m_checkedAt->clear();
        m_message->hide();
        setChecking(false);
        updateAccess();
    });
    m_ownershipBase = Ownership::defaults();
    showOwnership(m_ownershipBase);
    start();
}

TrustBoundariesPane::~TrustBoundariesPane()
{
    saveLayout();
}

void TrustBoundariesPane::saveLayout() const
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    settings.setValue(QStringLiteral("splitter"), m_vertical->saveState());
    settings.setValue(QStringLiteral("topSplitter"), m_horizontal->saveState());
    settings.setValue(QStringLiteral("controlColumns"), m_table->horizontalHeader()->saveState());
}

void TrustBoundariesPane::restoreLayout()
{
    QSettings settings;
    settings.beginGroup(kSettingsGroup);
    m_vertical->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_horizontal->restoreState(settings.value(QStringLiteral("topSplitter")).toByteArray());
    m_table->horizontalHeader()->restoreState(settings.value(QStringLiteral("controlColumns")).toByteArray());
}

QString TrustBoundariesPane::message() const
{
    return m_message->isVisible() || !m_message->text().isEmpty() ? m_message->text() : QString();
}

bool TrustBoundariesPane::isOwnershipReadOnly() const
{
    return !m_bridge.isSignedIn() || !m_bridge.allows(u"ownership.update");
}

void TrustBoundariesPane::updateAccess()
{
    if (permitOperation(m_checkNow, m_bridge))
        m_checkNow->setEnabled(!m_checking);
    const QString missing = m_bridge.isSignedIn() ? m_bridge.missingPermission(u"boundary.check.run") : QString();
    if (!missing.isEmpty()) {
        m_hint->setText(tr("Reading the trust boundaries needs the permission %1, which this identity does not "
                           "have here. They are a platform view: sign in as a platform administrator or auditor.")
                            .arg(missing));
        m_hint->show();
    } else {
        m_hint->hide();
    }
    // Show the table as editable or read-only (with the reason) as the identity may.
    showOwnership(editedOwnership());
}

void TrustBoundariesPane::setChecking(bool checking)
{
    m_checking = checking;
    m_busy->setVisible(checking);
    if (checking)
        m_checkedAt->setText(tr("Checking…"));
    if (permitOperation(m_checkNow, m_bridge))
        m_checkNow->setEnabled(!checking);
    permitOperation(m_exportEvidence, m_bridge);
}

void TrustBoundariesPane::checkNow()
{
    if (!m_bridge.isSignedIn() || m_checking)
        return;
    setChecking(true);
    m_bridge.call(
        // Each run is kept as the controls' history (boundary.check.run).
        this, [](ControlPlane& cp, const Caller& caller) { return cp.runControlChecks(caller); },
        [this](Result<QList<BoundaryReport>> reports) {
            setChecking(false);
            if (!reports) {
                m_checkedAt->clear();
                showFailureIn(m_message, reports.error());
                return;
            }
            m_message->hide();
            m_checkedOnce = true;
            const QString shown = m_flow->selectedBoundary();
            m_model->setReports(reports.value());
            m_flow->setReports(reports.value());
            {
                const QSignalBlocker block(m_filter);
                m_filter->clear();
                m_filter->addItem(tr("All boundaries"), QString());
                for (const BoundaryReport& r : reports.value())
                    m_filter->addItem(r.boundary.name, r.boundary.id);
            }
            qint64 at = 0;
            for (const BoundaryReport& r : reports.value()) {
                for (const auto& c : r.results)
                    at = qMax(at, c.checkedAtMs);
            }
            m_lastCheckedAtMs = at;
            m_checkedAt->setText(
                at > 0 ? tr("Checked %1")
                             .arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(at).time(), QLocale::ShortFormat))
                       : QString());
            m_checkedAt->setToolTip(at > 0 ? QDateTime::fromMSecsSinceEpoch(at).toString(Qt::ISODate) : QString());
            showBoundary(shown);
            const QModelIndexList rows = m_table->selectionModel()->selectedRows();
            if (!rows.isEmpty())
                loadHistory(rows.first().data(ControlModel::BoundaryIdRole).toString(),
                            rows.first().data(ControlModel::ControlIdRole).toString());
            emit checked();
        });
}

void TrustBoundariesPane::showBoundary(const QString& boundaryId)
{
    const QString id = m_flow->indexOf(boundaryId) >= 0 ? boundaryId : QString();
    {
        const QSignalBlocker block(m_filter);
        m_filter->setCurrentIndex(qMax(0, m_filter->findData(id)));
    }
    m_proxy->setFilterRegularExpression(
        id.isEmpty() ? QRegularExpression()
                     : QRegularExpression(QRegularExpression::anchoredPattern(QRegularExpression::escape(id))));
    if (!id.isEmpty() && m_proxy->rowCount() > 0)
        m_table->selectRow(0);
    else
        m_table->clearSelection();
    // Last: the table's selection changing on the way selects a box of its own.
    m_flow->setSelectedBoundary(id);
}

// --- history and evidence -------------------------------------------------------------------------------------

void TrustBoundariesPane::loadHistory(const QString& boundaryId, const QString& controlId)
{
    if (!m_bridge.isSignedIn() || controlId.isEmpty() || !m_bridge.allows(u"boundary.control.history"))
        return;
    const boundaries::Control* control = boundaries::Catalog::builtin().control(controlId);
    const QString title = control ? control->title : controlId;
    boundaries::HistoryQuery query;
    const qint64 end = m_lastCheckedAtMs > 0 ? m_lastCheckedAtMs : QDateTime::currentMSecsSinceEpoch();
    query.sinceMs = std::max<qint64>(0, end - 7LL * 24 * 60 * 60 * 1000);
    query.limit = 1000;
    m_bridge.call(
        this,
        [boundaryId, controlId, query](ControlPlane& cp, const Caller& caller) {
            return cp.controlHistory(caller, boundaryId, controlId, query);
        },
        [this, title](Result<boundaries::HistoryPage> page) {
            if (!page) {
                m_timeline->clear();
                m_timelineSummary->setText(page.error().message);
                return;
            }
            m_timeline->setHistory(title, page.value().records);
            m_timelineSummary->setText(m_timeline->summary());
            emit historyLoaded();
        });
}

void TrustBoundariesPane::exportEvidence(const QString& path)
{
    if (!m_bridge.isSignedIn())
        return;
    const QString suffix = QFileInfo(path).suffix().toLower();
    if (suffix != QLatin1String("pdf") && suffix != QLatin1String("html")) {
        emit evidenceExported(false, path, tr("Choose a file name ending in .pdf or .html"));
        return;
    }
    m_exportEvidence->setEnabled(false);
    const bool pdf = suffix == QLatin1String("pdf");
    ControlPlane::EvidenceOptions options;
    options.fileName = QFileInfo(path).fileName();
    m_bridge.call(
        this,
        [path, pdf, options](ControlPlane& cp, const Caller& caller) -> Result<QString> {
            auto report =
                cp.generateEvidence(caller, options, [pdf](const evidence::EvidenceData& d) -> Result<QByteArray> {
                    const QString html = evidence::toHtml(d);
                    return pdf ? render::pdfFromHtml(html, QStringLiteral("Gatehouse evidence report")) : html.toUtf8();
                });
            if (!report)
                return report.error();
            for (const auto& [file, bytes] :
                 {std::pair{path, report.value().bytes},
                  std::pair{path + QStringLiteral(".sig"), report.value().signature},
                  std::pair{path + QStringLiteral(".pub.pem"), report.value().publicKeyPem}}) {
                QSaveFile f(file);
                if (!f.open(QIODevice::WriteOnly) || f.write(bytes) != bytes.size() || !f.commit())
                    return Error{ErrorCode::Io, QStringLiteral("cannot write %1: %2").arg(file, f.errorString())};
            }
            return report.value().sha256;
        },
        [this, path](Result<QString> sha) {
            permitOperation(m_exportEvidence, m_bridge);
            if (!sha) {
                showFailureIn(m_message, sha.error());
                emit evidenceExported(false, path, sha.error().message);
                return;
            }
            const QString text = tr("Wrote %1 (SHA-256 %2) with its signature (.sig) and public key (.pub.pem).")
                                     .arg(QDir::toNativeSeparators(path), sha.value());
            m_message->setText(text);
            m_message->show();
            emit evidenceExported(true, path, text);
        });
}

// --- ownership ------------------------------------------------------------------------------------------------

void TrustBoundariesPane::reloadOwnership()
{
    if (!m_bridge.isSignedIn() || m_ownershipLoading)
        return;
    m_ownershipLoading = true;
    m_bridge.call(
        this, [](ControlPlane& cp, const Caller& caller) { return cp.ownership(caller); },
        [this](Result<Ownership> ownership) {
            m_ownershipLoading = false;
            if (!ownership) {
                showFailureIn(m_message, ownership.error());
                return;
            }
            m_ownershipLoaded = true;
            m_ownershipBase = ownership.value();
            showOwnership(m_ownershipBase);
            emit ownershipLoaded();
        });
}

void TrustBoundariesPane::showOwnership(const Ownership& ownership)
{
    const QSignalBlocker block(m_ownership);
    const bool readOnly = isOwnershipReadOnly() || !m_ownershipLoaded;
    const QString missing = m_bridge.isSignedIn() ? m_bridge.missingPermission(u"ownership.update") : QString();
    const QString why = !m_bridge.isSignedIn() ? tr("Sign in first")
                        : !missing.isEmpty()   ? tr("Changing the ownership needs the permission %1").arg(missing)
                                               : QString();
    const QStringList& ids = Ownership::areaIds();
    for (int row = 0; row < ids.size(); ++row) {
        const OwnershipArea* area = ownership.find(ids.at(row));
        const auto put = [&](int column, const QString& text, bool editable, const QString& tip) {
            auto* item = m_ownership->item(row, column);
            if (!item) {
                item = new QTableWidgetItem;
                m_ownership->setItem(row, column, item);
            }
            item->setText(text);
            item->setData(Qt::UserRole, ids.at(row));
            Qt::ItemFlags flags = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
            if (editable && !readOnly)
                flags |= Qt::ItemIsEditable;
            item->setFlags(flags);
            item->setToolTip(editable && readOnly && !why.isEmpty() ? why : tip);
        };
        put(AreaColumn, areaName(ids.at(row)), false, areaName(ids.at(row)));
        put(HostedColumn, tr("operator"), false, tr("Hosted: the service's operator owns this area"));
        put(OwnerColumn, area ? area->owner : QString(), true, tr("customer, operator, or a team's name"));
        put(ContactColumn, area ? area->contact : QString(), true, tr("Whom to reach (optional)"));
    }
    m_ownership->setToolTip(why);
    if (!m_ownershipLoaded)
        m_ownershipNote->clear();
    else if (!m_ownershipBase.stated)
        m_ownershipNote->setText(tr("Not stated yet: a self-hosted deployment is the customer's in every area."));
    else
        m_ownershipNote->setText(
            tr("Stated by %1 on %2.")
                .arg(m_ownershipBase.updatedBy,
                     QLocale().toString(QDateTime::fromMSecsSinceEpoch(m_ownershipBase.updatedAtMs),
                                        QLocale::ShortFormat)));
    updateOwnershipActions();
}

Ownership TrustBoundariesPane::editedOwnership() const
{
    Ownership o;
    for (int row = 0; row < m_ownership->rowCount(); ++row) {
        const auto text = [&](int column) {
            const auto* item = m_ownership->item(row, column);
            return item ? item->text().trimmed() : QString();
        };
        o.areas.append({Ownership::areaIds().value(row), text(OwnerColumn), text(ContactColumn)});
    }
    return o;
}

void TrustBoundariesPane::updateOwnershipActions()
{
    const bool permitted = permitOperation(m_saveOwnership, m_bridge);
    permitOperation(m_revertOwnership, m_bridge);
    const bool changed = m_ownershipLoaded && editedOwnership().areas != m_ownershipBase.areas;
    m_saveOwnership->setEnabled(permitted && !m_savingOwnership && (changed || !m_ownershipBase.stated) &&
                                m_ownershipLoaded);
    m_revertOwnership->setEnabled(permitted && !m_savingOwnership && changed);
}

void TrustBoundariesPane::saveOwnership(const Ownership& expected)
{
    if (isOwnershipReadOnly() || !m_ownershipLoaded || m_savingOwnership)
        return;
    Ownership mine = editedOwnership();
    if (auto v = mine.validate(); !v) {
        showFailureIn(m_message, v.error());
        return;
    }
    m_savingOwnership = true;
    updateOwnershipActions();
    m_bridge.call(
        this,
        [mine, expected](ControlPlane& cp, const Caller& caller) -> Result<OwnershipOutcome> {
            auto written = cp.setOwnership(caller, mine, service::unchangedFrom(expected));
            if (written)
                return OwnershipOutcome{false, written.value()};
            if (written.error().code != ErrorCode::Stale)
                return written.error();
            // Someone else restated it: what it says now, to show the differences.
            auto theirs = cp.ownership(caller);
            if (!theirs)
                return theirs.error();
            return OwnershipOutcome{true, theirs.value()};
        },
        [this](Result<OwnershipOutcome> outcome) {
            m_savingOwnership = false;
            updateOwnershipActions();
            if (!outcome) {
                showFailureIn(m_message, outcome.error());
                return;
            }
            if (outcome.value().conflict)
                return showOwnershipConflict(outcome.value().ownership);
            m_ownershipBase = outcome.value().ownership;
            showOwnership(m_ownershipBase);
            showNoticeIn(m_message, tr("Ownership saved."));
            emit ownershipSaved();
        });
}

void TrustBoundariesPane::showOwnershipConflict(const Ownership& theirs)
{
    const Ownership mine = editedOwnership();
    QList<ConflictRow> rows;
    for (const QString& id : Ownership::areaIds()) {
        const OwnershipArea* a = m_ownershipBase.find(id);
        const OwnershipArea* b = theirs.find(id);
        const OwnershipArea* c = mine.find(id);
        rows.append({tr("%1: owner").arg(areaName(id)), dash(a ? a->owner : QString()), dash(b ? b->owner : QString()),
                     dash(c ? c->owner : QString())});
        rows.append({tr("%1: contact").arg(areaName(id)), dash(a ? a->contact : QString()),
                     dash(b ? b->contact : QString()), dash(c ? c->contact : QString())});
    }
    auto* conflict = new ConflictDialog(
        tr("Someone else changed the ownership"),
        tr("<b>Someone else changed the ownership</b> after you read it. Keep theirs, or write yours over it?"),
        tr("Area"), rows, this);
    conflict->setObjectName(QStringLiteral("ownershipConflictDialog"));
    conflict->setAttribute(Qt::WA_DeleteOnClose);
    connect(conflict, &QDialog::finished, this, [this, theirs, mine](int choice) {
        if (choice == ConflictDialog::Reload) {
            m_ownershipBase = theirs;
            showOwnership(theirs);
        } else if (choice == ConflictDialog::Overwrite) {
            // Mine, over theirs: the compare-and-set is now against what they stated.
            m_ownershipBase = theirs;
            showOwnership(mine);
            saveOwnership(theirs);
        }
    });
    conflict->open();
}

} // namespace gatehouse::ui
