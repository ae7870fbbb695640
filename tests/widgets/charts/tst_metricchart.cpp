#include "chartfixture.h"
#include "charts/chartlinesitem.h"
#include "charts/columnstroker.h"
#include "charts/comparisontab.h"
#include "charts/dashes.h"
#include "charts/hoverreadout.h"
#include "charts/metricchartview.h"
#include "charts/metrictile.h"
#include "cli.h"
#include "items/rungroupsmodel.h"
#include "items/runstablemodel.h"
#include "metrics/metricingestor.h"
#include "metrics/metrics.h"
#include "metrics/seriesloader.h"
#include "runs/runstableview.h"
#include "store/changewatcher.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QTableView>

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateTimeAxis>
#include <QDropEvent>
#include <QElapsedTimer>
#include <QFile>
#include <QHeaderView>
#include <QImage>
#include <QItemSelectionModel>
#include <QLineSeries>
#include <QListWidget>
#include <QLogValueAxis>
#include <QMenu>
#include <QMimeData>
#include <QPainter>
#include <QRandomGenerator>
#include <QScrollBar>
#include <QSet>
#include <QSettings>
#include <QSlider>
#include <QSqlQuery>
#include <QStyledItemDelegate>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTest>
#include <QToolButton>
#include <QTreeView>
#include <QValueAxis>

using namespace mlwb;

namespace {
// Counts the paint events a widget receives.
class PaintCounter : public QObject
{
public:
    PaintCounter(QWidget *widget, int *count)
        : m_count(count)
    {
        widget->installEventFilter(this);
    }
    bool eventFilter(QObject *, QEvent *event) override
    {
        if (event->type() == QEvent::Paint)
            ++*m_count;
        return false;
    }

private:
    int *m_count;
};
} // namespace

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
    void hoverReadoutGivesEveryRunsValueAtX();
    void dashesAreCutWhereThePatternSwitches();
    void legendClickIsolatesDoubleClickShowsAll();
    void singleValueMetricIsATileAndLegendSaysWhatDiffers();
    void panelsMergePinAndAreRemembered();
    void panelsMoveByDragAndAreRemembered();
    void liveGrowthAppends();
    void liveAxesGrowInSteps();
    void smallValuesGetTheirOwnRangeFromTheFirstPoint();
    void liveRefreshPaintsOnlyWhenPixelsChange();
    void liveGrowthRedrawsOnlyNewColumnsExactly();
    void tabRefreshesAtOnceThenCoalesces();
    void aTabBehindAnotherWaitsUntilShown();
    void metricsLoggedLaterAppear();
    void runsTableFollowsTheStore();
    void hiddenViewExportFillsTheImage();
    void zoomStopsFollowing();
    void resetZoomDrawsTheDataAsItIsNow();
    void tabLegendAndExport();
    void cliExportsPngAndSvg();
    void runsTableFilterAndCompare();
    void runsTableLeadsWithWhatDiffers();
    void runsTableGroupsWithMeans();
    void strokerMatchesQPainter_data();
    void strokerMatchesQPainter();
    void strokerComposesOncePerPixel();
    void dashesStrokedTogetherAsOneByOne_data();
    void dashesStrokedTogetherAsOneByOne();
    void hiddenAndRawLinesHoldNothing();
    void linesDrawnWhereTheAxesMap();
    void rubberBandAndScrollStillZoom();
    void longRunsAreSummarizedAndDrawnTheSame();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Workspace> m_ws;
    QList<Id> m_runs;
};

namespace {
// Exactly, x and y (QPointF's == is fuzzy).
bool samePoints(const QList<QPointF> &a, const QList<QPointF> &b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](const QPointF &p, const QPointF &q) {
                  return p.x() == q.x() && p.y() == q.y();
              });
}
} // namespace

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

void TestMetricChart::hoverReadoutGivesEveryRunsValueAtX()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.setRuns(chartRuns(m_runs), nullptr);
    ChartOptions o;
    o.smoothing = 0.5;
    view.setOptions(o);
    // 120.4 is nearest step 120; every run has it.
    const QList<HoverValue> values = view.valuesAt(120.4);
    QCOMPARE(values.size(), 3);
    for (int i = 0; i < 3; ++i) {
        QCOMPARE(values[i].run.runId, m_runs[i]);
        QCOMPARE(values[i].step, 120);
        QCOMPARE(values[i].raw, lossCurve(120, m_runs[i]));
        QVERIFY(!std::isnan(values[i].smoothed));
        QVERIFY(values[i].smoothed != values[i].raw); // the EMA lags a falling loss
    }
    const QString text = view.readoutAt(120.4);
    QVERIFY(text.contains(QStringLiteral("step 120")));
    QVERIFY(text.contains(QString::number(lossCurve(120, m_runs[0]), 'g', 6)));
    // Past the data's end nothing is read out; a hidden run is left out.
    QVERIFY(view.valuesAt(400).isEmpty());
    // The pointer over the plot shows the readout, painted in the chart.
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    const QPointF inPlot = view.chart()->plotArea().center();
    const QPoint pos = view.mapFromScene(view.chart()->mapToScene(inPlot));
    QTest::mouseMove(view.viewport(), pos);
    HoverReadout *readout = nullptr;
    for (QGraphicsItem *item : view.scene()->items())
        if (auto *r = dynamic_cast<HoverReadout *>(item))
            readout = r;
    QVERIFY(readout && readout->isVisible());
    QVERIFY(
        view.chart()->boundingRect().contains(readout->mapRectToParent(readout->boundingRect())));
    view.setRunVisible(m_runs[1], false);
    QCOMPARE(view.valuesAt(10).size(), 2);
}

void TestMetricChart::dashesAreCutWhereThePatternSwitches()
{
    // Dash 4, gap 2 at width 1, running on around the corner at (5, 0).
    const QPointF corner[] = {{0, 0}, {5, 0}, {5, 10}};
    std::vector<QLineF> dashes;
    dashSegments(corner, 3, {4, 2}, 1, &dashes);
    const std::vector<QLineF> expected{{{0, 0}, {4, 0}}, {{5, 1}, {5, 5}}, {{5, 7}, {5, 10}}};
    QCOMPARE(dashes.size(), expected.size());
    for (size_t i = 0; i < dashes.size(); ++i) {
        QVERIFY2(QLineF(dashes[i].p1(), expected[i].p1()).length() < 1e-9,
                 qPrintable(QString::number(i)));
        QVERIFY2(QLineF(dashes[i].p2(), expected[i].p2()).length() < 1e-9,
                 qPrintable(QString::number(i)));
    }
    // Twice the width, twice the lengths; a zero-length segment adds nothing.
    const QPointF line[] = {{0, 0}, {0, 0}, {12, 0}};
    dashSegments(line, 3, {4, 2}, 2, &dashes);
    QCOMPARE(dashes.size(), size_t(1));
    QCOMPARE(dashes.front(), QLineF(0, 0, 8, 0));
}

void TestMetricChart::legendClickIsolatesDoubleClickShowsAll()
{
    ComparisonTab tab(*m_ws);
    tab.resize(1200, 700);
    QVERIFY(tab.setComparison(m_runs, {}, nullptr));
    tab.show();
    QVERIFY(QTest::qWaitForWindowExposed(&tab));
    auto *legend = tab.findChild<QListWidget *>(QStringLiteral("legend"));
    const QRect second = legend->visualItemRect(legend->item(1));
    // A click on the name (right of the check box) isolates the run.
    QTest::mouseClick(legend->viewport(), Qt::LeftButton, {},
                      QPoint(second.right() - 10, second.center().y()));
    QCOMPARE(tab.shownRuns().size(), 1);
    QCOMPARE(tab.shownRuns().first().runId, m_runs[1]);
    QCOMPARE(tab.panels().first()->lineSeries().size(), 1);
    QVERIFY(legend->item(1)->text().startsWith(tab.panels().first()->lineSeries().first()->name()));
    QTest::mouseDClick(legend->viewport(), Qt::LeftButton, {},
                       QPoint(second.right() - 10, second.center().y()));
    QCOMPARE(tab.shownRuns().size(), 3);
    // A click on a check box still toggles only that run.
    const QRect first = legend->visualItemRect(legend->item(0));
    QTest::mouseClick(legend->viewport(), Qt::LeftButton, {},
                      QPoint(first.left() + 10, first.center().y()));
    QCOMPARE(tab.shownRuns().size(), 2);
}

static double constantOne(int, Id runId)
{
    return double(runId) / 100.0;
}

void TestMetricChart::singleValueMetricIsATileAndLegendSaysWhatDiffers()
{
    for (const Id run : std::as_const(m_runs))
        addSeries(*m_ws, run, QStringLiteral("lr"), 1, constantOne);
    QVERIFY(Runs(*m_ws).rename(m_runs[0], QStringLiteral("baseline"), nullptr));
    ComparisonTab tab(*m_ws);
    QVERIFY(tab.setComparison(m_runs, {}, nullptr));
    QCOMPARE(tab.panels().size(), 2); // accuracy, loss
    QCOMPARE(tab.tiles().size(), 1);
    MetricTile *tile = tab.tiles().first();
    QCOMPARE(tile->metric(), QStringLiteral("lr"));
    QCOMPARE(tile->valueText(m_runs[1]), QString::number(double(m_runs[1]) / 100.0, 'g', 6));
    // Names, not ids; the parameter that tells the runs apart; the id on hover.
    auto *legend = tab.findChild<QListWidget *>(QStringLiteral("legend"));
    QCOMPARE(legend->item(0)->text(), QStringLiteral("baseline  lr=0.1"));
    QVERIFY(legend->item(1)->text().endsWith(QLatin1String("lr=0.05")));
    QCOMPARE(legend->item(0)->toolTip(), Runs(*m_ws).find(m_runs[0])->uid);
    QCOMPARE(tab.panels().first()->lineSeries().first()->name(), QStringLiteral("baseline"));
    // A second point turns the tile into a chart.
    addSeries(*m_ws, m_runs[0], QStringLiteral("lr2"), 1, constantOne);
    QSqlQuery q(m_ws->database());
    QVERIFY(q.exec(QStringLiteral("UPDATE metric_series SET count = 2 WHERE name = 'lr'")));
    tab.refresh();
    QCOMPARE(tab.tiles().size(), 1); // lr2 now; lr is a chart
    QCOMPARE(tab.tiles().first()->metric(), QStringLiteral("lr2"));
    QCOMPARE(tab.panels().size(), 3);
    QCOMPARE(ComparisonTab::differingKeys({{{QStringLiteral("a"), QStringLiteral("1")},
                                            {QStringLiteral("b"), QStringLiteral("1")}},
                                           {{QStringLiteral("a"), QStringLiteral("2")},
                                            {QStringLiteral("b"), QStringLiteral("1")}}}),
             QStringList{QStringLiteral("a")});
}

static MetricChartView *panelOf(const ComparisonTab &tab, const QString &metric)
{
    for (MetricChartView *panel : tab.panels())
        if (panel->metric() == metric)
            return panel;
    return nullptr;
}

void TestMetricChart::panelsMergePinAndAreRemembered()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    for (const Id run : std::as_const(m_runs))
        addSeries(*m_ws, run, QStringLiteral("val_loss"), 300, lossCurve);
    auto tab = std::make_unique<ComparisonTab>(*m_ws);
    tab->resize(1200, 700);
    QVERIFY(tab->setComparison(m_runs, {}, nullptr));
    QCOMPARE(tab->panels().size(), 3);
    // val_loss dragged by its title onto loss: one panel, both metrics, every run twice.
    MetricChartView *loss = panelOf(*tab, QStringLiteral("loss"));
    QMimeData data;
    data.setData(QStringLiteral("application/x-mlwb-metric"), "val_loss");
    const QPoint middle = loss->viewport()->rect().center(); // the edges move, not merge
    QDragEnterEvent enter(middle, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(loss->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDropEvent drop(middle, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(loss->viewport(), &drop);
    QCOMPARE(tab->panels().size(), 2);
    loss = panelOf(*tab, QStringLiteral("loss"));
    QCOMPARE(loss->metrics(), (QStringList{QStringLiteral("loss"), QStringLiteral("val_loss")}));
    QCOMPARE(loss->lineSeries().size(), 6);
    QCOMPARE(loss->lineSeries().at(3)->pen().style(), Qt::DashLine);
    QVERIFY2(loss->readoutAt(10).contains(QStringLiteral(" · val_loss")),
             qPrintable(loss->readoutAt(10)));
    // Pinned panels come first; both are remembered for the experiment.
    tab->changeLayout([&] { tab->layout().setPinned(QStringLiteral("loss"), true); });
    QCOMPARE(tab->panels().first()->metric(), QStringLiteral("loss"));
    tab = std::make_unique<ComparisonTab>(*m_ws);
    QVERIFY(tab->setComparison(m_runs, {}, nullptr));
    QCOMPARE(tab->panels().size(), 2);
    QCOMPARE(tab->panels().first()->metrics().size(), 2);
    // Split gives each metric its panel again; a pattern merges by name.
    tab->changeLayout([&] { tab->layout().split(QStringLiteral("loss")); });
    QCOMPARE(tab->panels().size(), 3);
    QCOMPARE(tab->mergeMatching(QStringLiteral("loss$")), 1);
    QCOMPARE(tab->panels().size(), 2);
    QCOMPARE(tab->mergeMatching(QStringLiteral("([")), 0); // not a pattern: nothing moves
}

static QStringList panelOrder(const ComparisonTab &tab)
{
    QStringList out;
    for (MetricChartView *panel : tab.panels())
        out << panel->metric();
    return out;
}

// A panel dropped on another's left or right edge moves there (the middle merges).
static void dropPanel(MetricChartView *onto, const QString &metric, int x)
{
    QMimeData data;
    data.setData(QStringLiteral("application/x-mlwb-metric"), metric.toUtf8());
    const QPoint at(x, onto->viewport()->height() / 2);
    QDragEnterEvent enter(at, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(onto->viewport(), &enter);
    QVERIFY(enter.isAccepted());
    QDragMoveEvent move(at, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(onto->viewport(), &move);
    QDropEvent drop(at, Qt::MoveAction, &data, Qt::LeftButton, {});
    QApplication::sendEvent(onto->viewport(), &drop);
}

void TestMetricChart::panelsMoveByDragAndAreRemembered()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    for (const Id run : std::as_const(m_runs))
        addSeries(*m_ws, run, QStringLiteral("val_loss"), 300, lossCurve);
    auto tab = std::make_unique<ComparisonTab>(*m_ws);
    tab->resize(1200, 700);
    QVERIFY(tab->setComparison(m_runs, {}, nullptr));
    const QStringList before = panelOrder(*tab);
    QCOMPARE(before.size(), 3);
    // The last panel dropped on the first one's left edge: it comes first.
    dropPanel(tab->panels().first(), before.at(2), 5);
    QCOMPARE(panelOrder(*tab), (QStringList{before.at(2), before.at(0), before.at(1)}));
    // The (new) first dropped on the right edge of the last: it goes last.
    MetricChartView *last = tab->panels().last();
    dropPanel(last, before.at(2), last->viewport()->width() - 5);
    QCOMPARE(panelOrder(*tab), before);
    dropPanel(tab->panels().at(1), before.at(0), tab->panels().at(1)->viewport()->width() - 5);
    const QStringList moved{before.at(1), before.at(0), before.at(2)};
    QCOMPARE(panelOrder(*tab), moved);
    QCOMPARE(tab->panels().size(), 3); // moved, not merged
    // Beside a pinned panel a panel is pinned too; the order is the experiment's.
    tab->changeLayout([&] { tab->layout().setPinned(before.at(1), true); });
    dropPanel(tab->panels().first(), before.at(2), tab->panels().first()->viewport()->width() - 5);
    QVERIFY(tab->layout().isPinned(before.at(2)));
    tab = std::make_unique<ComparisonTab>(*m_ws);
    QVERIFY(tab->setComparison(m_runs, {}, nullptr));
    QCOMPARE(panelOrder(*tab), (QStringList{before.at(1), before.at(2), before.at(0)}));
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
    QVERIFY(view.renderHints().testFlag(QPainter::Antialiasing)); // few points, at rest
    QVERIFY(view.refresh(nullptr));
    QCOMPARE(view.lineSeries().first()->count(), 600);
    QVERIFY(static_cast<QValueAxis *>(view.xAxis())->max() >= 599);
    // While points stream in, frames are drawn plainly (half the cost); a
    // second after the last one, smoothly again. An export is always smooth.
    QVERIFY(!view.renderHints().testFlag(QPainter::Antialiasing));
    const QString png = m_dir->filePath(QStringLiteral("live.png"));
    QVERIFY(view.saveImage(png, QSize(400, 300), nullptr));
    // Smooth: the line's colour in many tints (blended with the white
    // behind it); a plain line has it in one.
    const QColor line = ComparisonTab::runColor(0);
    QSet<QRgb> tints;
    const QImage image(png);
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            if (c.hsvSaturation() > 0 && std::abs(c.hsvHue() - line.hsvHue()) <= 8)
                tints.insert(c.rgb());
        }
    QVERIFY2(tints.size() > 8, qPrintable(QString::number(tints.size())));
    QTRY_VERIFY_WITH_TIMEOUT(view.renderHints().testFlag(QPainter::Antialiasing), 3000);
}

// A live chart widens its axes with room to spare instead of on every
// refresh (each change relays out QtCharts' axes and moves every line),
// yet always shows every point, and a reset fits the data again.
void TestMetricChart::liveAxesGrowInSteps()
{
    const Id run = addRun(*m_ws, QStringLiteral("growing"));
    const Id series =
        addSeries(*m_ws, run, QStringLiteral("acc"), 100, [](int i, Id) { return double(i); });
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("acc"));
    view.resize(600, 400);
    view.show();
    QVERIFY(view.setRuns(chartRuns({run}), nullptr));
    auto *x = static_cast<QValueAxis *>(view.xAxis());
    auto *y = static_cast<QValueAxis *>(view.yAxis());
    QCOMPARE(x->max(), 99.0);
    int xChanges = 0, yChanges = 0;
    connect(x, &QValueAxis::rangeChanged, this, [&] { ++xChanges; });
    connect(y, &QValueAxis::rangeChanged, this, [&] { ++yChanges; });
    PointBlockWriter writer(m_ws->database());
    int step = 100;
    for (int refresh = 0; refresh < 30; ++refresh) {
        for (int i = 0; i < 5; ++i, ++step)
            QVERIFY(writer.append(series, step, step, 1.7e9 + step, step, nullptr));
        QVERIFY(writer.flush(nullptr));
        QVERIFY(view.refresh(nullptr));
        QVERIFY2(x->max() >= step - 1 && y->max() >= step - 1 && y->min() <= 0,
                 qPrintable(QStringLiteral("step %1: x ..%2, y %3..%4")
                                .arg(step - 1)
                                .arg(x->max())
                                .arg(y->min())
                                .arg(y->max())));
    }
    QVERIFY2(
        xChanges <= 10 && yChanges <= 10,
        qPrintable(
            QStringLiteral("%1 x and %2 y changes in 30 refreshes").arg(xChanges).arg(yChanges)));
    view.resetZoom();
    QCOMPARE(x->max(), double(step - 1));
}

void TestMetricChart::smallValuesGetTheirOwnRangeFromTheFirstPoint()
{
    const Id run = addRun(*m_ws, QStringLiteral("schedule"));
    const Id series = addSeries(*m_ws, run, QStringLiteral("lr"), 1, [](int, Id) { return 0.001; });
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("lr"));
    view.resize(600, 400);
    view.show(); // laid out as on screen: the axes are attached and sized
    QVERIFY(view.setRuns(chartRuns({run}), nullptr));
    QCoreApplication::processEvents();
    auto *y = static_cast<QValueAxis *>(view.yAxis());
    QVERIFY2(y->min() < 0.001 && y->max() > 0.001 && y->max() - y->min() < 0.001,
             qPrintable(QStringLiteral("%1..%2").arg(y->min()).arg(y->max())));
    // The schedule decays: the range follows the data as it arrives.
    PointBlockWriter writer(m_ws->database());
    for (int i = 1; i < 50; ++i)
        QVERIFY(writer.append(series, i, i, 1.7e9 + i, 0.001 * std::pow(0.9, i), nullptr));
    QVERIFY(writer.flush(nullptr));
    QVERIFY(view.refresh(nullptr));
    QCoreApplication::processEvents();
    QVERIFY2(y->min() <= 0.001 * std::pow(0.9, 49) && y->max() >= 0.001 && y->max() < 0.0015,
             qPrintable(QStringLiteral("%1..%2").arg(y->min()).arg(y->max())));
}

// Late in a long run a refresh's few points fall into a column that
// already spans them: nothing is painted then. A new extreme is.
void TestMetricChart::liveRefreshPaintsOnlyWhenPixelsChange()
{
    const Id run = addRun(*m_ws, QStringLiteral("long"));
    // 0, 1, 0, 1, ...: about 40 steps to a pixel column.
    const Id series = addSeries(*m_ws, run, QStringLiteral("acc"), 20000,
                                [](int i, Id) { return double(i % 2); });
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("acc"));
    view.resize(600, 400);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.setRuns(chartRuns({run}), nullptr));
    PointBlockWriter writer(m_ws->database());
    qint64 seq = 20000;
    const auto append = [&](qint64 step, double value) {
        return writer.append(series, seq++, step, 1.7e9 + double(step), value, nullptr)
               && writer.flush(nullptr) && view.refresh(nullptr);
    };
    // The axis may grow here, and the plot area with its labels: the
    // refresh after that decimates at the new width.
    for (int settle = 0; settle < 2; ++settle) {
        QVERIFY(append(20000, 0));
        QTest::qWait(50);
    }
    int paints = 0;
    PaintCounter counter(view.viewport(), &paints);
    // Step 20000 logged again, with a value its column already spans.
    QVERIFY(append(20000, 0));
    QTest::qWait(50);
    QCOMPARE(paints, 0);
    QVERIFY(append(20000, -1)); // a new minimum: painted
    QTest::qWait(50);
    QVERIFY(paints > 0);
}

void TestMetricChart::liveGrowthRedrawsOnlyNewColumnsExactly()
{
    // Dense noisy lines, one wide and translucent, one dashed (merged), grow
    // while the axes keep their room: each picture redrawn from the first
    // changed column must equal one drawn whole.
    const Id a = addRun(*m_ws, QStringLiteral("a")), b = addRun(*m_ws, QStringLiteral("b"));
    const auto noise = [](int i, Id r) { return std::sin(i * 0.37 + double(r)) + (i % 7) * 0.1; };
    const Id sa = addSeries(*m_ws, a, QStringLiteral("acc"), 5000, noise);
    const Id sb = addSeries(*m_ws, b, QStringLiteral("acc"), 5000, noise);
    const Id su = addSeries(*m_ws, a, QStringLiteral("u"), 5000, noise);
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("acc"));
    view.resize(700, 420);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    QVERIFY(view.setRuns(chartRuns({a, b}), nullptr));
    view.setMerged({QStringLiteral("u")});
    QVERIFY(view.refresh(nullptr));
    ChartLinesItem *lines = nullptr;
    for (QGraphicsItem *item : view.chart()->childItems())
        if (auto *l = dynamic_cast<ChartLinesItem *>(item))
            lines = l;
    QVERIFY(lines);
    QList<QLineSeries *> all = view.lineSeries();
    QVERIFY(all.size() >= 3);
    QPen wide = all.first()->pen();
    wide.setWidthF(3);
    QColor translucent = wide.color();
    translucent.setAlpha(140);
    wide.setColor(translucent);
    all.first()->setPen(wide);
    PointBlockWriter writer(m_ws->database());
    const auto paint = [&] {
        QImage image(view.viewport()->size(), QImage::Format_ARGB32_Premultiplied);
        image.fill(Qt::white);
        QPainter painter(&image);
        lines->paint(&painter, nullptr, nullptr);
        return image;
    };
    paint();
    qint64 seq = 5000;
    int partial = 0;
    for (int round = 0; round < 12; ++round) {
        for (int i = 0; i < 40; ++i, ++seq)
            for (const Id series : {sa, sb, su})
                QVERIFY(writer.append(series, seq, seq, 1.7e9 + double(seq),
                                      noise(int(seq), series), nullptr));
        QVERIFY(writer.flush(nullptr));
        QVERIFY(view.refresh(nullptr));
        view.setRenderHint(QPainter::Antialiasing, false);
        const QImage grown = paint();
        partial += lines->lastRedrawnFrom() > 0;
        lines->updateGeometry(); // everything again
        const QImage whole = paint();
        QCOMPARE(lines->lastRedrawnFrom(), 0);
        QVERIFY2(grown == whole, qPrintable(QStringLiteral("round %1").arg(round)));
    }
    QVERIFY2(partial >= 6, qPrintable(QString::number(partial))); // the axes kept their room
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

void TestMetricChart::aTabBehindAnotherWaitsUntilShown()
{
    // Two documents in one window, as the main window has them: the chart
    // behind reads and draws nothing while points arrive, then all at once.
    QTabWidget documents;
    documents.resize(900, 600);
    auto *tab = new ComparisonTab(*m_ws);
    documents.addTab(tab, QStringLiteral("chart"));
    documents.addTab(new QWidget, QStringLiteral("other"));
    QVERIFY(tab->setComparison(m_runs.mid(0, 1), {QStringLiteral("loss")}, nullptr));
    documents.show();
    QVERIFY(QTest::qWaitForWindowExposed(&documents));
    auto *watcher = tab->findChild<ChangeWatcher *>();
    QLineSeries *line = tab->panels().first()->lineSeries().first();
    QCOMPARE(line->count(), 300);
    documents.setCurrentIndex(1);
    MetricIngestor ingestor(*m_ws, m_runs.first());
    QVERIFY(appendLoss(&ingestor, 300, 600));
    watcher->poll();
    QTest::qWait(300);
    QCOMPARE(line->count(), 300);
    documents.setCurrentIndex(0);
    QTRY_COMPARE(line->count(), 600);
    // In front again, it follows at once.
    QVERIFY(appendLoss(&ingestor, 600, 900));
    watcher->poll();
    QTRY_COMPARE(line->count(), 900);
}

void TestMetricChart::metricsLoggedLaterAppear()
{
    // A run that has logged nothing yet beside one that has.
    const Id late = addRun(*m_ws, QStringLiteral("late"));
    ComparisonTab tab(*m_ws);
    tab.resize(1000, 600);
    QVERIFY(tab.setComparison({m_runs.first(), late}, {}, nullptr));
    const int panelsBefore = int(tab.panels().size());
    QCOMPARE(tab.panels().first()->metric(), QStringLiteral("accuracy"));
    // Its first loss points arrive, and a metric no run had before.
    MetricIngestor ingestor(*m_ws, late);
    QVERIFY(appendLoss(&ingestor, 1, 50));
    QList<MetricTail::Line> lines(1);
    lines[0].record.name = QStringLiteral("zeta");
    lines[0].record.number = 0.5;
    QString error;
    QVERIFY2(ingestor.ingest(lines, 6000, &error), qPrintable(error));
    tab.refresh();
    MetricChartView *loss = nullptr;
    for (MetricChartView *panel : tab.panels())
        if (panel->metric() == QLatin1String("loss"))
            loss = panel;
    QVERIFY(loss);
    QCOMPARE(loss->lineSeries().size(), 2);
    QCOMPARE(loss->lineSeries().at(1)->count(), 49); // the late run's line
    // One point so far: a number tile, after the panels.
    QCOMPARE(tab.panels().size(), panelsBefore);
    QCOMPARE(tab.tiles().size(), 1);
    QCOMPARE(tab.tiles().last()->metric(), QStringLiteral("zeta"));
    QCOMPARE(tab.tiles().last()->valueText(late), QStringLiteral("0.5"));
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

void TestMetricChart::resetZoomDrawsTheDataAsItIsNow()
{
    // Reset Zoom returns to the live view's range and reuses its columns
    // when nothing changed since: what it shows must equal a fresh panel's
    // over that range, after growth too.
    const Id run = addRun(*m_ws, QStringLiteral("long"));
    const Id series = addSeries(*m_ws, run, QStringLiteral("noise"), 20000,
                                [](int i, Id) { return std::sin(i * 0.37) * (1 + i % 7); });
    const auto pointsOf = [](const MetricChartView &view) {
        return view.lineSeries().first()->points();
    };
    // A fresh panel showing the same x range.
    const auto fresh = [&](const ChartOptions &options, std::pair<double, double> range) {
        SeriesLoader loader(*m_ws);
        MetricChartView view(*m_ws, &loader, QStringLiteral("noise"));
        view.resize(600, 400);
        view.setOptions(options);
        view.setRuns(chartRuns({run}), nullptr);
        view.zoomTo(range.first, range.second);
        return pointsOf(view);
    };
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("noise"));
    view.resize(600, 400);
    QVERIFY(view.setRuns(chartRuns({run}), nullptr));
    const QList<QPointF> whole = pointsOf(view);
    QVERIFY(whole.size() < 20000 / 4); // decimated
    view.zoomTo(1000, 1100);
    QVERIFY(pointsOf(view) != whole);
    view.resetZoom();
    QCOMPARE(pointsOf(view), whole);
    // Grown while zoomed in.
    view.zoomTo(1000, 1100);
    PointBlockWriter writer(m_ws->database());
    for (int i = 20000; i < 20500; ++i)
        QVERIFY(writer.append(series, i, i, 1.7e9 + i, 50.0 + i % 3, nullptr));
    QVERIFY(writer.flush(nullptr));
    QVERIFY(view.refresh(nullptr));
    view.resetZoom();
    // The live view's range grew by a tenth to take the new points.
    const auto range = axisRange(view.xAxis());
    QCOMPARE(range.first, 0.0);
    QVERIFY(range.second >= 20499 && range.second < 23000);
    QCOMPARE(pointsOf(view), fresh(ChartOptions(), range));
    QVERIFY(pointsOf(view).last().x() > 20400 && pointsOf(view).last().y() >= 50);
    // Smoothed while zoomed in.
    ChartOptions smoothed;
    smoothed.smoothing = 0.6;
    view.zoomTo(1000, 1100);
    view.setOptions(smoothed);
    view.resetZoom();
    QCOMPARE(axisRange(view.xAxis()), range);
    QCOMPARE(pointsOf(view), fresh(smoothed, range));
    // Runs that no longer fill the range: it fits them again.
    view.zoomTo(1000, 1100);
    PointBlockWriter more(m_ws->database());
    for (int i = 20500; i < 40000; ++i)
        QVERIFY(more.append(series, i, i, 1.7e9 + i, 1.0, nullptr));
    QVERIFY(more.flush(nullptr));
    QVERIFY(view.refresh(nullptr));
    view.resetZoom();
    QVERIFY(axisRange(view.xAxis()).second >= 39999);
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

// Loads and shows a runs table the way a tab does.
static bool showRunsTable(RunsTableView *view)
{
    QString error;
    if (!view->reload(&error))
        return false;
    view->resize(1100, 300);
    view->show();
    return QTest::qWaitForWindowExposed(view);
}

// Name (frozen), status, the parameters that vary, the metrics; the id is the
// name's tooltip and a parameter every run shares is hidden until asked for.
void TestMetricChart::runsTableLeadsWithWhatDiffers()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    for (const Id run : std::as_const(m_runs))
        QVERIFY(Runs(*m_ws).setTag(run, QStringLiteral("team"), QStringLiteral("vision"), nullptr));
    Runs(*m_ws).finish(m_runs[2], RunStatus::Failed, 1, QString(), nullptr);
    addRun(*m_ws, QStringLiteral("mnist"), {QStringLiteral("--epochs"), QStringLiteral("3")});
    RunsTableView view(*m_ws);
    QVERIFY(showRunsTable(&view));
    const RunsTableModel *model = view.model();
    QTableView *table = view.table();
    const QHeaderView *header = table->horizontalHeader();
    auto visual = [&](const char *key) {
        return header->visualIndex(model->columnOf(QLatin1String(key)));
    };
    QCOMPARE(visual("name"), 0);
    QCOMPARE(visual("status"), 1);
    QVERIFY(visual("params.lr") < visual("metrics.loss"));
    QVERIFY(visual("metrics.loss") < visual("started"));
    QVERIFY(table->isColumnHidden(model->columnOf(QStringLiteral("id"))));
    QVERIFY(table->isColumnHidden(model->columnOf(QStringLiteral("tags.team"))) == false);
    // Every run of the sweep shares the target and experiment: hidden.
    QVERIFY(model->isConstant(model->columnOf(QStringLiteral("experiment"))));
    QVERIFY(table->isColumnHidden(model->columnOf(QStringLiteral("experiment"))));
    QVERIFY(!model->isConstant(model->columnOf(QStringLiteral("params.lr"))));
    const QModelIndex name = table->model()->index(0, model->columnOf(QStringLiteral("name")));
    QCOMPARE(name.data(Qt::ToolTipRole).toString(),
             name.siblingAtColumn(model->columnOf(QStringLiteral("id"))).data().toString());
    QVERIFY(!name.data(Qt::ToolTipRole).toString().isEmpty());
    // "Show Constant Columns" brings them back, and is remembered.
    QMenu *menu = view.findChild<QToolButton *>(QStringLiteral("columns"))->menu();
    Q_EMIT menu->aboutToShow();
    auto *constant = menu->findChild<QAction *>(QStringLiteral("showConstantColumns"));
    QVERIFY(constant);
    constant->trigger();
    QVERIFY(!table->isColumnHidden(model->columnOf(QStringLiteral("experiment"))));
    RunsTableView again(*m_ws);
    QVERIFY(showRunsTable(&again));
    QVERIFY(!again.table()->isColumnHidden(model->columnOf(QStringLiteral("experiment"))));
    constant->trigger();
    // The name stays in view while the table scrolls right.
    auto *frozen = view.findChild<QTableView *>(QStringLiteral("frozenColumn"));
    QVERIFY(frozen && frozen->isVisible());
    for (int c = 0; c < model->columnCount(); ++c)
        table->setColumnWidth(c, 300);
    table->horizontalScrollBar()->setValue(table->horizontalScrollBar()->maximum());
    QVERIFY(table->horizontalScrollBar()->value() > 0);
    QVERIFY(frozen->isVisible());
    QCOMPARE(frozen->geometry().left(), table->frameWidth());
    QCOMPARE(frozen->model()->index(0, model->columnOf(QStringLiteral("name"))).data(),
             name.data());
    QVERIFY(!frozen->isColumnHidden(model->columnOf(QStringLiteral("name"))));
    QVERIFY(frozen->isColumnHidden(model->columnOf(QStringLiteral("status"))));
    // The status cell shows the word in the user's language with its icon.
    const int status = model->columnOf(QStringLiteral("status"));
    QStyleOptionViewItem option;
    option.initFrom(table);
    option.widget = table;
    auto *delegate = table->itemDelegateForColumn(status);
    QVERIFY(delegate);
    int failedRow = -1;
    for (int r = 0; r < table->model()->rowCount(); ++r)
        if (table->model()->index(r, status).data().toString() == u"Failed")
            failedRow = r;
    QVERIFY(failedRow >= 0);
    QStyledItemDelegate plain;
    const QModelIndex failed = table->model()->index(failedRow, status);
    QVERIFY(delegate->sizeHint(option, failed).width() > plain.sizeHint(option, failed).width());
    // A filter error shows without moving the table.
    const int top = table->geometry().top();
    QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("filter")),
                     QStringLiteral("params.lr >"));
    QVERIFY(view.findChild<QLabel *>(QStringLiteral("filterError"))->isVisible());
    QCOMPARE(table->geometry().top(), top);
}

void TestMetricChart::runsTableGroupsWithMeans()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    const QStringList teams{QStringLiteral("a"), QStringLiteral("a"), QStringLiteral("b")};
    for (int i = 0; i < 3; ++i)
        QVERIFY(Runs(*m_ws).setTag(m_runs[i], QStringLiteral("team"), teams[i], nullptr));
    RunsTableView view(*m_ws);
    QVERIFY(showRunsTable(&view));
    auto *groupBy = view.findChild<QComboBox *>(QStringLiteral("groupBy"));
    QVERIFY(groupBy->findData(QStringLiteral("tags.team")) > 0);
    view.setGroupKey(QStringLiteral("tags.team"));
    auto *tree = view.findChild<QTreeView *>(QStringLiteral("runGroups"));
    QVERIFY(tree->isVisible());
    const RunGroupsModel *groups = view.groups();
    QCOMPARE(groups->rowCount(), 2);
    const QModelIndex a = groups->index(0, 0);
    QCOMPARE(groups->rowCount(a), 2);
    const int loss = view.model()->columnOf(QStringLiteral("metrics.loss"));
    const double mean = (lossCurve(299, m_runs[0]) + lossCurve(299, m_runs[1])) / 2;
    QCOMPARE(groups->index(0, loss).data().toString(), QString::number(mean, 'g', 6));
    QVERIFY(groups->index(0, loss).data(Qt::ToolTipRole).toString().contains(QLatin1String("min")));
    const int name = view.model()->columnOf(QStringLiteral("name"));
    // (English plurals come with the app's translations, which tests do not load.)
    QVERIFY(groups->index(1, name).data().toString().startsWith(QLatin1String("team = b (1 run")));
    // Selecting runs in the groups still compares them.
    tree->selectionModel()->select(groups->index(0, 0, a),
                                   QItemSelectionModel::Select | QItemSelectionModel::Rows);
    QCOMPARE(view.selectedRuns().size(), 1);
    // The filter applies to the groups too; no grouping brings the table back.
    QTest::keyClicks(view.findChild<QLineEdit *>(QStringLiteral("filter")),
                     QStringLiteral("tags.team = b"));
    QCOMPARE(groups->rowCount(), 1);
    view.setGroupKey(QString());
    QVERIFY(view.table()->isVisible());
}

void TestMetricChart::runsTableFilterAndCompare()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    RunsTableView view(*m_ws);
    QVERIFY(showRunsTable(&view));
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

void TestMetricChart::runsTableFollowsTheStore()
{
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_dir->path());
    RunsTableView view(*m_ws);
    QVERIFY(showRunsTable(&view));
    auto *table = view.findChild<QTableView *>(QStringLiteral("runsTable"));
    table->selectRow(1);
    const QList<Id> selected = view.selectedRuns();
    QCOMPARE(selected.size(), 1);
    // Another process adds a run and a metric no run had.
    const Id added = addRun(*m_ws, QStringLiteral("mnist"));
    addSeries(*m_ws, added, QStringLiteral("f1"), 5, accuracyCurve);
    QTRY_COMPARE_WITH_TIMEOUT(table->model()->rowCount(), 4, 5000);
    QCOMPARE(view.selectedRuns(), selected); // the user's selection stays
    bool f1 = false;
    for (int c = 0; c < table->model()->columnCount(); ++c)
        f1 = f1
             || table->model()
                    ->headerData(c, Qt::Horizontal)
                    .toString()
                    .contains(QLatin1String("f1"));
    QVERIFY(f1);
}

// Pixels set in a but not in b and the other way round, and how many a sets.
static std::pair<int, int> pixelDifference(const QImage &a, const QImage &b)
{
    int differ = 0, set = 0;
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            const bool inA = qAlpha(a.pixel(x, y)) > 0, inB = qAlpha(b.pixel(x, y)) > 0;
            set += inA;
            differ += inA != inB;
        }
    return {differ, set};
}

// Whether every pixel set in a has one set in b at most a pixel away.
static bool withinOnePixel(const QImage &a, const QImage &b)
{
    auto set = [](const QImage &image, int x, int y) {
        return x >= 0 && y >= 0 && x < image.width() && y < image.height()
               && qAlpha(image.pixel(x, y)) > 0;
    };
    for (int y = 0; y < a.height(); ++y)
        for (int x = 0; x < a.width(); ++x) {
            if (!set(a, x, y))
                continue;
            bool near = false;
            for (int dy = -1; dy <= 1 && !near; ++dy)
                for (int dx = -1; dx <= 1 && !near; ++dx)
                    near = set(b, x + dx, y + dy);
            if (!near)
                return false;
        }
    return true;
}

// A chart line over 400 x 200 pixels: perColumn points per pixel column
// (0: one per 25 columns), noise and a rare spike.
static QPolygonF noisyLine(quint32 seed, int perColumn)
{
    QRandomGenerator rng(seed);
    QPolygonF line;
    for (int c = -5; c < 410; c += perColumn ? 1 : 25) {
        for (int k = 0; k < std::max(perColumn, 1); ++k) {
            double y = 100 + 60 * std::sin(c * 0.02) + (rng.generateDouble() - 0.5) * 30;
            if (rng.bounded(200) == 0)
                y -= 90; // a spike
            line << QPointF(c + (k + rng.generateDouble()) / std::max(perColumn, 1), y);
        }
    }
    return line;
}

void TestMetricChart::strokerMatchesQPainter_data()
{
    QTest::addColumn<qreal>("width");
    QTest::addColumn<int>("perColumn"); // points per pixel column; 0: one per 25 columns
    for (qreal width : {1.0, 1.5, 3.0})
        for (int perColumn : {0, 2, 4})
            QTest::addRow("width %g, %d per column", width, perColumn) << width << perColumn;
}

// ColumnStroker draws what a non-antialiased QPen of the same width draws
// segment by segment (square caps, as QtCharts painted its lines): the same
// pixels but for a few on the edges.
void TestMetricChart::strokerMatchesQPainter()
{
    QFETCH(qreal, width);
    QFETCH(int, perColumn);
    const QPolygonF line = noisyLine(width * 10 + perColumn, perColumn);
    QImage painted(400, 200, QImage::Format_ARGB32_Premultiplied);
    painted.fill(Qt::transparent);
    QImage stroked = painted;
    {
        QPainter painter(&painted);
        painter.setPen(QPen(Qt::black, width));
        for (qsizetype i = 1; i < line.size(); ++i)
            painter.drawLine(line.at(i - 1), line.at(i));
    }
    ColumnStroker().stroke(&stroked, line.constData(), line.size(), width, Qt::black);
    const auto [differ, set] = pixelDifference(painted, stroked);
    QVERIFY(set > 400);
    // A one-pixel pen steps like QPainter's but may round a step to the
    // neighbouring pixel: the same line within a pixel, about as many pixels.
    if (width > 1)
        QVERIFY2(differ <= set * 0.04, qPrintable(QStringLiteral("%1 of %2").arg(differ).arg(set)));
    const int strokedSet = pixelDifference(stroked, painted).second;
    QVERIFY2(std::abs(strokedSet - set) <= set / 10,
             qPrintable(QStringLiteral("%1 against %2").arg(strokedSet).arg(set)));
    QVERIFY(withinOnePixel(painted, stroked));
    QVERIFY(withinOnePixel(stroked, painted));
}

// A translucent line covers each pixel once, however many of its segments
// pass there (QPainter blends it again at every joint).
void TestMetricChart::strokerComposesOncePerPixel()
{
    QImage image(20, 100, QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::transparent);
    QPolygonF zigzag;
    for (int i = 0; i < 40; ++i)
        zigzag << QPointF(10 + i * 0.02, i % 2 ? 10 : 90);
    QColor faint(Qt::red);
    faint.setAlphaF(0.25);
    ColumnStroker().stroke(&image, zigzag.constData(), zigzag.size(), 1.5, faint);
    const int alpha = qAlpha(qPremultiply(faint.rgba()));
    int covered = 0;
    for (int y = 0; y < image.height(); ++y)
        for (int x = 0; x < image.width(); ++x) {
            const int a = qAlpha(image.pixel(x, y));
            QVERIFY(a == 0 || a == alpha);
            covered += a > 0;
        }
    QVERIFY(covered >= 80);
    // Points far off the image, or not numbers at all, draw nothing wrong.
    for (qreal width : {1.0, 1.5}) {
        const QList<QPointF> wild{{5, 50},     {5, qInf()},   {qQNaN(), 3}, {1e300, -1e300},
                                  {-1e9, 1e9}, {15, qQNaN()}, {6, 60}};
        ColumnStroker().stroke(&image, wild.constData(), wild.size(), width, Qt::blue);
    }
}

void TestMetricChart::dashesStrokedTogetherAsOneByOne_data()
{
    strokerMatchesQPainter_data();
}

// A dashed line's dashes in one call draw the pixels of one stroke() per
// dash: dashes in a column that do not meet keep their gap.
void TestMetricChart::dashesStrokedTogetherAsOneByOne()
{
    QFETCH(qreal, width);
    QFETCH(int, perColumn);
    const QPolygonF line = noisyLine(7 + perColumn, perColumn);
    std::vector<QLineF> dashes;
    dashSegments(line.constData(), line.size(), {4, 2}, width, &dashes);
    QImage oneByOne(400, 200, QImage::Format_ARGB32_Premultiplied);
    oneByOne.fill(Qt::transparent);
    QImage together = oneByOne;
    const QImage blank = oneByOne;
    ColumnStroker stroker;
    for (const QLineF &dash : dashes) {
        const QPointF ends[] = {dash.p1(), dash.p2()};
        stroker.stroke(&oneByOne, ends, 2, width, Qt::darkBlue);
    }
    stroker.strokeSegments(&together, dashes.data(), qsizetype(dashes.size()), width, Qt::darkBlue);
    QVERIFY(together == oneByOne);
    QVERIFY(pixelDifference(together, blank).second > 300);
    // Gaps stay: a column crossed by two dashes far apart is not filled between.
    QImage gap(20, 100, QImage::Format_ARGB32_Premultiplied);
    gap.fill(Qt::transparent);
    const QLineF apart[] = {{10.2, 10, 10.4, 20}, {10.5, 80, 10.7, 90}};
    stroker.strokeSegments(&gap, apart, 2, width, Qt::black);
    QCOMPARE(gap.pixel(10, 50), qRgba(0, 0, 0, 0));
    QCOMPARE(gap.pixel(10, 15), qRgb(0, 0, 0));
    QCOMPARE(gap.pixel(10, 85), qRgb(0, 0, 0));
}

void TestMetricChart::hiddenAndRawLinesHoldNothing()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.setRuns(chartRuns(m_runs), nullptr);
    const QList<QLineSeries *> all = view.findChildren<QLineSeries *>();
    QCOMPARE(all.size(), 6); // raw and main per run
    auto notDrawn = [&] {
        QList<QLineSeries *> out;
        for (QLineSeries *s : all)
            if (!view.lineSeries().contains(s))
                out << s;
        return out;
    };
    // Without smoothing the faint raw lines are neither decimated nor kept.
    QCOMPARE(notDrawn().size(), 3);
    for (QLineSeries *s : notDrawn()) {
        QVERIFY(!s->isVisible());
        QCOMPARE(s->count(), 0);
    }
    ChartOptions o;
    o.smoothing = 0.9;
    view.setOptions(o);
    QCOMPARE(view.lineSeries().size(), 6);
    for (QLineSeries *s : view.lineSeries())
        QCOMPARE(s->count(), 300);
    o.smoothing = 0;
    view.setOptions(o);
    QCOMPARE(notDrawn().size(), 3);
    for (QLineSeries *s : notDrawn())
        QCOMPARE(s->count(), 0);
    // A hidden run's line lets go of its points too.
    view.setRunVisible(m_runs.at(1), false);
    QCOMPARE(notDrawn().size(), 4);
    for (QLineSeries *s : notDrawn())
        QCOMPARE(s->count(), 0);
    view.setRunVisible(m_runs.at(1), true);
    QCOMPARE(view.lineSeries().size(), 3);
}

// The smallest colour distance to want among the pixels within two of pos.
static int nearestColourDistance(const QImage &image, QPointF pos, const QColor &want)
{
    int best = 1000;
    for (int dy = -2; dy <= 2; ++dy)
        for (int dx = -2; dx <= 2; ++dx) {
            const QColor c = image.pixelColor(int(pos.x()) + dx, int(pos.y()) + dy);
            best =
                std::min(best, std::abs(c.red() - want.red()) + std::abs(c.green() - want.green())
                                   + std::abs(c.blue() - want.blue()));
        }
    return best;
}

// The lines are painted by the view, not QtCharts, where QtCharts maps the
// values: dense without antialiasing, a few points with it.
void TestMetricChart::linesDrawnWhereTheAxesMap()
{
    const Id run = addRun(*m_ws, QStringLiteral("long"));
    addSeries(*m_ws, run, QStringLiteral("wave"), 200000,
              [](int step, Id) { return std::sin(step * 0.0001); });
    SeriesLoader loader(*m_ws);
    for (const QString &metric : {QStringLiteral("wave"), QStringLiteral("loss")}) {
        const bool dense = metric == QLatin1String("wave");
        MetricChartView view(*m_ws, &loader, metric);
        view.resize(800, 400);
        view.show();
        QVERIFY(QTest::qWaitForWindowExposed(&view));
        view.setRuns(chartRuns(dense ? QList<Id>{run} : m_runs.mid(0, 1)), nullptr);
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        // QtCharts holds only the empty series that carries the axes.
        QCOMPARE(view.chart()->series().size(), 1);
        QCOMPARE(static_cast<QLineSeries *>(view.chart()->series().first())->count(), 0);
        // Few points: antialiased; many (several dense lines): not.
        QCOMPARE(view.renderHints().testFlag(QPainter::Antialiasing), true);
        // Decimated to the plot area's columns (as laid out when it redraws:
        // the first ranges' labels moved its edge), at most two points each.
        view.redraw();
        const QRectF plot = view.chart()->plotArea();
        QCOMPARE(view.decimationWidth(), int(std::ceil(plot.width() * view.devicePixelRatioF())));
        QVERIFY(view.decimationWidth() < view.width() - 20);
        QLineSeries *line = view.lineSeries().first();
        QVERIFY(line->count() <= 2 * view.decimationWidth() + 2);
        const QColor color = ComparisonTab::runColor(0);
        for (bool antialiased : {true, false}) {
            view.setRenderHint(QPainter::Antialiasing, antialiased);
            const QImage image = view.viewport()->grab().toImage();
            for (double x : {0.1, 0.35, 0.5, 0.8}) {
                const QPointF value = line->at(int(x * line->count()));
                const QPointF pos = view.chart()->mapToPosition(value);
                QVERIFY(plot.contains(pos));
                // The exact colour without antialiasing; blended with it.
                QVERIFY2(nearestColourDistance(image, pos, color) <= (antialiased ? 120 : 0),
                         qPrintable(metric));
            }
            // Nothing of the line's colour outside the plot area.
            const QRect inside = plot.toAlignedRect().adjusted(-2, -2, 2, 2);
            for (int y = 0; y < image.height() && !antialiased; ++y)
                for (int x = 0; x < image.width(); ++x)
                    QVERIFY(inside.contains(x, y) || image.pixelColor(x, y) != color);
        }
        // Exported images draw the lines too.
        const QString png = m_dir->path() + QStringLiteral("/lines.png");
        QVERIFY(view.saveImage(png, QSize(640, 400), nullptr));
        const QImage exported(png);
        int near = 0; // above the legend (its swatches have the colour too)
        for (int y = 0; y < exported.height() * 2 / 3; ++y)
            for (int x = 0; x < exported.width(); ++x) {
                const QColor c = exported.pixelColor(x, y);
                near += std::abs(c.red() - color.red()) + std::abs(c.green() - color.green())
                            + std::abs(c.blue() - color.blue())
                        < 60;
            }
        QVERIFY2(near > 300, qPrintable(QString::number(near)));
    }
}

// What `mlwb chart export` does: a view never shown, exported bigger than
// its default size. The plot must fill the image, not its top-left corner.
void TestMetricChart::hiddenViewExportFillsTheImage()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("accuracy"));
    QVERIFY(view.setRuns(chartRuns(m_runs.mid(0, 1)), nullptr));
    const QString png = m_dir->path() + QStringLiteral("/big.png");
    QVERIFY(view.saveImage(png, QSize(1400, 900), nullptr));
    const QImage image(png);
    QCOMPARE(image.size(), QSize(1400, 900));
    // The first run's colour in the right quarter: the line reaches there.
    const QColor color = ComparisonTab::runColor(0);
    int right = 0;
    for (int y = 0; y < image.height() * 3 / 4; ++y)
        for (int x = image.width() * 3 / 4; x < image.width(); ++x) {
            const QColor c = image.pixelColor(x, y);
            right += std::abs(c.red() - color.red()) + std::abs(c.green() - color.green())
                         + std::abs(c.blue() - color.blue())
                     < 60;
        }
    QVERIFY2(right > 100, qPrintable(QString::number(right)));
}

// Zoom and scroll go through QtCharts' domains of the axes' series: they
// still move the axes, and the lines follow from the full data.
void TestMetricChart::rubberBandAndScrollStillZoom()
{
    SeriesLoader loader(*m_ws);
    MetricChartView view(*m_ws, &loader, QStringLiteral("loss"));
    view.resize(800, 500);
    view.show();
    QVERIFY(QTest::qWaitForWindowExposed(&view));
    view.setRuns(chartRuns(m_runs), nullptr);
    auto *x = static_cast<QValueAxis *>(view.xAxis());
    QCOMPARE(x->max(), 299.0);
    const QRectF plot = view.chart()->plotArea();
    view.chart()->zoomIn(QRectF(plot.left(), plot.top(), plot.width() / 2, plot.height()));
    QVERIFY(!view.isFollowing());
    QVERIFY(std::abs(x->max() - 149.5) < 1);
    // The redraw is queued: the line then holds what the range shows.
    QTRY_VERIFY(view.lineSeries().first()->count() < 300);
    view.chart()->scroll(plot.width() / 2, 0); // half the shown range: 75 steps
    QVERIFY2(x->min() > 60, qPrintable(QString::number(x->min())));
    QTRY_VERIFY(view.lineSeries().first()->at(0).x() > 60);
}

// Past its memory budget a tab holds long lines as per-block summaries and
// rereads blocks from the store: the picture, live growth, zoom and hover
// stay what every point in memory gives; smoothing brings the points back.
void TestMetricChart::longRunsAreSummarizedAndDrawnTheSame()
{
    QList<Id> runs;
    for (int r = 0; r < 2; ++r) {
        runs << addRun(*m_ws, QStringLiteral("long"));
        if (r == 1)
            continue; // logs its metric later
        addSeries(*m_ws, runs.last(), QStringLiteral("noise"), 150000, [](int step, Id run) {
            if (step % 9973 == 0)
                return qQNaN(); // a break in the line
            return std::sin(step * 0.001 * double(run)) + (step == 77777 ? 50.0 : 0.0);
        });
    }
    SeriesLoader allLoader(*m_ws), summaryLoader(*m_ws);
    allLoader.setMemoryBudget(qsizetype(1) << 40);
    summaryLoader.setMemoryBudget(0);
    MetricChartView allView(*m_ws, &allLoader, QStringLiteral("noise"));
    MetricChartView summaryView(*m_ws, &summaryLoader, QStringLiteral("noise"));
    MetricChartView *all = &allView, *summary = &summaryView;
    for (MetricChartView *view : {all, summary}) {
        view->resize(700, 400);
        view->show();
        QVERIFY(view->setRuns(chartRuns(runs), nullptr));
    }
    QCOMPARE(all->summarizedLines(), 0);
    QCOMPARE(summary->summarizedLines(), 1);
    QCOMPARE(summaryLoader.heldBytes(), qsizetype(0)); // no point kept
    // The second run's metric appears: it joins as a summary, and the first
    // line does not load its points again.
    addSeries(*m_ws, runs.at(1), QStringLiteral("noise"), 150000, [](int step, Id run) {
        return step % 9973 == 0 ? qQNaN() : std::sin(step * 0.001 * double(run));
    });
    QVERIFY(all->refresh(nullptr));
    QVERIFY(summary->refresh(nullptr));
    QCOMPARE(summary->summarizedLines(), 2);
    QCOMPARE(summaryLoader.heldBytes(), qsizetype(0));
    QVERIFY(allLoader.heldBytes() >= 2 * 150000 * 24);
    auto compare = [&](const char *what) {
        const QList<QLineSeries *> a = all->lineSeries(), b = summary->lineSeries();
        QCOMPARE(a.size(), b.size());
        for (int i = 0; i < a.size(); ++i)
            QVERIFY2(samePoints(a[i]->points(), b[i]->points()),
                     qPrintable(QStringLiteral("%1: line %2, %3 points against %4")
                                    .arg(QLatin1String(what))
                                    .arg(i)
                                    .arg(b[i]->count())
                                    .arg(a[i]->count())));
        QCOMPARE(all->readoutAt(123456.4), summary->readoutAt(123456.4));
        QCOMPARE(axisRange(all->yAxis()), axisRange(summary->yAxis()));
    };
    compare("all data");
    // Live: both runs grow; the summaries take only the new points.
    PointBlockWriter writer(m_ws->database());
    Metrics metrics(*m_ws);
    for (int tick = 0; tick < 5; ++tick) {
        for (Id run : runs) {
            const auto s = metrics.find(run, QStringLiteral("noise"));
            QVERIFY(s);
            const qint64 have = s->count + tick * 3000;
            for (qint64 i = have; i < have + 3000; ++i)
                QVERIFY(writer.append(s->id, i, i, 1.7e9 + double(i), std::cos(double(i)) * 2,
                                      nullptr));
        }
        QVERIFY(writer.flush(nullptr));
        QVERIFY(all->refresh(nullptr));
        QVERIFY(summary->refresh(nullptr));
        compare("live");
    }
    QCOMPARE(summaryLoader.heldBytes(), qsizetype(0));
    // Zooms: a 1,000-step window shows every point (and one beyond each edge).
    for (double x0 : {0.0, 40000.0, 77000.0, 160000.0}) {
        all->zoomTo(x0, x0 + 999);
        summary->zoomTo(x0, x0 + 999);
        compare("zoomed");
        QCOMPARE(summary->lineSeries().first()->count() >= 1000, true);
    }
    all->zoomTo(30000, 90000);
    summary->zoomTo(30000, 90000);
    compare("wide zoom");
    all->resetZoom();
    summary->resetZoom();
    compare("reset");
    // Smoothing needs every point: they come back, and go when it is off.
    ChartOptions o;
    o.smoothing = 0.6;
    summary->setOptions(o);
    all->setOptions(o);
    QCOMPARE(summary->summarizedLines(), 0);
    compare("smoothed");
    summary->setOptions(ChartOptions());
    all->setOptions(ChartOptions());
    QCOMPARE(summary->summarizedLines(), 2);
    QCOMPARE(summaryLoader.heldBytes(), qsizetype(0));
    compare("raw again");
}

QTEST_MAIN(TestMetricChart)
#include "tst_metricchart.moc"
