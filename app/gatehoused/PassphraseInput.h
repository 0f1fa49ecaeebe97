#pragma once

#include "keys/MasterKeyProvider.h"

#include <QString>

namespace gatehouse::cli {

// Where gatehoused takes a passphrase from, in this order: --passphrase-file, the GATEHOUSE_PASSPHRASE
// environment variable, or a prompt on the terminal without echo. Never from the command line, where every
// user of the machine can read it.
keys::PassphraseSource passphraseSource(const QString& passphraseFile);

// The same three sources for any other secret (the first administrator's password): `file` if given, else the
// environment variable `envVar`, else a prompt without echo, asked twice when `confirm` is set.
Result<SecureBytes> readSecret(const QString& file, const char* envVar, const char* prompt, bool confirm);

} // namespace gatehouse::cli
