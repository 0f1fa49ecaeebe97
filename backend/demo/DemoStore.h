#pragma once

#include "demo/DemoSeeder.h"

#include <functional>

namespace gatehouse::demo {

// Seeds a new store with the demo and writes the demo's accounts (passwords, TOTP secrets, tokens) to
// `credentialsPath`, a private file (0600, its directory 0700). The file is reserved before the seeding starts,
// so a long seeding is never wasted on a name that is taken, and an existing file is never replaced; on any
// failure or a stop asked through `progress`, the reserved file is removed again and the error says what is
// left in the store. Used by `gatehoused init --demo` and by the console's `gatehouse --demo`.
Result<DemoReport> seedWithCredentials(store::Store& store, const DemoOptions& options, const QString& credentialsPath,
                                       const std::function<bool(const DemoProgress&)>& progress = {});

} // namespace gatehouse::demo
