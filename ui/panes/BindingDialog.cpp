#include "BindingDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace gatehouse::ui {

BindingDialog::BindingDialog(const QList<IdentityChoice>& identities, const QList<authz::Role>& roles,
                             const QList<QPair<QString, QString>>& workspaces, const QStringList& held, bool platform,
                             const QString& workspaceId, QWidget* parent)
    : QDialog(parent), m_identity(new QComboBox(this)), m_role(new QComboBox(this)), m_scope(new QComboBox(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("bindingDialog"));
    setWindowTitle(tr("Grant a role"));

    m_identity->setObjectName(QStringLiteral("identityCombo"));
    m_identity->setAccessibleName(tr("Identity"));
    for (const IdentityChoice& i : identities) {
        const QString label =
            i.kind == QLatin1String("integration") ? tr("%1 (integration)").arg(i.name) : tr("%1 (user)").arg(i.name);
        m_identity->addItem(label, QStringList{i.kind, i.id});
    }

    m_role->setObjectName(QStringLiteral("roleCombo"));
    m_role->setAccessibleName(tr("Role"));
    auto* roleItems = qobject_cast<QStandardItemModel*>(m_role->model());
    const auto heldSet = authz::PermissionSet::parse(held).value_or(authz::PermissionSet{});
    int firstGrantable = -1;
    for (const authz::Role& r : roles) {
        m_role->addItem(r.name, r.id);
        const int row = m_role->count() - 1;
        const authz::PermissionSet lacked = r.permissions - heldSet;
        if (lacked.isEmpty()) {
            m_role->setItemData(row, r.description, Qt::ToolTipRole);
            if (firstGrantable < 0)
                firstGrantable = row;
            continue;
        }
        // Offered only to be seen: nobody grants what they do not hold.
        if (roleItems)
            roleItems->item(row)->setEnabled(false);
        m_role->setItemData(row, tr("You do not hold %1").arg(lacked.names().join(QStringLiteral(", "))),
                            Qt::ToolTipRole);
    }
    m_role->setCurrentIndex(firstGrantable);

    m_scope->setObjectName(QStringLiteral("scopeCombo"));
    m_scope->setAccessibleName(tr("Where the role applies"));
    m_scope->addItem(platform ? tr("The platform") : tr("The whole tenant"), QString());
    for (const auto& w : workspaces)
        m_scope->addItem(tr("Workspace %1").arg(w.second), w.first);
    m_scope->setEnabled(!platform);
    const int chosen = m_scope->findData(workspaceId);
    m_scope->setCurrentIndex(chosen < 0 ? 0 : chosen);

    auto* form = new QFormLayout;
    const auto row = [this, form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    row(tr("&Identity:"), m_identity);
    row(tr("&Role:"), m_role);
    row(tr("&Applies to:"), m_scope);

    auto* note = new QLabel(tr("Greyed-out roles hold permissions you do not hold."), this);
    note->setObjectName(QStringLiteral("bindingNote"));
    note->setWordWrap(true);

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Grant"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Grant"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &BindingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &BindingDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(420);
}

QString BindingDialog::identityKind() const
{
    return m_identity->currentData().toStringList().value(0);
}

QString BindingDialog::identityId() const
{
    return m_identity->currentData().toStringList().value(1);
}

QString BindingDialog::roleId() const
{
    return m_role->currentData().toString();
}

QString BindingDialog::workspaceId() const
{
    return m_scope->currentData().toString();
}

void BindingDialog::accept()
{
    if (identityId().isEmpty()) {
        showError(tr("Choose an identity."));
        return;
    }
    if (roleId().isEmpty()) {
        showError(tr("Choose a role."));
        return;
    }
    showError({});
    emit submitted();
}

void BindingDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void BindingDialog::finish()
{
    QDialog::accept();
}

void BindingDialog::setWaiting(bool waiting)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting);
}

} // namespace gatehouse::ui
