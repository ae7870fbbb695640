// Fault suite: the workspace's disk fills up in the middle of a run. The
// workspace lives on a small tmpfs (CI runs as root); a filler file takes
// every free byte while the run logs, then goes. The supervisor must wait,
// say so ("waiting: disk full on …") on the run's note that `mlwb run show`
// prints, and go on from the stored offset: every point stored once, and the
// run's true exit status recorded even when its process ended meanwhile.
#include "faultsummary.h"
#include "runchecks.h"
#include "runs/diskfullwait.h"
#include "runs/runconfig.h"
#include "runs/runfolder.h"
#include "runs/runlauncher.h"
#include "runs/runreason.h"
#include "runs/runsubmitter.h"
#include "runs/supervisornote.h"
#include "sshfixture.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/storagemedium.h"
#include "store/workspace.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

using namespace mlwb;

namespace {

const qint64 pointCount = 20000;

// Logs half its points, waits until the test has filled the disk, logs the
// other half (kept by the helper while nothing can be written), then waits
// for the disk to be freed (or not: $END_WHILE_FULL) and exits with $EXIT.
const char *const script = R"(
import os, sys, time, mlwb
control = os.environ["CONTROL"]
def wait_for(name):
    while not os.path.exists(os.path.join(control, name)):
        time.sleep(0.05)
run = mlwb.Run.get_context()
print("started", flush=True)
for i in range(10000):
    run.log("x", float(i))
run.flush()
open(os.path.join(control, "half"), "w").close()
wait_for("full")
for i in range(10000, 20000):
    run.log("x", float(i))
if not os.environ.get("END_WHILE_FULL"):
    wait_for("freed")
sys.exit(int(os.environ["EXIT"]))
)";

} // namespace

class TestFaultDiskFull : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void cleanup();
    void fullDiskMidRun_data();
    void fullDiskMidRun();
    void fullDiskDuringSshRun_data();
    void fullDiskDuringSshRun();
    void aWriteCutShortNamesTheFullDisk();
    void theStoresFullDiskIsWaitedOut();

private:
    bool fill(QString *error);
    void topUp();
    void freeSpace();
    QString showRun(const Run &run) const;
    void dumpRunFolder(const Run &run, const QString &note) const;
    void runWithFullDisk(const QString &target);

    QTemporaryDir m_dir;
    QString m_disk;    // the tmpfs holding the workspace
    QString m_control; // beside it, for the script's and the test's markers
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<QFile> m_filler;
    std::unique_ptr<SshFixture> m_sshd; // for the SSH scenarios, started when first needed
};

void TestFaultDiskFull::initTestCase()
{
    qputenv("MLWB_PROGRAM", MLWB_BINARY);
    m_disk = m_dir.filePath(QStringLiteral("disk"));
    QDir().mkpath(m_disk);
    QProcess mount;
    mount.start(QStringLiteral("mount"),
                {QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                 QStringLiteral("size=48m"), QStringLiteral("tmpfs"), m_disk});
    if (!mount.waitForFinished(30000) || mount.exitStatus() != QProcess::NormalExit
        || mount.exitCode() != 0)
        QSKIP(qPrintable(
            QStringLiteral("A full disk needs a small tmpfs, and mounting one failed "
                           "(this test must run as root): %1%2")
                .arg(mount.errorString(), QString::fromLocal8Bit(mount.readAllStandardError()))));
}

void TestFaultDiskFull::cleanupTestCase()
{
    QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_disk});
}

void TestFaultDiskFull::init()
{
    m_control = m_dir.filePath(QStringLiteral("control"));
    QDir(m_control).removeRecursively();
    QDir().mkpath(m_control);
    QString error;
    m_ws = Workspace::create(QDir(m_disk).filePath(QString::fromLatin1(QTest::currentDataTag())),
                             &error);
    QVERIFY2(m_ws, qPrintable(error));
    QDir project(m_dir.filePath(QStringLiteral("project")));
    project.mkpath(QStringLiteral("."));
    QFile file(project.filePath(QStringLiteral("fill.py")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(script);
}

void TestFaultDiskFull::cleanup()
{
    freeSpace();
    QFile(m_control + QStringLiteral("/freed")).open(QIODevice::WriteOnly);
    QString error;
    const auto unfinished = Runs(*m_ws).unfinished(&error);
    for (const Run &r : unfinished)
        RunLauncher::cancel(*m_ws, r.id, &error);
    for (const Run &r : unfinished)
        testing::waitForFinal(*m_ws, r.id, 15000);
    const QString path = m_ws->path();
    m_ws.reset();
    QDir(path).removeRecursively();
}

bool TestFaultDiskFull::fill(QString *error)
{
    m_filler = std::make_unique<QFile>(QDir(m_disk).filePath(QStringLiteral("filler")));
    if (!m_filler->open(QIODevice::WriteOnly | QIODevice::Unbuffered)) {
        *error = m_filler->errorString();
        return false;
    }
    topUp();
    return true;
}

void TestFaultDiskFull::freeSpace()
{
    // Not QFile::remove() on the open file: its close() fails to flush on the
    // full disk, and then it removes nothing.
    if (!m_filler)
        return;
    const QString path = m_filler->fileName();
    m_filler.reset();
    QVERIFY2(QFile::remove(path), qPrintable(path));
}

void TestFaultDiskFull::topUp()
{
    // Every free page, in smaller and smaller pieces; again whenever some came free.
    for (qint64 chunk = 1 << 20; chunk >= 512; chunk /= 4) {
        const QByteArray zeros(chunk, '\0');
        while (m_filler->write(zeros) == chunk && m_filler->flush()) {
        }
        m_filler->unsetError();
    }
}

QString TestFaultDiskFull::showRun(const Run &run) const
{
    QProcess cli;
    cli.start(QStringLiteral(MLWB_BINARY), {QStringLiteral("run"), QStringLiteral("show"), run.uid,
                                            QStringLiteral("--workspace"), m_ws->path()});
    cli.waitForFinished(30000);
    return QString::fromUtf8(cli.readAllStandardOutput() + cli.readAllStandardError());
}

void TestFaultDiskFull::dumpRunFolder(const Run &run, const QString &note) const
{
    // What the supervisor and the script said, for a failure's report.
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), run.uid);
    const auto found = Runs(*m_ws).find(run.id);
    std::printf("status %s, note '%s', error '%s'\n",
                qPrintable(found ? statusName(found->status) : QStringLiteral("?")),
                qPrintable(note), qPrintable(found ? found->error : QString()));
    for (const QString &name : {QStringLiteral("supervisor.log"), QStringLiteral("output.log")}) {
        QFile file(QDir(folder.root()).filePath(name));
        if (file.open(QIODevice::ReadOnly))
            std::printf("--- %s\n%s\n", qPrintable(name), file.readAll().right(4000).constData());
    }
}

void TestFaultDiskFull::fullDiskMidRun_data()
{
    QTest::addColumn<bool>("endWhileFull");
    QTest::addColumn<int>("exitCode");
    QTest::newRow("workspace_full_mid_run") << false << 0;
    QTest::newRow("process_ends_while_full") << true << 3;
}

void TestFaultDiskFull::fullDiskMidRun()
{
    runWithFullDisk(QString());
}

void TestFaultDiskFull::fullDiskDuringSshRun_data()
{
    fullDiskMidRun_data();
}

void TestFaultDiskFull::fullDiskDuringSshRun()
{
    // The VM's disk has room; the workspace's, where the supervisor copies
    // the log and metrics to and stores them, is full.
    QString error;
    if (!m_sshd) {
        m_sshd = std::make_unique<SshFixture>();
        if (!m_sshd->start(&error) || !m_sshd->trustHostKey(&error)) {
            m_sshd.reset();
            QFAIL(qPrintable(error));
        }
    }
    ComputeTarget t;
    t.name = QStringLiteral("vm");
    t.kind = ComputeTarget::Kind::Ssh;
    t.config = {{QStringLiteral("host"), QStringLiteral("127.0.0.1")},
                {QStringLiteral("port"), m_sshd->port()},
                {QStringLiteral("user"), m_sshd->user()},
                {QStringLiteral("identity"), m_sshd->identity()},
                {QStringLiteral("workdir"), m_dir.filePath(QStringLiteral("remote"))}};
    QVERIFY2(ComputeTargets(*m_ws).add(&t, &error), qPrintable(error));
    runWithFullDisk(t.name);
}

void TestFaultDiskFull::aWriteCutShortNamesTheFullDisk()
{
    // Some room, less than the write: the system takes what fits and says
    // nothing, and Qt calls that "Unknown error". The supervisor took it for
    // a failure of its own and never said the disk was full.
    QString error;
    QVERIFY2(fill(&error), qPrintable(error));
    QVERIFY(m_filler->resize(m_filler->size() - (256 << 10)));
    const QByteArray bytes(1 << 20, 'x');
    QFile plain(QDir(m_disk).filePath(QStringLiteral("plain")));
    QVERIFY(plain.open(QIODevice::WriteOnly | QIODevice::Unbuffered));
    const qint64 written = plain.write(bytes);
    QVERIFY2(written > 0 && written < bytes.size(), qPrintable(QString::number(written)));
    QCOMPARE(plain.error(), QFileDevice::NoError); // why the cause must be asked for
    plain.remove();
    for (const QIODevice::OpenMode mode : std::initializer_list<QIODevice::OpenMode>{
             QIODevice::WriteOnly, QIODevice::WriteOnly | QIODevice::Unbuffered}) {
        QFile file(QDir(m_disk).filePath(QStringLiteral("cut-short")));
        QVERIFY(file.open(mode));
        error.clear();
        QVERIFY(!storage::writeAll(file, bytes, &error));
        QVERIFY2(error.contains(QLatin1String("No space left on device")), qPrintable(error));
        QVERIFY(DiskFullWait::isDiskFull(error));
        file.remove();
    }
}

void TestFaultDiskFull::theStoresFullDiskIsWaitedOut()
{
    // The workspace's own words for SQLITE_FULL are a full disk too, or a
    // supervisor gives up on what it was storing (a run's environment).
    QString error;
    QVERIFY2(sql::exec(m_ws->database(), QStringLiteral("CREATE TABLE filler(b BLOB)"), &error),
             qPrintable(error));
    QVERIFY2(fill(&error), qPrintable(error));
    QString message;
    for (int i = 0; i < 1000 && message.isEmpty(); ++i) {
        sql::exec(m_ws->database(), QStringLiteral("INSERT INTO filler VALUES (randomblob(65536))"),
                  &message);
        topUp();
    }
    QVERIFY2(message.contains(QLatin1String("disk holding the workspace is full")),
             qPrintable(message));
    QVERIFY2(DiskFullWait::isDiskFull(message), qPrintable(message));
    QVERIFY(!DiskFullWait::isDiskFull(QStringLiteral("Permission denied")));
}

void TestFaultDiskFull::runWithFullDisk(const QString &target)
{
    QFETCH(bool, endWhileFull);
    QFETCH(int, exitCode);
    RunConfig config;
    if (!target.isEmpty())
        config.compute = target;
    config.experimentName = QStringLiteral("faults");
    config.code = m_dir.filePath(QStringLiteral("project"));
    config.command = RunConfig::commandFor(QString(), QStringLiteral("fill.py"), {});
    config.environmentVariables = {{QStringLiteral("CONTROL"), m_control},
                                   {QStringLiteral("EXIT"), QString::number(exitCode)}};
    if (endWhileFull)
        config.environmentVariables.insert(QStringLiteral("END_WHILE_FULL"), QStringLiteral("1"));
    QString error;
    const auto submitted = RunSubmitter(*m_ws).submit(config, &error);
    QVERIFY2(submitted, qPrintable(error));
    QTRY_VERIFY_WITH_TIMEOUT(QFile::exists(m_control + QStringLiteral("/half")), 30000);
    QVERIFY2(fill(&error), qPrintable(error));
    QFile(m_control + QStringLiteral("/full")).open(QIODevice::WriteOnly);

    // While full: the supervisor says so, in the store's run folder and in `run show`.
    QString note, shown;
    QElapsedTimer timer;
    timer.start();
    while (timer.elapsed() < 30000 && !note.contains(QLatin1String("waiting: disk full"))) {
        topUp();
        QThread::msleep(100);
        note = SupervisorNote::of(*m_ws, *Runs(*m_ws).find(submitted->id));
    }
    if (note.contains(QLatin1String("waiting: disk full")))
        shown = showRun(*submitted);
    QThread::msleep(endWhileFull ? 3000 : 1000); // the process ends meanwhile, or not
    topUp();
    const bool stillRunning = !isFinal(Runs(*m_ws).find(submitted->id)->status);
    freeSpace();
    QFile(m_control + QStringLiteral("/freed")).open(QIODevice::WriteOnly);
    const Run run = testing::waitForFinal(*m_ws, submitted->id, 60000);

    QString countError;
    const testing::PointCounts points = testing::countPoints(*m_ws, run.id, &countError);
    testing::FaultSummary summary;
    const QByteArray name =
        (target.isEmpty() ? QByteArray() : QByteArray("ssh_")) + QTest::currentDataTag();
    summary.name = name.constData();
    summary.faults = 1;
    summary.runs = 1;
    summary.pointsExpected = pointCount;
    summary.pointsStored = points.distinctSteps;
    summary.pointsDuplicated = points.count - points.distinctSteps;
    summary.diagsExpected = 2; // the note, and `run show` printing it
    summary.diagsFound = (note.contains(QLatin1String("waiting: disk full")) ? 1 : 0)
                         + (shown.contains(QLatin1String("waiting: disk full")) ? 1 : 0);
    summary.print();
    if (run.status != (exitCode == 0 ? RunStatus::Completed : RunStatus::Failed)
        || points.distinctSteps != pointCount || summary.diagsFound != summary.diagsExpected)
        dumpRunFolder(*submitted, note);

    QVERIFY2(note.contains(QLatin1String("waiting: disk full on ") + m_disk), qPrintable(note));
    QVERIFY2(shown.contains(QLatin1String("waiting: disk full on ")), qPrintable(shown));
    QVERIFY(stillRunning); // not failed, not "Running" with nobody watching
    QCOMPARE(run.exitCode, exitCode);
    QVERIFY2(run.status == (exitCode == 0 ? RunStatus::Completed : RunStatus::Failed),
             qPrintable(run.error));
    if (exitCode != 0)
        QVERIFY2(RunReason::text(run.error).startsWith(
                     QStringLiteral("Exited with code %1.").arg(exitCode)),
                 qPrintable(run.error));
    testing::verifyEachStepOnce(*m_ws, run.id, pointCount);
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), run.uid);
    QCOMPARE(SupervisorNote(folder.noteFile()).text(), QString()); // cleared once space came back
}

QTEST_GUILESS_MAIN(TestFaultDiskFull)
#include "tst_fault_diskfull.moc"
