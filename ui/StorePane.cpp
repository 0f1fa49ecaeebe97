#include "StorePane.h"

#include <QFormLayout>
#include <QLabel>
#include <QLocale>

namespace gatehouse::ui {

StorePane::StorePane(QWidget* parent) : QWidget(parent), m_form(new QFormLayout(this))
{
    setObjectName(QStringLiteral("storePane"));
    m_storeId = addRow(tr("Store"), "storeIdLabel");
    m_dataDir = addRow(tr("Data directory"), "dataDirLabel");
    m_schema = addRow(tr("Schema version"), "schemaLabel");
    m_custody = addRow(tr("Master key custody"), "custodyLabel");
    m_encryption = addRow(tr("Encryption at rest"), "encryptionLabel");
    m_durability = addRow(tr("Durability"), "durabilityLabel");
    m_size = addRow(tr("Size"), "sizeLabel");
    m_integrity = addRow(tr("Integrity check"), "integrityLabel");
}

QLabel* StorePane::addRow(const QString& label, const char* objectName)
{
    auto* value = new QLabel(this);
    value->setObjectName(QLatin1String(objectName));
    value->setTextInteractionFlags(Qt::TextSelectableByMouse);
    value->setWordWrap(true);
    m_form->addRow(label, value);
    return value;
}

void StorePane::showStatus(const store::StoreStatus& s)
{
    const auto& c = s.settings;
    const QLocale locale;
    m_storeId->setText(s.storeId);
    m_dataDir->setText(s.dataDir);
    m_schema->setText(s.schemaVersion == s.latestSchemaVersion
                          ? QString::number(s.schemaVersion)
                          : tr("%1 (this build supports %2)").arg(s.schemaVersion).arg(s.latestSchemaVersion));
    m_custody->setText(s.keyCustody);
    m_encryption->setText(tr("SQLCipher %1, %2, per-page HMAC %3, page size %4, raw 256-bit key")
                              .arg(c.sqlcipherVersion, c.cipher, c.hmac ? tr("on") : tr("off"))
                              .arg(c.pageSize));
    m_durability->setText(tr("journal %1, synchronous %2, secure delete %3")
                              .arg(c.journalMode, c.synchronousName(), c.secureDelete ? tr("on") : tr("off")));
    m_size->setText(locale.formattedDataSize(s.databaseBytes + s.walBytes));
    m_integrity->setText(s.integrity);
}

} // namespace gatehouse::ui
