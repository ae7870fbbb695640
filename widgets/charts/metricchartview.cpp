#include "charts/metricchartview.h"
#include "charts/metricchartline.h"

#include "charts/chartlinesitem.h"
#include "metrics/decimator.h"
#include "metrics/metrics.h"
#include "metrics/seriesloader.h"
#include "metrics/smoothing.h"
#include "store/workspace.h"

#include <QApplication>
#include <QDateTime>
#include <QDateTimeAxis>
#include <QFontMetrics>
#include <QImage>
#include <QLineSeries>
#include <QLogValueAxis>
#include <QMouseEvent>
#include <QPainter>
#include <QScopedValueRollback>
#include <QSemaphore>
#include <QSvgGenerator>
#include <QThreadPool>
#include <QToolTip>
#include <QValueAxis>
#include <algorithm>
#include <atomic>
#include <cmath>
#include <optional>
#include <utility>

namespace mlwb {

namespace {
// Beyond this many points antialiasing costs more than it shows: about ten
// lines dense enough to fill every column, whose pixels it hardly changes,
// while it costs a live panel most of its paint time (bench_chartlive).
constexpr qsizetype antialiasLimit = 20000;

// While points stream in, each picture lasts a tenth of a second: drawn
// without antialiasing, at about half the GUI thread's cost (bench_chartlive
// 10 300 8 2). This long after the last new point the picture is smoothed.
constexpr int settleMs = 1000;

// Below this many points a line's decimation is quicker than waking a thread.
constexpr qsizetype parallelLimit = 500000;

// Runs work(0 .. count - 1) on this thread and, for `points` worth it, the
// global pool's idle ones.
template <typename Work> void forEachInParallel(qsizetype count, qsizetype points, const Work &work)
{
    if (points < parallelLimit) {
        for (qsizetype i = 0; i < count; ++i)
            work(i);
        return;
    }
    QThreadPool *pool = QThreadPool::globalInstance();
    std::atomic<qsizetype> next{0};
    auto worker = [&] {
        for (qsizetype i; (i = next++) < count;)
            work(i);
    };
    const int helpers = int(std::min<qsizetype>(pool->maxThreadCount(), count) - 1);
    QSemaphore done;
    int started = 0;
    for (int h = 0; h < helpers; ++h)
        if (pool->tryStart([&] {
                worker();
                done.release();
            }))
            ++started;
    worker();
    done.acquire(started);
}
} // namespace

MetricChartView::MetricChartView(const Workspace &workspace, SeriesLoader *loader,
                                 const QString &metric, QWidget *parent)
    : QChartView(parent)
    , m_workspace(workspace)
    , m_loader(loader)
    , m_metric(metric)
{
    setObjectName(QStringLiteral("metricChart"));
    auto *c = new QChart;
    c->setTitle(metric);
    c->legend()->hide(); // the tab's legend has the per-run checkboxes
    c->setAnimationOptions(QChart::NoAnimation);
    c->setMargins(QMargins(4, 4, 4, 4));
    setChart(c);
    setRubberBand(QChartView::RectangleRubberBand);
    setMouseTracking(true);
    setAcceptDrops(true); // another panel dropped here merges into this one
    m_redrawTimer.setSingleShot(true);
    m_redrawTimer.setInterval(0);
    connect(&m_redrawTimer, &QTimer::timeout, this, &MetricChartView::redraw);
    m_settleTimer.setSingleShot(true);
    m_settleTimer.setInterval(settleMs);
    connect(&m_settleTimer, &QTimer::timeout, this, [this] {
        m_streaming = false;
        setRenderHint(QPainter::Antialiasing, smoothAtRest());
        viewport()->update();
    });
    // QtCharts zooms, scrolls and maps values through the domains of the
    // series on the axes: one empty series stands in for the runs' lines.
    m_axisSeries = new QLineSeries;
    m_axisSeries->setObjectName(QStringLiteral("axisSeries"));
    c->addSeries(m_axisSeries);
    m_linesItem = new ChartLinesItem(c);
    connect(c, &QChart::plotAreaChanged, this, [this] {
        m_linesItem->updateGeometry();
        // Labels of another width moved the plot area's edge: decimate again
        // only when the lines now have clearly too few columns.
        if (plotWidth() > m_decimationWidth + m_decimationWidth / 20)
            m_redrawTimer.start();
    });
    makeAxes();
}

MetricChartView::~MetricChartView() = default;

bool MetricChartView::smoothAtRest() const
{
    return m_drawn < antialiasLimit;
}

QStringList MetricChartView::metrics() const
{
    return QStringList{m_metric} + m_merged;
}

void MetricChartView::setMerged(const QStringList &others)
{
    if (others == m_merged)
        return;
    m_merged = others;
    chart()->setTitle(metrics().join(QStringLiteral(" · ")));
    m_yAxis->setTitleText(metrics().join(QStringLiteral(", ")));
    setRuns(m_runs, nullptr);
}

bool MetricChartView::setRuns(const QList<ChartRun> &runs, QString *error)
{
    m_linesItem->setSeries({});
    for (const auto &line : m_lines) {
        delete line->raw;
        delete line->main;
    }
    m_lines.clear();
    m_runs = runs;
    const Metrics metrics(m_workspace);
    const QStringList shown = this->metrics();
    // Merged metrics: the run's colour, one dash pattern per metric.
    static const Qt::PenStyle dashes[] = {Qt::SolidLine, Qt::DashLine, Qt::DotLine,
                                          Qt::DashDotLine};
    for (int m = 0; m < shown.size(); ++m) {
        for (const ChartRun &run : runs) {
            auto line = std::make_unique<Line>();
            line->run = run;
            line->metric = shown.at(m);
            // A run without this metric keeps its slot (and colour) but draws nothing.
            if (const auto s = metrics.find(run.runId, line->metric))
                line->seriesId = s->id;
            if (!line->seriesId || !m_loader->series(line->seriesId, error))
                line->seriesId = 0;
            // Summarized as soon as the tab outgrows its memory: opening many
            // long runs never holds all their points at once.
            if (line->seriesId && summarizable() && m_loader->heldBytes() > m_loader->memoryBudget()
                && !summarize(line.get()))
                line->seriesId = 0;
            line->raw = new QLineSeries(this);
            line->main = new QLineSeries(this);
            const QString name =
                shown.size() > 1 ? run.label + QStringLiteral(" · ") + line->metric : run.label;
            line->raw->setName(name);
            line->main->setName(name);
            QColor faint = run.color;
            faint.setAlphaF(0.25);
            line->raw->setPen(QPen(faint, 1, dashes[m % 4]));
            line->main->setPen(QPen(run.color, 1.5, dashes[m % 4]));
            m_lines.push_back(std::move(line));
        }
    }
    QList<QLineSeries *> drawn; // bottom first, as QtCharts stacked the series
    for (const auto &line : m_lines)
        drawn << line->raw << line->main;
    m_linesItem->setSeries(drawn);
    rebuildCurves();
    return true;
}

void MetricChartView::setOptions(const ChartOptions &options)
{
    const bool newAxes = options.xMode != m_options.xMode || options.logY != m_options.logY;
    const bool newX = newAxes || options.xMetric != m_options.xMetric;
    m_options = options;
    if (newAxes)
        makeAxes();
    // Smoothing and outliers keep the user's zoom; another x axis cannot.
    if (newX)
        setFollowing(true);
    m_autoY = true;
    rebuildCurves();
}

void MetricChartView::makeAxes()
{
    const QScopedValueRollback<bool> applying(m_applying, true);
    for (QAbstractAxis *axis : {m_xAxis, m_yAxis}) {
        if (axis) {
            chart()->removeAxis(axis);
            delete axis;
        }
    }
    if (m_options.xMode == XAxisMode::WallTime) {
        auto *x = new QDateTimeAxis;
        x->setFormat(QStringLiteral("MM-dd hh:mm"));
        connect(x, &QDateTimeAxis::rangeChanged, this, &MetricChartView::onAxisRangeChanged);
        m_xAxis = x;
    } else {
        auto *x = new QValueAxis;
        x->setLabelFormat(QStringLiteral("%.6g"));
        connect(x, &QValueAxis::rangeChanged, this, &MetricChartView::onAxisRangeChanged);
        m_xAxis = x;
    }
    if (m_options.logY) {
        auto *y = new QLogValueAxis;
        y->setLabelFormat(QStringLiteral("%.3g"));
        connect(y, &QLogValueAxis::rangeChanged, this, &MetricChartView::onAxisRangeChanged);
        m_yAxis = y;
    } else {
        auto *y = new QValueAxis;
        y->setLabelFormat(QStringLiteral("%.4g"));
        connect(y, &QValueAxis::rangeChanged, this, &MetricChartView::onAxisRangeChanged);
        m_yAxis = y;
    }
    m_yAxis->setTitleText(metrics().join(QStringLiteral(", ")));
    chart()->addAxis(m_xAxis, Qt::AlignBottom);
    chart()->addAxis(m_yAxis, Qt::AlignLeft);
    for (QAbstractAxis *axis : {m_xAxis, m_yAxis}) {
        // A one-pixel cosmetic pen, as the theme's looks: a grid line with a
        // width asks a path stroker for its shape on every range change.
        QPen grid = axis->gridLinePen();
        grid.setWidthF(0);
        axis->setGridLinePen(grid);
    }
    m_axisSeries->attachAxis(m_xAxis);
    m_axisSeries->attachAxis(m_yAxis);
    m_linesItem->setAxes(m_xAxis, m_yAxis);
    attachAggregate();
}

double MetricChartView::relativeUnit() const
{
    double span = 0;
    for (const auto &line : m_lines) {
        const SeriesArrays *a = line->seriesId ? m_loader->cached(line->seriesId) : nullptr;
        if (a && a->size())
            span = std::max(span, a->time.last() - line->run.start);
    }
    return span < 120 ? 1 : span < 2 * 3600 ? 60 : 3600;
}

QString MetricChartView::axisTitle() const
{
    switch (m_options.xMode) {
    case XAxisMode::Step:
        return tr("step");
    case XAxisMode::WallTime:
        return tr("time");
    case XAxisMode::RelativeTime:
        return m_unit == 1    ? tr("seconds since start")
               : m_unit == 60 ? tr("minutes since start")
                              : tr("hours since start");
    case XAxisMode::Metric:
        return m_options.xMetric;
    }
    return QString();
}

void MetricChartView::rebuildCurves()
{
    m_refit = true;
    // Smoothing, another x axis, outliers and the aggregate need every point.
    if (!summarizable()) {
        for (const auto &line : m_lines) {
            if (line->lod) {
                line->lod.reset();
                if (!m_loader->series(line->seriesId, nullptr))
                    line->seriesId = 0;
            }
        }
    }
    m_unit = m_options.xMode == XAxisMode::RelativeTime ? relativeUnit() : 1;
    const Metrics metrics(m_workspace);
    for (const auto &line : m_lines) {
        line->xSeriesId = 0;
        const SeriesArrays *x = nullptr;
        if (m_options.xMode == XAxisMode::Metric && line->seriesId) {
            if (const auto s = metrics.find(line->run.runId, m_options.xMetric)) {
                line->xSeriesId = s->id;
                x = m_loader->series(s->id, nullptr);
            }
        }
        const bool points = line->seriesId && !line->lod;
        line->curve.setSource(points ? m_loader->cached(line->seriesId) : nullptr, x,
                              line->run.start);
        line->curve.build(m_options.xMode, m_unit, m_options.smoothing);
        ++line->generation;
    }
    summarizeOverBudget();
    m_xAxis->setTitleText(axisTitle());
    redraw();
}

bool MetricChartView::refresh(QString *error)
{
    const SeriesLoader::ReadBatch batch(*m_loader);
    bool any = false, appeared = false;
    for (const auto &line : m_lines) {
        bool grew = false;
        if (!line->seriesId) {
            // A run that had not logged this metric yet may have now.
            if (const auto s = Metrics(m_workspace).find(line->run.runId, line->metric)) {
                line->seriesId = s->id;
                appeared = true;
            }
            continue;
        }
        if (line->lod) {
            if (!growSummary(line.get(), &grew, error))
                return false;
            // Steps that went back: the summaries cannot take them.
            appeared = appeared || !line->lod;
        } else {
            if (!m_loader->refresh(line->seriesId, &grew, error))
                return false;
            if (line->xSeriesId && !m_loader->refresh(line->xSeriesId, &grew, error))
                return false;
            if (grew)
                line->curve.update();
        }
        if (grew) {
            ++line->generation;
            any = true;
        }
    }
    summarizeOverBudget();
    if (any) {
        m_streaming = true;
        m_settleTimer.start();
    }
    if (appeared) {
        for (const auto &line : m_lines) // summarized lines stay summaries
            if (line->seriesId && !line->lod && !m_loader->series(line->seriesId, error))
                return false;
        rebuildCurves();
    } else if (any) {
        if (m_options.xMode == XAxisMode::RelativeTime && relativeUnit() != m_unit)
            rebuildCurves();
        else
            redraw();
    }
    return true;
}

void MetricChartView::setRunVisible(Id runId, bool visible)
{
    for (const auto &line : m_lines)
        if (line->run.runId == runId)
            line->visible = visible;
    m_refit = true;
    redraw();
}

std::pair<double, double> MetricChartView::dataRange() const
{
    double x0 = qInf(), x1 = -qInf();
    for (const auto &line : m_lines) {
        if (!line->visible || !line->size())
            continue;
        x0 = std::min(x0, line->firstX());
        x1 = std::max(x1, line->lastX());
    }
    if (!std::isfinite(x0))
        return {0, 1};
    if (x1 <= x0)
        return {x0 - 0.5, x1 + 0.5};
    return {x0, x1};
}

std::pair<double, double> MetricChartView::shownRange() const
{
    return axisRange(m_xAxis);
}

int MetricChartView::plotWidth() const
{
    // Before its first layout (a hidden widget) the chart's plot area is
    // empty or stale: the widget's width is never too narrow.
    const qreal plot = chart()->plotArea().width();
    const qreal widget = width();
    const qreal w = plot >= 1 ? std::min(plot, widget) : widget;
    return std::max(1, int(std::ceil(w * devicePixelRatioF())));
}

// Exactly (QPointF's == is fuzzy: it takes 1e-13 and 2e-13 for the same).
static bool samePoints(const QList<QPointF> &a, const QList<QPointF> &b)
{
    return a.size() == b.size()
           && std::equal(a.begin(), a.end(), b.begin(), [](const QPointF &p, const QPointF &q) {
                  return p.x() == q.x() && p.y() == q.y();
              });
}

void MetricChartView::redraw()
{
    m_redrawTimer.stop();
    const bool keep = m_following && !std::exchange(m_refit, false);
    const auto [x0, x1] = !m_following ? shownRange()
                          : keep       ? roomToGrow(dataRange(), shownRange())
                                       : dataRange();
    if (m_following)
        m_followed = {x0, x1};
    const int width = plotWidth();
    m_decimationWidth = width;
    std::vector<Line *> shown;
    for (const auto &line : m_lines) {
        const MetricCurve &c = line->curve;
        const bool show = line->visible && line->size() > 0 && !m_aggregate;
        line->main->setVisible(show);
        line->raw->setVisible(show && c.isSmoothed());
        // A hidden line keeps no points (nothing to draw, nothing to hold).
        if (!show) {
            line->mainPoints.clear();
            line->whole = {};
        }
        if (!line->raw->isVisible())
            line->rawPoints.clear();
        if (show)
            shown.push_back(line.get());
    }
    const bool logY = m_options.logY;
    auto feed = [&](const MetricCurve &c, const double *y, const ExtremaBlocks *blocks,
                    QList<QPointF> *points) {
        // Min and max per column: the vertical span M4's four points would
        // cover, in half the points to hand over and draw.
        Decimator::extremesPerPixel(c.x(), y, c.size(), x0, x1, width, points, blocks);
        // NaN breaks a line; a log axis cannot show y <= 0.
        points->removeIf(
            [logY](const QPointF &p) { return !std::isfinite(p.y()) || (logY && p.y() <= 0); });
    };
    // Back to all data after a zoom, with nothing new: the columns kept then.
    const Line::Columns key{0, x0, x1, width, logY, {}, {}};
    const auto kept = [&](const Line *line) {
        const Line::Columns &w = line->whole;
        return w.generation == line->generation && w.x0 == x0 && w.x1 == x1 && w.width == width
               && w.logY == logY;
    };
    std::vector<Line *> toDecimate;
    std::optional<SeriesLoader::ReadBatch> batch; // only when a summarized line rereads blocks
    for (Line *line : shown) {
        if (m_following && kept(line)) {
            line->mainPoints = line->whole.main;
            line->rawPoints = line->whole.raw;
        } else if (line->lod) { // reads the store: on this thread, one at a time
            if (!batch)
                batch.emplace(*m_loader);
            decimateSummary(line, x0, x1, width);
            line->mainPoints.removeIf(
                [logY](const QPointF &p) { return !std::isfinite(p.y()) || (logY && p.y() <= 0); });
            if (m_following) {
                line->whole = key;
                line->whole.generation = line->generation;
                line->whole.main = line->mainPoints;
            }
        } else {
            toDecimate.push_back(line);
        }
    }
    qsizetype points = 0;
    for (const Line *line : toDecimate)
        points += line->curve.size();
    forEachInParallel(qsizetype(toDecimate.size()), points, [&](qsizetype i) {
        Line *line = toDecimate[size_t(i)];
        const MetricCurve &c = line->curve;
        if (c.isSmoothed()) {
            feed(c, c.smoothed(), c.smoothedBlocks(), &line->mainPoints);
            feed(c, c.y(), c.yBlocks(), &line->rawPoints);
        } else {
            feed(c, c.y(), c.yBlocks(), &line->mainPoints);
        }
        if (m_following) { // shares the lists: no copy
            line->whole = key;
            line->whole.generation = line->generation;
            line->whole.main = line->mainPoints;
            line->whole.raw = line->rawPoints;
        }
    });
    qsizetype drawn = 0;
    double lo = qInf(), hi = -qInf(); // of what is drawn: every column's extremes
    for (const Line *line : shown) {
        drawn += line->mainPoints.size() + line->rawPoints.size();
        for (const QPointF &p : line->mainPoints)
            if (p.x() >= x0 && p.x() <= x1) {
                lo = std::min(lo, p.y());
                hi = std::max(hi, p.y());
            }
    }
    if (m_aggregate)
        computeAggregate(x0, x1, width, &lo, &hi);
    const QPainter::RenderHints hints = renderHints();
    m_drawn = drawn;
    setRenderHint(QPainter::Antialiasing, smoothAtRest() && !m_streaming);
    if (m_options.ignoreOutliers)
        std::tie(lo, hi) = percentiles(x0, x1);
    auto [y0, y1] = m_autoY ? padded(lo, hi) : std::pair<double, double>{qQNaN(), qQNaN()};
    if (keep && m_autoY && !m_options.logY) {
        const auto *y = static_cast<const QValueAxis *>(m_yAxis);
        std::tie(y0, y1) = roomToGrow({y0, y1}, {y->min(), y->max()});
    }
    const auto axes = std::pair(axisRange(m_xAxis), axisRange(m_yAxis));
    applyRanges(x0, x1, y0, y1);
    // Paints again only when a pixel may differ: a live refresh whose points
    // fall into columns without moving their extremes leaves the picture as
    // it is (late in a long run most do).
    bool differs =
        axes != std::pair(axisRange(m_xAxis), axisRange(m_yAxis)) || renderHints() != hints;
    // The series are not in the chart: replace() only shares the list.
    for (const auto &line : m_lines) {
        differs = differs || !samePoints(line->main->points(), line->mainPoints)
                  || !samePoints(line->raw->points(), line->rawPoints);
        line->main->replace(line->mainPoints);
        line->raw->replace(line->rawPoints);
    }
    if (differs || m_aggregate)
        m_linesItem->changed();
    showAggregate();
}

// The 1st..99th percentile of what the visible lines hold in [x0, x1].
std::pair<double, double> MetricChartView::percentiles(double x0, double x1) const
{
    double lo = qInf(), hi = -qInf();
    for (const auto &line : m_lines) {
        const MetricCurve &c = line->curve;
        if (!line->visible || !c.size())
            continue;
        const double *x = c.x();
        const qsizetype b = std::lower_bound(x, x + c.size(), x0) - x;
        const qsizetype e = std::upper_bound(x, x + c.size(), x1) - x;
        const double *y = c.isSmoothed() ? c.smoothed() : c.y();
        const auto [l, h] = Smoothing::percentileRange(y + b, y + e, 1, 99);
        if (std::isfinite(l)) {
            lo = std::min(lo, l);
            hi = std::max(hi, h);
        }
    }
    return {lo, hi};
}

std::pair<double, double> MetricChartView::padded(double lo, double hi) const
{
    if (!std::isfinite(lo) || !std::isfinite(hi))
        return {0, 1};
    if (m_options.logY) {
        lo = lo > 0 ? lo : 1e-6;
        return {lo / 1.2, std::max(hi, lo) * 1.2};
    }
    // A flat line gets ±10 % of its value, so 0.001 is not shown on 0…0.5.
    const double pad = hi > lo ? (hi - lo) * 0.05 : lo != 0 ? std::abs(lo) * 0.1 : 0.5;
    return {lo - pad, hi + pad};
}

// While points arrive, an axis that must widen gets a tenth more than the
// data needs, and keeps its range while the data fits and fills most of it.
// Otherwise every refresh would move the ticks, lay out QtCharts' axes again
// and shift the lines under the reader's eye.
std::pair<double, double> MetricChartView::roomToGrow(std::pair<double, double> wanted,
                                                      std::pair<double, double> shown) const
{
    const auto [lo, hi] = wanted;
    const auto [a, b] = shown;
    const double span = hi - lo;
    if (!(span > 0) || !(b > a) || !std::isfinite(a) || !std::isfinite(b))
        return wanted;
    if (lo >= a && hi <= b)
        return span >= 0.8 * (b - a) ? shown : wanted;
    // Room on the side that grew; the other side stays where it was (a step
    // axis keeps starting at its first step) unless that leaves too much empty.
    const double room = 0.1 * span;
    const double from = lo < a ? lo - room : a, to = hi > b ? hi + room : b;
    if (span >= 0.8 * (to - from))
        return {from, to};
    return {lo < a ? from : lo, hi > b ? to : hi};
}

// Ticks at 1, 2 or 5 times a power of ten, at least `spacing` pixels apart
// (labels closer than that get elided to "…"), at most about six.
static void niceTicks(QAbstractAxis *axis, double lo, double hi, double pixels, double spacing)
{
    auto *v = qobject_cast<QValueAxis *>(axis);
    if (!v || !(hi > lo))
        return;
    const double ticks = pixels > 0 ? std::clamp(std::floor(pixels / spacing), 2.0, 6.0) : 6.0;
    const double raw = (hi - lo) / ticks;
    const double power = std::pow(10.0, std::floor(std::log10(raw)));
    // Round up, so there are never more ticks than asked for.
    const double f = raw / power;
    const double step = (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * power;
    v->setTickType(QValueAxis::TicksDynamic);
    v->setTickAnchor(0);
    v->setTickInterval(step);
}

void MetricChartView::applyRanges(double x0, double x1, double y0, double y1)
{
    m_applying = true;
    const QRectF plot = chart()->plotArea();
    // Labels a little wider than the longest one apart: "20" allows more than "1.5e+06".
    const QFontMetrics fm(m_xAxis->labelsFont());
    const double xLabel = std::max(fm.horizontalAdvance(QString::number(x0, 'g', 6)),
                                   fm.horizontalAdvance(QString::number(x1, 'g', 6)));
    niceTicks(m_xAxis, x0, x1, plot.width(), std::max(50.0, xLabel + 30));
    if (std::isfinite(y0) && std::isfinite(y1))
        niceTicks(m_yAxis, y0, y1, plot.height(), 40);
    if (auto *t = qobject_cast<QDateTimeAxis *>(m_xAxis))
        t->setRange(QDateTime::fromMSecsSinceEpoch(qint64(x0)),
                    QDateTime::fromMSecsSinceEpoch(qint64(std::ceil(x1))));
    else
        m_xAxis->setRange(x0, x1);
    if (std::isfinite(y0) && std::isfinite(y1))
        m_yAxis->setRange(y0, y1);
    m_applying = false;
}

void MetricChartView::onAxisRangeChanged()
{
    if (m_applying)
        return;
    // The user zoomed or panned: stop following, redraw from the full data.
    setFollowing(false);
    if (sender() == m_yAxis)
        m_autoY = false;
    m_redrawTimer.start();
}

void MetricChartView::setFollowing(bool following)
{
    if (m_following == following)
        return;
    m_following = following;
    Q_EMIT followingChanged(following);
}

void MetricChartView::resetZoom()
{
    m_autoY = true;
    const bool zoomed = !m_following;
    setFollowing(true);
    // Back from a zoom to the live view as it was, room to grow included,
    // while the data still fits it: the lines' columns are then those drawn
    // before, and a summarized line redoes only the columns that grew. Not
    // zoomed (or the data outgrew it): fit the data.
    const auto [x0, x1] = m_followed;
    if (zoomed && x1 > x0) {
        applyRanges(x0, x1, qQNaN(), qQNaN());
        m_refit = false;
    } else {
        m_refit = true;
    }
    redraw();
}

void MetricChartView::zoomTo(double x0, double x1)
{
    setFollowing(false);
    m_autoY = true;
    applyRanges(x0, x1, qQNaN(), qQNaN());
    redraw();
}

QList<QLineSeries *> MetricChartView::lineSeries() const
{
    QList<QLineSeries *> out;
    for (const auto &line : m_lines) {
        if (line->main->isVisible())
            out << line->main;
        if (line->raw->isVisible())
            out << line->raw;
    }
    return out;
}

void MetricChartView::resizeEvent(QResizeEvent *event)
{
    QChartView::resizeEvent(event);
    m_redrawTimer.start(); // more or fewer pixels: decimate again
}

} // namespace mlwb
