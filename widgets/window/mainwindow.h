#pragma once

#include "store/types.h"

#include <QMainWindow>
#include <memory>

class QAction;
class QDockWidget;
class QLabel;
class QMenu;
class QTabWidget;

namespace mlwb {

class ComputeTargetActions;
class DocumentArea;
class EditorArea;
class ImageActions;
class Notifications;
class PropertiesPanel;
class RegistryActions;
class TasksPanel;
class TaxonomyModel;
class WelcomePage;
class Workspace;
class WorkspaceTree;

/// The workbench window: the workspace tree (left), documents (centre),
/// properties (right), tasks and log (bottom).
class MainWindow : public QMainWindow
{
    Q_OBJECT
public:
    /// Opens the workspace at `workspacePath` (empty: the startup workspace).
    /// A failure is shown in the log; hasWorkspace() tells.
    explicit MainWindow(const QString &workspacePath = QString(), QWidget *parent = nullptr);
    /// Shows an already opened workspace.
    explicit MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent = nullptr);
    ~MainWindow() override;

    /// $MLWB_WORKSPACE, else the last workspace used, else the default one.
    static QString startupWorkspacePath();

    /// Opens the workspace in `path` (the default one is created when missing)
    /// and shows it; on failure the current one stays and *error says why.
    bool openWorkspace(const QString &path, QString *error);
    bool hasWorkspace() const { return m_workspace != nullptr; }
    Workspace *workspace() const { return m_workspace.get(); }
    TaxonomyModel *taxonomyModel() const { return m_model; }
    DocumentArea *documents() const { return m_documents; }
    EditorArea *editor() const { return m_editor; }
    WorkspaceTree *workspaceTree() const { return m_tree; }
    ComputeTargetActions *computeTargetActions() const { return m_targetActions; }
    /// Register Model, from the menu, runs and their outputs.
    RegistryActions *registryActions() const { return m_registry; }
    ImageActions *imageActions() const { return m_images; }
    /// Desktop notifications when runs (and builds, registrations, deployments) end.
    Notifications *notifications() const { return m_notifications; }

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void setUp();
    void createDocks();
    void createMenus();
    void createEditorMenus();
    void attachVirtualMachine();
    void connectRegistry();
    void connectImages();
    void compareVersions(Id modelId, const QList<Id> &versionIds);
    /// The Deploy dialog, then the new deployment's page.
    void deploy(const QString &imageRef, const QList<Id> &modelVersionIds);
    void createEndpoint();
    void submitProject(const QString &projectDir, const QString &configPath);
    void restoreWindowState();
    void setWorkspace(std::unique_ptr<Workspace> workspace);
    void newWorkspace();
    void openWorkspaceDialog();
    void switchTo(const QString &path);
    void fillRecentMenu();
    void showCurrentProperties();
    void onWorkspaceChanged(const QStringList &topics);
    void showError(const QString &title, const QString &message);
    void showAccess();
    void about();

    std::unique_ptr<Workspace> m_workspace;
    TaxonomyModel *m_model = nullptr;
    WorkspaceTree *m_tree = nullptr;
    PropertiesPanel *m_properties = nullptr;
    TasksPanel *m_tasks = nullptr;
    DocumentArea *m_documents = nullptr;
    EditorArea *m_editor = nullptr;
    WelcomePage *m_welcome = nullptr;
    QDockWidget *m_treeDock = nullptr;
    QDockWidget *m_propertiesDock = nullptr;
    QDockWidget *m_tasksDock = nullptr;
    QMenu *m_recentMenu = nullptr;
    QLabel *m_pathLabel = nullptr;
    QLabel *m_readOnlyLabel = nullptr;
    QAction *m_attachAction = nullptr;
    QAction *m_registerModelAction = nullptr;
    RegistryActions *m_registry = nullptr;
    ImageActions *m_images = nullptr;
    ComputeTargetActions *m_targetActions = nullptr;
    Notifications *m_notifications = nullptr;
};

} // namespace mlwb
