#pragma once

#include "core/SecureBytes.h"

class QLineEdit;

namespace gatehouse::ui {

// The field's text as a scrubbed buffer; the field is cleared and the temporary copies are scrubbed.
SecureBytes takeSecret(QLineEdit* edit);
// The field's text as a scrubbed buffer; the field keeps its text (for a value needed again later).
SecureBytes readSecret(const QLineEdit* edit);

} // namespace gatehouse::ui
