#include "changewatcher.h"
#include "chartfixture.h"
#include "cli.h"
#include "comparisontab.h"
#include "metricchartview.h"
#include "metricingestor.h"
#include "metrics.h"
#include "runstablemodel.h"
#include "runstableview.h"
#include "seriesloader.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QElapsedTimer>
#include <QFile>
#include <QImage>
#include <QLineSeries>
#include <QListWidget>
#include <QLogValueAxis>
#include <QSettings>
#include <QSlider>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>
#include <QValueAxis>

using namespace mlwb;
using namespace mlwb::testing;

/// The chart panel and tab under offscreen: lines, axes, smoothing, live
/// growth, export, and the CLI twin.
class TestMetricChart : public QObject
{
    Q_OBJECT
private slots:
    void init();
    void cleanup();
    void panelDrawsOneLinePerRun();
    void decimatesLongSeries();
    void axisModes();
    void smoothingAddsFaintRawLine();
    void liveGrowthAppends();
    void tabRefreshesAtOnceThenCoalesces();
    void zoomStopsFollowing();
    void tabLegendAndExport();
    void cliExportsPngAndSvg();
    void runsTableFilterAndCompare();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QList<Id> m_runs;
};

void TestMetricChart::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    QString error;
    m_ws = Workspace::create(m_dir->path() + QStringLiteral("/ws"), &error);
    QVERIFY2(m_ws, qPrintable(error));
    m_runs.clear();
    for (int i = 0; i < 3; ++i) {
        const Id run = addRun(*m_ws, QStringLiteral("mnist"),
                              {QStringLiteral("--lr"), QString::number(0.1 / (i + 1))});
        addSeries(*m_ws, run, QStringLiteral("loss"), 300, lossCurve);
        addSeries(*m_ws, run, QStringLiteral("accuracy"), 300, accuracyCurve);
        m_runs << run;
    }
}

void TestMetricChart::cleanup()
{
    m_ws.reset();
    m_dir.reset();
}

static QList<ChartRun> chartRuns(const QList<Id> &ids)
{
    QList<ChartRun> out;
    for (int i = 0; i < ids.size(); ++i)
        out.append({ids.at(i), QStringLiteral("run%1").arg(i), ComparisonTab::runColor(i), 1.7e9});
    return out;
}

void TestMetricChart::panelDrawsOneLinePerRun()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    QVERIFY(view.setRuns(chartRuns(m_runs), nullptr));
    QCOMPARE(view.lineSeries().size(), 3);
    // 300 points fit 800 pixels: drawn as they are.
    QCOMPARE(view.lineSeries().first()->count(), 300);
    view.setRunVisible(m_runs.at(1), false);
    QCOMPARE(view.lineSeries().size(), 2);
}

void TestMetricChart::decimatesLongSeries()
{
    const Id run = addRun(*m_ws, QStringLiteral("long"));
    addSeries(*m_ws, run, QStringLiteral("noise"), 200000,
              [](int step, Id) { return step == 123457 ? 1000.0 : std::sin(step * 0.001); });
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("noise"));
    view.resize(400, 300);
    view.setRuns(chartRuns({run}), nullptr);
    QLineSeries *line = view.lineSeries().first();
    QVERIFY(line->count() <= 4 * 400 + 2);
    // The spike survives decimation and the y axis reaches it.
    QCOMPARE(static_cast<QValueAxis *>(view.yAxis())->max() >= 1000, true);
    // Zooming in re-decimates from the full data: real points come back.
    view.zoomTo(123400, 123500);
    QVERIFY(line->count() >= 100);
    QVERIFY(!view.isFollowing());
}

void TestMetricChart::axisModes()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.setRuns(chartRuns(m_runs), nullptr);
    ChartOptions o;
    o.xMode = XAxisMode::WallTime;
    view.setOptions(o);
    QVERIFY(qobject_cast<QDateTimeAxis *>(view.xAxis()));
    o.xMode = XAxisMode::RelativeTime;
    view.setOptions(o);
    // 300 s of points: minutes.
    QCOMPARE(view.xAxis()->titleText(), QStringLiteral("minutes since start"));
    QVERIFY(static_cast<QValueAxis *>(view.xAxis())->max() <= 5.01);
    o.xMode = XAxisMode::Metric;
    o.xMetric = QStringLiteral("accuracy");
    view.setOptions(o);
    QCOMPARE(view.lineSeries().size(), 3);
    QVERIFY(static_cast<QValueAxis *>(view.xAxis())->max() <= 1.0);
    o = ChartOptions();
    o.logY = true;
    view.setOptions(o);
    QVERIFY(qobject_cast<QLogValueAxis *>(view.yAxis()));
}

void TestMetricChart::smoothingAddsFaintRawLine()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.setRuns(chartRuns(m_runs), nullptr);
    ChartOptions o;
    o.smoothing = 0.9;
    view.setOptions(o);
    QCOMPARE(view.lineSeries().size(), 6);
    QVERIFY(view.lineSeries().at(1)->pen().color().alphaF() < 0.5);
}

void TestMetricChart::liveGrowthAppends()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.setRuns(chartRuns(m_runs.mid(0, 1)), nullptr);
    // 300 more points arrive: the same curve again, 300 steps later.
    const auto series = Metrics(*m_ws).find(m_runs.first(), QStringLiteral("loss"));
    QVERIFY(series);
    QVector<MetricPoint> points;
    QVERIFY(Metrics(*m_ws).points(series->id, 0, -1, &points, nullptr));
    PointBlockWriter writer(m_ws->database());
    for (qsizetype i = 0; i < points.size(); ++i)
        QVERIFY(writer.append(series->id, 300 + i, points[i].step + 300, points[i].time + 300,
                              points[i].value, nullptr));
    QVERIFY(writer.flush(nullptr));
    QVERIFY(view.refresh(nullptr));
    QCOMPARE(view.lineSeries().first()->count(), 600);
    QVERIFY(static_cast<QValueAxis *>(view.xAxis())->max() >= 599);
}

// Stores loss points for steps from..to-1 the way a supervisor does.
static bool appendLoss(MetricIngestor *ingestor, qint64 from, qint64 to)
{
    QList<MetricTail::Line> lines;
    for (qint64 step = from; step < to; ++step) {
        MetricTail::Line line;
        line.record.name = QStringLiteral("loss");
        line.record.number = 1.0 / double(step);
        line.record.step = step;
        lines << line;
    }
    QString error;
    return ingestor->ingest(lines, to * 100, &error); // a made-up file offset
}

void TestMetricChart::tabRefreshesAtOnceThenCoalesces()
{
    ComparisonTab tab(*m_ws);
    tab.resize(800, 500);
    QVERIFY(tab.setComparison(m_runs.mid(0, 1), {QStringLiteral("loss")}, nullptr));
    auto *watcher = tab.findChild<ChangeWatcher *>();
    QVERIFY(watcher);
    QLineSeries *line = tab.panels().first()->lineSeries().first();
    QCOMPARE(line->count(), 300);
    // New points are read as soon as they are noticed, not after a delay...
    MetricIngestor ingestor(*m_ws, m_runs.first());
    QVERIFY(appendLoss(&ingestor, 300, 600));
    QElapsedTimer sinceRefresh;
    sinceRefresh.start();
    watcher->poll();
    QCOMPARE(line->count(), 600);
    // ...and at most ten times a second.
    QVERIFY(appendLoss(&ingestor, 600, 900));
    watcher->poll();
    QTRY_COMPARE(line->count(), 900);
    QVERIFY2(sinceRefresh.elapsed() >= 100, qPrintable(QString::number(sinceRefresh.elapsed())));
}

void TestMetricChart::zoomStopsFollowing()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.setRuns(chartRuns(m_runs), nullptr);
    QVERIFY(view.isFollowing());
    view.zoomTo(10, 20);
    QVERIFY(!view.isFollowing());
    QCOMPARE(static_cast<QValueAxis *>(view.xAxis())->min(), 10.0);
    view.resetZoom();
    QVERIFY(view.isFollowing());
}

void TestMetricChart::tabLegendAndExport()
{
    ComparisonTab tab(*m_ws);
    tab.resize(1200, 700);
    QVERIFY(tab.setComparison(m_runs, {}, nullptr));
    QCOMPARE(tab.panels().size(), 2);
    auto *legend = tab.findChild<QListWidget *>(QStringLiteral("legend"));
    QCOMPARE(legend->count(), 3);
    legend->item(0)->setCheckState(Qt::Unchecked);
    QCOMPARE(tab.panels().first()->lineSeries().size(), 2);
    legend->item(0)->setCheckState(Qt::Checked);
    tab.findChild<QSlider *>(QStringLiteral("smoothing"))->setValue(600);
    QCOMPARE(tab.options().smoothing, 0.6);
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    QVERIFY(tab.grab().save(QStringLiteral("/tmp/chart.png")));
    const QString dir = m_dir->path();
    QString error;
    for (const char *name : {"/all.png", "/all.svg", "/points.csv", "/points.json"}) {
        const QString path = dir + QLatin1String(name);
        const bool points =
            path.endsWith(QLatin1String("csv")) || path.endsWith(QLatin1String("json"));
        QVERIFY2(points ? tab.exportPoints(path, &error) : tab.exportImage(path, &error),
                 qPrintable(error));
        QVERIFY(QFile(path).size() > 100);
    }
    QFile csv(dir + QStringLiteral("/points.csv"));
    QVERIFY(csv.open(QIODevice::ReadOnly));
    QCOMPARE(csv.readAll().count('\n'), 1 + 3 * 2 * 300);
    const QJsonObject spec = tab.viewSpec();
    ComparisonTab again(*m_ws);
    QVERIFY2(again.applyViewSpec(spec, &error), qPrintable(error));
    QCOMPARE(again.options().smoothing, 0.6);
    QCOMPARE(again.runIds(), m_runs);
}

void TestMetricChart::cliExportsPngAndSvg()
{
    const QString uid = Runs(*m_ws).find(m_runs.first())->uid;
    const QString png = m_dir->path() + QStringLiteral("/cli.png");
    const QString svg = m_dir->path() + QStringLiteral("/cli.svg");
    QString outText, errText;
    QTextStream out(&outText), err(&errText);
    const QStringList common = {QStringLiteral("chart"),       QStringLiteral("export"),
                                QStringLiteral("--workspace"), m_ws->path(),
                                QStringLiteral("--run"),       uid,
                                QStringLiteral("--metric"),    QStringLiteral("loss"),
                                QStringLiteral("--smoothing"), QStringLiteral("0.5")};
    QCOMPARE(runCommandLine(common
                                + QStringList{QStringLiteral("--out"), png,
                                              QStringLiteral("--width"), QStringLiteral("640"),
                                              QStringLiteral("--height"), QStringLiteral("480")},
                            out, err),
             0);
    QImage image(png);
    QCOMPARE(image.size(), QSize(640, 480));
    QCOMPARE(runCommandLine(common + QStringList{QStringLiteral("--out"), svg}, out, err), 0);
    QFile file(svg);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("<svg"));
    QVERIFY(runCommandLine(common
                               + QStringList{QStringLiteral("--out"), svg, QStringLiteral("--x"),
                                             QStringLiteral("bogus")},
                           out, err)
            != 0);
}

void TestMetricChart::runsTableFilterAndCompare()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    RunsTableView view(*m_ws);
    QString error;
    QVERIFY2(view.reload(&error), qPrintable(error));
    view.resize(1100, 300);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    auto *table = view.findChild<QTableView *>(QStringLiteral("runsTable"));
    QCOMPARE(table->model()->rowCount(), 3);
    auto *filter = view.findChild<QLineEdit *>(QStringLiteral("filter"));
    auto *message = view.findChild<QLabel *>(QStringLiteral("filterError"));
    QTest::keyClicks(filter, QStringLiteral("params.lr >"));
    QVERIFY(message->isVisible());
    QVERIFY(!message->text().isEmpty());
    QCOMPARE(table->model()->rowCount(), 3); // a typo keeps the last good filter
    QTest::keyClicks(filter, QStringLiteral(" 0.04"));
    QVERIFY(!message->isVisible());
    QCOMPARE(table->model()->rowCount(), 2);
    filter->clear();
    table->selectAll();
    QSignalSpy compare(&view, &RunsTableView::compareRequested);
    QTest::mouseClick(view.findChild<QPushButton *>(QStringLiteral("compare")), Qt::LeftButton);
    QCOMPARE(compare.count(), 1);
    QCOMPARE(compare.first().first().value<QList<Id>>().size(), 3);
    QVERIFY(view.grab().save(QStringLiteral("/tmp/runstable.png")));
}

QTEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
