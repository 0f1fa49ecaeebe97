#include "EvidencePdf.h"

#include <QBuffer>
#include <QGuiApplication>
#include <QPageLayout>
#include <QPageSize>
#include <QPdfWriter>
#include <QTextDocument>

namespace gatehouse::render {

Result<QByteArray> pdfFromHtml(const QString& html, const QString& title)
{
    if (!qobject_cast<QGuiApplication*>(QCoreApplication::instance()))
        return makeError(ErrorCode::Internal, QStringLiteral("rendering a PDF needs a QGuiApplication"));
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    {
        QPdfWriter writer(&buffer);
        writer.setTitle(title);
        writer.setCreator(QStringLiteral("Gatehouse"));
        writer.setPageLayout(QPageLayout(QPageSize(QPageSize::A4), QPageLayout::Portrait, QMarginsF(15, 15, 15, 15),
                                         QPageLayout::Millimeter));
        writer.setResolution(300);
        QTextDocument doc;
        doc.setHtml(html);
        doc.print(&writer);
    }
    if (buffer.data().isEmpty() || !buffer.data().startsWith("%PDF"))
        return makeError(ErrorCode::Internal, QStringLiteral("the PDF could not be rendered"));
    return buffer.data();
}

std::unique_ptr<QCoreApplication> renderingApplication(int& argc, char** argv)
{
    if (qEnvironmentVariableIsEmpty("QT_QPA_PLATFORM"))
        qputenv("QT_QPA_PLATFORM", "offscreen");
    return std::make_unique<QGuiApplication>(argc, argv);
}

} // namespace gatehouse::render
