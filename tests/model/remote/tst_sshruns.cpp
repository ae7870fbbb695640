// Runs on an SSH target, end to end against a real sshd on 127.0.0.1: the
// real mlwb binary supervises, the real helper logs on the "VM", nothing is
// mocked. Dropped connections and killed supervisors must lose no metric
// point and count none twice.
#include "faultsummary.h"
#include "metrics/metrics.h"
#include "remote/sshconnection.h"
#include "runchecks.h"
#include "runs/processgroup.h"
#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "runs/runreason.h"
#include "runs/runsubmitter.h"
#include "sshfixture.h"
#include "store/computetargets.h"
#include "store/environments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/workspace.h"
#include <QCryptographicHash>
#include <QDir>

#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <csignal>

using namespace mlwb;

namespace {
// 3000 points over ~3 s, so there is time to break things in between.
const char *const steadyScript = R"(
import time, mlwb
run = mlwb.Run.get_context()
for i in range(3000):
    run.log("x", float(i))
    if i % 100 == 0:
        time.sleep(0.1)
print("done", flush=True)
)";
} // namespace

class TestSshRuns : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void completedRunFetchesOutputsAndRemovesFolder();
    void outputsComeWithTheStreamUnlessLarge_data();
    void outputsComeWithTheStreamUnlessLarge();
    void scriptRegistersModelWhenOutputsArrive();
    void cancelStopsTheRemoteProcessGroup();
    void droppedConnectionResumesExactlyOnce();
    void killedSupervisorResumesExactlyOnce();
    void missingInterpreterFailsClearly();
    void unreachableHostFailsClearly();
    void vanishedRemoteFolderFailsClearly();
    void snapshotLargerThanRemoteDiskFailsClearly();
    void alteredSnapshotIsNotShipped();
    void scriptFillingRemoteDiskFailsClearly();

private:
    void writeFile(const QString &relative, const QByteArray &content);
    std::optional<Run> submit(const QString &script, const QString &target = QStringLiteral("vm"));
    Run waitForFinal(Id runId, int timeoutMs = 90000);
    ComputeTarget addTarget(const QString &name, const QJsonObject &overrides = {});
    QString remoteRunFolder(const Run &run) const;
    void verifyEveryPointOnce(const Run &run);
    bool mountTmpfs(const QString &size, QString *folder, QString *error);
    QString logSshSessions();

    QStringList m_mounts; // tmpfs mounted by the current test, unmounted in cleanup()

    SshFixture m_sshd;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QString m_project;
};

void TestSshRuns::initTestCase()
{
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    QString error;
    QVERIFY2(m_sshd.start(&error), qPrintable(error));
    QVERIFY2(m_sshd.trustHostKey(&error), qPrintable(error));
}

void TestSshRuns::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_project = m_dir->filePath(QStringLiteral("project"));
    QDir().mkpath(m_project);
    addTarget(QStringLiteral("vm"));
}

void TestSshRuns::cleanup()
{
    QString error;
    const auto unfinished = Runs(*m_ws).unfinished(&error);
    for (const Run &r : unfinished)
        RunLauncher::cancel(*m_ws, r.id, &error);
    for (const Run &r : unfinished)
        if (r.parentId == 0)
            waitForFinal(r.id, 20000);
    m_ws.reset();
    QString ignored;
    for (const QString &mount : std::as_const(m_mounts))
        SshFixture::run(QStringLiteral("umount"), {QStringLiteral("-l"), mount}, &ignored);
    m_mounts.clear();
    m_dir.reset();
}

bool TestSshRuns::mountTmpfs(const QString &size, QString *folder, QString *error)
{
    *folder = m_dir->filePath(QStringLiteral("tight"));
    QDir().mkpath(*folder);
    if (!SshFixture::run(QStringLiteral("mount"),
                         {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                          QStringLiteral("size=") + size, QStringLiteral("tmpfs"), *folder},
                         error)) {
        *error = QStringLiteral("This test needs root to mount a tmpfs (mount -t tmpfs -o size=%1 "
                                "tmpfs %2) as a small remote disk; run it as root. %3")
                     .arg(size, *folder, *error);
        return false;
    }
    m_mounts << *folder;
    return true;
}

ComputeTarget TestSshRuns::addTarget(const QString &name, const QJsonObject &overrides)
{
    ComputeTarget t;
    t.name = name;
    t.kind = ComputeTarget::Kind::Ssh;
    t.config = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), m_sshd.port()},
                {QStringLiteral("user"), m_sshd.user()},
                {QStringLiteral("identity"), m_sshd.identity()},
                {QStringLiteral("workdir"), m_dir->filePath(QStringLiteral("remote"))}};
    for (auto it = overrides.begin(); it != overrides.end(); ++it)
        t.config.insert(it.key(), it.value());
    QString error;
    if (!ComputeTargets(*m_ws).add(&t, &error))
        qWarning("add target: %s", qPrintable(error));
    return t;
}

void TestSshRuns::writeFile(const QString &relative, const QByteArray &content)
{
    const QString path = QDir(m_project).filePath(relative);
    QDir().mkpath(QFileInfo(path).absolutePath());
    QFile f(path);
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

std::optional<Run> TestSshRuns::submit(const QString &script, const QString &target)
{
    RunConfig config;
    config.experimentName = QStringLiteral("remote");
    config.code = m_project;
    config.compute = target;
    config.command = RunConfig::commandFor(QString(), script, {});
    QString error;
    auto run = RunSubmitter(*m_ws).submit(config, &error);
    if (!run)
        qWarning("submit failed: %s", qPrintable(error));
    return run;
}

Run TestSshRuns::waitForFinal(Id runId, int timeoutMs)
{
    return testing::waitForFinal(*m_ws, runId, timeoutMs);
}

QString TestSshRuns::remoteRunFolder(const Run &run) const
{
    return m_dir->filePath(QStringLiteral("remote/runs/") + run.uid);
}

void TestSshRuns::verifyEveryPointOnce(const Run &run)
{
    testing::verifyEachStepOnce(*m_ws, run.id, 3000);
    QFile log(RunFolder(m_ws->folder(Workspace::Folder::Runs), run.uid).log());
    QVERIFY(log.open(QIODevice::ReadOnly));
    QCOMPARE(log.readAll().count("done"), 1);
}

void TestSshRuns::completedRunFetchesOutputsAndRemovesFolder()
{
    writeFile(QStringLiteral("train.py"), R"(
import os, sys, mlwb
run = mlwb.Run.get_context()
for i in range(100):
    run.log("loss", 1.0 / (i + 1))
os.makedirs("outputs/sub", exist_ok=True)
open("outputs/model.txt", "w").write("weights")
open("outputs/sub/more.txt", "w").write("more")
print("hello from", os.environ["MLWB_RUN_DIR"])
print("to stderr", file=sys.stderr)
)");
    const auto submitted = submit(QStringLiteral("train.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QCOMPARE(run.exitCode, 0);
    const auto loss = Metrics(*m_ws).find(run.id, QStringLiteral("loss"));
    QVERIFY(loss);
    QCOMPARE(loss->count, 100);
    QCOMPARE(loss->last, 0.01);
    const RunFolder local(m_ws->folder(Workspace::Folder::Runs), run.uid);
    QFile model(local.outputs() + QStringLiteral("/model.txt"));
    QVERIFY(model.open(QIODevice::ReadOnly));
    QCOMPARE(model.readAll(), QByteArray("weights"));
    QVERIFY(QFile::exists(local.outputs() + QStringLiteral("/sub/more.txt")));
    QFile log(local.log());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains(QByteArray("hello from " + remoteRunFolder(run).toUtf8())),
             text.constData());
    QVERIFY(text.contains("to stderr"));
    QVERIFY(!QFileInfo::exists(remoteRunFolder(run))); // removed on the "VM"
}

// Puts an `ssh` in front of PATH (the supervisor inherits it) that writes
// each session's remote command to the returned file, one line each.
QString TestSshRuns::logSshSessions()
{
    const QString bin = m_dir->filePath(QStringLiteral("bin"));
    const QString log = m_dir->filePath(QStringLiteral("ssh-sessions.log"));
    QDir().mkpath(bin);
    QFile ssh(bin + QStringLiteral("/ssh"));
    if (!ssh.open(QIODevice::WriteOnly))
        return QString();
    ssh.write("#!/bin/sh\nfor last; do :; done\nprintf '%s\\n' \"$last\" | tr '\\n' ' ' >> '"
              + log.toUtf8() + "'\necho >> '" + log.toUtf8() + "'\nexec /usr/bin/ssh \"$@\"\n");
    ssh.close();
    ssh.setPermissions(ssh.permissions() | QFile::ExeOwner);
    qputenv("PATH", bin.toUtf8() + ':' + qgetenv("PATH"));
    return log;
}

void TestSshRuns::outputsComeWithTheStreamUnlessLarge_data()
{
    QTest::addColumn<int>("kib");
    QTest::addColumn<bool>("keepFolder");
    QTest::addColumn<int>("fetchSessions");
    QTest::addColumn<int>("removeSessions");
    QTest::addColumn<int>("allSessions");
    QTest::newRow("small, folder removed") << 64 << false << 0 << 0 << 1;
    QTest::newRow("small, folder kept") << 64 << true << 0 << 0 << 1;
    QTest::newRow("5 MiB, fetched apart") << 5 * 1024 << false << 1 << 0 << 2;
}

void TestSshRuns::outputsComeWithTheStreamUnlessLarge()
{
    // The start's session goes on as the stream, which brings the metrics,
    // then the outputs, and removes the folder: one SSH session per run
    // (each costs the VM's login shell).
    QFETCH(int, kib);
    QFETCH(bool, keepFolder);
    QFETCH(int, fetchSessions);
    QFETCH(int, removeSessions);
    QFETCH(int, allSessions);
    const QByteArray path = qgetenv("PATH");
    const QString sessions = logSshSessions();
    QVERIFY(!sessions.isEmpty());
    addTarget(QStringLiteral("vm2"), {{QStringLiteral("keepRunFolders"), keepFolder}});
    writeFile(QStringLiteral("out.py"), "import os, sys, hashlib\n"
                                        "os.makedirs('outputs', exist_ok=True)\n"
                                        "data = os.urandom(int(sys.argv[1]) * 1024)\n"
                                        "open('outputs/model.bin', 'wb').write(data)\n"
                                        "print('sha', hashlib.sha256(data).hexdigest())\n");
    RunConfig config;
    config.experimentName = QStringLiteral("remote");
    config.code = m_project;
    config.compute = QStringLiteral("vm2");
    config.command = QStringLiteral("python3 out.py %1").arg(kib);
    QString error;
    const auto submitted = RunSubmitter(*m_ws).submit(config, &error);
    QVERIFY2(submitted, qPrintable(error));
    const Run run = waitForFinal(submitted->id);
    qputenv("PATH", path);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    const RunFolder local(m_ws->folder(Workspace::Folder::Runs), run.uid);
    QFile model(local.outputs() + QStringLiteral("/model.bin"));
    QVERIFY(model.open(QIODevice::ReadOnly));
    QFile log(local.log());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray sha =
        QCryptographicHash::hash(model.readAll(), QCryptographicHash::Sha256).toHex();
    const QByteArray line = "sha " + sha;
    QVERIFY2(log.readAll().contains(line), "the outputs arrived changed");
    QFile logged(sessions);
    QVERIFY(logged.open(QIODevice::ReadOnly));
    const QList<QByteArray> commands = logged.readAll().split('\n');
    int fetched = 0, removed = 0;
    for (const QByteArray &command : commands) {
        fetched += command.contains("exec tar -cf - outputs");
        removed += command.startsWith("sh -c 'rm -rf ");
    }
    QCOMPARE(fetched, fetchSessions);
    QCOMPARE(removed, removeSessions);
    QCOMPARE(commands.count() - 1, allSessions); // the last line ends with a newline
    QCOMPARE(QFileInfo::exists(remoteRunFolder(run)), keepFolder); // before the run ended
}

void TestSshRuns::scriptRegistersModelWhenOutputsArrive()
{
    // No mlwb on the VM: the request comes back with the outputs and is
    // registered then, with the environment read on the VM at the start.
    writeFile(QStringLiteral("train.py"), R"(
import os, mlwb
run = mlwb.Run.get_context()
os.makedirs("outputs", exist_ok=True)
open("outputs/model.txt", "w").write("weights")
m = run.register_model("remote-model", "outputs/model.txt", tags={"where": "vm"})
print("asked", m.name, m.version)
)");
    const auto submitted = submit(QStringLiteral("train.py"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    QString error;
    const auto v = Models(*m_ws).findVersion(QStringLiteral("remote-model"), 1, &error);
    QVERIFY2(v, qPrintable(error));
    QCOMPARE(v->runId, run.id);
    QCOMPARE(v->tags.value(QStringLiteral("where")), QStringLiteral("vm"));
    const auto environment = Environments(*m_ws).forRun(run.id, &error);
    QVERIFY2(environment, qPrintable(error));
    QCOMPARE(environment->environmentName, QStringLiteral("anonymous"));
    QVERIFY(environment->python.startsWith(QLatin1String("3.")));
    QCOMPARE(v->environmentVersionId, environment->id);
    const RunFolder local(m_ws->folder(Workspace::Folder::Runs), run.uid);
    QVERIFY(!QFileInfo::exists(local.outputs() + QStringLiteral("/.mlwb")));
    QFile log(local.log());
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QByteArray text = log.readAll();
    QVERIFY2(text.contains("asked remote-model None"), text.constData());
    QVERIFY2(text.contains("mlwb: registered outputs/model.txt as model remote-model:1"),
             text.constData());
}

void TestSshRuns::cancelStopsTheRemoteProcessGroup()
{
    writeFile(QStringLiteral("long.py"), R"(
import subprocess, time
child = subprocess.Popen(["sleep", "300"])
open("child.pid", "w").write(str(child.pid))
print("started", flush=True)
time.sleep(300)
)");
    const auto submitted = submit(QStringLiteral("long.py"));
    QVERIFY(submitted);
    const QString childPid = remoteRunFolder(*submitted) + QStringLiteral("/code/child.pid");
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(childPid), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(submitted->id)->status, RunStatus::Running, 10000);
    QTest::qWait(200);
    const qint64 grandchild = processgroup::readNumber(childPid);
    QVERIFY(processgroup::isAlive(grandchild));
    QString error;
    QVERIFY2(RunLauncher::cancel(*m_ws, submitted->id, &error), qPrintable(error));
    const Run run = waitForFinal(submitted->id, 30000);
    QCOMPARE(run.status, RunStatus::Canceled);
    QTRY_VERIFY_WITH_TIMEOUT(!processgroup::isAlive(grandchild), 5000);
}

void TestSshRuns::droppedConnectionResumesExactlyOnce()
{
    writeFile(QStringLiteral("steady.py"), steadyScript);
    const auto submitted = submit(QStringLiteral("steady.py"));
    QVERIFY(submitted);
    const auto target = ComputeTargets(*m_ws).find(QStringLiteral("vm"));
    QVERIFY(target);
    const SshConnection connection(*target);
    QTRY_VERIFY_WITH_TIMEOUT(
        Metrics(*m_ws).find(submitted->id, QStringLiteral("x")).value_or(MetricSeries()).count
            > 300,
        30000);
    connection.closeMaster(); // the shared connection goes away mid-run
    QTRY_VERIFY_WITH_TIMEOUT(
        Metrics(*m_ws).find(submitted->id, QStringLiteral("x")).value_or(MetricSeries()).count
            > 900,
        30000);
    QString error;
    QVERIFY2(m_sshd.restart(false, &error),
             qPrintable(error)); // the server too, connections and all
    const Run run = waitForFinal(submitted->id);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    verifyEveryPointOnce(run);
}

void TestSshRuns::killedSupervisorResumesExactlyOnce()
{
    writeFile(QStringLiteral("steady.py"), steadyScript);
    const auto submitted = submit(QStringLiteral("steady.py"));
    QVERIFY(submitted);
    QString error;
    for (int round = 0; round < 2; ++round) {
        QTRY_VERIFY_WITH_TIMEOUT(RunLauncher::hasLiveSupervisor(*m_ws, submitted->id), 20000);
        QTRY_VERIFY_WITH_TIMEOUT(
            Metrics(*m_ws).find(submitted->id, QStringLiteral("x")).value_or(MetricSeries()).count
                > 300 * (round + 1),
            30000);
        QSqlQuery q(m_ws->database());
        QVERIFY(q.exec(QStringLiteral("SELECT supervisor_pid FROM run_ingest WHERE run_id = %1")
                           .arg(submitted->id)));
        QVERIFY(q.next());
        const qint64 pid = q.value(0).toLongLong();
        QVERIFY(::kill(pid_t(pid), SIGKILL) == 0);
        QTRY_VERIFY(!processgroup::isAlive(pid));
        QTRY_COMPARE_WITH_TIMEOUT(RunLauncher::restartOrphans(*m_ws, &error), 1, 15000);
    }
    const Run run = waitForFinal(submitted->id);
    testing::printPointSummary("ssh_supervisor_kill", 2, *m_ws, run.id, 3000);
    QVERIFY2(run.status == RunStatus::Completed, qPrintable(run.error));
    verifyEveryPointOnce(run);
}

void TestSshRuns::missingInterpreterFailsClearly()
{
    addTarget(QStringLiteral("nopython"),
              {{QStringLiteral("python"), QStringLiteral("/nonexistent/python9")}});
    writeFile(QStringLiteral("x.py"), "print(1)\n");
    const auto submitted = submit(QStringLiteral("x.py"), QStringLiteral("nopython"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("/nonexistent/python9"))
                 && RunReason::text(run.error).contains(QLatin1String("not found")),
             qPrintable(run.error));
}

void TestSshRuns::unreachableHostFailsClearly()
{
    const int closed = SshFixture::freePort();
    addTarget(QStringLiteral("gpu-box"), {{QStringLiteral("port"), closed}});
    writeFile(QStringLiteral("x.py"), "print(1)\n");
    const auto submitted = submit(QStringLiteral("x.py"), QStringLiteral("gpu-box"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(
        RunReason::text(run.error).startsWith(
            QStringLiteral("Cannot reach gpu-box (127.0.0.1:%1): Connection refused").arg(closed)),
        qPrintable(run.error));
    // The rest of the workspace keeps working: a run on the good target completes.
    const auto good = submit(QStringLiteral("x.py"));
    QVERIFY(good);
    QCOMPARE(waitForFinal(good->id).status, RunStatus::Completed);
}

void TestSshRuns::vanishedRemoteFolderFailsClearly()
{
    writeFile(QStringLiteral("long.py"), "import time\nprint('up', flush=True)\ntime.sleep(30)\n");
    const auto submitted = submit(QStringLiteral("long.py"));
    QVERIFY(submitted);
    QTRY_COMPARE_WITH_TIMEOUT(Runs(*m_ws).find(submitted->id)->status, RunStatus::Running, 30000);
    const qint64 pgid =
        processgroup::readNumber(remoteRunFolder(*submitted) + QStringLiteral("/pgid"));
    QVERIFY(QDir(remoteRunFolder(*submitted)).removeRecursively());
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("vanished")), qPrintable(run.error));
    processgroup::terminate(pgid, 1000);
}

void TestSshRuns::snapshotLargerThanRemoteDiskFailsClearly()
{
    QString tight, error;
    if (!mountTmpfs(QStringLiteral("512k"), &tight, &error))
        QFAIL(qPrintable(error));
    addTarget(QStringLiteral("tight"), {{QStringLiteral("workdir"), tight}});
    writeFile(QStringLiteral("x.py"), "print(1)\n");
    QByteArray noise(700 * 1024, Qt::Uninitialized); // random: the zip stays as large
    QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(noise.data()),
                                          noise.size() / 4);
    writeFile(QStringLiteral("data.bin"), noise);
    const auto submitted = submit(QStringLiteral("x.py"), QStringLiteral("tight"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(
        RunReason::text(run.error).startsWith(QLatin1String("Not enough disk space on tight: "))
            && RunReason::text(run.error).contains(QStringLiteral("KiB free in ") + tight),
        qPrintable(run.error));
    QVERIFY(
        !QFileInfo::exists(tight + QStringLiteral("/runs/") + run.uid + QStringLiteral("/pgid")));
    // The rest of the workspace keeps working: the same project runs on the roomy target.
    const auto good = submit(QStringLiteral("x.py"));
    QVERIFY(good);
    const Run done = waitForFinal(good->id);
    QVERIFY2(done.status == RunStatus::Completed, qPrintable(done.error));
}

void TestSshRuns::scriptFillingRemoteDiskFailsClearly()
{
    QString tight, error;
    if (!mountTmpfs(QStringLiteral("2m"), &tight, &error)) // room for the run, not its outputs
        QFAIL(qPrintable(error));
    addTarget(QStringLiteral("tight"), {{QStringLiteral("workdir"), tight}});
    writeFile(QStringLiteral("fill.py"), R"(
import os
print("filling the disk", flush=True)
os.makedirs("outputs", exist_ok=True)
with open("outputs/fill.bin", "wb") as f:
    while True:
        f.write(b"\0" * 65536)
        f.flush()
)");
    const auto submitted = submit(QStringLiteral("fill.py"), QStringLiteral("tight"));
    QVERIFY(submitted);
    const Run run = waitForFinal(submitted->id);
    QCOMPARE(run.status, RunStatus::Failed);
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("No space left on device")),
             qPrintable(run.error));
    QVERIFY2(RunReason::text(run.error).contains(QLatin1String("filling the disk")),
             qPrintable(run.error));
}

QTEST_GUILESS_MAIN(TestSshRuns)
void TestSshRuns::alteredSnapshotIsNotShipped()
{
    writeFile(QStringLiteral("x.py"), "print(1)\n");
    RunConfig config;
    config.experimentName = QStringLiteral("remote");
    config.code = m_project;
    config.compute = QStringLiteral("vm");
    config.command = RunConfig::commandFor(QString(), QStringLiteral("x.py"), {});
    RunSubmitter submitter(*m_ws);
    submitter.setStartSupervisor(false);
    QString error;
    const auto run = submitter.submit(config, &error);
    QVERIFY2(run, qPrintable(error));
    // Someone edits the stored zip: same name, other content.
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("SELECT sha256 FROM snapshots WHERE id = ?"));
    q.addBindValue(run->snapshotId);
    QVERIFY(q.exec() && q.next());
    const QString zip = QDir(m_ws->folder(Workspace::Folder::Snapshots))
                            .filePath(q.value(0).toString() + QStringLiteral(".zip"));
    q.finish();
    QTemporaryDir unpacked;
    const QString script = QStringLiteral("cd '%1' && unzip -q '%2' && echo 'print(2)' > x.py && "
                                          "rm -f '%2' && zip -qr '%2' .")
                               .arg(unpacked.path(), zip);
    QCOMPARE(QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}), 0);
    QVERIFY(RunLauncher::startSupervisor(*m_ws, *run, &error));
    const Run ended = waitForFinal(run->id);
    QCOMPARE(ended.status, RunStatus::Failed);
    QVERIFY2(ended.error.contains(QLatin1String("does not match its name")),
             qPrintable(ended.error));
    QVERIFY(!QFileInfo::exists(remoteRunFolder(ended)));
}

#include "tst_sshruns.moc"
