// Creating and opening workspaces: the folder layout, schema migrations, and
// every way a folder can fail to be a workspace we can open.
#include "metrics/metrics.h"
#include "store/computetargets.h"
#include "store/datastores.h"
#include "store/defaultworkspace.h"
#include "store/experiments.h"
#include "store/schema.h"
#include "store/sqlerror.h"
#include "store/workspace.h"

#include <QDir>
#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>
#include <cmath>

using namespace mlwb;

class TestWorkspace : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void createMakesFoldersAndDefaults();
    void createRefusesNonEmptyFolder();
    void createRefusesExistingWorkspace();
    void openRefusesBadFolders_data();
    void openRefusesBadFolders();
    void openLeavesForeignDatabaseUntouched();
    void copiedWorkspaceOpensElsewhere();
    void migrationUpgradesOlderWorkspaceInPlace();
    void migrationIsIdempotentAcrossConnections();
    void migrationPacksPointsIntoBlocks();
    void walAndForeignKeysAreOn();
    void defaultWorkspaceHasSampleProject();
    void pythonHelperIsWrittenOnce();
    void errorsKeepSqliteTextOnly();

private:
    QString path(const QString &name) const { return m_dir->filePath(name); }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestWorkspace::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("XDG_DATA_HOME", path(QStringLiteral("data")).toUtf8());
}

void TestWorkspace::cleanup()
{
    m_dir.reset();
}

void TestWorkspace::createMakesFoldersAndDefaults()
{
    QString error;
    auto ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    for (const char *folder : {"runs", "snapshots", "models", "images", "datastores/default"})
        QVERIFY2(QDir(path(QStringLiteral("ws/") + QLatin1String(folder))).exists(), folder);
    QCOMPARE(ws->schemaVersion(), schema::latestVersion());
    QCOMPARE(ws->name(), QStringLiteral("ws"));

    const auto targets = ComputeTargets(*ws).list(&error);
    QCOMPARE(targets.size(), 1);
    QCOMPARE(targets.first().name, QStringLiteral("local"));
    QCOMPARE(targets.first().kind, ComputeTarget::Kind::Local);
    const auto stores = Datastores(*ws).list(&error);
    QCOMPARE(stores.size(), 1);
    QVERIFY(stores.first().isDefault);
    QCOMPARE(Datastores(*ws).absolutePath(stores.first()),
             path(QStringLiteral("ws/datastores/default")));
}

void TestWorkspace::createRefusesNonEmptyFolder()
{
    QDir().mkpath(path(QStringLiteral("busy")));
    QFile file(path(QStringLiteral("busy/notes.txt")));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("mine");
    file.close();
    QString error;
    QVERIFY(!Workspace::create(path(QStringLiteral("busy")), &error));
    QVERIFY2(error.contains(QLatin1String("not empty")), qPrintable(error));
    QVERIFY(file.exists()); // nothing the user had is touched
}

void TestWorkspace::createRefusesExistingWorkspace()
{
    QString error;
    QVERIFY(Workspace::create(path(QStringLiteral("ws")), &error));
    QVERIFY(!Workspace::create(path(QStringLiteral("ws")), &error));
    QVERIFY2(error.contains(QLatin1String("already holds a workspace")), qPrintable(error));
}

void TestWorkspace::openRefusesBadFolders_data()
{
    QTest::addColumn<QByteArray>("content"); // workspace.db bytes; "-" = no file, "dir-missing"
    QTest::addColumn<QString>("expected");
    QTest::newRow("missing folder")
        << QByteArray("dir-missing") << QStringLiteral("does not exist");
    QTest::newRow("folder without database")
        << QByteArray("-") << QStringLiteral("not an ML Workbench workspace");
    QTest::newRow("garbage bytes")
        << QByteArray(4096, 'x') << QStringLiteral("is not an SQLite database");
    QTest::newRow("truncated sqlite header")
        << QByteArray("SQLite format 3\0\x10\0", 19) << QStringLiteral("is not an SQLite database");
}

void TestWorkspace::openRefusesBadFolders()
{
    QFETCH(QByteArray, content);
    QFETCH(QString, expected);
    const QString dir = path(QStringLiteral("bad"));
    if (content != "dir-missing")
        QDir().mkpath(dir);
    if (content != "-" && content != "dir-missing") {
        QFile db(dir + QStringLiteral("/workspace.db"));
        QVERIFY(db.open(QIODevice::WriteOnly));
        db.write(content);
    }
    QString error;
    QVERIFY(!Workspace::open(dir, &error));
    QVERIFY2(error.contains(expected), qPrintable(error));
    if (content != "-" && content != "dir-missing") {
        QFile db(dir + QStringLiteral("/workspace.db"));
        QVERIFY(db.open(QIODevice::ReadOnly));
        QCOMPARE(db.readAll(), content); // never overwritten
    }
}

void TestWorkspace::openLeavesForeignDatabaseUntouched()
{
    const QString dir = path(QStringLiteral("foreign"));
    QDir().mkpath(dir);
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("foreign"));
        db.setDatabaseName(dir + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("CREATE TABLE notes(text TEXT)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("foreign"));
    QString error;
    QVERIFY(!Workspace::open(dir, &error));
    QVERIFY2(error.contains(QLatin1String("not an ML Workbench")), qPrintable(error));

    // A workspace from a newer version: refused, with both versions named.
    QVERIFY(Workspace::create(path(QStringLiteral("newer")), &error));
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("newer"));
        db.setDatabaseName(path(QStringLiteral("newer/workspace.db")));
        QVERIFY(db.open());
        QSqlQuery q(db);
        QVERIFY(q.exec(QStringLiteral("PRAGMA user_version = 99")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("newer"));
    QVERIFY(!Workspace::open(path(QStringLiteral("newer")), &error));
    QVERIFY2(error.contains(QLatin1String("newer ML Workbench"))
                 && error.contains(QLatin1String("99")),
             qPrintable(error));
}

void TestWorkspace::copiedWorkspaceOpensElsewhere()
{
    QString error;
    {
        auto ws = Workspace::create(path(QStringLiteral("original")), &error);
        QVERIFY2(ws, qPrintable(error));
        Experiment e;
        e.name = QStringLiteral("mnist");
        QVERIFY2(Experiments(*ws).create(&e, &error), qPrintable(error));
    }
    // Copy only the database (as a backup would, after a checkpoint on close).
    QDir().mkpath(path(QStringLiteral("copy")));
    QVERIFY(QFile::copy(path(QStringLiteral("original/workspace.db")),
                        path(QStringLiteral("copy/workspace.db"))));
    auto copy = Workspace::open(path(QStringLiteral("copy")), &error);
    QVERIFY2(copy, qPrintable(error));
    QVERIFY(Experiments(*copy).find(QStringLiteral("mnist"), &error));
    QVERIFY(QDir(path(QStringLiteral("copy/runs"))).exists()); // missing folders are remade
}

void TestWorkspace::migrationUpgradesOlderWorkspaceInPlace()
{
    // Build a version-1 workspace by applying only the first migration.
    const QString dir = path(QStringLiteral("old"));
    QDir().mkpath(dir);
    QString error;
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("old"));
        db.setDatabaseName(dir + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QVERIFY2(schema::migrate(db, &error, 1), qPrintable(error));
        QCOMPARE(schema::currentVersion(db, &error), 1);
        QSqlQuery q(db);
        QVERIFY(
            q.exec(QStringLiteral("INSERT INTO experiments(name, created_at) VALUES ('kept', 1)")));
        QVERIFY(!q.exec(QStringLiteral("SELECT * FROM revisions"))); // not there yet
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("old"));

    auto ws = Workspace::open(dir, &error);
    QVERIFY2(ws, qPrintable(error));
    QCOMPARE(ws->schemaVersion(), schema::latestVersion());
    QVERIFY(Experiments(*ws).find(QStringLiteral("kept"), &error)); // data survives
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM revisions")));
    QVERIFY(q.next());
    QCOMPARE(q.value(0).toInt(), schema::topics().size());
}

void TestWorkspace::migrationPacksPointsIntoBlocks()
{
    // A version-2 workspace stored a row per point; version 3 packs them.
    const QString dir = path(QStringLiteral("rows"));
    QDir().mkpath(dir);
    QString error;
    const int count = 2500; // more than two blocks
    {
        QSqlDatabase db =
            QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), QStringLiteral("rows"));
        db.setDatabaseName(dir + QStringLiteral("/workspace.db"));
        QVERIFY(db.open());
        QVERIFY2(schema::migrate(db, &error, 2), qPrintable(error));
        QSqlQuery q(db);
        QVERIFY(q.exec(
            QStringLiteral("INSERT INTO experiments(id, name, created_at) VALUES (1, 'e', 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO runs(id, uid, experiment_id, status, "
                                      "created_at) VALUES (1, 'r', 1, 'Completed', 1)")));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO metric_series(id, run_id, name, kind, count) "
                                      "VALUES (1, 1, 'loss', 'scalar', %1), "
                                      "(2, 1, 'acc', 'scalar', 1)")
                           .arg(count)));
        QVERIFY(q.exec(
            QStringLiteral(
                "WITH RECURSIVE c(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM c WHERE i < %1 - 1) "
                "INSERT INTO metric_points SELECT 1, i, i * 10, 1000.0 + i, "
                "CASE WHEN i = 7 THEN NULL ELSE i * 0.5 END FROM c")
                .arg(count)));
        QVERIFY(q.exec(QStringLiteral("INSERT INTO metric_points VALUES (2, 0, 3, 5.0, 0.9)")));
        db.close();
    }
    QSqlDatabase::removeDatabase(QStringLiteral("rows"));

    auto ws = Workspace::open(dir, &error);
    QVERIFY2(ws, qPrintable(error));
    QCOMPARE(ws->schemaVersion(), schema::latestVersion());
    QVector<MetricPoint> points;
    QVERIFY2(Metrics(*ws).points(1, 0, -1, &points, &error), qPrintable(error));
    QCOMPARE(points.size(), count);
    for (int i = 0; i < count; ++i) {
        QCOMPARE(points[i].step, qint64(i) * 10);
        QCOMPARE(points[i].time, 1000.0 + i);
        if (i == 7)
            QVERIFY(std::isnan(points[i].value)); // NULL was NaN
        else
            QCOMPARE(points[i].value, i * 0.5);
    }
    points.clear();
    QVERIFY(Metrics(*ws).points(1, 1020, 1030, &points, &error)); // across a block border
    QCOMPARE(points.size(), 10);
    QCOMPARE(points.first().step, qint64(10200));
    points.clear();
    QVERIFY(Metrics(*ws).points(2, 0, -1, &points, &error));
    QCOMPARE(points.size(), 1);
    QCOMPARE(points.first().value, 0.9);
    QSqlQuery q(ws->database());
    QVERIFY(!q.exec(QStringLiteral("SELECT 1 FROM metric_points"))); // gone
}

void TestWorkspace::migrationIsIdempotentAcrossConnections()
{
    QString error;
    auto a = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY(a);
    // A second migrate (as a second process opening it would run) is a no-op.
    QVERIFY2(schema::migrate(a->database(), &error), qPrintable(error));
    auto b = Workspace::open(path(QStringLiteral("ws")), &error);
    QVERIFY2(b, qPrintable(error));
    QCOMPARE(b->schemaVersion(), schema::latestVersion());
}

void TestWorkspace::walAndForeignKeysAreOn()
{
    QString error;
    auto ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    QSqlQuery q(ws->database());
    QVERIFY(q.exec(QStringLiteral("PRAGMA journal_mode")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("wal"));
    QVERIFY(q.exec(QStringLiteral("PRAGMA foreign_keys")) && q.next());
    QCOMPARE(q.value(0).toInt(), 1);
    // Foreign keys are enforced: a run needs a real experiment.
    QVERIFY(!q.exec(QStringLiteral("INSERT INTO runs(uid, experiment_id, status, created_at) "
                                   "VALUES ('x', 12345, 'Queued', 0)")));
}

void TestWorkspace::defaultWorkspaceHasSampleProject()
{
    const QString where = defaults::defaultWorkspacePath();
    QVERIFY(where.startsWith(path(QStringLiteral("data"))));
    QString error;
    auto ws = defaults::openOrCreate(where, &error);
    QVERIFY2(ws, qPrintable(error));
    const QString sample = ws->folder(Workspace::Folder::Projects) + QStringLiteral("/sample");
    QVERIFY(QFile::exists(sample + QStringLiteral("/train.py")));
    QVERIFY(QFile::exists(sample + QStringLiteral("/mlwb.yaml")));
    QVERIFY(QFile::exists(sample + QStringLiteral("/.amlignore")));
    QVERIFY(QFileInfo(sample + QStringLiteral("/train.py")).isWritable());
    ws.reset();
    // The second start opens it; a non-default missing folder is not created.
    QVERIFY(defaults::openOrCreate(where, &error));
    QVERIFY(!defaults::openOrCreate(path(QStringLiteral("elsewhere")), &error));
    QVERIFY(!QFileInfo::exists(path(QStringLiteral("elsewhere"))));
}

void TestWorkspace::pythonHelperIsWrittenOnce()
{
    QString error;
    auto ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    const QString folder = defaults::pythonHelperFolder(*ws, &error);
    QVERIFY2(!folder.isEmpty(), qPrintable(error));
    const QString helper = folder + QStringLiteral("/mlwb/__init__.py");
    QVERIFY(QFile::exists(helper));
    const QDateTime written = QFileInfo(helper).lastModified();
    QTest::qWait(20);
    QCOMPARE(defaults::pythonHelperFolder(*ws, &error), folder);
    QCOMPARE(QFileInfo(helper).lastModified(), written); // unchanged content is not rewritten
}

// Qt appends its own "Unable to fetch row" to SQLite's text; users see SQLite's only.
void TestWorkspace::errorsKeepSqliteTextOnly()
{
    QString error;
    auto ws = Workspace::create(path(QStringLiteral("ws")), &error);
    QVERIFY2(ws, qPrintable(error));
    QVERIFY(!sql::exec(ws->database(),
                       QStringLiteral("INSERT INTO experiments(name, created_at) VALUES (NULL, 1)"),
                       &error));
    QCOMPARE(error, QStringLiteral("NOT NULL constraint failed: experiments.name"));
    QSqlQuery query(ws->database());
    QVERIFY(sql::prepare(query,
                         QStringLiteral("INSERT INTO experiments(name, created_at) "
                                        "VALUES (?, 1)"),
                         &error));
    query.addBindValue(QVariant());
    QVERIFY(!sql::exec(query, &error));
    QCOMPARE(error, QStringLiteral("NOT NULL constraint failed: experiments.name"));
    QVERIFY(!sql::prepare(query, QStringLiteral("SELECT * FROM nowhere"), &error));
    QCOMPARE(error, QStringLiteral("no such table: nowhere"));
}

QTEST_GUILESS_MAIN(TestWorkspace)
#include "tst_workspace.moc"
