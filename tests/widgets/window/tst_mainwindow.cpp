// The main window, offscreen: docks and tree on a real workspace, the
// properties panel, menus and shortcuts, the recent list and restored state.
#include "store/experiments.h"
#include "window/mainwindow.h"
#include "window/propertiespanel.h"
#include "store/runs.h"
#include "window/taskspanel.h"
#include "items/taxonomymodel.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"
#include "tree/workspacetree.h"

#include <QAction>
#include <QDir>
#include <QDockWidget>
#include <QLabel>
#include <QMenu>
#include <QSettings>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestMainWindow : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void opensOnWorkspaceWithGroups();
    void selectingAnExperimentFillsProperties();
    void menusHaveActionsWithShortcuts();
    void recentListShowsKnownWorkspaces();
    void doubleClickSwitchesWorkspace();
    void stateAndLastWorkspaceAreRestored();
    void damagedWorkspaceIsReportedNotFatal();

private:
    QString path(const QString &name) const { return QDir::cleanPath(m_dir->filePath(name)); }
    std::unique_ptr<Workspace> makeWorkspace(const QString &name);
    QAction *action(QWidget *window, const QString &name) const;

    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestMainWindow::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("MLWB_REGISTRY", QFile::encodeName(m_dir->filePath(QStringLiteral("registry.json"))));
    qunsetenv("MLWB_WORKSPACE");
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
}

void TestMainWindow::cleanup()
{
    m_dir.reset();
    qunsetenv("MLWB_REGISTRY");
}

std::unique_ptr<Workspace> TestMainWindow::makeWorkspace(const QString &name)
{
    QString error;
    auto ws = Workspace::create(path(name), &error);
    if (!ws)
        qWarning("%s", qPrintable(error));
    return ws;
}

QAction *TestMainWindow::action(QWidget *window, const QString &name) const
{
    return window->findChild<QAction *>(name);
}

void TestMainWindow::opensOnWorkspaceWithGroups()
{
    makeWorkspace(QStringLiteral("ws"));
    MainWindow window(path(QStringLiteral("ws")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.hasWorkspace());
    QCOMPARE(window.windowTitle(), QStringLiteral("ws"));
    auto *label = window.findChild<QLabel *>(QStringLiteral("workspacePathLabel"));
    QVERIFY(label);
    QCOMPARE(label->text(), QDir::toNativeSeparators(path(QStringLiteral("ws"))));
    auto *tree = window.findChild<WorkspaceTree *>(QStringLiteral("workspaceTree"));
    QVERIFY(tree);
    const QModelIndex ws = tree->model()->index(0, 0);
    QVERIFY(tree->isExpanded(ws));
    QCOMPARE(tree->model()->rowCount(ws), groupCount);
    QCOMPARE(tree->model()->index(2, 0, ws).data().toString(), QStringLiteral("Experiments (0)"));
    for (const char *dock : {"workspaceDock", "propertiesDock", "tasksDock"})
        QVERIFY2(window.findChild<QDockWidget *>(QLatin1String(dock))->isVisible(), dock);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("documentTabs"));
    QCOMPARE(tabs->count(), 1);
    QCOMPARE(tabs->currentWidget()->objectName(), QStringLiteral("welcomePage"));
    QCOMPARE(WorkspaceRegistry::list().value(0), path(QStringLiteral("ws")));
}

void TestMainWindow::selectingAnExperimentFillsProperties()
{
    auto ws = makeWorkspace(QStringLiteral("ws"));
    Experiment e;
    e.name = QStringLiteral("mnist");
    e.description = QStringLiteral("digits");
    QString error;
    QVERIFY(Experiments(*ws).create(&e, &error));
    Run run;
    run.experimentId = e.id;
    run.experimentName = e.name;
    run.tags.insert(QStringLiteral("lr"), QStringLiteral("0.1"));
    QVERIFY(Runs(*ws).create(&run, &error));
    ws.reset();
    MainWindow window(path(QStringLiteral("ws")));
    window.show();
    auto *tree = window.findChild<WorkspaceTree *>(QStringLiteral("workspaceTree"));
    auto *panel = window.findChild<PropertiesPanel *>(QStringLiteral("propertiesPanel"));
    const QModelIndex experiments = window.taxonomyModel()->groupIndex(Group::Experiments);
    tree->expand(experiments);
    QTRY_COMPARE(tree->model()->rowCount(experiments), 1);
    const QModelIndex mnist = tree->model()->index(0, 0, experiments);
    tree->setCurrentIndex(mnist);
    QCOMPARE(panel->value(QStringLiteral("Name")), QStringLiteral("mnist"));
    QCOMPARE(panel->value(QStringLiteral("Description")), QStringLiteral("digits"));
    QCOMPARE(panel->value(QStringLiteral("Runs")), QStringLiteral("1"));
    tree->expand(mnist);
    QTRY_COMPARE(tree->model()->rowCount(mnist), 1);
    tree->setCurrentIndex(tree->model()->index(0, 0, mnist));
    QCOMPARE(panel->value(QStringLiteral("Run id")), run.uid);
    QCOMPARE(panel->value(QStringLiteral("Status")), QStringLiteral("Queued"));
    QCOMPARE(panel->value(QStringLiteral("Tag: lr")), QStringLiteral("0.1"));
    QCOMPARE(panel->value(QStringLiteral("Experiment")), QStringLiteral("mnist"));
}

void TestMainWindow::menusHaveActionsWithShortcuts()
{
    makeWorkspace(QStringLiteral("ws"));
    MainWindow window(path(QStringLiteral("ws")));
    QCOMPARE(action(&window, QStringLiteral("newWorkspaceAction"))->shortcut(),
             QKeySequence(QKeySequence::New));
    QCOMPARE(action(&window, QStringLiteral("openWorkspaceAction"))->shortcut(),
             QKeySequence(QKeySequence::Open));
    QCOMPARE(action(&window, QStringLiteral("quitAction"))->shortcut(),
             QKeySequence(QKeySequence::Quit));
    QVERIFY(action(&window, QStringLiteral("aboutAction")));
    auto *view = window.findChild<QMenu *>(QStringLiteral("viewMenu"));
    QVERIFY(view);
    QCOMPARE(view->actions().size(), 5); // three docks, a separator, Notifications
    QVERIFY(view->findChild<QMenu *>(QStringLiteral("notificationsMenu")));
    auto *tasksDock = window.findChild<QDockWidget *>(QStringLiteral("tasksDock"));
    window.show();
    QVERIFY(tasksDock->isVisible());
    tasksDock->toggleViewAction()->trigger();
    QVERIFY(!tasksDock->isVisible());
}

void TestMainWindow::recentListShowsKnownWorkspaces()
{
    makeWorkspace(QStringLiteral("one"));
    makeWorkspace(QStringLiteral("two"));
    QString error;
    QVERIFY(WorkspaceRegistry::touch(path(QStringLiteral("two")), &error));
    MainWindow window(path(QStringLiteral("one")));
    auto *recent = window.findChild<QMenu *>(QStringLiteral("openRecentMenu"));
    QVERIFY(recent);
    Q_EMIT recent->aboutToShow();
    QStringList texts;
    for (QAction *a : recent->actions())
        texts << a->text();
    QCOMPARE(texts, QStringList({QDir::toNativeSeparators(path(QStringLiteral("one"))),
                                 QDir::toNativeSeparators(path(QStringLiteral("two")))}));
    QVERIFY(!recent->actions().at(0)->isEnabled()); // the open one
    recent->actions().at(1)->trigger();
    QCOMPARE(window.workspace()->path(), path(QStringLiteral("two")));
    QCOMPARE(window.windowTitle(), QStringLiteral("two"));
    // Both stay in the tree, the open one first.
    QCOMPARE(window.taxonomyModel()->rowCount(), 2);
    QCOMPARE(window.taxonomyModel()->index(0, 0).data(TaxonomyModel::WorkspacePathRole).toString(),
             path(QStringLiteral("two")));
}

void TestMainWindow::doubleClickSwitchesWorkspace()
{
    makeWorkspace(QStringLiteral("one"));
    makeWorkspace(QStringLiteral("two"));
    QString error;
    QVERIFY(WorkspaceRegistry::touch(path(QStringLiteral("two")), &error));
    MainWindow window(path(QStringLiteral("one")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tree = window.findChild<WorkspaceTree *>(QStringLiteral("workspaceTree"));
    const QModelIndex two = window.taxonomyModel()->workspaceIndex(path(QStringLiteral("two")));
    QVERIFY(two.isValid());
    QVERIFY(!window.taxonomyModel()->hasChildren(two));
    tree->scrollTo(two);
    const QPoint at = tree->visualRect(two).center();
    // A real double click: the view only reports one on the row it saw pressed.
    QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    QTRY_COMPARE(window.workspace()->path(), path(QStringLiteral("two")));
    QVERIFY(window.taxonomyModel()->index(0, 0).data(TaxonomyModel::IsOpenWorkspaceRole).toBool());
}

void TestMainWindow::stateAndLastWorkspaceAreRestored()
{
    makeWorkspace(QStringLiteral("one"));
    makeWorkspace(QStringLiteral("two"));
    {
        MainWindow window(path(QStringLiteral("two")));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        window.resize(1000, 700);
        window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->hide();
        window.close();
    }
    QCOMPARE(MainWindow::startupWorkspacePath(), path(QStringLiteral("two")));
    MainWindow window; // empty: the last workspace
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(window.workspace()->path(), path(QStringLiteral("two")));
    QCOMPARE(window.size(), QSize(1000, 700));
    QVERIFY(!window.findChild<QDockWidget *>(QStringLiteral("propertiesDock"))->isVisible());
    QVERIFY(window.findChild<QDockWidget *>(QStringLiteral("tasksDock"))->isVisible());
}

void TestMainWindow::damagedWorkspaceIsReportedNotFatal()
{
    QDir().mkpath(path(QStringLiteral("bad")));
    QFile db(path(QStringLiteral("bad/workspace.db")));
    QVERIFY(db.open(QIODevice::WriteOnly));
    db.write("this is not a database, just some text that is long enough to be a header......");
    db.close();
    MainWindow window(path(QStringLiteral("bad")));
    QVERIFY(!window.hasWorkspace());
    auto *tasks = window.findChild<TasksPanel *>(QStringLiteral("tasksPanel"));
    QVERIFY(tasks->logText().contains(QStringLiteral("Could not open the workspace")));
}

QTEST_MAIN(TestMainWindow)
#include "tst_mainwindow.moc"
