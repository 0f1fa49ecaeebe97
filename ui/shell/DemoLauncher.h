#pragma once

#include "core/Result.h"
#include "store/Store.h"

#include <QString>

#include <memory>

class QWidget;

namespace gatehouse::ui {

// `gatehouse --demo`: the demo store, made from the desktop the first time. Making it runs off the GUI thread
// behind a progress dialog with Cancel; a stopped or failed attempt removes what it made (the store, the key
// file and the credentials file, when they were new), so the next attempt starts clean.
class DemoLauncher
{
public:
    struct Places
    {
        QString dataDir;         // the demo's store
        QString keyFile;         // its master key (mode 0600), outside the store's directory
        QString credentialsFile; // the demo accounts' passwords, TOTP secrets and tokens (mode 0600)
    };
    // Under the console's own data location: demo/, and demo-secrets/ beside it.
    static Places defaultPlaces();
    // The key file and credentials file that go with a demo store in `dataDir` (beside it, in demo-secrets/).
    static Places placesFor(const QString& dataDir);

    struct Made
    {
        std::unique_ptr<store::Store> store; // empty when the user cancelled
        qint64 events = 0;
        qint64 elapsedMs = 0;
    };
    // Makes the demo store with `events` audit events (at least 1,000). The platform administrator is `admin`;
    // every account's password is in places.credentialsFile.
    static Result<Made> create(const Places& places, qint64 events, QWidget* parent);
};

} // namespace gatehouse::ui
