#pragma once

#include "secrets/Secret.h"

#include <QDialog>

class QDialogButtonBox;
class QLabel;
class QPushButton;
class QTableView;

namespace gatehouse::ui {

class SecretVersionModel;

// The versions of one secret, newest first: restore an earlier one (it becomes the newest, as a new version) or
// destroy one's value for good (asked first). Like the console's other dialogs it calls nothing itself: the pane
// answers restoreRequested() and destroyRequested() through the control plane and then setVersions() again.
class SecretVersionsDialog : public QDialog
{
    Q_OBJECT
public:
    // restoreMissing, destroyMissing: the permission the identity lacks for each (empty: it may).
    SecretVersionsDialog(const secrets::Secret& secret, const QString& restoreMissing, const QString& destroyMissing,
                         QWidget* parent = nullptr);

    QString secretName() const { return m_secret.name; }
    SecretVersionModel* model() const { return m_model; }
    void setSecret(const secrets::Secret& secret);
    void setVersions(QList<secrets::SecretVersion> versions);
    void showError(const QString& message);
    void showNotice(const QString& message);
    void setWaiting(bool waiting);
    // Selects the row of `version`; false when it is not listed.
    bool selectVersion(int version);

signals:
    void restoreRequested(int version);
    void destroyRequested(int version);

private:
    int selectedVersion() const;
    void updateButtons();
    void confirmDestroy();

    secrets::Secret m_secret;
    QString m_restoreMissing;
    QString m_destroyMissing;
    bool m_waiting = false;
    SecretVersionModel* m_model;
    QTableView* m_table;
    QPushButton* m_restore;
    QPushButton* m_destroy;
    QLabel* m_message;
    QDialogButtonBox* m_buttons;
};

} // namespace gatehouse::ui
