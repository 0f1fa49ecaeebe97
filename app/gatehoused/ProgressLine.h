#pragma once

#include <QString>

namespace gatehouse::cli {

// Progress of a long command on stderr. On a terminal one line is rewritten in place; otherwise (logs, scripts)
// a line is written for each new step and every tenth of the way, so the output stays short and readable.
class ProgressLine
{
public:
    ProgressLine();
    ~ProgressLine();
    ProgressLine(const ProgressLine&) = delete;
    ProgressLine& operator=(const ProgressLine&) = delete;

    void update(const QString& step, qint64 done, qint64 total);
    // Ends the line on a terminal (also done when destroyed).
    void finish();

private:
    bool m_terminal = false;
    bool m_open = false;
    QString m_step;
    int m_tenth = -1;
};

} // namespace gatehouse::cli
