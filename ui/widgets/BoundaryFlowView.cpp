#include "BoundaryFlowView.h"

#include "StatusGlyph.h"
#include "service/ControlPlane.h"

#include <QAccessible>
#include <QAccessibleWidget>
#include <QHelpEvent>
#include <QKeyEvent>
#include <QMouseEvent>
#include <QPainter>
#include <QPainterPath>
#include <QPointer>
#include <QTextLayout>
#include <QToolTip>
#include <QWindow>

#include <algorithm>

namespace gatehouse::ui {

using boundaries::Status;

namespace {

// Where a boundary sits in the drawing: on the path (in the order a request crosses them), or beside it.
struct Place
{
    const char* id;
    int column; // 1..4 on the path; 0 beside it
    int rank;   // keyboard and reading order
};
constexpr Place kPlaces[] = {{"network", 1, 1}, {"identity", 2, 2},   {"application", 3, 3}, {"data", 4, 4},
                             {"secrets", 4, 5}, {"monitoring", 0, 6}, {"change", 0, 7}};

const Place* placeOf(const QString& id)
{
    for (const Place& p : kPlaces) {
        if (id == QLatin1String(p.id))
            return &p;
    }
    return nullptr;
}

// What the flow says a boundary covers, under its name.
QString coverage(const QString& id)
{
    if (id == QLatin1String("network"))
        return BoundaryFlowView::tr("TLS, listener exposure");
    if (id == QLatin1String("identity"))
        return BoundaryFlowView::tr("sessions, tokens, MFA");
    if (id == QLatin1String("application"))
        return BoundaryFlowView::tr("tenants and workspaces");
    if (id == QLatin1String("data"))
        return BoundaryFlowView::tr("encrypted store");
    if (id == QLatin1String("secrets"))
        return BoundaryFlowView::tr("tenant keys");
    if (id == QLatin1String("monitoring"))
        return BoundaryFlowView::tr("audit trail");
    if (id == QLatin1String("change"))
        return BoundaryFlowView::tr("migrations, keys, admin changes");
    return {};
}

constexpr Status kCountOrder[] = {Status::Fail, Status::Warn, Status::Pass, Status::NotApplicable};

QString countsText(const BoundaryFlowView::Box& box)
{
    return BoundaryFlowView::tr("%1 pass, %2 warn, %3 fail, %4 not applicable")
        .arg(box.counts[int(Status::Pass)])
        .arg(box.counts[int(Status::Warn)])
        .arg(box.counts[int(Status::Fail)])
        .arg(box.counts[int(Status::NotApplicable)]);
}

// What assistive technology sees: the flow as a list, each boundary a list item with its name, its status and
// counts as the description, its place on the screen, and whether it is focused or selected.
class BoundaryBoxAccessible : public QAccessibleInterface
{
public:
    BoundaryBoxAccessible(BoundaryFlowView* view, const QString& id) : m_view(view), m_id(id) {}

    bool isValid() const override { return m_view && m_view->indexOf(m_id) >= 0; }
    QObject* object() const override { return nullptr; }
    QWindow* window() const override { return m_view && m_view->window() ? m_view->window()->windowHandle() : nullptr; }
    QAccessibleInterface* childAt(int, int) const override { return nullptr; }
    QAccessibleInterface* parent() const override { return QAccessible::queryAccessibleInterface(m_view.data()); }
    QAccessibleInterface* child(int) const override { return nullptr; }
    int childCount() const override { return 0; }
    int indexOfChild(const QAccessibleInterface*) const override { return -1; }
    QString text(QAccessible::Text t) const override
    {
        const BoundaryFlowView::Box* b = box();
        if (!b)
            return {};
        if (t == QAccessible::Name)
            return b->name;
        if (t == QAccessible::Description)
            return m_view->describe(*b);
        return {};
    }
    void setText(QAccessible::Text, const QString&) override {}
    QRect rect() const override
    {
        if (!isValid())
            return {};
        const QRect r = m_view->boxRect(m_id).toAlignedRect();
        return QRect(m_view->mapToGlobal(r.topLeft()), r.size());
    }
    QAccessible::Role role() const override { return QAccessible::ListItem; }
    QAccessible::State state() const override
    {
        QAccessible::State s;
        if (!isValid()) {
            s.invalid = true;
            return s;
        }
        s.focusable = true;
        s.selectable = true;
        s.selected = m_view->selectedBoundary() == m_id;
        s.focused = m_view->hasFocus() && m_view->focusedBoundary() == m_id;
        return s;
    }
    QString id() const { return m_id; }

private:
    const BoundaryFlowView::Box* box() const
    {
        if (!m_view)
            return nullptr;
        const int i = m_view->indexOf(m_id);
        return i < 0 ? nullptr : &m_view->boxes().at(i);
    }

    QPointer<BoundaryFlowView> m_view;
    QString m_id;
};

class BoundaryFlowAccessible : public QAccessibleWidget
{
public:
    explicit BoundaryFlowAccessible(BoundaryFlowView* view) : QAccessibleWidget(view, QAccessible::List) {}
    ~BoundaryFlowAccessible() override
    {
        for (QAccessible::Id id : std::as_const(m_children))
            QAccessible::deleteAccessibleInterface(id);
    }

    int childCount() const override { return int(view()->boxes().size()); }
    QAccessibleInterface* child(int index) const override
    {
        if (index < 0 || index >= view()->boxes().size())
            return nullptr;
        const QString id = view()->boxes().at(index).id;
        auto it = m_children.constFind(id);
        if (it != m_children.cend())
            return QAccessible::accessibleInterface(it.value());
        auto* iface = new BoundaryBoxAccessible(view(), id);
        m_children.insert(id, QAccessible::registerAccessibleInterface(iface));
        return iface;
    }
    int indexOfChild(const QAccessibleInterface* child) const override
    {
        for (auto it = m_children.cbegin(); it != m_children.cend(); ++it) {
            if (QAccessible::accessibleInterface(it.value()) == child)
                return view()->indexOf(it.key());
        }
        return -1;
    }
    QAccessibleInterface* childAt(int x, int y) const override
    {
        return child(view()->indexOf(view()->boundaryAt(view()->mapFromGlobal(QPoint(x, y)))));
    }
    QAccessibleInterface* focusChild() const override
    {
        return view()->hasFocus() ? child(view()->indexOf(view()->focusedBoundary())) : nullptr;
    }

private:
    BoundaryFlowView* view() const { return static_cast<BoundaryFlowView*>(widget()); }

    mutable QHash<QString, QAccessible::Id> m_children;
};

QAccessibleInterface* flowAccessibleFactory(const QString& className, QObject* object)
{
    if (className == QLatin1String(BoundaryFlowView::staticMetaObject.className()) && object && object->isWidgetType())
        return new BoundaryFlowAccessible(static_cast<BoundaryFlowView*>(object));
    return nullptr;
}

} // namespace

BoundaryFlowView::BoundaryFlowView(QWidget* parent) : QWidget(parent)
{
    // Before anything asks for this widget's accessible interface (setting its name does).
    static const bool installed = [] {
        QAccessible::installFactory(flowAccessibleFactory);
        return true;
    }();
    Q_UNUSED(installed);
    setObjectName(QStringLiteral("boundaryFlowView"));
    setAccessibleName(tr("Trust boundary flow"));
    setFocusPolicy(Qt::StrongFocus);
    setMouseTracking(true);
    setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Expanding);
    updateAccessibleText();
}

QSize BoundaryFlowView::sizeHint() const
{
    return {780, 340};
}

QSize BoundaryFlowView::minimumSizeHint() const
{
    return {560, 300};
}

void BoundaryFlowView::setReports(const QList<service::BoundaryReport>& reports)
{
    m_boxes.clear();
    for (const service::BoundaryReport& r : reports) {
        Box box;
        box.id = r.boundary.id;
        box.name = r.boundary.name;
        box.separates = r.boundary.separates;
        box.status = r.status;
        for (const boundaries::ControlResult& c : r.results) {
            ++box.counts[int(c.status)];
            QString title = c.controlId;
            for (const boundaries::Control& control : r.boundary.controls) {
                if (control.id == c.controlId)
                    title = control.title;
            }
            box.controls << tr("%1: %2 (%3)").arg(statusWord(c.status), title, c.summary);
        }
        m_boxes.append(box);
    }
    std::stable_sort(m_boxes.begin(), m_boxes.end(), [](const Box& a, const Box& b) {
        const Place* pa = placeOf(a.id);
        const Place* pb = placeOf(b.id);
        return (pa ? pa->rank : 100) < (pb ? pb->rank : 100);
    });
    if (indexOf(m_selected) < 0)
        m_selected.clear();
    m_focus = qBound(0, m_focus, qMax(0, int(m_boxes.size()) - 1));
    layoutBoxes();
    updateAccessibleText();
    if (QAccessible::isActive()) {
        QAccessibleEvent e(this, QAccessible::ObjectReorder);
        QAccessible::updateAccessibility(&e);
    }
    update();
}

void BoundaryFlowView::clear()
{
    setReports({});
}

void BoundaryFlowView::setSelectedBoundary(const QString& id)
{
    m_selected = indexOf(id) >= 0 ? id : QString();
    if (!m_selected.isEmpty())
        m_focus = indexOf(m_selected);
    updateAccessibleText();
    notifyAccessible(QAccessible::Selection, indexOf(m_selected));
    update();
}

QRectF BoundaryFlowView::boxRect(const QString& id) const
{
    return m_rects.value(id);
}

QString BoundaryFlowView::boundaryAt(const QPointF& pos) const
{
    for (auto it = m_rects.cbegin(); it != m_rects.cend(); ++it) {
        if (it.value().contains(pos))
            return it.key();
    }
    return {};
}

QString BoundaryFlowView::focusedBoundary() const
{
    return m_boxes.isEmpty() ? QString() : m_boxes.at(m_focus).id;
}

QString BoundaryFlowView::describe(const Box& box) const
{
    return tr("%1: %2 (%3)").arg(box.name, statusWord(box.status), countsText(box)) + QStringLiteral(". ") +
           box.separates;
}

void BoundaryFlowView::notifyAccessible(int event, int box)
{
    if (!QAccessible::isActive() || box < 0)
        return;
    QAccessibleEvent e(this, QAccessible::Event(event));
    e.setChild(box);
    QAccessible::updateAccessibility(&e);
}

int BoundaryFlowView::indexOf(const QString& id) const
{
    for (int i = 0; i < m_boxes.size(); ++i) {
        if (m_boxes.at(i).id == id)
            return i;
    }
    return -1;
}

void BoundaryFlowView::layoutBoxes()
{
    m_rects.clear();
    const qreal margin = 10;
    const qreal gap = qMax<qreal>(18, width() * 0.03);
    const qreal colW = qMax<qreal>(60, (width() - 2 * margin - 4 * gap) / 5);
    const QFontMetricsF fm(font());
    // Name, what it covers (up to two lines), status, counts.
    const qreal boxH = qMin<qreal>(5 * fm.lineSpacing() + 16, (height() - 2 * margin - 2 * gap) / 3);
    // The drawing is three rows high (data, secrets, the band beside the path): centred in the widget.
    const qreal drawingH = 3 * boxH + 2 * gap;
    const qreal pathTop = qMax(margin, (height() - drawingH) / 2);
    const qreal pathCentre = pathTop + boxH + gap / 2; // between data (above) and secrets (below)
    const auto column = [&](int c) {
        return margin + c * (colW + gap);
    };

    m_origin = QRectF(column(0), pathCentre - boxH / 2, colW, boxH);
    QList<const Box*> beside;
    for (const Box& box : m_boxes) {
        const Place* place = placeOf(box.id);
        if (!place || place->column == 0) {
            beside.append(&box);
            continue;
        }
        qreal y = pathCentre - boxH / 2;
        if (box.id == QLatin1String("data"))
            y = pathCentre - gap / 2 - boxH;
        else if (box.id == QLatin1String("secrets"))
            y = pathCentre + gap / 2;
        m_rects.insert(box.id, QRectF(column(place->column), y, colW, boxH));
    }
    // Beside the path: a band under it, across the path's columns.
    if (!beside.isEmpty()) {
        const qreal bandTop = pathCentre + gap / 2 + boxH + gap;
        const qreal left = column(1);
        const qreal right = column(4) + colW;
        const qreal w = (right - left - (beside.size() - 1) * gap) / beside.size();
        for (int i = 0; i < beside.size(); ++i)
            m_rects.insert(beside.at(i)->id, QRectF(left + i * (w + gap), bandTop, w, boxH));
    }
}

void BoundaryFlowView::resizeEvent(QResizeEvent* event)
{
    QWidget::resizeEvent(event);
    layoutBoxes();
}

void BoundaryFlowView::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::FontChange) {
        layoutBoxes();
        update();
    } else if (event->type() == QEvent::PaletteChange || event->type() == QEvent::StyleChange) {
        update();
    }
}

void BoundaryFlowView::drawArrow(QPainter& p, const QPointF& from, const QPointF& to, bool dashed)
{
    const QColor line = palette().color(QPalette::WindowText);
    QPen pen(line, 1.6, dashed ? Qt::DashLine : Qt::SolidLine, Qt::FlatCap);
    p.setPen(pen);
    const QLineF l(from, to);
    const qreal head = 8;
    QLineF shaft = l;
    shaft.setLength(qMax<qreal>(0, l.length() - head * 0.8));
    p.drawLine(shaft);
    const qreal angle = std::atan2(-l.dy(), l.dx());
    const QPointF a = to - QPointF(std::cos(angle - M_PI / 7) * head, -std::sin(angle - M_PI / 7) * head);
    const QPointF b = to - QPointF(std::cos(angle + M_PI / 7) * head, -std::sin(angle + M_PI / 7) * head);
    p.setPen(Qt::NoPen);
    p.setBrush(line);
    p.drawPolygon(QPolygonF{to, a, b});
}

void BoundaryFlowView::drawBox(QPainter& p, const Box& box, const QRectF& rect)
{
    const QPalette& pal = palette();
    const QColor colour = statusColor(box.status, pal);
    const bool selected = box.id == m_selected;
    const bool hovered = box.id == m_hovered;
    const qreal radius = 6;

    QPainterPath shape;
    shape.addRoundedRect(rect, radius, radius);
    p.setPen(Qt::NoPen);
    p.fillPath(shape, statusFill(box.status, pal));
    // A solid band of the status colour down the left side.
    p.save();
    p.setClipPath(shape);
    p.fillRect(QRectF(rect.left(), rect.top(), 6, rect.height()), colour);
    p.restore();
    p.setBrush(Qt::NoBrush);
    p.setPen(QPen(colour, selected || hovered ? 2.6 : 1.4));
    p.drawPath(shape);
    if (selected) {
        p.setPen(QPen(pal.color(QPalette::Highlight), 2.0));
        p.drawRoundedRect(rect.adjusted(-4, -4, 4, 4), radius + 3, radius + 3);
    }
    if (hasFocus() && indexOf(box.id) == m_focus) {
        p.setPen(QPen(pal.color(QPalette::WindowText), 1.0, Qt::DotLine));
        p.drawRoundedRect(rect.adjusted(-7, -7, 7, 7), radius + 5, radius + 5);
    }

    const QRectF inner = rect.adjusted(12, 6, -6, -6);
    const QFontMetricsF fm(font());
    const qreal line = fm.lineSpacing();
    QFont bold = font();
    bold.setBold(true);
    const QFontMetricsF bfm(bold);
    const QColor text = pal.color(QPalette::Text);

    qreal y = inner.top();
    p.setPen(text);
    p.setFont(bold);
    p.drawText(QRectF(inner.left(), y, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter,
               bfm.elidedText(box.name, Qt::ElideRight, inner.width()));
    y += line;
    p.setFont(font());
    const QString covers = coverage(box.id);
    if (!covers.isEmpty()) {
        QColor soft = text;
        soft.setAlphaF(0.75f);
        p.setPen(soft);
        // Up to two lines, wrapped at words; what does not fit on the second is elided.
        QTextLayout layout(covers, font());
        layout.beginLayout();
        for (int i = 0; i < 2; ++i) {
            QTextLine l = layout.createLine();
            if (!l.isValid())
                break;
            l.setLineWidth(inner.width());
            QString part = covers.mid(l.textStart(), l.textLength()).trimmed();
            if (i == 1 && l.textStart() + l.textLength() < covers.size())
                part = fm.elidedText(covers.mid(l.textStart()), Qt::ElideRight, inner.width());
            p.drawText(QRectF(inner.left(), y, inner.width(), line), Qt::AlignLeft | Qt::AlignVCenter, part);
            y += line;
        }
        layout.endLayout();
    }
    // The status: shape and word.
    const qreal glyph = fm.height() * 0.95;
    const QColor mark = isDarkPalette(pal) ? QColor(0x12, 0x12, 0x12) : QColor(Qt::white);
    paintStatusGlyph(p, QRectF(inner.left(), y + (line - glyph) / 2, glyph, glyph), box.status, colour, mark);
    p.setPen(text);
    p.setFont(bold);
    p.drawText(QRectF(inner.left() + glyph + 5, y, inner.width() - glyph - 5, line), Qt::AlignLeft | Qt::AlignVCenter,
               bfm.elidedText(statusWord(box.status), Qt::ElideRight, inner.width() - glyph - 5));
    p.setFont(font());
    y += line;
    // The counts: a small shape and the number, for each status that has controls.
    qreal x = inner.left();
    const qreal small = fm.height() * 0.75;
    for (Status s : kCountOrder) {
        const int n = box.counts[int(s)];
        if (n == 0)
            continue;
        const QString number = QString::number(n);
        const qreal w = small + 3 + fm.horizontalAdvance(number);
        if (x + w > inner.right())
            break;
        paintStatusGlyph(p, QRectF(x, y + (line - small) / 2, small, small), s, statusColor(s, pal), mark);
        p.setPen(text);
        p.drawText(QRectF(x + small + 3, y, w, line), Qt::AlignLeft | Qt::AlignVCenter, number);
        x += w + 10;
    }
}

void BoundaryFlowView::paintEvent(QPaintEvent*)
{
    QPainter p(this);
    p.setRenderHint(QPainter::Antialiasing);
    p.setRenderHint(QPainter::TextAntialiasing);
    const QPalette& pal = palette();
    p.fillRect(rect(), pal.color(QPalette::Base));

    if (m_boxes.isEmpty()) {
        p.setPen(pal.color(QPalette::PlaceholderText));
        p.drawText(rect(), Qt::AlignCenter | Qt::TextWordWrap, tr("No trust boundaries checked yet."));
        return;
    }

    // The origin: a user or an integration, outside every boundary.
    QPainterPath origin;
    origin.addRoundedRect(m_origin, 6, 6);
    p.fillPath(origin, pal.color(QPalette::Button));
    p.setPen(QPen(pal.color(QPalette::WindowText), 1.2, Qt::DashLine));
    p.drawPath(origin);
    p.setPen(pal.color(QPalette::ButtonText));
    p.drawText(m_origin.adjusted(6, 4, -6, -4), Qt::AlignCenter | Qt::TextWordWrap, tr("User or integration"));

    const auto right = [](const QRectF& r) {
        return QPointF(r.right(), r.center().y());
    };
    const auto left = [](const QRectF& r) {
        return QPointF(r.left(), r.center().y());
    };
    const QRectF network = m_rects.value(QStringLiteral("network"));
    const QRectF identity = m_rects.value(QStringLiteral("identity"));
    const QRectF application = m_rects.value(QStringLiteral("application"));
    QRectF previous = m_origin;
    for (const QRectF& next : {network, identity, application}) {
        if (next.isEmpty())
            continue;
        drawArrow(p, right(previous), left(next), false);
        previous = next;
    }
    // The application reaches data and secrets: an elbow to each.
    for (const char* id : {"data", "secrets"}) {
        const QRectF target = m_rects.value(QLatin1String(id));
        if (target.isEmpty() || application.isEmpty())
            continue;
        const qreal midX = (application.right() + target.left()) / 2;
        const QPointF start = right(application);
        const QPointF end = left(target);
        p.setPen(QPen(pal.color(QPalette::WindowText), 1.6));
        p.drawLine(start, QPointF(midX, start.y()));
        p.drawLine(QPointF(midX, start.y()), QPointF(midX, end.y()));
        drawArrow(p, QPointF(midX, end.y()), end, false);
    }
    // Beside the path: dashed lines from the path down to what watches and governs it.
    for (const Box& box : m_boxes) {
        const Place* place = placeOf(box.id);
        if (place && place->column != 0)
            continue;
        const QRectF r = m_rects.value(box.id);
        for (const QRectF& above : {network, identity, application}) {
            if (above.isEmpty() || above.center().x() < r.left() || above.center().x() > r.right())
                continue;
            drawArrow(p, QPointF(above.center().x(), above.bottom()), QPointF(above.center().x(), r.top()), true);
        }
    }

    for (const Box& box : m_boxes)
        drawBox(p, box, m_rects.value(box.id));
}

bool BoundaryFlowView::event(QEvent* event)
{
    if (event->type() == QEvent::ToolTip) {
        auto* help = static_cast<QHelpEvent*>(event);
        const int i = indexOf(boundaryAt(help->pos()));
        if (i < 0) {
            QToolTip::hideText();
            event->ignore();
            return true;
        }
        const Box& box = m_boxes.at(i);
        QString html =
            QStringLiteral("<b>%1</b>: %2<br/>%3<ul style=\"margin:0\">")
                .arg(box.name.toHtmlEscaped(), statusWord(box.status).toHtmlEscaped(), box.separates.toHtmlEscaped());
        for (const QString& c : box.controls)
            html += QStringLiteral("<li>%1</li>").arg(c.toHtmlEscaped());
        html += QStringLiteral("</ul>");
        QToolTip::showText(help->globalPos(), html, this, m_rects.value(box.id).toAlignedRect());
        return true;
    }
    return QWidget::event(event);
}

void BoundaryFlowView::mouseMoveEvent(QMouseEvent* event)
{
    const QString at = boundaryAt(event->position());
    if (at != m_hovered) {
        m_hovered = at;
        setCursor(at.isEmpty() ? Qt::ArrowCursor : Qt::PointingHandCursor);
        update();
    }
    QWidget::mouseMoveEvent(event);
}

void BoundaryFlowView::leaveEvent(QEvent* event)
{
    m_hovered.clear();
    update();
    QWidget::leaveEvent(event);
}

void BoundaryFlowView::mousePressEvent(QMouseEvent* event)
{
    if (event->button() != Qt::LeftButton)
        return QWidget::mousePressEvent(event);
    const QString at = boundaryAt(event->position());
    if (at.isEmpty())
        return QWidget::mousePressEvent(event);
    setSelectedBoundary(at);
    emit boundaryClicked(at);
}

void BoundaryFlowView::moveFocus(int dx, int dy)
{
    if (m_boxes.isEmpty())
        return;
    m_focus = qBound(0, m_focus + (dx != 0 ? dx : dy), int(m_boxes.size()) - 1);
    updateAccessibleText();
    notifyAccessible(QAccessible::Focus, m_focus);
    update();
}

void BoundaryFlowView::keyPressEvent(QKeyEvent* event)
{
    switch (event->key()) {
    case Qt::Key_Left:
        moveFocus(-1, 0);
        return;
    case Qt::Key_Right:
        moveFocus(1, 0);
        return;
    case Qt::Key_Up:
        moveFocus(0, -1);
        return;
    case Qt::Key_Down:
        moveFocus(0, 1);
        return;
    case Qt::Key_Space:
    case Qt::Key_Return:
    case Qt::Key_Enter:
        if (!m_boxes.isEmpty()) {
            setSelectedBoundary(m_boxes.at(m_focus).id);
            emit boundaryClicked(m_selected);
        }
        return;
    default:
        QWidget::keyPressEvent(event);
    }
}

void BoundaryFlowView::updateAccessibleText()
{
    if (m_boxes.isEmpty()) {
        setAccessibleDescription(tr("No trust boundaries checked yet."));
        return;
    }
    QStringList parts;
    for (const Box& box : m_boxes)
        parts << tr("%1: %2 (%3)").arg(box.name, statusWord(box.status), countsText(box));
    QString text = parts.join(QStringLiteral("; "));
    if (!m_selected.isEmpty())
        text += QStringLiteral(". ") + tr("Selected: %1").arg(m_boxes.at(indexOf(m_selected)).name);
    text += QStringLiteral(". ") + tr("Focused: %1").arg(m_boxes.at(m_focus).name);
    if (text == accessibleDescription())
        return;
    setAccessibleDescription(text);
    if (QAccessible::isActive()) {
        QAccessibleEvent e(this, QAccessible::DescriptionChanged);
        QAccessible::updateAccessibility(&e);
    }
}

} // namespace gatehouse::ui
