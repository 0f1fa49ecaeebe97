#pragma once

#include <QMainWindow>

class QListWidget;
class QStackedWidget;

namespace gatehouse::store {
class Store;
}

namespace gatehouse::ui {

class StorePane;

// The console's frame: a list of panes on the left, the selected pane on the right.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    explicit MainWindow(store::Store& store, QWidget* parent = nullptr);

    // Reads the store's status again and shows it.
    void refresh();

private:
    store::Store& m_store;
    QListWidget* m_navigation;
    QStackedWidget* m_panes;
    StorePane* m_storePane;
};

} // namespace gatehouse::ui
