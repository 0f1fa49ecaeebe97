#pragma once

#include "core/Result.h"

#include <QWidget>

class QLabel;
class QSortFilterProxyModel;
class QTableView;
class QToolButton;

namespace gatehouse::ui {

class ConsoleBridge;
class OverviewModel;

// What needs attention across the scope: secrets overdue or due soon, locked accounts, administrators without a
// second factor, failed sign-ins of the last day; totals on top, a row per tenant below. Each number opens the
// pane that shows its rows (a total: the first tenant where it is above zero).
class OverviewPane : public QWidget
{
    Q_OBJECT
public:
    enum class Destination { Tenancy, Identities, Secrets };
    Q_ENUM(Destination)

    explicit OverviewPane(ConsoleBridge& bridge, QWidget* parent = nullptr);

    OverviewModel* model() const { return m_model; }
    void reload();
    QString message() const;

signals:
    // The identity asked to see the rows behind a figure: open `destination` at `tenantId` (empty: platform).
    void openRequested(gatehouse::ui::OverviewPane::Destination destination, const QString& tenantId);
    void reloaded();

private:
    QToolButton* addCard(const char* objectName, int column, const QString& label);
    void updateCards();
    void openColumn(int column, int row);
    void showFailure(const Error& error);

    ConsoleBridge& m_bridge;
    OverviewModel* m_model;
    QSortFilterProxyModel* m_proxy;
    QTableView* m_table;
    QLabel* m_message;
    QList<std::pair<QToolButton*, int>> m_cards;
};

} // namespace gatehouse::ui
