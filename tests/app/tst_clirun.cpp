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
    const Result one = mlwb({QStringLiteral("compute"), QStringLiteral("edit"),
                             QStringLiteral("local"), QStringLiteral("--max-concurrent"),
                             QStringLiteral("1"), QStringLiteral("--format"),
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
        return runStatus(QJsonDocument::fromJson(
            mlwb({QStringLiteral("run"), QStringLiteral("show"), id, QStringLiteral("--format"),
                  QStringLiteral("json")})
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

void TestCliRun::supervisorLinksNoGuiLibraries()
{
    const QString supervisor =
        QFileInfo(QStringLiteral(MLWB_BINARY)).dir().filePath(QStringLiteral("mlwb-supervisor"));
    QVERIFY2(QFileInfo(supervisor).isExecutable(), qPrintable(supervisor));
    QProcess readelf;
    readelf.start(QStringLiteral("readelf"), {QStringLiteral("-d"), supervisor});
    QVERIFY(readelf.waitForFinished(30000));
    const QString needed = QString::fromUtf8(readelf.readAllStandardOutput());
    QVERIFY2(needed.contains(QLatin1String("libQt6Core")), qPrintable(needed));
    QVERIFY2(!needed.contains(QLatin1String("libQt6Gui")), qPrintable(needed));
    QVERIFY2(!needed.contains(QLatin1String("libQt6Widgets")), qPrintable(needed));
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

QTEST_GUILESS_MAIN(TestCliRun)
#include "tst_clirun.moc"
