#include "DemoLauncher.h"

#include "api/TlsCertificate.h"
#include "core/Clock.h"
#include "core/Files.h"
#include "demo/DemoStore.h"
#include "keys/MasterKeyProvider.h"

#include <QApplication>
#include <QDir>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QPointer>
#include <QProgressDialog>
#include <QStandardPaths>
#include <QThreadPool>
#include <QtConcurrent/QtConcurrentRun>

#include <atomic>

namespace gatehouse::ui {

namespace {

bool isEmptyOrMissing(const QString& dir)
{
    const QDir d(dir);
    return !d.exists() || d.isEmpty(QDir::AllEntries | QDir::Hidden | QDir::System | QDir::NoDotAndDotDot);
}

} // namespace

DemoLauncher::Places DemoLauncher::defaultPlaces()
{
    const QString base = QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation);
    return placesFor(QDir(base).filePath(QStringLiteral("demo")));
}

DemoLauncher::Places DemoLauncher::placesFor(const QString& dataDir)
{
    const QFileInfo data(dataDir);
    const QDir secrets(data.absoluteDir().filePath(QStringLiteral("demo-secrets")));
    return {data.absoluteFilePath(), secrets.filePath(QStringLiteral("master.key")),
            secrets.filePath(QStringLiteral("demo-users.txt"))};
}

Result<DemoLauncher::Made> DemoLauncher::create(const Places& places, qint64 events, QWidget* parent)
{
    if (events < 1000)
        return makeError(ErrorCode::InvalidArgument, QObject::tr("The demo needs at least 1,000 audit events."));
    if (!isEmptyOrMissing(places.dataDir))
        return makeError(ErrorCode::AlreadyExists,
                         QObject::tr("%1 is not empty and holds no Gatehouse store. Choose an empty folder for the "
                                     "demo with --data-dir.")
                             .arg(places.dataDir));
    if (files::exists(places.credentialsFile))
        return makeError(ErrorCode::AlreadyExists,
                         QObject::tr("%1 belongs to an earlier demo. Move it away, then start the demo again.")
                             .arg(places.credentialsFile));
    const bool newKey = !files::exists(places.keyFile);

    QProgressDialog dialog(QObject::tr("Creating the encrypted demo store..."), QObject::tr("Cancel"), 0, 0, parent);
    dialog.setObjectName(QStringLiteral("demoProgress"));
    dialog.setWindowTitle(QObject::tr("Gatehouse demo"));
    dialog.setAccessibleName(QObject::tr("Demo progress"));
    dialog.setWindowModality(Qt::ApplicationModal);
    dialog.setMinimumDuration(0);
    dialog.setAutoClose(false);
    dialog.setAutoReset(false);
    dialog.show();

    std::atomic<bool> stop{false};
    QObject::connect(&dialog, &QProgressDialog::canceled, &dialog, [&stop, &dialog] {
        stop = true;
        dialog.setLabelText(QObject::tr("Stopping..."));
    });
    QPointer<QProgressDialog> guard(&dialog);
    QElapsedTimer timer;
    timer.start();

    // The store is made and filled on a worker of its own; the dialog shows where it is.
    struct Outcome
    {
        std::unique_ptr<store::Store> store;
        Error error;
        bool failed = false;
        qint64 events = 0;
    };
    QThreadPool worker;
    worker.setMaxThreadCount(1);
    auto job = [&places, &stop, guard, events]() {
        Outcome out;
        auto fail = [&out](Error e) {
            out.failed = true;
            out.error = std::move(e);
            return std::move(out);
        };
        keys::ProviderOptions options;
        options.kind = keys::KeyCustody::Kind::KeyFile;
        options.keyFile = places.keyFile;
        if (auto dir = files::ensurePrivateDirectory(QFileInfo(places.keyFile).absolutePath()); !dir)
            return fail(dir.error());
        auto provider = keys::MasterKeyProvider::make(options);
        auto made = store::Store::init(places.dataDir, *provider);
        if (!made)
            return fail(made.error());
        out.store = std::move(made).value();
        if (auto certificate = api::TlsCertificate::generate(out.store->dataDir(), {}, Clock::system()); !certificate)
            return fail(certificate.error());
        demo::DemoOptions demo;
        demo.events = events;
        demo.ownerUsername = QStringLiteral("admin");
        auto report = demo::seedWithCredentials(
            *out.store, demo, places.credentialsFile, [&stop, guard](const demo::DemoProgress& p) {
                const int done = int(p.events);
                const int target = int(p.target);
                const QString phase = p.phase;
                QMetaObject::invokeMethod(
                    guard,
                    [guard, done, target, phase] {
                        if (!guard || guard->wasCanceled())
                            return;
                        guard->setMaximum(target);
                        guard->setValue(done);
                        guard->setLabelText(QObject::tr("Filling the demo: %1 (%2 of %3 audit "
                                                        "events)")
                                                .arg(phase, QLocale().toString(done), QLocale().toString(target)));
                    },
                    Qt::QueuedConnection);
                return !stop.load();
            });
        if (!report)
            return fail(report.error());
        out.events = report.value().events;
        return out;
    };
    QFutureWatcher<Outcome> watcher;
    QEventLoop loop;
    QObject::connect(&watcher, &QFutureWatcher<Outcome>::finished, &loop, &QEventLoop::quit);
    watcher.setFuture(QtConcurrent::run(&worker, job));
    loop.exec();
    worker.waitForDone();
    Outcome out = watcher.future().takeResult();
    dialog.hide();

    if (out.failed || stop.load()) {
        // Nothing half-made stays behind: the store goes, and the key when it was made for it.
        out.store.reset();
        QDir(places.dataDir).removeRecursively();
        if (newKey)
            QFile::remove(places.keyFile);
        if (stop.load())
            return Made{}; // cancelled: nothing made, nothing to say
        return makeError(out.error.code, QObject::tr("The demo could not be made: %1").arg(out.error.message));
    }
    Made made;
    made.store = std::move(out.store);
    made.events = out.events;
    made.elapsedMs = timer.elapsed();
    return made;
}

} // namespace gatehouse::ui
