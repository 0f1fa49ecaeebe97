#pragma once

#include "identity/User.h"

#include "models/SlicedTableModel.h"

#include <QList>

namespace gatehouse::ui {

// The users of one scope (a tenant, or the platform's administrators) as the control plane listed them; a long
// list is taken in a slice at a time (SlicedTableModel).
class UserModel : public SlicedTableModel
{
    Q_OBJECT
public:
    enum Column { Username, DisplayName, Email, Status, TwoFactor, Created, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the user's id
        StatusRole,                // active, locked, disabled (as the control plane says)
        SortRole,                  // what the column sorts by
    };

    explicit UserModel(QObject* parent = nullptr);

    void setUsers(QList<identity::User> users);
    // Replaces the row of the same id (a change the control plane answered with), or appends it.
    void putUser(const identity::User& user);
    void clear();
    const identity::User* userAt(int row) const;
    int rowOf(const QString& userId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const identity::User& user);

protected:
    qsizetype queuedRows() const override { return m_queued.size() - m_queuedFrom; }
    void showQueuedRows(qsizetype count) override;

private:
    QList<identity::User> m_users;
    QList<identity::User> m_queued; // the rest of the latest list, from m_queuedFrom on
    qsizetype m_queuedFrom = 0;
};

} // namespace gatehouse::ui
