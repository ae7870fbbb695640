// The `mlwb run ...` commands through the real binary, as a script would use them.
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>

class TestCliRun : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void submitWaitStreamsLogAndExitCode();
    void submitFromConfigFile();
    void failingRunExitsWithItsCode();
    void metricsAsCsvAndJson();
    void logsOutputsSnapshotAndTags();
    void cancelFromTheCommandLine();
    void raisedLimitStartsQueuedRuns();
    void supervisorLinksNoGuiLibraries();
    void submitReportsWhatWasLeftOut();
    void swappedSnapshotIsRefused();
    void badInput_data();
    void badInput();

private:
    struct Result {
        int code = -1;
        QString out, err;
    };
    Result mlwb(const QStringList &args, const QString &cwd = QString(), int timeoutMs = 120000);
    QString submit(const QString &script, const QStringList &extra = {});
    void writeProjectFile(const QString &name, const QByteArray &content);

    std::unique_ptr<QTemporaryDir> m_dir;
    QString m_ws, m_project;
};

void TestCliRun::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_ws = m_dir->filePath(QStringLiteral("ws"));
    m_project = m_dir->filePath(QStringLiteral("project"));
    QDir().mkpath(m_project);
    QCOMPARE(mlwb({QStringLiteral("workspace"), QStringLiteral("create"), m_ws}).code, 0);
}

void TestCliRun::cleanup()
{
    m_dir.reset();
}

TestCliRun::Result TestCliRun::mlwb(const QStringList &args, const QString &cwd, int timeoutMs)
{
    QProcess p;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.insert(QStringLiteral("MLWB_REGISTRY"), m_dir->filePath(QStringLiteral("registry.json")));
    env.insert(QStringLiteral("MLWB_WORKSPACE"), m_ws);
    env.insert(QStringLiteral("MLWB_PROGRAM"), QStringLiteral(MLWB_BINARY));
    env.remove(QStringLiteral("DISPLAY"));
    p.setProcessEnvironment(env);
    p.setWorkingDirectory(cwd.isEmpty() ? m_project : cwd);
    p.start(QStringLiteral(MLWB_BINARY), args);
    Result r;
    if (!p.waitForFinished(timeoutMs)) {
        p.kill();
        p.waitForFinished();
        return r;
    }
    r.code = p.exitCode();
    r.out = QString::fromUtf8(p.readAllStandardOutput());
    r.err = QString::fromUtf8(p.readAllStandardError());
    return r;
}

void TestCliRun::writeProjectFile(const QString &name, const QByteArray &content)
{
    QFile f(QDir(m_project).filePath(name));
    QVERIFY(f.open(QIODevice::WriteOnly));
    f.write(content);
}

QString TestCliRun::submit(const QString &script, const QStringList &extra)
{
    const Result r = mlwb(QStringList{QStringLiteral("run"), QStringLiteral("submit")} + extra
                          + QStringList{QStringLiteral("--"), script});
    return r.code == 0 ? r.out.trimmed() : QString();
}

void TestCliRun::submitWaitStreamsLogAndExitCode()
{
    writeProjectFile(QStringLiteral("hello.py"), "import sys, mlwb\nprint('hello', sys.argv[1:])\n"
                                                 "mlwb.Run.get_context().log('acc', 0.5)\n");
    const Result r =
        mlwb({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
              QStringLiteral("--experiment"), QStringLiteral("cli"), QStringLiteral("--"),
              QStringLiteral("hello.py"), QStringLiteral("--lr"), QStringLiteral("0.1")});
    QCOMPARE(r.code, 0);
    const QStringList lines = r.out.split(QLatin1Char('\n'));
    QVERIFY2(lines.first().startsWith(QLatin1String("cli_")),
             qPrintable(r.out)); // the run id first
    QVERIFY2(r.out.contains(QLatin1String("hello ['--lr', '0.1']")), qPrintable(r.out));

    const Result list = mlwb({QStringLiteral("run"), QStringLiteral("list"),
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(list.code, 0);
    const QJsonArray runs = QJsonDocument::fromJson(list.out.toUtf8()).array();
    QCOMPARE(runs.size(), 1);
    const QJsonObject run = runs.first().toObject();
    QCOMPARE(run.value(QStringLiteral("status")).toString(), QStringLiteral("Completed"));
    QCOMPARE(run.value(QStringLiteral("experiment")).toString(), QStringLiteral("cli"));
    QCOMPARE(run.value(QStringLiteral("exit_code")).toInt(), 0);
    QCOMPARE(run.value(QStringLiteral("arguments")).toArray().size(), 2);
}

void TestCliRun::submitFromConfigFile()
{
    writeProjectFile(QStringLiteral("train.py"), "import os\nprint('seed', os.environ['SEED'])\n");
    writeProjectFile(QStringLiteral("mlwb.yaml"), "experiment_name: configured\n"
                                                  "command: python3 train.py\n"
                                                  "environment_variables: {SEED: \"42\"}\n"
                                                  "tags: {owner: ci}\n");
    const Result r =
        mlwb({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("seed 42")), qPrintable(r.out));
    const QString id = r.out.section(QLatin1Char('\n'), 0, 0).trimmed();
    const Result show = mlwb({QStringLiteral("run"), QStringLiteral("show"), id,
                              QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject run = QJsonDocument::fromJson(show.out.toUtf8()).object();
    QCOMPARE(run.value(QStringLiteral("experiment")).toString(), QStringLiteral("configured"));
    QCOMPARE(run.value(QStringLiteral("tags")).toObject().value(QStringLiteral("owner")).toString(),
             QStringLiteral("ci"));

    // The project's own snapshot limit: one file is allowed, the project has three.
    writeProjectFile(QStringLiteral("small.yaml"), "command: python3 train.py\n"
                                                   "snapshot: {max_files: 1}\n");
    const Result limited = mlwb({QStringLiteral("run"), QStringLiteral("submit"),
                                 QStringLiteral("--config"), QStringLiteral("small.yaml")});
    QCOMPARE(limited.code, 1);
    QVERIFY2(limited.err.contains(QLatin1String("over the limit"))
                 && limited.err.contains(QLatin1String("train.py")),
             qPrintable(limited.err));

    writeProjectFile(QStringLiteral("broken.yaml"), "command: [unclosed\n");
    const Result bad = mlwb({QStringLiteral("run"), QStringLiteral("submit"),
                             QStringLiteral("--config"), QStringLiteral("broken.yaml")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QLatin1String("broken.yaml, line")), qPrintable(bad.err));
    QVERIFY(bad.out.isEmpty());
}

void TestCliRun::failingRunExitsWithItsCode()
{
    writeProjectFile(QStringLiteral("fail.py"), "import sys\nprint('bad things')\nsys.exit(7)\n");
    const Result r =
        mlwb({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
              QStringLiteral("--"), QStringLiteral("fail.py")});
    QCOMPARE(r.code, 7);
    QVERIFY(r.out.contains(QLatin1String("bad things")));
    QVERIFY2(r.err.contains(QLatin1String("failed")), qPrintable(r.err));
    // Stored as a code, said in words (English: the tests load no translation).
    QVERIFY2(r.err.contains(QLatin1String("failed: Exited with code 7.")), qPrintable(r.err));
    const QString id = r.out.section(QLatin1Char('\n'), 0, 0).trimmed();
    const Result shown = mlwb({QStringLiteral("run"), QStringLiteral("show"), id,
                               QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject run = QJsonDocument::fromJson(shown.out.toUtf8()).object();
    QVERIFY2(run.value(QStringLiteral("error"))
                 .toString()
                 .startsWith(QLatin1String("Exited with code 7.\n")),
             qPrintable(shown.out + shown.err));
}

void TestCliRun::metricsAsCsvAndJson()
{
    writeProjectFile(QStringLiteral("m.py"),
                     "import mlwb\nrun = mlwb.Run.get_context()\n"
                     "for i in range(5):\n    run.log('loss', 1.0 / (i + 1))\n"
                     "run.log('note', 'a, \"quoted\" text')\n");
    const QString id =
        submit(QStringLiteral("m.py"), {QStringLiteral("--wait")}).section(QLatin1Char('\n'), 0, 0);
    QVERIFY(!id.isEmpty());
    const Result csv = mlwb({QStringLiteral("run"), QStringLiteral("metrics"), id,
                             QStringLiteral("--as"), QStringLiteral("csv")});
    QCOMPARE(csv.code, 0);
    const QStringList rows = csv.out.trimmed().split(QLatin1Char('\n'));
    QCOMPARE(rows.size(), 1 + 5 + 1);
    QCOMPARE(rows.first(), QStringLiteral("name,step,time,value"));
    QVERIFY2(rows.contains(QRegularExpression(QStringLiteral("^loss,4,[0-9.]+,0\\.2$"))),
             qPrintable(csv.out));
    QVERIFY2(csv.out.contains(QLatin1String("\"a, \"\"quoted\"\" text\"")), qPrintable(csv.out));

    const Result json =
        mlwb({QStringLiteral("run"), QStringLiteral("metrics"), id, QStringLiteral("--name"),
              QStringLiteral("loss"), QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonArray points = QJsonDocument::fromJson(json.out.toUtf8()).array();
    QCOMPARE(points.size(), 5);
    QCOMPARE(points.at(1).toObject().value(QStringLiteral("value")).toDouble(), 0.5);
    QCOMPARE(points.at(1).toObject().value(QStringLiteral("step")).toInt(), 1);
}

void TestCliRun::logsOutputsSnapshotAndTags()
{
    writeProjectFile(QStringLiteral("o.py"),
                     "import os\nos.makedirs('outputs', exist_ok=True)\n"
                     "open('outputs/model.bin', 'w').write('w')\nprint('logged line')\n");
    const QString id =
        submit(QStringLiteral("o.py"), {QStringLiteral("--wait")}).section(QLatin1Char('\n'), 0, 0);
    QVERIFY(!id.isEmpty());
    QVERIFY(mlwb({QStringLiteral("run"), QStringLiteral("logs"), id})
                .out.contains(QLatin1String("logged line")));

    const QString outputs = m_dir->filePath(QStringLiteral("out"));
    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("download"), id, outputs,
                   QStringLiteral("--outputs")})
                 .code,
             0);
    QVERIFY(QFile::exists(outputs + QStringLiteral("/model.bin")));
    const QString snapshot = m_dir->filePath(QStringLiteral("snap"));
    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("download"), id, snapshot,
                   QStringLiteral("--snapshot")})
                 .code,
             0);
    QVERIFY(QFile::exists(snapshot + QStringLiteral("/o.py")));
    const Result again = mlwb({QStringLiteral("run"), QStringLiteral("download"), id, outputs,
                               QStringLiteral("--outputs")});
    QCOMPARE(again.code, 1); // never into a folder that has files
    QVERIFY2(again.err.contains(QLatin1String("not empty")), qPrintable(again.err));

    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("tag"), id, QStringLiteral("model=cnn"),
                   QStringLiteral("stage=dev")})
                 .code,
             0);
    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("tag"), id, QStringLiteral("--remove"),
                   QStringLiteral("stage")})
                 .code,
             0);
    const Result show = mlwb({QStringLiteral("run"), QStringLiteral("show"), id,
                              QStringLiteral("--format"), QStringLiteral("json")});
    const QJsonObject tags = QJsonDocument::fromJson(show.out.toUtf8())
                                 .object()
                                 .value(QStringLiteral("tags"))
                                 .toObject();
    QCOMPARE(tags.value(QStringLiteral("model")).toString(), QStringLiteral("cnn"));
    QVERIFY(!tags.contains(QStringLiteral("stage")));
    // Every run has a generated name; renamed, the new name finds it.
    QVERIFY(!QJsonDocument::fromJson(show.out.toUtf8())
                 .object()
                 .value(QStringLiteral("name"))
                 .toString()
                 .isEmpty());
    QCOMPARE(
        mlwb({QStringLiteral("run"), QStringLiteral("rename"), id, QStringLiteral("cnn-dev")}).code,
        0);
    const Result byName =
        mlwb({QStringLiteral("run"), QStringLiteral("show"), QStringLiteral("cnn-dev"),
              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(byName.code, 0);
    QCOMPARE(QJsonDocument::fromJson(byName.out.toUtf8())
                 .object()
                 .value(QStringLiteral("id"))
                 .toString(),
             id);
    const Result empty =
        mlwb({QStringLiteral("run"), QStringLiteral("rename"), id, QStringLiteral(" ")});
    QCOMPARE(empty.code, 1);
    QVERIFY2(empty.err.contains(QLatin1String("cannot be empty")), qPrintable(empty.err));
    QCOMPARE(
        mlwb({QStringLiteral("run"), QStringLiteral("tag"), id, QStringLiteral("novalue")}).code,
        1);
}

void TestCliRun::cancelFromTheCommandLine()
{
    writeProjectFile(QStringLiteral("slow.py"),
                     "import time\nprint('start', flush=True)\ntime.sleep(300)\n");
    const QString id = submit(QStringLiteral("slow.py"));
    QVERIFY(!id.isEmpty());
    // Wait until it is running, then cancel and follow the log to its end.
    QTRY_VERIFY_WITH_TIMEOUT(mlwb({QStringLiteral("run"), QStringLiteral("logs"), id})
                                 .out.contains(QLatin1String("start")),
                             30000);
    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("cancel"), id}).code, 0);
    QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("logs"), id, QStringLiteral("--follow")},
                  QString(), 30000)
                 .code,
             0);
    const Result show = mlwb({QStringLiteral("run"), QStringLiteral("show"), id,
                              QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(QJsonDocument::fromJson(show.out.toUtf8())
                 .object()
                 .value(QStringLiteral("status"))
                 .toString(),
             QStringLiteral("Canceled"));
}

// How many processes have `word` on their command line (a run's supervisor has its id).
static int processesNaming(const QString &word)
{
    int count = 0;
    const QStringList pids = QDir(QStringLiteral("/proc")).entryList(QDir::Dirs);
    for (const QString &pid : pids) {
        QFile f(QStringLiteral("/proc/%1/cmdline").arg(pid));
        if (f.open(QIODevice::ReadOnly) && f.readAll().contains(word.toUtf8()))
            ++count;
    }
    return count;
}

static QString runStatus(const QJsonDocument &doc)
{
    return doc.object().value(QStringLiteral("status")).toString();
}

void TestCliRun::raisedLimitStartsQueuedRuns()
{
    const Result one =
        mlwb({QStringLiteral("compute"), QStringLiteral("edit"), QStringLiteral("local"),
              QStringLiteral("--max-concurrent"), QStringLiteral("1"), QStringLiteral("--format"),
              QStringLiteral("json")});
    QCOMPARE(one.code, 0);
    QCOMPARE(QJsonDocument::fromJson(one.out.toUtf8())
                 .object()
                 .value(QStringLiteral("max_concurrent"))
                 .toInt(),
             1);
    writeProjectFile(QStringLiteral("wait.py"), "import time\ntime.sleep(300)\n");
    QStringList ids;
    for (int i = 0; i < 3; ++i)
        ids << submit(QStringLiteral("wait.py"));
    QVERIFY(!ids.contains(QString()));
    const auto status = [&](const QString &id) {
        return runStatus(
            QJsonDocument::fromJson(mlwb({QStringLiteral("run"), QStringLiteral("show"), id,
                                          QStringLiteral("--format"), QStringLiteral("json")})
                                        .out.toUtf8()));
    };
    QTRY_COMPARE_WITH_TIMEOUT(status(ids[0]), QStringLiteral("Running"), 30000);
    QTest::qWait(1000);
    QCOMPARE(status(ids[1]), QStringLiteral("Queued"));
    QCOMPARE(status(ids[2]), QStringLiteral("Queued"));
    // A queued run costs no process until its slot opens.
    QCOMPARE(processesNaming(ids[0]), 1);
    QCOMPARE(processesNaming(ids[1]), 0);
    QCOMPARE(processesNaming(ids[2]), 0);

    QCOMPARE(mlwb({QStringLiteral("compute"), QStringLiteral("edit"), QStringLiteral("local"),
                   QStringLiteral("--max-concurrent"), QStringLiteral("3")})
                 .code,
             0);
    QTRY_COMPARE_WITH_TIMEOUT(status(ids[1]), QStringLiteral("Running"), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(status(ids[2]), QStringLiteral("Running"), 30000);

    const Result bad = mlwb({QStringLiteral("compute"), QStringLiteral("edit"),
                             QStringLiteral("local"), QStringLiteral("--max-concurrent=-2")});
    QCOMPARE(bad.code, 1);
    QVERIFY2(bad.err.contains(QLatin1String("--max-concurrent")), qPrintable(bad.err));
    for (const QString &id : std::as_const(ids))
        QCOMPARE(mlwb({QStringLiteral("run"), QStringLiteral("cancel"), id}).code, 0);
    for (const QString &id : std::as_const(ids))
        QTRY_COMPARE_WITH_TIMEOUT(status(id), QStringLiteral("Canceled"), 30000);
}

// Runs and services each have their own small program; a run's links only
// what a run needs (no network, HTTP or keychain libraries).
void TestCliRun::supervisorLinksNoGuiLibraries()
{
    const QDir dir = QFileInfo(QStringLiteral(MLWB_BINARY)).dir();
    auto neededBy = [&](const QString &name) -> QString {
        const QString program = dir.filePath(name);
        if (!QFileInfo(program).isExecutable())
            return QStringLiteral("missing: ") + program;
        QProcess readelf;
        readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), program});
        readelf.waitForFinished(30000);
        return QString::fromUtf8(readelf.readAllStandardOutput());
    };
    const QString runs = neededBy(QStringLiteral("mlwb-supervisor"));
    const QString services = neededBy(QStringLiteral("mlwb-service-supervisor"));
    for (const QString &needed : {runs, services}) {
        QVERIFY2(needed.contains(QLatin1String("libQt6Core")), qPrintable(needed));
        QVERIFY2(!needed.contains(QLatin1String("libQt6Gui")), qPrintable(needed));
        QVERIFY2(!needed.contains(QLatin1String("libQt6Widgets")), qPrintable(needed));
    }
    QVERIFY2(services.contains(QLatin1String("libQt6Network")), qPrintable(services));
    for (const char *library : {"libQt6Network", "libQt6HttpServer", "libQt6DBus", "keychain"})
        QVERIFY2(!runs.contains(QLatin1String(library)), qPrintable(runs));
    // Archives, hashing and YAML are mlwb-run-helper's, for a moment at a run's start and end.
    const QString helper = neededBy(QStringLiteral("mlwb-run-helper"));
    for (const char *library : {"libarchive", "libcrypto", "libyaml-cpp"}) {
        QVERIFY2(!runs.contains(QLatin1String(library)), qPrintable(runs));
        QVERIFY2(!helper.contains(QLatin1String("libQt6Gui")), qPrintable(helper));
    }
    QVERIFY2(helper.contains(QLatin1String("libarchive")), qPrintable(helper));
}

void TestCliRun::badInput_data()
{
    QTest::addColumn<QStringList>("args");
    QTest::addColumn<int>("code");
    QTest::addColumn<QString>("message");
    QTest::newRow("no script") << QStringList{QStringLiteral("run"), QStringLiteral("submit")} << 1
                               << QStringLiteral("Name a script");
    QTest::newRow("unknown target")
        << QStringList{QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--target"),
                       QStringLiteral("nowhere"), QStringLiteral("x.py")}
        << 1 << QStringLiteral("no compute target named 'nowhere'");
    QTest::newRow("unknown run") << QStringList{QStringLiteral("run"), QStringLiteral("show"),
                                                QStringLiteral("zzz")}
                                 << 1 << QStringLiteral("There is no run 'zzz'");
    QTest::newRow("missing run argument")
        << QStringList{QStringLiteral("run"), QStringLiteral("logs")} << 2
        << QStringLiteral("needs RUN");
    QTest::newRow("supervise is hidden")
        << QStringList{QStringLiteral("run"), QStringLiteral("--help")} << 0 << QString();
}

void TestCliRun::badInput()
{
    QFETCH(QStringList, args);
    QFETCH(int, code);
    QFETCH(QString, message);
    const Result r = mlwb(args);
    QCOMPARE(r.code, code);
    if (code == 0) {
        QVERIFY(r.out.contains(QLatin1String("submit")));
        QVERIFY(!r.out.contains(QLatin1String("supervise")));
        return;
    }
    QVERIFY2(r.err.contains(message), qPrintable(r.err));
    QVERIFY(r.out.isEmpty());
}

// A run from a project with links out of it, ignored files and backslashes
// in names: the submit says what it left out, and the run sees its files
// under their exact names.
void TestCliRun::submitReportsWhatWasLeftOut()
{
    writeProjectFile(QStringLiteral(".gitignore"), "*.log\n");
    writeProjectFile(QStringLiteral("a.log"), "1");
    writeProjectFile(QStringLiteral("b.log"), "2");
    writeProjectFile(QStringLiteral("..\\evil.txt"), "fine");
    writeProjectFile(QStringLiteral("a\\b.txt"), "also fine");
    std::filesystem::create_symlink("/etc/passwd",
                                    QFile::encodeName(m_project).toStdString() + "/passwd");
    writeProjectFile(QStringLiteral("read.py"),
                     "import os\nprint(open('..\\\\evil.txt').read(), open('a\\\\b.txt').read())\n"
                     "print(sorted(n for n in os.listdir('.') if not n.startswith('.')))\n");
    const Result r =
        mlwb({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
              QStringLiteral("--"), QStringLiteral("read.py")});
    QCOMPARE(r.code, 0);
    QVERIFY2(r.out.contains(QLatin1String("fine also fine")), qPrintable(r.out + r.err));
    QVERIFY2(!r.out.contains(QLatin1String("'a'")), qPrintable(r.out));
    QVERIFY2(r.err.contains(QLatin1String("Left out of the snapshot: 1 link")), qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("pointing outside the project (passwd -> /etc/passwd)")),
             qPrintable(r.err));
    QVERIFY2(r.err.contains(QLatin1String("2 file"))
                 && r.err.contains(QLatin1String("ignored by .gitignore")),
             qPrintable(r.err));
    QVERIFY2(!r.out.contains(QLatin1String("Left out")),
             qPrintable(r.out)); // stdout stays the run's

    // Nothing left out, nothing said.
    QVERIFY(QFile::remove(QDir(m_project).filePath(QStringLiteral("passwd"))));
    QVERIFY(QFile::remove(QDir(m_project).filePath(QStringLiteral(".gitignore"))));
    const Result quiet =
        mlwb({QStringLiteral("run"), QStringLiteral("submit"), QStringLiteral("--wait"),
              QStringLiteral("--"), QStringLiteral("read.py")});
    QCOMPARE(quiet.code, 0);
    QVERIFY2(!quiet.err.contains(QLatin1String("Left out")), qPrintable(quiet.err));
}

// One snapshot's zip replaced by another's: `workspace check` names it with
// both digests, and neither a download nor a new run uses it.
void TestCliRun::swappedSnapshotIsRefused()
{
    writeProjectFile(QStringLiteral("t.py"), "print('first')\n");
    const QString first =
        submit(QStringLiteral("t.py"), {QStringLiteral("--wait")}).section(QLatin1Char('\n'), 0, 0);
    writeProjectFile(QStringLiteral("t.py"), "print('second')\n");
    const QString second =
        submit(QStringLiteral("t.py"), {QStringLiteral("--wait")}).section(QLatin1Char('\n'), 0, 0);
    QVERIFY(!first.isEmpty() && !second.isEmpty());
    const Result clean = mlwb({QStringLiteral("workspace"), QStringLiteral("check")});
    QCOMPARE(clean.code, 0);

    const QDir snapshots(m_ws + QStringLiteral("/snapshots"));
    const QStringList zips = snapshots.entryList({QStringLiteral("*.zip")}, QDir::Files);
    QCOMPARE(zips.size(), 2);
    const QString victim = snapshots.filePath(zips.at(0));
    QVERIFY(QFile::remove(victim));
    QVERIFY(QFile::copy(snapshots.filePath(zips.at(1)), victim));

    const Result check = mlwb({QStringLiteral("workspace"), QStringLiteral("check"),
                               QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(check.code, 1);
    const QJsonArray problems = QJsonDocument::fromJson(check.out.toUtf8())
                                    .object()
                                    .value(QStringLiteral("problems"))
                                    .toArray();
    QCOMPARE(problems.size(), 1);
    const QJsonObject problem = problems.first().toObject();
    QCOMPARE(problem.value(QStringLiteral("check")).toString(), QStringLiteral("snapshots"));
    const QString message = problem.value(QStringLiteral("message")).toString();
    QVERIFY2(message.contains(victim)
                 && message.contains(QStringLiteral("expected sha256 ") + zips.at(0).left(64))
                 && message.contains(QStringLiteral("found ") + zips.at(1).left(64)),
             qPrintable(message));

    for (const QString &id : {first, second}) {
        const QString target = m_dir->filePath(QStringLiteral("download-") + id);
        const Result download = mlwb({QStringLiteral("run"), QStringLiteral("download"), id, target,
                                      QStringLiteral("--snapshot")});
        const bool isVictim = download.code != 0;
        if (isVictim) {
            QVERIFY2(download.err.contains(QLatin1String("does not match its name")),
                     qPrintable(download.err));
            QVERIFY(QDir(target).isEmpty());
        }
        QCOMPARE(isVictim, download.err.contains(zips.at(0)));
    }
    QVERIFY(QFile::remove(victim));
    const Result missing = mlwb({QStringLiteral("workspace"), QStringLiteral("check")});
    QCOMPARE(missing.code, 1);
    QVERIFY2(missing.out.contains(QLatin1String("is missing")), qPrintable(missing.out));
}

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
