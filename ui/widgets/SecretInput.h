#pragma once

#include "core/SecureBytes.h"

#include <QString>

class QLineEdit;

namespace gatehouse::ui {

// Moves a typed secret (a password, a session token) into a scrubbed buffer: the UTF-8 copy made on the way is
// scrubbed, and so is the QString, which is left empty.
SecureBytes takeSecret(QString& text);
// The same for what a field holds; the field is emptied (its undo history too).
SecureBytes takeSecret(QLineEdit* edit);
// A copy of what a field holds, for a value needed again later (the field keeps it).
SecureBytes readSecret(const QLineEdit* edit);

} // namespace gatehouse::ui
