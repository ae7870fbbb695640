// (b) Redraw one panel of 50 runs x 1,000,000 points after a zoom: decimate
// every line from the full data, replace() its points and paint the panel.
// Baseline: the same panel painting without re-decimation (paint only).
// As a user has it: val_loss (100,000 points a run, every 10th step) merged
// into the panel, the hover crosshair over it (its readout computed for each
// redraw) and run 1's page open on its Metrics tab.
// Usage: bench_chartredraw [runs] [picture.png of the last zoom, to check it].
#include "benchtiming.h"
#include "benchworkspace.h"
#include "charts/comparisontab.h"
#include "charts/metricchartview.h"
#include "metrics/seriesloader.h"
#include "runs/rundetails.h"

#include <QApplication>
#include <QCoreApplication>
#include <QImage>
#include <QMouseEvent>
#include <QPainter>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTextStream>

using namespace mlwb;

int main(int argc, char *argv[])
{
    qputenv("QT_QPA_PLATFORM", "offscreen");
    QApplication app(argc, argv);
    const int runs = argc > 1 ? QString::fromLocal8Bit(argv[1]).toInt() : 50;
    QTextStream out(stdout);
    QTemporaryDir dir;
    QString error;
    auto ws = Workspace::create(dir.path() + QStringLiteral("/ws"), &error);
    if (!ws)
        qFatal("%s", qPrintable(error));
    bench::fill(*ws, runs, 1'000'000);
    bench::fill(*ws, runs, 100'000, QStringLiteral("val_loss"), 10, runs);
    RunDetails page(ws.get(), 1);
    page.pages()->setCurrentIndex(RunDetails::MetricsPage);
    page.resize(1400, 900);
    page.show();
    SeriesLoader loader(*ws);
    MetricChartView view(*ws, &loader, QStringLiteral("loss"));
    view.setMerged({QStringLiteral("val_loss")});
    view.resize(1600, 600);
    // Shown (offscreen), so the chart is laid out at the panel's size with
    // its axes; a hidden view paints QChart's default size without them.
    view.show();
    QCoreApplication::processEvents();
    QList<ChartRun> chartRuns;
    for (int i = 1; i <= runs; ++i)
        chartRuns.append({i, QStringLiteral("bench_%1").arg(i), ComparisonTab::runColor(i), 1.7e9});
    QElapsedTimer load;
    load.start();
    view.setRuns(chartRuns, nullptr);
    const double loadMs = double(load.elapsed());
    QImage image(view.size(), QImage::Format_ARGB32_Premultiplied);
    image.fill(Qt::white);
    auto paint = [&] {
        // New axis labels relayout the chart (a posted event in the app).
        QCoreApplication::sendPostedEvents(nullptr, QEvent::LayoutRequest);
        // The pointer rests on the plot: the crosshair's readout follows the new data.
        const QPointF at = view.mapFromScene(view.chart()->mapToScene(
            view.chart()->plotArea().center() + QPointF(view.chart()->plotArea().width() / 5, 0)));
        QMouseEvent hover(QEvent::MouseMove, at, view.viewport()->mapToGlobal(at), Qt::NoButton,
                          Qt::NoButton, Qt::NoModifier);
        QCoreApplication::sendEvent(view.viewport(), &hover);
        QPainter painter(&image);
        view.render(&painter);
    };
    const double paintOnly = bench::medianMs(5, paint);
    int zoom = 0;
    const double redraw = bench::medianMs(7, [&] {
        // A different window each time, like successive zooms and pans.
        const double x0 = 100'000.0 * (zoom % 5), x1 = x0 + 400'000.0 / (1 + zoom % 3);
        ++zoom;
        view.zoomTo(x0, x1);
        paint();
    });
    const double noPaint = bench::medianMs(7, [&] {
        const double x0 = 100'000.0 * (zoom % 5), x1 = x0 + 400'000.0 / (1 + zoom % 3);
        ++zoom;
        view.zoomTo(x0, x1);
    });
    if (argc > 2) { // a picture of the last zoom, to check what is measured
        paint();
        image.save(QString::fromLocal8Bit(argv[2]));
    }
    const double whole = bench::medianMs(5, [&] {
        view.resetZoom();
        paint();
    });
    out << "bench_chartredraw: " << runs
        << " runs x 1,000,000 points + val_loss merged (100,000 a run), hover readout, run 1's "
           "page open, 1600 px panel (median ms)\n"
        << "  first load of all points from the store: " << loadMs << "\n"
        << "  paint only (baseline): " << paintOnly << "\n"
        << "  zoom: re-decimate + replace + paint: " << redraw << "  ratio " << redraw / paintOnly
        << "\n"
        << "  of which re-decimate + replace (no paint): " << noPaint << "\n"
        << "  reset to all data (unchanged: the kept columns) + replace + paint: " << whole
        << "  ratio "
        << whole / paintOnly << "\n  target < 50 ms per redraw\n";
    return 0;
}
