#pragma once

#include "store/Store.h"

#include <QWidget>

class QFormLayout;
class QLabel;

namespace gatehouse::ui {

// Shows the encrypted store as it is: identity, schema, key custody and the encryption settings read back
// from SQLCipher. It displays a status snapshot and never touches the database itself.
class StorePane : public QWidget
{
    Q_OBJECT
public:
    explicit StorePane(QWidget* parent = nullptr);

    void showStatus(const store::StoreStatus& status);

private:
    QLabel* addRow(const QString& label, const char* objectName);

    QFormLayout* m_form;
    QLabel* m_storeId;
    QLabel* m_dataDir;
    QLabel* m_schema;
    QLabel* m_custody;
    QLabel* m_encryption;
    QLabel* m_durability;
    QLabel* m_size;
    QLabel* m_integrity;
};

} // namespace gatehouse::ui
