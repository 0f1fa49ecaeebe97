// The control plane's behaviour through its public calls, on a real store and a manual clock.
#include "ControlPlaneFixture.h"
#include "core/Encoding.h"
#include "crypto/PasswordHasher.h"
#include "crypto/Totp.h"
#include "identity/TokenCodec.h"

#include <QJsonDocument>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;
using service::Reauthentication;

class TestControlPlane : public QObject
{
    Q_OBJECT
private slots:
    void init();

    void signInOpensASessionAndWhoamiKnowsIt();
    void unknownUserAndWrongPasswordLookTheSame();
    void lockoutAfterFiveFailuresAndItsRelease();
    void perSourceThrottling();
    void sessionIdleAndAbsoluteExpiry();
    void signOutEndsTheSession();
    void passwordChangeEndsOtherSessions();
    void lockingAUserStopsItsSessionsAtOnce();
    void passwordPolicy_data();
    void passwordPolicy();
    void totpEnrolmentReplayAndRecoveryCodes();
    void totpFailuresAreCountedApartFromPasswords();
    void tenantCanRequireMfaForAdmins();
    void replacingTheAuthenticatorNeedsTheCurrentOne();
    void recoveryCodesAndRemovalNeedTheCurrentCredentials();
    void wrongCurrentPasswordsCountTowardsLockout();
    void administratorEndsSessions();
    void integrationTokens();
    void tokenFormatIsRecognisableAndChecksummed();
    void crossTenantIdsAnswerNotFound();
    void escalationIsImpossible();
    void lastOwnerCannotBeRemoved();
    void tenantDeletionNeedsTheNameAndRemovesEverything();
    void noChangeWithoutItsAuditEvent();
    void auditChainIsIntactAndHoldsNoSecrets();
    void suspendedTenantStopsSignInAndSessions();
    void checkExplainsDecisions();
    void changesBuiltOnAnOldReadAreRefused();
    void bootstrapOnlyOnceAndOnlyLocally();
    void weakerHashesAreUpgradedAtSignIn();

private:
    std::unique_ptr<ControlPlaneFixture> f;
};

void TestControlPlane::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
}

void TestControlPlane::signInOpensASessionAndWhoamiKnowsIt()
{
    auto s = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                           secret(kPassword));
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QVERIFY(s.value().token.startsWith(QLatin1String("ghs_")));
    QCOMPARE(s.value().expiresAtMs, f->clock.nowMs() + 12 * 3600 * 1000);
    const QString stored =
        QString::fromLatin1(f->newestEvent().details.value(QStringLiteral("session_id")).toString().toLatin1());
    QVERIFY(!stored.isEmpty());
    auto me = f->cp->whoami(Caller::withToken(s.value().token));
    QVERIFY(me);
    QCOMPARE(me.value().tenantId, f->tenantA);
    QCOMPARE(me.value().name, QStringLiteral("alice"));
    // The token itself is stored only as a hash.
    QVERIFY(!test::fileBytes(f->store->database().path()).contains(s.value().token.toLatin1()));
    auto stmt = f->store->database().prepare("SELECT count(*) FROM sessions WHERE token_hash = ?;");
    stmt.value().bindBlob(1, identity::TokenCodec::hashOf(s.value().token));
    QVERIFY(stmt.value().step().value());
    QCOMPARE(stmt.value().int64(0), qint64(1));
}

void TestControlPlane::unknownUserAndWrongPasswordLookTheSame()
{
    QElapsedTimer t;
    t.start();
    auto unknown = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("mallory"),
                                 secret("wrong-password-here"));
    const qint64 unknownNs = t.nsecsElapsed();
    t.restart();
    auto wrong = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                               secret("wrong-password-here"));
    const qint64 wrongNs = t.nsecsElapsed();
    auto noTenant = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("nope"), QStringLiteral("alice"),
                                  secret("wrong-password-here"));
    QVERIFY(!unknown && !wrong && !noTenant);
    QCOMPARE(unknown.error().message, wrong.error().message);
    QCOMPARE(noTenant.error().message, wrong.error().message);
    QCOMPARE(unknown.error().code, ErrorCode::Unauthenticated);
    // Both paths run one Argon2id verification; printed, not asserted (timing is noisy).
    qInfo("unknown user %.1f ms, wrong password %.1f ms", unknownNs / 1e6, wrongNs / 1e6);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("tenant_unavailable"));
}

void TestControlPlane::lockoutAfterFiveFailuresAndItsRelease()
{
    const auto c = ControlPlaneFixture::caller(QStringLiteral("10.0.0.1"));
    for (int i = 0; i < 5; ++i)
        QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret("wrong-password-here")));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("lockout"));
    // Locked: even the right password fails, with the same message.
    auto locked = f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword));
    QVERIFY(!locked);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("account_locked"));
    f->clock.advanceSeconds(14 * 60);
    QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword)));
    f->clock.advanceSeconds(61);
    auto released = f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword));
    QVERIFY2(released, released ? "" : qPrintable(released.error().message));
}

void TestControlPlane::perSourceThrottling()
{
    const auto c = ControlPlaneFixture::caller(QStringLiteral("192.0.2.7"));
    // Spread over unknown users, so no account lockout is involved: only the source is throttled.
    for (int i = 0; i < 20; ++i)
        QVERIFY(
            !f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("nobody%1").arg(i), secret("x-wrong-password")));
    auto throttled = f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword));
    QVERIFY(!throttled);
    QCOMPARE(throttled.error().code, ErrorCode::RateLimited);
    QVERIFY(throttled.error().message.contains(QLatin1String("try again in")));
    // Another source is not affected.
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(QStringLiteral("192.0.2.8")), QStringLiteral("acme"),
                          QStringLiteral("alice"), secret(kPassword)));
    f->clock.advanceSeconds(10 * 60 + 1);
    QVERIFY(f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword)));
}

void TestControlPlane::sessionIdleAndAbsoluteExpiry()
{
    Caller s = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    f->clock.advanceSeconds(29 * 60);
    QVERIFY(f->cp->whoami(s));
    f->clock.advanceSeconds(29 * 60); // activity above reset the idle clock
    QVERIFY(f->cp->whoami(s));
    f->clock.advanceSeconds(30 * 60);
    auto idle = f->cp->whoami(s);
    QVERIFY(!idle);
    QCOMPARE(idle.error().code, ErrorCode::Unauthenticated);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("session_idle"));

    Caller t = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    for (int i = 0; i < 25; ++i) {
        f->clock.advanceSeconds(29 * 60);
        if (!f->cp->whoami(t))
            break;
    }
    QVERIFY(!f->cp->whoami(t));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("session_expired"));
}

void TestControlPlane::signOutEndsTheSession()
{
    Caller s = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(f->cp->signOut(s));
    QVERIFY(!f->cp->whoami(s));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("session_ended"));
}

void TestControlPlane::passwordChangeEndsOtherSessions()
{
    Caller a = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    Caller b = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto wrong = f->cp->changeOwnPassword(a, current("not-the-password"), secret("a brand new passphrase"));
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::Forbidden);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("bad_credentials"));
    QVERIFY(f->cp->whoami(a));
    QVERIFY(f->cp->changeOwnPassword(a, current(), secret("a brand new passphrase")));
    // The session that made the change stays; the others end, and their holder is told why.
    QVERIFY(f->cp->whoami(a));
    auto other = f->cp->whoami(b);
    QVERIFY(!other);
    QVERIFY2(other.error().message.contains(QLatin1String("changed in another session")),
             qPrintable(other.error().message));
    QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                           secret(kPassword)));
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                          secret("a brand new passphrase")));
}

void TestControlPlane::lockingAUserStopsItsSessionsAtOnce()
{
    const QString carol = f->addUser(f->tenantA, QStringLiteral("carol"), authz::builtin::kMember, f->w1);
    Caller c = f->signIn(QStringLiteral("acme"), QStringLiteral("carol"));
    QVERIFY(f->cp->whoami(c));
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(f->cp->setUserStatus(owner, f->tenantA, carol, service::UserStatusChange::Lock));
    QVERIFY(!f->cp->whoami(c));
    QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("carol"),
                           secret(kPassword)));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("account_locked"));
    QVERIFY(f->cp->setUserStatus(owner, f->tenantA, carol, service::UserStatusChange::Unlock));
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("carol"),
                          secret(kPassword)));
}

void TestControlPlane::passwordPolicy_data()
{
    QTest::addColumn<QString>("password");
    QTest::addColumn<QString>("says");
    QTest::newRow("11 characters") << QStringLiteral("abcdefghij1") << QStringLiteral("too short");
    QTest::newRow("129 characters") << QString(129, QLatin1Char('x')) << QStringLiteral("too long");
    QTest::newRow("contains the username") << QStringLiteral("my-name-is-dave-ok") << QStringLiteral("username");
    QTest::newRow("common") << QStringLiteral("Password1234") << QStringLiteral("commonly used");
    QTest::newRow("12 emoji count as 12") << QStringLiteral("🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑🔑") << QString();
    QTest::newRow("no composition rules") << QStringLiteral("all lower case words") << QString();
}

void TestControlPlane::passwordPolicy()
{
    QFETCH(QString, password);
    QFETCH(QString, says);
    const QByteArray utf8 = password.toUtf8();
    auto u = f->cp->createUser(
        f->system, f->tenantA, QStringLiteral("dave"), QStringLiteral("Dave"), {},
        SecureBytes(reinterpret_cast<const unsigned char*>(utf8.constData()), std::size_t(utf8.size())));
    if (says.isEmpty()) {
        QVERIFY2(u, u ? "" : qPrintable(u.error().message));
    } else {
        QVERIFY(!u);
        QCOMPARE(u.error().code, ErrorCode::InvalidArgument);
        QVERIFY2(u.error().message.contains(says), qPrintable(u.error().message));
        QVERIFY(!u.error().message.contains(password));
    }
}

void TestControlPlane::totpEnrolmentReplayAndRecoveryCodes()
{
    Caller s = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto enrolment = f->cp->beginTotpEnrollment(s);
    QVERIFY(enrolment);
    QVERIFY(enrolment.value().provisioningUri.startsWith(QLatin1String("otpauth://totp/Gatehouse%3Aalice?secret=")));
    const QByteArray key = encoding::fromBase32(enrolment.value().secret).value();
    QVERIFY(!f->cp->confirmTotpEnrollment(s, QStringLiteral("000000"), current()) ||
            crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs())) == QLatin1String("000000"));
    auto codes =
        f->cp->confirmTotpEnrollment(s, crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs())), current());
    QVERIFY2(codes, codes ? "" : qPrintable(codes.error().message));
    QCOMPARE(codes.value().size(), 10);
    QCOMPARE(QSet<QString>(codes.value().begin(), codes.value().end()).size(), 10);

    f->clock.advanceSeconds(60);
    const auto c = ControlPlaneFixture::caller();
    auto noCode = f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword));
    QVERIFY(!noCode);
    QVERIFY(noCode.error().message.contains(QLatin1String("authenticator")));
    const QString now = crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs()));
    QVERIFY(f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), now));
    // The same code again, within its window: refused.
    auto replay = f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), now);
    QVERIFY(!replay);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("mfa_invalid"));
    // One step of drift either way is accepted.
    f->clock.advanceSeconds(30);
    const QString previous = crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs()) + 1);
    QVERIFY(f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), previous));
    // Two steps off: refused.
    f->clock.advanceSeconds(90);
    const QString stale = crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs()) - 2);
    QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), stale));
    // A recovery code works once, in any case and with or without dashes.
    const QString recovery = codes.value().first();
    QVERIFY(f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), recovery.toUpper()));
    QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword),
                           QString(recovery).remove(QLatin1Char('-'))));
    // Recovery codes are stored hashed.
    QVERIFY(!test::fileBytes(f->store->database().path()).contains(recovery.toLatin1()));
}

void TestControlPlane::totpFailuresAreCountedApartFromPasswords()
{
    Caller s = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto e = f->cp->beginTotpEnrollment(s);
    const QByteArray key = encoding::fromBase32(e.value().secret).value();
    QVERIFY(
        f->cp->confirmTotpEnrollment(s, crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs())), current()));
    f->clock.advanceSeconds(60);
    const auto c = ControlPlaneFixture::caller(QStringLiteral("10.1.1.1"));
    // Four wrong passwords do not touch the code budget; four wrong codes do not touch the password budget.
    for (int i = 0; i < 4; ++i)
        QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret("wrong-password-here")));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword),
                               QStringLiteral("123456")));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("mfa_invalid"));
    QVERIFY(f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword),
                          crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs()))));
    // Five wrong codes in a row lock the second factor, not the password.
    f->clock.advanceSeconds(30);
    for (int i = 0; i < 5; ++i)
        QVERIFY(!f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword),
                               QStringLiteral("654321")));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("mfa_lockout"));
    auto locked = f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword),
                                crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs())));
    QVERIFY(!locked);
    QVERIFY(locked.error().message.contains(QLatin1String("too many wrong authentication codes")));
}

void TestControlPlane::tenantCanRequireMfaForAdmins()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto settings = f->cp->tenantSettings(owner, f->tenantA).value();
    settings.requireMfaForAdmins = true;
    QVERIFY(f->cp->updateTenantSettings(owner, f->tenantA, settings));
    const QString member = f->addUser(f->tenantA, QStringLiteral("mia"), authz::builtin::kMember, f->w1);
    Q_UNUSED(member)
    auto s = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                           secret(kPassword));
    QVERIFY(s);
    QVERIFY(s.value().mfaEnrollmentRequired);
    Caller limited = Caller::withToken(s.value().token);
    auto denied = f->cp->listUsers(limited, f->tenantA);
    QVERIFY(!denied);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("mfa_enrollment_required"));
    QVERIFY(f->cp->whoami(limited));
    auto e = f->cp->beginTotpEnrollment(limited);
    const QByteArray key = encoding::fromBase32(e.value().secret).value();
    QVERIFY(f->cp->confirmTotpEnrollment(limited, crypto::totp::code(key, crypto::totp::stepAt(f->clock.nowMs())),
                                         current()));
    QVERIFY(f->cp->listUsers(limited, f->tenantA));
    // Members are not administrators: no enrolment demanded.
    auto m =
        f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("mia"), secret(kPassword));
    QVERIFY(m && !m.value().mfaEnrollmentRequired);
}

namespace {

// Enrols an authenticator for the session's user; returns its key and puts the recovery codes in `codes`.
QByteArray enrol(ControlPlaneFixture& f, const Caller& s, QStringList* codes = nullptr)
{
    auto e = f.cp->beginTotpEnrollment(s);
    if (!e)
        return {};
    const QByteArray key = encoding::fromBase32(e.value().secret).value();
    auto confirmed =
        f.cp->confirmTotpEnrollment(s, crypto::totp::code(key, crypto::totp::stepAt(f.clock.nowMs())), current());
    if (!confirmed)
        return {};
    if (codes)
        *codes = confirmed.value();
    return key;
}

QString codeAt(const ControlPlaneFixture& f, const QByteArray& key)
{
    return crypto::totp::code(key, crypto::totp::stepAt(f.clock.nowMs()));
}

} // namespace

void TestControlPlane::replacingTheAuthenticatorNeedsTheCurrentOne()
{
    // Whoever holds a session (a stolen token) must not replace the victim's authenticator with their own.
    Caller victim = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const QByteArray original = enrol(*f, victim);
    QVERIFY(!original.isEmpty());
    f->clock.advanceSeconds(60);
    Caller other = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"), codeAt(*f, original));
    QVERIFY(f->cp->whoami(other));
    f->clock.advanceSeconds(60);

    Caller thief = victim;
    auto begun = f->cp->beginTotpEnrollment(thief);
    QVERIFY(begun); // nothing changes until confirmed
    const QByteArray replacement = encoding::fromBase32(begun.value().secret).value();
    struct Attempt
    {
        Reauthentication proof;
        const char* reason;
    };
    Attempt attempts[] = {
        {current("not-the-password", codeAt(*f, original)), "bad_credentials"},
        {current(kPassword), "mfa_required"},
        {current(kPassword, QStringLiteral("000000")), "mfa_invalid"},
        {current(kPassword, codeAt(*f, replacement)), "mfa_invalid"}, // the new one does not prove the old one
    };
    for (const Attempt& a : attempts) {
        const qint64 before = f->auditCount();
        auto r = f->cp->confirmTotpEnrollment(thief, codeAt(*f, replacement), a.proof);
        QVERIFY(!r);
        QCOMPARE(r.error().code, ErrorCode::Forbidden);
        QVERIFY(r.error().message.contains(QLatin1String("nothing was changed")));
        QCOMPARE(f->auditCount(), before + 1);
        const audit::AuditEvent e = f->newestEvent();
        QCOMPARE(e.action, QStringLiteral("user.mfa.enable"));
        QCOMPARE(e.outcome, QStringLiteral("denied"));
        QCOMPARE(e.reason, QLatin1String(a.reason));
        QCOMPARE(e.targetKind, QStringLiteral("user"));
    }
    // The original authenticator still signs in; the replacement does not.
    f->clock.advanceSeconds(60);
    const auto c = ControlPlaneFixture::caller(QStringLiteral("10.9.9.9"));
    QVERIFY(
        !f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), codeAt(*f, replacement)));
    QVERIFY(f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), codeAt(*f, original)));

    // With the password and the current code, the owner replaces it: new recovery codes, the other sessions end
    // and are told why, this one stays.
    f->clock.advanceSeconds(60);
    auto replaced =
        f->cp->confirmTotpEnrollment(victim, codeAt(*f, replacement), current(kPassword, codeAt(*f, original)));
    QVERIFY2(replaced, replaced ? "" : qPrintable(replaced.error().message));
    QCOMPARE(replaced.value().size(), 10);
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("replaced")).toBool(), true);
    QVERIFY(f->cp->whoami(victim));
    auto ended = f->cp->whoami(other);
    QVERIFY(!ended);
    QVERIFY(ended.error().message.contains(QLatin1String("changed in another session")));
    f->clock.advanceSeconds(60);
    QVERIFY(
        f->cp->signIn(c, QStringLiteral("acme"), QStringLiteral("alice"), secret(kPassword), codeAt(*f, replacement)));
}

void TestControlPlane::recoveryCodesAndRemovalNeedTheCurrentCredentials()
{
    Caller s = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QStringList codes;
    const QByteArray key = enrol(*f, s, &codes);
    QVERIFY(!key.isEmpty());
    // Regenerating needs the password and a second factor; a recovery code serves, once.
    QVERIFY(!f->cp->regenerateRecoveryCodes(s, current()));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("mfa_required"));
    QVERIFY(!f->cp->regenerateRecoveryCodes(s, current("wrong-password-here", codes.at(0))));
    auto fresh = f->cp->regenerateRecoveryCodes(s, current(kPassword, codes.at(0)));
    QVERIFY2(fresh, fresh ? "" : qPrintable(fresh.error().message));
    QCOMPARE(fresh.value().size(), 10);
    QCOMPARE(f->newestEvent().action, QStringLiteral("user.mfa.recovery.regenerate"));
    // The old codes are gone.
    QVERIFY(!f->cp->removeOwnTotp(s, current(kPassword, codes.at(1))));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("mfa_invalid"));
    // Removing: with a new code it works, and sign-in then asks for no code.
    QVERIFY(f->cp->removeOwnTotp(s, current(kPassword, fresh.value().at(0))));
    QCOMPARE(f->newestEvent().action, QStringLiteral("user.mfa.remove"));
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                          secret(kPassword)));
    // Nothing left to remove or regenerate.
    QCOMPARE(f->cp->removeOwnTotp(s, current()).error().code, ErrorCode::Conflict);
    QCOMPARE(f->cp->regenerateRecoveryCodes(s, current()).error().code, ErrorCode::Conflict);

    // Where the tenant requires MFA of administrators, an administrator cannot remove theirs (only replace it).
    const QByteArray again = enrol(*f, s);
    auto settings = f->cp->tenantSettings(s, f->tenantA).value();
    settings.requireMfaForAdmins = true;
    QVERIFY(f->cp->updateTenantSettings(s, f->tenantA, settings));
    f->clock.advanceSeconds(60);
    auto kept = f->cp->removeOwnTotp(s, current(kPassword, codeAt(*f, again)));
    QVERIFY(!kept);
    QCOMPARE(kept.error().code, ErrorCode::Conflict);
}

void TestControlPlane::wrongCurrentPasswordsCountTowardsLockout()
{
    // A stolen session cannot be used to guess the password without limit.
    Caller s = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    for (int i = 0; i < 4; ++i)
        QVERIFY(!f->cp->changeOwnPassword(s, current("guess-number-one-x"), secret("a brand new passphrase")));
    QVERIFY(f->cp->whoami(s));
    QVERIFY(!f->cp->changeOwnPassword(s, current("guess-number-one-x"), secret("a brand new passphrase")));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("lockout"));
    auto locked = f->cp->whoami(s);
    QVERIFY(!locked);
    QVERIFY(locked.error().message.contains(QLatin1String("wrong passwords")));
    QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(QStringLiteral("10.7.7.7")), QStringLiteral("acme"),
                           QStringLiteral("alice"), secret(kPassword)));
}

void TestControlPlane::administratorEndsSessions()
{
    const QString bob = f->addUser(f->tenantA, QStringLiteral("bobby"), authz::builtin::kMember, f->w1);
    Caller b1 = f->signIn(QStringLiteral("acme"), QStringLiteral("bobby"));
    Caller b2 = f->signIn(QStringLiteral("acme"), QStringLiteral("bobby"));
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(f->cp->endUserSessions(owner, f->tenantA, bob));
    const audit::AuditEvent e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("user.sessions.end"));
    QCOMPARE(e.targetId, bob);
    QCOMPARE(e.details.value(QStringLiteral("ended")).toInt(), 2);
    for (const Caller& c : {b1, b2}) {
        auto r = f->cp->whoami(c);
        QVERIFY(!r);
        QVERIFY(r.error().message.contains(QLatin1String("an administrator ended")));
    }
    QVERIFY(f->cp->whoami(owner));
}

void TestControlPlane::integrationTokens()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto ci = f->cp->createIntegration(owner, f->tenantA, QStringLiteral("ci"), QStringLiteral("deploys"));
    QVERIFY(ci);
    QVERIFY(f->cp->createBinding(owner, f->tenantA, QStringLiteral("integration"), ci.value().id,
                                 authz::builtin::kMember, f->w1));
    auto tooLong = f->cp->issueToken(owner, f->tenantA, ci.value().id, 366);
    QVERIFY(!tooLong);
    QVERIFY(tooLong.error().message.contains(QLatin1String("1 to 365 days")));
    auto issued = f->cp->issueToken(owner, f->tenantA, ci.value().id);
    QVERIFY(issued);
    QVERIFY(issued.value().secret.startsWith(QLatin1String("ghi_")));
    QCOMPARE(issued.value().token.expiresAtMs - issued.value().token.createdAtMs, qint64(90) * 24 * 3600 * 1000);
    Caller bot = Caller::withToken(issued.value().secret);
    QVERIFY(f->cp->getWorkspace(bot, f->tenantA, f->w1));
    QVERIFY(!f->cp->getWorkspace(bot, f->tenantA, f->w2)); // bound at W1 only
    QVERIFY(!f->cp->changeOwnPassword(bot, current("a"), secret("b")));
    auto listed = f->cp->listTokens(owner, f->tenantA, ci.value().id);
    QVERIFY(listed && listed.value().size() == 1 && listed.value().first().lastUsedAtMs == f->clock.nowMs());
    // Lock the integration: its tokens stop at once; unlock: they work again.
    QVERIFY(f->cp->setIntegrationLocked(owner, f->tenantA, ci.value().id, true));
    QVERIFY(!f->cp->getWorkspace(bot, f->tenantA, f->w1));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("integration_locked"));
    QVERIFY(f->cp->setIntegrationLocked(owner, f->tenantA, ci.value().id, false));
    QVERIFY(f->cp->getWorkspace(bot, f->tenantA, f->w1));
    // Revocation.
    // A token is revoked through its own integration only.
    const auto other = f->cp->createIntegration(owner, f->tenantA, QStringLiteral("other-bot"), {});
    QVERIFY(other);
    const auto wrong = f->cp->revokeToken(owner, f->tenantA, other.value().id, issued.value().token.id);
    QVERIFY(!wrong);
    QCOMPARE(wrong.error().code, ErrorCode::NotFound);
    QVERIFY(f->cp->getWorkspace(bot, f->tenantA, f->w1));
    QVERIFY(f->cp->revokeToken(owner, f->tenantA, ci.value().id, issued.value().token.id));
    QVERIFY(!f->cp->getWorkspace(bot, f->tenantA, f->w1));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("token_revoked"));
    // Expiry.
    auto shortLived = f->cp->issueToken(owner, f->tenantA, ci.value().id, 1);
    Caller brief = Caller::withToken(shortLived.value().secret);
    QVERIFY(f->cp->getWorkspace(brief, f->tenantA, f->w1));
    f->clock.advanceSeconds(24 * 3600);
    QVERIFY(!f->cp->getWorkspace(brief, f->tenantA, f->w1));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("token_expired"));
    // A token limited to one workspace.
    owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    QVERIFY(f->cp->createBinding(owner, f->tenantA, QStringLiteral("integration"), ci.value().id,
                                 authz::builtin::kMember, f->w2));
    auto scoped = f->cp->issueToken(owner, f->tenantA, ci.value().id, 30, f->w2);
    Caller narrow = Caller::withToken(scoped.value().secret);
    QVERIFY(f->cp->getWorkspace(narrow, f->tenantA, f->w2));
    QVERIFY(!f->cp->getWorkspace(narrow, f->tenantA, f->w1));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("token_scope"));
    // The token text is nowhere in the store.
    QVERIFY(!test::fileBytes(f->store->database().path()).contains(scoped.value().secret.toLatin1()));
}

void TestControlPlane::tokenFormatIsRecognisableAndChecksummed()
{
    auto t = identity::TokenCodec::issue(identity::TokenCodec::Kind::Integration);
    QVERIFY(t);
    const QString text = t.value().text;
    QCOMPARE(text.size(), 62);
    QCOMPARE(identity::TokenCodec::parse(text), std::optional(identity::TokenCodec::Kind::Integration));
    QString typo = text;
    typo[10] = typo[10] == QLatin1Char('a') ? QLatin1Char('b') : QLatin1Char('a');
    QVERIFY(!identity::TokenCodec::parse(typo));
    QVERIFY(!identity::TokenCodec::parse(QStringLiteral("ghs_") + text.mid(4)));
    auto malformed = f->cp->whoami(Caller::withToken(typo));
    QVERIFY(!malformed);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("malformed_token"));
    QVERIFY(!f->cp->whoami(Caller::withToken(text)));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("unknown_token"));
}

void TestControlPlane::crossTenantIdsAnswerNotFound()
{
    Caller ownerA = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const QString bobId = f->userId(f->tenantB, QStringLiteral("bob"));
    // With tenant B named outright.
    auto direct = f->cp->getUser(ownerA, f->tenantB, bobId);
    QVERIFY(!direct);
    QCOMPARE(direct.error().code, ErrorCode::NotFound);
    const auto e = f->newestEvent();
    QCOMPARE(e.outcome, QStringLiteral("denied"));
    QCOMPARE(e.reason, QStringLiteral("other_tenant"));
    QCOMPARE(e.tenantId, f->tenantA); // recorded where the actor lives
    // With B's object id under A's tenant id: the tenant-scoped query finds nothing.
    auto smuggled = f->cp->getUser(ownerA, f->tenantA, bobId);
    QVERIFY(!smuggled);
    QCOMPARE(smuggled.error().code, ErrorCode::NotFound);
    QCOMPARE(smuggled.error().message,
             direct.error().code == ErrorCode::NotFound ? smuggled.error().message : QString());
    QVERIFY(!f->cp->getWorkspace(ownerA, f->tenantA, f->wb));
    QVERIFY(!f->cp->renameWorkspace(ownerA, f->tenantA, f->wb, QStringLiteral("pwned")));
    QCOMPARE(f->cp->getWorkspace(f->system, f->tenantB, f->wb).value().displayName, QStringLiteral("Main"));
    QVERIFY(!f->cp->createBinding(ownerA, f->tenantA, QStringLiteral("user"), bobId, authz::builtin::kMember));
    QVERIFY(!f->cp->deleteUser(ownerA, f->tenantA, bobId));
    QVERIFY(f->cp->getUser(f->system, f->tenantB, bobId));
}

void TestControlPlane::escalationIsImpossible()
{
    const QString adminId = f->addUser(f->tenantA, QStringLiteral("adam"), authz::builtin::kTenantAdmin);
    Caller admin = f->signIn(QStringLiteral("acme"), QStringLiteral("adam"));
    // A role with a permission the admin lacks.
    auto role =
        f->cp->createRole(admin, f->tenantA, QStringLiteral("settings-editor"), {}, {QStringLiteral("settings.write")});
    QVERIFY(!role);
    QCOMPARE(role.error().code, ErrorCode::Forbidden);
    QVERIFY(role.error().message.contains(QLatin1String("settings.write")));
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("denied"));
    // A platform permission in a tenant role.
    QVERIFY(!f->cp->createRole(admin, f->tenantA, QStringLiteral("x"), {}, {QStringLiteral("tenants.write")}));
    // Binding itself Owner.
    auto self = f->cp->createBinding(admin, f->tenantA, QStringLiteral("user"), adminId, authz::builtin::kTenantOwner);
    QVERIFY(!self);
    QCOMPARE(self.error().code, ErrorCode::Forbidden);
    // Taking over the owner's account.
    QVERIFY(!f->cp->resetUserPassword(admin, f->tenantA, f->userId(f->tenantA, QStringLiteral("alice")),
                                      secret("a takeover password")));
    // Widening a role it can edit beyond what it holds.
    auto ok = f->cp->createRole(admin, f->tenantA, QStringLiteral("readers"), {}, {QStringLiteral("users.read")});
    QVERIFY(ok);
    QVERIFY(!f->cp->updateRole(admin, f->tenantA, ok.value().id, {}, {QStringLiteral("secrets.reveal")}));
    QVERIFY(f->cp->updateRole(admin, f->tenantA, ok.value().id, {},
                              {QStringLiteral("users.read"), QStringLiteral("roles.read")}));
    // The admin still has exactly its role's permissions.
    QVERIFY(!f->cp->effectivePermissions(f->system, f->tenantA, adminId)
                 .value()
                 .contains(QStringLiteral("settings.write")));
}

void TestControlPlane::lastOwnerCannotBeRemoved()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto bindings = f->cp->listBindings(owner, f->tenantA).value();
    QString ownerBinding, aliceId;
    for (const auto& b : bindings) {
        if (b.roleId == authz::builtin::kTenantOwner) {
            ownerBinding = b.id;
            aliceId = b.identityId;
        }
    }
    QVERIFY(!ownerBinding.isEmpty());
    auto removed = f->cp->deleteBinding(owner, f->tenantA, ownerBinding);
    QVERIFY(!removed);
    QCOMPARE(removed.error().code, ErrorCode::Conflict);
    QVERIFY(!f->cp->deleteUser(owner, f->tenantA, aliceId));
    QVERIFY(!f->cp->setUserStatus(owner, f->tenantA, aliceId, service::UserStatusChange::Disable));
    // With a second owner, the first may go.
    const QString second = f->addUser(f->tenantA, QStringLiteral("olga"), authz::builtin::kTenantOwner);
    QVERIFY(!second.isEmpty());
    QVERIFY(f->cp->deleteBinding(owner, f->tenantA, ownerBinding));
    // The platform's last owner likewise.
    auto platformBindings = f->cp->listBindings(f->system, {}).value();
    QCOMPARE(platformBindings.size(), 1);
    QVERIFY(!f->cp->deleteBinding(f->system, {}, platformBindings.first().id));
}

void TestControlPlane::tenantDeletionNeedsTheNameAndRemovesEverything()
{
    Caller root = f->signIn(QString(), QStringLiteral("root"));
    Caller bob = f->signIn(QStringLiteral("blue"), QStringLiteral("bob"));
    QVERIFY(f->cp->whoami(bob));
    auto wrong = f->cp->deleteTenant(root, f->tenantB, QStringLiteral("Blue"));
    QVERIFY(!wrong);
    QVERIFY(wrong.error().message.contains(QLatin1String("type its name (blue)")));
    QVERIFY(f->cp->getTenant(root, f->tenantB));
    QVERIFY(f->cp->deleteTenant(root, f->tenantB, QStringLiteral("blue")));
    QVERIFY(!f->cp->getTenant(root, f->tenantB));
    QVERIFY(!f->cp->whoami(bob));
    for (const char* table : {"workspaces", "users", "sessions", "bindings", "integrations", "roles", "api_tokens"}) {
        auto n = f->store->database().prepare(
            QByteArray("SELECT count(*) FROM ").append(table).append(" WHERE tenant_id = ?;").constData());
        n.value().bind(1, f->tenantB);
        QVERIFY(n.value().step().value());
        QVERIFY2(n.value().int64(0) == 0, table);
    }
    QVERIFY(f->cp->authorizer().effective(f->userId(f->tenantA, QStringLiteral("alice")), f->tenantB, {}).isEmpty());
    // Its audit trail stays.
    auto kept = f->store->database().prepare("SELECT count(*) FROM audit_events WHERE tenant_id = ?;");
    kept.value().bind(1, f->tenantB);
    QVERIFY(kept.value().step().value());
    QVERIFY(kept.value().int64(0) > 0);
}

void TestControlPlane::noChangeWithoutItsAuditEvent()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const qint64 before = f->auditCount();
    // Make every audit insert fail, as a full disk or a broken log would.
    QVERIFY(f->store->database().exec("CREATE TEMP TRIGGER break_audit BEFORE INSERT ON main.audit_events "
                                      "BEGIN SELECT RAISE(ABORT, 'audit broken for the test'); END;"));
    auto ws = f->cp->createWorkspace(owner, f->tenantA, QStringLiteral("ghost"), QStringLiteral("Ghost"));
    QVERIFY(!ws);
    QCOMPARE(ws.error().code, ErrorCode::AuditUnavailable);
    QVERIFY(ws.error().message.contains(QLatin1String("not applied")));
    auto user =
        f->cp->createUser(owner, f->tenantA, QStringLiteral("ghost"), QStringLiteral("Ghost"), {}, secret(kPassword));
    QVERIFY(!user);
    QVERIFY(f->store->database().exec("DROP TRIGGER break_audit;"));
    QCOMPARE(f->auditCount(), before);
    auto names = f->cp->listWorkspaces(f->system, f->tenantA).value();
    for (const auto& w : names)
        QVERIFY(w.name != QLatin1String("ghost"));
    QCOMPARE(f->store->database().pragma("SELECT count(*) FROM users WHERE username = 'ghost';").value(),
             QStringLiteral("0"));
    // And the log is append-only at the store level too.
    QVERIFY(!f->store->database().exec("UPDATE audit_events SET outcome = 'success';"));
    QVERIFY(!f->store->database().exec("DELETE FROM audit_events;"));
}

void TestControlPlane::auditChainIsIntactAndHoldsNoSecrets()
{
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    const char* canary = "canary-password-93f1c7e2";
    QVERIFY(f->cp->createUser(owner, f->tenantA, QStringLiteral("erin"), QStringLiteral("Erin"), {}, secret(canary)));
    QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("erin"),
                           secret("canary-wrong-4b1d")));
    auto ci = f->cp->createIntegration(owner, f->tenantA, QStringLiteral("bot"), {});
    auto token = f->cp->issueToken(owner, f->tenantA, ci.value().id);
    auto intact = f->cp->verifyAudit(f->system);
    QVERIFY(intact && intact.value().intact);
    auto all = f->store->database().prepare("SELECT details, actor_name, target_id FROM audit_events;");
    while (all.value().step().value()) {
        const QString row = all.value().text(0) + all.value().text(1) + all.value().text(2);
        QVERIFY(!row.contains(QLatin1String(canary)));
        QVERIFY(!row.contains(QLatin1String("canary-wrong")));
        QVERIFY(!row.contains(token.value().secret));
        QVERIFY(!row.contains(QString::fromLatin1(kPassword)));
    }
    // Every event links to the one before it; the first to zeros.
    auto events = f->store->database().prepare("SELECT seq, prev_hash, hash FROM audit_events ORDER BY seq;");
    QByteArray previous(32, '\0');
    qint64 expected = 1;
    while (events.value().step().value()) {
        QCOMPARE(events.value().int64(0), expected++);
        QCOMPARE(events.value().blob(1), previous);
        previous = events.value().blob(2);
    }
    QVERIFY(expected > 10);
    // Tampering is found: rewrite one event's details behind the triggers' back.
    QVERIFY(f->store->database().exec("DROP TRIGGER audit_events_no_update;"));
    QVERIFY(f->store->database().exec("UPDATE audit_events SET details = '{}' WHERE seq = 5;"));
    auto broken = f->cp->verifyAudit(f->system);
    QVERIFY(broken && !broken.value().intact);
    QCOMPARE(broken.value().firstBadSeq, qint64(5));
    QCOMPARE(broken.value().problem, QStringLiteral("changed"));
}

void TestControlPlane::suspendedTenantStopsSignInAndSessions()
{
    Caller root = f->signIn(QString(), QStringLiteral("root"));
    Caller bob = f->signIn(QStringLiteral("blue"), QStringLiteral("bob"));
    QVERIFY(f->cp->setTenantSuspended(root, f->tenantB, true));
    QVERIFY(!f->cp->whoami(bob));
    QCOMPARE(f->newestEvent().reason, QStringLiteral("tenant_suspended"));
    QVERIFY(!f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("blue"), QStringLiteral("bob"),
                           secret(kPassword)));
    QVERIFY(f->cp->setTenantSuspended(root, f->tenantB, false));
    QVERIFY(
        f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("blue"), QStringLiteral("bob"), secret(kPassword)));
}

void TestControlPlane::checkExplainsDecisions()
{
    const QString mia = f->addUser(f->tenantA, QStringLiteral("mia"), authz::builtin::kMember, f->w1);
    Caller owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto yes = f->cp->checkAccess(owner, f->tenantA, mia, QStringLiteral("workspaces.read"), f->w1);
    QVERIFY(yes && yes.value().allowed);
    QVERIFY(yes.value().reason().contains(QLatin1String("Member")));
    auto no = f->cp->checkAccess(owner, f->tenantA, mia, QStringLiteral("workspaces.read"), f->w2);
    QVERIFY(no && !no.value().allowed);
    QVERIFY(no.value().reason().contains(QLatin1String("no binding grants workspaces.read")));
    QCOMPARE(f->newestEvent().action, QStringLiteral("authz.check"));
    // Asking about yourself needs nothing; about others needs bindings.read.
    Caller m = f->signIn(QStringLiteral("acme"), QStringLiteral("mia"));
    QVERIFY(f->cp->effectivePermissions(m, f->tenantA, mia, f->w1));
    QVERIFY(!f->cp->checkAccess(m, f->tenantA, f->userId(f->tenantA, QStringLiteral("alice")),
                                QStringLiteral("users.read")));
    QCOMPARE(f->cp->effectivePermissions(m, f->tenantA, mia, f->w1).value(),
             (QStringList{QStringLiteral("workspaces.read"), QStringLiteral("secrets.read")}));
}

void TestControlPlane::bootstrapOnlyOnceAndOnlyLocally()
{
    auto again = f->cp->bootstrapPlatformOwner(f->system, QStringLiteral("second"), secret(kPassword));
    QVERIFY(!again);
    QCOMPARE(again.error().code, ErrorCode::Conflict);
    Caller root = f->signIn(QString(), QStringLiteral("root"));
    auto remote = f->cp->bootstrapPlatformOwner(root, QStringLiteral("third"), secret(kPassword));
    QVERIFY(!remote);
    QCOMPARE(remote.error().code, ErrorCode::Forbidden);
    QCOMPARE(f->newestEvent().reason, QStringLiteral("system_only"));
    QCOMPARE(f->cp->listUsers(f->system, {}).value().size(), 1);
}

void TestControlPlane::weakerHashesAreUpgradedAtSignIn()
{
    // A hash made with yesterday's (lower) parameters, as after a parameter increase.
    const QString old = crypto::PasswordHasher::hash(secret(kPassword), crypto::Argon2Params::minimum()).value();
    QVERIFY(old.contains(QLatin1String("m=19456,t=2,p=1")));
    QVERIFY(crypto::PasswordHasher::needsRehash(old));
    auto set = f->store->database().prepare("UPDATE users SET password_hash = ? WHERE username = 'alice';");
    QVERIFY(set.value().bind(1, old).run());
    auto s = f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                           secret(kPassword));
    QVERIFY(s);
    QVERIFY(f->newestEvent().details.value(QStringLiteral("password_rehashed")).toBool());
    const QString now =
        f->store->database().pragma("SELECT password_hash FROM users WHERE username = 'alice';").value();
    QVERIFY2(now.contains(QLatin1String("m=32768,t=2,p=1")), qPrintable(now));
    QVERIFY(!crypto::PasswordHasher::needsRehash(now));
    QVERIFY(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"),
                          secret(kPassword)));
}

// A compare-and-set is decided where the change is written: a change built on a version read before someone
// else's change is refused as Stale, nothing is written, and the refusal is on the record; the same change on the
// version stored now goes through. One case for each kind of object the API updates with If-Match.
void TestControlPlane::changesBuiltOnAnOldReadAreRefused()
{
    const service::Caller& sys = f->system;
    const auto refusedAsStale = [this](const Error& error, const char* action) {
        QCOMPARE(error.code, ErrorCode::Stale);
        const audit::AuditEvent e = f->newestEvent();
        QCOMPARE(e.action, QLatin1String(action));
        QVERIFY(e.outcome != QLatin1String("success"));
        QCOMPARE(e.details.value(QStringLiteral("stale")).toBool(), true);
    };

    // Tenant: read, someone renames it, a rename built on the first read is refused.
    auto read = f->cp->getTenant(sys, f->tenantA);
    QVERIFY(read);
    QVERIFY(f->cp->renameTenant(sys, f->tenantA, QStringLiteral("Acme Two")));
    const auto sameTenant = [old = read.value()](const tenancy::Tenant& now) {
        return now.displayName == old.displayName && now.status == old.status;
    };
    auto stale = f->cp->renameTenant(sys, f->tenantA, QStringLiteral("Acme Three"), sameTenant);
    QVERIFY(!stale);
    refusedAsStale(stale.error(), "tenant.rename");
    QCOMPARE(f->cp->getTenant(sys, f->tenantA).value().displayName, QStringLiteral("Acme Two"));
    auto suspendedStale = f->cp->setTenantSuspended(sys, f->tenantA, true, sameTenant);
    QVERIFY(!suspendedStale);
    refusedAsStale(suspendedStale.error(), "tenant.suspend");
    QCOMPARE(f->cp->getTenant(sys, f->tenantA).value().status, QStringLiteral("active"));
    QVERIFY(f->cp->renameTenant(sys, f->tenantA, QStringLiteral("Acme Three"),
                                [](const tenancy::Tenant& now) { return now.displayName == "Acme Two"; }));

    // Workspace.
    auto workspace = f->cp->getWorkspace(sys, f->tenantA, f->w1);
    QVERIFY(workspace);
    QVERIFY(f->cp->renameWorkspace(sys, f->tenantA, f->w1, QStringLiteral("Prod")));
    const auto sameWorkspace = [old = workspace.value()](const tenancy::Workspace& now) {
        return now.displayName == old.displayName;
    };
    auto ws = f->cp->setWorkspaceSuspended(sys, f->tenantA, f->w1, true, sameWorkspace);
    QVERIFY(!ws);
    refusedAsStale(ws.error(), "workspace.suspend");
    auto wsRename = f->cp->renameWorkspace(sys, f->tenantA, f->w1, QStringLiteral("P"), sameWorkspace);
    QVERIFY(!wsRename);
    refusedAsStale(wsRename.error(), "workspace.rename");
    QCOMPARE(f->cp->getWorkspace(sys, f->tenantA, f->w1).value().status, QStringLiteral("active"));

    // User.
    const QString carl = f->addUser(f->tenantA, QStringLiteral("carl"), {});
    auto user = f->cp->getUser(sys, f->tenantA, carl);
    QVERIFY(user);
    QVERIFY(f->cp->updateUser(sys, f->tenantA, carl, QStringLiteral("Carl B"), QStringLiteral("c@example.org")));
    auto userStale = f->cp->updateUser(
        sys, f->tenantA, carl, QStringLiteral("Carl C"), QStringLiteral("c@example.org"),
        [old = user.value()](const identity::User& now) { return now.displayName == old.displayName; });
    QVERIFY(!userStale);
    refusedAsStale(userStale.error(), "user.update");
    QCOMPARE(f->cp->getUser(sys, f->tenantA, carl).value().displayName, QStringLiteral("Carl B"));

    // Role: permissions changed by someone else are not overwritten by a change built on the old list.
    auto role = f->cp->createRole(sys, f->tenantA, QStringLiteral("auditor-lite"), QStringLiteral("reads"),
                                  {QStringLiteral("audit.read")});
    QVERIFY2(role, role ? "" : qPrintable(role.error().message));
    QVERIFY(f->cp->updateRole(sys, f->tenantA, role.value().id, QStringLiteral("reads"),
                              {QStringLiteral("audit.read"), QStringLiteral("secrets.read")}));
    auto roleStale = f->cp->updateRole(
        sys, f->tenantA, role.value().id, QStringLiteral("reads more"), {QStringLiteral("audit.read")},
        [old = role.value()](const authz::Role& now) { return now.permissions == old.permissions; });
    QVERIFY(!roleStale);
    refusedAsStale(roleStale.error(), "role.update");

    // Secret: a new value built on an old version is refused.
    auto made =
        f->cp->createSecret(sys, f->tenantA, f->w1, {QStringLiteral("db/password"), {}, {}, 0, 0}, secret("first"));
    QVERIFY(made);
    QVERIFY(f->cp->updateSecretValue(sys, f->tenantA, f->w1, QStringLiteral("db/password"), secret("second")));
    auto secretStale = f->cp->updateSecretValue(
        sys, f->tenantA, f->w1, QStringLiteral("db/password"), secret("third"),
        [old = made.value()](const secrets::Secret& now) { return now.currentVersion == old.currentVersion; });
    QVERIFY(!secretStale);
    refusedAsStale(secretStale.error(), "secret.update");

    // Ownership.
    auto owners = f->cp->ownership(sys);
    QVERIFY(owners);
    boundaries::Ownership statement = owners.value();
    statement.areas[0].owner = QStringLiteral("customer");
    statement.areas[0].contact = QStringLiteral("secops@example.org");
    QVERIFY(f->cp->setOwnership(sys, statement));
    auto ownersStale =
        f->cp->setOwnership(sys, owners.value(), [old = owners.value()](const boundaries::Ownership& now) {
            return now.stated == old.stated;
        });
    QVERIFY(!ownersStale);
    refusedAsStale(ownersStale.error(), "ownership.update");
}

QTEST_GUILESS_MAIN(TestControlPlane)
#include "TestControlPlane.moc"
