#include "ConflictDialog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace gatehouse::ui {

ConflictDialog::ConflictDialog(const QString& title, const QString& heading, const QString& fieldLabel,
                               const QList<ConflictRow>& rows, QWidget* parent)
    : QDialog(parent), m_differences(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("conflictDialog"));
    setWindowTitle(title);
    setAccessibleName(title);
    auto* headingLabel = new QLabel(heading, this);
    headingLabel->setObjectName(QStringLiteral("conflictHeading"));
    headingLabel->setAccessibleName(title);
    headingLabel->setWordWrap(true);

    m_differences->setObjectName(QStringLiteral("differencesTree"));
    m_differences->setAccessibleName(tr("Differences"));
    m_differences->setRootIsDecorated(false);
    m_differences->setHeaderLabels({fieldLabel, tr("When you opened"), tr("Theirs (now)"), tr("Yours")});
    for (const ConflictRow& row : rows) {
        if (row.opened == row.theirs && row.theirs == row.mine)
            continue;
        auto* item = new QTreeWidgetItem(m_differences, {row.name, row.opened, row.theirs, row.mine});
        item->setToolTip(0, row.name);
    }
    m_differences->header()->setSectionResizeMode(QHeaderView::ResizeToContents);

    auto* buttons = new QDialogButtonBox(this);
    buttons->setObjectName(QStringLiteral("conflictButtons"));
    auto* reload = buttons->addButton(tr("&Reload (take theirs)"), QDialogButtonBox::ResetRole);
    reload->setObjectName(QStringLiteral("reloadButton"));
    reload->setAccessibleName(tr("Reload, taking their version"));
    auto* overwrite = buttons->addButton(tr("&Overwrite (write mine)"), QDialogButtonBox::DestructiveRole);
    overwrite->setObjectName(QStringLiteral("overwriteButton"));
    overwrite->setAccessibleName(tr("Overwrite with my version"));
    auto* cancel = buttons->addButton(QDialogButtonBox::Cancel);
    cancel->setObjectName(QStringLiteral("cancelButton"));
    cancel->setAccessibleName(tr("Cancel"));
    reload->setDefault(true);
    connect(reload, &QPushButton::clicked, this, [this]() { done(Reload); });
    connect(overwrite, &QPushButton::clicked, this, [this]() { done(Overwrite); });
    connect(cancel, &QPushButton::clicked, this, &QDialog::reject);

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(headingLabel);
    layout->addWidget(m_differences, 1);
    layout->addWidget(buttons);
    resize(640, 280);
}

} // namespace gatehouse::ui
