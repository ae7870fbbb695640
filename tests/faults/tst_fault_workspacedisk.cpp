// Fault suite: the disk under a workspace fails. A read-only remount and a
// full disk, at open and at write time, through the real `mlwb` binary; a
// database with damaged pages in the middle; the window on a read-only
// workspace. Reads must go on, writes must say why they are refused, and
// "damaged" is said only when SQLite's integrity check says so.
#include "store/experiments.h"
#include "store/workspace.h"
#include "window/mainwindow.h"

#include <QAction>
#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLabel>
#include <QProcess>
#include <QRandomGenerator>
#include <QSet>
#include <QSettings>
#include <QStandardPaths>
#include <QStorageInfo>
#include <QTemporaryDir>
#include <QTest>

#include <memory>
#include <unistd.h>

using namespace mlwb;

namespace {

constexpr int pointsPerRun = 3000;

// A tmpfs of its own, so a remount or a filler touches nothing else.
class TmpfsMount
{
public:
    ~TmpfsMount() { unmount(); }
    bool mount(const QString &dir, const QString &size, QString *error)
    {
        QDir().mkpath(dir);
        m_dir = dir;
        m_mounted = run({QStringLiteral("-t"), QStringLiteral("tmpfs"), QStringLiteral("-o"),
                         QStringLiteral("size=") + size, QStringLiteral("tmpfs"), dir},
                        error);
        return m_mounted;
    }
    bool remount(bool readOnly, QString *error) const
    {
        return run({QStringLiteral("-o"),
                    readOnly ? QStringLiteral("remount,ro") : QStringLiteral("remount,rw"), m_dir},
                   error);
    }
    void unmount()
    {
        if (m_mounted)
            QProcess::execute(QStringLiteral("umount"), {QStringLiteral("-l"), m_dir});
        m_mounted = false;
    }

private:
    static bool run(const QStringList &arguments, QString *error)
    {
        QProcess p;
        p.start(QStringLiteral("mount"), arguments);
        if (p.waitForFinished(20000) && p.exitStatus() == QProcess::NormalExit && p.exitCode() == 0)
            return true;
        *error = QString::fromLocal8Bit(p.readAllStandardError()).trimmed() + p.errorString();
        return false;
    }
    QString m_dir;
    bool m_mounted = false;
};

struct Result {
    int code = -1;
    QString out;
    QString err;
};

// What one scenario counted, printed as the suite's summary line.
struct Tally {
    int faults = 0, runs = 0;
    qint64 pointsExpected = 0, pointsStored = 0, pointsDuplicated = 0;
    int diagsExpected = 0, diagsFound = 0;
    void print(const char *name) const
    {
        printf("FAULT-SUMMARY name=%s faults=%d runs=%d points_expected=%lld points_stored=%lld "
               "points_duplicated=%lld diags_expected=%d diags_found=%d\n",
               name, faults, runs, pointsExpected, pointsStored, pointsDuplicated, diagsExpected,
               diagsFound);
        fflush(stdout);
    }
};

QByteArray sha256(const QString &file)
{
    QFile f(file);
    QCryptographicHash hash(QCryptographicHash::Sha256);
    if (f.open(QIODevice::ReadOnly))
        hash.addData(&f);
    return hash.result().toHex();
}

// A writer that commits a rename into the -wal and dies before any
// checkpoint: the commit lives only in the log, beside its -shm.
int commitOnlyToWal(const QString &db)
{
    return QProcess::execute(
        QStringLiteral("python3"),
        {QStringLiteral("-c"),
         QStringLiteral("import os, sqlite3, sys\nc = sqlite3.connect(sys.argv[1])\n"
                        "c.execute('PRAGMA wal_autocheckpoint = 0')\n"
                        "c.execute(\"UPDATE workspace_info SET value = 'in-the-wal' "
                        "WHERE key = 'name'\")\nc.commit()\nos._exit(0)"),
         db});
}

// Prints the scenario's summary line, then fails on any loss.
void verify(const Tally &tally, const char *name)
{
    tally.print(name);
    QCOMPARE(tally.pointsStored, tally.pointsExpected);
    QCOMPARE(tally.pointsDuplicated, 0);
    QCOMPARE(tally.diagsFound, tally.diagsExpected);
}

} // namespace

class TestFaultWorkspaceDisk : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void readOnlyRemount_data();
    void readOnlyRemount();
    void readOnlyWithoutSharedMemory();
    void readOnlyWithoutPermission();
    void fullDiskAtOpen();
    void fullDiskAtWrite();
    void damagedPagesInTheMiddle();
    void windowShowsReadOnly();

private:
    Result mlwb(const QStringList &arguments, const QString &cwd = {});
    QString createWorkspaceWithRun(QString *runId);
    void countPoints(const QString &runId, Tally *tally);
    // A write that must be refused, and say `reason` and never "damaged".
    void expectRefused(const QStringList &arguments, const QString &reason, Tally *tally);
    void fillDisk(qint64 leaveFree);
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString mounted(const QString &name) const { return path(QStringLiteral("mnt/") + name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<TmpfsMount> m_mount;
    QString m_workspace;
    QString m_nobodyHome; // set: mlwb runs as the user nobody
};

void TestFaultWorkspaceDisk::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    m_mount = std::make_unique<TmpfsMount>();
    QString error;
    if (!m_mount->mount(path(QStringLiteral("mnt")), QStringLiteral("24m"), &error))
        QSKIP(qPrintable(QStringLiteral("mounting a tmpfs is impossible here: ") + error));
    m_workspace = mounted(QStringLiteral("ws"));
    qputenv("MLWB_REGISTRY", path(QStringLiteral("workspaces.json")).toUtf8());
    qputenv("XDG_DATA_HOME", path(QStringLiteral("data")).toUtf8());
    qputenv("XDG_CONFIG_HOME", path(QStringLiteral("config")).toUtf8());
}

void TestFaultWorkspaceDisk::cleanup()
{
    m_mount.reset();
    m_dir.reset();
}

Result TestFaultWorkspaceDisk::mlwb(const QStringList &arguments, const QString &cwd)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLWB_WORKSPACE"), m_workspace);
    env.insert(QStringLiteral("MLWB_PROGRAM"), QStringLiteral(MLWB_BINARY));
    env.insert(QStringLiteral("QT_QPA_PLATFORM"), QStringLiteral("offscreen"));
    QString program = QStringLiteral(MLWB_BINARY);
    QStringList words = arguments;
    if (!m_nobodyHome.isEmpty()) { // as a user who may read the workspace, not write it
        words = QStringList{QStringLiteral("--reuid=65534"), QStringLiteral("--regid=65534"),
                            QStringLiteral("--clear-groups"), program}
                + arguments;
        program = QStringLiteral("setpriv");
        for (const char *name : {"HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME"})
            env.insert(QLatin1String(name), m_nobodyHome);
        env.insert(QStringLiteral("MLWB_REGISTRY"), m_nobodyHome + QStringLiteral("/reg.json"));
    }
    QProcess process;
    process.setProcessEnvironment(env);
    process.setWorkingDirectory(cwd.isEmpty() ? m_dir->path() : cwd);
    process.start(program, words);
    if (!process.waitForFinished(120000))
        qWarning() << "mlwb did not finish:" << arguments;
    Result result;
    result.code = process.exitStatus() == QProcess::NormalExit ? process.exitCode() : -1;
    result.out = QString::fromUtf8(process.readAllStandardOutput());
    result.err = QString::fromUtf8(process.readAllStandardError());
    return result;
}

QString TestFaultWorkspaceDisk::createWorkspaceWithRun(QString *runId)
{
    const Result created =
        mlwb({QStringLiteral("workspace"), QStringLiteral("create"), m_workspace});
    if (created.code != 0)
        return created.err;
    const QString project = path(QStringLiteral("project"));
    QDir().mkpath(project);
    QFile script(project + QStringLiteral("/train.py"));
    if (!script.open(QIODevice::WriteOnly))
        return script.errorString();
    script.write(QStringLiteral("import mlwb\nrun = mlwb.Run.get_context()\n"
                                "for i in range(%1):\n    run.log('loss', 1.0 / (i + 1), step=i)\n")
                     .arg(pointsPerRun)
                     .toUtf8());
    script.close();
    const Result run = mlwb({QStringLiteral("run"), QStringLiteral("submit"),
                             QStringLiteral("--wait"), QStringLiteral("train.py")},
                            project);
    *runId = run.out.section(QLatin1Char('\n'), 0, 0).trimmed();
    if (run.code != 0)
        return QStringLiteral("the run failed: ") + run.err + run.out;
    return {};
}

void TestFaultWorkspaceDisk::countPoints(const QString &runId, Tally *tally)
{
    const Result r = mlwb({QStringLiteral("run"), QStringLiteral("metrics"), runId,
                           QStringLiteral("--as"), QStringLiteral("csv")});
    QVERIFY2(r.code == 0, qPrintable(r.err));
    QVERIFY2(!r.err.contains(QLatin1String("damaged")), qPrintable(r.err));
    QSet<QString> seen;
    const QStringList lines = r.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    for (const QString &line : lines.mid(1)) {
        const QString key = line.section(QLatin1Char(','), 0, 1);
        if (seen.contains(key))
            ++tally->pointsDuplicated;
        seen.insert(key);
        ++tally->pointsStored;
    }
    tally->pointsExpected += pointsPerRun;
}

void TestFaultWorkspaceDisk::expectRefused(const QStringList &arguments, const QString &reason,
                                           Tally *tally)
{
    ++tally->diagsExpected;
    const Result r = mlwb(arguments);
    if (r.code != 0 && r.err.contains(reason) && !r.err.contains(QLatin1String("damaged")))
        ++tally->diagsFound;
    else
        qWarning() << arguments << "exit" << r.code << r.err;
}

// Fills the tmpfs until only `leaveFree` bytes are left (0: until ENOSPC).
void TestFaultWorkspaceDisk::fillDisk(qint64 leaveFree)
{
    QFile filler(mounted(QStringLiteral("filler")));
    QVERIFY(filler.open(QIODevice::WriteOnly));
    const QByteArray chunk(64 * 1024, 'f');
    QStorageInfo disk(mounted(QString()));
    while (true) {
        disk.refresh();
        const qint64 room = disk.bytesAvailable() - leaveFree;
        if (room <= 0)
            break;
        if (filler.write(chunk.constData(), qMin<qint64>(room, chunk.size())) <= 0
            || !filler.flush())
            break;
    }
    filler.close();
}

void TestFaultWorkspaceDisk::readOnlyRemount_data()
{
    QTest::addColumn<bool>("killedWriter");
    QTest::newRow("closed cleanly (no -wal, no -shm)") << false;
    QTest::newRow("writer killed (-wal and -shm left)") << true;
}

void TestFaultWorkspaceDisk::readOnlyRemount()
{
    QFETCH(bool, killedWriter);
    QString runId;
    const QString setup = createWorkspaceWithRun(&runId);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    const QString db = m_workspace + QStringLiteral("/workspace.db");
    if (killedWriter) {
        // A commit that lives only in the -wal: reading it proves the log was honoured.
        QCOMPARE(commitOnlyToWal(db), 0);
        QVERIFY(QFileInfo(db + QStringLiteral("-wal")).size() > 0);
    }
    const QByteArray before = sha256(db);
    QString error;
    QVERIFY2(m_mount->remount(true, &error), qPrintable(error));
    Tally tally{1, 1};

    const QString readOnly = QStringLiteral("read-only file system");
    const Result list = mlwb({QStringLiteral("run"), QStringLiteral("list")});
    QVERIFY2(list.code == 0 && list.out.contains(runId), qPrintable(list.err));
    QVERIFY2(list.err.contains(readOnly), qPrintable(list.err));
    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("show"), runId}).code, 0);
    countPoints(runId, &tally);
    const Result shown = mlwb({QStringLiteral("workspace"), QStringLiteral("show"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8())[QStringLiteral("name")].toString(),
             killedWriter ? QStringLiteral("in-the-wal") : QStringLiteral("ws"));
    const QString chart = path(QStringLiteral("loss.png"));
    const Result exported =
        mlwb({QStringLiteral("chart"), QStringLiteral("export"), QStringLiteral("--run"), runId,
              QStringLiteral("--metric"), QStringLiteral("loss"), QStringLiteral("--out"), chart});
    QVERIFY2(exported.code == 0 && QFileInfo(chart).size() > 0, qPrintable(exported.err));
    const Result check = mlwb({QStringLiteral("workspace"), QStringLiteral("check")});
    QVERIFY2(check.code == 0, qPrintable(check.err + check.out));

    expectRefused({QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("new")},
                  readOnly, &tally);
    expectRefused({QStringLiteral("run"), QStringLiteral("tag"), runId, QStringLiteral("k=v")},
                  readOnly, &tally);
    expectRefused({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("x.py")},
                  readOnly, &tally);
    expectRefused(
        {QStringLiteral("experiment"), QStringLiteral("delete"), QStringLiteral("default")},
        readOnly, &tally);
    QCOMPARE(sha256(db), before);
    verify(tally, killedWriter ? "readonly_remount_killed_writer" : "readonly_remount_clean");
}

// A -wal with commits but no -shm cannot be read on read-only media; that
// must be said as such, and the data must still be there once it is writable.
void TestFaultWorkspaceDisk::readOnlyWithoutSharedMemory()
{
    QString runId;
    const QString setup = createWorkspaceWithRun(&runId);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    const QString db = m_workspace + QStringLiteral("/workspace.db");
    QCOMPARE(commitOnlyToWal(db), 0);
    QVERIFY(QFile::remove(db + QStringLiteral("-shm")));
    QString error;
    QVERIFY2(m_mount->remount(true, &error), qPrintable(error));
    Tally tally{1, 1};
    ++tally.diagsExpected;
    const Result list = mlwb({QStringLiteral("run"), QStringLiteral("list")});
    if (list.code != 0 && list.err.contains(QLatin1String("write-ahead log"))
        && !list.err.contains(QLatin1String("damaged")))
        ++tally.diagsFound;
    else
        qWarning() << "run list:" << list.code << list.err;
    QVERIFY2(m_mount->remount(false, &error), qPrintable(error));
    countPoints(runId, &tally);
    const Result shown = mlwb({QStringLiteral("workspace"), QStringLiteral("show"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(QJsonDocument::fromJson(shown.out.toUtf8())[QStringLiteral("name")].toString(),
             QStringLiteral("in-the-wal"));
    verify(tally, "readonly_wal_without_shm");
}

// No write permission (tests run as root, so mlwb runs as nobody here).
void TestFaultWorkspaceDisk::readOnlyWithoutPermission()
{
    if (QStandardPaths::findExecutable(QStringLiteral("setpriv")).isEmpty())
        QSKIP("setpriv (util-linux) is missing, so mlwb cannot run as another user");
    QString runId;
    const QString setup = createWorkspaceWithRun(&runId);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    QVERIFY(QFile::setPermissions(m_dir->path(), QFile::ReadOwner | QFile::WriteOwner
                                                     | QFile::ExeOwner | QFile::ReadOther
                                                     | QFile::ExeOther));
    m_nobodyHome = path(QStringLiteral("nobody"));
    QVERIFY(QDir().mkpath(m_nobodyHome));
    QCOMPARE(::chown(QFile::encodeName(m_nobodyHome).constData(), 65534, 65534), 0);
    Tally tally{1, 1};
    const QString reason = QStringLiteral("no permission to write in");
    const Result list = mlwb({QStringLiteral("run"), QStringLiteral("list")});
    QVERIFY2(list.code == 0 && list.out.contains(runId), qPrintable(list.err));
    QVERIFY2(list.err.contains(reason), qPrintable(list.err));
    countPoints(runId, &tally);
    expectRefused({QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("new")},
                  reason, &tally);
    expectRefused({QStringLiteral("run"), QStringLiteral("tag"), runId, QStringLiteral("k=v")},
                  reason, &tally);
    m_nobodyHome.clear();
    verify(tally, "readonly_no_permission");
}

void TestFaultWorkspaceDisk::fullDiskAtOpen()
{
    QString runId;
    const QString setup = createWorkspaceWithRun(&runId);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    fillDisk(0);
    Tally tally{1, 1};
    const QString full = QStringLiteral("disk holding the workspace is full");
    const Result list = mlwb({QStringLiteral("run"), QStringLiteral("list")});
    QVERIFY2(list.code == 0 && list.out.contains(runId), qPrintable(list.err));
    QVERIFY2(list.err.contains(full), qPrintable(list.err));
    countPoints(runId, &tally);
    expectRefused({QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("new")},
                  full, &tally);
    expectRefused({QStringLiteral("run"), QStringLiteral("tag"), runId, QStringLiteral("k=v")},
                  full, &tally);
    // Space comes back: the same workspace takes writes again, nothing lost.
    QVERIFY(QFile::remove(mounted(QStringLiteral("filler"))));
    const Result created =
        mlwb({QStringLiteral("experiment"), QStringLiteral("create"), QStringLiteral("later")});
    QVERIFY2(created.code == 0, qPrintable(created.err));
    const Result check = mlwb({QStringLiteral("workspace"), QStringLiteral("check")});
    QVERIFY2(check.code == 0, qPrintable(check.err + check.out));
    Tally after;
    countPoints(runId, &after);
    QCOMPARE(after.pointsStored, after.pointsExpected);
    verify(tally, "diskfull_at_open");
}

void TestFaultWorkspaceDisk::fullDiskAtWrite()
{
    QString runId;
    const QString setup = createWorkspaceWithRun(&runId);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    // Room to open and map the WAL index, not to store a megabyte of tags.
    fillDisk(768 * 1024);
    Tally tally{1, 1};
    QStringList tags{QStringLiteral("run"), QStringLiteral("tag"), runId};
    for (int i = 0; i < 12; ++i)
        tags << QStringLiteral("big%1=").arg(i, 2, 10, QLatin1Char('0'))
                    + QString(100 * 1024, QLatin1Char('x'));
    expectRefused(tags, QStringLiteral("disk holding the workspace is full"), &tally);
    QVERIFY(QFile::remove(mounted(QStringLiteral("filler"))));
    const Result check = mlwb({QStringLiteral("workspace"), QStringLiteral("check")});
    QVERIFY2(check.code == 0, qPrintable(check.err + check.out));
    // Each tag was stored whole or not at all.
    const Result shown = mlwb({QStringLiteral("run"), QStringLiteral("show"), runId,
                               QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject stored =
        QJsonDocument::fromJson(shown.out.toUtf8())[QStringLiteral("tags")].toObject();
    for (auto it = stored.begin(); it != stored.end(); ++it)
        QCOMPARE(it.value().toString().size(), 100 * 1024);
    QVERIFY(stored.size() < 12);
    countPoints(runId, &tally);
    verify(tally, "diskfull_at_write");
}

void TestFaultWorkspaceDisk::damagedPagesInTheMiddle()
{
    QString runId;
    const QString setup = createWorkspaceWithRun(&runId);
    QVERIFY2(setup.isEmpty(), qPrintable(setup));
    const quint32 seed = qEnvironmentVariableIsSet("MLWB_FAULT_SEED")
                             ? quint32(qEnvironmentVariableIntValue("MLWB_FAULT_SEED"))
                             : QRandomGenerator::global()->generate();
    printf("seed=%u\n", seed);
    QRandomGenerator random(seed);
    const QString db = m_workspace + QStringLiteral("/workspace.db");
    QFile file(db);
    QVERIFY(file.open(QIODevice::ReadWrite));
    const qint64 pageSize = 4096, pages = file.size() / pageSize;
    QVERIFY2(pages > 10, "the workspace is too small to damage in the middle");
    // A few whole pages in the middle: never page 1 (the header and schema).
    const qint64 first = pages / 3 + random.bounded(int(pages / 3));
    const int count = 4;
    for (qint64 page = first; page < qMin(first + count, pages); ++page) {
        QByteArray garbage(int(pageSize), '\0');
        for (char &c : garbage)
            c = char(random.bounded(256));
        file.seek(page * pageSize);
        file.write(garbage);
    }
    file.close();
    Tally tally{count, 1};
    tally.diagsExpected = 2;
    const Result check = mlwb({QStringLiteral("workspace"), QStringLiteral("check")});
    const QString native = QDir::toNativeSeparators(m_workspace);
    if (check.code == 1 && check.out.contains(QLatin1String("integrity_check")))
        ++tally.diagsFound; // the problems report, not a bare SQLite message
    if (check.err.contains(native) && check.err.contains(QLatin1String("from a copy")))
        ++tally.diagsFound;
    tally.print("corrupt_pages_middle");
    QVERIFY2(tally.diagsFound == tally.diagsExpected,
             qPrintable(QStringLiteral("seed %1: %2\n%3").arg(seed).arg(check.out, check.err)));
}

// The window on a read-only workspace: says so and refuses writes with the reason.
void TestFaultWorkspaceDisk::windowShowsReadOnly()
{
    const Result created =
        mlwb({QStringLiteral("workspace"), QStringLiteral("create"), m_workspace});
    QVERIFY2(created.code == 0, qPrintable(created.err));
    QString error;
    QVERIFY2(m_mount->remount(true, &error), qPrintable(error));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope,
                       path(QStringLiteral("config")));
    auto ws = Workspace::open(m_workspace, &error);
    QVERIFY2(ws, qPrintable(error));
    QVERIFY(ws->isReadOnly());
    Experiment e;
    e.name = QStringLiteral("new");
    QVERIFY(!Experiments(*ws).create(&e, &error));
    QVERIFY2(error.contains(QLatin1String("read-only file system")), qPrintable(error));
    {
        MainWindow window(std::move(ws));
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QVERIFY2(window.windowTitle().endsWith(QLatin1String("(read-only)")),
                 qPrintable(window.windowTitle()));
        auto *indicator = window.findChild<QLabel *>(QStringLiteral("readOnlyIndicator"));
        QVERIFY(indicator && indicator->isVisible());
        QVERIFY(indicator->text().contains(QLatin1String("read-only file system")));
        auto *attach = window.findChild<QAction *>(QStringLiteral("attachVmAction"));
        QVERIFY(attach && !attach->isEnabled());
        const QString shot = qEnvironmentVariable("MLWB_FAULT_SCREENSHOT");
        if (!shot.isEmpty())
            window.grab().save(shot);
    }
    Tally{1, 0, 0, 0, 0, 1, 1}.print("readonly_window");
}

QTEST_MAIN(TestFaultWorkspaceDisk)
#include "tst_fault_workspacedisk.moc"
