#pragma once

#include "keys/MasterKeyProvider.h"

class QWidget;

namespace gatehouse::ui {

// A passphrase source for the desktop: a password dialog. The entered text is copied into a scrubbed buffer
// and the dialog's own copy is overwritten.
keys::PassphraseSource passphrasePrompt(QWidget* parent);

} // namespace gatehouse::ui
