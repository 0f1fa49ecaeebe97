#pragma once

#include "audit/AuditLog.h"
#include "audit/Checkpoint.h"
#include "boundaries/Catalog.h"
#include "boundaries/ControlHistory.h"
#include "boundaries/ControlResult.h"
#include "boundaries/Ownership.h"
#include "boundaries/TransportFacts.h"

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace gatehouse::evidence {

// One control as the report shows it: its live result and how it fared over the report's period.
struct ControlEvidence
{
    QString boundaryId;
    QString boundaryName;
    boundaries::Control control;
    boundaries::ControlResult result;
    boundaries::HistorySummary history;
};

// A row of the source text's evidence table with the controls that back it.
struct DomainEvidence
{
    boundaries::EvidenceDomain domain;
    QList<ControlEvidence> controls;
};

// A role and how many bindings it has in one tenant (the platform: tenant ""), with the holders' names only when
// asked for them.
struct RoleBindings
{
    QString tenantName; // "" for the platform
    QString roleId;
    QString roleName;
    bool builtin = false;
    qint64 bindings = 0;
    QStringList holders;
};

// Everything the evidence report states, gathered by the control plane in one transaction.
struct EvidenceData
{
    qint64 generatedAtMs = 0;
    QString generatedBy; // the principal's name
    QString generatedByKind;
    QString version;
    QString storeId;
    qint64 sinceMs = 0;
    boundaries::Ownership ownership;
    QList<boundaries::Boundary> boundaries; // for the flow picture, with their roll-up status below
    QList<boundaries::Status> boundaryStatus;
    QList<DomainEvidence> domains;
    qint64 auditEvents = 0;
    qint64 firstSeq = 0;
    qint64 lastSeq = 0;
    bool hasCheckpoint = false;
    audit::Checkpoint checkpoint;
    audit::VerifyReport verification;
    qint64 verifiedAtMs = 0;
    QList<RoleBindings> roles;
    bool withNames = false;
    QString keyCustody;
    QList<boundaries::Evidence> keyFacts; // master-key age and custody, from their controls
    boundaries::TransportFacts transport;
    QByteArray publicKeyPem;
    QString publicKeySha256; // hex, of the raw 32-byte key: what a reviewer compares with a key they hold
    QString fileName;        // the report's file name, for the verification instructions
};

// The report as one self-contained HTML document (no script, no external resources), readable when printed; the
// PDF is rendered from the same document.
QString toHtml(const EvidenceData& data);

} // namespace gatehouse::evidence
