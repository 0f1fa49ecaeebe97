#pragma once

#include "secrets/Secret.h"

#include "models/SlicedTableModel.h"

#include <QAbstractTableModel>
#include <QHash>
#include <QList>

namespace gatehouse::ui {

// The secrets of one workspace as the control plane listed them: metadata only. No value ever reaches this
// model; a revealed value lives in the reveal dialog's field, and only for as long as it is shown. A long list is
// taken in a slice at a time (SlicedTableModel).
class SecretModel : public SlicedTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Tags, Description, Owner, Version, RotationDue, Expires, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the secret's id
        NameRole,                  // the secret's name (what the control plane's secret calls take)
        DueRole,                   // a DueState, for the row as a whole
        SortRole,                  // what the column sorts by
    };
    enum class DueState { None, Later, Soon, Overdue };
    // How close "soon" is: the due list (dueSecrets) looks this far ahead as well.
    static constexpr int kSoonDays = 14;

    explicit SecretModel(QObject* parent = nullptr);

    void setSecrets(QList<secrets::Secret> secrets);
    // Replaces the row of the same id (a change the control plane answered with), or appends it.
    void putSecret(const secrets::Secret& secret);
    void removeSecret(const QString& secretId);
    void clear();
    // Names to show for owner ids (the users the identity may list); an id without a name is shown as it is.
    void setOwnerNames(QHash<QString, QString> names);
    // The moment rotation and expiry are measured against (the control plane's clock).
    void setNow(qint64 nowMs);

    const secrets::Secret* secretAt(int row) const;
    int rowOf(const QString& secretId) const;
    int rowOfName(const QString& name) const;
    DueState dueState(const secrets::Secret& secret) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

protected:
    qsizetype queuedRows() const override { return m_queued.size() - m_queuedFrom; }
    void showQueuedRows(qsizetype count) override;

private:
    DueState stateAt(qint64 atMs) const;
    QString whenText(qint64 atMs) const;
    QString ownerText(const secrets::Secret& secret) const;

    QList<secrets::Secret> m_secrets;
    QList<secrets::Secret> m_queued; // the rest of the latest list, from m_queuedFrom on
    qsizetype m_queuedFrom = 0;
    QHash<QString, QString> m_ownerNames;
    qint64 m_nowMs = 0;
};

// The versions of one secret, newest first, as the control plane listed them.
class SecretVersionModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Version, Created, CreatedBy, State, ColumnCount };
    enum Role {
        VersionRole = Qt::UserRole + 1, // the version number
        DestroyedRole,                  // true when its value was destroyed
    };

    explicit SecretVersionModel(QObject* parent = nullptr);

    void setVersions(QList<secrets::SecretVersion> versions, int currentVersion);
    void setCreatorNames(QHash<QString, QString> names);
    void clear();
    const secrets::SecretVersion* versionAt(int row) const;
    int currentVersion() const { return m_current; }

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

private:
    QList<secrets::SecretVersion> m_versions;
    QHash<QString, QString> m_creatorNames;
    int m_current = 0;
};

} // namespace gatehouse::ui
