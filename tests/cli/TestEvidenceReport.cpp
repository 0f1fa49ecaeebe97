// The signed evidence report as a reviewer receives it: `gatehoused evidence` writes the PDF or HTML, its detached
// signature and the public key; the real openssl binary verifies it and refuses it after one byte changed; the
// PDF's text (pdftotext) holds every evidence domain, control id and the checkpoint, and a page renders
// (pdftoppm); the HTML passes a strict parser and holds no script; names appear only with --with-names.
#include "TestSupport.h"
#include "boundaries/Catalog.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QtTest>

using namespace gatehouse;

namespace {

struct Run
{
    int exitCode = -1;
    QString out;
    QString err;
};

Run run(const QString& program, const QStringList& args)
{
    QProcess p;
    p.start(program, args);
    if (!p.waitForFinished(120'000)) {
        p.kill();
        p.waitForFinished();
    }
    Run r;
    r.exitCode = p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -2;
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

QString describe(const Run& r)
{
    return QStringLiteral("exit %1\nstdout: %2\nstderr: %3").arg(r.exitCode).arg(r.out, r.err);
}

#define EXPECT_EXIT(r, code) QVERIFY2((r).exitCode == (code), qPrintable(describe(r)))

QString squeezed(QString text)
{
    text.remove(QRegularExpression(QStringLiteral("\\s+")));
    return text;
}

// A strict reading of the HTML with Python's html.parser: every element closed in order (void elements aside), no
// script element, no event-handler attribute, no javascript: URL. Prints "ok" or what is wrong.
const char* kStrictHtml = R"py(
import sys
from html.parser import HTMLParser
VOID = {"meta", "br", "hr", "img", "input", "link", "col", "area", "base", "wbr", "source"}
class Strict(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []
        self.problems = []
    def handle_starttag(self, tag, attrs):
        if tag == "script":
            self.problems.append("script element")
        for k, v in attrs:
            if k.startswith("on"):
                self.problems.append("event handler " + k)
            if v and "javascript:" in v.lower():
                self.problems.append("javascript URL")
        if tag not in VOID:
            self.stack.append(tag)
    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID:
            self.stack.pop()
    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.problems.append("unexpected </%s> at %s (open: %s)" % (tag, self.getpos(), self.stack[-3:]))
        else:
            self.stack.pop()
p = Strict()
text = open(sys.argv[1], encoding="utf-8").read()
if not text.startswith("<!DOCTYPE html>"):
    p.problems.append("no doctype")
p.feed(text)
p.close()
if p.stack:
    p.problems.append("unclosed: %s" % p.stack)
print("ok" if not p.problems else "; ".join(p.problems))
)py";

} // namespace

class TestEvidenceReport : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();

    void pdfIsSignedAndVerifiesWithOpenssl();
    void oneChangedByteFailsVerification();
    void pdfTextHoldsEveryDomainControlAndTheCheckpoint();
    void aPageRenders();
    void htmlIsStrictAndScriptFree();
    void namesOnlyWhenAsked();
    void generatingIsAudited();
    void badArguments();

private:
    QString dir(const char* name) const { return m_tmp.filePath(QLatin1String(name)); }
    Run gatehoused(QStringList args) const { return run(QStringLiteral(GATEHOUSED_PATH), args); }
    Run evidence(const char* out, const QStringList& more = {}) const
    {
        return gatehoused(QStringList{QStringLiteral("evidence"), QStringLiteral("--data-dir"), dir("data"),
                                      QStringLiteral("--out"), dir(out)} +
                          more);
    }
    QTemporaryDir m_tmp;
    QString m_html; // the HTML report of initTestCase
};

void TestEvidenceReport::initTestCase()
{
    QVERIFY(m_tmp.isValid());
    QVERIFY(test::writeBytes(dir("admin-password"), "a sturdy admin passphrase\n"));
    const Run init = gatehoused({QStringLiteral("init"), QStringLiteral("--data-dir"), dir("data"),
                                 QStringLiteral("--key-provider"), QStringLiteral("file"), QStringLiteral("--key-file"),
                                 dir("master.key"), QStringLiteral("--admin-user"), QStringLiteral("rootadmin"),
                                 QStringLiteral("--admin-password-file"), dir("admin-password")});
    EXPECT_EXIT(init, 0);
    // Two runs of the checks, so the controls have a history to report.
    for (int i = 0; i < 2; ++i) {
        const Run b = gatehoused({QStringLiteral("boundaries"), QStringLiteral("--data-dir"), dir("data")});
        QVERIFY2(b.exitCode == 0 || b.exitCode == 10, qPrintable(describe(b)));
    }
    EXPECT_EXIT(evidence("report.pdf"), 0);
    EXPECT_EXIT(evidence("report.html"), 0);
    QFile html(dir("report.html"));
    QVERIFY(html.open(QIODevice::ReadOnly));
    m_html = QString::fromUtf8(html.readAll());
}

void TestEvidenceReport::pdfIsSignedAndVerifiesWithOpenssl()
{
    QFile pdf(dir("report.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    QVERIFY(pdf.read(5) == "%PDF-");
    QCOMPARE(QFileInfo(dir("report.pdf.sig")).size(), 64);
    const Run ok = run(QStringLiteral("openssl"),
                       {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"),
                        QStringLiteral("-inkey"), dir("report.pdf.pub.pem"), QStringLiteral("-rawin"),
                        QStringLiteral("-in"), dir("report.pdf"), QStringLiteral("-sigfile"), dir("report.pdf.sig")});
    EXPECT_EXIT(ok, 0);
    QVERIFY(ok.out.contains(QLatin1String("Signature Verified Successfully")));
    EXPECT_EXIT(gatehoused({QStringLiteral("evidence"), QStringLiteral("verify"), dir("report.pdf")}), 0);
    EXPECT_EXIT(gatehoused({QStringLiteral("evidence"), QStringLiteral("verify"), dir("report.html")}), 0);
}

void TestEvidenceReport::oneChangedByteFailsVerification()
{
    for (const char* ext : {".sig", ".pub.pem"})
        QVERIFY(QFile::copy(dir("report.pdf") + QLatin1String(ext), dir("changed.pdf") + QLatin1String(ext)));
    QFile in(dir("report.pdf"));
    QVERIFY(in.open(QIODevice::ReadOnly));
    QByteArray bytes = in.readAll();
    bytes[bytes.size() / 2] = char(bytes[bytes.size() / 2] ^ 0x01);
    QVERIFY(test::writeBytes(dir("changed.pdf"), bytes));
    const Run bad =
        run(QStringLiteral("openssl"),
            {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
             dir("changed.pdf.pub.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"), dir("changed.pdf"),
             QStringLiteral("-sigfile"), dir("changed.pdf.sig")});
    QVERIFY2(bad.exitCode != 0, qPrintable(describe(bad)));
    QVERIFY(bad.out.contains(QLatin1String("Signature Verification Failure")));
    const Run ours = gatehoused({QStringLiteral("evidence"), QStringLiteral("verify"), dir("changed.pdf")});
    EXPECT_EXIT(ours, 5);
    QVERIFY(ours.err.contains(QLatin1String("does not match")));
}

void TestEvidenceReport::pdfTextHoldsEveryDomainControlAndTheCheckpoint()
{
    const Run text = run(QStringLiteral("pdftotext"), {dir("report.pdf"), QStringLiteral("-")});
    EXPECT_EXIT(text, 0);
    const QString flat = squeezed(text.out);
    for (const auto& d : boundaries::Catalog::builtin().evidenceDomains())
        QVERIFY2(flat.contains(squeezed(d.name)), qPrintable(d.name));
    for (const auto& b : boundaries::Catalog::builtin().boundaries()) {
        for (const auto& c : b.controls)
            QVERIFY2(flat.contains(c.id), qPrintable(c.id));
    }
    // The cross-tenant self-probe reports like any control: this store has no tenant, so it says why it did not run.
    QVERIFY2(flat.contains(squeezed(QStringLiteral("application.tenant-isolation"))) &&
                 flat.contains(squeezed(QStringLiteral("fewer than two tenants (0): there is no"))),
             "the PDF holds no result of the self-probe");
    // The checkpoint the report states is a real signed one: the audit bundle exported afterwards holds it (checkpoints
    // are kept), with the same chain hash, and openssl verifies its signature with the report's key.
    const QRegularExpression stated(QStringLiteral("seq(\\d+)at.*Checkpointchainhash([0-9a-f]{64})"));
    const auto m = stated.match(flat);
    QVERIFY2(m.hasMatch(), "the PDF states no checkpoint");
    const QString seq = m.captured(1);
    const Run bundle =
        gatehoused({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--data-dir"), dir("data"),
                    QStringLiteral("--format"), QStringLiteral("bundle"), QStringLiteral("--out"), dir("bundle")});
    EXPECT_EXIT(bundle, 0);
    const QString msg = dir("bundle/checkpoints/") + seq + QStringLiteral(".msg");
    QFile message(msg);
    QVERIFY2(message.open(QIODevice::ReadOnly), qPrintable(msg));
    QVERIFY(message.readAll().contains("chain-hash: " + m.captured(2).toLatin1()));
    const Run sig =
        run(QStringLiteral("openssl"),
            {QStringLiteral("pkeyutl"), QStringLiteral("-verify"), QStringLiteral("-pubin"), QStringLiteral("-inkey"),
             dir("report.pdf.pub.pem"), QStringLiteral("-rawin"), QStringLiteral("-in"), msg,
             QStringLiteral("-sigfile"), dir("bundle/checkpoints/") + seq + QStringLiteral(".sig")});
    EXPECT_EXIT(sig, 0);
    QVERIFY(flat.contains(QLatin1String("intact")));
    QVERIFY(flat.contains(QLatin1String("openssl")));
}

void TestEvidenceReport::aPageRenders()
{
    const Run r = run(QStringLiteral("pdftoppm"), {QStringLiteral("-r"), QStringLiteral("50"), QStringLiteral("-f"),
                                                   QStringLiteral("1"), QStringLiteral("-l"), QStringLiteral("1"),
                                                   QStringLiteral("-png"), dir("report.pdf"), dir("page")});
    EXPECT_EXIT(r, 0);
    const QStringList pages = QDir(m_tmp.path()).entryList({QStringLiteral("page*.png")});
    QCOMPARE(pages.size(), 1);
    QVERIFY(QFileInfo(m_tmp.filePath(pages.first())).size() > 10'000);
}

void TestEvidenceReport::htmlIsStrictAndScriptFree()
{
    QVERIFY(test::writeBytes(dir("strict.py"), kStrictHtml));
    const Run r = run(QStringLiteral("python3"), {dir("strict.py"), dir("report.html")});
    EXPECT_EXIT(r, 0);
    QCOMPARE(r.out.trimmed(), QStringLiteral("ok"));
    QVERIFY(!m_html.contains(QLatin1String("<script"), Qt::CaseInsensitive));
    // The parser is not a formality: a report with a script in it is caught.
    QVERIFY(test::writeBytes(dir("bad.html"), (m_html.left(m_html.indexOf(QLatin1String("</body>"))) +
                                               QStringLiteral("<script>x()</script></body></html>"))
                                                  .toUtf8()));
    QVERIFY(run(QStringLiteral("python3"), {dir("strict.py"), dir("bad.html")}).out.contains(QLatin1String("script")));
}

void TestEvidenceReport::namesOnlyWhenAsked()
{
    QVERIFY(!m_html.contains(QLatin1String("rootadmin")));
    QVERIFY(m_html.contains(QLatin1String("Platform Owner")));
    EXPECT_EXIT(evidence("named.html", {QStringLiteral("--with-names")}), 0);
    QFile named(dir("named.html"));
    QVERIFY(named.open(QIODevice::ReadOnly));
    QVERIFY(QString::fromUtf8(named.readAll()).contains(QLatin1String("rootadmin")));
}

void TestEvidenceReport::generatingIsAudited()
{
    const Run exported =
        gatehoused({QStringLiteral("audit"), QStringLiteral("export"), QStringLiteral("--data-dir"), dir("data"),
                    QStringLiteral("--format"), QStringLiteral("jsonl"), QStringLiteral("--action"),
                    QStringLiteral("evidence.generate"), QStringLiteral("--out"), dir("events.jsonl")});
    EXPECT_EXIT(exported, 0);
    QFile events(dir("events.jsonl"));
    QVERIFY(events.open(QIODevice::ReadOnly));
    const QString all = QString::fromUtf8(events.readAll());
    QFile pdf(dir("report.pdf"));
    QVERIFY(pdf.open(QIODevice::ReadOnly));
    const QString sha =
        QString::fromLatin1(QCryptographicHash::hash(pdf.readAll(), QCryptographicHash::Sha256).toHex());
    QVERIFY2(all.contains(sha), qPrintable(all.left(2000)));
}

void TestEvidenceReport::badArguments()
{
    EXPECT_EXIT(evidence("report.txt"), 2);
    EXPECT_EXIT(evidence("x.pdf", {QStringLiteral("--since"), QStringLiteral("last tuesday")}), 2);
    EXPECT_EXIT(gatehoused({QStringLiteral("evidence"), QStringLiteral("verify"), dir("missing.pdf")}), 7);
}

QTEST_GUILESS_MAIN(TestEvidenceReport)
#include "TestEvidenceReport.moc"
