#pragma once

#include "core/Clock.h"
#include "core/Result.h"
#include "core/SecureBytes.h"

#include <QByteArray>
#include <QList>
#include <QString>

#include <functional>
#include <vector>

namespace gatehouse::store {
class Store;
} // namespace gatehouse::store

namespace gatehouse::demo {

struct DemoOptions
{
    // Audit events to produce in all (at least those of the set-up, about 200).
    qint64 events = 100000;
    // The activity is spread over this many days before now; the set-up happens five days earlier.
    int days = 30;
    // The first platform administrator. Without a password the seeder makes one up (see DemoReport).
    QString ownerUsername = QStringLiteral("owner");
    SecureBytes ownerPassword;
    // The same seed gives the same demo history (passwords, keys and tokens are random all the same).
    quint32 seed = 1;
};

struct DemoProgress
{
    QString phase;     // "tenants and people", "activity"
    qint64 events = 0; // audit events so far
    qint64 target = 0; // audit events in all
    qint64 timeMs = 0; // where the seeder's clock is
};

// A person of the demo, and how they sign in.
struct DemoAccount
{
    QString tenant; // empty: a platform administrator
    QString username;
    QString role;  // the role they are bound to
    QString scope; // "platform", "tenant", or the workspace name
    SecureBytes password;
    bool chosenPassword = false; // the owner's password given in DemoOptions: not repeated in the report
    QString totpSecret;          // base32 for an authenticator app; empty without two-factor authentication
};

// An integration's API token.
struct DemoToken
{
    QString tenant;
    QString integration;
    QString workspace; // the token is limited to it; empty: wherever the integration's bindings allow
    QString token;
    qint64 expiresAtMs = 0;
};

struct DemoReport
{
    qint64 events = 0;
    qint64 firstEventMs = 0;
    qint64 lastEventMs = 0;
    int tenants = 0;
    int workspaces = 0;
    int integrations = 0;
    int secrets = 0;
    int secretsOverdue = 0; // rotation overdue at the end of the seeding
    int signIns = 0;
    std::vector<DemoAccount> accounts;
    QList<DemoToken> tokens;

    // The accounts and tokens as a text file for people trying the demo out. It holds passwords: write it
    // only to a private (0600) file, never to a log.
    QByteArray credentialsText(const QString& storeId) const;
};

// Fills a new store with a demo: three tenants (acme, globex, initech) with two or three workspaces each,
// people in every built-in role (and a custom one), two-factor authentication for the administrators,
// integrations with API tokens, secrets with tags, descriptions and rotation periods (some of them overdue),
// and a month of activity: sign-ins and failed ones, secret listings and reveals with reasons, audit searches,
// denials, a lockout, a token rotation.
//
// Everything goes through the public control-plane calls, as the desktop and the API would make them, so
// every event is a real audit event in the hash chain. The seeder runs a control plane of its own on `store`,
// on a clock of its own that starts 35 days before `wallClock`'s now and moves forward to it as the seeding
// proceeds; nothing else may use the store's connection while it runs. Each call is a transaction of its own;
// while seeding they are not fsynced one by one (Store::setBulkLoading), and the store is made durable at the
// end. 100,000 events take about 40 seconds of CPU (9 of them the Argon2id of some 200 sign-ins and new users).
class DemoSeeder
{
public:
    explicit DemoSeeder(store::Store& store, const Clock& wallClock = Clock::system());

    // `progress` is called every few hundred events; returning false stops the seeding (the store then holds
    // part of the demo). Refuses a store that already has a platform administrator.
    Result<DemoReport> run(const DemoOptions& options, const std::function<bool(const DemoProgress&)>& progress = {});

private:
    store::Store& m_store;
    const Clock& m_wallClock;
};

} // namespace gatehouse::demo
