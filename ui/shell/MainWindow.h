#pragma once

#include <QMainWindow>

class QAction;
class QComboBox;
class QLabel;
class QListWidget;
class QProgressBar;
class QSplitter;
class QStackedWidget;
class QToolButton;

namespace gatehouse::store {
struct StoreStatus;
}

namespace gatehouse::ui {

class ConsoleBridge;
class IdentitiesPane;
class InactivityTimer;
class LockPage;
class OverviewPane;
class StorePane;

// The console's frame: a sidebar of panes, the selected pane, a toolbar with the scope selector, Lock and Sign
// Out, and a status bar (identity and scope, the local API and its certificate, the store's encryption and key
// custody). While locked or signed out the window shows its lock page instead of every pane; the pane that was
// open comes back after sign-in. It locks itself after a period without input (a setting, 10 minutes by
// default) and on Ctrl+L.
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    enum class Page { Overview, Tenancy, Identities, Access, Secrets, Audit, Boundaries };

    explicit MainWindow(ConsoleBridge& bridge, QWidget* parent = nullptr);
    ~MainWindow() override;

    void showStoreStatus(const store::StoreStatus& status);
    void showApi(const QString& url, const QString& fingerprint);
    void showApiUnavailable(const QString& reason);

    void showPage(Page page);
    Page currentPage() const;
    bool isLocked() const;
    InactivityTimer& inactivityTimer() { return *m_idle; }
    LockPage* lockPage() const { return m_lockPage; }

    // The setting: minutes without input before the console locks (0: never).
    static int lockAfterMinutes();
    static void setLockAfterMinutes(int minutes);

public slots:
    void lock();
    // The console's settings, in a dialog.
    void openSettings();
    void signOut();

protected:
    void closeEvent(QCloseEvent* event) override;

private:
    void buildToolBar();
    void buildStatusBar();
    QWidget* buildPanes();
    void showLockPage(const QString& reason);
    void showConsole();
    void fillScopes();
    void showCheckpoint();
    void updateIdentity();
    void rememberLayout() const;

    ConsoleBridge& m_bridge;
    InactivityTimer* m_idle;
    QStackedWidget* m_pages;
    QSplitter* m_splitter = nullptr;
    QListWidget* m_navigation = nullptr;
    QStackedWidget* m_panes = nullptr;
    StorePane* m_storePane = nullptr;
    IdentitiesPane* m_identitiesPane = nullptr;
    OverviewPane* m_overviewPane = nullptr;
    LockPage* m_lockPage;
    QComboBox* m_scopes = nullptr;
    QAction* m_lockAction = nullptr;
    QAction* m_signOutAction = nullptr;
    QProgressBar* m_busy = nullptr;
    QLabel* m_identity = nullptr;
    QLabel* m_api = nullptr;
    QToolButton* m_copyApi = nullptr;
    QLabel* m_storeLabel = nullptr;
    QLabel* m_checkpoint = nullptr;
    QString m_apiUrl;
    QString m_apiFingerprint;
};

} // namespace gatehouse::ui
