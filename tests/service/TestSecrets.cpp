// Secrets: envelope encryption bound to its place, versions, audited reveal with a reason, crypto-shredding.
#include "ControlPlaneFixture.h"
#include "crypto/Aead.h"
#include "secrets/TenantKeyRing.h"

#include <QBuffer>
#include <QLoggingCategory>
#include <QRandomGenerator>
#include <QtTest>

using namespace gatehouse;
using namespace gatehouse::test;
using service::Caller;

namespace {

QByteArray text(const SecureBytes& b)
{
    return QByteArray(b.chars(), qsizetype(b.size()));
}

} // namespace

class TestSecrets : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void createRevealAndAuditTheReason();
    void revealNeedsAReason();
    void valuesAreNeverStoredInClear();
    void versionsAndRetention();
    void ciphertextMovedOrChangedFailsToOpen_data();
    void ciphertextMovedOrChangedFailsToOpen();
    void reviewerReadsMetadataButNeverReveals();
    void deletingTheTenantShredsItsKey();
    void restoreDestroyUndelete();
    void rotationAndExpiryDue();
    void canaryIsNowhere();
    void badInput_data();
    void badInput();

private:
    std::unique_ptr<ControlPlaneFixture> f;
    Caller owner;
};

void TestSecrets::init()
{
    f = std::make_unique<ControlPlaneFixture>();
    QVERIFY(f->setUp());
    owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
}

void TestSecrets::createRevealAndAuditTheReason()
{
    auto s = f->cp->createSecret(
        owner, f->tenantA, f->w1,
        {QStringLiteral("db/prod/password"), QStringLiteral("main db"), {QStringLiteral("db")}, 90, 0},
        secret("hunter2-but-longer"));
    QVERIFY2(s, s ? "" : qPrintable(s.error().message));
    QCOMPARE(s.value().currentVersion, 1);
    QCOMPARE(s.value().nextRotationAtMs, f->clock.nowMs() + qint64(90) * 24 * 3600 * 1000);
    auto v = f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("db/prod/password"), 0,
                                 QStringLiteral("incident 42: rotating the replica"));
    QVERIFY(v);
    QCOMPARE(text(v.value()), QByteArray("hunter2-but-longer"));
    const auto e = f->newestEvent();
    QCOMPARE(e.action, QStringLiteral("secret.reveal"));
    QCOMPARE(e.outcome, QStringLiteral("success"));
    QCOMPARE(e.targetId, s.value().id);
    QCOMPARE(e.details.value(QStringLiteral("reason")).toString(), QStringLiteral("incident 42: rotating the replica"));
    QCOMPARE(e.details.value(QStringLiteral("version")).toInt(), 1);
    // "Who revealed this secret" is one query.
    audit::AuditQuery q;
    q.tenantId = f->tenantA;
    q.actionPrefix = QStringLiteral("secret.reveal");
    q.targetId = s.value().id;
    auto who = f->cp->searchAudit(owner, q);
    QVERIFY(who);
    QCOMPARE(who.value().events.size(), 1);
    QCOMPARE(who.value().events.first().actorName, QStringLiteral("alice"));
}

void TestSecrets::revealNeedsAReason()
{
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("k"), {}, {}, 0, 0}, secret("value-123")));
    auto v = f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("k"), 0, QStringLiteral("   "));
    QVERIFY(!v);
    QCOMPARE(v.error().code, ErrorCode::InvalidArgument);
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("error"));
}

void TestSecrets::valuesAreNeverStoredInClear()
{
    const char* canary = "CANARY-7c1f9e-secret-value";
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("canary"), {}, {}, 0, 0}, secret(canary)));
    QVERIFY(f->cp->updateSecretValue(owner, f->tenantA, f->w1, QStringLiteral("canary"), secret(canary)));
    QVERIFY(f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("canary"), 0, QStringLiteral("check")));
    // Bad input carrying the value: refused without echoing it.
    auto bad = f->cp->createSecret(owner, f->tenantA, f->w1,
                                   {QString::fromLatin1(canary) + QStringLiteral(" x"), {}, {}, 0, 0}, secret(canary));
    QVERIFY(!bad);
    // Not in the audit trail, and not in the store with the SQLCipher layer peeled off.
    auto all = f->store->database().prepare("SELECT details FROM audit_events;");
    while (all.value().step().value())
        QVERIFY(!all.value().text(0).contains(QLatin1String("CANARY-7c1f9e-secret-value")));
    auto rows = f->store->database().prepare("SELECT ciphertext FROM secret_versions;");
    while (rows.value().step().value())
        QVERIFY(!rows.value().blob(0).contains(canary));
    QVERIFY(!test::fileBytes(f->store->database().path()).contains(canary));
}

void TestSecrets::versionsAndRetention()
{
    QVERIFY(
        f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("api/token"), {}, {}, 0, 0}, secret("v1-value")));
    for (int i = 2; i <= 12; ++i)
        QVERIFY(f->cp->updateSecretValue(
            owner, f->tenantA, f->w1, QStringLiteral("api/token"),
            secret(QByteArray("v").append(QByteArray::number(i)).append("-value").constData())));
    auto versions = f->cp->listSecretVersions(owner, f->tenantA, f->w1, QStringLiteral("api/token"));
    QVERIFY(versions);
    QCOMPARE(versions.value().size(), 12);
    QCOMPARE(versions.value().first().version, 12);
    // The last 10 are kept; 1 and 2 are destroyed.
    QVERIFY(versions.value()[11].destroyedAtMs > 0);
    QVERIFY(versions.value()[10].destroyedAtMs > 0);
    QCOMPARE(versions.value()[9].destroyedAtMs, qint64(0));
    QCOMPARE(
        text(
            f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("api/token"), 0, QStringLiteral("r")).value()),
        QByteArray("v12-value"));
    QCOMPARE(
        text(
            f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("api/token"), 3, QStringLiteral("r")).value()),
        QByteArray("v3-value"));
    auto gone = f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("api/token"), 1, QStringLiteral("r"));
    QVERIFY(!gone);
    QVERIFY(gone.error().message.contains(QLatin1String("destroyed")));
    // Search: name prefix, tag, description words; wildcards are literal.
    QVERIFY(f->cp->createSecret(
        owner, f->tenantA, f->w1,
        {QStringLiteral("db/prod/pw"), QStringLiteral("the main database"), {QStringLiteral("pci")}, 0, 0},
        secret("x-value")));
    QCOMPARE(f->cp->listSecrets(owner, f->tenantA, f->w1, QStringLiteral("db/")).value().size(), 1);
    QCOMPARE(f->cp->listSecrets(owner, f->tenantA, f->w1, QStringLiteral("pci")).value().size(), 1);
    QCOMPARE(f->cp->listSecrets(owner, f->tenantA, f->w1, QStringLiteral("main database")).value().size(), 1);
    QCOMPARE(f->cp->listSecrets(owner, f->tenantA, f->w1, QStringLiteral("%")).value().size(), 0);
    QVERIFY(f->cp->deleteSecret(owner, f->tenantA, f->w1, QStringLiteral("db/prod/pw")));
    // Listing shows metadata only.
    auto list = f->cp->listSecrets(owner, f->tenantA, f->w1);
    QVERIFY(list && list.value().size() == 1);
    QCOMPARE(list.value().first().currentVersion, 12);
    QVERIFY(f->cp->deleteSecret(owner, f->tenantA, f->w1, QStringLiteral("api/token")));
    QVERIFY(f->cp->listSecrets(owner, f->tenantA, f->w1).value().isEmpty());
    QVERIFY(!f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("api/token"), 0, QStringLiteral("r")));
}

void TestSecrets::ciphertextMovedOrChangedFailsToOpen_data()
{
    QTest::addColumn<QString>("tamper");
    QTest::newRow("byte flipped") << QStringLiteral("flip");
    QTest::newRow("moved to another secret") << QStringLiteral("swap-secret");
    QTest::newRow("moved to another version") << QStringLiteral("swap-version");
    QTest::newRow("moved to another workspace") << QStringLiteral("swap-workspace");
}

void TestSecrets::ciphertextMovedOrChangedFailsToOpen()
{
    QFETCH(QString, tamper);
    auto a = f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("a"), {}, {}, 0, 0}, secret("value-of-a"));
    auto b = f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("b"), {}, {}, 0, 0}, secret("value-of-b"));
    auto c = f->cp->createSecret(owner, f->tenantA, f->w2, {QStringLiteral("a"), {}, {}, 0, 0}, secret("value-of-c"));
    QVERIFY(a && b && c);
    QVERIFY(f->cp->updateSecretValue(owner, f->tenantA, f->w1, QStringLiteral("a"), secret("value-of-a2")));
    store::Database& db = f->store->database();
    auto blobOf = [&db](const QString& id, int version) {
        auto s = db.prepare("SELECT ciphertext FROM secret_versions WHERE secret_id = ? AND version = ?;");
        s.value().bind(1, id).bind(2, qint64(version));
        (void)s.value().step();
        return s.value().blob(0);
    };
    auto setBlob = [&db](const QString& id, int version, const QByteArray& blob) {
        auto s = db.prepare("UPDATE secret_versions SET ciphertext = ? WHERE secret_id = ? AND version = ?;");
        return bool(s.value().bindBlob(1, blob).bind(2, id).bind(3, qint64(version)).run());
    };
    QString victimWs = f->w1, victimName = QStringLiteral("a");
    int victimVersion = 2;
    if (tamper == QLatin1String("flip")) {
        QByteArray x = blobOf(a.value().id, 2);
        x[20] = char(x[20] ^ 1);
        QVERIFY(setBlob(a.value().id, 2, x));
    } else if (tamper == QLatin1String("swap-secret")) {
        QVERIFY(setBlob(a.value().id, 2, blobOf(b.value().id, 1)));
    } else if (tamper == QLatin1String("swap-version")) {
        QVERIFY(setBlob(a.value().id, 2, blobOf(a.value().id, 1)));
    } else {
        QVERIFY(setBlob(c.value().id, 1, blobOf(a.value().id, 1)));
        victimWs = f->w2;
        victimVersion = 1;
    }
    auto v = f->cp->revealSecret(owner, f->tenantA, victimWs, victimName, victimVersion, QStringLiteral("test"));
    QVERIFY2(!v, "a moved or changed ciphertext opened");
    QCOMPARE(v.error().code, ErrorCode::Corrupt);
    QVERIFY(v.error().message.contains(QLatin1String("fails authentication")));
    // The untouched ones still open.
    QCOMPARE(text(f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("b"), 0, QStringLiteral("t")).value()),
             QByteArray("value-of-b"));
}

void TestSecrets::reviewerReadsMetadataButNeverReveals()
{
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("k"), {}, {}, 0, 0}, secret("value-123")));
    QVERIFY(!f->addUser(f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    Caller rita = f->signIn(QStringLiteral("acme"), QStringLiteral("rita"));
    QCOMPARE(f->cp->listSecrets(rita, f->tenantA, f->w1).value().size(), 1);
    auto v = f->cp->revealSecret(rita, f->tenantA, f->w1, QStringLiteral("k"), 0, QStringLiteral("curious"));
    QVERIFY(!v);
    QCOMPARE(v.error().code, ErrorCode::Forbidden);
    QCOMPARE(f->newestEvent().outcome, QStringLiteral("denied"));
}

void TestSecrets::deletingTheTenantShredsItsKey()
{
    Caller bob = f->signIn(QStringLiteral("blue"), QStringLiteral("bob"));
    auto s = f->cp->createSecret(bob, f->tenantB, f->wb, {QStringLiteral("k"), {}, {}, 0, 0}, secret("blue-secret"));
    QVERIFY(s);
    store::Database& db = f->store->database();
    auto copy = db.prepare("SELECT ciphertext FROM secret_versions WHERE secret_id = ?;");
    copy.value().bind(1, s.value().id);
    QVERIFY(copy.value().step().value());
    const QByteArray oldCiphertext = copy.value().blob(0);
    QVERIFY(f->cp->deleteTenant(f->system, f->tenantB, QStringLiteral("blue")));
    auto keyRow = db.prepare("SELECT count(*) FROM tenant_keys WHERE tenant_id = ?;");
    keyRow.value().bind(1, f->tenantB);
    QVERIFY(keyRow.value().step().value());
    QCOMPARE(keyRow.value().int64(0), qint64(0));
    // The old ciphertext, kept by someone, opens under no key the store can produce: the tenant's key is gone,
    // none can be made for a tenant that no longer exists, and other tenants' keys do not fit.
    secrets::TenantKeyRing ring(db, f->store->deriveKey("gatehouse/tenant-keys").value());
    QVERIFY(!ring.keyFor(f->tenantB, f->clock.nowMs()));
    QVERIFY(db.exec("BEGIN;"));
    auto other = ring.keyFor(f->tenantA, f->clock.nowMs());
    QVERIFY(other);
    QVERIFY(!crypto::aead::open(other.value(), oldCiphertext,
                                secrets::TenantKeyRing::associatedData(f->tenantB, f->wb, s.value().id, 1)));
    QVERIFY(db.exec("ROLLBACK;"));
}

void TestSecrets::restoreDestroyUndelete()
{
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("k"), {}, {}, 0, 0}, secret("first")));
    QVERIFY(f->cp->updateSecretValue(owner, f->tenantA, f->w1, QStringLiteral("k"), secret("second")));
    auto restored = f->cp->restoreSecretVersion(owner, f->tenantA, f->w1, QStringLiteral("k"), 1);
    QVERIFY(restored);
    QCOMPARE(restored.value().currentVersion, 3);
    QCOMPARE(f->newestEvent().details.value(QStringLiteral("restored_from")).toInt(), 1);
    QCOMPARE(text(f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("k"), 0, QStringLiteral("r")).value()),
             QByteArray("first"));
    // Destroy a version: irrecoverable; the current one cannot be destroyed.
    QVERIFY(f->cp->destroySecretVersion(owner, f->tenantA, f->w1, QStringLiteral("k"), 2));
    QVERIFY(!f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("k"), 2, QStringLiteral("r")));
    QVERIFY(!f->cp->restoreSecretVersion(owner, f->tenantA, f->w1, QStringLiteral("k"), 2));
    QCOMPARE(f->cp->destroySecretVersion(owner, f->tenantA, f->w1, QStringLiteral("k"), 3).error().code,
             ErrorCode::Conflict);
    auto row = f->store->database().prepare("SELECT ciphertext IS NULL FROM secret_versions WHERE version = 2;");
    QVERIFY(row.value().step().value());
    QCOMPARE(row.value().int64(0), qint64(1));
    // Soft delete and undelete within 30 days; after that, gone.
    QVERIFY(f->cp->deleteSecret(owner, f->tenantA, f->w1, QStringLiteral("k")));
    QVERIFY(f->cp->undeleteSecret(owner, f->tenantA, f->w1, QStringLiteral("k")));
    QCOMPARE(text(f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("k"), 0, QStringLiteral("r")).value()),
             QByteArray("first"));
    QVERIFY(f->cp->deleteSecret(owner, f->tenantA, f->w1, QStringLiteral("k")));
    f->clock.advanceSeconds(31 * 24 * 3600);
    owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto late = f->cp->undeleteSecret(owner, f->tenantA, f->w1, QStringLiteral("k"));
    QVERIFY(!late);
    QCOMPARE(late.error().code, ErrorCode::NotFound);
}

void TestSecrets::rotationAndExpiryDue()
{
    const qint64 day = 24 * 3600 * 1000;
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("rotates"), {}, {}, 30, 0}, secret("a")));
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w2,
                                {QStringLiteral("expires"), {}, {}, 0, f->clock.nowMs() + 10 * day}, secret("b")));
    QVERIFY(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("calm"), {}, {}, 0, 0}, secret("c")));
    QCOMPARE(f->cp->dueSecrets(owner, f->tenantA, {}, 0).value().size(), 0);
    auto soon = f->cp->dueSecrets(owner, f->tenantA, {}, 14).value();
    QCOMPARE(soon.size(), 1);
    QCOMPARE(soon.first().name, QStringLiteral("expires"));
    f->clock.advanceMs(31 * day);
    owner = f->signIn(QStringLiteral("acme"), QStringLiteral("alice"));
    auto overdue = f->cp->dueSecrets(owner, f->tenantA, {}, 0).value();
    QCOMPARE(overdue.size(), 2);
    QCOMPARE(f->cp->dueSecrets(owner, f->tenantA, f->w1, 0).value().size(), 1);
    QVERIFY(f->cp->markSecretRotated(owner, f->tenantA, f->w1, QStringLiteral("rotates")));
    QCOMPARE(f->cp->dueSecrets(owner, f->tenantA, f->w1, 0).value().size(), 0);
    QVERIFY(!f->cp->markSecretRotated(owner, f->tenantA, f->w1, QStringLiteral("calm")));
}

namespace {
QStringList g_logLines;
void captureLog(QtMsgType, const QMessageLogContext&, const QString& message)
{
    g_logLines << message;
}
} // namespace

void TestSecrets::canaryIsNowhere()
{
    // A unique value through a whole scenario; afterwards it must be in no log line, audit event, export, error
    // message or byte of the store files.
    const QByteArray canary = "canary-" + QByteArray::number(QRandomGenerator::global()->generate64(), 16) + "-value";
    const SecureBytes value(reinterpret_cast<const unsigned char*>(canary.constData()), std::size_t(canary.size()));
    g_logLines.clear();
    QLoggingCategory::setFilterRules(QStringLiteral("gatehouse.*=true"));
    const auto previous = qInstallMessageHandler(captureLog);
    QStringList errors;
    auto note = [&errors](const auto& r) {
        if (!r)
            errors << r.error().message;
    };
    note(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("svc/token"), {}, {}, 30, 0}, value));
    note(f->cp->updateSecretValue(owner, f->tenantA, f->w1, QStringLiteral("svc/token"), value));
    note(f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("svc/token"), 0, QStringLiteral("canary test")));
    note(f->cp->restoreSecretVersion(owner, f->tenantA, f->w1, QStringLiteral("svc/token"), 1));
    // Failed calls with the value where it does not belong.
    note(f->cp->createSecret(owner, f->tenantA, f->w1,
                             {QStringLiteral("pasted ") + QString::fromLatin1(canary), {}, {}, 0, 0}, value));
    note(f->cp->createSecret(owner, f->tenantA, f->w1, {QStringLiteral("x"), QString::fromLatin1(canary), {}, -1, 0},
                             value));
    note(f->cp->updateSecretValue(owner, f->tenantA, f->w1, QString::fromLatin1(canary), value));
    note(f->cp->createUser(owner, f->tenantA, QStringLiteral("someone"), QStringLiteral("S"), {}, value));
    note(f->cp->signIn(ControlPlaneFixture::caller(), QStringLiteral("acme"), QStringLiteral("alice"), value));
    note(f->cp->createSecret(Caller::withToken(QString::fromLatin1(canary)), f->tenantA, f->w1,
                             {QStringLiteral("y"), {}, {}, 0, 0}, value));
    // Exports of every kind.
    QByteArray exported;
    for (auto format : {audit::ExportFormat::JsonLines, audit::ExportFormat::Csv, audit::ExportFormat::Cef,
                        audit::ExportFormat::Ocsf}) {
        QBuffer out;
        out.open(QIODevice::WriteOnly);
        audit::AuditQuery q;
        q.tenantId = f->tenantA;
        QVERIFY(f->cp->exportAudit(f->system, q, format, out));
        exported += out.data();
    }
    const QString bundle = f->dir.filePath(QStringLiteral("canary-bundle"));
    QVERIFY(f->cp->exportAuditBundle(f->system, bundle));
    exported += test::fileBytes(bundle + QStringLiteral("/events.jsonl"));
    qInstallMessageHandler(previous);
    QLoggingCategory::setFilterRules(QString());

    QVERIFY(errors.size() >= 5);
    for (const QString& e : errors)
        QVERIFY2(!e.toUtf8().contains(canary), qPrintable(e));
    for (const QString& line : g_logLines)
        QVERIFY2(!line.toUtf8().contains(canary), qPrintable(line));
    QVERIFY(!exported.contains(canary));
    auto all =
        f->store->database().prepare("SELECT details || actor_name || target_id || request_id FROM audit_events;");
    while (all.value().step().value())
        QVERIFY(!all.value().text(0).toUtf8().contains(canary));
    for (const QString& suffix : {QString(), QStringLiteral("-wal")})
        QVERIFY(!test::fileBytes(f->store->database().path() + suffix).contains(canary));
    // And the value is really there, behind the reveal.
    QCOMPARE(text(f->cp->revealSecret(owner, f->tenantA, f->w1, QStringLiteral("svc/token"), 0, QStringLiteral("check"))
                      .value()),
             canary);
}

void TestSecrets::badInput_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<int>("size");
    QTest::addColumn<QString>("says");
    QTest::newRow("empty name") << QString() << 5 << QStringLiteral("secret name");
    QTest::newRow("double slash") << QStringLiteral("a//b") << 5 << QStringLiteral("secret name");
    QTest::newRow("space") << QStringLiteral("a b") << 5 << QStringLiteral("secret name");
    QTest::newRow("empty value") << QStringLiteral("ok") << 0 << QStringLiteral("1 byte to 64 KiB");
    QTest::newRow("too large") << QStringLiteral("ok") << 64 * 1024 + 1 << QStringLiteral("1 byte to 64 KiB");
}

void TestSecrets::badInput()
{
    QFETCH(QString, name);
    QFETCH(int, size);
    QFETCH(QString, says);
    SecureBytes value(static_cast<std::size_t>(size));
    auto s = f->cp->createSecret(owner, f->tenantA, f->w1, {name, {}, {}, 0, 0}, value);
    QVERIFY(!s);
    QCOMPARE(s.error().code, ErrorCode::InvalidArgument);
    QVERIFY2(s.error().message.contains(says), qPrintable(s.error().message));
    QVERIFY(f->cp->listSecrets(owner, f->tenantA, f->w1).value().isEmpty());
}

QTEST_GUILESS_MAIN(TestSecrets)
#include "TestSecrets.moc"
