#include "MainWindow.h"

#include "StorePane.h"
#include "store/Store.h"

#include <QHBoxLayout>
#include <QListWidget>
#include <QStackedWidget>
#include <QStatusBar>

namespace gatehouse::ui {

MainWindow::MainWindow(store::Store& store, QWidget* parent)
    : QMainWindow(parent), m_store(store), m_navigation(new QListWidget), m_panes(new QStackedWidget),
      m_storePane(new StorePane)
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("Gatehouse"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/gatehouse.svg")));
    m_navigation->setObjectName(QStringLiteral("navigation"));
    m_navigation->setMaximumWidth(200);
    m_navigation->addItem(tr("Encrypted store"));
    m_panes->addWidget(m_storePane);
    connect(m_navigation, &QListWidget::currentRowChanged, m_panes, &QStackedWidget::setCurrentIndex);
    m_navigation->setCurrentRow(0);

    auto* central = new QWidget;
    auto* layout = new QHBoxLayout(central);
    layout->addWidget(m_navigation);
    layout->addWidget(m_panes, 1);
    setCentralWidget(central);
    resize(900, 520);
    refresh();
}

void MainWindow::refresh()
{
    auto status = m_store.status();
    if (!status) {
        statusBar()->showMessage(status.error().message);
        return;
    }
    m_storePane->showStatus(status.value());
    statusBar()->showMessage(tr("Store unlocked; encryption settings verified"));
}

} // namespace gatehouse::ui
