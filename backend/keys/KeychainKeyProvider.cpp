#include "KeychainKeyProvider.h"

#include "core/Logging.h"
#include "crypto/Random.h"

#include <qt6keychain/keychain.h>

#include <QCoreApplication>
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#include <QEventLoop>
#include <QScopeGuard>
#include <QThread>
#include <QTimer>

#include <openssl/crypto.h>

namespace gatehouse::keys {

namespace {

constexpr int kAnswerTimeoutMs = 120 * 1000; // long enough for the user to answer an unlock prompt

const QString kNoKeychainHelp = QStringLiteral(
    "no OS keychain answered (no Secret Service on the session D-Bus). Start and unlock a keyring such as "
    "gnome-keyring or KeePassXC's Secret Service, or choose --key-provider file (with --key-file) or "
    "--key-provider passphrase");

struct JobOutcome
{
    QKeychain::Error error = QKeychain::OtherError;
    QString message;
    QByteArray data;
    bool timedOut = false;
};

// Runs one QtKeychain job to completion. The jobs are asynchronous; callers of the provider want an answer,
// so a local event loop waits for the job's finished signal (or the timeout).
JobOutcome runJob(QKeychain::Job& job)
{
    JobOutcome outcome;
    if (!QCoreApplication::instance()) {
        outcome.message = QStringLiteral("the keychain needs a running Qt application object");
        return outcome;
    }
    job.setAutoDelete(false);
    job.setInsecureFallback(false);
    QEventLoop loop;
    QTimer timeout;
    timeout.setSingleShot(true);
    QObject::connect(&job, &QKeychain::Job::finished, &loop, &QEventLoop::quit);
    QObject::connect(&timeout, &QTimer::timeout, &loop, [&loop, &outcome] {
        outcome.timedOut = true;
        loop.quit();
    });
    timeout.start(kAnswerTimeoutMs);
    job.start();
    loop.exec();
    if (outcome.timedOut)
        return outcome;
    outcome.error = job.error();
    outcome.message = job.errorString();
    if (auto* read = qobject_cast<QKeychain::ReadPasswordJob*>(&job))
        outcome.data = read->binaryData();
    return outcome;
}

// Whether anything on the session bus offers the Secret Service (running, or activatable on demand).
bool secretServiceOnBus()
{
    const QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected() || !bus.interface())
        return false;
    const QString name = QStringLiteral("org.freedesktop.secrets");
    if (bus.interface()->isServiceRegistered(name).value())
        return true;
    const QDBusReply<QStringList> activatable = bus.interface()->call(QStringLiteral("ListActivatableNames"));
    return activatable.isValid() && activatable.value().contains(name);
}

bool noBackend(const JobOutcome& o)
{
    if (o.error == QKeychain::NoBackendAvailable)
        return true;
    // QtKeychain's libsecret path reports a missing bus or service as a generic error: ask the bus itself.
    return o.error == QKeychain::OtherError && !secretServiceOnBus();
}

template <typename MakeJob> JobOutcome runWithRetry(MakeJob makeJob)
{
    JobOutcome outcome;
    {
        auto job = makeJob();
        outcome = runJob(*job);
    }
    if (!outcome.timedOut && noBackend(outcome)) {
        // A keyring daemon activated on demand may not be up yet on the first call: give it one more chance.
        qCInfo(lcKeys) << "no keychain backend answered; retrying once";
        QThread::msleep(1000);
        auto job = makeJob();
        outcome = runJob(*job);
    }
    return outcome;
}

Error toError(const JobOutcome& o, const QString& what, const KeyCustody& custody)
{
    if (o.timedOut)
        return makeError(ErrorCode::KeychainUnavailable,
                         QStringLiteral("cannot %1: the keychain did not answer within %2 seconds; unlock it and try "
                                        "again")
                             .arg(what)
                             .arg(kAnswerTimeoutMs / 1000));
    if (noBackend(o))
        return makeError(ErrorCode::KeychainUnavailable, QStringLiteral("cannot %1: %2").arg(what, kNoKeychainHelp));
    switch (o.error) {
    case QKeychain::EntryNotFound:
        return makeError(ErrorCode::KeychainError,
                         QStringLiteral("cannot %1: the keychain holds no master key for this store (service \"%2\", "
                                        "key \"%3\"). Is this the right user's keychain? Restore the item from a "
                                        "keychain backup; without it the store cannot be opened")
                             .arg(what, custody.keychainService, custody.keychainAccount));
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return makeError(ErrorCode::KeychainError,
                         QStringLiteral("cannot %1: the keychain refused access (locked, or the request was "
                                        "declined); unlock it and try again")
                             .arg(what));
    default:
        return makeError(ErrorCode::KeychainError,
                         QStringLiteral("cannot %1: keychain error: %2").arg(what, o.message));
    }
}

} // namespace

Result<SecureBytes> KeychainKeyProvider::create(const QString& storeId, KeyCustody& custody)
{
    custody = KeyCustody{};
    custody.kind = KeyCustody::Kind::Keychain;
    custody.keychainService = QString::fromLatin1(kService);
    custody.keychainAccount = accountFor(storeId);

    // Never overwrite an existing item: it may hold the key of a live store.
    {
        JobOutcome existing = runWithRetry([&] {
            auto job = std::make_unique<QKeychain::ReadPasswordJob>(custody.keychainService);
            job->setKey(custody.keychainAccount);
            return job;
        });
        if (!existing.data.isEmpty())
            OPENSSL_cleanse(existing.data.data(), static_cast<std::size_t>(existing.data.size()));
        if (!existing.timedOut && existing.error == QKeychain::NoError)
            return makeError(ErrorCode::AlreadyExists,
                             QStringLiteral("the keychain already holds an item \"%1\"; refusing to overwrite it")
                                 .arg(custody.keychainAccount));
    }
    auto key = crypto::randomKey(kKeySize);
    if (!key)
        return key.error();
    QByteArray payload(key.value().chars(), static_cast<qsizetype>(key.value().size()));
    JobOutcome outcome = runWithRetry([&] {
        auto job = std::make_unique<QKeychain::WritePasswordJob>(custody.keychainService);
        job->setKey(custody.keychainAccount);
        job->setBinaryData(payload);
        return job;
    });
    // The jobs are gone, so `payload` is no longer shared and can be scrubbed in place.
    OPENSSL_cleanse(payload.data(), static_cast<std::size_t>(payload.size()));
    if (outcome.timedOut || outcome.error != QKeychain::NoError)
        return toError(outcome, QStringLiteral("store the master key in the OS keychain"), custody);
    qCInfo(lcKeys) << "stored master key in the keychain under" << custody.keychainAccount;
    return std::move(key).value();
}

Result<SecureBytes> KeychainKeyProvider::load(const KeyCustody& custody)
{
    JobOutcome outcome = runWithRetry([&] {
        auto job = std::make_unique<QKeychain::ReadPasswordJob>(custody.keychainService);
        job->setKey(custody.keychainAccount);
        return job;
    });
    auto scrub = qScopeGuard([&outcome] {
        if (!outcome.data.isEmpty())
            OPENSSL_cleanse(outcome.data.data(), static_cast<std::size_t>(outcome.data.size()));
    });
    if (outcome.timedOut || outcome.error != QKeychain::NoError)
        return toError(outcome, QStringLiteral("read the master key from the OS keychain"), custody);
    if (static_cast<std::size_t>(outcome.data.size()) != kKeySize)
        return makeError(ErrorCode::KeychainError,
                         QStringLiteral("the keychain item \"%1\" does not hold a Gatehouse master key (wrong size); "
                                        "it may have been overwritten")
                             .arg(custody.keychainAccount));
    return SecureBytes(reinterpret_cast<const unsigned char*>(outcome.data.constData()), kKeySize);
}

void KeychainKeyProvider::discard(const KeyCustody& custody)
{
    JobOutcome outcome = runWithRetry([&] {
        auto job = std::make_unique<QKeychain::DeletePasswordJob>(custody.keychainService);
        job->setKey(custody.keychainAccount);
        return job;
    });
    if (outcome.error != QKeychain::NoError)
        qCWarning(lcKeys) << "could not remove keychain item" << custody.keychainAccount << outcome.message;
}

} // namespace gatehouse::keys
