#pragma once

#include "identity/User.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The API tokens of one integration, as the control plane listed them: never a token's value, only its hint
// (the first characters), its workspace limit, expiry, last use and revocation.
class TokenModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Hint, Workspace, Created, Expires, LastUsed, Status, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the token's id
        StateRole,                 // active, expired, revoked
        SortRole,                  // what the column sorts by
    };

    explicit TokenModel(QObject* parent = nullptr);

    void setTokens(QList<identity::ApiToken> tokens);
    void clear();
    // Workspace ids to names, for the workspace limit column.
    void setWorkspaceNames(QHash<QString, QString> names);
    // What "expired" is measured against (the console's clock); default: the system time at each call.
    void setNow(qint64 nowMs);
    const identity::ApiToken* tokenAt(int row) const;
    int rowOf(const QString& tokenId) const;
    // active, expired or revoked.
    QString stateOf(const identity::ApiToken& token) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    qint64 now() const;

    QList<identity::ApiToken> m_tokens;
    QHash<QString, QString> m_workspaceNames;
    qint64 m_nowMs = 0;
};

} // namespace gatehouse::ui
