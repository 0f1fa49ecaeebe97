#pragma once

#include "boundaries/ControlHistory.h"

#include <QWidget>

namespace gatehouse::ui {

// A control's stored runs as a strip, oldest on the left: one cell per run, coloured and marked with the status's
// shape (so colour is not the only signal); a change of status starts a new stretch. The tooltip and the
// accessible description say the same in words.
class ControlTimeline : public QWidget
{
    Q_OBJECT
public:
    explicit ControlTimeline(QWidget* parent = nullptr);

    // `title` names the control for screen readers.
    void setHistory(const QString& title, const QList<boundaries::ControlRecord>& records);
    void clear();
    const QList<boundaries::ControlRecord>& records() const { return m_records; }
    // "12 runs since 1 Dec 10:00: passing now; failing for 2 of them, 1 change", for people.
    QString summary() const { return m_summary; }

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

protected:
    void paintEvent(QPaintEvent* event) override;

private:
    QList<boundaries::ControlRecord> m_records;
    QString m_summary;
};

} // namespace gatehouse::ui
