// Live chart: 10 real runs (submitted with `mlwb run submit`) log 1,000
// points/s each while a ComparisonTab of all 10 is shown (offscreen
// platform). Over a steady window (startup and ramp-up left out) it measures
//  - the GUI thread's CPU time / wall time (getrusage(RUSAGE_THREAD));
//  - log call -> pixel: each point's value is the wall-clock time of its log
//    call; after every paint of the chart's viewport (hooked in notify(), so
//    after the paint, at the end of the window's backing-store update) we note
//    the newest step each line draws. A point is on screen at the first paint
//    whose line reaches its step. Reported for every point logged in the window
//    and, as the brief words it, for the newest point per line per paint.
// Baselines from the same run: the GUI thread's CPU share with the same chart
// open and the same runs alive but idle, and log -> visible in the store for
// the same points (another thread polls the series counts every 10 ms).
// As a user has it: each run also logs `u` every 10th step, merged into the
// panel of `t`; the pointer hovers over the plot (a move every 100 ms, so the
// crosshair's readout is recomputed); the first run's page is open on its
// Metrics tab, its live charts included: a document tab behind the chart, as
// the main window has it, or beside it (both on screen at once).
//
//   bench_chartlive [runs=10] [points per second=1000] [window seconds=8]
//                   [other metrics=0: each logged every step, a panel each]
//                   [run page=behind: a tab behind the chart | beside: on screen too]
//   (issue 15's shape: 10 300 8 2, three panels of 10 runs at 300 points/s)
#include "charts/comparisontab.h"
#include "charts/metricchartview.h"
#include "metrics/metrics.h"
#include "metrics/seriesloader.h"
#include "runs/rundetails.h"
#include "store/computetargets.h"
#include "store/runs.h"
#include "store/workspace.h"

#include <QApplication>
#include <QDir>
#include <QEventLoop>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineSeries>
#include <QMouseEvent>
#include <QProcess>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QThread>
#include <QTimer>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <iterator>
#include <sys/resource.h>

using namespace mlwb;

namespace {

const QString metric = QStringLiteral("t");

double wallNow() // seconds since the epoch, like Python's time.time()
{
    using namespace std::chrono;
    return duration<double>(system_clock::now().time_since_epoch()).count();
}

double threadCpuSeconds() // of the calling thread
{
    rusage usage{};
    getrusage(RUSAGE_THREAD, &usage);
    return double(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec)
           + double(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
}

void spin(int ms)
{
    QEventLoop loop;
    QTimer::singleShot(ms, Qt::PreciseTimer, &loop, &QEventLoop::quit);
    loop.exec();
}

double percentile(std::vector<double> v, double p)
{
    if (v.empty())
        return qQNaN();
    std::sort(v.begin(), v.end());
    return v[std::min(v.size() - 1, size_t(p * double(v.size())))];
}

// "run `index` shows up to `step`" at time t.
struct Sighting {
    double t;
    int run;
    qint64 step;
};

// Notes what the chart's lines hold after each paint of its viewport. The
// stamp is taken when the enclosing update of the window returns, that is
// once the backing store holds the pixels.
class BenchApp : public QApplication
{
public:
    using QApplication::QApplication;

    QWidget *viewport = nullptr;
    MetricChartView *panel = nullptr;
    QHash<QString, int> runIndex; // series name ("run name · t") -> index
    std::vector<qint64> shown;    // per run: newest step drawn so far
    std::vector<Sighting> sightings;
    int paints = 0;

    bool notify(QObject *receiver, QEvent *event) override
    {
        const QEvent::Type type = event->type();
        const bool update = type == QEvent::UpdateRequest;
        m_depth += update;
        const bool result = QApplication::notify(receiver, event);
        m_depth -= update;
        if (type == QEvent::Paint && receiver == viewport && viewport) {
            m_pending = true;
            ++paints;
        }
        if (m_pending && m_depth == 0)
            note();
        return result;
    }

private:
    void note()
    {
        m_pending = false;
        const double t = wallNow();
        const QList<QLineSeries *> lines = panel->lineSeries();
        for (QLineSeries *line : lines) {
            const int run = runIndex.value(line->name(), -1);
            const int n = line->count();
            if (run < 0 || n == 0)
                continue;
            const auto step = qint64(line->at(n - 1).x()); // M4 keeps every line's last point
            if (step > shown[size_t(run)]) {
                shown[size_t(run)] = step;
                sightings.push_back({t, run, step});
            }
        }
    }

    int m_depth = 0;
    bool m_pending = false;
};

// Polls the series' point counts on its own connection: when each point
// became visible in the store (the baseline the chart cannot beat).
class StorePoller : public QThread
{
public:
    StorePoller(const QString &workspace, const QList<Id> &runs)
        : m_path(workspace)
        , m_runs(runs)
    {}
    std::atomic<bool> stop{false};
    std::vector<Sighting> sightings; // step = count - 1; read after wait()

protected:
    void run() override
    {
        QString error;
        auto ws = Workspace::open(m_path, &error);
        if (!ws)
            qFatal("%s", qPrintable(error));
        std::vector<qint64> seen(size_t(m_runs.size()), -1);
        while (!stop) {
            for (int i = 0; i < m_runs.size(); ++i) {
                const auto s = Metrics(*ws).find(m_runs.at(i), metric);
                const double t = wallNow();
                if (s && s->count - 1 > seen[size_t(i)]) {
                    seen[size_t(i)] = s->count - 1;
                    sightings.push_back({t, i, s->count - 1});
                }
            }
            QThread::msleep(10);
        }
    }

private:
    QString m_path;
    QList<Id> m_runs;
};

// Latency in ms of every point logged in [from, to], run by run in log
// order: when the first sighting of its run reached its step, minus its log
// time; NaN if never seen.
std::vector<double> latencies(const std::vector<Sighting> &sightings,
                              const std::vector<SeriesArrays> &points, double from, double to)
{
    std::vector<double> out;
    for (size_t run = 0; run < points.size(); ++run) {
        std::vector<Sighting> mine;
        for (const Sighting &s : sightings)
            if (size_t(s.run) == run)
                mine.push_back(s);
        size_t k = 0;
        const SeriesArrays &a = points[run];
        for (qsizetype i = 0; i < a.size(); ++i) {
            const double logged = a.value.at(i);
            if (logged < from || logged > to)
                continue;
            while (k < mine.size() && mine[k].step < qint64(a.step.at(i)))
                ++k;
            out.push_back(k == mine.size() ? qQNaN() : (mine[k].t - logged) * 1000.0);
        }
    }
    return out;
}

// Median and 99th percentile of the seen ones, and how many were not seen.
QString summary(const std::vector<double> &ms)
{
    std::vector<double> seen;
    std::copy_if(ms.begin(), ms.end(), std::back_inserter(seen),
                 [](double v) { return !std::isnan(v); });
    QString text = QStringLiteral("median %1 ms, p99 %2 ms")
                       .arg(percentile(seen, 0.5), 6, 'f', 1)
                       .arg(percentile(seen, 0.99), 6, 'f', 1);
    if (seen.size() < ms.size())
        text += QStringLiteral(" (%1 never seen)").arg(ms.size() - seen.size());
    return text;
}

const char script[] = R"PY(import os, sys, time, mlwb
go, seconds, rate = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
others = ['m%d' % k for k in range(int(sys.argv[4]))]
run = mlwb.Run.get_context()
run.log('t', time.time(), 0)  # the lines exist before the chart opens, with two
run.log('t', time.time(), 0)  # points each: a metric logged once is shown as a number
run.log('u', time.time(), 0)
run.log('u', time.time(), 0)
for name in others:
    run.log(name, 0, 0)
    run.log(name, 0, 0)
while not os.path.exists(go):
    time.sleep(0.01)
t0 = time.time()
step = 1
while True:
    now = time.time()
    if now - t0 >= seconds:
        break
    due = int((now - t0) * rate) + 1
    while step <= due:
        run.log('t', time.time(), step)  # value: when this log call happened
        if step % 10 == 0:
            run.log('u', time.time(), step)  # merged into t's panel
        for name in others:
            run.log(name, step * 0.001, step)  # a panel of its own
        step += 1
    time.sleep(0.002)
)PY";

} // namespace

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    BenchApp app(argc, argv);
    const int runCount = argc > 1 ? std::atoi(argv[1]) : 10;
    const int rate = argc > 2 ? std::atoi(argv[2]) : 1000;
    const int windowSeconds = argc > 3 ? std::atoi(argv[3]) : 8;
    const int others = argc > 4 ? std::atoi(argv[4]) : 0;
    const bool beside = argc > 5 && qstrcmp(argv[5], "beside") == 0;
    const int rampMs = 2000, idleMs = 3000;
    const double logSeconds = (rampMs / 1000.0) + windowSeconds + 2;
    if (qEnvironmentVariableIsEmpty("MLWB_PROGRAM"))
        qputenv("MLWB_PROGRAM", MLWB_BINARY);

    QTemporaryDir dir;
    // The merged panel is remembered in the user's settings: keep them here.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, dir.path());
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, dir.path());
    const QString wsPath = dir.filePath(QStringLiteral("ws"));
    QString error;
    auto ws = Workspace::create(wsPath, &error);
    if (!ws)
        qFatal("%s", qPrintable(error));
    // All runs at once: the local target's limit defaults to the core count.
    auto local = ComputeTargets(*ws).find(QStringLiteral("local"), &error);
    if (!local)
        qFatal("%s", qPrintable(error));
    local->maxConcurrent = runCount;
    if (!ComputeTargets(*ws).update(*local, &error))
        qFatal("%s", qPrintable(error));
    const QString project = dir.filePath(QStringLiteral("project"));
    QDir().mkpath(project);
    QFile file(project + QStringLiteral("/live.py"));
    if (!file.open(QIODevice::WriteOnly) || file.write(script) < 0)
        qFatal("cannot write live.py");
    file.close();
    const QString go = dir.filePath(QStringLiteral("go"));

    QList<Id> runIds;
    for (int i = 0; i < runCount; ++i) {
        QProcess submit;
        submit.setWorkingDirectory(project);
        submit.start(QStringLiteral(MLWB_BINARY),
                     {QStringLiteral("run"), QStringLiteral("submit"),
                      QStringLiteral("--workspace"), wsPath, QStringLiteral("--format"),
                      QStringLiteral("json"), QStringLiteral("live.py"), go,
                      QString::number(logSeconds), QString::number(rate), QString::number(others)});
        if (!submit.waitForFinished(60000) || submit.exitCode() != 0)
            qFatal("mlwb run submit failed: %s", submit.readAllStandardError().constData());
        const QString uid = QJsonDocument::fromJson(submit.readAllStandardOutput())
                                .object()
                                .value(QStringLiteral("id"))
                                .toString();
        const auto run = Runs(*ws).find(uid, &error);
        if (!run)
            qFatal("%s", qPrintable(error));
        runIds << run->id;
    }
    // Every run started and its lines exist (two points each).
    QElapsedTimer started;
    started.start();
    for (int ready = 0; ready < runCount;) {
        if (started.elapsed() > 120000)
            qFatal("the runs did not start");
        spin(50);
        ready = 0;
        for (Id id : std::as_const(runIds)) {
            const auto t = Metrics(*ws).find(id, metric);
            const auto u = Metrics(*ws).find(id, QStringLiteral("u"));
            bool all = t && u && t->count >= 2 && u->count >= 2;
            for (int k = 0; k < others; ++k) {
                const auto m = Metrics(*ws).find(id, QStringLiteral("m%1").arg(k));
                all = all && m && m->count >= 2;
            }
            ready += all;
        }
    }

    // The chart of all 10, the way the GUI opens it, `u` merged into `t`,
    // in front in the main window's document tabs.
    QTabWidget documents;
    auto *tab = new ComparisonTab(*ws);
    if (!tab->setComparison(runIds, {}, &error))
        qFatal("cannot open the comparison: %s", qPrintable(error));
    tab->mergePanels(QStringLiteral("u"), metric);
    for (MetricChartView *panel : tab->panels())
        if (panel->metric() == metric)
            app.panel = panel;
    if (!app.panel || app.panel->metrics().size() != 2 || tab->panels().size() != 1 + others)
        qFatal("cannot merge u into t");
    documents.addTab(tab, QStringLiteral("chart"));
    documents.resize(1400, 900);
    documents.show();
    app.viewport = app.panel->viewport();
    for (int i = 0; i < runCount; ++i) {
        const auto run = Runs(*ws).find(runIds.at(i));
        const QString name = run->displayName.isEmpty() ? run->uid : run->displayName;
        app.runIndex.insert(name + QStringLiteral(" · ") + metric, i);
    }
    // The run's page open on its Metrics tab: behind the chart, a document
    // tab as the main window has it, or "beside" it in a window of its own
    // (both on screen, which the main window never does: the heavier case).
    auto *page = new RunDetails(ws.get(), runIds.first());
    page->pages()->setCurrentIndex(RunDetails::MetricsPage);
    std::unique_ptr<RunDetails> pageWindow;
    if (beside) {
        pageWindow.reset(page);
        page->resize(1400, 900);
        page->show();
    } else {
        documents.addTab(page, QStringLiteral("run"));
    }
    QTimer hover; // the pointer rests on the plot, moving a little
    int wiggle = 0;
    QObject::connect(&hover, &QTimer::timeout, [&] {
        const QRectF plot = app.panel->chart()->plotArea();
        const QPoint at = app.panel->mapFromScene(app.panel->chart()->mapToScene(
            plot.center() + QPointF(plot.width() / 5 + (++wiggle % 2), 0)));
        QMouseEvent move(QEvent::MouseMove, at, app.viewport->mapToGlobal(at), Qt::NoButton,
                         Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(app.viewport, &move);
    });
    hover.start(100);
    app.shown.assign(size_t(runCount), -1);
    StorePoller poller(wsPath, runIds);
    poller.start();
    spin(1000); // settle: first layout and paints

    // Baseline: the same chart and runs, nobody logging.
    double cpu0 = threadCpuSeconds(), wall0 = wallNow();
    spin(idleMs);
    const double idleShare = (threadCpuSeconds() - cpu0) / (wallNow() - wall0);

    QFile(go).open(QIODevice::WriteOnly);
    const double goTime = wallNow();
    spin(rampMs);
    const int paints0 = app.paints;
    cpu0 = threadCpuSeconds();
    wall0 = wallNow();
    spin(windowSeconds * 1000);
    const double wall1 = wallNow();
    const double liveShare = (threadCpuSeconds() - cpu0) / (wall1 - wall0);
    const int windowPaints = app.paints - paints0;

    // Let every run finish so each point in the window reaches the chart.
    for (bool done = false; !done && started.elapsed() < 600000;) {
        spin(200);
        done = true;
        for (Id id : std::as_const(runIds)) {
            const auto run = Runs(*ws).find(id);
            done = done && run && isFinal(run->status);
        }
    }
    for (Id id : std::as_const(runIds))
        if (const auto run = Runs(*ws).find(id); run->status != RunStatus::Completed)
            std::fprintf(stderr, "run %s: %s %s\n", qPrintable(run->uid),
                         qPrintable(statusName(run->status)), qPrintable(run->error));
    spin(500);
    poller.stop = true;
    poller.wait();

    std::vector<SeriesArrays> points(static_cast<size_t>(runCount));
    SeriesLoader loader(*ws);
    for (int i = 0; i < runCount; ++i) {
        const auto s = Metrics(*ws).find(runIds.at(i), metric);
        if (!s || !loader.fetch(s->id, 0, -1, &points[size_t(i)], &error))
            qFatal("cannot read run %d: %s", i, qPrintable(error));
    }
    const auto store = latencies(poller.sightings, points, wall0, wall1);
    const auto pixel = latencies(app.sightings, points, wall0, wall1);
    std::vector<double> added; // what the chart adds after the store
    for (size_t i = 0; i < pixel.size(); ++i)
        added.push_back(pixel[i] - store[i]);
    // The brief's reading: per paint, per line that moved, its newest point.
    std::vector<double> newest;
    for (const Sighting &s : app.sightings) {
        const SeriesArrays &a = points[size_t(s.run)];
        const qsizetype at = qsizetype(s.step) + 1; // step 0 came twice
        if (s.t >= wall0 && s.t <= wall1 && at < a.size() && a.step.at(at) == s.step)
            newest.push_back((s.t - a.value.at(at)) * 1000.0);
    }

    std::printf("bench_chartlive: %d runs x %d points/s x %d metrics, tab of all %d (%dx%d, the "
                "panel %dx%d, offscreen, u merged into t, hover, run page open %s), steady window "
                "%.1f s from %.1f s after logging began (%zu points)\n",
                runCount, rate, 1 + others, runCount, tab->width(), tab->height(),
                app.panel->width(), app.panel->height(),
                beside ? "beside it in its own window" : "in a tab behind it", wall1 - wall0,
                wall0 - goTime, pixel.size());
    std::printf(
        "  GUI thread CPU, same chart, runs alive but idle (baseline): %5.1f %% of a core\n",
        idleShare * 100);
    std::printf("  GUI thread CPU while logging:                               %5.1f %% of a core"
                "  (target < 15 %%)\n",
                liveShare * 100);
    std::printf("  chart paints per second in the window: %.1f\n", windowPaints / (wall1 - wall0));
    std::printf("  log -> visible in store (baseline, 10 ms polls): %s\n",
                qPrintable(summary(store)));
    std::printf("  log -> pixel, every point:                       %s  (target p99 < 250 ms)\n",
                qPrintable(summary(pixel)));
    std::printf("    of which store -> pixel:                       %s\n",
                qPrintable(summary(added)));
    std::printf("  log -> pixel, newest point per line per paint:   %s\n",
                qPrintable(summary(newest)));
    return 0;
}
