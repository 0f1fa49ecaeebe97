#pragma once

#include "boundaries/ControlResult.h"

#include <QHash>
#include <QList>
#include <QRectF>
#include <QStringList>
#include <QWidget>

namespace gatehouse::service {
struct BoundaryReport;
}

namespace gatehouse::ui {

// The system's flow as the trust-center text draws it: a user or integration -> the network edge -> identity ->
// the tenant- and workspace-scoped application -> data and secrets, with monitoring and change control beside the
// path. Each trust boundary is a box on the path, coloured by its status as the control plane reported it (the
// worst of its controls), with the status also as a shape and a word, and the count of controls per status.
// Hovering a box lists its controls; clicking it (or Space/Enter on the focused box; the arrow keys move the
// focus) selects it. Drawn with vectors in the palette's colours, so it is crisp at any scale and in dark mode.
class BoundaryFlowView : public QWidget
{
    Q_OBJECT
public:
    // What one box shows: taken from a boundary's report, nothing decided here.
    struct Box
    {
        QString id;
        QString name;
        QString separates;
        boundaries::Status status = boundaries::Status::NotApplicable;
        int counts[4] = {0, 0, 0, 0}; // by Status
        QStringList controls;         // "Fail: MFA for administrators (2 of 3 have MFA)"
    };

    explicit BoundaryFlowView(QWidget* parent = nullptr);

    void setReports(const QList<service::BoundaryReport>& reports);
    void clear();
    const QList<Box>& boxes() const { return m_boxes; }

    QString selectedBoundary() const { return m_selected; }
    // Selects a box (empty: none) without emitting boundaryClicked.
    void setSelectedBoundary(const QString& id);
    // Where a boundary's box is drawn, in widget coordinates (empty when it is not shown).
    QRectF boxRect(const QString& id) const;
    // The box under a point, or an empty id.
    QString boundaryAt(const QPointF& pos) const;
    // The box with keyboard focus (the arrow keys move it).
    QString focusedBoundary() const;
    // What a screen reader says of a box: its status, the counts and what it separates.
    QString describe(const Box& box) const;

    QSize sizeHint() const override;
    QSize minimumSizeHint() const override;

signals:
    void boundaryClicked(const QString& id);

protected:
    bool event(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;
    void resizeEvent(QResizeEvent* event) override;
    void mouseMoveEvent(QMouseEvent* event) override;
    void mousePressEvent(QMouseEvent* event) override;
    void leaveEvent(QEvent* event) override;
    void keyPressEvent(QKeyEvent* event) override;
    void changeEvent(QEvent* event) override;

private:
    void layoutBoxes();
    void updateAccessibleText();
    void moveFocus(int dx, int dy);
    void notifyAccessible(int event, int box);

public:
    int indexOf(const QString& id) const;

private:
    void drawBox(QPainter& p, const Box& box, const QRectF& rect);
    void drawArrow(QPainter& p, const QPointF& from, const QPointF& to, bool dashed);

    QList<Box> m_boxes;
    QHash<QString, QRectF> m_rects;
    QRectF m_origin; // the user or integration
    QString m_selected;
    QString m_hovered;
    int m_focus = 0;
};

} // namespace gatehouse::ui
