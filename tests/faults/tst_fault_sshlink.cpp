// Fault suite: the SSH link to a VM breaks at random moments of a run,
// against a real sshd on 127.0.0.1 and the real supervisor. The control
// master is killed (its clients then exit 255, often saying nothing), or
// the sshd itself is killed and restarted. Every run must end Completed with
// every point stored once, started once on the VM, and its remote folder gone.
#include "faultsummary.h"
#include "metrics/metrics.h"
#include "remote/sshconnection.h"
#include "runchecks.h"
#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "runs/runsubmitter.h"
#include "sshfixture.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>
#include <csignal>

using namespace mlwb;

namespace {

const qint64 pointCount = 20000;

// 20k points over about 2 s.
const char *const steadyScript = R"(
import time, mlwb
run = mlwb.Run.get_context()
print("started", flush=True)
for i in range(20000):
    run.log("x", float(i))
    if i % 200 == 0:
        time.sleep(0.02)
print("done", flush=True)
)";

// What one faulted run ended as.
struct Outcome {
    qint64 momentMs = 0;
    bool faulted = false;
    Run run;
    testing::PointCounts points;
    bool remoteFolderLeft = false;
    int starts = 0; // "started" lines in the log: 1 unless it ran twice
};

} // namespace

class TestFaultSshLink : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void killedMasterWhileStarting();
    void killedMasterWhileStreaming();
    void killedSshdAtRandomMoments();

private:
    std::optional<Run> submit();
    Outcome outcome(const Run &run, qint64 momentMs, bool faulted);
    void killMasterInRuns(int first, const char *scenario);
    qint64 masterPid() const;
    std::optional<Run> submitAndWait(qint64 delayMs, qint64 points, QElapsedTimer *timer);
    qint64 storedPoints(Id runId) const;
    void check(const char *scenario, const QList<Outcome> &outcomes);

    SshFixture m_sshd;
    QTemporaryDir m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<SshConnection> m_connection;
    QRandomGenerator m_random;
};

void TestFaultSshLink::initTestCase()
{
    m_random.seed(testing::faultSeed("fault_sshlink"));
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QString error;
    QVERIFY2(m_sshd.start(&error), qPrintable(error));
    QVERIFY2(m_sshd.trustHostKey(&error), qPrintable(error));
    m_ws = Workspace::create(m_dir.filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    const QString project = m_dir.filePath(QStringLiteral("project"));
    QDir().mkpath(project);
    QFile script(QDir(project).filePath(QStringLiteral("steady.py")));
    QVERIFY(script.open(QIODevice::WriteOnly));
    script.write(steadyScript);
    script.close();
    ComputeTarget t;
    t.name = QStringLiteral("vm");
    t.kind = ComputeTarget::Kind::Ssh;
    t.config = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), m_sshd.port()},
                {QStringLiteral("user"), m_sshd.user()},
                {QStringLiteral("identity"), m_sshd.identity()},
                {QStringLiteral("workdir"), m_dir.filePath(QStringLiteral("remote"))}};
    QVERIFY2(ComputeTargets(*m_ws).add(&t, &error), qPrintable(error));
    m_connection = std::make_unique<SshConnection>(t);
}

void TestFaultSshLink::cleanupTestCase()
{
    if (m_connection)
        m_connection->closeMaster();
    m_ws.reset();
}

std::optional<Run> TestFaultSshLink::submit()
{
    RunConfig config;
    config.experimentName = QStringLiteral("faults");
    config.code = m_dir.filePath(QStringLiteral("project"));
    config.compute = QStringLiteral("vm");
    config.command = RunConfig::commandFor(QString(), QStringLiteral("steady.py"), {});
    QString error;
    auto run = RunSubmitter(*m_ws).submit(config, &error);
    if (!run)
        qWarning("submit failed: %s", qPrintable(error));
    return run;
}

qint64 TestFaultSshLink::masterPid() const
{
    QProcess check;
    check.start(QStringLiteral("ssh"),
                m_connection->options()
                    + QStringList{QStringLiteral("-O"), QStringLiteral("check"),
                                  m_connection->destination()});
    if (!check.waitForFinished(5000))
        return -1;
    static const QRegularExpression pid(QStringLiteral("pid=(\\d+)"));
    const auto match = pid.match(QString::fromUtf8(check.readAllStandardError()));
    return match.hasMatch() ? match.captured(1).toLongLong() : -1;
}

Outcome TestFaultSshLink::outcome(const Run &run, qint64 momentMs, bool faulted)
{
    Outcome o;
    o.momentMs = momentMs;
    o.faulted = faulted;
    o.run = run;
    QString error;
    o.points = testing::countPoints(*m_ws, run.id, &error);
    o.remoteFolderLeft =
        QFileInfo::exists(m_dir.filePath(QStringLiteral("remote/runs/") + run.uid));
    QFile log(RunFolder(m_ws->folder(Workspace::Folder::Runs), run.uid).log());
    if (log.open(QIODevice::ReadOnly))
        o.starts = int(log.readAll().count("started"));
    std::printf("  run %s: fault at %lld ms%s -> %s, %lld points (%lld distinct)%s%s\n",
                qPrintable(run.uid), momentMs, faulted ? "" : " (none injected)",
                qPrintable(statusName(run.status)), o.points.count, o.points.distinctSteps,
                o.remoteFolderLeft ? ", remote folder left" : "",
                run.error.isEmpty() ? "" : qPrintable(QStringLiteral(", error: ") + run.error));
    return o;
}

void TestFaultSshLink::check(const char *scenario, const QList<Outcome> &outcomes)
{
    testing::FaultSummary summary;
    summary.name = scenario;
    for (const Outcome &o : outcomes) {
        summary.faults += o.faulted ? 1 : 0;
        ++summary.runs;
        summary.pointsExpected += pointCount;
        summary.pointsStored += o.points.distinctSteps;
        summary.pointsDuplicated += o.points.count - o.points.distinctSteps;
    }
    summary.print();
    for (const Outcome &o : outcomes) {
        QVERIFY2(o.run.status == RunStatus::Completed,
                 qPrintable(o.run.uid + QStringLiteral(": ") + o.run.error));
        QCOMPARE(o.points.count, pointCount);
        QCOMPARE(o.points.distinctSteps, pointCount);
        QCOMPARE(o.points.maxStep, pointCount - 1);
        QCOMPARE(o.starts, 1);
        QVERIFY2(!o.remoteFolderLeft, qPrintable(o.run.uid));
    }
}

void TestFaultSshLink::killedMasterWhileStarting()
{
    killMasterInRuns(0, "ssh_master_kill_starting");
}

void TestFaultSshLink::killedMasterWhileStreaming()
{
    killMasterInRuns(5, "ssh_master_kill_streaming");
}

void TestFaultSshLink::killMasterInRuns(int first, const char *scenario)
{
    // Ten moments from 0.1 s to the end, one run each: kills 0-4 while the
    // run is shipped and started (0.1-1.6 s after submit, one in each 0.3 s
    // at random), 5-8 while it streams (after 0-80 % of its points are
    // stored, one in each fifth at random), 9 once all are (finalizing).
    QList<Outcome> outcomes;
    for (int i = first; i < first + 5; ++i) {
        const double u = m_random.generateDouble();
        const qint64 delayMs = i < 5 ? 100 + qint64((i + u) * 300) : 0;
        const qint64 points = i < 5    ? 0
                              : i == 9 ? pointCount
                                       : qint64((i - 5 + u) * pointCount / 5);
        QElapsedTimer timer;
        const auto submitted = submitAndWait(delayMs, points, &timer);
        QVERIFY(submitted);
        // The master of the last run is still up (ControlPersist); between two
        // connections there may briefly be none: kill the next one.
        bool killed = false;
        qint64 at = timer.elapsed();
        while (!killed && !isFinal(Runs(*m_ws).find(submitted->id)->status)) {
            const qint64 pid = masterPid();
            at = timer.elapsed();
            killed = pid > 0 && ::kill(pid_t(pid), SIGKILL) == 0;
            if (!killed)
                QThread::msleep(20);
        }
        std::printf("  kill %d: %s%lld, at %lld ms\n", i, i < 5 ? "after ms " : "after points ",
                    i < 5 ? delayMs : points, at);
        outcomes << outcome(testing::waitForFinal(*m_ws, submitted->id, 120000), at, killed);
    }
    check(scenario, outcomes);
    for (const Outcome &o : std::as_const(outcomes))
        QVERIFY2(o.faulted, "a run ended before its master could be killed");
}

std::optional<Run> TestFaultSshLink::submitAndWait(qint64 delayMs, qint64 points,
                                                   QElapsedTimer *timer)
{
    // A fault's moment: a time after submit, or a number of points stored.
    timer->start();
    const auto submitted = submit();
    if (!submitted)
        return submitted;
    QThread::msleep(ulong(delayMs));
    while (points > 0 && storedPoints(submitted->id) < points
           && !isFinal(Runs(*m_ws).find(submitted->id)->status))
        QThread::msleep(5);
    return submitted;
}

qint64 TestFaultSshLink::storedPoints(Id runId) const
{
    return Metrics(*m_ws).find(runId, QStringLiteral("x")).value_or(MetricSeries()).count;
}

void TestFaultSshLink::killedSshdAtRandomMoments()
{
    // Once while the run is shipped and started (0.1-1 s after submit), once
    // while it streams (after 10-90 % of its points): sshd and every
    // connection go away for 0.5-2 s, then it comes back on the same port.
    QList<Outcome> outcomes;
    for (int i = 0; i < 2; ++i) {
        const double u = m_random.generateDouble();
        const qint64 delayMs = i == 0 ? 100 + qint64(u * 900) : 0;
        const qint64 points = i == 0 ? 0 : qint64((0.1 + 0.8 * u) * pointCount);
        const ulong downMs = 500 + m_random.bounded(1500);
        QElapsedTimer timer;
        const auto submitted = submitAndWait(delayMs, points, &timer);
        QVERIFY(submitted);
        const qint64 at = timer.elapsed();
        const bool faulted = !isFinal(Runs(*m_ws).find(submitted->id)->status);
        m_sshd.stop();
        QThread::msleep(downMs);
        QString error;
        QVERIFY2(m_sshd.restart(false, &error), qPrintable(error));
        std::printf("  sshd down for %lu ms at %lld ms\n", downMs, at);
        outcomes << outcome(testing::waitForFinal(*m_ws, submitted->id, 120000), at, faulted);
    }
    check("ssh_sshd_restart", outcomes);
}

QTEST_GUILESS_MAIN(TestFaultSshLink)
#include "tst_fault_sshlink.moc"
