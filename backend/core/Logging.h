#pragma once

#include <QLoggingCategory>

// One category per module, so operators can turn on what they need ("gatehouse.store.debug=true").
// Nothing logged under these categories may contain a secret, a key, or an SQL bound value.
Q_DECLARE_LOGGING_CATEGORY(lcStore)
Q_DECLARE_LOGGING_CATEGORY(lcKeys)
Q_DECLARE_LOGGING_CATEGORY(lcCrypto)
Q_DECLARE_LOGGING_CATEGORY(lcApi)
