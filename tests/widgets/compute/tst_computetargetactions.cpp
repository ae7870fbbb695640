// Compute targets in the workbench, offscreen, on a real temporary workspace:
// the tree's context menus, detach and test from them, the run counts on
// target nodes and the run configuration's target chooser.
#include "compute/computetargetactions.h"
#include "compute/sshtargetdialog.h"
#include "items/taxonomyloader.h"
#include "items/taxonomymodel.h"
#include "runs/runconfigdialog.h"
#include "store/computetargets.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/workspace.h"
#include "tree/workspacetree.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QFormLayout>
#include <QLabel>
#include <QMenu>
#include <QSignalSpy>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <memory>

using namespace mlwb;

class TestComputeTargetActions : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void contextMenusOnTargetsAndGroup();
    void detachOfLocalIsRefused();
    void editOfLocalSetsItsConcurrency();
    void everyFieldLabelHasItsShortcut();
    void detachOfSshTargetWithoutRunsRemovesIt();
    void detachWithUnfinishedRunsIsRefused();
    void testConnectionReportsTheError();
    void detailTextCountsRunsAndFollowsChanges();
    void chooserListsTargetsWithRunsInFlight();
    void chooserReportsUnreachableTarget();

private:
    Id addRun(Id targetId, RunStatus status);
    QModelIndex targetNode(TaxonomyModel &model, const QString &name) const;
    std::unique_ptr<QMenu> menuFor(WorkspaceTree &tree, const QModelIndex &index) const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    Id m_experiment = 0;
    Id m_local = 0;
    Id m_vm = 0;
};

void TestComputeTargetActions::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    // Never read the user's ssh setup; nothing listens on port 1.
    qputenv("MLWB_SSH_KNOWN_HOSTS", QFile::encodeName(m_dir->filePath(QStringLiteral("kh"))));
    qputenv("MLWB_SSH_OPTIONS", "-F /dev/null");
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    ComputeTargets targets(*m_ws);
    const auto local = targets.find(QStringLiteral("local"), &error);
    QVERIFY2(local, qPrintable(error));
    m_local = local->id;
    ComputeTarget vm;
    vm.name = QStringLiteral("gpu-box");
    vm.kind = ComputeTarget::Kind::Ssh;
    vm.config.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    vm.config.insert(QStringLiteral("port"), 1);
    vm.config.insert(QStringLiteral("user"), QStringLiteral("ml"));
    QVERIFY2(targets.add(&vm, &error), qPrintable(error));
    m_vm = vm.id;
    Experiment e;
    e.name = QStringLiteral("mnist");
    QVERIFY2(Experiments(*m_ws).create(&e, &error), qPrintable(error));
    m_experiment = e.id;
}

void TestComputeTargetActions::cleanup()
{
    m_ws.reset();
    m_dir.reset();
    qunsetenv("MLWB_SSH_KNOWN_HOSTS");
    qunsetenv("MLWB_SSH_OPTIONS");
}

Id TestComputeTargetActions::addRun(Id targetId, RunStatus status)
{
    Run run;
    run.experimentId = m_experiment;
    run.experimentName = QStringLiteral("mnist");
    run.targetId = targetId;
    QString error;
    if (!Runs(*m_ws).create(&run, &error))
        qWarning("%s", qPrintable(error));
    if (status != RunStatus::Queued && !Runs(*m_ws).setStatus(run.id, status, &error))
        qWarning("%s", qPrintable(error));
    return run.id;
}

QModelIndex TestComputeTargetActions::targetNode(TaxonomyModel &model, const QString &name) const
{
    const QModelIndex group = model.groupIndex(Group::ComputeTargets);
    if (model.canFetchMore(group))
        model.fetchMore(group);
    for (int row = 0; row < model.rowCount(group); ++row) {
        const QModelIndex index = model.index(row, 0, group);
        if (index.data(TaxonomyModel::NameRole).toString() == name)
            return index;
    }
    return {};
}

std::unique_ptr<QMenu> TestComputeTargetActions::menuFor(WorkspaceTree &tree,
                                                         const QModelIndex &index) const
{
    return std::unique_ptr<QMenu>(tree.createContextMenu(index));
}

void TestComputeTargetActions::contextMenusOnTargetsAndGroup()
{
    TaxonomyModel model;
    model.setWorkspace(m_ws.get());
    WorkspaceTree tree;
    tree.setTaxonomyModel(&model);

    const QModelIndex vm = targetNode(model, QStringLiteral("gpu-box"));
    QVERIFY(vm.isValid());
    auto menu = menuFor(tree, vm);
    QVERIFY(menu);
    for (const char *name : {"editTargetAction", "testTargetAction", "detachTargetAction"}) {
        auto *action = menu->findChild<QAction *>(QLatin1String(name));
        QVERIFY2(action && action->isEnabled(), name);
    }
    QSignalSpy detach(&tree, &WorkspaceTree::detachTargetRequested);
    QSignalSpy edit(&tree, &WorkspaceTree::editTargetRequested);
    QSignalSpy test(&tree, &WorkspaceTree::testTargetRequested);
    menu->findChild<QAction *>(QStringLiteral("detachTargetAction"))->trigger();
    menu->findChild<QAction *>(QStringLiteral("editTargetAction"))->trigger();
    menu->findChild<QAction *>(QStringLiteral("testTargetAction"))->trigger();
    QCOMPARE(detach.count(), 1);
    QCOMPARE(detach.at(0).at(0).value<Id>(), m_vm);
    QCOMPARE(edit.at(0).at(0).value<Id>(), m_vm);
    QCOMPARE(test.at(0).at(0).value<Id>(), m_vm);

    // `local`: its concurrency can be edited, there is nothing to test, and
    // Detach is there to say why not.
    auto localMenu = menuFor(tree, targetNode(model, QStringLiteral("local")));
    QVERIFY(localMenu);
    QVERIFY(localMenu->findChild<QAction *>(QStringLiteral("editTargetAction"))->isEnabled());
    QVERIFY(!localMenu->findChild<QAction *>(QStringLiteral("testTargetAction"))->isEnabled());
    QVERIFY(localMenu->findChild<QAction *>(QStringLiteral("detachTargetAction"))->isEnabled());

    auto groupMenu = menuFor(tree, model.groupIndex(Group::ComputeTargets));
    QVERIFY(groupMenu);
    QSignalSpy attach(&tree, &WorkspaceTree::attachTargetRequested);
    groupMenu->findChild<QAction *>(QStringLiteral("attachTargetAction"))->trigger();
    QCOMPARE(attach.count(), 1);

    // Other groups have their own menus, without the compute target actions.
    auto experimentsMenu = menuFor(tree, model.groupIndex(Group::Experiments));
    QVERIFY(experimentsMenu);
    QVERIFY(!experimentsMenu->findChild<QAction *>(QStringLiteral("attachTargetAction")));
}

void TestComputeTargetActions::detachOfLocalIsRefused()
{
    ComputeTargetActions actions(nullptr);
    actions.setInteractive(false);
    actions.setWorkspace(m_ws.get());
    QSignalSpy errors(&actions, &ComputeTargetActions::errorLogged);
    QVERIFY(!actions.detach(m_local));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("cannot be detached")),
             qPrintable(errors.at(0).at(0).toString()));
    QVERIFY(ComputeTargets(*m_ws).find(m_local));
}

void TestComputeTargetActions::editOfLocalSetsItsConcurrency()
{
    ComputeTargetActions actions(nullptr);
    actions.setWorkspace(m_ws.get());
    QSignalSpy messages(&actions, &ComputeTargetActions::messageLogged);
    bool seen = false;
    // The dialog is modal: answer it from the event loop it runs.
    QTimer::singleShot(0, this, [&seen] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        auto *spin =
            dialog ? dialog->findChild<QSpinBox *>(QStringLiteral("maxConcurrentSpin")) : nullptr;
        if (!spin) {
            if (dialog)
                dialog->reject();
            return;
        }
        seen = true;
        QCOMPARE(spin->value(), 0);
        QVERIFY(spin->specialValueText().contains(QLatin1String("core")));
        spin->setValue(7);
        dialog->accept();
    });
    actions.edit(m_local);
    QVERIFY(seen);
    QCOMPARE(ComputeTargets(*m_ws).find(m_local)->maxConcurrent, 7);
    QCOMPARE(messages.count(), 1);
}

void TestComputeTargetActions::everyFieldLabelHasItsShortcut()
{
    // A label without a buddy shows its "&" as text ("&Identity file:").
    SshTargetDialog dialog;
    const auto labels = dialog.findChildren<QLabel *>();
    int checked = 0;
    for (const QLabel *label : labels) {
        if (!label->text().contains(QLatin1Char('&')))
            continue;
        QVERIFY2(label->buddy(), qPrintable(label->text()));
        ++checked;
    }
    QVERIFY(checked >= 9);
}

void TestComputeTargetActions::detachOfSshTargetWithoutRunsRemovesIt()
{
    addRun(m_vm, RunStatus::Completed); // finished runs do not hold a target
    ComputeTargetActions actions(nullptr);
    actions.setInteractive(false);
    actions.setWorkspace(m_ws.get());
    QSignalSpy messages(&actions, &ComputeTargetActions::messageLogged);
    QSignalSpy errors(&actions, &ComputeTargetActions::errorLogged);
    QVERIFY(actions.detach(m_vm));
    QCOMPARE(errors.count(), 0);
    QVERIFY(messages.count() == 1
            && messages.at(0).at(0).toString().contains(QStringLiteral("gpu-box")));
    QVERIFY(!ComputeTargets(*m_ws).find(m_vm));
}

void TestComputeTargetActions::detachWithUnfinishedRunsIsRefused()
{
    addRun(m_vm, RunStatus::Running);
    ComputeTargetActions actions(nullptr);
    actions.setInteractive(false);
    actions.setWorkspace(m_ws.get());
    QSignalSpy errors(&actions, &ComputeTargetActions::errorLogged);
    QVERIFY(!actions.detach(m_vm));
    QCOMPARE(errors.count(), 1);
    QVERIFY2(errors.at(0).at(0).toString().contains(QStringLiteral("unfinished")),
             qPrintable(errors.at(0).at(0).toString()));
    QVERIFY(ComputeTargets(*m_ws).find(m_vm));
}

void TestComputeTargetActions::testConnectionReportsTheError()
{
    ComputeTargetActions actions(nullptr);
    actions.setInteractive(false);
    actions.setWorkspace(m_ws.get());
    QSignalSpy finished(&actions, &ComputeTargetActions::testFinished);
    QSignalSpy errors(&actions, &ComputeTargetActions::errorLogged);
    actions.test(m_vm);
    QVERIFY(actions.isTesting()); // off the GUI thread: we are back before it ends
    QVERIFY(finished.wait(30000));
    const auto report = finished.at(0).at(1).value<SshReport>();
    QVERIFY(!report.ok);
    QVERIFY(!report.message.isEmpty());
    QVERIFY(!actions.isTesting());
    QVERIFY(errors.count() == 1 && errors.at(0).at(0).toString().contains(report.message));

    actions.test(m_local); // nothing to test: said at once
    QCOMPARE(errors.count(), 2);
}

void TestComputeTargetActions::detailTextCountsRunsAndFollowsChanges()
{
    addRun(m_vm, RunStatus::Running);
    addRun(m_vm, RunStatus::Preparing);
    addRun(m_vm, RunStatus::Queued);
    addRun(m_vm, RunStatus::Completed);
    addRun(m_local, RunStatus::Queued);
    TaxonomyModel model;
    model.setPollInterval(50);
    model.setWorkspace(m_ws.get());
    const QModelIndex vm = targetNode(model, QStringLiteral("gpu-box"));
    QCOMPARE(vm.data().toString(), QStringLiteral("gpu-box \u00b7 ssh \u00b7 2 running, 1 queued"));
    QCOMPARE(vm.data(TaxonomyModel::DetailRole).toString(),
             QStringLiteral("ssh \u00b7 2 running, 1 queued"));
    QCOMPARE(targetNode(model, QStringLiteral("local")).data().toString(),
             QStringLiteral("local \u00b7 1 queued"));

    // A run changing state updates the target node (the "runs" topic).
    const Id another = addRun(m_vm, RunStatus::Running);
    QTRY_COMPARE_WITH_TIMEOUT(targetNode(model, QStringLiteral("gpu-box")).data().toString(),
                              QStringLiteral("gpu-box \u00b7 ssh \u00b7 3 running, 1 queued"),
                              5000);
    QString error;
    QVERIFY2(Runs(*m_ws).finish(another, RunStatus::Completed, 0, QString(), &error),
             qPrintable(error));
    QTRY_COMPARE_WITH_TIMEOUT(targetNode(model, QStringLiteral("gpu-box")).data().toString(),
                              QStringLiteral("gpu-box \u00b7 ssh \u00b7 2 running, 1 queued"),
                              5000);
}

void TestComputeTargetActions::chooserListsTargetsWithRunsInFlight()
{
    addRun(m_vm, RunStatus::Running);
    addRun(m_vm, RunStatus::Queued);
    addRun(m_vm, RunStatus::Queued);
    RunConfig config;
    config.experimentName = QStringLiteral("mnist");
    config.command = QStringLiteral("python3 train.py");
    config.code = m_dir->path();
    config.compute = QStringLiteral("local");
    RunConfigDialog dialog(m_ws.get(), config);
    auto *compute = dialog.findChild<QComboBox *>(QStringLiteral("compute"));
    QVERIFY(compute);
    QCOMPARE(compute->count(), 2);
    const int vm = compute->findData(QStringLiteral("gpu-box"));
    const int local = compute->findData(QStringLiteral("local"));
    QVERIFY(vm >= 0 && local >= 0);
    const QString vmText = compute->itemText(vm);
    QVERIFY2(vmText.contains(QStringLiteral("ml@127.0.0.1"))
                 && vmText.contains(QStringLiteral("1 running, 2 queued")),
             qPrintable(vmText));
    QVERIFY2(compute->itemText(local).contains(QStringLiteral("idle")),
             qPrintable(compute->itemText(local)));
    QCOMPARE(dialog.config().compute, QStringLiteral("local"));
}

void TestComputeTargetActions::chooserReportsUnreachableTarget()
{
    RunConfig config;
    config.experimentName = QStringLiteral("mnist");
    config.command = QStringLiteral("python3 train.py");
    config.code = m_dir->path();
    config.compute = QStringLiteral("gpu-box");
    RunConfigDialog dialog(m_ws.get(), config);
    QSignalSpy checked(&dialog, &RunConfigDialog::reachabilityChecked);
    // The dialog is up before ssh answers.
    QVERIFY2(dialog.targetStatus(QStringLiteral("gpu-box")).contains(QStringLiteral("checking")),
             qPrintable(dialog.targetStatus(QStringLiteral("gpu-box"))));
    QVERIFY(!dialog.targetStatus(QStringLiteral("local")).contains(QStringLiteral("checking")));
    QVERIFY(checked.wait(RunConfigDialog::reachabilityTimeoutMs + 10000));
    QCOMPARE(checked.at(0).at(0).toString(), QStringLiteral("gpu-box"));
    QCOMPARE(checked.at(0).at(1).toBool(), false);
    const QString status = dialog.targetStatus(QStringLiteral("gpu-box"));
    QVERIFY2(status.contains(QStringLiteral("unreachable: ")) && status.length() > 20,
             qPrintable(status));
    auto *compute = dialog.findChild<QComboBox *>(QStringLiteral("compute"));
    QVERIFY(compute->currentText().contains(QStringLiteral("unreachable")));
    // Reachability is information, not a blocker: the config is still valid.
    QCOMPARE(dialog.config().compute, QStringLiteral("gpu-box"));
}

QTEST_MAIN(TestComputeTargetActions)
#include "tst_computetargetactions.moc"
