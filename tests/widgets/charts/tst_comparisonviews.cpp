#include "chartfixture.h"
#include "charts/chartlegend.h"
#include "charts/comparisontab.h"
#include "charts/metricchartview.h"
#include "charts/metricvaluesview.h"
#include "charts/parallelcoordinates.h"
#include "charts/paramscatter.h"
#include "cli.h"
#include "items/runstablemodel.h"
#include "metrics/metrics.h"
#include "metrics/runaggregate.h"
#include "metrics/seriesloader.h"
#include "runs/runfolder.h"
#include "runs/runstableview.h"
#include "runs/savedviewslist.h"
#include "store/savedviews.h"

#include <QAreaSeries>
#include <QChartView>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QImage>
#include <QLabel>
#include <QLineSeries>
#include <QListView>
#include <QListWidget>
#include <QMenu>
#include <QScatterSeries>
#include <QSettings>
#include <QSignalSpy>
#include <QSqlQuery>
#include <QStandardItemModel>
#include <QTabWidget>
#include <QTableView>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QTextStream>
#include <QToolButton>

using namespace mlwb;
using namespace mlwb::testing;

/// Aggregate mean/min/max, exported legends, non-scalar metric values,
/// parallel coordinates, the parameter scatter and saved views.
class TestComparisonViews : public QObject
{
    Q_OBJECT
private slots:
    void initTestCase();
    void init();
    void cleanup();
    void aggregateByStep();
    void aggregateInTab();
    void exportsNameEveryRun();
    void cliExportHasLegend();
    void nonScalarValues();
    void parallelCoordinatesAndScatter();
    void parallelCoordinatesAxesChosen();
    void scatterStartsFromAVaryingParameter();
    void runsTableColumnsChosen();
    void savedViewsOpenAndDelete();

private:
    Id addValues(Id runId, const QString &name, const char *kind, const QStringList &values);
    static int countColor(const QImage &image, const QRect &rect, QColor color);

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QList<Id> m_runs;
    QTemporaryDir m_settings; // the views remember columns and axes here, not in $HOME
};

namespace {
// The action whose data is key, in menu or its submenus.
QAction *findAction(QMenu *menu, const QVariant &key)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions) {
        if (action->data() == key)
            return action;
        if (action->menu())
            if (QAction *found = findAction(action->menu(), key))
                return found;
    }
    return nullptr;
}

QAction *findText(QMenu *menu, const QString &text)
{
    const QList<QAction *> actions = menu->actions();
    for (QAction *action : actions)
        if (action->text() == text)
            return action;
    return nullptr;
}
} // namespace

void TestComparisonViews::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_settings.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, m_settings.path());
}

// value = step + run id: the mean over runs 1..3 is step + 2, min step + 1, max step + 3.
static double linear(int step, Id run)
{
    return step + double(run);
}

void TestComparisonViews::init()
{
    QSettings(QStringLiteral("mlwb"), QStringLiteral("mlwb")).clear();
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->path() + QStringLiteral("/ws"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_runs.clear();
    for (int i = 0; i < 3; ++i) {
        const Id run =
            addRun(*m_ws, QStringLiteral("mnist"),
                   {QStringLiteral("--lr"), QString::number(0.1 / (i + 1)), QStringLiteral("--opt"),
                    i == 1 ? QStringLiteral("adam") : QStringLiteral("sgd")});
        addSeries(*m_ws, run, QStringLiteral("loss"), 100 + 50 * i, linear);
        addSeries(*m_ws, run, QStringLiteral("accuracy"), 300, accuracyCurve);
        m_runs << run;
    }
    QCOMPARE(m_runs, (QList<Id>{1, 2, 3}));
}

void TestComparisonViews::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

Id TestComparisonViews::addValues(Id runId, const QString &name, const char *kind,
                                  const QStringList &values)
{
    QSqlQuery q(m_ws->database());
    q.prepare(
        QStringLiteral("INSERT INTO metric_series(run_id, name, kind, count) VALUES (?, ?, ?, ?)"));
    q.addBindValue(runId);
    q.addBindValue(name);
    q.addBindValue(QString::fromLatin1(kind));
    q.addBindValue(values.size());
    if (!q.exec())
        return 0;
    const Id series = q.lastInsertId().toLongLong();
    for (int i = 0; i < values.size(); ++i) {
        QSqlQuery p(m_ws->database());
        p.prepare(QStringLiteral("INSERT INTO metric_values VALUES (?, ?, ?, ?, ?)"));
        for (const QVariant &v : {QVariant(series), QVariant(i), QVariant(i * 10),
                                  QVariant(1.7e9 + i), QVariant(values.at(i))})
            p.addBindValue(v);
        if (!p.exec())
            return 0;
    }
    return series;
}

int TestComparisonViews::countColor(const QImage &image, const QRect &rect, QColor color)
{
    int n = 0;
    for (int y = rect.top(); y <= rect.bottom(); ++y)
        for (int x = rect.left(); x <= rect.right(); ++x)
            if (image.pixelColor(x, y).rgb() == color.rgb())
                ++n;
    return n;
}

void TestComparisonViews::aggregateByStep()
{
    // Run a: steps 0 1 2; run b: steps 1 2 3 with a NaN at 2 and step 3 logged twice.
    const double ax[] = {0, 1, 2}, ay[] = {1, 2, 3};
    const double bx[] = {1, 2, 3, 3}, by[] = {5, qQNaN(), 6, 7};
    const AggregateSeries a = RunAggregate::byStep({{ax, ay, 3}, {bx, by, 4}});
    QCOMPARE(a.step, (QVector<double>{0, 1, 2, 3}));
    QCOMPARE(a.mean, (QVector<double>{1, 3.5, 3, 7}));
    QCOMPARE(a.min, (QVector<double>{1, 2, 3, 7}));
    QCOMPARE(a.max, (QVector<double>{1, 5, 3, 7}));
    QCOMPARE(a.count, (QVector<int>{1, 2, 1, 1}));
    QCOMPARE(RunAggregate::byStep(QList<RunAggregate::Input>{}).size(), 0);

    // From the store: runs of 100, 150 and 200 steps.
    SeriesLoader loader(*m_ws);
    QList<const SeriesArrays *> arrays;
    const Metrics metrics(*m_ws);
    for (Id run : std::as_const(m_runs))
        arrays << loader.series(metrics.find(run, QStringLiteral("loss"))->id, nullptr);
    const AggregateSeries s = RunAggregate::byStep(arrays);
    QCOMPARE(s.size(), 200);
    QCOMPARE(s.mean.at(10), 12.0); // (11 + 12 + 13) / 3
    QCOMPARE(s.min.at(10), 11.0);
    QCOMPARE(s.max.at(10), 13.0);
    QCOMPARE(s.mean.at(120), 122.5); // runs 2 and 3 only
    QCOMPARE(s.count.at(120), 2);
    QCOMPARE(s.mean.at(199), 202.0); // run 3 alone
}

void TestComparisonViews::aggregateInTab()
{
    ComparisonTab tab(*m_ws);
    tab.resize(1300, 800);
    QString error;
    QVERIFY2(tab.setComparison(m_runs, {}, &error), qPrintable(error));
    ChartOptions o;
    o.xMode = XAxisMode::WallTime;
    tab.setOptions(o);
    tab.findChild<QCheckBox *>(QStringLiteral("aggregate"))->setChecked(true);
    QVERIFY(tab.isAggregate());
    QCOMPARE(tab.options().xMode, XAxisMode::Step); // aligned by step
    MetricChartView *loss = tab.panels().at(1);
    QCOMPARE(loss->metric(), QStringLiteral("loss"));
    QVERIFY(loss->isAggregate());
    QVERIFY(loss->lineSeries().isEmpty()); // no per-run lines
    QVERIFY(loss->bandSeries()->isVisible());
    QCOMPARE(loss->meanSeries()->count(), 200); // 200 steps fit the width
    for (const QPointF &p : loss->meanSeries()->points()) {
        const double expected = p.x() < 100 ? p.x() + 2 : p.x() < 150 ? p.x() + 2.5 : p.x() + 3;
        QCOMPARE(p.y(), expected);
    }
    const QList<QPointF> lower = loss->bandSeries()->lowerSeries()->points();
    const QList<QPointF> upper = loss->bandSeries()->upperSeries()->points();
    QCOMPARE(lower.at(10), QPointF(10, 11));
    QCOMPARE(upper.at(10), QPointF(10, 13));
    // Hiding a run in the legend leaves it out of the mean.
    auto *legend = tab.findChild<QListWidget *>(QStringLiteral("legend"));
    legend->item(2)->setCheckState(Qt::Unchecked);
    QCOMPARE(loss->meanSeries()->count(), 150);
    QCOMPARE(loss->meanSeries()->at(10).y(), 11.5);
    legend->item(2)->setCheckState(Qt::Checked);
    // Saved with the view; off again: lines are back.
    QVERIFY(tab.viewSpec().value(QStringLiteral("aggregate")).toBool());
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(tab.grab().save(QStringLiteral("/tmp/comparison_aggregate.png")));
    tab.setAggregate(false);
    QCOMPARE(loss->lineSeries().size(), 3);
    QVERIFY(!loss->bandSeries()->isVisible());
}

void TestComparisonViews::exportsNameEveryRun()
{
    ComparisonTab tab(*m_ws);
    tab.resize(1200, 700);
    QString error;
    QVERIFY(tab.setComparison(m_runs, {QStringLiteral("loss")}, &error));
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    const QString png = m_dir->path() + QStringLiteral("/tab.png");
    const QString svg = m_dir->path() + QStringLiteral("/tab.svg");
    QVERIFY2(tab.exportImage(png, &error), qPrintable(error));
    QVERIFY2(tab.exportImage(svg, &error), qPrintable(error));
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    const QImage image(png);
    const QSize grid =
        tab.findChild<QWidget *>(QStringLiteral("metricChart"))->parentWidget()->size();
    QVERIFY(image.height() > grid.height());
    const QRect legend(0, grid.height(), image.width(), image.height() - grid.height());
    for (int i = 0; i < m_runs.size(); ++i) {
        const QString name = Runs(*m_ws).find(m_runs.at(i))->displayName;
        QVERIFY2(!name.isEmpty() && text.contains(name.toUtf8()), qPrintable(name));
        QVERIFY(countColor(image, legend, ComparisonTab::runColor(i)) > 20);
    }
    image.save(QStringLiteral("/tmp/comparison_export.png"));

    // One panel alone: the legend is inside the requested size.
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    QList<ChartRun> runs;
    for (int i = 0; i < m_runs.size(); ++i)
        runs.append(
            {m_runs.at(i), QStringLiteral("name %1").arg(i), ComparisonTab::runColor(i), 0});
    QVERIFY(view.setRuns(runs, &error));
    const QString one = m_dir->path() + QStringLiteral("/one.png");
    QVERIFY2(view.saveImage(one, QSize(640, 480), &error), qPrintable(error));
    const QImage panel(one);
    QCOMPARE(panel.size(), QSize(640, 480));
    const int h = ChartLegend::height(runs, 640, view.font());
    QVERIFY(h > 0);
    QVERIFY(countColor(panel, QRect(0, 480 - h, 640, h), ComparisonTab::runColor(2)) > 20);
}

void TestComparisonViews::cliExportHasLegend()
{
    const QString svg = m_dir->path() + QStringLiteral("/cli.svg");
    QStringList args = {QStringLiteral("chart"),       QStringLiteral("export"),
                        QStringLiteral("--workspace"), m_ws->path(),
                        QStringLiteral("--metric"),    QStringLiteral("loss"),
                        QStringLiteral("--out"),       svg};
    QStringList names;
    for (Id run : std::as_const(m_runs)) {
        const auto found = Runs(*m_ws).find(run);
        args << QStringLiteral("--run") << found->uid;
        names << found->displayName; // as the GUI's legend names them
        QVERIFY(!names.constLast().isEmpty());
    }
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    QCOMPARE(runCommandLine(args, out, err), 0);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray text = file.readAll();
    for (const QString &name : std::as_const(names))
        QVERIFY2(text.contains(name.toUtf8()), qPrintable(name));
}

void TestComparisonViews::nonScalarValues()
{
    const Id run = m_runs.first();
    QVERIFY(addValues(run, QStringLiteral("note"), "string",
                      {QStringLiteral("hello"), QStringLiteral("world")}));
    QVERIFY(addValues(run, QStringLiteral("probs"), "list",
                      {QStringLiteral("[0.1, 0.9]"), QStringLiteral("[0.3, 0.7]"),
                       QStringLiteral("[0.5, 0.5]")}));
    QVERIFY(addValues(
        run, QStringLiteral("lrs"), "row",
        {QStringLiteral("{\"a\": 1, \"b\": 2}"), QStringLiteral("{\"a\": 3, \"b\": 4}")}));
    QVERIFY(
        addValues(run, QStringLiteral("confusion"), "table",
                  {QStringLiteral("{\"x\": [1], \"y\": [2]}"),
                   QStringLiteral("{\"x\": [5, 6, 7], \"label\": [\"cat\", \"dog\", \"eel\"]}")}));
    const QString uid = Runs(*m_ws).find(run)->uid;
    const RunFolder folder(m_ws->folder(Workspace::Folder::Runs), uid);
    QVERIFY(QDir().mkpath(folder.root() + QStringLiteral("/images")));
    QImage picture(300, 200, QImage::Format_RGB32);
    picture.fill(Qt::red);
    QVERIFY(picture.save(folder.root() + QStringLiteral("/images/a.png")));
    QVERIFY(addValues(run, QStringLiteral("samples"), "image",
                      {QStringLiteral("images/a.png"), QStringLiteral("images/missing.png")}));
    QVERIFY(addValues(run, QStringLiteral("sizes"), "list", {QStringLiteral("[1, 4, 9]")}));

    ComparisonTab tab(*m_ws);
    QString error;
    QVERIFY2(tab.setComparison(m_runs, {}, &error), qPrintable(error));
    MetricValuesView *view = tab.valuesView();
    QCOMPARE(tab.panels().size(), 2); // scalars only in the charts
    QCOMPARE(view->metricNames().size(), 6);
    QVERIFY(view->findChild<QComboBox *>(QStringLiteral("valuesRun"))->isVisibleTo(view));
    QVERIFY2(view->showMetric(run, QStringLiteral("note"), &error), qPrintable(error));
    QCOMPARE(view->currentPage(), view->stringTable());
    QCOMPARE(view->stringTable()->rowCount(), 2);
    QCOMPARE(view->stringTable()->item(1, 0)->text(), QStringLiteral("10"));
    QCOMPARE(view->stringTable()->item(1, 2)->text(), QStringLiteral("world"));
    QVERIFY(view->showMetric(run, QStringLiteral("probs"), &error));
    QCOMPARE(view->currentPage(), view->lineChart());
    QList<QAbstractSeries *> lines = view->lineChart()->chart()->series();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(static_cast<QLineSeries *>(lines.at(1))->points(),
             (QList<QPointF>{{0, 0.9}, {10, 0.7}, {20, 0.5}}));
    QVERIFY(view->showMetric(run, QStringLiteral("lrs"), &error));
    lines = view->lineChart()->chart()->series();
    QCOMPARE(lines.size(), 2);
    QCOMPARE(lines.first()->name(), QStringLiteral("a"));
    QCOMPARE(static_cast<QLineSeries *>(lines.first())->points(),
             (QList<QPointF>{{0, 1}, {10, 3}}));
    QVERIFY(view->showMetric(run, QStringLiteral("confusion"), &error));
    QCOMPARE(view->currentPage(), view->tableView());
    QAbstractItemModel *table = view->tableView()->model();
    QCOMPARE(table->rowCount(), 3); // the newest value
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->headerData(0, Qt::Horizontal).toString(), QStringLiteral("label"));
    QCOMPARE(table->index(2, 0).data().toString(), QStringLiteral("eel"));
    QCOMPARE(table->index(1, 1).data().toString(), QStringLiteral("6"));
    QVERIFY(view->showMetric(run, QStringLiteral("samples"), &error));
    QCOMPARE(view->currentPage(), view->imageList());
    QCOMPARE(view->imageList()->viewMode(), QListView::IconMode);
    QCOMPARE(view->imageModel()->rowCount(), 2);
    QVERIFY(!view->imageModel()->item(0)->icon().isNull());
    QVERIFY(view->imageModel()->item(1)->text().contains(QStringLiteral("missing")));
    QWidget *dialog = view->imageDialog(0);
    QCOMPARE(dialog->findChild<QLabel *>(QStringLiteral("fullImage"))->pixmap().size(),
             QSize(300, 200));
    delete dialog;
    QVERIFY(!view->showMetric(run, QStringLiteral("nope"), &error));
    QVERIFY(!error.isEmpty());

    // A list logged once is drawn over its elements; points on request.
    QVERIFY2(view->showMetric(run, QStringLiteral("sizes"), &error), qPrintable(error));
    QCOMPARE(view->currentMetric(), QStringLiteral("sizes"));
    QChart *chart = view->lineChart()->chart();
    QCOMPARE(chart->series().size(), 1);
    QCOMPARE(chart->series().first()->type(), QAbstractSeries::SeriesTypeLine);
    QCOMPARE(static_cast<QLineSeries *>(chart->series().first())->points(),
             (QList<QPointF>{{0, 1}, {1, 4}, {2, 9}}));
    QCOMPARE(chart->axes(Qt::Horizontal).first()->titleText(), QStringLiteral("element"));
    auto *style = view->findChild<QComboBox *>(QStringLiteral("valuesStyle"));
    QVERIFY(style->isVisibleTo(view)); // for charts only
    view->setScatter(true);
    QCOMPARE(chart->series().first()->type(), QAbstractSeries::SeriesTypeScatter);
    QCOMPARE(static_cast<QScatterSeries *>(chart->series().first())->count(), 3);
    QVERIFY(view->showMetric(run, QStringLiteral("lrs"), &error));
    QCOMPARE(chart->series().first()->type(), QAbstractSeries::SeriesTypeScatter);
    QCOMPARE(chart->axes(Qt::Horizontal).first()->titleText(), QStringLiteral("step"));
    view->setScatter(false);
    QCOMPARE(chart->series().first()->type(), QAbstractSeries::SeriesTypeLine);
    QVERIFY(view->showMetric(run, QStringLiteral("note"), &error));
    QVERIFY(!style->isVisibleTo(view));

    // New values: re-read, still on the chosen metric.
    QVERIFY(addValues(run, QStringLiteral("late"), "string", {QStringLiteral("x")}));
    view->refresh();
    QCOMPARE(view->currentMetric(), QStringLiteral("note"));
    QVERIFY(view->metricNames().contains(QStringLiteral("late")));

    // One run: nothing to choose.
    MetricValuesView single(*m_ws);
    single.setRuns({ChartRun{run, QStringLiteral("one"), Qt::red, 0}});
    QVERIFY(!single.findChild<QComboBox *>(QStringLiteral("valuesRun"))->isVisibleTo(&single));
    QCOMPARE(single.metricNames().size(), 7);
}

void TestComparisonViews::parallelCoordinatesAndScatter()
{
    ComparisonTab tab(*m_ws);
    QString error;
    QVERIFY2(tab.setComparison(m_runs, {}, &error), qPrintable(error));
    ParallelCoordinates *pc = tab.parallelCoordinates();
    QCOMPARE(pc->axisKeys(),
             (QStringList{QStringLiteral("params.lr"), QStringLiteral("params.opt"),
                          QStringLiteral("metrics.accuracy"), QStringLiteral("metrics.loss")}));
    QCOMPARE(pc->runCount(), 3);
    QCOMPARE(pc->normalized(0, 0), 1.0); // lr 0.1: the top
    QCOMPARE(pc->normalized(0, 2), 0.0); // lr 0.0333: the bottom
    QCOMPARE(pc->maxLabel(0), QStringLiteral("0.1"));
    QCOMPARE(pc->minLabel(1), QStringLiteral("adam")); // text: categories
    QCOMPARE(pc->normalized(1, 1), 0.0);
    QCOMPARE(pc->normalized(1, 0), 1.0);
    QCOMPARE(pc->normalized(3, 1), 0.5); // last loss 99+1, 149+2, 199+3
    tab.resize(1100, 600);
    tab.pages()->setCurrentWidget(pc);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(pc->grab().save(QStringLiteral("/tmp/parallel_coordinates.png")));

    ParamScatter *scatter = tab.paramScatter();
    QVERIFY(scatter->setAxes(QStringLiteral("params.lr"), QStringLiteral("metrics.loss")));
    QList<QScatterSeries *> series = scatter->series();
    QCOMPARE(series.size(), 3);
    QCOMPARE(series.at(0)->at(0), QPointF(0.1, 100));
    QCOMPARE(series.at(2)->color(), ComparisonTab::runColor(2));
    QVERIFY(!scatter->setAxes(QStringLiteral("params.nope"), QStringLiteral("metrics.loss")));
    // Text parameters cannot be placed: no points.
    QVERIFY(scatter->setAxes(QStringLiteral("params.opt"), QStringLiteral("metrics.loss")));
    QCOMPARE(scatter->series().size(), 0);
    tab.pages()->setCurrentWidget(scatter);
    QVERIFY(scatter->setAxes(QStringLiteral("params.lr"), QStringLiteral("metrics.loss")));
    QTest::qWait(50); // the chart lays out from the event loop
    QVERIFY(tab.grab().save(QStringLiteral("/tmp/param_scatter.png")));
}

// `epochs` comes first but is 3 for every run: x starts from `lr`, which varies.
void TestComparisonViews::scatterStartsFromAVaryingParameter()
{
    QList<Id> runs;
    for (int i = 0; i < 3; ++i) {
        const Id run = addRun(*m_ws, QStringLiteral("sweep"),
                              {QStringLiteral("--epochs"), QStringLiteral("3"),
                               QStringLiteral("--lr"), QString::number(0.01 * (i + 1))});
        addSeries(*m_ws, run, QStringLiteral("loss"), 10, linear);
        runs << run;
    }
    ComparisonTab tab(*m_ws);
    QString error;
    QVERIFY2(tab.setComparison(runs, {}, &error), qPrintable(error));
    ParamScatter *scatter = tab.paramScatter();
    QCOMPARE(scatter->xCombo()->findData(QStringLiteral("params.epochs")), 0);
    QCOMPARE(scatter->xCombo()->currentData().toString(), QStringLiteral("params.lr"));
    // Other tests' runs share the workspace: Y is chosen, X stays as it started.
    QVERIFY(scatter->setAxes(QStringLiteral("params.lr"), QStringLiteral("metrics.loss")));
    QCOMPARE(scatter->series().size(), 3);
    QCOMPARE(scatter->series().at(1)->at(0).x(), 0.02);
}

void TestComparisonViews::parallelCoordinatesAxesChosen()
{
    ComparisonTab tab(*m_ws);
    QString error;
    QVERIFY2(tab.setComparison(m_runs, {}, &error), qPrintable(error));
    ParallelCoordinates *pc = tab.parallelCoordinates();
    const QStringList defaults = pc->axisKeys();
    for (const char *key : {"params.lr", "params.opt", "metrics.loss", "metrics.loss.min",
                            "metrics.loss.max", "duration"})
        QVERIFY2(pc->availableAxes().contains(QLatin1String(key)), key);
    QCOMPARE(pc->availableAxes().first(), QStringLiteral("params.lr")); // parameters first

    // From the Axes menu: checked as shown, toggled without closing it.
    QMenu *menu = pc->axesButton()->menu();
    Q_EMIT menu->aboutToShow(); // fills it
    QAction *opt = findAction(menu, QStringLiteral("params.opt"));
    QAction *max = findAction(menu, QStringLiteral("metrics.loss.max"));
    QVERIFY(opt && max);
    QVERIFY(opt->isChecked());
    QVERIFY(!max->isChecked());
    QCOMPARE(max->text(), QStringLiteral("loss (max)"));
    QCOMPARE(findAction(menu, QStringLiteral("metrics.loss"))->text(),
             QStringLiteral("loss (last)"));
    opt->trigger();
    max->trigger();
    const QStringList chosen{QStringLiteral("params.lr"), QStringLiteral("metrics.accuracy"),
                             QStringLiteral("metrics.loss"), QStringLiteral("metrics.loss.max")};
    QCOMPARE(pc->axisKeys(), chosen);
    QCOMPARE(pc->axisTitles(), chosen);  // as the runs filter names them, on every axis
    QCOMPARE(pc->normalized(3, 2), 1.0); // the largest loss: run 3's, 199 + 3

    // Remembered by the next comparison, whose runs also log an "lr" metric.
    addSeries(*m_ws, m_runs.first(), QStringLiteral("lr"), 5, linear);
    ComparisonTab other(*m_ws);
    QVERIFY(other.setComparison(m_runs, {}, &error));
    ParallelCoordinates *next = other.parallelCoordinates();
    QCOMPARE(next->axisKeys(),
             (QStringList{QStringLiteral("params.lr"), QStringLiteral("metrics.accuracy"),
                          QStringLiteral("metrics.loss"), QStringLiteral("metrics.loss.max"),
                          QStringLiteral("metrics.lr")}));
    QCOMPARE(next->axisTitles(), next->axisKeys()); // "params.lr" and "metrics.lr"
    other.resize(1100, 600);
    other.pages()->setCurrentWidget(next);
    other.show();
    QVERIFY(QTest::qWaitForWindowExposed(&other));
    QVERIFY(next->grab().save(QStringLiteral("/tmp/parallel_coordinates_axes.png")));

    // Back to the defaults; nothing shown says how to get axes back.
    Q_EMIT menu->aboutToShow();
    findText(menu, QStringLiteral("Default Axes"))->trigger();
    QCOMPARE(pc->axisKeys(), defaults);
    for (const QString &key : defaults)
        pc->setAxisShown(key, false);
    QVERIFY(pc->axisKeys().isEmpty());
    pc->resetAxes();
    QCOMPARE(pc->axisKeys(), defaults);
}

void TestComparisonViews::runsTableColumnsChosen()
{
    RunsTableView view(*m_ws);
    QString error;
    QVERIFY2(view.setExperiment(0, &error), qPrintable(error));
    auto shown = [](const RunsTableView &v, const char *key) {
        const int column = v.model()->columnOf(QLatin1String(key));
        return column >= 0 && !v.table()->isColumnHidden(column);
    };
    // By default each metric's last value; its min and max are in the menu.
    QVERIFY(shown(view, "metrics.loss"));
    QVERIFY(shown(view, "params.lr"));
    QVERIFY(!shown(view, "metrics.loss.min"));
    QVERIFY(!shown(view, "metrics.loss.max"));
    QVERIFY(!shown(view, "created"));
    QMenu *menu = view.findChild<QToolButton *>(QStringLiteral("columns"))->menu();
    QVERIFY(menu);
    Q_EMIT menu->aboutToShow();
    QStringList groups;
    for (QAction *action : menu->actions())
        if (action->menu())
            groups << action->text();
    QCOMPARE(groups, (QStringList{QStringLiteral("Parameters"), QStringLiteral("Metrics")}));
    QAction *min = findAction(menu, QStringLiteral("metrics.loss.min"));
    QVERIFY(min);
    QCOMPARE(min->text(), QStringLiteral("loss (min)"));
    QVERIFY(!min->isChecked());
    min->trigger();
    findAction(menu, QStringLiteral("params.lr"))->trigger();
    QVERIFY(shown(view, "metrics.loss.min"));
    QVERIFY(!shown(view, "params.lr"));

    // Remembered by key; a metric logged since starts with the default columns.
    addSeries(*m_ws, m_runs.first(), QStringLiteral("f1"), 10, accuracyCurve);
    RunsTableView again(*m_ws);
    QVERIFY(again.setExperiment(0, &error));
    QVERIFY(shown(again, "metrics.loss.min"));
    QVERIFY(!shown(again, "params.lr"));
    QVERIFY(!shown(again, "metrics.loss.max"));
    QVERIFY(shown(again, "metrics.f1"));
    QVERIFY(!shown(again, "metrics.f1.min"));

    // Sorting a summary column sorts numbers.
    const int column = again.model()->columnOf(QStringLiteral("metrics.loss.max"));
    again.table()->sortByColumn(column, Qt::DescendingOrder);
    QCOMPARE(again.table()->model()->index(0, column).data(RunsTableModel::SortRole).toDouble(),
             199.0 + 3);

    // Default Columns forgets the choice.
    QMenu *againMenu = again.findChild<QToolButton *>(QStringLiteral("columns"))->menu();
    Q_EMIT againMenu->aboutToShow();
    findText(againMenu, QStringLiteral("Default Columns"))->trigger();
    QVERIFY(!shown(again, "metrics.loss.min"));
    QVERIFY(shown(again, "params.lr"));
    QSettings settings(QStringLiteral("mlwb"), QStringLiteral("mlwb"));
    QVERIFY(!settings.contains(QStringLiteral("runsTable/shownColumns")));

    // Double-click a run to open it.
    QSignalSpy open(&again, &RunsTableView::openRunRequested);
    const QModelIndex first = again.table()->model()->index(0, 0);
    Q_EMIT again.table()->activated(first);
    QCOMPARE(open.size(), 1);
    QCOMPARE(open.first().first().toLongLong(), first.data(RunsTableModel::RunIdRole).toLongLong());
}

void TestComparisonViews::savedViewsOpenAndDelete()
{
    ComparisonTab source(*m_ws);
    QString error;
    QVERIFY(source.setComparison(m_runs.mid(0, 2), {QStringLiteral("loss")}, &error));
    SavedView view{0, QStringLiteral("two runs"), source.viewSpec(), {}, {}};
    QVERIFY2(SavedViews(*m_ws).save(&view, &error), qPrintable(error));

    ComparisonTab tab(*m_ws);
    QVERIFY(tab.setComparison(m_runs, {}, &error));
    SavedViewsList *list = tab.savedViewsList();
    QVERIFY2(list->reload(&error), qPrintable(error));
    QCOMPARE(list->names(), QStringList{QStringLiteral("two runs")});
    QVERIFY2(list->open(QStringLiteral("two runs"), &error), qPrintable(error));
    QCOMPARE(tab.runIds(), m_runs.mid(0, 2));
    QCOMPARE(tab.metrics(), QStringList{QStringLiteral("loss")});
    QVERIFY(!list->open(QStringLiteral("missing"), &error));
    QVERIFY(!error.isEmpty());
    QVERIFY2(list->remove(QStringLiteral("two runs"), &error), qPrintable(error));
    QVERIFY(list->names().isEmpty());
    QVERIFY(SavedViews(*m_ws).list().isEmpty());
}

QTEST_MAIN(TestComparisonViews)
#include "tst_comparisonviews.moc"
