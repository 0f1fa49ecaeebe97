#pragma once

#include <QIcon>

namespace gatehouse::ui {

// One of the console's line icons (resources/icons/NAME.svg, drawn in a single stroke colour), rendered in the
// colours of the current palette: the accent colour normally, the highlighted-text colour when selected, the
// disabled-text colour when disabled. So icons stay visible on a selection and in the dark theme.
QIcon themedIcon(const QString& name);

} // namespace gatehouse::ui
