#include "ConsoleTestSupport.h"
#include "models/SecretModel.h"
#include "panes/SecretDialog.h"
#include "panes/SecretRevealDialog.h"
#include "panes/SecretVersionsDialog.h"
#include "panes/SecretsPane.h"
#include "shell/MainWindow.h"
#include "widgets/ClipboardCountdown.h"
#include "widgets/SecretValueField.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QGuiApplication>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QMimeData>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QTableView>
#include <QTextEdit>
#include <QToolButton>
#include <QtTest>

using namespace gatehouse;
using test::kAnswerMs;

// The Secrets pane: a workspace's secrets as metadata, what an administrator does to them, and reveal, which
// leaves the value in the window and on the clipboard only for a while.
class TestSecretsPane : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void modelsPassTheModelTester();
    void overdueIsMarkedInWordsAndAnIconNotColourAlone();
    void createRevealAndCopyASecretThroughTheGui();
    void noWidgetOrModelHoldsTheValueAfterTheTimeout();
    void lockTakesTheValueOutOfTheWindowAndOffTheClipboard();
    void securityReviewerSeesMetadataWithEveryWriteActionDisabled();
    void newVersionThenRestoreAndDestroyAnEarlierOne();
    void deleteAndUndelete();
    void dueOnlyListsWhatIsDue();
    void withoutAWorkspaceThePaneAsksForOne();
    void refusalIsShownNotSwallowed();
    void theMainWindowShowsThePane();
    void everyControlHasAnAccessibleName();
    void searchFiltersAndColumnsSort();
    void screenshot();

private:
    // Signs in, selects the workspace W1 (acme / Production) and waits until the pane lists it and the identity's
    // permissions there are known.
    void open(ui::SecretsPane& pane, ui::ConsoleBridge& bridge, const QString& user);
    static void select(ui::SecretsPane& pane, const QString& name);
    static QAction* action(ui::SecretsPane& pane, const char* name);
    // A secret made directly through the control plane.
    void seed(const QString& name, const char* value, int rotationDays = 0, qint64 expiresAtMs = 0,
              const QStringList& tags = {});

    std::unique_ptr<test::ControlPlaneFixture> m_f;
};

namespace {

const char* const kCanary = "canary-7f3a9c-s3cr3t";

// Every text a widget in `root`'s tree shows, and every piece of data every model in it holds.
QStringList everythingShown(QWidget& root)
{
    QStringList out;
    QList<QObject*> objects = root.findChildren<QObject*>();
    objects.prepend(&root);
    for (QObject* o : objects) {
        if (auto* e = qobject_cast<QLineEdit*>(o))
            out << e->text() << e->displayText() << e->placeholderText() << e->accessibleName();
        else if (auto* l = qobject_cast<QLabel*>(o))
            out << l->text() << l->accessibleName();
        else if (auto* p = qobject_cast<QPlainTextEdit*>(o))
            out << p->toPlainText();
        else if (auto* t = qobject_cast<QTextEdit*>(o))
            out << t->toPlainText();
        else if (auto* b = qobject_cast<QAbstractButton*>(o))
            out << b->text() << b->accessibleName() << b->toolTip();
        if (auto* w = qobject_cast<QWidget*>(o))
            out << w->toolTip() << w->accessibleName() << w->accessibleDescription() << w->windowTitle();
        if (auto* m = qobject_cast<QAbstractItemModel*>(o)) {
            for (int r = 0; r < m->rowCount(); ++r) {
                for (int c = 0; c < m->columnCount(); ++c) {
                    const QModelIndex i = m->index(r, c);
                    for (int role : {int(Qt::DisplayRole), int(Qt::EditRole), int(Qt::ToolTipRole),
                                     int(Qt::AccessibleTextRole), int(Qt::StatusTipRole), int(Qt::WhatsThisRole)})
                        out << i.data(role).toString();
                    for (int role = Qt::UserRole; role < Qt::UserRole + 16; ++role)
                        out << i.data(role).toString();
                }
            }
        }
    }
    return out;
}

bool holds(QWidget& root, const QString& value)
{
    for (const QString& text : everythingShown(root)) {
        if (text.contains(value))
            return true;
    }
    return false;
}

void shot(QWidget& w, const char* name)
{
    const QString dir = qEnvironmentVariable("GATEHOUSE_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    QCoreApplication::processEvents();
    w.grab().save(QDir(dir).filePath(QString::fromLatin1(name) + QStringLiteral(".png")));
}

void pressOk(QWidget* dialog)
{
    QTest::mouseClick(dialog->findChild<QDialogButtonBox*>(QStringLiteral("buttons"))->button(QDialogButtonBox::Ok),
                      Qt::LeftButton);
}

// Answers the open confirmation with Yes.
void confirmYes(QWidget& root)
{
    QMessageBox* box = nullptr;
    QTRY_VERIFY((box = root.findChild<QMessageBox*>(QStringLiteral("confirmDialog"))) && box->isVisible());
    QTest::mouseClick(box->button(QMessageBox::Yes), Qt::LeftButton);
}

} // namespace

void TestSecretsPane::init()
{
    test::useTemporarySettings();
    m_f = std::make_unique<test::ControlPlaneFixture>();
    QVERIFY(m_f->setUp());
    QGuiApplication::clipboard()->clear();
}

void TestSecretsPane::cleanup()
{
    m_f.reset();
}

void TestSecretsPane::seed(const QString& name, const char* value, int rotationDays, qint64 expiresAtMs,
                           const QStringList& tags)
{
    service::ControlPlane::NewSecret spec;
    spec.name = name;
    spec.description = QStringLiteral("Seeded %1").arg(name);
    spec.tags = tags;
    spec.rotationDays = rotationDays;
    spec.expiresAtMs = expiresAtMs;
    QVERIFY(m_f->cp->createSecret(m_f->system, m_f->tenantA, m_f->w1, spec, test::secret(value)));
}

void TestSecretsPane::open(ui::SecretsPane& pane, ui::ConsoleBridge& bridge, const QString& user)
{
    pane.setClock(&m_f->clock);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), user));
    pane.resize(1100, 520);
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    ui::ConsoleScope w1;
    for (const ui::ConsoleScope& s : bridge.access().scopes) {
        if (s.workspaceId == m_f->w1)
            w1 = s;
    }
    QVERIFY2(!w1.workspaceId.isEmpty(), "W1 is not among the scopes the identity sees");
    bridge.setScope(w1);
    // secret.versions needs secrets.read in the workspace: enabled once the list and the permissions are in.
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.access().workspacePermissions.isEmpty() && !bridge.isBusy(), kAnswerMs);
}

void TestSecretsPane::select(ui::SecretsPane& pane, const QString& name)
{
    auto* table = pane.findChild<QTableView*>(QStringLiteral("secretTable"));
    QVERIFY(table);
    for (int r = 0; r < table->model()->rowCount(); ++r) {
        if (table->model()->index(r, ui::SecretModel::Name).data().toString() == name) {
            table->selectRow(r);
            return;
        }
    }
    QFAIL(qPrintable(QStringLiteral("no row for %1").arg(name)));
}

QAction* TestSecretsPane::action(ui::SecretsPane& pane, const char* name)
{
    return pane.findChild<QAction*>(QLatin1String(name));
}

void TestSecretsPane::modelsPassTheModelTester()
{
    ui::SecretModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setNow(m_f->clock.nowMs());
    secrets::Secret a;
    a.id = QStringLiteral("s1");
    a.name = QStringLiteral("db/prod/password");
    a.tags = {QStringLiteral("db"), QStringLiteral("prod")};
    a.ownerId = QStringLiteral("u1");
    a.currentVersion = 3;
    a.rotationDays = 30;
    a.nextRotationAtMs = m_f->clock.nowMs() - 1000;
    secrets::Secret b = a;
    b.id = QStringLiteral("s2");
    b.name = QStringLiteral("api/token");
    b.rotationDays = 0;
    b.nextRotationAtMs = 0;
    model.setSecrets({a, b});
    model.setOwnerNames({{QStringLiteral("u1"), QStringLiteral("alice")}});
    QCOMPARE(model.data(model.index(0, ui::SecretModel::Owner)).toString(), QStringLiteral("alice"));
    QCOMPARE(model.data(model.index(1, ui::SecretModel::Tags)).toString(), QStringLiteral("db, prod"));
    b.currentVersion = 4;
    model.putSecret(b);
    QCOMPARE(model.data(model.index(1, ui::SecretModel::Version), ui::SecretModel::SortRole).toInt(), 4);
    secrets::Secret c = a;
    c.id = QStringLiteral("s3");
    model.putSecret(c);
    QCOMPARE(model.rowCount(), 3);
    model.removeSecret(QStringLiteral("s1"));
    QCOMPARE(model.rowCount(), 2);
    QCOMPARE(model.rowOfName(QStringLiteral("api/token")), 0);
    // Nothing due sorts after every date.
    QVERIFY(model.data(model.index(0, ui::SecretModel::RotationDue), ui::SecretModel::SortRole).toLongLong() >
            model.data(model.index(1, ui::SecretModel::RotationDue), ui::SecretModel::SortRole).toLongLong());
    model.clear();
    QCOMPARE(model.rowCount(), 0);

    ui::SecretVersionModel versions;
    QAbstractItemModelTester versionTester(&versions, QAbstractItemModelTester::FailureReportingMode::QtTest);
    secrets::SecretVersion v2{2, QStringLiteral("u1"), m_f->clock.nowMs(), 0};
    secrets::SecretVersion v1{1, QStringLiteral("u1"), m_f->clock.nowMs() - 1000, m_f->clock.nowMs()};
    versions.setVersions({v2, v1}, 2);
    versions.setCreatorNames({{QStringLiteral("u1"), QStringLiteral("alice")}});
    QCOMPARE(versions.rowCount(), 2);
    QCOMPARE(versions.data(versions.index(0, ui::SecretVersionModel::State)).toString(), QStringLiteral("Current"));
    QVERIFY(versions.data(versions.index(1, ui::SecretVersionModel::State)).toString().startsWith(u"Destroyed"));
    QCOMPARE(versions.data(versions.index(1, ui::SecretVersionModel::CreatedBy)).toString(), QStringLiteral("alice"));
    versions.clear();
    QCOMPARE(versions.rowCount(), 0);
}

void TestSecretsPane::overdueIsMarkedInWordsAndAnIconNotColourAlone()
{
    ui::SecretModel model;
    const qint64 now = m_f->clock.nowMs();
    const qint64 day = 24LL * 3600 * 1000;
    model.setNow(now);
    secrets::Secret overdue;
    overdue.id = QStringLiteral("o");
    overdue.name = QStringLiteral("overdue");
    overdue.rotationDays = 30;
    overdue.nextRotationAtMs = now - day;
    secrets::Secret soon = overdue;
    soon.id = QStringLiteral("s");
    soon.nextRotationAtMs = now + 3 * day;
    secrets::Secret later = overdue;
    later.id = QStringLiteral("l");
    later.nextRotationAtMs = now + 90 * day;
    secrets::Secret expired = later;
    expired.id = QStringLiteral("e");
    expired.expiresAtMs = now - day;
    model.setSecrets({overdue, soon, later, expired});
    const auto cell = [&](int row, int column, int role) {
        return model.data(model.index(row, column), role);
    };
    const int due = ui::SecretModel::RotationDue;
    QVERIFY2(cell(0, due, Qt::DisplayRole).toString().contains(u"Overdue"), qPrintable(cell(0, due, 0).toString()));
    QVERIFY(!cell(0, due, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(cell(0, due, Qt::ForegroundRole).isValid());
    QVERIFY2(cell(1, due, Qt::DisplayRole).toString().contains(u"in 3 day"), qPrintable(cell(1, due, 0).toString()));
    QVERIFY(!cell(1, due, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!cell(2, due, Qt::DisplayRole).toString().contains(u"Overdue"));
    QVERIFY(cell(2, due, Qt::DecorationRole).value<QIcon>().isNull());
    QVERIFY(!cell(2, due, Qt::ForegroundRole).isValid());
    QVERIFY(cell(3, ui::SecretModel::Expires, Qt::DisplayRole).toString().contains(u"Expired"));
    QVERIFY(!cell(3, ui::SecretModel::Expires, Qt::DecorationRole).value<QIcon>().isNull());
    QCOMPARE(model.dueState(expired), ui::SecretModel::DueState::Overdue);
    QCOMPARE(model.dueState(later), ui::SecretModel::DueState::Later);
}

void TestSecretsPane::createRevealAndCopyASecretThroughTheGui()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    pane.setClipboardClearMs(300);
    open(pane, bridge, QStringLiteral("alice"));
    const QString alice = bridge.identity().id;

    QAction* create = action(pane, "createSecretAction");
    QTRY_VERIFY(create->isEnabled());
    create->trigger();
    auto* dialog = pane.findChild<ui::SecretDialog*>(QStringLiteral("secretDialog"));
    QVERIFY(dialog);
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secretNameEdit")),
                     QStringLiteral("db/prod/password"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secretDescriptionEdit")),
                     QStringLiteral("The production database"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secretTagsEdit")), QStringLiteral("db, prod"));
    dialog->findChild<QSpinBox*>(QStringLiteral("secretRotationSpin"))->setValue(30);
    auto* valueInput = dialog->findChild<QLineEdit*>(QStringLiteral("secretValueInput"));
    QCOMPARE(valueInput->echoMode(), QLineEdit::Password);
    dialog->findChild<QCheckBox*>(QStringLiteral("showValueCheck"))->setChecked(true); // undo works when shown
    QTest::keyClicks(valueInput, QLatin1String(kCanary));
    QVERIFY(valueInput->isUndoAvailable());
    pressOk(dialog);
    // The typed value left the field, and its undo history, as it was sent.
    QVERIFY(valueInput->text().isEmpty());
    QVERIFY(!valueInput->isUndoAvailable());
    QTRY_VERIFY_WITH_TIMEOUT(pane.model()->rowOfName(QStringLiteral("db/prod/password")) >= 0, kAnswerMs);
    QTRY_VERIFY(!pane.findChild<ui::SecretDialog*>(QStringLiteral("secretDialog")));
    const int row = pane.model()->rowOfName(QStringLiteral("db/prod/password"));
    QCOMPARE(pane.model()->data(pane.model()->index(row, ui::SecretModel::Tags)).toString(),
             QStringLiteral("db, prod"));
    QCOMPARE(pane.model()->data(pane.model()->index(row, ui::SecretModel::Owner)).toString(), QStringLiteral("alice"));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.create"), {}));
    QVERIFY(!holds(pane, QLatin1String(kCanary)));

    // Reveal asks why first.
    select(pane, QStringLiteral("db/prod/password"));
    QAction* reveal = action(pane, "revealSecretAction");
    QVERIFY(reveal->isEnabled());
    reveal->trigger();
    auto* revealDialog = pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog"));
    QVERIFY(revealDialog);
    QTRY_VERIFY(revealDialog->isVisible());
    auto* revealButton = revealDialog->findChild<QPushButton*>(QStringLiteral("revealButton"));
    QVERIFY(!revealButton->isEnabled()); // no reason, no reveal
    QTest::keyClicks(revealDialog->findChild<QLineEdit*>(QStringLiteral("revealReasonEdit")),
                     QStringLiteral("incident 4711"));
    QVERIFY(revealButton->isEnabled());
    QTest::mouseClick(revealButton, Qt::LeftButton);
    auto* show = revealDialog->findChild<QToolButton*>(QStringLiteral("showSecretButton"));
    QTRY_VERIFY_WITH_TIMEOUT(show->isEnabled(), kAnswerMs);

    // Masked, with a mask that does not tell the length, until Show.
    auto* value = revealDialog->findChild<QLineEdit*>(QStringLiteral("secretValueEdit"));
    QVERIFY(!value->text().contains(QLatin1String(kCanary)));
    QCOMPARE(value->text().size(), 12);
    QVERIFY(!holds(pane, QLatin1String(kCanary)));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(value->text(), QLatin1String(kCanary));
    QVERIFY(value->isReadOnly());
    QVERIFY(!value->isUndoAvailable());
    QCOMPARE(value->accessibleName(), QStringLiteral("Secret value"));
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(value->text().size(), 12);
    QTest::mouseClick(show, Qt::LeftButton);
    QCOMPARE(value->text(), QLatin1String(kCanary));

    // On the record as alice's reveal, through the console, with her reason; the value is not in it.
    bool audited = false;
    for (const auto& e : test::auditEvents(*m_f, m_f->tenantA, QStringLiteral("secret.reveal"))) {
        audited |= e.actorId == alice && e.source == QLatin1String("gui") && e.outcome == QLatin1String("success") &&
                   e.details.value(QStringLiteral("reason")).toString() == QLatin1String("incident 4711");
        QVERIFY(!e.detailsJson.contains(kCanary));
    }
    QVERIFY(audited);

    // Copy: on the clipboard, marked as a secret, counted down, and gone after the (short) timeout.
    QTest::mouseClick(revealDialog->findChild<QPushButton*>(QStringLiteral("copySecretButton")), Qt::LeftButton);
    const QMimeData* mime = QGuiApplication::clipboard()->mimeData();
    QVERIFY(mime);
    QCOMPARE(mime->text(), QLatin1String(kCanary));
    QCOMPARE(mime->data(QStringLiteral("x-kde-passwordManagerHint")), QByteArray("secret"));
    auto* countdown = revealDialog->findChild<ui::ClipboardCountdown*>(QStringLiteral("clipboardCountdown"));
    QVERIFY(countdown->isVisible());
    QVERIFY2(countdown->text().contains(u"clears in"), qPrintable(countdown->text()));
    QTRY_VERIFY_WITH_TIMEOUT(QGuiApplication::clipboard()->text().isEmpty(), kAnswerMs);
    QTRY_VERIFY(!countdown->isVisible());

    // Ctrl+C in the field copies the same way (marked), never as plain text; Clear now empties it.
    value->setFocus();
    QTest::keySequence(value, QKeySequence::Copy);
    QCOMPARE(QGuiApplication::clipboard()->text(), QLatin1String(kCanary));
    QCOMPARE(QGuiApplication::clipboard()->mimeData()->data(QStringLiteral("x-kde-passwordManagerHint")),
             QByteArray("secret"));
    QVERIFY(countdown->isVisible());
    QTest::mouseClick(countdown->findChild<QPushButton*>(QStringLiteral("clearClipboardButton")), Qt::LeftButton);
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());

    // Something else copied meanwhile is left alone.
    QTest::mouseClick(revealDialog->findChild<QPushButton*>(QStringLiteral("copySecretButton")), Qt::LeftButton);
    QGuiApplication::clipboard()->setText(QStringLiteral("a note"));
    QTRY_VERIFY_WITH_TIMEOUT(!countdown->isVisible(), kAnswerMs);
    QCOMPARE(QGuiApplication::clipboard()->text(), QStringLiteral("a note"));

    // Closing takes the value out at once.
    QTest::keyClick(revealDialog, Qt::Key_Escape);
    QTRY_VERIFY(!pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog")));
    QVERIFY(!holds(pane, QLatin1String(kCanary)));
}

void TestSecretsPane::noWidgetOrModelHoldsTheValueAfterTheTimeout()
{
    seed(QStringLiteral("api/token"), kCanary);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    pane.setRevealClearMs(400);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    select(pane, QStringLiteral("api/token"));
    action(pane, "revealSecretAction")->trigger();
    auto* dialog = pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog"));
    QVERIFY(dialog);
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("revealReasonEdit")), QStringLiteral("audit check"));
    QTest::keyClick(dialog->findChild<QLineEdit*>(QStringLiteral("revealReasonEdit")), Qt::Key_Return);
    auto* field = dialog->findChild<ui::SecretValueField*>(QStringLiteral("secretValueField"));
    QSignalSpy cleared(field, &ui::SecretValueField::cleared); // emitted only when a value was held
    auto* show = dialog->findChild<QToolButton*>(QStringLiteral("showSecretButton"));
    QTRY_VERIFY_WITH_TIMEOUT(show->isEnabled() || cleared.count() > 0, kAnswerMs);
    QTest::mouseClick(show, Qt::LeftButton);

    // After the timeout nothing in the window's tree holds it: every text, every model's data.
    auto* note = dialog->findChild<QLabel*>(QStringLiteral("revealNote"));
    QTRY_COMPARE_WITH_TIMEOUT(cleared.count(), 1, kAnswerMs);
    QVERIFY(note->text().contains(u"cleared"));
    QVERIFY(dialog->isVisible());
    QVERIFY(!holds(pane, QLatin1String(kCanary)));
    QVERIFY(!show->isEnabled());
    QVERIFY(!dialog->findChild<QPushButton*>(QStringLiteral("copySecretButton"))->isEnabled());
}

void TestSecretsPane::lockTakesTheValueOutOfTheWindowAndOffTheClipboard()
{
    seed(QStringLiteral("api/token"), kCanary);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    select(pane, QStringLiteral("api/token"));
    action(pane, "revealSecretAction")->trigger();
    auto* dialog = pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog"));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("revealReasonEdit")), QStringLiteral("deploy"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("revealButton")), Qt::LeftButton);
    auto* copy = dialog->findChild<QPushButton*>(QStringLiteral("copySecretButton"));
    QTRY_VERIFY_WITH_TIMEOUT(copy->isEnabled(), kAnswerMs);
    QTest::mouseClick(dialog->findChild<QToolButton*>(QStringLiteral("showSecretButton")), Qt::LeftButton);
    QTest::mouseClick(copy, Qt::LeftButton);
    QCOMPARE(QGuiApplication::clipboard()->text(), QLatin1String(kCanary));
    QVERIFY(holds(pane, QLatin1String(kCanary)));

    bridge.lock();
    QVERIFY(QGuiApplication::clipboard()->text().isEmpty());
    QVERIFY(!holds(pane, QLatin1String(kCanary)));
    QCOMPARE(pane.model()->rowCount(), 0);
    QTRY_VERIFY(!pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog")));
}

void TestSecretsPane::securityReviewerSeesMetadataWithEveryWriteActionDisabled()
{
    seed(QStringLiteral("db/prod/password"), kCanary, 30, 0, {QStringLiteral("db")});
    QVERIFY(!m_f->addUser(m_f->tenantA, QStringLiteral("rita"), authz::builtin::kSecurityReviewer).isEmpty());
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("rita"));
    // secrets.read: the metadata is listed, and the versions can be looked at.
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    select(pane, QStringLiteral("db/prod/password"));
    QTRY_VERIFY(action(pane, "versionsAction")->isEnabled());
    QCOMPARE(pane.model()->data(pane.model()->index(0, ui::SecretModel::Tags)).toString(), QStringLiteral("db"));
    QVERIFY(action(pane, "dueOnlyAction")->isEnabled());
    for (const char* name : {"createSecretAction", "newVersionAction", "markRotatedAction", "deleteSecretAction",
                             "undeleteSecretAction"}) {
        QAction* a = action(pane, name);
        QVERIFY2(a && !a->isEnabled(), name);
        QVERIFY2(a->toolTip().contains(QLatin1String("secrets.write")), qPrintable(a->toolTip()));
        auto* button = pane.findChild<QToolButton*>(QLatin1String(name) + QStringLiteral("Button"));
        QVERIFY2(button && !button->isEnabled(), name);
        QVERIFY2(!button->accessibleName().isEmpty(), name);
    }
    QAction* reveal = action(pane, "revealSecretAction");
    QVERIFY(!reveal->isEnabled());
    QVERIFY2(reveal->toolTip().contains(QLatin1String("secrets.reveal")), qPrintable(reveal->toolTip()));

    // The versions dialog shows the list, and its restore and destroy say why they are off.
    action(pane, "versionsAction")->trigger();
    auto* versions = pane.findChild<ui::SecretVersionsDialog*>(QStringLiteral("secretVersionsDialog"));
    QVERIFY(versions);
    QTRY_COMPARE_WITH_TIMEOUT(versions->model()->rowCount(), 1, kAnswerMs);
    for (const char* name : {"restoreVersionButton", "destroyVersionButton"}) {
        auto* button = versions->findChild<QPushButton*>(QLatin1String(name));
        QVERIFY2(!button->isEnabled(), name);
        QVERIFY2(button->toolTip().contains(QLatin1String("secrets.write")), qPrintable(button->toolTip()));
    }
    QVERIFY(!holds(pane, QLatin1String(kCanary)));

    // The control plane refuses her a reveal too: the console gives her nothing the API would not.
    QVERIFY(!m_f->cp->revealSecret(m_f->signIn(QStringLiteral("acme"), QStringLiteral("rita")), m_f->tenantA, m_f->w1,
                                   QStringLiteral("db/prod/password"), 0, QStringLiteral("curious")));
}

void TestSecretsPane::newVersionThenRestoreAndDestroyAnEarlierOne()
{
    seed(QStringLiteral("api/token"), "first-value");
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    select(pane, QStringLiteral("api/token"));
    QAction* newVersion = action(pane, "newVersionAction");
    QVERIFY(newVersion->isEnabled());
    newVersion->trigger();
    auto* dialog = pane.findChild<ui::SecretDialog*>(QStringLiteral("secretDialog"));
    QVERIFY(dialog);
    QVERIFY(!dialog->findChild<QLineEdit*>(QStringLiteral("secretNameEdit")));
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("secretValueInput")), QStringLiteral("second-value"));
    pressOk(dialog);
    const auto version = [&pane]() {
        return pane.model()->data(pane.model()->index(0, ui::SecretModel::Version), ui::SecretModel::SortRole).toInt();
    };
    QTRY_COMPARE_WITH_TIMEOUT(version(), 2, kAnswerMs);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.update"), {}));

    action(pane, "versionsAction")->trigger();
    auto* versions = pane.findChild<ui::SecretVersionsDialog*>(QStringLiteral("secretVersionsDialog"));
    QVERIFY(versions);
    QTRY_COMPARE_WITH_TIMEOUT(versions->model()->rowCount(), 2, kAnswerMs);
    auto* restore = versions->findChild<QPushButton*>(QStringLiteral("restoreVersionButton"));
    auto* destroy = versions->findChild<QPushButton*>(QStringLiteral("destroyVersionButton"));
    // The current version has nothing to restore or destroy.
    QVERIFY(versions->selectVersion(2));
    QVERIFY(!restore->isEnabled());
    QVERIFY(!destroy->isEnabled());
    QVERIFY(versions->selectVersion(1));
    QVERIFY(restore->isEnabled());
    QTest::mouseClick(restore, Qt::LeftButton);
    QTRY_COMPARE_WITH_TIMEOUT(version(), 3, kAnswerMs);
    QTRY_COMPARE_WITH_TIMEOUT(versions->model()->rowCount(), 3, kAnswerMs);
    auto current = m_f->cp->revealSecret(m_f->system, m_f->tenantA, m_f->w1, QStringLiteral("api/token"), 0,
                                         QStringLiteral("test"));
    QVERIFY(current);
    QCOMPARE(current.value().view(), QByteArrayView("first-value"));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.restore"), {}));

    // Destroy version 2, after saying yes.
    QVERIFY(versions->selectVersion(2));
    QVERIFY(destroy->isEnabled());
    QTest::mouseClick(destroy, Qt::LeftButton);
    confirmYes(*versions);
    const auto destroyed = [versions]() {
        for (int r = 0; r < versions->model()->rowCount(); ++r) {
            const QModelIndex i = versions->model()->index(r, 0);
            if (i.data(ui::SecretVersionModel::VersionRole).toInt() == 2)
                return i.data(ui::SecretVersionModel::DestroyedRole).toBool();
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(destroyed(), kAnswerMs);
    QVERIFY(!m_f->cp->revealSecret(m_f->system, m_f->tenantA, m_f->w1, QStringLiteral("api/token"), 2,
                                   QStringLiteral("test")));
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.version.destroy"), {}));
    // A destroyed version has nothing left to restore.
    QVERIFY(versions->selectVersion(2));
    QVERIFY(!restore->isEnabled());
}

void TestSecretsPane::deleteAndUndelete()
{
    seed(QStringLiteral("api/token"), "value");
    seed(QStringLiteral("db/password"), "value");
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 2, kAnswerMs);
    select(pane, QStringLiteral("api/token"));
    QAction* del = action(pane, "deleteSecretAction");
    QVERIFY(del->isEnabled());
    del->trigger();
    confirmYes(pane);
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    QVERIFY(pane.message().contains(u"Deleted api/token"));
    QCOMPARE(m_f->cp->listSecrets(m_f->system, m_f->tenantA, m_f->w1).value().size(), 1);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.delete"), {}));

    // Undelete offers the name just deleted.
    QAction* undelete = action(pane, "undeleteSecretAction");
    QVERIFY(undelete->isEnabled());
    undelete->trigger();
    auto* ask = pane.findChild<QInputDialog*>(QStringLiteral("undeleteDialog"));
    QVERIFY(ask);
    QTRY_VERIFY(ask->isVisible());
    QCOMPARE(ask->textValue(), QStringLiteral("api/token"));
    ask->accept();
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 2, kAnswerMs);
    QVERIFY(pane.model()->rowOfName(QStringLiteral("api/token")) >= 0);
    QCOMPARE(m_f->cp->listSecrets(m_f->system, m_f->tenantA, m_f->w1).value().size(), 2);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.undelete"), {}));
}

void TestSecretsPane::dueOnlyListsWhatIsDue()
{
    const qint64 day = 24LL * 3600 * 1000;
    seed(QStringLiteral("rotates/daily"), "v", 1);
    seed(QStringLiteral("rotates/yearly"), "v", 365);
    seed(QStringLiteral("expires/soon"), "v", 0, m_f->clock.nowMs() + 5 * day);
    seed(QStringLiteral("never"), "v");
    m_f->clock.advanceMs(2 * day); // the daily one is overdue; the expiry is 3 days away
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 4, kAnswerMs);
    QAction* due = action(pane, "dueOnlyAction");
    QVERIFY(due->isEnabled());
    due->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 2, kAnswerMs);
    const int daily = pane.model()->rowOfName(QStringLiteral("rotates/daily"));
    QVERIFY(daily >= 0);
    QVERIFY(pane.model()->rowOfName(QStringLiteral("expires/soon")) >= 0);
    QVERIFY(
        pane.model()->data(pane.model()->index(daily, ui::SecretModel::RotationDue)).toString().contains(u"Overdue"));

    // Marked rotated, it leaves the due list.
    select(pane, QStringLiteral("rotates/daily"));
    QAction* rotated = action(pane, "markRotatedAction");
    QVERIFY(rotated->isEnabled());
    rotated->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    QVERIFY(test::hasGuiEvent(*m_f, m_f->tenantA, QStringLiteral("secret.rotated"), {}));
    // Nothing to mark on a secret without a rotation period.
    select(pane, QStringLiteral("expires/soon"));
    QVERIFY(!rotated->isEnabled());

    due->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 4, kAnswerMs);
}

void TestSecretsPane::withoutAWorkspaceThePaneAsksForOne()
{
    seed(QStringLiteral("api/token"), "v");
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    pane.show();
    QVERIFY(QTest::qWaitForWindowExposed(&pane));
    QVERIFY(bridge.scope().workspaceId.isEmpty());
    auto* hint = pane.findChild<QLabel*>(QStringLiteral("secretsHint"));
    QTRY_VERIFY(hint->isVisible());
    QVERIFY(!action(pane, "createSecretAction")->isEnabled());
    QCOMPARE(pane.model()->rowCount(), 0);
    auto* picker = pane.findChild<QComboBox*>(QStringLiteral("secretWorkspacePicker"));
    const int production = picker->findData(m_f->w1);
    QVERIFY(production > 0);
    picker->setCurrentIndex(production);
    emit picker->activated(production);
    QCOMPARE(bridge.scope().workspaceId, m_f->w1);
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(action(pane, "createSecretAction")->isEnabled(), kAnswerMs);
    QVERIFY(!hint->isVisible());
    // The other workspace has its own secrets (none).
    picker->setCurrentIndex(picker->findData(m_f->w2));
    emit picker->activated(picker->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 0, kAnswerMs);
}

void TestSecretsPane::refusalIsShownNotSwallowed()
{
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    // Undelete of a name that was never deleted: the control plane's words, in the message line.
    QAction* undelete = action(pane, "undeleteSecretAction");
    QTRY_VERIFY(undelete->isEnabled());
    undelete->trigger();
    auto* ask = pane.findChild<QInputDialog*>(QStringLiteral("undeleteDialog"));
    QVERIFY(ask);
    ask->setTextValue(QStringLiteral("no/such/secret"));
    ask->accept();
    auto* message = pane.findChild<QLabel*>(QStringLiteral("secretsMessage"));
    QTRY_VERIFY_WITH_TIMEOUT(message->isVisible(), kAnswerMs);
    auto direct = m_f->cp->undeleteSecret(m_f->system, m_f->tenantA, m_f->w1, QStringLiteral("no/such/secret"));
    QVERIFY(!direct);
    QCOMPARE(message->text(), direct.error().message);
}

void TestSecretsPane::theMainWindowShowsThePane()
{
    seed(QStringLiteral("api/token"), "v", 30, 0, {QStringLiteral("api")});
    ui::ConsoleBridge bridge(*m_f->cp);
    QVERIFY(test::signInBridge(bridge, QStringLiteral("acme"), QStringLiteral("alice")));
    ui::MainWindow window(bridge);
    window.resize(1280, 640);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    window.showPage(ui::MainWindow::Page::Secrets);
    auto* pane = window.findChild<ui::SecretsPane*>(QStringLiteral("secretsPane"));
    QVERIFY(pane);
    QTRY_VERIFY(pane->isVisible());
    pane->setClock(&m_f->clock);
    // The shell's scope selector and the pane's picker are the same scope.
    auto* scopes = window.findChild<QComboBox*>(QStringLiteral("scopeSelector"));
    QVERIFY(scopes);
    auto* picker = pane->findChild<QComboBox*>(QStringLiteral("secretWorkspacePicker"));
    QTRY_VERIFY(picker->findData(m_f->w1) > 0);
    picker->setCurrentIndex(picker->findData(m_f->w1));
    emit picker->activated(picker->currentIndex());
    QTRY_COMPARE_WITH_TIMEOUT(pane->model()->rowCount(), 1, kAnswerMs);
    QTRY_VERIFY_WITH_TIMEOUT(!bridge.isBusy(), kAnswerMs);
    QVERIFY2(scopes->currentText().contains(u"Production"), qPrintable(scopes->currentText()));
    shot(window, "secrets-window");
}

namespace {

// The controls of `root` (and its dialogs) that a screen reader would announce without a name.
QStringList unnamedControls(QWidget& root)
{
    QStringList out;
    for (QWidget* w : root.findChildren<QWidget*>()) {
        if (w->objectName().startsWith(QLatin1String("qt_")) || !w->isVisibleTo(w->window()))
            continue;
        const bool control = qobject_cast<QAbstractButton*>(w) || qobject_cast<QLineEdit*>(w) ||
                             qobject_cast<QComboBox*>(w) || qobject_cast<QAbstractSpinBox*>(w) ||
                             qobject_cast<QAbstractItemView*>(w);
        // A part of another control (a spin box's line edit, a combo box's list, a table's header) is named by
        // the control it belongs to.
        bool part = false;
        for (QWidget* p = w->parentWidget(); p && p != &root; p = p->parentWidget())
            part |= qobject_cast<QAbstractSpinBox*>(p) || qobject_cast<QComboBox*>(p) ||
                    qobject_cast<QAbstractItemView*>(p);
        if (!control || part)
            continue;
        if (w->accessibleName().isEmpty())
            out << QStringLiteral("%1 (%2)").arg(w->objectName(), QLatin1String(w->metaObject()->className()));
    }
    return out;
}

} // namespace

void TestSecretsPane::everyControlHasAnAccessibleName()
{
    seed(QStringLiteral("api/token"), "v", 30);
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 1, kAnswerMs);
    select(pane, QStringLiteral("api/token"));
    QVERIFY2(unnamedControls(pane).isEmpty(), qPrintable(unnamedControls(pane).join(u", ")));

    action(pane, "createSecretAction")->trigger();
    auto* create = pane.findChild<ui::SecretDialog*>(QStringLiteral("secretDialog"));
    QTRY_VERIFY(create->isVisible());
    QVERIFY2(unnamedControls(*create).isEmpty(), qPrintable(unnamedControls(*create).join(u", ")));
    create->reject();
    QTRY_VERIFY(!pane.findChild<ui::SecretDialog*>(QStringLiteral("secretDialog")));

    action(pane, "versionsAction")->trigger();
    auto* versions = pane.findChild<ui::SecretVersionsDialog*>(QStringLiteral("secretVersionsDialog"));
    QTRY_VERIFY(versions->isVisible());
    QVERIFY2(unnamedControls(*versions).isEmpty(), qPrintable(unnamedControls(*versions).join(u", ")));
    versions->reject();
    QTRY_VERIFY(!pane.findChild<ui::SecretVersionsDialog*>(QStringLiteral("secretVersionsDialog")));

    action(pane, "revealSecretAction")->trigger();
    auto* reveal = pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog"));
    QTRY_VERIFY(reveal->isVisible());
    QTest::keyClicks(reveal->findChild<QLineEdit*>(QStringLiteral("revealReasonEdit")), QStringLiteral("check"));
    QTest::mouseClick(reveal->findChild<QPushButton*>(QStringLiteral("revealButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(reveal->findChild<QPushButton*>(QStringLiteral("copySecretButton"))->isEnabled(),
                             kAnswerMs);
    QTest::mouseClick(reveal->findChild<QPushButton*>(QStringLiteral("copySecretButton")), Qt::LeftButton);
    QVERIFY2(unnamedControls(*reveal).isEmpty(), qPrintable(unnamedControls(*reveal).join(u", ")));
}

void TestSecretsPane::searchFiltersAndColumnsSort()
{
    seed(QStringLiteral("db/prod/password"), "v", 90, 0, {QStringLiteral("database")});
    seed(QStringLiteral("db/dev/password"), "v", 7, 0, {QStringLiteral("database")});
    seed(QStringLiteral("api/token"), "v", 30, 0, {QStringLiteral("api")});
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 3, kAnswerMs);
    auto* table = pane.findChild<QTableView*>(QStringLiteral("secretTable"));
    const auto first = [table]() {
        return table->model()->index(0, ui::SecretModel::Name).data().toString();
    };
    QCOMPARE(first(), QStringLiteral("api/token"));
    // Rotation due sorts by date, not by the text shown.
    table->sortByColumn(ui::SecretModel::RotationDue, Qt::AscendingOrder);
    QCOMPARE(first(), QStringLiteral("db/dev/password"));
    table->sortByColumn(ui::SecretModel::RotationDue, Qt::DescendingOrder);
    QCOMPARE(first(), QStringLiteral("db/prod/password"));
    // The search matches tags as well as names.
    QTest::keyClicks(pane.findChild<QLineEdit*>(QStringLiteral("secretSearch")), QStringLiteral("DATABASE"));
    QCOMPARE(table->model()->rowCount(), 2);
    pane.findChild<QLineEdit*>(QStringLiteral("secretSearch"))->clear();
    QTest::keyClicks(pane.findChild<QLineEdit*>(QStringLiteral("secretSearch")), QStringLiteral("token"));
    QCOMPARE(table->model()->rowCount(), 1);
    QCOMPARE(first(), QStringLiteral("api/token"));
}

void TestSecretsPane::screenshot()
{
    if (qEnvironmentVariableIsEmpty("GATEHOUSE_SCREENSHOT_DIR"))
        QSKIP("set GATEHOUSE_SCREENSHOT_DIR to render the pane");
    const qint64 day = 24LL * 3600 * 1000;
    seed(QStringLiteral("db/prod/password"), kCanary, 30, 0, {QStringLiteral("database"), QStringLiteral("prod")});
    seed(QStringLiteral("api/payments/token"), "v", 7, 0, {QStringLiteral("api")});
    seed(QStringLiteral("tls/edge/private-key"), "v", 0, m_f->clock.nowMs() + 5 * day, {QStringLiteral("tls")});
    seed(QStringLiteral("ci/deploy-key"), "v", 90);
    seed(QStringLiteral("smtp/relay"), "v", 0, m_f->clock.nowMs() + 400 * day, {QStringLiteral("mail")});
    m_f->clock.advanceMs(10 * day); // the weekly token is overdue; the TLS key has expired
    ui::ConsoleBridge bridge(*m_f->cp);
    ui::SecretsPane pane(bridge);
    open(pane, bridge, QStringLiteral("alice"));
    QTRY_COMPARE_WITH_TIMEOUT(pane.model()->rowCount(), 5, kAnswerMs);
    select(pane, QStringLiteral("db/prod/password"));
    shot(pane, "secrets-pane");
    {
        // The due and overdue marks must read on a dark palette as well.
        const QPalette light = QApplication::palette();
        QApplication::setStyle(QStringLiteral("Fusion"));
        QPalette dark;
        dark.setColor(QPalette::Window, QColor(0x2b, 0x2b, 0x2b));
        dark.setColor(QPalette::WindowText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Base, QColor(0x1e, 0x1e, 0x1e));
        dark.setColor(QPalette::AlternateBase, QColor(0x26, 0x26, 0x26));
        dark.setColor(QPalette::Text, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::PlaceholderText, QColor(0x9a, 0x9a, 0x9a));
        dark.setColor(QPalette::Button, QColor(0x35, 0x35, 0x35));
        dark.setColor(QPalette::ButtonText, QColor(0xe6, 0xe6, 0xe6));
        dark.setColor(QPalette::Highlight, QColor(0x2f, 0x6f, 0xb0));
        dark.setColor(QPalette::HighlightedText, Qt::white);
        QApplication::setPalette(dark);
        shot(pane, "secrets-pane-dark");
        QApplication::setPalette(light);
    }

    action(pane, "revealSecretAction")->trigger();
    auto* dialog = pane.findChild<ui::SecretRevealDialog*>(QStringLiteral("secretRevealDialog"));
    QTRY_VERIFY(dialog->isVisible());
    QTest::keyClicks(dialog->findChild<QLineEdit*>(QStringLiteral("revealReasonEdit")),
                     QStringLiteral("rotating the database password"));
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("revealButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->findChild<QPushButton*>(QStringLiteral("copySecretButton"))->isEnabled(),
                             kAnswerMs);
    shot(*dialog, "secrets-reveal-masked");
    QTest::mouseClick(dialog->findChild<QPushButton*>(QStringLiteral("copySecretButton")), Qt::LeftButton);
    QTest::mouseClick(dialog->findChild<QToolButton*>(QStringLiteral("showSecretButton")), Qt::LeftButton);
    shot(*dialog, "secrets-reveal-shown");
    dialog->reject();

    action(pane, "versionsAction")->trigger();
    auto* versions = pane.findChild<ui::SecretVersionsDialog*>(QStringLiteral("secretVersionsDialog"));
    QTRY_COMPARE_WITH_TIMEOUT(versions->model()->rowCount(), 1, kAnswerMs);
    shot(*versions, "secrets-versions");
    versions->reject();

    action(pane, "createSecretAction")->trigger();
    auto* create = pane.findChild<ui::SecretDialog*>(QStringLiteral("secretDialog"));
    QTRY_VERIFY(create->isVisible());
    shot(*create, "secrets-new");
}

QTEST_MAIN(TestSecretsPane)
#include "TestSecretsPane.moc"
