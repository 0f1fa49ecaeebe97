#include "GroupMappingDialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardItemModel>
#include <QVBoxLayout>

namespace gatehouse::ui {

GroupMappingDialog::GroupMappingDialog(const QList<authz::Role>& roles,
                                       const QList<QPair<QString, QString>>& workspaces, const QStringList& held,
                                       QWidget* parent)
    : QDialog(parent), m_group(new QLineEdit(this)), m_role(new QComboBox(this)), m_scope(new QComboBox(this)),
      m_error(new QLabel(this)), m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("groupMappingDialog"));
    setWindowTitle(tr("Map a Provider Group"));
    setAccessibleName(windowTitle());

    m_group->setObjectName(QStringLiteral("mappingGroupEdit"));
    m_group->setAccessibleName(tr("Provider group"));
    m_group->setPlaceholderText(tr("As the provider sends it, e.g. gatehouse-admins"));
    m_group->setMaxLength(256);

    m_role->setObjectName(QStringLiteral("mappingRoleCombo"));
    m_role->setAccessibleName(tr("Role"));
    auto* roleItems = qobject_cast<QStandardItemModel*>(m_role->model());
    const auto heldSet = authz::PermissionSet::parse(held).value_or(authz::PermissionSet{});
    int firstGrantable = -1;
    for (const authz::Role& r : roles) {
        if (r.level != authz::Level::Tenant)
            continue;
        m_role->addItem(r.name, r.id);
        const int row = m_role->count() - 1;
        const authz::PermissionSet lacked = r.permissions - heldSet;
        if (lacked.isEmpty()) {
            m_role->setItemData(row, r.description, Qt::ToolTipRole);
            if (firstGrantable < 0)
                firstGrantable = row;
            continue;
        }
        // Shown, not offered: a mapping grants its role, and nobody grants what they do not hold.
        if (roleItems)
            roleItems->item(row)->setEnabled(false);
        m_role->setItemData(row, tr("You do not hold %1").arg(lacked.names().join(QStringLiteral(", "))),
                            Qt::ToolTipRole);
    }
    m_role->setCurrentIndex(firstGrantable);

    m_scope->setObjectName(QStringLiteral("mappingScopeCombo"));
    m_scope->setAccessibleName(tr("Where the role applies"));
    m_scope->addItem(tr("The whole tenant"), QString());
    for (const auto& w : workspaces)
        m_scope->addItem(tr("Workspace %1").arg(w.second), w.first);

    auto* form = new QFormLayout;
    const auto row = [this, form](const QString& text, QWidget* field) {
        auto* label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
    };
    row(tr("&Group:"), m_group);
    row(tr("&Role:"), m_role);
    row(tr("A&pplies to:"), m_scope);

    auto* note = new QLabel(tr("Members of the group get the role when they sign in, and lose it at their next "
                               "sign-in once the provider no longer lists them. Greyed-out roles hold permissions "
                               "you do not hold."),
                            this);
    note->setObjectName(QStringLiteral("mappingNote"));
    note->setWordWrap(true);

    m_error->setObjectName(QStringLiteral("mappingErrorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();

    m_buttons->setObjectName(QStringLiteral("mappingButtons"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("mappingAddButton"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Add"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("Add"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    connect(m_buttons, &QDialogButtonBox::accepted, this, &GroupMappingDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &GroupMappingDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumWidth(440);
}

QString GroupMappingDialog::group() const
{
    return m_group->text().trimmed();
}

QString GroupMappingDialog::roleId() const
{
    return m_role->currentData().toString();
}

QString GroupMappingDialog::workspaceId() const
{
    return m_scope->currentData().toString();
}

void GroupMappingDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void GroupMappingDialog::accept()
{
    if (group().isEmpty()) {
        showError(tr("Type the group's name as the provider sends it."));
        m_group->setFocus();
        return;
    }
    if (roleId().isEmpty()) {
        showError(tr("Choose a role."));
        m_role->setFocus();
        return;
    }
    showError({});
    QDialog::accept();
}

} // namespace gatehouse::ui
