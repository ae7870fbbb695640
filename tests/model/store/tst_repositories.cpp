// The core repositories: compute targets, datastores, experiments, runs,
// metrics reading, and the change watcher that tells other processes.
#include "metrics/metrics.h"
#include "metrics/pointblocks.h"
#include "store/changewatcher.h"
#include "store/computetargets.h"
#include "store/datastores.h"
#include "store/experiments.h"
#include "store/runnames.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QDir>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestRepositories : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void computeTargets();
    void localTargetCannotBeDetached();
    void targetNames_data();
    void targetNames();
    void datastores();
    void experiments();
    void experimentNames_data();
    void experimentNames();
    void runsLifecycle();
    void finalStatusNeverChanges();
    void runLookupByPrefix();
    void runPagingNewestFirst();
    void runsGetUniqueGeneratedNames();
    void renameRun();
    void childRuns();
    void tagsAndNotes();
    void metricsReadBack();
    void changeWatcherSeesOtherConnections();

private:
    Run newRun(const QString &experiment, Id parentId = 0);
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
};

void TestRepositories::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
}

void TestRepositories::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

Run TestRepositories::newRun(const QString &experiment, Id parentId)
{
    QString error;
    const auto e = Experiments(*m_ws).findOrCreate(experiment, &error);
    Run run;
    if (!e)
        return run;
    run.experimentId = e->id;
    run.experimentName = e->name;
    run.parentId = parentId;
    run.script = QStringLiteral("train.py");
    run.arguments = QStringList{QStringLiteral("--lr"), QStringLiteral("0.1")};
    run.targetId = ComputeTargets(*m_ws).find(QStringLiteral("local"))->id;
    Runs(*m_ws).create(&run, &error);
    return run;
}

void TestRepositories::computeTargets()
{
    ComputeTargets targets(*m_ws);
    QString error;
    ComputeTarget vm;
    vm.name = QStringLiteral("gpu-box");
    vm.kind = ComputeTarget::Kind::Ssh;
    vm.config.insert(QStringLiteral("host"), QStringLiteral("127.0.0.1"));
    vm.config.insert(QStringLiteral("port"), 2222);
    vm.maxConcurrent = 2;
    QVERIFY2(targets.add(&vm, &error), qPrintable(error));
    QVERIFY(vm.id > 0);
    QCOMPARE(targets.list().size(), 2);
    const auto found = targets.find(QStringLiteral("GPU-BOX"), &error); // names ignore case
    QVERIFY(found);
    QCOMPARE(found->config.value(QStringLiteral("port")).toInt(), 2222);
    QCOMPARE(found->kind, ComputeTarget::Kind::Ssh);

    ComputeTarget duplicate = vm;
    QVERIFY(!targets.add(&duplicate, &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));

    vm.config.insert(QStringLiteral("port"), 22);
    QVERIFY(targets.update(vm, &error));
    QCOMPARE(targets.find(vm.id)->config.value(QStringLiteral("port")).toInt(), 22);

    // A target with a run in flight stays attached.
    Run run = newRun(QStringLiteral("e"));
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("UPDATE runs SET target_id = %1").arg(vm.id)));
    QVERIFY(!targets.remove(QStringLiteral("gpu-box"), &error));
    QVERIFY2(error.contains(QLatin1String("unfinished")), qPrintable(error));
    QVERIFY(Runs(*m_ws).finish(run.id, RunStatus::Completed, 0, {}, &error));
    QVERIFY2(targets.remove(QStringLiteral("gpu-box"), &error), qPrintable(error));
    QVERIFY(!targets.find(QStringLiteral("gpu-box"), &error));
    QVERIFY2(error.contains(QLatin1String("no compute target")), qPrintable(error));
}

void TestRepositories::localTargetCannotBeDetached()
{
    QString error;
    QVERIFY(!ComputeTargets(*m_ws).remove(QStringLiteral("local"), &error));
    QVERIFY2(error.contains(QLatin1String("cannot be detached")), qPrintable(error));
}

void TestRepositories::targetNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("simple") << QStringLiteral("vm1") << true;
    QTest::newRow("dots and dashes") << QStringLiteral("gpu.box-2_a") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("space") << QStringLiteral("my vm") << false;
    QTest::newRow("leading dash") << QStringLiteral("-vm") << false;
    QTest::newRow("too long") << QString(65, QLatin1Char('a')) << false;
}

void TestRepositories::targetNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    ComputeTarget t;
    t.name = name;
    t.kind = ComputeTarget::Kind::Ssh;
    QString error;
    QCOMPARE(ComputeTargets(*m_ws).add(&t, &error), valid);
    QCOMPARE(error.isEmpty(), valid);
}

void TestRepositories::datastores()
{
    Datastores stores(*m_ws);
    QString error;
    Datastore d;
    d.name = QStringLiteral("raw");
    d.path = m_dir->filePath(QStringLiteral("nowhere"));
    QVERIFY(!stores.add(&d, &error));
    QVERIFY2(error.contains(QLatin1String("does not exist")), qPrintable(error));
    QDir().mkpath(d.path);
    QVERIFY2(stores.add(&d, &error), qPrintable(error));
    QCOMPARE(stores.list().size(), 2);
    QCOMPARE(stores.list().first().name, QStringLiteral("default")); // default first
    QVERIFY(!stores.remove(QStringLiteral("default"), &error));
    QVERIFY(stores.remove(QStringLiteral("raw"), &error));
    QVERIFY(QDir(d.path).exists()); // files are never touched
}

void TestRepositories::experiments()
{
    Experiments experiments(*m_ws);
    QString error;
    Experiment e;
    e.name = QStringLiteral("mnist");
    e.description = QStringLiteral("digits");
    QVERIFY2(experiments.create(&e, &error), qPrintable(error));
    QVERIFY(!experiments.create(&e, &error));
    QVERIFY2(error.contains(QLatin1String("already exists")), qPrintable(error));
    const auto again = experiments.findOrCreate(QStringLiteral("mnist"), &error);
    QVERIFY(again);
    QCOMPARE(again->id, e.id);
    QVERIFY(experiments.findOrCreate(QStringLiteral("cifar"), &error));
    const auto all = experiments.list(&error);
    QCOMPARE(all.size(), 2);
    QCOMPARE(all.at(0).name, QStringLiteral("cifar"));
    newRun(QStringLiteral("mnist"));
    newRun(QStringLiteral("mnist"));
    QCOMPARE(experiments.find(QStringLiteral("mnist"))->runCount, 2);

    QVERIFY(!experiments.remove(QStringLiteral("mnist"), &error)); // queued runs
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("UPDATE runs SET status = 'Completed'")));
    QVERIFY2(experiments.remove(QStringLiteral("mnist"), &error), qPrintable(error));
    QVERIFY(q.exec(QStringLiteral("SELECT count(*) FROM runs")) && q.next());
    QCOMPARE(q.value(0).toInt(), 0); // runs went with it
}

void TestRepositories::experimentNames_data()
{
    QTest::addColumn<QString>("name");
    QTest::addColumn<bool>("valid");
    QTest::newRow("plain") << QStringLiteral("mnist") << true;
    QTest::newRow("spaces inside") << QStringLiteral("my first test") << true;
    QTest::newRow("unicode") << QStringLiteral("Übung-1") << true;
    QTest::newRow("empty") << QString() << false;
    QTest::newRow("leading space") << QStringLiteral(" x") << false;
    QTest::newRow("trailing space") << QStringLiteral("x ") << false;
    QTest::newRow("slash") << QStringLiteral("a/b") << false;
    QTest::newRow("too long") << QString(256, QLatin1Char('a')) << false;
}

void TestRepositories::experimentNames()
{
    QFETCH(QString, name);
    QFETCH(bool, valid);
    QString error;
    QCOMPARE(isValidExperimentName(name, &error), valid);
    QCOMPARE(Experiments(*m_ws).findOrCreate(name, &error).has_value(), valid);
}

void TestRepositories::runsLifecycle()
{
    Run run = newRun(QStringLiteral("mnist"));
    QVERIFY(run.id > 0);
    QVERIFY(run.uid.startsWith(QLatin1String("mnist_")));
    Runs runs(*m_ws);
    QString error;
    auto stored = runs.find(run.id, &error);
    QVERIFY(stored);
    QCOMPARE(stored->status, RunStatus::Queued);
    QCOMPARE(stored->arguments, run.arguments);
    QCOMPARE(stored->targetName, QStringLiteral("local"));
    QVERIFY(!stored->startedAt.isValid());

    for (RunStatus s : {RunStatus::Preparing, RunStatus::Running, RunStatus::Finalizing})
        QVERIFY2(runs.setStatus(run.id, s, &error), qPrintable(error));
    stored = runs.find(run.id);
    QCOMPARE(stored->status, RunStatus::Finalizing);
    QVERIFY(stored->startedAt.isValid());
    QCOMPARE(runs.unfinished().size(), 1);

    QVERIFY(runs.finish(run.id, RunStatus::Failed, 3, QStringLiteral("Traceback..."), &error));
    stored = runs.find(run.id);
    QCOMPARE(stored->status, RunStatus::Failed);
    QCOMPARE(stored->exitCode, 3);
    QCOMPARE(stored->error, QStringLiteral("Traceback..."));
    QVERIFY(stored->endedAt >= stored->startedAt);
    QVERIFY(runs.unfinished().isEmpty());
}

void TestRepositories::finalStatusNeverChanges()
{
    Run run = newRun(QStringLiteral("e"));
    Runs runs(*m_ws);
    QString error;
    QVERIFY(runs.finish(run.id, RunStatus::Canceled, -1, {}, &error));
    QVERIFY(runs.setStatus(run.id, RunStatus::Running, &error));
    QVERIFY(runs.finish(run.id, RunStatus::Completed, 0, {}, &error));
    QCOMPARE(runs.find(run.id)->status, RunStatus::Canceled);
    QCOMPARE(runs.find(run.id)->exitCode, -1);
}

void TestRepositories::runLookupByPrefix()
{
    Run a = newRun(QStringLiteral("exp"));
    Run b = newRun(QStringLiteral("exp"));
    Runs runs(*m_ws);
    QString error;
    QCOMPARE(runs.find(a.uid, &error)->id, a.id);
    QCOMPARE(runs.find(b.uid.left(b.uid.size() - 2), &error)->id, b.id);
    QVERIFY(!runs.find(QStringLiteral("exp_"), &error)); // ambiguous
    QVERIFY2(error.contains(QLatin1String("more than one")), qPrintable(error));
    QVERIFY(!runs.find(QStringLiteral("zzz"), &error));
    QVERIFY2(error.contains(QLatin1String("no run")), qPrintable(error));
    QVERIFY(!runs.find(QStringLiteral("%"), &error)); // LIKE wildcards are literal
}

void TestRepositories::runsGetUniqueGeneratedNames()
{
    QSet<QString> names;
    for (int i = 0; i < 200; ++i) {
        const Run r = newRun(QStringLiteral("named"));
        QVERIFY2(QRegularExpression(QStringLiteral("^[a-z]+-[a-z]+(-\\d+)?$"))
                     .match(r.displayName)
                     .hasMatch(),
                 qPrintable(r.displayName));
        QVERIFY2(!names.contains(r.displayName), qPrintable(r.displayName));
        names.insert(r.displayName);
        QCOMPARE(Runs(*m_ws).find(r.id)->displayName, r.displayName);
    }
    // The same uid always gives the same name; a taken one gets a number.
    QCOMPARE(generatedRunName(QStringLiteral("x_1_a"), {}),
             generatedRunName(QStringLiteral("x_1_a"), {}));
    const QString base = generatedRunName(QStringLiteral("x_1_a"), {});
    QCOMPARE(generatedRunName(QStringLiteral("x_1_a"), {base}), base + QStringLiteral("-2"));
    // A name given at submit is kept.
    Run given;
    given.displayName = QStringLiteral("baseline");
    const auto e = Experiments(*m_ws).findOrCreate(QStringLiteral("named"), nullptr);
    given.experimentId = e->id;
    given.experimentName = e->name;
    QString error;
    QVERIFY2(Runs(*m_ws).create(&given, &error), qPrintable(error));
    QCOMPARE(given.displayName, QStringLiteral("baseline"));
}

void TestRepositories::renameRun()
{
    Run a = newRun(QStringLiteral("exp"));
    Run b = newRun(QStringLiteral("exp"));
    Run other = newRun(QStringLiteral("other"));
    Runs runs(*m_ws);
    QString error;
    QVERIFY2(runs.rename(a.id, QStringLiteral("  lr=0.02  "), &error), qPrintable(error));
    QCOMPARE(runs.find(a.id)->displayName, QStringLiteral("lr=0.02"));
    // A name is a way to find the run.
    QCOMPARE(runs.find(QStringLiteral("lr=0.02"), &error)->id, a.id);
    QVERIFY(!runs.rename(b.id, QStringLiteral("lr=0.02"), &error));
    QVERIFY2(error.contains(QLatin1String("already has a run named 'lr=0.02'")), qPrintable(error));
    QVERIFY(!runs.rename(b.id, QStringLiteral("   "), &error));
    QVERIFY2(error.contains(QLatin1String("cannot be empty")), qPrintable(error));
    QVERIFY(!runs.rename(b.id, QStringLiteral("a\nb"), &error));
    // Another experiment may use the same name; then the name alone is ambiguous.
    QVERIFY2(runs.rename(other.id, QStringLiteral("lr=0.02"), &error), qPrintable(error));
    QVERIFY(!runs.find(QStringLiteral("lr=0.02"), &error));
    QVERIFY2(error.contains(QLatin1String("More than one run is named")), qPrintable(error));
    // Renaming a run to its own name is fine.
    QVERIFY2(runs.rename(a.id, QStringLiteral("lr=0.02"), &error), qPrintable(error));
}

void TestRepositories::runPagingNewestFirst()
{
    QList<Id> ids;
    for (int i = 0; i < 25; ++i)
        ids.prepend(newRun(QStringLiteral("paged")).id);
    Runs runs(*m_ws);
    const Id experimentId = Experiments(*m_ws).find(QStringLiteral("paged"))->id;
    QCOMPARE(runs.count(experimentId, 0), 25);
    QList<Id> seen;
    for (int offset = 0; offset < 25; offset += 10) {
        const auto page = runs.list(experimentId, 0, offset, 10);
        for (const Run &r : page)
            seen << r.id;
    }
    QCOMPARE(seen, ids);
}

void TestRepositories::childRuns()
{
    Run parent = newRun(QStringLiteral("cv"));
    Run child1 = newRun(QStringLiteral("cv"), parent.id);
    Run child2 = newRun(QStringLiteral("cv"), parent.id);
    Runs runs(*m_ws);
    QCOMPARE(runs.count(parent.experimentId, 0), 1);
    QCOMPARE(runs.count(parent.experimentId, parent.id), 2);
    const auto children = runs.list(parent.experimentId, parent.id, 0, 10);
    QCOMPARE(children.size(), 2);
    QCOMPARE(children.at(0).id, child2.id);
    QCOMPARE(children.at(1).parentId, parent.id);
    QCOMPARE(Experiments(*m_ws).find(QStringLiteral("cv"))->runCount, 1); // top level only
    Q_UNUSED(child1);
}

void TestRepositories::tagsAndNotes()
{
    Run run = newRun(QStringLiteral("e"));
    Runs runs(*m_ws);
    QString error;
    QVERIFY(runs.setTag(run.id, QStringLiteral("model"), QStringLiteral("cnn"), &error));
    QVERIFY(runs.setTag(run.id, QStringLiteral("model"), QStringLiteral("rnn"), &error));
    QVERIFY(runs.setTag(run.id, QStringLiteral("empty"), QString(), &error));
    QVERIFY(!runs.setTag(run.id, QStringLiteral(" "), QStringLiteral("x"), &error));
    QVERIFY(runs.setProperty(run.id, QStringLiteral("azureml.git"), QStringLiteral("abc"), &error));
    QVERIFY(runs.setNotes(run.id, QStringLiteral("lr too high"), &error));
    auto stored = runs.find(run.id);
    QCOMPARE(stored->tags.value(QStringLiteral("model")), QStringLiteral("rnn"));
    QVERIFY(stored->tags.contains(QStringLiteral("empty")));
    QCOMPARE(stored->properties.value(QStringLiteral("azureml.git")), QStringLiteral("abc"));
    QCOMPARE(stored->notes, QStringLiteral("lr too high"));
    QVERIFY(runs.removeTag(run.id, QStringLiteral("model"), &error));
    QVERIFY(!runs.find(run.id)->tags.contains(QStringLiteral("model")));
}

void TestRepositories::metricsReadBack()
{
    Run run = newRun(QStringLiteral("e"));
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("INSERT INTO metric_series(id, run_id, name, kind, count, "
                                  "last_value, min_value, max_value, last_step) VALUES "
                                  "(1, %1, 'loss', 'scalar', 3, 0.5, 0.5, 2, 2), "
                                  "(2, %1, 'note', 'string', 1, NULL, NULL, NULL, 0)")
                       .arg(run.id)));
    PointBlockWriter writer(m_ws->database());
    QVERIFY(writer.append(1, 0, 0, 10.0, 2.0, nullptr));
    QVERIFY(writer.append(1, 1, 1, 11.0, qQNaN(), nullptr));
    QVERIFY(writer.append(1, 2, 2, 12.0, 0.5, nullptr));
    QVERIFY(writer.flush(nullptr));
    QVERIFY(q.exec(QStringLiteral("INSERT INTO metric_values VALUES (2, 0, 0, 10.0, 'hello')")));
    Metrics metrics(*m_ws);
    QString error;
    const auto series = metrics.series(run.id, &error);
    QCOMPARE(series.size(), 2);
    QCOMPARE(series.at(0).name, QStringLiteral("loss"));
    QCOMPARE(series.at(0).count, 3);
    QCOMPARE(series.at(0).min, 0.5);
    QCOMPARE(series.at(1).kind, MetricSeries::Kind::String);
    QVERIFY(qIsNaN(series.at(1).last));

    QVector<MetricPoint> points;
    QVERIFY(metrics.points(1, 0, -1, &points, &error));
    QCOMPARE(points.size(), 3);
    QVERIFY(qIsNaN(points.at(1).value)); // NULL comes back as NaN
    points.clear();
    QVERIFY(metrics.points(1, 1, 2, &points, &error));
    QCOMPARE(points.size(), 1);
    QCOMPARE(points.at(0).step, 1);

    QList<Metrics::Value> values;
    QVERIFY(metrics.values(2, &values, &error));
    QCOMPARE(values.size(), 1);
    QCOMPARE(values.at(0).value, QStringLiteral("hello"));
    QVERIFY(!metrics.find(run.id, QStringLiteral("nope"), &error));
    QVERIFY2(error.contains(QLatin1String("no metric")), qPrintable(error));
}

void TestRepositories::changeWatcherSeesOtherConnections()
{
    ChangeWatcher watcher(m_ws->databasePath());
    QVERIFY2(watcher.lastError().isEmpty(), qPrintable(watcher.lastError()));
    QSignalSpy spy(&watcher, &ChangeWatcher::changed);
    watcher.poll();
    QCOMPARE(spy.count(), 0); // nothing changed yet

    // Our own connection's writes count too: the watcher has its own.
    newRun(QStringLiteral("watched"));
    watcher.poll();
    QCOMPARE(spy.count(), 1);
    const QStringList topics = spy.takeFirst().at(0).toStringList();
    QVERIFY2(topics.contains(QStringLiteral("experiments")), qPrintable(topics.join(u',')));
    QVERIFY(topics.contains(QStringLiteral("runs")));
    QVERIFY(!topics.contains(QStringLiteral("models")));

    QString error;
    auto other = Workspace::open(m_ws->path(), &error);
    QVERIFY(Runs(*other).setNotes(1, QStringLiteral("from elsewhere"), &error));
    watcher.start();
    QTRY_COMPARE(spy.count(), 1);
    QCOMPARE(spy.takeFirst().at(0).toStringList(), QStringList{QStringLiteral("runs")});
}

QTEST_GUILESS_MAIN(TestRepositories)
#include "tst_repositories.moc"
