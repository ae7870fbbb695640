#include "chartfixture.h"
#include "items/runsfilterproxy.h"
#include "items/runstablemodel.h"
#include "metrics/seriesloader.h"
#include "metrics/smoothing.h"
#include "runs/durationtext.h"
#include "store/savedviews.h"

#include <QAbstractItemModelTester>
#include <QJsonArray>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace mlwb;
using namespace mlwb::testing;

/// The comparison model layer: runs table, filter proxy, saved views,
/// series loading and smoothing.
class TestRunsTableModel : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void columnsAndValues();
    void filterAndSort();
    void filterErrorPointsAtToken();
    void metricSummaryColumns();
    void parameters_data();
    void parameters();
    void savedViewsRoundTrip();
    void loaderAppendsOnlyNewPoints();
    void durations_data();
    void durations();
    void emaIsDebiased();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QList<Id> m_runs;
};

void TestRunsTableModel::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->path() + QStringLiteral("/ws"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_runs.clear();
    for (int i = 0; i < 3; ++i) {
        const Id run = addRun(*m_ws, QStringLiteral("mnist"),
                              {QStringLiteral("--lr"), QString::number(0.1 / (i + 1)),
                               QStringLiteral("--epochs=%1").arg(3 + i)});
        addSeries(*m_ws, run, QStringLiteral("loss"), 100, lossCurve);
        Runs(*m_ws).setTag(run, QStringLiteral("model"),
                           i ? QStringLiteral("cnn") : QStringLiteral("mlp"), nullptr);
        m_runs << run;
    }
    addRun(*m_ws, QStringLiteral("other"));
}

void TestRunsTableModel::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

void TestRunsTableModel::columnsAndValues()
{
    RunsTableModel model(*m_ws);
    QAbstractItemModelTester tester(&model, QAbstractItemModelTester::FailureReportingMode::QtTest);
    model.setExperiment(Experiments(*m_ws).find(QStringLiteral("mnist"))->id);
    QString error;
    QVERIFY2(model.reload(&error), qPrintable(error));
    QCOMPARE(model.rowCount(), 3);
    for (const char *key : {"status", "tags.model", "params.lr", "params.epochs", "metrics.loss",
                            "metrics.loss.min", "metrics.loss.max"})
        QVERIFY2(model.columnOf(QLatin1String(key)) >= 0, key);
    const int row = model.rowOf(m_runs.first());
    QCOMPARE(model.index(row, model.columnOf(QStringLiteral("params.epochs"))).data().toString(),
             QStringLiteral("3"));
    QCOMPARE(model.index(row, model.columnOf(QStringLiteral("status"))).data().toString(),
             QStringLiteral("Running"));
    QVERIFY(model.index(row, model.columnOf(QStringLiteral("metrics.loss.max")))
                .data(RunsTableModel::SortRole)
                .toDouble()
            > 1.9);
    model.setExperiment(0);
    QVERIFY(model.reload(&error));
    QCOMPARE(model.rowCount(), 4);
}

void TestRunsTableModel::filterAndSort()
{
    RunsTableModel model(*m_ws);
    model.reload(nullptr);
    RunsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester tester(&proxy, QAbstractItemModelTester::FailureReportingMode::QtTest);
    RunQueryError error;
    QVERIFY(proxy.setFilterText(QStringLiteral("tags.model = cnn and params.lr < 0.04"), &error));
    QCOMPARE(proxy.rowCount(), 1);
    QVERIFY(proxy.setFilterText(QString(), &error));
    QCOMPARE(proxy.rowCount(), 4);
    proxy.sort(model.columnOf(QStringLiteral("params.lr")), Qt::AscendingOrder);
    const int lr = model.columnOf(QStringLiteral("params.lr"));
    QCOMPARE(proxy.index(0, lr).data().toString(), QStringLiteral("0.0333333"));
    QVERIFY(proxy.index(3, lr).data().toString().isEmpty()); // no value: last
}

void TestRunsTableModel::filterErrorPointsAtToken()
{
    RunsFilterProxy proxy;
    RunQueryError error;
    QVERIFY(!proxy.setFilterText(QStringLiteral("metrics.loss > and status = done"), &error));
    QCOMPARE(error.position, 15);
    QVERIFY(!error.message.isEmpty());
}

// 9, 81 and 729 times (step + 1) for runs 1, 2 and 3: as text "729" < "81" < "9".
static double powersOfNine(int step, Id run)
{
    return (step + 1) * std::pow(9.0, double(run));
}

void TestRunsTableModel::metricSummaryColumns()
{
    QCOMPARE(m_runs, (QList<Id>{1, 2, 3}));
    for (Id run : std::as_const(m_runs))
        addSeries(*m_ws, run, QStringLiteral("size"), 3, powersOfNine);
    RunsTableModel model(*m_ws);
    QAbstractItemModelTester modelTester(&model,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    QString error;
    QVERIFY2(model.reload(&error), qPrintable(error));
    QCOMPARE(model.metricNames(), (QStringList{QStringLiteral("loss"), QStringLiteral("size")}));

    // Every metric has a last, a min and a max column, named by their filter keys.
    using Group = RunsTableModel::Group;
    const struct {
        const char *key;
        Group group;
        const char *name;
        const char *aggregate;
    } columns[] = {
        {"status", Group::Run, "status", ""},
        {"tags.model", Group::Tag, "model", ""},
        {"params.lr", Group::Param, "lr", ""},
        {"metrics.loss", Group::Metric, "loss", "last"},
        {"metrics.size", Group::Metric, "size", "last"},
        {"metrics.size.min", Group::Metric, "size", "min"},
        {"metrics.size.max", Group::Metric, "size", "max"},
    };
    for (const auto &c : columns) {
        const int column = model.columnOf(QLatin1String(c.key));
        QVERIFY2(column >= 0, c.key);
        QCOMPARE(model.columnGroup(column), c.group);
        QCOMPARE(model.columnName(column), QLatin1String(c.name));
        QCOMPARE(model.columnAggregate(column), QLatin1String(c.aggregate));
        QCOMPARE(model.headerData(column, Qt::Horizontal, RunsTableModel::ColumnKeyRole).toString(),
                 QLatin1String(c.key));
    }
    const int row = model.rowOf(1);
    auto cell = [&](const char *key) {
        return model.index(row, model.columnOf(QLatin1String(key)));
    };
    QCOMPARE(cell("metrics.size").data(RunsTableModel::SortRole), QVariant(27.0));
    QCOMPARE(cell("metrics.size.min").data(RunsTableModel::SortRole), QVariant(9.0));
    QCOMPARE(cell("metrics.size.max").data().toString(), QStringLiteral("27"));
    QCOMPARE(cell("metrics.size.min").data(Qt::TextAlignmentRole).toInt(),
             int(Qt::AlignRight | Qt::AlignVCenter));

    // Sorted as numbers both ways; the run without the metric stays last.
    RunsFilterProxy proxy;
    proxy.setSourceModel(&model);
    QAbstractItemModelTester proxyTester(&proxy,
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);
    const int min = model.columnOf(QStringLiteral("metrics.size.min"));
    auto column = [&] {
        QStringList out;
        for (int r = 0; r < proxy.rowCount(); ++r)
            out << proxy.index(r, min).data().toString();
        return out;
    };
    proxy.sort(min, Qt::AscendingOrder);
    QCOMPARE(column(), (QStringList{QStringLiteral("9"), QStringLiteral("81"),
                                    QStringLiteral("729"), QString()}));
    proxy.sort(min, Qt::DescendingOrder);
    QCOMPARE(column(), (QStringList{QStringLiteral("729"), QStringLiteral("81"),
                                    QStringLiteral("9"), QString()}));

    // The filter reads the same columns.
    RunQueryError queryError;
    QVERIFY(proxy.setFilterText(QStringLiteral("metrics.size.min >= 81"), &queryError));
    QCOMPARE(proxy.rowCount(), 2);
    QVERIFY(proxy.setFilterText(QStringLiteral("metrics.size.max < 100 and metrics.size.last = 27"),
                                &queryError));
    QCOMPARE(proxy.rowCount(), 1);
    QCOMPARE(proxy.index(0, 0).data(RunsTableModel::RunIdRole).toLongLong(), 1);
    QVERIFY(proxy.setFilterText(QStringLiteral("metrics.size.min is null"), &queryError));
    QCOMPARE(proxy.rowCount(), 1); // the run of the other experiment
}

void TestRunsTableModel::parameters_data()
{
    QTest::addColumn<QStringList>("arguments");
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("value");
    QTest::newRow("pair") << QStringList{QStringLiteral("--lr"), QStringLiteral("0.1")}
                          << QStringLiteral("lr") << QStringLiteral("0.1");
    QTest::newRow("equals") << QStringList{QStringLiteral("--lr=0.2")} << QStringLiteral("lr")
                            << QStringLiteral("0.2");
    QTest::newRow("flag") << QStringList{QStringLiteral("--fast"), QStringLiteral("--lr=1")}
                          << QStringLiteral("fast") << QStringLiteral("true");
}

void TestRunsTableModel::parameters()
{
    QFETCH(QStringList, arguments);
    QFETCH(QString, key);
    QFETCH(QString, value);
    QCOMPARE(RunsTableModel::parameters(arguments).value(key), value);
}

void TestRunsTableModel::savedViewsRoundTrip()
{
    SavedViews views(*m_ws);
    SavedView view{0,
                   QStringLiteral("lr sweep"),
                   {{QStringLiteral("runs"), QJsonArray{QStringLiteral("a")}},
                    {QStringLiteral("smoothing"), 0.6}},
                   {},
                   {}};
    QString error;
    QVERIFY2(views.save(&view, &error), qPrintable(error));
    const Id id = view.id;
    view.spec.insert(QStringLiteral("smoothing"), 0.9);
    QVERIFY(views.save(&view, &error));
    QCOMPARE(view.id, id); // saved again under its name: replaced, not added
    const auto found = views.find(QStringLiteral("LR SWEEP"), &error);
    QVERIFY(found);
    QCOMPARE(found->spec.value(QStringLiteral("smoothing")).toDouble(), 0.9);
    QCOMPARE(views.list().size(), 1);
    QVERIFY(views.remove(QStringLiteral("lr sweep"), &error));
    QVERIFY(!views.remove(QStringLiteral("lr sweep"), &error));
    QVERIFY(error.contains(QStringLiteral("lr sweep")));
}

void TestRunsTableModel::loaderAppendsOnlyNewPoints()
{
    const Id run = addRun(*m_ws, QStringLiteral("nan"));
    const Id series = addSeries(*m_ws, run, QStringLiteral("x"), 10,
                                [](int step, Id) { return step == 3 ? qQNaN() : double(step); });
    SeriesLoader loader(*m_ws);
    QString error;
    const SeriesArrays *a = loader.series(series, &error);
    QVERIFY2(a, qPrintable(error));
    QCOMPARE(a->size(), 10);
    QVERIFY(std::isnan(a->value.at(3)));
    PointBlockWriter writer(m_ws->database());
    QVERIFY(writer.append(series, 10, 10, 1.0, 42, &error));
    QVERIFY(writer.flush(&error));
    bool grew = false;
    QVERIFY(loader.refresh(series, &grew, &error));
    QVERIFY(grew);
    QCOMPARE(loader.cached(series)->value.last(), 42.0);
    QVERIFY(loader.refresh(series, &grew, &error));
    QVERIFY(!grew);
}

void TestRunsTableModel::durations_data()
{
    QTest::addColumn<qint64>("ms");
    QTest::addColumn<QString>("text");
    QTest::newRow("sub-second") << qint64(567) << QStringLiteral("0.6 s");
    QTest::newRow("seconds") << qint64(42'900) << QStringLiteral("42 s");
    QTest::newRow("minutes") << qint64(185'000) << QStringLiteral("3 min 05 s");
    QTest::newRow("hours") << qint64(7'620'000) << QStringLiteral("2 h 07 min");
    QTest::newRow("clock skew") << qint64(-5) << QStringLiteral("0.0 s");
}

void TestRunsTableModel::durations()
{
    QFETCH(qint64, ms);
    QFETCH(QString, text);
    QCOMPARE(durationText(ms), text);
}

void TestRunsTableModel::emaIsDebiased()
{
    const QVector<double> values{1, 1, 1, qQNaN(), 1};
    const QVector<double> s = Smoothing::ema(values, 0.9);
    QCOMPARE(s.at(0), 1.0); // no pull towards zero at the start
    QVERIFY(qFuzzyCompare(s.at(2), 1.0));
    QVERIFY(std::isnan(s.at(3)));
    QCOMPARE(Smoothing::ema(values, 0).at(4), 1.0);
    QVector<double> many;
    for (int i = 0; i < 1000; ++i)
        many << (i == 500 ? 1e9 : double(i % 10));
    const auto [lo, hi] =
        Smoothing::percentileRange(many.constData(), many.constData() + many.size(), 1, 99);
    QCOMPARE(lo, 0.0);
    QCOMPARE(hi, 9.0); // the spike is an outlier
}

QTEST_GUILESS_MAIN(TestRunsTableModel)
#include "tst_runstablemodel.moc"
