#pragma once

#include <QList>
#include <QString>

namespace gatehouse::boundaries {

// The outcome of one live check, ordered so that a roll-up is the maximum: a boundary whose controls pass or do
// not apply passes, and is not applicable only when none of them applies.
enum class Status { NotApplicable, Pass, Warn, Fail };

QString statusName(Status status); // pass, not_applicable, warn, fail
Status worst(Status a, Status b);

// One measured fact: "admins_without_mfa" = "usr_x (alice)". Never a secret value, token, key or hash.
struct Evidence
{
    QString key;
    QString value;
};

struct ControlResult
{
    QString controlId;
    Status status = Status::Fail;
    QString summary; // one line for people
    QList<Evidence> evidence;
    qint64 checkedAtMs = 0;
};

} // namespace gatehouse::boundaries
