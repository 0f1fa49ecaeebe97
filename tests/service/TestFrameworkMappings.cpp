// The catalog's framework mappings name only ids of the published standards (the list in resources/), and every
// control belongs to one of the source text's evidence domains.
#include "boundaries/Catalog.h"
#include "boundaries/FrameworkIds.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QtTest>

using namespace gatehouse;
using boundaries::Catalog;
using boundaries::FrameworkIds;

namespace {

QByteArray builtinCatalogJson()
{
    QFile f(QStringLiteral(":/boundaries/catalog.json"));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// The built-in catalog with `id` added to the first control's list of `standard`.
QByteArray withInventedId(const char* standard, const QString& id)
{
    QJsonObject root = QJsonDocument::fromJson(builtinCatalogJson()).object();
    QJsonArray boundaries = root.value(QStringLiteral("boundaries")).toArray();
    QJsonObject b = boundaries.at(0).toObject();
    QJsonArray controls = b.value(QStringLiteral("controls")).toArray();
    QJsonObject c = controls.at(0).toObject();
    QJsonObject fw = c.value(QStringLiteral("frameworks")).toObject();
    QJsonArray ids = fw.value(QLatin1String(standard)).toArray();
    ids.append(id);
    fw.insert(QLatin1String(standard), ids);
    c.insert(QStringLiteral("frameworks"), fw);
    controls.replace(0, c);
    b.insert(QStringLiteral("controls"), controls);
    boundaries.replace(0, b);
    root.insert(QStringLiteral("boundaries"), boundaries);
    return QJsonDocument(root).toJson();
}

} // namespace

class TestFrameworkMappings : public QObject
{
    Q_OBJECT
private slots:
    void everyMappedIdIsListed();
    void anInventedIdIsCaught_data();
    void anInventedIdIsCaught();
    void mappingsAreRead();
    void everyControlHasAnEvidenceDomainOfTheSource();
};

void TestFrameworkMappings::everyMappedIdIsListed()
{
    const QStringList unknown = FrameworkIds::builtin().unknownIn(Catalog::builtin());
    QVERIFY2(unknown.isEmpty(), qPrintable(unknown.join(QStringLiteral("\n"))));
}

void TestFrameworkMappings::anInventedIdIsCaught_data()
{
    QTest::addColumn<QString>("standard");
    QTest::addColumn<QString>("id");
    QTest::newRow("ASVS chapter that does not exist") << "asvs_4_0_3"
                                                      << "V99.1.1";
    QTest::newRow("ASVS id written without its V") << "asvs_4_0_3"
                                                   << "3.3.1";
    QTest::newRow("ASVS 5.0 numbering") << "asvs_4_0_3"
                                        << "V7.2.4";
    QTest::newRow("NIST family that does not exist") << "nist_800_53_r5"
                                                     << "ZZ-1";
    QTest::newRow("NIST zero-padded") << "nist_800_53_r5"
                                      << "AC-02";
    QTest::newRow("NIST enhancement not listed") << "nist_800_53_r5"
                                                 << "AU-9(99)";
}

void TestFrameworkMappings::anInventedIdIsCaught()
{
    QFETCH(QString, standard);
    QFETCH(QString, id);
    auto catalog = Catalog::fromJson(withInventedId(qPrintable(standard), id));
    QVERIFY(catalog);
    const QStringList unknown = FrameworkIds::builtin().unknownIn(catalog.value());
    QCOMPARE(unknown.size(), 1);
    QVERIFY2(unknown.first().endsWith(QLatin1Char(' ') + id), qPrintable(unknown.first()));
}

void TestFrameworkMappings::mappingsAreRead()
{
    const boundaries::Control* session = Catalog::builtin().control(QStringLiteral("identity.session-limits"));
    QVERIFY(session);
    QCOMPARE(session->asvs, (QStringList{QStringLiteral("V3.3.1"), QStringLiteral("V3.3.2")}));
    QCOMPARE(session->nist, QStringList{QStringLiteral("AC-12")});
    const boundaries::Control* chain = Catalog::builtin().control(QStringLiteral("monitoring.audit-chain"));
    QVERIFY(chain);
    QVERIFY(chain->nist.contains(QStringLiteral("AU-9")));
    QVERIFY(chain->nist.contains(QStringLiteral("AU-10")));
    QCOMPARE(FrameworkIds::builtin().nistTitle(QStringLiteral("AU-10")), QStringLiteral("Non-repudiation"));
}

void TestFrameworkMappings::everyControlHasAnEvidenceDomainOfTheSource()
{
    QStringList domains;
    for (const auto& d : Catalog::builtin().evidenceDomains())
        domains << d.name;
    QCOMPARE(domains.size(), 6);
    QSet<QString> used;
    for (const auto& b : Catalog::builtin().boundaries()) {
        for (const auto& c : b.controls) {
            QVERIFY2(domains.contains(c.evidenceDomain), qPrintable(c.id + QStringLiteral(": ") + c.evidenceDomain));
            used.insert(c.evidenceDomain);
        }
    }
    QCOMPARE(used.size(), domains.size());
}

QTEST_GUILESS_MAIN(TestFrameworkMappings)
#include "TestFrameworkMappings.moc"
