#pragma once

#include "authz/Role.h"

#include <QDialog>
#include <QStringList>

class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QTreeWidget;

namespace gatehouse::ui {

// A new custom role, or a custom role's description and permissions, chosen in a checklist grouped by area.
// The escalation rule is visible here: a permission the editing identity does not hold is listed but cannot
// be ticked (or unticked), its tooltip saying so; the control plane enforces the same rule on submit. Like the
// user dialog, it calls nothing: it emits submitted() and stays open until finish() or showError().
class RoleDialog : public QDialog
{
    Q_OBJECT
public:
    enum class Purpose { Create, Edit };

    // `held`: the permissions the editing identity holds where the role applies (its tenant).
    RoleDialog(Purpose purpose, const authz::Role& role, const QStringList& held, QWidget* parent = nullptr);

    QString name() const;
    QString description() const;
    // The ticked permissions, in catalog order.
    QStringList permissions() const;
    // Ticks or unticks a permission offered to the editor; false when it is not offered.
    bool setPermissionChecked(const QString& permission, bool checked);

    void showError(const QString& message);
    void finish();
    void setWaiting(bool waiting);

    void accept() override;

    // The area of a permission ("secrets" for "secrets.reveal"), and its title for people.
    static QString areaOf(const QString& permission);
    static QString areaTitle(const QString& area);
    // Fills `tree` with `permissions` grouped by area, in catalog order, read-only (the pane's view of a role).
    static void fillGrouped(QTreeWidget* tree, const QStringList& permissions);

signals:
    void submitted();

private:
    Purpose m_purpose;
    QLineEdit* m_name = nullptr;
    QLineEdit* m_description;
    QTreeWidget* m_tree;
    QLabel* m_note;
    QLabel* m_error;
    QDialogButtonBox* m_buttons;
    bool m_blocked = false; // the role holds what the editor does not: any change would be refused
};

} // namespace gatehouse::ui
