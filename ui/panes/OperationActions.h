#pragma once

#include "core/Result.h"

class QAbstractItemModel;
class QAction;
class QLineEdit;
class QSortFilterProxyModel;
class QWidget;
class QLabel;
class QToolBar;

namespace gatehouse::ui {

class ConsoleBridge;

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

} // namespace gatehouse::ui
