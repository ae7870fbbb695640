// Runs on the local computer, end to end with real processes: the real
// mlwb binary supervises, the real Python helper logs, nothing is mocked.
#include "faultsummary.h"
#include "metrics/metrics.h"
#include "runchecks.h"
#include "runs/processgroup.h"
#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "runs/runqueue.h"
#include "runs/runreason.h"
#include "runs/runsubmitter.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"
#include <QDir>

#include <QElapsedTimer>
#include <QFile>
#include <QScopeGuard>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <csignal>
#include <unistd.h>

using namespace mlwb;

class TestRunLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void completedRunLogsMetricsAndOutputs();
    void failedRunKeepsExitCodeAndLogTail();
    void missingInterpreterIsClear();
    void aMissingRunHelperIsNamed();
    void cancelStopsTheWholeProcessGroup();
    void killedSupervisorIsReplacedAndCountsEveryPointOnce();
    void malformedLinesAreCountedNotFatal();
    void runUsesSnapshotNotProjectFolder();
    void ignoreFileAndSizeLimit();
    void concurrencyLimitQueuesRuns();
    void slotsFreedTogetherStartTogether();
    void timeLimitStopsRun();
    void childRunsNestUnderParent();

private:
    void writeFile(const QString &relative, const QByteArray &content);
    std::optional<Run> submit(const QString &script, const QStringList &args = {},
                              const QString &target = QStringLiteral("local"));
    Run waitForFinal(Id runId, int timeoutMs = 60000);
    QString runFolder(const Run &run) const;
    bool setLocalLimit(int maxConcurrent);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_project;
};

void TestRunLifecycle::initTestCase()
{
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
}

void TestRunLifecycle::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_project = m_dir->filePath(QStringLiteral("project"));
    QDir().mkpath(m_project);
}

void TestRunLifecycle::cleanup()
{
    // Leave no run behind: cancel whatever is still going.
    QString error;
    const auto unfinished = Runs(*m_ws).unfinished(&error);
    for (const Run &r : unfinished)
        RunLauncher::cancel(*m_ws, r.id, &error);
    for (const Run &r : unfinished)
        if (r.parentId == 0)
            waitForFinal(r.id, 15000);
    m_ws.reset();
    m_dir.reset();
}

void TestRunLifecycle::writeFile(const QString &relative, const QByteArray &content)
{
    const QString path = QDir(m_project).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

std::optional<Run> TestRunLifecycle::submit(const QString &script, const QStringList &args,
                                            const QString &target)
{
    RunConfig config;
    config.experimentName = QStringLiteral("lifecycle");
    config.code = m_project;
    config.compute = target;
    config.command = RunConfig::commandFor(QString(), script, args);
    QString error;
    auto run = RunSubmitter(*m_ws).submit(config, &error);
    if (!run)
        qWarning("submit failed: %s", qPrintable(error));
    return run;
}

Run TestRunLifecycle::waitForFinal(Id runId, int timeoutMs)
{
    return testing::waitForFinal(*m_ws, runId, timeoutMs);
}

bool TestRunLifecycle::setLocalLimit(int maxConcurrent)
{
    ComputeTargets targets(*m_ws);
    auto local = targets.find(QStringLiteral("local"));
    QString error;
    if (!local)
        return false;
    local->maxConcurrent = maxConcurrent;
    return targets.update(*local, &error);
}

QString TestRunLifecycle::runFolder(const Run &run) const
{
    return RunFolder(m_ws->folder(Workspace::Folder::Runs), run.uid).root();
}

void TestRunLifecycle::completedRunLogsMetricsAndOutputs()
{
    writeFile(QStringLiteral("train.py"), R"(
import os, sys, mlwb
run = mlwb.Run.get_context()
for i in range(100):
    run.log("loss", 1.0 / (i + 1))
run.log("note", "hello")
run.tag("model", "cnn")
os.makedirs("outputs/sub", exist_ok=True)
open("outputs/model.txt", "w").write("weights")
open("outputs/sub/more.txt", "w").write("more")
print("argv", sys.argv[1:])
print("to stderr", file=sys.stderr)
)");
    const auto submitted =
        submit(QStringLiteral("train.py"), {QStringLiteral("--lr"), QStringLiteral("0.1")});
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Completed);
    QCOMPARE(run.exitCode, 0);
    QVERIFY(run.startedAt.isValid() && run.endedAt >= run.startedAt);
    QCOMPARE(run.tags.value(QStringLiteral("model")), QStringLiteral("cnn"));

    const auto loss = Metrics(*m_ws).find(run.id, QStringLiteral("loss"));
    QVERIFY(loss);
    QCOMPARE(loss->count, 100);
    QCOMPARE(loss->last, 0.01);
    QCOMPARE(loss->max, 1.0);
    QCOMPARE(loss->lastStep, 99);
    QCOMPARE(Metrics(*m_ws).find(run.id, QStringLiteral("note"))->kind, MetricSeries::Kind::String);

    const QString folder = runFolder(run);
    QFile out(folder + QStringLiteral("/outputs/model.txt"));
    QVERIFY(out.open(QIODevice::ReadOnly));
    QCOMPARE(out.readAll(), QByteArray("weights"));
    QVERIFY(QFile::exists(folder + QStringLiteral("/outputs/sub/more.txt")));
    QFile log(folder + QStringLiteral("/output.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("argv ['--lr', '0.1']"), text.constData());
    QVERIFY(text.contains("to stderr"));
}

void TestRunLifecycle::failedRunKeepsExitCodeAndLogTail()
{
    writeFile(QStringLiteral("fail.py"), "import sys\nprint('about to fail')\nsys.exit(3)\n");
    const auto submitted = submit(QStringLiteral("fail.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QCOMPARE(run.exitCode, 3);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("code 3")), qPrintable(run.error));
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("about to fail")),
             qPrintable(run.error));
}

void TestRunLifecycle::missingInterpreterIsClear()
{
    writeFile(QStringLiteral("x.py"), "print(1)\n");
    RunConfig config;
    config.code = m_project;
    config.command = QStringLiteral("python3 x.py");
    config.interpreter = QStringLiteral("/nonexistent/python9");
    QString error;
    const auto submitted = RunSubmitter(*m_ws).submit(config, &error);
    QVERIFY2(submitted, qPrintable(error));
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QCOMPARE(run.exitCode, 127);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("not found")),
             qPrintable(run.error));
}

void TestRunLifecycle::aMissingRunHelperIsNamed()
{
    // An install without mlwb-run-helper: the run fails saying which program
    // is missing and where it was looked for, not "the snapshot is damaged".
    const QString bin = m_dir->filePath(QStringLiteral("bin"));
    QVERIFY(QDir().mkpath(bin));
    const QDir built = QFileInfo(QStringLiteral(MLWB_BINARY)).dir();
    QVERIFY(QFile::link(QStringLiteral(MLWB_BINARY), bin + QStringLiteral("/mlwb")));
    QVERIFY(QFile::copy(built.filePath(QStringLiteral("mlwb-supervisor")),
                        bin + QStringLiteral("/mlwb-supervisor")));
    QFile(bin + QStringLiteral("/mlwb-supervisor"))
        .setPermissions(QFileDevice::ReadOwner | QFileDevice::ExeOwner);
    qputenv("MLWB_PROGRAM", QFile::encodeName(bin + QStringLiteral("/mlwb")));
    const auto restore = qScopeGuard([] { qputenv("MLWB_PROGRAM", MLWB_BINARY); });
    writeFile(QStringLiteral("x.py"), "print(1)\n");
    const auto submitted = submit(QStringLiteral("x.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("Cannot find the program "
                                                               "mlwb-run-helper beside ")
                                                 + bin),
             qPrintable(RunReason::text(run.error)));
}

void TestRunLifecycle::cancelStopsTheWholeProcessGroup()
{
    // The script starts a grandchild; cancel must reach it too.
    writeFile(QStringLiteral("long.py"), R"(
import subprocess, time
child = subprocess.Popen(["sleep", "300"])
open("child.pid", "w").write(str(child.pid))
print("started", flush=True)
time.sleep(300)
)");
    const auto submitted = submit(QStringLiteral("long.py"));
    QVERIFY(submitted);
    const QString childPid = runFolder(*submitted) + QStringLiteral("/code/child.pid");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(childPid), 20000);
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(submitted->id)->status, RunStatus::Running, 10000);
    QTest::qWait(200);
    const qint64 grandchild = processgroup::readNumber(childPid);
    QVERIFY(processgroup::isAlive(grandchild));

    QString error;
    QVERIFY2(RunLauncher::cancel(*m_ws, submitted->id, &error), qPrintable(error));
    const Run run = waitForFinal(submitted->id, 20000);
    QCOMPARE(run.status, RunStatus::Canceled);
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(grandchild), 5000);
    QVERIFY(!RunLauncher::cancel(*m_ws, submitted->id, &error)); // already ended
    QVERIFY2(error.contains(QLatin1String("already ended")), qPrintable(error));
}

void TestRunLifecycle::killedSupervisorIsReplacedAndCountsEveryPointOnce()
{
    // Logs 3000 points over ~3 s; the supervisor is killed twice mid-run.
    writeFile(QStringLiteral("steady.py"), R"(
import time, mlwb
run = mlwb.Run.get_context()
for i in range(3000):
    run.log("x", float(i))
    if i % 100 == 0:
        time.sleep(0.1)
)");
    const auto submitted = submit(QStringLiteral("steady.py"));
    QVERIFY(submitted);
    QString error;
    for (int round = 0; round < 2; ++round) {
        QTRY_VERIFY_WITH_TIMEOUT(RunLauncher::hasLiveSupervisor(*m_ws, submitted->id), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            Metrics(*m_ws).find(submitted->id, QStringLiteral("x")).value_or(MetricSeries()).count
                > 300 * (round + 1),
            20000);
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT supervisor_pid FROM run_ingest WHERE run_id = %1")
                           .arg(submitted->id)));
        QVERIFY(q.next());
        const qint64 pid = q.value(0).toLongLong();
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0); // as a crash or `kill -9` would
        QTRY_VERIFY(!processgroup::isAlive(pid));
        // What opening the workspace again does: restart supervisors of orphaned runs.
        QTRY_COMPARE_WITH_TIMEOUT(RunLauncher::restartOrphans(*m_ws, &error), 1, 15000);
    }
    const Run run = waitForFinal(submitted->id);
    testing::printPointSummary("local_supervisor_kill", 2, *m_ws, run.id, 3000);
    QCOMPARE(run.status, RunStatus::Completed);
    testing::verifyEachStepOnce(*m_ws, run.id, 3000);
}

void TestRunLifecycle::malformedLinesAreCountedNotFatal()
{
    writeFile(QStringLiteral("bad.py"), R"(
import os
with open(os.path.join(os.environ["MLWB_RUN_DIR"], "metrics.jsonl"), "a") as f:
    f.write('{"name":"a","value":1,"step":0}\n')
    f.write('this is not json\n')
    f.write('{"name":"a","value":2,"step":1}\n')
    f.write('{"value":3}\n')
    f.write('{"name":"a","value":3,"step":2}\n')
    f.write('{"name":"a","value":4,"step":3}')
)");
    const auto submitted = submit(QStringLiteral("bad.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Completed);
    QCOMPARE(Metrics(*m_ws).find(run.id, QStringLiteral("a"))->count,
             4); // the last line had no newline
    QSqlQuery q(m_ws->database());
    QVERIFY(
        q.exec(QStringLiteral(
                   "SELECT count(*), group_concat(raw, '|') FROM run_diagnostics WHERE run_id = %1")
                   .arg(run.id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 2);
    QVERIFY2(q.value(1).toString().contains(QLatin1String("this is not json")),
             qPrintable(q.value(1).toString()));
    QVERIFY(q.exec(
        QStringLiteral("SELECT malformed_lines FROM run_ingest WHERE run_id = %1").arg(run.id)));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), 2);
}

void TestRunLifecycle::runUsesSnapshotNotProjectFolder()
{
    writeFile(QStringLiteral("which.py"), "import time\ntime.sleep(1.5)\nprint('version one')\n");
    const auto submitted = submit(QStringLiteral("which.py"));
    QVERIFY(submitted);
    writeFile(QStringLiteral("which.py"), "print('version two')\n"); // edited during the run
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Completed);
    QFile log(runFolder(run) + QStringLiteral("/output.log"));
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("version one") && !text.contains("version two"), text.constData());
    QVERIFY(!QFile::exists(m_project + QStringLiteral("/outputs"))); // never runs in the project
}

void TestRunLifecycle::ignoreFileAndSizeLimit()
{
    writeFile(QStringLiteral("ok.py"), "import os\nprint(sorted(os.listdir('.')))\n");
    writeFile(QStringLiteral("data/big.bin"), QByteArray(3 * 1024 * 1024, 'x'));
    writeFile(QStringLiteral(".amlignore"), "data/\n");
    const auto submitted = submit(QStringLiteral("ok.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Completed);
    QVERIFY(!QFile::exists(runFolder(run) + QStringLiteral("/code/data/big.bin")));

    QFile::remove(m_project + QStringLiteral("/.amlignore"));
    RunConfig config;
    config.code = m_project;
    config.command = QStringLiteral("python3 ok.py");
    RunSubmitter submitter(*m_ws);
    SnapshotWriter::Options limits;
    limits.maxTotalBytes = 1024 * 1024;
    submitter.setLimits(limits);
    QString error;
    QVERIFY(!submitter.submit(config, &error));
    QVERIFY2(error.contains(QLatin1String("data/big.bin")), qPrintable(error));
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM runs")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1); // the refused submit made no run
}

void TestRunLifecycle::concurrencyLimitQueuesRuns()
{
    QVERIFY(setLocalLimit(1));
    writeFile(QStringLiteral("wait.py"), "import time\ntime.sleep(2)\n");
    const auto first = submit(QStringLiteral("wait.py"));
    QVERIFY(first);
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(first->id)->status, RunStatus::Running, 20000);
    const auto second = submit(QStringLiteral("wait.py"));
    QVERIFY(second);
    QTest::qWait(800);
    QCOMPARE(Runs(*m_ws).find(second->id)->status, RunStatus::Queued);
    const Run a = waitForFinal(first->id);
    const Run b = waitForFinal(second->id);
    QCOMPARE(b.status, RunStatus::Completed);
    QVERIFY2(b.startedAt >= a.endedAt.addMSecs(-100),
             "the second run started before the first ended");
}

// Two slots free at once: the older queued run's supervisor is starting (a
// live heartbeat, not yet Preparing), the younger one goes beside it rather
// than waiting until the older has left the queue.
void TestRunLifecycle::slotsFreedTogetherStartTogether()
{
    QVERIFY(setLocalLimit(1));
    writeFile(QStringLiteral("wait.py"), "import time\ntime.sleep(30)\n");
    const auto busy = submit(QStringLiteral("wait.py"));
    QVERIFY(busy);
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(busy->id)->status, RunStatus::Running, 20000);
    const auto older = submit(QStringLiteral("wait.py"));
    const auto younger = submit(QStringLiteral("wait.py"));
    QVERIFY(older && younger);
    // The older run stands for one whose supervisor is just starting.
    const auto beat = [&](qint64 at) {
        QSqlQuery q(m_ws->database());
        q.prepare(QStringLiteral("INSERT INTO run_ingest(run_id, supervisor_pid, heartbeat) "
                                 "VALUES (?, ?, ?) ON CONFLICT(run_id) DO UPDATE SET "
                                 "supervisor_pid = excluded.supervisor_pid, "
                                 "heartbeat = excluded.heartbeat"));
        q.addBindValue(older->id);
        q.addBindValue(qint64(::getpid()));
        q.addBindValue(at);
        return q.exec();
    };
    QVERIFY(beat(sql::now()));
    QTimer heartbeat;
    connect(&heartbeat, &QTimer::timeout, this, [&] { beat(sql::now()); });
    heartbeat.start(500);
    QVERIFY(setLocalLimit(3)); // two slots: one the older run's, one free
    QString error;
    QVERIFY2(
        RunQueue::dispatch(*m_ws, ComputeTargets(*m_ws).find(QStringLiteral("local"))->id, &error),
        qPrintable(error));
    // Well before the older run's heartbeat could go stale (5 s).
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(younger->id)->status, RunStatus::Running, 4000);
    QCOMPARE(Runs(*m_ws).find(older->id)->status, RunStatus::Queued);
    heartbeat.stop();
    QVERIFY(beat(0)); // nobody supervises it: cleanup() cancels it at once
}

void TestRunLifecycle::timeLimitStopsRun()
{
    writeFile(QStringLiteral("forever.py"),
              "import time\nprint('working', flush=True)\ntime.sleep(300)\n");
    RunConfig config;
    config.code = m_project;
    config.command = QStringLiteral("python3 forever.py");
    config.timeoutSeconds = 1;
    QString error;
    const auto submitted = RunSubmitter(*m_ws).submit(config, &error);
    QVERIFY2(submitted, qPrintable(error));
    const Run run = waitForFinal(submitted->id, 30000);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("time limit")),
             qPrintable(run.error));
}

void TestRunLifecycle::childRunsNestUnderParent()
{
    writeFile(QStringLiteral("cv.py"), R"(
import mlwb
run = mlwb.Run.get_context()
for fold in range(3):
    child = run.child_run("fold-%d" % fold)
    child.log("acc", 0.5 + fold / 10)
    child.complete()
open_child = run.child_run("unfinished")
open_child.log("acc", 0.1)
run.log("mean_acc", 0.6)
)");
    const auto submitted = submit(QStringLiteral("cv.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Completed);
    const auto children = Runs(*m_ws).list(run.experimentId, run.id, 0, 10);
    QCOMPARE(children.size(), 4);
    for (const Run &child : children) {
        QCOMPARE(child.status, RunStatus::Completed); // "unfinished" ended with its parent
        QCOMPARE(Metrics(*m_ws).find(child.id, QStringLiteral("acc"))->count, 1);
    }
    QCOMPARE(Runs(*m_ws).count(run.experimentId, 0), 1);
}

QTEST_GUILESS_MAIN(TestRunLifecycle)
#include "tst_runlifecycle.moc"
