// The Tasks panel over the workspace's tasks: what a snapshot left out of a
// submitted project is shown with the packing task and logged by the window.
#include "editor/editorarea.h"
#include "runchecks.h"
#include "runs/runsubmission.h"
#include "runs/runsubmitter.h"
#include "store/tasks.h"
#include "store/workspace.h"
#include "window/mainwindow.h"
#include "window/taskspanel.h"

#include <QDir>
#include <QFile>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeWidget>

#include <filesystem>
#include <memory>

using namespace mlwb;

class TestTasksPanel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void snapshotTaskSaysWhatWasLeftOut();
    void packedSnapshotsLeaveFailuresStay();
    void submissionReportsWhatWasLeftOut();
    void windowLogsWhatWasLeftOut();

private:
    void writeProject();
    RunConfig config() const;

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_project;
};

void TestTasksPanel::initTestCase()
{
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
}

void TestTasksPanel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    qputenv("MLWB_REGISTRY", QFile::encodeName(m_dir->filePath(QStringLiteral("registry.json"))));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_project = m_dir->filePath(QStringLiteral("project"));
    writeProject();
}

void TestTasksPanel::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestTasksPanel::writeProject()
{
    QVERIFY(QDir().mkpath(m_project + QStringLiteral("/cache")));
    const QList<QPair<QString, QByteArray>> files = {
        {QStringLiteral("train.py"), "print(1)\n"},
        {QStringLiteral(".gitignore"), "*.log\ncache/\n"},
        {QStringLiteral("a.log"), "a"},
        {QStringLiteral("b.log"), "b"},
        {QStringLiteral("cache/x"), "x"}};
    for (const auto &file : files) {
        QFile f(m_project + u'/' + file.first);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write(file.second);
    }
    std::filesystem::create_symlink("/etc/passwd",
                                    QFile::encodeName(m_project).toStdString() + "/passwd");
}

RunConfig TestTasksPanel::config() const
{
    RunConfig config;
    config.experimentName = QStringLiteral("panel");
    config.code = m_project;
    config.command = RunConfig::commandFor(QString(), QStringLiteral("train.py"), {});
    return config;
}

// The model-level report: the snapshot task's message, as every program
// sharing the workspace reads it, and the panel's row for it.
void TestTasksPanel::snapshotTaskSaysWhatWasLeftOut()
{
    RunSubmitter submitter(*m_ws);
    submitter.setStartSupervisor(false);
    QString error;
    QVERIFY2(submitter.submit(config(), &error), qPrintable(error));
    const QString summary = submitter.leftOutSummary();
    QVERIFY2(summary.startsWith(QStringLiteral("Left out of the snapshot: 1 link")),
             qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("(passwd -> /etc/passwd)")), qPrintable(summary));
    QVERIFY2(summary.contains(QStringLiteral("ignored by .gitignore")), qPrintable(summary));

    const QList<Task> tasks = Tasks(*m_ws).list(false, &error);
    QCOMPARE(tasks.size(), 1);
    QCOMPARE(tasks.first().kind, QStringLiteral("snapshot"));
    QVERIFY2(tasks.first().message.contains(summary), qPrintable(tasks.first().message));

    TasksPanel panel;
    panel.setWorkspace(m_ws.get());
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("tasksList"));
    QVERIFY(list);
    QCOMPARE(list->topLevelItemCount(), 1);
    QVERIFY2(list->topLevelItem(0)->text(4).contains(summary),
             qPrintable(list->topLevelItem(0)->text(4)));
    QVERIFY(list->topLevelItem(0)->toolTip(4).contains(QStringLiteral("passwd -> /etc/passwd")));

    // A project with nothing left out says only how many files it packed.
    QVERIFY(QFile::remove(m_project + QStringLiteral("/passwd")));
    QVERIFY(QFile::remove(m_project + QStringLiteral("/.gitignore")));
    QVERIFY2(submitter.submit(config(), &error), qPrintable(error));
    QVERIFY(submitter.leftOutSummary().isEmpty());
    QVERIFY(!Tasks(*m_ws).list(false).first().message.contains(QStringLiteral("Left out")));
}

// A packed snapshot per run would fill the panel: it leaves after a few
// seconds; a failed one stays, and titles are made at display time.
void TestTasksPanel::packedSnapshotsLeaveFailuresStay()
{
    Tasks tasks(*m_ws);
    QString error;
    Task packed;
    packed.kind = QStringLiteral("snapshot");
    packed.title = QStringLiteral("project");
    QVERIFY2(tasks.start(&packed, &error), qPrintable(error));
    QVERIFY(tasks.finish(packed.id, Task::State::Succeeded, QStringLiteral("3 files"), &error));
    Task failed = packed;
    QVERIFY(tasks.start(&failed, &error));
    QVERIFY(tasks.finish(failed.id, Task::State::Failed, QStringLiteral("disk full"), &error));
    TasksPanel panel;
    panel.setWorkspace(m_ws.get());
    auto *list = panel.findChild<QTreeWidget *>(QStringLiteral("tasksList"));
    QCOMPARE(list->topLevelItemCount(), 2);
    QCOMPARE(list->topLevelItem(0)->text(0), QStringLiteral("Packing snapshot of project"));
    QCOMPARE(list->topLevelItem(0)->text(1), QStringLiteral("Snapshot"));
    QCOMPARE(panel.tabText(0), QStringLiteral("Tasks (2)"));
    QTRY_COMPARE_WITH_TIMEOUT(list->topLevelItemCount(), 1, 8000);
    QCOMPARE(list->topLevelItem(0)->text(2), QStringLiteral("Failed"));
    QCOMPARE(list->topLevelItem(0)->text(4), QStringLiteral("disk full"));
    QCOMPARE(panel.tabText(0), QStringLiteral("Tasks (1)"));
}

// The GUI's submit runs on a worker thread; its report reaches the window.
void TestTasksPanel::submissionReportsWhatWasLeftOut()
{
    auto *submission = RunSubmission::start(m_ws->path(), config(), this);
    QSignalSpy leftOut(submission, &RunSubmission::leftOut);
    QSignalSpy submitted(submission, &RunSubmission::submitted);
    QSignalSpy failed(submission, &RunSubmission::failed);
    QTRY_COMPARE_WITH_TIMEOUT(submitted.size() + failed.size(), 1, 30000);
    QCOMPARE(failed.size(), 0);
    QCOMPARE(leftOut.size(), 1);
    const QString summary = leftOut.first().first().toString();
    QVERIFY2(summary.contains(QStringLiteral("passwd -> /etc/passwd")), qPrintable(summary));
    const Run run = testing::waitForFinal(*m_ws, submitted.first().first().value<Id>(), 30000);
    QCOMPARE(run.status, RunStatus::Completed);
}

// The Run button's path: the window's log says what was left out.
void TestTasksPanel::windowLogsWhatWasLeftOut()
{
    const QString configPath = m_project + QStringLiteral("/mlwb.yaml");
    QFile yaml(configPath);
    QVERIFY(yaml.open(QIODevice::WriteOnly));
    yaml.write("experiment_name: panel\ncommand: python3 train.py\n");
    yaml.close();
    const QString wsPath = m_ws->path();
    m_ws.reset();
    MainWindow window(wsPath);
    QVERIFY(window.hasWorkspace());
    auto *editor = window.findChild<EditorArea *>();
    auto *tasks = window.findChild<TasksPanel *>(QStringLiteral("tasksPanel"));
    QVERIFY(editor && tasks);
    Q_EMIT editor->runRequested(m_project, configPath);
    QTRY_VERIFY_WITH_TIMEOUT(tasks->logText().contains(QStringLiteral("Submitted run")), 30000);
    QVERIFY2(tasks->logText().contains(QStringLiteral("Left out of the snapshot")),
             qPrintable(tasks->logText()));
    QVERIFY(tasks->logText().contains(QStringLiteral("passwd -> /etc/passwd")));
    QString error;
    m_ws = Workspace::open(wsPath, &error);
    QVERIFY2(m_ws, qPrintable(error));
    const QList<Run> runs = Runs(*m_ws).unfinished(&error);
    for (const Run &run : runs)
        QCOMPARE(testing::waitForFinal(*m_ws, run.id, 30000).status, RunStatus::Completed);
}

QTEST_MAIN(TestTasksPanel)
#include "tst_taskspanel.moc"
