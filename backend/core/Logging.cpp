#include "Logging.h"

Q_LOGGING_CATEGORY(lcStore, "gatehouse.store", QtWarningMsg)
Q_LOGGING_CATEGORY(lcKeys, "gatehouse.keys", QtWarningMsg)
Q_LOGGING_CATEGORY(lcCrypto, "gatehouse.crypto", QtWarningMsg)
Q_LOGGING_CATEGORY(lcApi, "gatehouse.api", QtInfoMsg)
