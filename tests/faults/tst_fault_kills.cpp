// The programs around a run killed with SIGKILL at random moments: the CLI
// that submitted it and is following its log (`run submit --wait`), and the
// desktop window showing it. Neither owns the run, so each run must still
// end Completed with every point stored once. (Supervisor, ssh master and
// sshd kills are in tst_runlifecycle, tst_sshruns and tst_fault_sshlink.)
#include "faultsummary.h"
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

QTEST_GUILESS_MAIN(TestFaultKills)
#include "tst_fault_kills.moc"
