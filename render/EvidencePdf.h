#pragma once

#include "core/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <memory>

namespace gatehouse::render {

// The HTML document laid out on A4 pages as a PDF (no browser, no network: QTextDocument printed to QPdfWriter).
// Needs a QGuiApplication (renderingApplication()).
Result<QByteArray> pdfFromHtml(const QString& html, const QString& title);

// The application object a process that renders needs: a QGuiApplication on the offscreen platform (unless a
// platform is set), so fonts and layout work without a display.
std::unique_ptr<QCoreApplication> renderingApplication(int& argc, char** argv);

} // namespace gatehouse::render
