#pragma once

#include "ControlPlaneFixture.h"
#include "authz/Role.h"
#include "console/ConsoleBridge.h"

#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>

namespace gatehouse::test {

// Sign-in hashes a password: generous under the sanitizers, never a timing assertion.
constexpr int kAnswerMs = 60000;

// Signs the bridge in and waits for the control plane's answer; true when a session was opened.
inline bool signInBridge(ui::ConsoleBridge& bridge, const QString& tenantName, const QString& username,
                         const char* password = kPassword, QString* message = nullptr)
{
    QSignalSpy finished(&bridge, &ui::ConsoleBridge::signInFinished);
    bridge.signIn(tenantName, username, secret(password), {});
    if (!finished.wait(kAnswerMs))
        return false;
    if (message)
        *message = finished.first().at(1).toString();
    return finished.first().at(0).toBool();
}

// The tenant's (or the platform's) audit events whose action starts with `prefix`, newest first.
inline QList<audit::AuditEvent> auditEvents(ControlPlaneFixture& f, const QString& tenantId, const QString& prefix)
{
    audit::AuditQuery q;
    q.platform = tenantId.isEmpty();
    q.tenantId = tenantId;
    q.actionPrefix = prefix;
    q.limit = 1000;
    auto page = f.cp->searchAudit(f.system, q);
    return page ? page.value().events : QList<audit::AuditEvent>{};
}

// Whether an event of `action` on `targetId` came through the console with `outcome`.
inline bool hasGuiEvent(ControlPlaneFixture& f, const QString& tenantId, const QString& action, const QString& targetId,
                        const QString& outcome = QStringLiteral("success"))
{
    for (const auto& e : auditEvents(f, tenantId, action)) {
        if (e.action == action && (targetId.isEmpty() || e.targetId == targetId) && e.outcome == outcome &&
            e.source == QLatin1String("gui"))
            return true;
    }
    return false;
}

// A configuration of the test's own (QSettings), empty at the start of each test.
inline void useTemporarySettings()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
}

} // namespace gatehouse::test
