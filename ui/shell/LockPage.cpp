#include "LockPage.h"

#include "SignInForm.h"
#include "console/ConsoleBridge.h"

#include <QIcon>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>

namespace gatehouse::ui {

LockPage::LockPage(ConsoleBridge& bridge, QWidget* parent)
    : QWidget(parent), m_bridge(bridge), m_title(new QLabel(this)), m_reason(new QLabel(this)),
      m_form(new SignInForm(bridge, this)), m_signOut(new QPushButton(tr("Sign &Out"), this))
{
    setObjectName(QStringLiteral("lockPage"));
    setAccessibleName(tr("Locked"));
    auto* icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/lock.svg")).pixmap(48, 48));
    icon->setAlignment(Qt::AlignCenter);
    m_title->setObjectName(QStringLiteral("lockTitle"));
    m_title->setAlignment(Qt::AlignCenter);
    QFont font = m_title->font();
    font.setPointSizeF(font.pointSizeF() * 1.4);
    font.setBold(true);
    m_title->setFont(font);
    m_reason->setObjectName(QStringLiteral("lockReason"));
    m_reason->setAccessibleName(tr("Why the console is locked"));
    m_reason->setAlignment(Qt::AlignCenter);
    m_reason->setWordWrap(true);
    m_signOut->setObjectName(QStringLiteral("lockSignOutButton"));
    m_signOut->setAccessibleName(tr("Sign out"));
    m_signOut->setToolTip(tr("Forget this identity and sign in as someone else"));
    m_signOut->setAutoDefault(false);
    connect(m_signOut, &QPushButton::clicked, this, &LockPage::signOutRequested);

    auto* column = new QWidget(this);
    column->setMaximumWidth(440);
    auto* inner = new QVBoxLayout(column);
    inner->addWidget(icon);
    inner->addWidget(m_title);
    inner->addWidget(m_reason);
    inner->addSpacing(12);
    inner->addWidget(m_form);
    auto* signOutRow = new QHBoxLayout;
    signOutRow->addWidget(m_signOut);
    signOutRow->addStretch(1);
    inner->addLayout(signOutRow);

    auto* layout = new QVBoxLayout(this);
    layout->addStretch(1);
    auto* row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(column, 2);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(2);
}

void LockPage::prepare(const QString& reason)
{
    const bool kept = m_bridge.hasIdentity();
    m_title->setText(kept ? tr("Gatehouse is locked") : tr("Sign in to Gatehouse"));
    m_reason->setText(reason);
    m_reason->setVisible(!reason.isEmpty());
    if (kept)
        m_form->setIdentity(m_bridge.tenantName(), m_bridge.identity().name, true);
    else
        m_form->setIdentity(QString(), QString(), false);
    m_form->setMessage({});
    m_signOut->setVisible(kept);
    m_form->focusFirstEmpty();
}

} // namespace gatehouse::ui
