// RunMetricsModel: one row per metric series of a run, refreshed in place.
#include "items/runmetricsmodel.h"
#include "store/experiments.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QAbstractItemModelTester>
#include <QSignalSpy>
#include <QSqlError>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;

class TestRunMetricsModel : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyRun();
    void rowsAndValues();
    void onlyThisRunsSeries();
    void refreshInsertsNewSeriesInPlace();
    void refreshUpdatesChangedRowsOnly();
    void refreshRemovesDeletedSeries();
    void sortRoleIsNumeric();

private:
    Id addSeries(const QString &name, const QString &kind, qint64 count, const QVariant &last,
                 const QVariant &min, const QVariant &max, const QVariant &lastStep, Id runId = 0);
    void update(Id seriesId, qint64 count, double last, qint64 lastStep);
    Id newRun();

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    Id m_runId = 0;
};

void TestRunMetricsModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->filePath(QStringLiteral("ws")), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_runId = newRun();
    QVERIFY(m_runId > 0);
}

void TestRunMetricsModel::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

Id TestRunMetricsModel::newRun()
{
    QString error;
    const auto e = Experiments(*m_ws).findOrCreate(QStringLiteral("mnist"), &error);
    if (!e)
        return 0;
    Run run;
    run.experimentId = e->id;
    run.experimentName = e->name;
    run.script = QStringLiteral("train.py");
    if (!Runs(*m_ws).create(&run, &error))
        return 0;
    return run.id;
}

Id TestRunMetricsModel::addSeries(const QString &name, const QString &kind, qint64 count,
                                  const QVariant &last, const QVariant &min, const QVariant &max,
                                  const QVariant &lastStep, Id runId)
{
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("INSERT INTO metric_series(run_id, name, kind, count, last_value, "
                             "min_value, max_value, last_step, last_time) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)"));
    q.addBindValue(runId > 0 ? runId : m_runId);
    q.addBindValue(name);
    q.addBindValue(kind);
    q.addBindValue(count);
    q.addBindValue(last);
    q.addBindValue(min);
    q.addBindValue(max);
    q.addBindValue(lastStep);
    if (!q.exec())
        qWarning("%s", qPrintable(q.lastError().text()));
    return q.lastInsertId().toLongLong();
}

void TestRunMetricsModel::update(Id seriesId, qint64 count, double last, qint64 lastStep)
{
    QSqlQuery q(m_ws->database());
    q.prepare(QStringLiteral("UPDATE metric_series SET count = ?, last_value = ?, "
                             "min_value = min(min_value, ?), max_value = max(max_value, ?), "
                             "last_step = ? WHERE id = ?"));
    q.addBindValue(count);
    q.addBindValue(last);
    q.addBindValue(last);
    q.addBindValue(last);
    q.addBindValue(lastStep);
    q.addBindValue(seriesId);
    QVERIFY(q.exec());
}

void TestRunMetricsModel::emptyRun()
{
    RunMetricsModel model(m_ws.get(), m_runId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 0);
    QCOMPARE(model.columnCount(), int(RunMetricsModel::ColumnCount));
    QCOMPARE(model.headerData(RunMetricsModel::LastStepColumn, Qt::Horizontal).toString(),
             QStringLiteral("Last step"));
}

void TestRunMetricsModel::rowsAndValues()
{
    addSeries(QStringLiteral("loss"), QStringLiteral("scalar"), 10, 0.25, 0.25, 2.5, 9);
    addSeries(QStringLiteral("accuracy"), QStringLiteral("scalar"), 10, 0.91, 0.1, 0.91, 9);
    addSeries(QStringLiteral("notes"), QStringLiteral("string"), 2, {}, {}, {}, 1);
    RunMetricsModel model(m_ws.get(), m_runId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QString error;
    QVERIFY2(model.refresh(&error), qPrintable(error));
    QCOMPARE(model.rowCount(), 3);

    // Ordered by name, as the store lists them.
    const auto cell = [&](int row, int column, int role = Qt::DisplayRole) {
        return model.data(model.index(row, column), role);
    };
    QCOMPARE(cell(0, RunMetricsModel::NameColumn).toString(), QStringLiteral("accuracy"));
    QCOMPARE(cell(1, RunMetricsModel::NameColumn).toString(), QStringLiteral("loss"));
    QCOMPARE(cell(2, RunMetricsModel::NameColumn).toString(), QStringLiteral("notes"));
    QCOMPARE(cell(1, RunMetricsModel::KindColumn).toString(), QStringLiteral("scalar"));
    QCOMPARE(cell(1, RunMetricsModel::CountColumn).toString(), QStringLiteral("10"));
    QCOMPARE(cell(1, RunMetricsModel::LastColumn).toString(), QStringLiteral("0.25"));
    QCOMPARE(cell(1, RunMetricsModel::MinColumn).toString(), QStringLiteral("0.25"));
    QCOMPARE(cell(1, RunMetricsModel::MaxColumn).toString(), QStringLiteral("2.5"));
    QCOMPARE(cell(1, RunMetricsModel::LastStepColumn).toString(), QStringLiteral("9"));
    QCOMPARE(cell(1, 0, RunMetricsModel::LastRole).toDouble(), 0.25);
    QCOMPARE(cell(1, 0, RunMetricsModel::CountRole).toLongLong(), 10);
    QCOMPARE(cell(1, 0, RunMetricsModel::NameRole).toString(), QStringLiteral("loss"));
    QVERIFY(cell(1, 0, RunMetricsModel::SeriesIdRole).toLongLong() > 0);
    // A string series has no numeric summary: blank, not "nan".
    QCOMPARE(cell(2, RunMetricsModel::KindColumn).toString(), QStringLiteral("string"));
    QVERIFY(cell(2, RunMetricsModel::LastColumn).isNull());
    QVERIFY(qIsNaN(cell(2, 0, RunMetricsModel::LastRole).toDouble()));
    QCOMPARE(model.series(0).name, QStringLiteral("accuracy"));
}

void TestRunMetricsModel::onlyThisRunsSeries()
{
    const Id other = newRun();
    addSeries(QStringLiteral("loss"), QStringLiteral("scalar"), 1, 1.0, 1.0, 1.0, 0, other);
    addSeries(QStringLiteral("lr"), QStringLiteral("scalar"), 1, 0.1, 0.1, 0.1, 0);
    RunMetricsModel model(m_ws.get(), m_runId);
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.series(0).name, QStringLiteral("lr"));
}

void TestRunMetricsModel::refreshInsertsNewSeriesInPlace()
{
    addSeries(QStringLiteral("accuracy"), QStringLiteral("scalar"), 1, 0.5, 0.5, 0.5, 0);
    addSeries(QStringLiteral("loss"), QStringLiteral("scalar"), 1, 1.0, 1.0, 1.0, 0);
    RunMetricsModel model(m_ws.get(), m_runId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(model.refresh());
    const QPersistentModelIndex loss = model.index(1, 0);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);
    QSignalSpy reset(&model, &QAbstractItemModel::modelReset);
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);

    addSeries(QStringLiteral("epoch"), QStringLiteral("scalar"), 1, 0.0, 0.0, 0.0, 0);
    addSeries(QStringLiteral("zeta"), QStringLiteral("scalar"), 1, 0.0, 0.0, 0.0, 0);
    QVERIFY(model.refresh());
    QCOMPARE(model.rowCount(), 4);
    QCOMPARE(reset.count(), 0);
    QCOMPARE(removed.count(), 0);
    QCOMPARE(inserted.count(), 2);
    QCOMPARE(inserted.at(0).at(1).toInt(), 1); // "epoch" between "accuracy" and "loss"
    QCOMPARE(inserted.at(1).at(1).toInt(), 3);
    // A view's selection on "loss" follows it to its new row.
    QVERIFY(loss.isValid());
    QCOMPARE(loss.row(), 2);
    QCOMPARE(loss.data().toString(), QStringLiteral("loss"));
}

void TestRunMetricsModel::refreshUpdatesChangedRowsOnly()
{
    addSeries(QStringLiteral("accuracy"), QStringLiteral("scalar"), 1, 0.5, 0.5, 0.5, 0);
    const Id loss =
        addSeries(QStringLiteral("loss"), QStringLiteral("scalar"), 1, 1.0, 1.0, 1.0, 0);
    RunMetricsModel model(m_ws.get(), m_runId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(model.refresh());
    QSignalSpy changed(&model, &QAbstractItemModel::dataChanged);
    QSignalSpy inserted(&model, &QAbstractItemModel::rowsInserted);

    QVERIFY(model.refresh()); // nothing new: nothing emitted
    QCOMPARE(changed.count(), 0);

    update(loss, 2, 0.5, 1);
    QVERIFY(model.refresh());
    QCOMPARE(inserted.count(), 0);
    QCOMPARE(changed.count(), 1);
    const auto topLeft = changed.at(0).at(0).value<QModelIndex>();
    const auto bottomRight = changed.at(0).at(1).value<QModelIndex>();
    QCOMPARE(topLeft.row(), 1);
    QCOMPARE(bottomRight.row(), 1);
    QCOMPARE(bottomRight.column(), RunMetricsModel::ColumnCount - 1);
    QCOMPARE(model.series(1).count, 2);
    QCOMPARE(model.series(1).last, 0.5);
    QCOMPARE(model.series(1).min, 0.5);
    QCOMPARE(model.series(1).max, 1.0);
    QCOMPARE(model.series(1).lastStep, 1);
}

void TestRunMetricsModel::refreshRemovesDeletedSeries()
{
    const Id a = addSeries(QStringLiteral("a"), QStringLiteral("scalar"), 1, 1.0, 1.0, 1.0, 0);
    addSeries(QStringLiteral("b"), QStringLiteral("scalar"), 1, 1.0, 1.0, 1.0, 0);
    RunMetricsModel model(m_ws.get(), m_runId);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::Fatal);
    QVERIFY(model.refresh());
    QSignalSpy removed(&model, &QAbstractItemModel::rowsRemoved);
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("DELETE FROM metric_series WHERE id = %1").arg(a)));
    QVERIFY(model.refresh());
    QCOMPARE(removed.count(), 1);
    QCOMPARE(model.rowCount(), 1);
    QCOMPARE(model.series(0).name, QStringLiteral("b"));
}

void TestRunMetricsModel::sortRoleIsNumeric()
{
    addSeries(QStringLiteral("a"), QStringLiteral("scalar"), 1, 10.0, 10.0, 10.0, 0);
    addSeries(QStringLiteral("b"), QStringLiteral("scalar"), 1, 9.0, 9.0, 9.0, 0);
    RunMetricsModel model(m_ws.get(), m_runId);
    QVERIFY(model.refresh());
    const QVariant ten =
        model.index(0, RunMetricsModel::LastColumn).data(RunMetricsModel::SortRole);
    const QVariant nine =
        model.index(1, RunMetricsModel::LastColumn).data(RunMetricsModel::SortRole);
    QVERIFY(QVariant::compare(nine, ten) == QPartialOrdering::Less); // as text "10" < "9"
}

QTEST_GUILESS_MAIN(TestRunMetricsModel)
#include "tst_runmetricsmodel.moc"
