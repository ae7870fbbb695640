// Chart soak (issue 15): runs x metrics series grow live, a tick at a time
// (every series gains the same number of points per tick), while "the chart"
// keeps each series' full-view picture up to date at 1600 px, as a live
// comparison redraws. Two ways, each in its own process so their memory is
// its own, on the same workspace layout and the same points:
//  - full (the baseline, today's chart): every point held (SeriesLoader's
//    arrays plus ExtremaBlocks), decimated with Decimator::extremesPerPixel;
//  - lod: per-block summaries (LodSeries) fed with only the new points, the
//    blocks that straddle a pixel column's edge read back from the store.
// Reported per way: resident memory growth per million points after a
// warm-up (anonymous memory: what the process holds; total RSS also counts
// the pages of the mmapped database it read), the median redraw of all
// series per tick (the view keeps its range while the data grows into it,
// as the chart's does), and the median time to zoom every series into a
// 1,000-step window, back to the live view after the runs logged on (as
// Reset Zoom does), and to draw a range not drawn before (the axis growing
// by a tenth, a resize).
//
//   bench_chartsoak [points per series] [runs=10] [metrics=3]
//   (or MLWB_SOAK_POINTS); the size is 3000000, default 300000.
//   MLWB_SOAK_ONLY=lod (or full): measure one way only (the other prints 0).
//   MLWB_SOAK_MMAP=0: the children read the database without mmap, so total
//   RSS leaves out the database pages they read (the workspace maps 1 GB).
#include "benchtiming.h"
#include "charts/comparisontab.h"
#include "charts/metricchartview.h"
#include "metrics/decimator.h"
#include "metrics/lodseries.h"
#include "metrics/pointblocks.h"
#include "metrics/seriesloader.h"
#include "store/workspace.h"

#include <QApplication>
#include <QCoreApplication>
#include <QFile>
#include <QLineSeries>
#include <QProcess>
#include <QRandomGenerator>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <cmath>
#include <cstdio>
#include <memory>

using namespace mlwb;

namespace {

constexpr int width = 1600;
constexpr int ticks = 100;

// kB of a field of /proc/self/status ("VmRSS", "RssAnon").
double statusMb(const char *field)
{
    QFile f(QStringLiteral("/proc/self/status"));
    if (!f.open(QIODevice::ReadOnly))
        return qQNaN();
    const QByteArray key = QByteArray(field) + ':';
    for (const QByteArray &line : f.readAll().split('\n'))
        if (line.startsWith(key))
            return line.mid(key.size()).trimmed().split(' ').first().toDouble() / 1024.0;
    return qQNaN();
}

void exec(Workspace &ws, const QString &sql)
{
    QSqlQuery q(ws.database());
    if (!q.exec(sql))
        qFatal("%s", qPrintable(sql));
}

// The value of series s at step i: a noisy decay, a rare spike, a rare NaN.
double valueAt(int s, qint64 i)
{
    const quint64 h = quint64(i) * 0x9E3779B97F4A7C15ull ^ quint64(s) * 0xBF58476D1CE4E5B9ull;
    if (h % 100'003 == 0)
        return qQNaN();
    return 1.0 / (1 + double(i) * 0.001) + double(h % 1000) / 5000.0 + (h % 50'021 == 0 ? 50 : 0);
}

struct Chart { // what one way keeps per series
    virtual ~Chart() = default;
    virtual void grow(Id series, qint64 have) = 0; // the store now holds more points
    virtual void draw(Id series, double x0, double x1, QList<QPointF> *out) = 0;
    virtual double heldBytes() const = 0; // the points or summaries kept
    virtual std::unique_ptr<SeriesLoader::ReadBatch> readBatch() { return nullptr; }
};

struct FullChart : Chart {
    explicit FullChart(Workspace &ws)
        : loader(ws)
    {}
    void grow(Id series, qint64) override
    {
        QString error;
        if (!loader.refresh(series, nullptr, &error))
            qFatal("%s", qPrintable(error));
        const SeriesArrays *a = loader.cached(series);
        blocks[series].append(a->value.constData(), a->size());
    }
    void draw(Id series, double x0, double x1, QList<QPointF> *out) override
    {
        const SeriesArrays *a = loader.cached(series);
        Decimator::extremesPerPixel(a->step.constData(), a->value.constData(), a->size(), x0, x1,
                                    width, out, &blocks[series]);
    }
    double heldBytes() const override
    {
        double bytes = 0;
        for (const auto &[id, b] : blocks) {
            const SeriesArrays *a = loader.cached(id);
            bytes += 8.0 * double(a->step.capacity() + a->time.capacity() + a->value.capacity())
                     + double(b.blocks()) * 18;
        }
        return bytes;
    }
    SeriesLoader loader;
    std::map<Id, ExtremaBlocks> blocks;
};

struct LodChart : Chart {
    explicit LodChart(Workspace &ws)
        : loader(ws)
    {}
    void grow(Id series, qint64 have) override
    {
        auto &lod = series_[series];
        if (!lod) {
            lod = std::make_unique<LodSeries>(pointblocks::blockSize, 16);
            lod->setSource([this, series](qsizetype b, LodSeries::Points *out) {
                return loader.readBlock(series, b, pointblocks::blockSize, out, nullptr);
            });
        }
        fresh.step.clear();
        fresh.time.clear();
        fresh.value.clear();
        QString error;
        if (!loader.fetch(series, lod->size(), have, &fresh, &error))
            qFatal("%s", qPrintable(error));
        lod->append(fresh.step.constData(), fresh.value.constData(), fresh.size());
    }
    void draw(Id series, double x0, double x1, QList<QPointF> *out) override
    {
        if (!series_[series]->extremesPerPixel(x0, x1, width, out))
            qFatal("lod: reading a block failed");
    }
    double heldBytes() const override
    {
        double bytes = 0;
        for (const auto &[id, lod] : series_)
            bytes += double(lod->memoryBytes());
        return bytes;
    }
    std::unique_ptr<SeriesLoader::ReadBatch> readBatch() override
    {
        return std::make_unique<SeriesLoader::ReadBatch>(loader);
    }
    SeriesLoader loader;
    SeriesArrays fresh; // only the points of one tick
    std::map<Id, std::unique_ptr<LodSeries>> series_;
};

// The product itself: a comparison's panels (MetricChartView, one per
// metric, ten runs each) on one SeriesLoader with its memory budget, as the
// GUI holds them. Acts for the whole chart when asked about series 1.
struct PanelChart : Chart {
    PanelChart(Workspace &ws, int series, qsizetype budget)
        : loader(ws)
    {
        if (budget >= 0)
            loader.setMemoryBudget(budget);
        for (int first = 1; first <= series; first += 10) {
            auto view = std::make_unique<MetricChartView>(ws, &loader, QStringLiteral("m"));
            view->resize(width + 100, 400); // a plot about `width` wide
            view->show();
            QList<ChartRun> runs;
            for (int s = first; s < first + 10 && s <= series; ++s)
                runs.append({s, QStringLiteral("soak_%1").arg(s), ComparisonTab::runColor(s), 0});
            if (!view->setRuns(runs, nullptr))
                qFatal("setRuns failed");
            panels.push_back(std::move(view));
        }
        QCoreApplication::processEvents();
    }
    void grow(Id series, qint64) override
    {
        QString error;
        if (series == 1)
            for (auto &view : panels)
                if (!view->refresh(&error)) // following: redraws
                    qFatal("%s", qPrintable(error));
    }
    void draw(Id series, double x0, double x1, QList<QPointF> *out) override
    {
        MetricChartView &view = *panels[size_t((series - 1) / 10)];
        if (series == 1) {
            for (auto &v : panels) {
                if (x0 == 0 && x1 == shownTo) { // back to the live view
                    if (!v->isFollowing())
                        v->resetZoom();
                } else {
                    v->zoomTo(x0, x1);
                }
            }
        }
        *out = view.lineSeries().at((series - 1) % 10)->points();
    }
    double heldBytes() const override { return double(loader.heldBytes()); }
    SeriesLoader loader;
    std::vector<std::unique_ptr<MetricChartView>> panels;
    double shownTo = 0; // the live view's range, as the loop keeps it
};

int child(const QString &mode, const QString &path, qint64 points, int series)
{
    QString error;
    auto ws = Workspace::open(path, &error);
    if (!ws)
        qFatal("%s", qPrintable(error));
    exec(*ws, QStringLiteral("PRAGMA synchronous=OFF"));
    if (qgetenv("MLWB_SOAK_MMAP") == "0") // reads through read(): no database pages in RSS
        exec(*ws, QStringLiteral("PRAGMA mmap_size=0"));
    std::unique_ptr<Chart> chart;
    PanelChart *panels = nullptr;
    if (mode == QLatin1String("full"))
        chart = std::make_unique<FullChart>(*ws);
    else if (mode == QLatin1String("lod"))
        chart = std::make_unique<LodChart>(*ws);
    else {
        const qsizetype budget = mode == QLatin1String("gui-capped") ? qsizetype(256) << 20 : -1;
        auto p = std::make_unique<PanelChart>(*ws, series, budget);
        panels = p.get();
        chart = std::move(p);
    }
    PointBlockWriter writer(ws->database());
    const qint64 perTick = std::max<qint64>(1, points / ticks);
    const int warmTicks = ticks / 10;
    double anon0 = 0, rss0 = 0;
    qint64 have = 0, have0 = 0;
    std::vector<double> redraws;
    double shownTo = 0;
    QList<QPointF> out;
    for (int tick = 0; tick < ticks; ++tick) {
        const qint64 next = tick == ticks - 1 ? points : have + perTick;
        exec(*ws, QStringLiteral("BEGIN"));
        for (Id s = 1; s <= series; ++s)
            for (qint64 i = have; i < next; ++i)
                if (!writer.append(s, i, i, 1.7e9 + double(i) / 300, valueAt(int(s), i), &error))
                    qFatal("%s", qPrintable(error));
        if (!writer.flush(&error))
            qFatal("%s", qPrintable(error));
        exec(*ws, QStringLiteral("COMMIT"));
        have = next;
        // Following as the chart does: the x axis gets a tenth more room
        // when the data reaches its end, and keeps its range meanwhile.
        if (double(have - 1) > shownTo)
            shownTo = double(have - 1) * 1.1;
        if (panels)
            panels->shownTo = shownTo;
        redraws.push_back(bench::medianMs(1, [&] {
            const auto batch = chart->readBatch();
            for (Id s = 1; s <= series; ++s) {
                chart->grow(s, have);
                chart->draw(s, 0, shownTo, &out);
            }
        }));
        if (tick == warmTicks) { // the window is full: growth from here on
            anon0 = statusMb("RssAnon");
            rss0 = statusMb("VmRSS");
            have0 = have;
        }
    }
    const double millions = double(have - have0) * series / 1e6;
    const double anonPerM = (statusMb("RssAnon") - anon0) / millions;
    const double rssPerM = (statusMb("VmRSS") - rss0) / millions;
    std::nth_element(redraws.begin(), redraws.begin() + ticks / 2, redraws.end());
    // Into a 1,000-step window; the runs log on meanwhile; back to the live
    // view (Reset Zoom returns to its range); and a range neither way drew
    // before (the axis growing by a tenth, a resize): no kept picture helps.
    QRandomGenerator random(15);
    std::vector<double> ins, backs, fresh;
    for (int k = 0; k < 9; ++k) {
        const double x0 = std::floor(random.bounded(double(have - 1000)));
        ins.push_back(bench::medianMs(1, [&] {
            const auto batch = chart->readBatch();
            for (Id s = 1; s <= series; ++s) {
                chart->draw(s, x0, x0 + 999, &out);
                if (out.size() < 1000)
                    qFatal("a 1,000-step window drew %lld points", qlonglong(out.size()));
            }
        }));
        exec(*ws, QStringLiteral("BEGIN"));
        for (Id s = 1; s <= series; ++s)
            for (qint64 i = have; i < have + 300; ++i)
                if (!writer.append(s, i, i, 1.7e9 + double(i) / 300, valueAt(int(s), i), &error))
                    qFatal("%s", qPrintable(error));
        if (!writer.flush(&error))
            qFatal("%s", qPrintable(error));
        exec(*ws, QStringLiteral("COMMIT"));
        have += 300;
        backs.push_back(bench::medianMs(1, [&] {
            const auto batch = chart->readBatch();
            for (Id s = 1; s <= series; ++s) {
                chart->grow(s, have);
                chart->draw(s, 0, shownTo, &out);
            }
        }));
        fresh.push_back(bench::medianMs(1, [&] {
            const auto batch = chart->readBatch(); // as a chart's redraw reads
            for (Id s = 1; s <= series; ++s)
                chart->draw(s, 0, double(have - 1) + k, &out);
        }));
    }
    for (auto *v : {&ins, &backs, &fresh})
        std::nth_element(v->begin(), v->begin() + 4, v->end());
    const double zoomIn = ins[4], zoomOut = backs[4], newRange = fresh[4];
    std::printf("RESULT %s %.3f %.3f %.2f %.2f %.2f %.3f %.2f\n", qPrintable(mode), anonPerM,
                rssPerM, redraws[ticks / 2], zoomIn, zoomOut,
                chart->heldBytes() / (1024.0 * 1024.0) / (double(have) * series / 1e6), newRange);
    return 0;
}

} // namespace

int main(int argc, char *argv[])
{
    const bool gui = argc == 6 && QByteArray(argv[2]).startsWith("gui");
    if (gui)
        qputenv("QT_QPA_PLATFORM", "offscreen");
    std::unique_ptr<QCoreApplication> app(gui ? new QApplication(argc, argv)
                                              : new QCoreApplication(argc, argv));
    if (argc == 6 && QByteArray(argv[1]) == "--child")
        return child(QString::fromLocal8Bit(argv[2]), QString::fromLocal8Bit(argv[3]),
                     QByteArray(argv[4]).toLongLong(), QByteArray(argv[5]).toInt());
    qint64 points = qEnvironmentVariableIsSet("MLWB_SOAK_POINTS")
                        ? qgetenv("MLWB_SOAK_POINTS").toLongLong()
                        : 300'000;
    if (argc > 1)
        points = QByteArray(argv[1]).toLongLong();
    const int runs = argc > 2 ? QByteArray(argv[2]).toInt() : 10;
    const int metrics = argc > 3 ? QByteArray(argv[3]).toInt() : 3;
    const int series = runs * metrics;
    std::printf("bench_chartsoak: %d runs x %d metrics x %lld points (issue's size: 10 x 3 x "
                "3,000,000), %d ticks, full view at %d px (median ms)\n",
                runs, metrics, qlonglong(points), ticks, width);
    std::fflush(stdout);
    double figures[4][7] = {};
    const char *modes[] = {"full", "lod", "gui", "gui-capped"};
    const QByteArray only = qgetenv("MLWB_SOAK_ONLY"); // one way only
    for (int m = 0; m < 4; ++m) {
        if (!only.isEmpty() && only != modes[m])
            continue;
        QTemporaryDir dir;
        const QString path = dir.filePath(QStringLiteral("ws"));
        QString error;
        {
            auto ws = Workspace::create(path, &error);
            if (!ws)
                qFatal("%s", qPrintable(error));
            exec(*ws, QStringLiteral("INSERT INTO experiments(id, name, created_at) "
                                     "VALUES (1, 'soak', 0)"));
            for (int s = 1; s <= series; ++s) {
                exec(*ws, QStringLiteral("INSERT INTO runs(id, uid, experiment_id, status, "
                                         "created_at) VALUES (%1, 'soak_%1', 1, 'Running', 0)")
                              .arg(s));
                exec(*ws, QStringLiteral("INSERT INTO metric_series(id, run_id, name, kind, "
                                         "count) VALUES (%1, %1, 'm', 'scalar', 0)")
                              .arg(s));
            }
        }
        QProcess proc;
        proc.setProcessChannelMode(QProcess::ForwardedErrorChannel);
        proc.start(QCoreApplication::applicationFilePath(),
                   {QStringLiteral("--child"), QString::fromLatin1(modes[m]), path,
                    QString::number(points), QString::number(series)});
        if (!proc.waitForFinished(-1) || proc.exitCode() != 0)
            qFatal("the %s child failed", modes[m]);
        const QList<QByteArray> words = proc.readAllStandardOutput().trimmed().split(' ');
        if (words.size() != 9)
            qFatal("the %s child printed no result", modes[m]);
        for (int k = 0; k < 7; ++k)
            figures[m][k] = words.at(k + 2).toDouble();
    }
    const auto &full = figures[0], &lod = figures[1];
    std::printf(
        "  ways: full = every point held (the baseline), lod = block summaries (LodSeries),\n"
        "        gui = the chart panels themselves (3 x MetricChartView, 10 runs each) at\n"
        "        the default memory budget, and with a 256 MB budget\n");
    std::printf("  %-48s %9s %9s %9s %9s\n", "", "full", "lod", "gui", "gui 256MB");
    auto row = [&](const char *what, int k, const char *target) {
        std::printf("  %-48s %9.2f %9.2f %9.2f %9.2f  %s\n", what, figures[0][k], figures[1][k],
                    figures[2][k], figures[3][k], target);
    };
    row("memory growth per million points, anonymous MB", 0, "(target <= 2)");
    row("  and total RSS (+ the mmapped store's pages) MB", 1, "");
    row("points held per million points, MB", 5, "");
    row("redraw of all series per tick, following, ms", 2, "");
    row("zoom into a 1,000-step window, ms", 3, "(target <= 30)");
    row("back to the live view after the runs grew, ms", 4, "(target <= 30)");
    row("a range not drawn before (axis growth), ms", 6, "");
    std::printf("  ratios against full: memory growth lod %.3f, gui 256MB %.3f; back lod %.2f\n",
                lod[0] / full[0], figures[3][0] / full[0], lod[4] / full[4]);
    return 0;
}
