#pragma once

#include "console/ConsoleBridge.h"
#include "core/Result.h"

#include <functional>

class QAbstractItemModel;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QWidget;
class QLabel;
class QTableView;
class QToolBar;

namespace gatehouse::ui {

// What every pane does with its actions and its message line, in one place.

// Tags `action` (on `bar`) with the control-plane operation it performs ("user.lock") and names it: the action's
// object name, and its tool button's object name (objectName + "Button") and accessible name, so tests and screen
// readers find it.
void tagOperation(QAction* action, QToolBar* bar, const char* objectName, const char* operation);

// Brings a tagged action in line with what the signed-in identity may do: disabled, with a tooltip naming the
// missing permission; else the operation's summary as its tooltip. True when the identity may perform it (the
// pane then decides whether it fits the selection).
bool permitOperation(QAction* action, const ConsoleBridge& bridge);

// A pane's message line: a failure in red, never swallowed (except one that ended the session, which the shell
// answers with sign-in); a notice in the normal colour; an empty notice hides the line.
void showFailureIn(QLabel* line, const Error& error);
void showNoticeIn(QLabel* line, const QString& text);

// A pane's search box over its table: Ctrl+F (within the pane) focuses it, and what is typed filters every column
// of `source` through `proxy`, case-insensitively; the proxy sorts by `sortRole`.
void connectSearch(QWidget* pane, QLineEdit* search, QSortFilterProxyModel* proxy, QAbstractItemModel* source,
                   int sortRole);

// A table of records as every pane shows one: whole rows selected, one at a time, alternating colours, no
// wrapping, no row numbers, the last column filling the width and the others resizable.
void setUpRecordTable(QTableView* table);

// A pane's title: its name, larger and bold, named `objectName`.
QLabel* paneTitle(const QString& text, const QString& objectName, QWidget* parent);

// A yes/no question before something that cannot be undone; No is the default. `then` runs on Yes.
void askToConfirm(QWidget* parent, const QString& question, std::function<void()> then);

// The answer to a dialog's change (any dialog with setWaiting and showError): the dialog stops waiting; on failure
// it shows the control plane's refusal and stays open (a failure that ended the session is the shell's to answer).
// True when the change was made: the caller then takes the result and closes the dialog.
template <typename Dialog, typename T> bool settleDialog(Dialog* dialog, const Result<T>& result)
{
    dialog->setWaiting(false);
    if (result.ok())
        return true;
    if (!ConsoleBridge::endsSession(result.error()))
        dialog->showError(result.error().message);
    return false;
}

} // namespace gatehouse::ui
