#include "ProgressLine.h"

#include <QTextStream>

#include <unistd.h>

namespace gatehouse::cli {

ProgressLine::ProgressLine() : m_terminal(::isatty(STDERR_FILENO) == 1) {}

ProgressLine::~ProgressLine()
{
    finish();
}

void ProgressLine::update(const QString& step, qint64 done, qint64 total)
{
    QTextStream err(stderr);
    const int tenth = total > 0 ? int(done * 10 / total) : 0;
    if (m_terminal) {
        if (step != m_step && m_open)
            err << "\n";
        err << "\r" << step;
        if (total > 1)
            err << ": " << done << " of " << total;
        err << Qt::flush;
        m_open = true;
    } else if (step != m_step || tenth != m_tenth) {
        err << step;
        if (total > 1)
            err << ": " << done << " of " << total;
        err << Qt::endl;
    }
    m_step = step;
    m_tenth = tenth;
}

void ProgressLine::finish()
{
    if (m_open)
        QTextStream(stderr) << "\n";
    m_open = false;
}

} // namespace gatehouse::cli
