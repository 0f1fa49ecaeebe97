#pragma once

#include <QByteArray>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QString>
#include <QtTest>

namespace gatehouse::test {

// Records the API exchanges of a test run for the contract check (tests/contract/validate.mjs): when the
// environment names a file in GATEHOUSE_CONTRACT_LOG, each exchange is appended to it as one JSON line with the
// test it came from. The file is emptied at the first exchange of the process, so a run leaves only its own.
struct Exchange
{
    QByteArray method;
    QByteArray target; // path and query, as sent (percent-encoded)
    QByteArray requestContentType;
    QByteArray requestBody;
    int status = 0;
    QByteArray responseContentType;
    QByteArray responseBody;
    bool streamed = false; // the body was streamed (events, exports): only the status and type are recorded
};

inline void recordExchange(const Exchange& e)
{
    static const QString path = qEnvironmentVariable("GATEHOUSE_CONTRACT_LOG");
    if (path.isEmpty() || e.status == 0) // no answer at all (a refused connection) is no exchange
        return;
    static bool first = true;
    QFile file(path);
    if (!file.open(first ? QIODevice::WriteOnly | QIODevice::Truncate : QIODevice::WriteOnly | QIODevice::Append))
        qFatal("cannot write the contract log %s", qPrintable(path));
    first = false;
    QString test = QFileInfo(QString::fromLocal8Bit(QTest::currentAppName())).fileName() + QStringLiteral("::") +
                   QString::fromLatin1(QTest::currentTestFunction() ? QTest::currentTestFunction() : "-");
    if (QTest::currentDataTag())
        test += QLatin1Char('(') + QString::fromUtf8(QTest::currentDataTag()) + QLatin1Char(')');
    auto text = [](const QByteArray& bytes) {
        return QJsonValue(QString::fromUtf8(bytes));
    };
    QJsonObject line{{QStringLiteral("test"), test},
                     {QStringLiteral("method"), QString::fromLatin1(e.method)},
                     {QStringLiteral("target"), QString::fromUtf8(e.target)},
                     {QStringLiteral("status"), e.status},
                     {QStringLiteral("request_content_type"), text(e.requestContentType)},
                     {QStringLiteral("response_content_type"), text(e.responseContentType)},
                     {QStringLiteral("streamed"), e.streamed}};
    // Bodies as text: the checker parses what is JSON and says so when a JSON type does not parse.
    if (!e.requestBody.isEmpty())
        line.insert(QStringLiteral("request_body"), text(e.requestBody));
    if (!e.streamed && !e.responseBody.isEmpty())
        line.insert(QStringLiteral("response_body"), text(e.responseBody));
    file.write(QJsonDocument(line).toJson(QJsonDocument::Compact) + '\n');
}

} // namespace gatehouse::test
