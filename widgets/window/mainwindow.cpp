#include "window/mainwindow.h"

#include "runs/rundetails.h"

#include "compute/computetargetactions.h"
#include "editor/editorarea.h"
#include "images/imageactions.h"
#include "items/taxonomymodel.h"
#include "registry/registermodelwizard.h"
#include "registry/registryactions.h"
#include "runs/runlauncher.h"
#include "runs/runsubmission.h"
#include "serving/createendpointdialog.h"
#include "serving/deploydialog.h"
#include "serving/deployer.h"
#include "serving/endpointsupervisor.h"
#include "store/defaultworkspace.h"
#include "store/images.h"
#include "store/models.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"
#include "tree/workspacetree.h"
#include "window/documentarea.h"
#include "window/notifications.h"
#include "window/propertiespanel.h"
#include "window/taskspanel.h"
#include "window/welcomepage.h"
#include "window/workspacechooser.h"

#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileInfo>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QStatusBar>
#include <QTabBar>
#include <QTabWidget>
#include <algorithm>

namespace mlwb {

namespace {

QSettings settings()
{
    return QSettings(QStringLiteral("mlwb"), QStringLiteral("mlwb"));
}

} // namespace

MainWindow::MainWindow(const QString &workspacePath, QWidget *parent)
    : QMainWindow(parent)
{
    setUp();
    QString error;
    const QString path = workspacePath.isEmpty() ? startupWorkspacePath() : workspacePath;
    if (!openWorkspace(path, &error))
        m_tasks->logError(tr("Could not open the workspace in %1: %2")
                              .arg(QDir::toNativeSeparators(path), error));
}

MainWindow::MainWindow(std::unique_ptr<Workspace> workspace, QWidget *parent)
    : QMainWindow(parent)
{
    setUp();
    setWorkspace(std::move(workspace));
}

MainWindow::~MainWindow()
{
    // The model must let go of the workspace before the workspace goes.
    m_model->setWorkspace(nullptr);
    m_notifications->setWorkspace(nullptr);
}

QString MainWindow::startupWorkspacePath()
{
    if (!qEnvironmentVariableIsEmpty("MLWB_WORKSPACE"))
        return defaults::resolveWorkspacePath(QString());
    const QString last = settings().value(QStringLiteral("lastWorkspace")).toString();
    if (!last.isEmpty() && Workspace::exists(last))
        return last;
    return defaults::resolveWorkspacePath(QString());
}

void MainWindow::setUp()
{
    setObjectName(QStringLiteral("mainWindow"));
    setWindowTitle(tr("ML Workbench"));
    m_model = new TaxonomyModel(this);
    m_welcome = new WelcomePage(this);
    m_editor = new EditorArea(this);
    m_editor->setObjectName(QStringLiteral("editorArea"));
    m_documents = new DocumentArea(m_welcome, m_editor, this);
    setCentralWidget(m_documents);
    connect(m_welcome, &WelcomePage::sampleRequested, this, [this](const QString &folder) {
        m_documents->showEditor(folder);
        // Start where the sample starts: its training script.
        const QString script = QDir(folder).filePath(QStringLiteral("train.py"));
        if (QFileInfo::exists(script))
            m_editor->openFile(script);
    });
    connect(m_welcome, &WelcomePage::runRequested, this,
            [this](Id runId) { m_documents->openRun(runId); });
    connect(m_editor, &EditorArea::runRequested, this, &MainWindow::submitProject);
    createDocks();
    m_notifications = new Notifications(this, new DesktopNotifier(this));
    connect(m_notifications, &Notifications::activated, this,
            [this](NotificationKind kind, qint64 id) {
                if (kind == NotificationKind::Run)
                    m_documents->openRun(id);
            });
    connect(m_notifications, &Notifications::errorOccurred, m_tasks, &TasksPanel::logError);
    createMenus();
    m_pathLabel = new QLabel(this);
    m_pathLabel->setObjectName(QStringLiteral("workspacePathLabel"));
    statusBar()->addWidget(m_pathLabel, 1);
    m_readOnlyLabel = new QLabel(this);
    m_readOnlyLabel->setObjectName(QStringLiteral("readOnlyIndicator"));
    m_readOnlyLabel->setStyleSheet(QStringLiteral("font-weight: bold"));
    m_readOnlyLabel->hide();
    statusBar()->addPermanentWidget(m_readOnlyLabel);
    connect(m_model, &TaxonomyModel::workspaceChanged, this, &MainWindow::onWorkspaceChanged);
    connect(m_model, &TaxonomyModel::errorOccurred, m_tasks, &TasksPanel::logError);
    restoreWindowState();
}

void MainWindow::createDocks()
{
    auto dock = [this](QDockWidget **out, const QString &name, const QString &title,
                       QWidget *widget, Qt::DockWidgetArea area) {
        *out = new QDockWidget(title, this);
        (*out)->setObjectName(name);
        (*out)->setWidget(widget);
        addDockWidget(area, *out);
    };
    m_tree = new WorkspaceTree(this);
    m_tree->setObjectName(QStringLiteral("workspaceTree"));
    m_tree->setTaxonomyModel(m_model);
    m_properties = new PropertiesPanel(this);
    m_properties->setObjectName(QStringLiteral("propertiesPanel"));
    m_tasks = new TasksPanel(this);
    m_tasks->setObjectName(QStringLiteral("tasksPanel"));
    dock(&m_treeDock, QStringLiteral("workspaceDock"), tr("Workspace"), m_tree,
         Qt::LeftDockWidgetArea);
    dock(&m_propertiesDock, QStringLiteral("propertiesDock"), tr("Properties"), m_properties,
         Qt::RightDockWidgetArea);
    dock(&m_tasksDock, QStringLiteral("tasksDock"), tr("Tasks and Log"), m_tasks,
         Qt::BottomDockWidgetArea);
    // The side docks run full height; the tasks dock sits under the documents only.
    setCorner(Qt::BottomLeftCorner, Qt::LeftDockWidgetArea);
    setCorner(Qt::BottomRightCorner, Qt::RightDockWidgetArea);
    connect(m_tree->selectionModel(), &QItemSelectionModel::currentChanged, this,
            &MainWindow::showCurrentProperties);
    // The dock describes what is in front: a run's page brings its run.
    connect(m_documents, &QTabWidget::currentChanged, this, [this] {
        if (auto *details = qobject_cast<RunDetails *>(m_documents->currentWidget()))
            m_properties->showRun(m_workspace.get(), details->runId());
    });
    connect(m_tree, &WorkspaceTree::workspaceActivated, this, &MainWindow::switchTo);
    connect(m_tree, &WorkspaceTree::runActivated, this,
            [this](Id runId) { m_documents->openRun(runId); });
    connect(m_tree, &WorkspaceTree::experimentActivated, this,
            [this](Id id, const QString &name) { m_documents->openRunsTable(id, name); });
    connect(m_properties, &PropertiesPanel::errorOccurred, m_tasks, &TasksPanel::logError);
    m_targetActions = new ComputeTargetActions(this, this);
    connect(m_targetActions, &ComputeTargetActions::messageLogged, m_tasks,
            &TasksPanel::logMessage);
    connect(m_targetActions, &ComputeTargetActions::errorLogged, m_tasks, &TasksPanel::logError);
    connect(m_tree, &WorkspaceTree::attachTargetRequested, this, &MainWindow::attachVirtualMachine);
    connect(m_tree, &WorkspaceTree::editTargetRequested, m_targetActions,
            &ComputeTargetActions::edit);
    connect(m_tree, &WorkspaceTree::testTargetRequested, m_targetActions,
            &ComputeTargetActions::test);
    connect(m_tree, &WorkspaceTree::detachTargetRequested, m_targetActions,
            &ComputeTargetActions::detach);
    connectRegistry();
}

void MainWindow::connectRegistry()
{
    m_registry = new RegistryActions(this, this);
    connect(m_registry, &RegistryActions::messageLogged, m_tasks, &TasksPanel::logMessage);
    connect(m_registry, &RegistryActions::errorLogged, m_tasks, &TasksPanel::logError);
    connect(m_registry, &RegistryActions::versionRegistered, this,
            [this](const ModelVersion &v) { m_documents->openModelVersion(v.modelId, v.id); });
    connect(m_tree, &WorkspaceTree::registerModelRequested, this,
            [this](Id runId) { m_registry->registerModel(runId); });
    connect(m_documents, &DocumentArea::registerModelRequested, m_registry,
            &RegistryActions::registerModel);
    connect(m_tree, &WorkspaceTree::modelVersionActivated, m_documents,
            &DocumentArea::openModelVersion);
    connect(m_tree, &WorkspaceTree::environmentActivated, m_documents,
            &DocumentArea::openEnvironment);
    connect(m_tree, &WorkspaceTree::compareVersionsRequested, this, &MainWindow::compareVersions);
    connect(m_tree, &WorkspaceTree::deploymentActivated, m_documents,
            &DocumentArea::openDeployment);
    connect(m_tree, &WorkspaceTree::deployRequested, this,
            [this](const QList<Id> &versions) { deploy(QString(), versions); });
    connect(m_tree, &WorkspaceTree::endpointActivated, m_documents, &DocumentArea::openEndpoint);
    connect(m_tree, &WorkspaceTree::createEndpointRequested, this, &MainWindow::createEndpoint);
    connectImages();
}

void MainWindow::connectImages()
{
    m_images = new ImageActions(this, this);
    connect(m_images, &ImageActions::messageLogged, m_tasks, &TasksPanel::logMessage);
    connect(m_images, &ImageActions::errorLogged, m_tasks, &TasksPanel::logError);
    connect(m_images, &ImageActions::imageBuilt, this,
            [this](const Image &image) { m_documents->openImage(image.id); });
    connect(m_images, &ImageActions::openInEditor, this, [this](const QString &path) {
        m_documents->showEditor();
        m_editor->openFile(path);
    });
    connect(m_tree, &WorkspaceTree::buildImageRequested, m_images, &ImageActions::buildImage);
    connect(m_tree, &WorkspaceTree::imageActivated, m_documents, &DocumentArea::openImage);
    connect(m_documents, &DocumentArea::buildImageRequested, m_images, &ImageActions::buildImage);
    connect(m_documents, &DocumentArea::messageLogged, m_tasks, &TasksPanel::logMessage);
    connect(m_documents, &DocumentArea::errorLogged, m_tasks, &TasksPanel::logError);
    connect(m_documents, &DocumentArea::deployRequested, this,
            [this](const QString &imageRef) { deploy(imageRef, {}); });
    connect(m_documents, &DocumentArea::openImageRequested, m_documents, &DocumentArea::openImage);
    connect(m_tree, &WorkspaceTree::deployImageRequested, this, [this](Id imageId) {
        if (!m_workspace)
            return;
        if (const auto image = Images(*m_workspace).find(imageId))
            deploy(image->name + QLatin1Char(':') + image->tag, {});
    });
}

// The tree names versions by id; the comparison wants them whole.
void MainWindow::compareVersions(Id modelId, const QList<Id> &versionIds)
{
    if (!m_workspace)
        return;
    QString error;
    QList<ModelVersion> chosen;
    const QList<ModelVersion> versions = Models(*m_workspace).versions(modelId, &error);
    for (auto it = versions.crbegin(); it != versions.crend(); ++it) // oldest first
        if (versionIds.isEmpty() || versionIds.contains(it->id))
            chosen << *it;
    if (!error.isEmpty())
        return showError(tr("Compare Versions"), error);
    m_documents->openVersionComparison(chosen);
}

void MainWindow::createMenus()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *create = file->addAction(tr("&New Workspace…"), this, &MainWindow::newWorkspace);
    create->setObjectName(QStringLiteral("newWorkspaceAction"));
    // No Ctrl+N: a new workspace is rare, and the key means a new file to most people.
    QAction *open = file->addAction(tr("&Open Workspace…"), this, &MainWindow::openWorkspaceDialog);
    open->setObjectName(QStringLiteral("openWorkspaceAction"));
    open->setShortcut(QKeySequence::Open);
    QAction *project = file->addAction(tr("Open &Project Folder…"), this, [this] {
        m_documents->showEditor();
        m_editor->openFolderAction()->trigger();
    });
    project->setObjectName(QStringLiteral("openProjectAction"));
    m_recentMenu = file->addMenu(tr("Open &Recent"));
    m_recentMenu->setObjectName(QStringLiteral("openRecentMenu"));
    connect(m_recentMenu, &QMenu::aboutToShow, this, &MainWindow::fillRecentMenu);
    fillRecentMenu();
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("quitAction"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    createEditorMenus();

    QMenu *view = menuBar()->addMenu(tr("&View"));
    view->setObjectName(QStringLiteral("viewMenu"));
    view->addAction(m_treeDock->toggleViewAction());
    view->addAction(m_propertiesDock->toggleViewAction());
    view->addAction(m_tasksDock->toggleViewAction());
    view->addSeparator();
    view->addMenu(m_notifications->createMenu(view));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *aboutAction = help->addAction(tr("&About ML Workbench"), this, &MainWindow::about);
    aboutAction->setObjectName(QStringLiteral("aboutAction"));
    aboutAction->setMenuRole(QAction::AboutRole);
    help->addAction(tr("About &Qt"), qApp, &QApplication::aboutQt);
}

// The editor's actions, where a user looks for them: Edit and Run.
void MainWindow::createEditorMenus()
{
    QMenu *file = menuBar()->actions().constFirst()->menu();
    QAction *quit = file->actions().constLast();
    file->insertActions(quit, {m_editor->openFileAction(), m_editor->saveAction(),
                               m_editor->saveAsAction(), m_editor->saveAllAction(),
                               m_editor->closeTabAction()});
    file->insertSeparator(quit);
    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    edit->addActions({m_editor->undoAction(), m_editor->redoAction()});
    edit->addSeparator();
    // Whatever has the focus does it: the editor, a line edit, a log, a table.
    const struct {
        const char *name, *slot;
        QString text;
        QKeySequence::StandardKey key;
    } clipboard[] = {{"cutAction", "cut", tr("Cu&t"), QKeySequence::Cut},
                     {"copyAction", "copy", tr("&Copy"), QKeySequence::Copy},
                     {"pasteAction", "paste", tr("&Paste"), QKeySequence::Paste},
                     {"selectAllAction", "selectAll", tr("Select &All"), QKeySequence::SelectAll}};
    for (const auto &c : clipboard) {
        QAction *action = edit->addAction(c.text, this, [slot = c.slot] {
            if (QWidget *focus = QApplication::focusWidget())
                QMetaObject::invokeMethod(focus, slot);
        });
        action->setObjectName(QLatin1String(c.name));
        action->setShortcut(c.key);
    }
    edit->addSeparator();
    edit->addActions(
        {m_editor->findAction(), m_editor->replaceAction(), m_editor->goToLineAction()});
    QMenu *run = menuBar()->addMenu(tr("&Run"));
    run->setObjectName(QStringLiteral("runMenu"));
    run->addActions({m_editor->runAction(), m_editor->runConfigurationAction()});
    QAction *allRuns = run->addAction(tr("&All Runs"), this,
                                      [this] { m_documents->openRunsTable(0, tr("All Runs")); });
    allRuns->setObjectName(QStringLiteral("allRunsAction"));
    QMenu *compute = menuBar()->addMenu(tr("&Compute"));
    m_attachAction =
        compute->addAction(tr("&Attach Linux VM…"), this, &MainWindow::attachVirtualMachine);
    m_attachAction->setObjectName(QStringLiteral("attachVmAction"));
    QMenu *models = menuBar()->addMenu(tr("&Models"));
    models->setObjectName(QStringLiteral("modelsMenu"));
    m_registerModelAction =
        models->addAction(tr("&Register Model…"), this, [this] { m_registry->registerModel(); });
    m_registerModelAction->setObjectName(QStringLiteral("registerModelAction"));
    models->addAction(tr("Build &Image…"), this, [this] { m_images->buildImage(); })
        ->setObjectName(QStringLiteral("buildImageAction"));
    models->addAction(tr("&Deploy…"), this, [this] { deploy(QString(), {}); })
        ->setObjectName(QStringLiteral("deployMenuAction"));
    models->addAction(tr("Create &Endpoint…"), this, &MainWindow::createEndpoint)
        ->setObjectName(QStringLiteral("createEndpointMenuAction"));
}

void MainWindow::createEndpoint()
{
    if (!m_workspace)
        return;
    if (const Id id = openCreateEndpointDialog(this, *m_workspace); id > 0)
        m_documents->openEndpoint(id);
}

void MainWindow::deploy(const QString &imageRef, const QList<Id> &modelVersionIds)
{
    if (!m_workspace)
        return;
    const Id id = openDeployDialog(this, *m_workspace, imageRef, modelVersionIds);
    if (id > 0)
        m_documents->openDeployment(id);
}

void MainWindow::attachVirtualMachine()
{
    QString error;
    if (m_workspace && !m_workspace->checkWritable(&error)) {
        showError(tr("Attach Linux VM"), error);
        return;
    }
    m_targetActions->attach();
}

void MainWindow::submitProject(const QString &projectDir, const QString &configPath)
{
    if (!m_workspace)
        return;
    RunConfig config;
    QString error;
    if (!m_workspace->checkWritable(&error)) {
        showError(tr("Cannot run %1").arg(QDir::toNativeSeparators(projectDir)), error);
        return;
    }
    if (!RunConfig::load(configPath, &config, &error)) {
        showError(tr("Cannot run %1").arg(QDir::toNativeSeparators(projectDir)), error);
        return;
    }
    m_tasks->logMessage(tr("Submitting %1 to %2…").arg(QDir(projectDir).dirName(), config.compute));
    auto *submission = RunSubmission::start(m_workspace->path(), config, this);
    connect(submission, &RunSubmission::leftOut, m_tasks, &TasksPanel::logMessage);
    connect(submission, &RunSubmission::submitted, this, [this](Id runId, const QString &uid) {
        m_tasks->logMessage(tr("Submitted run %1").arg(uid));
        m_documents->openRun(runId);
    });
    connect(submission, &RunSubmission::failed, this, [this](const QString &message) {
        showError(tr("The run was not submitted"), message);
    });
}

void MainWindow::restoreWindowState()
{
    const QSettings s = settings();
    if (!restoreGeometry(s.value(QStringLiteral("geometry")).toByteArray()))
        resize(1440, 900);
    if (!restoreState(s.value(QStringLiteral("windowState")).toByteArray())) {
        resizeDocks({m_treeDock, m_propertiesDock}, {300, 320}, Qt::Horizontal);
        resizeDocks({m_tasksDock}, {190}, Qt::Vertical);
    }
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    // Runs go on without the window; only unsaved edits need asking about.
    if (!m_editor->maybeSaveAll()) {
        event->ignore();
        return;
    }
    QSettings s = settings();
    s.setValue(QStringLiteral("geometry"), saveGeometry());
    s.setValue(QStringLiteral("windowState"), saveState());
    QMainWindow::closeEvent(event);
}

bool MainWindow::openWorkspace(const QString &path, QString *error)
{
    auto ws = defaults::openOrCreate(path, error);
    if (!ws)
        return false;
    setWorkspace(std::move(ws));
    return true;
}

void MainWindow::setWorkspace(std::unique_ptr<Workspace> workspace)
{
    // Point everything at the new workspace before the old one closes.
    m_model->setWorkspace(workspace.get());
    m_tasks->setWorkspace(workspace.get());
    m_welcome->setWorkspace(workspace.get(), m_model);
    m_properties->showIndex(workspace.get(), QModelIndex());
    m_documents->setWorkspace(workspace.get());
    m_editor->setWorkspace(workspace.get());
    m_targetActions->setWorkspace(workspace.get());
    m_registry->setWorkspace(workspace.get());
    m_images->setWorkspace(workspace.get());
    m_notifications->setWorkspace(workspace.get());
    m_workspace = std::move(workspace);
    showAccess();
    if (!m_workspace) {
        setWindowTitle(tr("ML Workbench"));
        m_pathLabel->clear();
        return;
    }
    const QString path = m_workspace->path();
    QString error;
    if (!WorkspaceRegistry::touch(path, &error))
        m_tasks->logError(error);
    m_model->setKnownWorkspaces(WorkspaceRegistry::list());
    settings().setValue(QStringLiteral("lastWorkspace"), path);
    m_pathLabel->setText(QDir::toNativeSeparators(path));
    m_tree->setCurrentIndex(m_model->workspaceIndex(path));
    if (m_workspace->isReadOnly()) {
        setWindowTitle(tr("%1 (read-only)").arg(m_workspace->name()));
        // Nothing can be supervised where nothing can be written.
        m_tasks->logError(tr("Opened workspace %1 read-only: %2.")
                              .arg(QDir::toNativeSeparators(path), m_workspace->readOnlyReason()));
        return;
    }
    setWindowTitle(m_workspace->name());
    m_tasks->logMessage(tr("Opened workspace %1").arg(QDir::toNativeSeparators(path)));
    // Runs whose supervisor died while nothing was open get a new one.
    const int restarted = RunLauncher::restartOrphans(*m_workspace, &error);
    if (restarted > 0)
        m_tasks->logMessage(tr("Reattached to %n unfinished run(s).", nullptr, restarted));
    else if (!error.isEmpty())
        m_tasks->logError(error);
    // So do deployments that should be serving; a live server is adopted, not restarted.
    error.clear();
    const int watched = Deployer::reattach(*m_workspace, &error);
    if (watched > 0)
        m_tasks->logMessage(tr("Reattached to %n deployment(s).", nullptr, watched));
    else if (!error.isEmpty())
        m_tasks->logError(error);
    // And endpoints, whose URL should answer again.
    error.clear();
    const int endpoints = EndpointSupervisor::reattach(*m_workspace, &error);
    if (endpoints > 0)
        m_tasks->logMessage(tr("Started the proxy of %n endpoint(s) again.", nullptr, endpoints));
    else if (!error.isEmpty())
        m_tasks->logError(error);
}

// A read-only workspace says so in the status bar, and its writing actions are off.
void MainWindow::showAccess()
{
    const QString reason = m_workspace ? m_workspace->readOnlyReason() : QString();
    m_readOnlyLabel->setVisible(!reason.isEmpty());
    m_readOnlyLabel->setText(tr("Read-only: %1").arg(reason));
    m_readOnlyLabel->setToolTip(tr("This workspace cannot be changed: %1.").arg(reason));
    m_attachAction->setEnabled(reason.isEmpty());
    m_attachAction->setToolTip(reason.isEmpty() ? QString() : m_readOnlyLabel->toolTip());
    m_registerModelAction->setEnabled(reason.isEmpty());
    m_registerModelAction->setToolTip(m_attachAction->toolTip());
}

void MainWindow::newWorkspace()
{
    if (auto ws = WorkspaceChooser::createNew(this))
        setWorkspace(std::move(ws));
}

void MainWindow::openWorkspaceDialog()
{
    if (auto ws = WorkspaceChooser::openExisting(this))
        setWorkspace(std::move(ws));
}

void MainWindow::switchTo(const QString &path)
{
    QString error;
    if (!openWorkspace(path, &error))
        showError(tr("Open Workspace"),
                  tr("%1 could not be opened.\n\n%2").arg(QDir::toNativeSeparators(path), error));
}

void MainWindow::fillRecentMenu()
{
    m_recentMenu->clear();
    QString error;
    const QStringList paths = WorkspaceRegistry::list(&error);
    if (!error.isEmpty())
        m_tasks->logError(error);
    for (const QString &path : paths) {
        QAction *action = m_recentMenu->addAction(QDir::toNativeSeparators(path));
        action->setEnabled(!m_workspace || path != QDir::cleanPath(m_workspace->path()));
        connect(action, &QAction::triggered, this, [this, path] { switchTo(path); });
    }
    if (paths.isEmpty())
        m_recentMenu->addAction(tr("No recent workspaces"))->setEnabled(false);
}

void MainWindow::showCurrentProperties()
{
    m_properties->showIndex(m_workspace.get(), m_tree->currentIndex());
}

void MainWindow::onWorkspaceChanged(const QStringList &topics)
{
    // Points arrive many times a second; the welcome page shows none of them.
    if (!std::all_of(topics.begin(), topics.end(),
                     [](const QString &t) { return t == QLatin1String("metrics"); }))
        m_welcome->refresh();
    m_properties->reload(m_workspace.get());
    if (topics.contains(QLatin1String("tasks")))
        m_tasks->reload();
    m_notifications->workspaceChanged(topics);
}

void MainWindow::showError(const QString &title, const QString &message)
{
    m_tasks->logError(message);
    QMessageBox::warning(this, title, message);
}

void MainWindow::about()
{
    QMessageBox::about(this, tr("About ML Workbench"),
                       tr("<h3>ML Workbench %1</h3><p>The Azure Machine Learning workspace on "
                          "your own machine and your own Linux VMs: experiments, runs and "
                          "metrics, models, images and deployments.</p>")
                           .arg(QStringLiteral(MLWB_VERSION)));
}

} // namespace mlwb
