#include "RoleDialog.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

namespace {

constexpr int kPermissionRole = Qt::UserRole + 1;

// Every permission a tenant role may hold, in catalog order.
QStringList tenantCatalog()
{
    return authz::allPermissions(authz::Level::Tenant).names();
}

} // namespace

QString RoleDialog::areaOf(const QString& permission)
{
    return permission.section(QLatin1Char('.'), 0, 0);
}

QString RoleDialog::areaTitle(const QString& area)
{
    static const struct
    {
        const char* area;
        const char* title;
    } kTitles[] = {
        {"tenants", QT_TR_NOOP("Tenants")},
        {"settings", QT_TR_NOOP("Tenant settings")},
        {"workspaces", QT_TR_NOOP("Workspaces")},
        {"users", QT_TR_NOOP("Users")},
        {"integrations", QT_TR_NOOP("Integrations")},
        {"roles", QT_TR_NOOP("Roles")},
        {"bindings", QT_TR_NOOP("Role bindings")},
        {"secrets", QT_TR_NOOP("Secrets")},
        {"audit", QT_TR_NOOP("Audit")},
        {"boundaries", QT_TR_NOOP("Trust boundaries")},
        {"evidence", QT_TR_NOOP("Evidence")},
        {"metrics", QT_TR_NOOP("Metrics")},
        {"ownership", QT_TR_NOOP("Ownership")},
    };
    for (const auto& t : kTitles) {
        if (area == QLatin1String(t.area))
            return tr(t.title);
    }
    return area;
}

void RoleDialog::fillGrouped(QTreeWidget* tree, const QStringList& permissions)
{
    tree->clear();
    QTreeWidgetItem* group = nullptr;
    QString area;
    // Catalog order keeps an area's permissions together and the areas in a stable order.
    const QStringList catalog = authz::PermissionSet::parse(permissions).value_or(authz::PermissionSet{}).names();
    for (const QString& p : catalog) {
        if (!group || areaOf(p) != area) {
            area = areaOf(p);
            group = new QTreeWidgetItem(tree, {areaTitle(area)});
            group->setFlags(Qt::ItemIsEnabled);
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        auto* item = new QTreeWidgetItem(group, {p});
        item->setData(0, kPermissionRole, p);
        item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
    }
    tree->expandAll();
}

RoleDialog::RoleDialog(Purpose purpose, const authz::Role& role, const QStringList& held, QWidget* parent)
    : QDialog(parent), m_purpose(purpose), m_description(new QLineEdit(this)), m_tree(new QTreeWidget(this)),
      m_note(new QLabel(this)), m_error(new QLabel(this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("roleDialog"));
    auto* form = new QFormLayout;
    if (purpose == Purpose::Create) {
        setWindowTitle(tr("New role"));
        m_name = new QLineEdit(this);
        m_name->setObjectName(QStringLiteral("roleNameEdit"));
        m_name->setAccessibleName(tr("Role name"));
        m_name->setPlaceholderText(tr("lower-case, for example deploy-operators"));
        auto* label = new QLabel(tr("&Name:"), this);
        label->setBuddy(m_name);
        form->addRow(label, m_name);
    } else {
        setWindowTitle(tr("Edit role %1").arg(role.name));
    }
    m_description->setObjectName(QStringLiteral("roleDescriptionEdit"));
    m_description->setAccessibleName(tr("Role description"));
    m_description->setText(role.description);
    auto* descriptionLabel = new QLabel(tr("&Description:"), this);
    descriptionLabel->setBuddy(m_description);
    form->addRow(descriptionLabel, m_description);

    m_tree->setObjectName(QStringLiteral("permissionTree"));
    m_tree->setAccessibleName(tr("Permissions"));
    m_tree->setHeaderHidden(true);
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    auto* treeLabel = new QLabel(tr("&Permissions:"), this);
    treeLabel->setBuddy(m_tree);

    // Every tenant permission, grouped by area; those the editor lacks are shown, greyed out, so the reason a
    // permission cannot be chosen is in front of the editor rather than a mystery.
    const QStringList has = role.permissions.names();
    QStringList lackedInRole;
    bool anyLacked = false;
    QTreeWidgetItem* group = nullptr;
    QString area;
    for (const QString& p : tenantCatalog()) {
        if (!group || areaOf(p) != area) {
            area = areaOf(p);
            group = new QTreeWidgetItem(m_tree, {areaTitle(area)});
            group->setFlags(Qt::ItemIsEnabled);
            group->setData(0, Qt::AccessibleTextRole, areaTitle(area));
            QFont bold = group->font(0);
            bold.setBold(true);
            group->setFont(0, bold);
        }
        auto* item = new QTreeWidgetItem(group, {p});
        item->setData(0, kPermissionRole, p);
        item->setCheckState(0, has.contains(p) ? Qt::Checked : Qt::Unchecked);
        if (held.contains(p)) {
            item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable | Qt::ItemIsSelectable);
        } else {
            item->setFlags(Qt::ItemIsUserCheckable); // shown, not enabled: cannot be ticked
            item->setToolTip(0, tr("You do not hold %1, so you cannot grant it").arg(p));
            anyLacked = true;
            if (has.contains(p))
                lackedInRole << p;
        }
    }
    m_tree->expandAll();

    m_note->setObjectName(QStringLiteral("roleNote"));
    m_note->setAccessibleName(tr("Note"));
    m_note->setWordWrap(true);
    if (!lackedInRole.isEmpty()) {
        // Changing the role changes everyone bound to it: only someone who holds all of it may do that.
        m_blocked = true;
        m_note->setText(tr("This role holds permissions you do not hold (%1); only someone who holds them can "
                           "change it.")
                            .arg(lackedInRole.join(QStringLiteral(", "))));
    } else if (anyLacked) {
        m_note->setText(tr("Greyed-out permissions are ones you do not hold: nobody grants what they do not have."));
    }
    m_note->setVisible(!m_note->text().isEmpty());

    m_error->setObjectName(QStringLiteral("errorLabel"));
    m_error->setAccessibleName(tr("Error"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_error->setStyleSheet(QStringLiteral("color: #b00020"));
    m_error->hide();
    m_buttons->setObjectName(QStringLiteral("buttons"));
    m_buttons->button(QDialogButtonBox::Ok)->setAccessibleName(tr("OK"));
    m_buttons->button(QDialogButtonBox::Cancel)->setAccessibleName(tr("Cancel"));
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!m_blocked);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &RoleDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &RoleDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(treeLabel);
    layout->addWidget(m_tree, 1);
    layout->addWidget(m_note);
    layout->addWidget(m_error);
    layout->addWidget(m_buttons);
    setMinimumSize(440, 680);
}

QString RoleDialog::name() const
{
    return m_name ? m_name->text().trimmed() : QString();
}

QString RoleDialog::description() const
{
    return m_description->text().trimmed();
}

QStringList RoleDialog::permissions() const
{
    QStringList out;
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        const QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            if (group->child(i)->checkState(0) == Qt::Checked)
                out << group->child(i)->data(0, kPermissionRole).toString();
        }
    }
    return out;
}

bool RoleDialog::setPermissionChecked(const QString& permission, bool checked)
{
    for (int g = 0; g < m_tree->topLevelItemCount(); ++g) {
        QTreeWidgetItem* group = m_tree->topLevelItem(g);
        for (int i = 0; i < group->childCount(); ++i) {
            QTreeWidgetItem* item = group->child(i);
            if (item->data(0, kPermissionRole).toString() != permission)
                continue;
            if (!(item->flags() & Qt::ItemIsEnabled))
                return false;
            item->setCheckState(0, checked ? Qt::Checked : Qt::Unchecked);
            return true;
        }
    }
    return false;
}

void RoleDialog::accept()
{
    if (m_blocked)
        return;
    if (m_name && m_name->text().trimmed().isEmpty()) {
        showError(tr("Enter a name for the role."));
        m_name->setFocus();
        return;
    }
    showError({});
    emit submitted();
}

void RoleDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void RoleDialog::finish()
{
    QDialog::accept();
}

void RoleDialog::setWaiting(bool waiting)
{
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(!waiting && !m_blocked);
}

} // namespace gatehouse::ui
