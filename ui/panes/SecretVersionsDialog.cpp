#include "SecretVersionsDialog.h"

#include "OperationActions.h"

#include "models/SecretModel.h"

#include <QAbstractButton>
#include <QDialogButtonBox>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QVBoxLayout>

namespace gatehouse::ui {

SecretVersionsDialog::SecretVersionsDialog(const secrets::Secret& secret, const QString& restoreMissing,
                                           const QString& destroyMissing, QWidget* parent)
    : QDialog(parent), m_secret(secret), m_restoreMissing(restoreMissing), m_destroyMissing(destroyMissing),
      m_model(new SecretVersionModel(this)), m_table(new QTableView(this)), m_restore(new QPushButton(this)),
      m_destroy(new QPushButton(this)), m_message(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Close, this))
{
    setObjectName(QStringLiteral("secretVersionsDialog"));
    setWindowTitle(tr("Versions of %1").arg(secret.name));

    m_table->setObjectName(QStringLiteral("versionTable"));
    m_table->setAccessibleName(tr("Versions"));
    m_table->setModel(m_model);
    setUpRecordTable(m_table);
    m_table->setColumnWidth(SecretVersionModel::Version, 70);
    m_table->setColumnWidth(SecretVersionModel::Created, 180);
    m_table->setColumnWidth(SecretVersionModel::CreatedBy, 140);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            &SecretVersionsDialog::updateButtons);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SecretVersionsDialog::updateButtons);

    m_restore->setObjectName(QStringLiteral("restoreVersionButton"));
    m_restore->setText(tr("&Restore"));
    m_restore->setAccessibleName(tr("Restore the selected version"));
    m_restore->setAutoDefault(false);
    connect(m_restore, &QPushButton::clicked, this, [this]() {
        if (const int v = selectedVersion(); v > 0)
            emit restoreRequested(v);
    });
    m_destroy->setObjectName(QStringLiteral("destroyVersionButton"));
    m_destroy->setText(tr("&Destroy…"));
    m_destroy->setAccessibleName(tr("Destroy the selected version"));
    m_destroy->setAutoDefault(false);
    connect(m_destroy, &QPushButton::clicked, this, &SecretVersionsDialog::confirmDestroy);
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->addButton(m_restore, QDialogButtonBox::ActionRole);
    m_buttons->addButton(m_destroy, QDialogButtonBox::ActionRole);
    m_buttons->button(QDialogButtonBox::Close)->setAccessibleName(tr("Close"));
    connect(m_buttons, &QDialogButtonBox::rejected, this, &SecretVersionsDialog::reject);

    m_message->setObjectName(QStringLiteral("versionsMessage"));
    m_message->setAccessibleName(tr("Message"));
    m_message->setWordWrap(true);
    m_message->hide();

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_buttons);
    resize(600, 360);
    updateButtons();
}

void SecretVersionsDialog::setSecret(const secrets::Secret& secret)
{
    m_secret = secret;
}

void SecretVersionsDialog::setVersions(QList<secrets::SecretVersion> versions)
{
    m_model->setVersions(std::move(versions), m_secret.currentVersion);
}

bool SecretVersionsDialog::selectVersion(int version)
{
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->versionAt(row)->version == version) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

void SecretVersionsDialog::showError(const QString& message)
{
    m_message->setStyleSheet(QStringLiteral("color: #b00020"));
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SecretVersionsDialog::showNotice(const QString& message)
{
    m_message->setStyleSheet(QString());
    m_message->setText(message);
    m_message->setVisible(!message.isEmpty());
}

void SecretVersionsDialog::setWaiting(bool waiting)
{
    m_waiting = waiting;
    updateButtons();
}

int SecretVersionsDialog::selectedVersion() const
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const secrets::SecretVersion* v = rows.isEmpty() ? nullptr : m_model->versionAt(rows.first().row());
    return v ? v->version : 0;
}

void SecretVersionsDialog::updateButtons()
{
    const QModelIndexList rows = m_table->selectionModel()->selectedRows();
    const secrets::SecretVersion* v = rows.isEmpty() ? nullptr : m_model->versionAt(rows.first().row());
    // Neither the current version nor a destroyed one has anything to restore or destroy.
    const bool earlier = v && v->version != m_model->currentVersion() && v->destroyedAtMs == 0;
    const auto set = [this, earlier](QPushButton* button, const QString& missing, const QString& what) {
        button->setEnabled(missing.isEmpty() && earlier && !m_waiting);
        button->setToolTip(missing.isEmpty() ? what : tr("Needs the permission %1").arg(missing));
    };
    set(m_restore, m_restoreMissing, tr("Make the selected earlier version the newest again (as a new version)"));
    set(m_destroy, m_destroyMissing, tr("Destroy the selected earlier version's value for good"));
}

void SecretVersionsDialog::confirmDestroy()
{
    const int version = selectedVersion();
    if (version <= 0)
        return;
    auto* box = new QMessageBox(QMessageBox::Warning, tr("Gatehouse"),
                                tr("Destroy version %1 of %2? Its value is gone for good; this cannot be undone.")
                                    .arg(version)
                                    .arg(m_secret.name),
                                QMessageBox::Yes | QMessageBox::No, this);
    box->setObjectName(QStringLiteral("confirmDialog"));
    box->setDefaultButton(QMessageBox::No);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, box, version](QAbstractButton* button) {
        if (box->standardButton(button) == QMessageBox::Yes)
            emit destroyRequested(version);
    });
    box->open();
}

} // namespace gatehouse::ui
