#include "models/UserModel.h"

#include <QAbstractItemModelTester>
#include <QSortFilterProxyModel>
#include <QtTest>

using namespace gatehouse;

class TestUserModel : public QObject
{
    Q_OBJECT
private slots:
    void modelStaysConsistent();
    void columnsShowWhatTheControlPlaneSaid_data();
    void columnsShowWhatTheControlPlaneSaid();
    void searchAndSortThroughAProxy();
    void aLongListArrivesInSlices();
};

namespace {

identity::User user(const char* id, const char* name, const char* status = "active", bool mfa = false)
{
    identity::User u;
    u.id = QLatin1String(id);
    u.username = QLatin1String(name);
    u.displayName = QString::fromLatin1(name).toUpper();
    u.email = QLatin1String(name) + QStringLiteral("@example.org");
    u.status = QLatin1String(status);
    u.mfaEnabled = mfa;
    u.createdAtMs = 1'700'000'000'000;
    return u;
}

} // namespace

void TestUserModel::modelStaysConsistent()
{
    ui::UserModel model;
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setUsers({user("usr_1", "alice"), user("usr_2", "bob", "locked")});
    QCOMPARE(model.rowCount(), 2);
    model.putUser(user("usr_3", "carol"));
    QCOMPARE(model.rowCount(), 3);
    model.putUser(user("usr_2", "bob", "active"));
    QCOMPARE(model.rowCount(), 3);
    QCOMPARE(model.data(model.index(1, ui::UserModel::Status), ui::UserModel::StatusRole).toString(),
             QStringLiteral("active"));
    QCOMPARE(model.rowOf(QStringLiteral("usr_3")), 2);
    QCOMPARE(model.rowOf(QStringLiteral("nope")), -1);
    QVERIFY(!model.userAt(3));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
    model.setUsers({});
}

void TestUserModel::columnsShowWhatTheControlPlaneSaid_data()
{
    QTest::addColumn<QString>("status");
    QTest::addColumn<bool>("mfa");
    QTest::addColumn<QString>("statusText");
    QTest::addColumn<QString>("mfaText");
    QTest::newRow("active") << "active" << true << "Active"
                            << "On";
    QTest::newRow("locked") << "locked" << false << "Locked"
                            << "Off";
    QTest::newRow("disabled") << "disabled" << false << "Disabled"
                              << "Off";
}

void TestUserModel::columnsShowWhatTheControlPlaneSaid()
{
    QFETCH(QString, status);
    QFETCH(bool, mfa);
    QFETCH(QString, statusText);
    QFETCH(QString, mfaText);
    ui::UserModel model;
    model.setUsers({user("usr_1", "alice", qPrintable(status), mfa)});
    const auto text = [&model](int column) {
        return model.data(model.index(0, column)).toString();
    };
    QCOMPARE(text(ui::UserModel::Username), QStringLiteral("alice"));
    QCOMPARE(text(ui::UserModel::DisplayName), QStringLiteral("ALICE"));
    QCOMPARE(text(ui::UserModel::Email), QStringLiteral("alice@example.org"));
    QCOMPARE(text(ui::UserModel::Status), statusText);
    QCOMPARE(text(ui::UserModel::TwoFactor), mfaText);
    QCOMPARE(model.data(model.index(0, 0), ui::UserModel::IdRole).toString(), QStringLiteral("usr_1"));
    QCOMPARE(model.headerData(ui::UserModel::Status, Qt::Horizontal).toString(), QStringLiteral("Status"));
}

void TestUserModel::searchAndSortThroughAProxy()
{
    ui::UserModel model;
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.setSortRole(ui::UserModel::SortRole);
    proxy.setFilterKeyColumn(-1);
    proxy.setFilterCaseSensitivity(Qt::CaseInsensitive);
    model.setUsers({user("usr_1", "zoe"), user("usr_2", "Adam"), user("usr_3", "mia", "locked")});
    proxy.sort(ui::UserModel::Username);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("Adam"));
    QCOMPARE(proxy.index(2, 0).data().toString(), QStringLiteral("zoe"));
    proxy.setFilterFixedString(QStringLiteral("LOCKED"));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data().toString(), QStringLiteral("mia"));
    model.putUser(user("usr_4", "max", "locked"));
    QCOMPARE(proxy.rowCount(), 2);
}

// 2,500 rows go in as 1,000 now and the rest on later event-loop turns, in order, through a sorting proxy; a new
// list meanwhile replaces the old one entirely, and an edit meanwhile applies to the whole list.
void TestUserModel::aLongListArrivesInSlices()
{
    ui::UserModel model;
    QSortFilterProxyModel proxy;
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    proxy.setSourceModel(&model);
    proxy.sort(ui::UserModel::Username);
    QSignalSpy loaded(&model, &ui::UserModel::loaded);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    const auto many = [](int n, const char* prefix) {
        QList<identity::User> users;
        for (int i = 0; i < n; ++i) {
            const QByteArray id = QByteArray(prefix) + QByteArray::number(i);
            users.append(user(id.constData(), id.constData()));
        }
        return users;
    };

    model.setUsers(many(2500, "a"));
    QCOMPARE(model.rowCount(), ui::SlicedTableModel::kSliceRows);
    QVERIFY(model.isLoading());
    QCOMPARE(loaded.count(), 0);
    QTRY_COMPARE(loaded.count(), 1);
    QCOMPARE(model.rowCount(), 2500);
    QCOMPARE(proxy.rowCount(), 2500);
    QCOMPARE(inserted.count(), 3);
    for (int i = 0; i < 2500; ++i)
        QCOMPARE(model.userAt(i)->id, QStringLiteral("a%1").arg(i));

    // A second list while the first is still coming: only the second is shown.
    model.setUsers(many(2500, "b"));
    model.setUsers(many(1500, "c"));
    QTRY_COMPARE(loaded.count(), 2);
    QCOMPARE(model.rowCount(), 1500);
    QCOMPARE(model.userAt(1499)->id, QStringLiteral("c1499"));
    QCoreApplication::processEvents();
    QCOMPARE(model.rowCount(), 1500);

    // An edit while rows are queued takes the rest in first and applies to the row wherever it is.
    model.setUsers(many(2500, "d"));
    QVERIFY(model.isLoading());
    model.putUser(user("d2400", "renamed"));
    QVERIFY(!model.isLoading());
    QCOMPARE(model.rowCount(), 2500);
    QCOMPARE(model.userAt(2400)->username, QStringLiteral("renamed"));
    model.clear();
    QCOMPARE(model.rowCount(), 0);
}

QTEST_MAIN(TestUserModel)
#include "TestUserModel.moc"
