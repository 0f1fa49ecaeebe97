#pragma once

#include "keys/MasterKeyProvider.h"

#include <QString>

namespace gatehouse::cli {

// Where gatehoused takes a passphrase from, in this order: --passphrase-file, the GATEHOUSE_PASSPHRASE
// environment variable, or a prompt on the terminal without echo. Never from the command line, where every
// user of the machine can read it.
keys::PassphraseSource passphraseSource(const QString& passphraseFile);

} // namespace gatehouse::cli
