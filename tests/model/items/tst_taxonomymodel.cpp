// The workspace taxonomy model: groups and counts, lazy loading, paging of
// runs, and live updates written by other processes, always under
// QAbstractItemModelTester.
#include "items/taxonomymodel.h"
#include "store/experiments.h"
#include "store/models.h"
#include "store/runs.h"
#include "store/sqlerror.h"
#include "store/workspace.h"
#include "store/workspaceregistry.h"

#include <QAbstractItemModelTester>
#include <QDir>
#include <QElapsedTimer>
#include <QItemSelectionModel>
#include <QProcess>
#include <QSettings>
#include <QSqlError>
#include <QSqlQuery>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestTaxonomyModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void freshWorkspaceShowsGroupsWithCounts();
    void groupsLoadWhenFirstExpanded();
    void runsLoadInPages();
    void childRunsAndVersionsAreChildren();
    void writesByAnotherProcessAppear();
    void workspaceAddedByAnotherProcessAppears();
    void expansionAndSelectionSurviveUpdates();
    void rolesHaveNames();

private:
    void makeModel();
    QModelIndex group(Group g) const { return m_model->groupIndex(g); }
    QModelIndex fetched(Group g);
    Id addExperiment(const QString &name);
    Id addRun(Id experimentId, Id parentId, const QString &name);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    std::unique_ptr<TaxonomyModel> m_model;
    std::unique_ptr<QAbstractItemModelTester> m_tester;
};

void TestTaxonomyModel::init()
{
    QStandardPaths::setTestModeEnabled(true);
    m_dir = std::make_unique<QTemporaryDir>();
    QVERIFY(m_dir->isValid());
    qputenv("MLWB_REGISTRY", QFile::encodeName(m_dir->filePath(QStringLiteral("reg/ws.json"))));
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_dir->path());
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    QVERIFY2(WorkspaceRegistry::touch(m_ws->path(), &error), qPrintable(error));
}

void TestTaxonomyModel::cleanup()
{
    m_tester.reset();
    m_model.reset();
    m_ws.reset();
    m_dir.reset();
    qunsetenv("MLWB_REGISTRY");
}

void TestTaxonomyModel::makeModel()
{
    m_model = std::make_unique<TaxonomyModel>();
    m_model->setPollInterval(50);
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    m_model->setWorkspace(m_ws.get());
}

QModelIndex TestTaxonomyModel::fetched(Group g)
{
    const QModelIndex index = group(g);
    if (m_model->canFetchMore(index))
        m_model->fetchMore(index);
    return index;
}

Id TestTaxonomyModel::addExperiment(const QString &name)
{
    Experiment e;
    e.name = name;
    QString error;
    if (!Experiments(*m_ws).create(&e, &error))
        qWarning("%s", qPrintable(error));
    return e.id;
}

Id TestTaxonomyModel::addRun(Id experimentId, Id parentId, const QString &name)
{
    Run run;
    run.experimentId = experimentId;
    run.experimentName = QStringLiteral("e");
    run.parentId = parentId;
    run.displayName = name;
    QString error;
    if (!Runs(*m_ws).create(&run, &error))
        qWarning("%s", qPrintable(error));
    return run.id;
}

void TestTaxonomyModel::freshWorkspaceShowsGroupsWithCounts()
{
    makeModel();
    const QModelIndex ws = m_model->workspaceIndex(m_ws->path());
    QVERIFY(ws.isValid());
    QCOMPARE(ws.row(), 0);
    QVERIFY(ws.data(TaxonomyModel::IsOpenWorkspaceRole).toBool());
    QVERIFY(ws.data(Qt::FontRole).value<QFont>().bold());
    QCOMPARE(m_model->nodeKind(ws), NodeKind::Workspace);
    QCOMPARE(m_model->rowCount(ws), groupCount);
    const QStringList expected = {
        QStringLiteral("Compute targets (1)"), QStringLiteral("Datastores (1)"),
        QStringLiteral("Experiments (0)"),     QStringLiteral("Models (0)"),
        QStringLiteral("Environments (0)"),    QStringLiteral("Images (0)"),
        QStringLiteral("Deployments (0)"),     QStringLiteral("Pipelines (0)")};
    for (int g = 0; g < groupCount; ++g) {
        const QModelIndex index = m_model->index(g, 0, ws);
        QCOMPARE(index.data().toString(), expected[g]);
        QCOMPARE(m_model->nodeKind(index), NodeKind::Group);
        QCOMPARE(m_model->idOf(index), Id(g));
        QVERIFY(!index.data(Qt::DecorationRole).value<QIcon>().isNull());
    }
}

void TestTaxonomyModel::groupsLoadWhenFirstExpanded()
{
    addExperiment(QStringLiteral("beta"));
    addExperiment(QStringLiteral("alpha"));
    m_model = std::make_unique<TaxonomyModel>();
    m_model->setWorkspace(m_ws.get());
    // Before expansion: the count is known, nothing is loaded.
    QCOMPARE(group(Group::Experiments).data().toString(), QStringLiteral("Experiments (2)"));
    QVERIFY(m_model->hasChildren(group(Group::Experiments)));
    QCOMPARE(m_model->rowCount(group(Group::Experiments)), 0);
    QVERIFY(m_model->canFetchMore(group(Group::Experiments)));
    m_tester = std::make_unique<QAbstractItemModelTester>(
        m_model.get(), QAbstractItemModelTester::FailureReportingMode::Fatal);
    const QModelIndex experiments = fetched(Group::Experiments);
    QCOMPARE(m_model->rowCount(experiments), 2);
    QCOMPARE(m_model->index(0, 0, experiments).data().toString(), QStringLiteral("alpha"));
    QCOMPARE(m_model->nodeKind(m_model->index(0, 0, experiments)), NodeKind::Experiment);
    QVERIFY(!m_model->canFetchMore(experiments));
    const QModelIndex targets = fetched(Group::ComputeTargets);
    QCOMPARE(m_model->index(0, 0, targets).data().toString(), QStringLiteral("local"));
}

void TestTaxonomyModel::runsLoadInPages()
{
    // 10,000 runs in one transaction with raw inserts: fast enough for a test.
    const Id experiment = addExperiment(QStringLiteral("big"));
    const int total = 10000;
    {
        QSqlDatabase db = m_ws->database();
        QVERIFY(db.transaction());
        QSqlQuery q(db);
        QVERIFY(q.prepare(QStringLiteral("INSERT INTO runs(uid, experiment_id, status, "
                                         "created_at) VALUES (?, ?, 'Completed', ?)")));
        for (int i = 0; i < total; ++i) {
            q.addBindValue(QStringLiteral("run-%1").arg(i, 5, 10, QLatin1Char('0')));
            q.addBindValue(experiment);
            q.addBindValue(qint64(1700000000000) + i);
            QVERIFY2(q.exec(), qPrintable(q.lastError().text()));
        }
        QVERIFY(db.commit());
    }
    QElapsedTimer timer;
    timer.start();
    makeModel();
    const QModelIndex experiments = fetched(Group::Experiments);
    const QModelIndex big = m_model->index(0, 0, experiments);
    QCOMPARE(big.data(TaxonomyModel::CountRole).toInt(), total);
    QVERIFY(m_model->hasChildren(big));
    if (m_model->canFetchMore(big))
        m_model->fetchMore(big);
    const int loaded = m_model->rowCount(big);
    QVERIFY2(loaded >= TaxonomyModel::runPageSize && loaded < total / 2,
             qPrintable(QString::number(loaded)));
    QCOMPARE(loaded % TaxonomyModel::runPageSize, 0);
    QVERIFY2(timer.elapsed() < 5000, "opening a workspace with 10,000 runs must stay quick");
    // Newest first.
    QCOMPARE(m_model->index(0, 0, big).data().toString(), QStringLiteral("run-09999"));
    QCOMPARE(m_model->index(1, 0, big).data().toString(), QStringLiteral("run-09998"));
    QCOMPARE(m_model->nodeKind(m_model->index(0, 0, big)), NodeKind::Run);
    QCOMPARE(m_model->index(0, 0, big).data(TaxonomyModel::StatusRole).toString(),
             QStringLiteral("Completed"));
    m_tester.reset(); // walking every row after every page would dominate the run time
    while (m_model->canFetchMore(big))
        m_model->fetchMore(big);
    QCOMPARE(m_model->rowCount(big), total);
    QCOMPARE(m_model->index(total - 1, 0, big).data().toString(), QStringLiteral("run-00000"));
}

void TestTaxonomyModel::childRunsAndVersionsAreChildren()
{
    const Id experiment = addExperiment(QStringLiteral("hyper"));
    const Id parent = addRun(experiment, 0, QStringLiteral("sweep"));
    addRun(experiment, parent, QStringLiteral("trial-1"));
    addRun(experiment, parent, QStringLiteral("trial-2"));
    ModelVersion v;
    v.modelName = QStringLiteral("mnist");
    v.sha256 = QString(64, QLatin1Char('a'));
    v.framework = QStringLiteral("pytorch");
    QString error;
    QVERIFY2(Models(*m_ws).registerVersion(&v, &error), qPrintable(error));
    ModelVersion v2 = v;
    QVERIFY2(Models(*m_ws).registerVersion(&v2, &error), qPrintable(error));
    makeModel();
    const QModelIndex hyper = m_model->index(0, 0, fetched(Group::Experiments));
    QCOMPARE(hyper.data(TaxonomyModel::CountRole).toInt(), 1); // top-level runs only
    m_model->fetchMore(hyper);
    const QModelIndex sweep = m_model->index(0, 0, hyper);
    QCOMPARE(sweep.data(TaxonomyModel::NameRole).toString(), QStringLiteral("sweep"));
    QCOMPARE(sweep.data(TaxonomyModel::CountRole).toInt(), 2);
    if (m_model->canFetchMore(sweep))
        m_model->fetchMore(sweep);
    QCOMPARE(m_model->rowCount(sweep), 2);
    QCOMPARE(m_model->idOf(sweep), parent);
    const QModelIndex mnist = m_model->index(0, 0, fetched(Group::Models));
    QCOMPARE(mnist.data().toString(), QStringLiteral("mnist"));
    if (m_model->canFetchMore(mnist))
        m_model->fetchMore(mnist);
    QCOMPARE(m_model->rowCount(mnist), 2);
    QCOMPARE(m_model->index(0, 0, mnist).data().toString(),
             QStringLiteral("Version 2 \u00b7 pytorch"));
    QCOMPARE(m_model->nodeKind(m_model->index(0, 0, mnist)), NodeKind::ModelVersion);
}

void TestTaxonomyModel::writesByAnotherProcessAppear()
{
    makeModel();
    const QModelIndex experiments = fetched(Group::Experiments);
    QCOMPARE(m_model->rowCount(experiments), 0);
    QProcess writer;
    writer.start(QStringLiteral(MLWB_TEST_HELPERS "/storewriter"),
                 {m_ws->path(), QStringLiteral("other"), QStringLiteral("5")});
    QVERIFY(writer.waitForFinished(30000));
    QCOMPARE(writer.exitCode(), 0);
    QTRY_COMPARE(m_model->groupItemCount(Group::Experiments), 5);
    QTRY_COMPARE(m_model->rowCount(experiments), 5);
    QCOMPARE(experiments.data().toString(), QStringLiteral("Experiments (5)"));
    const QModelIndex first = m_model->index(0, 0, experiments);
    QCOMPARE(first.data().toString(), QStringLiteral("other-0"));
    QTRY_COMPARE(first.data(TaxonomyModel::CountRole).toInt(), 1);
}

void TestTaxonomyModel::workspaceAddedByAnotherProcessAppears()
{
    makeModel();
    QCOMPARE(m_model->rowCount(), 1);
    // Written the way QSaveFile does it: a new file renamed over the old one.
    const QString other = QDir::cleanPath(m_dir->filePath(QStringLiteral("other")));
    const QString registry = WorkspaceRegistry::filePath();
    const QString script =
        QStringLiteral("printf '{\"workspaces\": [\"%1\", \"%2\"]}' > '%3.tmp' && mv '%3.tmp' '%3'")
            .arg(QDir::cleanPath(m_ws->path()), other, registry);
    QCOMPARE(QProcess::execute(QStringLiteral("/bin/sh"), {QStringLiteral("-c"), script}), 0);
    QTRY_COMPARE(m_model->rowCount(), 2);
    const QModelIndex added = m_model->index(1, 0);
    QCOMPARE(added.data(TaxonomyModel::WorkspacePathRole).toString(), other);
    QCOMPARE(added.data().toString(), QStringLiteral("other"));
    QVERIFY(!m_model->hasChildren(added));
    // A second change still arrives (the watch survives the file being replaced).
    QCOMPARE(QProcess::execute(QStringLiteral("/bin/sh"),
                               {QStringLiteral("-c"),
                                QStringLiteral("printf '{\"workspaces\": [\"%1\"]}' > '%2.tmp' && "
                                               "mv '%2.tmp' '%2'")
                                    .arg(QDir::cleanPath(m_ws->path()), registry)}),
             0);
    QTRY_COMPARE(m_model->rowCount(), 1);
}

void TestTaxonomyModel::expansionAndSelectionSurviveUpdates()
{
    const Id experiment = addExperiment(QStringLiteral("keep"));
    addRun(experiment, 0, QStringLiteral("first"));
    makeModel();
    const QModelIndex experiments = fetched(Group::Experiments);
    QPersistentModelIndex keep = m_model->index(0, 0, experiments);
    m_model->fetchMore(keep);
    QPersistentModelIndex run = m_model->index(0, 0, keep);
    QCOMPARE(run.data(TaxonomyModel::NameRole).toString(), QStringLiteral("first"));
    QItemSelectionModel selection(m_model.get());
    selection.setCurrentIndex(run, QItemSelectionModel::ClearAndSelect);
    int resets = 0;
    connect(m_model.get(), &QAbstractItemModel::modelReset, this, [&] { ++resets; });

    // A new experiment sorts before "keep"; a new run comes first; a status changes.
    addExperiment(QStringLiteral("aaa"));
    const Id second = addRun(experiment, 0, QStringLiteral("second"));
    QTRY_COMPARE(m_model->rowCount(keep), 2);
    QCOMPARE(keep.row(), 1);
    QCOMPARE(keep.data().toString(), QStringLiteral("keep"));
    QCOMPARE(m_model->index(0, 0, keep).data(TaxonomyModel::NameRole).toString(),
             QStringLiteral("second"));
    QCOMPARE(run.row(), 1);
    QCOMPARE(selection.currentIndex(), QModelIndex(run));
    QVERIFY(selection.isSelected(run));
    QString error;
    QVERIFY(Runs(*m_ws).setStatus(second, RunStatus::Running, &error));
    QTRY_COMPARE(m_model->index(0, 0, keep).data(TaxonomyModel::StatusRole).toString(),
                 QStringLiteral("Running"));
    QVERIFY(Experiments(*m_ws).remove(QStringLiteral("aaa"), &error));
    QTRY_COMPARE(keep.row(), 0);
    QCOMPARE(selection.currentIndex(), QModelIndex(run));
    QCOMPARE(resets, 0);
}

void TestTaxonomyModel::rolesHaveNames()
{
    makeModel();
    const QHash<int, QByteArray> names = m_model->roleNames();
    QCOMPARE(names.value(TaxonomyModel::NodeKindRole), QByteArray("nodeKind"));
    QCOMPARE(names.value(TaxonomyModel::IdRole), QByteArray("id"));
    QCOMPARE(names.value(TaxonomyModel::WorkspacePathRole), QByteArray("workspacePath"));
    QCOMPARE(names.value(TaxonomyModel::StatusRole), QByteArray("status"));
    QCOMPARE(names.value(Qt::DisplayRole), QByteArray("display"));
}

QTEST_MAIN(TestTaxonomyModel)
#include "tst_taxonomymodel.moc"
