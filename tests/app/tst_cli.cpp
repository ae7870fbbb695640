// The command line, end to end: runs the real `mlwb` binary without a display.
#include "mlwbprocess.h"

#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QProcess>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

#include <memory>

// "experiment list" -> {"experiment", "list"}: keeps argument lists readable.
QStringList words(const char *text)
{
    return QString::fromUtf8(text).split(QLatin1Char(' '), Qt::SkipEmptyParts);
}

class TestCli : public QObject
{
    Q_OBJECT

private slots:
    void init();
    void cleanup();

    void help_data();
    void help();
    void version();
    void usageErrors_data();
    void usageErrors();

    void workspaceCreate();
    void workspaceShowJson();
    void workspaceList();
    void workspaceCheck();
    void workspaceCheckFindsProblems();
    void workspaceCheckFindsDamagedPoints();
    void copiedWorkspace();
    void defaultWorkspace();

    void experimentLifecycle();
    void experimentJson();
    void tableOutput();
    void computeAndDatastores();
    void emptyLists_data();
    void emptyLists();

    void runtimeErrors_data();
    void runtimeErrors();
    void runListIsNewestFirstAcrossExperiments();

private:
    using Result = mlwb::testing::MlwbResult;
    Result run(const QStringList &arguments, const QString &workspaceEnv = {});
    QJsonValue runJson(const QStringList &arguments);
    QString path(const QString &name) const { return m_dir->filePath(name); }
    QString createWorkspace(const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
};

TestCli::Result TestCli::run(const QStringList &arguments, const QString &workspaceEnv)
{
    // No display of any kind: the CLI must not need one.
    return mlwb::testing::runMlwb(
        arguments, mlwb::testing::cliEnvironment(m_dir->path(), workspaceEnv), m_dir->path());
}

QJsonValue TestCli::runJson(const QStringList &arguments)
{
    const Result result = run(arguments + words("--format json"));
    if (result.code != 0)
        qWarning() << arguments << result.code << result.err;
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(result.out.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        qWarning() << "not JSON:" << result.out;
    if (!result.out.endsWith(QLatin1Char('\n')))
        qWarning() << "no trailing newline";
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

QString TestCli::createWorkspace(const QString &name)
{
    const Result result = run({QStringLiteral("workspace"), QStringLiteral("create"), path(name)});
    if (result.code != 0)
        qWarning() << "could not create a workspace:" << result.err;
    return path(name);
}

void TestCli::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
}

void TestCli::cleanup()
{
    m_dir.reset();
}

void TestCli::help_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QStringList>("expected");
    QTest::newRow("top") << words("--help") << words("Usage: experiment workspace --format");
    QTest::newRow("short") << words("-h") << words("Commands:");
    QTest::newRow("noun") << words("experiment --help") << words("<verb> create delete list");
    QTest::newRow("verb") << words("experiment create --help")
                          << words("NAME --description --workspace Arguments: Options:");
    QTest::newRow("help first") << words("--help workspace check") << words("check --format");
    QTest::newRow("workspace") << words("workspace --help") << words("show list check create");
}

void TestCli::help()
{
    QFETCH(QStringList, arguments);
    QFETCH(QStringList, expected);
    const Result result = run(arguments);
    QCOMPARE(result.code, 0);
    QVERIFY(result.err.isEmpty());
    for (const QString &text : expected)
        QVERIFY2(result.out.contains(text), qPrintable(text + QLatin1Char('\n') + result.out));
}

void TestCli::version()
{
    const Result result = run({QStringLiteral("--version")});
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out, QStringLiteral("mlwb " MLWB_VERSION "\n"));
}

void TestCli::usageErrors_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    QTest::newRow("unknown noun") << words("experimnt list")
                                  << QStringLiteral("did you mean 'experiment'?");
    QTest::newRow("unknown verb") << words("experiment lst")
                                  << QStringLiteral("did you mean 'list'?");
    QTest::newRow("far verb") << words("experiment xyzzy")
                              << QStringLiteral("unknown verb 'xyzzy'");
    QTest::newRow("unknown option") << words("experiment create x --descripton d")
                                    << QStringLiteral("did you mean '--description'?");
    QTest::newRow("bad format") << words("experiment list --format xml")
                                << QStringLiteral("unknown format 'xml'");
    QTest::newRow("missing verb") << words("experiment") << QStringLiteral("needs a verb");
    QTest::newRow("missing argument") << words("experiment create") << QStringLiteral("needs NAME");
    QTest::newRow("extra argument")
        << words("experiment list x") << QStringLiteral("unexpected argument 'x'");
    QTest::newRow("missing value")
        << words("experiment list --workspace") << QStringLiteral("needs a value");
}

void TestCli::usageErrors()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const Result result = run(arguments);
    QCOMPARE(result.code, 2);
    QVERIFY(result.out.isEmpty());
    QVERIFY2(result.err.contains(message), qPrintable(result.err));
    QVERIFY(result.err.contains(QLatin1String("--help")));
}

void TestCli::workspaceCreate()
{
    const QString ws = path(QStringLiteral("ws"));
    const Result result = run(words("workspace create") << ws);
    QCOMPARE(result.code, 0);
    QCOMPARE(result.out, QDir::toNativeSeparators(ws) + QLatin1Char('\n'));
    QVERIFY(QFile::exists(ws + QStringLiteral("/workspace.db")));
    QVERIFY(QFile::exists(ws + QStringLiteral("/projects/sample/train.py")));

    const Result again = run(words("workspace create") << ws);
    QCOMPARE(again.code, 1);
    QVERIFY(again.out.isEmpty());
    QVERIFY2(again.err.contains(QLatin1String("already holds a workspace")), qPrintable(again.err));
}

void TestCli::workspaceShowJson()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const QJsonObject info = runJson(words("workspace show --workspace") << ws).toObject();
    QCOMPARE(info.value(QLatin1String("path")).toString(), ws);
    QCOMPARE(info.value(QLatin1String("name")).toString(), QStringLiteral("ws"));
    QVERIFY(info.value(QLatin1String("schema_version")).toInt() >= 1);
    const QString created = info.value(QLatin1String("created_at")).toString();
    QVERIFY2(created.endsWith(QLatin1Char('Z')), qPrintable(created));
    QVERIFY(QDateTime::fromString(created, Qt::ISODateWithMs).isValid());
    const QJsonObject counts = info.value(QLatin1String("counts")).toObject();
    QCOMPARE(counts.value(QLatin1String("compute_targets")).toInt(), 1);
    QCOMPARE(counts.value(QLatin1String("datastores")).toInt(), 1);
    QCOMPARE(counts.value(QLatin1String("experiments")).toInt(), 0);
    for (const char *key : {"runs", "models", "environments", "images", "deployments", "pipelines"})
        QVERIFY2(counts.value(QLatin1String(key)).isDouble(), key);
}

void TestCli::workspaceList()
{
    const QString one = createWorkspace(QStringLiteral("one"));
    const QString two = createWorkspace(QStringLiteral("two"));
    QVERIFY(QDir(two).removeRecursively());
    const QJsonArray list = runJson(words("workspace list --workspace") << one).toArray();
    QCOMPARE(list.size(), 2);
    const QJsonObject first = list.at(0).toObject(); // most recently used first
    QCOMPARE(first.value(QLatin1String("path")).toString(), two);
    QCOMPARE(first.value(QLatin1String("exists")).toBool(), false);
    QCOMPARE(first.value(QLatin1String("current")).toBool(), false);
    const QJsonObject second = list.at(1).toObject();
    QCOMPARE(second.value(QLatin1String("path")).toString(), one);
    QCOMPARE(second.value(QLatin1String("exists")).toBool(), true);
    QCOMPARE(second.value(QLatin1String("current")).toBool(), true);
}

void TestCli::workspaceCheck()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const Result table = run(words("workspace check --workspace") << ws);
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.contains(QLatin1String("no problems")));
    const QJsonObject report = runJson(words("workspace check --workspace") << ws).toObject();
    QCOMPARE(report.value(QLatin1String("ok")).toBool(), true);
    QCOMPARE(report.value(QLatin1String("problems")).toArray().size(), 0);
}

void TestCli::workspaceCheckFindsProblems()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    {
        // A step of a pipeline that does not exist, written behind the app's back.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("orphan"));
        db.setDatabaseName(ws + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(QStringLiteral("INSERT INTO pipeline_steps(pipeline_id, position, "
                                          "name, script) VALUES (999, 0, 's', 'x.py')")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("orphan"));
    const Result result =
        run({QStringLiteral("workspace"), QStringLiteral("check"), QStringLiteral("--workspace"),
             ws, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(result.code, 1);
    QVERIFY(result.err.contains(QLatin1String("1 problem")));
    const QJsonObject report = QJsonDocument::fromJson(result.out.toUtf8()).object();
    QCOMPARE(report.value(QLatin1String("ok")).toBool(), false);
    const QJsonArray problems = report.value(QLatin1String("problems")).toArray();
    QCOMPARE(problems.size(), 1);
    const QJsonObject problem = problems.at(0).toObject();
    QCOMPARE(problem.value(QLatin1String("check")).toString(), QStringLiteral("foreign_key_check"));
    QVERIFY(problem.value(QLatin1String("message")).toString().contains(QLatin1String("pipeline")));
}

void TestCli::workspaceCheckFindsDamagedPoints()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    {
        // A series claiming 3 points whose only block is cut short.
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("blocks"));
        db.setDatabaseName(ws + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        for (const char *sql :
             {"INSERT INTO experiments(id, name, created_at) VALUES (1, 'e', 1)",
              "INSERT INTO runs(id, uid, experiment_id, status, created_at) VALUES (1, 'r', 1, "
              "'Completed', 1)",
              "INSERT INTO metric_series(id, run_id, name, kind, count) VALUES (1, 1, 'loss', "
              "'scalar', 3)",
              "INSERT INTO metric_blocks VALUES (1, 0, 2, zeroblob(16), zeroblob(16), "
              "zeroblob(8))"})
            QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("blocks"));
    const Result result =
        run({QStringLiteral("workspace"), QStringLiteral("check"), QStringLiteral("--workspace"),
             ws, QStringLiteral("--format"), QStringLiteral("json")});
    QCOMPARE(result.code, 1);
    const QJsonArray problems = QJsonDocument::fromJson(result.out.toUtf8())
                                    .object()
                                    .value(QLatin1String("problems"))
                                    .toArray();
    QCOMPARE(problems.size(), 2); // the damaged block, and the count that disagrees
    for (const QJsonValue &p : problems)
        QCOMPARE(p.toObject().value(QLatin1String("check")).toString(),
                 QStringLiteral("metric_points"));
    // Reading it says what is wrong instead of returning garbage.
    const Result metrics = run({QStringLiteral("run"), QStringLiteral("metrics"),
                                QStringLiteral("r"), QStringLiteral("--workspace"), ws});
    QCOMPARE(metrics.code, 1);
    QVERIFY2(metrics.err.contains(QLatin1String("damaged")), qPrintable(metrics.err));
}

void TestCli::copiedWorkspace()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    QCOMPARE(run(words("experiment create mnist --workspace") << ws).code, 0);
    const QString copy = path(QStringLiteral("copy"));
    QDirIterator it(ws, QDir::Files | QDir::Hidden, QDirIterator::Subdirectories);
    while (it.hasNext()) {
        const QString file = it.next();
        const QString target = copy + file.mid(ws.size());
        QVERIFY(QDir().mkpath(QFileInfo(target).absolutePath()));
        QVERIFY(QFile::copy(file, target));
    }
    const QJsonObject info = runJson(words("workspace show --workspace") << copy).toObject();
    QCOMPARE(info.value(QLatin1String("path")).toString(), copy);
    QCOMPARE(info.value(QLatin1String("counts")).toObject().value(QLatin1String("experiments")),
             QJsonValue(1));
    QCOMPARE(run(words("workspace check --workspace") << copy).code, 0);
    const QJsonArray experiments = runJson(words("experiment list --workspace") << copy).toArray();
    QCOMPARE(experiments.size(), 1);
    QCOMPARE(experiments.at(0).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("mnist"));
}

void TestCli::defaultWorkspace()
{
    // Neither --workspace nor MLWB_WORKSPACE: the default one, made on first use.
    const Result result = run({QStringLiteral("workspace"), QStringLiteral("show")});
    QCOMPARE(result.code, 0);
    const QString expected = path(QStringLiteral("data/mlwb/workspace"));
    QVERIFY2(result.out.contains(QStringLiteral("path: ") + expected), qPrintable(result.out));
    QVERIFY(QFile::exists(expected + QStringLiteral("/projects/sample/train.py")));

    const QString ws = createWorkspace(QStringLiteral("ws"));
    const Result fromEnv = run({QStringLiteral("workspace"), QStringLiteral("show")}, ws);
    QVERIFY2(fromEnv.out.contains(QStringLiteral("path: ") + ws), qPrintable(fromEnv.out));
}

void TestCli::experimentLifecycle()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const QStringList at{QStringLiteral("--workspace"), ws};
    Result result = run(words("experiment create mnist --description digits") + at);
    QCOMPARE(result.code, 0);
    QVERIFY(result.out.contains(QLatin1String("name: mnist")));
    // Options may come before the noun and verb.
    QCOMPARE(run(at + words("--description=cifar experiment create cifar")).code, 0);
    QCOMPARE(runJson(words("experiment list") + at).toArray().size(), 2);
    result = run(words("experiment delete mnist") + at);
    QCOMPARE(result.code, 0);
    QVERIFY(result.out.contains(QLatin1String("mnist")));
    const QJsonArray left = runJson(words("experiment list") + at).toArray();
    QCOMPARE(left.size(), 1);
    QCOMPARE(left.at(0).toObject().value(QLatin1String("name")).toString(),
             QStringLiteral("cifar"));
    QCOMPARE(left.at(0).toObject().value(QLatin1String("description")).toString(),
             QStringLiteral("cifar"));
}

void TestCli::experimentJson()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const QJsonObject created =
        runJson(words("experiment create mnist --workspace") << ws).toObject();
    QVERIFY(created.value(QLatin1String("id")).isDouble());
    QCOMPARE(created.value(QLatin1String("name")).toString(), QStringLiteral("mnist"));
    QVERIFY(created.value(QLatin1String("description")).isNull());
    QCOMPARE(created.value(QLatin1String("run_count")).toInt(), 0);
    QVERIFY(created.value(QLatin1String("created_at")).toString().endsWith(QLatin1Char('Z')));

    const QJsonArray list = runJson(words("experiment list --workspace") << ws).toArray();
    QCOMPARE(list.size(), 1);
    QCOMPARE(list.at(0).toObject(), created);

    // Pretty-printed with a two-space indent.
    const Result raw = run(words("experiment list --format=json --workspace") << ws);
    QVERIFY(raw.out.startsWith(QLatin1String("[\n  {\n    \"created_at\": ")));
    QVERIFY(raw.out.endsWith(QLatin1String("  }\n]\n")));
}

void TestCli::tableOutput()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const QStringList at{QStringLiteral("--workspace"), ws};
    run(words("experiment create a --description first") + at);
    run(words("experiment create longer-name") + at);
    const Result result = run(words("experiment list") + at);
    QCOMPARE(result.code, 0);
    const QStringList lines = result.out.split(QLatin1Char('\n'), Qt::SkipEmptyParts);
    QCOMPARE(lines.size(), 3);
    QVERIFY2(lines.at(0).startsWith(QLatin1String("NAME")), qPrintable(lines.at(0)));
    // Columns line up: RUNS starts where each row's run count does.
    const qsizetype runs = lines.at(0).indexOf(QLatin1String("RUNS"));
    QVERIFY(runs > 0);
    QCOMPARE(lines.at(1).mid(runs, 1), QStringLiteral("0"));
    QCOMPARE(lines.at(2).mid(runs, 1), QStringLiteral("0"));
    QVERIFY(lines.at(1).startsWith(QLatin1String("a ")));
    QVERIFY(lines.at(1).endsWith(QLatin1String("first")));
}

void TestCli::computeAndDatastores()
{
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const QStringList at{QStringLiteral("--workspace"), ws};
    const QJsonArray targets = runJson(words("compute list") + at).toArray();
    QCOMPARE(targets.size(), 1);
    const QJsonObject local = targets.at(0).toObject();
    QCOMPARE(local.value(QLatin1String("name")).toString(), QStringLiteral("local"));
    QCOMPARE(local.value(QLatin1String("kind")).toString(), QStringLiteral("local"));
    QVERIFY(local.value(QLatin1String("host")).isNull());
    QCOMPARE(local.value(QLatin1String("active_runs")).toInt(), 0);
    const QJsonObject shown = runJson(words("compute show local") + at).toObject();
    QCOMPARE(shown.value(QLatin1String("id")), local.value(QLatin1String("id")));
    QCOMPARE(run(words("compute show gpu") + at).code, 1);

    QVERIFY(QDir().mkpath(path(QStringLiteral("data-folder"))));
    const QJsonObject added =
        runJson(QStringList{QStringLiteral("datastore"), QStringLiteral("add"),
                            QStringLiteral("raw"), path(QStringLiteral("data-folder"))}
                + at)
            .toObject();
    QCOMPARE(added.value(QLatin1String("name")).toString(), QStringLiteral("raw"));
    QCOMPARE(added.value(QLatin1String("is_default")).toBool(), false);
    QCOMPARE(runJson(words("datastore list") + at).toArray().size(), 2);
    QCOMPARE(run(words("datastore remove raw") + at).code, 0);
    const Result refused = run(words("datastore remove default") + at);
    QCOMPARE(refused.code, 1);
    QVERIFY(refused.out.isEmpty());
}

void TestCli::emptyLists_data()
{
    QTest::addColumn<QString>("noun");
    for (const char *noun : {"model", "environment", "image", "deployment", "pipeline"})
        QTest::newRow(noun) << QString::fromLatin1(noun);
}

void TestCli::emptyLists()
{
    QFETCH(QString, noun);
    const QString ws = createWorkspace(QStringLiteral("ws"));
    const QStringList arguments = QStringList{noun} + words("list --workspace") << ws;
    const Result json = run(arguments + words("--format json"));
    QCOMPARE(json.code, 0);
    QCOMPARE(json.out, QStringLiteral("[]\n"));
    const Result table = run(arguments);
    QCOMPARE(table.code, 0);
    QVERIFY(table.out.startsWith(QLatin1String("NAME")));
}

void TestCli::runtimeErrors_data()
{
    QTest::addColumn<QString>("setup");
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("message");
    const QStringList list{QStringLiteral("experiment"), QStringLiteral("list")};
    QTest::newRow("not a workspace") << QStringLiteral("empty folder") << list
                                     << QStringLiteral("not an ML Workbench workspace");
    QTest::newRow("no folder") << QStringLiteral("nothing") << list
                               << QStringLiteral("folder does not exist");
    // Garbage is not called damaged: only SQLite's integrity check may say that.
    QTest::newRow("not a database")
        << QStringLiteral("garbage") << list << QStringLiteral("not an SQLite database");
    QTest::newRow("not a database, check") << QStringLiteral("garbage") << words("workspace check")
                                           << QStringLiteral("not an SQLite database");
    QTest::newRow("newer schema") << QStringLiteral("newer") << list
                                  << QStringLiteral("newer ML Workbench");
    QTest::newRow("duplicate experiment")
        << QStringLiteral("experiment") << words("experiment create mnist")
        << QStringLiteral("already exists");
    QTest::newRow("missing experiment")
        << QStringLiteral("workspace") << words("experiment delete mnist")
        << QStringLiteral("no experiment named 'mnist'");
    QTest::newRow("invalid name") << QStringLiteral("workspace") << words("experiment create a/b")
                                  << QStringLiteral("not a valid experiment name");
}

void TestCli::runtimeErrors()
{
    QFETCH(QString, setup);
    QFETCH(QStringList, arguments);
    QFETCH(QString, message);
    const QString ws = path(QStringLiteral("ws"));
    QByteArray garbage;
    if (setup == QLatin1String("empty folder")) {
        QVERIFY(QDir().mkpath(ws));
    } else if (setup == QLatin1String("garbage")) {
        QVERIFY(QDir().mkpath(ws));
        QFile file(ws + QStringLiteral("/workspace.db"));
        QVERIFY(file.open(QIODevice::WriteOnly));
        for (int i = 0; i < 4096; ++i)
            garbage.append(char((i * 7919 + 13) % 251));
        file.write(garbage);
    } else if (setup != QLatin1String("nothing")) {
        createWorkspace(QStringLiteral("ws"));
    }
    if (setup == QLatin1String("newer")) {
        {
            QSqlDatabase db =
                QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
            db.setDatabaseName(ws + QStringLiteral("/workspace.db"));
            QVERIFY(db.open());
            QVERIFY(QSqlQuery(db).exec(QStringLiteral("PRAGMA user_version = 99")));
            db.close();
        }
        QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    } else if (setup == QLatin1String("experiment")) {
        QCOMPARE(run(words("experiment create mnist --workspace") << ws).code, 0);
    }
    for (const QString &format : {QStringLiteral("table"), QStringLiteral("json")}) {
        const Result result = run(
            arguments
            + QStringList{QStringLiteral("--workspace"), ws, QStringLiteral("--format"), format});
        QCOMPARE(result.code, 1);
        QVERIFY2(result.out.isEmpty(), qPrintable(result.out));
        QVERIFY2(result.err.startsWith(QLatin1String("mlwb: ")), qPrintable(result.err));
        QVERIFY2(result.err.contains(message), qPrintable(result.err));
    }
    if (!garbage.isEmpty()) {
        QFile file(ws + QStringLiteral("/workspace.db"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        QCOMPARE(file.readAll(), garbage); // a damaged database is left untouched
    }
}

QTEST_GUILESS_MAIN(TestCli)
void TestCli::runListIsNewestFirstAcrossExperiments()
{
    const QString ws = createWorkspace(QStringLiteral("order"));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("order"));
        db.setDatabaseName(ws + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QSqlQuery query(db);
        // Experiments list by name (a, b); runs were made b, a, b.
        for (const char *sql :
             {"INSERT INTO experiments(id, name, created_at) VALUES (1, 'a', 1), (2, 'b', 1)",
              "INSERT INTO runs(id, uid, experiment_id, status, created_at) VALUES "
              "(1, 'oldest', 2, 'Completed', 1000), (2, 'middle', 1, 'Completed', 2000), "
              "(3, 'newest', 2, 'Completed', 3000)"})
            QVERIFY2(query.exec(QString::fromLatin1(sql)), sql);
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("order"));
    const QJsonArray runs =
        runJson({QStringLiteral("run"), QStringLiteral("list"), QStringLiteral("--workspace"), ws})
            .toArray();
    QStringList ids;
    for (const QJsonValue &r : runs)
        ids << r.toObject().value(QLatin1String("id")).toString();
    QCOMPARE(ids, (QStringList{QStringLiteral("newest"), QStringLiteral("middle"),
                               QStringLiteral("oldest")}));
}

#include "tst_cli.moc"
