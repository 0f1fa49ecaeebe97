#pragma once

#include "Destination.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <memory>

namespace gatehouse::store {
class Database;
class Store;
} // namespace gatehouse::store

namespace gatehouse::forward {

// How far each destination's collector took the audit trail, and what the forwarder last saw (connected, errors,
// alarm): a SQLCipher file beside the store (forward-state.db), written by the forwarder alone over its own
// connection, so the control plane's transactions never wait for it nor conflict with it. Every process may read it.
// Lost or unreadable, it is created again and each destination resends from where it started (duplicates, never
// a gap).
inline constexpr const char* kStateFile = "forward-state.db";
inline constexpr const char* kStateKeyLabel = "gatehouse/forward-state";

QString statePath(const QString& dataDir);
// Opens the state file; `create`: creates it (or replaces one that is not readable with this key).
Result<std::unique_ptr<store::Database>> openState(const QString& path, const SecureBytes& key, bool create);
// The status of the destinations of a scope (all when `tenantId` is null) in `store`, with what the forwarder
// recorded (none when the state file does not exist yet).
Result<QList<DestinationStatus>> readStatus(store::Store& store, const QString* tenantId, qint64 nowMs);
// A master-key rotation: the state file re-keyed from the old key to the new one (removed if that fails).
void rekeyState(const QString& dataDir, const SecureBytes& oldKey, const SecureBytes& newKey);

} // namespace gatehouse::forward
