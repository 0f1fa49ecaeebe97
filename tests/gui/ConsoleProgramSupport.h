#pragma once
// Helpers for the programs that drive the console on a real store (console-screenshots, bench_console): not
// tests, so nothing here asserts.
#include "console/ConsoleBridge.h"
#include "core/Encoding.h"
#include "crypto/Totp.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QElapsedTimer>
#include <QFile>

namespace gatehouse::test {

// Lets queued calls and their answers run until the bridge is idle (or a few seconds passed).
inline void settle(ui::ConsoleBridge& bridge, int atLeastMs = 300, int atMostMs = 8000)
{
    QElapsedTimer t;
    t.start();
    while (t.elapsed() < atMostMs && (bridge.isBusy() || t.elapsed() < atLeastMs))
        QCoreApplication::processEvents(QEventLoop::AllEvents, 50);
}

// Signs the bridge in with the password in `passwordFile` and, when `totpSecret` (base32) is given, the current
// TOTP code; waits for the answer. Empty on success, else what went wrong.
inline QString signInFromFile(ui::ConsoleBridge& bridge, const QString& tenantName, const QString& username,
                              const QString& passwordFile, const QString& totpSecret)
{
    QFile file(passwordFile);
    if (!file.open(QIODevice::ReadOnly))
        return QStringLiteral("cannot read %1").arg(file.fileName());
    QByteArray password = file.readAll().trimmed();
    QString code;
    if (!totpSecret.isEmpty()) {
        const auto key = encoding::fromBase32(totpSecret);
        if (!key)
            return QStringLiteral("the TOTP secret is not base32");
        code = crypto::totp::code(*key, crypto::totp::stepAt(QDateTime::currentMSecsSinceEpoch()));
    }
    bool finished = false;
    bool signedIn = false;
    QString message;
    const auto connection =
        QObject::connect(&bridge, &ui::ConsoleBridge::signInFinished, &bridge, [&](bool ok, const QString& m) {
            finished = true;
            signedIn = ok;
            message = m;
        });
    bridge.signIn(
        tenantName, username,
        SecureBytes(reinterpret_cast<const unsigned char*>(password.constData()), std::size_t(password.size())), code);
    password.fill('\0');
    QElapsedTimer t;
    t.start();
    while (!finished && t.elapsed() < 60000)
        QCoreApplication::processEvents(QEventLoop::AllEvents | QEventLoop::WaitForMoreEvents, 5);
    QObject::disconnect(connection);
    if (!finished)
        return QStringLiteral("sign-in did not answer within a minute");
    return signedIn ? QString() : QStringLiteral("sign-in failed: %1").arg(message);
}

} // namespace gatehouse::test
