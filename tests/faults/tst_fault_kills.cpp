// The programs around a run killed with SIGKILL at random moments: the CLI
// that submitted it and is following its log (`run submit --wait`), and the
// desktop window showing it. Neither owns the run, so each run must still
// end Completed with every point stored once. The training script itself
// killed: the run ends Failed with the true exit code, and what the script
// had flushed is stored, every point once, none missing before the last.
// (Supervisor, ssh master and sshd kills are in tst_runlifecycle,
// tst_sshruns and tst_fault_sshlink.)
#include "faultsummary.h"
#include "runs/runfolder.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>
#include <sys/types.h>

using namespace mlwb;

class TestFaultKills : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void killedCliLeavesTheRunGoing();
    void killedWindowLeavesTheRunGoing();
    void killedScriptEndsTheRunAsItReallyEnded();

private:
    QProcessEnvironment environment() const;
    Id runByNewest();
    void killAtRandomMoments(const char *scenario, const QStringList &arguments, bool window);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_project;
    QRandomGenerator m_random;
};

const int points = 4000; // 2 s at the script's pace

void TestFaultKills::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_project = m_dir->filePath(QStringLiteral("project"));
    QDir().mkpath(m_project);
    QFile script(QDir(m_project).filePath(QStringLiteral("steady.py")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write("import time, mlwb\n"
                 "run = mlwb.Run.get_context()\n"
                 "for i in range(4000):\n"
                 "    run.log('x', i, step=i)\n"
                 "    if i % 20 == 0:\n"
                 "        time.sleep(0.01)\n"
                 "print('done', flush=True)\n");
}

void TestFaultKills::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

QProcessEnvironment TestFaultKills::environment() const
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLWB_WORKSPACE"), m_ws->path());
    env.insert(QStringLiteral("MLWB_PROGRAM"), QStringLiteral(MLWB_BINARY));
    env.insert(QStringLiteral("MLWB_REGISTRY"), m_dir->filePath(QStringLiteral("registry.json")));
    env.insert(QStringLiteral("XDG_CONFIG_HOME"), m_dir->filePath(QStringLiteral("config")));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    return env;
}

Id TestFaultKills::runByNewest()
{
    const QList<Run> runs = Runs(*m_ws).recent(1);
    return runs.isEmpty() ? 0 : runs.constFirst().id;
}

// Three runs; in each the program is killed between 0.1 s and 2 s in.
void TestFaultKills::killAtRandomMoments(const char *scenario, const QStringList &arguments,
                                         bool window)
{
    m_random.seed(testing::faultSeed(scenario));
    testing::FaultSummary summary;
    summary.name = scenario;
    for (int i = 0; i < 3; ++i) {
        QProcess submit;
        submit.setProcessEnvironment(environment());
        submit.setWorkingDirectory(m_project);
        QProcess program;
        program.setProcessEnvironment(environment());
        program.setWorkingDirectory(m_project);
        const int before = Runs(*m_ws).countTopLevel();
        if (window) {
            program.start(QStringLiteral(MLWB_BINARY), {}); // the window on the workspace
            QVERIFY(program.waitForStarted());
            submit.start(QStringLiteral(MLWB_BINARY), arguments);
            QVERIFY(submit.waitForFinished(60000) && submit.exitCode() == 0);
        } else {
            program.start(QStringLiteral(MLWB_BINARY), arguments); // follows the run
            QVERIFY(program.waitForStarted());
        }
        QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).countTopLevel(), before + 1, 30000);
        QTest::qWait(100 + int(m_random.bounded(1900)));
        ::kill(pid_t(program.processId()), SIGKILL);
        program.waitForFinished();
        ++summary.faults;
        const Id run = runByNewest();
        const Run ended = testing::waitForFinal(*m_ws, run, 120000);
        QCOMPARE(ended.status, RunStatus::Completed);
        QString error;
        const testing::PointCounts counts = testing::countPoints(*m_ws, run, &error);
        ++summary.runs;
        summary.pointsExpected += points;
        summary.pointsStored += counts.distinctSteps;
        summary.pointsDuplicated += counts.count - counts.distinctSteps;
        testing::verifyEachStepOnce(*m_ws, run, points);
    }
    summary.print();
}

void TestFaultKills::killedCliLeavesTheRunGoing()
{
    killAtRandomMoments("cli_kill",
                        {QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
                         QStringLiteral("--"), QStringLiteral("steady.py")},
                        false);
}

void TestFaultKills::killedWindowLeavesTheRunGoing()
{
    killAtRandomMoments("gui_kill",
                        {QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--"),
                         QStringLiteral("steady.py")},
                        true);
}

// The script's own process (not its shell wrapper, which records its end).
static qint64 scriptProcess(const QString &marker)
{
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile cmd(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (!cmd.open(QIODevice::ReadOnly))
            continue;
        const QByteArray line = cmd.readAll();
        const QByteArray program = line.left(line.indexOf('\0'));
        if (program.endsWith("python3") && line.contains(marker.toUtf8()))
            return pid.toLongLong();
    }
    return 0;
}

void TestFaultKills::killedScriptEndsTheRunAsItReallyEnded()
{
    m_random.seed(testing::faultSeed("script_kill"));
    testing::FaultSummary summary;
    summary.name = "script_kill";
    for (int i = 0; i < 3; ++i) {
        QProcess submit;
        submit.setProcessEnvironment(environment());
        submit.setWorkingDirectory(m_project);
        const QString marker = QStringLiteral("--kill-me-%1").arg(i);
        submit.start(QStringLiteral(MLWB_BINARY),
                     {QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--"),
                      QStringLiteral("steady.py"), marker});
        QVERIFY(submit.waitForFinished(60000) && submit.exitCode() == 0);
        const Id run = runByNewest();
        qint64 pid = 0;
        QTRY_VERIFY_WITH_TIMEOUT((pid = scriptProcess(marker)) > 0, 30000);
        QTest::qWait(200 + int(m_random.bounded(1200)));
        ::kill(pid_t(pid), SIGKILL);
        ++summary.faults;
        const Run ended = testing::waitForFinal(*m_ws, run, 60000);
        QCOMPARE(ended.status, RunStatus::Failed);
        QCOMPARE(ended.exitCode, 128 + SIGKILL);
        QString error;
        const testing::PointCounts counts = testing::countPoints(*m_ws, run, &error);
        QVERIFY2(error.isEmpty(), qPrintable(error));
        // What was flushed: a prefix 0..k-1 of the steps, each once.
        QCOMPARE(counts.count, counts.distinctSteps);
        if (counts.count > 0) {
            QCOMPARE(counts.minStep, qint64(0));
            QCOMPARE(counts.maxStep, counts.count - 1);
        }
        ++summary.runs;
        summary.pointsExpected += counts.maxStep + 1;
        summary.pointsStored += counts.distinctSteps;
        summary.pointsDuplicated += counts.count - counts.distinctSteps;
    }
    summary.print();
}

QTEST_GUILESS_MAIN(TestFaultKills)
#include "tst_fault_kills.moc"
