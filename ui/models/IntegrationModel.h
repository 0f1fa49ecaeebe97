#pragma once

#include "identity/User.h"

#include <QAbstractTableModel>
#include <QList>

namespace gatehouse::ui {

// The integrations of one tenant (machine identities that act with API tokens), as the control plane listed them.
class IntegrationModel : public QAbstractTableModel
{
    Q_OBJECT
public:
    enum Column { Name, Description, Status, Certificate, Created, ColumnCount };
    enum Role {
        IdRole = Qt::UserRole + 1, // the integration's id
        StatusRole,                // active, locked (as the control plane says)
        SortRole,                  // what the column sorts by
    };

    explicit IntegrationModel(QObject* parent = nullptr);

    void setIntegrations(QList<identity::Integration> integrations);
    // Replaces the row of the same id (a change the control plane answered with), or appends it.
    void putIntegration(const identity::Integration& integration);
    void removeIntegration(const QString& integrationId);
    void clear();
    const identity::Integration* integrationAt(int row) const;
    int rowOf(const QString& integrationId) const;

    int rowCount(const QModelIndex& parent = {}) const override;
    int columnCount(const QModelIndex& parent = {}) const override;
    QVariant data(const QModelIndex& index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static QString statusText(const identity::Integration& integration);
    // "ab:cd:…:ef" for a SHA-256 in hex, as people compare fingerprints.
    static QString fingerprintText(const QString& sha256Hex);

private:
    QList<identity::Integration> m_integrations;
};

} // namespace gatehouse::ui
