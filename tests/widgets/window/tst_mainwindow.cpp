// The main window, offscreen: docks and tree on a real workspace, the
// properties panel, menus and shortcuts, the recent list and restored state.
#include "items/taxonomymodel.h"
#include "runs/rundeletion.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"
#include "tree/workspaceactions.h"
#include "tree/workspacetree.h"
#include "window/documentarea.h"
#include "window/mainwindow.h"
#include "window/propertiespanel.h"
#include "window/tagchips.h"
#include "window/taskspanel.h"
#include "window/welcomepage.h"

#include <QAction>
#include <QApplication>
#include <QClipboard>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QFileInfo>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPainter>
#include <QSettings>
#include <QSignalSpy>
#include <QStandardPaths>
#include <QTabWidget>
#include <QTableWidget>
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
    void everyNodeHasAMenuAndDeletingARunTakesItsFiles();
    void menusHaveActionsWithShortcuts();
    void recentListShowsKnownWorkspaces();
    void doubleClickSwitchesWorkspace();
    void stateAndLastWorkspaceAreRestored();
    void damagedWorkspaceIsReportedNotFatal();
    void welcomePageKnowsTheWorkspace();
    void editActionsActOnTheFocusedWidget();
    void doubleClickOpensOrToggles();

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
    run.tags.insert(QStringLiteral("model"), QStringLiteral("cnn"));
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
    QCOMPARE(panel->value(QStringLiteral("Tags")), QStringLiteral("lr=0.1\nmodel=cnn"));
    QCOMPARE(panel->value(QStringLiteral("Experiment")), QStringLiteral("mnist"));
    // Empty fields are left out; ids wait under a folded Details row.
    QVERIFY(panel->value(QStringLiteral("Error")).isEmpty());
    auto *table = panel->findChild<QTableWidget *>(QStringLiteral("propertiesTable"));
    int idRow = -1, detailsRow = -1;
    for (int row = 0; row < table->rowCount(); ++row) {
        QVERIFY(table->item(row, 0)->text() != u"Error");
        if (table->item(row, 0)->text() == u"Id")
            idRow = row;
        if (table->item(row, 0)->text().endsWith(u"Details"))
            detailsRow = row;
    }
    QVERIFY(detailsRow >= 0 && idRow > detailsRow);
    // Tags are chips, one key=value each, wrapped onto lines in a narrow dock.
    int tagsRow = -1;
    for (int row = 0; row < table->rowCount(); ++row)
        if (table->item(row, 0)->text() == u"Tags")
            tagsRow = row;
    QVERIFY(tagsRow >= 0);
    const QStringList chips = table->item(tagsRow, 1)->data(TagChips::ChipsRole).toStringList();
    QCOMPARE(chips, (QStringList{QStringLiteral("lr=0.1"), QStringLiteral("model=cnn")}));
    const QFontMetrics metrics(table->font());
    const QList<QRect> wide = TagChips::layout(chips, 400, metrics);
    QCOMPARE(wide.at(0).top(), wide.at(1).top()); // side by side
    const QList<QRect> narrow = TagChips::layout(
        chips, metrics.horizontalAdvance(QStringLiteral("model=cnn")) + 24, metrics);
    QVERIFY(narrow.at(1).top() > narrow.at(0).bottom()); // the second on its own line
    QCOMPARE(table->rowHeight(tagsRow),
             std::max(table->verticalHeader()->defaultSectionSize(),
                      TagChips::height(chips, table->columnWidth(1), metrics)));
    QVERIFY(table->isRowHidden(idRow));
    QVERIFY(!table->isRowHidden(detailsRow));
    Q_EMIT table->cellClicked(detailsRow, 0);
    QVERIFY(!table->isRowHidden(idRow));
    QVERIFY(panel->detailsShown());
    // Only the chips are drawn, not the cell's text behind them.
    const auto cell = [&](const QString &text) {
        QTableWidgetItem item(text);
        item.setData(TagChips::ChipsRole, chips);
        QTableWidget one(1, 1);
        one.setItem(0, 0, item.clone());
        QStyleOptionViewItem option;
        option.initFrom(&one);
        option.rect = QRect(0, 0, 300, 60);
        option.widget = &one;
        QImage image(option.rect.size(), QImage::Format_ARGB32);
        image.fill(Qt::white);
        QPainter painter(&image);
        TagChips(nullptr).paint(&painter, option, one.model()->index(0, 0));
        return image;
    };
    QCOMPARE(cell(chips.join(u'\n')), cell(QString()));
}

// No dead ends: every group and every kind of node has something to offer.
void TestMainWindow::everyNodeHasAMenuAndDeletingARunTakesItsFiles()
{
    auto ws = makeWorkspace(QStringLiteral("ws"));
    Experiment e;
    e.name = QStringLiteral("mnist");
    QString error;
    QVERIFY(Experiments(*ws).create(&e, &error));
    Run run;
    run.experimentId = e.id;
    run.experimentName = e.name;
    QVERIFY(Runs(*ws).create(&run, &error));
    QVERIFY(Runs(*ws).finish(run.id, RunStatus::Completed, 0, QString(), &error));
    const QString folder = ws->folder(Workspace::Folder::Runs) + u'/' + run.uid;
    QVERIFY(QDir().mkpath(folder + QStringLiteral("/outputs")));
    QFile file(folder + QStringLiteral("/outputs/model.bin"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray(2048, 'x'));
    file.close();
    ws.reset();
    MainWindow window(path(QStringLiteral("ws")));
    window.show();
    auto *tree = window.findChild<WorkspaceTree *>(QStringLiteral("workspaceTree"));
    TaxonomyModel *model = window.taxonomyModel();
    for (int g = 0; g < groupCount; ++g) {
        std::unique_ptr<QMenu> menu(tree->createContextMenu(model->groupIndex(Group(g))));
        QVERIFY2(menu && !menu->actions().isEmpty(), qPrintable(QString::number(g)));
    }
    const QModelIndex experiments = model->groupIndex(Group::Experiments);
    tree->expand(experiments);
    QTRY_COMPARE(model->rowCount(experiments), 1);
    const QModelIndex mnist = model->index(0, 0, experiments);
    std::unique_ptr<QMenu> experimentMenu(tree->createContextMenu(mnist));
    QVERIFY(experimentMenu->findChild<QAction *>(QStringLiteral("deleteExperimentAction")));
    tree->expand(mnist);
    QTRY_COMPARE(model->rowCount(mnist), 1);
    std::unique_ptr<QMenu> runMenu(tree->createContextMenu(model->index(0, 0, mnist)));
    for (const char *name :
         {"openRunAction", "renameRunAction", "registerModelAction", "deleteRunAction"})
        QVERIFY2(runMenu->findChild<QAction *>(QLatin1String(name)), name);
    const QModelIndex stores = model->groupIndex(Group::Datastores);
    tree->expand(stores);
    QTRY_COMPARE(model->rowCount(stores), 1);
    std::unique_ptr<QMenu> storeMenu(tree->createContextMenu(model->index(0, 0, stores)));
    QVERIFY(storeMenu->findChild<QAction *>(QStringLiteral("removeDatastoreAction")));
    // The properties dock follows the document in front: the run's page.
    tree->setCurrentIndex(stores);
    auto *panel = window.findChild<PropertiesPanel *>(QStringLiteral("propertiesPanel"));
    window.documents()->openRun(run.id);
    QCOMPARE(panel->value(QStringLiteral("Experiment")), QStringLiteral("mnist"));
    window.documents()->setCurrentIndex(0);
    // The question counts what goes; the deletion takes the record and the folder.
    WorkspaceActions actions(window.workspace(), &window);
    const Run stored = *Runs(*window.workspace()).find(run.id);
    const QString question = actions.deleteRunQuestion(stored);
    QVERIFY2(question.contains(QLatin1String("1 file")) && question.contains(stored.displayName),
             qPrintable(question));
    QVERIFY2(RunDeletion(*window.workspace()).remove(stored, &error), qPrintable(error));
    QVERIFY(!Runs(*window.workspace()).find(run.id));
    QVERIFY(!QFileInfo::exists(folder));
    QTRY_COMPARE(model->rowCount(mnist), 0);
}

void TestMainWindow::menusHaveActionsWithShortcuts()
{
    makeWorkspace(QStringLiteral("ws"));
    MainWindow window(path(QStringLiteral("ws")));
    // Ctrl+N is not spent on something as rare as a new workspace.
    QVERIFY(action(&window, QStringLiteral("newWorkspaceAction"))->shortcut().isEmpty());
    QCOMPARE(action(&window, QStringLiteral("copyAction"))->shortcut(),
             QKeySequence(QKeySequence::Copy));
    QCOMPARE(action(&window, QStringLiteral("pasteAction"))->shortcut(),
             QKeySequence(QKeySequence::Paste));
    QCOMPARE(action(&window, QStringLiteral("cutAction"))->shortcut(),
             QKeySequence(QKeySequence::Cut));
    QCOMPARE(action(&window, QStringLiteral("selectAllAction"))->shortcut(),
             QKeySequence(QKeySequence::SelectAll));
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
void TestMainWindow::welcomePageKnowsTheWorkspace()
{
    auto ws = makeWorkspace(QStringLiteral("ws"));
    MainWindow window(path(QStringLiteral("ws")));
    auto *welcome = window.findChild<WelcomePage *>(QStringLiteral("welcomePage"));
    QVERIFY(welcome);
    QVERIFY2(welcome->text().contains(QLatin1String("first run")), qPrintable(welcome->text()));

    const auto experiment = Experiments(*ws).findOrCreate(QStringLiteral("tuning"), nullptr);
    Run first, second;
    for (Run *r : {&first, &second}) {
        r->experimentId = experiment->id;
        r->script = QStringLiteral("train.py");
        QString error;
        QVERIFY2(Runs(*ws).create(r, &error), qPrintable(error));
    }
    QVERIFY(Runs(*ws).finish(first.id, RunStatus::Failed, 1, QString(), nullptr));
    welcome->refresh();
    const QString text = welcome->text();
    // Runs are counted, the latest are listed to continue with, and the
    // next step is no longer the first run.
    QVERIFY2(text.contains(QLatin1String("Runs</td><td align=\"right\">&nbsp;&nbsp;2")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("run:%1").arg(second.id)), qPrintable(text));
    QVERIFY2(text.indexOf(QStringLiteral("run:%1").arg(second.id))
                 < text.indexOf(QStringLiteral("run:%1").arg(first.id)),
             "newest first");
    QVERIFY2(text.contains(QLatin1String("Failed")), qPrintable(text));
    QVERIFY2(!text.contains(QLatin1String("first run")), qPrintable(text));
    QVERIFY2(text.contains(QLatin1String("Compare")), qPrintable(text));

    // A run's link opens the run.
    QSignalSpy requested(welcome, &WelcomePage::runRequested);
    auto *body = welcome->findChildren<QLabel *>().constLast();
    Q_EMIT body->linkActivated(QStringLiteral("run:%1").arg(second.id));
    QCOMPARE(requested.count(), 1);
    QCOMPARE(requested.at(0).at(0).toLongLong(), second.id);
    auto *tabs = window.findChild<QTabWidget *>(QStringLiteral("documentTabs"));
    QCOMPARE(tabs->count(), 2);
}

void TestMainWindow::editActionsActOnTheFocusedWidget()
{
    makeWorkspace(QStringLiteral("ws"));
    MainWindow window(path(QStringLiteral("ws")));
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *line = new QLineEdit(QStringLiteral("hello"), &window);
    line->show();
    line->setFocus();
    QTRY_COMPARE(QApplication::focusWidget(), line);
    action(&window, QStringLiteral("selectAllAction"))->trigger();
    QCOMPARE(line->selectedText(), QStringLiteral("hello"));
    action(&window, QStringLiteral("copyAction"))->trigger();
    QCOMPARE(QApplication::clipboard()->text(), QStringLiteral("hello"));
    action(&window, QStringLiteral("cutAction"))->trigger();
    QCOMPARE(line->text(), QString());
    action(&window, QStringLiteral("pasteAction"))->trigger();
    QCOMPARE(line->text(), QStringLiteral("hello"));
}

void TestMainWindow::doubleClickOpensOrToggles()
{
    auto ws = makeWorkspace(QStringLiteral("ws"));
    const auto experiment = Experiments(*ws).findOrCreate(QStringLiteral("tuning"), nullptr);
    Run run;
    run.experimentId = experiment->id;
    run.script = QStringLiteral("train.py");
    QVERIFY(Runs(*ws).create(&run, nullptr));
    MainWindow window(path(QStringLiteral("ws")));
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto *tree = window.findChild<WorkspaceTree *>(QStringLiteral("workspaceTree"));
    const QModelIndex root = tree->model()->index(0, 0);
    const QModelIndex experiments = tree->model()->index(2, 0, root);
    const auto doubleClick = [tree](const QModelIndex &index) {
        tree->scrollTo(index);
        const QPoint at = tree->visualRect(index).center();
        // A real double click: the view only reports one on the row it saw pressed.
        QTest::mouseClick(tree->viewport(), Qt::LeftButton, {}, at);
        QTest::mouseDClick(tree->viewport(), Qt::LeftButton, {}, at);
    };
    // A group has nothing to open: it folds and unfolds.
    QVERIFY(!tree->isExpanded(experiments));
    doubleClick(experiments);
    QTRY_VERIFY(tree->isExpanded(experiments));
    // An experiment opens its runs table and stays as it was.
    QTRY_VERIFY(tree->model()->rowCount(experiments) > 0);
    const QModelIndex tuning = tree->model()->index(0, 0, experiments);
    QSignalSpy opened(tree, &WorkspaceTree::experimentActivated);
    doubleClick(tuning);
    QCOMPARE(opened.count(), 1);
    QVERIFY(!tree->isExpanded(tuning));
}

#include "tst_mainwindow.moc"
