// A child process for the durability and fault tests: it writes through the real control plane and reports
// what was acknowledged, so the parent can kill it at random moments or break its disk underneath it.
//
//   gatehouse_audit_writer write  DATA_DIR KEY_FILE          loop: one change, then "ack <seq>" once committed;
//                                                            one read, then "read" once it returned
//   gatehouse_audit_writer faults DATA_DIR KEY_FILE FILLER   the disk fills up under a running control plane
//   gatehouse_audit_writer readonly DATA_DIR KEY_FILE        the store's files become unwritable (root, ext4)
#include "service/ControlPlane.h"
#include "store/Store.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <linux/fs.h>
#include <sys/ioctl.h>
#include <unistd.h>

using namespace gatehouse;

namespace {

void say(const QByteArray& line)
{
    std::fwrite(line.constData(), 1, std::size_t(line.size()), stdout);
    std::fputc('\n', stdout);
    std::fflush(stdout);
}

template <typename T> QByteArray outcome(const Result<T>& r)
{
    if (r)
        return "ok";
    switch (r.error().code) {
    case ErrorCode::AuditUnavailable:
        return "audit_unavailable";
    case ErrorCode::DiskFull:
        return "disk_full";
    case ErrorCode::ReadOnly:
        return "read_only";
    default:
        return "error:" + r.error().message.toUtf8();
    }
}

} // namespace

int main(int argc, char* argv[])
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() < 4)
        return 2;
    keys::ProviderOptions options;
    options.keyFile = args.at(3);
    auto store = store::Store::open(args.at(2), options);
    if (!store) {
        say("open-failed " + store.error().message.toUtf8());
        return 1;
    }
    service::ControlPlane cp(*store.value());
    if (!cp.load()) {
        say("load-failed");
        return 1;
    }
    const auto system = service::Caller::system();
    auto tenants = cp.listTenants(system);
    if (tenants && tenants.value().isEmpty()) {
        if (!cp.createTenant(system, QStringLiteral("acme"), QStringLiteral("Acme"), QStringLiteral("alice"),
                             SecureBytes(reinterpret_cast<const unsigned char*>("plum-orbit-canvas-tide"), 22)) ||
            !cp.createWorkspace(system, cp.listTenants(system).value().first().id, QStringLiteral("prod"),
                                QStringLiteral("Production")))
            return 1;
        tenants = cp.listTenants(system);
    }
    if (!tenants || tenants.value().isEmpty())
        return 1;
    const QString tenant = tenants.value().first().id;
    auto workspaces = cp.listWorkspaces(system, tenant);
    if (!workspaces || workspaces.value().isEmpty())
        return 1;
    const QString ws = workspaces.value().first().id;
    audit::AuditLog reader(store.value()->database());

    if (args.at(1) == QLatin1String("write")) {
        for (qint64 i = 0;; ++i) {
            auto r = cp.renameWorkspace(system, tenant, ws, QStringLiteral("name %1").arg(i));
            if (!r) {
                say("failed " + r.error().message.toUtf8());
                return 1;
            }
            // Acknowledged only after the commit returned: this is the promise the parent checks.
            say("ack " + QByteArray::number(reader.lastSeq().value()));
            // A read, whose record goes through the group commit: returned, it is on the disk too.
            if (!cp.getWorkspace(system, tenant, ws)) {
                say("failed read");
                return 1;
            }
            say("read");
        }
    }

    if (args.at(1) == QLatin1String("faults") && args.size() >= 5) {
        const QString filler = args.at(4);
        say("before " + outcome(cp.renameWorkspace(system, tenant, ws, QStringLiteral("before"))));
        // Fill the disk to the last byte.
        {
            QFile f(filler);
            if (!f.open(QIODevice::WriteOnly))
                return 1;
            const QByteArray block(4096, 'x');
            while (f.write(block) == block.size() && f.flush()) {
            }
            QByteArray one(1, 'x');
            while (f.write(one) == 1 && f.flush()) {
            }
        }
        auto current = cp.getWorkspace(system, tenant, ws);
        if (!current) {
            say("full-first-read " + current.error().message.toUtf8());
            return 1;
        }
        const QString before = current.value().displayName;
        auto full = cp.renameWorkspace(system, tenant, ws, QStringLiteral("while full"));
        say("full-write " + outcome(full));
        say(QByteArray("full-available ") + (cp.auditAvailable() ? "1" : "0"));
        auto read = cp.getWorkspace(system, tenant, ws);
        say("full-read " + (read ? QByteArray("ok ") + read.value().displayName.toUtf8() : QByteArray("failed")));
        say(QByteArray("full-unchanged ") + (read && read.value().displayName == before ? "1" : "0"));
        QFile::remove(filler);
        auto after = cp.renameWorkspace(system, tenant, ws, QStringLiteral("after"));
        say("after-write " + outcome(after));
        say(QByteArray("after-available ") + (cp.auditAvailable() ? "1" : "0"));
        return 0;
    }
    if (args.at(1) == QLatin1String("readonly")) {
        // The store's files turn unwritable under the running control plane (immutable, as a read-only
        // volume would be): changes must fail closed, reads go on, and writes resume when it is lifted.
        say("before " + outcome(cp.renameWorkspace(system, tenant, ws, QStringLiteral("before"))));
        const QString db = store.value()->database().path();
        auto setImmutable = [](const QString& path, bool on) {
            const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
            if (fd < 0)
                return false;
            int flags = 0;
            bool ok = ::ioctl(fd, FS_IOC_GETFLAGS, &flags) == 0;
            flags = on ? (flags | FS_IMMUTABLE_FL) : (flags & ~FS_IMMUTABLE_FL);
            ok = ok && ::ioctl(fd, FS_IOC_SETFLAGS, &flags) == 0;
            ::close(fd);
            return ok;
        };
        const QStringList files{db, db + QStringLiteral("-wal")};
        for (const QString& f : files) {
            if (!setImmutable(f, true)) {
                say("unsupported");
                return 0;
            }
        }
        auto ro = cp.renameWorkspace(system, tenant, ws, QStringLiteral("while read-only"));
        say("ro-write " + outcome(ro));
        say(QByteArray("ro-available ") + (cp.auditAvailable() ? "1" : "0"));
        auto read = cp.getWorkspace(system, tenant, ws);
        say("ro-read " + (read ? QByteArray("ok ") + read.value().displayName.toUtf8() : QByteArray("failed")));
        for (const QString& f : files)
            setImmutable(f, false);
        say("after-write " + outcome(cp.renameWorkspace(system, tenant, ws, QStringLiteral("after"))));
        return 0;
    }
    return 2;
}
