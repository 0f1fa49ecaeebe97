#pragma once

#include <QDialog>
#include <QList>
#include <QString>

class QTreeWidget;

namespace gatehouse::ui {

// One difference of a compare-and-set conflict: what a field said when the form was opened, what is stored now
// (theirs), and what the form holds (mine).
struct ConflictRow
{
    QString name;
    QString opened;
    QString theirs;
    QString mine;
};

// "Someone else changed this": shown when a compare-and-set save found the stored value changed since the form
// read it. Lists the rows that differ (a row whose three values are equal is left out); Reload takes theirs,
// Overwrite writes mine anyway, Cancel goes back to the form. The form decides what each choice does.
class ConflictDialog : public QDialog
{
    Q_OBJECT
public:
    enum Choice { Cancel = 0, Reload = 2, Overwrite = 3 };

    // `title` names what changed ("Someone else changed these settings"); `heading` says it in a sentence;
    // `fieldLabel` heads the first column ("Setting", "Area").
    ConflictDialog(const QString& title, const QString& heading, const QString& fieldLabel,
                   const QList<ConflictRow>& rows, QWidget* parent = nullptr);

    // The rows shown: field, when opened, theirs (now), mine.
    QTreeWidget* differences() const { return m_differences; }

private:
    QTreeWidget* m_differences;
};

} // namespace gatehouse::ui
