#pragma once

#include "boundaries/ControlResult.h"

#include <QColor>
#include <QIcon>
#include <QString>

class QPainter;
class QPalette;
class QRectF;

namespace gatehouse::ui {

// How the console shows a control's status, so that it never rests on colour alone: a colour that reads on the
// palette (light or dark), a shape (pass: a check in a circle, warn: an exclamation in a triangle, fail: a cross in
// an octagon, not applicable: a dash in a hollow circle) and a word.
QColor statusColor(boundaries::Status status, const QPalette& palette);
// The colour a box of that status is filled with: the status colour faintly over the palette's base.
QColor statusFill(boundaries::Status status, const QPalette& palette);
QString statusWord(boundaries::Status status);
// Draws the status's shape in `rect` (vector, crisp at any scale), in `color`, its inner mark in `mark`.
void paintStatusGlyph(QPainter& painter, const QRectF& rect, boundaries::Status status, const QColor& color,
                      const QColor& mark);
// The shape as an icon, drawn at whatever size and device pixel ratio it is asked for.
QIcon statusIcon(boundaries::Status status, const QPalette& palette);
// A palette is dark when its window is.
bool isDarkPalette(const QPalette& palette);

} // namespace gatehouse::ui
