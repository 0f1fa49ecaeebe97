#include "OperationActions.h"

#include "console/ConsoleBridge.h"
#include "service/OperationCatalog.h"

#include <QAbstractButton>
#include <QAction>
#include <QCoreApplication>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QSortFilterProxyModel>
#include <QTableView>
#include <QToolBar>

namespace gatehouse::ui {

void tagOperation(QAction* action, QToolBar* bar, const char* objectName, const char* operation)
{
    action->setObjectName(QLatin1String(objectName));
    action->setProperty("operation", QLatin1String(operation));
    if (QWidget* button = bar ? bar->widgetForAction(action) : nullptr) {
        button->setObjectName(QLatin1String(objectName) + QStringLiteral("Button"));
        button->setAccessibleName(action->text().remove(QLatin1Char('&')).remove(QStringLiteral("…")));
    }
}

bool permitOperation(QAction* action, const ConsoleBridge& bridge)
{
    const QString operation = action->property("operation").toString();
    if (!bridge.isSignedIn()) {
        action->setEnabled(false);
        action->setToolTip(QCoreApplication::translate("gatehouse::ui::OperationActions", "Sign in first"));
        return false;
    }
    const QString missing = bridge.missingPermission(operation);
    if (!missing.isEmpty()) {
        action->setEnabled(false);
        action->setToolTip(
            QCoreApplication::translate("gatehouse::ui::OperationActions", "Needs the permission %1").arg(missing));
        return false;
    }
    const auto* info = service::OperationCatalog::find(operation);
    action->setToolTip(info ? QCoreApplication::translate("OperationCatalog", info->summary) : QString());
    return true;
}

void showFailureIn(QLabel* line, const Error& error)
{
    if (ConsoleBridge::endsSession(error))
        return; // the shell asks for sign-in again
    line->setStyleSheet(QStringLiteral("color: #b00020"));
    line->setText(error.message);
    line->show();
}

void showNoticeIn(QLabel* line, const QString& text)
{
    line->setStyleSheet(QString());
    line->setText(text);
    line->setVisible(!text.isEmpty());
}

void connectSearch(QWidget* pane, QLineEdit* search, QSortFilterProxyModel* proxy, QAbstractItemModel* source,
                   int sortRole)
{
    search->setClearButtonEnabled(true);
    auto* find = new QAction(pane);
    find->setShortcut(QKeySequence::Find);
    find->setShortcutContext(Qt::WidgetWithChildrenShortcut);
    QObject::connect(find, &QAction::triggered, search, qOverload<>(&QLineEdit::setFocus));
    pane->addAction(find);
    proxy->setSourceModel(source);
    proxy->setFilterCaseSensitivity(Qt::CaseInsensitive);
    proxy->setFilterKeyColumn(-1);
    proxy->setSortRole(sortRole);
    QObject::connect(search, &QLineEdit::textChanged, proxy, &QSortFilterProxyModel::setFilterFixedString);
}

void setUpRecordTable(QTableView* table)
{
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::SingleSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->hide();
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionResizeMode(QHeaderView::Interactive);
}

QLabel* paneTitle(const QString& text, const QString& objectName, QWidget* parent)
{
    auto* title = new QLabel(text, parent);
    title->setObjectName(objectName);
    QFont font = title->font();
    font.setPointSizeF(font.pointSizeF() * 1.3);
    font.setBold(true);
    title->setFont(font);
    return title;
}

void askToConfirm(QWidget* parent, const QString& question, std::function<void()> then)
{
    auto* box = new QMessageBox(QMessageBox::Question, QObject::tr("Gatehouse"), question,
                                QMessageBox::Yes | QMessageBox::No, parent);
    box->setObjectName(QStringLiteral("confirmDialog"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(box, &QMessageBox::buttonClicked, box, [box, then = std::move(then)](QAbstractButton* button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            then();
    });
    box->open();
}

} // namespace gatehouse::ui
